"""Manipulation functions (Array API standard, "Manipulation Functions")."""

from __future__ import annotations

import builtins
import math
import operator

import numpy as np

from .. import _dispatch
from .._dispatch import normalize_axes, normalize_axis
from .._dtypes import normalize_dtype
from .._registry import DEFAULT, Fast, Kind, Op, axes, axis, tensor


def broadcast_shapes(*shapes):
    """The shape that broadcasting ``shapes`` together gives (a tuple)."""
    func = "broadcast_shapes"
    result: list[int] = []
    for shape in shapes:
        try:
            shape = tuple(operator.index(s) for s in shape)
        except TypeError:
            raise TypeError(f"{func}: every shape must be a tuple of ints, got {shape!r}") from None
        if any(s < 0 for s in shape):
            raise ValueError(f"{func}: shape {shape} has a negative dimension")
        if len(shape) > len(result):
            result = [1] * (len(shape) - len(result)) + result
        offset = len(result) - len(shape)
        for i, s in enumerate(shape):
            r = result[offset + i]
            if r == 1:
                result[offset + i] = s
            elif s != 1 and s != r:
                raise ValueError(
                    f"{func}: shapes {tuple(result)} and {shape} cannot be broadcast together"
                )
    return tuple(result)


def broadcast_arrays(*arrays):
    """The arrays broadcast against each other; returns a tuple of Tensors."""
    func = "broadcast_arrays"
    tensors = tuple(_dispatch.as_tensor(a, func, "arrays") for a in arrays)
    if not tensors:
        return ()
    broadcast_shapes(*(t.shape for t in tensors))
    return tuple(_dispatch.run("broadcast_arrays", tensors))


def broadcast_to(x, /, shape):
    """x broadcast to ``shape`` (a read-only view, as in NumPy)."""
    func = "broadcast_to"
    x = _dispatch.as_tensor(x, func)
    try:
        shape = tuple(operator.index(s) for s in shape)
    except TypeError:
        raise TypeError(f"{func}: shape must be a tuple of ints, got {shape!r}") from None
    try:
        compatible = broadcast_shapes(x.shape, shape) == shape
    except ValueError:
        compatible = False
    if not compatible:
        raise ValueError(f"{func}: cannot broadcast a tensor of shape {x.shape} to {shape}")
    return _dispatch.run("broadcast_to", (x,), shape)


def _tensors(func, arrays):
    if isinstance(arrays, _dispatch.TENSOR) or not isinstance(arrays, (list, tuple)):
        raise TypeError(f"{func}: arrays must be a tuple or list of Tensors")
    if not arrays:
        raise ValueError(f"{func}: arrays must not be empty")
    return tuple(_dispatch.as_tensor(a, func, "arrays") for a in arrays)


def _promoted(func, tensors):
    dtype = tensors[0].dtype
    for t in tensors[1:]:
        dtype = np.promote_types(dtype, t.dtype)
    return normalize_dtype(dtype, func)


def concat(arrays, /, *, axis=0):
    """Join tensors along an existing ``axis`` (``None``: flatten them first)."""
    func = "concat"
    tensors = _tensors(func, arrays)
    dtype = _promoted(func, tensors)
    if axis is not None:
        ndim = tensors[0].ndim
        if ndim == 0:
            raise ValueError(f"{func}: 0-d tensors cannot be concatenated along an axis")
        axis = normalize_axis(axis, ndim, func)
        for t in tensors[1:]:
            if t.ndim != ndim:
                raise ValueError(f"{func}: all tensors must have {ndim} dimensions, got {t.shape}")
            for i, (a, b) in enumerate(zip(tensors[0].shape, t.shape)):
                if i != axis and a != b:
                    raise ValueError(
                        f"{func}: shapes {tensors[0].shape} and {t.shape} differ off axis {axis}"
                    )
    return _dispatch.run("concat", tensors, axis=axis, dtype=dtype)


def stack(arrays, /, *, axis=0):
    """Join same-shape tensors along a new ``axis``."""
    func = "stack"
    tensors = _tensors(func, arrays)
    shape = tensors[0].shape
    for t in tensors[1:]:
        if t.shape != shape:
            raise ValueError(f"{func}: all tensors must have the same shape, got {shape} and {t.shape}")
    axis = normalize_axis(axis, len(shape) + 1, func)
    _promoted(func, tensors)  # refuses mixes outside the 13 dtypes
    return _dispatch.run("stack", tensors, axis=axis)


def expand_dims(x, /, axis=0):
    """x with a new axis of size 1 at ``axis`` (an int, or a tuple of ints)."""
    func = "expand_dims"
    x = _dispatch.as_tensor(x, func)
    axes = axis if isinstance(axis, tuple) else (axis,)
    out_ndim = x.ndim + len(axes)
    norm = normalize_axes(axes, out_ndim, func)
    return _dispatch.run("expand_dims", (x,), norm if isinstance(axis, tuple) else norm[0])


def flip(x, /, *, axis=None):
    """x with the order of elements reversed along ``axis`` (all axes by default)."""
    x = _dispatch.as_tensor(x, "flip")
    return _dispatch.run("flip", (x,), normalize_axes(axis, x.ndim, "flip"))


def moveaxis(x, source, destination, /):
    """x with axes ``source`` moved to positions ``destination``."""
    func = "moveaxis"
    x = _dispatch.as_tensor(x, func)
    # a list as NumPy takes it (SciPy passes ``axes`` lists)
    src = tuple(source) if isinstance(source, (tuple, list)) else (source,)
    dst = tuple(destination) if isinstance(destination, (tuple, list)) else (destination,)
    if len(src) != len(dst):
        raise ValueError(f"{func}: source and destination must have the same number of axes")
    src = tuple(normalize_axis(a, x.ndim, func, "source") for a in src)
    dst = tuple(normalize_axis(a, x.ndim, func, "destination") for a in dst)
    if len(set(src)) != len(src) or len(set(dst)) != len(dst):
        raise ValueError(f"{func}: repeated axis in source or destination")
    return _dispatch.run("moveaxis", (x,), src, dst)


def permute_dims(x, /, axes):
    """x with its axes permuted to ``axes``."""
    func = "permute_dims"
    x = _dispatch.as_tensor(x, func)
    axes = tuple(normalize_axis(a, x.ndim, func, "axes") for a in axes)
    if sorted(axes) != list(range(x.ndim)):
        raise ValueError(f"{func}: axes={axes} is not a permutation of {x.ndim} axes")
    return _dispatch.run("permute_dims", (x,), axes)


def repeat(x, repeats, /, *, axis=None):
    """Repeat each element of x ``repeats`` times along ``axis`` (flattened if None)."""
    func = "repeat"
    x = _dispatch.as_tensor(x, func)
    if axis is not None:
        axis = normalize_axis(axis, x.ndim, func)
    n = x.shape[axis] if axis is not None else x.size
    if isinstance(repeats, _dispatch.TENSOR):
        if repeats.dtype.kind not in "iu":
            raise TypeError(f"{func}: repeats must have an integer dtype, got {repeats.dtype}")
        if repeats.ndim > 1 or (repeats.ndim == 1 and repeats.shape[0] not in (1, n)):
            raise ValueError(f"{func}: repeats of shape {repeats.shape} does not match size {n}")
        if repeats.size and int(repeats._data.min()) < 0:
            raise ValueError(f"{func}: repeats must be non-negative")
        if repeats.size:
            total = float(repeats._data.sum(dtype=np.float64))
            _check_result_size(func, x, total * n if repeats.size == 1 else total, n)
        return _dispatch.run("repeat", (x, repeats), axis=axis)
    if not isinstance(repeats, (int, np.integer)) or isinstance(repeats, builtins.bool):
        raise TypeError(f"{func}: repeats must be an int or an integer Tensor")
    if repeats < 0:
        raise ValueError(f"{func}: repeats={repeats} must be non-negative")
    _check_result_size(func, x, float(repeats) * n, n)
    return _dispatch.run("repeat", (x,), repeats=int(repeats), axis=axis)


def _check_result_size(func, x, length, n):
    """ValueError before a result that no array can hold reaches a kernel (NumPy's
    repeat crashes the process on one): ``length`` elements along the repeated axis
    (of ``n`` now)."""
    other = x.size // n if n else 0
    elements = length * builtins.max(other, 1)
    if elements * x.dtype.itemsize >= 2.0 ** 63:
        raise ValueError(f"{func}: the result would have {int(elements)} elements, more than "
                         "an array can hold")


def reshape(x, /, shape, *, copy=None):
    """x with a new ``shape`` (one dimension may be -1). ``copy=False`` refuses to copy."""
    func = "reshape"
    x = _dispatch.as_tensor(x, func)
    try:
        shape = tuple(operator.index(s) for s in shape)
    except TypeError:
        raise TypeError(f"{func}: shape must be a tuple of ints, got {shape!r}") from None
    unknown = [i for i, s in enumerate(shape) if s == -1]
    if len(unknown) > 1 or any(s < -1 for s in shape):
        raise ValueError(f"{func}: invalid shape {shape}")
    known = math.prod(s for s in shape if s != -1)
    size = x.size
    if unknown:
        if known == 0 or size % known:
            raise ValueError(f"{func}: cannot reshape a tensor of size {size} into shape {shape}")
        shape = tuple(size // known if s == -1 else s for s in shape)
    elif known != size:
        raise ValueError(f"{func}: cannot reshape a tensor of size {size} into shape {shape}")
    return _dispatch.run("reshape", (x,), shape, copy)


def roll(x, /, shift, *, axis=None):
    """Shift elements of x by ``shift`` along ``axis`` (flattened if None), wrapping."""
    func = "roll"
    x = _dispatch.as_tensor(x, func)
    if isinstance(shift, tuple):
        if axis is None or not isinstance(axis, tuple) or len(axis) != len(shift):
            raise ValueError(f"{func}: a tuple shift needs a tuple axis of the same length")
        shift = tuple(operator.index(s) for s in shift)
        axis = tuple(normalize_axis(a, x.ndim, func) for a in axis)
    else:
        shift = operator.index(shift)
        if isinstance(axis, tuple):
            axis = tuple(normalize_axis(a, x.ndim, func) for a in axis)
        elif axis is not None:
            axis = normalize_axis(axis, x.ndim, func)
    return _dispatch.run("roll", (x,), shift, axis)


def squeeze(x, /, axis):
    """x without the size-1 dimensions ``axis`` (ValueError if one is not size 1)."""
    func = "squeeze"
    x = _dispatch.as_tensor(x, func)
    axes = normalize_axes(axis, x.ndim, func)
    if axes is None:
        raise TypeError(f"{func}: axis is required (an int or a tuple of ints)")
    for a in axes:
        if x.shape[a] != 1:
            raise ValueError(f"{func}: axis {a} has size {x.shape[a]}, not 1")
    return _dispatch.run("squeeze", (x,), axes)


def tile(x, repetitions, /):
    """x repeated ``repetitions`` times along each axis."""
    func = "tile"
    x = _dispatch.as_tensor(x, func)
    try:
        reps = tuple(operator.index(r) for r in repetitions)
    except TypeError:
        raise TypeError(f"{func}: repetitions must be a tuple of ints") from None
    if any(r < 0 for r in reps):
        raise ValueError(f"{func}: repetitions must be non-negative, got {reps}")
    return _dispatch.run("tile", (x,), reps)


def unstack(x, /, *, axis=0):
    """The tensors obtained by splitting x along ``axis``, as a tuple."""
    func = "unstack"
    x = _dispatch.as_tensor(x, func)
    if x.ndim == 0:
        raise ValueError(f"{func}: x must have at least 1 dimension")
    return tuple(_dispatch.run("unstack", (x,), normalize_axis(axis, x.ndim, func)))


# the rows' C front specs (fast=...) mirror the kernel calls of the functions above

OPS = [
    Op("broadcast_arrays", "manipulation", broadcast_arrays, "any", True, batch="broadcast_arrays"),
    Op("broadcast_shapes", "manipulation", broadcast_shapes, None, False, kernels=(), batch="passthrough"),
    Op("broadcast_to", "manipulation", broadcast_to, "any", True,
       fast=Fast(dict(x=tensor(), shape=Kind("shape")), pos=("shape",)), batch="broadcast_to"),
    Op("concat", "manipulation", concat, "any", True,
       fast=Fast(dict(arrays=Kind("tensors", flags=("concat",)),
                 axis=axis("arrays", "concat"), dtype=Kind("dtype_of", ref="arrays")),
       kw=("axis", "dtype")), batch="concat"),
    Op("expand_dims", "manipulation", expand_dims, "any", True,
       fast=Fast(dict(x=tensor(), axis=axis("x", "insert")), pos=("axis",)), batch="expand_dims"),
    Op("flip", "manipulation", flip, "any", True,
       fast=Fast(dict(x=tensor(), axis=axes("x")), pos=("axis",)), batch="reduce"),
    Op("moveaxis", "manipulation", moveaxis, "any", True, batch="axis"),
    Op("permute_dims", "manipulation", permute_dims, "any", True,
       fast=Fast(dict(x=tensor(), axes=Kind("permutation", ref="x")), pos=("axes",)), batch="permute"),
    Op("repeat", "manipulation", repeat, "any", True, batch="axis"),
    Op("reshape", "manipulation", reshape, "any", True,
       fast=Fast(dict(x=tensor(), shape=Kind("shape", ref="x", flags=("reshape",)),
                 copy=DEFAULT), pos=("shape", "copy")), batch="reshape"),
    Op("roll", "manipulation", roll, "any", True, batch="axis"),
    Op("squeeze", "manipulation", squeeze, "any", True,
       fast=Fast(dict(x=tensor(), axis=axes("x", "squeeze")), pos=("axis",)), batch="reduce"),
    Op("stack", "manipulation", stack, "any", True,
       fast=Fast(dict(arrays=Kind("tensors", flags=("same_shape",)),
                 axis=axis("arrays", "insert")), kw=("axis",)), batch="stack"),
    Op("tile", "manipulation", tile, "any", True, batch="tile"),
    Op("unstack", "manipulation", unstack, "any", True, batch="axis"),
]

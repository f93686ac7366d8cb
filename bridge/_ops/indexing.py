"""Indexing: ``Tensor.__getitem__``/``__setitem__``, ``take`` and ``take_along_axis``.

Basic indexing (integers, slices, ``...``, ``None``) returns views, as in NumPy and
the standard; boolean masks and integer-array indices return copies.
"""

from __future__ import annotations

import builtins
import operator

import numpy as np

from .. import _dispatch
from .._dispatch import ndarray, normalize_axis, wrap
from .._dtypes import CATEGORIES
from .._host import BEYOND_KINDS
from .._registry import Fast, Op, axis, tensor

_INTEGER_TYPES = (int, np.integer)


def _holds_tensor(seq, tensor) -> bool:
    return any(isinstance(v, tensor) or (isinstance(v, (list, tuple)) and _holds_tensor(v, tensor))
               for v in seq)


def _raw_key(key, x, func):
    """Translate an index key: Tensors become raw arrays on x's device."""
    tensor = _dispatch.TENSOR
    if not isinstance(key, tuple):
        key = (key,)
    raw = []
    tensors = []
    all_ints = True
    for k in key:
        if isinstance(k, list) and _holds_tensor(k, tensor):
            # a list of tensors and ints (U[[k, p]] with p = argmax(...)): built on x's
            # device as asarray builds it (NumPy's np.asarray would need host memory)
            from .creation import asarray

            k = asarray(k, device=x.device)
        if isinstance(k, tensor):
            if k.dtype.kind not in "biu":
                raise IndexError(
                    f"{func}: index tensors must have an integer or bool dtype, got {k.dtype}"
                )
            _dispatch.same_device(func, (x, k))
            raw.append(k._data)
            tensors.append(k)
            all_ints = False
        elif isinstance(k, _INTEGER_TYPES) and not isinstance(k, (builtins.bool, np.bool_)):
            raw.append(operator.index(k))
        elif k is None or k is Ellipsis or isinstance(k, slice):
            if isinstance(k, slice):
                for part in (k.start, k.stop, k.step):
                    if part is not None and not isinstance(part, _INTEGER_TYPES) \
                            and not hasattr(part, "__index__"):
                        raise IndexError(f"{func}: slice bounds must be integers, got {k!r}")
                if k.step == 0:
                    raise ValueError(f"{func}: slice step must not be zero")
            raw.append(k)
            all_ints = False
        elif isinstance(k, (builtins.bool, np.bool_)):
            raw.append(builtins.bool(k))
            all_ints = False
        elif isinstance(k, (list, np.ndarray)):
            arr = np.asarray(k)
            if arr.dtype.kind not in "biu" and arr.size:
                raise IndexError(f"{func}: index arrays must have an integer or bool dtype")
            if x._data.__class__ is not ndarray:
                arr = _dispatch.kernels_of(x._data)["asarray"](arr, dtype=None, copy=None,
                                                              device=x.device)
            # an empty list is an empty integer index; an empty bool array stays a mask
            raw.append(arr if arr.size or arr.dtype.kind == "b" else arr.astype(np.intp))
            all_ints = False
        else:
            raise IndexError(f"{func}: {k!r} ({type(k).__name__}) is not a valid index")
    if all_ints:
        # a full integer index of NumPy gives a scalar; with ``...`` it gives a 0-d view
        raw.append(Ellipsis)
    if x._data.__class__ is not ndarray:
        _check_masks(func, raw, x.shape)
    return tuple(raw), tuple(tensors)


def _check_masks(func, raw, shape):
    """IndexError, as NumPy raises it, for a boolean array key whose shape is not that
    of the dimensions it indexes. CuPy does not check (a mismatched mask reads and
    writes out of bounds on the device), so keys for GPU arrays are checked here."""
    consumed = sum(_dims_of(k) for k in raw if k is not Ellipsis)
    position = 0
    for k in raw:
        if k is Ellipsis:
            position += max(len(shape) - consumed, 0)
            continue
        dtype = getattr(k, "dtype", None)
        if dtype is not None and dtype.kind == "b" and k.ndim:
            indexed = tuple(shape[position:position + k.ndim])
            if tuple(k.shape) != indexed:
                raise IndexError(
                    f"{func}: a boolean index of shape {tuple(k.shape)} does not match the "
                    f"indexed dimensions {indexed} of a tensor of shape {tuple(shape)}")
        elif dtype is not None and dtype.kind in "iu" and k.size and position < len(shape):
            # CuPy wraps integer indices out of range (and a scatter there can write out
            # of bounds): NumPy's IndexError instead, at the cost of reading the range
            n = shape[position]
            low, high = int(k.min()), int(k.max())
            if low < -n or high >= n:
                bad = high if high >= n else low
                raise IndexError(f"{func}: index {bad} is out of bounds for axis {position} "
                                 f"with size {n}")
        position += _dims_of(k)


def _dims_of(k):
    """How many dimensions of the indexed array key item ``k`` consumes."""
    if k is None or isinstance(k, bool):
        return 0
    dtype = getattr(k, "dtype", None)
    if dtype is not None and dtype.kind == "b":
        return k.ndim
    return 1


_BOUND_TYPES = (int, type(None))


def _basic_tuple(key):
    """``key`` as the raw key of the array library when it is a tuple of ints (not
    bools), slices of int bounds, None and Ellipsis; None otherwise (the general path
    then translates and checks it)."""
    all_ints = True
    for k in key:
        c = k.__class__
        if c is int:
            continue
        all_ints = False
        if c is slice:
            if k.start.__class__ not in _BOUND_TYPES or k.stop.__class__ not in _BOUND_TYPES \
                    or k.step.__class__ not in _BOUND_TYPES or k.step == 0:
                return None
        elif k is not None and k is not Ellipsis:
            return None
    # a full integer index of NumPy gives a scalar; with ``...`` it gives a 0-d view
    return key + (Ellipsis,) if all_ints else key


def _basic_key(key):
    """A basic key (a slice with a non-zero step, an int, None, Ellipsis, or a tuple of
    them) as the array library's key, which gives a view; None for any other key."""
    cls = key.__class__
    if cls is slice:
        return key if key.step != 0 else None
    if key is None or key is Ellipsis:
        return key
    if cls is int:
        return (key, ...)
    return _basic_tuple(key) if cls is tuple else None


def getitem(x, key, /):
    """``x[key]`` (Tensor.__getitem__)."""
    if not isinstance(x, _dispatch.TENSOR):
        raise TypeError(f"__getitem__: x must be a Tensor, got {type(x).__name__}")
    # (Tensor.__getitem__ is the C front's: basic keys of a tensor without autograd
    # get the backend's view there, and every other key comes here)
    element = _one_element(key)
    if x._meta is None:
        raw = _basic_key(key)
        if raw is not None:
            data = x._data
            if data.__class__ is ndarray or (data.__class__ is _dispatch.GPU_ARRAY_TYPE
                                             and _dispatch.SINGLE_GPU):
                try:
                    out = data[raw]
                except IndexError as exc:
                    raise IndexError(f"__getitem__: {exc}") from None
                return wrap(out.copy() if element and out.ndim == 0 else out)
    raw, _ = _raw_key(key, x, "__getitem__")
    try:
        out = _dispatch.run("getitem", (x,), raw)
    except IndexError as exc:
        raise IndexError(f"__getitem__: {exc}") from None
    if element and out.ndim == 0:
        out._data = out._data.copy()  # (a new tensor: nothing else holds its data yet)
    return out


def _one_element(key):
    """Whether ``key`` is all integers (``x[i, j]``). Of every dimension (a 0-d result)
    it reads one element, which NumPy gives as a scalar, a copy; bridge's 0-d tensor
    holds a copy too, so ``a[0], a[1] = a[1], a[0]`` swaps as in NumPy (a view would see
    the first write). ``x[i, j, ...]`` stays a 0-d view, as NumPy's is."""
    if key.__class__ is int:
        return True
    if key.__class__ is not tuple or not key:
        return False
    for k in key:
        if k.__class__ is not int and not isinstance(k, np.integer):
            return False
    return True


def setitem(x, key, value, /):
    """``x[key] = value`` (Tensor.__setitem__), writing into x's memory."""
    func = "__setitem__"
    if not isinstance(x, _dispatch.TENSOR):
        raise TypeError(f"{func}: x must be a Tensor, got {type(x).__name__}")
    raw, _ = _raw_key(key, x, func)
    if isinstance(value, _dispatch.TENSOR):
        _dispatch.same_device(func, (x, value))
        if value.dtype.kind == "c" and x.dtype.kind != "c":
            raise TypeError(f"{func}: cannot store a complex value in a tensor of dtype {x.dtype}")
        inputs = (x, value)
    elif value.__class__ in _dispatch.PY_SCALARS or (
            isinstance(value, np.generic) and value.dtype.kind not in BEYOND_KINDS):
        if isinstance(value, complex) and x.dtype.kind != "c":
            raise TypeError(f"{func}: cannot store complex {value!r} in dtype {x.dtype}")
        if isinstance(value, float) and x.dtype.kind in "biu":
            # NumPy's cast of a Python float into an integer or bool element: int(value)
            # (toward zero; NaN is a ValueError, inf an OverflowError), bool(value)
            try:
                value = builtins.bool(value) if x.dtype.kind == "b" else int(value)
            except (ValueError, OverflowError) as exc:
                raise type(exc)(f"{func}: cannot store float {value!r} in dtype {x.dtype} "
                                f"({exc})") from None
        inputs = (x, _dispatch.TENSOR(value, dtype=x.dtype, device=x.device))
    else:
        inputs = (x, _dispatch.as_tensor(value, func, "value"))
    if _dispatch.AUTOGRAD is not None and x._meta is not None:
        _dispatch.AUTOGRAD.check_inplace_target(x, func)  # refuse before writing
    try:
        _dispatch.run("setitem", inputs, raw)
    except IndexError as exc:
        raise IndexError(f"{func}: {exc}") from None
    except ValueError as exc:
        raise ValueError(f"{func}: {exc}") from None
    autograd = _dispatch.AUTOGRAD
    if autograd is not None:
        autograd.bump_version(x)


def take(x, indices, /, *, axis=None):
    """Elements of x at integer ``indices`` along ``axis`` (required when x.ndim > 1)."""
    func = "take"
    x = _dispatch.as_tensor(x, func)
    indices = _dispatch.as_tensor(indices, func, "indices")
    if indices.dtype not in CATEGORIES["integer"]:
        raise TypeError(f"{func}: indices must have an integer dtype, got {indices.dtype}")
    if axis is None:
        if x.ndim > 1:
            raise ValueError(f"{func}: axis is required for a tensor of {x.ndim} dimensions")
        axis = 0
    axis = normalize_axis(axis, max(x.ndim, 1), func)
    # an index outside [-n, n) is the kernel's IndexError (NumPy's and native's raise;
    # the GPU kernel checks, as CuPy would wrap it)
    return _dispatch.run("take", (x, indices), axis)


def take_along_axis(x, indices, /, *, axis=-1):
    """Elements of x at ``indices`` matched along ``axis`` (x and indices same ndim)."""
    func = "take_along_axis"
    x = _dispatch.as_tensor(x, func)
    indices = _dispatch.as_tensor(indices, func, "indices")
    if indices.dtype not in CATEGORIES["integer"]:
        raise TypeError(f"{func}: indices must have an integer dtype, got {indices.dtype}")
    if indices.ndim != x.ndim:
        raise ValueError(f"{func}: indices must have x's number of dimensions ({x.ndim})")
    axis = normalize_axis(axis, x.ndim, func)
    return _dispatch.run("take_along_axis", (x, indices), axis)


OPS = [
    Op("take", "indexing", take, "any", True, batch="axis",
       fast=Fast(dict(x=tensor(), indices=tensor("integer"), axis=axis("x")), pos=("axis",))),
    Op("take_along_axis", "indexing", take_along_axis, "any", True, batch="aligned_axis"),
    Op("getitem", "array", getitem, "any", True, methods=("__getitem__",), batch="getitem"),
    Op("setitem", "array", setitem, "any", True, methods=("__setitem__",), batch="setitem"),
]

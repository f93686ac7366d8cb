"""Creation functions (Array API standard, "Creation Functions")."""

from __future__ import annotations

import builtins
import operator
import sys

import numpy as np

from .. import _dispatch
from .._device import Device, parse_device
from .._dispatch import PY_SCALARS, wrap
from .._dlpack import from_dlpack as _dlpack_from_dlpack
from .._dtypes import (
    ALL_DTYPES,
    DEFAULT_COMPLEX,
    DEFAULT_FLOAT,
    DEFAULT_INT,
    normalize_dtype,
)
from .._host import default_dtype_of_scalar as _default_dtype_of_scalar
from .._host import host_array as _host_array
from .._host import sequence_dtype as _sequence_dtype
from .._registry import BOOL, DEFAULT, Fast, Kind, Op
from ..backends import backend_for_device, state

_SUPPORTED = frozenset(ALL_DTYPES)
# NumPy 2 gives each dtype its own class (Float32DType, ...): one class check tells a
# dtype object of the standard's 13 from anything a user may pass as a dtype
_DTYPE_CLASSES = frozenset(d.__class__ for d in ALL_DTYPES)


def _device(device, func: str) -> Device:
    return state().default_device if device is None else parse_device(device, func)


def _dtype_or_none(dtype, func):
    return None if dtype is None else normalize_dtype(dtype, func)


def _shape(shape, func: str) -> tuple:
    """A shape as a tuple of non-negative Python ints (an int means a 1-d shape)."""
    if isinstance(shape, (int, np.integer)) and not isinstance(shape, builtins.bool):
        shape = (shape,)
    try:
        shape = tuple(operator.index(s) for s in shape)
    except TypeError:
        raise TypeError(f"{func}: shape={shape!r} must be an int or a tuple of ints") from None
    if any(s < 0 for s in shape):
        raise ValueError(f"{func}: shape={shape} has a negative dimension")
    return shape


def asarray(obj, /, *, dtype=None, device=None, copy=None, requires_grad=False):
    """``obj`` as a Tensor (see ``_asarray``); ``requires_grad=True`` makes it an
    autograd leaf. (The C front of its registry row serves NumPy arrays and nested
    Python scalars in host memory: see the row.)"""
    return _grad_leaf(_asarray(obj, dtype=dtype, device=device, copy=copy), requires_grad,
                      "asarray")


def _grad_leaf(t, requires_grad, func):
    """``requires_grad=True`` on a creation function: the new tensor is a leaf that
    autograd tracks (TypeError for integer and bool dtypes)."""
    if requires_grad:
        if t.dtype.kind not in "fc":
            raise TypeError(
                f"{func}: requires_grad=True needs a floating-point or complex dtype, "
                f"got {t.dtype}"
            )
        t.requires_grad_(True)
    return t


def _asarray(obj, /, *, dtype=None, device=None, copy=None):
    """Convert ``obj`` (Tensor, NumPy array, buffer, DLPack producer, nested sequence,
    Python scalar) to a Tensor. Shares memory when it can unless ``copy=True``;
    ``copy=False`` raises ValueError when a copy would be needed."""
    func = "asarray"
    dtype = _dtype_or_none(dtype, func)
    if copy not in (None, True, False):
        raise ValueError(f"{func}: copy must be None, True or False, got {copy!r}")
    tensor = _dispatch.TENSOR
    if isinstance(obj, tensor):
        target = obj.device if device is None else parse_device(device, func)
        src = obj
        if target != obj.device:
            if copy is False:
                raise ValueError(f"{func}: copy=False, but moving to {target} needs a copy")
            src = transfer(obj, target)
            copy = None
        raw = src._data
        if dtype is not None and raw.dtype != dtype:
            if copy is False:
                raise ValueError(f"{func}: copy=False, but casting to {dtype} needs a copy")
            return wrap(raw.astype(dtype))
        if copy:
            return wrap(raw.copy())
        return src
    if _is_dask_array(obj):
        # a dask array is computed by dask (its chunks joined by their own library: GPU
        # chunks stay on their GPU, where dask's __array__ would need host memory)
        return _asarray(obj.compute(), dtype=dtype, device=device, copy=copy)
    if device is None:
        # a GPU array keeps its own device (the standard infers it from an array
        # argument); everything else goes to the default device
        target = _device_of_array(obj) or state().default_device
    else:
        target = parse_device(device, func)
    if isinstance(obj, (list, tuple)):
        if copy is False:
            raise ValueError(f"{func}: copy=False, but a Python sequence always needs a copy")
        # (sequence_dtype stops at the first leaf that is not a Python scalar)
        scalars_dtype = _sequence_dtype(obj)
        devices = _tensor_leaf_devices(obj) if scalars_dtype is None else ()
        if devices and (device is not None or any(d.type != "cpu" for d in devices)):
            return _from_tensor_sequence(obj, dtype, target if device is not None else None, func)
        if dtype is None:
            dtype = scalars_dtype
    if target.type != "cpu":
        backend = backend_for_device(target, func)
        try:
            return wrap(backend.kernels["asarray"](obj, dtype=dtype, copy=copy, device=target))
        except RuntimeError as exc:  # the producer refuses to export (PyTorch's negative bit)
            if type(exc) is not RuntimeError:
                raise
            raise BufferError(f"{func}: {type(obj).__name__} could not give its data: {exc}") from None
    if obj.__class__ in PY_SCALARS:
        if dtype is None:
            dtype = _default_dtype_of_scalar(obj)
        elif isinstance(obj, complex) and dtype.kind != "c":
            raise TypeError(f"{func}: cannot store complex {obj!r} in dtype {dtype}")
        elif isinstance(obj, float) and dtype.kind in "biu":
            raise TypeError(f"{func}: cannot store float {obj!r} in dtype {dtype}")
        if copy is False:
            raise ValueError(f"{func}: copy=False, but a Python scalar always needs a copy")
    elif isinstance(obj, (list, tuple)):
        pass  # its dtype is known (above)
    elif not isinstance(obj, (np.ndarray, np.generic, list, tuple)) and hasattr(obj, "__dlpack__") \
            and not hasattr(obj, "__array_interface__") and not hasattr(obj, "__array__"):
        from .. import _dlpack

        out = _dlpack.from_dlpack(obj, copy=copy)
        return out if dtype is None else astype_(out, dtype)
    try:
        arr = _host_array(obj, dtype, copy, func)
    except RuntimeError as exc:  # the producer refuses to export (PyTorch's negative bit)
        raise BufferError(f"{func}: {type(obj).__name__} could not give its data: {exc}") from None
    if copy is None and isinstance(obj, np.ndarray) and arr is obj and not obj.flags.writeable:
        pass  # a read-only NumPy array stays read-only: writes raise, as in NumPy
    return wrap(arr)


def _tensor_leaf_devices(seq) -> set:
    """The devices of the Tensors in nested sequence ``seq`` (empty: none in it)."""
    tensor = _dispatch.TENSOR
    devices = set()
    stack = [seq]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, tensor):
            devices.add(item.device)
    return devices


def _from_tensor_sequence(seq, dtype, device, func):
    """A nested sequence of Tensors (and Python scalars) as one Tensor, built on the
    Tensors' device (or ``device``) without a trip through host memory."""
    tensor = _dispatch.TENSOR

    def walk(item):
        # (nesting shape, leaves in C order) of one element
        if isinstance(item, (list, tuple)):
            parts = [walk(i) for i in item]
            shapes = {p[0] for p in parts}
            if len(shapes) > 1:
                raise ValueError(f"{func}: the nested sequence is ragged (element shapes "
                                 f"{sorted(shapes)})")
            inner = shapes.pop() if parts else ()
            return (len(parts),) + inner, [leaf for p in parts for leaf in p[1]]
        if isinstance(item, tensor):
            return item.shape, [item]
        if item.__class__ in PY_SCALARS:
            return (), [item]
        raise TypeError(f"{func}: cannot put {type(item).__name__} in a tensor next to Tensors")

    shape, leaves = walk(seq)
    tensors = [leaf for leaf in leaves if isinstance(leaf, tensor)]
    if device is None:
        devices = {t.device for t in tensors}
        if len(devices) > 1:
            raise ValueError(f"{func}: the sequence holds Tensors on several devices "
                             f"({', '.join(sorted(map(str, devices)))}); pass device=")
        device = devices.pop()
    if dtype is None:
        from .data_types import result_type

        dtype = result_type(*tensors, *(leaf for leaf in leaves if not isinstance(leaf, tensor)))
    parts = [_asarray(leaf, dtype=dtype, device=device) for leaf in leaves]
    from .manipulation import reshape, stack

    return reshape(stack(parts), shape)


def _is_dask_array(obj) -> bool:
    da = sys.modules.get("dask.array")
    return da is not None and isinstance(obj, da.Array)


def _device_of_array(obj):
    """The GPU a foreign array lives on (a CuPy array, a PyTorch CUDA tensor), else None.

    The standard infers asarray's device from an array argument. For GPU arrays that
    avoids a copy to the host nobody asked for; host data (NumPy arrays, buffers,
    sequences, scalars) goes to the default device, as NumPy users replacing NumPy
    with the GPU backend expect.
    """
    if isinstance(obj, (np.ndarray, np.generic, list, tuple)) or obj.__class__ in PY_SCALARS:
        return None
    probe = getattr(obj, "__dlpack_device__", None)
    if probe is not None:
        try:
            dev_type, dev_id = probe()
        except Exception:  # a producer that cannot say where it lives: not a GPU array
            return None
        if int(dev_type) in (2, 13):  # kDLCUDA, kDLCUDAManaged
            return Device("cuda", int(dev_id))
        return None
    if hasattr(obj, "__cuda_array_interface__"):
        return Device("cuda", 0)  # the CuPy backend finds the array's own GPU
    return None


def astype_(x, dtype):
    return wrap(x._data.astype(dtype))


transfer = _dispatch.transfer  # (the core's: bridge/_dispatch.py)


def from_dlpack(x, /, *, device=None, copy=None):
    """A Tensor sharing the memory of DLPack producer ``x`` (a copy where asked/needed)."""
    return _dlpack_from_dlpack(x, device=device, copy=copy)


def _filled(name, shape, dtype, device, **extra):
    func = name
    shape = _shape(shape, func)
    dev = _device(device, func)
    dtype = DEFAULT_FLOAT if dtype is None else normalize_dtype(dtype, func)
    return _dispatch.run_on_device(name, dev, shape, dtype=dtype, **extra)


def empty(shape, *, dtype=None, device=None, requires_grad=False):
    """An uninitialised tensor of ``shape`` (default dtype float64)."""
    t = _filled("empty", shape, dtype, device)
    return _grad_leaf(t, requires_grad, "empty") if requires_grad else t


def zeros(shape, *, dtype=None, device=None, requires_grad=False):
    t = _filled("zeros", shape, dtype, device)
    return _grad_leaf(t, requires_grad, "zeros") if requires_grad else t


def ones(shape, *, dtype=None, device=None, requires_grad=False):
    t = _filled("ones", shape, dtype, device)
    return _grad_leaf(t, requires_grad, "ones") if requires_grad else t


def _check_fill(func, fill_value, dtype):
    if fill_value.__class__ not in PY_SCALARS and not isinstance(fill_value, (np.generic,)):
        if isinstance(fill_value, _dispatch.TENSOR) and fill_value.ndim == 0:
            return fill_value.item()
        raise TypeError(f"{func}: fill_value must be a Python scalar, got {type(fill_value).__name__}")
    if dtype is not None:
        if isinstance(fill_value, complex) and dtype.kind != "c":
            raise TypeError(f"{func}: complex fill_value {fill_value!r} does not fit dtype {dtype}")
        if isinstance(fill_value, float) and dtype.kind in "biu":
            raise TypeError(f"{func}: float fill_value {fill_value!r} does not fit dtype {dtype}")
    return fill_value


def full(shape, fill_value, *, dtype=None, device=None, requires_grad=False):
    """A tensor of ``shape`` filled with ``fill_value``; the dtype defaults from the
    scalar's kind (bool, int64, float64, complex128)."""
    func = "full"
    dtype = _dtype_or_none(dtype, func)
    if dtype is None and isinstance(fill_value, _dispatch.TENSOR) and fill_value.ndim == 0:
        dtype = fill_value.dtype  # (a 0-d tensor's dtype, as NumPy's full of a 0-d array)
    fill_value = _check_fill(func, fill_value, dtype)
    if dtype is None:
        dtype = _default_dtype_of_scalar(fill_value)
    return _grad_leaf(_dispatch.run_on_device(
        "full", _device(device, func), _shape(shape, func), fill_value, dtype=dtype
    ), requires_grad, func)


def _like(name, x, dtype, device, **extra):
    x = _dispatch.as_tensor(x, f"{name}_like")
    dtype = x.dtype if dtype is None else normalize_dtype(dtype, f"{name}_like")
    dev = x.device if device is None else parse_device(device, f"{name}_like")
    return _dispatch.run_on_device(name, dev, x.shape, dtype=dtype, **extra)


def empty_like(x, /, *, dtype=None, device=None, requires_grad=False):
    return _grad_leaf(_like("empty", x, dtype, device), requires_grad, "empty_like")


def zeros_like(x, /, *, dtype=None, device=None, requires_grad=False):
    return _grad_leaf(_like("zeros", x, dtype, device), requires_grad, "zeros_like")


def ones_like(x, /, *, dtype=None, device=None, requires_grad=False):
    return _grad_leaf(_like("ones", x, dtype, device), requires_grad, "ones_like")


def full_like(x, /, fill_value, *, dtype=None, device=None, requires_grad=False):
    x = _dispatch.as_tensor(x, "full_like")
    dtype = x.dtype if dtype is None else normalize_dtype(dtype, "full_like")
    fill_value = _check_fill("full_like", fill_value, dtype)
    dev = x.device if device is None else parse_device(device, "full_like")
    return _grad_leaf(_dispatch.run_on_device("full", dev, x.shape, fill_value, dtype=dtype),
                      requires_grad, "full_like")


_INT_MAX = int(np.iinfo(DEFAULT_INT).max)


def _real_scalar(func, name, value):
    if value.__class__ is int or value.__class__ is float:
        return value
    if isinstance(value, _dispatch.TENSOR) and value.ndim == 0:
        value = value.item()
    if isinstance(value, np.generic):
        value = value.item()
    if value.__class__ not in (int, float, builtins.bool):
        raise TypeError(f"{func}: {name}={value!r} must be a real Python number")
    return value


def arange(start, /, stop=None, step=1, *, dtype=None, device=None, requires_grad=False):
    """Evenly spaced values in [start, stop): ``ceil((stop - start) / step)`` of them."""
    func = "arange"
    start = _real_scalar(func, "start", start)
    if stop is None:
        start, stop = 0, start
    stop = _real_scalar(func, "stop", stop)
    step = _real_scalar(func, "step", step)
    if step == 0:
        raise ValueError(f"{func}: step must not be zero")
    if dtype is None:
        floats = start.__class__ is float or stop.__class__ is float or step.__class__ is float
        dtype = DEFAULT_FLOAT if floats else DEFAULT_INT
        if not floats and (start > _INT_MAX or stop > _INT_MAX) and min(start, stop) >= 0:
            dtype = np.dtype(np.uint64)  # as NumPy does for ints past int64's range
    else:
        dtype = normalize_dtype(dtype, func)
    return _grad_leaf(_dispatch.run_on_device("arange", _device(device, func), start, stop, step,
                                              dtype=dtype), requires_grad, func)


def eye(n_rows, n_cols=None, /, *, k=0, dtype=None, device=None, requires_grad=False):
    func = "eye"
    n_rows = operator.index(n_rows)
    n_cols = n_rows if n_cols is None else operator.index(n_cols)
    if n_rows < 0 or n_cols < 0:
        raise ValueError(f"{func}: n_rows and n_cols must be non-negative")
    dtype = DEFAULT_FLOAT if dtype is None else normalize_dtype(dtype, func)
    return _grad_leaf(_dispatch.run_on_device("eye", _device(device, func), n_rows, n_cols,
                                              operator.index(k), dtype=dtype), requires_grad, func)


def linspace(start, stop, /, num, *, dtype=None, device=None, endpoint=True,
             requires_grad=False):
    """``num`` evenly spaced samples over [start, stop] (or [start, stop) without endpoint)."""
    func = "linspace"
    bounds = []
    typed = []  # the dtypes of NumPy scalars and 0-d tensors among start and stop
    for name, v in (("start", start), ("stop", stop)):
        if isinstance(v, (_dispatch.TENSOR, np.ndarray, np.generic)):
            typed.append(v.dtype)
        if isinstance(v, (_dispatch.TENSOR, np.ndarray)) and v.ndim == 0:
            v = v.item()  # a 0-d tensor as its value (NumPy users, and SciPy, pass those)
        elif v.__class__ not in PY_SCALARS and not isinstance(v, np.generic):
            raise TypeError(f"{func}: {name} must be a Python number or a 0-d tensor, got "
                            f"{type(v).__name__}")
        bounds.append(v)
    start, stop = bounds
    if isinstance(num, builtins.bool):
        raise TypeError(f"{func}: num must be an int, got a bool")
    try:
        num = operator.index(num)
    except TypeError:
        raise TypeError(f"{func}: num must be an int, got {type(num).__name__}") from None
    if num < 0:
        raise ValueError(f"{func}: num={num} must be non-negative")
    if num >= 2**62:
        raise ValueError(f"{func}: num={num} is more elements than an array can hold")
    is_complex = isinstance(start, complex) or isinstance(stop, complex)
    if dtype is None and typed:
        # NumPy's dtype for typed bounds (a float32 scalar keeps float32): result_type of
        # the bounds and float(num), Python numbers weak
        weak = [v for v in bounds if v.__class__ in PY_SCALARS and not isinstance(v, np.generic)]
        inferred = np.result_type(*typed, *weak, float(num))
        dtype = inferred if inferred in (np.float32, np.float64, np.complex64, np.complex128) \
            else None
    if dtype is None:
        dtype = DEFAULT_COMPLEX if is_complex else DEFAULT_FLOAT
    else:
        dtype = normalize_dtype(dtype, func)
        if is_complex and dtype.kind != "c":
            raise TypeError(f"{func}: complex start/stop need a complex dtype, got {dtype}")
    return _grad_leaf(_dispatch.run_on_device("linspace", _device(device, func), start, stop, num,
                                              dtype=dtype, endpoint=_dispatch.flag(func, "endpoint", endpoint)),
                      requires_grad, func)


def meshgrid(*arrays, indexing="xy"):
    """Coordinate matrices from 1-d tensors; returns a tuple of Tensors."""
    func = "meshgrid"
    if indexing not in ("xy", "ij"):
        raise ValueError(f"{func}: indexing must be 'xy' or 'ij', got {indexing!r}")
    tensors = tuple(_dispatch.as_tensor(a, func, "arrays") for a in arrays)
    for t in tensors:
        if t.ndim != 1:
            raise ValueError(f"{func}: every array must be 1-dimensional, got shape {t.shape}")
    if len({t.dtype for t in tensors}) > 1:
        raise ValueError(f"{func}: all arrays must have the same dtype")
    if not tensors:
        return ()
    return _dispatch.run("meshgrid", tensors, indexing=indexing)


def _triangle(name, x, k):
    x = _dispatch.as_tensor(x, name)
    if x.ndim < 2:
        raise ValueError(f"{name}: x must have at least 2 dimensions, got shape {x.shape}")
    return _dispatch.run(name, (x,), operator.index(k))


def tril(x, /, *, k=0):
    """The lower triangle of the last two dimensions (elements above diagonal k zeroed)."""
    return _triangle("tril", x, k)


def triu(x, /, *, k=0):
    """The upper triangle of the last two dimensions (elements below diagonal k zeroed)."""
    return _triangle("triu", x, k)


# zeros/ones/empty on the default device: kernel(shape, dtype=dtype)
_FILLED = Fast(dict(shape=Kind("shape", flags=("int",)), dtype=Kind("dtype"), device=DEFAULT,
                    requires_grad=DEFAULT), pos=("shape",), kw=("dtype",))
# their _like forms on x's device: kernel(x.shape, dtype=dtype or x.dtype)
_LIKE = Fast(dict(x=Kind("tensor", flags=("meta",)), dtype=Kind("dtype", ref="x"), device=DEFAULT,
                  requires_grad=DEFAULT, shape=Kind("shape_of", ref="x")),
             pos=("shape",), kw=("dtype",))

OPS = [
    # Python numbers as bounds, range's arange(stop) form included: kernel(start, stop,
    # step, dtype=dtype), the dtype by default the Python numbers' (float64 or int64)
    Op("arange", "creation", arange, differentiable=False,
       fast=Fast(dict(start=Kind("real"), stop=Kind("real", ref="start", flags=("range",)),
                      step=Kind("real", flags=("nonzero",)), dtype=Kind("dtype", flags=("reals",)),
                      device=DEFAULT, requires_grad=DEFAULT),
                 pos=("start", "stop", "step"), kw=("dtype",))),
    # a NumPy array, nested Python scalars or one Python number, in host memory:
    # kernel(obj, dtype=dtype), a dtype given holding a number (a float needs a floating
    # dtype, a complex a complex one; an int into an integer dtype: the Python function)
    Op("asarray", "creation", asarray, differentiable=False, batch="unary",
       fast=Fast(dict(obj=Kind("data"), dtype=Kind("dtype", ref="obj", flags=("holds",)),
                      device=Kind("default", flags=("cpu",)), copy=DEFAULT, requires_grad=DEFAULT),
                 pos=("obj",), kw=("dtype",))),
    Op("empty", "creation", empty, differentiable=False, fast=_FILLED),
    Op("empty_like", "creation", empty_like, differentiable=False, kernels=("empty",), batch="unary",
       fast=_LIKE),
    Op("eye", "creation", eye, differentiable=False),
    Op("from_dlpack", "creation", from_dlpack, differentiable=False, kernels=(), batch="unary"),
    Op("full", "creation", full, differentiable=False,
       fast=Fast(dict(shape=Kind("shape", flags=("int",)), fill_value=Kind("scalar"),
                      dtype=Kind("dtype", ref="fill_value", flags=("holds",)), device=DEFAULT,
                      requires_grad=DEFAULT), pos=("shape", "fill_value"), kw=("dtype",))),
    Op("full_like", "creation", full_like, differentiable=False, kernels=("full",), batch="unary",
       fast=Fast(dict(x=Kind("tensor", flags=("meta",)), fill_value=Kind("scalar"),
                      dtype=Kind("dtype", ref="x", flags=("holds",)), device=DEFAULT,
                      requires_grad=DEFAULT, shape=Kind("shape_of", ref="x")),
                 pos=("shape", "fill_value"), kw=("dtype",))),
    # Python numbers as bounds (NumPy scalars and 0-d tensors, whose dtypes count, and
    # complex bounds take the Python function)
    Op("linspace", "creation", linspace, differentiable=False,
       fast=Fast(dict(start=Kind("real"), stop=Kind("real"), num=Kind("nonneg", flags=("int",)),
                      dtype=Kind("dtype"), device=DEFAULT, endpoint=BOOL, requires_grad=DEFAULT),
                 pos=("start", "stop", "num"), kw=("dtype", "endpoint"))),
    Op("meshgrid", "creation", meshgrid, "any", True),
    Op("ones", "creation", ones, differentiable=False, fast=_FILLED),
    Op("ones_like", "creation", ones_like, differentiable=False, kernels=("ones",), batch="unary",
       fast=_LIKE),
    Op("tril", "creation", tril, "any", True, batch="unary"),
    Op("triu", "creation", triu, "any", True, batch="unary"),
    Op("zeros", "creation", zeros, differentiable=False, fast=_FILLED),
    Op("zeros_like", "creation", zeros_like, differentiable=False, kernels=("zeros",), batch="unary",
       fast=_LIKE),
]

"""Deferral to foreign array types: which foreign inputs bridge converts, and which it
hands back to their own library.

bridge's functions compute on Tensors and convert other inputs to Tensors. An input
whose type brings its own protocol for the call is not converted: the call goes to
that type's library, and the result is that library's (a lazy dask array for a dask
array in, as ``numpy.exp(dask_array)`` is). The rule, decided per type:

Converted (the call returns a Tensor):

* Tensors, Python scalars, lists and tuples, NumPy arrays and scalars (an ndarray
  subclass that keeps NumPy's ``__array_function__`` and ``__array_ufunc__``), and
  anything else NumPy converts (``__array__``, the buffer protocol, array interfaces);
* the arrays bridge holds as memory without a copy: ``numpy.ndarray``,
  ``cupy.ndarray`` and ``torch.Tensor`` (DLPack producers), even where they define
  the protocols below (CuPy does).

Deferred to (the call returns what the foreign library returns):

* a type that implements NumPy's protocol for the call: ``__array_ufunc__`` where
  NumPy's function of the same name is a ufunc (``exp``, ``add``, ``matmul``), else
  ``__array_function__`` (``sum``, ``concat``, ``linalg.qr``, ``fft.fft``). That is
  dask arrays, and any other type defining them that is not ``numpy.ndarray`` (a
  subclass of a foreign array, an ndarray subclass that overrides them). The call
  becomes NumPy's function of that name with the same arguments, so NumPy's own
  dispatch reaches the foreign type (``bridge.sum(x, axis=0)`` is
  ``numpy.sum(x, axis=0)``). The name is the standard's (NumPy 2 has them all), or
  NumPy's where NumPy spells the same call otherwise (``unique_values`` is
  ``numpy.unique``; ``linalg.matmul`` is ``numpy.matmul``);
* a type whose ``__array_namespace__()`` is not bridge (array_api_strict, JAX): the
  call becomes that namespace's function of the same name (``linalg.`` and ``fft.``
  names in its extensions), with bridge's dtypes given as the namespace's.

Where the foreign library has no such function (dask has no ``sort``, no
``linalg.vector_norm``), the call raises TypeError naming the bridge function and the
type, instead of computing the whole array (dask's own fallback for NumPy functions it
lacks). The conversion functions (``asarray``, ``from_dlpack``, and NumPy's
``array``, ``asanyarray``, ...) and those that read only dtypes or shapes
(``result_type``, ``can_cast``, ``finfo``, ``iinfo``, ``isdtype``) never defer:
``bridge.asarray(dask_array)`` computes it, as ``numpy.asarray`` does. Nor does a NumPy
function that NumPy's protocols do not reach (no ``__array_function__`` dispatch:
``numpy.isscalar``). ``size``, ``ndim``, ``shape``, ``iscomplexobj`` and
``isrealobj`` answer from the foreign array's attributes, computing nothing.

Tensor operators return NotImplemented for a deferring operand, so Python asks the
other operand (``tensor + dask_array`` is a dask array, as ``ndarray + dask_array``
is: Tensor is a dask chunk type from the moment dask.array is imported); the reflected
operators call NumPy's ufunc, as ``ndarray``'s do.

The C front finds deferring arguments (bridge/_fastpath: ``defers`` below is asked
once per type, the answer cached) on the path every registry function takes, after
its fast paths have declined, so a call on Tensors never comes here.
"""

from __future__ import annotations

import functools
import sys

import numpy as np

from . import _fastpath
from ._registry import INTEROP, NOT_MINE, REGISTRY, public_name
from ._tensor import Tensor

# registry functions that never defer: the doors in (they convert, as numpy.asarray
# does), the functions that read only dtypes or shapes, the Tensor's own methods
_NEVER = frozenset({
    "asarray", "from_dlpack", "array", "asanyarray", "ascontiguousarray",
    "asarray_chkfinite", "frombuffer", "fromiter",
    "result_type", "can_cast", "finfo", "iinfo", "isdtype", "promote_types", "issubdtype",
    "isscalar",
})


def _dtype_kind(x) -> str:
    dtype = x.dtype
    return dtype.kind if isinstance(dtype, np.dtype) else np.dtype(str(dtype)).kind


# the NumPy-compatible functions that read what every array type has as an attribute:
# answered from it, neither computed (bridge's versions convert) nor deferred
_METADATA = {
    "ndim": lambda a: a.ndim,
    "shape": lambda a: tuple(a.shape),
    "size": lambda a, axis=None: a.size if axis is None else a.shape[axis],
    "iscomplexobj": lambda x: _dtype_kind(x) == "c",
    "isrealobj": lambda x: _dtype_kind(x) != "c",
}
_NEVER_SECTIONS = frozenset({"array"})

# the standard's names that NumPy spells otherwise for the same call (where NumPy 2's
# own alias of the standard's name is a function the foreign libraries do not know)
_NUMPY_SPELLING = {
    "unique_values": "unique",
    "linalg.matmul": "matmul",
    "linalg.tensordot": "tensordot",
    "linalg.vecdot": "vecdot",
    "linalg.outer": "outer",
}


def _own(cls, protocol: str) -> bool:
    """Whether ``cls`` implements NumPy protocol ``protocol`` itself (not NumPy's
    ndarray implementation, and not ``__array_ufunc__ = None``, which opts out)."""
    method = getattr(cls, protocol, None)
    return callable(method) and method is not getattr(np.ndarray, protocol)


def _module_top(cls) -> set:
    return {getattr(c, "__module__", "").partition(".")[0] for c in cls.__mro__}


@functools.lru_cache(maxsize=4096)
def defers(cls) -> bool:
    """Whether bridge's functions defer to arguments of type ``cls`` (the rule above).
    The C front asks this once per type and caches the answer."""
    if issubclass(cls, (Tensor, np.generic)) or cls is np.ndarray:
        return False
    try:
        if _module_top(cls) & {"cupy", "torch"}:
            return False  # memory bridge holds: converted without a copy (DLPack)
        if _own(cls, "__array_function__") or _own(cls, "__array_ufunc__"):
            return True
        if issubclass(cls, np.ndarray):
            return False  # NumPy's protocols and namespace: converted, as an ndarray
        return callable(getattr(cls, "__array_namespace__", None))
    except Exception:  # noqa: BLE001 - a class whose attributes raise is no array type
        return False


def _deferring(args, kwargs):
    """The first argument (or item of a list or tuple argument) of a deferring type."""
    for value in (*args, *kwargs.values()):
        items = value if value.__class__ in (list, tuple) else (value,)
        for item in items:
            if defers(type(item)):
                return item
    return None


def numpy_function(name: str):
    """NumPy's function for registry function ``name`` (``numpy.sum``,
    ``numpy.linalg.qr``), or None."""
    extension, _, short = _NUMPY_SPELLING.get(name, name).rpartition(".")
    module = getattr(np, extension, None) if extension else np
    return getattr(module, short, None)


def _dispatches(func) -> bool:
    """Whether NumPy's ``func`` hands its arguments' own protocol the call: a ufunc
    (``__array_ufunc__``) or a function with ``__array_function__`` dispatch (not
    ``numpy.array``, ``numpy.isscalar``, ..., which the protocols do not reach)."""
    return isinstance(func, np.ufunc) or hasattr(func, "_implementation")


def _public(name: str) -> str:
    op = REGISTRY.get(name)
    where = public_name(op) if op is not None else None
    return f"{where[0]}.{where[1]}" if where else f"bridge.{name}"


def _type_name(cls) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


# ------------------------------------------------------------------ foreign libraries

def _dask_array(obj):
    """dask.array when ``obj`` is a dask array (dask is imported once one exists)."""
    da = sys.modules.get("dask.array")
    return da if da is not None and isinstance(obj, da.Array) else None


def dask_function(func):
    """dask.array's implementation of NumPy function ``func``, found the way dask's
    ``__array_function__`` finds it (``numpy.linalg.qr`` -> ``dask.array.linalg.qr``),
    or None where dask would compute the arrays and call NumPy (with a FutureWarning)."""
    import dask.array as da

    if isinstance(func, np.ufunc):
        return func  # dask's __array_ufunc__ maps every ufunc lazily
    module = da
    for part in func.__module__.split(".")[1:]:
        module = getattr(module, part, None)
        if module is None:
            break
    impl = getattr(module, func.__name__, None) if module is not None else None
    if impl is not None and impl is not func:
        return impl
    handled = getattr(sys.modules.get("dask.array.core"), "_HANDLED_FUNCTIONS", {})
    return handled.get(func)


def _dask_ready(obj) -> None:
    """Let dask take Tensors next to ``obj`` (a dask array): Tensor is a dask chunk
    type (registered when dask.array is imported: bridge/_interop_dask.py; again here
    should that registration have failed)."""
    if _dask_array(obj) is None:
        return
    from ._numpy_protocols import register_dask

    if not getattr(register_dask, "done", False):
        register_dask()


# ------------------------------------------------------------------ dask, GPU chunks
#
# dask's linear algebra calls SciPy on each chunk, or CuPy's SciPy where the chunks are
# CuPy's (dask/array/utils.py: scipy_linalg_safe). SciPy needs host memory, so for
# chunks that are GPU tensors the call goes to dask with the tensors' own CuPy arrays as
# chunks (the same memory) and the result's chunks become tensors again.

def _map_dask(obj, convert):
    da = sys.modules["dask.array"]
    if isinstance(obj, da.Array):
        return convert(obj)
    if obj.__class__ in (list, tuple):
        return type(obj)(_map_dask(o, convert) for o in obj)
    return obj


def _gpu_tensor_chunks(obj) -> bool:
    meta = getattr(obj, "_meta", None)
    return isinstance(meta, Tensor) and meta.device.type != "cpu"


def _any_gpu_chunks(args, kwargs) -> bool:
    def gpu(obj):
        if obj.__class__ in (list, tuple):
            return any(gpu(o) for o in obj)
        return _gpu_tensor_chunks(obj)

    return any(gpu(v) for v in (*args, *kwargs.values()))


def _raw_chunk(block):
    return block._data if isinstance(block, Tensor) else block


def _tensor_chunk(block):
    from ._dispatch import wrap

    return block if isinstance(block, Tensor) else wrap(block)


def _to_raw_chunks(x):
    if not isinstance(x._meta, Tensor):
        return x
    return x.map_blocks(_raw_chunk, dtype=x.dtype, meta=x._meta._data)


def _to_tensor_chunks(x):
    if isinstance(x._meta, Tensor):
        return x
    return x.map_blocks(_tensor_chunk, dtype=x.dtype, meta=_tensor_chunk(x._meta))


def _through_gpu_chunks(target, args, kwargs):
    args = _map_dask(args, _to_raw_chunks)
    kwargs = {k: _map_dask(v, _to_raw_chunks) for k, v in kwargs.items()}
    return _map_dask(target(*args, **kwargs), _to_tensor_chunks)


def _gpu_chunk_inverse(a):
    """``linalg.inv`` of GPU-tensor chunks: dask's inv solves against an identity whose
    chunks are NumPy's, which CuPy's solver refuses; the identity's chunks are put on
    the GPU first (dask's inv is this solve)."""
    da = sys.modules["dask.array"]
    raw = _to_raw_chunks(a)
    to_gpu = type(raw._meta)  # cupy.ndarray: cupy.asarray of a block is its device copy
    module = sys.modules[to_gpu.__module__.partition(".")[0]]
    eye = da.eye(a.shape[0], chunks=a.chunks[0][0], dtype=a.dtype).map_blocks(
        module.asarray, dtype=a.dtype, meta=raw._meta)
    return _to_tensor_chunks(da.linalg.solve(raw, eye))


def _dask_nonzero(x):
    """``nonzero`` of a dask array of tensors: dask's argwhere (a mask of the flattened
    array compresses the flat index), with the index grid made on the chunks' device."""
    import bridge

    da = sys.modules["dask.array"]
    meta = x._meta
    flat = bridge.reshape(x, (-1,)) if x.ndim != 1 else x
    mask = bridge.not_equal(flat, 0)
    device = meta.device

    def grid(block_info=None):
        lo, hi = block_info[None]["array-location"][0]
        return bridge.arange(lo, hi, dtype=bridge.int64, device=device)

    index = da.map_blocks(grid, chunks=flat.chunks, dtype=np.int64,
                          meta=bridge.zeros((0,), dtype=bridge.int64, device=device))
    picked = da.compress(mask, index, axis=0)
    if x.ndim <= 1:
        return (picked,)
    return tuple(_unravel(picked, x.shape))


def _unravel(flat_index, shape):
    out = []
    rest = flat_index
    for size in reversed(shape[1:]):
        out.append(rest % size)
        rest = rest // size
    out.append(rest)
    return out[::-1]


# ------------------------------------------------------------------ the calls

def _through_numpy(name, target, foreign, args, kwargs):
    cls = type(foreign)
    if _dask_array(foreign) is not None:
        if dask_function(target) is None:
            raise TypeError(
                f"{_public(name)}: {_type_name(cls)} defers to dask.array, which has no "
                f"{target.__name__} (numpy.{_numpy_path(target)}); bridge does not compute "
                "the whole array to call it. Apply it per chunk (x.map_blocks), or "
                "compute first (bridge.asarray(x))")
        _dask_ready(foreign)
        if name == "nonzero" and isinstance(getattr(args[0], "_meta", None), Tensor):
            return _dask_nonzero(args[0])
        if name.startswith("linalg.") and _any_gpu_chunks(args, kwargs):
            if name == "linalg.inv":
                return _gpu_chunk_inverse(args[0])
            return _through_gpu_chunks(target, args, kwargs)
    try:
        return target(*args, **kwargs)
    except TypeError as exc:
        if "no implementation found" not in str(exc):
            raise
        raise TypeError(
            f"{_public(name)}: {_type_name(cls)} implements __array_function__ but not "
            f"numpy.{_numpy_path(target)}, to which bridge defers it") from None


def _numpy_path(func) -> str:
    module = getattr(func, "__module__", None) or "numpy"
    sub = module.partition(".")[2]
    return f"{sub}.{func.__name__}" if sub else func.__name__


def _namespace_dtype(namespace, value):
    if isinstance(value, type) and issubclass(value, np.generic) and value is not np.generic:
        value = np.dtype(value)  # bridge's dtype names are NumPy's scalar types
    if isinstance(value, np.dtype):
        return getattr(namespace, value.name, value)
    return value


def _through_namespace(name, namespace, foreign, args, kwargs):
    func = namespace
    for part in name.split("."):
        func = getattr(func, part, None)
        if func is None:
            raise TypeError(
                f"{_public(name)}: {_type_name(type(foreign))} defers to its namespace "
                f"{getattr(namespace, '__name__', namespace)!r} (__array_namespace__), which "
                f"has no {name}")
    args = tuple(_namespace_dtype(namespace, a) for a in args)
    kwargs = {k: _namespace_dtype(namespace, v) for k, v in kwargs.items()}
    return func(*args, **kwargs)


def defer_call(name, /, *args, **kwargs):
    """Registry function ``name`` called with an argument of a deferring type: the
    foreign library's result, or NOT_MINE where bridge takes the call after all
    (a function that never defers, or a protocol that does not cover the call)."""
    op = REGISTRY.get(name)
    if name in _NEVER or op is None or op.section in _NEVER_SECTIONS:
        return NOT_MINE
    foreign = _deferring(args, kwargs)
    if foreign is None:
        return NOT_MINE
    if name in _METADATA:
        return _METADATA[name](*args, **kwargs)
    cls = type(foreign)
    target = numpy_function(name)
    if target is not None and _dispatches(target):
        protocol = "__array_ufunc__" if isinstance(target, np.ufunc) else "__array_function__"
        if _own(cls, protocol):
            return _through_numpy(name, target, foreign, args, kwargs)
    namespace_of = getattr(foreign, "__array_namespace__", None)
    if callable(namespace_of):
        namespace = namespace_of()
        if namespace is not sys.modules["bridge"] and namespace is not np:
            return _through_namespace(name, namespace, foreign, args, kwargs)
    if target is None and (_own(cls, "__array_function__") or _own(cls, "__array_ufunc__")):
        # (a name NumPy lacks: only NumPy-compatible rows of bridge's own can be that)
        raise TypeError(f"{_public(name)}: NumPy has no function for it, so "
                        f"{_type_name(cls)} cannot take it through NumPy's protocols")
    return NOT_MINE  # e.g. __array_ufunc__ only, and a call NumPy would convert it for


def refused_operand(name, tensor, other, reflected):
    """What Tensor operator ``name`` (a registry name: ``add``, ``matmul``) returns for
    operand ``other`` of a type it does not take: NotImplemented, so that Python asks
    ``other`` (dask's reflected operator takes the Tensor). The reflected operator of a
    deferring ``other`` that implements ``__array_ufunc__`` calls NumPy's ufunc, as
    ``ndarray.__radd__`` does: Python asks no one after it."""
    cls = type(other)
    if not defers(cls):
        return NotImplemented
    _dask_ready(other)
    ufunc = numpy_function(name)
    if not reflected or not isinstance(ufunc, np.ufunc) or not _own(cls, "__array_ufunc__"):
        return NotImplemented
    try:
        return ufunc(other, tensor)
    except TypeError as exc:
        raise TypeError(f"Tensor operator ({name}): {_type_name(cls)} does not take a "
                        f"Tensor operand ({exc})") from None


def install() -> None:
    """Put the rule on the path of every registry function (the C front) and of the
    Tensor operators (bridge._registry.INTEROP)."""
    _fastpath.set_defer_hooks(defers, defer_call, NOT_MINE)
    INTEROP.operand = refused_operand

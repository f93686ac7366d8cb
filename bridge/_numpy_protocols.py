"""NumPy's protocols and NumPy-style methods on ``bridge.Tensor``.

* ``Tensor.__array_function__``: ``numpy.mean(t)``, ``numpy.concatenate([t, u])``,
  ``numpy.linalg.norm(t)`` run bridge's implementation with NumPy's signature
  (``_ops/numpy_compat.py``), so the result is a Tensor on the input's device and
  autograd records the standard ops it is made of.
* ``Tensor.__array_ufunc__``: ``numpy.exp(t)``, ``t_ndarray + t``, ``numpy.add.reduce(t)``
  run bridge's elementwise functions with NumPy's dtype rules.
* A NumPy function or ufunc bridge does not implement, or an argument bridge's
  version does not take, falls back to NumPy for CPU tensors (tensors go in as
  zero-copy ndarrays, arrays come back as Tensors) and raises TypeError naming the
  function for GPU tensors (bridge never copies GPU memory to the host silently).
  The fallback cannot be differentiated: with grad mode on and an input requiring
  grad it raises ``bridge.autograd.MissingRuleError``.
* NumPy-style methods: ``x.sum(0)``, ``x.mean()``, ``x.reshape(2, 3)``, ``x.astype(...)``,
  ``x.copy()``, ``x.std(ddof=1)``, ``x.real``, ``x.nbytes``, ... (none of them is an
  attribute of the standard's array object, so nothing the standard defines changes).

``register_dask()`` makes bridge tensors usable as the chunks of ``dask.array``.
"""

from __future__ import annotations

import inspect
import math

import numpy as np

from . import _dispatch
from . import autograd as _autograd
from . import random as random  # noqa: F401  (bridge.random is loaded with the protocols)
from ._dtypes import ALL_DTYPES, normalize_dtype
from ._methods import write_inplace
from ._ops import numpy_compat as npc
from ._registry import ops as B
from ._tensor import Tensor
from ._ufunc import NO_VALUE, ufunc_of

_SUPPORTED = frozenset(ALL_DTYPES)


# ------------------------------------------------------------------ tensor <-> ndarray


def _tensors_in(obj, found):
    if isinstance(obj, Tensor):
        found.append(obj)
    elif isinstance(obj, (list, tuple)):
        for o in obj:
            _tensors_in(o, found)
    elif isinstance(obj, dict):
        for o in obj.values():
            _tensors_in(o, found)
    return found


def _to_numpy(obj, originals):
    """Tensors inside ``obj`` as zero-copy ndarrays; ``originals`` maps each ndarray's
    id back to its Tensor (so that ``out=`` results return the caller's Tensor)."""
    if isinstance(obj, Tensor):
        arr = np.asarray(obj)
        originals[id(arr)] = obj
        return arr
    if isinstance(obj, list):
        return [_to_numpy(o, originals) for o in obj]
    if isinstance(obj, tuple):
        items = [_to_numpy(o, originals) for o in obj]
        return type(obj)(*items) if hasattr(obj, "_fields") else tuple(items)
    if isinstance(obj, dict):
        return {k: _to_numpy(v, originals) for k, v in obj.items()}
    return obj


def _from_numpy(obj, originals):
    """NumPy results as Tensors (arrays and NumPy scalars of the 13 dtypes)."""
    if isinstance(obj, np.ndarray):
        if id(obj) in originals:
            return originals[id(obj)]
        if obj.dtype in _SUPPORTED:
            return B.asarray(obj)
        return obj
    if isinstance(obj, np.generic) and obj.dtype in _SUPPORTED:
        return B.asarray(np.asarray(obj))
    if isinstance(obj, list):
        return [_from_numpy(o, originals) for o in obj]
    if isinstance(obj, tuple):
        items = [_from_numpy(o, originals) for o in obj]
        return type(obj)(*items) if hasattr(obj, "_fields") else tuple(items)
    return obj


def _check_fallback(name, tensors):
    for t in tensors:
        if t.device.type != "cpu":
            raise TypeError(
                f"numpy.{name}: bridge has no implementation of it for these arguments, and "
                f"NumPy cannot run on {t.device} memory; use a bridge function, or move the "
                "data with .to_device('cpu') first"
            )
    if _dispatch.AUTOGRAD is not None and _autograd.is_grad_enabled():
        for t in tensors:
            if t._meta is not None and t._meta.requires_grad:
                raise _autograd.MissingRuleError(
                    f"numpy.{name}: bridge runs it through NumPy, which autograd cannot see, "
                    "but an input requires grad; call it under bridge.no_grad() or on "
                    ".detach()-ed tensors, or use bridge's own functions"
                )


def _fallback(name, call, args, kwargs):
    _check_fallback(name, _tensors_in((args, kwargs), []))
    originals: dict = {}
    result = call(*_to_numpy(args, originals), **_to_numpy(kwargs, originals))
    return _from_numpy(result, originals)


# ------------------------------------------------------------------ __array_function__

_FUNCTIONS: dict = {}
_SIGNATURES: dict = {}


def _function_table():
    if not _FUNCTIONS:
        for namespace, table in ((np, npc.NUMPY_SIGNATURES), (np.linalg, npc.NUMPY_LINALG),
                                 (np.fft, npc.NUMPY_FFT),
                                 (np.lib.stride_tricks, npc._extras.NUMPY_STRIDE_TRICKS)):
            for name, impl in table.items():
                target = getattr(namespace, name, None)
                if target is not None and not isinstance(target, np.ufunc):
                    _FUNCTIONS[target] = impl
    return _FUNCTIONS


def _accepts(impl, args, kwargs) -> bool:
    """Whether bridge's implementation takes these arguments (else NumPy's fallback)."""
    sig = _SIGNATURES.get(impl)
    if sig is None:
        try:
            sig = _SIGNATURES[impl] = inspect.signature(impl)
        except (TypeError, ValueError):
            return True
    try:
        sig.bind(*args, **kwargs)
    except TypeError:
        return False
    return True


def _drop_defaults(kwargs):
    """NumPy passes ``out=None`` and friends explicitly through wrappers; they ask for
    nothing, so they need not stop bridge's implementation from running."""
    inert = {"out": (None,), "where": (True,), "overwrite_input": (False, True),
             "subok": (True, False), "order": ("K", "C", "A"), "like": (None,),
             "casting": ("same_kind",), "kind": (None, "quicksort", "stable", "mergesort")}
    return {k: v for k, v in kwargs.items()
            if not (k in inert and (v is None or isinstance(v, (bool, str)))
                    and any(v is w or v == w for w in inert[k]))}


def array_function(self, func, types, args, kwargs):
    """NumPy's ``__array_function__``: bridge's implementation where it has one."""
    for t in types:
        if not issubclass(t, (Tensor, np.ndarray)):
            return NotImplemented
    impl = _function_table().get(func)
    if impl is not None:
        clean = _drop_defaults(kwargs)
        if _accepts(impl, args, clean):
            return impl(*args, **clean)
    return _fallback(func.__name__, func, args, kwargs)


# ------------------------------------------------------------------ __array_ufunc__

def _operand(x, name):
    if isinstance(x, Tensor) or x.__class__ in (bool, int, float, complex):
        return x
    return _dispatch.as_tensor(x, f"numpy.{name}", "x")


def _store(out, result, name):
    """Write ``result`` into the ``out=`` Tensors (NumPy's in-place ufunc form)."""
    if out is None:
        return result
    results = result if isinstance(result, tuple) else (result,)
    if len(out) != len(results) or not all(isinstance(o, Tensor) for o in out):
        return None
    for target, value in zip(out, results):
        if value.dtype != target.dtype:
            value = B.astype(value, target.dtype)
        write_inplace(target, B.broadcast_to(value, target.shape), f"numpy.{name}")
    return out[0] if len(out) == 1 else tuple(out)


def _loop_dtype(kwargs):
    """Take a ufunc call's ``dtype=`` out of ``kwargs`` when bridge can honour it (None,
    or one of the 13 dtypes; Dask passes ``dtype=None``): the dtype, or None. Any other
    value stays in ``kwargs`` for NumPy."""
    if "dtype" not in kwargs:
        return None
    dtype = kwargs["dtype"]
    if dtype is None:
        del kwargs["dtype"]
        return None
    try:
        dtype = np.dtype(dtype)
    except TypeError:
        return None
    if dtype not in _SUPPORTED:
        return None
    del kwargs["dtype"]
    return dtype


def _numpy_loop_operands(ufunc, operands):
    """``operands`` cast to NumPy's loop for ``ufunc`` (as ``call_ufunc`` casts them)."""
    loop = npc.resolve_ufunc_dtypes(ufunc, operands)
    if loop is None:
        return operands
    return [B.astype(o, dt) if isinstance(o, Tensor) and dt is not None and o.dtype != dt
            and dt.kind != "b" else o for o, dt in zip(operands, loop)]


def _bridge_can(method, inputs, out, kwargs):
    """Whether bridge's ufunc method takes this call (else NumPy runs it): tensors to
    write into, and dtypes among the 13."""
    if method == "at" and not isinstance(inputs[0], Tensor):
        return False  # NumPy writes into the ndarray
    if not all(isinstance(o, Tensor) for o in out or ()):
        return False
    dtype = kwargs.get("dtype")
    if dtype is not None:
        try:
            if np.dtype(dtype) not in _SUPPORTED:
                return False
        except TypeError:
            return False
    return True


def array_ufunc(self, ufunc, method, *inputs, **kwargs):
    """NumPy's ``__array_ufunc__``: bridge's elementwise functions and reductions."""
    name = ufunc.__name__
    for x in inputs + tuple(kwargs.get("out", ()) or ()):
        if not isinstance(x, (Tensor, np.ndarray, np.generic, bool, int, float, complex,
                              list, tuple)):
            return NotImplemented
    out = kwargs.pop("out", None)
    result = None
    loop_dtype = _loop_dtype(kwargs) if method == "__call__" else None
    if method == "__call__" and not kwargs:
        impl = npc.ufunc_implementation(name)
        if name == "divmod":
            operands = [_operand(x, name) for x in inputs]
            result = (npc.call_ufunc(np.floor_divide, B.floor_divide, operands),
                      npc.call_ufunc(np.remainder, B.remainder, operands))
        elif impl is not None and len(inputs) == ufunc.nin:
            operands = [_operand(x, name) for x in inputs]
            if loop_dtype is not None:
                # ``dtype=``: NumPy runs the loop in that dtype, its inputs cast to it
                operands = [B.astype(x, loop_dtype) if isinstance(x, Tensor) else x
                            for x in operands]
            result = npc.call_ufunc(ufunc, impl, operands)
    elif method == "__call__" and len(inputs) == ufunc.nin and ufunc_of(name) is not None \
            and set(kwargs) <= {"where", "casting", "order", "subok", "signature"} \
            and all(isinstance(o, Tensor) for o in out or ()):
        # NumPy's where=, casting=, order=: bridge's ufunc call, on NumPy's loop dtypes
        operands = _numpy_loop_operands(ufunc, [_operand(x, name) for x in inputs])
        if loop_dtype is not None:
            kwargs["dtype"] = loop_dtype
        return ufunc_of(name)(*operands, out=out, **kwargs)
    elif method in ("reduce", "accumulate", "reduceat", "outer", "at") \
            and ufunc_of(name) is not None and _bridge_can(method, inputs, out, kwargs):
        # the ufunc's methods: bridge's (differentiable, on the tensor's device)
        if out is not None:
            kwargs["out"] = out[0] if len(out) == 1 else out
        return getattr(ufunc_of(name), method)(*inputs, **kwargs)
    if result is not None:
        stored = _store(out, result, name)
        if stored is not None:
            return stored
    if out is not None:
        kwargs["out"] = out
    qualified = name if method == "__call__" else f"{name}.{method}"
    return _fallback(qualified, getattr(ufunc, method) if method != "__call__" else ufunc,
                     inputs, kwargs)


# ------------------------------------------------------------------ Tensor methods


def _sum(self, axis=None, dtype=None, out=None, keepdims=False, initial=NO_VALUE, where=True):
    """Sum over ``axis`` (NumPy's ``ndarray.sum``)."""
    return _method_out(npc.numpy_sum(self, axis, dtype, keepdims=keepdims, initial=initial,
                                     where=where), out, "sum")


def _method_out(result, out, name):
    if out is None:
        return result
    stored = _store((out,), result, f"Tensor.{name}")
    if stored is None:
        raise TypeError(f"Tensor.{name}: out must be a Tensor, got {type(out).__name__}")
    return stored


def _prod(self, axis=None, dtype=None, out=None, keepdims=False, initial=NO_VALUE, where=True):
    """Product over ``axis``."""
    return _method_out(npc.numpy_prod(self, axis, dtype, keepdims=keepdims, initial=initial,
                                      where=where), out, "prod")


def _mean(self, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    """Mean over ``axis`` (integer tensors give float64)."""
    return _method_out(npc.numpy_mean(self, axis, dtype, keepdims=keepdims, where=where), out,
                       "mean")


def _var(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
         mean=None, correction=None):
    """Variance over ``axis`` with ``ddof`` degrees of freedom removed."""
    return _method_out(npc.numpy_var(self, axis, dtype, ddof=ddof, keepdims=keepdims,
                                     mean=mean, correction=correction, where=where), out, "var")


def _std(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True,
         mean=None, correction=None):
    """Standard deviation over ``axis`` with ``ddof`` degrees of freedom removed."""
    return _method_out(npc.numpy_std(self, axis, dtype, ddof=ddof, keepdims=keepdims,
                                     mean=mean, correction=correction, where=where), out, "std")


def _max(self, axis=None, out=None, keepdims=False, initial=NO_VALUE, where=True):
    """Maximum over ``axis``."""
    return _method_out(npc.amax(self, axis, keepdims=keepdims, initial=initial, where=where),
                       out, "max")


def _min(self, axis=None, out=None, keepdims=False, initial=NO_VALUE, where=True):
    """Minimum over ``axis``."""
    return _method_out(npc.amin(self, axis, keepdims=keepdims, initial=initial, where=where),
                       out, "min")


def _all(self, axis=None, out=None, keepdims=False, *, where=True):
    """Whether all elements along ``axis`` are true."""
    return _method_out(npc.numpy_all(self, axis, keepdims=keepdims, where=where), out, "all")


def _any(self, axis=None, out=None, keepdims=False, *, where=True):
    """Whether any element along ``axis`` is true."""
    return _method_out(npc.numpy_any(self, axis, keepdims=keepdims, where=where), out, "any")


def _argmax(self, axis=None, out=None, *, keepdims=False):
    """Index of the maximum (flat when ``axis`` is None)."""
    return _method_out(npc.numpy_argmax(self, axis, keepdims=keepdims), out, "argmax")


def _argmin(self, axis=None, out=None, *, keepdims=False):
    """Index of the minimum (flat when ``axis`` is None)."""
    return _method_out(npc.numpy_argmin(self, axis, keepdims=keepdims), out, "argmin")


def _cumsum(self, axis=None, dtype=None, out=None):
    """Running sum (of the flattened tensor when ``axis`` is None)."""
    return _method_out(npc.cumsum(self, axis, dtype), out, "cumsum")


def _cumprod(self, axis=None, dtype=None, out=None):
    """Running product (of the flattened tensor when ``axis`` is None)."""
    return _method_out(npc.cumprod(self, axis, dtype), out, "cumprod")


def _reshape(self, *shape, order="C", copy=None):
    """This tensor with a new shape: ``x.reshape(2, 3)`` or ``x.reshape((2, 3))``."""
    if len(shape) == 1 and not isinstance(shape[0], (int, np.integer)):
        shape = shape[0]
    return npc.numpy_reshape(self, shape, order, copy=copy)


def _view(self, *args, dtype=None):
    """A view of the same memory: ``x.view()``; ``x.view(dtype)`` reinterprets the bytes
    as another dtype (NumPy's and PyTorch's meaning; the last axis is rescaled when the
    item sizes differ); ``x.view(2, 3)`` / ``x.view((2, 3))`` is a reshape that must be
    a view (PyTorch's meaning; ValueError where it would need a copy)."""
    func = "Tensor.view"
    if dtype is None and len(args) == 1 and not isinstance(args[0], (int, np.integer,
                                                                     tuple, list)):
        dtype = args[0]
        args = ()
    if dtype is not None:
        if args:
            raise TypeError(f"{func}: give either a dtype or a shape, not both")
        dtype = normalize_dtype(dtype, func)
        if dtype == self.dtype:
            return B.reshape(self, self.shape, copy=False)
        if self._meta is not None and (self._meta.requires_grad
                                       or self._meta.grad_fn is not None):
            raise TypeError(
                f"{func}: reinterpreting the bytes of a tensor that requires grad as "
                f"{dtype} is not differentiable; call .detach() first (or use bridge.real "
                "and bridge.imag for the parts of a complex tensor)")
        try:
            raw = self._data.view(dtype)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{func}: cannot view a {self.dtype} tensor of shape "
                             f"{self.shape} as {dtype} ({exc})") from None
        return _dispatch.wrap(raw)
    if not args:
        return B.reshape(self, self.shape, copy=False)
    shape = args[0] if len(args) == 1 and isinstance(args[0], (tuple, list)) else args
    if not all(isinstance(s, (int, np.integer)) for s in shape):
        raise TypeError(f"{func}: expected a dtype or a shape of ints, got {args!r}")
    try:
        return B.reshape(self, tuple(shape), copy=False)
    except ValueError as exc:
        raise ValueError(f"{func}: {exc}; use reshape, which copies when it must") from None


def _format(self, format_spec):
    """``format(x, spec)`` / f-strings: a 0-d tensor formats as its Python scalar, as
    NumPy's 0-d arrays and PyTorch's 0-d tensors do."""
    if self.ndim == 0:
        return format(self.item(), format_spec)
    if format_spec:
        raise TypeError(f"Tensor.__format__: format spec {format_spec!r} applies to 0-d "
                        f"tensors only; this one has shape {self.shape}")
    return str(self)


def _astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
    """This tensor converted to ``dtype`` (a copy unless ``copy=False`` and nothing
    changes). ``casting`` is NumPy's rule for the cast ('no', 'equiv', 'safe',
    'same_kind', 'unsafe'): a cast it forbids raises NumPy's TypeError."""
    if casting != "unsafe":
        if casting not in ("no", "equiv", "safe", "same_kind"):
            raise ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', "
                             f"or 'unsafe' (got {casting!r})")
        target = np.dtype(dtype)
        if not np.can_cast(self.dtype, target, casting=casting):
            raise TypeError(f"Cannot cast array data from {self.dtype!r} to {target!r} "
                            f"according to the rule {casting!r}")
    return B.astype(self, dtype, copy=bool(copy))


def _copy(self, order="C"):
    """A copy with its own memory, laid out in ``order`` (NumPy's ``ndarray.copy``: C
    order by default; 'F', 'A' and 'K' as NumPy's)."""
    if order == "A":
        flags = self._data.flags
        order = "F" if flags.f_contiguous and not flags.c_contiguous else "C"
    return npc.copy(self, order)


def _contains(self, value):
    """``value in x``: whether some element equals ``value`` (NumPy's
    ``(x == value).any()``)."""
    return bool(B.any(self == value))


def _flatten(self, order="C"):
    """A 1-d copy."""
    return npc.ravel(npc.copy(self), order)


def _ravel(self, order="C"):
    """A 1-d view where possible."""
    return npc.ravel(self, order)


def _dot(self, b, out=None):
    """NumPy's ``dot`` of this tensor and ``b``."""
    return _method_out(npc.dot(self, b), out, "dot")


def _clip(self, min=None, max=None, out=None):  # noqa: A002
    """Elements limited to [min, max]."""
    return _method_out(npc.numpy_clip(self, min, max), out, "clip")


def _transpose(self, *axes):
    """Axes reversed, or permuted: ``x.transpose(1, 0)`` or ``x.transpose((1, 0))``."""
    if len(axes) == 1 and axes[0] is not None and not isinstance(axes[0], (int, np.integer)):
        axes = tuple(axes[0])
    return npc.transpose(self, axes or None)


def _squeeze(self, axis=None):
    """Without size-1 axes (all of them when ``axis`` is None)."""
    return npc.numpy_squeeze(self, axis)


def _round(self, decimals=0, out=None):
    """Rounded to ``decimals`` decimals, halves to even."""
    return _method_out(npc.around(self, decimals), out, "round")


def _conj(self):
    """Complex conjugate."""
    return B.conj(self)


def _swapaxes(self, axis1, axis2):
    """Axes ``axis1`` and ``axis2`` interchanged."""
    return npc.swapaxes(self, axis1, axis2)


def _repeat(self, repeats, axis=None):
    """Each element repeated ``repeats`` times along ``axis`` (flattened if None)."""
    return npc.numpy_repeat(self, repeats, axis)


def _take(self, indices, axis=None, out=None, mode="raise"):
    """Elements at ``indices`` along ``axis`` (flattened if None)."""
    return _method_out(npc.numpy_take(self, indices, axis, mode=mode), out, "take")


def _diagonal(self, offset=0, axis1=0, axis2=1):
    """The ``offset`` diagonal over ``axis1``/``axis2``."""
    return npc.diagonal(self, offset, axis1, axis2)


def _trace(self, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    """Sum along the ``offset`` diagonal."""
    return _method_out(npc.trace(self, offset, axis1, axis2, dtype), out, "trace")


def _nonzero(self):
    """Indices of the non-zero elements, one tensor per axis."""
    return npc.numpy_nonzero(self)


def _argsort(self, axis=-1, kind=None, order=None, *, stable=None):
    """Indices that sort the tensor along ``axis``."""
    return npc.numpy_argsort(self, axis, kind)


def _sort(self, axis=-1, kind=None, order=None, *, stable=None):
    """Sort in place along ``axis`` (NumPy's ``ndarray.sort`` returns None)."""
    sorted_values = npc.numpy_sort(self, axis, kind)
    write_inplace(self, sorted_values, "Tensor.sort")


def _fill(self, value):
    """Set every element to ``value``, in place, converted as NumPy's ``fill`` converts
    it (its scalar assignment: 2.7 into integers is 2, NaN into integers a ValueError,
    an integer out of the dtype's range an OverflowError)."""
    if isinstance(value, Tensor) or isinstance(value, (list, tuple, np.ndarray)):
        if math.prod(np.shape(value)) != 1:
            raise ValueError("Tensor.fill: setting an array element with a sequence")
    self[...] = value


def _searchsorted(self, v, side="left", sorter=None):
    """Insertion points of ``v`` in this sorted 1-d tensor."""
    return npc.numpy_searchsorted(self, v, side, sorter)


def _ptp(self, axis=None, keepdims=False):
    """Maximum minus minimum along ``axis``."""
    return npc.ptp(self, axis, keepdims=keepdims)


def _real(self):
    """The real part: a view of a complex tensor's memory (writes through it reach the
    tensor, as NumPy's), the tensor itself for a real tensor."""
    return B.real(self) if self.dtype.kind == "c" else self


def _imag(self):
    """The imaginary part: a view of a complex tensor's memory; for a real tensor
    zeros, read-only as NumPy's (GPU memory has no read-only flag)."""
    if self.dtype.kind == "c":
        return B.imag(self)
    zeros = B.zeros_like(self)
    if zeros._data.__class__ is np.ndarray:
        zeros._data.flags.writeable = False
    return zeros


def _nbytes(self):
    """Bytes the elements take (size × itemsize)."""
    return self.size * self.dtype.itemsize


def _itemsize(self):
    """Bytes per element."""
    return self.dtype.itemsize


def _strides(self):
    """Bytes to step in each dimension (of the memory the tensor views)."""
    return tuple(self._data.strides)


class DeviceFlags:
    """NumPy's flags object for a GPU tensor's memory (CuPy's has only the
    contiguity and ownership flags): attributes and ``flags["C_CONTIGUOUS"]`` alike."""

    _NAMES = {"C": "c_contiguous", "F": "f_contiguous", "W": "writeable", "A": "aligned",
              "O": "owndata", "X": "writebackifcopy"}

    def __init__(self, data):
        flags = data.flags
        self.c_contiguous = bool(flags.c_contiguous)
        self.f_contiguous = bool(flags.f_contiguous)
        self.owndata = bool(flags.owndata)
        self.writeable = bool(getattr(flags, "writeable", True))
        self.aligned = True  # device allocations are aligned
        self.writebackifcopy = False

    @property
    def contiguous(self):
        return self.c_contiguous

    @property
    def fortran(self):
        return self.f_contiguous and not self.c_contiguous

    def __getitem__(self, key):
        name = self._NAMES.get(str(key), str(key).lower())
        if not hasattr(self, name):
            raise KeyError(f"Tensor.flags: unknown flag {key!r}")
        return getattr(self, name)

    def __repr__(self):
        return "\n".join(f"  {n.upper()} : {getattr(self, n)}" for n in (
            "c_contiguous", "f_contiguous", "owndata", "writeable", "aligned",
            "writebackifcopy"))


def _flags(self):
    """NumPy's memory flags (``c_contiguous``, ``f_contiguous``, ``writeable``,
    ``owndata``, ...) of the memory the tensor views."""
    data = self._data
    return data.flags if data.__class__ is np.ndarray else DeviceFlags(data)


def _base(self):
    """The tensor whose memory this one views (NumPy's ``base``), None if it owns it."""
    base = self._data.base
    if base is None:
        return None
    if base.__class__ is self._data.__class__ and base.dtype in npc._SUPPORTED:
        return _dispatch.wrap(base)
    return base


def _divmod(self, other):
    """``divmod(x, y)``: NumPy's ``(x // y, x % y)``."""
    return B.divmod(self, other)


def _rdivmod(self, other):
    return B.divmod(other, self)


def _tobytes(self, order="C"):
    """The elements' bytes in ``order`` (NumPy's ``tobytes``; a GPU tensor's through
    the host)."""
    data = self._data
    if data.__class__ is not np.ndarray:
        data = data.get()
    return data.tobytes(order)


class FlatIter:
    """``x.flat``: the tensor as 1-d in C order, for reading (``x.flat[3]``, a slice, an
    index tensor) and writing into ``x`` (``x.flat[::2] = 0``, values repeated as
    needed); iterating gives the elements (NumPy's ``flatiter``)."""

    def __init__(self, base):
        self.base = base

    def _flat(self):
        return B.reshape(self.base, (-1,))

    def __len__(self):
        return self.base.size

    def __iter__(self):
        return iter(self._flat())

    def __getitem__(self, key):
        return self._flat()[npc._flat_key(key, self.base.device)]

    def __setitem__(self, key, value):
        positions = B.arange(self.base.size, device=self.base.device)[
            npc._flat_key(key, self.base.device)]
        npc.put(self.base, B.reshape(positions, (-1,)), value)

    def __array__(self, dtype=None, copy=None):
        return np.asarray(self._flat().to_device("cpu"), dtype=dtype)

    def copy(self):
        """A 1-d copy of the elements."""
        return npc.copy(self._flat())

    def __repr__(self):
        return f"<flat iterator of {self.base!r}>"


def _flat(self):
    """A 1-d view for reading and writing the elements in C order (``x.flat[i]``)."""
    return FlatIter(self)


def _set_flat(self, value):
    """``x.flat = value``: every element, from ``value`` repeated as needed."""
    npc.put(self, B.arange(self.size, device=self.device), value)


METHODS = {
    "sum": _sum, "prod": _prod, "mean": _mean, "var": _var, "std": _std, "max": _max,
    "min": _min, "all": _all, "any": _any, "argmax": _argmax, "argmin": _argmin,
    "cumsum": _cumsum, "cumprod": _cumprod, "reshape": _reshape, "astype": _astype,
    "copy": _copy, "flatten": _flatten, "ravel": _ravel, "dot": _dot, "clip": _clip,
    "transpose": _transpose, "squeeze": _squeeze, "round": _round, "conj": _conj,
    "conjugate": _conj, "swapaxes": _swapaxes, "repeat": _repeat, "take": _take,
    "diagonal": _diagonal, "trace": _trace, "nonzero": _nonzero, "argsort": _argsort,
    "sort": _sort, "fill": _fill, "searchsorted": _searchsorted, "ptp": _ptp,
    "view": _view, "__format__": _format, "__divmod__": _divmod, "__rdivmod__": _rdivmod,
    "tobytes": _tobytes, "__contains__": _contains,
}
PROPERTIES = {"real": _real, "imag": _imag, "nbytes": _nbytes, "itemsize": _itemsize,
              "strides": _strides, "flat": (_flat, _set_flat), "flags": _flags, "base": _base}


def install():
    """Put the NumPy protocols and methods on ``bridge.Tensor``. Attributes the class
    already has (the standard's, autograd's) are never replaced."""
    Tensor.__array_function__ = array_function
    Tensor.__array_ufunc__ = array_ufunc
    for name, method in METHODS.items():
        if name in Tensor.__dict__:
            raise RuntimeError(f"bridge: Tensor.{name} is already defined; the NumPy method "
                               "would shadow it")
        method.__name__ = method.__qualname__ = name
        setattr(Tensor, name, method)
    for name, getter in PROPERTIES.items():
        if name in Tensor.__dict__:
            raise RuntimeError(f"bridge: Tensor.{name} is already defined")
        getter, setter = getter if isinstance(getter, tuple) else (getter, None)
        setattr(Tensor, name, property(getter, setter, doc=getter.__doc__))


install()


# ------------------------------------------------------------------ dask


def register_dask():
    """Let ``dask.array`` hold bridge tensors as chunks.

    Registers Tensor as a chunk type and bridge's ``concatenate``, ``tensordot``,
    ``einsum``, ``take`` and ``percentile`` as the implementations dask looks up per
    chunk type; after that ``dask.array.from_array(tensor, chunks=...)`` (or any
    graph with ``meta=bridge.empty((0,) * ndim)``) computes with Tensor chunks.
    Idempotent; imports dask only when called.
    """
    import dask.array as da
    from dask.array import dispatch

    if getattr(register_dask, "done", False):
        return
    da.register_chunk_type(Tensor)

    @dispatch.concatenate_lookup.register(Tensor)
    def _concatenate(arrays, axis=0):
        return npc.concatenate([B.asarray(a) for a in arrays], axis=axis)

    @dispatch.tensordot_lookup.register(Tensor)
    def _tensordot(a, b, axes=2):
        return npc.numpy_tensordot(a, b, axes)

    @dispatch.einsum_lookup.register(Tensor)
    def _einsum(subscripts, *operands, dtype=None, **kwargs):
        out = npc.einsum(subscripts, *operands)
        return out if dtype is None else B.astype(out, dtype)

    @dispatch.take_lookup.register(Tensor)
    def _take(a, indices, axis=0):
        return npc.numpy_take(a, indices, axis)

    @dispatch.percentile_lookup.register(Tensor)
    def _percentile(a, q, method="linear"):
        if len(a) == 0:
            return None, 0
        return npc.percentile(a, q, method=method), len(a)

    @dispatch.numel_lookup.register(Tensor)
    def _numel(x, **kwargs):
        return npc.numpy_sum(B.ones_like(x, dtype=B.int64), **kwargs)

    @dispatch.nannumel_lookup.register(Tensor)
    def _nannumel(x, **kwargs):
        valid = B.logical_not(B.isnan(x)) if x.dtype.kind in "fc" else B.ones_like(x, dtype=B.bool)
        return npc.numpy_sum(valid, **kwargs)

    @dispatch.to_numpy_dispatch.register(Tensor)
    def _to_numpy(x, **kwargs):
        return np.asarray(x.to_device("cpu"))

    from ._interop_dask import register  # dask.sizeof, distributed's serialisation

    register()
    register_dask.done = True

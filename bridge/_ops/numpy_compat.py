"""NumPy names beyond the Array API standard (section ``"numpy"``).

``import bridge as np`` runs ordinary NumPy code: besides the standard's functions,
bridge offers the NumPy names that real code uses most, with NumPy's signatures and
semantics. Each is written with bridge's standard functions, so it runs on every
backend and records autograd through the standard ops it is made of.

Two kinds of functions live here:

* the NumPy-only names (``dot``, ``concatenate``, ``median``, ``einsum``, ...), declared
  in ``OPS`` and exported as ``bridge.<name>``;
* ``NUMPY_SIGNATURES``: NumPy-signature versions of names the standard also has
  (``sum(a, axis, dtype, keepdims)``, ``std(a, ddof=...)``, ``sort(a, axis=None)``).
  They are not exported (the standard's ``bridge.sum`` wins); they back the Tensor
  methods (``x.sum(0)``) and ``numpy.sum(tensor, 0)`` through ``__array_function__``.

Where NumPy and the standard disagree, the standard wins for ``bridge.<name>``;
docs/numpy.md lists the differences.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import math
import operator
import warnings

import numpy as np

from .. import _dispatch, _ufunc
from .._dtypes import ALL_DTYPES, finfo_object, iinfo_object, normalize_dtype
from .._fastpath import Meta as _Meta
from .._host import BEYOND_KINDS
from .._registry import Op, interposed, public_name, write_out
from .._registry import ops as B
from .._ufunc import NO_VALUE
from . import beyond as _beyond
from . import npio
from . import numpy_extras as _extras
from .elementwise import BINARY, UNARY
from .nditer import nditer

_SUPPORTED = frozenset(ALL_DTYPES)
_INT_KINDS = "biu"


# ------------------------------------------------------------------ helpers


def _tensor(x, func, argname="a"):
    return _dispatch.as_tensor(x, func, argname)


def _is_tensor(x) -> bool:
    return isinstance(x, _dispatch.TENSOR)


def _float(x):
    """x itself if it is floating-point, else x as float64 (NumPy's integer → float rule)."""
    if x.dtype.kind in _INT_KINDS:
        return B.astype(x, B.float64)
    return x


def _axis_arg(axis, func):
    """NumPy's axis argument: None, an int, or a tuple (a list is accepted as a tuple)."""
    if axis is None or isinstance(axis, tuple):
        return axis
    if isinstance(axis, list):
        return tuple(axis)
    try:
        return operator.index(axis)
    except TypeError:
        raise TypeError(f"{func}: axis must be None, an int or a tuple of ints, got {axis!r}") from None


def _index(value, func, argname):
    return _dispatch.integer(func, value, argname)


def _shape_arg(shape, func):
    if isinstance(shape, (int, np.integer)) and not isinstance(shape, builtins.bool):
        return (int(shape),)
    if _is_tensor(shape) and shape.ndim == 0 and shape.dtype.kind in "iu":
        # a 0-d integer tensor stands for NumPy's integer scalar: np.zeros(counts.max())
        return (operator.index(shape),)
    try:
        return tuple(operator.index(s) for s in shape)
    except TypeError:
        raise TypeError(f"{func}: shape must be an int or a tuple of ints, got {shape!r}") from None


def _reduced_axes(axis, ndim, func):
    axes = _dispatch.normalize_axes(_axis_arg(axis, func), ndim, func)
    return tuple(range(ndim)) if axes is None else axes


def _cast_result(result, dtype, func):
    if dtype is None:
        return result
    return B.astype(result, normalize_dtype(dtype, func))


def _keep_reduced(result, x_ndim, axes):
    """Re-insert the reduced ``axes`` (of a tensor of ``x_ndim`` dims) as size-1 axes."""
    shape = list(result.shape)
    for a in sorted(axes):
        shape.insert(a, 1)
    return B.reshape(result, tuple(shape))


def _nan_like(x, shape):
    return B.full(shape, math.nan, dtype=x.dtype, device=x.device)


# ------------------------------------------------------------------ creation and conversion


def array(object, dtype=None, *, copy=True, order="K", ndmin=0, device=None):  # noqa: A002
    """A new tensor holding ``object`` (NumPy's ``array``: copies by default).

    ``copy=None`` shares memory where it can, ``copy=False`` refuses to copy; ``order``
    'C' or 'F' lays the result out so ('K' and 'A' keep the input's layout); ``ndmin``
    prepends size-1 axes.
    """
    func = "array"
    if order is None:
        order = "K"
    if order not in ("K", "A", "C", "F"):
        raise ValueError(f"{func}: order must be one of 'C', 'F', 'A' or 'K', got {order!r}")
    if dtype is not None:
        dtype = normalize_dtype(dtype, func)
    if _is_tensor(object):
        # a tensor: copies and casts through differentiable ops
        out = object if device is None else object.to_device(device)
        if dtype is not None and out.dtype != dtype:
            out = B.astype(out, dtype)
        elif copy and out is object:
            out = _copy_tensor(out)
        elif copy is False and out is not object:
            raise ValueError(f"{func}: copy=False, but this input needs a copy")
    elif isinstance(object, (list, tuple)) and any(_is_tensor(o) for o in object):
        # a sequence of tensors: stack them (on their device) instead of going through NumPy
        parts = [o if _is_tensor(o) else B.asarray(o, device=device) for o in object]
        out = B.stack(parts, axis=0)
        if dtype is not None and out.dtype != dtype:
            out = B.astype(out, dtype)
    else:
        out = B.asarray(object, dtype=dtype, device=device, copy=copy)
    ndmin = _index(ndmin, func, "ndmin")
    if out.ndim < ndmin:
        out = B.reshape(out, (1,) * (ndmin - out.ndim) + out.shape)
    if order in ("C", "F"):
        if copy is False and out._meta is None and not (
                out._data.flags.c_contiguous if order == "C" else out._data.flags.f_contiguous):
            raise ValueError(f"{func}: copy=False, but order={order!r} needs a copy")
        out = _in_order(out, order, copy=False)
    return out


def asanyarray(a, dtype=None, *, device=None):
    """``a`` as a tensor, without a copy where possible (NumPy's ``asanyarray``)."""
    return array(a, dtype=dtype, copy=None, device=device)


def ascontiguousarray(a, dtype=None, *, device=None):
    """``a`` as a tensor in C-contiguous memory (a copy where it is not)."""
    return _in_order(array(a, dtype=dtype, copy=None, device=device), "C", copy=False)


def asfortranarray(a, dtype=None, *, device=None):
    """``a`` as a tensor in Fortran-contiguous (column-major) memory (a copy where it is
    not; NumPy's ``asfortranarray``)."""
    return _in_order(array(a, dtype=dtype, copy=None, device=device), "F", copy=False)


def _in_order(x, order, copy):
    """``x`` with C (or F) contiguous memory, copied where it has not (or always, with
    ``copy``); a tensor that records gradients is copied as autograd sees."""
    data = x._data
    if x._meta is not None:
        return B.astype(x, x.dtype, copy=True) if copy else x
    module = np if data.__class__ is np.ndarray else __import__(
        data.__class__.__module__.split(".")[0])
    contiguous = data.flags.c_contiguous if order == "C" else data.flags.f_contiguous
    if contiguous and not copy:
        return x
    return _dispatch.wrap(module.array(data, order=order, copy=True))


def copy(a, order="K", subok=False):
    """A copy of ``a`` with its own memory (differentiable); ``order`` 'C' or 'F' lays
    the copy out so, 'K' and 'A' keep ``a``'s layout."""
    x = _tensor(a, "copy")
    if order not in ("K", "A", "C", "F"):
        raise ValueError(f"copy: order must be one of 'C', 'F', 'A' or 'K', got {order!r}")
    if order in ("C", "F") and x._meta is None:
        return _in_order(x, order, copy=True)
    return B.astype(x, x.dtype, copy=True)


_copy_tensor = copy


def identity(n, dtype=None, *, device=None):
    """The ``n`` × ``n`` identity matrix (float64 unless ``dtype`` says otherwise)."""
    return B.eye(_index(n, "identity", "n"), dtype=dtype, device=device)


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0, *,
             device=None):
    """``base ** linspace(start, stop, num)`` as NumPy computes it; array-valued
    ``start``, ``stop`` and ``base`` broadcast, their samples along the new ``axis``."""
    if any(_is_tensor(v) or np.ndim(v) for v in (start, stop, base)) or axis != 0:
        ends = [v if _is_tensor(v) else B.asarray(v, device=device) for v in (start, stop, base)]
        ndmax = max(v.ndim for v in ends)
        start, stop, base = (B.reshape(v, (1,) * (ndmax - v.ndim) + v.shape) for v in ends)
        y = numpy_linspace(start, stop, num, endpoint, axis=axis, device=device)
        base = B.expand_dims(base, axis=_dispatch.normalize_axis(axis, y.ndim, "logspace"))
        return _cast_result(B.pow(B.astype(base, y.dtype) if base.dtype != y.dtype else base, y),
                            dtype, "logspace")
    exponents = B.linspace(float(start), float(stop), _index(num, "logspace", "num"),
                           endpoint=bool(endpoint), device=device)
    return _cast_result(B.pow(float(base), exponents), dtype, "logspace")


def geomspace(start, stop, num=50, endpoint=True, dtype=None, *, device=None):
    """Numbers spaced evenly on a log scale between ``start`` and ``stop`` (of one sign:
    negative ends give the negated sequence of their magnitudes, as NumPy's)."""
    func = "geomspace"
    start, stop = float(start), float(stop)
    if start == 0 or stop == 0:
        raise ValueError(f"{func}: geometric sequence cannot include zero")
    sign = -1.0 if start < 0 else 1.0
    start, stop = start * sign, stop * sign
    if stop < 0:
        raise ValueError(f"{func}: start and stop must have one sign for bridge's geomspace "
                         f"(NumPy's gives NaNs), got {start * sign} and {stop * sign}")
    num = _index(num, func, "num")
    out = B.pow(10.0, B.linspace(math.log10(start), math.log10(stop), num,
                                 endpoint=bool(endpoint), device=device))
    # NumPy pins the end points to the exact inputs
    if num > 0:
        out[0] = start
        if endpoint and num > 1:
            out[-1] = stop
    if sign < 0:
        out = -out
    return _cast_result(out, dtype, func)


def tri(N, M=None, k=0, dtype=None, *, device=None):  # noqa: N803 - NumPy's names
    """Ones at and below the ``k``-th diagonal of an N × M matrix."""
    ones = B.ones((_index(N, "tri", "N"), _index(N if M is None else M, "tri", "M")),
                  dtype=dtype or B.float64, device=device)
    return B.tril(ones, k=_index(k, "tri", "k"))


# ------------------------------------------------------------------ NumPy ufunc names


# numpy ufunc name -> bridge's standard function of the same operation
UFUNC_ALIASES = {
    "absolute": "abs", "fabs": "abs", "arccos": "acos", "arccosh": "acosh",
    "arcsin": "asin", "arcsinh": "asinh", "arctan": "atan", "arctanh": "atanh",
    "arctan2": "atan2", "conjugate": "conj", "invert": "bitwise_invert",
    "bitwise_not": "bitwise_invert", "left_shift": "bitwise_left_shift",
    "right_shift": "bitwise_right_shift", "power": "pow", "rint": "round",
    "true_divide": "divide", "mod": "remainder",
}


def resolve_ufunc_dtypes(ufunc, operands):
    """The input dtypes NumPy's ``ufunc`` loop would use for ``operands`` (Tensors and
    Python scalars), or None when NumPy cannot say. float16 loops (NumPy's choice for
    int8 inputs of float functions) become float32: bridge has no float16."""
    spec = []
    for o in operands:
        if _is_tensor(o):
            spec.append(o.dtype)
        elif o.__class__ is builtins.bool:
            spec.append(np.dtype(bool))
        elif o.__class__ in (int, float, complex):
            spec.append(o.__class__)
        else:
            return None
    try:
        resolved = ufunc.resolve_dtypes(tuple(spec) + (None,) * ufunc.nout)
    except (TypeError, ValueError, np.exceptions.DTypePromotionError):
        return None
    out = []
    for dt in resolved[:ufunc.nin]:
        if dt == np.float16:
            dt = np.dtype(np.float32)
        out.append(dt if dt in _SUPPORTED else None)
    return out


def call_ufunc(ufunc, bridge_func, operands):
    """``bridge_func`` applied to ``operands`` with NumPy's dtype rules for ``ufunc``:
    integers are cast to float where NumPy's loop is a float loop (``sqrt`` of an int
    tensor is float64), and both-scalar calls make a 0-d tensor first."""
    operands = [o if _is_tensor(o) or o.__class__ in (builtins.bool, int, float, complex)
                else _tensor(o, ufunc.__name__, "x") for o in operands]
    if not any(_is_tensor(o) for o in operands):
        operands[0] = B.asarray(operands[0])
    loop = resolve_ufunc_dtypes(ufunc, operands)
    if loop is not None:
        cast = []
        for o, dt in zip(operands, loop):
            if _is_tensor(o) and dt is not None and o.dtype != dt and dt.kind != "b":
                o = B.astype(o, dt)
            cast.append(o)
        operands = cast
        if loop and all(dt is not None and dt.kind == "b" for dt in loop):
            # NumPy's boolean add/multiply are logical or/and
            bool_func = {"add": B.logical_or, "multiply": B.logical_and}.get(ufunc.__name__)
            if bool_func is not None:
                bridge_func = bool_func
    return bridge_func(*operands)


def _ufunc_function(numpy_name, implementation, doc):
    ufunc = getattr(np, numpy_name)

    if ufunc.nin == 1:
        def function(x, /):
            return call_ufunc(ufunc, implementation, [x])
    else:
        def function(x1, x2, /):
            return call_ufunc(ufunc, implementation, [x1, x2])
    function.__name__ = function.__qualname__ = numpy_name
    function.__doc__ = doc
    return function


def _deg2rad(x):
    return B.multiply(x, math.pi / 180.0)


def _rad2deg(x):
    return B.multiply(x, 180.0 / math.pi)


def _cbrt(x):
    # real cube root, defined for negative x (pow of a negative base would give NaN)
    root = B.pow(B.abs(x), 1.0 / 3.0)
    # pow(27, 1/3) is 3.0000000000000004: one Newton step lands on the correctly
    # rounded root in the cases NumPy's libm cbrt gets exact
    root = B.where(root == 0, root, root - (root * root * root - B.abs(x)) / (3.0 * root * root))
    return B.copysign(root, x)


def _fmod(x1, x2):
    # C fmod keeps the sign of the dividend; remainder keeps the divisor's. Both are
    # exact, and they differ by exactly x2 where the signs disagree.
    r = B.remainder(x1, x2)
    negative_x1 = (x1 < 0) if _is_tensor(x1) else B.full_like(r, x1 < 0, dtype=B.bool)
    differs = B.logical_and(r != 0, (r < 0) != negative_x1)
    return B.where(differs, r - x2, r)


def _fmax(x1, x2):
    # maximum that ignores NaN: the other operand wins
    return B.where(B.isnan(x2), x1, B.where(B.isnan(x1), x2, B.maximum(x1, x2)))


def _fmin(x1, x2):
    return B.where(B.isnan(x2), x1, B.where(B.isnan(x1), x2, B.minimum(x1, x2)))


def _heaviside(x1, x2):
    if not _is_tensor(x1):
        x1 = B.asarray(x1, dtype=x2.dtype, device=x2.device)
    if not _is_tensor(x2):
        x2 = B.asarray(x2, dtype=x1.dtype, device=x1.device)
    x1, x2 = B.broadcast_arrays(x1, x2)
    step = B.where(x1 > 0, B.ones_like(x1), B.zeros_like(x1))
    step = B.where(x1 == 0, x2, step)
    return B.where(B.isnan(x1), x1, step)


def _float_power(x1, x2):
    return B.pow(x1, x2)  # the ufunc's loop ('dd->d' / 'DD->D') already widened both


def _logaddexp2(x1, x2):
    ln2 = math.log(2.0)
    scaled = [B.multiply(x, ln2) if _is_tensor(x) else x * ln2 for x in (x1, x2)]
    return B.divide(B.logaddexp(*scaled), ln2)


def _isposinf(x):
    return B.logical_and(B.isinf(x), x > 0)


def _isneginf(x):
    return B.logical_and(B.isinf(x), x < 0)


def _as_operand_tensors(x1, x2):
    """Both operands as tensors (a Python scalar takes the other's dtype and device)."""
    if not _is_tensor(x1):
        x1 = B.asarray(x1, dtype=x2.dtype, device=x2.device)
    if not _is_tensor(x2):
        x2 = B.asarray(x2, dtype=x1.dtype, device=x1.device)
    return B.broadcast_arrays(x1, x2)


def _integer_operands(func, x1, x2):
    a, b = _as_operand_tensors(x1, x2)
    if a.dtype.kind not in "iu" or b.dtype.kind not in "iu":
        raise TypeError(f"{func}: ufunc '{func}' not supported for the input types "
                        f"({a.dtype}, {b.dtype}): it takes integers")
    return a, b


def _gcd(x1, x2):
    # Euclid's algorithm on every element at once: at most 92 rounds for 64-bit ints
    # (consecutive Fibonacci numbers are the worst case)
    a, b = _integer_operands("gcd", x1, x2)
    a, b = B.abs(a), B.abs(b)
    while bool(B.any(b != 0)):
        nonzero = b != 0
        a, b = B.where(nonzero, b, a), B.where(nonzero, B.remainder(a, B.where(nonzero, b, 1)),
                                                 B.zeros_like(b))
    return a


def _lcm(x1, x2):
    a, b = _integer_operands("lcm", x1, x2)
    g = _gcd(a, b)
    safe = B.where(g == 0, B.ones_like(g), g)
    return B.where(g == 0, B.zeros_like(g), B.abs(B.floor_divide(a, safe) * b))


def _float_layout(dtype):
    """(the same-width integer dtype, mantissa bits, exponent bias, smallest exponent of
    a power of two the dtype holds) of a real floating-point dtype."""
    info = np.finfo(dtype)
    return (B.int64 if dtype == B.float64 else B.int32), info.nmant, info.maxexp - 1, \
        info.minexp - info.nmant


def _pow2(k, dtype):
    """2**k, exactly, in ``dtype`` for every integer k the dtype holds a power of two of
    (subnormal ones too): built from the bits, where ``pow(2.0, k)`` would be a
    transcendental call that need not be exact (it is not on every GPU)."""
    int_dtype, nmant, bias, lowest = _float_layout(dtype)
    k = B.astype(k, int_dtype)
    normal = B.bitwise_left_shift(k + bias, nmant)
    subnormal = B.bitwise_left_shift(B.ones_like(k), B.clip(k - lowest, 0, nmant))
    return B.where(k > -bias, normal, subnormal).view(dtype)


def _exponent(x):
    """(e, scale): x * scale = m * 2**e with |m| in [0.5, 1), exactly, for finite nonzero
    x (a subnormal x is first scaled by 2**64, so ``scale`` is 1 or 2**64); e is 0 where
    x is zero, infinite or nan. Read from the bits, so it is exact where log2 is not."""
    int_dtype, nmant, bias, _ = _float_layout(x.dtype)
    finite = B.logical_and(B.isfinite(x), x != 0)
    subnormal = B.logical_and(finite, B.abs(x) < np.finfo(x.dtype).tiny)
    scale = B.where(subnormal, B.asarray(2.0 ** 64, dtype=x.dtype, device=x.device),
                    B.asarray(1.0, dtype=x.dtype, device=x.device))
    bits = B.abs(x.detach() * scale).view(int_dtype)
    e = B.bitwise_right_shift(bits, nmant) - (bias - 1)
    return B.where(finite, e, B.zeros_like(e)), scale


def _ldexp(x1, x2):
    """x1 * 2**x2 rounded once, as NumPy's ldexp: x1 = m * 2**e exactly, then m times
    the exact power of two 2**(e + x2) (halved where that power would overflow), so no
    intermediate step under- or overflows."""
    e = x2 if _is_tensor(x2) else B.asarray(x2, device=x1.device if _is_tensor(x1) else None)
    x = x1 if _is_tensor(x1) else B.asarray(x1, dtype=B.float64, device=e.device)
    if x.dtype.kind in _INT_KINDS:
        x = B.astype(x, B.float64)
    if e.dtype.kind not in "iu":
        raise TypeError(f"ldexp: the exponents must be integers, not {e.dtype}")
    int_dtype, _, bias, lowest = _float_layout(x.dtype)
    ex, scale = _exponent(x)
    m = x * scale * _pow2(-ex, x.dtype)
    # the result's exponent, kept where int arithmetic cannot wrap (beyond it: 0 or inf)
    t = ex + B.clip(B.astype(e, int_dtype), 4 * lowest, -4 * lowest)
    t = t - B.astype(scale != 1, int_dtype) * 64
    high = (2 * m) * _pow2(B.clip(t - 1, lowest, bias), x.dtype)
    low = m * _pow2(B.clip(t, lowest, bias), x.dtype)
    out = B.where(t > -bias + 1, high, B.where(t >= lowest, low, B.copysign(B.zeros_like(x), x)))
    out = B.where(t > bias + 1, B.copysign(B.full_like(x, math.inf), x), out)
    finite = B.logical_and(B.isfinite(x), x != 0)
    return B.where(finite, out, x)


def _frexp(x):
    """(mantissa in [0.5, 1) with x's sign, exponent as int32): x = m * 2**e, exactly
    (m is x times an exact power of two, so it is differentiable)."""
    if x.dtype.kind in _INT_KINDS:
        x = B.astype(x, B.float64)
    ex, scale = _exponent(x)
    m = x * scale * _pow2(-ex, x.dtype)
    e = ex - B.astype(scale != 1, ex.dtype) * 64
    finite = B.logical_and(B.isfinite(x), x != 0)
    return B.where(finite, m, x), B.astype(e, B.int32)


def _modf(x):
    """(fractional part, integral part), both with x's sign (modf(inf) = (0.0, inf))."""
    finite = B.where(B.isinf(x), B.zeros_like(x), x)  # (inf - inf would warn)
    return B.copysign(finite - B.trunc(finite), x), B.trunc(x)


def _divmod(x1, x2):
    return B.floor_divide(x1, x2), B.remainder(x1, x2)


def _spacing(x):
    """The distance from x to the next float away from zero (negative for x < 0)."""
    finite = B.isfinite(x)
    safe = B.where(finite, x, B.zeros_like(x))
    away = B.where(safe < 0, B.full_like(x, -math.inf), B.full_like(x, math.inf))  # +0 for -0
    return B.where(finite, B.nextafter(safe, away) - safe, B.full_like(x, math.nan))


def _bitwise_count(x):
    """The number of 1 bits in |x| (NumPy's bitwise_count), as uint8."""
    a = B.abs(x) if x.dtype.kind == "i" else x
    if x.dtype.kind == "i":
        # |int_min| overflows: its bits are the one sign bit
        a = B.astype(a, {1: B.uint8, 2: B.uint16, 4: B.uint32, 8: B.uint64}[x.dtype.itemsize])
    count = B.zeros(a.shape, dtype=B.uint8, device=a.device)
    one = B.asarray(1, dtype=a.dtype, device=a.device)
    for k in range(a.dtype.itemsize * 8):
        bit = B.bitwise_and(B.bitwise_right_shift(a, B.asarray(k, dtype=a.dtype, device=a.device)),
                            one)
        count = count + B.astype(bit, B.uint8)
    return count


# NumPy-only ufuncs, composed of standard functions
UFUNC_COMPOSITES = {
    "deg2rad": _deg2rad, "radians": _deg2rad, "rad2deg": _rad2deg, "degrees": _rad2deg,
    "cbrt": _cbrt, "fmod": _fmod, "fmax": _fmax, "fmin": _fmin,
    "heaviside": _heaviside, "float_power": _float_power, "logaddexp2": _logaddexp2,
    "gcd": _gcd, "lcm": _lcm, "ldexp": _ldexp, "frexp": _frexp, "modf": _modf,
    "divmod": _divmod, "spacing": _spacing, "bitwise_count": _bitwise_count,
}


_STANDARD_UFUNCS = frozenset(
    [entry[0] for entry in UNARY] + [entry[0] for entry in BINARY] + ["matmul", "vecdot"])


_RECIPROCAL_OF_ZERO: dict = {}


def _floating_point_error(message, category):
    """NumPy's floating-point error handling (``seterr``/``errstate``) of ``category``
    ('divide', 'invalid'): a RuntimeWarning, a FloatingPointError, or nothing."""
    mode = np.geterr()[category]
    if mode == "raise":
        raise FloatingPointError(message)
    if mode == "call":
        handler = np.geterrcall()
        if handler is not None:
            handler(message, 0)
        return
    if mode != "ignore":
        import warnings

        warnings.warn(message, RuntimeWarning, stacklevel=5)


def numpy_reciprocal(x):
    """NumPy's ``reciprocal``: ``1 / x`` in x's dtype, so an integer tensor stays integer
    (1 and -1 keep their values, other integers give 0, and 0 gives what NumPy's loop
    gives there, with its divide and invalid warnings); bool runs NumPy's int8 loop.
    Floating-point tensors are the standard's ``reciprocal``. (The standard's
    ``bridge.reciprocal`` computes integers in float64: docs/numpy.md.)"""
    if not _is_tensor(x) or x.dtype.kind not in _INT_KINDS:
        return B.reciprocal(x)
    if x.dtype.kind == "b":
        x = B.astype(x, B.int8)
    dtype = x.dtype
    zero_value = _RECIPROCAL_OF_ZERO.get(dtype)
    if zero_value is None:
        with np.errstate(all="ignore"):
            zero_value = _RECIPROCAL_OF_ZERO[dtype] = int(np.reciprocal(np.zeros(1, dtype))[0])
    out = B.where(x == 1, B.ones_like(x), B.zeros_like(x))
    if dtype.kind == "i":
        out = B.where(x == -1, B.full_like(x, -1), out)
    zero = x == 0
    if zero_value:
        out = B.where(zero, B.full_like(x, zero_value), out)
    if x.size and (np.geterr()["divide"] != "ignore" or np.geterr()["invalid"] != "ignore") \
            and bool(B.any(zero)):
        _floating_point_error("divide by zero encountered in reciprocal", "divide")
        _floating_point_error("invalid value encountered in reciprocal", "invalid")
    return out


def ufunc_implementation(name):
    """bridge's implementation of NumPy ufunc ``name`` (None when bridge has none)."""
    if name in UFUNC_COMPOSITES:
        return UFUNC_COMPOSITES[name]
    if name == "reciprocal":
        return numpy_reciprocal  # NumPy's integer loops (the standard's is float-only)
    target = UFUNC_ALIASES.get(name, name)
    if target in _STANDARD_UFUNCS:
        return getattr(B, target)
    return None


def _make_ufunc_names():
    names = {}
    for numpy_name, std_name in UFUNC_ALIASES.items():
        def impl(*xs, _std=std_name):
            return getattr(B, _std)(*xs)

        names[numpy_name] = _ufunc_function(
            numpy_name, impl,
            f"NumPy's ``{numpy_name}``: bridge's ``{std_name}`` with NumPy's dtype rules "
            "(integer inputs of float functions become float64).")
    for numpy_name, impl in UFUNC_COMPOSITES.items():
        names[numpy_name] = _ufunc_function(
            numpy_name, impl,
            f"NumPy's ``{numpy_name}``, composed of standard functions (differentiable).")
    return names


_UFUNC_NAMES = _make_ufunc_names()
# the NumPy-name ufuncs (bridge/_ufunc.py makes them ufunc objects)
UFUNC_NAMES = frozenset(_UFUNC_NAMES)


def fix(x, /):
    """Round toward zero (NumPy's ``fix``; the standard's ``trunc``)."""
    x = _tensor(x, "fix", "x")
    return B.trunc(x) if x.dtype.kind not in _INT_KINDS else copy(x)


def isposinf(x, /):
    """True where x is +inf."""
    return _isposinf(_tensor(x, "isposinf", "x"))


def isneginf(x, /):
    """True where x is -inf."""
    return _isneginf(_tensor(x, "isneginf", "x"))


def around(a, decimals=0):
    """Round to ``decimals`` decimal places, halves to even (NumPy's ``round``).

    Like NumPy, a non-zero ``decimals`` multiplies by 10**decimals, rounds and divides
    back, so 0.285 rounds to 0.28 or 0.29 exactly as NumPy's does.
    """
    func = "around"
    x = _tensor(a, func)
    decimals = _index(decimals, func, "decimals")
    if x.dtype.kind in _INT_KINDS:
        if decimals >= 0 or x.dtype.kind == "b":
            return copy(x)
        # negative decimals on integers: round to a multiple of 10**-decimals (half to
        # even), in float64 as an intermediate, exact below 2**53
        scale = 10.0 ** (-decimals)
        return B.astype(B.round(B.astype(x, B.float64) / scale) * scale, x.dtype)
    if decimals == 0:
        return B.round(x)
    if decimals > 0:
        scale = 10.0 ** decimals
        return B.round(x * scale) / scale
    scale = 10.0 ** (-decimals)
    return B.round(x / scale) * scale


def sinc(x, /):
    """sin(πx)/(πx), 1 at 0 (NumPy's normalised sinc)."""
    x = _float(_tensor(x, "sinc", "x"))
    # NumPy's trick: replace 0 by a tiny number so that sin(y)/y evaluates to 1
    y = math.pi * B.where(x == 0, B.full_like(x, 1.0e-20), x)
    return B.sin(y) / y


def angle(z, deg=False):
    """The argument of complex ``z`` (radians, or degrees with ``deg=True``)."""
    z = _tensor(z, "angle", "z")
    if z.dtype.kind == "c":
        out = B.atan2(B.imag(z), B.real(z))
    else:
        # NumPy's arctan2(0, z): the loop of a weak 0 and z's dtype (float32 for 8- and
        # 16-bit integers, where NumPy's float16 and float32; float64 for bool and wider)
        loop = resolve_ufunc_dtypes(np.arctan2, [0, z])
        z = B.astype(z, loop[1]) if loop is not None and loop[1] is not None else _float(z)
        out = B.atan2(B.zeros_like(z), z)
    return _rad2deg(out) if deg else out


def real_if_close(a, tol=100):
    """``a`` as a real tensor when all imaginary parts are below ``tol`` machine epsilons."""
    x = _tensor(a, "real_if_close")
    if x.dtype.kind != "c":
        return x
    eps = B.finfo(x.dtype).eps
    limit = tol * eps if tol > 1 else tol
    if bool(B.all(B.abs(B.imag(x)) < limit)):
        return B.real(x)
    return x


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):  # noqa: A002
    """NaN → ``nan``, +inf → ``posinf`` (the largest finite value by default), -inf →
    ``neginf`` (the most negative finite value by default). Integers pass through."""
    x = _tensor(x, "nan_to_num", "x")
    if x.dtype.kind in _INT_KINDS:
        return _copy_tensor(x) if copy else x
    if x.dtype.kind == "c":
        parts = [nan_to_num(B.real(x), True, nan, posinf, neginf),
                 nan_to_num(B.imag(x), True, nan, posinf, neginf)]
        return B.astype(parts[0], x.dtype) + B.astype(parts[1], x.dtype) * 1j
    info = B.finfo(x.dtype)
    hi = info.max if posinf is None else posinf
    lo = info.min if neginf is None else neginf
    out = B.where(B.isnan(x), B.full_like(x, nan), x)
    out = B.where(_isposinf(x), B.full_like(x, hi), out)
    return B.where(_isneginf(x), B.full_like(x, lo), out)


def isreal(x):
    """True where the imaginary part is zero."""
    x = _tensor(x, "isreal", "x")
    if x.dtype.kind != "c":
        return B.ones_like(x, dtype=B.bool)
    return B.imag(x) == 0


def iscomplex(x):
    """True where the imaginary part is non-zero."""
    x = _tensor(x, "iscomplex", "x")
    if x.dtype.kind != "c":
        return B.zeros_like(x, dtype=B.bool)
    return B.imag(x) != 0


def iscomplexobj(x):
    """Whether ``x`` has a complex dtype (a Python bool)."""
    return _tensor(x, "iscomplexobj", "x").dtype.kind == "c"


def isrealobj(x):
    """Whether ``x`` has a non-complex dtype (a Python bool)."""
    return not iscomplexobj(x)


def isscalar(element):
    """Whether ``element`` is a scalar (a Python or NumPy number, str or bytes); tensors,
    even 0-d ones, are not, as NumPy's 0-d arrays are not."""
    return np.isscalar(element)


# ------------------------------------------------------------------ comparisons


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Elementwise ``|a - b| <= atol + rtol * |b|`` (NumPy's asymmetric test)."""
    func = "isclose"
    x = _tensor(a, func)
    y = _tensor(b, func, "b")
    dtype = np.result_type(x.dtype, y.dtype, np.float64 if x.dtype.kind in _INT_KINDS
                           and y.dtype.kind in _INT_KINDS else x.dtype)
    if dtype not in _SUPPORTED:
        dtype = np.dtype(np.float64)
    x = B.astype(x, dtype, copy=False)
    y = B.astype(y, dtype, copy=False)
    x, y = B.broadcast_arrays(x, y)
    finite = B.logical_and(B.isfinite(x), B.isfinite(y))
    # where either side is infinite only exact equality counts (NumPy's rule)
    safe_x = B.where(finite, x, B.zeros_like(x))
    safe_y = B.where(finite, y, B.zeros_like(y))
    close = B.abs(safe_x - safe_y) <= atol + rtol * B.abs(safe_y)
    close = B.where(finite, close, x == y)
    if equal_nan:
        close = B.logical_or(close, B.logical_and(B.isnan(x), B.isnan(y)))
    return close


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Whether every element of ``a`` is close to ``b`` (a Python bool)."""
    return bool(B.all(isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan)))


def array_equal(a1, a2, equal_nan=False):
    """Whether ``a1`` and ``a2`` have the same shape and elements (a Python bool)."""
    x = _tensor(a1, "array_equal", "a1")
    y = _tensor(a2, "array_equal", "a2")
    if x.shape != y.shape:
        return False
    same = x == y
    if equal_nan and x.dtype.kind in "fc" and y.dtype.kind in "fc":
        same = B.logical_or(same, B.logical_and(B.isnan(x), B.isnan(y)))
    return bool(B.all(same))


def array_equiv(a1, a2):
    """Whether ``a1`` and ``a2`` broadcast to each other with equal elements."""
    x = _tensor(a1, "array_equiv", "a1")
    y = _tensor(a2, "array_equiv", "a2")
    try:
        B.broadcast_shapes(x.shape, y.shape)
    except ValueError:
        return False
    return bool(B.all(x == y))


# ------------------------------------------------------------------ shape and layout


def ndim(a):
    """Number of dimensions of ``a``."""
    return _tensor(a, "ndim").ndim


def shape(a):
    """Shape of ``a`` (a tuple)."""
    return tuple(_tensor(a, "shape").shape)


def size(a, axis=None):
    """Number of elements of ``a``, or its length along ``axis``."""
    x = _tensor(a, "size")
    if axis is None:
        return x.size
    return x.shape[_dispatch.normalize_axis(axis, x.ndim, "size")]


def ravel(a, order="C"):
    """``a`` as a 1-d tensor: C order, Fortran order with ``order='F'`` (and with 'A'
    for Fortran-contiguous memory), the memory's order with 'K' (as NumPy's: axes by
    their strides, a negative stride's axis read in its own order)."""
    x = _tensor(a, "ravel")
    if order not in ("C", "F", "A", "K"):
        raise ValueError(f"ravel: order must be 'C', 'F', 'A' or 'K', got {order!r}")
    if order in ("A", "K") and x.ndim > 1:
        flags = x._data.flags
        if flags.f_contiguous and not flags.c_contiguous:
            order = "F"
        elif order == "K" and not flags.c_contiguous:
            strides = x._data.strides
            perm = sorted(range(x.ndim), key=lambda i: -builtins.abs(strides[i])
                          if x.shape[i] > 1 else 0)
            if perm != list(range(x.ndim)):
                x = B.permute_dims(x, tuple(perm))
    if order == "F":
        x = transpose(x)
    return B.reshape(x, (-1,))


def isfortran(a):
    """Whether ``a``'s memory is Fortran-contiguous and not C-contiguous (NumPy's
    ``isfortran``)."""
    flags = _tensor(a, "isfortran")._data.flags
    return builtins.bool(flags.f_contiguous and not flags.c_contiguous)


def transpose(a, axes=None):
    """``a`` with its axes reversed, or permuted to ``axes`` (NumPy's ``transpose``)."""
    x = _tensor(a, "transpose")
    if axes is None:
        axes = tuple(range(x.ndim - 1, -1, -1))
    return B.permute_dims(x, tuple(axes))


def swapaxes(a, axis1, axis2):
    """``a`` with ``axis1`` and ``axis2`` interchanged."""
    func = "swapaxes"
    x = _tensor(a, func)
    i = _dispatch.normalize_axis(axis1, x.ndim, func, "axis1")
    j = _dispatch.normalize_axis(axis2, x.ndim, func, "axis2")
    perm = list(range(x.ndim))
    perm[i], perm[j] = perm[j], perm[i]
    return B.permute_dims(x, tuple(perm))


def rollaxis(a, axis, start=0):
    """Move ``axis`` so that it lies before position ``start`` (NumPy's ``rollaxis``)."""
    func = "rollaxis"
    x = _tensor(a, func)
    axis = _dispatch.normalize_axis(axis, x.ndim, func)
    start = _index(start, func, "start")
    if start < 0:
        start += x.ndim
    if not 0 <= start <= x.ndim:
        raise _dispatch.AxisError(f"{func}: start={start} is out of range for {x.ndim} dimensions")
    if axis < start:
        start -= 1
    if axis == start:
        return x
    return B.moveaxis(x, axis, start)


def atleast_1d(*arys):
    """Each input with at least one dimension (one tensor, or a tuple of them)."""
    out = tuple(B.reshape(x, (1,)) if x.ndim == 0 else x
                for x in (_tensor(a, "atleast_1d", "arys") for a in arys))
    return out[0] if len(out) == 1 else out


def atleast_2d(*arys):
    """Each input with at least two dimensions (a 1-d input becomes a row)."""
    def two(x):
        if x.ndim == 0:
            return B.reshape(x, (1, 1))
        if x.ndim == 1:
            return B.reshape(x, (1, x.shape[0]))
        return x

    out = tuple(two(_tensor(a, "atleast_2d", "arys")) for a in arys)
    return out[0] if len(out) == 1 else out


def atleast_3d(*arys):
    """Each input with at least three dimensions (NumPy's placement of the new axes)."""
    def three(x):
        if x.ndim == 0:
            return B.reshape(x, (1, 1, 1))
        if x.ndim == 1:
            return B.reshape(x, (1, x.shape[0], 1))
        if x.ndim == 2:
            return B.reshape(x, x.shape + (1,))
        return x

    out = tuple(three(_tensor(a, "atleast_3d", "arys")) for a in arys)
    return out[0] if len(out) == 1 else out


def _sequence(func, tup):
    if _is_tensor(tup) or not isinstance(tup, (list, tuple)):
        raise TypeError(f"{func}: expects a sequence (list or tuple) of arrays, got "
                        f"{type(tup).__name__}")
    if not tup:
        raise ValueError(f"{func}: need at least one array to concatenate")
    return [_tensor(t, func, "arrays") for t in tup]


def concatenate(arrays, axis=0, *, dtype=None, casting="same_kind"):
    """Join arrays along an existing ``axis`` (``axis=None`` flattens them first); with
    ``dtype``, each input is cast to it as the rule ``casting`` allows (else TypeError)."""
    func = "concatenate"
    tensors = _cast_inputs(func, _sequence(func, arrays), dtype, casting)
    return B.concat(tensors, axis=_axis_arg(axis, func))


def _cast_inputs(func, tensors, dtype, casting):
    """The inputs of a joining function cast to ``dtype``, each as the rule ``casting``
    allows (NumPy's ``dtype=`` and ``casting=``; else TypeError)."""
    if casting not in ("no", "equiv", "safe", "same_kind", "unsafe"):
        raise ValueError(f"{func}: casting must be one of 'no', 'equiv', 'safe', 'same_kind', "
                         f"or 'unsafe', got {casting!r}")
    if dtype is None:
        return tensors
    dtype = normalize_dtype(dtype, func)
    for t in tensors:
        if not np.can_cast(t.dtype, dtype, casting=casting):
            raise TypeError(f"{func}: cannot cast array data from dtype('{t.dtype}') to "
                            f"dtype('{dtype}') according to the rule {casting!r}")
    return [t if t.dtype == dtype else B.astype(t, dtype) for t in tensors]


def hstack(tup, *, dtype=None, casting="same_kind"):
    """Stack horizontally: along axis 1, or axis 0 for 1-d inputs."""
    tensors = [atleast_1d(t) for t in _sequence("hstack", tup)]
    axis = 0 if tensors[0].ndim == 1 else 1
    return B.concat(_cast_inputs("hstack", tensors, dtype, casting), axis=axis)


def vstack(tup, *, dtype=None, casting="same_kind"):
    """Stack vertically: 1-d inputs become rows, then join along axis 0."""
    tensors = [atleast_2d(t) for t in _sequence("vstack", tup)]
    return B.concat(_cast_inputs("vstack", tensors, dtype, casting), axis=0)


def dstack(tup):
    """Stack along the third axis (inputs made at least 3-d)."""
    tensors = [atleast_3d(t) for t in _sequence("dstack", tup)]
    return B.concat(tensors, axis=2)


def column_stack(tup):
    """1-d inputs become columns; all are joined along axis 1."""
    tensors = [B.reshape(t, (-1, 1)) if t.ndim < 2 else t
               for t in _sequence("column_stack", tup)]
    return B.concat(tensors, axis=1)


def _split_points(func, n, indices_or_sections, equal):
    if isinstance(indices_or_sections, (int, np.integer)) and not isinstance(
            indices_or_sections, builtins.bool):
        sections = int(indices_or_sections)
        if sections <= 0:
            raise ValueError(f"{func}: number of sections must be larger than 0, got {sections}")
        if equal and n % sections:
            raise ValueError(f"{func}: array split does not result in an equal division "
                             f"({n} elements into {sections} sections)")
        each, extra = divmod(n, sections)
        sizes = [each + 1] * extra + [each] * (sections - extra)
        points = [0]
        for s in sizes:
            points.append(points[-1] + s)
        return points
    indices = indices_or_sections
    if _is_tensor(indices):
        indices = indices.tolist()
    try:
        indices = [operator.index(i) for i in indices]
    except TypeError:
        raise TypeError(f"{func}: indices_or_sections must be an int or a sequence of ints") \
            from None
    # NumPy clips indices into [0, n], so a split beyond the end gives empty pieces
    bounded = [min(max(i + n if i < 0 else i, 0), n) for i in indices]
    return [0] + bounded + [n]


def array_split(ary, indices_or_sections, axis=0):
    """Split into sub-tensors; sections need not divide the axis evenly (the first
    ones get one more element)."""
    func = "array_split"
    x = _tensor(ary, func, "ary")
    axis = _dispatch.normalize_axis(axis, x.ndim, func)
    points = _split_points(func, x.shape[axis], indices_or_sections, equal=False)
    return _pieces(x, axis, points)


def split(ary, indices_or_sections, axis=0):
    """Split into equal sections (ValueError when they are not equal) or at indices."""
    func = "split"
    x = _tensor(ary, func, "ary")
    axis = _dispatch.normalize_axis(axis, x.ndim, func)
    points = _split_points(func, x.shape[axis], indices_or_sections, equal=True)
    return _pieces(x, axis, points)


def _pieces(x, axis, points):
    out = []
    for lo, hi in zip(points[:-1], points[1:]):
        key = [slice(None)] * x.ndim
        key[axis] = slice(lo, max(lo, hi))
        out.append(x[tuple(key)])
    return out


def hsplit(ary, indices_or_sections):
    """Split along axis 1 (axis 0 for 1-d input)."""
    x = _tensor(ary, "hsplit", "ary")
    if x.ndim == 0:
        raise ValueError("hsplit: only works on arrays of 1 or more dimensions")
    return split(x, indices_or_sections, axis=1 if x.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    """Split along axis 0 (needs at least 2 dimensions)."""
    x = _tensor(ary, "vsplit", "ary")
    if x.ndim < 2:
        raise ValueError("vsplit: only works on arrays of 2 or more dimensions")
    return split(x, indices_or_sections, axis=0)


def dsplit(ary, indices_or_sections):
    """Split along axis 2 (needs at least 3 dimensions)."""
    x = _tensor(ary, "dsplit", "ary")
    if x.ndim < 3:
        raise ValueError("dsplit: only works on arrays of 3 or more dimensions")
    return split(x, indices_or_sections, axis=2)


def append(arr, values, axis=None):
    """``values`` appended to ``arr`` (both flattened when ``axis`` is None)."""
    x = _tensor(arr, "append", "arr")
    v = _tensor(values, "append", "values")
    if axis is None:
        return B.concat([B.reshape(x, (-1,)), B.reshape(v, (-1,))], axis=0)
    return B.concat([x, v], axis=axis)


def delete(arr, obj, axis=None):
    """``arr`` without the entries ``obj`` (an int, a slice or a sequence of ints) along
    ``axis`` (of the flattened tensor when ``axis`` is None)."""
    func = "delete"
    x = _tensor(arr, func, "arr")
    if axis is None:
        x = B.reshape(x, (-1,))
        axis = 0
    axis = _dispatch.normalize_axis(axis, x.ndim, func)
    n = x.shape[axis]
    keep = np.ones(n, dtype=bool)
    if isinstance(obj, slice):
        keep[obj] = False
    else:
        positions = np.asarray(obj.tolist() if _is_tensor(obj) else obj)
        if positions.dtype.kind == "b":
            # NumPy's boolean mask of the entries to delete
            if positions.shape != (n,):
                raise ValueError(f"{func}: boolean array argument obj to delete must be "
                                 f"one dimensional and match the axis length of {n}")
            positions = np.flatnonzero(positions)
        elif positions.size == 0:
            positions = positions.astype(np.intp)  # delete(x, []): nothing deleted
        if positions.dtype.kind not in "iu":
            raise IndexError(f"{func}: obj must be integer indices, a boolean mask or a slice")
        if positions.size and (positions.max() >= n or positions.min() < -n):
            raise IndexError(f"{func}: index out of bounds for axis {axis} with size {n}")
        keep[positions] = False
    kept = B.asarray(np.flatnonzero(keep), device=x.device)
    return B.take(x, kept, axis=axis)


def fliplr(m):
    """Reverse the order of columns (axis 1)."""
    x = _tensor(m, "fliplr", "m")
    if x.ndim < 2:
        raise ValueError("fliplr: the input must be at least 2-d")
    return B.flip(x, axis=1)


def flipud(m):
    """Reverse the order of rows (axis 0)."""
    x = _tensor(m, "flipud", "m")
    if x.ndim < 1:
        raise ValueError("flipud: the input must be at least 1-d")
    return B.flip(x, axis=0)


def rot90(m, k=1, axes=(0, 1)):
    """Rotate by 90° ``k`` times in the plane of ``axes`` (from the first axis toward
    the second)."""
    func = "rot90"
    x = _tensor(m, func, "m")
    if len(axes) != 2:
        raise ValueError(f"{func}: axes must name 2 axes, got {axes!r}")
    a0 = _dispatch.normalize_axis(axes[0], x.ndim, func, "axes")
    a1 = _dispatch.normalize_axis(axes[1], x.ndim, func, "axes")
    if a0 == a1:
        raise ValueError(f"{func}: axes must be different, got {axes!r}")
    k = _index(k, func, "k") % 4
    if k == 0:
        return x
    if k == 2:
        return B.flip(x, axis=(a0, a1))
    if k == 1:
        return swapaxes(B.flip(x, axis=a1), a0, a1)
    return B.flip(swapaxes(x, a0, a1), axis=a1)


def pad(array, pad_width, mode="constant", **kwargs):  # noqa: A002
    """NumPy's ``pad`` in all its modes (bridge/_ops/numpy_extras.py)."""
    return _extras.pad(array, pad_width, mode, **kwargs)


# ------------------------------------------------------------------ products


def dot(a, b):
    """NumPy's ``dot``: products of scalars, inner products of vectors, matrix products,
    and for N-d operands a sum over the last axis of ``a`` and the second-to-last of ``b``
    (``out=`` through numpy_out)."""
    func = "dot"
    x = _tensor(a, func)
    y = _tensor(b, func, "b")
    if x.ndim == 0 or y.ndim == 0:
        return B.multiply(x, y)
    if y.ndim == 1 or (x.ndim <= 2 and y.ndim == 2):
        if x.shape[-1] != y.shape[0 if y.ndim == 1 else -2]:
            raise ValueError(f"{func}: shapes {x.shape} and {y.shape} not aligned")
        return B.matmul(x, y)
    return B.tensordot(x, y, axes=((x.ndim - 1,), (y.ndim - 2,)))


def vdot(a, b):
    """Dot product of the flattened inputs, conjugating the first."""
    x = B.reshape(_tensor(a, "vdot"), (-1,))
    y = B.reshape(_tensor(b, "vdot", "b"), (-1,))
    return B.matmul(B.conj(x) if x.dtype.kind == "c" else x, y)


def inner(a, b):
    """Sum product over the last axes of ``a`` and ``b``."""
    x = _tensor(a, "inner")
    y = _tensor(b, "inner", "b")
    if x.ndim == 0 or y.ndim == 0:
        return B.multiply(x, y)
    return B.tensordot(x, y, axes=((x.ndim - 1,), (y.ndim - 1,)))


def outer(a, b):
    """Outer product of the flattened inputs: shape (a.size, b.size)."""
    x = B.reshape(_tensor(a, "outer"), (-1, 1))
    y = B.reshape(_tensor(b, "outer", "b"), (1, -1))
    return B.multiply(x, y)


def kron(a, b):
    """Kronecker product: blocks of ``b`` scaled by the elements of ``a``."""
    x = _tensor(a, "kron")
    y = _tensor(b, "kron", "b")
    nd = max(x.ndim, y.ndim)
    xs = (1,) * (nd - x.ndim) + x.shape
    ys = (1,) * (nd - y.ndim) + y.shape
    # interleave: x gets shape (s0, 1, s1, 1, ...) and y (1, t0, 1, t1, ...)
    xi = B.reshape(x, tuple(v for s in xs for v in (s, 1)))
    yi = B.reshape(y, tuple(v for t in ys for v in (1, t)))
    return B.reshape(xi * yi, tuple(s * t for s, t in zip(xs, ys)))


def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """Cross product of 3-element vectors (a 2-element vector gets a zero z component)."""
    func = "cross"
    x = _tensor(a, func)
    y = _tensor(b, func, "b")
    if axis is not None:
        axisa = axisb = axisc = axis
    x = B.moveaxis(x, _dispatch.normalize_axis(axisa, x.ndim, func, "axisa"), -1)
    y = B.moveaxis(y, _dispatch.normalize_axis(axisb, y.ndim, func, "axisb"), -1)
    for name, t in (("a", x), ("b", y)):
        if t.shape[-1] not in (2, 3):
            raise ValueError(f"{func}: incompatible dimensions for cross product "
                             f"({name} has {t.shape[-1]} components; 2 or 3 are allowed)")
    both_2d = x.shape[-1] == 2 and y.shape[-1] == 2

    def components(t):
        c = [t[..., i] for i in range(t.shape[-1])]
        if len(c) == 2:
            c.append(B.zeros_like(c[0]))
        return c

    a0, a1, a2 = components(x)
    b0, b1, b2 = components(y)
    z = a0 * b1 - a1 * b0
    if both_2d:
        return z
    out = B.stack(B.broadcast_arrays(a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, z), axis=-1)
    return B.moveaxis(out, -1, _dispatch.normalize_axis(axisc, out.ndim, func, "axisc"))


def diagonal(a, offset=0, axis1=0, axis2=1):
    """The ``offset`` diagonal over ``axis1``/``axis2``, appended as the last axis."""
    func = "diagonal"
    x = _tensor(a, func)
    if x.ndim < 2:
        raise ValueError(f"{func}: needs at least 2 dimensions, got shape {x.shape}")
    i = _dispatch.normalize_axis(axis1, x.ndim, func, "axis1")
    j = _dispatch.normalize_axis(axis2, x.ndim, func, "axis2")
    if i == j:
        raise ValueError(f"{func}: axis1 and axis2 cannot be the same")
    offset = _index(offset, func, "offset")
    view = _diagonal_view(x, offset, i, j)
    if view is not None:
        return view
    x = B.moveaxis(x, (i, j), (-2, -1))
    return B.linalg.diagonal(x, offset=offset)


def memory_view(x, raw):
    """A Tensor over ``raw``, a view the backend made of tensor ``x``'s memory, sharing
    ``x``'s version counter (so that a write through it is seen where ``x`` was saved);
    None when autograd follows ``x`` (it requires grad, a graph made it, or it carries a
    tangent), where the caller takes its differentiable path."""
    m = x._meta
    if m is None:
        return _dispatch.wrap(raw)
    if m.requires_grad or m.grad_fn is not None or m.tangent is not None:
        return None
    out = _dispatch.wrap(raw)
    out._meta = _Meta(False, None, 0, m.version)
    return out


def _diagonal_view(x, offset, axis1, axis2):
    """NumPy's diagonal: a read-only view of ``x``'s memory (GPU memory has no
    read-only flag: CuPy's view is writeable); None where autograd follows ``x``."""
    raw = x._data.diagonal(offset, axis1, axis2)
    return memory_view(x, raw)


def trace(a, offset=0, axis1=0, axis2=1, dtype=None):
    """Sum along the ``offset`` diagonal over ``axis1``/``axis2``."""
    d = diagonal(a, offset, axis1, axis2)
    return B.sum(d, axis=-1, dtype=dtype)


def diag(v, k=0):
    """A 1-d input becomes a square matrix with it on the ``k``-th diagonal; a 2-d
    input gives its ``k``-th diagonal."""
    func = "diag"
    x = _tensor(v, func, "v")
    k = _index(k, func, "k")
    if x.ndim == 2:
        view = _diagonal_view(x, k, 0, 1)
        return view if view is not None else B.linalg.diagonal(x, offset=k)
    if x.ndim != 1:
        raise ValueError(f"{func}: input must be 1- or 2-d, got shape {x.shape}")
    n = x.shape[0] + builtins.abs(k)
    mask = B.eye(n, n, k=k, dtype=B.bool, device=x.device)
    # row i of the result holds v[i] (k >= 0) or v[i - |k|] (k < 0) on the diagonal; the
    # others are zeros, as NumPy's (a product with the identity made inf * 0 a NaN there)
    rows = pad(x, (0, k) if k >= 0 else (-k, 0))
    return B.where(mask, B.reshape(rows, (n, 1)), B.zeros((n, n), dtype=x.dtype, device=x.device))


def diagflat(v, k=0):
    """The flattened input on the ``k``-th diagonal of a square matrix."""
    return diag(ravel(v), k)


def _triangle_indices(func, n, k, m):
    n, k = _index(n, func, "n"), _index(k, func, "k")
    m = n if m is None else _index(m, func, "m")
    # NumPy builds the n × m mask first (the long fuzz profile's tril_indices(2**31) was
    # killed computing it)
    _extras.check_fits(func, max(n, 0) * max(m, 0), itemsize=1, copies=1)
    return getattr(np, func)(n, k, m)


def tril_indices(n, k=0, m=None):
    """Row and column indices of the lower triangle of an n × m matrix."""
    rows, cols = _triangle_indices("tril_indices", n, k, m)
    return B.asarray(rows), B.asarray(cols)


def triu_indices(n, k=0, m=None):
    """Row and column indices of the upper triangle of an n × m matrix."""
    rows, cols = _triangle_indices("triu_indices", n, k, m)
    return B.asarray(rows), B.asarray(cols)


def diag_indices(n, ndim=2):
    """Indices of the main diagonal of an n × ... × n array."""
    ndim = _index(ndim, "diag_indices", "ndim")
    _extras.check_fits("diag_indices", ndim)  # the tuple's slots, with margin
    idx = B.arange(_index(n, "diag_indices", "n"))
    return (idx,) * ndim


def indices(dimensions, dtype=None, sparse=False):
    """A grid of indices: ``out[i]`` varies along axis ``i`` (with ``sparse``, a tuple of
    broadcastable index arrays)."""
    shape = _shape_arg(dimensions, "indices")
    if sparse:
        return _extras.indices_sparse(shape, dtype or B.int64)
    grids = B.meshgrid(*[B.arange(s, dtype=dtype or B.int64) for s in shape], indexing="ij")
    if not shape:
        return B.zeros((0,), dtype=dtype or B.int64)
    return B.stack(grids, axis=0)


def _index_order(order, func):
    if order not in ("C", "F"):
        raise ValueError(f"{func}: only 'C' or 'F' order is permitted, got {order!r}")
    return order


def unravel_index(indices, shape, order="C"):
    """Flat ``indices`` as a tuple of coordinate tensors for an array of ``shape``, in
    row-major (``order='C'``) or column-major (``'F'``) order."""
    func = "unravel_index"
    order = _index_order(order, func)
    shape = _shape_arg(shape, func)
    idx = _tensor(indices, func, "indices")
    if idx.dtype.kind not in "iu":
        raise TypeError(f"{func}: indices must be integers, got {idx.dtype}")
    total = math.prod(shape)
    if idx.size and (bool(B.any(idx < 0)) or bool(B.any(idx >= total))):
        raise ValueError(f"{func}: index out of bounds for an array of size {total}")
    coords = []
    for s in (reversed(shape) if order == "C" else shape):
        coords.append(B.remainder(idx, s) if s else idx)
        idx = B.floor_divide(idx, s) if s else idx
    return tuple(reversed(coords)) if order == "C" else tuple(coords)


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    """The flat index of each coordinate tuple in an array of shape ``dims``; ``mode``
    ('raise', 'wrap', 'clip', or one per dimension) treats coordinates out of bounds,
    ``order`` 'C' (row-major) or 'F' (column-major) lays the array out."""
    func = "ravel_multi_index"
    dims = _shape_arg(dims, func)
    order = _index_order(order, func)
    if len(multi_index) != len(dims):
        raise ValueError(f"{func}: need {len(dims)} index arrays, got {len(multi_index)}")
    modes = (mode,) * len(dims) if isinstance(mode, str) else tuple(mode)
    if len(modes) != len(dims) or any(m not in ("raise", "wrap", "clip") for m in modes):
        raise ValueError(f"{func}: mode must be 'raise', 'wrap' or 'clip' (or one of them "
                         f"per dimension), got {mode!r}")
    coords = []
    for coord, s, m in zip(multi_index, dims, modes):
        c = _tensor(coord, func, "multi_index")
        if c.dtype.kind not in "iu":
            raise TypeError(f"{func}: only int indices permitted, got {c.dtype}")
        if m == "wrap":
            c = B.remainder(c, s)
        elif m == "clip":
            c = B.clip(c, 0, s - 1)
        elif bool(B.any(c < 0)) or bool(B.any(c >= s)):
            raise ValueError(f"{func}: invalid entry in coordinates array")
        coords.append(c)
    flat = None
    pairs = list(zip(coords, dims))
    for c, s in (pairs if order == "C" else reversed(pairs)):
        flat = c if flat is None else flat * s + c
    return flat


def einsum(subscripts, *operands, optimize=False):
    """Einstein summation (NumPy's subscript form, with ``...`` and implicit output).

    Contractions of two operands go through ``matmul`` (after permuting and merging
    axes into batch × rows × contracted), so large contractions cost what a matrix
    product costs; repeated labels within one operand take diagonals. ``optimize`` is
    accepted for compatibility; operands are contracted left to right.
    """
    func = "einsum"
    if not isinstance(subscripts, str):  # NumPy's interleaved form: a, [0, 1], b, [1, 2]
        subscripts, operands = _extras.einsum_sublists((subscripts,) + operands)
    tensors = [_tensor(o, func, "operands") for o in operands]
    spec = subscripts.replace(" ", "")
    if "->" in spec:
        inputs_spec, output = spec.split("->")
    else:
        inputs_spec, output = spec, None
    in_specs = inputs_spec.split(",")
    if len(in_specs) != len(tensors):
        raise ValueError(f"{func}: {len(in_specs)} operand subscripts for {len(tensors)} operands")
    # replace '...' by private labels, right-aligned as broadcasting aligns them
    n_ell = 0
    for s, t in zip(in_specs, tensors):
        if "..." in s:
            n_ell = builtins.max(n_ell, t.ndim - (len(s) - 3))
    ell = [chr(0x100 + i) for i in range(n_ell)]
    labels_of = []
    for s, t in zip(in_specs, tensors):
        if "..." in s:
            k = t.ndim - (len(s) - 3)
            if k < 0:
                raise ValueError(f"{func}: subscripts {s!r} have more labels than the operand "
                                 f"of shape {t.shape} has axes")
            s = s.replace("...", "".join(ell[n_ell - k:]))
        if any(not (c.isalpha() or ord(c) >= 0x100) for c in s):
            raise ValueError(f"{func}: invalid subscript in {subscripts!r} (letters only)")
        if len(s) != t.ndim:
            raise ValueError(f"{func}: operand of shape {t.shape} has {t.ndim} axes but "
                             f"subscripts {s!r} name {len(s)}")
        labels_of.append(s)
    counts: dict[str, int] = {}
    for s in labels_of:
        for c in s:
            counts[c] = counts.get(c, 0) + 1
    if output is None:
        out_labels = "".join(ell) + "".join(sorted(c for c, n in counts.items()
                                                   if n == 1 and c not in ell))
    else:
        out_labels = output.replace("...", "".join(ell))
        for c in out_labels:
            if c not in counts:
                raise ValueError(f"{func}: output subscript {c!r} does not appear in the inputs")
        if len(set(out_labels)) != len(out_labels):
            raise ValueError(f"{func}: output subscripts {output!r} repeat a label")
    sizes: dict[str, int] = {}
    for s, t in zip(labels_of, tensors):
        for c, n in zip(s, t.shape):
            if c in sizes and sizes[c] != n and 1 not in (sizes[c], n):
                raise ValueError(f"{func}: label {c!r} has sizes {sizes[c]} and {n}")
            sizes[c] = builtins.max(sizes.get(c, n), n) if n != 1 else sizes.get(c, n)

    # diagonals of repeated labels inside one operand
    prepared = []
    for s, t in zip(labels_of, tensors):
        while len(set(s)) != len(s):
            c = next(c for c in s if s.count(c) > 1)
            i = s.index(c)
            j = s.index(c, i + 1)
            t = B.linalg.diagonal(B.moveaxis(t, (i, j), (-2, -1)))
            s = "".join(ch for p, ch in enumerate(s) if p not in (i, j)) + c
        prepared.append((t, s))

    current, cur = prepared[0]
    for k in range(1, len(prepared)):
        keep = set(out_labels)
        for _, later in prepared[k + 1:]:
            keep.update(later)
        other, oth = prepared[k]
        current, cur = _contract_pair(current, cur, other, oth, keep, sizes)
    # labels not in the output are summed; then the output order
    gone = tuple(i for i, c in enumerate(cur) if c not in out_labels)
    if gone:
        current = _einsum_sum(current, gone)
        cur = "".join(c for c in cur if c in out_labels)
    if cur != out_labels:
        current = B.permute_dims(current, tuple(cur.index(c) for c in out_labels))
    return current


def _einsum_sum(x, axis):
    """einsum's sum over ``axis``, in the operands' dtype as NumPy's einsum sums (int8
    stays int8, wrapping; bools sum as logical or)."""
    if x.dtype.kind == "b":
        return B.any(x, axis=axis)
    if x.dtype.kind in "iu":
        return B.sum(x, axis=axis, dtype=x.dtype)
    return B.sum(x, axis=axis)


def _contract_pair(a, sa, b, sb, keep, sizes):
    """Contract operands ``a`` (labels ``sa``) and ``b`` over the labels they share and
    that are not in ``keep``, with one batched matmul."""
    only_a = [i for i, c in enumerate(sa) if c not in sb and c not in keep]
    if only_a:
        a = _einsum_sum(a, tuple(only_a))
        sa = "".join(c for c in sa if c in sb or c in keep)
    only_b = [i for i, c in enumerate(sb) if c not in sa and c not in keep]
    if only_b:
        b = _einsum_sum(b, tuple(only_b))
        sb = "".join(c for c in sb if c in sa or c in keep)
    batch = [c for c in sa if c in sb and c in keep]
    contracted = [c for c in sa if c in sb and c not in keep]
    left = [c for c in sa if c not in sb]
    right = [c for c in sb if c not in sa]

    def arrange(t, s, order):
        t = B.permute_dims(t, tuple(s.index(c) for c in order))
        full = tuple(sizes[c] for c in order)
        return t if t.shape == full else B.broadcast_to(t, full)

    a = arrange(a, sa, batch + left + contracted)
    b = arrange(b, sb, batch + contracted + right)
    nb = math.prod(sizes[c] for c in batch)
    nl = math.prod(sizes[c] for c in left)
    nc = math.prod(sizes[c] for c in contracted)
    nr = math.prod(sizes[c] for c in right)
    product = B.matmul(B.reshape(a, (nb, nl, nc)), B.reshape(b, (nb, nc, nr)))
    shape = tuple(sizes[c] for c in batch + left + right)
    return B.reshape(product, shape), "".join(batch + left + right)


def convolve(a, v, mode="full"):
    """Discrete linear convolution of two 1-d sequences (``'full'``, ``'same'``,
    ``'valid'``), as a sum of shifted copies of the longer input."""
    return _correlate_like("convolve", a, v, mode, flip=True)


def correlate(a, v, mode="valid"):
    """Cross-correlation of two 1-d sequences, ``sum_n a[n + k] * conj(v[n])``."""
    return _correlate_like("correlate", a, v, mode, flip=False)


def _correlate_like(func, a, v, mode, flip):
    x = _tensor(a, func)
    w = _tensor(v, func, "v")
    if x.ndim != 1 or w.ndim != 1:
        raise ValueError(f"{func}: both inputs must be 1-d, got shapes {x.shape} and {w.shape}")
    if x.shape[0] == 0 or w.shape[0] == 0:
        raise ValueError(f"{func}: inputs cannot be empty")
    if mode not in ("full", "same", "valid"):
        raise ValueError(f"{func}: mode must be 'full', 'same' or 'valid', got {mode!r}")
    if flip:
        if x.shape[0] < w.shape[0]:
            x, w = w, x  # convolution commutes; NumPy slides the shorter input
        w_eff = B.flip(w)
    else:
        w_eff = B.conj(w) if w.dtype.kind == "c" else w
        if x.shape[0] < w.shape[0]:
            # NumPy: correlate(a, v) with len(v) > len(a) is correlate(v, a) reversed
            # and conjugated
            flipped = _correlate_like(func, w, x, mode, flip=False)
            flipped = B.flip(flipped)
            return B.conj(flipped) if flipped.dtype.kind == "c" else flipped
    n, m = x.shape[0], w_eff.shape[0]
    full = pad(x, (m - 1, m - 1))  # zeros at both ends: the 'full' output
    length = n + m - 1
    # out[k] = sum_j full[k + j] * w_eff[j]; the loop runs over the shorter input
    out = None
    for j in range(m):
        term = full[j:j + length] * w_eff[j]
        out = term if out is None else out + term
    if mode == "full":
        return out
    if mode == "same":
        start = (m - 1) // 2
        return out[start:start + n]
    return out[m - 1:n]


def interp(x, xp, fp, left=None, right=None, period=None):
    """Piecewise-linear interpolation of the points (``xp``, ``fp``) at ``x``; outside
    [xp[0], xp[-1]] the end values (or ``left``/``right``)."""
    func = "interp"
    xv = _float(_tensor(x, func, "x"))
    xs = _float(_tensor(xp, func, "xp"))
    fs = _tensor(fp, func, "fp")
    fs = fs if fs.dtype.kind in "fc" else _float(fs)
    if xs.ndim != 1 or fs.ndim != 1 or xs.shape[0] != fs.shape[0]:
        raise ValueError(f"{func}: xp and fp must be 1-d of the same length")
    if xs.shape[0] == 0:
        raise ValueError(f"{func}: xp and fp cannot be empty")
    if period is not None:
        period = builtins.abs(float(period))
        if period == 0:
            raise ValueError(f"{func}: period must be a non-zero value")
        xv = B.remainder(xv, period)
        xs = B.remainder(xs, period)
        order = B.argsort(xs)
        xs, fs = B.take(xs, order), B.take(fs, order)
        xs = B.concat([xs[-1:] - period, xs, xs[:1] + period])
        fs = B.concat([fs[-1:], fs, fs[:1]])
    n = xs.shape[0]
    if n == 1:
        out = B.full_like(xv, 0, dtype=fs.dtype) + fs[0]
    else:
        hi = B.clip(B.searchsorted(xs, xv, side="right"), 1, n - 1)
        lo = hi - 1
        x0, x1 = B.take(xs, lo), B.take(xs, hi)
        f0, f1 = B.take(fs, lo), B.take(fs, hi)
        slope = (f1 - f0) / (x1 - x0)
        out = slope * (xv - x0) + f0
        # NumPy returns fp[j] exactly at a knot, even where the slope is inf or nan
        out = B.where(xv == x1, f1, out)
    if period is None:
        low = fs[0] if left is None else left
        high = fs[-1] if right is None else right
        out = B.where(xv < xs[0], B.full_like(out, 0) + low, out)
        out = B.where(xv > xs[-1], B.full_like(out, 0) + high, out)
    return out


def gradient(f, *varargs, axis=None, edge_order=1):
    """Second-order central differences inside, one-sided differences (first or second
    order, ``edge_order``) at the ends; spacings are scalars (one, or one per axis) or
    coordinate tensors. Returns one tensor per axis, a single one for one axis."""
    func = "gradient"
    y = _float(_tensor(f, func, "f"))
    axes = _reduced_axes(axis, y.ndim, func)
    if axis is not None and isinstance(_axis_arg(axis, func), int):
        axes = (_dispatch.normalize_axis(axis, y.ndim, func),)
    if not varargs:
        spacing = [1.0] * len(axes)
    elif len(varargs) == 1 and (not _is_tensor(varargs[0]) or varargs[0].ndim == 0):
        spacing = [varargs[0]] * len(axes)
    elif len(varargs) == len(axes):
        spacing = list(varargs)
    else:
        raise TypeError(f"{func}: give one spacing, or one per axis ({len(axes)})")
    if edge_order not in (1, 2):
        raise ValueError(f"{func}: edge_order must be 1 or 2, got {edge_order!r}")
    out = []
    for ax, h in zip(axes, spacing):
        out.append(_gradient_axis(func, y, ax, h, edge_order))
    return out[0] if len(out) == 1 else tuple(out)


def _gradient_axis(func, y, ax, h, edge_order):
    n = y.shape[ax]
    if n < edge_order + 1:
        raise ValueError(f"{func}: axis {ax} needs at least {edge_order + 1} points")

    def sl(lo, hi):
        key = [slice(None)] * y.ndim
        key[ax] = slice(lo, hi)
        return y[tuple(key)]

    def along(t):  # a 1-d tensor shaped to broadcast along axis ax
        shape = [1] * y.ndim
        shape[ax] = -1
        return B.reshape(t, tuple(shape))

    coords = _tensor(h, func, "varargs") if _is_tensor(h) or isinstance(h, (list, tuple)) \
        else None
    if coords is not None and coords.ndim == 1:
        if coords.shape[0] != n:
            raise ValueError(f"{func}: coordinates must have the length of axis {ax}")
        dx = B.astype(B.diff(_float(coords)), y.dtype)
        h1 = along(dx[:-1])
        h2 = along(dx[1:])
        # NumPy's non-uniform second-order formula
        a = -h2 / (h1 * (h1 + h2))
        b = (h2 - h1) / (h1 * h2)
        c = h1 / (h2 * (h1 + h2))
        interior = a * sl(0, n - 2) + b * sl(1, n - 1) + c * sl(2, n)
        if edge_order == 1:
            first = (sl(1, 2) - sl(0, 1)) / along(dx[:1])
            last = (sl(n - 1, n) - sl(n - 2, n - 1)) / along(dx[-1:])
        else:
            d1, d2 = along(dx[0:1]), along(dx[1:2])
            first = (-(2.0 * d1 + d2) / (d1 * (d1 + d2)) * sl(0, 1)
                     + (d1 + d2) / (d1 * d2) * sl(1, 2) - d1 / (d2 * (d1 + d2)) * sl(2, 3))
            e1, e2 = along(dx[-2:-1]), along(dx[-1:])
            last = (e2 / (e1 * (e1 + e2)) * sl(n - 3, n - 2) - (e2 + e1) / (e1 * e2)
                    * sl(n - 2, n - 1) + (2.0 * e2 + e1) / (e2 * (e1 + e2)) * sl(n - 1, n))
        return B.concat([first, interior, last], axis=ax)
    if coords is not None:
        h = coords.item()
    h = float(h)
    interior = (sl(2, n) - sl(0, n - 2)) / (2.0 * h)
    if edge_order == 1:
        first = (sl(1, 2) - sl(0, 1)) / h
        last = (sl(n - 1, n) - sl(n - 2, n - 1)) / h
    else:
        first = (-1.5 * sl(0, 1) + 2.0 * sl(1, 2) - 0.5 * sl(2, 3)) / h
        last = (0.5 * sl(n - 3, n - 2) - 2.0 * sl(n - 2, n - 1) + 1.5 * sl(n - 1, n)) / h
    return B.concat([first, interior, last], axis=ax)


def trapezoid(y, x=None, dx=1.0, axis=-1):
    """Integral of ``y`` along ``axis`` by the trapezoidal rule."""
    func = "trapezoid"
    yv = _float(_tensor(y, func, "y"))
    ax = _dispatch.normalize_axis(axis, yv.ndim, func)
    n = yv.shape[ax]

    def sl(lo, hi):
        key = [slice(None)] * yv.ndim
        key[ax] = slice(lo, hi)
        return yv[tuple(key)]

    if x is None:
        d = dx
    else:
        xv = _float(_tensor(x, func, "x"))
        d = B.diff(xv, axis=-1 if xv.ndim == 1 else ax)
        if xv.ndim == 1:
            shape = [1] * yv.ndim
            shape[ax] = -1
            d = B.reshape(d, tuple(shape))
    return B.sum(d * (sl(1, n) + sl(0, n - 1)) / 2.0, axis=ax)


# ------------------------------------------------------------------ statistics


def _bool_as_int(x):
    """NumPy sums and compares booleans as integers; the standard's functions take
    numeric input only."""
    return B.astype(x, B.int64) if x.dtype == B.bool else x


def _masked(initial=NO_VALUE, where=True):
    """NumPy's ``initial=`` and ``where=`` for the standard's reductions (which take
    them as keywords: bridge/_ufunc.py), only where given."""
    given = {}
    if where is not True:
        given["where"] = where
    if initial is not NO_VALUE:
        given["initial"] = initial
    return given


def _numpy_reduce(func, std_func, a, axis, dtype, keepdims, *, float_result=False, **masked):
    x = _bool_as_int(_tensor(a, func))
    if float_result:
        if dtype is not None:
            x = B.astype(x, normalize_dtype(dtype, func))
        else:
            x = _float(x)
        return std_func(x, axis=_axis_arg(axis, func), keepdims=bool(keepdims), **masked)
    return std_func(x, axis=_axis_arg(axis, func), dtype=dtype, keepdims=bool(keepdims),
                    **masked)


def numpy_sum(a, axis=None, dtype=None, *, keepdims=False, initial=NO_VALUE, where=True):
    """NumPy's ``sum`` (positional axis and dtype; a bool sums as int64)."""
    return _numpy_reduce("sum", B.sum, a, axis, dtype, keepdims, **_masked(initial, where))


def numpy_prod(a, axis=None, dtype=None, *, keepdims=False, initial=NO_VALUE, where=True):
    """NumPy's ``prod``."""
    return _numpy_reduce("prod", B.prod, a, axis, dtype, keepdims, **_masked(initial, where))


def numpy_mean(a, axis=None, dtype=None, keepdims=False, *, where=True):
    """NumPy's ``mean``: integer input gives float64 (``out=`` through numpy_out)."""
    x = _tensor(a, "mean")
    if x.dtype.kind == "c" and dtype is None:
        return B.mean(x, axis=_axis_arg(axis, "mean"), keepdims=bool(keepdims),
                      **_masked(where=where))
    return _numpy_reduce("mean", B.mean, x, axis, dtype, keepdims, float_result=True,
                         **_masked(where=where))


def _ddof(func, ddof, correction):
    if correction is not None:
        if ddof not in (0, None):
            raise ValueError(f"{func}: give ddof or correction, not both")
        return correction
    return 0 if ddof is None else ddof


def numpy_var(a, axis=None, dtype=None, ddof=0, keepdims=False, *, mean=None,
              correction=None, where=True):
    """NumPy's ``var`` (``ddof``; complex input gives the mean of ``|x - mean|**2``;
    ``out=`` through numpy_out)."""
    func = "var"
    x = _tensor(a, func)
    ddof = _ddof(func, ddof, correction)
    if dtype is not None:
        x = B.astype(x, normalize_dtype(dtype, func))
    x = _float(x)
    axis = _axis_arg(axis, func)
    if where is not True:
        if mean is not None:
            raise TypeError(f"{func}: mean= with where= is not supported; give one of them")
        return B.var(x, axis=axis, correction=ddof, keepdims=bool(keepdims), where=where)
    if x.dtype.kind == "c" or mean is not None:
        centre = B.mean(x, axis=axis, keepdims=True) if mean is None else _tensor(mean, func, "mean")
        dev = x - centre
        sq = B.real(dev * B.conj(dev)) if x.dtype.kind == "c" else dev * dev
        axes = _reduced_axes(axis, x.ndim, func)
        n = math.prod(x.shape[i] for i in axes)
        return B.sum(sq, axis=axis, keepdims=bool(keepdims)) / builtins.max(n - ddof, 0)
    return B.var(x, axis=axis, correction=ddof, keepdims=bool(keepdims))


def numpy_std(a, axis=None, dtype=None, ddof=0, keepdims=False, *, mean=None,
              correction=None, where=True):
    """NumPy's ``std`` (``ddof``; ``out=`` through numpy_out)."""
    x = _tensor(a, "std")
    if x.dtype.kind == "c" or mean is not None or where is not True:
        return B.sqrt(numpy_var(x, axis, dtype, ddof=ddof, keepdims=keepdims, mean=mean,
                                correction=correction, where=where))
    if dtype is not None:
        x = B.astype(x, normalize_dtype(dtype, "std"))
    return B.std(_float(x), axis=_axis_arg(axis, "std"),
                 correction=_ddof("std", ddof, correction), keepdims=bool(keepdims))


def amax(a, axis=None, *, keepdims=False, initial=NO_VALUE, where=True):
    """Maximum along ``axis`` (NumPy's ``amax``; NaN propagates)."""
    x = _tensor(a, "amax")
    out = B.max(_bool_as_int(x), axis=_axis_arg(axis, "amax"), keepdims=bool(keepdims),
                **_masked(initial, where))
    return B.astype(out, B.bool) if x.dtype == B.bool else out


def amin(a, axis=None, *, keepdims=False, initial=NO_VALUE, where=True):
    """Minimum along ``axis`` (NumPy's ``amin``; NaN propagates)."""
    x = _tensor(a, "amin")
    out = B.min(_bool_as_int(x), axis=_axis_arg(axis, "amin"), keepdims=bool(keepdims),
                **_masked(initial, where))
    return B.astype(out, B.bool) if x.dtype == B.bool else out


def ptp(a, axis=None, *, keepdims=False):
    """Range (maximum minus minimum) along ``axis``."""
    x = _tensor(a, "ptp")
    axis = _axis_arg(axis, "ptp")
    return B.max(x, axis=axis, keepdims=keepdims) - B.min(x, axis=axis, keepdims=keepdims)


def numpy_all(a, axis=None, *, keepdims=False, where=True):
    """NumPy's ``all``."""
    return B.all(_tensor(a, "all"), axis=_axis_arg(axis, "all"), keepdims=bool(keepdims),
                 **_masked(where=where))


def numpy_any(a, axis=None, *, keepdims=False, where=True):
    """NumPy's ``any``."""
    return B.any(_tensor(a, "any"), axis=_axis_arg(axis, "any"), keepdims=bool(keepdims),
                 **_masked(where=where))


def numpy_argmax(a, axis=None, *, keepdims=False):
    """NumPy's ``argmax`` (flat index when ``axis`` is None)."""
    return B.argmax(_bool_as_int(_tensor(a, "argmax")), axis=axis, keepdims=bool(keepdims))


def numpy_argmin(a, axis=None, *, keepdims=False):
    """NumPy's ``argmin``."""
    return B.argmin(_bool_as_int(_tensor(a, "argmin")), axis=axis, keepdims=bool(keepdims))


def cumsum(a, axis=None, dtype=None):
    """Running sum along ``axis`` (of the flattened input when ``axis`` is None)."""
    x = _bool_as_int(_tensor(a, "cumsum"))
    if axis is None:
        x, axis = B.reshape(x, (-1,)), 0
    return B.cumulative_sum(x, axis=axis, dtype=dtype)


def cumprod(a, axis=None, dtype=None):
    """Running product along ``axis`` (of the flattened input when ``axis`` is None)."""
    x = _bool_as_int(_tensor(a, "cumprod"))
    if axis is None:
        x, axis = B.reshape(x, (-1,)), 0
    return B.cumulative_prod(x, axis=axis, dtype=dtype)


def _nan_filled(func, a, fill):
    x = _tensor(a, func)
    if x.dtype.kind not in "fc":
        return x, None
    mask = B.isnan(x)
    return B.where(mask, B.full_like(x, fill), x), mask


def nansum(a, axis=None, dtype=None, *, keepdims=False):
    """Sum treating NaN as zero."""
    x, _ = _nan_filled("nansum", a, 0)
    return numpy_sum(x, axis, dtype, keepdims=keepdims)


def nanprod(a, axis=None, dtype=None, *, keepdims=False):
    """Product treating NaN as one."""
    x, _ = _nan_filled("nanprod", a, 1)
    return numpy_prod(x, axis, dtype, keepdims=keepdims)


def nancumsum(a, axis=None, dtype=None):
    """Running sum treating NaN as zero."""
    x, _ = _nan_filled("nancumsum", a, 0)
    return cumsum(x, axis, dtype)


def _warn_nan_slices(condition, message):
    """NumPy's RuntimeWarning of the nan-functions (``"All-NaN slice encountered"``,
    ``"Mean of empty slice"``, ``"Degrees of freedom <= 0 for slice."``) when
    ``condition`` (a bool tensor) holds anywhere."""
    if condition.size and bool(B.any(condition)):
        warnings.warn(message, RuntimeWarning, stacklevel=4)


def _nan_count(func, a, axis, keepdims):
    x = _float(_tensor(a, func))
    mask = B.isnan(x)
    count = B.sum(B.astype(B.logical_not(mask), _real_dtype(x.dtype)),
                  axis=_axis_arg(axis, func), keepdims=keepdims)
    return x, mask, count


def _real_dtype(dtype):
    """float32 for complex64, float64 for complex128, the dtype itself otherwise."""
    return np.dtype(dtype.char.lower()) if dtype.kind == "c" else dtype


def nanmean(a, axis=None, dtype=None, *, keepdims=False):
    """Mean ignoring NaN (NaN where a slice holds only NaN)."""
    func = "nanmean"
    x, mask, count = _nan_count(func, a, axis, bool(keepdims))
    if dtype is not None:
        x = B.astype(x, normalize_dtype(dtype, func))
    total = B.sum(B.where(mask, B.zeros_like(x), x), axis=_axis_arg(axis, func),
                  keepdims=bool(keepdims))
    _warn_nan_slices(count == 0, "Mean of empty slice")
    with np.errstate(invalid="ignore", divide="ignore"):
        return total / count


def nanvar(a, axis=None, dtype=None, *, ddof=0, keepdims=False):
    """Variance ignoring NaN (NaN where fewer than ``ddof`` + 1 values remain)."""
    func = "nanvar"
    x, mask, count = _nan_count(func, a, axis, True)
    if dtype is not None:
        x = B.astype(x, normalize_dtype(dtype, func))
    axis = _axis_arg(axis, func)
    zeros = B.zeros_like(x)
    with np.errstate(invalid="ignore", divide="ignore"):
        centre = B.sum(B.where(mask, zeros, x), axis=axis, keepdims=True) / count
        dev = B.where(mask, zeros, x - centre)
    sq = B.real(dev * B.conj(dev)) if x.dtype.kind == "c" else dev * dev
    total = B.sum(sq, axis=axis, keepdims=bool(keepdims))
    count = B.sum(B.astype(B.logical_not(mask), total.dtype), axis=axis, keepdims=bool(keepdims))
    denom = count - ddof
    _warn_nan_slices(denom <= 0, "Degrees of freedom <= 0 for slice.")
    safe = B.where(denom > 0, denom, B.ones_like(denom))
    return B.where(denom > 0, total / safe, B.full_like(total, math.nan))


def nanstd(a, axis=None, dtype=None, *, ddof=0, keepdims=False):
    """Standard deviation ignoring NaN."""
    return B.sqrt(nanvar(a, axis, dtype, ddof=ddof, keepdims=keepdims))


def _nan_extremum(func, reduce, fill, a, axis, keepdims):
    x = _tensor(a, func)
    axis = _axis_arg(axis, func)
    if x.dtype.kind not in "f":
        return reduce(x, axis=axis, keepdims=bool(keepdims))
    mask = B.isnan(x)
    out = reduce(B.where(mask, B.full_like(x, fill), x), axis=axis, keepdims=bool(keepdims))
    all_nan = B.all(mask, axis=axis, keepdims=bool(keepdims))
    _warn_nan_slices(all_nan, "All-NaN slice encountered")
    return B.where(all_nan, B.full_like(out, math.nan), out)


def nanmax(a, axis=None, *, keepdims=False):
    """Maximum ignoring NaN (NaN where a slice holds only NaN)."""
    return _nan_extremum("nanmax", B.max, -math.inf, a, axis, keepdims)


def nanmin(a, axis=None, *, keepdims=False):
    """Minimum ignoring NaN (NaN where a slice holds only NaN)."""
    return _nan_extremum("nanmin", B.min, math.inf, a, axis, keepdims)


def nanargmax(a, axis=None):
    """Index of the maximum ignoring NaN (ValueError for an all-NaN slice)."""
    x = _tensor(a, "nanargmax")
    if x.dtype.kind == "f":
        mask = B.isnan(x)
        if bool(B.any(B.all(mask, axis=axis))):
            raise ValueError("nanargmax: all-NaN slice encountered")
        x = B.where(mask, B.full_like(x, -math.inf), x)
    return B.argmax(x, axis=axis)


def nanargmin(a, axis=None):
    """Index of the minimum ignoring NaN (ValueError for an all-NaN slice)."""
    x = _tensor(a, "nanargmin")
    if x.dtype.kind == "f":
        mask = B.isnan(x)
        if bool(B.any(B.all(mask, axis=axis))):
            raise ValueError("nanargmin: all-NaN slice encountered")
        x = B.where(mask, B.full_like(x, math.inf), x)
    return B.argmin(x, axis=axis)


_QUANTILE_METHODS = _extras.QUANTILE_METHODS


def _to_last_axis(x, axes):
    """x with the ``axes`` moved to the end and merged into one: (lead..., n)."""
    rest = [i for i in range(x.ndim) if i not in axes]
    x = B.permute_dims(x, tuple(rest) + tuple(axes))
    lead = tuple(x.shape[: len(rest)])
    return B.reshape(x, lead + (math.prod(x.shape[len(rest):]),)), lead


def _quantile_weights(func, weights, a, axis, method):
    """NumPy's checks of quantile's ``weights`` (``_weights_are_valid``): the weights as a
    tensor of ``a``'s shape (1-d weights along one axis, or weights of the reduced axes,
    broadcast), non-negative."""
    if method != "inverted_cdf":
        raise ValueError(f"{func}: Only method 'inverted_cdf' supports weights. "
                         f"Got: {method}.")
    w = _tensor(weights, func, "weights")
    if w.dtype.kind == "c":
        raise TypeError(f"{func}: weights must be real numbers, got {w.dtype}")
    if w.shape != a.shape:
        if axis is None:
            raise TypeError(f"{func}: Axis must be specified when shapes of a and weights "
                            "differ.")
        axes = _axis_arg(axis, func)
        axes = (axes,) if isinstance(axes, int) else axes
        axes = tuple(_dispatch.normalize_axis(ax, a.ndim, func) for ax in axes)
        if w.shape != tuple(a.shape[ax] for ax in axes):
            raise ValueError(f"{func}: Shape of weights must be consistent with shape of a "
                             "along specified axis.")
        w = B.permute_dims(w, tuple(int(i) for i in np.argsort(axes)))
        w = B.reshape(w, tuple(s if ax in axes else 1 for ax, s in enumerate(a.shape)))
        w = B.broadcast_to(w, a.shape)
    if w.size and bool(B.any(w < 0)):
        raise ValueError(f"{func}: Weights must be non-negative.")
    return w


def _weighted_quantile(func, x, w, qflat, ignore_nan):
    """NumPy's weighted ``inverted_cdf`` quantiles ``qflat`` (1-d) of the rows of ``x``
    (..., n) with weights ``w`` (the same shape): the first element of each sorted row
    whose normalised cumulative weight reaches q; shape (..., len(q)), x's dtype."""
    n = x.shape[-1]
    keys = B.astype(x, B.int8) if x.dtype == B.bool else x
    order = B.argsort(keys, axis=-1, stable=True)  # NaN last
    xs = B.take_along_axis(x, order, axis=-1)
    ws = B.astype(B.take_along_axis(w, order, axis=-1), B.float64)
    nan_mask = B.isnan(xs) if x.dtype.kind == "f" else None
    count = n
    all_nan = None
    if ignore_nan and nan_mask is not None:
        # NumPy drops a row's NaNs with their weights; an all-NaN row gives NaN
        ws = B.where(nan_mask, B.zeros_like(ws), ws)
        count = B.sum(B.astype(B.logical_not(nan_mask), B.int64), axis=-1, keepdims=True)
        all_nan = B.all(nan_mask, axis=-1, keepdims=True)
    cdf = B.cumulative_sum(ws, axis=-1)
    total = cdf[..., -1:]
    if all_nan is not None:
        total = B.where(all_nan, B.ones_like(total), total)
    cdf = cdf / total
    if bool(B.any(B.isnan(cdf[..., -1]))):
        raise ValueError(f"{func}: Weights included NaN, inf or were all zero.")
    if qflat.dtype.kind == "f" and qflat.dtype != cdf.dtype:
        cdf = B.astype(cdf, qflat.dtype)
    qcmp = B.astype(qflat, cdf.dtype) if qflat.dtype != cdf.dtype else qflat
    # leading zero weights: NumPy's cdf of -1 there, so q = 0 picks the first weighted
    cdf = B.where(cdf == 0, B.full_like(cdf, -1.0), cdf)
    # searchsorted(cdf, q, side="left") of each row: how many of its cdf values are < q
    index = B.sum(B.astype(cdf[..., None, :] < qcmp[:, None], B.int64), axis=-1)
    last = count - 1 if isinstance(count, int) else B.maximum(count - 1, B.zeros_like(count))
    index = B.minimum(index, last)
    vals = B.take_along_axis(xs, index, axis=-1)
    if nan_mask is not None:
        poisoned = all_nan if ignore_nan else B.any(nan_mask, axis=-1, keepdims=True)
        vals = B.where(B.broadcast_to(poisoned, vals.shape), B.full_like(vals, math.nan), vals)
    return vals


# methods whose quantiles are elements of the data: NumPy 2 keeps an integer or bool
# input's dtype for them (np.quantile(ints, 0.3, method="lower") is an int64)
_DISCRETE_QUANTILE_METHODS = ("inverted_cdf", "closest_observation", "lower", "higher",
                              "nearest")


def _quantile(func, a, q, axis, method, keepdims, *, ignore_nan=False, weights=None,
              weak=None):
    x = _tensor(a, func)
    qt = _tensor(q, func, "q")
    # the elements themselves, where the method picks elements of integer or bool data
    elements = None
    if weights is None:
        # (and "linear" at integer q, 0 or 1: no interpolation, as in NumPy)
        picks = method in _DISCRETE_QUANTILE_METHODS or (
            method == "linear" and qt.dtype.kind in "iu")
        if picks and x.dtype.kind in "biu":
            elements = x
        if x.dtype.kind in _INT_KINDS and qt.dtype.kind == "f":
            # integer data computes in its promotion with q (int8 with float32 q: float32)
            x = B.astype(x, B.result_type(x.dtype, qt.dtype))
        else:
            x = _float(x)
    if method not in _QUANTILE_METHODS:
        raise ValueError(f"{func}: method={method!r} is not supported; use one of "
                         f"{', '.join(_QUANTILE_METHODS)}")
    # NumPy's q: a Python number takes float data's dtype; an array of q promotes with
    # the data (float32 data, float64 q: float64 quantiles; the discontinuous methods'
    # elements keep float32)
    weak = type(q) in (int, float) if weak is None else weak
    narrow = None
    if weights is None and not weak and x.dtype.kind == "f" and qt.dtype.kind in "fiu":
        # (an integer q's interpolation weights are float64)
        wide = B.result_type(x.dtype, qt.dtype if qt.dtype.kind == "f" else B.float64)
        if wide != x.dtype:
            if picks:
                narrow = x.dtype
            x = B.astype(x, wide)
    if weights is None:
        qt = B.astype(qt, x.dtype) if qt.dtype != x.dtype else qt
    elif qt.dtype.kind not in "f":
        qt = _float(qt)
    if qt.size and (bool(B.any(qt < 0)) or bool(B.any(qt > 1))):
        raise ValueError(f"{func}: quantiles must be in the range [0, 1]")
    if weights is not None:
        w = _quantile_weights(func, weights, x, axis, method)
    ndim = x.ndim
    axes = _reduced_axes(axis, ndim, func)
    x, lead = _to_last_axis(x, axes)
    n = x.shape[-1]
    qflat = B.reshape(qt, (-1,))
    nq = qflat.shape[0]
    nan_mask = B.isnan(x) if x.dtype.kind == "f" else None
    if n == 0:
        vals = _nan_like(_float(x), lead + (nq,))
    elif weights is not None:
        vals = _weighted_quantile(func, x, _to_last_axis(w, axes)[0], qflat, ignore_nan)
    else:
        s = B.sort(x, axis=-1)  # NaN sorts last
        if ignore_nan and nan_mask is not None:
            # the non-NaN elements of each slice count (an all-NaN slice is NaN below)
            count = B.sum(B.astype(B.logical_not(nan_mask), x.dtype), axis=-1, keepdims=True)
        else:
            count = B.full(lead + (1,), n, dtype=x.dtype, device=x.device)
        if elements is not None:
            # the positions come from the float computation; the values from the
            # elements sorted in their own dtype (int64 beyond 2**53 stays exact)
            e = _to_last_axis(elements, axes)[0]
            keys = B.astype(e, B.int8) if e.dtype == B.bool else e
            s = B.sort(keys, axis=-1)
        # ("linear" at q 0 or 1 picks the elements "lower" does)
        pick = "lower" if elements is not None and method == "linear" else method
        vals = _extras.quantile_values(s, qflat, count, pick)
        if elements is not None and elements.dtype == B.bool:
            vals = B.astype(vals, B.bool)
        if nan_mask is not None and elements is None:  # (integer data holds no NaN)
            if ignore_nan:
                poisoned = B.all(nan_mask, axis=-1, keepdims=True)
                _warn_nan_slices(poisoned, "All-NaN slice encountered")
            else:
                poisoned = B.any(nan_mask, axis=-1, keepdims=True)
            vals = B.where(B.broadcast_to(poisoned, vals.shape), B.full_like(vals, math.nan),
                           vals)
    # q's axes come first, as in NumPy
    vals = B.reshape(B.moveaxis(vals, -1, 0), qt.shape + lead)
    if keepdims:
        it = iter(lead)
        full = tuple(1 if i in axes else next(it) for i in range(ndim))
        vals = B.reshape(vals, qt.shape + full)
    return vals if narrow is None else B.astype(vals, narrow)


def quantile(a, q, axis=None, *, overwrite_input=False, method="linear", keepdims=False,
             weights=None):
    """The ``q``-th quantiles (q in [0, 1]) along ``axis``; NaN propagates. ``weights``
    (NumPy 2's, ``method="inverted_cdf"`` only): each element's weight, of ``a``'s shape
    or of the reduced axes'."""
    return _quantile("quantile", a, q, axis, method, keepdims, weights=weights)


def percentile(a, q, axis=None, *, overwrite_input=False, method="linear", keepdims=False,
               weights=None):
    """The ``q``-th percentiles (q in [0, 100]) along ``axis``; NaN propagates."""
    qt = _float(_tensor(q, "percentile", "q"))
    return _quantile("percentile", a, qt / 100.0, axis, method, keepdims, weights=weights,
                     weak=type(q) in (int, float))


def nanquantile(a, q, axis=None, *, overwrite_input=False, method="linear", keepdims=False,
                weights=None):
    """Quantiles ignoring NaN (and the weights of the NaNs)."""
    return _quantile("nanquantile", a, q, axis, method, keepdims, ignore_nan=True,
                     weights=weights)


def nanpercentile(a, q, axis=None, *, overwrite_input=False, method="linear", keepdims=False,
                  weights=None):
    """Percentiles ignoring NaN (and the weights of the NaNs)."""
    qt = _float(_tensor(q, "nanpercentile", "q"))
    return _quantile("nanpercentile", a, qt / 100.0, axis, method, keepdims, ignore_nan=True,
                     weights=weights, weak=type(q) in (int, float))


def median(a, axis=None, *, overwrite_input=False, keepdims=False):
    """Median along ``axis``: the middle element, or the mean of the two middle ones."""
    func = "median"
    x = _float(_tensor(a, func))
    ndim = x.ndim
    axes = _reduced_axes(axis, ndim, func)
    x, lead = _to_last_axis(x, axes)
    n = x.shape[-1]
    if n == 0:
        out = _nan_like(x, lead)
    else:
        s = B.sort(x, axis=-1)
        half = n // 2
        if n % 2:
            out = s[..., half]
        else:
            # (a + b) / 2, as NumPy's mean of the two middle elements computes it
            out = (s[..., half - 1] + s[..., half]) / 2.0
        if x.dtype.kind == "f":
            has_nan = B.any(B.isnan(x), axis=-1)
            out = B.where(has_nan, B.full_like(out, math.nan), out)
    if keepdims:
        out = _keep_reduced(out, ndim, axes)
    return out


def nanmedian(a, axis=None, *, overwrite_input=False, keepdims=False):
    """Median ignoring NaN."""
    return nanquantile(a, 0.5, axis=axis, keepdims=keepdims)


def average(a, axis=None, weights=None, returned=False, *, keepdims=False):
    """(Weighted) mean along ``axis``; with ``returned=True`` also the sum of weights.
    ZeroDivisionError when the weights along an axis sum to zero, as in NumPy."""
    func = "average"
    x = _tensor(a, func)
    axis = _axis_arg(axis, func)
    if weights is None:
        avg = numpy_mean(x, axis, keepdims=keepdims)
        count = x.size // builtins.max(avg.size, 1) if x.size else 0
        scale = B.full_like(avg, count)
    else:
        w = _tensor(weights, func, "weights")
        if w.shape != x.shape:
            if axis is None:
                raise TypeError(f"{func}: axis must be given when weights of shape {w.shape} "
                                f"differ from a's shape {x.shape}")
            if w.ndim != 1 or not isinstance(axis, int):
                raise ValueError(f"{func}: 1-d weights need an int axis and a's shape")
            ax = _dispatch.normalize_axis(axis, x.ndim, func)
            if w.shape[0] != x.shape[ax]:
                raise ValueError(f"{func}: weights of length {w.shape[0]} differ from a's "
                                 f"axis {ax} of length {x.shape[ax]}")
            shape = [1] * x.ndim
            shape[ax] = -1
            w = B.reshape(w, tuple(shape))
        dtype = np.result_type(x.dtype, w.dtype, np.float64 if x.dtype.kind in _INT_KINDS
                               else x.dtype)
        xf = B.astype(x, dtype, copy=False)
        wf = B.astype(w, dtype, copy=False)
        scale = B.sum(B.broadcast_to(wf, xf.shape), axis=axis, keepdims=bool(keepdims))
        if bool(B.any(scale == 0)):
            raise ZeroDivisionError(f"{func}: weights sum to zero, can't be normalized")
        avg = B.sum(xf * wf, axis=axis, keepdims=bool(keepdims)) / scale
    if returned:
        return avg, B.broadcast_to(B.astype(scale, avg.dtype, copy=False), avg.shape)
    return avg


def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *,
        dtype=None):
    """Covariance matrix of the variables in the rows of ``m`` (columns with
    ``rowvar=False``); ``ddof`` defaults to 1 (0 with ``bias=True``); ``fweights`` and
    ``aweights`` weight the observations; float64 at least, as NumPy computes it."""
    func = "cov"
    x = atleast_2d(_float(_tensor(m, func, "m")))
    if dtype is None and x.dtype in (B.float32, B.complex64):
        x = B.astype(x, B.float64 if x.dtype == B.float32 else B.complex128)
    if not rowvar and x.shape[0] != 1:
        x = B.matrix_transpose(x)
    if y is not None:
        yy = atleast_2d(_float(_tensor(y, func, "y")))
        if not rowvar and yy.shape[0] != 1:
            yy = B.matrix_transpose(yy)
        x = B.concat([x, B.astype(yy, x.dtype, copy=False)], axis=0)
    if dtype is not None:
        x = B.astype(x, normalize_dtype(dtype, func))
    if ddof is None:
        ddof = 0 if bias else 1
    n = x.shape[1]
    if fweights is not None or aweights is not None:
        c = _extras.weighted_cov(x, ddof, fweights, aweights)
        axes = tuple(i for i in range(2) if c.shape[i] == 1)
        return B.squeeze(c, axis=axes) if axes else c
    centred = x - B.mean(x, axis=1, keepdims=True)
    other = B.conj(centred) if centred.dtype.kind == "c" else centred
    c = B.matmul(centred, B.matrix_transpose(other)) / builtins.max(n - ddof, 0)
    axes = tuple(i for i in range(2) if c.shape[i] == 1)
    return B.squeeze(c, axis=axes) if axes else c


def corrcoef(x, y=None, rowvar=True, bias=None, ddof=None, *, dtype=None):
    """Pearson correlation coefficients (the normalised covariance), clipped to [-1, 1];
    ``bias`` and ``ddof`` have no effect, as in NumPy."""
    c = cov(x, y, rowvar, dtype=dtype)
    if c.ndim == 0:
        return c / c
    d = B.linalg.diagonal(c)
    stddev = B.sqrt(B.real(d) if d.dtype.kind == "c" else d)
    c = c / B.reshape(stddev, (-1, 1))
    c = c / B.reshape(stddev, (1, -1))
    if c.dtype.kind != "c":
        c = B.clip(c, -1.0, 1.0)
    return c


# up to this many weights of one value, bincount adds them one round each, in NumPy's
# order (its exact sums); beyond, each value's weights are reduced (a sum's rounding)
_BINCOUNT_ROUNDS = 64


def bincount(x, weights=None, minlength=0):
    """Occurrences of each value 0..max(x) in non-negative integer ``x`` (or the sum
    of ``weights`` per value). Works on every backend by sorting and searching, so it
    never leaves the tensor's device."""
    func = "bincount"
    v = _tensor(x, func, "x")
    if v.ndim != 1:
        raise ValueError(f"{func}: x must be 1-dimensional, got shape {v.shape}")
    if v.dtype.kind not in "iub":
        raise TypeError(f"{func}: x must hold non-negative integers, got dtype {v.dtype}")
    v = B.astype(v, B.int64, copy=False)
    minlength = _index(minlength, func, "minlength")
    if minlength < 0:
        raise ValueError(f"{func}: minlength must be non-negative")
    if v.size and int(B.min(v)) < 0:
        raise ValueError(f"{func}: x must be non-negative")
    n = builtins.max(int(B.max(v)) + 1 if v.size else 0, minlength)
    order = B.argsort(v, stable=True)
    ordered = B.take(v, order)
    bounds = B.searchsorted(ordered, B.arange(n + 1, dtype=B.int64, device=v.device),
                            side="left")
    if weights is None:
        return B.diff(bounds)
    w = _tensor(weights, func, "weights")
    if w.shape != v.shape:
        raise ValueError(f"{func}: weights of shape {w.shape} differ from x's {v.shape}")
    if w.dtype.kind == "c":
        raise TypeError(f"{func}: weights must be real, got dtype {w.dtype}")
    if v.shape[0] == 0:
        return B.diff(bounds)  # NumPy: an empty x gives integer zeros, weights or not
    # NumPy sums the weights in float64, whatever their dtype; each value's together
    w = B.take(B.astype(w, B.float64, copy=False), order)
    starts, counts = bounds[:-1], B.diff(bounds)
    longest = int(B.max(counts)) if n else 0
    if longest <= _BINCOUNT_ROUNDS:
        # NumPy's sums, out[x[i]] += weights[i] in x's order: round r adds each value's
        # r-th weight (0.0 where it has fewer, which changes no sum)
        out = B.zeros((n,), dtype=w.dtype, device=v.device)
        last = builtins.max(v.shape[0] - 1, 0)
        for r in range(longest):
            taken = B.take(w, B.clip(starts + r, max=last))
            out = out + B.where(counts > r, taken, B.zeros_like(taken))
        return out
    size = w.shape[0]
    if n * longest <= 4 * size:
        # many weights per value, about as many for each: a row of each value's weights
        # (zeros after them), summed as NumPy sums a row
        last = size - 1
        j = B.arange(longest, dtype=B.int64, device=v.device)
        rows = B.take(w, B.reshape(B.clip(starts[:, None] + j, max=last), (-1,)))
        rows = B.where(B.reshape(j < counts[:, None], (-1,)), rows, B.zeros_like(rows))
        return B.sum(B.reshape(rows, (n, longest)), axis=1)
    # few values with most of the weights: a running sum restarted at each value
    # (log2(n) steps), which rounds like a reduction of that value's weights alone
    k = 1
    while k < size:
        w = B.concat([w[:k], B.where(ordered[k:] == ordered[:-k], w[:-k] + w[k:], w[k:])])
        k *= 2
    ends = B.clip(bounds[1:] - 1, min=0)
    return B.where(counts > 0, B.take(w, ends), B.zeros((n,), dtype=w.dtype, device=v.device))


def digitize(x, bins, right=False):
    """Index of the bin each value of ``x`` falls in (``bins`` increasing or decreasing)."""
    func = "digitize"
    xv = _tensor(x, func, "x")
    edges = _tensor(bins, func, "bins")
    if edges.ndim != 1:
        raise ValueError(f"{func}: bins must be 1-dimensional")
    xv, edges = _common_real(func, xv, edges)
    increasing = edges.shape[0] < 2 or bool(edges[-1] >= edges[0])
    side = "left" if right else "right"
    if increasing:
        return B.searchsorted(edges, xv, side=side)
    flipped = B.flip(edges)
    # NumPy: len(bins) - searchsorted(bins[::-1], x, side), the side of increasing bins
    return edges.shape[0] - B.searchsorted(flipped, xv, side=side)


def _common_real(func, a, b):
    dtype = np.result_type(a.dtype, b.dtype)
    if dtype not in _SUPPORTED:
        dtype = np.dtype(np.float64)
    return B.astype(a, dtype, copy=False), B.astype(b, dtype, copy=False)


def _outer_edges(func, x, range):  # noqa: A002
    """NumPy's outer bin edges: ``range``, or the data's min and max (widened by 0.5
    each way where they are equal)."""
    if range is not None:
        lo, hi = range
        if lo > hi:
            raise ValueError(f"{func}: max must be larger than min in range parameter")
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise ValueError(f"{func}: supplied range of [{lo}, {hi}] is not finite")
    elif x.size == 0:
        lo, hi = 0, 1
    else:
        lo, hi = B.min(x).item(), B.max(x).item()
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise ValueError(f"{func}: autodetected range of [{lo}, {hi}] is not finite")
    if lo == hi:
        lo, hi = lo - 0.5, hi + 0.5
    return lo, hi


def _ptp_value(x):
    if x.dtype.kind in _INT_KINDS:
        return int(B.max(x)) - int(B.min(x))  # (NumPy's unsigned difference: no overflow)
    return float(B.max(x) - B.min(x))


def _bin_width(name, x, range, func):  # noqa: A002
    """NumPy's bin width estimators (``np.histogram(x, bins='auto')`` and the others)."""
    n = x.size
    if name == "sqrt":
        return _ptp_value(x) / math.sqrt(n)
    if name == "sturges":
        return _ptp_value(x) / (math.log2(n) + 1.0)
    if name == "rice":
        return _ptp_value(x) / (2.0 * n ** (1.0 / 3))
    if name == "scott":
        return (24.0 * math.pi ** 0.5 / n) ** (1.0 / 3.0) * float(B.std(_float(x)))
    if name == "fd":
        q75, q25 = (float(q) for q in percentile(x, [75, 25]))
        return 2.0 * (q75 - q25) * n ** (-1.0 / 3.0)
    if name == "auto":
        fd, sturges = _bin_width("fd", x, range, func), _bin_width("sturges", x, range, func)
        return builtins.min(builtins.max(fd, _bin_width("sqrt", x, range, func) / 2), sturges)
    if name == "doane":
        if n > 2:
            sg1 = math.sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3)))
            xf = _float(x)
            sigma = float(B.std(xf))
            if sigma > 0.0:
                g1 = float(B.mean(((xf - B.mean(xf)) / sigma) ** 3))
                return _ptp_value(x) / (1.0 + math.log2(n) + math.log2(1.0 + abs(g1) / sg1))
        return 0.0
    # stone: the number of bins that minimises the cross-validated squared error
    ptp_x = _ptp_value(x)
    if n <= 1 or ptp_x == 0:
        return 0

    def jhat(nb):
        p_k = _float(histogram(x, nb, range)[0]) / n
        return (2 - (n + 1) * float(B.vecdot(p_k, p_k))) / (ptp_x / nb)

    upper = builtins.max(100, int(math.sqrt(n)))
    nb = builtins.min(builtins.range(1, upper + 1), key=jhat)
    if nb == upper:
        import warnings

        warnings.warn(f"{func}: the number of bins estimated may be suboptimal",
                      RuntimeWarning, stacklevel=4)
    return ptp_x / nb


_BIN_ESTIMATORS = ("stone", "auto", "doane", "fd", "rice", "scott", "sqrt", "sturges")


def _estimated_bins(func, x, name, range, weights):  # noqa: A002
    """``(number of equal bins, range)`` for NumPy's string ``bins`` (``'auto'``,
    ``'fd'``, ``'sturges'``, ...): the estimator's width over the data in ``range``."""
    if name not in _BIN_ESTIMATORS:
        raise ValueError(f"{func}: {name!r} is not a valid estimator for `bins` (one of "
                         f"{', '.join(_BIN_ESTIMATORS)})")
    if weights is not None:
        raise TypeError(f"{func}: automated estimation of the number of bins is not "
                        "supported for weighted data")
    lo, hi = _outer_edges(func, x, range)
    if range is not None:
        x = B.take(x, B.nonzero(B.logical_and(x >= lo, x <= hi))[0])
    if x.size == 0:
        return 1, (lo, hi)
    width = _bin_width(name, x, (lo, hi), func)
    if not width:
        return 1, (lo, hi)
    if x.dtype.kind in _INT_KINDS and width < 1:
        width = 1
    return int(math.ceil((hi - lo) / width)), (lo, hi)


def histogram(a, bins=10, range=None, density=False, weights=None):  # noqa: A002
    """Counts of ``a`` in ``bins`` equal bins over ``range`` (default: the data's min
    and max) or between the given edges; returns ``(hist, bin_edges)``. The last bin
    includes its right edge, as NumPy's does."""
    func = "histogram"
    x = B.reshape(_tensor(a, func), (-1,))
    w = None if weights is None else B.reshape(_tensor(weights, func, "weights"), (-1,))
    if w is not None and w.shape != x.shape:
        raise ValueError(f"{func}: weights should have the same shape as a")
    if isinstance(bins, (int, np.integer)) and not isinstance(bins, builtins.bool):
        nbins = int(bins)
        if nbins < 1:
            raise ValueError(f"{func}: bins must be a positive integer, got {nbins}")
        _extras.check_fits(func, nbins)
        if range is not None:
            lo, hi = (float(r) for r in range)
            if lo > hi:
                raise ValueError(f"{func}: max must be larger than min in range parameter")
        elif x.size:
            lo, hi = float(B.min(x)), float(B.max(x))
        else:
            lo, hi = 0.0, 1.0
        if not (math.isfinite(lo) and math.isfinite(hi)):
            raise ValueError(f"{func}: autodetected range of [{lo}, {hi}] is not finite")
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        edge_dtype = x.dtype if x.dtype.kind == "f" else B.float64
        edges = B.linspace(lo, hi, nbins + 1, dtype=edge_dtype, device=x.device)
    elif isinstance(bins, str):
        nbins, range = _estimated_bins(func, x, bins, range, w)  # noqa: A001
        return histogram(x, nbins, range, density, w)
    else:
        edges = _tensor(bins, func, "bins")
        if edges.ndim != 1 or edges.shape[0] < 2:
            raise ValueError(f"{func}: bins must be an int or a 1-d sequence of edges")
        if bool(B.any(B.diff(edges) < 0)):
            raise ValueError(f"{func}: bins must increase monotonically")
        nbins = edges.shape[0] - 1
    xs, es = _common_real(func, x, edges)
    inside = B.logical_and(xs >= es[0], xs <= es[-1])
    index = B.searchsorted(es, xs, side="right") - 1
    # the right edge of the last bin is closed
    index = B.where(xs == es[-1], B.full_like(index, nbins - 1), index)
    keep = B.nonzero(inside)[0]
    counts = bincount(B.take(index, keep), None if w is None else B.take(w, keep),
                      minlength=nbins)
    if density:
        widths = B.diff(_float(edges))
        counts = _float(counts)
        return counts / B.sum(counts) / widths, edges
    if w is not None and w.dtype != counts.dtype and w.dtype.kind in "iuf":
        # NumPy's counts have the weights' dtype (integer weights: integer counts; the
        # float64 sums of integers below 2**53 are exact)
        counts = B.astype(counts, w.dtype)
    return counts, edges


def histogram_bin_edges(a, bins=10, range=None, weights=None):  # noqa: A002
    """The bin edges ``histogram`` would use."""
    return histogram(a, bins, range, False, weights)[1]


# ------------------------------------------------------------------ searching and sets


def argwhere(a):
    """Indices of the non-zero elements, one row per element: shape (N, a.ndim)."""
    x = _tensor(a, "argwhere")
    if x.ndim == 0:
        return B.zeros((int(bool(x)), 0), dtype=B.int64, device=x.device)
    return B.stack(B.nonzero(x), axis=-1)


def flatnonzero(a):
    """Indices of the non-zero elements of the flattened input."""
    return B.nonzero(B.reshape(_tensor(a, "flatnonzero"), (-1,)))[0]


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None,
           *, equal_nan=True, sorted=True):  # noqa: A002 - NumPy's name
    """Sorted unique elements of the flattened input, and optionally the index of each
    one's first occurrence, the inverse map and the counts (NumPy's ``unique``;
    ``sorted=False`` lets NumPy return them in any order: bridge's are sorted)."""
    func = "unique"
    x = _tensor(ar, func, "ar")
    if axis is not None:  # the distinct sub-arrays along axis
        return _extras.unique_rows(x, return_index, return_inverse, return_counts, axis,
                                   equal_nan)
    flat = B.reshape(x, (-1,))
    # (bools sort as 0 and 1, complex numbers by real then imaginary part, as NumPy's)
    order = numpy_argsort(flat)
    s = B.take(flat, order)
    n = s.shape[0]
    if n == 0:
        first_mask = B.zeros((0,), dtype=B.bool, device=x.device)
    else:
        different = s[1:] != s[:-1]
        if equal_nan and s.dtype.kind in "fc":
            both_nan = B.logical_and(B.isnan(s[1:]), B.isnan(s[:-1]))
            different = B.logical_and(different, B.logical_not(both_nan))
        first_mask = B.concat([B.ones((1,), dtype=B.bool, device=x.device), different])
    starts = B.nonzero(first_mask)[0]
    values = B.take(s, starts)
    result = [values]
    if return_index:
        result.append(B.take(order, starts))
    if return_inverse:
        group = B.cumulative_sum(B.astype(first_mask, B.int64)) - 1
        # element i sits at position rank[i] of the sorted order
        rank = B.argsort(order, stable=True)
        inverse = B.take(group, rank)
        # NumPy 2 shapes the inverse like the input
        result.append(B.reshape(inverse, x.shape) if x.ndim != 1 else inverse)
    if return_counts:
        ends = B.concat([starts[1:], B.asarray([n], dtype=starts.dtype, device=x.device)])
        result.append(ends - starts)
    return result[0] if len(result) == 1 else tuple(result)


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    """Sorted unique values found in both inputs (and their indices in each)."""
    return _extras.intersect1d(ar1, ar2, assume_unique, return_indices)


def union1d(ar1, ar2):
    """Sorted unique values found in either input."""
    a = B.reshape(_tensor(ar1, "union1d"), (-1,))
    b = B.reshape(_tensor(ar2, "union1d", "ar2"), (-1,))
    return unique(B.concat([a, b]))


def setdiff1d(ar1, ar2, assume_unique=False):
    """Sorted unique values of ``ar1`` that are not in ``ar2``."""
    a = unique(ar1) if not assume_unique else B.reshape(_tensor(ar1, "setdiff1d"), (-1,))
    return B.take(a, B.nonzero(B.isin(a, _tensor(ar2, "setdiff1d", "ar2"), invert=True))[0])


# ------------------------------------------------------------------ linalg additions


def norm(x, ord=None, axis=None, keepdims=False):  # noqa: A002 - NumPy's names
    """NumPy's ``linalg.norm``: the 2-norm of the flattened input by default; a vector
    norm along an int ``axis`` or a matrix norm over a pair of axes."""
    func = "linalg.norm"
    t = _float(_tensor(x, func, "x"))
    if axis is None:
        if ord is None:
            out = B.linalg.vector_norm(t, axis=None, ord=2)
            return B.reshape(out, (1,) * t.ndim) if keepdims else out
        if t.ndim == 1:
            axis = (0,)
        elif t.ndim == 2:
            axis = (0, 1)
        else:
            raise ValueError(f"{func}: improper number of dimensions to norm ({t.ndim}) "
                             "for an ord without an axis")
    axis = _axis_arg(axis, func)
    if isinstance(axis, int):
        axis = (axis,)
    axes = tuple(_dispatch.normalize_axis(a, t.ndim, func) for a in axis)
    if len(axes) == 1:
        if isinstance(ord, str):
            raise ValueError(f"{func}: invalid norm order {ord!r} for vectors")
        return B.linalg.vector_norm(t, axis=axes[0], keepdims=bool(keepdims),
                                    ord=2 if ord is None else ord)
    if len(axes) != 2 or axes[0] == axes[1]:
        raise ValueError(f"{func}: axis must name one axis or two distinct axes, got {axis!r}")
    moved = B.moveaxis(t, axes, (-2, -1))
    out = B.linalg.matrix_norm(moved, ord="fro" if ord is None else ord)
    if keepdims:
        out = _keep_reduced(out, t.ndim, axes)
    return out


def lstsq(a, b, rcond=None):
    """Least-squares solution of ``a @ x = b`` by SVD, as NumPy's ``linalg.lstsq``:
    returns ``(x, residuals, rank, s)``. Singular values below ``rcond * max(s)``
    (default ``eps * max(M, N)``) count as zero."""
    func = "linalg.lstsq"
    A = _float(_tensor(a, func))
    rhs = _float(_tensor(b, func, "b"))
    if A.ndim != 2:
        raise ValueError(f"{func}: a must be 2-dimensional, got shape {A.shape}")
    if rhs.ndim not in (1, 2) or rhs.shape[0] != A.shape[0]:
        raise ValueError(f"{func}: incompatible dimensions: a {A.shape}, b {rhs.shape}")
    dtype = np.result_type(A.dtype, rhs.dtype)
    A = B.astype(A, dtype, copy=False)
    rhs = B.astype(rhs, dtype, copy=False)
    vector = rhs.ndim == 1
    if vector:
        rhs = B.reshape(rhs, (-1, 1))
    m, n = A.shape
    if rcond is None:
        rcond = B.finfo(dtype).eps * builtins.max(m, n)
    if min(m, n) == 0:
        x = B.zeros((n, rhs.shape[1]), dtype=dtype, device=A.device)
        s = B.zeros((0,), dtype=_real_dtype(np.dtype(dtype)), device=A.device)
        rank = 0
    else:
        u, s, vh = B.linalg.svd(A, full_matrices=False)
        cutoff = rcond * float(B.max(s))
        kept = s > cutoff
        rank = int(B.sum(B.astype(kept, B.int64)))
        s_inv = B.where(kept, 1.0 / B.where(kept, s, B.ones_like(s)), B.zeros_like(s))
        uh = B.conj(B.matrix_transpose(u)) if u.dtype.kind == "c" else B.matrix_transpose(u)
        v = B.conj(B.matrix_transpose(vh)) if vh.dtype.kind == "c" else B.matrix_transpose(vh)
        coeffs = B.matmul(uh, rhs) * B.astype(B.reshape(s_inv, (-1, 1)), dtype)
        x = B.matmul(v, coeffs)
    if rank == n and m > n:
        r = rhs - B.matmul(A, x)
        residuals = B.sum(B.real(r * B.conj(r)) if r.dtype.kind == "c" else r * r, axis=0)
    else:
        residuals = B.zeros((0,), dtype=s.dtype, device=A.device)
    if vector:
        x = B.reshape(x, (-1,))
    # NumPy's rank is an int32
    return x, residuals, B.asarray(rank, dtype=B.int32, device=A.device), s


def multi_dot(arrays):
    """Product of a chain of matrices (the first may be 1-d, as may the last)."""
    func = "linalg.multi_dot"
    tensors = _sequence(func, arrays)
    if len(tensors) < 2:
        raise ValueError(f"{func}: expecting at least two arrays")
    out = tensors[0]
    for t in tensors[1:]:
        out = B.matmul(out, t)
    return out


def cond(x, p=None):
    """Condition number of a matrix (ratio of extreme singular values by default)."""
    t = _float(_tensor(x, "linalg.cond", "x"))
    if p is None or p in (2, -2):
        s = B.linalg.svdvals(t)
        big, small = B.max(s, axis=-1), B.min(s, axis=-1)
        return big / small if p != -2 else small / big
    return norm(t, p, axis=(-2, -1)) * norm(B.linalg.inv(t), p, axis=(-2, -1))


def vander(x, N=None, increasing=False):  # noqa: N803 - NumPy's name
    """Vandermonde matrix: columns are powers of ``x`` (decreasing unless ``increasing``)."""
    func = "vander"
    v = _tensor(x, func, "x")
    if v.ndim != 1:
        raise ValueError(f"{func}: x must be a one-dimensional array, got shape {v.shape}")
    n = v.shape[0] if N is None else _index(N, func, "N")
    if n < 0:
        raise ValueError(f"{func}: N must be non-negative")
    powers = B.arange(n, dtype=B.int64, device=v.device)
    if not increasing:
        powers = B.flip(powers)
    base = B.reshape(v, (-1, 1))
    if v.dtype.kind in "fc":
        powers = B.astype(powers, v.dtype)
    return B.pow(base, B.reshape(powers, (1, -1)))


def polyval(p, x):
    """Value of the polynomial with coefficients ``p`` (highest power first) at ``x``,
    by Horner's scheme as NumPy evaluates it."""
    func = "polyval"
    coeffs = _tensor(p, func, "p")
    xv = _tensor(x, func, "x")
    result = B.zeros_like(xv, dtype=np.result_type(coeffs.dtype, xv.dtype))
    for i in range(coeffs.shape[0]):
        result = result * xv + coeffs[i]
    return result


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):  # noqa: A002
    """Least-squares polynomial fit of degree ``deg`` (coefficients highest power
    first), with NumPy's column scaling of the Vandermonde matrix."""
    func = "polyfit"
    xv = _float(_tensor(x, func, "x"))
    yv = _float(_tensor(y, func, "y"))
    deg = _index(deg, func, "deg")
    if deg < 0:
        raise ValueError(f"{func}: expected deg >= 0")
    if xv.ndim != 1 or xv.shape[0] == 0:
        raise TypeError(f"{func}: expected a non-empty 1-d x")
    if yv.ndim not in (1, 2) or yv.shape[0] != xv.shape[0]:
        raise TypeError(f"{func}: expected y of the length of x (1-d or 2-d)")
    order = deg + 1
    if rcond is None:
        rcond = xv.shape[0] * B.finfo(xv.dtype).eps
    lhs = vander(xv, order)
    rhs = yv
    if w is not None:
        wv = _float(_tensor(w, func, "w"))
        lhs = lhs * B.reshape(wv, (-1, 1))
        rhs = rhs * (wv if rhs.ndim == 1 else B.reshape(wv, (-1, 1)))
    scale = B.sqrt(B.sum(lhs * lhs, axis=0))
    lhs = lhs / scale
    coeffs, residuals, rank, sv = lstsq(lhs, rhs, rcond)
    coeffs = coeffs / (scale if coeffs.ndim == 1 else B.reshape(scale, (-1, 1)))
    if full:
        return coeffs, residuals, rank, sv, rcond
    if cov:
        # NumPy's covariance of the coefficients: inv(A^T A) of the scaled Vandermonde
        # matrix, unscaled, times the residual variance (residuals / (len(x) - order))
        vbase = B.linalg.inv(B.matmul(B.matrix_transpose(lhs), lhs)) / B.linalg.outer(scale, scale)
        if isinstance(cov, str) and cov == "unscaled":
            fac = 1.0
        else:
            if xv.shape[0] <= order:
                raise ValueError(f"{func}: the number of data points must exceed order to "
                                 "scale the covariance matrix")
            fac = residuals / (xv.shape[0] - order)
        if yv.ndim == 1:
            return coeffs, vbase * fac
        return coeffs, B.expand_dims(vbase, axis=-1) * fac
    return coeffs


# ------------------------------------------------------------------ fft additions


def _fft_input(std_name, a, func):
    """NumPy's transforms take any numeric input: real input of a complex transform
    becomes complex (complex64 for float32), integers become float64."""
    x = _float(_tensor(a, func))
    if std_name in ("fft", "ifft", "fftn", "ifftn") and x.dtype.kind == "f":
        x = B.astype(x, B.complex64 if x.dtype == B.float32 else B.complex128)
    return x


def _fft2(name):
    std = {"fft2": "fftn", "ifft2": "ifftn", "rfft2": "rfftn", "irfft2": "irfftn"}[name]

    def transform(a, s=None, axes=(-2, -1), norm=None):  # noqa: A002
        return getattr(B.fft, std)(_fft_input(std, a, f"fft.{name}"), s=s, axes=tuple(axes),
                                   norm=norm or "backward")

    transform.__name__ = transform.__qualname__ = name
    transform.__doc__ = f"NumPy's ``fft.{name}``: ``fft.{std}`` over the last two axes."
    return transform


# ------------------------------------------------------------------ NumPy semantics of standard names


_SORT_KINDS = (None, "quicksort", "mergesort", "heapsort", "stable")


def _sort_args(func, a, axis, kind, order):
    x = _tensor(a, func)
    if kind not in _SORT_KINDS:
        raise ValueError(f"{func}: kind must be one of 'quicksort', 'mergesort', 'heapsort' "
                         f"or 'stable', got {kind!r}")
    if order is not None:
        raise ValueError(f"{func}: order= names the fields of a structured array; a Tensor "
                         "has none")
    if axis is None:
        x, axis = B.reshape(x, (-1,)), -1
    return x, axis


def _numpy_sorted(func, a, axis, kind, order, stable):
    """``(True, NumPy's sort or argsort)`` of data beyond the 13 dtypes (a structured
    array by its fields, ``order=``; strings), else ``(False, None)``."""
    import inspect

    return _beyond.numpy_call(func, inspect.signature(getattr(np, func)), (a,),
                              {"axis": axis, "kind": kind, "order": order, "stable": stable})


def numpy_sort(a, axis=-1, kind=None, order=None, *, stable=None):
    """NumPy's ``sort`` (stable whatever ``kind``; ``axis=None`` sorts the flattened
    input; complex numbers by real part, then imaginary part). NumPy's data beyond the
    13 dtypes is NumPy's call (``sort(records, order=["age", "name"])``)."""
    numpy_data, result = _numpy_sorted("sort", a, axis, kind, order, stable)
    if numpy_data:
        return result
    x, axis = _sort_args("sort", a, axis, kind, order)
    if x.dtype.kind == "c":
        return _extras.complex_sort(x, axis)
    if x.dtype == B.bool:  # NumPy sorts bools (False first); the standard's sort refuses
        return B.astype(B.sort(B.astype(x, B.uint8), axis=axis, stable=True), B.bool)
    return B.sort(x, axis=axis, stable=True)


def numpy_argsort(a, axis=-1, kind=None, order=None, *, stable=None):
    """NumPy's ``argsort`` (stable; ``axis=None`` flattens; complex numbers by real part,
    then imaginary part); NumPy's call for data beyond the 13 dtypes."""
    numpy_data, result = _numpy_sorted("argsort", a, axis, kind, order, stable)
    if numpy_data:
        return result
    x, axis = _sort_args("argsort", a, axis, kind, order)
    if x.dtype.kind == "c":
        return _extras.complex_argsort(x, axis)
    if x.dtype == B.bool:
        x = B.astype(x, B.uint8)
    return B.argsort(x, axis=axis, stable=True)


def numpy_reshape(a, shape=None, order="C", *, copy=None):
    """NumPy's ``reshape``: an int shape, and C or Fortran ``order``."""
    func = "reshape"
    x = _tensor(a, func)
    if shape is None:
        raise TypeError(f"{func}: shape is required")
    shape = _shape_arg(shape, func)
    if order == "F":
        return transpose(B.reshape(transpose(x), tuple(reversed(shape)), copy=copy))
    if order not in ("C", "A"):
        raise ValueError(f"{func}: order must be 'C' or 'F', got {order!r}")
    return B.reshape(x, shape, copy=copy)


def numpy_squeeze(a, axis=None):
    """NumPy's ``squeeze``: every size-1 axis when ``axis`` is None."""
    x = _tensor(a, "squeeze")
    if axis is None:
        axis = tuple(i for i, s in enumerate(x.shape) if s == 1)
        if not axis:
            return x
    return B.squeeze(x, axis=_axis_arg(axis, "squeeze"))


def numpy_expand_dims(a, axis):
    """NumPy's ``expand_dims`` (a list of axes works as a tuple)."""
    return B.expand_dims(_tensor(a, "expand_dims"), axis=_axis_arg(axis, "expand_dims"))


def numpy_flip(m, axis=None):
    """NumPy's ``flip`` (positional ``axis``)."""
    return B.flip(_tensor(m, "flip", "m"), axis=_axis_arg(axis, "flip"))


def numpy_roll(a, shift, axis=None):
    """NumPy's ``roll`` (positional ``axis``)."""
    if isinstance(shift, list):
        shift = tuple(shift)
    return B.roll(_tensor(a, "roll"), shift, axis=_axis_arg(axis, "roll"))


def numpy_tile(A, reps):  # noqa: N803 - NumPy's name
    """NumPy's ``tile`` (an int ``reps`` repeats the last axis)."""
    return B.tile(_tensor(A, "tile", "A"), _shape_arg(reps, "tile"))


def numpy_repeat(a, repeats, axis=None):
    """NumPy's ``repeat`` (positional ``axis``; a list of repeats works)."""
    if isinstance(repeats, (list, tuple)):
        repeats = B.asarray(repeats, dtype=B.int64)
    return B.repeat(_tensor(a, "repeat"), repeats, axis=axis)


def numpy_take(a, indices, axis=None, out=None, mode="raise"):
    """NumPy's ``take``: flattened input when ``axis`` is None, indices of any shape,
    negative indices counting from the end; ``mode`` 'raise' (out of bounds is an
    IndexError), 'wrap' (indices taken modulo the size) or 'clip' (indices clipped to
    the axis, negative ones to 0); ``out`` receives the result."""
    func = "take"
    if mode not in ("raise", "wrap", "clip"):
        raise ValueError(f"{func}: mode must be 'raise', 'wrap' or 'clip', got {mode!r}")
    x = _tensor(a, func)
    if axis is None:
        x, axis = B.reshape(x, (-1,)), 0
    axis = _dispatch.normalize_axis(axis, x.ndim, func)
    idx = _tensor(indices, func, "indices")
    if idx.dtype.kind not in "iu":
        raise IndexError(f"{func}: indices must be integers, got dtype {idx.dtype}")
    n = x.shape[axis]
    if mode == "raise":
        if idx.size and (bool(B.any(idx >= n)) or bool(B.any(idx < -n))):
            raise IndexError(f"{func}: index out of bounds for axis {axis} with size {n}")
        if idx.dtype.kind == "i":
            idx = B.where(idx < 0, idx + n, idx)
    else:
        if n == 0 and idx.size:
            raise IndexError(f"{func}: cannot do a non-empty take from an empty axis")
        idx = B.astype(idx, B.int64)
        # NumPy's 'clip' sends every negative index to 0 (it never counts from the end)
        idx = B.remainder(idx, max(n, 1)) if mode == "wrap" else B.clip(idx, 0, max(n - 1, 0))
    flat = B.take(x, B.reshape(idx, (-1,)), axis=axis)
    result = B.reshape(flat, x.shape[:axis] + idx.shape + x.shape[axis + 1:])
    if out is None:
        return result
    if not _is_tensor(out):
        raise TypeError(f"{func}: out must be a Tensor, got {type(out).__name__}")
    if tuple(out.shape) != tuple(result.shape):
        raise ValueError(f"{func}: out has shape {tuple(out.shape)}, the result "
                         f"{tuple(result.shape)}")
    out[...] = result
    return out


def numpy_clip(a, a_min=None, a_max=None, *, min=None, max=None):  # noqa: A002
    """NumPy's ``clip``: ``a_min``/``a_max`` (or ``min``/``max``); float bounds on an
    integer input give a float result, as NumPy's type promotion does."""
    func = "clip"
    x = _tensor(a, func)
    lo = a_min if a_min is not None else min
    hi = a_max if a_max is not None else max
    bounds = [b for b in (lo, hi) if b is not None]
    target = np.result_type(x.dtype, *[b.dtype if _is_tensor(b) else
                                      (np.asarray(b).dtype if not isinstance(b, (int, float))
                                       else type(b)) for b in bounds]) if bounds else x.dtype
    if target in _SUPPORTED and target != x.dtype:
        x = B.astype(x, target)

    def bound(b):
        if b is None or not _is_tensor(b) and b.__class__ in (int, float):
            return b
        return B.astype(_tensor(b, func, "a_min"), x.dtype, copy=False)

    return B.clip(x, bound(lo), bound(hi))


def numpy_where(condition, x=None, y=None):
    """NumPy's ``where``: one argument is ``nonzero``; with three, a choice."""
    if x is None and y is None:
        return B.nonzero(B.astype(_tensor(condition, "where", "condition"), B.bool))
    if x is None or y is None:
        raise ValueError("where: either both or neither of x and y should be given")
    cond = _tensor(condition, "where", "condition")
    if cond.dtype != B.bool:
        cond = cond != 0
    if not _is_tensor(x) and not _is_tensor(y):
        x = B.asarray(x) if x.__class__ in (builtins.bool, int, float, complex) else _tensor(x, "where", "x")
    return B.where(cond, x, y)


def numpy_diff(a, n=1, axis=-1, prepend=None, append=None):
    """NumPy's ``diff`` (positional ``n``; scalar ``prepend``/``append`` broadcast)."""
    func = "diff"
    x = _tensor(a, func)
    ax = _dispatch.normalize_axis(axis, x.ndim, func)

    def edge(value):
        if value is None:
            return None
        v = _tensor(value, func, "prepend")
        if v.ndim == 0:
            shape = list(x.shape)
            shape[ax] = 1
            v = B.broadcast_to(v, tuple(shape))
        return v

    return B.diff(x, axis=ax, n=n, prepend=edge(prepend), append=edge(append))


def numpy_tril(m, k=0):
    """NumPy's ``tril`` (positional ``k``)."""
    return B.tril(_tensor(m, "tril", "m"), k=k)


def numpy_triu(m, k=0):
    """NumPy's ``triu`` (positional ``k``)."""
    return B.triu(_tensor(m, "triu", "m"), k=k)


def numpy_stack(arrays, axis=0, *, dtype=None):
    """NumPy's ``stack`` (positional ``axis``)."""
    return _cast_result(B.stack(_sequence("stack", arrays), axis=axis), dtype, "stack")


def numpy_moveaxis(a, source, destination):
    """NumPy's ``moveaxis`` (lists of axes work)."""
    src = tuple(source) if isinstance(source, list) else source
    dst = tuple(destination) if isinstance(destination, list) else destination
    return B.moveaxis(_tensor(a, "moveaxis"), src, dst)


def numpy_broadcast_to(array, shape):  # noqa: A002
    """NumPy's ``broadcast_to`` (an int shape works)."""
    return B.broadcast_to(_tensor(array, "broadcast_to", "array"), _shape_arg(shape, "broadcast_to"))


def numpy_tensordot(a, b, axes=2):
    """NumPy's ``tensordot``: ``axes`` an int, or a pair (axes of a, axes of b) whose
    entries are ints or sequences."""
    if not isinstance(axes, (int, np.integer)):
        if len(axes) != 2:
            raise ValueError("tensordot: axes must be an int or a pair of axis sequences")
        axes = tuple(tuple(ax) if isinstance(ax, (list, tuple)) else (operator.index(ax),)
                     for ax in axes)
    return B.tensordot(_tensor(a, "tensordot"), _tensor(b, "tensordot", "b"), axes=axes)


def numpy_meshgrid(*xi, copy=True, sparse=False, indexing="xy"):
    """NumPy's ``meshgrid`` (``sparse=True`` gives broadcastable 1-wide grids)."""
    tensors = [_tensor(x, "meshgrid", "xi") for x in xi]
    if indexing not in ("xy", "ij"):
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    if not sparse and copy and all(t.ndim == 1 for t in tensors) \
            and len({t.dtype for t in tensors}) <= 1:
        return tuple(B.meshgrid(*tensors, indexing=indexing))
    # NumPy's grids: each input reshaped to be 1-wide on the other axes, broadcast
    # against the others unless sparse; views of the inputs, copied when copy=True
    nd = len(tensors)
    out = []
    for i, t in enumerate(tensors):
        shape = [1] * nd
        shape[i] = -1
        out.append(B.reshape(B.reshape(t, (-1,)), tuple(shape)))
    if indexing == "xy" and nd > 1:
        out[0] = B.reshape(out[0], (1, -1) + (1,) * (nd - 2))
        out[1] = B.reshape(out[1], (-1, 1) + (1,) * (nd - 2))
    if not sparse:
        out = B.broadcast_arrays(*out)
    if copy:
        out = [B.astype(t, t.dtype, copy=True) for t in out]
    return tuple(out)


def numpy_like(std_name):
    def like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
        x = _tensor(a, std_name)
        if shape is None:
            return getattr(B, std_name)(x, dtype=dtype, device=device)
        creator = getattr(B, std_name.replace("_like", ""))
        _beyond.refuse_beyond(std_name, x, dtype=dtype)  # (the creator sees no Tensor)
        return creator(_shape_arg(shape, std_name), dtype=dtype or x.dtype,
                       device=device or x.device)

    like.__name__ = like.__qualname__ = std_name
    return like


def _unsafe_fill(fill_value, dtype):
    """NumPy's ``full`` casts its fill value unsafely (``copyto(..., casting='unsafe')``):
    2.7 in an integer array is 2, 0.5 in a bool array True, 1+2j in a float array 1.0;
    the standard leaves such a fill unspecified (bridge's ``full`` refuses it)."""
    if dtype is None or _is_tensor(fill_value):
        return fill_value
    real = isinstance(fill_value, (float, np.floating))
    cplx = isinstance(fill_value, (complex, np.complexfloating))
    if not (real or cplx):
        return fill_value
    try:
        target = normalize_dtype(dtype, "full", "dtype")
    except (TypeError, ValueError):
        return fill_value
    if target in _SUPPORTED and (target.kind in "biu" or cplx and target.kind == "f"):
        return np.asarray(fill_value).astype(target).item()
    return fill_value


def numpy_full_like(a, fill_value, dtype=None, order="K", subok=True, shape=None, *,
                    device=None):
    """NumPy's ``full_like`` (a float fill of an integer array truncates, as NumPy's
    unsafe cast does)."""
    x = _tensor(a, "full_like")
    fill_value = _unsafe_fill(fill_value, dtype if dtype is not None else x.dtype)
    if shape is None:
        return B.full_like(x, fill_value, dtype=dtype, device=device)
    _beyond.refuse_beyond("full_like", x, dtype=dtype, fill_value=fill_value)
    return B.full(_shape_arg(shape, "full_like"), fill_value, dtype=dtype or x.dtype,
                  device=device or x.device)


def numpy_isin(element, test_elements, assume_unique=False, invert=False, *, kind=None):
    """NumPy's ``isin``."""
    return B.isin(_tensor(element, "isin", "element"),
                  _tensor(test_elements, "isin", "test_elements"), invert=bool(invert))


def numpy_searchsorted(a, v, side="left", sorter=None):
    """NumPy's ``searchsorted`` (bools search as 0 and 1)."""
    a, v = _tensor(a, "searchsorted"), _tensor(v, "searchsorted", "v")
    if a.dtype == B.bool:
        a = B.astype(a, B.uint8)
        if v.dtype == B.bool:
            v = B.astype(v, B.uint8)
    return B.searchsorted(a, v, side=side, sorter=sorter)


def numpy_count_nonzero(a, axis=None, *, keepdims=False):
    """NumPy's ``count_nonzero``."""
    return B.count_nonzero(_tensor(a, "count_nonzero"), axis=_axis_arg(axis, "count_nonzero"),
                           keepdims=bool(keepdims))


def numpy_linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0, *,
                   device=None):
    """NumPy's ``linspace`` (positional ``num``/``endpoint``, ``retstep``, array-valued
    ``start``/``stop`` along ``axis``)."""
    if np.ndim(start) or np.ndim(stop) or _is_tensor(start) or _is_tensor(stop) or axis != 0:
        return _extras.linspace_arrays(start, stop, num, endpoint, retstep, dtype, axis,
                                       device)
    out = B.linspace(start, stop, num, endpoint=endpoint, dtype=dtype, device=device)
    if retstep:
        step = (stop - start) / ((num - 1) if endpoint else num) if num > (1 if endpoint else 0) \
            else math.nan
        return out, step
    return out


def numpy_arange(start, stop=None, step=None, dtype=None, *, device=None):
    """NumPy's ``arange`` (positional ``dtype``)."""
    return B.arange(start, stop, 1 if step is None else step, dtype=dtype, device=device)


def _laid_out(t, order, func):
    """``t`` (new) in NumPy's memory ``order``: 'F' lays it out in Fortran order."""
    if order in ("C", None):
        return t
    if order != "F":
        raise ValueError(f"{func}: order must be 'C' or 'F', got {order!r}")
    return _in_order(t, "F", copy=False) if t.ndim > 1 else t


def _numpy_creation(std_name):
    def create(shape, dtype=None, order="C", *, device=None):
        return _laid_out(getattr(B, std_name)(_shape_arg(shape, std_name), dtype=dtype,
                                              device=device), order, std_name)

    create.__name__ = create.__qualname__ = std_name
    create.__doc__ = f"NumPy's ``{std_name}`` (positional ``dtype``)."
    return create


def numpy_full(shape, fill_value, dtype=None, order="C", *, device=None):
    """NumPy's ``full`` (positional ``dtype``; a float fill of an integer dtype
    truncates, as NumPy's unsafe cast does); an array ``fill_value`` is broadcast to
    ``shape`` (its dtype the default), as NumPy's ``copyto`` of it."""
    shape = _shape_arg(shape, "full")
    if _is_tensor(fill_value) or isinstance(fill_value, (list, tuple, np.ndarray)):
        t = fill_value if _is_tensor(fill_value) else B.asarray(fill_value, device=device)
        if device is not None:
            t = B.asarray(t, device=device)
        target = t.dtype if dtype is None else normalize_dtype(dtype, "full", "dtype")
        return _laid_out(B.astype(B.broadcast_to(t, shape), target, copy=True), order, "full")
    fill_value = _unsafe_fill(fill_value, dtype)
    return _laid_out(B.full(shape, fill_value, dtype=dtype, device=device), order, "full")


def numpy_eye(N, M=None, k=0, dtype=None, order="C", *, device=None):  # noqa: N803
    """NumPy's ``eye`` (positional ``k`` and ``dtype``)."""
    return B.eye(N, M, k=k, dtype=dtype or B.float64, device=device)


def numpy_round(a, decimals=0):
    """NumPy's ``round`` (``decimals``)."""
    return around(a, decimals)


def numpy_nonzero(a):
    """NumPy's ``nonzero``: a 0-d input raises ValueError, as in NumPy 2 and the
    standard."""
    return B.nonzero(_tensor(a, "nonzero"))


def numpy_asarray(a, dtype=None, order=None, *, device=None, copy=None, like=None):
    """NumPy's ``asarray``: ``order`` 'C' or 'F' lays the memory out so (copying only
    where it must), 'A' and 'K' keep it."""
    if like is not None:
        raise TypeError("asarray: like= is not supported")
    t = B.asarray(a, dtype=dtype, device=device, copy=copy)
    if order not in (None, "A", "K", "C", "F"):
        raise ValueError(f"asarray: order must be one of 'C', 'F', 'A' or 'K', got {order!r}")
    if order in ("C", "F") and t.ndim > 1:
        flags = t._data.flags
        if not (flags.c_contiguous if order == "C" else flags.f_contiguous):
            if copy is False:
                raise ValueError("asarray: unable to avoid copy while creating an array "
                                 f"in order {order!r} as requested")
            t = _in_order(t, order, copy=False)
    return t


def numpy_astype(x, dtype, /, *, copy=True, device=None):
    """NumPy's ``astype``."""
    return B.astype(_tensor(x, "astype", "x"), dtype, copy=copy, device=device)


def _linalg_passthrough(name):
    def call(*args, **kwargs):
        return getattr(B.linalg, name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


def numpy_svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    """NumPy's ``linalg.svd`` (``compute_uv=False`` gives the singular values)."""
    x = _linalg_operand(_float(_tensor(a, "linalg.svd")), "linalg.svd", False)
    if not compute_uv:
        return B.linalg.svdvals(x)
    return B.linalg.svd(x, full_matrices=bool(full_matrices))


def numpy_eigh(a, UPLO="L"):  # noqa: N803 - NumPy's name
    """NumPy's ``linalg.eigh``: ``UPLO='U'`` reads the upper triangle."""
    return _eigh(a, UPLO, "linalg.eigh")


def _eigh(a, UPLO, func):  # noqa: N803
    x = _linalg_operand(_float(_tensor(a, func)), func, True)
    if UPLO == "U":
        x = B.matrix_transpose(B.conj(x) if x.dtype.kind == "c" else x)
    elif UPLO != "L":
        raise ValueError(f"{func}: UPLO must be 'L' or 'U', got {UPLO!r}")
    return B.linalg.eigh(x)


def numpy_eigvalsh(a, UPLO="L"):  # noqa: N803
    """NumPy's ``linalg.eigvalsh``."""
    return _eigh(a, UPLO, "linalg.eigvalsh").eigenvalues


def numpy_qr(a, mode="reduced"):
    """NumPy's ``linalg.qr`` (modes ``'reduced'``, ``'complete'``, ``'r'``)."""
    x = _linalg_operand(_float(_tensor(a, "linalg.qr")), "linalg.qr", False)
    if mode == "r":
        return B.linalg.qr(x, mode="reduced").R
    return B.linalg.qr(x, mode=mode)


def numpy_pinv(a, rcond=None, hermitian=False, *, rtol=None):
    """NumPy's ``linalg.pinv`` (``rcond`` is the standard's ``rtol``)."""
    tol = rcond if rcond is not None else rtol
    x = _linalg_operand(_float(_tensor(a, "linalg.pinv")), "linalg.pinv", False)
    return B.linalg.pinv(x, rtol=tol)


def numpy_matrix_rank(A, tol=None, hermitian=False, *, rtol=None):  # noqa: N803
    """NumPy's ``linalg.matrix_rank`` (``tol`` is an absolute threshold)."""
    x = _float(_tensor(A, "linalg.matrix_rank", "A"))
    if x.ndim < 2:
        # NumPy: a scalar or vector has rank 1 unless all its elements are zero
        return int(bool(B.any(x != 0)))
    if tol is not None:
        s = B.linalg.svdvals(x)
        if not isinstance(tol, (int, float)):
            tol = B.expand_dims(_tensor(tol, "linalg.matrix_rank", "tol"), axis=-1)
        return B.count_nonzero(s > tol, axis=-1)
    return B.linalg.matrix_rank(x, rtol=rtol)


def _linalg_operand(x, func, square, argname="x"):
    """NumPy's checks of a linalg operand's shape (at least two dimensions, square
    matrices where ``square``), which raise NumPy's LinAlgError, with the standard's
    message (a LinAlgError is the ValueError the standard raises)."""
    if square and (x.ndim < 2 or x.shape[-1] != x.shape[-2]):
        raise np.linalg.LinAlgError(f"{func}: {argname} must be a stack of square matrices, "
                                    f"got shape {x.shape}")
    if x.ndim < 2:
        raise np.linalg.LinAlgError(f"{func}: {argname} must be a matrix or a stack of "
                                    f"matrices (at least 2 dimensions), got shape {x.shape}")
    return x


_SQUARE_LINALG = frozenset(("inv", "det", "slogdet", "cholesky", "eig", "eigvals",
                            "matrix_power"))


def _float_linalg(name):
    def call(a, *args, **kwargs):
        x = _float(_tensor(a, f"linalg.{name}"))
        if name in _SQUARE_LINALG or name == "svdvals":
            _linalg_operand(x, f"linalg.{name}", name in _SQUARE_LINALG)
        return getattr(B.linalg, name)(x, *args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"NumPy's ``linalg.{name}`` (integer input becomes float64)."
    return call


def numpy_solve(a, b):
    """NumPy's ``linalg.solve`` (integer input becomes float64)."""
    x = _linalg_operand(_float(_tensor(a, "linalg.solve")), "linalg.solve", True, "x1")
    y = _float(_tensor(b, "linalg.solve", "b"))
    return B.linalg.solve(x, y)


def _numpy_fft(std_name):
    def transform(a, n=None, axis=-1, norm=None):  # noqa: A002
        return getattr(B.fft, std_name)(_fft_input(std_name, a, f"fft.{std_name}"), n=n,
                                        axis=axis, norm=norm or "backward")

    transform.__name__ = transform.__qualname__ = std_name
    return transform


def _numpy_fftn(std_name):
    def transform(a, s=None, axes=None, norm=None):  # noqa: A002
        return getattr(B.fft, std_name)(_fft_input(std_name, a, f"fft.{std_name}"), s=s,
                                        axes=None if axes is None else tuple(axes),
                                        norm=norm or "backward")

    transform.__name__ = transform.__qualname__ = std_name
    return transform


@contextlib.contextmanager
def errstate(**kwargs):
    """NumPy's ``errstate``: floating-point error handling inside the block (the
    CPU backends compute with NumPy's machinery, so NumPy's settings apply)."""
    with np.errstate(**kwargs):
        yield


# ------------------------------------------------------------------ more of NumPy's names
# (issue 19: what everyday programs reach for; composites of the standard's functions,
# on every backend, differentiable where the maths is)


def _kth(func, kth, n):
    values = kth if isinstance(kth, (list, tuple)) or _is_tensor(kth) else [kth]
    if _is_tensor(values):
        values = values.tolist()
        values = values if isinstance(values, list) else [values]
    for k in values:
        k = _index(k, func, "kth")
        if not -n <= k < n:
            raise ValueError(f"{func}: kth(={k}) out of bounds ({n})")


def _partition_input(func, a, kth, axis, kind, order):
    x = _tensor(a, func)
    if order is not None:
        raise ValueError(f"{func}: order= names fields of a structured array, which bridge "
                         "does not have")
    if kind != "introselect":
        raise ValueError(f"{func}: kind must be 'introselect', got {kind!r}")
    if axis is None:
        x, axis = B.reshape(x, (-1,)), -1
    if x.ndim == 0:
        raise _dispatch.AxisError(f"{func}: axis {axis} is out of bounds for array of "
                                  "dimension 0")
    axis = _dispatch.normalize_axis(axis, x.ndim, func)
    _kth(func, kth, x.shape[axis])
    return x, axis


def partition(a, kth, axis=-1, kind="introselect", order=None):
    """``a`` with the ``kth`` element(s) where a sort would put them, smaller ones before
    and larger after (NumPy's ``partition``). bridge returns the sorted order, which is
    such a partition; NumPy's order of the other elements is its introselect's."""
    x, axis = _partition_input("partition", a, kth, axis, kind, order)
    return B.sort(x, axis=axis, stable=True)


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    """Indices that partition ``a`` around ``kth`` (NumPy's ``argpartition``; bridge's
    are those of a stable sort, a valid partition)."""
    x, axis = _partition_input("argpartition", a, kth, axis, kind, order)
    return B.argsort(x, axis=axis, stable=True)


def _target(func, a):
    if not _is_tensor(a):
        raise TypeError(f"{func}: a must be a Tensor (it is written in place), got "
                        f"{type(a).__name__}")
    return a


def _coords(x, flat):
    """Coordinates of flat positions ``flat`` in tensor ``x`` (for an in-place write)."""
    if x.ndim == 0:
        return ()
    if x.ndim == 1:
        return (flat,)
    return unravel_index(flat, x.shape)


def _write(x, coords, values):
    if coords == ():
        x[...] = B.reshape(values, ())[...] if values.ndim else values
    else:
        x[coords] = values


def _cycled(func, values, n, dtype, device):
    """``values`` flattened, cast to ``dtype`` and repeated to length ``n`` (NumPy's
    ``resize`` of the values in put, place and putmask)."""
    v = B.reshape(_values_tensor(func, values, dtype, device), (-1,))
    if n == 0:
        return v[:0]
    if v.shape[0] == 0:
        raise ValueError(f"{func}: cannot insert from an empty array of values")
    if v.shape[0] != n:
        v = B.tile(v, (-(-n // v.shape[0]),))[:n]
    return v


def _values_tensor(func, values, dtype, device):
    if _is_tensor(values):
        return values if values.dtype == dtype else B.astype(values, dtype)
    with np.errstate(all="ignore"):
        raw = np.asarray(values)
        if raw.dtype.kind not in "biufc":
            raise TypeError(f"{func}: values must be numbers, got {raw.dtype}")
        return B.asarray(raw.astype(dtype), device=device)


def _flat_key(key, device):
    """A key of ``x.flat`` for the flattened tensor: lists and ndarrays as tensors."""
    if isinstance(key, (list, np.ndarray)):
        return B.asarray(np.asarray(key), device=device)
    return key


def put(a, ind, v, mode="raise"):
    """Write ``v`` (repeated as needed) into the flattened ``a`` at ``ind``, in place
    (NumPy's ``put``; ``mode`` 'raise', 'wrap' or 'clip' for indices out of range)."""
    func = "put"
    x = _target(func, a)
    if _values_tensor(func, v, x.dtype, x.device).size == 0:
        return None  # NumPy writes nothing when there are no values, whatever ind holds
    idx = B.reshape(_tensor(ind, func, "ind"), (-1,))
    if idx.dtype.kind not in "iu":
        if idx.size:
            raise TypeError(f"{func}: ind must hold integers, got {idx.dtype}")
        idx = B.astype(idx, B.int64)
    n = x.size
    if mode not in ("raise", "wrap", "clip"):
        raise ValueError(f"{func}: mode must be 'raise', 'wrap' or 'clip', got {mode!r}")
    if idx.shape[0] == 0:
        return None
    if n == 0:
        raise IndexError(f"{func}: cannot replace elements of an empty array")
    idx = B.astype(idx, B.int64)
    if mode == "wrap":
        idx = B.remainder(idx, n)
    elif mode == "clip":
        idx = B.clip(idx, 0, n - 1)
    else:
        bad = B.logical_or(idx < -n, idx >= n)
        if bool(B.any(bad)):
            value = int(B.take(idx, B.nonzero(bad)[0][:1])[0])
            raise IndexError(f"{func}: index {value} is out of bounds for axis 0 with size {n}")
        idx = B.where(idx < 0, idx + n, idx)
    _write(x, _coords(x, idx), _cycled(func, v, idx.shape[0], x.dtype, x.device))
    return None


def place(arr, mask, vals):
    """Write ``vals`` (repeated as needed) into ``arr`` where ``mask`` is True, in place,
    in order (NumPy's ``place``)."""
    func = "place"
    x = _target(func, arr)
    m = _tensor(mask, func, "mask")
    if m.size != x.size:
        raise ValueError(f"{func}: mask and data must be the same size ({m.size} and {x.size})")
    m = B.reshape(B.astype(m, B.bool) if m.dtype != B.bool else m, x.shape)
    count = int(B.sum(m))
    if count == 0:
        return None
    values = _cycled(func, vals, count, x.dtype, x.device)
    x[m] = values
    return None


def putmask(a, mask, values):
    """``a[i] = values[i % len(values)]`` where ``mask[i]``, in place (NumPy's
    ``putmask``: values repeat by position in ``a``, not by count)."""
    func = "putmask"
    x = _target(func, a)
    m = _tensor(mask, func, "mask")
    if m.shape != x.shape:
        raise ValueError(f"{func}: mask and data must be the same size ({m.shape} and "
                         f"{x.shape})")
    m = B.astype(m, B.bool) if m.dtype != B.bool else m
    if x.size == 0 or _values_tensor(func, values, x.dtype, x.device).size == 0:
        return None  # NumPy writes nothing when there are no values
    full = B.reshape(_cycled(func, values, x.size, x.dtype, x.device), x.shape)
    x[m] = full[m]
    return None


def put_along_axis(arr, indices, values, axis):
    """Write ``values`` into ``arr`` at ``indices`` along ``axis``, in place (NumPy's
    ``put_along_axis``; ``axis=None`` works on the flattened ``arr``)."""
    func = "put_along_axis"
    x = _target(func, arr)
    idx = _tensor(indices, func, "indices")
    if idx.dtype.kind not in "iu":
        raise IndexError(f"{func}: indices must be integers, got {idx.dtype}")
    if axis is None:
        if idx.ndim != 1:
            raise ValueError(f"{func}: with axis=None, indices must be 1-d")
        put(x, idx, values)
        return None
    if idx.ndim != x.ndim:
        raise ValueError(f"{func}: indices and arr must have the same number of dimensions "
                         f"({idx.ndim} and {x.ndim})")
    ax = _dispatch.normalize_axis(axis, x.ndim, func)
    n = x.shape[ax]
    idx = B.astype(idx, B.int64)
    if bool(B.any(B.logical_or(idx < -n, idx >= n))):
        raise IndexError(f"{func}: an index is out of bounds for axis {ax} with size {n}")
    idx = B.where(idx < 0, idx + n, idx)
    key = []
    for d in range(x.ndim):
        if d == ax:
            key.append(idx)
        else:
            shape = [1] * x.ndim
            shape[d] = x.shape[d]
            key.append(B.reshape(B.arange(x.shape[d], device=x.device), tuple(shape)))
    shape = np.broadcast_shapes(*(k.shape for k in key))
    key = tuple(B.broadcast_to(k, shape) for k in key)
    vals = _values_tensor(func, values, x.dtype, x.device)
    x[key] = B.broadcast_to(vals, shape)
    return None


def fill_diagonal(a, val, wrap=False):
    """Write ``val`` (repeated as needed) on the main diagonal of ``a``, in place
    (NumPy's ``fill_diagonal``; a tall 2-d ``a`` restarts the diagonal every ``M + 1``
    rows with ``wrap=True``)."""
    func = "fill_diagonal"
    x = _target(func, a)
    if x.ndim < 2:
        raise ValueError(f"{func}: array must be at least 2-d")
    if x.ndim == 2:
        rows, cols = x.shape
        step = cols + 1
        end = x.size if wrap else builtins.min(cols * cols, x.size)
    else:
        if len(set(x.shape)) != 1:
            raise ValueError(f"{func}: all dimensions of input must be of equal length")
        step = 1 + sum(math.prod(x.shape[:i]) for i in range(1, x.ndim))
        end = x.size
    flat = B.arange(0, end, step, device=x.device)
    if flat.shape[0]:
        _write(x, _coords(x, flat), _cycled(func, val, flat.shape[0], x.dtype, x.device))
    return None


def copyto(dst, src, casting="same_kind", where=True):
    """``src`` (broadcast) written into ``dst`` in place, where ``where`` is True
    (NumPy's ``copyto``)."""
    func = "copyto"
    x = _target(func, dst)
    if casting not in ("no", "equiv", "safe", "same_kind", "unsafe"):
        raise ValueError(f"{func}: casting must be one of 'no', 'equiv', 'safe', 'same_kind', "
                         f"'unsafe' (got {casting!r})")
    if _is_tensor(src):
        value = src
    else:
        value = B.asarray(src, device=x.device) if not isinstance(src, (builtins.bool, int, float,
                                                                      complex)) else None
    if value is not None:
        if value.dtype != x.dtype and not np.can_cast(value.dtype, x.dtype, casting=casting):
            raise TypeError(f"{func}: cannot cast from {value.dtype} to {x.dtype} according to "
                            f"the rule {casting!r}")
        value = B.astype(value, x.dtype) if value.dtype != x.dtype else value
    else:
        value = B.full((), src, dtype=x.dtype, device=x.device)
    try:
        value = B.broadcast_to(value, x.shape)
    except ValueError:
        raise ValueError(f"{func}: could not broadcast src from shape {value.shape} into "
                         f"shape {x.shape}") from None
    if where is True:
        x[...] = value
    else:
        m = B.broadcast_to(B.asarray(where, dtype=B.bool, device=x.device) if not _is_tensor(
            where) else where, x.shape)
        x[m] = value[m]
    return None


def fromiter(iter, dtype, count=-1, *, device=None):  # noqa: A002 - NumPy's names
    """A 1-d tensor of the values ``iter`` yields (the first ``count`` when >= 0)."""
    func = "fromiter"
    dtype = normalize_dtype(dtype, func)
    count = _index(count, func, "count")
    try:
        raw = np.fromiter(iter, dtype=dtype, count=count)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"{func}: {exc}") from None
    return B.asarray(raw, device=device)


def frombuffer(buffer, dtype=float, count=-1, offset=0, *, device=None):
    """A 1-d tensor over ``buffer``'s bytes (shared, as NumPy's ``frombuffer``: read-only
    for a ``bytes`` object) from byte ``offset``."""
    func = "frombuffer"
    dtype = normalize_dtype(dtype, func)
    count, offset = _index(count, func, "count"), _index(offset, func, "offset")
    try:
        raw = np.frombuffer(buffer, dtype=dtype, count=count, offset=offset)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"{func}: {exc}") from None
    return B.asarray(raw, device=device)


def fromfunction(function, shape, *, dtype=float, device=None, **kwargs):
    """``function(*indices)`` over a grid of ``shape`` (each index tensor of ``dtype``)."""
    func = "fromfunction"
    if not callable(function):
        raise TypeError(f"{func}: function must be callable, got {type(function).__name__}")
    shape = _shape_arg(shape, func)
    dtype = normalize_dtype(dtype, func)
    grids = B.meshgrid(*[B.arange(s, dtype=dtype, device=device) for s in shape], indexing="ij")
    return function(*grids, **kwargs)


class _NdEnumerate:
    """``(index, value)`` for each element, in C order (values as Python scalars)."""

    def __init__(self, x):
        self._shape = x.shape
        self._values = iter(B.reshape(x, (-1,)).tolist())
        self._index = iter(np.ndindex(*x.shape))

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._index), next(self._values)


def ndenumerate(arr):
    """An iterator of ``(index tuple, value)`` over ``arr`` (NumPy's ``ndenumerate``;
    the values are Python scalars, NumPy's are NumPy scalars)."""
    return _NdEnumerate(_tensor(arr, "ndenumerate", "arr"))


def ndindex(*shape):
    """An iterator of the index tuples of an array of ``shape``, in C order."""
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = tuple(shape[0])
    return _NdIndex(_shape_arg(shape, "ndindex"))


class _NdIndex:
    """``ndindex``'s iterator. NumPy's is ``itertools.product`` of one ``range`` per
    dimension, which holds each range as a tuple first: ``numpy.ndindex(2**31)`` takes
    tens of GiB before the first index (the fuzzer's long profile was killed there).
    Here a dimension's range stays lazy: the indices count up in C order."""

    __slots__ = ("_shape", "_next")

    def __init__(self, shape):
        self._shape = tuple(int(s) for s in shape)
        # the next index, or None when the iteration is over (an empty shape has one
        # index, (); a zero-length dimension none)
        self._next = None if 0 in self._shape else [0] * len(self._shape)

    def __iter__(self):
        return self

    def __next__(self):
        index = self._next
        if index is None:
            raise StopIteration
        out = tuple(index)
        for d in range(len(index) - 1, -1, -1):
            index[d] += 1
            if index[d] < self._shape[d]:
                break
            index[d] = 0
        else:
            self._next = None
        return out

    def __repr__(self):
        return f"bridge.ndindex{self._shape}"


def broadcast(*args):
    """NumPy's ``broadcast`` object of ``args`` (tensors, array-likes, scalars, or other
    broadcast objects, whose inputs count): its ``shape``, ``size``, ``ndim``/``nd``,
    ``numiter``, ``iters`` (flat iterators of each input broadcast), ``index`` and
    ``reset()``; iterating it yields a tuple of each input's element (Python scalars)."""
    func = "broadcast"
    tensors = []
    for a in args:
        if isinstance(a, _Broadcast):
            tensors.extend(a._tensors)
        else:
            tensors.append(_tensor(a, func, "args"))
    if len(tensors) > 64:
        raise ValueError(f"{func}: Need at most 64 array objects, got {len(tensors)}")
    try:
        shape = B.broadcast_shapes(*(t.shape for t in tensors))
    except ValueError as exc:
        raise ValueError(f"{func}: shape mismatch: objects cannot be broadcast to a "
                         f"single shape ({exc})") from None
    return _Broadcast(tuple(tensors), shape)


class _Broadcast:
    """``broadcast``'s object: the inputs and their common shape; iteration walks the
    elements in C order, as NumPy's ``broadcast`` does."""

    def __init__(self, tensors, shape):
        self._tensors = tensors
        self.shape = shape
        self.nd = self.ndim = len(shape)
        self.size = math.prod(shape)
        self.numiter = len(tensors)
        self.index = 0
        self._values = None

    @property
    def iters(self):
        """One flat iterator per input, over its elements broadcast to ``shape``."""
        return tuple(iter(B.reshape(B.broadcast_to(t, self.shape), (-1,)).tolist())
                     for t in self._tensors)

    def reset(self):
        """Start the iteration over."""
        self.index = 0
        self._values = None

    def __iter__(self):
        return self

    def __next__(self):
        if self.index >= self.size:
            raise StopIteration
        if self._values is None:
            self._values = [B.reshape(B.broadcast_to(t, self.shape), (-1,)).tolist()
                            for t in self._tensors]
        out = tuple(v[self.index] for v in self._values)
        self.index += 1
        return out

    def __repr__(self):
        return f"bridge.broadcast(shape={self.shape}, numiter={self.numiter})"


def packbits(a, /, axis=None, bitorder="big"):
    """Bits of a bool or integer tensor (non-zero: 1) packed into uint8, 8 per byte
    along ``axis`` (flattened if None), padded with zeros (NumPy's ``packbits``)."""
    func = "packbits"
    x = _tensor(a, func)
    if x.dtype.kind not in "biu":
        raise TypeError(f"{func}: expected an input array of integer or boolean data type, "
                        f"got {x.dtype}")
    if bitorder not in ("big", "little"):
        raise ValueError(f"{func}: bitorder must be either 'little' or 'big', got {bitorder!r}")
    bits = B.astype(x if x.dtype == B.bool else x != 0, B.uint8)
    if axis is None:
        bits, axis = B.reshape(bits, (-1,)), 0
    if bits.ndim == 0:
        bits, axis = B.reshape(bits, (1,)), 0
    ax = _dispatch.normalize_axis(axis, bits.ndim, func)
    bits = B.moveaxis(bits, ax, -1)
    n = bits.shape[-1]
    pad = -n % 8
    if pad:
        bits = B.concat([bits, B.zeros(bits.shape[:-1] + (pad,), dtype=B.uint8,
                                       device=bits.device)], axis=-1)
    bits = B.reshape(bits, bits.shape[:-1] + ((n + pad) // 8, 8))
    weights = [128, 64, 32, 16, 8, 4, 2, 1] if bitorder == "big" else [1, 2, 4, 8, 16, 32, 64, 128]
    packed = B.sum(bits * B.asarray(weights, dtype=B.uint8, device=bits.device), axis=-1,
                   dtype=B.uint8)
    return B.moveaxis(packed, -1, ax)


def unpackbits(a, /, axis=None, count=None, bitorder="big"):
    """Each uint8 element as its 8 bits along ``axis`` (flattened if None); ``count``
    keeps that many bits (NumPy's ``unpackbits``)."""
    func = "unpackbits"
    x = _tensor(a, func)
    if x.dtype != B.uint8:
        raise TypeError(f"{func}: expected an input array of unsigned byte data type, got "
                        f"{x.dtype}")
    if bitorder not in ("big", "little"):
        raise ValueError(f"{func}: bitorder must be either 'little' or 'big', got {bitorder!r}")
    if axis is None:
        x, axis = B.reshape(x, (-1,)), 0
    if x.ndim == 0:
        raise ValueError(f"{func}: unpackbits needs an array of at least one dimension")
    ax = _dispatch.normalize_axis(axis, x.ndim, func)
    x = B.moveaxis(x, ax, -1)
    shifts = list(range(7, -1, -1)) if bitorder == "big" else list(range(8))
    shifts = B.asarray(shifts, dtype=B.uint8, device=x.device)
    bits = B.bitwise_and(B.bitwise_right_shift(x[..., None], shifts), B.asarray(
        1, dtype=B.uint8, device=x.device))
    bits = B.reshape(bits, x.shape[:-1] + (x.shape[-1] * 8,))
    if count is not None:
        count = _index(count, func, "count")
        total = bits.shape[-1]
        keep = count if count >= 0 else builtins.max(total + count, 0)
        if keep > total:
            bits = B.concat([bits, B.zeros(bits.shape[:-1] + (keep - total,), dtype=B.uint8,
                                           device=bits.device)], axis=-1)
        else:
            bits = bits[..., :keep]
    return B.moveaxis(bits, -1, ax)


def lexsort(keys, axis=-1):
    """Indices that sort by several keys, the last key the primary one (NumPy's
    ``lexsort``; stable)."""
    func = "lexsort"
    if _is_tensor(keys) or isinstance(keys, np.ndarray):
        k = _tensor(keys, func, "keys")
        if k.ndim == 0:
            raise TypeError(f"{func}: need sequence of keys with len > 0")
        keys = [k[i] for i in range(k.shape[0])] if k.ndim > 1 else [k]
    elif not isinstance(keys, (list, tuple)):
        raise TypeError(f"{func}: keys must be a sequence of arrays, got {type(keys).__name__}")
    if any(_is_tensor(k) and k.device.type == "cpu" for k in keys):
        # NumPy's strings (or dates, ...) next to CPU tensors: such a key sorts by its
        # values' ranks (NumPy's order of them); the keys without a tensor are NumPy's
        # call (bridge/_ops/beyond.py), a GPU tensor with them its TypeError
        keys = [B.asarray(np.unique(k, return_inverse=True)[1].reshape(k.shape))
                if isinstance(k, np.ndarray) and k.dtype.kind in BEYOND_KINDS else k
                for k in keys]
    keys = [_tensor(k, func, "keys") for k in keys]
    if not keys:
        raise TypeError(f"{func}: need sequence of keys with len > 0")
    shape = keys[0].shape
    if any(k.shape != shape for k in keys):
        raise ValueError(f"{func}: all keys need to be the same shape")
    if not shape:
        return B.asarray(0, dtype=B.int64, device=keys[0].device)
    ax = _dispatch.normalize_axis(axis, len(shape), func)
    order = B.argsort(_bool_as_int(keys[0]), axis=ax, stable=True)
    for k in keys[1:]:
        k = _bool_as_int(k)
        order = B.take_along_axis(order, B.argsort(B.take_along_axis(k, order, axis=ax), axis=ax,
                                                   stable=True), axis=ax)
    return order


def ix_(*args):
    """Open-mesh index tensors: ``x[ix_(rows, cols)]`` selects the cross product."""
    func = "ix_"
    out = []
    n = len(args)
    for i, a in enumerate(args):
        t = _tensor(a, func, "args")
        if t.ndim != 1:
            raise ValueError(f"{func}: Cross index must be 1 dimensional")
        if t.dtype == B.bool:
            t = B.nonzero(t)[0]
        shape = [1] * n
        shape[i] = t.shape[0]
        out.append(B.reshape(t, tuple(shape)))
    return tuple(out)


def select(condlist, choicelist, default=0):
    """Elements of ``choicelist[i]`` for the first ``condlist[i]`` that is True, else
    ``default`` (NumPy's ``select``)."""
    func = "select"
    if len(condlist) != len(choicelist):
        raise ValueError(f"{func}: list of cases must be same length as list of conditions")
    if not condlist:
        raise ValueError(f"{func}: select with an empty condition list is not possible")
    conds = [_tensor(c, func, "condlist") for c in condlist]
    for c in conds:
        if c.dtype != B.bool:
            raise TypeError(f"{func}: invalid entry in condlist: should be boolean ndarray, got "
                            f"{c.dtype}")
    choices = [c if _is_tensor(c) else B.asarray(c, device=conds[0].device) for c in choicelist]
    # a Python scalar default promotes as NumPy 2's weak scalars (int8 choices, 0: int8)
    dtype = B.result_type(*choices, default)
    if not _is_tensor(default):
        default = B.asarray(default, dtype=dtype, device=conds[0].device)
    result = B.astype(default, dtype)
    for c, v in zip(reversed(conds), reversed(choices)):
        result = B.where(c, B.astype(v, dtype), result)
    return result


def piecewise(x, condlist, funclist, *args, **kw):
    """``funclist[i](x[cond], ...)`` where ``condlist[i]`` holds (a constant where an
    entry is not callable); an extra function is the default (NumPy's ``piecewise``)."""
    func = "piecewise"
    x = _tensor(x, func, "x")
    if _is_tensor(condlist) or isinstance(condlist, (builtins.bool, np.ndarray)):
        condlist = [condlist]
    conds = [B.broadcast_to(_tensor(c, func, "condlist"), x.shape) for c in condlist]
    n = len(conds)
    if len(funclist) == n + 1:
        rest = B.logical_not(B.any(B.stack(conds), axis=0)) if n else B.ones(x.shape, dtype=B.bool)
        conds.append(rest)
    elif len(funclist) != n:
        raise ValueError(f"{func}: with {n} condition(s), either {n} or {n + 1} functions are "
                         f"needed, got {len(funclist)}")
    out = B.zeros_like(x)
    for c, f in zip(conds, funclist):
        if callable(f):
            picked = x[c]
            values = f(picked, *args, **kw)
            values = values if _is_tensor(values) else B.asarray(values, dtype=x.dtype,
                                                                 device=x.device)
            out[c] = B.astype(B.broadcast_to(values, picked.shape), x.dtype)
        else:
            out = B.where(c, B.asarray(f, dtype=x.dtype, device=x.device), out)
    return out


def choose(a, choices, mode="raise"):
    """``choices[a[i]][i]`` for each element (NumPy's ``choose``, broadcasting)."""
    func = "choose"
    idx = _tensor(a, func)
    if idx.dtype.kind not in "iu":
        raise TypeError(f"{func}: a must hold integers, got {idx.dtype}")
    if _is_tensor(choices):
        options = [choices[i] for i in range(choices.shape[0])]
    else:
        options = [_tensor(c, func, "choices") for c in choices]
    n = len(options)
    if mode == "wrap":
        idx = B.remainder(idx, n)
    elif mode == "clip":
        idx = B.clip(idx, 0, n - 1)
    elif mode != "raise":
        raise ValueError(f"{func}: mode must be 'raise', 'wrap' or 'clip', got {mode!r}")
    elif bool(B.any(B.logical_or(idx < 0, idx >= n))):
        raise ValueError(f"{func}: invalid entry in choice array")
    stacked = B.stack(B.broadcast_arrays(idx, *options)[1:])
    idx = B.broadcast_to(idx, stacked.shape[1:])
    return B.take_along_axis(stacked, B.astype(idx, B.int64)[None], axis=0)[0]


def compress(condition, a, axis=None):
    """The slices of ``a`` along ``axis`` (flattened if None) where ``condition`` is
    True (NumPy's ``compress``; a shorter condition selects among the first slices)."""
    func = "compress"
    x = _tensor(a, func)
    c = B.reshape(_tensor(condition, func, "condition"), (-1,))
    if axis is None:
        x, axis = B.reshape(x, (-1,)), 0
    ax = _dispatch.normalize_axis(axis, x.ndim, func)
    n = x.shape[ax]
    if c.shape[0] > n and bool(B.any(c[n:])):
        raise IndexError(f"{func}: index {n} is out of bounds for axis {ax} with size {n}")
    c = B.astype(c[:n], B.bool) if c.dtype != B.bool else c[:n]
    return B.take(x, B.nonzero(c)[0], axis=ax)


def extract(condition, arr):
    """The elements of ``arr`` where ``condition`` is non-zero, flattened."""
    func = "extract"
    x = B.reshape(_tensor(arr, func, "arr"), (-1,))
    c = B.reshape(_tensor(condition, func, "condition"), (-1,))
    c = c != 0 if c.dtype != B.bool else c
    return B.take(x, B.nonzero(c[:x.shape[0]])[0])


def trim_zeros(filt, trim="fb", axis=None):
    """``filt`` without its leading ('f') and/or trailing ('b') zeros: along every axis
    (``axis=None``) or the given ones, the smallest box holding its non-zeros (NumPy
    2.2's ``trim_zeros``; a list stays a list)."""
    func = "trim_zeros"
    x = _tensor(filt, func, "filt")
    trim = trim.lower() if isinstance(trim, str) else trim
    if trim not in ("fb", "bf", "f", "b"):
        raise ValueError(f"{func}: unexpected character(s) in `trim`: {trim!r}")
    if axis is None:
        axes = tuple(range(x.ndim))
    else:
        axes = tuple(_dispatch.normalize_axis(a, x.ndim, func)
                     for a in (axis if isinstance(axis, (tuple, list)) else (axis,)))
    if not axes:
        return filt
    nonzero = B.nonzero(x != 0) if x.ndim else ()
    if not nonzero or nonzero[0].shape[0] == 0:
        box = [(0, 0)] * x.ndim  # all zeros: empty along the trimmed axes
    else:
        box = [(int(B.min(n)) if "f" in trim else None,
                int(B.max(n)) + 1 if "b" in trim else None) for n in nonzero]
    key = tuple(slice(*box[ax]) if ax in axes else slice(None) for ax in range(x.ndim))
    if len(key) == 1 and isinstance(filt, list):
        return filt[key[0]]
    return x[key]


def ediff1d(ary, to_end=None, to_begin=None):
    """Differences of consecutive elements of the flattened input, with ``to_begin`` and
    ``to_end`` prepended and appended."""
    func = "ediff1d"
    x = B.reshape(_tensor(ary, func, "ary"), (-1,))
    parts = [x[1:] - x[:-1]]
    for extra, front in ((to_begin, True), (to_end, False)):
        if extra is not None:
            e = B.reshape(_values_tensor(func, extra, parts[0].dtype, x.device), (-1,))
            parts = [e, *parts] if front else [*parts, e]
    return B.concat(parts) if len(parts) > 1 else parts[0]


def nancumprod(a, axis=None, dtype=None):
    """Running product treating NaN as 1."""
    x, _ = _nan_filled("nancumprod", a, 1)
    return cumprod(x, axis, dtype)


def setxor1d(ar1, ar2, assume_unique=False):
    """The sorted unique values in exactly one of the inputs."""
    func = "setxor1d"
    a = unique(_tensor(ar1, func, "ar1")) if not assume_unique else B.reshape(_tensor(ar1, func, "ar1"), (-1,))
    b = unique(_tensor(ar2, func, "ar2")) if not assume_unique else B.reshape(_tensor(ar2, func, "ar2"), (-1,))
    both = numpy_sort(B.concat([a, B.astype(b, a.dtype) if a.dtype != b.dtype else b]))
    if both.shape[0] == 0:
        return both
    flags = B.concat([B.asarray([True], device=both.device), both[1:] != both[:-1],
                      B.asarray([True], device=both.device)])
    single = B.logical_and(flags[1:], flags[:-1])
    return B.take(both, B.nonzero(single)[0])


def resize(a, new_shape):
    """``a``'s elements (flattened, repeated as needed) in a tensor of ``new_shape``."""
    func = "resize"
    x = B.reshape(_tensor(a, func), (-1,))
    shape = _shape_arg(new_shape, func)
    if any(s < 0 for s in shape):
        raise ValueError(f"{func}: all elements of new_shape must be non-negative")
    n = math.prod(shape)
    if x.shape[0] == 0 or n == 0:
        return B.zeros(shape, dtype=x.dtype, device=x.device)
    reps = -(-n // x.shape[0])
    return B.reshape(B.tile(x, (reps,))[:n], shape)


def tensor_compress(self, condition, axis=None, out=None):
    """NumPy's ``ndarray.compress``: the slices along ``axis`` (flattened if None) where
    ``condition`` is True, into ``out`` if given."""
    result = compress(condition, self, axis)
    return result if out is None else write_out("Tensor.compress", out, result)


def tensor_put(self, indices, values, mode="raise"):
    """NumPy's ``ndarray.put``: ``values`` written at the flat ``indices``, in place."""
    return put(self, indices, values, mode)


def tensor_choose(self, choices, out=None, mode="raise"):
    """NumPy's ``ndarray.choose``: ``choices[self[i]][i]``, into ``out`` if given."""
    result = choose(self, choices, mode)
    return result if out is None else write_out("Tensor.choose", out, result)


def tensor_partition(self, kth, axis=-1, kind="introselect", order=None):
    """NumPy's ``ndarray.partition``: the tensor partitioned around ``kth``, in place
    (returns None)."""
    self[...] = partition(self, kth, axis, kind, order)


def tensor_argpartition(self, kth, axis=-1, kind="introselect", order=None):
    """NumPy's ``ndarray.argpartition``: indices that partition the tensor."""
    return argpartition(self, kth, axis, kind, order)


def _resize_shape(new_shape, func):
    """NumPy's ``ndarray.resize`` shape arguments: nothing or None (keep the shape), an
    int, a sequence of ints, or several ints."""
    if not new_shape or (len(new_shape) == 1 and new_shape[0] is None):
        return None
    if len(new_shape) == 1:
        shape = new_shape[0]
        try:
            new_shape = (operator.index(shape),)  # (a 0-d integer tensor too)
        except TypeError:
            try:
                new_shape = tuple(shape)
            except TypeError:
                raise TypeError(f"{func}: expected a sequence of integers or a single "
                                f"integer, got {shape!r}") from None
    out = []
    for s in new_shape:
        try:
            out.append(operator.index(s))
        except TypeError:
            raise TypeError(f"{func}: {type(s).__name__!r} object cannot be interpreted as "
                            "an integer") from None
    if any(s < 0 for s in out):
        raise ValueError(f"{func}: negative dimensions not allowed")
    return tuple(out)


def _resize_refusal(tensor, refcheck):
    """Why NumPy's rule refuses to resize ``tensor`` (None: it does not): its memory
    belongs to another array (a view of a live tensor; a buffer, a file's map), or, with
    ``refcheck``, another array views its memory (a view made of it)."""
    import sys

    data = tensor._data
    owner = data.base
    # the references counted: the tensor's slot, the name data, getrefcount's argument
    # (and for the owner: data.base, the name owner, the argument)
    if owner is not None and (owner.__class__ is not data.__class__
                              or sys.getrefcount(owner) > 3):
        return "cannot resize this array: it does not own its data"
    if refcheck and sys.getrefcount(data) > 3:
        return ("cannot resize an array that references or is referenced by another object "
                "in this way. Use the bridge.resize function to get a new resized copy or "
                "set refcheck=False to disable this check")
    return None


def tensor_resize(self, *new_shape, refcheck=True):
    """NumPy's ``ndarray.resize``, in place: the tensor takes ``new_shape``, keeping its
    elements in memory order (C, or F for a Fortran-ordered tensor), cut short or
    followed by zeros; returns None.

    As in NumPy, a change of size is refused (ValueError) for a tensor whose memory
    another tensor or array also uses (a view of it, a view it is of, ``numpy.asarray``
    of it): with ``refcheck=False`` only when its memory belongs to another. The tensor
    gets new memory (NumPy's realloc may move it too); a tensor that autograd records
    cannot be resized."""
    func = "Tensor.resize"
    if not isinstance(self, _dispatch.TENSOR):
        raise TypeError(f"{func}: the tensor to resize must be a Tensor, got "
                        f"{type(self).__name__}")
    shape = _resize_shape(new_shape, func)
    if shape is None:
        return None
    meta = self._meta
    if meta is not None and (getattr(meta, "requires_grad", False)
                             or getattr(meta, "grad_fn", None) is not None):
        raise RuntimeError(f"{func}: cannot resize a tensor that autograd records (one that "
                           "requires grad or was computed from one); use bridge.resize for "
                           "a new tensor")
    c_order, f_order = bool(self._data.flags.c_contiguous), bool(self._data.flags.f_contiguous)
    if not (c_order or f_order):
        raise ValueError(f"{func}: resize only works on single-segment arrays (a "
                         "contiguous tensor)")
    order = "F" if f_order and not c_order else "C"
    n = math.prod(shape)
    if n != self.size:
        refusal = _resize_refusal(self, refcheck)
        if refusal is not None:
            raise ValueError(f"{func}: {refusal}")
    data = self._data
    xp = np if data.__class__ is np.ndarray else __import__(
        data.__class__.__module__.split(".")[0])
    flat = data.reshape(-1, order=order)
    if n == data.size:
        new = flat.reshape(shape, order=order)
    else:
        new = xp.zeros(n, dtype=data.dtype)
        keep = min(n, data.size)
        new[:keep] = flat[:keep]
        new = new.reshape(shape, order=order)
    del flat, data
    self._data = new
    if meta is not None and getattr(meta, "version", None) is not None:
        meta.version[0] += 1
    return None


def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    """``func1d`` applied to each 1-d slice of ``arr`` along ``axis``; its results
    (scalars or tensors of one shape) replace that axis (NumPy's ``apply_along_axis``)."""
    func = "apply_along_axis"
    if not callable(func1d):
        raise TypeError(f"{func}: func1d must be callable, got {type(func1d).__name__}")
    x = _tensor(arr, func, "arr")
    ax = _dispatch.normalize_axis(axis, x.ndim, func)
    moved = B.moveaxis(x, ax, -1)
    outer = moved.shape[:-1]
    results = []
    for index in np.ndindex(*outer):
        r = func1d(moved[index], *args, **kwargs)
        results.append(r if _is_tensor(r) else B.asarray(r, device=x.device))
    if not results:
        raise ValueError(f"{func}: cannot apply_along_axis when any iteration dimensions are 0")
    stacked = B.stack(results)
    stacked = B.reshape(stacked, outer + results[0].shape)
    tail = results[0].ndim
    if tail == 0:
        return stacked
    # the result's own axes take the place of ``axis``
    order = list(range(ax)) + list(range(len(outer), len(outer) + tail)) + \
        list(range(ax, len(outer)))
    return B.permute_dims(stacked, tuple(order))


def tril_indices_from(arr, k=0):
    """The indices of the lower triangle of 2-d ``arr``."""
    x = _tensor(arr, "tril_indices_from", "arr")
    if x.ndim != 2:
        raise ValueError("tril_indices_from: input array must be 2-d")
    return tril_indices(x.shape[-2], k, x.shape[-1])


def triu_indices_from(arr, k=0):
    """The indices of the upper triangle of 2-d ``arr``."""
    x = _tensor(arr, "triu_indices_from", "arr")
    if x.ndim != 2:
        raise ValueError("triu_indices_from: input array must be 2-d")
    return triu_indices(x.shape[-2], k, x.shape[-1])


def diag_indices_from(arr):
    """The indices of the main diagonal of ``arr`` (all dimensions equal)."""
    x = _tensor(arr, "diag_indices_from", "arr")
    if x.ndim < 2:
        raise ValueError("diag_indices_from: input array must be at least 2-d")
    if len(set(x.shape)) != 1:
        raise ValueError("diag_indices_from: all dimensions of input must be of equal length")
    return diag_indices(x.shape[0], x.ndim)


def asarray_chkfinite(a, dtype=None, *, device=None):
    """``asarray(a)``, refusing NaN and infinities (ValueError)."""
    x = B.asarray(a, dtype=dtype, device=device) if dtype is not None or device is not None \
        else _tensor(a, "asarray_chkfinite")
    if x.dtype.kind in "fc" and not bool(B.all(B.isfinite(x))):
        raise ValueError("asarray_chkfinite: array must not contain infs or NaNs")
    return x


def issubdtype(arg1, arg2):
    """Whether dtype ``arg1`` is ``arg2`` or below it in NumPy's hierarchy
    (``issubdtype(x.dtype, np.floating)``)."""
    try:
        return builtins.bool(np.issubdtype(arg1, arg2))
    except TypeError as exc:
        raise TypeError(f"issubdtype: {exc}") from None


def promote_types(type1, type2):
    """The smallest dtype both cast to safely (NumPy's ``promote_types``)."""
    func = "promote_types"
    try:
        return np.promote_types(normalize_dtype(type1, func, "type1"),
                                normalize_dtype(type2, func, "type2"))
    except np.exceptions.DTypePromotionError as exc:
        raise TypeError(f"{func}: {exc}") from None


def min_scalar_type(a, /):
    """NumPy's ``min_scalar_type``: the smallest dtype that holds the scalar ``a``
    (a tensor of one element or more: its dtype; NumPy's float16 where NumPy says so)."""
    if _is_tensor(a):
        if a.ndim:
            return a.dtype
        a = a.item()
    try:
        return np.min_scalar_type(a)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"min_scalar_type: {exc}") from None


def common_type(*arrays):
    """NumPy's ``common_type``: the floating-point scalar type (``float32``,
    ``float64``, ``complex128``, ...) that all ``arrays`` convert to; integers count as
    float64, a bool array is refused (TypeError) as in NumPy."""
    func = "common_type"
    dtypes = []
    for a in arrays:
        if not hasattr(a, "dtype"):
            raise TypeError(f"{func}: expected arrays, got {type(a).__name__}")
        dtypes.append(np.dtype(a.dtype))
    try:
        return np.common_type(*[np.empty(0, dtype=d) for d in dtypes])
    except TypeError as exc:
        raise TypeError(f"{func}: {exc}") from None


def set_printoptions(*args, **kwargs):
    """NumPy's ``set_printoptions``: how tensors print (precision, suppress, linewidth,
    edgeitems, formatter, ...; a Tensor's repr summarises from 1000 elements)."""
    try:
        np.set_printoptions(*args, **kwargs)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"set_printoptions: {exc}") from None


def get_printoptions():
    """The current print options (a dict, NumPy's)."""
    return np.get_printoptions()


@contextlib.contextmanager
def printoptions(*args, **kwargs):
    """Print options for the block (NumPy's ``printoptions``)."""
    try:
        context = np.printoptions(*args, **kwargs)
        context.__enter__()
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"printoptions: {exc}") from None
    try:
        yield np.get_printoptions()
    finally:
        context.__exit__(None, None, None)


def seterr(all=None, divide=None, over=None, under=None, invalid=None):  # noqa: A002
    """NumPy's ``seterr``: what floating-point errors do (the numpy backend computes with
    NumPy's kernels, so its settings apply); returns the previous settings."""
    try:
        return np.seterr(all=all, divide=divide, over=over, under=under, invalid=invalid)
    except (TypeError, ValueError, KeyError) as exc:
        raise ValueError(f"seterr: {exc}") from None


def geterr():
    """The current floating-point error handling (a dict, NumPy's)."""
    return np.geterr()


def seterrcall(func):
    """NumPy's ``seterrcall``: the callable (or object with ``write``) of 'call'/'log'."""
    try:
        return np.seterrcall(func)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"seterrcall: {exc}") from None


def geterrcall():
    """The current error callable (NumPy's ``geterrcall``)."""
    return np.geterrcall()


# ---- index tricks, emath, dtype names and versions: objects, not functions (exported by
# bridge/__init__.py from NUMPY_OBJECTS)


def _slice_range(func, s, device):
    """A slice of mgrid/ogrid/r_ as a 1-d tensor: an integer step is arange's, an
    imaginary one ``5j`` is linspace's number of points (end included)."""
    start = 0 if s.start is None else s.start
    stop = s.stop
    step = 1 if s.step is None else s.step
    if isinstance(step, complex):
        num = int(abs(step))
        return B.linspace(float(start), float(stop), num, device=device)
    if stop is None:
        raise ValueError(f"{func}: a slice needs a stop")
    floats = any(isinstance(v, float) for v in (start, stop, step))
    return B.arange(start, stop, step, device=device,
                    dtype=B.float64 if floats else None)


class _Grid:
    """NumPy's ``mgrid`` (dense) and ``ogrid`` (open): ``mgrid[0:3, 0:5:2]``."""

    def __init__(self, sparse, name):
        self.sparse = sparse
        self.name = name

    def __getitem__(self, key):
        keys = key if isinstance(key, tuple) else (key,)
        for k in keys:
            if not isinstance(k, slice):
                raise TypeError(f"{self.name}: index with slices, got {type(k).__name__}")
        axes = [_slice_range(self.name, k, None) for k in keys]
        if any(a.dtype.kind == "f" for a in axes):
            axes = [B.astype(a, B.float64) for a in axes]
        if not isinstance(key, tuple):
            return axes[0]
        if self.sparse:  # axis i varies along dimension i only
            n = len(axes)
            return tuple(B.reshape(a, tuple(a.shape[0] if j == i else 1 for j in range(n)))
                         for i, a in enumerate(axes))
        return B.stack(B.meshgrid(*axes, indexing="ij"))

    def __repr__(self):
        return f"bridge.{self.name}"


class _Concatenator:
    """NumPy's ``r_`` (along the first axis) and ``c_`` (columns): slices are ranges,
    scalars and tensors are joined; a leading string ``"axis[,ndmin[,trans1d]]"``, ``"r"``
    or ``"c"`` says how."""

    def __init__(self, axis, ndmin, trans1d, name):
        self.axis, self.ndmin, self.trans1d, self.name = axis, ndmin, trans1d, name

    def __getitem__(self, key):
        items = list(key) if isinstance(key, tuple) else [key]
        axis, ndmin, trans1d, matrix = self.axis, self.ndmin, self.trans1d, None
        if items and isinstance(items[0], str):
            spec = items.pop(0)
            if spec in ("r", "c"):
                matrix = spec
            else:
                try:
                    parts = [int(p) for p in spec.split(",")]
                except ValueError:
                    raise ValueError(f"{self.name}: unknown special directive {spec!r}") from None
                axis = parts[0]
                if len(parts) > 1:
                    ndmin = parts[1]
                if len(parts) > 2:
                    trans1d = parts[2]
        pieces = []
        for item in items:
            if isinstance(item, slice):
                t = _slice_range(self.name, item, None)
            elif _is_tensor(item):
                t = item
            else:
                t = B.asarray(item)
            if t.ndim < ndmin:
                # NumPy's rule: ones prepended up to ndmin, then the item's own axes
                # moved to position trans1d
                k2 = ndmin - t.ndim
                t = B.reshape(t, (1,) * k2 + t.shape)
                if trans1d != -1:
                    k1 = trans1d + k2 + 1 if trans1d < 0 else trans1d
                    axes = list(range(ndmin))
                    t = B.permute_dims(t, tuple(axes[:k1] + axes[k2:] + axes[k1:k2]))
            pieces.append(t)
        if not pieces:
            return B.asarray([], dtype=B.float64)
        dtype = B.result_type(*pieces)
        pieces = [B.astype(p, dtype) if p.dtype != dtype else p for p in pieces]
        pieces = [B.reshape(p, (1,)) if p.ndim == 0 else p for p in pieces]
        out = B.concat(pieces, axis=axis)
        if matrix == "r":
            return B.reshape(out, (1, -1))
        if matrix == "c":
            return B.reshape(out, (-1, 1))
        return out

    def __len__(self):
        return 0

    def __repr__(self):
        return f"bridge.{self.name}"


_EMATH_COMPLEX64 = frozenset(np.dtype(d) for d in ("float32", "int8", "int16", "uint8",
                                                      "uint16", "complex64"))


def _emath_complex(x):
    """NumPy's ``emath._tocomplex``: complex64 for float32 and the 8- and 16-bit
    integers, complex128 for the others (bool included)."""
    return B.astype(x, B.complex64 if x.dtype in _EMATH_COMPLEX64 else B.complex128)


def _emath(real_ok, numpy_name, std, name, nargs=1):
    """An ``emath`` function as NumPy's: an input with an element outside the real
    domain (its test in ``real_ok``, one per argument or None, False there) is made complex (``_tocomplex``'s dtypes), then
    NumPy's ufunc ``numpy_name`` runs with NumPy's loop (bridge's function ``std``):
    float32 for 8- and 16-bit integers, as bridge's NumPy names give."""
    qualified = f"emath.{name}"

    def function(*args):
        if len(args) != nargs:
            raise TypeError(f"{qualified}() takes {nargs} argument(s), {len(args)} given")
        xs = [_tensor(a, qualified, "x") if not isinstance(a, (int, float, complex)) or
              isinstance(a, builtins.bool) else B.asarray(a) for a in args]
        xs = [_emath_complex(x) if ok is not None and x.dtype.kind not in "bc"
              and not bool(B.all(ok(x))) else x for x, ok in zip(xs, real_ok)]
        if name == "logn":
            n, x = xs
            return B.divide(*(call_ufunc(np.log, B.log, [v]) for v in (x, n)))
        if name == "power":
            x, p = xs
            if p.dtype.kind in "biu" and not bool(B.all(p >= 0)):
                p = B.astype(p, B.float64)  # NumPy's _fix_int_lt_zero: p * 1.0
            return call_ufunc(np.power, B.pow, [x, p])
        return call_ufunc(getattr(np, numpy_name), getattr(B, std), xs)

    function.__name__ = function.__qualname__ = name
    function.__doc__ = (f"NumPy's ``emath.{name}``: complex results where the input leaves "
                        "the real domain (negative numbers for sqrt, log and power's base, "
                        "|x| > 1 for arcsin, arccos, arctanh), real ones elsewhere.")
    return function


def _make_emath():
    import types

    module = types.ModuleType("bridge.emath", "NumPy's ``emath``: functions with complex "
                              "results outside their real domain.")
    nonneg = (lambda x: x >= 0,)
    unit = (lambda x: B.abs(x) <= 1,)
    # (the namespace's functions are looked up when called: it is filled after import)
    for name, std in (("sqrt", "sqrt"), ("log", "log"), ("log2", "log2"), ("log10", "log10")):
        setattr(module, name, _emath(nonneg, name, std, name))
    for name, std in (("arccos", "acos"), ("arcsin", "asin"), ("arctanh", "atanh")):
        setattr(module, name, _emath(unit, name, std, name))
    module.logn = _emath(nonneg * 2, "log", "log", "logn", 2)
    module.power = _emath(nonneg + (None,), "power", "pow", "power", 2)
    module.__all__ = ["sqrt", "log", "log2", "log10", "logn", "power", "arccos", "arcsin",
                      "arctanh"]
    return module


def _version():
    from importlib import metadata

    try:
        return metadata.version("bridge")
    except metadata.PackageNotFoundError:  # a source tree that is not installed
        return "0+unknown"


def _numpy_objects():
    from .. import _dtypes as D

    # the 13 dtypes' names and NumPy's C-type names of them, as NumPy's scalar types:
    # dtypes wherever a dtype goes (np.zeros(3, np.float32), x.dtype == np.int8) and
    # NumPy's scalars when called (np.float32(0.1), np.int8(10)), as in NumPy
    aliases = {name: getattr(np, name) for name in (
        "bool_", "byte", "ubyte", "short", "ushort", "intc", "uintc", "int_", "uint", "long",
        "ulong", "longlong", "ulonglong", "intp", "uintp", "single", "double", "csingle",
        "cdouble")}
    aliases.update({d.name: d.type for d in D.ALL_DTYPES})
    abstract = {name: getattr(np, name) for name in (  # NumPy's hierarchy, for issubdtype
        "generic", "number", "integer", "signedinteger", "unsignedinteger", "inexact",
        "floating", "complexfloating")}
    return {
        **aliases, **abstract, **_beyond.SCALAR_TYPES,
        "dtype": np.dtype,
        "mgrid": _Grid(False, "mgrid"), "ogrid": _Grid(True, "ogrid"),
        "r_": _Concatenator(0, 1, -1, "r_"), "c_": _Concatenator(-1, 2, 0, "c_"),
        "s_": np.s_, "index_exp": np.index_exp,
        "emath": _make_emath(),
        # NumPy's exception types, which bridge raises (AxisError, DTypePromotionError)
        "exceptions": np.exceptions,
        "__version__": _version(),
        "__numpy_version__": np.__version__,
        # process state (NumPy's settings), not functions of arrays
        "set_printoptions": set_printoptions, "get_printoptions": get_printoptions,
        "printoptions": printoptions, "seterr": seterr, "geterr": geterr,
        "seterrcall": seterrcall, "geterrcall": geterrcall,
    }


NUMPY_OBJECTS = _numpy_objects()
NUMPY_OBJECTS.update(_extras.numpy_objects())


# ---- the standard's names with NumPy's extra forms


def _where_one_argument(fn):
    """The standard's ``where``, which also takes NumPy's one-argument form:
    ``where(condition)`` is ``nonzero(condition)``."""
    missing = object()

    def where(condition, x1=missing, x2=missing, /):
        if x1 is missing and x2 is missing:
            return numpy_nonzero(condition)
        if x1 is missing or x2 is missing:
            raise ValueError("where: either both or neither of x1 and x2 should be given")
        return fn(condition, x1, x2)

    return where


@dataclasses.dataclass(frozen=True, repr=False)
class finfo_numpy(finfo_object):  # noqa: N801 - the standard's finfo object, NumPy's fields too
    resolution: float = 0.0
    tiny: float = 0.0
    precision: int = 0
    epsneg: float = 0.0
    machep: int = 0
    negep: int = 0
    nexp: int = 0
    nmant: int = 0
    iexp: int = 0
    maxexp: int = 0
    minexp: int = 0
    smallest_subnormal: float = 0.0


@dataclasses.dataclass(frozen=True, repr=False)
class iinfo_numpy(iinfo_object):  # noqa: N801
    kind: str = "i"


def _finfo_numpy(fn):
    def finfo(type, /):  # noqa: A002 - the standard's name
        info = fn(type)
        raw = np.finfo(info.dtype)
        extra = {name: (float(getattr(raw, name)) if isinstance(getattr(raw, name), np.floating)
                        else int(getattr(raw, name)))
                 for name in ("resolution", "tiny", "precision", "epsneg", "machep", "negep",
                              "nexp", "nmant", "iexp", "maxexp", "minexp",
                              "smallest_subnormal")}
        return finfo_numpy(**dataclasses.asdict(info), **extra)

    return finfo


def _iinfo_numpy(fn):
    def iinfo(type, /):  # noqa: A002
        info = fn(type)
        return iinfo_numpy(**dataclasses.asdict(info), kind=np.dtype(info.dtype).kind)

    return iinfo


def _result_type_numpy(fn):
    def result_type(*arrays_and_dtypes):
        # the standard's promotion (and its checks) of each argument; for three dtypes
        # or more NumPy's promotion of the sequence, which differs from the pairwise
        # fold only where the standard leaves it open (mixed kinds: int8, uint16 and
        # float32 give NumPy's float32, the fold float64); Python scalars stay weak
        result = fn(*arrays_and_dtypes)
        if len(arrays_and_dtypes) < 3:
            return result
        scalars = [a for a in arrays_and_dtypes if a.__class__ in _dispatch.PY_SCALARS]
        dtypes = [fn(a) for a in arrays_and_dtypes if a.__class__ not in _dispatch.PY_SCALARS]
        if len(dtypes) < 3:
            return result
        return fn(np.result_type(*dtypes), *scalars)

    return result_type


# standard row -> its NumPy extension (same signature for the standard's calls)
def _real_view(fn):
    """The standard's ``real``, with NumPy's views: the real part of a complex tensor is
    a view of its memory (``np.real(z)[...] = 0`` writes into ``z``), and a real tensor
    is its own real part (NumPy's ``np.real(x) is x``). A tensor autograd follows gets
    the standard's differentiable copy of a complex tensor's part."""

    def real(x, /, *args, **kwargs):
        if _is_tensor(x) and not args and not kwargs:
            if x.dtype.kind != "c":
                if x.dtype.kind not in "biuf":
                    return fn(x)  # (the standard's error)
                return x
            view = memory_view(x, x._data.real)
            if view is not None:
                return view
        return fn(x, *args, **kwargs)

    return real


def _imag_view(fn):
    """The standard's ``imag``, with NumPy's view of a complex tensor's imaginary part
    (writes through it reach the tensor), as ``real``."""

    def imag(x, /, *args, **kwargs):
        if _is_tensor(x) and x.dtype.kind == "c" and not args and not kwargs:
            view = memory_view(x, x._data.imag)
            if view is not None:
                return view
        return fn(x, *args, **kwargs)

    return imag


_EXTENSIONS = {"real": _real_view, "imag": _imag_view, "where": _where_one_argument, "finfo": _finfo_numpy, "iinfo": _iinfo_numpy,
               "result_type": _result_type_numpy}


def extended_rows(rows):
    """The registry's rows with the standard's functions that NumPy calls in more ways
    (``where(condition)``, ``finfo(...).resolution``) extended, for ``build_registry``;
    each keeps the standard's signature (``__wrapped__``) and its C path."""
    out = []
    for op in rows:
        if op.name in _beyond.ENTRY_POINTS:  # NumPy's result for data beyond the 13 dtypes
            op = dataclasses.replace(op, func=_beyond.with_numpy_data(op.name, op.func))
        # NumPy's calls the standard leaves open (sort(x, axis=None), std(x, ddof=1), ...)
        op = _extras.with_numpy_fallback(op, NUMPY_SIGNATURES, NUMPY_LINALG, NUMPY_FFT)
        extend = _EXTENSIONS.get(op.name) if op.section != "numpy" else None
        if extend is None:
            out.append(op)
            continue
        fn = op.func
        wrapped = extend(fn)
        wrapped.__name__ = wrapped.__qualname__ = fn.__name__
        wrapped.__doc__ = fn.__doc__
        wrapped.__wrapped__ = fn
        if fn in _ufunc.SPECS:
            # a ufunc (real, imag): the extension in a front of its own, with the ufunc's
            # attributes and methods; calls with NumPy's keywords go to the ufunc's
            wrapped = _ufunc.attach(interposed(op.name, wrapped, public_name(op)),
                                    _ufunc.SPECS[fn])
        out.append(dataclasses.replace(op, func=wrapped))
    return out


# ------------------------------------------------------------------ declarations

_FFT2 = {name: _fft2(name) for name in ("fft2", "ifft2", "rfft2", "irfft2")}

# NumPy-only names exported as bridge.<name> (section "numpy"): (name, function,
# differentiable). Every one is a composite of standard functions: no kernels.
_NUMPY_NAMES = [
    ("allclose", allclose, False), ("amax", amax, True), ("amin", amin, True),
    ("angle", angle, True), ("append", append, True), ("argwhere", argwhere, False),
    ("around", around, True), ("array", array, True), ("array_equal", array_equal, False),
    ("array_equiv", array_equiv, False), ("array_split", array_split, True),
    ("asanyarray", asanyarray, True), ("ascontiguousarray", ascontiguousarray, True),
    ("asfortranarray", asfortranarray, True), ("broadcast", broadcast, False),
    ("atleast_1d", atleast_1d, True), ("atleast_2d", atleast_2d, True),
    ("atleast_3d", atleast_3d, True), ("average", average, True),
    ("bincount", bincount, True), ("column_stack", column_stack, True),
    ("concatenate", concatenate, True), ("convolve", convolve, True),
    ("copy", copy, True), ("corrcoef", corrcoef, True), ("correlate", correlate, True),
    ("cov", cov, True), ("cross", cross, True), ("cumprod", cumprod, True),
    ("cumsum", cumsum, True), ("delete", delete, True), ("diag", diag, True),
    ("diag_indices", diag_indices, False), ("diagflat", diagflat, True),
    ("diagonal", diagonal, True), ("digitize", digitize, False), ("dot", dot, True),
    ("dsplit", dsplit, True), ("dstack", dstack, True), ("einsum", einsum, True),
    ("errstate", errstate, False), ("fix", fix, True), ("flatnonzero", flatnonzero, False),
    ("fliplr", fliplr, True), ("flipud", flipud, True), ("geomspace", geomspace, False),
    ("gradient", gradient, True), ("histogram", histogram, True),
    ("histogram_bin_edges", histogram_bin_edges, False), ("hsplit", hsplit, True),
    ("hstack", hstack, True), ("identity", identity, False), ("indices", indices, False),
    ("inner", inner, True), ("interp", interp, True), ("intersect1d", intersect1d, False),
    ("isclose", isclose, False), ("iscomplex", iscomplex, False),
    ("isfortran", isfortran, False),
    ("iscomplexobj", iscomplexobj, False), ("isneginf", isneginf, False),
    ("isposinf", isposinf, False), ("isreal", isreal, False), ("isrealobj", isrealobj, False),
    ("isscalar", isscalar, False), ("kron", kron, True), ("logspace", logspace, False),
    ("median", median, True), ("nan_to_num", nan_to_num, True),
    ("nanargmax", nanargmax, False), ("nanargmin", nanargmin, False),
    ("nancumsum", nancumsum, True), ("nanmax", nanmax, True), ("nanmean", nanmean, True),
    ("nanmedian", nanmedian, True), ("nanmin", nanmin, True),
    ("nanpercentile", nanpercentile, True), ("nanprod", nanprod, True),
    ("nanquantile", nanquantile, True), ("nanstd", nanstd, True), ("nansum", nansum, True),
    ("nanvar", nanvar, True), ("ndim", ndim, False), ("outer", outer, True),
    ("pad", pad, True), ("percentile", percentile, True), ("ptp", ptp, True),
    ("quantile", quantile, True), ("ravel", ravel, True),
    ("ravel_multi_index", ravel_multi_index, False), ("real_if_close", real_if_close, True),
    ("rollaxis", rollaxis, True), ("rot90", rot90, True), ("setdiff1d", setdiff1d, False),
    ("shape", shape, False), ("sinc", sinc, True), ("size", size, False),
    ("split", split, True), ("swapaxes", swapaxes, True), ("trace", trace, True),
    ("transpose", transpose, True), ("trapezoid", trapezoid, True), ("tri", tri, False),
    ("tril_indices", tril_indices, False), ("triu_indices", triu_indices, False),
    ("union1d", union1d, False), ("unique", unique, False),
    ("unravel_index", unravel_index, False), ("vdot", vdot, True), ("vsplit", vsplit, True),
    ("vstack", vstack, True), ("vander", vander, True), ("polyval", polyval, True),
    ("polyfit", polyfit, True),
    ("partition", partition, True), ("argpartition", argpartition, False),
    ("put", put, True), ("place", place, True), ("putmask", putmask, True),
    ("put_along_axis", put_along_axis, True), ("fill_diagonal", fill_diagonal, True),
    ("copyto", copyto, True), ("fromiter", fromiter, False), ("frombuffer", frombuffer, False),
    ("fromfunction", fromfunction, True), ("ndenumerate", ndenumerate, False),
    ("ndindex", ndindex, False), ("nditer", nditer, False), ("packbits", packbits, False),
    ("unpackbits", unpackbits, False), ("lexsort", lexsort, False), ("ix_", ix_, False),
    ("select", select, True), ("piecewise", piecewise, True), ("choose", choose, True),
    ("compress", compress, True), ("extract", extract, True),
    ("trim_zeros", trim_zeros, True), ("ediff1d", ediff1d, True),
    ("nancumprod", nancumprod, True), ("setxor1d", setxor1d, False), ("resize", resize, True),
    ("apply_along_axis", apply_along_axis, True),
    ("tril_indices_from", tril_indices_from, False),
    ("triu_indices_from", triu_indices_from, False),
    ("diag_indices_from", diag_indices_from, False),
    ("asarray_chkfinite", asarray_chkfinite, True), ("issubdtype", issubdtype, False),
    ("promote_types", promote_types, False), ("min_scalar_type", min_scalar_type, False),
    ("common_type", common_type, False),
    # NumPy's files (bridge/_ops/npio.py): NumPy reads and writes, tensors come back
    ("save", npio.save, False), ("load", npio.load, False), ("savez", npio.savez, False),
    ("savez_compressed", npio.savez_compressed, False), ("loadtxt", npio.loadtxt, False),
    ("savetxt", npio.savetxt, False), ("genfromtxt", npio.genfromtxt, False),
    ("fromfile", npio.fromfile, False), ("fromstring", npio.fromstring, False),
]
# more of NumPy's names (bridge/_ops/numpy_extras.py)
_NUMPY_NAMES += _extras.NUMPY_NAMES

# NumPy's functions that take out= (bridge's versions compute the result; numpy_extras'
# numpy_out, the one mechanism, puts it into out at NumPy's place in the signature)
_OUT_NAMES = frozenset({
    "amax", "amin", "around", "choose", "compress", "concatenate", "einsum", "fix",
    "isneginf", "isposinf", "median", "dot", "nanargmax", "nanargmin", "nanmax", "nanmin",
    "nanmean", "nanmedian", "nanstd", "nanvar", "nansum", "nanprod", "percentile",
    "nanpercentile", "quantile", "nanquantile", "outer", "ptp", "trace"})
_NUMPY_NAMES = [(name, _extras.numpy_out(name, func) if name in _OUT_NAMES else func, diff)
                for name, func, diff in _NUMPY_NAMES]

_NONDIFF_UFUNCS = {"invert", "bitwise_not", "left_shift", "right_shift", "gcd", "lcm",
                   "spacing", "bitwise_count"}

# composites that are elementwise (their batching rule under bridge.func.vmap)
_ELEMENTWISE_NAMES = {"angle", "fix", "isneginf", "isposinf", "sinc", "around"}

OPS = [Op(name, "numpy", func, None, diff, kernels=(),
          batch="elementwise" if name in _ELEMENTWISE_NAMES else None)
       for name, func, diff in _NUMPY_NAMES]
OPS += [Op(name, "numpy", func, None, name not in _NONDIFF_UFUNCS, kernels=(),
           batch="elementwise")
        for name, func in sorted(_UFUNC_NAMES.items())]
OPS += [
    Op("linalg.norm", "linalg", norm, "floating-point", True, kernels=()),
    Op("linalg.lstsq", "linalg", lstsq, "floating-point", True, kernels=()),
    Op("linalg.multi_dot", "linalg", multi_dot, "numeric", True, kernels=()),
    Op("linalg.cond", "linalg", cond, "floating-point", True, kernels=(), batch="unary"),
]
OPS += [Op(f"linalg.{name}", "linalg", func, "floating-point", True, kernels=())
        for name, func in _extras.LINALG_NAMES]
OPS += [Op(f"fft.{name}", "fft", func, "numeric", True, kernels=(), batch="reduce")
        for name, func in _FFT2.items()]
# the Tensor method of NumPy's files (section "array": a method, no name of the namespace)
OPS += [Op("tofile", "array", npio.tofile, None, False, kernels=(), methods=("tofile",))]
# ndarray's methods of NumPy names that bridge has as functions (x.compress, x.resize,
# x.put, x.choose, x.partition, x.argpartition)
OPS += [Op("Tensor.compress", "array", tensor_compress, None, True, kernels=(),
           methods=("compress",)),
        Op("Tensor.resize", "array", tensor_resize, None, False, kernels=(),
           methods=("resize",)),
        Op("Tensor.put", "array", tensor_put, None, True, kernels=(), methods=("put",)),
        Op("Tensor.choose", "array", tensor_choose, None, True, kernels=(),
           methods=("choose",)),
        Op("Tensor.partition", "array", tensor_partition, None, True, kernels=(),
           methods=("partition",)),
        Op("Tensor.argpartition", "array", tensor_argpartition, None, False, kernels=(),
           methods=("argpartition",))]


# NumPy function name -> the implementation with NumPy's signature, for the Tensor
# methods and for numpy.<name>(tensor) through __array_function__. Names that
# bridge exports with NumPy's semantics map to themselves.
NUMPY_SIGNATURES = {name: func for name, func, _ in _NUMPY_NAMES}
NUMPY_SIGNATURES.update(_UFUNC_NAMES)
NUMPY_SIGNATURES.update({
    "sum": numpy_sum, "prod": numpy_prod, "mean": _extras.numpy_out("mean", numpy_mean),
    "var": _extras.numpy_out("var", numpy_var), "std": _extras.numpy_out("std", numpy_std),
    "max": amax, "min": amin, "all": numpy_all, "any": numpy_any,
    "argmax": numpy_argmax, "argmin": numpy_argmin, "sort": numpy_sort,
    "argsort": numpy_argsort, "reshape": numpy_reshape, "squeeze": numpy_squeeze,
    "expand_dims": numpy_expand_dims, "flip": numpy_flip, "roll": numpy_roll,
    "tile": numpy_tile, "repeat": numpy_repeat, "take": numpy_take, "clip": numpy_clip,
    "where": numpy_where, "diff": numpy_diff, "tril": numpy_tril, "triu": numpy_triu,
    "stack": numpy_stack, "moveaxis": numpy_moveaxis, "broadcast_to": numpy_broadcast_to,
    "tensordot": numpy_tensordot, "meshgrid": numpy_meshgrid,
    "zeros_like": numpy_like("zeros_like"), "ones_like": numpy_like("ones_like"),
    "empty_like": numpy_like("empty_like"), "full_like": numpy_full_like,
    "isin": numpy_isin, "searchsorted": numpy_searchsorted,
    "count_nonzero": numpy_count_nonzero, "round": numpy_round, "nonzero": numpy_nonzero,
    "astype": numpy_astype, "asarray": numpy_asarray, "linspace": numpy_linspace,
    "arange": numpy_arange,
    "zeros": _numpy_creation("zeros"), "ones": _numpy_creation("ones"),
    "empty": _numpy_creation("empty"), "full": numpy_full, "eye": numpy_eye,
    "broadcast_arrays": lambda *args: B.broadcast_arrays(*args),
    "cumulative_sum": _extras.numpy_out(
        "cumulative_sum", lambda x, /, *, axis=None, dtype=None, include_initial=False:
        B.cumulative_sum(x, axis=axis, dtype=dtype, include_initial=include_initial)),
    "result_type": lambda *args: np.result_type(*[a.dtype if _is_tensor(a) else a
                                                  for a in args]),
    "matrix_transpose": lambda x: B.matrix_transpose(x),
    "vecdot": lambda x1, x2, axis=-1: B.vecdot(x1, x2, axis=axis),
    # the standard's names NumPy has too, with NumPy's signatures (np.real(t) on a GPU
    # tensor must not need NumPy's fallback, which only runs on host memory)
    "real": lambda val: B.real(val), "imag": lambda val: B.imag(val),
    "cumulative_prod": _extras.numpy_out(
        "cumulative_prod", lambda x, /, *, axis=None, dtype=None, include_initial=False:
        B.cumulative_prod(x, axis=axis, dtype=dtype, include_initial=include_initial)),
    "take_along_axis": lambda arr, indices, axis=-1: B.take_along_axis(
        arr, indices, axis=axis) if axis is not None else B.take_along_axis(
        B.reshape(arr, (-1,)), B.reshape(indices, (-1,)), axis=0),
    "unique_all": lambda x: B.unique_all(x), "unique_counts": lambda x: B.unique_counts(x),
    "unique_inverse": lambda x: B.unique_inverse(x),
    "unique_values": lambda x: B.unique_values(x),
    "unstack": lambda x, /, *, axis=0: B.unstack(x, axis=axis),
})

NUMPY_LINALG = {
    "norm": norm, "lstsq": lstsq, "multi_dot": multi_dot, "cond": cond, "svd": numpy_svd,
    "eigh": numpy_eigh, "eigvalsh": numpy_eigvalsh, "qr": numpy_qr, "pinv": numpy_pinv,
    "matrix_rank": numpy_matrix_rank, "solve": numpy_solve,
}
for _name in ("inv", "det", "slogdet", "cholesky", "eig", "eigvals", "matrix_power",
              "svdvals", "matrix_norm", "vector_norm", "diagonal", "trace", "outer", "cross"):
    NUMPY_LINALG[_name] = _float_linalg(_name) if _name in (
        "inv", "det", "slogdet", "cholesky", "eig", "eigvals", "matrix_power", "svdvals",
        "matrix_norm", "vector_norm") else _linalg_passthrough(_name)

NUMPY_LINALG.update({
    "matmul": lambda x1, x2, /: B.matmul(x1, x2),
    "matrix_transpose": lambda x, /: B.matrix_transpose(x),
    "tensordot": lambda x1, x2, /, *, axes=2: B.tensordot(x1, x2, axes=axes),
    "vecdot": lambda x1, x2, /, *, axis=-1: B.vecdot(x1, x2, axis=axis),
})

NUMPY_FFT = {name: _numpy_fft(name) for name in ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft")}
NUMPY_FFT.update({name: _numpy_fftn(name) for name in ("fftn", "ifftn", "rfftn", "irfftn")})
NUMPY_FFT.update(_FFT2)
NUMPY_FFT.update(_extras.NUMPY_FFT)
NUMPY_SIGNATURES.update(_extras.NUMPY_SIGNATURES)
NUMPY_LINALG.update(_extras.NUMPY_LINALG)

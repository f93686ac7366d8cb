"""More of NumPy's API for ``import bridge as np`` (issue 19, "Prove it").

Two kinds of things live here:

* :func:`numpy_fallback`: a standard function that NumPy calls in more ways than the
  standard defines (``sort(x, axis=None)``, ``std(x, ddof=1)``, ``take(x2d, i)``,
  ``linalg.solve`` of integers, ``repeat(x, [1, 2])``) runs the call as the standard
  does when the standard takes it, and with NumPy's semantics (the function of
  ``NUMPY_SIGNATURES``) when the standard refuses it: the standard leaves such calls
  unspecified, so NumPy's answer is an extension, never a disagreement. A call that
  both refuse raises the standard's error.
* NumPy's functions and objects that bridge lacked (window functions, ``histogram2d``,
  ``poly1d``, ``vectorize``, ``array2string``, ``lib.stride_tricks``, ...), written with
  the registry's functions (``B``) so that they run on every backend.
"""

from __future__ import annotations

import dataclasses
import math
import numbers
import operator
import os
import sys
import threading
import types
from types import FunctionType

import numpy as np

from .. import _dispatch
from .._dtypes import ALL_DTYPES
from .._registry import ops as B
from .._registry import write_out

_SUPPORTED = frozenset(ALL_DTYPES)
builtins_range = range  # (histogramdd's parameter is called range, as NumPy's)

# the standard names whose NumPy fallback runs now, per thread: a NumPy version that
# calls the standard function it extends never falls back into itself
_ACTIVE = threading.local()


def numpy_fallback(name: str, fn, numpy_fn):
    """``fn`` (a standard function) that gives a call the standard refuses to
    ``numpy_fn`` (NumPy's version of it); ``numpy_fn`` is also ``call.numpy_fallback``,
    for the registry's positional wrapper (NumPy's longer positional lists).

    The standard's own answers stay: a LinAlgError (a singular or non-finite matrix),
    and the refusal of a non-bool value for one of its bool parameters (``keepdims``,
    ``stable``, ...), which NumPy would take by its truth."""
    import inspect

    signature = inspect.signature(fn)
    bools = frozenset(p.name for p in signature.parameters.values()
                      if isinstance(p.default, bool))

    def takes(args, kwargs):
        try:
            signature.bind(*args, **kwargs)
        except TypeError:
            return False
        return True

    def call(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except np.linalg.LinAlgError:
            raise
        except (TypeError, ValueError) as exc:
            active = _ACTIVE.__dict__.setdefault("names", set())
            if name in active or any(k in bools and not isinstance(v, (bool, np.bool_))
                                     for k, v in kwargs.items()):
                raise
            active.add(name)
            try:
                return numpy_fn(*args, **kwargs)
            except np.linalg.LinAlgError:
                raise  # NumPy's answer: a singular matrix, not a refused call
            except (TypeError, ValueError):
                if not takes(args, kwargs):
                    raise  # a call only NumPy's signature takes (UPLO=): NumPy's error
                raise exc from None  # NumPy refuses the call too: the standard's error
            finally:
                active.discard(name)

    call.__name__ = call.__qualname__ = fn.__name__
    call.__doc__ = fn.__doc__
    call.__wrapped__ = fn
    call.numpy_fallback = numpy_fn
    return call


def with_numpy_fallback(op, signatures, linalg, fft):
    """Registry row ``op`` of the standard with :func:`numpy_fallback` around its
    function, where NumPy's version (in the tables ``signatures``, ``linalg``, ``fft``
    of ``numpy_compat``) is another function; other rows as they are."""
    if op.section in ("numpy", "array") or not isinstance(op.func, FunctionType):
        return op
    extension, _, short = op.name.rpartition(".")
    table = {"": signatures, "linalg": linalg, "fft": fft}.get(extension)
    numpy_fn = None if table is None else table.get(short)
    if numpy_fn is None or numpy_fn is op.func:
        return op
    return dataclasses.replace(op, func=numpy_fallback(op.name, op.func, numpy_fn))


# ------------------------------------------------------------------ out=

# NumPy's rule for the dtype of ``out=`` where it is not "same_kind": the reductions
# NumPy runs as ufunc.reduce/accumulate into ``out`` (nansum, amax, ...) and those that
# copy their result in (nanmedian, choose, ...) cast unsafely; a function with a
# ``casting=`` parameter (einsum: "safe", concatenate: "same_kind") takes that keyword
OUT_CASTING = {name: "unsafe" for name in (
    "nansum", "nanprod", "nanmax", "nanmin", "nanmedian", "nanpercentile", "nanquantile",
    "amax", "amin", "trace", "compress", "choose", "cumulative_sum", "cumulative_prod")}
OUT_CASTING["einsum"] = "safe"  # (einsum's casting= default, a keyword of its **kwargs)


def numpy_out(name: str, fn, numpy_name: str | None = None):
    """``fn`` (bridge's version of NumPy's ``name``, without ``out``) that takes NumPy's
    ``out=``, as a keyword or at its place among NumPy's positional parameters (read off
    NumPy's own signature): the result is written into ``out``, a Tensor of exactly the
    result's shape (else ValueError), its dtype reached by NumPy's casting rule for the
    function (``OUT_CASTING``; "same_kind" unless listed; else TypeError), and ``out``
    is returned. A call without ``out`` is ``fn``'s own. The one mechanism behind the
    ``out=`` of bridge's NumPy names."""
    import inspect

    numpy_sig = inspect.signature(getattr(np, numpy_name or name))
    params = list(numpy_sig.parameters.values())
    # NumPy's casting= keyword (einsum, concatenate) is the rule for out, unless fn takes it
    own_params = inspect.signature(fn).parameters
    casting_param = numpy_sig.parameters.get("casting")
    takes_casting = "casting" not in own_params and (casting_param is not None or any(
        p.kind == p.VAR_KEYWORD for p in params))
    fn_casting = "casting" in own_params and casting_param is not None
    default_rule = casting_param.default if casting_param is not None and takes_casting \
        else OUT_CASTING.get(name, "same_kind")
    reduced = numpy_sig.replace(parameters=[p for p in params if p.name != "out" and not (
        takes_casting and p.name == "casting")])
    variadic = any(p.kind == p.VAR_POSITIONAL for p in own_params.values())
    n_positional = sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                       for p in own_params.values())
    numpy_positional = [p.name for p in params
                        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    out_at = numpy_positional.index("out") if "out" in numpy_positional else None

    def call(*args, **kwargs):
        if "out" not in kwargs and (out_at is None or len(args) <= out_at) \
                and not (takes_casting and "casting" in kwargs):
            return fn(*args, **kwargs)
        try:
            bound = numpy_sig.bind(*args, **kwargs)
        except TypeError as exc:
            raise TypeError(f"{name}: {exc}") from None
        arguments = dict(bound.arguments)
        out = arguments.pop("out", None)
        rule = default_rule
        if fn_casting:  # fn checks its inputs by casting=; out takes the same rule
            rule = arguments.get("casting", casting_param.default)
        if takes_casting:
            rule = arguments.pop("casting", rule)
            var_keyword = [p.name for p in params if p.kind == p.VAR_KEYWORD]
            if var_keyword and "casting" in arguments.get(var_keyword[0], {}):
                arguments[var_keyword[0]] = dict(arguments[var_keyword[0]])
                rule = arguments[var_keyword[0]].pop("casting")
        if out is not None and not isinstance(out, B.Tensor):
            raise TypeError(f"{name}: out must be a Tensor, got {type(out).__name__}")
        inner = inspect.BoundArguments(reduced, arguments)
        call_args, call_kwargs = list(inner.args), dict(inner.kwargs)
        if not variadic:  # NumPy's positional ones past fn's own go by name
            extra = [p for p in reduced.parameters.values()
                     if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)][n_positional:]
            for p, value in zip(extra, call_args[n_positional:]):
                call_kwargs[p.name] = value
            call_args = call_args[:n_positional]
        result = fn(*call_args, **call_kwargs)
        if out is None:
            return result
        return write_numpy_out(name, out, result, rule)

    call.__name__ = call.__qualname__ = getattr(fn, "__name__", name)
    call.__doc__ = fn.__doc__
    call.__wrapped__ = fn
    # fn's parameters and out (as a keyword): what NumPy's __array_function__ protocol
    # asks before it hands numpy.nanmean(x, out=t) to bridge (a GPU tensor cannot take
    # NumPy's host fallback)
    own = inspect.signature(fn)
    if "out" not in own.parameters:
        keep = [p for p in own.parameters.values() if p.kind != p.VAR_KEYWORD]
        extra = [p for p in own.parameters.values() if p.kind == p.VAR_KEYWORD]
        own = own.replace(parameters=keep + [inspect.Parameter(
            "out", inspect.Parameter.KEYWORD_ONLY, default=None)] + extra)
    call.__signature__ = own
    if hasattr(fn, "numpy_fallback"):
        call.numpy_fallback = fn.numpy_fallback
    return call


def write_numpy_out(name: str, out, result, casting: str = "same_kind"):
    """``result`` written into Tensor ``out`` by NumPy's ``casting`` rule (``"unsafe"``,
    ``"same_kind"``, ``"safe"``, ...); ``out`` returned (``_registry.write_out``)."""
    if not isinstance(out, B.Tensor):
        raise TypeError(f"{name}: out must be a Tensor, got {type(out).__name__}")
    if not _is_tensor(result):
        result = B.asarray(result, device=out.device)
    if isinstance(result, B.Tensor) and out.shape == result.shape and result.dtype != out.dtype:
        if not np.can_cast(result.dtype, out.dtype, casting=casting):
            raise TypeError(f"{name}: cannot write a {result.dtype} result into out of dtype "
                            f"{out.dtype} (NumPy's {casting} casting)")
        result = B.astype(result, out.dtype)
    return write_out(name, out, result)


# ------------------------------------------------------------------ helpers


def _tensor(x, func, argname="a"):
    return _dispatch.as_tensor(x, func, argname)


def _is_tensor(x) -> bool:
    return isinstance(x, _dispatch.TENSOR)


def _float(x):
    """x itself if it is inexact, else x as float64 (NumPy's integer -> float rule)."""
    return B.astype(x, B.float64) if x.dtype.kind in "biu" else x


def _host(x):
    """A NumPy array of x's values (a CPU tensor's without a copy)."""
    if _is_tensor(x):
        return np.asarray(x.to_device("cpu"))
    return np.asarray(x)


# ------------------------------------------------------------------ round(x, decimals)


def numpy_round(a, decimals=0, out=None):
    """NumPy's ``round``/``around``: ``decimals`` places (negative: tens, hundreds),
    halves to even, into ``out`` if given."""
    result = B.around(a, decimals)
    return result if out is None else write_out("round", out, result)


def round_call(args, kwargs):
    """Whether a call of the ``round`` ufunc is NumPy's ``round(a, decimals, out)``
    (a second positional argument that is not an output tensor, or ``decimals=``)."""
    return "decimals" in kwargs or (len(args) > 1 and not _is_tensor(args[1])
                                    and args[1] is not None and not isinstance(args[1], tuple))


def _device_of(*values):
    for v in values:
        if _is_tensor(v):
            return v.device
    return None


def _back(value, device=None):
    """A NumPy result as bridge's: a Tensor (on ``device``) of the 13 dtypes, NumPy's
    own array for other dtypes (strings, objects), tuples and lists element by element."""
    if isinstance(value, tuple):
        return tuple(_back(v, device) for v in value)
    if isinstance(value, (np.ndarray, np.generic)):
        if value.dtype in _SUPPORTED:
            return B.asarray(np.asarray(value), device=device)
        return value
    return value


# NumPy's constant beside pi, e, inf and nan
euler_gamma = 0.5772156649015329


# ------------------------------------------------------------------ window functions


def _physical_memory() -> int:
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):  # (no sysconf: no limit known)
        return 1 << 62


def check_fits(func, count, itemsize=8, copies=3):
    """MemoryError naming ``func`` where ``copies`` arrays of ``count`` items (a window's
    samples, a histogram's bins: computed, not merely allocated) exceed the machine's
    memory: the kernel would kill the process part way through, not refuse it."""
    need = count * itemsize * copies
    if need > _physical_memory():
        raise MemoryError(f"{func}: {count} elements need about {need / 2**30:.1f} GiB of "
                          f"working memory, more than this machine's "
                          f"{_physical_memory() / 2**30:.1f} GiB")


def _window_length(M, func, copies=1):
    """A window's ``M`` as NumPy takes it: an integer, or any real number (NumPy computes
    with ``float(M)``: a float M of 5.0 is the window of 5 points, 5.5 spaces its points
    by the fractional length)."""
    if isinstance(M, B.Tensor) and M.ndim == 0 and M.dtype.kind in "biuf":
        M = M.item()
    try:
        M = operator.index(M)
    except TypeError:
        if isinstance(M, (bool, complex)) or not isinstance(M, numbers.Real):
            raise TypeError(f"{func}: M must be a real number, got {type(M).__name__}") from None
        M = float(M)
        if not math.isfinite(M):
            raise ValueError(f"{func}: M must be finite, got {M}") from None
        check_fits(func, max(0, math.ceil(M)), copies=copies)
        return M
    check_fits(func, M, copies=copies)
    return M


def _window(M, formula, func="window"):
    M = _window_length(M, func, copies=5)  # (n, its scaling, the cosines and their sums)
    if M < 1:
        return B.zeros((0,), dtype=B.float64)
    if M == 1:
        return B.ones((1,), dtype=B.float64)
    n = B.arange(1 - M, M, 2, dtype=B.float64)
    return formula(n, M)


def hanning(M):
    """The Hann window of ``M`` points (NumPy's ``hanning``)."""
    return _window(M, lambda n, M: 0.5 + 0.5 * B.cos(math.pi * n / (M - 1)), "hanning")


def hamming(M):
    """The Hamming window of ``M`` points."""
    return _window(M, lambda n, M: 0.54 + 0.46 * B.cos(math.pi * n / (M - 1)), "hamming")


def blackman(M):
    """The Blackman window of ``M`` points."""
    return _window(M, lambda n, M: 0.42 + 0.5 * B.cos(math.pi * n / (M - 1))
                   + 0.08 * B.cos(2.0 * math.pi * n / (M - 1)), "blackman")


def bartlett(M):
    """The Bartlett (triangular) window of ``M`` points."""
    return _window(M, lambda n, M: B.where(
        n <= 0, 1 + n / (M - 1), 1 - n / (M - 1)), "bartlett")


# the modified Bessel function of order 0 (Cephes' Chebyshev expansions, as NumPy's i0)
_I0A = [
    -4.41534164647933937950e-18, 3.33079451882223809783e-17, -2.43127984654795469359e-16,
    1.71539128555513303061e-15, -1.16853328779934516808e-14, 7.67618549860493561688e-14,
    -4.85644678311192946090e-13, 2.95505266312963983461e-12, -1.72682629144155570723e-11,
    9.67580903537323691224e-11, -5.18979560163526290666e-10, 2.65982372468238665035e-9,
    -1.30002500998624804212e-8, 6.04699502254191894932e-8, -2.67079385394061173391e-7,
    1.11738753912010371815e-6, -4.41673835845875056359e-6, 1.64484480707288970893e-5,
    -5.75419501008210370398e-5, 1.88502885095841655729e-4, -5.76375574538582365885e-4,
    1.63947561694133579842e-3, -4.32430999505057594430e-3, 1.05464603945949983183e-2,
    -2.37374148058994688156e-2, 4.93052842396707084878e-2, -9.49010970480476444210e-2,
    1.71620901522208775349e-1, -3.04682672343198398683e-1, 6.76795274409476084995e-1]
_I0B = [
    -7.23318048787475395456e-18, -4.83050448594418207126e-18, 4.46562142029675999901e-17,
    3.46122286769746109310e-17, -2.82762398051658348494e-16, -3.42548561967721913462e-16,
    1.77256013305652638360e-15, 3.81168066935262242075e-15, -9.55484669882830764870e-15,
    -4.15056934728722208663e-14, 1.54008621752140982691e-14, 3.85277838274214270114e-13,
    7.18012445138366623367e-13, -1.79417853150680611778e-12, -1.32158118404477131188e-11,
    -3.14991652796324136454e-11, 1.18891471078464383424e-11, 4.94060238822496958910e-10,
    3.39623202570838634515e-9, 2.26666899049817806459e-8, 2.04891858946906374183e-7,
    2.89137052083475648297e-6, 6.88975834691682398426e-5, 3.36911647825569408990e-3,
    8.04490411014108831608e-1]


def _chbevl(x, coefficients):
    b0 = coefficients[0]
    b1 = 0.0
    b2 = 0.0
    for c in coefficients[1:]:
        b2 = b1
        b1 = b0
        b0 = x * b1 - b2 + c
    return 0.5 * (b0 - b2)


def i0(x):
    """The modified Bessel function of the first kind of order 0 (NumPy's ``i0``)."""
    t = _float(_tensor(x, "i0", "x"))
    if t.dtype.kind == "c":
        raise TypeError("i0 not supported for complex values")
    t = B.abs(t)
    small = t <= 8.0
    ts = B.where(small, t, B.zeros_like(t))
    tl = B.where(small, B.full_like(t, 8.0), t)
    low = B.exp(ts) * _chbevl(ts / 2.0 - 2, _I0A)
    high = B.exp(tl) * _chbevl(32.0 / tl - 2.0, _I0B) / B.sqrt(tl)
    return B.where(small, low, high)


def kaiser(M, beta):
    """The Kaiser window of ``M`` points and shape ``beta``."""
    M = _window_length(M, "kaiser", copies=6)
    if M == 1:
        return B.ones((1,), dtype=B.float64)
    if M <= 0:  # (NumPy's arange(0, M): one point for 0 < M < 1)
        return B.zeros((0,), dtype=B.float64)
    n = B.arange(0, M, dtype=B.float64)
    alpha = (M - 1) / 2.0
    return i0(beta * B.sqrt(1 - ((n - alpha) / alpha) ** 2.0)) / i0(float(beta))


# ------------------------------------------------------------------ histograms in N-d


def histogramdd(sample, bins=10, range=None, density=None, weights=None):  # noqa: A002
    """NumPy's ``histogramdd``: counts of the D-dimensional points ``sample`` (an (N, D)
    array or a sequence of D coordinate arrays) in a grid of bins; returns
    ``(hist, edges)``. Each bin is closed on the left, the last also on the right."""
    func = "histogramdd"
    if isinstance(sample, (list, tuple)) and not _is_tensor(sample):
        columns = [B.reshape(_tensor(s, func, "sample"), (-1,)) for s in sample]
    else:
        t = _tensor(sample, func, "sample")
        if t.ndim == 1:
            t = B.reshape(t, (-1, 1))
        columns = [t[:, i] for i in builtins_range(t.shape[1])]
    D = len(columns)
    N = columns[0].shape[0] if D else 0
    device = columns[0].device if D else None
    try:
        M = len(bins)
        if M != D:
            raise ValueError("The dimension of bins must be equal to the dimension of the "
                             "sample x.")
    except TypeError:
        bins = D * [bins]
    if range is None:
        range = (None,) * D  # noqa: A001
    elif len(range) != D:
        raise ValueError("range argument must have one entry per dimension")
    edges = []
    for i in builtins_range(D):
        b = bins[i]
        if np.ndim(b) == 0 and not _is_tensor(b) or (_is_tensor(b) and b.ndim == 0):
            count = operator.index(b)
            if count < 1:
                raise ValueError(f"`bins[{i}]` must be positive, when an integer")
            check_fits(func, count)
            if range[i] is None:
                if N == 0:
                    lo, hi = 0.0, 1.0
                else:
                    lo, hi = float(B.min(columns[i])), float(B.max(columns[i]))
            else:
                lo, hi = (float(v) for v in range[i])
                if lo > hi:
                    raise ValueError(f"max must be larger than min in range parameter {i}")
            if not (math.isfinite(lo) and math.isfinite(hi)):
                raise ValueError(f"supplied range of [{lo}, {hi}] is not finite")
            if lo == hi:
                lo, hi = lo - 0.5, hi + 0.5
            edges.append(B.linspace(lo, hi, count + 1, dtype=B.float64, device=device))
        else:
            e = _tensor(b, func, "bins")
            if e.ndim != 1:
                raise ValueError(f"`bins[{i}]` must be a scalar or 1d array")
            if bool(B.any(B.diff(e) < 0)):
                raise ValueError(f"`bins[{i}]` must be monotonically increasing, when an array")
            edges.append(e)
    nbin = [e.shape[0] + 1 for e in edges]  # the outliers' bins at both ends
    check_fits(func, math.prod(nbin))
    flat = B.zeros((N,), dtype=B.int64, device=device)
    for i in builtins_range(D):
        x, e = columns[i], edges[i]
        common = np.result_type(x.dtype, e.dtype)
        x, e = B.astype(x, common, copy=False), B.astype(e, common, copy=False)
        index = B.searchsorted(e, x, side="right")
        index = B.where(x == e[-1], index - 1, index)
        flat = flat * nbin[i] + B.astype(index, B.int64)
    w = None if weights is None else B.reshape(_tensor(weights, func, "weights"), (-1,))
    hist = B.bincount(flat, w, minlength=math.prod(nbin))
    hist = _float(B.reshape(hist, tuple(nbin)))
    hist = hist[(slice(1, -1),) * D]
    if density:
        total = B.sum(hist)
        for i in builtins_range(D):
            shape = [1] * D
            shape[i] = nbin[i] - 2
            hist = hist / B.reshape(B.diff(_float(edges[i])), tuple(shape))
        hist = hist / total
    return hist, edges


def histogram2d(x, y, bins=10, range=None, density=None, weights=None):  # noqa: A002
    """NumPy's ``histogram2d``: ``(H, xedges, yedges)`` of the points (x, y); H[i, j]
    counts the points with x in bin i and y in bin j."""
    try:
        n = len(bins)
    except TypeError:
        n = 1
    if n != 1 and n != 2:
        bins = [bins, bins]
    hist, edges = histogramdd([x, y], bins, range, density, weights)
    return hist, edges[0], edges[1]


# ------------------------------------------------------------------ complex sorting


def complex_argsort(x, axis=-1):
    """NumPy's order of complex numbers: by real part, then imaginary part (stable)."""
    axis = _dispatch.normalize_axis(axis, x.ndim, "argsort")
    moved = B.moveaxis(x, axis, -1)
    shape = moved.shape
    rows = B.reshape(moved, (-1, shape[-1])) if moved.ndim != 1 else B.reshape(moved, (1, -1))
    order = B.argsort(B.imag(rows), axis=-1, stable=True)
    real = B.take_along_axis(B.real(rows), order, axis=-1)
    order = B.take_along_axis(order, B.argsort(real, axis=-1, stable=True), axis=-1)
    return B.moveaxis(B.reshape(order, shape), -1, axis)


def complex_sort(x, axis=-1):
    """``x`` (complex) sorted along ``axis`` in NumPy's order."""
    return B.take_along_axis(x, complex_argsort(x, axis), axis=axis)


def sort_complex(a):
    """``a`` sorted along its last axis by real part, then imaginary part, as a complex
    array (complex64 for int8, int16, uint8 and uint16 as NumPy gives, else complex128)."""
    x = _tensor(a, "sort_complex")
    if x.dtype.kind == "c":
        return complex_sort(x, -1)
    if x.dtype.kind == "b":
        x = B.astype(x, B.uint8)
        return B.astype(B.sort(x, axis=-1), B.complex128)
    target = B.complex64 if x.dtype.char in "bhBH" else B.complex128
    return B.astype(B.sort(x, axis=-1), target)


# ------------------------------------------------------------------ printing


def _print_options(func, max_line_width, precision, suppress_small, **strings):
    """The printing options as NumPy takes them, checked (NumPy's printing would write
    into an array given as ``max_line_width``, and fail obscurely on other types)."""
    options = []
    for name, value in (("max_line_width", max_line_width), ("precision", precision)):
        if value is not None:
            if isinstance(value, (bool, np.bool_)):
                raise TypeError(f"{func}: {name} must be an int or None, got a bool")
            try:
                value = operator.index(value)
            except TypeError:
                raise TypeError(f"{func}: {name} must be an int or None, got "
                                f"{type(value).__name__}") from None
        options.append(value)
    if suppress_small is not None and not isinstance(suppress_small, (bool, np.bool_)):
        raise TypeError(f"{func}: suppress_small must be a bool or None, got "
                        f"{type(suppress_small).__name__}")
    options.append(None if suppress_small is None else bool(suppress_small))
    for name, value in strings.items():
        if not isinstance(value, str):
            raise TypeError(f"{func}: {name} must be a str, got {type(value).__name__}")
        options.append(value)
    return options


def _printable(a, func):
    if _is_tensor(a):
        return _host(a)
    try:
        return np.asarray(a)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{func}: cannot print {type(a).__name__} ({exc})") from None


def array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=" ",
                 prefix="", *args, **kwargs):
    """NumPy's ``array2string`` of the values of ``a`` (NumPy's print options apply)."""
    func = "array2string"
    options = _print_options(func, max_line_width, precision, suppress_small,
                             separator=separator, prefix=prefix)
    try:
        return np.array2string(_printable(a, func), *options, *args, **kwargs)
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise TypeError(f"{func}: {exc}") from None


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    """NumPy's ``array_str``: what ``print`` shows of ``a``."""
    func = "array_str"
    return np.array_str(_printable(a, func), *_print_options(func, max_line_width, precision,
                                                               suppress_small))


def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    """NumPy's ``array_repr`` of the values of ``arr`` (``array([1, 2])``)."""
    func = "array_repr"
    return np.array_repr(_printable(arr, func), *_print_options(func, max_line_width,
                                                                  precision, suppress_small))


def format_float_positional(x, *args, **kwargs):
    """NumPy's ``format_float_positional`` of a number (a 0-d tensor too)."""
    return np.format_float_positional(_host(x)[()], *args, **kwargs)


def format_float_scientific(x, *args, **kwargs):
    """NumPy's ``format_float_scientific``."""
    return np.format_float_scientific(_host(x)[()], *args, **kwargs)


def binary_repr(num, width=None):
    """NumPy's ``binary_repr`` of an int (a 0-d integer tensor too)."""
    return np.binary_repr(operator.index(num), width)


def base_repr(number, base=2, padding=0):
    """NumPy's ``base_repr``."""
    return np.base_repr(operator.index(number), base, padding)


# ------------------------------------------------------------------ Python functions on arrays


def _hosted(args):
    return tuple(_host(a) if _is_tensor(a) else a for a in args)


class vectorize:  # noqa: N801 - NumPy's name
    """NumPy's ``vectorize``: ``pyfunc`` called on the elements (or, with a
    ``signature``, the core sub-arrays) of broadcast inputs, as NumPy calls it (with
    NumPy scalars and arrays); the results come back as tensors on the inputs'
    device (NumPy arrays for dtypes beyond the standard's, such as strings)."""

    def __init__(self, pyfunc=None, otypes=None, doc=None, excluded=None, cache=False,
                 signature=None):
        if pyfunc is None:  # the decorator with arguments: @vectorize(otypes=...)
            self._options = (otypes, doc, excluded, cache, signature)
            self._numpy = None
            return
        if otypes is not None and not isinstance(otypes, str):
            otypes = [np.dtype(t) for t in otypes]
        self._numpy = np.vectorize(pyfunc, otypes=otypes, doc=doc, excluded=excluded,
                                   cache=cache, signature=signature)
        self.pyfunc = pyfunc
        self.__doc__ = self._numpy.__doc__
        self.__name__ = getattr(pyfunc, "__name__", "vectorize")

    def __call__(self, *args, **kwargs):
        if self._numpy is None:
            return vectorize(args[0], *self._options)
        device = _device_of(*args, *kwargs.values())
        kwargs = {k: _host(v) if _is_tensor(v) else v for k, v in kwargs.items()}
        return _back(self._numpy(*_hosted(args), **kwargs), device)


class _PyUfunc:
    """What ``frompyfunc`` returns: NumPy's object ufunc, called with tensors moved to
    the host; its results are NumPy's object arrays (beyond the standard's dtypes), and
    it has NumPy's ufunc methods ``reduce``, ``accumulate``, ``reduceat``, ``outer``
    and ``at`` (``at`` writes into a NumPy array; a Tensor holds no objects)."""

    def __init__(self, ufunc, name):
        self._ufunc = ufunc
        self.__name__ = self.__qualname__ = name
        self.__doc__ = ufunc.__doc__

    nin = property(lambda self: self._ufunc.nin)
    nout = property(lambda self: self._ufunc.nout)
    nargs = property(lambda self: self._ufunc.nargs)
    ntypes = property(lambda self: self._ufunc.ntypes)
    types = property(lambda self: self._ufunc.types)
    identity = property(lambda self: self._ufunc.identity)
    signature = property(lambda self: self._ufunc.signature)

    def _method(self, name, args, kwargs):
        kwargs = {k: _host(v) if _is_tensor(v) else v for k, v in kwargs.items()}
        return getattr(self._ufunc, name)(*_hosted(args), **kwargs)

    def __call__(self, *args, **kwargs):
        return self._method("__call__", args, kwargs)

    def reduce(self, *args, **kwargs):
        return self._method("reduce", args, kwargs)

    def accumulate(self, *args, **kwargs):
        return self._method("accumulate", args, kwargs)

    def reduceat(self, *args, **kwargs):
        return self._method("reduceat", args, kwargs)

    def outer(self, *args, **kwargs):
        return self._method("outer", args, kwargs)

    def at(self, a, *args, **kwargs):
        if _is_tensor(a):
            raise TypeError(f"frompyfunc: {self.__name__}.at writes object results, which "
                            "a bridge Tensor cannot hold; call it on a NumPy object array")
        return self._method("at", (a, *args), kwargs)

    def __repr__(self):
        return f"<bridge frompyfunc ufunc {self.__name__!r}>"


def frompyfunc(func, /, nin, nout, *, identity=None):
    """NumPy's ``frompyfunc``: a ufunc over broadcast inputs whose results are NumPy
    object arrays (beyond the standard's dtypes: NumPy's own arrays come back), with
    NumPy's ufunc methods (``reduce``, ``accumulate``, ``outer``, ...)."""
    kw = {} if identity is None else {"identity": identity}
    return _PyUfunc(np.frompyfunc(func, nin, nout, **kw), getattr(func, "__name__", "frompyfunc"))


def einsum_path(subscripts, *operands, optimize="greedy", einsum_call=False):
    """NumPy's ``einsum_path``: the contraction order NumPy's optimizer picks and its
    report (FLOP counts, intermediates). Only the operands' shapes matter, so NumPy
    plans on stand-ins of the tensors' shapes and dtypes (no data is copied)."""
    def stand_in(op):
        if _is_tensor(op):
            return np.broadcast_to(np.zeros((), dtype=np.dtype(str(op.dtype))), op.shape)
        return op

    try:
        # (the interleaved form einsum_path(a, [0, 1], b, [1, 2]) passes an operand first)
        return np.einsum_path(stand_in(subscripts), *[stand_in(op) for op in operands],
                              optimize=optimize, einsum_call=einsum_call)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"einsum_path: {exc}") from None
    except (KeyError, IndexError, AttributeError) as exc:
        # NumPy's planner trips over arguments it does not check (optimize={'a': 1})
        raise ValueError(f"einsum_path: NumPy could not plan these arguments "
                         f"({type(exc).__name__}: {exc})") from None


def mask_indices(n, mask_func, k=0):
    """NumPy's ``mask_indices``: the indices where ``mask_func(ones((n, n)), k)`` (such
    as ``triu`` or ``tril``) is non-zero."""
    n = operator.index(n)
    if n < 0:
        raise ValueError(f"mask_indices: n must be non-negative, got {n}")
    check_fits("mask_indices", n * n)
    a = _tensor(mask_func(B.ones((n, n), dtype=B.int64), k), "mask_indices", "mask_func")
    return B.nonzero(a != 0)


def apply_over_axes(func, a, axes):
    """``func(a, axis)`` applied over each of ``axes`` in turn, keeping the number of
    dimensions (NumPy's ``apply_over_axes``)."""
    val = _tensor(a, "apply_over_axes")
    N = val.ndim
    if np.ndim(axes) == 0:
        axes = (axes,)
    for axis in axes:
        axis = operator.index(axis)
        if axis < 0:
            axis = N + axis
        res = _tensor(func(val, axis), "apply_over_axes")
        if res.ndim == val.ndim:
            val = res
        else:
            res = B.expand_dims(res, axis=axis)
            if res.ndim != val.ndim:
                raise ValueError("function is not returning an array of the correct shape")
            val = res
    return val


# ------------------------------------------------------------------ polynomials


def eigvals_numpy(a):
    """NumPy's ``linalg.eigvals``: real eigenvalues of a real matrix come back real."""
    x = _float(_tensor(a, "linalg.eigvals"))
    w = B.linalg.eigvals(x)
    if x.dtype.kind != "c" and bool(B.all(B.imag(w) == 0)):
        w = B.real(w)
    return w


def eig_numpy(a):
    """NumPy's ``linalg.eig``: a real matrix with real eigenvalues gives real
    eigenvalues and eigenvectors."""
    x = _float(_tensor(a, "linalg.eig"))
    result = B.linalg.eig(x)
    w, v = result
    if x.dtype.kind != "c" and bool(B.all(B.imag(w) == 0)):
        return type(result)(B.real(w), B.real(v))
    return result


def _coeffs(p, func, argname="p"):
    return p.coeffs if isinstance(p, poly1d) else _tensor(p, func, argname)


def roots(p):
    """The roots of the polynomial with coefficients ``p`` (highest power first), as
    the eigenvalues of its companion matrix (NumPy's ``roots``)."""
    c = B.atleast_1d(_coeffs(p, "roots"))
    if c.ndim != 1:
        raise ValueError("Input must be a rank-1 array.")
    nonzero = B.nonzero(c)[0]
    if nonzero.shape[0] == 0:
        return B.zeros((0,), dtype=B.float64, device=c.device)
    first, last = int(nonzero[0]), int(nonzero[-1])
    trailing = c.shape[0] - last - 1
    c = _float(c[first:last + 1])
    n = c.shape[0]
    if n > 1:
        A = B.diag(B.ones((n - 2,), dtype=c.dtype, device=c.device), -1)
        A[0, :] = -c[1:] / c[0]
        r = eigvals_numpy(A)
    else:
        r = B.zeros((0,), dtype=B.float64, device=c.device)
    return B.concat([r, B.zeros((trailing,), dtype=r.dtype, device=c.device)])


def _mintype(dtype):
    """NumPy's ``mintypecode`` for poly: float32, float64, complex64 or complex128."""
    return dtype if dtype.kind in "fc" else B.float64


def poly(seq_of_zeros):
    """The coefficients of the monic polynomial with the given roots (or of a square
    matrix's characteristic polynomial)."""
    z = B.atleast_1d(_coeffs(seq_of_zeros, "poly", "seq_of_zeros"))
    sh = z.shape
    if len(sh) == 2 and sh[0] == sh[1] and sh[0] != 0:
        z = eigvals_numpy(z)
    elif len(sh) == 1:
        z = B.astype(z, _mintype(z.dtype), copy=False)
    else:
        raise ValueError("input must be 1d or non-empty square 2d array.")
    if z.shape[0] == 0:
        return 1.0
    a = B.ones((1,), dtype=z.dtype, device=z.device)
    for k in builtins_range(z.shape[0]):
        a = B.convolve(a, B.stack([B.ones((), dtype=z.dtype, device=z.device), -z[k]]))
    if a.dtype.kind == "c":
        r = B.astype(z, B.complex128)
        if bool(B.all(complex_sort(r) == complex_sort(B.conj(r)))):
            a = B.real(a)
    return a


def polyder(p, m=1):
    """The ``m``-th derivative of a polynomial (coefficients, or a poly1d)."""
    m = operator.index(m)
    if m < 0:
        raise ValueError("Order of derivative must be positive (see polyint)")
    c = _coeffs(p, "polyder")
    for _ in builtins_range(m):
        if c.shape[0] == 0:
            break  # every further derivative is the empty polynomial (as NumPy's)
        n = c.shape[0] - 1
        c = c[:-1] * B.arange(n, 0, -1, device=c.device)
    return poly1d(c) if isinstance(p, poly1d) else c


def polyint(p, m=1, k=None):
    """The ``m``-th antiderivative of a polynomial, with integration constants ``k``."""
    m = operator.index(m)
    if m < 0:
        raise ValueError("Order of integral must be positive (see polyder)")
    check_fits("polyint", m)
    if k is None:
        k = np.zeros(m, float)
    k = np.atleast_1d(_host(k) if _is_tensor(k) else k)
    if k.dtype.kind not in "biufc":
        raise TypeError(f"polyint: k (the integration constants) must be numbers, got "
                        f"{k.dtype}")
    if len(k) == 1 and m > 1:
        k = k[0] * np.ones(m, float)
    if len(k) < m:
        raise ValueError("k must be a scalar or a rank-1 array of length 1 or >m.")
    c = _coeffs(p, "polyint")
    for i in builtins_range(m):
        c = B.concat([c / B.arange(c.shape[0], 0, -1, device=c.device),
                      B.asarray([k[i]], dtype=np.result_type(c.dtype, k.dtype, np.float64),
                                device=c.device)])
    return poly1d(c) if isinstance(p, poly1d) else c


def _pad_front(c, n):
    return B.concat([B.zeros((n,), dtype=c.dtype, device=c.device), c]) if n else c


def polyadd(a1, a2):
    """The sum of two polynomials."""
    x = B.atleast_1d(_coeffs(a1, "polyadd", "a1"))
    y = B.atleast_1d(_coeffs(a2, "polyadd", "a2"))
    diff = y.shape[0] - x.shape[0]
    val = _pad_front(x, max(diff, 0)) + _pad_front(y, max(-diff, 0))
    return poly1d(val) if isinstance(a1, poly1d) or isinstance(a2, poly1d) else val


def polysub(a1, a2):
    """The difference of two polynomials."""
    x = B.atleast_1d(_coeffs(a1, "polysub", "a1"))
    y = B.atleast_1d(_coeffs(a2, "polysub", "a2"))
    diff = y.shape[0] - x.shape[0]
    val = _pad_front(x, max(diff, 0)) - _pad_front(y, max(-diff, 0))
    return poly1d(val) if isinstance(a1, poly1d) or isinstance(a2, poly1d) else val


def polymul(a1, a2):
    """The product of two polynomials."""
    truepoly = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    val = B.convolve(poly1d(a1).coeffs, poly1d(a2).coeffs)
    return poly1d(val) if truepoly else val


def polydiv(u, v):
    """Quotient and remainder of polynomial division."""
    truepoly = isinstance(u, poly1d) or isinstance(v, poly1d)
    x = B.atleast_1d(_coeffs(u, "polydiv", "u")) + 0.0
    y = B.atleast_1d(_coeffs(v, "polydiv", "v")) + 0.0
    dtype = np.result_type(x.dtype, y.dtype)
    x, y = B.astype(x, dtype), B.astype(y, dtype)
    m, n = x.shape[0] - 1, y.shape[0] - 1
    scale = 1.0 / y[0]
    q = B.zeros((max(m - n + 1, 1),), dtype=dtype, device=x.device)
    r = B.asarray(x, copy=True)
    for k in builtins_range(0, m - n + 1):
        d = scale * r[k]
        q[k] = d
        r[k:k + n + 1] = r[k:k + n + 1] - d * y
    while r.shape[-1] > 1 and bool(B.allclose(r[0], 0, rtol=1e-14)):
        r = r[1:]
    if truepoly:
        return poly1d(q), poly1d(r)
    return q, r


class poly1d:  # noqa: N801 - NumPy's name
    """NumPy's one-dimensional polynomial class: coefficients (highest power first) or
    roots (``r=True``); arithmetic, evaluation, derivatives and integrals."""

    __hash__ = None

    def __init__(self, c_or_r, r=False, variable=None):
        if isinstance(c_or_r, poly1d):
            self._variable = c_or_r._variable if variable is None else variable
            self._coeffs = c_or_r._coeffs
            return
        if r:
            c_or_r = poly(c_or_r)
        c = B.atleast_1d(_tensor(c_or_r, "poly1d", "c_or_r"))
        if c.ndim > 1:
            raise ValueError("Polynomial must be 1d only.")
        nonzero = B.nonzero(c)[0]
        c = c[int(nonzero[0]):] if nonzero.shape[0] else c[:0]
        if c.shape[0] == 0:
            c = B.zeros((1,), dtype=c.dtype, device=c.device)
        self._coeffs = c
        self._variable = "x" if variable is None else variable

    @property
    def coeffs(self):
        """The coefficients, highest power first."""
        return self._coeffs

    @coeffs.setter
    def coeffs(self, value):
        if value is not self._coeffs:
            raise AttributeError("Cannot set attribute")

    c = coef = coefficients = coeffs

    @property
    def variable(self):
        """The name of the polynomial's variable (for printing)."""
        return self._variable

    @property
    def order(self):
        """The degree of the polynomial."""
        return self._coeffs.shape[0] - 1

    o = order

    @property
    def roots(self):
        """The roots of the polynomial."""
        return roots(self._coeffs)

    r = roots

    def __array__(self, dtype=None, copy=None):
        return np.asarray(_host(self._coeffs), dtype=dtype)

    def _numpy(self):
        return np.poly1d(_host(self._coeffs), variable=self._variable)

    def __repr__(self):
        return repr(self._numpy())

    def __str__(self):
        return str(self._numpy())

    def __len__(self):
        return self.order

    def __call__(self, val):
        if isinstance(val, poly1d):
            return poly1d(_compose(self._coeffs, val))
        return B.polyval(self._coeffs, val)

    def __neg__(self):
        return poly1d(-self._coeffs)

    def __pos__(self):
        return self

    def __mul__(self, other):
        if np.isscalar(other) or _is_tensor(other) and other.ndim == 0:
            return poly1d(self._coeffs * other)
        return poly1d(polymul(self._coeffs, poly1d(other).coeffs))

    __rmul__ = __mul__

    def __add__(self, other):
        return poly1d(polyadd(self._coeffs, poly1d(other).coeffs))

    __radd__ = __add__

    def __pow__(self, val):
        if not np.isscalar(val) or int(val) != val or val < 0:
            raise ValueError("Power to non-negative integers only.")
        res = B.ones((1,), dtype=self._coeffs.dtype, device=self._coeffs.device)
        for _ in builtins_range(int(val)):
            res = polymul(self._coeffs, res)
        return poly1d(res)

    def __sub__(self, other):
        return poly1d(polysub(self._coeffs, poly1d(other).coeffs))

    def __rsub__(self, other):
        return poly1d(polysub(poly1d(other).coeffs, self._coeffs))

    def __truediv__(self, other):
        if np.isscalar(other) or _is_tensor(other) and other.ndim == 0:
            return poly1d(self._coeffs / other)
        return polydiv(self, poly1d(other))

    def __rtruediv__(self, other):
        if np.isscalar(other):
            return poly1d(other / self._coeffs)
        return polydiv(poly1d(other), self)

    def __eq__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        if self._coeffs.shape != other._coeffs.shape:
            return False
        return bool(B.all(self._coeffs == other._coeffs))

    def __ne__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        return not self.__eq__(other)

    def __getitem__(self, val):
        ind = self.order - val
        if val > self.order or val < 0:
            return B.zeros((), dtype=self._coeffs.dtype, device=self._coeffs.device)
        return self._coeffs[ind]

    def __setitem__(self, key, val):
        ind = self.order - key
        if key < 0:
            raise ValueError("Does not support negative powers.")
        if key > self.order:
            zr = B.zeros((key - self.order,), dtype=self._coeffs.dtype,
                         device=self._coeffs.device)
            self._coeffs = B.concat([zr, self._coeffs])
            ind = 0
        else:
            self._coeffs = B.asarray(self._coeffs, copy=True)
        self._coeffs[ind] = val

    def __iter__(self):
        return iter(self._coeffs)

    def integ(self, m=1, k=0):
        """The ``m``-th antiderivative, with constants ``k``."""
        return poly1d(polyint(self._coeffs, m=m, k=k))

    def deriv(self, m=1):
        """The ``m``-th derivative."""
        return poly1d(polyder(self._coeffs, m=m))


def _compose(coeffs, q):
    """p(q) for a poly1d q (Horner's scheme on polynomials, as NumPy's polyval)."""
    y = poly1d(B.zeros((1,), dtype=coeffs.dtype, device=coeffs.device))
    for i in builtins_range(coeffs.shape[0]):
        y = y * q + poly1d(coeffs[i:i + 1])
    return y.coeffs


# ------------------------------------------------------------------ stride tricks


def _array_module(raw):
    if raw.__class__ is np.ndarray:
        return np
    return __import__(raw.__class__.__module__.split(".")[0])


def _records_grad(x) -> bool:
    meta = x._meta
    return meta is not None and (getattr(meta, "requires_grad", False)
                                 or getattr(meta, "grad_fn", None) is not None)


def sliding_window_view(x, window_shape, axis=None, *, subok=False, writeable=False):
    """NumPy's ``lib.stride_tricks.sliding_window_view``: every window of
    ``window_shape`` along ``axis`` (all axes when None) as the trailing dimensions of
    a view of ``x`` (read-only unless ``writeable``; on a GPU always writeable, since
    GPU memory has no read-only flag). A tensor that records gradients gets its
    windows gathered (a copy autograd sees)."""
    func = "sliding_window_view"
    t = _tensor(x, func, "x")
    window_shape = (tuple(operator.index(w) for w in window_shape)
                    if np.iterable(window_shape) else (operator.index(window_shape),))
    if any(w < 0 for w in window_shape):
        raise ValueError("`window_shape` cannot contain negative values")
    if axis is None:
        axis = tuple(builtins_range(t.ndim))
        if len(window_shape) != len(axis):
            raise ValueError(f"Since axis is `None`, must provide window_shape for all "
                             f"dimensions of `x`; got {len(window_shape)} window_shape "
                             f"elements and `x.ndim` is {t.ndim}.")
    else:
        axis = tuple(_dispatch.normalize_axis(a, t.ndim, func)
                     for a in (axis if np.iterable(axis) else (axis,)))
        if len(window_shape) != len(axis):
            raise ValueError(f"Must provide matching length window_shape and axis; got "
                             f"{len(window_shape)} window_shape elements and {len(axis)} "
                             "axes elements.")
    trimmed = list(t.shape)
    for ax, dim in zip(axis, window_shape):
        if trimmed[ax] < dim:
            raise ValueError("window shape cannot be larger than input array shape")
        trimmed[ax] -= dim - 1
    if _records_grad(t):
        out = t
        for k, (ax, dim) in enumerate(zip(axis, window_shape)):
            # windows along ax: index (start + offset) as two new axes, the offset last
            n = trimmed[ax] if k == 0 or ax not in axis[:k] else out.shape[ax] - dim + 1
            index = (B.reshape(B.arange(n, device=t.device), (-1, 1))
                     + B.reshape(B.arange(dim, device=t.device), (1, -1)))
            taken = B.take(out, B.reshape(index, (-1,)), axis=ax)
            taken = B.reshape(taken, out.shape[:ax] + (n, dim) + out.shape[ax + 1:])
            out = B.moveaxis(taken, ax + 1, -1)
        return out
    raw = t._data
    module = _array_module(raw)
    if module is np:
        view = np.lib.stride_tricks.sliding_window_view(raw, window_shape, axis=axis,
                                                        writeable=writeable)
    else:
        # GPU memory has no read-only flag (in CuPy as in PyTorch): the windows are
        # writeable whatever ``writeable`` says (CuPy refuses writeable=True outright)
        view = module.lib.stride_tricks.sliding_window_view(raw, window_shape, axis=axis)
    return _dispatch.wrap(view)


def as_strided(x, shape=None, strides=None, subok=False, writeable=True):
    """NumPy's ``lib.stride_tricks.as_strided``: a view of ``x``'s memory with the given
    shape and strides (in bytes). As in NumPy, nothing checks that the view stays
    inside the memory; pass ``writeable=False`` for read-only windows."""
    t = _tensor(x, "as_strided", "x")
    if _records_grad(t):
        raise ValueError("as_strided: a tensor that records gradients has no strided view "
                         "autograd could follow; use sliding_window_view, or detach() first")
    raw = t._data
    module = _array_module(raw)
    if module is np:
        view = np.lib.stride_tricks.as_strided(raw, shape=shape, strides=strides,
                                               writeable=writeable)
    else:
        view = module.lib.stride_tricks.as_strided(raw, shape=shape, strides=strides)
    return _dispatch.wrap(view)


def _overlap(test, a, b, max_work):
    """NumPy's memory test ``test`` ("shares_memory" or "may_share_memory") on the
    arrays under ``a`` and ``b`` (tensors on different devices never share memory)."""
    if _is_tensor(a) and _is_tensor(b) and a.device != b.device:
        return False
    ra = a._data if _is_tensor(a) else np.asarray(a)
    rb = b._data if _is_tensor(b) else np.asarray(b)
    module = _array_module(ra)
    if module is not np:
        return bool(getattr(module, test)(ra, rb))
    return bool(getattr(np, test)(ra, rb, max_work=max_work))


def shares_memory(a, b, max_work=None):
    """Whether ``a`` and ``b`` share memory (NumPy's exact test, on the host arrays;
    tensors on different devices never do)."""
    return _overlap("shares_memory", a, b, max_work)


def may_share_memory(a, b, max_work=None):
    """Whether ``a`` and ``b`` might share memory (NumPy's bounds check)."""
    return _overlap("may_share_memory", a, b, max_work)


# ------------------------------------------------------------------ numpy.polynomial


def _gauss(name):
    rule = {"leggauss": np.polynomial.legendre.leggauss,
            "chebgauss": np.polynomial.chebyshev.chebgauss,
            "hermgauss": np.polynomial.hermite.hermgauss,
            "hermegauss": np.polynomial.hermite_e.hermegauss,
            "laggauss": np.polynomial.laguerre.laggauss}[name]

    def gauss(deg):
        # the nodes and weights depend on deg alone: NumPy's numbers, as tensors
        x, w = rule(operator.index(deg))
        return B.asarray(x), B.asarray(w)

    gauss.__name__ = gauss.__qualname__ = name
    gauss.__doc__ = (f"NumPy's ``polynomial.{rule.__module__.rpartition('.')[2]}.{name}``: "
                     "the nodes and weights of Gauss quadrature of degree ``deg``.")
    return gauss


def _series_coefficients(c, func):
    c = B.atleast_1d(_tensor(c, func, "c"))
    return _float(c)


def legval(x, c, tensor=True):
    """The Legendre series with coefficients ``c`` (lowest degree first) at ``x``, by
    Clenshaw's recursion as NumPy's ``legval``."""
    c = _series_coefficients(c, "legval")
    if isinstance(x, (tuple, list)):
        x = B.asarray(x)
    if _is_tensor(x) and tensor:
        c = B.reshape(c, c.shape + (1,) * x.ndim)
    if c.shape[0] == 1:
        c0, c1 = c[0], 0
    elif c.shape[0] == 2:
        c0, c1 = c[0], c[1]
    else:
        nd = c.shape[0]
        c0, c1 = c[-2], c[-1]
        for i in builtins_range(3, c.shape[0] + 1):
            tmp = c0
            nd = nd - 1
            c0 = c[-i] - (c1 * (nd - 1)) / nd
            c1 = tmp + (c1 * x * (2 * nd - 1)) / nd
    return c0 + c1 * x


def _clenshaw(kind, func):
    """NumPy's ``chebval``, ``hermval``, ``hermeval`` or ``lagval``: the series with
    coefficients ``c`` (lowest degree first) at ``x``, by NumPy's Clenshaw recursion."""
    def value(x, c, tensor=True):
        c = _series_coefficients(c, func)
        if isinstance(x, (tuple, list)):
            x = B.asarray(x)
        if _is_tensor(x) and tensor:
            c = B.reshape(c, c.shape + (1,) * x.ndim)
        n = c.shape[0]
        if n == 1:
            c0, c1 = c[0], 0
        elif n == 2:
            c0, c1 = c[0], c[1]
        else:
            nd = n
            c0, c1 = c[-2], c[-1]
            for i in builtins_range(3, n + 1):
                tmp = c0
                nd = nd - 1
                if kind == "cheb":
                    c0, c1 = c[-i] - c1, tmp + c1 * (2 * x)
                elif kind == "herm":
                    c0, c1 = c[-i] - c1 * (2 * (nd - 1)), tmp + c1 * (x * 2)
                elif kind == "herme":
                    c0, c1 = c[-i] - c1 * (nd - 1), tmp + c1 * x
                else:
                    c0, c1 = c[-i] - (c1 * (nd - 1)) / nd, tmp + (c1 * ((2 * nd - 1) - x)) / nd
        if kind == "herm":
            return c0 + c1 * (x * 2)
        if kind == "lag":
            return c0 + c1 * (1 - x)
        return c0 + c1 * x

    value.__name__ = value.__qualname__ = func
    value.__doc__ = (f"NumPy's ``polynomial.{func}``: the series with coefficients ``c`` "
                     "(lowest degree first) at ``x``, by NumPy's Clenshaw recursion.")
    return value


chebval = _clenshaw("cheb", "chebval")
hermval = _clenshaw("herm", "hermval")
hermeval = _clenshaw("herme", "hermeval")
lagval = _clenshaw("lag", "lagval")


def polynomial_polyval(x, c, tensor=True):
    """The power series with coefficients ``c`` (lowest degree first) at ``x``
    (NumPy's ``polynomial.polynomial.polyval``: Horner's scheme)."""
    c = _series_coefficients(c, "polyval")
    if isinstance(x, (tuple, list)):
        x = B.asarray(x)
    if _is_tensor(x) and tensor:
        c = B.reshape(c, c.shape + (1,) * x.ndim)
    c0 = c[-1] + x * 0
    for i in builtins_range(2, c.shape[0] + 1):
        c0 = c[-i] + c0 * x
    return c0


def _series(c, func):
    """Coefficients (lowest degree first) as NumPy's ``polyutils.as_series``: 1-d,
    integers as float64."""
    c = _series_coefficients(c, func)
    if c.ndim != 1:
        raise ValueError(f"{func}: coefficient array must be 1-d, got shape {c.shape}")
    if c.shape[0] == 0:
        raise ValueError(f"{func}: coefficient array is empty")
    return c


def _trimseq(c):
    """``c`` without its trailing exact zeros (at least one coefficient kept)."""
    nz = B.nonzero(c != 0)[0]
    last = int(nz[-1]) if nz.shape[0] else 0
    return c[:last + 1]


def _series_add(c1, c2):
    if c1.shape[0] < c2.shape[0]:
        c1, c2 = c2, c1
    c1 = B.asarray(c1, copy=True)
    c1[:c2.shape[0]] = c1[:c2.shape[0]] + c2
    return _trimseq(c1)


def _series_mul(c1, c2):
    return _trimseq(B.convolve(c1, c2))


def polynomial_polyfit(x, y, deg, rcond=None, full=False, w=None):
    """The least-squares power series of degree ``deg`` (lowest degree first) through
    ``(x, y)``, as NumPy's ``polynomial.polynomial.polyfit``: a Vandermonde matrix with
    columns scaled to unit norm, solved by ``linalg.lstsq``; ``full=True`` also returns
    ``[residuals, rank, singular values, rcond]``."""
    return _series_fit("polynomial.polyfit", polyvander, x, y, deg, rcond, full, w)


def _series_fit(func, vander, x, y, deg, rcond, full, w):
    """NumPy's ``polyutils._fit``: the least-squares series of degree ``deg`` in the
    basis whose pseudo-Vandermonde matrix ``vander`` gives."""
    xv = _float(_tensor(x, func, "x"))
    yv = _float(_tensor(y, func, "y"))
    deg = _dispatch.integer(func, deg, "deg")
    if deg < 0:
        raise ValueError(f"{func}: expected deg >= 0")
    if xv.ndim != 1:
        raise TypeError(f"{func}: expected 1D vector for x")
    if xv.shape[0] == 0:
        raise TypeError(f"{func}: expected non-empty vector for x")
    if yv.ndim not in (1, 2):
        raise TypeError(f"{func}: expected 1D or 2D array for y")
    if xv.shape[0] != yv.shape[0]:
        raise TypeError(f"{func}: expected x and y to have same length")
    lhs = B.matrix_transpose(vander(xv, deg))
    rhs = B.matrix_transpose(yv) if yv.ndim == 2 else yv
    if w is not None:
        wv = _float(_tensor(w, func, "w"))
        if wv.ndim != 1 or wv.shape[0] != xv.shape[0]:
            raise TypeError(f"{func}: expected 1D vector for w of x's length")
        lhs = lhs * wv
        rhs = rhs * wv
    if rcond is None:
        rcond = xv.shape[0] * float(np.finfo(xv.dtype).eps)
    if lhs.dtype.kind == "c":
        scl = B.sqrt(B.sum(B.real(lhs) ** 2 + B.imag(lhs) ** 2, axis=1))
    else:
        scl = B.sqrt(B.sum(lhs ** 2, axis=1))
    scl = B.where(scl == 0, B.ones_like(scl), scl)
    a = B.matrix_transpose(lhs) / scl
    c, resids, rank, sv = B.linalg.lstsq(a, B.matrix_transpose(rhs) if rhs.ndim == 2 else rhs,
                                         rcond=rcond)
    c = B.matrix_transpose(B.matrix_transpose(c) / scl) if c.ndim == 2 else c / scl
    if full:
        return c, [resids, rank, sv, rcond]
    return c


def polyvander(x, deg):
    """The Vandermonde matrix of the powers 0..deg of ``x`` (NumPy's
    ``polynomial.polynomial.polyvander``: each power the previous one times x)."""
    func = "polynomial.polyvander"
    deg = _dispatch.integer(func, deg, "deg")
    if deg < 0:
        raise ValueError(f"{func}: deg must be non-negative")
    xv = _float(B.atleast_1d(_tensor(x, func, "x")))
    cols = [B.ones_like(xv)]
    for _ in builtins_range(deg):
        cols.append(cols[-1] * xv)
    return B.stack(cols, axis=-1)


def _series_vander(kind, func):
    """NumPy's ``chebvander``, ``legvander``, ``hermvander``, ``hermevander`` or
    ``lagvander``: the pseudo-Vandermonde matrix of the basis polynomials of degree
    0..deg at ``x`` (NumPy's recurrences, in its order of operations)."""
    def vander(x, deg):
        deg = _dispatch.integer(func, deg, "deg")
        if deg < 0:
            raise ValueError(f"{func}: deg must be non-negative")
        xv = _float(B.atleast_1d(_tensor(x, func, "x")))
        cols = [B.ones_like(xv)]
        if deg > 0:
            cols.append({"cheb": xv, "leg": xv, "herm": xv * 2, "herme": xv,
                         "lag": 1 - xv}[kind])
        for i in builtins_range(2, deg + 1):
            v1, v0 = cols[i - 1], cols[i - 2]
            if kind == "cheb":
                cols.append(2 * xv * v1 - v0)
            elif kind == "leg":
                cols.append((v1 * xv * (2 * i - 1) - v0 * (i - 1)) / i)
            elif kind == "herm":
                cols.append(v1 * (xv * 2) - v0 * (2 * (i - 1)))
            elif kind == "herme":
                cols.append(v1 * xv - v0 * (i - 1))
            else:
                cols.append((v1 * (2 * i - 1 - xv) - v0 * (i - 1)) / i)
        return B.stack(cols, axis=-1)

    vander.__name__ = vander.__qualname__ = func.rpartition(".")[2]
    vander.__doc__ = (f"NumPy's ``polynomial.{func}``: the pseudo-Vandermonde matrix of "
                      "the series' basis polynomials of degree 0..deg at ``x``.")
    return vander


def _series_fitter(vander, func):
    def fit(x, y, deg, rcond=None, full=False, w=None):
        return _series_fit(func, vander, x, y, deg, rcond, full, w)

    fit.__name__ = fit.__qualname__ = func.rpartition(".")[2]
    fit.__doc__ = (f"NumPy's ``polynomial.{func}``: the least-squares series of degree "
                   "``deg`` through ``(x, y)`` (columns scaled to unit norm, solved by "
                   "``linalg.lstsq``; ``full=True`` also returns ``[residuals, rank, "
                   "singular values, rcond]``).")
    return fit


_SERIES_MODULES = {"cheb": "chebyshev", "leg": "legendre", "herm": "hermite",
                   "herme": "hermite_e", "lag": "laguerre"}
_VANDERS = {kind: _series_vander(kind, f"{module}.{kind}vander")
            for kind, module in _SERIES_MODULES.items()}
_FITS = {kind: _series_fitter(_VANDERS[kind], f"{module}.{kind}fit")
         for kind, module in _SERIES_MODULES.items()}


def polynomial_polyder(c, m=1, scl=1):
    """The ``m``-th derivative of a power series (lowest degree first), each derivative
    times ``scl`` (NumPy's ``polynomial.polynomial.polyder``)."""
    func = "polynomial.polyder"
    c = _series_coefficients(c, func)
    cnt = _dispatch.integer(func, m, "m")
    if cnt < 0:
        raise ValueError(f"{func}: the order of derivation must be non-negative")
    n = c.shape[0]
    if cnt >= n:
        return c[:1] * 0
    for _ in builtins_range(cnt):
        n -= 1
        c = c * scl
        c = c[1:n + 1] * B.arange(1, n + 1, dtype=c.dtype, device=c.device)
    return c


def polynomial_polyint(c, m=1, k=(), lbnd=0, scl=1):
    """The ``m``-th integral of a power series (lowest degree first), with integration
    constants ``k`` at ``lbnd``, each integral times ``scl`` (NumPy's
    ``polynomial.polynomial.polyint``)."""
    func = "polynomial.polyint"
    c = _series_coefficients(c, func)
    cnt = _dispatch.integer(func, m, "m")
    if cnt < 0:
        raise ValueError(f"{func}: the order of integration must be non-negative")
    k = [k] if np.ndim(k) == 0 else list(k)
    if len(k) > cnt:
        raise ValueError(f"{func}: too many integration constants")
    k = k + [0] * (cnt - len(k))
    for i in builtins_range(cnt):
        n = c.shape[0]
        c = c * scl
        if n == 1 and bool(B.all(c[0] == 0)):
            c = c + k[i]
            continue
        tail = c / B.arange(1, n + 1, dtype=c.dtype, device=c.device)
        tmp = B.concat([c[:1] * 0, tail])
        tmp[0] = tmp[0] + (k[i] - polynomial_polyval(lbnd, tmp))
        c = tmp
    return c


def polyroots(c):
    """The roots of a power series (lowest degree first), sorted: the eigenvalues of
    its companion matrix, real where they all are (NumPy's
    ``polynomial.polynomial.polyroots``)."""
    func = "polynomial.polyroots"
    c = _trimseq(_series(c, func))
    n = c.shape[0] - 1
    if n < 1:
        return c[:0]
    if n == 1:
        return B.reshape(-c[0] / c[1], (1,))
    mat = B.zeros((n, n), dtype=c.dtype, device=c.device)
    if n > 1:
        mat[B.arange(1, n, device=c.device), B.arange(0, n - 1, device=c.device)] = 1
    mat[:, -1] = mat[:, -1] - c[:-1] / c[-1]
    r = eigvals_numpy(B.flip(mat, axis=(0, 1)))
    return complex_sort(r) if r.dtype.kind == "c" else B.sort(r)


def polyfromroots(roots):
    """The monic power series (lowest degree first) with the given roots, by NumPy's
    pairwise products (``polynomial.polynomial.polyfromroots``)."""
    r = B.atleast_1d(_tensor(roots, "polynomial.polyfromroots", "roots"))
    if r.shape[0] == 0:
        return B.ones((1,), dtype=B.float64, device=r.device)
    r = _float(r)
    r = complex_sort(r) if r.dtype.kind == "c" else B.sort(r)
    one = B.ones((1,), dtype=r.dtype, device=r.device)
    p = [B.concat([-r[i:i + 1], one]) for i in builtins_range(r.shape[0])]
    n = len(p)
    while n > 1:
        m, rem = divmod(n, 2)
        tmp = [_series_mul(p[i], p[i + m]) for i in builtins_range(m)]
        if rem:
            tmp[0] = _series_mul(tmp[0], p[-1])
        p = tmp
        n = m
    return p[0]


def _series_pair(c1, c2, func):
    """Two coefficient series as NumPy's ``polyutils.as_series([c1, c2])``: each 1-d,
    trimmed of its trailing zeros, both of their common (inexact) dtype."""
    c1 = _trimseq(_series(c1, func))
    c2 = _trimseq(_series(c2, func))
    dtype = B.result_type(c1, c2)
    return B.astype(c1, dtype), B.astype(c2, dtype)


def polynomial_polyadd(c1, c2):
    """The sum of two power series (lowest degree first; NumPy's
    ``polynomial.polynomial.polyadd``)."""
    return _series_add(*_series_pair(c1, c2, "polynomial.polyadd"))


def polynomial_polysub(c1, c2):
    """The difference ``c1 - c2`` of two power series (lowest degree first; NumPy's
    ``polynomial.polynomial.polysub``)."""
    c1, c2 = _series_pair(c1, c2, "polynomial.polysub")
    return _series_add(c1, -c2)


def polynomial_polymul(c1, c2):
    """The product of two power series (lowest degree first; NumPy's
    ``polynomial.polynomial.polymul``)."""
    return _series_mul(*_series_pair(c1, c2, "polynomial.polymul"))


def polymulx(c):
    """The power series ``c`` times x (NumPy's ``polynomial.polynomial.polymulx``)."""
    c = _trimseq(_series(c, "polynomial.polymulx"))
    if c.shape[0] == 1 and not bool(c[0] != 0):
        return c
    return B.concat([c[:1] * 0, c])


def polynomial_polydiv(c1, c2):
    """Quotient and remainder of the division of two power series (lowest degree
    first), by NumPy's long division (``polynomial.polynomial.polydiv``)."""
    func = "polynomial.polydiv"
    c1, c2 = _series_pair(c1, c2, func)
    if not bool(c2[-1] != 0):
        raise ZeroDivisionError(f"{func}: division by the zero series")
    lc1, lc2 = c1.shape[0], c2.shape[0]
    if lc1 < lc2:
        return c1[:1] * 0, c1
    if lc2 == 1:
        return c1 / c2[-1], c1[:1] * 0
    scl = c2[-1]
    c2 = c2[:-1] / scl
    c1 = B.asarray(c1, copy=True)
    i, j = lc1 - lc2, lc1 - 1
    while i >= 0:
        c1[i:j] = c1[i:j] - c2 * c1[j]
        i, j = i - 1, j - 1
    return c1[j + 1:] / scl, _trimseq(c1[:j + 1])


def polypow(c, pow, maxpower=None):  # noqa: A002 - NumPy's argument name
    """The power series ``c`` raised to the integer power ``pow`` (NumPy's
    ``polynomial.polynomial.polypow``: repeated convolution)."""
    func = "polynomial.polypow"
    c = _trimseq(_series(c, func))
    power = int(pow)
    if power != pow or power < 0:
        raise ValueError(f"{func}: power must be a non-negative integer")
    if maxpower is not None and power > maxpower:
        raise ValueError(f"{func}: power is too large")
    if power == 0:
        return B.ones((1,), dtype=c.dtype, device=c.device)
    prd = c
    for _ in builtins_range(power - 1):
        prd = B.convolve(prd, c)
    return prd


def polyline(off, scl):
    """The power series ``off + scl * x`` (NumPy's ``polynomial.polynomial.polyline``)."""
    return B.asarray([off, scl] if scl != 0 else [off])


def _nd_values(func, grid):
    """NumPy's ``polyval2d``/``polyval3d`` (the series at the points ``(x, y[, z])`` of one
    shape) or ``polygrid2d``/``polygrid3d`` (at the points of their Cartesian product)."""
    def value(*args):
        *points, c = args
        points = [_tensor(a, func, "x") for a in points]
        if not grid and any(p.shape != points[0].shape for p in points[1:]):
            raise ValueError(f"{func}: x, y{', z' if len(points) == 3 else ''} are "
                             "incompatible")
        c = polynomial_polyval(points[0], c)
        for p in points[1:]:
            c = polynomial_polyval(p, c, tensor=grid)
        return c

    value.__name__ = value.__qualname__ = func.rpartition(".")[2]
    value.__doc__ = (f"NumPy's ``polynomial.{func.rpartition('.')[2]}``: the power series "
                     f"with coefficients ``c`` (lowest degree first) "
                     f"{'on the grid of' if grid else 'at'} the points given.")
    return value


def _mapparms(old, new):
    oldlen = old[1] - old[0]
    newlen = new[1] - new[0]
    return (old[1] * new[0] - old[0] * new[1]) / oldlen, newlen / oldlen


def _pair(value, func, argname):
    v = [float(t) for t in (value.tolist() if _is_tensor(value) else list(value))] \
        if not isinstance(value, np.ndarray) else [float(t) for t in value]
    if len(v) != 2:
        raise ValueError(f"{func}: {argname} has wrong number of elements")
    return v


class Polynomial:
    """NumPy's ``numpy.polynomial.Polynomial``: a power series with coefficients
    ``coef`` (lowest degree first, a tensor) whose variable maps ``domain`` onto
    ``window``; ``fit``, ``convert``, evaluation, ``deriv``, ``integ``, ``roots``,
    arithmetic with numbers and with polynomials of the same domain and window.
    Printing is NumPy's."""

    __hash__ = None
    __array_ufunc__ = None
    maxpower = 100
    basis_name = None
    _default = (-1.0, 1.0)

    def __init__(self, coef, domain=None, window=None, symbol="x"):
        func = "polynomial.Polynomial"
        self.coef = _series(coef, func)
        self.domain = self._interval(domain, func, "domain")
        self.window = self._interval(window, func, "window")
        if not isinstance(symbol, str) or not symbol.isidentifier():
            raise ValueError(f"{func}: symbol must be a valid Python identifier")
        self.symbol = symbol

    def _interval(self, value, func, argname):
        v = self._default if value is None else _pair(value, func, argname)
        return B.asarray(list(v), dtype=B.float64, device=self.coef.device)

    @property
    def _domain(self):
        return [float(v) for v in self.domain.tolist()]

    @property
    def _window(self):
        return [float(v) for v in self.window.tolist()]

    def _new(self, coef, domain=None, window=None):
        return Polynomial(coef, self._domain if domain is None else domain,
                          self._window if window is None else window, self.symbol)

    def mapparms(self):
        """``(off, scl)``: the variable's map ``off + scl * x`` from domain to window."""
        return _mapparms(self._domain, self._window)

    # ------------------------------------------------------------ construction

    @classmethod
    def fit(cls, x, y, deg, domain=None, rcond=None, full=False, w=None, window=None,
            symbol="x"):
        """The least-squares fit of degree ``deg``, in the scaled variable (the data's
        range mapped onto the window), as NumPy's ``Polynomial.fit``."""
        func = "polynomial.Polynomial.fit"
        xv = _float(_tensor(x, func, "x"))
        if domain is None:
            domain = [float(B.min(xv)), float(B.max(xv))] if xv.size else [0.0, 0.0]
            if domain[0] == domain[1]:
                domain = [domain[0] - 1, domain[1] + 1]
        elif isinstance(domain, list) and not domain:
            domain = list(cls._default)
        else:
            domain = _pair(domain, func, "domain")
        window = list(cls._default) if window is None else _pair(window, func, "window")
        off, scl = _mapparms(domain, window)
        res = polynomial_polyfit(off + scl * xv, y, deg, rcond=rcond, full=full, w=w)
        if full:
            coef, status = res
            return cls(coef, domain, window, symbol), status
        return cls(res, domain, window, symbol)

    @classmethod
    def identity(cls, domain=None, window=None, symbol="x"):
        """The polynomial ``x`` (its coefficients mapping window back onto domain)."""
        domain = list(cls._default) if domain is None else _pair(domain, "identity", "domain")
        window = list(cls._default) if window is None else _pair(window, "identity", "window")
        off, scl = _mapparms(window, domain)
        return cls([off, scl], domain, window, symbol)

    @classmethod
    def basis(cls, deg, domain=None, window=None, symbol="x"):
        """The polynomial ``x**deg``."""
        deg = _dispatch.integer("polynomial.Polynomial.basis", deg, "deg")
        return cls([0.0] * deg + [1.0], domain, window, symbol)

    @classmethod
    def fromroots(cls, roots, domain=[], window=None, symbol="x"):  # noqa: B006 - NumPy's
        """The monic polynomial with ``roots``."""
        r = _float(B.atleast_1d(_tensor(roots, "polynomial.Polynomial.fromroots", "roots")))
        if domain is None:
            domain = [float(B.min(r)), float(B.max(r))]
        elif isinstance(domain, list) and not domain:
            domain = list(cls._default)
        window = list(cls._default) if window is None else window
        off, scl = _mapparms(_pair(domain, "fromroots", "domain"), _pair(window, "fromroots",
                                                                             "window"))
        coef = polyfromroots(off + scl * r) / scl ** r.shape[0]
        return cls(coef, domain, window, symbol)

    def copy(self):
        return self._new(B.asarray(self.coef, copy=True))

    def convert(self, domain=None, kind=None, window=None):
        """The same polynomial in the variable of ``domain`` and ``window`` (default
        [-1, 1] each: the plain power series)."""
        if kind is not None and kind is not Polynomial:
            raise TypeError("polynomial.Polynomial.convert: bridge converts to Polynomial only")
        return self(Polynomial.identity(domain, window, self.symbol))

    # ------------------------------------------------------------ evaluation and calculus

    def __call__(self, arg):
        off, scl = self.mapparms()
        if isinstance(arg, Polynomial):
            arg = arg * scl + off
            c = self.coef
            c0 = arg * 0 + c[-1]
            for i in builtins_range(2, c.shape[0] + 1):
                c0 = c0 * arg + c[-i]
            return c0
        if isinstance(arg, (list, tuple)):
            arg = B.asarray(arg)
        return polynomial_polyval(off + scl * arg, self.coef)

    def degree(self):
        return self.coef.shape[0] - 1

    def __len__(self):
        return self.coef.shape[0]

    def deriv(self, m=1):
        return self._new(polynomial_polyder(self.coef, m, self.mapparms()[1]))

    def integ(self, m=1, k=[], lbnd=None):  # noqa: B006 - NumPy's default
        off, scl = self.mapparms()
        lbnd = 0 if lbnd is None else off + scl * lbnd
        return self._new(polynomial_polyint(self.coef, m, k, lbnd, 1.0 / scl))

    def roots(self):
        off, scl = _mapparms(self._window, self._domain)
        return off + scl * polyroots(self.coef)

    def linspace(self, n=100, domain=None):
        d = self._domain if domain is None else _pair(domain, "linspace", "domain")
        x = B.linspace(d[0], d[1], n, device=self.coef.device)
        return x, self(x)

    def truncate(self, size):
        size = _dispatch.integer("polynomial.Polynomial.truncate", size, "size")
        if size < 1:
            raise ValueError("polynomial.Polynomial.truncate: size must be a positive integer")
        return self._new(self.coef[:size])

    def cutdeg(self, deg):
        return self.truncate(deg + 1)

    def trim(self, tol=0):
        keep = B.nonzero(B.abs(self.coef) > tol)[0]
        last = int(keep[-1]) if keep.shape[0] else 0
        return self._new(self.coef[:last + 1])

    def has_samecoef(self, other):
        return self.coef.shape == other.coef.shape and bool(B.all(self.coef == other.coef))

    def has_samedomain(self, other):
        return self._domain == other._domain

    def has_samewindow(self, other):
        return self._window == other._window

    # ------------------------------------------------------------ arithmetic

    def _other(self, other):
        if isinstance(other, Polynomial):
            if not self.has_samedomain(other):
                raise TypeError("Domains differ")
            if not self.has_samewindow(other):
                raise TypeError("Windows differ")
            if self.symbol != other.symbol:
                raise ValueError("Polynomial symbols differ")
            return other.coef
        if isinstance(other, (int, float, complex, np.number)) or (
                _is_tensor(other) and other.ndim == 0):
            return B.reshape(B.asarray(other, device=self.coef.device), (1,))
        return NotImplemented

    def __add__(self, other):
        c = self._other(other)
        return NotImplemented if c is NotImplemented else self._new(_series_add(self.coef, c))

    __radd__ = __add__

    def __sub__(self, other):
        c = self._other(other)
        return NotImplemented if c is NotImplemented else self._new(_series_add(self.coef, -c))

    def __rsub__(self, other):
        c = self._other(other)
        return NotImplemented if c is NotImplemented else self._new(_series_add(-self.coef, c))

    def __mul__(self, other):
        c = self._other(other)
        return NotImplemented if c is NotImplemented else self._new(_series_mul(self.coef, c))

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, Polynomial) or self._other(other) is NotImplemented:
            raise TypeError(f"unsupported types for true division: 'Polynomial', "
                            f"'{type(other).__name__}'")
        return self._new(self.coef / other)

    def __pow__(self, power):
        power = _dispatch.integer("polynomial.Polynomial.__pow__", power, "power")
        if power < 0 or power > self.maxpower:
            raise ValueError("Power must be a non-negative integer no larger than maxpower")
        out = B.ones((1,), dtype=self.coef.dtype, device=self.coef.device)
        for _ in builtins_range(power):
            out = _series_mul(out, self.coef)
        return self._new(out)

    def __neg__(self):
        return self._new(-self.coef)

    def __pos__(self):
        return self

    def __eq__(self, other):
        return (isinstance(other, Polynomial) and self.has_samedomain(other)
                and self.has_samewindow(other) and self.symbol == other.symbol
                and self.has_samecoef(other))

    def __ne__(self, other):
        return not self.__eq__(other)

    # ------------------------------------------------------------ printing (NumPy's)

    def _numpy(self):
        return np.polynomial.Polynomial(_host(self.coef), self._domain, self._window,
                                        symbol=self.symbol)

    def __repr__(self):
        return repr(self._numpy())

    def __str__(self):
        return str(self._numpy())

    def __format__(self, spec):
        return format(self._numpy(), spec)

    def _repr_latex_(self):
        return self._numpy()._repr_latex_()


# ------------------------------------------------------------------ sets along an axis


def unique_rows(x, return_index, return_inverse, return_counts, axis, equal_nan):
    """NumPy's ``unique(ar, axis=axis)``: the distinct sub-arrays along ``axis``, in
    lexicographic order, and optionally the first index, inverse and counts."""
    axis = _dispatch.normalize_axis(axis, x.ndim, "unique")
    moved = B.moveaxis(x, axis, 0)
    n = moved.shape[0]
    rows = B.reshape(moved, (n, -1))
    width = rows.shape[1]
    if width:
        keys = tuple(rows[:, j] for j in builtins_range(width - 1, -1, -1))
        order = B.lexsort(keys)
    else:
        order = B.arange(n, device=x.device)
    s = B.take(rows, order, axis=0)
    if n == 0:
        first = B.zeros((0,), dtype=B.bool, device=x.device)
    else:
        different = B.any(s[1:] != s[:-1], axis=1) if width else B.zeros(
            (n - 1,), dtype=B.bool, device=x.device)
        first = B.concat([B.ones((1,), dtype=B.bool, device=x.device), different])
    starts = B.nonzero(first)[0]
    values = B.take(s, starts, axis=0)
    values = B.moveaxis(B.reshape(values, (starts.shape[0],) + moved.shape[1:]), 0, axis)
    result = [values]
    if return_index:
        result.append(B.take(order, starts))
    if return_inverse:
        group = B.cumulative_sum(B.astype(first, B.int64)) - 1
        inverse = B.zeros((n,), dtype=B.int64, device=x.device)
        inverse[order] = group
        result.append(inverse)
    if return_counts:
        ends = B.concat([starts[1:], B.asarray([n], dtype=starts.dtype, device=x.device)])
        result.append(ends - starts)
    return result[0] if len(result) == 1 else tuple(result)


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    """Sorted values found in both inputs (NumPy's ``intersect1d``), and with
    ``return_indices`` the indices of their first occurrences in each input."""
    a = B.reshape(_tensor(ar1, "intersect1d", "ar1"), (-1,))
    b = B.reshape(_tensor(ar2, "intersect1d", "ar2"), (-1,))
    if not assume_unique:
        if return_indices:
            a, ia = B.unique(a, return_index=True)
            b, ib = B.unique(b, return_index=True)
        else:
            a, b = B.unique(a), B.unique(b)
    else:
        ia = B.arange(a.shape[0], device=a.device)
        ib = B.arange(b.shape[0], device=b.device)
    common = np.result_type(a.dtype, b.dtype)
    aux = B.concat([B.astype(a, common, copy=False), B.astype(b, common, copy=False)])
    order = B.argsort(aux, stable=True) if return_indices else None
    aux = B.take(aux, order) if return_indices else B.sort(aux, stable=True)
    same = aux[1:] == aux[:-1]
    values = aux[:-1][same]
    if not return_indices:
        return values
    first = order[:-1][same]
    second = order[1:][same] - a.shape[0]
    return values, B.take(ia, first), B.take(ib, second)


# ------------------------------------------------------------------ NumPy 2's products


def matvec(x1, x2, /):
    """NumPy's ``matvec``: the matrix-vector products of stacks of matrices ``x1`` and
    vectors ``x2`` (broadcasting the stacks)."""
    a = _tensor(x1, "matvec", "x1")
    v = _tensor(x2, "matvec", "x2")
    return B.matmul(a, B.expand_dims(v, axis=-1))[..., 0]


def vecmat(x1, x2, /):
    """NumPy's ``vecmat``: the vector-matrix products (the vectors conjugated)."""
    v = _tensor(x1, "vecmat", "x1")
    a = _tensor(x2, "vecmat", "x2")
    if v.dtype.kind == "c":
        v = B.conj(v)
    return B.matmul(B.expand_dims(v, axis=-2), a)[..., 0, :]


# ------------------------------------------------------------------ linalg additions


def matrix_power(a, n):
    """NumPy's ``linalg.matrix_power``: integer matrices stay integer (repeated
    squaring, as NumPy's); negative powers invert (float)."""
    x = _tensor(a, "linalg.matrix_power")
    n = operator.index(n)
    if x.ndim < 2 or x.shape[-1] != x.shape[-2]:
        # NumPy's LinAlgError (a ValueError, as the standard's error)
        raise np.linalg.LinAlgError(f"linalg.matrix_power: x must be a stack of square "
                                    f"matrices, got shape {x.shape}")
    if x.dtype.kind not in "biu" or n < 0:
        return B.linalg.matrix_power(_float(x), n)
    if x.dtype.kind == "b":
        raise TypeError("linalg.matrix_power: bool matrices have no matrix power in NumPy "
                        "2 (matmul of bools is logical); cast to an integer dtype")
    if n == 0:
        eye = B.eye(x.shape[-1], dtype=x.dtype, device=x.device)
        return B.broadcast_to(eye, x.shape) if x.ndim > 2 else eye
    if n == 1:
        return B.asarray(x, copy=True)
    # NumPy's binary decomposition: z holds x^(2^k), result the product so far
    result = None
    z = None
    while n > 0:
        z = x if z is None else B.matmul(z, z)
        n, bit = divmod(n, 2)
        if bit:
            result = z if result is None else B.matmul(result, z)
    return result


def tensorinv(a, ind=2):
    """NumPy's ``linalg.tensorinv``: the inverse of a tensor under ``tensordot`` over
    its first ``ind`` axes."""
    x = _float(_tensor(a, "linalg.tensorinv"))
    ind = operator.index(ind)
    if ind <= 0:
        raise ValueError("Invalid ind argument.")
    oldshape = x.shape
    prod = math.prod(oldshape[:ind])
    invshape = oldshape[ind:] + oldshape[:ind]
    inv = B.linalg.inv(B.reshape(x, (prod, -1)))
    return B.reshape(inv, invshape)


def tensorsolve(a, b, axes=None):
    """NumPy's ``linalg.tensorsolve``: x with ``tensordot(a, x, x.ndim) == b``."""
    x = _float(_tensor(a, "linalg.tensorsolve"))
    y = _float(_tensor(b, "linalg.tensorsolve", "b"))
    an = x.ndim
    if axes is not None:
        allaxes = list(builtins_range(an))
        for k in axes:
            allaxes.remove(k)
            allaxes.insert(an, k)
        x = B.permute_dims(x, tuple(allaxes))
    oldshape = x.shape[-(an - y.ndim):]
    prod = math.prod(oldshape)
    if x.size != prod ** 2:
        raise np.linalg.LinAlgError(
            "Input arrays must satisfy the requirement prod(a.shape[b.ndim:]) == "
            "prod(a.shape[:b.ndim])")
    solution = B.linalg.solve(B.reshape(x, (prod, prod)), B.reshape(y, (prod, 1)))
    return B.reshape(solution, oldshape)


def fftshift_numpy(std_name):
    """NumPy's ``fft.fftshift``/``ifftshift``: a roll of any dtype (the standard's takes
    floating-point input)."""

    def shift(x, axes=None):
        t = _tensor(x, f"fft.{std_name}", "x")
        if axes is None:
            axes = tuple(builtins_range(t.ndim))
        elif not isinstance(axes, (tuple, list)):
            axes = (operator.index(axes),)
        axes = tuple(_dispatch.normalize_axis(ax, t.ndim, f"fft.{std_name}") for ax in axes)
        if not axes:
            return t
        half = tuple(t.shape[ax] // 2 for ax in axes)
        return B.roll(t, half if std_name == "fftshift" else tuple(-h for h in half), axis=axes)

    shift.__name__ = shift.__qualname__ = std_name
    shift.__doc__ = f"NumPy's ``fft.{std_name}`` (any dtype: a roll of each axis)."
    return shift


# ------------------------------------------------------------------ pad


_PAD_MODES = ("constant", "edge", "linear_ramp", "maximum", "mean", "median", "minimum",
              "reflect", "symmetric", "wrap", "empty")
_PAD_OPTIONS = {"constant": {"constant_values"}, "linear_ramp": {"end_values"},
                "maximum": {"stat_length"}, "mean": {"stat_length"},
                "median": {"stat_length"}, "minimum": {"stat_length"},
                "reflect": {"reflect_type"}, "symmetric": {"reflect_type"}}


def _pairs(value, ndim, func, name, as_int):
    raw = _host(value) if _is_tensor(value) else value
    arr = np.asarray(raw)
    if as_int:
        if arr.dtype.kind not in "iu" and arr.size:
            if arr.dtype.kind == "f" and np.all(arr == np.round(arr)):
                arr = arr.astype(np.int64)
            else:
                raise TypeError("`pad_width` must be of integral type.")
        arr = arr.astype(np.int64)
    try:
        return np.broadcast_to(arr, (ndim, 2))
    except ValueError:
        raise ValueError(f"{func}: {name}={value!r} cannot be broadcast to ({ndim}, 2) "
                         "(use a value, (before, after), or one pair per axis)") from None


def _pad_width_of_dict(pad_width, ndim, func):
    """NumPy's ``{axis: width or (before, after)}`` form of ``pad_width`` (NumPy 2.3):
    the axes not named get no padding; a negative axis counts from the end."""
    seq = [(0, 0)] * ndim
    for axis, width in pad_width.items():
        if isinstance(width, int):
            pair = (width, width)
        elif (isinstance(width, tuple) and len(width) == 2
              and all(isinstance(w, int) for w in width)):
            pair = width
        else:
            # NumPy's match statement ends in typing.assert_never
            raise AssertionError(f"{func}: pad_width[{axis!r}]={width!r} is neither an int "
                                 "nor a (before, after) tuple of ints")
        try:
            seq[axis] = pair
        except IndexError:
            raise IndexError(f"{func}: pad_width names axis {axis!r}, but the array has "
                             f"{ndim} dimensions") from None
    return seq


def _gather_pad(x, axis, before, after, mode, reflect_type):
    """Pad one axis by a pattern of NumPy's own: np.pad of the positions (of an
    identity matrix for the odd reflections, whose values are combinations)."""
    n = x.shape[axis]
    if mode in ("reflect", "symmetric") and reflect_type == "odd":
        weights = np.pad(np.eye(n), ((before, after), (0, 0)), mode=mode, reflect_type="odd")
        w = B.asarray(weights, dtype=x.dtype if x.dtype.kind in "fc" else B.float64,
                      device=x.device)
        moved = B.moveaxis(x, axis, -1)
        values = moved if moved.dtype.kind in "fc" else B.astype(moved, B.float64)
        out = B.matmul(values, B.matrix_transpose(w))
        if x.dtype.kind in "biu":
            out = B.astype(B.round(out), x.dtype)
        return B.moveaxis(out, -1, axis)
    index = np.pad(np.arange(n), (before, after), mode=mode)
    return B.take(x, B.asarray(index, device=x.device), axis=axis)


def _stat_pad(x, axis, before, after, mode, lengths):
    n = x.shape[axis]
    stat = {"maximum": B.max, "minimum": B.min, "mean": B.mean,
            "median": lambda v, axis, keepdims: B.median(v, axis=axis, keepdims=keepdims)}[mode]
    parts = []
    for width, length, side in ((before, lengths[0], "left"), (after, lengths[1], "right")):
        if width == 0:
            parts.append(None)
            continue
        length = n if length is None else min(int(length), n)
        if length == 0:
            raise ValueError("stat_length of 0 yields no value for padding")
        sl = [slice(None)] * x.ndim
        sl[axis] = slice(0, length) if side == "left" else slice(n - length, n)
        region = x[tuple(sl)]
        if mode in ("mean", "median"):
            value = stat(_float(region), axis=axis, keepdims=True)
            if x.dtype.kind in "biu":
                value = B.astype(B.round(value), x.dtype)
            elif value.dtype != x.dtype:
                value = B.astype(value, x.dtype)
        else:
            value = stat(region, axis=axis, keepdims=True)
        shape = list(x.shape)
        shape[axis] = width
        parts.append(B.broadcast_to(value, tuple(shape)))
    pieces = [p for p in (parts[0], x, parts[1]) if p is not None]
    return B.concat(pieces, axis=axis)


def _ramp_pad(x, axis, before, after, ends):
    n = x.shape[axis]
    pieces = []
    for width, end, side in ((before, ends[0], "left"), (after, ends[1], "right")):
        if width == 0:
            continue
        sl = [slice(None)] * x.ndim
        sl[axis] = slice(0, 1) if side == "left" else slice(n - 1, n)
        edge = _float(x[tuple(sl)])
        shape = [1] * x.ndim
        shape[axis] = width
        steps = B.reshape(B.arange(width, dtype=edge.dtype, device=x.device), tuple(shape))
        ramp = end + steps * ((edge - end) / width)  # NumPy's linspace(end, edge, endpoint=False)
        if x.dtype.kind in "iu":
            ramp = B.astype(B.floor(ramp), x.dtype)
        elif ramp.dtype != x.dtype:
            ramp = B.astype(ramp, x.dtype)
        if side == "right":
            ramp = B.flip(ramp, axis=axis)
        pieces.append((side, ramp))
    left = [p for s, p in pieces if s == "left"]
    right = [p for s, p in pieces if s == "right"]
    return B.concat(left + [x] + right, axis=axis)


def pad(array, pad_width, mode="constant", **kwargs):  # noqa: A002
    """NumPy's ``pad``: ``pad_width`` = ((before, after), ...) per axis (or one pair, or
    one int, or NumPy's dict ``{axis: int or (before, after)}``), in every mode of
    NumPy's: ``'constant'`` (``constant_values``), ``'edge'``, ``'linear_ramp'``
    (``end_values``), ``'maximum'``, ``'mean'``, ``'median'``, ``'minimum'``
    (``stat_length``), ``'reflect'`` and ``'symmetric'`` (``reflect_type``), ``'wrap'``,
    ``'empty'`` (zeros here), or a function called on each 1-d slice as NumPy calls it."""
    func = "pad"
    x = _tensor(array, func, "array")
    if isinstance(pad_width, dict):
        pad_width = _pad_width_of_dict(pad_width, x.ndim, func)
    widths = _pairs(pad_width, x.ndim, func, "pad_width", True)
    if (widths < 0).any():
        raise ValueError(f"{func}: index can't contain negative values")
    if callable(mode):
        # NumPy's protocol: the function fills each 1-d slice of the padded array in place
        padded = np.pad(_host(x), widths, mode=mode, **kwargs)
        return B.asarray(padded, device=x.device)
    if mode not in _PAD_MODES:
        raise ValueError(f"{func}: mode={mode!r} is not supported (NumPy's modes: "
                         f"{', '.join(repr(m) for m in _PAD_MODES)}, or a function)")
    unknown = set(kwargs) - _PAD_OPTIONS.get(mode, set())
    if unknown:
        raise ValueError(f"{func}: unsupported keyword arguments for mode '{mode}': {unknown}")
    reflect_type = kwargs.get("reflect_type", "even")
    if reflect_type not in ("even", "odd"):
        raise ValueError(f"{func}: reflect_type must be 'even' or 'odd', got {reflect_type!r}")
    if x.size == 0 and mode not in ("constant", "empty"):
        if np.any(widths[[i for i in builtins_range(x.ndim) if x.shape[i] == 0]]):
            raise ValueError(f"{func}: can't extend empty axis using modes other than "
                             "'constant' or 'empty'")
    if mode == "constant":
        values = _pairs(kwargs.get("constant_values", 0), x.ndim, func, "constant_values", False)
    elif mode == "linear_ramp":
        values = _pairs(kwargs.get("end_values", 0), x.ndim, func, "end_values", False)
    elif mode in ("maximum", "mean", "median", "minimum"):
        length = kwargs.get("stat_length")
        values = (np.full((x.ndim, 2), None, dtype=object) if length is None else
                  _pairs(length, x.ndim, func, "stat_length", True))
    if not widths.any():
        # NumPy's pad always returns a new array: no width is never the input itself
        return B.astype(x, x.dtype, copy=True)
    for axis in builtins_range(x.ndim):
        before, after = (int(w) for w in widths[axis])
        if before == 0 and after == 0:
            continue
        if mode in ("constant", "empty"):
            parts = []
            for width, value in ((before, values[axis][0] if mode == "constant" else 0),
                                 (after, values[axis][1] if mode == "constant" else 0)):
                shape = list(x.shape)
                shape[axis] = width
                fill = np.asarray(value).astype(x.dtype).item()
                parts.append(B.full(tuple(shape), fill, dtype=x.dtype, device=x.device))
            x = B.concat([parts[0], x, parts[1]], axis=axis)
        elif mode == "linear_ramp":
            x = _ramp_pad(x, axis, before, after, (float(values[axis][0]),
                                                   float(values[axis][1])))
        elif mode in ("maximum", "mean", "median", "minimum"):
            x = _stat_pad(x, axis, before, after, mode, values[axis])
        else:
            x = _gather_pad(x, axis, before, after, mode, reflect_type)
    return x


# ------------------------------------------------------------------ quantiles


# NumPy's quantile methods (H&F 1996): (alpha, beta) of the continuous ones whose virtual
# index is n*q + alpha + q*(1 - alpha - beta) - 1
_QUANTILE_ALPHA_BETA = {"interpolated_inverted_cdf": (0.0, 1.0), "hazen": (0.5, 0.5),
                        "weibull": (0.0, 0.0), "median_unbiased": (1 / 3.0, 1 / 3.0),
                        "normal_unbiased": (3 / 8.0, 3 / 8.0)}
QUANTILE_METHODS = ("inverted_cdf", "averaged_inverted_cdf", "closest_observation",
                    "interpolated_inverted_cdf", "hazen", "weibull", "linear",
                    "median_unbiased", "normal_unbiased", "lower", "higher", "midpoint",
                    "nearest")


def quantile_values(s, q, n, method):
    """The ``method`` quantiles ``q`` (1-d, in s's dtype) of the rows of ``s`` (sorted
    along the last axis; NaNs last) whose first ``n`` elements count (an int, or a
    tensor of shape (..., 1): the non-NaN counts), as NumPy's ``_quantile`` computes
    them: shape (..., len(q)). A row of no counted element gives its first element."""
    last = n - 1
    if method in ("lower", "higher", "nearest", "inverted_cdf", "closest_observation"):
        if method == "lower":
            index = B.floor(last * q)
        elif method == "higher":
            index = B.ceil(last * q)
        elif method == "nearest":
            index = B.round(last * q)
        else:  # NumPy's _discrete_interpolation_to_boundaries
            virtual = n * q - 1 - (0.5 if method == "closest_observation" else 0.0)
            previous = B.floor(virtual)
            gamma = virtual - previous
            keep = gamma == 0
            if method == "closest_observation":
                keep = B.logical_and(keep, B.remainder(previous, 2) == 1)
            index = B.where(keep, previous, previous + 1)
        zero = B.zeros_like(index)
        index = B.maximum(B.minimum(index, B.maximum(last + zero, zero)), zero)
        return B.take_along_axis(s, B.astype(index, B.int64), axis=-1)
    if method == "linear":
        virtual = last * q
    elif method == "midpoint":
        virtual = 0.5 * (B.floor(last * q) + B.ceil(last * q))
    elif method == "averaged_inverted_cdf":
        virtual = n * q - 1
    else:
        alpha, beta = _QUANTILE_ALPHA_BETA[method]
        virtual = n * q + (alpha + q * (1 - alpha - beta)) - 1
    previous = B.floor(virtual)
    gamma = virtual - previous
    if method == "averaged_inverted_cdf":
        gamma = B.where(gamma == 0, B.full_like(gamma, 0.5), B.ones_like(gamma))
    elif method == "midpoint":
        gamma = B.where(B.remainder(virtual, 1) == 0, B.zeros_like(gamma),
                        B.full_like(gamma, 0.5))
    # NumPy's _get_indexes: above the last index both ends are the last, below 0 both 0
    zero = B.zeros_like(virtual)
    top = B.maximum(last + zero, zero)
    above = virtual >= last
    below = virtual < 0
    lo = B.where(above, top, B.where(below, zero, previous))
    hi = B.where(above, top, B.where(below, zero, B.minimum(previous + 1, top)))
    a = B.take_along_axis(s, B.astype(lo, B.int64), axis=-1)
    b = B.take_along_axis(s, B.astype(hi, B.int64), axis=-1)
    diff = b - a
    # NumPy's _lerp: from the nearer end, so that gamma = 1 gives b exactly
    return B.where(gamma >= 0.5, b - diff * (1 - gamma), a + diff * gamma)


# ------------------------------------------------------------------ weighted covariance


def weighted_cov(x, ddof, fweights, aweights):
    """NumPy's ``cov`` of the rows of ``x`` with frequency and/or analytic weights."""
    func = "cov"
    n = x.shape[1]
    w = None
    for name, weights in (("fweights", fweights), ("aweights", aweights)):
        if weights is None:
            continue
        wt = B.astype(_tensor(weights, func, name), B.float64)
        if wt.ndim > 1:
            raise RuntimeError(f"{func}: cannot handle multidimensional {name}")
        if wt.shape[0] != n:
            raise RuntimeError(f"{func}: incompatible numbers of samples and {name}")
        if name == "fweights" and not bool(B.all(wt == B.round(wt))):
            raise TypeError(f"{func}: fweights must be integer")
        if bool(B.any(wt < 0)):
            raise ValueError(f"{func}: {name} cannot be negative")
        w = wt if w is None else w * wt
    w = B.astype(w, x.dtype) if x.dtype.kind == "f" and w.dtype != x.dtype else w
    w_sum = B.sum(w)
    avg = B.sum(x * w, axis=1, keepdims=True) / w_sum
    if ddof == 0:
        fact = w_sum
    elif aweights is None:
        fact = w_sum - ddof
    else:
        a = B.astype(_tensor(aweights, func, "aweights"), w.dtype)
        fact = w_sum - ddof * B.sum(w * a) / w_sum
    fact = B.maximum(fact, B.zeros_like(fact))
    centred = x - avg
    weighted = centred * w
    other = B.conj(weighted) if weighted.dtype.kind == "c" else weighted
    return B.matmul(centred, B.matrix_transpose(other)) * (1.0 / fact)


# ------------------------------------------------------------------ more of NumPy's functions


def einsum_sublists(operands):
    """NumPy's interleaved form ``einsum(a, [0, 1], b, [1, 2], [0, 2])`` as the subscript
    string and the operands (``Ellipsis`` in a sublist is ``...``)."""
    operands = list(operands)
    output = operands.pop() if len(operands) % 2 else None
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def spec(sublist):
        out = []
        for s in sublist:
            if s is Ellipsis:
                out.append("...")
            else:
                k = operator.index(s)
                if not 0 <= k < len(letters):
                    raise ValueError(f"einsum: subscript {k} is not in [0, {len(letters)})")
                out.append(letters[k])
        return "".join(out)

    arrays = operands[0::2]
    subscripts = ",".join(spec(s) for s in operands[1::2])
    if output is not None:
        subscripts += "->" + spec(output)
    return subscripts, arrays


def unwrap(p, discont=None, axis=-1, *, period=2 * math.pi):
    """NumPy's ``unwrap``: jumps between neighbours larger than ``max(discont,
    period/2)`` replaced by their ``period`` complement."""
    x = _tensor(p, "unwrap", "p")
    axis = _dispatch.normalize_axis(axis, x.ndim, "unwrap")
    dd = B.diff(x, axis=axis)
    if discont is None:
        discont = period / 2
    dtype = np.result_type(dd.dtype, np.asarray(period).dtype if not isinstance(
        period, (int, float)) else type(period))
    if np.issubdtype(dtype, np.integer):
        interval_high, rem = divmod(period, 2)
        boundary_ambiguous = rem == 0
    else:
        interval_high = period / 2
        boundary_ambiguous = True
        dd = B.astype(dd, dtype, copy=False)
    interval_low = -interval_high
    ddmod = B.remainder(dd - interval_low, period) + interval_low
    if boundary_ambiguous:
        ddmod = B.where(B.logical_and(ddmod == interval_low, dd > 0),
                        B.full_like(ddmod, interval_high), ddmod)
    correct = ddmod - dd
    correct = B.where(B.abs(dd) < discont, B.zeros_like(correct), correct)
    first = [slice(None)] * x.ndim
    first[axis] = slice(0, 1)
    rest = [slice(None)] * x.ndim
    rest[axis] = slice(1, None)
    up = B.astype(x, dtype, copy=False)
    return B.concat([up[tuple(first)], up[tuple(rest)] + B.cumulative_sum(correct, axis=axis)],
                    axis=axis)


def insert(arr, obj, values, axis=None):
    """NumPy's ``insert``: ``values`` inserted before the index (or indices, or slice)
    ``obj`` along ``axis`` (the flattened array when None), cast to ``arr``'s dtype."""
    func = "insert"
    x = _tensor(arr, func, "arr")
    if axis is None:
        x = B.reshape(x, (-1,))
        axis = 0
    axis = _dispatch.normalize_axis(axis, x.ndim, func)
    n = x.shape[axis]
    if isinstance(obj, slice):
        index = np.arange(*obj.indices(n))
    else:
        index = np.asarray(_host(obj) if _is_tensor(obj) else obj)
        if index.dtype.kind == "b":
            raise IndexError(f"{func}: boolean arrays cannot index the insertion positions")
        if index.size == 0 and index.dtype.kind not in "iu":
            index = index.astype(np.intp)
        if index.dtype.kind not in "iu":
            raise IndexError(f"{func}: index must be integers, got {index.dtype}")
    vals = _tensor(values, func, "values")
    vals = B.astype(vals, x.dtype) if vals.dtype != x.dtype else vals
    if index.ndim == 0:
        k = int(index)
        if not -n <= k <= n:
            raise IndexError(f"index {k} is out of bounds for axis {axis} with size {n}")
        k = k + n if k < 0 else k
        # NumPy's values for one index: at least x.ndim dimensions, the first moved to axis
        vals = B.reshape(vals, (1,) * (x.ndim - vals.ndim) + vals.shape)
        vals = B.moveaxis(vals, 0, axis)
        count = vals.shape[axis]
        shape = list(x.shape)
        shape[axis] = count
        vals = B.broadcast_to(vals, tuple(shape))
        before = [slice(None)] * x.ndim
        after = [slice(None)] * x.ndim
        before[axis], after[axis] = slice(0, k), slice(k, None)
        return B.concat([x[tuple(before)], vals, x[tuple(after)]], axis=axis)
    index = index.ravel().astype(np.int64)
    if np.any((index < -n) | (index > n)):
        raise IndexError(f"index out of bounds for axis {axis} with size {n}")
    index = np.where(index < 0, index + n, index)
    count = index.size
    order = np.argsort(index, kind="stable")
    placed = index.copy()
    placed[order] += np.arange(count)
    total = n + count
    source = np.empty(total, dtype=np.int64)
    is_old = np.ones(total, dtype=bool)
    is_old[placed] = False
    source[is_old] = np.arange(n)
    source[placed] = n + np.arange(count)
    shape = list(x.shape)
    shape[axis] = count
    vals = B.broadcast_to(vals, tuple(shape))
    joined = B.concat([x, vals], axis=axis)
    return B.take(joined, B.asarray(source, device=x.device), axis=axis)


def indices_sparse(shape, dtype):
    """NumPy's ``indices(..., sparse=True)``: one broadcastable index array per axis."""
    out = []
    for i, s in enumerate(shape):
        view = [1] * len(shape)
        view[i] = s
        out.append(B.reshape(B.arange(s, dtype=dtype), tuple(view)))
    return tuple(out)


def linspace_arrays(start, stop, num, endpoint, retstep, dtype, axis, device):
    """NumPy's ``linspace`` of array-valued ``start``/``stop`` (or another ``axis``): the
    samples along a new axis ``axis``, in NumPy's arithmetic."""
    num = operator.index(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    div = (num - 1) if endpoint else num

    def as_float(v):
        return _float(v if _is_tensor(v) else B.asarray(v, device=device))

    a, b = as_float(start), as_float(stop)
    common = np.result_type(a.dtype, b.dtype)
    a, b = B.astype(a, common, copy=False), B.astype(b, common, copy=False)
    a, b = B.broadcast_arrays(a, b)
    delta = b - a
    steps = B.reshape(B.arange(num, dtype=common, device=a.device), (-1,) + (1,) * delta.ndim)
    if div > 0:
        step = delta / div
        if bool(B.any(step == 0)):
            y = steps / div * delta
        else:
            y = steps * step
    else:
        step = B.full_like(delta, math.nan)
        y = steps * delta
    y = y + a
    if endpoint and num > 1:
        y = B.concat([y[:-1], B.expand_dims(b, axis=0)], axis=0)
    if axis != 0:
        y = B.moveaxis(y, 0, axis)
    if dtype is not None:
        target = np.dtype(dtype)
        if target.kind in "iu":
            y = B.floor(y)
        y = B.astype(y, target)
    return (y, step) if retstep else y


def iterable(y):
    """Whether ``iter(y)`` works (NumPy's ``iterable``)."""
    try:
        iter(y)
    except TypeError:
        return False
    return True


def _testing_function(name):
    numpy_function = getattr(np.testing, name)

    def host(v):
        if _is_tensor(v):
            return _host(v)
        if isinstance(v, (list, tuple)):
            return type(v)(host(i) for i in v)
        return v

    def check(*args, **kwargs):
        return numpy_function(*(host(a) for a in args), **{k: host(v) for k, v in kwargs.items()})

    check.__name__ = check.__qualname__ = name
    check.__doc__ = f"NumPy's ``testing.{name}`` on the values of tensors (any device)."
    return check


_TESTING = ("assert_allclose", "assert_almost_equal", "assert_approx_equal",
            "assert_array_almost_equal", "assert_array_almost_equal_nulp", "assert_array_equal",
            "assert_array_less", "assert_array_max_ulp", "assert_equal", "assert_string_equal")


# ------------------------------------------------------------------ dtypes


def can_cast(from_, to, casting="safe"):
    """NumPy's ``can_cast`` (the standard's takes no ``casting``): whether a dtype (or a
    tensor's) casts to ``to`` under the rule ``casting``."""
    # a tensor's or a NumPy array's dtype (NumPy takes arrays and NumPy scalars)
    source = from_.dtype if _is_tensor(from_) or isinstance(from_, (np.ndarray, np.generic)) \
        else from_
    return bool(np.can_cast(np.dtype(source), np.dtype(to), casting=casting))


# ------------------------------------------------------------------ block


def _block_depths(arrays, index=()):
    """(depth of the nested lists, max ndim of the leaves), checking that every leaf
    sits at one depth (NumPy's rules: lists only, none empty)."""
    if isinstance(arrays, tuple):
        raise TypeError(f"{list(index)} is a tuple. Only lists can be used to arrange blocks, "
                        "and np.block does not allow implicit conversion from tuple to ndarray.")
    if isinstance(arrays, list):
        if not arrays:
            raise ValueError(f"List at {list(index)} cannot be empty")
        results = [_block_depths(a, index + (i,)) for i, a in enumerate(arrays)]
        depths = {d for d, _ in results}
        if len(depths) != 1:
            raise ValueError(f"List depths are mismatched. First element was at depth "
                             f"{results[0][0] + 1}, but there is an element at depth "
                             f"{min(depths) + 1} ({list(index)})")
        return results[0][0] + 1, max(n for _, n in results)
    return 0, np.ndim(arrays) if not _is_tensor(arrays) else arrays.ndim


def block(arrays):
    """NumPy's ``block``: an array assembled from nested lists of blocks, the innermost
    lists joined along the last axis, the next along the second-to-last, ..."""
    list_ndim, arr_ndim = _block_depths(arrays)
    result_ndim = max(arr_ndim, list_ndim)
    leaves = []

    def collect(x, depth):
        if depth < list_ndim:
            for a in x:
                collect(a, depth + 1)
        else:
            leaves.append(x)

    collect(arrays, 0)
    tensors = [_tensor(a, "block", "arrays") for a in leaves]
    dtype = np.result_type(*[t.dtype for t in tensors])
    queue = iter([B.reshape(B.astype(t, dtype, copy=False), (1,) * (result_ndim - t.ndim) + t.shape)
                  for t in tensors])

    def assemble(x, depth):
        if depth < list_ndim:
            return B.concat([assemble(a, depth + 1) for a in x], axis=depth - list_ndim)
        return next(queue)

    return assemble(arrays, 0)


# ------------------------------------------------------------------ declarations


# NumPy-only names exported as bridge.<name>: (name, function, differentiable)
NUMPY_NAMES = [
    ("hanning", hanning, False), ("hamming", hamming, False), ("blackman", blackman, False),
    ("bartlett", bartlett, False), ("kaiser", kaiser, False), ("i0", i0, True),
    ("histogram2d", histogram2d, False), ("histogramdd", histogramdd, False),
    ("sort_complex", sort_complex, True), ("array2string", array2string, False),
    ("array_str", array_str, False), ("array_repr", array_repr, False),
    ("format_float_positional", format_float_positional, False),
    ("format_float_scientific", format_float_scientific, False),
    ("binary_repr", binary_repr, False), ("base_repr", base_repr, False),
    ("frompyfunc", frompyfunc, False), ("apply_over_axes", apply_over_axes, True),
    ("einsum_path", einsum_path, False), ("mask_indices", mask_indices, False),
    ("roots", roots, False), ("poly", poly, False), ("polyder", polyder, True),
    ("polyint", polyint, True), ("polyadd", polyadd, True), ("polysub", polysub, True),
    ("polymul", polymul, True), ("polydiv", polydiv, True),
    ("shares_memory", shares_memory, False), ("may_share_memory", may_share_memory, False),
    ("matvec", matvec, True), ("block", block, True), ("unwrap", unwrap, True),
    ("insert", insert, True), ("iterable", iterable, False),
    ("vecmat", vecmat, True),
]

# NumPy's versions of the standard's functions (the fallbacks of bridge.<name>)
NUMPY_SIGNATURES = {"can_cast": can_cast}
# numpy.lib.stride_tricks' functions on tensors (through __array_function__)
NUMPY_STRIDE_TRICKS = {"sliding_window_view": sliding_window_view}

# NumPy's linalg and fft functions with NumPy's semantics (numpy.linalg.matrix_power(tensor)
# and the fallbacks of the standard's functions)
NUMPY_LINALG = {"matrix_power": matrix_power, "tensorsolve": tensorsolve, "tensorinv": tensorinv}
NUMPY_FFT = {"fftshift": fftshift_numpy("fftshift"), "ifftshift": fftshift_numpy("ifftshift")}
# linalg functions the standard lacks (rows of bridge.linalg)
LINALG_NAMES = [("tensorsolve", tensorsolve), ("tensorinv", tensorinv)]


def _broadcast_to(array, shape, subok=False):
    """NumPy's ``broadcast_to``."""
    return B.broadcast_to(_tensor(array, "broadcast_to", "array"),
                          (shape,) if np.ndim(shape) == 0 else tuple(shape))


def _broadcast_arrays(*args, subok=False):
    """NumPy's ``broadcast_arrays``."""
    return B.broadcast_arrays(*args)


def _module(name, doc, **attributes):
    module = types.ModuleType(name, doc)
    module.__dict__.update(attributes)
    sys.modules.setdefault(name, module)
    return sys.modules[name]


def _ma_argument(value, func):
    """A ``bridge.ma`` argument as NumPy's ``numpy.ma`` takes it: a CPU tensor as the
    NumPy array over its memory (a sequence of tensors one by one); a GPU tensor is a
    TypeError (masked arrays are NumPy's, in host memory)."""
    if isinstance(value, _dispatch.TENSOR):
        if value.device.type != "cpu":
            raise TypeError(
                f"{func}: masked arrays are NumPy's and live in host memory; the tensor is "
                f"on {value.device} (move it with x.to_device('cpu') first)")
        return np.asarray(value)
    if isinstance(value, (list, tuple)) and any(isinstance(v, _dispatch.TENSOR) for v in value):
        return type(value)(_ma_argument(v, func) for v in value)
    return value


def _ma_function(name, fn):
    import functools

    from .beyond import _call_numpy

    func = f"bridge.ma.{name}"

    @functools.wraps(fn)
    def call(*args, **kwargs):
        args = [_ma_argument(a, func) for a in args]
        kwargs = {k: _ma_argument(v, func) for k, v in kwargs.items()}
        return _call_numpy(func, fn, args, kwargs)  # (its errors name bridge.ma.<name>)

    return call


def _ma_module():
    """``bridge.ma``: NumPy's ``numpy.ma`` (masked arrays are NumPy's, as strings are),
    its functions taking CPU tensors (``np.ma.masked_invalid(x).mean(axis=1)``)."""
    module = _module("bridge.ma", "NumPy's masked arrays (numpy.ma) for tensors in host "
                     "memory: the results are NumPy's masked arrays.")

    def __getattr__(name):  # noqa: N807 - the module protocol's name
        try:
            value = getattr(np.ma, name)
        except AttributeError:
            raise AttributeError(f"module 'bridge.ma' has no attribute {name!r}") from None
        if callable(value) and not isinstance(value, (type, types.ModuleType)):
            value = _ma_function(name, value)  # (classes and constants are NumPy's own)
        module.__dict__[name] = value
        return value

    module.__getattr__ = __getattr__
    module.__all__ = list(np.ma.__all__)
    return module


def _string_function(module, name, fn):
    """NumPy's ``numpy.<module>.<name>`` for NumPy's string arrays (strings are NumPy's
    data: no Tensor holds them), refusing a Tensor argument: formatting numbers into
    strings is an explicit conversion (``numpy.asarray(x)`` on the CPU)."""
    import functools

    from .beyond import _call_numpy

    func = f"bridge.{module}.{name}"

    @functools.wraps(fn)
    def call(*args, **kwargs):
        for value in (*args, *kwargs.values()):
            items = value if isinstance(value, (list, tuple)) else (value,)
            for item in items:
                if _is_tensor(item):
                    raise TypeError(
                        f"{func}: NumPy's string functions take NumPy's arrays; got a bridge "
                        f"Tensor (dtype {item.dtype}, on {item.device}), which holds only the 13 "
                        "dtypes of the Array API standard and is not converted silently; "
                        "convert it explicitly (numpy.asarray(tensor) on the CPU)")
        return _call_numpy(func, fn, args, kwargs)

    return call


def _string_module(name):
    """``bridge.char`` / ``bridge.strings``: NumPy's ``numpy.char`` / ``numpy.strings``
    (string arrays are NumPy's, as the names that make them return NumPy's arrays)."""
    source = getattr(np, name)
    module = _module(f"bridge.{name}", f"NumPy's numpy.{name}: strings are NumPy's arrays "
                     "(bridge's array(...) of strings is a numpy.ndarray); a Tensor argument "
                     "is a TypeError.")

    def __getattr__(attr):  # noqa: N807 - the module protocol's name
        try:
            value = getattr(source, attr)
        except AttributeError:
            raise AttributeError(f"module 'bridge.{name}' has no attribute {attr!r}") from None
        if callable(value) and not isinstance(value, (type, types.ModuleType)):
            value = _string_function(name, attr, value)
        module.__dict__[attr] = value
        return value

    module.__getattr__ = __getattr__
    module.__all__ = list(getattr(source, "__all__", ()))
    return module


def numpy_objects():
    """NumPy's non-function names of this module, for the namespace: classes,
    constants, and the modules ``lib.stride_tricks`` and ``polynomial`` (importable:
    ``from bridge.lib.stride_tricks import sliding_window_view``)."""
    stride_tricks = _module("bridge.lib.stride_tricks", "NumPy's stride tricks on tensors.",
                            sliding_window_view=sliding_window_view, as_strided=as_strided,
                            broadcast_to=_broadcast_to, broadcast_arrays=_broadcast_arrays,
                            broadcast_shapes=lambda *args: B.broadcast_shapes(*args))
    lib = _module("bridge.lib", "NumPy's numpy.lib names bridge has.",
                  stride_tricks=stride_tricks)
    kinds = {
        "legendre": {"leggauss": _gauss("leggauss"), "legval": legval,
                     "legvander": _VANDERS["leg"], "legfit": _FITS["leg"]},
        "chebyshev": {"chebgauss": _gauss("chebgauss"), "chebval": chebval,
                      "chebvander": _VANDERS["cheb"], "chebfit": _FITS["cheb"]},
        "hermite": {"hermgauss": _gauss("hermgauss"), "hermval": hermval,
                    "hermvander": _VANDERS["herm"], "hermfit": _FITS["herm"]},
        "hermite_e": {"hermegauss": _gauss("hermegauss"), "hermeval": hermeval,
                      "hermevander": _VANDERS["herme"], "hermefit": _FITS["herme"]},
        "laguerre": {"laggauss": _gauss("laggauss"), "lagval": lagval,
                     "lagvander": _VANDERS["lag"], "lagfit": _FITS["lag"]},
        "polynomial": {"polyval": polynomial_polyval, "polyfit": polynomial_polyfit,
                       "polyvander": polyvander, "polyder": polynomial_polyder,
                       "polyint": polynomial_polyint, "polyroots": polyroots,
                       "polyfromroots": polyfromroots, "polyadd": polynomial_polyadd,
                       "polysub": polynomial_polysub, "polymul": polynomial_polymul,
                       "polymulx": polymulx,
                       "polydiv": polynomial_polydiv, "polypow": polypow,
                       "polyline": polyline,
                       **{name: _nd_values(f"polynomial.{name}", name.startswith("polygrid"))
                          for name in ("polyval2d", "polyval3d", "polygrid2d", "polygrid3d")},
                       "Polynomial": Polynomial},
    }
    submodules = {kind: _module(f"bridge.polynomial.{kind}", f"NumPy's polynomial.{kind} "
                                "names bridge has.", **names) for kind, names in kinds.items()}
    polynomial = _module("bridge.polynomial", "NumPy's numpy.polynomial names bridge has.",
                         Polynomial=Polynomial, **submodules)
    testing = _module("bridge.testing", "NumPy's testing assertions on tensors.",
                      **{name: _testing_function(name) for name in _TESTING},
                      assert_raises=np.testing.assert_raises,
                      assert_raises_regex=np.testing.assert_raises_regex,
                      assert_warns=np.testing.assert_warns, assert_=np.testing.assert_)
    return {"poly1d": poly1d, "vectorize": vectorize, "euler_gamma": euler_gamma,
            "lib": lib, "polynomial": polynomial, "testing": testing, "ma": _ma_module(),
            "char": _string_module("char"),
            **({"strings": _string_module("strings")} if hasattr(np, "strings") else {})}

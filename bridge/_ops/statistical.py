"""Statistical functions (Array API standard, "Statistical Functions").

Reductions always return Tensors (0-d for a full reduction), never Python or NumPy
scalars.
"""

from __future__ import annotations

import builtins

from .. import _dispatch
from .._dispatch import normalize_axes, normalize_axis
from .._dtypes import CATEGORIES, DEFAULT_INT, normalize_dtype, uint64
from .._registry import BOOL, Fast, Kind, Op, axes, tensor
from .elementwise import promote_integers_to_float

# Beyond the standard's "should have a numeric dtype", bool tensors reduce as NumPy and
# PyTorch reduce them (sum of a mask counts its True values; max of a mask is any).
_NUMERIC = CATEGORIES["numeric"] | CATEGORIES["bool"]
_REAL = CATEGORIES["real-valued"] | CATEGORIES["bool"]
_FLOAT = CATEGORIES["floating-point"]
_REAL_FLOAT = CATEGORIES["real-valued floating-point"]


def _accumulator_dtype(func, x, dtype):
    """sum/prod/cumulative_*: the standard's default accumulator dtype."""
    if dtype is not None:
        return normalize_dtype(dtype, func)
    kind = x.dtype.kind
    if kind in "bi":
        return DEFAULT_INT
    if kind == "u":
        return uint64
    return x.dtype


def _reduce(name, x, allowed, category, axis, keepdims, **params):
    x = _dispatch.as_tensor(x, name)
    if x._data.dtype not in allowed:
        # mean/var/std of integers: computed in float64, as in NumPy
        x = promote_integers_to_float(name, x, category, "x")
    axes = normalize_axes(axis, x.ndim, name)
    return x, axes, dict(axis=axes, keepdims=_dispatch.flag(name, "keepdims", keepdims), **params)


def sum(x, /, *, axis=None, dtype=None, keepdims=False):  # noqa: A001
    """Sum over ``axis`` (all axes by default); integers accumulate in int64/uint64."""
    x, axes, params = _reduce("sum", x, _NUMERIC, "numeric", axis, keepdims)
    return _dispatch.run("sum", (x,), dtype=_accumulator_dtype("sum", x, dtype), **params)


def prod(x, /, *, axis=None, dtype=None, keepdims=False):
    """Product over ``axis``; integers accumulate in int64/uint64."""
    x, axes, params = _reduce("prod", x, _NUMERIC, "numeric", axis, keepdims)
    return _dispatch.run("prod", (x,), dtype=_accumulator_dtype("prod", x, dtype), **params)


def mean(x, /, *, axis=None, keepdims=False):
    """Arithmetic mean over ``axis`` (NaN for an empty reduction)."""
    x, axes, params = _reduce("mean", x, _FLOAT, "floating-point", axis, keepdims)
    return _dispatch.run("mean", (x,), **params)


def _check_correction(func, correction):
    if not isinstance(correction, (int, float)) or isinstance(correction, builtins.bool):
        raise TypeError(f"{func}: correction must be an int or a float, got {correction!r}")
    if correction < 0:
        raise ValueError(f"{func}: correction={correction} must be non-negative")
    return correction


def var(x, /, *, axis=None, correction=0.0, keepdims=False):
    """Variance over ``axis`` with ``correction`` degrees of freedom removed."""
    x, axes, params = _reduce("var", x, _REAL_FLOAT, "real-valued floating-point", axis,
                              keepdims, correction=_check_correction("var", correction))
    return _dispatch.run("var", (x,), **params)


def std(x, /, *, axis=None, correction=0.0, keepdims=False):
    """Standard deviation over ``axis`` with ``correction`` degrees of freedom removed."""
    x, axes, params = _reduce("std", x, _REAL_FLOAT, "real-valued floating-point", axis,
                              keepdims, correction=_check_correction("std", correction))
    return _dispatch.run("std", (x,), **params)


def _extremum(name, x, axis, keepdims):
    x, axes, params = _reduce(name, x, _REAL, "real-valued", axis, keepdims)
    reduced = range(x.ndim) if axes is None else axes
    if any(x.shape[a] == 0 for a in reduced) or (x.ndim == 0 and x.size == 0):
        raise ValueError(f"{name}: the reduction is over an empty axis; {name} is undefined")
    return _dispatch.run(name, (x,), **params)


def max(x, /, *, axis=None, keepdims=False):  # noqa: A001
    """Maximum over ``axis`` (NaN propagates). ValueError for an empty reduction."""
    return _extremum("max", x, axis, keepdims)


def min(x, /, *, axis=None, keepdims=False):  # noqa: A001
    """Minimum over ``axis`` (NaN propagates). ValueError for an empty reduction."""
    return _extremum("min", x, axis, keepdims)


def _cumulative(name, x, axis, dtype, include_initial):
    x = _dispatch.as_tensor(x, name)
    _dispatch.check_dtype(name, x, _NUMERIC, "numeric")
    if axis is None:
        if x.ndim != 1:
            raise ValueError(
                f"{name}: axis is required for a tensor of {x.ndim} dimensions (only 1-d "
                "tensors have a default axis)"
            )
        axis = 0
    axis = normalize_axis(axis, x.ndim, name)
    return _dispatch.run(name, (x,), axis=axis, dtype=_accumulator_dtype(name, x, dtype),
                         include_initial=_dispatch.flag(name, "include_initial", include_initial))


def cumulative_sum(x, /, *, axis=None, dtype=None, include_initial=False):
    """Running sum along ``axis`` (with a leading zero if ``include_initial``)."""
    return _cumulative("cumulative_sum", x, axis, dtype, include_initial)


def cumulative_prod(x, /, *, axis=None, dtype=None, include_initial=False):
    """Running product along ``axis`` (with a leading one if ``include_initial``)."""
    return _cumulative("cumulative_prod", x, axis, dtype, include_initial)


# The C front's specs (bridge/_fastpath): the kernel calls the functions above make.
# sum and prod of floating-point input accumulate in its own dtype (dtype=None);
# integer and bool input, and an explicit dtype, take the Python function.
_FLOAT_OR_COMPLEX = "floating-point"


def _reduction(dtypes, *flags, **extra):
    params = dict(x=tensor(dtypes), axis=axes("x", *flags), keepdims=BOOL, **extra)
    return Fast(params, kw=tuple(n for n in params if n != "x"))


OPS = [
    Op("cumulative_sum", "statistical", cumulative_sum, "numeric", True, batch="axis"),
    Op("cumulative_prod", "statistical", cumulative_prod, "numeric", True, batch="axis"),
    Op("max", "statistical", max, "real-valued", True,
       fast=_reduction(_REAL, "nonempty"), batch="reduce"),
    Op("mean", "statistical", mean, "floating-point", True, fast=_reduction(_FLOAT), batch="reduce"),
    Op("min", "statistical", min, "real-valued", True,
       fast=_reduction(_REAL, "nonempty"), batch="reduce"),
    Op("prod", "statistical", prod, "numeric", True,
       fast=_reduction(_FLOAT_OR_COMPLEX, dtype=Kind("dtype_of", ref="x")), batch="reduce"),
    Op("std", "statistical", std, "real-valued floating-point", True,
       fast=_reduction(_REAL_FLOAT, correction=Kind("nonneg")), batch="reduce"),
    Op("sum", "statistical", sum, "numeric", True,
       fast=_reduction(_FLOAT_OR_COMPLEX, dtype=Kind("dtype_of", ref="x")), batch="reduce"),
    Op("var", "statistical", var, "real-valued floating-point", True,
       fast=_reduction(_REAL_FLOAT, correction=Kind("nonneg")), batch="reduce"),
]

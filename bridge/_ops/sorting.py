"""Sorting functions (Array API standard, "Sorting Functions")."""

from __future__ import annotations

from .. import _dispatch
from .._dispatch import normalize_axis
from .._dtypes import CATEGORIES
from .._registry import Op

_REAL = CATEGORIES["real-valued"]


def _sort_args(func, x, axis):
    x = _dispatch.as_tensor(x, func)
    _dispatch.check_dtype(func, x, _REAL, "real-valued")
    if x.ndim == 0:
        raise ValueError(f"{func}: x must have at least 1 dimension")
    return x, normalize_axis(axis, x.ndim, func)


def argsort(x, /, *, axis=-1, descending=False, stable=True):
    """Indices that sort x along ``axis``; with ``stable`` equal elements keep their
    order, also when ``descending``."""
    x, axis = _sort_args("argsort", x, axis)
    return _dispatch.run("argsort", (x,), axis, _dispatch.flag("argsort", "descending", descending),
                         _dispatch.flag("argsort", "stable", stable))


def sort(x, /, *, axis=-1, descending=False, stable=True):
    """x sorted along ``axis`` (NaNs last when ascending)."""
    x, axis = _sort_args("sort", x, axis)
    return _dispatch.run("sort", (x,), axis, _dispatch.flag("sort", "descending", descending),
                         _dispatch.flag("sort", "stable", stable))


OPS = [
    Op("argsort", "sorting", argsort, "real-valued", False, batch="axis"),
    Op("sort", "sorting", sort, "real-valued", True, batch="axis"),
]

"""Set functions (Array API standard, "Set Functions").

NaNs are distinct from each other, as the standard says: each NaN is its own unique
value (NumPy's ``unique`` collapses them by default; bridge asks it not to).
"""

from __future__ import annotations

from collections import namedtuple

from .. import _dispatch
from .._registry import Op

UniqueAllResult = namedtuple("UniqueAllResult", ["values", "indices", "inverse_indices", "counts"])
UniqueCountsResult = namedtuple("UniqueCountsResult", ["values", "counts"])
UniqueInverseResult = namedtuple("UniqueInverseResult", ["values", "inverse_indices"])


def unique_all(x, /):
    """Unique values, the index of each one's first occurrence, the inverse indices
    (x's shape) and the counts."""
    x = _dispatch.as_tensor(x, "unique_all")
    return UniqueAllResult(*_dispatch.run("unique_all", (x,)))


def unique_counts(x, /):
    x = _dispatch.as_tensor(x, "unique_counts")
    return UniqueCountsResult(*_dispatch.run("unique_counts", (x,)))


def unique_inverse(x, /):
    x = _dispatch.as_tensor(x, "unique_inverse")
    return UniqueInverseResult(*_dispatch.run("unique_inverse", (x,)))


def unique_values(x, /):
    x = _dispatch.as_tensor(x, "unique_values")
    return _dispatch.run("unique_values", (x,))


def isin(x1, x2, /, *, invert=False):
    """Whether each element of x1 is in x2 (bool, x1's shape)."""
    func = "isin"
    scalars = _dispatch.PY_SCALARS
    if x1.__class__ in scalars and x2.__class__ in scalars:
        raise TypeError(f"{func}: at least one of x1 and x2 must be a Tensor")
    if x1.__class__ in scalars:
        x1 = _dispatch.TENSOR(x1, device=x2.device)
    x1 = _dispatch.as_tensor(x1, func, "x1")
    if x2.__class__ in scalars:
        x2 = _dispatch.TENSOR(x2, device=x1.device)
    x2 = _dispatch.as_tensor(x2, func, "x2")
    return _dispatch.run("isin", (x1, x2), bool(invert))


OPS = [
    Op("unique_all", "sets", unique_all, "any", False, batch="error"),
    Op("unique_counts", "sets", unique_counts, "any", False, batch="error"),
    Op("unique_inverse", "sets", unique_inverse, "any", False, batch="error"),
    Op("unique_values", "sets", unique_values, "any", False, batch="error"),
    Op("isin", "sets", isin, "any", False, batch="unary"),
]

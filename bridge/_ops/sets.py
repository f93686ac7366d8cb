"""Set functions (Array API standard, "Set Functions").

NaNs are distinct from each other, as the standard says: each NaN is its own unique
value (NumPy's ``unique`` collapses them by default; bridge asks it not to).
"""

from __future__ import annotations

from collections import namedtuple

import numpy as np

from .. import _dispatch
from .._dtypes import scalar_result_dtype
from .._registry import Op, ops

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
    # a Python scalar takes the other operand's dtype by the scalar promotion rules (so
    # 2**63 goes with a uint64 tensor and -2**63 with an int64 one)
    # an int no element of the dtype can equal is in nothing (as in NumPy)
    if x1.__class__ in scalars:
        x2 = _dispatch.as_tensor(x2, func, "x2")
        x1 = _scalar_like(func, x1, x2)
        if x1 is None:
            return _dispatch.TENSOR(bool(invert), device=x2.device)
    x1 = _dispatch.as_tensor(x1, func, "x1")
    if x2.__class__ in scalars:
        x2 = _scalar_like(func, x2, x1)
        if x2 is None:
            return ops.full(x1.shape, bool(invert), device=x1.device)
    x2 = _dispatch.as_tensor(x2, func, "x2")
    return _dispatch.run("isin", (x1, x2), bool(invert))


def _scalar_like(func, scalar, other):
    """A 0-d tensor of ``scalar`` in the dtype the promotion rules give it next to
    ``other``; None for an int outside that (integer) dtype's range."""
    dtype = scalar_result_dtype(func, other.dtype, scalar)
    if scalar.__class__ is int and dtype.kind in "iu":
        info = np.iinfo(dtype)
        if not info.min <= scalar <= info.max:
            return None
    return _dispatch.TENSOR(scalar, dtype=dtype, device=other.device)


OPS = [
    Op("unique_all", "sets", unique_all, "any", False, batch="error"),
    Op("unique_counts", "sets", unique_counts, "any", False, batch="error"),
    Op("unique_inverse", "sets", unique_inverse, "any", False, batch="error"),
    Op("unique_values", "sets", unique_values, "any", False, batch="error"),
    Op("isin", "sets", isin, "any", False, batch="unary"),
]

"""Searching functions (Array API standard, "Searching Functions")."""

from __future__ import annotations

import numpy as np

from .. import _dispatch
from .._dispatch import PY_SCALARS, normalize_axes, normalize_axis
from .._dtypes import CATEGORIES
from .._registry import BOOL, Fast, Op, axes, axis, tensor

_REAL = CATEGORIES["real-valued"]
# argmax/argmin of a bool mask: NumPy's and PyTorch's first True (or False)
_REAL_OR_BOOL = _REAL | CATEGORIES["bool"]


def _arg_reduction(name, x, axis, keepdims):
    x = _dispatch.as_tensor(x, name)
    _dispatch.check_dtype(name, x, _REAL_OR_BOOL, "real-valued or bool")
    if axis is None:
        if x.size == 0:
            raise ValueError(f"{name}: x is empty; the {name} of an empty tensor is undefined")
    else:
        # only the reduced axis must be non-empty: argmax of shape (0, 4) along axis 1
        # is an empty result, as in NumPy and PyTorch
        axis = normalize_axis(axis, x.ndim, name)
        if x.shape[axis] == 0:
            raise ValueError(f"{name}: axis {axis} of x is empty; the {name} over it is "
                             "undefined")
    return _dispatch.run(name, (x,), axis=axis, keepdims=_dispatch.flag(name, "keepdims", keepdims))


def argmax(x, /, *, axis=None, keepdims=False):
    """Index of the first maximum (over the flattened tensor when axis is None)."""
    return _arg_reduction("argmax", x, axis, keepdims)


def argmin(x, /, *, axis=None, keepdims=False):
    """Index of the first minimum (over the flattened tensor when axis is None)."""
    return _arg_reduction("argmin", x, axis, keepdims)


def count_nonzero(x, /, *, axis=None, keepdims=False):
    """Number of non-zero elements along ``axis`` (int64)."""
    x = _dispatch.as_tensor(x, "count_nonzero")
    axes = normalize_axes(axis, x.ndim, "count_nonzero")
    return _dispatch.run("count_nonzero", (x,), axis=axes, keepdims=_dispatch.flag("count_nonzero", "keepdims", keepdims))


def nonzero(x, /):
    """Indices of the non-zero elements, one int64 tensor per dimension (a tuple)."""
    x = _dispatch.as_tensor(x, "nonzero")
    if x.ndim == 0:
        raise ValueError("nonzero: x must have at least 1 dimension; use x.reshape((1,))")
    return tuple(_dispatch.run("nonzero", (x,)))


def searchsorted(x1, x2, /, *, side="left", sorter=None):
    """Indices where the elements of x2 would be inserted into sorted 1-d x1."""
    func = "searchsorted"
    x1 = _dispatch.as_tensor(x1, func, "x1")
    _dispatch.check_dtype(func, x1, _REAL, "real-valued", "x1")
    if x1.ndim != 1:
        raise ValueError(f"{func}: x1 must be 1-dimensional, got shape {x1.shape}")
    if side not in ("left", "right"):
        raise ValueError(f"{func}: side must be 'left' or 'right', got {side!r}")
    if x2.__class__ in PY_SCALARS:
        x2 = _dispatch.TENSOR(x2, dtype=x1.dtype, device=x1.device)
    x2 = _dispatch.as_tensor(x2, func, "x2")
    _dispatch.check_dtype(func, x2, _REAL, "real-valued", "x2")
    inputs = (x1, x2)
    if sorter is not None:
        sorter = _dispatch.as_tensor(sorter, func, "sorter")
        if sorter.dtype.kind not in "iu" or sorter.shape != x1.shape:
            raise ValueError(f"{func}: sorter must be an integer tensor of x1's shape")
        inputs = (x1, x2, sorter)
    return _dispatch.run("searchsorted", inputs, side=side)


def where(condition, x1, x2, /):
    """Elements of x1 where ``condition`` is True, else of x2 (broadcast together).

    x1 and x2 may be Python scalars (2024.12); a scalar takes the dtype of the other
    operand, as in binary functions.
    """
    func = "where"
    condition = _dispatch.as_tensor(condition, func, "condition")
    if condition.dtype != np.bool_:
        raise TypeError(f"{func}: condition must have dtype bool, got {condition.dtype}")
    tensor = _dispatch.TENSOR
    s1 = x1.__class__ in PY_SCALARS
    s2 = x2.__class__ in PY_SCALARS
    if s1 and s2:
        # the standard asks for at least one array; NumPy users write where(c, -1, 1):
        # both scalars take their default dtypes on the condition's device
        x1 = tensor(x1, device=condition.device)
        x2 = tensor(x2, device=condition.device)
        s1 = s2 = False
    if not s1:
        x1 = _dispatch.as_tensor(x1, func, "x1")
    if not s2:
        x2 = _dispatch.as_tensor(x2, func, "x2")
    if s1:
        x1 = tensor(x1, dtype=_scalar_dtype(func, x2.dtype, x1), device=x2.device)
    if s2:
        x2 = tensor(x2, dtype=_scalar_dtype(func, x1.dtype, x2), device=x1.device)
    return _dispatch.run("where", (condition, x1, x2))


def _scalar_dtype(func, dtype, scalar):
    from .._dtypes import scalar_result_dtype

    return scalar_result_dtype(func, dtype, scalar)


# the C front's specs (bridge/_fastpath): the kernel calls the functions above make
_ARG_REDUCTION = Fast(dict(x=tensor(_REAL_OR_BOOL), axis=axis("x", "optional", "nonempty"),
                           keepdims=BOOL), kw=("axis", "keepdims"))

OPS = [
    Op("argmax", "searching", argmax, "real-valued", False, fast=_ARG_REDUCTION, batch="axis"),
    Op("argmin", "searching", argmin, "real-valued", False, fast=_ARG_REDUCTION, batch="axis"),
    Op("count_nonzero", "searching", count_nonzero, "any", False,
       fast=Fast(dict(x=tensor(), axis=axes("x"), keepdims=BOOL), kw=("axis", "keepdims")), batch="reduce"),
    Op("nonzero", "searching", nonzero, "any", False, batch="error"),
    Op("searchsorted", "searching", searchsorted, "real-valued", False),
    Op("where", "searching", where, "any", True,
       fast=Fast(dict(condition=tensor("bool"), x1=tensor(), x2=tensor(like="x1"))), batch="elementwise"),
]

"""Utility functions (Array API standard, "Utility Functions"): all, any, diff."""

from __future__ import annotations

import builtins
import operator

from .. import _dispatch
from .._dispatch import normalize_axes, normalize_axis
from .._registry import BOOL, Fast, Op, axes, tensor


def all(x, /, *, axis=None, keepdims=False):  # noqa: A001
    """Whether every element along ``axis`` is truthy (True for an empty reduction)."""
    x = _dispatch.as_tensor(x, "all")
    return _dispatch.run("all", (x,), axis=normalize_axes(axis, x.ndim, "all"),
                         keepdims=_dispatch.flag("all", "keepdims", keepdims))


def any(x, /, *, axis=None, keepdims=False):  # noqa: A001
    """Whether some element along ``axis`` is truthy (False for an empty reduction)."""
    x = _dispatch.as_tensor(x, "any")
    return _dispatch.run("any", (x,), axis=normalize_axes(axis, x.ndim, "any"),
                         keepdims=_dispatch.flag("any", "keepdims", keepdims))


def diff(x, /, *, axis=-1, n=1, prepend=None, append=None):
    """The n-th discrete difference along ``axis``, after joining prepend/append."""
    func = "diff"
    x = _dispatch.as_tensor(x, func)
    if x.ndim == 0:
        raise ValueError(f"{func}: x must have at least 1 dimension")
    axis = normalize_axis(axis, x.ndim, func)
    n = operator.index(n)
    if n < 0:
        raise ValueError(f"{func}: n={n} must be non-negative")
    inputs = [x]
    for argname, extra in (("prepend", prepend), ("append", append)):
        if extra is None:
            continue
        if extra.__class__ in _dispatch.PY_SCALARS:
            shape = list(x.shape)
            shape[axis] = 1
            from .creation import full

            extra = full(tuple(shape), extra, dtype=x.dtype, device=x.device)
        extra = _dispatch.as_tensor(extra, func, argname)
        if extra.ndim != x.ndim or builtins.any(
            a != b for i, (a, b) in enumerate(zip(extra.shape, x.shape)) if i != axis
        ):
            raise ValueError(
                f"{func}: {argname} of shape {extra.shape} does not match x's shape {x.shape} "
                f"off axis {axis}"
            )
        inputs.append(extra)
    return _dispatch.run(func, tuple(inputs), axis=axis, n=n,
                         has_prepend=prepend is not None, has_append=append is not None)


# the C front's spec (bridge/_fastpath): the kernel call all and any make
_TRUTH = Fast(dict(x=tensor(), axis=axes("x"), keepdims=BOOL), kw=("axis", "keepdims"))

OPS = [
    Op("all", "utility", all, "any", False, fast=_TRUTH, batch="reduce"),
    Op("any", "utility", any, "any", False, fast=_TRUTH, batch="reduce"),
    Op("diff", "utility", diff, "numeric", True, batch="axis"),
]

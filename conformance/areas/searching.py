"""Searching: argmax/argmin, nonzero, where, searchsorted, count_nonzero."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ..core import Check, Context, describe, fail
from ..reproduce import line
from ._shared import (
    NEEDS_FLOAT64,
    area_not_offered,
    assert_matches,
    call,
    check_invalid_axes,
    expression,
    real_arrays,
    require,
)

AREA = "searching"


def check_argmax_argmin(ctx: Context) -> None:
    require(ctx, "argmax", "argmin")
    index_dtype = ctx.dtype_name(ctx.xp.__array_namespace_info__().default_dtypes()["indexing"])

    def body(case):
        (a, x), axis, keepdims = case
        for name, reference in (("argmax", np.argmax), ("argmin", np.argmin)):
            want = reference(a, axis=axis, keepdims=keepdims)
            got = call(ctx, name, x, axis=axis, keepdims=keepdims)
            assert_matches(ctx, f"{name}({describe(a)}, axis={axis}, keepdims={keepdims})", got, want,
                           dtype=index_dtype, inputs=a)

    strategy = real_arrays(ctx, low=-5, high=5).flatmap(lambda pair: st.tuples(
        st.just(pair), st.one_of(st.none(), st.integers(-len(pair[0].shape), len(pair[0].shape) - 1)), st.booleans()))
    ctx.for_all(strategy, body)


def check_nonzero_where(ctx: Context) -> None:
    require(ctx, "nonzero", "where", "count_nonzero")
    a = np.array([[0.0, 1.5, 0.0], [2.0, 0.0, -1.0]])
    x = ctx.asarray(a, "float64")
    # nonzero's shape depends on the data: only for namespaces that say they have those
    if ctx.xp.__array_namespace_info__().capabilities().get("data-dependent shapes", True):
        found = call(ctx, "nonzero", x)
        result = found.value
        if not isinstance(result, tuple) or len(result) != 2:
            fail(f"nonzero({describe(a)}) returned {type(result).__name__} of length {len(result)}; expected a "
                 f"tuple of 2 index arrays", reproducer=line(found.code, f"expected a tuple of 2 arrays, got "
                                                                        f"{type(result).__name__} of length "
                                                                        f"{len(result)}"))
        for i, want in enumerate(np.nonzero(a)):
            assert_matches(ctx, f"nonzero({describe(a)})[{i}]",
                           expression(ctx, "xp.nonzero({0})[{1}]", lambda i=i: result[i], x, i), want)
    condition = ctx.asarray(a > 0, "bool")
    assert_matches(ctx, "where(x > 0, x, -x)", call(ctx, "where", condition, x, -x), np.where(a > 0, a, -a))
    assert_matches(ctx, "where(x > 0, x, 0.0) with a Python scalar", call(ctx, "where", condition, x, 0.0),
                   np.where(a > 0, a, 0.0))
    assert_matches(ctx, f"count_nonzero({describe(a)}, axis=1)", call(ctx, "count_nonzero", x, axis=1),
                   np.count_nonzero(a, axis=1))
    assert_matches(ctx, f"count_nonzero({describe(a)}, keepdims=True)", call(ctx, "count_nonzero", x, keepdims=True),
                   np.count_nonzero(a, keepdims=True))


def check_searchsorted(ctx: Context) -> None:
    require(ctx, "searchsorted")
    haystack = np.array([1.0, 2.0, 2.0, 3.0, 5.0])
    needles = np.array([0.0, 2.0, 4.0, 6.0])
    x1, x2 = ctx.asarray(haystack, "float64"), ctx.asarray(needles, "float64")
    for side in ("left", "right"):
        assert_matches(ctx, f"searchsorted({haystack.tolist()}, {needles.tolist()}, side={side!r})",
                       call(ctx, "searchsorted", x1, x2, side=side), np.searchsorted(haystack, needles, side=side))
    unsorted = np.array([3.0, 1.0, 2.0])
    sorter = np.argsort(unsorted)
    index_dtype = ctx.dtype_name(ctx.xp.__array_namespace_info__().default_dtypes()["indexing"])
    assert_matches(ctx, "searchsorted([3, 1, 2], [2.5], sorter=argsort)",
                   call(ctx, "searchsorted", ctx.asarray(unsorted, "float64"), ctx.asarray([2.5], "float64"),
                        sorter=ctx.asarray(sorter, index_dtype)),
                   np.searchsorted(unsorted, [2.5], sorter=sorter))


INVALID_AXES = (
    ("argmax", lambda x: (x,), {"axis": 2}),
    ("argmin", lambda x: (x,), {"axis": -3}),
    ("count_nonzero", lambda x: (x,), {"axis": 2}),
    ("count_nonzero", lambda x: (x,), {"axis": (0, -3)}),
)


def check_invalid_axis(ctx: Context) -> None:
    check_invalid_axes(ctx, INVALID_AXES)


def checks(ctx: Context):
    if not ctx.has("float64"):
        yield area_not_offered(AREA, NEEDS_FLOAT64)
        return
    yield Check(AREA, "argmax and argmin with axis and keepdims", check_argmax_argmin)
    yield Check(AREA, "nonzero (a tuple), where, count_nonzero", check_nonzero_where)
    yield Check(AREA, "searchsorted with side and sorter", check_searchsorted)
    yield Check(AREA, "an out-of-range axis raises", check_invalid_axis)

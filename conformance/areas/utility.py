"""Utility functions: all, any, diff."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ..core import Check, Context, describe
from ._shared import (
    NEEDS_FLOAT64,
    area_not_offered,
    assert_matches,
    call,
    check_invalid_axes,
    real_arrays,
    require,
)

AREA = "utility"


def check_all_any(ctx: Context) -> None:
    require(ctx, "all", "any")

    def body(case):
        (a, x), axis, keepdims = case
        for name, reference in (("all", np.all), ("any", np.any)):
            assert_matches(ctx, f"{name}({describe(a)}, axis={axis}, keepdims={keepdims})",
                           call(ctx, name, x, axis=axis, keepdims=keepdims), reference(a, axis=axis, keepdims=keepdims),
                           dtype="bool", inputs=a)

    strategy = real_arrays(ctx, low=-1, high=1, dtype="int64" if ctx.has("int64") else "float64").flatmap(
        lambda pair: st.tuples(st.just(pair), st.one_of(st.none(), st.integers(0, len(pair[0].shape) - 1)),
                               st.booleans()))
    ctx.for_all(strategy, body)


def check_diff(ctx: Context) -> None:
    require(ctx, "diff")

    def body(case):
        (a, x), axis, n = case
        if a.shape[axis] <= n:
            return
        assert_matches(ctx, f"diff({describe(a)}, axis={axis}, n={n})", call(ctx, "diff", x, axis=axis, n=n),
                       np.diff(a, n=n, axis=axis), inputs=a)
        edge = np.take(a, [0], axis=axis)
        assert_matches(ctx, f"diff({describe(a)}, axis={axis}, prepend=x[first], append=x[first])",
                       call(ctx, "diff", x, axis=axis, prepend=ctx.asarray(edge, "float64"),
                            append=ctx.asarray(edge, "float64")),
                       np.diff(a, axis=axis, prepend=edge, append=edge), inputs=a)

    strategy = real_arrays(ctx).flatmap(lambda pair: st.tuples(
        st.just(pair), st.integers(-len(pair[0].shape), len(pair[0].shape) - 1), st.integers(1, 2)))
    ctx.for_all(strategy, body)


INVALID_AXES = (
    ("all", lambda x: (x,), {"axis": 2}),
    ("any", lambda x: (x,), {"axis": (0, -3)}),
    ("diff", lambda x: (x,), {"axis": 2}),
    ("diff", lambda x: (x,), {"axis": -3}),
)


def check_invalid_axis(ctx: Context) -> None:
    check_invalid_axes(ctx, INVALID_AXES)


def checks(ctx: Context):
    if not ctx.has("float64"):
        yield area_not_offered(AREA, NEEDS_FLOAT64)
        return
    yield Check(AREA, "all and any with axis and keepdims", check_all_any)
    yield Check(AREA, "diff with n, prepend and append", check_diff)
    yield Check(AREA, "an out-of-range axis raises", check_invalid_axis)

"""Sorting: sort and argsort, ascending and descending, stable order of ties."""

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
    real_arrays,
    require,
)

AREA = "sorting"


def with_axis(ctx: Context) -> st.SearchStrategy:
    return real_arrays(ctx, low=-3, high=3).flatmap(
        lambda pair: st.tuples(st.just(pair), st.integers(-len(pair[0].shape), len(pair[0].shape) - 1)))


def check_sort(ctx: Context) -> None:
    require(ctx, "sort")

    def body(case):
        (a, x), axis = case
        assert_matches(ctx, f"sort({describe(a)}, axis={axis})", call(ctx, "sort", x, axis=axis), np.sort(a, axis=axis),
                       inputs=a)

    ctx.for_all(with_axis(ctx), body)


def check_sort_descending(ctx: Context) -> None:
    require(ctx, "sort")

    def body(case):
        (a, x), axis = case
        want = np.flip(np.sort(a, axis=axis), axis=axis)
        assert_matches(ctx, f"sort({describe(a)}, axis={axis}, descending=True)",
                       call(ctx, "sort", x, axis=axis, descending=True), want, inputs=a)

    ctx.for_all(with_axis(ctx), body)


def stable_descending_order(a: np.ndarray, axis: int) -> np.ndarray:
    """Indices of a stable descending sort: ties keep their original order."""
    moved = np.moveaxis(a, axis, -1)
    order = np.empty(moved.shape, dtype=np.int64)
    for index in np.ndindex(*moved.shape[:-1]):
        row = moved[index]
        order[index] = sorted(range(row.size), key=lambda i: (-row[i], i))
    return np.moveaxis(order, -1, axis)


def check_argsort(ctx: Context) -> None:
    require(ctx, "argsort")

    def body(case):
        (a, x), axis = case
        rounded = np.round(a)  # many ties, so stability is observable
        xr = ctx.asarray(rounded, "float64")
        assert_matches(ctx, f"argsort({describe(rounded)}, axis={axis}, stable=True)",
                       call(ctx, "argsort", xr, axis=axis, stable=True), np.argsort(rounded, axis=axis, stable=True), inputs=rounded)
        assert_matches(ctx, f"argsort({describe(rounded)}, axis={axis}, descending=True, stable=True)",
                       call(ctx, "argsort", xr, axis=axis, descending=True, stable=True),
                       stable_descending_order(rounded, axis), inputs=rounded)

    ctx.for_all(with_axis(ctx), body)


def check_nan_last(ctx: Context) -> None:
    require(ctx, "sort")
    result = call(ctx, "sort", ctx.asarray([2.0, float("nan"), -1.0], "float64"))
    got = ctx.to_numpy(result.value)
    if not (got[0] == -1.0 and got[1] == 2.0 and np.isnan(got[2])):
        fail(f"sort([2.0, nan, -1.0]) gave {got.tolist()}; NaN must sort last in ascending order",
             reproducer=line(result.code, f"expected [-1.0, 2.0, nan], got {got.tolist()}"))


INVALID_AXES = tuple((name, lambda x: (x,), {"axis": axis}) for name in ("sort", "argsort") for axis in (2, -3))


def check_invalid_axis(ctx: Context) -> None:
    check_invalid_axes(ctx, INVALID_AXES)


def checks(ctx: Context):
    if not ctx.has("float64"):
        yield area_not_offered(AREA, NEEDS_FLOAT64)
        return
    yield Check(AREA, "sort ascending", check_sort)
    yield Check(AREA, "sort descending=True", check_sort_descending)
    yield Check(AREA, "argsort stable, ascending and descending", check_argsort)
    yield Check(AREA, "sort places NaN last", check_nan_last)
    yield Check(AREA, "an out-of-range axis raises", check_invalid_axis)

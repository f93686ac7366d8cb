"""Indexing: basic indexing (integers, slices, ellipsis, None), boolean masks, integer
array indexing via take/take_along_axis, and __setitem__."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ..core import Check, Context, describe, fail
from ..reproduce import Source, line
from ._shared import (
    NEEDS_FLOAT64,
    area_not_offered,
    assert_matches,
    call,
    check_invalid_axes,
    expression,
    real_arrays,
    require,
    source_of,
)

AREA = "indexing"


def check_basic_indexing(ctx: Context) -> None:
    def body(case):
        (a, x), index = case
        assert_matches(ctx, f"x[{index!r}] for x {describe(a)}", expression(ctx, "{0}[{1}]", lambda: x[index], x, index),
                       a[index], inputs=a)

    strategy = real_arrays(ctx, min_side=1).flatmap(
        lambda pair: st.tuples(st.just(pair), hnp.basic_indices(pair[0].shape, allow_newaxis=True,
                                                                  allow_ellipsis=True)))
    ctx.for_all(strategy, body)


def check_boolean_mask(ctx: Context) -> None:
    capabilities = ctx.xp.__array_namespace_info__().capabilities()
    if not capabilities.get("boolean indexing", True):
        return
    a = np.arange(12.0).reshape(3, 4)
    x = ctx.asarray(a, "float64")
    mask = a % 3 == 0
    key = ctx.asarray(mask, "bool")
    assert_matches(ctx, f"x[mask] for x {describe(a)}, mask x % 3 == 0",
                   expression(ctx, "{0}[{1}]", lambda: x[key], x, key), a[mask])
    row_mask = np.array([True, False, True])
    row_key = ctx.asarray(row_mask, "bool")
    assert_matches(ctx, "x[row_mask] with a 1-d mask on the first axis",
                   expression(ctx, "{0}[{1}]", lambda: x[row_key], x, row_key), a[row_mask])


def check_take(ctx: Context) -> None:
    require(ctx, "take", "take_along_axis")
    index_dtype = ctx.dtype_name(ctx.xp.__array_namespace_info__().default_dtypes()["indexing"])
    a = np.arange(12.0).reshape(3, 4)
    x = ctx.asarray(a, "float64")
    indices = np.array([2, 0, 2])
    idx = ctx.asarray(indices, index_dtype)
    for axis in (0, 1, -1):
        assert_matches(ctx, f"take(x, [2, 0, 2], axis={axis})", call(ctx, "take", x, idx, axis=axis),
                       np.take(a, indices, axis=axis))
    order = np.argsort(-a, axis=1)
    assert_matches(ctx, "take_along_axis(x, argsort(-x, axis=1), axis=1)",
                   call(ctx, "take_along_axis", x, ctx.asarray(order, index_dtype), axis=1),
                   np.take_along_axis(a, order, axis=1))


def check_setitem(ctx: Context) -> None:
    a = np.zeros((3, 4))
    x = ctx.asarray(a, "float64")
    column = ctx.asarray([1.0, 2.0, 3.0], "float64")
    # the same writes as one expression over xp, for the reproducer: (x := ...) then
    # each __setitem__ (which returns None, so `or` goes on to the next)
    writes = [((1, slice(None)), 5.0), ((Ellipsis, 0), column), ((slice(0, 3, 2), slice(1, 3)), -1.0)]
    for key, value in writes:
        x[key] = value
        a[key] = ctx.to_numpy(value) if hasattr(value, "shape") else value

    def written(start: np.ndarray, steps: list) -> str:
        parts = [f"x.__setitem__({source_of(ctx, k)}, {source_of(ctx, v)})" for k, v in steps]
        return f"((x := {source_of(ctx, start)}), " + ", ".join(parts) + ", x)[-1]"

    assert_matches(ctx, "x after x[1, :] = 5; x[..., 0] = [1, 2, 3]; x[0:3:2, 1:3] = -1",
                   expression(ctx, "{0}", lambda: x, Source(written(np.zeros((3, 4)), writes))), a)
    mask = a > 2
    before = a.copy()
    key = ctx.asarray(mask, "bool")
    x[key] = 0.0
    a[mask] = 0.0
    assert_matches(ctx, "x after x[x > 2] = 0", expression(ctx, "{0}", lambda: x, Source(written(before, [(key, 0.0)]))),
                   a)


def check_negative_and_out_of_range(ctx: Context) -> None:
    x = ctx.asarray([1.0, 2.0, 3.0], "float64")
    code = source_of(ctx, x)
    got = float(x[-1])
    if got != 3.0:
        fail(f"x[-1] of [1.0, 2.0, 3.0] gave {got}, expected 3.0", reproducer=line(f"{code}[-1]", f"expected 3.0, got {got}"))
    try:
        x[3]
    except IndexError:
        return
    except Exception as error:  # the standard names IndexError for out-of-bounds integers
        fail(f"x[3] of a length-3 array raised {type(error).__name__}, expected IndexError",
             reproducer=line(f"{code}[3]", f"expected IndexError, got {type(error).__name__}"))
    fail("x[3] of a length-3 array did not raise IndexError",
         reproducer=line(f"{code}[3]", "expected IndexError, got no exception"))


def check_invalid_axis(ctx: Context) -> None:
    index_dtype = ctx.dtype_name(ctx.xp.__array_namespace_info__().default_dtypes()["indexing"])
    indices = ctx.asarray([0, 1], index_dtype)
    order = ctx.asarray([[0, 1, 2], [2, 1, 0]], index_dtype)
    check_invalid_axes(ctx, (
        ("take", lambda x: (x, indices), {"axis": 2}),
        ("take", lambda x: (x, indices), {"axis": -3}),
        ("take_along_axis", lambda x: (x, order), {"axis": 2}),
    ))


def checks(ctx: Context):
    if not ctx.has("float64"):
        yield area_not_offered(AREA, NEEDS_FLOAT64)
        return
    yield Check(AREA, "basic indexing (integers, slices, ..., None)", check_basic_indexing)
    yield Check(AREA, "boolean mask indexing", check_boolean_mask)
    yield Check(AREA, "take and take_along_axis", check_take)
    yield Check(AREA, "__setitem__ with slices, ellipsis, arrays and masks", check_setitem)
    yield Check(AREA, "negative indices and IndexError out of range", check_negative_and_out_of_range)
    yield Check(AREA, "an out-of-range axis raises (take, take_along_axis)", check_invalid_axis)

"""Statistical reductions against NumPy references: values, keepdims and axis tuples,
result dtypes for sum/prod defaults, correction for var/std, cumulative functions."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ..core import DTYPE_INFO, INTEGER_DTYPES, Check, CheckSkipped, Context, describe, fail
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

AREA = "statistics"


def with_axes(ctx: Context) -> st.SearchStrategy:
    def axes_for(pair):
        ndim = len(pair[0].shape)
        return st.tuples(st.just(pair), st.one_of(
            st.none(), st.integers(-ndim, ndim - 1),
            st.lists(st.integers(0, ndim - 1), unique=True, min_size=1).map(tuple)), st.booleans())
    return real_arrays(ctx).flatmap(axes_for)


def check_reductions(ctx: Context) -> None:
    require(ctx, "sum", "prod", "mean", "min", "max", "var", "std")
    references = {"sum": np.sum, "prod": np.prod, "mean": np.mean, "min": np.min, "max": np.max,
                  "var": np.var, "std": np.std}

    def body(case):
        (a, x), axis, keepdims = case
        for name, reference in references.items():
            if name == "prod":
                a_used = np.clip(a, -2, 2)
                x_used = ctx.asarray(a_used, "float64")
            else:
                a_used, x_used = a, x
            want = reference(a_used, axis=axis, keepdims=keepdims)
            assert_matches(ctx, f"{name}({describe(a_used)}, axis={axis}, keepdims={keepdims})",
                           call(ctx, name, x_used, axis=axis, keepdims=keepdims), want, dtype="float64",
                           rtol=1e-9, atol=1e-9, inputs=a_used)
        for correction in (0, 1):
            size = a.size if axis is None else int(np.prod([a.shape[i] for i in np.atleast_1d(axis)]))
            if size > correction:
                assert_matches(ctx, f"var({describe(a)}, axis={axis}, correction={correction})",
                               call(ctx, "var", x, axis=axis, correction=correction),
                               np.var(a, axis=axis, ddof=correction), rtol=1e-9, atol=1e-9, inputs=a)

    ctx.for_all(with_axes(ctx), body)


def accumulation_dtype(dtype: str, default_int: str) -> str:
    """The result dtype of sum/prod/cumulative_sum/cumulative_prod/trace with dtype=None:
    integers narrower than the default integer dtype accumulate in it (unsigned ones in
    the unsigned dtype of its width); every other dtype is kept."""
    if dtype not in INTEGER_DTYPES:
        return dtype
    bits, default_bits = DTYPE_INFO[dtype][1], DTYPE_INFO[default_int][1]
    if bits < default_bits:
        return f"uint{default_bits}" if dtype.startswith("uint") else default_int
    return dtype


def check_default_accumulation_dtypes(ctx: Context) -> None:
    """sum, prod, cumulative_sum and cumulative_prod of every integer dtype (and of
    float32) have the standard's default result dtype; max and min keep the dtype."""
    xp = ctx.xp
    default_int = ctx.dtype_name(xp.__array_namespace_info__().default_dtypes()["integral"])
    for dtype in [d for d in INTEGER_DTYPES + ("float32",) if ctx.has(d)]:
        want = accumulation_dtype(dtype, default_int)
        if not ctx.has(want):
            continue
        x = ctx.asarray([1, 2], dtype)
        for name in ("sum", "prod", "cumulative_sum", "cumulative_prod", "max", "min"):
            if not hasattr(xp, name):
                continue
            expected = dtype if name in ("max", "min") else want
            result = call(ctx, name, x)
            got = ctx.dtype_name(result.value.dtype)
            if got != expected:
                fail(f"{name}({dtype} array) has dtype {got}; the standard's result dtype for {dtype} input is "
                     f"{expected}", dtype=dtype, got=got,
                     reproducer=line(result.code, f"expected dtype {expected}, got {got}"))
    if ctx.has("float64") and ctx.has("float32"):
        result = call(ctx, "sum", ctx.asarray([1, 2], "float32"), dtype=xp.float64)
        got = ctx.dtype_name(result.value.dtype)
        if got != "float64":
            fail(f"sum(float32 array, dtype=float64) has dtype {got}",
                 reproducer=line(result.code, f"expected dtype float64, got {got}"))


def check_cumulative(ctx: Context) -> None:
    require(ctx, "cumulative_sum", "cumulative_prod")

    def body(case):
        (a, x), axis = case
        assert_matches(ctx, f"cumulative_sum({describe(a)}, axis={axis})", call(ctx, "cumulative_sum", x, axis=axis),
                       np.cumsum(a, axis=axis), rtol=1e-9, atol=1e-9, inputs=a)
        want = np.concatenate([np.zeros_like(np.take(a, [0], axis=axis)), np.cumsum(a, axis=axis)], axis=axis)
        assert_matches(ctx, f"cumulative_sum({describe(a)}, axis={axis}, include_initial=True)",
                       call(ctx, "cumulative_sum", x, axis=axis, include_initial=True), want, rtol=1e-9, atol=1e-9,
                       inputs=a)
        small = np.clip(a, -2, 2)
        assert_matches(ctx, f"cumulative_prod({describe(small)}, axis={axis})",
                       call(ctx, "cumulative_prod", ctx.asarray(small, "float64"), axis=axis),
                       np.cumprod(small, axis=axis), rtol=1e-9, atol=1e-9, inputs=small)

    strategy = real_arrays(ctx).flatmap(
        lambda pair: st.tuples(st.just(pair), st.integers(-len(pair[0].shape), len(pair[0].shape) - 1)))
    ctx.for_all(strategy, body)


def check_nan_propagation(ctx: Context) -> None:
    nan = float("nan")
    x = ctx.asarray([1.0, nan, 3.0], "float64")
    for name in ("sum", "mean", "max", "min", "prod", "var", "std"):
        result = call(ctx, name, x)
        got = ctx.to_numpy(result.value)
        if not np.isnan(got):
            fail(f"{name}([1.0, nan, 3.0]) gave {got.item()!r}; NaN must propagate",
                 reproducer=line(result.code, f"expected nan, got {got.item()!r}"))
    for name in ("cumulative_sum", "cumulative_prod"):
        result = call(ctx, name, x)
        got = ctx.to_numpy(result.value)
        if not (got[0] == 1.0 and np.isnan(got[1:]).all()):
            fail(f"{name}([1.0, nan, 3.0]) gave {got.tolist()}; NaN must propagate to every later element",
                 reproducer=line(result.code, f"expected [1.0, nan, nan], got {got.tolist()}"))


INVALID_AXES = tuple(
    (name, lambda x: (x,), {"axis": axis})
    for name in ("sum", "prod", "mean", "min", "max", "var", "std")
    for axis in (2, -3, (0, 2))
) + tuple((name, lambda x: (x,), {"axis": axis}) for name in ("cumulative_sum", "cumulative_prod") for axis in (2, -3))


def check_invalid_axis(ctx: Context) -> None:
    if not all(hasattr(ctx.xp, name) for name, _, _ in INVALID_AXES):
        raise CheckSkipped("a reduction is missing (the namespace area reports it)")
    check_invalid_axes(ctx, INVALID_AXES)


def checks(ctx: Context):
    if not ctx.has("float64"):
        yield area_not_offered(AREA, NEEDS_FLOAT64)
        return
    yield Check(AREA, "sum, prod, mean, min, max, var, std with axis and keepdims", check_reductions)
    yield Check(AREA, "result dtypes of sum, prod, cumulative_sum/prod, max, min for every integer dtype",
                check_default_accumulation_dtypes)
    yield Check(AREA, "cumulative_sum (include_initial) and cumulative_prod", check_cumulative)
    yield Check(AREA, "reductions and cumulative functions propagate NaN", check_nan_propagation)
    yield Check(AREA, "an out-of-range axis raises", check_invalid_axis)

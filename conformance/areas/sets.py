"""Set functions: unique_* (named tuple fields, sorted or not) and isin."""

from __future__ import annotations

import numpy as np

from ..core import INTEGER_DTYPES, Check, CheckSkipped, Context, describe, fail
from ..reproduce import line
from ._shared import assert_matches, call, real_arrays, require

AREA = "sets"


def check_unique(ctx: Context) -> None:
    require(ctx, "unique_all", "unique_counts", "unique_inverse", "unique_values")
    if not ctx.xp.__array_namespace_info__().capabilities().get("data-dependent shapes", True):
        raise CheckSkipped("capabilities() reports no data-dependent shapes, which the unique functions need")

    def body(pair):
        a, x = pair
        values = np.unique(a)
        found = call(ctx, "unique_values", x)
        got_values = np.sort(ctx.to_numpy(found.value))
        if not np.array_equal(got_values, values):
            fail(f"unique_values({describe(a)}) holds {describe(got_values)}, expected {describe(values)}", inputs=a,
                 reproducer=line(found.code, f"expected {values.tolist()} in any order, got {got_values.tolist()}"))
        everything_call = call(ctx, "unique_all", x)
        everything = everything_call.value

        def wrong(text: str) -> None:
            fail(f"unique_all({describe(a)}): {text}", inputs=a, reproducer=line(everything_call.code, text))

        for field in ("values", "indices", "inverse_indices", "counts"):
            if not hasattr(everything, field):
                wrong(f"the result has no field {field!r}")
        v = ctx.to_numpy(everything.values)
        indices = ctx.to_numpy(everything.indices)
        inverse = ctx.to_numpy(everything.inverse_indices)
        counts = ctx.to_numpy(everything.counts)
        flat = a.reshape(-1)
        if not np.array_equal(flat[indices], v):
            wrong(f"x.flat[indices] {flat[indices].tolist()} != values {v.tolist()}")
        if inverse.shape != a.shape or not np.array_equal(v[inverse], a):
            wrong(f"values[inverse_indices] does not rebuild x (inverse_indices of shape {inverse.shape})")
        if not np.array_equal(counts, np.array([np.sum(flat == value) for value in v])):
            wrong(f"counts {counts.tolist()} are wrong for values {v.tolist()}")
        counted = call(ctx, "unique_counts", x)
        total = int(np.sum(ctx.to_numpy(counted.value.counts)))
        if total != a.size:
            fail(f"unique_counts({describe(a)}): counts do not add up to x.size", inputs=a,
                 reproducer=line(counted.code, f"expected counts adding up to {a.size}, got {total}"))
        inverted = call(ctx, "unique_inverse", x)
        if not np.array_equal(ctx.to_numpy(inverted.value.values)[ctx.to_numpy(inverted.value.inverse_indices)], a):
            fail(f"unique_inverse({describe(a)}): values[inverse_indices] does not rebuild x", inputs=a,
                 reproducer=line(inverted.code, "expected values[inverse_indices] == x"))

    ctx.for_all(real_arrays(ctx, low=-3, high=3, dtype="int64" if ctx.has("int64") else "float64"), body)


def check_isin(ctx: Context) -> None:
    require(ctx, "isin")
    a = np.array([[1, 2, 3], [4, 5, 6]])
    b = np.array([2, 6, 9])
    dtype = "int64" if ctx.has("int64") else "int32"
    x1, x2 = ctx.asarray(a, dtype), ctx.asarray(b, dtype)
    assert_matches(ctx, f"isin({describe(a)}, {b.tolist()})", call(ctx, "isin", x1, x2), np.isin(a, b), dtype="bool")
    assert_matches(ctx, f"isin({describe(a)}, {b.tolist()}, invert=True)", call(ctx, "isin", x1, x2, invert=True),
                   np.isin(a, b, invert=True), dtype="bool")


def check_isin_scalars(ctx: Context) -> None:
    """isin takes a Python int for either argument (the other an array); every int
    that fits the array's dtype must be accepted, its extremes included (uint64 above
    2**63 - 1, the int64 minimum), and a scalar x1 gives a 0-d result."""
    require(ctx, "isin")
    dtypes = [d for d in INTEGER_DTYPES if ctx.has(d)]
    if not dtypes:
        raise CheckSkipped("no integer dtypes offered")
    for dtype in dtypes:
        info = np.iinfo(dtype)
        low, high = int(info.min), int(info.max)
        data = np.array([low, 0, high], dtype=dtype)
        x = ctx.asarray(data, dtype)
        for scalar in (high, low, 1):
            assert_matches(ctx, f"isin(x, {scalar}) for x = {data.tolist()} ({dtype})", call(ctx, "isin", x, scalar),
                           data == scalar, dtype="bool")
            assert_matches(ctx, f"isin({scalar}, x) for x = {data.tolist()} ({dtype})", call(ctx, "isin", scalar, x),
                           np.asarray(scalar in data.tolist()), dtype="bool")


def checks(ctx: Context):
    yield Check(AREA, "unique_all, unique_counts, unique_inverse, unique_values", check_unique)
    yield Check(AREA, "isin with and without invert", check_isin)
    yield Check(AREA, "isin with Python int scalars at the limits of every integer dtype", check_isin_scalars)

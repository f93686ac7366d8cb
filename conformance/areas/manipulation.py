"""Manipulation functions against NumPy references on hypothesis-drawn arrays."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ..core import Check, Context, describe, fail
from ..reproduce import line
from ._shared import assert_matches, call, check_invalid_axes, expression, real_arrays, require

AREA = "manipulation"


def with_axis(ctx: Context, **kwargs) -> st.SearchStrategy:
    return real_arrays(ctx, **kwargs).flatmap(
        lambda pair: st.tuples(st.just(pair), st.integers(-len(pair[0].shape), len(pair[0].shape) - 1)))


def check_reshape_permute(ctx: Context) -> None:
    require(ctx, "reshape", "permute_dims", "matrix_transpose")

    def body(pair):
        a, x = pair
        assert_matches(ctx, f"reshape({describe(a)}, (-1,))", call(ctx, "reshape", x, (-1,)), a.reshape(-1),
                       inputs=a)
        axes = tuple(reversed(range(a.ndim)))
        assert_matches(ctx, f"permute_dims({describe(a)}, {axes})", call(ctx, "permute_dims", x, axes),
                       np.transpose(a, axes), inputs=a)
        if a.ndim >= 2:
            assert_matches(ctx, f"matrix_transpose({describe(a)})", call(ctx, "matrix_transpose", x),
                           np.swapaxes(a, -1, -2), inputs=a)
            assert_matches(ctx, f"{describe(a)}.mT", expression(ctx, "{0}.mT", lambda: x.mT, x),
                           np.swapaxes(a, -1, -2), inputs=a)
        if a.ndim == 2:
            assert_matches(ctx, f"{describe(a)}.T", expression(ctx, "{0}.T", lambda: x.T, x), a.T, inputs=a)

    ctx.for_all(real_arrays(ctx), body)


def check_concat_stack(ctx: Context) -> None:
    require(ctx, "concat", "stack", "unstack")

    def body(case):
        (a, x), axis = case
        assert_matches(ctx, f"concat([x, x], axis={axis}) for x {describe(a)}", call(ctx, "concat", [x, x], axis=axis),
                       np.concatenate([a, a], axis=axis), inputs=a)
        assert_matches(ctx, f"concat((x, x), axis=None) for x {describe(a)}", call(ctx, "concat", (x, x), axis=None),
                       np.concatenate([a.ravel(), a.ravel()]), inputs=a)
        assert_matches(ctx, f"stack([x, x], axis={axis}) for x {describe(a)}", call(ctx, "stack", [x, x], axis=axis),
                       np.stack([a, a], axis=axis), inputs=a)
        unstacked = call(ctx, "unstack", x, axis=axis)
        parts = unstacked.value
        if not isinstance(parts, tuple) or len(parts) != a.shape[axis]:
            fail(f"unstack({describe(a)}, axis={axis}) returned {type(parts).__name__} of length "
                 f"{len(parts)}; expected a tuple of {a.shape[axis]} arrays", inputs=a,
                 reproducer=line(unstacked.code, f"expected a tuple of {a.shape[axis]} arrays, got "
                                                 f"{type(parts).__name__} of length {len(parts)}"))
        for i in range(len(parts)):
            assert_matches(ctx, f"unstack({describe(a)}, axis={axis})[{i}]",
                           expression(ctx, "xp.unstack({0}, axis={1})[{2}]", lambda i=i: parts[i], x, axis, i),
                           np.take(a, i, axis=axis), inputs=a)

    ctx.for_all(with_axis(ctx), body)


def check_expand_squeeze_flip_roll(ctx: Context) -> None:
    require(ctx, "expand_dims", "squeeze", "flip", "roll", "moveaxis")

    def body(case):
        (a, x), axis = case
        expanded = call(ctx, "expand_dims", x, axis=axis)
        assert_matches(ctx, f"expand_dims({describe(a)}, axis={axis})", expanded, np.expand_dims(a, axis), inputs=a)
        assert_matches(ctx, f"squeeze(expand_dims(x, axis={axis}), axis={axis})",
                       call(ctx, "squeeze", expanded.value, axis=axis), a, inputs=a)
        assert_matches(ctx, f"flip({describe(a)}, axis={axis})", call(ctx, "flip", x, axis=axis), np.flip(a, axis),
                       inputs=a)
        assert_matches(ctx, f"flip({describe(a)})", call(ctx, "flip", x), np.flip(a), inputs=a)
        assert_matches(ctx, f"roll({describe(a)}, 2, axis={axis})", call(ctx, "roll", x, 2, axis=axis),
                       np.roll(a, 2, axis), inputs=a)
        assert_matches(ctx, f"roll({describe(a)}, -1)", call(ctx, "roll", x, -1), np.roll(a, -1), inputs=a)
        assert_matches(ctx, f"moveaxis({describe(a)}, {axis}, 0)", call(ctx, "moveaxis", x, axis, 0),
                       np.moveaxis(a, axis, 0), inputs=a)

    ctx.for_all(with_axis(ctx), body)


def check_broadcasting(ctx: Context) -> None:
    require(ctx, "broadcast_to", "broadcast_arrays", "broadcast_shapes")
    x = ctx.asarray([[1.0], [2.0]], "float64" if ctx.has("float64") else None)
    assert_matches(ctx, "broadcast_to([[1], [2]], (2, 3))", call(ctx, "broadcast_to", x, (2, 3)),
                   np.broadcast_to([[1.0], [2.0]], (2, 3)))
    y = ctx.asarray([1.0, 2.0, 3.0], "float64" if ctx.has("float64") else None)
    broadcast = call(ctx, "broadcast_arrays", x, y)
    result = broadcast.value
    if not isinstance(result, tuple):
        fail(f"broadcast_arrays(x, y) returned a {type(result).__name__}; the standard requires a tuple",
             got=type(result).__name__, reproducer=line(broadcast.code, f"expected a tuple, got {type(result).__name__}"))
    for got in result:
        if tuple(got.shape) != (2, 3):
            fail(f"broadcast_arrays of shapes (2, 1) and (3,) gave shape {tuple(got.shape)}, expected (2, 3)",
                 reproducer=line(broadcast.code, f"expected shapes (2, 3), got {tuple(got.shape)}"))
    shapes = call(ctx, "broadcast_shapes", (2, 1), (3,), (1, 1, 1))
    shape = shapes.value
    if tuple(shape) != (1, 2, 3) or not isinstance(shape, tuple):
        fail(f"broadcast_shapes((2, 1), (3,), (1, 1, 1)) returned {shape!r}, expected the tuple (1, 2, 3)",
             reproducer=line(shapes.code, f"expected (1, 2, 3), got {shape!r}"))


def check_repeat_tile(ctx: Context) -> None:
    require(ctx, "repeat", "tile")

    def body(case):
        (a, x), axis = case
        assert_matches(ctx, f"repeat({describe(a)}, 2, axis={axis})", call(ctx, "repeat", x, 2, axis=axis),
                       np.repeat(a, 2, axis=axis), inputs=a)
        assert_matches(ctx, f"repeat({describe(a)}, 3)", call(ctx, "repeat", x, 3), np.repeat(a, 3), inputs=a)
        reps = (2,) * a.ndim
        assert_matches(ctx, f"tile({describe(a)}, {reps})", call(ctx, "tile", x, reps), np.tile(a, reps), inputs=a)
        counts = np.arange(a.shape[axis]) % 3
        index_dtype = ctx.dtype_name(ctx.xp.__array_namespace_info__().default_dtypes()["indexing"])
        assert_matches(ctx, f"repeat({describe(a)}, repeats={counts.tolist()} array, axis={axis})",
                       call(ctx, "repeat", x, ctx.asarray(counts, index_dtype), axis=axis),
                       np.repeat(a, counts, axis=axis), inputs=a)

    ctx.for_all(with_axis(ctx, max_dims=2), body)


# Calls that name an axis outside [-N, N) (N = ndim, or ndim + 1 for expand_dims), for
# x of shape (2, 3).
INVALID_AXES = (
    ("concat", lambda x: ([x, x],), {"axis": 2}),
    ("concat", lambda x: ([x, x],), {"axis": -3}),
    ("expand_dims", lambda x: (x,), {"axis": 3}),
    ("expand_dims", lambda x: (x,), {"axis": -4}),
    ("flip", lambda x: (x,), {"axis": 2}),
    ("moveaxis", lambda x: (x, 2, 0), {}),
    ("moveaxis", lambda x: (x, 0, -3), {}),
    ("permute_dims", lambda x: (x, (0, 2)), {}),
    ("repeat", lambda x: (x, 2), {"axis": 2}),
    ("roll", lambda x: (x, 1), {"axis": 2}),
    ("squeeze", lambda x: (x,), {"axis": 2}),
    ("stack", lambda x: ([x, x],), {"axis": 3}),
    ("unstack", lambda x: (x,), {"axis": -3}),
)


def check_invalid_axis(ctx: Context) -> None:
    """An axis outside the valid interval must raise; expand_dims should raise
    IndexError ("If provided an invalid axis, an IndexError should be raised")."""
    check_invalid_axes(ctx, INVALID_AXES, preferred={"expand_dims": IndexError})


def checks(ctx: Context):
    yield Check(AREA, "reshape, permute_dims, matrix_transpose, .T, .mT", check_reshape_permute)
    yield Check(AREA, "concat, stack, unstack", check_concat_stack)
    yield Check(AREA, "expand_dims, squeeze, flip, roll, moveaxis", check_expand_squeeze_flip_roll)
    yield Check(AREA, "broadcast_to, broadcast_arrays (a tuple), broadcast_shapes", check_broadcasting)
    yield Check(AREA, "repeat, tile", check_repeat_tile)
    yield Check(AREA, "an out-of-range axis raises (expand_dims: IndexError)", check_invalid_axis)

"""Linear algebra: matmul/tensordot/vecdot in the main namespace and the linalg
extension, checked by identities (A @ inv(A) = I, Q R = A, U S Vh = A, ...) and against
NumPy references on well-conditioned random matrices."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ..core import INTEGER_DTYPES, Check, Context, describe, fail, promote
from ..reproduce import Source, line
from ._shared import (
    NEEDS_FLOAT64,
    area_not_offered,
    assert_matches,
    call,
    check_invalid_axes,
    expression,
    require,
)

AREA = "linalg"
RTOL = 1e-8


def matrices(ctx: Context, square: bool = True, spd: bool = False) -> st.SearchStrategy:
    """(numpy, namespace) pairs of float64 matrices, possibly stacked; square ones are
    made diagonally dominant so inverses and solves are well-conditioned."""
    def build(draw_shape):
        batch, n, m = draw_shape
        shape = batch + ((n, n) if square else (n, m))
        return hnp.arrays(np.float64, shape, elements=st.floats(-1, 1, allow_subnormal=False)).map(
            lambda a: condition(a, square, spd))

    shapes = st.tuples(st.sampled_from([(), (2,)]), st.integers(1, 4), st.integers(1, 4))
    return shapes.flatmap(build).map(lambda a: (a, ctx.asarray(a, "float64")))


def condition(a: np.ndarray, square: bool, spd: bool) -> np.ndarray:
    if not square:
        return a
    n = a.shape[-1]
    if spd:
        return a @ np.swapaxes(a, -1, -2) + n * np.eye(n)
    return a + 2 * n * np.eye(n)


def check_main_namespace(ctx: Context) -> None:
    require(ctx, "matmul", "tensordot", "vecdot", "matrix_transpose")
    a = np.arange(6.0).reshape(2, 3)
    b = np.arange(12.0).reshape(3, 4)
    x, y = ctx.asarray(a, "float64"), ctx.asarray(b, "float64")
    assert_matches(ctx, "matmul(2x3, 3x4)", call(ctx, "matmul", x, y), a @ b)
    assert_matches(ctx, "tensordot(2x3, 3x4, axes=1)", call(ctx, "tensordot", x, y, axes=1), np.tensordot(a, b, axes=1))
    assert_matches(ctx, "tensordot(2x3, 2x3, axes=([0, 1], [0, 1]))",
                   call(ctx, "tensordot", x, x, axes=([0, 1], [0, 1])), np.tensordot(a, a, axes=([0, 1], [0, 1])))
    assert_matches(ctx, "vecdot(2x3, 2x3)", call(ctx, "vecdot", x, x), np.sum(a * a, axis=-1))
    assert_matches(ctx, "vecdot(2x3, 2x3, axis=-2)", call(ctx, "vecdot", x, x, axis=-2), np.sum(a * a, axis=0))
    if ctx.has("complex128"):
        z = np.array([1 + 2j, 3 - 1j])
        assert_matches(ctx, "vecdot(z, z) conjugates the first argument",
                       call(ctx, "vecdot", ctx.asarray(z, "complex128"), ctx.asarray(z, "complex128")), np.vdot(z, z))
    assert_matches(ctx, "matrix_transpose(2x3)", call(ctx, "matrix_transpose", x), a.T)


def check_broadcasting(ctx: Context) -> None:
    """matmul broadcasts the stack dimensions and vecdot the non-contracted ones."""
    require(ctx, "matmul", "vecdot")
    rng = np.random.default_rng(0)
    a, b = rng.integers(-3, 4, (2, 1, 3, 4)).astype(float), rng.integers(-3, 4, (5, 4, 2)).astype(float)
    assert_matches(ctx, "matmul of shapes (2, 1, 3, 4) and (5, 4, 2)",
                   call(ctx, "matmul", ctx.asarray(a, "float64"), ctx.asarray(b, "float64")), np.matmul(a, b))
    u, v = rng.integers(-3, 4, (2, 1, 3)).astype(float), rng.integers(-3, 4, (4, 3)).astype(float)
    assert_matches(ctx, "vecdot of shapes (2, 1, 3) and (4, 3)",
                   call(ctx, "vecdot", ctx.asarray(u, "float64"), ctx.asarray(v, "float64")), np.sum(u * v, axis=-1))


def check_integer_result_dtypes(ctx: Context) -> None:
    """matmul, tensordot and vecdot of integer arrays: where a library accepts them
    (the standard says the inputs *should* be floating for vecdot), the result dtype
    is the promoted dtype of the inputs, for every integer pair the table defines."""
    integers = [d for d in INTEGER_DTYPES if ctx.has(d)]
    for first in integers:
        for second in integers:
            want = promote(first, second)
            if want is None:
                continue
            a = ctx.asarray([[1, 2], [3, 4]], first)
            b = ctx.asarray([[1, 0], [2, 1]], second)
            for function, args, kwargs in (("matmul", (a, b), {}), ("tensordot", (a, b), {"axes": 1}),
                                           ("vecdot", (a, b), {}), ("linalg.vecdot", (a, b), {})):
                head, _, tail = function.rpartition(".")
                if not hasattr(getattr(ctx.xp, head, None) if head else ctx.xp, tail):
                    continue
                try:
                    result = call(ctx, function, *args, **kwargs)
                except Exception:
                    if function in ("vecdot", "linalg.vecdot"):
                        continue  # integer inputs to vecdot are outside the standard's "should"
                    raise
                got = ctx.dtype_name(result.value.dtype)
                if got != want:
                    fail(f"{function}({first} array, {second} array) has dtype {got}; type promotion gives {want}",
                         dtypes=[first, second], got=got, reproducer=line(result.code, f"expected dtype {want}, got {got}"))


def check_inverse_solve_det(ctx: Context) -> None:
    require(ctx, "linalg.inv", "linalg.solve", "linalg.det", "linalg.slogdet")

    def body(pair):
        a, x = pair
        assert_matches(ctx, f"linalg.inv({describe(a)})", call(ctx, "linalg.inv", x), np.linalg.inv(a), rtol=RTOL,
                       atol=RTOL, inputs=a)
        rhs = np.ones(a.shape[:-1] + (2,))
        assert_matches(ctx, f"linalg.solve({describe(a)}, ones)", call(ctx, "linalg.solve", x, ctx.asarray(rhs, "float64")),
                       np.linalg.solve(a, rhs), rtol=RTOL, atol=RTOL, inputs=a)
        assert_matches(ctx, f"linalg.det({describe(a)})", call(ctx, "linalg.det", x), np.linalg.det(a), rtol=RTOL,
                       atol=RTOL, inputs=a)
        result = call(ctx, "linalg.slogdet", x)
        sign, logabs = result.value
        want_sign, want_log = np.linalg.slogdet(a)
        for part, got, want in (("sign", sign, want_sign), ("logabsdet", logabs, want_log)):
            assert_matches(ctx, f"linalg.slogdet({describe(a)}).{part}",
                           expression(ctx, "{0}." + part, lambda got=got: got, Source(result.code)), want, rtol=RTOL,
                           atol=RTOL, inputs=a)

    ctx.for_all(matrices(ctx), body)


def check_decompositions(ctx: Context) -> None:
    require(ctx, "linalg.qr", "linalg.svd", "linalg.svdvals", "linalg.cholesky", "linalg.eigh", "linalg.eigvalsh")

    def body(pair):
        a, x = pair
        factored = call(ctx, "linalg.qr", x)
        q, r = factored.value
        rebuilt = ctx.to_numpy(q) @ ctx.to_numpy(r)
        if not np.allclose(rebuilt, a, rtol=RTOL, atol=RTOL):
            fail(f"linalg.qr({describe(a)}): Q @ R does not rebuild x", inputs=a,
                 reproducer=line(factored.code, "expected Q @ R == x"))
        decomposed = call(ctx, "linalg.svd", x, full_matrices=False)
        u, s, vh = decomposed.value
        un, sn, vhn = ctx.to_numpy(u), ctx.to_numpy(s), ctx.to_numpy(vh)
        if not np.allclose((un * sn[..., None, :]) @ vhn, a, rtol=RTOL, atol=RTOL):
            fail(f"linalg.svd({describe(a)}, full_matrices=False): U @ diag(S) @ Vh does not rebuild x", inputs=a,
                 reproducer=line(decomposed.code, "expected U @ diag(S) @ Vh == x"))
        assert_matches(ctx, f"linalg.svdvals({describe(a)})", call(ctx, "linalg.svdvals", x),
                       np.linalg.svd(a, compute_uv=False), rtol=RTOL, atol=RTOL, inputs=a)

    ctx.for_all(matrices(ctx, square=False), body)

    def symmetric(pair):
        a, x = pair
        factor = call(ctx, "linalg.cholesky", x)
        lower = ctx.to_numpy(factor.value)
        if not np.allclose(lower @ np.swapaxes(lower, -1, -2), a, rtol=RTOL, atol=RTOL) or not np.allclose(
                lower, np.tril(lower)):
            fail(f"linalg.cholesky({describe(a)}): L is not lower triangular with L @ L.T = x", inputs=a,
                 reproducer=line(factor.code, "expected a lower triangular L with L @ L.T == x"))
        factor = call(ctx, "linalg.cholesky", x, upper=True)
        upper = ctx.to_numpy(factor.value)
        if not np.allclose(np.swapaxes(upper, -1, -2) @ upper, a, rtol=RTOL, atol=RTOL):
            fail(f"linalg.cholesky({describe(a)}, upper=True): U.T @ U != x", inputs=a,
                 reproducer=line(factor.code, "expected U.T @ U == x"))
        decomposed = call(ctx, "linalg.eigh", x)
        values, vectors = decomposed.value
        w, v = ctx.to_numpy(values), ctx.to_numpy(vectors)
        if not np.allclose(a @ v, v * w[..., None, :], rtol=1e-7, atol=1e-7):
            fail(f"linalg.eigh({describe(a)}): x @ v != v * w", inputs=a,
                 reproducer=line(decomposed.code, "expected x @ eigenvectors == eigenvectors * eigenvalues"))
        assert_matches(ctx, f"linalg.eigvalsh({describe(a)})", call(ctx, "linalg.eigvalsh", x), np.linalg.eigvalsh(a),
                       rtol=RTOL, atol=RTOL, inputs=a)

    ctx.for_all(matrices(ctx, spd=True), symmetric)


def check_norms_and_products(ctx: Context) -> None:
    require(ctx, "linalg.vector_norm", "linalg.matrix_norm", "linalg.outer", "linalg.cross", "linalg.trace",
            "linalg.diagonal", "linalg.matrix_power", "linalg.matrix_rank", "linalg.pinv")
    a = np.array([[3.0, -4.0, 1.0], [0.5, 2.0, -2.0], [1.0, 1.0, 4.0]])
    x = ctx.asarray(a, "float64")
    for order in (1, 2, np.inf, -np.inf, 0):
        assert_matches(ctx, f"linalg.vector_norm(x, ord={order})", call(ctx, "linalg.vector_norm", x, ord=order),
                       np.linalg.norm(a.ravel(), ord=order), rtol=RTOL)
    assert_matches(ctx, "linalg.vector_norm(x, axis=1, keepdims=True)",
                   call(ctx, "linalg.vector_norm", x, axis=1, keepdims=True), np.linalg.norm(a, axis=1, keepdims=True),
                   rtol=RTOL)
    for order in ("fro", "nuc", 1, 2, np.inf, -np.inf, -1, -2):
        assert_matches(ctx, f"linalg.matrix_norm(x, ord={order!r})", call(ctx, "linalg.matrix_norm", x, ord=order),
                       np.linalg.norm(a, ord=order), rtol=RTOL)
    v = ctx.asarray(a[0], "float64")
    assert_matches(ctx, "linalg.outer(v, v)", call(ctx, "linalg.outer", v, v), np.outer(a[0], a[0]))
    assert_matches(ctx, "linalg.cross(x, x[::-1])", call(ctx, "linalg.cross", x, ctx.asarray(a[::-1].copy(), "float64")),
                   np.cross(a, a[::-1]))
    assert_matches(ctx, "linalg.trace(x, offset=1)", call(ctx, "linalg.trace", x, offset=1), np.trace(a, offset=1))
    assert_matches(ctx, "linalg.diagonal(x, offset=-1)", call(ctx, "linalg.diagonal", x, offset=-1),
                   np.diagonal(a, offset=-1))
    assert_matches(ctx, "linalg.matrix_power(x, 3)", call(ctx, "linalg.matrix_power", x, 3),
                   np.linalg.matrix_power(a, 3), rtol=RTOL)
    assert_matches(ctx, "linalg.matrix_power(x, -1)", call(ctx, "linalg.matrix_power", x, -1), np.linalg.inv(a),
                   rtol=RTOL, atol=RTOL)
    singular = np.array([[1.0, 2.0], [2.0, 4.0]])
    assert_matches(ctx, "linalg.matrix_rank([[1, 2], [2, 4]])",
                   call(ctx, "linalg.matrix_rank", ctx.asarray(singular, "float64")), np.linalg.matrix_rank(singular))
    assert_matches(ctx, "linalg.pinv([[1, 2], [2, 4]])", call(ctx, "linalg.pinv", ctx.asarray(singular, "float64")),
                   np.linalg.pinv(singular), rtol=1e-7, atol=1e-7)


INVALID_AXES = (
    ("vecdot", lambda x: (x, x), {"axis": 2}),
    ("vecdot", lambda x: (x, x), {"axis": -3}),
    ("linalg.vector_norm", lambda x: (x,), {"axis": 2}),
    ("linalg.vector_norm", lambda x: (x,), {"axis": (0, -3)}),
    ("tensordot", lambda x: (x, x), {"axes": ([2], [0])}),
)


def check_invalid_axis(ctx: Context) -> None:
    check_invalid_axes(ctx, INVALID_AXES)


def checks(ctx: Context):
    if not ctx.has("float64"):
        yield area_not_offered(AREA, NEEDS_FLOAT64)
        return
    yield Check(AREA, "matmul, tensordot, vecdot, matrix_transpose", check_main_namespace)
    yield Check(AREA, "matmul and vecdot broadcast their batch dimensions", check_broadcasting)
    yield Check(AREA, "matmul, tensordot, vecdot of integer arrays: result dtype by promotion",
                check_integer_result_dtypes)
    yield Check(AREA, "an out-of-range axis raises (vecdot, vector_norm, tensordot)", check_invalid_axis)
    yield Check(AREA, "linalg.inv, solve, det, slogdet", check_inverse_solve_det)
    yield Check(AREA, "linalg.qr, svd, svdvals, cholesky, eigh, eigvalsh", check_decompositions)
    yield Check(AREA, "linalg norms, outer, cross, trace, diagonal, matrix_power, matrix_rank, pinv",
                check_norms_and_products)

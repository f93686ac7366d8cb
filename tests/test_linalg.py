"""The linalg extension against NumPy on hypothesis-generated matrices.

Matrices are small (at most 4×4, batches of at most 2) and built to be well
conditioned (diagonally dominant, or A A^H + n I for positive-definite input), so
that comparing with NumPy at a fixed tolerance tests bridge and not the condition
number. Decompositions that are unique only up to signs or phases (eigenvectors,
singular vectors, QR) are checked by reconstruction and orthogonality instead of
element by element. Result dtypes are checked against the standard's rules, not
NumPy's (NumPy promotes integers and returns real eigenvalues for real spectra).
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import bridge as xp

from .conftest import to_numpy


def on_device(obj, **kwargs):
    """``obj`` as a Tensor on the selected backend's default device (a NumPy array
    passed to asarray without a device stays on the CPU, as the standard asks)."""
    return xp.asarray(obj, device=xp.__array_namespace_info__().default_device(), **kwargs)

FLOATING = [np.dtype(d) for d in ("float32", "float64", "complex64", "complex128")]
REAL_OF = {np.dtype("complex64"): np.dtype("float32"), np.dtype("complex128"): np.dtype("float64")}
COMPLEX_OF = {np.dtype("float32"): np.dtype("complex64"), np.dtype("float64"): np.dtype("complex128")}

BATCHES = st.sampled_from([(), (2,), (2, 1)])
SIZES = st.integers(1, 4)
# width=32: every drawn value is exact in float32 too; no subnormals, whose
# products would make tolerances meaningless
ELEMENTS = st.floats(-1, 1, allow_subnormal=False, width=32)


def real_of(dtype):
    return REAL_OF.get(np.dtype(dtype), np.dtype(dtype))


def complex_of(dtype):
    return COMPLEX_OF.get(np.dtype(dtype), np.dtype(dtype))


def tolerance(dtype):
    return 5e-4 if np.dtype(dtype) in (np.float32, np.complex64) else 1e-9


@st.composite
def arrays(draw, dtype, shape):
    values = draw(hnp.arrays(np.float64, shape, elements=ELEMENTS))
    if np.dtype(dtype).kind == "c":
        values = values + 1j * draw(hnp.arrays(np.float64, shape, elements=ELEMENTS))
    return values.astype(dtype)


@st.composite
def matrices(draw, dtype, square=True, conditioned=True, batch=BATCHES):
    m = draw(SIZES)
    n = m if square else draw(SIZES)
    a = draw(arrays(dtype, draw(batch) + (m, n)))
    if conditioned:
        # diagonally dominant: every singular value is at least about 1
        a = a + (n + 2) * np.eye(m, n, dtype=dtype)
    return a


@st.composite
def hermitian_positive_definite(draw, dtype):
    a = draw(matrices(dtype, conditioned=False))
    n = a.shape[-1]
    return (a @ np.conj(np.swapaxes(a, -1, -2)) + n * np.eye(n)).astype(dtype)


@st.composite
def hermitian(draw, dtype):
    a = draw(matrices(dtype, conditioned=False))
    return ((a + np.conj(np.swapaxes(a, -1, -2))) / 2).astype(dtype)


def check(got, expected, dtype=None, tol=None):
    """``got`` (a Tensor) equals ``expected`` in shape and value, and has ``dtype``
    (the standard's dtype; by default expected's)."""
    assert isinstance(got, xp.Tensor)
    got = to_numpy(got)
    expected = np.asarray(expected)
    want = np.dtype(dtype) if dtype is not None else expected.dtype
    assert got.dtype == want, f"dtype {got.dtype} != {want}"
    assert got.shape == expected.shape, f"shape {got.shape} != {expected.shape}"
    if got.dtype.kind in "biu":
        np.testing.assert_array_equal(got, expected)
    else:
        tol = tolerance(got.dtype) if tol is None else tol
        np.testing.assert_allclose(got, expected, rtol=tol, atol=tol)


def adjoint(a):
    return np.conj(np.swapaxes(a, -1, -2))


def assert_orthonormal_columns(q, dtype):
    k = q.shape[-1]
    np.testing.assert_allclose(adjoint(q) @ q, np.broadcast_to(np.eye(k), q.shape[:-2] + (k, k)),
                               atol=tolerance(dtype))


dtypes = pytest.mark.parametrize("dtype", FLOATING, ids=str)
small = settings(max_examples=15)


# ---------------------------------------------------------------- inverses, solvers


@dtypes
@small
@given(data=st.data())
def test_inv_det_slogdet(backend, dtype, data):
    a = data.draw(matrices(dtype))
    x = on_device(a)
    check(xp.linalg.inv(x), np.linalg.inv(a), dtype)
    check(xp.linalg.det(x), np.linalg.det(a), dtype, tol=tolerance(dtype) * 10)
    sign, logabsdet = xp.linalg.slogdet(x)
    expected = np.linalg.slogdet(a)
    check(sign, expected.sign, dtype)
    check(logabsdet, expected.logabsdet, real_of(dtype))


@dtypes
@small
@given(data=st.data())
def test_solve_vector_and_stacks(backend, dtype, data):
    a = data.draw(matrices(dtype))
    m = a.shape[-1]
    vector = data.draw(arrays(dtype, (m,)))
    x1 = on_device(a)
    got = xp.linalg.solve(x1, on_device(vector))
    # the standard: a 1-d x2 is one vector for every matrix of the stack
    assert got.shape == a.shape[:-1]
    check(got, np.linalg.solve(a, np.broadcast_to(vector[:, None], a.shape[:-1] + (1,)))[..., 0],
          dtype)
    k = data.draw(st.integers(1, 3))
    rhs = data.draw(arrays(dtype, (3,) + (1,) * max(a.ndim - 2, 0) + (m, k)))
    got = xp.linalg.solve(x1, on_device(rhs))
    batch = np.broadcast_shapes(a.shape[:-2], rhs.shape[:-2])
    expected = np.linalg.solve(np.broadcast_to(a, batch + a.shape[-2:]), rhs)
    check(got, expected, dtype)


def test_solve_two_dimensional_x2_is_a_matrix_even_for_stacked_x1(backend):
    # NumPy 1.x read an x2 with x2.ndim == x1.ndim - 1 as a stack of vectors; the
    # standard reads every x2 of 2 or more dimensions as a stack of (M, K) matrices
    a = np.stack([np.eye(3) * 2, np.eye(3) * 4])
    b = np.arange(6.0).reshape(3, 2)
    got = xp.linalg.solve(on_device(a), on_device(b))
    check(got, np.stack([b / 2, b / 4]))


def test_solve_promotes_mixed_precision(backend):
    a = on_device(np.eye(2, dtype=np.float32) * 2)
    b = on_device(np.ones(2, dtype=np.complex128))
    check(xp.linalg.solve(a, b), np.full(2, 0.5, dtype=np.complex128))


@dtypes
@small
@given(data=st.data())
def test_pinv_and_matrix_rank(backend, dtype, data):
    a = data.draw(matrices(dtype, square=False))
    x = on_device(a)
    p = xp.linalg.pinv(x)
    check(p, np.linalg.pinv(a), dtype)
    # Moore-Penrose: x @ pinv(x) @ x == x
    np.testing.assert_allclose(a @ to_numpy(p) @ a, a, atol=tolerance(dtype) * 10)
    check(xp.linalg.matrix_rank(x), np.linalg.matrix_rank(a), np.int64)


@dtypes
@small
@given(data=st.data())
def test_matrix_rank_of_rank_deficient_products(backend, dtype, data):
    m, n = data.draw(SIZES), data.draw(SIZES)
    r = data.draw(st.integers(0, min(m, n)))
    # small integers: the rank is exact and the smallest non-zero singular value far
    # from the cutoff
    left = data.draw(hnp.arrays(np.int8, (2, m, r), elements=st.integers(-3, 3)))
    right = data.draw(hnp.arrays(np.int8, (2, r, n), elements=st.integers(-3, 3)))
    a = (left.astype(np.float64) @ right).astype(dtype)
    got = xp.linalg.matrix_rank(on_device(a))
    check(got, np.linalg.matrix_rank(a), np.int64)
    assert (to_numpy(got) <= r).all()


def test_matrix_rank_and_pinv_rtol(backend):
    a = np.diag([1.0, 1e-3, 1e-9])
    x = on_device(a)
    assert int(xp.linalg.matrix_rank(x)) == 3
    assert int(xp.linalg.matrix_rank(x, rtol=1e-6)) == 2
    assert int(xp.linalg.matrix_rank(x, rtol=1e-2)) == 1
    # an array rtol broadcasts against the batch shape
    stack = on_device(np.stack([a, a]))
    check(xp.linalg.matrix_rank(stack, rtol=on_device([1e-6, 1e-2])), np.array([2, 1]))
    check(xp.linalg.pinv(x, rtol=1e-6), np.diag([1.0, 1e3, 0.0]))
    check(xp.linalg.matrix_rank(xp.zeros((2, 0, 3))), np.zeros(2, dtype=np.int64))
    check(xp.linalg.pinv(xp.zeros((0, 3))), np.zeros((3, 0)))


@dtypes
@small
@given(data=st.data(), n=st.integers(-3, 5))
def test_matrix_power(backend, dtype, data, n):
    a = data.draw(matrices(dtype))
    # scaled so that powers stay near 1 and the tolerance stays relative
    a = (a / np.abs(a).sum(axis=-1, keepdims=True).max()).astype(dtype)
    got = xp.linalg.matrix_power(on_device(a), n)
    check(got, np.linalg.matrix_power(a, n), dtype, tol=tolerance(dtype) * 20)


# ---------------------------------------------------------------- decompositions


@dtypes
@small
@given(data=st.data(), upper=st.booleans())
def test_cholesky(backend, dtype, data, upper):
    a = data.draw(hermitian_positive_definite(dtype))
    got = xp.linalg.cholesky(on_device(a), upper=upper)
    lower = np.linalg.cholesky(a)
    check(got, adjoint(lower) if upper else lower, dtype, tol=tolerance(dtype) * 10)


@dtypes
@small
@given(data=st.data())
def test_eigh_and_eigvalsh(backend, dtype, data):
    a = data.draw(hermitian(dtype))
    values, vectors = xp.linalg.eigh(on_device(a))
    scale = max(1.0, np.abs(a).max())
    check(values, np.linalg.eigvalsh(a), real_of(dtype), tol=tolerance(dtype) * 10 * scale)
    check(xp.linalg.eigvalsh(on_device(a)), np.linalg.eigvalsh(a), real_of(dtype),
          tol=tolerance(dtype) * 10 * scale)
    q, w = to_numpy(vectors), to_numpy(values)
    assert q.dtype == dtype
    assert_orthonormal_columns(q, dtype)
    np.testing.assert_allclose((q * w[..., None, :]) @ adjoint(q), a,
                               atol=tolerance(dtype) * 10 * scale)
    result = xp.linalg.eigh(on_device(a))
    assert result.eigenvalues.shape == a.shape[:-1]
    assert result.eigenvectors.shape == a.shape


@st.composite
def diagonalizable(draw, dtype):
    """V diag(w) V^-1 with V well conditioned and w distinct integers (complex ones
    for complex dtypes): an eigenproblem whose answer is known and insensitive."""
    v = draw(matrices(dtype)).astype(complex_of(dtype)).astype(np.complex128)
    n = v.shape[-1]
    w = np.array(draw(st.lists(st.integers(-6, 6), min_size=n, max_size=n, unique=True)),
                 dtype=np.complex128)
    if np.dtype(dtype).kind == "c":
        w = w + 1j * np.array(draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n)))
    a = (v * w) @ np.linalg.inv(v)
    if np.dtype(dtype).kind == "f":
        a = a.real
    return a.astype(dtype), w


@dtypes
@small
@given(data=st.data())
def test_eig_and_eigvals(backend, dtype, data):
    a, w_true = data.draw(diagonalizable(dtype))
    result = xp.linalg.eig(on_device(a))
    w, v = to_numpy(result.eigenvalues), to_numpy(result.eigenvectors)
    # the standard (2025.12): complex results even for real input with a real spectrum
    assert w.dtype == complex_of(dtype) and v.dtype == complex_of(dtype)
    assert w.shape == a.shape[:-1] and v.shape == a.shape
    scale = max(1.0, np.abs(a).max())
    np.testing.assert_allclose(a @ v, v * w[..., None, :], atol=tolerance(dtype) * 20 * scale)
    values = to_numpy(xp.linalg.eigvals(on_device(a)))
    assert values.dtype == complex_of(dtype)
    # the order is unspecified: every true eigenvalue has a computed one close by
    for computed in (w, values):
        distance = np.abs(computed[..., :, None] - w_true[..., None, :]).min(axis=-2)
        assert (distance <= tolerance(dtype) * 50 * scale).all()


@dtypes
@small
@given(data=st.data())
def test_eig_of_any_matrix_matches_numpy(backend, dtype, data):
    # no conditioning here: nearly defective matrices included; NumPy (LAPACK geev)
    # is the oracle, and its eigenvalues move by about sqrt(eps) on such matrices
    a = data.draw(matrices(dtype, conditioned=False))
    values = to_numpy(xp.linalg.eigvals(on_device(a)))
    expected = np.linalg.eigvals(a)
    loose = 2e-2 if np.dtype(dtype) in (np.float32, np.complex64) else 1e-6
    distance = np.abs(values[..., :, None] - expected[..., None, :]).min(axis=-2)
    assert (distance <= loose).all()


def test_eig_of_real_matrix_with_real_spectrum_is_complex(backend):
    result = xp.linalg.eig(on_device([[2.0, 0.0], [0.0, 3.0]], dtype=xp.float32))
    check(result.eigenvalues, np.array([2, 3], dtype=np.complex64))
    check(result.eigenvectors, np.eye(2, dtype=np.complex64))
    check(xp.linalg.eigvals(on_device([[0.0, -1.0], [1.0, 0.0]])),
          np.array([1j, -1j]))


@dtypes
@small
@given(data=st.data(), mode=st.sampled_from(["reduced", "complete"]))
def test_qr(backend, dtype, data, mode):
    a = data.draw(matrices(dtype, square=False))
    q, r = xp.linalg.qr(on_device(a), mode=mode)
    q, r = to_numpy(q), to_numpy(r)
    expected_q, expected_r = np.linalg.qr(a, mode=mode)
    assert q.dtype == dtype and r.dtype == dtype
    assert q.shape == expected_q.shape and r.shape == expected_r.shape
    assert_orthonormal_columns(q, dtype)
    np.testing.assert_allclose(np.triu(r), r)
    np.testing.assert_allclose(q @ r, a, atol=tolerance(dtype) * 10)


@dtypes
@small
@given(data=st.data(), full_matrices=st.booleans())
def test_svd_and_svdvals(backend, dtype, data, full_matrices):
    a = data.draw(matrices(dtype, square=False, conditioned=False))
    result = xp.linalg.svd(on_device(a), full_matrices=full_matrices)
    u, s, vh = (to_numpy(t) for t in result)
    expected = np.linalg.svd(a, full_matrices=full_matrices)
    assert u.shape == expected.U.shape and vh.shape == expected.Vh.shape
    assert u.dtype == dtype and vh.dtype == dtype
    check(result.S, expected.S, real_of(dtype))
    check(xp.linalg.svdvals(on_device(a)), expected.S, real_of(dtype))
    assert (np.diff(s, axis=-1) <= tolerance(dtype)).all(), "singular values descend"
    k = s.shape[-1]
    np.testing.assert_allclose((u[..., :, :k] * s[..., None, :]) @ vh[..., :k, :], a,
                               atol=tolerance(dtype) * 10)
    assert_orthonormal_columns(u, dtype)


# ---------------------------------------------------------------- norms


MATRIX_ORDS = ["fro", "nuc", 1, 2, math.inf, -1, -2, -math.inf]


@dtypes
@small
@given(data=st.data(), ord=st.sampled_from(MATRIX_ORDS), keepdims=st.booleans())
def test_matrix_norm(backend, dtype, data, ord, keepdims):
    a = data.draw(matrices(dtype, square=False, conditioned=False))
    got = xp.linalg.matrix_norm(on_device(a), ord=ord, keepdims=keepdims)
    check(got, np.linalg.matrix_norm(a, ord=ord, keepdims=keepdims), real_of(dtype))


VECTOR_ORDS = [2, 1, math.inf, -math.inf, 0, -1, -2, 3, 0.5, 2.5]


@dtypes
@small
@given(data=st.data(), ord=st.sampled_from(VECTOR_ORDS), keepdims=st.booleans())
def test_vector_norm(backend, dtype, data, ord, keepdims):
    shape = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=4))
    a = data.draw(arrays(dtype, shape))
    axis = data.draw(st.one_of(
        st.none(),
        st.integers(-a.ndim, a.ndim - 1),
        st.lists(st.integers(0, a.ndim - 1), min_size=1, max_size=a.ndim, unique=True).map(tuple),
    ))
    got = xp.linalg.vector_norm(on_device(a), axis=axis, keepdims=keepdims, ord=ord)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        expected = np.linalg.vector_norm(a, axis=axis, keepdims=keepdims, ord=ord)
    check(got, expected, real_of(dtype))


def test_vector_norm_of_zero_dimensional_and_complex(backend):
    check(xp.linalg.vector_norm(on_device(-3.0, dtype=xp.float32)), np.float32(3.0))
    check(xp.linalg.vector_norm(on_device([3 + 4j], dtype=xp.complex64)), np.float32(5.0))
    check(xp.linalg.vector_norm(on_device([0.0, 2.0]), ord=-1), np.float64(0.0))


# ---------------------------------------------------------------- products, diagonals


INTEGER_AND_FLOAT = ["int8", "uint8", "int32", "uint32", "int64", "float32", "float64",
                     "complex64", "complex128"]


@pytest.mark.parametrize("dtype", INTEGER_AND_FLOAT)
@small
@given(data=st.data(), offset=st.integers(-3, 3))
def test_trace_dtype_rule_and_values(backend, dtype, data, offset):
    shape = data.draw(BATCHES) + (data.draw(SIZES), data.draw(SIZES))
    a = data.draw(hnp.arrays(np.int8, shape, elements=st.integers(0, 100))).astype(dtype)
    expected_dtype = {"i": np.int64, "u": np.uint64}.get(np.dtype(dtype).kind, dtype)
    got = xp.linalg.trace(on_device(a), offset=offset)
    check(got, np.trace(a, offset, -2, -1, dtype=expected_dtype), expected_dtype)
    got = xp.linalg.diagonal(on_device(a), offset=offset)
    check(got, np.diagonal(a, offset, -2, -1), dtype)


def test_trace_accumulates_in_the_requested_dtype(backend):
    a = on_device(np.full((3, 3), 100, dtype=np.int8))
    check(xp.linalg.trace(a), np.int64(300))
    check(xp.linalg.trace(a, dtype=xp.float32), np.float32(300))
    check(xp.linalg.trace(xp.zeros((0, 0))), np.float64(0))


def test_diagonal_is_a_writable_new_tensor(backend):
    x = on_device(np.arange(9.0).reshape(3, 3))
    d = xp.linalg.diagonal(x)
    d[0] = -1.0
    assert float(x[0, 0]) == 0.0


@pytest.mark.parametrize("dtype", ["int16", "float32", "complex128"])
@small
@given(data=st.data())
def test_cross_with_broadcasting(backend, dtype, data):
    batch1 = data.draw(st.sampled_from([(), (1,), (2,), (3, 1)]))
    batch2 = data.draw(st.sampled_from([(), (1,), (2,)]))
    vectors_last = data.draw(st.booleans())
    shape1 = batch1 + (3,) if vectors_last else (3,) + batch1
    shape2 = batch2 + (3,) if vectors_last else (3,) + batch2
    if not vectors_last and len(shape1) != len(shape2):
        shape2 = shape1  # a non-last axis needs equal ranks to name the same axis
    axis = -1 if vectors_last else -len(shape1)
    a = data.draw(hnp.arrays(np.int8, shape1, elements=st.integers(-9, 9))).astype(dtype)
    b = data.draw(hnp.arrays(np.int8, shape2, elements=st.integers(-9, 9))).astype(dtype)
    got = xp.linalg.cross(on_device(a), on_device(b), axis=axis)
    check(got, np.cross(a, b, axis=axis), dtype)


def test_cross_of_basis_vectors_and_positive_axis(backend):
    e = np.eye(3)
    check(xp.linalg.cross(on_device(e[0]), on_device(e[1])), e[2])
    # axis=0 of two 2-d operands is unambiguous
    check(xp.linalg.cross(on_device(e), on_device(e[[1, 2, 0]]), axis=0),
          np.cross(e, e[[1, 2, 0]], axis=0))


@small
@given(a=hnp.arrays(np.int32, st.integers(0, 4), elements=st.integers(-50, 50)),
       b=hnp.arrays(np.float32, st.integers(0, 4), elements=ELEMENTS))
def test_outer_promotes(backend, a, b):
    check(xp.linalg.outer(on_device(a), on_device(b)), np.outer(a, b))
    check(xp.linalg.outer(on_device(a), on_device(a)), np.outer(a, a), np.int32)


def test_results_stay_on_the_input_device(backend):
    x = on_device(np.eye(3) * 2)
    for result in (xp.linalg.inv(x), xp.linalg.svd(x).U, xp.linalg.vector_norm(x)):
        assert result.device == x.device


def test_reexports_of_the_main_namespace():
    for name in ("matmul", "matrix_transpose", "tensordot", "vecdot"):
        assert getattr(xp.linalg, name) is getattr(xp, name)


# ---------------------------------------------------------------- errors


SQUARE_ONLY = ["cholesky", "det", "eig", "eigh", "eigvals", "eigvalsh", "inv", "slogdet"]


@pytest.mark.parametrize("name", SQUARE_ONLY)
def test_square_functions_refuse_non_square(backend, name):
    with pytest.raises(ValueError, match=rf"linalg\.{name}: x must be a stack of square matrices, got shape \(2, 3\)"):
        getattr(xp.linalg, name)(xp.ones((2, 3)))
    with pytest.raises(ValueError, match=rf"linalg\.{name}: x must be a stack of square"):
        getattr(xp.linalg, name)(xp.ones(3))


FLOAT_ONLY = SQUARE_ONLY + ["matrix_norm", "matrix_rank", "pinv", "qr", "svd", "svdvals",
                            "vector_norm"]


@pytest.mark.parametrize("name", FLOAT_ONLY)
@pytest.mark.parametrize("dtype", ["int64", "bool"])
def test_floating_functions_take_integers_as_float64(backend, name, dtype):
    """The standard says "should have a floating-point dtype"; NumPy computes integer and
    bool input in float64, and so does bridge (the same results as float64 input)."""
    m = np.eye(2) * 2 + 1 if dtype == "int64" else np.eye(2)
    got = getattr(xp.linalg, name)(on_device(m, dtype=dtype))
    want = getattr(xp.linalg, name)(on_device(m.astype(dtype).astype(float)))
    for g, w in zip(got if isinstance(got, tuple) else (got,), want if isinstance(want, tuple) else (want,)):
        assert g.dtype == w.dtype
        np.testing.assert_array_equal(to_numpy(g), to_numpy(w))


def test_matrix_power_and_solve_refuse_bad_arguments(backend):
    x = on_device(np.eye(2))
    with pytest.raises(TypeError, match="linalg.matrix_power: n must be an int"):
        xp.linalg.matrix_power(x, 1.5)
    # NumPy's matrix_power takes n through operator.index: True is 1
    np.testing.assert_array_equal(to_numpy(xp.linalg.matrix_power(x, True)), np.eye(2))
    with pytest.raises(ValueError, match=r"linalg.solve: x1 must be a stack of square matrices, got shape \(2, 3\)"):
        xp.linalg.solve(xp.ones((2, 3)), xp.ones(2))
    with pytest.raises(ValueError, match="linalg.solve: x2 of shape"):
        xp.linalg.solve(x, xp.ones(3))
    with pytest.raises(ValueError, match=r"linalg.solve: x2 of shape \(3, 2\)"):
        xp.linalg.solve(x, xp.ones((3, 2)))
    with pytest.raises(ValueError, match="linalg.solve: the batch dimensions"):
        xp.linalg.solve(xp.ones((3, 2, 2)), xp.ones((4, 2, 1)))
    with pytest.raises(ValueError, match="linalg.solve: x2 must have at least 1 dimension"):
        xp.linalg.solve(x, on_device(1.0))
    # integer input is computed in float64, as NumPy's solve does
    np.testing.assert_array_equal(to_numpy(xp.linalg.solve(x, on_device([1, 2]))), [1.0, 2.0])


def test_singular_and_indefinite_matrices_raise_linalg_errors(backend):
    with pytest.raises(np.linalg.LinAlgError, match="linalg.inv: "):
        xp.linalg.inv(xp.zeros((2, 2)))
    with pytest.raises(ValueError, match="linalg.solve: "):
        xp.linalg.solve(xp.zeros((2, 2)), xp.ones(2))
    with pytest.raises(ValueError, match="linalg.cholesky: "):
        xp.linalg.cholesky(on_device([[1.0, 2.0], [2.0, 1.0]]))
    # slogdet does not raise: sign 0, logabsdet -inf
    sign, logabsdet = xp.linalg.slogdet(xp.zeros((2, 2)))
    assert float(sign) == 0.0 and float(logabsdet) == -math.inf


def test_norm_arguments(backend):
    x = xp.ones((2, 3))
    with pytest.raises(ValueError, match="linalg.matrix_norm: ord=3 is not a matrix norm"):
        xp.linalg.matrix_norm(x, ord=3)
    with pytest.raises(ValueError, match="linalg.matrix_norm: ord='max' is not a matrix norm"):
        xp.linalg.matrix_norm(x, ord="max")
    with pytest.raises(ValueError, match="linalg.matrix_norm: x must be a matrix"):
        xp.linalg.matrix_norm(xp.ones(3))
    with pytest.raises(ValueError, match="linalg.matrix_norm: ord=-2 is a minimum"):
        xp.linalg.matrix_norm(xp.ones((0, 3)), ord=-2)
    check(xp.linalg.matrix_norm(xp.ones((0, 3)), ord=2), np.float64(0))
    with pytest.raises(TypeError, match="linalg.vector_norm: ord must be a number"):
        xp.linalg.vector_norm(x, ord="fro")
    with pytest.raises(ValueError, match="linalg.vector_norm: ord must not be NaN"):
        xp.linalg.vector_norm(x, ord=math.nan)
    with pytest.raises(ValueError, match="linalg.vector_norm: ord=inf is undefined for an empty"):
        xp.linalg.vector_norm(xp.ones((2, 0)), axis=1, ord=math.inf)
    check(xp.linalg.vector_norm(xp.ones((2, 0)), axis=1), np.zeros(2))
    with pytest.raises(ValueError, match="linalg.vector_norm: axis=2 is out of range"):
        xp.linalg.vector_norm(x, axis=2)
    with pytest.raises(ValueError, match="linalg.vector_norm: axis=.* repeats an axis"):
        xp.linalg.vector_norm(x, axis=(0, -2))


def test_rtol_arguments(backend):
    x = xp.ones((2, 3, 3))
    with pytest.raises(ValueError, match="linalg.matrix_rank: rtol=-1 must be a non-negative"):
        xp.linalg.matrix_rank(x, rtol=-1)
    with pytest.raises(TypeError, match="linalg.pinv: rtol must be None, a float or a Tensor"):
        xp.linalg.pinv(x, rtol="small")
    with pytest.raises(TypeError, match="linalg.matrix_rank: rtol has dtype int64"):
        xp.linalg.matrix_rank(x, rtol=on_device([1, 2]))
    with pytest.raises(ValueError, match=r"linalg.pinv: rtol of shape \(3,\) does not broadcast"):
        xp.linalg.pinv(x, rtol=on_device([0.1, 0.2, 0.3]))


def test_mode_cross_outer_trace_diagonal_arguments(backend):
    with pytest.raises(ValueError, match="linalg.qr: mode must be 'reduced' or 'complete', got 'x'"):
        xp.linalg.qr(xp.ones((2, 2)), mode="x")
    # NumPy's mode='r': R alone
    np.testing.assert_array_equal(to_numpy(xp.linalg.qr(xp.eye(2), mode="r")), np.eye(2))
    with pytest.raises(ValueError, match="linalg.cross: the axis -1 must have size 3"):
        xp.linalg.cross(xp.ones(2), xp.ones(2))
    with pytest.raises(ValueError, match="linalg.cross: the axis -1 must have size 3"):
        xp.linalg.cross(xp.ones((3, 3)), xp.ones((3, 1)))  # the compute axis never broadcasts
    with pytest.raises(ValueError, match="linalg.cross: axis=0 is ambiguous"):
        xp.linalg.cross(xp.ones((3, 3)), xp.ones(3), axis=0)
    with pytest.raises(ValueError, match=r"linalg.cross: axis=-3 is out of range \[-2, -1\]"):
        xp.linalg.cross(xp.ones((3, 3)), xp.ones((3, 3)), axis=-3)
    with pytest.raises(ValueError, match="linalg.cross: shapes .* do not broadcast outside axis"):
        xp.linalg.cross(xp.ones((2, 3)), xp.ones((4, 3)))
    with pytest.raises(TypeError, match="linalg.cross: x1 has dtype bool"):
        xp.linalg.cross(xp.ones(3, dtype=xp.bool), xp.ones(3))
    with pytest.raises(ValueError, match=r"linalg.outer: x2 must be 1-dimensional, got shape \(2, 2\)"):
        xp.linalg.outer(xp.ones(2), xp.ones((2, 2)))
    with pytest.raises(TypeError, match="linalg.trace: x has dtype bool"):
        xp.linalg.trace(xp.ones((2, 2), dtype=xp.bool))
    # any numeric dtype: x is cast first, as sum's dtype= does (complex to real warns)
    with pytest.warns(np.exceptions.ComplexWarning):
        assert float(xp.linalg.trace(xp.ones((2, 2), dtype=xp.complex128), dtype=xp.float64)) == 2.0
    assert xp.linalg.trace(xp.ones((2, 2), dtype=xp.int8), dtype=xp.uint8).dtype == xp.uint8
    with pytest.raises(TypeError, match="linalg.trace: offset must be an int"):
        xp.linalg.trace(xp.ones((2, 2)), offset=0.5)
    with pytest.raises(ValueError, match=r"linalg.diagonal: x must be a matrix or a stack of matrices .* got shape \(2,\)"):
        xp.linalg.diagonal(xp.ones(2))

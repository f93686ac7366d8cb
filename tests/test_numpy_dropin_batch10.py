"""NumPy's behaviour that unseen programs of the corpus (tests/numpy_programs, issue 19)
found bridge missing: ``less``/``less_equal``/``greater``/``greater_equal`` order bools
(False before True) as NumPy's do, ``bridge.linalg.LinAlgError`` (NumPy's exception,
the one bridge raises), ``x.astype(dtype, casting=...)`` refuses the casts NumPy's rule
refuses, ``bincount`` with weights gives NumPy's sums (in float64, each value's weights
added in x's order), ``linalg.matrix_rank`` takes NumPy's vectors and scalars and
``einsum`` sums in its operands' dtype.
Each asserts NumPy's values."""

from __future__ import annotations

import operator

import numpy as np
import pytest

import bridge

from .conftest import same_as_numpy as _same
from .conftest import to_numpy

P = np.array([True, False, True, False])
Q = np.array([True, True, False, False])
COMPARISONS = ["less", "less_equal", "greater", "greater_equal"]


@pytest.mark.parametrize("name", COMPARISONS)
def test_comparisons_order_bools(backend, device, name):
    f, g = getattr(bridge, name), getattr(np, name)
    p, q = bridge.asarray(P, device=device), bridge.asarray(Q, device=device)
    _same(f(p, q), g(P, Q))
    _same(f(p, True), g(P, True))
    _same(f(False, q), g(False, Q))
    _same(f(bridge.reshape(p, (4, 1)), q), g(P.reshape(4, 1), Q))
    # with numbers a bool still takes the number's dtype, as before
    _same(f(p, bridge.asarray([0, 1, 2, 1], device=device)), g(P, np.array([0, 1, 2, 1])))
    _same(f(p, 0.5), g(P, 0.5))
    # the ufunc methods take what the plain call takes
    _same(f.outer(p, q), g.outer(P, Q))
    _same(f.reduce(p), g.reduce(P))
    _same(f.accumulate(p), g.accumulate(P))


def test_bool_comparison_operators(backend, device):
    p, q = bridge.asarray(P, device=device), bridge.asarray(Q, device=device)
    for op in (operator.lt, operator.le, operator.gt, operator.ge):
        _same(op(p, q), op(P, Q))
        _same(op(p, True), op(P, True))
        _same(op(False, q), op(False, Q))
    # a mask contained in another: NumPy's subset test of bool arrays
    inner = bridge.asarray([False, True, False, False], device=device)
    assert bool(bridge.all(inner <= p)) is bool(np.all(np.array([0, 1, 0, 0], bool) <= P))
    # arithmetic of two bools that NumPy refuses stays refused
    with pytest.raises(TypeError, match="subtract"):
        p - q


def test_linalg_error_is_numpys(backend, device):
    assert bridge.linalg.LinAlgError is np.linalg.LinAlgError
    assert "LinAlgError" in bridge.linalg.__all__
    singular = bridge.asarray([[1.0, 2.0], [2.0, 4.0]], device=device)
    with pytest.raises(bridge.linalg.LinAlgError):
        bridge.linalg.solve(singular, bridge.ones(2, device=device))
    with pytest.raises(bridge.linalg.LinAlgError):
        bridge.linalg.inv(singular)
    with pytest.raises(bridge.linalg.LinAlgError):
        bridge.linalg.cholesky(bridge.asarray([[1.0, 2.0], [2.0, 1.0]], device=device))


CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"]
TARGETS = [np.int64, np.int32, np.uint8, np.float32, np.float64, np.complex128, bool, float,
           "i2"]


@pytest.mark.filterwarnings("ignore::numpy.exceptions.ComplexWarning")
@pytest.mark.parametrize("casting", CASTINGS)
@pytest.mark.parametrize("source", ["float64", "int32", "bool", "uint8", "complex64"])
def test_astype_casting(backend, device, casting, source):
    a = np.array([1, 0, 3], dtype=source)
    t = bridge.asarray(a, device=device)
    for dtype in TARGETS:
        try:
            expected = a.astype(dtype, casting=casting)
        except TypeError as exc:
            with pytest.raises(TypeError) as info:
                t.astype(dtype, casting=casting)
            assert str(info.value) == str(exc)
            continue
        _same(t.astype(dtype, casting=casting), expected)
    with pytest.raises(ValueError, match="casting must be one of"):
        t.astype(np.float64, casting="sometimes")


def test_bincount_weights_are_numpys_sums(backend, device):
    rng = np.random.default_rng(55)
    # fares with two decimals: per-value sums that a different order rounds differently
    x = rng.integers(0, 20, 500)
    w = np.round(2.5 + rng.exponential(1.0, 500), 2)
    t, tw = bridge.asarray(x, device=device), bridge.asarray(w, device=device)
    for minlength in (0, 25):
        _same(bridge.bincount(t, weights=tw, minlength=minlength),
              np.bincount(x, weights=w, minlength=minlength))
    # the mean per value rounded at a tie: NumPy's exact sums round the same way
    counts = np.bincount(x)
    np.testing.assert_array_equal(
        to_numpy(bridge.round(bridge.bincount(t, weights=tw) / bridge.bincount(t), 3)),
        np.round(np.bincount(x, weights=w) / counts, 3))
    # many weights of one value: a reduction's rounding of each value's weights
    many = rng.integers(0, 3, 5000)
    mw = rng.random(5000) * 100
    got = to_numpy(bridge.bincount(bridge.asarray(many, device=device),
                                   weights=bridge.asarray(mw, device=device)))
    expected = np.bincount(many, weights=mw)
    assert got.dtype == expected.dtype
    np.testing.assert_allclose(got, expected, rtol=1e-13)
    # one value with most of the weights, many with one each
    skewed = np.concatenate([np.zeros(300, dtype=np.int64), np.arange(1, 120)])
    sw = rng.random(skewed.size) * 100
    got = to_numpy(bridge.bincount(bridge.asarray(skewed, device=device),
                                   weights=bridge.asarray(sw, device=device), minlength=130))
    expected = np.bincount(skewed, weights=sw, minlength=130)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-13)
    # values with no weights in between, and one value only
    sparse = np.array([0, 7, 7, 3])
    _same(bridge.bincount(bridge.asarray(sparse, device=device),
                          bridge.asarray([0.5, 1.0, 1.5, 2.0], device=device)),
          np.bincount(sparse, [0.5, 1.0, 1.5, 2.0]))
    _same(bridge.bincount(bridge.asarray([4, 4, 4], device=device), [1.0, 2.0, 3.0]),
          np.bincount([4, 4, 4], [1.0, 2.0, 3.0]))


def test_bincount_weights_dtypes(backend, device):
    x = np.array([0, 1, 1, 3])
    t = bridge.asarray(x, device=device)
    for w in (np.array([0.5, 1.0, 1.5, 2.0], dtype=np.float32), np.array([1, 2, 3, 4]),
              np.array([True, False, True, True]), np.array([0.25, 1.0, -1.5, 2.0])):
        _same(bridge.bincount(t, weights=bridge.asarray(w, device=device)),
              np.bincount(x, weights=w))
    # an empty x counts in integers, weights or not (NumPy's dtype)
    empty = np.zeros(0, dtype=np.int64)
    for minlength in (0, 3):
        _same(bridge.bincount(bridge.asarray(empty, device=device),
                              weights=bridge.zeros(0, device=device), minlength=minlength),
              np.bincount(empty, weights=np.zeros(0), minlength=minlength))
    with pytest.raises(TypeError, match="bincount"):
        bridge.bincount(t, weights=bridge.asarray([1j, 2, 3, 4], device=device))


def test_bincount_weights_gradient(backend, device):
    # NumPy's order, rows of each value's weights, a restarted running sum
    for x in ([0, 1, 1, 3], [0] * 70 + [2] * 5, [0] * 300 + list(range(1, 20))):
        t = bridge.asarray(x, device=device)
        w = bridge.asarray(np.linspace(0.5, 2.0, len(x)), device=device, requires_grad=True)
        scale = np.arange(1.0, max(x) + 2)
        (bridge.bincount(t, w) * bridge.asarray(scale, device=device)).sum().backward()
        np.testing.assert_array_equal(to_numpy(w.grad), scale[x])


def test_matrix_rank_of_vectors_and_scalars(backend, device):
    for a in (np.array([1.0, 2.0, 3.0]), np.zeros(3), np.array(5.0), np.array(0), [0, 0, 1]):
        got = bridge.linalg.matrix_rank(bridge.asarray(a, device=device))
        expected = np.linalg.matrix_rank(a)
        assert type(got) is type(expected) is int and got == expected
    # a tolerance per matrix of a stack
    stack = np.stack([np.eye(3), np.diag([1.0, 1e-5, 0.0])])
    tol = np.array([1e-8, 1e-3])
    _same(bridge.linalg.matrix_rank(bridge.asarray(stack, device=device),
                                    tol=bridge.asarray(tol, device=device)),
          np.linalg.matrix_rank(stack, tol=tol))
    _same(bridge.linalg.matrix_rank(bridge.asarray(stack, device=device), tol=1e-8),
          np.linalg.matrix_rank(stack, tol=1e-8))


EINSUM_CASES = [
    ("ij->", [np.ones((2, 2), bool)]),
    ("ij->i", [np.array([[True, False], [False, False]])]),
    ("i,i->", [np.array([True, True]), np.array([True, False])]),
    ("ij,jk->ik", [np.ones((2, 2), bool), np.ones((2, 2), bool)]),
    ("ij->", [np.full((2, 2), 100, np.int8)]),
    ("ij->j", [np.full((2, 3), 200, np.uint8)]),
    ("ii", [np.ones((2, 2), np.int16)]),
    ("ij,kl->", [np.full((2, 2), 50, np.int8), np.ones((2, 2), np.int8)]),
    ("ij,ij->i", [np.full((2, 3), 60, np.int8), np.full((2, 3), 2, np.int8)]),
    ("i,j->", [np.arange(3), np.arange(4.0)]),
    ("ij->j", [np.arange(6.0, dtype=np.float32).reshape(2, 3)]),
]


@pytest.mark.parametrize("subscripts,operands", EINSUM_CASES)
def test_einsum_sums_in_the_operands_dtype(backend, device, subscripts, operands):
    # NumPy's einsum sums in the operands' dtype: int8 stays int8 (wrapping), bools or
    got = bridge.einsum(subscripts, *[bridge.asarray(o, device=device) for o in operands])
    _same(got, np.einsum(subscripts, *operands))

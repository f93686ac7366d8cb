"""NumPy's calls that unseen programs of the corpus (tests/numpy_programs) made and bridge
refused (issue 19): out= of mean/std/var, matmul and dot; lexsort of string keys; tensor
seeds; the repr of an empty N-d tensor. Each asserts NumPy's values."""

from __future__ import annotations

import numpy as np
import pytest

import bridge

from .conftest import to_numpy

A = np.arange(12.0).reshape(3, 4) ** 1.5


def _same(got, expected):
    g, e = to_numpy(got), np.asarray(expected)
    assert g.shape == e.shape and g.dtype == e.dtype
    np.testing.assert_allclose(g, e, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("name", ["mean", "std", "var"])
def test_reductions_write_into_out(backend, device, name):
    x = bridge.asarray(A, device=device)
    out = bridge.empty(3, device=device)
    assert getattr(bridge, name)(x, axis=1, out=out) is out
    _same(out, getattr(np, name)(A, axis=1))
    # NumPy's positional order: (a, axis, dtype, out, ...)
    out32 = bridge.empty(4, dtype=bridge.float32, device=device)
    assert getattr(bridge, name)(x, 0, None, out32) is out32
    _same(out32, getattr(np, name)(A, 0).astype(np.float32))
    with pytest.raises(TypeError):
        getattr(bridge, name)(x, axis=1, out=bridge.empty(3, dtype=bridge.int64, device=device))


def test_std_var_ddof_and_keepdims_with_out(backend, device):
    x = bridge.asarray(A, device=device)
    out = bridge.empty((3, 1), device=device)
    bridge.std(x, 1, None, out, 1, True)
    _same(out, np.std(A, 1, None, None, 1, True))
    bridge.var(x, axis=1, ddof=1, keepdims=True, out=out)
    _same(out, np.var(A, axis=1, ddof=1, keepdims=True))


def test_matmul_takes_numpys_ufunc_keywords(backend, device):
    a = A[:, :3]
    b = np.arange(6.0).reshape(3, 2)
    x, y = bridge.asarray(a, device=device), bridge.asarray(b, device=device)
    out = bridge.zeros((3, 2), device=device)
    assert bridge.matmul(x, y, out=out) is out
    _same(out, a @ b)
    out2 = bridge.zeros((3, 2), dtype=bridge.float32, device=device)
    assert bridge.matmul(x, y, out2) is out2  # out positional, same_kind into float32
    _same(out2, (a @ b).astype(np.float32))
    i = bridge.asarray(np.arange(4).reshape(2, 2), device=device)
    _same(bridge.matmul(i, i, dtype=bridge.float64), np.matmul(np.arange(4).reshape(2, 2),
                                                              np.arange(4).reshape(2, 2),
                                                              dtype=np.float64))
    with pytest.raises(TypeError, match="matmul: cannot cast"):
        bridge.matmul(x, y, out=bridge.zeros((3, 2), dtype=bridge.int64, device=device))
    with pytest.raises(TypeError, match="matmul"):
        bridge.matmul(x, y, where=True)
    _same(bridge.matmul(x, y), a @ b)  # the plain call and the operator as before
    _same(x @ y, a @ b)


def test_dot_writes_into_out(backend, device):
    a, b = A[:2, :3], np.arange(6.0).reshape(3, 2)
    out = bridge.empty((2, 2), device=device)
    assert bridge.dot(bridge.asarray(a, device=device), bridge.asarray(b, device=device),
                      out=out) is out
    _same(out, np.dot(a, b))


LAST = np.array(["smith", "jones", "smith", "brown", "jones"])
FIRST = np.array(["zoe", "amy", "al", "bob", "cat"])


def test_lexsort_of_string_keys_is_numpys(backend):
    got = bridge.lexsort((FIRST, LAST))
    assert isinstance(got, np.ndarray)  # NumPy's call: no tensor among the keys
    np.testing.assert_array_equal(got, np.lexsort((FIRST, LAST)))


def test_lexsort_of_string_keys_next_to_tensors(backend, device):
    salary = np.array([50.0, 70.0, 50.0, 90.0, 60.0])
    s = bridge.asarray(salary, device=device)
    if str(device) != "cpu":
        with pytest.raises(TypeError, match="lexsort"):
            bridge.lexsort((-s, LAST))
        return
    for keys, expected in (((-s, LAST), (-salary, LAST)), ((LAST, s), (LAST, salary)),
                           ((FIRST, s, LAST), (FIRST, salary, LAST))):
        got = bridge.lexsort(keys)
        assert isinstance(got, bridge.Tensor)
        np.testing.assert_array_equal(to_numpy(got), np.lexsort(expected))


def test_tensor_seeds_seed_as_numpys_integers(backend, device):
    seed = bridge.asarray(520660206)
    pair = bridge.asarray([1, 2])
    # (a GPU generator draws CuPy's stream, not NumPy's: there the tensor seed must give
    # what its Python value gives; numpy_stream_rng draws NumPy's numbers on any device)
    for make, ref in ((bridge.random.default_rng, bridge.random.default_rng
                       if str(device) != "cpu" else np.random.default_rng),
                      (bridge.random.numpy_stream_rng, np.random.default_rng)):
        assert float(make(seed).random()) == float(ref(520660206).random())
        assert float(make(pair).random()) == float(ref([1, 2]).random())
    bridge.random.seed(bridge.asarray(5))
    np.random.seed(5)
    assert float(bridge.random.rand()) == np.random.rand()
    assert float(bridge.random.RandomState(bridge.asarray(7)).rand()) == \
        np.random.RandomState(7).rand()
    if str(device) != "cpu":
        return  # (a GPU generator draws CuPy's stream, not NumPy's)
    rng = bridge.random.default_rng(12345)
    child = bridge.random.default_rng(rng.integers(1 << 30))  # a 0-d int64 tensor
    reference = np.random.default_rng(12345)
    assert float(child.random()) == np.random.default_rng(reference.integers(1 << 30)).random()


def test_repr_of_an_empty_tensor_gives_its_shape(backend, device):
    assert repr(bridge.zeros((2, 0), device=device)).startswith("Tensor([], shape=(2, 0), dtype=float64")
    assert repr(bridge.zeros(0, device=device)).startswith("Tensor([], dtype=float64")
    assert "shape" not in repr(bridge.ones(3, device=device))

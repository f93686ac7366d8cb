"""NumPy's behaviour that unseen programs of the corpus (tests/numpy_programs, issue 19)
found bridge missing: ``asfortranarray``, the ``broadcast`` object, and NumPy 2's dtype
of quantiles: the methods that pick elements (``lower``, ``higher``, ``nearest``,
``inverted_cdf``, ``closest_observation``) keep integer and bool data's dtype, and a q
given as an array (not a Python number) promotes with the data (float32 data, float64
q: float64 quantiles; int8 data, float32 q: float32). Each asserts NumPy's values."""

from __future__ import annotations

import numpy as np
import pytest

import bridge

from .conftest import same_as_numpy as _same
from .conftest import to_numpy


def test_asfortranarray(backend, device):
    a = np.arange(12).reshape(3, 4)
    got = bridge.asfortranarray(bridge.asarray(a, device=device))
    expected = np.asfortranarray(a)
    _same(got, expected)
    assert got.flags["F_CONTIGUOUS"] and not got.flags["C_CONTIGUOUS"]
    _same(bridge.asfortranarray([[1, 2], [3, 4]], dtype=bridge.float32),
          np.asfortranarray([[1, 2], [3, 4]], dtype=np.float32))
    # already Fortran-ordered: no copy
    f = bridge.asfortranarray(bridge.asarray(a, device=device))
    assert bridge.asfortranarray(f) is f


def test_broadcast_object(backend, device):
    x, y = np.arange(3).reshape(3, 1), np.array([10, 20, 30, 40])
    expected = np.broadcast(x, y)
    got = bridge.broadcast(bridge.asarray(x, device=device), y.tolist())
    assert got.shape == expected.shape and got.size == expected.size
    assert got.nd == got.ndim == expected.ndim and got.numiter == expected.numiter
    assert list(got) == [tuple(int(v) for v in t) for t in expected]
    assert got.index == 12
    got.reset()
    assert got.index == 0 and next(got) == (0, 10) and got.index == 1
    assert [list(it) for it in got.iters] == [[int(v) for v in it]
                                               for it in np.broadcast(x, y).iters]
    nested = bridge.broadcast(got, 5.0)
    assert nested.numiter == np.broadcast(expected, 5.0).numiter == 3
    assert bridge.broadcast(bridge.asarray(2.5, device=device)).shape == ()
    with pytest.raises(ValueError, match="broadcast"):
        bridge.broadcast(bridge.ones(3, device=device), bridge.ones(4, device=device))


ELEMENT_METHODS = ["lower", "higher", "nearest", "inverted_cdf", "closest_observation"]


@pytest.mark.parametrize("method", ELEMENT_METHODS + ["linear", "midpoint", "hazen"])
@pytest.mark.parametrize("dtype", ["int64", "int8", "uint16", "float32"])
@pytest.mark.parametrize("func", ["quantile", "nanquantile"])
def test_quantile_dtype(backend, device, method, dtype, func):
    a = np.array([[7, 1, 3, 9, 4], [4, 12, 2, 8, 5]], dtype=dtype)
    t = bridge.asarray(a, device=device)
    for q in (0.3, [0.1, 0.9], np.float64(0.5), np.array([0.25, 0.75], dtype=np.float32)):
        expected = getattr(np, func)(a, q, axis=1, method=method)
        got = getattr(bridge, func)(t, q, axis=1, method=method)
        got = to_numpy(got)
        assert got.dtype == expected.dtype and got.shape == expected.shape, (q, got, expected)
        np.testing.assert_allclose(got, expected, rtol=1e-6)


@pytest.mark.parametrize("method", ELEMENT_METHODS)
def test_quantile_picks_elements_exactly(backend, device, method):
    # int64 beyond 2**53 and bool come back as themselves
    a = np.array([3, 2**60 + 1, 2**60 + 3, 1])
    _same(bridge.quantile(bridge.asarray(a, device=device), [0.6, 1.0], method=method),
          np.quantile(a, [0.6, 1.0], method=method))
    b = np.array([True, False, True, True])
    _same(bridge.quantile(bridge.asarray(b, device=device), 0.5, method=method),
          np.quantile(b, 0.5, method=method))
    _same(bridge.percentile(bridge.arange(1, 11, device=device), [30, 95], method=method),
          np.percentile(np.arange(1, 11), [30, 95], method=method))
    _same(bridge.nanpercentile(bridge.arange(1, 11, device=device), 30, method=method),
          np.nanpercentile(np.arange(1, 11), 30, method=method))


def test_quantile_linear_at_integer_q(backend, device):
    a = np.arange(1, 11)
    _same(bridge.quantile(bridge.asarray(a, device=device), [0, 1]), np.quantile(a, [0, 1]))
    _same(bridge.quantile(bridge.asarray(a, device=device), 1), np.quantile(a, 1))


def test_percentile_of_float32_keeps_weak_q(backend, device):
    a = np.arange(1, 11, dtype=np.float32)
    t = bridge.asarray(a, device=device)
    for q in (30, 30.0, [30], np.float64(30), np.array([30.0], dtype=np.float32)):
        expected = np.percentile(a, q)
        got = to_numpy(bridge.percentile(t, q))
        assert got.dtype == expected.dtype, (q, got.dtype, expected.dtype)
        np.testing.assert_allclose(got, expected, rtol=1e-6)

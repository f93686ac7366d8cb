"""NumPy's behaviour that unseen programs of the corpus (tests/numpy_programs, issue 19)
found bridge missing: ``common_type``, NumPy's promotion of a sequence of three or more
dtypes in ``result_type`` (``int8, uint16, float32`` is float32, not the pairwise
fold's float64), and the ndarray methods ``put``, ``choose``, ``partition`` (in place)
and ``argpartition``. Each asserts NumPy's values."""

from __future__ import annotations

import numpy as np
import pytest

import bridge

from .conftest import same_as_numpy as _same
from .conftest import to_numpy


@pytest.mark.parametrize("dtypes", [
    ("float32", "int64"), ("float32",), ("float32", "float32"), ("int8", "uint8"),
    ("complex64", "float64"), ("complex64", "float32"), ("float64", "int16", "complex64"),
])
def test_common_type(backend, device, dtypes):
    arrays = [np.ones(2, dtype=d) for d in dtypes]
    expected = np.common_type(*arrays)
    got = bridge.common_type(*[bridge.asarray(a, device=device) for a in arrays])
    assert got is expected


def test_common_type_refuses_bool(backend, device):
    with pytest.raises(TypeError, match="common_type"):
        bridge.common_type(bridge.asarray([True, False], device=device))


@pytest.mark.parametrize("args", [
    (np.int8, np.uint16, np.float32), (np.float32, np.int8, np.uint16),
    (np.int16, np.uint16, np.complex64), (np.int8, np.uint16, np.float32, np.int64),
    (np.int8, np.uint16, np.float32, 1.0), (np.int8, np.int16, np.int64, 1.0),
    (np.int8, np.uint16, np.float32, 1j), (np.bool_, np.uint8, np.int8),
    (np.int8, 1), (np.float32, np.int64),
])
def test_result_type_of_a_sequence(backend, device, args):
    expected = np.result_type(*args)
    assert bridge.result_type(*args) == expected
    # tensors count by their dtype
    tensors = [bridge.zeros(1, dtype=a, device=device) if isinstance(a, type) else a
               for a in args]
    assert bridge.result_type(*tensors) == expected


def test_tensor_put(backend, device):
    for mode, ind in (("raise", [0, -1]), ("wrap", [7, -9]), ("clip", [10, -3])):
        expected = np.arange(6.0)
        expected.put(ind, [9.5, 8.5], mode=mode)
        x = bridge.arange(6.0, device=device)
        assert x.put(ind, [9.5, 8.5], mode=mode) is None
        _same(x, expected)
    with pytest.raises(IndexError, match="put"):
        bridge.arange(3, device=device).put([5], 1)


def test_tensor_choose(backend, device):
    idx = np.array([[0, 1, 2], [2, 1, 0]])
    choices = [np.arange(3), np.arange(10, 13), np.array([[100], [200]])]
    x = bridge.asarray(idx, device=device)
    got = x.choose([bridge.asarray(c, device=device) for c in choices])
    _same(got, idx.choose(choices))
    _same(bridge.asarray([0, 4, 1], device=device).choose([[1, 2, 3], [4, 5, 6]], mode="clip"),
          np.array([0, 4, 1]).choose([[1, 2, 3], [4, 5, 6]], mode="clip"))
    out = bridge.zeros(3, dtype=bridge.int64, device=device)
    bridge.asarray([1, 0, 1], device=device).choose([[1, 2, 3], [4, 5, 6]], out=out)
    _same(out, np.array([4, 2, 6]))


def test_tensor_partition_in_place(backend, device):
    data = np.array([[7, 1, 5, 3, 9], [2, 8, 6, 4, 0]])
    for kth, axis in ((2, -1), ([0, 3], 1), (0, 0)):
        expected = data.copy()
        expected.partition(kth, axis=axis)
        x = bridge.asarray(data, device=device)
        assert x.partition(kth, axis=axis) is None
        got = to_numpy(x)
        ks = np.atleast_1d(kth)
        # NumPy's order around the kth elements is its introselect's: compare what a
        # partition fixes (the kth elements and the sides' contents)
        for k in ks:
            np.testing.assert_array_equal(np.take(got, k, axis=axis),
                                          np.take(expected, k, axis=axis))
        np.testing.assert_array_equal(np.sort(got, axis=axis), np.sort(expected, axis=axis))


def test_tensor_argpartition(backend, device):
    data = np.array([4.0, -1.0, 3.5, 0.0, 2.0, 9.0])
    x = bridge.asarray(data, device=device)
    for kth in (0, 2, -1):
        got = to_numpy(x.argpartition(kth))
        expected = data.argpartition(kth)
        assert got.dtype.kind == "i"
        assert data[got[kth]] == data[expected[kth]]
        k = kth % data.size
        assert data[got[:k]].max(initial=-np.inf) <= data[got[k]] <= data[got[k + 1:]].min(
            initial=np.inf)

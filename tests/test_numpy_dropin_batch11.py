"""NumPy's behaviour that the eleventh batch of unseen programs (tests/numpy_programs,
issue 19) and its probes found bridge missing: ``pad`` takes NumPy 2.3's dict form of
``pad_width`` (``{axis: width or (before, after)}``, other axes unpadded), with NumPy's
errors for a width of another type and an axis out of range; a pad of no width is a
copy, as NumPy's always is (bridge returned the input itself, so writes reached it).
Each asserts NumPy's values."""

from __future__ import annotations

import numpy as np
import pytest

import bridge

from .conftest import same_as_numpy as _same
from .conftest import to_numpy

X = np.arange(12, dtype=np.float64).reshape(3, 4)
DICT_WIDTHS = [{0: (1, 0)}, {-1: 2}, {1: (1, 2), 0: 1}, {}, {0: True}, {-2: (0, 3)}]


@pytest.mark.parametrize("width", DICT_WIDTHS, ids=repr)
@pytest.mark.parametrize("mode", ["constant", "edge", "reflect", "wrap", "mean"])
def test_pad_takes_a_dict_of_widths(backend, device, width, mode):
    x = bridge.asarray(X, device=device)
    _same(bridge.pad(x, width, mode=mode), np.pad(X, width, mode=mode))


def test_pad_dict_with_mode_options(backend, device):
    x = bridge.asarray(X.astype(np.int32), device=device)
    _same(bridge.pad(x, {1: 2}, constant_values=7), np.pad(X.astype(np.int32), {1: 2},
                                                           constant_values=7))
    _same(bridge.pad(x, {0: (2, 1)}, mode="linear_ramp", end_values=(5, -5)),
          np.pad(X.astype(np.int32), {0: (2, 1)}, mode="linear_ramp", end_values=(5, -5)))


@pytest.mark.parametrize("width, error", [({0: [1, 2]}, AssertionError),
                                          ({0: (1.0, 2)}, AssertionError),
                                          ({0: (1, 2, 3)}, AssertionError),
                                          ({5: 1}, IndexError)])
def test_pad_dict_errors_are_numpys(backend, device, width, error):
    with pytest.raises(error):
        np.pad(X, width)
    with pytest.raises(error):
        bridge.pad(bridge.asarray(X, device=device), width)


def test_pad_dict_gradient(backend, device):
    x = bridge.asarray(X, device=device, requires_grad=True)
    scale = np.arange(np.pad(X, {1: (1, 2)}, mode="edge").size, dtype=np.float64)
    scale = scale.reshape(3, 7)
    y = bridge.pad(x, {1: (1, 2)}, mode="edge")
    (y * bridge.asarray(scale, device=device)).sum().backward()
    expected = scale[:, 1:5].copy()
    expected[:, 0] += scale[:, 0]
    expected[:, -1] += scale[:, 5:].sum(axis=1)
    np.testing.assert_allclose(to_numpy(x.grad), expected)


@pytest.mark.parametrize("width", [0, ((0, 0), (0, 0)), {}, {1: 0}], ids=repr)
@pytest.mark.parametrize("mode", ["constant", "edge", "reflect", "mean"])
def test_pad_of_no_width_is_a_copy(backend, device, width, mode):
    # NumPy's pad always returns a new array: a write to it never reaches the input
    x = bridge.asarray(X, device=device)
    y = bridge.pad(x, width, mode=mode)
    expected = np.pad(X, width, mode=mode)
    assert not np.shares_memory(X, expected)
    assert not bridge.shares_memory(x, y)
    y[0, 0] = -1.0
    _same(x, X)
    expected[0, 0] = -1.0
    _same(y, expected)


def test_pad_of_no_width_keeps_the_gradient(backend, device):
    x = bridge.asarray(X, device=device, requires_grad=True)
    (bridge.pad(x, 0) * 3.0).sum().backward()
    np.testing.assert_array_equal(to_numpy(x.grad), np.full(X.shape, 3.0))

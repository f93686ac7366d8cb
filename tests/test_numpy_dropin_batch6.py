"""NumPy's behaviour that unseen programs of the corpus (tests/numpy_programs, issue 19)
found bridge missing: np.diag of a vector holding inf or NaN (bridge's product with
the identity made inf * 0 a NaN, and -x * 0 a -0.0, off the diagonal). Each asserts
NumPy's values."""

from __future__ import annotations

import numpy as np
import pytest

import bridge

from .conftest import to_numpy


@pytest.mark.parametrize("values", [
    [np.inf, 1.0, np.nan], [-1.0, -2.5, 3.0], [True, False, True], [3, -4],
    [1 + 2j, complex(np.inf, 0.0)],
])
@pytest.mark.parametrize("k", [0, 2, -1])
def test_diag_of_vector_has_zeros_off_its_diagonal(backend, device, values, k):
    expected = np.diag(np.asarray(values), k)
    got = to_numpy(bridge.diag(bridge.asarray(values, device=device), k))
    assert got.dtype == expected.dtype and got.shape == expected.shape
    np.testing.assert_array_equal(got, expected)
    # zeros are +0.0, as NumPy's (a -x * 0 product was -0.0)
    np.testing.assert_array_equal(np.signbit(got.real), np.signbit(expected.real))


def test_diag_plus_matrix_keeps_values_off_the_diagonal(backend, device):
    # np.sort(m + np.diag(np.full(n, np.inf)), axis=1)[:, 0]: nearest neighbour distances
    m = np.arange(16.0).reshape(4, 4) + 1.0
    expected = np.sort(m + np.diag(np.full(4, np.inf)), axis=1)[:, 0]
    x = bridge.asarray(m, device=device)
    got = bridge.sort(x + bridge.diag(bridge.full(4, np.inf, device=device)), axis=1)[:, 0]
    np.testing.assert_array_equal(to_numpy(got), expected)


def test_diagflat_of_inf(backend, device):
    v = np.array([[np.inf, 2.0], [3.0, -np.inf]])
    np.testing.assert_array_equal(to_numpy(bridge.diagflat(bridge.asarray(v, device=device))),
                                  np.diagflat(v))

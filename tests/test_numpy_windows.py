"""NumPy's window functions (hanning, hamming, blackman, bartlett, kaiser) take M as
NumPy does: an integer or any real number (a float of 5.0 is five points, 5.5 spaces
them by the fractional length, 0 < M < 1 gives kaiser one point); NumPy is the oracle,
on every backend."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import bridge

from .conftest import to_numpy

LENGTHS = [5, 5.0, 5.5, 1.0, 0.5, -2.0, 0, np.float32(6), np.int64(4), True, 2.0000001]


@pytest.mark.parametrize("name", ["hanning", "hamming", "blackman", "bartlett", "kaiser"])
@pytest.mark.parametrize("M", LENGTHS, ids=[repr(m) for m in LENGTHS])
def test_window_lengths_as_numpy(backend, name, M):
    extra = (3.0,) if name == "kaiser" else ()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # (kaiser's sqrt of a negative)
        want = getattr(np, name)(M, *extra)
        got = to_numpy(getattr(bridge, name)(M, *extra))
    assert got.shape == want.shape and got.dtype == want.dtype
    np.testing.assert_allclose(got, want, rtol=1e-14, atol=1e-16, equal_nan=True)


def test_window_length_of_a_0d_tensor(backend):
    np.testing.assert_allclose(to_numpy(bridge.hanning(bridge.asarray(7.0))), np.hanning(7.0),
                               rtol=1e-14, atol=1e-16)


@pytest.mark.parametrize("bad,error", [(float("nan"), ValueError), (float("inf"), ValueError),
                                       ("5", TypeError), (1 + 2j, TypeError), (None, TypeError)])
def test_bad_window_lengths_name_the_function(backend, bad, error):
    with pytest.raises(error, match="hanning"):
        bridge.hanning(bad)
    with pytest.raises(error, match="kaiser"):
        bridge.kaiser(bad, 2.0)

"""The native argmax/argmin against NumPy's: the block path of long contiguous lines
(a vectorised extremum per block of 256, one block searched again), one line split
across threads, and lines side by side (axis 0 of a C array: a running extremum per
line). The first NaN wins, then the first of the extremum, as in NumPy."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bridge

pytestmark = pytest.mark.skipif("native" not in bridge.available_backends(),
                                reason="the native backend is not built")

DTYPES = ["float64", "float32", "int8", "int16", "uint16", "int32", "int64", "uint64", "bool"]


def _make(rng, dtype, shape, kind):
    if dtype == "bool":
        x = rng.integers(0, 2, shape).astype(bool)
    elif dtype.startswith("float"):
        x = rng.standard_normal(shape).astype(dtype)
    else:
        x = rng.integers(0, 30, shape).astype(dtype)
    flat = x.reshape(-1)
    if kind == "nan" and dtype.startswith("float") and flat.size:
        flat[rng.integers(0, flat.size, 3)] = np.nan
    elif kind == "ties" and flat.size:
        flat[:] = flat[0]
    elif kind == "inf" and dtype.startswith("float") and flat.size:
        flat[rng.integers(0, flat.size)] = np.inf
        flat[rng.integers(0, flat.size)] = -np.inf
    elif kind == "zeros" and dtype.startswith("float"):
        flat[:] = 0.0
        flat[rng.integers(0, flat.size, 4)] = -0.0
    return x


@settings(max_examples=60, deadline=None)
@given(n=st.integers(4096, 40_000), dtype=st.sampled_from(DTYPES),
       kind=st.sampled_from(["random", "nan", "ties", "inf", "zeros"]),
       threads=st.sampled_from([1, 2, 3]), seed=st.integers(0, 2**32 - 1))
def test_long_lines_match_numpy(n, dtype, kind, threads, seed):
    x = _make(np.random.default_rng(seed), dtype, (n,), kind)
    previous = bridge.get_num_threads()
    bridge.set_num_threads(threads)
    try:
        with bridge.use_backend("native"):
            b = bridge.asarray(x)
            assert int(bridge.argmax(b)) == int(np.argmax(x))
            assert int(bridge.argmin(b)) == int(np.argmin(x))
    finally:
        bridge.set_num_threads(previous)


@settings(max_examples=60, deadline=None)
@given(rows=st.integers(1, 300), cols=st.integers(1, 5000), dtype=st.sampled_from(DTYPES),
       kind=st.sampled_from(["random", "nan", "ties", "inf"]), axis=st.sampled_from([0, 1]),
       threads=st.sampled_from([1, 2]), seed=st.integers(0, 2**32 - 1))
def test_axis_lines_match_numpy(rows, cols, dtype, kind, axis, threads, seed):
    x = _make(np.random.default_rng(seed), dtype, (rows, cols), kind)
    if x.size < 4096:
        x = np.tile(x, (1, -(-4096 // x.size)))
    previous = bridge.get_num_threads()
    bridge.set_num_threads(threads)
    try:
        with bridge.use_backend("native"):
            b = bridge.asarray(x)
            np.testing.assert_array_equal(np.asarray(bridge.argmax(b, axis=axis)),
                                          np.argmax(x, axis=axis))
            np.testing.assert_array_equal(np.asarray(bridge.argmin(b, axis=axis)),
                                          np.argmin(x, axis=axis))
    finally:
        bridge.set_num_threads(previous)

"""The native sum's accuracy: no worse than NumPy's pairwise summation.

NumPy sums blocks of 128 elements into 8 accumulators (16 additions deep) and combines
the blocks pairwise; its error is at most about (16 + 3 + log2(n / 128)) * eps * sum|x|.
The native kernel's blocks of 512 elements go into 32 lanes of float64 (16 deep as well;
float32: 64 lanes, 8 deep), streamed in memory order; the blocks' lanes are combined
pairwise on a stack (at most log2(blocks) + 2 levels for any element), then the lanes
(5 or 6 levels): within the same bound. Checked against math.fsum (the correctly rounded
sum) on inputs chosen to make rounding errors pile up, for float64 and float32,
contiguous and strided, every thread count's chunking, and the axis paths (rows summed
with the same kernel; axis 0 of a C array adds rows 8 at a time, as a tree, into the
result: sequential over the groups, more accurate than NumPy's row-by-row loop).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bridge

pytestmark = pytest.mark.skipif("native" not in bridge.available_backends(),
                                reason="the native backend is not built")


def bound(x):
    n = max(x.size, 1)
    eps = np.finfo(x.dtype).eps
    depth = 16 + 5 + 3 + max(0.0, math.log2(n / 128))
    return depth * eps * float(np.sum(np.abs(x.astype(np.float64))))


def exact(x):
    return math.fsum(x.astype(np.float64).tolist())


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 300_000), dtype=st.sampled_from(["float64", "float32"]),
       step=st.sampled_from([1, 1, 3]), threads=st.sampled_from([1, 2, 4]),
       kind=st.sampled_from(["uniform", "spread", "cancel"]), seed=st.integers(0, 2**32 - 1))
def test_native_sum_is_as_accurate_as_numpys_pairwise_sum(n, dtype, step, threads, kind, seed):
    rng = np.random.default_rng(seed)
    if kind == "uniform":
        base = rng.uniform(0.0, 1.0, n * step)
    elif kind == "spread":  # twenty decades of magnitude
        base = rng.uniform(-1, 1, n * step) * 10.0 ** rng.uniform(-10, 10, n * step)
    else:  # large terms that cancel, and small ones that survive
        base = np.concatenate([rng.uniform(1e6, 1e7, n * step // 2)] * 1)
        base = np.concatenate([base, -base, rng.uniform(0, 1, n * step - 2 * base.size)])
        rng.shuffle(base)
    x = base.astype(dtype)[::step]
    previous = bridge.get_num_threads()
    bridge.set_num_threads(threads)
    try:
        with bridge.use_backend("native"):
            got = float(bridge.sum(bridge.asarray(x)))
    finally:
        bridge.set_num_threads(previous)
    # float32 sums accumulate in float32, as NumPy's do: the bound is float32's
    assert abs(got - exact(x)) <= bound(x), (got, exact(x), bound(x))
    assert abs(float(np.sum(x)) - exact(x)) <= bound(x)  # NumPy's stays within it too


def _data(rng, kind, size):
    if kind == "uniform":
        return rng.uniform(0.0, 1.0, size)
    if kind == "spread":
        return rng.uniform(-1, 1, size) * 10.0 ** rng.uniform(-10, 10, size)
    base = rng.uniform(1e6, 1e7, size // 2)
    out = np.concatenate([base, -base, rng.uniform(0, 1, size - 2 * base.size)])
    rng.shuffle(out)
    return out


@pytest.mark.parametrize("n", [511, 512, 513, 512 * 3 + 7, 512 * 64, 512 * 65 - 1,
                               1_000_003, 2_500_000])
@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_the_cascade_at_block_boundaries_and_deep_stacks(n, dtype):
    rng = np.random.default_rng(n)
    x = _data(rng, "spread", n).astype(dtype)
    with bridge.use_backend("native"):
        got = float(bridge.sum(bridge.asarray(x)))
    assert abs(got - exact(x)) <= bound(x), (got, exact(x), bound(x))


@settings(max_examples=30, deadline=None)
@given(rows=st.integers(1, 700), cols=st.integers(1, 1500),
       dtype=st.sampled_from(["float64", "float32"]), axis=st.sampled_from([0, 1]),
       threads=st.sampled_from([1, 2, 3]), kind=st.sampled_from(["uniform", "spread", "cancel"]),
       seed=st.integers(0, 2**32 - 1))
def test_axis_sums_are_as_accurate_as_numpys(rows, cols, dtype, axis, threads, kind, seed):
    rng = np.random.default_rng(seed)
    x = _data(rng, kind, rows * cols).reshape(rows, cols).astype(dtype)
    previous = bridge.get_num_threads()
    bridge.set_num_threads(threads)
    try:
        with bridge.use_backend("native"):
            got = np.asarray(bridge.sum(bridge.asarray(x), axis=axis))
    finally:
        bridge.set_num_threads(previous)
    want = np.sum(x, axis=axis)
    lines = x.T if axis == 0 else x
    for k, line in enumerate(lines):
        e = exact(line)
        # axis 0 of NumPy's is sequential: the bound there is its own, linear in rows
        b = bound(line) if axis == 1 else line.size * np.finfo(x.dtype).eps * float(
            np.sum(np.abs(line.astype(np.float64))))
        assert abs(float(got[k]) - e) <= b, (k, float(got[k]), e, b)
        assert abs(float(got[k]) - e) <= max(abs(float(want[k]) - e), bound(line)), k

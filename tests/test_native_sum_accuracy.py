"""The native sum's accuracy: no worse than NumPy's pairwise summation.

NumPy sums blocks of 128 elements into 8 accumulators (16 additions deep) and combines
the blocks pairwise; its error is at most about (16 + 3 + log2(n / 128)) * eps * sum|x|.
The native kernel's blocks of 512 elements go into 32 accumulators (16 deep as well),
combined pairwise lane by lane, then the 32 lanes (5 levels): the same bound. Checked
against math.fsum (the correctly rounded sum) on inputs chosen to make rounding errors
pile up, for float64 and float32, contiguous and strided, every thread count's chunking.
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

"""Signs of zero and arg-reductions of the native backend against NumPy (issue 20).

* Signed zeros: NumPy's sum starts from its identity +0.0, so a sum (and a mean) of
  negative zeros is +0.0 whatever the length, layout or axis; a product of them is
  -0.0 for an odd count; cumsum and cumprod start from the first element (a running sum
  of -0.0 stays -0.0) and complex products take NumPy's order, so the sign of a zero part
  matches. Compared with ``np.signbit`` on the real and imaginary parts.
* argmax/argmin: the first index of the extremum, the first NaN winning, -0.0 and +0.0
  equal, on hypothesis-drawn data with NaN, +-inf, +-0.0 and ties, over every axis of
  2-d and 3-d arrays (C, transposed, odd strides), 1 and 2 threads.
"""

from __future__ import annotations

import contextlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bridge.backends import load_backend

try:
    from bridge.backends.native import _native  # noqa: F401
except ImportError as exc:  # the extension is not built: the backend does not exist
    pytest.skip(f"native extension not built ({exc})", allow_module_level=True)

from bridge._threads import get_num_threads, set_num_threads

NATIVE = load_backend("native").kernels
NUMPY = load_backend("numpy").kernels

FLOATS = ["float64", "float32", "complex128", "complex64"]
# lengths around the sum's lanes (32/64), its blocks (512), the arg blocks (256) and
# the threading threshold (~64k elements per thread)
LENGTHS = [0, 1, 2, 3, 7, 8, 9, 31, 32, 33, 64, 255, 256, 257, 511, 512, 513, 1025, 4096,
           300_001]


@contextlib.contextmanager
def threads(n):
    before = get_num_threads()
    set_num_threads(n)
    try:
        yield
    finally:
        set_num_threads(before)


def assert_same_bits(name, got, want):
    """Same dtype, shape, values and signs of zero (real and imaginary parts)."""
    got, want = np.asarray(got), np.asarray(want)
    assert got.dtype == want.dtype, f"{name}: dtype {got.dtype} != {want.dtype}"
    assert got.shape == want.shape, f"{name}: shape {got.shape} != {want.shape}"
    parts = [(got.real, want.real), (got.imag, want.imag)] if want.dtype.kind == "c" \
        else [(got, want)]
    for g, w in parts:
        np.testing.assert_array_equal(g, w, err_msg=name)
        # NaN's sign bit is not a value (signs of zero and infinities are)
        np.testing.assert_array_equal(np.signbit(g) & ~np.isnan(g),
                                      np.signbit(w) & ~np.isnan(w), err_msg=f"{name}: signs")


def negative_zeros(shape, dtype, imag_sign=-1.0):
    x = np.full(shape, -0.0, dtype=dtype)
    if x.dtype.kind == "c":
        x.imag = imag_sign * 0.0
    return x


def layouts(x):
    yield "contiguous", x
    yield "stride 2", x[::2]
    yield "reversed", x[::-1]


def check_zero_reductions(v, axis, label):
    for keepdims in (False, True):
        info = f"{label} axis={axis} keepdims={keepdims}"
        for name in ("sum", "prod"):
            assert_same_bits(f"{name} {info}",
                             NATIVE[name](v, axis=axis, dtype=None, keepdims=keepdims),
                             NUMPY[name](v, axis=axis, dtype=None, keepdims=keepdims))
        if v.size and all(v.shape[a] for a in ((axis,) if isinstance(axis, int) else
                                                  (axis or range(v.ndim)))):
            assert_same_bits(f"mean {info}", NATIVE["mean"](v, axis=axis, keepdims=keepdims),
                             NUMPY["mean"](v, axis=axis, keepdims=keepdims))
            if v.dtype.kind == "f":
                for name in ("max", "min"):
                    assert_same_bits(f"{name} {info}",
                                     NATIVE[name](v, axis=axis, keepdims=keepdims),
                                     NUMPY[name](v, axis=axis, keepdims=keepdims))


def check_zero_scans(v, axis, label):
    for include_initial in (False, True):
        for name in ("cumulative_sum", "cumulative_prod"):
            assert_same_bits(
                f"{name} {label} axis={axis} include_initial={include_initial}",
                NATIVE[name](v, axis=axis, dtype=None, include_initial=include_initial),
                NUMPY[name](v, axis=axis, dtype=None, include_initial=include_initial))


@pytest.mark.parametrize("n_threads", [1, 2])
@pytest.mark.parametrize("imag_sign", [-1.0, 1.0])
@pytest.mark.parametrize("dtype", FLOATS)
def test_negative_zero_lines_match_numpy(dtype, imag_sign, n_threads):
    with threads(n_threads):
        for n in LENGTHS:
            for layout, v in layouts(negative_zeros((n,), dtype, imag_sign)):
                label = f"{dtype} n={n} {layout} threads={n_threads}"
                check_zero_reductions(v, None, label)
                check_zero_reductions(v, 0, label)
                check_zero_scans(v, 0, label)


SHAPES = [(1, 5), (5, 1), (3, 4), (0, 3), (3, 0), (9, 700), (700, 9), (64, 2000), (2000, 64),
          (2, 3, 4), (300, 300)]


@pytest.mark.parametrize("n_threads", [1, 2])
@pytest.mark.parametrize("dtype", FLOATS)
def test_negative_zero_axes_match_numpy(dtype, n_threads):
    with threads(n_threads):
        for shape in SHAPES:
            x = negative_zeros(shape, dtype)
            for layout, v in (("C", x), ("stride 2", x[:, ::2]), ("transposed", x.T)):
                label = f"{dtype} {shape} {layout} threads={n_threads}"
                for axis in [None, *range(v.ndim), (0, 1)]:
                    check_zero_reductions(v, axis, label)
                for axis in range(v.ndim):
                    check_zero_scans(v, axis, label)


def test_negative_zero_sum_cast_matches_numpy():
    x = negative_zeros((1000,), "float32")
    assert_same_bits("sum float32 -> float64",
                     NATIVE["sum"](x, axis=None, dtype="float64", keepdims=False),
                     NUMPY["sum"](x, axis=None, dtype="float64", keepdims=False))


def test_cumulative_starts_from_the_first_element():
    # NumPy's accumulate copies x[0]: 1 * (0 + inf j) would have a NaN real part
    x = np.array([complex(0.0, np.inf), complex(2.0, 1.0)])
    for include_initial in (False, True):
        assert_same_bits("cumprod inf", NATIVE["cumulative_prod"](
            x, axis=0, dtype=None, include_initial=include_initial),
            NUMPY["cumulative_prod"](x, axis=0, dtype=None, include_initial=include_initial))
    y = np.array([-0.0, -0.0, 1.0, -1.0, -0.0])
    assert_same_bits("cumsum", NATIVE["cumulative_sum"](y, axis=0, dtype=None,
                                                        include_initial=False),
                     NUMPY["cumulative_sum"](y, axis=0, dtype=None, include_initial=False))


SIGNED_VALUES = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, np.inf, -np.inf, 1e-300, -1e-300]


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.sampled_from(SIGNED_VALUES), min_size=0, max_size=700),
       dtype=st.sampled_from(FLOATS), n_threads=st.sampled_from([1, 2]),
       step=st.sampled_from([1, 2, -1, 3]))
def test_zero_signs_of_mixed_lines_match_numpy(values, dtype, n_threads, step):
    x = np.array(values, dtype=dtype)
    if x.dtype.kind == "c":
        x.imag = np.array(values[::-1])
    x = x[::step]
    with threads(n_threads), np.errstate(all="ignore"):
        for name in ("sum", "prod"):
            assert_same_bits(name, NATIVE[name](x, axis=None, dtype=None, keepdims=False),
                             NUMPY[name](x, axis=None, dtype=None, keepdims=False))
        for name in ("cumulative_sum", "cumulative_prod"):
            assert_same_bits(name, NATIVE[name](x, axis=0, dtype=None, include_initial=False),
                             NUMPY[name](x, axis=0, dtype=None, include_initial=False))

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


# ------------------------------------------------------------------ argmax / argmin

ARG_DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
              "float32", "float64"]
SPECIAL = [np.nan, np.inf, -np.inf, 0.0, -0.0]


def draw_array(draw, shape, dtype, kinds):
    """Random values of dtype with, for floats, NaN, +-inf and +-0.0 sprinkled in, or a
    few distinct values (ties)."""
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    size = int(np.prod(shape))
    dt = np.dtype(dtype)
    if dt.kind == "b":
        x = rng.integers(0, 2, size).astype(bool)
    elif dt.kind == "f":
        x = rng.standard_normal(size).astype(dt)
    else:
        info = np.iinfo(dt)
        x = rng.integers(info.min, info.max, size, dtype=dt, endpoint=True)
    kind = draw(st.sampled_from(kinds))
    if kind == "ties" and size:
        x = x[rng.integers(0, 3, size)] if dt.kind != "b" else x
        if dt.kind in "iu":
            x[rng.integers(0, size, 2)] = np.iinfo(dt).max
            x[rng.integers(0, size, 2)] = np.iinfo(dt).min
    elif kind == "special" and size and dt.kind == "f":
        count = draw(st.integers(1, 6))
        for _ in range(count):
            x[rng.integers(0, size)] = SPECIAL[rng.integers(0, len(SPECIAL))]
    elif kind == "zeros" and size and dt.kind == "f":
        x[:] = 0.0
        x[rng.random(size) < 0.5] = -0.0
        if draw(st.booleans()):
            x[rng.integers(0, size)] = np.nan
    elif kind == "late nan" and size and dt.kind == "f":
        x[rng.integers(max(size - 40, 0), size)] = np.nan
    return x.reshape(shape)


def arg_c(is_max, x, axis):
    """The C arg-reduction itself (no size threshold, no fallback), axis moved last."""
    lines = np.moveaxis(x, axis, -1)
    out = np.empty(lines.shape[:-1] + (1,), dtype=np.int64)
    assert _native.arg_reduce(is_max, lines, out) is out
    return out[..., 0]


@st.composite
def arg_inputs(draw, min_size=1):
    ndim = draw(st.integers(1, 3))
    dims = [draw(st.sampled_from([1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 65, 100, 257,
                                  513, 1100])) for _ in range(ndim)]
    while int(np.prod(dims)) > 60_000:
        dims[draw(st.integers(0, ndim - 1))] = draw(st.sampled_from([1, 2, 3, 9]))
    dtype = draw(st.sampled_from(ARG_DTYPES))
    x = draw_array(draw, tuple(dims), dtype, ["random", "ties", "special", "zeros", "late nan"])
    # odd strides: a reversed axis, a step of 2 or 3 on one axis, a transposition
    layout = draw(st.sampled_from(["C", "reversed", "step", "transposed"]))
    if layout == "reversed":
        x = x[::-1]
    elif layout == "step":
        d = draw(st.integers(0, ndim - 1))
        index = [slice(None)] * ndim
        index[d] = slice(None, None, draw(st.sampled_from([2, 3])))
        x = x[tuple(index)]
    elif layout == "transposed":
        x = x.T
    return x


@settings(max_examples=300, deadline=None)
@given(x=arg_inputs(), n_threads=st.sampled_from([1, 2]), data=st.data())
def test_arg_reduce_c_matches_numpy(x, n_threads, data):
    axis = data.draw(st.integers(0, x.ndim - 1))
    if x.shape[axis] == 0:
        return
    with threads(n_threads):
        for is_max, ref in ((True, np.argmax), (False, np.argmin)):
            np.testing.assert_array_equal(arg_c(is_max, x, axis), ref(x, axis=axis),
                                          err_msg=f"{'argmax' if is_max else 'argmin'} "
                                                  f"axis={axis} {x.dtype} {x.shape} {x.strides}")


@settings(max_examples=60, deadline=None)
@given(x=arg_inputs(), n_threads=st.sampled_from([1, 2]), keepdims=st.booleans(), data=st.data())
def test_arg_kernels_match_numpy(x, n_threads, keepdims, data):
    # through the kernel (its size threshold and fallbacks): tiled past 4096 elements
    if x.size < 4096:
        x = np.concatenate([x] * -(-4096 // max(x.size, 1)), axis=0) if x.size else x
    axis = data.draw(st.sampled_from([None, *range(x.ndim)]))
    if x.size == 0 or (axis is not None and x.shape[axis] == 0):
        return
    with threads(n_threads):
        for name in ("argmax", "argmin"):
            assert_same_bits(name, NATIVE[name](x, axis=axis, keepdims=keepdims),
                             NUMPY[name](x, axis=axis, keepdims=keepdims))


@pytest.mark.parametrize("n_threads", [1, 2])
@pytest.mark.parametrize("dtype", ARG_DTYPES)
def test_arg_axis0_groups_match_numpy(dtype, n_threads):
    # the lines-side-by-side kernel: rows in groups of 8 plus 0..7 left over, the NaN
    # pass of a group, ties across groups, the extremum in the first and last rows
    rng = np.random.default_rng(7)
    dt = np.dtype(dtype)
    with threads(n_threads):
        for rows in (1, 2, 8, 9, 15, 16, 17, 24, 31, 200):
            for cols in (1, 3, 33, 300, 5000):
                if dt.kind == "f":
                    x = rng.standard_normal((rows, cols)).astype(dt)
                    x[rng.integers(0, rows, 5), rng.integers(0, cols, 5)] = np.nan
                    x[rng.integers(0, rows, 5), rng.integers(0, cols, 5)] = np.inf
                    x[rng.integers(0, rows, 5), rng.integers(0, cols, 5)] = -np.inf
                    x[:, :1] = -0.0
                    x[rows // 2:, :1] = 0.0
                elif dt.kind == "b":
                    x = rng.random((rows, cols)) < 0.1
                else:
                    x = rng.integers(0, 4, (rows, cols)).astype(dt)
                    x[-1, ::2] = np.iinfo(dt).max
                    x[0, 1::2] = np.iinfo(dt).min
                for is_max, ref in ((True, np.argmax), (False, np.argmin)):
                    np.testing.assert_array_equal(arg_c(is_max, x, 0), ref(x, axis=0),
                                                  err_msg=f"{dtype} {rows}x{cols}")
                    if rows > 1:
                        np.testing.assert_array_equal(arg_c(is_max, x[::-1], 0),
                                                      ref(x[::-1], axis=0))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_arg_first_nan_and_signed_zero_ties(dtype):
    with threads(1):
        for n in (64, 100, 511, 512, 513, 1024, 1500, 4096, 10_000):
            x = np.zeros(n, dtype=dtype)
            x[::3] = -0.0
            assert int(arg_c(True, x, 0)) == int(np.argmax(x)) == 0
            assert int(arg_c(False, x, 0)) == int(np.argmin(x)) == 0
            for first in (0, 1, 31, 32, n // 2, n - 33, n - 1):
                y = np.random.default_rng(n + first).standard_normal(n).astype(dtype)
                y[first] = np.nan
                y[min(first + 5, n - 1)] = np.nan
                y[min(first + 40, n - 1)] = np.nan
                assert int(arg_c(True, y, 0)) == int(np.argmax(y)) == first
                assert int(arg_c(False, y, 0)) == int(np.argmin(y)) == first
                m = np.tile(y[:, None], (1, 37))
                np.testing.assert_array_equal(arg_c(True, m, 0), np.full(37, first))


@settings(max_examples=150, deadline=None)
@given(x=arg_inputs(), n_threads=st.sampled_from([1, 2]), keepdims=st.booleans(), data=st.data())
def test_max_min_match_numpy(x, n_threads, keepdims, data):
    # the fold of the max/min reduction: NaN found per block (the first NaN returned),
    # +-inf, ties; contiguous, strided and axis reductions, through the kernels
    axis = data.draw(st.sampled_from([None, *range(x.ndim)]))
    if x.size == 0:
        return
    with threads(n_threads):
        for name in ("max", "min"):
            got = NATIVE[name](x, axis=axis, keepdims=keepdims)
            want = NUMPY[name](x, axis=axis, keepdims=keepdims)
            got, want = np.asarray(got), np.asarray(want)
            assert got.dtype == want.dtype and got.shape == want.shape
            # values and NaN positions; the sign of a zero max of mixed zeros is left to
            # the implementation (NumPy's own depends on its SIMD lane order)
            np.testing.assert_array_equal(got, want, err_msg=name)


@pytest.mark.parametrize("n_threads", [1, 2])
@pytest.mark.parametrize("dtype", ["float32", "float64", "int8", "uint16", "int64"])
def test_long_max_min_match_numpy(dtype, n_threads):
    rng = np.random.default_rng(11)
    dt = np.dtype(dtype)
    n = 300_001
    base = rng.standard_normal(n).astype(dt) if dt.kind == "f" else \
        rng.integers(np.iinfo(dt).min, np.iinfo(dt).max, n).astype(dt)
    cases = [base]
    if dt.kind == "f":
        for where in (0, 511, 512, 100_000, n - 1):
            y = base.copy()
            y[where] = np.nan
            cases.append(y)
        y = base.copy()
        y[7] = np.inf
        y[9] = -np.inf
        cases.append(y)
    with threads(n_threads):
        for y in cases:
            for v in (y, y[::2], y[::-1]):
                for name in ("max", "min"):
                    assert_same_bits(name, NATIVE[name](v, axis=None, keepdims=False),
                                     NUMPY[name](v, axis=None, keepdims=False))

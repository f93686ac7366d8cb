"""The native backend's sort, argsort and unique_* kernels against the numpy backend.

Stable results are compared bitwise (signed zeros and NaN payloads included): a stable
sort has exactly one answer. Where the numpy kernel itself is not stable
(``stable=False``, and ``unique_values``/``unique_counts``/``unique_inverse``, which
use NumPy's quicksort or hash table), the one thing it leaves open is which of equal
elements comes first (-0.0 or +0.0, NaNs of different payloads): there the values are
compared with -0.0 == +0.0 and NaN == NaN, and the native kernels' choice is checked
to be the stable one (the first occurrence, the order of unique_all).
"""

from __future__ import annotations

import struct

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from bridge.backends import load_backend

try:
    from bridge.backends.native import _native  # noqa: F401
except ImportError as exc:  # the extension is not built: the backend does not exist
    pytest.skip(f"native extension not built ({exc})", allow_module_level=True)

import bridge
from bridge._threads import get_num_threads, set_num_threads

NATIVE = load_backend("native").kernels
NUMPY = load_backend("numpy").kernels

REAL = [np.dtype(n) for n in
        "bool int8 int16 int32 int64 uint8 uint16 uint32 uint64 float32 float64".split()]
COMPLEX = [np.dtype("complex64"), np.dtype("complex128")]
ALL = REAL + COMPLEX
UNIQUE = ("unique_values", "unique_counts", "unique_inverse", "unique_all")


def _nan_with_payload(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


# NaNs of both signs and several payloads, signed zeros, infinities and a few
# repeated values, so that ties are common
FLOAT_POOL = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 1e-300, np.inf, -np.inf, np.nan,
              _nan_with_payload(0xFFF8000000000000), _nan_with_payload(0x7FF8000000000123)]


def elements_for(dtype):
    if dtype.kind == "b":
        return st.booleans()
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return st.one_of(st.integers(max(int(info.min), -3), 3),
                         st.sampled_from([int(info.min), int(info.max)]),
                         st.integers(int(info.min), int(info.max)))
    width = 32 if dtype in (np.float32, np.complex64) else 64
    floats = st.one_of(st.sampled_from(FLOAT_POOL),
                       st.floats(width=width, allow_nan=True, allow_infinity=True))
    if dtype.kind == "f":
        return floats
    return st.builds(complex, floats, floats)


@st.composite
def arrays(draw, dtype, shape):
    """An array of ``shape``: contiguous, or a view with steps, negative strides, a
    transposed layout, or zero strides (broadcast)."""
    layout = draw(st.sampled_from(["contiguous", "strided", "transposed", "broadcast"]))
    elements = elements_for(dtype)
    if layout == "broadcast":
        small = tuple(1 if draw(st.booleans()) else s for s in shape)
        return np.broadcast_to(draw(hnp.arrays(dtype, small, elements=elements)), shape)
    if layout == "strided":
        base = draw(hnp.arrays(dtype, tuple(2 * s for s in shape), elements=elements))
        steps = [draw(st.sampled_from([2, -1, -2])) for _ in shape]
        index = tuple(slice(None, None, step) for step in steps)
        return base[index][tuple(slice(0, s) for s in shape)]
    x = draw(hnp.arrays(dtype, shape, elements=elements))
    if layout == "transposed" and x.ndim >= 2:
        return np.asfortranarray(x)
    return x


shapes = hnp.array_shapes(min_dims=1, max_dims=3, min_side=0, max_side=6)


def assert_bitwise(name, got, want):
    got, want = np.asarray(got), np.asarray(want)
    assert got.dtype == want.dtype, f"{name}: dtype {got.dtype} != {want.dtype}"
    assert got.shape == want.shape, f"{name}: shape {got.shape} != {want.shape}"
    assert np.ascontiguousarray(got).tobytes() == np.ascontiguousarray(want).tobytes(), \
        f"{name}: {got!r} != {want!r}"


def assert_equal_values(name, got, want):
    """Same dtype, shape and values, with -0.0 == +0.0 and NaN == NaN."""
    got, want = np.asarray(got), np.asarray(want)
    assert got.dtype == want.dtype, f"{name}: dtype {got.dtype} != {want.dtype}"
    assert got.shape == want.shape, f"{name}: shape {got.shape} != {want.shape}"
    assert np.array_equal(got, want, equal_nan=want.dtype.kind in "fc"), \
        f"{name}: {got!r} != {want!r}"


def check_sort(x, axis, descending):
    for stable in (True, False):
        got = NATIVE["sort"](x, axis, descending, stable)
        if stable:
            assert_bitwise("sort", got, NUMPY["sort"](x, axis, descending, True))
        else:
            # NumPy's unstable sort may order -0.0/+0.0 and NaN payloads either way;
            # the native sort is always stable
            assert_equal_values("sort", got, NUMPY["sort"](x, axis, descending, False))
            assert_bitwise("sort", got, NUMPY["sort"](x, axis, descending, True))


def check_argsort(x, axis, descending):
    want = NUMPY["argsort"](x, axis, descending, True)
    for stable in (True, False):
        # stable=False: any order of equal elements is allowed; the native one is stable
        assert_bitwise("argsort", NATIVE["argsort"](x, axis, descending, stable), want)


def check_unique(x):
    want_all = NUMPY["unique_all"](x)
    got_all = NATIVE["unique_all"](x)
    assert type(got_all) is tuple and len(got_all) == 4
    for got, want in zip(got_all, want_all):  # mergesort order: one answer
        assert_bitwise("unique_all", got, want)
    values, first, inverse, counts = got_all
    got = NATIVE["unique_values"](x)
    assert_equal_values("unique_values", got, NUMPY["unique_values"](x))
    assert_bitwise("unique_values", got, values)
    got = NATIVE["unique_counts"](x)
    want = NUMPY["unique_counts"](x)
    assert type(got) is tuple and len(got) == 2
    assert_equal_values("unique_counts", got[0], want[0])
    assert_bitwise("unique_counts", got[1], want[1])
    assert_bitwise("unique_counts", got[0], values)
    got = NATIVE["unique_inverse"](x)
    want = NUMPY["unique_inverse"](x)
    assert type(got) is tuple and len(got) == 2
    assert_equal_values("unique_inverse", got[0], want[0])
    assert_bitwise("unique_inverse", got[0], values)
    # NumPy's quicksort may hand NaNs their positions in any order; the native
    # inverse is unique_all's (NaN k of the input is NaN k of the values)
    assert_bitwise("unique_inverse", got[1], inverse)
    if x.dtype.kind not in "fc" or not np.isnan(x).any():
        assert_bitwise("unique_inverse", got[1], want[1])


# ------------------------------------------------------------------ coverage


def test_sorting_and_set_ops_are_native():
    fallbacks = set(load_backend("native").fallbacks)
    for name in ("sort", "argsort") + UNIQUE:
        assert name not in fallbacks
        assert NATIVE[name] is not NUMPY[name]


# ------------------------------------------------------------------ sort, argsort


@given(data=st.data())
def test_sort_and_argsort_match_numpy(data):
    dtype = data.draw(st.sampled_from(ALL), label="dtype")
    shape = data.draw(shapes, label="shape")
    x = data.draw(arrays(dtype, shape), label="x")
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1), label="axis")
    descending = data.draw(st.booleans(), label="descending")
    check_sort(x, axis, descending)
    check_argsort(x, axis, descending)


@pytest.mark.parametrize("dtype", ALL, ids=str)
@pytest.mark.parametrize("n", [1, 2, 17, 255, 256, 1000, 70_000])
def test_long_rows_match_numpy(dtype, n):
    """Rows on both sides of the merge-sort/radix threshold and of the threaded radix."""
    rng = np.random.default_rng(n)
    if dtype.kind == "b":
        x = rng.integers(0, 2, n).astype(dtype)
    elif dtype.kind in "iu":
        info = np.iinfo(dtype)
        x = rng.integers(int(info.min), int(info.max), n, dtype=dtype, endpoint=True)
        x[::3] = rng.integers(0, 5, x[::3].size)  # ties
    else:
        parts = rng.choice(np.array(FLOAT_POOL), (2, n))
        parts[:, ::2] = rng.standard_normal((2, (n + 1) // 2))
        x = np.empty(n, dtype)
        if dtype.kind == "f":
            x[:] = parts[0]
        else:
            x.real, x.imag = parts
        if dtype.kind == "c":
            x.real[::5] = -0.0  # split the parts: -0.0 + NaN j, NaN - 0.0 j, ...
            x.imag[1::7] = np.nan
    for descending in (False, True):
        check_sort(x, 0, descending)
        check_argsort(x, 0, descending)
    check_sort(x[::-3], 0, False)
    check_argsort(x[::-3], -1, True)


@pytest.mark.parametrize("dtype", ["float64", "int32", "complex128", "bool"])
@pytest.mark.parametrize("shape", [(3000, 7), (7, 3000), (40, 50, 30)])
def test_many_rows_along_every_axis(dtype, shape):
    rng = np.random.default_rng(0)
    x = rng.integers(-4, 4, shape).astype(dtype)
    if x.dtype.kind in "fc":
        x[rng.random(shape) < 0.1] = np.nan
        x[rng.random(shape) < 0.1] = -0.0
    for axis in range(-len(shape), len(shape)):
        for descending in (False, True):
            check_sort(x, axis, descending)
            check_argsort(x, axis, descending)
    view = np.swapaxes(x, 0, -1)[::-1]
    check_sort(view, 0, True)
    check_argsort(view, -1, False)


def test_descending_orders_ties_as_the_numpy_kernels_define():
    """sort: the ascending stable sort reversed; argsort: equal elements in their
    original order, NaNs first."""
    nan_a, nan_b = _nan_with_payload(0x7FF8000000000001), _nan_with_payload(0xFFF8000000000002)
    x = np.array([0.0, nan_a, -0.0, 1.0, nan_b, 0.0, -1.0])
    got = NATIVE["sort"](x, 0, True, True)
    bits = got.view(np.uint64)
    assert bits[0] == np.float64(nan_b).view(np.uint64)
    assert bits[1] == np.float64(nan_a).view(np.uint64)
    assert list(np.signbit(got[2:6])) == [False, False, True, False]  # 1, 0.0, -0.0, 0.0
    assert list(NATIVE["argsort"](x, 0, True, True)) == [1, 4, 3, 0, 2, 5, 6]
    assert list(NATIVE["argsort"](x, 0, False, True)) == [6, 0, 2, 5, 3, 1, 4]
    check_sort(x, 0, True)
    check_argsort(x, 0, True)


def test_complex_order_is_numpys():
    """Lexicographic, then imaginary-NaN by real part, real-NaN by imaginary part,
    both NaN last."""
    nan = np.nan
    x = np.array([complex(nan, 1), complex(2, nan), complex(1, 5), complex(nan, nan),
                  complex(nan, -1), complex(-0.0, 3), complex(0.0, -0.0), complex(1, nan),
                  complex(0.0, 3), complex(-np.inf, np.inf)])
    for dtype in COMPLEX:
        xd = x.astype(dtype)
        for descending in (False, True):
            check_sort(xd, 0, descending)
            check_argsort(xd, 0, descending)
    assert list(NATIVE["argsort"](x, 0, False, True)) == [9, 6, 5, 8, 2, 7, 1, 4, 0, 3]


@pytest.mark.parametrize("name", ["sort", "argsort"])
def test_sort_bitwise_identical_for_any_thread_count(name):
    rng = np.random.default_rng(7)
    cases = [rng.integers(-1000, 1000, 300_000).astype(np.float64),
             rng.integers(0, 50, (20_000, 12)).astype(np.int16)]
    cases[0][::11] = np.nan
    cases[0][::13] = -0.0
    before = get_num_threads()
    try:
        results = []
        for threads in (1, 2, 3):
            set_num_threads(threads)
            results.append([NATIVE[name](x, -1, d, True) for x in cases for d in (False, True)])
    finally:
        set_num_threads(before)
    for other in results[1:]:
        for a, b in zip(results[0], other):
            assert_bitwise(name, a, b)
    for x, d, got in zip([c for c in cases for _ in (0, 1)], (False, True) * 2, results[0]):
        assert_bitwise(name, got, NUMPY[name](x, -1, d, True))


def test_declined_inputs_fall_back_to_numpy():
    raw = np.zeros(8 * 300 + 1, dtype=np.uint8)
    unaligned = raw[1:].view(np.float64)
    unaligned[:] = np.random.default_rng(0).standard_normal(300)
    swapped = np.arange(300, 0, -1).astype(">i4")
    half = np.arange(5, 0, -1).astype(np.float16)  # not one of the standard's dtypes
    for x in (unaligned, swapped, half):
        check_sort(x, 0, False)
        check_argsort(x, 0, True)
        check_unique(x)


def outcome(kernel, *args):
    """("ok", result) or ("raised", exception type)"""
    try:
        return "ok", kernel(*args)
    except Exception as exc:  # noqa: BLE001 - the type is compared
        return "raised", type(exc)


def test_kernel_outcomes_on_odd_arguments_match_numpy():
    """The C entry point declines what it does not handle (a 0-d array, an axis out of
    range, a NumPy scalar), so results and errors are NumPy's, whatever they are."""
    cases = [(np.float64(1.0), 0), (np.array(1.0), 0), (np.array(1.0), -1),
             (np.arange(3.0), 1), (np.arange(3.0), -2), (np.arange(3.0), np.int64(0))]
    for name in ("sort", "argsort"):
        for x, axis in cases:
            got = outcome(NATIVE[name], x, axis, False, True)
            want = outcome(NUMPY[name], x, axis, False, True)
            assert got[0] == want[0], f"{name}({x!r}, {axis!r}): {got} vs {want}"
            if got[0] == "ok":
                assert_bitwise(name, got[1], want[1])
            else:
                assert got[1] is want[1]


# ------------------------------------------------------------------ unique_*


@given(data=st.data())
def test_unique_matches_numpy(data):
    dtype = data.draw(st.sampled_from(ALL), label="dtype")
    shape = data.draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=6),
                      label="shape")
    x = data.draw(arrays(dtype, shape) if shape else hnp.arrays(dtype, shape,
                                                                 elements=elements_for(dtype)),
                  label="x")
    check_unique(x)


@pytest.mark.parametrize("dtype", ALL, ids=str)
def test_unique_of_large_inputs(dtype):
    rng = np.random.default_rng(3)
    n = 120_000
    if dtype.kind in "fc":
        x = rng.integers(-500, 500, n).astype(dtype)
        x[::17] = np.nan
        x[1::19] = -0.0
        x[2::23] = _nan_with_payload(0xFFF8000000000777)
    else:
        x = rng.integers(0, 2 if dtype.kind == "b" else 100, n).astype(dtype)
    check_unique(x)
    check_unique(x.reshape(300, 400)[::-1, ::2])


def test_unique_keeps_first_occurrence_and_distinct_nans():
    x = np.array([[0.0, np.nan, -0.0], [np.nan, 2.0, -0.0]])
    values, first, inverse, counts = NATIVE["unique_all"](x)
    assert np.signbit(values[0]) == np.False_  # +0.0 came first
    assert list(first) == [0, 4, 1, 3]
    assert inverse.shape == (2, 3) and inverse.dtype == np.int64
    assert inverse.tolist() == [[0, 2, 0], [3, 1, 0]]
    assert list(counts) == [3, 1, 1, 1]
    y = np.array([-0.0, 1.0, 0.0])
    assert np.signbit(NATIVE["unique_values"](y)[0])
    assert np.signbit(NATIVE["unique_counts"](y)[0][0])


def test_unique_of_0d_and_empty_inputs():
    for x in (np.array(3.5), np.array(np.nan), np.zeros((0, 4), np.int16),
              np.zeros(0, np.complex64), np.array(True)):
        check_unique(x)


# ------------------------------------------------------------------ public API


@pytest.mark.parametrize("dtype", ["float32", "int64", "uint8", "int16"])
def test_public_api_agrees_across_backends(dtype):
    rng = np.random.default_rng(1)
    x = rng.integers(0, 3, (5, 600)).astype(dtype)
    results = {}
    for name in ("numpy", "native"):
        with bridge.use_backend(name):
            t = bridge.asarray(x)
            res = [bridge.sort(t, axis=0, descending=True), bridge.argsort(t),
                   bridge.argsort(t, axis=-1, descending=True), bridge.unique_values(t),
                   *bridge.unique_all(t), *bridge.unique_counts(t)]
            results[name] = [np.asarray(r) for r in res]
    for got, want in zip(results["native"], results["numpy"]):
        assert_bitwise("api", got, want)


@pytest.mark.parametrize("call", [
    lambda: bridge.sort(bridge.asarray(1.0)),
    lambda: bridge.argsort(bridge.asarray([1.0, 2.0]), axis=1),
    lambda: bridge.sort(bridge.asarray([1 + 2j]), kind="bogus"),
    lambda: bridge.argsort(bridge.asarray([1.0]), axis=0.5),
])
def test_bad_arguments_raise_the_same_errors(call):
    caught = {}
    for name in ("numpy", "native"):
        with bridge.use_backend(name):
            with pytest.raises((TypeError, ValueError, IndexError)) as info:
                call()
            caught[name] = (info.type, str(info.value))
    assert caught["native"] == caught["numpy"]
    assert caught["native"][1].startswith(("sort", "argsort"))


def test_large_scratch_reused_across_calls_and_threads():
    """Sorts and uniques of a few million elements share one kept scratch block
    (src/scratch.c); calls from several Python threads at once, of different sizes,
    each get memory of their own and the reference's results."""
    import threading

    rng = np.random.default_rng(21)
    inputs = [rng.standard_normal(n) for n in (300_000, 1_200_000, 2_000_000)]
    inputs += [rng.integers(0, 50_000, 1_500_000)]
    want = [(np.sort(a, kind="stable"), np.unique(a)) for a in inputs]
    errors = []

    def work(k):
        try:
            for _ in range(3):
                for a, (sorted_a, unique_a) in zip(inputs, want):
                    np.testing.assert_array_equal(NATIVE["sort"](a, -1, False, True), sorted_a)
                    np.testing.assert_array_equal(NATIVE["unique_values"](a), unique_a)
        except AssertionError as exc:  # reported in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[0]

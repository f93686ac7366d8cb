"""The native backend's roll, repeat and tile kernels, concat of mixed dtypes and
searchsorted with a sorter or complex values, against the numpy backend's kernels.

Each C entry point either computes the result or declines (returns None) so that the
numpy kernel runs; the tests check both that the C code served the case (no silent
fallback) and that values, dtypes, shapes, memory layout and errors are NumPy's.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import bridge
from bridge._threads import get_num_threads, set_num_threads
from bridge.backends.native._replicate import roll_offsets
from tests.test_native import (
    DTYPES,
    FALLBACKS,
    NATIVE,
    NUMPY,
    assert_same,
    elements_for,
    run_both,
    run_both_quiet,
)
from tests.test_native import arrays as any_arrays

from .conftest import to_numpy

# (tests.test_native skips this module too when the extension is not built)
_native = pytest.importorskip("bridge.backends.native._native")

dtypes = st.sampled_from(DTYPES)
shapes = hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=4)
INT_DTYPES = [d for d in DTYPES if d.kind in "iu"]


@st.composite
def arrays(draw, dtype, shape):
    """Contiguous, strided (negative steps, transposes) or broadcast (zero strides)
    arrays; a 0-d one as an array, as the kernels receive it."""
    return np.asarray(draw(any_arrays(dtype, shape)))


def assert_same_layout(got, want):
    """Same strides wherever they matter (a dimension of length 1 has no step)."""
    if want.size > 1:
        steps = [(g, w) for g, w, n in zip(got.strides, want.strides, want.shape) if n > 1]
        assert all(g == w for g, w in steps), f"strides {got.strides} != {want.strides}"


def test_replicate_ops_are_native():
    for name in ("roll", "repeat", "tile", "concat", "searchsorted"):
        assert name not in FALLBACKS


# ------------------------------------------------------------------ roll


@st.composite
def roll_arguments(draw, ndim):
    shift_values = st.one_of(st.integers(-7, 7), st.integers(-(10**20), 10**20))
    choice = draw(st.sampled_from(["none", "int", "tuple_int", "tuple"]))
    if choice == "none" or ndim == 0:
        return draw(shift_values), None
    axes = st.integers(-ndim, ndim - 1)
    if choice == "int":
        return draw(shift_values), draw(axes)
    axis = tuple(draw(st.lists(axes, min_size=0, max_size=4)))  # repeats allowed
    if choice == "tuple_int":
        return draw(shift_values), axis
    return tuple(draw(shift_values) for _ in axis), axis


@settings(max_examples=150)
@given(data=st.data())
def test_roll_matches_numpy(data):
    dtype = data.draw(dtypes)
    x = data.draw(arrays(dtype, data.draw(shapes)))
    shift, axis = data.draw(roll_arguments(x.ndim))
    assert _native.roll(x, roll_offsets(x.shape, shift, axis)) is not None
    kind, got, want = run_both("roll", x, shift, axis)
    assert kind == "ok"
    assert_same("roll", got, want)
    assert_same_layout(got, want)


def test_roll_offsets_follow_numpy_broadcasting_and_sums():
    assert roll_offsets((5,), 2**70, None) == 2**70 % 5
    assert roll_offsets((4, 6), 3, (0, 1, 1)) == (3, 0)
    assert roll_offsets((4, 6), (1, -2), (1, 1)) == (0, 5)
    assert roll_offsets((0, 3), 4, 0) == (0, 0)
    assert roll_offsets((4, 6), 1, ()) == (0, 0)
    # what NumPy would reject (or convert) is left to it
    assert roll_offsets((4, 6), (1, 2, 3), (0, 1)) is None
    assert roll_offsets((4, 6), 1, 2) is None
    assert roll_offsets((4, 6), 1.0, 0) is None


def test_roll_huge_shift_and_flattened_views():
    x = np.arange(24, dtype=np.int16).reshape(4, 6)[::-1, ::2]
    for shift in (2**70, -(2**65) - 1, 0, 11):
        assert_same("roll", NATIVE["roll"](x, shift, None), NUMPY["roll"](x, shift, None))
        assert_same("roll", NATIVE["roll"](x, shift, 1), NUMPY["roll"](x, shift, 1))


# ------------------------------------------------------------------ tile


@settings(max_examples=150)
@given(data=st.data())
def test_tile_matches_numpy(data):
    dtype = data.draw(dtypes)
    x = data.draw(arrays(dtype, data.draw(shapes)))
    reps = tuple(data.draw(st.lists(st.integers(0, 3), min_size=0, max_size=5)))
    if data.draw(st.booleans()):  # all ones: a copy laid out like x
        reps = (1,) * len(reps)
    assert _native.tile(x, reps) is not None
    kind, got, want = run_both("tile", x, reps)
    assert kind == "ok"
    assert_same("tile", got, want)
    assert_same_layout(got, want)
    assert not np.shares_memory(got, x)


def test_tile_long_and_short_periods():
    rng = np.random.default_rng(1)
    for shape, reps in [((3, 1), (2, 700)), ((2, 3), (1, 1000)), ((5,), (3, 2, 2)),
                        ((1000, 3), (2, 1)), ((7, 1, 5), (1, 9, 1))]:
        x = rng.standard_normal(shape)
        for view in (x, x[::-1], np.asfortranarray(x)):
            assert_same("tile", NATIVE["tile"](view, reps), NUMPY["tile"](view, reps))


def test_tile_declines_what_numpy_rejects():
    x = np.arange(6.0)
    assert _native.tile(x, (-1,)) is None
    assert _native.tile(x, (2**62, 2**62)) is None
    assert _native.tile(x, (2**70,)) is None
    kind, _, _ = run_both("tile", x, (-1,))
    assert kind == "raised"


# ------------------------------------------------------------------ repeat


@st.composite
def repeat_arguments(draw, x):
    axis = None if x.ndim == 0 or draw(st.booleans()) else draw(st.integers(-x.ndim, x.ndim - 1))
    n = x.size if axis is None else x.shape[axis]
    choice = draw(st.sampled_from(["int", "array", "one", "zero_d"]))
    if choice == "int":
        return (), draw(st.integers(0, 4)), axis
    dtype = draw(st.sampled_from(INT_DTYPES))
    counts = st.integers(0, 4)
    if choice == "array":
        reps = draw(hnp.arrays(dtype, (n,), elements=counts))
        if draw(st.booleans()) and n > 1:
            reps = np.ascontiguousarray(reps[::-1])[::-1]  # a strided view
    else:
        reps = draw(hnp.arrays(dtype, (1,) if choice == "one" else (), elements=counts))
    return (reps,), None, axis


@settings(max_examples=150)
@given(data=st.data())
def test_repeat_matches_numpy(data):
    dtype = data.draw(dtypes)
    x = data.draw(arrays(dtype, data.draw(shapes)))
    positional, repeats, axis = data.draw(repeat_arguments(x))
    assert _native.repeat(x, positional[0] if positional else repeats, axis) is not None
    kind, got, want = run_both("repeat", x, *positional, repeats=repeats, axis=axis)
    assert kind == "ok"
    assert_same("repeat", got, want)
    assert got.flags.c_contiguous


def test_repeat_counts_numpy_rejects_raise_numpys_errors():
    x = np.arange(6.0).reshape(2, 3)
    cases = [
        ((np.array([1, -1, 2]),), None, 1),          # negative count
        ((np.array([1, 2]),), None, 1),              # wrong length
        ((np.array([[1, 2, 3]]),), None, 1),         # 2-d counts
        ((np.array([2**63, 1, 1], np.uint64),), None, 1),  # wraps negative in int64
        ((), -2, None),
        ((), 2**62, None),                           # result too large
    ]
    for positional, repeats, axis in cases:
        assert _native.repeat(x, positional[0] if positional else repeats, axis) is None
        kind, native_exc, numpy_exc = run_both("repeat", x, *positional, repeats=repeats, axis=axis)
        assert kind == "raised" and native_exc is numpy_exc


def test_repeat_errors_through_the_api_match_numpy_backend():
    x = bridge.asarray(np.arange(6.0).reshape(2, 3))
    bad = [
        lambda: bridge.repeat(x, bridge.asarray(np.array([1, -1, 2])), axis=1),
        lambda: bridge.repeat(x, bridge.asarray(np.array([1, 2])), axis=1),
        lambda: bridge.repeat(x, bridge.asarray(np.array([1.0, 2.0, 3.0])), axis=1),
        lambda: bridge.repeat(x, -1),
        lambda: bridge.repeat(x, 2, axis=2),
        lambda: bridge.repeat(x, 2.5),
    ]
    for call in bad:
        outcomes = []
        for name in ("numpy", "native"):
            with bridge.use_backend(name):
                with pytest.raises(Exception) as info:  # noqa: PT011 - compared below
                    call()
                outcomes.append((type(info.value), str(info.value)))
        assert outcomes[0] == outcomes[1]
        assert "repeat" in outcomes[0][1]


def test_repeat_skewed_counts_and_blocks():
    rng = np.random.default_rng(2)
    x = rng.standard_normal((40, 3, 5))
    counts = np.zeros(40, np.int64)
    counts[3] = 5000
    counts[-1] = 7
    for view in (x, x[:, ::-1], x.transpose(0, 2, 1)):
        for axis in (0, None):
            reps = counts if axis == 0 else np.resize(counts, view.size)
            assert_same("repeat", NATIVE["repeat"](view, reps, axis=axis),
                        NUMPY["repeat"](view, reps, axis=axis))


# ------------------------------------------------------------------ the public API


def test_api_roll_repeat_tile_match_numpy(backend):
    base = np.arange(30, dtype=np.float32).reshape(5, 6)
    for raw in (base, base[::-1, ::2], base.T, np.array(7, np.int8), np.zeros((0, 4))):
        x = bridge.asarray(raw)
        cases = [
            (bridge.roll(x, 2), np.roll(raw, 2)),
            (bridge.tile(x, (2, 1, 3)), np.tile(raw, (2, 1, 3))),
            (bridge.repeat(x, 3), np.repeat(raw, 3)),
        ]
        if raw.ndim:
            cases += [
                (bridge.roll(x, (1, -3), axis=(0, -1)), np.roll(raw, (1, -3), axis=(0, -1))),
                (bridge.repeat(x, bridge.asarray(np.arange(raw.shape[0]) % 3), axis=0),
                 np.repeat(raw, np.arange(raw.shape[0]) % 3, axis=0)),
            ]
        for got, want in cases:
            assert_same("api", to_numpy(got), want)


# ------------------------------------------------------------------ threads


def test_large_replication_identical_for_any_thread_count():
    rng = np.random.default_rng(5)
    x = rng.standard_normal((600, 700))
    counts = rng.integers(0, 4, 600)
    flat_counts = rng.integers(0, 3, x.size)
    keys = rng.standard_normal(50_000)
    order = np.argsort(x[0])
    before = get_num_threads()
    try:
        for threads in (1, 2, 3):
            set_num_threads(threads)
            for view in (x, x[::-1, ::-1], x.T):
                assert_same("roll", NATIVE["roll"](view, 12345, None),
                            NUMPY["roll"](view, 12345, None))
                assert_same("roll", NATIVE["roll"](view, (7, -3), (0, 1)),
                            NUMPY["roll"](view, (7, -3), (0, 1)))
                assert_same("tile", NATIVE["tile"](view, (2, 3)), NUMPY["tile"](view, (2, 3)))
                assert_same("repeat", NATIVE["repeat"](view, repeats=3, axis=None),
                            NUMPY["repeat"](view, repeats=3, axis=None))
                assert_same("repeat", NATIVE["repeat"](view, flat_counts, axis=None),
                            NUMPY["repeat"](view, flat_counts, axis=None))
            assert_same("repeat", NATIVE["repeat"](x, counts, axis=0),
                        NUMPY["repeat"](x, counts, axis=0))
            assert_same("concat", NATIVE["concat"](x, x.astype(np.float32).T[:700, :600].T,
                                                   axis=0, dtype=np.dtype(np.float64)),
                        NUMPY["concat"](x, x.astype(np.float32).T[:700, :600].T,
                                        axis=0, dtype=np.dtype(np.float64)))
            assert_same("searchsorted", NATIVE["searchsorted"](x[0], keys, order, side="left"),
                        NUMPY["searchsorted"](x[0], keys, order, side="left"))
    finally:
        set_num_threads(before)


# ------------------------------------------------------------------ concat, mixed dtypes


@settings(max_examples=120)
@given(data=st.data())
def test_concat_of_mixed_dtypes_is_native_and_matches_numpy(data):
    flatten = data.draw(st.booleans())
    base = list(data.draw(hnp.array_shapes(min_dims=0 if flatten else 1, max_dims=3,
                                           min_side=0, max_side=4)))
    axis = None if flatten else data.draw(st.integers(-len(base), len(base) - 1))
    inputs = []
    for _ in range(data.draw(st.integers(1, 4))):
        shape = list(base)
        if flatten:
            shape = list(data.draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0,
                                                    max_side=4)))
        else:
            shape[axis] = data.draw(st.integers(0, 4))
        inputs.append(data.draw(arrays(data.draw(dtypes), tuple(shape))))
    result_dtype = np.result_type(*inputs)
    given_dtype = data.draw(st.sampled_from([result_dtype, None]))
    assert _native.concat(axis, given_dtype, *inputs) is not None
    kind, got, want = run_both_quiet("concat", *inputs, axis=axis, dtype=result_dtype)
    assert kind == "ok"
    assert_same("concat", got, want)


def test_concat_same_kind_casts_and_refusals():
    a = np.array([1.5, -2.5, 1e300])
    b = np.array([3, -4], np.int64)
    # narrowing within a kind is allowed by concatenate's same_kind casting
    for dtype in (np.float32, np.float64):
        kind, got, want = run_both_quiet("concat", a, b, axis=0, dtype=np.dtype(dtype))
        assert kind == "ok"
        assert_same("concat", got, want)
    kind, got, want = run_both("concat", b, b.astype(np.int16), axis=0, dtype=np.dtype(np.int8))
    assert_same("concat", got, want)
    # float into int is not same_kind: NumPy raises, the C code declines
    assert _native.concat(0, np.dtype(np.int32), a, b) is None
    kind, _, _ = run_both("concat", a, b, axis=0, dtype=np.dtype(np.int32))
    assert kind == "raised"


def test_concat_api_mixed_dtypes(backend):
    parts = [np.arange(4, dtype=np.int8), np.linspace(0, 1, 3, dtype=np.float32),
             np.array([True, False]), np.array([1 + 2j], np.complex64)]
    got = bridge.concat([bridge.asarray(p) for p in parts])
    assert_same("concat", to_numpy(got), np.concatenate(parts))


# ------------------------------------------------------------------ searchsorted


def _in_sort_order(x1, sorter=()):
    """Whether x1 (read through sorter) is in NumPy's sort order, NaNs last. Only then
    is searchsorted's result defined: for an unsorted x1 it depends on the steps of
    the binary search, which NumPy 2.5 changed (its results differ from 2.4's)."""
    seq = x1[sorter[0]] if sorter else x1
    want = np.sort(x1)
    if seq.dtype.kind == "c":
        return (np.array_equal(seq.real, want.real, equal_nan=True)
                and np.array_equal(seq.imag, want.imag, equal_nan=True))
    return np.array_equal(seq, want, equal_nan=seq.dtype.kind == "f")


def assert_searchsorted(got, want, x1, sorter=()):
    """Equal to NumPy's result where that is defined (a sorted x1), else an insertion
    point of the right dtype and shape."""
    if _in_sort_order(x1, sorter):
        assert_same("searchsorted", got, want)
        return
    got, want = np.asarray(got), np.asarray(want)
    assert got.dtype == want.dtype and got.shape == want.shape
    assert np.all((got >= 0) & (got <= x1.size))


@settings(max_examples=150)
@given(data=st.data())
def test_searchsorted_with_sorter_complex_and_mixed_dtypes(data):
    dtype = data.draw(dtypes)
    x1 = data.draw(arrays(dtype, (data.draw(st.integers(0, 8)),)))
    use_sorter = data.draw(st.booleans())
    sorter = ()
    if use_sorter:
        order = np.argsort(x1, kind="stable")
        if data.draw(st.booleans()):  # any permutation (an unsorted sequence)
            order = np.asarray(data.draw(st.permutations(range(x1.size))), dtype=np.intp)
        sorter = (order.astype(data.draw(st.sampled_from(
            [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32]))),)
    elif data.draw(st.booleans()) and dtype.kind != "c":
        x1 = np.sort(x1)
    key_dtype = data.draw(st.sampled_from([dtype] + DTYPES))
    values = elements_for(key_dtype)
    values = hnp.from_dtype(key_dtype) if values is None else values
    x2 = data.draw(hnp.arrays(key_dtype, data.draw(shapes), elements=values))
    if x1.size and data.draw(st.booleans()):  # keys equal to x1's values
        x2 = np.resize(x1, x2.shape).astype(key_dtype) if x2.size else x2
    side = data.draw(st.sampled_from(["left", "right"]))
    assert _native.searchsorted(x1, x2, side, *sorter) is not None
    kind, got, want = run_both_quiet("searchsorted", x1, x2, *sorter, side=side)
    assert kind == "ok"
    assert type(got) is type(want)
    assert_searchsorted(got, want, x1, sorter)


def test_searchsorted_complex_order_with_nans():
    nan = np.nan
    values = [complex(r, i) for r in (-1.0, 0.0, 2.0, nan) for i in (-1.0, 0.0, 3.0, nan)]
    x1 = np.sort(np.array(values, np.complex128))
    keys = np.array(values + [complex(0.0, 0.5), complex(nan, 1.0)], np.complex128)
    for dtype in (np.complex64, np.complex128):
        for side in ("left", "right"):
            got = NATIVE["searchsorted"](x1.astype(dtype), keys.astype(dtype), side=side)
            want = NUMPY["searchsorted"](x1.astype(dtype), keys.astype(dtype), side=side)
            assert_same("searchsorted", got, want)


def test_searchsorted_bad_sorters_raise_numpys_errors():
    x1 = np.array([3.0, 1.0, 2.0])
    keys = np.array([1.5, 5.0])
    bad = [np.array([1, 2, 5]), np.array([1, 2, -1]), np.array([1, 2, 0], np.uint64),
           np.array([True, False, True]), np.array([1, 2]), np.array([[1, 2, 0]])]
    for sorter in bad:
        assert _native.searchsorted(x1, keys, "left", sorter) is None
        kind, native_exc, numpy_exc = run_both("searchsorted", x1, keys, sorter, side="left")
        assert kind == "raised" and native_exc is numpy_exc
    # an out-of-range index the search never meets is not an error, as in NumPy
    got = NATIVE["searchsorted"](x1, np.array([0.0]), np.array([1, 2, 9]), side="left")
    want = NUMPY["searchsorted"](x1, np.array([0.0]), np.array([1, 2, 9]), side="left")
    assert_same("searchsorted", got, want)


def test_searchsorted_api_sorter(backend):
    raw = np.array([5.0, -1.0, 3.0, 3.0, np.nan, 0.0])
    x1 = bridge.asarray(raw)
    sorter = bridge.argsort(x1, stable=True)
    for side in ("left", "right"):
        got = bridge.searchsorted(x1, bridge.asarray(np.array([3.0, -5.0, np.nan, 9.0])),
                                  side=side, sorter=sorter)
        want = np.searchsorted(raw, [3.0, -5.0, np.nan, 9.0], side=side,
                               sorter=np.argsort(raw, kind="stable"))
        assert_same("searchsorted", to_numpy(got), want.astype(np.int64))


@pytest.mark.parametrize("dtype", ["int8", "uint64", "float32", "float64", "complex64", "bool"])
def test_large_searchsorted_split_between_threads_matches_numpy(dtype):
    # many keys in a sorted x1 (duplicates, NaNs last): the keys are split between
    # threads; an unsorted x1 is searched too (its result is not defined)
    rng = np.random.default_rng(11)
    raw = rng.integers(-40, 40, 3000).astype(dtype)
    if np.dtype(dtype).kind in "fc":
        raw[::97] = np.nan
    if np.dtype(dtype).kind == "c":
        raw = raw + 1j * rng.integers(-2, 2, raw.size)
    keys = np.concatenate([raw[:20000], rng.integers(-50, 50, 40000).astype(dtype)])
    order = np.argsort(raw, kind="stable").astype(np.int32)
    before = get_num_threads()
    try:
        for threads in (1, 2, 3):
            set_num_threads(threads)
            for side in ("left", "right"):
                for x1, sorter in ((np.sort(raw), ()), (raw, (order,)), (raw, ()),
                                   (np.sort(raw)[::-1][::-1], ())):
                    assert_searchsorted(NATIVE["searchsorted"](x1, keys, *sorter, side=side),
                                        NUMPY["searchsorted"](x1, keys, *sorter, side=side),
                                        x1, sorter)
    finally:
        set_num_threads(before)

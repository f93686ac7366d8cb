"""The native backend's getitem/setitem kernels against the numpy backend's.

Every case runs both kernels on identical inputs (same values, same strides) and
compares results bitwise, shapes, dtypes, strides of the result (NumPy's layout for an
advanced index), sharing of memory for basic keys, and for bad keys the exception type
and message. Some tests call the C entry point directly to check that it served the
case instead of declining to NumPy.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bridge
from bridge.backends import load_backend

from .conftest import to_numpy

pytest.importorskip("bridge.backends.native._native")

from bridge.backends.native import _extension  # noqa: E402

NATIVE = load_backend("native").kernels
NUMPY = load_backend("numpy").kernels
C = _extension()

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]
INDEX_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]


def values(rng, shape, dtype):
    """Random values of dtype (NaN and signed zeros among the floats)."""
    return np.asarray(_values(rng, shape, dtype))  # 0-d arrays, never NumPy scalars


def _values(rng, shape, dtype):
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.random(shape) < 0.5
    if dt.kind in "iu":
        info = np.iinfo(dt)
        return rng.integers(info.min, info.max, size=shape, dtype=dt, endpoint=True)
    real = rng.standard_normal(shape)
    if real.size:
        real.flat[0] = np.nan
        real.flat[-1] = -0.0
    if dt.kind == "c":
        return (real + 1j * rng.standard_normal(shape)).astype(dt)
    return real.astype(dt)


def same_bytes(a, b):
    a, b = np.ascontiguousarray(a), np.ascontiguousarray(b)
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


def strided_pair(rng, dtype, shape, layout):
    """Two arrays of identical values and strides (layout: contiguous, reversed,
    stepped or transposed), each over a buffer of its own."""
    nd = len(shape)
    if layout == "stepped":
        big = tuple(2 * s + 1 for s in shape)
        sl = tuple(slice(1, None, 2) for _ in shape)
    else:
        big, sl = shape, tuple(slice(None) for _ in shape)
    base = values(rng, big, dtype)
    out = []
    for _ in range(2):
        b = base.copy()
        v = b[sl]
        if layout == "reversed":
            v = v[tuple(slice(None, None, -1) for _ in shape)]
        elif layout == "transposed" and nd > 1:
            v = np.ascontiguousarray(v.transpose()).transpose()
        out.append((b, v))
    return out


def check_getitem(x, key):
    try:
        want = NUMPY["getitem"](x, key)
    except Exception as exc:  # noqa: BLE001 - compared below
        with pytest.raises(type(exc)) as info:
            NATIVE["getitem"](x, key)
        assert str(info.value) == str(exc)
        return None
    got = NATIVE["getitem"](x, key)
    assert type(got) is type(want)
    assert same_bytes(got, want), (key, got, want)
    if isinstance(want, np.ndarray):
        # NumPy's layout (length-1 dims excepted: their stride means nothing)
        for g, w, n in zip(got.strides, want.strides, want.shape):
            assert n <= 1 or g == w, (key, got.strides, want.strides)
        assert np.shares_memory(got, x) == np.shares_memory(want, x)
    return got


def check_setitem(pair, value, key):
    (buf_n, x_n), (buf_c, x_c) = pair
    try:
        NUMPY["setitem"](x_n, value, key)
    except Exception as exc:  # noqa: BLE001 - compared below
        with pytest.raises(type(exc)) as info:
            NATIVE["setitem"](x_c, value, key)
        assert str(info.value) == str(exc)
    else:
        NATIVE["setitem"](x_c, value, key)
    assert same_bytes(buf_c, buf_n), (key, buf_c, buf_n)


# ------------------------------------------------------------------ the C paths run


@pytest.mark.parametrize("dtype", DTYPES)
def test_c_path_gathers_every_dtype(dtype):
    rng = np.random.default_rng(1)
    x = values(rng, (5, 6), dtype)
    mask = rng.random((5, 6)) < 0.5
    for key in [(mask,), (mask[:, 0],), (mask[:, 0], Ellipsis), (np.array([4, -1, 0, 0]),),
                (slice(None), np.array([[1], [-2]])), (np.array([0, 4]), np.array([5, 0])),
                (slice(None, None, -2), mask[0]), (None, np.array([1]), 2)]:
        got = C.getitem(x, key)
        assert got is not None, key
        assert same_bytes(got, x[key])


@pytest.mark.parametrize("dtype", DTYPES)
def test_c_path_scatters_every_dtype(dtype):
    rng = np.random.default_rng(2)
    x = values(rng, (5, 6), dtype)
    mask = rng.random((5, 6)) < 0.5
    for key in [(mask,), (mask[:, 0],), (np.array([4, -1, 0]),), (slice(1, None, 2), 0),
                (slice(None), np.array([[1], [-2]])), (Ellipsis,)]:
        want = x.copy()
        shape = want[key].shape
        value = values(rng, shape, dtype)
        want[key] = value
        got = x.copy()
        assert C.setitem(got, value, key) is True, key
        assert same_bytes(got, want)
        # a 0-d value broadcast to every selected element
        scalar = values(rng, (), dtype)
        want[key] = scalar
        assert C.setitem(got, scalar, key) is True, key
        assert same_bytes(got, want)


@pytest.mark.parametrize("dtype", INDEX_DTYPES)
def test_every_index_dtype(dtype):
    x = np.arange(40.0).reshape(8, 5)
    idx = np.array([7, 0, 3, 3], dtype=dtype)
    got = C.getitem(x, (idx,))
    assert got is not None and same_bytes(got, x[idx])
    if np.dtype(dtype).kind == "i":
        neg = np.array([-1, -8, 2], dtype=dtype)
        assert same_bytes(C.getitem(x, (slice(None), neg[:2] % 5)), x[:, neg[:2] % 5])
        assert same_bytes(C.getitem(x, (neg,)), x[neg])


def test_basic_getitem_is_numpy_view():
    x = np.arange(24.0).reshape(2, 3, 4)
    for key in [(slice(1, None),), (0, Ellipsis), (None, 1, slice(None, None, -1)), (Ellipsis,),
                (1, 2, 3, Ellipsis)]:
        direct = C.getitem(x, key)  # NumPy's view, asked for from C
        assert direct.base is x or direct.base is x.base
        assert direct.strides == x[key].strides and direct.shape == x[key].shape
        got = NATIVE["getitem"](x, key)
        assert np.shares_memory(got, x)
        got[...] = -1.0
        assert (x[key] == -1.0).all()


def test_basic_getitem_errors_are_numpys():
    x = np.arange(6.0).reshape(2, 3)
    for key in [(5,), (0, 0, 0), (Ellipsis, Ellipsis)]:
        with pytest.raises(IndexError) as info:
            x[key]
        with pytest.raises(IndexError) as got:
            NATIVE["getitem"](x, key)
        assert str(got.value) == str(info.value)


def test_gather_is_a_copy_with_numpy_strides():
    x = np.arange(60.0).reshape(3, 4, 5)
    for key in [(slice(None), np.array([0, 1])), (Ellipsis, np.array([1, 2])),
                (0, slice(None), np.array([1, 2])), (np.array([0, 1]), slice(None), True)]:
        got = check_getitem(x, key)
        assert not np.shares_memory(got, x)


# ------------------------------------------------------------------ special keys


@pytest.mark.parametrize("dtype", ["bool", "int16", "float64", "complex128"])
def test_zero_d(dtype):
    rng = np.random.default_rng(3)
    x = values(rng, (), dtype)
    for key in [(True,), (False,), (np.array(True),), (np.array(False),), (None, True),
                (True, None), (Ellipsis, False)]:
        check_getitem(x, key)
        check_setitem(strided_pair(rng, dtype, (), "contiguous"), values(rng, (), dtype), key)


def test_bool_scalars_next_to_arrays():
    x = np.arange(60).reshape(3, 4, 5)
    for key in [(True, np.array([0, 1])), (slice(None), True, np.array([0, 1])),
                (np.array([0, 1]), True), (np.array([0, 1]), slice(None), False),
                (None, np.array([0, 1]), 0), (slice(None), np.array([0, 1]), None, 0),
                (np.array([0]), None, np.array([1])), (np.array([0]), Ellipsis, np.array([1])),
                (slice(None), np.array([0]), Ellipsis, np.array([1])), (np.array(1),),
                (np.array(1), np.array(2), np.array(3))]:
        check_getitem(x, key)


def test_size_zero():
    rng = np.random.default_rng(4)
    x = values(rng, (0, 3), "float32")
    empty = np.array([], dtype=np.intp)
    for key in [(empty,), (np.zeros((0, 3), bool),), (np.zeros(0, bool),),
                (slice(None), np.array([2, 0])), (empty, np.array([], dtype=np.int8))]:
        check_getitem(x, key)
        check_setitem(strided_pair(rng, "float32", (0, 3), "contiguous"),
                      np.array(1.0, np.float32), key)
    y = values(rng, (4, 3), "int32")
    check_getitem(y, (empty,))
    check_getitem(y, (np.zeros(4, bool),))
    check_getitem(y, (slice(2, 2), np.array([1, 2])))
    check_getitem(y, (slice(2, 2), np.array([1, 7])))  # out of range, empty result


def test_zero_strides_and_read_only():
    x = np.broadcast_to(np.arange(5.0), (4, 5))
    check_getitem(x, (np.array([0, 3]),))
    check_getitem(x, (x > 2,))
    for key in [(np.array([0]),), (x > 2,), (slice(None),)]:
        with pytest.raises(ValueError) as want:
            NUMPY["setitem"](x, np.array(1.0), key)
        with pytest.raises(ValueError) as got:
            NATIVE["setitem"](x, np.array(1.0), key)
        assert str(got.value) == str(want.value)


def test_out_of_range_and_bad_keys_raise_numpys_errors():
    x = np.arange(20.0).reshape(4, 5)
    for key in [(np.array([4]),), (np.array([-5]),), (slice(None), np.array([0, 5])),
                (np.array([1, 9]), 0), (0, np.array([7])), (np.array([0, 1]), np.array([0, 1, 2])),
                (np.ones(3, bool),), (np.ones((4, 4), bool),), (np.array([0]), 1, 2),
                (np.array([2**63 + 5], dtype=np.uint64),), (9, np.array([0]))]:
        check_getitem(x, key)
        pair = strided_pair(np.random.default_rng(5), "float64", (4, 5), "contiguous")
        check_setitem(pair, np.array(1.0), key)


def test_bridge_errors_identical_on_both_backends():
    x = bridge.asarray(np.arange(6.0), device="cpu")  # the two CPU backends share it
    messages = []
    for name in ("numpy", "native"):
        with bridge.use_backend(name):
            got = []
            for key in [bridge.asarray(np.array([9])), (bridge.asarray(np.array([0, -7])),),
                        bridge.asarray(np.ones(4, dtype=bool))]:
                with pytest.raises(IndexError) as info:
                    x[key]
                got.append(str(info.value))
                with pytest.raises(IndexError) as info:
                    x[key] = 1.0
                got.append(str(info.value))
            with pytest.raises(ValueError) as info:
                x[bridge.asarray(np.array([0, 1]))] = bridge.asarray(np.ones(3))
            got.append(str(info.value))
            messages.append(got)
    assert messages[0] == messages[1]
    assert all(m.startswith(("__getitem__", "__setitem__")) for m in messages[1])


def test_bridge_indexing_on_every_backend(backend):
    a = np.arange(24.0).reshape(4, 6)
    x = bridge.asarray(a.copy())
    mask = a % 3 == 0
    assert np.array_equal(to_numpy(x[bridge.asarray(mask)]), a[mask])
    idx = np.array([3, 0, -1])
    assert np.array_equal(to_numpy(x[bridge.asarray(idx), 1:5]), a[idx, 1:5])
    assert np.array_equal(to_numpy(x[:, bridge.asarray(mask[0])]), a[:, mask[0]])
    x[bridge.asarray(mask)] = 0.0
    x[bridge.asarray(idx)] = bridge.asarray(np.arange(6.0))
    x[1:3, ::2] = -1.0
    want = a.copy()
    want[mask] = 0.0
    want[idx] = np.arange(6.0)
    want[1:3, ::2] = -1.0
    assert np.array_equal(to_numpy(x), want)


# ------------------------------------------------------------------ setitem semantics


def test_repeated_indices_last_write_wins():
    x = np.zeros(6)
    idx = np.array([1, 4, 1, 1, 4, -5])
    value = np.arange(1.0, 7.0)
    assert C.setitem(x, value, (idx,)) is True
    want = np.zeros(6)
    want[idx] = value
    assert same_bytes(x, want)
    assert x[1] == 6.0 and x[4] == 5.0
    m = np.zeros((5, 3))
    rows = np.array([[0, 2], [0, 2]])
    v = np.arange(12.0).reshape(2, 2, 3)
    assert C.setitem(m, v, (rows,)) is True
    want = np.zeros((5, 3))
    want[rows] = v
    assert same_bytes(m, want)


def test_value_overlapping_x():
    # basic keys read the value as if copied first (C path); for advanced keys NumPy
    # reads some elements after writing them (a boolean assignment), so the C code
    # leaves those to NumPy: the results match either way
    for key, src, served in [((slice(1, None),), lambda b: b[:-1], True),
                             ((slice(None, None, -1),), lambda b: b, True),
                             ((np.array([1, 2, 3]),), lambda b: b[::-1][:3], False),
                             ((np.arange(10) % 2 == 0,), lambda b: b[::2][::-1], False)]:
        want = np.arange(10.0)
        got, via_kernel = want.copy(), want.copy()
        NUMPY["setitem"](want, src(want), key)
        assert (C.setitem(got, src(got), key) is True) is served
        NATIVE["setitem"](via_kernel, src(via_kernel), key)
        assert same_bytes(via_kernel, want), key


def test_value_casting_like_numpy():
    rng = np.random.default_rng(6)
    for x_dtype, v_dtype in [("float64", "int8"), ("float64", "float32"), ("int32", "bool"),
                             ("complex64", "float32"), ("int64", "uint32"), ("float32", "int64")]:
        for key in [(slice(None, None, 2),), (np.array([0, 3]),), (np.arange(6) > 2,)]:
            x = values(rng, (6,), x_dtype)
            if x.dtype.kind == "f":
                x[np.isnan(x)] = 1.0
            pair = [(b, b) for b in (x.copy(), x.copy())]
            v = values(rng, np.empty(6)[key].shape, v_dtype)
            check_setitem(pair, v, key)
    # an unsafe cast (float into int) is NumPy's: the C code declines
    x = np.zeros(4, np.int16)
    assert C.setitem(x, np.array([1.7, -2.5]), (np.array([0, 1]),)) is None


def test_broadcast_values():
    rng = np.random.default_rng(7)
    for key, shape in [((np.array([0, 2]),), (5,)), ((np.array([0, 2]),), (1, 1, 5)),
                       ((slice(None), np.array([1, 3])), (2,)), ((np.ones(4, bool),), (4, 1)),
                       ((np.ones(4, bool),), (1, 5)), ((np.ones(4, bool),), (3, 5)),
                       ((slice(None, None, 2), 1), (2,)), ((Ellipsis, np.array([0])), (4, 1)),
                       ((np.array([[0], [1]]), np.array([1, 2, 4])), (3,))]:
        pair = strided_pair(rng, "int64", (4, 5), "reversed")
        check_setitem(pair, values(rng, shape, "int64"), key)


@pytest.mark.parametrize("threads", [1, 2])
def test_large_results_do_not_depend_on_threads(threads):
    rng = np.random.default_rng(8)
    n = 300_000
    x = rng.standard_normal(n)
    m2 = rng.standard_normal((n // 100, 100))
    mask = rng.random(n) < 0.5
    idx = rng.integers(-n, n, 200_000)
    old = bridge.get_num_threads()
    bridge.set_num_threads(threads)
    try:
        assert same_bytes(NATIVE["getitem"](x, (mask,)), x[mask])
        assert same_bytes(NATIVE["getitem"](x, (idx,)), x[idx])
        assert same_bytes(NATIVE["getitem"](m2, (mask[: n // 100],)), m2[mask[: n // 100]])
        assert same_bytes(NATIVE["getitem"](m2, (slice(None), np.array([5, 1]))), m2[:, [5, 1]])
        for key, value in [((mask,), np.array(0.5)), ((mask,), rng.standard_normal(mask.sum())),
                           ((idx,), rng.standard_normal(idx.size)),
                           ((slice(2, -2, 3),), rng.standard_normal(len(range(2, n - 2, 3))))]:
            want, got = x.copy(), x.copy()
            want[key] = value
            NATIVE["setitem"](got, value, key)
            assert same_bytes(got, want)
    finally:
        bridge.set_num_threads(old)


# ------------------------------------------------------------------ random keys


@st.composite
def index_cases(draw):
    """(dtype, shape, layout, key): keys mixing ints, slices, None, ..., bools, index
    arrays and masks, mostly valid, sometimes out of range or misshapen."""
    dtype = draw(st.sampled_from(DTYPES))
    nd = draw(st.integers(0, 4))
    shape = tuple(draw(st.lists(st.integers(0, 4), min_size=nd, max_size=nd)))
    layout = draw(st.sampled_from(["contiguous", "reversed", "stepped", "transposed"]))
    key = []
    ax = 0
    used_ellipsis = False
    while ax < nd or draw(st.booleans()):
        kind = draw(st.sampled_from(["int", "slice", "iarr", "iarr", "mask", "none", "ellipsis",
                                     "bool", "stop"]))
        if kind == "stop":
            break
        n = shape[ax] if ax < nd else 0
        if kind == "none":
            key.append(None)
        elif kind == "bool":
            key.append(draw(st.sampled_from([True, False, np.array(True), np.array(False)])))
        elif kind == "ellipsis":
            if used_ellipsis:
                continue
            used_ellipsis = True
            key.append(Ellipsis)
            ax = nd  # the rest of the dims
        elif ax >= nd:
            break
        elif kind == "int":
            key.append(draw(st.integers(-n - 1, n)))
            ax += 1
        elif kind == "slice":
            bound = st.none() | st.integers(-n - 2, n + 2)
            step = draw(st.none() | st.sampled_from([1, 2, 3, -1, -2]))
            key.append(slice(draw(bound), draw(bound), step))
            ax += 1
        elif kind == "iarr":
            ishape = draw(st.sampled_from([(), (0,), (1,), (3,), (2, 1), (1, 3), (2, 3)]))
            idt = draw(st.sampled_from(INDEX_DTYPES))
            lo = -n if np.dtype(idt).kind == "i" else 0
            hi = n + (1 if draw(st.integers(0, 9)) == 0 else 0)  # sometimes out of range
            size = int(np.prod(ishape))
            vals = draw(st.lists(st.integers(lo, hi - 1) if hi > lo else st.just(0),
                                 min_size=size, max_size=size))
            key.append(np.array(vals, dtype=np.int64).astype(idt).reshape(ishape))
            ax += 1
        else:  # mask over 1 or 2 dims
            k = min(draw(st.integers(1, 2)), nd - ax)
            mshape = shape[ax:ax + k]
            if draw(st.integers(0, 9)) == 0:
                mshape = (mshape[0] + 1,) + mshape[1:]  # misshapen
            size = int(np.prod(mshape))
            bits = draw(st.lists(st.booleans(), min_size=size, max_size=size))
            key.append(np.array(bits, dtype=bool).reshape(mshape))
            ax += k
    return dtype, shape, layout, tuple(key)


@settings(max_examples=150)
@given(case=index_cases(), seed=st.integers(0, 2**16))
def test_random_getitem_matches_numpy(case, seed):
    dtype, shape, layout, key = case
    rng = np.random.default_rng(seed)
    (_, x), _ = strided_pair(rng, dtype, shape, layout)
    check_getitem(x, key)


@settings(max_examples=150)
@given(case=index_cases(), seed=st.integers(0, 2**16), value_kind=st.sampled_from(
    ["scalar", "full", "trailing", "other_dtype"]))
def test_random_setitem_matches_numpy(case, seed, value_kind):
    dtype, shape, layout, key = case
    rng = np.random.default_rng(seed)
    pair = strided_pair(rng, dtype, shape, layout)
    try:
        target = pair[0][1][key]
        tshape = np.shape(target)
    except (IndexError, ValueError):
        tshape = ()
    if value_kind == "scalar":
        value = values(rng, (), dtype)
    elif value_kind == "full":
        value = values(rng, tshape, dtype)
    elif value_kind == "trailing":
        value = values(rng, tshape[-1:], dtype)
    else:
        value = values(rng, tshape, "int8" if np.dtype(dtype).kind in "fc" else "bool")
    check_setitem(pair, value, key)


@pytest.mark.parametrize("layout", ["contiguous", "reversed", "stepped", "transposed"])
@pytest.mark.parametrize("dtype", DTYPES)
def test_copyto_matches_numpy(dtype, layout):
    """copyto (the store of the in-place operators) in C: every dtype and layout, a
    broadcast value, a value of another dtype (safe casts in C, the rest NumPy's), and
    a value overlapping the target."""
    rng = np.random.default_rng(11)
    for v_shape, v_dtype in [((4, 5), dtype), ((5,), dtype), ((1, 1), dtype),
                             ((4, 5), "bool"), ((5,), "int8"), ((4, 1), "float64")]:
        (buf_n, x_n), (buf_c, x_c) = strided_pair(rng, dtype, (4, 5), layout)
        v = values(rng, v_shape, v_dtype)
        if np.dtype(v_dtype).kind == "f" and np.dtype(dtype).kind in "biu":
            v = np.nan_to_num(v)  # float -> int of NaN is undefined in NumPy itself
        with np.errstate(all="ignore"):
            NUMPY["copyto"](x_n, v)
            NATIVE["copyto"](x_c, v)
        assert same_bytes(buf_c, buf_n), (v_shape, v_dtype)
    # an overlapping value reads as if copied first, as NumPy's assignment does
    want = np.arange(10.0)
    got = want.copy()
    NUMPY["copyto"](want[1:], want[:-1])
    NATIVE["copyto"](got[1:], got[:-1])
    assert same_bytes(got, want)
    # the C path served the plain case
    assert C.copyto(np.zeros((4, 5)), np.ones(5)) is True
    assert C.copyto(np.zeros(4, np.int16), np.ones(4)) is None  # unsafe cast: NumPy's

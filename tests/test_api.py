"""Creation, manipulation, searching, sets, sorting, statistics, utility, indexing and
data-type functions against NumPy and the standard's rules, on every backend."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra.array_api import make_strategies_namespace

import bridge as xp

from .conftest import to_numpy

xps = make_strategies_namespace(xp)
shapes = xps.array_shapes(min_dims=1, max_dims=3, max_side=4)


def same(got, expected):
    got = to_numpy(got)
    expected = np.asarray(expected)
    assert got.dtype == expected.dtype, (got.dtype, expected.dtype)
    assert got.shape == expected.shape, (got.shape, expected.shape)
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-12, equal_nan=True)


# ------------------------------------------------------------------ creation


def test_creation_defaults(device):
    assert xp.zeros(3).dtype == xp.float64
    assert xp.ones((2, 3)).shape == (2, 3)
    assert xp.full(2, 7).dtype == xp.int64
    assert xp.full(2, True).dtype == xp.bool
    assert xp.full(2, 1j).dtype == xp.complex128
    assert xp.arange(5).dtype == xp.int64
    assert xp.arange(0.0, 1.0, 0.25).shape == (4,)
    assert xp.linspace(0, 1, 5).dtype == xp.float64
    assert xp.linspace(0, 1j, 3).dtype == xp.complex128
    assert xp.eye(3, 4, k=1).shape == (3, 4)
    assert xp.asarray([1, 2]).dtype == xp.int64
    assert xp.asarray([1.0, 2]).dtype == xp.float64
    assert xp.asarray([True]).dtype == xp.bool
    assert xp.asarray(1 + 2j).dtype == xp.complex128
    assert xp.zeros(2).device == device


@given(start=st.integers(-20, 20), stop=st.integers(-20, 20), step=st.integers(-5, 5))
def test_arange_length(backend, start, stop, step):
    assume(step != 0)
    x = xp.arange(start, stop, step)
    assert x.shape == (max(0, math.ceil((stop - start) / step)),)
    same(x, np.arange(start, stop, step))


def test_asarray_shares_memory_with_numpy():
    n = np.arange(4.0)
    t = xp.asarray(n, device="cpu")  # CPU memory, whatever the default device
    assert np.shares_memory(np.asarray(t), n)
    t[0] = 10.0
    assert n[0] == 10.0
    assert not np.shares_memory(np.asarray(xp.asarray(n, copy=True, device="cpu")), n)
    with pytest.raises(ValueError, match="copy=False"):
        xp.asarray(n, dtype=xp.float32, copy=False)
    with pytest.raises(ValueError, match="copy=False"):
        xp.asarray([1, 2], copy=False)


def test_asarray_refuses_unsupported_dtypes():
    with pytest.raises(TypeError, match="asarray"):
        xp.asarray(np.array(["a"]))


def test_like_functions(backend):
    x = xp.asarray([[1, 2], [3, 4]], dtype=xp.int16)
    for f in (xp.zeros_like, xp.ones_like, xp.empty_like):
        y = f(x)
        assert y.dtype == xp.int16 and y.shape == (2, 2) and y.device == x.device
    assert to_numpy(xp.full_like(x, 9)).tolist() == [[9, 9], [9, 9]]
    assert xp.zeros_like(x, dtype=xp.float32).dtype == xp.float32


def test_meshgrid_and_triangles(backend):
    a, b = xp.asarray([1, 2, 3]), xp.asarray([4, 5])
    out = xp.meshgrid(a, b)
    assert isinstance(out, tuple) and out[0].shape == (2, 3)
    out = xp.meshgrid(a, b, indexing="ij")
    assert out[0].shape == (3, 2)
    m = xp.ones((3, 3))
    same(xp.tril(m, k=-1), np.tril(np.ones((3, 3)), -1))
    same(xp.triu(m), np.triu(np.ones((3, 3))))


def test_bad_creation_arguments():
    with pytest.raises(ValueError, match="zeros"):
        xp.zeros(-1)
    with pytest.raises(TypeError, match="zeros"):
        xp.zeros(2.5)
    with pytest.raises(TypeError, match="dtype"):
        xp.zeros(2, dtype="float16")
    with pytest.raises(ValueError, match="device"):
        xp.zeros(2, device="tpu")
    with pytest.raises(ValueError, match="arange"):
        xp.arange(0, 5, 0)
    # more than the 128 TiB any x86-64 process can address: the error names the function
    for make in (xp.zeros, xp.ones, xp.empty):
        with pytest.raises(MemoryError, match=make.__name__):
            make((10**7, 10**7), device="cpu")


# ------------------------------------------------------------------ data types


def test_finfo_iinfo_types():
    for dtype in (xp.float32, xp.float64, xp.complex64, xp.complex128):
        info = xp.finfo(dtype)
        for attr in ("eps", "max", "min", "smallest_normal"):
            assert type(getattr(info, attr)) is float
        assert type(info.bits) is int
    assert xp.finfo(xp.complex64).dtype == xp.float32
    info = xp.iinfo(xp.uint8)
    assert (info.min, info.max, info.bits, info.dtype) == (0, 255, 8, xp.uint8)
    with pytest.raises(TypeError):
        xp.finfo(xp.int8)


def test_promotion_table():
    assert xp.result_type(xp.int8, xp.int16) == xp.int16
    assert xp.result_type(xp.uint8, xp.int8) == xp.int16
    assert xp.result_type(xp.float32, xp.complex64) == xp.complex64
    assert xp.result_type(xp.float32, xp.complex128) == xp.complex128
    assert xp.result_type(xp.float32, 1.0) == xp.float32
    assert xp.result_type(xp.int8, 1) == xp.int8
    assert xp.result_type(xp.float32, 1j) == xp.complex64
    assert xp.can_cast(xp.int8, xp.int16) and not xp.can_cast(xp.int16, xp.int8)
    assert xp.isdtype(xp.float32, "real floating")
    assert xp.isdtype(xp.int8, ("integral", "bool"))
    assert not xp.isdtype(xp.float32, xp.float64)


def test_astype(backend):
    x = xp.asarray([1.5, -2.5])
    y = xp.astype(x, xp.int32)
    assert y.dtype == xp.int32 and to_numpy(y).tolist() == [1, -2]
    assert xp.astype(x, xp.float64, copy=False) is x
    assert xp.astype(x, xp.float64) is not x


# ------------------------------------------------------------------ manipulation


@given(x=xps.arrays(dtype=xps.scalar_dtypes(), shape=shapes), data=st.data())
def test_manipulation_matches_numpy(backend, x, data):
    n = to_numpy(x)
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1), label="axis")
    same(xp.flip(x, axis=axis), np.flip(n, axis))
    same(xp.roll(x, 2, axis=axis), np.roll(n, 2, axis))
    same(xp.roll(x, -1), np.roll(n, -1))
    same(xp.expand_dims(x, axis=0), np.expand_dims(n, 0))
    perm = data.draw(st.permutations(range(x.ndim)), label="perm")
    same(xp.permute_dims(x, tuple(perm)), np.transpose(n, perm))
    same(xp.reshape(x, (-1,)), n.reshape(-1))
    same(xp.concat([x, x], axis=axis), np.concatenate([n, n], axis))
    same(xp.concat([x, x], axis=None), np.concatenate([n.ravel(), n.ravel()]))
    same(xp.stack([x, x], axis=0), np.stack([n, n]))
    same(xp.tile(x, (2,)), np.tile(n, 2))
    same(xp.repeat(x, 2, axis=axis), np.repeat(n, 2, axis))
    same(xp.moveaxis(x, 0, -1), np.moveaxis(n, 0, -1))
    parts = xp.unstack(x, axis=axis)
    assert isinstance(parts, tuple) and len(parts) == x.shape[axis]


def test_broadcasting(backend):
    assert xp.broadcast_shapes((2, 1), (1, 3)) == (2, 3)
    assert xp.broadcast_shapes() == ()
    with pytest.raises(ValueError, match="broadcast_shapes"):
        xp.broadcast_shapes((2,), (3,))
    a, b = xp.broadcast_arrays(xp.ones((2, 1)), xp.ones(3))
    assert a.shape == b.shape == (2, 3)
    assert xp.broadcast_to(xp.ones(3), (2, 3)).shape == (2, 3)
    with pytest.raises(ValueError, match="broadcast_to"):
        xp.broadcast_to(xp.ones(3), (4,))


def test_manipulation_errors():
    with pytest.raises(ValueError, match="reshape: cannot reshape a tensor of size 6 into shape"):
        xp.reshape(xp.ones(6), (4,))
    with pytest.raises(ValueError, match="squeeze"):
        xp.squeeze(xp.ones((2, 1)), axis=0)
    with pytest.raises(ValueError, match="concat"):
        xp.concat([xp.ones((2, 2)), xp.ones((3, 3))], axis=0)
    with pytest.raises(ValueError, match="copy=False"):
        xp.reshape(xp.ones((2, 3)).mT, (6,), copy=False)
    with pytest.raises(ValueError, match="permute_dims"):
        xp.permute_dims(xp.ones((2, 3)), (0, 0))


# ------------------------------------------------------------------ searching, sets, sorting


@given(x=xps.arrays(dtype=xps.real_dtypes(), shape=shapes, elements={"allow_nan": False}),
       data=st.data())
def test_searching_matches_numpy(backend, x, data):
    n = to_numpy(x)
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1), label="axis")
    if x.size:
        same(xp.argmax(x), np.asarray(np.argmax(n), dtype=np.int64))
        same(xp.argmin(x, axis=axis), np.argmin(n, axis=axis).astype(np.int64))
        same(xp.argmax(x, axis=axis, keepdims=True),
             np.argmax(n, axis=axis, keepdims=True).astype(np.int64))
    for got, expected in zip(xp.nonzero(x), np.nonzero(n), strict=True):
        same(got, expected.astype(np.int64))
    same(xp.count_nonzero(x, axis=axis), np.asarray(np.count_nonzero(n, axis=axis), np.int64))
    same(xp.where(x > 0, x, xp.zeros_like(x)), np.where(n > 0, n, np.zeros_like(n)))


def test_where_with_scalars(backend):
    x = xp.asarray([1, 2, 3], dtype=xp.int8)
    out = xp.where(x > 1, x, 0)
    assert out.dtype == xp.int8 and to_numpy(out).tolist() == [0, 2, 3]
    f = xp.where(x > 1, 1.5, xp.asarray([0.0, 0.0, 0.0], dtype=xp.float32))
    assert f.dtype == xp.float32


def test_searchsorted(backend):
    x1 = xp.asarray([1.0, 2.0, 2.0, 3.0])
    same(xp.searchsorted(x1, xp.asarray([2.0, 5.0])), np.asarray([1, 4], dtype=np.int64))
    same(xp.searchsorted(x1, xp.asarray([2.0]), side="right"), np.asarray([3], dtype=np.int64))


def test_unique_nan_are_distinct(backend):
    x = xp.asarray([1.0, xp.nan, 1.0, xp.nan, 2.0])
    values = xp.unique_values(x)
    assert to_numpy(values).shape == (4,)
    res = xp.unique_all(x)
    assert res.values.shape == res.indices.shape == res.counts.shape == (4,)
    assert res.inverse_indices.shape == x.shape
    assert res.indices.dtype == xp.int64
    counts = xp.unique_counts(xp.asarray([3, 1, 3]))
    assert to_numpy(counts.values).tolist() == [1, 3]
    assert to_numpy(counts.counts).tolist() == [1, 2]
    inv = xp.unique_inverse(xp.asarray([[3, 1], [3, 2]]))
    assert inv.inverse_indices.shape == (2, 2)


def test_isin(backend):
    x = xp.asarray([1, 2, 3, 4])
    assert to_numpy(xp.isin(x, xp.asarray([2, 4]))).tolist() == [False, True, False, True]
    assert to_numpy(xp.isin(x, xp.asarray([2, 4]), invert=True)).tolist() == [
        True, False, True, False]


@given(x=xps.arrays(dtype=xps.real_dtypes(), shape=shapes), data=st.data())
def test_sort_matches_numpy(backend, x, data):
    n = to_numpy(x)
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1), label="axis")
    same(xp.sort(x, axis=axis), np.sort(n, axis=axis, kind="stable"))
    same(xp.argsort(x, axis=axis), np.argsort(n, axis=axis, kind="stable").astype(np.int64))
    desc = to_numpy(xp.sort(x, axis=axis, descending=True))
    same(desc, np.flip(np.sort(n, axis=axis), axis=axis))


def test_argsort_descending_is_stable(backend):
    x = xp.asarray([1, 3, 1, 3, 2])
    assert to_numpy(xp.argsort(x, descending=True)).tolist() == [1, 3, 4, 0, 2]
    assert to_numpy(xp.argsort(x)).tolist() == [0, 2, 4, 1, 3]


# ------------------------------------------------------------------ statistics, utility


@given(x=xps.arrays(dtype=st.sampled_from([xp.float32, xp.float64]), shape=shapes,
                    elements={"min_value": -100, "max_value": 100}), data=st.data())
def test_statistics_match_numpy(backend, x, data):
    n = to_numpy(x)
    axis = data.draw(st.one_of(st.none(), st.integers(-x.ndim, x.ndim - 1)), label="axis")
    keepdims = data.draw(st.booleans(), label="keepdims")
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        kw = dict(axis=axis, keepdims=keepdims)
        same(xp.sum(x, **kw), np.asarray(np.sum(n, **kw)))
        same(xp.prod(x, **kw), np.asarray(np.prod(n, **kw)))
        same(xp.mean(x, **kw), np.asarray(np.mean(n, **kw)))
        same(xp.var(x, correction=1, **kw), np.asarray(np.var(n, ddof=1, **kw)))
        same(xp.std(x, **kw), np.asarray(np.std(n, **kw)))
        if x.size and (axis is None or x.shape[axis]):
            same(xp.max(x, **kw), np.asarray(np.max(n, **kw)))
            same(xp.min(x, **kw), np.asarray(np.min(n, **kw)))
        same(xp.all(x, **kw), np.asarray(np.all(n, **kw)))
        same(xp.any(x, **kw), np.asarray(np.any(n, **kw)))


def test_reduction_dtypes(backend):
    assert xp.sum(xp.ones(3, dtype=xp.int8)).dtype == xp.int64
    assert xp.sum(xp.ones(3, dtype=xp.uint8)).dtype == xp.uint64
    assert xp.sum(xp.ones(3, dtype=xp.float32)).dtype == xp.float32
    assert xp.prod(xp.ones(3, dtype=xp.int16)).dtype == xp.int64
    assert xp.sum(xp.ones(3, dtype=xp.int8), dtype=xp.int8).dtype == xp.int8
    s = xp.sum(xp.ones((2, 3)), axis=(0, 1))
    assert isinstance(s, xp.Tensor) and s.shape == ()


def test_empty_extrema_raise():
    with pytest.raises(ValueError, match="max"):
        xp.max(xp.ones((0,)))
    with pytest.raises(ValueError, match="argmin"):
        xp.argmin(xp.ones((0,)))


def test_cumulative(backend):
    x = xp.asarray([[1, 2], [3, 4]])
    same(xp.cumulative_sum(x, axis=1), np.cumsum(np.asarray([[1, 2], [3, 4]]), axis=1))
    same(xp.cumulative_sum(xp.asarray([1, 2, 3]), include_initial=True),
         np.asarray([0, 1, 3, 6]))
    same(xp.cumulative_prod(xp.asarray([1.0, 2.0, 3.0]), include_initial=True),
         np.asarray([1.0, 1.0, 2.0, 6.0]))
    with pytest.raises(ValueError, match="cumulative_sum"):
        xp.cumulative_sum(x)


def test_diff(backend):
    x = xp.asarray([1, 4, 9, 16])
    same(xp.diff(x), np.asarray([3, 5, 7]))
    same(xp.diff(x, n=2), np.asarray([2, 2]))
    same(xp.diff(x, prepend=xp.asarray([0])), np.asarray([1, 3, 5, 7]))
    same(xp.diff(x, append=xp.asarray([25])), np.asarray([3, 5, 7, 9]))


# ------------------------------------------------------------------ indexing


def test_basic_indexing_views(backend):
    x = xp.reshape(xp.arange(12), (3, 4))
    same(x[1], np.arange(4, 8))
    same(x[1, 2], np.asarray(6))
    same(x[..., 1], np.asarray([1, 5, 9]))
    same(x[None, :, 1:3].shape and x[None, :, 1:3], np.arange(12).reshape(3, 4)[None, :, 1:3])
    same(x[::-1, ::2], np.arange(12).reshape(3, 4)[::-1, ::2])
    v = x[0]
    v[0] = 100
    assert int(x[0, 0]) == 100
    # one element (every dimension an int) is read as a copy, as NumPy's scalar is (the
    # swap a[0], a[1] = a[1], a[0] needs it); with ``...`` it is NumPy's 0-d view
    z = x[1, 1]
    z[...] = -1
    assert int(x[1, 1]) == 5
    z = x[1, 1, ...]
    z[...] = -1
    assert int(x[1, 1]) == -1
    with pytest.raises(IndexError):
        x[3]
    with pytest.raises(IndexError):
        x[0, 0, 0]


def test_c_getitem_agrees_with_the_python_getitem(backend):
    # Tensor.__getitem__ is C (bridge._fastpath) for slices and ints, the Python
    # getitem for the rest: the two give the same views and the same errors
    from bridge._ops.indexing import getitem

    n = np.arange(24.0).reshape(4, 6)
    x = xp.asarray(n)

    def outcome(func, key):
        try:
            return func(key)
        except Exception as exc:  # CuPy raises OverflowError for a step of 2**70
            return type(exc), str(exc)

    keys = [slice(1, 3), slice(None, None, -1), slice(5, 1, -2), slice(-100, 100), slice(2, 2),
            0, 3, -1, -4, slice(None, None, 2**70), slice(True, None), 4, -5, 2**70,
            None, Ellipsis, (), (1, 2), (slice(1, 3), None), (None, 0), (Ellipsis, 1), (0, ...),
            (slice(None, None, 0), 1), (True, 1), (1, 2**70), (1, 2, 3), (-1, -6), (None, None),
            (slice(0.5, None), 1), (Ellipsis, Ellipsis)]
    for key in keys:
        got, want = outcome(x.__getitem__, key), outcome(lambda k: getitem(x, k), key)
        if isinstance(want, tuple):
            assert got == want, key
            if want[0] is IndexError:
                assert want[1].startswith("__getitem__: ")
            continue
        assert type(got) is xp.Tensor and got.shape == want.shape and got.device == x.device
        same(got, n[key])
        if key != (True, 1):  # a bool key gives a copy
            got[...] = got  # a view of x's memory: writes are x's
    with pytest.raises(IndexError, match="^__getitem__: "):
        x[4]
    with pytest.raises(ValueError, match="step"):
        x[::0]
    with pytest.raises(IndexError, match="^__getitem__: "):
        xp.asarray(1.0)[0:1]
    s = xp.asarray(n, requires_grad=True)[1:3]  # autograd: the Python path records it
    assert s.grad_fn is not None
    assert x[1:3][0].shape == (6,)  # views of views


def test_mask_and_integer_array_indexing(backend):
    n = np.arange(12.0).reshape(3, 4)
    x = xp.asarray(n)
    same(x[x > 5], n[n > 5])
    idx = xp.asarray([2, 0])
    same(x[idx], n[[2, 0]])
    same(x[idx, xp.asarray([1, 3])], n[[2, 0], [1, 3]])
    x[x > 9] = 0.0
    n[n > 9] = 0.0
    same(x, n)
    x[:, 0] = xp.asarray([7.0, 8.0, 9.0])
    n[:, 0] = [7.0, 8.0, 9.0]
    same(x, n)


def test_take(backend):
    x = xp.reshape(xp.arange(6), (2, 3))
    same(xp.take(x, xp.asarray([2, 0]), axis=1), np.take(np.arange(6).reshape(2, 3), [2, 0], 1))
    same(xp.take(xp.arange(5), xp.asarray([4, 0])), np.asarray([4, 0]))
    with pytest.raises(IndexError, match="take"):
        xp.take(xp.arange(5), xp.asarray([5]))
    same(xp.take_along_axis(x, xp.asarray([[2], [0]]), axis=1), np.asarray([[2], [3]]))


# ------------------------------------------------------------------ the array object


def test_tensor_attributes(backend):
    x = xp.ones((2, 3), dtype=xp.float32)
    assert x.shape == (2, 3) and isinstance(x.shape, tuple)
    assert x.ndim == 2 and x.size == 6 and len(x) == 2
    assert x.T.shape == (3, 2) and x.mT.shape == (3, 2)
    assert [r.shape for r in x] == [(3,), (3,)]
    assert "Tensor(" in repr(x) and "float32" in repr(x)


def test_scalar_conversions():
    assert bool(xp.asarray(True)) is True
    assert int(xp.asarray(3)) == 3
    assert float(xp.asarray(2.5)) == 2.5
    assert complex(xp.asarray(1 + 2j)) == 1 + 2j
    assert [10, 20, 30][xp.asarray(1)] == 20
    with pytest.raises(TypeError):
        [1][xp.asarray(0.0)]
    with pytest.raises(OverflowError):
        int(xp.asarray(xp.inf))
    with pytest.raises(ValueError):
        int(xp.asarray(xp.nan))
    with pytest.raises(ValueError, match="ambiguous"):
        bool(xp.ones(3))


def test_iteration_and_iter_of_zero_d(backend):
    assert [float(v) for v in xp.asarray([1.0, 2.0])] == [1.0, 2.0]
    # iter() itself raises for a 0-d tensor, as for a 0-d NumPy array (numpy.iterable)
    with pytest.raises(TypeError, match="0-d"):
        iter(xp.asarray(3.0))
    assert not np.iterable(xp.asarray(3.0)) and np.iterable(xp.ones(2))


def test_pickle_round_trip(backend):
    import copy
    import pickle

    x = xp.reshape(xp.arange(6.0), (2, 3))[:, ::-1]
    for dtype in (xp.bool, xp.int8, xp.uint64, xp.float32, xp.complex128):
        y = pickle.loads(pickle.dumps(xp.astype(x, dtype)))
        assert isinstance(y, xp.Tensor) and y.dtype == dtype and y.device == x.device
        assert np.array_equal(to_numpy(y), to_numpy(xp.astype(x, dtype)))
    g = pickle.loads(pickle.dumps(xp.ones(2, requires_grad=True)))
    assert g.requires_grad
    c = copy.deepcopy(x)
    c[0, 0] = -1.0
    assert float(x[0, 0]) == 2.0


def test_bool_operands_in_arithmetic(backend):
    """NumPy's and PyTorch's rules where the standard leaves bool arithmetic open."""
    b = xp.asarray([True, False])
    x = xp.asarray([1.5, -2.0])
    assert (x * (x > 0)).tolist() == [1.5, -0.0] and (x * (x > 0)).dtype == xp.float64
    assert (b + xp.asarray([1, 2], dtype=xp.int8)).dtype == xp.int8
    assert (b + 1).dtype == xp.int64 and (b * 2.5).dtype == xp.float64
    assert (b + b).tolist() == [True, False] and (b + b).dtype == xp.bool  # logical or
    assert (b * xp.asarray([True, True])).tolist() == [True, False]  # logical and
    assert xp.maximum(b, xp.asarray([False, True])).tolist() == [True, True]
    with pytest.raises(TypeError, match="subtract"):
        b - b
    y = xp.asarray([1.5, -2.0], requires_grad=True)
    xp.sum(y * (y > 0)).backward()
    assert y.grad.tolist() == [1.0, 0.0]


def test_linspace_takes_zero_d_tensors(backend):
    got = xp.linspace(xp.asarray(0.0), xp.asarray(1.0), 3)
    assert got.tolist() == [0.0, 0.5, 1.0]
    # NumPy's array-valued bounds: one column of samples per element
    assert xp.linspace(xp.asarray([0.0]), 1.0, 3).tolist() == np.linspace([0.0], 1.0, 3).tolist()
    # NumPy's scalars and 0-d tensors keep their precision, as NumPy's result_type says
    assert xp.linspace(np.float32(0), 1, 3).dtype == xp.float32
    assert xp.linspace(xp.asarray(0.0, dtype=xp.float32), 1, 3).dtype == xp.float32
    assert xp.linspace(0, 1, 3).dtype == xp.float64


def test_arg_reductions_over_a_non_empty_axis_of_an_empty_tensor(backend):
    x = xp.ones((0, 4))
    assert xp.argmax(x, axis=1).shape == (0,)
    assert xp.argmin(x, axis=1, keepdims=True).shape == (0, 1)
    with pytest.raises(ValueError, match="argmax"):
        xp.argmax(x, axis=0)
    with pytest.raises(ValueError, match="argmin"):
        xp.argmin(x)


def test_moveaxis_takes_lists_and_result_type_of_scalars_alone(backend):
    assert xp.moveaxis(xp.ones((2, 3, 4)), [0, 1], [-2, -1]).shape == (4, 2, 3)
    # the standard needs an array or dtype; NumPy's answer for Python scalars alone
    assert xp.result_type(1.0, 2) == np.result_type(1.0, 2)
    assert xp.result_type(1.0, xp.float32) == xp.float32


def test_array_protocol():
    x = xp.asarray([1.0, 2.0], device="cpu")  # NumPy reads CPU tensors only
    a = np.asarray(x)
    assert np.shares_memory(a, np.asarray(x))
    assert np.asarray(x, dtype=np.float32).dtype == np.float32
    with pytest.raises(ValueError):
        x.__array__(dtype=np.float32, copy=False)
    assert x.__array__(copy=True) is not a


def test_matmul_family(backend):
    a = np.arange(6.0).reshape(2, 3)
    b = np.arange(12.0).reshape(3, 4)
    same(xp.asarray(a) @ xp.asarray(b), a @ b)
    same(xp.matmul(xp.asarray(a[0]), xp.asarray(b)), a[0] @ b)
    same(xp.tensordot(xp.asarray(a), xp.asarray(b), axes=1), np.tensordot(a, b, 1))
    same(xp.tensordot(xp.asarray(a), xp.asarray(a), axes=([1], [1])),
         np.tensordot(a, a, ([1], [1])))
    c = np.asarray([1 + 1j, 2 - 1j])
    same(xp.vecdot(xp.asarray(c), xp.asarray(c)), np.vdot(c, c))
    with pytest.raises(ValueError, match="matmul"):
        xp.asarray(a) @ xp.asarray(a)
    with pytest.raises(ValueError, match="matmul"):
        xp.matmul(xp.asarray(1.0), xp.asarray(a))


def test_kernel_errors_name_the_function():
    """Errors raised inside a kernel keep their type and gain the function's name
    (CPU tensors: the messages are NumPy's; CuPy wraps out-of-range scalars instead)."""
    cpu = "cpu"
    with pytest.raises(ValueError, match=r"^add: operands could not be broadcast"):
        xp.ones(3, device=cpu) + xp.ones(4, device=cpu)
    with pytest.raises(ValueError, match=r"^multiply: "):
        xp.multiply(xp.ones((2, 3), device=cpu), xp.ones((3, 2), device=cpu))
    with pytest.raises(OverflowError, match=r"^add: "):
        xp.add(xp.ones(2, dtype=xp.uint8, device=cpu), -1)
    with pytest.raises((ValueError, MemoryError), match=r"^zeros: "):
        xp.zeros((2**62, 2**62), device=cpu)

"""NumPy compatibility: the NumPy names of ``bridge`` against NumPy itself, the NumPy
protocols (``numpy.mean(tensor)``), the NumPy-style Tensor methods and
``bridge.random``. NumPy is the oracle; every test runs on every backend."""

from __future__ import annotations

import inspect
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import bridge
from bridge._registry import REGISTRY
from bridge._spec import NUMPY_POSITIONAL

from .conftest import to_numpy

ROOT = Path(__file__).resolve().parent.parent

RNG = np.random.default_rng(1234)
A23 = RNG.normal(size=(2, 3))
A34 = RNG.normal(size=(3, 4))
A345 = RNG.normal(size=(3, 4, 5))
V5 = RNG.normal(size=5)
V3 = RNG.normal(size=3)
SQ = RNG.normal(size=(4, 4)) + 4 * np.eye(4)
NANS = np.array([[1.0, np.nan, 3.0], [np.nan, np.nan, np.nan], [4.0, 5.0, 0.5]])
INTS = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
TALL = RNG.normal(size=(8, 3))
RHS = RNG.normal(size=(8, 2))


def _same(got, expected, rtol=1e-12, atol=1e-12):
    if isinstance(expected, (tuple, list)):
        assert isinstance(got, (tuple, list)), f"expected a sequence, got {type(got)}"
        assert len(got) == len(expected)
        for g, e in zip(got, expected):
            _same(g, e, rtol, atol)
        return
    if isinstance(expected, (bool, np.bool_)) or expected is None:
        assert got == expected
        return
    if isinstance(expected, (int, float, complex)) and not isinstance(got, bridge.Tensor):
        assert got == pytest.approx(expected, rel=rtol, abs=atol)
        return
    assert isinstance(got, bridge.Tensor), f"expected a Tensor, got {type(got).__name__}"
    e = np.asarray(expected)
    g = to_numpy(got)
    assert g.shape == e.shape, (g.shape, e.shape)
    assert g.dtype == e.dtype, (g.dtype, e.dtype)
    np.testing.assert_allclose(g, e, rtol=rtol, atol=atol, equal_nan=True)


def _args(values, device):
    def convert(v):
        if isinstance(v, np.ndarray):
            return bridge.asarray(v, device=device)
        if isinstance(v, list) and v and all(isinstance(i, np.ndarray) for i in v):
            return [bridge.asarray(i, device=device) for i in v]
        return v

    return [convert(v) for v in values]


# name, positional arguments, keyword arguments (the same call for bridge and NumPy)
CASES = [
    ("dot", (A23, A34), {}), ("dot", (V3, V3), {}), ("dot", (A345, V5), {}),
    ("dot", (A23, RNG.normal(size=(2, 3, 4))), {}), ("dot", (2.0, V3), {}),
    ("vdot", (A23, A23), {}), ("inner", (A23, A23), {}), ("outer", (V3, V5), {}),
    ("kron", (A23, SQ[:2, :2]), {}), ("cross", (A23, A23[::-1]), {}),
    ("cross", (RNG.normal(size=(4, 3)), V3), {}),
    ("transpose", (A345,), {}), ("transpose", (A345, (1, 0, 2)), {}),
    ("swapaxes", (A345, 0, 2), {}), ("rollaxis", (A345, 2), {}),
    ("concatenate", ([A23, A23],), {}), ("concatenate", ([A23, A23], 1), {}),
    ("concatenate", ([A23, A34.T],), {"axis": None}),
    ("hstack", ([V3, V5],), {}), ("hstack", ([A23, A23],), {}),
    ("vstack", ([V3, V3],), {}), ("vstack", ([A23, V3],), {}),
    ("dstack", ([A23, A23],), {}), ("column_stack", ([V3, V3, A34[:, :2]],), {}),
    ("atleast_1d", (np.array(2.0),), {}), ("atleast_2d", (V3,), {}),
    ("atleast_3d", (A23,), {}), ("atleast_3d", (V3,), {}),
    ("split", (A345, 2, 1), {}), ("split", (V5, [1, 3]), {}),
    ("array_split", (V5, 3), {}), ("array_split", (A345, [1, 7], 2), {}),
    ("hsplit", (A34, 2), {}), ("vsplit", (A34, [1]), {}),
    ("ravel", (A23,), {}), ("ravel", (A23,), {"order": "F"}),
    ("append", (A23, A23), {}), ("append", (A23, A23, 0), {}),
    ("delete", (V5, [0, 3]), {}), ("delete", (A34, 1, 1), {}),
    ("fliplr", (A23,), {}), ("flipud", (A23,), {}), ("rot90", (A23,), {}),
    ("rot90", (A345, 3, (2, 0)), {}),
    ("pad", (A23, 2), {}), ("pad", (A23, ((1, 0), (2, 3))), {"constant_values": 7.5}),
    ("pad", (V5, (3, 2)), {"mode": "edge"}), ("pad", (V5, (7, 6)), {"mode": "wrap"}),
    ("pad", (A23, 1), {"mode": "reflect"}), ("pad", (V5, (3, 4)), {"mode": "symmetric"}),
    ("trace", (SQ,), {}), ("trace", (A345, 1, 1, 2), {}), ("diag", (V3,), {}),
    ("diag", (V3, 2), {}), ("diag", (V3, -1), {}), ("diag", (A34,), {}),
    ("diag", (A34, -1), {}), ("diagonal", (A345, 1, 2, 0), {}), ("diagflat", (A23,), {}),
    ("cumsum", (A23,), {}), ("cumsum", (A23, 1), {}), ("cumprod", (A23, 0), {}),
    ("cumsum", (INTS,), {}), ("cumsum", (A23 > 0,), {}), ("amax", (A23 > 0, 0), {}),
    ("amax", (A345, 1), {}), ("amin", (A345, (0, 2)), {}),
    ("amax", (A23,), {"keepdims": True}), ("ptp", (A345, 2), {}),
    ("nansum", (NANS,), {}), ("nansum", (NANS, 1), {}), ("nanprod", (NANS, 0), {}),
    ("nanmean", (NANS[[0, 2]], 1), {}), ("nanmax", (NANS[[0, 2]],), {}),
    ("nanmin", (NANS[[0, 2]], 0), {}), ("nanvar", (NANS[[0, 2]], 1), {"ddof": 1}),
    ("nanstd", (NANS[[0, 2]],), {}), ("nancumsum", (NANS, 1), {}),
    ("nanargmax", (NANS[[0, 2]], 1), {}), ("nanargmin", (NANS[[0, 2]],), {}),
    ("median", (A345,), {}), ("median", (A345, 1), {}), ("median", (A23, 1), {}),
    ("median", (A345, (0, 2)), {"keepdims": True}), ("median", (INTS,), {}),
    ("median", (NANS, 1), {}), ("nanmedian", (NANS, 1), {}),
    ("percentile", (A345, 30), {}), ("percentile", (A345, [10, 50, 90], 1), {}),
    ("quantile", (V5, 0.3), {}), ("quantile", (A345, [0.25, 0.75], 2), {"keepdims": True}),
    ("quantile", (A34, 0.4, 1), {"method": "lower"}),
    ("quantile", (A34, 0.4, 1), {"method": "higher"}),
    ("quantile", (A34, [0.5, 0.3], 0), {"method": "nearest"}),
    ("quantile", (A34, 0.4, 1), {"method": "midpoint"}),
    ("nanquantile", (NANS, 0.3, 1), {}), ("nanpercentile", (NANS, [20, 80]), {}),
    ("average", (A345,), {}), ("average", (A345, 1), {}),
    ("average", (A34, 1, V5[:4]), {}), ("average", (A34, None, np.abs(A34)), {}),
    ("average", (A34, 0, V3, True), {}),
    ("cov", (A34,), {}), ("cov", (A34,), {"rowvar": False}), ("cov", (V5, V5 ** 2), {}),
    ("cov", (A34,), {"bias": True}), ("corrcoef", (A34,), {}), ("corrcoef", (V5, V5 ** 3), {}),
    ("allclose", (A23, A23 + 1e-9), {}), ("allclose", (A23, A23 + 1e-3), {}),
    ("isclose", (np.array([1.0, np.inf, np.nan, 2.0]), np.array([1.0, np.inf, np.nan, 2.1])), {}),
    ("isclose", (np.array([1.0, np.nan]), np.array([1.0, np.nan])), {"equal_nan": True}),
    ("array_equal", (A23, A23), {}), ("array_equal", (A23, A23[:1]), {}),
    ("array_equal", (NANS, NANS), {"equal_nan": True}), ("array_equiv", (A23, A23[:1]), {}),
    ("argwhere", (A23 > 0,), {}), ("flatnonzero", (A23 > 0,), {}),
    ("bincount", (INTS,), {}), ("bincount", (INTS, np.linspace(0, 1, 11)), {}),
    ("bincount", (INTS,), {"minlength": 12}),
    ("histogram", (A345,), {}), ("histogram", (A345, 7, (-1, 1)), {}),
    ("histogram", (V5, np.array([-3.0, -0.5, 0.0, 0.7, 3.0])), {}),
    ("histogram", (A34, 4), {"density": True}),
    ("histogram", (A34, 4), {"weights": np.abs(A34)}), ("histogram", (INTS, 5), {}),
    ("digitize", (V5, np.array([-1.0, 0.0, 1.0])), {}),
    ("digitize", (V5, np.array([1.0, 0.0, -1.0]), True), {}),
    ("unique", (INTS,), {}), ("unique", (INTS,), {"return_counts": True}),
    ("unique", (INTS.reshape(1, 11),), {"return_index": True, "return_inverse": True}),
    ("intersect1d", (INTS, np.array([1, 5, 7])), {}), ("union1d", (INTS, np.array([0, 7])), {}),
    ("setdiff1d", (INTS, np.array([1, 5])), {}),
    ("einsum", ("ij,jk->ik", A23, A34), {}), ("einsum", ("ii", SQ), {}),
    ("einsum", ("ii->i", SQ), {}), ("einsum", ("ij->", A23), {}), ("einsum", ("ji", A23), {}),
    ("einsum", ("bij,bjk->bik", RNG.normal(size=(2, 3, 4)), RNG.normal(size=(2, 4, 5))), {}),
    ("einsum", ("...ij,...j->...i", A345, V5), {}), ("einsum", ("i,j->ij", V3, V5), {}),
    ("einsum", ("ij,ij,ij->i", A23, A23, A23), {}), ("einsum", ("ijk,kj", A345, A345[0].T.copy()), {}),
    ("einsum", ("i,i", V3, V3), {}), ("einsum", ("ij,jk,kl->il", A23, A34, A34.T.copy()), {}),
    ("convolve", (V5, V3), {}), ("convolve", (V3, V5), {"mode": "same"}),
    ("convolve", (V5, V3, "valid"), {}), ("correlate", (V5, V3), {}),
    ("correlate", (V5, V3, "full"), {}), ("correlate", (V3, V5, "same"), {}),
    ("interp", (np.linspace(-1, 6, 15), np.arange(5.0), V5), {}),
    ("interp", (np.linspace(-1, 6, 15), np.arange(5.0), V5, -9.0, 9.0), {}),
    ("interp", (np.linspace(0, 720, 9), np.array([0.0, 90.0, 270.0]), V3), {"period": 360}),
    ("gradient", (V5,), {}), ("gradient", (V5, 0.5), {}), ("gradient", (A34,), {}),
    ("gradient", (A34, 2.0), {"axis": 1, "edge_order": 2}),
    ("gradient", (V5, np.array([0.0, 1.0, 1.5, 3.0, 4.5])), {}),
    ("gradient", (V5, np.array([0.0, 1.0, 1.5, 3.0, 4.5])), {"edge_order": 2}),
    ("trapezoid", (V5,), {}), ("trapezoid", (A34,), {"dx": 0.5, "axis": 0}),
    ("trapezoid", (V5, np.array([0.0, 1.0, 1.5, 3.0, 4.5])), {}),
    ("around", (A23 * 100, 1), {}), ("around", (A23 * 100, -1), {}),
    ("around", (np.array([0.5, 1.5, 2.5, -0.5]),), {}), ("around", (INTS * 7, -1), {}),
    ("sinc", (np.linspace(-2, 2, 9),), {}), ("angle", (A23 + 1j * A23[::-1],), {}),
    ("angle", (V5,), {"deg": True}), ("fix", (np.array([-2.5, -0.5, 0.5, 2.5]),), {}),
    ("nan_to_num", (np.array([np.nan, np.inf, -np.inf, 1.0]),), {}),
    ("nan_to_num", (np.array([np.nan, np.inf, -np.inf]),), {"nan": 1.0, "posinf": 2.0}),
    ("isposinf", (np.array([np.inf, -np.inf, 1.0]),), {}),
    ("isneginf", (np.array([np.inf, -np.inf, 1.0]),), {}),
    ("isreal", (np.array([1 + 0j, 1 + 1j]),), {}), ("iscomplex", (np.array([1 + 0j, 1 + 1j]),), {}),
    ("iscomplexobj", (A23,), {}), ("isrealobj", (A23,), {}),
    ("real_if_close", (A23 + 1e-20j,), {}),
    ("ndim", (A345,), {}), ("shape", (A345,), {}), ("size", (A345,), {}), ("size", (A345, 1), {}),
    ("tril_indices", (4,), {}), ("triu_indices", (4, 1), {}), ("indices", ((2, 3),), {}),
    ("unravel_index", (np.array([3, 7, 11]), (3, 4)), {}),
    ("ravel_multi_index", ((np.array([0, 2]), np.array([3, 1])), (3, 4)), {}),
    ("identity", (3,), {}), ("tri", (3, 4, 1), {}), ("logspace", (0, 2, 5), {}),
    ("geomspace", (1, 1000, 4), {}), ("diag_indices", (3,), {}),
    # the ufunc-style names: NumPy's dtype rules (integers become float64)
    ("absolute", (-A23,), {}), ("power", (np.abs(A23), 2.5), {}), ("power", (INTS, 2), {}),
    ("arcsin", (A23 / 3,), {}), ("arctan2", (A23, A23[::-1]), {}), ("arccos", (INTS / 10,), {}),
    ("deg2rad", (A23 * 90,), {}), ("rad2deg", (A23,), {}), ("degrees", (INTS,), {}),
    ("exp2", (A23,), {}), ("cbrt", (np.array([-27.0, 8.0, 2.0, 0.0, 1e-300]),), {}),
    ("fmod", (np.array([-7.0, 7.0, -7.5, 7.5]), np.array([3.0, -3.0, 2.0, 2.0])), {}),
    ("fmod", (np.array([-7, 7, 5]), 3), {}),
    ("fmax", (np.array([1.0, np.nan, np.nan]), np.array([np.nan, 2.0, np.nan])), {}),
    ("fmin", (np.array([1.0, np.nan, 3.0]), np.array([np.nan, 2.0, 1.0])), {}),
    ("heaviside", (np.array([-1.0, 0.0, 2.0, np.nan]), 0.5), {}),
    ("float_power", (INTS, 2), {}), ("logaddexp2", (A23, A23[::-1]), {}),
    ("true_divide", (INTS, 4), {}), ("mod", (INTS, 4), {}), ("conjugate", (A23 + 2j,), {}),
    ("invert", (INTS,), {}), ("left_shift", (INTS, 2), {}), ("rint", (A23 * 3,), {}),
    ("sqrt", (np.abs(A23),), {}),
    ("vander", (V3,), {}), ("vander", (INTS[:4], 3), {"increasing": True}),
    ("polyval", (V3, A23), {}), ("polyfit", (np.linspace(0, 1, 9), np.cos(np.linspace(0, 1, 9)), 3), {}),
    ("polyfit", (np.linspace(0, 1, 9), np.cos(np.linspace(0, 1, 9)), 2), {"w": np.linspace(1, 2, 9)}),
    # issue 19: more of NumPy's names
    ("gcd", (INTS * 6, INTS[::-1] * 4), {}), ("lcm", (INTS, INTS[::-1] + 1), {}),
    ("ldexp", (A23, np.array([[1, -2, 3], [0, 5, -1]])), {}), ("frexp", (A23 * 100,), {}),
    ("modf", (A23 * 3,), {}), ("divmod", (INTS, 4), {}), ("spacing", (A23,), {}),
    ("bitwise_count", (INTS,), {}),
    ("packbits", (INTS > 3,), {}), ("packbits", (A34 > 0,), {"axis": 1}),
    ("packbits", (A34 > 0,), {"axis": 0, "bitorder": "little"}),
    ("unpackbits", (np.array([[177, 3], [255, 0]], np.uint8),), {}),
    ("unpackbits", (np.array([[177, 3], [255, 0]], np.uint8),), {"axis": 1, "count": 12}),
    ("unpackbits", (np.array([177, 3], np.uint8),), {"count": -3, "bitorder": "little"}),
    ("lexsort", ((INTS, INTS % 3),), {}), ("lexsort", (np.stack([V5, V5 > 0]),), {}),
    ("select", ([A23 > 0.5, A23 < -0.5], [A23, A23 * 10]), {"default": -1.0}),
    ("choose", (np.array([0, 1, 2, 1]), [V5[:4], V5[1:], np.arange(4.0)]), {}),
    ("choose", (np.array([0, 3, -1]), [V3, V3 * 2]), {"mode": "wrap"}),
    ("compress", (np.array([True, False, True]), A34), {"axis": 0}),
    ("compress", ([0, 1], A23), {}), ("extract", (A23 > 0, A23), {}),
    ("trim_zeros", (np.array([0.0, 0.0, 1.0, 2.0, 0.0, 3.0, 0.0]),), {}),
    ("trim_zeros", (np.array([0, 1, 0]),), {"trim": "f"}),
    ("ediff1d", (A23,), {}), ("ediff1d", (V5,), {"to_begin": [-1.0], "to_end": [9.0, 8.0]}),
    ("nancumprod", (NANS, 1), {}), ("setxor1d", (INTS, np.array([1, 7, 8])), {}),
    ("resize", (V5, (3, 4)), {}), ("resize", (A23, 4), {}),
    ("tril_indices_from", (A34,), {}), ("triu_indices_from", (SQ, 1), {}),
    ("diag_indices_from", (SQ,), {}), ("ix_", (np.array([0, 2]), np.array([1, 2, 3])), {}),
    ("ix_", (np.array([True, False, True]),), {}), ("asarray_chkfinite", (A23,), {}),
]


def _case_id(case):
    name, args, kwargs = case
    return name


@pytest.mark.parametrize("name,args,kwargs", CASES, ids=[_case_id(c) for c in CASES])
def test_against_numpy(backend, device, name, args, kwargs):
    expected = getattr(np, name)(*args, **kwargs)
    got = getattr(bridge, name)(*_args(args, device), **kwargs)
    if name in ("histogram",) and "density" not in kwargs and "weights" not in kwargs:
        # NumPy counts in intp; bridge's default integer
        expected = (expected[0].astype(np.int64), expected[1])
    _same(got, expected)


# frexp and ldexp bit for bit, over the whole exponent range: subnormals, the largest
# finite values, signed zeros, inf and nan, exponents that under- and overflow
_EDGES = [0.0, -0.0, 1.0, -3.5, 6e-310, 5e-324, -5e-324, 2.2250738585072014e-308,
          2.225073858507201e-308, 1e308, 1.7976931348623157e308, -1e-320, np.inf, -np.inf,
          np.nan, 1e-45, 1e-40, 3e38, 1.17e-38]


def _subnormal(x):
    return (np.abs(x) < np.finfo(x.dtype).tiny) & (x != 0)


def _bits_equal(got, expected, flush=False):
    got = to_numpy(got)
    assert got.dtype == expected.dtype
    if flush:
        # a device that flushes float32 subnormals gives the zero of their sign
        expected = np.where(_subnormal(expected), np.copysign(np.float32(0), expected),
                            expected)
    np.testing.assert_array_equal(got, expected)
    np.testing.assert_array_equal(np.signbit(got), np.signbit(expected))


@given(data=st.data(), dtype=st.sampled_from([np.float32, np.float64]))
def test_frexp_ldexp_are_exact(backend, device, data, dtype):
    with np.errstate(all="ignore"):
        edges = np.array(_EDGES, dtype=dtype)
    drawn = data.draw(hnp.arrays(dtype, st.integers(1, 12), elements=hnp.from_dtype(
        np.dtype(dtype), allow_subnormal=True)))
    x = np.concatenate([edges, drawn])
    tiny = np.finfo(dtype).tiny
    flush = dtype == np.float32 and float(
        bridge.asarray(tiny, dtype=bridge.float32, device=device) / 2) == 0
    if flush:
        # a device that flushes float32 subnormals to zero (CuPy's kernels, docs/gpu.md)
        # computes with none: subnormal inputs are left out, subnormal results are zeros
        x = x[~_subnormal(x)]
    k = data.draw(hnp.arrays(np.int32, x.shape, elements=st.one_of(
        st.integers(-1200, 1200), st.integers(-2**31, 2**31 - 1))))
    t = bridge.asarray(x, device=device)
    m, e = bridge.frexp(t)
    m_np, e_np = np.frexp(x)
    _bits_equal(m, m_np)
    _bits_equal(e, e_np)
    with np.errstate(all="ignore"):
        _bits_equal(bridge.ldexp(t, bridge.asarray(k, device=device)), np.ldexp(x, k), flush)
        _bits_equal(bridge.ldexp(m, e), x)


def test_frexp_ldexp_gradients(backend, device):
    x = bridge.asarray([1.5, -3e-300, 1e308], device=device, requires_grad=True)
    m, e = bridge.frexp(x)
    m.sum().backward()
    _bits_equal(x.grad, np.ldexp(1.0, -to_numpy(e)))
    x = bridge.asarray([1.5, 3e-310], device=device, requires_grad=True)
    bridge.ldexp(x, bridge.asarray([3, 10], device=device)).sum().backward()
    _bits_equal(x.grad, np.array([8.0, 1024.0]))


LINALG_CASES = [
    ("norm", (A23,), {}), ("norm", (A345,), {}), ("norm", (V5, 1), {}), ("norm", (V5, np.inf), {}),
    ("norm", (V5, 0), {}), ("norm", (A34, "fro"), {}), ("norm", (A34, "nuc"), {}),
    ("norm", (A34, 2), {}), ("norm", (A34, -np.inf), {}), ("norm", (A345,), {"axis": 1}),
    ("norm", (A345, 3), {"axis": -1, "keepdims": True}),
    ("norm", (A345,), {"axis": (2, 0), "keepdims": True}), ("norm", (A345, 1, (0, 1)), {}),
    ("norm", (np.arange(6).reshape(2, 3),), {}),
    ("multi_dot", ([A23, A34, A34.T.copy()],), {}), ("multi_dot", ([V3, A34, V5[:4]],), {}),
    ("cond", (SQ,), {}),
]


@pytest.mark.parametrize("name,args,kwargs", LINALG_CASES, ids=[c[0] for c in LINALG_CASES])
def test_linalg_against_numpy(backend, device, name, args, kwargs):
    expected = getattr(np.linalg, name)(*args, **kwargs)
    got = getattr(bridge.linalg, name)(*_args(args, device), **kwargs)
    _same(got, expected, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("b", [RHS, RHS[:, 0]], ids=["matrix", "vector"])
@pytest.mark.parametrize("a", [TALL, TALL[:3], np.column_stack([TALL, TALL[:, :1]])],
                         ids=["tall", "square", "rank-deficient"])
def test_lstsq_against_numpy(backend, device, a, b):
    b = b[: a.shape[0]]
    x, residuals, rank, s = bridge.linalg.lstsq(bridge.asarray(a, device=device),
                                                bridge.asarray(b, device=device))
    ex, eres, erank, es = np.linalg.lstsq(a, b)
    _same(x, ex, rtol=1e-9, atol=1e-10)
    _same(residuals, eres, rtol=1e-9, atol=1e-10)
    assert rank == erank
    _same(s, es, rtol=1e-10)


def test_fft2_names(backend, device):
    img = RNG.normal(size=(4, 6))
    t = bridge.asarray(img, device=device)
    _same(bridge.fft.fft2(t), np.fft.fft2(img))
    _same(bridge.fft.irfft2(bridge.fft.rfft2(t), s=(4, 6)), img)
    _same(bridge.fft.ifft2(t, axes=(0, 1)), np.fft.ifft2(img, axes=(0, 1)))


def test_array_and_copy(backend, device):
    t = bridge.array([[1, 2], [3, 4]], device=device)
    assert t.dtype == bridge.int64 and t.shape == (2, 2)
    u = bridge.array(t)
    u[0, 0] = 9
    assert int(t[0, 0]) == 1, "array() copies by default"
    same = bridge.array(t, copy=None)
    assert same is t
    assert bridge.array(3.0, ndmin=2).shape == (1, 1)
    stacked = bridge.array([bridge.asarray(1.0, device=device), bridge.asarray(2.0, device=device)])
    _same(stacked, np.array([1.0, 2.0]))
    c = bridge.copy(t)
    c[1, 1] = 0
    assert int(t[1, 1]) == 4
    assert bridge.array(t, dtype=bridge.float32).dtype == bridge.float32


@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, max_side=5),
                  elements=st.floats(-1e3, 1e3)),
       st.floats(0, 1))
def test_quantile_property(values, q):
    _same(bridge.quantile(bridge.asarray(values), q), np.quantile(values, q), rtol=1e-12,
          atol=1e-9)
    _same(bridge.median(bridge.asarray(values), axis=-1), np.median(values, axis=-1))


@given(hnp.arrays(np.float64, st.integers(1, 40), elements=st.floats(-50, 50)),
       st.integers(1, 12))
def test_histogram_property(values, bins):
    counts, edges = bridge.histogram(bridge.asarray(values), bins)
    ecounts, eedges = np.histogram(values, bins)
    _same(counts, ecounts.astype(np.int64))
    _same(edges, eedges)


@given(st.integers(1, 4), st.integers(1, 4), st.integers(1, 4), st.integers(1, 3))
def test_einsum_matches_numpy_on_shapes(i, j, k, b):
    x = RNG.normal(size=(b, i, j))
    y = RNG.normal(size=(j, k))
    for spec, ops in (("bij,jk->bki", (x, y)), ("bij->j", (x,)), ("bij,jk", (x, y)),
                      ("...j,jk->...k", (x, y))):
        _same(bridge.einsum(spec, *[bridge.asarray(o) for o in ops]), np.einsum(spec, *ops),
              rtol=1e-10, atol=1e-12)


# ------------------------------------------------------------------ errors


def test_errors_name_the_function():
    with pytest.raises(ValueError, match="split: array split does not result in an equal"):
        bridge.split(bridge.arange(5), 2)
    with pytest.raises(ValueError, match="pad: mode='median2' is not supported"):
        bridge.pad(bridge.ones(3), 1, mode="median2")
    with pytest.raises(ValueError, match="quantile: quantiles must be in the range"):
        bridge.quantile(bridge.ones(3), 1.5)
    with pytest.raises(ValueError, match="einsum: operand of shape"):
        bridge.einsum("ijk", bridge.ones((2, 2)))
    with pytest.raises(ValueError, match="einsum: subscript 99 is not in"):
        bridge.einsum(bridge.ones(2), [99])
    with pytest.raises(ValueError, match="diag: input must be 1- or 2-d"):
        bridge.diag(bridge.ones((2, 2, 2)))
    with pytest.raises(ZeroDivisionError, match="average: weights sum to zero"):
        bridge.average(bridge.ones(3), weights=bridge.zeros(3))
    with pytest.raises(ValueError, match="bincount: x must be non-negative"):
        bridge.bincount(bridge.asarray([1, -1]))
    with pytest.raises(TypeError, match="bincount: x must hold non-negative integers"):
        bridge.bincount(bridge.asarray([1.0]))
    with pytest.raises(ValueError, match="linalg.norm: improper number of dimensions"):
        bridge.linalg.norm(bridge.ones((2, 2, 2)), ord=2)
    with pytest.raises(ValueError, match="linalg.lstsq: incompatible dimensions"):
        bridge.linalg.lstsq(bridge.ones((3, 2)), bridge.ones(4))
    with pytest.raises(TypeError, match="concatenate: expects a sequence"):
        bridge.concatenate(bridge.ones(3))
    with pytest.raises(ValueError, match="histogram: max must be larger than min"):
        bridge.histogram(bridge.ones(3), range=(2, 1))
    with pytest.raises(ValueError, match="dot: shapes"):
        bridge.dot(bridge.ones((2, 3)), bridge.ones((2, 3)))
    with pytest.raises(IndexError, match="delete: index out of bounds"):
        bridge.delete(bridge.ones(3), [5])


# ------------------------------------------------------------------ the standard wins


def test_standard_names_keep_the_standard_semantics():
    """Names of the standard are not redefined by the NumPy layer."""
    spec_main = {op.name for op in REGISTRY.values() if op.section not in ("numpy",)}
    for op in REGISTRY.values():
        if op.section == "numpy":
            assert op.name not in spec_main
            assert op.kernels == (), f"{op.name} should be a composite of standard ops"
    x = bridge.asarray([0.5, 1.5, 2.5])
    # the standard's round takes no decimals: NumPy's round(a, decimals) is an extension
    assert bridge.round(x, 1).tolist() == np.round([0.5, 1.5, 2.5], 1).tolist()
    assert bridge.around(x, 0).tolist() == [0.0, 2.0, 2.0]
    assert bridge.sum(x, 0).tolist() == 4.5  # keyword-only in the standard, NumPy's order too


# ------------------------------------------------------------------ NumPy's positional order


def _resolve(name):
    obj = bridge
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


def _numpy_function(name):
    obj = np
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


@pytest.mark.parametrize("name", sorted(NUMPY_POSITIONAL))
def test_numpy_positional_order_matches_numpy(name):
    """Each name of the table is where NumPy's signature has it (ddof: correction), and
    bridge's function takes it (as a keyword) unless it is NumPy's out."""
    numpy_params = [p.name for p in inspect.signature(_numpy_function(name)).parameters.values()
                    if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if name == "arange":  # its text signature says keyword-only; NumPy takes it 4th
        assert np.arange(0, 2, 1, np.float32).dtype == np.float32
        numpy_params.append("dtype")
    ours = inspect.signature(_resolve(name)).parameters
    own = [p for p in ours.values() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    numpy_names = {"ddof": "correction", "a": "x", "m": "x", "arr": "x", "v": "x2"}
    expected = [numpy_names.get(p, p) for p in numpy_params[len(own):len(own) + len(NUMPY_POSITIONAL[name])]]
    assert list(NUMPY_POSITIONAL[name]) == expected
    for param in NUMPY_POSITIONAL[name]:
        assert param == "out" or param in ours, (name, param)


def test_numpy_positional_calls(backend):
    x = bridge.reshape(bridge.arange(6.0), (2, 3))
    a = np.arange(6.0).reshape(2, 3)
    _same(bridge.diff(x, 2), np.diff(a, 2))
    _same(bridge.diff(x, 1, 0), np.diff(a, 1, 0))
    _same(bridge.sum(x, 0, bridge.float32, None, True), np.sum(a, 0, np.float32, None, True))
    _same(bridge.max(x, 1), np.max(a, 1))
    _same(bridge.concat([x, x], 1), np.concatenate([a, a], 1))
    _same(bridge.linspace(0, 1, 5, False), np.linspace(0, 1, 5, False))
    _same(bridge.eye(3, 4, 1, bridge.int32), np.eye(3, 4, 1, np.int32))
    _same(bridge.zeros(2, bridge.int16), np.zeros(2, np.int16))
    _same(bridge.fft.fft(x, 4, 0, "ortho"), np.fft.fft(a, 4, 0, "ortho"))
    _same(bridge.searchsorted(x[0], x[1], "right"), np.searchsorted(a[0], a[1], "right"))
    with pytest.raises(TypeError, match="at most 5 positional"):
        bridge.sum(x, 0, None, None, False, 1)
    with pytest.raises(TypeError, match="multiple values for argument 'axis'"):
        bridge.sum(x, 0, axis=1)
    # NumPy's dtype, beyond the standard's list: NumPy's mean takes the call
    _same(bridge.mean(x, 0, bridge.float32), np.mean(a, 0, np.float32))


def test_numpy_out_argument(backend):
    x = bridge.reshape(bridge.arange(6.0), (2, 3))
    out = bridge.empty(3)
    assert bridge.sum(x, 0, None, out) is out
    assert out.tolist() == [3.0, 5.0, 7.0]
    assert bridge.max(x, axis=1, out=bridge.empty(2)).tolist() == [2.0, 5.0]
    wide = bridge.empty(3, dtype=bridge.float32)
    bridge.sum(x, axis=0, out=wide)  # same_kind: float64 into float32
    assert wide.tolist() == [3.0, 5.0, 7.0]
    with pytest.raises(ValueError, match="sum: out has shape"):
        bridge.sum(x, 0, None, bridge.empty(2))
    with pytest.raises(TypeError, match="same_kind"):
        bridge.sum(x, 0, None, bridge.empty(3, dtype=bridge.int64))
    with pytest.raises(TypeError, match="out must be a Tensor"):
        bridge.sum(x, out=np.empty(()))
    # autograd sees the write into out
    w = bridge.ones(3, requires_grad=True)
    target = bridge.zeros(3)
    bridge.stack([w * 2.0, w], 0, out=bridge.zeros((2, 3)))
    bridge.sum(bridge.stack([w * 2.0], 0), 0, None, target)
    bridge.sum(target).backward()
    assert w.grad.tolist() == [2.0, 2.0, 2.0]


def test_numpy_positional_table_is_documented():
    text = (ROOT / "docs" / "numpy.md").read_text()
    for name, params in NUMPY_POSITIONAL.items():
        assert f"`{name}`" in text and ", ".join(params) in text, name


# ------------------------------------------------------------------ Tensor methods


def test_tensor_methods(backend, device):
    a = RNG.normal(size=(3, 4))
    t = bridge.asarray(a, device=device)
    _same(t.sum(), a.sum())
    _same(t.sum(0), a.sum(0))
    _same(t.sum(axis=1, keepdims=True), a.sum(axis=1, keepdims=True))
    _same(t.mean(), a.mean())
    _same(t.mean(1), a.mean(1))
    _same(t.max(0), a.max(0))
    _same(t.min(), a.min())
    _same(t.std(ddof=1), a.std(ddof=1))
    _same(t.var(0), a.var(0))
    _same(t.prod(1), a.prod(1))
    _same(t.cumsum(), a.cumsum())
    _same(t.cumprod(1), a.cumprod(1))
    _same(t.argmax(), np.asarray(a.argmax()))
    _same(t.argmin(1), a.argmin(1))
    _same(t.reshape(2, 6), a.reshape(2, 6))
    _same(t.reshape((4, 3)), a.reshape((4, 3)))
    _same(t.reshape(-1), a.reshape(-1))
    _same(t.reshape(6, 2, order="F"), a.reshape(6, 2, order="F"))
    _same(t.astype(bridge.float32), a.astype(np.float32))
    _same(t.astype("int32"), a.astype("int32"))
    _same(t.flatten(), a.flatten())
    _same(t.ravel(), a.ravel())
    _same(t.dot(t.T), a.dot(a.T))
    _same(t.clip(-0.5, 0.5), a.clip(-0.5, 0.5))
    _same(t.transpose(), a.transpose())
    _same(t.transpose(1, 0), a.transpose(1, 0))
    _same(t.reshape(1, 3, 1, 4).squeeze(), a.reshape(1, 3, 1, 4).squeeze())
    _same(t.reshape(1, 12).squeeze(0), a.reshape(1, 12).squeeze(0))
    _same((t > 0).all(), (a > 0).all())
    _same((t > 0).sum(0), (a > 0).sum(0))
    _same((t > 0).argmax(1), (a > 0).argmax(1))
    _same((t > 0).any(1), (a > 0).any(1))
    _same(t.round(2), a.round(2))
    _same(t.swapaxes(0, 1), a.swapaxes(0, 1))
    _same(t.repeat(2, axis=0), a.repeat(2, axis=0))
    _same(t.take([0, 2], axis=1), a.take([0, 2], axis=1))
    _same(t.take(5), np.asarray(a.take(5)))
    _same(t.diagonal(), a.diagonal())
    _same(t.trace(), a.trace())
    _same(t.argsort(axis=0), a.argsort(axis=0))
    _same(t.nonzero(), (t > 0).nonzero() and tuple(np.nonzero(a)))
    z = bridge.asarray(a + 1j * a[::-1], device=device)
    _same(z.conj(), (a + 1j * a[::-1]).conj())
    _same(z.conjugate(), (a + 1j * a[::-1]).conjugate())
    _same(z.real, a)
    _same(z.imag, a[::-1])
    _same(t.real, a)
    _same(t.imag, np.zeros_like(a))
    assert t.nbytes == a.nbytes and t.itemsize == a.itemsize
    assert t.strides == a.strides
    assert t.tolist() == a.tolist()
    assert t[0, 0].item() == a[0, 0]


def test_copy_method_owns_its_memory(backend, device):
    t = bridge.asarray([1.0, 2.0, 3.0], device=device)
    c = t.copy()
    c[0] = 10.0
    assert float(t[0]) == 1.0
    f = t.flatten()
    f[1] = 10.0
    assert float(t[1]) == 2.0


def test_inplace_sort_and_fill(backend, device):
    t = bridge.asarray([3.0, 1.0, 2.0], device=device)
    assert t.sort() is None
    assert t.tolist() == [1.0, 2.0, 3.0]
    t.fill(7.0)
    assert t.tolist() == [7.0, 7.0, 7.0]


def test_view_reinterprets_and_reshapes_without_copies(backend, device):
    z = bridge.asarray([1 + 2j, 3 - 4j], device=device)
    as_float = z.view(float)  # NumPy's spelling (SciPy's RBFInterpolator uses it)
    assert as_float.dtype == bridge.float64 and as_float.shape == (4,)
    assert as_float.tolist() == [1.0, 2.0, 3.0, -4.0]
    as_float[0] = 10.0  # the same memory
    assert complex(z[0]) == 10 + 2j
    assert z.view(bridge.complex128) is not z and z.view().shape == (2,)
    ints = bridge.asarray(np.arange(4, dtype=np.int32), device=device)
    assert to_numpy(ints.view(bridge.float32)).tobytes() == np.arange(4, dtype=np.int32).tobytes()
    assert bridge.arange(6.0, device=device).view(2, 3).shape == (2, 3)  # PyTorch's spelling
    assert bridge.arange(6.0, device=device).view((3, 2)).shape == (3, 2)
    with pytest.raises(ValueError, match="Tensor.view"):
        bridge.reshape(bridge.arange(6.0, device=device), (2, 3)).T.view(6)  # needs a copy
    with pytest.raises(ValueError, match="Tensor.view"):
        bridge.ones(3, dtype=bridge.int8, device=device).view(bridge.int32)
    with pytest.raises(TypeError, match="Tensor.view"):
        bridge.ones(3, device=device).view(3, dtype=bridge.float32)
    with pytest.raises(TypeError, match="Tensor.view"):
        bridge.ones(3, device=device).view(bridge.float32, 3)
    g = bridge.ones(2, device=device, requires_grad=True)
    with pytest.raises(TypeError, match="detach"):
        g.view(bridge.int64)


def test_format_of_zero_d_tensors(backend, device):
    assert f"{bridge.asarray(1.23456, device=device):.2f}" == "1.23"
    assert format(bridge.asarray(7, device=device), "03d") == "007"
    assert f"{bridge.asarray(2.5, device=device, requires_grad=True):.1f}" == "2.5"
    with pytest.raises(TypeError, match="0-d"):
        f"{bridge.arange(3, device=device):.2f}"


def test_methods_do_not_shadow_the_standard():
    for name in ("shape", "dtype", "device", "ndim", "size", "T", "mT", "to_device"):
        assert name not in bridge._numpy_protocols.METHODS
        assert name not in bridge._numpy_protocols.PROPERTIES


# ------------------------------------------------------------------ NumPy protocols


@pytest.fixture
def on_cpu(backend):
    """NumPy's protocols with CPU tensors (the fallback to NumPy exists only there)."""
    with bridge.default_device("cpu"):
        yield


def test_numpy_calls_stay_on_the_tensors_device(backend, device):
    a = RNG.normal(size=(3, 4))
    t = bridge.asarray(a, device=device)
    for got, expected in ((np.mean(t, 0), a.mean(0)), (np.exp(t), np.exp(a)),
                          (np.concatenate([t, t]), np.concatenate([a, a])),
                          (np.linalg.norm(t, axis=1), np.linalg.norm(a, axis=1)),
                          (np.add.reduce(t), np.add.reduce(a)), (t.std(ddof=1), a.std(ddof=1))):
        assert got.device == t.device
        _same(got, expected)
    if t.device != bridge.asarray(0.0, device="cpu").device:
        # NumPy cannot run on GPU memory, and bridge does not copy it to the host silently
        with pytest.raises(TypeError, match="numpy.is_busday: bridge has no implementation"):
            np.is_busday(t)


@pytest.mark.usefixtures("on_cpu")
def test_numpy_functions_return_tensors(backend):
    a = RNG.normal(size=(3, 4))
    t = bridge.asarray(a)
    cases = [
        (np.mean, (t,), {}), (np.mean, (t, 0), {}), (np.sum, (t, 1), {"keepdims": True}),
        (np.std, (t,), {"ddof": 1}), (np.concatenate, ([t, t],), {}),
        (np.concatenate, ([t, a], 1), {}), (np.max, (t,), {"axis": 0}),
        (np.linalg.norm, (t,), {}), (np.linalg.svd, (t,), {"compute_uv": False}),
        (np.linalg.inv, (t[:, :3] + 3 * bridge.eye(3),), {}), (np.fft.fft, (t,), {}),
        (np.fft.fft2, (t,), {}), (np.reshape, (t, -1), {}), (np.transpose, (t,), {}),
        (np.where, (t > 0, t, 0.0), {}), (np.clip, (t, -0.1, 0.1), {}),
        (np.median, (t,), {"axis": 1}), (np.cumsum, (t,), {}), (np.sort, (t, None), {}),
        (np.einsum, ("ij,ij->i", t, t), {}), (np.dot, (t, t.T), {}),
        (np.stack, ([t, t], 1), {}), (np.squeeze, (t[None],), {}), (np.round, (t, 2), {}),
        (np.take, (t, [1, 0]), {"axis": 0}), (np.diff, (t, 2), {}),
        (np.linalg.lstsq, (t.T, bridge.ones(4)), {"rcond": None}),
    ]
    for func, args, kwargs in cases:
        got = func(*args, **kwargs)
        np_args = [np.asarray(x) if isinstance(x, bridge.Tensor) else
                   [np.asarray(i) for i in x] if isinstance(x, list) and x and
                   isinstance(x[0], bridge.Tensor) else x for x in args]
        expected = func(*np_args, **kwargs)
        if isinstance(expected, tuple):
            for g, e in zip(got, expected):
                if isinstance(e, np.ndarray):
                    _same(g, e, rtol=1e-10)
            continue
        assert isinstance(got, bridge.Tensor), func.__name__
        _same(got, expected, rtol=1e-10)


@pytest.mark.usefixtures("on_cpu")
def test_numpy_ufuncs_return_tensors(backend):
    a = RNG.normal(size=(3, 4))
    t = bridge.asarray(a)
    _same(np.exp(t), np.exp(a))
    _same(np.add(t, 1.5), a + 1.5)
    _same(np.maximum(t, a[::-1]), np.maximum(a, a[::-1]))
    _same(np.sqrt(bridge.asarray([4, 9])), np.sqrt(np.array([4, 9])))
    _same(np.true_divide(bridge.asarray([1, 2]), 4), np.array([0.25, 0.5]))
    _same(a + t, a + a)  # ndarray + Tensor goes through __array_ufunc__
    _same(np.float64(2.0) * t, 2.0 * a)
    _same(np.add.reduce(t, axis=1), np.add.reduce(a, axis=1))
    _same(np.multiply.accumulate(t), np.multiply.accumulate(a))
    _same(np.maximum.reduce(t), np.maximum.reduce(a))
    _same(np.subtract.outer(t[0], t[1]), np.subtract.outer(a[0], a[1]))
    _same(np.matmul(t, t.T), a @ a.T)
    q, r = np.divmod(bridge.asarray([7, -7]), 3)
    _same(q, np.array([2, -3]))
    _same(r, np.array([1, 2]))
    _same(np.add(bridge.asarray([True, False]), bridge.asarray([True, True])),
          np.array([True, True]))
    out = bridge.zeros((3, 4))
    result = np.multiply(t, 2.0, out=out)
    assert result is out
    _same(out, 2.0 * a)


def test_ufunc_dtype_keyword_runs_in_bridge(backend, device):
    # np.add(a, b, dtype=None) is how Dask adds chunks; dtype= runs the loop in that
    # dtype. Both stay bridge calls, so they work on GPU tensors too.
    a = np.array([100, 27, -3], dtype=np.int8)
    t = bridge.asarray(a, device=device)
    got = np.add(t, t, dtype=None)
    assert isinstance(got, bridge.Tensor) and got.device == t.device
    np.testing.assert_array_equal(to_numpy(got), np.add(a, a))
    got = np.add(t, t, dtype=np.float64)
    assert got.dtype == bridge.float64 and got.device == t.device
    np.testing.assert_array_equal(to_numpy(got), np.add(a, a, dtype=np.float64))
    got = np.multiply(t, 2, dtype=bridge.int16)
    assert got.dtype == bridge.int16
    np.testing.assert_array_equal(to_numpy(got), np.multiply(a, 2, dtype=np.int16))


@pytest.mark.usefixtures("on_cpu")
def test_numpy_asarray_shares_memory(backend):
    t = bridge.asarray([1.0, 2.0, 3.0])
    view = np.asarray(t)
    view[0] = 5.0
    assert float(t[0]) == 5.0
    assert np.asarray(t, dtype=np.float32).dtype == np.float32
    with pytest.raises(ValueError):
        np.asarray(t, dtype=np.float32, copy=False)


@pytest.mark.usefixtures("on_cpu")
def test_fallback_to_numpy_on_cpu(backend):
    a = RNG.normal(size=(4, 4))
    t = bridge.asarray(a)
    # functions bridge does not implement run in NumPy and come back as tensors
    got = np.linalg.matrix_power(t, 3)
    assert isinstance(got, bridge.Tensor)
    _same(got, np.linalg.matrix_power(a, 3))
    windows = np.lib.stride_tricks.sliding_window_view(t, 2, axis=1)
    assert isinstance(windows, bridge.Tensor)
    _same(windows, np.lib.stride_tricks.sliding_window_view(a, 2, axis=1))
    _same(np.unwrap(t), np.unwrap(a))
    # an argument bridge's version does not take: NumPy runs the call
    _same(np.sum(t, where=t > 0), np.sum(a, where=a > 0))
    # a scalar result becomes a 0-d tensor
    cond = np.linalg.cond(t, p="fro")
    assert isinstance(cond, bridge.Tensor) and cond.ndim == 0
    # out= with a tensor writes into the tensor
    out = bridge.zeros(4)
    assert np.cumsum(t, axis=0, out=bridge.zeros((4, 4))).shape == (4, 4)
    assert np.sum(t, axis=0, out=out) is out
    _same(out, a.sum(0))


@pytest.mark.usefixtures("on_cpu")
def test_autograd_through_numpy_calls(backend):
    x = bridge.asarray([0.5, 1.0, 2.0])
    x.requires_grad_(True)
    y = np.sum(np.exp(x) * np.mean(x))
    y.backward()
    a = np.array([0.5, 1.0, 2.0])
    expected = np.exp(a) * a.mean() + np.exp(a).sum() / 3
    np.testing.assert_allclose(to_numpy(x.grad), expected, rtol=1e-12)
    w = bridge.asarray(RNG.normal(size=(3, 2)))
    w.requires_grad_(True)
    loss = np.linalg.norm(np.dot(x.detach(), w)) + np.median(w)
    loss.backward()
    assert w.grad.shape == (3, 2)
    # (a NumPy function bridge has no version of; einsum_path and common_type have one now)
    with pytest.raises(bridge.autograd.MissingRuleError, match="numpy.is_busday"):
        np.is_busday(x)
    with bridge.no_grad():
        assert np.common_type(x) is np.float64
    assert np.einsum_path("i,i", x, x)[0][0] == "einsum_path"


def test_method_autograd(backend):
    x = bridge.asarray(RNG.normal(size=(2, 3)))
    x.requires_grad_(True)
    x.std(ddof=1).backward()
    a = to_numpy(x.detach())
    expected = (a - a.mean()) / (a.std(ddof=1) * (a.size - 1))
    np.testing.assert_allclose(to_numpy(x.grad), expected, rtol=1e-10)


# ------------------------------------------------------------------ bridge.random


def test_default_rng_matches_numpy(backend, device):
    rng = bridge.random.default_rng(42, device=device)
    ref = np.random.default_rng(42)
    if device.type == "cpu" if hasattr(device, "type") else str(device) == "cpu":
        _same(rng.random(5), ref.random(5))
        _same(rng.normal(1.0, 2.0, size=(2, 3)), ref.normal(1.0, 2.0, size=(2, 3)))
        _same(rng.uniform(-1, 1, size=4), ref.uniform(-1, 1, size=4))
        _same(rng.integers(0, 10, size=6), ref.integers(0, 10, size=6))
        _same(rng.integers(5, size=3, endpoint=True), ref.integers(5, size=3, endpoint=True))
        _same(rng.choice(10, size=4, replace=False), ref.choice(10, size=4, replace=False))
        _same(rng.permutation(6), ref.permutation(6))
        _same(rng.standard_normal(3), ref.standard_normal(3))
        _same(rng.exponential(2.0, size=3), ref.exponential(2.0, size=3))
        _same(rng.random(), np.asarray(ref.random()))
    x = rng.random((3, 2))
    assert x.device == bridge.asarray(0.0, device=device).device
    assert x.shape == (3, 2) and x.dtype == bridge.float64
    assert float(bridge.min(x)) >= 0.0 and float(bridge.max(x)) < 1.0
    assert rng.random(2, dtype=bridge.float32).dtype == bridge.float32
    ints = rng.integers(3, 7, size=100)
    assert int(bridge.min(ints)) >= 3 and int(bridge.max(ints)) <= 6


def test_shuffle_and_permutation_of_tensors(backend, device):
    data = bridge.arange(10, device=device)
    rng = bridge.random.default_rng(0, device=device)
    permuted = rng.permutation(data)
    assert sorted(permuted.tolist()) == list(range(10))
    assert data.tolist() == list(range(10))
    rng.shuffle(data)
    assert sorted(data.tolist()) == list(range(10)) and data.tolist() != list(range(10))
    picked = rng.choice(bridge.asarray([10.0, 20.0, 30.0], device=device), size=5,
                        p=[0.0, 0.5, 0.5])
    assert set(picked.tolist()) <= {20.0, 30.0}
    if str(device) == "cpu":
        ref = np.random.default_rng(0)
        data2 = np.arange(10)
        np.testing.assert_array_equal(to_numpy(bridge.random.default_rng(0).permutation(
            bridge.arange(10))), ref.permutation(data2))
    with pytest.raises(TypeError, match="random.shuffle: x must be a bridge Tensor"):
        rng.shuffle([1, 2, 3])


def test_distribution_parameters_may_be_sequences(backend, device):
    # NumPy's parameters broadcast against size, as lists, tuples, arrays or tensors
    rng = bridge.random.default_rng(3, device=device)
    for loc in ([62.0, 71.0, 55.0], (62, 71, 55), np.array([62.0, 71.0, 55.0]),
                bridge.asarray([62.0, 71.0, 55.0], device=device)):
        x = rng.normal(loc, [1e-9, 1e-9, 1e-9], size=(30, 3))
        assert x.shape == (30, 3) and x.device == device
        np.testing.assert_allclose(to_numpy(x).mean(axis=0), [62.0, 71.0, 55.0], rtol=1e-6)
    u = rng.uniform([0.0, 10.0], [1.0, 11.0], size=(50, 2))
    assert (to_numpy(u).min(axis=0) >= [0.0, 10.0]).all()
    assert (to_numpy(u).max(axis=0) < [1.0, 11.0]).all()
    assert rng.poisson([1.0, 100.0], size=(4, 2)).shape == (4, 2)
    assert rng.binomial(10, 0.5, (3, 4)).shape == (3, 4)
    with pytest.raises(ValueError, match="scale"):
        rng.normal(0.0, [1.0, -1.0])


@pytest.mark.usefixtures("on_cpu")
def test_legacy_functions_match_numpy(backend):
    bridge.random.seed(7)
    np.random.seed(7)
    _same(bridge.random.rand(2, 3), np.random.rand(2, 3))
    _same(bridge.random.randn(4), np.random.randn(4))
    _same(bridge.random.randint(0, 5, size=6), np.random.randint(0, 5, size=6).astype(np.int64))
    _same(bridge.random.normal(0.0, 3.0, 2), np.random.normal(0.0, 3.0, 2))
    _same(bridge.random.uniform(size=2), np.random.uniform(size=2))
    _same(bridge.random.permutation(5), np.random.permutation(5))
    _same(bridge.random.choice(5, 3), np.random.choice(5, 3))
    _same(bridge.random.random_sample(3), np.random.random_sample(3))
    t = bridge.arange(6)
    a = np.arange(6)
    bridge.random.shuffle(t)
    np.random.shuffle(a)
    assert t.tolist() == a.tolist()


def test_random_errors():
    rng = bridge.random.default_rng(0)
    with pytest.raises(TypeError, match="random.integers: dtype must be an integer dtype"):
        rng.integers(0, 3, dtype=bridge.float64)
    with pytest.raises(ValueError, match="random.normal: size="):
        rng.normal(size=(-1,))
    with pytest.raises(TypeError, match="random.random: dtype must be float32 or float64"):
        rng.random(dtype=bridge.int32)


def test_docs_list_every_numpy_name():
    import pathlib

    page = (pathlib.Path(__file__).resolve().parents[1] / "docs" / "numpy.md").read_text()
    missing = [op.name for op in REGISTRY.values() if op.section == "numpy"
               and f"`{op.name}`" not in page]
    assert missing == []


# ------------------------------------------------------------------ issue 19: the rest


def test_where_with_one_argument(backend, device):
    x = bridge.asarray(A34, device=device)
    _same(bridge.where(x > 0), np.where(A34 > 0))
    _same(bridge.where(bridge.asarray([0, 3, 0, 5], device=device)), np.where([0, 3, 0, 5]))
    with pytest.raises(ValueError, match="where: either both or neither"):
        bridge.where(x > 0, x)
    assert str(inspect.signature(bridge.where)) == "(condition, x1, x2, /)"


def test_partition_and_argpartition(backend, device):
    x = bridge.asarray(A345, device=device)
    for kth, axis in ((2, -1), ([0, 3], 1), (-1, 0), (4, None)):
        got = to_numpy(bridge.partition(x, kth, axis=axis))
        expected = np.partition(A345, kth, axis=axis)
        ks = np.atleast_1d(kth)
        ax = -1 if axis is None else axis
        taken = np.take(got, ks, axis=ax)
        np.testing.assert_array_equal(taken, np.take(expected, ks, axis=ax))
        for k in ks % got.shape[ax]:  # a partition: nothing before k is larger
            before = np.take(got, np.arange(k), axis=ax)
            assert (before <= np.take(got, [k], axis=ax)).all()
        idx = to_numpy(bridge.argpartition(x, kth, axis=axis))
        src = A345.ravel() if axis is None else A345
        np.testing.assert_array_equal(np.take_along_axis(src, idx, axis=ax), got)
    with pytest.raises(ValueError, match=r"partition: kth\(=7\) out of bounds \(5\)"):
        bridge.partition(x, 7)


def test_in_place_writes(backend, device):
    for name, args in (("put", ([0, 5, -1], [9.0, 8.0])), ("put", ([7, 13], [1.0], "wrap")),
                       ("put", ([7, -20], [2.0], "clip")),
                       ("place", (A34 > 0, [1.0, 2.0, 3.0])),
                       ("putmask", (A34 > 0, [1.0, 2.0, 3.0])),
                       ("put_along_axis", (np.argsort(A34, axis=1)[:, :2], -1.0, 1)),
                       ("put_along_axis", (np.array([1, 4]), [5.0, 6.0], None)),
                       ("fill_diagonal", (7.0,)), ("fill_diagonal", ([1.0, 2.0], True)),
                       ("copyto", (A34[0] * 2,)), ("copyto", (3, "unsafe", A34 > 0))):
        a = A34.copy()
        x = bridge.asarray(a.copy(), device=device)
        converted = [bridge.asarray(v, device=device) if isinstance(v, np.ndarray) else v
                     for v in args]
        assert getattr(bridge, name)(x, *converted) is None
        getattr(np, name)(a, *args)
        _same(x, a)
    tall = np.zeros((7, 3))
    t = bridge.asarray(tall.copy(), device=device)
    bridge.fill_diagonal(t, 5.0, wrap=True)
    np.fill_diagonal(tall, 5.0, wrap=True)
    _same(t, tall)
    cube = bridge.zeros((3, 3, 3), device=device)
    bridge.fill_diagonal(cube, 1.0)
    _same(cube, np.eye(3)[:, :, None] * np.eye(3)[None] * np.eye(3)[:, None])
    with pytest.raises(IndexError, match="put: index 12 is out of bounds"):
        bridge.put(bridge.zeros((3, 4), device=device), [12], 1.0)
    with pytest.raises(TypeError, match="place: a must be a Tensor"):
        bridge.place(np.zeros(3), [True, False, True], [1.0])
    with pytest.raises(ValueError, match="place: cannot insert from an empty array"):
        bridge.place(bridge.zeros(3, device=device), bridge.asarray([True, False, True]), [])
    # autograd sees the writes
    w = bridge.asarray([1.0, 2.0, 3.0], device=device, requires_grad=True)
    y = bridge.zeros(5, device=device) * 1.0
    bridge.put(y, [0, 4], w[:2] * 3.0)
    bridge.sum(y).backward()
    _same(w.grad, np.array([3.0, 3.0, 0.0]))


def test_creation_from_iterables_buffers_and_functions(backend, device):
    _same(bridge.fromiter((i * i for i in range(5)), bridge.int64), np.fromiter(
        (i * i for i in range(5)), np.int64))
    _same(bridge.fromiter(iter([1.0, 2.0, 3.0]), float, count=2), np.array([1.0, 2.0]))
    raw = np.arange(6, dtype=np.int32).tobytes()
    _same(bridge.frombuffer(raw, dtype=bridge.int32, offset=4), np.frombuffer(raw, np.int32,
                                                                              offset=4))
    _same(bridge.fromfunction(lambda i, j: i * 10 + j, (3, 4)),
          np.fromfunction(lambda i, j: i * 10 + j, (3, 4)))
    _same(bridge.fromfunction(lambda i: i * 2, (4,), dtype=bridge.int64),
          np.fromfunction(lambda i: i * 2, (4,), dtype=np.int64))
    with pytest.raises(TypeError, match="fromiter"):
        bridge.fromiter([1, 2], "float16")  # a numeric dtype beyond the 13
    # strings: NumPy's array (tests/test_numpy_dtypes_beyond.py)
    assert bridge.fromiter([1, 2], "U3").tolist() == np.fromiter([1, 2], "U3").tolist()


def test_iterators_flat_and_index_tricks(backend, device):
    x = bridge.asarray(A23, device=device)
    assert [(i, v) for i, v in bridge.ndenumerate(x)] == [(i, v) for i, v in np.ndenumerate(
        A23)]
    assert list(bridge.ndindex(2, 3)) == list(np.ndindex(2, 3)) == list(bridge.ndindex((2, 3)))
    a = A23.copy()
    y = bridge.asarray(a.copy(), device=device)
    _same(y.flat[4], a.flat[4])
    _same(y.flat[1:5:2], a.flat[1:5:2])
    _same(y.flat[[0, 5]], a.flat[[0, 5]])
    y.flat[::2] = 0.0
    a.flat[::2] = 0.0
    y.flat = y.flat[::-1] if False else y.flat[...]  # reassigning itself changes nothing
    _same(y, a)
    y.flat = [1.0, 2.0]
    a.flat = [1.0, 2.0]
    _same(y, a)
    assert len(y.flat) == 6 and [float(v) for v in y.flat] == a.ravel().tolist()
    _same(bridge.mgrid[0:3, 0:4:2], np.mgrid[0:3, 0:4:2])
    _same(bridge.mgrid[-1:1:5j], np.mgrid[-1:1:5j])
    for g, e in zip(bridge.ogrid[0:3, 0:2], np.ogrid[0:3, 0:2]):
        _same(g, e)
    v = bridge.asarray([7, 8], device=device)
    _same(bridge.r_[1:4, 0, v], np.r_[1:4, 0, [7, 8]])
    _same(bridge.r_["0,2", v, v], np.r_["0,2", [7, 8], [7, 8]])
    _same(bridge.r_["-1,2,0", v, v], np.r_["-1,2,0", [7, 8], [7, 8]])
    _same(bridge.c_[v, v], np.c_[[7, 8], [7, 8]])
    _same(bridge.c_[bridge.asarray(A23.T.copy(), device=device), v[:3] if False else
                    bridge.asarray([1.0, 2.0, 3.0], device=device)],
          np.c_[A23.T, [1.0, 2.0, 3.0]])
    assert bridge.s_[1:3, ::2] == np.s_[1:3, ::2]


def test_emath(backend, device):
    x = np.array([-4.0, 0.25, 9.0])
    for name in ("sqrt", "log", "log2", "log10"):
        _same(getattr(bridge.emath, name)(bridge.asarray(x, device=device)),
              getattr(np.emath, name)(x))
        _same(getattr(bridge.emath, name)(bridge.asarray(np.abs(x), device=device)),
              getattr(np.emath, name)(np.abs(x)))
    u = np.array([-2.0, 0.5])
    for name in ("arcsin", "arccos", "arctanh"):
        _same(getattr(bridge.emath, name)(bridge.asarray(u, device=device)),
              getattr(np.emath, name)(u))
    _same(bridge.emath.power(bridge.asarray(x, device=device), 0.5), np.emath.power(x, 0.5))
    _same(bridge.emath.logn(2.0, bridge.asarray(x, device=device)), np.emath.logn(2.0, x))


def test_dtypes_and_process_state():
    assert bridge.dtype("f8") == bridge.float64 and bridge.dtype("int32") == bridge.int32
    assert isinstance(bridge.asarray([1.0]).dtype, bridge.dtype)
    for name in ("ubyte", "intc", "longlong", "single", "double", "csingle", "cdouble", "int_",
                 "uint", "short", "ushort", "bool_", "intp"):
        assert getattr(bridge, name) == np.dtype(getattr(np, name)), name
        assert bridge.zeros(2, dtype=getattr(bridge, name)).dtype == np.dtype(getattr(np, name))
    assert bridge.issubdtype(bridge.float32, bridge.floating)
    assert bridge.issubdtype(bridge.asarray([1]).dtype, bridge.integer)
    assert not bridge.issubdtype(bridge.int8, bridge.unsignedinteger)
    assert bridge.promote_types(bridge.int8, bridge.uint8) == np.promote_types(np.int8, np.uint8)
    assert bridge.promote_types("f4", "i8") == np.float64
    with pytest.raises(TypeError, match="promote_types"):
        bridge.promote_types(bridge.int8, "U3")
    f = bridge.finfo(bridge.float64)
    for attr in ("eps", "resolution", "tiny", "precision", "epsneg", "nmant", "maxexp",
                 "minexp", "smallest_subnormal", "smallest_normal", "max", "min", "bits"):
        assert getattr(f, attr) == getattr(np.finfo(np.float64), attr), attr
    assert bridge.finfo(bridge.complex64).precision == np.finfo(np.complex64).precision
    assert bridge.iinfo(bridge.uint16).kind == "u" and bridge.iinfo(bridge.int8).max == 127
    assert bridge.__numpy_version__ == np.__version__ and bridge.__version__
    x = bridge.asarray([1.0 / 3.0, 2.0])
    with bridge.printoptions(precision=3):
        assert "0.333," in repr(x) and bridge.get_printoptions()["precision"] == 3
    assert "0.33333333" in repr(x)
    old = bridge.get_printoptions()
    small = bridge.asarray([1e-9, 1.0])
    assert "e-09" in repr(small)
    bridge.set_printoptions(suppress=True, precision=2)
    try:
        assert "e-09" not in repr(small)
    finally:
        bridge.set_printoptions(**old)
    with pytest.raises(ValueError, match="set_printoptions"):
        bridge.set_printoptions(floatmode="sometimes")


def test_seterr_raises_on_the_numpy_backend():
    old = bridge.seterr(divide="raise")
    try:
        assert bridge.geterr()["divide"] == "raise"
        with bridge.use_backend("numpy"):
            with pytest.raises(FloatingPointError):
                bridge.asarray([1.0]) / bridge.asarray([0.0])
        with bridge.errstate(divide="ignore"), bridge.use_backend("numpy"):
            assert float((bridge.asarray([1.0]) / bridge.asarray([0.0]))[0]) == np.inf
    finally:
        bridge.seterr(**old)
    with pytest.raises(ValueError, match="seterr"):
        bridge.seterr(divide="explode")


# ------------------------------------------------------------------ issue 19: the program corpus's findings


def test_standard_names_take_numpys_calls(backend, device):
    """The calls of NumPy the standard leaves open run with NumPy's semantics
    (numpy_programs: sorting_searching, queue_simulation, boolean_masking, ...)."""
    x = bridge.asarray(A34, device=device)
    v = bridge.asarray(V5, device=device)
    _same(bridge.sort(x, axis=None), np.sort(A34, axis=None))
    _same(bridge.sort(v, kind="mergesort"), np.sort(V5, kind="mergesort"))
    _same(bridge.argsort(x, axis=None), np.argsort(A34, axis=None, kind="stable"))
    _same(bridge.argsort(v, kind="stable"), np.argsort(V5, kind="stable"))
    _same(bridge.std(x, ddof=1), np.std(A34, ddof=1))
    _same(bridge.var(x, 0, ddof=1), np.var(A34, 0, ddof=1))
    # float32 sums in another order (the GPU's): a few ulps of the addends, not of the mean
    _same(bridge.mean(x, 0, bridge.float32), np.mean(A34, 0, np.float32), rtol=1e-6,
          atol=4e-7)
    _same(bridge.take(x, [0, 5, 11]), np.take(A34, [0, 5, 11]))
    _same(bridge.repeat(x, [2, 1, 0], axis=0), np.repeat(A34, [2, 1, 0], axis=0))
    _same(bridge.squeeze(bridge.ones((1, 3, 1), device=device)), np.ones(3))
    _same(bridge.reshape(x, 12), A34.reshape(12))
    _same(bridge.reshape(x, (4, 3), order="F"), np.reshape(A34, (4, 3), order="F"))
    _same(bridge.tile(v, 2), np.tile(V5, 2))
    _same(bridge.linspace(0, 1, 5, retstep=True), np.linspace(0, 1, 5, retstep=True))
    ints = [[2, 1], [1, 3]]
    _same(bridge.linalg.solve(bridge.asarray(ints, device=device), bridge.asarray([1, 2], device=device)),
          np.linalg.solve(ints, [1, 2]))
    _same(bridge.linalg.inv(bridge.asarray(ints, device=device)), np.linalg.inv(ints))
    _same(bridge.linalg.det(bridge.asarray(ints, device=device)), np.linalg.det(ints))
    _same(bridge.linalg.cholesky(bridge.asarray(ints, device=device)), np.linalg.cholesky(ints))
    # integer matrices keep their dtype in a matrix power, as NumPy's
    fib = bridge.linalg.matrix_power(bridge.asarray([[1, 1], [1, 0]], device=device), 20)
    assert fib.dtype == bridge.int64 and fib.tolist() == [[10946, 6765], [6765, 4181]]
    _same(bridge.fft.fftshift(bridge.arange(5, device=device)), np.fft.fftshift(np.arange(5)))
    _same(bridge.fft.ifftshift(bridge.arange(6, device=device)), np.fft.ifftshift(np.arange(6)))
    z = np.array([2 + 1j, 1 - 1j, 2 - 3j, 1 + 0j])
    _same(bridge.sort(bridge.asarray(z, device=device)), np.sort(z))
    _same(bridge.argsort(bridge.asarray(z, device=device)), np.argsort(z, kind="stable"))
    _same(bridge.sort_complex(bridge.asarray([3, 1, 2], device=device)), np.sort_complex([3, 1, 2]))
    _same(bridge.sort_complex(bridge.asarray(np.array([3, 1], np.int8), device=device)),
          np.sort_complex(np.array([3, 1], np.int8)))
    # a call both refuse raises the standard's error, as before
    with pytest.raises(TypeError, match="at most 5 positional"):
        bridge.sum(x, 0, None, None, False, 1)
    with pytest.raises(ValueError, match="out of range"):
        bridge.sort(x, axis=5)


def test_round_with_decimals_and_two_python_scalars(backend, device):
    """np.round(x, 2) is NumPy's round (numpy_programs: elementwise_calculus,
    logistic_map); a binary ufunc of two Python scalars computes in NumPy's default
    dtypes (prime_sieve: np.floor_divide(-7, 2))."""
    x = bridge.asarray([0.5, 1.5, 2.675, -1.25], device=device)
    a = np.array([0.5, 1.5, 2.675, -1.25])
    _same(bridge.round(x, 2), np.round(a, 2))
    _same(bridge.round(x, decimals=1), np.round(a, decimals=1))
    _same(bridge.round(bridge.asarray([1234, 150], device=device), -2), np.round([1234, 150], -2))
    out = bridge.empty(4, device=device)
    assert bridge.round(x, 1, out) is out
    _same(out, np.round(a, 1))
    _same(bridge.round(x), np.round(a))          # the ufunc's plain call
    assert bridge.floor_divide(-7, 2).tolist() == -4
    assert bridge.floor_divide(-7, 2).dtype == bridge.int64
    assert bridge.add(1, 2.5).dtype == bridge.float64 and float(bridge.add(1, 2.5)) == 3.5
    assert bridge.hypot(3, 4).tolist() == 5.0 and bool(bridge.less(1, 2))
    assert bridge.logical_xor(True, False).dtype == bridge.bool


def test_str_is_numpys(backend, device):
    """print(x) shows NumPy's text (numpy_programs: printing_arrays); repr stays
    Tensor(...)."""
    a = np.array([[1.5, -2.25], [3.0, 4.0]])
    x = bridge.asarray(a, device=device)
    assert str(x) == str(a) and f"{x}" == str(a)
    assert str(bridge.sum(x)) == str(np.sum(a)) and str(x[0, 0]) == "1.5"
    with bridge.printoptions(precision=2, suppress=True):
        assert str(x / 3) == str(a / 3)
    assert repr(x).startswith("Tensor(")
    assert bridge.array2string(x, separator=", ") == np.array2string(a, separator=", ")
    assert bridge.array_repr(x) == np.array_repr(a) and bridge.array_str(x) == np.array_str(a)
    assert bridge.binary_repr(10, width=6) == "001010" and bridge.base_repr(255, 16) == "FF"


def test_window_functions_and_i0(backend):
    for name in ("hanning", "hamming", "blackman", "bartlett"):
        for m in (0, 1, 2, 7, 16):
            _same(getattr(bridge, name)(m), getattr(np, name)(m), rtol=1e-14, atol=1e-15)
    _same(bridge.kaiser(12, 5.0), np.kaiser(12, 5.0), rtol=1e-14)
    t = np.array([-9.0, -1.0, 0.0, 0.5, 7.9, 8.0, 8.1, 30.0])
    _same(bridge.i0(bridge.asarray(t)), np.i0(t), rtol=1e-14)


def test_histogram2d_and_histogramdd(backend, device):
    x, y = RNG.normal(size=200), RNG.normal(size=200)
    bx, by = bridge.asarray(x, device=device), bridge.asarray(y, device=device)
    _same(bridge.histogram2d(bx, by, bins=5), np.histogram2d(x, y, bins=5))
    _same(bridge.histogram2d(bx, by, bins=[3, 4], range=[[-1, 1], [-2, 2]], density=True),
          np.histogram2d(x, y, bins=[3, 4], range=[[-1, 1], [-2, 2]], density=True))
    w = RNG.uniform(size=200)
    _same(bridge.histogram2d(bx, by, bins=[np.linspace(-2, 2, 5), 3], weights=bridge.asarray(w, device=device)),
          np.histogram2d(x, y, bins=[np.linspace(-2, 2, 5), 3], weights=w))
    pts = RNG.normal(size=(50, 3))
    h, edges = bridge.histogramdd(bridge.asarray(pts, device=device), bins=(2, 3, 4))
    eh, eedges = np.histogramdd(pts, bins=(2, 3, 4))
    _same(h, eh)
    _same(list(edges), list(eedges))


def test_vectorize_frompyfunc_apply_over_axes(backend, device):
    steps = bridge.vectorize(lambda n: n * 2 if n % 2 else n // 2)(bridge.arange(6, device=device))
    _same(steps, np.vectorize(lambda n: n * 2 if n % 2 else n // 2)(np.arange(6)))
    norms = bridge.vectorize(lambda r: float(np.sqrt(np.sum(r ** 2))), signature="(n)->()")(
        bridge.asarray(A34, device=device))
    _same(norms, np.linalg.norm(A34, axis=1))
    typed = bridge.vectorize(lambda v: v, otypes=[bridge.float32])(bridge.asarray([1, 2], device=device))
    assert typed.dtype == bridge.float32
    out = bridge.frompyfunc(lambda a, b: a * b, 2, 1)(bridge.arange(3, device=device), 2)
    assert isinstance(out, np.ndarray) and out.dtype == object and out.tolist() == [0, 2, 4]
    _same(bridge.apply_over_axes(bridge.sum, bridge.asarray(A345, device=device), [0, 2]),
          np.apply_over_axes(np.sum, A345, [0, 2]))


def test_polynomials_and_poly1d(backend, device):
    c = bridge.asarray([1.0, -6.0, 11.0, -6.0], device=device)
    _same(bridge.roots(c), np.roots([1.0, -6.0, 11.0, -6.0]))
    _same(bridge.roots(bridge.asarray([1.0, 0.0, 1.0], device=device)), np.roots([1.0, 0.0, 1.0]))
    _same(bridge.roots(bridge.asarray([2, 0, 0], device=device)), np.roots([2, 0, 0]))
    _same(bridge.poly(bridge.asarray([2.0, -1.0, 0.5], device=device)), np.poly([2.0, -1.0, 0.5]))
    _same(bridge.poly(bridge.asarray([1j, -1j], device=device)), np.poly([1j, -1j]))
    _same(bridge.polyder(bridge.asarray([1, 2, 3, 4], device=device), 2), np.polyder([1, 2, 3, 4], 2))
    _same(bridge.polyint(bridge.asarray([3.0, 2.0, 1.0], device=device), 2, [1.0, 2.0]),
          np.polyint([3.0, 2.0, 1.0], 2, [1.0, 2.0]))
    _same(bridge.polyadd(bridge.asarray([1, 2], device=device), bridge.asarray([1, 0, 0], device=device)),
          np.polyadd([1, 2], [1, 0, 0]))
    _same(bridge.polysub(bridge.asarray([4, 3], device=device), bridge.asarray([1], device=device)),
          np.polysub([4, 3], [1]))
    _same(bridge.polymul(bridge.asarray([1, 1], device=device), bridge.asarray([1, -1], device=device)),
          np.polymul([1, 1], [1, -1]))
    _same(bridge.polydiv(c, bridge.asarray([1.0, 1.0], device=device)),
          np.polydiv([1.0, -6.0, 11.0, -6.0], [1.0, 1.0]))
    p, q = bridge.poly1d(c), np.poly1d([1.0, -6.0, 11.0, -6.0])
    assert str(p) == str(q) and repr(p) == repr(q) and p.order == q.order == len(p)
    _same((p * bridge.poly1d([1.0, 1.0])).coeffs, (q * np.poly1d([1.0, 1.0])).coeffs)
    _same((p + 1).coeffs, (q + 1).coeffs)
    _same((2 - p).coeffs, (2 - q).coeffs)
    _same((p ** 2).coeffs, (q ** 2).coeffs)
    _same(p.deriv().coeffs, q.deriv().coeffs)
    _same(p.integ(k=2.0).coeffs, q.integ(k=2.0).coeffs)
    _same(p(bridge.asarray([0.0, 1.5], device=device)), q(np.array([0.0, 1.5])))
    _same(p(bridge.poly1d([1.0, 0.0])).coeffs, q(np.poly1d([1.0, 0.0])).coeffs)
    _same(bridge.sort(p.r), np.sort(q.r))
    assert p[3] == q[3] and p == bridge.poly1d([1.0, -6.0, 11.0, -6.0]) and p != bridge.poly1d([1.0])
    assert str(bridge.poly1d([2, 0, -1])) == str(np.poly1d([2, 0, -1]))
    _same(bridge.poly1d([1.0, 2.0], r=True).coeffs, np.poly1d([1.0, 2.0], r=True).coeffs)
    _same(bridge.polyval(p, bridge.asarray([2.0, 3.0], device=device)), np.polyval(q, [2.0, 3.0]))


def test_stride_tricks_views(backend, device):
    from bridge.lib.stride_tricks import as_strided, sliding_window_view

    a = np.arange(20.0).reshape(4, 5)
    x = bridge.asarray(a, device=device)
    w = sliding_window_view(x, (2, 3))
    _same(w, np.lib.stride_tricks.sliding_window_view(a, (2, 3)))
    _same(bridge.lib.stride_tricks.sliding_window_view(x, 3, axis=1).sum(axis=-1),
          np.lib.stride_tricks.sliding_window_view(a, 3, axis=1).sum(axis=-1))
    if device.type == "cpu":
        assert not w.flags.writeable and bridge.shares_memory(w, x)
        with pytest.raises(ValueError):
            w[0, 0, 0, 0] = 1.0
        v = bridge.arange(10.0)
        frames = as_strided(v, shape=(4, 4), strides=(16, 8), writeable=False)
        _same(frames, np.lib.stride_tricks.as_strided(np.arange(10.0), (4, 4), (16, 8)))
        assert not bridge.shares_memory(bridge.arange(3), bridge.arange(3))
        assert bridge.may_share_memory(v[1:], v)
    g = bridge.asarray(np.arange(6.0), device=device)
    g.requires_grad_()
    bridge.sum(sliding_window_view(g, 3) * bridge.asarray([1.0, 2.0, 3.0], device=device)).backward()
    assert g.grad.tolist() == [1.0, 3.0, 6.0, 6.0, 5.0, 3.0]
    # NumPy's own function on a tensor is bridge's (its __array_function__)
    windows = np.lib.stride_tricks.sliding_window_view(x, 2, axis=0)
    assert isinstance(windows, bridge.Tensor) and windows.shape == (3, 5, 2)


def test_unique_axis_intersect_indices_block_and_products(backend, device):
    rows = np.array([[1, 2], [3, 4], [1, 2], [5, 6], [3, 4], [0, 9]])
    got = bridge.unique(bridge.asarray(rows, device=device), axis=0, return_index=True,
                        return_inverse=True, return_counts=True)
    _same(got, np.unique(rows, axis=0, return_index=True, return_inverse=True, return_counts=True))
    _same(bridge.unique(bridge.asarray(rows, device=device), axis=1), np.unique(rows, axis=1))
    a, b = np.array([5, 1, 3, 3, 7, 1]), np.array([3, 9, 1, 1, 4])
    _same(bridge.intersect1d(bridge.asarray(a, device=device), bridge.asarray(b, device=device),
                             return_indices=True), np.intersect1d(a, b, return_indices=True))
    blocks = [[np.eye(2), np.zeros((2, 3))], [np.ones((1, 2)), np.full((1, 3), 7)]]
    _same(bridge.block([[bridge.asarray(m, device=device) for m in row] for row in blocks]),
          np.block(blocks))
    _same(bridge.block([bridge.asarray([1, 2], device=device), bridge.asarray([3], device=device)]),
          np.block([np.array([1, 2]), np.array([3])]))
    with pytest.raises(ValueError, match="depths are mismatched"):
        bridge.block([[bridge.ones(2)], bridge.ones(2)])
    m, v = RNG.normal(size=(2, 3, 4)), RNG.normal(size=4)
    _same(bridge.matvec(bridge.asarray(m, device=device), bridge.asarray(v, device=device)),
          np.matvec(m, v))
    _same(bridge.vecmat(bridge.asarray(V3, device=device), bridge.asarray(m, device=device)),
          np.vecmat(V3, m))
    t = RNG.normal(size=(2, 3, 6)) + 0.0
    t = np.eye(6).reshape(2, 3, 6) * 2 + 0.1 * t
    _same(bridge.linalg.tensorinv(bridge.asarray(t, device=device), ind=2), np.linalg.tensorinv(t, ind=2))
    rhs = RNG.normal(size=(2, 3))
    _same(bridge.linalg.tensorsolve(bridge.asarray(t, device=device), bridge.asarray(rhs, device=device)),
          np.linalg.tensorsolve(t, rhs))
    rank = bridge.linalg.lstsq(bridge.asarray(TALL, device=device), bridge.asarray(RHS, device=device))[2]
    assert rank.dtype == bridge.int32 and int(rank) == 3


def test_pad_in_every_mode(backend, device):
    a = np.arange(12).reshape(3, 4)
    f = RNG.normal(size=(3, 4))
    x, y = bridge.asarray(a, device=device), bridge.asarray(f, device=device)
    for mode in ("edge", "wrap", "reflect", "symmetric", "maximum", "minimum", "mean", "median"):
        for width in (1, ((2, 5), (0, 3)), ((7, 1), (9, 6))):
            if mode in ("maximum", "minimum", "mean", "median") and width != 1:
                _same(bridge.pad(x, width, mode=mode, stat_length=2), np.pad(a, width, mode=mode, stat_length=2))
            _same(bridge.pad(x, width, mode=mode), np.pad(a, width, mode=mode))
            _same(bridge.pad(y, width, mode=mode), np.pad(f, width, mode=mode))
    for mode in ("reflect", "symmetric"):
        _same(bridge.pad(y, ((4, 2), (6, 1)), mode=mode, reflect_type="odd"),
              np.pad(f, ((4, 2), (6, 1)), mode=mode, reflect_type="odd"))
        _same(bridge.pad(x, 2, mode=mode, reflect_type="odd"), np.pad(a, 2, mode=mode, reflect_type="odd"))
    _same(bridge.pad(y, (2, 3), mode="linear_ramp", end_values=(0, 10)),
          np.pad(f, (2, 3), mode="linear_ramp", end_values=(0, 10)))
    _same(bridge.pad(x, 2, mode="linear_ramp", end_values=((5, -5), (1, 2))),
          np.pad(a, 2, mode="linear_ramp", end_values=((5, -5), (1, 2))))
    _same(bridge.pad(x, ((1, 2), (0, 1)), constant_values=((-1, 7), (3, 4))),
          np.pad(a, ((1, 2), (0, 1)), constant_values=((-1, 7), (3, 4))))
    assert bridge.pad(x, 1, mode="empty").shape == (5, 6)

    def ten(vector, width, iaxis, kwargs):
        vector[:width[0]] = 10
        vector[vector.size - width[1]:] = 10

    _same(bridge.pad(x, 1, mode=ten), np.pad(a, 1, mode=ten))
    with pytest.raises(ValueError, match="not supported"):
        bridge.pad(x, 1, mode="bogus")


def test_tensor_numpy_attributes(backend, device):
    x = bridge.asarray(np.arange(12).reshape(3, 4), device=device)
    assert x.item(5) == 5 and x.item(2, 3) == 11 and x[1, 1].item() == 5
    assert x.flags.c_contiguous and x.T.flags.f_contiguous
    assert x.base is None or x.base is not x
    q, r = divmod(x, 5)
    _same(q, np.arange(12).reshape(3, 4) // 5)
    _same(r, np.arange(12).reshape(3, 4) % 5)
    _same(divmod(17, x[1:2])[1], np.array([[17 % 4, 17 % 5, 17 % 6, 17 % 7]]))
    assert bridge.euler_gamma == np.euler_gamma
    nodes, weights = bridge.polynomial.legendre.leggauss(5)
    _same(nodes, np.polynomial.legendre.leggauss(5)[0])
    _same(weights, np.polynomial.legendre.leggauss(5)[1])
    c = np.array([1.0, -2.0, 0.5, 3.0])
    t = np.linspace(-1, 1, 7)
    _same(bridge.polynomial.legendre.legval(bridge.asarray(t, device=device), c),
          np.polynomial.legendre.legval(t, c))
    _same(bridge.polynomial.polynomial.polyval(bridge.asarray(t, device=device), c),
          np.polynomial.polynomial.polyval(t, c))


def test_zero_d_results_are_immutable_scalars(backend, device):
    """A 0-d tensor stands for NumPy's scalar: x op= y rebinds it, so the tensor an
    element came from and a list holding an earlier value keep theirs
    (numpy_programs: portfolio_returns)."""
    a = bridge.asarray([1.0, 2.0, 3.0], device=device)
    first = a[0]
    first += 10.0
    assert a.tolist() == [1.0, 2.0, 3.0] and float(first) == 11.0
    total, history = 0.0, []
    for k in range(3):
        total += bridge.sum(a) * (k + 1)
        history.append(total)
    assert [float(h) for h in history] == [6.0, 18.0, 36.0]
    count = bridge.sum(bridge.asarray([1, 2], device=device))
    count += 0.5  # a NumPy int64 scalar becomes float64
    assert count.dtype == bridge.float64 and float(count) == 3.5
    rows = bridge.zeros((2, 2), device=device)
    row = rows[0]
    row += 1.0  # a 1-d view is an array: written in place, as in NumPy
    assert rows.tolist() == [[1.0, 1.0], [0.0, 0.0]]
    w = bridge.asarray(2.0, device=device)  # a 0-d leaf that records gradients
    w.requires_grad_()
    bridge.sum(w * w).backward()
    with bridge.no_grad():
        w -= 0.25 * w.grad
    assert float(w) == 1.0 and w.requires_grad and w.grad_fn is None


def test_generator_and_legacy_distributions(backend):
    """NumPy's other distributions and RandomState (numpy_programs:
    random_distributions, legacy_random, group_by): NumPy's numbers on the CPU."""
    calls = [("binomial", (10, 0.3), {"size": 5}), ("poisson", (3.0,), {"size": 5}),
             ("gamma", (2.0, 1.5), {"size": 4}), ("beta", (2.0, 5.0), {"size": 3}),
             ("geometric", (0.25,), {"size": 4}), ("lognormal", (0.0, 0.5), {"size": 3}),
             ("laplace", (0.0, 1.0), {"size": 3}), ("chisquare", (3.0,), {"size": 3}),
             ("multinomial", (20, [0.2, 0.3, 0.5]), {"size": 2}),
             ("multivariate_normal", ([0.0, 1.0], [[1.0, 0.5], [0.5, 2.0]]), {"size": 3}),
             ("standard_t", (5.0,), {}), ("triangular", (0.0, 0.5, 1.0), {"size": 2})]
    def rng(seed):  # NumPy's stream on any device (a GPU's default draws CuPy's)
        return bridge.random.default_rng(np.random.default_rng(seed))

    for name, args, kwargs in calls:
        _same(getattr(rng(7), name)(*args, **kwargs),
              getattr(np.random.default_rng(7), name)(*args, **kwargs))
    _same(rng(3).permuted(bridge.arange(12).reshape(3, 4), axis=1),
          np.random.default_rng(3).permuted(np.arange(12).reshape(3, 4), axis=1))
    _same(rng(1).poisson(bridge.asarray([1.0, 50.0])), np.random.default_rng(1).poisson([1.0, 50.0]))
    if str(bridge.get_default_device()) != "cpu":
        draw = rng(2).gamma(2.0, size=3)  # on the GPU, from NumPy's stream
        assert draw.device == bridge.get_default_device()
    rs, ref = bridge.random.RandomState(7, device="cpu"), np.random.RandomState(7)
    _same(rs.randint(0, 100, size=4), ref.randint(0, 100, size=4))
    _same(rs.standard_normal(2), ref.standard_normal(2))
    _same(rs.rand(2, 2), ref.rand(2, 2))
    _same(rs.binomial(5, 0.5, size=3), ref.binomial(5, 0.5, size=3))
    _same(rs.choice([1, 2, 3], size=4), ref.choice([1, 2, 3], size=4))
    bridge.random.seed(5)
    np.random.seed(5)
    _same(bridge.random.binomial(5, 0.5, size=4, device="cpu"), np.random.binomial(5, 0.5, size=4))
    _same(bridge.random.poisson(2.0, size=4, device="cpu"), np.random.poisson(2.0, size=4))
    _same(bridge.random.gamma(2.0, size=2, device="cpu"), np.random.gamma(2.0, size=2))
    state = bridge.random.get_state()
    first = bridge.random.rand(3, device="cpu")
    bridge.random.set_state(state)
    _same(bridge.random.rand(3, device="cpu"), np.asarray(first))
    # the legacy stream is NumPy's frozen one on every device, moved to the device
    bridge.random.seed(11)
    np.random.seed(11)
    here = bridge.random.randn(2, 3)
    assert here.device == bridge.get_default_device()
    _same(here, np.random.randn(2, 3))
    _same(bridge.random.permutation(bridge.arange(5)), np.random.permutation(5))
    rs = bridge.random.RandomState(3)
    assert rs.standard_gamma(2.0, size=2).device == bridge.get_default_device()
    _same(rs.choice(4, size=3), _legacy_after_gamma(3))


def _legacy_after_gamma(seed):
    ref = np.random.RandomState(seed)
    ref.standard_gamma(2.0, size=2)
    return ref.choice(4, size=3)


def test_dtype_names_are_numpys_scalar_types(backend, device):
    """np.float32(0.1), np.int8(10) + x, x.dtype == np.int8 (numpy_programs:
    dtype_handling, bit_tricks): the dtype names are NumPy's scalar types, which stand
    for their dtypes wherever a dtype goes."""
    assert bridge.int8 is np.int8 and bridge.float64 is np.float64 and bridge.bool is np.bool
    assert bridge.double is np.double and bridge.intp is np.intp
    x = bridge.asarray(np.array([100, 120, -128, 127], dtype=np.int8), device=device)
    wrapped = x + bridge.int8(10)  # int8 wraps around, as NumPy's
    assert wrapped.dtype == np.int8 and wrapped.tolist() == [110, -126, -118, -119]
    third = bridge.float32(1) / bridge.float32(3)
    assert third.dtype == np.float32 and isinstance(bridge.float64(2.5), float)
    assert bridge.zeros(2, bridge.float32, device=device).dtype == bridge.float32
    assert bridge.asarray([1, 2], dtype=bridge.uint8, device=device).dtype == np.dtype("uint8")
    assert bridge.finfo(bridge.float32).eps == float(np.finfo(np.float32).eps)
    assert bridge.iinfo(bridge.int16).max == 32767
    assert bridge.result_type(bridge.int8, bridge.float32) == np.float32
    assert bridge.isdtype(bridge.float32, "real floating")
    assert bridge.arange(6, device=device)[bridge.int64(1):bridge.int64(3)].tolist() == [1, 2]
    assert bridge.can_cast(bridge.int64, bridge.float32) == np.can_cast(np.int64, np.float32)
    assert bridge.can_cast(bridge.int8, bridge.int16, casting="safe")
    assert not bridge.can_cast(bridge.float64, bridge.int8, casting="same_kind")
    assert bridge.can_cast(x, bridge.int32, casting="safe")


def test_quantile_methods_and_nan_quantiles(backend, device):
    """NumPy's 13 quantile methods; nanmedian/nanquantile along an axis with NaNs in a
    slice (the median of [nan, 4.0] is 4.0, not NaN)."""
    a = RNG.normal(size=(3, 8))
    an = a.copy()
    an.ravel()[::3] = np.nan
    q = [0.0, 0.1, 0.25, 0.5, 0.77, 1.0]
    for method in ("inverted_cdf", "averaged_inverted_cdf", "closest_observation",
                   "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
                   "normal_unbiased", "lower", "higher", "midpoint", "nearest"):
        _same(bridge.quantile(bridge.asarray(a, device=device), q, axis=-1, method=method),
              np.quantile(a, q, axis=-1, method=method), rtol=1e-13, atol=1e-14)
        _same(bridge.nanquantile(bridge.asarray(an, device=device), q, axis=1, method=method),
              np.nanquantile(an, q, axis=1, method=method), rtol=1e-13, atol=1e-14)
    _same(bridge.percentile(bridge.asarray(a, device=device), 30, method="weibull"),
          np.percentile(a, 30, method="weibull"))
    m = np.array([[1.0, np.nan], [3.0, 4.0]])
    _same(bridge.nanmedian(bridge.asarray(m, device=device), axis=0), np.nanmedian(m, axis=0))
    _same(bridge.nanpercentile(bridge.asarray(m, device=device), 50, axis=1),
          np.nanpercentile(m, 50, axis=1))


def test_weighted_cov_and_more_functions(backend, device):
    a = RNG.normal(size=(3, 6))
    fw, aw = np.array([1, 2, 1, 3, 1, 1]), RNG.uniform(size=6)
    x = bridge.asarray(a, device=device)
    for kw in (dict(fweights=fw), dict(aweights=aw), dict(fweights=fw, aweights=aw),
               dict(fweights=fw, aweights=aw, ddof=0), dict(aweights=aw, bias=True)):
        args = {k: bridge.asarray(v, device=device) if isinstance(v, np.ndarray) else v
                for k, v in kw.items()}
        _same(bridge.cov(x, **args), np.cov(a, **kw))
    _same(bridge.cov(bridge.asarray(a, dtype=bridge.float32, device=device)),
          np.cov(a.astype(np.float32)), rtol=1e-6)  # float64, as NumPy's
    i = np.arange(12).reshape(3, 4)
    t = bridge.asarray(i, device=device)
    for args, kw in (((1, 99), {}), (([1, 3], [7, 8]), {}), (([3, 1, 1], -1), {}),
                     ((slice(0, 4, 2), 5), {}), ((0, 5), {"axis": 1}),
                     (([0, 2], [[1], [2], [3]]), {"axis": 1}), ((1, [1, 2, 3, 4]), {"axis": 0}),
                     ((2, 7.7), {"axis": 1})):
        _same(bridge.insert(t, *args, **kw), np.insert(i, *args, **kw))
    p = np.cumsum(RNG.normal(size=20) * 2)
    _same(bridge.unwrap(bridge.asarray(p, device=device)), np.unwrap(p))
    _same(bridge.unwrap(bridge.asarray([0, 3, 5, 10, 12], device=device), period=6),
          np.unwrap([0, 3, 5, 10, 12], period=6))
    _same(bridge.linspace([0, 1], [1, 2], 3, axis=1), np.linspace([0, 1], [1, 2], 3, axis=1))
    _same(bridge.linspace(0, [10, 20], 5, dtype=int), np.linspace(0, [10, 20], 5, dtype=int))
    _same(bridge.linspace(bridge.asarray([0.0, 5.0], device=device), 10, 4, endpoint=False,
                          retstep=True), np.linspace([0.0, 5.0], 10, 4, endpoint=False, retstep=True))
    f = np.arange(12.0).reshape(3, 4)
    y = bridge.asarray(f, device=device)
    _same(bridge.einsum(y, [0, 1], y, [2, 1], [0, 2]), np.einsum(f, [0, 1], f, [2, 1], [0, 2]))
    _same(bridge.einsum(y, [Ellipsis, 1]), np.einsum(f, [Ellipsis, 1]))
    _same(bridge.indices((2, 3), sparse=True), np.indices((2, 3), sparse=True))
    assert bridge.ascontiguousarray(y.T).flags.c_contiguous
    assert bridge.copy(y, order="F").flags.f_contiguous
    assert y.T.tobytes("F") == f.T.tobytes("F") and t.tobytes() == i.tobytes()
    assert bridge.iterable([1]) and not bridge.iterable(3)
    bridge.testing.assert_allclose(y, f)
    bridge.testing.assert_array_equal(t, i)
    with pytest.raises(AssertionError):
        bridge.testing.assert_array_equal(t, i + 1)


def test_random_bit_generators_and_seed_sequences(backend):
    g = bridge.random.Generator(bridge.random.PCG64(3))
    _same(g.random(3), np.random.Generator(np.random.PCG64(3)).random(3))
    seeded = bridge.random.default_rng(bridge.random.SeedSequence(5)).random(2)
    assert seeded.device == bridge.get_default_device()
    if str(bridge.get_default_device()) != "cpu":
        # a GPU Generator draws CuPy's stream: a SeedSequence seeds it reproducibly
        _same(seeded, to_numpy(bridge.random.default_rng(bridge.random.SeedSequence(5)).random(2)))
        other = bridge.random.default_rng(bridge.random.SeedSequence(6)).random(2)
        assert not bool(bridge.all(other == seeded))
    else:
        _same(seeded, np.random.default_rng(np.random.SeedSequence(5)).random(2))
        kids = bridge.random.default_rng(4).spawn(2)
        _same(kids[1].random(2), np.random.default_rng(4).spawn(2)[1].random(2))
        assert isinstance(bridge.random.default_rng(1).bit_generator, np.random.PCG64)
    assert bridge.random.MT19937 is np.random.MT19937


def test_numpy_assignment_and_scalar_dtypes(backend, device):
    """a[i] = 7.9 into integers truncates as NumPy's cast; x.shape = ... reshapes in
    place; NumPy scalars give full and linspace their dtype."""
    a = bridge.arange(5, device=device)
    a[1] = 7.9
    a[2] = -2.5
    assert a.tolist() == [0, 7, -2, 3, 4]
    flags = bridge.zeros(2, dtype=bridge.bool, device=device)
    flags[0] = 0.5
    assert flags.tolist() == [True, False]
    with pytest.raises(ValueError, match="NaN"):
        a[0] = float("nan")
    with pytest.raises(OverflowError):
        bridge.zeros(2, dtype=bridge.int8, device=device)[0] = 300.5
    x = bridge.arange(6.0, device=device)
    view = x[:]
    x.shape = (2, 3)
    assert x.shape == (2, 3) and view.shape == (6,)
    x[0, 0] = 10.0
    assert float(view[0]) == 10.0  # the same memory
    with pytest.raises(AttributeError, match="Incompatible shape"):
        x.T.shape = 6
    assert bridge.full(3, np.float32(1.5), device=device).dtype == bridge.float32
    assert bridge.full(3, np.int8(4), device=device).dtype == bridge.int8
    assert bridge.full(3, 4, device=device).dtype == bridge.int64
    assert bridge.linspace(np.float32(0), 1, 3, device=device).dtype == bridge.float32


def test_new_random_draws_follow_vmaps_randomness(backend):
    """NumPy's other distributions (Generator, legacy, RandomState) take part in vmap's
    randomness rules as bridge's first ones do."""
    from bridge.func import VmapError, vmap

    x = bridge.ones(3)
    with pytest.raises(VmapError, match="random.binomial"):
        vmap(lambda v: v + bridge.random.default_rng(0).binomial(5, 0.5))(x)
    with pytest.raises(VmapError, match="random.poisson"):
        vmap(lambda v: v + bridge.random.poisson(2.0))(x)
    with pytest.raises(VmapError, match="random.gamma"):
        vmap(lambda v: v + bridge.random.RandomState(1).gamma(2.0))(x)
    same = vmap(lambda v: v + bridge.random.default_rng(0).poisson(2.0), randomness="same")(x)
    assert len(set(same.tolist())) == 1


def test_printing_options_are_checked(backend, device):
    """NumPy's printing writes into an array passed as max_line_width; bridge's checks
    the options first (the fuzzer's finding), so a tensor argument never changes."""
    x = bridge.asarray([[1, 2], [3, 4]], device=device)
    width = bridge.asarray([[40]], device=device)
    assert bridge.array_repr(x, width) == np.array_repr(np.array([[1, 2], [3, 4]]), 40)
    assert width.tolist() == [[40]]
    with pytest.raises(TypeError, match="array_repr: max_line_width must be an int"):
        bridge.array_repr(x, 40.5)
    assert bridge.array_repr(x, bridge.asarray(40)) == np.array_repr(np.array([[1, 2], [3, 4]]), 40)
    with pytest.raises(TypeError, match="array2string: separator must be a str"):
        bridge.array2string(x, separator=False)
    with pytest.raises(TypeError, match="array_str: suppress_small must be a bool"):
        bridge.array_str(x, suppress_small=x)


def test_zero_d_rebinding_keeps_the_standards_in_place_dtype_rule(backend, device):
    """A 0-d tensor rebinds under op= (NumPy's scalars), but with a tensor operand the
    standard's rule holds: an in-place operator never changes the target's dtype (a
    same-kind result is cast back, another kind raises) or its shape."""
    x = bridge.asarray(3, dtype=bridge.int8, device=device)
    x += bridge.asarray(100, dtype=bridge.int16, device=device)
    assert x.dtype == bridge.int8 and int(x) == 103
    y = bridge.asarray(3, device=device)
    with pytest.raises(TypeError, match="__iadd__"):
        y += bridge.asarray(1.5, device=device)
    z = bridge.asarray(2.0, device=device)
    with pytest.raises(ValueError, match="__imul__"):
        z *= bridge.ones(3, device=device)
    w = bridge.asarray(1.0, dtype=bridge.float32, device=device)
    w *= 2.5  # a Python scalar of the same kind: float32 stays
    assert w.dtype == bridge.float32 and float(w) == 2.5


def test_numpy_functions_bridge_has_never_take_numpys_fallback():
    """numpy.<name>(tensor) for a name bridge has runs bridge's implementation (NumPy's
    fallback runs only on host memory: np.real(t) of a GPU tensor raised)."""
    from bridge import _numpy_protocols

    table = _numpy_protocols._function_table()
    missing = []
    for module, ours in ((np, bridge), (np.linalg, bridge.linalg), (np.fft, bridge.fft)):
        for name in dir(module):
            func = getattr(module, name)
            if callable(func) and hasattr(func, "_implementation") and hasattr(ours, name) \
                    and func not in table:
                missing.append(f"{module.__name__}.{name}")
    assert missing == []


def test_numpy_real_imag_and_standard_names_through_the_protocol(backend, device):
    z = np.array([[1 + 2j, 3], [4, 5j]])
    t = bridge.asarray(z, device=device)
    for got, expected in ((np.real(t), np.real(z)), (np.imag(t), np.imag(z)),
                          (np.cumulative_prod(t, axis=0), np.cumulative_prod(z, axis=0)),
                          (np.unstack(t)[1], np.unstack(z)[1]),
                          (np.linalg.vecdot(t, t), np.linalg.vecdot(z, z)),
                          (np.linalg.matmul(t, t), np.linalg.matmul(z, z)),
                          (np.linalg.tensordot(t, t, axes=1), np.linalg.tensordot(z, z, axes=1)),
                          (np.take_along_axis(t, bridge.asarray([[1], [0]], device=device), 1),
                           np.take_along_axis(z, np.array([[1], [0]]), 1)),
                          (np.take_along_axis(t, bridge.asarray([3, 0], device=device), None),
                           np.take_along_axis(z, np.array([3, 0]), None))):
        assert isinstance(got, bridge.Tensor) and got.device == t.device
        _same(got, expected)
    _same(np.unique_counts(bridge.asarray([1, 1, 2], device=device)).counts, np.array([2, 1]))


def test_list_index_holding_tensors_stays_on_the_device(backend, device):
    """U[[k, p], :] with p = k + argmax(...) (numpy_programs: lu_decomposition): the
    list is built on the tensor's device, never through host memory."""
    a = np.arange(12.0).reshape(4, 3)
    u = bridge.asarray(a, device=device)
    p = bridge.argmax(u[:, 0])
    _same(u[[0, p], :], a[[0, 3], :])
    _same(u[[[1], [p]]], a[[[1], [3]]])
    u[[0, p], :] = u[[p, 0], :]
    a[[0, 3], :] = a[[3, 0], :]
    _same(u, a)
    mask = [bridge.asarray(True, device=device), False, True, False]
    _same(u[mask], a[[True, False, True, False]])


def test_label_arrays_through_more_numpy_names(backend):
    """setxor1d, select, delete, insert, split, ... of strings give NumPy's arrays
    (numpy_programs: tag_sets); a Tensor among them is the mixing TypeError."""
    a, b = np.array(["red", "blue", "teal"]), np.array(["blue", "black"])
    for got, expected in (
            (bridge.setxor1d(a, b), np.setxor1d(a, b)),
            (bridge.select([[True, False, True]], [a], default="none"),
             np.select([[True, False, True]], [a], default="none")),
            (bridge.delete(a, 1), np.delete(a, 1)), (bridge.insert(a, 1, "x"), np.insert(a, 1, "x")),
            (bridge.array_split(a, 2)[0], np.array_split(a, 2)[0]),
            (bridge.column_stack([a, a]), np.column_stack([a, a])),
            (bridge.rot90(np.array([a])), np.rot90(np.array([a])))):
        assert type(got) is np.ndarray
        np.testing.assert_array_equal(got, expected)
    with pytest.raises(TypeError, match="select: cannot combine a bridge Tensor"):
        bridge.select([bridge.asarray([True, False, True])], [a])


def test_round_of_a_zero_d_tensor_is_numpys_scalar_round(backend, device):
    """round(np.linalg.det(m)) is an int, round(x, 2) a 0-d tensor (numpy_programs:
    network_flows); round() of an N-d tensor or a complex one is a TypeError."""
    det = bridge.linalg.det(bridge.asarray([[2.0, 1.0], [1.0, 3.0]], device=device))
    assert round(det) == 5 and type(round(det)) is int
    assert round(bridge.asarray(2.5, device=device)) == round(np.float64(2.5)) == 2
    assert type(round(bridge.sum(bridge.asarray([1, 2], device=device)))) is int
    got = round(bridge.asarray(2.675, device=device), 2)
    assert isinstance(got, bridge.Tensor) and got.shape == () and got.dtype == np.float64
    assert float(got) == float(round(np.float64(2.675), 2))
    with pytest.raises(TypeError, match="Tensor.__round__"):
        round(bridge.asarray([1.5], device=device))
    with pytest.raises(TypeError, match="Tensor.__round__"):
        round(bridge.asarray(1 + 1j, device=device))


def test_fromstring_reads_separated_text(backend, device):
    got = bridge.fromstring("1,2,3,4", dtype=int, sep=",")
    _same(got, np.fromstring("1,2,3,4", dtype=int, sep=","))
    _same(bridge.fromstring("1.5 -2 3e2", sep=" "), np.fromstring("1.5 -2 3e2", sep=" "))
    _same(bridge.fromstring("1 2 3", dtype=np.float32, count=2, sep=" "),
          np.fromstring("1 2 3", dtype=np.float32, count=2, sep=" "))
    assert bridge.fromstring("1 2", sep=" ", device=device).device == device
    with pytest.raises(ValueError, match="bridge.fromstring: the binary mode"):
        bridge.fromstring(b"abcd", dtype=np.uint8)
    with pytest.raises(TypeError, match="bridge.fromstring"):
        bridge.fromstring(3, sep=" ")


@pytest.mark.parametrize("name", ["auto", "fd", "doane", "scott", "stone", "rice",
                                  "sturges", "sqrt"])
def test_histogram_string_bin_estimators(backend, device, name):
    """np.histogram(x, bins='auto') and the other estimators give NumPy's edges
    (numpy_programs: weather_histograms)."""
    rng = np.random.default_rng(8)
    for data, rng_arg in ((rng.normal(15, 8, 365), None), (rng.integers(0, 40, 200), None),
                          (rng.gamma(1.5, 2.0, 300).astype(np.float32), (0.0, 6.0)),
                          (np.full(5, 2.0), None)):
        x = bridge.asarray(data, device=device)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # stone: "may be suboptimal"
            edges = np.histogram_bin_edges(data, bins=name, range=rng_arg)
            counts = np.histogram(data, bins=name, range=rng_arg)[0]
            got_edges = bridge.histogram_bin_edges(x, bins=name, range=rng_arg)
            got_counts = bridge.histogram(x, bins=name, range=rng_arg)[0]
        _same(got_edges, edges)
        np.testing.assert_array_equal(to_numpy(got_counts), counts)
    with pytest.raises(ValueError, match="histogram: 'bogus' is not a valid estimator"):
        bridge.histogram(bridge.asarray([1.0, 2.0], device=device), bins="bogus")
    with pytest.raises(TypeError, match="histogram: automated estimation"):
        bridge.histogram(bridge.asarray([1.0, 2.0], device=device), bins=name,
                         weights=bridge.asarray([1.0, 1.0], device=device))


def test_ma_is_numpys_masked_arrays_over_cpu_tensors(backend, device):
    """np.ma.masked_invalid(x).mean(axis=1) (numpy_programs: sensor_gaps): bridge.ma is
    NumPy's numpy.ma, its functions taking CPU tensors; a GPU tensor is a TypeError."""
    data = np.array([[1.0, np.nan, 3.0], [np.nan, np.nan, np.nan], [4.0, 5.0, 0.5]])
    from bridge.ma import masked_invalid

    assert bridge.ma.masked is np.ma.masked and bridge.ma.MaskedArray is np.ma.MaskedArray
    x = bridge.asarray(data, device=device)
    if device.type != "cpu":
        with pytest.raises(TypeError, match="bridge.ma.masked_invalid: masked arrays"):
            masked_invalid(x)
        return
    m = masked_invalid(x)
    assert isinstance(m, np.ma.MaskedArray)
    expected = np.ma.masked_invalid(data)
    np.testing.assert_array_equal(m.mean(axis=1).filled(-1.0), expected.mean(axis=1).filled(-1.0))
    np.testing.assert_array_equal(bridge.ma.masked_where(x > 3, x).mask,
                                  np.ma.masked_where(data > 3, data).mask)
    assert bridge.ma.array(bridge.arange(3), mask=[0, 1, 0]).sum() == 2
    np.testing.assert_array_equal((m + bridge.ones(3)).filled(0.0), (expected + 1).filled(0.0))
    with pytest.raises(AttributeError, match="bridge.ma"):
        bridge.ma.no_such_name  # noqa: B018


def test_polynomial_class_fit_convert_and_calculus(backend, device):
    """numpy.polynomial.Polynomial (numpy_programs: trend_fitting): fit in the scaled
    variable, convert to the plain series, evaluation, calculus, roots, arithmetic."""
    from bridge.polynomial import Polynomial

    x = np.linspace(0, 5, 30)
    y = 1.5 * x ** 2 - 2.0 * x + 0.5 + 0.3 * np.sin(7 * x)
    P = np.polynomial.Polynomial.fit(x, y, 2)
    Q = Polynomial.fit(bridge.asarray(x, device=device), bridge.asarray(y, device=device), 2)
    tol = {"rtol": 1e-10, "atol": 1e-10}
    _same(Q.coef, P.coef, **tol)
    _same(Q.domain, P.domain)
    _same(Q.convert().coef, P.convert().coef, **tol)
    _same(Q(bridge.asarray(x, device=device)), P(x), **tol)
    _same(Q.deriv().coef, P.deriv().coef, **tol)
    _same(Q.integ(2, k=[1, 2], lbnd=1).coef, P.integ(2, k=[1, 2], lbnd=1).coef, **tol)
    _same(Q.roots(), P.roots(), **tol)
    assert str(Q) == str(P) and repr(Q) == repr(P)
    A, N = Polynomial([1, 2, 3]), np.polynomial.Polynomial([1, 2, 3])
    for got, expected in (((A * A).coef, (N * N).coef), ((A + 1).coef, (N + 1).coef),
                          ((2 - A).coef, (2 - N).coef), ((A ** 3).coef, (N ** 3).coef),
                          (A.roots(), N.roots()), (A(Polynomial([0, 1, 1])).coef,
                                                   N(np.polynomial.Polynomial([0, 1, 1])).coef),
                          (Polynomial.fromroots([1, 2, 3]).coef,
                           np.polynomial.Polynomial.fromroots([1, 2, 3]).coef)):
        _same(got, expected)
    assert A.degree() == 2 and len(A) == 3 and A == Polynomial([1.0, 2.0, 3.0])
    with pytest.raises(TypeError, match="Domains differ"):
        A + Polynomial([1], domain=[0, 1])
    from bridge.polynomial import polynomial as pp

    c, (res, rank, sv, rcond) = pp.polyfit(bridge.asarray(x, device=device),
                                           bridge.asarray(y, device=device), 3, full=True)
    c2, (res2, rank2, sv2, rcond2) = np.polynomial.polynomial.polyfit(x, y, 3, full=True)
    _same(c, c2, **tol)
    _same(sv, sv2, **tol)
    assert rank == rank2 and rcond == rcond2
    _same(pp.polyder([1.0, 2, 3, 4], 2, 3), np.polynomial.polynomial.polyder([1, 2, 3, 4], 2, 3))
    _same(pp.polyint([1.0, 2, 3], 2, [1], 2, 3),
          np.polynomial.polynomial.polyint([1, 2, 3], 2, [1], 2, 3))


def test_sizes_beyond_the_machine_are_a_memory_error(backend, monkeypatch):
    """kaiser(2**31), histogramdd(x, 2**31) computed every sample or bin and the kernel
    killed the process (the fuzzer's HUGE sizes); such a size is a MemoryError naming
    the function before anything is computed."""
    from bridge._ops import numpy_extras

    monkeypatch.setattr(numpy_extras, "_physical_memory", lambda: 2**30)
    for call, name in ((lambda: bridge.kaiser(2**31, 0.0), "kaiser"),
                       (lambda: bridge.hanning(2**31), "hanning"),
                       (lambda: bridge.histogramdd(bridge.ones(3), 2**31), "histogramdd"),
                       (lambda: bridge.histogram(bridge.ones(3), 2**31), "histogram")):
        with pytest.raises(MemoryError, match=f"^{name}: 2147483648 elements"):
            call()
    _same(bridge.kaiser(5, 2.0), np.kaiser(5, 2.0))
    _same(bridge.histogram(bridge.asarray([1.0, 2.0]), 3)[0], np.histogram([1.0, 2.0], 3)[0])


def test_random_choice_of_strings_gives_numpys_array(backend):
    """rng.choice(["north", "south", "east"], p=...) (numpy_programs: survey_sampling):
    a population beyond the 13 dtypes draws NumPy's array of it, NumPy's picks."""
    labels = ["north", "south", "east"]
    got = bridge.random.default_rng(99).choice(labels, size=6, p=[0.5, 0.3, 0.2])
    assert isinstance(got, np.ndarray) and got.dtype.kind == "U"
    assert set(got.tolist()) <= set(labels)
    if str(bridge.get_default_device()) == "cpu":  # (a GPU Generator draws CuPy's stream)
        assert got.tolist() == np.random.default_rng(99).choice(labels, size=6,
                                                                 p=[0.5, 0.3, 0.2]).tolist()
    bridge.random.seed(4)
    np.random.seed(4)
    assert bridge.random.choice(labels, 3).tolist() == np.random.choice(labels, 3).tolist()
    assert bridge.random.RandomState(2).choice(labels, 2).tolist() == \
        np.random.RandomState(2).choice(labels, 2).tolist()
    with pytest.raises((TypeError, ValueError), match="asarray|Tensor.__array__"):  # no mix
        bridge.random.default_rng(0).choice([bridge.asarray(1.0), "a"])


def test_take_modes_wrap_clip_and_out(backend, device):
    """np.take(a, idx, mode='wrap' / 'clip') (numpy_programs: triangular_masks): NumPy's
    modes on the function and the method (out-of-range indices wrap or clip, a negative
    index clips to 0), and ``out``."""
    a = np.arange(12).reshape(3, 4)
    t = bridge.asarray(a, device=device)
    for mode in ("wrap", "clip"):
        for idx in ([-1, 2, 9], [[0, -7], [3, 4]], -5):
            _same(bridge.take(t, idx, mode=mode), np.take(a, idx, mode=mode))
            _same(t.take(idx, mode=mode), a.take(idx, mode=mode))
            _same(bridge.take(t, idx, axis=1, mode=mode), np.take(a, idx, axis=1, mode=mode))
    with pytest.raises(IndexError, match="^take"):
        bridge.take(t, [12])
    with pytest.raises((TypeError, ValueError), match="^take"):
        bridge.take(t, [0], mode="nearest")
    out = bridge.zeros(2, dtype=bridge.int64, device=device)
    assert bridge.take(t, [1, 99], mode="clip", out=out) is out
    _same(out, np.array([1, 11]))


def test_frompyfunc_has_the_ufunc_methods(backend, device):
    """np.frompyfunc(f, 2, 1).accumulate(...) (numpy_programs: row_functions): the
    result is a ufunc with NumPy's methods, on tensors too, giving NumPy's object
    arrays."""
    def gcd(a, b):
        return a if b == 0 else int(np.gcd(a, b))
    f = bridge.frompyfunc(gcd, 2, 1)
    g = np.frompyfunc(gcd, 2, 1)
    x = np.array([48, 36, 120, 18, 7])
    t = bridge.asarray(x, device=device)
    assert f.accumulate(t).tolist() == g.accumulate(x.astype(object)).tolist()
    assert f.reduce(t) == g.reduce(x.astype(object))
    assert f.outer(t[:2], t[:3]).tolist() == g.outer(x[:2], x[:3]).tolist()
    assert f(t, 6).tolist() == g(x, 6).tolist()
    assert (f.nin, f.nout, f.__name__) == (2, 1, "gcd")
    with pytest.raises(TypeError, match="^frompyfunc"):
        f.at(t, [0], 2)


def test_digitize_decreasing_bins(backend, device):
    """np.digitize(x, bins) with decreasing bins: NumPy's len(bins) - searchsorted of
    the reversed bins on the same side (the two sides were swapped)."""
    x = np.array([3.0, 2.0, 1.0, 0.5, 4.0, 2.5])
    t = bridge.asarray(x, device=device)
    for bins in ([3.0, 2.0, 1.0], [4.0, 2.5, 2.5, 0.0], [1.0, 2.0, 3.0]):
        for right in (False, True):
            _same(bridge.digitize(t, bins, right=right), np.digitize(x, bins, right=right))


def test_histogram_counts_have_the_weights_dtype(backend, device):
    """np.histogram(..., weights=ints) gives integer counts, float32 weights float32
    counts, as NumPy's (bridge's were float64)."""
    a = np.array([1.0, 2.0, 2.0, 3.0])
    for w in (np.array([1, 2, 3, 4]), np.array([1, 2, 3, 4], dtype=np.int32),
              np.array([0.5, 1, 2, 4], dtype=np.float32), np.array([0.5, 1, 2, 4])):
        got = bridge.histogram(bridge.asarray(a, device=device), 3, range=(0, 3),
                               weights=bridge.asarray(w, device=device))[0]
        want = np.histogram(a, 3, range=(0, 3), weights=w)[0]
        assert got.dtype == want.dtype
        _same(got, want)


def test_full_casts_a_float_fill_as_numpy(backend, device):
    """np.full_like(int_array, 2.7) is [2, 2, 2] and np.full(2, 3.9, dtype=np.uint8)
    [3, 3]: NumPy casts the fill value unsafely (bridge refused the call)."""
    a = np.arange(3)
    t = bridge.asarray(a, device=device)
    _same(bridge.full_like(t, 2.7), np.full_like(a, 2.7))
    _same(bridge.full_like(t, -2.7, shape=(2, 2)), np.full_like(a, -2.7, shape=(2, 2)))
    _same(bridge.full_like(bridge.zeros(2, dtype=bridge.bool, device=device), 0.5),
          np.full_like(np.zeros(2, dtype=bool), 0.5))
    _same(bridge.full(2, 3.9, dtype=bridge.uint8, device=device), np.full(2, 3.9, dtype=np.uint8))
    _same(bridge.full((2,), np.float32(2.5), dtype=int, device=device),
          np.full((2,), np.float32(2.5), dtype=int))
    _same(bridge.full(2, 2.5, device=device), np.full(2, 2.5))
    with pytest.raises((TypeError, ValueError, OverflowError), match="full"):
        bridge.full(2, 300, dtype=bridge.uint8)


def test_min_scalar_type(backend, device):
    for v in (300, -1, 255, 1.5, 1e300, 1 + 2j, True):
        assert bridge.min_scalar_type(v) == np.min_scalar_type(v)
    assert bridge.min_scalar_type(bridge.arange(3, device=device)) == bridge.int64
    assert bridge.min_scalar_type(bridge.asarray(7, device=device)) == np.min_scalar_type(7)


def test_polyder_polyint_of_a_huge_order(backend, monkeypatch):
    """polyder(p, m=2**63 - 1) ran 2**63 derivative steps (the fuzzer's hang): past the
    empty polynomial every derivative is empty; polyint of such an order is a
    MemoryError naming the function."""
    from bridge._ops import numpy_extras

    p = bridge.asarray([1.0, 1.0, 1.0])
    assert bridge.polyder(p, m=2**63 - 1).shape == (0,)
    _same(bridge.polyder(p, 5), np.polyder([1.0, 1.0, 1.0], 5))
    _same(bridge.polyder(p, 1), np.polyder([1.0, 1.0, 1.0], 1))
    monkeypatch.setattr(numpy_extras, "_physical_memory", lambda: 2**30)
    with pytest.raises(MemoryError, match="^polyint"):
        bridge.polyint(p, 2**31)
    _same(bridge.polyint(p, 3), np.polyint([1.0, 1.0, 1.0], 3))


def test_polyfit_cov(backend, device):
    """np.polyfit(x, y, deg, cov=True) (and cov='unscaled', weights, a 2-d y): NumPy's
    covariance of the coefficients (bridge refused cov=True)."""
    x = np.arange(8.0)
    y = np.array([1.0, 3, 2, 5, 4, 6, 8, 7])
    Y = np.stack([y, y ** 2], axis=1)
    w = np.linspace(1, 2, 8)
    tx, ty, tY = (bridge.asarray(a, device=device) for a in (x, y, Y))
    for cov in (True, "unscaled"):
        for got, want in ((bridge.polyfit(tx, ty, 2, cov=cov), np.polyfit(x, y, 2, cov=cov)),
                          (bridge.polyfit(tx, tY, 1, cov=cov), np.polyfit(x, Y, 1, cov=cov)),
                          (bridge.polyfit(tx, ty, 1, w=w, cov=cov),
                           np.polyfit(x, y, 1, w=w, cov=cov))):
            _same(got[0], want[0], rtol=1e-9, atol=1e-12)
            _same(got[1], want[1], rtol=1e-9, atol=1e-12)
    with pytest.raises(ValueError, match="^polyfit"):
        bridge.polyfit(tx[:3], ty[:3], 2, cov=True)


def test_integer_power_of_the_float_two_is_float(backend):
    """np.array([1, 2, 3]) ** 2.0 is float64 on every backend (native's x * x shortcut
    for the exponent 2 kept the integer dtype for the float 2.0)."""
    for dtype in (np.int64, np.int8, np.uint16):
        a = np.array([1, 2, 3], dtype=dtype)
        t = bridge.asarray(a)
        for got, want in ((t ** 2.0, a ** 2.0), (bridge.pow(t, 2.0), a ** 2.0),
                          (bridge.power(t, 2.0), np.power(a, 2.0)), (t ** 2, a ** 2)):
            assert got.dtype == want.dtype, (dtype, got.dtype, want.dtype)
            _same(got, want)
    t = bridge.asarray([1, 2, 3])
    with pytest.raises(TypeError):
        t **= 2.0


def test_sort_unique_searchsorted_of_bools(backend, device):
    """np.unique(bool_array, return_counts=True), np.sort / np.argsort of bools: NumPy
    orders False before True (bridge refused: the standard's sort is for real dtypes);
    unique of complex numbers orders them as NumPy's sort does."""
    a = np.array([True, False, True, True, False])
    t = bridge.asarray(a, device=device)
    _same(bridge.unique(t), np.unique(a))
    _same(bridge.unique(t, return_index=True, return_inverse=True, return_counts=True),
          np.unique(a, return_index=True, return_inverse=True, return_counts=True))
    _same(bridge.sort(t), np.sort(a))
    _same(bridge.argsort(t), np.argsort(a, kind="stable"))
    _same(bridge.sort(bridge.reshape(t, (5, 1)), axis=None), np.sort(a.reshape(5, 1), axis=None))
    _same(bridge.searchsorted(bridge.sort(t), True), np.searchsorted(np.sort(a), True))
    s = bridge.asarray(a, device=device)
    s.sort()
    _same(s, np.sort(a))
    c = np.array([1 + 2j, 1 - 1j, 1 + 2j, -3j])
    _same(bridge.unique(bridge.asarray(c, device=device), return_counts=True),
          np.unique(c, return_counts=True))


def test_clip_and_cumsum_write_out(backend, device):
    """np.clip(a, lo, hi, out=a) and np.cumsum(a, out=a) (NumPy's out, keyword or
    positional), cumprod, nancumsum too."""
    for name, args in (("clip", (1, 2)), ("cumsum", ()), ("cumprod", ()), ("nancumsum", ())):
        a = np.array([0.5, 1.5, np.nan, 3.0]) if name == "nancumsum" else np.arange(1.0, 5.0)
        t = bridge.asarray(a.copy(), device=device)
        assert getattr(bridge, name)(t, *args, out=t) is t
        _same(t, getattr(np, name)(a, *args))
    t = bridge.arange(4.0, device=device)
    bridge.clip(t, 1, 2, t)
    _same(t, np.clip(np.arange(4.0), 1, 2))
    t = bridge.reshape(bridge.arange(6.0, device=device), (2, 3))
    bridge.cumsum(t, 1, None, t)
    _same(t, np.cumsum(np.arange(6.0).reshape(2, 3), 1))
    with pytest.raises(TypeError, match="^clip"):
        bridge.clip(bridge.arange(4.0, device=device), 1, 2,
                    out=bridge.zeros(4, dtype=bridge.int64, device=device))


def test_flags_of_every_device(backend, device):
    """x.flags on any device has NumPy's names, writeable included (numpy_programs:
    sliding_windows read frames.flags.writeable of a GPU view)."""
    t = bridge.asarray(np.arange(6.0).reshape(2, 3), device=device)
    flags = t.flags
    assert flags.c_contiguous and flags["C_CONTIGUOUS"] and flags.writeable
    assert not t.T.flags.c_contiguous and t.T.flags.f_contiguous
    assert flags.aligned and not flags.writebackifcopy


def test_device_flags_object():
    from bridge._numpy_protocols import DeviceFlags

    view = np.ones((2, 4))[:, ::2]
    flags = DeviceFlags(view)
    assert (flags.c_contiguous, flags.f_contiguous, flags.owndata) == (False, False, False)
    assert flags["W"] and flags["writeable"] and flags.aligned
    with pytest.raises(KeyError, match="Tensor.flags"):
        flags["bogus"]


def test_where_masked_elements_never_warn(backend, device):
    """np.divide(num, den, out=zeros, where=den > 0) (numpy_programs: cosine_recommender)
    warned 'invalid value encountered in divide' for the elements where= leaves out, as
    NumPy's masked loop never does; the selected elements still warn, or raise under
    errstate(all='raise'), on the numpy backend (the native kernels ignore errstate)."""
    import warnings

    num = bridge.asarray([1.0, 0.0, 2.0], device=device)
    den = bridge.asarray([0.0, 0.0, 4.0], device=device)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = bridge.divide(num, den, out=bridge.zeros(3, device=device), where=den > 0)
        _same(got, np.array([0.0, 0.0, 0.5]))
        with bridge.errstate(all="raise"):
            bridge.log(bridge.asarray([0.0, 1.0], device=device),
                       out=bridge.zeros(2, device=device),
                       where=bridge.asarray([False, True], device=device))
    if backend == "numpy":
        with pytest.warns(RuntimeWarning, match="divide"):
            bridge.divide(num, den, out=bridge.zeros(3, device=device), where=den >= 0)
        with bridge.errstate(all="raise"), pytest.raises(FloatingPointError):
            bridge.log(bridge.asarray([0.0, 1.0], device=device), where=True & (den == 0)[:2])


def test_einsum_path_and_mask_indices(backend, device):
    """np.einsum_path (NumPy's plan and report for the tensors' shapes, subscripts or
    interleaved) and np.mask_indices(n, np.triu, k)."""
    shapes = ((2, 3), (3, 4), (4, 5))
    host = [np.ones(s) for s in shapes]
    ts = [bridge.ones(s, device=device) for s in shapes]
    for optimize in ("greedy", "optimal", True):
        got = bridge.einsum_path("ij,jk,kl->il", *ts, optimize=optimize)
        want = np.einsum_path("ij,jk,kl->il", *host, optimize=optimize)
        assert got[0] == want[0] and got[1] == want[1]
    assert bridge.einsum_path(ts[0], [0, 1], ts[1], [1, 2])[0] == \
        np.einsum_path(host[0], [0, 1], host[1], [1, 2])[0]
    with pytest.raises(ValueError, match="^einsum_path"):
        bridge.einsum_path("ij,jk", ts[0], ts[0])
    for func, k in ((bridge.triu, 0), (bridge.triu, 1), (bridge.tril, -1)):
        _same(bridge.mask_indices(4, func, k), np.mask_indices(4, getattr(np, func.__name__), k))


def test_integer_scalar_tensor_as_a_count(backend, device):
    """A 0-d integer tensor stands for NumPy's integer scalar: ``[0] * counts.max()``
    repeats the list (bridge multiplied elementwise), and ``np.zeros(counts.max())``,
    ``rng.random(n)`` take it as a size (bridge refused it)."""
    a = np.array([3, 2])
    t = bridge.asarray(a, device=device)
    assert [0] * t[0] == [0] * a[0] and t[0] * [1, 2] == a[0] * [1, 2]
    assert (1,) * t.max() == (1,) * a.max() and [7] * t[1] == [7, 7]
    _same([1, 2] * bridge.asarray([2.0], device=device), [1, 2] * np.array([2.0]))
    _same(t * [1, 2], a * [1, 2])
    for name in ("zeros", "ones", "empty"):
        assert getattr(bridge, name)(t.max(), device=device).shape == (3,)
    _same(bridge.full(t[0], 7, device=device), np.full(a[0], 7))
    _same(bridge.zeros_like(t, shape=t[1]), np.zeros_like(a, shape=a[1]))
    # (numpy_stream_rng: NumPy's numbers on every device; a GPU default_rng draws CuPy's)
    rng, ref = bridge.random.numpy_stream_rng(5, device=device), np.random.default_rng(5)
    _same(rng.integers(0, 9, size=t[0]), ref.integers(0, 9, size=a[0]))
    assert rng.random(t.max()).shape == (3,)
    with pytest.raises(TypeError, match="zeros"):
        bridge.zeros(bridge.asarray(2.5, device=device))


def test_char_and_strings_modules(backend):
    """np.char.upper(labels), np.char.add, np.strings.* (numpy.char / numpy.strings):
    strings are NumPy's arrays, so NumPy's string functions are there for them; a
    Tensor argument is a TypeError naming the function (no silent conversion)."""
    labels = bridge.array(["ab", "c"])
    assert bridge.char.upper(labels).tolist() == ["AB", "C"]
    assert bridge.char.add(labels, "!").tolist() == ["ab!", "c!"]
    assert bridge.char.str_len(labels).tolist() == [2, 1]
    assert bridge.char.center(labels, 4, "*").tolist() == np.char.center(["ab", "c"], 4, "*").tolist()
    if hasattr(np, "strings"):
        assert bridge.strings.upper(labels).tolist() == ["AB", "C"]
    from bridge.char import upper

    assert upper(np.array(["q"])).tolist() == ["Q"]
    with pytest.raises(TypeError, match="^bridge.char.mod"):
        bridge.char.mod("%.1f", bridge.asarray([1.5]))
    with pytest.raises(AttributeError, match="bridge.char"):
        bridge.char.no_such_function  # noqa: B018


def test_unique_takes_sorted(backend, device):
    """np.unique(x, sorted=...) (NumPy 2.3's keyword): bridge's values are sorted either
    way, a valid answer for sorted=False."""
    a = np.array([3, 1, 2, 1, 3])
    t = bridge.asarray(a, device=device)
    _same(bridge.unique(t, sorted=True, return_counts=True), np.unique(a, return_counts=True))
    _same(bridge.unique(t, sorted=False), np.unique(a))


def test_orthogonal_series_values(backend, device):
    """np.polynomial.chebyshev.chebval, hermite.hermval, hermite_e.hermeval,
    laguerre.lagval: NumPy's Clenshaw recursions, on tensors (and tensor=True's
    broadcasting of 2-d coefficients)."""
    x = np.linspace(-1, 1, 7).reshape(1, 7) * np.array([[1.0], [0.5]])
    t = bridge.asarray(x, device=device)
    for module, name in (("chebyshev", "chebval"), ("hermite", "hermval"),
                         ("hermite_e", "hermeval"), ("laguerre", "lagval")):
        ours = getattr(getattr(bridge.polynomial, module), name)
        theirs = getattr(getattr(np.polynomial, module), name)
        for c in ([2.0], [1, 2], [1.0, 2.0, 3.0, 4.0], np.arange(6.0).reshape(3, 2)):
            _same(ours(t, c), theirs(x, c), rtol=1e-13, atol=1e-13)
        assert float(ours(0.5, [1, 2, 3])) == pytest.approx(theirs(0.5, [1, 2, 3]), rel=1e-14)


def test_tensor_compress_and_resize(backend, device):
    """x.compress(condition, axis, out) is NumPy's ndarray.compress; x.resize(new_shape)
    is NumPy's in-place ndarray.resize (memory order, zeros after the elements, None
    returned), refusing as NumPy does for memory another tensor uses."""
    a = np.arange(6).reshape(2, 3)
    t = bridge.asarray(a, device=device)
    _same(t.compress([1, 0, 1], axis=1), a.compress([1, 0, 1], axis=1))
    _same(t.compress([False, True]), a.compress([False, True]))
    out = bridge.zeros(2, dtype=bridge.int64, device=device)
    assert t.compress([True, False, True]).shape == (2,)
    assert t.compress([True, False, True], out=out) is out
    _same(out, a.compress([True, False, True]))
    with pytest.raises(IndexError, match="compress"):
        t.compress([0, 0, 0, 0, 0, 0, 0, 1])

    for shape in ((2, 4), 3, (7,), 0, (3, 3)):
        n = np.arange(5.0)
        x = bridge.arange(5.0, device=device)  # (bridge.asarray(n) would view n's memory)
        assert x.resize(shape) is None
        n.resize(shape)
        _same(x, n)
    x = bridge.arange(4, device=device)
    x.resize(2, 2)
    _same(x, np.arange(4).reshape(2, 2))
    x.resize()
    x.resize(None)
    assert x.shape == (2, 2)
    x = bridge.transpose(bridge.reshape(bridge.asarray(np.arange(6), device=device), (3, 2)))
    f = np.arange(6).reshape(3, 2).T.copy(order="F")
    x.resize((3, 3))
    f.resize((3, 3))
    _same(x, f)
    x = bridge.arange(5, device=device)
    with pytest.raises(ValueError, match="Tensor.resize: negative dimensions"):
        x.resize(-1)
    with pytest.raises(TypeError, match="Tensor.resize"):
        x.resize((2, 2), 1)
    view = x[:2]
    with pytest.raises(ValueError, match="Tensor.resize: cannot resize an array that references"):
        x.resize(7)
    with pytest.raises(ValueError, match="Tensor.resize: cannot resize this array: it does not own"):
        view.resize(7, refcheck=False)
    x.resize(7, refcheck=False)
    _same(x, np.array([0, 1, 2, 3, 4, 0, 0]))
    _same(view, np.array([0, 1]))
    with pytest.raises(ValueError, match="single-segment"):
        bridge.arange(6, device=device)[::2].resize(2)
    g = bridge.asarray([1.0, 2.0], device=device)
    g.requires_grad_(True)
    with pytest.raises(RuntimeError, match="Tensor.resize"):
        g.resize(3)
    _same(bridge.resize(bridge.arange(3, device=device), (2, 4)), np.resize(np.arange(3), (2, 4)))


def test_quantile_weights(backend, device):
    """quantile, percentile, nanquantile, nanpercentile take NumPy 2's weights= (method
    "inverted_cdf" only): NumPy's values and dtypes, 1-d weights along an axis, and
    NumPy's errors."""
    rng = np.random.default_rng(3)
    a = rng.integers(0, 6, size=(3, 5)).astype(float)
    a[1, 2] = np.nan
    w = rng.integers(0, 4, size=(3, 5)).astype(float)
    w[:, 0] = 1.0
    t, tw = bridge.asarray(a, device=device), bridge.asarray(w, device=device)
    for name, q in (("quantile", [0.0, 0.3, 0.5, 1.0]), ("nanquantile", 0.5),
                    ("percentile", [10.0, 90.0]), ("nanpercentile", 100.0)):
        ours, theirs = getattr(bridge, name), getattr(np, name)
        for axis in (None, 0, 1):
            for keepdims in (False, True):
                _same(ours(t, q, axis=axis, method="inverted_cdf", weights=tw, keepdims=keepdims),
                      theirs(a, q, axis=axis, method="inverted_cdf", weights=w, keepdims=keepdims))
    ints = rng.integers(0, 9, size=(4, 6))
    w1 = np.array([0.0, 1, 2, 0, 3, 1])
    got = bridge.quantile(bridge.asarray(ints, device=device), [0.0, 0.25, 1.0], axis=1,
                          method="inverted_cdf", weights=bridge.asarray(w1, device=device))
    expected = np.quantile(ints, [0.0, 0.25, 1.0], axis=1, method="inverted_cdf", weights=w1)
    assert got.dtype == expected.dtype == np.int64
    _same(got, expected)
    x = bridge.asarray([1.0, 2.0, 3.0], device=device)
    for kwargs, error, message in (
            ({"weights": [1, 1, 1]}, ValueError, "quantile: Only method 'inverted_cdf' supports"),
            ({"weights": [1, -1, 1], "method": "inverted_cdf"}, ValueError, "non-negative"),
            ({"weights": [0, 0, 0], "method": "inverted_cdf"}, ValueError, "were all zero"),
            ({"weights": [1, 1], "method": "inverted_cdf"}, TypeError, "Axis must be specified")):
        with pytest.raises(error, match=message):
            bridge.quantile(x, 0.5, **kwargs)
    with pytest.raises(ValueError, match="consistent with shape of a"):
        bridge.percentile(t, 50, axis=0, method="inverted_cdf", weights=[1, 1, 1, 1, 1])


def test_numpy_reciprocal_of_integers(backend, device):
    """numpy.reciprocal(tensor) is NumPy's: an integer tensor stays integer (1 // x
    truncated, NumPy's value at 0 with its warnings), bool runs the int8 loop; the
    standard's bridge.reciprocal still computes integers in float64."""
    import warnings

    for dtype in ("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"):
        a = np.array([0, 1, 2, 3, 100] if dtype[0] == "u" else [0, 1, -1, 2, -7], dtype=dtype)
        with np.errstate(all="ignore"):
            expected = np.reciprocal(a)
            got = np.reciprocal(bridge.asarray(a, device=device))
        assert isinstance(got, bridge.Tensor) and got.dtype == expected.dtype
        _same(got, expected)
    with np.errstate(all="ignore"):
        got = np.reciprocal(bridge.asarray([True, False], device=device))
        expected = np.reciprocal(np.array([True, False]))
    assert got.dtype == expected.dtype == np.int8
    _same(got, expected)
    _same(np.reciprocal(bridge.asarray([2.0, -0.5], device=device)), np.array([0.5, -2.0]))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        np.reciprocal(bridge.asarray([0, 1], device=device))
    assert [str(w.message) for w in caught] == ["divide by zero encountered in reciprocal",
                                                "invalid value encountered in reciprocal"]
    with np.errstate(divide="raise"), pytest.raises(FloatingPointError, match="divide by zero"):
        np.reciprocal(bridge.asarray([0, 1], device=device))
    standard = bridge.reciprocal(bridge.asarray([1, 2, -1], device=device))
    assert standard.dtype == np.float64
    _same(standard, np.array([1.0, 0.5, -1.0]))


def test_bool_tensor_power_operator(backend, device):
    """A bool tensor's ** is NumPy's operator: mask ** 2 is int8 (NumPy's square fast
    path), mask ** True and bool ** bool tensors int8 (the int8 loop), mask ** 3 int64;
    a 0-d bool tensor is NumPy's scalar (** 2 is int64). The standard's bridge.pow
    still refuses two bools."""
    a = np.array([True, False])
    t = bridge.asarray(a, device=device)
    for ours, theirs in (
            (t ** 2, a ** 2), (t ** 3, a ** 3), (t ** 0, a ** 0), (t ** True, a ** True),
            (t ** False, a ** False), (t ** t, a ** a), (True ** t, True ** a),
            (2 ** t, 2 ** a), (t ** 2.0, a ** 2.0), (t ** np.int8(2), a ** np.int8(2)),
            (bridge.reshape(t, (1, 2)) ** 2, a.reshape(1, 2) ** 2),
            (bridge.asarray(True, device=device) ** 2, np.True_ ** 2),
            (bridge.asarray(True, device=device) ** True, np.True_ ** True)):
        assert ours.dtype == theirs.dtype, (ours.dtype, theirs.dtype)
        _same(ours, theirs)
    assert (bridge.asarray([2, 3], device=device) ** 2).dtype == np.int64
    with pytest.raises(TypeError, match="pow"):
        bridge.pow(t, True)
    assert bridge.power(t, t).dtype == np.power(a, a).dtype

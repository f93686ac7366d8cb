"""NumPy's ``out=`` on the NumPy names that bridge refused it for (issue 19): the
nan-reductions, median/percentile/quantile and their nan- versions, einsum, ptp, amax,
around, fix, trace, outer, concatenate, choose, compress, cumulative_sum, ... All go
through one mechanism (bridge/_ops/numpy_extras.py's numpy_out); each test asserts
NumPy's values, NumPy's positional places of ``out`` and its casting rules."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import bridge

from .conftest import to_numpy

A = np.arange(12.0).reshape(3, 4) ** 1.5
AN = A.copy()
AN[0, 1] = np.nan
AN[2, 3] = np.nan


def _same(got, expected):
    g, e = to_numpy(got), np.asarray(expected)
    assert g.shape == e.shape and g.dtype == e.dtype
    np.testing.assert_allclose(g, e, rtol=1e-12, atol=1e-12, equal_nan=True)


def _t(value, device):
    return bridge.asarray(value, device=device)


# (name, NumPy's positional arguments before out, keywords)
CASES = [
    ("nanmean", (AN, 0), {}), ("nanstd", (AN, 1), {"ddof": 1}), ("nanvar", (AN, 0), {}),
    ("nansum", (AN, 1), {}), ("nanprod", (AN, 0), {}), ("nanmax", (AN, 1), {}),
    ("nanmin", (AN, 0), {}), ("median", (A, 1), {}), ("nanmedian", (AN, 0), {}),
    ("percentile", (A, 30.0, 1), {}), ("quantile", (A, [0.25, 0.5], 0), {}),
    ("nanpercentile", (AN, 75.0, 0), {}), ("nanquantile", (AN, 0.1, 1), {}),
    ("ptp", (A, 0), {}), ("amax", (A, 1), {}), ("amin", (A, 0), {}),
    ("nanargmax", (AN, 0), {}), ("nanargmin", (AN, 1), {}), ("median", (A,), {}),
    ("nanmean", (AN,), {"keepdims": True}), ("percentile", (A, [10.0, 90.0]), {}),
]


@pytest.mark.parametrize("name,args,kwargs", CASES, ids=lambda v: v if isinstance(v, str) else "")
def test_out_keyword(backend, device, name, args, kwargs):
    expected = getattr(np, name)(*args, **kwargs)
    bargs = [_t(a, device) if isinstance(a, np.ndarray) else a for a in args]
    out = bridge.zeros(np.shape(expected), dtype=str(np.asarray(expected).dtype), device=device)
    assert getattr(bridge, name)(*bargs, out=out, **kwargs) is out
    _same(out, expected)


@pytest.mark.parametrize("name", ["nanmean", "nanstd", "nanvar", "nansum", "nanprod"])
def test_out_positional_after_dtype(backend, device, name):
    # NumPy's order: (a, axis, dtype, out, ...)
    out = bridge.zeros(4, device=device)
    assert getattr(bridge, name)(_t(AN, device), 0, None, out) is out
    _same(out, getattr(np, name)(AN, 0, None))


def test_out_positional_then_more_positionals(backend, device):
    x = _t(AN, device)
    out = bridge.zeros((3, 1), device=device)
    # nanstd(a, axis, dtype, out, ddof, keepdims)
    bridge.nanstd(x, 1, None, out, 1, True)
    _same(out, np.nanstd(AN, 1, None, None, 1, True))
    # percentile(a, q, axis, out, overwrite_input, method, keepdims)
    out = bridge.zeros((1, 4), device=device)
    bridge.percentile(_t(A, device), 40.0, 0, out, False, "nearest", True)
    _same(out, np.percentile(A, 40.0, 0, None, False, "nearest", True))
    # median(a, axis, out, overwrite_input, keepdims); ptp(a, axis, out, keepdims)
    out = bridge.zeros(3, device=device)
    bridge.median(_t(A, device), 1, out, True)
    _same(out, np.median(A, 1))
    out = bridge.zeros((3, 1), device=device)
    bridge.ptp(_t(A, device), 1, out, True)
    _same(out, np.ptp(A, 1, None, True))


def test_einsum_out_and_casting(backend, device):
    x = _t(A, device)
    out = bridge.zeros(3, device=device)
    assert bridge.einsum("ij->i", x, out=out) is out
    _same(out, np.einsum("ij->i", A))
    out = bridge.zeros((3, 3), device=device)
    bridge.einsum("ij,kj->ik", x, x, out=out)
    _same(out, np.einsum("ij,kj->ik", A, A))
    # einsum's casting is "safe": float64 into float32 is refused, as NumPy refuses it
    with pytest.raises(TypeError, match="einsum"):
        bridge.einsum("ij->i", x, out=bridge.zeros(3, dtype=bridge.float32, device=device))
    out32 = bridge.zeros(3, dtype=bridge.float32, device=device)
    bridge.einsum("ij->i", x, out=out32, casting="same_kind")
    _same(out32, np.einsum("ij->i", A, out=np.zeros(3, np.float32), casting="same_kind"))


@pytest.mark.parametrize("name,args", [
    ("around", (A / 7, 2)), ("fix", (-A / 5,)), ("isposinf", (A,)), ("isneginf", (-A,)),
    ("trace", (A,)), ("outer", (A[0], A[1])), ("concatenate", ([A, A],)),
    ("compress", ([True, False, True], A, 0)), ("choose", ([0, 1, 0, 1], [A[0], A[1]])),
])
def test_out_of_other_numpy_functions(backend, device, name, args):
    expected = np.asarray(getattr(np, name)(*args))
    bargs = [_t(a, device) if isinstance(a, np.ndarray)
             else [_t(v, device) for v in a] if isinstance(a, list) and isinstance(a[0], np.ndarray)
             else a for a in args]
    out = bridge.zeros(expected.shape, dtype=str(expected.dtype), device=device)
    assert getattr(bridge, name)(*bargs, out=out) is out
    _same(out, expected)


def test_positional_out_of_choose_trace_around(backend, device):
    out = bridge.zeros(4, device=device)
    # choose(a, choices, out, mode): out is the third positional, mode the fourth
    bridge.choose(_t([0, 1, 5, 1], device), [_t(A[0], device), _t(A[1], device)], out, "clip")
    _same(out, np.choose([0, 1, 5, 1], [A[0], A[1]], None, "clip"))
    out = bridge.zeros((), device=device)
    bridge.trace(_t(A, device), 1, 0, 1, None, out)
    _same(out, np.trace(A, 1))
    out = bridge.zeros((3, 4), device=device)
    bridge.around(_t(A / 3, device), 1, out)
    _same(out, np.around(A / 3, 1))


def test_cumulative_sum_prod_out(backend, device):
    out = bridge.zeros((3, 4), device=device)
    assert bridge.cumulative_sum(_t(A, device), axis=1, out=out) is out
    _same(out, np.cumulative_sum(A, axis=1))
    out = bridge.zeros((3, 5), device=device)
    bridge.cumulative_prod(_t(A, device), axis=1, include_initial=True, out=out)
    _same(out, np.cumulative_prod(A, axis=1, include_initial=True))


@pytest.mark.parametrize("name", ["cumsum", "cumprod", "clip", "round"])
def test_functions_that_had_out(backend, device, name):
    args = {"cumsum": (A, 1), "cumprod": (A, 0), "clip": (A, 2.0, 9.0), "round": (A, 1)}[name]
    expected = getattr(np, name)(*args)
    out = bridge.zeros(expected.shape, device=device)
    assert getattr(bridge, name)(_t(args[0], device), *args[1:], out=out) is out
    _same(out, expected)


@pytest.mark.parametrize("name,args", [
    ("nanmean", (AN,)), ("median", (A,)), ("percentile", (A, 50.0)), ("nansum", (AN,)),
    ("ptp", (A,)), ("quantile", (A, 0.5)), ("nanmax", (AN,)),
])
def test_wrong_shape_is_value_error(backend, device, name, args):
    bargs = [_t(a, device) if isinstance(a, np.ndarray) else a for a in args]
    with pytest.raises(ValueError, match=name):
        getattr(bridge, name)(*bargs, axis=0, out=bridge.zeros(5, device=device))
    with pytest.raises(ValueError, match=name):  # NumPy broadcasts no out: (1, 4) != (4,)
        getattr(bridge, name)(*bargs, axis=0, out=bridge.zeros((1, 4), device=device))


@pytest.mark.parametrize("name", ["nanmean", "median", "einsum", "nansum", "trace", "ptp"])
def test_numpy_out_is_type_error_naming_function(backend, device, name):
    x = _t(A, device)
    with pytest.raises(TypeError, match=name):
        if name == "einsum":
            bridge.einsum("ij->i", x, out=np.zeros(3))
        elif name == "trace":
            bridge.trace(x, out=np.zeros(()))
        else:
            getattr(bridge, name)(x, axis=0, out=np.zeros(4))


# NumPy's casting of a float64 result into an int64 out: "same_kind" (TypeError) for
# the ones that compute into out by ufuncs (nanmean, median, percentile, ptp, ...),
# "unsafe" for those that run ufunc.reduce into out or copy into it (nansum, nanmax,
# nanmedian, nanpercentile, amax, ...). (NumPy's median casts unsafely when no NaN is
# among the values, by another path: bridge's median keeps "same_kind". NumPy's nanmax
# and nanmin into an integer out reduce the values cast to it, NaN too: taken NaN-free.)
@pytest.mark.parametrize("name,args", [
    ("nanmean", (AN, 0)), ("nanstd", (AN, 0)), ("nanvar", (AN, 0)), ("median", (AN, 0)),
    ("percentile", (A, 50.0, 0)), ("quantile", (A, 0.5, 0)), ("ptp", (A, 0)),
    ("nansum", (AN, 0)), ("nanprod", (AN, 0)), ("nanmax", (A, 0)), ("nanmin", (A, 0)),
    ("nanmedian", (AN, 0)), ("nanpercentile", (AN, 50.0, 0)), ("nanquantile", (AN, 0.5, 0)),
    ("amax", (A, 0)),
])
def test_casting_into_out_as_numpy(backend, device, name, args):
    bargs = [_t(a, device) if isinstance(a, np.ndarray) else a for a in args]
    np_out = np.zeros(4, np.int64)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            getattr(np, name)(*args, out=np_out)
    except TypeError:
        with pytest.raises(TypeError, match=name):
            getattr(bridge, name)(*bargs, out=bridge.zeros(4, dtype=bridge.int64, device=device))
    else:
        out = bridge.zeros(4, dtype=bridge.int64, device=device)
        assert getattr(bridge, name)(*bargs, out=out) is out
        _same(out, np_out)
    # float32 is reached by both rules
    out32 = bridge.zeros(4, dtype=bridge.float32, device=device)
    getattr(bridge, name)(*bargs, out=out32)
    _same(out32, getattr(np, name)(*args).astype(np.float32))


def test_without_out_unchanged(backend, device):
    x = _t(AN, device)
    _same(bridge.nanmean(x, 0), np.nanmean(AN, 0))
    _same(bridge.nanmedian(x, 1, keepdims=True), np.nanmedian(AN, 1, keepdims=True))
    _same(bridge.median(_t(A, device), 0, overwrite_input=True), np.median(A, 0))
    _same(bridge.einsum("ii", _t(A[:3, :3], device)), np.einsum("ii", A[:3, :3]))
    with pytest.raises(TypeError):
        bridge.nanmean(x, 0, None, None, False, 1)  # more positionals than NumPy's


def test_numpy_function_protocol_with_out(backend, device):
    # numpy.nanmean(tensor, out=tensor) reaches bridge's version through __array_function__
    x = _t(AN, device)
    out = bridge.zeros(4, device=device)
    assert np.nanmean(x, axis=0, out=out) is out
    _same(out, np.nanmean(AN, axis=0))

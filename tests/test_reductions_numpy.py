"""The reductions of the numpy backend are NumPy's bit for bit.

The numpy backend calls the ufunc reductions that ``np.sum``, ``np.max``, ``np.mean``,
``np.std``... end in, without NumPy's Python wrappers (``fromnumeric``, ``_methods``):
the same ufunc calls in the same order, so the results must be NumPy's exactly, NaN,
infinities, empty and 0-d inputs, every axis form and keepdims included. The public
functions on every backend are checked against NumPy too (within rounding: the native
backend accumulates in its own order).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import bridge
from bridge.backends._generic import _numpy_reductions

from .conftest import to_numpy

KERNELS = _numpy_reductions(np)
SHAPES = [(), (0,), (1,), (7,), (3, 5), (2, 0, 3), (4, 3, 2), (33, 17)]
NAMES = ["sum", "prod", "max", "min", "all", "any", "argmax", "argmin", "mean", "var", "std"]
FLOATS = (np.float32, np.float64)


def _axes(ndim):
    out = [None, *range(ndim), *range(-ndim, 0)]
    if ndim > 1:
        out.append(tuple(range(ndim)))
    if ndim == 3:
        out.append((0, 2))
    return out


@st.composite
def inputs(draw):
    dtype = draw(st.sampled_from([np.float32, np.float64, np.complex64, np.complex128,
                                  np.int32, np.int8, np.uint8, np.bool_]))
    shape = draw(st.sampled_from(SHAPES))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    if dtype is np.bool_:
        x = rng.random(shape) > 0.5
    else:
        with np.errstate(all="ignore"):
            x = (rng.standard_normal(shape) * 10.0 ** draw(st.integers(-3, 4))).astype(dtype)
        if x.size and dtype in FLOATS and draw(st.booleans()):
            x.flat[draw(st.integers(0, x.size - 1))] = draw(
                st.sampled_from([np.nan, np.inf, -np.inf, -0.0]))
    if x.ndim == 2 and draw(st.booleans()):
        x = x.T  # a non-contiguous input
    return x


def _numpy(name, x, axis, keepdims, correction):
    fn = getattr(np, name)
    if name in ("var", "std"):
        return fn(x, axis=axis, ddof=correction, keepdims=keepdims)
    return fn(x, axis=axis, keepdims=keepdims)


def _kernel(name, x, axis, keepdims, correction):
    if name in ("sum", "prod"):
        return KERNELS[name](x, axis, None, keepdims)
    if name in ("var", "std"):
        return KERNELS[name](x, axis, correction, keepdims)
    return KERNELS[name](x, axis, keepdims)


def _outcome(fn, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return np.asarray(fn(*args))
        except Exception as exc:  # noqa: BLE001 - the exception type is compared
            return type(exc)


@given(x=inputs(), data=st.data())
def test_kernels_are_numpys_bit_for_bit(x, data):
    name = data.draw(st.sampled_from(NAMES))
    axis = data.draw(st.sampled_from(_axes(x.ndim)))
    if name in ("argmax", "argmin") and isinstance(axis, tuple):
        axis = None
    keepdims = data.draw(st.booleans())
    correction = data.draw(st.sampled_from([0.0, 1.0, 2.5]))
    if name in ("var", "std") and x.dtype.type not in FLOATS:
        x = x.astype(np.float64)
    if name == "mean" and x.dtype.kind not in "fc":
        x = x.astype(np.float64)
    expected = _outcome(_numpy, name, x, axis, keepdims, correction)
    got = _outcome(_kernel, name, x, axis, keepdims, correction)
    if isinstance(expected, type):
        assert got is expected, (name, x.dtype, x.shape, axis)
        return
    assert not isinstance(got, type), (name, x.dtype, x.shape, axis, got)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    assert got.tobytes() == expected.tobytes(), (name, x.dtype, x.shape, axis, keepdims)


@pytest.mark.parametrize("name", ["sum", "max", "min", "mean", "var", "std", "argmax", "all"])
@pytest.mark.parametrize("shape,axis", [((8,), None), ((3, 5), 0), ((3, 5), 1),
                                        ((2, 3, 4), (0, 2)), ((3, 4), None)])
def test_public_reductions_match_numpy(backend, name, shape, axis):
    if name == "argmax" and isinstance(axis, tuple):
        axis = 0
    x = np.linspace(-2.0, 3.0, int(np.prod(shape))).reshape(shape) ** 2
    t = bridge.asarray(x)
    fn = getattr(bridge, name)
    for keepdims in (False, True):
        got = to_numpy(fn(t, axis=axis, keepdims=keepdims))
        expected = getattr(np, name)(x, axis=axis, keepdims=keepdims)
        assert got.shape == np.shape(expected)
        np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)

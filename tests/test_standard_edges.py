"""Where the standard's letter differs from what NumPy does: out-of-range axes raise
IndexError, reductions keep promoted integer dtypes, every array argument broadcasts,
Python ints that fit a dtype are accepted, complex special cases keep the sign of zero,
and sequences of tensors stay on their device. Every test runs on every backend."""

from __future__ import annotations

import math

import numpy as np
import pytest

import bridge

from .conftest import to_numpy

INTS = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")


def _x(device):
    return bridge.ones((2, 3), device=device)


AXIS_CALLS = {
    "expand_dims": lambda x: bridge.expand_dims(x, axis=5),
    "squeeze": lambda x: bridge.squeeze(x, axis=4),
    "flip": lambda x: bridge.flip(x, axis=4),
    "roll": lambda x: bridge.roll(x, 1, axis=4),
    "moveaxis": lambda x: bridge.moveaxis(x, 4, 0),
    "permute_dims": lambda x: bridge.permute_dims(x, (0, 4)),
    "stack": lambda x: bridge.stack([x, x], axis=4),
    "concat": lambda x: bridge.concat([x, x], axis=4),
    "unstack": lambda x: bridge.unstack(x, axis=4),
    "sum": lambda x: bridge.sum(x, axis=4),
    "mean": lambda x: bridge.mean(x, axis=(0, 4)),
    "max": lambda x: bridge.max(x, axis=-3),
    "std": lambda x: bridge.std(x, axis=4),
    "argmax": lambda x: bridge.argmax(x, axis=4),
    "cumulative_sum": lambda x: bridge.cumulative_sum(x, axis=4),
    "sort": lambda x: bridge.sort(x, axis=4),
    "argsort": lambda x: bridge.argsort(x, axis=4),
    "take": lambda x: bridge.take(x, bridge.asarray([0], device=x.device), axis=4),
    "diff": lambda x: bridge.diff(x, axis=4),
    "repeat": lambda x: bridge.repeat(x, 2, axis=4),
    "all": lambda x: bridge.all(x, axis=4),
    "count_nonzero": lambda x: bridge.count_nonzero(x, axis=4),
    "vecdot": lambda x: bridge.vecdot(x, x, axis=4),
    "linalg.vector_norm": lambda x: bridge.linalg.vector_norm(x, axis=4),
    "fft.fft": lambda x: bridge.fft.fft(x, axis=4),
    "fft.fftn": lambda x: bridge.fft.fftn(x, axes=(4,)),
    "fft.fftshift": lambda x: bridge.fft.fftshift(x, axes=4),
    "tensordot": lambda x: bridge.tensordot(x, x, axes=((4,), (0,))),
}


@pytest.mark.parametrize("name", sorted(AXIS_CALLS))
def test_axis_out_of_range_is_index_error(backend, device, name):
    """The standard names IndexError (expand_dims); NumPy's AxisError is an IndexError
    and a ValueError, and so is bridge's, whose message names the function."""
    with pytest.raises(IndexError) as info:
        AXIS_CALLS[name](_x(device))
    assert isinstance(info.value, ValueError)
    assert name.rpartition(".")[2] in str(info.value)


@pytest.mark.parametrize("dtype", INTS)
def test_products_of_integers_keep_the_promoted_dtype(backend, device, dtype):
    a = bridge.ones((2, 3), dtype=getattr(bridge, dtype), device=device)
    for result in (bridge.vecdot(a, a), bridge.linalg.vecdot(a, a, axis=0), a @ a.mT,
                   bridge.tensordot(a, a, axes=2), bridge.linalg.outer(a[0], a[0])):
        assert result.dtype == a.dtype
    default = bridge.int64 if dtype.startswith("int") else bridge.uint64
    for result in (bridge.sum(a), bridge.prod(a), bridge.cumulative_sum(a, axis=1),
                   bridge.linalg.trace(a[:, :2])):
        assert result.dtype == default
    small = bridge.ones(3, dtype=bridge.uint8, device=device)
    assert bridge.vecdot(small, bridge.ones(3, dtype=bridge.int8, device=device)).dtype == bridge.int16


def test_clip_bounds_broadcast_x(backend, device):
    x = bridge.asarray([1.0, 5.0, -3.0], device=device)
    lo = bridge.zeros((2, 3), device=device)
    hi = bridge.asarray([[2.0], [4.0]], device=device)
    out = bridge.clip(x, lo, hi)
    assert out.shape == (2, 3)
    np.testing.assert_array_equal(to_numpy(out), np.clip(np.asarray([1.0, 5.0, -3.0]), 0.0, [[2.0], [4.0]]))
    assert bridge.clip(bridge.asarray(2.0, device=device), hi).shape == (2, 1)
    with pytest.raises(ValueError, match="clip: x, min and max must broadcast"):
        bridge.clip(x, bridge.zeros(2, device=device))


def test_clip_broadcast_gradients(backend, device):
    x = bridge.asarray([1.0, 5.0, -3.0], device=device, requires_grad=True)
    lo = bridge.zeros((2, 3), device=device, requires_grad=True)
    hi = bridge.asarray([[2.0], [4.0]], device=device, requires_grad=True)
    bridge.sum(bridge.clip(x, lo, hi)).backward()
    assert to_numpy(x.grad).tolist() == [2.0, 0.0, 0.0]
    assert to_numpy(lo.grad).tolist() == [[0.0, 0.0, 1.0]] * 2
    assert to_numpy(hi.grad).tolist() == [[1.0], [1.0]]


def test_python_ints_that_fit_the_dtype(backend, device):
    u = bridge.asarray([1, 2**63], dtype=bridge.uint64, device=device)
    s = bridge.asarray([1, -2**63], dtype=bridge.int64, device=device)
    assert to_numpy(bridge.isin(u, 2**63)).tolist() == [False, True]
    assert bool(bridge.isin(2**64 - 1, u)) is False
    assert to_numpy(bridge.isin(s, -2**63)).tolist() == [False, True]
    assert to_numpy(u == 2**63).tolist() == [False, True]
    assert to_numpy(bridge.where(u > 1, u, 2**64 - 1)).tolist() == [2**64 - 1, 2**63]
    assert to_numpy(bridge.clip(s, -2**63, None)).tolist() == [1, -2**63]
    assert to_numpy(bridge.full(2, 2**64 - 1, dtype=bridge.uint64, device=device)).tolist() == [2**64 - 1] * 2
    assert bridge.arange(2**63, 2**63 + 2).dtype == bridge.uint64
    # an int no element of the dtype can hold is in nothing
    small = bridge.asarray([1, 2], dtype=bridge.uint8, device=device)
    assert to_numpy(bridge.isin(small, 300)).tolist() == [False, False]
    assert to_numpy(bridge.isin(small, -1, invert=True)).tolist() == [True, True]


def _parts(z):
    return (z.real, math.copysign(1.0, z.real), z.imag, math.copysign(1.0, z.imag))


@pytest.mark.parametrize("dtype", ["complex64", "complex128"])
def test_complex_zero_signs(backend, device, dtype):
    inf = math.inf

    def one(f, z):
        return complex(to_numpy(f(bridge.asarray(z, dtype=getattr(bridge, dtype), device=device))))

    for y in (0.5, 1.0, 2.0, 3.0):  # sin(2y) of both signs
        assert _parts(one(bridge.tanh, complex(inf, y))) == (1.0, 1.0, 0.0, 1.0)
        assert _parts(one(bridge.tanh, complex(inf, -y))) == (1.0, 1.0, 0.0, -1.0)
        assert _parts(one(bridge.tanh, complex(-inf, y))) == (-1.0, -1.0, 0.0, 1.0)
        # tan(z) = -i tanh(iz)
        assert _parts(one(bridge.tan, complex(y, inf))) == (0.0, 1.0, 1.0, 1.0)
        assert _parts(one(bridge.tan, complex(-y, -inf))) == (-0.0, -1.0, -1.0, -1.0)
    for re in (0.0, -0.0):
        assert _parts(one(bridge.expm1, complex(re, 0.0))) == (0.0, 1.0, 0.0, 1.0)
        assert _parts(one(bridge.expm1, complex(re, -0.0))) == (0.0, 1.0, 0.0, -1.0)


def test_asarray_of_a_sequence_of_tensors(backend, device):
    a = bridge.asarray(1.0, device=device)
    b = bridge.asarray(2, device=device)
    t = bridge.asarray([[a, b], [b, 3]])
    assert t.device == a.device and t.dtype == bridge.float64
    assert to_numpy(t).tolist() == [[1.0, 2.0], [2.0, 3.0]]
    rows = bridge.asarray([bridge.ones(2, device=device), bridge.zeros(2, device=device)], device=device)
    assert rows.shape == (2, 2) and rows.device == a.device
    with pytest.raises(ValueError, match="ragged"):
        bridge.asarray([bridge.ones(2, device=device), 1.0], device=device)


def test_numpy_extensions_downstream_libraries_use(backend, device):
    """What the standard leaves to the library ("should") and scikit-learn relies on:
    logical functions take numbers by their truth, isdtype takes NumPy's scalar types,
    matmul takes bool operands."""
    x = bridge.asarray([0.0, 1.5, math.nan], device=device)
    b = bridge.asarray([True, False, False], device=device)
    assert to_numpy(bridge.logical_or(x, b)).tolist() == [True, True, True]
    assert to_numpy(bridge.logical_and(x, 1)).tolist() == [False, True, True]
    assert to_numpy(bridge.logical_not(x)).tolist() == [True, False, False]
    assert to_numpy(bridge.logical_and(b, 2.0)).tolist() == [True, False, False]
    assert bridge.isdtype(np.float64, "real floating") and not bridge.isdtype(np.int8, "bool")
    assert bridge.isdtype(bridge.int8, np.int8)
    a = np.array([[True, False], [True, True]])
    f = np.array([[1.5, 2.0], [3.0, 4.0]])
    got = bridge.asarray(a, device=device) @ bridge.asarray(a, device=device)
    assert got.dtype == bridge.bool and to_numpy(got).tolist() == (a @ a).tolist()
    mixed = bridge.asarray(f, device=device) @ bridge.asarray(a, device=device)
    assert mixed.dtype == bridge.float64
    np.testing.assert_array_equal(to_numpy(mixed), f @ a)

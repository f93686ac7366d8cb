"""In-place operators: the direct path (the library's ``out=``, one kernel) must give
exactly what the general path gives (compute, then copy), keep the tensor's memory,
and leave autograd's version counters and errors as they were."""

from __future__ import annotations

import operator

import numpy as np
import pytest

import bridge
from tests.conftest import to_numpy

DIRECT = [
    ("__iadd__", operator.add, "iufc"),
    ("__isub__", operator.sub, "iufc"),
    ("__imul__", operator.mul, "iufc"),
    ("__itruediv__", operator.truediv, "fc"),
    ("__iand__", operator.and_, "biu"),
    ("__ior__", operator.or_, "biu"),
    ("__ixor__", operator.xor, "biu"),
]
DTYPES = ["bool", "int8", "uint16", "int64", "float32", "float64", "complex64", "complex128"]


def _values(dtype, rng, shape):
    if dtype == "bool":
        return rng.random(shape) < 0.5
    if np.dtype(dtype).kind in "iu":
        return rng.integers(1, 50, size=shape).astype(dtype)
    out = rng.standard_normal(shape) + 0.5
    if np.dtype(dtype).kind == "c":
        out = out + 1j * rng.standard_normal(shape)
    return out.astype(dtype)


# every (operator, dtype, other operand) the direct path may take: the dtype must be
# one the operator keeps, and bool tensors combine with bool operands only
CASES = [
    (dunder, op, dtype, other_kind)
    for dunder, op, kinds in DIRECT
    for dtype in DTYPES if np.dtype(dtype).kind in kinds
    for other_kind in ("tensor", "0-d tensor", "python scalar")
    if not (dtype == "bool" and other_kind == "python scalar")
]


@pytest.mark.parametrize("dunder,op,dtype,other_kind", CASES)
def test_direct_inplace_matches_out_of_place(backend, device, dunder, op, dtype, other_kind):
    rng = np.random.default_rng(0)
    a = _values(dtype, rng, (3, 4))
    if other_kind == "tensor":
        other_np = _values(dtype, rng, (3, 4))
        other = bridge.asarray(other_np, device=device)
    elif other_kind == "0-d tensor":
        other_np = _values(dtype, rng, ())
        other = bridge.asarray(other_np, device=device)
    else:
        other = 3 if np.dtype(dtype).kind in "iu" else 0.75
        other_np = other
    x = bridge.asarray(a, device=device)
    view = x[...]
    expected = to_numpy(op(bridge.asarray(a, device=device), other))
    result = getattr(x, dunder)(other)
    assert result is x
    got = to_numpy(x)
    assert got.dtype == expected.dtype
    np.testing.assert_array_equal(got, expected, strict=True)
    np.testing.assert_array_equal(to_numpy(view), expected)  # written in place
    del other_np


def test_overlapping_operands_behave_as_numpy(backend, device):
    a = np.arange(10.0)
    x = bridge.asarray(a, device=device)
    x[1:] += x[:-1]
    a[1:] += a[:-1]
    np.testing.assert_array_equal(to_numpy(x), a)
    y = bridge.asarray(np.arange(6.0), device=device)
    y += y
    np.testing.assert_array_equal(to_numpy(y), np.arange(6.0) * 2)


def test_inplace_under_no_grad_bumps_the_version(backend, device):
    w = bridge.asarray([1.0, 2.0, 3.0], device=device)
    w.requires_grad_()
    y = w * w  # saves w for its backward
    with bridge.no_grad():
        w -= 0.5
    with pytest.raises(RuntimeError, match="modified by an in-place operation"):
        bridge.sum(y).backward()


def test_optimiser_step_updates_leaf_in_place(backend, device):
    w = bridge.asarray([1.0, 2.0, 3.0], device=device)
    w.requires_grad_()
    bridge.sum(w * w).backward()
    view = w.detach()
    with bridge.no_grad():
        w -= 0.1 * w.grad
    np.testing.assert_allclose(to_numpy(view), [0.8, 1.6, 2.4])
    assert w.requires_grad and w.grad_fn is None


def test_inplace_on_leaf_requiring_grad_still_refused(backend, device):
    w = bridge.asarray([1.0, 2.0], device=device)
    w.requires_grad_()
    with pytest.raises(RuntimeError, match="leaf tensor that requires grad"):
        w += 1.0


def test_inplace_errors_keep_their_types(backend, device):
    t = bridge.asarray(np.arange(4, dtype=np.int8), device=device)
    with pytest.raises(TypeError):
        t += 1.5
    with pytest.raises(TypeError):
        t /= 2
    b = bridge.asarray([True, False], device=device)
    with pytest.raises(TypeError, match="add"):
        b += 1
    m = bridge.ones((2, 3), device=device)
    with pytest.raises(ValueError, match="__iadd__"):
        m[0] += bridge.ones((2, 3), device=device)


def test_read_only_tensor_refuses_inplace_operators():
    a = np.arange(4.0)
    a.flags.writeable = False
    t = bridge.asarray(a, device="cpu")  # shares the read-only NumPy memory
    for dunder in ("__iadd__", "__imul__"):
        with pytest.raises(ValueError, match=f"{dunder}: the tensor is read-only"):
            getattr(t, dunder)(1.0)
    np.testing.assert_array_equal(a, np.arange(4.0))


def test_int_scalar_out_of_range_raises(backend):
    # on the CPU, as NumPy does (CuPy's kernels wrap such ints instead)
    t = bridge.asarray(np.arange(4, dtype=np.int8), device="cpu")
    with pytest.raises(OverflowError, match="add"):
        t += 300
    np.testing.assert_array_equal(to_numpy(t), np.arange(4))


def test_element_reads_are_copies_so_swaps_work(backend):
    """``x[i, j]`` of every dimension is one element, which NumPy reads as a scalar (a
    copy): ``a[0, 0], a[0, 1] = a[0, 1], a[0, 0]`` swaps. A 0-d view would see the
    first write (the swap gave [[1, 1, 2], ...]). Views stay views elsewhere: a row
    ``x[i]`` and ``x[i, j, ...]``, as in NumPy; autograd records the read as before."""
    n = np.arange(9.0).reshape(3, 3)
    a = bridge.asarray(n)
    a[0, 0], a[0, 1] = a[0, 1], a[0, 0]
    n[0, 0], n[0, 1] = n[0, 1], n[0, 0]
    np.testing.assert_array_equal(to_numpy(a), n)
    r = bridge.asarray([1.0, 2.0, 3.0])
    r[0], r[2] = r[2], r[0]
    np.testing.assert_array_equal(to_numpy(r), [3.0, 2.0, 1.0])
    first = a[1, 1]
    a[1, 1] = 100.0
    assert float(first) == 4.0
    row, view = a[2], a[2, 0, ...]
    a[2, 0] = -1.0
    assert float(row[0]) == -1.0 and float(view) == -1.0
    x = bridge.asarray([1.0, 2.0], requires_grad=True)
    (x[1] * 3.0).backward()
    np.testing.assert_array_equal(to_numpy(x.grad), [0.0, 3.0])

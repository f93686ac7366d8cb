"""bridge on NVIDIA GPUs through CuPy: devices, transfers, DLPack on CUDA, and every
kernel of the registry against the numpy backend on the same inputs.

Tests that need a GPU carry the ``gpu`` marker and skip (with the reason) where CuPy
or a CUDA device is missing; CI has neither. The tests at the end, without the
marker, check what a machine without a GPU gets: clear errors and the CPU only.
"""

from __future__ import annotations

import ctypes
import math
import subprocess
import sys
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import bridge
from bridge._dtypes import CATEGORIES
from bridge._ops.elementwise import BINARY, UNARY
from bridge._registry import REGISTRY

from .conftest import to_numpy


def _gpu_unavailable_reason() -> str | None:
    try:
        import cupy
    except ImportError:
        return "CuPy is not installed"
    try:
        if cupy.cuda.runtime.getDeviceCount() < 1:
            return "CuPy finds no CUDA device"
    except Exception as exc:  # CUDARuntimeError without a driver
        return f"CuPy finds no CUDA device ({exc})"
    return None


NO_GPU = _gpu_unavailable_reason()
gpu = pytest.mark.skipif(NO_GPU is not None, reason=f"needs an NVIDIA GPU with CuPy: {NO_GPU}")

GPU = "cuda:0"
RNG_SEED = 20251215


@pytest.fixture
def cupy():
    import cupy

    return cupy


def _torch_cuda():
    try:
        import torch
    except ImportError:
        return None
    return torch if torch.cuda.is_available() else None


def _ptr(t) -> int:
    return t.__cuda_array_interface__["data"][0]


# ------------------------------------------------------------------ devices


@pytest.mark.gpu
@gpu
class TestDevices:
    def test_info_lists_gpus_and_cpu(self, cupy):
        devices = bridge.__array_namespace_info__().devices()
        assert devices[0] == "cpu"
        gpus = [d for d in devices if d.type == "cuda"]
        assert len(gpus) == cupy.cuda.runtime.getDeviceCount()
        assert [d.index for d in gpus] == list(range(len(gpus)))

    def test_default_device_follows_backend(self):
        with bridge.use_backend("numpy"):
            assert bridge.__array_namespace_info__().default_device() == "cpu"
            assert bridge.zeros(2).device == "cpu"
        with bridge.use_backend("cupy"):
            assert bridge.__array_namespace_info__().default_device() == GPU
            assert bridge.zeros(2).device == GPU

    def test_set_default_device_and_context_manager(self):
        with bridge.use_backend("numpy"):
            with bridge.default_device(GPU) as dev:
                assert dev == GPU
                assert bridge.__array_namespace_info__().default_device() == GPU
                assert bridge.asarray([1.0, 2.0]).device == GPU
                assert bridge.arange(3).device == GPU
            assert bridge.__array_namespace_info__().default_device() == "cpu"
            with pytest.raises(RuntimeError), bridge.default_device(GPU):
                raise RuntimeError("restored even when the block raises")
            assert bridge.get_default_device() == "cpu"
            bridge.set_default_device(GPU)
            try:
                assert bridge.ones(3).device == GPU
            finally:
                bridge.set_default_device("cpu")
            assert bridge.ones(3).device == "cpu"

    def test_missing_gpu_index_is_a_value_error(self):
        with pytest.raises(ValueError, match="cuda:99"):
            bridge.set_default_device("cuda:99")
        with pytest.raises(ValueError, match="cuda:99"):
            bridge.ones(3, device="cuda:99")
        with pytest.raises(ValueError, match="cuda:99"):
            bridge.asarray([1, 2], device="cuda:99")

    @pytest.mark.parametrize("name,args", [
        ("zeros", ((2, 3),)), ("ones", ((4,),)), ("empty", ((2,),)), ("full", ((2, 2), 7.5)),
        ("arange", (1, 9, 2)), ("eye", (3, 4)), ("linspace", (0.0, 1.0, 5)),
    ])
    def test_creation_on_gpu_matches_cpu(self, name, args):
        func = getattr(bridge, name)
        for device in bridge.__array_namespace_info__().devices():
            got = func(*args, device=device)
            assert got.device == device
            expected = func(*args, device="cpu")
            assert got.dtype == expected.dtype and got.shape == expected.shape
            if name != "empty":
                np.testing.assert_array_equal(to_numpy(got), to_numpy(expected))

    def test_like_functions_keep_the_device(self):
        x = bridge.ones((2, 3), dtype=bridge.float32, device=GPU)
        for func in (bridge.zeros_like, bridge.ones_like, bridge.empty_like):
            assert func(x).device == GPU
        assert bridge.full_like(x, 3).device == GPU
        assert bridge.zeros_like(x, device="cpu").device == "cpu"

    def test_devices_from_info_are_accepted(self):
        for device in bridge.__array_namespace_info__().devices():
            assert bridge.asarray([1, 2, 3], device=device).device == device


# ------------------------------------------------------------------ transfers


@pytest.mark.gpu
@gpu
class TestTransfers:
    def test_to_device_round_trip_copies(self):
        host = bridge.asarray(np.arange(12, dtype=np.float32).reshape(3, 4), device="cpu")
        on_gpu = host.to_device(GPU)
        assert on_gpu.device == GPU
        assert on_gpu.to_device(GPU) is on_gpu  # already there: no copy
        back = on_gpu.to_device("cpu")
        assert back.device == "cpu"
        np.testing.assert_array_equal(np.asarray(back), np.asarray(host))
        # each transfer is a copy: writing one side leaves the other unchanged
        on_gpu[0, 0] = 100.0
        assert float(host[0, 0]) == 0.0 and float(back[0, 0]) == 0.0
        back[1, 1] = -1.0
        assert float(on_gpu[1, 1]) == 5.0

    def test_non_contiguous_transfer(self):
        host = bridge.asarray(np.arange(24.0).reshape(4, 6), device="cpu")[::2, 1::2]
        np.testing.assert_array_equal(to_numpy(host.to_device(GPU)), np.asarray(host))
        gpu_view = bridge.asarray(np.arange(24.0).reshape(4, 6), device=GPU)[:, ::3]
        np.testing.assert_array_equal(to_numpy(gpu_view), np.arange(24.0).reshape(4, 6)[:, ::3])

    def test_to_device_with_streams(self, cupy):
        x = bridge.arange(10, dtype=bridge.float64, device="cpu")
        stream = cupy.cuda.Stream(non_blocking=True)
        on_gpu = x.to_device(GPU, stream=stream)
        stream.synchronize()
        np.testing.assert_array_equal(to_numpy(on_gpu), np.arange(10.0))
        back = on_gpu.to_device("cpu", stream=stream.ptr)
        np.testing.assert_array_equal(np.asarray(back), np.arange(10.0))
        with pytest.raises(TypeError, match="stream"):
            on_gpu.to_device("cpu", stream="fast")

    def test_no_implicit_transfer_to_numpy(self):
        x = bridge.ones(3, device=GPU)
        with pytest.raises(TypeError, match="to_device"):
            np.asarray(x)
        with pytest.raises(AttributeError):
            x.__array_interface__  # noqa: B018
        # explicit conversions of one element are requests for a host value
        assert float(bridge.sum(x)) == 3.0
        assert x.tolist() == [1.0, 1.0, 1.0]
        assert "cuda:0" in repr(x)

    def test_asarray_copy_semantics(self, cupy):
        raw = cupy.arange(6, dtype=cupy.float32)
        shared = bridge.asarray(raw)
        assert shared.device == GPU and _ptr(shared) == raw.data.ptr
        raw[0] = 42
        assert float(shared[0]) == 42.0
        copied = bridge.asarray(raw, copy=True)
        assert _ptr(copied) != raw.data.ptr
        np.testing.assert_array_equal(to_numpy(copied), raw.get())
        with pytest.raises(ValueError, match="copy=False"):
            bridge.asarray(raw, dtype=bridge.float64, copy=False)
        with pytest.raises(ValueError, match="copy=False"):
            bridge.asarray([1, 2], device=GPU, copy=False)
        with pytest.raises(ValueError, match="copy=False"):
            bridge.asarray(np.ones(2), device=GPU, copy=False)
        t = bridge.ones(2, device=GPU)
        assert bridge.asarray(t) is t
        with pytest.raises(ValueError, match="copy=False"):
            bridge.asarray(t, device="cpu", copy=False)

    def test_asarray_host_data_follows_cpu_rules(self):
        for obj in ([1, 2, 3], [1.5, 2], [True, False], [1j, 2], 7, 2.5, True, 1 + 2j,
                    np.arange(4, dtype=np.int16), [[1, 2], [3, 4]], []):
            got = bridge.asarray(obj, device=GPU)
            expected = bridge.asarray(obj, device="cpu")
            assert got.dtype == expected.dtype and got.shape == expected.shape
            np.testing.assert_array_equal(to_numpy(got), np.asarray(expected))
        with pytest.raises(TypeError):
            bridge.asarray(1j, dtype=bridge.float64, device=GPU)
        with pytest.raises(TypeError):
            bridge.asarray(1.5, dtype=bridge.int32, device=GPU)
        with pytest.raises(TypeError):
            bridge.asarray(np.array(["a"]), device=GPU)


# ------------------------------------------------------------------ mixed devices


@pytest.mark.gpu
@gpu
class TestMixedDevices:
    @pytest.fixture
    def pair(self):
        return bridge.ones(3, device="cpu"), bridge.ones(3, device=GPU)

    @pytest.mark.parametrize("call", [
        lambda a, b: bridge.add(a, b),
        lambda a, b: b + a,
        lambda a, b: a * b,
        lambda a, b: bridge.matmul(a, b),
        lambda a, b: bridge.where(a > 0, a, b),
        lambda a, b: bridge.concat([a, b]),
        lambda a, b: bridge.stack([b, a]),
        lambda a, b: bridge.maximum(b, a),
        lambda a, b: bridge.vecdot(a, b),
    ])
    def test_operations_across_devices_raise(self, pair, call):
        with pytest.raises(ValueError, match="device"):
            call(*pair)

    def test_indexing_and_writes_across_devices_raise(self, pair):
        cpu, gpu_t = pair
        with pytest.raises(ValueError, match="device"):
            gpu_t[bridge.asarray([0, 1], device="cpu")]  # noqa: B018
        with pytest.raises(ValueError, match="device"):
            gpu_t[0:2] = cpu[0:2]
        with pytest.raises(ValueError, match="device"):
            gpu_t += cpu

    def test_python_scalars_and_host_lists_are_fine(self, pair):
        _, gpu_t = pair
        np.testing.assert_array_equal(to_numpy(gpu_t * 2 + 1), [3.0, 3.0, 3.0])
        # a host list index is data of the index, not a tensor on another device
        np.testing.assert_array_equal(to_numpy(gpu_t[[0, 2]]), [1.0, 1.0])


# ------------------------------------------------------------------ kernels vs numpy


def _both_backends():
    """(numpy kernel table, cupy kernel table)."""
    from bridge.backends import load_backend

    return load_backend("numpy").kernels, load_backend("cupy").kernels


@pytest.mark.gpu
@gpu
def test_cupy_backend_has_every_kernel_of_the_registry():
    numpy_kernels, cupy_kernels = _both_backends()
    needed = {name for op in REGISTRY.values() for name in op.kernel_names}
    missing_from_numpy = needed - set(numpy_kernels)
    missing = sorted((needed - missing_from_numpy) - set(cupy_kernels))
    assert not missing, f"kernels the numpy backend has and the cupy backend lacks: {missing}"
    assert set(numpy_kernels) <= set(cupy_kernels)


def _sample(dtype, shape, rng):
    """Inputs of ``dtype`` with the special values of its kind mixed in."""
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return rng.integers(0, 2, shape).astype(bool)
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        lo, hi = max(info.min, -100), min(info.max, 100)
        return rng.integers(lo, hi, shape, endpoint=True).astype(dtype)
    real_dtype = np.float32 if dtype in (np.float32, np.complex64) else np.float64
    values = np.asarray(rng.uniform(-3, 3, shape), dtype=real_dtype)
    if dtype.kind == "c":
        # finite only: the complex special cases (infinite and NaN parts) are the
        # conformance suite's special-case tables' business
        imag = np.asarray(rng.uniform(-3, 3, shape), dtype=real_dtype)
        return (values + 1j * imag).astype(dtype)
    flat = values.reshape(-1)
    specials = np.array([0.0, -0.0, 0.5, 1.0, -1.0, np.inf, -np.inf, np.nan], real_dtype)
    flat[: min(flat.size, specials.size)] = specials[: flat.size]
    return values


def _close(got, expected, context):
    got = to_numpy(got)
    expected = to_numpy(expected)
    assert got.dtype == expected.dtype, f"{context}: dtype {got.dtype} != {expected.dtype}"
    assert got.shape == expected.shape, f"{context}: shape {got.shape} != {expected.shape}"
    if got.dtype.kind in "biu":
        np.testing.assert_array_equal(got, expected, err_msg=context)
        return
    # CUDA's math library and the host's differ by a few ulp in transcendental
    # functions; complex ones (thrust) a little more near branch cuts
    eps = np.finfo(got.dtype).eps
    tol = (64 if got.dtype.kind == "c" else 8) * eps
    np.testing.assert_allclose(got, expected, rtol=tol, atol=tol, equal_nan=True, err_msg=context)


def _same_on_both(func, *arrays, context=""):
    """Run ``func`` on tensors on the CPU (numpy backend) and on the GPU; compare."""
    with bridge.use_backend("numpy"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = func(*[bridge.asarray(a) for a in arrays])
    got = func(*[bridge.asarray(a, device=GPU) for a in arrays])
    if isinstance(expected, tuple):
        assert isinstance(got, tuple) and len(got) == len(expected), context
        for g, e in zip(got, expected):
            assert g.device == GPU, context
            _close(g, e, context)
    else:
        assert got.device == GPU, context
        _close(got, expected, context)


def _dtypes_of(category):
    return sorted(CATEGORIES[category], key=lambda d: d.name)


# Inputs of these functions are kept inside their domain: CUDA and glibc agree there,
# while outside it both give NaN (compared) or differ in the sign of a NaN (not an
# observable difference under the standard).
_UNARY_CASES = [(name, dtype) for name, cat, _, _ in UNARY for dtype in _dtypes_of(cat)]
_BINARY_CASES = [(name, dtype) for name, cat, _, _ in BINARY for dtype in _dtypes_of(cat)]


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("name,dtype", _UNARY_CASES, ids=[f"{n}-{d}" for n, d in _UNARY_CASES])
def test_unary_matches_numpy_backend(name, dtype):
    rng = np.random.default_rng(RNG_SEED)
    x = _sample(dtype, (4, 5), rng)
    _same_on_both(getattr(bridge, name), x, context=f"{name}({dtype})")


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("name,dtype", _BINARY_CASES, ids=[f"{n}-{d}" for n, d in _BINARY_CASES])
def test_binary_matches_numpy_backend(name, dtype):
    rng = np.random.default_rng(RNG_SEED)
    x1 = _sample(dtype, (4, 5), rng)
    x2 = _sample(dtype, (1, 5), rng)  # broadcasting
    if name in ("bitwise_left_shift", "bitwise_right_shift"):
        # shifts by the bit width or more are undefined in C: NumPy and CUDA differ
        x2 = np.abs(x2) % np.dtype(dtype).itemsize
    if name in ("floor_divide", "remainder", "divide") and np.dtype(dtype).kind in "iu":
        x2 = np.where(x2 == 0, 1, x2).astype(dtype)  # NumPy's integer x // 0 is 0, CUDA's not
    if name == "pow" and np.dtype(dtype).kind in "iu":
        x2 = (np.abs(x2) % 4).astype(dtype)  # negative integer powers raise in NumPy
    _same_on_both(getattr(bridge, name), x1, x2, context=f"{name}({dtype})")
    # a Python scalar as the other operand stays weakly typed on the GPU too
    scalar = {"b": True, "i": 2, "u": 2, "f": 1.5, "c": 0.5 - 1j}[np.dtype(dtype).kind]
    if name in ("bitwise_left_shift", "bitwise_right_shift"):
        scalar = 1
    _same_on_both(lambda a: getattr(bridge, name)(a, scalar), x1, context=f"{name}(x, scalar)")


_F = np.float64
_CASES = {
    # statistics and utility
    "sum": (lambda x: bridge.sum(x, axis=1), [(_F, (3, 4))]),
    "sum_int": (lambda x: bridge.sum(x, keepdims=True), [(np.int8, (3, 4))]),
    "prod": (lambda x: bridge.prod(x, axis=0, dtype=bridge.float32), [(np.float32, (3, 4))]),
    "mean": (lambda x: bridge.mean(x, axis=(0, 1)), [(np.float32, (3, 4))]),
    "var": (lambda x: bridge.var(x, axis=0, correction=1), [(_F, (5, 3))]),
    "std": (lambda x: bridge.std(x, keepdims=True), [(_F, (5, 3))]),
    "max": (lambda x: bridge.max(x, axis=1), [(np.int32, (3, 4))]),
    "min": (lambda x: bridge.min(x, axis=-1, keepdims=True), [(_F, (3, 4))]),
    "cumulative_sum": (lambda x: bridge.cumulative_sum(x, axis=1, include_initial=True),
                       [(np.int16, (3, 4))]),
    "cumulative_prod": (lambda x: bridge.cumulative_prod(x, axis=0), [(np.float32, (3, 4))]),
    "all": (lambda x: bridge.all(x, axis=0), [(np.bool_, (3, 4))]),
    "any": (lambda x: bridge.any(x, axis=1, keepdims=True), [(np.bool_, (3, 4))]),
    "diff": (lambda x: bridge.diff(x, axis=0, n=2, prepend=x[:1]), [(_F, (5, 3))]),
    # searching
    "argmax": (lambda x: bridge.argmax(x, axis=1), [(np.int32, (3, 4))]),
    "argmin": (lambda x: bridge.argmin(x, keepdims=True, axis=0), [(np.int32, (3, 4))]),
    "count_nonzero": (lambda x: bridge.count_nonzero(x, axis=1, keepdims=True),
                      [(np.int8, (3, 4))]),
    "count_nonzero_all": (lambda x: bridge.count_nonzero(x), [(np.bool_, (3, 4))]),
    "nonzero": (lambda x: bridge.nonzero(x), [(np.bool_, (3, 4))]),
    "searchsorted": (lambda a, v: bridge.searchsorted(bridge.sort(a), v, side="right"),
                     [(np.int32, (9,)), (np.int32, (4,))]),
    "where": (lambda c, a, b: bridge.where(c, a, b), [(np.bool_, (3, 1)), (_F, (3, 4)),
                                                      (_F, (4,))]),
    # sets
    "unique_values": (lambda x: bridge.unique_values(x), [(np.int8, (20,))]),
    "unique_counts": (lambda x: bridge.unique_counts(x), [(np.int8, (4, 5))]),
    "unique_inverse": (lambda x: bridge.unique_inverse(x), [(np.int8, (4, 5))]),
    "unique_all": (lambda x: bridge.unique_all(x), [(np.int8, (4, 5))]),
    "isin": (lambda a, b: bridge.isin(a, b), [(np.int8, (4, 5)), (np.int8, (6,))]),
    # sorting
    "sort": (lambda x: bridge.sort(x, axis=0, descending=True), [(_F, (6, 3))]),
    "argsort": (lambda x: bridge.argsort(x, axis=1, stable=True), [(np.int8, (3, 12))]),
    "argsort_desc": (lambda x: bridge.argsort(x, descending=True), [(np.int8, (30,))]),
    # manipulation
    "concat": (lambda a, b: bridge.concat([a, b], axis=1), [(_F, (2, 3)), (_F, (2, 2))]),
    "concat_flat": (lambda a, b: bridge.concat([a, b], axis=None), [(_F, (2, 3)), (_F, (4,))]),
    "stack": (lambda a, b: bridge.stack([a, b], axis=-1), [(_F, (2, 3)), (_F, (2, 3))]),
    "unstack": (lambda x: bridge.unstack(x, axis=1), [(_F, (2, 3))]),
    "flip": (lambda x: bridge.flip(x, axis=0), [(_F, (3, 4))]),
    "roll": (lambda x: bridge.roll(x, 2, axis=1), [(_F, (3, 4))]),
    "repeat": (lambda x: bridge.repeat(x, 3, axis=0), [(_F, (2, 3))]),
    "repeat_tensor": (lambda x: bridge.repeat(x, bridge.asarray([1, 0, 2], device=x.device),
                                              axis=1), [(_F, (2, 3))]),
    "tile": (lambda x: bridge.tile(x, (2, 3)), [(_F, (2, 3))]),
    "moveaxis": (lambda x: bridge.moveaxis(x, 0, -1), [(_F, (2, 3, 4))]),
    "permute_dims": (lambda x: bridge.permute_dims(x, (2, 0, 1)), [(_F, (2, 3, 4))]),
    "reshape": (lambda x: bridge.reshape(x, (4, -1)), [(_F, (2, 3, 4))]),
    "squeeze": (lambda x: bridge.squeeze(x, axis=1), [(_F, (3, 1, 4))]),
    "expand_dims": (lambda x: bridge.expand_dims(x, axis=1), [(_F, (3, 4))]),
    "broadcast_to": (lambda x: bridge.broadcast_to(x, (3, 2, 4)), [(_F, (2, 1))]),
    "broadcast_arrays": (lambda a, b: bridge.broadcast_arrays(a, b), [(_F, (2, 1)), (_F, (3,))]),
    # casting inf or NaN to an integer is undefined in C, so only finite values
    "astype": (lambda x: bridge.astype(bridge.where(bridge.isfinite(x), x, 0.0), bridge.int16),
               [(np.float32, (3, 4))]),
    "clip": (lambda x: bridge.clip(x, -1.0, 0.5), [(_F, (3, 4))]),
    "clip_tensor": (lambda x, lo: bridge.clip(x, min=lo), [(_F, (3, 4)), (_F, (4,))]),
    "tril": (lambda x: bridge.tril(x, k=1), [(_F, (4, 5))]),
    "triu": (lambda x: bridge.triu(x, k=-1), [(_F, (2, 4, 5))]),
    "meshgrid": (lambda a, b: bridge.meshgrid(a, b, indexing="ij"), [(_F, (3,)), (_F, (2,))]),
    # indexing
    "getitem_basic": (lambda x: x[1:, ::2, None, -1], [(_F, (3, 4, 5))]),
    "getitem_int": (lambda x: x[1, 2], [(_F, (3, 4))]),
    "getitem_mask": (lambda x: x[x > 0], [(_F, (3, 4))]),
    "getitem_index_tensor": (lambda x: x[bridge.asarray([2, 0, -1], device=x.device)],
                             [(_F, (3, 4))]),
    "take": (lambda x: bridge.take(x, bridge.asarray([3, -1, 0], device=x.device), axis=1),
             [(_F, (3, 4))]),
    "take_along_axis": (lambda x: bridge.take_along_axis(
        x, bridge.asarray([[0, -1], [2, 1], [-4, 3]], device=x.device), axis=1),
        [(_F, (3, 4))]),
    # linear algebra
    "matmul": (lambda a, b: bridge.matmul(a, b), [(np.float32, (2, 3, 4)), (np.float32, (4, 5))]),
    "matmul_int": (lambda a, b: a @ b, [(np.int32, (3, 4)), (np.int32, (4,))]),
    "tensordot": (lambda a, b: bridge.tensordot(a, b, axes=2), [(_F, (2, 3, 4)), (_F, (3, 4))]),
    "vecdot": (lambda a, b: bridge.vecdot(a, b), [(np.complex128, (3, 4)), (np.complex128, (4,))]),
    "matrix_transpose": (lambda x: bridge.matrix_transpose(x), [(_F, (2, 3, 4))]),
}


def _materialised_case(name):
    func, specs = _CASES[name]
    rng = np.random.default_rng(RNG_SEED)
    return func, [_sample(dtype, shape, rng) for dtype, shape in specs]


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("name", sorted(_CASES))
def test_function_matches_numpy_backend(name):
    func, arrays = _materialised_case(name)
    _same_on_both(func, *arrays, context=name)


@pytest.mark.gpu
@gpu
def test_setitem_matches_numpy_backend():
    def write(x, v):
        x = bridge.asarray(x, copy=True)
        x[1:, 0] = v[:2]
        x[x < 0] = 0.25
        x[0] = 7.0
        x[bridge.asarray([2, 0], device=x.device), 3] = -2.0
        return x

    rng = np.random.default_rng(RNG_SEED)
    _same_on_both(write, _sample(_F, (3, 4), rng), _sample(_F, (4,), rng))


def _positive_definite(n, dtype, rng):
    a = rng.standard_normal((n, n)).astype(dtype)
    return (a @ a.T + n * np.eye(n, dtype=dtype)).astype(dtype)


_LINALG = {
    "linalg.cholesky": lambda x: bridge.linalg.cholesky(x, upper=True),
    "linalg.det": lambda x: bridge.linalg.det(x),
    "linalg.inv": lambda x: bridge.linalg.inv(x),
    "linalg.slogdet": lambda x: bridge.linalg.slogdet(x),
    "linalg.eigvalsh": lambda x: bridge.linalg.eigvalsh(x),
    "linalg.svdvals": lambda x: bridge.linalg.svdvals(x),
    "linalg.matrix_rank": lambda x: bridge.linalg.matrix_rank(x),
    "linalg.pinv": lambda x: bridge.linalg.pinv(x),
    "linalg.matrix_norm": lambda x: bridge.linalg.matrix_norm(x, ord="fro"),
    "linalg.vector_norm": lambda x: bridge.linalg.vector_norm(x, ord=3, axis=-1),
    "linalg.trace": lambda x: bridge.linalg.trace(x, offset=1),
    "linalg.diagonal": lambda x: bridge.linalg.diagonal(x, offset=-1),
    "linalg.matrix_power": lambda x: bridge.linalg.matrix_power(x, 3),
    "linalg.solve": lambda x: bridge.linalg.solve(x, x[..., 0]),
    "linalg.outer": lambda x: bridge.linalg.outer(x[0], x[1]),
    "linalg.cross": lambda x: bridge.linalg.cross(x[:, :3], x[:, 1:4]),
}


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("name", sorted(_LINALG))
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_linalg_matches_numpy_backend(name, dtype):
    numpy_kernels, _ = _both_backends()
    if name not in REGISTRY or name not in numpy_kernels:
        pytest.skip(f"{name} is not implemented on the numpy backend yet")
    rng = np.random.default_rng(RNG_SEED)
    x = _positive_definite(4, dtype, rng)
    func = _LINALG[name]
    with bridge.use_backend("numpy"):
        expected = func(bridge.asarray(x))
    got = func(bridge.asarray(x, device=GPU))
    # LAPACK and cuSOLVER take different paths: compare at a tolerance that scales
    # with the condition of these small, well-conditioned matrices
    tol = 1e-4 if dtype == np.float32 else 1e-10
    for g, e in zip(got if isinstance(got, tuple) else (got,),
                    expected if isinstance(expected, tuple) else (expected,)):
        assert g.device == GPU and g.dtype == e.dtype and g.shape == e.shape, name
        np.testing.assert_allclose(to_numpy(g), to_numpy(e), rtol=tol, atol=tol, err_msg=name)


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("dtype", [np.float32, np.complex128])
def test_decompositions_reconstruct_on_gpu(dtype):
    """Eigenvectors, singular vectors and QR factors are unique only up to signs or
    phases, so check what they must satisfy instead of comparing with LAPACK's."""
    if "linalg.qr" not in _both_backends()[0]:
        pytest.skip("linalg decompositions are not implemented on the numpy backend yet")
    rng = np.random.default_rng(RNG_SEED)
    a = _sample(dtype, (5, 4), rng)
    a = np.where(np.isfinite(a), a, 1).astype(dtype)
    x = bridge.asarray(a, device=GPU)
    tol = 1e-4 if dtype == np.float32 else 1e-10
    q, r = bridge.linalg.qr(x)
    np.testing.assert_allclose(to_numpy(q @ r), a, rtol=tol, atol=tol)
    u, s, vh = bridge.linalg.svd(x, full_matrices=False)
    rebuilt = (u * bridge.astype(s, u.dtype)[None, :]) @ vh
    np.testing.assert_allclose(to_numpy(rebuilt), a, rtol=tol, atol=tol)
    h = x.mT @ bridge.conj(x) if np.dtype(dtype).kind == "c" else x.mT @ x
    h = (h + bridge.conj(h.mT)) / 2
    w, v = bridge.linalg.eigh(h)
    np.testing.assert_allclose(to_numpy(h @ v), to_numpy(v * bridge.astype(w, v.dtype)[None, :]),
                               rtol=tol * 10, atol=tol * 10)


_FFT = {
    "fft.fft": lambda x: bridge.fft.fft(x, n=6, axis=0),
    "fft.ifft": lambda x: bridge.fft.ifft(x, norm="ortho"),
    "fft.fftn": lambda x: bridge.fft.fftn(x),
    "fft.ifftn": lambda x: bridge.fft.ifftn(x, s=(2, 3), axes=(0, 1)),
    "fft.rfft": lambda x: bridge.fft.rfft(bridge.real(x)),
    "fft.irfft": lambda x: bridge.fft.irfft(x, n=8),
    "fft.rfftn": lambda x: bridge.fft.rfftn(bridge.real(x), norm="forward"),
    "fft.irfftn": lambda x: bridge.fft.irfftn(x),
    "fft.hfft": lambda x: bridge.fft.hfft(x),
    "fft.ihfft": lambda x: bridge.fft.ihfft(bridge.real(x)),
    "fft.fftshift": lambda x: bridge.fft.fftshift(x),
    "fft.ifftshift": lambda x: bridge.fft.ifftshift(x, axes=0),
}


@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("name", sorted(_FFT))
@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_fft_matches_numpy_backend(name, dtype):
    if name not in REGISTRY or name not in _both_backends()[0]:
        pytest.skip(f"{name} is not implemented on the numpy backend yet")
    rng = np.random.default_rng(RNG_SEED)
    x = (rng.standard_normal((4, 5)) + 1j * rng.standard_normal((4, 5))).astype(dtype)
    func = _FFT[name]
    with bridge.use_backend("numpy"):
        expected = func(bridge.asarray(x))
    got = func(bridge.asarray(x, device=GPU))
    tol = 1e-4 if dtype == np.complex64 else 1e-12
    assert got.device == GPU and got.dtype == expected.dtype and got.shape == expected.shape
    np.testing.assert_allclose(to_numpy(got), to_numpy(expected), rtol=tol, atol=tol)


@pytest.mark.gpu
@gpu
def test_fft_frequencies_on_gpu():
    if "fft.fftfreq" not in REGISTRY or "fft.fftfreq" not in _both_backends()[0]:
        pytest.skip("fft.fftfreq is not implemented on the numpy backend yet")
    got = bridge.fft.fftfreq(7, d=0.5, device=GPU)
    assert got.device == GPU
    np.testing.assert_allclose(to_numpy(got), np.fft.fftfreq(7, 0.5))
    got = bridge.fft.rfftfreq(8, dtype=bridge.float32, device=GPU)
    assert got.device == GPU and got.dtype == bridge.float32
    np.testing.assert_allclose(to_numpy(got), np.fft.rfftfreq(8), rtol=1e-6)


@pytest.mark.gpu
@gpu
class TestCupyDifferencesAreCorrected:
    """Places where CuPy's own function differs from NumPy or the standard, each
    corrected by an override in the cupy backend."""

    def test_hypot_just_below_overflow_is_finite(self):
        # CUDA's hypot gives inf for hypot(1, DBL_MAX); C's libm and NumPy give DBL_MAX
        for dtype in (np.float32, np.float64):
            big = np.finfo(dtype).max
            x1 = np.array([1.0, big, big / 2, 3.0, big, np.inf, np.nan, -big], dtype)
            x2 = np.array([big, 1.0, big / 2, 4.0, big, np.nan, np.inf, 0.0], dtype)
            got = to_numpy(bridge.hypot(bridge.asarray(x1, device=GPU),
                                        bridge.asarray(x2, device=GPU)))
            with np.errstate(over="ignore"):
                expected = np.hypot(x1, x2)
            np.testing.assert_allclose(got, expected, rtol=4 * np.finfo(dtype).eps)

    def test_negative_zero_fill_keeps_its_sign(self):
        for value in (-0.0, complex(-0.0, 0.0), complex(0.0, -0.0)):
            got = to_numpy(bridge.full(3, value, device=GPU))
            expected = np.full(3, value)
            np.testing.assert_array_equal(np.signbit(got.real), np.signbit(expected.real))
            np.testing.assert_array_equal(np.signbit(got.imag), np.signbit(expected.imag))

    def test_complex_linspace(self):
        got = bridge.linspace(0, 1 + 2j, 5, device=GPU)
        assert got.dtype == bridge.complex128
        np.testing.assert_allclose(to_numpy(got), np.linspace(0, 1 + 2j, 5))
        got = bridge.linspace(1j, 0, 4, endpoint=False, dtype=bridge.complex64, device=GPU)
        np.testing.assert_allclose(to_numpy(got), np.linspace(1j, 0, 4, endpoint=False),
                                   rtol=1e-6)

    def test_float_remainder_and_floor_divide_are_exact(self):
        x1 = np.array([1.2846135e08, 0.0, -1.0, 5.5, -0.0, 7.0, np.inf, 1.0], np.float32)
        x2 = np.array([3.0, np.inf, np.inf, -2.0, 3.0, 0.0, 2.0, -0.0], np.float32)
        for name in ("remainder", "floor_divide"):
            _same_on_both(getattr(bridge, name), x1, x2, context=name)
            _same_on_both(lambda a, f=getattr(bridge, name): f(a, 3), x1, context=f"{name}(x, 3)")
        # the standard's signed results: 1 // -0.0 = -inf, 0 % inf = +0
        one = bridge.asarray([1.0, 0.0], device=GPU)
        assert to_numpy(one // bridge.asarray([-0.0, 1.0], device=GPU))[0] == -np.inf
        assert to_numpy(bridge.remainder(one, math.inf))[1] == 0.0

    def test_complex_log2_log10_of_zero(self):
        zero = bridge.zeros(1, dtype=bridge.complex128, device=GPU)
        for func in (bridge.log2, bridge.log10):
            got = to_numpy(func(zero))[0]
            assert got.real == -np.inf and got.imag == 0.0

    def test_singular_matrices_raise(self):
        if "linalg.inv" not in _both_backends()[0]:
            pytest.skip("linalg is not implemented on the numpy backend yet")
        with pytest.raises(np.linalg.LinAlgError, match="linalg.inv"):
            bridge.linalg.inv(bridge.zeros((2, 2), device=GPU))
        with pytest.raises(ValueError, match="linalg.cholesky"):
            bridge.linalg.cholesky(bridge.asarray([[1.0, 2.0], [2.0, 1.0]], device=GPU))
        norm = bridge.linalg.matrix_norm(bridge.ones((0, 3), device=GPU), ord=2)
        assert norm.device == GPU and float(norm) == 0.0

    def test_asarray_keeps_a_gpu_arrays_device(self, cupy):
        torch = _torch_cuda()
        with bridge.use_backend("numpy"):
            # a GPU array stays on its GPU (no copy to the host that nobody asked for)
            raw = cupy.ones(2)
            t = bridge.asarray(raw)
            assert t.device == GPU and _ptr(t) == raw.data.ptr
            if torch is not None:
                assert bridge.asarray(torch.ones(2, device="cuda")).device == GPU
            assert bridge.asarray(np.ones(2)).device == "cpu"
        with bridge.use_backend("cupy"):
            # host data goes to the default device, with an explicit copy
            host = np.arange(3.0)
            on_gpu = bridge.asarray(host)
            assert on_gpu.device == GPU
            np.testing.assert_array_equal(to_numpy(on_gpu), host)
            assert bridge.asarray([1.0, 2.0]).device == GPU
            assert bridge.asarray(np.arange(2), device="cpu").device == "cpu"


_ARITHMETIC = ["add", "subtract", "multiply", "divide", "maximum", "atan2", "hypot"]


@pytest.mark.gpu
@gpu
@given(
    name=st.sampled_from(_ARITHMETIC),
    dtype=st.sampled_from([np.float32, np.float64]),
    shapes=st.sampled_from([((3,), (3,)), ((2, 1), (1, 4)), ((), (2, 3)), ((4, 1, 2), (3, 1))]),
    seed=st.integers(0, 2**32 - 1),
)
def test_broadcasting_arithmetic_matches_numpy_backend(name, dtype, shapes, seed):
    rng = np.random.default_rng(seed)
    a = _sample(dtype, shapes[0], rng)
    b = _sample(dtype, shapes[1], rng)
    _same_on_both(getattr(bridge, name), a, b, context=name)


# ------------------------------------------------------------------ DLPack and CAI


def _capsule_flags(capsule) -> int:
    """The ``flags`` field of a versioned DLPack capsule (DLManagedTensorVersioned:
    version (2 x uint32), manager_ctx, deleter, flags (uint64))."""
    get = ctypes.pythonapi.PyCapsule_GetPointer
    get.restype = ctypes.c_void_p
    get.argtypes = [ctypes.py_object, ctypes.c_char_p]
    address = get(capsule, b"dltensor_versioned")
    return ctypes.c_uint64.from_address(address + 8 + 2 * ctypes.sizeof(ctypes.c_void_p)).value


IS_COPIED = 1 << 1


class _Capsule:
    """Hands a capsule that was already made to a consumer (to test stream order)."""

    def __init__(self, capsule, device):
        self._capsule = capsule
        self._device = device

    def __dlpack__(self, **kwargs):
        return self._capsule

    def __dlpack_device__(self):
        return self._device


_SLOW_FILL = r"""
extern "C" __global__ void slow_fill(float* out, float value, long long cycles) {
    long long start = clock64();
    while (clock64() - start < cycles) { }
    out[threadIdx.x] = value;
}
"""


@pytest.mark.gpu
@gpu
class TestDLPack:
    def test_device_and_zero_copy_with_cupy(self, cupy):
        t = bridge.arange(6, dtype=bridge.float32, device=GPU)
        assert t.__dlpack_device__() == (2, 0)
        c = cupy.from_dlpack(t)
        assert c.data.ptr == _ptr(t)
        c[0] = 9.0
        assert float(t[0]) == 9.0
        raw = cupy.linspace(0, 1, 5)
        back = bridge.from_dlpack(raw)
        assert back.device == GPU and _ptr(back) == raw.data.ptr
        raw[1] = -5
        assert float(back[1]) == -5.0

    def test_from_dlpack_copy_and_device(self, cupy):
        raw = cupy.ones(4)
        copied = bridge.from_dlpack(raw, copy=True)
        assert _ptr(copied) != raw.data.ptr
        to_host = bridge.from_dlpack(bridge.asarray(raw), device="cpu")
        assert to_host.device == "cpu"
        np.testing.assert_array_equal(np.asarray(to_host), np.ones(4))
        host = np.arange(3.0)
        on_gpu = bridge.from_dlpack(host, device=GPU)
        assert on_gpu.device == GPU
        np.testing.assert_array_equal(to_numpy(on_gpu), host)
        with pytest.raises(BufferError, match="copy=False"):
            bridge.from_dlpack(host, device=GPU, copy=False)

    def test_zero_copy_with_torch_both_ways(self):
        torch = _torch_cuda()
        if torch is None:
            pytest.skip("PyTorch with CUDA is not installed")
        t = bridge.arange(5, dtype=bridge.float64, device=GPU)
        tt = torch.from_dlpack(t)
        assert tt.is_cuda and tt.data_ptr() == _ptr(t)
        tt[2] = 100.0
        torch.cuda.synchronize()
        assert float(t[2]) == 100.0
        source = torch.arange(4, dtype=torch.float32, device="cuda")
        b = bridge.from_dlpack(source)
        assert b.device == GPU and _ptr(b) == source.data_ptr()
        source.mul_(3)
        torch.cuda.synchronize()
        np.testing.assert_array_equal(to_numpy(b), [0.0, 3.0, 6.0, 9.0])
        # asarray takes CUDA DLPack producers too
        c = bridge.asarray(source)
        assert c.device == GPU and _ptr(c) == source.data_ptr()
        # __cuda_array_interface__ is the other door
        via_cai = torch.as_tensor(t, device="cuda")
        assert via_cai.data_ptr() == _ptr(t)

    @pytest.mark.parametrize("stream", [None, -1, 1, 2, "pointer"])
    def test_stream_values(self, cupy, stream):
        t = bridge.arange(4, dtype=bridge.float32, device=GPU)
        consumer = cupy.cuda.Stream(non_blocking=True)  # alive until the test ends
        if stream == "pointer":
            stream = consumer.ptr
        capsule = t.__dlpack__(stream=stream)
        out = cupy.from_dlpack(_Capsule(capsule, (2, 0)))
        np.testing.assert_array_equal(out.get(), np.arange(4, dtype=np.float32))

    @pytest.mark.parametrize("stream", [0, -2])
    def test_disallowed_streams(self, stream):
        t = bridge.ones(2, device=GPU)
        with pytest.raises(ValueError, match="stream"):
            t.__dlpack__(stream=stream)
        with pytest.raises(TypeError, match="stream"):
            t.__dlpack__(stream=1.5)

    def test_consumer_stream_waits_for_producer_work(self, cupy):
        """The consumer's stream must see work bridge queued before the export."""
        kernel = cupy.RawKernel(_SLOW_FILL, "slow_fill")
        t = bridge.zeros(32, dtype=bridge.float32, device=GPU)
        cupy.cuda.runtime.deviceSynchronize()  # the zeros are written before the race
        producer = cupy.cuda.Stream(non_blocking=True)
        consumer = cupy.cuda.Stream(non_blocking=True)
        cycles = 50_000_000  # tens of milliseconds: far longer than the read below
        with producer:
            kernel((1,), (32,), (cupy.from_dlpack(t), np.float32(7.0), np.int64(cycles)))
            capsule = t.__dlpack__(stream=consumer.ptr)
        with consumer:
            view = cupy.from_dlpack(_Capsule(capsule, (2, 0)))
            snapshot = view.copy()  # queued on the consumer's stream
        consumer.synchronize()
        np.testing.assert_array_equal(snapshot.get(), np.full(32, 7.0, np.float32))

    def test_export_to_cpu_copies_and_says_so(self):
        t = bridge.arange(4, dtype=bridge.float64, device=GPU)
        capsule = t.__dlpack__(max_version=(1, 0), dl_device=(1, 0))
        assert _capsule_flags(capsule) & IS_COPIED
        host = np.from_dlpack(t, device="cpu")
        np.testing.assert_array_equal(host, np.arange(4.0))
        with pytest.raises(BufferError, match="copy"):
            t.__dlpack__(max_version=(1, 0), dl_device=(1, 0), copy=False)
        with pytest.raises(BufferError):
            t.__dlpack__(dl_device=(2, 99))

    def test_copy_true_gives_fresh_memory(self, cupy):
        t = bridge.arange(3, dtype=bridge.float32, device=GPU)
        capsule = t.__dlpack__(max_version=(1, 0), copy=True)
        out = cupy.from_dlpack(_Capsule(capsule, (2, 0)))
        assert out.data.ptr != _ptr(t)
        np.testing.assert_array_equal(out.get(), [0.0, 1.0, 2.0])

    def test_cuda_array_interface(self, cupy):
        t = bridge.ones((2, 3), dtype=bridge.int32, device=GPU)
        cai = t.__cuda_array_interface__
        assert cai["shape"] == (2, 3) and cai["typestr"] == "<i4" and cai["version"] >= 2
        view = cupy.asarray(t)
        assert view.data.ptr == _ptr(t)
        assert not hasattr(bridge.ones(2, device="cpu"), "__cuda_array_interface__")


# ------------------------------------------------------------------ without a GPU


def test_importing_bridge_does_not_import_cupy():
    code = "import sys, bridge; bridge.ones(2); sys.exit('cupy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"BRIDGE_BACKEND": "numpy", "PATH": ""}, cwd=_repo_root())
    assert done.returncode == 0, done.stderr or "importing bridge imported cupy"


def _repo_root():
    import os

    return os.path.dirname(os.path.dirname(os.path.abspath(bridge.__file__)))


@pytest.mark.skipif(NO_GPU is None, reason="this machine has a GPU; the test is for machines without")
class TestWithoutGPU:
    def test_devices_lists_only_the_cpu(self):
        assert bridge.__array_namespace_info__().devices() == (bridge.Device("cpu"),)

    @pytest.mark.parametrize("call", [
        lambda: bridge.ones(3, device="cuda:0"),
        lambda: bridge.asarray([1.0], device="cuda"),
        lambda: bridge.ones(3).to_device("cuda:0"),
        lambda: bridge.set_default_device("cuda:0"),
        lambda: bridge.use_backend("cupy").__enter__(),
    ])
    def test_asking_for_a_gpu_says_what_is_missing(self, call):
        with pytest.raises(ValueError, match="cupy") as info:
            call()
        message = str(info.value)
        assert "available backends" in message and ("CuPy" in message or "CUDA" in message)

    def test_default_device_is_the_cpu(self):
        with bridge.use_backend("numpy"):
            assert bridge.__array_namespace_info__().default_device() == "cpu"
            assert bridge.get_default_device() == "cpu"


def test_default_device_context_validates_its_argument():
    with pytest.raises(ValueError, match="default_device"):
        with bridge.default_device("tpu:0"):
            pass
    with pytest.raises(ValueError, match="set_default_device"):
        bridge.set_default_device(3)



@pytest.mark.gpu
@gpu
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("layout", ["contiguous", "transposed", "row slice", "column step",
                                    "both transposed"])
def test_matmul_of_every_layout_matches_the_host(dtype, layout):
    # the cupy backend calls cuBLAS's gemm directly for matrices with a unit stride on
    # one side (reading transposes in place); other layouts take CuPy's product
    rng = np.random.default_rng(7)
    a = rng.standard_normal((37, 50)).astype(dtype)
    b = rng.standard_normal((50, 29)).astype(dtype)

    def transposed(m):
        return bridge.matrix_transpose(bridge.asarray(np.ascontiguousarray(m.T), device=GPU))

    x1 = bridge.asarray(a, device=GPU)
    x2 = bridge.asarray(b, device=GPU)
    if layout in ("transposed", "both transposed"):
        x1 = transposed(a)
    if layout == "both transposed":
        x2 = transposed(b)
    if layout == "row slice":
        x2 = bridge.asarray(np.pad(b, ((0, 0), (0, 5))), device=GPU)[:, :29]
    if layout == "column step":
        x1 = bridge.asarray(np.repeat(a, 2, axis=1), device=GPU)[:, ::2]
    got = to_numpy(x1 @ x2)
    assert got.dtype == dtype and got.shape == (37, 29)
    tol = 1e-4 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(got, a.astype(np.float64) @ b, rtol=tol, atol=tol)


@given(start=st.floats(-1e4, 1e4), span=st.floats(0, 1e3), step=st.floats(1e-3, 50),
       down=st.booleans(), dtype=st.sampled_from(["float32", "float64"]))
def test_cupy_arange_steps_as_numpys(start, span, step, down, dtype):
    """The cupy backend's float arange rounds NumPy's product and sum apart (CuPy's one
    kernel fused them; a grid point on a bin edge changed bins): run with NumPy as the
    array module, it gives NumPy's bits."""
    from bridge.backends.cupy_backend import _stepwise_arange

    stop = start - span if down else start + span
    step = -step if down else step
    got = _stepwise_arange(np)(start, stop, step, np.dtype(dtype))
    expected = np.arange(start, stop, step, dtype=dtype)
    assert got.dtype == expected.dtype and got.tobytes() == expected.tobytes()


@given(shape=st.sampled_from([(10,), (4, 6), (3, 2, 2)]), data=st.data())
def test_cupy_setitem_keeps_numpys_last_write(shape, data):
    """x[idx] = values with repeated positions: the last write stays, as in NumPy (CuPy's
    scatter keeps any one); the cupy backend's setitem, run with NumPy as the array
    module, gives NumPy's own assignment on any machine."""
    from bridge.backends.cupy_backend import _ordered_setitem

    n_idx = data.draw(st.integers(1, len(shape)))
    count = data.draw(st.integers(1, 8))
    key = tuple(np.array(data.draw(st.lists(st.integers(-s, s - 1), min_size=count,
                                            max_size=count))) for s in shape[:n_idx])
    if data.draw(st.booleans()) and n_idx < len(shape):
        key = key + (slice(None),)
    target = np.zeros(shape)[key]
    value = np.arange(1.0, target.size + 1).reshape(target.shape)
    if data.draw(st.booleans()):
        value = value[(0,) * (value.ndim - 1)] if value.ndim > 1 else value
    got, expected = np.zeros(shape), np.zeros(shape)
    _ordered_setitem(np)(got, value, key if len(key) > 1 else key[0])
    expected[key if len(key) > 1 else key[0]] = value
    np.testing.assert_array_equal(got, expected)


@given(start=st.one_of(st.floats(-1e6, 1e6), st.integers(-1000, 1000),
                       st.floats(-1e3, 1e3).map(np.float32)),
       stop=st.one_of(st.floats(-1e6, 1e6), st.integers(-1000, 1000)),
       num=st.integers(0, 300), endpoint=st.booleans(),
       dtype=st.sampled_from(["float32", "float64", "complex128"]))
def test_cupy_linspace_steps_as_numpys(start, stop, num, endpoint, dtype):
    """The cupy backend's linspace runs NumPy's algorithm one operation per kernel (CuPy's
    fused multiply-add changed the last bit): run with NumPy as the array module, it
    gives NumPy's bits, on any machine."""
    from bridge.backends.cupy_backend import _stepwise_linspace

    got = _stepwise_linspace(np)(start, stop, num, np.dtype(dtype), endpoint)
    expected = np.linspace(start, stop, num, endpoint=endpoint, dtype=dtype)
    assert got.dtype == expected.dtype
    assert got.tobytes() == expected.tobytes()

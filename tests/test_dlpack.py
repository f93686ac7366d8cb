"""DLPack exchange: a producer x consumer matrix, capsule format, bad input, lifetime.

Every pair has bridge on one side (bridge x bridge included, once directly and once
through a capsule): producers {bridge, bridge through a capsule, NumPy, PyTorch, JAX,
array_api_strict} into bridge.from_dlpack, and a bridge Tensor into the consumers
{NumPy, PyTorch, JAX, array_api_strict}; each over the 13 dtypes, the layouts below,
copy None/True/False and read-only. Zero-copy is proven by equal data pointers and by
writing through one side and reading the other.

This is the CPU matrix: it runs on the CPU backends, with the CPU as the default device
and JAX's CPU device, also where BRIDGE_BACKEND=cupy and JAX would use a GPU;
tests/test_dlpack_gpu.py has the CUDA exchanges.
"""

from __future__ import annotations

import ctypes
import gc
import os
import subprocess
import sys
import textwrap
import threading
import types

import numpy as np
import pytest

import bridge
from bridge import _dlpack
from bridge._fastpath import TensorBase

ext = _dlpack._ext

torch = pytest.importorskip("torch")
xs = pytest.importorskip("array_api_strict")
try:
    import jax
    import jax.numpy as jnp

    jax.config.update("jax_enable_x64", True)  # int64/float64/complex128 in JAX
    JAX_SKIP = None
except ImportError as exc:  # `pip install jax` failed on this machine
    jax = jnp = None
    JAX_SKIP = f"JAX is not installed: {exc}"

CPU_BACKENDS = [name for name in bridge.available_backends() if name != "cupy"]


@pytest.fixture(params=CPU_BACKENDS)
def backend(request):
    """The CPU backends only (this file's matrix is host memory)."""
    with bridge.use_backend(request.param):
        yield request.param


@pytest.fixture(autouse=True)
def on_the_cpu():
    """bridge's default device and JAX's are the CPU in every test of this file."""
    with bridge.default_device("cpu"):
        if jax is None:
            yield
        else:
            with jax.default_device(jax.devices("cpu")[0]):
                yield

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]
LAYOUTS = ["contiguous", "transposed", "step", "negative", "broadcast", "zero_d", "size_0"]
COPIES = [None, True, False]


def test_extension_is_built():
    # the C extension is the implementation; the NumPy fallback exists only so that an
    # unbuilt checkout still imports (build: BRIDGE_BUILD_ONLY=dlpack python setup.py
    # build_ext --inplace)
    assert ext is not None, "bridge._dlpack_ext is not built"
    assert ext.DLPACK_VERSION == (1, 3)


# ------------------------------------------------------------------ sources

def _values(dtype, n, seed):
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.integers(0, 2, n).astype(bool)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        return rng.integers(max(info.min, -100), min(info.max, 100), n).astype(dt)
    if dt.kind == "c":
        return (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dt)
    return rng.standard_normal(n).astype(dt)


def make_source(dtype, layout, read_only, seed=0):
    """A NumPy view with ``layout`` over 64-byte-aligned memory (so JAX can share it)."""
    dt = np.dtype(dtype)
    base = _dlpack.aligned_empty((4, 6), dt)
    base[...] = _values(dt, 24, seed).reshape(4, 6)
    if layout == "contiguous":
        src = base
    elif layout == "transposed":
        src = base.T
    elif layout == "step":
        src = base[::2, ::3]
    elif layout == "negative":
        src = base[::-1, ::-2]
    elif layout == "broadcast":  # a writable zero-stride view (broadcast_to is read-only)
        src = np.lib.stride_tricks.as_strided(base[0], shape=(3, 6), strides=(0, dt.itemsize))
    elif layout == "zero_d":
        src = base[1, 2, ...]
    elif layout == "size_0":
        src = base[:0]
    else:
        raise ValueError(layout)
    if read_only:
        src.flags.writeable = False
    return src


def has_negative_strides(a):
    return a.size > 0 and any(s < 0 for s, n in zip(a.strides, a.shape) if n > 1)


def first_index(a):
    return (0,) * a.ndim


def changed(value):
    if isinstance(value, (bool, np.bool_)):
        return not value
    return value + 1


class CapsuleOnly:
    """A foreign producer: only the two protocol methods of a bridge Tensor."""

    def __init__(self, tensor):
        self.tensor = tensor

    def __dlpack__(self, **kwargs):
        return self.tensor.__dlpack__(**kwargs)

    def __dlpack_device__(self):
        return self.tensor.__dlpack_device__()


def data_pointer(obj):
    if isinstance(obj, np.ndarray):
        return obj.ctypes.data
    if isinstance(obj, bridge.Tensor):
        return obj._data.ctypes.data
    if isinstance(obj, torch.Tensor):
        return obj.data_ptr()
    if type(obj).__module__.startswith("array_api_strict"):
        return obj._array.ctypes.data
    if jax is not None and isinstance(obj, jax.Array):
        return obj.unsafe_buffer_pointer()
    raise TypeError(type(obj))


# ------------------------------------------------------ producers -> bridge

PRODUCERS = ["bridge", "bridge_capsule", "numpy", "torch", "jax", "array_api_strict"]


def make_producer(name, src):
    """(producer object, reader of one element through the producer), or None where the
    producer cannot represent this layout (PyTorch: negative strides or read-only;
    JAX: its arrays are compact and immutable)."""
    if name == "bridge":
        t = bridge.asarray(src)
        assert np.shares_memory(t._data, src) or src.size == 0
        return t, lambda i: t._data[i]
    if name == "bridge_capsule":
        t = bridge.asarray(src)
        return CapsuleOnly(t), lambda i: t._data[i]
    if name == "numpy":
        return src, lambda i: src[i]
    if name == "torch":
        if has_negative_strides(src) or not src.flags.writeable:
            return None
        t = torch.from_numpy(src)
        return t, lambda i: t[i].item()
    if name == "jax":
        if jax is None or src.flags.writeable is False:
            return None
        j = jnp.asarray(src)
        return j, lambda i: np.asarray(j)[i]
    if name == "array_api_strict":
        a = xs.asarray(src)
        return a, lambda i: a._array[i]
    raise ValueError(name)


def check_import(producer_name, dtype, layout, copy, read_only):
    src = make_source(dtype, layout, read_only)
    made = make_producer(producer_name, src)
    if made is None:
        return "not representable"
    producer, read_producer = made
    producer_ptr = data_pointer(producer) if producer_name != "bridge_capsule" else \
        data_pointer(producer.tensor)
    expected = np.array(src)  # the values, snapshotted
    exporter_must_copy = producer_name == "bridge_capsule" and has_negative_strides(src)
    if copy is False and exporter_must_copy:
        with pytest.raises(BufferError, match="copy=False"):
            bridge.from_dlpack(producer, copy=False)
        return "refused"
    result = bridge.from_dlpack(producer, copy=copy)
    assert isinstance(result, bridge.Tensor)
    assert result.dtype == expected.dtype
    assert result.shape == expected.shape
    np.testing.assert_array_equal(np.asarray(result), expected)
    if src.size == 0:
        return "ok"
    copied = copy is True or exporter_must_copy
    if copied:
        assert data_pointer(result) != producer_ptr
    else:
        assert data_pointer(result) == producer_ptr
    # JAX hands out immutable buffers through legacy capsules: read-only imports
    writable = copied or not (read_only or producer_name == "jax")
    assert result._data.flags.writeable == writable
    idx = first_index(src)
    old = expected[idx]
    if not writable:
        with pytest.raises(ValueError, match="read-only"):
            result[idx] = old
        return "ok"
    new = changed(old)
    result[idx] = new
    if copied:
        assert read_producer(idx) == old  # a copy: the producer does not see the write
    else:
        assert read_producer(idx) == new  # shared: the producer reads bridge's write
    return "ok"


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("producer", PRODUCERS)
def test_import_matrix(backend, producer, dtype):
    if producer == "jax" and JAX_SKIP:
        pytest.skip(JAX_SKIP)
    outcomes = {}
    for layout in LAYOUTS:
        for copy in COPIES:
            for read_only in (False, True):
                outcomes[(layout, copy, read_only)] = check_import(
                    producer, dtype, layout, copy, read_only)
    assert "ok" in outcomes.values()


# ------------------------------------------------------ bridge -> consumers

CONSUMERS = ["numpy", "torch", "jax", "array_api_strict"]


def consume(name, t, copy):
    if name == "numpy":
        return np.from_dlpack(t, copy=copy)
    if name == "torch":
        return torch.from_dlpack(t, copy=copy)
    if name == "jax":
        return jnp.from_dlpack(t, copy=copy)
    if name == "array_api_strict":
        return xs.from_dlpack(t, copy=copy)
    raise ValueError(name)


def write_through(name, result, idx, value):
    if name == "numpy":
        result[idx] = value
    elif name == "torch":
        result[idx] = value.item() if hasattr(value, "item") else value
    elif name == "array_api_strict":
        result[idx] = xs.asarray(value, dtype=result.dtype)
    else:
        raise ValueError(name)


def check_export(consumer, dtype, layout, copy, read_only):
    src = make_source(dtype, layout, read_only)
    t = bridge.asarray(src)
    expected = np.array(src)
    # bridge never exports negative strides (PyTorch aborts on them), and a legacy
    # capsule (all JAX asks for) cannot say READ_ONLY: both are exported as copies
    exporter_must_copy = has_negative_strides(src) or (consumer == "jax" and read_only)
    if consumer == "jax" and not exporter_must_copy:
        if layout in ("step", "broadcast"):
            # JAX imports only compact (possibly transposed) strides: a peer limit
            with pytest.raises(Exception, match="compact"):
                consume("jax", t, copy)
            return "peer refuses"
        if copy is False and src.size and data_pointer(t) % 64:
            # JAX shares only 64-byte-aligned memory (bridge's own copies are aligned)
            with pytest.raises(ValueError, match="aligned"):
                consume("jax", t, copy)
            return "peer refuses"
    if consumer != "jax" and copy is False and exporter_must_copy:
        # (JAX passes only `stream` to __dlpack__, so it never asks bridge for copy=False)
        with pytest.raises(BufferError, match="copy=False"):
            consume(consumer, t, copy)
        return "refused"
    result = consume(consumer, t, copy)
    values = np.asarray(result.cpu() if consumer == "torch" else
                        (result._array if consumer == "array_api_strict" else result))
    assert values.dtype == expected.dtype
    np.testing.assert_array_equal(values, expected)
    if src.size == 0:
        return "ok"
    copied = copy is True or exporter_must_copy
    if consumer == "jax":
        # JAX shares only 64-byte-aligned memory and handles copy=True itself; bridge's
        # own copies (exporter_must_copy) are new memory. JAX arrays are immutable:
        # nothing to write through.
        if exporter_must_copy:
            assert data_pointer(result) != data_pointer(t)
        elif copy is not True and data_pointer(t) % 64 == 0:
            assert data_pointer(result) == data_pointer(t)
        return "ok"
    if copied:
        assert data_pointer(result) != data_pointer(t)
    else:
        assert data_pointer(result) == data_pointer(t)
    if consumer in ("numpy", "array_api_strict"):
        arr = result if consumer == "numpy" else result._array
        assert arr.flags.writeable == (copied or not read_only)
    if read_only and not copied:
        return "ok"  # PyTorch ignores READ_ONLY (a peer quirk): do not write through it
    idx = first_index(src)
    old = expected[idx]
    new = changed(old)
    write_through(consumer, result, idx, new)
    seen = t._data[idx]
    assert seen == (old if copied else new)
    return "ok"


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("consumer", CONSUMERS)
def test_export_matrix(backend, consumer, dtype):
    if consumer == "jax" and JAX_SKIP:
        pytest.skip(JAX_SKIP)
    outcomes = {}
    for layout in LAYOUTS:
        for copy in COPIES:
            for read_only in (False, True):
                outcomes[(layout, copy, read_only)] = check_export(
                    consumer, dtype, layout, copy, read_only)
    assert "ok" in outcomes.values()


def test_bridge_to_bridge_shares_memory(backend):
    t = bridge.asarray(np.arange(6.0))
    u = bridge.from_dlpack(t)
    assert u is not t and data_pointer(u) == data_pointer(t)
    u[0] = 42.0
    assert float(t[0]) == 42.0
    c = bridge.from_dlpack(t, copy=True)
    assert data_pointer(c) != data_pointer(t)
    assert data_pointer(c) % ext.ALIGNMENT == 0


# ------------------------------------------------------------ capsule format

def test_capsule_versions_and_negotiation():
    t = bridge.asarray(np.arange(6.0).reshape(2, 3))
    legacy = t.__dlpack__()
    assert ext.capsule_info(legacy)["name"] == "dltensor"
    assert ext.capsule_info(t.__dlpack__(max_version=(0, 8)))["name"] == "dltensor"
    for max_version in [(1, 0), (1, 3), (1, 7), (2, 0)]:
        info = ext.capsule_info(t.__dlpack__(max_version=max_version))
        # bridge speaks 1.3; a consumer asking for more checks the version it got
        assert info["name"] == "dltensor_versioned"
        assert info["version"] == (1, 3)
        assert info["device"] == (1, 0) and info["dtype"] == (2, 64, 1)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_strides_always_filled(layout):
    src = make_source("float64", layout, False)
    info = ext.capsule_info(bridge.asarray(src).__dlpack__(max_version=(1, 0), copy=None))
    assert info["strides"] is not None and len(info["strides"]) == src.ndim
    assert info["shape"] == src.shape
    if layout == "negative":
        # exported as a contiguous copy
        assert info["flags"] & ext.FLAG_IS_COPIED
        assert all(s >= 0 for s in info["strides"])
    elif src.size:
        assert info["strides"] == tuple(s // src.itemsize if n > 1 else info["strides"][i]
                                        for i, (s, n) in enumerate(zip(src.strides, src.shape)))
        assert info["data"] == src.ctypes.data


def test_flags_read_only_and_is_copied():
    src = np.arange(4.0)
    src.flags.writeable = False
    t = bridge.asarray(src)
    info = ext.capsule_info(t.__dlpack__(max_version=(1, 0)))
    assert info["flags"] == ext.FLAG_READ_ONLY and info["data"] == src.ctypes.data
    info = ext.capsule_info(t.__dlpack__(max_version=(1, 0), copy=True))
    assert info["flags"] == ext.FLAG_IS_COPIED and info["data"] != src.ctypes.data
    assert info["data"] % ext.ALIGNMENT == 0
    # a legacy capsule cannot carry READ_ONLY: a copy, or BufferError with copy=False
    info = ext.capsule_info(t.__dlpack__())
    assert info["data"] != src.ctypes.data
    with pytest.raises(BufferError, match="legacy"):
        t.__dlpack__(copy=False)
    # read-only import: writes raise
    imported = bridge.from_dlpack(src)
    with pytest.raises(ValueError, match="read-only"):
        imported[0] = 1.0


def test_is_copied_import_is_not_copied_again():
    arr = _dlpack.aligned_empty((3,), "float64")
    arr[...] = [1, 2, 3]
    cap = ext.craft_capsule(arr, True, 1, 3, ext.FLAG_IS_COPIED, 2, 64, 1, 1, 0, False,
                            False, "dltensor_versioned")
    out = ext.import_capsule(cap, True)
    assert out.ctypes.data == arr.ctypes.data  # the producer already copied


# ------------------------------------------------- what real producers send

def _crafted(arr, *, versioned=True, major=1, minor=3, flags=0, code=None, bits=None,
             lanes=1, device=1, byte_offset=0, null_strides=False, null_data=False,
             name=None):
    dl = {"b": 6, "i": 0, "u": 1, "f": 2, "c": 5}[arr.dtype.kind]
    return ext.craft_capsule(
        arr, versioned, major, minor, flags, dl if code is None else code,
        arr.dtype.itemsize * 8 if bits is None else bits, lanes, device, byte_offset,
        null_strides, null_data,
        name or ("dltensor_versioned" if versioned else "dltensor"))


class Producer:
    """A producer handing out a prepared capsule (or the same one again)."""

    def __init__(self, capsule, device=(1, 0)):
        self.capsule = capsule
        self.device = device

    def __dlpack__(self, **kwargs):
        return self.capsule

    def __dlpack_device__(self):
        return self.device


@pytest.mark.parametrize("versioned", [True, False])
def test_null_strides_byte_offset_and_names(backend, versioned):
    arr = np.arange(12, dtype=np.int32).reshape(3, 4)
    out = bridge.from_dlpack(Producer(_crafted(arr, versioned=versioned, null_strides=True,
                                               byte_offset=16)))
    np.testing.assert_array_equal(np.asarray(out), arr)
    assert data_pointer(out) == arr.ctypes.data  # data - 16 + byte_offset 16


def test_size_0_null_data_and_0d_null_shape(backend):
    empty = np.zeros((0, 3))
    out = bridge.from_dlpack(Producer(_crafted(empty, null_data=True)))
    assert out.shape == (0, 3) and out.dtype == np.float64
    scalar = np.array(7.5)
    out = bridge.from_dlpack(Producer(_crafted(scalar)))  # ndim 0: shape NULL
    assert out.shape == () and float(out) == 7.5
    with pytest.raises(BufferError, match="NULL data"):
        bridge.from_dlpack(Producer(_crafted(np.zeros(3), null_data=True)))


def test_negative_and_zero_strides_import(backend):
    base = np.arange(10.0)
    neg = base[::-2]
    out = bridge.from_dlpack(neg)
    assert data_pointer(out) == neg.ctypes.data
    np.testing.assert_array_equal(np.asarray(out), neg)
    zero = np.lib.stride_tricks.as_strided(base, shape=(3, 10), strides=(0, 8))
    out = bridge.from_dlpack(zero)
    assert out._data.strides == (0, 8)
    np.testing.assert_array_equal(np.asarray(out), zero)


# ------------------------------------------------------------------ bad input

def _deleter_calls():
    return ext.stats()["crafted_deleter_calls"]


def test_capsule_consumed_twice():
    before = _deleter_calls()
    producer = Producer(_crafted(np.arange(3.0)))
    first = bridge.from_dlpack(producer)
    with pytest.raises(BufferError, match="already consumed"):
        bridge.from_dlpack(producer)
    del producer, first
    gc.collect()
    assert _deleter_calls() == before + 1  # exactly once


def test_no_dlpack_attribute():
    for obj in (object(), [1, 2, 3], "text", 3):
        with pytest.raises(AttributeError, match="from_dlpack.*__dlpack__"):
            bridge.from_dlpack(obj)


def test_wrong_capsule_name():
    before = _deleter_calls()
    producer = Producer(_crafted(np.arange(3.0), name="something_else"))
    with pytest.raises(BufferError, match="not a DLPack tensor"):
        bridge.from_dlpack(producer)
    with pytest.raises(TypeError, match="not a PyCapsule"):
        bridge.from_dlpack(Producer(b"not a capsule"))
    del producer
    gc.collect()
    assert _deleter_calls() == before + 1


def test_major_version_too_new():
    before = _deleter_calls()
    producer = Producer(_crafted(np.arange(3.0), major=2, minor=0))
    with pytest.raises(BufferError, match="version 2.0"):
        bridge.from_dlpack(producer)
    del producer
    gc.collect()
    assert _deleter_calls() == before + 1  # the unconsumed capsule frees it


@pytest.mark.parametrize("code,bits,label", [(4, 16, "bfloat"), (7, 8, "float8"),
                                             (10, 8, "float8"), (17, 4, "float4"),
                                             (3, 64, "opaque handle")])
def test_unsupported_dtype_codes(code, bits, label):
    producer = Producer(_crafted(np.zeros(4, np.uint8), code=code, bits=bits))
    with pytest.raises(BufferError, match=f"dtype code {code} \\({label}\\)"):
        bridge.from_dlpack(producer)


def test_lanes_and_real_bfloat16():
    with pytest.raises(BufferError, match="lanes 4"):
        bridge.from_dlpack(Producer(_crafted(np.zeros(4, np.float32), lanes=4)))
    with pytest.raises(BufferError, match="dtype code 4 \\(bfloat\\)"):
        bridge.from_dlpack(torch.ones(3, dtype=torch.bfloat16))


def test_float16_needs_copy():
    half = torch.arange(3, dtype=torch.float16)
    with pytest.raises(BufferError, match="float16"):
        bridge.from_dlpack(half)
    out = bridge.from_dlpack(half, copy=True)
    assert out.dtype == bridge.float32
    np.testing.assert_array_equal(np.asarray(out), [0, 1, 2])


def test_unsupported_device():
    # a producer that says so up front, and a capsule that says so only inside
    with pytest.raises(BufferError, match="device type 4"):
        bridge.from_dlpack(Producer(_crafted(np.zeros(3)), device=(4, 0)))
    with pytest.raises(BufferError, match="device type 4 \\(OpenCL\\)"):
        bridge.from_dlpack(Producer(_crafted(np.zeros(3), device=4)))
    with pytest.raises(BufferError, match="device type 2 \\(CUDA\\)"):
        bridge.from_dlpack(Producer(_crafted(np.zeros(3), device=2)), device="cpu")
    # a copy to the host that copy=False forbids: BufferError before the producer is
    # asked (producers raise ValueError there)
    asked = []

    class GPUProducer:
        def __dlpack__(self, **kwargs):
            asked.append(kwargs)
            raise ValueError("the producer should not have been asked")

        def __dlpack_device__(self):
            return (2, 0)

    with pytest.raises(BufferError, match="copy=False.*CUDA"):
        bridge.from_dlpack(GPUProducer(), device="cpu", copy=False)
    assert asked == []


def test_export_argument_errors():
    t = bridge.asarray(np.arange(3.0))
    with pytest.raises(BufferError, match="dl_device=\\(2, 0\\)"):
        t.__dlpack__(dl_device=(2, 0))
    assert ext.capsule_info(t.__dlpack__(dl_device=(1, 0)))["device"] == (1, 0)
    with pytest.raises(ValueError, match="stream"):
        t.__dlpack__(stream=1)
    with pytest.raises(TypeError, match="max_version"):
        t.__dlpack__(max_version=1)
    with pytest.raises(TypeError, match="copy"):
        t.__dlpack__(copy="yes")
    with pytest.raises(TypeError, match="copy"):
        bridge.from_dlpack(np.arange(3.0), copy="yes")
    with pytest.raises(ValueError, match="device"):
        bridge.from_dlpack(np.arange(3.0), device="tpu")


def test_requires_grad_is_refused():
    t = bridge.asarray(np.arange(3.0))
    t._meta = types.SimpleNamespace(requires_grad=True)
    with pytest.raises(BufferError, match="detach"):
        t.__dlpack__()
    with pytest.raises(BufferError, match="detach"):
        np.from_dlpack(t)
    with pytest.raises(BufferError, match="detach"):
        bridge.from_dlpack(t)
    # PyTorch's own refusal comes through, on the exchange-table path too
    with pytest.raises(BufferError, match="detach"):
        bridge.from_dlpack(torch.ones(2, requires_grad=True))
    with pytest.raises(BufferError, match="conjugate"):
        bridge.from_dlpack(torch.tensor([1 + 2j]).conj())


def test_producer_without_new_keywords_gets_a_retry():
    class OldProducer:  # a 2021-era producer: __dlpack__(stream=None) only
        def __init__(self, arr):
            self.arr = arr
            self.calls = []

        def __dlpack__(self, stream=None):
            self.calls.append(stream)
            return self.arr.__dlpack__()

        def __dlpack_device__(self):
            return (1, 0)

    arr = np.arange(4.0)
    old = OldProducer(arr)
    out = bridge.from_dlpack(old)
    assert old.calls == [None] and data_pointer(out) == arr.ctypes.data
    out = bridge.from_dlpack(old, copy=True)  # legacy capsule: bridge copies itself
    assert data_pointer(out) != arr.ctypes.data and out._data.flags.writeable


# ------------------------------------------------------------ lifetime, GIL

def test_memory_valid_while_either_side_holds_it():
    t = bridge.asarray(np.arange(1000.0) * 2)
    n = np.from_dlpack(t)
    del t
    gc.collect()
    np.testing.assert_array_equal(n, np.arange(1000.0) * 2)
    src = np.arange(1000.0) * 3
    b = bridge.from_dlpack(src)
    del src
    gc.collect()
    np.testing.assert_array_equal(np.asarray(b), np.arange(1000.0) * 3)
    tt = torch.arange(1000.0)
    b = bridge.from_dlpack(tt)
    del tt
    gc.collect()
    np.testing.assert_array_equal(np.asarray(b), np.arange(1000.0))


def test_export_deleter_runs_exactly_once():
    gc.collect()
    before = ext.stats()
    for _ in range(50):
        t = bridge.asarray(np.arange(10.0))
        t.__dlpack__(max_version=(1, 0))  # never consumed: the capsule destructor
        np.from_dlpack(t)  # consumed by NumPy
        torch.from_dlpack(t)  # consumed by PyTorch
        t.__dlpack__()
    gc.collect()
    after = ext.stats()
    made = after["exports_made"] - before["exports_made"]
    freed = after["exports_freed"] - before["exports_freed"]
    assert made == 200 and freed == 200


_USED_NAME = ctypes.create_string_buffer(b"used_dltensor_versioned")  # outlives capsules


def test_deleter_runs_without_the_gil():
    """Call the export deleter from a thread that does not hold the GIL (ctypes drops
    it around foreign calls): it must take the GIL itself to drop the reference."""
    api = ctypes.pythonapi
    api.PyCapsule_GetPointer.restype = ctypes.c_void_p
    api.PyCapsule_GetPointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
    api.PyCapsule_SetName.argtypes = [ctypes.py_object, ctypes.c_char_p]
    arr = np.arange(5.0)
    refs = sys.getrefcount(arr)
    capsule = bridge.asarray(arr).__dlpack__(max_version=(1, 0))
    assert sys.getrefcount(arr) == refs + 1  # manager_ctx holds the array
    managed = api.PyCapsule_GetPointer(capsule, b"dltensor_versioned")
    api.PyCapsule_SetName(capsule, ctypes.cast(_USED_NAME, ctypes.c_char_p))  # we own it
    deleter_address = ctypes.c_void_p.from_address(managed + 16).value
    deleter = ctypes.CFUNCTYPE(None, ctypes.c_void_p)(deleter_address)
    thread = threading.Thread(target=deleter, args=(managed,))
    thread.start()
    thread.join()
    del capsule  # renamed: its destructor does nothing
    gc.collect()
    assert sys.getrefcount(arr) == refs


def test_interpreter_shutdown_with_live_exchanges(tmp_path):
    script = textwrap.dedent("""
        import numpy as np, torch, bridge
        t = bridge.asarray(np.arange(10.0), device="cpu")
        KEEP = [np.from_dlpack(t), torch.from_dlpack(t), t.__dlpack__(max_version=(1, 0)),
                bridge.from_dlpack(np.arange(5.0)), bridge.from_dlpack(torch.ones(3))]
        cycle = [KEEP]
        cycle.append(cycle)
        print("done")
    """)
    path = tmp_path / "shutdown.py"
    path.write_text(script)
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    proc = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "done"


def _rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs Linux /proc")
def test_round_trips_do_not_leak():
    arr = np.arange(100.0)
    t = bridge.asarray(arr)
    tt = torch.arange(10.0)

    def round_trips(n):
        for _ in range(n):
            bridge.from_dlpack(arr)
            np.from_dlpack(t)
            bridge.from_dlpack(CapsuleOnly(t))
            bridge.from_dlpack(tt)

    round_trips(20_000)  # warm up allocator pools
    gc.collect()
    start = _rss_bytes()
    round_trips(200_000)
    gc.collect()
    grown = _rss_bytes() - start
    assert grown < 4 * 2**20, f"RSS grew by {grown / 2**20:.1f} MiB over 200k round trips"


# ------------------------------------------------- DLPack 1.3 exchange table

def test_bridge_offers_an_exchange_table():
    capsule = type(bridge.asarray([1.0])).__dlpack_c_exchange_api__
    assert "dlpack_exchange_api" in repr(capsule)
    t = bridge.asarray(np.arange(6.0).reshape(2, 3))
    # through bridge's own table, both ways, as another framework would call it
    out = ext.exchange_import(t)
    assert out.ctypes.data == t._data.ctypes.data
    back = ext.exchange_export(t, bridge.Tensor)
    assert isinstance(back, bridge.Tensor) and data_pointer(back) == data_pointer(t)


def test_torch_exchange_table_both_ways():
    assert hasattr(torch.Tensor, "__dlpack_c_exchange_api__")
    tt = torch.arange(6.0).reshape(2, 3)
    out = bridge.from_dlpack(tt)  # uses PyTorch's table
    assert data_pointer(out) == tt.data_ptr()
    out[0, 0] = 9.0
    assert tt[0, 0].item() == 9.0
    t = bridge.asarray(np.arange(4.0))
    as_torch = ext.exchange_export(t, torch.Tensor)  # PyTorch builds its tensor in C
    assert isinstance(as_torch, torch.Tensor) and as_torch.data_ptr() == data_pointer(t)
    as_torch[1] = -1.0
    assert float(t[1]) == -1.0
    neg = bridge.asarray(np.arange(4.0)[::-1])
    assert ext.exchange_export(neg, torch.Tensor).tolist() == [3.0, 2.0, 1.0, 0.0]


def test_aligned_empty():
    for n in (1, 10, 1000, 10**6):
        a = _dlpack.aligned_empty((n,), "float64")
        assert a.ctypes.data % 64 == 0 and a.flags.c_contiguous and a.flags.writeable
    assert _dlpack.aligned_empty((0, 3), "complex64").shape == (0, 3)
    with pytest.raises(ValueError, match="negative"):
        _dlpack.aligned_empty((-1,), "float64")


def test_numpy_allocations_are_64_byte_aligned():
    """bridge installs a 64-byte-aligned NumPy allocator, so every CPU tensor (and
    every result NumPy allocates) starts on a cache line."""
    import os

    if os.environ.get("BRIDGE_ALIGNED_ALLOCATOR", "1") == "0" or bridge._dlpack._ext is None:
        pytest.skip("the aligned allocator is switched off or not built")
    misaligned = []
    for n in (1, 3, 8, 1000, 100_000):
        for make in (lambda n=n: bridge.zeros(n), lambda n=n: bridge.ones(n) + 1,
                     lambda n=n: bridge.exp(bridge.ones(n)), lambda n=n: np.empty(n)):
            address = np.asarray(make()).ctypes.data
            if address % 64:
                misaligned.append((n, address % 64))
    assert not misaligned


# ------------------------------------------ the C methods and from_dlpack entry

def test_methods_are_c_with_the_standard_signatures():
    import inspect

    assert type(bridge.Tensor.__dlpack__).__name__ == "method_descriptor"
    assert type(bridge.Tensor.__dlpack_device__).__name__ == "method_descriptor"
    assert str(inspect.signature(bridge.Tensor.__dlpack__)) == (
        "(self, /, *, stream=None, max_version=None, dl_device=None, copy=None)")
    assert str(inspect.signature(bridge.Tensor.__dlpack_device__)) == "(self, /)"
    t = bridge.asarray(np.arange(3.0))
    # unbound calls, as consumers written against the type do
    capsule = bridge.Tensor.__dlpack__(t, max_version=(1, 0))
    assert ext.capsule_info(capsule)["name"] == "dltensor_versioned"
    assert bridge.Tensor.__dlpack_device__(t) == (1, 0)
    with pytest.raises(TypeError):
        bridge.Tensor.__dlpack__(np.arange(3.0))  # not a Tensor: the descriptor refuses
    with pytest.raises(TypeError):
        bridge.Tensor.__dlpack_device__(np.arange(3.0))


def test_method_argument_errors():
    t = bridge.asarray(np.arange(3.0))
    with pytest.raises(TypeError, match="keyword arguments only"):
        t.__dlpack__(None)
    with pytest.raises(TypeError, match="unexpected keyword argument 'device'"):
        t.__dlpack__(device=(1, 0))
    with pytest.raises(TypeError):
        t.__dlpack_device__(1)
    # keywords that are not interned strings (built at run time) are matched by value
    key = "".join(["max_", "version"])
    capsule = t.__dlpack__(**{key: (1, 0), "".join(["co", "py"]): True})
    info = ext.capsule_info(capsule)
    assert info["name"] == "dltensor_versioned" and info["flags"] & ext.FLAG_IS_COPIED
    with pytest.raises(TypeError, match="positional"):
        bridge.from_dlpack()
    with pytest.raises(TypeError, match="positional"):
        bridge._dlpack.from_dlpack(t, None)
    with pytest.raises(TypeError, match="unexpected keyword argument 'stream'"):
        bridge._dlpack.from_dlpack(t, stream=None)
    with pytest.raises(TypeError, match="copy"):
        bridge.from_dlpack(t, copy=1)


def test_uninitialised_tensor_raises_instead_of_crashing():
    blank = TensorBase.__new__(bridge.Tensor)  # _data never set
    with pytest.raises(AttributeError, match="_data"):
        blank.__dlpack__()
    with pytest.raises(AttributeError, match="_data"):
        blank.__dlpack_device__()
    with pytest.raises(AttributeError):
        bridge.from_dlpack(blank)
    with pytest.raises(AttributeError):
        np.from_dlpack(blank)


def test_tensor_subclass_exchanges():
    class Sub(bridge.Tensor):
        pass

    base = np.arange(6.0)
    sub = TensorBase.__new__(Sub)
    sub._data, sub._meta = base, None
    assert sub.__dlpack_device__() == (1, 0)
    out = np.from_dlpack(sub)
    assert out.ctypes.data == base.ctypes.data
    imported = bridge.from_dlpack(sub)  # through the exchange table Sub inherits
    assert type(imported) is bridge.Tensor and data_pointer(imported) == base.ctypes.data
    imported[0] = 7.0
    assert base[0] == 7.0


def test_tensors_built_in_c_are_ordinary_tensors():
    import weakref

    tt = torch.arange(4.0)
    makers = [lambda: bridge.from_dlpack(tt), lambda: bridge.from_dlpack(bridge.asarray([1.0])),
              lambda: bridge.from_dlpack(np.arange(3)),
              lambda: ext.exchange_export(bridge.asarray([1.0]), bridge.Tensor)]
    for make in makers:
        made = make()
        assert type(made) is bridge.Tensor and made._meta is None
        assert type(made._data) is np.ndarray
        assert gc.is_tracked(made)
        ref = weakref.ref(made)
        assert ref() is made
        assert float(bridge.sum(made + 1)) == float(np.sum(np.asarray(made) + 1))
        made._meta = None  # slots stay writable
        del made
        assert ref() is None


def test_bridge_to_bridge_copy_is_aligned_and_fresh():
    base = np.arange(12.0).reshape(3, 4)[:, ::2]
    t = bridge.asarray(base)
    view = bridge.from_dlpack(t)
    assert data_pointer(view) == base.ctypes.data and view._data is not base
    fresh = bridge.from_dlpack(t, copy=True)
    assert data_pointer(fresh) % 64 == 0 and data_pointer(fresh) != base.ctypes.data
    assert fresh._data.flags.c_contiguous and np.array_equal(fresh._data, base)
    no_copy = bridge.from_dlpack(t, copy=False)
    assert data_pointer(no_copy) == base.ctypes.data and no_copy._data.strides == base.strides
    read_only = base.copy()
    read_only.flags.writeable = False
    assert not bridge.from_dlpack(bridge.asarray(read_only))._data.flags.writeable


def test_torch_complex_table_path_and_conjugate_refusal():
    z = torch.tensor([1 + 2j, 3 - 4j], dtype=torch.complex64)
    out = bridge.from_dlpack(z)  # not conjugated: the table, zero-copy
    assert data_pointer(out) == z.data_ptr()
    with pytest.raises(BufferError, match="conjugate"):
        bridge.from_dlpack(z.conj())
    # a resolved conjugate is ordinary memory again
    resolved = z.conj().resolve_conj()
    assert np.array_equal(np.asarray(bridge.from_dlpack(resolved)), np.conj(z.numpy()))


def test_c_paths_keep_reference_counts():
    import sys

    arr = np.arange(8.0)
    t = bridge.asarray(arr)
    tt = torch.arange(4.0)
    calls = [
        lambda: bridge.from_dlpack(t),
        lambda: bridge.from_dlpack(t, copy=True),
        lambda: bridge.from_dlpack(arr),
        lambda: bridge.from_dlpack(tt),
        lambda: np.from_dlpack(t),
        lambda: torch.from_dlpack(t),
        lambda: t.__dlpack__(max_version=(1, 3)),
        lambda: t.__dlpack_device__(),
        lambda: ext.exchange_export(t, torch.Tensor),
        lambda: ext.exchange_export(t, bridge.Tensor),
    ]
    for call in calls:
        call()
    gc.collect()
    before = (sys.getrefcount(arr), sys.getrefcount(t), sys.getrefcount(bridge.Tensor),
              sys.getrefcount(None))
    for _ in range(2000):
        for call in calls:
            call()
    gc.collect()
    after = (sys.getrefcount(arr), sys.getrefcount(t), sys.getrefcount(bridge.Tensor),
             sys.getrefcount(None))
    assert after[:3] == before[:3]
    assert abs(after[3] - before[3]) < 100  # None's count moves with unrelated objects

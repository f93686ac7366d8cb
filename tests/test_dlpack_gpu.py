"""DLPack on NVIDIA GPUs: a producer x consumer matrix with bridge on one side.

Peers: bridge on the cupy backend, CuPy, PyTorch CUDA and JAX GPU (each where it is
installed and sees a GPU). Every pair with bridge on one side runs over the 13 dtypes
(bool and complex included), the layouts below (negative strides never reach PyTorch:
bridge copies them), copy None/True/False and, where bridge produces, the standard's
CUDA stream values None, -1, 1, 2 and a stream pointer. Zero-copy is proven by equal
data pointers and by writing through one side and reading the other.

Also here: the fields of the capsules bridge makes (IS_COPIED, device, strides),
dl_device=(kDLCPU, 0) exports, cross-device errors, stream ordering seen by PyTorch
and CuPy consumers, requires-grad refusal, and a leak test over 100k GPU round trips.

Where a peer's behaviour is a quirk rather than the standard (JAX reads only compact
strides; CuPy refuses copy=True on its own device), the tests check what the standard
asks of bridge. The module carries the ``gpu`` marker and skips without CuPy and a
CUDA device, like tests/test_gpu.py.
"""

from __future__ import annotations

import gc
import types

import numpy as np
import pytest

import bridge
from bridge import _dlpack

ext = _dlpack._ext


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
pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(NO_GPU is not None, reason=f"needs an NVIDIA GPU with CuPy: {NO_GPU}"),
]

GPU = "cuda:0"
KDL_CPU, KDL_CUDA, KDL_CUDA_HOST, KDL_OPENCL, KDL_ROCM = 1, 2, 3, 4, 10
DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]
LAYOUTS = ["contiguous", "transposed", "step", "negative", "broadcast", "zero_d", "size_0"]
COPIES = [None, True, False]
# "consumer": the consumer's own stream argument; the others replace it (StreamPinned)
STREAMS = ["consumer", None, -1, 1, 2, "pointer"]

# What each peer can produce: PyTorch has no negative strides; a JAX array is always
# compact and row-major (its transposes and slices are new arrays, not views).
PRODUCER_LAYOUTS = {
    "bridge": LAYOUTS,
    "cupy": LAYOUTS,
    "torch": [layout for layout in LAYOUTS if layout != "negative"],
    "jax": ["contiguous", "zero_d", "size_0"],
}
PAIRS = [("bridge", "bridge"), ("bridge", "cupy"), ("bridge", "torch"), ("bridge", "jax"),
         ("cupy", "bridge"), ("torch", "bridge"), ("jax", "bridge")]


def _matrix():
    cases = []
    for producer, consumer in PAIRS:
        streams = STREAMS if producer == "bridge" else ["consumer"]
        # JAX passes only `stream` to __dlpack__ and makes copy=True itself, which its
        # GPU runtime cannot (jax 0.11: JaxRuntimeError UNIMPLEMENTED, HostBufferSemantics):
        # nothing of bridge is tested there, so that case is not generated
        copies = [None, False] if consumer == "jax" else COPIES
        for dtype in DTYPES:
            for layout in PRODUCER_LAYOUTS[producer]:
                for copy in copies:
                    for stream in streams:
                        cases.append(pytest.param(
                            producer, consumer, dtype, layout, copy, stream,
                            id=f"{producer}->{consumer}-{dtype}-{layout}-copy={copy}"
                               f"-stream={stream}"))
    return cases


MATRIX = _matrix()


# ------------------------------------------------------------------ peers

@pytest.fixture(scope="module")
def cupy():
    import cupy

    return cupy


def _torch_cuda():
    try:
        import torch
    except ImportError:
        return None
    return torch if torch.cuda.is_available() else None


def _jax_gpu():
    """(jax, its first GPU device), or None where JAX is missing or sees no GPU."""
    try:
        import jax
    except ImportError:
        return None
    try:
        devices = jax.devices("gpu")
    except RuntimeError:  # no GPU backend
        return None
    if not devices:
        return None
    jax.config.update("jax_enable_x64", True)  # int64/float64/complex128 stay what they are
    return jax, devices[0]


def _need(peer):
    """The peer's module (and device), or a skip naming what is missing."""
    if peer == "torch":
        torch = _torch_cuda()
        if torch is None:
            pytest.skip("PyTorch with CUDA is not installed")
        return torch
    if peer == "jax":
        found = _jax_gpu()
        if found is None:
            pytest.skip("JAX is not installed or sees no GPU")
        return found
    return None


def _values(dtype, n, seed):
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.integers(0, 2, n).astype(bool)
    if dt.kind in "iu":
        return rng.integers(0 if dt.kind == "u" else -100, 100, n).astype(dt)
    if dt.kind == "c":
        return (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dt)
    return rng.standard_normal(n).astype(dt)


def host_values(dtype, seed=0):
    return _values(dtype, 24, seed).reshape(4, 6)


def cupy_layout(cupy, base, layout):
    """A CuPy view of ``base`` (4 x 6) with ``layout``. Every view starts at the base
    pointer except ``negative``, so consumers that share only aligned memory (JAX)
    can share these."""
    if layout == "contiguous":
        return base
    if layout == "transposed":
        return base.T
    if layout == "step":
        return base[::2, ::3]
    if layout == "negative":
        return base[::-1, ::-2]
    if layout == "broadcast":
        return cupy.broadcast_to(base[0], (3, 6))  # zero stride on axis 0
    if layout == "zero_d":
        return base[0, 0]
    if layout == "size_0":
        return base[:0]
    raise ValueError(layout)


def torch_layout(base, layout):
    if layout == "contiguous":
        return base
    if layout == "transposed":
        return base.T
    if layout == "step":
        return base[::2, ::3]
    if layout == "broadcast":
        return base[0].expand(3, 6)
    if layout == "zero_d":
        return base[0, 0]
    if layout == "size_0":
        return base[:0]
    raise ValueError(layout)


def make_producer(cupy, name, dtype, layout, seed=0):
    """(producer object, its values as a NumPy array)."""
    values = host_values(dtype, seed)
    if name in ("bridge", "cupy"):
        view = cupy_layout(cupy, cupy.asarray(values), layout)
        expected = view.get()
        if name == "cupy":
            return view, expected
        t = bridge.asarray(view)  # the same memory and strides
        assert t.device == GPU and t._data.data.ptr == view.data.ptr
        return t, expected
    if name == "torch":
        torch = _need("torch")
        base = torch.from_numpy(values.copy()).to("cuda")
        view = torch_layout(base, layout)
        return view, view.cpu().numpy()
    if name == "jax":
        jax, device = _need("jax")
        chosen = {"contiguous": values, "zero_d": values[0, 0], "size_0": values[:0]}[layout]
        arr = jax.device_put(np.array(chosen), device)  # (ascontiguousarray makes 0-d 1-d)
        arr.block_until_ready()
        return arr, np.asarray(arr)
    raise ValueError(name)


def data_pointer(obj):
    if isinstance(obj, bridge.Tensor):
        return obj._data.data.ptr
    module = type(obj).__module__
    if module.startswith("cupy"):
        return obj.data.ptr
    if module.startswith("torch"):
        return obj.data_ptr()
    if hasattr(obj, "unsafe_buffer_pointer"):
        return obj.unsafe_buffer_pointer()
    raise TypeError(type(obj))


def to_host(obj):
    """The values of a GPU array of any peer, as a NumPy array (a copy)."""
    if isinstance(obj, bridge.Tensor):
        assert obj.device == GPU
        return obj._data.get()
    module = type(obj).__module__
    if module.startswith("cupy"):
        return obj.get()
    if module.startswith("torch"):
        assert obj.is_cuda
        return obj.cpu().numpy()
    return np.asarray(obj)  # JAX


def changed(value):
    if isinstance(value, (bool, np.bool_)):
        return not value
    return value + 1


def write(obj, idx, value):
    """``obj[idx] = value`` through the peer's own indexing."""
    if isinstance(obj, bridge.Tensor):
        obj[idx] = value
    elif type(obj).__module__.startswith("torch"):
        obj[idx] = value.item() if hasattr(value, "item") else value
        _need("torch").cuda.synchronize()
    else:  # CuPy
        obj[idx] = value
    synchronize()


def synchronize():
    import cupy

    cupy.cuda.runtime.deviceSynchronize()


class StreamPinned:
    """A bridge tensor whose __dlpack__ gets ``stream`` instead of the consumer's
    choice. The consumer then reads on a stream bridge did not order, so the device is
    synchronised after the export (what a consumer passing -1 must do itself); the
    ordering bridge does for a consumer's own stream is tested separately below."""

    def __init__(self, tensor, stream):
        self.tensor = tensor
        self.stream = stream

    def __dlpack__(self, **kwargs):
        kwargs["stream"] = self.stream
        capsule = self.tensor.__dlpack__(**kwargs)
        synchronize()
        return capsule

    def __dlpack_device__(self):
        return self.tensor.__dlpack_device__()


@pytest.fixture(scope="module")
def pointer_stream(cupy):
    """A CUDA stream of CuPy's, passed to __dlpack__ as a raw pointer (> 2)."""
    stream = cupy.cuda.Stream(non_blocking=True)
    assert stream.ptr > 2
    return stream


def consume(consumer, obj, copy):
    if consumer == "bridge":
        return bridge.from_dlpack(obj, copy=copy)
    if consumer == "cupy":
        import cupy

        return cupy.from_dlpack(obj, copy=copy)
    if consumer == "torch":
        return _need("torch").from_dlpack(obj, copy=copy)
    if consumer == "jax":
        jax, _ = _need("jax")
        return jax.dlpack.from_dlpack(obj, copy=copy)
    raise ValueError(consumer)


# ------------------------------------------------------------------ the matrix

@pytest.mark.parametrize("producer,consumer,dtype,layout,copy,stream", MATRIX)
def test_exchange(cupy, pointer_stream, producer, consumer, dtype, layout, copy, stream):
    _need(producer)
    _need(consumer)
    source, expected = make_producer(cupy, producer, dtype, layout)
    synchronize()  # the source is written before any consumer stream reads it
    source_ptr = data_pointer(source)
    offered = source
    if stream != "consumer":
        offered = StreamPinned(source, pointer_stream.ptr if stream == "pointer" else stream)
    # bridge -> bridge without a capsule shares any layout (as on the CPU); through a
    # capsule bridge never exports negative strides, it copies them (IS_COPIED)
    direct = producer == "bridge" and consumer == "bridge" and offered is source
    exporter_must_copy = producer == "bridge" and layout == "negative" and not direct
    if consumer == "jax" and layout in ("step", "broadcast"):
        # JAX imports only compact (possibly transposed) strides: a peer limit
        with pytest.raises(Exception, match="(?i)compact|strid"):
            consume("jax", offered, copy)
        return
    if copy is False and exporter_must_copy and consumer != "jax":
        # (JAX passes only `stream` to __dlpack__, so bridge never sees its copy=False)
        with pytest.raises(BufferError, match="copy=False"):
            consume(consumer, offered, copy)
        return

    result = consume(consumer, offered, copy)
    synchronize()
    got = to_host(result)
    assert got.dtype == expected.dtype
    assert got.shape == expected.shape
    np.testing.assert_array_equal(got, expected)
    if isinstance(result, bridge.Tensor):
        assert result.device == GPU
    if expected.size == 0:
        return
    copied = copy is True or exporter_must_copy
    if copied:
        assert data_pointer(result) != source_ptr
    else:
        assert data_pointer(result) == source_ptr
    if "jax" in (producer, consumer):
        return  # JAX arrays are immutable: nothing to write through
    idx = (0,) * expected.ndim
    old = expected[idx]
    new = changed(old)
    write(result, idx, new)
    assert to_host(source)[idx] == (old if copied else new)


def test_matrix_size():
    # producer x consumer pairs, each over 13 dtypes x its layouts x 3 copies (2 for
    # the JAX consumer), the bridge-produced ones also over 6 stream choices
    bridge_produced = (3 * 3 + 2) * 13 * 7 * 6
    others = 13 * 3 * (7 + 6 + 3)
    assert len(MATRIX) == bridge_produced + others == 6630


# ------------------------------------------------------------------ capsules bridge makes

def _info(capsule):
    return ext.capsule_info(capsule)


@pytest.mark.parametrize("max_version", [None, (1, 0), (1, 3)])
@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_capsule_fields(cupy, dtype, layout, copy, max_version):
    t, expected = make_producer(cupy, "bridge", dtype, layout)
    if layout == "negative" and copy is False:
        with pytest.raises(BufferError, match="negative strides"):
            t.__dlpack__(max_version=max_version, copy=False)
        return
    capsule = t.__dlpack__(max_version=max_version, copy=copy)
    info = _info(capsule)
    versioned = max_version is not None
    assert info["name"] == ("dltensor_versioned" if versioned else "dltensor")
    assert info["device"] == (KDL_CUDA, 0)
    assert info["shape"] == expected.shape
    itemsize = expected.dtype.itemsize
    code = {"b": 6, "i": 0, "u": 1, "f": 2, "c": 5}[expected.dtype.kind]
    assert info["dtype"] == (code, itemsize * 8, 1)
    copied = copy is True or layout == "negative"
    if versioned:
        assert info["version"][0] == 1
        assert bool(info["flags"] & ext.FLAG_IS_COPIED) == copied
        assert not info["flags"] & ext.FLAG_READ_ONLY
    if expected.size:
        data = info["data"] + info["byte_offset"]
        assert (data != t._data.data.ptr) if copied else (data == t._data.data.ptr)
        # never negative strides, whatever the consumer (PyTorch aborts on them)
        assert info["strides"] is None or all(
            s >= 0 for s, n in zip(info["strides"], info["shape"]) if n > 1)
    # the capsule's memory reads back as the tensor's values
    out = cupy.from_dlpack(capsule)  # a raw capsule: CuPy consumes it as it is
    np.testing.assert_array_equal(out.get(), expected)


# ------------------------------------------------------------------ streams

@pytest.mark.parametrize("stream", [None, -1, 1, 2, "pointer"])
def test_every_standard_stream_is_accepted(cupy, pointer_stream, stream):
    t = bridge.asarray(cupy.arange(6, dtype=cupy.float32))
    value = pointer_stream.ptr if stream == "pointer" else stream
    for max_version in (None, (1, 0)):
        capsule = t.__dlpack__(stream=value, max_version=max_version)
        synchronize()
        np.testing.assert_array_equal(cupy.from_dlpack(capsule).get(), np.arange(6.0))


@pytest.mark.parametrize("stream", [0, -2, -100])
def test_disallowed_streams(cupy, stream):
    t = bridge.asarray(cupy.ones(3))
    with pytest.raises(ValueError, match="stream"):
        t.__dlpack__(stream=stream)
    with pytest.raises(ValueError, match="stream"):
        t.__dlpack__(stream=stream, max_version=(1, 0))


@pytest.mark.parametrize("stream", [1.5, "1", True])
def test_stream_of_the_wrong_type(cupy, stream):
    with pytest.raises(TypeError, match="stream"):
        bridge.asarray(cupy.ones(3)).__dlpack__(stream=stream)


def test_cpu_tensor_takes_no_stream():
    t = bridge.asarray(np.arange(3.0), device="cpu")
    for stream in (-1, 1, 2, 12345):
        with pytest.raises(ValueError, match="stream"):
            t.__dlpack__(stream=stream)


_SLOW_FILL = r"""
extern "C" __global__ void slow_fill(float* out, float value, long long cycles) {
    long long start = clock64();
    while (clock64() - start < cycles) { }
    out[threadIdx.x] = value;
}
"""
_CYCLES = 50_000_000  # tens of milliseconds: far longer than the consumer's read


def _slow_write(cupy, t, value):
    """Queue a slow write of ``value`` into every element of ``t`` (32 float32) on
    CuPy's current stream."""
    kernel = cupy.RawKernel(_SLOW_FILL, "slow_fill")
    kernel((1,), (32,), (t._data, np.float32(value), np.int64(_CYCLES)))


@pytest.mark.parametrize("consumer_stream", ["legacy", "per_thread", "pointer"])
def test_consumer_stream_is_ordered_after_bridge_work(cupy, consumer_stream):
    """stream=1 (legacy default), 2 (per-thread default) or a pointer: the consumer's
    stream must see the work bridge queued on its own (non-blocking) stream."""
    stream_value, reading = {
        "legacy": (1, cupy.cuda.Stream.null),
        "per_thread": (2, cupy.cuda.Stream.ptds),
        "pointer": (None, cupy.cuda.Stream(non_blocking=True)),
    }[consumer_stream]
    if stream_value is None:
        stream_value = reading.ptr
    t = bridge.asarray(cupy.zeros(32, dtype=cupy.float32))
    synchronize()
    producer = cupy.cuda.Stream(non_blocking=True)
    with producer:
        _slow_write(cupy, t, 7.0)
        capsule = t.__dlpack__(stream=stream_value, max_version=(1, 0))
    with reading:
        snapshot = cupy.from_dlpack(capsule).copy()  # queued on the consumer's stream
    reading.synchronize()
    np.testing.assert_array_equal(snapshot.get(), np.full(32, 7.0, np.float32))


def test_torch_stream_is_ordered_after_bridge_work(cupy):
    torch = _need("torch")
    t = bridge.asarray(cupy.zeros(32, dtype=cupy.float32))
    synchronize()
    producer = cupy.cuda.Stream(non_blocking=True)
    side = torch.cuda.Stream()
    with producer:
        _slow_write(cupy, t, 5.0)
        with torch.cuda.stream(side):
            # torch passes its current stream (side) to __dlpack__
            view = torch.from_dlpack(t)
            snapshot = view.clone()  # queued on side
    side.synchronize()
    assert view.data_ptr() == t._data.data.ptr
    np.testing.assert_array_equal(snapshot.cpu().numpy(), np.full(32, 5.0, np.float32))


# ------------------------------------------------------------------ dl_device=(kDLCPU, 0)

@pytest.mark.parametrize("max_version", [None, (1, 0), (1, 3)])
@pytest.mark.parametrize("copy", COPIES)
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_export_to_host_copies(cupy, dtype, layout, copy, max_version):
    t, expected = make_producer(cupy, "bridge", dtype, layout)
    if copy is False:
        with pytest.raises(BufferError, match="copy"):
            t.__dlpack__(max_version=max_version, dl_device=(KDL_CPU, 0), copy=False)
        return
    capsule = t.__dlpack__(max_version=max_version, dl_device=(KDL_CPU, 0), copy=copy)
    info = _info(capsule)
    assert info["device"] == (KDL_CPU, 0)
    assert info["shape"] == expected.shape
    if max_version is not None:
        assert info["flags"] & ext.FLAG_IS_COPIED
    if expected.size:
        assert info["data"] != t._data.data.ptr
        assert info["strides"] is None or all(
            s >= 0 for s, n in zip(info["strides"], info["shape"]) if n > 1)
    host = ext.import_capsule(capsule, None)  # bridge's own CPU consumer
    np.testing.assert_array_equal(host, expected)
    # and through the consumers that ask for it: NumPy and bridge itself
    np.testing.assert_array_equal(np.from_dlpack(t, device="cpu", copy=copy), expected)
    on_host = bridge.from_dlpack(t, device="cpu", copy=copy)
    assert on_host.device == "cpu"
    np.testing.assert_array_equal(np.asarray(on_host), expected)


@pytest.mark.parametrize("producer", ["cupy", "torch", "jax"])
@pytest.mark.parametrize("copy", COPIES)
def test_import_to_host(cupy, producer, copy):
    _need(producer)
    source, expected = make_producer(cupy, producer, "float64", "contiguous")
    synchronize()
    if copy is False:
        with pytest.raises(BufferError, match="copy=False"):
            bridge.from_dlpack(source, device="cpu", copy=False)
        return
    out = bridge.from_dlpack(source, device="cpu", copy=copy)
    assert out.device == "cpu"
    np.testing.assert_array_equal(np.asarray(out), expected)


def test_import_from_host_to_gpu(cupy):
    host = np.arange(6.0).reshape(2, 3)
    on_gpu = bridge.from_dlpack(host, device=GPU)
    assert on_gpu.device == GPU
    np.testing.assert_array_equal(on_gpu._data.get(), host)
    with pytest.raises(BufferError, match="copy=False"):
        bridge.from_dlpack(host, device=GPU, copy=False)


# ------------------------------------------------------------------ cross-device errors

def test_cross_device_exports_are_buffer_errors(cupy):
    t = bridge.asarray(cupy.arange(4.0))
    count = cupy.cuda.runtime.getDeviceCount()
    for dl_device in [(KDL_CUDA, count), (KDL_CUDA, 99), (KDL_CUDA_HOST, 0),
                      (KDL_OPENCL, 0), (KDL_ROCM, 0)]:
        for max_version in (None, (1, 0)):
            with pytest.raises(BufferError):
                t.__dlpack__(max_version=max_version, dl_device=dl_device)
    # the tensor's own device is fine, and so is asking for it by name
    capsule = t.__dlpack__(max_version=(1, 0), dl_device=(KDL_CUDA, 0))
    assert _info(capsule)["device"] == (KDL_CUDA, 0)
    # a CPU tensor cannot be exported to a GPU
    with pytest.raises(BufferError, match="dl_device"):
        bridge.asarray(np.arange(3.0), device="cpu").__dlpack__(dl_device=(KDL_CUDA, 0))


def test_cross_device_imports(cupy):
    raw = cupy.arange(4.0)
    t = bridge.asarray(raw)
    for source in (raw, t):
        with pytest.raises(BufferError, match="copy"):
            bridge.from_dlpack(source, device="cpu", copy=False)
    count = cupy.cuda.runtime.getDeviceCount()
    if count < 2:
        # a GPU this machine does not have: ValueError naming it, no transfer tried
        with pytest.raises(ValueError, match="cuda:1"):
            bridge.from_dlpack(t, device="cuda:1")
        return
    with pytest.raises(BufferError, match="copy=False"):
        bridge.from_dlpack(t, device="cuda:1", copy=False)
    moved = bridge.from_dlpack(t, device="cuda:1")
    assert moved.device == "cuda:1"
    np.testing.assert_array_equal(moved._data.get(), np.arange(4.0))


# ------------------------------------------------------------------ refusals

def test_requires_grad_is_refused_on_gpu(cupy):
    t = bridge.asarray(cupy.arange(3.0))
    t._meta = types.SimpleNamespace(requires_grad=True)
    with pytest.raises(BufferError, match="detach"):
        t.__dlpack__()
    with pytest.raises(BufferError, match="detach"):
        t.__dlpack__(max_version=(1, 0), dl_device=(KDL_CPU, 0))
    with pytest.raises(BufferError, match="detach"):
        bridge.from_dlpack(t)
    with pytest.raises(BufferError, match="detach"):
        cupy.from_dlpack(t)
    torch = _torch_cuda()
    if torch is not None:
        with pytest.raises(BufferError, match="detach"):
            torch.from_dlpack(t)
        # PyTorch's own refusals come through bridge.from_dlpack
        with pytest.raises(BufferError, match="gradient|detach"):
            bridge.from_dlpack(torch.ones(2, device="cuda", requires_grad=True))
        with pytest.raises(BufferError, match="conjugate"):
            bridge.from_dlpack(torch.tensor([1 + 2j], device="cuda").conj())


def test_dlpack_device_of_gpu_tensors(cupy):
    t = bridge.asarray(cupy.ones(2))
    assert t.__dlpack_device__() == (KDL_CUDA, 0)
    assert type(t.__dlpack_device__()[0]) is int
    assert bridge.asarray(np.ones(2), device="cpu").__dlpack_device__() == (KDL_CPU, 0)


# ------------------------------------------------------------------ leaks

def test_gpu_round_trips_do_not_leak(cupy):
    """100k round trips through every consumer: device memory stays flat (CuPy's
    pool and PyTorch's allocator), and so does the number of Python objects."""
    torch = _torch_cuda()
    jax_found = _jax_gpu()
    pool = cupy.get_default_memory_pool()
    raw = cupy.arange(256, dtype=cupy.float32)
    t = bridge.asarray(raw)
    reversed_t = bridge.asarray(raw[::-1])  # exported as a copy every time

    def round_trips(n):
        for i in range(n):
            back = bridge.from_dlpack(cupy.from_dlpack(t))
            bridge.from_dlpack(StreamPinned(reversed_t, -1))  # a copy made and freed
            if torch is not None:
                back = bridge.from_dlpack(torch.from_dlpack(back))
                torch.from_dlpack(t, copy=True)
            if jax_found is not None and i % 10 == 0:
                jax_found[0].dlpack.from_dlpack(t)
            bridge.from_dlpack(back, copy=True)
        synchronize()

    round_trips(2_000)  # warm up pools and caches
    gc.collect()
    before = (pool.used_bytes(), torch.cuda.memory_allocated() if torch else 0,
              len(gc.get_objects()))
    round_trips(100_000)
    gc.collect()
    after = (pool.used_bytes(), torch.cuda.memory_allocated() if torch else 0,
             len(gc.get_objects()))
    assert after[0] - before[0] < 2**20, f"CuPy pool grew by {after[0] - before[0]} bytes"
    assert after[1] - before[1] < 2**20, f"PyTorch allocated {after[1] - before[1]} more bytes"
    assert after[2] - before[2] < 1000, f"{after[2] - before[2]} more Python objects"

"""DLPack exchange: ``Tensor.__dlpack__``, ``Tensor.__dlpack_device__`` and ``from_dlpack``.

CPU capsules are built and consumed in C (``bridge/_dlpack_src``, built as
``bridge._dlpack_ext``): exports keep the tensor's NumPy array alive through the
capsule's ``manager_ctx``; imports wrap the producer's memory as a NumPy array whose
base object calls the producer's deleter exactly once. ``Tensor.__dlpack__``,
``Tensor.__dlpack_device__`` and ``from_dlpack`` themselves are C functions (no Python
frame per exchange); GPU tensors and GPU producers take the Python path below, through
the CuPy backend (``cupy.from_dlpack``, ``cupy.ndarray.__dlpack__``).

Policies (see docs/dlpack.md):

* ``max_version=None`` gives a legacy ``"dltensor"`` capsule, ``(1, x)`` or newer a
  versioned one (DLPack 1.3 header, READ_ONLY / IS_COPIED flags).
* Negative strides are never exported, on the CPU or a GPU (PyTorch aborts the
  process on them): with ``copy=None`` the export is a contiguous copy (IS_COPIED),
  with ``copy=False`` a BufferError. A read-only tensor in a legacy capsule, which cannot carry READ_ONLY,
  is handled the same way.
* A versioned capsule with READ_ONLY, and any legacy capsule (which cannot say whether
  writes are allowed; JAX sends immutable buffers that way), import as a tensor whose
  writes raise, as in NumPy; ``copy=True`` gives a writable copy.
* Copies made here are 64-byte aligned, so JAX imports them without a copy of its own.
"""

from __future__ import annotations

import os

import numpy as np

from . import _dispatch
from ._device import CPU, Device, parse_device
from ._dtypes import is_supported

try:
    from . import _dlpack_ext as _ext
except ImportError:  # not built: `python setup.py build_ext --inplace`
    _ext = None

# 64-byte-aligned NumPy allocations (NEP 49 handler) in the importing context, so that
# every CPU tensor starts on a cache line and JAX imports it without a copy. Opt out
# with BRIDGE_ALIGNED_ALLOCATOR=0.
if _ext is not None and os.environ.get("BRIDGE_ALIGNED_ALLOCATOR", "1") != "0":
    _ext.install_aligned_allocator()

KDL_CPU = 1
KDL_CUDA = 2
KDL_CUDA_HOST = 3
KDL_ROCM_HOST = 11
KDL_CUDA_MANAGED = 13
_HOST_DEVICE_TYPES = (KDL_CPU, KDL_CUDA_HOST, KDL_ROCM_HOST)
_CPU_TUPLE = (KDL_CPU, 0)

_ndarray = np.ndarray
_wrap = _dispatch.wrap


def device_tuple(t):
    """``Tensor.__dlpack_device__()``: ``(device_type, device_id)``."""
    data = t._data
    if data.__class__ is _ndarray:
        return _CPU_TUPLE
    return tuple(int(v) for v in data.__dlpack_device__())


def _refuse_grad(t):
    meta = t._meta
    if meta is not None and getattr(meta, "requires_grad", False):
        raise BufferError(
            "Tensor.__dlpack__: cannot export a tensor that requires grad; call .detach() "
            "first (the consumer could not see gradients flow back)"
        )


def export(t, *, stream=None, max_version=None, dl_device=None, copy=None):
    """``Tensor.__dlpack__``: a DLPack capsule over ``t``'s memory (see module doc)."""
    if t._meta is not None:
        _refuse_grad(t)
    data = t._data
    if data.__class__ is _ndarray:
        if _ext is not None:
            return _ext.export_ndarray(data, stream, max_version, dl_device, copy)
        return _export_without_extension(data, stream, max_version, dl_device, copy)
    # a GPU tensor: its backend implements the CUDA stream semantics (None, -1, 1, 2,
    # pointers), dl_device=(kDLCPU, 0) copies and copy=True
    if _has_negative_strides(data):
        # the CPU rule on the GPU too: PyTorch aborts the process on negative strides
        # (and CuPy 14 exports them wrongly), so hand out a contiguous copy (IS_COPIED)
        if copy is False:
            raise BufferError(
                "Tensor.__dlpack__: copy=False, but exporting this tensor needs a copy: it "
                "has negative strides, which some consumers (PyTorch) cannot import"
            )
        if copy is None:
            copy = True
    return _dispatch.kernels_of(data)["to_dlpack"](
        data, stream=stream, max_version=max_version, dl_device=dl_device, copy=copy
    )


def _has_negative_strides(data):
    """Whether raw array ``data`` (NumPy or CuPy) steps backwards along an axis that
    matters (length > 1, and the array not empty)."""
    shape = data.shape
    if 0 in shape:
        return False
    return any(step < 0 for step, n in zip(data.strides, shape) if n > 1)


def from_dlpack(x, /, *, device=None, copy=None):
    """A Tensor over the memory of DLPack producer ``x`` (a copy where asked or needed).

    ``device=None`` keeps the producer's device; ``device='cpu'`` asks a GPU producer
    for a host copy (``dl_device=(1, 0)``). ``copy=True`` always copies, ``copy=False``
    never does (BufferError from the producer when it would have to).
    """
    cls = x.__class__
    if cls is _TENSOR and x._data.__class__ is _ndarray:
        return _from_bridge_tensor(x, device, copy)
    if cls is _TENSOR:
        # a GPU tensor: the exchange table serves CPU memory only, so take the Python
        # path (its __dlpack__ copies to the host when device='cpu' asks for it)
        if x._meta is not None:
            _refuse_grad(x)
        target = None if device is None else parse_device(device, "from_dlpack")
        return _from_dlpack_python(x, target, copy)
    if device is None:
        to_host = False
    else:
        target = parse_device(device, "from_dlpack")
        if target.type != "cpu":
            return _from_dlpack_python(x, target, copy)
        to_host = True
    if _ext is not None:
        data = _ext.import_object(x, copy, to_host)
        if data is not None:
            return _wrap(data)
    return _from_dlpack_python(x, CPU if to_host else None, copy)


def _from_bridge_tensor(x, device, copy):
    # bridge to bridge: the same NumPy array, so no capsule is needed; the rules stay
    # those of the protocol (grad refused, copy=True copies, devices checked)
    if x._meta is not None:
        _refuse_grad(x)
    if device is not None and parse_device(device, "from_dlpack").type != "cpu":
        return _from_dlpack_python(x, parse_device(device, "from_dlpack"), copy)
    data = x._data
    if copy is True:
        data = aligned_copy(data)
    elif copy is not None and copy is not False:
        raise TypeError(f"from_dlpack: copy must be True, False or None, not {copy!r}")
    return _wrap(data.view())


def aligned_copy(arr):
    """A C-contiguous copy of ndarray ``arr`` in 64-byte-aligned memory."""
    if _ext is None:
        return np.array(arr, copy=True, order="C")
    out = _ext.aligned_empty(arr.shape, arr.dtype)
    np.copyto(out, arr, casting="no")
    return out


def aligned_empty(shape, dtype):
    """An uninitialised C-contiguous ndarray over 64-byte-aligned memory.

    NumPy's default allocator aligns large arrays to 16 bytes only; JAX copies CPU
    buffers that are not 64-byte aligned, so bridge's allocations can use this."""
    if _ext is None:
        raise RuntimeError(
            "aligned_empty: bridge._dlpack_ext is not built; run "
            "`BRIDGE_BUILD_ONLY=dlpack python setup.py build_ext --inplace`"
        )
    return _ext.aligned_empty(shape, dtype)


# ---------------------------------------------------------------- device path

def _producer_device(x, func):
    if not hasattr(x, "__dlpack__"):
        raise _ext.NotADLPackProducer(
            f"{func}: {type(x).__name__} object has no __dlpack__ method; it is not a "
            "DLPack producer"
        )
    dev_type, dev_id = x.__dlpack_device__()
    dev_type = int(dev_type)
    if dev_type in _HOST_DEVICE_TYPES:
        return CPU
    if dev_type in (KDL_CUDA, KDL_CUDA_MANAGED):
        return Device("cuda", int(dev_id))
    raise BufferError(
        f"{func}: DLPack device type {dev_type} is not supported by bridge; it reads CPU "
        "(1), CUDAHost (3), ROCMHost (11), CUDA (2) and CUDAManaged (13) memory"
    )


def _from_dlpack_python(x, target, copy):
    """GPU producers or GPU targets: the CuPy backend's own from_dlpack kernel."""
    func = "from_dlpack"
    own = _own_gpu_array(x, target, copy, func)
    if own is not None:
        return _wrap(own)
    source = _producer_device(x, func)
    if target is None:
        target = source
    if target.type == "cpu":
        # reached only without the C extension (or for a producer that failed it)
        try:
            arr = np.from_dlpack(x, device="cpu", copy=copy)
        except (TypeError, ValueError, RuntimeError) as exc:
            raise BufferError(f"{func}: {exc}") from None
        return _wrap(arr)
    from .backends import backend_for_device

    backend = backend_for_device(target, func)
    return _wrap(backend.kernels["from_dlpack"](x, device=target, copy=copy))


def _own_gpu_array(x, target, copy, func):
    """A bridge GPU tensor or a CuPy array that stays on its GPU is bridge's own kind of
    memory: taken as it is (a view, or a copy for copy=True), like a CPU bridge tensor,
    without a capsule. That is cheaper, and exact where a capsule is not: CuPy 14
    exports negative strides wrongly. None where this does not apply."""
    gpu_type = _dispatch.GPU_ARRAY_TYPE
    raw = x._data if x.__class__ is _TENSOR else x
    if gpu_type is None or raw.__class__ is not gpu_type or not is_supported(raw.dtype):
        return None  # float16 and the like: the backend kernel says what is wrong
    if target is not None and (target.type != "cuda" or target.index != raw.device.id):
        return None  # another device: the backend copies (or refuses copy=False)
    if copy is True:
        with raw.device:
            return raw.copy()
    if copy is not None and copy is not False:
        raise TypeError(f"{func}: copy must be True, False or None, not {copy!r}")
    return raw.view()


def _export_without_extension(data, stream, max_version, dl_device, copy):
    """Export through NumPy's producer when bridge._dlpack_ext is not built; the same
    negative-stride rule applies so no consumer is handed negative strides."""
    if stream is not None:
        raise ValueError(
            f"Tensor.__dlpack__: stream={stream!r} is not valid for a CPU tensor; only "
            "stream=None is accepted"
        )
    needs_copy = _has_negative_strides(data)
    if needs_copy and copy is False:
        raise BufferError(
            "Tensor.__dlpack__: copy=False, but exporting this tensor needs a copy: it has "
            "negative strides, which some consumers (PyTorch) cannot import"
        )
    if needs_copy or copy is True:
        data = np.ascontiguousarray(data).copy()
    kwargs = {}
    if max_version is not None:
        kwargs["max_version"] = max_version
    if dl_device is not None:
        kwargs["dl_device"] = dl_device
    return data.__dlpack__(**kwargs)


# ------------------------------------------------------- the C fast paths

from ._tensor import Tensor as _TENSOR  # noqa: E402  (after the helpers it imports)

# Tensor.__dlpack__, Tensor.__dlpack_device__ and from_dlpack run on every exchange
# (PyTorch and NumPy call both methods), where a Python frame costs as much as the
# capsule itself: with the extension they are C (the methods as method descriptors on
# the class, like NumPy's own), and the Python versions above serve what C hands back
# to them: GPU tensors, GPU producers and from_dlpack(device=...).
_export_python = export
_device_tuple_python = device_tuple
_from_dlpack_python_entry = from_dlpack
def _tensor_dlpack(self, *, stream=None, max_version=None, dl_device=None, copy=None):
    return export(self, stream=stream, max_version=max_version, dl_device=dl_device, copy=copy)


def _tensor_dlpack_device(self):
    return device_tuple(self)


_tensor_dlpack.__name__ = _tensor_dlpack.__qualname__ = "__dlpack__"
_tensor_dlpack_device.__name__ = _tensor_dlpack_device.__qualname__ = "__dlpack_device__"

if _ext is None:
    _TENSOR.__dlpack__, _TENSOR.__dlpack_device__ = _tensor_dlpack, _tensor_dlpack_device
else:
    _TENSOR.__dlpack__, _TENSOR.__dlpack_device__ = _ext.bind_tensor(
        _TENSOR, _export_python, _device_tuple_python, _from_dlpack_python_entry,
        _from_dlpack_python,
    )
    from_dlpack = _ext.from_dlpack  # noqa: F811

# ------------------------------------------------------- DLPack 1.3 C exchange

if _ext is not None and "__dlpack_c_exchange_api__" not in _TENSOR.__dict__:
    # DLPack 1.3: consumers look the table up on the type and call its C functions
    # directly (tens of nanoseconds instead of a method call and a capsule)
    _TENSOR.__dlpack_c_exchange_api__ = _ext.exchange_api(_wrap)

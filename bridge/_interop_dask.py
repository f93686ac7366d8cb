"""Dask's doors: how bridge tensors are sized and travel between Dask's processes.

:func:`register` (called by ``bridge.register_dask()``, and when bridge is imported
into a process that already runs dask or distributed: a worker) teaches

* ``dask.sizeof`` a Tensor's size (its buffer's bytes), so that distributed's memory
  manager counts Tensor chunks as it counts NumPy's;
* distributed's ``"dask"`` serialisation family: a CPU tensor's frame is its own
  memory (NumPy's serializer on the raw array, no copy either way); a GPU tensor goes
  through the host, as CuPy's arrays do in this family (it is the one for peers
  without CUDA);
* distributed's ``"cuda"`` family (dask_cuda's workers use it first): a GPU tensor's
  frame is its device buffer (CuPy's serializer: no host round trip); a CPU tensor
  declines, and the next family takes it.

Tensors that autograd knows (that require grad, or are results of operations on
one) do not travel: the graph lives in one process and would not follow the values
(a gradient computed on the other side would never reach the leaves), so their
serialisation raises TypeError saying so. ``tensor.detach()`` sends the values;
gradients across Dask tasks work where the tasks share the process (the threaded
scheduler, ``LocalCluster(processes=False)``).

Nothing here imports dask, distributed or CuPy until it is called; the CuPy-side
functions import CuPy only for a tensor whose memory is CuPy's.
"""

from __future__ import annotations

import sys

import numpy as np

from . import _dispatch
from ._tensor import Tensor


def _refuse_graph(t) -> None:
    meta = t._meta
    if meta is not None and (meta.requires_grad or meta.grad_fn is not None):
        raise TypeError(
            "bridge.Tensor: a tensor that requires grad (or is computed from one) cannot "
            "leave its process through Dask: its autograd graph stays behind, and a "
            "gradient computed elsewhere would never reach its leaves. Send t.detach() "
            "for the values, compute the gradient inside one task (bridge.func.grad in "
            "map_blocks), or use the threaded scheduler, where tasks share the graph")


def _is_gpu(t) -> bool:
    return t._data.__class__ is not np.ndarray


# ------------------------------------------------------------------ the "dask" family

def serialize_tensor(t, context=None):
    """distributed's ``dask`` family: (header, frames) of Tensor ``t``."""
    from distributed.protocol.numpy import serialize_numpy_ndarray

    _refuse_graph(t)
    if _is_gpu(t):
        from distributed.protocol.cupy import dask_serialize_cupy_ndarray

        header, frames = dask_serialize_cupy_ndarray(t._data)
        header["bridge-memory"] = "cupy"
        return header, frames
    header, frames = serialize_numpy_ndarray(t._data, context)
    header["bridge-memory"] = "numpy"
    return header, frames


def deserialize_tensor(header, frames):
    """The Tensor of ``serialize_tensor``'s header and frames (over the frames' memory)."""
    if header.get("bridge-memory") == "cupy":
        from distributed.protocol.cupy import dask_deserialize_cupy_ndarray

        return _dispatch.wrap(dask_deserialize_cupy_ndarray(header, frames))
    from distributed.protocol.numpy import deserialize_numpy_ndarray

    return _dispatch.wrap(deserialize_numpy_ndarray(header, frames))


# ------------------------------------------------------------------ the "cuda" family

def cuda_serialize_tensor(t):
    """distributed's ``cuda`` family: a GPU tensor's device buffer as its frame; a CPU
    tensor declines (NotImplementedError: distributed tries the next family)."""
    if not _is_gpu(t):
        raise NotImplementedError("bridge.Tensor in host memory: not the cuda family's")
    _refuse_graph(t)
    from distributed.protocol.cupy import cuda_serialize_cupy_ndarray

    return cuda_serialize_cupy_ndarray(t._data)


def cuda_deserialize_tensor(header, frames):
    """The GPU Tensor over the device frame of ``cuda_serialize_tensor``."""
    from distributed.protocol.cupy import cuda_deserialize_cupy_ndarray

    return _dispatch.wrap(cuda_deserialize_cupy_ndarray(header, frames))


# ------------------------------------------------------------------ registration

def _sizeof(t) -> int:
    return int(t._data.nbytes) + sys.getsizeof(t)


def register() -> None:
    """Register Tensor with dask.sizeof and distributed's serialisation families
    (idempotent; distributed's part only where distributed is installed)."""
    if getattr(register, "done", False):
        return
    from dask.sizeof import sizeof

    sizeof.register(Tensor)(_sizeof)
    try:
        from distributed.protocol.serialize import dask_deserialize, dask_serialize
    except ImportError:  # dask without distributed: nothing travels
        register.done = True
        return
    dask_serialize.register(Tensor)(serialize_tensor)
    dask_deserialize.register(Tensor)(deserialize_tensor)
    # the cuda family is distributed's own module (no CuPy import): registering it is
    # safe on every machine, and CPU tensors decline it
    from distributed.protocol.cuda import cuda_deserialize, cuda_serialize

    cuda_serialize.register(Tensor)(cuda_serialize_tensor)
    cuda_deserialize.register(Tensor)(cuda_deserialize_tensor)
    register.done = True


def register_loaded() -> None:
    """At bridge's import: register with what this process already runs (a Dask worker
    imports bridge when the first Tensor arrives, distributed long loaded), so that the
    tensors it receives deserialise and its chunks are sized."""
    if "dask.array" in sys.modules:
        from ._numpy_protocols import register_dask

        register_dask()
    elif "distributed.protocol" in sys.modules or "dask.sizeof" in sys.modules:
        register()

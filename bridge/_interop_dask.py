"""Dask's doors: how bridge tensors are sized and travel between Dask's processes.

:func:`register` teaches

* ``dask.sizeof`` a Tensor's size (its buffer's bytes), so that distributed's memory
  manager counts Tensor chunks as it counts NumPy's;
* distributed's ``"dask"`` serialisation family: a CPU tensor's frame is its own
  memory (NumPy's serializer on the raw array, no copy either way); a GPU tensor goes
  through the host, as CuPy's arrays do in this family (it is the one for peers
  without CUDA);
* distributed's ``"cuda"`` family (dask_cuda's workers use it first): a GPU tensor's
  frame is its device buffer (CuPy's serializer: no host round trip); a CPU tensor
  declines, and the next family takes it.

Both ends of a transfer must know a family's functions, so registration cannot wait
for the user: a worker started by ``LocalCluster`` re-imports the user's script
(bridge first, distributed after), and a client that never called
``bridge.register_dask()`` would be sent frames it cannot read. So bridge registers
in every process that has both: at its import when dask or distributed is already
loaded, else right after ``dask.array`` or ``distributed.protocol`` is imported (a
post-import hook on ``sys.meta_path``, :class:`_AfterImport`, which removes itself
once it has run). Nothing here imports dask, distributed or CuPy before that.

Autograd stays in its process. Dask's families send a tensor's values only: it
arrives detached (no ``grad_fn``, ``requires_grad`` False), whatever it was, so a
result computed on a worker and gathered by the client cannot be backpropagated, and
``result.backward()`` says so (RuntimeError: it does not require grad) instead of
leaving the leaves' gradients silently empty. A serializer cannot refuse instead:
distributed retries a transfer whose serialisation raises, forever. Gradients across
Dask tasks work where the tasks share the process and the graph (the threaded
scheduler, ``LocalCluster(processes=False)``); across processes, compute the gradient
inside one task (``bridge.func.grad`` in ``map_blocks``).
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import warnings

import numpy as np

from . import _dispatch
from ._tensor import Tensor

_wrap = _dispatch.wrap
# distributed's NumPy serializers, looked up once at registration
_NUMPY: dict = {}


# ------------------------------------------------------------------ the "dask" family

def serialize_tensor(t, context=None):
    """distributed's ``dask`` family: (header, frames) of Tensor ``t``'s values (a CPU
    tensor's one frame is its memory; autograd's record stays behind)."""
    data = t._data
    if data.__class__ is np.ndarray:
        return _NUMPY["serialize"](data, context)
    from distributed.protocol.cupy import dask_serialize_cupy_ndarray

    header, frames = dask_serialize_cupy_ndarray(data)
    header["bridge-memory"] = "cupy"
    return header, frames


def deserialize_tensor(header, frames):
    """The Tensor of ``serialize_tensor``'s header and frames (over the frames' memory)."""
    if header.get("bridge-memory") == "cupy":
        from distributed.protocol.cupy import dask_deserialize_cupy_ndarray

        return _wrap(dask_deserialize_cupy_ndarray(header, frames))
    return _wrap(_NUMPY["deserialize"](header, frames))


# ------------------------------------------------------------------ the "cuda" family

def cuda_serialize_tensor(t):
    """distributed's ``cuda`` family: a GPU tensor's device buffer as its frame; a CPU
    tensor declines (NotImplementedError: distributed tries the next family)."""
    if t._data.__class__ is np.ndarray:
        raise NotImplementedError("bridge.Tensor in host memory: not the cuda family's")
    from distributed.protocol.cupy import cuda_serialize_cupy_ndarray

    return cuda_serialize_cupy_ndarray(t._data)


def cuda_deserialize_tensor(header, frames):
    """The GPU Tensor over the device frame of ``cuda_serialize_tensor``."""
    from distributed.protocol.cupy import cuda_deserialize_cupy_ndarray

    return _wrap(cuda_deserialize_cupy_ndarray(header, frames))


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
        from distributed.protocol.cuda import cuda_deserialize, cuda_serialize
        from distributed.protocol.numpy import (
            deserialize_numpy_ndarray,
            serialize_numpy_ndarray,
        )
        from distributed.protocol.serialize import dask_deserialize, dask_serialize
    except ImportError:  # dask without distributed: nothing travels
        register.done = True
        return
    _NUMPY.update(serialize=serialize_numpy_ndarray,
                  deserialize=getattr(deserialize_numpy_ndarray, "__wrapped__",
                                      deserialize_numpy_ndarray))
    dask_serialize.register(Tensor)(serialize_tensor)
    dask_deserialize.register(Tensor)(deserialize_tensor)
    # the cuda family is distributed's own module (it imports no CuPy): registering it
    # is safe on every machine, and CPU tensors decline it
    cuda_serialize.register(Tensor)(cuda_serialize_tensor)
    cuda_deserialize.register(Tensor)(cuda_deserialize_tensor)
    register.done = True


def _register_dask_array() -> None:
    from ._numpy_protocols import register_dask

    register_dask()  # the chunk type and lookups, then register() above


class _AfterImport(importlib.abc.MetaPathFinder):
    """Runs ``hook`` once module ``name`` has been imported (bridge first, dask or
    distributed later), then leaves ``sys.meta_path``."""

    def __init__(self, name, hook):
        self.name, self.hook, self.finding = name, hook, False

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.name or self.finding:
            return None
        self.finding = True
        try:
            spec = importlib.util.find_spec(fullname)  # the finders after this one
        finally:
            self.finding = False
        if spec is None or not hasattr(spec.loader, "exec_module"):
            return None
        spec.loader = _HookedLoader(spec.loader, self)
        return spec

    def ran(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        try:
            self.hook()
        except Exception as exc:  # noqa: BLE001 - never break the user's import
            warnings.warn(f"bridge: registering with {self.name} failed ({exc!r}); "
                          "call bridge.register_dask() to retry", RuntimeWarning,
                          stacklevel=2)


class _HookedLoader(importlib.abc.Loader):
    """The module's own loader, with the hook after it has executed the module."""

    def __init__(self, loader, finder):
        self.loader, self.finder = loader, finder

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        spec = module.__spec__
        spec.loader = module.__loader__ = self.loader  # the module keeps its own loader
        self.loader.exec_module(module)
        self.finder.ran()

    def __getattr__(self, name):
        return getattr(self.loader, name)


def register_loaded() -> None:
    """At bridge's import: register with dask and distributed if they are loaded, else
    as soon as they are imported."""
    for name, hook in (("dask.array", _register_dask_array),
                       ("distributed.protocol", register)):
        if name in sys.modules:
            hook()
        elif not any(isinstance(f, _AfterImport) and f.name == name for f in sys.meta_path):
            sys.meta_path.insert(0, _AfterImport(name, hook))

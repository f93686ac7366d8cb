"""Kernel backends and their selection.

A backend is a table of kernels keyed by the registry's op names plus a few memory
functions. Kernels see raw arrays only (``numpy.ndarray`` on the CPU, ``cupy.ndarray``
on NVIDIA GPUs), never a Tensor and never an autograd object.

* ``numpy``: the reference, default on the CPU.
* ``native``: bridge's C kernels on the same memory as ``numpy`` (no copy when
  switching); an op it lacks falls back to the numpy kernel, and ``coverage()`` of
  the native backend lists those fallbacks.
* ``cupy``: NVIDIA GPUs; selecting it makes ``cuda:0`` the default device.

Select with ``BRIDGE_BACKEND=numpy|native|cupy`` for a process or
``with bridge.use_backend(name):`` in code. Importing bridge imports neither CuPy nor
the native extension unless that backend is asked for.
"""

from __future__ import annotations

import contextlib
import contextvars
import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field

from .._device import CPU, Device


@dataclass
class Backend:
    """One kernel backend: a name, the device type it runs on, and its kernel table."""

    name: str
    device_type: str  # "cpu" or "cuda"
    kernels: dict[str, Callable]
    # names of ops served by another backend's kernel on the same memory
    fallbacks: tuple[str, ...] = field(default=())
    # a device backend: the class of its raw arrays, and whether the machine has one
    # device of that type (then every array lives on the one current device)
    array_type: type | None = None
    single_device: bool = False

    def __repr__(self):
        return f"<bridge backend {self.name!r} ({len(self.kernels)} kernels)>"


# name -> module that defines BACKEND; imported only when the backend is asked for
_BACKEND_MODULES = {
    "numpy": "bridge.backends.numpy_backend",
    "native": "bridge.backends.native",
    "cupy": "bridge.backends.cupy_backend",
}
_loaded: dict[str, Backend] = {}
_unavailable: dict[str, str] = {}
_load_hooks: list[Callable[[Backend], None]] = []


def on_load(hook: Callable[[Backend], None]) -> None:
    """Call ``hook(backend)`` for every backend loaded, now and later: how the layers
    above (the dispatcher) learn a device backend's array type without a backend ever
    importing them."""
    _load_hooks.append(hook)
    for backend in list(_loaded.values()):
        hook(backend)


def load_backend(name: str, func: str = "use_backend") -> Backend:
    """Import and return backend ``name``; ValueError naming the available ones if not."""
    if name in _loaded:
        return _loaded[name]
    if name not in _BACKEND_MODULES:
        raise ValueError(
            f"{func}: unknown backend {name!r}; available backends: "
            f"{', '.join(available_backends())}"
        )
    try:
        module = importlib.import_module(_BACKEND_MODULES[name])
        backend = module.load()
    except Exception as exc:  # ImportError, missing GPU, failed build, ...
        _unavailable[name] = f"{type(exc).__name__}: {exc}"
        raise ValueError(
            f"{func}: backend {name!r} is not available here ({exc}); available backends: "
            f"{', '.join(available_backends())}"
        ) from exc
    _loaded[name] = backend
    for hook in _load_hooks:
        hook(backend)
    return backend


def available_backends() -> tuple[str, ...]:
    """Names of the backends that load on this machine (tries each once)."""
    names = []
    for name in _BACKEND_MODULES:
        if name in _loaded:
            names.append(name)
            continue
        if name in _unavailable:
            continue
        try:
            load_backend(name, "available_backends")
        except ValueError:
            continue
        names.append(name)
    return tuple(names)


class _State:
    """A backend selection: the CPU backend in use, its kernel table, the default device
    and the selected backend's name.

    The process-wide selection (``PROCESS``) is what ``set_backend`` and
    ``set_default_device`` change, and what every thread starts with. A block
    (``use_backend``, ``default_device``) selects for its own thread, and for its own
    ``contextvars`` context (an asyncio task, a ``contextvars.copy_context().run``):
    it sets a new selection in ``_CONTEXT`` and restores the previous one on exit, so
    no block ever changes what another thread sees. A selection set in a context is
    never mutated (``replace`` makes a new one), so copies of a context stay apart.
    The C front reads the selection the same way (``_fastpath.bind``).
    """

    __slots__ = ("cpu", "cpu_kernels", "default_device", "selected")

    def __init__(self, cpu=None, cpu_kernels=None, default_device=CPU, selected="numpy"):
        self.cpu: Backend | None = cpu
        self.cpu_kernels: dict = {} if cpu_kernels is None else cpu_kernels
        self.default_device: Device = default_device
        self.selected: str = selected

    def replace(self, **changes) -> _State:
        new = _State(self.cpu, self.cpu_kernels, self.default_device, self.selected)
        for name, value in changes.items():
            setattr(new, name, value)
        return new


PROCESS = _State()
_CONTEXT: contextvars.ContextVar = contextvars.ContextVar("bridge_backend", default=None)


def state() -> _State:
    """The selection in force in this thread and context."""
    s = _CONTEXT.get()
    return PROCESS if s is None else s


def _selection(current: _State, name: str, func: str) -> dict:
    backend = load_backend(name, func)
    if backend.device_type == "cpu":
        return {"selected": name, "cpu": backend, "cpu_kernels": backend.kernels,
                "default_device": CPU}
    return {"selected": name, "default_device": Device(backend.device_type, 0)}


def set_backend(name: str) -> None:
    """Select the backend for the whole process (as BRIDGE_BACKEND does): every thread
    outside a ``use_backend`` block sees it. Inside such a block it also replaces the
    block's choice for the rest of the block."""
    set_process(**_selection(PROCESS, name, "set_backend"))


def get_backend() -> str:
    """Name of the backend selected now (in this thread)."""
    return state().selected


@contextlib.contextmanager
def use_backend(name: str):
    """Run a block with another backend; the previous selection returns after it.

    The selection is per thread (and per ``contextvars`` context): other threads keep
    theirs, and a thread the block did not start in never sees it.
    """
    with selecting(**_selection(state(), name, "use_backend")):
        yield load_backend(name)


def set_process(**changes) -> None:
    """Change the process-wide selection (and, inside a block, the block's too)."""
    for key, value in changes.items():
        setattr(PROCESS, key, value)
    local = _CONTEXT.get()
    if local is not None:
        _CONTEXT.set(local.replace(**changes))


@contextlib.contextmanager
def selecting(**changes):
    """A block of this thread (and context) with the selection changed."""
    token = _CONTEXT.set(state().replace(**changes))
    try:
        yield
    finally:
        _CONTEXT.reset(token)


def backend_for_device(device: Device, func: str) -> Backend:
    """The backend whose kernels run on ``device``."""
    if device.type == "cpu":
        return state().cpu
    if device.type == "cuda":
        return load_backend("cupy", func)
    raise ValueError(f"{func}: no backend runs on device {device}")


def initialise_from_environment():
    name = os.environ.get("BRIDGE_BACKEND", "numpy") or "numpy"
    # The numpy backend is always loaded: it is the reference and the fallback.
    numpy_backend = load_backend("numpy", "BRIDGE_BACKEND")
    set_process(cpu=numpy_backend, cpu_kernels=numpy_backend.kernels)
    if name != "numpy":
        set_process(**_selection(PROCESS, name, "BRIDGE_BACKEND"))

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
    """Process-wide selection: the CPU backend in use and the default device."""

    __slots__ = ("cpu", "cpu_kernels", "default_device", "selected")

    def __init__(self):
        self.cpu: Backend | None = None
        self.cpu_kernels: dict = {}
        self.default_device: Device = CPU
        self.selected: str = "numpy"


STATE = _State()


def _select(name: str, func: str):
    backend = load_backend(name, func)
    STATE.selected = name
    if backend.device_type == "cpu":
        STATE.cpu = backend
        STATE.cpu_kernels = backend.kernels
        STATE.default_device = CPU
    else:
        STATE.default_device = Device(backend.device_type, 0)


def set_backend(name: str) -> None:
    """Select the backend for the whole process (as BRIDGE_BACKEND does)."""
    _select(name, "set_backend")


def get_backend() -> str:
    """Name of the backend selected now."""
    return STATE.selected


@contextlib.contextmanager
def use_backend(name: str):
    """Run a block with another backend; restores the previous selection after it.

    The selection is process-wide (like NumPy's error state), not per thread.
    """
    previous = (STATE.selected, STATE.cpu, STATE.cpu_kernels, STATE.default_device)
    _select(name, "use_backend")
    try:
        yield load_backend(name)
    finally:
        STATE.selected, STATE.cpu, STATE.cpu_kernels, STATE.default_device = previous


def backend_for_device(device: Device, func: str) -> Backend:
    """The backend whose kernels run on ``device``."""
    if device.type == "cpu":
        return STATE.cpu
    if device.type == "cuda":
        return load_backend("cupy", func)
    raise ValueError(f"{func}: no backend runs on device {device}")


def initialise_from_environment():
    name = os.environ.get("BRIDGE_BACKEND", "numpy") or "numpy"
    # The numpy backend is always loaded: it is the reference and the fallback.
    numpy_backend = load_backend("numpy", "BRIDGE_BACKEND")
    STATE.cpu = numpy_backend
    STATE.cpu_kernels = numpy_backend.kernels
    if name != "numpy":
        _select(name, "BRIDGE_BACKEND")

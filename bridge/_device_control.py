"""The default device: where creation functions put tensors when no ``device`` is given.

It is the CPU unless the user changes it, with ``bridge.set_default_device`` for the
process or ``with bridge.default_device(...)`` for a block, or by selecting the
``cupy`` backend (which makes ``cuda:0`` the default). ``__array_namespace_info__()
.default_device()`` reports it.
"""

from __future__ import annotations

import contextlib

from ._device import Device, parse_device
from .backends import backend_for_device, selecting, set_process, state


def _available_device(device, func: str) -> Device:
    """``device`` as a Device that exists on this machine; ValueError otherwise."""
    dev = parse_device(device, func)
    if dev.type == "cpu":
        return dev
    # ValueError naming the available backends when CuPy or a GPU is missing
    backend_for_device(dev, func)
    from ._info import _gpu_devices

    gpus = _gpu_devices()
    if dev not in gpus:
        available = ", ".join(str(d) for d in ("cpu",) + gpus)
        raise ValueError(f"{func}: device {dev} does not exist here; available devices: {available}")
    return dev


def set_default_device(device, /) -> None:
    """Make ``device`` ('cpu', 'cuda:N' or a Device) the default for creation functions,
    for the whole process (every thread outside a ``default_device`` block)."""
    set_process(default_device=_available_device(device, "set_default_device"))


def get_default_device() -> Device:
    """The device creation functions use when no ``device`` is given (in this thread)."""
    return state().default_device


@contextlib.contextmanager
def default_device(device, /):
    """Use ``device`` as the default device inside a ``with`` block, then restore the
    previous default (also when the block raises). The block's default holds for its
    own thread (and ``contextvars`` context) only.

    >>> import bridge
    >>> with bridge.default_device("cpu"):
    ...     bridge.zeros(2).device
    Device('cpu')
    """
    dev = _available_device(device, "default_device")
    with selecting(default_device=dev):
        yield dev

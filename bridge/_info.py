"""``__array_namespace_info__()``: the inspection API of the standard."""

from __future__ import annotations

from . import _dtypes
from ._device import CPU, Device, parse_device
from .backends import state

_KINDS = {
    "bool": _dtypes.BOOL_DTYPES,
    "signed integer": _dtypes.SIGNED_INT_DTYPES,
    "unsigned integer": _dtypes.UNSIGNED_INT_DTYPES,
    "integral": _dtypes.INT_DTYPES,
    "real floating": _dtypes.REAL_FLOAT_DTYPES,
    "complex floating": _dtypes.COMPLEX_DTYPES,
    "numeric": _dtypes.NUMERIC_DTYPES,
}


def _gpu_devices() -> tuple:
    """CUDA devices, when CuPy is installed and sees a GPU (imports CuPy only here)."""
    try:
        import cupy

        count = cupy.cuda.runtime.getDeviceCount()
    except Exception:  # no CuPy, no driver, no GPU: the CPU only
        return ()
    return tuple(Device("cuda", i) for i in range(count))


class Info:
    """What this namespace offers: capabilities, devices and dtypes."""

    __module__ = "bridge"

    def capabilities(self) -> dict:
        return {"boolean indexing": True, "data-dependent shapes": True, "max dimensions": 64}

    def default_device(self) -> Device:
        return state().default_device

    def default_dtypes(self, *, device=None) -> dict:
        if device is not None:
            self._check_device(device)
        return {
            "real floating": _dtypes.DEFAULT_FLOAT,
            "complex floating": _dtypes.DEFAULT_COMPLEX,
            "integral": _dtypes.DEFAULT_INT,
            "indexing": _dtypes.DEFAULT_INDEX,
        }

    def devices(self) -> tuple:
        return (CPU,) + _gpu_devices()

    def dtypes(self, *, device=None, kind=None) -> dict:
        if device is not None:
            self._check_device(device)
        if kind is None:
            selected = _dtypes.ALL_DTYPES
        else:
            kinds = kind if isinstance(kind, tuple) else (kind,)
            selected = []
            for k in kinds:
                if isinstance(k, str):
                    if k not in _KINDS:
                        raise ValueError(f"dtypes: unknown kind {k!r}; expected one of {sorted(_KINDS)}")
                    selected.extend(_KINDS[k])
                else:
                    selected.append(_dtypes.normalize_dtype(k, "dtypes", "kind"))
        return {d.name: d for d in _dtypes.ALL_DTYPES if d in selected}

    def _check_device(self, device):
        dev = parse_device(device, "__array_namespace_info__")
        if dev != CPU and dev not in _gpu_devices():
            raise ValueError(f"__array_namespace_info__: device {dev} is not available")


def __array_namespace_info__() -> Info:
    return Info()

"""bridge: one tensor type, the Python Array API standard 2025.12, three backends.

>>> import bridge as xp
>>> x = xp.asarray([1.0, 2.0, 3.0])
>>> xp.sum(x * 2)
Tensor(12., dtype=float64, device='cpu')
"""

from __future__ import annotations

import math as _math

from . import _dtypes
from ._device import Device
from ._device_control import default_device, get_default_device, set_default_device
from ._dtypes import (
    bool,
    complex64,
    complex128,
    float32,
    float64,
    int8,
    int16,
    int32,
    int64,
    uint8,
    uint16,
    uint32,
    uint64,
)
from ._info import __array_namespace_info__
from ._tensor import Tensor
from ._threads import get_num_threads, set_num_threads
from .backends import (
    available_backends,
    get_backend,
    set_backend,
    use_backend,
)
from .backends import (
    initialise_from_environment as _initialise_backends,
)

__array_api_version__ = "2025.12"

e = _math.e
inf = _math.inf
nan = _math.nan
pi = _math.pi
newaxis = None

_initialise_backends()

from . import _ops  # noqa: E402
from ._ops import numpy_compat as _numpy_compat  # noqa: E402
from ._registry import build_registry as _build_registry  # noqa: E402
from ._ufunc import ufunc_rows as _ufunc_rows  # noqa: E402

# the registry, from every section's rows (the standard's, then the NumPy-compatible
# names), in one fixed order; the elementwise functions are NumPy's ufunc objects
_REGISTRY = _build_registry(
    _numpy_compat.extended_rows(_ufunc_rows(_ops.rows() + _numpy_compat.OPS)))
for _op in _REGISTRY.values():
    if _op.section not in ("array", "linalg", "fft"):
        globals()[_op.name] = _op.func
# NumPy's objects that are not functions: dtype names, index tricks, emath, versions
globals().update(_numpy_compat.NUMPY_OBJECTS)

from ._methods import bind_methods as _bind_methods  # noqa: E402

_bind_methods()

from . import _dlpack as _dlpack  # noqa: E402  (sets Tensor.__dlpack_c_exchange_api__)
from . import (  # noqa: E402
    _interop_dask,  # Dask's doors (sizeof, distributed's serialisation)
    _interop_defer,  # which foreign array types bridge's functions defer to
    autograd,  # noqa: E402
    fft,
    func,
    linalg,
)
from ._compile import compile  # noqa: E402, A004  (bridge.compile, as torch.compile)
from ._numpy_protocols import register_dask  # noqa: E402  (NumPy protocols, Tensor methods, bridge.random)
from .autograd import enable_grad, no_grad, set_grad_enabled  # noqa: E402

_interop_defer.install()
_interop_dask.register_loaded()

__all__ = sorted(
    [op.name for op in _REGISTRY.values() if op.section not in ("array", "linalg", "fft")]
    + [name for name in _numpy_compat.NUMPY_OBJECTS if not name.startswith("__")]
    + [d.name for d in _dtypes.ALL_DTYPES]
    + ["Tensor", "Device", "e", "inf", "nan", "pi", "newaxis", "__array_api_version__",
       "__array_namespace_info__", "linalg", "fft", "use_backend", "get_backend",
       "set_backend", "available_backends", "set_default_device", "get_default_device",
       "default_device", "autograd", "func", "compile", "no_grad", "enable_grad", "set_grad_enabled",
       "set_num_threads", "get_num_threads"]
)

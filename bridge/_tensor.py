"""``bridge.Tensor``: the one array type of bridge.

A Tensor holds a raw backend array (``numpy.ndarray`` on the CPU, ``cupy.ndarray``
on a GPU) and, once autograd is involved, an autograd record. The arithmetic,
comparison and bitwise operators are bound from the op registry by
``bridge/_methods.py``; this module holds what is specific to the array object.
"""

from __future__ import annotations

import builtins
import math
import operator
import sys

import numpy as np

from . import _dispatch
from ._device import CPU, Device, parse_device
from ._dispatch import ndarray
from ._fastpath import TensorBase
from ._registry import ops

SUPPORTED_API_VERSIONS = ("2021.12", "2022.12", "2023.12", "2024.12", "2025.12")


class Tensor(TensorBase):
    """An n-dimensional array following the Python Array API standard 2025.12.

    Create one with ``bridge.asarray``, ``bridge.zeros`` and the other creation
    functions; ``bridge.Tensor(obj)`` is the same as ``bridge.asarray(obj)``.
    """

    # the raw array (``_data``) and the autograd record (``_meta``) are C members of
    # TensorBase, which the C front and the DLPack extension read as struct fields
    __slots__ = ()

    # NumPy defers binary operators to us (ndarray + Tensor → Tensor.__radd__)
    __array_priority__ = 1000

    def __new__(cls, obj=None, /, *, dtype=None, device=None, copy=None):
        if obj is None:
            raise TypeError("Tensor: obj is required; use bridge.empty(shape) for an empty tensor")
        return ops.asarray(obj, dtype=dtype, device=device, copy=copy)

    # ------------------------------------------------------------ attributes

    @property
    def dtype(self):
        """The data type, one of bridge's (NumPy's) dtype objects."""
        return self._data.dtype

    @property
    def device(self) -> Device:
        data = self._data
        if data.__class__ is ndarray:
            return CPU
        return _dispatch.device_of(data)

    @property
    def shape(self) -> tuple:
        return self._data.shape

    @shape.setter
    def shape(self, value):
        # NumPy's x.shape = ...: the same memory seen in another shape, never a copy
        if self._meta is not None:
            raise AttributeError("Tensor.shape: a tensor that autograd records cannot change "
                                 "its shape in place; use reshape")
        shape = (operator.index(value),) if not isinstance(value, (tuple, list)) else tuple(value)
        view = self._data.view()
        try:
            view.shape = shape
        except AttributeError:
            raise AttributeError("Incompatible shape for in-place modification. Use `.reshape()` "
                                 "to make a copy with the desired shape.") from None
        self._data = view

    @property
    def ndim(self) -> int:
        return self._data.ndim

    @property
    def size(self) -> int:
        return math.prod(self._data.shape)

    @property
    def T(self):  # noqa: N802 - the standard names it so
        data = self._data
        if data.ndim != 2:
            raise ValueError(
                f"Tensor.T: needs a 2-dimensional tensor, got {data.ndim} dimensions; "
                "use .mT or permute_dims for other shapes"
            )
        if self._meta is None:
            # the backend's transposed view (NumPy's and CuPy's .T need no device context)
            return _dispatch.wrap(data.T)
        return ops.permute_dims(self, (1, 0))  # autograd records the view

    @property
    def mT(self):  # noqa: N802
        return ops.matrix_transpose(self)

    # ------------------------------------------------------------ conversions

    def _scalar(self, func: str):
        data = self._data
        if data.size != 1:
            raise TypeError(
                f"Tensor.{func}: only a tensor of one element converts to a Python scalar, "
                f"this one has shape {data.shape}"
            )
        if data.__class__ is not ndarray:
            data = data.get()  # a GPU tensor: the user asked for a host value
        return data.reshape(()).item()

    def __bool__(self) -> bool:
        if self._data.size != 1:
            # NumPy's error type for an ambiguous truth value
            raise ValueError(
                f"Tensor.__bool__: the truth value of a tensor of shape {self._data.shape} is "
                "ambiguous; use bridge.any() or bridge.all()"
            )
        return builtins.bool(self._scalar("__bool__"))

    def __int__(self) -> int:
        value = self._scalar("__int__")
        if isinstance(value, complex):
            raise TypeError("Tensor.__int__: cannot convert a complex tensor to int")
        # int(inf) raises OverflowError and int(nan) ValueError, as the standard says
        return int(value)

    def __float__(self) -> float:
        value = self._scalar("__float__")
        if isinstance(value, complex):
            raise TypeError("Tensor.__float__: cannot convert a complex tensor to float")
        return float(value)

    def __complex__(self) -> complex:
        return complex(self._scalar("__complex__"))

    def __index__(self) -> int:
        if self._data.dtype.kind not in "iu":
            raise TypeError(
                f"Tensor.__index__: only integer tensors can be used as an index, "
                f"this one has dtype {self._data.dtype}"
            )
        return int(self._scalar("__index__"))

    def item(self, *args):
        """The one element as a Python scalar (NumPy's and PyTorch's ``item``); NumPy's
        ``item(i)`` (a flat index) and ``item(i, j, ...)`` pick one element."""
        if not args:
            return self._scalar("item")
        data = self._data
        if data.__class__ is not ndarray:
            data = data.get()
        return data.item(*args)

    def tolist(self):
        data = self._data
        if data.__class__ is not ndarray:
            data = data.get()
        return data.tolist()

    def __len__(self) -> int:
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._data.shape[0]

    def __iter__(self):
        # not a generator function: ``iter()`` itself must raise for a 0-d tensor, as for
        # a 0-d NumPy array (``numpy.iterable`` and SciPy rely on it)
        if self._data.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return (self[i] for i in range(self._data.shape[0]))

    def __array__(self, dtype=None, copy=None):
        """NumPy's view of a CPU tensor: shares memory unless a copy is asked for. The
        view of a tensor autograd knows (it requires grad, or a graph made it) is
        read-only: a write through it would change values saved for a backward pass
        behind autograd's back (``.detach()`` gives a writable tensor whose writes
        autograd sees)."""
        data = self._data
        if data.__class__ is not ndarray:
            raise TypeError(
                f"Tensor.__array__: the tensor is on {self.device}; move it to the CPU with "
                ".to_device('cpu') first (bridge never copies from a GPU implicitly)"
            )
        if copy is True:
            return np.array(data, dtype=dtype, copy=True)
        if dtype is not None and np.dtype(dtype) != data.dtype:
            if copy is False:
                raise ValueError(
                    f"Tensor.__array__: converting {data.dtype} to {np.dtype(dtype)} needs a copy, "
                    "but copy=False"
                )
            return data.astype(dtype)
        if self._meta is not None and _in_graph(self._meta) and data.flags.writeable:
            view = data.view()
            view.flags.writeable = False
            return view
        return data

    @property
    def __array_interface__(self):
        data = self._data
        if data.__class__ is not ndarray:
            raise AttributeError("__array_interface__ exists only for CPU tensors")
        interface = data.__array_interface__
        if self._meta is not None and _in_graph(self._meta):
            interface = dict(interface, data=(interface["data"][0], True))  # read-only
        return interface

    @property
    def __cuda_array_interface__(self):
        """CUDA Array Interface (v3) of a GPU tensor: zero-copy exchange with Numba,
        CuPy, PyTorch; absent (AttributeError) on CPU tensors."""
        data = self._data
        if data.__class__ is ndarray:
            raise AttributeError("__cuda_array_interface__ exists only for GPU tensors")
        return data.__cuda_array_interface__

    # ------------------------------------------------------------ namespace

    def __array_namespace__(self, /, *, api_version=None):
        if api_version is not None and api_version not in SUPPORTED_API_VERSIONS:
            raise ValueError(
                f"Tensor.__array_namespace__: api_version={api_version!r} is not supported; "
                f"bridge implements {', '.join(SUPPORTED_API_VERSIONS)}"
            )
        # the namespace is the package itself, imported before any tensor exists
        return sys.modules["bridge"]

    def to_device(self, device, /, *, stream=None):
        """This tensor on ``device``: itself if already there, else an explicit copy."""
        target = parse_device(device, "to_device")
        if target == self.device:
            return self
        return _dispatch.transfer(self, target, stream=stream)

    # ------------------------------------------------------------ DLPack
    # __dlpack__ and __dlpack_device__ are bridge/_dlpack.py's (the interop layer sets
    # them on the class: C methods, or the Python ones where the extension is missing)

    # ------------------------------------------------------------ repr

    def __repr__(self):
        data = self._data
        if data.__class__ is not ndarray:
            data = data.get()
        body = np.array2string(data, separator=", ", prefix="Tensor(", threshold=1000)
        extra = f", dtype={data.dtype}, device='{self.device}'"
        if data.size == 0 and data.shape != (0,):  # "[]" alone does not say it (NumPy's rule)
            extra = f", shape={data.shape}" + extra
        if self._meta is not None and getattr(self._meta, "requires_grad", False):
            extra += ", requires_grad=True"
        return f"Tensor({body}{extra})"

    def __str__(self):
        # NumPy's str (print(x) shows [1.5  2.25], a 0-d tensor its number), under
        # NumPy's print options; repr says Tensor(..., dtype, device)
        data = self._data
        if data.__class__ is not ndarray:
            data = data.get()
        return str(data)

    # ------------------------------------------------------------ pickle

    def __reduce__(self):
        # the values go by value as a NumPy array (a GPU tensor's through the host, an
        # explicit copy); the device and requires_grad come back as they were
        data = self._data
        if data.__class__ is not ndarray:
            data = data.get()
        requires_grad = self._meta is not None and bool(getattr(self._meta, "requires_grad",
                                                                False))
        return _rebuild, (data, str(self.device), requires_grad)

    def __hash__(self):
        """A 0-d tensor without an autograd record stands for NumPy's scalar (an element
        ``x[i]``, a reduction), which hashes by value: ``dict(zip(values, counts))``,
        ``set(x)`` and ``Counter(x)`` work as with NumPy, and ``d[3]`` finds the key
        ``x[i] == 3``. Every other tensor compares elementwise and is unhashable, as
        NumPy's arrays are."""
        if self._meta is None and self._data.ndim == 0:
            return hash(self.item())
        raise TypeError(
            f"unhashable type: 'Tensor' (a {self.ndim}-d tensor compares elementwise"
            + (" and records gradients" if self._meta is not None else "")
            + "; only a 0-d tensor without an autograd record hashes, by its value)")


def _rebuild(data, device, requires_grad):
    """Unpickle a Tensor (see Tensor.__reduce__)."""
    t = ops.asarray(data, device=device)
    if requires_grad:
        t.requires_grad_(True)
    return t


_dispatch._bind_tensor_type()


def _in_graph(meta):
    """Whether autograd may read this tensor's values later (see Tensor.__array__)."""
    return meta.requires_grad or meta.grad_fn is not None

"""The value an interpreter hands to user code in place of a Tensor.

``bridge.func.vmap`` gives the function one example of a batch (``Batched``) and
``bridge.compile``'s tracer gives it a recorded value (``Traced``). Both must look like
Tensors to user code: the same operators, indexing, methods and attributes, each of
which calls the registry function of the same name, so that the call reaches the
registry's hook (``_registry.TRANSFORMS``) and the interpreter's rule. This class holds
that surface once; a subclass says what the value is (``shape``, ``dtype``, ...),
what reading a Python value out of it means (``_read``: vmap refuses, the tracer
records a guard) and how an in-place operator writes (``_write``).
"""

from __future__ import annotations

import sys

from ._registry import REGISTRY
from ._registry import ops as B


class Proxy:
    """A subclass keeps the real value it stands for in ``value`` and defines ``shape``,
    ``ndim``, ``_read(what, convert)`` and ``_write(result, name)``."""

    __slots__ = ()

    @property
    def size(self):
        n = 1
        for s in self.shape:
            n *= s
        return n

    @property
    def dtype(self):
        return self.value.dtype

    @property
    def device(self):
        return self.value.device

    @property
    def requires_grad(self):
        return self.value.requires_grad

    @property
    def T(self):  # noqa: N802 - the standard's name
        if self.ndim != 2:
            raise ValueError(f"Tensor.T: needs a 2-D tensor, got {self.ndim}-D")
        return B.permute_dims(self, (1, 0))

    @property
    def mT(self):  # noqa: N802
        return B.matrix_transpose(self)

    def __array_namespace__(self, /, *, api_version=None):
        return sys.modules["bridge"]

    def __len__(self):
        if not self.ndim:
            raise TypeError("len() of a 0-d tensor")
        return self.shape[0]

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __hash__(self):
        return id(self)

    # --- Python values read out of the tensor
    def __bool__(self):
        return self._read("bool()", bool)

    def __float__(self):
        return self._read("float()", float)

    def __int__(self):
        return self._read("int()", int)

    def __complex__(self):
        return self._read("complex()", complex)

    def __index__(self):
        return self._read("an index (__index__)", lambda t: t.__index__())

    def item(self):
        return self._read("item()", lambda t: t.item())

    def tolist(self):
        return self._read("tolist()", lambda t: t.tolist())

    def __array__(self, dtype=None, copy=None):
        return self._read("numpy.asarray()", lambda t: t.__array__(dtype=dtype, copy=copy))

    def __dlpack__(self, *args, **kwargs):
        return self._read("__dlpack__()", lambda t: t.__dlpack__(*args, **kwargs))

    # --- indexing
    def __getitem__(self, key):
        return REGISTRY["getitem"].func(self, key)

    def __setitem__(self, key, value):
        REGISTRY["setitem"].func(self, key, value)

    # --- methods of the Tensor that are registry ops (x.sum(), x.reshape(...))
    def __getattr__(self, name):
        op = REGISTRY.get(name)
        if op is None or op.section == "array" or name.startswith("_"):
            raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")
        func = op.func
        return lambda *args, **kwargs: func(self, *args, **kwargs)

    def astype(self, dtype, /, *, copy=True):
        return B.astype(self, dtype, copy=copy)


def _operator(name, reflected=False):
    if reflected:
        def method(self, other):
            return getattr(B, name)(other, self)
    else:
        def method(self, other):
            return getattr(B, name)(self, other)
    return method


def _inplace(name):
    def method(self, other):
        self._write(getattr(B, name)(self, other), name)
        return self
    return method


def _bind_operators():
    from ._spec import BINARY, UNARY

    for name, _, _, methods in BINARY:
        if len(methods) == 3:
            forward, reflected, inplace = methods
            setattr(Proxy, forward, _operator(name))
            setattr(Proxy, reflected, _operator(name, reflected=True))
            setattr(Proxy, inplace, _inplace(name))
        elif methods:
            setattr(Proxy, methods[0], _operator(name))
    for name, _, _, methods in UNARY:
        for m in methods:
            setattr(Proxy, m, lambda self, _n=name: getattr(B, _n)(self))
    Proxy.__matmul__ = _operator("matmul")
    Proxy.__rmatmul__ = _operator("matmul", reflected=True)
    Proxy.__imatmul__ = _inplace("matmul")


_bind_operators()

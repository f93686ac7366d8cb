"""Binds the Tensor operators to the registry's functions.

For each op that lists operator methods, the forward operator calls the function,
the reflected one swaps the operands, and the in-place one computes the result and
writes it into the left operand's memory, refusing a change of shape (ValueError) or
a cast across kinds (TypeError), as NumPy's in-place ufuncs do.
"""

from __future__ import annotations

import numpy as np

from . import _dispatch, _fastpath
from ._dispatch import PY_SCALARS
from ._registry import INTEROP, REGISTRY, TRANSFORMS
from ._tensor import Tensor

# What an operator accepts as the other operand; anything else gets NotImplemented
# so that Python can try the other operand's reflected method.
_OPERAND_TYPES = (Tensor, np.ndarray, np.generic, list, tuple)


def _accepts(other) -> bool:
    return other.__class__ is Tensor or other.__class__ in PY_SCALARS \
        or isinstance(other, _OPERAND_TYPES)


def _forward(func):
    name = func.__name__

    def method(self, other, /):
        if _accepts(other):
            return func(self, other)
        return INTEROP.refused(name, self, other, False)

    return method


def _reflected(func):
    name = func.__name__

    def method(self, other, /):
        if _accepts(other):
            return func(other, self)
        return INTEROP.refused(name, self, other, True)

    return method


def write_inplace(target, result, opname: str):
    """Store ``result`` into ``target``'s memory for an in-place operator."""
    if result.shape != target.shape:
        raise ValueError(
            f"{opname}: the result has shape {result.shape}, but the in-place target has shape "
            f"{target.shape}; in-place operations cannot broadcast the left operand"
        )
    if result.dtype != target.dtype and not np.can_cast(result.dtype, target.dtype, "same_kind"):
        raise TypeError(
            f"{opname}: cannot store a {result.dtype} result in a {target.dtype} tensor in place"
        )
    data = target._data
    if data.__class__ is np.ndarray and not data.flags.writeable:
        raise ValueError(
            f"{opname}: the tensor is read-only (it shares memory that its producer marked "
            "read-only); write into a copy instead"
        )
    autograd = _dispatch.AUTOGRAD
    if autograd is not None and (target._meta is not None or result._meta is not None):
        autograd.inplace(target, result, opname)
        return target
    kernels = _dispatch.kernels_of(target._data)
    kernels["copyto"](target._data, result._data)
    return target


# In-place operators that can write straight into the left operand's memory with the
# array library's own ``out=`` (one kernel, no temporary), and the dtype kinds of the
# left operand for which the result dtype is the operand's own.
_DIRECT_INPLACE = {
    "add": "iufc", "subtract": "iufc", "multiply": "iufc", "divide": "fc",
    "bitwise_and": "biu", "bitwise_or": "biu", "bitwise_xor": "biu",
}
_UFUNCS: dict = {}  # (array class, op name) -> the library's ufunc


def _ufunc(cls, name):
    fn = _UFUNCS.get((cls, name))
    if fn is None:
        xp = np if cls is np.ndarray else __import__(cls.__module__.split(".")[0])
        fn = _UFUNCS[(cls, name)] = getattr(xp, name)
    return fn


def _write_direct(self, other, name, kinds):
    """``self op= other`` computed into ``self``'s memory, or None where the general
    path must decide (a cast, broadcasting of the left operand, overlapping memory,
    autograd recording, an error to report).

    The result is bitwise that of ``op(self, other)`` followed by a copy: the same
    elementwise operation on the same operand dtypes.
    """
    a = self._data
    cls = a.__class__
    if a.dtype.kind not in kinds:
        return None
    if cls is np.ndarray:
        if not a.flags.writeable:
            return None
        if a.dtype.kind == "c" and name in ("multiply", "divide"):
            # NumPy's complex product and quotient take another loop when the output
            # aliases an input (no FMA: a last-bit difference from ``op(a, b)``), and the
            # native backend's product rounds in its own order: the general path keeps
            # ``a op= b`` bitwise equal to ``op(a, b)``
            return None
    elif cls is not _dispatch.GPU_ARRAY_TYPE or not _dispatch.SINGLE_GPU:
        return None
    oc = other.__class__
    if oc is Tensor:
        b = other._data
        if b.__class__ is not cls or b.dtype != a.dtype or (b.shape != a.shape and b.ndim):
            return None
        if cls is not np.ndarray and b is not a and b.data.mem is a.data.mem:
            return None  # CuPy does not order partially overlapping reads and writes
        if other._meta is not None:
            return None
    elif oc is float:
        if a.dtype.kind not in "fc":
            return None
        b = other
    elif oc is int:
        if kinds == "biu" and a.dtype.kind == "b":
            return None
        b = other
    else:
        return None
    meta = self._meta
    if meta is not None:
        autograd = _dispatch.AUTOGRAD
        if meta.tangent is not None or (
                autograd.MODE.grad and (meta.requires_grad or meta.grad_fn is not None)):
            return None
    try:
        _ufunc(cls, name)(a, b, out=a)
    except (ValueError, TypeError, OverflowError):
        return None  # the general path raises the error with bridge's message
    if meta is not None:
        meta.version[0] += 1
    return self


def _inplace(func, opname):
    name = func.__name__
    kinds = _DIRECT_INPLACE.get(name)

    def method(self, other, /):
        if not _accepts(other):
            if TRANSFORMS.active:
                TRANSFORMS.refuse_plain_inplace(other, opname)
            return NotImplemented
        if self._meta is None and self._data.ndim == 0:
            # a 0-d tensor without an autograd record stands for NumPy's scalar (a
            # reduction, an element x[i]), which is immutable: x op= y rebinds x to
            # x op y, so a list holding x, or the tensor x[i] came from, keeps its value.
            # With a tensor operand the standard's rule still holds: an in-place operator
            # never changes the target's dtype or shape (a result it could not store
            # raises, as for any tensor; a same-kind one is cast back to the target's
            # dtype). With a Python scalar of another kind (int tensor, float scalar) the
            # standard leaves the result unspecified, and NumPy's scalar rule applies.
            out = func(self, other)
            if out.__class__ is not Tensor or (out.shape == () and (
                    out.dtype == self.dtype or other.__class__ in PY_SCALARS)):
                return out
            if out.shape != () or not np.can_cast(out.dtype, self.dtype, "same_kind"):
                return write_inplace(self, out, opname)  # raises the standard's error
            return _dispatch.wrap(out._data.astype(self.dtype))
        if kinds is not None:
            done = _write_direct(self, other, name, kinds)
            if done is not None:
                return done
        return write_inplace(self, func(self, other), opname)

    method.__name__ = method.__qualname__ = opname
    if kinds is None:
        return method
    # the C front takes _write_direct's CPU case (its kinds; complex products and
    # quotients keep the general path, see above)
    c_kinds = kinds.replace("c", "") if name in ("multiply", "divide") else kinds
    return _fastpath.inplace(name, opname, method, _ufunc(np.ndarray, name), c_kinds, func,
                             write_inplace)


def _operator(op, dunder, mode):
    """An elementwise operator's Python function behind the registry's hook (as every
    function is), so an interpreter sees ``x * y`` of two plain tensors too: the
    tracer of bridge.compile records it. A reflected one is marked: the hook hands the
    interpreters its operands in the function's order."""
    from ._ops.elementwise import make_binary
    from ._registry import transform_call

    python = make_binary(op.name, op.dtypes, mode)
    python.reflected = mode == "reflected"
    name = op.name
    repeats = name == "multiply"
    powers = name == "pow"
    reflected = python.reflected
    transforms = TRANSFORMS

    # (not the interpose front: an operand of a type that defers gets NotImplemented
    # from the operator, so Python asks that type, as ndarray's operators do)
    def operator(x1, x2, /):
        if repeats and x2.__class__ in (list, tuple) and _integer_scalar(x1):
            # a 0-d integer tensor stands for NumPy's integer scalar, and
            # ``[0] * np.int64(3)`` (or ``np.int64(3) * [0]``) repeats the list
            return x2 * x1.__index__()
        if powers and x1.__class__ is Tensor and x1.dtype.kind == "b":
            done = _bool_power(x2, x1) if reflected else _bool_power(x1, x2)
            if done is not None:
                return done
        if transforms.active:
            return transform_call(name, python, x1, x2)
        return python(x1, x2)

    operator.__name__ = operator.__qualname__ = dunder
    operator.__doc__ = python.__doc__
    operator.reflected = python.reflected
    return operator


def _is_bool(x) -> bool:
    return x.__class__ is bool or (isinstance(x, (Tensor, np.ndarray, np.generic))
                                   and x.dtype.kind == "b")


def _bool_power(base, exponent):
    """``base ** exponent`` of a bool tensor where NumPy's operator answers (the
    standard's numeric dtypes for pow leave bool out): bool ** bool runs NumPy's int8
    loop, and ``mask ** 2`` is NumPy's square of a bool array (its fast path for the
    exponent 2), int8. Other calls: None (the standard's operator; ``mask ** 3`` is
    int64, as in NumPy). A 0-d tensor stands for NumPy's bool scalar, whose ``** 2``
    is int64."""
    from ._registry import ops

    if _is_bool(base) and _is_bool(exponent):
        b = base if base.__class__ is Tensor else ops.asarray(base)
        e = exponent if exponent.__class__ is Tensor else ops.asarray(exponent, device=b.device)
        return ops.pow(ops.astype(b, ops.int8), ops.astype(e, ops.int8))
    if base.__class__ is Tensor and base.ndim and exponent.__class__ is int and exponent == 2:
        return ops.astype(base, ops.int8)  # (0 and 1 are their own squares)
    return None


def _integer_scalar(x) -> bool:
    return x.__class__ is Tensor and x.ndim == 0 and x.dtype.kind in "iu"


def _round(self, ndigits=None):
    """``round(x)`` of a 0-d tensor, which stands for NumPy's scalar: a Python int, or
    with ``ndigits`` a 0-d tensor of x's dtype rounded as ``np.round(x, ndigits)``."""
    if self.ndim != 0:
        raise TypeError(
            f"Tensor.__round__: round() takes a 0-d tensor (NumPy's scalar), this one has "
            f"shape {self.shape}; use bridge.round(x, decimals) for an array")
    if self.dtype.kind == "c":
        raise TypeError("Tensor.__round__: round() of a complex tensor is not defined "
                        "(NumPy's complex scalars have no __round__)")
    if ndigits is None:
        value = self.item()
        return int(value) if self.dtype.kind in "biu" else round(value)
    return self.round(_dispatch.integer("Tensor.__round__", ndigits, "ndigits"))


def bind_methods():
    Tensor.__round__ = _round
    for op in REGISTRY.values():
        if not op.methods:
            continue
        func = op.func
        if len(op.methods) == 1:
            name = op.methods[0]
            if name == "__getitem__":
                setattr(Tensor, name, _fastpath.getitem_method(func))
            elif name == "__setitem__":
                setattr(Tensor, name, _fastpath.setitem_method(func))
            elif name in ("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"):
                from ._ops.elementwise import with_c_hot_path

                setattr(Tensor, name, with_c_hot_path(
                    op.name, op.dtypes, 2, _operator(op, name, "operator"),
                    qualname=f"Tensor.{name}"))
            else:  # unary operators
                setattr(Tensor, name, func)
            continue
        forward, reflected, inplace = op.methods
        if op.section == "elementwise":
            # generated with the same inlined hot path as the function itself
            from ._ops.elementwise import with_c_hot_path

            setattr(Tensor, forward, with_c_hot_path(
                op.name, op.dtypes, 2, _operator(op, forward, "operator"),
                qualname=f"Tensor.{forward}"))
            setattr(Tensor, reflected, with_c_hot_path(
                op.name, op.dtypes, 2, _operator(op, reflected, "reflected"),
                reflected=True, qualname=f"Tensor.{reflected}"))
        elif op.name == "matmul":
            from ._ops.elementwise import with_c_hot_path

            python = getattr(func, "__wrapped__", func)  # the C path of bridge.matmul
            setattr(Tensor, forward, with_c_hot_path(
                "matmul", op.dtypes, 2, _forward(python), qualname=f"Tensor.{forward}",
                matrix=True))
            setattr(Tensor, reflected, with_c_hot_path(
                "matmul", op.dtypes, 2, _reflected(python), reflected=True,
                qualname=f"Tensor.{reflected}", matrix=True))
        else:
            setattr(Tensor, forward, _forward(func))
            setattr(Tensor, reflected, _reflected(func))
        setattr(Tensor, inplace, _inplace(func, inplace))

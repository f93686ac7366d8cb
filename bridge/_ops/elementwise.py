"""Elementwise functions and the operators bound to them.

The tables below declare each function once: its name, the dtype category of its
inputs (the standard's wording), whether it is differentiable, and the Tensor
operators it backs. The public functions are generated from the tables: the Python
function (promotion, Python scalars, devices, autograd, bridge's errors) wrapped in
the C front's elementwise object (bridge/_fastpath), which calls the kernel itself
for plain CPU tensors and gives every other call to the Python function.
"""

from __future__ import annotations

import builtins

import numpy as np

from .. import _dispatch, _fastpath
from .._dispatch import PY_SCALARS, ndarray, wrap
from .._dtypes import CATEGORIES, DEFAULT_COMPLEX, DEFAULT_FLOAT, DEFAULT_INT
from .._registry import INTEROP, Op, interposed, ops
from .._spec import BINARY, UNARY  # noqa: E402  (the tables of the standard's elementwise functions)

# Python scalar kinds an array of a given dtype kind accepts as the other operand
# (2024.12 rules, widened the way NumPy does: an int scalar works with float arrays,
# a float scalar with integer arrays gives the default float dtype).
_SCALAR_OK = {
    "b": (builtins.bool,),
    "i": (builtins.bool, int, float, complex),
    "u": (builtins.bool, int, float, complex),
    "f": (builtins.bool, int, float, complex),
    "c": (builtins.bool, int, float, complex),
}


def _record(name, inputs, out):
    autograd = _dispatch.AUTOGRAD
    if autograd is not None:
        for t in inputs:
            if t._meta is not None:
                autograd.record(name, inputs, (), {}, out)
                return


def make_unary(name: str, category: str):
    allowed = CATEGORIES[category]

    def unary(x, /):
        if x.__class__ is not _dispatch.TENSOR:
            x = _dispatch.as_tensor(x, name)
        data = x._data
        if data.dtype not in allowed:
            x = promote_integers_to_float(name, x, category, "x")
            data = x._data
        t = wrap(_dispatch.kernels_of(data)[name](data))
        if x._meta is not None:
            _record(name, (x,), t)
        return t

    unary.__name__ = unary.__qualname__ = name
    unary.__doc__ = f"Elementwise {name} (Array API standard). x: {category} dtype."
    return unary


_FLOAT_ONLY = ("floating-point", "real-valued floating-point")


def promote_integers_to_float(func, x, category, argname):
    """``x`` for a function that needs floating-point input.

    The standard says such inputs *should* be floating point and leaves the rest to
    the library; bridge does what NumPy and PyTorch users expect and computes integer
    and bool inputs in the default floating dtype (float64), so ``sqrt(arange(5))``
    works. Other mismatches (a complex tensor where a real one is needed) raise.
    """
    dtype = x._data.dtype
    if category in _FLOAT_ONLY and dtype.kind in "biu":
        return _dispatch.run("astype", (x,), DEFAULT_FLOAT, True)
    if category == "bool" and dtype.kind in "iufc":
        # the logical functions take numbers as NumPy does: their truth (x != 0; NaN is
        # true), which the standard leaves to the library ("should be boolean")
        return ops.not_equal(x, 0)
    raise TypeError(f"{func}: {argname} has dtype {dtype}, but {func} needs a {category} dtype")


# bool with bool, as NumPy and PyTorch compute it: add is logical or, multiply logical
# and, maximum/minimum the same, the comparisons order False before True; other arithmetic
# on two bools raises, as in NumPy
_BOOL_WITH_BOOL = frozenset({"add", "multiply", "maximum", "minimum", "less", "less_equal",
                             "greater", "greater_equal"})
_SCALAR_DTYPE = {int: DEFAULT_INT, float: DEFAULT_FLOAT, complex: DEFAULT_COMPLEX}


def _admit(name, x, other, category, allowed, argname):
    """Operand tensor ``x`` of a binary function whose category does not list its dtype.

    The standard says arithmetic operands *should* be numeric and leaves bool to the
    library; bridge does what NumPy and PyTorch users write (``x * (x > 0)``,
    ``mask_a + mask_b``): a bool tensor next to a numeric operand takes that operand's
    dtype (a Python int or float scalar: the default integer or floating dtype, as in
    NumPy 2), and two bools combine as ``_BOOL_WITH_BOOL`` says. Everything else goes
    through ``promote_integers_to_float`` (which raises for what no rule covers)."""
    if x._data.dtype.kind != "b" or category in _FLOAT_ONLY:
        return promote_integers_to_float(name, x, category, argname)
    tensor = _dispatch.TENSOR
    # the other operand is a Tensor or a Python scalar here (None: a Python bool)
    target = other._data.dtype if other.__class__ is tensor else _SCALAR_DTYPE.get(
        other.__class__)
    if target is None or target.kind == "b":
        if name in _BOOL_WITH_BOOL:
            return x
        raise TypeError(f"{name}: {name} of two bool operands is not defined; cast them to a "
                        "numeric dtype first (x.astype(...))")
    if target not in allowed:
        return promote_integers_to_float(name, x, category, argname)
    return _dispatch.run("astype", (x,), target, True)


def _bool_with_number(x, scalar_type):
    """A bool tensor next to a Python int, float or complex in a function that takes bool
    tensors (``mask == 0``, ``mask & 1``): NumPy 2 computes it in the scalar's default
    dtype, so the tensor is cast to it (as ``_admit`` does for the arithmetic)."""
    return _dispatch.run("astype", (x,), _SCALAR_DTYPE[scalar_type], True)


def _scalar_operand(name, arr, scalar, argname):
    """Check a Python scalar against the array it is combined with."""
    if scalar.__class__ not in _SCALAR_OK[arr.dtype.kind]:
        raise TypeError(
            f"{name}: {argname}={scalar!r} ({type(scalar).__name__}) cannot be combined with "
            f"a tensor of dtype {arr.dtype}"
        )


def _operands(name, x1, x2, allowed, category):
    """Raw operands for a binary function; Python scalars stay Python scalars so
    that promotion treats them as weak (as the standard and NumPy 2 do)."""
    tensor = _dispatch.TENSOR
    c1 = x1.__class__
    c2 = x2.__class__
    if category == "bool":  # a number's truth, as NumPy takes it (see promote_integers_to_float)
        if c1 in PY_SCALARS and c1 is not builtins.bool:
            x1, c1 = builtins.bool(x1), builtins.bool
        if c2 in PY_SCALARS and c2 is not builtins.bool:
            x2, c2 = builtins.bool(x2), builtins.bool
    if c1 is not tensor and c1 not in PY_SCALARS:
        x1 = _dispatch.as_tensor(x1, name, "x1")
        c1 = tensor
    if c2 is not tensor and c2 not in PY_SCALARS:
        x2 = _dispatch.as_tensor(x2, name, "x2")
        c2 = tensor
    if c1 is tensor:
        if x1._data.dtype not in allowed:
            x1 = _admit(name, x1, x2, category, allowed, "x1")
        a = x1._data
        if c2 is tensor:
            if x2._data.dtype not in allowed:
                x2 = _admit(name, x2, x1, category, allowed, "x2")
            b = x2._data
            if a.__class__ is not ndarray or b.__class__ is not ndarray:
                _dispatch.same_device(name, (x1, x2))
            return a, b, (x1, x2)
        if a.dtype.kind == "b" and _SCALAR_DTYPE.get(c2) in allowed:
            x1 = _bool_with_number(x1, c2)  # mask == 0
            a = x1._data
        _scalar_operand(name, a, x2, "x2")
        return a, x2, (x1,)
    if c2 is tensor:
        if x2._data.dtype not in allowed:
            x2 = _admit(name, x2, x1, category, allowed, "x2")
        b = x2._data
        if b.dtype.kind == "b" and _SCALAR_DTYPE.get(c1) in allowed:
            x2 = _bool_with_number(x2, c1)
            b = x2._data
        _scalar_operand(name, b, x1, "x1")
        return x1, b, (x2,)
    # two Python scalars: NumPy makes them arrays of its default dtypes (np.add(1, 2.5) is
    # float64, np.floor_divide(-7, 2) int64); the standard leaves this call open
    try:
        common = np.result_type(x1, x2)
    except (TypeError, OverflowError) as exc:
        raise TypeError(f"{name}: cannot combine {x1!r} and {x2!r} ({exc})") from None
    return _operands(name, _dispatch.as_tensor(np.asarray(x1, dtype=common), name, "x1"), x2,
                     allowed, category)


_OPERAND_TYPES = (np.ndarray, np.generic, list, tuple)


def make_binary(name: str, category: str, mode: str = "function"):
    """The function ``name`` (mode "function"), or its Tensor operator: "operator"
    (``x1.__add__(x2)``) or "reflected" (``x2.__radd__(x1)``, operands swapped). The
    operators return NotImplemented for operand types they do not know, so that
    Python can ask the other operand."""
    allowed = CATEGORIES[category]
    is_operator = mode != "function"
    reflected = mode == "reflected"

    def binary(x1, x2, /):
        if reflected:
            x1, x2 = x2, x1
        tensor_cls = _dispatch.TENSOR
        if is_operator:
            other = x1 if reflected else x2
            if other.__class__ is not tensor_cls and other.__class__ not in PY_SCALARS \
                    and not isinstance(other, (tensor_cls, *_OPERAND_TYPES)):
                return INTEROP.refused(name, x2 if reflected else x1, other, reflected)
        a, b, tensors = _operands(name, x1, x2, allowed, category)
        data = b if isinstance(a, PY_SCALARS) else a
        try:
            t = wrap(_dispatch.kernels_of(data)[name](a, b))
        except (ValueError, TypeError, OverflowError) as exc:
            raise _dispatch.name_the_function(name, exc) from None
        for x in tensors:
            if x._meta is not None:
                _record_binary(name, x1, x2, a, b, t)
                break
        return t

    binary.__name__ = binary.__qualname__ = name
    binary.__doc__ = (
        f"Elementwise {name} of x1 and x2 with broadcasting (Array API standard). "
        f"x1, x2: {category} dtypes; either may be a Python scalar."
    )
    return binary


def _record_binary(name, x1, x2, a, b, out):
    """Autograd for binary functions: Python scalars become constants in ``params``."""
    autograd = _dispatch.AUTOGRAD
    if autograd is None:
        return
    tensor = _dispatch.TENSOR
    if x1.__class__ is tensor and x2.__class__ is tensor:
        autograd.record(name, (x1, x2), (), {}, out)
    elif x1.__class__ is tensor:
        autograd.record(name, (x1,), (), {"x2": x2}, out)
    else:
        autograd.record(name, (x2,), (), {"x1": x1}, out)


def with_c_hot_path(name: str, category: str, nin: int, function, reflected: bool = False,
                    qualname: str | None = None, matrix: bool = False):
    """``function`` (a Python elementwise function or Tensor operator of ``nin``
    operands) in the C front's elementwise object, which calls ``function`` for
    everything but CPU tensors of ``category`` without autograd. It pickles by name:
    ``bridge.<qualname>`` (default: ``bridge.<name>``; ``"Tensor.__add__"`` for an
    operator). ``matrix``: matmul's C path (two 2-D tensors whose inner dimensions
    match) instead of the elementwise one."""
    return _fastpath.elementwise(name, category, nin, function, reflected, qualname, matrix)


_FUNCS: dict = {}
OPS: list[Op] = []
for _name, _cat, _grad, _methods in UNARY:
    _FUNCS[_name] = with_c_hot_path(_name, _cat, 1, interposed(_name, make_unary(_name, _cat)))
    OPS.append(Op(_name, "elementwise", _FUNCS[_name], _cat, _grad is not None, methods=_methods,
                  grad=_grad))
for _name, _cat, _grad, _methods in BINARY:
    _FUNCS[_name] = with_c_hot_path(_name, _cat, 2, interposed(_name, make_binary(_name, _cat)))
    OPS.append(Op(_name, "elementwise", _FUNCS[_name], _cat, _grad is not None, methods=_methods,
                  grad=_grad))


# ------------------------------------------------------------------ clip


def clip(x, /, min=None, max=None):  # noqa: A002 - the standard's parameter names
    """Clamp each element of x to [min, max]; min/max are Tensors, Python scalars or None.

    The result has x's dtype and the shape x, min and max broadcast to. Where min > max the result is max, and NaN in
    x, min or max propagates, as the standard says.
    """
    x = _dispatch.as_tensor(x, "clip")
    _dispatch.check_dtype("clip", x, CATEGORIES["real-valued"], "real-valued")
    tensors = [x]
    # The kernel gets x and the Tensor bounds as raw arrays; each of min/max is passed
    # as None, a Python scalar, or CLIP_TENSOR_BOUND meaning "the next raw array".
    params = {}
    for argname, bound in (("min", min), ("max", max)):
        if bound is None:
            params[argname] = None
        elif bound.__class__ in PY_SCALARS:
            if isinstance(bound, complex):
                raise TypeError(f"clip: {argname}={bound!r} is complex; x is real-valued")
            if x.dtype.kind in "iu" and isinstance(bound, float):
                raise TypeError(f"clip: {argname}={bound!r} is a float but x has dtype {x.dtype}")
            params[argname] = bound
        else:
            bt = _dispatch.as_tensor(bound, "clip", argname)
            _dispatch.check_dtype("clip", bt, CATEGORIES["real-valued"], "real-valued", argname)
            if (bt.dtype.kind in "iu") != (x.dtype.kind in "iu"):
                raise TypeError(f"clip: {argname} has dtype {bt.dtype} but x has dtype {x.dtype}")
            tensors.append(bt)
            params[argname] = CLIP_TENSOR_BOUND
    if len(tensors) > 1:
        try:
            shape = np.broadcast_shapes(*(t.shape for t in tensors))
        except ValueError:
            raise ValueError(
                "clip: x, min and max must broadcast together, got shapes "
                + ", ".join(str(t.shape) for t in tensors)
            ) from None
        if shape != x.shape:  # the bounds broadcast x (the standard: a broadcast result)
            from .manipulation import broadcast_to

            tensors[0] = broadcast_to(x, shape)
    return _dispatch.run("clip", tuple(tensors), **params)


CLIP_TENSOR_BOUND = "tensor"


OPS.append(Op("clip", "elementwise", clip, "real-valued", True))

globals().update(_FUNCS)
__all__ = [op.name for op in OPS]

"""The C front of the one dispatch path (``bridge._fastpath._front``).

Every public function is a registry row (``bridge/_registry.py``). This package turns
a row into the object the namespace exports:

* an elementwise row (and matmul) becomes an elementwise Front, whose C path takes
  CPU tensors of the row's dtype category (or a tensor and a Python int or float);
* a row with a :class:`~bridge._registry.Fast` spec becomes a generic Front, which
  parses the arguments with the spec's kinds and calls the kernel itself;
* every other row keeps its Python function, whose kernel call goes through
  ``_dispatch.run`` (whose common case is C too).

A Front declines, by calling the row's Python function, whatever its kinds do not
take; the Python function is the one implementation of the op's semantics and stays
reachable as ``front.__wrapped__``.
"""

from __future__ import annotations

import inspect

from . import _front
from ._front import Meta, NodeBase, TensorBase  # noqa: F401 (autograd's records)

_KINDS = {
    "tensor": _front.K_TENSOR,
    "tensors": _front.K_TENSORS,
    "axis": _front.K_AXIS,
    "axes": _front.K_AXES,
    "bool": _front.K_BOOL,
    "default": _front.K_DEFAULT,
    "shape": _front.K_SHAPE,
    "permutation": _front.K_PERMUTATION,
    "nonneg": _front.K_NONNEG,
    "dtype": _front.K_DTYPE,
    "dtype_of": _front.K_DTYPE_OF,
    "scalar": _front.K_SCALAR,
    "real": _front.K_REAL,
    "shape_of": _front.K_SHAPE_OF,
    "data": _front.K_DATA,
}
_FLAGS = {
    "insert": _front.F_INSERT,
    "optional": _front.F_OPTIONAL,
    "nonempty": _front.F_NONEMPTY,
    "squeeze": _front.F_SQUEEZE,
    "same_shape": _front.F_SAME_SHAPE,
    "concat": _front.F_CONCAT,
    "reshape": _front.F_RESHAPE,
    "int": _front.F_INT,
    "meta": _front.F_META,
    "holds": _front.F_HOLDS,
    "cpu": _front.F_CPU,
    "range": _front.F_RANGE,
    "reals": _front.F_REALS,
    "nonzero": _front.F_NONZERO,
}
# the kinds of a value the kernel gets that no caller gives (the front derives it)
_DERIVED = frozenset({"dtype_of", "shape_of"})
_MODES = {
    inspect.Parameter.POSITIONAL_ONLY: _front.M_POSITIONAL,
    inspect.Parameter.POSITIONAL_OR_KEYWORD: _front.M_EITHER,
    inspect.Parameter.KEYWORD_ONLY: _front.M_KEYWORD,
}


def _dtype_tuple(dtypes):
    from .._dtypes import CATEGORIES

    if dtypes is None:
        return None
    if isinstance(dtypes, str):
        dtypes = CATEGORIES[dtypes]
    return tuple(sorted(dtypes, key=lambda d: d.num))


def generic(op):
    """The generic Front of registry row ``op`` (which has a ``fast`` spec)."""
    fast = op.fast
    kernel = op.kernel_names[0]
    signature = inspect.signature(op.func)
    names = list(signature.parameters)
    derived = [n for n in fast.params if n not in signature.parameters]
    if set(names) - set(fast.params) or any(fast.params[n].kind not in _DERIVED
                                            for n in derived):
        raise ValueError(f"bridge registry: {op.name}'s fast spec names {sorted(fast.params)}, "
                         f"its function takes {names} (only {' and '.join(sorted(_DERIVED))} "
                         f"values may be derived)")
    names += derived
    params = []
    for name in names:
        kind = fast.params[name]
        parameter = signature.parameters.get(name)
        if parameter is None:  # derived: the kernel gets it, the caller never gives it
            mode, default = _front.M_DERIVED, None
        elif parameter.kind in _MODES:
            mode, default = _MODES[parameter.kind], parameter.default
        else:
            raise ValueError(f"bridge registry: {op.name}({name}) is variadic")
        ref = kind.ref if kind.kind != "tensor" else kind.like
        params.append((
            name,
            _KINDS[kind.kind],
            _front.REQUIRED if default is inspect.Parameter.empty else default,
            mode,
            _dtype_tuple(kind.dtypes),
            -1 if ref is None else names.index(ref),
            sum(_FLAGS[f] for f in kind.flags),
        ))
    front = _front.generic(kernel, op.func, tuple(params),
                           tuple(names.index(n) for n in fast.pos),
                           tuple(names.index(n) for n in fast.kw))
    name_it(front, op.name)
    return front


def elementwise(name, category, nin, function, reflected=False, qualname=None, matrix=False):
    """The elementwise Front of ``function`` (an elementwise function or Tensor operator
    of ``nin`` operands; ``matrix``: matmul's two 2-D tensors instead)."""
    front = _front.elementwise(name, nin, function, reflected, _dtype_tuple(category), matrix)
    name_it(front, qualname or name)
    return front


def inplace(name, dunder, method, ufunc, kinds, plain, write):
    """The in-place operator ``Tensor.<dunder>`` (Python ``method``) with its C cases:
    NumPy's ``ufunc`` into the left operand's memory for left operands of ``kinds``; and,
    for a left operand with an autograd history, ``plain(x, y)`` (the op, recorded) then
    ``write(x, result, dunder)`` (its common case in C: src/record.c, inplace_rebase)."""
    front = _front.inplace(name, method, ufunc, kinds, plain, write, dunder)
    name_it(front, f"Tensor.{dunder}")
    return front


def name_it(front, qualname):
    """Pickled by name: ``bridge.<qualname>`` (``bridge.linalg.vector_norm``,
    ``bridge.Tensor.__add__``)."""
    if qualname.startswith(("linalg.", "fft.")):
        extension, _, rest = qualname.partition(".")
        front.__module__, front.__qualname__ = f"bridge.{extension}", rest
    else:
        front.__module__, front.__qualname__ = "bridge", qualname


def getitem_method(getitem):
    """Tensor.__getitem__: basic keys in C, every other key ``getitem``."""
    return _front.getitem_method(getitem)


def setitem_method(setitem):
    """Tensor.__setitem__: basic keys with a scalar or same-dtype value in C, every
    other case ``setitem``."""
    return _front.setitem_method(setitem)


bind = _front.bind
run = _front.run
wrap = _front.wrap
set_record = _front.set_record
record = _front.record  # autograd's recorder (src/record.c)
bind_autograd = _front.bind_autograd
make_node = _front.make_node
saves_inputs = _front.saves_inputs
interpose = _front.interpose
set_interpose_hooks = _front.set_interpose_hooks
set_defer_hooks = _front.set_defer_hooks
transforms_active = _front.transforms_active
tracing = _front.tracing
set_gpu_arrays = _front.set_gpu_arrays

__all__ = ["TensorBase", "bind", "elementwise", "generic", "getitem_method", "inplace", "interpose",
           "name_it", "run", "set_defer_hooks", "set_interpose_hooks", "tracing", "transforms_active",
           "set_gpu_arrays", "set_record", "setitem_method", "wrap"]

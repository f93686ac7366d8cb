"""The op registry: every operation of bridge declared once, as data.

An :class:`Op` names the operation as the standard does, says which section of the
standard it belongs to, which input dtypes it accepts, and carries the public
function that the namespace exports. Kernels live in the backends' tables under the
same name, and derivative rules in ``bridge/autograd`` under the same name, so a
test can check every table against this one.

The section modules (``bridge/_ops/*.py``) each define a list ``OPS``; this module
collects them in one fixed order, explicitly, instead of relying on import-time
side effects scattered over the package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Kind:
    """What the C front accepts for one parameter, and the value the kernel gets.

    kind     "tensor" (a Tensor of ``dtypes``), "tensors" (a list or tuple of Tensors
             of one dtype), "axis" (an int axis of tensor ``ref``, normalised), "axes"
             (None, an int or a tuple of distinct ints: None or a sorted tuple),
             "bool", "default" (only the default value), "shape" (a tuple of ints >= 0;
             flag "int": or an int), "permutation" (each axis of ``ref`` once), "nonneg" (an int or
             float >= 0), "dtype" (one of the 13 dtypes; None for a default of None:
             float64), "dtype_of" (only None: the kernel gets ``ref``'s dtype, or for a "scalar"
             ``ref`` the standard's default dtype of its Python type), "scalar" (a
             Python bool, int, float or complex)
    dtypes   the dtype category of a tensor parameter (_dtypes.CATEGORIES), or a
             frozenset of dtypes
    ref      the tensor parameter an axis, shape or dtype is relative to
    like     "tensor": the parameter whose dtype this tensor must have
    flags    "insert" (an axis of the result: one more than ``ref`` has), "optional"
             (None passes), "nonempty" (the reduced axes must be non-empty), "squeeze"
             (axes of size 1, not None), "same_shape" / "concat" (for "tensors"; with
             "concat" the axis checks that the other dimensions agree), "reshape" (a
             shape for ``ref``'s size, with one -1 resolved)

    Anything a kind does not accept goes to the row's Python function, which decides
    (and raises bridge's errors): the front declines, it never rejects.
    """

    kind: str
    dtypes: str | frozenset | None = None
    ref: str | None = None
    like: str | None = None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fast:
    """The C front's spec of a row: the kind of each parameter of the row's function
    (the names, defaults and positional/keyword rules come from its signature; a name
    the function does not take is a "dtype_of" value the kernel gets, derived by the
    front, never given by the caller), and how the kernel is called: ``kernel(*raw arrays of the tensor parameters,
    *[values of pos], **{name: value for name in kw})``, which must be the call the
    Python function makes through ``_dispatch.run``.
    """

    params: dict[str, Kind]
    pos: tuple[str, ...] = ()
    kw: tuple[str, ...] = ()


# shorthands for the rows
BOOL = Kind("bool")
DEFAULT = Kind("default")


def tensor(dtypes=None, like=None) -> Kind:
    return Kind("tensor", dtypes=dtypes, like=like)


def axes(ref="x", *flags) -> Kind:
    return Kind("axes", ref=ref, flags=flags)


def axis(ref="x", *flags) -> Kind:
    return Kind("axis", ref=ref, flags=flags)


@dataclass(frozen=True)
class Op:
    """One operation of the namespace.

    name      the standard's name (``"add"``, ``"linalg.solve"``, ``"fft.fft"``)
    section   the standard's section (``"elementwise"``, ``"creation"``, ...)
    func      the public function (takes Tensors, validates, calls a kernel)
    dtypes    the dtype category its array inputs must have (see _dtypes.CATEGORIES),
              or None where the function is not restricted
    differentiable  whether gradients flow through it (False for comparisons,
              indices, integer/bool results and creation functions)
    kernels   names of the backend kernels this op calls (default: its own name)
    methods   Tensor methods bound to it (``("__add__",)``)
    fast      how the C front (bridge/_fastpath) parses the arguments and calls the
              kernel, for rows whose function is a validation followed by one kernel
              call: see :class:`Fast`. None: every call takes the Python function.
    """

    name: str
    section: str
    func: Callable
    dtypes: str | None = None
    differentiable: bool = True
    kernels: tuple[str, ...] | None = None
    methods: tuple[str, ...] = field(default=())
    fast: Fast | None = None

    @property
    def kernel_names(self) -> tuple[str, ...]:
        return self.kernels if self.kernels is not None else (self.name,)


REGISTRY: dict[str, Op] = {}


class Namespace:
    """The library's functions and dtypes by name, for the layers below the front ends
    (autograd's rules are written with them, the Tensor class calls ``asarray``):
    ``ops.exp``, ``ops.linalg.solve``, ``ops.fft.fftn``, ``ops.float64``, ``ops.Tensor``.
    Filled once by :func:`build_registry`, so no layer imports the namespace module
    ``bridge`` itself."""

    def __repr__(self):
        return f"<bridge ops namespace ({len(vars(self))} names)>"


ops = Namespace()
ops.linalg = Namespace()
ops.fft = Namespace()


def build_registry(rows=None) -> dict[str, Op]:
    """The registry, built once from ``rows`` (the section modules' ``OPS`` lists, in
    order, given by the front end that assembles the library: bridge/__init__.py); later
    calls return it. Rows with a ``fast`` spec get their C front as ``func`` (the
    Python function stays as ``func.__wrapped__``)."""
    if REGISTRY:
        return REGISTRY
    if rows is None:
        raise RuntimeError("bridge registry: not built yet (import bridge first)")
    from . import _dtypes, _fastpath
    from ._dispatch import TENSOR

    for op in rows:
        if op.name in REGISTRY:
            raise RuntimeError(f"bridge registry: {op.name!r} is declared twice")
        if op.fast is not None:
            op = replace(op, func=_fastpath.generic(op))
        REGISTRY[op.name] = op
        extension, _, short = op.name.rpartition(".")
        if op.section != "array":
            setattr(getattr(ops, extension) if extension else ops, short, op.func)
    for dtype in _dtypes.ALL_DTYPES:
        setattr(ops, dtype.name, dtype)
    ops.Tensor = TENSOR
    return REGISTRY

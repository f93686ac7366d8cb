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
from types import FunctionType


@dataclass(frozen=True)
class Kind:
    """What the C front accepts for one parameter, and the value the kernel gets.

    kind     "tensor" (a Tensor of ``dtypes``), "tensors" (a list or tuple of Tensors
             of one dtype), "axis" (an int axis of tensor ``ref``, normalised), "axes"
             (None, an int or a tuple of distinct ints: None or a sorted tuple),
             "bool", "default" (only the default value), "shape" (a tuple of ints >= 0;
             flag "int": or an int), "permutation" (each axis of ``ref`` once), "nonneg" (an int or
             float >= 0; flag "int": an int below 2**62, a count of elements), "dtype" (one of the 13 dtypes; None: ``ref``'s
             dtype as "dtype_of" says, or without ``ref``, for a default of None, float64),
             "dtype_of" (only None: the kernel gets ``ref``'s dtype, for a "scalar"
             ``ref`` the standard's default dtype of its Python type, for a "data" ``ref``
             its array's dtype or the standard's default for its Python scalars), "scalar" (a
             Python bool, int, float or complex), "real" (a Python int or float, not
             bool, not NaN), "shape_of" (derived: tensor ``ref``'s shape), "data" (a
             numpy.ndarray of one of the 13 dtypes, or a list or tuple nesting lists and
             tuples of Python scalars; the exact types only)
    dtypes   the dtype category of a tensor parameter (_dtypes.CATEGORIES), or a
             frozenset of dtypes
    ref      the tensor parameter an axis, shape or dtype is relative to
    like     "tensor": the parameter whose dtype this tensor must have
    flags    "insert" (an axis of the result: one more than ``ref`` has), "optional"
             (None passes), "nonempty" (the reduced axes must be non-empty), "squeeze"
             (axes of size 1, not None), "same_shape" / "concat" (for "tensors"; with
             "concat" the axis checks that the other dimensions agree), "reshape" (a
             shape for ``ref``'s size, with one -1 resolved), "meta" (a "tensor" of
             which only the shape, dtype and device are read: not a kernel argument, not
             recorded by autograd), "holds" (a "dtype" that must hold the row's "scalar"
             values: a complex needs a complex dtype, a float a floating or complex one),
             "cpu" (on any parameter: the front serves calls that run on the CPU; a
             GPU's call takes the Python function), "range" (a "real" whose default is
             None, with ``ref`` a "real" before it: Python's ``range(stop)`` form, None
             passes and the kernel then gets ``ref``'s value here and 0 for ``ref``),
             "reals" (a "dtype" whose None is the standard's default dtype of the row's
             "real" values together: float64 when one is a float, else int64; an int past
             int64's range takes the Python function), "nonzero" (a "real" that is not 0)

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
    the function does not take is a "dtype_of" or "shape_of" value the kernel gets,
    derived by the front, never given by the caller), and how the kernel is called: ``kernel(*raw arrays of the tensor parameters,
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
    batch     the op's batching rule under ``bridge.func.vmap`` (bridge/func/_batching.py
              implements each kind): "elementwise" (broadcast the batch dimension),
              "reduce" (shift the reduced axes; None: every per-example axis), "axis"
              (shift one axis), "unary" (the op maps over leading dimensions: call it on
              the batched value), "matmul", "reshape", "broadcast_to", "permute",
              "expand_dims", "concat", "stack", "getitem", "setitem", "loop" (call the
              op per batch element and stack: correct for every op, slow), "error"
              (the result's shape depends on the values: vmap refuses, naming the op).
              None: "elementwise" for the elementwise section, else "loop".
    grad      an elementwise row's derivative formula and gradient-test domain
              (``bridge._spec.Grad``): autograd makes the row's VJP and JVP from it
    """

    name: str
    section: str
    func: Callable
    dtypes: str | None = None
    differentiable: bool = True
    kernels: tuple[str, ...] | None = None
    methods: tuple[str, ...] = field(default=())
    fast: Fast | None = None
    batch: str | None = None
    grad: object = None

    @property
    def kernel_names(self) -> tuple[str, ...]:
        return self.kernels if self.kernels is not None else (self.name,)


REGISTRY: dict[str, Op] = {}


class _Transforms:
    """The hook through which the interpreters above the dispatcher (``bridge.func``'s
    vmap, ``bridge.compile``'s tracer) see calls of the namespace's functions.

    ``active`` counts the interpreter scopes running in any thread (kept in the C front,
    which tests it on every call of a function without a front of its own, and the
    fronts hand every call they decline to such a function); while it is non-zero,
    every function of the registry asks each installed handler in turn,
    ``handler(op, python_function, args, kwargs)``, which returns ``NOT_MINE`` for a
    call none of whose arguments is its kind of value (vmap's ``Batched``, the tracer's
    ``Traced``). Handlers install themselves when their package is imported; no layer
    below imports them.
    """

    __slots__ = ("handlers", "random_hooks", "plain_inplace")

    def __init__(self):
        self.handlers = ()  # (name, handler), in the order they are asked
        # bridge.random's hooks, (fn, name, args, kwargs) -> a draw or NOT_MINE
        self.random_hooks = ()
        # (other, opname) -> None or raises: a plain Tensor's in-place operator met an
        # interpreter's value (vmap and the tracer each refuse their own)
        self.plain_inplace = ()

    def install(self, name, handler, plain_inplace=None, random=None) -> None:
        """Add (or replace) interpreter ``name``'s hooks."""
        def put(table, hook):
            return tuple(h for h in table if h[0] != name) + (((name, hook),) if hook else ())

        self.handlers = put(self.handlers, handler)
        self.plain_inplace = put(self.plain_inplace, plain_inplace)
        self.random_hooks = put(self.random_hooks, random)

    def handle(self, op, fn, args, kwargs):
        for _, handler in self.handlers:
            out = handler(op, fn, args, kwargs)
            if out is not NOT_MINE:
                return out
        return NOT_MINE

    def random(self, fn, name, args, kwargs):
        for _, hook in self.random_hooks:
            out = hook(fn, name, args, kwargs)
            if out is not NOT_MINE:
                return out
        return NOT_MINE

    def refuse_plain_inplace(self, other, opname) -> None:
        for _, check in self.plain_inplace:
            check(other, opname)

    @property
    def active(self) -> int:
        return _counter()()

    def enter(self) -> None:
        _counter()(1)

    def exit(self) -> None:
        _counter()(-1)


def _counter():
    """The C front's count of interpreter scopes (``_fastpath.transforms_active``),
    looked up once: the Tensor operators ask it on every call."""
    global _COUNTER
    if _COUNTER is None:
        from . import _fastpath

        _COUNTER = _fastpath.transforms_active
    return _COUNTER


_COUNTER = None


TRANSFORMS = _Transforms()
NOT_MINE = object()


class _Interop:
    """The hook through which the interop layer decides what the core cannot: which
    foreign array types bridge defers to (bridge/_interop_defer.py sets ``operand`` and
    the C front's deferral hooks when bridge is imported). ``refused`` is what a Tensor
    operator returns for an operand of a type it does not take."""

    __slots__ = ("operand",)

    def __init__(self):
        self.operand = None  # operand(name, tensor, other, reflected)

    def refused(self, name, tensor, other, reflected):
        if self.operand is None:
            return NotImplemented
        return self.operand(name, tensor, other, reflected)


INTEROP = _Interop()

# the errors a function of the namespace raises for bad input: their messages must
# name the function the user called (a composite's inner call names the inner one)
_NAMED = (TypeError, ValueError, IndexError, BufferError, OverflowError, MemoryError,
          ZeroDivisionError)


def rename_error(exc, short, name):
    """``exc`` with a message that names ``short`` (the public name of registry
    function ``name``), or None when it already names it or cannot be rebuilt."""
    message = str(exc)
    if short in message or name in message:
        return None
    try:
        new = type(exc)(f"{short}: {message}")
    except Exception:  # noqa: BLE001 - a constructor taking other arguments
        return None
    return new if type(new) is type(exc) else None


def transform_call(name, fn, /, *args, **kwargs):
    """A call of registry function ``name`` while a vmap runs (the C front's slow
    case): the interpreters' handlers first, then the function. A reflected operator
    (``x2.__rsub__(x1)``) reaches the handlers as the function's call, subtract(x1, x2)."""
    op = REGISTRY[name]
    if getattr(fn, "reflected", False):
        out = TRANSFORMS.handle(op, op.func, (args[1], args[0]), kwargs)
    else:
        out = TRANSFORMS.handle(op, fn, args, kwargs)
    if out is not NOT_MINE:
        return out
    try:
        return fn(*args, **kwargs)
    except _NAMED as exc:
        public = public_name(op)
        renamed = rename_error(exc, public[1].rpartition(".")[2] if public else name, name)
        if renamed is None:
            raise
        raise renamed.with_traceback(exc.__traceback__) from None


def numpy_positional(fn: Callable, extra: tuple[str, ...], short: str) -> Callable:
    """``fn`` that also takes the parameters ``extra`` positionally, after its own
    positional ones, in NumPy's order (``_spec.NUMPY_POSITIONAL``); ``out`` among them
    is NumPy's output argument (keyword or positional): the result goes into that
    tensor, which is returned."""
    import inspect

    signature = inspect.signature(fn)
    own = sum(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
              for p in signature.parameters.values())
    takes_out = "out" in extra
    # NumPy's version of the function, for NumPy's longer lists (``mean(x, 0, float32)``)
    numpy_fn = getattr(fn, "numpy_fallback", None)

    def call(*args, **kwargs):
        if len(args) > own:
            if len(args) > own + len(extra):
                if numpy_fn is not None:
                    try:
                        return numpy_fn(*args, **kwargs)
                    except (TypeError, ValueError):
                        pass  # NumPy's list refuses it too: the standard's error
                raise TypeError(f"{short}() takes at most {own + len(extra)} positional "
                                f"arguments ({len(args)} given)")
            for name, value in zip(extra, args[own:]):
                if name in kwargs:
                    raise TypeError(f"{short}() got multiple values for argument {name!r}")
                kwargs[name] = value
            args = args[:own]
        if takes_out and "out" in kwargs:
            out = kwargs.pop("out")
            if out is not None:
                return write_out(short, out, fn(*args, **kwargs))
        return fn(*args, **kwargs)

    call.__wrapped__ = fn
    call.__name__, call.__qualname__, call.__doc__ = fn.__name__, fn.__qualname__, fn.__doc__
    return call


def write_out(short: str, out, result):
    """NumPy's ``out=``: ``result`` written into Tensor ``out`` (same shape; a dtype
    ``result``'s casts to by NumPy's "same_kind" rule), as an in-place write autograd
    sees; ``out`` is returned."""
    import numpy as np

    if not isinstance(out, ops.Tensor):
        raise TypeError(f"{short}: out must be a Tensor, got {type(out).__name__}")
    if isinstance(result, tuple):
        raise TypeError(f"{short}: out= is not defined for a function of several results")
    if out.shape != result.shape:
        raise ValueError(f"{short}: out has shape {out.shape}, the result has shape {result.shape}")
    if not np.can_cast(result.dtype, out.dtype, casting="same_kind"):
        raise TypeError(f"{short}: cannot write a {result.dtype} result into out of dtype "
                        f"{out.dtype} (NumPy's same_kind casting)")
    out[...] = result if result.dtype == out.dtype else ops.astype(result, out.dtype)
    return out


def public_name(op: Op) -> tuple[str, str] | None:
    """(module, qualname) under which the namespace exports the row's function."""
    extension, _, short = op.name.rpartition(".")
    if op.section == "array":
        return ("bridge", f"Tensor.{op.methods[0]}") if op.methods else None
    return (f"bridge.{extension}" if extension else "bridge"), short


def interposed(name: str, fn: Callable, public: tuple[str, str] | None = None) -> Callable:
    """``fn`` behind the transform hook (see :class:`_Transforms`), in the C front: the
    fronts call it when they decline, so a batched argument always reaches the hook, and
    its bad-input errors name the function the user called."""
    from . import _fastpath

    if public is None:
        extension, _, short_name = name.rpartition(".")
        public = ((f"bridge.{extension}" if extension else "bridge"), short_name)
    front = _fastpath.interpose(name, public[1].rpartition(".")[2], fn)
    front.__module__, front.__qualname__ = public
    return front


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
    from ._spec import NUMPY_POSITIONAL

    _fastpath.set_interpose_hooks(transform_call, rename_error)

    for op in rows:
        if op.name in REGISTRY:
            raise RuntimeError(f"bridge registry: {op.name!r} is declared twice")
        if op.batch is None:
            op = replace(op, batch="elementwise" if op.section == "elementwise" else "loop")
        if op.name in NUMPY_POSITIONAL and isinstance(op.func, FunctionType):
            short = public_name(op)[1].rpartition(".")[2]
            op = replace(op, func=numpy_positional(op.func, NUMPY_POSITIONAL[op.name], short))
        if isinstance(op.func, FunctionType):
            # (the elementwise functions and matmul are C fronts already, made with the
            # hook around their Python function: bridge/_ops/elementwise.py)
            op = replace(op, func=interposed(op.name, op.func, public_name(op)))
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

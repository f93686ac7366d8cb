"""Capture: run the user's function on ``Traced`` values and record the registry calls.

A ``Traced`` holds the real value of what it stands for (the tracer runs every op
eagerly as it records it), so shapes, dtypes and Python values read out of a tensor are
known while tracing. The record is a list of steps:

* ``Node``: one call of a registry function (or of a bridge.random draw), its arguments
  as a template in which each traced value is a ``Ref`` and everything else a constant;
* ``Read``: user code read a Python value out of a traced tensor (``bool(x)``,
  ``float(x)``, ``x.shape`` when shapes are dynamic, ``numpy.asarray(x)``): the graph
  assumed that value. Replay computes it and compares: equal, the recorded steps go
  on; different, the function is traced again for the new value (a branch of the
  cache). This is the graph break: the part before runs compiled, the value is
  computed, and the trace resumes after it.

The tracer is an interpreter like vmap: it sees calls through the registry's hook
(``_registry.TRANSFORMS``), never by patching the namespace.
"""

from __future__ import annotations

import contextlib
import itertools
import sys
import threading
from dataclasses import dataclass, field

from .. import _fastpath
from .._proxy import Proxy
from .._registry import NOT_MINE, REGISTRY, TRANSFORMS, ops


class CompileError(RuntimeError):
    """``bridge.compile(..., fullgraph=True)`` met what breaks the graph, or a function
    that cannot be traced."""


class Untraceable(Exception):
    """Raised inside tracing: the function does something replay could not repeat (the
    compiled function then runs eagerly, with a warning)."""


@dataclass(frozen=True)
class Ref:
    """A traced value: output ``index`` of step ``step`` (inputs are step -1)."""

    step: int
    index: int


@dataclass
class Node:
    name: str  # the registry op's name, or "random:<name>"
    fn: object  # what replay calls
    args: tuple  # templates: Ref for traced values, constants otherwise
    kwargs: dict
    outputs: object  # template of the result: Ref, tuple/namedtuple of Refs, or None
    dtypes: tuple = ()  # dtype of each output (for code generation)
    shapes: tuple = ()  # shape of each output at trace time
    inplace: bool = False  # writes into its first argument (setitem)


@dataclass
class Read:
    ref: Ref
    what: str
    convert: object  # Tensor -> Python value
    value: object
    where: str  # file:line of the user code that read it


@dataclass
class Trace:
    """One run of the function, recorded."""

    n_inputs: int
    steps: list = field(default_factory=list)
    outputs: object = None  # template of the function's result
    mutates: bool = False  # an in-place write happened (setitem on a traced value)
    n_refs: int = 0

    def new_ref(self):
        self.n_refs += 1
        return self.n_refs


_LOCAL = threading.local()
_LOCK = threading.Lock()


def current():
    return getattr(_LOCAL, "tracer", None)


class Tracer:
    """The recording in progress in this thread."""

    def __init__(self, n_inputs, fullgraph, dynamic):
        self.trace = Trace(n_inputs)
        self.fullgraph = fullgraph
        self.dynamic = dynamic
        self.depth = 0  # > 0 while a recorded call runs (its inner calls are its own)
        # id(concrete tensor) -> (tensor, Ref): the values the trace made, so a call on
        # the concrete tensor itself (an autograd rule's saved value, while the backward
        # is traced) is recorded with its Ref
        self.known = {}

    # -- scope
    def __enter__(self):
        if current() is not None:
            raise Untraceable("bridge.compile: a compiled function called while another is "
                              "being traced in the same thread runs eagerly")
        _LOCAL.tracer = self
        with _LOCK:
            TRANSFORMS.enter()
        _fastpath.tracing(1)
        return self

    def __exit__(self, *exc):
        _fastpath.tracing(-1)
        _LOCAL.tracer = None
        with _LOCK:
            TRANSFORMS.exit()
        return False

    # -- values
    @contextlib.contextmanager
    def paused(self):
        """Calls in this block run as eager code and are not recorded."""
        self.depth += 1
        _fastpath.tracing(-1)
        try:
            yield
        finally:
            _fastpath.tracing(1)
            self.depth -= 1

    def wrap(self, value, ref):
        self.known[id(value)] = (value, ref)
        data = value._data  # (autograd saves the raw array and rebuilds a Tensor on it)
        self.known[id(data)] = (data, ref)
        return Traced(value, ref, self)

    def read(self, traced, what, convert):
        value = convert(traced.value)
        where = user_line()
        if self.fullgraph:
            raise CompileError(
                f"bridge.compile(fullgraph=True): {what} of a traced tensor at {where} makes "
                "Python control flow depend on a tensor's value (a graph break); compute with "
                "bridge.where instead, or drop fullgraph=True"
            )
        self.trace.steps.append(Read(traced.ref, what, convert, value, where))
        return value


class Traced(Proxy):
    """A value of the function being traced (what the user code sees as a Tensor)."""

    __slots__ = ("value", "ref", "tracer")

    def __init__(self, value, ref, tracer):
        self.value = value
        self.ref = ref
        self.tracer = tracer

    @property
    def shape(self):
        if self.tracer.dynamic:
            return self.tracer.read(self, "shape", _shape)
        return self.value.shape

    @property
    def ndim(self):
        return self.value.ndim

    @property
    def grad(self):
        return self.value.grad

    def __repr__(self):
        return f"<bridge.compile traced tensor: shape {self.value.shape}, dtype {self.dtype}>"

    def _read(self, what, convert):
        return self.tracer.read(self, what, convert)

    def _write(self, result, name):
        REGISTRY["setitem"].func(self, (...,), result)

    def to_device(self, device, /, *, stream=None):
        raise Untraceable("bridge.compile: to_device of a traced tensor runs eagerly")

    def backward(self, *args, **kwargs):
        raise Untraceable("bridge.compile: .backward() inside a compiled function runs eagerly "
                          "(compile the forward; call .backward() on its result)")


def _shape(t):
    return t.shape


def user_line() -> str:
    """file:line of the innermost frame outside bridge (the user's code)."""
    frame = sys._getframe(1)
    package = __name__.split(".")[0]
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module != package and not module.startswith(package + "."):
            return f"{frame.f_code.co_filename}:{frame.f_lineno}"
        frame = frame.f_back
    return "<unknown>"


# ------------------------------------------------------------------ the hook


def _mine(tracer, args, kwargs):
    found = False
    for a in itertools.chain(args, kwargs.values()):
        if a.__class__ is Traced:
            if a.tracer is not tracer:
                raise CompileError("bridge.compile: a traced tensor escaped its trace (kept in "
                                   "a global or a closure?) and was used outside it")
            found = True
        elif a.__class__ in (list, tuple):
            for item in a:
                if item.__class__ is Traced:
                    if item.tracer is not tracer:
                        raise CompileError("bridge.compile: a traced tensor escaped its trace")
                    found = True
    return found


def _template(x, tracer):
    """(template, concrete value) of an argument: Traced -> Ref."""
    if x.__class__ is Traced:
        return x.ref, x.value
    known = tracer.known.get(id(x))
    if known is not None and known[0] is x:
        return known[1], x
    if isinstance(x, ops.Tensor):
        known = tracer.known.get(id(x._data))
        if known is not None and known[0] is x._data:
            return known[1], x
    if x.__class__ in (list, tuple):
        pairs = [_template(i, tracer) for i in x]
        return x.__class__(p[0] for p in pairs), x.__class__(p[1] for p in pairs)
    return x, x


def _record(tracer, name, fn, args, kwargs, inplace=False):
    targs = []
    cargs = []
    for a in args:
        t, c = _template(a, tracer)
        targs.append(t)
        cargs.append(c)
    tkwargs = {}
    ckwargs = {}
    for k, v in kwargs.items():
        tkwargs[k], ckwargs[k] = _template(v, tracer)
    # the call itself runs as eager code does: its inner registry calls are its own
    with tracer.paused():
        out = fn(*cargs, **ckwargs)
    trace = tracer.trace
    step = len(trace.steps)
    tensor = ops.Tensor
    node = Node(name, fn, tuple(targs), tkwargs, None, inplace=inplace)
    trace.steps.append(node)
    if inplace:
        trace.mutates = True
    if out is None:
        return None
    if isinstance(out, tensor):
        node.outputs = Ref(step, 0)
        node.dtypes, node.shapes = (out.dtype,), (out.shape,)
        return tracer.wrap(out, node.outputs)
    if isinstance(out, tuple) and out and all(isinstance(o, tensor) for o in out):
        refs = [Ref(step, i) for i in range(len(out))]
        node.outputs = out.__class__(*refs) if hasattr(out, "_fields") else tuple(refs)
        node.dtypes = tuple(o.dtype for o in out)
        node.shapes = tuple(o.shape for o in out)
        wrapped = [tracer.wrap(o, r) for o, r in zip(out, refs)]
        return out.__class__(*wrapped) if hasattr(out, "_fields") else tuple(wrapped)
    # a Python value computed from traced tensors: the graph assumes it (a Read of the
    # node's result)
    node.outputs = Ref(step, 0)
    node.dtypes, node.shapes = (None,), (None,)
    tracer.trace.steps.append(Read(node.outputs, f"the value of {name}()", _same, out, user_line()))
    if tracer.fullgraph:
        raise CompileError(f"bridge.compile(fullgraph=True): {name}() returns a Python value "
                           f"computed from traced tensors at {user_line()} (a graph break)")
    return out


_OPERANDS = (bool, int, float, complex, Traced)


def _same(x):
    return x


def handle(op, fn, args, kwargs):
    """The tracer's handler of the registry's hook."""
    tracer = current()
    if tracer is None or tracer.depth:
        return NOT_MINE
    _mine(tracer, args, kwargs)  # (raises for a traced value of another trace)
    if op.section == "elementwise" and any(
            a.__class__ not in _OPERANDS and not isinstance(a, ops.Tensor) for a in args):
        return NOT_MINE  # an operand of a foreign type: its own operator decides
    # every call of the user's code is recorded, also one without a traced argument (a
    # creation function, an op on a tensor from a closure): replay makes it anew;
    # replay calls the public function (its C front takes the fast path on Tensors)
    return _record(tracer, op.name, REGISTRY[op.name].func, args, kwargs,
                   inplace=op.batch == "setitem")


def random_draw(fn, name, args, kwargs):
    """bridge.random's hook: a draw while tracing is a step replay repeats (each call of
    the compiled function draws anew, as the eager function does)."""
    tracer = current()
    if tracer is None or tracer.depth:
        return NOT_MINE
    return _record(tracer, f"random:{name}", fn, args, kwargs)


def plain_inplace(other, opname):
    if other.__class__ is Traced:
        raise Untraceable(f"bridge.compile: Tensor.{opname} writes a traced value into a tensor "
                          "from outside the compiled function")


def install():
    TRANSFORMS.install("compile", handle, plain_inplace, random_draw)

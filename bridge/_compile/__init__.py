"""``bridge.compile``: trace a function into graphs of registry calls, fuse, generate code.

``compile(fn)`` returns a function that, on its first call for a kind of input, runs
``fn`` on traced tensors (``_trace``): every registry call is recorded with its
arguments, and every Python value read out of a tensor is a guard. Later calls with
inputs of the same kind (the guard key: ``_cache``) replay the record (``_run``):
elementwise runs fused into one generated kernel where the backend has a code
generator (``_fuse``, ``_codegen``: C for the native backend, CUDA through CuPy), the
backend's kernels for everything else, and a value read by the Python code is
computed and compared, choosing the branch traced for it or tracing a new one.

What a compiled function does not repeat: Python side effects of ``fn`` (printing,
appending to a list) happen while tracing only, as with ``jax.jit``; tensors and
Python values captured from closures or globals are read when tracing (constants of
the graph). docs/compile.md has the rules and the debug output.
"""

from __future__ import annotations

import functools
import os
import sys
import warnings

from .._registry import ops
from ..autograd._graph import MODE
from ..backends import state
from . import _aot
from ._cache import count_paths, insert, value_key
from ._run import instantiate, run
from ._trace import CompileError, Ref, Traced, Tracer, Untraceable, current, install

__all__ = ["compile", "CompileError", "CompiledFunction"]

_BACKENDS = ("auto", "replay", "eager")
_MODES = (None, "default", "debug", "reduce-overhead")
CACHE_SIZE_LIMIT = 8  # traces per compiled function before it runs eagerly

_EAGER = object()  # a guard key whose calls run eagerly (the trace could not be replayed)

install()


def compile(fn=None, /, *, backend="auto", dynamic=None, fullgraph=False, mode=None):  # noqa: A001
    """Compile ``fn`` (also a decorator: ``@bridge.compile`` or ``@bridge.compile(...)``).

    backend    "auto": fuse elementwise chains into generated kernels where the current
               backend has a code generator (native: C, cupy: CUDA) and replay the
               recorded calls elsewhere (numpy); "replay": never generate code;
               "eager": call ``fn`` as it is (for comparisons)
    dynamic    True: a trace serves every shape of the same rank (shapes the Python
               code reads are guards); False: one trace per shape; None (default): one
               per shape until a second shape of the same kind comes, then dynamic
    fullgraph  True: what would break the graph (a Python value read out of a traced
               tensor) raises CompileError naming the line, instead
    mode       None or "default"; "debug" prints each trace, its guards, the generated
               source and the reason of every graph break and recompile (the
               environment variable BRIDGE_COMPILE_DEBUG=1 does the same);
               "reduce-overhead": on the cupy backend, a graph without breaks replays
               as one CUDA graph (recorded on its second call; the forward and the
               backward of a training step each as one), on the CPU backends the
               default mode
    """
    if backend not in _BACKENDS:
        raise ValueError(f"bridge.compile: backend must be one of {_BACKENDS}, got {backend!r}")
    if dynamic not in (None, True, False):
        raise TypeError(f"bridge.compile: dynamic must be None, True or False, got {dynamic!r}")
    if mode not in _MODES:
        raise ValueError(f"bridge.compile: mode must be one of {_MODES}, got {mode!r}")
    if not isinstance(fullgraph, bool):
        raise TypeError(f"bridge.compile: fullgraph must be a bool, got {fullgraph!r}")
    if fn is None:
        return functools.partial(compile, backend=backend, dynamic=dynamic, fullgraph=fullgraph,
                                 mode=mode)
    if not callable(fn):
        raise TypeError(f"bridge.compile: fn must be callable, got {type(fn).__name__}")
    return CompiledFunction(fn, backend, dynamic, fullgraph, mode)


class CompiledFunction:
    """What ``bridge.compile`` returns; call it like ``fn``."""

    def __init__(self, fn, backend, dynamic, fullgraph, mode):
        functools.update_wrapper(self, fn)
        self._fn = fn
        self.backend = backend
        self.dynamic = dynamic
        self.fullgraph = fullgraph
        self.debug = mode == "debug" or os.environ.get("BRIDGE_COMPILE_DEBUG") == "1"
        self.graphs = mode == "reduce-overhead"  # CUDA graphs (cupy backend; _graphs)
        self._cache = {}  # guard key -> Branch tree, or _EAGER
        self._static_seen = {}  # guard key without shapes -> a shape key seen
        self._auto_dynamic = False
        self.traces = 0  # how many times fn was traced
        self.eager_calls = 0  # calls that ran eagerly (not compilable)
        self._warned = set()

    def __repr__(self):
        return f"<bridge.compile of {getattr(self._fn, '__qualname__', self._fn)!r}>"

    def __get__(self, obj, objtype=None):  # methods: compile(obj.method) or a decorated one
        return self if obj is None else functools.partial(self, obj)

    # ------------------------------------------------------------------ calls
    def __call__(self, *args, **kwargs):
        if self.backend == "eager" or current() is not None or MODE.transforms \
                or MODE.forward is not None:
            # inside another trace, a bridge.func transform or forward mode: fn's calls
            # belong to that interpreter
            return self._fn(*args, **kwargs)
        leaves, spec = _flatten((args, kwargs))
        if any(isinstance(leaf, (Traced, _proxy_type())) for leaf in leaves):
            return self._fn(*args, **kwargs)
        dynamic = self.dynamic if self.dynamic is not None else self._auto_dynamic
        key = self._key(leaves, dynamic)
        root = self._cache.get(key)
        if root is _EAGER:
            self.eager_calls += 1
            return self._fn(*args, **kwargs)
        if root is None:
            if self.dynamic is None and not dynamic:
                loose = self._key(leaves, True)
                if loose in self._static_seen and self._static_seen[loose] != key:
                    self._auto_dynamic = True  # a second shape: trace for every shape
                    self._log(f"recompile: input shapes changed ({_shapes(leaves)}): dynamic now")
                    key = loose
                    root = self._cache.get(key)
                self._static_seen.setdefault(loose, key)
            if root is None:
                return self._trace(key, None, leaves, spec, dynamic, "first call of this kind")
        return self._replay(key, root, leaves, spec, dynamic)

    def _replay(self, key, root, leaves, spec, dynamic):
        tensors = _tensor_leaves(leaves)
        env = {Ref(-1, j): leaf for j, leaf in enumerate(tensors)}
        fuse = self._fuse()
        if _needs_grad(tensors):
            if root.aot is not None:  # forward and backward graphs, both compiled
                return _aot.run(root, root.aot, env, tensors, fuse, self.debug, self.graphs)
            fuse = False  # the replayed calls record the graph autograd needs
        branch = root
        while True:
            read = run(branch, env, fuse, self.debug, self.graphs, name=self.__qualname__)
            if read is None:
                return instantiate(branch.outputs, env)
            value = read.convert(env[read.ref])
            child = branch.children.get(value_key(value))
            if child is None:
                # (no branch before a read writes in place: such traces run eagerly, see
                # _writes_then_reads, so tracing again from the start is safe)
                return self._trace(key, root, leaves, spec, dynamic,
                                   f"graph break at {read.where}: {read.what} gave {value!r}")
            branch = child

    def _trace(self, key, root, leaves, spec, dynamic, reason):
        if self.traces >= CACHE_SIZE_LIMIT:
            self._warn("limit", f"bridge.compile: {self.__qualname__} was traced "
                       f"{self.traces} times (the cache size limit); it runs eagerly from now")
            self._cache[key] = _EAGER
            return self._call_leaves(leaves, spec)
        self.traces += 1
        self._log(f"trace #{self.traces} of {self.__qualname__}: {reason}")
        tracer = Tracer(len(_tensor_leaves(leaves)), self.fullgraph, dynamic)
        with tracer:
            traced = []
            j = 0
            for leaf in leaves:
                if isinstance(leaf, ops.Tensor):
                    traced.append(tracer.wrap(leaf, Ref(-1, j)))
                    j += 1
                else:
                    traced.append(leaf)
            args, kwargs = _unflatten(spec, traced)
            try:
                out = self._fn(*args, **kwargs)
            except Untraceable as exc:
                if tracer.trace.mutates:
                    raise CompileError(f"{exc}, after in-place writes (cannot run it again "
                                       "eagerly)") from None
                self._warn(str(exc), f"{exc}; {self.__qualname__} runs eagerly for these inputs")
                self._cache[key] = _EAGER
                tracer_done = True
            else:
                tracer_done = False
                template, value = _outputs(out, tracer)
                tensors = _tensor_leaves(leaves)
                if _needs_grad(tensors):
                    tracer.trace.aot = _aot.trace_backward(tracer, template, value, tensors)
                    if tracer.trace.aot is None:
                        self._log("no ahead-of-time backward for this trace: replay records "
                                  "autograd's graph")
        if tracer_done:
            return self._call_leaves(leaves, spec)
        trace = tracer.trace
        trace.outputs = template
        if _writes_then_reads(trace):
            # a guard miss after in-place writes could not be traced again: keep the
            # function eager rather than risk it
            self._warn("writes-reads", f"bridge.compile: {self.__qualname__} writes in place "
                       "before reading a value out of a tensor; it runs eagerly")
            self._cache[key] = _EAGER
            return value
        self._cache[key] = insert(root, trace)
        if self.debug:
            self._log(describe(trace, key))
        return value

    def _call_leaves(self, leaves, spec):
        self.eager_calls += 1
        args, kwargs = _unflatten(spec, leaves)
        return self._fn(*args, **kwargs)

    # ------------------------------------------------------------------ guards
    def _key(self, leaves, dynamic):
        s = state()
        parts = [s.selected, str(s.default_device), MODE.grad]
        for leaf in leaves:
            if isinstance(leaf, ops.Tensor):
                parts.append(("T", leaf.ndim if dynamic else leaf.shape, leaf.dtype.str,
                              str(leaf.device), leaf.requires_grad))
            elif leaf is None or isinstance(leaf, (bool, int, float, complex, str, bytes)):
                parts.append(value_key(leaf))
            elif isinstance(leaf, type(ops.float64)):
                parts.append(("dtype", leaf.str))
            else:
                parts.append(("id", id(leaf)))
        return tuple(parts)

    def _fuse(self):
        return self.backend == "auto" and state().selected in ("native", "cupy")

    # ------------------------------------------------------------------ reporting
    def _log(self, text):
        if self.debug:
            print(f"[bridge.compile] {text}", file=sys.stderr)

    def _warn(self, tag, text):
        if tag not in self._warned:
            self._warned.add(tag)
            warnings.warn(text, RuntimeWarning, stacklevel=3)

    def cache_info(self):
        """How the cache stands: traces made, guard keys, branches, eager keys."""
        keys = [k for k, v in self._cache.items() if v is not _EAGER]
        return {"traces": self.traces, "keys": len(keys),
                "paths": sum(count_paths(self._cache[k]) for k in keys),
                "eager_keys": len(self._cache) - len(keys), "eager_calls": self.eager_calls,
                "dynamic": bool(self.dynamic or self._auto_dynamic)}


# ------------------------------------------------------------------ helpers


def _needs_grad(tensors):
    return MODE.grad and any(t.requires_grad for t in tensors)


def _proxy_type():
    from .._proxy import Proxy

    return Proxy


def _flatten(tree):
    from ..func._tree import flatten

    return flatten(tree)


def _unflatten(spec, leaves):
    from ..func._tree import unflatten

    return unflatten(spec, leaves)


def _tensor_leaves(leaves):
    return [leaf for leaf in leaves if isinstance(leaf, ops.Tensor)]


def _shapes(leaves):
    return [leaf.shape for leaf in _tensor_leaves(leaves)]


def _outputs(out, tracer):
    """(template with Refs, concrete value) of the function's result."""
    leaves, spec = _flatten(out)
    template, values = [], []
    for leaf in leaves:
        if leaf.__class__ is Traced:
            if leaf.tracer is not tracer:
                raise CompileError("bridge.compile: the function returned a traced tensor of "
                                   "another trace")
            template.append(leaf.ref)
            values.append(leaf.value)
        else:
            template.append(leaf)
            values.append(leaf)
    return _unflatten(spec, template), _unflatten(spec, values)


def _writes_then_reads(trace):
    from ._trace import Read

    wrote = False
    for step in trace.steps:
        if isinstance(step, Read):
            if wrote:
                return True
        elif step.inplace:
            wrote = True
    return False


def describe(trace, key) -> str:
    """The printable IR of a trace: inputs, steps, reads (guards), outputs."""
    from ._trace import Read

    lines = [f"guards: {key}", f"inputs: {', '.join(f'%in{j}' for j in range(trace.n_inputs))}"]
    for step in trace.steps:
        if isinstance(step, Read):
            lines.append(f"  guard: {step.what} of {_ref(step.ref)} == {step.value!r}   "
                         f"# {step.where}")
            continue
        args = ", ".join([_arg(a) for a in step.args] + [f"{k}={_arg(v)}" for k, v in step.kwargs.items()])
        outs = "" if step.outputs is None else f"{_arg(step.outputs)} = "
        meta = "" if not step.dtypes or step.dtypes[0] is None else \
            f"   # {', '.join(f'{d}{list(s)}' for d, s in zip(step.dtypes, step.shapes))}"
        lines.append(f"  {outs}{step.name}({args}){meta}")
    lines.append(f"outputs: {_arg(trace.outputs)}")
    return "\n".join(lines)


def _ref(ref):
    if ref.step < 0:
        return f"%in{ref.index}" if ref.step == -1 else f"%ct{ref.index}"
    return f"%{ref.step}" + (f".{ref.index}" if ref.index else "")


def _arg(a):
    if a.__class__ is Ref:
        return _ref(a)
    if a.__class__ in (list, tuple):
        inner = ", ".join(_arg(x) for x in a)
        return f"[{inner}]" if a.__class__ is list else f"({inner}{',' if len(a) == 1 else ''})"
    if isinstance(a, tuple) and hasattr(a, "_fields"):
        return f"{type(a).__name__}({', '.join(_arg(x) for x in a)})"
    if isinstance(a, dict):
        return "{" + ", ".join(f"{k!r}: {_arg(v)}" for k, v in a.items()) + "}"
    if isinstance(a, ops.Tensor):
        return f"<tensor {a.dtype}{list(a.shape)}>"
    return repr(a)

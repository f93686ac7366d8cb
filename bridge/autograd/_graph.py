"""The autograd engine: per-tensor records, graph nodes, recording, backward.

How it fits the dispatcher: every op ends in ``_dispatch.run`` (or the inline
elementwise paths), which calls :func:`record` when some input has ``_meta``. A
tensor's ``_meta`` is a :class:`Meta`; plain tensors keep ``_meta = None`` so that the
hot path of ``x + y`` costs one attribute test.

Graph shape (PyTorch's): a :class:`Node` per recorded call holds the rule, the saved
tensors it needs and one *edge* per input: ``(target, output_nr)`` where target is
the producer's Node, or the input's own Meta for a leaf that requires grad (so a leaf
accumulates into its record, and no reference cycle tensor -> node -> tensor exists).

The engine undoes broadcasting once (sum to the input's shape) and gives real inputs
the real part of a complex cotangent once, so rules never do either.
"""

from __future__ import annotations

import contextvars
import threading
import traceback

from .. import _dispatch, _fastpath
from .._dispatch import wrap

_NEW = _fastpath.NodeBase.__new__  # a Node without __init__: _NEW(Node)

# ------------------------------------------------------------------ grad mode


class _Switches:
    """One setting of the switches; never changed once made (``replace`` makes another),
    so a context copied by ``contextvars`` keeps the setting it was copied with.

    grad        reverse mode records a graph (``no_grad`` turns it off)
    forward     the active forward-mode level object, or None
    anomaly     anomaly mode: keep the forward trace, check backward results for NaN
    transforms  the active ``bridge.func`` transforms, innermost last
    """

    __slots__ = ("grad", "forward", "anomaly", "transforms")

    def __init__(self, grad=True, forward=None, anomaly=False, transforms=()):
        self.grad = grad
        self.forward = forward
        self.anomaly = anomaly
        self.transforms = transforms

    def replace(self, name, value):
        new = _Switches(self.grad, self.forward, self.anomaly, self.transforms)
        setattr(new, name, value)
        return new


# Every thread starts with the defaults (grad on), as in PyTorch; asyncio tasks and
# ``contextvars.copy_context().run`` see the switches of the context they run in.
_SWITCHES: contextvars.ContextVar = contextvars.ContextVar(
    "bridge_autograd", default=_Switches()  # noqa: B039 - a _Switches is never changed
)


def _switch(name):
    def get(self):
        return getattr(_SWITCHES.get(), name)

    def set(self, value):
        _SWITCHES.set(_SWITCHES.get().replace(name, value))

    return property(get, set)


class _Mode:
    """The autograd switches of the calling thread (and ``contextvars`` context), read
    on every recorded call: ``MODE.grad``, ``MODE.forward``, ``MODE.anomaly``,
    ``MODE.transforms``. Assigning one changes it for this thread only; the engine and
    the mode blocks set and restore them there, so no thread ever sees another's."""

    __slots__ = ()
    grad = _switch("grad")
    forward = _switch("forward")
    anomaly = _switch("anomaly")
    transforms = _switch("transforms")


MODE = _Mode()


def is_grad_enabled() -> bool:
    return _SWITCHES.get().grad


class _PerThread:
    """What a mode object saved on entering a block, kept per thread: one ``no_grad()``
    object entered in several threads at once restores each thread's own value."""

    def __init__(self):
        self._saved = {}

    def _push(self, value):
        self._saved.setdefault(threading.get_ident(), []).append(value)

    def _pop(self):
        ident = threading.get_ident()
        stack = self._saved[ident]
        value = stack.pop()
        if not stack:
            del self._saved[ident]
        return value


class set_grad_enabled(_PerThread):  # noqa: N801 - PyTorch's name; a function and a context manager
    """Turn graph recording on or off in this thread: ``set_grad_enabled(False)`` as a
    call switches it until switched back; ``with set_grad_enabled(mode):`` restores
    it afterwards. Other threads keep their own setting."""

    def __init__(self, mode: bool):
        if not isinstance(mode, bool):
            raise TypeError(f"set_grad_enabled: mode must be a bool, got {type(mode).__name__}")
        super().__init__()
        self._push(MODE.grad)
        self.mode = mode
        MODE.grad = mode

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        if self._saved.get(threading.get_ident()):
            MODE.grad = self._pop()
        return False

    def __call__(self, func):
        mode = self.mode
        if self._saved.get(threading.get_ident()):
            MODE.grad = self._pop()  # used as a decorator: the switch applies per call

        def wrapper(*args, **kwargs):
            with set_grad_enabled(mode):
                return func(*args, **kwargs)

        wrapper.__name__ = getattr(func, "__name__", "wrapper")
        wrapper.__doc__ = getattr(func, "__doc__", None)
        return wrapper


class _GradSwitch(_PerThread):
    mode = True

    def __enter__(self):
        self._push(MODE.grad)
        MODE.grad = self.mode
        return None

    def __exit__(self, *exc):
        MODE.grad = self._pop()
        return False

    def __call__(self, func):
        mode = self.mode

        def wrapper(*args, **kwargs):
            previous = MODE.grad
            MODE.grad = mode
            try:
                return func(*args, **kwargs)
            finally:
                MODE.grad = previous

        wrapper.__name__ = getattr(func, "__name__", "wrapper")
        wrapper.__doc__ = getattr(func, "__doc__", None)
        return wrapper


class no_grad(_GradSwitch):  # noqa: N801
    """Context manager (and decorator): operations inside record no graph (in this
    thread)."""

    mode = False


class enable_grad(_GradSwitch):  # noqa: N801
    """Context manager (and decorator): record graphs again inside ``no_grad``."""

    mode = True


class detect_anomaly(_PerThread):  # noqa: N801
    """Anomaly mode (in this thread): each node keeps the stack of the forward call that
    made it, and backward raises RuntimeError naming the op whose backward produced NaN."""

    def __init__(self, enabled: bool = True):
        super().__init__()
        self.enabled = bool(enabled)

    def __enter__(self):
        self._push(MODE.anomaly)
        MODE.anomaly = self.enabled

    def __exit__(self, *exc):
        MODE.anomaly = self._pop()
        return False


def set_detect_anomaly(enabled: bool) -> None:
    """Anomaly mode on or off in this thread."""
    MODE.anomaly = bool(enabled)


def is_anomaly_enabled() -> bool:
    return MODE.anomaly


# ------------------------------------------------------------------ records


# The autograd record of one tensor (requires_grad, grad, grad_fn, output_nr, version,
# tangent, extra) is a C type, so that the C recorder (bridge/_fastpath/src/record.c)
# writes its fields directly: Meta(requires_grad=False, grad_fn=None, output_nr=0,
# version=None), where version is the one-element list shared with the tensor's views,
# bumped by every in-place write and checked by the nodes that saved the tensor.
Meta = _fastpath.Meta


class Extra:
    """Hooks and flags of a tensor, kept apart so that most records stay small."""

    __slots__ = ("hooks", "retains_grad")

    def __init__(self):
        self.hooks = []
        self.retains_grad = False


def meta_of(t) -> Meta:
    m = t._meta
    if m is None:
        m = t._meta = Meta()
    return m


def edge_of(t):
    """The graph edge a cotangent for tensor ``t`` travels along, or None."""
    m = t._meta
    if m is None or not m.requires_grad:
        return None
    fn = m.grad_fn
    if fn is None:
        return (m, 0)
    return (fn, m.output_nr)


class Node(_fastpath.NodeBase):
    """One recorded call: the rule, what it saved, and one edge per input.

    Nodes are also the ``ctx`` that rules receive: ``ctx.inputs``, ``ctx.args``,
    ``ctx.params``, ``ctx.out`` (the output(s), rebuilt from the saved data), and
    ``ctx.needs[i]`` (whether input i wants a cotangent at all).
    """

    # The fields every recorded call sets (name, rule, args, params, edges, avals,
    # saved_inputs, saved_versions, saved_out, out_version) are NodeBase's struct
    # members; the rarely set ones default as class attributes.
    out_avals = None
    needs = None
    released = False
    pre_hooks = None
    retained = None
    trace = None
    device = None
    out_tangent = None

    # -- what rules see

    @property
    def inputs(self):
        saved = self.saved_inputs
        if saved is None:
            _raise_released(self)
        return saved

    @property
    def out(self):
        """The (first) output, rebuilt from its saved data; connected to this node
        when higher-order graphs are being built."""
        data = self.saved_out
        if data is None:
            _raise_released(self)
        if data.__class__ is tuple:
            return tuple(self._rebuild(d, i) for i, d in enumerate(data))
        return self._rebuild(data, 0)

    def _rebuild(self, data, nr):
        t = wrap(data)
        if MODE.grad:
            t._meta = Meta(True, self, nr, self.out_version[0])
        if MODE.forward is not None and self.out_tangent is not None:
            # forward-over-reverse: the saved output keeps the tangent it had
            tangent = self.out_tangent[nr] if nr < len(self.out_tangent) else None
            if tangent is not None:
                meta_of(t).tangent = tangent
        return t

    def __repr__(self):
        return f"<{self.name}Backward>"

    # PyTorch spells this ``grad_fn.name()``; a property reads better in Python
    @property
    def next_functions(self):
        return tuple(
            (None, 0) if e is None else (e[0] if isinstance(e[0], Node) else "AccumulateGrad", e[1])
            for e in self.edges
        )

    def register_hook(self, hook):
        """``hook(grad_inputs, grad_outputs)`` runs after this node's backward."""
        if self.pre_hooks is None:
            self.pre_hooks = {}
        self.pre_hooks.setdefault("post", []).append(hook)
        return _HookHandle(self.pre_hooks["post"], hook)


class _HookHandle:
    def __init__(self, hooks, hook):
        self._hooks = hooks
        self._hook = hook

    def remove(self):
        if self._hook in self._hooks:
            self._hooks.remove(self._hook)


def _raise_released(node):
    raise RuntimeError(
        f"bridge.autograd: trying to backward through the graph a second time (through "
        f"the backward of {node.name!r}); its saved tensors were freed after the first "
        "backward. Pass retain_graph=True to the first backward() or grad() call if you "
        "need to backward twice."
    )


class MissingRuleError(RuntimeError):
    """A differentiable op has no derivative rule (raised when the graph is recorded)."""


# ------------------------------------------------------------------ recording

RULES: dict = {}  # filled by _rules.py: name -> Rule
NONDIFF: set = set()  # registry ops with differentiable=False (outputs carry no graph)

# ops whose output is a view of their (first) input: the output shares the input's
# version counter, so writing through the view invalidates what saved the base
VIEW_OPS = frozenset((
    "getitem", "reshape", "permute_dims", "matrix_transpose", "expand_dims", "squeeze",
    "broadcast_to", "moveaxis", "unstack", "broadcast_arrays", "linalg.diagonal",
))


def _differentiable_dtype(data) -> bool:
    return data.dtype.kind in "fc"


def record_general(name, inputs, args, params, result):
    """Called by the dispatcher after an op ran, when some input has a record.

    ``record`` (below) is this function's common case in C, which declines every other
    call here: forward mode, anomaly mode, several outputs, special recorders, inputs
    that do not require grad, ops without a rule. Both make the same node.
    """
    switches = _SWITCHES.get()
    if switches.grad:
        n_inputs = len(inputs)
        if n_inputs == 1:  # unrolled for unary ops, views and reductions
            t0 = inputs[0]
            m0 = t0._meta
            d0 = t0._data
            avals = [(d0.shape, d0.dtype)]
            tracked = m0 is not None and m0.requires_grad
            if tracked:
                fn = m0.grad_fn
                edges = [(m0, 0) if fn is None else (fn, m0.output_nr)]
            else:
                edges = [None]
        elif n_inputs == 2:  # unrolled for binary ops, the most frequent case
            t0, t1 = inputs
            m0 = t0._meta
            m1 = t1._meta
            d0 = t0._data
            d1 = t1._data
            avals = [(d0.shape, d0.dtype), (d1.shape, d1.dtype)]
            e0 = e1 = None
            if m0 is not None and m0.requires_grad:
                fn = m0.grad_fn
                e0 = (m0, 0) if fn is None else (fn, m0.output_nr)
            if m1 is not None and m1.requires_grad:
                fn = m1.grad_fn
                e1 = (m1, 0) if fn is None else (fn, m1.output_nr)
            edges = [e0, e1]
            tracked = e0 is not None or e1 is not None
        else:
            edges = []
            avals = []
            tracked = False
            for t in inputs:
                m = t._meta
                data = t._data
                avals.append((data.shape, data.dtype))
                if m is None or not m.requires_grad:
                    edges.append(None)
                else:
                    tracked = True
                    fn = m.grad_fn
                    edges.append((m, 0) if fn is None else (fn, m.output_nr))
        if not tracked:
            if name in VIEW_OPS:
                _share_version(inputs[0], result)
        else:
            rule = RULES.get(name)
            if rule is None:
                _no_rule(name, result)
            elif rule.special is not None:
                rule.special(name, inputs, args, params, result)
            elif result.__class__ is tuple:
                _record_multi(name, rule, inputs, args, params, result, edges, avals)
            else:
                data = result._data
                if data.dtype.kind in "fc":  # integer/bool outputs carry no graph
                    node = _NEW(Node)
                    node.name = name
                    node.rule = rule
                    node.args = args
                    node.params = params
                    node.edges = edges
                    node.avals = avals
                    if _fastpath.saves_inputs(rule, params):
                        node.saved_inputs = inputs
                        node.saved_versions = _versions(inputs)
                    if MODE.anomaly:
                        node.trace = traceback.format_stack()[:-2]
                    m = result._meta
                    if m is None:
                        m = result._meta = Meta(True, node, 0)
                    else:
                        m.requires_grad = True
                        m.grad_fn = node
                        m.output_nr = 0
                    if name in VIEW_OPS:
                        base = inputs[0]._meta
                        if base is not None:
                            m.version = base.version
                    if rule.save_output:
                        node.saved_out = data
                        node.out_version = (m.version, m.version[0])
    if switches.forward is not None:
        _forward(name, inputs, args, params, result)


# the recorder the dispatcher and the C front call: record_general's common case in C
_fastpath.bind_autograd(Node, RULES, VIEW_OPS, _SWITCHES, record_general)
record = _fastpath.record


def _record_multi(name, rule, inputs, args, params, result, edges, avals):
    node = _NEW(Node)
    node.name = name
    node.rule = rule
    node.args = args
    node.params = params
    node.edges = edges
    node.avals = avals
    if rule.save_inputs:
        node.saved_inputs = inputs
        node.saved_versions = _versions(inputs)
    if MODE.anomaly:
        node.trace = traceback.format_stack()[:-3]
    version = [0]
    node.device = _dispatch.device_of(result[0]._data)
    node.out_avals = [(r._data.shape, r._data.dtype) for r in result]
    node.saved_out = tuple(r._data for r in result) if rule.save_output else ()
    node.out_version = (version, 0)
    for i, r in enumerate(result):
        if _differentiable_dtype(r._data):
            m = r._meta
            if m is None:
                r._meta = Meta(True, node, i, version)
            else:
                m.requires_grad = True
                m.grad_fn = node
                m.output_nr = i


def _tangents_of(result):
    results = result if result.__class__ is tuple else (result,)
    return [None if r._meta is None else r._meta.tangent for r in results]


def _versions(tensors):
    out = []
    for t in tensors:
        m = t._meta
        if m is None:
            # A saved tensor gets a record so that in-place writes to it are seen.
            m = t._meta = Meta()
        out.append((m.version, m.version[0]))
    return out


def _share_version(base, view):
    if view.__class__ is tuple:
        for v in view:
            _share_version(base, v)
        return
    bm = base._meta
    if bm is None:
        return
    vm = view._meta
    if vm is None:
        view._meta = Meta(False, None, 0, bm.version)
    else:
        vm.version = bm.version


def _no_rule(name, result):
    if name in NONDIFF or not _any_differentiable(result):
        return  # comparisons, indices, integer/bool results: no graph
    raise MissingRuleError(
        f"bridge.autograd: no derivative rule for {name!r}, but an input requires grad; "
        f"compute {name} under bridge.no_grad() or on .detach()-ed inputs, or define it "
        "with bridge.autograd.Function"
    )


def _any_differentiable(result):
    if result.__class__ is tuple:
        return any(_differentiable_dtype(r._data) for r in result)
    return _differentiable_dtype(result._data)


def check_versions(node):
    versions = node.saved_versions
    if versions:
        for i, (counter, seen) in enumerate(versions):
            if counter[0] != seen:
                raise RuntimeError(
                    f"bridge.autograd: input {i} of {node.name!r}, saved for its backward, "
                    f"was modified by an in-place operation: it is at version {counter[0]}, "
                    f"but {node.name} saved it at version {seen}. Compute on a copy instead "
                    "of writing in place, or write before the tensor is used."
                )
    if node.rule.save_output:
        counter, seen = node.out_version
        if counter[0] != seen:
            raise RuntimeError(
                f"bridge.autograd: the output of {node.name!r}, saved for its backward, was "
                f"modified by an in-place operation: it is at version {counter[0]}, but "
                f"{node.name} saved it at version {seen}. Write into a copy instead."
            )


# ------------------------------------------------------------------ in-place writes


def check_inplace_target(target, opname):
    """In-place writes to a leaf that requires grad are refused while recording."""
    m = target._meta
    if m is not None and m.requires_grad and m.grad_fn is None and _SWITCHES.get().grad:
        raise RuntimeError(
            f"bridge.autograd: {opname} writes in place into a leaf tensor that requires "
            "grad; wrap the update in `with bridge.no_grad():` (as an optimiser step does) "
            "or operate on a copy"
        )


def inplace(target, result, opname):
    """An in-place operator: write ``result`` into ``target`` and rebase its history."""
    check_inplace_target(target, opname)
    switches = _SWITCHES.get()  # (read once: each MODE.x is a context-variable lookup)
    grad = switches.grad
    rm = result._meta
    if rm is not None and rm.grad_fn is not None:
        _preserve_saved_target(rm.grad_fn, target)
    _dispatch.kernels_of(target._data)["copyto"](target._data, result._data)
    m = target._meta
    if m is None:
        m = target._meta = Meta()
    m.version[0] += 1
    if switches.forward is not None and rm is not None and rm.tangent is not None:
        m.tangent = rm.tangent
    if not grad or rm is None or not rm.requires_grad:
        if grad and m.grad_fn is not None:
            # the new value no longer depends on the old graph
            m.grad_fn = None
            m.requires_grad = False
        return target
    if result._data.dtype != target._data.dtype:
        # the value stored is result cast to target's dtype
        node = _cast_node(result, target._data.dtype)
        m.requires_grad = True
        m.grad_fn = node
        m.output_nr = 0
        return target
    m.requires_grad = True
    m.grad_fn = rm.grad_fn
    m.output_nr = rm.output_nr
    if rm.grad_fn is None:  # result is a leaf: the cotangent goes straight to it
        m.grad_fn = _identity_node(result)
    return target


def _preserve_saved_target(node, target):
    """``y *= x`` computed ``y * x`` first, and that node saved ``y``, which the write is
    about to overwrite: give the node a copy of the old value (with y's old history),
    as PyTorch's in-place derivatives save the original ``self``."""
    saved = node.saved_inputs
    if not saved or not any(s is target for s in saved):
        return
    old = wrap(target._data.copy())
    m = target._meta
    if m is not None:
        old._meta = Meta(m.requires_grad, m.grad_fn, m.output_nr)
    node.saved_inputs = tuple(old if s is target else s for s in saved)
    node.saved_versions = _versions(node.saved_inputs)


def _cast_node(source, dtype):
    node = _make_node("astype", RULES["astype"], (source,), (dtype, True), {})
    node.out_avals = None
    node.saved_out = ()
    node.out_version = ([0], 0)
    return node


def _identity_node(source):
    node = _make_node("positive", RULES["positive"], (source,), (), {})
    node.out_avals = None
    node.saved_out = ()
    node.out_version = ([0], 0)
    return node


def _make_node(name, rule, inputs, args, params):
    """The node record() makes for a call (edges, avals, saved inputs and versions), for
    the recorders that then set the output's record themselves."""
    node = _fastpath.make_node(name, rule, inputs, args, params)
    if _SWITCHES.get().anomaly:
        node.trace = traceback.format_stack()[:-3]
    return node


def bump_version(x):
    m = x._meta
    if m is not None:
        m.version[0] += 1


# ------------------------------------------------------------------ forward mode


class ForwardLevel:
    """One active forward-mode computation (a ``jvp``); tangents are tagged with it.

    Levels nest: ``parent`` is the level that was active when this one began (None for
    the outermost). An op propagates the tangents of every active level; the rule of a
    level runs with only the levels outside it active, so the tangents it makes carry
    the outer levels' tangents (``jvp`` of ``jvp``), and an outer level never sees an
    inner one's perturbation.
    """

    __slots__ = ("parent", "__weakref__")

    def __init__(self, parent=None):
        self.parent = parent


class TangentClash(RuntimeError):
    """A tangent batched at vmap level ``level`` (``bridge.func.jvp`` keeps a primal
    that one vmap does not batch unbatched, and batches only its tangent there) met a
    value batched at that same level: the two batch dimensions would be taken for
    different ones. The jvp that batched its tangent at ``level`` catches this and runs
    again with the primal batched too."""

    def __init__(self, level):
        super().__init__(f"a tangent batched at vmap level {level} met a value batched "
                         "at that level")
        self.level = level


class _Handling(threading.local):
    """Per thread: ``lazy`` counts the jvps running with tangents batched where their
    primals are not; while any does, ``levels`` holds the vmap levels whose batching
    rules are running (their values' batch dimensions are explicit in the tensors the
    rules compute on)."""

    def __init__(self):
        self.lazy = 0
        self.levels = []


HANDLING = _Handling()


def check_clash(tangent):
    """Raise TangentClash if ``tangent`` is batched at a level whose batching rule runs."""
    levels = HANDLING.levels
    while tangent.__class__ is not _dispatch.TENSOR and hasattr(tangent, "level"):
        if tangent.level in levels:
            raise TangentClash(tangent.level)
        tangent = tangent.value


def tangent_of(t, level):
    m = t._meta
    if m is None:
        return None
    tan = m.tangent
    if tan is None:
        return None
    return tan.get(level)


def set_tangent(t, level, tangent):
    """Give ``t`` its tangent at ``level`` (the mapping is replaced, never changed in
    place: tensors that share one, a leaf made from a primal, keep theirs)."""
    m = meta_of(t)
    tangents = {} if m.tangent is None else dict(m.tangent)
    tangents[level] = tangent
    m.tangent = tangents


def _forward(name, inputs, args, params, result):
    innermost = MODE.forward
    rule = None
    if innermost.parent is None:
        rule = _forward_level(innermost, innermost, name, inputs, args, params, result)
    else:
        # outermost first: an inner level's rule may read the result (``ctx.out``),
        # whose outer tangents must then be there already
        chain = []
        level = innermost
        while level is not None:
            chain.append(level)
            level = level.parent
        for level in reversed(chain):
            rule = _forward_level(level, innermost, name, inputs, args, params, result) or rule
    if rule is None or name == "setitem":
        return
    first = result[0] if result.__class__ is tuple else result
    m = first._meta
    if m is not None and m.grad_fn is not None and m.grad_fn.rule is rule and rule.save_output:
        # forward-over-reverse: the node's saved output must come back with its tangent
        m.grad_fn.out_tangent = _tangents_of(result)


def _forward_level(level, innermost, name, inputs, args, params, result):
    """The tangent of ``result`` at ``level``; returns the rule used (None if no input
    had a tangent at that level)."""
    tangents = [tangent_of(t, level) for t in inputs]
    if all(tan is None for tan in tangents):
        return None
    if HANDLING.levels:
        for tan in tangents:
            if tan is not None:
                check_clash(tan)
    rule = RULES.get(name)
    if rule is None:
        _no_rule(name, result)
        return None
    if rule.jvp is None:
        raise MissingRuleError(f"bridge.autograd: {name!r} has no forward-mode (jvp) rule")
    ctx = _forward_ctx(name, rule, inputs, args, params, result)
    MODE.forward = level.parent
    try:
        out = rule.jvp(ctx, tangents)
    except TangentClash:
        raise
    except (TypeError, AttributeError, ValueError, IndexError, RuntimeError) as exc:
        for tan in tangents:
            if tan is not None and tan.__class__ is not _dispatch.TENSOR:
                # a rule written for tensors only (it runs another autograd pass, or
                # reads the kernel's arrays): the jvp that batched this tangent apart
                # from its primal batches the primal instead
                raise TangentClash(tan.level) from exc
        raise
    finally:
        MODE.forward = innermost
    if name == "setitem":  # in place: the new tangent belongs to the target
        set_tangent(inputs[0], level, out)
        return rule
    if result.__class__ is tuple:
        for r, tan in zip(result, out):
            if tan is not None and _differentiable_dtype(r._data):
                set_tangent(r, level, coerce(tan, r._data.shape, r._data.dtype))
    elif out is not None and _differentiable_dtype(result._data):
        set_tangent(result, level, coerce(out, result._data.shape, result._data.dtype))
    return rule


def active_levels():
    """The active forward-mode levels, innermost first."""
    level = MODE.forward
    while level is not None:
        yield level
        level = level.parent


class ForwardCtx(Node):
    """The ctx of a jvp rule: like a node, but ``out`` is the live result, so that a
    tangent computed from it is connected to the reverse graph (reverse-over-forward)."""

    @property
    def out(self):
        return self.result


def _forward_ctx(name, rule, inputs, args, params, result):
    node = _NEW(ForwardCtx)
    node.result = result
    node.name = name
    node.rule = rule
    node.args = args
    node.params = params
    node.saved_inputs = inputs
    node.saved_versions = None
    node.needs = tuple(True for _ in inputs)
    node.avals = [(t._data.shape, t._data.dtype) for t in inputs]
    if result.__class__ is tuple:
        node.device = _dispatch.device_of(result[0]._data)
        node.saved_out = tuple(r._data for r in result)
        node.out_avals = [(r._data.shape, r._data.dtype) for r in result]
    else:
        node.saved_out = result._data
        node.out_avals = None
    node.out_version = ([0], 0)
    return node


def coerce(t, shape, dtype):
    """A tangent or cotangent brought to ``shape`` (broadcast up) and ``dtype``."""
    from .._registry import ops as B

    if t.shape != shape:
        t = B.broadcast_to(t, shape)
    if t.dtype != dtype:
        if dtype.kind != "c" and t.dtype.kind == "c":
            t = B.real(t)
        if t.dtype != dtype:
            t = B.astype(t, dtype)
    return t


# ------------------------------------------------------------------ backward


def sum_to_shape(g, shape):
    """Undo broadcasting: sum ``g`` down to ``shape``."""
    from .._registry import ops as B

    if g.shape == shape:
        return g
    lead = g.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(
        lead + i for i, s in enumerate(shape) if s == 1 and g.shape[lead + i] != 1
    )
    if g.__class__ is B.Tensor and not MODE.grad and g._meta is None and \
            g._data.dtype.kind in "fc":
        # no graph through the backward pass: the kernels directly (a bias gradient
        # in every training step)
        data = g._data
        if axes:
            data = _dispatch.kernels_of(data)["sum"](data, axes, data.dtype, True)
        return wrap(data.reshape(shape))
    if axes:
        g = B.sum(g, axis=axes, keepdims=True)
    if lead:
        g = B.reshape(g, shape)
    elif g.shape != shape:
        g = B.reshape(g, shape)
    return g


def _fit(ct, aval):
    shape, dtype = aval
    if ct.shape != shape:
        ct = sum_to_shape(ct, shape)
    if ct.dtype != dtype:
        from .._registry import ops as B

        if dtype.kind != "c" and ct.dtype.kind == "c":
            ct = B.real(ct)
        if ct.dtype != dtype:
            ct = B.astype(ct, dtype)
    return ct


def _zeros(aval, device):
    from .._registry import ops as B

    shape, dtype = aval
    return B.zeros(shape, dtype=dtype, device=device)


def _collect(root_targets, capture_targets):
    """The nodes reachable from the roots, and how many edges reach each.

    With capture targets (``grad(outputs, inputs)``), only nodes from which a target
    is reachable are kept, so unrelated branches never run.
    """
    children = {}
    stack = list(root_targets)
    while stack:
        n = stack.pop()
        if n in children:
            continue
        if n.__class__ is Node:
            kids = [e[0] for e in n.edges if e is not None]
            children[n] = kids
            for k in kids:
                if k not in children:
                    stack.append(k)
        else:
            children[n] = ()
    if capture_targets is None:
        needed = children.keys()
    else:
        needed = set()
        # iterative post-order: a node is needed when it is a target or feeds one
        state = {}
        for start in root_targets:
            if start in state:
                continue
            work = [(start, iter(children[start]))]
            state[start] = False
            while work:
                node, it = work[-1]
                advanced = False
                for k in it:
                    if k not in state:
                        state[k] = False
                        work.append((k, iter(children[k])))
                        advanced = True
                        break
                    if state[k]:
                        state[node] = True
                if advanced:
                    continue
                work.pop()
                if node in capture_targets:
                    state[node] = True
                if state[node]:
                    needed.add(node)
                if work:
                    parent = work[-1][0]
                    if state[node]:
                        state[parent] = True
    deps = {n: 0 for n in needed}
    for n in needed:
        for k in children[n]:
            if k in deps:
                deps[k] += 1
    return deps


def run_backward(roots, root_grads, retain_graph=False, create_graph=False, capture=None,
                 accumulate=True):
    """Propagate cotangents from ``roots`` (Tensors) seeded with ``root_grads``.

    accumulate  write into ``.grad`` of leaves (``backward()``); otherwise only the
                edges in ``capture`` (a list of edges) receive and return cotangents.
    Returns the captured cotangents, in the order of ``capture``.
    """
    buffers: dict = {}
    root_targets = []
    for t, g in zip(roots, root_grads):
        e = edge_of(t)
        if e is None:
            continue
        target, nr = e
        _accumulate(buffers, target, nr, g, t._data.shape, t._data.dtype)
        root_targets.append(target)
    capture_targets = None if capture is None else {e[0] for e in capture if e is not None}
    deps = _collect(root_targets, capture_targets)
    captured = {}
    # ids of cotangents already stored somewhere (the user's seeds, earlier leaves):
    # a leaf's .grad must be a tensor of its own, never shared
    handed = {id(g) for g in root_grads}
    previous = MODE.grad
    MODE.grad = bool(create_graph)
    try:
        ready = [n for n, d in deps.items() if d == 0]
        while ready:
            node = ready.pop()
            bufs = buffers.pop(node, None)
            if capture_targets is not None and node in capture_targets:
                captured[node] = bufs
            if node.__class__ is Node:
                outs = _run_node(node, bufs, retain_graph)
                for e, ct in zip(node.edges, outs):
                    if e is None:
                        continue
                    target, nr = e
                    if target not in deps:
                        continue
                    if ct is not None:
                        _accumulate(buffers, target, nr, ct, None, None)
                    deps[target] -= 1
                    if deps[target] == 0:
                        ready.append(target)
            elif accumulate and bufs is not None:
                _accumulate_leaf(node, bufs[0], handed)
    finally:
        MODE.grad = previous
    if capture is None:
        return None
    results = []
    for e in capture:
        if e is None:
            results.append(None)
            continue
        bufs = captured.get(e[0])
        results.append(None if bufs is None else bufs[e[1]])
    return results


def _accumulate(buffers, target, nr, ct, shape, dtype):
    bufs = buffers.get(target)
    if bufs is None:
        n = len(target.out_avals) if target.__class__ is Node and target.out_avals else 1
        bufs = buffers[target] = [None] * n
    old = bufs[nr]
    bufs[nr] = ct if old is None else old + ct


def _accumulate_leaf(meta, g, handed):
    extra = meta.extra
    if extra is not None and extra.hooks:
        g = _call_hooks(extra.hooks, g)
    if MODE.grad:
        # create_graph: the gradient keeps its graph (PyTorch does the same)
        meta.grad = g if meta.grad is None else meta.grad + g
        return
    if meta.grad is None:
        if id(g) in handed or g._meta is not None:
            g = wrap(g._data.copy())
        handed.add(id(g))
        meta.grad = g
    else:
        meta.grad = meta.grad + g


def _call_hooks(hooks, g):
    for hook in list(hooks):
        out = hook(g)
        if out is not None:
            if not isinstance(out, _dispatch.TENSOR):
                raise TypeError(f"bridge.autograd: a gradient hook returned "
                                f"{type(out).__name__}; it must return a Tensor or None")
            if out.shape != g.shape:
                raise ValueError(f"bridge.autograd: a gradient hook returned a gradient of "
                                 f"shape {out.shape} for a gradient of shape {g.shape}")
            if out.dtype != g.dtype:
                raise TypeError(f"bridge.autograd: a gradient hook returned dtype {out.dtype} "
                                f"for a gradient of dtype {g.dtype}")
            g = out
    return g


def _run_node(node, bufs, retain_graph):
    if node.released and node.rule.saves:
        _raise_released(node)
    check_versions(node)
    hooks = node.pre_hooks
    if hooks:
        for nr, fns in hooks.items():
            if nr == "post" or bufs[nr] is None:
                continue
            bufs[nr] = _call_hooks(fns, bufs[nr])
    retained = node.retained
    if retained:
        for nr, ref in retained.items():
            m = ref()
            if m is not None and bufs[nr] is not None:
                m.grad = bufs[nr] if m.grad is None else m.grad + bufs[nr]
    node.needs = [e is not None for e in node.edges]
    rule = node.rule
    if node.out_avals is None:
        g = bufs[0]
        outs = rule.vjp(node, g)
    else:
        gs = [b if b is not None else (_zeros(a, node.device) if rule.dense else None)
              for b, a in zip(bufs, node.out_avals)]
        outs = rule.vjp(node, gs)
    if outs.__class__ is not tuple and outs.__class__ is not list:
        outs = (outs,)
    fitted = []
    for ct, aval, e in zip(outs, node.avals, node.edges):
        if ct is None or e is None:
            fitted.append(None)
            continue
        fitted.append(_fit(ct, aval))
    if MODE.anomaly:
        _check_nan(node, fitted)
    if hooks and "post" in hooks:
        for fn in hooks["post"]:
            fn(tuple(fitted), tuple(bufs))
    if not retain_graph:
        node.released = True
        if rule.saves:
            node.saved_inputs = None
            node.saved_out = None
        release = getattr(rule, "release", None)
        if release is not None:
            release()
    return fitted


def _check_nan(node, cts):
    from .._registry import ops as B

    for i, ct in enumerate(cts):
        if ct is None:
            continue
        if bool(B.any(B.isnan(ct))):
            where = "".join(node.trace[-6:]) if node.trace else "(no trace: the node was " \
                "recorded outside detect_anomaly)\n"
            raise RuntimeError(
                f"bridge.autograd (anomaly mode): the backward of {node.name!r} returned NaN "
                f"in its cotangent for input {i}.\nThe forward call that recorded "
                f"{node.name} was:\n{where}"
            )

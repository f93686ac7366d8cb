"""Ahead-of-time backward: the forward and backward graphs of a call that needs
gradients, traced together and both compiled.

When an input requires grad, tracing the function also records autograd's graph on
the concrete values (the tracer runs each op eagerly). Right after, the tracer runs
autograd's backward pass itself on that graph, with traced cotangents for the
outputs: every rule is a composition of registry ops, so each of its calls is recorded
too, and a value a rule saved from the forward pass is the concrete tensor the trace
knows by its Ref. The steps after ``split`` are the backward graph, a function of the
forward's values and the cotangents.

A replay then runs the forward steps (fused where the backend generates code) without
recording, and hands autograd one node (a ``bridge.autograd.Function``) whose backward
replays the backward steps (fused too). ``.backward()`` on the result works as on
eager code; so does a second call of ``backward`` with ``retain_graph=True``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .._registry import ops
from ..autograd import _graph
from ..autograd._function import Function
from ._run import instantiate, template_refs
from ._run import run as run_plan
from ._trace import Read, Ref


@dataclass
class Backward:
    split: int  # steps[:split] are the forward, steps[split:] the backward
    out_refs: list  # the differentiable outputs, in order (one cotangent each)
    seed_refs: list  # Ref(-2, k): the cotangent of out_refs[k]
    grads: list  # per tensor input: the template of its gradient (None: no gradient)
    forward: object = None  # a Branch-like holder of each part's plan
    backward: object = None


class _Part:
    """The steps of one half, as a branch the executor plans and runs."""

    def __init__(self, steps, outputs, live):
        self.steps = steps
        self.read = None
        self.outputs = outputs
        self.plan = None
        self.has_inplace = any(getattr(s, "inplace", False) for s in steps)
        self.live = live  # Refs the other half reads (kept as outputs of fused groups)


def trace_backward(tracer, out_template, out_value, input_values):
    """Record the backward steps for the traced call (inside the tracer's scope); None
    when the call has nothing to differentiate or autograd's pass cannot be traced."""
    trace = tracer.trace
    if trace.mutates or any(isinstance(s, Read) for s in trace.steps):
        return None
    out_refs, outs = [], []
    for ref in template_refs(out_template):
        value = tracer_value(tracer, ref)
        if value is not None and value._meta is not None and value.dtype.kind in "fc" \
                and ref not in out_refs:
            out_refs.append(ref)
            outs.append(value)
    if not outs:
        return None
    split = len(trace.steps)
    with tracer.paused():
        concrete = [ops.ones_like(o) for o in outs]
    seeds = [tracer.wrap(c, Ref(-2, k)) for k, c in enumerate(concrete)]
    edges = [_graph.edge_of(t) if t.requires_grad else None for t in input_values]
    try:
        grads = _graph.run_backward(outs, seeds, retain_graph=True, capture=edges,
                                    accumulate=False)
    except (AttributeError, TypeError):
        # a rule that reaches below the registry (raw arrays): no ahead-of-time backward
        del trace.steps[split:]
        return None
    if any(isinstance(s, Read) or getattr(s, "inplace", False) or _holds_tensor(s)
           for s in trace.steps[split:]):
        # a value the backward reads that the trace does not know (a rule computed it
        # below the registry while the forward ran): it would be a stale constant
        del trace.steps[split:]
        return None
    templates = []
    for g in grads:
        if g is None:
            templates.append(None)
        else:
            templates.append(_template_of(tracer, g))
    return Backward(split, out_refs, [s.ref for s in seeds], templates)


def _holds_tensor(step):
    stack = [step.args, step.kwargs]
    while stack:
        item = stack.pop()
        if isinstance(item, ops.Tensor):
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return False


def tracer_value(tracer, ref):
    for value, known in tracer.known.values():
        if known == ref and isinstance(value, ops.Tensor):
            return value
    return None


def _template_of(tracer, g):
    from ._trace import Traced

    if g.__class__ is Traced:
        return g.ref
    known = tracer.known.get(id(g))
    return known[1] if known is not None and known[0] is g else g


def run(branch, aot, env, tensors, fuse, debug, graphs=False):
    """The call's outputs with one autograd node for the whole graph."""
    if aot.forward is None:
        forward_steps = branch.steps[:aot.split]
        backward_steps = branch.steps[aot.split:]
        needed = {r for s in backward_steps for r in template_refs((s.args, s.kwargs))}
        aot.forward = _Part(forward_steps, branch.outputs, needed)
        aot.backward = _Part(backward_steps, [g for g in aot.grads if g is not None], set())
    node_class = _node_class(aot, fuse, debug, graphs)
    outs = node_class.apply(env, *tensors)
    if not isinstance(outs, tuple):
        outs = (outs,)
    for ref, value in zip(aot.out_refs, outs):
        env[ref] = value
    return instantiate(branch.outputs, env)


def _node_class(aot, fuse, debug, graphs):
    cls = getattr(aot, "_cls", None)
    if cls is not None and cls._fuse == fuse and cls._graphs == graphs:
        return cls
    forward_needed = list(dict.fromkeys(template_refs(aot.forward.outputs) + aot.out_refs +
                                        sorted(aot.forward.live, key=_order)))
    backward_needed = template_refs(aot.backward.outputs)

    class CompiledGraph(Function):
        _fuse = fuse
        _graphs = graphs

        @staticmethod
        def forward(ctx, env, *tensors):
            _run_part(aot.forward, env, fuse, debug, graphs, forward_needed, "the forward")
            ctx.env = env
            ctx.inputs = tensors
            return tuple(env[r] for r in aot.out_refs)

        @staticmethod
        def backward(ctx, *cotangents):
            if _graph.MODE.grad:
                # create_graph=True: the gradient must know how it depends on the inputs,
                # so the forward runs again, recorded, from the inputs, and the backward's
                # calls record too (no fused kernels on either side)
                env = {Ref(-1, j): t for j, t in enumerate(ctx.inputs)}
                _run_part(aot.forward, env, False, debug)
                part_fuse = False
            else:
                env = dict(ctx.env)
                part_fuse = fuse
            for ref, ct, out in zip(aot.seed_refs, cotangents, aot.out_refs):
                env[ref] = ct if ct is not None else ops.zeros_like(ctx.env[out])
            _run_part(aot.backward, env, part_fuse, debug, graphs and not _graph.MODE.grad,
                      backward_needed, "the backward")
            return (None,) + tuple(None if g is None else instantiate(g, env) for g in aot.grads)

    CompiledGraph.__name__ = CompiledGraph.__qualname__ = "CompiledGraph"
    aot._cls = CompiledGraph
    return CompiledGraph


def _run_part(part, env, fuse, debug, graphs=False, needed=(), name="the plan"):
    run_plan(part, env, fuse, debug, graphs, list(needed), name)


def _order(ref):
    return (ref.step, ref.index)

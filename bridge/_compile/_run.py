"""Replay: run a branch's steps on the call's tensors.

A branch's **plan** is made on its first replay: runs of elementwise steps that the
backend can fuse become one generated kernel (``_fuse``), every other step calls its
registry function (the public one: its C front takes the fast path), so ops that do
not fuse (matmul, sort, fft, linalg, indexing) run the backend's own kernels inside
the compiled graph. The numpy backend, a call that records autograd, and a branch
that writes in place get the plan without fused kernels: the same calls eager code
makes, without the Python that made them.
"""

from __future__ import annotations

from ._trace import Ref


def instantiate(template, env):
    """The argument ``template`` with each Ref replaced by its value."""
    cls = template.__class__
    if cls is Ref:
        return env[template]
    if cls in (list, tuple):
        return cls(instantiate(t, env) for t in template)
    if cls is dict:
        return {k: instantiate(v, env) for k, v in template.items()}
    if isinstance(template, tuple) and hasattr(template, "_fields"):
        return cls(*(instantiate(t, env) for t in template))
    return template


def template_refs(template):
    """The Refs in argument ``template``, in order."""
    if template.__class__ is Ref:
        return [template]
    if isinstance(template, dict):
        return [r for v in template.values() for r in template_refs(v)]
    if isinstance(template, (list, tuple)):
        return [r for v in template for r in template_refs(v)]
    return []


def bind(outputs, value, env):
    if outputs is None:
        return
    if outputs.__class__ is Ref:
        env[outputs] = value
        return
    for ref, v in zip(outputs, value):
        env[ref] = v


class NodeCall:
    """One step: the registry function on the instantiated arguments."""

    __slots__ = ("node",)

    def __init__(self, node):
        self.node = node

    def __call__(self, env):
        node = self.node
        out = node.fn(*instantiate(node.args, env), **instantiate(node.kwargs, env))
        bind(node.outputs, out, env)

    def describe(self):
        return f"call {self.node.name}"


def make_plan(branch, fuse: bool, env, debug):
    steps = branch.steps
    if fuse and not branch.has_inplace:
        from ._fuse import plan_with_fusion

        return plan_with_fusion(steps, branch, env, debug)
    return [NodeCall(node) for node in steps]


def run(branch, env, fuse, debug, graphs=False, needed=None, name="the plan"):
    """Run the plan of ``branch`` (made now if it has none), then return the Read that
    ends it (None at a leaf). With ``graphs`` (mode="reduce-overhead"), a branch that
    may be replayed as a CUDA graph is (``_graphs``); ``needed`` names the Refs read
    after it (default: the branch's outputs)."""
    plan = branch.plan
    if plan is None or plan[0] != fuse:
        plan = branch.plan = (fuse, make_plan(branch, fuse, env, debug))
    if graphs:
        from ._graphs import graphable, run_graphed

        if graphable(branch):
            if needed is None:
                needed = template_refs(branch.outputs)
            run_graphed(branch, plan[1], env, needed, name)
            return branch.read
    for call in plan[1]:
        call(env)
    return branch.read

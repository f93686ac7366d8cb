"""Fusion: runs of elementwise steps become one kernel.

A **group** is a run of elementwise steps whose arguments are tensors of float32 or
float64 (or bool, for ``where`` and logical results) and Python numbers, connected
through their results. Its **inputs** are the tensors from outside the group, its
**outputs** the results used after it (by other steps or as the function's result).
The group computes every element of the broadcast shape of its inputs in one pass
(``_codegen`` writes the kernel: C for the native backend, CUDA for cupy), keeping the
intermediates in registers instead of arrays.

Each op's expression is written once, in ``EXPRESSIONS``: the formula the native
backend's kernel uses (bridge/backends/native/src/elementwise.c), so fused arithmetic,
comparisons, ``where``, ``maximum``/``minimum`` and rounding give the eager results
bit for bit; the transcendental functions call the C library as the native backend's
loops do (float32 through double), which can differ from the native backend's own
vectorised versions in the last place (docs/compile.md).
"""

from __future__ import annotations

import numpy as np

from ._run import NodeCall, template_refs
from ._trace import Ref

# op -> (kind, C expression over a, b, c): kind "same" (result in the compute type),
# "bool" (a bool result of the compute type's operands), "where" (c ? a : b, c bool),
# "logical" (bool operands and result)
EXPRESSIONS = {
    "add": ("same", "({a} + {b})"),
    "subtract": ("same", "({a} - {b})"),
    "multiply": ("same", "({a} * {b})"),
    "divide": ("same", "({a} / {b})"),
    "negative": ("same", "(-{a})"),
    "positive": ("same", "({a})"),
    "square": ("same", "({a} * {a})"),
    "reciprocal": ("same", "((T)1 / {a})"),
    "abs": ("same", "fabs({a})"),
    "sqrt": ("same", "sqrt({a})"),
    "maximum": ("same", "((({a}) > ({b}) || ({a}) != ({a})) ? ({a}) : ({b}))"),
    "minimum": ("same", "((({a}) < ({b}) || ({a}) != ({a})) ? ({a}) : ({b}))"),
    "copysign": ("same", "copysign({a}, {b})"),
    "floor": ("same", "floor({a})"),
    "ceil": ("same", "ceil({a})"),
    "trunc": ("same", "trunc({a})"),
    "round": ("same", "rint({a})"),
    "sign": ("same", "({a} > 0 ? (T)1 : ({a} < 0 ? (T)-1 : ({a} == 0 ? (T)0 : {a})))"),
    "exp": ("same", "(T)exp((double){a})"),
    "expm1": ("same", "(T)expm1((double){a})"),
    "exp2": ("same", "(T)exp2((double){a})"),
    "log": ("same", "(T)log((double){a})"),
    "log1p": ("same", "(T)log1p((double){a})"),
    "log2": ("same", "(T)log2((double){a})"),
    "log10": ("same", "(T)log10((double){a})"),
    "sin": ("same", "(T)sin((double){a})"),
    "cos": ("same", "(T)cos((double){a})"),
    "tan": ("same", "(T)tan((double){a})"),
    "sinh": ("same", "(T)sinh((double){a})"),
    "cosh": ("same", "(T)cosh((double){a})"),
    "tanh": ("same", "(T)tanh((double){a})"),
    "asin": ("same", "(T)asin((double){a})"),
    "acos": ("same", "(T)acos((double){a})"),
    "atan": ("same", "(T)atan((double){a})"),
    "asinh": ("same", "(T)asinh((double){a})"),
    "acosh": ("same", "(T)acosh((double){a})"),
    "atanh": ("same", "(T)atanh((double){a})"),
    "pow": ("same", "(T)pow((double){a}, (double){b})"),
    "atan2": ("same", "(T)atan2((double){a}, (double){b})"),
    "hypot": ("same", "(T)hypot((double){a}, (double){b})"),
    "equal": ("bool", "({a} == {b})"),
    "not_equal": ("bool", "({a} != {b})"),
    "less": ("bool", "({a} < {b})"),
    "less_equal": ("bool", "({a} <= {b})"),
    "greater": ("bool", "({a} > {b})"),
    "greater_equal": ("bool", "({a} >= {b})"),
    "isnan": ("bool", "({a} != {a})"),
    "isinf": ("bool", "(isinf({a}) != 0)"),
    "isfinite": ("bool", "(isfinite({a}) != 0)"),
    "signbit": ("bool", "(signbit({a}) != 0)"),
    "where": ("where", "({c} ? {a} : {b})"),
    "logical_and": ("logical", "({a} && {b})"),
    "logical_or": ("logical", "({a} || {b})"),
    "logical_xor": ("logical", "(!{a} != !{b})"),
    "logical_not": ("logical", "(!{a})"),
}

FLOATS = (np.dtype(np.float32), np.dtype(np.float64))
BOOL = np.dtype(bool)
MIN_FUSED = 2  # a group of one op gains nothing over the backend's own kernel


class Group:
    """A run of fusible steps (their order kept), planned as one kernel."""

    def __init__(self):
        self.nodes = []
        self.inputs = []  # Refs from outside, in order of first use
        self.produced = set()
        self.outputs = []  # Refs used after the group (filled by plan_with_fusion)
        self.shape = None  # the trace's shape of every value of the group
        self.reduce = None  # a sum/mean node over one value, accumulated in the kernel

    def describe(self):
        names = [n.name for n, _ in self.nodes] + ([self.reduce.name] if self.reduce else [])
        return f"fused kernel of {len(names)} ops: " + ", ".join(names)


def _dtype_of(x, dtypes):
    if x.__class__ is Ref:
        return dtypes.get(x)
    return None  # a Python number: weak, takes the other operand's dtype


def _fusible(node, dtypes):
    """The compute dtype of ``node`` if it can join a group (else None)."""
    entry = EXPRESSIONS.get(node.name)
    if entry is None or node.kwargs or node.outputs.__class__ is not Ref:
        return None
    kind = entry[0]
    arg_dtypes = []
    for a in node.args:
        if a.__class__ is Ref:
            d = dtypes.get(a)
            if d is None:
                return None
            arg_dtypes.append(d)
        elif a.__class__ in (int, float) or a.__class__ is bool:
            if isinstance(a, float) and not np.isfinite(a) and kind == "logical":
                return None
        else:
            return None
    out = node.dtypes[0] if node.dtypes else None
    if kind == "logical":
        return BOOL if all(d == BOOL for d in arg_dtypes) and out == BOOL else None
    if kind == "where":
        if len(node.args) != 3 or node.args[0].__class__ is not Ref or arg_dtypes[0] != BOOL:
            return None
        rest = arg_dtypes[1:]
        return out if out in FLOATS and all(d == out for d in rest) else None
    if not arg_dtypes or any(d not in FLOATS for d in arg_dtypes):
        return None
    compute = np.result_type(*arg_dtypes)
    if kind == "same":
        return compute if out == compute else None
    return compute if out == BOOL else None  # "bool"


def plan_with_fusion(steps, branch, env, debug):
    """The plan of ``steps``: NodeCalls, and FusedCalls for the groups the current
    backend's code generator takes. ``env`` holds the inputs of the first run (the guard
    key fixes their dtypes and ranks for every run of this plan)."""
    from ._codegen import generator_for_current_backend

    generator = generator_for_current_backend()
    if generator is None:
        return [NodeCall(node) for node in steps]
    dtypes = {ref: value.dtype for ref, value in env.items() if hasattr(value, "dtype")}
    for node in steps:
        if node.outputs.__class__ is Ref and node.dtypes:
            dtypes[node.outputs] = node.dtypes[0]
    items = []  # NodeCall-able nodes and Groups, in the order of the steps
    for node in steps:
        compute = _fusible(node, dtypes)
        if compute is None:
            items.append(node)
            continue
        last = items[-1] if items and isinstance(items[-1], Group) else None
        if last is None or last.shape != node.shapes[0]:
            last = Group()
            last.shape = node.shapes[0]
            items.append(last)
        last.nodes.append((node, compute))
        for a in node.args:
            if a.__class__ is Ref and a not in last.produced and a not in last.inputs:
                last.inputs.append(a)
        last.produced.add(node.outputs)
    # a group's outputs: its values that a later step reads, or that the branch ends with
    later = {}
    for index, item in enumerate(items):
        for r in _refs_of(item):
            later[r] = max(later.get(r, -1), index)
    final = set(template_refs(branch.outputs)) | getattr(branch, "live", set())
    if branch.read is not None:
        # the branches after the read (some not traced yet) may read any value made
        # here: every one is kept
        final.add(branch.read.ref)
        final.update(node.outputs for node in steps if node.outputs.__class__ is Ref)
    # a sum or mean (over every axis or some) right after a group, of a value nothing
    # else reads: the group's kernel accumulates it instead of storing it
    for index, item in enumerate(items[:-1]):
        if not isinstance(item, Group):
            continue
        node = items[index + 1]
        if isinstance(node, Group) or not _fused_reduction(node, item, dtypes):
            continue
        value = node.args[0]
        if value in final or later.get(value, -1) > index + 1 or \
                sum(1 for r in _refs_of(node) if r == value) != 1:
            continue
        item.reduce = node
        items[index + 1] = None
    plan = []
    for index, item in enumerate(items):
        if item is None:
            continue
        if not isinstance(item, Group):
            plan.append(NodeCall(item))
            continue
        item.outputs = [n.outputs for n, _ in item.nodes
                        if (n.outputs in final or later.get(n.outputs, -1) > index)
                        and (item.reduce is None or n.outputs != item.reduce.args[0])]
        worth = len(item.nodes) + (item.reduce is not None) >= MIN_FUSED
        kernel = generator(item, dtypes) if worth and (item.outputs or item.reduce) else None
        if kernel is None:
            plan.extend(NodeCall(n) for n, _ in item.nodes)
            if item.reduce is not None:
                plan.append(NodeCall(item.reduce))
            continue
        plan.append(FusedCall(item, kernel))
        if debug:
            import sys

            print(f"[bridge.compile] {item.describe()}\n{kernel.source}", file=sys.stderr)
    return plan


REDUCTIONS = ("sum", "mean")


def _fused_reduction(node, group, dtypes):
    """Whether ``node`` is a sum or mean of a float value the group makes, over every
    axis or over the axes an int or a tuple of ints names (the result in the value's own
    dtype)."""
    if node.name not in REDUCTIONS or len(node.args) != 1 or node.args[0].__class__ is not Ref:
        return False
    value = node.args[0]
    if value not in group.produced or dtypes.get(value) not in FLOATS:
        return False
    kwargs = dict(node.kwargs)
    axis = kwargs.pop("axis", None)
    if not (axis is None or axis.__class__ is int or
            (axis.__class__ is tuple and all(a.__class__ is int for a in axis))):
        return False
    if kwargs.pop("dtype", None) is not None:
        return False
    kwargs.pop("keepdims", None)
    return not kwargs and node.dtypes and node.dtypes[0] == dtypes[value]


def reduced_axes(node, ndim):
    """The sorted axes a fused reduction node sums over, for a value of ``ndim``
    dimensions (None when an axis is out of range or named twice: the node's own call
    raises the error)."""
    axis = node.kwargs.get("axis")
    if axis is None:
        return tuple(range(ndim))
    axes = (axis,) if axis.__class__ is int else axis
    out = []
    for a in axes:
        if not -ndim <= a < ndim:
            return None
        out.append(a % ndim)
    return tuple(sorted(out)) if len(set(out)) == len(out) else None


def _refs_of(item):
    nodes = [n for n, _ in item.nodes] if isinstance(item, Group) else [item]
    out = []
    for n in nodes:
        out.extend(template_refs(n.args))
        out.extend(template_refs(n.kwargs))
    return out


class FusedCall:
    """One generated kernel in place of a group's steps."""

    __slots__ = ("group", "kernel", "fallback")

    def __init__(self, group, kernel):
        self.group = group
        self.kernel = kernel
        self.fallback = [NodeCall(n) for n, _ in group.nodes]
        if group.reduce is not None:
            self.fallback.append(NodeCall(group.reduce))

    def __call__(self, env):
        tensors = [env[r] for r in self.group.inputs]
        outs = self.kernel(tensors)
        if outs is None:  # a layout or shape the kernel does not take: the steps
            for call in self.fallback:
                call(env)
            return
        reduce = self.group.reduce
        if reduce is not None:
            env[reduce.outputs] = outs.pop()
        for ref, t in zip(self.group.outputs, outs):
            env[ref] = t

    def describe(self):
        return self.group.describe()


__all__ = ["EXPRESSIONS", "plan_with_fusion", "FusedCall", "reduced_axes"]

"""The traces of one compiled function: guards, branches at graph breaks, replay.

A call's **guard key** holds what a trace assumed about the call before it ran: each
tensor argument's dtype, device, rank and whether it requires grad, its shape unless
shapes are dynamic, the value of every other argument (Python scalars, strings,
dtypes; other objects by identity), the backend selection and the grad mode. A key
leads to a tree of **branches**: a branch is a run of steps up to a ``Read`` (the value
user code took out of a tensor), with one child per value seen there; a leaf ends in
the function's outputs. Replay walks the tree; a value never seen is a miss, which
traces the function again and adds the new path.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ._trace import Read


@dataclass
class Branch:
    steps: list  # the Nodes up to the next Read (or the end)
    read: Read | None = None  # the Read that ends the branch (None: the outputs do)
    children: dict = field(default_factory=dict)
    outputs: object = None
    plan: object = None  # the executor's plan of ``steps`` (made on first replay)
    has_inplace: bool = False
    aot: object = None  # the ahead-of-time backward (_aot.Backward) of a trace without reads


def value_key(value):
    """A hashable stand-in for a value a trace read (equal values, equal keys; NaN
    equals NaN, -0.0 differs from 0.0 so a sign test is not confused)."""
    if isinstance(value, float):
        if math.isnan(value):
            return ("nan",)
        return ("f", value, math.copysign(1.0, value))
    if isinstance(value, complex):
        return ("c", value_key(value.real), value_key(value.imag))
    if isinstance(value, np.ndarray):
        return ("nd", value.dtype.str, value.shape, value.tobytes())
    if isinstance(value, np.generic):
        return ("np", value.dtype.str, value.tobytes())
    if isinstance(value, (list, tuple)):
        return (type(value).__name__,) + tuple(value_key(v) for v in value)
    try:
        hash(value)
    except TypeError:
        return ("repr", repr(value))
    return (type(value).__name__, value)


def insert(root: Branch | None, trace) -> Branch:
    """The tree ``root`` with ``trace``'s path added (a new tree when root is None)."""
    segments = []  # (steps, read)
    steps = []
    for step in trace.steps:
        if isinstance(step, Read):
            segments.append((steps, step))
            steps = []
        else:
            steps.append(step)
    segments.append((steps, None))

    def make(i):
        steps, read = segments[i]
        branch = Branch(steps, read, has_inplace=any(getattr(s, "inplace", False) for s in steps))
        if read is None:
            branch.outputs = trace.outputs
            branch.aot = getattr(trace, "aot", None)
        else:
            branch.children[value_key(read.value)] = make(i + 1)
        return branch

    if root is None:
        return make(0)
    branch = root
    for i, (_, read) in enumerate(segments):
        if read is None or branch.read is None:
            return root  # the same path, already there
        key = value_key(read.value)
        child = branch.children.get(key)
        if child is None:
            branch.children[key] = make(i + 1)
            return root
        branch = child
    return root


def count_paths(branch: Branch) -> int:
    if branch.read is None:
        return 1
    return sum(count_paths(c) for c in branch.children.values())

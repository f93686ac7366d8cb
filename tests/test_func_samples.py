"""bridge.func over the whole gradient sample database (every differentiable op of the
registry, tests/test_autograd_samples.py): vmap against a loop over the examples,
vmap(grad) against a loop of grad, and jacrev against jacfwd and against the
tape's own Jacobian (bridge.autograd.jacobian), on every backend."""

from __future__ import annotations

import os
import sys

import numpy as np
import pytest

import bridge
from bridge import func as F

sys.path.insert(0, os.path.dirname(__file__))
from test_autograd_samples import S, random_input  # noqa: E402

from .conftest import to_numpy  # noqa: E402

CASES = [(name, i) for name in sorted(S) for i in range(len(S[name]))]
BATCH = 3
# samples whose result shape depends on the values (x[x > 0]): vmap refuses them, as
# torch.func does
DATA_DEPENDENT = {("getitem", 2)}


def inputs(sample, batch=(), seed=0):
    rng = np.random.default_rng(seed)
    out = []
    for shape in sample.shapes:
        if batch:
            parts = [sample.make(rng, shape, np.float64) if sample.make is not None
                     else random_input(rng, shape, np.float64, sample.domain)
                     for _ in range(batch[0])]
            arr = np.stack(parts)
        elif sample.make is not None:
            arr = sample.make(rng, shape, np.float64)
        else:
            arr = random_input(rng, shape, np.float64, sample.domain)
        out.append(bridge.asarray(arr))
    return out


def leaves(x):
    if isinstance(x, (tuple, list)):
        return [leaf for item in x for leaf in leaves(item)]
    return [x]


def assert_close(got, want, what):
    got, want = leaves(got), leaves(want)
    assert len(got) == len(want), what
    for i, (g, w) in enumerate(zip(got, want)):
        g, w = to_numpy(g), to_numpy(w)
        assert g.shape == w.shape, f"{what}[{i}]: shape {g.shape}, expected {w.shape}"
        np.testing.assert_allclose(g, w, rtol=1e-7, atol=1e-9, err_msg=f"{what}[{i}]")


def function(sample):
    return lambda *xs: sample.fn(bridge, *xs)


def scalar(sample):
    def total(*xs):
        out = leaves(sample.fn(bridge, *xs))
        value = bridge.sum(bridge.real(out[0]) if out[0].dtype.kind == "c" else out[0])
        for o in out[1:]:
            value = value + bridge.sum(bridge.real(o) if o.dtype.kind == "c" else o)
        return value

    return total


def differentiable(sample):
    return tuple(i for i in range(len(sample.shapes)) if i not in sample.constant)


@pytest.mark.parametrize("name,index", CASES)
def test_vmap_matches_a_loop(backend, name, index):
    sample = S[name][index]
    xs = inputs(sample, (BATCH,))
    f = function(sample)
    if (name, index) in DATA_DEPENDENT:
        with pytest.raises(F.VmapError, match="depends on"):
            F.vmap(f)(*xs)
        return
    got = F.vmap(f)(*xs)
    per_example = [f(*[x[b] for x in xs]) for b in range(BATCH)]
    first = per_example[0]
    if isinstance(first, (tuple, list)):
        want = [bridge.stack([p[k] for p in per_example]) for k in range(len(first))]
    else:
        want = bridge.stack(per_example)
    assert_close(got, want, f"vmap({name})")


@pytest.mark.parametrize("name,index", CASES)
def test_vmap_of_grad_matches_a_loop(backend, name, index):
    sample = S[name][index]
    nums = differentiable(sample)
    if not nums:
        pytest.skip("no differentiable input")
    xs = inputs(sample, (BATCH,), seed=1)
    g = F.grad(scalar(sample), argnums=nums)
    if (name, index) in DATA_DEPENDENT:
        with pytest.raises(F.VmapError, match="depends on"):
            F.vmap(g)(*xs)
        return
    got = F.vmap(g)(*xs)
    want = [g(*[x[b] for x in xs]) for b in range(BATCH)]
    want = [bridge.stack([w[k] for w in want]) for k in range(len(nums))]
    assert_close(got, want, f"vmap(grad({name}))")


@pytest.mark.parametrize("name,index", CASES)
def test_jacrev_matches_jacfwd_and_the_tape(backend, name, index):
    sample = S[name][index]
    nums = differentiable(sample)
    if not nums:
        pytest.skip("no differentiable input")
    xs = inputs(sample, seed=2)
    f = function(sample)
    rev = F.jacrev(f, argnums=nums)(*xs)
    fwd = F.jacfwd(f, argnums=nums)(*xs)
    assert_close(rev, fwd, f"jacrev({name}) vs jacfwd")
    if len(nums) == len(xs):
        tape = bridge.autograd.jacobian(f, tuple(xs))
        out = f(*xs)
        if isinstance(out, (tuple, list)):
            tape = [list(row) for row in tape]
        else:
            tape = list(tape)
        assert_close(rev, tape, f"jacrev({name}) vs the tape's jacobian")

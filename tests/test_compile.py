"""bridge.compile: compiled equals eager (the sample database, random elementwise chains,
graph breaks, guards, dynamic shapes, autograd, random draws, in-place writes, threads),
and the debug output, the disk cache and the fallbacks. Every test runs on every
backend (numpy replays the graph; native generates C; cupy generates CUDA)."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bridge
from bridge._compile import CompileError, _codegen

from .conftest import run_threads, to_numpy
from .test_autograd_samples import S
from .test_func_samples import inputs


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("BRIDGE_COMPILE_CACHE", str(tmp_path_factory.getbasetemp() / "compile-cache"))


def same(got, want, exact=True):
    got, want = to_numpy(got), to_numpy(want)
    assert got.shape == want.shape and got.dtype == want.dtype
    if exact:
        np.testing.assert_array_equal(got, want)
    else:
        np.testing.assert_allclose(got, want, rtol=4e-15 if got.dtype == np.float64 else 2e-6,
                                   atol=1e-300)


def leaves(x):
    if isinstance(x, (tuple, list)):
        return [leaf for item in x for leaf in leaves(item)]
    return [x]


CASES = [(name, i) for name in sorted(S) for i in range(len(S[name]))]


@pytest.mark.parametrize("name,i", CASES, ids=[f"{n}-{i}" for n, i in CASES])
def test_sample_database(backend, name, i):
    """Every differentiable op of the registry, compiled, gives the eager result (twice:
    the trace and a replay)."""
    sample = S[name][i]
    args = inputs(sample)

    def fn(*xs):
        return sample.fn(bridge, *xs)

    want = fn(*args)
    compiled = bridge.compile(fn)
    for _ in range(2):
        got = compiled(*args)
        for g, w in zip(leaves(got), leaves(want)):
            np.testing.assert_allclose(to_numpy(g), to_numpy(w), rtol=1e-12, atol=1e-12)
    assert compiled.traces == 1


UNARY = ["exp", "sin", "cos", "tanh", "negative", "abs", "square", "sqrt", "log1p", "floor"]
BINARY = ["add", "subtract", "multiply", "divide", "maximum", "minimum"]
EXACT = {"negative", "abs", "square", "sqrt", "floor", "add", "subtract", "multiply", "divide",
         "maximum", "minimum", "where", "greater"}


@st.composite
def chains(draw):
    """A random elementwise program: (steps, input shapes, dtype)."""
    dtype = draw(st.sampled_from(["float32", "float64"]))
    shape = draw(st.sampled_from([(), (7,), (3, 5), (2, 1, 4)]))
    n_inputs = draw(st.integers(1, 3))
    shapes = [draw(st.sampled_from([shape, shape[1:], (1,) * len(shape)])) for _ in range(n_inputs)]
    steps = []
    for _ in range(draw(st.integers(1, 7))):
        kind = draw(st.sampled_from(["unary", "binary", "scalar", "where"]))
        n_values = n_inputs + len(steps)
        pick = st.integers(0, n_values - 1)
        if kind == "unary":
            steps.append(("unary", draw(st.sampled_from(UNARY)), draw(pick)))
        elif kind == "binary":
            steps.append(("binary", draw(st.sampled_from(BINARY)), draw(pick), draw(pick)))
        elif kind == "scalar":
            steps.append(("scalar", draw(st.sampled_from(BINARY)), draw(pick),
                          draw(st.sampled_from([2, 0.5, -1.25, 3.0]))))
        else:
            steps.append(("where", draw(pick), draw(pick), draw(pick)))
    return steps, shapes, dtype


def program(steps):
    def f(*xs):
        values = list(xs)
        for step in steps:
            if step[0] == "unary":
                values.append(getattr(bridge, step[1])(values[step[2]]))
            elif step[0] == "binary":
                values.append(getattr(bridge, step[1])(values[step[2]], values[step[3]]))
            elif step[0] == "scalar":
                values.append(getattr(bridge, step[1])(values[step[2]], step[3]))
            else:
                values.append(bridge.where(values[step[1]] > values[step[2]], values[step[2]],
                                           values[step[3]]))
        return values[-1], values[len(xs):]
    return f


@settings(max_examples=60, deadline=None)
@given(chains(), st.integers(0, 2**31 - 1))
def test_random_chains(backend, chain, seed):
    """Random elementwise programs (broadcasting, Python scalars, where, NaN from sqrt of
    negatives): compiled equals eager, bit for bit where the ops are exact."""
    steps, shapes, dtype = chain
    rng = np.random.default_rng(seed)
    xs = [bridge.asarray(rng.normal(size=s).astype(dtype)) for s in shapes]
    f = program(steps)
    want = f(*xs)
    compiled = bridge.compile(f)
    exact = all(s[1] in EXACT if s[0] != "where" else True for s in steps)
    for _ in range(2):
        got = compiled(*xs)
        for g, w in zip(leaves(got), leaves(want)):
            same(g, w, exact=exact)


@settings(max_examples=60, deadline=None)
@given(chains(), st.integers(0, 2**31 - 1), st.sampled_from(["sum", "mean"]), st.booleans())
def test_random_chains_ending_in_a_reduction(backend, chain, seed, name, keepdims):
    """Random elementwise programs ending in a sum or mean over every axis, one axis or
    a pair (accumulated inside the fused kernel): compiled equals eager within the
    rounding of a reordered sum (relative to the sum of magnitudes)."""
    steps, shapes, dtype = chain
    rng = np.random.default_rng(seed)
    xs = [bridge.asarray(rng.normal(size=s).astype(dtype)) for s in shapes]
    body = program(steps)
    ndim = to_numpy(body(*xs)[0]).ndim
    choices = [None] + list(range(-ndim, ndim)) + ([(0, ndim - 1)] if ndim > 1 else [])
    axis = choices[rng.integers(len(choices))]

    def f(*xs):
        last, _ = body(*xs)
        return getattr(bridge, name)(last, axis=axis, keepdims=keepdims)

    want = to_numpy(f(*xs))
    magnitude = np.sum(np.abs(to_numpy(body(*xs)[0])).astype(np.float64), axis=axis,
                       keepdims=keepdims)
    if name == "mean":
        magnitude = magnitude / max(1, to_numpy(body(*xs)[0]).size // max(1, want.size))
    compiled = bridge.compile(f)
    eps = np.finfo(dtype).eps
    for _ in range(2):
        got = to_numpy(compiled(*xs))
        assert got.shape == want.shape and got.dtype == want.dtype
        # (near the dtype's overflow a double accumulator may stay finite where eager's
        # single-precision sum overflowed: those elements are not compared)
        near = magnitude >= np.finfo(dtype).max / 16
        finite = np.isfinite(want) & ~near
        np.testing.assert_array_equal(np.isnan(got)[~near], np.isnan(want)[~near])
        other = ~finite & ~near & ~np.isnan(want)
        np.testing.assert_array_equal(got[other], want[other])
        assert np.all(np.abs(got[finite] - want[finite]) <= 16 * eps * magnitude[finite] + 1e-300)


def test_fuses_on_native_and_is_bitwise_for_arithmetic():
    with bridge.use_backend("native"):
        if _codegen.compiler() is None:
            pytest.skip("no C compiler on this machine")
        x = bridge.asarray(np.linspace(-3, 3, 200_001))
        y = bridge.asarray(np.linspace(1, 2, 200_001))

        def f(a, b):
            return bridge.maximum(a * b + 1.5, a / b) - bridge.where(a > 0, a, -b)

        compiled = bridge.compile(f)
        same(compiled(x, y), f(x, y))
        same(compiled(x, y), f(x, y))
        branch = next(iter(compiled._cache.values()))
        kinds = [type(c).__name__ for c in branch.plan[1]]
        assert kinds == ["FusedCall"], kinds
        # strided and broadcast inputs take the general loop
        same(compiled(x[::2], y[::2]), f(x[::2], y[::2]))
        m = bridge.reshape(bridge.arange(12.0), (3, 4))
        same(compiled(m, bridge.asarray([1.0, 2.0, 3.0, 4.0])), f(m, bridge.asarray([1.0, 2.0, 3.0, 4.0])))
        same(compiled(m.mT, bridge.asarray(2.0)), f(m.mT, bridge.asarray(2.0)))


def test_graph_break_branches(backend):
    calls = []

    def f(x):
        y = x * 2 + 1.0  # (fused on native: y is still there after the break)
        calls.append(1)
        if bridge.sum(y) > 0:
            return y + 1
        return y - 1

    compiled = bridge.compile(f)
    pos, neg = bridge.ones(3), -bridge.ones(3)
    for x in (pos, pos, neg, neg, pos):
        same(compiled(x), f(x))
    info = compiled.cache_info()
    assert info["traces"] == 2 and info["paths"] == 2 and info["keys"] == 1
    # Python side effects happen when tracing only (as with jax.jit)
    assert len(calls) == 2 + 5


def test_fullgraph_names_the_line(backend):
    def f(x):
        if float(bridge.sum(x)) > 0:  # the line the error names
            return x
        return -x

    with pytest.raises(CompileError, match=r"float\(\).*test_compile.py:\d+"):
        bridge.compile(f, fullgraph=True)(bridge.ones(2))


def test_guards_and_dynamic_shapes(backend):
    def f(x):
        return bridge.reshape(x, (x.shape[0], -1)) * 2

    static = bridge.compile(f, dynamic=False)
    for n in (2, 3, 2):
        x = bridge.ones((n, 2, 2))
        same(static(x), f(x))
    assert static.traces == 2
    # a new dtype is a new key
    same(static(bridge.ones((2, 2, 2), dtype=bridge.float32)), f(bridge.ones((2, 2, 2), dtype=bridge.float32)))
    assert static.traces == 3

    dynamic = bridge.compile(lambda x: bridge.exp(x) + x, dynamic=True)
    for n in (2, 5, 9):
        x = bridge.linspace(0, 1, n)
        same(dynamic(x), bridge.exp(x) + x, exact=False)
    assert dynamic.traces == 1

    auto = bridge.compile(lambda x: bridge.exp(x) + x)  # dynamic=None
    for n in (2, 5, 9, 11):
        x = bridge.linspace(0, 1, n)
        same(auto(x), bridge.exp(x) + x, exact=False)
    assert auto.traces == 2 and auto.cache_info()["dynamic"]

    # shapes the code reads are guards under dynamic shapes
    read = bridge.compile(f, dynamic=True)
    for n in (2, 3, 3):
        x = bridge.ones((n, 2, 2))
        same(read(x), f(x))
    assert read.traces == 2


def test_recompile_limit_runs_eagerly(backend, monkeypatch):
    monkeypatch.setattr("bridge._compile.CACHE_SIZE_LIMIT", 3)
    compiled = bridge.compile(lambda x, k: x * k, dynamic=False)
    with pytest.warns(RuntimeWarning, match="cache size limit"):
        for k in range(6):
            same(compiled(bridge.ones(2), k), bridge.ones(2) * k)
    assert compiled.traces == 3 and compiled.eager_calls >= 2


def test_fresh_tensors_and_in_place_writes(backend):
    def build(x):
        z = bridge.zeros(3)
        z[0] = x[1]
        return z + 1.0

    compiled = bridge.compile(build)
    a = compiled(bridge.asarray([1.0, 2.0, 3.0]))
    b = compiled(bridge.asarray([4.0, 5.0, 6.0]))
    assert to_numpy(a).tolist() == [3.0, 1.0, 1.0] and to_numpy(b).tolist() == [6.0, 1.0, 1.0]

    def bump(x):
        x += 1.0
        return x * 2

    inc = bridge.compile(bump)
    x = bridge.zeros(2)
    for k in range(1, 4):
        out = inc(x)
        assert to_numpy(x).tolist() == [float(k)] * 2 and to_numpy(out).tolist() == [2.0 * k] * 2


AXIS_CASES = [((300, 400), 1, False), ((300, 400), 0, False), ((30, 40, 50), (0, 2), True),
              ((30, 40, 50), 1, False), ((30, 40, 50), (1, 2), False), ((7, 1), 0, True),
              ((5, 6), -1, True), ((3, 4), (0, 1), False), ((2, 3, 4), (-3,), False)]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("shape,axis,keepdims", AXIS_CASES)
def test_fused_axis_reductions(backend, shape, axis, keepdims, dtype):
    """A sum or mean over some axes after an elementwise chain is accumulated in the
    chain's kernel too, with the chain's other results stored by the same loop; inputs
    broadcast (a column, a row) and strided (a transpose)."""
    rng = np.random.default_rng(5)
    a = bridge.asarray(rng.random(shape).astype(dtype))
    row = bridge.asarray(rng.random(shape[-1:]).astype(dtype))
    flipped = bridge.asarray(rng.random(shape[::-1]).astype(dtype))
    t = bridge.permute_dims(flipped, tuple(range(len(shape)))[::-1])

    def f(a, row, t):
        h = bridge.tanh(a - row) * t
        return h, bridge.sum(h * h + 1.0, axis=axis, keepdims=keepdims), \
            bridge.mean(bridge.exp(a) * row, axis=axis, keepdims=keepdims)

    compiled = bridge.compile(f)
    for _ in range(2):
        for g, w in zip(compiled(a, row, t), f(a, row, t)):
            g, w = to_numpy(g), to_numpy(w)
            assert g.shape == w.shape and g.dtype == w.dtype
            np.testing.assert_allclose(g, w, rtol=2e-5 if dtype == "float32" else 1e-12)
    if bridge.get_backend() == "native" and _codegen.compiler() is not None:
        plan = compiled._cache[next(iter(compiled._cache))].plan[1]
        assert [type(c).__name__ for c in plan] == ["FusedCall", "FusedCall"]


def test_fused_axis_reductions_edges(backend):
    """Empty inputs and bad axes give eager's results and errors."""
    f = bridge.compile(lambda x: bridge.sum(bridge.exp(x) * 2.0, axis=1))
    for shape in [(0, 3), (3, 0)]:
        for _ in range(2):
            same(f(bridge.zeros(shape)), bridge.sum(bridge.exp(bridge.zeros(shape)) * 2.0, axis=1))
    bad = bridge.compile(lambda x: bridge.mean(bridge.exp(x) - 1.0, axis=(0, 0)))
    with pytest.raises(ValueError):
        bridge.mean(bridge.exp(bridge.ones((2, 2))) - 1.0, axis=(0, 0))
    for _ in range(2):
        with pytest.raises(ValueError):
            bad(bridge.ones((2, 2)))


def test_random_draws_anew(backend):
    rng = bridge.random.default_rng(0)
    compiled = bridge.compile(lambda x: x + rng.standard_normal(x.shape))
    a, b = compiled(bridge.zeros(4)), compiled(bridge.zeros(4))
    assert not np.array_equal(to_numpy(a), to_numpy(b))


def test_non_fusing_ops_inside(backend):
    def f(a, w):
        h = bridge.tanh(a @ w + 1.0)
        return bridge.sum(h * h, axis=1), bridge.sort(h, axis=0)

    rng = np.random.default_rng(1)
    a, w = bridge.asarray(rng.normal(size=(8, 5))), bridge.asarray(rng.normal(size=(5, 3)))
    compiled = bridge.compile(f)
    for _ in range(2):
        for g, e in zip(compiled(a, w), f(a, w)):
            same(g, e, exact=False)


def test_autograd_through_a_compiled_function(backend):
    def loss(w, x):
        return bridge.sum(bridge.tanh(x @ w) ** 2)

    rng = np.random.default_rng(2)
    x = bridge.asarray(rng.normal(size=(6, 4)))
    compiled = bridge.compile(loss)
    for _ in range(2):
        w1 = bridge.asarray(rng.normal(size=(4, 2)), requires_grad=True)
        w2 = bridge.asarray(to_numpy(w1), requires_grad=True)
        compiled(w1, x).backward()
        loss(w2, x).backward()
        same(w1.grad, w2.grad, exact=False)


def test_threads(backend):
    compiled = bridge.compile(lambda x, y: bridge.exp(x) * y - x)
    name = bridge.get_backend()  # the backend is per thread: each one enters the test's

    def work(seed):
        rng = np.random.default_rng(seed)
        with bridge.use_backend(name):
            for _ in range(20):
                x = bridge.asarray(rng.normal(size=50))
                y = bridge.asarray(rng.normal(size=50))
                got = to_numpy(compiled(x, y))
                # a fused kernel may round exp(x) * y - x once (a fused multiply-add)
                # and take exp from the vector math library: a few ulp of the terms,
                # not of the difference, which cancels
                e, xs = to_numpy(bridge.exp(x) * y), to_numpy(x)
                want = e - xs
                assert got.dtype == want.dtype and got.shape == want.shape
                bound = 1e-14 * (np.abs(e) + np.abs(xs))
                assert np.all(np.abs(got - want) <= bound), np.max(np.abs(got - want) / bound)

    run_threads(work)


def test_debug_output(backend, capsys):
    compiled = bridge.compile(lambda x: bridge.sin(x) * 2 + x, mode="debug")
    compiled(bridge.ones(4))
    compiled(bridge.ones(4))
    err = capsys.readouterr().err
    assert "trace #1" in err and "guards:" in err and "sin(%in0)" in err and "outputs: %" in err
    if bridge.get_backend() == "native" and _codegen.compiler() is not None:
        assert "bridge_fused" in err  # the generated source


def test_transforms_and_nesting(backend):
    inner = bridge.compile(lambda x: bridge.sin(x) * x)
    outer = bridge.compile(lambda x: inner(x) + 1.0)
    x = bridge.linspace(0, 1, 5)
    same(outer(x), bridge.sin(x) * x + 1.0, exact=False)
    batched = bridge.func.vmap(inner)(bridge.reshape(bridge.linspace(0, 1, 6), (2, 3)))
    same(batched, bridge.sin(bridge.reshape(bridge.linspace(0, 1, 6), (2, 3))) *
         bridge.reshape(bridge.linspace(0, 1, 6), (2, 3)), exact=False)
    g = bridge.func.grad(lambda x: bridge.sum(inner(x)))(x)
    same(g, bridge.cos(x) * x + bridge.sin(x), exact=False)


def test_bad_arguments():
    with pytest.raises(ValueError, match="backend"):
        bridge.compile(lambda x: x, backend="gcc")
    with pytest.raises(ValueError, match="mode"):
        bridge.compile(lambda x: x, mode="fast")
    with pytest.raises(TypeError, match="callable"):
        bridge.compile(3)
    with pytest.raises(TypeError, match="dynamic"):
        bridge.compile(lambda x: x, dynamic="yes")
    decorated = bridge.compile(fullgraph=True)(lambda x: x + 1)
    assert to_numpy(decorated(bridge.ones(1))).tolist() == [2.0]


def test_untraceable_runs_eagerly(backend):
    def f(x):
        y = x * 2
        y.backward(bridge.ones_like(y)) if y.requires_grad else None
        return y + np.float64(1.0)

    x = bridge.ones(3, requires_grad=True)
    with pytest.warns(RuntimeWarning, match="runs eagerly"):
        out = bridge.compile(f)(x)
    same(out, x * 2 + 1.0)


def test_no_compiler_falls_back(monkeypatch):
    with bridge.use_backend("native"):
        monkeypatch.setenv("CC", "no-such-compiler-here")
        monkeypatch.setattr(_codegen, "_WARNED", set())
        compiled = bridge.compile(lambda x: bridge.exp(x) * 2 + x)
        x = bridge.linspace(0, 1, 10)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            compiled(x)
            same(compiled(x), bridge.exp(x) * 2 + x)
        assert any("no C compiler" in str(w.message) for w in caught)


def test_disk_cache_serves_a_new_process(tmp_path):
    if _codegen.compiler() is None:
        pytest.skip("no C compiler on this machine")
    code = (
        "import bridge, bridge._compile._codegen as cg\n"
        "bridge.set_backend('native')\n"
        "f = bridge.compile(lambda a, b: bridge.exp(a) * b + a)\n"
        "x = bridge.linspace(0, 1, 100)\n"
        "f(x, x); f(x, x)\n"
        "import subprocess\n"
        "print(len(cg._LOADED), sum(1 for _ in __import__('os').scandir(cg.cache_dir())))\n"
    )
    env = dict(os.environ, BRIDGE_COMPILE_CACHE=str(tmp_path))
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    files = {p.name for p in tmp_path.iterdir()}
    assert any(name.endswith(".so") for name in files), (first.stdout, first.stderr)
    mtimes = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == mtimes  # not rebuilt


def train_side_by_side(compiled, eager_fn, start, data, *, steps, lr, rtol, atol):
    """SGD steps of a compiled loss and of its eager function from the same starting
    parameters: losses and gradients agree at every step as the parameters change."""
    ours = [bridge.asarray(p, requires_grad=True) for p in start]
    eager = [bridge.asarray(p, requires_grad=True) for p in start]
    for _ in range(steps):
        losses = []
        for params, fn in ((ours, compiled), (eager, eager_fn)):
            for p in params:
                p.grad = None
            loss = fn(*params, *data)
            loss.backward()
            losses.append(to_numpy(loss))
        np.testing.assert_allclose(losses[0], losses[1], rtol=rtol, atol=atol)
        for a, b in zip(ours, eager):
            np.testing.assert_allclose(to_numpy(a.grad), to_numpy(b.grad), rtol=rtol, atol=atol)
        with bridge.no_grad():
            for params in (ours, eager):
                for p in params:
                    p -= lr * p.grad


@pytest.mark.parametrize("mode", [None, "reduce-overhead"])
def test_training_loop_compiles_forward_and_backward(backend, mode):
    """A whole training step: the forward and backward graphs are traced together and
    both run compiled (fused where the backend generates code); gradients equal eager
    ones step after step as the parameters change. With mode="reduce-overhead" each
    half is one CUDA graph on the GPU (the parameters, updated in place, are read where
    they are; the other inputs are copied in)."""
    rng = np.random.default_rng(3)
    x = bridge.asarray(rng.normal(size=(16, 8)).astype(np.float32))
    y = bridge.asarray(rng.normal(size=(16, 3)).astype(np.float32))
    shapes = ((8, 5), (5,), (5, 3), (3,))
    start = [rng.normal(size=s).astype(np.float32) * 0.3 for s in shapes]

    def loss(w1, b1, w2, b2, x, y):
        h = bridge.tanh(x @ w1 + b1)
        return bridge.mean((h @ w2 + b2 - y) ** 2)

    compiled = bridge.compile(loss, mode=mode)
    train_side_by_side(compiled, loss, start, (x, y), steps=5, lr=0.1, rtol=2e-5, atol=1e-6)
    assert compiled.traces == 1
    branch = next(iter(compiled._cache.values()))
    assert branch.aot is not None
    if bridge.get_backend() == "native" and _codegen.compiler() is not None:
        for part in (branch.aot.forward, branch.aot.backward):
            assert any(type(c).__name__ == "FusedCall" for c in part.plan[1])


def _conv_net(k, b, w, x, y):
    """A small CNN: 3x3 convolution as im2col + matmul, ReLU, mean pooling, a linear
    layer, a squared error."""
    n, c, hgt, wid = x.shape
    oh, ow = hgt - 2, wid - 2
    patches = bridge.stack([x[:, :, i:i + oh, j:j + ow] for i in range(3) for j in range(3)],
                           axis=2)  # n, c, 9, oh, ow
    cols = bridge.reshape(bridge.permute_dims(patches, (0, 3, 4, 1, 2)), (n * oh * ow, c * 9))
    out = bridge.maximum(cols @ bridge.reshape(k, (k.shape[0], c * 9)).mT + b, 0.0)
    pooled = bridge.mean(bridge.reshape(out, (n, oh * ow, k.shape[0])), axis=1)
    return bridge.mean((pooled @ w - y) ** 2)


def _rnn(wx, wh, b, wo, xs, y):
    """An RNN cell unrolled over the time axis of ``xs``, its last state read out."""
    h = bridge.zeros((xs.shape[1], wh.shape[0]), dtype=xs.dtype)
    for t in range(xs.shape[0]):
        h = bridge.tanh(xs[t] @ wx + h @ wh + b)
    return bridge.mean((h @ wo - y) ** 2)


@pytest.mark.parametrize("mode", [None, "reduce-overhead"])
@pytest.mark.parametrize("model", ["cnn", "rnn"])
def test_training_loops_cnn_and_rnn(backend, model, mode):
    """Training loops of a small CNN (convolution as matmul) and an RNN cell: compiled
    gradients equal eager ones step after step as the parameters change."""
    rng = np.random.default_rng(11)
    if model == "cnn":
        fn = _conv_net
        shapes = ((4, 2, 3, 3), (4,), (4, 3))
        data = (rng.normal(size=(5, 2, 7, 6)), rng.normal(size=(5, 3)))
    else:
        fn = _rnn
        shapes = ((3, 6), (6, 6), (6,), (6, 2))
        data = (rng.normal(size=(5, 4, 3)), rng.normal(size=(4, 2)))
    start = [rng.normal(size=s) * 0.4 for s in shapes]
    x, y = (bridge.asarray(d) for d in data)
    compiled = bridge.compile(fn, mode=mode)
    train_side_by_side(compiled, fn, start, (x, y), steps=4, lr=0.2, rtol=1e-10, atol=1e-13)
    assert compiled.traces == 1


def test_reduce_overhead(backend):
    """mode="reduce-overhead" gives the default mode's results: a new input tensor each
    call (copied into the graph's buffer), a parameter changed in place between calls
    (read where it is), results handed out earlier that never change afterwards, and a
    new shape (recorded anew). On the GPU the branch replays as one CUDA graph (no
    matmul here: CuPy refuses cuBLAS calls while a stream captures, and such a graph
    runs without a CUDA graph, warned, as the training-loop tests show)."""
    rng = np.random.default_rng(8)

    def f(a, w):
        h = bridge.maximum(a * w + 1.0, 0.0)
        return bridge.sum(h * h, axis=1), bridge.matrix_transpose(h) * 2.0 - 1.0, w

    compiled = bridge.compile(f, mode="reduce-overhead")
    w = bridge.asarray(rng.normal(size=(5,)))
    kept = []
    for rows in (8, 8, 8, 8, 12, 12, 12):
        a = bridge.asarray(rng.normal(size=(rows, 5)))
        got, want = compiled(a, w), f(a, w)
        for g, e in zip(got, want):
            same(g, e, exact=False)
        assert got[2] is w  # an input handed back is the input itself
        kept.append((got, [to_numpy(e).copy() for e in want]))
        w += 0.25
    for got, want in kept:
        for g, e in zip(got[:2], want[:2]):
            np.testing.assert_allclose(to_numpy(g), e, rtol=4e-15, atol=1e-300)
    if bridge.get_backend() == "cupy":
        graphs = [b.graphs for b in compiled._cache.values() if hasattr(b, "graphs")]
        assert graphs and all(g.graph is not None and not g.off for g in graphs)


def test_reduce_overhead_keeps_breaks_and_draws_plain(backend):
    """Graph breaks and random draws are not recorded into a CUDA graph: they run as in
    the default mode (a draw differs from call to call)."""
    rng = bridge.random.default_rng(0)
    draws = bridge.compile(lambda x: x + rng.standard_normal(x.shape), mode="reduce-overhead")
    values = [to_numpy(draws(bridge.zeros(4))) for _ in range(4)]
    assert not any(np.array_equal(values[0], v) for v in values[1:])

    def broken(x):
        y = bridge.exp(x)
        if float(bridge.sum(y)) > 3.0:
            return y * 2.0
        return y - 1.0

    compiled = bridge.compile(broken, mode="reduce-overhead")
    for value in (0.0, 1.0, 0.0, 1.0, 1.0):
        x = bridge.full((2,), value)
        same(compiled(x), broken(x), exact=False)


def test_compiled_backward_retains_and_differentiates_twice(backend):
    f = bridge.compile(lambda x: bridge.sum(bridge.sin(x) * x))
    x = bridge.asarray([0.3, -1.2, 2.0], requires_grad=True)
    f(x)  # the trace
    out = f(x)
    (g,) = bridge.autograd.grad(out, [x], create_graph=True, retain_graph=True)
    want = bridge.cos(x) * x + bridge.sin(x)
    same(g, want, exact=False)
    (h,) = bridge.autograd.grad(bridge.sum(g), [x])
    same(h, 2 * bridge.cos(x) - x * bridge.sin(x), exact=False)


def test_fused_reductions(backend):
    """A full sum or mean after an elementwise chain is accumulated in the chain's
    kernel (in double: within rounding of eager's pairwise sum)."""
    rng = np.random.default_rng(4)
    a = bridge.asarray(rng.random(100_003))
    b = bridge.asarray(rng.random(100_003))

    def f(a, b):
        return bridge.sum((a - b) ** 2), bridge.mean(bridge.exp(a) * b, keepdims=True)

    compiled = bridge.compile(f)
    for _ in range(2):
        for g, w in zip(compiled(a, b), f(a, b)):
            assert g.shape == w.shape and g.dtype == w.dtype
            np.testing.assert_allclose(to_numpy(g), to_numpy(w), rtol=1e-12)
    empty = bridge.zeros((0, 3))
    for _ in range(2):
        s, m = compiled(empty, empty)
        assert float(s) == 0.0 and m.shape == (1, 1) and np.isnan(to_numpy(m)).all()
    if bridge.get_backend() == "native" and _codegen.compiler() is not None:
        plan = compiled._cache[next(iter(compiled._cache))].plan[1]
        assert [type(c).__name__ for c in plan] == ["FusedCall", "FusedCall"]

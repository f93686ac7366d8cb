"""Autograd semantics: the tensor API, the engine's rules (broadcasting, dtypes, complex
convention), version counters, retain_graph, hooks, anomaly mode, the functional API,
custom Functions, and memory."""

from __future__ import annotations

import gc
import math
import tracemalloc

import numpy as np
import pytest

import bridge
from bridge.autograd import (
    RULES,
    Function,
    GradcheckError,
    MissingRuleError,
    Rule,
    gradcheck,
    gradgradcheck,
)


def to_numpy(x):
    return np.asarray(x.to_device("cpu"))


def leaf(values, dtype=None):
    return bridge.asarray(values, dtype=dtype, requires_grad=True)


# ------------------------------------------------------------------ tensor API


def test_requires_grad_keyword_and_flags(backend):
    x = bridge.ones((2, 3), requires_grad=True)
    assert x.requires_grad and x.is_leaf and x.grad is None and x.grad_fn is None
    y = bridge.zeros((2,))
    assert not y.requires_grad and y.is_leaf
    assert y.requires_grad_() is y and y.requires_grad
    z = x * 2
    assert z.requires_grad and not z.is_leaf and z.grad_fn is not None
    assert "multiply" in repr(z.grad_fn)
    for make in (lambda: bridge.arange(3.0, requires_grad=True),
                 lambda: bridge.linspace(0, 1, 4, requires_grad=True),
                 lambda: bridge.eye(2, requires_grad=True),
                 lambda: bridge.full((2,), 1.5, requires_grad=True),
                 lambda: bridge.empty((2,), requires_grad=True),
                 lambda: bridge.zeros_like(x, requires_grad=True),
                 lambda: bridge.ones_like(x, requires_grad=True),
                 lambda: bridge.empty_like(x, requires_grad=True),
                 lambda: bridge.full_like(x, 2.0, requires_grad=True)):
        assert make().requires_grad


@pytest.mark.parametrize("dtype", ["int64", "int8", "uint8", "bool"])
def test_requires_grad_refuses_integer_and_bool(backend, dtype):
    with pytest.raises(TypeError, match="requires_grad"):
        bridge.zeros((2,), dtype=getattr(bridge, dtype), requires_grad=True)
    t = bridge.zeros((2,), dtype=getattr(bridge, dtype))
    with pytest.raises(TypeError, match="floating-point"):
        t.requires_grad_()
    with pytest.raises(TypeError):
        bridge.arange(3, requires_grad=True)


def test_backward_accumulates_and_matches_numpy(backend):
    x = leaf([1.0, 2.0, 3.0])
    (bridge.sum(x * x)).backward()
    np.testing.assert_allclose(to_numpy(x.grad), [2.0, 4.0, 6.0])
    (bridge.sum(x * x)).backward()
    np.testing.assert_allclose(to_numpy(x.grad), [4.0, 8.0, 12.0])


def test_backward_needs_gradient_for_non_scalar(backend):
    x = leaf([1.0, 2.0])
    with pytest.raises(RuntimeError, match="only for outputs of one element"):
        (x * 2).backward()
    (x * 2).backward(bridge.asarray([1.0, 10.0]))
    np.testing.assert_allclose(to_numpy(x.grad), [2.0, 20.0])
    with pytest.raises(ValueError, match="shape"):
        (x * 2).backward(bridge.ones((3,)))


def test_backward_without_grad_raises(backend):
    with pytest.raises(RuntimeError, match="does not require grad"):
        bridge.sum(bridge.ones((2,))).backward()


def test_detach_and_no_grad(backend):
    x = leaf([1.0, 2.0])
    d = x.detach()
    assert not d.requires_grad and d.is_leaf
    with bridge.no_grad():
        y = x * 2
        with bridge.enable_grad():
            z = x * 2
    assert not y.requires_grad and y.grad_fn is None
    assert z.requires_grad
    bridge.set_grad_enabled(False)
    try:
        assert not (x * 3).requires_grad
    finally:
        bridge.set_grad_enabled(True)
    with bridge.set_grad_enabled(False):
        assert not (x * 3).requires_grad
    assert (x * 3).requires_grad

    @bridge.no_grad()
    def double(t):
        return t * 2

    assert not double(x).requires_grad


def test_non_differentiable_outputs_carry_no_graph(backend):
    x = leaf([1.0, -2.0, 3.0])
    for out in (x > 0, bridge.argmax(x), bridge.isnan(x), bridge.argsort(x),
                bridge.astype(x, bridge.int64), bridge.nonzero(x)[0], x == x):
        assert not out.requires_grad and out.grad_fn is None


def test_piecewise_constant_functions_give_zero_gradients(backend):
    x = leaf([0.3, 1.7, -2.2])
    for f in (bridge.floor, bridge.ceil, bridge.round, bridge.trunc, bridge.sign):
        (g,) = bridge.autograd.grad(bridge.sum(f(x)), x)
        np.testing.assert_array_equal(to_numpy(g), 0.0)


def test_missing_rule_raises_when_recorded(backend, monkeypatch):
    monkeypatch.delitem(RULES, "sin")
    x = leaf([1.0])
    with pytest.raises(MissingRuleError, match="'sin'"):
        bridge.sin(x)
    with bridge.no_grad():
        bridge.sin(x)  # fine without a graph


# ------------------------------------------------------------------ engine semantics


def test_broadcasting_is_undone(backend):
    a = leaf(np.ones((2, 3)))
    b = leaf(np.ones((3,)))
    c = leaf(np.ones((2, 1)))
    bridge.sum(a * b * c * 2).backward()
    assert a.grad.shape == (2, 3) and b.grad.shape == (3,) and c.grad.shape == (2, 1)
    np.testing.assert_allclose(to_numpy(b.grad), [4.0, 4.0, 4.0])
    np.testing.assert_allclose(to_numpy(c.grad), [[6.0], [6.0]])


def test_gradient_dtype_equals_input_dtype(backend):
    a = leaf(np.ones(3), dtype=bridge.float32)
    b = leaf(np.ones(3), dtype=bridge.float64)
    bridge.sum(a * b).backward()
    assert a.grad.dtype == bridge.float32 and b.grad.dtype == bridge.float64
    r = leaf([1.0, 2.0])
    z = bridge.astype(r, bridge.complex128) * (1 + 2j)
    bridge.sum(bridge.abs(z) ** 2).backward()
    assert r.grad.dtype == bridge.float64  # a real input gets a real gradient
    np.testing.assert_allclose(to_numpy(r.grad), 2 * 5 * np.array([1.0, 2.0]))


@pytest.mark.parametrize("case", ["abs2", "real", "imag", "angle"])
def test_complex_convention_matches_worked_examples(backend, case):
    """z.grad = dL/dx + i dL/dy (PyTorch's convention), as docs/autograd.md works out."""
    z0 = np.array([3.0 + 4.0j, -1.0 + 0.5j])
    z = leaf(z0)
    if case == "abs2":
        loss = bridge.sum(bridge.abs(z) ** 2)
        expected = 2 * z0
    elif case == "real":
        loss = bridge.sum(bridge.real(z))
        expected = np.ones(2, dtype=complex)
    elif case == "imag":
        loss = bridge.sum(bridge.imag(z))
        expected = 1j * np.ones(2)
    else:
        loss = bridge.sum(bridge.atan2(bridge.imag(z), bridge.real(z)))
        expected = 1j * z0 / np.abs(z0) ** 2  # angle: (-y + i x)/|z|^2
    loss.backward()
    np.testing.assert_allclose(to_numpy(z.grad), expected)


def test_grad_of_complex_output_needs_grad_outputs(backend):
    z = leaf([1.0 + 1.0j])
    with pytest.raises(RuntimeError, match="complex"):
        bridge.autograd.grad(bridge.sum(z * z), z)


def test_subgradient_policy(backend):
    x = leaf([0.0, 1.0, -1.0])
    (g,) = bridge.autograd.grad(bridge.sum(bridge.abs(x)), x)
    np.testing.assert_allclose(to_numpy(g), [0.0, 1.0, -1.0])
    y = leaf([2.0, 2.0, 1.0])
    (g,) = bridge.autograd.grad(bridge.max(y), y)
    np.testing.assert_allclose(to_numpy(g), [0.5, 0.5, 0.0])
    a, b = leaf([1.0, 2.0]), leaf([1.0, 3.0])
    ga, gb = bridge.autograd.grad(bridge.sum(bridge.maximum(a, b)), (a, b))
    np.testing.assert_allclose(to_numpy(ga), [0.5, 0.0])
    np.testing.assert_allclose(to_numpy(gb), [0.5, 1.0])
    s = leaf([3.0, 1.0, 3.0])
    (g,) = bridge.autograd.grad(bridge.sort(s)[2] * 1.0, s)
    np.testing.assert_allclose(to_numpy(g), [0.5, 0.0, 0.5])
    v = leaf([0.0, 0.0])
    (g,) = bridge.autograd.grad(bridge.linalg.vector_norm(v), v)
    np.testing.assert_array_equal(to_numpy(g), [0.0, 0.0])


def test_where_nan_trap_and_fix(backend):
    x = leaf([-1.0, 4.0])
    # the trap: the untaken branch's gradient is 0 * inf = NaN
    (g,) = bridge.autograd.grad(bridge.sum(bridge.where(x > 0, bridge.sqrt(x), 0.0)), x)
    assert math.isnan(to_numpy(g)[0])
    # the fix: make the untaken branch's input safe too
    safe = bridge.where(x > 0, x, 1.0)
    (g,) = bridge.autograd.grad(bridge.sum(bridge.where(x > 0, bridge.sqrt(safe), 0.0)), x)
    np.testing.assert_allclose(to_numpy(g), [0.0, 0.25])


# ------------------------------------------------------------------ in place and versions


def test_inplace_on_saved_tensor_raises_at_backward(backend):
    x = leaf([1.0, 2.0])
    y = x * 1.0
    z = y * y  # saves y
    y += 1.0
    with pytest.raises(RuntimeError, match=r"'multiply'.*version 1.*version 0"):
        bridge.sum(z).backward()


def test_setitem_on_saved_tensor_raises(backend):
    x = leaf([1.0, 2.0])
    y = bridge.exp(x)  # saves its output
    y[0] = 5.0
    with pytest.raises(RuntimeError, match="'exp'"):
        bridge.sum(y).backward()


def test_inplace_on_plain_saved_input_raises(backend):
    w = leaf([1.0, 2.0])
    data = bridge.asarray([3.0, 4.0])
    loss = bridge.sum(w * data)
    data *= 2.0
    with pytest.raises(RuntimeError, match="modified by an in-place operation"):
        loss.backward()


def test_inplace_on_leaf_requiring_grad_raises(backend):
    x = leaf([1.0, 2.0])
    with pytest.raises(RuntimeError, match="leaf tensor that requires grad"):
        x += 1.0
    with pytest.raises(RuntimeError, match="leaf tensor that requires grad"):
        x[0] = 3.0
    np.testing.assert_array_equal(to_numpy(x), [1.0, 2.0])  # refused before writing
    with bridge.no_grad():
        x -= 0.5  # an optimiser step
    np.testing.assert_array_equal(to_numpy(x), [0.5, 1.5])
    assert x.is_leaf and x.requires_grad


def test_inplace_operators_are_differentiated(backend):
    x = leaf([1.0, 2.0, 3.0])
    y = x * 2.0
    y += x * x   # y = 2x + x^2 (add saves nothing, so y may change afterwards)
    y[1] = x[0] * 10.0
    y *= 3.0
    bridge.sum(y).backward()
    np.testing.assert_allclose(to_numpy(x.grad), 3 * np.array([2 + 2 * 1.0 + 10.0, 0.0,
                                                               2 + 2 * 3.0]))


def test_setitem_value_receives_gradient(backend):
    v = leaf([5.0, 6.0])
    buf = bridge.zeros((3,))
    buf[1:] = v * 2
    bridge.sum(buf * bridge.asarray([1.0, 2.0, 3.0])).backward()
    np.testing.assert_allclose(to_numpy(v.grad), [4.0, 6.0])


def test_second_backward_without_retain_graph_raises(backend):
    x = leaf([1.0, 2.0])
    y = bridge.sum(bridge.tanh(x))
    y.backward()
    with pytest.raises(RuntimeError, match="retain_graph=True"):
        y.backward()
    z = bridge.sum(bridge.tanh(x))
    z.backward(retain_graph=True)
    z.backward()
    np.testing.assert_allclose(to_numpy(x.grad), 3 * (1 - np.tanh([1.0, 2.0]) ** 2))


# ------------------------------------------------------------------ hooks, retain_grad, anomaly


def test_hooks_and_retain_grad(backend):
    x = leaf([1.0, 2.0])
    seen = []
    handle = x.register_hook(lambda g: seen.append(to_numpy(g)) or g * 10)
    y = x * 3
    y.retain_grad()
    y.register_hook(lambda g: g + 1)
    bridge.sum(y * y).backward()
    np.testing.assert_allclose(to_numpy(y.grad), 2 * 3 * np.array([1.0, 2.0]) + 1)
    np.testing.assert_allclose(to_numpy(x.grad), 10 * 3 * (6 * np.array([1.0, 2.0]) + 1))
    assert len(seen) == 1
    handle.remove()
    x.grad = None
    bridge.sum(x).backward()
    np.testing.assert_allclose(to_numpy(x.grad), [1.0, 1.0])
    assert len(seen) == 1


def test_anomaly_mode_names_the_op(backend):
    x = leaf([0.0, 1.0])
    with bridge.autograd.detect_anomaly():
        y = bridge.sum(bridge.sqrt(x) * 0.0)
        with pytest.raises(RuntimeError, match="'sqrt'.*NaN"):
            y.backward()


# ------------------------------------------------------------------ functional API


def test_grad_create_graph_gives_second_derivatives(backend):
    x = leaf([0.5, 1.5])
    (g,) = bridge.autograd.grad(bridge.sum(x ** 3), x, create_graph=True)
    (gg,) = bridge.autograd.grad(bridge.sum(g), x)
    np.testing.assert_allclose(to_numpy(gg), 6 * np.array([0.5, 1.5]))
    y = leaf([2.0])
    bridge.sum(bridge.sin(y)).backward(create_graph=True)
    gy = y.grad
    y.grad = None
    bridge.sum(gy).backward()
    np.testing.assert_allclose(to_numpy(y.grad), -np.sin([2.0]))


def test_grad_unused_inputs(backend):
    a, b = leaf([1.0]), leaf([2.0])
    with pytest.raises(RuntimeError, match="allow_unused"):
        bridge.autograd.grad(bridge.sum(a * 2), (a, b))
    ga, gb = bridge.autograd.grad(bridge.sum(a * 2), (a, b), allow_unused=True)
    assert gb is None
    ga, gb = bridge.autograd.grad(bridge.sum(a * 2), (a, b), materialize_grads=True)
    np.testing.assert_array_equal(to_numpy(gb), [0.0])
    assert a.grad is None  # functional grad does not accumulate


def test_grad_with_respect_to_intermediate(backend):
    x = leaf([1.0, 2.0])
    h = x * 3
    y = bridge.sum(h * h)
    (gh,) = bridge.autograd.grad(y, h)
    np.testing.assert_allclose(to_numpy(gh), 2 * 3 * np.array([1.0, 2.0]))


def test_vjp_jvp_value_and_grad(backend):
    x = bridge.asarray([0.3, -0.7, 1.1])

    def f(t):
        return bridge.sin(t) * t

    out, vjp_fn = bridge.autograd.vjp(f, x)
    v = bridge.asarray([1.0, 2.0, 3.0])
    (ct,) = vjp_fn(v)
    xn = to_numpy(x)
    deriv = np.cos(xn) * xn + np.sin(xn)
    np.testing.assert_allclose(to_numpy(ct), deriv * [1, 2, 3])
    (ct2,) = vjp_fn(v)  # callable twice
    np.testing.assert_allclose(to_numpy(ct2), to_numpy(ct))
    value, tangent = bridge.autograd.jvp(f, (x,), (v,))
    np.testing.assert_allclose(to_numpy(value), np.sin(xn) * xn)
    np.testing.assert_allclose(to_numpy(tangent), deriv * [1, 2, 3])
    value, g = bridge.autograd.value_and_grad(lambda t: bridge.sum(f(t)))(x)
    np.testing.assert_allclose(to_numpy(g), deriv)
    assert not value.requires_grad
    (value, aux), (g0, g1) = bridge.autograd.value_and_grad(
        lambda a, b: (bridge.sum(a * b), "aux"), argnums=(0, 1), has_aux=True)(x, v)
    assert aux == "aux"
    np.testing.assert_allclose(to_numpy(g0), to_numpy(v))


def test_jacobian_forward_and_reverse_agree(backend):
    x = bridge.asarray([0.2, 0.4, -0.3])
    a = bridge.asarray([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]])

    def f(t):
        return bridge.tanh(a @ t)

    jr = bridge.autograd.jacobian(f, x)
    jf = bridge.autograd.jacobian(f, x, mode="forward")
    assert jr.shape == (2, 3)
    expected = (1 - np.tanh(to_numpy(a) @ to_numpy(x)) ** 2)[:, None] * to_numpy(a)
    np.testing.assert_allclose(to_numpy(jr), expected)
    np.testing.assert_allclose(to_numpy(jf), expected)
    with pytest.raises(ValueError, match="mode"):
        bridge.autograd.jacobian(f, x, mode="sideways")


def test_jacobian_of_holomorphic_function(backend):
    z = bridge.asarray([1.0 + 2.0j, -0.5 + 0.1j])
    jr = bridge.autograd.jacobian(lambda t: t * t, z)
    jf = bridge.autograd.jacobian(lambda t: t * t, z, mode="forward")
    np.testing.assert_allclose(to_numpy(jr), np.diag(2 * to_numpy(z)))
    np.testing.assert_allclose(to_numpy(jf), np.diag(2 * to_numpy(z)))


def test_hessian_and_hvp(backend):
    x = bridge.asarray([0.5, -1.0, 2.0])

    def f(t):
        return bridge.sum(t ** 3) + bridge.sum(t[:-1] * t[1:])

    h = bridge.autograd.hessian(f, x)
    xn = to_numpy(x)
    expected = np.diag(6 * xn) + np.diag([1.0, 1.0], 1) + np.diag([1.0, 1.0], -1)
    np.testing.assert_allclose(to_numpy(h), expected)
    v = bridge.asarray([1.0, 0.0, -2.0])
    value, hv = bridge.autograd.hvp(f, x, v)
    np.testing.assert_allclose(to_numpy(hv), expected @ to_numpy(v))
    np.testing.assert_allclose(float(value), float(f(x)))


def test_forward_mode_through_mlp_matches_reverse(backend):
    rng = np.random.default_rng(0)
    w = bridge.asarray(rng.standard_normal((4, 3)))
    x = bridge.asarray(rng.standard_normal((5, 4)))

    def loss(weights):
        return bridge.mean(bridge.tanh(x @ weights) ** 2)

    direction = bridge.asarray(rng.standard_normal((4, 3)))
    _, tangent = bridge.autograd.jvp(loss, (w,), (direction,))
    _, g = bridge.autograd.value_and_grad(loss)(w)
    np.testing.assert_allclose(float(tangent), float(bridge.sum(g * direction)), rtol=1e-10)


# ------------------------------------------------------------------ Function, gradcheck


class Cube(Function):
    @staticmethod
    def forward(ctx, x, scale):
        ctx.save_for_backward(x)
        ctx.scale = scale
        return x ** 3 * scale

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * 3 * x ** 2 * ctx.scale, None

    @staticmethod
    def jvp(ctx, t, _scale):
        (x,) = ctx.saved_tensors
        return t * 3 * x ** 2 * ctx.scale


class SortWithIndices(Function):
    @staticmethod
    def forward(ctx, x):
        order = bridge.argsort(x)
        ctx.save_for_backward(order)
        ctx.mark_non_differentiable(order)
        return bridge.take(x, order), order

    @staticmethod
    def backward(ctx, g, _g_order):
        (order,) = ctx.saved_tensors
        out = bridge.zeros(g.shape, dtype=g.dtype)
        out[order] = g
        return out


def test_custom_function(backend):
    x = bridge.asarray([1.0, 2.0], requires_grad=True)
    y = Cube.apply(x, 2.0)
    assert y.grad_fn is not None and "Cube" in repr(y.grad_fn)
    bridge.sum(y).backward()
    np.testing.assert_allclose(to_numpy(x.grad), [6.0, 24.0])
    assert gradcheck(lambda t: Cube.apply(t, 0.5), (bridge.asarray([0.3, 0.9], requires_grad=True),),
                     check_forward_ad=True)
    values, order = SortWithIndices.apply(bridge.asarray([3.0, 1.0, 2.0], requires_grad=True))
    assert values.requires_grad and not order.requires_grad


def test_custom_function_saved_tensor_version_check(backend):
    x = bridge.asarray([1.0, 2.0], requires_grad=True)
    h = x * 1.0
    y = Cube.apply(h, 1.0)
    h += 1.0
    with pytest.raises(RuntimeError, match="modified in place"):
        bridge.sum(y).backward()


def test_gradcheck_catches_a_rule_missing_its_conj(backend, monkeypatch):
    """The meta-test: a multiply rule without conj() passes on real inputs and is caught
    on complex ones."""
    good = RULES["multiply"]

    def bad_vjp(c, g):
        x1, x2 = c.inputs if not c.params else (c.inputs[0], c.params.get("x2"))
        if c.params:
            return (g * x2,)
        return (g * x2, g * x1)

    monkeypatch.setitem(RULES, "multiply", Rule(bad_vjp, good.jvp, save_inputs=True))
    real = (leaf([0.5, 1.5]), leaf([2.0, -1.0]))
    assert gradcheck(lambda a, b: a * b, real)
    cplx = (leaf([0.5 + 1.0j, 1.5]), leaf([2.0 - 1.0j, -1.0 + 0.5j]))
    with pytest.raises(GradcheckError, match="backward mismatch"):
        gradcheck(lambda a, b: a * b, cplx)
    assert gradcheck(lambda a, b: a * b, cplx, raise_exception=False) is False


def test_gradgradcheck_passes_for_composite(backend):
    x = leaf(np.array([0.3, 0.7, -0.2]))
    assert gradgradcheck(lambda t: bridge.sum(bridge.exp(t) * bridge.sin(t)), (x,))


def test_gradcheck_rejects_bad_arguments(backend):
    with pytest.raises(ValueError, match="no input requires grad"):
        gradcheck(lambda t: t * 2, (bridge.asarray([1.0]),))
    with pytest.raises(TypeError, match="float64"):
        gradcheck(lambda t: t * 2, (bridge.asarray([1.0], dtype=bridge.float32,
                                                    requires_grad=True),))


# ------------------------------------------------------------------ memory


def test_saved_tensors_are_freed_after_backward(backend):
    rng = np.random.default_rng(0)
    w = bridge.asarray(rng.standard_normal((64, 32)), requires_grad=True)
    x = bridge.asarray(rng.standard_normal((16, 64)))

    def step(weights=w):
        loss = bridge.mean(bridge.tanh(x @ weights) ** 2)
        loss.backward()
        with bridge.no_grad():
            weights -= 0.01 * weights.grad
        weights.grad = None

    for _ in range(20):
        step()
    gc.collect()
    tracemalloc.start()
    first = tracemalloc.get_traced_memory()[0]
    for _ in range(1000):
        step()
    gc.collect()
    last = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert last - first < 200_000  # flat: no graph or saved tensor survives a step


def test_graph_is_released_when_outputs_die(backend):
    import weakref

    x = leaf(np.ones(1000))
    y = bridge.exp(x) * 2
    node = weakref.ref(y.grad_fn)
    del y
    gc.collect()
    assert node() is None


def test_docs_status_table_agrees_with_the_registry():
    """Every row of the table in docs/autograd.md states the live status (regenerate it
    with python -c 'import bridge; print(bridge.autograd.gradient_status_table())');
    functions added to the registry since are not an error, a wrong status is."""
    import pathlib
    import re

    doc = (pathlib.Path(__file__).resolve().parent.parent / "docs" / "autograd.md").read_text()
    rows = re.findall(r"^\| `([^`]+)` \| [a-z_]+ \| ([a-z ]+) \|$", doc, flags=re.M)
    assert len(rows) > 200
    wrong = [(name, status, bridge.autograd.gradient_status(name)) for name, status in rows
             if name in bridge._registry.REGISTRY
             and bridge.autograd.gradient_status(name) != status]
    assert wrong == []
    assert "| missing |" not in bridge.autograd.gradient_status_table()


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_tanh_and_scalar_pow_gradients_are_bitwise_their_formulas(backend, device, dtype):
    # the cupy backend computes these VJPs in one fused kernel each; they must round
    # exactly as the formula written with bridge's own operations
    rng = np.random.default_rng(3)
    x = bridge.asarray(rng.standard_normal((64, 33)).astype(dtype), device=device)
    g = bridge.asarray(rng.standard_normal((64, 33)).astype(dtype), device=device)
    for exponent in (2, 3, 0.5, -1.5):
        base = bridge.abs(x) + 0.25 if exponent % 1 else x
        leaf = bridge.asarray(base, copy=True)
        leaf.requires_grad_()
        (leaf ** exponent).backward(g)
        expected = g * (exponent * base ** (exponent - 1))
        np.testing.assert_array_equal(to_numpy(leaf.grad), to_numpy(expected), strict=True)
    leaf = bridge.asarray(x, copy=True)
    leaf.requires_grad_()
    y = bridge.tanh(leaf)
    y.backward(g)
    expected = g * (1 - y.detach() * y.detach())
    np.testing.assert_array_equal(to_numpy(leaf.grad), to_numpy(expected), strict=True)


def test_fused_vjp_kernels_only_where_no_derivative_of_the_backward_is_taken(monkeypatch):
    # The cupy backend has one-kernel VJPs for tanh and x ** b; planted here on the CPU
    # backend, they must serve a plain backward pass and step aside when the backward
    # pass is itself differentiated (create_graph, or forward mode in hvp).
    kernels = bridge._dispatch.kernels_of(np.empty(1))
    calls = []

    def tanh_vjp(g, y):
        calls.append("tanh")
        return g * (1 - y * y)

    def pow_vjp(g, a, b, b_minus_1):
        calls.append("pow")
        return g * (b * a ** b_minus_1)

    monkeypatch.setitem(kernels, "_tanh_vjp", tanh_vjp)
    monkeypatch.setitem(kernels, "_pow_scalar_vjp", pow_vjp)
    xn = np.array([0.5, -1.0, 2.0])

    def f(t):
        return bridge.sum(t ** 3) + bridge.sum(bridge.tanh(t))

    x = bridge.asarray(xn, device="cpu", requires_grad=True)
    (g,) = bridge.autograd.grad(f(x), (x,))
    assert sorted(calls) == ["pow", "tanh"]
    np.testing.assert_allclose(to_numpy(g), 3 * xn ** 2 + 1 - np.tanh(xn) ** 2)
    calls.clear()
    hessian_diag = 6 * xn - 2 * np.tanh(xn) * (1 - np.tanh(xn) ** 2)
    v = np.array([1.0, 0.0, -2.0])
    _, hv = bridge.autograd.hvp(f, bridge.asarray(xn, device="cpu"), bridge.asarray(v, device="cpu"))
    np.testing.assert_allclose(to_numpy(hv), hessian_diag * v)
    assert calls == []
    x = bridge.asarray(xn, device="cpu", requires_grad=True)
    (g,) = bridge.autograd.grad(f(x), (x,), create_graph=True)
    assert calls == []
    # the second backward is a plain one: it may use them again
    (gg,) = bridge.autograd.grad(bridge.sum(g), (x,))
    np.testing.assert_allclose(to_numpy(gg), hessian_diag)

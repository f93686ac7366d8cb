"""bridge.func against torch.func: every transform and nesting pattern on the same
functions and inputs, on every backend.

A function is written once, ``f(xp, *args)``, and runs with ``xp = bridge`` and with
``xp = array_api_compat.torch`` (PyTorch under the standard's names), so both sides
compute the same thing; the transforms are then compared leaf by leaf.
"""

from __future__ import annotations

import numpy as np
import pytest

import bridge
from bridge import func as F

torch = pytest.importorskip("torch")
tf = pytest.importorskip("torch.func")
xt = pytest.importorskip("array_api_compat.torch")

from .conftest import run_threads, to_numpy  # noqa: E402

RNG = np.random.default_rng(0)


def data(*shape, low=-1.0, high=1.0):
    return RNG.uniform(low, high, size=shape)


def to_bridge(tree):
    if isinstance(tree, np.ndarray):
        return bridge.asarray(tree)
    if isinstance(tree, (tuple, list)):
        return type(tree)(to_bridge(t) for t in tree)
    if isinstance(tree, dict):
        return {k: to_bridge(v) for k, v in tree.items()}
    return tree


def to_torch(tree):
    if isinstance(tree, np.ndarray):
        return torch.from_numpy(tree.copy())
    if isinstance(tree, (tuple, list)):
        return type(tree)(to_torch(t) for t in tree)
    if isinstance(tree, dict):
        return {k: to_torch(v) for k, v in tree.items()}
    return tree


def assert_same(ours, theirs, path="result"):
    if isinstance(theirs, (tuple, list)):
        assert isinstance(ours, (tuple, list)), f"{path}: {type(ours).__name__}, not a sequence"
        assert len(ours) == len(theirs), f"{path}: {len(ours)} items, torch {len(theirs)}"
        for i, (a, b) in enumerate(zip(ours, theirs)):
            assert_same(a, b, f"{path}[{i}]")
        return
    if isinstance(theirs, dict):
        assert set(ours) == set(theirs), path
        for k in theirs:
            assert_same(ours[k], theirs[k], f"{path}[{k!r}]")
        return
    assert isinstance(ours, bridge.Tensor), f"{path}: {type(ours).__name__}"
    expected = theirs.detach().numpy()
    got = to_numpy(ours)
    assert got.shape == expected.shape, f"{path}: shape {got.shape}, torch {expected.shape}"
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-10, err_msg=path)


# --------------------------------------------------------------- the functions

# name -> (f(xp, x) -> scalar-or-tensor, example shape, domain)
FUNCTIONS = {
    "elementwise": (lambda xp, x: xp.sin(x) * x + xp.exp(-x * x) / (1.0 + x * x), (4,)),
    "powers": (lambda xp, x: xp.sqrt(x * x + 1.0) ** 3 - xp.tanh(x) * 2.0, (3, 2)),
    "sum_axis": (lambda xp, x: xp.sum(x * x, axis=-1) + xp.mean(x, axis=0)[0], (3, 4)),
    "max_min": (lambda xp, x: xp.max(x, axis=1) - xp.min(x * 2.0, axis=0)[:1], (3, 3)),
    "std_var": (lambda xp, x: xp.std(x, axis=0) + xp.var(x), (4, 3)),
    "prod": (lambda xp, x: xp.prod(x + 2.0, axis=-1), (2, 3)),
    "matmul_vec": (lambda xp, x: xp.matmul(x, x) * x, (4,)),
    "matmul_mat": (lambda xp, x: xp.matmul(x, xp.matrix_transpose(x)) + x @ x.mT, (3, 3)),
    "reshape_permute": (lambda xp, x: xp.permute_dims(xp.reshape(x, (2, 3, 2)), (2, 0, 1)) * 2.0,
                        (3, 4)),
    "concat_stack": (lambda xp, x: xp.concat([x, xp.flip(x, axis=0)], axis=0)[1:4]
                     * xp.stack([x, x * x], axis=0)[1:2].reshape((-1,)), (3,)),
    "expand_squeeze": (lambda xp, x: xp.squeeze(xp.expand_dims(x, axis=1), axis=1) ** 2, (4,)),
    "broadcast": (lambda xp, x: xp.broadcast_to(x, (3, 4)) * xp.reshape(x, (1, 4)), (4,)),
    "getitem": (lambda xp, x: x[1:, ...][:, None, 0] * x[0, -1] + x[..., ::2].sum(), (3, 4)),
    "where_clip": (lambda xp, x: xp.where(x > 0.0, x * x, xp.clip(x, -0.5, 0.5)), (5,)),
    "cumsum": (lambda xp, x: xp.cumulative_sum(x * x, axis=0), (4, 2)),
    "vector_norm": (lambda xp, x: xp.linalg.vector_norm(x, axis=-1) + xp.linalg.vector_norm(x),
                    (3, 2)),
    "linalg": (lambda xp, x: xp.linalg.det(x + 3.0 * xp.eye(3, dtype=x.dtype))
               + xp.sum(xp.linalg.inv(x + 3.0 * xp.eye(3, dtype=x.dtype))), (3, 3)),
    # (array_api_compat's vecdot calls moveaxis, which torch.func cannot batch)
    "vecdot": (lambda xp, x: xp.vecdot(x, x * 2.0, axis=-1) if xp is bridge
               else torch.linalg.vecdot(x, x * 2.0, dim=-1), (3, 2)),
    "astype_abs": (lambda xp, x: xp.abs(xp.astype(x, xp.float64)) * xp.tanh(x), (4,)),
}


def scalar(f):
    """The function summed to a scalar (for grad and hessian)."""
    return lambda xp, x: xp.sum(f(xp, x))


def ours(f):
    return lambda *a: f(bridge, *a)


def theirs(f):
    return lambda *a: f(xt, *a)


NAMES = sorted(FUNCTIONS)


def _example(name, batch=()):
    f, shape = FUNCTIONS[name]
    return f, data(*(batch + shape))


# --------------------------------------------------------------- transforms x nesting


@pytest.mark.parametrize("name", NAMES)
def test_vmap(backend, name):
    f, x = _example(name, (5,))
    assert_same(F.vmap(ours(f))(to_bridge(x)), tf.vmap(theirs(f))(to_torch(x)))


@pytest.mark.parametrize("name", NAMES)
def test_vmap_of_vmap(backend, name):
    f, x = _example(name, (2, 3))
    assert_same(F.vmap(F.vmap(ours(f)))(to_bridge(x)), tf.vmap(tf.vmap(theirs(f)))(to_torch(x)))


@pytest.mark.parametrize("name", NAMES)
def test_vmap_in_and_out_dims(backend, name):
    f, shape = FUNCTIONS[name]
    x = data(*(shape + (3,)))  # the batch dimension last
    ours_ = F.vmap(ours(f), in_dims=-1, out_dims=-1)(to_bridge(x))
    assert_same(ours_, tf.vmap(theirs(f), in_dims=-1, out_dims=-1)(to_torch(x)))


@pytest.mark.parametrize("name", NAMES)
def test_grad(backend, name):
    f, x = _example(name)
    g = scalar(f)
    assert_same(F.grad(ours(g))(to_bridge(x)), tf.grad(theirs(g))(to_torch(x)))


@pytest.mark.parametrize("name", NAMES)
def test_vmap_of_grad(backend, name):
    f, x = _example(name, (4,))
    g = scalar(f)
    assert_same(F.vmap(F.grad(ours(g)))(to_bridge(x)), tf.vmap(tf.grad(theirs(g)))(to_torch(x)))


@pytest.mark.parametrize("name", NAMES)
def test_grad_of_vmap(backend, name):
    f, x = _example(name, (3,))

    def total(vm, xp):
        return lambda x: xp.sum(vm(lambda e: f(xp, e))(x))

    assert_same(F.grad(total(F.vmap, bridge))(to_bridge(x)),
                tf.grad(total(tf.vmap, xt))(to_torch(x)))


@pytest.mark.parametrize("name", NAMES)
def test_jacrev_and_jacfwd(backend, name):
    f, x = _example(name)
    expected = tf.jacrev(theirs(f))(to_torch(x))
    assert_same(F.jacrev(ours(f))(to_bridge(x)), expected)
    assert_same(F.jacfwd(ours(f))(to_bridge(x)), expected)


@pytest.mark.parametrize("name", NAMES)
def test_hessian_and_jacfwd_of_jacrev(backend, name):
    f, x = _example(name)
    g = scalar(f)
    expected = tf.hessian(theirs(g))(to_torch(x))
    assert_same(F.hessian(ours(g))(to_bridge(x)), expected)
    assert_same(F.jacrev(F.jacrev(ours(g)))(to_bridge(x)), expected)
    assert_same(F.jacfwd(F.jacfwd(ours(g)))(to_bridge(x)), expected)


# torch.func's forward-over-forward of linalg.det is wrong (and its third reverse
# derivative NaN): those are checked against finite differences below instead
@pytest.mark.parametrize("name", [n for n in NAMES if n != "linalg"])
def test_jvp_vjp_and_jvp_of_jvp(backend, name):
    f, x = _example(name)
    t = data(*x.shape)
    out, tan = F.jvp(ours(f), (to_bridge(x),), (to_bridge(t),))
    e_out, e_tan = tf.jvp(theirs(f), (to_torch(x),), (to_torch(t),))
    assert_same((out, tan), (e_out, e_tan))
    out, fn = F.vjp(ours(f), to_bridge(x))
    e_out, e_fn = tf.vjp(theirs(f), to_torch(x))
    ct = data(*tuple(e_out.shape))
    assert_same(fn(to_bridge(ct)), e_fn(to_torch(ct)))

    def second(jvp, xp):
        def inner(v):
            return jvp(lambda e: f(xp, e), (v,), (tang(xp),))[1]

        return lambda v: jvp(inner, (v,), (tang(xp),))[1]

    def tang(xp):
        return to_bridge(t) if xp is bridge else to_torch(t)

    assert_same(second(F.jvp, bridge)(to_bridge(x)), second(tf.jvp, xt)(to_torch(x)))


def test_linalg_second_and_third_derivatives_against_finite_differences(backend):
    f, x = _example("linalg")
    t = data(*x.shape)
    h = 1e-4

    def value(v):
        return float(to_numpy(f(bridge, to_bridge(v))))

    second = F.jvp(lambda v: F.jvp(ours(f), (v,), (to_bridge(t),))[1], (to_bridge(x),),
                   (to_bridge(t),))[1]
    # the five-point stencil (error O(k**4)) with a step large enough that the
    # factorisations' rounding (cuSOLVER's differs from LAPACK's in the last bits), which
    # the stencil multiplies by 1/k**2, stays near 1e-7 of the value
    k = 1e-3
    fd = (-value(x + 2 * k * t) + 16 * value(x + k * t) - 30 * value(x)
          + 16 * value(x - k * t) - value(x - 2 * k * t)) / (12 * k**2)
    np.testing.assert_allclose(float(to_numpy(second)), fd, rtol=1e-5)
    # the third directional derivative: d/dh of the second, by central differences
    g2 = F.grad(lambda v: bridge.sum(F.grad(ours(f))(v) * to_bridge(t)))

    def along(v):
        return float(to_numpy(bridge.sum(g2(to_bridge(v)) * to_bridge(t))))

    third = F.grad(lambda v: bridge.sum(g2(v) * to_bridge(t)))(to_bridge(x))
    fd3 = (along(x + h * t) - along(x - h * t)) / (2 * h)
    np.testing.assert_allclose(float(to_numpy(bridge.sum(third * to_bridge(t)))), fd3, rtol=1e-5)


@pytest.mark.parametrize("name", ["elementwise", "sum_axis", "matmul_mat", "powers"])
def test_grad_of_grad_of_grad(backend, name):
    f, x = _example(name)

    def third(grad, xp):
        g1 = grad(lambda v: xp.sum(f(xp, v)))
        g2 = grad(lambda v: xp.sum(g1(v) ** 2))
        return grad(lambda v: xp.sum(xp.sin(g2(v))))

    assert_same(third(F.grad, bridge)(to_bridge(x)), third(tf.grad, xt)(to_torch(x)))


@pytest.mark.parametrize("name", ["elementwise", "matmul_vec", "getitem", "std_var"])
def test_vmap_of_jacrev_and_of_hessian(backend, name):
    f, x = _example(name, (3,))
    assert_same(F.vmap(F.jacrev(ours(f)))(to_bridge(x)), tf.vmap(tf.jacrev(theirs(f)))(to_torch(x)))
    g = scalar(f)
    assert_same(F.vmap(F.hessian(ours(g)))(to_bridge(x)), tf.vmap(tf.hessian(theirs(g)))(to_torch(x)))


def test_vmap_of_vjp_fn_and_jvp(backend):
    f, x = _example("matmul_mat")
    _, fn = F.vjp(ours(f), to_bridge(x))
    _, e_fn = tf.vjp(theirs(f), to_torch(x))
    cts = data(4, 3, 3)
    assert_same(F.vmap(fn)(to_bridge(cts)), tf.vmap(e_fn)(to_torch(cts)))
    ts = data(4, 3, 3)

    def push(jvp, xp, tangents):
        return jvp(lambda e: f(xp, e), (to_bridge(x) if xp is bridge else to_torch(x),),
                   (tangents,))[1]

    assert_same(F.vmap(lambda t: push(F.jvp, bridge, t))(to_bridge(ts)),
                tf.vmap(lambda t: push(tf.jvp, xt, t))(to_torch(ts)))


def test_complex_functions(backend):
    z = data(3) + 1j * data(3)
    w = data(3) + 1j * data(3)

    def f(xp, v):
        return xp.exp(v) * v + v * v

    # grad, vjp, jvp against torch.func (PyTorch's convention)
    assert_same(F.grad(lambda v: bridge.sum(bridge.abs(f(bridge, v)) ** 2))(to_bridge(z)),
                tf.grad(lambda v: torch.sum(torch.abs(f(xt, v)) ** 2))(to_torch(z)))
    assert_same(F.vjp(ours(f), to_bridge(z))[1](to_bridge(w)),
                tf.vjp(theirs(f), to_torch(z))[1](to_torch(w)))
    assert_same(F.jvp(ours(f), (to_bridge(z),), (to_bridge(w),)),
                tf.jvp(theirs(f), (to_torch(z),), (to_torch(w),)))
    # jacrev / jacfwd: the holomorphic derivative dy/dz (JAX's holomorphic=True);
    # torch.func refuses complex inputs there
    derivative = np.diag(np.exp(z) * (z + 1) + 2 * z)
    for jac in (F.jacrev, F.jacfwd):
        np.testing.assert_allclose(to_numpy(jac(ours(f))(to_bridge(z))), derivative, rtol=1e-12)


# --------------------------------------------------------------- arguments


def test_argnums_has_aux_and_pytrees(backend):
    def loss(xp, params, x):
        h = xp.tanh(x @ params["w"] + params["b"])
        value = xp.sum(h * h)
        return value, {"h": h}

    params = {"w": data(3, 2), "b": data(2)}
    x = data(4, 3)
    g, aux = F.grad(lambda p, x: loss(bridge, p, x), has_aux=True)(to_bridge(params), to_bridge(x))
    e_g, e_aux = tf.grad(lambda p, x: loss(xt, p, x), has_aux=True)(to_torch(params), to_torch(x))
    assert_same(g, e_g)
    assert_same(aux, e_aux)
    both = F.grad(lambda p, x: loss(bridge, p, x)[0], argnums=(0, 1))(to_bridge(params), to_bridge(x))
    e_both = tf.grad(lambda p, x: loss(xt, p, x)[0], argnums=(0, 1))(to_torch(params), to_torch(x))
    assert_same(both, e_both)
    (g2, value) = F.grad_and_value(lambda p, x: loss(bridge, p, x)[0])(to_bridge(params), to_bridge(x))
    (e_g2, e_value) = tf.grad_and_value(lambda p, x: loss(xt, p, x)[0])(to_torch(params), to_torch(x))
    assert_same((g2, value), (e_g2, e_value))
    jac = F.jacrev(lambda p, x: loss(bridge, p, x)[1]["h"], argnums=(0, 1))(
        to_bridge(params), to_bridge(x))
    e_jac = tf.jacrev(lambda p, x: loss(xt, p, x)[1]["h"], argnums=(0, 1))(
        to_torch(params), to_torch(x))
    assert_same(jac, e_jac)
    jac = F.jacfwd(lambda p, x: loss(bridge, p, x)[1]["h"], argnums=(0, 1))(
        to_bridge(params), to_bridge(x))
    assert_same(jac, e_jac)


def test_vmap_pytrees_none_dims_and_chunks(backend):
    def f(xp, pair, scale, table):
        a, b = pair
        return {"s": xp.sum(a * b) * scale, "t": table["w"] @ a}, a * 0.0 + table["w"][0, 0]

    pair = (data(6, 3), data(6, 3))
    table = {"w": data(2, 3)}
    for kwargs in ({}, {"chunk_size": 4}, {"chunk_size": 1}):
        ours_ = F.vmap(lambda p, s, t: f(bridge, p, s, t), in_dims=((0, 0), None, None), **kwargs)(
            to_bridge(pair), 2.0, to_bridge(table))
        theirs_ = tf.vmap(lambda p, s, t: f(xt, p, s, t), in_dims=((0, 0), None, None), **kwargs)(
            to_torch(pair), 2.0, to_torch(table))
        assert_same(ours_, theirs_)
    out = F.vmap(lambda a: (a * 2.0, a.sum()), out_dims=(1, 0))(to_bridge(data(3, 4)))
    e_out = tf.vmap(lambda a: (a * 2.0, a.sum()), out_dims=(1, 0))(to_torch(data(3, 4)))
    assert out[0].shape == tuple(e_out[0].shape) and out[1].shape == tuple(e_out[1].shape)


def test_vmap_unbatched_output_is_broadcast(backend):
    w = data(3)
    out = F.vmap(lambda a: bridge.asarray(w) * 1.0)(to_bridge(data(4, 2)))
    e = tf.vmap(lambda a: torch.from_numpy(w) * 1.0)(to_torch(data(4, 2)))
    assert_same(out, e)


def test_functional_call(backend):
    class Linear:
        def __init__(self, w, b):
            self.w, self.b = w, b

        def __call__(self, x):
            return bridge.tanh(x @ self.w + self.b)

    class Model:
        def __init__(self):
            self.l1 = Linear(bridge.asarray(data(3, 4)), bridge.asarray(data(4)))

        def __call__(self, x):
            return bridge.sum(self.l1(x))

    model = Model()
    original = model.l1.w
    params = {"l1.w": bridge.asarray(data(3, 4)), "l1.b": bridge.asarray(data(4))}
    x = bridge.asarray(data(2, 3))
    g = F.grad(lambda p: F.functional_call(model, p, (x,)))(params)
    assert model.l1.w is original
    expected = tf.grad(lambda p: torch.sum(torch.tanh(torch.from_numpy(to_numpy(x)) @ p["l1.w"]
                                                      + p["l1.b"])))(
        {k: torch.from_numpy(to_numpy(v)) for k, v in params.items()})
    assert_same(g, expected)
    with pytest.raises(AttributeError, match="strict"):
        F.functional_call(model, {"l1.nope": x}, (x,), strict=True)


# --------------------------------------------------------------- whole programs


def _mlp(xp, params, x):
    h = x
    for i, (w, b) in enumerate(params):
        h = h @ w + b
        if i < len(params) - 1:
            h = xp.tanh(h)
    return h


def _mlp_loss(xp, params, x, y):
    out = _mlp(xp, params, x)
    return xp.mean((out - y) ** 2)


def _mlp_params(sizes):
    return [(data(a, b) * 0.5, data(b) * 0.1) for a, b in zip(sizes[:-1], sizes[1:])]


def test_per_example_gradients_of_an_mlp(backend):
    params = _mlp_params([8, 16, 4])
    x, y = data(10, 8), data(10, 4)
    ours_ = F.vmap(F.grad(lambda p, a, b: _mlp_loss(bridge, p, a, b)), in_dims=(None, 0, 0))(
        to_bridge(params), to_bridge(x), to_bridge(y))
    theirs_ = tf.vmap(tf.grad(lambda p, a, b: _mlp_loss(xt, p, a, b)), in_dims=(None, 0, 0))(
        to_torch(params), to_torch(x), to_torch(y))
    assert_same(ours_, theirs_)


def test_hessian_of_rosenbrock(backend):
    def rosenbrock(xp, v):
        return xp.sum(100.0 * (v[1:] - v[:-1] ** 2) ** 2 + (1.0 - v[:-1]) ** 2)

    v = data(6, low=-1.5, high=1.5)
    assert_same(F.hessian(lambda a: rosenbrock(bridge, a))(to_bridge(v)),
                tf.hessian(lambda a: rosenbrock(xt, a))(to_torch(v)))


def test_jacobian_of_an_ode_step(backend):
    def rk4(xp, y, h=0.1):
        def rhs(u):  # a damped pendulum
            return xp.stack([u[1], -xp.sin(u[0]) - 0.3 * u[1]])

        k1 = rhs(y)
        k2 = rhs(y + h / 2 * k1)
        k3 = rhs(y + h / 2 * k2)
        k4 = rhs(y + h * k3)
        return y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)

    y = data(2)
    expected = tf.jacrev(lambda a: rk4(xt, a))(to_torch(y))
    assert_same(F.jacrev(lambda a: rk4(bridge, a))(to_bridge(y)), expected)
    assert_same(F.jacfwd(lambda a: rk4(bridge, a))(to_bridge(y)), expected)


def test_maml_inner_loop(backend):
    def adapted_loss(xp, grad, params, xs, ys, xq, yq):
        g = grad(lambda p: _mlp_loss(xp, p, xs, ys))(params)
        fast = [(w - 0.1 * gw, b - 0.1 * gb) for (w, b), (gw, gb) in zip(params, g)]
        return _mlp_loss(xp, fast, xq, yq)

    params = _mlp_params([3, 8, 1])
    batch = [data(5, 3), data(5, 1), data(5, 3), data(5, 1)]
    ours_ = F.grad(lambda p: adapted_loss(bridge, F.grad, p, *to_bridge(batch)))(to_bridge(params))
    theirs_ = tf.grad(lambda p: adapted_loss(xt, tf.grad, p, *to_torch(batch)))(to_torch(params))
    assert_same(ours_, theirs_)
    # and per task, vmapped over 3 tasks
    tasks = [data(3, 5, 3), data(3, 5, 1), data(3, 5, 3), data(3, 5, 1)]
    ours_ = F.vmap(F.grad(lambda p, *b: adapted_loss(bridge, F.grad, p, *b)),
                   in_dims=(None, 0, 0, 0, 0))(to_bridge(params), *to_bridge(tasks))
    theirs_ = tf.vmap(tf.grad(lambda p, *b: adapted_loss(xt, tf.grad, p, *b)),
                      in_dims=(None, 0, 0, 0, 0))(to_torch(params), *to_torch(tasks))
    assert_same(ours_, theirs_)


def test_ensembling_over_stacked_parameters(backend):
    models = [_mlp_params([4, 6, 2]) for _ in range(3)]
    stacked = [(np.stack([m[i][0] for m in models]), np.stack([m[i][1] for m in models]))
               for i in range(2)]
    x = data(7, 4)
    ours_ = F.vmap(lambda p, a: _mlp(bridge, p, a), in_dims=(0, None))(to_bridge(stacked), to_bridge(x))
    theirs_ = tf.vmap(lambda p, a: _mlp(xt, p, a), in_dims=(0, None))(to_torch(stacked), to_torch(x))
    assert_same(ours_, theirs_)
    for k, m in enumerate(models):
        np.testing.assert_allclose(to_numpy(ours_[k]), to_numpy(_mlp(bridge, to_bridge(m), to_bridge(x))))


# --------------------------------------------------------------- rules and errors


def test_every_row_has_a_known_batching_rule():
    from bridge._registry import REGISTRY
    from bridge.func._batching import RULES

    assert {op.batch for op in REGISTRY.values()} <= set(RULES)
    assert REGISTRY["add"].batch == "elementwise" and REGISTRY["sum"].batch == "reduce"


def test_loop_rule_matches_per_example_calls(backend):
    x = bridge.asarray(data(4, 5))
    out = F.vmap(lambda r: bridge.linalg.outer(r, r[:2]))(x)  # a row with the loop rule
    for i in range(4):
        np.testing.assert_allclose(to_numpy(out[i]), np.outer(to_numpy(x[i]), to_numpy(x[i][:2])))


def test_data_dependent_control_flow_raises(backend):
    x = bridge.asarray(data(3, 2))

    def branchy(r):
        if bridge.sum(r) > 0:
            return r
        return -r

    with pytest.raises(F.VmapError, match="bool"):
        F.vmap(branchy)(x)
    with pytest.raises(F.VmapError, match="item"):
        F.vmap(lambda r: r.sum().item())(x)
    with pytest.raises(F.VmapError, match="nonzero"):
        F.vmap(bridge.nonzero)(x)
    with pytest.raises(F.VmapError, match="unique_values"):
        F.vmap(bridge.unique_values)(x)


def test_inplace_rules(backend):
    x = bridge.asarray(data(3, 2))
    y = bridge.asarray(data(3, 2))

    def add_into_batched(a, b):
        a = a * 1.0
        a += b
        a[0] = 5.0
        return a

    out = F.vmap(add_into_batched)(x, y)
    expected = to_numpy(x) + to_numpy(y)
    expected[:, 0] = 5.0
    np.testing.assert_allclose(to_numpy(out), expected)
    base = bridge.zeros(2)

    def write_into_unbatched(b):
        c = base * 1.0
        c[0] = b[0]
        return c

    with pytest.raises(F.VmapError, match="not batched"):
        F.vmap(write_into_unbatched)(y)

    def add_into_unbatched(b):
        c = base * 1.0
        c += b
        return c

    with pytest.raises(F.VmapError, match="__iadd__"):
        F.vmap(add_into_unbatched)(y)


def test_argument_errors(backend):
    x = bridge.ones((3, 2))
    with pytest.raises(ValueError, match="different sizes"):
        F.vmap(lambda a, b: a + b)(x, bridge.ones((4, 2)))
    with pytest.raises(ValueError, match="no input is mapped"):
        F.vmap(lambda a: a, in_dims=None)(x)
    with pytest.raises(ValueError, match="out of range"):
        F.vmap(lambda a: a, in_dims=2)(x)
    with pytest.raises(ValueError, match="randomness"):
        F.vmap(lambda a: a, randomness="sometimes")
    with pytest.raises(RuntimeError, match="scalar"):
        F.grad(lambda a: a * 2.0)(x)
    with pytest.raises(TypeError, match="floating"):
        F.grad(lambda a: a.sum())(bridge.ones(3, dtype=bridge.int64))
    with pytest.raises(ValueError, match="argnums"):
        F.grad(lambda a: a.sum(), argnums=3)(x)


def test_randomness(backend):
    x = bridge.ones((4, 3))
    with pytest.raises(F.VmapError, match="randomness"):
        F.vmap(lambda a: a + bridge.random.normal(size=3))(x)
    same = F.vmap(lambda a: a + bridge.random.normal(size=3), randomness="same")(x)
    assert np.allclose(to_numpy(same), to_numpy(same)[0])
    different = F.vmap(lambda a: a + bridge.random.normal(size=3), randomness="different")(x)
    assert different.shape == (4, 3) and not np.allclose(to_numpy(different), to_numpy(different)[0])
    rng = bridge.random.default_rng(0)
    nested = F.vmap(F.vmap(lambda a: a + rng.standard_normal(), randomness="different"),
                    randomness="same")(bridge.ones((2, 3)))
    assert np.allclose(to_numpy(nested)[0], to_numpy(nested)[1])
    assert not np.allclose(to_numpy(nested)[0, 0], to_numpy(nested)[0, 1])


def test_autograd_alongside(backend):
    """Tensor autograd (.backward, .grad) in the same program is left alone."""
    w = bridge.asarray(data(3), requires_grad=True)
    x = bridge.asarray(data(4, 3))
    per_example = F.vmap(F.grad(lambda a: bridge.sum(bridge.sin(a) * 2.0)))(x)
    loss = bridge.sum(w * bridge.sum(per_example, axis=0))
    loss.backward()
    np.testing.assert_allclose(to_numpy(w.grad), to_numpy(bridge.sum(per_example, axis=0)))
    assert not per_example.requires_grad


def test_transforms_in_many_threads(backend):
    x = data(6, 4)
    expected = tf.vmap(tf.grad(lambda a: torch.sum(torch.sin(a) ** 2)))(to_torch(x))
    name = bridge.get_backend()

    def work(i):
        with bridge.use_backend(name):
            for _ in range(10):
                got = F.vmap(F.grad(lambda a: bridge.sum(bridge.sin(a) ** 2)))(to_bridge(x))
                assert_same(got, expected)
                assert bridge.autograd.is_grad_enabled()

    run_threads(work)


# --------------------------------------------------------------- unbatched primals
# Under a vmap that batches only the tangents (jacfwd, hessian), jvp keeps the primal
# unbatched, as torch.func does; where the function meets a value batched at that
# level, it runs again with the primal batched. Either way: torch.func's numbers.


def test_jacfwd_runs_the_function_on_one_example(backend):
    seen = []

    def f(v):
        seen.append(type(v))
        return bridge.sum(bridge.tanh(v) ** 2) + bridge.sum(v[1:] * v[:-1])

    x = data(50)
    h = F.hessian(f)(to_bridge(x))
    assert seen and all(t is bridge.Tensor for t in seen), seen
    assert_same(h, tf.hessian(lambda v: torch.sum(torch.tanh(v) ** 2)
                              + torch.sum(v[1:] * v[:-1]))(to_torch(x)))


def test_tangents_batched_apart_from_primals_meet_batched_values(backend):
    x, ts, cs = data(4), data(5, 4), data(5, 4)

    def closure(jvp, xp, x0):
        return lambda t, c: jvp(lambda v: xp.sin(v) * c + v * v, (x0,), (t,))[1]

    # the function closes over a value batched where only the tangent is
    assert_same(F.vmap(closure(F.jvp, bridge, to_bridge(x)))(to_bridge(ts), to_bridge(cs)),
                tf.vmap(closure(tf.jvp, xt, to_torch(x)))(to_torch(ts), to_torch(cs)))

    # one primal batched, the other not; both tangents batched
    def mixed(jvp, xp):
        return lambda a, b, ta, tb: jvp(lambda u, w: xp.exp(u) * w - u, (a, b), (ta, tb))[1]

    args = (data(4), data(5, 4), data(5, 4), data(5, 4))
    dims = (None, 0, 0, 0)
    assert_same(F.vmap(mixed(F.jvp, bridge), in_dims=dims)(*to_bridge(args)),
                tf.vmap(mixed(tf.jvp, xt), in_dims=dims)(*to_torch(args)))

    # jvp of jvp, both tangents batched by one vmap
    def nested(jvp, xp, x0):
        def inner(v, t):
            return jvp(lambda e: xp.sin(e) * e, (v,), (t,))[1]

        return lambda t: jvp(lambda v: inner(v, t), (x0,), (t,))[1]

    assert_same(F.vmap(nested(F.jvp, bridge, to_bridge(x)))(to_bridge(ts)),
                tf.vmap(nested(tf.jvp, xt, to_torch(x)))(to_torch(ts)))


def test_hessians_through_writes_gathers_and_linalg(backend):
    idx = np.array([2, 0, 2, 1])

    def f(xp, v):
        m = xp.reshape(v, (3, 3))
        w = xp.linalg.svdvals(m + 3.0 * xp.eye(3, dtype=v.dtype))
        gathered = v[xp.asarray(idx)] if xp is bridge else v[torch.from_numpy(idx)]
        return xp.sum(w ** 2) + xp.sum(gathered * xp.cos(v[:4])) + xp.sum(xp.cumulative_sum(v) ** 2)

    x = data(9)
    assert_same(F.hessian(ours(f))(to_bridge(x)), tf.hessian(theirs(f))(to_torch(x)))
    assert_same(F.jacfwd(F.jacfwd(ours(f)))(to_bridge(x)), tf.hessian(theirs(f))(to_torch(x)))
    # a hessian per example, and one of a function closing over a batched value
    xs, cs = data(3, 9), data(3, 9)
    assert_same(F.vmap(F.hessian(ours(f)))(to_bridge(xs)),
                tf.vmap(tf.hessian(theirs(f)))(to_torch(xs)))
    assert_same(F.vmap(lambda c: F.hessian(lambda v: bridge.sum(bridge.sin(v * c) ** 2))(
        to_bridge(x)))(to_bridge(cs)),
        tf.vmap(lambda c: tf.hessian(lambda v: torch.sum(torch.sin(v * c) ** 2))(
            to_torch(x)))(to_torch(cs)))

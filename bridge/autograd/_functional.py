"""Functional autograd: ``grad`` (PyTorch's signature), and the function transforms
``vjp``, ``jvp``, ``value_and_grad`` (JAX's), ``jacobian``, ``hessian``, ``hvp``.

Forward mode (``jvp``) carries tangents alongside values through each op's JVP rule;
it is not a double-VJP trick.
"""

from __future__ import annotations

import math

from .. import _dispatch
from . import _graph
from ._graph import MODE, ForwardLevel, edge_of, run_backward, set_tangent, tangent_of
from ._tensor_api import check_cotangent, default_cotangent


def as_tuple(x, func, argname):
    tensor = _dispatch.TENSOR
    if isinstance(x, tensor):
        return (x,)
    if isinstance(x, (list, tuple)):
        for item in x:
            if not isinstance(item, tensor):
                raise TypeError(
                    f"{func}: {argname} must hold Tensors, got {type(item).__name__}"
                )
        return tuple(x)
    raise TypeError(f"{func}: {argname} must be a Tensor or a sequence of Tensors, got "
                    f"{type(x).__name__}")


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
         allow_unused=False, materialize_grads=False):
    """The cotangents of ``inputs`` given those of ``outputs`` (PyTorch's signature).

    Returns a tuple with one entry per input. Leaves' ``.grad`` is not touched. An input
    the outputs do not depend on raises unless ``allow_unused`` (then None) or
    ``materialize_grads`` (then zeros).
    """
    func = "bridge.autograd.grad"
    outs = as_tuple(outputs, func, "outputs")
    ins = as_tuple(inputs, func, "inputs")
    if grad_outputs is None:
        gouts = tuple(default_cotangent(o, func) for o in outs)
    else:
        gouts = as_tuple(grad_outputs, func, "grad_outputs") \
            if not isinstance(grad_outputs, (list, tuple)) or all(
                g is not None for g in grad_outputs) else tuple(grad_outputs)
        if len(gouts) != len(outs):
            raise ValueError(f"{func}: {len(gouts)} grad_outputs for {len(outs)} outputs")
        gouts = tuple(default_cotangent(o, func) if g is None else g for o, g in zip(outs, gouts))
        for o, g in zip(outs, gouts):
            check_cotangent(o, g, func, "grad_outputs")
    for i, o in enumerate(outs):
        m = o._meta
        if m is None or not m.requires_grad:
            raise RuntimeError(
                f"{func}: output {i} does not require grad and has no grad_fn; it does not "
                "depend on any input that requires grad"
            )
    edges = []
    for i, t in enumerate(ins):
        e = edge_of(t)
        if e is None:
            raise RuntimeError(f"{func}: input {i} does not require grad")
        edges.append(e)
    if retain_graph is None:
        retain_graph = create_graph
    results = run_backward(list(outs), list(gouts), retain_graph, create_graph,
                           capture=edges, accumulate=False)
    final = []
    for i, (t, g) in enumerate(zip(ins, results)):
        if g is None:
            if materialize_grads:
                from .._registry import ops as bridge

                g = bridge.zeros_like(t)
            elif not allow_unused:
                raise RuntimeError(
                    f"{func}: input {i} was not used to compute the outputs; pass "
                    "allow_unused=True (None) or materialize_grads=True (zeros)"
                )
        elif g.shape != t.shape or g.dtype != t.dtype:
            g = _graph._fit(g, (t.shape, t.dtype))
        final.append(g)
    return tuple(final)


# ------------------------------------------------------------------ transforms


def _prepare_primals(primals, func):
    """Fresh leaves sharing the primals' memory, so that the transform owns its graph."""
    out = []
    for i, p in enumerate(primals):
        if not isinstance(p, _dispatch.TENSOR):
            raise TypeError(f"{func}: primal {i} must be a Tensor, got {type(p).__name__}")
        if p.dtype.kind not in "fc":
            raise TypeError(f"{func}: primal {i} has dtype {p.dtype}; differentiation needs "
                            "floating-point or complex inputs")
        if MODE.grad and p.requires_grad:
            # keep the outer graph: an identity view connected to p
            leaf = _dispatch.run("reshape", (p,), p.shape, None)
        else:
            leaf = p.detach()
            leaf.requires_grad_(True)
            if MODE.forward is not None and p._meta is not None:
                leaf._meta.tangent = p._meta.tangent  # forward-over-reverse (hvp)
        out.append(leaf)
    return out


def vjp(f, *primals, has_aux=False):
    """JAX's ``vjp``: returns ``(f(*primals), vjp_fn)`` where ``vjp_fn(cotangent)``
    gives a tuple of cotangents, one per primal (zeros where unused). ``vjp_fn`` may be
    called several times."""
    func = "bridge.autograd.vjp"
    with _graph.enable_grad():
        leaves = _prepare_primals(primals, func)
        result = f(*leaves)
    aux = None
    if has_aux:
        result, aux = result
    outs = as_tuple(result, func, "the output of f")

    def vjp_fn(cotangent):
        cots = as_tuple(cotangent, "vjp_fn", "cotangent")
        if len(cots) != len(outs):
            raise ValueError(f"vjp_fn: {len(cots)} cotangents for {len(outs)} outputs")
        for o, c in zip(outs, cots):
            check_cotangent(o, c, "vjp_fn", "cotangent")
        live = [(o, c) for o, c in zip(outs, cots) if o.requires_grad]
        if not live:
            from .._registry import ops as bridge

            return tuple(bridge.zeros_like(p) for p in leaves)
        return grad([o for o, _ in live], leaves, [c for _, c in live], retain_graph=True,
                    create_graph=MODE.grad and any(c.requires_grad for _, c in live),
                    materialize_grads=True)

    if has_aux:
        return result, vjp_fn, aux
    return result, vjp_fn


def value_and_grad(f, argnums=0, has_aux=False):
    """JAX's ``value_and_grad``: ``g(*args)`` returns ``(f(*args), gradient)`` where the
    gradient is with respect to ``args[argnums]`` (a tuple of them if argnums is a
    tuple). ``f`` must return a real scalar (or ``(scalar, aux)`` with has_aux)."""
    func = "bridge.autograd.value_and_grad"
    many = isinstance(argnums, tuple)
    nums = argnums if many else (argnums,)

    def wrapped(*args):
        args = list(args)
        for n in nums:
            if not -len(args) <= n < len(args):
                raise ValueError(f"{func}: argnums={n} is out of range for {len(args)} arguments")
        with _graph.enable_grad():
            leaves = _prepare_primals([args[n] for n in nums], func)
            for n, leaf in zip(nums, leaves):
                args[n] = leaf
            result = f(*args)
            aux = None
            if has_aux:
                result, aux = result
            if not isinstance(result, _dispatch.TENSOR) or result.size != 1:
                raise TypeError(f"{func}: f must return a scalar Tensor, got "
                                f"{getattr(result, 'shape', type(result).__name__)}")
            if result.requires_grad:
                grads = grad(result, leaves, create_graph=False, materialize_grads=True)
            else:
                from .._registry import ops as bridge

                grads = tuple(bridge.zeros_like(leaf) for leaf in leaves)
        value = result.detach()
        g = grads if many else grads[0]
        return ((value, aux), g) if has_aux else (value, g)

    return wrapped


def jvp(f, primals, tangents):
    """JAX's ``jvp`` (forward mode): ``(f(*primals), tangent of the output)``.

    ``primals`` and ``tangents`` are tuples of Tensors of matching shapes and dtypes.
    """
    func = "bridge.autograd.jvp"
    primals = as_tuple(primals, func, "primals")
    tangents = as_tuple(tangents, func, "tangents")
    if len(primals) != len(tangents):
        raise ValueError(f"{func}: {len(primals)} primals but {len(tangents)} tangents")
    for i, (p, t) in enumerate(zip(primals, tangents)):
        if p.shape != t.shape:
            raise ValueError(f"{func}: tangent {i} has shape {t.shape}, primal {p.shape}")
        if p.dtype.kind not in "fc":
            raise TypeError(f"{func}: primal {i} has dtype {p.dtype}; forward mode needs "
                            "floating-point or complex inputs")
    return forward_pass(f, primals, tangents, func)


def forward_pass(f, primals, tangents, func):
    """``jvp`` on checked arguments. bridge.func passes tangents that are batched where
    their primals are not (``bridge.func._batching.Batched``): each example's shape is
    the primal's, and the rules that propagate them batch as any other op does."""
    level = ForwardLevel(MODE.forward)  # nested in the active level, if any
    MODE.forward = level
    try:
        duals = []
        for p, t in zip(primals, tangents):
            dual = _dispatch.run("reshape", (p,), p.shape, None)  # a view: p's graph kept
            t = _graph.coerce(t, p.shape, p.dtype)
            set_tangent(dual, level, t)
            duals.append(dual)
        result = f(*duals)
        outs = as_tuple(result, func, "the output of f")
        out_tangents = []
        for o in outs:
            t = tangent_of(o, level)
            if t is None:
                from .._registry import ops as bridge

                t = bridge.zeros_like(o)
            out_tangents.append(t)
    finally:
        MODE.forward = level.parent
    if isinstance(result, _dispatch.TENSOR):
        return result, out_tangents[0]
    return tuple(outs), tuple(out_tangents)


# ------------------------------------------------------------------ jacobians


def _basis(shape, dtype, device, index, imag=False):
    from .._registry import ops as bridge

    e = bridge.zeros((math.prod(shape),), dtype=dtype, device=device)
    e[index] = 1j if imag else 1
    return bridge.reshape(e, shape)


def jacobian(func, inputs, *, mode="reverse", create_graph=False):
    """The Jacobian of ``func`` at ``inputs`` (PyTorch's ``autograd.functional``).

    For one input and one output the result has shape ``out.shape + in.shape``; for
    tuples, a tuple (per output) of tuples (per input). ``mode`` is "reverse" (one VJP
    per output element) or "forward" (one JVP per input element). For complex
    functions the entries are the holomorphic derivatives dy/dz (exact for
    holomorphic functions).
    """
    name = "bridge.autograd.jacobian"
    if mode not in ("reverse", "forward"):
        raise ValueError(f"{name}: mode must be 'reverse' or 'forward', got {mode!r}")
    single_in = isinstance(inputs, _dispatch.TENSOR)
    ins = as_tuple(inputs, name, "inputs")
    from .._registry import ops as bridge

    if mode == "reverse":
        with _graph.enable_grad():
            leaves = _prepare_primals(ins, name)
            result = func(*leaves)
        single_out = isinstance(result, _dispatch.TENSOR)
        outs = as_tuple(result, name, "the output of func")
        table = []
        for o in outs:
            rows = []
            for k in range(o.size):
                if o.requires_grad:
                    e = _basis(o.shape, o.dtype, o.device, k)
                    gs = grad(o, leaves, e, retain_graph=True, create_graph=create_graph,
                              materialize_grads=True)
                    if o.dtype.kind == "c" and any(g.dtype.kind != "c" for g in gs):
                        # a real input of a complex output: vjp(e_k) is the real part of
                        # dy_k/dx, vjp(i e_k) the imaginary part
                        gi = grad(o, leaves, _basis(o.shape, o.dtype, o.device, k, imag=True),
                                  retain_graph=True, create_graph=create_graph,
                                  materialize_grads=True)
                        gs = tuple(g + 1j * h if g.dtype.kind != "c" else g
                                   for g, h in zip(gs, gi))
                        gs = tuple(bridge.conj(g) if leaf.dtype.kind == "c" else g
                                   for g, leaf in zip(gs, leaves))
                        rows.append(list(gs))
                        continue
                else:
                    gs = tuple(bridge.zeros_like(leaf) for leaf in leaves)
                # vjp(e_k) = conj(dy_k/dz) in PyTorch's convention
                rows.append([bridge.conj(g) if g.dtype.kind == "c" else g for g in gs])
            per_input = []
            for j, leaf in enumerate(leaves):
                stacked = bridge.stack([r[j] for r in rows], axis=0) if rows else \
                    bridge.zeros((0,) + leaf.shape, dtype=leaf.dtype, device=leaf.device)
                per_input.append(bridge.reshape(stacked, o.shape + leaf.shape))
            table.append(tuple(per_input))
    else:
        result = func(*ins)
        single_out = isinstance(result, _dispatch.TENSOR)
        outs = as_tuple(result, name, "the output of func")
        columns = [[] for _ in outs]
        for j, p in enumerate(ins):
            cols = [[] for _ in outs]
            for k in range(p.size):
                tangents = tuple(_basis(q.shape, q.dtype, q.device, k) if i == j else
                                 bridge.zeros_like(q) for i, q in enumerate(ins))
                _, touts = jvp(func, ins, tangents)
                touts = (touts,) if isinstance(touts, _dispatch.TENSOR) else touts
                for oi, t in enumerate(touts):
                    cols[oi].append(t)
            for oi, o in enumerate(outs):
                if cols[oi]:
                    stacked = bridge.stack(cols[oi], axis=-1)
                else:
                    stacked = bridge.zeros(o.shape + (0,), dtype=o.dtype, device=o.device)
                columns[oi].append(bridge.reshape(stacked, o.shape + p.shape))
        table = [tuple(c) for c in columns]
    if single_out and single_in:
        return table[0][0]
    if single_out:
        return table[0]
    if single_in:
        return tuple(row[0] for row in table)
    return tuple(table)


def hessian(func, inputs, *, create_graph=False):
    """The Hessian of scalar ``func`` at ``inputs`` (reverse over reverse)."""
    name = "bridge.autograd.hessian"
    single = isinstance(inputs, _dispatch.TENSOR)
    ins = as_tuple(inputs, name, "inputs")

    def gradient(*xs):
        out = func(*xs)
        if not isinstance(out, _dispatch.TENSOR) or out.size != 1:
            raise TypeError(f"{name}: func must return a scalar Tensor")
        gs = grad(out, xs, create_graph=True, materialize_grads=True)
        return gs[0] if single else gs

    return jacobian(gradient, ins[0] if single else ins, create_graph=create_graph)


def hvp(func, inputs, v):
    """``(func(inputs), H @ v)`` for scalar ``func`` (PyTorch's signature), computed
    forward-over-reverse: the JVP of the gradient in direction ``v``."""
    name = "bridge.autograd.hvp"
    single = isinstance(inputs, _dispatch.TENSOR)
    ins = as_tuple(inputs, name, "inputs")
    vs = as_tuple(v, name, "v")
    values = []

    def gradient(*xs):
        with _graph.enable_grad():
            leaves = _prepare_primals(xs, name)
            out = func(*leaves)
            if not isinstance(out, _dispatch.TENSOR) or out.size != 1:
                raise TypeError(f"{name}: func must return a scalar Tensor")
            values.append(out)
            return grad(out, leaves, materialize_grads=True)

    _, tangents = jvp(gradient, ins, vs)
    value = values[0].detach()
    tangents = tuple(tangents)
    return value, (tangents[0] if single else tangents)

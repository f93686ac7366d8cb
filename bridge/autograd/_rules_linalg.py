"""Derivative rules of the linalg and fft extensions.

Three ways of writing a rule appear here, each chosen for the op's mathematics:

* explicit VJP and JVP formulas (inv, solve, det, slogdet, cholesky, eigh, qr, fft...);
* a *composite*: the op re-expressed in differentiable bridge ops (norms, cross,
  outer, trace, diagonal, matrix_power), whose VJP and JVP the engine computes; this
  keeps the subgradient policy of the pieces (``abs'(0) = 0``, ties split evenly);
* one formula and its transpose: the VJP of a linear map determines its JVP (and
  conversely), computed by differentiating the formula with respect to the cotangent
  (svd, eig, pinv). This is exact, costs about one extra backward, and is listed as
  such in the docs.

Gradients of eigenvectors and singular vectors exist only for functions invariant
under their phase (sign) choice, as in every library; tests use such functions.
"""

from __future__ import annotations

import math

from .. import _dispatch
from .._registry import ops as B
from . import _graph
from ._functional import grad as _functional_grad
from ._graph import MODE, ForwardLevel, set_tangent, tangent_of
from ._rules import RULES, Rule, add_tangents, conj, linear_jvp, rule


def mH(x):  # noqa: N802 - the conjugate transpose, as in the standard's .mT
    return conj(B.matrix_transpose(x))


def diag_embed(v):
    """A stack of diagonal matrices with ``v`` (..., n) on the diagonal."""
    n = v.shape[-1]
    eye = B.eye(n, dtype=v.dtype, device=v.device)
    return B.expand_dims(v, axis=-1) * eye


def diagonal_of(x):
    return B.linalg.diagonal(x)


def solve_right(x, a):
    """x @ inv(a), as solve(a^T, x^T)^T."""
    return B.matrix_transpose(B.linalg.solve(B.matrix_transpose(a), B.matrix_transpose(x)))


# ------------------------------------------------------------------ rules from formulas


def _inv_vjp(c, g):
    y = c.out
    return (-(mH(y) @ g @ mH(y)),)


def _inv_jvp(c, t):
    y = c.out
    return -(y @ t[0] @ y)


rule("linalg.inv", _inv_vjp, _inv_jvp, save_output=True)


def _as_matrix_rhs(b, x):
    """solve: a 1-d right-hand side is a vector (the standard's rule)."""
    return B.expand_dims(b, axis=-1) if b.ndim == 1 else b


def _solve_vjp(c, g):
    a, b = c.inputs
    x = c.out
    vector = b.ndim == 1
    gm = B.expand_dims(g, axis=-1) if vector else g
    xm = B.expand_dims(x, axis=-1) if vector else x
    gb = B.linalg.solve(mH(a), gm)
    ga = -(gb @ mH(xm)) if c.needs[0] else None
    if vector:
        gb = gb[..., 0]
    return (ga, gb if c.needs[1] else None)


def _solve_jvp(c, tangents):
    a, b = c.saved_inputs
    x = c.out
    ta, tb = tangents
    vector = b.ndim == 1
    xm = B.expand_dims(x, axis=-1) if vector else x
    rhs = None
    if tb is not None:
        rhs = B.expand_dims(tb, axis=-1) if vector else tb
    if ta is not None:
        rhs = add_tangents(rhs, -(ta @ xm))
    out = B.linalg.solve(a, rhs)
    return out[..., 0] if vector else out


rule("linalg.solve", _solve_vjp, _solve_jvp, save_inputs=True, save_output=True)


def _det_vjp(c, g):
    a = c.inputs[0]
    d = c.out
    # d det / dA = det * inv(A)^T (holomorphic): cotangent conj of it times g
    scale = B.expand_dims(B.expand_dims(g * conj(d), axis=-1), axis=-1)
    return (scale * mH(B.linalg.inv(a)),)


def _det_jvp(c, t):
    a = c.saved_inputs[0]
    return c.out * B.linalg.trace(B.linalg.solve(a, t[0]))


rule("linalg.det", _det_vjp, _det_jvp, save_inputs=True, save_output=True)


def _slogdet_vjp(c, gs):
    a = c.inputs[0]
    g_sign, g_log = gs
    sign = c.out[0]
    inv_h = mH(B.linalg.inv(a))
    # logabsdet = Re(log det): d = Re(tr(inv(A) dA)), cotangent g_log * inv(A)^H
    out = B.expand_dims(B.expand_dims(g_log, axis=-1), axis=-1) * inv_h
    if a.dtype.kind == "c":
        # sign = det/|det|: d sign = sign * i * Im(tr(inv(A) dA))
        weight = -B.imag(conj(g_sign) * sign)
        out = out + B.expand_dims(B.expand_dims(weight * 1j, axis=-1), axis=-1) * inv_h
    return (out,)


def _slogdet_jvp(c, t):
    a = c.saved_inputs[0]
    sign = c.out[0]
    trace = B.linalg.trace(B.linalg.solve(a, t[0]))
    if a.dtype.kind == "c":
        return (sign * (B.imag(trace) * 1j), B.real(trace))
    return (None, trace)


rule("linalg.slogdet", _slogdet_vjp, _slogdet_jvp, save_inputs=True, save_output=True,
     dense=True)


def _phi(x):
    """The lower triangle with the diagonal halved (Cholesky's derivative map)."""
    n = x.shape[-1]
    half = B.eye(n, dtype=x.dtype, device=x.device) * 0.5
    return B.tril(x, k=-1) + x * half


def _cholesky_lower(c):
    out = c.out
    return mH(out) if c.params["upper"] else out


def _cholesky_vjp(c, g):
    low = _cholesky_lower(c)
    g_low = mH(g) if c.params["upper"] else g
    phi = _phi(mH(low) @ g_low)
    # gA = L^-H phi L^-1, symmetrised (the input is Hermitian by contract)
    inner = B.linalg.solve(mH(low), solve_right(phi, low))
    return (0.5 * (inner + mH(inner)),)


def _cholesky_jvp(c, t):
    low = _cholesky_lower(c)
    inner = B.linalg.solve(low, solve_right(t[0], mH(low)))
    d_low = low @ _phi(inner)
    return mH(d_low) if c.params["upper"] else d_low


rule("linalg.cholesky", _cholesky_vjp, _cholesky_jvp, save_output=True)


def _eigh_gaps(w):
    """1 / (w_j - w_i) off the diagonal, 0 on it (distinct eigenvalues assumed)."""
    gaps = B.expand_dims(w, axis=-2) - B.expand_dims(w, axis=-1)
    n = w.shape[-1]
    eye = B.eye(n, dtype=B.bool, device=w.device)
    safe = B.where(eye, 1.0, gaps)
    return B.where(eye, 0.0, 1 / safe)


def _eigh_vjp(c, gs):
    w, v = c.out
    gw, gv = gs
    inner = diag_embed(B.astype(gw, v.dtype)) if gw is not None else None
    if gv is not None:
        vhgv = mH(v) @ gv
        skew = 0.5 * (vhgv - mH(vhgv))
        inner = add_tangents(inner, skew * B.astype(_eigh_gaps(w), v.dtype))
    out = v @ inner @ mH(v)
    return (out,)


def _eigh_jvp(c, t):
    w, v = c.out
    p = mH(v) @ t[0] @ v
    dw = B.real(diagonal_of(p)) if p.dtype.kind == "c" else diagonal_of(p)
    dv = v @ (p * B.astype(_eigh_gaps(w), v.dtype))
    return (dw, dv)


rule("linalg.eigh", _eigh_vjp, _eigh_jvp, save_output=True)


def _eigvalsh_vjp(c, g):
    a = c.inputs[0]
    _, v = B.linalg.eigh(a)
    return (v @ diag_embed(B.astype(g, v.dtype)) @ mH(v),)


def _eigvalsh_jvp(c, t):
    a = c.saved_inputs[0]
    _, v = B.linalg.eigh(a)
    p = diagonal_of(mH(v) @ t[0] @ v)
    return B.real(p) if p.dtype.kind == "c" else p


rule("linalg.eigvalsh", _eigvalsh_vjp, _eigvalsh_jvp, save_inputs=True)


def _qr_check(c, x_shape):
    m, n = x_shape[-2:]
    if c.params["mode"] != "reduced" or m < n:
        raise ValueError(
            "linalg.qr: the gradient is defined for mode='reduced' with M >= N only (other "
            "factorisations are not unique); got mode="
            f"{c.params['mode']!r} and a {m}x{n} matrix"
        )


def _qr_vjp(c, gs):
    _qr_check(c, c.avals[0][0])
    q, r = c.out
    gq, gr = gs
    m = gr @ mH(r) - mH(q) @ gq
    # adjoint of C -> triu(C, 1) + tril(C, -1)^H + Re(diag C): upper triangle of M, lower
    # triangle of M^H, real diagonal
    gc = B.triu(m, k=1) + B.tril(mH(m), k=-1) + diag_embed(B.astype(B.real(diagonal_of(m))
                                                                   if m.dtype.kind == "c"
                                                                   else diagonal_of(m), m.dtype))
    x = gq + q @ gc
    return (mH(B.linalg.solve(r, mH(x))),)


def _qr_jvp(c, t):
    _qr_check(c, c.avals[0][0])
    q, r = c.out
    x = solve_right(t[0], r)
    cm = mH(q) @ x
    low = B.tril(cm, k=-1)
    omega = low - mH(low)
    if cm.dtype.kind == "c":
        omega = omega + diag_embed(B.imag(diagonal_of(cm)) * 1j)
    s = cm - omega
    return (x - q @ s, s @ r)


rule("linalg.qr", _qr_vjp, _qr_jvp, save_output=True, dense=True)


# ------------------------------------------------------------------ one formula + transpose


def jvp_by_transposing(vjp):
    """The JVP of a rule from its VJP: the VJP is linear in the cotangent, so
    differentiating <vjp(g), t> with respect to g gives J t exactly."""

    def jvp(c, tangents):
        outs = c.out
        multi = isinstance(outs, tuple)
        outs = outs if multi else (outs,)
        with _graph.enable_grad():
            cotangents = [B.zeros(o.shape, dtype=o.dtype, device=o.device, requires_grad=True)
                          for o in outs]
            c.needs = [t is not None for t in tangents]
            cts = vjp(c, cotangents if multi else cotangents[0])
            total = None
            for ct, t, aval in zip(cts, tangents, c.avals):
                if ct is None or t is None:
                    continue
                ct = _graph._fit(ct, aval)
                term = B.sum(B.real(conj(ct) * t) if ct.dtype.kind == "c" else ct * t)
                total = term if total is None else total + term
            if total is None or not total.requires_grad:
                return tuple(None for _ in outs) if multi else None
            result = _functional_grad(total, cotangents, create_graph=MODE.grad,
                                     materialize_grads=True)
        return tuple(result) if multi else result[0]

    return jvp


def _svd_parts(c):
    full = c.params["full_matrices"]
    u, s, vh = c.out
    m, n = c.avals[0][0][-2:]
    if full and m != n:
        raise ValueError(
            "linalg.svd: the gradient with full_matrices=True is defined only for square "
            "matrices (the extra singular vectors are not unique); use full_matrices=False"
        )
    return u, s, vh


def _svd_vjp(c, gs):
    u, s, vh = _svd_parts(c)
    gu, g_s, gvh = gs
    v = mH(vh)
    gv = mH(gvh)
    k = s.shape[-1]
    dtype = u.dtype
    s_c = B.astype(s, dtype)
    uhgu = mH(u) @ gu
    vhgv = mH(v) @ gv
    uhgu_skew = uhgu - mH(uhgu)
    vhgv_skew = vhgv - mH(vhgv)
    s2 = s * s
    gaps = B.expand_dims(s2, axis=-2) - B.expand_dims(s2, axis=-1)
    eye = B.eye(k, dtype=B.bool, device=s.device)
    inv_gaps = B.astype(B.where(eye, 0.0, 1 / B.where(eye, 1.0, gaps)), dtype)
    inner = (uhgu_skew * B.expand_dims(s_c, axis=-2) + B.expand_dims(s_c, axis=-1) * vhgv_skew) \
        * inv_gaps
    inner = inner + diag_embed(B.astype(g_s, dtype))
    if dtype.kind == "c":
        # the phase of each singular pair: Im(diag(U^H gU)) / (2 s)
        inner = inner + diag_embed(B.imag(diagonal_of(uhgu)) * 1j / s_c)
    ga = u @ inner @ vh
    m, n = c.avals[0][0][-2:]
    s_row = B.expand_dims(s_c, axis=-2)
    if m > k:
        ga = ga + ((gu - u @ uhgu) / s_row) @ vh
    if n > k:
        ga = ga + u @ mH((gv - v @ vhgv) / s_row)
    return (ga,)


rule("linalg.svd", _svd_vjp, jvp_by_transposing(_svd_vjp), save_output=True, dense=True)


def _svdvals_vjp(c, g):
    a = c.inputs[0]
    u, _, vh = B.linalg.svd(a, full_matrices=False)
    return (u @ diag_embed(B.astype(g, u.dtype)) @ vh,)


def _svdvals_jvp(c, t):
    a = c.saved_inputs[0]
    u, _, vh = B.linalg.svd(a, full_matrices=False)
    p = diagonal_of(mH(u) @ t[0] @ mH(vh))
    return B.real(p) if p.dtype.kind == "c" else p


rule("linalg.svdvals", _svdvals_vjp, _svdvals_jvp, save_inputs=True)


def _eig_vjp_parts(values, vectors, g_values, g_vectors):
    """PyTorch's eig backward: gA = V^-H (diag(gL) + (V^H gV - V^H V Re(diag(V^H gV)))
    / conj(E)) V^H with E_ij = L_j - L_i."""
    n = values.shape[-1]
    vh = mH(vectors)
    inner = diag_embed(g_values) if g_values is not None else None
    if g_vectors is not None:
        vhgv = vh @ g_vectors
        correction = (vh @ vectors) * B.expand_dims(B.astype(B.real(diagonal_of(vhgv)),
                                                             vhgv.dtype), axis=-2)
        vhgv = vhgv - correction
        gaps = conj(B.expand_dims(values, axis=-2) - B.expand_dims(values, axis=-1))
        eye = B.eye(n, dtype=B.bool, device=values.device)
        off = B.where(eye, 0.0, vhgv / B.where(eye, 1.0, gaps))
        inner = add_tangents(inner, off)
    return B.linalg.solve(vh, inner @ vh)


def _eig_vjp(c, gs):
    values, vectors = c.out
    return (_eig_vjp_parts(values, vectors, gs[0], gs[1]),)


def _eigvals_vjp(c, g):
    values, vectors = B.linalg.eig(c.inputs[0])
    return (_eig_vjp_parts(values, vectors, g, None),)


rule("linalg.eig", _eig_vjp, jvp_by_transposing(_eig_vjp), save_output=True, dense=True)
rule("linalg.eigvals", _eigvals_vjp, jvp_by_transposing(_eigvals_vjp), save_inputs=True)


def _pinv_jvp(c, t):
    a = c.saved_inputs[0]
    p = c.out
    da = t[0]
    m, n = a.shape[-2:]
    eye_m = B.eye(m, dtype=a.dtype, device=a.device)
    eye_n = B.eye(n, dtype=a.dtype, device=a.device)
    # the derivative of the pseudo-inverse where the rank is locally constant
    return (-(p @ da @ p) + p @ mH(p) @ mH(da) @ (eye_m - a @ p)
            + (eye_n - p @ a) @ mH(da) @ mH(p) @ p)


def _pinv_vjp(c, g):
    a = c.inputs[0]
    p = c.out
    m, n = a.shape[-2:]
    eye_m = B.eye(m, dtype=a.dtype, device=a.device)
    eye_n = B.eye(n, dtype=a.dtype, device=a.device)
    # the adjoint of _pinv_jvp, term by term
    return (-(mH(p) @ g @ mH(p)) + (eye_m - a @ p) @ mH(g) @ p @ mH(p)
            + mH(p) @ p @ mH(g) @ (eye_n - p @ a), None)


rule("linalg.pinv", _pinv_vjp, _pinv_jvp, save_inputs=True, save_output=True)


# ------------------------------------------------------------------ composites


def composite(name, expression, save_output=False):
    """A rule from ``expression(*inputs, *args, **params)``, the op written in
    differentiable bridge ops: the VJP differentiates the expression (connected to the
    inputs' graph when building higher-order graphs), the JVP pushes tangents through
    it in a forward level of its own."""

    def vjp(c, g):
        inputs = list(c.inputs)
        wanted = [i for i, x in enumerate(inputs) if c.needs[i]]
        with _graph.enable_grad():
            leaves = []
            for i in wanted:
                x = inputs[i]
                if not (MODE.grad and x.requires_grad):
                    x = x.detach().requires_grad_(True)
                inputs[i] = x
                leaves.append(x)
            out = expression(*inputs, *c.args, **c.params)
            outs = out if isinstance(out, tuple) else (out,)
            gs = g if isinstance(g, list) else [g]
            live = [(o, gg) for o, gg in zip(outs, gs) if gg is not None and o.requires_grad]
            if not live:
                return tuple(None for _ in inputs)
            grads = _functional_grad([o for o, _ in live], leaves, [gg for _, gg in live],
                                    create_graph=MODE.grad, materialize_grads=True)
        result = [None] * len(inputs)
        for i, gr in zip(wanted, grads):
            result[i] = gr
        return tuple(result)

    def jvp(c, tangents):
        inputs = list(c.saved_inputs)
        level = ForwardLevel(MODE.forward)
        MODE.forward = level
        try:
            for i, t in enumerate(tangents):
                if t is not None:
                    dual = _dispatch.run("reshape", (inputs[i],), inputs[i].shape, None)
                    set_tangent(dual, level, t)
                    inputs[i] = dual
            out = expression(*inputs, *c.args, **c.params)
        finally:
            MODE.forward = level.parent
        if isinstance(out, tuple):
            return tuple(tangent_of(o, level) for o in out)
        return tangent_of(out, level)

    RULES[name] = Rule(vjp, jvp, save_inputs=True, save_output=save_output)


def _vector_norm(x, axis=None, keepdims=False, ord=2):  # noqa: A002
    magnitude = B.abs(x)
    if ord == 1:
        return B.sum(magnitude, axis=axis, keepdims=keepdims)
    if ord == math.inf:
        return B.max(magnitude, axis=axis, keepdims=keepdims)
    if ord == -math.inf:
        return B.min(magnitude, axis=axis, keepdims=keepdims)
    if ord == 0:
        # counts non-zeros: piecewise constant, zero gradient
        return B.sum(B.astype(magnitude != 0, magnitude.dtype), axis=axis, keepdims=keepdims)
    return B.sum(magnitude ** ord, axis=axis, keepdims=keepdims) ** (1.0 / ord)


def _norm2_vjp(c, g):
    x = c.inputs[0]
    norm = c.out
    axis = c.params["axis"]
    if not c.params["keepdims"]:
        axes = tuple(range(x.ndim)) if axis is None else axis
        shape = tuple(1 if i in axes else s for i, s in enumerate(x.shape))
        g = B.reshape(g, shape)
        norm = B.reshape(norm, shape)
    # vector_norm'(0) = 0 (a subgradient), instead of 0/0
    scale = B.where(norm == 0, 0.0, g / B.where(norm == 0, 1.0, norm))
    return (x * scale,)


def _norm2_jvp(c, t):
    x = c.saved_inputs[0]
    norm = c.out
    axis = c.params["axis"]
    inner = B.sum(B.real(conj(x) * t[0]) if x.dtype.kind == "c" else x * t[0], axis=axis,
                  keepdims=c.params["keepdims"])
    return B.where(norm == 0, 0.0, inner / B.where(norm == 0, 1.0, norm))


def _vector_norm_rule():
    composite("linalg.vector_norm", _vector_norm)
    general = RULES["linalg.vector_norm"]

    def vjp(c, g):
        return _norm2_vjp(c, g) if c.params["ord"] == 2 else general.vjp(c, g)

    def jvp(c, t):
        return _norm2_jvp(c, t) if c.params["ord"] == 2 else general.jvp(c, t)

    RULES["linalg.vector_norm"] = Rule(vjp, jvp, save_inputs=True, save_output=True)


_vector_norm_rule()


def _matrix_norm(x, keepdims=False, ord="fro"):  # noqa: A002
    if ord == "fro":
        out = B.linalg.vector_norm(x, axis=(-2, -1), keepdims=keepdims)
        return out
    if ord == "nuc":
        out = B.sum(B.linalg.svdvals(x), axis=-1)
    elif ord in (2, -2):
        s = B.linalg.svdvals(x)
        out = B.max(s, axis=-1) if ord == 2 else B.min(s, axis=-1)
    elif ord in (1, -1):
        sums = B.sum(B.abs(x), axis=-2)
        out = B.max(sums, axis=-1) if ord == 1 else B.min(sums, axis=-1)
    else:  # +-inf: over rows
        sums = B.sum(B.abs(x), axis=-1)
        out = B.max(sums, axis=-1) if ord > 0 else B.min(sums, axis=-1)
    if keepdims:
        out = B.expand_dims(B.expand_dims(out, axis=-1), axis=-1)
    return out


composite("linalg.matrix_norm", _matrix_norm)


def _cross_jvp(c, tangents):
    x1, x2 = c.saved_inputs
    t1, t2 = tangents
    axis = c.params["axis"]
    return add_tangents(None if t1 is None else B.linalg.cross(t1, x2, axis=axis),
                        None if t2 is None else B.linalg.cross(x1, t2, axis=axis))


def _cross_vjp(c, g):
    x1, x2 = c.inputs
    axis = c.params["axis"]
    # g . (t x b) = t . (b x g) and g . (a x t) = t . (g x a), conjugated where complex
    return (B.linalg.cross(conj(x2), g, axis=axis) if c.needs[0] else None,
            B.linalg.cross(g, conj(x1), axis=axis) if c.needs[1] else None)


rule("linalg.cross", _cross_vjp, _cross_jvp, save_inputs=True)


def _outer_vjp(c, g):
    x1, x2 = c.inputs
    return (g @ conj(x2) if c.needs[0] else None, conj(x1) @ g if c.needs[1] else None)


def _outer_jvp(c, tangents):
    x1, x2 = c.saved_inputs
    t1, t2 = tangents
    return add_tangents(None if t1 is None else B.linalg.outer(t1, x2),
                        None if t2 is None else B.linalg.outer(x1, t2))


rule("linalg.outer", _outer_vjp, _outer_jvp, save_inputs=True)


def _diagonal_vjp(c, g):
    shape = c.avals[0][0]
    offset = c.params["offset"]
    rows, cols = shape[-2:]
    # place g on the offset diagonal: mask times broadcast g along the right axis
    i = B.reshape(B.arange(rows, device=g.device), (rows, 1))
    j = B.reshape(B.arange(cols, device=g.device), (1, cols))
    mask = (j - i) == offset
    length = g.shape[-1]
    if length == 0:
        return (B.zeros(shape, dtype=g.dtype, device=g.device),)
    index = B.clip(i if offset >= 0 else j, 0, length - 1)
    index = B.broadcast_to(index, (rows, cols))
    spread = B.take(g, B.reshape(index, (-1,)), axis=-1)
    spread = B.reshape(spread, g.shape[:-1] + (rows, cols))
    return (B.where(mask, spread, 0.0),)


rule("linalg.diagonal", _diagonal_vjp, linear_jvp("linalg.diagonal"))


def _trace_vjp(c, g):
    shape = c.avals[0][0]
    rows, cols = shape[-2:]
    eye = B.eye(rows, cols, k=c.params["offset"], dtype=g.dtype, device=g.device)
    return (B.expand_dims(B.expand_dims(g, axis=-1), axis=-1) * eye,)


rule("linalg.trace", _trace_vjp, linear_jvp("linalg.trace"))


def _matrix_power(x, n):
    if n == 0:
        return B.broadcast_to(B.eye(x.shape[-1], dtype=x.dtype, device=x.device), x.shape) * 1
    base = x if n > 0 else B.linalg.inv(x)
    result = None
    power = base
    k = abs(n)
    # binary powering: O(log n) matmuls, each differentiable
    while k:
        if k & 1:
            result = power if result is None else result @ power
        k >>= 1
        if k:
            power = power @ power
    return result


composite("linalg.matrix_power", _matrix_power)


# ------------------------------------------------------------------ fft

DUAL_NORM = {"backward": "forward", "forward": "backward", "ortho": "ortho"}


def _fit_axis(x, axis, length):
    """x truncated or zero-padded along ``axis`` to ``length`` (undoes fft's n)."""
    size = x.shape[axis]
    if size == length:
        return x
    if size > length:
        key = (slice(None),) * axis + (slice(0, length),)
        return x[key]
    shape = list(x.shape)
    shape[axis] = length - size
    return B.concat([x, B.zeros(tuple(shape), dtype=x.dtype, device=x.device)], axis=axis)


def _axes_lengths(c):
    p = c.params
    if "axis" in p:
        return (p["axis"],), (p["n"],)
    return tuple(p["axes"]), tuple(p["s"])


def _c2c_vjp(inverse):
    def vjp(c, g):
        axes, lengths = _axes_lengths(c)
        norm = DUAL_NORM[c.params["norm"]]
        func = B.fft.fftn if inverse else B.fft.ifftn
        out = func(g, s=lengths, axes=axes, norm=norm)
        shape = c.avals[0][0]
        for a in axes:
            out = _fit_axis(out, a, shape[a])
        return (out,)

    return vjp


for _name, _inverse in (("fft.fft", False), ("fft.fftn", False), ("fft.ifft", True),
                        ("fft.ifftn", True)):
    rule(_name, _c2c_vjp(_inverse), linear_jvp(_name))


def _r2c_adjoint(g, axes, lengths, norm, shape):
    """Adjoint of rfftn (norm) at cotangent g: zero-pad the half spectrum, inverse
    complex transform with the dual norm; the engine keeps the real part."""
    last = axes[-1]
    g = _fit_axis(g, last, lengths[-1])
    out = B.fft.ifftn(g, s=lengths, axes=axes, norm=DUAL_NORM[norm])
    for a in axes:
        out = _fit_axis(out, a, shape[a])
    return out


def _c2r_adjoint(g, axes, lengths, norm, shape):
    """Adjoint of irfftn (norm) at real cotangent g: rfftn with the dual norm, the
    entries that the Hermitian extension used twice doubled."""
    out = B.fft.rfftn(g, s=lengths, axes=axes, norm=DUAL_NORM[norm])
    last = axes[-1]
    half = out.shape[last]
    doubled = lengths[-1] - half
    if doubled > 0:
        weights = B.concat([B.ones((1,), dtype=B.float64, device=g.device),
                            2.0 * B.ones((doubled,), dtype=B.float64, device=g.device),
                            B.ones((half - 1 - doubled,), dtype=B.float64, device=g.device)])
        shape_w = [1] * out.ndim
        shape_w[last] = half
        out = out * B.astype(B.reshape(weights, tuple(shape_w)), _real_of(out.dtype))
    for a in axes[:-1]:
        out = _fit_axis(out, a, shape[a])
    return _fit_axis(out, last, shape[last])


def _real_of(dtype):
    return B.float32 if dtype == B.complex64 else B.float64


def _rfft_vjp(c, g):
    axes, lengths = _axes_lengths(c)
    return (_r2c_adjoint(g, axes, lengths, c.params["norm"], c.avals[0][0]),)


def _irfft_vjp(c, g):
    axes, lengths = _axes_lengths(c)
    return (_c2r_adjoint(g, axes, lengths, c.params["norm"], c.avals[0][0]),)


def _hfft_vjp(c, g):
    # hfft(x, norm) = irfft(conj(x), dual norm): conj is anti-linear, its VJP conj(g)
    axes, lengths = _axes_lengths(c)
    return (conj(_c2r_adjoint(g, axes, lengths, DUAL_NORM[c.params["norm"]], c.avals[0][0])),)


def _ihfft_vjp(c, g):
    # ihfft(x, norm) = conj(rfft(x, dual norm))
    axes, lengths = _axes_lengths(c)
    return (_r2c_adjoint(conj(g), axes, lengths, DUAL_NORM[c.params["norm"]], c.avals[0][0]),)


rule("fft.rfft", _rfft_vjp, linear_jvp("fft.rfft"))
rule("fft.rfftn", _rfft_vjp, linear_jvp("fft.rfftn"))
rule("fft.irfft", _irfft_vjp, linear_jvp("fft.irfft"))
rule("fft.irfftn", _irfft_vjp, linear_jvp("fft.irfftn"))
rule("fft.hfft", _hfft_vjp, linear_jvp("fft.hfft"))
rule("fft.ihfft", _ihfft_vjp, linear_jvp("fft.ihfft"))
rule("fft.fftshift", lambda c, g: (B.fft.ifftshift(g, axes=c.params["axes"]),),
     linear_jvp("fft.fftshift"))
rule("fft.ifftshift", lambda c, g: (B.fft.fftshift(g, axes=c.params["axes"]),),
     linear_jvp("fft.ifftshift"))

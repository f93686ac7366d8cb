"""Derivative rules: one entry per registry op, holding its VJP and its JVP.

Rules are written with bridge operations, so they run on every backend and are
themselves differentiable (grad of grad, forward-over-reverse). A rule receives a
``ctx`` (the graph node: ``ctx.inputs``, ``ctx.args``, ``ctx.params``, ``ctx.out``,
``ctx.avals`` = input (shape, dtype) pairs, ``ctx.needs[i]``) and

* ``vjp(ctx, g)`` returns one cotangent per input (``None`` where the input wants
  none); ``g`` is the output's cotangent, a list of them for multi-output ops;
* ``jvp(ctx, tangents)`` returns the output's tangent from the inputs' tangents
  (``None`` for a zero tangent).

Rules never undo broadcasting and never take real parts for real inputs: the engine
does both once. The complex convention is PyTorch's: for a holomorphic f the
cotangent is ``g * conj(f'(z))``; in general, for dy = A dz + B conj(dz), it is
``conj(A) g + B conj(g)``.
"""

from __future__ import annotations

import math

from .. import _dispatch
from .._registry import REGISTRY
from .._registry import ops as B
from ._graph import MODE, NONDIFF, RULES, TangentClash, _make_node, meta_of


class Rule:
    """VJP and JVP of one op, and what its node must save.

    save_inputs / save_output   what the VJP reads (tensors are kept, with versions)
    unsaved_with  the parameters (a binary function's Python-number operand, "x1" or
                "x2") whose presence in a call means the VJP reads no input after all
    dense       a multi-output VJP wants zeros, not None, for outputs without cotangent
    special     a recorder replacing the generic one (in-place ``setitem``)
    """

    __slots__ = ("vjp", "jvp", "save_inputs", "unsaved_with", "save_output", "saves",
                 "dense", "special")

    def __init__(self, vjp, jvp, save_inputs=False, save_output=False, dense=False,
                 special=None, unsaved_with=()):
        self.vjp = vjp
        self.jvp = jvp
        self.save_inputs = save_inputs
        self.unsaved_with = tuple(unsaved_with) if save_inputs else ()
        self.save_output = save_output
        self.saves = save_inputs or save_output
        self.dense = dense
        self.special = special


def rule(name, vjp, jvp, **flags):
    RULES[name] = Rule(vjp, jvp, **flags)


# ------------------------------------------------------------------ helpers


def conj(x):
    """Complex conjugate; the identity (no copy) for real tensors and Python numbers."""
    if isinstance(x, B.Tensor) or hasattr(x, "__array_namespace__"):  # (and vmap's batched)
        return B.conj(x) if x.dtype.kind == "c" else x
    return x.conjugate() if isinstance(x, complex) else x


def zeros_like(x):
    return B.zeros_like(x)


def zeros_of(aval, like):
    shape, dtype = aval
    return B.zeros(shape, dtype=dtype, device=like.device)


def tangent_or_zeros(t, aval, like):
    return t if t is not None else zeros_of(aval, like)


def add_tangents(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return a + b


def linear_jvp(name, positions=None):
    """JVP of an op that is linear in the inputs at ``positions`` (all by default):
    the op itself applied to the tangents (zeros where a tangent is missing)."""

    def jvp(c, tangents):
        inputs = c.saved_inputs
        args = list(inputs)
        any_tangent = False
        for i, x in enumerate(inputs):
            if positions is not None and i not in positions:
                continue
            t = tangents[i]
            if t is None:
                args[i] = B.zeros_like(x)
            else:
                args[i] = t
                any_tangent = True
        if not any_tangent:
            return None
        for a in args:
            if a.__class__ is not _dispatch.TENSOR:  # a bridge.func tangent batched apart
                call = BATCHED_LINEAR.get(name)    # from its primal: the registry's
                if call is None:                   # function, which batches it
                    raise TangentClash(a.level)
                return call(args, c)
        return _dispatch.run(name, tuple(args), *c.args, **c.params)

    return jvp


# The linear ops' calls as the registry's functions, from the kernel's arguments that
# a node keeps: a tangent batched apart from its primal (bridge.func's ``jvp`` under a
# vmap of the tangents, as ``jacfwd`` and ``hessian`` make) goes through the registry,
# whose batching rules handle it. An op missing here makes that jvp batch its primal.
BATCHED_LINEAR = {
    "sum": lambda a, c: B.sum(a[0], **c.params),
    "mean": lambda a, c: B.mean(a[0], **c.params),
    "matrix_transpose": lambda a, c: B.matrix_transpose(a[0]),
    "reshape": lambda a, c: B.reshape(a[0], c.args[0]),
    "expand_dims": lambda a, c: B.expand_dims(a[0], axis=c.args[0]),
    "squeeze": lambda a, c: B.squeeze(a[0], axis=c.args[0]),
    "broadcast_to": lambda a, c: B.broadcast_to(a[0], c.args[0]),
    "broadcast_arrays": lambda a, c: tuple(B.broadcast_arrays(*a)),
    "flip": lambda a, c: B.flip(a[0], axis=c.args[0]),
    "moveaxis": lambda a, c: B.moveaxis(a[0], c.args[0], c.args[1]),
    "permute_dims": lambda a, c: B.permute_dims(a[0], c.args[0]),
    "roll": lambda a, c: B.roll(a[0], c.args[0], axis=c.args[1]),
    "stack": lambda a, c: B.stack(list(a), axis=c.params["axis"]),
    "concat": lambda a, c: B.concat(list(a), axis=c.params["axis"]),
    "astype": lambda a, c: B.astype(a[0], c.args[0]),
    "getitem": lambda a, c: a[0][tensor_key(c.args[0])],
    "tril": lambda a, c: B.tril(a[0], k=c.args[0]),
    "triu": lambda a, c: B.triu(a[0], k=c.args[0]),
}


def in_shape(c, i=0):
    return c.avals[i][0]


def reduced_axes(c):
    axis = c.params.get("axis")
    ndim = len(in_shape(c))
    return tuple(range(ndim)) if axis is None else axis


def expand_reduced(c, g):
    """A reduction's cotangent with the reduced axes back (size 1), if they were dropped."""
    if not c.params.get("keepdims", False):
        axes = reduced_axes(c)
        if axes:
            g = B.reshape(g, tuple(1 if i in axes else s for i, s in enumerate(in_shape(c))))
    return g


def count_reduced(c):
    shape = in_shape(c)
    return math.prod(shape[a] for a in reduced_axes(c))


def axis_key(ndim, axis, sl):
    return (slice(None),) * axis + (sl,)


def tensor_key(key):
    """A raw index key with raw arrays wrapped back into Tensors (for bridge getitem)."""
    if not isinstance(key, tuple):
        key = (key,)
    out = []
    for k in key:
        if _dispatch.is_raw_array(k):
            out.append(_dispatch.wrap(k))
        else:
            out.append(k)
    return tuple(out)


def has_array(key):
    if not isinstance(key, tuple):
        key = (key,)
    return any(_dispatch.is_raw_array(k) and k.dtype.kind in "iu" for k in key)


def scatter_add(values, positions, size):
    """A 1-d tensor of ``size`` where slot p is the sum of ``values[positions == p]``.

    Written with sort, cumulative sum and searchsorted so that it is linear and
    differentiable in ``values`` and runs on every backend (the standard has no
    scatter-add).
    """
    values = B.reshape(values, (-1,))
    positions = B.reshape(positions, (-1,))
    order = B.argsort(positions)
    sorted_pos = B.take(positions, order)
    running = B.cumulative_sum(B.take(values, order), include_initial=True)
    bounds = B.searchsorted(sorted_pos, B.arange(size + 1, device=values.device), side="left")
    return B.take(running, bounds[1:]) - B.take(running, bounds[:-1])


def linear_positions(shape, device):
    return B.reshape(B.arange(math.prod(shape), device=device), shape)


# ------------------------------------------------------------------ elementwise: unary


def holomorphic(name, derivative, save_inputs=True, save_output=False):
    """y = f(x) with f'(x) = derivative(x, y): vjp g * conj(f'), jvp f' * t."""

    def vjp(c, g):
        x = c.inputs[0] if save_inputs else None
        y = c.out if save_output else None
        return (g * conj(derivative(x, y)),)

    def jvp(c, tangents):
        t = tangents[0]
        x = c.saved_inputs[0]
        y = c.out if save_output else None
        return t * derivative(x, y)

    rule(name, vjp, jvp, save_inputs=save_inputs, save_output=save_output)


def _formulas(arity):
    """The rows of the registry whose derivative is a formula (bridge/_spec.py)."""
    for op in REGISTRY.values():
        g = op.grad
        if g is not None and g.formula is not None and isinstance(g.formula, tuple) == (arity == 2):
            yield op.name, g


# the holomorphic unary functions: their rules come from their rows' formulas
for _name, _g in _formulas(1):
    holomorphic(_name, lambda x, y, f=_g.formula: f(B, x, y), save_inputs="x" in _g.uses,
                save_output="y" in _g.uses)


def fused_vjp(kernel_name, tensors, scalars=()):
    """The backend's one-kernel form of a VJP formula, when it has one (the cupy
    backend: each kernel launch costs microseconds of host time there) and no graph is
    being built through the backward pass and no forward-mode level is active (a fused
    kernel has no rule of its own, reverse or forward: ``hvp`` runs a backward pass
    under forward mode). The operands must be real floating tensors of one dtype, shape
    and device; the kernel computes the formula's operations in the same order, so the
    result is bitwise that of the unfused formula. None where it does not apply."""
    if MODE.grad or MODE.forward is not None or tensors[0].__class__ is not B.Tensor:
        return None  # (a batched cotangent of bridge.func's vmap is no Tensor)
    first = tensors[0]._data
    kernel = _dispatch.kernels_of(first).get(kernel_name)
    if kernel is None or first.dtype.kind != "f":
        return None
    for t in tensors[1:]:
        if t.__class__ is not B.Tensor:
            return None
        d = t._data
        if d.__class__ is not first.__class__ or d.dtype != first.dtype or d.shape != first.shape:
            return None
    return _dispatch.wrap(kernel(*(t._data for t in tensors), *scalars))


def _tanh_vjp(c, g):
    fused = fused_vjp("_tanh_vjp", (g, c.out)) if g.__class__ is B.Tensor else None
    return (fused,) if fused is not None else (g * conj(1 - c.out * c.out),)


RULES["tanh"].vjp = _tanh_vjp

rule("negative", lambda c, g: (-g,), lambda c, t: -t[0])
rule("positive", lambda c, g: (g,), lambda c, t: t[0])
# conj is anti-holomorphic: dy = conj(dz), so the cotangent is conj(g)
rule("conj", lambda c, g: (conj(g),), lambda c, t: conj(t[0]))
# real(z) = (z + conj z)/2: cotangent g (real) for both parts; the engine casts it to
# the input's complex dtype
rule("real", lambda c, g: (g,), lambda c, t: B.real(t[0]))


def _imag_vjp(c, g):
    if c.avals[0][1].kind != "c":
        return (B.zeros_like(g),)  # imag of a real tensor is the constant 0
    return (g * 1j,)


def _imag_jvp(c, t):
    if c.avals[0][1].kind != "c":
        return None
    return B.imag(t[0])


rule("imag", _imag_vjp, _imag_jvp)


def _abs_vjp(c, g):
    # abs'(0) = 0 (sign(0) = 0), for complex z: g * z/|z| (PyTorch's sgn)
    return (g * B.sign(c.inputs[0]),)


def _abs_jvp(c, tangents):
    x = c.saved_inputs[0]
    t = tangents[0]
    if x.dtype.kind == "c":
        return B.real(conj(B.sign(x)) * t)
    return t * B.sign(x)


rule("abs", _abs_vjp, _abs_jvp, save_inputs=True)


def _piecewise_constant(name):
    # ceil, floor, round, trunc, real sign: zero almost everywhere, zero by policy at
    # the jumps (a subgradient would be arbitrary there)
    rule(name, lambda c, g: (B.zeros_like(g),), lambda c, t: None)


for _name in ("ceil", "floor", "round", "trunc"):
    _piecewise_constant(_name)


def _sgn_parts(z):
    magnitude = B.abs(z)
    unit = B.sign(z)
    safe = B.where(magnitude == 0, 1.0, magnitude)
    return unit, magnitude, safe


def _sign_vjp(c, g):
    z = c.inputs[0]
    if z.dtype.kind != "c":
        return (B.zeros_like(g),)
    # z/|z|: A = 1/(2|z|), B = -z^2/(2|z|^3); cotangent conj(A) g + B conj(g)
    unit, magnitude, safe = _sgn_parts(z)
    out = (g - unit * unit * conj(g)) / (2 * safe)
    return (B.where(magnitude == 0, 0.0, out),)


def _sign_jvp(c, tangents):
    z = c.saved_inputs[0]
    if z.dtype.kind != "c":
        return None
    t = tangents[0]
    unit, magnitude, safe = _sgn_parts(z)
    out = (t - unit * unit * conj(t)) / (2 * safe)
    return B.where(magnitude == 0, 0.0, out)


rule("sign", _sign_vjp, _sign_jvp, save_inputs=True)


# ------------------------------------------------------------------ elementwise: binary


def binary(name, partial1, partial2, save_inputs=True, save_output=False,
           reads_own=(True, True)):
    """y = f(x1, x2) holomorphic in each argument with partial derivatives
    ``partial_i(x1, x2, y)``; either argument may be a Python scalar (a constant).
    ``reads_own[i]``: whether partial_i reads its own operand (where it does not, a call
    with the other operand a Python number saves no input)."""
    # a call with x2 a number differentiates by partial1 only, which then needs x1 only
    # if it reads its own operand (and the same for x1 a number)
    with_x2 = save_inputs and reads_own[0]
    with_x1 = save_inputs and reads_own[1]
    unsaved = tuple(p for p, saves in (("x2", with_x2), ("x1", with_x1)) if not saves)

    def vjp(c, g):
        params = c.params
        y = c.out if save_output else None
        if not params:
            x1, x2 = c.inputs if save_inputs else (None, None)
            needs = c.needs
            return (
                g * conj(partial1(x1, x2, y)) if needs[0] else None,
                g * conj(partial2(x1, x2, y)) if needs[1] else None,
            )
        if "x2" in params:
            x1 = c.inputs[0] if with_x2 else None
            return (g * conj(partial1(x1, params["x2"], y)),)
        x2 = c.inputs[0] if with_x1 else None
        return (g * conj(partial2(params["x1"], x2, y)),)

    def jvp(c, tangents):
        params = c.params
        y = c.out if save_output else None
        if not params:
            x1, x2 = c.saved_inputs
            t1, t2 = tangents
            return add_tangents(
                None if t1 is None else t1 * partial1(x1, x2, y),
                None if t2 is None else t2 * partial2(x1, x2, y),
            )
        if "x2" in params:
            return tangents[0] * partial1(c.saved_inputs[0] if with_x2 else None,
                                          params["x2"], y)
        return tangents[0] * partial2(params["x1"], c.saved_inputs[0] if with_x1 else None, y)

    rule(name, vjp, jvp, save_inputs=save_inputs, save_output=save_output,
         unsaved_with=unsaved)


# the binary functions whose partial derivatives are formulas of their rows
for _name, _g in _formulas(2):
    binary(_name, lambda a, b, y, f=_g.formula[0]: f(B, a, b, y),
           lambda a, b, y, f=_g.formula[1]: f(B, a, b, y), save_inputs="x" in _g.uses,
           save_output="y" in _g.uses, reads_own=_g.reads_own)


def _add_vjp(c, g):
    if c.params:
        return (g,)
    return (g, g)


def _add_jvp(c, t):
    if c.params:
        return t[0]
    return add_tangents(t[0], t[1])


def _subtract_vjp(c, g):
    params = c.params
    if not params:
        return (g, -g if c.needs[1] else None)
    return (g,) if "x2" in params else (-g,)


def _subtract_jvp(c, t):
    params = c.params
    if not params:
        t1, t2 = t
        if t2 is None:
            return t1
        return -t2 if t1 is None else t1 - t2
    return t[0] if "x2" in params else -t[0]


rule("add", _add_vjp, _add_jvp)
rule("subtract", _subtract_vjp, _subtract_jvp)


def _pow_base(a, b, y):
    # d/da a**b = b * a**(b-1), defined as 0 where b == 0 (also at a == 0)
    if not isinstance(b, B.Tensor):
        if b == 0:
            return B.zeros_like(a)
        if b == 2:
            return b * a  # a ** 1 is a, exactly: a square's derivative needs no power
        return b * a ** (b - 1)
    return B.where(b == 0, 0.0, b * a ** (b - 1))


def _pow_exponent(a, b, y):
    # d/db a**b = a**b * log(a), defined as 0 where a == 0 and b >= 0 (PyTorch's mask)
    if not isinstance(a, B.Tensor):
        if a == 0:
            return B.zeros_like(b)
        return (a ** b) * math.log(a) if not isinstance(a, complex) else (a ** b) * complex(
            math.log(abs(a)), math.atan2(a.imag, a.real))
    if a.dtype.kind == "c":
        safe = B.where(a == 0, 1.0, a)
        return B.where(a == 0, 0.0, (a ** b) * B.log(safe))
    real_b = b if not isinstance(b, B.Tensor) or b.dtype.kind != "c" else B.real(b)
    zero_base = (a == 0) & (real_b >= 0)
    safe = B.where(zero_base, 1.0, a)
    return B.where(zero_base, 0.0, (a ** b) * B.log(safe))


binary("pow", _pow_base, _pow_exponent)
_pow_generic_vjp = RULES["pow"].vjp


def _pow_vjp(c, g):
    # x ** b for a Python number b: g * (b * x ** (b - 1)) in one kernel where the
    # backend has one (the MLP's squared error, polynomial features)
    b = c.params.get("x2")
    if b is not None and b.__class__ in (int, float) and b != 0 and g.__class__ is B.Tensor:
        a = c.inputs[0]
        if a._data.dtype.kind == "f":
            # b and b - 1 as the unfused formula has them: Python numbers, taken by
            # the kernel in x's dtype (weak scalars)
            fused = fused_vjp("_pow_scalar_vjp", (g, a), (b, b - 1))
            if fused is not None:
                return (fused,)
    return _pow_generic_vjp(c, g)


RULES["pow"].vjp = _pow_vjp


def _copysign_magnitude(a, b, y):
    # |a| * sign of b: d/da = sign(a) * (+1 or -1 by b's sign bit); 0 at a == 0
    if isinstance(b, B.Tensor):
        sign_b = 1.0 - 2.0 * B.astype(B.signbit(b), b.dtype)
    else:
        sign_b = math.copysign(1.0, b)
    return B.sign(a) * sign_b


binary("copysign", _copysign_magnitude, lambda a, b, y: B.zeros_like(b) if isinstance(
    b, B.Tensor) else 0.0)


def _extremum_weights(mine, other, wins):
    """Share of the cotangent for ``mine`` in maximum/minimum: 1 where it wins, 1/2 on
    a tie (ties split evenly), 0 where it loses (NaN counts as winning, as it does in
    the result)."""
    if not isinstance(mine, B.Tensor):
        mine = B.asarray(mine, dtype=other.dtype, device=other.device)
    if not isinstance(other, B.Tensor):
        other = B.asarray(other, dtype=mine.dtype, device=mine.device)
    keeps = (other <= mine) if wins == "max" else (other >= mine)
    # NaN compares False everywhere: a NaN on either side keeps the full share
    keeps = keeps | B.isnan(mine) | B.isnan(other)
    return B.where(mine == other, 0.5, B.astype(keeps, mine.dtype))


binary("maximum", lambda a, b, y: _extremum_weights(a, b, "max"),
       lambda a, b, y: _extremum_weights(b, a, "max"))
binary("minimum", lambda a, b, y: _extremum_weights(a, b, "min"),
       lambda a, b, y: _extremum_weights(b, a, "min"))


# ------------------------------------------------------------------ clip, where


def _clip_parts(c):
    inputs = c.inputs
    x = inputs[0]
    rest = list(inputs[1:])
    lo = rest.pop(0) if isinstance(c.params.get("min"), str) else c.params.get("min")
    hi = rest.pop(0) if isinstance(c.params.get("max"), str) else c.params.get("max")
    return x, lo, hi


def _clip_masks(x, lo, hi):
    """The kernel computes minimum(maximum(x, lo), hi): where each element came from."""
    raised = x if lo is None else B.maximum(x, lo)
    from_x = B.ones_like(x, dtype=B.bool)
    from_lo = None
    if lo is not None:
        from_lo = x < lo
        from_x = ~from_lo
    from_hi = None
    if hi is not None:
        from_hi = raised > hi
        keep = ~from_hi
        from_x = from_x & keep
        if from_lo is not None:
            from_lo = from_lo & keep
    return from_x, from_lo, from_hi


def _clip_vjp(c, g):
    x, lo, hi = _clip_parts(c)
    from_x, from_lo, from_hi = _clip_masks(x, lo, hi)
    out = [B.where(from_x, g, 0.0)]
    if isinstance(lo, B.Tensor):
        out.append(B.where(from_lo, g, 0.0))
    if isinstance(hi, B.Tensor):
        out.append(B.where(from_hi, g, 0.0))
    return tuple(out)


def _clip_jvp(c, tangents):
    x, lo, hi = _clip_parts(c)
    from_x, from_lo, from_hi = _clip_masks(x, lo, hi)
    tangents = list(tangents)
    out = None
    if tangents[0] is not None:
        out = B.where(from_x, tangents[0], 0.0)
    i = 1
    for bound, mask in ((lo, from_lo), (hi, from_hi)):
        if isinstance(bound, B.Tensor):
            if tangents[i] is not None:
                out = add_tangents(out, B.where(mask, tangents[i], 0.0))
            i += 1
    return out


rule("clip", _clip_vjp, _clip_jvp, save_inputs=True)


def _where_vjp(c, g):
    cond = c.inputs[0]
    needs = c.needs
    return (None,
            B.where(cond, g, 0.0) if needs[1] else None,
            B.where(cond, 0.0, g) if needs[2] else None)


def _where_jvp(c, tangents):
    cond, x1, x2 = c.saved_inputs
    _, t1, t2 = tangents
    if t1 is None and t2 is None:
        return None
    return B.where(cond, 0.0 if t1 is None else t1, 0.0 if t2 is None else t2)


rule("where", _where_vjp, _where_jvp, save_inputs=True)


# ------------------------------------------------------------------ reductions


def _sum_vjp(c, g):
    return (B.broadcast_to(expand_reduced(c, g), in_shape(c)),)


def _mean_vjp(c, g):
    n = count_reduced(c)
    return (B.broadcast_to(expand_reduced(c, g) / n, in_shape(c)),)


rule("sum", _sum_vjp, linear_jvp("sum"))
rule("mean", _mean_vjp, linear_jvp("mean"))


def _var_parts(c, x):
    axes = reduced_axes(c)
    centred = x - B.mean(x, axis=axes, keepdims=True)
    dof = count_reduced(c) - c.params["correction"]
    return centred, dof


def _var_vjp(c, g):
    centred, dof = _var_parts(c, c.inputs[0])
    return (expand_reduced(c, g) * centred * (2.0 / dof),)


def _var_jvp(c, tangents):
    centred, dof = _var_parts(c, c.saved_inputs[0])
    axes = reduced_axes(c)
    return B.sum(centred * tangents[0], axis=axes, keepdims=c.params["keepdims"]) * (2.0 / dof)


def _std_scale(c, y):
    # d std = d var / (2 std); std == 0 gets 0 (a subgradient), not inf * 0 = NaN
    y = expand_reduced(c, y)
    return B.where(y == 0, 0.0, 1 / (2 * B.where(y == 0, 1.0, y)))


def _std_vjp(c, g):
    centred, dof = _var_parts(c, c.inputs[0])
    return (expand_reduced(c, g) * _std_scale(c, c.out) * centred * (2.0 / dof),)


def _std_jvp(c, tangents):
    centred, dof = _var_parts(c, c.saved_inputs[0])
    axes = reduced_axes(c)
    dvar = B.sum(centred * tangents[0], axis=axes, keepdims=True) * (2.0 / dof)
    out = dvar * _std_scale(c, c.out)
    if not c.params["keepdims"]:
        out = B.reshape(out, c.out.shape)
    return out


rule("var", _var_vjp, _var_jvp, save_inputs=True)
rule("std", _std_vjp, _std_jvp, save_inputs=True, save_output=True)


def _products_of_others(x, axes):
    """For each element, the product of the other elements over ``axes``, computed with
    exclusive prefix and suffix products so that zeros need no division."""
    ndim = x.ndim
    kept = [a for a in range(ndim) if a not in axes]
    moved = B.permute_dims(x, tuple(kept) + tuple(axes))
    lead_shape = moved.shape[:len(kept)]
    n = math.prod(moved.shape[len(kept):])
    flat = B.reshape(moved, lead_shape + (n,))
    last = len(lead_shape)
    before = B.cumulative_prod(flat, axis=last, include_initial=True)[..., :-1]
    after = B.flip(B.cumulative_prod(B.flip(flat, axis=last), axis=last, include_initial=True),
                   axis=last)[..., 1:]
    others = B.reshape(before * after, moved.shape)
    inverse = [0] * ndim
    for i, a in enumerate(tuple(kept) + tuple(axes)):
        inverse[a] = i
    return B.permute_dims(others, tuple(inverse))


def _prod_vjp(c, g):
    x = c.inputs[0]
    others = _products_of_others(x, reduced_axes(c))
    return (expand_reduced(c, g) * conj(others),)


def _prod_jvp(c, tangents):
    x = c.saved_inputs[0]
    others = _products_of_others(x, reduced_axes(c))
    return B.sum(others * tangents[0], axis=reduced_axes(c), keepdims=c.params["keepdims"])


rule("prod", _prod_vjp, _prod_jvp, save_inputs=True)


def _extremum_share(c, x, y):
    """Where each element attains the max/min, divided by how many do (ties split)."""
    y = expand_reduced(c, y)
    hits = (x == y) | (B.isnan(x) & B.isnan(y))
    weights = B.astype(hits, x.dtype)
    return weights / B.sum(weights, axis=reduced_axes(c), keepdims=True)


def _extremum_vjp(c, g):
    return (expand_reduced(c, g) * _extremum_share(c, c.inputs[0], c.out),)


def _extremum_jvp(c, tangents):
    share = _extremum_share(c, c.saved_inputs[0], c.out)
    return B.sum(share * tangents[0], axis=reduced_axes(c), keepdims=c.params["keepdims"])


rule("max", _extremum_vjp, _extremum_jvp, save_inputs=True, save_output=True)
rule("min", _extremum_vjp, _extremum_jvp, save_inputs=True, save_output=True)


def _reverse_cumsum(g, axis):
    return B.flip(B.cumulative_sum(B.flip(g, axis=axis), axis=axis), axis=axis)


def _cumsum_vjp(c, g):
    axis = c.params["axis"]
    if c.params["include_initial"]:
        g = g[axis_key(g.ndim, axis, slice(1, None))]
    return (_reverse_cumsum(g, axis),)


rule("cumulative_sum", _cumsum_vjp, linear_jvp("cumulative_sum"))


def _cumprod_partials(x, axis):
    """P[..., j, i] = prod_{l <= i, l != j} x_l along ``axis`` (moved last): the
    derivative of output i with respect to input j, for i >= j (zero-safe)."""
    moved = B.moveaxis(x, axis, -1)
    n = moved.shape[-1]
    eye = B.eye(n, dtype=B.bool, device=x.device)
    expanded = B.where(eye, B.ones((), dtype=x.dtype, device=x.device),
                       B.expand_dims(moved, axis=-2))
    partials = B.cumulative_prod(expanded, axis=-1)
    return partials * B.astype(B.triu(B.ones((n, n), dtype=B.bool, device=x.device)), x.dtype)


def _cumprod_vjp(c, g):
    x = c.inputs[0]
    axis = c.params["axis"]
    if c.params["include_initial"]:
        g = g[axis_key(g.ndim, axis, slice(1, None))]
    partials = _cumprod_partials(x, axis)
    gm = B.expand_dims(B.moveaxis(g, axis, -1), axis=-2)
    return (B.moveaxis(B.sum(gm * conj(partials), axis=-1), -1, axis),)


def _cumprod_jvp(c, tangents):
    x = c.saved_inputs[0]
    axis = c.params["axis"]
    partials = _cumprod_partials(x, axis)
    tm = B.expand_dims(B.moveaxis(tangents[0], axis, -1), axis=-1)
    out = B.moveaxis(B.sum(partials * tm, axis=-2), -1, axis)
    if c.params["include_initial"]:
        shape = list(out.shape)
        shape[axis] = 1
        out = B.concat([B.zeros(tuple(shape), dtype=out.dtype, device=out.device), out],
                       axis=axis)
    return out


rule("cumulative_prod", _cumprod_vjp, _cumprod_jvp, save_inputs=True)


def _diff_vjp(c, g):
    axis = c.params["axis"]
    for _ in range(c.params["n"]):
        # adjoint of d_i = c_{i+1} - c_i
        first = -g[axis_key(g.ndim, axis, slice(0, 1))]
        middle = g[axis_key(g.ndim, axis, slice(0, -1))] - g[axis_key(g.ndim, axis, slice(1, None))]
        last = g[axis_key(g.ndim, axis, slice(-1, None))]
        g = B.concat([first, middle, last], axis=axis)
    sizes = [aval[0][axis] for aval in c.avals]
    if c.params["has_prepend"]:
        sizes = [sizes[1], sizes[0]] + sizes[2:]
    pieces = []
    start = 0
    for size in sizes:
        pieces.append(g[axis_key(g.ndim, axis, slice(start, start + size))])
        start += size
    if c.params["has_prepend"]:
        pieces = [pieces[1], pieces[0]] + pieces[2:]
    return tuple(pieces)


rule("diff", _diff_vjp, linear_jvp("diff"))


# ------------------------------------------------------------------ linear algebra


def _matmul_vjp(c, g):
    x1, x2 = c.inputs
    if x1.ndim == 1 and x2.ndim == 1:  # a dot product: g is 0-d
        return (g * conj(x2) if c.needs[0] else None, conj(x1) * g if c.needs[1] else None)
    a = x1 if x1.ndim > 1 else B.reshape(x1, (1, x1.shape[0]))
    b = x2 if x2.ndim > 1 else B.reshape(x2, (x2.shape[0], 1))
    gg = g
    if x1.ndim == 1:
        gg = B.expand_dims(gg, axis=-2)
    if x2.ndim == 1:
        gg = B.expand_dims(gg, axis=-1)
    g1 = g2 = None
    if c.needs[0]:
        g1 = B.matmul(gg, conj(B.matrix_transpose(b)))
        if x1.ndim == 1:
            g1 = g1[..., 0, :]
    if c.needs[1]:
        g2 = B.matmul(conj(B.matrix_transpose(a)), gg)
        if x2.ndim == 1:
            g2 = g2[..., :, 0]
    return (g1, g2)


def _matmul_jvp(c, tangents):
    x1, x2 = c.saved_inputs
    t1, t2 = tangents
    return add_tangents(None if t1 is None else B.matmul(t1, x2),
                        None if t2 is None else B.matmul(x1, t2))


rule("matmul", _matmul_vjp, _matmul_jvp, save_inputs=True)
rule("matrix_transpose", lambda c, g: (B.matrix_transpose(g),),
     linear_jvp("matrix_transpose"))


def _tensordot_vjp(c, g):
    x1, x2 = c.inputs
    a1, a2 = c.args[0]
    free1 = [i for i in range(x1.ndim) if i not in a1]
    free2 = [i for i in range(x2.ndim) if i not in a2]
    nf1 = len(free1)
    out = [None, None]
    if c.needs[0]:
        # contract g's free2 part with x2's free axes: axes free1 + x2's a2 axes (sorted)
        raw = B.tensordot(g, conj(x2), axes=(tuple(range(nf1, g.ndim)), tuple(free2)))
        order = free1 + [a1[a2.index(j)] for j in sorted(a2)]
        out[0] = B.permute_dims(raw, tuple(order.index(i) for i in range(x1.ndim)))
    if c.needs[1]:
        raw = B.tensordot(conj(x1), g, axes=(tuple(free1), tuple(range(nf1))))
        order = [a2[a1.index(i)] for i in sorted(a1)] + free2
        out[1] = B.permute_dims(raw, tuple(order.index(i) for i in range(x2.ndim)))
    return tuple(out)


def _tensordot_jvp(c, tangents):
    x1, x2 = c.saved_inputs
    t1, t2 = tangents
    axes = c.args[0]
    return add_tangents(None if t1 is None else B.tensordot(t1, x2, axes=axes),
                        None if t2 is None else B.tensordot(x1, t2, axes=axes))


rule("tensordot", _tensordot_vjp, _tensordot_jvp, save_inputs=True)


def _vecdot_vjp(c, g):
    x1, x2 = c.inputs
    axis = c.args[0]
    ge = B.expand_dims(g, axis=axis)
    # y = sum(conj(x1) * x2): anti-holomorphic in x1 (cotangent x2 * conj(g)),
    # holomorphic in x2 (cotangent x1 * g)
    return (x2 * conj(ge) if c.needs[0] else None, x1 * ge if c.needs[1] else None)


def _vecdot_jvp(c, tangents):
    x1, x2 = c.saved_inputs
    t1, t2 = tangents
    axis = c.args[0]
    return add_tangents(None if t1 is None else B.vecdot(t1, x2, axis=axis),
                        None if t2 is None else B.vecdot(x1, t2, axis=axis))


rule("vecdot", _vecdot_vjp, _vecdot_jvp, save_inputs=True)


# ------------------------------------------------------------------ manipulation


def _reshape_back(c, g):
    return (B.reshape(g, in_shape(c)),)


rule("reshape", _reshape_back, linear_jvp("reshape"))
rule("expand_dims", _reshape_back, linear_jvp("expand_dims"))
rule("squeeze", _reshape_back, linear_jvp("squeeze"))
rule("broadcast_to", lambda c, g: (g,), linear_jvp("broadcast_to"))
rule("broadcast_arrays", lambda c, gs: tuple(gs), linear_jvp("broadcast_arrays"))
rule("flip", lambda c, g: (B.flip(g, axis=c.args[0]),), linear_jvp("flip"))
rule("moveaxis", lambda c, g: (B.moveaxis(g, c.args[1], c.args[0]),), linear_jvp("moveaxis"))


def _permute_vjp(c, g):
    axes = c.args[0]
    return (B.permute_dims(g, tuple(axes.index(i) for i in range(len(axes)))),)


rule("permute_dims", _permute_vjp, linear_jvp("permute_dims"))


def _roll_vjp(c, g):
    shift, axis = c.args
    back = tuple(-s for s in shift) if isinstance(shift, tuple) else -shift
    return (B.roll(g, back, axis=axis),)


rule("roll", _roll_vjp, linear_jvp("roll"))


def _concat_vjp(c, g):
    axis = c.params["axis"]
    pieces = []
    start = 0
    for (shape, _dtype), e in zip(c.avals, c.edges):
        if axis is None:
            size = math.prod(shape)
            pieces.append(B.reshape(g[start:start + size], shape) if e is not None else None)
        else:
            size = shape[axis]
            pieces.append(g[axis_key(g.ndim, axis, slice(start, start + size))]
                          if e is not None else None)
        start += size
    return tuple(pieces)


rule("concat", _concat_vjp, linear_jvp("concat"))
rule("stack", lambda c, g: tuple(B.unstack(g, axis=c.params["axis"])), linear_jvp("stack"))
rule("unstack", lambda c, gs: (B.stack(gs, axis=c.args[0]),), linear_jvp("unstack"),
     dense=True)


def _tile_vjp(c, g):
    shape = in_shape(c)
    reps = tuple(c.args[0])
    ndim = max(len(shape), len(reps))
    shape_p = (1,) * (ndim - len(shape)) + tuple(shape)
    reps_p = (1,) * (ndim - len(reps)) + reps
    split = []
    for r, s in zip(reps_p, shape_p):
        split += [r, s]
    summed = B.sum(B.reshape(g, tuple(split)), axis=tuple(range(0, 2 * ndim, 2)))
    return (B.reshape(summed, shape),)


rule("tile", _tile_vjp, linear_jvp("tile"))


def _repeat_vjp(c, g):
    shape = in_shape(c)
    axis = c.params.get("axis")
    if axis is None:
        flat = B.reshape(g, (-1,))
        axis_g, n = 0, math.prod(shape)
    else:
        flat, axis_g, n = g, axis, shape[axis]
    if len(c.avals) == 1:  # repeats is a Python int
        r = c.params["repeats"]
        moved = B.moveaxis(flat, axis_g, -1)
        summed = B.sum(B.reshape(moved, moved.shape[:-1] + (n, r)), axis=-1)
        out = B.moveaxis(summed, -1, axis_g)
    else:
        repeats = c.inputs[1]
        counts = B.broadcast_to(B.astype(repeats, B.int64), (n,))
        ends = B.cumulative_sum(counts, include_initial=True)
        running = B.cumulative_sum(flat, axis=axis_g, include_initial=True)
        out = B.take(running, ends[1:], axis=axis_g) - B.take(running, ends[:-1], axis=axis_g)
    return (B.reshape(out, shape), None)


rule("repeat", _repeat_vjp, linear_jvp("repeat", positions=(0,)), save_inputs=True)


def _getitem_vjp(c, g):
    shape, dtype = c.avals[0]
    key = c.args[0]
    device = g.device
    if has_array(key):
        # integer arrays may repeat an index: accumulate with a scatter-add
        positions = linear_positions(shape, device)[tensor_key(key)]
        flat = scatter_add(g, positions, math.prod(shape))
        return (B.reshape(flat, shape),)
    out = _batched_as(B.zeros(shape, dtype=g.dtype, device=device), g)
    out[tensor_key(key)] = g
    return (out,)


def _batched_as(out, g):
    """``out``, batched wherever ``g`` is: a bridge.func batched cotangent or tangent
    (a vmap of a backward pass, a jvp's tangents batched apart from their primals) is
    written into ``out`` next, which must then be batched too (zeros_like reads no
    values)."""
    if g.__class__ is B.Tensor:
        return out
    # one element of g (a view; an empty g's sum), whose zero broadcasts over out
    one = g[(0,) * g.ndim] if g.size else B.sum(B.reshape(g, (-1,)))
    return out + B.zeros_like(one, dtype=out.dtype)


rule("getitem", _getitem_vjp, linear_jvp("getitem"))


def _take_vjp(c, g):
    shape = in_shape(c)
    indices = c.inputs[1]
    positions = _dispatch.run(c.name, (linear_positions(shape, g.device), indices), *c.args,
                              **c.params)
    return (B.reshape(scatter_add(g, positions, math.prod(shape)), shape), None)


rule("take", _take_vjp, linear_jvp("take", positions=(0,)), save_inputs=True)
rule("take_along_axis", _take_vjp, linear_jvp("take_along_axis", positions=(0,)),
     save_inputs=True)


def _sort_order(c, x):
    """The permutation the sort applied (stable, as ties are averaged anyway)."""
    axis, descending, _stable = c.args
    return B.argsort(x, axis=axis, descending=descending, stable=True)


def _tie_average(values_sorted, g_sorted, axis):
    """Average ``g_sorted`` over runs of equal ``values_sorted`` along ``axis`` (ties in
    sort split the cotangent evenly between the tied inputs)."""
    v = B.moveaxis(values_sorted, axis, -1)
    gm = B.moveaxis(g_sorted, axis, -1)
    lead = v.shape[:-1]
    n = v.shape[-1]
    rows = math.prod(lead)
    v2 = B.reshape(v, (rows, n))
    g2 = B.reshape(gm, (rows, n))
    starts = B.concat([B.ones((rows, 1), dtype=B.bool, device=v.device),
                       v2[:, 1:] != v2[:, :-1]], axis=1)
    group = B.cumulative_sum(B.astype(starts, B.int64), axis=1) - 1
    group = group + B.reshape(B.arange(rows, device=v.device) * n, (rows, 1))
    sums = scatter_add(g2, group, rows * n)
    counts = scatter_add(B.ones((rows, n), dtype=_real_dtype(g2), device=v.device), group,
                         rows * n)
    flat_group = B.reshape(group, (-1,))
    averaged = B.take(sums, flat_group) / B.take(B.where(counts == 0, 1.0, counts), flat_group)
    return B.moveaxis(B.reshape(averaged, lead + (n,)), -1, axis)


def _real_dtype(t):
    return {B.complex64: B.float32, B.complex128: B.float64}.get(t.dtype, t.dtype)


def _sort_vjp(c, g):
    x = c.inputs[0]
    axis = c.args[0]
    order = _sort_order(c, x)
    g = _tie_average(c.out, g, axis)
    inverse = B.argsort(order, axis=axis)
    return (B.take_along_axis(g, inverse, axis=axis),)


def _sort_jvp(c, tangents):
    x = c.saved_inputs[0]
    axis = c.args[0]
    order = _sort_order(c, x)
    t = B.take_along_axis(tangents[0], order, axis=axis)
    return _tie_average(c.out, t, axis)


rule("sort", _sort_vjp, _sort_jvp, save_inputs=True, save_output=True)
rule("astype", lambda c, g: (g,), linear_jvp("astype"))


def _meshgrid_vjp(c, gs):
    n = len(c.avals)
    out = []
    for i in range(n):
        axis = i
        if c.params["indexing"] == "xy" and n >= 2 and i < 2:
            axis = 1 - i
        g = gs[i]
        if g is None:
            out.append(None)
            continue
        others = tuple(a for a in range(g.ndim) if a != axis)
        out.append(B.sum(g, axis=others) if others else g)
    return tuple(out)


rule("meshgrid", _meshgrid_vjp, linear_jvp("meshgrid"))
rule("tril", lambda c, g: (B.tril(g, k=c.args[0]),), linear_jvp("tril"))
rule("triu", lambda c, g: (B.triu(g, k=c.args[0]),), linear_jvp("triu"))


# ------------------------------------------------------------------ __setitem__


def _setitem_vjp(c, g):
    key = tensor_key(c.args[0])
    gx = gv = None
    if c.needs[0]:
        gx = B.positive(g)  # a recorded copy: the write below must not touch g
        gx[key] = 0
    if c.needs[1]:
        gv = g[key]
    return (gx, gv)


def _setitem_jvp(c, tangents):
    x, value = c.saved_inputs
    tx, tv = tangents
    new = B.zeros_like(x) if tx is None else B.positive(tx)
    key = tensor_key(c.args[0])
    if tv is not None:
        new = _batched_as(new, tv)
    new[key] = 0 if tv is None else tv
    return new


def _record_setitem(name, inputs, args, params, result):
    """x[key] = value wrote into x: x's record now points at a node whose inputs are
    x's previous value (edge) and value."""
    x, value = inputs
    rule = RULES[name]
    node = _make_node(name, rule, inputs, args, params)
    node.saved_inputs = ()
    node.saved_versions = None
    node.out_avals = None
    node.saved_out = ()
    m = meta_of(x)
    node.out_version = (m.version, m.version[0] + 1)
    m.requires_grad = True
    m.grad_fn = node
    m.output_nr = 0


# the forward-mode tangent of x[key] = value is written into x's record by the engine
rule("setitem", _setitem_vjp, _setitem_jvp, save_inputs=False, special=_record_setitem)


def install_nondifferentiable(registry):
    for op in registry.values():
        if not op.differentiable:
            NONDIFF.add(op.name)
            for k in op.kernel_names:
                NONDIFF.add(k)

"""The transforms: vmap, grad, grad_and_value, vjp, jvp, linearize, jacrev, jacfwd,
hessian, functional_call.

How they compose. ``vmap`` runs the function on :class:`Batched` values, which the
registry's batching rules turn into ops on whole batches. The differentiating
transforms run bridge's tape autograd (reverse mode) and its nested forward levels
(forward mode) on the tensors *under* the batched values: a primal is first made
batched at every vmap level active around the transform (a broadcast view, no copy),
so that each example owns its elements of the tensor that autograd differentiates,
and one backward pass (or one forward-mode pass) gives every example its own
derivative. A transform nested in another differentiating transform keeps the outer
one's graph (``create_graph``) or tangents, so any nesting order works:
``vmap(grad(f))``, ``grad(grad(f))``, ``jacfwd(jacrev(f))``, ``jvp`` of ``jvp``.
"""

from __future__ import annotations

import functools

from .._registry import ops as B
from ..autograd._functional import _prepare_primals, forward_pass
from ..autograd._functional import grad as _autograd_grad
from ..autograd._graph import (
    HANDLING,
    MODE,
    TangentClash,
    _fit,
    edge_of,
    enable_grad,
    run_backward,
)
from . import _tree
from ._batching import Batched, VmapError, activate, at, expand, is_array, new_level

_RANDOMNESS = ("error", "different", "same")


# ------------------------------------------------------------------ vmap


def _check_dim(d, func, what):
    if d is not None and (not isinstance(d, int) or isinstance(d, bool)):
        raise TypeError(f"{func}: {what} must hold ints or None, got {type(d).__name__}")


def vmap(func, in_dims=0, out_dims=0, randomness="error", *, chunk_size=None):
    """Vectorise ``func`` over a batch dimension of its inputs (torch.func's signature).

    in_dims / out_dims  the batch dimension of each input / output: an int, None (not
        mapped), or a tuple/list/dict matching the arguments' (outputs') structure
    randomness  "error" (random numbers inside raise), "different" (each example
        draws its own), "same" (one draw shared by the batch)
    chunk_size  run the batch in chunks of this many examples (less memory)
    """
    name = "bridge.func.vmap"
    if not callable(func):
        raise TypeError(f"{name}: func must be callable, got {type(func).__name__}")
    if randomness not in _RANDOMNESS:
        raise ValueError(f"{name}: randomness must be one of {_RANDOMNESS}, got {randomness!r}")
    if chunk_size is not None and (not isinstance(chunk_size, int) or isinstance(chunk_size, bool)
                                   or chunk_size < 1):
        raise ValueError(f"{name}: chunk_size must be None or a positive int, got {chunk_size!r}")
    for d in _tree.flatten(in_dims)[0]:
        _check_dim(d, name, "in_dims")
    for d in _tree.flatten(out_dims)[0]:
        _check_dim(d, name, "out_dims")

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        if isinstance(in_dims, int) or in_dims is None:
            prefix = in_dims
        elif isinstance(in_dims, (tuple, list)):
            if len(in_dims) != len(args):
                raise ValueError(f"{name}: in_dims has {len(in_dims)} entries for "
                                 f"{len(args)} positional arguments")
            prefix = tuple(in_dims)
        else:
            raise TypeError(f"{name}: in_dims must be an int, None or a tuple, got "
                            f"{type(in_dims).__name__}")
        leaves, spec = _tree.flatten(tuple(args))
        dims = _tree.broadcast_prefix(prefix, tuple(args), name, "in_dims")
        size = None
        norm_dims = []
        for i, (leaf, d) in enumerate(zip(leaves, dims)):
            if d is None:
                norm_dims.append(None)
                continue
            if not is_array(leaf):
                raise ValueError(f"{name}: in_dim {d} given for input {i}, which is a "
                                 f"{type(leaf).__name__}, not a tensor (use None)")
            if not -leaf.ndim <= d < leaf.ndim:
                raise ValueError(f"{name}: in_dim {d} is out of range for input {i} of "
                                 f"shape {tuple(leaf.shape)}")
            d %= leaf.ndim
            n = leaf.shape[d]
            if size is not None and n != size:
                sizes = [lf.shape[dd] for lf, dd in zip(leaves, dims) if dd is not None]
                raise ValueError(f"{name}: the mapped inputs have different sizes along "
                                 f"their mapped dimensions: {sizes}")
            size = n
            norm_dims.append(d)
        if size is None:
            raise ValueError(f"{name}: no input is mapped (every in_dim is None or no input "
                             "is a tensor); at least one tensor must have a batch dimension")
        if chunk_size is None or chunk_size >= size:
            return _vmap_once(func, name, leaves, spec, norm_dims, size, kwargs, out_dims,
                              randomness)
        chunks = []
        for start in range(0, size, chunk_size):
            stop = min(start + chunk_size, size)
            part = [_slice(leaf, d, start, stop) if d is not None else leaf
                    for leaf, d in zip(leaves, norm_dims)]
            chunks.append(_vmap_once(func, name, part, spec, norm_dims, stop - start, kwargs,
                                     out_dims, randomness))
        return _concat_chunks(chunks, out_dims, name)

    return wrapped


def _slice(x, d, start, stop):
    key = (slice(None),) * d + (slice(start, stop),)
    return x[key]


def _concat_chunks(chunks, out_dims, name):
    leaves0, spec = _tree.flatten(chunks[0])
    dims = _tree.broadcast_prefix(out_dims, chunks[0], name, "out_dims")
    per_chunk = [_tree.flatten(c)[0] for c in chunks]
    out = []
    for i, d in enumerate(dims):
        parts = [leaves[i] for leaves in per_chunk]
        out.append(parts[0] if d is None else B.concat(parts, axis=d))
    return _tree.unflatten(spec, out)


def _vmap_once(func, name, leaves, spec, dims, size, kwargs, out_dims, randomness):
    level = new_level()
    record = ("vmap", level, size, randomness)
    with activate():
        previous = MODE.transforms
        MODE.transforms = previous + (record,)
        try:
            batched = []
            for leaf, d in zip(leaves, dims):
                if d is None:
                    batched.append(leaf)
                else:
                    value = leaf if d == 0 else B.moveaxis(leaf, d, 0)
                    batched.append(Batched(value, level))
            out = func(*_tree.unflatten(spec, batched), **kwargs)
            out_leaves, out_spec = _tree.flatten(out)
            odims = _tree.broadcast_prefix(out_dims, out, name, "out_dims")
            results = []
            for i, (o, od) in enumerate(zip(out_leaves, odims)):
                if od is None:
                    if at(o, level) is not None:
                        raise ValueError(f"{name}: output {i} is batched but its out_dim is None")
                    results.append(o)
                    continue
                if not is_array(o):
                    raise ValueError(f"{name}: output {i} is a {type(o).__name__}; the function "
                                     "must return tensors (or use out_dims=None for it)")
                v = at(o, level)
                if v is None:
                    v = expand(o, level, size)  # the same value for every example
                rank = v.ndim
                if not -rank <= od < rank:
                    raise ValueError(f"{name}: out_dim {od} is out of range for output {i} "
                                     f"with {rank - 1} dimension(s) per example")
                if od % rank:
                    v = B.moveaxis(v, 0, od % rank)
                results.append(v)
            return _tree.unflatten(out_spec, results)
        finally:
            MODE.transforms = previous


# ------------------------------------------------------------------ levels


def _vmaps():
    """The vmaps active in this thread, outermost first: (level, size)."""
    return [(t[1], t[2]) for t in MODE.transforms if t[0] == "vmap"]


def _add_level(x, level, n):
    """``x`` batched at ``level`` too (a broadcast view where it was not)."""
    if x.__class__ is Batched:
        if x.level == level:
            return x
        if x.level > level:
            return Batched(_add_level(x.value, level, n), x.level)
    if HANDLING.lazy and level in _tangent_levels(x):
        raise TangentClash(level)  # its tangent's batch dimension there is another one
    return Batched(expand(x, level, n), level)


def _tangent_levels(x):
    """The vmap levels at which the forward-mode tangents of ``x``'s tensor are batched
    (a jvp batches only the tangent where its primal is not batched)."""
    m = getattr(_strip(x)[0], "_meta", None)
    if m is None or m.tangent is None:
        return set()
    return {lv for t in m.tangent.values() for lv in _levels_of(t)}


def _unbind(x, levels):
    """``x`` with its batch dimensions of ``levels`` moved into the example (in front,
    outermost level first); its other levels stay batched."""
    base, have = _strip(x)
    asc = have[::-1]  # the tensor's batch dimensions, outermost level first
    move = [lv for lv in asc if lv in levels]
    if not move:
        return x
    stay = [lv for lv in asc if lv not in levels]
    return _rewrap(_batch_order(base, [asc.index(lv) for lv in stay + move]), stay[::-1])


def _bind(x, levels):
    """``x`` batched at ``levels`` too (as ``_strip`` lists them), whose batch dimensions
    are the first of ``x``'s example: the inverse of ``_unbind``."""
    if not levels:
        return x
    base, have = _strip(x)
    stay, move = have[::-1], list(levels)[::-1]
    clash = set(stay) & set(move)
    if clash:
        raise TangentClash(max(clash))
    both = sorted(stay + move)
    pos = {lv: i for i, lv in enumerate(stay + move)}
    return _rewrap(_batch_order(base, [pos[lv] for lv in both]), both[::-1])


def _batch_order(base, perm):
    """``base`` with its leading batch dimensions taken in the order ``perm`` (the
    example's dimensions after them stay): a view, ``base`` itself when in order."""
    if perm == sorted(perm):
        return base
    return B.permute_dims(base, tuple(perm) + tuple(range(len(perm), base.ndim)))


def _full(x, vmaps):
    for level, n in vmaps:
        x = _add_level(x, level, n)
    return x


def _strip(x):
    levels = []
    while x.__class__ is Batched:
        levels.append(x.level)
        x = x.value
    return x, levels


def _rewrap(t, levels):
    for level in reversed(levels):
        t = Batched(t, level)
    return t


def _levels_of(x):
    return _strip(x)[1]


def _detached(x):
    if not is_array(x):
        return x
    base, levels = _strip(x)
    return _rewrap(base.detach(), levels)


def _check_primal(x, func, what):
    if not is_array(x):
        raise TypeError(f"{func}: {what} must be a Tensor, got {type(x).__name__}")
    if x.dtype.kind not in "fc":
        raise TypeError(f"{func}: {what} has dtype {x.dtype}; differentiation needs "
                        "floating-point or complex inputs")


class _Primals:
    """The primals of a differentiating transform, as leaves autograd tracks: each
    one batched at every active vmap level, with its base tensor a fresh leaf (or an
    identity view of the base when an outer transform differentiates it too)."""

    def __init__(self, values, func):
        vmaps = _vmaps()
        self.specs = []
        self.leaves = []   # the autograd leaves (base tensors)
        self.levels = []
        self.trees = []
        for i, value in enumerate(values):
            flat, spec = _tree.flatten(value)
            new = []
            for leaf in flat:
                _check_primal(leaf, func, f"argument {i}")
                # not at the levels where only its tangent is batched (a jvp's, around
                # this transform): the tangent's batch carries every example there
                skip = _tangent_levels(leaf) if HANDLING.lazy else ()
                base, levels = _strip(_full(leaf, [v for v in vmaps if v[0] not in skip]
                                            if skip else vmaps))
                # an outer reverse-mode transform differentiates this one's result: keep
                # the graph (an outer forward level needs none: its tangents flow
                # through the backward pass's ops on their own)
                self.outer = getattr(self, "outer", False) or bool(
                    MODE.grad and base.requires_grad)
                (t,) = _prepare_primals([base], func)
                self.leaves.append(t)
                self.levels.append(levels)
                new.append(_rewrap(t, levels))
            self.specs.append(spec)
            self.trees.append(_tree.unflatten(spec, new))
        if not hasattr(self, "outer"):
            self.outer = False
        # an outer transform of either kind sees the results: they keep their graph
        # and tangents; at the top they are detached, as torch.func returns them
        self.keep = self.outer or MODE.forward is not None

    def rebuild(self, grads):
        """The gradients (one per leaf, base tensors) in the primals' structure."""
        out, k = [], 0
        for spec in self.specs:
            n = _tree.count(spec)
            out.append(_tree.unflatten(spec, [_rewrap(g, lv) for g, lv in
                                              zip(grads[k:k + n], self.levels[k:k + n])]))
            k += n
        return out


def _argnums(argnums, nargs, func):
    many = isinstance(argnums, tuple)
    nums = argnums if many else (argnums,)
    for n in nums:
        if not isinstance(n, int) or isinstance(n, bool):
            raise TypeError(f"{func}: argnums must be an int or a tuple of ints, got {argnums!r}")
        if not -nargs <= n < nargs:
            raise ValueError(f"{func}: argnums={n} is out of range for {nargs} positional "
                             "arguments")
    nums = tuple(n % nargs for n in nums)
    if len(set(nums)) != len(nums):
        raise ValueError(f"{func}: argnums {argnums} repeats an argument")
    return nums, many


def _split_aux(result, has_aux, func):
    if not has_aux:
        return result, None
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError(f"{func}: with has_aux=True the function must return a pair "
                        "(output, aux)")
    return result


# ------------------------------------------------------------------ reverse mode


def grad_and_value(func, argnums=0, has_aux=False):
    """``g(*args)`` returns ``(gradient, value)`` of scalar ``func`` with respect to
    ``args[argnums]`` (torch.func's signature; ``((gradient), (value, aux))`` with
    has_aux)."""
    name = "bridge.func.grad_and_value"

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        nums, many = _argnums(argnums, len(args), name)
        with enable_grad():
            primals = _Primals([args[n] for n in nums], name)
            call_args = list(args)
            for n, tree in zip(nums, primals.trees):
                call_args[n] = tree
            out, aux = _split_aux(func(*call_args, **kwargs), has_aux, name)
            if not is_array(out) or out.shape != ():
                raise RuntimeError(
                    f"{name}: the function must return a scalar tensor (one value per "
                    f"example), got {getattr(out, 'shape', type(out).__name__)}")
            if out.dtype.kind != "f":
                raise RuntimeError(f"{name}: the function must return a real floating "
                                   f"scalar, got dtype {out.dtype}")
            base, _ = _strip(out)
            if base.requires_grad:
                grads = _autograd_grad(base, primals.leaves, B.ones_like(base),
                                       create_graph=primals.outer, materialize_grads=True)
            else:
                grads = [B.zeros_like(t) for t in primals.leaves]
        gs = primals.rebuild(list(grads))
        g = tuple(gs) if many else gs[0]
        if not primals.keep:
            out = _detached(out)
            if has_aux:
                aux = _tree.unflatten(_tree.flatten(aux)[1],
                                      [_detached(a) for a in _tree.flatten(aux)[0]])
        return (g, (out, aux)) if has_aux else (g, out)

    return wrapped


def grad(func, argnums=0, has_aux=False):
    """The gradient of scalar ``func`` with respect to ``args[argnums]``
    (torch.func's ``grad``; ``(gradient, aux)`` with has_aux)."""
    both = grad_and_value(func, argnums, has_aux)

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        g, value = both(*args, **kwargs)
        return (g, value[1]) if has_aux else g

    return wrapped


def vjp(func, *primals, has_aux=False):
    """``(func(*primals), vjp_fn[, aux])``: ``vjp_fn(cotangents)`` returns one
    cotangent per primal (torch.func's ``vjp``). ``vjp_fn`` may be called many times
    and under ``vmap`` (then ``func`` runs again, batched: keep it free of side
    effects)."""
    name = "bridge.func.vjp"
    with enable_grad():
        prims = _Primals(primals, name)
        out, aux = _split_aux(func(*prims.trees), has_aux, name)
    out_leaves, out_spec = _tree.flatten(out)
    for i, o in enumerate(out_leaves):
        if not is_array(o):
            raise TypeError(f"{name}: output {i} of the function is a {type(o).__name__}, "
                            "not a tensor")
    known = {level for level, _ in _vmaps()}

    def vjp_fn(cotangents):
        fn = "vjp_fn"
        ct_leaves, ct_spec = _tree.flatten(cotangents)
        if len(ct_leaves) != len(out_leaves):
            raise ValueError(f"{fn}: {len(ct_leaves)} cotangents for {len(out_leaves)} outputs")
        new = [lv for c in ct_leaves if is_array(c) for lv in _levels_of(c) if lv not in known]
        if new and not known and all(o.__class__ is not Batched for o in out_leaves):
            # under a vmap entered after vjp, at the top (the graph holds plain tensors):
            # one backward pass with the batched cotangents, whose rules batch as any
            # other op does (torch.func's vmap of a vjp)
            try:
                return _batched_backward(prims, out_leaves, ct_leaves)
            except VmapError:
                pass  # a rule that cannot batch its cotangent: the batched forward below
        if new:
            # under a vmap entered after vjp: run func again, batched over it too; a
            # function vmap cannot batch (its shapes depend on values) gets one VJP
            # per example instead
            try:
                again = vjp(func, *primals, has_aux=has_aux)[1]
            except VmapError:
                return _per_example(vjp_fn, ct_leaves, ct_spec, max(new))
            return again(cotangents)
        roots, seeds = [], []
        for i, (o, c) in enumerate(zip(out_leaves, ct_leaves)):
            _check_cotangent(i, o, c)
            o_levels = _levels_of(o)
            if any(lv not in o_levels for lv in _levels_of(c)):
                continue  # the output is the same for every example there: no dependence
            for level, n in _vmaps():
                if level in o_levels:
                    c = _add_level(c, level, n)
            base, _ = _strip(o)
            if not base.requires_grad:
                continue
            cb, _ = _strip(c)
            if cb.dtype != base.dtype:
                cb = B.astype(cb, base.dtype)
            roots.append(base)
            seeds.append(cb)
        if not roots:
            grads = [B.zeros_like(t) for t in prims.leaves]
        else:
            grads = _autograd_grad(roots, prims.leaves, seeds, retain_graph=True,
                                   create_graph=prims.outer or any(s.requires_grad for s in seeds),
                                   materialize_grads=True)
        return tuple(prims.rebuild(list(grads)))

    if not prims.keep:
        out = _tree.unflatten(out_spec, [_detached(o) for o in out_leaves])
    if has_aux:
        return out, vjp_fn, aux
    return out, vjp_fn


def _check_cotangent(i, o, c):
    """vjp_fn's check of cotangent ``i`` against output ``o``."""
    if not is_array(c):
        raise TypeError(f"vjp_fn: cotangent {i} must be a tensor, got {type(c).__name__}")
    if tuple(c.shape) != tuple(o.shape):
        raise ValueError(f"vjp_fn: cotangent {i} has shape {tuple(c.shape)}, the output "
                         f"{tuple(o.shape)}")


def _batched_backward(prims, outs, cts):
    roots, seeds = [], []
    for i, (o, c) in enumerate(zip(outs, cts)):
        _check_cotangent(i, o, c)
        if not o.requires_grad:
            continue
        roots.append(o)
        seeds.append(c if c.dtype == o.dtype else B.astype(c, o.dtype))
    edges = [edge_of(t) for t in prims.leaves]
    try:
        found = run_backward(roots, seeds, True, prims.outer, capture=edges, accumulate=False) \
            if roots else [None] * len(edges)
    except TypeError as exc:  # a rule whose inner calls take Tensors only (a composite's)
        raise VmapError(f"bridge.func: a backward rule cannot take batched cotangents: {exc}") \
            from exc
    grads = []
    for t, g in zip(prims.leaves, found):
        if g is None:
            g = B.zeros_like(t)
        elif tuple(g.shape) != tuple(t.shape) or g.dtype != t.dtype:
            g = _fit(g, (t.shape, t.dtype))
        grads.append(g)
    return tuple(prims.rebuild(grads))


def _per_example(fn, leaves, spec, level):
    """``fn`` of the cotangents batched at ``level``, one example at a time, stacked."""
    n = next(leaf.value.shape[0] for leaf in leaves
             if leaf.__class__ is Batched and leaf.level == level)
    results = []
    for b in range(n):
        picked = [leaf.value[b] if leaf.__class__ is Batched and leaf.level == level else leaf
                  for leaf in leaves]
        results.append(fn(_tree.unflatten(spec, picked)))
    out = []
    for k in range(len(results[0])):
        flat = [_tree.flatten(r[k]) for r in results]
        stacked = [Batched(B.stack([f[0][j] for f in flat], axis=0), level)
                   for j in range(len(flat[0][0]))]
        out.append(_tree.unflatten(flat[0][1], stacked))
    return tuple(out)


# ------------------------------------------------------------------ forward mode


def jvp(func, primals, tangents, *, has_aux=False):
    """``(func(*primals), the directional derivative along tangents)`` (forward mode;
    torch.func's ``jvp``); nests with itself and with every other transform.

    Under a vmap that batches the tangents but not the primals (``jacfwd``, ``hessian``:
    one tangent per column of the identity), the primals stay unbatched and only the
    tangents carry that batch, as in torch.func: the function's own ops run once, on
    one example's elements. Should the function meet a value batched at such a level
    (a closure over the vmap's input), it runs again with the primals batched too."""
    name = "bridge.func.jvp"
    if not isinstance(primals, (tuple, list)) or not isinstance(tangents, (tuple, list)):
        raise TypeError(f"{name}: primals and tangents must be tuples")
    p_leaves, p_spec = _tree.flatten(tuple(primals))
    t_leaves, t_spec = _tree.flatten(tuple(tangents))
    if len(p_leaves) != len(t_leaves):
        raise ValueError(f"{name}: {len(p_leaves)} primals but {len(t_leaves)} tangents")
    for i, (p, t) in enumerate(zip(p_leaves, t_leaves)):
        _check_primal(p, name, f"primal {i}")
        if not is_array(t):
            raise TypeError(f"{name}: tangent {i} must be a tensor, got {type(t).__name__}")
        if tuple(t.shape) != tuple(p.shape):
            raise ValueError(f"{name}: tangent {i} has shape {tuple(t.shape)}, the primal "
                             f"{tuple(p.shape)}")
    # the levels only the tangents are batched at: the primals stay unbatched there
    p_levels = {lv for p in p_leaves for lv in _levels_of(p)}
    lazy = {lv for t in t_leaves for lv in _levels_of(t)} - p_levels
    if lazy:
        try:
            return _jvp(func, name, p_leaves, p_spec, t_leaves, has_aux, lazy)
        except TangentClash as exc:
            if exc.level not in lazy:
                raise
    return _jvp(func, name, p_leaves, p_spec, t_leaves, has_aux, set())


def _jvp(func, name, p_leaves, p_spec, t_leaves, has_aux, lazy):
    vmaps = [v for v in _vmaps() if v[0] not in lazy]
    bases, tans, levels = [], [], []
    for p, t in zip(p_leaves, t_leaves):
        pb, lv = _strip(_full(p, vmaps))
        # the tangent batched at the primal's levels, whose batch dimensions move into
        # its example (the base tensor's shape); at the lazy levels it stays batched
        tb = _unbind(_full(t, vmaps), set(lv))
        if tb.dtype != pb.dtype:
            tb = B.astype(tb, pb.dtype)
        bases.append(pb)
        tans.append(tb)
        levels.append(lv)
    box = {}

    def on_bases(*xs):
        args = _tree.unflatten(p_spec, [_rewrap(x, lv) for x, lv in zip(xs, levels)])
        result, aux = _split_aux(func(*args), has_aux, name)
        leaves, spec = _tree.flatten(result)
        out = []
        for i, o in enumerate(leaves):
            if not is_array(o):
                raise TypeError(f"{name}: output {i} of the function is a {type(o).__name__}")
            b, lv = _strip(o)
            out.append(b)
            box.setdefault("levels", []).append(lv)
        box["spec"] = spec
        box["aux"] = aux
        return tuple(out)

    outer = bool(MODE.grad and any(b.requires_grad for b in bases + tans)) \
        or MODE.forward is not None
    if lazy:
        HANDLING.lazy += 1
    try:
        outs, out_tangents = forward_pass(on_bases, tuple(bases), tuple(tans), name)
    finally:
        if lazy:
            HANDLING.lazy -= 1
    outs = outs if isinstance(outs, tuple) else (outs,)
    out_tangents = out_tangents if isinstance(out_tangents, tuple) else (out_tangents,)
    if not outer:  # nothing outside differentiates the results: no graph on them
        outs = tuple(o.detach() for o in outs)
        out_tangents = tuple(_detached(t) for t in out_tangents)
    spec, lvs = box["spec"], box["levels"]
    primal_out = _tree.unflatten(spec, [_rewrap(o, lv) for o, lv in zip(outs, lvs)])
    tangent_out = _tree.unflatten(spec, [_bind(t, lv) for t, lv in zip(out_tangents, lvs)])
    if has_aux:
        return primal_out, tangent_out, box["aux"]
    return primal_out, tangent_out


def linearize(func, *primals):
    """``(func(*primals), jvp_fn)`` where ``jvp_fn(*tangents)`` is the JVP at the
    primals (torch.func's ``linearize``; each call runs forward mode again)."""
    out = func(*primals)

    def jvp_fn(*tangents):
        return jvp(func, primals, tangents)[1]

    return out, jvp_fn


# ------------------------------------------------------------------ Jacobians


def _eye_rows(total, offset, shape, dtype, device):
    """Rows ``offset:offset+prod(shape)`` of the identity's columns, as a basis of
    cotangents (or tangents) of ``shape``: shape (total, *shape)."""
    size = 1
    for s in shape:
        size *= s
    eye = B.eye(total, size, k=-offset, dtype=dtype, device=device)
    return B.reshape(eye, (total,) + tuple(shape))


def jacrev(func, argnums=0, *, has_aux=False, chunk_size=None):
    """The Jacobian of ``func`` with respect to ``args[argnums]``, by reverse mode: one
    VJP per output element, all of them in one batched pass (``vmap`` of ``vjp``).
    Each block has shape ``out.shape + in.shape`` (torch.func's ``jacrev``)."""
    name = "bridge.func.jacrev"

    @functools.wraps(func)
    def wrapped(*args):
        nums, many = _argnums(argnums, len(args), name)

        def on_args(*ps):
            a = list(args)
            for n, p in zip(nums, ps):
                a[n] = p
            return func(*a)

        res = vjp(on_args, *[args[n] for n in nums], has_aux=has_aux)
        out, vjp_fn = res[0], res[1]
        out_leaves, out_spec = _tree.flatten(out)
        sizes = [o.size for o in out_leaves]
        total = sum(sizes)
        basis, off = [], 0
        for o, m in zip(out_leaves, sizes):
            basis.append(_eye_rows(total, off, o.shape, o.dtype, o.device))
            off += m
        if total == 1:
            # one output element (a scalar function): one VJP, no batch to map over
            grads = vjp_fn(_tree.unflatten(out_spec, [b[0] for b in basis]))
            grads = tuple(_tree.unflatten(_tree.flatten(g)[1], [B.expand_dims(leaf, axis=0)
                                                               for leaf in _tree.flatten(g)[0]])
                          for g in grads)
        else:
            cts = _tree.unflatten(out_spec, basis)
            grads = vmap(vjp_fn, chunk_size=chunk_size)(cts)  # per argument: (total, *in)
        arg_leaves = [_tree.flatten(g) for g in grads]
        # a complex output of a real input: the VJP of e_k gives the real part of dy_k/dx
        # only (a real input's cotangent is real); the VJP of i*e_k gives the imaginary
        # part, so such Jacobians take a second pass
        imag_leaves = None
        if any(o.dtype.kind == "c" for o in out_leaves) and any(
                leaf.dtype.kind != "c" for leaves, _ in arg_leaves for leaf in leaves):
            imag_basis = _tree.unflatten(out_spec, [b * 1j if b.dtype.kind == "c" else b * 0
                                                    for b in basis])
            if total == 1:
                imag = vjp_fn(_tree.unflatten(out_spec, [b[0] for b in _tree.flatten(
                    imag_basis)[0]]))
                imag = tuple(_tree.unflatten(_tree.flatten(g)[1], [
                    B.expand_dims(leaf, axis=0) for leaf in _tree.flatten(g)[0]]) for g in imag)
            else:
                imag = vmap(vjp_fn, chunk_size=chunk_size)(imag_basis)
            imag_leaves = [_tree.flatten(g)[0] for g in imag]
        table, off = [], 0
        for o, m in zip(out_leaves, sizes):
            per_arg = []
            for a, (leaves, spec) in enumerate(arg_leaves):
                blocks = []
                for j, g in enumerate(leaves):
                    block = g[off:off + m]
                    if block.dtype.kind == "c":
                        block = B.conj(block)  # vjp(e_k) = conj(dy_k/dz): PyTorch's convention
                    elif o.dtype.kind == "c" and imag_leaves is not None:
                        block = block + 1j * imag_leaves[a][j][off:off + m]
                    blocks.append(B.reshape(block, tuple(o.shape) + tuple(g.shape[1:])))
                per_arg.append(_tree.unflatten(spec, blocks))
            table.append(tuple(per_arg) if many else per_arg[0])
            off += m
        jac = _tree.unflatten(out_spec, table)
        if has_aux:
            return jac, res[2]
        return jac

    return wrapped


def jacfwd(func, argnums=0, has_aux=False, *, randomness="error"):
    """The Jacobian of ``func`` with respect to ``args[argnums]``, by forward mode: one
    JVP per input element, all of them in one batched pass (``vmap`` of ``jvp``).
    Each block has shape ``out.shape + in.shape`` (torch.func's ``jacfwd``)."""
    name = "bridge.func.jacfwd"

    @functools.wraps(func)
    def wrapped(*args):
        nums, many = _argnums(argnums, len(args), name)
        primals = tuple(args[n] for n in nums)
        p_leaves, p_spec = _tree.flatten(primals)
        for i, p in enumerate(p_leaves):
            _check_primal(p, name, f"argument {i}")
        sizes = [p.size for p in p_leaves]
        total = sum(sizes)
        basis, off = [], 0
        for p, m in zip(p_leaves, sizes):
            basis.append(_eye_rows(total, off, p.shape, p.dtype, p.device))
            off += m
        tangents = _tree.unflatten(p_spec, basis)

        def on_args(*ps):
            a = list(args)
            for n, p in zip(nums, ps):
                a[n] = p
            return func(*a)

        box = {}

        def push(ts):
            res = jvp(on_args, primals, ts, has_aux=has_aux)
            box["out"] = res[0]
            if has_aux:
                box["aux"] = res[2]
            return res[1]

        try:
            touts = vmap(push, randomness=randomness)(tangents)  # leaves (total, *out)
        except VmapError:
            # a function vmap cannot batch (its shapes depend on values): one JVP per
            # column of the identity
            columns = [push(_tree.unflatten(p_spec, [b[k] for b in basis]))
                       for k in range(total)]
            flat = [_tree.flatten(c) for c in columns]
            touts = _tree.unflatten(flat[0][1], [B.stack([f[0][j] for f in flat], axis=0)
                                                for j in range(len(flat[0][0]))])
        t_leaves, t_spec = _tree.flatten(touts)
        table = []
        for t in t_leaves:
            per_arg, off = [], 0
            arg_blocks = []
            for p, m in zip(p_leaves, sizes):
                block = t[off:off + m]  # (m, *out)
                rank = block.ndim
                if rank > 1:
                    block = B.permute_dims(block, tuple(range(1, rank)) + (0,))
                arg_blocks.append(B.reshape(block, tuple(t.shape[1:]) + tuple(p.shape)))
                off += m
            k = 0
            for prim in primals:
                count = len(_tree.flatten(prim)[0])
                spec = _tree.flatten(prim)[1]
                per_arg.append(_tree.unflatten(spec, arg_blocks[k:k + count]))
                k += count
            table.append(tuple(per_arg) if many else per_arg[0])
        jac = _tree.unflatten(t_spec, table)
        if has_aux:
            return jac, box.get("aux")
        return jac

    return wrapped


def hessian(func, argnums=0):
    """The Hessian of scalar ``func``: ``jacfwd(jacrev(func))`` (forward over reverse,
    as torch.func does)."""
    return jacfwd(jacrev(func, argnums), argnums)


# ------------------------------------------------------------------ parameters


def functional_call(module, parameter_and_buffer_dicts, args=(), kwargs=None, *,
                    tie_weights=True, strict=False):
    """Call ``module(*args, **kwargs)`` with some of its attributes replaced by the
    given tensors (``{"layer.weight": t}``: dotted names reach nested attributes), then
    put the originals back: how ``grad`` and ``vmap`` get a model's parameters as
    inputs (torch.func's ``functional_call``). ``strict``: every name must already be
    an attribute."""
    name = "bridge.func.functional_call"
    dicts = parameter_and_buffer_dicts
    if isinstance(dicts, dict):
        dicts = (dicts,)
    if not isinstance(dicts, (tuple, list)) or not all(isinstance(d, dict) for d in dicts):
        raise TypeError(f"{name}: parameter_and_buffer_dicts must be a dict or a tuple of dicts")
    merged = {}
    for d in dicts:
        for key, value in d.items():
            if key in merged:
                raise ValueError(f"{name}: {key!r} is given twice")
            merged[key] = value
    if not callable(module):
        raise TypeError(f"{name}: module must be callable, got {type(module).__name__}")
    args = args if isinstance(args, tuple) else (args,)
    saved = []
    missing = object()
    try:
        for key, value in merged.items():
            *path, attr = key.split(".")
            owner = module
            for part in path:
                owner = getattr(owner, part)
            old = getattr(owner, attr, missing)
            if old is missing and strict:
                raise AttributeError(f"{name}: {type(owner).__name__} has no attribute "
                                     f"{attr!r} (strict=True)")
            saved.append((owner, attr, old))
            setattr(owner, attr, value)
        return module(*args, **(kwargs or {}))
    finally:
        for owner, attr, old in reversed(saved):
            if old is missing:
                delattr(owner, attr)
            else:
                setattr(owner, attr, old)


__all__ = ["vmap", "grad", "grad_and_value", "vjp", "jvp", "linearize", "jacrev", "jacfwd",
           "hessian", "functional_call", "VmapError"]

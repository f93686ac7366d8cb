"""vmap's batched values, and the batching rule of every registry op.

A :class:`Batched` is what a function under ``vmap`` sees for a mapped input: a value
(a Tensor, or a Batched of an outer ``vmap``) whose dimension 0 is this vmap's batch
dimension, and a level (vmaps nest: an inner vmap has a higher level). It behaves as
one example of the batch: ``shape``, ``ndim`` and ``size`` are an example's.

Every function of the registry sees a call with a Batched argument through the hook
of ``bridge._registry.TRANSFORMS``; :func:`handle` then takes the highest level among
the arguments, unwraps the Batched values of that level and applies the row's batching
rule (``Op.batch``), which calls the registry's functions on the unwrapped values, so
an outer level's Batched values are handled by the same path one level down.
"""

from __future__ import annotations

import inspect
import itertools
import threading

from .. import _dispatch
from .._proxy import Proxy
from .._registry import NOT_MINE, REGISTRY, TRANSFORMS
from .._registry import ops as B
from ..autograd._graph import HANDLING, MODE

_LEVELS = itertools.count(1)
_ACTIVE_LOCK = threading.Lock()


class VmapError(RuntimeError):
    """A call that vmap cannot batch (data-dependent control flow or output shape)."""


class Batched(Proxy):
    """One example of a batch, as the function under ``vmap`` sees it."""

    __slots__ = ("value", "level")

    def __init__(self, value, level):
        self.value = value
        self.level = level

    # --- what an example is
    @property
    def shape(self):
        return tuple(self.value.shape[1:])

    @property
    def ndim(self):
        return self.value.ndim - 1

    @property
    def batch_size(self):
        return self.value.shape[0]

    def __repr__(self):
        return (f"<bridge.func batched tensor: level {self.level}, batch of "
                f"{self.batch_size}, example shape {self.shape}, dtype {self.dtype}>")

    # --- values that differ per example: data-dependent Python control flow
    def _read(self, what, convert):
        raise VmapError(
            f"bridge.func.vmap: {what} of a batched tensor: its value differs between the "
            "examples of the batch, so Python control flow cannot depend on it. Use "
            "bridge.where (or compute on the whole tensor) instead of if/else, or move "
            "the call out of the vmapped function."
        )

    def to_device(self, device, /, *, stream=None):
        return Batched(self.value.to_device(device, stream=stream), self.level)

    def _write(self, result, name):
        """An in-place op on a batched target: the new value written into its memory
        (torch.func's rule: the result must not need a batch dimension the target lacks)."""
        if result.__class__ is Batched and result.level > self.level:
            raise VmapError(
                f"bridge.func.vmap: in-place {name} writes a batched value into a tensor that "
                "is not batched at that level (it has one value for the whole batch); use the "
                "out-of-place form (x = x + y instead of x += y)"
            )
        REGISTRY["setitem"].func(self, (...,), result)


def refuse_inplace_into_unbatched(other, opname):
    """``tensor op= batched`` (the Tensor's in-place operators ask this first)."""
    if other.__class__ is Batched:
        raise VmapError(
            f"bridge.func.vmap: Tensor.{opname} writes a batched value into a tensor that is "
            "not batched (one value for the whole batch); use the out-of-place form "
            "(x = x + y instead of x += y)"
        )


# ------------------------------------------------------------------ helpers


def is_batched(x):
    return x.__class__ is Batched


def level_of_args(args, kwargs):
    """The highest vmap level among the arguments (lists and tuples one deep), or None."""
    top = None
    for a in itertools.chain(args, kwargs.values()):
        if a.__class__ is Batched:
            if top is None or a.level > top:
                top = a.level
        elif a.__class__ in (list, tuple):
            for item in a:
                if item.__class__ is Batched and (top is None or item.level > top):
                    top = item.level
    return top


def batch_size(args, kwargs, level):
    for a in itertools.chain(args, kwargs.values()):
        if a.__class__ is Batched and a.level == level:
            return a.value.shape[0]
        if a.__class__ in (list, tuple):
            for item in a:
                if item.__class__ is Batched and item.level == level:
                    return item.value.shape[0]
    raise AssertionError("no batched argument at this level")


def at(x, level):
    """``x``'s value if it is batched at ``level``, else None."""
    return x.value if x.__class__ is Batched and x.level == level else None


def is_array(x):
    return x.__class__ is Batched or isinstance(x, _dispatch.TENSOR)


def lift(x, level, rank):
    """``x``'s value at ``level`` with size-1 dimensions after the batch dimension, so
    that its example has ``rank`` dimensions (x itself when not batched there)."""
    v = at(x, level)
    if v is None:
        return x
    r = x.ndim
    if r < rank:
        v = B.reshape(v, (v.shape[0],) + (1,) * (rank - r) + tuple(x.shape))
    return v


def expand(x, level, n):
    """``x`` as a value batched at ``level`` (size ``n``): itself if it is; a broadcast
    view (no copy) otherwise."""
    v = at(x, level)
    if v is not None:
        return v
    return B.broadcast_to(B.expand_dims(x, axis=0), (n,) + tuple(x.shape))


def full_value(x, level, rank, n):
    """``x`` as a value batched at ``level`` whose example has ``rank`` dimensions
    (size-1 dimensions in front; an unbatched x as a broadcast view)."""
    if at(x, level) is not None:
        return lift(x, level, rank)
    if x.ndim < rank:
        x = B.reshape(x, (1,) * (rank - x.ndim) + tuple(x.shape))
    return expand(x, level, n)


def rebuild(like, items):
    """A tuple, list or named tuple (SVDResult) like ``like`` holding ``items``."""
    items = list(items)
    if like.__class__ is tuple or like.__class__ is list:
        return like.__class__(items)
    return like.__class__(*items)


def wrap(out, level):
    if out is None:
        return None
    if isinstance(out, (tuple, list)):
        return rebuild(out, (wrap(o, level) for o in out))
    if is_array(out):
        return Batched(out, level)
    raise VmapError(f"bridge.func.vmap: an op returned {type(out).__name__}, not a tensor")


_SIGNATURES: dict = {}


def bind(op, fn, args, kwargs):
    sig = _SIGNATURES.get(op.name)
    if sig is None:
        sig = _SIGNATURES[op.name] = inspect.signature(fn)
    try:
        bound = sig.bind(*args, **kwargs)
    except TypeError as exc:
        raise TypeError(f"{op.name}: {exc}") from None
    return bound


def call(op, bound):
    return op.func(*bound.args, **bound.kwargs)


def first_param(bound):
    return next(iter(bound.signature.parameters))


def shift_axis(op, a, rank, param="axis"):
    """Axis ``a`` of an example of ``rank`` dimensions, as an axis of the batched value."""
    if not isinstance(a, int) or isinstance(a, bool):
        raise TypeError(f"{op.name}: {param} must be an int, got {type(a).__name__}")
    if not -rank <= a < rank:
        raise _dispatch.AxisError(f"{op.name}: {param}={a} is out of range for a tensor of {rank} "
                         "dimension(s)")
    return a + 1 if a >= 0 else a


def shift_axes(op, axes, rank, param="axis"):
    if isinstance(axes, (tuple, list)):
        return tuple(shift_axis(op, a, rank, param) for a in axes)
    return shift_axis(op, axes, rank, param)


# ------------------------------------------------------------------ the rules


def elementwise(op, fn, level, args, kwargs):
    rank = 0
    for a in itertools.chain(args, kwargs.values()):
        if is_array(a):
            rank = max(rank, a.ndim)
    args = [lift(a, level, rank) for a in args]
    kwargs = {k: lift(v, level, rank) for k, v in kwargs.items()}
    return wrap(op.func(*args, **kwargs), level)


def unary(op, fn, level, args, kwargs):
    """Ops that map over leading dimensions (linalg, the *_like functions, astype):
    the first argument batched, the others not."""
    bound = bind(op, fn, args, kwargs)
    names = list(bound.arguments)
    x = bound.arguments[names[0]]
    for name in names[1:]:
        if at(bound.arguments[name], level) is not None:
            return loop(op, fn, level, args, kwargs)
    bound.arguments[names[0]] = at(x, level)
    return wrap(call(op, bound), level)


_FLATTEN_NONE = {"argmax", "argmin", "cumulative_sum", "cumulative_prod", "roll", "repeat",
                 "take", "cumulative_logsumexp"}


def reduce(op, fn, level, args, kwargs):
    """Ops with an ``axis``/``axes`` parameter of reduced (or transformed) axes: None
    means every axis of an example."""
    bound = bind(op, fn, args, kwargs)
    names = list(bound.arguments)
    x = bound.arguments[names[0]]
    v = at(x, level)
    if v is None or any(at(bound.arguments[n], level) is not None for n in names[1:]):
        return loop(op, fn, level, args, kwargs)
    rank = x.ndim
    param = "axes" if "axes" in bound.signature.parameters else "axis"
    axes = bound.arguments.get(param, bound.signature.parameters[param].default)
    if axes is None:
        s = bound.arguments.get("s")
        count = rank if s is None else len(s)
        axes = tuple(range(rank - count + 1, rank + 1))
    else:
        axes = shift_axes(op, axes, rank, param)
    bound.arguments[names[0]] = v
    bound.arguments[param] = axes
    return wrap(call(op, bound), level)


def axis(op, fn, level, args, kwargs):
    """Ops with one ``axis`` (None: the flattened example, where the op allows it) and
    any of ``source``/``destination``; other tensor arguments unbatched."""
    bound = bind(op, fn, args, kwargs)
    names = list(bound.arguments)
    x = bound.arguments[names[0]]
    v = at(x, level)
    if v is None or any(at(bound.arguments[n], level) is not None for n in names[1:]
                        if n not in ("source", "destination")):
        return loop(op, fn, level, args, kwargs)
    rank = x.ndim
    params = bound.signature.parameters
    bound.arguments[names[0]] = v
    for name in ("source", "destination"):
        if name in bound.arguments:
            bound.arguments[name] = shift_axes(op, bound.arguments[name], rank, name)
    keep_shape = None
    if "axis" in params:
        a = bound.arguments.get("axis", params["axis"].default)
        if a is None and op.name in _FLATTEN_NONE:
            bound.arguments[names[0]] = B.reshape(v, (v.shape[0], -1))
            bound.arguments["axis"] = 1
            if op.name == "roll":
                keep_shape = tuple(v.shape)
            elif bound.arguments.get("keepdims"):
                keep_shape = (v.shape[0],) + (1,) * rank
        elif a is not None:
            bound.arguments["axis"] = shift_axes(op, a, rank)
    out = call(op, bound)
    if keep_shape is not None:
        out = B.reshape(out, keep_shape)
    return wrap(out, level)


def aligned_axis(op, fn, level, args, kwargs):
    """Binary ops that broadcast their operands and take an axis of the broadcast
    shape (vecdot, cross): align as elementwise, then shift the axis."""
    bound = bind(op, fn, args, kwargs)
    names = list(bound.arguments)
    tensors = [n for n in names if is_array(bound.arguments[n])]
    rank = max(bound.arguments[n].ndim for n in tensors)
    size = batch_size(args, kwargs, level)
    for n in tensors:
        bound.arguments[n] = full_value(bound.arguments[n], level, rank, size)
    a = bound.arguments.get("axis", bound.signature.parameters["axis"].default)
    bound.arguments["axis"] = shift_axis(op, a, rank)
    return wrap(call(op, bound), level)


def matmul(op, fn, level, args, kwargs):
    bound = bind(op, fn, args, kwargs)
    n1, n2 = list(bound.arguments)[:2]
    x1, x2 = bound.arguments[n1], bound.arguments[n2]
    v1, v2 = at(x1, level), at(x2, level)
    if not is_array(x1) or not is_array(x2):
        return loop(op, fn, level, args, kwargs)
    r1, r2 = x1.ndim, x2.ndim
    if r1 == 0 or r2 == 0:
        return op.func(x1, x2)  # the op's own error for 0-d operands
    squeeze = []
    if v1 is not None and r1 == 1:
        v1, r1 = B.expand_dims(v1, axis=1), 2  # (B, n) -> (B, 1, n)
        squeeze.append(-2)
    if v2 is not None and r2 == 1:
        v2, r2 = B.expand_dims(v2, axis=-1), 2  # (B, n) -> (B, n, 1)
        squeeze.append(-1)
    if v1 is None:
        a1 = x1
        if r1 == 1 and v2 is not None:
            a1, r1 = B.expand_dims(x1, axis=0), 2
            squeeze.append(-2)
    else:
        a1 = v1
    if v2 is None:
        a2 = x2
        if r2 == 1 and v1 is not None:
            a2, r2 = B.expand_dims(x2, axis=-1), 2
            squeeze.append(-1)
    else:
        a2 = v2
    # batched operands: example ranks aligned, so that the batch dimension leads
    rank = max(r1, r2)
    if v1 is not None and r1 < rank:
        a1 = B.reshape(a1, (a1.shape[0],) + (1,) * (rank - r1) + tuple(a1.shape[1:]))
    if v2 is not None and r2 < rank:
        a2 = B.reshape(a2, (a2.shape[0],) + (1,) * (rank - r2) + tuple(a2.shape[1:]))
    out = op.func(a1, a2)
    if squeeze:
        out = B.squeeze(out, axis=tuple(sorted(set(squeeze))))
    return wrap(out, level)


def tensordot(op, fn, level, args, kwargs):
    bound = bind(op, fn, args, kwargs)
    n1, n2 = list(bound.arguments)[:2]
    x1, x2 = bound.arguments[n1], bound.arguments[n2]
    if at(x2, level) is not None or at(x1, level) is None:
        return loop(op, fn, level, args, kwargs)
    axes = bound.arguments.get("axes", 2)
    if not isinstance(axes, int):
        first, second = axes
        axes = (shift_axes(op, tuple(first), x1.ndim, "axes"), tuple(second))
        bound.arguments["axes"] = axes
    bound.arguments[n1] = at(x1, level)
    return wrap(call(op, bound), level)


def reshape(op, fn, level, args, kwargs):
    bound = bind(op, fn, args, kwargs)
    x = bound.arguments["x"]
    shape = bound.arguments["shape"]
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    v = at(x, level)
    bound.arguments["x"] = v
    bound.arguments["shape"] = (v.shape[0],) + shape
    return wrap(call(op, bound), level)


def broadcast_to(op, fn, level, args, kwargs):
    bound = bind(op, fn, args, kwargs)
    x = bound.arguments["x"]
    shape = tuple(bound.arguments["shape"])
    if len(shape) < x.ndim:
        return op.func(REGISTRY["getitem"].func(x.value, 0), shape)  # the op's error
    v = lift(x, level, len(shape))
    bound.arguments["x"] = v
    bound.arguments["shape"] = (v.shape[0],) + shape
    return wrap(call(op, bound), level)


def permute(op, fn, level, args, kwargs):
    bound = bind(op, fn, args, kwargs)
    x = bound.arguments["x"]
    axes = tuple(bound.arguments["axes"])
    rank = x.ndim
    if sorted(a % rank if rank else a for a in axes) != list(range(rank)):
        return op.func(REGISTRY["getitem"].func(x.value, 0), axes)  # the op's error
    bound.arguments["x"] = x.value
    bound.arguments["axes"] = (0,) + tuple(a % rank + 1 for a in axes)
    return wrap(call(op, bound), level)


def expand_dims(op, fn, level, args, kwargs):
    bound = bind(op, fn, args, kwargs)
    x = bound.arguments["x"]
    a = bound.arguments.get("axis", 0)
    many = isinstance(a, (tuple, list))
    axes = tuple(a) if many else (a,)
    out_rank = x.ndim + len(axes)
    shifted = []
    for ax in axes:
        if not isinstance(ax, int) or not -out_rank <= ax < out_rank:
            return op.func(REGISTRY["getitem"].func(x.value, 0), a)  # the op's error
        shifted.append((ax % out_rank) + 1)
    bound.arguments["x"] = x.value
    bound.arguments["axis"] = tuple(shifted) if many else shifted[0]
    return wrap(call(op, bound), level)


def _join(op, fn, level, args, kwargs, stack):
    bound = bind(op, fn, args, kwargs)
    name = first_param(bound)
    arrays = bound.arguments[name]
    if not isinstance(arrays, (list, tuple)) or not arrays:
        return op.func(*args, **kwargs)
    n = batch_size(args, kwargs, level)
    rank = max(a.ndim for a in arrays if is_array(a))
    a = bound.arguments.get("axis", 0)
    values = [expand(t, level, n) for t in arrays]
    if a is None and not stack:
        values = [B.reshape(v, (n, -1)) for v in values]
        a = 1
    elif stack:
        if not isinstance(a, int) or not -(rank + 1) <= a <= rank:
            return op.func([REGISTRY["getitem"].func(v, 0) for v in values], axis=a)
        a = (a % (rank + 1)) + 1
    else:
        a = shift_axis(op, a, rank)
    bound.arguments[name] = values
    bound.arguments["axis"] = a
    return wrap(call(op, bound), level)


def concat(op, fn, level, args, kwargs):
    return _join(op, fn, level, args, kwargs, stack=False)


def stack(op, fn, level, args, kwargs):
    return _join(op, fn, level, args, kwargs, stack=True)


def broadcast_arrays(op, fn, level, args, kwargs):
    n = batch_size(args, kwargs, level)
    rank = max(a.ndim for a in args)
    values = [full_value(a, level, rank, n) for a in args]
    return wrap(op.func(*values), level)


def _advanced(k):
    return is_array(k) or isinstance(k, (list,)) or k.__class__.__module__ == "numpy"


def getitem(op, fn, level, args, kwargs):
    x, key = args
    v = at(x, level)
    keys = key if key.__class__ is tuple else (key,)
    if v is None:
        # an unbatched tensor indexed by one batched integer tensor: a gather
        if len(keys) == 1 and at(keys[0], level) is not None and keys[0].dtype.kind in "iu":
            return wrap(x[keys[0].value], level)
        return loop(op, fn, level, args, kwargs)
    if any(at(k, level) is not None for k in keys):
        k = keys[0] if len(keys) == 1 else None
        if k is not None and k.dtype.kind == "b":
            raise VmapError(
                "bridge.func.vmap: indexing with a batched boolean mask: the result's shape "
                "depends on the mask's values, which differ between the examples"
            )
        return loop(op, fn, level, args, kwargs)
    positions = [i for i, k in enumerate(keys) if _advanced(k)]
    if len(positions) > 1 and positions != list(range(positions[0], positions[-1] + 1)):
        return loop(op, fn, level, args, kwargs)  # NumPy moves separated indices first
    return wrap(v[(slice(None),) + keys], level)


def setitem(op, fn, level, args, kwargs):
    x, key, value = args
    v = at(x, level)
    keys = key if key.__class__ is tuple else (key,)
    if v is None:
        raise VmapError(
            "bridge.func.vmap: x[key] = value writes a batched value into a tensor that is "
            "not batched (one value for the whole batch); build the result out of place "
            "(bridge.where, or a batched copy of the tensor)"
        )
    if any(at(k, level) is not None for k in keys):
        n = v.shape[0]
        for b in range(n):
            kb = tuple(k.value[b] if at(k, level) is not None else k for k in keys)
            vb = value.value[b] if at(value, level) is not None else value
            v[b][kb if key.__class__ is tuple else kb[0]] = vb
        return None
    full = (slice(None),) + keys
    if at(value, level) is not None:
        target_rank = v[full].ndim - 1
        value = lift(value, level, target_rank)
    v[full] = value
    return None


def tile(op, fn, level, args, kwargs):
    bound = bind(op, fn, args, kwargs)
    x = bound.arguments["x"]
    reps = tuple(bound.arguments["repetitions"])
    rank = max(x.ndim, len(reps))
    bound.arguments["x"] = lift(x, level, rank)
    bound.arguments["repetitions"] = (1,) + (1,) * (rank - len(reps)) + reps
    return wrap(call(op, bound), level)


def passthrough(op, fn, level, args, kwargs):
    """Ops that read only dtypes and shapes of their array arguments' examples (the
    batch dimension does not change them): the batched arguments' values."""
    def strip(a):
        if a.__class__ is Batched:
            return REGISTRY["getitem"].func(a.value, 0) if op.name == "broadcast_shapes" \
                else a.value
        if a.__class__ in (list, tuple):
            return a.__class__(strip(i) for i in a)
        return a

    return op.func(*(strip(a) for a in args), **{k: strip(v) for k, v in kwargs.items()})


def loop(op, fn, level, args, kwargs):
    """Call the op once per example and stack the results: correct for every op."""
    n = batch_size(args, kwargs, level)

    def pick(a, b):
        if a.__class__ is Batched and a.level == level:
            return a.value[b]
        if a.__class__ in (list, tuple):
            return a.__class__(pick(item, b) for item in a)
        return a

    results = []
    for b in range(n):
        results.append(op.func(*(pick(a, b) for a in args),
                               **{k: pick(v, b) for k, v in kwargs.items()}))
    first = results[0] if results else None
    if n == 0:
        raise VmapError(f"bridge.func.vmap: {op.name} has no batching rule of its own and "
                        "the batch is empty")
    if first is None:
        return None
    if isinstance(first, (tuple, list)):
        return rebuild(first, (wrap(B.stack([r[i] for r in results], axis=0), level)
                               for i in range(len(first))))
    if not is_array(first):
        raise VmapError(f"bridge.func.vmap: {op.name} returns {type(first).__name__}, which "
                        "cannot be batched")
    return wrap(B.stack(results, axis=0), level)


def error(op, fn, level, args, kwargs):
    raise VmapError(
        f"bridge.func.vmap: {op.name} cannot be batched: the shape of its result depends on "
        "the values of its input, which differ between the examples of the batch"
    )


RULES = {
    "elementwise": elementwise, "unary": unary, "reduce": reduce, "axis": axis,
    "aligned_axis": aligned_axis, "matmul": matmul, "tensordot": tensordot,
    "reshape": reshape, "broadcast_to": broadcast_to, "permute": permute,
    "expand_dims": expand_dims, "concat": concat, "stack": stack,
    "broadcast_arrays": broadcast_arrays, "getitem": getitem, "setitem": setitem,
    "tile": tile, "passthrough": passthrough, "loop": loop, "error": error,
}


def handle(op, fn, args, kwargs):
    """vmap's handler of the registry's hook (``TRANSFORMS.install``)."""
    level = level_of_args(args, kwargs)
    if level is None:
        return NOT_MINE
    if HANDLING.lazy:  # a jvp with tangents batched apart from its primals watches
        stack = HANDLING.levels
        stack.append(level)
        try:
            return RULES[op.batch](op, fn, level, args, kwargs)
        finally:
            stack.pop()
    return RULES[op.batch](op, fn, level, args, kwargs)


def check_rules():
    """Every row names a rule that exists (called once, when bridge.func loads)."""
    unknown = {op.name: op.batch for op in REGISTRY.values() if op.batch not in RULES}
    if unknown:
        raise RuntimeError(f"bridge.func: rows with an unknown batching rule: {unknown}")


class activate:  # noqa: N801
    """While at least one vmap runs (in any thread), the registry asks :func:`handle`."""

    def __enter__(self):
        with _ACTIVE_LOCK:
            TRANSFORMS.enter()

    def __exit__(self, *exc):
        with _ACTIVE_LOCK:
            TRANSFORMS.exit()
        return False


def new_level():
    return next(_LEVELS)


def vmap_levels():
    """The vmaps active in this thread, outermost first: (level, batch size, randomness)."""
    return [t for t in MODE.transforms if t[0] == "vmap"]

"""NumPy's ufunc objects: ``bridge.add.reduce``, ``bridge.maximum.accumulate``,
``bridge.multiply.outer``, ``bridge.add.at``, ``bridge.add.reduceat``, ``.nin``,
``.identity``, ... and NumPy's keywords on the call (``out=``, ``where=``, ``dtype=``,
``casting=``, ``order=``, ``subok=``, ``signature=``).

Every elementwise function of the namespace (the standard's and NumPy's names such as
``absolute`` or ``fmod``) is a ufunc: :func:`ufunc_rows` turns the registry rows into
them before the registry is built. One implementation serves them all:

* the call: the elementwise functions stay the C front objects they are, with the same
  C path (plain CPU tensors, no keywords) and the same declined path; only a call with
  NumPy's keywords or a positional ``out`` goes elsewhere, to :func:`ufunc_call` (the C
  front's ``set_ufunc_call``), so a plain call costs what it did;
* the methods, attached to each front as bound methods (the front's attribute dict;
  no ``__getattr__``), are written with the registry's functions: ``add.reduce`` is
  ``sum``, ``multiply.reduce`` ``prod``, ``maximum.reduce`` ``max``,
  ``logical_and.reduce`` ``all``, ``add.accumulate`` ``cumulative_sum``, ... and every
  other ufunc reduces by applying itself pairwise: a tree of halvings for the ufuncs
  NumPy may reorder (its identity, or ``maximum``-like), a fold along the axis for the
  others (``subtract``, ``power``, ...). So they run on every backend and autograd
  records them.

What NumPy knows about a ufunc (its identity, whether it may reorder a reduction, its
dtype loops) is read from NumPy's ufunc of the same operation, as data.

The same module gives the standard's reductions NumPy's ``where=`` and ``initial=``
(``bridge.sum(x, where=mask)``), through the ufunc whose reduction they are.
"""

from __future__ import annotations

import builtins
import math
import types
from dataclasses import dataclass, replace

import numpy as np

from . import _dispatch
from ._dtypes import ALL_DTYPES, normalize_dtype
from ._fastpath import _front
from ._registry import Op, interposed, public_name, rename_error, write_out
from ._registry import ops as B
from ._spec import BINARY, UNARY

_SUPPORTED = frozenset(ALL_DTYPES)
_CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")
_ORDERS = ("C", "F", "A", "K")


class _NoValue:
    """NumPy's ``<no value>``: ``initial`` not given (None is a value for object
    ufuncs in NumPy; bridge keeps the distinction)."""

    def __repr__(self):
        return "<no value>"

    def __reduce__(self):
        return "NO_VALUE"


NO_VALUE = _NoValue()

# NumPy's name of the ufunc where it differs from bridge's (NumPy has no ufunc for the
# standard's round, real and imag; rint is round half to even, as round is)
_NUMPY_UFUNC = {"round": "rint"}

# the registry's reduction and accumulation of a ufunc, where one exists
_REDUCTION = {"add": "sum", "multiply": "prod", "maximum": "max", "minimum": "min",
              "logical_and": "all", "logical_or": "any"}
_ACCUMULATION = {"add": "cumulative_sum", "multiply": "cumulative_prod"}

# below this many repeats of an index, ufunc.at applies the updates one round per
# repeat, in NumPy's order (its exact values); above, reorderable ufuncs combine the
# updates of each index first (one scan), which rounds like a reduction
_AT_ROUNDS = 8


@dataclass(frozen=True)
class UfuncSpec:
    """What a ufunc is, as NumPy describes it.

    name        bridge's public name (``"add"``, ``"absolute"``)
    nin, nout   the numbers of inputs and outputs
    identity    the reduction's identity (None where there is none)
    reorderable whether NumPy may reorder a reduction (several axes at once): the
                ufuncs with an identity and maximum/minimum/fmax/fmin
    numpy       NumPy's ufunc of the same operation (its loops), or None
    types       its loops over bridge's 13 dtypes (``"dd->d"``)
    """

    name: str
    nin: int
    nout: int
    identity: object
    reorderable: bool
    numpy: object
    types: tuple


def _reorderable(ufunc) -> bool:
    """Whether NumPy reduces ``ufunc`` over several axes at once (it refuses for the
    ufuncs it may not reorder): asked of NumPy on a 2x2 array."""
    if ufunc.nin != 2 or ufunc.nout != 1:
        return False
    for dtype in ("?", "l", "d"):
        try:
            ufunc.reduce(np.zeros((2, 2), dtype), axis=None)
            return True
        except ValueError as exc:
            if "reorderable" in str(exc):
                return False
        except TypeError:  # no loop for this dtype: try the next
            continue
    return False


def _types(ufunc) -> tuple:
    supported = {d.char for d in ALL_DTYPES}
    loops = (t for t in ufunc.types if set(t.replace("->", "")) <= supported)
    return tuple(dict.fromkeys(loops))  # NumPy lists a loop once per implementation


def make_spec(name: str, numpy_name: str | None, nin: int) -> UfuncSpec:
    ufunc = getattr(np, numpy_name, None) if numpy_name else None
    if not isinstance(ufunc, np.ufunc):
        return UfuncSpec(name, nin, 1, None, False, None, ())
    return UfuncSpec(name, ufunc.nin, ufunc.nout, ufunc.identity, _reorderable(ufunc), ufunc,
                     _types(ufunc))


# ufunc front -> its spec (the fronts live as long as the namespace)
SPECS: dict = {}
# NumPy's ufunc name -> bridge's ufunc (for numpy.<ufunc>.<method>(tensor))
BY_NUMPY_NAME: dict = {}


def spec_of(ufunc) -> UfuncSpec:
    spec = SPECS.get(ufunc)
    if spec is None:
        raise TypeError(f"{ufunc!r} is not one of bridge's ufuncs")
    return spec


# ------------------------------------------------------------------ the call


def _check_casting(func, casting):
    if casting not in _CASTINGS:
        raise ValueError(f"{func}: casting must be one of 'no', 'equiv', 'safe', 'same_kind', "
                         f"'unsafe' (got {casting!r})")


def _check_order(func, order):
    # the values never depend on the memory order, and bridge's results are C-ordered:
    # 'F'/'A'/'K' ask for a layout, which bridge does not keep (NumPy would give the
    # same values)
    if order is not None and not (isinstance(order, str) and order.upper() in _ORDERS):
        raise ValueError(f"{func}: order must be one of 'C', 'F', 'A', or 'K' (got {order!r})")


def _outputs(func, nout, positional, out):
    """NumPy's ``out``: positional after the inputs, or a keyword holding an array or a
    tuple of ``nout`` arrays (None for a fresh one): a tuple of ``nout`` entries."""
    if positional:
        if out is not None:
            raise TypeError(f"{func}: cannot specify 'out' as both a positional and keyword "
                            "argument")
        out = tuple(positional)
    if out is None:
        return (None,) * nout
    if not isinstance(out, tuple):
        out = (out,)
    if len(out) != nout:
        raise ValueError(f"{func}: The 'out' tuple must have exactly {nout} entries: one per "
                         "ufunc output")
    for o in out:
        if o is not None and not isinstance(o, _dispatch.TENSOR):
            raise TypeError(f"{func}: out must be a Tensor, got {type(o).__name__}")
    return out


def _dtype_of(x):
    if isinstance(x, _dispatch.TENSOR):
        return x.dtype
    if x.__class__ is builtins.bool:
        return np.dtype(bool)
    if x.__class__ in (int, float, complex):
        return x.__class__  # NumPy 2's abstract Python scalar dtypes
    return None


def _bridge_dtype(dtype):
    """NumPy's loop dtype as one of bridge's (float16: float32, which bridge has)."""
    if dtype == np.float16:
        return np.dtype(np.float32)
    return dtype if dtype in _SUPPORTED else None


def _signature_dtypes(func, signature, nargs):
    """``signature=``: a tuple of dtypes or None, or NumPy's type string ``"dd->d"``."""
    if isinstance(signature, str):
        if "->" not in signature:
            raise TypeError(f"{func}: signature={signature!r} must be a tuple of dtypes or a "
                            "string like 'dd->d'")
        ins, outs = signature.split("->")
        chars = list(ins.replace(",", "")) + list(outs.replace(",", ""))
        signature = tuple(np.dtype(c) for c in chars)
    if not isinstance(signature, tuple) or len(signature) != nargs:
        raise TypeError(f"{func}: signature must hold {nargs} dtypes (or None), got "
                        f"{signature!r}")
    return tuple(None if d is None else np.dtype(normalize_dtype(d, func, "signature"))
                 for d in signature)


def _loop(spec, func, inputs, dtype, signature, casting):
    """The loop NumPy would run (input and output dtypes) for an explicit ``dtype=`` /
    ``signature=`` or a strict ``casting=``; None when NumPy's default resolution is
    bridge's own."""
    if dtype is None and signature is None and casting in ("same_kind", "unsafe"):
        return None
    nargs = spec.nin + spec.nout
    if signature is not None:
        fixed = _signature_dtypes(func, signature, nargs)
    elif dtype is not None:
        fixed = (None,) * spec.nin + (np.dtype(normalize_dtype(dtype, func)),) * spec.nout
    else:
        fixed = None
    if spec.numpy is None:  # bridge's round, real, imag: the loop is the given dtype
        if fixed is None:
            return None
        loop = tuple(d if d is not None else _dtype_of(x) for d, x in
                     zip(fixed, inputs + (None,) * spec.nout))
        return loop
    given = tuple(_dtype_of(x) for x in inputs)
    if any(d is None for d in given):
        return None
    options = {"casting": casting} if fixed is None else {"casting": casting, "signature": fixed}
    try:
        loop = spec.numpy.resolve_dtypes(given + (None,) * spec.nout, **options)
    except (TypeError, ValueError, np.exceptions.DTypePromotionError) as exc:
        raise TypeError(f"{func}: {exc}") from None
    return tuple(_bridge_dtype(d) for d in loop)


def _cast_inputs(func, inputs, loop, casting):
    cast = []
    for i, (x, dt) in enumerate(zip(inputs, loop)):
        if isinstance(x, _dispatch.TENSOR) and dt is not None and x.dtype != dt:
            if not np.can_cast(x.dtype, dt, casting=casting):
                raise TypeError(f"{func}: cannot cast input {i} from {x.dtype} to {dt} with "
                                f"casting rule {casting!r}")
            x = B.astype(x, dt)
        cast.append(x)
    return tuple(cast)


def _into_out(func, target, value, casting):
    """``value`` written into ``target`` (NumPy's casting rule ``casting``; broadcast to
    ``target``'s shape, as NumPy broadcasts the inputs to ``out``)."""
    if value.dtype != target.dtype:
        if not np.can_cast(value.dtype, target.dtype, casting=casting):
            raise TypeError(f"{func}: cannot cast the output from {value.dtype} to "
                            f"{target.dtype} with casting rule {casting!r}")
        value = B.astype(value, target.dtype)
    if value.shape != target.shape:
        try:
            shape = np.broadcast_shapes(value.shape, target.shape)
        except ValueError:
            shape = None
        if shape != target.shape:
            raise ValueError(f"{func}: non-broadcastable output operand with shape "
                             f"{target.shape} doesn't match the broadcast shape {value.shape}")
        value = B.broadcast_to(value, target.shape)
    return write_out(func, target, value)


def _mask(func, where, like):
    """``where=`` as a bool tensor on ``like``'s device."""
    if isinstance(where, _dispatch.TENSOR):
        if where.dtype != B.bool:
            raise TypeError(f"{func}: where must be a bool tensor, got dtype {where.dtype}")
        return where
    try:
        mask = np.asarray(where)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{func}: where must be a bool array-like ({exc})") from None
    if mask.dtype != np.bool_:
        raise TypeError(f"{func}: where must be a bool array-like, got dtype {mask.dtype}")
    return B.asarray(mask, device=like.device)


def ufunc_call(ufunc, plain, args, kwargs):
    """A call of ufunc ``ufunc`` with NumPy's keywords or a positional ``out``;
    ``plain`` computes the values (the row's own function, or the ufunc itself)."""
    spec = spec_of(ufunc)
    func = spec.name
    nin, nout = spec.nin, spec.nout
    if not nin <= len(args) <= nin + nout:
        given = len(args)
        raise TypeError(f"{func}() takes from {nin} to {nin + nout} positional arguments but "
                        f"{given} {'was' if given == 1 else 'were'} given")
    inputs = tuple(args[:nin])
    kwargs = dict(kwargs)
    out = _outputs(func, nout, args[nin:], kwargs.pop("out", None))
    where = kwargs.pop("where", True)
    casting = kwargs.pop("casting", "same_kind")
    order = kwargs.pop("order", "K")
    dtype = kwargs.pop("dtype", None)
    signature = kwargs.pop("signature", None)
    subok = kwargs.pop("subok", True)
    if kwargs:
        raise TypeError(f"{func}() got an unexpected keyword argument {next(iter(kwargs))!r}")
    _check_casting(func, casting)
    _check_order(func, order)
    if not isinstance(subok, builtins.bool):
        raise TypeError(f"{func}: subok must be a bool, got {type(subok).__name__}")
    loop = _loop(spec, func, inputs, dtype, signature, casting)
    if loop is not None:
        inputs = _cast_inputs(func, inputs, loop[:nin], casting)
    result = plain(*inputs) if where is True else _masked_values(func, plain, inputs, where)
    results = result if nout > 1 else (result,)
    if loop is not None:
        results = tuple(r if dt is None or r.dtype == dt else B.astype(r, dt)
                        for r, dt in zip(results, loop[nin:]))
    if where is not True:
        mask = _mask(func, where, results[0])
        final = []
        for r, target in zip(results, out):
            if target is None:
                # NumPy leaves the other elements uninitialised; bridge gives zeros
                final.append(B.where(mask, r, B.zeros((), dtype=r.dtype, device=r.device)))
            else:
                final.append(_into_out_where(func, target, r, mask, casting))
        return tuple(final) if nout > 1 else final[0]
    final = tuple(r if target is None else _into_out(func, target, r, casting)
                  for r, target in zip(results, out))
    return final if nout > 1 else final[0]


def _masked_values(func, plain, inputs, where):
    """``plain(*inputs)`` for a call with ``where=``: NumPy's masked loop computes (and
    warns about, or raises for) only the elements ``where`` selects, so the values are
    computed with NumPy's floating-point errors off, and the selected elements that
    could have set an error flag (a non-finite float result; every element of an
    integer one) are computed once more as NumPy's error state says."""
    with np.errstate(all="ignore"):
        result = plain(*inputs)
    state = np.geterr()
    if all(v == "ignore" for v in state.values()):
        return result
    first = result[0] if isinstance(result, tuple) else result
    if not isinstance(first, _dispatch.TENSOR) or first.size == 0:
        return result
    try:
        mask = B.broadcast_to(_mask(func, where, first), first.shape)
    except (TypeError, ValueError):
        return result  # (the caller reports a bad where=)
    if first.dtype.kind in "fc" and state["under"] == "ignore":
        values = tuple(result) if isinstance(result, tuple) else (result,)
        suspect = B.zeros(first.shape, dtype=B.bool, device=first.device)
        for v in values:
            if v.dtype.kind in "fc":
                suspect = B.logical_or(suspect, B.logical_not(B.isfinite(v)))
        mask = B.logical_and(mask, suspect)
    if not bool(B.any(mask)):
        return result
    picked = tuple(B.broadcast_to(x, first.shape)[mask] if isinstance(x, _dispatch.TENSOR)
                   else x for x in inputs)
    plain(*picked)  # for its warnings (or FloatingPointError) only
    return result


def _into_out_where(func, target, value, mask, casting):
    """``value`` written into ``target`` where ``mask`` is True; the other elements keep
    their values (one masked in-place write, which autograd records as such)."""
    if value.dtype != target.dtype:
        if not np.can_cast(value.dtype, target.dtype, casting=casting):
            raise TypeError(f"{func}: cannot cast the output from {value.dtype} to "
                            f"{target.dtype} with casting rule {casting!r}")
        value = B.astype(value, target.dtype)
    try:
        shape = np.broadcast_shapes(value.shape, mask.shape, target.shape)
    except ValueError:
        shape = None
    if shape != target.shape:
        raise ValueError(f"{func}: non-broadcastable output operand with shape {target.shape} "
                         f"doesn't match the broadcast shape of the result and where= "
                         f"({value.shape}, {mask.shape})")
    mask = B.broadcast_to(mask, shape)
    target[mask] = B.broadcast_to(value, shape)[mask]
    return target


def _entry(spec_name, nin, plain):
    """The Python function behind a ufunc's C front: a plain call goes to ``plain``
    (the row's own function), anything else to :func:`ufunc_call`."""
    if nin == 1:
        def entry(x, /, *args, **kwargs):
            if not args and not kwargs:
                return plain(x)
            return ufunc_call(_FRONTS[spec_name], plain, (x, *args), kwargs)
    else:
        def entry(x1, x2, /, *args, **kwargs):
            if not args and not kwargs:
                return plain(x1, x2)
            return ufunc_call(_FRONTS[spec_name], plain, (x1, x2, *args), kwargs)
    entry.__name__ = entry.__qualname__ = getattr(plain, "__name__", spec_name)
    entry.__doc__ = plain.__doc__
    entry.__wrapped__ = plain  # its signature is the row's (the standard's)
    return entry


# public name -> the ufunc front (filled by ufunc_rows)
_FRONTS: dict = {}


# ------------------------------------------------------------------ methods: helpers


def _binary_only(spec, method):
    what = "outer product" if method == "outer" else method
    if spec.nin != 2:
        raise ValueError(f"{spec.name}.{method}: {what} only supported for binary functions")
    if spec.nout != 1 and method != "outer":
        raise ValueError(f"{spec.name}.{method}: {what} only supported for functions "
                         "returning a single value")


def _reduce_loop(spec, func, dtype, in_dtype, out):
    """(input dtype, result dtype) of a reduction, accumulation or reduceat: NumPy's
    resolution (``dtype=``, else out's dtype, else the input's, with add's and
    multiply's small integers and bools accumulated in int64/uint64)."""
    if dtype is None and out is not None:
        dtype = out.dtype
    if dtype is not None:
        dtype = np.dtype(normalize_dtype(dtype, func))
    if spec.numpy is None:
        d = dtype or in_dtype
        return d, d
    given = (dtype, dtype if dtype is not None else in_dtype, None)
    try:
        loop = spec.numpy.resolve_dtypes(given, reduction=True)
    except (TypeError, ValueError, np.exceptions.DTypePromotionError) as exc:
        raise TypeError(f"{func}: {exc}") from None
    loop_in, loop_out = _bridge_dtype(loop[1]), _bridge_dtype(loop[2])
    if loop_in is None or loop_out is None:
        raise TypeError(f"{func}: NumPy's loop {loop} has a dtype outside bridge's 13")
    return loop_in, loop_out


def _identity_in(spec, dtype):
    """The ufunc's identity as a Python scalar of ``dtype`` (bitwise_and's -1 is all
    ones in an unsigned dtype, as NumPy casts it)."""
    return _scalar_in(spec.identity, dtype)


def _scalar_in(value, dtype):
    """Python scalar ``value`` (an identity or ``initial``) cast to ``dtype``, as NumPy
    casts it into the reduction's loop."""
    with np.errstate(all="ignore"):
        return np.array(value).astype(dtype).item()


def _single_out(func, out):
    if isinstance(out, tuple):
        if len(out) != 1:
            raise ValueError(f"{func}: out must be a Tensor or a tuple of one Tensor")
        out = out[0]
    if out is not None and not isinstance(out, _dispatch.TENSOR):
        raise TypeError(f"{func}: out must be a Tensor, got {type(out).__name__}")
    return out


def _reduce_axes(spec, func, axis, ndim):
    if ndim == 0 and (axis == 0 or axis == (0,) or axis is None):
        return ()  # NumPy reduces a 0-d array over no axis (the value itself)
    if axis is None:
        axes = tuple(range(ndim))
    else:
        if isinstance(axis, list):
            axis = tuple(axis)
        axes = _dispatch.normalize_axes(axis, ndim, func)
    if len(axes) > 1 and not spec.reorderable:
        raise ValueError(f"{func}: reduction operation '{spec.name}' is not reorderable, so at "
                         "most one axis may be specified")
    return axes


def _last(x, ax):
    """``x`` with axis ``ax`` moved last."""
    return x if ax == x.ndim - 1 else B.moveaxis(x, ax, -1)


def _tree(ufunc, x):
    """The reduction of ``x`` over its last axis (length >= 1) by halving: log2(n)
    calls of ``ufunc``, for the ufuncs NumPy may reorder."""
    n = x.shape[-1]
    while n > 1:
        half = n // 2
        y = ufunc(x[..., :half], x[..., half:2 * half])
        if n % 2:
            y = B.concat([y, x[..., 2 * half:]], axis=-1)
        x, n = y, n - half
    return x[..., 0]


def _fold(ufunc, x, acc=None, mask=None):
    """The reduction of ``x`` over its last axis in order, from ``acc`` (None: the
    first element): one call per element; ``mask`` (same shape) skips elements."""
    start = 0
    if acc is None:
        acc, start = x[..., 0], 1
    for i in range(start, x.shape[-1]):
        step = ufunc(acc, x[..., i])
        acc = step if mask is None else B.where(mask[..., i], step, acc)
    return acc


def _scan(ufunc, x, segments=None):
    """The running reduction of ``x`` along its last axis (Hillis and Steele: log2(n)
    steps over the whole tensor), restarted where ``segments`` (a 1-d integer tensor
    of the axis's length, non-decreasing) changes; for reorderable ufuncs."""
    n = x.shape[-1]
    k = 1
    while k < n:
        step = ufunc(x[..., :-k], x[..., k:])
        if segments is not None:
            step = B.where(segments[k:] == segments[:-k], step, x[..., k:])
        x = B.concat([x[..., :k], step], axis=-1)
        k *= 2
    return x


# ------------------------------------------------------------------ reduce


def _reduce(self, array, axis=0, dtype=None, out=None, keepdims=False, initial=NO_VALUE,
            where=True):
    """Reduce ``array``'s dimension(s) ``axis`` by applying the ufunc along them
    (NumPy's ``ufunc.reduce``): ``add.reduce`` is a sum, ``maximum.reduce`` a max."""
    spec = spec_of(self)
    func = f"{spec.name}.reduce"
    _binary_only(spec, "reduce")
    x = _dispatch.as_tensor(array, func, "array")
    out = _single_out(func, out)
    keepdims = _dispatch.flag(func, "keepdims", keepdims)
    axes = _reduce_axes(spec, func, axis, x.ndim)
    loop_in, loop_out = _reduce_loop(spec, func, dtype, x.dtype, out)
    if x.dtype != loop_in:
        x = B.astype(x, loop_in)
    mask = None if where is True else B.broadcast_to(_mask(func, where, x), x.shape)
    has_initial = initial is not NO_VALUE
    if not has_initial and spec.identity is not None and spec.name not in _REDUCTION:
        # NumPy's initial defaults to the identity: hypot.reduce([-1.0]) is 1.0
        initial, has_initial = _identity_in(spec, x.dtype), True
    if has_initial:
        initial = _scalar_in(initial, x.dtype)
    if mask is not None and spec.identity is None and not has_initial:
        raise ValueError(f"{func}: reduction operation '{spec.name}' does not have an "
                         "identity, so to use a where mask one has to specify 'initial'")
    count = math.prod(x.shape[a] for a in axes)
    if count == 0 and spec.identity is None and not has_initial:
        raise ValueError(f"{func}: zero-size array to reduction operation {spec.name} which "
                         "has no identity")
    shape = tuple(1 if a in axes else s for a, s in enumerate(x.shape)) if keepdims else \
        tuple(s for a, s in enumerate(x.shape) if a not in axes)
    if not axes:
        result = x if mask is None else B.where(mask, x, initial if has_initial else
                                                _identity_in(spec, x.dtype))
        if has_initial and mask is None:
            result = self(result, _zero_d(initial, x))
    elif count == 0:
        fill = initial if has_initial else _identity_in(spec, x.dtype)
        result = B.full(shape, fill, dtype=x.dtype, device=x.device)
    else:
        result = _reduce_values(self, spec, x, axes, mask, initial, has_initial)
        if keepdims:
            result = B.reshape(result, shape)
    if result.dtype != loop_out:
        result = B.astype(result, loop_out)
    if out is not None:
        return write_out(func, out, result)
    return result


def _zero_d(value, like):
    return B.asarray(value, dtype=like.dtype, device=like.device)


def _reduce_values(ufunc, spec, x, axes, mask, initial, has_initial):
    """The reduction of ``x`` (non-empty along ``axes``) without keepdims."""
    fast = _REDUCTION.get(spec.name)
    if fast is not None:
        if mask is not None:
            fill = _identity_in(spec, x.dtype) if spec.identity is not None else initial
            x = B.where(mask, x, fill)
        params = {"dtype": x.dtype} if fast in ("sum", "prod") else {}
        result = getattr(B, fast)(x, axis=axes, **params)
        return ufunc(result, _zero_d(initial, x)) if has_initial else result
    # the reduced axes as one last axis
    rest = [a for a in range(x.ndim) if a not in axes]
    order = rest + list(axes)
    if order != list(range(x.ndim)):
        x = B.permute_dims(x, tuple(order))
        mask = None if mask is None else B.permute_dims(mask, tuple(order))
    kept = x.shape[:len(rest)]
    x = B.reshape(x, kept + (-1,))
    mask = None if mask is None else B.reshape(mask, kept + (-1,))
    if spec.reorderable:
        if mask is not None:
            # the identity, or initial for maximum-like ufuncs (f(v, v) = v)
            fill = _identity_in(spec, x.dtype) if spec.identity is not None else initial
            x = B.where(mask, x, fill)
        result = _tree(ufunc, x)
        return ufunc(_zero_d(initial, x), result) if has_initial else result
    acc = B.full(kept, initial, dtype=x.dtype, device=x.device) if has_initial else None
    if mask is not None and acc is None:
        acc = B.full(kept, _identity_in(spec, x.dtype), dtype=x.dtype, device=x.device)
    return _fold(ufunc, x, acc, mask)


# ------------------------------------------------------------------ accumulate


def _accumulate(self, array, axis=0, dtype=None, out=None):
    """The running results of applying the ufunc along ``axis`` (NumPy's
    ``ufunc.accumulate``): ``add.accumulate`` is a cumulative sum."""
    spec = spec_of(self)
    func = f"{spec.name}.accumulate"
    _binary_only(spec, "accumulate")
    x = _dispatch.as_tensor(array, func, "array")
    out = _single_out(func, out)
    if x.ndim == 0:
        raise TypeError(f"{func}: cannot accumulate on a scalar")
    if isinstance(axis, (tuple, list)):
        if len(axis) != 1:
            raise ValueError(f"{func}: accumulate does not allow multiple axes")
        axis = axis[0]
    if axis is None:
        if x.ndim != 1:
            raise ValueError(f"{func}: accumulate does not allow multiple axes")
        axis = 0
    ax = _dispatch.normalize_axis(axis, x.ndim, func)
    loop_in, loop_out = _reduce_loop(spec, func, dtype, x.dtype, out)
    if x.dtype != loop_in:
        x = B.astype(x, loop_in)
    fast = _ACCUMULATION.get(spec.name)
    if fast is not None:
        result = getattr(B, fast)(x, axis=ax, dtype=x.dtype)
    elif x.shape[ax] == 0:
        result = x
    else:
        y = _last(x, ax)
        if spec.reorderable:
            y = _scan(self, y)
        else:
            steps = [y[..., 0]]
            for i in range(1, y.shape[-1]):
                steps.append(self(steps[-1], y[..., i]))
            y = B.stack(steps, axis=-1)
        result = y if ax == x.ndim - 1 else B.moveaxis(y, -1, ax)
    if result.dtype != loop_out:
        result = B.astype(result, loop_out)
    if out is not None:
        return write_out(func, out, result)
    return result


# ------------------------------------------------------------------ outer


def _outer(self, A, B_, /, **kwargs):  # noqa: N803 - NumPy's names
    """The ufunc applied to every pair of elements of ``A`` and ``B``: the result has
    shape ``A.shape + B.shape`` (NumPy's ``ufunc.outer``; the call's keywords apply)."""
    spec = spec_of(self)
    func = f"{spec.name}.outer"
    _binary_only(spec, "outer")
    a = _dispatch.as_tensor(A, func, "A")
    b = _dispatch.as_tensor(B_, func, "B")
    a = B.reshape(a, a.shape + (1,) * b.ndim)
    return self(a, b, **kwargs)


# ------------------------------------------------------------------ at


def _index_key(key, device):
    """An index for ``Tensor.__getitem__``: lists and NumPy arrays become tensors."""
    if isinstance(key, tuple):
        return tuple(_index_key(k, device) for k in key)
    if isinstance(key, (list, np.ndarray)):
        return B.asarray(np.asarray(key), device=device)
    return key


def _at(self, a, indices, b=None, /):
    """Apply the ufunc in place to the elements of ``a`` that ``indices`` selects
    (with ``b``'s elements for a binary ufunc), unbuffered: an index given k times is
    updated k times (NumPy's ``ufunc.at``; ``add.at(counts, labels, 1)`` counts)."""
    spec = spec_of(self)
    func = f"{spec.name}.at"
    if spec.nout != 1:
        raise ValueError(f"{func}: only single-output ufuncs supported")
    if not isinstance(a, _dispatch.TENSOR):
        raise TypeError(f"{func}: a must be a Tensor (it is written in place), got "
                        f"{type(a).__name__}")
    if spec.nin == 2 and b is None:
        raise ValueError(f"{func}: second operand needed for ufunc")
    if spec.nin == 1 and b is not None:
        raise ValueError(f"{func}: second operand provided when ufunc is unary")
    # the flat positions the index selects, in the index's order
    positions = B.reshape(B.arange(max(a.size, 1), device=a.device)[:a.size], a.shape)
    try:
        selected = positions[_index_key(indices, a.device)]
    except IndexError as exc:
        raise IndexError(f"{func}: {exc}") from None
    flat = B.reshape(selected, (-1,))
    n = flat.shape[0]
    if n == 0:
        return None
    if b is not None:
        if not isinstance(b, _dispatch.TENSOR):
            b = B.asarray(b, device=a.device) if not isinstance(b, (builtins.bool, int, float,
                                                                  complex)) else b
        if isinstance(b, _dispatch.TENSOR):
            b = B.reshape(B.broadcast_to(b, selected.shape), (-1,))
    order = B.argsort(flat, stable=True)
    ordered = B.take(flat, order)
    first = B.searchsorted(ordered, ordered, side="left")
    rank_sorted = B.arange(n, device=a.device) - first
    repeats = int(B.max(rank_sorted)) + 1
    if repeats == 1:
        _apply_at(self, a, flat, b)
        return None
    if spec.reorderable and repeats > _AT_ROUNDS:
        # combine each index's updates first (in order), then one update per index
        last = B.concat([ordered[1:] != ordered[:-1], B.asarray([True], device=a.device)])
        ends = B.nonzero(last)[0]
        values = B.take(b, order) if isinstance(b, _dispatch.TENSOR) else \
            B.full((n,), b, dtype=a.dtype, device=a.device)
        combined = _scan(self, values, ordered)
        _apply_at(self, a, B.take(ordered, ends), B.take(combined, ends))
        return None
    rank = B.empty((n,), dtype=rank_sorted.dtype, device=a.device)
    rank[order] = rank_sorted
    for r in range(repeats):
        chosen = B.nonzero(rank == r)[0]
        _apply_at(self, a, B.take(flat, chosen),
                  B.take(b, chosen) if isinstance(b, _dispatch.TENSOR) else b)
    return None


def _apply_at(ufunc, a, flat, b):
    """``a`` at the distinct flat positions ``flat`` updated in place with ``b``."""
    coords = B.unravel_index(flat, a.shape) if a.ndim != 1 else (flat,)
    if a.ndim == 0:
        coords = ()
    current = a[coords] if coords else a[...]
    value = ufunc(current) if b is None else ufunc(current, b)
    if value.dtype != a.dtype:
        value = B.astype(value, a.dtype)  # NumPy's at casts back to a's dtype
    if coords:
        a[coords] = value
    else:
        a[...] = B.reshape(value, ())


# ------------------------------------------------------------------ reduceat


def _reduceat(self, array, indices, axis=0, dtype=None, out=None):
    """Reductions over slices of ``axis``: result ``i`` reduces
    ``array[indices[i]:indices[i+1]]`` (the single element ``array[indices[i]]`` where
    ``indices[i] >= indices[i+1]``; to the end for the last) (NumPy's
    ``ufunc.reduceat``)."""
    spec = spec_of(self)
    func = f"{spec.name}.reduceat"
    _binary_only(spec, "reduceat")
    x = _dispatch.as_tensor(array, func, "array")
    out = _single_out(func, out)
    if x.ndim == 0:
        raise TypeError(f"{func}: cannot reduceat a scalar")
    ax = _dispatch.normalize_axis(axis, x.ndim, func)
    idx = _dispatch.as_tensor(indices, func, "indices")
    if idx.ndim != 1 or (idx.dtype.kind not in "iu" and idx.size):
        raise TypeError(f"{func}: indices must be a 1-d array of integers")
    if idx.dtype.kind not in "iu":
        idx = B.astype(idx, B.int64)
    n = x.shape[ax]
    if idx.size:
        bad = B.logical_or(idx < 0, idx >= n)
        if bool(B.any(bad)):
            value = int(B.take(idx, B.nonzero(bad)[0][:1])[0])
            raise IndexError(f"{func}: index {value} out-of-bounds in {spec.name}.reduceat "
                             f"[0, {n})")
    loop_in, loop_out = _reduce_loop(spec, func, dtype, x.dtype, out)
    if x.dtype != loop_in:
        x = B.astype(x, loop_in)
    y = _last(x, ax)
    k = idx.shape[0]
    if k == 0:
        result = B.empty(y.shape[:-1] + (0,), dtype=x.dtype, device=x.device)
    else:
        idx = B.astype(idx, B.int64)
        nxt = B.concat([idx[1:], B.asarray([n], dtype=B.int64, device=idx.device)])
        last = B.arange(k, device=idx.device) == k - 1
        ends = B.where(B.logical_or(last, idx < nxt), nxt, idx + 1)
        lengths = ends - idx
        total = int(B.sum(lengths))
        segment = B.repeat(B.arange(k, device=idx.device), lengths)
        offsets = B.cumulative_sum(lengths, include_initial=True)
        positions = B.arange(total, device=idx.device) - B.take(offsets, segment) + \
            B.take(idx, segment)
        gathered = B.take(y, positions, axis=-1)
        if spec.reorderable:
            scanned = _scan(self, gathered, segment)
            result = B.take(scanned, offsets[1:] - 1, axis=-1)
        else:
            acc = B.take(gathered, offsets[:-1], axis=-1)
            longest = int(B.max(lengths))
            for j in range(1, longest):
                valid = lengths > j
                at = B.minimum(offsets[:-1] + j, total - 1)
                acc = B.where(valid, self(acc, B.take(gathered, at, axis=-1)), acc)
            result = acc
    if ax != x.ndim - 1:
        result = B.moveaxis(result, -1, ax)
    if result.dtype != loop_out:
        result = B.astype(result, loop_out)
    if out is not None:
        return write_out(func, out, result)
    return result


def _named(method, name):
    """``method`` whose bad-input errors name the method called (``maximum.reduce``),
    also those its inner calls raise (``max: ...``)."""
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (TypeError, ValueError, IndexError) as exc:
            public = f"{self.__name__}.{name}"
            renamed = rename_error(exc, public, public)
            if renamed is None:
                raise
            raise renamed.with_traceback(exc.__traceback__) from None

    call.__name__, call.__qualname__, call.__doc__ = name, f"ufunc.{name}", method.__doc__
    call.__wrapped__ = method
    return call


_METHODS = {name: _named(method, name) for name, method in (
    ("reduce", _reduce), ("accumulate", _accumulate), ("outer", _outer), ("at", _at),
    ("reduceat", _reduceat))}


def attach(front, spec: UfuncSpec):
    """Make ``front`` a ufunc: NumPy's attributes and methods in its attribute dict (the
    methods bound to the front, as NumPy's are bound to the ufunc)."""
    SPECS[front] = spec
    front.nin = spec.nin
    front.nout = spec.nout
    front.nargs = spec.nin + spec.nout
    front.identity = spec.identity
    front.types = list(spec.types)
    front.ntypes = len(spec.types)
    front.signature = None
    for name, method in _METHODS.items():
        setattr(front, name, types.MethodType(method, front))
    if spec.numpy is not None:
        BY_NUMPY_NAME.setdefault(spec.numpy.__name__, front)
    return front


# ------------------------------------------------------------------ the reductions' where=


def _with_where(std_name, ufunc_name, fn):
    """The standard's reduction ``fn`` that also takes NumPy's ``where=`` and
    ``initial=`` (keywords): such a call is the ufunc's ``reduce``."""
    def reduction(x, /, *, axis=None, keepdims=False, where=True, initial=NO_VALUE, **params):
        if where is True and initial is NO_VALUE:
            return fn(x, axis=axis, keepdims=keepdims, **params)
        dtype = params.pop("dtype", None)
        if params:
            raise TypeError(f"{std_name}() got an unexpected keyword argument "
                            f"{next(iter(params))!r}")
        x = _dispatch.as_tensor(x, std_name)
        try:
            return _FRONTS[ufunc_name].reduce(x, axis=axis, dtype=dtype, keepdims=keepdims,
                                              initial=initial, where=where)
        except (TypeError, ValueError) as exc:
            raise type(exc)(str(exc).replace(f"{ufunc_name}.reduce", std_name)) from None

    return reduction


def _masked_count(func, x, axes, mask, keepdims):
    m = B.broadcast_to(mask, x.shape)
    return B.sum(m, axis=axes, keepdims=keepdims, dtype=x.dtype if x.dtype.kind in "fc"
                 else B.float64)


def _float_input(func, x):
    x = _dispatch.as_tensor(x, func)
    return B.astype(x, B.float64) if x.dtype.kind in "biu" else x


def _mean_where(fn):
    def mean(x, /, *, axis=None, keepdims=False, where=True):
        if where is True:
            return fn(x, axis=axis, keepdims=keepdims)
        x = _float_input("mean", x)
        mask = B.broadcast_to(_mask("mean", where, x), x.shape)
        total = B.sum(B.where(mask, x, 0), axis=axis, keepdims=keepdims)
        real = B.float32 if x.dtype in (B.float32, B.complex64) else B.float64
        return total / B.sum(mask, axis=axis, keepdims=keepdims, dtype=real)

    return mean


def _var_where(fn, root):
    name = "std" if root else "var"

    def var(x, /, *, axis=None, correction=0.0, keepdims=False, where=True):
        if where is True:
            return fn(x, axis=axis, correction=correction, keepdims=keepdims)
        x = _float_input(name, x)
        mask = B.broadcast_to(_mask(name, where, x), x.shape)
        real = B.float32 if x.dtype in (B.float32, B.complex64) else B.float64
        count = B.sum(mask, axis=axis, keepdims=True, dtype=real)
        centre = B.sum(B.where(mask, x, 0), axis=axis, keepdims=True) / count
        d = B.where(mask, x - centre, 0)
        sq = B.real(d * B.conj(d)) if d.dtype.kind == "c" else d * d
        result = B.sum(sq, axis=axis, keepdims=keepdims) / (
            (count if keepdims else B.sum(mask, axis=axis, dtype=real)) - correction)
        return B.sqrt(result) if root else result

    return var


# standard reduction -> the ufunc whose reduce it is (for where= and initial=)
REDUCTION_UFUNCS = {"sum": "add", "prod": "multiply", "max": "maximum", "min": "minimum",
                    "all": "logical_and", "any": "logical_or"}


def _reduction_row(op: Op) -> Op:
    fn = op.func
    if op.name in REDUCTION_UFUNCS:
        wrapped = _with_where(op.name, REDUCTION_UFUNCS[op.name], fn)
    elif op.name == "mean":
        wrapped = _mean_where(fn)
    elif op.name in ("var", "std"):
        wrapped = _var_where(fn, op.name == "std")
    else:
        return op
    wrapped.__name__ = wrapped.__qualname__ = fn.__name__
    wrapped.__doc__ = (fn.__doc__ or "") + (
        "\n\nAlso NumPy's ``where=`` (a bool mask of the elements that take part)"
        + (" and ``initial=``" if op.name in REDUCTION_UFUNCS else "") + " as keywords.")
    wrapped.__wrapped__ = fn  # the signature the standard gives
    return replace(op, func=wrapped)


# ------------------------------------------------------------------ the rows


def ufunc_rows(rows):
    """The registry's rows with every elementwise function made a ufunc (and the
    standard's reductions taking ``where=``/``initial=``), for ``build_registry``."""
    from ._ops import linear_algebra, numpy_compat

    linear_algebra.NUMPY_KEYWORDS["matmul"] = matmul_call
    nin_of = {entry[0]: 1 for entry in UNARY} | {entry[0]: 2 for entry in BINARY}
    out = []
    for op in rows:
        if op.section == "elementwise" and op.name in nin_of:
            out.append(_standard_ufunc(op, nin_of[op.name]))
        elif op.section == "numpy" and op.name in numpy_compat.UFUNC_NAMES:
            out.append(_numpy_ufunc(op))
        elif op.section == "statistical" and op.name in ("sum", "prod", "max", "min", "mean",
                                                         "var", "std"):
            out.append(_reduction_row(op))
        elif op.section == "utility" and op.name in ("all", "any"):
            out.append(_reduction_row(op))
        else:
            out.append(op)
    return out


def _standard_ufunc(op: Op, nin: int) -> Op:
    """An elementwise row of the standard as a ufunc: its C front (bridge/_ops/elementwise.py)
    keeps its C path and its declined calls; a call with NumPy's keywords or a
    positional ``out`` goes to :func:`ufunc_call` (through the registry's hooks), which
    computes the values with the front itself."""
    front = op.func
    spec = make_spec(op.name, _NUMPY_UFUNC.get(op.name, op.name), nin)

    def keywords(*args, **kwargs):
        return ufunc_call(front, front, args, kwargs)

    if op.name == "round":  # NumPy's round(a, decimals=0, out=None) is no ufunc
        from ._ops import numpy_extras

        def keywords(*args, **kwargs):  # noqa: F811
            if numpy_extras.round_call(args, kwargs):
                return numpy_extras.numpy_round(*args, **kwargs)
            return ufunc_call(front, front, args, kwargs)

    keywords.__name__ = keywords.__qualname__ = op.name
    _front.set_ufunc_call(front, interposed(op.name, keywords))
    _FRONTS[op.name] = attach(front, spec)
    return op


_MATMUL = UfuncSpec("matmul", 2, 1, None, False, np.matmul, _types(np.matmul))


def matmul_call(plain, args, kwargs):
    """A call of ``matmul`` (``plain``: its standard function) with NumPy's keywords or
    a positional ``out``: NumPy's matmul is a generalized ufunc, ``(n?,k),(k,m?)->(n?,m?)``,
    with ``out=``, ``dtype=``, ``casting=``, ``order=``, ``subok=`` and ``signature=``;
    it has no ``where=``, and bridge computes no ``axes=``."""
    for name in ("where", "axes", "axis"):
        if name in kwargs:
            raise TypeError(f"matmul: {name}= is not supported")
    SPECS.setdefault(plain, _MATMUL)
    return ufunc_call(plain, plain, args, kwargs)


def _numpy_ufunc(op: Op) -> Op:
    """A NumPy-name ufunc row (``absolute``, ``fmod``): its Python function behind the
    ufunc entry, in an interposed front."""
    ufunc = getattr(np, op.name)
    spec = make_spec(op.name, op.name, ufunc.nin)
    entry = _entry(op.name, ufunc.nin, op.func)
    front = interposed(op.name, entry, public_name(op))
    _FRONTS[op.name] = attach(front, spec)
    return replace(op, func=front)


def ufunc_of(name):
    """bridge's ufunc ``name`` (bridge's or NumPy's name), or None."""
    return _FRONTS.get(name) or BY_NUMPY_NAME.get(name)


__all__ = ["NO_VALUE", "REDUCTION_UFUNCS", "SPECS", "UfuncSpec", "attach", "matmul_call",
           "ufunc_call", "ufunc_of", "ufunc_rows"]

"""``bridge.autograd.Function``: user-defined operations with their own derivatives.

    class Cube(bridge.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x ** 3

        @staticmethod
        def backward(ctx, g):
            (x,) = ctx.saved_tensors
            return g * 3 * x ** 2

        @staticmethod
        def jvp(ctx, t):          # optional: forward mode
            (x,) = ctx.saved_tensors
            return t * 3 * x ** 2

    y = Cube.apply(x)
"""

from __future__ import annotations

from .. import _dispatch
from . import _graph
from ._graph import MODE, Meta, Node, edge_of, set_tangent, tangent_of


class FunctionCtx:
    """What ``forward`` stores for ``backward``: tensors (version-checked) and any
    Python attributes."""

    def __init__(self):
        self._saved = ()
        self._versions = []
        self._non_differentiable = set()
        self.needs_input_grad = ()
        self._released = False
        self._name = "Function"

    def save_for_backward(self, *tensors):
        for t in tensors:
            if t is not None and not isinstance(t, _dispatch.TENSOR):
                raise TypeError(
                    f"save_for_backward: expects Tensors or None, got {type(t).__name__}"
                )
        self._saved = tensors
        self._versions = [None if t is None else (_graph.meta_of(t).version,
                                                   _graph.meta_of(t).version[0])
                          for t in tensors]

    @property
    def saved_tensors(self):
        if self._released:
            _graph._raise_released(self)
        for i, entry in enumerate(self._versions):
            if entry is not None and entry[0][0] != entry[1]:
                raise RuntimeError(
                    f"bridge.autograd: tensor {i} saved by {self._name}.forward was modified "
                    f"in place: it is at version {entry[0][0]}, saved at version {entry[1]}"
                )
        return self._saved

    def mark_non_differentiable(self, *outputs):
        """These outputs get no graph (indices, masks) and no cotangent in backward."""
        for t in outputs:
            self._non_differentiable.add(id(t))

    @property
    def name(self):
        return self._name


class _FunctionRule:
    """Adapts a Function subclass to the engine's rule interface."""

    __slots__ = ("cls", "ctx", "tensor_positions", "n_args", "saves", "save_inputs",
                 "save_output", "dense", "special", "jvp")

    def __init__(self, cls, ctx, tensor_positions, n_args):
        self.cls = cls
        self.ctx = ctx
        self.tensor_positions = tensor_positions
        self.n_args = n_args
        self.saves = False  # the ctx checks and frees its own saved tensors
        self.save_inputs = False
        self.save_output = False
        self.dense = True
        self.special = None
        self.jvp = None

    def vjp(self, node, g):
        gs = g if isinstance(g, list) else [g]
        ctx = self.ctx
        ctx.needs_input_grad = tuple(
            i in self.tensor_positions and node.needs[self.tensor_positions.index(i)]
            for i in range(self.n_args)
        )
        out = self.cls.backward(ctx, *gs)
        if not isinstance(out, tuple):
            out = (out,)
        if len(out) != self.n_args:
            raise RuntimeError(
                f"bridge.autograd: {self.cls.__name__}.backward returned {len(out)} "
                f"gradients, but forward took {self.n_args} arguments (return None for "
                "non-tensor arguments)"
            )
        return tuple(out[i] for i in self.tensor_positions)

    def release(self):
        self.ctx._released = True
        self.ctx._saved = None


class Function:
    """Base class for operations with user-written derivatives: define static methods
    ``forward(ctx, *args)``, ``backward(ctx, *grad_outputs)`` and optionally
    ``jvp(ctx, *tangents)``; call ``YourFunction.apply(*args)``."""

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise TypeError("Function.forward: subclasses of bridge.autograd.Function must "
                        "define a static forward(ctx, *args)")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise RuntimeError("Function.backward: this Function defines no backward; it "
                           "cannot be differentiated in reverse mode")

    @classmethod
    def apply(cls, *args, **kwargs):
        tensor = _dispatch.TENSOR
        positions = tuple(i for i, a in enumerate(args) if isinstance(a, tensor))
        tensors = [args[i] for i in positions]
        ctx = FunctionCtx()
        ctx._name = cls.__name__
        level = MODE.forward
        grad_mode = MODE.grad
        MODE.grad = False
        MODE.forward = None
        try:
            result = cls.forward(ctx, *args, **kwargs)
        finally:
            MODE.grad = grad_mode
            MODE.forward = level
        single = isinstance(result, tensor)
        outs = (result,) if single else tuple(result)
        for o in outs:
            if not isinstance(o, tensor):
                raise TypeError(f"{cls.__name__}.forward must return Tensors, got "
                                f"{type(o).__name__}")
        differentiable = [id(o) not in ctx._non_differentiable and o.dtype.kind in "fc"
                          for o in outs]
        # an output that is an input (or already has a record) gets a fresh alias, so
        # that the input's own record is left alone
        outs = tuple(_dispatch.wrap(o._data) if o._meta is not None or any(o is t for t in tensors)
                     else o for o in outs)
        if grad_mode and any(t._meta is not None and t._meta.requires_grad for t in tensors):
            node = _graph._NEW(Node)
            node.name = cls.__name__
            node.rule = _FunctionRule(cls, ctx, positions, len(args))
            node.args = ()
            node.params = {}
            node.edges = [edge_of(t) for t in tensors]
            node.avals = [(t.shape, t.dtype) for t in tensors]
            node.device = tensors[0].device
            node.out_avals = [(o.shape, o.dtype) for o in outs] if not single else None
            node.saved_out = ()
            node.out_version = ([0], 0)
            for i, (o, diff) in enumerate(zip(outs, differentiable)):
                if diff:
                    o._meta = Meta(True, node, i)
        while level is not None:
            tangents = [tangent_of(t, level) for t in tensors]
            if any(t is not None for t in tangents):
                jvp_fn = getattr(cls, "jvp", None)
                if jvp_fn is None:
                    raise RuntimeError(
                        f"bridge.autograd: {cls.__name__} defines no jvp, so it cannot be "
                        "used in forward mode"
                    )
                full = [None] * len(args)
                for p, t, x in zip(positions, tangents, tensors):
                    full[p] = t if t is not None else _zeros_like(x)
                innermost = MODE.forward
                MODE.forward = level.parent
                try:
                    touts = jvp_fn(ctx, *full)
                finally:
                    MODE.forward = innermost
                touts = (touts,) if single else tuple(touts)
                for o, t, diff in zip(outs, touts, differentiable):
                    if diff and t is not None:
                        set_tangent(o, level, _graph.coerce(t, o.shape, o.dtype))
            level = level.parent
        return outs[0] if single else outs


def _zeros_like(x):
    from .._registry import ops as bridge

    return bridge.zeros_like(x)


__all__ = ["Function", "FunctionCtx"]

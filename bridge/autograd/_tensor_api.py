"""The Tensor side of autograd: ``requires_grad``, ``.grad``, ``.backward()``, hooks.

Installed on ``bridge.Tensor`` by :func:`install` when ``bridge.autograd`` is imported,
so that ``bridge/_tensor.py`` stays free of autograd.
"""

from __future__ import annotations

import weakref

from .. import _dispatch
from .._dispatch import wrap
from . import _graph
from ._graph import MODE, Extra, Meta, edge_of, run_backward


def _check_float(t, func):
    if t._data.dtype.kind not in "fc":
        raise TypeError(
            f"{func}: only floating-point and complex tensors can require gradients, this "
            f"one has dtype {t._data.dtype}"
        )


def _get_requires_grad(self):
    m = self._meta
    return m is not None and m.requires_grad


def _set_requires_grad(self, value):
    if not isinstance(value, bool):
        raise TypeError(f"Tensor.requires_grad: must be a bool, got {type(value).__name__}")
    m = self._meta
    if m is not None and m.grad_fn is not None:
        if value:
            return  # a non-leaf produced with grad already requires it
        raise RuntimeError(
            "Tensor.requires_grad: can only change the flag of leaf tensors; use "
            "y = x.detach() to get a tensor outside the graph"
        )
    if value:
        _check_float(self, "Tensor.requires_grad")
        if m is None:
            self._meta = Meta(True)
            return
    elif m is None:
        return
    m.requires_grad = value


def requires_grad_(self, requires_grad=True):
    """Set ``requires_grad`` in place and return the tensor (PyTorch's spelling)."""
    _set_requires_grad(self, requires_grad)
    return self


def _get_grad(self):
    m = self._meta
    return None if m is None else m.grad


def _set_grad(self, value):
    if value is not None:
        if not isinstance(value, _dispatch.TENSOR):
            raise TypeError(f"Tensor.grad: must be a Tensor or None, got {type(value).__name__}")
        if value.shape != self.shape:
            raise ValueError(
                f"Tensor.grad: gradient of shape {value.shape} does not match the tensor's "
                f"shape {self.shape}"
            )
        if value.dtype != self.dtype:
            raise TypeError(
                f"Tensor.grad: gradient of dtype {value.dtype} does not match the tensor's "
                f"dtype {self.dtype}"
            )
        if value.device != self.device:
            raise ValueError(
                f"Tensor.grad: gradient on {value.device} for a tensor on {self.device}"
            )
    m = self._meta
    if m is None:
        if value is None:
            return
        m = self._meta = Meta()
    m.grad = value


def _get_grad_fn(self):
    m = self._meta
    return None if m is None else m.grad_fn


def _get_is_leaf(self):
    m = self._meta
    return m is None or m.grad_fn is None


def _get_retains_grad(self):
    m = self._meta
    return m is not None and m.extra is not None and m.extra.retains_grad


def default_cotangent(t, func):
    """ones for a real scalar output; otherwise the caller must pass one."""
    if t.size != 1:
        raise RuntimeError(
            f"{func}: the gradient can be created implicitly only for outputs of one element; "
            f"this output has shape {t.shape}, so pass the cotangent (grad_outputs / gradient)"
        )
    if t.dtype.kind == "c":
        raise RuntimeError(
            f"{func}: the output is complex; a gradient is defined for a real loss, so pass "
            "the cotangent explicitly (or differentiate a real function such as abs(z)**2)"
        )
    from .._registry import ops as bridge

    return bridge.ones_like(t)


def check_cotangent(t, g, func, argname):
    if not isinstance(g, _dispatch.TENSOR):
        raise TypeError(f"{func}: {argname} must be a Tensor, got {type(g).__name__}")
    if g.shape != t.shape:
        raise ValueError(
            f"{func}: {argname} has shape {g.shape}, but the output has shape {t.shape}"
        )
    if g.dtype.kind == "c" and t.dtype.kind != "c":
        raise TypeError(f"{func}: {argname} is complex, but the output is real")


def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
    """Accumulate d(self)/d(leaf) into ``.grad`` of the leaves that require grad.

    gradient      the cotangent of self (required unless self is a real scalar)
    retain_graph  keep saved tensors for another backward (default: create_graph)
    create_graph  record the backward itself, for higher-order derivatives
    """
    func = "Tensor.backward"
    if not _get_requires_grad(self):
        raise RuntimeError(
            f"{func}: this tensor does not require grad and has no grad_fn; mark an input "
            "with requires_grad=True before computing it"
        )
    if gradient is None:
        gradient = default_cotangent(self, func)
    else:
        check_cotangent(self, gradient, func, "gradient")
    if retain_graph is None:
        retain_graph = create_graph
    if inputs is not None:
        from ._functional import as_tuple

        targets = as_tuple(inputs, func, "inputs")
        grads = run_backward([self], [gradient], retain_graph, create_graph,
                             capture=[edge_of(t) for t in targets], accumulate=False)
        for t, g in zip(targets, grads):
            if g is not None:
                m = t._meta
                m.grad = g if m.grad is None else m.grad + g
        return None
    run_backward([self], [gradient], retain_graph, create_graph)
    return None


def detach(self):
    """A tensor sharing this one's memory, outside the graph (no grad, no grad_fn).
    It shares the version counter, so writing into it is still seen by saved tensors."""
    out = wrap(self._data)
    m = self._meta
    if m is not None:
        out._meta = Meta(False, None, 0, m.version)
    return out


def register_hook(self, hook):
    """``hook(grad)`` runs when this tensor's gradient is computed; it may return a
    replacement gradient. Returns a handle with ``.remove()``."""
    if not _get_requires_grad(self):
        raise RuntimeError(
            "Tensor.register_hook: the tensor does not require grad, so no gradient will "
            "reach it"
        )
    if not callable(hook):
        raise TypeError("Tensor.register_hook: hook must be callable")
    m = self._meta
    if m.grad_fn is None:
        if m.extra is None:
            m.extra = Extra()
        m.extra.hooks.append(hook)
        return _graph._HookHandle(m.extra.hooks, hook)
    node = m.grad_fn
    if node.pre_hooks is None:
        node.pre_hooks = {}
    hooks = node.pre_hooks.setdefault(m.output_nr, [])
    hooks.append(hook)
    return _graph._HookHandle(hooks, hook)


def retain_grad(self):
    """Keep ``.grad`` for this non-leaf tensor after backward (leaves always keep it)."""
    if not _get_requires_grad(self):
        raise RuntimeError("Tensor.retain_grad: the tensor does not require grad")
    m = self._meta
    if m.extra is None:
        m.extra = Extra()
    m.extra.retains_grad = True
    if m.grad_fn is None:
        return
    node = m.grad_fn
    if node.retained is None:
        node.retained = {}
    node.retained[m.output_nr] = weakref.ref(m)


def install(tensor_cls):
    tensor_cls.requires_grad = property(
        _get_requires_grad, _set_requires_grad,
        doc="Whether gradients are computed for this tensor (settable on leaves).",
    )
    tensor_cls.requires_grad_ = requires_grad_
    tensor_cls.grad = property(_get_grad, _set_grad,
                               doc="The accumulated gradient (after backward), or None.")
    tensor_cls.grad_fn = property(_get_grad_fn, doc="The graph node that produced this tensor.")
    tensor_cls.is_leaf = property(_get_is_leaf,
                                  doc="True for tensors not produced by a recorded op.")
    tensor_cls.retains_grad = property(_get_retains_grad)
    tensor_cls.backward = backward
    tensor_cls.detach = detach
    tensor_cls.register_hook = register_hook
    tensor_cls.retain_grad = retain_grad


__all__ = ["install", "MODE"]

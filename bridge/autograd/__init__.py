"""bridge.autograd: reverse and forward mode automatic differentiation.

Tensor side (PyTorch's): ``requires_grad``, ``.grad``, ``.grad_fn``, ``.is_leaf``,
``.backward()``, ``.detach()``, ``register_hook``, ``retain_grad``; ``bridge.no_grad``,
``enable_grad`` and ``set_grad_enabled``.

Functional: :func:`grad` (PyTorch's signature), :func:`vjp`, :func:`jvp`,
:func:`value_and_grad` (JAX's), :func:`jacobian`, :func:`hessian`, :func:`hvp`;
:class:`Function` for user-defined ops; :func:`gradcheck`, :func:`gradgradcheck`;
:class:`detect_anomaly`.

Importing this package installs the hooks: ``bridge._dispatch.AUTOGRAD`` is set, and
the Tensor attributes above are added to ``bridge.Tensor``.
"""

from __future__ import annotations

from .. import _dispatch
from .._registry import REGISTRY
from .._tensor import Tensor
from . import _graph, _rules, _rules_linalg, _tensor_api  # noqa: F401 (rule tables)
from ._function import Function, FunctionCtx
from ._functional import grad, hessian, hvp, jacobian, jvp, value_and_grad, vjp
from ._gradcheck import GradcheckError, gradcheck, gradgradcheck
from ._graph import (
    MissingRuleError,
    detect_anomaly,
    enable_grad,
    is_anomaly_enabled,
    is_grad_enabled,
    no_grad,
    set_detect_anomaly,
    set_grad_enabled,
)
from ._rules import RULES, Rule


class _Hooks:
    """The object the dispatcher calls (``_dispatch.AUTOGRAD``)."""

    record = staticmethod(_graph.record)
    inplace = staticmethod(_graph.inplace)
    bump_version = staticmethod(_graph.bump_version)
    check_inplace_target = staticmethod(_graph.check_inplace_target)
    MODE = _graph.MODE


def gradient_status(name: str) -> str:
    """How ``name`` is differentiated: 'rule' (its own VJP and JVP), 'composite' (written
    with other bridge ops, whose rules apply), 'not differentiable', or 'missing'."""
    op = REGISTRY.get(name)
    if op is not None and not op.differentiable:
        return "not differentiable"
    rule = RULES.get(name)
    if rule is not None:
        return "rule" if rule.jvp is not None else "vjp only"
    if op is not None and op.kernels == ():
        return "composite"
    return "missing"


def gradient_status_table() -> str:
    """The Markdown table of every registry function's gradient status (docs/autograd.md
    embeds it; a test checks that the docs are current)."""
    lines = ["| function | section | gradient |", "|---|---|---|"]
    for name in sorted(REGISTRY):
        op = REGISTRY[name]
        lines.append(f"| `{name}` | {op.section} | {gradient_status(name)} |")
    return "\n".join(lines) + "\n"


_rules.install_nondifferentiable(REGISTRY)
_tensor_api.install(Tensor)
_dispatch.set_autograd(_Hooks)

__all__ = [
    "Function", "FunctionCtx", "GradcheckError", "MissingRuleError", "RULES", "Rule",
    "detect_anomaly", "enable_grad", "grad", "gradcheck", "gradgradcheck", "gradient_status",
    "gradient_status_table",
    "hessian", "hvp", "is_anomaly_enabled", "is_grad_enabled", "jacobian", "jvp", "no_grad",
    "set_detect_anomaly", "set_grad_enabled", "value_and_grad", "vjp",
]

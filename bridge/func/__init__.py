"""``bridge.func``: composable function transforms (torch.func's API).

``vmap`` vectorises a function over a batch dimension; ``grad``, ``grad_and_value``,
``vjp``, ``jvp``, ``linearize``, ``jacrev``, ``jacfwd`` and ``hessian`` differentiate
one; ``functional_call`` runs a model with given parameters. They nest in any order
and to any depth. The batching rule of every op is declared in its registry row
(``Op.batch``); see docs/transforms.md.
"""

from __future__ import annotations

from .._registry import TRANSFORMS
from ._batching import Batched, VmapError, check_rules, handle, refuse_inplace_into_unbatched
from ._random import under_vmap as _random_under_vmap
from ._transforms import (
    functional_call,
    grad,
    grad_and_value,
    hessian,
    jacfwd,
    jacrev,
    jvp,
    linearize,
    vjp,
    vmap,
)

check_rules()
TRANSFORMS.install("vmap", handle, refuse_inplace_into_unbatched, _random_under_vmap)

__all__ = ["vmap", "grad", "grad_and_value", "vjp", "jvp", "linearize", "jacrev", "jacfwd",
           "hessian", "functional_call", "VmapError", "Batched"]

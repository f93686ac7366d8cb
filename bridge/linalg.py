"""The linalg extension of the Array API standard (``bridge.linalg``)."""

from __future__ import annotations

from numpy.linalg import LinAlgError  # NumPy's exception, the one bridge raises

from ._registry import build_registry

_REGISTRY = build_registry()
matmul, matrix_transpose, tensordot, vecdot = (
    _REGISTRY[name].func for name in ("matmul", "matrix_transpose", "tensordot", "vecdot"))
for _op in _REGISTRY.values():
    if _op.section == "linalg":
        globals()[_op.name.split(".", 1)[1]] = _op.func

__all__ = sorted(
    ["LinAlgError", "matmul", "matrix_transpose", "tensordot", "vecdot"]
    + [op.name.split(".", 1)[1] for op in _REGISTRY.values() if op.section == "linalg"]
)

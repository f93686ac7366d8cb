"""Linear algebra functions of the main namespace: matmul, matrix_transpose,
tensordot, vecdot (also re-exported by ``bridge.linalg``)."""

from __future__ import annotations

import operator

import numpy as np

from .. import _dispatch
from .._dtypes import CATEGORIES
from .._registry import Op, interposed
from .elementwise import with_c_hot_path

_NUMERIC = CATEGORIES["numeric"]


def _pair(func, x1, x2):
    x1 = _dispatch.as_tensor(x1, func, "x1")
    x2 = _dispatch.as_tensor(x2, func, "x2")
    b1, b2 = x1.dtype.kind == "b", x2.dtype.kind == "b"
    if b1 != b2:
        # a bool operand takes the other's dtype, as in NumPy (the standard: "should be
        # numeric"); two bools are matmul's own case (_bool_matmul)
        if b1:
            x1 = _dispatch.run("astype", (x1,), x2.dtype, True)
        else:
            x2 = _dispatch.run("astype", (x2,), x1.dtype, True)
    if not (b1 and b2 and func == "matmul"):
        _dispatch.check_dtype(func, x1, _NUMERIC, "numeric", "x1")
        _dispatch.check_dtype(func, x2, _NUMERIC, "numeric", "x2")
    return x1, x2


def matmul(x1, x2, /):
    """Matrix product with NumPy's broadcasting rules for stacks of matrices."""
    func = "matmul"
    x1, x2 = _pair(func, x1, x2)
    if x1.ndim == 0 or x2.ndim == 0:
        raise ValueError(f"{func}: operands must have at least 1 dimension, got 0-d")
    k1 = x1.shape[-1]
    k2 = x2.shape[-2] if x2.ndim > 1 else x2.shape[0]
    if k1 != k2:
        raise ValueError(
            f"{func}: contracted dimensions differ: x1 has shape {x1.shape}, x2 has shape {x2.shape}"
        )
    if x1.dtype.kind == "b":  # two bools: NumPy's logical matmul (an or of ands)
        counts = matmul(_dispatch.run("astype", (x1,), np.dtype(np.int64), True),
                        _dispatch.run("astype", (x2,), np.dtype(np.int64), True))
        return counts != 0
    try:
        return _dispatch.run("matmul", (x1, x2))
    except ValueError as exc:
        raise ValueError(f"{func}: {exc}") from None


def matrix_transpose(x, /):
    """Swap the last two dimensions of x (a stack of matrices)."""
    x = _dispatch.as_tensor(x, "matrix_transpose")
    if x.ndim < 2:
        raise ValueError(f"matrix_transpose: x must have at least 2 dimensions, got shape {x.shape}")
    return _dispatch.run("matrix_transpose", (x,))


def tensordot(x1, x2, /, *, axes=2):
    """Sum products over the last ``axes`` axes of x1 and the first of x2, or over
    the two given sequences of axes."""
    func = "tensordot"
    x1, x2 = _pair(func, x1, x2)
    if isinstance(axes, int) or hasattr(axes, "__index__"):
        n = operator.index(axes)
        if n < 0 or n > min(x1.ndim, x2.ndim):
            raise ValueError(f"{func}: axes={n} must be in [0, {min(x1.ndim, x2.ndim)}]")
        a1 = tuple(range(x1.ndim - n, x1.ndim))
        a2 = tuple(range(n))
    else:
        try:
            a1, a2 = axes
            a1 = tuple(operator.index(a) for a in a1)
            a2 = tuple(operator.index(a) for a in a2)
        except (TypeError, ValueError):
            raise TypeError(f"{func}: axes must be an int or a pair of sequences of ints") from None
        if len(a1) != len(a2):
            raise ValueError(f"{func}: axes {a1} and {a2} have different lengths")
        a1 = tuple(_dispatch.normalize_axis(a, x1.ndim, func, "axes") for a in a1)
        a2 = tuple(_dispatch.normalize_axis(a, x2.ndim, func, "axes") for a in a2)
    for i, j in zip(a1, a2):
        if x1.shape[i] != x2.shape[j]:
            raise ValueError(
                f"{func}: axis {i} of x1 (size {x1.shape[i]}) and axis {j} of x2 "
                f"(size {x2.shape[j]}) differ"
            )
    return _dispatch.run("tensordot", (x1, x2), (a1, a2))


def vecdot(x1, x2, /, *, axis=-1):
    """Dot product of vectors along ``axis``, conjugating x1: sum(conj(x1) * x2)."""
    func = "vecdot"
    x1, x2 = _pair(func, x1, x2)
    ndim = max(x1.ndim, x2.ndim)
    if min(x1.ndim, x2.ndim) == 0:
        raise ValueError(f"{func}: operands must have at least 1 dimension")
    if not isinstance(axis, int) or isinstance(axis, bool):
        raise TypeError(f"{func}: axis must be an int, got {type(axis).__name__}")
    if not -ndim <= axis < ndim:
        raise _dispatch.AxisError(f"{func}: axis={axis} is out of range for {ndim} dimensions")
    if axis >= 0:
        axis -= ndim  # count from the end, where broadcasting aligns the shapes
    if not -min(x1.ndim, x2.ndim) <= axis:
        raise _dispatch.AxisError(
            f"{func}: axis={axis} is out of range for shapes {x1.shape}, {x2.shape}"
        )
    if x1.shape[axis] != x2.shape[axis]:
        raise ValueError(
            f"{func}: x1 and x2 differ along axis {axis}: {x1.shape[axis]} and {x2.shape[axis]}"
        )
    try:
        return _dispatch.run("vecdot", (x1, x2), axis)
    except ValueError as exc:
        raise ValueError(f"{func}: {exc}") from None


# NumPy's ufunc keywords of matmul (out=, dtype=, ...): bridge/_ufunc.py puts its
# matmul_call here when the registry's rows are assembled (this layer does not import it)
NUMPY_KEYWORDS: dict = {}


def _with_numpy_keywords(fn):
    """``fn`` (the standard's matmul) that also takes NumPy's ``out`` (keyword or third
    positional) and ufunc keywords (``dtype=``, ``casting=``, ...)."""
    def matmul(x1, x2, /, *args, **kwargs):
        if args or kwargs:
            call = NUMPY_KEYWORDS.get("matmul")
            if call is None:
                return fn(x1, x2, *args, **kwargs)  # (the standard's TypeError)
            return call(fn, (x1, x2, *args), kwargs)
        return fn(x1, x2)

    matmul.__doc__ = fn.__doc__
    matmul.__wrapped__ = fn  # the signature the standard gives
    return matmul


# two matrices (2-D, inner dimensions equal) go to the kernel in C (bridge._fastpath)
matmul = with_c_hot_path("matmul", "numeric", 2,
                         interposed("matmul", _with_numpy_keywords(matmul)), matrix=True)

OPS = [
    Op("matmul", "linear_algebra", matmul, "numeric", True,
       methods=("__matmul__", "__rmatmul__", "__imatmul__"), batch="matmul"),
    Op("matrix_transpose", "linear_algebra", matrix_transpose, "any", True, batch="unary"),
    Op("tensordot", "linear_algebra", tensordot, "numeric", True, batch="tensordot"),
    Op("vecdot", "linear_algebra", vecdot, "numeric", True, batch="aligned_axis"),
]

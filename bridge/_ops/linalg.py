"""The linalg extension of the Array API standard 2025.12 (``bridge.linalg``).

Each function checks its arguments as the standard states them (dtype category,
stack-of-matrices shapes, keyword values), resolves defaults, and calls the kernel of
the same name (``bridge/backends/_linalg_fft.py``) through the dispatcher.

Dtype policy: where the standard says an input "should have a floating-point data
type", bridge refuses other dtypes with a TypeError (as ``mean`` does) instead of
silently promoting integers to float64 as NumPy does; ``astype`` says what you get.
Results keep the input's precision: float32 in, float32 (or complex64) out.

``matmul``, ``matrix_transpose``, ``tensordot`` and ``vecdot`` belong to the main
namespace (``_ops/linear_algebra.py``); ``bridge.linalg`` re-exports them.
"""

from __future__ import annotations

import builtins
import math
from typing import NamedTuple

import numpy as np

from .. import _dispatch
from .._dtypes import CATEGORIES, DEFAULT_INT, normalize_dtype, result_type_of, uint64
from .._registry import BOOL, Fast, Kind, Op, axes, tensor
from .data_types import astype

_FLOAT = CATEGORIES["floating-point"]
_REAL_FLOAT = CATEGORIES["real-valued floating-point"]
_NUMERIC = CATEGORIES["numeric"]


# ---------------------------------------------------------------- result types


class EighResult(NamedTuple):
    """``eigh``: real eigenvalues (ascending) and the eigenvectors as columns."""

    eigenvalues: object
    eigenvectors: object


class EigResult(NamedTuple):
    """``eig``: complex eigenvalues and the (right) eigenvectors as columns."""

    eigenvalues: object
    eigenvectors: object


class QRResult(NamedTuple):
    Q: object
    R: object


class SlogdetResult(NamedTuple):
    sign: object
    logabsdet: object


class SVDResult(NamedTuple):
    U: object
    S: object
    Vh: object


# ---------------------------------------------------------------- argument checks


def _floating(func, x, argname="x"):
    x = _dispatch.as_tensor(x, func, argname)
    if x.dtype not in _FLOAT:
        raise TypeError(
            f"{func}: {argname} has dtype {x.dtype}, but {func} needs a floating-point "
            f"dtype (float32, float64, complex64, complex128); convert with "
            f"astype({argname}, float64) first"
        )
    return x


def _numeric(func, x, argname="x"):
    x = _dispatch.as_tensor(x, func, argname)
    _dispatch.check_dtype(func, x, _NUMERIC, "numeric", argname)
    return x


def _matrices(func, x, argname="x"):
    if x.ndim < 2:
        raise ValueError(
            f"{func}: {argname} must be a matrix or a stack of matrices (at least 2 "
            f"dimensions), got shape {x.shape}"
        )


def _square_matrices(func, x, argname="x"):
    if x.ndim < 2 or x.shape[-1] != x.shape[-2]:
        raise ValueError(
            f"{func}: {argname} must be a stack of square matrices, got shape {x.shape}"
        )


def _promote(func, x1, x2):
    """Both operands in their promoted dtype (no copy where it already is)."""
    dtype = result_type_of(func, x1, x2)
    return astype(x1, dtype, copy=False), astype(x2, dtype, copy=False)


# the iterative decompositions (and what is computed from them): LAPACK may loop for
# a long time, print errors or return garbage on non-finite input; PyTorch refuses it
_ITERATIVE = {"linalg.eig", "linalg.eigvals", "linalg.eigh", "linalg.eigvalsh", "linalg.svd",
              "linalg.svdvals", "linalg.pinv", "linalg.matrix_rank"}


def _check_finite(func, x):
    if x.dtype.kind in "fc" and x.size and not bool(_dispatch.run("all", (
            _dispatch.run("isfinite", (x,)),), axis=None, keepdims=False)):
        raise np.linalg.LinAlgError(
            f"{func}: the input contains infinite or NaN values, on which the decomposition "
            "does not converge"
        )


def _run(func, inputs, *args, **params):
    """Run the kernel; NumPy's LinAlgError (a ValueError: singular matrix, not
    positive definite, no convergence) keeps its type and gains the function name."""
    if func in _ITERATIVE or (func == "linalg.matrix_norm" and params.get("ord") in (2, -2, "nuc")):
        _check_finite(func, inputs[0])
    try:
        return _dispatch.run(func, inputs, *args, **params)
    except ValueError as exc:
        message = str(exc)
        if message.startswith(func):
            raise
        try:
            error = type(exc)(f"{func}: {message}")
        except TypeError:  # an exception type whose constructor takes other arguments
            error = ValueError(f"{func}: {message}")
        raise error from None


def _rtol(func, x, rtol):
    """Check ``rtol`` of matrix_rank/pinv; returns (extra input tensors, params)."""
    if rtol is None:
        return (), {}
    if isinstance(rtol, _dispatch.TENSOR):
        if rtol.dtype not in _REAL_FLOAT:
            raise TypeError(
                f"{func}: rtol has dtype {rtol.dtype}, but must have a real floating-point dtype"
            )
        batch = x.shape[:-2]
        try:
            combined = np.broadcast_shapes(rtol.shape, batch)
        except ValueError:
            combined = None
        if combined != batch:
            raise ValueError(
                f"{func}: rtol of shape {rtol.shape} does not broadcast to the batch shape "
                f"{batch} of x"
            )
        return (rtol,), {}
    if isinstance(rtol, builtins.bool) or not isinstance(rtol, (int, float, np.integer, np.floating)):
        raise TypeError(f"{func}: rtol must be None, a float or a Tensor, got {type(rtol).__name__}")
    if not rtol >= 0:  # also refuses NaN
        raise ValueError(f"{func}: rtol={rtol} must be a non-negative number")
    return (), {"rtol": float(rtol)}


# ---------------------------------------------------------------- decompositions


def cholesky(x, /, *, upper=False):
    """Cholesky factor of Hermitian positive-definite matrices: lower ``L`` with
    ``x = L @ L^H``, or upper ``U`` with ``x = U^H @ U`` when ``upper``."""
    func = "linalg.cholesky"
    x = _floating(func, x)
    _square_matrices(func, x)
    return _run(func, (x,), upper=_dispatch.flag(func, "upper", upper))


def eig(x, /):
    """Eigenvalues and right eigenvectors of general square matrices, always complex
    (complex64 for float32/complex64 input, complex128 otherwise)."""
    func = "linalg.eig"
    x = _floating(func, x)
    _square_matrices(func, x)
    return EigResult(*_run(func, (x,)))


def eigvals(x, /):
    """Eigenvalues of general square matrices, always complex."""
    func = "linalg.eigvals"
    x = _floating(func, x)
    _square_matrices(func, x)
    return _run(func, (x,))


def eigh(x, /):
    """Eigenvalues (real, ascending) and eigenvectors of Hermitian/symmetric matrices.
    Only the lower triangle of ``x`` is read."""
    func = "linalg.eigh"
    x = _floating(func, x)
    _square_matrices(func, x)
    return EighResult(*_run(func, (x,)))


def eigvalsh(x, /):
    """Eigenvalues (real, ascending) of Hermitian/symmetric matrices."""
    func = "linalg.eigvalsh"
    x = _floating(func, x)
    _square_matrices(func, x)
    return _run(func, (x,))


def qr(x, /, *, mode="reduced"):
    """QR decomposition; ``mode`` is ``'reduced'`` (Q is M×K, R is K×N, K = min(M, N))
    or ``'complete'`` (Q is M×M, R is M×N)."""
    func = "linalg.qr"
    x = _floating(func, x)
    _matrices(func, x)
    if mode not in ("reduced", "complete"):
        raise ValueError(f"{func}: mode must be 'reduced' or 'complete', got {mode!r}")
    return QRResult(*_run(func, (x,), mode=mode))


def svd(x, /, *, full_matrices=True):
    """Singular value decomposition ``x = U @ diag(S) @ Vh``, S descending and real."""
    func = "linalg.svd"
    x = _floating(func, x)
    _matrices(func, x)
    return SVDResult(*_run(func, (x,), full_matrices=_dispatch.flag(func, "full_matrices", full_matrices)))


def svdvals(x, /):
    """Singular values, descending, real with the precision of ``x``."""
    func = "linalg.svdvals"
    x = _floating(func, x)
    _matrices(func, x)
    return _run(func, (x,))


# ---------------------------------------------------------------- solvers and inverses


def det(x, /):
    """Determinant of each square matrix (0-d for a single matrix)."""
    func = "linalg.det"
    x = _floating(func, x)
    _square_matrices(func, x)
    return _run(func, (x,))


def slogdet(x, /):
    """Sign and natural log of the absolute determinant; ``sign`` has x's dtype,
    ``logabsdet`` is real. A singular matrix gives sign 0 and logabsdet -inf."""
    func = "linalg.slogdet"
    x = _floating(func, x)
    _square_matrices(func, x)
    return SlogdetResult(*_run(func, (x,)))


def inv(x, /):
    """Inverse of each square matrix; LinAlgError (a ValueError) when one is singular."""
    func = "linalg.inv"
    x = _floating(func, x)
    _square_matrices(func, x)
    return _run(func, (x,))


def pinv(x, /, *, rtol=None):
    """Moore-Penrose pseudo-inverse (shape ``(..., N, M)``); singular values at or
    below ``rtol`` times the largest (default ``max(M, N) * eps``) count as zero."""
    func = "linalg.pinv"
    x = _floating(func, x)
    _matrices(func, x)
    extra, params = _rtol(func, x, rtol)
    return _run(func, (x, *extra), **params)


def matrix_rank(x, /, *, rtol=None):
    """Number of singular values above ``rtol`` times the largest (default
    ``max(M, N) * eps``); default integer dtype, shape ``x.shape[:-2]``."""
    func = "linalg.matrix_rank"
    x = _floating(func, x)
    _matrices(func, x)
    extra, params = _rtol(func, x, rtol)
    return _run(func, (x, *extra), **params)


def matrix_power(x, n, /):
    """``x`` raised to the integer power ``n`` (identity for 0, inverse powers for n < 0)."""
    func = "linalg.matrix_power"
    x = _floating(func, x)
    _square_matrices(func, x)
    n = _dispatch.integer(func, n, "n")
    return _run(func, (x,), n)


def solve(x1, x2, /):
    """Solution ``X`` of ``x1 @ X = x2``.

    As the standard (2024.12) says: ``x2`` is a vector only when it is 1-d (shape
    ``(M,)``), giving shape ``x1.shape[:-1]``; otherwise ``x2`` is a stack of ``(M, K)``
    matrices whose batch dimensions broadcast against those of ``x1``. (NumPy 1.x
    guessed "vector" from ``x2.ndim == x1.ndim - 1``; bridge does not.)
    """
    func = "linalg.solve"
    x1 = _floating(func, x1, "x1")
    x2 = _floating(func, x2, "x2")
    _square_matrices(func, x1, "x1")
    m = x1.shape[-1]
    if x2.ndim == 0:
        raise ValueError(f"{func}: x2 must have at least 1 dimension, got a 0-d tensor")
    if x2.ndim == 1:
        if x2.shape[0] != m:
            raise ValueError(
                f"{func}: x2 of shape {x2.shape} does not match x1 of shape {x1.shape} "
                f"(a vector x2 needs {m} elements)"
            )
    else:
        if x2.shape[-2] != m:
            raise ValueError(
                f"{func}: x2 of shape {x2.shape} does not match x1 of shape {x1.shape}: "
                f"x2.shape[-2] must be {m} (a 1-d x2 is a vector; an n-d x2 is a stack "
                "of matrices)"
            )
        try:
            np.broadcast_shapes(x1.shape[:-2], x2.shape[:-2])
        except ValueError:
            raise ValueError(
                f"{func}: the batch dimensions of x1 {x1.shape[:-2]} and x2 {x2.shape[:-2]} "
                "do not broadcast"
            ) from None
    x1, x2 = _promote(func, x1, x2)
    return _run(func, (x1, x2))


# ---------------------------------------------------------------- norms


_INF = math.inf


def _order(func, ord):
    if isinstance(ord, builtins.bool) or not isinstance(ord, (int, float, np.integer, np.floating)):
        raise TypeError(f"{func}: ord must be a number, got {ord!r}")
    if math.isnan(ord):
        raise ValueError(f"{func}: ord must not be NaN")
    return float(ord) if math.isinf(ord) else ord


def vector_norm(x, /, *, axis=None, keepdims=False, ord=2):
    """Vector p-norm over ``axis`` (all elements by default; an int or a tuple of
    axes); ``ord`` is any number or ±inf (0 counts non-zeros, p < 1 gives the
    standard's non-mathematical "norms"). Real result with x's precision."""
    func = "linalg.vector_norm"
    x = _floating(func, x)
    ord = _order(func, ord)
    axes = _dispatch.normalize_axes(axis, x.ndim, func)
    reduced = range(x.ndim) if axes is None else axes
    if math.isinf(ord) and math.prod(x.shape[a] for a in reduced) == 0:
        raise ValueError(
            f"{func}: ord={ord} is undefined for an empty reduction (shape {x.shape}, "
            f"axis={axis})"
        )
    return _run(func, (x,), axis=axes, keepdims=_dispatch.flag(func, "keepdims", keepdims), ord=ord)


# ord -> what must not be empty for the norm to be defined (a min over nothing)
_MATRIX_ORDERS = {"fro": None, "nuc": None, 1: None, 2: None, _INF: None,
                  -1: "columns", -2: "singular values", -_INF: "rows"}


def matrix_norm(x, /, *, keepdims=False, ord="fro"):
    """Matrix norm over the last two axes: ``'fro'``, ``'nuc'``, 1, 2, inf, -1, -2,
    -inf as the standard's table says. Real result with x's precision."""
    func = "linalg.matrix_norm"
    x = _floating(func, x)
    _matrices(func, x)
    if not isinstance(ord, str):
        ord = _order(func, ord)
    if ord not in _MATRIX_ORDERS:
        raise ValueError(
            f"{func}: ord={ord!r} is not a matrix norm; use 'fro', 'nuc', 1, 2, inf, -1, "
            "-2 or -inf"
        )
    m, n = x.shape[-2:]
    needs = _MATRIX_ORDERS[ord]
    if needs is not None and {"columns": n, "rows": m, "singular values": min(m, n)}[needs] == 0:
        raise ValueError(
            f"{func}: ord={ord} is a minimum over the {needs} of x, and x of shape "
            f"{x.shape} has none"
        )
    if isinstance(ord, float) and ord.is_integer():
        ord = int(ord)
    return _run(func, (x,), keepdims=_dispatch.flag(func, "keepdims", keepdims), ord=ord)


# ---------------------------------------------------------------- products, diagonals


def cross(x1, x2, /, *, axis=-1):
    """Cross product of 3-element vectors along ``axis``; the other axes broadcast.

    The standard asks for a negative ``axis`` (counted from the end, where
    broadcasting aligns the shapes). A non-negative ``axis`` is accepted when both
    operands have the same number of dimensions, where it is unambiguous.
    """
    func = "linalg.cross"
    x1 = _numeric(func, x1, "x1")
    x2 = _numeric(func, x2, "x2")
    axis = _dispatch.integer(func, axis, "axis")
    lowest = min(x1.ndim, x2.ndim)
    if lowest == 0:
        raise ValueError(f"{func}: x1 and x2 must have at least 1 dimension")
    if axis >= 0:
        if x1.ndim != x2.ndim:
            raise ValueError(
                f"{func}: axis={axis} is ambiguous for x1 and x2 of different ranks "
                f"({x1.ndim} and {x2.ndim}); use a negative axis"
            )
        if axis >= x1.ndim:
            raise _dispatch.AxisError(f"{func}: axis={axis} is out of range for {x1.ndim} dimensions")
        axis -= x1.ndim
    if axis < -lowest:
        raise _dispatch.AxisError(
            f"{func}: axis={axis} is out of range [-{lowest}, -1] for shapes {x1.shape} "
            f"and {x2.shape}"
        )
    if x1.shape[axis] != 3 or x2.shape[axis] != 3:
        raise ValueError(
            f"{func}: the axis {axis} must have size 3 in both x1 and x2 (it is not "
            f"broadcast), got shapes {x1.shape} and {x2.shape}"
        )

    def without_axis(shape):
        return shape[:axis] + shape[axis:][1:]

    try:
        np.broadcast_shapes(without_axis(x1.shape), without_axis(x2.shape))
    except ValueError:
        raise ValueError(
            f"{func}: shapes {x1.shape} and {x2.shape} do not broadcast outside axis {axis}"
        ) from None
    x1, x2 = _promote(func, x1, x2)
    return _run(func, (x1, x2), axis=axis)


def outer(x1, x2, /):
    """Outer product of two 1-d tensors: shape ``(N, M)``, promoted dtype."""
    func = "linalg.outer"
    x1 = _numeric(func, x1, "x1")
    x2 = _numeric(func, x2, "x2")
    for name, t in (("x1", x1), ("x2", x2)):
        if t.ndim != 1:
            raise ValueError(f"{func}: {name} must be 1-dimensional, got shape {t.shape}")
    x1, x2 = _promote(func, x1, x2)
    return _run(func, (x1, x2))


def diagonal(x, /, *, offset=0):
    """The ``offset`` diagonal of each matrix (last two axes), as a new tensor."""
    func = "linalg.diagonal"
    x = _dispatch.as_tensor(x, func)
    _matrices(func, x)
    return _run(func, (x,), offset=_dispatch.integer(func, offset, "offset"))


def _trace_dtype(func, x, dtype):
    if dtype is None:
        # the standard: same dtype, except integers narrower than the default
        # integer widen to it (signed) or to the unsigned type of its width
        if x.dtype.kind == "i":
            return DEFAULT_INT
        if x.dtype.kind == "u":
            return uint64
        return x.dtype
    dtype = normalize_dtype(dtype, func)
    if dtype not in _NUMERIC:
        raise TypeError(f"{func}: dtype={dtype} must be a numeric dtype")
    # the standard: x is cast to dtype before the sum (any numeric dtype, as sum's)
    return dtype


def trace(x, /, *, offset=0, dtype=None):
    """Sum of the ``offset`` diagonal of each matrix; integer inputs accumulate in
    int64/uint64 unless ``dtype`` says otherwise."""
    func = "linalg.trace"
    x = _numeric(func, x)
    _matrices(func, x)
    offset = _dispatch.integer(func, offset, "offset")
    return _run(func, (x,), offset=offset, dtype=_trace_dtype(func, x, dtype))


OPS = [
    Op("linalg.cholesky", "linalg", cholesky, "floating-point", True, batch="unary"),
    Op("linalg.cross", "linalg", cross, "numeric", True, batch="aligned_axis"),
    Op("linalg.det", "linalg", det, "floating-point", True, batch="unary"),
    Op("linalg.diagonal", "linalg", diagonal, "any", True, batch="unary"),
    Op("linalg.eig", "linalg", eig, "floating-point", True, batch="unary"),
    Op("linalg.eigh", "linalg", eigh, "floating-point", True, batch="unary"),
    Op("linalg.eigvals", "linalg", eigvals, "floating-point", True, batch="unary"),
    Op("linalg.eigvalsh", "linalg", eigvalsh, "floating-point", True, batch="unary"),
    Op("linalg.inv", "linalg", inv, "floating-point", True, batch="unary"),
    Op("linalg.matrix_norm", "linalg", matrix_norm, "floating-point", True, batch="unary"),
    Op("linalg.matrix_power", "linalg", matrix_power, "floating-point", True, batch="unary"),
    # an integer count: no gradient
    Op("linalg.matrix_rank", "linalg", matrix_rank, "floating-point", False, batch="unary"),
    Op("linalg.outer", "linalg", outer, "numeric", True),
    Op("linalg.pinv", "linalg", pinv, "floating-point", True, batch="unary"),
    Op("linalg.qr", "linalg", qr, "floating-point", True, batch="unary"),
    Op("linalg.slogdet", "linalg", slogdet, "floating-point", True, batch="unary"),
    Op("linalg.solve", "linalg", solve, "floating-point", True, batch="unary"),
    Op("linalg.svd", "linalg", svd, "floating-point", True, batch="unary"),
    Op("linalg.svdvals", "linalg", svdvals, "floating-point", True, batch="unary"),
    Op("linalg.trace", "linalg", trace, "numeric", True, batch="unary"),
    Op("linalg.vector_norm", "linalg", vector_norm, "floating-point", True, batch="reduce",
       fast=Fast(dict(x=tensor("floating-point"), axis=axes("x", "nonempty"), keepdims=BOOL,
                      ord=Kind("real")), kw=("axis", "keepdims", "ord"))),
]

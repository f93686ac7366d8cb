"""matmul, tensordot and vecdot of the native backend through NumPy's own BLAS (``_blas``).

``_blas`` links no BLAS. ``load_blas`` hands it the file of NumPy's ``_multiarray_umath``
extension; the C side reopens that already-loaded object with ``RTLD_NOLOAD`` and finds
``cblas_?gemm`` through it, i.e. in exactly the library NumPy's matmul calls (for NumPy's
wheels the scipy-openblas64 build in ``numpy.libs``). So no second BLAS, with its own
symbols and thread pool, ever enters the process: the former link to the
``scipy-openblas64`` wheel did, and broke SciPy's LAPACK (blas_src/blas.c says how).
Where none is found, ``load_blas`` returns None and these ops keep NumPy's kernels.
``BRIDGE_NATIVE_BLAS=0`` opts out.

The kernels keep the numpy kernels' signatures and results: float32, float64,
complex64 and complex128 go through gemm, everything else (integers, bool, exotic
memory) through the numpy kernel, whose integer loops NumPy does not hand to BLAS
either. Sums are BLAS's, so float results differ from NumPy's in rounding only.
"""

from __future__ import annotations

import os
from math import prod

import numpy as np

_BLAS_KINDS = "fc"

# (dgemm symbol, library file) once bound; None when NumPy's BLAS was not found
BOUND = None


def load_blas():
    """The ``_blas`` extension bound to NumPy's BLAS, or None (not built, opted out with
    ``BRIDGE_NATIVE_BLAS=0``, or no gemm found in what NumPy loaded)."""
    global BOUND
    if os.environ.get("BRIDGE_NATIVE_BLAS") == "0":
        return None
    try:
        from . import _blas
    except ImportError:
        return None
    from numpy._core import _multiarray_umath

    BOUND = _blas.bind(_multiarray_umath.__file__)
    return _blas if BOUND is not None else None


def blas_kernels(blas, numpy_kernels: dict) -> dict:
    """name -> kernel for matmul, tensordot and vecdot, falling back to numpy's."""
    blas_matmul = blas.matmul
    numpy_matmul = numpy_kernels["matmul"]
    numpy_tensordot = numpy_kernels["tensordot"]
    numpy_vecdot = numpy_kernels["vecdot"]

    def matmul(x1, x2):
        out = blas_matmul(x1, x2)
        if out is not NotImplemented:
            return out
        # mixed float/complex dtypes (the op's fast path passes them unpromoted)
        if x1.__class__ is np.ndarray and x2.__class__ is np.ndarray \
                and x1.dtype.kind in _BLAS_KINDS and x2.dtype.kind in _BLAS_KINDS \
                and x1.dtype != x2.dtype:
            dtype = np.result_type(x1.dtype, x2.dtype)
            out = blas_matmul(x1.astype(dtype, copy=False), x2.astype(dtype, copy=False))
            if out is not NotImplemented:
                return out
        return numpy_matmul(x1, x2)

    def tensordot(x1, x2, axes):
        axes1, axes2 = axes
        if x1.dtype.kind not in _BLAS_KINDS or x1.dtype != x2.dtype:
            return numpy_tensordot(x1, x2, axes)
        # contract as one product: (free1 x contracted) @ (contracted x free2); reshape
        # copies only when the transposed operand is not already laid out that way
        free1 = [i for i in range(x1.ndim) if i not in axes1]
        free2 = [i for i in range(x2.ndim) if i not in axes2]
        free_shape = tuple(x1.shape[i] for i in free1) + tuple(x2.shape[i] for i in free2)
        k = prod(x1.shape[i] for i in axes1)
        a = x1.transpose(free1 + list(axes1)).reshape(prod(x1.shape[i] for i in free1), k)
        b = x2.transpose(list(axes2) + free2).reshape(k, prod(x2.shape[i] for i in free2))
        return matmul(a, b).reshape(free_shape)

    def vecdot(x1, x2, axis):
        if x1.dtype.kind not in _BLAS_KINDS or x1.dtype != x2.dtype:
            return numpy_vecdot(x1, x2, axis)
        v1 = np.moveaxis(x1, axis, -1)
        v2 = np.moveaxis(x2, axis, -1)
        if v1.dtype.kind == "c":
            v1 = np.conj(v1)
        # one shared vector: a single matrix-vector product. Two stacks of vectors are
        # a dot product per pair, which gemm calls would only slow down.
        if v2.ndim == 1:
            return matmul(v1, v2)
        if v1.ndim == 1:
            return matmul(v2, v1)
        return numpy_vecdot(x1, x2, axis)

    return {"matmul": matmul, "tensordot": tensordot, "vecdot": vecdot}

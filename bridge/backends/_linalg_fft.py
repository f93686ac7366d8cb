"""Kernels of the linalg and fft extensions, written once against ``xp``.

``make_linalg_kernels(xp)`` and ``make_fft_kernels(xp)`` return kernel tables keyed by
the registry's op names (``"linalg.solve"``, ``"fft.rfft"``). ``xp`` is NumPy or CuPy.

The ops in ``bridge/_ops/linalg.py`` and ``bridge/_ops/fft.py`` have already checked
dtypes and shapes, resolved axes, lengths and defaults; a kernel computes. Kernels
return plain tuples (never NumPy's named tuples: the dispatcher wraps exactly
``tuple``), and cast results to the dtype the standard names, because NumPy, and
CuPy more so, promote in places (``eig`` of a real matrix with real eigenvalues
returns real arrays, integer inputs become float64, ...).
"""

from __future__ import annotations

import numpy as np

# complex <-> real of the same precision; CuPy uses NumPy's dtype objects too
_COMPLEX_OF = {np.dtype("float32"): np.dtype("complex64"), np.dtype("float64"): np.dtype("complex128")}
_REAL_OF = {np.dtype("complex64"): np.dtype("float32"), np.dtype("complex128"): np.dtype("float64")}


def complex_dtype_of(dtype):
    """complex64 for float32 and complex64, complex128 for float64 and complex128."""
    return _COMPLEX_OF.get(dtype, dtype)


def real_dtype_of(dtype):
    """float32 for complex64 and float32, float64 for complex128 and float64."""
    return _REAL_OF.get(dtype, dtype)


def make_linalg_kernels(xp) -> dict:
    """The linalg kernel table for array module ``xp``."""
    k: dict = {}
    linalg = xp.linalg

    def cast(a, dtype):
        return a.astype(dtype, copy=False)

    def swap_last(a):
        return xp.swapaxes(a, -1, -2)

    def cholesky(x, upper=False):
        lower = linalg.cholesky(x)
        if upper:
            # x = L L^H = U^H U with U = L^H; CuPy's cholesky has no ``upper`` flag
            return cast(xp.conj(swap_last(lower)), x.dtype)
        return cast(lower, x.dtype)

    k["linalg.cholesky"] = cholesky
    k["linalg.cross"] = lambda x1, x2, axis: xp.cross(x1, x2, axis=axis)
    k["linalg.det"] = lambda x: cast(xp.asarray(linalg.det(x)), x.dtype)
    # NumPy's diagonal is a read-only view; the standard's result is a new array that
    # users may write into, so copy (the copy is the size of one diagonal per matrix)
    k["linalg.diagonal"] = lambda x, offset: xp.diagonal(x, offset, -2, -1).copy()

    if hasattr(linalg, "eig"):  # CuPy gained eig only recently

        def eig(x):
            values, vectors = linalg.eig(x)
            # NumPy returns real arrays when every eigenvalue of a real matrix is
            # real; the standard (2025.12) asks for complex results always
            target = complex_dtype_of(x.dtype)
            return cast(values, target), cast(vectors, target)

        k["linalg.eig"] = eig
        k["linalg.eigvals"] = lambda x: cast(linalg.eigvals(x), complex_dtype_of(x.dtype))

    def eigh(x):
        values, vectors = linalg.eigh(x)
        return cast(values, real_dtype_of(x.dtype)), cast(vectors, x.dtype)

    k["linalg.eigh"] = eigh
    k["linalg.eigvalsh"] = lambda x: cast(linalg.eigvalsh(x), real_dtype_of(x.dtype))
    k["linalg.inv"] = lambda x: cast(linalg.inv(x), x.dtype)

    def matrix_norm(x, keepdims, ord):
        out = linalg.norm(x, ord=ord, axis=(-2, -1), keepdims=keepdims)
        return cast(xp.asarray(out), real_dtype_of(x.dtype))

    k["linalg.matrix_norm"] = matrix_norm

    def matrix_power(x, n):
        original = x
        if n == 0:
            eye = xp.eye(x.shape[-1], dtype=x.dtype)
            return xp.broadcast_to(eye, x.shape).copy()
        if n < 0:
            x = linalg.inv(x)
            n = -n
        # square-and-multiply: about 2*log2(n) matmuls instead of n - 1
        result = None
        power = x
        while True:
            if n & 1:
                result = power if result is None else xp.matmul(result, power)
            n >>= 1
            if not n:
                break
            power = xp.matmul(power, power)
        if result is original:  # n == 1: the standard's result is a new array
            result = original.copy()
        return cast(result, original.dtype)

    k["linalg.matrix_power"] = matrix_power

    def default_rtol(x):
        return max(x.shape[-2], x.shape[-1]) * xp.finfo(real_dtype_of(x.dtype)).eps

    def cutoff(x, singular_values, rtol):
        """rtol * largest singular value, shaped (..., 1) to compare with (..., K)."""
        if rtol is None:
            rtol = default_rtol(x)
        largest = xp.max(singular_values, axis=-1)
        return (xp.asarray(rtol, dtype=largest.dtype) * largest)[..., None]

    def matrix_rank(x, rtol=None):
        batch = x.shape[:-2]
        if min(x.shape[-2:]) == 0:  # no singular values: rank 0 (max would fail)
            return xp.zeros(batch, dtype=xp.int64)
        singular_values = linalg.svd(x, compute_uv=False)
        large = singular_values > cutoff(x, singular_values, rtol)
        return cast(xp.asarray(xp.count_nonzero(large, axis=-1)), xp.int64).reshape(batch)

    k["linalg.matrix_rank"] = matrix_rank

    def pinv(x, rtol=None):
        m, n = x.shape[-2:]
        if m == 0 or n == 0:
            return xp.zeros(x.shape[:-2] + (n, m), dtype=x.dtype)
        u, s, vh = linalg.svd(x, full_matrices=False)
        large = s > cutoff(x, s, rtol)
        # singular values at or below the cutoff count as zero: their reciprocal is 0,
        # not 1/s (which is huge or inf); the where() avoids dividing by zero at all
        s_inv = xp.where(large, 1 / xp.where(large, s, 1), 0).astype(s.dtype, copy=False)
        # pinv = V diag(1/s) U^H
        v_scaled = xp.conj(swap_last(vh)) * s_inv[..., None, :]
        return cast(xp.matmul(v_scaled, xp.conj(swap_last(u))), x.dtype)

    k["linalg.pinv"] = pinv

    def qr(x, mode):
        q, r = linalg.qr(x, mode=mode)
        return cast(q, x.dtype), cast(r, x.dtype)

    k["linalg.qr"] = qr

    def slogdet(x):
        sign, logabsdet = linalg.slogdet(x)
        return (cast(xp.asarray(sign), x.dtype),
                cast(xp.asarray(logabsdet), real_dtype_of(x.dtype)))

    k["linalg.slogdet"] = slogdet

    def solve(x1, x2):
        # The standard (2024.12): x2 is a vector only when it is 1-d; otherwise it
        # is a stack of (M, K) matrices whose batch dimensions broadcast against
        # x1's. NumPy 1.x and CuPy guess "vector" from ndim == x1.ndim - 1, so
        # make both cases explicit before calling the library's solve.
        if x2.ndim == 1:
            rhs = xp.broadcast_to(x2[:, None], x1.shape[:-2] + (x2.shape[0], 1))
            return cast(linalg.solve(x1, rhs)[..., 0], x1.dtype)
        batch = np.broadcast_shapes(x1.shape[:-2], x2.shape[:-2])
        lhs = xp.broadcast_to(x1, batch + x1.shape[-2:])
        rhs = xp.broadcast_to(x2, batch + x2.shape[-2:])
        return cast(linalg.solve(lhs, rhs), x1.dtype)

    k["linalg.solve"] = solve

    def svd(x, full_matrices):
        u, s, vh = linalg.svd(x, full_matrices=full_matrices)
        return cast(u, x.dtype), cast(s, real_dtype_of(x.dtype)), cast(vh, x.dtype)

    k["linalg.svd"] = svd
    k["linalg.svdvals"] = lambda x: cast(linalg.svd(x, compute_uv=False), real_dtype_of(x.dtype))
    k["linalg.outer"] = lambda x1, x2: x1[:, None] * x2[None, :]

    def trace(x, offset, dtype):
        # NumPy accumulates in ``dtype`` (casting each element), which is what the
        # standard asks for to avoid overflow in small integer types
        return cast(xp.asarray(xp.trace(x, offset, -2, -1, dtype=dtype)), dtype)

    k["linalg.trace"] = trace

    if xp.__name__ == "numpy":
        # the ufunc reductions np.sum/np.max/np.min end in, without their wrappers
        # (about 1 us each on small arrays); out=... keeps a full reduction 0-d
        def reducer(ufunc):
            reduce = ufunc.reduce
            return lambda a, axis, keepdims: reduce(a, axis=axis, keepdims=keepdims, out=...)

        total, largest, smallest = reducer(xp.add), reducer(xp.maximum), reducer(xp.minimum)
    else:
        def reducer(reduction):
            return lambda a, axis, keepdims: reduction(a, axis=axis, keepdims=keepdims)

        total, largest, smallest = reducer(xp.sum), reducer(xp.max), reducer(xp.min)

    sqrt = xp.sqrt
    add_reduce = xp.add.reduce if xp.__name__ == "numpy" else None

    def vector_norm(x, axis, keepdims, ord):
        if ord == 2 and x.dtype.kind == "f":
            if add_reduce is not None:
                # NumPy: the reduction's positional form, whose full reduction is a
                # scalar (a 0-d array once the front wraps it); its square root skips
                # the array machinery of out=
                return sqrt(add_reduce(x * x, axis, None, None, keepdims))
            return sqrt(total(x * x, axis, keepdims))
        real = real_dtype_of(x.dtype)
        # |x| for complex x; for real x, x itself where only its square is needed
        magnitude = xp.abs(x) if ord != 2 or x.dtype.kind == "c" else x
        if ord == 2:
            # Unscaled like NumPy's norm: sqrt(sum(|x|^2)) overflows for |x| above
            # about sqrt(max float), as NumPy's does
            out = xp.sqrt(total(magnitude * magnitude, axis, keepdims))
        elif ord == 1:
            out = total(magnitude, axis, keepdims)
        elif ord == float("inf"):
            out = largest(magnitude, axis, keepdims)
        elif ord == float("-inf"):
            out = smallest(magnitude, axis, keepdims)
        elif ord == 0:
            out = total(magnitude != 0, axis, keepdims)
        else:
            # p-norm, and the standard's "norms" for p < 1: sum(|x|^p)^(1/p). For
            # p < 0 a zero element gives |0|^p = inf and the result 0, as NumPy does.
            p = float(ord)
            with _quiet(xp):
                out = total(magnitude ** xp.asarray(p, dtype=real), axis, keepdims) ** (1.0 / p)
        return cast(xp.asarray(out), real)

    k["linalg.vector_norm"] = vector_norm
    return k


class _quiet:
    """NumPy's errstate(divide='ignore') where ``xp`` has it (CuPy never warns)."""

    def __init__(self, xp):
        errstate = getattr(xp, "errstate", None)
        self._state = errstate(divide="ignore", over="ignore") if errstate else None

    def __enter__(self):
        if self._state is not None:
            self._state.__enter__()

    def __exit__(self, *exc):
        if self._state is not None:
            return self._state.__exit__(*exc)
        return False


def make_fft_kernels(xp) -> dict:
    """The fft kernel table for array module ``xp``.

    Lengths (``n``, ``s``) and axes arrive resolved: no ``None``, no ``-1`` in ``s``.
    NumPy 2 keeps single precision through its FFTs; the casts make sure every
    backend returns the dtype the standard names.
    """
    k: dict = {}
    fft = xp.fft

    def one_dimensional(transform, result_dtype):
        def kernel(x, n, axis, norm):
            out = transform(x, n=n, axis=axis, norm=norm)
            return out.astype(result_dtype(x.dtype), copy=False)

        return kernel

    def n_dimensional(transform, result_dtype):
        def kernel(x, s, axes, norm):
            out = transform(x, s=s, axes=axes, norm=norm)
            return out.astype(result_dtype(x.dtype), copy=False)

        return kernel

    def same(dtype):
        return dtype

    k["fft.fft"] = one_dimensional(fft.fft, same)
    k["fft.ifft"] = one_dimensional(fft.ifft, same)
    k["fft.rfft"] = one_dimensional(fft.rfft, complex_dtype_of)
    k["fft.irfft"] = one_dimensional(fft.irfft, real_dtype_of)
    k["fft.hfft"] = one_dimensional(fft.hfft, real_dtype_of)
    k["fft.ihfft"] = one_dimensional(fft.ihfft, complex_dtype_of)
    k["fft.fftn"] = n_dimensional(fft.fftn, same)
    k["fft.ifftn"] = n_dimensional(fft.ifftn, same)
    k["fft.rfftn"] = n_dimensional(fft.rfftn, complex_dtype_of)
    k["fft.irfftn"] = n_dimensional(fft.irfftn, real_dtype_of)

    # Frequencies are computed in float64 and rounded once to ``dtype``
    k["fft.fftfreq"] = lambda n, d, dtype: fft.fftfreq(n, d).astype(dtype, copy=False)
    k["fft.rfftfreq"] = lambda n, d, dtype: fft.rfftfreq(n, d).astype(dtype, copy=False)

    def shift(function):
        def kernel(x, axes):
            if not axes:
                # nothing to shift (a 0-d tensor, or axes=()); NumPy's roll fails on
                # an empty tuple of shifts
                return x.copy()
            return function(x, axes=axes)

        return kernel

    k["fft.fftshift"] = shift(fft.fftshift)
    k["fft.ifftshift"] = shift(fft.ifftshift)
    return k

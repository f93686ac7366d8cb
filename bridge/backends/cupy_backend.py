"""The CuPy backend: bridge on NVIDIA GPUs.

The kernel table is the generic one of ``_generic.py`` (and of ``_linalg_fft.py``)
bound to CuPy, plus

* overrides where CuPy differs from NumPy (listed in :func:`_cupy_overrides`, each
  with the difference it corrects),
* the memory kernels every non-CPU backend provides: ``asarray`` (anything to a
  GPU), ``to_host`` and ``from_other`` (the explicit copies of ``to_device``),
  ``from_dlpack`` and ``to_dlpack`` (DLPack on CUDA, with the standard's stream
  semantics), and ``device_scope`` (a context manager making a GPU current, used
  by the dispatcher for creation functions).

CuPy is imported only by :func:`load`, so ``import bridge`` never imports it. On a
machine without CuPy or without a CUDA device, :func:`load` raises ImportError or
RuntimeError saying what is missing; ``bridge.backends`` turns that into a
ValueError naming the backends that are available.
"""

from __future__ import annotations

import builtins
import contextlib
import ctypes
import functools
import math
import warnings

import numpy

from .. import _host
from .._host import default_dtype_of_scalar, sequence_dtype
from . import Backend
from ._generic import make_kernels
from ._linalg_fft import make_fft_kernels, make_linalg_kernels

# DLPack device types (dlpack.h)
KDL_CPU = 1
KDL_CUDA = 2
KDL_CUDA_HOST = 3
KDL_CUDA_MANAGED = 13
# The standard's special stream values for CUDA consumers (``__dlpack__(stream=...)``)
STREAM_NO_SYNC = -1
STREAM_LEGACY_DEFAULT = 1
STREAM_PER_THREAD_DEFAULT = 2

_PY_SCALARS = (builtins.bool, int, float, complex)
DLPACK_FLAG_IS_COPIED = 1 << 1


def _set_capsule_flag(capsule, flag: int) -> None:
    """Set ``flag`` in a versioned DLPack capsule that this process just made.

    DLManagedTensorVersioned starts with version (2 x uint32), manager_ctx and deleter
    (pointers), then the uint64 flags. CuPy's producer cannot set IS_COPIED for a
    device-side copy, so bridge, which made the copy, sets it.
    """
    get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
    get_pointer.restype = ctypes.c_void_p
    get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
    address = get_pointer(capsule, b"dltensor_versioned")
    flags = ctypes.c_uint64.from_address(address + 8 + 2 * ctypes.sizeof(ctypes.c_void_p))
    flags.value |= flag


def load() -> Backend:
    """Import CuPy, check for a GPU and build the kernel table."""
    try:
        import cupy
    except ImportError as exc:
        raise ImportError(
            f"the cupy backend needs CuPy, which is not installed ({exc}); install the "
            "CuPy wheel matching your CUDA version, e.g. 'pip install cupy-cuda12x'"
        ) from None
    try:
        count = cupy.cuda.runtime.getDeviceCount()
    except Exception as exc:  # CUDARuntimeError: no driver, no device, ...
        raise RuntimeError(f"CuPy is installed but finds no usable CUDA device ({exc})") from None
    if count < 1:
        raise RuntimeError("CuPy is installed but this machine has no CUDA device")
    xp = _namespace(cupy)
    kernels = make_kernels(xp)
    kernels.update(make_linalg_kernels(xp))
    kernels.update(make_fft_kernels(xp))
    kernels.update(_cupy_overrides(cupy, kernels))
    kernels.update(_fused_vjp_kernels(cupy))
    kernels["matmul"] = _direct_gemm(cupy, kernels["matmul"])
    if count > 1:
        # CuPy launches kernels on the *current* device; with several GPUs, run each
        # compute kernel on the device of its first array argument.
        kernels = {name: _on_array_device(cupy, k) for name, k in kernels.items()}
    kernels.update(_memory_kernels(cupy, count))
    return Backend("cupy", "cuda", kernels, array_type=cupy.ndarray, single_device=count == 1)


# ---------------------------------------------------------------------- namespace


class _CupyNamespace:
    """CuPy as the ``xp`` of the generic kernels, with fill-ins for what it lacks.

    The public attributes are copied into the instance up front, so an attribute
    lookup in a kernel costs what a module lookup costs.
    """

    def __init__(self, cupy, fill_ins: dict):
        self._module = cupy
        for name in dir(cupy):
            if not name.startswith("_"):
                try:
                    self.__dict__[name] = getattr(cupy, name)
                except AttributeError:
                    continue
        self.__dict__.update(fill_ins)

    def __getattr__(self, name):
        return getattr(self._module, name)


def _namespace(cupy) -> _CupyNamespace:
    fill_ins = {}
    if not hasattr(cupy, "positive"):
        fill_ins["positive"] = lambda x: x.copy()
    return _CupyNamespace(cupy, fill_ins)


def _on_array_device(cupy, kernel):
    ndarray = cupy.ndarray

    @functools.wraps(kernel)
    def on_device(*args, **params):
        for arg in args:
            if arg.__class__ is ndarray:
                with arg.device:
                    return kernel(*args, **params)
        return kernel(*args, **params)

    return on_device


# ---------------------------------------------------------------------- overrides


# Exact products: nvcc would otherwise contract ``1 - y * y`` into one fused
# multiply-add, whose single rounding differs from the unfused formula's two.
_MUL_RN = """
__device__ inline float bridge_mul_rn(float a, float b) { return __fmul_rn(a, b); }
__device__ inline double bridge_mul_rn(double a, double b) { return __dmul_rn(a, b); }
"""


def _direct_gemm(cupy, general_matmul):
    """matmul of two float32/float64 matrices through cuBLAS's gemm called directly.

    CuPy's ``dot`` spends tens of microseconds of host time per product (layout
    analysis, a gemmEx descriptor); a training step of a small network is made of such
    products. Row-major C = A @ B is column-major C^T = B^T A^T; an operand with unit
    stride along its rows or its columns is read in place (cuBLAS's transpose flag),
    anything else, other dtypes, stacks, empty or huge dimensions, and TF32 mode
    (``CUPY_TF32=1``, which CuPy's own product honours) go to ``general_matmul``.
    """
    import os

    try:
        from cupy_backends.cuda.libs import cublas
    except ImportError:
        return general_matmul
    set_pointer_mode = getattr(cublas, "setPointerMode", None)
    if os.environ.get("CUPY_TF32", "0") != "0" or set_pointer_mode is None:
        return general_matmul
    host_pointers = cublas.CUBLAS_POINTER_MODE_HOST
    get_handle = cupy.cuda.device.get_cublas_handle
    f32, f64 = numpy.dtype(numpy.float32), numpy.dtype(numpy.float64)
    gemm = {f32: cublas.sgemm, f64: cublas.dgemm}
    # host scalars for alpha and beta, kept next to their addresses so that they live as
    # long as the kernel does (an address alone would dangle once the arrays are freed)
    scalars = {d: (numpy.ones(1, d), numpy.zeros(1, d)) for d in (f32, f64)}
    pointers = {d: ((one.ctypes.data, zero.ctypes.data), (one, zero))
                for d, (one, zero) in scalars.items()}
    n_trans, t_trans = cublas.CUBLAS_OP_N, cublas.CUBLAS_OP_T
    int_max = 2**31 - 1
    ndarray = cupy.ndarray
    empty = cupy.empty

    def operand(x):
        """(cuBLAS op, leading dimension) reading row-major matrix x as its transpose
        in column-major order, or None for a layout cuBLAS cannot read in place."""
        rows, cols = x.shape
        row_stride, col_stride = x.strides
        size = x.itemsize
        if col_stride == size and row_stride % size == 0 and row_stride // size >= max(1, cols):
            return n_trans, row_stride // size
        if row_stride == size and col_stride % size == 0 and col_stride // size >= max(1, rows):
            return t_trans, col_stride // size
        return None

    def direct(x1, x2):
        """The product through gemm, or None where gemm cannot read the operands."""
        if x1.__class__ is ndarray and x2.__class__ is ndarray and x1.ndim == 2 \
                and x2.ndim == 2 and x1.dtype == x2.dtype and x1.dtype in gemm:
            m, k = x1.shape
            n = x2.shape[1]
            if 0 < m <= int_max and 0 < n <= int_max and 0 < k <= int_max \
                    and x2.shape[0] == k:
                a = operand(x1)
                b = operand(x2)
                if a is not None and b is not None:
                    out = empty((m, n), x1.dtype)
                    (alpha, beta), _ = pointers[x1.dtype]
                    handle = get_handle()
                    set_pointer_mode(handle, host_pointers)  # alpha, beta: host memory
                    gemm[x1.dtype](handle, b[0], a[0], n, m, k, alpha,
                                   x2.data.ptr, b[1], x1.data.ptr, a[1], beta,
                                   out.data.ptr, n)
                    return out
        return None

    # cupy_backends' cuBLAS bindings are CuPy's internals, not its public API: before the
    # first direct product of a dtype, check them once against CuPy's own product on
    # small operands of both layouts, and keep CuPy's product if they disagree.
    verified = {}

    def direct_agrees(dtype):
        rng = numpy.random.default_rng(0)
        a = cupy.asarray(rng.standard_normal((5, 3)).astype(dtype))
        b = cupy.asarray(rng.standard_normal((2, 3)).astype(dtype))
        for x1, x2 in ((a, b.T), (b, a.T)):
            got, want = direct(x1, x2), general_matmul(x1, x2)
            if got is None or not bool(cupy.allclose(got, want, rtol=1e-4, atol=1e-5)):
                warnings.warn("bridge's cupy backend: cuBLAS gemm called directly disagrees "
                              f"with CuPy's matmul for {dtype}; using CuPy's matmul",
                              RuntimeWarning, stacklevel=3)
                return False
        return True

    def matmul(x1, x2):
        dtype = x1.dtype
        ok = verified.get(dtype)
        if ok is None and dtype in gemm:
            ok = verified[dtype] = direct_agrees(dtype)
        if ok:
            out = direct(x1, x2)
            if out is not None:
                return out
        return general_matmul(x1, x2)

    return matmul


def _fused_vjp_kernels(cupy) -> dict:
    """One-kernel forms of hot VJP formulas (``bridge.autograd``'s ``fused_vjp``).

    Each launch costs several microseconds of host time, which dominates small
    training steps; these compute the formula's operations in the formula's order
    and rounding, for real floating operands of one dtype and shape.
    """
    tanh_vjp = cupy.ElementwiseKernel(
        "T g, T y", "T z", "z = g * (T(1) - bridge_mul_rn(y, y))", "bridge_tanh_vjp",
        preamble=_MUL_RN)
    pow_vjp = cupy.ElementwiseKernel(
        "T g, T a, T b, T bm1", "T z", "z = g * (b * pow(a, bm1))", "bridge_pow_scalar_vjp")

    def pow_scalar_vjp(g, a, b, b_minus_1):
        # g * (b * a ** (b - 1)) for a Python number b, which the formula takes as a
        # weak scalar in a's dtype
        scalar = a.dtype.type
        return pow_vjp(g, a, scalar(b), scalar(b_minus_1))

    return {"_tanh_vjp": tanh_vjp, "_pow_scalar_vjp": pow_scalar_vjp}


# NumPy's bound on an array's bytes (intp); CuPy computes sizes past it without a check
_MAX_BYTES = 2**63 - 1


def _stepwise_linspace(xp):
    """NumPy's linspace, one operation per kernel: CuPy's one-kernel linspace computes
    ``start + i * step`` as a fused multiply-add (one rounding where NumPy has two), so
    its samples left NumPy's in the last bit (and a chaotic map run from them, far)."""

    def linspace(start, stop, num, dtype, endpoint):
        if num * 16 > _MAX_BYTES:  # (CuPy's arange of 2**62 samples overflows its size)
            raise ValueError(f"linspace: num={num} samples exceed the largest possible "
                             "array (NumPy's 'Maximum allowed size exceeded')")
        div = (num - 1) if endpoint else num
        # NumPy's computation dtype: that of the bounds, made inexact (two Python numbers
        # as arrays; next to a NumPy scalar a Python number is weak)
        typed = isinstance(start, numpy.generic) or isinstance(stop, numpy.generic)
        first, last = (start, stop) if typed else (numpy.asarray(start), numpy.asarray(stop))
        dt = numpy.result_type(first, last)
        if dt.kind not in "fc":
            dt = numpy.result_type(dt, numpy.float64)
        delta = numpy.subtract(last, first, dtype=dt)
        # (NumPy's arange in dt; the integers are exact in any inexact dtype, and CuPy's
        # arange has no complex dtypes)
        y = xp.arange(0, num, dtype=numpy.float64 if dt.kind == "c" else dt).astype(dt)
        if div > 0:
            step = delta / div
            if step == 0:
                y = y / div
                y = y * delta
            else:
                y = y * step
        else:
            y = y * delta
        wide = numpy.result_type(dt, first)
        if wide == dt:
            y = y + dt.type(first)
        else:  # NumPy's y += start: the sum in the wider dtype, cast back
            y = (y.astype(wide) + wide.type(first)).astype(dt)
        if endpoint and num > 1:
            y[-1] = last
        return y.astype(dtype, copy=False)

    return linspace


def _stepwise_arange(xp):
    """NumPy's arange of floats, one operation per kernel: NumPy sets a[0] = start and
    a[1] = start + step, then fills a[i] = start + i * (a[1] - a[0]), a product and a
    sum rounded apart; CuPy's one-kernel arange contracts them to a fused multiply-add,
    so grid points left NumPy's in the last bit (and values on a bin edge changed bins
    in np.digitize). Integer dtypes are exact either way."""

    def arange(start, stop, step, dtype):
        dtype = numpy.dtype(dtype)
        if dtype.kind != "f":
            return xp.arange(start, stop, step, dtype=dtype)
        length = numpy.ceil((stop - start) / step)
        if numpy.isnan(length):  # (NumPy's errors: nan and infinite lengths are refused)
            raise ValueError("arange: cannot compute length")
        if numpy.isinf(length):
            raise ValueError("arange: Maximum allowed size exceeded")
        n = max(int(length), 0)
        if n * 8 > _MAX_BYTES:
            raise ValueError(f"arange: {n} values exceed the largest possible array")
        # in the result's dtype, as NumPy's fill computes (a[1] from the Python sum)
        first = dtype.type(start)
        second = dtype.type(start + step)
        delta = second - first
        y = xp.arange(n, dtype=dtype)  # the integers i, as the fill converts them
        y = y * delta
        y = y + first
        if n > 1:
            y[1] = second
        if n > 0:
            y[0] = first
        return y

    return arange


def _ordered_setitem(xp):
    """``x[key] = value`` in NumPy's order: with an index that repeats a position,
    NumPy's elements are written in turn, so the last one stays (programs rely on it: a
    last-write pivot, ``np.put(b, [0, 3, 3], ...)``); CuPy's scatter keeps an arbitrary
    one. The positions written are found, and each gets the value of its last write.
    (``xp`` is CuPy; NumPy in its place gives NumPy's own assignment, which the tests
    compare with.)"""
    int64 = numpy.int64

    def setitem(x, value, key):
        keys = key if isinstance(key, tuple) else (key,)
        if getattr(value, "size", 1) > 1 and any(
                isinstance(k, xp.ndarray) and k.dtype.kind in "iu" and k.size > 1
                for k in keys):
            where = xp.arange(x.size, dtype=int64).reshape(x.shape)[key]
            positions = where.ravel()
            last, first = xp.unique(positions[::-1], return_index=True)
            if last.size != positions.size:
                values = xp.broadcast_to(xp.asarray(value, dtype=x.dtype), where.shape)
                x[xp.unravel_index(last, x.shape)] = values.ravel()[::-1][first]
                return
        x[key] = value

    return setitem


def _cupy_overrides(cupy, generic_linalg: dict) -> dict:
    """Kernels where CuPy's function differs from NumPy's (each says how)."""
    k: dict = {}
    k["linspace"] = _stepwise_linspace(cupy)
    int64 = numpy.int64

    def count_nonzero(x, axis, keepdims):
        # cupy.count_nonzero has no keepdims
        return cupy.sum(x != 0, axis=axis, dtype=int64, keepdims=keepdims)

    k["count_nonzero"] = count_nonzero

    k["setitem"] = _ordered_setitem(cupy)
    k["arange"] = _stepwise_arange(cupy)

    def repeat(x, *repeats_array, repeats=None, axis=None):
        # cupy.repeat takes an int or a list of ints, not an array; the result's size
        # depends on the counts, so reading them to the host costs no extra sync.
        reps = repeats_array[0].tolist() if repeats_array else repeats
        return cupy.repeat(x, reps, axis=axis)

    k["repeat"] = repeat

    k["floor_divide"] = _float_binary(cupy, "floor_divide", _FLOOR_DIVIDE_BODY)
    k["remainder"] = _float_binary(cupy, "remainder", _REMAINDER_BODY)
    k["hypot"] = _float_binary(cupy, "hypot", _HYPOT_BODY)

    def scaled_log(name, scale):
        real_kernel = getattr(cupy, name)

        def kernel(x):
            if x.dtype.kind != "c":
                return real_kernel(x)
            # CuPy divides the complex log by log(base) as a complex number, so
            # log2(0+0j) gets NaN from -inf * 0; scale the two parts separately:
            # the standard's -inf + 0j.
            out = log(x)
            return _complex_from_parts(cupy, out.real * scale, out.imag * scale, x.dtype)

        return kernel

    k["log2"] = scaled_log("log2", 1 / math.log(2))
    k["log10"] = scaled_log("log10", 1 / math.log(10))

    def full(shape, fill_value, dtype):
        value = fill_value.item() if isinstance(fill_value, numpy.generic) else fill_value
        if value == 0 and _has_negative_zero(value):
            # CuPy fills (and assigns) zeros with memset, which drops the sign of -0.0:
            # negate +0 elementwise where the value has a negative zero
            if dtype.kind != "c":
                return cupy.negative(cupy.zeros(shape, dtype=dtype))
            real_dtype = numpy.float32 if dtype == numpy.complex64 else numpy.float64
            parts = [cupy.zeros(shape, dtype=real_dtype) for _ in range(2)]
            for i, part in enumerate((value.real, value.imag)):
                if math.copysign(1.0, part) < 0:
                    parts[i] = cupy.negative(parts[i])
            return _complex_from_parts(cupy, *parts, dtype)
        return cupy.full(shape, fill_value, dtype=dtype)

    k["full"] = full

    def sum_(x, axis, dtype, keepdims):
        # CuPy takes a slower path when a dtype is given, even x's own: pass None for
        # floating point (for integers None would mean CuPy's int64 accumulator)
        if dtype is not None and dtype == x.dtype and dtype.kind in "fc":
            dtype = None
        return x.sum(axis=axis, dtype=dtype, keepdims=keepdims)

    k["sum"] = sum_

    def log(x):
        out = cupy.log(x)
        if x.dtype.kind != "c":
            return out
        # CuPy's complex log gives NaN + NaN j where a part is infinite and the other
        # NaN; the standard (C99 Annex G) asks for +inf + atan2(b, a) j there
        re, im = x.real, x.imag
        infinite = cupy.isinf(re) | cupy.isinf(im)
        fixed = _complex_from_parts(cupy, cupy.full_like(re, math.inf), cupy.arctan2(im, re),
                                    x.dtype)
        out = cupy.where(infinite, fixed, out)
        # CuPy's log|z| overflows for |z| near the largest float (log(1 + DBL_MAX j) gave
        # inf + 1.57j; CUDA's hypot overflows there too) and underflows for subnormal
        # |z|: log|z| = log(m) + log1p((s/m)**2)/2 with m the larger part, s the other
        finite = cupy.isfinite(re) & cupy.isfinite(im) & ((re != 0) | (im != 0))
        lost = finite & ~cupy.isfinite(out.real)
        big = cupy.maximum(cupy.abs(re), cupy.abs(im))
        small = cupy.minimum(cupy.abs(re), cupy.abs(im))
        ratio = small / cupy.where(big == 0, 1, big)
        modulus = cupy.log(big) + 0.5 * cupy.log1p(ratio * ratio)
        scaled = _complex_from_parts(cupy, modulus, out.imag, x.dtype)
        return cupy.where(lost, scaled, out)

    def log1p(x):
        out = cupy.log1p(x)
        if x.dtype.kind != "c":
            return out
        re, im = x.real, x.imag
        infinite = cupy.isinf(re) | cupy.isinf(im)
        fixed = _complex_from_parts(cupy, cupy.full_like(re, math.inf),
                                    cupy.arctan2(im, re + 1), x.dtype)
        out = cupy.where(infinite, fixed, out)
        # on the real axis the imaginary part takes the zero's sign (conj symmetry):
        # CuPy adds 1 + 0j first, which turns -0j into +0j (log1p(-2 - 0j) gave +pi j)
        on_axis = im == 0
        signed = _complex_from_parts(cupy, out.real, cupy.copysign(cupy.abs(out.imag), im),
                                     x.dtype)
        out = cupy.where(on_axis, signed, out)
        # log1p(-1 ± 0j) is -inf ± 0j (the sign of the zero kept: conj symmetry)
        pole = (re == -1) & (im == 0)
        at_pole = _complex_from_parts(cupy, cupy.full_like(re, -math.inf), im, x.dtype)
        return cupy.where(pole, at_pole, out)

    def tanh(x):
        out = cupy.tanh(x)
        if x.dtype.kind != "c":
            return out
        # tanh(±0 + inf j) and tanh(±0 + NaN j) are ±0 + NaN j (C99); CuPy gives NaN
        # in both parts
        re, im = x.real, x.imag
        zero_re = (re == 0) & ~cupy.isfinite(im)
        fixed = _complex_from_parts(cupy, re, cupy.full_like(im, math.nan), x.dtype)
        out = cupy.where(zero_re, fixed, out)
        # the standard: tanh(±inf + iy), y finite, is ±1 with a zero imaginary part of
        # y's sign (C99 takes the sign of sin(2y))
        edge = cupy.isinf(re) & cupy.isfinite(im)
        unit = _complex_from_parts(cupy, cupy.copysign(cupy.ones_like(re), re),
                                   cupy.copysign(cupy.zeros_like(im), im), x.dtype)
        return cupy.where(edge, unit, out)

    def reciprocal(x):
        out = cupy.reciprocal(x)
        if x.dtype.kind != "c":
            return out
        # 1 / (complex infinity) is a signed zero (C99); CuPy's complex division gives
        # NaN + NaN j. The signs are those of conj(x), as NumPy's.
        re, im = x.real, x.imag
        infinite = cupy.isinf(re) | cupy.isinf(im)
        zero = cupy.zeros_like(re)
        fixed = _complex_from_parts(cupy, cupy.copysign(zero, re), cupy.copysign(zero, -im),
                                    x.dtype)
        return cupy.where(infinite, fixed, out)

    k["reciprocal"] = reciprocal

    def acosh(x):
        out = cupy.arccosh(x)
        if x.dtype.kind != "c":
            return out
        # acosh(±0 + NaN j) is NaN + π/2 j (C99); CuPy gives NaN in both parts
        re, im = x.real, x.imag
        zero_re = (re == 0) & cupy.isnan(im)
        fixed = _complex_from_parts(cupy, cupy.full_like(re, math.nan),
                                    cupy.full_like(im, math.pi / 2), x.dtype)
        return cupy.where(zero_re, fixed, out)

    k["acosh"] = acosh

    # CUDA's pow follows C99 Annex F (pow(-inf, 0.5) = +inf, pow(-0, 0.5) = +0), which
    # is the standard's rule: the generic kernel's fix-up for NumPy's sqrt shortcut is
    # not needed on the GPU, and its any() would synchronise with the device
    k["pow"] = cupy.power
    k["log"] = log
    k["log1p"] = log1p
    k["tanh"] = tanh

    def check_index_range(indices, n, axis):
        # CuPy wraps indices outside [-n, n) (and take_along_axis reads out of bounds):
        # NumPy's IndexError instead, at the cost of one reduction and a synchronisation
        if indices.size:
            lo, hi = (int(v) for v in cupy.stack([indices.min(), indices.max()]).get())
            if lo < -n or hi >= n:
                raise IndexError(f"index {hi if hi >= n else lo} is out of bounds for axis "
                                 f"{axis} with size {n}")

    def take(x, indices, axis):
        check_index_range(indices, x.shape[axis] if x.ndim else 1, axis)
        return x.take(indices, axis=axis)

    def take_along_axis(x, indices, axis):
        check_index_range(indices, x.shape[axis], axis)
        # NumPy wraps negative indices; CuPy's take_along_axis does not
        indices = cupy.where(indices < 0, indices + x.shape[axis], indices)
        return cupy.take_along_axis(x, indices, axis=axis)

    k["take"] = take
    k["take_along_axis"] = take_along_axis

    unique = cupy.unique
    try:
        unique(cupy.zeros(1), equal_nan=False)
        nan_kw = {"equal_nan": False}
    except TypeError:  # an older CuPy: its unique never merges NaNs
        nan_kw = {}

    def unique_all(x):
        values, indices, inverse, counts = unique(
            x.reshape(-1), return_index=True, return_inverse=True, return_counts=True,
            **nan_kw,
        )
        return (values, indices.astype(int64, copy=False),
                inverse.reshape(x.shape).astype(int64, copy=False),
                counts.astype(int64, copy=False))

    def unique_counts(x):
        values, counts = unique(x.reshape(-1), return_counts=True, **nan_kw)
        return values, counts.astype(int64, copy=False)

    def unique_inverse(x):
        values, inverse = unique(x.reshape(-1), return_inverse=True, **nan_kw)
        return values, inverse.reshape(x.shape).astype(int64, copy=False)

    k["unique_all"] = unique_all
    k["unique_counts"] = unique_counts
    k["unique_inverse"] = unique_inverse
    k["unique_values"] = lambda x: unique(x.reshape(-1), **nan_kw)
    k.update(_linalg_overrides(cupy, generic_linalg))
    return k


def _complex_from_parts(cupy, real, imag, dtype):
    """The complex array real + i*imag, built exactly: arithmetic would turn an
    infinite part times the zero of 1j into NaN."""
    pairs = cupy.stack([real, imag], axis=-1)
    return pairs.view(dtype).reshape(real.shape)


def _has_negative_zero(value) -> bool:
    if isinstance(value, complex):
        return math.copysign(1.0, value.real) < 0 or math.copysign(1.0, value.imag) < 0
    return isinstance(value, float) and math.copysign(1.0, value) < 0


# Bodies of ElementwiseKernels for floating-point x1, x2 -> out, following NumPy's
# npy_floor_divide / npy_divmod (fmod based, exact), plus the standard's special cases.
# CuPy's own kernels compute x - floor(x / y) * y in the input precision, which is
# off by whole units for large float32 x and gives NaN for 0 % inf.
_FLOOR_DIVIDE_BODY = """
if (x2 == 0 || isinf(x1) || isinf(x2)) {
    out = x1 / x2;  // +-inf, NaN, or the standard's signed zero for finite / inf
} else {
    T mod = fmod(x1, x2);
    T div = (x1 - mod) / x2;
    if (mod != 0 && ((x2 < 0) != (mod < 0))) div -= 1;
    if (div != 0) {
        T floor_div = floor(div);
        if (div - floor_div > (T)0.5) floor_div += 1;
        out = floor_div;
    } else {
        out = copysign((T)0, x1 / x2);
    }
}
"""

_REMAINDER_BODY = """
T mod = fmod(x1, x2);
if (x2 != 0) {
    if (mod != 0) {
        if ((x2 < 0) != (mod < 0)) mod += x2;
    } else {
        mod = copysign((T)0, x2);
    }
}
out = mod;
"""


# CUDA's hypot overflows to inf for results just below the largest finite number
# (hypot(1, DBL_MAX) is inf there, DBL_MAX in C's libm; it is 1 ulp high near the top,
# so rescaling the operands does not help). Such results are computed again as
# m * sqrt(1 + (n/m)^2), m = max(|x1|, |x2|), n = min, in double precision (float32 then
# cannot overflow at all before its final rounding).
_HYPOT_BODY = """
T h = hypot(x1, x2);
if (isinf(h) && isfinite(x1) && isfinite(x2)) {
    double a = fabs((double)x1), b = fabs((double)x2);
    double m = fmax(a, b), r = fmin(a, b) / m;
    h = (T)(m * sqrt(1.0 + r * r));
}
out = h;
"""


def _float_binary(cupy, name, body):
    """A binary kernel: CuPy's function for integers, ``body`` for floating point."""
    integer_kernel = getattr(cupy, name)
    float_kernel = cupy.ElementwiseKernel(
        "T x1, T x2", "T out", body, f"bridge_{name}"
    )

    def kernel(x1, x2):
        dtype = numpy.result_type(*(a.dtype if hasattr(a, "dtype") else a for a in (x1, x2)))
        if dtype.kind != "f":
            return integer_kernel(x1, x2)
        a = x1.astype(dtype, copy=False) if hasattr(x1, "dtype") else dtype.type(x1)
        b = x2.astype(dtype, copy=False) if hasattr(x2, "dtype") else dtype.type(x2)
        return float_kernel(a, b)

    return kernel


def _linalg_overrides(cupy, generic: dict) -> dict:
    """NumPy raises LinAlgError for singular or indefinite matrices; CuPy returns NaN
    unless asked to check (which reads cuSOLVER's status back to the host)."""
    import cupyx

    k = {}

    def raising(kernel):
        @functools.wraps(kernel)
        def checked(*args, **params):
            with cupyx.errstate(linalg="raise"):
                return kernel(*args, **params)

        return checked

    for name in ("linalg.inv", "linalg.solve", "linalg.cholesky"):
        if name in generic:
            k[name] = raising(generic[name])

    if "linalg.matrix_norm" in generic:
        matrix_norm = generic["linalg.matrix_norm"]

        def matrix_norm_(x, keepdims, ord):  # noqa: A002 - the standard's name
            if 0 in x.shape[-2:]:
                # every norm of an empty matrix is 0 (CuPy's 2-norm takes the max
                # of no singular values and raises)
                shape = x.shape[:-2] + ((1, 1) if keepdims else ())
                real = numpy.float32 if x.dtype in (numpy.float32, numpy.complex64) \
                    else numpy.float64
                return cupy.zeros(shape, dtype=real)
            return matrix_norm(x, keepdims, ord)

        k["linalg.matrix_norm"] = matrix_norm_
    return k


# ---------------------------------------------------------------------- memory


def _memory_kernels(cupy, device_count: int) -> dict:
    from .. import _dtypes

    supported = frozenset(_dtypes.ALL_DTYPES)
    ndarray = cupy.ndarray
    CudaDevice = cupy.cuda.Device  # noqa: N806 - a class

    def check_index(device, func):
        if not 0 <= device.index < device_count:
            raise ValueError(
                f"{func}: device {device} does not exist; this machine has "
                f"{device_count} GPU(s): "
                + ", ".join(f"cuda:{i}" for i in range(device_count))
            )

    def check_dtype(arr, func):
        if arr.dtype not in supported:
            raise TypeError(
                f"{func}: cannot make a tensor of dtype {arr.dtype}; bridge supports the 13 "
                "dtypes of the Array API standard"
            )

    def device_scope(device):
        """Make ``device`` the current GPU for a block (a no-op with one GPU)."""
        check_index(device, "device_scope")
        if device_count == 1:
            return contextlib.nullcontext()
        return CudaDevice(device.index)

    def on_gpu(arr, device, dtype, copy, func):
        """A CuPy array on ``device`` from CuPy array ``arr`` (any GPU)."""
        same_device = arr.device.id == device.index
        cast = dtype is not None and arr.dtype != dtype
        if copy is False and not same_device:
            raise ValueError(
                f"{func}: copy=False, but the data is on cuda:{arr.device.id} and moving it "
                f"to {device} needs a copy"
            )
        if copy is False and cast:
            raise ValueError(f"{func}: copy=False, but casting {arr.dtype} to {dtype} needs a copy")
        if not same_device:
            arr = from_other(arr, device=device)
            copy = None  # the transfer was the copy
        with CudaDevice(device.index):
            if cast:
                arr = arr.astype(dtype)
            elif copy:
                arr = arr.copy()
        check_dtype(arr, func)
        return arr

    def host_array(obj, dtype, func):
        """``obj`` (scalar, sequence, NumPy array, buffer) as a validated NumPy array,
        by the same rules as the CPU path of ``bridge.asarray``."""
        if obj.__class__ in _PY_SCALARS:
            if dtype is None:
                dtype = default_dtype_of_scalar(obj)
            elif isinstance(obj, complex) and dtype.kind != "c":
                raise TypeError(f"{func}: cannot store complex {obj!r} in dtype {dtype}")
            elif isinstance(obj, float) and dtype.kind in "biu":
                raise TypeError(f"{func}: cannot store float {obj!r} in dtype {dtype}")
        elif dtype is None and isinstance(obj, (list, tuple)):
            dtype = sequence_dtype(obj)
        return _host.host_array(obj, dtype, None, func)

    def cuda_dlpack_device(obj):
        """(device id) when ``obj`` is a DLPack producer on a CUDA device, else None."""
        probe = getattr(obj, "__dlpack_device__", None)
        if probe is None or not hasattr(obj, "__dlpack__"):
            return None
        try:
            dev_type, dev_id = probe()
        except Exception:  # a producer that cannot say: not a GPU one
            return None
        return int(dev_id) if int(dev_type) in (KDL_CUDA, KDL_CUDA_MANAGED) else None

    def asarray(obj, dtype=None, copy=None, device=None):
        func = "asarray"
        check_index(device, func)
        if isinstance(obj, ndarray):
            return on_gpu(obj, device, dtype, copy, func)
        if hasattr(obj, "__cuda_array_interface__"):
            with CudaDevice(device.index):
                return on_gpu(cupy.asarray(obj), device, dtype, copy, func)
        if cuda_dlpack_device(obj) is not None:
            return on_gpu(cupy.from_dlpack(obj), device, dtype, copy, func)
        if copy is False:
            raise ValueError(
                f"{func}: copy=False, but {type(obj).__name__} lives in host memory and "
                f"putting it on {device} needs a copy"
            )
        # an explicit byte copy: cupy.asarray fills 0-d zeros with memset, losing -0.0
        return from_other(host_array(obj, dtype, func), device=device)

    def to_host(raw, stream=None):
        """An explicit copy of GPU array ``raw`` into a new NumPy array."""
        if stream is None:
            return raw.get()
        return raw.get(stream=as_stream(stream, "to_device"))

    def from_other(raw, device=None, stream=None):
        """An explicit copy of ``raw`` (NumPy array, or CuPy array on another GPU)
        onto GPU ``device``."""
        check_index(device, "to_device")
        ctx = as_stream(stream, "to_device") if stream is not None else contextlib.nullcontext()
        if isinstance(raw, ndarray):
            # CuPy copies between GPUs only from contiguous memory
            with raw.device:
                src = cupy.ascontiguousarray(raw)
            with CudaDevice(device.index), ctx:
                return src.copy()
        # (not numpy.ascontiguousarray, which turns a 0-d array into a 1-d one)
        host = raw if raw.flags.c_contiguous else raw.copy(order="C")
        with CudaDevice(device.index), ctx:
            out = cupy.empty(host.shape, dtype=host.dtype)
            out.set(host)
            return out

    def as_stream(stream, func):
        """A CuPy stream object for the ``stream`` argument of ``to_device``."""
        if hasattr(stream, "ptr") and hasattr(stream, "use"):  # a CuPy stream
            return stream
        ptr = getattr(stream, "cuda_stream", stream)  # a PyTorch stream carries its handle
        if isinstance(ptr, int) and not isinstance(ptr, builtins.bool) and ptr > 0:
            with warnings.catch_warnings():
                # CuPy 14 deprecates ExternalStream in favour of Stream.from_external,
                # which takes objects with __cuda_stream__, not the raw handles that
                # the standard's stream argument carries
                warnings.simplefilter("ignore", DeprecationWarning)
                return cupy.cuda.ExternalStream(ptr)
        raise TypeError(
            f"{func}: stream={stream!r} is not a CUDA stream; pass a CuPy or PyTorch stream "
            "or a stream pointer (int > 0)"
        )

    def from_dlpack(x, device=None, copy=None):
        func = "from_dlpack"
        check_index(device, func)
        source_id = cuda_dlpack_device(x)
        if source_id is not None:
            if source_id != device.index and copy is False:
                raise BufferError(
                    f"{func}: copy=False, but the data is on cuda:{source_id} and moving it to "
                    f"{device} needs a copy"
                )
            with CudaDevice(source_id):
                # copy=False goes to the producer, which must refuse what needs a copy;
                # copy=True is made here (CuPy producers refuse it on their own device)
                arr = cupy.from_dlpack(x, copy=False) if copy is False else cupy.from_dlpack(x)
            check_dtype(arr, func)
            if source_id != device.index:
                return from_other(arr, device=device)
            if copy:
                with CudaDevice(device.index):
                    arr = arr.copy()
            return arr
        dev_type = int(x.__dlpack_device__()[0])
        if dev_type not in (KDL_CPU, KDL_CUDA_HOST):
            raise BufferError(f"{func}: DLPack device type {dev_type} cannot be read by CuPy")
        if copy is False:
            raise BufferError(
                f"{func}: copy=False, but the data is in host memory and moving it to {device} "
                "needs a copy"
            )
        host = numpy.from_dlpack(x)
        check_dtype(host, func)
        return from_other(host, device=device)

    def consumer_stream(stream):
        """The standard's CUDA ``stream`` argument, checked: None means the legacy
        default stream; 0 is ambiguous and disallowed; -1 means no synchronisation."""
        if stream is None:
            return STREAM_LEGACY_DEFAULT
        if not isinstance(stream, int) or isinstance(stream, builtins.bool):
            raise TypeError(
                f"__dlpack__: stream must be None or an int on CUDA, got {type(stream).__name__}"
            )
        if stream == 0 or stream < STREAM_NO_SYNC:
            raise ValueError(
                f"__dlpack__: stream={stream} is not allowed on CUDA; use None or 1 (legacy "
                "default stream), 2 (per-thread default stream), -1 (no synchronisation) or "
                "a stream pointer"
            )
        return stream

    def synchronise_consumer(stream):
        """Make the consumer's stream wait for the work queued on CuPy's current stream
        (where bridge computes), with an event rather than a host-side wait."""
        if stream == STREAM_NO_SYNC:
            return
        current = cupy.cuda.get_current_stream()
        current_ptr = current.ptr or STREAM_LEGACY_DEFAULT  # 0 is CuPy's legacy null stream
        if stream == current_ptr:
            return
        event = current.record()
        # the consumer's stream is a raw handle (1 and 2 are CUDA's legacy and
        # per-thread default streams): wait on it through the runtime directly
        cupy.cuda.runtime.streamWaitEvent(stream, event.ptr)

    def versioned(max_version):
        return max_version is not None and int(max_version[0]) >= 1

    def to_dlpack(raw, stream=None, max_version=None, dl_device=None, copy=None):
        """``Tensor.__dlpack__`` of a GPU tensor."""
        if copy not in (None, True, False):
            raise ValueError(f"__dlpack__: copy must be None, True or False, got {copy!r}")
        if dl_device is not None:
            dl_type, dl_id = (int(v) for v in dl_device)
            if dl_type == KDL_CPU:
                if copy is False:
                    raise BufferError(
                        "__dlpack__: dl_device=(kDLCPU, 0) needs a copy from the GPU, but "
                        "copy=False"
                    )
                if stream is not None:
                    raise ValueError(
                        "__dlpack__: a stream is meaningless for a CPU consumer; pass "
                        "stream=None with dl_device=(kDLCPU, 0)"
                    )
                host = raw.get()  # blocking: the data is complete on return
                if versioned(max_version):
                    # NumPy marks its copy IS_COPIED; the extra host copy is cheap next
                    # to the transfer and is the only way to set the flag from Python.
                    return host.__dlpack__(max_version=tuple(max_version), copy=True)
                return host.__dlpack__()
            if dl_type != KDL_CUDA or dl_id != raw.device.id:
                raise BufferError(
                    f"__dlpack__: cannot export a tensor on cuda:{raw.device.id} to DLPack "
                    f"device {tuple(dl_device)}; move it with .to_device() first"
                )
        stream = consumer_stream(stream)
        with raw.device:
            capsule = export_cuda(raw, max_version, copy)
            # after the export, so that a copy it queued is covered by the event
            synchronise_consumer(stream)
        return capsule

    def export_cuda(raw, max_version, copy):
        if copy:
            # CuPy's __dlpack__ copies only to the CPU: copy here, on the current stream
            raw = raw.copy()
        if versioned(max_version):
            capsule = raw.__dlpack__(stream=STREAM_NO_SYNC, max_version=tuple(max_version))
            if copy:
                _set_capsule_flag(capsule, DLPACK_FLAG_IS_COPIED)
            return capsule
        return raw.__dlpack__(stream=STREAM_NO_SYNC)  # legacy: no flags to carry

    return {
        "asarray": asarray,
        "to_host": to_host,
        "from_other": from_other,
        "from_dlpack": from_dlpack,
        "to_dlpack": to_dlpack,
        "device_scope": device_scope,
    }

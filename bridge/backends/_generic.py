"""Kernels written once against a NumPy-like module ``xp`` (NumPy or CuPy).

``make_kernels(xp)`` returns the kernel table keyed by the registry's op names. The
dispatcher has already validated arguments, normalised axes and chosen result dtypes;
a kernel computes. Where NumPy's own function deviates from the Array API standard,
the kernel here says how and corrects it.
"""

from __future__ import annotations

# Standard name -> NumPy ufunc name, where they differ
_RENAMED = {
    "acos": "arccos",
    "acosh": "arccosh",
    "asin": "arcsin",
    "asinh": "arcsinh",
    "atan": "arctan",
    "atanh": "arctanh",
    "atan2": "arctan2",
    "bitwise_invert": "invert",
    "bitwise_left_shift": "left_shift",
    "bitwise_right_shift": "right_shift",
    "conj": "conjugate",
    "pow": "power",
}

_DIRECT_UNARY = (
    "abs acos acosh asin asinh atan atanh bitwise_invert conj cos cosh exp exp2 expm1 isfinite "
    "isinf isnan log log1p log2 log10 logical_not negative positive reciprocal sign signbit "
    "sin sinh sqrt square tan tanh"
).split()

_DIRECT_BINARY = (
    "add atan2 bitwise_and bitwise_left_shift bitwise_or bitwise_right_shift bitwise_xor "
    "copysign divide equal greater greater_equal hypot less less_equal logaddexp logical_and "
    "logical_or logical_xor maximum minimum multiply nextafter not_equal pow remainder subtract"
).split()


def make_kernels(xp) -> dict:
    """The kernel table for array module ``xp``."""
    k: dict = {}
    for name in _DIRECT_UNARY + _DIRECT_BINARY:
        k[name] = getattr(xp, _RENAMED.get(name, name))

    # ------------------------------------------------------------ elementwise fixes

    def rounding(func):
        def kernel(x):
            # integers are already whole: the standard keeps their dtype
            if x.dtype.kind in "biu":
                return x.copy()
            return func(x)

        return kernel

    k["ceil"] = rounding(xp.ceil)
    k["floor"] = rounding(xp.floor)
    k["trunc"] = rounding(xp.trunc)
    k["round"] = rounding(xp.round)

    def real(x):
        return xp.real(x).copy()

    def imag(x):
        if x.dtype.kind != "c":
            return xp.zeros_like(x)
        return xp.imag(x).copy()

    k["real"] = real
    k["imag"] = imag

    def floor_divide(x1, x2):
        with _quiet(xp):
            return _floor_divide(x1, x2)

    def _floor_divide(x1, x2):
        out = xp.floor_divide(x1, x2)
        if out.dtype.kind != "f":
            return out
        # NumPy returns NaN for inf // finite and -1/0 for finite // inf; the standard
        # asks for the sign-correct infinity or zero, which is what true division
        # gives in exactly those cases (inf // inf stays NaN either way).
        a = xp.asarray(x1, dtype=out.dtype)
        b = xp.asarray(x2, dtype=out.dtype)
        special = xp.isinf(a) | xp.isinf(b)
        if special.any():
            out = xp.where(special, xp.divide(a, b), out)
        return out

    k["floor_divide"] = floor_divide

    def expm1(x):
        if x.dtype.kind != "c":
            return xp.expm1(x)
        with _quiet(xp):
            out = xp.expm1(x)
        # NumPy's complex expm1 gets the infinities and NaNs of the standard's table
        # wrong; exp(z) - 1 is exact there (C99 cexp rules, minus a real 1 that keeps
        # the sign of a zero imaginary part).
        special = ~xp.isfinite(x)
        if special.any():
            with _quiet(xp):
                out = xp.where(special, xp.exp(x) - 1, out)
        # the standard: expm1(+-0 + 0j) is +0 + 0j (NumPy keeps the -0; a -0 real part is
        # never the answer, expm1 being conjugate-symmetric)
        return complex_of(out.real + 0, out.imag, x)

    def complex_of(re, im, like):
        # re + im j with both parts exact (arithmetic with 1j would drop a zero's sign)
        out = xp.empty_like(like)
        out.real, out.imag = re, im
        return out

    def tanh(x):
        if x.dtype.kind != "c":
            return xp.tanh(x)
        with _quiet(xp):
            out = xp.tanh(x)
        # the standard: tanh(+-inf + iy), y finite, is +-1 with a zero imaginary part of
        # y's sign (C99, and so NumPy, take the sign of sin(2y))
        edge = xp.isinf(x.real) & xp.isfinite(x.imag)
        if edge.any():
            fixed = complex_of(xp.copysign(1, x.real), xp.copysign(0, x.imag), x)
            out = xp.where(edge, fixed, out)
        return out

    def tan(x):
        if x.dtype.kind != "c":
            return xp.tan(x)
        with _quiet(xp):
            out = xp.tan(x)
        # tan(z) = -i tanh(iz) where a part is infinite or NaN, the rotations exact
        special = ~xp.isfinite(x)
        if special.any():
            # (the table's tanh: a backend's own fixes of it apply here too)
            w = k["tanh"](complex_of(-x.imag, x.real, x))
            out = xp.where(special, complex_of(w.imag, -w.real, x), out)
        return out

    def sign(x):
        out = xp.sign(x)
        if x.dtype.kind != "c":
            return out
        # the standard: NaN in either component gives NaN + NaN j (NumPy gives 0 + 1j
        # for nan + inf j, from |z| = inf)
        nan_parts = xp.isnan(x)
        if nan_parts.any():
            out = xp.where(nan_parts, xp.asarray(complex(xp.nan, xp.nan), dtype=x.dtype), out)
        return out

    k["expm1"] = expm1
    k["tanh"] = tanh
    k["tan"] = tan
    k["sign"] = sign

    def pow_(x1, x2):
        if (x2.__class__ is int and x2 == 2 and x1.dtype.kind in "iuf") or (
                x2.__class__ is float and x2 == 2.0 and x1.dtype.kind == "f"):
            # x ** 2 is the correctly rounded x * x, which square computes with no
            # exponent to convert and promote (NumPy's own ``x ** 2`` takes it too)
            return xp.square(x1)
        out = xp.power(x1, x2)
        if out.dtype.kind != "f" or x2.__class__ is int or (
                x2.__class__ is not float and getattr(x2, "dtype", None) is not None
                and x2.dtype.kind in "biu"):
            # an integer exponent takes no sqrt shortcut: C99 pow is already right
            return out
        # NumPy's power takes a sqrt shortcut for an exponent of 0.5, which gives NaN
        # for -inf and -0 for -0; the standard asks for +inf and +0 whenever x2 > 0
        # is not an odd integer.
        a = xp.asarray(x1, dtype=out.dtype)
        b = xp.asarray(x2, dtype=out.dtype)
        negative_edge = (a == -xp.inf) | ((a == 0) & xp.signbit(a))
        if not negative_edge.any():
            return out
        with _quiet(xp):
            odd_integer = (b == xp.floor(b)) & (xp.remainder(b, 2) == 1)
        fix = negative_edge & (b > 0) & ~odd_integer
        return xp.where(fix, xp.where(a == 0, xp.asarray(0.0, dtype=out.dtype), xp.inf), out)

    k["pow"] = pow_

    def clip(x, *bounds, min=None, max=None):  # noqa: A002
        bounds = list(bounds)
        lo = bounds.pop(0) if isinstance(min, str) else min
        hi = bounds.pop(0) if isinstance(max, str) else max
        out = x.copy()
        # maximum/minimum propagate NaN from either side, as the standard asks
        if lo is not None:
            out = xp.maximum(out, lo).astype(x.dtype, copy=False)
        if hi is not None:
            out = xp.minimum(out, hi).astype(x.dtype, copy=False)
        return xp.broadcast_to(out, x.shape).copy() if out.shape != x.shape else out

    k["clip"] = clip

    # ------------------------------------------------------------ creation

    k["asarray"] = lambda obj, dtype=None, copy=None: xp.asarray(obj, dtype=dtype) \
        if copy is None else xp.array(obj, dtype=dtype, copy=copy)
    # called as kernel(shape, dtype=dtype): the library's own functions, no wrapper frame
    k["empty"] = xp.empty
    k["zeros"] = xp.zeros
    k["ones"] = xp.ones
    k["full"] = lambda shape, fill_value, dtype: xp.full(shape, fill_value, dtype=dtype)

    def arange(start, stop, step, dtype):
        # NumPy sizes the result as ceil((stop - start) / step), as the standard does
        return xp.arange(start, stop, step, dtype=dtype)

    k["arange"] = arange
    k["eye"] = lambda n_rows, n_cols, k_, dtype: xp.eye(n_rows, n_cols, k=k_, dtype=dtype)

    float64 = xp.dtype("float64") if xp.__name__ == "numpy" else None
    python_reals = (int, float, bool)

    def linspace(start, stop, num, dtype, endpoint):
        if dtype is float64 and start.__class__ in python_reals \
                and stop.__class__ in python_reals:
            # NumPy's own dtype for Python real bounds is float64: without dtype= it
            # skips its integer-dtype test and the final cast (the same array)
            return xp.linspace(start, stop, num, endpoint=endpoint)
        return xp.linspace(start, stop, num, dtype=dtype, endpoint=endpoint)

    k["linspace"] = linspace
    k["tril"] = lambda x, k_: xp.tril(x, k=k_)
    k["triu"] = lambda x, k_: xp.triu(x, k=k_)
    k["meshgrid"] = lambda *arrays, indexing: tuple(
        a.copy() for a in xp.meshgrid(*arrays, indexing=indexing)
    )

    def astype(x, dtype, copy):
        return x.astype(dtype, copy=copy)

    k["astype"] = astype

    def copyto(dst, src):
        # in-place write of an already broadcast-compatible value
        dst[...] = src

    k["copyto"] = copyto

    # ------------------------------------------------------------ indexing

    k["getitem"] = lambda x, key: x[key]

    def setitem(x, value, key):
        x[key] = value

    k["setitem"] = setitem
    k["take"] = lambda x, indices, axis: x.take(indices, axis=axis)  # (the method: no wrapper)
    k["take_along_axis"] = lambda x, indices, axis: xp.take_along_axis(x, indices, axis=axis)

    # ------------------------------------------------------------ linear algebra

    matmul = xp.matmul

    def matmul_(x1, x2):
        # ndarray.dot is the same product for two matrices and skips matmul's
        # gufunc machinery, a third of the cost of a small product
        if x1.ndim == 2 and x2.ndim == 2:
            return x1.dot(x2)
        if x1.ndim > 2 and x2.ndim >= 2 and x1.shape[-1] == 1 and x2.shape[-2] == 1:
            # stacks of outer products (a contracted length of 1: per-example weight
            # gradients): one product per element, so the broadcast multiply is the same
            # result, and twice as fast as a matrix product per stack element
            return xp.multiply(x1, x2)
        return matmul(x1, x2)

    k["matmul"] = matmul_
    k["matrix_transpose"] = lambda x: xp.swapaxes(x, -1, -2)
    k["tensordot"] = lambda x1, x2, axes: xp.tensordot(x1, x2, axes=axes)

    def vecdot(x1, x2, axis):
        # the standard conjugates x1 (sum over conj(x1) * x2)
        if x1.dtype.kind == "c":
            x1 = xp.conj(x1)
        product = x1 * x2
        # the promoted dtype, not sum's default accumulator (uint8 stays uint8)
        return xp.sum(product, axis=axis, dtype=product.dtype)

    k["vecdot"] = vecdot

    # ------------------------------------------------------------ manipulation

    k["broadcast_to"] = lambda x, shape: xp.broadcast_to(x, shape)
    k["broadcast_arrays"] = lambda *arrays: tuple(xp.broadcast_arrays(*arrays))

    def concat(*arrays, axis, dtype):
        if axis is None:
            arrays = [a.reshape(-1) for a in arrays]
            axis = 0
        return xp.concatenate(arrays, axis=axis, dtype=dtype)

    k["concat"] = concat
    def expand_dims(x, axis):
        # NumPy's expand_dims is this reshape (the axes come normalised and checked);
        # calling the method skips its Python-level argument handling
        shape = x.shape
        if axis.__class__ is int:
            return x.reshape(shape[:axis] + (1,) + shape[axis:])
        shape = list(shape)
        for a in sorted(axis):
            shape.insert(a, 1)
        return x.reshape(shape)

    k["expand_dims"] = expand_dims
    k["flip"] = lambda x, axis: xp.flip(x, axis=axis)
    k["moveaxis"] = lambda x, source, destination: xp.moveaxis(x, source, destination)
    k["permute_dims"] = lambda x, axes: xp.transpose(x, axes)

    def repeat(x, *repeats_array, repeats=None, axis=None):
        reps = repeats_array[0].astype(xp.int64) if repeats_array else repeats
        return xp.repeat(x, reps, axis=axis)

    k["repeat"] = repeat

    def reshape(x, shape, copy):
        # the array's own method: xp.reshape(x, shape) without its Python wrapper
        if copy is None:
            return x.reshape(shape)
        if copy:
            return x.reshape(shape).copy()
        out = x.reshape(shape)
        if copy is False and not _shares_memory(xp, out, x):
            raise ValueError("reshape: copy=False, but this reshape needs a copy")
        return out

    k["reshape"] = reshape
    k["roll"] = lambda x, shift, axis: xp.roll(x, shift, axis=axis)
    k["squeeze"] = lambda x, axis: xp.squeeze(x, axis=axis)
    k["stack"] = lambda *arrays, axis: xp.stack(arrays, axis=axis)
    k["tile"] = lambda x, repetitions: xp.tile(x, repetitions)
    k["unstack"] = lambda x, axis: tuple(xp.moveaxis(x, axis, 0))

    # ------------------------------------------------------------ searching

    k["argmax"] = lambda x, axis, keepdims: xp.argmax(x, axis=axis, keepdims=keepdims)
    k["argmin"] = lambda x, axis, keepdims: xp.argmin(x, axis=axis, keepdims=keepdims)
    k["count_nonzero"] = lambda x, axis, keepdims: xp.asarray(
        xp.count_nonzero(x, axis=axis, keepdims=keepdims), dtype=xp.int64
    )
    k["nonzero"] = lambda x: tuple(i.astype(xp.int64, copy=False) for i in xp.nonzero(x))

    def searchsorted(x1, x2, *sorter, side):
        out = xp.searchsorted(x1, x2, side=side, sorter=sorter[0] if sorter else None)
        return out.astype(xp.int64, copy=False)

    k["searchsorted"] = searchsorted

    def where(condition, x1, x2):
        return xp.where(condition, x1, x2)

    k["where"] = where

    # ------------------------------------------------------------ sets

    def unique_all(x):
        flat = x.reshape(-1)
        values, indices, inverse, counts = xp.unique(
            flat, return_index=True, return_inverse=True, return_counts=True, equal_nan=False
        )
        return (
            values,
            indices.astype(xp.int64, copy=False),
            inverse.reshape(x.shape).astype(xp.int64, copy=False),
            counts.astype(xp.int64, copy=False),
        )

    def unique_counts(x):
        values, counts = xp.unique(x.reshape(-1), return_counts=True, equal_nan=False)
        return values, counts.astype(xp.int64, copy=False)

    def unique_inverse(x):
        values, inverse = xp.unique(x.reshape(-1), return_inverse=True, equal_nan=False)
        return values, inverse.reshape(x.shape).astype(xp.int64, copy=False)

    k["unique_all"] = unique_all
    k["unique_counts"] = unique_counts
    k["unique_inverse"] = unique_inverse
    k["unique_values"] = lambda x: xp.unique(x.reshape(-1), equal_nan=False)
    k["isin"] = lambda x1, x2, invert: xp.isin(x1, x2, invert=invert)

    # ------------------------------------------------------------ sorting

    def argsort(x, axis, descending, stable):
        kind = "stable" if stable else None
        if not descending:
            return xp.argsort(x, axis=axis, kind=kind).astype(xp.int64, copy=False)
        # Descending and still stable: sort the reversed array ascending, then map the
        # positions back and reverse, so equal elements keep their original order.
        n = x.shape[axis]
        rev = xp.flip(x, axis=axis)
        idx = xp.argsort(rev, axis=axis, kind="stable")
        idx = (n - 1) - xp.flip(idx, axis=axis)
        return idx.astype(xp.int64, copy=False)

    def sort(x, axis, descending, stable):
        kind = "stable" if stable else None
        out = xp.sort(x, axis=axis, kind=kind)
        if descending:
            out = xp.flip(out, axis=axis).copy()
        return out

    k["argsort"] = argsort
    k["sort"] = sort

    # ------------------------------------------------------------ statistics

    k["mean"] = lambda x, axis, keepdims: xp.mean(x, axis=axis, keepdims=keepdims)
    k["var"] = lambda x, axis, correction, keepdims: xp.var(x, axis=axis, ddof=correction,
                                                            keepdims=keepdims)
    k["std"] = lambda x, axis, correction, keepdims: xp.std(x, axis=axis, ddof=correction,
                                                            keepdims=keepdims)
    k["sum"] = lambda x, axis, dtype, keepdims: xp.sum(x, axis=axis, dtype=dtype,
                                                       keepdims=keepdims)
    k["prod"] = lambda x, axis, dtype, keepdims: xp.prod(x, axis=axis, dtype=dtype,
                                                         keepdims=keepdims)
    k["max"] = lambda x, axis, keepdims: xp.max(x, axis=axis, keepdims=keepdims)
    k["min"] = lambda x, axis, keepdims: xp.min(x, axis=axis, keepdims=keepdims)
    k["all"] = lambda x, axis, keepdims: xp.all(x, axis=axis, keepdims=keepdims)
    k["any"] = lambda x, axis, keepdims: xp.any(x, axis=axis, keepdims=keepdims)
    if xp.__name__ == "numpy":
        k.update(_numpy_reductions(xp))

    def cumulative(func, initial):
        def kernel(x, axis, dtype, include_initial):
            out = func(x, axis=axis, dtype=dtype)
            if include_initial:
                shape = list(out.shape)
                shape[axis] = 1
                first = xp.full(shape, initial, dtype=out.dtype)
                out = xp.concatenate([first, out], axis=axis)
            return out

        return kernel

    k["cumulative_sum"] = cumulative(xp.cumsum, 0)
    k["cumulative_prod"] = cumulative(xp.cumprod, 1)

    def diff(x, *extra, axis, n, has_prepend, has_append):
        extra = list(extra)
        prepend = extra.pop(0) if has_prepend else None
        append = extra.pop(0) if has_append else None
        parts = [p for p in (prepend, x, append) if p is not None]
        if len(parts) > 1:
            x = xp.concatenate(parts, axis=axis)
        return xp.diff(x, n=n, axis=axis)

    k["diff"] = diff
    return k


def _quiet(xp):
    """NumPy's floating-point warnings off inside kernels that produce the standard's
    IEEE special values on purpose (CuPy has no such state)."""
    errstate = getattr(xp, "errstate", None)
    if errstate is None:
        import contextlib

        return contextlib.nullcontext()
    return errstate(all="ignore")


def _shares_memory(xp, a, b) -> bool:
    try:
        return bool(xp.shares_memory(a, b)) or a.size == 0
    except (AttributeError, TypeError):
        return a.data.ptr == b.data.ptr if hasattr(a, "data") else False


def _numpy_reductions(np):
    """NumPy's reductions as the ufunc reductions its Python wrappers end in (np.sum,
    np.max, np.mean, np.std, ... cost 1-6 us on small arrays, most of it in
    ``fromnumeric`` and ``_methods``): the same ufunc calls in the same order, so the
    results are NumPy's bit for bit. ``out=...`` makes a full reduction return a 0-d
    array instead of a scalar."""
    add, multiply = np.add.reduce, np.multiply.reduce
    maximum, minimum = np.maximum.reduce, np.minimum.reduce
    every, some = np.logical_and.reduce, np.logical_or.reduce
    true_divide, subtract, square, sqrt = np.true_divide, np.subtract, np.multiply, np.sqrt
    intp, mean_of, var_of, std_of = np.intp, np.mean, np.var, np.std

    def count(x, axis):
        if axis is None:
            return x.size
        if axis.__class__ is int:
            return x.shape[axis]
        n = 1
        for a in axis:
            n *= x.shape[a]
        return n

    def mean(x, axis, keepdims):
        n = count(x, axis)
        if n == 0 or x.ndim == 0 or x.dtype.kind not in "fc":
            return mean_of(x, axis=axis, keepdims=keepdims)  # NumPy's warning and NaN
        total = add(x, axis=axis, keepdims=keepdims, out=...)
        return true_divide(total, intp(n), out=total, casting="unsafe")

    def var(x, axis, correction, keepdims):
        # numpy._core._methods._var: the mean kept as a broadcastable array, squared
        # deviations in place, their sum divided by max(n - correction, 0)
        n = count(x, axis)
        if n - correction <= 0 or x.ndim == 0 or x.dtype.kind != "f":
            return var_of(x, axis=axis, ddof=correction, keepdims=keepdims)
        centre = add(x, axis=axis, keepdims=True, out=...)
        centre = true_divide(centre, intp(n), out=centre, casting="unsafe")
        deviations = subtract(x, centre)
        deviations = square(deviations, deviations, out=deviations)
        total = add(deviations, axis=axis, keepdims=keepdims, out=...)
        return true_divide(total, intp(n) - correction, out=total, casting="unsafe")

    def std(x, axis, correction, keepdims):
        n = count(x, axis)
        if n - correction <= 0 or x.ndim == 0 or x.dtype.kind != "f":
            return std_of(x, axis=axis, ddof=correction, keepdims=keepdims)
        out = var(x, axis, correction, keepdims)
        return sqrt(out, out=out)

    return {
        "sum": lambda x, axis, dtype, keepdims: add(x, axis=axis, dtype=dtype,
                                                    keepdims=keepdims, out=...),
        "prod": lambda x, axis, dtype, keepdims: multiply(x, axis=axis, dtype=dtype,
                                                          keepdims=keepdims, out=...),
        "max": lambda x, axis, keepdims: maximum(x, axis=axis, keepdims=keepdims, out=...),
        "min": lambda x, axis, keepdims: minimum(x, axis=axis, keepdims=keepdims, out=...),
        "all": lambda x, axis, keepdims: every(x, axis=axis, keepdims=keepdims, out=...),
        "any": lambda x, axis, keepdims: some(x, axis=axis, keepdims=keepdims, out=...),
        "argmax": lambda x, axis, keepdims: x.argmax(axis=axis, keepdims=keepdims),
        "argmin": lambda x, axis, keepdims: x.argmin(axis=axis, keepdims=keepdims),
        "mean": mean, "var": var, "std": std,
    }

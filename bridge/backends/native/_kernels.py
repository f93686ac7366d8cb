"""Native kernels assembled in Python around the C entry points.

Each function here has the signature and semantics of the numpy backend's kernel of
the same name (bridge/backends/_generic.py): the axis normalisation, dtype choice and
keepdims reshaping are a few lines of Python; the loops over the data are C. Where the
C entry point declines an input (it returns None: an unusual dtype or layout), the
numpy kernel runs instead on the same arguments.
"""

from __future__ import annotations

import numpy as np

_DEFAULT_INT = np.dtype(np.int64)
_DEFAULT_UINT = np.dtype(np.uint64)


def _accumulator(x, dtype):
    """NumPy's default accumulator dtype for sum/prod/cumsum/cumprod."""
    if dtype is not None:
        return np.dtype(dtype)
    if x.dtype.kind in "bi":
        return _DEFAULT_INT
    if x.dtype.kind == "u":
        return _DEFAULT_UINT
    return x.dtype


def _axes(axis, ndim):
    if axis is None:
        return None
    if isinstance(axis, (int, np.integer)):
        axis = (axis,)
    return tuple(sorted(int(a) % ndim if ndim else 0 for a in axis))


def _keepdims_shape(shape, axes):
    reduced = range(len(shape)) if axes is None else axes
    return tuple(1 if d in reduced else n for d, n in enumerate(shape))


def composite_kernels(native, numpy_kernels: dict) -> dict:
    """name -> kernel for the reductions, statistics and scans."""
    reduce_c = native.reduce
    op_sum, op_prod, op_max, op_min, op_count = range(len(native.REDUCE_OPS))
    binary = native.binary
    opcode = {name: i for i, name in enumerate(native.BINARY_OPS)}
    unary_code = {name: i for i, name in enumerate(native.UNARY_OPS)}

    def c_binary(name, a, b):
        return binary(opcode[name], numpy_kernels[name], a, b)

    def c_unary(name, a):
        return native.unary(unary_code[name], numpy_kernels[name], a)

    def reduction(x, op, axes, keepdims):
        """The C reduction of x over normalised axes, or None if it declines."""
        if axes == ():
            return None
        out = reduce_c(op, x, axes)
        if out is None:
            return None
        if keepdims:
            out = out.reshape(_keepdims_shape(x.shape, axes))
        return out

    def make_sum_prod(name, op):
        fallback = numpy_kernels[name]

        def kernel(x, axis=None, dtype=None, keepdims=False):
            acc = _accumulator(x, dtype)
            axes = _axes(axis, x.ndim)
            data = x if x.dtype == acc else x.astype(acc)
            out = reduction(data, op, axes, keepdims) if data.dtype.kind != "b" else None
            if out is None:
                return fallback(x, axis=axis, dtype=dtype, keepdims=keepdims)
            return out

        kernel.__name__ = name
        return kernel

    def make_extremum(name, op):
        fallback = numpy_kernels[name]

        def kernel(x, axis=None, keepdims=False):
            axes = _axes(axis, x.ndim)
            if x.dtype.kind == "b":
                # max of bools is any, min is all: reduce their bytes (0 or 1)
                out = reduction(x.view(np.uint8), op, axes, keepdims)
                if out is not None:
                    return out.view(np.bool_)
            else:
                out = reduction(x, op, axes, keepdims)
                if out is not None:
                    return out
            return fallback(x, axis=axis, keepdims=keepdims)

        kernel.__name__ = name
        return kernel

    def truth(x):
        return x if x.dtype.kind == "b" else c_binary("not_equal", x, 0)

    def make_all_any(name, op):
        fallback = numpy_kernels[name]

        def kernel(x, axis=None, keepdims=False):
            axes = _axes(axis, x.ndim)
            b = truth(x)
            out = reduction(b.view(np.uint8), op, axes, keepdims) if b.ndim else None
            if out is None:
                return fallback(x, axis=axis, keepdims=keepdims)
            # an empty all() reduces to the min identity 255: any nonzero byte is True
            return c_binary("not_equal", out, 0)

        kernel.__name__ = name
        return kernel

    def count_nonzero(x, axis=None, keepdims=False):
        axes = _axes(axis, x.ndim)
        out = reduction(truth(x), op_count, axes, keepdims) if x.ndim else None
        if out is None:
            return numpy_kernels["count_nonzero"](x, axis=axis, keepdims=keepdims)
        return out

    def reduced_count(x, axes):
        n = 1
        for d in range(x.ndim) if axes is None else axes:
            n *= x.shape[d]
        return n

    def mean(x, axis=None, keepdims=False):
        axes = _axes(axis, x.ndim)
        total = reduction(x, op_sum, axes, keepdims) if x.dtype.kind in "fc" else None
        if total is None:
            return numpy_kernels["mean"](x, axis=axis, keepdims=keepdims)
        # NumPy divides the sum by the count in the sum's dtype (0/0 gives NaN)
        return c_binary("divide", total, reduced_count(x, axes))

    def variance(x, axes, correction, keepdims):
        """NumPy's algorithm: mean, squared deviations, their sum over n - correction."""
        total = reduction(x, op_sum, axes, True)
        if total is None:
            return None
        n = reduced_count(x, axes)
        centred = c_binary("subtract", x, c_binary("divide", total, n))
        squares = c_binary("multiply", centred, centred)
        out = reduction(squares, op_sum, axes, keepdims)
        return c_binary("divide", out, max(n - correction, 0))

    def var(x, axis=None, correction=0.0, keepdims=False):
        axes = _axes(axis, x.ndim)
        out = variance(x, axes, correction, keepdims) if x.dtype.kind == "f" and axes != () \
            else None
        if out is None:
            return numpy_kernels["var"](x, axis=axis, correction=correction, keepdims=keepdims)
        return out

    def std(x, axis=None, correction=0.0, keepdims=False):
        axes = _axes(axis, x.ndim)
        out = variance(x, axes, correction, keepdims) if x.dtype.kind == "f" and axes != () \
            else None
        if out is None:
            return numpy_kernels["std"](x, axis=axis, correction=correction, keepdims=keepdims)
        return c_unary("sqrt", out)

    def make_arg(name, is_max):
        fallback = numpy_kernels[name]

        def kernel(x, axis=None, keepdims=False):
            if x.size < 4096 or x.dtype.kind == "c":
                # small inputs (no threads to gain) and complex ones: NumPy's loop, whose
                # call costs less than arranging the lines for the C kernel
                return fallback(x, axis=axis, keepdims=keepdims)
            if axis is None:
                lines = x.reshape(1, -1)
                out_shape = (1,) * x.ndim if keepdims else ()
            else:
                axis = int(axis) % x.ndim
                if axis == x.ndim - 1:
                    lines = x
                else:  # the reduced axis last (a transposed view)
                    order = list(range(x.ndim))
                    del order[axis]
                    order.append(axis)
                    lines = x.transpose(order)
                if keepdims:
                    kept = list(x.shape)
                    kept[axis] = 1
                    out_shape = tuple(kept)
                else:
                    out_shape = lines.shape[:-1]
            out = np.empty(lines.shape[:-1] + (1,), dtype=np.int64)
            if native.arg_reduce(is_max, lines, out) is None:
                return fallback(x, axis=axis, keepdims=keepdims)
            return out.reshape(out_shape)

        kernel.__name__ = name
        return kernel

    def make_cumulative(name, product):
        fallback = numpy_kernels[name]

        def kernel(x, axis, dtype, include_initial):
            acc = _accumulator(x, dtype)
            if x.ndim == 0 or acc.kind == "b":
                return fallback(x, axis=axis, dtype=dtype, include_initial=include_initial)
            axis = int(axis) % x.ndim
            data = x if x.dtype == acc else x.astype(acc)
            shape = list(x.shape)
            shape[axis] += 1 if include_initial else 0
            out = np.empty(shape, dtype=acc)
            done = native.cumulative(product, np.moveaxis(data, axis, -1),
                                     np.moveaxis(out, axis, -1), include_initial)
            if done is None:
                return fallback(x, axis=axis, dtype=dtype, include_initial=include_initial)
            return out

        kernel.__name__ = name
        return kernel

    def diff(x, *extra, axis, n, has_prepend, has_append):
        extra = list(extra)
        prepend = extra.pop(0) if has_prepend else None
        append = extra.pop(0) if has_append else None
        parts = [p for p in (prepend, x, append) if p is not None]
        if len(parts) > 1:
            x = np.concatenate(parts, axis=axis)
        axis = int(axis) % x.ndim
        # NumPy's diff: subtract, or not_equal for booleans
        step = "not_equal" if x.dtype.kind == "b" else "subtract"
        for _ in range(n):
            length = x.shape[axis]
            upper = [slice(None)] * x.ndim
            lower = [slice(None)] * x.ndim
            upper[axis] = slice(1, None)
            lower[axis] = slice(None, max(length - 1, 0))
            x = c_binary(step, x[tuple(upper)], x[tuple(lower)])
        return x

    kernels = {
        "sum": make_sum_prod("sum", op_sum),
        "prod": make_sum_prod("prod", op_prod),
        "max": make_extremum("max", op_max),
        "min": make_extremum("min", op_min),
        "all": make_all_any("all", op_min),
        "any": make_all_any("any", op_max),
        "count_nonzero": count_nonzero,
        "mean": mean,
        "var": var,
        "std": std,
        "argmax": make_arg("argmax", True),
        "argmin": make_arg("argmin", False),
        "cumulative_sum": make_cumulative("cumulative_sum", False),
        "cumulative_prod": make_cumulative("cumulative_prod", True),
        "diff": diff,
    }
    return kernels

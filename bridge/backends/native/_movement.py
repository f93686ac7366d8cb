"""Native data-movement kernels: where, clip, astype, take, take_along_axis, concat,
stack, nonzero, searchsorted (C loops in src/movement.c).

Each kernel has the signature and semantics of the numpy backend's kernel of the same
name (bridge/backends/_generic.py). The C entry point returns None where it declines
(an unusual dtype or layout, a value NumPy converts in a platform-specific way, an
out-of-range index), and the numpy kernel then runs on the same arguments.
"""

from __future__ import annotations


def movement_kernels(native, numpy_kernels: dict) -> dict:
    """name -> kernel for the data-movement ops with C loops."""
    where_c, clip_c, astype_c, take_c = native.where, native.clip, native.astype, native.take
    where_np, clip_np = numpy_kernels["where"], numpy_kernels["clip"]
    astype_np, take_np = numpy_kernels["astype"], numpy_kernels["take"]

    def where(condition, x1, x2):
        out = where_c(condition, x1, x2)
        return where_np(condition, x1, x2) if out is None else out

    def clip(x, *bounds, min=None, max=None):  # noqa: A002 - the kernel's parameter names
        # min/max: None, a Python scalar, or a str marker meaning "the next raw array"
        rest = list(bounds)
        lo = rest.pop(0) if isinstance(min, str) else min
        hi = rest.pop(0) if isinstance(max, str) else max
        out = clip_c(x, lo, hi)
        return clip_np(x, *bounds, min=min, max=max) if out is None else out

    def astype(x, dtype, copy):
        out = astype_c(x, dtype, copy)
        return astype_np(x, dtype, copy) if out is None else out

    def take(x, indices, axis):
        out = take_c(x, indices, axis)
        return take_np(x, indices, axis) if out is None else out

    take_along_axis_c = native.take_along_axis
    take_along_axis_np = numpy_kernels["take_along_axis"]

    def take_along_axis(x, indices, axis):
        out = take_along_axis_c(x, indices, axis)
        return take_along_axis_np(x, indices, axis) if out is None else out

    concat_c, stack_c = native.concat, native.stack
    concat_np, stack_np = numpy_kernels["concat"], numpy_kernels["stack"]

    def concat(*arrays, axis, dtype):
        out = concat_c(axis, dtype, *arrays)
        return concat_np(*arrays, axis=axis, dtype=dtype) if out is None else out

    def stack(*arrays, axis):
        out = stack_c(axis, *arrays)
        return stack_np(*arrays, axis=axis) if out is None else out

    nonzero_c, nonzero_np = native.nonzero, numpy_kernels["nonzero"]

    def nonzero(x):
        out = nonzero_c(x)
        return nonzero_np(x) if out is None else out

    searchsorted_c, searchsorted_np = native.searchsorted, numpy_kernels["searchsorted"]

    def searchsorted(x1, x2, *sorter, side):
        out = searchsorted_c(x1, x2, side, *sorter)
        if out is None:
            return searchsorted_np(x1, x2, *sorter, side=side)
        # NumPy returns a scalar (np.int64) for a 0-d x2; so does its kernel
        return out[()] if out.ndim == 0 else out

    return {"where": where, "clip": clip, "astype": astype, "take": take,
            "take_along_axis": take_along_axis, "concat": concat, "stack": stack,
            "nonzero": nonzero, "searchsorted": searchsorted}

"""Native sorting and set kernels: sort, argsort, unique_values, unique_counts,
unique_inverse, unique_all (C code in src/sort.c).

Each kernel has the signature and semantics of the numpy backend's kernel of the same
name (bridge/backends/_generic.py). The C sort is always stable, which satisfies
``stable=False`` too; a descending sort is the ascending stable sort reversed and a
descending argsort keeps equal elements in their original order, as the numpy kernels
define them. The unique kernels keep the first occurrence of equal values (-0.0 and
+0.0 are equal; NaNs are distinct). The C entry point returns None where it declines
(an array subclass, unaligned or byte-swapped memory, a row longer than 2**32 - 1 where
positions are needed), and the numpy kernel then runs on the same arguments.
"""

from __future__ import annotations

# unique(x, mode): what the C entry point returns for each mode
_VALUES, _COUNTS, _INVERSE, _ALL = range(4)


def sorting_kernels(native, numpy_kernels: dict) -> dict:
    """name -> kernel for the sorting and set ops with C loops."""
    sort_c, unique_c = native.sort, native.unique
    sort_np, argsort_np = numpy_kernels["sort"], numpy_kernels["argsort"]

    def sort(x, axis, descending, stable):
        out = sort_c(x, axis, descending, False)
        return sort_np(x, axis, descending, stable) if out is None else out

    def argsort(x, axis, descending, stable):
        out = sort_c(x, axis, descending, True)
        return argsort_np(x, axis, descending, stable) if out is None else out

    def unique_kernel(name, mode):
        fallback = numpy_kernels[name]

        def kernel(x):
            out = unique_c(x, mode)
            return fallback(x) if out is None else out

        kernel.__name__ = name
        return kernel

    return {"sort": sort, "argsort": argsort,
            "unique_values": unique_kernel("unique_values", _VALUES),
            "unique_counts": unique_kernel("unique_counts", _COUNTS),
            "unique_inverse": unique_kernel("unique_inverse", _INVERSE),
            "unique_all": unique_kernel("unique_all", _ALL)}

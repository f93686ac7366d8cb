"""Native indexing kernels: getitem, setitem and copyto (C loops in src/indexing.c).

Same signatures and semantics as the numpy backend's kernels (bridge/backends/
_generic.py). Keys with a boolean mask or integer index arrays are gathered and
scattered in C; setitem through a basic key writes NumPy's view of the key with a C
copy. A basic getitem key is NumPy's view (the result must share x's memory, and
NumPy builds it in well under a microsecond). Where the C code declines (a key NumPy
rejects, an index out of range, an unsafe cast of the value, an unusual layout) it
returns None before writing anything, and the numpy kernel runs on the same
arguments, so every error message is NumPy's.
"""

from __future__ import annotations


def indexing_kernels(native, numpy_kernels: dict) -> dict:
    """name -> kernel for getitem and setitem."""
    getitem_c, setitem_c = native.getitem, native.setitem
    getitem_np, setitem_np = numpy_kernels["getitem"], numpy_kernels["setitem"]

    def getitem(x, key):
        out = getitem_c(x, key)
        return getitem_np(x, key) if out is None else out

    def setitem(x, value, key):
        if setitem_c(x, value, key) is None:
            setitem_np(x, value, key)

    copyto_c, copyto_np = native.copyto, numpy_kernels["copyto"]

    def copyto(dst, src):
        # dst[...] = src, the store of the in-place operators: the basic-key assignment's
        # strided, broadcasting, threaded C copy, straight into dst
        if copyto_c(dst, src) is None:
            copyto_np(dst, src)

    return {"getitem": getitem, "setitem": setitem, "copyto": copyto}

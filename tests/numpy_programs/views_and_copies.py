"""Views versus copies: slicing views that write through, reshape views, ravel
vs flatten, np.shares_memory, in-place operators with out=, np.newaxis,
Fortran-order reshapes, strides, and negative steps."""
import numpy as np


def main():
    a = np.arange(12).reshape(3, 4)
    v = a[:, 1:3]
    v *= 10
    c = a[a > 50].copy()
    c[:] = -1
    r = a.ravel()
    f = a.flatten()
    f[0] = 999
    col = a[:, 2]
    row_vec = np.arange(3)[:, np.newaxis]
    outer = row_vec * np.arange(4)[np.newaxis, :]
    buf = np.zeros(4)
    np.add(np.arange(4.0), 1.0, out=buf)
    np.multiply(buf, buf, out=buf)
    x = np.linspace(0, 1, 5)
    x += 1
    x **= 2
    fo = np.arange(6).reshape(2, 3, order="F")
    rev = a[::-1, ::-2]
    y = np.arange(10.0)
    y[::2] = y[1::2]
    z = np.arange(6)
    z[z % 2 == 0] += 100
    t = a.T
    s = a.swapaxes(0, 1)
    m = np.moveaxis(np.zeros((2, 3, 4)), 0, -1).shape
    return {"a": a, "c": c, "shares_v": np.shares_memory(a, v), "shares_f": np.shares_memory(a, f),
            "r_base": r.base is not None, "f0": f[0], "a00": a[0, 0], "col": col, "outer": outer,
            "buf": buf, "x": x, "fo": fo, "fo_ravel_f": fo.ravel(order="F"), "rev": rev, "y": y,
            "z": z, "t_contig": t.flags["C_CONTIGUOUS"], "s_eq": np.array_equal(t, s), "m": m,
            "strides": a.strides, "itemsize": a.itemsize, "nbytes": a.nbytes, "ndim": outer.ndim,
            "reshape_neg": a.reshape(-1, 6).shape, "view_dtype": np.arange(4, dtype=np.int32).view(np.int16).size}


if __name__ == "__main__":
    print(main())

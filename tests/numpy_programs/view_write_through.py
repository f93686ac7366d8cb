"""Which operations give views that write back to the original: slices, reshape,
transpose, ravel of a contiguous array, np.real of a real array and .imag of a
complex one, np.diagonal (read-only in NumPy), np.meshgrid(copy=False), and copies made
by fancy indexing, np.diag of a 1-d input and flatten."""
import numpy as np


def main():
    a = np.arange(12.0).reshape(3, 4)
    s = a[1:, ::2]
    s[:] = -1
    r = a.reshape(4, 3)
    r[0, 0] = 100
    t = a.T
    t[3, 2] = 55
    flat = a.ravel()
    flat[5] = 77
    fancy = a[[0, 2]]
    fancy[:] = 0
    f = a.flatten()
    f[:] = 0
    z = np.array([1 + 2j, 3 - 1j])
    z.imag[:] = 0
    zr = z.real
    zr *= 2
    x = np.arange(4.0)
    xr = np.real(x)
    xr[0] = 42.0
    m = np.arange(9).reshape(3, 3)
    d = np.diagonal(m)
    try:
        d[0] = 5
        diag_write = "allowed"
    except ValueError:
        diag_write = "read-only"
    xs, ys = np.arange(3.0), np.arange(2.0)
    gx, gy = np.meshgrid(xs, ys, copy=False)
    v = np.arange(3.0)
    dd = np.diag(v)
    dd[0, 0] = 9
    sq = np.arange(16).reshape(4, 4)
    dv = np.diag(sq)
    return {"a": a, "z": z, "x": x, "m": m, "diag_write": diag_write, "d": d,
            "shares_s": np.shares_memory(a, s), "shares_r": np.shares_memory(a, r),
            "shares_fancy": np.shares_memory(a, fancy), "shares_xr": np.shares_memory(x, xr),
            "shares_d": np.shares_memory(m, d), "shares_dv": np.shares_memory(sq, dv),
            "gx_shares": np.shares_memory(gx, xs), "gy_shares": np.shares_memory(gy, ys),
            "gx": gx, "gy": gy, "v": v, "dv": dv,
            "may_share": np.may_share_memory(a, t)}


if __name__ == "__main__":
    print(main())

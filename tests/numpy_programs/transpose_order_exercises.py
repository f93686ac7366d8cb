"""Array drills: transpose with axes, reshape and ravel in Fortran order."""
import numpy as np


def main():
    a = np.arange(24).reshape(2, 3, 4)
    t = np.transpose(a, (1, 0, 2))
    t2 = a.transpose(2, 0, 1)
    t_default = np.transpose(a)
    sw = np.swapaxes(a, 0, 2)
    mv = np.moveaxis(a, 0, -1)
    mv2 = np.moveaxis(a, [0, 1], [-1, -2])
    f = np.arange(12).reshape((3, 4), order="F")
    f_method = np.arange(12).reshape(3, 4, order="F")
    c_of_f = f.ravel()
    f_of_f = f.ravel(order="F")
    fl = a.flatten("F")
    r = np.ravel(a, order="F")
    back = np.reshape(r, a.shape, order="F")
    roundtrip = bool(np.array_equal(back, a))
    neg = a.reshape(-1, 4)
    rs = np.reshape(a, (4, -1))
    T2 = f.T
    ax = a.transpose((0, 2, 1)).reshape(2, -1)
    strides_like = np.ascontiguousarray(t).ravel()
    is_f = bool(np.asfortranarray(f).flags["F_CONTIGUOUS"])
    return {
        "t": t, "t2": t2, "t_default": t_default, "sw": sw, "mv": mv, "mv2": mv2,
        "f": f, "f_method": f_method, "c_of_f": c_of_f, "f_of_f": f_of_f, "fl": fl,
        "r": r, "roundtrip": roundtrip, "neg": neg, "rs": rs, "T2": T2, "ax": ax,
        "strides_like": strides_like, "is_f": is_f,
    }

"""np.ix_ sub-blocks, fancy-index writes, repeated indices and np.add.at."""
import numpy as np


def main():
    m = np.arange(36).reshape(6, 6)
    rows = [0, 2, 5]
    cols = [1, 3]
    block = m[np.ix_(rows, cols)]
    w = m.copy()
    w[np.ix_(rows, cols)] = -1
    w2 = m.copy()
    w2[[1, 3], [2, 4]] = [100, 200]
    mask_rows = np.array([True, False, True, False, False, True])
    sub = m[np.ix_(mask_rows, [0, 5])]
    hist = np.zeros(5, dtype=int)
    idx = np.array([0, 1, 1, 3, 3, 3, 4])
    hist[idx] += 1
    hist_at = np.zeros(5, dtype=int)
    np.add.at(hist_at, idx, 1)
    a = np.zeros((3, 4))
    a[[0, 2]] = np.array([1.5, 2.5, 3.5, 4.5])
    a[:, [1, 3]] *= 10
    b = np.arange(10)
    b[b % 3 == 0] = 0
    b[[-1, -2]] = b[[1, 2]]
    c = np.arange(12).reshape(3, 4)
    c[[0, 1, 2], [3, 2, 1]] = c[[2, 1, 0], [0, 1, 2]]
    ii, jj = np.ix_([1, 2], [0, 2, 3])
    e = np.arange(24).reshape(2, 3, 4)
    picked = e[:, [0, 2], :][:, :, [1, 3]]
    e[1, [0, 2], 1:3] = 0
    mins = np.full(4, 99)
    np.minimum.at(mins, [0, 0, 2, 3, 3], [5, 3, 7, 1, 2])
    return {
        "block": block,
        "w": w,
        "w2": w2,
        "sub": sub,
        "hist": hist,
        "hist_at": hist_at,
        "a": a,
        "b": b,
        "c": c,
        "ii_shape": ii.shape,
        "jj_shape": jj.shape,
        "picked": picked,
        "e": e,
        "mins": mins,
    }

"""Toeplitz and Hankel matrices built from one vector with as_strided, a 2-D
sliding_window_view for a local-max filter, and im2col for a small convolution,
checked against loops."""
import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view


def toeplitz(c, r):
    vals = np.concatenate((r[:0:-1], c))
    n, m = len(c), len(r)
    step = vals.strides[0]
    return as_strided(vals[m - 1:], shape=(n, m), strides=(step, -step)).copy()


def main():
    c = np.array([1.0, 2.0, 3.0, 4.0])
    r = np.array([1.0, -1.0, -2.0])
    T = toeplitz(c, r)
    loop = np.empty((4, 3))
    for i in range(4):
        for j in range(3):
            loop[i, j] = c[i - j] if i >= j else r[j - i]
    seq = np.arange(1, 8)
    hankel = sliding_window_view(seq, 4)
    img = np.array([[1, 5, 2, 0, 3],
                    [4, 2, 8, 1, 1],
                    [0, 9, 3, 7, 2],
                    [6, 1, 0, 2, 5]])
    win = sliding_window_view(img, (3, 3))
    local_max = win.max(axis=(-2, -1))
    is_peak = img[1:-1, 1:-1] == local_max
    kernel = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]])
    cols = win.reshape(-1, 9)
    conv = (cols @ kernel.ravel()).reshape(local_max.shape)
    by_einsum = np.einsum("ijkl,kl->ij", win, kernel)
    x = np.arange(10.0)
    pairs = as_strided(x, shape=(9, 2), strides=(x.itemsize, x.itemsize))
    return {"T": T, "same": np.array_equal(T, loop), "hankel": hankel,
            "hankel_shape": hankel.shape, "local_max": local_max, "is_peak": is_peak,
            "conv": conv, "einsum_eq": np.array_equal(conv, by_einsum),
            "pair_means": pairs.mean(axis=1), "win_strides_ratio": win.strides[2] // img.itemsize,
            "writeable": hankel.flags.writeable}


if __name__ == "__main__":
    print(main())

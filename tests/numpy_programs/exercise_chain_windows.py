"""100-exercises style: sliding windows, rank, mode, top-n, cartesian product."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def main():
    rng = np.random.default_rng(3)
    z = np.arange(10)
    windows = sliding_window_view(z, 3)
    window_sums = windows.sum(axis=1)
    grid_windows = sliding_window_view(np.arange(20).reshape(4, 5), (2, 2))
    grid_max = grid_windows.max(axis=(-2, -1))

    m = rng.random((6, 6))
    m[:, 5] = m[:, 0] + m[:, 1]
    rank = np.linalg.matrix_rank(m)
    u, s, vt = np.linalg.svd(m)
    rank_svd = int(np.sum(s > 1e-10))

    votes = rng.integers(0, 8, 50)
    most_frequent = np.bincount(votes).argmax()

    scores = rng.permutation(100)
    n = 5
    largest = scores[np.argsort(scores)[-n:]]
    largest_part = np.sort(scores[np.argpartition(-scores, n)[:n]])

    def cartesian(arrays):
        arrays = [np.asarray(a) for a in arrays]
        shape = (len(x) for x in arrays)
        ix = np.indices(shape, dtype=int)
        ix = ix.reshape(len(arrays), -1).T
        for n_, arr in enumerate(arrays):
            ix[:, n_] = arr[ix[:, n_]]
        return ix

    cart = cartesian(([1, 2, 3], [4, 5], [6, 7]))
    gx, gy = np.meshgrid([1, 2, 3], [10, 20], indexing="ij")
    mesh_pairs = np.stack([gx.ravel(), gy.ravel()], axis=1)

    return {
        "window_sums": window_sums,
        "grid_max": grid_max,
        "rank": rank,
        "rank_svd": rank_svd,
        "most_frequent": most_frequent,
        "largest": largest,
        "largest_part": largest_part,
        "cart": cart,
        "mesh_pairs": mesh_pairs,
    }

"""Triangular and diagonal structure: tril/triu with offsets, triu_indices for
pairwise distances, fill_diagonal, diag_indices, np.eye with k, Pascal's
triangle, np.indices, and np.vander."""
import numpy as np


def main():
    m = np.arange(1, 17).reshape(4, 4)
    pts = np.array([[0.0, 0.0], [3.0, 4.0], [6.0, 8.0], [1.0, 1.0]])
    i, j = np.triu_indices(len(pts), k=1)
    d = np.linalg.norm(pts[i] - pts[j], axis=1)
    D = np.zeros((4, 4))
    D[i, j] = d
    D = D + D.T
    f = m.copy()
    np.fill_diagonal(f, 0)
    g = np.zeros((5, 3))
    np.fill_diagonal(g, 7, wrap=True)
    pascal = np.zeros((6, 6), dtype=np.int64)
    pascal[:, 0] = 1
    for r in range(1, 6):
        pascal[r, 1:] = pascal[r - 1, 1:] + pascal[r - 1, :-1]
    ii, jj = np.indices((3, 4))
    di = np.diag_indices(3)
    z = np.zeros((3, 3), dtype=int)
    z[di] = [1, 2, 3]
    return {"tril": np.tril(m), "triu1": np.triu(m, 1), "tril_m1": np.tril(m, -1),
            "D": D, "closest": np.array(np.unravel_index(np.argmin(D + np.eye(4) * 1e9), D.shape)),
            "f": f, "g": g, "pascal": pascal, "ii": ii, "jj": jj, "z": z,
            "eye_k": np.eye(3, 4, k=1), "diag_k": np.diag(np.array([1, 2]), k=-1),
            "vander": np.vander(np.array([1, 2, 3])), "vander_inc": np.vander(np.array([2, 3]), 3, increasing=True),
            "tri": np.tri(3, 4, -1), "tril_idx": np.tril_indices(3)[1], "trace_off": np.trace(m, offset=1),
            "diagflat": np.diagflat([1, 2]), "lower_sum": m[np.tril_indices_from(m)].sum()}


if __name__ == "__main__":
    print(main())

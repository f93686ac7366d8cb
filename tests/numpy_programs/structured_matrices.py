"""Special matrices built with broadcasting and index helpers: Hilbert, Toeplitz,
circulant, Vandermonde, tridiagonal and band masks from triu/tril indices, and
checks of their properties."""
import numpy as np


def main():
    n = 5
    i, j = np.ogrid[:n, :n]
    hilbert = 1.0 / (i + j + 1)
    c = np.array([1, 2, 3, 4, 5])
    toeplitz = c[np.abs(i - j)]
    circulant = np.array([np.roll(c, k) for k in range(n)])
    vander = np.vander(np.array([1, 2, 3]), increasing=True)
    tri = np.diag(np.full(n, 2.0)) + np.diag(np.full(n - 1, -1.0), 1) + np.diag(np.full(n - 1, -1.0), -1)
    band = np.abs(np.subtract.outer(np.arange(n), np.arange(n))) <= 1
    iu = np.triu_indices(n, k=1)
    upper_vals = hilbert[iu]
    sym = np.zeros((n, n))
    sym[iu] = np.arange(1, len(iu[0]) + 1)
    sym = sym + sym.T
    il = np.tril_indices(4)
    d_idx = np.diag_indices(n)
    cond = np.linalg.cond(hilbert)
    eig_circ = np.sort(np.abs(np.linalg.eigvals(circulant.astype(float))))
    fft_circ = np.sort(np.abs(np.fft.fft(c)))
    checker = (i + j) % 2
    return {"hilbert": hilbert, "toeplitz": toeplitz, "circulant": circulant, "vander": vander,
            "tri": tri, "band": band, "upper_vals": upper_vals, "sym": sym,
            "is_sym": np.array_equal(sym, sym.T), "il_rows": il[0], "il_cols": il[1],
            "diag_vals": hilbert[d_idx], "cond": cond, "eig_circ": eig_circ,
            "fft_circ": fft_circ, "checker": checker, "tri_det": np.linalg.det(tri),
            "triu": np.triu(toeplitz, -1), "tril": np.tril(toeplitz, 1),
            "diagflat": np.diagflat([1, 2], 1), "diag_of": np.diag(toeplitz, -2),
            "eye_like": np.eye(n, dtype=bool).sum(), "lower_count": np.tri(n, dtype=int).sum()}


if __name__ == "__main__":
    print(main())

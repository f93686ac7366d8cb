"""A linear algebra workbook: a circuit solved with np.linalg.solve, an
overdetermined line fit with lstsq, eigen-decomposition of a symmetric and a
non-symmetric matrix, SVD low-rank approximation, QR least squares, norms,
determinants, inverses, rank and pseudo-inverse of a rank-deficient matrix."""
import numpy as np


def main():
    A = np.array([[4.0, -1, 0, -1], [-1, 4, -1, 0], [0, -1, 4, -1], [-1, 0, -1, 4]])
    b = np.array([10.0, 0, 5, 0])
    x = np.linalg.solve(A, b)
    t = np.arange(10.0)
    rng = np.random.default_rng(6)
    y = 2.5 * t - 1.0 + rng.normal(scale=0.3, size=t.size)
    M = np.vstack([t, np.ones_like(t)]).T
    coef, res, rank, sv = np.linalg.lstsq(M, y, rcond=None)
    w, V = np.linalg.eigh(A)
    N = np.array([[2.0, 1.0], [1.0, 3.0]]) @ np.array([[1.0, 2.0], [0.0, 1.0]])
    ev = np.linalg.eigvals(N)
    ev = np.real_if_close(ev[np.argsort(ev.real)])
    img = np.outer(np.sin(np.linspace(0, 3, 8)), np.cos(np.linspace(0, 2, 6))) + 0.01 * rng.normal(size=(8, 6))
    U, S, Vt = np.linalg.svd(img, full_matrices=False)
    rank1 = S[0] * np.outer(U[:, 0], Vt[0])
    Q, R = np.linalg.qr(M)
    qr_coef = np.linalg.solve(R, Q.T @ y)
    D = np.array([[1.0, 2, 3], [2, 4, 6], [1, 0, 1]])
    P = np.linalg.pinv(D)
    norms = [np.linalg.norm(A), np.linalg.norm(A, 1), np.linalg.norm(A, np.inf),
             np.linalg.norm(A, 2), np.linalg.norm(b, 1), np.linalg.norm(A, "nuc")]
    sign, logdet = np.linalg.slogdet(A)
    return {"x": x, "residual": np.linalg.norm(A @ x - b), "coef": coef, "res": res, "rank": rank,
            "sv": sv, "w": w, "ev": ev, "S": S, "rank1_err": np.linalg.norm(img - rank1) / np.linalg.norm(img),
            "qr_coef": qr_coef, "R_diag_abs": np.abs(np.diag(R)), "det": np.linalg.det(A),
            "inv": np.linalg.inv(A), "matrix_rank": np.linalg.matrix_rank(D), "P": P,
            "penrose": bool(np.allclose(D @ P @ D, D)), "norms": np.array(norms),
            "slogdet": (sign, logdet), "cond": np.linalg.cond(A), "power": np.linalg.matrix_power(N, 3)}


if __name__ == "__main__":
    print(main())

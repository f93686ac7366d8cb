"""Linear algebra of projections: orthogonal projectors onto a column space with
np.linalg.pinv and qr, their idempotence and rank, determinants with slogdet,
eigenvalues with eigvalsh, the null space from the SVD, and a Gram-Schmidt check."""
import numpy as np


def main():
    A = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
    P = A @ np.linalg.pinv(A)
    Q, R = np.linalg.qr(A)
    P_qr = Q @ Q.T
    eig = np.linalg.eigvalsh(P)
    rank = np.linalg.matrix_rank(P)
    b = np.array([1.0, 2.0, 2.0, 5.0])
    proj_b = P @ b
    resid = b - proj_b
    B = np.array([[2.0, -1.0, 0.0], [-1.0, 2.0, -1.0], [0.0, -1.0, 2.0]])
    sign, logdet = np.linalg.slogdet(B)
    inv = np.linalg.inv(B)
    M = np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]])
    U, s, Vt = np.linalg.svd(M)
    null = Vt[s < 1e-10 * s[0]] if np.any(s < 1e-10 * s[0]) else Vt[-1:]
    null = null / np.sign(null[:, np.argmax(np.abs(null), axis=1)][0, 0])
    cond = np.linalg.cond(B)
    w, V = np.linalg.eigh(B)
    recon = V @ np.diag(w) @ V.T
    return {"P": P, "same_P": np.allclose(P, P_qr), "idempotent": np.allclose(P @ P, P),
            "eig": np.round(eig, 10), "rank": rank, "proj_b": proj_b,
            "orth": abs(float(resid @ A[:, 1])) < 1e-10, "R_abs": np.abs(R),
            "sign": sign, "logdet": logdet, "det": np.linalg.det(B), "inv": inv,
            "s": s, "null": null, "null_ok": np.allclose(M @ null.ravel(), 0),
            "cond": cond, "w": w, "recon_ok": np.allclose(recon, B),
            "rank_M": np.linalg.matrix_rank(M), "trace_P": np.trace(P)}


if __name__ == "__main__":
    print(main())

"""Symmetric positive definite systems: cholesky, qr, eigh, pinv, matrix_rank."""
import numpy as np


def main():
    rng = np.random.default_rng(11)
    a = rng.normal(size=(6, 4))
    gram = a.T @ a + 0.5 * np.eye(4)
    chol = np.linalg.cholesky(gram)
    chol_ok = np.allclose(chol @ chol.T, gram)
    upper_zero = np.allclose(np.triu(chol, 1), 0)
    b = rng.normal(size=4)
    y = np.linalg.solve(chol, b)
    x = np.linalg.solve(chol.T, y)
    q, r = np.linalg.qr(a)
    q_full, r_full = np.linalg.qr(a, mode="complete")
    r_only = np.linalg.qr(a, mode="r")
    w, v = np.linalg.eigh(gram)
    w_only = np.linalg.eigvalsh(gram)
    spectral = v @ np.diag(w) @ v.T
    lower_w = np.linalg.eigvalsh(gram, UPLO="U")
    rank_def = np.outer([1.0, 2.0, 3.0], [1.0, -1.0, 2.0]) + np.outer([0.0, 1.0, 1.0], [2.0, 0.0, 1.0])
    p = np.linalg.pinv(rank_def)
    moore = np.allclose(rank_def @ p @ rank_def, rank_def)
    return {
        "chol_ok": chol_ok,
        "upper_zero": upper_zero,
        "x": x,
        "x_check": np.allclose(gram @ x, b),
        "abs_r_diag": np.abs(np.diag(r)),
        "q_orth": np.allclose(q.T @ q, np.eye(4)),
        "shapes": np.array([q.shape, r.shape, q_full.shape, r_full.shape]),
        "abs_r_only": np.abs(r_only),
        "w": w,
        "w_only": w_only,
        "spectral_ok": np.allclose(spectral, gram),
        "lower_w": lower_w,
        "rank": np.linalg.matrix_rank(rank_def),
        "rank_full": np.linalg.matrix_rank(gram),
        "rank_tol": np.linalg.matrix_rank(np.diag([1.0, 1e-3, 1e-9]), tol=1e-6),
        "moore": moore,
        "pinv_shape": np.array(p.shape),
    }


if __name__ == "__main__":
    print(main())

"""Low-rank approximation and pseudo-inverse with the SVD: reduced and full
shapes, singular values only, Eckart-Young errors measured with ord=2 and
Frobenius norms, np.linalg.pinv against a hand-built pseudo-inverse, and
explained variance ratios."""
import numpy as np


def main():
    rng = np.random.default_rng(77)
    U0 = rng.standard_normal((8, 3))
    V0 = rng.standard_normal((3, 6))
    A = U0 @ V0 + 0.01 * rng.standard_normal((8, 6))
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    Uf, sf, Vtf = np.linalg.svd(A)
    s_only = np.linalg.svd(A, compute_uv=False)
    errs2, errsF = [], []
    for k in range(1, 5):
        Ak = (U[:, :k] * s[:k]) @ Vt[:k]
        errs2.append(np.linalg.norm(A - Ak, 2))
        errsF.append(np.linalg.norm(A - Ak, "fro"))
    pinv = np.linalg.pinv(A)
    tol = s.max() * max(A.shape) * np.finfo(float).eps
    s_inv = np.where(s > tol, 1 / s, 0)
    manual = (Vt.T * s_inv) @ U.T
    explained = s ** 2 / np.sum(s ** 2)
    rank_tol = int(np.sum(s > 0.1))
    sym = A.T @ A
    w = np.linalg.eigvalsh(sym)
    res = np.linalg.svd(A, full_matrices=False)
    return {
        "shapes": (U.shape, s.shape, Vt.shape),
        "full_shapes": (Uf.shape, Vtf.shape),
        "s": s,
        "s_only_match": bool(np.allclose(s_only, s)),
        "eckart_young": bool(np.allclose(errs2, s[1:5])),
        "errsF": np.array(errsF),
        "pinv_match": bool(np.allclose(pinv, manual)),
        "penrose": bool(np.allclose(A @ pinv @ A, A)),
        "explained": np.round(explained, 6),
        "cum_explained": np.cumsum(explained)[:3],
        "rank_tol": rank_tol,
        "eig_vs_sv": bool(np.allclose(np.sort(w)[::-1], s ** 2)),
        "result_type": type(res).__name__,
        "S_field": res.S.shape,
        "pinv_int": np.linalg.pinv(np.array([[1, 2], [2, 4]])),
    }


if __name__ == "__main__":
    print(main())

"""Random matrices from the legacy API: np.random.seed and RandomState draws,
QR and SVD, least squares via np.linalg.lstsq, a low-rank approximation, and
orthogonality checks."""
import numpy as np


def main():
    np.random.seed(2023)
    A = np.random.randn(6, 4)
    b = np.random.rand(6)
    Q, R = np.linalg.qr(A)
    sign = np.sign(np.diag(R))
    Q, R = Q * sign, R * sign[:, None]
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    k = 2
    approx = (U[:, :k] * s[:k]) @ Vt[:k]
    x, res, rank, sv = np.linalg.lstsq(A, b, rcond=None)
    rs = np.random.RandomState(5)
    M = rs.uniform(-1, 1, size=(3, 3))
    sym = (M + M.T) / 2
    w = np.linalg.eigvalsh(sym)
    ints = rs.randint(0, 4, size=(2, 5))
    tri = rs.triangular(0, 1, 2, size=3)
    return {"R": R, "orth": np.allclose(Q.T @ Q, np.eye(4)), "s": s,
            "err": np.linalg.norm(A - approx), "s3": s[k], "x": x, "res": res, "rank": rank,
            "sv": sv, "w": w, "ints": ints, "tri": tri, "cond": s[0] / s[-1],
            "recon": np.allclose(U @ np.diag(s) @ Vt, A), "normal": np.random.normal(size=2),
            "choice": np.random.choice(10, 3, replace=False), "beta": rs.beta(2, 3, size=2)}


if __name__ == "__main__":
    print(main())

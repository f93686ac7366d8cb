"""Classical and modified Gram-Schmidt against np.linalg.qr: orthonormality
checks, sign-normalised comparison of Q and R, the 'complete' and 'r' modes,
and solving least squares through R."""
import numpy as np


def gram_schmidt(A):
    m, n = A.shape
    Q = np.zeros((m, n))
    R = np.zeros((n, n))
    V = A.astype(float).copy()
    for j in range(n):
        R[j, j] = np.linalg.norm(V[:, j])
        Q[:, j] = V[:, j] / R[j, j]
        for k in range(j + 1, n):
            R[j, k] = Q[:, j] @ V[:, k]
            V[:, k] -= R[j, k] * Q[:, j]
    return Q, R


def main():
    rng = np.random.default_rng(17)
    A = rng.standard_normal((6, 4))
    Q1, R1 = gram_schmidt(A)
    Q, R = np.linalg.qr(A)
    signs = np.sign(np.diag(R))
    Qn, Rn = Q * signs, R * signs[:, None]
    Qc, Rc = np.linalg.qr(A, mode="complete")
    r_only = np.linalg.qr(A, mode="r")
    b = rng.standard_normal(6)
    coef = np.linalg.solve(R, Q.T @ b)
    coef_ls = np.linalg.lstsq(A, b, rcond=None)[0]
    res = np.linalg.qr(A)
    stacked = np.linalg.qr(rng.standard_normal((3, 4, 2)))
    return {
        "Q_shape": Q.shape,
        "R_shape": R.shape,
        "orthonormal": bool(np.allclose(Q.T @ Q, np.eye(4))),
        "gs_matches_Q": bool(np.allclose(Q1, Qn)),
        "gs_matches_R": bool(np.allclose(R1, Rn)),
        "upper": bool(np.allclose(R, np.triu(R))),
        "complete_shapes": (Qc.shape, Rc.shape),
        "complete_orth": bool(np.allclose(Qc @ Qc.T, np.eye(6))),
        "r_only_abs_diag": np.abs(np.diag(r_only)),
        "coef": coef,
        "coef_agree": bool(np.allclose(coef, coef_ls)),
        "R1_diag": np.diag(R1),
        "namedtuple": type(res).__name__,
        "fields": (res.Q.shape, res.R.shape),
        "stacked_shapes": (stacked.Q.shape, stacked.R.shape),
    }


if __name__ == "__main__":
    print(main())

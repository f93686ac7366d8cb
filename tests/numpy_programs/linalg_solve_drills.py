"""Linear algebra drill sheet: solving systems with one and several right-hand
sides, determinants and slogdet, inverses, matrix_rank with tolerances,
matrix_power including negative exponents, condition numbers and every
common np.linalg.norm order for vectors and matrices."""
import numpy as np


def main():
    rng = np.random.default_rng(21)
    A = rng.integers(-5, 6, size=(4, 4)).astype(float) + 6 * np.eye(4)
    b = rng.integers(-3, 4, size=4).astype(float)
    B = rng.standard_normal((4, 2))
    x = np.linalg.solve(A, b)
    X = np.linalg.solve(A, B)
    sign, logdet = np.linalg.slogdet(A)
    singular = np.array([[1.0, 2, 3], [2, 4, 6], [1, 0, 1]])
    v = np.array([3.0, -4.0, 12.0])
    vec_norms = {str(o): float(np.linalg.norm(v, o)) for o in (None, 1, 2, np.inf, -np.inf, 0, 3)}
    M = np.array([[1.0, -2.0], [3.0, 4.0]])
    mat_norms = {str(o): round(float(np.linalg.norm(M, o)), 10) for o in (None, "fro", "nuc", 1, -1, 2, -2, np.inf)}
    P = np.array([[2, 1], [1, 1]])
    rows = np.linalg.norm(B, axis=1)
    try:
        np.linalg.solve(singular, np.ones(3))
        err = None
    except np.linalg.LinAlgError as e:
        err = type(e).__name__
    return {
        "x": x,
        "residual": bool(np.allclose(A @ x, b)),
        "X_shape": X.shape,
        "det": np.linalg.det(A),
        "slogdet": (sign, logdet),
        "inv_check": bool(np.allclose(np.linalg.inv(A) @ A, np.eye(4))),
        "rank": (int(np.linalg.matrix_rank(A)), int(np.linalg.matrix_rank(singular)),
                 int(np.linalg.matrix_rank(np.eye(3) * 1e-9)), int(np.linalg.matrix_rank(np.eye(3) * 1e-9, tol=1e-12))),
        "power": np.linalg.matrix_power(P, 5),
        "power0": np.linalg.matrix_power(P, 0),
        "power_neg": np.linalg.matrix_power(P.astype(float), -2),
        "cond": (np.linalg.cond(M), np.linalg.cond(M, "fro"), np.linalg.cond(M, 1)),
        "vec_norms": vec_norms,
        "mat_norms": mat_norms,
        "row_norms": rows,
        "keepdims": np.linalg.norm(B, axis=0, keepdims=True).shape,
        "singular_err": err,
    }


if __name__ == "__main__":
    print(main())

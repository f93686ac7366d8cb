"""The matrix exponential of a small generator matrix by its Taylor series
(np.linalg.matrix_power and a running term), by eigendecomposition, and by scaling
and squaring, compared with each other; a rotation generator gives cos and sin."""
import math

import numpy as np


def expm_series(A, terms=30):
    result = np.eye(A.shape[0])
    term = np.eye(A.shape[0])
    for k in range(1, terms):
        term = term @ A / k
        result = result + term
    return result


def expm_powers(A, terms=20):
    return sum(np.linalg.matrix_power(A, k) / math.factorial(k) for k in range(terms))


def expm_squaring(A, s=8):
    B = expm_series(A / 2 ** s, terms=12)
    for _ in range(s):
        B = B @ B
    return B


def main():
    Q = np.array([[-0.3, 0.2, 0.1], [0.1, -0.4, 0.3], [0.0, 0.5, -0.5]])
    E1 = expm_series(Q)
    E2 = expm_powers(Q)
    E3 = expm_squaring(Q)
    w, V = np.linalg.eig(Q)
    E4 = (V @ np.diag(np.exp(w)) @ np.linalg.inv(V)).real
    theta = 0.7
    G = np.array([[0.0, -theta], [theta, 0.0]])
    R = expm_series(G)
    S = np.diag([1.0, 2.0, -1.0])
    p0 = np.array([1.0, 0.0, 0.0])
    path = np.array([p0 @ expm_series(Q * t) for t in np.linspace(0, 5, 6)])
    mp_int = np.linalg.matrix_power(np.array([[1, 1], [1, 0]]), 10)
    inv_pow = np.linalg.matrix_power(np.array([[2.0, 0.0], [1.0, 1.0]]), -2)
    return {"E1": E1, "agree12": np.allclose(E1, E2), "agree13": np.allclose(E1, E3),
            "agree14": np.allclose(E1, E4), "row_sums": E1.sum(axis=1),
            "R": R, "cos_sin": np.array([math.cos(theta), math.sin(theta)]),
            "diag": np.diag(expm_series(S)), "path": path, "fib": mp_int,
            "fib_dtype": mp_int.dtype.kind, "inv_pow": inv_pow,
            "det_exp": np.linalg.det(E1), "exp_trace": math.exp(np.trace(Q))}


if __name__ == "__main__":
    print(main())

"""LU factorisation by hand with partial pivoting (Doolittle), the permutation
matrix, forward and back substitution, the determinant from the factors, and the
inverse column by column."""
import numpy as np


def lu(A):
    n = A.shape[0]
    U = A.astype(float).copy()
    L = np.eye(n)
    perm = np.arange(n)
    for k in range(n - 1):
        p = k + np.argmax(np.abs(U[k:, k]))
        if p != k:
            U[[k, p], :] = U[[p, k], :]
            L[[k, p], :k] = L[[p, k], :k]
            perm[[k, p]] = perm[[p, k]]
        L[k + 1:, k] = U[k + 1:, k] / U[k, k]
        U[k + 1:, :] -= np.outer(L[k + 1:, k], U[k, :])
    P = np.eye(n)[perm]
    return P, L, U, perm


def forward(L, b):
    y = np.zeros_like(b, dtype=float)
    for i in range(len(b)):
        y[i] = b[i] - L[i, :i] @ y[:i]
    return y


def backward(U, y):
    x = np.zeros_like(y)
    for i in reversed(range(len(y))):
        x[i] = (y[i] - U[i, i + 1:] @ x[i + 1:]) / U[i, i]
    return x


def main():
    A = np.array([[2, 1, 1, 0], [4, 3, 3, 1], [8, 7, 9, 5], [6, 7, 9, 8]])
    P, L, U, perm = lu(A)
    b = np.array([1.0, 2.0, 3.0, 4.0])
    x = backward(U, forward(L, P @ b))
    swaps = np.sum(perm != np.arange(4))
    det = np.prod(np.diag(U)) * np.linalg.det(P)
    inv = np.column_stack([backward(U, forward(L, P @ e)) for e in np.eye(4)])
    return {"P": P, "L": L, "U": U, "perm": perm, "x": x, "solve": np.linalg.solve(A, b),
            "reconstruct": np.allclose(P @ A, L @ U), "det": det,
            "det_np": np.linalg.det(A), "inv": inv, "inv_np": np.linalg.inv(A),
            "unit_lower": np.allclose(np.diag(L), 1.0), "upper_ok": np.allclose(np.tril(U, -1), 0),
            "swaps": swaps, "sign": np.linalg.slogdet(P)[0]}


if __name__ == "__main__":
    print(main())

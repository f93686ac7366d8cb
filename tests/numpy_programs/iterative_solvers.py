"""Iterative linear solvers for a diagonally dominant system: Jacobi with diagonal
splitting, Gauss-Seidel and SOR sweeps, a conjugate gradient, and their residual
histories."""
import numpy as np


def jacobi(A, b, iters):
    D = np.diag(A)
    R = A - np.diagflat(D)
    x = np.zeros_like(b)
    history = []
    for _ in range(iters):
        x = (b - R @ x) / D
        history.append(np.linalg.norm(A @ x - b))
    return x, np.array(history)


def sor(A, b, omega, iters):
    n = len(b)
    x = np.zeros(n)
    for _ in range(iters):
        for i in range(n):
            sigma = A[i, :i] @ x[:i] + A[i, i + 1:] @ x[i + 1:]
            x[i] = (1 - omega) * x[i] + omega * (b[i] - sigma) / A[i, i]
    return x


def conjugate_gradient(A, b, tol=1e-12):
    x = np.zeros_like(b)
    r = b - A @ x
    p = r.copy()
    rs = r @ r
    steps = 0
    while np.sqrt(rs) > tol and steps < 100:
        Ap = A @ p
        alpha = rs / (p @ Ap)
        x += alpha * p
        r -= alpha * Ap
        rs_new = r @ r
        p = r + (rs_new / rs) * p
        rs = rs_new
        steps += 1
    return x, steps


def main():
    n = 8
    A = 4 * np.eye(n) - np.eye(n, k=1) - np.eye(n, k=-1)
    A[0, -1] = A[-1, 0] = -0.5
    b = np.arange(1.0, n + 1)
    xj, hist = jacobi(A, b, 60)
    xgs = sor(A, b, 1.0, 30)
    xsor = sor(A, b, 1.2, 30)
    xcg, steps = conjugate_gradient(A, b)
    exact = np.linalg.solve(A, b)
    lower = np.tril(A)
    upper = np.triu(A, 1)
    spectral = np.max(np.abs(np.linalg.eigvals(-np.linalg.solve(lower, upper))))
    dominant = np.all(2 * np.abs(np.diag(A)) > np.abs(A).sum(axis=1))
    return {"jacobi": xj, "hist": hist[::10], "gauss_seidel": xgs, "sor": xsor, "cg": xcg,
            "cg_steps": steps, "exact": exact, "spectral": spectral, "dominant": dominant,
            "lower": lower, "upper": upper}


if __name__ == "__main__":
    print(main())

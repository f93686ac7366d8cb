"""Finite differences: first and second derivatives by slicing, the 1-D
Poisson problem as a tridiagonal system built from np.diag with offsets and
solved with np.linalg.solve, a 2-D five-point Laplacian on a padded grid, and
Jacobi relaxation to steady state."""
import numpy as np


def main():
    n = 21
    x = np.linspace(0, 1, n)
    h = x[1] - x[0]
    f = np.sin(np.pi * x)
    d1 = (f[2:] - f[:-2]) / (2 * h)
    d2 = (f[2:] - 2 * f[1:-1] + f[:-2]) / h ** 2
    err_d2 = np.max(np.abs(d2 + np.pi ** 2 * f[1:-1]))
    m = n - 2
    A = (np.diag(-2 * np.ones(m)) + np.diag(np.ones(m - 1), 1) + np.diag(np.ones(m - 1), -1)) / h ** 2
    rhs = -np.pi ** 2 * np.sin(np.pi * x[1:-1])
    u = np.linalg.solve(A, rhs)
    grid = np.zeros((12, 12))
    grid[0, :] = 100.0
    u2 = grid.copy()
    for _ in range(400):
        p = np.pad(u2[1:-1, 1:-1], 1, mode="constant")
        interior = 0.25 * (u2[:-2, 1:-1] + u2[2:, 1:-1] + u2[1:-1, :-2] + u2[1:-1, 2:])
        u2[1:-1, 1:-1] = interior
    lap = u2[:-2, 1:-1] + u2[2:, 1:-1] + u2[1:-1, :-2] + u2[1:-1, 2:] - 4 * u2[1:-1, 1:-1]
    gy, gx = np.gradient(u2)
    return {
        "h": h,
        "d1_mid": d1[n // 2 - 1],
        "d2_err": err_d2,
        "poisson_err": float(np.abs(u - np.sin(np.pi * x[1:-1])).max()),
        "A_diag": (np.diag(A)[:2], np.diag(A, k=1)[:2]),
        "tri_band": np.count_nonzero(A),
        "steady_center": u2[6, 6],
        "residual": float(np.abs(lap).max()),
        "steady_row": np.round(u2[3], 4),
        "grad_shapes": (gy.shape, gx.shape),
        "gy_mean": gy[1:-1, 1:-1].mean(),
        "pad_shape": p.shape,
        "diff2": np.diff(f, n=2)[:3],
        "ediff": np.ediff1d(f[:5], to_begin=0.0, to_end=[9.0]),
    }


if __name__ == "__main__":
    print(main())

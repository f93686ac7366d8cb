"""100-exercises style: isin, unique rows, outer products, einsum diagonal."""
import numpy as np


def main():
    rng = np.random.default_rng(21)
    a = rng.integers(0, 5, (10, 3))
    b = np.array([[1, 2], [0, 4]])
    mask = np.isin(a, b)
    rows_with_all = np.isin(a, b).all(axis=1)
    rows_inverted = np.isin(a, [0, 1], invert=True).sum()

    z = rng.integers(0, 2, (8, 3))
    uniq = np.unique(z, axis=0)
    uniq_rows, inverse, counts = np.unique(z, axis=0, return_inverse=True, return_counts=True)

    x = np.arange(1, 5)
    outer = np.outer(x, x)
    outer_ufunc = np.multiply.outer(x, np.arange(3))
    subtract_outer = np.subtract.outer(x, x)

    A = rng.random((4, 4))
    B = rng.random((4, 4))
    diag1 = np.diag(A @ B)
    diag2 = np.einsum("ij,ji->i", A, B)
    diag3 = np.sum(A * B.T, axis=1)
    same = bool(np.allclose(diag1, diag2) and np.allclose(diag2, diag3))
    trace = np.einsum("ii", A)

    vals, cnt = np.unique(rng.integers(0, 6, 30), return_counts=True)
    equal_rows = z[~(z[:, 1:] == z[:, :-1]).all(axis=1)]

    return {
        "mask": mask,
        "rows_with_all": rows_with_all,
        "rows_inverted": rows_inverted,
        "uniq": uniq,
        "uniq_rows": uniq_rows,
        "inverse": inverse.ravel(),
        "counts": counts,
        "outer": outer,
        "outer_ufunc": outer_ufunc,
        "subtract_outer": subtract_outer,
        "diag2": diag2,
        "same": same,
        "trace": trace,
        "vals": vals,
        "cnt": cnt,
        "unequal_rows": equal_rows,
    }

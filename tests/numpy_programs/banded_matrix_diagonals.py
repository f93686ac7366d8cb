"""Building and reading banded matrices: np.diag with an offset k, np.diagflat,
np.tri and np.triu/np.tril with k, np.trace with an offset, np.diagonal of a stack
with axis1/axis2, np.fill_diagonal (wrap=True on a tall matrix), and the diagonal
as a view."""
import numpy as np


def main():
    n = 5
    main_d = np.full(n, 2.0)
    off = np.full(n - 1, -1.0)
    T = np.diag(main_d) + np.diag(off, k=1) + np.diag(off, k=-1)
    band = np.diagflat([1, 2, 3], k=1)
    lower = np.tri(4, 5, k=-1, dtype=int)
    up = np.triu(np.arange(1, 17).reshape(4, 4), k=1)
    lo = np.tril(np.arange(1, 17).reshape(4, 4), k=-1)
    traces = [np.trace(T, offset=k) for k in (-1, 0, 1, 2)]
    stack = np.arange(24).reshape(2, 3, 4)
    d01 = np.diagonal(stack, axis1=1, axis2=2)
    d02 = np.diagonal(stack, offset=1, axis1=0, axis2=2)
    tall = np.zeros((7, 3), dtype=int)
    np.fill_diagonal(tall, 9, wrap=True)
    square = np.zeros((4, 4))
    np.fill_diagonal(square, [1.0, 2.0, 3.0, 4.0])
    A = np.arange(9.0).reshape(3, 3)
    d = A.diagonal()
    readonly = not d.flags.writeable
    dd = np.diag(A, k=-1)
    main_sum = np.einsum("ii", A)
    is_tridiag = np.count_nonzero(T - np.triu(np.tril(T, 1), -1)) == 0
    return {"T": T, "band": band, "lower": lower, "up": up, "lo": lo,
            "traces": np.array(traces), "d01": d01, "d02": d02, "tall": tall,
            "square": square, "d": d, "readonly": readonly, "dd": dd,
            "main_sum": main_sum, "is_tridiag": is_tridiag,
            "eig_T": np.round(np.linalg.eigvalsh(T), 10)}


if __name__ == "__main__":
    print(main())

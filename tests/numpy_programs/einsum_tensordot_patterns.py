"""Common einsum patterns next to their explicit equivalents: traces,
diagonals, batched matrix products, bilinear forms, outer products and
contractions with np.tensordot, np.kron, np.inner, np.vdot and np.outer."""
import numpy as np


def main():
    rng = np.random.default_rng(4)
    A = rng.integers(0, 5, size=(3, 3))
    B = rng.integers(0, 5, size=(3, 4))
    batch = rng.standard_normal((5, 2, 3))
    batch2 = rng.standard_normal((5, 3, 2))
    u, v = np.arange(3), np.arange(4)
    T = np.arange(24).reshape(2, 3, 4)
    S = np.arange(12).reshape(4, 3)
    results = {
        "trace": (np.einsum("ii", A), np.trace(A)),
        "diag": np.einsum("ii->i", A),
        "transpose": np.einsum("ij->ji", B),
        "matmul": np.array_equal(np.einsum("ij,jk->ik", A, B), A @ B),
        "row_sums": np.einsum("ij->i", B),
        "total": np.einsum("ij->", B),
        "bmm": bool(np.allclose(np.einsum("bij,bjk->bik", batch, batch2), batch @ batch2)),
        "bilinear": np.einsum("i,ij,j", u, B, v),
        "outer": np.array_equal(np.einsum("i,j->ij", u, v), np.outer(u, v)),
        "ellipsis": np.einsum("...ij->...ji", batch).shape,
        "optimize": np.einsum("ij,jk,kl->il", A, B, B.T, optimize=True),
        "tensordot_axes2": np.tensordot(T, S, axes=([1, 2], [1, 0])),
        "tensordot_int": np.tensordot(A, A, axes=1),
        "tensordot0": np.tensordot(u, v, axes=0).shape,
        "kron": np.kron(np.eye(2, dtype=int), np.array([[1, 2], [3, 4]])),
        "kron_vec": np.kron([1, 10], [1, 2, 3]),
        "inner": np.inner(A, A),
        "vdot": np.vdot(np.array([1 + 2j, 3j]), np.array([2 - 1j, 1])),
        "outer_flat": np.outer(A[:2], [1, -1]).shape,
        "dtype": np.einsum("ij,jk->ik", A, B).dtype,
        "mixed_dtype": np.einsum("ij,j->i", A, np.ones(3, dtype=np.float32)).dtype,
    }
    return results


if __name__ == "__main__":
    print(main())

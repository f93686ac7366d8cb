"""Products of vectors, matrices and tensors: dot, matmul, einsum in its common forms,
outer, kron, cross, inner, tensordot and vdot."""
import numpy as np


def main():
    rng = np.random.default_rng(5)
    A = rng.normal(size=(3, 4))
    B = rng.normal(size=(4, 2))
    batch = rng.normal(size=(5, 3, 4))
    v = np.array([1.0, 2.0, 3.0])
    w = np.array([-1.0, 0.5, 2.0])
    results = {
        "dot": np.dot(A, B), "matmul": A @ B, "batched": batch @ B,
        "vec_mat": v @ A, "dot_scalar": np.dot(3, 4),
        "einsum_mm": np.einsum("ij,jk->ik", A, B),
        "einsum_trace": np.einsum("ii", np.arange(9.0).reshape(3, 3)),
        "einsum_diag": np.einsum("ii->i", np.arange(9).reshape(3, 3)),
        "einsum_T": np.einsum("ij->ji", A),
        "einsum_batch": np.einsum("bij,jk->bik", batch, B),
        "einsum_outer": np.einsum("i,j->ij", v, w),
        "einsum_rowdot": np.einsum("ij,ij->i", A, A),
        "einsum_ellipsis": np.einsum("...ij->...ji", batch).shape,
        "einsum_sum": np.einsum("bij->j", batch),
        "outer": np.outer(v, w), "kron": np.kron(np.eye(2), np.array([[1, 2], [3, 4]])),
        "cross": np.cross(v, w), "cross_many": np.cross(A[:, :3], batch[0, :, :3]),
        "inner": np.inner(v, w), "inner_mat": np.inner(A, A),
        "tensordot": np.tensordot(batch, B, axes=([2], [0])),
        "tensordot_int": np.tensordot(A, A, axes=2), "vdot": np.vdot(A, A),
        "multi_dot": np.linalg.multi_dot([A, B, B.T]),
        "int_matmul": np.arange(6).reshape(2, 3) @ np.arange(6).reshape(3, 2),
        "vecdot": np.vecdot(A, A), "matvec": np.matvec(A, rng.normal(size=4)),
    }
    return results


if __name__ == "__main__":
    print(main())

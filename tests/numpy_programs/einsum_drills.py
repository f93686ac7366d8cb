"""np.einsum drills: traces, transposes, batched matrix products, bilinear
forms, outer products, and checks against the explicit functions."""
import numpy as np


def main():
    a = np.arange(9.0).reshape(3, 3)
    b = np.arange(6.0).reshape(3, 2)
    v = np.array([1.0, -1.0, 2.0])
    batch = np.arange(24.0).reshape(2, 3, 4)
    batch2 = np.arange(16.0).reshape(2, 4, 2)
    out = {
        "trace": np.einsum("ii", a),
        "diag": np.einsum("ii->i", a),
        "transpose": np.einsum("ij->ji", b),
        "matmul": np.einsum("ij,jk->ik", a, b),
        "bmm": np.einsum("bij,bjk->bik", batch, batch2),
        "bilinear": np.einsum("i,ij,j->", v, a, v),
        "outer": np.einsum("i,j->ij", v, v[:2]),
        "colsum": np.einsum("ij->j", a),
        "total": np.einsum("ijk->", batch),
        "hadamard": np.einsum("ij,ij->ij", a, a),
        "ellipsis": np.einsum("...ij->...ji", batch).shape,
        "int_einsum": np.einsum("ij,j->i", np.arange(6).reshape(2, 3), np.array([1, 2, 3])),
        "opt": np.einsum("ij,jk,kl->il", a, a, a, optimize=True),
        "sublist": np.einsum(a, [0, 1], v, [1], [0]),
    }
    out["check_bmm"] = np.allclose(out["bmm"], batch @ batch2)
    out["check_bilinear"] = bool(np.isclose(out["bilinear"], v @ a @ v))
    out["tensordot"] = np.tensordot(batch, batch2, axes=([2], [1])).shape
    out["inner"] = np.inner(a, v)
    return out


if __name__ == "__main__":
    print(main())

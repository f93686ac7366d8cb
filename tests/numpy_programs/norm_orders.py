"""Vector and matrix norms with every ord, along axes and with keepdims."""
import numpy as np


def main():
    v = np.array([3.0, -4.0, 12.0, 0.0])
    vector_norms = np.array([np.linalg.norm(v, ord=o) for o in (None, 1, 2, np.inf, -np.inf, 0, 3)])
    m = np.array([[1.0, -2.0, 3.0], [4.0, 5.0, -6.0], [-7.0, 8.0, 9.0]])
    matrix_norms = np.array([np.linalg.norm(m, ord=o) for o in (None, "fro", 1, -1, 2, -2, np.inf, -np.inf, "nuc")])
    rows = np.linalg.norm(m, axis=1)
    cols_l1 = np.linalg.norm(m, ord=1, axis=0)
    keep = np.linalg.norm(m, axis=1, keepdims=True)
    unit_rows = m / keep
    batch = np.arange(24.0).reshape(2, 3, 4)
    batch_fro = np.linalg.norm(batch, axis=(1, 2))
    batch_inf = np.linalg.norm(batch, ord=np.inf, axis=(1, 2))
    ints = np.linalg.norm(np.array([1, 2, 2]))
    cond = np.linalg.cond(m)
    cond_fro = np.linalg.cond(m, "fro")
    vn = np.linalg.vector_norm(batch, axis=-1, ord=1)
    mn = np.linalg.matrix_norm(batch, ord="nuc")
    return {
        "vector_norms": vector_norms,
        "matrix_norms": matrix_norms,
        "rows": rows,
        "cols_l1": cols_l1,
        "keep_shape": np.array(keep.shape),
        "unit_rows": unit_rows,
        "batch_fro": batch_fro,
        "batch_inf": batch_inf,
        "ints": ints,
        "cond": cond,
        "cond_fro": cond_fro,
        "vn": vn,
        "mn": mn,
    }


if __name__ == "__main__":
    print(main())

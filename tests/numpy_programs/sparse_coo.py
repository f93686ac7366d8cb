"""A sparse matrix kept as coordinate triplets: duplicates summed with np.unique on
linear indices, conversion to CSR arrays (row pointers from bincount and cumsum),
a matrix-vector product by np.add.reduceat, the transpose, and a check against the
dense product."""
import numpy as np


def main():
    rng = np.random.default_rng(8)
    shape = (6, 8)
    rows = rng.integers(0, shape[0], size=25)
    cols = rng.integers(0, shape[1], size=25)
    vals = rng.integers(1, 10, size=25).astype(float)
    lin = np.ravel_multi_index((rows, cols), shape)
    keys, inv = np.unique(lin, return_inverse=True)
    summed = np.zeros(keys.size)
    np.add.at(summed, inv, vals)
    r, c = np.unravel_index(keys, shape)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(r, minlength=shape[0]))])
    x = np.arange(1.0, shape[1] + 1)
    products = summed * x[c]
    nonempty = np.diff(indptr) > 0
    y = np.zeros(shape[0])
    y[nonempty] = np.add.reduceat(products, indptr[:-1][nonempty])
    dense = np.zeros(shape)
    dense[r, c] = summed
    order_t = np.lexsort((r, c))
    t_rows, t_cols, t_vals = c[order_t], r[order_t], summed[order_t]
    nnz_per_col = np.bincount(c, minlength=shape[1])
    density = keys.size / dense.size
    return {"nnz": keys.size, "indptr": indptr, "indices": c, "data": summed, "y": y,
            "dense_y": dense @ x, "match": bool(np.allclose(y, dense @ x)),
            "t_rows": t_rows, "t_cols": t_cols, "t_vals": t_vals,
            "nnz_per_col": nnz_per_col, "density": density,
            "row_max": np.array([dense[i].max() for i in range(shape[0])]),
            "frobenius": np.sqrt(np.sum(summed ** 2))}


if __name__ == "__main__":
    print(main())

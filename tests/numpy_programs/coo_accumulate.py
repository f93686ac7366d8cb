"""A sparse matrix in COO form: duplicate summing, CSR conversion and products via np.add.at."""
import numpy as np


def coalesce(rows, cols, vals, shape):
    keys = rows * shape[1] + cols
    uniq, inv = np.unique(keys, return_inverse=True)
    summed = np.zeros(uniq.size)
    np.add.at(summed, inv, vals)
    return uniq // shape[1], uniq % shape[1], summed


def to_csr(rows, cols, vals, n_rows):
    order = np.lexsort((cols, rows))
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.add.at(indptr, rows + 1, 1)
    return np.cumsum(indptr), cols[order], vals[order]


def matvec(rows, cols, vals, x, n_rows):
    y = np.zeros(n_rows)
    np.add.at(y, rows, vals * x[cols])
    return y


def main():
    rng = np.random.default_rng(8)
    shape = (7, 9)
    nnz = 30
    rows = rng.integers(0, shape[0], nnz)
    cols = rng.integers(0, shape[1], nnz)
    vals = np.round(rng.normal(size=nnz), 3)
    r, c, v = coalesce(rows, cols, vals, shape)
    dense = np.zeros(shape)
    np.add.at(dense, (rows, cols), vals)
    indptr, indices, data = to_csr(r, c, v, shape[0])
    x = np.arange(shape[1], dtype=np.float64)
    y = matvec(r, c, v, x, shape[0])
    row_nnz = np.diff(indptr)
    col_sums = np.bincount(c, weights=v, minlength=shape[1])
    # transpose product A^T A via outer accumulation
    ata = np.zeros((shape[1], shape[1]))
    for i in range(shape[0]):
        sl = slice(indptr[i], indptr[i + 1])
        ci, di = indices[sl], data[sl]
        np.add.at(ata, (ci[:, None], ci[None, :]), np.outer(di, di))
    return {
        "nnz_after": v.size,
        "duplicates": nnz - v.size,
        "matches_dense": np.allclose(dense @ x, y),
        "y": y,
        "indptr": indptr,
        "row_nnz": row_nnz,
        "col_sums": col_sums,
        "ata_err": np.max(np.abs(ata - dense.T @ dense)),
        "density": v.size / dense.size,
        "max_entry": np.array(np.unravel_index(np.argmax(np.abs(dense)), shape)),
    }

"""Boolean masks over axes, nonzero/argwhere, diag_indices and triu/tril indices."""
import numpy as np


def main():
    rng = np.random.default_rng(9)
    data = rng.integers(-3, 10, size=(6, 5))
    neg_rows = np.any(data < 0, axis=1)
    pos_cols = np.all(data > 0, axis=0)
    clean = data[~neg_rows]
    r, c = np.nonzero(data == 0)
    where_big = np.argwhere(data >= 8)
    first_neg = np.where(neg_rows, np.argmax(data < 0, axis=1), -1)
    sq = np.arange(16).reshape(4, 4)
    di = np.diag_indices(4)
    d = sq.copy()
    d[di] = 0
    tu = np.triu_indices(4, k=1)
    tl = np.tril_indices(4)
    upper_vals = sq[tu]
    sym = np.zeros((4, 4))
    sym[tu] = np.arange(1, 7)
    sym = sym + sym.T
    antidiag = np.fliplr(sq).diagonal()
    cube = np.zeros((3, 3, 3), dtype=int)
    cube[np.diag_indices(3, ndim=3)] = 7
    frm = np.triu_indices_from(sq, k=2)
    masked_mean = np.nanmean(np.where(data > 0, data, np.nan), axis=0)
    rows_with_all = np.flatnonzero(np.all(data != 0, axis=1))
    count_axis = np.count_nonzero(data > 5, axis=0)
    return {
        "data": data,
        "neg_rows": neg_rows,
        "pos_cols": pos_cols,
        "clean": clean,
        "r": r,
        "c": c,
        "where_big": where_big,
        "first_neg": first_neg,
        "d": d,
        "tu0": tu[0],
        "tu1": tu[1],
        "tl_len": len(tl[0]),
        "upper_vals": upper_vals,
        "sym": sym,
        "antidiag": antidiag,
        "cube_sum": int(cube.sum()),
        "cube_nz": np.transpose(np.nonzero(cube)),
        "frm": np.vstack(frm),
        "masked_mean": np.round(masked_mean, 6),
        "rows_with_all": rows_with_all,
        "count_axis": count_axis,
    }

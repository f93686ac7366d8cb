"""Fancy and boolean indexing with assignment: clipping outliers in place, adding to
chosen rows, open-mesh selections with ix_, and masked statistics."""
import numpy as np


def main():
    rng = np.random.default_rng(21)
    a = rng.normal(size=(6, 5))
    b = a.copy()
    b[b > 1.0] = 1.0
    b[b < -1.0] *= 0.5
    c = np.arange(20).reshape(4, 5)
    c[[0, 2], :] += 100
    c[:, [1, 3]] = -1
    c[c % 7 == 0] = 0
    d = np.zeros((5, 5), dtype=int)
    d[np.ix_([0, 2, 4], [1, 3])] = 7
    sub = a[np.ix_([1, 3], [0, 2, 4])]
    pts = np.arange(10) * 1.5
    pts[[1, 1, 3]] += 10          # repeated index: applied once
    rows_with_negatives = np.any(a < -1.5, axis=1)
    kept = a[~rows_with_negatives]
    nz_r, nz_c = np.nonzero(a > 1.2)
    pairs = np.argwhere(a > 1.2)
    e = np.arange(12).reshape(3, 4)
    diag_pick = e[[0, 1, 2], [3, 2, 1]]
    masked_mean = np.where(a > 0, a, np.nan)
    col_pos_mean = np.nanmean(masked_mean, axis=0)
    f = np.arange(10)
    f[f > 5] = f[f > 5][::-1]
    g = np.zeros(8)
    g[np.array([True, False] * 4)] = np.arange(4.0)
    mask2d = np.tri(5, dtype=bool)
    lower_values = np.arange(25).reshape(5, 5)[mask2d]
    return {"b": b, "c": c, "d": d, "sub": sub, "pts": pts, "kept": kept,
            "nz_r": nz_r, "nz_c": nz_c, "pairs": pairs, "diag_pick": diag_pick,
            "col_pos_mean": col_pos_mean, "f": f, "g": g, "lower_values": lower_values,
            "count": np.count_nonzero(a > 0, axis=0), "all_rows": np.all(a > -3, axis=1),
            "take": np.take(e, [0, 5, 11]), "take_axis": np.take(e, [2, 0], axis=1),
            "compress": np.compress([True, False, True], e, axis=0),
            "extract": np.extract(e % 3 == 0, e)}


if __name__ == "__main__":
    print(main())

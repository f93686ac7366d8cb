import numpy as np


def topk(scores, k, axis=-1):
    part = np.argpartition(-scores, k - 1, axis=axis)
    idx = np.take(part, np.arange(k), axis=axis)
    vals = np.take_along_axis(scores, idx, axis=axis)
    order = np.argsort(-vals, axis=axis, kind="stable")
    return np.take_along_axis(idx, order, axis=axis), np.take_along_axis(vals, order, axis=axis)


def main():
    rng = np.random.default_rng(2024)
    scores = rng.random((6, 10)).round(4)
    idx, vals = topk(scores, 3)
    full_sort = np.sort(scores, axis=1)[:, ::-1][:, :3]
    col_idx, col_vals = topk(scores, 2, axis=0)
    flat = scores.ravel()
    best5 = np.argpartition(flat, -5)[-5:]
    best5 = best5[np.argsort(flat[best5])[::-1]]
    coords = np.column_stack(np.unravel_index(best5, scores.shape))
    # smallest k with kth as a sequence
    small = np.partition(flat, [0, 1, 2])[:3]
    median_val = np.partition(flat, flat.size // 2)[flat.size // 2]
    # recall@k for recommendations
    relevant = np.zeros_like(scores, dtype=bool)
    relevant[np.arange(6), rng.integers(0, 10, size=6)] = True
    hits = np.take_along_axis(relevant, idx, axis=1).any(axis=1)
    return {
        "idx": idx,
        "vals": vals,
        "matches_sort": bool(np.allclose(vals, full_sort)),
        "col_idx": col_idx,
        "col_vals": col_vals,
        "best5": best5,
        "coords": coords,
        "small": small,
        "median_val": median_val,
        "median_ok": bool(median_val == np.sort(flat)[flat.size // 2]),
        "hits": hits,
        "recall_at_3": hits.mean(),
    }

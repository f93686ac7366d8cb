"""Argsort tricks: inverse permutations, ranking with ties, stable multi-key sorts."""
import numpy as np


def rank_min(a):
    order = np.argsort(a, kind="stable")
    s = a[order]
    first = np.r_[True, s[1:] != s[:-1]]
    dense = np.cumsum(first)
    starts = np.flatnonzero(first)
    ranks = np.empty(len(a), dtype=np.intp)
    ranks[order] = starts[dense - 1] + 1
    return ranks, dense[np.argsort(order)]


def main():
    scores = np.array([88, 92, 75, 92, 60, 88, 99, 75, 75])
    order = np.argsort(scores, kind="stable")
    inv = np.empty_like(order)
    inv[order] = np.arange(len(order))
    double = scores.argsort(kind="stable").argsort()
    min_rank, dense_rank = rank_min(scores)
    desc = np.argsort(-scores, kind="stable")
    names = np.array(["ann", "bob", "cy", "dee", "eve", "fay", "gus", "hal", "ivy"])
    ages = np.array([30, 25, 30, 22, 25, 30, 22, 41, 25])
    lex = np.lexsort((names, ages))
    rec = np.array([(3, 1.5), (1, 2.5), (3, 0.5), (2, 9.0)], dtype=[("k", "i4"), ("v", "f8")])
    by_k = np.sort(rec, order=["k", "v"])
    avg_rank = np.zeros(len(scores))
    for val in np.unique(scores):
        m = scores == val
        avg_rank[m] = inv[m].mean() + 1
    pct = 100.0 * (double + 1) / len(scores)
    m2 = np.array([[3, 1, 2], [9, 7, 8], [4, 6, 5]])
    row_order = np.argsort(m2, axis=1)
    col_sorted = np.sort(m2, axis=0)[::-1]
    return {
        "order": order,
        "inv": inv,
        "double": double,
        "min_rank": min_rank,
        "dense_rank": dense_rank,
        "desc": desc,
        "lex": names[lex].tolist(),
        "by_k_v": by_k["v"],
        "avg_rank": avg_rank,
        "pct": np.round(pct, 2),
        "row_order": row_order,
        "col_sorted": col_sorted,
        "median_idx": int(np.argsort(scores, kind="stable")[len(scores) // 2]),
    }

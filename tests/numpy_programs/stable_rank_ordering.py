"""Data cleaning: ranking with ties using stable sorts."""
import numpy as np


def main():
    scores = np.array([88, 92, 75, 92, 60, 88, 88, 100, 75, 60])
    order = np.argsort(-scores, kind="stable")
    ordinal = np.empty_like(order)
    ordinal[order] = np.arange(1, scores.size + 1)
    asc = scores.argsort(kind="stable")
    ranks_asc = asc.argsort(kind="stable") + 1

    sorted_scores = scores[order]
    new_group = np.r_[True, sorted_scores[1:] != sorted_scores[:-1]]
    dense_sorted = np.cumsum(new_group)
    dense = np.empty_like(dense_sorted)
    dense[order] = dense_sorted

    uniq, inv, cnt = np.unique(scores, return_inverse=True, return_counts=True)
    starts = np.cumsum(cnt) - cnt
    avg_rank = (starts + (cnt + 1) / 2.0)[inv]
    min_rank = (starts + 1)[inv]

    names = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3])
    lex = np.lexsort((names, -scores))
    ms = np.sort(scores, kind="mergesort")
    top3 = np.flatnonzero(dense <= 3)
    return {
        "ordinal": ordinal,
        "ranks_asc": ranks_asc,
        "dense": dense,
        "avg_rank": avg_rank,
        "min_rank": min_rank,
        "lex": lex,
        "ms": ms,
        "top3": top3,
    }

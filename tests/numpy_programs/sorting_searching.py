"""Sorting and searching: ranks from argsort, multi-key sorts with lexsort, binary
search with searchsorted, value counts, bins with digitize and histogram."""
import numpy as np


def main():
    rng = np.random.default_rng(8)
    scores = rng.integers(0, 50, size=30)
    order = np.argsort(scores, kind="stable")
    ranks = np.empty_like(order)
    ranks[order] = np.arange(scores.size)
    descending = np.sort(scores)[::-1]
    top3 = np.argsort(-scores, kind="stable")[:3]
    last = rng.integers(0, 5, size=30)
    first = rng.integers(0, 5, size=30)
    by_name = np.lexsort((last, first))
    sorted_vals = np.sort(rng.uniform(0, 100, size=20))
    queries = np.array([-1.0, 0.0, 33.3, 50.0, 99.0, 200.0])
    left = np.searchsorted(sorted_vals, queries)
    right = np.searchsorted(sorted_vals, [sorted_vals[3], sorted_vals[7]], side="right")
    values, counts = np.unique(scores, return_counts=True)
    mode = values[np.argmax(counts)]
    uniq, index, inverse = np.unique(last, return_index=True, return_inverse=True)
    tally = np.bincount(last, minlength=7)
    weighted = np.bincount(last, weights=scores.astype(float))
    bins = np.array([0, 10, 20, 30, 40, 50])
    which = np.digitize(scores, bins)
    which_right = np.digitize(scores, bins, right=True)
    hist, edges = np.histogram(scores, bins=5)
    density, _ = np.histogram(sorted_vals, bins=[0, 25, 50, 100], density=True)
    m = rng.integers(0, 9, size=(4, 5))
    row_sorted = np.sort(m, axis=1)
    col_order = np.argsort(m, axis=0, kind="stable")
    return {"ranks": ranks, "descending": descending, "top3": top3, "by_name": by_name,
            "left": left, "right": right, "values": values, "counts": counts, "mode": mode,
            "uniq": uniq, "index": index, "inverse": inverse, "tally": tally,
            "weighted": weighted, "which": which, "which_right": which_right,
            "hist": hist, "edges": edges, "density": density, "row_sorted": row_sorted,
            "col_order": col_order, "argmax_rows": np.argmax(m, axis=1),
            "sorted_flat": np.sort(m, axis=None), "nonzero_count": np.count_nonzero(m),
            "take_sorted": np.take_along_axis(m, np.argsort(m, axis=1, kind="stable"), axis=1)}


if __name__ == "__main__":
    print(main())

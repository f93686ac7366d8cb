"""Ranking race results: a stable sort on several keys with np.lexsort and argsort
(kind="stable"), ranks with ties by searchsorted, the podium with np.argpartition,
per-category sorting along an axis, and insertion points with a sorter."""
import numpy as np


def main():
    times = np.array([312.4, 298.1, 305.0, 298.1, 330.2, 301.7, 305.0, 289.9, 315.5])
    category = np.array([1, 0, 1, 0, 2, 1, 2, 0, 2])
    bib = np.arange(101, 110)
    order = np.lexsort((bib, times, category))
    by_time = np.argsort(times, kind="stable")
    sorted_times = times[by_time]
    dense_rank = np.searchsorted(np.unique(times), times) + 1
    min_rank = np.searchsorted(sorted_times, times, side="left") + 1
    max_rank = np.searchsorted(sorted_times, times, side="right")
    podium = np.argpartition(times, 3)[:3]
    podium_sorted = podium[np.argsort(times[podium])]
    grid = np.array([[5, 3, 9], [1, 8, 2], [7, 4, 6]])
    sorted_rows = np.sort(grid, axis=1)
    sorted_cols = np.sort(grid, axis=0)
    desc = -np.sort(-times)
    argmax_per_cat = np.array([np.flatnonzero(category == c)[np.argmax(times[category == c])]
                               for c in range(3)])
    unsorted = np.array([40, 10, 30, 20])
    sorter = np.argsort(unsorted)
    insert_at = np.searchsorted(unsorted, [25, 5, 45], sorter=sorter)
    kth = np.partition(times, 4)[4]
    return {"order": order, "order_bibs": bib[order], "by_time": by_time,
            "dense_rank": dense_rank, "min_rank": min_rank, "max_rank": max_rank,
            "podium": podium_sorted, "sorted_rows": sorted_rows, "sorted_cols": sorted_cols,
            "desc": desc, "argmax_per_cat": argmax_per_cat, "insert_at": insert_at,
            "kth": kth, "median": np.median(times), "argsort_2d": np.argsort(grid, axis=None)}


if __name__ == "__main__":
    print(main())

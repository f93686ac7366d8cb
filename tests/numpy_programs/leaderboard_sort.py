"""Sorting a leaderboard: lexsort on several keys, stable argsort, partition and
argpartition for the top k, sorting along axes, searchsorted insertion, and
sort_complex."""
import numpy as np


def main():
    players = np.array(["zed", "amy", "bob", "cat", "dan", "eve", "fox", "gil"])
    points = np.array([30, 45, 45, 12, 30, 45, 8, 30])
    time = np.array([5.2, 3.1, 4.0, 9.9, 5.2, 3.1, 1.0, 2.5])
    order = np.lexsort((time, -points))
    board = players[order]
    stable = np.argsort(points, kind="stable")
    top3 = np.sort(np.partition(points, -3)[-3:])
    top3_idx = np.argpartition(points, -3)[-3:]
    m = np.array([[3, 1, 2], [9, 7, 8], [0, 5, 4]])
    insert_at = np.searchsorted(np.sort(points), [10, 30, 50])
    rank_desc = points.argsort()[::-1]
    by_name = np.sort(players)
    uniq_sorted = np.unique(points)[::-1]
    return {"board": board, "stable": stable, "top3": top3,
            "top3_points": np.sort(points[top3_idx]), "sorted_rows": np.sort(m, axis=1),
            "sorted_cols": np.sort(m, axis=0), "flat": np.sort(m, axis=None),
            "insert_at": insert_at, "rank_desc_points": points[rank_desc],
            "by_name": by_name, "uniq_sorted": uniq_sorted,
            "complex": np.sort_complex(np.array([3 + 1j, 1 - 2j, 1 + 1j])),
            "median_rank": int(np.argsort(np.argsort(points, kind="stable"), kind="stable")[0]),
            "sorted_inplace": _inplace(points), "argmax_tie": int(np.argmax(points)),
            "kth": np.partition(np.array([7, 1, 5, 3, 9]), 2)[2]}


def _inplace(a):
    b = a.copy()
    b.sort()
    return b[::-1]


if __name__ == "__main__":
    print(main())

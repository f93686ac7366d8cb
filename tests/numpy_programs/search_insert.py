"""Searching sorted data: searchsorted, argsort, lexsort, partition."""
import numpy as np


def main():
    breakpoints = np.array([0, 10, 20, 20, 30, 50])
    queries = np.array([-5, 0, 5, 10, 20, 25, 50, 60])
    left = np.searchsorted(breakpoints, queries)
    right = np.searchsorted(breakpoints, queries, side="right")
    unsorted = np.array([40, 10, 30, 20, 50])
    sorter = np.argsort(unsorted)
    pos = np.searchsorted(unsorted, [25, 45], sorter=sorter)
    data = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
    stable = np.argsort(data, kind="stable")
    desc = np.argsort(-data, kind="stable")
    part = np.partition(data, 3)
    kth_smallest = np.sort(part[:4])
    argp = np.argpartition(data, -3)[-3:]
    top3 = np.sort(data[argp])[::-1]
    last = np.array(["smith", "jones", "smith", "brown", "jones"])
    first = np.array(["zoe", "amy", "al", "bob", "cat"])
    lex = np.lexsort((first, last))
    full = np.char.add(np.char.add(last[lex], ","), first[lex])
    m = np.array([[9, 2, 7], [4, 8, 1], [6, 3, 5]])
    sorted_rows = np.sort(m, axis=1)
    sorted_cols = np.sort(m, axis=0)
    by_second = m[m[:, 1].argsort()]
    flat_sorted = np.sort(m, axis=None)
    take = np.take_along_axis(m, np.argsort(m, axis=1), axis=1)
    cum = np.cumsum([0.2, 0.5, 0.3])
    bucket = np.searchsorted(cum, [0.1, 0.2, 0.65, 0.99])
    x = np.linspace(0, 1, 11)
    nearest = np.abs(x[:, None] - np.array([0.33, 0.77])).argmin(axis=0)
    nz = np.argwhere(m > 5)
    return {
        "left": left,
        "right": right,
        "pos": pos,
        "stable": stable,
        "desc": desc,
        "kth": kth_smallest,
        "top3": top3,
        "lex": lex,
        "full": full,
        "sorted_rows": sorted_rows,
        "sorted_cols": sorted_cols,
        "by_second": by_second,
        "flat_sorted": flat_sorted,
        "take": take,
        "bucket": bucket,
        "nearest": nearest,
        "nz": nz,
    }

"""Sorting: kind=, stable ties, structured arrays with order=, partition, lexsort."""
import numpy as np


def main():
    scores = np.array([88, 92, 75, 92, 60, 88, 100, 75])
    stable_idx = np.argsort(scores, kind="stable")
    descending_stable = np.argsort(-scores, kind="stable")
    merge = np.sort(scores, kind="mergesort")
    heap = np.sort(scores, kind="heapsort")
    people = np.array(
        [("ann", 31, 1.65), ("bob", 25, 1.80), ("cat", 31, 1.58), ("dan", 25, 1.75)],
        dtype=[("name", "U8"), ("age", "i4"), ("height", "f8")],
    )
    by_age = np.sort(people, order="age")
    by_age_height = np.sort(people, order=["age", "height"])
    names = people["name"][np.argsort(people, order=["age", "name"])]
    part = np.partition(scores, 3)
    kth = part[3]
    lowest3 = np.sort(np.partition(scores, 2)[:3])
    arg_part = np.argpartition(scores, -2)[-2:]
    multi = np.partition(scores, [1, 5])
    m = np.array([[3, 1, 2], [9, 7, 8], [4, 6, 5]])
    row_sorted = np.sort(m, axis=1)
    col_sorted = np.sort(m, axis=0)
    flat_sorted = np.sort(m, axis=None)
    last = np.array([2, 1, 2, 1, 0])
    first = np.array([5, 3, 1, 2, 4])
    lex = np.lexsort((first, last))
    return {
        "stable_idx": stable_idx,
        "descending_stable": descending_stable,
        "merge": merge,
        "heap": heap,
        "by_age_names": by_age["name"],
        "by_age_height_names": by_age_height["name"],
        "names": names,
        "kth": kth,
        "part_left_ok": bool(np.all(part[:3] <= kth) and np.all(part[4:] >= kth)),
        "lowest3": lowest3,
        "arg_part_values": np.sort(scores[arg_part]),
        "multi_kth": multi[[1, 5]],
        "row_sorted": row_sorted,
        "col_sorted": col_sorted,
        "flat_sorted": flat_sorted,
        "lex": lex,
    }


if __name__ == "__main__":
    print(main())

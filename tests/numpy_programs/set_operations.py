"""Set routines on integer arrays: intersections with indices, unions, differences,
symmetric differences, membership tests, unique rows, and de-duplication that keeps
first occurrences in order."""
import numpy as np


def main():
    rng = np.random.default_rng(77)
    a = rng.integers(0, 30, size=25)
    b = rng.integers(10, 40, size=20)
    common, ia, ib = np.intersect1d(a, b, return_indices=True)
    union = np.union1d(a, b)
    only_a = np.setdiff1d(a, b)
    either = np.setxor1d(a, b)
    member = np.isin(a, b)
    not_member = np.isin(a, b, invert=True)
    _, first = np.unique(a, return_index=True)
    in_order = a[np.sort(first)]
    rows = np.array([[1, 2], [3, 4], [1, 2], [5, 6], [3, 4]])
    uniq_rows, inverse, counts = np.unique(rows, axis=0, return_inverse=True, return_counts=True)
    values = np.unique(np.array([3.0, 1.0, np.nan, 3.0, np.nan]))
    both = np.intersect1d(np.arange(10), np.arange(5, 15), assume_unique=True)
    sorted_unique = np.unique(a)
    return {"common": common, "ia": ia, "ib": ib, "union": union, "only_a": only_a,
            "either": either, "member": member, "not_member": not_member,
            "in_order": in_order, "uniq_rows": uniq_rows, "inverse": inverse,
            "counts": counts, "values": values, "both": both, "sorted_unique": sorted_unique,
            "n_unique": len(sorted_unique), "dup_mask": np.diff(np.sort(a)) == 0,
            "unique_values": np.sort(np.unique_values(b)), "unique_counts": np.unique_counts(b).counts}


if __name__ == "__main__":
    print(main())

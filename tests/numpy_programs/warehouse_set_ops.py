"""Reconciling two warehouse inventories with set operations: np.unique with
return_index/return_inverse/return_counts, row-wise np.unique(axis=0), np.isin with
invert, np.intersect1d with return_indices, setdiff1d, setxor1d and union1d."""
import numpy as np


def main():
    north = np.array([104, 233, 104, 587, 901, 233, 45, 45, 45, 612])
    south = np.array([233, 45, 777, 612, 612, 310, 104])
    values, first, inverse, counts = np.unique(north, return_index=True,
                                               return_inverse=True, return_counts=True)
    rebuilt = values[inverse]
    common, ia, ib = np.intersect1d(north, south, return_indices=True)
    only_north = np.setdiff1d(north, south)
    only_one = np.setxor1d(north, south)
    everything = np.union1d(north, south)
    missing_south = north[np.isin(north, south, invert=True)]
    in_both_mask = np.isin(south, north)
    pallets = np.array([[1, 2], [3, 4], [1, 2], [5, 6], [3, 4], [1, 2]])
    rows, row_counts = np.unique(pallets, axis=0, return_counts=True)
    rows_inv = np.unique(pallets, axis=0, return_inverse=True)[1]
    dup_rows = rows[row_counts > 1]
    uv = np.sort(np.unique_values(south))  # (NumPy 2.3+: in its hash table's order)
    uc = np.unique_counts(south)
    most_common = values[np.argmax(counts)]
    return {"values": values, "first": first, "inverse": inverse, "counts": counts,
            "rebuilt_ok": np.array_equal(rebuilt, north), "common": common, "ia": ia,
            "ib": ib, "only_north": only_north, "only_one": only_one,
            "everything": everything, "missing_south": missing_south,
            "in_both_mask": in_both_mask, "rows": rows, "row_counts": row_counts,
            "rows_inv": rows_inv.ravel(), "dup_rows": dup_rows, "uv": uv,
            "uc_values": uc.values, "uc_counts": uc.counts, "most_common": most_common,
            "assume_unique": np.setdiff1d(values, np.unique(south), assume_unique=True)}


if __name__ == "__main__":
    print(main())

"""Set operations on tags: union1d, intersect1d with indices, setdiff1d,
setxor1d, np.isin with invert, np.unique with return_index/inverse/counts, and
rebuilding arrays from the inverse."""
import numpy as np


def main():
    a = np.array(["red", "blue", "green", "blue", "teal"])
    b = np.array(["blue", "black", "teal", "white"])
    ids_a = np.array([5, 3, 9, 3, 1, 7, 5])
    ids_b = np.array([3, 4, 5, 6])
    common, ia, ib = np.intersect1d(ids_a, ids_b, return_indices=True)
    u, idx, inv, cnt = np.unique(ids_a, return_index=True, return_inverse=True, return_counts=True)
    rows = np.array([[1, 2], [3, 4], [1, 2], [5, 6], [3, 4]])
    urows, rinv = np.unique(rows, axis=0, return_inverse=True)
    return {"union": np.union1d(a, b), "inter": np.intersect1d(a, b), "diff": np.setdiff1d(a, b),
            "xor": np.setxor1d(a, b), "isin": np.isin(a, b), "notin": np.isin(a, b, invert=True),
            "common": common, "ia": ia, "ib": ib, "u": u, "idx": idx, "inv": inv, "cnt": cnt,
            "rebuilt": u[inv], "urows": urows, "rinv": rinv.ravel(),
            "union_num": np.union1d(ids_a, ids_b), "diff_num": np.setdiff1d(ids_a, ids_b),
            "xor_num": np.setxor1d(ids_a, ids_b), "in1d": np.isin(ids_b, ids_a),
            "n_unique": len(set(ids_a.tolist())), "first": ids_a[np.sort(idx)]}


if __name__ == "__main__":
    print(main())

"""np.unique with index/inverse/counts, and the set routines on small inventories."""
import numpy as np


def main():
    codes = np.array([4, 2, 7, 2, 4, 4, 9, 1, 7, 2])
    vals, idx, inv, counts = np.unique(codes, return_index=True, return_inverse=True,
                                       return_counts=True)
    rebuilt = vals[inv]
    weights = np.array([1.0, 0.5, 2.0, 1.5, 1.0, 3.0, 0.25, 4.0, 1.0, 0.5])
    totals = np.bincount(inv, weights=weights)
    store_a = np.array([101, 205, 309, 412, 515, 205])
    store_b = np.array([309, 412, 777, 888, 101])
    both = np.intersect1d(store_a, store_b)
    common, ia, ib = np.intersect1d(store_a, store_b, return_indices=True)
    either = np.union1d(store_a, store_b)
    only_a = np.setdiff1d(store_a, store_b)
    sym = np.setxor1d(store_a, store_b)
    member = np.isin(store_a, store_b)
    not_member = np.isin(store_a, store_b, invert=True)
    words = np.array(["pear", "fig", "apple", "fig", "kiwi", "pear", "fig"])
    wv, wc = np.unique(words, return_counts=True)
    most = wv[np.argmax(wc)]
    pairs = np.array([[1, 2], [2, 1], [1, 2], [3, 3], [2, 1]])
    up, pc = np.unique(pairs, axis=0, return_counts=True)
    grid = np.array([[1, 5, 5], [2, 1, 9]])
    in_grid = np.isin(grid, [1, 9])
    return {
        "vals": vals,
        "idx": idx,
        "inv": inv.ravel(),
        "counts": counts,
        "rebuilt": bool((rebuilt.ravel() == codes).all()),
        "totals": totals,
        "both": both,
        "ia": ia,
        "ib": ib,
        "common": common,
        "either": either,
        "only_a": only_a,
        "sym": sym,
        "member": member,
        "not_member": not_member,
        "words": " ".join(wv),
        "wc": wc,
        "most": str(most),
        "up": up,
        "pc": pc,
        "in_grid": in_grid,
    }

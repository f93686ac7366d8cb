"""Set operations over id lists: unions, intersections, differences, membership."""
import numpy as np


def jaccard(a, b):
    inter = np.intersect1d(a, b).size
    union = np.union1d(a, b).size
    return inter / union if union else 0.0


def main():
    mon = np.array([101, 205, 333, 101, 478, 512, 205])
    tue = np.array([205, 333, 610, 712, 101])
    wed = np.array([900, 512, 610])
    both, i_mon, i_tue = np.intersect1d(mon, tue, return_indices=True)
    only_mon = np.setdiff1d(mon, tue)
    either = np.union1d(mon, tue)
    xor = np.setxor1d(mon, tue)
    all_days = np.union1d(np.union1d(mon, tue), wed)
    present = np.isin(all_days, wed)
    absent_inv = np.isin(mon, tue, invert=True)
    u, idx, inv, cnt = np.unique(mon, return_index=True, return_inverse=True,
                                 return_counts=True)
    rebuilt = u[inv]
    repeated = u[cnt > 1]
    words = np.array(["pear", "fig", "apple", "fig", "kiwi", "pear", "fig"])
    wu, wc = np.unique(words, return_counts=True)
    most = wu[np.argmax(wc)]
    pairs = np.array([[1, 2], [3, 4], [1, 2], [5, 6], [3, 4]])
    upairs = np.unique(pairs, axis=0)
    vals = np.sort(np.unique_values(np.array([3, 1, 3, 2])))  # unsorted in NumPy 2.3+
    uc = np.unique_counts(np.array([3, 1, 3, 2, 3]))
    matrix = np.array([[1, 5, 9], [2, 5, 8]])
    mem = np.isin(matrix, [5, 8, 9])
    return {
        "both": both,
        "i_mon": i_mon,
        "i_tue": i_tue,
        "only_mon": only_mon,
        "either": either,
        "xor": xor,
        "all_days": all_days,
        "present": present,
        "absent_inv": absent_inv,
        "u": u,
        "idx": idx,
        "inv": inv,
        "cnt": cnt,
        "rebuilt": rebuilt,
        "repeated": repeated,
        "wu": wu,
        "wc": wc,
        "most": str(most),
        "upairs": upairs,
        "vals": vals,
        "uc_values": uc.values,
        "uc_counts": uc.counts,
        "jaccard": jaccard(mon, tue),
        "mem": mem,
    }

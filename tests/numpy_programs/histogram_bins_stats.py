"""Histogram workbook for exam scores: fixed and 'auto'/'fd'/'sturges' bin
rules, density normalisation, weights, explicit uneven edges,
np.histogram_bin_edges, and np.digitize with right=True/False."""
import numpy as np


def main():
    rng = np.random.default_rng(12)
    scores = np.clip(rng.normal(68, 14, 200), 0, 100).round(1)
    counts, edges = np.histogram(scores, bins=10, range=(0, 100))
    dens, _ = np.histogram(scores, bins=10, range=(0, 100), density=True)
    auto_edges = np.histogram_bin_edges(scores, bins="auto")
    fd_edges = np.histogram_bin_edges(scores, bins="fd")
    st_edges = np.histogram_bin_edges(scores, bins="sturges")
    credits = rng.integers(1, 5, size=scores.size)
    wcounts, _ = np.histogram(scores, bins=[0, 50, 60, 70, 80, 90, 100], weights=credits)
    uneven, _ = np.histogram(scores, bins=[0, 50, 60, 70, 80, 90, 100])
    idx_left = np.digitize(scores, [50, 60, 70, 80, 90])
    idx_right = np.digitize([50, 60, 70.5], [50, 60, 70, 80, 90], right=True)
    letters = np.array(list("FDCBA"))[np.clip(idx_left - 0, 0, 4)]
    ints, iedges = np.histogram(np.array([1, 2, 2, 3, 3, 3]), bins=3)
    desc = np.digitize([3.0, 2.0, 0.5], [3, 2, 1])
    return {
        "counts": counts,
        "edges": edges,
        "dens_sum": float((dens * np.diff(edges)).sum()),
        "dens_dtype": dens.dtype,
        "n_auto": auto_edges.size - 1,
        "n_fd": fd_edges.size - 1,
        "n_sturges": st_edges.size - 1,
        "auto_first": auto_edges[:3],
        "weighted": wcounts,
        "weighted_dtype": wcounts.dtype,
        "uneven": uneven,
        "idx_hist": np.bincount(idx_left, minlength=6),
        "idx_right": idx_right,
        "letter_counts": {k: int(v) for k, v in zip(*np.unique(letters, return_counts=True))},
        "ints": ints,
        "iedges": iedges,
        "desc": desc,
        "empty": np.histogram([], bins=3)[0],
        "counts_dtype": counts.dtype,
    }


if __name__ == "__main__":
    print(main())

"""Exam scores histogrammed several ways: fixed bins, bin edges from
histogram_bin_edges with 'sturges' and 'fd', density and weights, the empirical CDF
from the cumulative counts, and np.digitize with right=True for letter grades."""
import numpy as np


def main():
    rng = np.random.default_rng(99)
    scores = np.clip(rng.normal(71, 12, size=300), 0, 100).round(1)
    counts, edges = np.histogram(scores, bins=10, range=(0, 100))
    dens, _ = np.histogram(scores, bins=10, range=(0, 100), density=True)
    sturges = np.histogram_bin_edges(scores, bins="sturges")
    fd = np.histogram_bin_edges(scores, bins="fd")
    auto_counts, auto_edges = np.histogram(scores, bins="auto")
    weights = np.where(scores > 90, 2.0, 1.0)
    wcounts, _ = np.histogram(scores, bins=[0, 60, 70, 80, 90, 100], weights=weights)
    cdf = np.cumsum(counts) / counts.sum()
    cutoffs = np.array([60, 70, 80, 90])
    letters = np.array(list("FDCBA"))
    idx = np.digitize(scores, cutoffs, right=True)
    grade_counts = np.bincount(idx, minlength=5)
    median_bin = np.searchsorted(cdf, 0.5)
    centers = (edges[:-1] + edges[1:]) / 2
    mean_from_hist = np.sum(centers * counts) / counts.sum()
    return {"counts": counts, "edges": edges, "dens": dens,
            "dens_integral": np.sum(dens * np.diff(edges)), "sturges": sturges,
            "fd": fd, "auto_counts": auto_counts, "auto_n": len(auto_edges),
            "wcounts": wcounts, "cdf": cdf, "grade_counts": grade_counts,
            "top_letter": "".join(letters[idx[:10]].tolist()), "median_bin": median_bin,
            "mean_from_hist": mean_from_hist, "mean": scores.mean()}


if __name__ == "__main__":
    print(main())

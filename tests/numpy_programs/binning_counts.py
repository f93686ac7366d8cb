"""Binning measurements: np.digitize into hand-picked edges, bincount with and
without weights, per-bin means, a histogram with density, searchsorted positions
for new values, and a two-way count table built from flat indices."""
import numpy as np


def main():
    rng = np.random.default_rng(8)
    ages = rng.integers(18, 90, size=200)
    income = rng.lognormal(mean=10.5, sigma=0.4, size=200)
    region = rng.integers(0, 4, size=200)
    edges = np.array([18, 30, 45, 60, 75, 90])
    bins = np.digitize(ages, edges[1:-1])
    counts = np.bincount(bins, minlength=5)
    total = np.bincount(bins, weights=income, minlength=5)
    mean_income = total / counts
    right = np.digitize(ages, edges, right=True)
    hist, hedges = np.histogram(income, bins=8)
    dens, _ = np.histogram(income, bins=8, density=True)
    widths = np.diff(hedges)
    new = np.array([20000.0, 35000.0, 50000.0, 90000.0])
    pos = np.searchsorted(np.sort(income), new)
    table = np.bincount(bins * 4 + region, minlength=20).reshape(5, 4)
    share = table / table.sum(axis=1, keepdims=True)
    labels = np.array(["18-29", "30-44", "45-59", "60-74", "75+"])
    mode_bin = labels[np.argmax(counts)]
    return {"counts": counts, "mean_income": mean_income, "right_counts": np.bincount(right),
            "hist": hist, "edges": hedges, "density_area": float(np.sum(dens * widths)),
            "pos": pos, "table": table, "share": share, "mode_bin": mode_bin,
            "empty_bins": int(np.count_nonzero(hist == 0)),
            "bin_of_max": int(np.digitize(income.max(), hedges[1:-1]))}


if __name__ == "__main__":
    print(main())

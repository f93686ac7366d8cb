"""Histograms with weights and density, then digitize and searchsorted with side=."""
import numpy as np


def main():
    rng = np.random.default_rng(3)
    heights = rng.normal(170, 10, size=500)
    weights = rng.uniform(0.5, 1.5, size=500)
    counts, edges = np.histogram(heights, bins=12, range=(140, 200))
    density, _ = np.histogram(heights, bins=edges, density=True)
    weighted, _ = np.histogram(heights, bins=edges, weights=weights)
    wdens, _ = np.histogram(heights, bins=edges, weights=weights, density=True)
    area = np.sum(density * np.diff(edges))
    uneven, uneven_edges = np.histogram(heights, bins=[140, 160, 165, 170, 175, 200])
    auto_counts, auto_edges = np.histogram(heights, bins="auto")
    bins = np.array([150.0, 160.0, 170.0, 180.0, 190.0])
    sample = np.array([145.0, 150.0, 165.5, 170.0, 189.9, 190.0, 200.0])
    left = np.digitize(sample, bins)
    right = np.digitize(sample, bins, right=True)
    decreasing = np.digitize(sample, bins[::-1])
    sorted_vals = np.array([1, 2, 2, 2, 3, 5, 5, 8])
    ss_left = np.searchsorted(sorted_vals, [2, 5, 0, 9, 4])
    ss_right = np.searchsorted(sorted_vals, [2, 5, 0, 9, 4], side="right")
    run_lengths = ss_right - ss_left
    unsorted = np.array([30, 10, 20, 50])
    perm = np.argsort(unsorted)
    ss_sorter = np.searchsorted(unsorted, [25, 10], sorter=perm)
    return {
        "counts": counts,
        "edges": edges,
        "density": density,
        "weighted": weighted,
        "wdens": wdens,
        "area": area,
        "uneven": uneven,
        "uneven_edges": uneven_edges,
        "auto_len": len(auto_counts),
        "auto_edges_end": auto_edges[[0, -1]],
        "left": left,
        "right": right,
        "decreasing": decreasing,
        "ss_left": ss_left,
        "ss_right": ss_right,
        "run_lengths": run_lengths,
        "ss_sorter": ss_sorter,
    }


if __name__ == "__main__":
    print(main())

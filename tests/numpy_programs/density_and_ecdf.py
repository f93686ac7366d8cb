"""Statistics coursework: histogram densities and an empirical CDF by searchsorted."""
import numpy as np


def main():
    rng = np.random.default_rng(8)
    x = rng.normal(10, 2, 300)
    counts, edges = np.histogram(x, bins=12)
    dens, edges_d = np.histogram(x, bins=12, density=True)
    area = (dens * np.diff(edges_d)).sum()
    fixed, fixed_edges = np.histogram(x, bins=[4, 8, 10, 12, 16])
    ranged, _ = np.histogram(x, bins=5, range=(6, 14))
    auto_edges = np.histogram_bin_edges(x, bins="sturges")

    xs = np.sort(x)
    grid = np.linspace(4, 16, 25)
    ecdf = np.searchsorted(xs, grid, side="right") / xs.size
    ecdf_left = np.searchsorted(xs, grid, side="left") / xs.size
    ks_like = np.abs(ecdf - ecdf_left).max()
    centers = 0.5 * (edges[1:] + edges[:-1])
    mode_bin = centers[counts.argmax()]
    bin_of = np.digitize(x[:10], edges[1:-1])
    cum = np.cumsum(counts) / counts.sum()
    return {
        "counts": counts,
        "edges": edges,
        "dens": dens,
        "area": area,
        "fixed": fixed,
        "fixed_edges": fixed_edges,
        "ranged": ranged,
        "auto_edges": auto_edges,
        "ecdf": ecdf,
        "ks_like": ks_like,
        "mode_bin": mode_bin,
        "bin_of": bin_of,
        "cum": cum,
    }

"""Histograms in one and two dimensions, densities and weighted counts."""
import numpy as np


def main():
    rng = np.random.default_rng(99)
    x = rng.normal(0, 1, 500)
    y = 0.5 * x + rng.normal(0, 0.5, 500)
    h, edges = np.histogram(x, bins=10)
    hd, _ = np.histogram(x, bins=10, density=True)
    area = np.sum(hd * np.diff(edges))
    hw, _ = np.histogram(x, bins=5, range=(-2, 2), weights=np.abs(y))
    auto_edges = np.histogram_bin_edges(x, bins="sturges")
    custom, cedges = np.histogram(x, bins=[-3, -1, 0, 1, 3])
    H, xe, ye = np.histogram2d(x, y, bins=(4, 3))
    H2, _, _ = np.histogram2d(x, y, bins=4, range=[[-2, 2], [-2, 2]], density=True)
    Hdd, dd_edges = np.histogramdd(np.column_stack([x, y]), bins=(3, 3))
    ints = rng.integers(0, 6, 100)
    bc = np.bincount(ints)
    bcw = np.bincount(ints, weights=np.linspace(0, 1, 100), minlength=8)
    centers = (edges[:-1] + edges[1:]) / 2
    mode_bin = centers[np.argmax(h)]
    cdf = np.cumsum(h) / h.sum()
    dig = np.digitize(np.array([-5.0, -1.0, 0.0, 0.5, 9.0]), cedges, right=True)
    hist_int, ie = np.histogram(np.array([1, 2, 2, 3, 3, 3, 4]), bins=4)
    return {
        "h": h,
        "edges": edges,
        "hd": hd,
        "area": area,
        "hw": hw,
        "auto_edges": auto_edges,
        "custom": custom,
        "H": H,
        "xe": xe,
        "ye": ye,
        "H2": H2,
        "Hdd": Hdd,
        "dd_edges0": dd_edges[0],
        "bc": bc,
        "bcw": bcw,
        "mode_bin": mode_bin,
        "cdf": cdf,
        "dig": dig,
        "hist_int": hist_int,
        "ie": ie,
    }

"""Resampling an irregular time series: np.interp with left/right and period,
np.searchsorted, np.digitize bins, cumulative trapezoid integration and
np.trapezoid."""
import numpy as np


def main():
    t = np.array([0.0, 0.7, 1.1, 2.5, 3.0, 4.2, 5.0])
    y = np.array([1.0, 1.8, 2.0, 0.5, 0.2, 1.4, 2.2])
    grid = np.linspace(-1, 6, 15)
    lin = np.interp(grid, t, y)
    clamp = np.interp(grid, t, y, left=np.nan, right=-1.0)
    angles = np.interp(np.array([350.0, 10.0, 190.0]), [0, 90, 180, 270], [0, 1, 2, 3], period=360)
    pos = np.searchsorted(t, [0.5, 2.5, 10.0])
    pos_r = np.searchsorted(t, [0.5, 2.5, 10.0], side="right")
    bins = np.array([0.0, 1.0, 2.0, 4.0])
    cat = np.digitize(t, bins)
    cat_r = np.digitize(t, bins, right=True)
    area = np.trapezoid(y, t)
    cum = np.concatenate(([0.0], np.cumsum(np.diff(t) * (y[1:] + y[:-1]) / 2)))
    dy = np.diff(y) / np.diff(t)
    mid = (t[1:] + t[:-1]) / 2
    return {"lin": lin, "clamp": clamp, "angles": angles, "pos": pos, "pos_r": pos_r,
            "cat": cat, "cat_r": cat_r, "area": area, "cum": cum, "dy": dy, "mid": mid,
            "area_dx": np.trapezoid(np.array([1, 2, 3]), dx=0.5),
            "sorter": np.searchsorted(np.array([3, 1, 2]), 2, sorter=np.array([1, 2, 0])),
            "ediff": np.ediff1d(y, to_begin=-1.0, to_end=[9.0, 9.0])}


if __name__ == "__main__":
    print(main())

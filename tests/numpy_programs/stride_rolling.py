"""Rolling-window statistics with stride tricks."""
import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view


def windows_by_strides(x, w):
    n = x.shape[0] - w + 1
    s = x.strides[0]
    return as_strided(x, shape=(n, w), strides=(s, s), writeable=False)


def main():
    prices = np.array([10.0, 10.5, 10.2, 10.8, 11.1, 10.9, 11.5, 11.7, 11.2, 11.9,
                       12.3, 12.1, 12.6, 12.4, 13.0, 12.8])
    w = 4
    win = windows_by_strides(prices, w)
    win2 = sliding_window_view(prices, w)
    same = bool(np.array_equal(win, win2))
    roll_mean = win.mean(axis=1)
    roll_std = win.std(axis=1, ddof=1)
    roll_max = win2.max(axis=-1)
    roll_min = win2.min(axis=-1)
    roll_range = np.ptp(win2, axis=1)
    zscore = (prices[w - 1:] - roll_mean) / roll_std
    grid = np.arange(30, dtype=np.float64).reshape(5, 6)
    patches = sliding_window_view(grid, (3, 3))
    patch_means = patches.mean(axis=(-2, -1))
    stepped = sliding_window_view(prices, 5)[::3]
    med = np.median(win2, axis=1)
    col_windows = sliding_window_view(grid, 2, axis=0)
    ints = np.arange(12, dtype=np.int32)
    iw = windows_by_strides(ints, 3)
    return {
        "same": same,
        "roll_mean": roll_mean,
        "roll_std": roll_std,
        "roll_max": roll_max,
        "roll_min": roll_min,
        "roll_range": roll_range,
        "zscore": zscore,
        "patch_shape": np.array(patches.shape),
        "patch_means": patch_means,
        "stepped": stepped,
        "median": med,
        "col_windows": col_windows.sum(axis=-1),
        "int_windows": iw,
        "int_strides": np.array(iw.strides),
    }

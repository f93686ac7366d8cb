"""sliding_window_view features: rolling stats, local maxima, 2-D patches."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def main():
    rng = np.random.default_rng(808)
    x = np.round(rng.normal(20, 3, size=40), 2)
    win = sliding_window_view(x, 7)
    roll_mean = win.mean(axis=1)
    roll_std = win.std(axis=1)
    roll_med = np.median(win, axis=1)
    roll_rng = np.ptp(win, axis=1)
    trip = sliding_window_view(x, 3)
    peaks = np.flatnonzero((trip[:, 1] > trip[:, 0]) & (trip[:, 1] > trip[:, 2])) + 1
    z = (x[6:] - roll_mean) / roll_std
    img = np.arange(30).reshape(5, 6)
    patches = sliding_window_view(img, (3, 3))
    pooled = patches.max(axis=(-2, -1))
    box = patches.mean(axis=(2, 3))
    strided = sliding_window_view(x, 5)[::5].sum(axis=1)
    col_win = sliding_window_view(img, 2, axis=0)
    ints = np.arange(10)
    pairs = sliding_window_view(ints, 2)
    readonly = not pairs.flags.writeable
    return {
        "win_shape": win.shape,
        "roll_mean": np.round(roll_mean, 6),
        "roll_std": roll_std,
        "roll_med": roll_med,
        "roll_rng": roll_rng,
        "peaks": peaks,
        "z_max": float(np.abs(z).max()),
        "patches_shape": patches.shape,
        "pooled": pooled,
        "box": box,
        "strided": strided,
        "col_win_shape": col_win.shape,
        "col_win": col_win[0],
        "pairs_sum": pairs.sum(axis=1),
        "readonly": readonly,
    }

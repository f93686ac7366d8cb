"""Median and max filtering with stride tricks: sliding_window_view over a
padded 2-D image and a 1-D series, as_strided for non-overlapping blocks, and
a comparison against an explicit loop."""
import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view


def main():
    rng = np.random.default_rng(3)
    img = rng.integers(0, 50, size=(10, 12)).astype(np.float64)
    img[rng.random(img.shape) < 0.1] = 255.0  # salt noise
    padded = np.pad(img, 1, mode="edge")
    win = sliding_window_view(padded, (3, 3))
    med = np.median(win, axis=(-2, -1))
    mx = win.max(axis=(2, 3))
    loop = np.empty_like(img)
    for i in range(img.shape[0]):
        for j in range(img.shape[1]):
            loop[i, j] = np.median(padded[i:i + 3, j:j + 3])
    series = np.cumsum(rng.standard_normal(30))
    w1 = sliding_window_view(series, 5)
    rolling_mean = w1.mean(axis=1)
    rolling_std = w1.std(axis=1, ddof=1)
    a = np.arange(24, dtype=np.int64).reshape(4, 6)
    s0, s1 = a.strides
    blocks = as_strided(a, shape=(2, 3, 2, 2), strides=(2 * s0, 2 * s1, s0, s1))
    step_view = sliding_window_view(np.arange(10), 4)[::3]
    return {
        "win_shape": win.shape,
        "median_row": med[4],
        "max_sum": mx.sum(),
        "matches_loop": bool(np.array_equal(med, loop)),
        "salt_left": int((med == 255).sum()),
        "rolling_mean": np.round(rolling_mean[:6], 4),
        "rolling_std_last": rolling_std[-1],
        "block_sums": blocks.sum(axis=(2, 3)),
        "step_view": step_view,
        "writeable": bool(win.flags.writeable),
    }


if __name__ == "__main__":
    print(main())

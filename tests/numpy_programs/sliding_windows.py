"""Windowed computations with stride tricks: rolling mean, max and std over
sliding_window_view, 2-D patches, and a read-only as_strided frame view."""
import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view


def main():
    rng = np.random.default_rng(4)
    x = np.cumsum(rng.normal(size=120))
    windows = sliding_window_view(x, 10)
    rolling_mean = windows.mean(axis=-1)
    rolling_max = windows.max(axis=-1)
    rolling_std = windows.std(axis=-1, ddof=1)
    img = np.arange(36.0).reshape(6, 6)
    patches = sliding_window_view(img, (3, 3))
    local_max = patches.max(axis=(-2, -1))
    local_sum = np.lib.stride_tricks.sliding_window_view(img, 2, axis=0).sum(axis=-1)
    frame_len, hop = 16, 8
    n_frames = 1 + (x.size - frame_len) // hop
    step = x.strides[0]
    frames = as_strided(x, shape=(n_frames, frame_len), strides=(hop * step, step),
                        writeable=False)
    energy = (frames ** 2).sum(axis=1)
    ints = np.arange(10)
    pairs = sliding_window_view(ints, 3)[::2]
    median_filter = np.median(sliding_window_view(x, 5), axis=1)
    return {"rolling_mean": rolling_mean, "rolling_max": rolling_max,
            "rolling_std": rolling_std, "local_max": local_max, "local_sum": local_sum,
            "frames_shape": np.array(frames.shape), "energy": energy, "pairs": pairs,
            "median_filter": median_filter, "windows_shape": np.array(windows.shape),
            "patch_shape": np.array(patches.shape),
            "writeable": frames.flags.writeable}


if __name__ == "__main__":
    print(main())

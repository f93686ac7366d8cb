import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def rolling_mean(x, w):
    c = np.cumsum(np.insert(x, 0, 0.0))
    return (c[w:] - c[:-w]) / w


def rolling_std(x, w):
    c1 = np.cumsum(np.concatenate([[0.0], x]))
    c2 = np.cumsum(np.concatenate([[0.0], x * x]))
    s1 = c1[w:] - c1[:-w]
    s2 = c2[w:] - c2[:-w]
    var = (s2 - s1**2 / w) / (w - 1)
    return np.sqrt(np.maximum(var, 0.0))


def main():
    t = np.arange(60)
    x = np.sin(t / 5.0) * 10 + (t % 7) - 3.0
    w = 5
    rm = rolling_mean(x, w)
    conv = np.convolve(x, np.ones(w) / w, mode="valid")
    windows = sliding_window_view(x, w)
    rmax = windows.max(axis=1)
    rmin = windows.min(axis=1)
    rs = rolling_std(x, w)
    ref_std = windows.std(axis=1, ddof=1)
    # exponential moving average
    alpha = 0.3
    ema = np.empty_like(x)
    ema[0] = x[0]
    for i in range(1, len(x)):
        ema[i] = alpha * x[i] + (1 - alpha) * ema[i - 1]
    # centred window with edge padding to keep the length
    padded = np.pad(x, (w // 2, w // 2), mode="edge")
    centred = rolling_mean(padded, w)
    crossings = np.flatnonzero(np.diff(np.sign(x - rm.mean())))
    expanding = np.cumsum(x) / np.arange(1, len(x) + 1)
    return {
        "rolling_mean": rm,
        "conv_same": bool(np.allclose(rm, conv)),
        "rmax": rmax[:10],
        "range": (rmax - rmin)[::6],
        "rolling_std": rs[::5],
        "std_same": bool(np.allclose(rs, ref_std)),
        "ema_tail": ema[-5:],
        "centred_len": centred.size,
        "centred": centred[:6],
        "crossings": crossings,
        "expanding_last": expanding[-1],
    }

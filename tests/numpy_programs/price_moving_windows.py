"""Moving averages of a price series: convolve, cumsum trick, EMA and crossovers."""
import numpy as np


def sma_cumsum(x, w):
    c = np.cumsum(np.insert(x, 0, 0.0))
    return (c[w:] - c[:-w]) / w


def ema(x, span):
    alpha = 2.0 / (span + 1)
    out = np.empty_like(x)
    out[0] = x[0]
    for i in range(1, len(x)):
        out[i] = alpha * x[i] + (1 - alpha) * out[i - 1]
    return out


def main():
    rng = np.random.default_rng(77)
    rets = rng.normal(0.0005, 0.01, size=120)
    price = 100 * np.cumprod(1 + rets)
    w = 10
    sma_conv = np.convolve(price, np.ones(w) / w, mode="valid")
    sma_cs = sma_cumsum(price, w)
    same = np.convolve(price, np.ones(5) / 5, mode="same")
    full = np.convolve([1, 2, 3], [0, 1, 0.5])
    weights = np.arange(1, w + 1, dtype=float)
    wma = np.convolve(price, weights[::-1] / weights.sum(), mode="valid")
    fast = ema(price, 5)
    slow = ema(price, 20)
    signal = np.sign(fast - slow)
    cross = np.flatnonzero(np.diff(signal) != 0) + 1
    rolling_max = np.array([price[max(0, i - 9): i + 1].max() for i in range(len(price))])
    with np.printoptions(precision=2, suppress=True):
        text = str(sma_conv[:6])
    return {
        "sma_conv": sma_conv,
        "agree": bool(np.allclose(sma_conv, sma_cs)),
        "same": same[:8],
        "full": full,
        "wma": wma[:10],
        "fast": fast[-5:],
        "slow": slow[-5:],
        "cross": cross,
        "rolling_max": rolling_max[-10:],
        "text": text,
        "last": round(float(price[-1]), 8),
        "n_valid": sma_conv.shape[0],
    }

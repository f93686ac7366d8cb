"""Finance: maximum drawdown with maximum.accumulate over several assets."""
import numpy as np


def main():
    rng = np.random.default_rng(17)
    rets = rng.normal(0.0005, 0.012, size=(250, 3))
    prices = 100 * np.cumprod(1 + rets, axis=0)
    peaks = np.maximum.accumulate(prices, axis=0)
    drawdown = prices / peaks - 1
    max_dd = drawdown.min(axis=0)
    trough = drawdown.argmin(axis=0)
    peak_day = np.array([prices[:trough[j] + 1, j].argmax() for j in range(3)])

    troughs_1d = np.minimum.accumulate(prices[:, 0])
    underwater = (drawdown < -0.05).sum(axis=0)
    in_dd = drawdown[:, 0] < 0
    edges = np.diff(in_dd.astype(int))
    starts = np.flatnonzero(edges == 1) + 1
    recovered = np.isclose(drawdown[-1], 0.0)
    calmar = (prices[-1] / prices[0] - 1) / np.abs(max_dd)
    return {
        "max_dd": max_dd,
        "trough": trough,
        "peak_day": peak_day,
        "troughs_last": troughs_1d[-1],
        "underwater": underwater,
        "starts": starts[:5],
        "recovered": recovered,
        "calmar": calmar,
    }

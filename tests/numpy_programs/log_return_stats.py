"""Finance: log returns, volatility and rolling statistics."""
import numpy as np


def main():
    prices = np.array([100.0, 101.5, 99.8, 102.3, 103.1, 101.0, 104.6, 105.2,
                       103.9, 106.7, 108.1, 107.4, 109.9, 111.2, 110.5])
    log_ret = np.diff(np.log(prices))
    simple = prices[1:] / prices[:-1] - 1
    match = bool(np.allclose(np.expm1(log_ret), simple))
    total_log = log_ret.sum()
    total_simple = np.exp(total_log) - 1
    vol = log_ret.std(ddof=1)
    annual_vol = vol * np.sqrt(252)
    sharpe = log_ret.mean() / vol * np.sqrt(252)

    w = 5
    c = np.cumsum(np.insert(log_ret, 0, 0.0))
    rolling_mean = (c[w:] - c[:-w]) / w
    windows = np.lib.stride_tricks.sliding_window_view(log_ret, w)
    rolling_std = windows.std(axis=1, ddof=1)
    up_days = np.count_nonzero(log_ret > 0)
    ema = np.empty_like(prices)
    alpha = 0.3
    ema[0] = prices[0]
    for t in range(1, prices.size):
        ema[t] = alpha * prices[t] + (1 - alpha) * ema[t - 1]
    signal = np.sign(prices - ema).astype(int)
    return {
        "log_ret": log_ret,
        "match": match,
        "total_simple": total_simple,
        "annual_vol": annual_vol,
        "sharpe": sharpe,
        "rolling_mean": rolling_mean,
        "rolling_std": rolling_std,
        "up_days": up_days,
        "ema": ema,
        "signal": signal,
    }

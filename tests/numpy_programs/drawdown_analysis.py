"""Equity curve statistics: cumulative returns, drawdowns, rolling averages."""
import numpy as np


def rolling_mean(x, window):
    c = np.cumsum(np.insert(x, 0, 0.0))
    return (c[window:] - c[:-window]) / window


def max_drawdown(equity):
    peaks = np.maximum.accumulate(equity)
    dd = equity / peaks - 1.0
    trough = int(np.argmin(dd))
    peak = int(np.argmax(equity[: trough + 1]))
    return dd, dd[trough], peak, trough


def main():
    rng = np.random.default_rng(2024)
    daily = rng.normal(0.0005, 0.012, size=250)
    equity = 100 * np.cumprod(1 + daily)
    log_ret = np.diff(np.log(equity))
    dd, worst, peak, trough = max_drawdown(equity)
    ma20 = rolling_mean(equity, 20)
    ma50 = rolling_mean(equity, 50)
    signal = np.sign(ma20[30:] - ma50)
    crossings = np.flatnonzero(np.diff(signal) != 0)
    ann_vol = daily.std(ddof=1) * np.sqrt(252)
    sharpe = daily.mean() / daily.std(ddof=1) * np.sqrt(252)
    monthly = equity[::21]
    monthly_ret = monthly[1:] / monthly[:-1] - 1
    up_days = np.count_nonzero(daily > 0)
    best5 = np.sort(daily)[-5:][::-1]
    var95 = np.percentile(daily, 5)
    cvar95 = daily[daily <= var95].mean()
    return {
        "equity_tail": equity[-5:],
        "log_ret_sum": log_ret.sum(),
        "drawdown": dd,
        "worst": worst,
        "peak_trough": np.array([peak, trough]),
        "ma20": ma20,
        "ma50_head": ma50[:5],
        "crossings": crossings,
        "ann_vol": ann_vol,
        "sharpe": sharpe,
        "monthly_ret": monthly_ret,
        "up_days": up_days,
        "best5": best5,
        "var95": var95,
        "cvar95": cvar95,
    }

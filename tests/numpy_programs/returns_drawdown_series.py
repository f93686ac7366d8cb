"""Returns and drawdowns: diff, cumprod, maximum.accumulate and annualised stats."""
import numpy as np


def main():
    rng = np.random.default_rng(2718)
    daily = rng.normal(0.0004, 0.012, size=250)
    prices = np.round(50 * np.cumprod(1 + daily), 2)
    simple = np.diff(prices) / prices[:-1]
    logr = np.diff(np.log(prices))
    growth = np.cumprod(1 + simple)
    peak = np.maximum.accumulate(prices)
    drawdown = prices / peak - 1
    mdd = drawdown.min()
    trough = int(np.argmin(drawdown))
    peak_idx = int(np.argmax(prices[: trough + 1]))
    low = np.minimum.accumulate(prices)
    best_gain = (prices - low).max()
    vol = simple.std(ddof=1) * np.sqrt(252)
    sharpe = simple.mean() / simple.std(ddof=1) * np.sqrt(252)
    monthly = prices[::21]
    m_ret = np.diff(monthly) / monthly[:-1]
    up_streak = 0
    longest = 0
    for up in simple > 0:
        up_streak = up_streak + 1 if up else 0
        longest = max(longest, up_streak)
    pct_change = np.diff(prices, prepend=prices[0]) / prices
    second = np.diff(prices, n=2)
    total = np.prod(1 + simple) - 1
    old = np.get_printoptions()
    np.set_printoptions(precision=3, floatmode="fixed")
    try:
        report = str(prices[-4:]) + " | " + np.array_repr(simple[:3])
    finally:
        np.set_printoptions(**old)
    worst_day = simple.min()
    return {
        "prices_tail": prices[-5:],
        "simple_head": simple[:5],
        "log_sum": float(logr.sum()),
        "growth_last": float(growth[-1]),
        "mdd": float(mdd),
        "trough": trough,
        "peak_idx": peak_idx,
        "best_gain": float(best_gain),
        "vol": float(vol),
        "sharpe": float(sharpe),
        "m_ret": m_ret,
        "longest": longest,
        "pct_change": pct_change[:4],
        "second": second[:4],
        "total": float(total),
        "peak_dtype": peak.dtype.name,
        "report": report,
        "worst": str(np.round(worst_day, 4)),
        "worst_type": worst_day.dtype.name,
        "after": str(prices[:3]),
    }

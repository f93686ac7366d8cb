"""Rolling statistics over a price series: moving averages from cumulative sums,
rolling standard deviation from sliding windows, exponentially weighted means by a
loop and by a closed form, drawdowns from np.maximum.accumulate, and crossover
signals found with np.sign and np.diff."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def main():
    rng = np.random.default_rng(77)
    returns = rng.normal(0.0005, 0.01, size=250)
    price = 100 * np.cumprod(1 + returns)
    c = np.cumsum(np.insert(price, 0, 0.0))
    ma10 = (c[10:] - c[:-10]) / 10
    ma30 = (c[30:] - c[:-30]) / 30
    win = sliding_window_view(price, 20)
    roll_std = win.std(axis=1, ddof=1)
    roll_max = win.max(axis=-1)
    alpha = 0.1
    ewm = np.empty_like(price)
    ewm[0] = price[0]
    for t in range(1, price.size):
        ewm[t] = alpha * price[t] + (1 - alpha) * ewm[t - 1]
    peak = np.maximum.accumulate(price)
    drawdown = price / peak - 1
    worst = int(np.argmin(drawdown))
    fast = ma10[20:]
    sig = np.sign(fast - ma30)
    crosses = np.flatnonzero(np.diff(sig) != 0) + 1
    annual_vol = returns.std(ddof=1) * np.sqrt(252)
    sharpe = returns.mean() / returns.std(ddof=1) * np.sqrt(252)
    return {"price_end": price[-1], "ma10": ma10[-5:], "ma30": ma30[-5:],
            "roll_std": roll_std[::50], "roll_max": roll_max[-3:], "ewm": ewm[::25],
            "max_drawdown": drawdown.min(), "worst_day": worst,
            "peak_before": int(np.argmax(price[:worst + 1])), "crosses": crosses,
            "n_up_days": int(np.count_nonzero(returns > 0)), "vol": annual_vol,
            "sharpe": sharpe, "win_shape": win.shape,
            "quantiles": np.quantile(returns, [0.05, 0.5, 0.95])}


if __name__ == "__main__":
    print(main())

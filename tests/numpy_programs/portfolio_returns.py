"""Daily returns of a few simulated assets: compounding with cumprod, log returns,
drawdowns, annualised volatility, value at risk, moving-average crossover signals
and an equal-weight portfolio rebalanced monthly."""
import numpy as np


def main():
    rng = np.random.default_rng(2718)
    days, assets = 252, 4
    mu = np.array([0.0004, 0.0002, 0.0006, 0.0])
    sigma = np.array([0.01, 0.005, 0.02, 0.012])
    returns = mu + sigma * rng.standard_normal((days, assets))
    prices = 100 * np.cumprod(1 + returns, axis=0)
    log_ret = np.diff(np.log(prices), axis=0)
    running_max = np.maximum.accumulate(prices, axis=0)
    drawdown = prices / running_max - 1
    vol = returns.std(axis=0, ddof=1) * np.sqrt(252)
    sharpe = returns.mean(axis=0) / returns.std(axis=0, ddof=1) * np.sqrt(252)
    var95 = -np.percentile(returns, 5, axis=0)
    short = np.convolve(prices[:, 0], np.ones(10) / 10, mode="valid")[40:]
    long = np.convolve(prices[:, 0], np.ones(50) / 50, mode="valid")
    signal = np.sign(short - long)
    crossings = np.flatnonzero(np.diff(signal) != 0)
    weights = np.full(assets, 1 / assets)
    value = 1.0
    path = []
    for month in np.array_split(returns, 12):
        growth = np.prod(1 + month, axis=0)
        value *= weights @ growth
        path.append(value)
    corr = np.corrcoef(returns, rowvar=False)
    return {"final": prices[-1], "log_total": log_ret.sum(axis=0), "max_dd": drawdown.min(axis=0),
            "vol": vol, "sharpe": sharpe, "var95": var95, "crossings": crossings,
            "path": np.array(path), "corr": corr, "best_day": returns.argmax(axis=0),
            "positive_days": (returns > 0).sum(axis=0)}


if __name__ == "__main__":
    print(main())

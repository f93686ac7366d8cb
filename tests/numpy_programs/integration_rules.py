import numpy as np


def simpson(y, dx):
    if (len(y) - 1) % 2:
        raise ValueError("need an even number of intervals")
    return dx / 3 * (y[0] + y[-1] + 4 * y[1:-1:2].sum() + 2 * y[2:-1:2].sum())


def cumulative_trapezoid(y, x):
    increments = 0.5 * (y[1:] + y[:-1]) * np.diff(x)
    return np.concatenate([[0.0], np.cumsum(increments)])


def main():
    results = {}
    for n in (11, 41, 161):
        x = np.linspace(0, 2, n)
        y = np.exp(-x**2)
        results[f"trap_{n}"] = np.trapezoid(y, x)
        results[f"simp_{n}"] = simpson(y, x[1] - x[0])
    x = np.linspace(0, np.pi, 101)
    results["trap_dx"] = np.trapezoid(np.sin(x), dx=x[1] - x[0])
    grid = np.outer(np.linspace(1, 2, 4), np.sin(x))
    results["trap_rows"] = np.trapezoid(grid, x, axis=1)
    results["trap_cols"] = np.trapezoid(grid.T, x, axis=0)
    cum = cumulative_trapezoid(np.cos(x), x)
    results["cum_err"] = float(np.abs(cum - np.sin(x)).max())
    results["cum_tail"] = cum[-5:]
    # rectangle rule via cumsum and a midpoint rule
    mids = 0.5 * (x[1:] + x[:-1])
    results["midpoint"] = np.sum(np.sin(mids) * np.diff(x))
    results["left_riemann"] = np.cumsum(np.sin(x[:-1]) * np.diff(x))[-1]
    velocity = np.array([0.0, 1.5, 2.9, 4.1, 5.0, 5.6, 5.9])
    t = np.array([0.0, 0.5, 1.0, 1.5, 2.5, 3.0, 4.0])
    results["distance"] = np.trapezoid(velocity, t)
    results["position"] = cumulative_trapezoid(velocity, t)
    return results

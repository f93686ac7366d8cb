"""A three-state weather Markov chain: n-step forecasts, stationary law, simulated runs."""
import numpy as np

STATES = np.array(["sunny", "cloudy", "rainy"])


def stationary(p):
    n = p.shape[0]
    a = np.vstack([p.T - np.eye(n), np.ones(n)])
    b = np.zeros(n + 1)
    b[-1] = 1.0
    pi, *_ = np.linalg.lstsq(a, b, rcond=None)
    return pi


def simulate(p, start, steps, rng):
    cum = np.cumsum(p, axis=1)
    draws = rng.random(steps)
    path = np.empty(steps + 1, dtype=np.int64)
    path[0] = start
    for k in range(steps):
        path[k + 1] = np.searchsorted(cum[path[k]], draws[k], side="right")
    return np.minimum(path, p.shape[0] - 1)


def main():
    p = np.array([[0.7, 0.2, 0.1],
                  [0.3, 0.4, 0.3],
                  [0.2, 0.3, 0.5]])
    week = np.linalg.matrix_power(p, 7)
    pi = stationary(p)
    forecast = np.array([1.0, 0.0, 0.0])
    probs = []
    for _ in range(5):
        forecast = forecast @ p
        probs.append(forecast)
    rng = np.random.default_rng(3)
    path = simulate(p, 0, 2000, rng)
    freq = np.bincount(path, minlength=3) / path.size
    trans = np.zeros((3, 3))
    np.add.at(trans, (path[:-1], path[1:]), 1)
    est = trans / trans.sum(axis=1, keepdims=True)
    runs = np.diff(np.flatnonzero(np.diff(np.concatenate(([-1], path, [-1]))) != 0))
    mean_return = 1.0 / pi
    return {
        "week": week,
        "stationary": pi,
        "forecasts": np.array(probs),
        "freq": freq,
        "estimated": est,
        "longest_run": runs.max(),
        "mean_return": mean_return,
        "likeliest_tomorrow": STATES[np.argmax(p, axis=1)],
        "is_stochastic": np.allclose(p.sum(axis=1), 1.0),
    }

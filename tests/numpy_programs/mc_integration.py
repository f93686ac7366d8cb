"""Monte Carlo integration: plain, stratified, antithetic and importance sampling."""
import numpy as np


def f(x):
    return np.exp(-x ** 2) * np.cos(3 * x)


def main():
    rng = np.random.default_rng(314)
    n = 20000
    # plain estimate of the integral over [0, 2]
    x = rng.uniform(0, 2, n)
    vals = 2 * f(x)
    plain, plain_se = vals.mean(), vals.std(ddof=1) / np.sqrt(n)
    # antithetic pairs
    u = rng.uniform(0, 1, n // 2)
    anti = 2 * 0.5 * (f(2 * u) + f(2 * (1 - u)))
    anti_est, anti_se = anti.mean(), anti.std(ddof=1) / np.sqrt(anti.size)
    # stratified: 100 strata, 200 points each
    strata = 100
    offs = (np.arange(strata)[:, None] + rng.random((strata, n // strata))) / strata
    strat = (2 * f(2 * offs)).mean()
    # importance sampling for the Gaussian tail P(Z > 3)
    z = rng.normal(3.0, 1.0, n)
    w = np.exp(-0.5 * z ** 2) / np.exp(-0.5 * (z - 3.0) ** 2)
    tail = np.mean((z > 3.0) * w)
    # volume of a 4-ball by hit-or-miss
    pts = rng.uniform(-1, 1, (n, 4))
    inside = np.sum(pts ** 2, axis=1) <= 1.0
    ball = 16 * inside.mean()
    # reference by the trapezoid rule
    grid = np.linspace(0, 2, 2001)
    ref = np.trapezoid(f(grid), grid)
    # running estimate of pi
    hits = np.cumsum(np.sum(rng.random((4000, 2)) ** 2, axis=1) <= 1)
    running = 4 * hits / np.arange(1, 4001)
    return {
        "plain": np.array([plain, plain_se]),
        "antithetic": np.array([anti_est, anti_se]),
        "stratified": strat,
        "tail": tail,
        "ball": ball,
        "reference": ref,
        "pi_checkpoints": running[[9, 99, 999, 3999]],
        "errors": np.abs(np.array([plain, anti_est, strat]) - ref),
    }

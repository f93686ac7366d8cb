"""Simulations with the Generator API: dice, queues, bootstrap and shuffles."""
import numpy as np


def main():
    rng = np.random.default_rng(12345)
    rolls = rng.integers(1, 7, size=(1000, 2))
    totals = rolls.sum(axis=1)
    freq = np.bincount(totals, minlength=13)[2:]
    u = rng.random(5)
    n = rng.normal(10.0, 2.0, size=4)
    e = rng.exponential(3.0, size=4)
    pois = rng.poisson(4.0, size=8)
    binom = rng.binomial(10, 0.3, size=8)
    unif = rng.uniform(-1, 1, size=(2, 3))
    ch = rng.choice(np.array([10, 20, 30, 40]), size=6, p=[0.1, 0.2, 0.3, 0.4])
    ch_noreplace = rng.choice(10, size=5, replace=False)
    perm = rng.permutation(8)
    deck = np.arange(12)
    rng.shuffle(deck)
    sample = rng.normal(size=50)
    boot = rng.choice(sample, size=(200, sample.size), replace=True).mean(axis=1)
    ci = np.percentile(boot, [2.5, 97.5])
    pts = rng.random((2000, 2))
    pi_est = 4 * np.mean(np.sum(pts ** 2, axis=1) <= 1.0)
    g = rng.gamma(2.0, 1.5, size=3)
    beta = rng.beta(2.0, 5.0, size=3)
    ints32 = rng.integers(0, 100, size=5, dtype=np.int32)
    std_n = rng.standard_normal(3)
    child = np.random.default_rng(rng.integers(1 << 30))
    child_draw = child.random(2)
    return {
        "freq": freq,
        "u": u,
        "n": n,
        "e": e,
        "pois": pois,
        "binom": binom,
        "unif": unif,
        "ch": ch,
        "ch_noreplace": ch_noreplace,
        "perm": perm,
        "deck": deck,
        "ci": ci,
        "pi_est": pi_est,
        "gamma": g,
        "beta": beta,
        "ints32": ints32,
        "std_n": std_n,
        "child_draw": child_draw,
    }

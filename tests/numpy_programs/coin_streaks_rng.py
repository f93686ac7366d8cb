"""Streaks in simulated coin flips and dice: rng.choice with probabilities,
run lengths from np.diff and np.flatnonzero, the longest streak per trial, rng.integers
with endpoint=True, rng.permutation and rng.shuffle of rows, rng.permuted per row."""
import numpy as np


def longest_run(flips):
    change = np.flatnonzero(np.diff(flips) != 0)
    bounds = np.concatenate(([-1], change, [len(flips) - 1]))
    return np.diff(bounds).max()


def main():
    rng = np.random.default_rng(12345)
    flips = rng.choice([0, 1], size=(20, 50), p=[0.45, 0.55])
    longest = np.array([longest_run(f) for f in flips])
    heads = flips.sum(axis=1)
    dice = rng.integers(1, 6, size=(1000, 2), endpoint=True)
    totals = dice.sum(axis=1)
    freq = np.bincount(totals, minlength=13)[2:] / len(totals)
    doubles = np.mean(dice[:, 0] == dice[:, 1])
    deck = rng.permutation(52)
    hand = np.sort(deck[:5])
    suits = hand // 13
    rows = np.arange(12).reshape(4, 3)
    rng.shuffle(rows)
    per_row = rng.permuted(np.tile(np.arange(5), (3, 1)), axis=1)
    sample = rng.choice(10, size=4, replace=False)
    u = rng.random(5)
    normal = rng.normal(loc=[0.0, 10.0], scale=[1.0, 0.1], size=(3, 2))
    return {"longest": longest, "heads": heads, "freq": freq, "doubles": doubles,
            "hand": hand, "suits": suits, "rows": rows, "per_row": per_row,
            "per_row_sorted": np.sort(per_row, axis=1), "sample": sample, "u": u,
            "normal": normal, "mean_longest": longest.mean()}


if __name__ == "__main__":
    print(main())

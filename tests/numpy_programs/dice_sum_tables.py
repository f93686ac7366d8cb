"""Dice statistics: exact two-dice table, simulated rolls and Yahtzee patterns."""
import numpy as np


def main():
    faces = np.arange(1, 7)
    table = faces[:, None] + faces[None, :]
    exact = np.bincount(table.ravel(), minlength=13)[2:] / 36
    rng = np.random.default_rng(66)
    rolls = rng.integers(1, 7, size=(10000, 2))
    sums = rolls.sum(axis=1)
    freq = np.bincount(sums, minlength=13)[2:] / len(sums)
    chi2 = np.sum((freq - exact) ** 2 / exact) * len(sums)
    doubles = np.mean(rolls[:, 0] == rolls[:, 1])
    hands = rng.integers(1, 7, size=(3000, 5))
    counts = np.apply_along_axis(np.bincount, 1, hands, minlength=7)[:, 1:]
    yahtzee = np.sum(counts.max(axis=1) == 5)
    full_house = np.sum(np.all(np.sort(counts, axis=1)[:, -2:] == [2, 3], axis=1))
    sorted_hands = np.sort(hands, axis=1)
    straights = np.sum(np.all(np.diff(sorted_hands, axis=1) == 1, axis=1))
    d3 = rng.integers(1, 7, size=(4000, 3)).sum(axis=1)
    vals, cnts = np.unique(d3, return_counts=True)
    return {
        "table": table,
        "exact": np.round(exact, 5),
        "freq": freq,
        "chi2": round(float(chi2), 6),
        "doubles": float(doubles),
        "yahtzee": int(yahtzee),
        "full_house": int(full_house),
        "straights": int(straights),
        "mode3": int(vals[np.argmax(cnts)]),
        "cnts": cnts,
        "mean3": d3.mean(),
        "expect": float(np.mean(faces)) * 3,
    }

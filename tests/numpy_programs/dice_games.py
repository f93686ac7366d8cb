"""Dice games with the legacy global generator: np.random.seed, randint rolls,
frequencies via bincount and histogram, streaks, and a craps estimate."""
import numpy as np


def main():
    np.random.seed(42)
    rolls = np.random.randint(1, 7, size=(1000, 2))
    totals = rolls.sum(axis=1)
    freq = np.bincount(totals, minlength=13)[2:]
    hist, edges = np.histogram(totals, bins=np.arange(1.5, 13.5))
    doubles = np.mean(rolls[:, 0] == rolls[:, 1])
    sixes = (rolls == 6).all(axis=1)
    first_boxcars = int(np.argmax(sixes)) if sixes.any() else -1
    come_out = totals[:200]
    wins = np.isin(come_out, [7, 11]).sum()
    losses = np.isin(come_out, [2, 3, 12]).sum()
    np.random.seed(7)
    coin = np.random.random(50) < 0.5
    change = np.flatnonzero(np.diff(coin.astype(int)) != 0)
    runs = np.diff(np.concatenate(([0], change + 1, [coin.size])))
    return {"freq": freq, "hist": hist, "edges": edges, "doubles": doubles,
            "first_boxcars": first_boxcars, "wins": int(wins), "losses": int(losses),
            "longest_run": int(runs.max()), "runs": runs, "mean_total": totals.mean(),
            "expected": np.round(freq / freq.sum(), 3)}


if __name__ == "__main__":
    print(main())

"""A round-robin tournament simulated with a seeded generator: win probabilities
from hidden strengths, Elo ratings updated game by game, the final standings
ranked by argsort with ties broken by head-to-head wins, and rank correlation
between the Elo order and the true strengths."""
import numpy as np


def ranks(x):
    order = np.argsort(x)
    r = np.empty_like(order)
    r[order] = np.arange(len(x))
    return r


def main():
    rng = np.random.default_rng(99)
    n = 8
    strength = rng.normal(0, 1, size=n)
    elo = np.full(n, 1500.0)
    wins = np.zeros((n, n), dtype=int)
    i_idx, j_idx = np.triu_indices(n, k=1)
    history = []
    for _ in range(3):
        perm = rng.permutation(i_idx.size)
        for g in perm:
            i, j = i_idx[g], j_idx[g]
            p = 1 / (1 + np.exp(-(strength[i] - strength[j])))
            i_wins = rng.random() < p
            expected = 1 / (1 + 10 ** ((elo[j] - elo[i]) / 400))
            delta = 24 * ((1.0 if i_wins else 0.0) - expected)
            elo[i] += delta
            elo[j] -= delta
            if i_wins:
                wins[i, j] += 1
            else:
                wins[j, i] += 1
        history.append(elo.copy())
    points = wins.sum(axis=1)
    standings = np.lexsort((-elo, -points))
    r_elo = ranks(elo)
    r_true = ranks(strength)
    d = r_elo - r_true
    spearman = 1 - 6 * np.sum(d ** 2) / (n * (n ** 2 - 1))
    return {"strength": strength, "elo": np.round(elo, 3), "wins": wins, "points": points,
            "standings": standings, "spearman": float(spearman),
            "history": np.array(history), "sum_elo": float(elo.sum()),
            "games": int(wins.sum()), "unbeaten_pairs": np.argwhere(wins == 3),
            "leader": f"player {standings[0]} with {points[standings[0]]} points"}


if __name__ == "__main__":
    print(main())

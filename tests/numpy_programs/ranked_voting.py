"""Counting ranked ballots: plurality from first choices with bincount, Borda
scores from positions found by argsort, instant-runoff elimination rounds with a
boolean mask of remaining candidates, and the Condorcet pairwise matrix."""
import numpy as np


def main():
    rng = np.random.default_rng(2718)
    n_cand, n_voters = 5, 60
    util = rng.normal(size=(n_voters, n_cand)) + np.array([0.3, 0.0, 0.2, -0.1, 0.25])
    ballots = np.argsort(-util, axis=1)
    plurality = np.bincount(ballots[:, 0], minlength=n_cand)
    position = np.argsort(ballots, axis=1)
    borda = (n_cand - 1 - position).sum(axis=0)
    remaining = np.ones(n_cand, dtype=bool)
    rounds = []
    while remaining.sum() > 1:
        masked = np.where(remaining[ballots], position, n_cand)
        top = np.take_along_axis(ballots, masked.argmin(axis=1)[:, None], axis=1)[:, 0]
        counts = np.bincount(top, minlength=n_cand)
        rounds.append(counts.copy())
        if counts.max() * 2 > n_voters:
            break
        loser = np.flatnonzero(remaining)[np.argmin(counts[remaining])]
        remaining[loser] = False
    irv_winner = int(np.argmax(rounds[-1]))
    pair = (position[:, :, None] < position[:, None, :]).sum(axis=0)
    beats = pair > pair.T
    condorcet = np.flatnonzero(beats.sum(axis=1) == n_cand - 1)
    return {"plurality": plurality, "borda": borda, "rounds": np.array(rounds),
            "irv_winner": irv_winner, "pair": pair, "condorcet": condorcet,
            "borda_winner": int(np.argmax(borda)), "plurality_winner": int(np.argmax(plurality)),
            "agreement": float(np.mean(ballots[:, 0] == np.argmax(util, axis=1)))}


if __name__ == "__main__":
    print(main())

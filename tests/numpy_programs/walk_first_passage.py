"""Random walks: many 1-D walkers, first passage times and a 2-D lattice walk."""
import numpy as np


def main():
    rng = np.random.default_rng(2024)
    steps = rng.choice(np.array([-1, 1]), size=(200, 100))
    paths = np.cumsum(steps, axis=1)
    final = paths[:, -1]
    hit = np.abs(paths) >= 10
    reached = hit.any(axis=1)
    first = np.where(reached, hit.argmax(axis=1), -1)
    max_excursion = np.max(np.abs(paths), axis=1)
    msd = (paths.astype(np.float64) ** 2).mean(axis=0)
    moves = np.array([[0, 1], [0, -1], [1, 0], [-1, 0]])
    idx = rng.integers(0, 4, size=500)
    pos = np.vstack([np.zeros((1, 2), dtype=int), np.cumsum(moves[idx], axis=0)])
    dist = np.hypot(pos[:, 0], pos[:, 1])
    visited = np.unique(pos, axis=0)
    returns = np.flatnonzero(np.all(pos == 0, axis=1))
    return {
        "final_mean": float(final.mean()),
        "final_std": float(final.std()),
        "reached": int(reached.sum()),
        "first": first[:20],
        "median_first": float(np.median(first[reached])),
        "max_excursion": np.bincount(max_excursion)[:15],
        "msd": msd[::10],
        "end": pos[-1],
        "farthest": float(dist.max()),
        "n_visited": len(visited),
        "returns": returns,
        "dtype": paths.dtype.name,
    }

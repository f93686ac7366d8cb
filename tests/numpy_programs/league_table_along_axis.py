"""A league table over several seasons: ranks per season with argsort of argsort,
the top-k scores per row with np.take_along_axis, writing bonuses with
np.put_along_axis, and the champion of each season with argmax(keepdims=True)."""
import numpy as np


def main():
    rng = np.random.default_rng(5)
    seasons, teams = 4, 6
    points = rng.integers(20, 90, size=(seasons, teams))
    order = np.argsort(-points, axis=1, kind="stable")
    ranks = np.argsort(order, axis=1) + 1
    top3_idx = order[:, :3]
    top3 = np.take_along_axis(points, top3_idx, axis=1)
    champion = np.argmax(points, axis=1, keepdims=True)
    champ_points = np.take_along_axis(points, champion, axis=1)
    bonus = points.copy()
    np.put_along_axis(bonus, champion, 100, axis=1)
    last = np.argmin(points, axis=1)[:, None]
    np.put_along_axis(bonus, last, 0, axis=1)
    avg_rank = ranks.mean(axis=0)
    best_team = np.argmin(avg_rank)
    cols = np.argsort(points, axis=0)[-1]
    col_best = np.take_along_axis(points, np.argsort(points, axis=0)[-1:], axis=0)
    streak = np.cumsum(points, axis=0)
    leader_after = np.argmax(streak, axis=1)
    return {"points": points, "ranks": ranks, "top3": top3, "champion": champion,
            "champ_points": champ_points, "bonus": bonus, "avg_rank": avg_rank,
            "best_team": best_team, "cols": cols, "col_best": col_best,
            "leader_after": leader_after,
            "max_keep": np.max(points, axis=0, keepdims=True)}


if __name__ == "__main__":
    print(main())

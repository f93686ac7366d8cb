"""Pairwise distances by broadcasting: Euclidean, Manhattan and cosine matrices,
nearest neighbours with the diagonal masked, the closest pair via triu indices, a
minimum spanning tree by Prim's algorithm, and a greedy tour."""
import numpy as np


def main():
    rng = np.random.default_rng(64)
    pts = rng.uniform(0, 10, size=(12, 2))
    diff = pts[:, None, :] - pts[None, :, :]
    euclid = np.sqrt((diff ** 2).sum(axis=-1))
    manhattan = np.abs(diff).sum(axis=-1)
    unit = pts / np.linalg.norm(pts, axis=1, keepdims=True)
    cosine = 1 - unit @ unit.T
    masked = euclid.copy()
    np.fill_diagonal(masked, np.inf)
    nearest = masked.argmin(axis=1)
    knn = np.argsort(masked, axis=1)[:, :3]
    iu = np.triu_indices(len(pts), k=1)
    k = np.argmin(euclid[iu])
    closest = np.array([iu[0][k], iu[1][k]])
    n = len(pts)
    in_tree = np.zeros(n, dtype=bool)
    in_tree[0] = True
    best = euclid[0].copy()
    total = 0.0
    for _ in range(n - 1):
        cand = np.where(in_tree, np.inf, best)
        j = np.argmin(cand)
        total += cand[j]
        in_tree[j] = True
        best = np.minimum(best, euclid[j])
    tour = [0]
    left = np.ones(n, dtype=bool)
    left[0] = False
    while left.any():
        d = np.where(left, euclid[tour[-1]], np.inf)
        nxt = int(np.argmin(d))
        tour.append(nxt)
        left[nxt] = False
    length = euclid[tour, np.roll(tour, -1)].sum()
    return {"euclid": euclid, "manhattan": manhattan, "cosine": cosine, "nearest": nearest,
            "knn": knn, "closest": closest, "mst": total, "tour": np.array(tour),
            "length": length, "norm_axis": np.linalg.norm(diff, axis=-1),
            "centroid": pts.mean(axis=0), "spread": np.linalg.norm(pts - pts.mean(axis=0), axis=1).max()}


if __name__ == "__main__":
    print(main())

"""Shortest paths on a grid maze: walls from a seeded random mask, breadth-first
distances computed by repeated shifted minima (np.pad and slicing), the path
traced back by descending the distance field, and flood-fill regions labelled
with np.unique."""
import numpy as np


def distances(free, start):
    INF = np.iinfo(np.int32).max
    dist = np.full(free.shape, INF, dtype=np.int64)
    dist[start] = 0
    while True:
        p = np.pad(dist, 1, constant_values=INF)
        neigh = np.minimum.reduce([p[:-2, 1:-1], p[2:, 1:-1], p[1:-1, :-2], p[1:-1, 2:]])
        cand = np.where(neigh < INF, neigh + 1, INF)
        new = np.where(free, np.minimum(dist, cand), INF)
        if np.array_equal(new, dist):
            return dist
        dist = new


def main():
    rng = np.random.default_rng(12)
    free = rng.random((12, 16)) > 0.28
    free[0, 0] = free[-1, -1] = True
    dist = distances(free, (0, 0))
    INF = np.iinfo(np.int32).max
    reachable = dist < INF
    path = []
    if reachable[-1, -1]:
        cur = (free.shape[0] - 1, free.shape[1] - 1)
        path.append(cur)
        while dist[cur] > 0:
            r, c = cur
            steps = [(r + dr, c + dc) for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1))
                     if 0 <= r + dr < free.shape[0] and 0 <= c + dc < free.shape[1]]
            cur = min(steps, key=lambda rc: dist[rc])
            path.append(cur)
    path = np.array(path[::-1])
    labels = np.where(free, np.arange(free.size).reshape(free.shape), -1)
    for _ in range(free.size):
        p = np.pad(labels, 1, constant_values=-1)
        stack = np.stack([labels, p[:-2, 1:-1], p[2:, 1:-1], p[1:-1, :-2], p[1:-1, 2:]])
        new = np.where(free, stack.max(axis=0), -1)
        if np.array_equal(new, labels):
            break
        labels = new
    regions, sizes = np.unique(labels[free], return_counts=True)
    shown = np.full(free.shape, "#")
    shown[np.nonzero(free)] = "."
    if path.size:
        shown[path[:, 0], path[:, 1]] = "*"
    return {"free": free.astype(int), "dist": np.where(reachable, dist, -1),
            "n_reachable": int(reachable.sum()), "path": path, "path_len": len(path),
            "n_regions": regions.size, "region_sizes": np.sort(sizes)[::-1],
            "picture": "\n".join("".join(row) for row in shown.tolist()),
            "farthest": np.unravel_index(np.argmax(np.where(reachable, dist, -1)), dist.shape)}


if __name__ == "__main__":
    print(main())

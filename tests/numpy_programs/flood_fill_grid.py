"""Grid search: connected regions by flood fill, index conversions and neighbours."""
from collections import deque

import numpy as np


def label_regions(grid):
    labels = np.zeros(grid.shape, dtype=np.int32)
    current = 0
    for start in np.argwhere(grid):
        r, c = start
        if labels[r, c]:
            continue
        current += 1
        labels[r, c] = current
        queue = deque([(r, c)])
        while queue:
            y, x = queue.popleft()
            for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                ny, nx = y + dy, x + dx
                if 0 <= ny < grid.shape[0] and 0 <= nx < grid.shape[1]:
                    if grid[ny, nx] and not labels[ny, nx]:
                        labels[ny, nx] = current
                        queue.append((ny, nx))
    return labels, current


def main():
    grid = np.array([
        [1, 1, 0, 0, 0, 1],
        [1, 0, 0, 1, 1, 1],
        [0, 0, 1, 0, 0, 0],
        [1, 0, 1, 1, 0, 1],
        [1, 1, 0, 0, 0, 1],
    ], dtype=bool)
    labels, n = label_regions(grid)
    sizes = np.bincount(labels.ravel())[1:]
    biggest = int(np.argmax(sizes)) + 1
    rows, cols = np.nonzero(labels == biggest)
    bbox = np.array([rows.min(), rows.max(), cols.min(), cols.max()])
    flat = np.ravel_multi_index((rows, cols), grid.shape)
    back = np.unravel_index(flat, grid.shape)
    centroid = np.array([rows.mean(), cols.mean()])
    padded = np.pad(grid, 1, constant_values=False)
    nbrs = (padded[:-2, 1:-1].astype(int) + padded[2:, 1:-1] + padded[1:-1, :-2]
            + padded[1:-1, 2:])
    border = grid & (nbrs < 4)
    where_max = np.unravel_index(np.argmax(labels), labels.shape)
    idx = np.indices(grid.shape)
    dist = np.abs(idx[0] - 2) + np.abs(idx[1] - 2)
    ring = np.where(dist == 2, 1, 0)
    tri_r, tri_c = np.triu_indices(4, k=1)
    ix = np.ix_([0, 2, 4], [1, 3])
    sub = labels[ix]
    return {
        "labels": labels,
        "n": n,
        "sizes": sizes,
        "bbox": bbox,
        "flat": flat,
        "back": np.stack(back),
        "centroid": centroid,
        "nbrs": nbrs,
        "border": border,
        "where_max": np.array(where_max),
        "ring": ring,
        "tri": np.stack([tri_r, tri_c]),
        "sub": sub,
    }

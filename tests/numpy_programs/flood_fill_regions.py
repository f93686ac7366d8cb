"""Connected component labelling by iterative flood fill on a random grid:
a stack-based fill with 4-neighbourhood, region sizes via np.unique with
counts, the largest region's bounding box via np.argwhere, and a fill of the
background from a corner."""
import numpy as np


def flood_fill(grid, start, new_value):
    h, w = grid.shape
    target = grid[start]
    if target == new_value:
        return grid
    out = grid.copy()
    stack = [start]
    while stack:
        r, c = stack.pop()
        if out[r, c] != target:
            continue
        out[r, c] = new_value
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < h and 0 <= nc < w and out[nr, nc] == target:
                stack.append((nr, nc))
    return out


def main():
    rng = np.random.default_rng(2024)
    grid = (rng.random((14, 14)) < 0.45).astype(np.int32)
    labels = np.where(grid == 1, -1, 0)
    current = 0
    for r, c in np.argwhere(labels == -1):
        if labels[r, c] == -1:
            current += 1
            labels = flood_fill(labels, (int(r), int(c)), current)
    ids, sizes = np.unique(labels[labels > 0], return_counts=True)
    big = ids[np.argmax(sizes)]
    coords = np.argwhere(labels == big)
    bg = flood_fill(grid, (0, 0), 7) if grid[0, 0] == 0 else flood_fill(grid, (0, 0), 5)
    return {
        "n_regions": current,
        "sizes_sorted": np.sort(sizes)[::-1],
        "largest": int(big),
        "bbox_min": coords.min(axis=0),
        "bbox_max": coords.max(axis=0),
        "filled_values": np.unique(bg),
        "filled_count": int((bg == bg[0, 0]).sum()),
        "labels_row": labels[5],
        "labels_dtype": labels.dtype.name,
    }


if __name__ == "__main__":
    print(main())

"""Checking a sudoku grid: rows, columns and boxes via reshape and swapaxes,
np.unique counts, set membership, and locating a planted error."""
import numpy as np


def valid(groups):
    return bool(np.all(np.sort(groups, axis=1) == np.arange(1, 10)))


def main():
    base = 3
    side = base * base
    r = np.arange(side)
    grid = (base * (r[:, None] % base) + r[:, None] // base + r[None, :]) % side + 1
    boxes = grid.reshape(base, base, base, base).swapaxes(1, 2).reshape(side, side)
    ok = valid(grid) and valid(grid.T) and valid(boxes)
    bad = grid.copy()
    bad[4, 7] = bad[4, 2]
    row_counts = np.array([np.unique(row).size for row in bad])
    broken_rows = np.flatnonzero(row_counts < 9)
    vals, counts = np.unique(bad[4], return_counts=True)
    missing = np.setdiff1d(np.arange(1, 10), bad[4])
    col_sums = bad.sum(axis=0)
    return {"grid": grid, "boxes": boxes, "ok": ok, "bad_ok": valid(bad),
            "row_counts": row_counts, "broken_rows": broken_rows, "dup": vals[counts > 1],
            "missing": missing, "col_sums": col_sums, "diag": np.diagonal(grid).copy(),
            "anti": np.fliplr(grid).diagonal(), "in_row": np.isin([1, 5, 10], grid[0])}


if __name__ == "__main__":
    print(main())

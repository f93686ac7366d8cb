import numpy as np

SOLVED = np.array([
    [5, 3, 4, 6, 7, 8, 9, 1, 2],
    [6, 7, 2, 1, 9, 5, 3, 4, 8],
    [1, 9, 8, 3, 4, 2, 5, 6, 7],
    [8, 5, 9, 7, 6, 1, 4, 2, 3],
    [4, 2, 6, 8, 5, 3, 7, 9, 1],
    [7, 1, 3, 9, 2, 4, 8, 5, 6],
    [9, 6, 1, 5, 3, 7, 2, 8, 4],
    [2, 8, 7, 4, 1, 9, 6, 3, 5],
    [3, 4, 5, 2, 8, 6, 1, 7, 9],
])


def boxes(grid):
    return grid.reshape(3, 3, 3, 3).swapaxes(1, 2).reshape(9, 9)


def unit_ok(units):
    return np.all(np.sort(units, axis=1) == np.arange(1, 10), axis=1)


def check(grid):
    return unit_ok(grid), unit_ok(grid.T), unit_ok(boxes(grid))


def candidates(grid, r, c):
    used = np.zeros(10, dtype=bool)
    used[grid[r]] = True
    used[grid[:, c]] = True
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used[grid[br:br + 3, bc:bc + 3].ravel()] = True
    return np.flatnonzero(~used[1:]) + 1


def main():
    rows, cols, bxs = check(SOLVED)
    broken = SOLVED.copy()
    broken[[0, 0], [0, 1]] = broken[[0, 0], [1, 0]]
    broken_rows, broken_cols, broken_boxes = check(broken)
    puzzle = SOLVED.copy()
    puzzle[np.arange(9), (np.arange(9) * 4) % 9] = 0
    blanks = np.argwhere(puzzle == 0)
    cands = [candidates(puzzle, r, c) for r, c in blanks]
    filled = puzzle.copy()
    for (r, c), cand in zip(blanks, cands):
        if cand.size == 1:
            filled[r, c] = cand[0]
    box_sums = boxes(SOLVED).sum(axis=1)
    return {
        "valid": bool(rows.all() and cols.all() and bxs.all()),
        "broken_rows": broken_rows,
        "broken_cols": broken_cols,
        "broken_boxes": broken_boxes,
        "blanks": blanks,
        "cand_sizes": np.array([c.size for c in cands]),
        "restored": bool(np.array_equal(filled, SOLVED)),
        "box_sums": box_sums,
        "box4": boxes(SOLVED)[4].reshape(3, 3),
        "blank_count": int((puzzle == 0).sum()),
    }

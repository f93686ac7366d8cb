"""Checking boards with array views: magic squares (rows, columns, both diagonals),
an N-queens placement via diagonal offsets, a Sudoku grid via reshape into boxes,
and tic-tac-toe winners."""
import numpy as np


def is_magic(m):
    target = m.sum(axis=0)[0]
    return (np.all(m.sum(axis=0) == target) and np.all(m.sum(axis=1) == target)
            and np.trace(m) == target and np.trace(np.fliplr(m)) == target)


def queens_ok(cols):
    n = len(cols)
    board = np.zeros((n, n), dtype=int)
    board[np.arange(n), cols] = 1
    diag = [board.diagonal(k).sum() for k in range(-n + 1, n)]
    anti = [np.fliplr(board).diagonal(k).sum() for k in range(-n + 1, n)]
    return bool(board.sum(axis=0).max() == 1 and max(diag) <= 1 and max(anti) <= 1)


def sudoku_ok(g):
    full = np.arange(1, 10)
    rows = np.all(np.sort(g, axis=1) == full)
    cols = np.all(np.sort(g, axis=0).T == full)
    boxes = g.reshape(3, 3, 3, 3).swapaxes(1, 2).reshape(9, 9)
    return bool(rows and cols and np.all(np.sort(boxes, axis=1) == full))


def winner(b):
    lines = np.concatenate([b, b.T, [np.diag(b)], [np.diag(np.fliplr(b))]])
    sums = lines.sum(axis=1)
    return 1 if np.any(sums == 3) else (-1 if np.any(sums == -3) else 0)


def main():
    lo_shu = np.array([[2, 7, 6], [9, 5, 1], [4, 3, 8]])
    n = 5
    i, j = np.indices((n, n))
    siamese = n * ((i + j - 1 + n // 2) % n) + ((i + 2 * j - 2) % n) + 1
    base = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9])
    pattern = np.array([(3 * (r % 3) + r // 3) % 9 for r in range(9)])
    sudoku = np.array([np.roll(base, -s) for s in pattern])
    broken = sudoku.copy()
    broken[[0, 1], 0] = broken[[1, 0], 0]
    boards = np.array([[[1, 1, 1], [0, -1, 0], [-1, 0, -1]],
                       [[-1, 1, 0], [1, -1, 0], [0, 1, -1]],
                       [[1, -1, 1], [-1, 1, -1], [-1, 1, -1]]])
    return {"lo_shu": is_magic(lo_shu), "siamese": siamese, "siamese_magic": is_magic(siamese),
            "rotated_magic": is_magic(np.rot90(lo_shu)), "queens": queens_ok(np.array([1, 3, 0, 2])),
            "queens_bad": queens_ok(np.array([0, 1, 2, 3])), "sudoku": sudoku,
            "sudoku_ok": sudoku_ok(sudoku), "broken_ok": sudoku_ok(broken),
            "winners": np.array([winner(b) for b in boards]),
            "diagonals": np.array([np.trace(siamese, offset=k) for k in range(-2, 3)])}


if __name__ == "__main__":
    print(main())

"""Grid games: 2048 moves, minesweeper counts and a tic-tac-toe judge."""
import numpy as np


def slide_row_left(row):
    tiles = row[row != 0]
    out = []
    skip = False
    for i in range(len(tiles)):
        if skip:
            skip = False
            continue
        if i + 1 < len(tiles) and tiles[i] == tiles[i + 1]:
            out.append(tiles[i] * 2)
            skip = True
        else:
            out.append(tiles[i])
    res = np.zeros_like(row)
    res[: len(out)] = out
    return res


def move(board, direction):
    k = {"left": 0, "up": 1, "right": 2, "down": 3}[direction]
    b = np.rot90(board, k)
    b = np.array([slide_row_left(r) for r in b])
    return np.rot90(b, -k)


def mine_counts(mines):
    p = np.pad(mines.astype(int), 1)
    total = np.zeros(mines.shape, dtype=int)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dy or dx:
                total += p[1 + dy: p.shape[0] - 1 + dy, 1 + dx: p.shape[1] - 1 + dx]
    return np.where(mines, -1, total)


def winner(board):
    lines = np.concatenate([board, board.T, [np.diag(board)], [np.diag(np.fliplr(board))]])
    sums = lines.sum(axis=1)
    if np.any(sums == 3):
        return 1
    if np.any(sums == -3):
        return -1
    return 0


def main():
    board = np.array([[2, 2, 0, 4], [0, 4, 4, 4], [2, 0, 2, 2], [8, 8, 8, 8]])
    left = move(board, "left")
    right = move(board, "right")
    up = move(board, "up")
    down = move(board, "down")
    mines = np.zeros((5, 6), dtype=bool)
    mines[[0, 2, 3, 4], [1, 3, 0, 5]] = True
    counts = mine_counts(mines)
    ttt = np.array([[1, -1, 0], [-1, 1, 0], [0, -1, 1]])
    ttt2 = np.array([[1, -1, 1], [-1, -1, 1], [0, -1, 0]])
    shifted = np.roll(board, 1, axis=1)
    shifted2 = np.roll(board, (1, -1), axis=(0, 1))
    return {
        "left": left,
        "right": right,
        "up": up,
        "down": down,
        "score": int(left.max()),
        "empty": np.count_nonzero(left == 0),
        "counts": counts,
        "w1": winner(ttt),
        "w2": winner(ttt2),
        "shifted": shifted,
        "shifted2": shifted2,
    }

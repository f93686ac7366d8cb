import numpy as np


def winner(board):
    # board: 1 for X, -1 for O, 0 empty
    n = board.shape[0]
    lines = np.concatenate([
        board.sum(axis=0),
        board.sum(axis=1),
        [np.trace(board), np.trace(np.fliplr(board))],
    ])
    if np.any(lines == n):
        return 1
    if np.any(lines == -n):
        return -1
    return 0


def winner_all(board):
    checks = []
    for player in (1, -1):
        mine = board == player
        hit = (mine.all(axis=0).any() or mine.all(axis=1).any()
               or np.diag(mine).all() or np.diag(np.fliplr(mine)).all())
        checks.append(hit)
    return np.array(checks)


def main():
    boards = np.array([
        [[1, 1, 1], [0, -1, 0], [-1, 0, -1]],
        [[1, -1, 0], [1, -1, 0], [0, -1, 1]],
        [[-1, 1, 1], [1, -1, 0], [1, 0, -1]],
        [[1, -1, 1], [1, -1, -1], [-1, 1, 1]],
        [[0, 0, 1], [0, 1, 0], [1, -1, -1]],
    ])
    winners = np.array([winner(b) for b in boards])
    flags = np.array([winner_all(b) for b in boards])
    # stacked trace along the last two axes
    diag_sums = np.trace(boards, axis1=1, axis2=2)
    anti_sums = np.trace(boards[:, :, ::-1], axis1=1, axis2=2)
    full = np.all(boards != 0, axis=(1, 2))
    moves = np.count_nonzero(boards, axis=(1, 2))
    empties = [np.argwhere(b == 0).tolist() for b in boards]
    four = np.zeros((4, 4), dtype=int)
    np.fill_diagonal(four, -1)
    return {
        "winners": winners,
        "flags": flags,
        "diag_sums": diag_sums,
        "anti_sums": anti_sums,
        "draw": full & (winners == 0),
        "moves": moves,
        "n_empty": np.array([len(e) for e in empties]),
        "first_empty": np.array([e[0] if e else [-1, -1] for e in empties]),
        "four": winner(four),
        "diag_offsets": np.array([np.diag(boards[0], k).sum() for k in (-1, 0, 1)]),
    }

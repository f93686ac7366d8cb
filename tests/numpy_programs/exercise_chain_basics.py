"""100-exercises style: checkerboard, normalisation, common values, reduce, nearest."""
import numpy as np


def main():
    board = np.zeros((8, 8), dtype=int)
    board[1::2, ::2] = 1
    board[::2, 1::2] = 1
    tiled = np.tile(np.array([[0, 1], [1, 0]]), (4, 4))
    same_board = bool((board == tiled).all())

    rng = np.random.default_rng(7)
    m = rng.random((5, 5))
    normalized = (m - m.mean()) / m.std()
    minmax = (m - m.min()) / (m.max() - m.min())

    a = rng.integers(0, 10, 12)
    b = rng.integers(0, 10, 12)
    common = np.intersect1d(a, b)

    v = np.arange(10)
    reduced = np.add.reduce(v)
    total = v.sum()
    prod = np.multiply.reduce(np.arange(1, 6))

    z = rng.uniform(0, 1, 20)
    target = 0.5
    nearest = z[np.abs(z - target).argmin()]

    border = np.ones((5, 5))
    border[1:-1, 1:-1] = 0
    padded = np.pad(np.ones((3, 3)), pad_width=1, mode="constant", constant_values=0)

    diag_below = np.diag(1 + np.arange(4), k=-1)
    idx = np.unravel_index(99, (6, 7, 8))

    z2 = np.arange(11)
    z2[(3 < z2) & (z2 <= 8)] *= -1

    return {
        "board": board,
        "same_board": same_board,
        "normalized": normalized,
        "minmax": minmax,
        "common": common,
        "reduced": reduced,
        "total": total,
        "prod": prod,
        "nearest": nearest,
        "border": border,
        "padded": padded,
        "diag_below": diag_below,
        "idx": np.array(idx),
        "negated": z2,
    }

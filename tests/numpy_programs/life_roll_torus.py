import numpy as np


def step_roll(board):
    neighbours = sum(
        np.roll(np.roll(board, dy, axis=0), dx, axis=1)
        for dy in (-1, 0, 1) for dx in (-1, 0, 1) if (dy, dx) != (0, 0)
    )
    return ((neighbours == 3) | (board & (neighbours == 2))).astype(board.dtype)


def step_slices(board):
    p = np.pad(board, 1)
    n = (p[:-2, :-2] + p[:-2, 1:-1] + p[:-2, 2:] + p[1:-1, :-2] + p[1:-1, 2:]
         + p[2:, :-2] + p[2:, 1:-1] + p[2:, 2:])
    return np.where((n == 3) | ((board == 1) & (n == 2)), 1, 0).astype(board.dtype)


def main():
    board = np.zeros((10, 10), dtype=np.uint8)
    glider = np.array([[0, 1, 0], [0, 0, 1], [1, 1, 1]], dtype=np.uint8)
    board[1:4, 1:4] = glider
    history = [board]
    for _ in range(8):
        history.append(step_roll(history[-1]))
    moved = np.array_equal(history[4], np.roll(board, (1, 1), axis=(0, 1)))
    pop = np.array([h.sum() for h in history])
    # blinker with the bounded (slice) rule
    blink = np.zeros((5, 5), dtype=np.int64)
    blink[2, 1:4] = 1
    b1 = step_slices(blink)
    b2 = step_slices(b1)
    # a block in the corner wraps on the torus but not with padding
    corner = np.zeros((6, 6), dtype=np.uint8)
    corner[[0, 0, 5, 5], [0, 5, 0, 5]] = 1
    torus = step_roll(corner)
    bounded = step_slices(corner)
    live = np.argwhere(history[-1])
    return {
        "moved": moved,
        "population": pop,
        "final": history[-1],
        "blinker_vertical": b1,
        "blinker_period2": bool((b2 == blink).all()),
        "torus_alive": int(torus.sum()),
        "bounded_alive": int(bounded.sum()),
        "live_cells": live,
        "bbox": np.concatenate([live.min(axis=0), live.max(axis=0)]),
        "dtype": str(history[-1].dtype),
    }

"""Conway's Game of Life on a torus with np.roll: a glider and a blinker."""
import numpy as np


def neighbours(grid):
    total = np.zeros_like(grid, dtype=np.int64)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dy == 0 and dx == 0:
                continue
            total += np.roll(np.roll(grid, dy, axis=0), dx, axis=1)
    return total


def step(grid):
    n = neighbours(grid)
    born = (grid == 0) & (n == 3)
    survive = (grid == 1) & ((n == 2) | (n == 3))
    return (born | survive).astype(np.uint8)


def main():
    grid = np.zeros((8, 8), dtype=np.uint8)
    grid[1, 2] = grid[2, 3] = 1
    grid[3, 1:4] = 1
    history = [grid.copy()]
    for _ in range(4):
        grid = step(grid)
        history.append(grid)
    populations = np.array([g.sum() for g in history])
    live = np.argwhere(history[-1])
    shift = live.min(axis=0) - np.argwhere(history[0]).min(axis=0)
    blinker = np.zeros((5, 5), dtype=np.uint8)
    blinker[2, 1:4] = 1
    b1 = step(blinker)
    b2 = step(b1)
    rng = np.random.default_rng(7)
    soup = (rng.random((12, 12)) < 0.35).astype(np.uint8)
    for _ in range(10):
        soup = step(soup)
    text = "\n".join("".join("#" if c else "." for c in row) for row in history[-1])
    return {
        "final": history[-1],
        "populations": populations,
        "shift": shift,
        "period2": bool(np.array_equal(blinker, b2)),
        "vertical": b1,
        "soup": soup,
        "soup_pop": int(soup.sum()),
        "dtype": str(grid.dtype),
        "text": text,
        "density": float(soup.mean()),
    }

"""Fancy-index assignment with repeated indices: a[idx] += 1 versus np.add.at."""
import numpy as np


def main():
    idx = np.array([0, 2, 2, 5, 5, 5, 1])
    buffered = np.zeros(6, dtype=int)
    buffered[idx] += 1
    unbuffered = np.zeros(6, dtype=int)
    np.add.at(unbuffered, idx, 1)
    last_wins = np.zeros(6)
    last_wins[idx] = np.arange(7.0)
    grid = np.zeros((3, 4))
    rows = np.array([0, 0, 2, 2, 1])
    cols = np.array([1, 1, 3, 3, 0])
    np.add.at(grid, (rows, cols), np.array([1.0, 2.0, 3.0, 4.0, 5.0]))
    mins = np.full(4, 100)
    np.minimum.at(mins, np.array([0, 0, 3, 1, 3]), np.array([7, 3, 9, 50, 2]))
    products = np.ones(3)
    np.multiply.at(products, [0, 1, 0, 2, 0], [2.0, 3.0, 4.0, 5.0, 0.5])
    image = np.arange(20).reshape(4, 5)
    image[[0, 3], 1:3] = -1
    image[image % 7 == 0] = 99
    counts = np.bincount(idx, minlength=8)
    return {
        "buffered": buffered,
        "unbuffered": unbuffered,
        "last_wins": last_wins,
        "grid": grid,
        "mins": mins,
        "products": products,
        "image": image,
        "counts": counts,
        "same": bool(np.array_equal(counts[:6], unbuffered)),
    }


if __name__ == "__main__":
    print(main())

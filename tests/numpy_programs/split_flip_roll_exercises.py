"""Array drills: split at indices, array_split, flip and roll over axis tuples."""
import numpy as np


def main():
    x = np.arange(10)
    parts = np.split(x, [3, 7])
    halves = np.split(x, 2)
    uneven = np.array_split(x, 3)
    grid = np.arange(24).reshape(4, 6)
    col_parts = np.split(grid, [2, 5], axis=1)
    row_uneven = np.array_split(grid, 3, axis=0)
    hs = np.hsplit(grid, 3)
    vs = np.vsplit(grid, [1])

    cube = np.arange(24).reshape(2, 3, 4)
    f_all = np.flip(cube)
    f_02 = np.flip(cube, axis=(0, 2))
    f_1 = np.flip(cube, 1)
    lr = np.fliplr(grid)
    ud = np.flipud(grid)
    r_flat = np.roll(x, 3)
    r_neg = np.roll(x, -2)
    r_axes = np.roll(grid, (1, 2), axis=(0, 1))
    r_same = np.roll(grid, 1, axis=(0, 1))
    r_cube = np.roll(cube, (-1, 1), axis=(2, 0))
    rot = np.rot90(grid, k=3)
    return {
        "parts": np.concatenate(parts), "n_parts": len(parts),
        "part_sizes": np.array([p.size for p in parts]),
        "halves": np.array(halves),
        "uneven_sizes": np.array([p.size for p in uneven]),
        "uneven_last": uneven[-1],
        "col_parts_1": col_parts[1], "col_parts_2": col_parts[2],
        "row_uneven_0": row_uneven[0],
        "hs": np.array(hs), "vs_1": vs[1],
        "f_all": f_all, "f_02": f_02, "f_1": f_1, "lr": lr, "ud": ud,
        "r_flat": r_flat, "r_neg": r_neg, "r_axes": r_axes, "r_same": r_same,
        "r_cube": r_cube, "rot": rot,
    }

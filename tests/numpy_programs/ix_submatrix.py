"""Selecting and updating sub-matrices with np.ix_ (course exercise on open meshes)."""
import numpy as np


def main():
    m = np.arange(1, 37).reshape(6, 6)
    rows = [0, 2, 5]
    cols = [1, 3]
    block = m[np.ix_(rows, cols)]
    mask_rows = m[:, 0] % 2 == 1
    mask_cols = np.array([True, False, True, False, False, True])
    masked_block = m[np.ix_(mask_rows, mask_cols)]
    r, c = np.ix_([1, 4], [0, 2, 4])
    outer_sum = r * 10 + c
    updated = m.copy()
    updated[np.ix_(rows, cols)] = 0
    updated[np.ix_([1, 3], [1, 3])] += 100
    a, b, c3 = np.ix_(np.arange(2), np.arange(3), np.arange(4))
    cube = a * 100 + b * 10 + c3
    sym = m + m.T
    minor = np.delete(np.delete(sym, 2, axis=0), 2, axis=1)
    return {
        "block": block,
        "masked_block": masked_block,
        "shapes": np.array([r.shape, c.shape]),
        "outer_sum": outer_sum,
        "updated": updated,
        "cube_shape": np.array(cube.shape),
        "cube_sum": cube.sum(),
        "minor_trace": np.trace(minor),
        "minor_shape": np.array(minor.shape),
    }


if __name__ == "__main__":
    print(main())

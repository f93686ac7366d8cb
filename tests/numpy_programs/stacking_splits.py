"""Assembling and cutting arrays: block, vstack/hstack/dstack/column_stack, split."""
import numpy as np


def main():
    a = np.ones((2, 2))
    b = np.zeros((2, 3))
    c = np.full((1, 5), 7.0)
    blocked = np.block([[a, b], [c]])
    nested = np.block([[np.eye(2), 2 * np.eye(2)], [3 * np.eye(2), 4 * np.eye(2)]])
    v1 = np.arange(3)
    v2 = np.arange(3, 6)
    vs = np.vstack([v1, v2])
    hs = np.hstack([v1, v2])
    ds = np.dstack([v1, v2])
    cs = np.column_stack([v1, v2, v1 * v2])
    stack_last = np.stack([v1, v2], axis=-1)
    hs2 = np.hstack([vs, vs[:, :1]])
    x = np.arange(12)
    halves = np.split(x, 2)
    at_points = np.split(x, [3, 5, 10])
    uneven = np.array_split(x, 5)
    grid = np.arange(24).reshape(4, 6)
    left, right = np.hsplit(grid, 2)
    top, mid, bottom = np.vsplit(grid, [1, 3])
    cols = np.array_split(grid, 4, axis=1)
    depth = np.dsplit(np.arange(16).reshape(2, 2, 4), 2)
    sizes = np.array([len(p) for p in uneven])
    return {
        "blocked": blocked,
        "nested": nested,
        "vs": vs,
        "hs": hs,
        "ds_shape": np.array(ds.shape),
        "ds": ds,
        "cs": cs,
        "stack_last": stack_last,
        "hs2": hs2,
        "halves": np.array(halves),
        "piece_sums": np.array([p.sum() for p in at_points]),
        "sizes": sizes,
        "left": left,
        "right": right,
        "top": top,
        "mid": mid,
        "bottom": bottom,
        "col_widths": np.array([p.shape[1] for p in cols]),
        "depth0": depth[0],
    }


if __name__ == "__main__":
    print(main())

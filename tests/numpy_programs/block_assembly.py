"""Assembling and splitting arrays: stack, vstack, hstack, dstack, column_stack,
np.block, split and array_split, tile, repeat, concatenate with axis=None and
expand_dims/squeeze round trips."""
import numpy as np


def main():
    a = np.arange(6).reshape(2, 3)
    b = np.arange(6, 12).reshape(2, 3)
    out = {
        "stack0": np.stack([a, b]), "stack2": np.stack([a, b], axis=2),
        "vstack": np.vstack([a, b]), "hstack": np.hstack([a, b]), "dstack": np.dstack([a, b]),
        "colstack": np.column_stack([np.arange(3), np.arange(3, 6)]),
        "block": np.block([[a, np.zeros((2, 1), dtype=int)], [np.ones((1, 3), dtype=int), np.array([[9]])]]),
        "tile": np.tile(np.array([1, 2]), (2, 3)), "repeat": np.repeat(a, [1, 2], axis=0),
        "repeat_flat": np.repeat(np.array([1, 2, 3]), 2),
        "concat_none": np.concatenate([a, b], axis=None),
        "expand": np.expand_dims(a, axis=(0, 3)).shape, "squeeze": np.squeeze(np.ones((1, 3, 1))).shape,
        "r_": np.r_[1:4, 0, [7, 8]], "c_": np.c_[np.array([1, 2]), np.array([3, 4])],
        "atleast": np.atleast_2d(np.arange(3)).shape, "atleast3": np.atleast_3d(a).shape,
        "hsplit_first": np.hsplit(np.arange(12).reshape(3, 4), 2)[0],
        "vsplit_last": np.vsplit(np.arange(12).reshape(4, 3), [1, 3])[-1],
        "append": np.append(a, [[99, 98, 97]], axis=0), "insert": np.insert(np.arange(5), 2, [-1, -2]),
        "delete": np.delete(np.arange(10), [0, 3, 9]),
    }
    parts = np.array_split(np.arange(10), 3)
    out["parts_len"] = [len(p) for p in parts]
    out["parts_last"] = parts[-1]
    out["split_sum"] = sum(p.sum() for p in np.split(np.arange(12), 4))
    out["broadcast"] = np.broadcast_to(np.arange(3), (2, 3)).copy()
    out["bshape"] = np.broadcast_shapes((3, 1), (1, 4))
    return out


if __name__ == "__main__":
    print(main())

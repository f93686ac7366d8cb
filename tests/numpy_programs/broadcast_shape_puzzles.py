"""Broadcasting puzzles: np.broadcast_shapes, np.broadcast_to (a read-only view),
np.broadcast_arrays, outer operations with np.newaxis and None, keepdims to keep
reductions broadcastable, and the errors NumPy raises for shapes that do not fit."""
import numpy as np


def main():
    out = {}
    out["shapes"] = np.broadcast_shapes((3, 1, 5), (4, 1), (1, 5))
    row = np.arange(4)
    col = np.arange(3)[:, np.newaxis]
    out["table"] = row * 10 + col
    b = np.broadcast_to(row, (3, 4))
    out["b"] = b
    out["b_writeable"] = b.flags.writeable
    out["b_strides0"] = b.strides[0]
    x, y = np.broadcast_arrays(np.arange(3)[:, None], np.arange(2))
    out["x"] = x
    out["y"] = y
    data = np.arange(12.0).reshape(3, 4)
    centered = data - data.mean(axis=1, keepdims=True)
    scaled = centered / data.std(axis=0)
    out["centered"] = centered
    out["scaled"] = scaled
    dist = np.sqrt(((data[:, None, :] - data[None, :, :]) ** 2).sum(axis=-1))
    out["dist"] = dist
    cube = np.ones((2, 3, 4)) * np.arange(4) * np.arange(3)[:, None] * np.arange(1, 3)[:, None, None]
    out["cube_sum"] = cube.sum(axis=(1, 2))
    try:
        np.arange(3) + np.arange(4)
        out["err"] = "none"
    except ValueError as exc:
        out["err"] = type(exc).__name__
    try:
        np.broadcast_shapes((2, 3), (3, 2))
        out["err2"] = "none"
    except ValueError as exc:
        out["err2"] = type(exc).__name__
    try:
        b[0, 0] = 5
        out["write"] = "ok"
    except ValueError:
        out["write"] = "read-only"
    out["scalar_bcast"] = np.broadcast_to(7, (2, 2))
    out["ndim_grow"] = (np.ones(3)[None, None, :] + np.ones((2, 1, 1))).shape
    return out


if __name__ == "__main__":
    print(main())

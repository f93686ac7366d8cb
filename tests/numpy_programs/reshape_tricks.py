"""Array creation and reshaping tricks: checkerboards with tile, block matrices,
repeat and indices, meshgrid coordinates, r_/c_ and axis juggling."""
import numpy as np


def main():
    board = np.tile(np.array([[0, 1], [1, 0]]), (4, 4))
    blocks = np.arange(24).reshape(2, 3, 4)
    swapped = np.moveaxis(blocks, 0, -1)
    expanded = np.repeat(np.array([[1, 2], [3, 4]]), [2, 1], axis=0)
    stretched = np.repeat(np.arange(3), 3)
    rows, cols = np.indices((3, 4))
    xs, ys = np.meshgrid(np.linspace(0, 1, 4), np.linspace(-1, 1, 3))
    ij_x, ij_y = np.meshgrid(np.arange(3), np.arange(2), indexing="ij")
    radius = np.hypot(xs, ys)
    mixed = np.r_[1:10:3, [100, 200], 0.5]
    side = np.c_[np.zeros(3), np.ones(3), np.arange(3)]
    row_vec = np.r_["0,2", [1, 2, 3]]
    block = np.block([[np.eye(2), np.zeros((2, 3))], [np.ones((1, 2)), np.full((1, 3), 7.0)]])
    flat_f = np.arange(6).reshape(2, 3).ravel(order="F")
    unflat = np.arange(12).reshape(-1, 3, order="F")
    stacked = np.stack([np.arange(3), np.arange(3) * 10], axis=1)
    col = np.arange(5)[:, np.newaxis]
    table = col * np.arange(1, 4)
    squeezed = np.expand_dims(np.arange(4), axis=(0, 2)).squeeze()
    diag_block = np.kron(np.eye(2, dtype=int), np.ones((2, 2), dtype=int))
    broadcast = np.broadcast_to(np.arange(3), (2, 3)).copy()
    return {"board": board, "swapped": swapped, "swapped_shape": np.array(swapped.shape),
            "expanded": expanded, "stretched": stretched, "rows": rows, "cols": cols,
            "radius": radius, "ij_x": ij_x, "ij_y": ij_y, "mixed": mixed, "side": side,
            "row_vec": row_vec, "block": block, "flat_f": flat_f, "unflat": unflat,
            "stacked": stacked, "table": table, "squeezed": squeezed,
            "diag_block": diag_block, "broadcast": broadcast,
            "atleast": np.atleast_2d(np.arange(3)).shape,
            "split": np.array_split(np.arange(10), 3)[1],
            "full_like": np.full_like(np.arange(4), 9), "eye_k": np.eye(3, 4, k=1),
            "tri": np.tri(4, 3, -1), "identity": np.identity(3, dtype=np.int32)}


if __name__ == "__main__":
    print(main())

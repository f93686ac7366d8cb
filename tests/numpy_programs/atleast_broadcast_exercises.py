"""Array drills: atleast_1d/2d/3d and broadcasting helpers."""
import numpy as np


def main():
    s = np.atleast_1d(5.0)
    v2 = np.atleast_2d(np.arange(3))
    v3 = np.atleast_3d(np.arange(3))
    m3 = np.atleast_3d(np.ones((2, 3)))
    many = np.atleast_2d(1, [1, 2], [[1, 2]])
    shapes_many = np.array([m.shape for m in many])
    x = np.arange(3).reshape(3, 1)
    y = np.arange(4)
    bx, by = np.broadcast_arrays(x, y)
    bshape = np.broadcast_shapes((3, 1), (4,), (2, 1, 1))
    bt = np.broadcast_to(np.arange(4), (3, 4))
    b = np.broadcast(x, y)
    total = (bx + by).sum()
    prod = bx * by
    ex = np.expand_dims(y, axis=(0, 2))
    ex2 = np.expand_dims(np.ones((2, 3)), (0, -1))
    sq = np.squeeze(np.ones((1, 3, 1, 2)), axis=2)
    sq_all = np.ones((1, 3, 1, 2)).squeeze()
    sq_m = np.zeros((1, 4)).squeeze(0)
    na = y[np.newaxis, :, None]
    return {
        "s": s, "v2": v2, "v3_shape": np.array(v3.shape), "m3_shape": np.array(m3.shape),
        "shapes_many": shapes_many, "bx": bx, "by": by, "bshape": np.array(bshape),
        "bt": bt, "b_shape": np.array(b.shape), "b_size": b.size, "total": total,
        "prod": prod, "ex_shape": np.array(ex.shape), "ex2_shape": np.array(ex2.shape),
        "sq_shape": np.array(sq.shape), "sq_all_shape": np.array(sq_all.shape),
        "sq_m": sq_m, "na_shape": np.array(na.shape),
    }

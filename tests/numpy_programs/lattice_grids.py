"""Coordinate grids three ways: meshgrid for a field evaluated on a plane, mgrid
for lattice points inside a circle, ogrid for broadcasting a distance table, and
a contour-like count of cells where a function changes sign."""
import numpy as np


def main():
    x = np.linspace(-2, 2, 41)
    y = np.linspace(-1, 1, 21)
    X, Y = np.meshgrid(x, y)
    Z = np.sin(X ** 2 + Y) * np.exp(-0.5 * (X ** 2 + Y ** 2))
    iy, ix = np.unravel_index(np.argmax(Z), Z.shape)
    gx, gy = np.mgrid[-5:6, -5:6]
    inside = gx ** 2 + gy ** 2 <= 25
    n_lattice = int(inside.sum())
    oy, ox = np.ogrid[0:5, 0:7]
    dist = np.hypot(oy - 2, ox - 3)
    manhattan = np.abs(oy - 2) + np.abs(ox - 3)
    sign = np.sign(Z)
    changes = (sign[:, 1:] != sign[:, :-1]).sum() + (sign[1:, :] != sign[:-1, :]).sum()
    fine = np.mgrid[0:1:5j, 0:2:3j]
    Xs, Ys = np.meshgrid(np.arange(3), np.arange(4), sparse=True)
    ring = (dist > 1.5) & (dist < 3)
    xy = np.stack([X.ravel(), Y.ravel()], axis=1)
    return {"Z_max": Z.max(), "argmax_xy": (x[ix], y[iy]), "Z_row": Z[10, ::5],
            "n_lattice": n_lattice, "inside_row": inside[5].astype(int), "dist": dist.round(4),
            "manhattan": manhattan, "changes": int(changes), "fine": fine,
            "sparse_shapes": (Xs.shape, Ys.shape), "sparse_sum": (Xs + Ys).sum(),
            "ring": ring.astype(np.int8), "xy_mean": xy.mean(axis=0),
            "pi_est": n_lattice / 25.0}


if __name__ == "__main__":
    print(main())

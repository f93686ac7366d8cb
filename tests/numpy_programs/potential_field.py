"""A 2-D potential field on np.meshgrid: point charges, np.gradient for the
field, np.hypot and np.arctan2 for polar coordinates, ogrid/mgrid variants and
the location of the minimum."""
import numpy as np


def main():
    x = np.linspace(-2, 2, 41)
    y = np.linspace(-1, 1, 21)
    X, Y = np.meshgrid(x, y)
    charges = [(-0.5, 0.0, 1.0), (0.5, 0.0, -1.0)]
    V = np.zeros_like(X)
    for cx, cy, q in charges:
        V += q / np.sqrt((X - cx) ** 2 + (Y - cy) ** 2 + 0.05)
    Ey, Ex = np.gradient(-V, y, x)
    mag = np.hypot(Ex, Ey)
    ang = np.arctan2(Ey, Ex)
    Xi, Yi = np.meshgrid(x[:3], y[:2], indexing="ij")
    og = np.ogrid[0:3, 0:4]
    mg = np.mgrid[0:2, 0:3]
    imin = np.unravel_index(np.argmin(V), V.shape)
    r = np.sqrt(X ** 2 + Y ** 2)
    ring = (r > 0.9) & (r < 1.1)
    return {"V_center": V[10, 20], "Vmax": V.max(), "Vmin": V.min(), "Ex_mid": Ex[10, ::5],
            "mag_mean": mag.mean(), "ang_row": ang[5, ::10], "Xi": Xi, "Yi": Yi,
            "og_sum": og[0] + og[1], "mg": mg, "imin": np.array(imin),
            "ring_count": int(ring.sum()), "sparse": np.meshgrid(x[:2], y[:3], sparse=True)[1],
            "grad1d": np.gradient(np.array([1.0, 4.0, 9.0, 16.0, 25.0])),
            "grad_edge": np.gradient(np.array([1.0, 4.0, 9.0, 16.0]), 2.0, edge_order=2)}


if __name__ == "__main__":
    print(main())

"""Resampling irregular sensor readings: np.interp with left/right fill and
periodic angles, np.gradient on non-uniform coordinates with edge_order=2,
cumulative trapezoid integration by hand and np.trapezoid along an axis."""
import numpy as np


def main():
    rng = np.random.default_rng(8)
    xs = np.sort(rng.uniform(0, 10, 25))
    ys = np.sin(xs) + 0.1 * xs
    grid = np.linspace(-1, 11, 13)
    lin = np.interp(grid, xs, ys)
    filled = np.interp(grid, xs, ys, left=np.nan, right=-1.0)
    angles = np.array([350.0, 10.0, 30.0])
    at = np.array([0.0, 1.0, 2.0])
    heading = np.interp([0.5, 1.5], at, np.unwrap(angles, period=360)) % 360
    periodic = np.interp([370, -10, 185], [0, 90, 180, 270], [0, 1, 0, -1], period=360)
    dy = np.gradient(ys, xs)
    dy2 = np.gradient(ys, xs, edge_order=2)
    cum = np.concatenate([[0.0], np.cumsum(np.diff(xs) * (ys[1:] + ys[:-1]) / 2)])
    total = np.trapezoid(ys, xs)
    table = np.vstack([ys, ys ** 2, np.cos(xs)])
    rows = np.trapezoid(table, x=xs, axis=1)
    dx_int = np.trapezoid([1, 2, 3, 4], dx=0.5)
    g2 = np.gradient(np.array([[1, 2, 6], [3, 4, 5]], dtype=float))
    return {
        "lin": np.round(lin, 5),
        "nan_count": int(np.isnan(filled).sum()),
        "right_fill": filled[-2:],
        "heading": heading,
        "periodic": periodic,
        "dy_ends": (dy[0], dy[-1]),
        "dy2_ends": (dy2[0], dy2[-1]),
        "total": total,
        "cum_matches": bool(np.isclose(cum[-1], total)),
        "rows": rows,
        "dx_int": dx_int,
        "g2_axis0": g2[0],
        "g2_axis1": g2[1],
        "int_grad": np.gradient(np.array([1, 4, 9, 16])),
    }


if __name__ == "__main__":
    print(main())

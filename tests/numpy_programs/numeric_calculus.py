"""Numerical calculus on sampled data: derivatives with np.gradient (uniform and
uneven spacing, second order edges), integrals with np.trapezoid and a running
integral from cumulative sums, resampling with np.interp, and arc length of a
parametric curve."""
import numpy as np


def main():
    x = np.linspace(0, np.pi, 51)
    y = np.sin(x)
    dy = np.gradient(y, x)
    dy2 = np.gradient(y, x, edge_order=2)
    err1 = np.max(np.abs(dy - np.cos(x)))
    err2 = np.max(np.abs(dy2 - np.cos(x)))
    area = np.trapezoid(y, x)
    running = np.concatenate([[0.0], np.cumsum(0.5 * (y[1:] + y[:-1]) * np.diff(x))])
    xu = np.array([0.0, 0.1, 0.3, 0.6, 1.0, 1.5, 2.1])
    yu = xu ** 3
    du = np.gradient(yu, xu)
    grid = np.arange(6).reshape(2, 3) ** 2.0
    g0, g1 = np.gradient(grid)
    fine = np.linspace(0, 2.1, 8)
    resampled = np.interp(fine, xu, yu)
    periodic = np.interp([-0.5, 0.5, 7.5], [0, 1, 2, 3], [0, 10, 20, 30], period=4)
    clamp = np.interp([-1.0, 5.0], xu, yu, left=-1.0, right=99.0)
    t = np.linspace(0, 2 * np.pi, 2001)
    cx, cy = 3 * np.cos(t), 2 * np.sin(t)
    arc = np.sum(np.hypot(np.diff(cx), np.diff(cy)))
    speed = np.hypot(np.gradient(cx, t), np.gradient(cy, t))
    arc2 = np.trapezoid(speed, t)
    return {"err1": err1, "err2": err2, "area": area, "running_end": running[-1],
            "running": running[::10], "du": du, "g0": g0, "g1": g1, "resampled": resampled,
            "periodic": periodic, "clamp": clamp, "arc": arc, "arc2": arc2,
            "dx_scalar": np.gradient(np.array([1.0, 4.0, 9.0, 16.0]), 2.0)}


if __name__ == "__main__":
    print(main())

"""Numerical calculus on sampled data: interp, gradient, diff, unwrap, trapezoid."""
import numpy as np


def main():
    xp = np.array([0.0, 1.0, 2.5, 4.0, 6.0])
    fp = np.array([0.0, 2.0, 3.0, 2.5, 5.0])
    x = np.linspace(-1, 7, 17)
    lin = np.interp(x, xp, fp)
    clamped = np.interp(x, xp, fp, left=-1.0, right=-2.0)
    angles = np.array([350.0, 10.0, 30.0, 340.0])
    vals = np.array([1.0, 2.0, 3.0, 4.0])
    periodic = np.interp(np.array([0.0, 355.0, 5.0]), angles, vals, period=360)
    t = np.linspace(0, 2, 21)
    f = t ** 3 - t
    g1 = np.gradient(f, t)
    g2 = np.gradient(f, 0.1, edge_order=2)
    uneven = np.array([0.0, 0.5, 1.5, 3.0, 5.0])
    gu = np.gradient(uneven ** 2, uneven)
    field = np.outer(np.arange(4.0), np.arange(5.0) ** 2)
    gy, gx = np.gradient(field)
    gx_only = np.gradient(field, axis=1)
    d1 = np.diff(f)
    d2 = np.diff(f, n=2)
    dp = np.diff(np.array([5, 7, 12]), prepend=0)
    da = np.diff(np.array([5, 7, 12]), append=20)
    d_axis = np.diff(field, axis=0)
    phase = np.angle(np.exp(1j * np.linspace(0, 6 * np.pi, 25)))
    unwrapped = np.unwrap(phase)
    deg = np.unwrap(np.array([0, 170, 350, 10, 190]), period=360)
    area = np.trapezoid(f, t)
    area_dx = np.trapezoid(np.sin(t), dx=0.1)
    area2 = np.trapezoid(field, axis=1)
    ediff = np.ediff1d(np.array([1, 4, 9, 16]), to_begin=0)
    cum_trap = np.concatenate(([0.0], np.cumsum((f[1:] + f[:-1]) / 2 * np.diff(t))))
    return {
        "lin": lin,
        "clamped": clamped,
        "periodic": periodic,
        "g1": g1,
        "g2": g2,
        "gu": gu,
        "gy": gy,
        "gx": gx,
        "gx_only": gx_only,
        "d1": d1,
        "d2": d2,
        "dp": dp,
        "da": da,
        "d_axis": d_axis,
        "unwrapped": unwrapped,
        "deg": deg,
        "area": area,
        "area_dx": area_dx,
        "area2": area2,
        "ediff": ediff,
        "cum_trap": cum_trap,
    }

"""Everyday elementwise helpers: where in both forms, clip, round half to even,
cumulative sums and differences, gradients, trapezoid areas, interpolation and
tolerant comparisons."""
import numpy as np


def main():
    x = np.linspace(0.0, 2.0 * np.pi, 41)
    y = np.sin(x)
    idx = np.where(y > 0.5)
    signed = np.where(y >= 0, 1, -1)
    relu = np.where(y > 0, y, 0.0)
    clipped = np.clip(y, -0.5, 0.5)
    clipped_low = np.clip(np.arange(10), 3, None)
    halves = np.round(np.array([0.5, 1.5, 2.5, -0.5, -1.5, 2.675]), 0)
    rounded2 = np.round(np.array([2.675, 1.005, 3.14159]), 2)
    tens = np.round(np.array([1234, 5678, 150, 250]), -2)
    ar = np.around(np.array([1.2345, 9.8765]), decimals=3)
    csum = np.cumsum(np.arange(1, 6))
    cprod = np.cumprod(np.arange(1, 6))
    d1 = np.diff(y)
    d2 = np.diff(y, n=2)
    d_pre = np.diff(np.array([1, 4, 9, 16]), prepend=0)
    grad = np.gradient(y, x)
    grad_edge = np.gradient(y, x[1] - x[0], edge_order=2)
    grad2d_r, grad2d_c = np.gradient(np.outer(np.arange(4.0), np.arange(5.0) ** 2))
    area = np.trapezoid(y[:21], x[:21])
    area_dx = np.trapezoid(np.arange(5.0) ** 2, dx=0.5)
    xp = np.array([0.0, 1.0, 3.0])
    fp = np.array([10.0, 20.0, 0.0])
    interp = np.interp(np.array([-1.0, 0.5, 2.0, 4.0]), xp, fp)
    interp_lr = np.interp(np.array([-1.0, 4.0]), xp, fp, left=-1.0, right=99.0)
    periodic = np.interp(np.array([370.0, -10.0]), np.array([0.0, 90.0, 180.0, 270.0]),
                         np.array([0.0, 1.0, 0.0, -1.0]), period=360)
    a = np.array([1.0, 1.0 + 1e-9, 1.1, np.nan])
    b = np.ones(4)
    return {"idx": idx[0], "signed": signed, "relu": relu, "clipped": clipped,
            "clipped_low": clipped_low, "halves": halves, "rounded2": rounded2, "tens": tens,
            "ar": ar, "csum": csum, "cprod": cprod, "d1": d1, "d2": d2, "d_pre": d_pre,
            "grad": grad, "grad_edge": grad_edge, "grad2d_r": grad2d_r, "grad2d_c": grad2d_c,
            "area": area, "area_dx": area_dx, "interp": interp, "interp_lr": interp_lr,
            "periodic": periodic, "isclose": np.isclose(a, b),
            "isclose_nan": np.isclose(a, np.array([1, 1, 1, np.nan]), equal_nan=True),
            "allclose": np.allclose(a[:2], b[:2]), "allclose_rtol": np.allclose(a[:3], b[:3], rtol=0.2),
            "array_equal": np.array_equal(np.arange(3), [0, 1, 2]),
            "array_equal_nan": np.array_equal(a, a, equal_nan=True),
            "floor_ceil": np.vstack([np.floor(y[:5] * 3), np.ceil(y[:5] * 3), np.trunc(y[:5] * 3)]),
            "cummax": np.maximum.accumulate(np.array([3, 1, 4, 1, 5, 9, 2, 6])),
            "sign": np.sign(np.array([-2.0, 0.0, 3.0])), "fix": np.fix(np.array([-2.7, 2.7]))}


if __name__ == "__main__":
    print(main())

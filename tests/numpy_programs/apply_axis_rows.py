"""Per-row and per-element Python functions: apply_along_axis, vectorize, frompyfunc."""
import math

import numpy as np


def trimmed_mean(row, k=1):
    s = np.sort(row)
    return s[k:-k].mean()


def normalize(row):
    return (row - row.min()) / (row.max() - row.min())


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def main():
    m = np.array([[4.0, 9.0, 1.0, 7.0, 3.0],
                  [2.0, 2.0, 8.0, 6.0, 5.0],
                  [10.0, 0.0, 5.0, 5.0, 5.0]])
    tm = np.apply_along_axis(trimmed_mean, 1, m)
    tm2 = np.apply_along_axis(trimmed_mean, 0, m, k=1) if m.shape[0] > 2 else None
    norm = np.apply_along_axis(normalize, 1, m)
    stats = np.apply_along_axis(lambda r: np.array([r.min(), r.max(), r.sum()]), 1, m)
    over = np.apply_over_axes(np.sum, np.arange(24).reshape(2, 3, 4), [0, 2])
    steps = np.vectorize(collatz_steps)(np.arange(1, 11))
    vround = np.vectorize(lambda x, nd: round(x, nd), otypes=[float])
    rounded = vround(np.array([1.23456, 2.34567, 3.45678]), 2)
    cls = np.vectorize(lambda x: "even" if x % 2 == 0 else "odd")
    labels = cls(np.arange(5))
    dist = np.vectorize(lambda a, b: math.hypot(a, b))(np.array([3.0, 5.0]), np.array([[4.0], [12.0]]))
    inner = np.vectorize(np.dot, signature="(n),(n)->()")
    dots = inner(m, np.ones(5))
    gcd_f = np.frompyfunc(math.gcd, 2, 1)
    g = gcd_f(np.array([12, 18, 27]), np.array([8, 12, 9])).astype(int)
    fac = np.frompyfunc(math.factorial, 1, 1)(np.arange(6)).astype(np.int64)
    clip_v = np.vectorize(lambda x, lo=0, hi=5: min(max(x, lo), hi))
    clipped = clip_v(np.array([-2, 3, 9]))
    return {
        "tm": tm,
        "tm2": tm2,
        "norm": norm,
        "stats": stats,
        "over": over,
        "over_shape": np.array(over.shape),
        "steps": steps,
        "rounded": rounded,
        "labels": labels,
        "dist": dist,
        "dots": dots,
        "gcd": g,
        "fac": fac,
        "clipped": clipped,
    }

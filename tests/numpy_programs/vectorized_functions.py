"""Applying Python functions to arrays: vectorize with and without signatures,
apply_along_axis, apply_over_axes, frompyfunc, piecewise definitions, select with
conditions, and fromfunction tables."""
import numpy as np


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def main():
    steps = np.vectorize(collatz_steps)(np.arange(1, 21))
    clamp = np.vectorize(lambda v, lo: max(v, lo), otypes=[float])
    clamped = clamp(np.array([-1.0, 0.5, 2.0]), 0.0)
    sig_norm = np.vectorize(lambda row: np.sqrt(np.sum(row ** 2)), signature="(n)->()")
    norms = sig_norm(np.arange(12.0).reshape(3, 4))
    m = np.arange(12).reshape(3, 4)
    ranges = np.apply_along_axis(lambda r: r.max() - r.min(), 1, m * m)
    normalised = np.apply_along_axis(lambda c: c / c.sum(), 0, m + 1.0)
    summed = np.apply_over_axes(np.sum, np.arange(24).reshape(2, 3, 4), [0, 2])
    fact = np.frompyfunc(lambda k: 1 if k < 2 else k * (k - 1), 1, 1)
    facts = fact(np.arange(6)).astype(int)
    x = np.linspace(-2, 2, 9)
    piece = np.piecewise(x, [x < 0, (x >= 0) & (x < 1), x >= 1], [lambda t: -t, lambda t: t ** 2, 1.0])
    grade = np.select([x < -1, x < 1], [x * 10, x], default=-x)
    table = np.fromfunction(lambda i, j: (i + 1) * (j + 1), (4, 5), dtype=int)
    dist = np.fromfunction(lambda i, j: np.hypot(i - 2, j - 2), (5, 5))
    return {"steps": steps, "clamped": clamped, "norms": norms, "ranges": ranges,
            "normalised": normalised, "summed": summed, "facts": facts, "piece": piece,
            "grade": grade, "table": table, "dist": dist}


if __name__ == "__main__":
    print(main())

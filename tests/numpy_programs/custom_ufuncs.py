"""Vectorizing Python functions: np.vectorize with otypes and excluded args,
np.frompyfunc, np.apply_along_axis, np.apply_over_axes, and np.fromfunction."""
import numpy as np


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def main():
    steps = np.vectorize(collatz_steps)(np.arange(1, 21))
    vsign = np.vectorize(lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg"))
    labels = vsign(np.array([-2, 0, 5]))
    pw = np.vectorize(lambda x, p: x ** p, otypes=[float], excluded=["p"])
    powered = pw(np.array([1, 2, 3]), p=2)
    add3 = np.frompyfunc(lambda a, b, c: a + b + c, 3, 1)
    summed = add3(np.arange(3), 10, np.array([100, 200, 300])).astype(int)
    m = np.arange(12.0).reshape(3, 4)
    ranges = np.apply_along_axis(lambda r: r.max() - r.min(), 1, m)
    normed = np.apply_along_axis(lambda c: c / c.sum(), 0, m + 1)
    over = np.apply_over_axes(np.sum, np.arange(24).reshape(2, 3, 4), [0, 2])
    table = np.fromfunction(lambda i, j: (i + 1) * (j + 1), (4, 5), dtype=int)
    dist = np.fromfunction(lambda i, j: np.abs(i - j), (4, 4))
    sig = np.vectorize(lambda a, b: a @ b, signature="(n),(n)->()")
    dots = sig(np.arange(6.0).reshape(2, 3), np.ones(3))
    return {"steps": steps, "labels": labels, "powered": powered, "summed": summed,
            "ranges": ranges, "normed": normed, "over": over, "table": table,
            "dist": dist, "dots": dots, "max_steps": int(steps.max())}


if __name__ == "__main__":
    print(main())

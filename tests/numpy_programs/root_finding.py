"""Root finding, vectorised: Newton's method for square roots of many numbers at
once, bisection with sign tests, the secant method, and fixed-point iteration."""
import numpy as np


def newton_sqrt(a, iterations=8):
    x = np.where(a > 1, a / 2, 1.0)
    for _ in range(iterations):
        x = x - (x * x - a) / (2 * x)
    return x


def bisect(f, lo, hi, tol=1e-12):
    lo, hi = np.asarray(lo, dtype=float), np.asarray(hi, dtype=float)
    for _ in range(200):
        mid = (lo + hi) / 2
        left = np.sign(f(lo)) == np.sign(f(mid))
        lo = np.where(left, mid, lo)
        hi = np.where(left, hi, mid)
        if np.all(hi - lo < tol):
            break
    return (lo + hi) / 2


def secant(f, x0, x1, steps=30):
    for _ in range(steps):
        f0, f1 = f(x0), f(x1)
        if abs(f1 - f0) < 1e-15:
            break
        x0, x1 = x1, x1 - f1 * (x1 - x0) / (f1 - f0)
    return x1


def main():
    a = np.array([2.0, 9.0, 0.25, 1e6, 3.0])
    roots = newton_sqrt(a)

    def cubic(x):
        return x ** 3 - 2 * x - 5

    shifts = np.arange(1.0, 4.0)
    multi = bisect(lambda x: np.cos(x) - x / shifts, np.zeros(3), np.full(3, 2.0))
    root = bisect(cubic, 2.0, 3.0)
    s = secant(cubic, 2.0, 3.0)
    x = np.full(4, 0.5)
    for _ in range(100):
        x = np.cos(x)
    newton_vals = np.array([newton_sqrt(np.array(v))[()] for v in (4.0, 10.0)])
    return {"roots": roots, "errors": np.abs(roots - np.sqrt(a)), "multi": multi,
            "root": root, "secant": s, "fixed": x, "newton_vals": newton_vals,
            "residual": np.abs(cubic(root))}


if __name__ == "__main__":
    print(main())

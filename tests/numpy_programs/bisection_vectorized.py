import numpy as np


def cubic(x, c):
    return x**3 - 2.0 * x - c


def bisect_all(lo, hi, c, tol=1e-12, max_iter=200):
    lo = np.asarray(lo, dtype=float).copy()
    hi = np.asarray(hi, dtype=float).copy()
    f_lo = cubic(lo, c)
    iterations = np.zeros(lo.shape, dtype=int)
    for _ in range(max_iter):
        active = (hi - lo) > tol
        if not active.any():
            break
        mid = 0.5 * (lo + hi)
        f_mid = cubic(mid, c)
        left = np.sign(f_mid) == np.sign(f_lo)
        lo = np.where(active & left, mid, lo)
        f_lo = np.where(active & left, f_mid, f_lo)
        hi = np.where(active & ~left, mid, hi)
        iterations += active
    return 0.5 * (lo + hi), iterations


def main():
    c = np.linspace(-1.0, 5.0, 13)
    lo = np.full_like(c, 1.0)
    hi = np.full(c.shape, 3.0)
    f_lo, f_hi = cubic(lo, c), cubic(hi, c)
    bracketed = f_lo * f_hi < 0
    roots, iterations = bisect_all(lo[bracketed], hi[bracketed], c[bracketed])
    residual = np.abs(cubic(roots, c[bracketed]))
    # one Newton step as a polish, vectorised the same way
    polished = roots - cubic(roots, c[bracketed]) / (3 * roots**2 - 2.0)
    return {
        "bracketed": bracketed,
        "roots": roots,
        "iterations": iterations,
        "max_residual_small": bool(residual.max() < 1e-9),
        "polished": polished,
        "n_roots": int(np.count_nonzero(bracketed)),
        "first_unbracketed": int(np.flatnonzero(~bracketed)[0]),
    }

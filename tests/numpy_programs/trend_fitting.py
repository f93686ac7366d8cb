"""Fitting trends: np.polyfit of several degrees, residuals, np.poly1d objects,
derivatives and roots, and the Polynomial class from numpy.polynomial."""
import numpy as np
from numpy.polynomial import Polynomial


def main():
    x = np.linspace(0, 5, 30)
    y = 1.5 * x ** 2 - 2.0 * x + 0.5 + 0.3 * np.sin(7 * x)
    fits = {d: np.polyfit(x, y, d) for d in (1, 2, 3)}
    resid = {d: float(np.sum((np.polyval(c, x) - y) ** 2)) for d, c in fits.items()}
    p = np.poly1d(fits[2])
    dp = p.deriv()
    vertex = dp.roots
    coeffs, ssr, rank, sv, rcond = np.polyfit(x, y, 2, full=True)
    q = np.poly1d([1, -6, 11, -6])
    P = Polynomial.fit(x, y, 2)
    std = P.convert().coef
    return {"c1": fits[1], "c2": fits[2], "c3": fits[3], "r1": resid[1], "r2": resid[2],
            "r3": resid[3], "vertex": vertex, "p_at_2": p(2.0), "q_roots": np.sort(q.roots),
            "q_int": q.integ().coeffs, "q_str": str(q), "std": std,
            "roots": np.sort(np.roots([1, 0, -4])), "ssr": ssr, "rank": rank, "sv": sv}


if __name__ == "__main__":
    print(main())

"""Polynomial fitting with weights, poly1d objects and the Polynomial class."""
import numpy as np
from numpy.polynomial import Polynomial


def main():
    x = np.arange(0.0, 10.0, 0.5)
    y = 0.5 * x ** 3 - 2 * x ** 2 + x - 4 + np.cos(3 * x)
    p3 = np.polyfit(x, y, 3)
    w = 1.0 / (1.0 + x)
    p3w = np.polyfit(x, y, 3, w=w)
    p2, cov = np.polyfit(x, y, 2, cov=True)
    p1, res, rank, sv, rcond = np.polyfit(x, y, 1, full=True)
    fitted = np.polyval(p3, x)
    resid = y - fitted
    poly = np.poly1d(p3)
    dpoly = poly.deriv()
    ipoly = np.polyint(p3)
    roots = np.sort_complex(np.roots([1.0, -6.0, 11.0, -6.0]))
    from_roots = np.poly([1.0, 2.0, 3.0])
    prod = np.polymul([1, 2], [1, -3, 1])
    q, r = np.polydiv([1.0, -6.0, 11.0, -6.0], [1.0, -1.0])
    summed = np.polyadd([1, 2, 3], [4, 5])
    P = Polynomial.fit(x, y, 3)
    P_std = P.convert()
    return {
        "p3": p3,
        "p3w": p3w,
        "p2": p2,
        "cov_diag": np.diag(cov),
        "p1": p1,
        "res": res,
        "rank": rank,
        "sv": sv,
        "resid_rms": np.sqrt(np.mean(resid ** 2)),
        "poly_at": poly(np.array([1.0, 2.5])),
        "dpoly": dpoly.coeffs,
        "ipoly": ipoly,
        "order": poly.order,
        "roots": roots,
        "from_roots": from_roots,
        "prod": prod,
        "q": q,
        "r": r,
        "summed": summed,
        "P_coef": P_std.coef,
        "P_at": P(np.array([0.0, 3.0])),
    }

"""Numerical integration: composite trapezoid and Simpson rules written by hand,
Romberg extrapolation, Gauss-Legendre nodes, and cumulative integrals."""
import numpy as np


def simpson(f, a, b, n):
    x = np.linspace(a, b, n + 1)
    y = f(x)
    h = (b - a) / n
    return h / 3 * (y[0] + y[-1] + 4 * y[1:-1:2].sum() + 2 * y[2:-1:2].sum())


def trapezoid_rule(f, a, b, n):
    x = np.linspace(a, b, n + 1)
    y = f(x)
    return (b - a) / n * (y.sum() - 0.5 * (y[0] + y[-1]))


def romberg(f, a, b, levels=6):
    R = np.zeros((levels, levels))
    for i in range(levels):
        R[i, 0] = trapezoid_rule(f, a, b, 2 ** i)
        for k in range(1, i + 1):
            R[i, k] = R[i, k - 1] + (R[i, k - 1] - R[i - 1, k - 1]) / (4 ** k - 1)
    return R


def main():
    f = np.exp
    exact = np.e - 1
    ns = 2 ** np.arange(1, 8)
    simpson_err = np.array([abs(simpson(f, 0.0, 1.0, int(n)) - exact) for n in ns])
    trap_err = np.array([abs(trapezoid_rule(f, 0.0, 1.0, int(n)) - exact) for n in ns])
    # the smallest errors are a few ulps of e - 1: the fitted order holds 3 digits
    order = np.round(-np.polyfit(np.log(ns), np.log(simpson_err), 1)[0], 3)
    R = romberg(np.sin, 0.0, np.pi)
    nodes, weights = np.polynomial.legendre.leggauss(5)
    gauss = np.sum(weights * np.exp(nodes))
    x = np.linspace(0, 2, 201)
    cumulative = np.concatenate([[0.0], np.cumsum((x[1:] - x[:-1]) * (x[1:] ** 2 + x[:-1] ** 2) / 2)])
    area_2d = np.trapezoid(np.trapezoid(np.outer(x, x), x, axis=1), x)
    return {"simpson_err": simpson_err, "trap_err": trap_err, "order": order,
            "romberg": R[np.tril_indices(6)], "nodes": nodes, "weights": weights,
            "gauss": gauss, "cumulative": cumulative[::20], "area_2d": area_2d,
            "np_trapz": np.trapezoid(np.sin(x), x)}


if __name__ == "__main__":
    print(main())

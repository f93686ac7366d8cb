"""The np.polynomial.polynomial module: coefficients lowest degree first."""
import numpy as np
from numpy.polynomial import polynomial as P


def main():
    c1 = np.array([1.0, -3.0, 2.0])
    c2 = np.array([0.0, 1.0])
    added = P.polyadd(c1, c2)
    subbed = P.polysub(c1, c2)
    product = P.polymul(c1, c2)
    quotient, remainder = P.polydiv(product + np.array([1.0, 0, 0, 0]), c1)
    xs = np.linspace(-1, 3, 9)
    values = P.polyval(xs, c1)
    roots = np.sort(P.polyroots(c1))
    from_roots = P.polyfromroots([1.0, 2.0, -1.0])
    deriv = P.polyder(product)
    deriv2 = P.polyder(product, 2)
    integ = P.polyint(c1, k=[1.0])
    x = np.linspace(0, 1, 20)
    y = 2.0 - 0.5 * x + 3.0 * x ** 2
    fit = P.polyfit(x, y, 2)
    grid_vals = P.polyval2d(np.array([0.5, 1.0]), np.array([2.0, 3.0]), np.array([[1.0, 2.0], [3.0, 4.0]]))
    powered = P.polypow(c2 + 1, 3)
    vander = P.polyvander(np.array([1.0, 2.0, 3.0]), 3)
    return {
        "added": added,
        "subbed": subbed,
        "product": product,
        "quotient": quotient,
        "remainder": remainder,
        "values": values,
        "roots": roots,
        "from_roots": from_roots,
        "deriv": deriv,
        "deriv2": deriv2,
        "integ": integ,
        "fit": fit,
        "grid_vals": grid_vals,
        "powered": powered,
        "vander": vander,
    }


if __name__ == "__main__":
    print(main())

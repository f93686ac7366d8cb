"""Polynomials as coefficient arrays and poly1d objects: fitting, roots, derivatives,
integrals, products and evaluation."""
import numpy as np


def main():
    p = np.poly1d([1.0, -6.0, 11.0, -6.0])          # (x-1)(x-2)(x-3)
    roots = np.sort(p.r)
    q = np.poly1d([1.0, 1.0])
    product = p * q
    quotient, remainder = np.polydiv(p.coeffs, q.coeffs)
    deriv = p.deriv()
    integ = p.integ(k=2.0)
    xs = np.linspace(0, 4, 9)
    coeffs = np.poly([2.0, -1.0, 0.5])
    complex_roots = np.roots([1.0, 0.0, 1.0])
    rng = np.random.default_rng(9)
    x = np.linspace(-1, 1, 30)
    y = np.cos(3 * x) + 0.01 * rng.normal(size=x.size)
    fit2, residuals, rank, sv, rcond = np.polyfit(x, y, 6, full=True)
    weighted = np.polyfit(x, y, 2, w=1.0 / (1.0 + x ** 2))
    return {"roots": roots, "product": product.coeffs, "quotient": quotient,
            "remainder": remainder, "deriv": deriv.coeffs, "integ": integ.coeffs,
            "values": p(xs), "polyval": np.polyval([3, 0, 1], np.arange(4)),
            "coeffs": coeffs, "complex_real": np.sort_complex(complex_roots).real,
            "complex_imag": np.sort_complex(complex_roots).imag,
            "fit": fit2, "residuals": residuals, "rank": rank, "sv": sv,
            "weighted": weighted, "polyder": np.polyder([1, 2, 3, 4], 2),
            "polyint": np.polyint([3.0, 2.0, 1.0]), "polyadd": np.polyadd([1, 2], [1, 0, 0]),
            "polymul": np.polymul([1, 1], [1, -1]), "polysub": np.polysub([4, 3], [1]),
            "order": p.order, "str": str(np.poly1d([2, 0, -1]))}


if __name__ == "__main__":
    print(main())

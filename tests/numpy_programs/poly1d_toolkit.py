"""Polynomial toolkit with the classic np.poly1d API: arithmetic, evaluation,
roots and reconstruction with np.poly, derivatives and integrals (polyder,
polyint with constants), polydiv remainders, printed forms and companion
roots with np.roots."""
import numpy as np


def main():
    p = np.poly1d([1, -6, 11, -6])
    q = np.poly1d([2, 1])
    roots = np.sort(p.roots)
    prod = p * q
    quot, rem = np.polydiv(p.coeffs, q.coeffs)
    dp = np.polyder(p)
    ip = np.polyint(p, k=2)
    ip2 = np.polyint([1, 0, 0], m=2, k=[1, 3])
    complex_roots = np.roots([1, 0, 1])
    cr = complex_roots[np.argsort(complex_roots.imag)]
    rebuilt = np.poly([1, 2, 3])
    r = np.poly1d([1, 2], r=True)
    return {
        "coeffs": p.coeffs,
        "order": p.order,
        "eval": p(np.array([0, 1, 2, 3, 4])),
        "roots": roots,
        "prod": prod.coeffs,
        "sum": (p + q).coeffs,
        "diff": (p - q).c,
        "pow": (q ** 2).coeffs,
        "quot": quot,
        "rem": rem,
        "polyder": dp.coeffs,
        "polyder2": np.polyder([1, 2, 3, 4], 2),
        "polyint": ip.coeffs,
        "polyint_m2": ip2,
        "complex_roots": cr,
        "poly": rebuilt,
        "from_roots": r.coeffs,
        "str_q": str(q),
        "repr_q": repr(q),
        "polyadd": np.polyadd([1, 2], [1, 0, 0]),
        "polysub": np.polysub([5, 0], [1, 1, 1]),
        "polymul": np.polymul([1, 1], [1, -1]),
        "deriv_method": p.deriv().coeffs,
        "integ_method": q.integ().coeffs,
        "index": (p[0], p[3]),
        "poly_dtype": p.coeffs.dtype,
    }


if __name__ == "__main__":
    print(main())

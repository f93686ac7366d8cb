"""Applying scalar Python logic to arrays: np.vectorize with otypes and a
signature, np.frompyfunc producing object arrays, np.piecewise with functions
and constants, np.select with a default, and np.where chains for a shipping
fee schedule."""
import math

import numpy as np


def fee(weight, express):
    if weight <= 0:
        return 0.0
    base = 5.0 if weight < 2 else 5.0 + 1.5 * math.ceil(weight - 2)
    return base * (2 if express else 1)


def main():
    w = np.array([0.0, 0.5, 1.9, 2.0, 2.1, 4.7, 10.0])
    ex = np.array([False, True, False, True, False, True, False])
    vfee = np.vectorize(fee, otypes=[float])
    fees = vfee(w, ex)
    vmom = np.vectorize(lambda row: np.array([row.mean(), row.std()]), signature="(n)->(m)")
    moments = vmom(np.arange(12.0).reshape(3, 4))
    gcd_obj = np.frompyfunc(math.gcd, 2, 1)
    g = gcd_obj(np.array([12, 18, 35]), np.array([8, 24, 14]))
    x = np.linspace(-2, 2, 9)
    pw = np.piecewise(x, [x < -1, (x >= -1) & (x <= 1), x > 1], [lambda t: -t - 1, 0.0, lambda t: t ** 2 - 1])
    pw_default = np.piecewise(x, [x < 0], [lambda t: t * 10, lambda t: t / 10])
    grades = np.array([95, 82, 67, 74, 50, 88])
    codes = np.select([grades >= 90, grades >= 80, grades >= 70], [0, 1, 2], default=3)
    letter = np.array(["A", "B", "C", "F"])[codes]
    tier = np.array(["light", "medium", "heavy"])[np.digitize(w, [1, 5], right=True)]
    counter = np.vectorize(len)(np.array(["ab", "cde", ""]))
    return {
        "fees": fees,
        "fees_dtype": fees.dtype,
        "moments": moments,
        "gcd": g.astype(int),
        "gcd_dtype": g.dtype,
        "piecewise": pw,
        "pw_default": pw_default,
        "letter": letter,
        "letter_list": letter.tolist(),
        "tier": tier,
        "lens": counter,
        "select_num": np.select([x < 0, x > 0], [x ** 2, x], default=-1.0),
        "vec_excluded": np.vectorize(lambda a, b: a * b, excluded={"b"})([1, 2, 3], b=4),
    }


if __name__ == "__main__":
    print(main())

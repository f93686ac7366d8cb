"""Calibrating a thermistor: fit a cubic with np.polyfit (weights and covariance),
evaluate with np.polyval and np.poly1d, invert the curve with np.roots, compare with
the Polynomial class, and integrate/differentiate the fitted curve."""
import numpy as np
from numpy.polynomial import Polynomial


def main():
    rng = np.random.default_rng(3)
    resistance = np.linspace(1.0, 10.0, 25)
    true = np.array([0.05, -1.2, 12.0, -8.0])          # highest power first
    temp = np.polyval(true, resistance) + rng.normal(0, 0.2, resistance.size)
    coef, cov = np.polyfit(resistance, temp, 3, cov=True)
    stderr = np.sqrt(np.diag(cov))
    w = 1.0 / (1.0 + resistance)
    coef_w = np.polyfit(resistance, temp, 3, w=w)
    p = np.poly1d(coef)
    residual = temp - p(resistance)
    deriv = p.deriv()
    integral = p.integ()
    area = integral(10.0) - integral(1.0)
    target = 25.0
    roots = (p - target).roots
    real_roots = np.sort(roots[np.isreal(roots)].real)
    in_range = real_roots[(real_roots >= 1.0) & (real_roots <= 10.0)]
    P = Polynomial.fit(resistance, temp, 3)
    pc = P.convert().coef
    full = np.polyfit(resistance, temp, 2, full=True)
    return {"coef": coef, "stderr": stderr, "coef_w": coef_w,
            "rms": np.sqrt(np.mean(residual ** 2)), "deriv": deriv.coeffs,
            "area": area, "in_range": in_range, "pc": pc,
            "same_as_polyfit": np.allclose(pc[::-1], coef),
            "res2": full[1], "rank2": full[2], "sv2": full[3],
            "order": p.order, "p_at_5": p(5.0), "str_poly": str(np.poly1d([1, -2, 3]))}


if __name__ == "__main__":
    print(main())

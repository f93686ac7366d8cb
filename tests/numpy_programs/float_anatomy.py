"""Floating-point helpers: frexp/ldexp, hypot, arctan2 quadrants, deg2rad, sinc, copysign."""
import numpy as np


def main():
    x = np.array([0.0, 1.0, -3.5, 1024.0, 0.15625, 6e-310])
    mantissa, exponent = np.frexp(x)
    rebuilt = np.ldexp(mantissa, exponent)
    scaled = np.ldexp(np.array([1.0, 0.75, -2.0]), np.array([3, -2, 10]))
    legs = np.array([[3.0, 4.0], [5.0, 12.0], [1e200, 1e200], [0.0, -2.0]])
    hyp = np.hypot(legs[:, 0], legs[:, 1])
    pts_y = np.array([1.0, 1.0, -1.0, -1.0, 0.0, 0.0, 0.0, -0.0])
    pts_x = np.array([1.0, -1.0, -1.0, 1.0, -1.0, 1.0, -0.0, -1.0])
    angles = np.arctan2(pts_y, pts_x)
    degrees = np.rad2deg(angles)
    compass = np.mod(90 - np.degrees(np.arctan2(pts_y[:4], pts_x[:4])), 360)
    back_rad = np.deg2rad(np.array([0, 45, 90, 180, 270, 360]))
    rad_roundtrip = np.radians(np.degrees(1.0))
    t = np.linspace(-3, 3, 13)
    sinc = np.sinc(t)
    signs = np.copysign(np.array([1.0, 2.0, 0.0]), np.array([-1.0, 0.0, -0.0]))
    signbit = np.signbit(np.array([-0.0, 0.0, -1.0, np.nan]))
    unwrapped = np.unwrap(np.array([0.0, 3.0, 6.0, 9.0, 12.0]))
    modf_frac, modf_int = np.modf(np.array([3.75, -2.25]))
    log_terms = np.logaddexp(np.array([1000.0, -1000.0]), np.array([1000.0, -999.0]))
    expm1 = np.expm1(np.array([1e-10, 1.0]))
    log1p = np.log1p(np.array([1e-10, 1.0]))
    return {
        "mantissa": mantissa,
        "exponent": exponent,
        "rebuilt_ok": bool(np.array_equal(rebuilt, x)),
        "scaled": scaled,
        "hyp": hyp,
        "angles": angles,
        "degrees": degrees,
        "compass": compass,
        "back_rad": back_rad,
        "rad_roundtrip": rad_roundtrip,
        "sinc": sinc,
        "signs": signs,
        "signbit": signbit,
        "unwrapped": unwrapped,
        "modf_frac": modf_frac,
        "modf_int": modf_int,
        "log_terms": log_terms,
        "expm1": expm1,
        "log1p": log1p,
    }


if __name__ == "__main__":
    print(main())

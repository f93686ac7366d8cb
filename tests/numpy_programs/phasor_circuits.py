"""AC circuit phasors with complex arrays: impedances over frequency, magnitude
and phase with np.abs/np.angle in degrees, np.unwrap, polynomial roots of a
characteristic equation, conjugates, and polar round trips."""
import numpy as np


def main():
    f = np.logspace(1, 5, 9)
    w = 2 * np.pi * f
    R, L, C = 100.0, 1e-3, 1e-6
    Z = R + 1j * w * L + 1 / (1j * w * C)
    mag = np.abs(Z)
    phase = np.angle(Z, deg=True)
    H = 1 / (1 + 1j * w * R * C)
    gain_db = 20 * np.log10(np.abs(H))
    theta = np.linspace(0, 6 * np.pi, 13)
    wrapped = np.angle(np.exp(1j * theta))
    unwrapped = np.unwrap(wrapped)
    roots = np.roots([L * C, R * C, 1])
    polar = 3 * np.exp(1j * np.pi / 4)
    z = np.array([1 + 1j, -2 + 0.5j, 3j])
    return {"f": f, "mag": mag, "phase": phase, "gain_db": gain_db, "unwrapped": unwrapped,
            "roots": np.sort_complex(roots), "re": polar.real, "im": polar.imag,
            "conj": np.conj(z), "prod": z * z.conj(), "real_if": np.real_if_close(z * z.conj()),
            "iscomplex": np.iscomplex(np.array([1 + 0j, 1j])), "sqrt_neg": np.sqrt(np.array([-4 + 0j])),
            "resonance": 1 / (2 * np.pi * np.sqrt(L * C)), "cumsum": np.cumsum(z),
            "abs_sum": float(np.abs(z).sum()), "exp": np.exp(1j * np.array([0.0, np.pi / 2])).round(12),
            "argmin_mag": int(np.argmin(mag)), "dtype": z.dtype.name}


if __name__ == "__main__":
    print(main())

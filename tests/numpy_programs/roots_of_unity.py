"""Complex numbers at work: the n-th roots of unity with np.exp(2j*pi*k/n), their
sum and product, np.angle in degrees, np.abs, np.conj, polar to rectangular, np.roots
of z**n - 1 sorted with np.sort_complex, np.real_if_close and complex rounding."""
import numpy as np


def main():
    n = 6
    k = np.arange(n)
    w = np.exp(2j * np.pi * k / n)
    total = w.sum()
    product = np.prod(w)
    angles = np.angle(w, deg=True)
    mags = np.abs(w)
    roots = np.sort_complex(np.roots(np.r_[1, np.zeros(n - 1), -1]))
    r = np.array([1.0, 2.0, 0.5])
    theta = np.array([0.0, np.pi / 2, np.pi])
    z = r * np.exp(1j * theta)
    rect = np.stack([z.real, z.imag], axis=1)
    near_real = np.real_if_close(np.array([1.0 + 1e-15j, 2.0 - 0j]))
    conj_prod = (z * np.conj(z)).real
    rounded = np.round(w, 3)
    c64 = w.astype(np.complex64)
    mix = np.array([1, 2]) + 1j
    cis_sum = np.sum(np.exp(1j * np.linspace(0, np.pi, 5)))
    return {"w": w, "total_small": abs(total) < 1e-12, "product": np.round(product, 12),
            "angles": np.round(angles, 9), "mags": mags, "roots": np.round(roots, 9),
            "rect": np.round(rect, 12), "near_real": near_real,
            "near_real_kind": near_real.dtype.kind, "conj_prod": conj_prod,
            "rounded": rounded, "c64_dtype": str(c64.dtype), "c64_real_dtype": str(c64.real.dtype),
            "mix": mix, "cis_sum": cis_sum, "iscomplex": np.iscomplex(np.array([1 + 0j, 1j])),
            "sqrt_neg": np.sqrt(np.array([-4.0 + 0j, 9.0 + 0j]))}


if __name__ == "__main__":
    print(main())

"""Complex numbers in arrays: roots of unity, polar form with abs and angle, the
DFT as a matrix product checked against fft, conjugate symmetry, and the
Mandelbrot-free iteration of z -> z^2 + c on a few points."""
import numpy as np


def main():
    n = 8
    k = np.arange(n)
    roots = np.exp(2j * np.pi * k / n)
    r, theta = np.abs(roots), np.angle(roots)
    rebuilt = r * (np.cos(theta) + 1j * np.sin(theta))
    deg = np.angle(np.array([1 + 1j, -1 + 0j, -1j]), deg=True)
    W = np.exp(-2j * np.pi * np.outer(k, k) / n)
    signal = np.cos(2 * np.pi * k / n) + 0.5 * np.sin(4 * np.pi * k / n)
    dft = W @ signal
    z = np.array([1 + 2j, 3 - 1j, -2 + 0.5j])
    c = np.array([0.25 + 0j, -1 + 0j, 0.3 + 0.5j])
    w = np.zeros_like(c)
    for _ in range(20):
        w = np.where(np.abs(w) <= 2, w * w + c, w)
    return {"roots_real": roots.real, "roots_imag": roots.imag, "theta": theta,
            "rebuilt": rebuilt, "deg": deg, "dft": dft, "fft": np.fft.fft(signal),
            "sum_roots": np.abs(roots.sum()), "prod": np.prod(z), "conj": np.conj(z),
            "mod": np.abs(z), "real": np.real(z), "imag": np.imag(z), "w": w,
            "sqrt": np.sqrt(z), "exp": np.exp(z), "log": np.log(z),
            "iscomplex": np.iscomplex(np.array([1 + 0j, 1j])),
            "real_if_close": np.real_if_close(np.array([1 + 1e-16j, 2 + 0j])),
            "sorted": np.sort_complex(z), "dot": np.vdot(z, z), "herm": np.conj(W).T @ W / n,
            "complex_dtype": str((z * 2).dtype), "cplx64": str(z.astype(np.complex64).dtype)}


if __name__ == "__main__":
    print(main())

"""The discrete Fourier transform as a matrix: the DFT matrix from an outer product
of indices, its unitarity after scaling, agreement with np.fft.fft, the inverse by
the conjugate transpose, circular convolution as a circulant matrix product, and
the spectrum of a real signal folded with rfft."""
import numpy as np


def main():
    n = 8
    k = np.arange(n)
    W = np.exp(-2j * np.pi * np.outer(k, k) / n)
    U = W / np.sqrt(n)
    unitary = np.allclose(U.conj().T @ U, np.eye(n))
    rng = np.random.default_rng(9)
    x = rng.normal(size=n)
    X = W @ x
    fft_match = np.allclose(X, np.fft.fft(x))
    back = (W.conj().T @ X) / n
    h = np.array([1.0, 0.5, 0.25, 0, 0, 0, 0, 0])
    C = np.stack([np.roll(h, s) for s in range(n)], axis=1)
    circ = C @ x
    via_fft = np.fft.ifft(np.fft.fft(h) * np.fft.fft(x)).real
    eig = np.fft.fft(h)
    R = np.fft.rfft(x)
    power = np.abs(R) ** 2
    freqs = np.fft.rfftfreq(n, d=0.125)
    parseval = np.isclose(np.sum(x ** 2), np.sum(np.abs(X) ** 2) / n)
    return {"W_row1": W[1], "unitary": bool(unitary), "X": X, "fft_match": bool(fft_match),
            "back": back.real, "imag_small": bool(np.abs(back.imag).max() < 1e-12),
            "circ": circ, "circ_match": bool(np.allclose(circ, via_fft)), "eig": eig,
            "power": power, "freqs": freqs, "parseval": bool(parseval),
            "phase": np.angle(X[:4], deg=True), "dc": float(X[0].real),
            "det_abs": abs(np.linalg.det(U))}


if __name__ == "__main__":
    print(main())

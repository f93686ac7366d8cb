"""The convolution theorem checked numerically: np.convolve against a product of
zero-padded rfft spectra, circular correlation with np.fft.fft, the dominant
frequency with np.fft.rfftfreq, and np.fft.fftshift/ifftshift of frequency grids."""
import numpy as np


def main():
    signal = np.array([0.0, 1.0, 3.0, 2.0, -1.0, 0.5, 4.0, 1.0])
    kernel = np.array([0.25, 0.5, 0.25])
    direct = np.convolve(signal, kernel)
    n = len(signal) + len(kernel) - 1
    via_fft = np.fft.irfft(np.fft.rfft(signal, n) * np.fft.rfft(kernel, n), n)
    a = np.array([1.0, 2.0, 0.0, -1.0])
    b = np.array([0.0, 1.0, 1.0, 0.0])
    circ = np.real(np.fft.ifft(np.fft.fft(a) * np.conj(np.fft.fft(b))))
    circ_loop = np.array([np.sum(a * np.roll(b, s)) for s in range(4)])
    fs = 64.0
    t = np.arange(128) / fs
    tone = np.sin(2 * np.pi * 5.0 * t) + 0.3 * np.sin(2 * np.pi * 12.0 * t)
    spec = np.abs(np.fft.rfft(tone)) / len(t)
    freqs = np.fft.rfftfreq(len(t), d=1 / fs)
    top2 = freqs[np.argsort(spec)[-2:]]
    f = np.fft.fftfreq(8, d=0.5)
    shifted = np.fft.fftshift(f)
    back = np.fft.ifftshift(shifted)
    grid = np.fft.fftshift(np.arange(12).reshape(3, 4), axes=1)
    parseval = (np.sum(tone ** 2), np.sum(np.abs(np.fft.fft(tone)) ** 2) / len(tone))
    full = np.fft.fft(signal)
    return {"direct": direct, "via_fft": via_fft, "match": np.allclose(direct, via_fft),
            "circ": circ, "circ_loop": circ_loop, "top2": np.sort(top2),
            "peak_amp": spec.max().round(6), "f": f, "shifted": shifted, "back": back,
            "grid": grid, "parseval": np.array(parseval), "hermitian": np.allclose(full[1:], np.conj(full[1:][::-1])),
            "ortho": np.fft.fft(a, norm="ortho"), "forward": np.fft.ifft(a, norm="forward")}


if __name__ == "__main__":
    print(main())

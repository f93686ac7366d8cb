"""Signals: convolution and correlation in all modes, a windowed spectrum, the lag of
a delayed copy, and FFT helpers (fftfreq, fftshift, ifft, 2-D transforms)."""
import numpy as np


def main():
    rng = np.random.default_rng(16)
    n, fs = 256, 128.0
    t = np.arange(n) / fs
    x = np.sin(2 * np.pi * 10 * t) + 0.2 * rng.normal(size=n)
    kernel = np.array([0.25, 0.5, 0.25])
    full = np.convolve(x, kernel)
    same = np.convolve(x, kernel, mode="same")
    valid = np.convolve(x, kernel, mode="valid")
    delayed = np.roll(x, 7)
    xcorr = np.correlate(delayed, x, mode="full")
    lag = np.argmax(xcorr) - (n - 1)
    window = np.hanning(n)
    spectrum = np.fft.fft(x * window)
    freqs = np.fft.fftfreq(n, d=1 / fs)
    magnitude = np.abs(spectrum)
    peak = np.abs(freqs[np.argmax(magnitude)])
    centred = np.fft.fftshift(freqs)
    back = np.fft.ifft(spectrum).real / np.where(window > 1e-12, window, 1.0)
    img = rng.normal(size=(8, 8))
    f2 = np.fft.fft2(img)
    return {"full": full, "same": same, "valid": valid, "lag": lag, "peak": peak,
            "magnitude_head": magnitude[:12], "centred": centred,
            "back": back[5:-5], "x": x[5:-5], "f2_abs": np.abs(f2),
            "ifft2": np.fft.ifft2(f2).real, "ishift": np.fft.ifftshift(np.arange(6)),
            "hamming": np.hamming(8), "blackman": np.blackman(6), "bartlett": np.bartlett(5),
            "kaiser": np.kaiser(6, 5.0), "rfft_len": np.fft.rfft(x).shape[0],
            "correlate_valid": np.correlate([1, 2, 3, 4], [1, 1]),
            "correlate_same": np.correlate([1.0, 2.0, 3.0], [0.0, 1.0, 0.5], "same"),
            "int_conv": np.convolve([1, 2, 3], [0, 1, 0.5])}


if __name__ == "__main__":
    print(main())

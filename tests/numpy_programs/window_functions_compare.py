"""Spectral leakage with different tapering windows: np.hanning, np.hamming,
np.blackman, np.bartlett and np.kaiser applied to an off-bin tone, rfft
magnitudes in dB, peak bins via argmax and the coherent gain of each window."""
import numpy as np


def main():
    n, fs = 128, 1000.0
    t = np.arange(n) / fs
    x = np.sin(2 * np.pi * 123.4 * t) + 0.01 * np.sin(2 * np.pi * 300 * t)
    windows = {
        "rect": np.ones(n),
        "hann": np.hanning(n),
        "hamming": np.hamming(n),
        "blackman": np.blackman(n),
        "bartlett": np.bartlett(n),
        "kaiser8": np.kaiser(n, 8.0),
    }
    freqs = np.fft.rfftfreq(n, d=1 / fs)
    peaks, gains, far = {}, {}, {}
    for name, w in windows.items():
        spec = np.abs(np.fft.rfft(x * w))
        db = 20 * np.log10(spec / spec.max() + 1e-12)
        peaks[name] = float(freqs[np.argmax(spec)])
        gains[name] = round(float(w.sum() / n), 6)
        far[name] = round(float(db[np.abs(freqs - 123.4) > 60].max()), 3)
    return {
        "freq_res": freqs[1] - freqs[0],
        "n_bins": freqs.size,
        "peaks": peaks,
        "gains": gains,
        "far_leak_db": far,
        "hann_ends": np.hanning(5),
        "hamming7": np.hamming(7),
        "blackman4": np.blackman(4),
        "kaiser_beta0": np.kaiser(6, 0),
        "bartlett1": np.bartlett(1),
        "hann0": np.hanning(0),
        "window_dtypes": sorted({str(w.dtype) for w in windows.values()}),
    }


if __name__ == "__main__":
    print(main())

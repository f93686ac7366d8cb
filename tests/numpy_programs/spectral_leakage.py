"""Spectral leakage: windowed and zero-padded real FFTs of a two-tone signal."""
import numpy as np


def spectrum(signal, fs, window=None, pad=1):
    n = signal.size
    w = np.ones(n) if window is None else window
    gain = w.sum()
    spec = np.fft.rfft(signal * w, n=n * pad)
    freqs = np.fft.rfftfreq(n * pad, d=1.0 / fs)
    mag = np.abs(spec) * 2.0 / gain
    return freqs, mag


def top_peaks(freqs, mag, k):
    interior = (mag[1:-1] > mag[:-2]) & (mag[1:-1] > mag[2:])
    idx = np.nonzero(interior)[0] + 1
    order = np.argsort(mag[idx])[::-1][:k]
    best = np.sort(idx[order])
    return freqs[best], mag[best]


def main():
    fs = 1000.0
    n = 256
    t = np.arange(n) / fs
    sig = 1.0 * np.sin(2 * np.pi * 123.4 * t) + 0.25 * np.sin(2 * np.pi * 310.0 * t + 0.3)
    rect_f, rect_m = spectrum(sig, fs)
    hann_f, hann_m = spectrum(sig, fs, np.hanning(n))
    pad_f, pad_m = spectrum(sig, fs, np.hanning(n), pad=4)
    blk_f, blk_m = spectrum(sig, fs, np.blackman(n), pad=4)
    pf, pm = top_peaks(pad_f, pad_m, 2)
    bf, bm = top_peaks(blk_f, blk_m, 2)
    # leakage: energy away from the two main lobes
    far = (np.abs(rect_f - 123.4) > 20) & (np.abs(rect_f - 310.0) > 20)
    leak_rect = np.sum(rect_m[far] ** 2)
    leak_hann = np.sum(hann_m[far] ** 2)
    # Parseval for the unwindowed signal
    full = np.fft.fft(sig)
    parseval = np.sum(np.abs(full) ** 2) / n - np.sum(sig ** 2)
    recon = np.fft.irfft(np.fft.rfft(sig), n=n)
    shifted = np.fft.fftshift(np.fft.fftfreq(8, d=0.5))
    return {
        "rect_peak_bin": int(np.argmax(rect_m)),
        "hann_peak_bin": int(np.argmax(hann_m)),
        "pad_peaks": pf,
        "pad_mags": pm,
        "blackman_peaks": bf,
        "blackman_mags": bm,
        "leak_rect": leak_rect,
        "leak_hann": leak_hann,
        "parseval": parseval,
        "recon_err": np.max(np.abs(recon - sig)),
        "shifted_freqs": shifted,
        "n_bins": pad_f.size,
    }

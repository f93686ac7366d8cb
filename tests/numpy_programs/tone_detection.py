"""Detecting tones in a noisy signal with the real FFT: windowing, rfftfreq,
peak picking, inverse transform of a band-passed spectrum and fftshift."""
import numpy as np


def main():
    fs = 256.0
    t = np.arange(512) / fs
    rng = np.random.default_rng(11)
    sig = np.sin(2 * np.pi * 20 * t) + 0.5 * np.sin(2 * np.pi * 50 * t) + 0.2 * rng.standard_normal(t.size)
    win = np.hanning(t.size)
    spec = np.fft.rfft(sig * win)
    freqs = np.fft.rfftfreq(t.size, d=1 / fs)
    power = np.abs(spec) ** 2
    peaks = freqs[np.argsort(power)[-2:]]
    band = spec.copy()
    band[(freqs < 15) | (freqs > 25)] = 0
    filtered = np.fft.irfft(band, n=t.size)
    full = np.fft.fft(sig[:16])
    shifted = np.fft.fftshift(np.fft.fftfreq(16, d=0.5))
    parseval = np.allclose(np.sum(np.abs(sig[:16]) ** 2), np.sum(np.abs(full) ** 2) / 16)
    return {"peaks": np.sort(peaks), "power_max": power.max(), "filtered_head": filtered[:8],
            "full": full, "shifted": shifted, "parseval": parseval,
            "ifft_real": np.fft.ifft(full).real, "energy": float(np.sum(filtered ** 2)),
            "n_freqs": freqs.size, "hamming": np.hamming(5), "blackman": np.blackman(4)}


if __name__ == "__main__":
    print(main())

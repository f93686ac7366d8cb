"""Windowed-sinc FIR low-pass design: ideal impulse response from np.sinc,
Kaiser beta chosen from the attenuation formula, windowing with np.kaiser and
np.blackman, frequency response from a zero-padded rfft, passband ripple and
stopband attenuation in dB, and filtering a two-tone signal with
np.convolve."""
import numpy as np


def design(numtaps, cutoff, window):
    n = np.arange(numtaps) - (numtaps - 1) / 2
    h = 2 * cutoff * np.sinc(2 * cutoff * n)
    h *= window
    return h / h.sum()


def main():
    fs = 1000.0
    cutoff = 100.0 / fs
    atten = 60.0
    beta = 0.1102 * (atten - 8.7) if atten > 50 else 0.5842 * (atten - 21) ** 0.4 + 0.07886 * (atten - 21)
    numtaps = int(np.ceil((atten - 7.95) / (2.285 * 2 * np.pi * 0.05))) | 1
    hk = design(numtaps, cutoff, np.kaiser(numtaps, beta))
    hb = design(numtaps, cutoff, np.blackman(numtaps))
    nfft = 2048
    freqs = np.fft.rfftfreq(nfft, d=1 / fs)
    resp = {}
    for name, h in (("kaiser", hk), ("blackman", hb)):
        H = np.abs(np.fft.rfft(h, n=nfft))
        db = 20 * np.log10(np.maximum(H, 1e-15))
        passband = db[freqs <= 60]
        stop = db[freqs >= 150]
        resp[name] = (round(float(np.ptp(passband)), 5), round(float(stop.max()), 2))
    t = np.arange(400) / fs
    x = np.sin(2 * np.pi * 30 * t) + np.sin(2 * np.pi * 250 * t)
    y = np.convolve(x, hk, mode="same")
    core = slice(numtaps, -numtaps)
    residual = y[core] - np.sin(2 * np.pi * 30 * t[core])
    return {
        "beta": beta,
        "numtaps": numtaps,
        "symmetric": bool(np.allclose(hk, hk[::-1])),
        "dc_gain": hk.sum(),
        "center_tap": hk[numtaps // 2],
        "response": resp,
        "residual_rms": float(np.sqrt(np.mean(residual ** 2))),
        "sinc": np.sinc(np.array([0.0, 0.5, 1.0, 1.5])),
        "kaiser5": np.kaiser(5, 14),
        "taps_head": hk[:4],
    }


if __name__ == "__main__":
    print(main())

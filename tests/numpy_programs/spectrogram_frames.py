"""A short-time Fourier transform with strided frames: a chirp's frequency track."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def stft(x, frame, hop):
    frames = sliding_window_view(x, frame)[::hop]
    win = np.hamming(frame)
    return np.fft.rfft(frames * win, axis=1)


def main():
    fs = 800.0
    t = np.arange(0, 2.0, 1 / fs)
    f0, f1 = 50.0, 250.0
    phase = 2 * np.pi * (f0 * t + 0.5 * (f1 - f0) / 2.0 * t ** 2)
    x = np.sin(phase) + 0.1 * np.cos(2 * np.pi * 120 * t)
    frame, hop = 128, 64
    spec = stft(x, frame, hop)
    power = np.abs(spec) ** 2
    freqs = np.fft.rfftfreq(frame, 1 / fs)
    track = freqs[np.argmax(power, axis=1)]
    centres = (np.arange(power.shape[0]) * hop + frame / 2) / fs
    expected = f0 + (f1 - f0) / 2.0 * centres
    slope = np.polyfit(centres, track, 1)
    db = 10 * np.log10(power + 1e-12)
    band = (freqs >= 100) & (freqs <= 140)
    band_energy = power[:, band].sum(axis=1)
    flat = np.exp(np.mean(np.log(power + 1e-12), axis=1)) / np.mean(power + 1e-12, axis=1)
    return {
        "shape": np.array(spec.shape),
        "track": track[::4],
        "track_err": np.max(np.abs(track - expected)),
        "slope": slope,
        "db_max": db.max(),
        "band_energy": band_energy[::5],
        "flatness": flat[:6],
        "total_power": power.sum(),
    }

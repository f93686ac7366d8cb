"""Instantaneous frequency of a chirp: the analytic signal built with np.fft,
the wrapped phase from np.angle, np.unwrap with default and custom
discontinuity and period, derivatives with np.gradient and the total phase with
np.trapezoid."""
import numpy as np


def analytic(x):
    n = x.size
    X = np.fft.fft(x)
    h = np.zeros(n)
    h[0] = 1
    h[1:n // 2] = 2
    h[n // 2] = 1
    return np.fft.ifft(X * h)


def main():
    fs = 500.0
    t = np.arange(0, 1, 1 / fs)
    f0, f1 = 20.0, 80.0
    phase_true = 2 * np.pi * (f0 * t + 0.5 * (f1 - f0) * t ** 2)
    x = np.cos(phase_true)
    z = analytic(x)
    wrapped = np.angle(z)
    unwrapped = np.unwrap(wrapped)
    inst_f = np.gradient(unwrapped, 1 / fs) / (2 * np.pi)
    mid = slice(50, -50)
    deg = np.degrees(wrapped[:40])
    unwrapped_deg = np.unwrap(deg, period=360)
    steps = np.array([0, 1, 2, 3, 0, 1, 2, 3, 0])
    unwrapped_steps = np.unwrap(steps, period=4)
    return {
        "n": t.size,
        "wrapped_range": (bool(wrapped.min() >= -np.pi), bool(wrapped.max() <= np.pi)),
        "phase_span": unwrapped[-1] - unwrapped[0],
        "freq_mid": np.round(inst_f[mid][::50], 2),
        "freq_err": float(np.abs(inst_f[mid] - (f0 + (f1 - f0) * t[mid])).max()),
        "total_phase": np.trapezoid(inst_f, t) * 2 * np.pi,
        "deg_unwrapped": np.round(unwrapped_deg[-5:], 3),
        "steps": unwrapped_steps,
        "discont": np.unwrap([0.0, 3.0, 6.5, 0.2], discont=4.0),
        "angle_deg": np.angle(np.array([1j, -1, 1 + 1j]), deg=True),
        "mag_mean": np.abs(z[mid]).mean(),
    }


if __name__ == "__main__":
    print(main())

"""Frequency-domain low-pass filtering of a 2-D grid: np.fft.fft2 and ifft2,
fftshift/ifftshift with a circular mask from np.meshgrid over fftfreq, energy
conservation (Parseval) and rfft2 shapes."""
import numpy as np


def main():
    rng = np.random.default_rng(13)
    n = 32
    y, x = np.mgrid[0:n, 0:n]
    img = np.sin(2 * np.pi * x / 16) + np.cos(2 * np.pi * y / 8) + 0.5 * rng.standard_normal((n, n))
    F = np.fft.fft2(img)
    Fs = np.fft.fftshift(F)
    fx = np.fft.fftshift(np.fft.fftfreq(n))
    FX, FY = np.meshgrid(fx, fx)
    radius = np.sqrt(FX ** 2 + FY ** 2)
    mask = radius <= 0.15
    filtered = np.fft.ifft2(np.fft.ifftshift(Fs * mask))
    real = filtered.real
    parseval = np.allclose(np.sum(np.abs(img) ** 2), np.sum(np.abs(F) ** 2) / img.size)
    R = np.fft.rfft2(img)
    back = np.fft.irfft2(R, s=img.shape)
    power = np.abs(Fs) ** 2
    top = np.argsort(power.ravel())[::-1][:4]
    top_freqs = sorted((round(float(FX.ravel()[k]), 4), round(float(FY.ravel()[k]), 4)) for k in top)
    return {
        "F_dtype": F.dtype,
        "mask_kept": int(mask.sum()),
        "imag_max": float(np.abs(filtered.imag).max() < 1e-10),
        "noise_before": float(np.std(img - (np.sin(2 * np.pi * x / 16) + np.cos(2 * np.pi * y / 8)))),
        "noise_after": float(np.std(real - (np.sin(2 * np.pi * x / 16) + np.cos(2 * np.pi * y / 8)))),
        "parseval": bool(parseval),
        "rfft2_shape": R.shape,
        "roundtrip": bool(np.allclose(back, img)),
        "top_freqs": top_freqs,
        "dc": F[0, 0].real,
        "shift_small": np.fft.fftshift(np.arange(6)),
        "ishift_small": np.fft.ifftshift(np.arange(7)),
        "freq5": np.fft.fftfreq(5, d=0.5),
    }


if __name__ == "__main__":
    print(main())

"""Two-dimensional FFTs on a small synthetic image: blurring by multiplying
spectra with a Gaussian transfer function, the same circular convolution done by
np.roll sums, fftshift to centre the spectrum, the dominant spatial frequency,
and a one-dimensional convolution via rfft compared with np.convolve."""
import numpy as np


def main():
    n = 16
    yy, xx = np.mgrid[0:n, 0:n]
    img = np.sin(2 * np.pi * 3 * xx / n) + 0.5 * np.cos(2 * np.pi * 2 * yy / n)
    img[4:8, 4:8] += 2.0
    F = np.fft.fft2(img)
    fy = np.fft.fftfreq(n)[:, None]
    fx = np.fft.fftfreq(n)[None, :]
    H = np.exp(-(fx ** 2 + fy ** 2) / (2 * 0.08 ** 2))
    blurred = np.fft.ifft2(F * H).real
    kernel = np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]]) / 16.0
    box = np.zeros_like(img)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            box += kernel[dy + 1, dx + 1] * np.roll(img, (dy, dx), axis=(0, 1))
    K = np.zeros((n, n))
    K[:3, :3] = kernel
    K = np.roll(K, (-1, -1), axis=(0, 1))
    via_fft = np.fft.ifft2(np.fft.fft2(img) * np.fft.fft2(K)).real
    mag = np.abs(np.fft.fftshift(F))
    peak = np.unravel_index(np.argmax(np.round(mag, 6)), mag.shape)
    power = np.abs(F) ** 2
    power[0, 0] = 0
    ky, kx = np.unravel_index(np.argmax(power), power.shape)
    sig = np.array([1.0, 3, -2, 4, 0, 1])
    ker = np.array([0.5, 1.0, 0.25])
    L = sig.size + ker.size - 1
    conv_fft = np.fft.irfft(np.fft.rfft(sig, L) * np.fft.rfft(ker, L), L)
    return {"blurred": blurred.round(8), "box": box, "conv_match": bool(np.allclose(box, via_fft)),
            "peak": peak, "dominant": (int(ky), int(kx)), "energy": np.sum(np.abs(F) ** 2) / n ** 2,
            "parseval": float(np.sum(img ** 2)), "conv_fft": conv_fft,
            "conv_direct": np.convolve(sig, ker), "shift_freq": np.fft.fftshift(np.fft.fftfreq(8, d=0.5)),
            "dc": F[0, 0].real, "blur_var": blurred.var()}


if __name__ == "__main__":
    print(main())

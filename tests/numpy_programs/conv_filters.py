"""1-D and 2-D filtering with np.convolve, np.correlate and window views."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(img, kernel):
    kh, kw = kernel.shape
    padded = np.pad(img, ((kh // 2, kh // 2), (kw // 2, kw // 2)), mode="constant")
    win = sliding_window_view(padded, (kh, kw))
    return np.einsum("ijkl,kl->ij", win, kernel[::-1, ::-1])


def main():
    signal = np.array([0.0, 1.0, 3.0, 2.0, 5.0, 4.0, 6.0, 3.0, 1.0, 0.0])
    box = np.ones(3) / 3
    full = np.convolve(signal, box)
    same = np.convolve(signal, box, mode="same")
    valid = np.convolve(signal, box, mode="valid")
    edge = np.convolve(signal, [1, -1], mode="valid")
    corr = np.correlate(signal, [1.0, 2.0, 1.0], mode="same")
    corr_full = np.correlate(signal, [1.0, 0.5], mode="full")
    auto = np.correlate(signal - signal.mean(), signal - signal.mean(), mode="full")
    lag = int(np.argmax(auto)) - (signal.size - 1)
    gauss = np.exp(-0.5 * (np.arange(-2, 3) / 1.0) ** 2)
    gauss /= gauss.sum()
    smooth = np.convolve(signal, gauss, mode="same")
    img = np.zeros((7, 7))
    img[2:5, 2:5] = 1.0
    img[3, 3] = 4.0
    sobel_x = np.array([[1, 0, -1], [2, 0, -2], [1, 0, -1]], dtype=float)
    lap = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=float)
    gx = conv2d(img, sobel_x)
    gy = conv2d(img, sobel_x.T)
    mag = np.hypot(gx, gy)
    lp = conv2d(img, lap)
    poly = np.convolve([1, 2], [1, 3])
    int_conv = np.convolve(np.array([1, 2, 3]), np.array([0, 1, 0.5]))
    return {
        "full": full,
        "same": same,
        "valid": valid,
        "edge": edge,
        "corr": corr,
        "corr_full": corr_full,
        "auto": auto,
        "lag": lag,
        "smooth": smooth,
        "gx": gx,
        "gy": gy,
        "mag": mag,
        "lap": lp,
        "poly": poly,
        "int_conv": int_conv,
    }

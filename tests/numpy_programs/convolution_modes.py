"""1-D convolution and correlation in full/same/valid modes: smoothing and lag search."""
import numpy as np


def main():
    signal = np.array([0.0, 1.0, 3.0, 2.0, 5.0, 4.0, 1.0, 0.0])
    kernel = np.array([0.25, 0.5, 0.25])
    full = np.convolve(signal, kernel)
    same = np.convolve(signal, kernel, mode="same")
    valid = np.convolve(signal, kernel, mode="valid")
    short_first = np.convolve(kernel, signal, mode="same")
    even_kernel = np.convolve(signal, np.array([1.0, -1.0]), mode="same")
    ints = np.convolve(np.array([1, 2, 3]), np.array([0, 1, 0.5]))
    poly_product = np.convolve([1, 2], [1, -2])
    corr_valid = np.correlate(signal, kernel)
    corr_full = np.correlate(signal, np.array([1.0, 2.0]), mode="full")
    corr_same = np.correlate(signal, np.array([1.0, 2.0, 0.5, 0.0]), mode="same")
    rng = np.random.default_rng(5)
    base = rng.normal(size=64)
    shifted = np.roll(base, 9) + 0.1 * rng.normal(size=64)
    xc = np.correlate(shifted - shifted.mean(), base - base.mean(), mode="full")
    lag = int(np.argmax(xc)) - (len(base) - 1)
    complex_corr = np.correlate(np.array([1 + 1j, 2, 3j]), np.array([0, 1, 0.5j]), mode="full")
    box = np.ones(4) / 4
    moving = np.convolve(np.arange(10.0), box, mode="valid")
    return {
        "full": full,
        "same": same,
        "valid": valid,
        "short_first": short_first,
        "even_kernel": even_kernel,
        "ints": ints,
        "poly_product": poly_product,
        "corr_valid": corr_valid,
        "corr_full": corr_full,
        "corr_same": corr_same,
        "lag": lag,
        "complex_corr": complex_corr,
        "moving": moving,
    }


if __name__ == "__main__":
    print(main())

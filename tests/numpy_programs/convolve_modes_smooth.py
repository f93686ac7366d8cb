"""Smoothing a noisy ramp with np.convolve in its three modes, a triangular
kernel built by convolving two boxes, np.correlate for lag detection, and
integer convolution keeping an integer dtype."""
import numpy as np


def main():
    rng = np.random.default_rng(42)
    n = 40
    clean = np.linspace(0, 4, n)
    noisy = clean + rng.normal(0, 0.3, n)
    box = np.ones(5) / 5
    full = np.convolve(noisy, box)
    same = np.convolve(noisy, box, mode="same")
    valid = np.convolve(noisy, box, mode="valid")
    tri = np.convolve(box, box)
    smooth_tri = np.convolve(noisy, tri, "same")
    shifted = np.roll(noisy, 3)
    xc = np.correlate(shifted - shifted.mean(), noisy - noisy.mean(), mode="full")
    lag = int(np.argmax(xc)) - (n - 1)
    ints = np.convolve(np.array([1, 2, 3], dtype=np.int32), np.array([0, 1, 1], dtype=np.int32))
    poly_mul = np.convolve([1, -1], [1, 1])
    err_box = np.sqrt(np.mean((valid - clean[2:-2]) ** 2))
    err_raw = np.sqrt(np.mean((noisy - clean) ** 2))
    return {
        "lengths": (full.size, same.size, valid.size),
        "same_head": same[:4],
        "valid_tail": valid[-3:],
        "tri": tri,
        "tri_sum": tri.sum(),
        "smooth_mid": smooth_tri[20],
        "lag": lag,
        "xc_len": xc.shape,
        "ints": ints,
        "ints_dtype": ints.dtype.name,
        "poly_mul": poly_mul,
        "improved": bool(err_box < err_raw),
        "corr_valid": np.correlate([1, 2, 3, 4], [1, 1]),
        "corr_same": np.correlate([1.0, 2, 3, 4], [0.5, 1, 0.5], "same"),
    }


if __name__ == "__main__":
    print(main())

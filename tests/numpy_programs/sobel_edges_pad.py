"""Sobel edge detection on a synthetic image: np.pad with reflect and edge
modes, 3x3 kernels applied by summing shifted slices, gradient magnitude with
np.hypot, orientation with np.arctan2 in degrees and a histogram of angles."""
import numpy as np


def filter3(img, kernel, mode):
    p = np.pad(img, 1, mode=mode)
    h, w = img.shape
    out = np.zeros((h, w), dtype=np.float64)
    for i in range(3):
        for j in range(3):
            out += kernel[i, j] * p[i:i + h, j:j + w]
    return out


def main():
    rng = np.random.default_rng(11)
    img = np.zeros((16, 20))
    img[4:12, 5:15] = 1.0
    img += 0.05 * rng.standard_normal(img.shape)
    kx = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=float)
    ky = kx.T
    gx = filter3(img, kx, "reflect")
    gy = filter3(img, ky, "reflect")
    mag = np.hypot(gx, gy)
    ang = np.degrees(np.arctan2(gy, gx))
    edges = mag > 0.5 * mag.max()
    hist, edges_bins = np.histogram(ang[edges], bins=8, range=(-180, 180))
    gx_edge = filter3(img, kx, "edge")
    gx_sym = filter3(img, kx, "symmetric")
    return {
        "mag_max": mag.max(),
        "edge_pixels": int(edges.sum()),
        "angle_hist": hist,
        "bin_edges": edges_bins,
        "mode_diff_edge": np.abs(gx - gx_edge).max(),
        "mode_diff_sym": float(np.abs(gx - gx_sym).sum()),
        "mag_row": np.round(mag[8], 3),
        "pad_reflect": np.pad(np.arange(5), 3, mode="reflect"),
        "pad_symmetric": np.pad(np.arange(5), (2, 3), mode="symmetric"),
        "pad_wrap": np.pad(np.arange(5), 2, mode="wrap"),
    }


if __name__ == "__main__":
    print(main())

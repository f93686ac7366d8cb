"""Image-like 2-D operations: padding modes, rotations and flips, a box blur by
shifted slices, an integral image, thresholding, and a Sobel edge magnitude."""
import numpy as np


def main():
    img = np.arange(20, dtype=float).reshape(4, 5)
    pads = {mode: np.pad(img, 1, mode=mode) for mode in
            ("constant", "edge", "reflect", "symmetric", "wrap")}
    padded_val = np.pad(img, ((1, 2), (0, 1)), mode="constant", constant_values=-1)
    linear = np.pad(np.array([1.0, 2.0]), (2, 3), mode="linear_ramp", end_values=(0, 10))
    maxpad = np.pad(np.array([[1, 5], [3, 2]]), 1, mode="maximum")
    r1 = np.rot90(img)
    r2 = np.rot90(img, 2)
    r3 = np.rot90(img, -1)
    r_axes = np.rot90(np.arange(8).reshape(2, 2, 2), axes=(1, 2))
    flipped = np.flip(img)
    flip0 = np.flip(img, axis=0)
    lr = np.fliplr(img)
    ud = np.flipud(img)
    p = np.pad(img, 1, mode="edge")
    blur = sum(p[i:i + 4, j:j + 5] for i in range(3) for j in range(3)) / 9.0
    integral = img.cumsum(axis=0).cumsum(axis=1)
    box = integral[3, 4] - integral[0, 4] - integral[3, 0] + integral[0, 0]
    rng = np.random.default_rng(1)
    noisy = rng.uniform(0, 255, size=(8, 8))
    binary = (noisy > 128).astype(np.uint8)
    kx = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=float)
    q = np.pad(noisy, 1, mode="reflect")
    gx = np.zeros_like(noisy)
    gy = np.zeros_like(noisy)
    for i in range(3):
        for j in range(3):
            window = q[i:i + 8, j:j + 8]
            gx += kx[i, j] * window
            gy += kx.T[i, j] * window
    edges = np.hypot(gx, gy)
    rolled = np.roll(img, shift=(1, -2), axis=(0, 1))
    transposed = np.transpose(np.arange(24).reshape(2, 3, 4), (2, 0, 1))
    return {**{f"pad_{k}": v for k, v in pads.items()}, "padded_val": padded_val,
            "linear": linear, "maxpad": maxpad, "r1": r1, "r2": r2, "r3": r3,
            "r_axes": r_axes, "flipped": flipped, "flip0": flip0, "lr": lr, "ud": ud,
            "blur": blur, "integral": integral, "box": box, "binary": binary,
            "edges": edges, "rolled": rolled, "transposed": transposed,
            "normalised": (noisy - noisy.min()) / np.ptp(noisy),
            "uint8": np.clip(noisy * 1.2, 0, 255).astype(np.uint8)}


if __name__ == "__main__":
    print(main())

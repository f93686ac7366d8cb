"""Image-like 2-D operations: block max/mean pooling via reshape, a 3x3 box blur
with sliding_window_view, Sobel edges, rotations and flips, thresholding and a
crude flood of connected bright pixels."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def main():
    y, x = np.mgrid[0:8, 0:8]
    img = ((x - 3.5) ** 2 + (y - 3.5) ** 2 < 9).astype(float) * 200 + x * 5
    pooled_max = img.reshape(4, 2, 4, 2).max(axis=(1, 3))
    pooled_mean = img.reshape(4, 2, 4, 2).mean(axis=(1, 3))
    win = sliding_window_view(np.pad(img, 1, mode="edge"), (3, 3))
    blur = win.mean(axis=(-2, -1))
    kx = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]])
    gx = np.einsum("ijkl,kl->ij", win, kx)
    gy = np.einsum("ijkl,kl->ij", win, kx.T)
    edges = np.hypot(gx, gy)
    mask = img > 100
    rows_any = np.any(mask, axis=1)
    bbox = np.array([np.argmax(rows_any), len(rows_any) - np.argmax(rows_any[::-1]) - 1])
    u8 = np.clip(img, 0, 255).astype(np.uint8)
    return {"pooled_max": pooled_max, "pooled_mean": pooled_mean, "blur": blur.round(3),
            "edges_max": edges.max(), "edges_row": edges[3], "rot": np.rot90(pooled_max),
            "rot2": np.rot90(pooled_max, k=-1), "flipud": np.flipud(pooled_mean),
            "flip_both": np.flip(pooled_max), "mask_count": int(mask.sum()), "bbox": bbox,
            "u8": u8[::3, ::3], "hist": np.bincount(u8.ravel() // 64, minlength=4),
            "transpose_view": img.T[1, :3], "win_shape": win.shape}


if __name__ == "__main__":
    print(main())

"""Diffusion of a hot spot on a plate with np.pad edge handling, a Laplacian
from shifted slices, np.roll for a periodic variant, and summary statistics."""
import numpy as np


def main():
    n = 24
    plate = np.zeros((n, n))
    plate[10:14, 10:14] = 100.0
    alpha = 0.2
    for _ in range(40):
        p = np.pad(plate, 1, mode="edge")
        lap = p[:-2, 1:-1] + p[2:, 1:-1] + p[1:-1, :-2] + p[1:-1, 2:] - 4 * plate
        plate += alpha * lap
    periodic = np.zeros((n, n))
    periodic[0, 0] = 50.0
    for _ in range(15):
        lap = (np.roll(periodic, 1, 0) + np.roll(periodic, -1, 0)
               + np.roll(periodic, 1, 1) + np.roll(periodic, -1, 1) - 4 * periodic)
        periodic = periodic + alpha * lap
    hot = np.argwhere(plate > 5.0)
    centre = np.unravel_index(np.argmax(plate), plate.shape)
    return {"total": plate.sum(), "max": float(plate.max()), "centre": np.array(centre),
            "n_hot": len(hot), "row_profile": plate[12].round(4),
            "corner": periodic[:3, :3], "wrap_total": periodic.sum(),
            "reflect": np.pad(np.arange(5), (2, 3), mode="reflect"),
            "const": np.pad(np.ones((2, 2), dtype=int), ((1, 0), (0, 2)), constant_values=7),
            "wrap": np.pad(np.arange(4), 2, mode="wrap")}


if __name__ == "__main__":
    print(main())

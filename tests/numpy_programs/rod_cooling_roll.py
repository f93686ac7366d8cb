"""Heat equation on a periodic ring and plate, stepped with np.roll stencils."""
import numpy as np


def ring_step(u, r):
    return u + r * (np.roll(u, 1) - 2 * u + np.roll(u, -1))


def plate_step(u, r):
    lap = (np.roll(u, 1, axis=0) + np.roll(u, -1, axis=0)
           + np.roll(u, 1, axis=1) + np.roll(u, -1, axis=1) - 4 * u)
    return u + r * lap


def main():
    n = 64
    x = np.linspace(0.0, 1.0, n, endpoint=False)
    u = np.where((x > 0.25) & (x < 0.5), 100.0, 20.0)
    total0 = u.sum()
    r = 0.4
    snapshots = []
    for step in range(300):
        u = ring_step(u, r)
        if step in (0, 49, 299):
            snapshots.append(u[::8].copy())
    # decay of a single Fourier mode matches the analytic factor
    mode = np.cos(2 * np.pi * 3 * x)
    m = mode.copy()
    for _ in range(50):
        m = ring_step(m, r)
    factor = (1 - 4 * r * np.sin(np.pi * 3 / n) ** 2) ** 50
    plate = np.zeros((32, 32))
    plate[12:20, 12:20] = 50.0
    plate[0, :] = 10.0
    hist = []
    for step in range(120):
        plate = plate_step(plate, 0.2)
        if step % 40 == 39:
            hist.append([plate.max(), plate.min(), plate.mean()])
    hot = np.unravel_index(np.argmax(plate), plate.shape)
    return {
        "conserved": u.sum() - total0,
        "snapshots": np.array(snapshots),
        "mode_ratio": np.max(np.abs(m)) / factor,
        "plate_hist": np.array(hist),
        "hot_spot": np.array(hot),
        "plate_row": plate[16, ::4],
        "spread": np.std(u),
    }

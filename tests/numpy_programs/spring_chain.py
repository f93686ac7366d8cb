"""A chain of masses joined by springs between two walls: the stiffness matrix
built with diagonals, the normal-mode frequencies from a symmetric eigensolver,
mode shapes normalised by sign, and a time simulation with velocity Verlet
compared with the modal solution."""
import numpy as np


def main():
    n = 6
    k = np.array([4.0, 3.0, 2.0, 2.0, 3.0, 4.0, 5.0])
    m = np.array([1.0, 2.0, 1.0, 1.5, 1.0, 2.0])
    K = np.zeros((n, n))
    np.fill_diagonal(K, k[:-1] + k[1:])
    off = -k[1:-1]
    K[np.arange(n - 1), np.arange(1, n)] = off
    K[np.arange(1, n), np.arange(n - 1)] = off
    Minv_sqrt = np.diag(1 / np.sqrt(m))
    D = Minv_sqrt @ K @ Minv_sqrt
    w2, V = np.linalg.eigh(D)
    freqs = np.sqrt(w2)
    shapes = Minv_sqrt @ V
    signs = np.sign(shapes[0])
    shapes = shapes * signs
    shapes /= np.abs(shapes).max(axis=0)

    x = np.zeros(n)
    x[0] = 0.1
    v = np.zeros(n)
    dt = 0.005
    steps = 2000
    acc = -(K @ x) / m
    energy = []
    for _ in range(steps):
        x += v * dt + 0.5 * acc * dt ** 2
        new_acc = -(K @ x) / m
        v += 0.5 * (acc + new_acc) * dt
        acc = new_acc
        energy.append(0.5 * np.sum(m * v ** 2) + 0.5 * x @ K @ x)
    energy = np.asarray(energy)
    q0 = V.T @ (np.sqrt(m) * np.r_[0.1, np.zeros(n - 1)])
    t = steps * dt
    modal = Minv_sqrt @ (V @ (q0 * np.cos(freqs * t)))
    return {"K": K, "freqs": freqs, "shapes": shapes, "x_final": x, "modal": modal,
            "max_err": float(np.max(np.abs(x - modal))),
            "energy_drift": float(np.ptp(energy) / energy[0]),
            "nodes": np.sum(np.diff(np.sign(shapes), axis=0) != 0, axis=0),
            "symmetric": bool(np.allclose(K, K.T))}


if __name__ == "__main__":
    print(main())

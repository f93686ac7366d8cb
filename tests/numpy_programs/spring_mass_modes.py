"""Engineering: normal modes of a chain of masses and springs with eigh."""
import numpy as np


def main():
    n = 5
    k = np.array([10.0, 12.0, 8.0, 15.0, 11.0, 9.0])
    m = np.array([1.0, 2.0, 1.5, 1.0, 2.5])
    K = np.diag(k[:-1] + k[1:]) - np.diag(k[1:-1], 1) - np.diag(k[1:-1], -1)
    M_inv_sqrt = np.diag(1 / np.sqrt(m))
    A = M_inv_sqrt @ K @ M_inv_sqrt
    sym = bool(np.allclose(A, A.T))
    w2, vecs = np.linalg.eigh(A)
    omega = np.sqrt(w2)
    freq = omega / (2 * np.pi)
    modes = M_inv_sqrt @ vecs
    modes = modes / np.abs(modes).max(axis=0)
    signs = np.sign(modes[0])
    modes = modes * signs
    ortho = vecs.T @ vecs
    only_vals = np.linalg.eigvalsh(A)
    recon = vecs @ np.diag(w2) @ vecs.T
    x0 = np.zeros(n)
    x0[0] = 0.1
    coeffs = vecs.T @ (np.sqrt(m) * x0)
    t = np.linspace(0, 2, 5)
    q = coeffs[:, None] * np.cos(omega[:, None] * t)
    x_t = M_inv_sqrt @ vecs @ q
    return {
        "sym": sym,
        "omega": omega,
        "freq": freq,
        "modes": modes,
        "ortho": np.round(ortho, 10),
        "only_vals": only_vals,
        "recon_ok": bool(np.allclose(recon, A)),
        "x_t": x_t,
        "n": n,
    }

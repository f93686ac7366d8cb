"""Eigenvalue problems: vibration modes, Markov stationary state, matrix functions."""
import numpy as np


def stationary(P):
    w, v = np.linalg.eig(P.T)
    k = np.argmin(np.abs(w - 1.0))
    vec = np.real(v[:, k])
    return vec / vec.sum()


def main():
    k = 4.0
    m = np.array([1.0, 2.0, 1.5])
    K = np.array([[2 * k, -k, 0], [-k, 2 * k, -k], [0, -k, k]])
    M_inv_sqrt = np.diag(1 / np.sqrt(m))
    A = M_inv_sqrt @ K @ M_inv_sqrt
    w2, modes = np.linalg.eigh(A)
    freqs = np.sqrt(w2)
    check = np.allclose(A @ modes, modes * w2)
    P = np.array([[0.9, 0.075, 0.025], [0.15, 0.8, 0.05], [0.25, 0.25, 0.5]])
    pi = stationary(P)
    P50 = np.linalg.matrix_power(P, 50)
    R = np.array([[0.0, -1.0], [1.0, 0.0]])
    rw = np.linalg.eigvals(R)
    rw_sorted = rw[np.argsort(rw.imag)]
    S = np.array([[4.0, 1.0], [2.0, 3.0]])
    # real eigenvalues: NumPy's eig gives reals, the standard's complex (docs/numpy.md)
    sw, sv = (np.real_if_close(v) for v in np.linalg.eig(S))
    order = np.argsort(sw)
    sw, sv = sw[order], sv[:, order]
    sv = sv / sv[0]
    D = np.diag(sw)
    S_back = sv @ D @ np.linalg.inv(sv)
    expS = sv @ np.diag(np.exp(sw)) @ np.linalg.inv(sv)
    sym = np.array([[2.0, 1.0, 0.0], [1.0, 2.0, 1.0], [0.0, 1.0, 2.0]])
    lo = np.linalg.eigvalsh(sym)
    hi = np.linalg.eigvalsh(sym, UPLO="U")
    return {
        "freqs": freqs,
        "check": check,
        "abs_modes": np.abs(modes),
        "pi": pi,
        "P50_row": P50[0],
        "rot_eigs": rw_sorted,
        "S_eigs": sw,
        "S_vecs": sv,
        "S_back": S_back,
        "expS": expS,
        "eigvalsh": lo,
        "eigvalsh_u": hi,
        "trace_match": np.isclose(np.trace(sym), lo.sum()),
        "det_match": np.isclose(np.linalg.det(sym), np.prod(lo)),
    }

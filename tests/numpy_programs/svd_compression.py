"""Low-rank approximation with the SVD, plus QR and Cholesky checks."""
import numpy as np


def low_rank(M, k):
    U, s, Vt = np.linalg.svd(M, full_matrices=False)
    return (U[:, :k] * s[:k]) @ Vt[:k]


def main():
    yy, xx = np.mgrid[0:20, 0:24]
    img = np.sin(xx / 4.0) * np.cos(yy / 5.0) + 0.1 * ((xx + yy) % 3)
    U, s, Vt = np.linalg.svd(img)
    energy = np.cumsum(s ** 2) / np.sum(s ** 2)
    k90 = int(np.searchsorted(energy, 0.9) + 1)
    approx = [low_rank(img, k) for k in (1, 2, 5)]
    errs = np.array([np.linalg.norm(img - a) for a in approx])
    err_spec = np.array([np.linalg.norm(img - a, 2) for a in approx])
    sv_only = np.linalg.svd(img, compute_uv=False)
    rank = np.linalg.matrix_rank(img)
    A = np.array([[4.0, 2.0, 0.6], [2.0, 5.0, 1.5], [0.6, 1.5, 3.0]])
    L = np.linalg.cholesky(A)
    Q, R = np.linalg.qr(np.vander(np.arange(1.0, 6.0), 3))
    Rc = np.linalg.qr(np.vander(np.arange(1.0, 6.0), 3), mode="r")
    Qc, Rcc = np.linalg.qr(np.vander(np.arange(1.0, 6.0), 3), mode="complete")
    norms = np.array([np.linalg.norm(A, o) for o in (1, 2, np.inf, "fro", "nuc", -1)])
    vnorms = np.array([np.linalg.norm(np.array([3.0, -4.0, 12.0]), o) for o in (0, 1, 2, np.inf, -np.inf, 3)])
    sign, logdet = np.linalg.slogdet(A)
    batch = np.stack([A, 2 * A])
    bdet = np.linalg.det(batch)
    binv = np.linalg.inv(batch)
    return {
        "s": s,
        "energy": energy,
        "k90": k90,
        "errs": errs,
        "err_spec": err_spec,
        "sv_only": sv_only,
        "rank": rank,
        "recon": np.allclose(U[:, :20] * s @ Vt[:20], img),
        "L": L,
        "absR": np.abs(R),
        "absRc": np.abs(Rc),
        "Qc_shape": np.array(Qc.shape),
        "Rcc_shape": np.array(Rcc.shape),
        "qr_ok": np.allclose(Q @ R, np.vander(np.arange(1.0, 6.0), 3)),
        "norms": norms,
        "vnorms": vnorms,
        "sign": sign,
        "logdet": logdet,
        "bdet": bdet,
        "binv": binv,
    }

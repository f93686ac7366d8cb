"""Matrix decompositions checked against each other: eigh, eig, svd, qr, cholesky,
det, inv, matrix_power, pinv and rank, with sign-normalised vectors."""
import numpy as np


def normalise_columns(v):
    signs = np.sign(v[np.argmax(np.abs(v), axis=0), np.arange(v.shape[1])])
    return v * signs


def main():
    rng = np.random.default_rng(30)
    m = rng.normal(size=(5, 5))
    spd = m @ m.T + 5 * np.eye(5)
    w, v = np.linalg.eigh(spd)
    ev = np.linalg.eigvalsh(spd)
    ew, evec = np.linalg.eig(spd)
    ew, evec = np.real_if_close(ew), np.real_if_close(evec)
    order = np.argsort(ew)
    u, s, vt = np.linalg.svd(m)
    recon = u @ np.diag(s) @ vt
    q, r = np.linalg.qr(m)
    signs = np.sign(np.diag(r))
    q, r = q * signs, r * signs[:, None]
    L = np.linalg.cholesky(spd)
    sign, logdet = np.linalg.slogdet(spd)
    rect = rng.normal(size=(6, 3))
    pinv = np.linalg.pinv(rect)
    low_rank = np.outer(np.arange(1.0, 5.0), np.arange(1.0, 4.0))
    rot = np.array([[0.0, -1.0], [1.0, 0.0]])
    fib = np.linalg.matrix_power(np.array([[1, 1], [1, 0]]), 20)
    return {"w": w, "v": normalise_columns(v), "ev": ev, "eig_sorted": ew[order],
            "eigvec": normalise_columns(evec[:, order]), "s": s, "recon": recon,
            "q": q, "r": r, "L": L, "LLt": L @ L.T, "det": np.linalg.det(spd),
            "sign": sign, "logdet": logdet, "inv": np.linalg.inv(spd), "pinv": pinv,
            "pinv_check": pinv @ rect, "rank": np.linalg.matrix_rank(low_rank),
            "rank_full": np.linalg.matrix_rank(m), "rot4": np.linalg.matrix_power(rot, 4),
            "rot_inv": np.linalg.matrix_power(rot, -1), "fib": fib,
            "sv_only": np.linalg.svd(rect, compute_uv=False),
            "norms": np.array([np.linalg.norm(m, "fro"), np.linalg.norm(m, 2),
                               np.linalg.norm(m, 1), np.linalg.norm(m, np.inf),
                               np.linalg.norm(m, "nuc")]),
            "trace": np.trace(spd), "solve": np.linalg.solve(spd, np.ones(5))}


if __name__ == "__main__":
    print(main())

import numpy as np


def standardize(X):
    mu = X.mean(axis=0, keepdims=True)
    sd = X.std(axis=0, ddof=1, keepdims=True)
    return (X - mu) / sd, mu, sd


def fix_signs(vectors):
    # make the largest-magnitude entry of each column positive
    idx = np.argmax(np.abs(vectors), axis=0)
    signs = np.sign(vectors[idx, np.arange(vectors.shape[1])])
    return vectors * signs


def main():
    rng = np.random.default_rng(5)
    latent = rng.normal(size=(120, 2))
    mixing = np.array([[2.0, 0.5, 0.0, 1.0], [0.0, 1.0, 3.0, -1.0]])
    X = latent @ mixing + 0.1 * rng.normal(size=(120, 4))
    Z, mu, sd = standardize(X)
    C = np.cov(Z, rowvar=False)
    evals, evecs = np.linalg.eigh(C)
    order = np.argsort(evals)[::-1]
    evals, evecs = evals[order], fix_signs(evecs[:, order])
    ratio = evals / evals.sum()
    scores = Z @ evecs[:, :2]
    U, S, Vt = np.linalg.svd(Z, full_matrices=False)
    svd_evals = S**2 / (len(Z) - 1)
    Vs = fix_signs(Vt.T)
    white = scores / np.sqrt(evals[:2])
    recon = scores @ evecs[:, :2].T * sd + mu
    return {
        "mu": mu.ravel(),
        "sd": sd.ravel(),
        "evals": evals,
        "ratio": ratio,
        "cum_ratio": np.cumsum(ratio),
        "n_for_95": int(np.searchsorted(np.cumsum(ratio), 0.95) + 1),
        "evecs": evecs,
        "svd_agrees": bool(np.allclose(svd_evals, evals)),
        "vecs_agree": bool(np.allclose(np.abs(Vs), np.abs(evecs), atol=1e-8)),
        "white_cov": np.cov(white, rowvar=False),
        "recon_err": float(np.sqrt(((recon - X) ** 2).mean())),
    }

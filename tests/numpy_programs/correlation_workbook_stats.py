"""Statistics coursework: covariance and correlation matrices by hand and by NumPy."""
import numpy as np


def main():
    rng = np.random.default_rng(99)
    base = rng.normal(size=(200, 1))
    data = np.hstack([base, 0.5 * base + rng.normal(size=(200, 1)),
                      rng.normal(size=(200, 1)), -base + 0.1 * rng.normal(size=(200, 1))])
    corr = np.corrcoef(data, rowvar=False)
    cov = np.cov(data.T)
    centered = data - data.mean(axis=0)
    cov_manual = centered.T @ centered / (data.shape[0] - 1)
    std = np.sqrt(np.diag(cov_manual))
    corr_manual = cov_manual / np.outer(std, std)

    upper = np.triu_indices(4, k=1)
    pairs = corr[upper]
    strongest = np.unravel_index(np.abs(corr - np.eye(4)).argmax(), corr.shape)
    cov_biased = np.cov(data, rowvar=False, bias=True)
    xy = np.corrcoef(data[:, 0], data[:, 1])[0, 1]
    spearman_ranks = data.argsort(axis=0).argsort(axis=0).astype(float)
    spearman = np.corrcoef(spearman_ranks.T)
    return {
        "corr": corr,
        "cov": cov,
        "match": bool(np.allclose(corr, corr_manual)),
        "pairs": pairs,
        "strongest": np.array(strongest),
        "cov_biased": cov_biased,
        "xy": xy,
        "spearman": spearman,
    }

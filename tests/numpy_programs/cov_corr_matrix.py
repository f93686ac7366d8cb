"""Covariance and correlation of a small multivariate sample."""
import numpy as np


def main():
    rng = np.random.default_rng(11)
    n = 200
    x = rng.normal(size=n)
    y = 0.6 * x + rng.normal(scale=0.8, size=n)
    z = -0.3 * x + 0.5 * y + rng.normal(scale=0.5, size=n)
    data = np.vstack([x, y, z])
    cov = np.cov(data)
    cov_biased = np.cov(data, bias=True)
    cov_cols = np.cov(data.T, rowvar=False)
    cov_xy = np.cov(x, y)
    cov_ddof = np.cov(data, ddof=0)
    weights = rng.integers(1, 5, size=n)
    cov_fw = np.cov(data, fweights=weights)
    aw = rng.uniform(0.5, 1.5, size=n)
    cov_aw = np.cov(data, aweights=aw)
    corr = np.corrcoef(data)
    corr_xy = np.corrcoef(x, y)[0, 1]
    std = np.sqrt(np.diag(cov))
    corr_manual = cov / np.outer(std, std)
    evals, evecs = np.linalg.eigh(cov)
    explained = evals[::-1] / evals.sum()
    centered = data - data.mean(axis=1, keepdims=True)
    scatter = centered @ centered.T
    return {
        "cov": cov,
        "cov_biased": cov_biased,
        "cov_cols": cov_cols,
        "cov_xy": cov_xy,
        "cov_ddof": cov_ddof,
        "cov_fw": cov_fw,
        "cov_aw": cov_aw,
        "corr": corr,
        "corr_xy": corr_xy,
        "corr_manual": corr_manual,
        "evals": evals,
        "abs_evecs": np.abs(evecs),
        "explained": explained,
        "scatter": scatter / (n - 1),
        "scalar_cov": np.cov(x),
    }

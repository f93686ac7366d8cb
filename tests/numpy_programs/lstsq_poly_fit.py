"""Fitting a quadratic to noisy measurements three ways: the Vandermonde
matrix with np.linalg.lstsq (residuals, rank, singular values), np.polyfit with
full=True and weights, and the normal equations; plus R^2 and a prediction
with np.polyval."""
import numpy as np


def main():
    rng = np.random.default_rng(31)
    x = np.linspace(-2, 3, 30)
    y = 1.5 * x ** 2 - 2 * x + 0.5 + rng.normal(0, 0.4, x.size)
    V = np.vander(x, 3)
    coef, residuals, rank, sv = np.linalg.lstsq(V, y, rcond=None)
    pf = np.polyfit(x, y, 2)
    pf_full, res_full, rank_full, sv_full, rcond = np.polyfit(x, y, 2, full=True)
    w = 1 / (1 + np.abs(x))
    pf_w = np.polyfit(x, y, 2, w=w)
    normal = np.linalg.solve(V.T @ V, V.T @ y)
    yhat = np.polyval(pf, x)
    ss_res = np.sum((y - yhat) ** 2)
    ss_tot = np.sum((y - y.mean()) ** 2)
    pf_cov, cov = np.polyfit(x, y, 1, cov=True)
    multi = np.polyfit(x, np.column_stack([y, 2 * y]), 2)
    return {
        "coef": coef,
        "residuals": residuals,
        "rank": int(rank),
        "sv": sv,
        "pf_agree": bool(np.allclose(pf, coef) and np.allclose(normal, coef)),
        "res_full": res_full,
        "rank_full": rank_full,
        "rcond": rcond,
        "weighted": pf_w,
        "r2": 1 - ss_res / ss_tot,
        "predict": np.polyval(pf, [0.0, 1.0, 4.0]),
        "line": pf_cov,
        "cov_diag": np.sqrt(np.diag(cov)),
        "multi_shape": multi.shape,
        "vander_inc": np.vander([1, 2, 3], increasing=True),
        "vander_n": np.vander(np.array([2, 3]), N=4),
    }


if __name__ == "__main__":
    print(main())

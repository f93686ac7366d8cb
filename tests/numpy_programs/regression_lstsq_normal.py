"""Statistics coursework: linear regression by lstsq and by the normal equations."""
import numpy as np


def main():
    rng = np.random.default_rng(5)
    n = 50
    x1 = rng.uniform(0, 10, n)
    x2 = rng.uniform(-5, 5, n)
    y = 3.0 + 2.0 * x1 - 1.5 * x2 + rng.normal(0, 1.0, n)

    X = np.column_stack([np.ones(n), x1, x2])
    beta_ls, residuals, rank, sv = np.linalg.lstsq(X, y, rcond=None)
    beta_ne = np.linalg.solve(X.T @ X, X.T @ y)
    beta_inv = np.linalg.inv(X.T.dot(X)).dot(X.T).dot(y)
    beta_pinv = np.linalg.pinv(X) @ y

    fitted = X @ beta_ls
    resid = y - fitted
    ss_res = (resid ** 2).sum()
    ss_tot = ((y - y.mean()) ** 2).sum()
    r2 = 1 - ss_res / ss_tot
    sigma2 = ss_res / (n - X.shape[1])
    cov_beta = sigma2 * np.linalg.inv(X.T @ X)
    se = np.sqrt(np.diag(cov_beta))
    t_stats = beta_ls / se

    slope, intercept = np.polyfit(x1, y, 1)
    return {
        "beta_ls": beta_ls,
        "residuals": residuals,
        "rank": rank,
        "sv": sv,
        "ne_close": bool(np.allclose(beta_ls, beta_ne)),
        "inv_close": bool(np.allclose(beta_inv, beta_pinv)),
        "r2": r2,
        "se": se,
        "t_stats": t_stats,
        "slope_intercept": np.array([slope, intercept]),
    }

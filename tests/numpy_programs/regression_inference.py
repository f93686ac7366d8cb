"""Ordinary least squares with inference: the normal equations, lstsq, standard
errors from inv(X'X), t statistics, R-squared, a hat-matrix leverage, and a ridge
solution, on simulated data."""
import numpy as np


def main():
    rng = np.random.default_rng(31)
    n, p = 120, 3
    X = np.column_stack([np.ones(n), rng.normal(size=(n, p))])
    beta_true = np.array([1.0, 2.0, -0.5, 0.0])
    y = X @ beta_true + rng.normal(scale=0.8, size=n)
    XtX = X.T @ X
    beta = np.linalg.solve(XtX, X.T @ y)
    beta_ls, res, rank, sv = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ beta
    dof = n - X.shape[1]
    sigma2 = resid @ resid / dof
    cov = sigma2 * np.linalg.inv(XtX)
    se = np.sqrt(np.diag(cov))
    t = beta / se
    r2 = 1 - np.sum(resid ** 2) / np.sum((y - y.mean()) ** 2)
    adj = 1 - (1 - r2) * (n - 1) / dof
    H = X @ np.linalg.inv(XtX) @ X.T
    leverage = np.diag(H)
    lam = 5.0
    ridge = np.linalg.solve(XtX + lam * np.diag(np.r_[0.0, np.ones(p)]), X.T @ y)
    cooks = resid ** 2 / (X.shape[1] * sigma2) * leverage / (1 - leverage) ** 2
    return {"beta": beta, "beta_ls": beta_ls, "res": res, "rank": rank, "sv": sv,
            "se": se, "t": t, "r2": r2, "adj": adj, "lev_sum": leverage.sum(),
            "top_leverage": np.argsort(leverage)[-3:], "ridge": ridge,
            "max_cook": cooks.max(), "resid_mean": resid.mean()}


if __name__ == "__main__":
    print(main())

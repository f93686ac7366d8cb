"""Multivariate statistics: covariance and correlation matrices, weighted averages,
percentile methods, nan-aware reductions and standardisation."""
import numpy as np


def main():
    rng = np.random.default_rng(12)
    n = 300
    height = rng.normal(170, 10, size=n)
    weight = 0.9 * height - 80 + rng.normal(0, 6, size=n)
    age = rng.uniform(18, 80, size=n)
    data = np.vstack([height, weight, age])
    cov = np.cov(data)
    cov_rows = np.cov(data.T, rowvar=False, ddof=0)
    corr = np.corrcoef(data)
    corr_pair = np.corrcoef(height, weight)[0, 1]
    w = rng.uniform(0.5, 1.5, size=n)
    avg, total = np.average(data, axis=1, weights=w, returned=True)
    pcts = np.percentile(height, [5, 25, 50, 75, 95])
    lower = np.percentile(height, 37, method="lower")
    nearest = np.percentile(height, 37, method="nearest")
    midpoint = np.quantile(weight, [0.1, 0.9], method="midpoint")
    z = (data - data.mean(axis=1, keepdims=True)) / data.std(axis=1, keepdims=True)
    holes = data.copy()
    holes[:, ::17] = np.nan
    stats = {"nanmean": np.nanmean(holes, axis=1), "nanstd": np.nanstd(holes, axis=1, ddof=1),
             "nanvar": np.nanvar(holes, axis=1), "nanmedian": np.nanmedian(holes, axis=1),
             "nanpercentile": np.nanpercentile(holes, 90, axis=1),
             "nansum": np.nansum(holes), "nanmin": np.nanmin(holes, axis=1),
             "nanargmax": np.nanargmax(holes, axis=1), "nancumsum": np.nancumsum(holes[0, :5])}
    return {"cov": cov, "cov_rows": cov_rows, "corr": corr, "corr_pair": corr_pair,
            "avg": avg, "total": total, "pcts": pcts, "lower": lower, "nearest": nearest,
            "midpoint": midpoint, "z_max": np.abs(z).max(axis=1), "ptp": np.ptp(data, axis=1),
            "median": np.median(data, axis=1), "var": data.var(axis=1, ddof=1), **stats}


if __name__ == "__main__":
    print(main())

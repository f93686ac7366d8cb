"""Sensor percentile report with missing readings: np.percentile and
np.quantile under several methods, keepdims and axis tuples, the nan-aware
family (nanpercentile, nanquantile, nanmedian, nanmean, nanstd, nanmin,
nanargmax), all-NaN slices under warnings control and IQR outlier flags."""
import warnings

import numpy as np


def main():
    rng = np.random.default_rng(23)
    data = rng.gamma(2.0, 3.0, size=(6, 20)).round(2)
    data[rng.random(data.shape) < 0.15] = np.nan
    data[5] = np.nan
    clean = data[0][~np.isnan(data[0])]
    methods = ["linear", "lower", "higher", "midpoint", "nearest", "hazen", "weibull", "median_unbiased"]
    table = {m: np.percentile(clean, [10, 50, 90], method=m) for m in methods}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        p50 = np.nanpercentile(data, 50, axis=1)
        q = np.nanquantile(data, [0.25, 0.75], axis=1)
        med = np.nanmedian(data, axis=1, keepdims=True)
        means = np.nanmean(data, axis=1)
        stds = np.nanstd(data, axis=1, ddof=1)
    iqr = q[1] - q[0]
    flags = (data > (q[1] + 1.5 * iqr)[:, None]) | (data < (q[0] - 1.5 * iqr)[:, None])
    cube = np.arange(24.0).reshape(2, 3, 4)
    return {
        "table": table,
        "p50": p50,
        "q_shape": q.shape,
        "iqr": iqr,
        "med_shape": med.shape,
        "means": np.round(means, 4),
        "stds": np.round(stds, 4),
        "nan_rows": int(np.isnan(p50).sum()),
        "flags": int(flags.sum()),
        "nanmin": np.nanmin(data[:5], axis=1),
        "nanargmax": np.nanargmax(data[:5], axis=1),
        "nansum_all_nan": np.nansum(data[5]),
        "count_valid": np.sum(~np.isnan(data), axis=1),
        "axis_tuple": np.percentile(cube, 50, axis=(0, 2)),
        "keepdims": np.quantile(cube, 0.5, axis=1, keepdims=True).shape,
        "int_median": np.median(np.array([1, 2, 3, 4])),
        "q_scalar_type": type(float(np.quantile(clean, 0.5))).__name__,
    }


if __name__ == "__main__":
    print(main())

"""Statistics coursework: quantiles under each interpolation method."""
import numpy as np


def main():
    data = np.array([7.0, 1.0, 3.0, 9.0, 4.0, 4.0, 12.0, 2.0, 8.0, 5.0])
    qs = np.array([0.1, 0.25, 0.5, 0.75, 0.9])
    methods = ["linear", "lower", "higher", "nearest", "midpoint",
               "inverted_cdf", "averaged_inverted_cdf", "closest_observation",
               "interpolated_inverted_cdf", "hazen", "weibull", "median_unbiased",
               "normal_unbiased"]
    table = np.array([np.quantile(data, qs, method=m) for m in methods])
    pct = np.percentile(data, [10, 50, 90], method="nearest")
    grid = data.reshape(2, 5)
    by_row = np.quantile(grid, 0.5, axis=1, keepdims=True)
    by_col = np.percentile(grid, 75, axis=0)
    iqr = np.subtract(*np.percentile(data, [75, 25]))
    with_nan = np.append(data, np.nan)
    nan_q = np.nanquantile(with_nan, [0.25, 0.75])
    nan_p = np.nanpercentile(with_nan, 50, method="lower")
    ints = np.arange(1, 11)
    int_q = np.quantile(ints, 0.3, method="lower")
    return {
        "table": table,
        "pct": pct,
        "by_row": by_row,
        "by_col": by_col,
        "iqr": iqr,
        "nan_q": nan_q,
        "nan_p": nan_p,
        "int_q": int_q,
    }

"""Data cleaning: clipping outliers at percentiles (winsorizing)."""
import numpy as np


def main():
    rng = np.random.default_rng(41)
    values = rng.standard_normal(200) * 15 + 100
    values[[5, 50, 150]] = [400.0, -250.0, 600.0]
    lo, hi = np.percentile(values, [1, 99])
    clipped = np.clip(values, lo, hi)
    method_clip = values.clip(lo, hi)
    n_changed = np.count_nonzero(clipped != values)
    q1, q3 = np.quantile(values, [0.25, 0.75])
    iqr = q3 - q1
    fence = (values < q1 - 1.5 * iqr) | (values > q3 + 1.5 * iqr)
    outliers = np.sort(values[fence])
    kept = values[~fence]
    table = values.reshape(20, 10)
    col_lo = np.percentile(table, 5, axis=0)
    col_hi = np.percentile(table, 95, axis=0)
    col_clipped = np.clip(table, col_lo, col_hi)
    trimmed_mean = np.sort(values)[10:-10].mean()
    lower_only = np.clip(values, 80, None)
    inplace = values.copy()
    np.clip(inplace, 0, 150, out=inplace)
    return {
        "bounds": np.array([lo, hi]),
        "clipped_mean": clipped.mean(),
        "same": bool(np.array_equal(clipped, method_clip)),
        "n_changed": n_changed,
        "outliers": outliers,
        "kept_std": kept.std(),
        "col_clipped_sum": col_clipped.sum(axis=0),
        "trimmed_mean": trimmed_mean,
        "lower_min": lower_only.min(),
        "inplace_max": inplace.max(),
    }

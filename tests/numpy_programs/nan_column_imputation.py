"""Data cleaning: NaN masks, per-column nanmean fill and where replacement."""
import numpy as np


def main():
    rng = np.random.default_rng(31)
    data = rng.normal(50, 10, size=(12, 4)).round(2)
    holes = rng.random(data.shape) < 0.2
    data[holes] = np.nan
    missing = np.isnan(data)
    per_col_missing = missing.sum(axis=0)
    rows_complete = ~missing.any(axis=1)
    col_means = np.nanmean(data, axis=0)
    col_medians = np.nanmedian(data, axis=0)
    filled = np.where(missing, col_means, data)
    r, c = np.nonzero(missing)
    filled2 = data.copy()
    filled2[r, c] = np.take(col_medians, c)
    nan_std = np.nanstd(data, axis=0, ddof=1)
    nan_sum = np.nansum(data, axis=1)
    nan_min = np.nanmin(data, axis=1)
    nan_arg = np.nanargmax(data, axis=0)
    ffill = data[:, 0].copy()
    for i in range(1, ffill.size):
        if np.isnan(ffill[i]):
            ffill[i] = ffill[i - 1]
    zeroed = np.nan_to_num(data, nan=-1.0)
    cleaned = data[rows_complete]
    return {
        "per_col_missing": per_col_missing,
        "rows_complete": rows_complete,
        "col_means": col_means,
        "filled": filled,
        "filled2": filled2,
        "nan_std": nan_std,
        "nan_sum": nan_sum,
        "nan_min": nan_min,
        "nan_arg": nan_arg,
        "ffill": ffill,
        "zeroed": zeroed,
        "cleaned_shape": np.array(cleaned.shape),
    }

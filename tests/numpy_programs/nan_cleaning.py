"""Cleaning a table of sensor readings with missing values: counts of NaN per
column, nan-aware statistics, z-scores, outliers clipped to percentile fences,
gaps filled by column medians and by forward fill, and rows dropped when too
much is missing."""
import numpy as np


def main():
    rng = np.random.default_rng(5)
    data = rng.normal(loc=[20.0, 50.0, 1000.0], scale=[2.0, 10.0, 50.0], size=(60, 3))
    data[rng.random(data.shape) < 0.1] = np.nan
    data[7, 1] = 400.0
    data[33, 2] = -50.0
    data[12] = np.nan
    missing = np.isnan(data).sum(axis=0)
    mean = np.nanmean(data, axis=0)
    std = np.nanstd(data, axis=0, ddof=1)
    med = np.nanmedian(data, axis=0)
    z = (data - mean) / std
    outliers = np.argwhere(np.abs(z) > 3)
    lo, hi = np.nanpercentile(data, [5, 95], axis=0)
    clipped = np.clip(data, lo, hi)
    filled = np.where(np.isnan(clipped), med, clipped)
    ff = data.copy()
    for j in range(ff.shape[1]):
        col = ff[:, j]
        mask = np.isnan(col)
        idx = np.where(~mask, np.arange(col.size), 0)
        np.maximum.accumulate(idx, out=idx)
        ff[:, j] = col[idx]
    keep = np.isnan(data).sum(axis=1) <= 1
    safe = np.nan_to_num(data, nan=-1.0)
    return {"missing": missing, "mean": mean, "std": std, "median": med,
            "outliers": outliers, "fences": np.stack([lo, hi]), "filled_mean": filled.mean(axis=0),
            "ffill": ff[:15], "kept": int(keep.sum()), "nanmax": np.nanmax(data, axis=0),
            "nanargmin": np.nanargmin(data, axis=0), "safe_sum": safe.sum(),
            "any_nan_row": np.isnan(data).any(axis=1).nonzero()[0][:8],
            "all_nan_rows": np.flatnonzero(np.isnan(data).all(axis=1)),
            "nancumsum": np.nancumsum(data[:6, 0])}


if __name__ == "__main__":
    print(main())

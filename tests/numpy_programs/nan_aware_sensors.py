"""Sensor readings with dropouts: NaN-aware statistics, gap filling and flagged outliers."""
import numpy as np


def fill_gaps(x):
    idx = np.arange(x.size)
    good = ~np.isnan(x)
    return np.interp(idx, idx[good], x[good])


def main():
    rng = np.random.default_rng(42)
    hours = 48
    base = 15 + 6 * np.sin(np.arange(hours) * 2 * np.pi / 24)
    readings = base[None, :] + rng.normal(scale=0.7, size=(4, hours))
    readings[rng.random(readings.shape) < 0.12] = np.nan
    readings[2, 10:16] = np.nan
    readings[3, 5] = 60.0
    means = np.nanmean(readings, axis=1)
    stds = np.nanstd(readings, axis=1, ddof=1)
    med = np.empty(4)
    np.nanmedian(readings, axis=1, out=med)
    q = np.nanpercentile(readings, [10, 90], axis=1)
    valid = np.count_nonzero(~np.isnan(readings), axis=1)
    z = (readings - means[:, None]) / stds[:, None]
    outliers = np.argwhere(np.abs(np.nan_to_num(z)) > 4)
    filled = np.array([fill_gaps(r) for r in readings])
    hourly = np.nanmax(readings.reshape(4, 2, 24), axis=1)
    peak_hour = np.nanargmax(readings, axis=1)
    cleaned = np.where(np.isnan(readings), means[:, None], readings)
    safe_sum = np.nansum(readings, axis=0)
    all_nan_col = np.all(np.isnan(readings), axis=0)
    rng_out = np.zeros(4)
    np.nanmax(readings, axis=1, out=rng_out)
    rng_out -= np.nanmin(readings, axis=1)
    return {
        "means": means,
        "stds": stds,
        "medians": med,
        "q10_q90": q,
        "valid": valid,
        "outliers": outliers,
        "filled_gap": filled[2, 8:18],
        "hourly_max": hourly[:, :6],
        "peak_hour": peak_hour,
        "cleaned_mean": cleaned.mean(axis=1),
        "safe_sum_head": safe_sum[:8],
        "any_all_nan": bool(all_nan_col.any()),
        "ranges": rng_out,
        "nan_to_num": np.nan_to_num(readings[2, 8:12], nan=-1.0),
    }

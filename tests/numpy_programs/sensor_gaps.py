"""Sensor readings with dropouts: nan-aware statistics (nanmean, nanstd,
nanmedian, nanpercentile, nanargmax, nancumsum), forward filling, interpolation
of gaps and np.nan_to_num."""
import numpy as np


def main():
    rng = np.random.default_rng(5)
    data = rng.normal(20.0, 3.0, size=(4, 24))
    drop = rng.random(data.shape) < 0.15
    data[drop] = np.nan
    data[2, :3] = np.nan
    stats = {
        "nanmean": np.nanmean(data, axis=1), "nanstd": np.nanstd(data, axis=1, ddof=1),
        "nanmedian": np.nanmedian(data, axis=1), "nanmax": np.nanmax(data),
        "nanmin_col": np.nanmin(data, axis=0), "p90": np.nanpercentile(data, 90, axis=1),
        "argmax": np.nanargmax(data, axis=1), "nansum": np.nansum(data),
        "nancumsum": np.nancumsum(data[0]), "nanprod": np.nanprod(data[:, :3], axis=1),
        "n_missing": np.isnan(data).sum(axis=1), "nanvar": np.nanvar(data),
        "nanquantile": np.nanquantile(data[1], [0.1, 0.5]),
    }
    row = data[0].copy()
    idx = np.where(~np.isnan(row), np.arange(row.size), 0)
    np.maximum.accumulate(idx, out=idx)
    stats["ffill"] = row[idx]
    good = ~np.isnan(row)
    stats["interp"] = np.interp(np.arange(row.size), np.flatnonzero(good), row[good])
    stats["to_num"] = np.nan_to_num(np.array([np.nan, np.inf, -np.inf, 1.0]), posinf=99.0, neginf=-99.0)
    stats["all_nan_rows"] = np.isnan(data).all(axis=1)
    stats["masked_mean"] = np.ma.masked_invalid(data).mean(axis=1).filled(0.0)
    return stats


if __name__ == "__main__":
    print(main())

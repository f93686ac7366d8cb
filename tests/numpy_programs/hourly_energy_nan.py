"""Two weeks of hourly meter readings with gaps: reshaped to (day, hour), gaps as
NaN, daily totals with np.nansum, peak hours with np.nanargmax, np.nanmean profiles,
forward-filling with np.maximum.accumulate on indices, and np.nan_to_num for export."""
import numpy as np


def main():
    rng = np.random.default_rng(77)
    hours = np.arange(14 * 24)
    base = 2.0 + np.sin(2 * np.pi * (hours % 24 - 6) / 24) + 0.2 * rng.standard_normal(hours.size)
    kwh = base.copy()
    gaps = rng.choice(hours.size, size=30, replace=False)
    kwh[gaps] = np.nan
    kwh[5] = np.inf
    finite = np.isfinite(kwh)
    kwh[~finite & ~np.isnan(kwh)] = np.nan
    grid = kwh.reshape(14, 24)
    daily = np.nansum(grid, axis=1)
    profile = np.nanmean(grid, axis=0)
    peak_hour = np.nanargmax(grid, axis=1)
    low_hour = np.nanargmin(profile)
    missing_per_day = np.isnan(grid).sum(axis=1)
    idx = np.where(np.isnan(kwh), 0, np.arange(kwh.size))
    np.maximum.accumulate(idx, out=idx)
    filled = kwh[idx]
    filled[np.isnan(filled)] = 0.0
    export = np.nan_to_num(grid, nan=-1.0)
    week = np.nanmax(grid.reshape(2, 7, 24), axis=(1, 2))
    p90 = np.nanpercentile(grid, 90, axis=1)
    med = np.nanmedian(kwh)
    std = np.nanstd(grid, axis=0, ddof=1)
    return {"daily": daily, "profile": profile, "peak_hour": peak_hour,
            "low_hour": low_hour, "missing": missing_per_day, "filled_head": filled[:12],
            "n_filled_nan": np.isnan(filled).sum(), "export_row": export[0],
            "week": week, "p90": p90, "med": med, "std": std,
            "cum": np.nancumsum(kwh[:10]), "share_missing": np.mean(np.isnan(kwh))}


if __name__ == "__main__":
    print(main())

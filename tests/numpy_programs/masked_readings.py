"""Cleaning sensor readings with boolean masks, np.where, putmask and nan-functions."""
import numpy as np


def main():
    raw = np.array([[12.1, -999.0, 13.4, 14.0, 13.8],
                    [11.9, 12.2, -999.0, -999.0, 12.7],
                    [55.0, 12.8, 13.1, 13.3, 13.0],
                    [12.4, 12.6, 12.9, 13.5, 999.0]])
    sentinel = raw == -999.0
    spike = np.abs(raw) > 50
    clean = np.where(sentinel | spike, np.nan, raw)
    row_mean = np.nanmean(clean, axis=1)
    col_max = np.nanmax(clean, axis=0)
    col_min = np.nanmin(clean, axis=0)
    std = np.nanstd(clean, axis=1, ddof=1)
    total = np.nansum(clean)
    valid = np.count_nonzero(~np.isnan(clean), axis=1)
    filled = np.where(np.isnan(clean), row_mean[:, None], clean)
    arg_hot = np.nanargmax(clean, axis=1)
    arg_cold = np.nanargmin(clean)
    cum = np.nancumsum(clean, axis=1)
    prod = np.nanprod(np.array([2.0, np.nan, 3.0]))
    put = raw.copy()
    np.putmask(put, put < 0, 0.0)
    placed = raw.copy()
    np.place(placed, placed > 50, [50.0])
    extracted = np.extract(raw > 13, raw)
    target = np.zeros_like(raw)
    np.copyto(target, raw, where=~(sentinel | spike))
    compressed = raw[~(sentinel | spike)]
    nan_to = np.nan_to_num(clean, nan=-1.0)
    inf_arr = np.array([1.0, np.inf, -np.inf, np.nan])
    nan_to_inf = np.nan_to_num(inf_arr, posinf=1e3, neginf=-1e3)
    any_bad = np.any(sentinel, axis=1)
    all_good = np.all(~np.isnan(clean), axis=0)
    fraction_bad = np.mean(sentinel | spike)
    return {
        "clean": clean,
        "row_mean": row_mean,
        "col_max": col_max,
        "col_min": col_min,
        "std": std,
        "total": total,
        "valid": valid,
        "filled": filled,
        "arg_hot": arg_hot,
        "arg_cold": arg_cold,
        "cum": cum,
        "prod": prod,
        "put": put,
        "placed": placed,
        "extracted": extracted,
        "target": target,
        "compressed": compressed,
        "nan_to": nan_to,
        "nan_to_inf": nan_to_inf,
        "any_bad": any_bad,
        "all_good": all_good,
        "fraction_bad": fraction_bad,
    }

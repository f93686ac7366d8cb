"""Percentiles, quantiles and binning of exam-like scores."""
import numpy as np


def main():
    rng = np.random.default_rng(7)
    scores = np.round(rng.normal(68, 12, size=120).clip(0, 100), 1)
    groups = rng.integers(0, 4, size=120)
    q = np.percentile(scores, [10, 25, 50, 75, 90])
    q_lower = np.percentile(scores, [25, 75], method="lower")
    q_nearest = np.quantile(scores, [0.1, 0.9], method="nearest")
    q_midpoint = np.quantile(scores, 0.5, method="midpoint")
    iqr = q[3] - q[1]
    outliers = scores[(scores < q[1] - 1.5 * iqr) | (scores > q[3] + 1.5 * iqr)]
    bins = np.array([0, 50, 60, 70, 80, 90, 101])
    letters = np.array(["F", "E", "D", "C", "B", "A"])
    idx = np.digitize(scores, bins) - 1
    grade_counts = np.bincount(idx, minlength=6)
    by_group = np.array([np.median(scores[groups == g]) for g in range(4)])
    per_group_q = np.array([np.percentile(scores[groups == g], 75) for g in range(4)])
    with_nan = scores.copy()
    with_nan[::11] = np.nan
    nan_q = np.nanpercentile(with_nan, [5, 95])
    nan_med = np.nanmedian(with_nan)
    table = scores[:100].reshape(10, 10)
    row_q = np.quantile(table, [0.25, 0.75], axis=1)
    col_pct = np.percentile(table, 50, axis=0, keepdims=True)
    ranks = scores.argsort().argsort()
    pct_rank = 100.0 * ranks / (scores.size - 1)
    return {
        "q": q,
        "q_lower": q_lower,
        "q_nearest": q_nearest,
        "q_midpoint": q_midpoint,
        "outliers": np.sort(outliers),
        "letters": letters[idx][:20],
        "grade_counts": grade_counts,
        "by_group": by_group,
        "per_group_q": per_group_q,
        "nan_q": nan_q,
        "nan_med": nan_med,
        "row_q": row_q,
        "col_pct": col_pct,
        "pct_rank_head": pct_rank[:10],
    }

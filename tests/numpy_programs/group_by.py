"""Group-by without pandas: keys to codes with unique(return_inverse), per-group
counts, sums and means with bincount, maxima with maximum.at, a pivot table with
add.at, missing values filled with column means, and sorted group splits."""
import numpy as np


def main():
    rng = np.random.default_rng(42)
    n = 200
    store = rng.integers(100, 105, size=n)
    month = rng.integers(1, 4, size=n)
    sales = np.round(rng.gamma(2.0, 50.0, size=n), 2)
    keys, codes = np.unique(store, return_inverse=True)
    counts = np.bincount(codes)
    totals = np.bincount(codes, weights=sales)
    means = totals / counts
    best = np.full(keys.size, -np.inf)
    np.maximum.at(best, codes, sales)
    pivot = np.zeros((keys.size, 3))
    np.add.at(pivot, (codes, month - 1), sales)
    share = pivot / pivot.sum(axis=1, keepdims=True)
    order = np.argsort(codes, kind="stable")
    boundaries = np.flatnonzero(np.diff(codes[order])) + 1
    groups = np.split(sales[order], boundaries)
    medians = np.array([np.median(g) for g in groups])
    table = rng.normal(size=(6, 4))
    table[rng.random((6, 4)) < 0.25] = np.nan
    col_means = np.nanmean(table, axis=0)
    filled = np.where(np.isnan(table), col_means, table)
    rows_complete = ~np.isnan(table).any(axis=1)
    ranked = keys[np.argsort(-totals, kind="stable")]
    cum_share = np.cumsum(np.sort(totals)[::-1]) / totals.sum()
    pair_keys = np.stack([store, month], axis=1)
    uniq_pairs, pair_counts = np.unique(pair_keys, axis=0, return_counts=True)
    return {"keys": keys, "counts": counts, "totals": totals, "means": means, "best": best,
            "pivot": pivot, "share": share, "medians": medians, "filled": filled,
            "rows_complete": rows_complete, "ranked": ranked, "cum_share": cum_share,
            "uniq_pairs": uniq_pairs, "pair_counts": pair_counts,
            "group_sizes": np.array([len(g) for g in groups])}


if __name__ == "__main__":
    print(main())

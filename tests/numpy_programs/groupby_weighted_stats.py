import numpy as np


def main():
    rng = np.random.default_rng(42)
    cities = np.array([3, 1, 2, 3, 3, 1, 0, 2, 2, 3, 0, 1, 3, 2, 0, 0])
    temps = np.round(rng.normal(15, 5, size=cities.size), 1)
    weights = rng.integers(1, 5, size=cities.size)
    keys, inverse, counts = np.unique(cities, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=temps)
    means = sums / counts
    wmeans = np.bincount(inverse, weights=temps * weights) / np.bincount(inverse, weights=weights)
    sq = np.bincount(inverse, weights=temps**2)
    var = sq / counts - means**2
    maxes = np.full(keys.size, -np.inf)
    np.maximum.at(maxes, inverse, temps)
    mins = np.full(keys.size, np.inf)
    np.minimum.at(mins, inverse, temps)
    # group sort: by city, then by descending temperature
    order = np.lexsort((-temps, cities))
    first_in_group = np.r_[True, cities[order][1:] != cities[order][:-1]]
    hottest_idx = order[first_in_group]
    # share of each row in its group
    share = temps / sums[inverse]
    # group-wise cumulative count
    seen = np.zeros(keys.size, dtype=int)
    rank_in_group = np.empty(cities.size, dtype=int)
    for i, g in enumerate(inverse):
        rank_in_group[i] = seen[g]
        seen[g] += 1
    return {
        "keys": keys,
        "counts": counts,
        "inverse": inverse,
        "means": means,
        "wmeans": wmeans,
        "var": var,
        "maxes": maxes,
        "mins": mins,
        "hottest_idx": hottest_idx,
        "share_sums": np.bincount(inverse, weights=share),
        "rank_in_group": rank_in_group,
    }

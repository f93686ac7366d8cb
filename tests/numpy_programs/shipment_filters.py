"""Filtering shipment records with chained boolean masks, np.isin and group totals."""
import numpy as np


def main():
    rng = np.random.default_rng(42)
    n = 40
    warehouse = rng.integers(0, 4, size=n)
    weight = np.round(rng.gamma(2.0, 5.0, size=n), 2)
    days = rng.integers(1, 15, size=n)
    priority = rng.random(n) < 0.3
    heavy = weight > 15
    late = days > 7
    heavy_late = heavy & late
    selected = weight[heavy_late]
    urgent_or_heavy = np.where(priority | heavy)[0]
    in_east = np.isin(warehouse, [1, 3])
    not_in = np.isin(warehouse, [0, 2], invert=True)
    subset = weight[in_east][days[in_east] < 5]
    chained = weight[in_east & ~late & ~priority]
    totals = np.array([weight[warehouse == w].sum() for w in range(4)])
    counts = np.bincount(warehouse, minlength=4)
    late_share = np.bincount(warehouse, weights=late, minlength=4) / counts
    surcharge = weight.copy()
    surcharge[heavy] *= 1.5
    surcharge[priority & ~heavy] += 10
    surcharge[late] = np.minimum(surcharge[late], 20)
    keys, inverse, key_counts = np.unique(warehouse * 10 + priority, return_inverse=True, return_counts=True)
    mean_per_key = np.bincount(inverse, weights=weight) / key_counts
    first_late = np.argmax(late)
    return {
        "heavy_late_count": np.count_nonzero(heavy_late),
        "selected": selected,
        "urgent_or_heavy": urgent_or_heavy,
        "same_mask": bool(np.array_equal(in_east, not_in)),
        "subset": subset,
        "chained": chained,
        "totals": totals,
        "counts": counts,
        "late_share": late_share,
        "surcharge": surcharge,
        "keys": keys,
        "mean_per_key": mean_per_key,
        "first_late": first_late,
    }


if __name__ == "__main__":
    print(main())

"""Group-by with np.unique: inverse indices to aggregate a transaction log per
customer (sums, counts, maxima through np.maximum.at), the first occurrence of
each key, duplicates found from counts, and unique rows of a 2-D array."""
import numpy as np


def main():
    rng = np.random.default_rng(13)
    customers = rng.integers(100, 110, size=50)
    amounts = np.round(rng.gamma(2.0, 30.0, size=50), 2)
    keys, first, inverse, counts = np.unique(customers, return_index=True,
                                             return_inverse=True, return_counts=True)
    totals = np.bincount(inverse, weights=amounts)
    biggest = np.full(keys.size, -np.inf)
    np.maximum.at(biggest, inverse, amounts)
    smallest = np.full(keys.size, np.inf)
    np.minimum.at(smallest, inverse, amounts)
    sums = np.zeros(keys.size)
    np.add.at(sums, inverse, amounts)
    order = np.argsort(-totals)
    pairs = rng.integers(0, 3, size=(12, 2))
    rows, row_counts = np.unique(pairs, axis=0, return_counts=True)
    dup_values = keys[counts > 5]
    rebuilt = keys[inverse]
    words = np.array(["b", "a", "c", "a", "b", "a"])
    wk, wc = np.unique(words, return_counts=True)
    return {"keys": keys, "first": first, "counts": counts, "totals": np.round(totals, 2),
            "biggest": biggest, "smallest": smallest, "sums_match": bool(np.allclose(sums, totals)),
            "top3": keys[order[:3]], "rows": rows, "row_counts": row_counts,
            "dups": dup_values, "rebuilt": bool(np.array_equal(rebuilt, customers)),
            "words": wk, "word_counts": wc, "mean_per": totals / counts,
            "n_unique": len(np.unique(amounts.round(-1)))}


if __name__ == "__main__":
    print(main())

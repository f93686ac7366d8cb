"""Data cleaning: categories coded as integers, counted with unique."""
import numpy as np


def main():
    rng = np.random.default_rng(52)
    codes = rng.choice(np.array([3, 7, 7, 9, 12, 12, 12, -1]), size=60)
    valid = codes[codes >= 0]
    cats, counts = np.unique(valid, return_counts=True)
    share = counts / counts.sum()
    order = np.argsort(-counts, kind="stable")
    ranked = cats[order]
    first_idx = np.unique(codes, return_index=True)[1]
    _, inverse = np.unique(codes, return_inverse=True)
    recoded = inverse.reshape(codes.shape)
    mapping = {int(c): i for i, c in enumerate(cats)}
    lookup = np.full(codes.max() + 1, -1)
    lookup[cats] = np.arange(cats.size)
    dense = np.where(codes >= 0, lookup[np.maximum(codes, 0)], -1)
    onehot = (dense[:, None] == np.arange(cats.size)).astype(np.int8)
    rare = cats[counts < 10]
    merged = np.where(np.isin(codes, rare), 0, codes)
    values = rng.random(60)
    sums = np.bincount(recoded, weights=values)
    means = sums / np.bincount(recoded)
    return {
        "cats": cats,
        "counts": counts,
        "share": share,
        "ranked": ranked,
        "first_idx": first_idx,
        "recoded": recoded,
        "n_map": len(mapping),
        "dense": dense,
        "onehot_sum": onehot.sum(axis=0),
        "merged_unique": np.unique(merged),
        "means": means,
    }

"""Working with matrix triangles and diagonals: a correlation matrix reduced to its
upper triangle of distinct pairs, the strongest pairs by argsort, triu/tril with
offsets, fill_diagonal on a wrapped tall matrix, np.put and np.take with modes,
and diagonals read with np.diagonal and offsets."""
import numpy as np


def main():
    rng = np.random.default_rng(17)
    base = rng.normal(size=(100, 1))
    data = np.hstack([base + rng.normal(scale=s, size=(100, 1)) for s in (0.1, 0.5, 1.0, 2.0, 4.0)])
    C = np.corrcoef(data, rowvar=False)
    iu = np.triu_indices_from(C, k=1)
    pairs = np.column_stack(iu)
    vals = C[iu]
    strongest = pairs[np.argsort(vals)[::-1][:3]]
    upper = np.triu(C, 1)
    lower = np.tril(np.ones((4, 5), dtype=int), -1)
    band = np.triu(np.tril(np.arange(1, 26).reshape(5, 5), 1), -1)
    tall = np.zeros((7, 3), dtype=int)
    np.fill_diagonal(tall, 5, wrap=True)
    sq = np.arange(16).reshape(4, 4)
    np.fill_diagonal(sq, [-1, -2])
    flat = np.arange(10) * 10
    np.put(flat, [0, 3, 12], [-1, -3, -12], mode="wrap")
    clipped = np.take(np.arange(5), [-1, 2, 9], mode="clip")
    wrapped = np.take(np.arange(5), [-1, 2, 9], mode="wrap")
    diag1 = np.diagonal(sq, offset=1)
    anti = np.fliplr(sq).diagonal()
    m = np.arange(12).reshape(3, 4)
    tri_sum = np.tril(m).sum(), np.triu(m, 2).sum()
    return {"C": C, "pairs": pairs, "vals": vals, "strongest": strongest,
            "upper_sum": upper.sum(), "lower": lower, "band": band, "tall": tall, "sq": sq,
            "flat": flat, "clipped": clipped, "wrapped": wrapped, "diag1": diag1, "anti": anti,
            "tri_sum": tri_sum, "tril_idx": np.tril_indices(3), "mask_count": int(np.tri(4, 6, 1).sum())}


if __name__ == "__main__":
    print(main())

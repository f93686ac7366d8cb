"""Dynamic programming with arrays: the 0/1 knapsack table filled one item at a
time with vectorised maxima, the chosen items traced back, the minimum coin count
for every amount, the longest increasing subsequence, and an edit distance
between two integer sequences."""
import numpy as np


def knapsack(weights, values, cap):
    n = len(weights)
    table = np.zeros((n + 1, cap + 1), dtype=np.int64)
    for i in range(1, n + 1):
        w, v = weights[i - 1], values[i - 1]
        table[i] = table[i - 1]
        table[i, w:] = np.maximum(table[i - 1, w:], table[i - 1, :cap + 1 - w] + v)
    chosen = []
    c = cap
    for i in range(n, 0, -1):
        if table[i, c] != table[i - 1, c]:
            chosen.append(i - 1)
            c -= weights[i - 1]
    return table, np.array(chosen[::-1])


def coins(denoms, amount):
    best = np.full(amount + 1, np.iinfo(np.int32).max, dtype=np.int64)
    best[0] = 0
    for a in range(1, amount + 1):
        usable = denoms[denoms <= a]
        if usable.size:
            best[a] = np.min(best[a - usable]) + 1
    return best


def lis(seq):
    length = np.ones(len(seq), dtype=int)
    for i in range(1, len(seq)):
        prev = seq[:i] < seq[i]
        if prev.any():
            length[i] = length[:i][prev].max() + 1
    return length


def edit_distance(a, b):
    d = np.zeros((len(a) + 1, len(b) + 1), dtype=int)
    d[:, 0] = np.arange(len(a) + 1)
    d[0, :] = np.arange(len(b) + 1)
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + cost)
    return d


def main():
    weights = np.array([12, 2, 1, 1, 4, 7, 3])
    values = np.array([4, 2, 1, 2, 10, 13, 6])
    table, chosen = knapsack(weights, values, 15)
    best = coins(np.array([1, 5, 7, 11]), 40)
    rng = np.random.default_rng(3)
    seq = rng.integers(0, 50, size=20)
    lengths = lis(seq)
    d = edit_distance(np.array([1, 2, 3, 4, 5, 6]), np.array([2, 3, 5, 6, 7]))
    return {"table_last": table[-1], "best_value": int(table[-1, -1]), "chosen": chosen,
            "weight_used": int(weights[chosen].sum()), "coins": best,
            "lis": lengths, "lis_len": int(lengths.max()), "seq": seq, "edit": d,
            "edit_distance": int(d[-1, -1])}


if __name__ == "__main__":
    print(main())

"""100-exercises style: sort rows by a column, swap rows, bincount, repeat, cumsum."""
import numpy as np


def main():
    rng = np.random.default_rng(11)
    z = rng.integers(0, 10, (5, 3))
    by_second = z[z[:, 1].argsort(kind="stable")]
    by_last_desc = z[np.argsort(-z[:, -1], kind="stable")]

    a = np.arange(25).reshape(5, 5)
    a[[0, 1]] = a[[1, 0]]

    x = np.array([1, 2, 3, 4, 5, 6])
    i = np.array([1, 3, 9, 3, 4, 1])
    f = np.bincount(i, weights=x)
    plain = np.bincount(i, minlength=12)

    counts = np.bincount([1, 1, 2, 3, 4, 4, 6])
    rebuilt = np.repeat(np.arange(len(counts)), counts)

    def moving_average(arr, n=3):
        ret = np.cumsum(arr, dtype=float)
        ret[n:] = ret[n:] - ret[:-n]
        return ret[n - 1:] / n

    ma = moving_average(np.arange(20), 4)

    y = np.ones(10)
    idx = rng.integers(0, len(y), 20)
    np.add.at(y, idx, 1)

    neg = np.arange(10.0)
    np.negative(neg, out=neg)

    w = rng.random(8)
    w_sorted = np.sort(w)[::-1]
    return {
        "by_second": by_second,
        "by_last_desc": by_last_desc,
        "swapped": a,
        "weighted_counts": f,
        "plain": plain,
        "rebuilt": rebuilt,
        "ma": ma,
        "added_at": y,
        "neg": neg,
        "w_sorted": w_sorted,
    }

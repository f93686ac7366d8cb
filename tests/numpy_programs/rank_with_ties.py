import numpy as np


def ordinal_rank(x):
    return np.argsort(np.argsort(x, kind="stable"), kind="stable") + 1


def average_rank(x):
    sorter = np.argsort(x, kind="stable")
    inv = np.empty_like(sorter)
    inv[sorter] = np.arange(len(x))
    xs = x[sorter]
    obs = np.r_[True, xs[1:] != xs[:-1]]
    dense = obs.cumsum()[inv]
    count = np.r_[np.flatnonzero(obs), len(obs)]
    return 0.5 * (count[dense] + count[dense - 1] + 1)


def main():
    scores = np.array([88, 92, 75, 92, 60, 88, 99, 75, 88, 81])
    ordinal = ordinal_rank(scores)
    desc = ordinal_rank(-scores)
    _, dense = np.unique(scores, return_inverse=True)
    dense_desc = dense.max() - dense + 1
    avg = average_rank(scores)
    pct = (ordinal - 1) / (len(scores) - 1) * 100
    # rank within each row of a matrix
    m = np.array([[3.0, 1.0, 2.0, 5.0], [0.5, 0.5, 9.0, -1.0], [7.0, 8.0, 6.0, 7.5]])
    row_ranks = m.argsort(axis=1).argsort(axis=1)
    col_ranks = np.argsort(np.argsort(-m, axis=0), axis=0)
    # spearman correlation via ranks
    a = np.array([1.0, 2.5, 3.0, 4.5, 2.0, 6.0])
    b = np.array([2.0, 3.0, 2.5, 5.0, 1.0, 7.0])
    ra, rb = average_rank(a), average_rank(b)
    spearman = np.corrcoef(ra, rb)[0, 1]
    top3 = np.argsort(-scores, kind="stable")[:3]
    return {
        "ordinal": ordinal,
        "desc": desc,
        "dense": dense + 1,
        "dense_desc": dense_desc,
        "average": avg,
        "pct": pct,
        "row_ranks": row_ranks,
        "col_ranks": col_ranks,
        "spearman": spearman,
        "top3": top3,
        "median_rank": float(np.median(avg)),
    }

"""Top-k selection with np.argpartition and np.partition: search results, medians, leaders."""
import numpy as np


def topk(scores, k, axis=-1):
    idx = np.argpartition(-scores, k - 1, axis=axis)[..., :k]
    vals = np.take_along_axis(scores, idx, axis=axis)
    order = np.argsort(-vals, axis=axis, kind="stable")
    return np.take_along_axis(idx, order, axis=axis), np.take_along_axis(vals, order, axis=axis)


def main():
    rng = np.random.default_rng(77)
    queries, docs = 5, 40
    q = rng.normal(size=(queries, 8))
    d = rng.normal(size=(docs, 8))
    scores = (q @ d.T) / (np.linalg.norm(q, axis=1)[:, None] * np.linalg.norm(d, axis=1))
    idx, vals = topk(scores, 3)
    # k smallest distances and a median through partition
    x = rng.permutation(101).astype(np.float64)
    part = np.partition(x, 50)
    median = part[50]
    smallest = np.sort(np.partition(x, 4)[:5])
    kth = np.partition(x, [10, 90])[[10, 90]]
    # per-column leaders of a score table
    table = rng.integers(0, 1000, size=(30, 4))
    lead = np.argpartition(table, -2, axis=0)[-2:]
    lead_vals = np.sort(np.take_along_axis(table, lead, axis=0), axis=0)
    # bottom quartile mask without sorting everything
    cut = np.partition(table[:, 0], 7)[7]
    bottom = table[:, 0] <= cut
    return {
        "top_idx": idx,
        "top_vals": vals,
        "median": median,
        "smallest": smallest,
        "kth": kth,
        "leader_vals": lead_vals,
        "bottom_count": bottom.sum(),
        "cut": cut,
        "argmax_agrees": bool(np.all(idx[:, 0] == np.argmax(scores, axis=1))),
    }

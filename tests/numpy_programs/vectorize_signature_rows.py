"""Applying Python functions across arrays: np.vectorize with otypes and with a
gufunc signature, np.frompyfunc returning object arrays converted back,
np.apply_along_axis with a function returning a vector, np.apply_over_axes, and
np.piecewise for a shipping-cost rule."""
import numpy as np


def shipping(weight):
    if weight <= 1:
        return 5.0
    if weight <= 10:
        return 5.0 + 1.5 * (weight - 1)
    return 18.5 + 1.0 * (weight - 10)


def main():
    weights = np.array([0.5, 1.0, 2.5, 10.0, 12.0, 30.0])
    vship = np.vectorize(shipping, otypes=[float])
    costs = vship(weights)
    piece = np.piecewise(weights, [weights <= 1, (weights > 1) & (weights <= 10), weights > 10],
                         [5.0, lambda w: 5.0 + 1.5 * (w - 1), lambda w: 18.5 + (w - 10)])
    stats = np.vectorize(lambda row: np.array([row.min(), row.max(), row.mean()]),
                         signature="(n)->(k)")
    data = np.arange(12.0).reshape(3, 4) ** 1.5
    row_stats = stats(data)
    clamp = np.frompyfunc(lambda x, lo: max(x, lo), 2, 1)
    clamped = clamp(np.array([1, 5, -3, 8]), 2).astype(int)
    spread = np.apply_along_axis(lambda r: r - r.mean(), 1, data)
    normed = np.apply_along_axis(lambda c: c / np.linalg.norm(c), 0, data)
    summed = np.apply_over_axes(np.sum, np.arange(24).reshape(2, 3, 4), [0, 2])
    word_len = np.vectorize(len)(np.array(["ab", "cde", "f"]))
    add_pairs = np.vectorize(lambda a, b: a * 10 + b)(np.arange(3)[:, None], np.arange(2))
    return {"costs": costs, "piece": piece, "same": np.allclose(costs, piece),
            "row_stats": row_stats, "clamped": clamped, "spread": spread,
            "normed": normed, "summed": summed, "summed_shape": summed.shape,
            "word_len": word_len, "add_pairs": add_pairs}


if __name__ == "__main__":
    print(main())

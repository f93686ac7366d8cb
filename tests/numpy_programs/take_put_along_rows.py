"""take_along_axis and put_along_axis: per-row sorting, clipping winners, gathering."""
import numpy as np


def main():
    rng = np.random.default_rng(123)
    scores = rng.integers(0, 50, size=(5, 6))
    order = np.argsort(scores, axis=1)
    sorted_rows = np.take_along_axis(scores, order, axis=1)
    best = np.argmax(scores, axis=1)
    best_vals = np.take_along_axis(scores, best[:, None], axis=1).ravel()
    zeroed = scores.copy()
    np.put_along_axis(zeroed, best[:, None], 0, axis=1)
    col_order = np.argsort(scores, axis=0)
    sorted_cols = np.take_along_axis(scores, col_order, axis=0)
    top3 = np.argsort(scores, axis=1)[:, ::-1][:, :3]
    onehot = np.zeros_like(scores, dtype=bool)
    np.put_along_axis(onehot, top3, True, axis=1)
    f = rng.normal(size=(3, 4)).round(3)
    amin = np.expand_dims(np.argmin(f, axis=0), axis=0)
    mins = np.take_along_axis(f, amin, axis=0)
    cube = np.arange(24).reshape(2, 3, 4)
    pick = np.array([[[3], [0], [1]], [[2], [2], [0]]])
    got = np.take_along_axis(cube, pick, axis=2)
    taken = np.take(scores, [0, 7, 29])
    taken_ax = np.take(scores, [5, 0], axis=1)
    clipped = np.take(np.arange(5), [-1, 7, 2], mode="clip")
    wrapped = np.take(np.arange(5), [-1, 7, 2], mode="wrap")
    flat = np.zeros(6, dtype=np.int32)
    np.put(flat, [0, 2, 4], [9, 8, 7])
    return {
        "scores": scores,
        "sorted_rows": sorted_rows,
        "best_vals": best_vals,
        "zeroed": zeroed,
        "sorted_cols": sorted_cols,
        "onehot": onehot,
        "mins": mins,
        "got": got,
        "taken": taken,
        "taken_ax": taken_ax,
        "clipped": clipped,
        "wrapped": wrapped,
        "flat": flat,
        "flat_dtype": str(flat.dtype),
    }

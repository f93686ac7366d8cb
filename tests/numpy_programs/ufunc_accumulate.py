"""Ufunc methods: reduce, accumulate, outer, at and reduceat."""
import numpy as np


def main():
    a = np.arange(1, 13).reshape(3, 4)
    r0 = np.add.reduce(a, axis=0)
    r1 = np.multiply.reduce(a, axis=1)
    rall = np.add.reduce(a, axis=None)
    rk = np.maximum.reduce(a, axis=1, keepdims=True)
    acc = np.add.accumulate(a, axis=1)
    pacc = np.multiply.accumulate(np.array([1.0, 2.0, 0.5, 4.0]))
    running_max = np.maximum.accumulate(np.array([3, 1, 4, 1, 5, 9, 2, 6]))
    running_min = np.minimum.accumulate(np.array([3, 1, 4, 1, 5, 9, 2, 6]))
    table = np.multiply.outer(np.arange(1, 6), np.arange(1, 6))
    diffs = np.subtract.outer([10, 20, 30], [1, 2])
    cmp = np.greater.outer(np.array([1, 5, 3]), np.array([2, 4]))
    counts = np.zeros(5, dtype=int)
    np.add.at(counts, [0, 1, 1, 3, 3, 3], 1)
    vals = np.zeros(4)
    np.add.at(vals, np.array([0, 2, 0, 2, 3]), np.array([1.0, 2.0, 3.0, 4.0, 5.0]))
    mins = np.full(3, 100)
    np.minimum.at(mins, [0, 0, 2, 1, 2], [7, 3, 50, 60, 8])
    seg = np.add.reduceat(np.arange(10), [0, 3, 7])
    seg_max = np.maximum.reduceat(np.array([5, 1, 9, 2, 8, 3]), [0, 2, 4])
    any_row = np.logical_or.reduce(a > 10, axis=1)
    all_col = np.logical_and.reduce(a > 2, axis=0)
    bits = np.bitwise_or.reduce(np.array([1, 2, 8, 16]))
    xor_acc = np.bitwise_xor.accumulate(np.array([5, 3, 6, 1]))
    grid = np.zeros((3, 3))
    np.add.at(grid, (np.array([0, 1, 1]), np.array([2, 0, 0])), 1.5)
    names = (np.add.__name__, np.add.nin, np.add.nout, np.add.identity, np.multiply.identity)
    hyp = np.hypot.outer(np.array([3.0, 5.0]), np.array([4.0, 12.0]))
    return {
        "r0": r0,
        "r1": r1,
        "rall": rall,
        "rk": rk,
        "acc": acc,
        "pacc": pacc,
        "running_max": running_max,
        "running_min": running_min,
        "table": table,
        "diffs": diffs,
        "cmp": cmp,
        "counts": counts,
        "vals": vals,
        "mins": mins,
        "seg": seg,
        "seg_max": seg_max,
        "any_row": any_row,
        "all_col": all_col,
        "bits": bits,
        "xor_acc": xor_acc,
        "grid": grid,
        "names": str(names),
        "hyp": hyp,
    }

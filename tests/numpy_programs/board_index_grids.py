"""Board coordinates in several forms: np.indices, np.meshgrid with indexing='ij'
and sparse=True, np.ravel_multi_index with mode='wrap' and 'clip', np.unravel_index
with order='F', the knight-move neighbours of a square, and np.ix_ selections."""
import numpy as np


def main():
    rows, cols = np.indices((4, 5))
    gi, gj = np.meshgrid(np.arange(4), np.arange(5), indexing="ij")
    si, sj = np.meshgrid(np.arange(4), np.arange(5), indexing="ij", sparse=True)
    xy = np.meshgrid(np.arange(3), np.arange(2))
    board = rows * 5 + cols
    checker = (rows + cols) % 2
    moves = np.array([[1, 2], [2, 1], [-1, 2], [-2, 1], [1, -2], [2, -1], [-1, -2], [-2, -1]])
    start = np.array([1, 1])
    targets = start + moves
    inside = np.all((targets >= 0) & (targets < [4, 5]), axis=1)
    flat = np.ravel_multi_index(targets[inside].T, (4, 5))
    wrapped = np.ravel_multi_index(targets.T, (4, 5), mode="wrap")
    clipped = np.ravel_multi_index(targets.T, (4, 5), mode="clip")
    back_f = np.unravel_index([3, 7, 19], (4, 5), order="F")
    back_c = np.unravel_index(17, (4, 5))
    sub = board[np.ix_([0, 2, 3], [1, 4])]
    diag_mask = rows == cols
    anti = rows + cols == 4
    return {"rows": rows, "cols": cols, "same_ij": np.array_equal(gi, rows) and np.array_equal(gj, cols),
            "si_shape": si.shape, "sj_shape": sj.shape, "sparse_sum": si + sj,
            "xy0": xy[0], "xy1": xy[1], "checker": checker, "inside": inside,
            "flat": flat, "wrapped": wrapped, "clipped": clipped,
            "back_f": np.array(back_f), "back_c": np.array(back_c), "sub": sub,
            "diag": board[diag_mask], "anti": board[anti]}


if __name__ == "__main__":
    print(main())

"""Growing and editing arrays: append/insert/delete, resize, full_like, copyto(where=)."""
import numpy as np


def main():
    base = np.array([[1, 2, 3], [4, 5, 6]])
    app_flat = np.append(base, [7, 8])
    app_rows = np.append(base, [[7, 8, 9]], axis=0)
    app_cols = np.append(base, [[0], [0]], axis=1)
    ins = np.insert(np.arange(5), 2, 99)
    ins_many = np.insert(np.arange(5), [1, 3, 3], [-1, -2, -3])
    ins_col = np.insert(base, 1, 0, axis=1)
    ins_row = np.insert(base, 0, [9, 9, 9], axis=0)
    ins_slice = np.insert(np.arange(6), slice(0, 6, 2), 0)
    dele = np.delete(np.arange(10), [0, 3, 9])
    dele_slice = np.delete(np.arange(10), np.s_[::3])
    dele_row = np.delete(base, 0, axis=0)
    dele_mask = np.delete(np.arange(5), np.array([True, False, True, False, False]))
    resized_up = np.resize(np.arange(4), (3, 5))
    resized_down = np.resize(base, 4)
    like = np.full_like(base, 7)
    like_float = np.full_like(base, 0.5, dtype=float)
    like_trunc = np.full_like(base, 2.9)
    target = np.zeros((2, 3))
    np.copyto(target, base, where=base % 2 == 1)
    target2 = np.arange(6.0).reshape(2, 3)
    np.copyto(target2, -1.0, where=target2 > 2)
    target3 = np.zeros(3, dtype=np.int64)
    np.copyto(target3, np.array([1.7, 2.2, -3.9]), casting="unsafe")
    return {
        "app_flat": app_flat,
        "app_rows": app_rows,
        "app_cols": app_cols,
        "ins": ins,
        "ins_many": ins_many,
        "ins_col": ins_col,
        "ins_row": ins_row,
        "ins_slice": ins_slice,
        "dele": dele,
        "dele_slice": dele_slice,
        "dele_row": dele_row,
        "dele_mask": dele_mask,
        "resized_up": resized_up,
        "resized_down": resized_down,
        "like": like,
        "like_float": like_float,
        "like_trunc": like_trunc,
        "target": target,
        "target2": target2,
        "target3": target3,
    }


if __name__ == "__main__":
    print(main())

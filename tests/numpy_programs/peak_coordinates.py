"""Locate peaks of a 3-D field: argmax over axes, unravel_index, ravel_multi_index."""
import numpy as np


def main():
    z, y, x = np.mgrid[0:4, 0:5, 0:6]
    field = np.sin(x * 0.9) * np.cos(y * 0.7) + 0.1 * z
    flat = np.argmax(field)
    peak = np.unravel_index(flat, field.shape)
    peak_f = np.unravel_index(flat, field.shape, order="F")
    many = np.unravel_index([0, 7, 33, 119], (4, 5, 6))
    back = np.ravel_multi_index(many, (4, 5, 6))
    wrapped = np.ravel_multi_index(([3, 5], [1, -1]), (4, 4), mode="wrap")
    clipped = np.ravel_multi_index(([3, 5], [1, -1]), (4, 4), mode="clip")
    per_slice = field.reshape(4, -1).argmax(axis=1)
    slice_coords = np.column_stack(np.unravel_index(per_slice, (5, 6)))
    col_best = np.argmax(field, axis=2, keepdims=True)
    col_best_vals = np.take_along_axis(field, col_best, axis=2)
    lowest = np.argmin(field, axis=1)
    top3 = np.argsort(field, axis=None)[-3:][::-1]
    top3_coords = np.array(np.unravel_index(top3, field.shape)).T
    return {
        "peak": np.array(peak),
        "peak_value": field[peak],
        "peak_f": np.array(peak_f),
        "many": np.array(many),
        "back": back,
        "wrapped": wrapped,
        "clipped": clipped,
        "slice_coords": slice_coords,
        "col_best_shape": np.array(col_best.shape),
        "col_best_vals": col_best_vals[..., 0],
        "lowest": lowest,
        "top3_coords": top3_coords,
    }


if __name__ == "__main__":
    print(main())

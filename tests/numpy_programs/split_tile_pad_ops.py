"""Array manipulation drills: split/array_split/hsplit, tile/repeat and pad."""
import numpy as np


def main():
    a = np.arange(12)
    three = np.split(a, 3)
    at = np.split(a, [2, 5, 9])
    uneven = np.array_split(a, 5)
    m = np.arange(24).reshape(4, 6)
    left, right = np.hsplit(m, 2)
    top, bottom = np.vsplit(m, [1])
    cols = np.array_split(m, 4, axis=1)
    d0, d1 = np.dsplit(np.arange(16).reshape(2, 2, 4), 2)
    tile = np.tile(np.array([1, 2]), (2, 3))
    tile1 = np.tile(np.array([[1, 2], [3, 4]]), 2)
    rep = np.repeat(np.array([[1, 2], [3, 4]]), [1, 3], axis=0)
    rep_flat = np.repeat(np.array([7, 8, 9]), 2)
    checker = np.tile(np.array([[0, 1], [1, 0]], dtype=np.uint8), (3, 3))
    upsample = np.repeat(np.repeat(np.array([[1, 2], [3, 4]]), 2, axis=0), 2, axis=1)
    small = np.array([[1, 2], [3, 4]])
    pad_c = np.pad(small, 1, constant_values=9)
    pad_edge = np.pad(small, ((0, 1), (2, 0)), mode="edge")
    pad_ref = np.pad(np.arange(5), 3, mode="reflect")
    pad_sym = np.pad(np.arange(5), (2, 1), mode="symmetric")
    pad_wrap = np.pad(small, 1, mode="wrap")
    pad_lin = np.pad(np.array([5.0, 6.0]), 2, mode="linear_ramp")
    pad_max = np.pad(np.array([1, 3, 2]), 2, mode="maximum")
    return {
        "three": three,
        "at": [x.tolist() for x in at],
        "uneven_sizes": [len(x) for x in uneven],
        "uneven_last": uneven[-1],
        "left": left,
        "right": right,
        "top": top,
        "bottom": bottom,
        "cols_shapes": [c.shape for c in cols],
        "d0": d0,
        "d1": d1,
        "tile": tile,
        "tile1": tile1,
        "rep": rep,
        "rep_flat": rep_flat,
        "checker": checker,
        "upsample": upsample,
        "pad_c": pad_c,
        "pad_edge": pad_edge,
        "pad_ref": pad_ref,
        "pad_sym": pad_sym,
        "pad_wrap": pad_wrap,
        "pad_lin": pad_lin,
        "pad_max": pad_max,
    }

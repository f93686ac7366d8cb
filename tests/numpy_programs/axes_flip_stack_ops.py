"""moveaxis/swapaxes, flips and the stacking functions on an image batch."""
import numpy as np


def main():
    batch = np.arange(2 * 3 * 4 * 5).reshape(2, 3, 4, 5)
    chw = np.moveaxis(batch, -1, 1)
    back = np.moveaxis(chw, 1, -1)
    multi = np.moveaxis(batch, [0, 1], [-1, -2])
    sw = np.swapaxes(batch, 1, 3)
    tr = batch.transpose(0, 2, 3, 1)
    img = np.arange(12).reshape(3, 4)
    flips = {
        "ud": np.flipud(img),
        "lr": np.fliplr(img),
        "both": np.flip(img),
        "ax1": np.flip(img, axis=1),
    }
    is_view = np.shares_memory(np.flip(img), img)
    a = np.array([1, 2, 3])
    b = np.array([4, 5, 6])
    st0 = np.stack([a, b])
    st1 = np.stack([a, b], axis=1)
    st_last = np.stack([img, img * 10], axis=-1)
    cs = np.column_stack([a, b, a * b])
    hs = np.hstack([a, b])
    vs = np.vstack([a, b])
    ds = np.dstack([a, b])
    cat = np.concatenate([img, img[:1]], axis=0)
    cat_none = np.concatenate([img, img], axis=None)
    rs = np.r_[a, 0, b]
    cc = np.c_[a, b]
    mixed = np.concatenate([np.array([1, 2], dtype=np.int8), np.array([0.5])])
    ex = np.expand_dims(a, axis=(0, 2))
    sq = np.squeeze(ex)
    return {
        "chw_shape": chw.shape,
        "back_ok": bool(np.array_equal(back, batch)),
        "multi_shape": multi.shape,
        "multi_00": multi[0, 0],
        "sw_shape": sw.shape,
        "tr_eq": bool(np.array_equal(tr, np.moveaxis(batch, 1, -1))),
        "ud": flips["ud"],
        "lr": flips["lr"],
        "both": flips["both"],
        "ax1": flips["ax1"],
        "is_view": bool(is_view),
        "st0": st0,
        "st1": st1,
        "st_last": st_last[1],
        "cs": cs,
        "hs": hs,
        "vs": vs,
        "ds_shape": ds.shape,
        "cat": cat,
        "cat_none": cat_none,
        "rs": rs,
        "cc": cc,
        "mixed": mixed,
        "mixed_dtype": str(mixed.dtype),
        "ex_shape": ex.shape,
        "sq": sq,
    }

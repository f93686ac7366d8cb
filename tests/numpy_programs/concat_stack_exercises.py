"""Array drills: concatenate axis=None, stack on the last axis, hstack/vstack."""
import numpy as np


def main():
    a = np.arange(6).reshape(2, 3)
    b = np.arange(6, 12).reshape(2, 3)
    flat = np.concatenate((a, b), axis=None)
    rows = np.concatenate([a, b], axis=0)
    cols = np.concatenate([a, b], axis=1)
    last = np.stack([a, b], axis=-1)
    first = np.stack((a, b))
    mid = np.stack([a, b], axis=1)
    hs = np.hstack([a, b])
    vs = np.vstack([a[0], b[0]])
    ds = np.dstack([a, b])
    cs = np.column_stack([np.arange(3), np.arange(3, 6)])
    rs = np.r_[a[0], 0, b[0]]
    cc = np.c_[np.arange(3), np.arange(3) * 2]
    blk = np.block([[a, b], [b, a]])
    mixed = np.concatenate([np.arange(3), np.array([1.5, 2.5])])
    app = np.append(a, [[9, 9, 9]], axis=0)
    app_flat = np.append(a, 7)
    ins = np.insert(a, 1, 99, axis=1)
    dele = np.delete(b, [0, 2], axis=1)
    return {
        "flat": flat, "rows": rows, "cols": cols, "last": last, "first": first,
        "mid": mid, "hs": hs, "vs": vs, "ds": ds, "cs": cs, "rs": rs, "cc": cc,
        "blk": blk, "mixed": mixed, "app": app, "app_flat": app_flat, "ins": ins,
        "dele": dele, "last_shape": np.array(last.shape),
    }

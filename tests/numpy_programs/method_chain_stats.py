import numpy as np


def main():
    a = np.array([[4, 9, 2, 7], [3, 5, 7, 1], [8, 1, 6, 6]])
    f = a.astype(float) / 3
    out = {}
    out["sum0"] = a.sum(axis=0)
    out["sum1"] = a.sum(1)
    out["mean"] = a.mean()
    out["mean_rows"] = a.mean(axis=1)
    out["argmax"] = a.argmax()
    out["argmax0"] = a.argmax(axis=0)
    out["argmin1"] = a.argmin(axis=1)
    out["reshape"] = a.reshape(-1, 2)
    out["T"] = a.T
    flat = a.flatten()
    flat[0] = 100
    out["flatten_copy"] = int(a[0, 0])
    out["ravel"] = a.ravel()
    b = a.copy()
    b.fill(3)
    out["fill"] = b
    out["clip"] = a.clip(2, 6)
    out["clip_max"] = a.clip(max=5)
    out["round"] = f.round(2)
    out["cumsum"] = a.cumsum()
    out["cumsum1"] = a.cumsum(axis=1)
    out["nonzero"] = np.array((a > 6).nonzero())
    out["any"] = (a > 8).any()
    out["all0"] = (a > 1).all(axis=0)
    out["std1"] = a.std(ddof=1)
    out["var0"] = a.var(axis=0)
    out["dot"] = a.dot(a.T)
    out["dot_vec"] = a.dot(np.array([1, 0, -1, 2]))
    out["tolist"] = a.astype(float).tolist()
    out["item"] = a.item(5)
    out["item2"] = a[2, 3].item()
    out["max_initial"] = a.max(initial=20)
    out["max_empty"] = np.array([], dtype=int).max(initial=-1)
    out["min_where"] = a.min(where=a > 3, initial=99)
    out["prod"] = a.prod(axis=0)
    out["cumprod"] = a[0].cumprod()
    out["chain"] = (a - a.mean(axis=0)).round(3).sum(axis=1)
    out["shape_info"] = np.array([a.ndim, a.size, a.shape[0], a.itemsize > 0])
    return out

import numpy as np


def main():
    stock = np.array([12, 0, 7, 3, 25, 9, 0, 14])
    prices = np.array([2.5, 10.0, 4.25, 8.0, 1.0, 3.5, 12.0, 6.75])
    out = {}
    value = stock * prices
    out["value"] = value
    out["total"] = value.sum().item()
    order = value.argsort()[::-1]
    out["order"] = order
    s = stock.copy()
    s.sort()
    out["sorted_inplace"] = s
    out["searchsorted"] = s.searchsorted([0, 5, 30])
    out["out_of_stock"] = (stock == 0).nonzero()[0]
    out["take"] = prices.take([1, 6, 0])
    p = prices.copy()
    p.put([0, 2], [99.0, 98.0])
    out["put"] = p
    out["repeat"] = stock[:3].repeat(2)
    grid = value.reshape(2, 4)
    out["swapaxes"] = grid.swapaxes(0, 1)
    out["squeeze"] = grid[:, None, :].squeeze().shape
    out["diagonal"] = np.arange(16).reshape(4, 4).diagonal(offset=1)
    out["trace"] = np.arange(16).reshape(4, 4).trace()
    out["min_keep"] = grid.min(axis=1, keepdims=True)
    out["max_axis"] = grid.max(axis=0)
    out["mean_where"] = value.mean(where=stock > 0)
    out["conj"] = (prices + 1j).conj()
    out["real_imag"] = np.array([(prices + 2j).real.sum(), (prices + 2j).imag.sum()])
    restock = stock.copy()
    restock[restock < 5] += 10
    out["restock"] = restock
    out["astype_bool"] = stock.astype(bool).astype(int).tolist()
    out["compress"] = prices.compress(stock > 8)
    out["choose"] = np.array([0, 1, 0, 1]).choose([[1, 2, 3, 4], [10, 20, 30, 40]])
    out["nbytes"] = stock.astype(np.int32).nbytes
    out["tobytes_len"] = len(prices[:2].tobytes())
    out["view_reshape"] = stock.reshape(4, 2).T.copy().ravel()
    out["sum_dtype"] = stock.sum(dtype=np.float64)
    out["argsort_stable"] = stock.argsort(kind="stable")
    part = stock.copy()
    part.partition(3)
    out["partition"] = np.sort(part[:3])
    return out

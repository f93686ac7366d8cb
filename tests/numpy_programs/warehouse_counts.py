"""Warehouse movements: np.add.at on a 2-D stock table, bincount with weights,
reduceat over daily segments, np.subtract.at for withdrawals and
np.minimum.reduce over bins."""
import numpy as np


def main():
    rng = np.random.default_rng(2024)
    n_sku, n_store, n = 5, 3, 120
    sku = rng.integers(0, n_sku, n)
    store = rng.integers(0, n_store, n)
    qty = rng.integers(1, 10, n)
    stock = np.zeros((n_sku, n_store), dtype=np.int64)
    np.add.at(stock, (sku, store), qty)
    taken = np.zeros(n_sku, dtype=np.int64)
    np.subtract.at(taken, sku[::3], 2)
    by_sku = np.bincount(sku, weights=qty, minlength=n_sku)
    by_sku_count = np.bincount(sku)
    day_edges = np.array([0, 20, 45, 70, 100])
    daily = np.add.reduceat(qty, day_edges)
    daily_max = np.maximum.reduceat(qty, day_edges)
    cum = np.cumsum(stock, axis=1)
    share = stock / stock.sum(axis=0, keepdims=True)
    mult = np.ones(n_sku)
    np.multiply.at(mult, [0, 0, 1, 4], [2.0, 3.0, 0.5, 10.0])
    return {"stock": stock, "taken": taken, "by_sku": by_sku, "by_sku_count": by_sku_count,
            "daily": daily, "daily_max": daily_max, "cum": cum, "share": share,
            "mult": mult, "total": int(stock.sum()), "min_per_store": np.minimum.reduce(stock, axis=0),
            "busiest": int(np.argmax(stock.sum(axis=1)))}


if __name__ == "__main__":
    print(main())

"""Ufunc methods on a sales ledger: counts with add.at, running totals and drawdowns
with accumulate, per-day totals with reduceat, tables with outer."""
import numpy as np


def main():
    rng = np.random.default_rng(7)
    n_items, n_sales = 6, 400
    item = rng.integers(0, n_items, size=n_sales)
    price = rng.uniform(1.0, 20.0, size=n_sales)
    counts = np.zeros(n_items, dtype=np.int64)
    np.add.at(counts, item, 1)                   # repeated indices accumulate
    revenue = np.zeros(n_items)
    np.add.at(revenue, item, price)
    best = np.zeros(n_items)
    np.maximum.at(best, item, price)
    balance = np.add.accumulate(price - 10.0)
    peak = np.maximum.accumulate(balance)
    drawdown = np.max(peak - balance)
    day_starts = np.arange(0, n_sales, 50)
    per_day = np.add.reduceat(price, day_starts)
    worst_day = np.minimum.reduceat(price, day_starts)
    table = np.multiply.outer(np.arange(1, 6), np.arange(1, 4))
    spread = np.subtract.outer(per_day, per_day)
    all_positive = np.logical_and.reduce(price > 0)
    ok_rows = np.logical_or.reduce(spread > 100.0, axis=1)
    return {"counts": counts, "revenue": revenue, "best": best, "drawdown": drawdown,
            "per_day": per_day, "worst_day": worst_day, "table": table,
            "spread_max": np.maximum.reduce(spread, axis=None), "all_positive": all_positive,
            "ok_rows": ok_rows, "product": np.multiply.reduce(np.arange(1, 8)),
            "alternating": np.subtract.reduce(np.arange(10.0), initial=100.0)}


if __name__ == "__main__":
    print(main())

"""A warehouse stock ledger: running stock with np.cumsum of receipts and shipments,
stock-outs where the running level falls below zero, reorder points found with
np.searchsorted on the cumulative demand, np.diff with prepend/append, np.ediff1d with
to_begin/to_end, and np.cumprod of growth factors."""
import numpy as np


def main():
    receipts = np.array([50, 0, 0, 40, 0, 0, 60, 0, 0, 0])
    shipped = np.array([12, 18, 25, 10, 30, 14, 9, 22, 17, 28])
    level = np.cumsum(receipts - shipped)
    stockout_days = np.flatnonzero(level < 0)
    clipped = np.clip(level, 0, None)
    low_water = np.minimum.accumulate(level)
    high_water = np.maximum.accumulate(level)
    demand = np.cumsum(shipped)
    day_of_100 = np.searchsorted(demand, 100)
    day_of_each = np.searchsorted(demand, [50, 100, 150], side="right")
    changes = np.diff(level, prepend=0)
    changes_end = np.diff(level, append=level[-1])
    ed = np.ediff1d(level, to_begin=[-99], to_end=[99, 100])
    growth = np.array([1.02, 0.97, 1.05, 1.01])
    value = 1000 * np.cumprod(growth)
    cum2d = np.cumsum(np.arange(12).reshape(3, 4), axis=1)
    cum_flat = np.cumsum(np.arange(6).reshape(2, 3))
    avg_level = np.cumsum(level) / np.arange(1, len(level) + 1)
    return {"level": level, "stockout_days": stockout_days, "clipped": clipped,
            "low": low_water, "high": high_water, "day_of_100": day_of_100,
            "day_of_each": day_of_each, "changes": changes, "changes_end": changes_end,
            "ed": ed, "value": value, "cum2d": cum2d, "cum_flat": cum_flat,
            "avg_level": avg_level, "cum_float32": np.cumsum(np.ones(4, dtype=np.float32)),
            "cumprod_int": np.cumprod(np.array([1, 2, 3, 4], dtype=np.int8))}


if __name__ == "__main__":
    print(main())

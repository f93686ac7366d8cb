"""Server request logs grouped into sessions: the per-session totals, peaks and
first values with ufunc.reduceat over sorted segments, the running best latency with
minimum.accumulate, and session boundaries found with np.flatnonzero on np.diff."""
import numpy as np


def main():
    rng = np.random.default_rng(2024)
    user = np.sort(rng.integers(0, 8, size=60))
    latency = rng.gamma(2.0, 15.0, size=60).round(1)
    nbytes = rng.integers(100, 5000, size=60)
    starts = np.flatnonzero(np.diff(user, prepend=-1))
    users = user[starts]
    totals = np.add.reduceat(nbytes, starts)
    peaks = np.maximum.reduceat(latency, starts)
    lows = np.minimum.reduceat(latency, starts)
    sizes = np.diff(np.append(starts, len(user)))
    mean_latency = np.add.reduceat(latency, starts) / sizes
    best_so_far = np.minimum.accumulate(latency)
    worst_so_far = np.fmax.accumulate(latency)
    improved = np.count_nonzero(np.diff(best_so_far) < 0)
    any_slow = np.logical_or.reduceat(latency > 60.0, starts)
    span = np.add.reduceat(np.ones_like(user), starts)
    # windows of fixed length (the last one shorter)
    window_sums = np.add.reduceat(nbytes, np.arange(0, len(nbytes), 7))
    table = np.column_stack([users, sizes, totals])
    return {"starts": starts, "users": users, "totals": totals, "peaks": peaks,
            "lows": lows, "mean_latency": mean_latency.round(3), "best": best_so_far,
            "worst": worst_so_far, "improved": improved, "any_slow": any_slow,
            "span": span, "window_sums": window_sums, "table": table,
            "dtype_totals": str(totals.dtype), "share": (totals / totals.sum()).round(4)}


if __name__ == "__main__":
    print(main())

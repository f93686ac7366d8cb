"""Per-call DLPack exchange latency: bridge vs NumPy and PyTorch, in one run.

    python benchmarks/bench_dlpack.py            # latency table, 1 and 10M elements
    python benchmarks/bench_dlpack.py --leak     # also 1M round trips, RSS before/after

The reference is ``torch.from_dlpack(numpy_array)`` measured in the same process; the
goal is bridge's exchanges at or below it, and independent of size (a capsule never
touches the data). Times are the best of several repeats (min is the least noisy
estimate of the cost on a shared machine), taken over interleaved rounds so that load
from other processes cannot favour one row.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import timeit

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import numpy as np  # noqa: E402
import torch  # noqa: E402

import bridge  # noqa: E402
from bridge import _dlpack  # noqa: E402

ext = _dlpack._ext


def per_call_ns(fn, number):
    """Nanoseconds per call of ``fn`` over one batch of ``number`` calls."""
    return timeit.timeit(fn, number=number) / number * 1e9


def cases(n):
    arr = _dlpack.aligned_empty((n,), "float64")
    arr[...] = 1.0
    t = bridge.asarray(arr)
    tt = torch.ones(n, dtype=torch.float64)
    rows = [
        ("torch.from_dlpack(numpy_array)   [reference]", lambda: torch.from_dlpack(arr)),
        ("bridge.from_dlpack(numpy_array)", lambda: bridge.from_dlpack(arr)),
        ("torch.from_dlpack(bridge_tensor)", lambda: torch.from_dlpack(t)),
        ("np.from_dlpack(bridge_tensor)", lambda: np.from_dlpack(t)),
        ("np.from_dlpack(numpy_array)", lambda: np.from_dlpack(arr)),
        ("bridge.from_dlpack(torch_tensor)  [torch's C table]", lambda: bridge.from_dlpack(tt)),
        ("np.from_dlpack(torch_tensor)", lambda: np.from_dlpack(tt)),
    ]
    if ext is not None:
        torch_type = torch.Tensor
        rows += [
            ("bridge -> torch via torch's C table", lambda: ext.exchange_export(t, torch_type)),
            ("torch -> ndarray via torch's C table (no Tensor)", lambda: ext.exchange_import(tt)),
        ]
    return rows


def latency_table(number, rounds):
    """Every row measured in each of ``rounds`` interleaved rounds; the table shows each
    row's best round. Interleaving makes load from other processes on a shared machine
    hit the reference and the rows compared with it alike."""
    sizes = (1, 10_000_000)
    rows = {n: cases(n) for n in sizes}
    for n in sizes:
        for _, fn in rows[n]:
            fn()  # warm caches (exchange-table lookup, type caches)
    best = {}
    for _ in range(rounds):
        for n in sizes:
            for name, fn in rows[n]:
                t = per_call_ns(fn, number)
                best[(name, n)] = min(best.get((name, n), t), t)
    names = [name for name, _ in rows[1]]
    reference = best[(names[0], 1)]
    print(f"{'exchange':52s} {'1 elem':>9s} {'10M elem':>9s} {'10M/1':>6s} {'vs ref':>7s}")
    for name in names:
        one, big = best[(name, 1)], best[(name, 10_000_000)]
        print(f"{name:52s} {one / 1e3:8.3f}µs {big / 1e3:8.3f}µs {big / one:6.2f} "
              f"{one / reference:6.2f}x")
    return best


def rss_mib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def leak_check(rounds):
    arr = np.arange(100.0)
    t = bridge.asarray(arr)
    tt = torch.arange(10.0)
    for _ in range(10_000):
        bridge.from_dlpack(arr)
        torch.from_dlpack(t)
        np.from_dlpack(t)
        bridge.from_dlpack(tt)
    gc.collect()
    before = rss_mib()
    for _ in range(rounds):
        bridge.from_dlpack(arr)
        torch.from_dlpack(t)
        np.from_dlpack(t)
        bridge.from_dlpack(tt)
    gc.collect()
    after = rss_mib()
    stats = ext.stats() if ext is not None else {}
    print(f"{rounds} round trips x 4 exchanges: RSS {before:.1f} -> {after:.1f} MiB "
          f"({after - before:+.2f} MiB); exports made {stats.get('exports_made')}, "
          f"freed {stats.get('exports_freed')}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=10_000, help="calls per batch")
    parser.add_argument("--repeat", type=int, default=15, help="interleaved rounds")
    parser.add_argument("--leak", action="store_true", help="also run the 1M leak check")
    parser.add_argument("--rounds", type=int, default=1_000_000)
    args = parser.parse_args()
    print(f"bridge C extension: {'built' if ext is not None else 'NOT BUILT'}; "
          f"numpy {np.__version__}, torch {torch.__version__}")
    latency_table(args.number, args.repeat)
    if args.leak:
        leak_check(args.rounds)


if __name__ == "__main__":
    main()

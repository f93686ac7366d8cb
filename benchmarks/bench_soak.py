"""Soak: 1M DLPack round trips each way with NumPy (and PyTorch when installed) and
100k backward passes, with the process's resident memory before and after.

``python benchmarks/bench_soak.py [--round-trips N] [--backward N]``. Resident memory
that keeps growing over the run is a leak; the numbers are printed, not asserted.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

import bridge


def rss_mib():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def soak(label, fn, n):
    fn()
    before = rss_mib()
    start = time.perf_counter()
    for _ in range(n):
        fn()
    elapsed = time.perf_counter() - start
    after = rss_mib()
    print(f"{label:44s} {n:>9d} calls  {elapsed / n * 1e6:7.2f} us/call  "
          f"RSS {before:8.1f} -> {after:8.1f} MiB ({after - before:+.1f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round-trips", type=int, default=1_000_000)
    parser.add_argument("--backward", type=int, default=100_000)
    parser.add_argument("--backend", default="numpy")
    args = parser.parse_args()
    bridge.set_backend(args.backend)
    a = np.ones(16)
    t = bridge.asarray(a)
    soak("NumPy -> bridge (from_dlpack)", lambda: bridge.from_dlpack(a), args.round_trips)
    soak("bridge -> NumPy (np.from_dlpack)", lambda: np.from_dlpack(t), args.round_trips)
    try:
        import torch
    except ImportError:
        torch = None
    if torch is not None:
        p = torch.ones(16)
        soak("PyTorch -> bridge (from_dlpack)", lambda: bridge.from_dlpack(p), args.round_trips)
        soak("bridge -> PyTorch (torch.from_dlpack)", lambda: torch.from_dlpack(t),
             args.round_trips)
    w = bridge.ones(16, requires_grad=True)

    def backward():
        loss = bridge.sum(bridge.tanh(w * 2.0) ** 2)
        loss.backward()

    soak("backward pass (3 ops, 16 elements)", backward, args.backward)
    print(f"final RSS {rss_mib():.1f} MiB")


if __name__ == "__main__":
    main()

"""The native backend against PyTorch CPU at the same thread count, over thread counts.

    python benchmarks/bench_cpu_threads.py [--threads 1,2,4,8,16] [--size N] [--json F]

Issue 20's table: for each thread count T, ``bridge.set_num_threads(T)`` and
``torch.set_num_threads(T)``, then each op on the same ``--size`` float64 inputs
(10M by default; matrices of about as many elements), best of ``--repeat`` calls,
native and PyTorch in turns so that machine noise hits both alike. Prints native ms,
PyTorch ms and native/PyTorch (target <= 1.0), and for the memory-bound ops the bytes
moved per second as a fraction of the machine's copy bandwidth measured at that
thread count (a STREAM-like copy into memory already touched, through NumPy's and
PyTorch's copy kernels: the faster is the floor; an op's fresh result also pays its
page faults, so on a machine where those are slow the fraction stays low).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import bridge  # noqa: E402


def best(fn, repeat):
    fn()
    t = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - start)
    return t


def cases(xb, yb, mb, xt, yt, mt, torch):
    """(name, bridge call, torch call, bytes moved or None for compute-bound)."""
    n = xb.shape[0]
    e = 8
    return [
        ("add", lambda: bridge.add(xb, yb), lambda: torch.add(xt, yt), 3 * n * e),
        ("multiply", lambda: bridge.multiply(xb, yb), lambda: torch.mul(xt, yt), 3 * n * e),
        ("exp", lambda: bridge.exp(xb), lambda: torch.exp(xt), None),
        ("log", lambda: bridge.log(bridge.abs(xb)), lambda: torch.log(torch.abs(xt)), None),
        ("sin", lambda: bridge.sin(xb), lambda: torch.sin(xt), None),
        ("tanh", lambda: bridge.tanh(xb), lambda: torch.tanh(xt), None),
        ("sqrt(abs)", lambda: bridge.sqrt(bridge.abs(xb)), lambda: torch.sqrt(torch.abs(xt)), None),
        ("sum", lambda: bridge.sum(xb), lambda: torch.sum(xt), n * e),
        ("max", lambda: bridge.max(xb), lambda: torch.max(xt), n * e),
        ("mean", lambda: bridge.mean(xb), lambda: torch.mean(xt), n * e),
        ("sum(axis=0)", lambda: bridge.sum(mb, axis=0), lambda: torch.sum(mt, dim=0), n * e),
        ("sum(axis=1)", lambda: bridge.sum(mb, axis=1), lambda: torch.sum(mt, dim=1), n * e),
        ("cumulative_sum", lambda: bridge.cumulative_sum(xb), lambda: torch.cumsum(xt, 0),
         2 * n * e),
        ("argsort 1M", lambda: bridge.argsort(xb[: n // 10]),
         lambda: torch.argsort(xt[: n // 10]), None),
        ("matmul 1024", None, None, None),  # filled below
    ]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", default=None,
                        help="comma-separated thread counts (default: 1, 2 and every power "
                             "of two up to the CPUs of this process)")
    parser.add_argument("--size", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    import torch

    cpus = len(os.sched_getaffinity(0))
    if args.threads:
        counts = [int(t) for t in args.threads.split(",")]
    else:
        counts = sorted({1, 2, *[2**k for k in range(1, 8) if 2**k <= cpus], cpus})
    rng = np.random.default_rng(0)
    n = args.size
    side = int(np.sqrt(n))
    x, y = rng.uniform(-5, 5, n), rng.uniform(-5, 5, n)
    m = rng.standard_normal((side, side))
    a, b = rng.standard_normal((1024, 1024)), rng.standard_normal((1024, 1024))
    results = {"cpus": cpus, "size": n, "torch": torch.__version__, "rows": []}
    with bridge.use_backend("native"):
        xb, yb, mb = bridge.asarray(x), bridge.asarray(y), bridge.asarray(m)
        ab, bb = bridge.asarray(a), bridge.asarray(b)
        xt, yt, mt = torch.from_numpy(x), torch.from_numpy(y), torch.from_numpy(m)
        at, bt = torch.from_numpy(a), torch.from_numpy(b)
        dst = np.empty_like(x)
        dst_t = torch.from_numpy(dst)
        table = cases(xb, yb, mb, xt, yt, mt, torch)
        table[-1] = ("matmul 1024", lambda: ab @ bb, lambda: at @ bt, None)
        print(f"native vs PyTorch CPU {torch.__version__}, {n} float64, {cpus} CPUs; "
              "ratio = native / PyTorch (target <= 1.0)")
        for threads in counts:
            bridge.set_num_threads(threads)
            torch.set_num_threads(threads)
            # the copy floor: one read and one write of n doubles into memory already
            # touched (a fresh result's page faults are the ops' own cost, not the floor)
            copy = min(best(lambda: np.copyto(dst, x), args.repeat),
                       best(lambda: dst_t.copy_(xt), args.repeat))
            bandwidth = 2 * n * 8 / copy
            print(f"\n-- {threads} threads (bridge {bridge.get_num_threads()}, torch "
                  f"{torch.get_num_threads()}); copy bandwidth {bandwidth / 1e9:.1f} GB/s")
            print(f"{'op':16s} {'native ms':>10s} {'torch ms':>10s} {'ratio':>7s} "
                  f"{'of copy bw':>10s}")
            for name, ours, theirs, moved in table:
                t_b = t_t = float("inf")
                for _ in range(2):  # in turns
                    t_b = min(t_b, best(ours, args.repeat))
                    t_t = min(t_t, best(theirs, args.repeat))
                frac = "" if moved is None else f"{moved / t_b / bandwidth:10.2f}"
                ratio = t_b / t_t
                print(f"{name:16s} {t_b * 1e3:10.3f} {t_t * 1e3:10.3f} {ratio:7.2f} {frac:>10s}"
                      f"  {'ok' if ratio <= 1.0 else 'MISS'}")
                results["rows"].append({"threads": threads, "op": name, "native_s": t_b,
                                        "torch_s": t_t, "ratio": ratio,
                                        "bandwidth_fraction": None if moved is None
                                        else moved / t_b / bandwidth})
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(results, fh, indent=1)


if __name__ == "__main__":
    main()

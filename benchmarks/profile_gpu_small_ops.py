"""Where bridge's host time goes for the small GPU ops that miss their latency target.

    python benchmarks/profile_gpu_small_ops.py [--calls N] [--top K]

For each op (``sum``, ``x[1:5]``, ``zeros(8)``, ``matmul`` 8×8) it runs N calls under
cProfile and prints the K functions with the most own time, next to the same calls of
raw CuPy, so the Python layers that bridge adds are visible by name.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import bridge  # noqa: E402


def profile(label, fn, calls, top):
    fn()
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(calls):
        fn()
    prof.disable()
    stream = io.StringIO()
    stats = pstats.Stats(prof, stream=stream).sort_stats("tottime")
    stats.print_stats(top)
    print(f"---- {label}: {calls} calls")
    lines = stream.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    print("\n".join(lines[start:start + top + 1]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    import cupy

    bridge.set_backend("cupy")
    a = cupy.asarray(np.arange(8, dtype=np.float32))
    m = cupy.asarray(np.ones((8, 8), dtype=np.float32))
    x, mx = bridge.asarray(a), bridge.asarray(m)
    cases = {
        "sum": (lambda: bridge.sum(x), lambda: cupy.sum(a)),
        "x[1:5]": (lambda: x[1:5], lambda: a[1:5]),
        "zeros(8)": (lambda: bridge.zeros(8, dtype=bridge.float32),
                     lambda: cupy.zeros(8, dtype=np.float32)),
        "matmul 8x8": (lambda: mx @ mx, lambda: m @ m),
    }
    for name, (ours, theirs) in cases.items():
        profile(f"bridge {name}", ours, args.calls, args.top)
        profile(f"cupy {name}", theirs, args.calls, args.top)
        cupy.cuda.runtime.deviceSynchronize()


if __name__ == "__main__":
    main()

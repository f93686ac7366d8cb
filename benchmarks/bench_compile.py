"""bridge.compile against NumPy, bridge eager, PyTorch eager and torch.compile, side by
side in one process.

``python benchmarks/bench_compile.py [--backend native|numpy|cupy] [--size N] [--json FILE]``

* The elementwise chain ``exp(a) * b + sin(c) - a / 2`` on 10M float64. Targets:
  compiled >= 3x NumPy's speed, and <= 1.0x torch.compile's time.
* An MLP training step, 784-256-10 at batch 128 (float32): the compiled loss and its
  ``.backward()`` (the default mode and ``mode="reduce-overhead"``, CUDA graphs on the
  GPU) against PyTorch eager and torch.compile (``reduce-overhead`` on the GPU).
  Targets: CPU <= 0.6x PyTorch eager; GPU <= 0.5x PyTorch eager and <= 1.0x
  torch.compile. The ratios take bridge's better mode.
* Compile time of the chain and of the MLP step: cold (empty disk cache) and from the
  disk cache (a new compiled function, the kernels loaded from disk). Targets: cold
  < 2 s, cached < 50 ms.

PyTorch runs at bridge's thread count. Each time is the best of several repeats.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from bench_func import best_time  # noqa: E402

import bridge  # noqa: E402


def chain(xp, a, b, c):
    return xp.exp(a) * b + xp.sin(c) - a / 2


def mlp_loss(xp, w1, b1, w2, b2, x, y):
    h = xp.tanh(x @ w1 + b1)
    out = h @ w2 + b2
    return xp.mean((out - y) ** 2)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="native")
    parser.add_argument("--size", type=int, default=10_000_000)
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    bridge.set_backend(args.backend)
    threads = bridge.get_num_threads()
    gpu = args.backend == "cupy"
    rows = []

    try:
        import torch

        torch.set_num_threads(threads)
        tdev = "cuda" if gpu else "cpu"
    except ImportError:
        torch = None

    if gpu:
        import cupy

        def sync():
            cupy.cuda.Device().synchronize()
            if torch is not None:
                torch.cuda.synchronize()
    else:
        def sync():
            pass

    # ---------------------------------------------------------------- the chain
    rng = np.random.default_rng(0)
    an, bn, cn = (rng.random(args.size) for _ in range(3))
    a, b, c = (bridge.asarray(v) for v in (an, bn, cn))
    compiled = bridge.compile(lambda a, b, c: chain(bridge, a, b, c))
    got = compiled(a, b, c)
    assert np.allclose(np.asarray(got.to_device("cpu") if gpu else got),
                       chain(np, an, bn, cn), rtol=1e-12, atol=1e-12), "compiled result differs"
    t_numpy = best_time(lambda: chain(np, an, bn, cn), sync, repeat=5, number=1)
    t_eager = best_time(lambda: chain(bridge, a, b, c), sync, repeat=5, number=1)
    t_comp = best_time(lambda: compiled(a, b, c), sync, repeat=5, number=1)
    row = {"case": f"chain exp(a)*b+sin(c)-a/2, {args.size:.0e} float64", "numpy_ms": t_numpy * 1e3,
           "bridge_eager_ms": t_eager * 1e3, "bridge_compiled_ms": t_comp * 1e3,
           "speedup_vs_numpy": t_numpy / t_comp}
    if torch is not None:
        ta, tb, tc = (torch.from_numpy(v).to(tdev) for v in (an, bn, cn))
        tfn = torch.compile(lambda a, b, c: chain(torch, a, b, c))
        tfn(ta, tb, tc)
        row["torch_eager_ms"] = best_time(lambda: chain(torch, ta, tb, tc), sync, repeat=5, number=1) * 1e3
        row["torch_compile_ms"] = best_time(lambda: tfn(ta, tb, tc), sync, repeat=5, number=1) * 1e3
        row["vs_torch_compile"] = row["bridge_compiled_ms"] / row["torch_compile_ms"]
    rows.append(row)

    # ---------------------------------------------------------------- compile time
    with tempfile.TemporaryDirectory() as cache:
        previous = os.environ.get("BRIDGE_COMPILE_CACHE")
        os.environ["BRIDGE_COMPILE_CACHE"] = cache
        from bridge._compile import _codegen

        small = [bridge.asarray(v[:1000]) for v in (an, bn, cn)]
        _codegen._LOADED.clear()
        f1 = bridge.compile(lambda a, b, c: chain(bridge, a, b, c) * 0.5)
        start = time.perf_counter()
        f1(*small)
        f1(*small)  # the first replay plans and builds the kernel
        cold = time.perf_counter() - start
        _codegen._LOADED.clear()
        f2 = bridge.compile(lambda a, b, c: chain(bridge, a, b, c) * 0.5)
        start = time.perf_counter()
        f2(*small)
        f2(*small)
        warm = time.perf_counter() - start
        if previous is None:
            del os.environ["BRIDGE_COMPILE_CACHE"]
        else:
            os.environ["BRIDGE_COMPILE_CACHE"] = previous
    rows.append({"case": "compile time of the chain (trace + plan + build)", "cold_s": cold,
                 "disk_cache_ms": warm * 1e3})

    # ---------------------------------------------------------------- MLP step
    batch, din, dh, dout = 128, 784, 256, 10
    xs = rng.normal(size=(batch, din)).astype(np.float32)
    ys = rng.normal(size=(batch, dout)).astype(np.float32)
    params = [rng.normal(size=s).astype(np.float32) * 0.05 for s in ((din, dh), (dh,), (dh, dout), (dout,))]
    bp = [bridge.asarray(p, requires_grad=True) for p in params]
    bx, by = bridge.asarray(xs), bridge.asarray(ys)
    loss = bridge.compile(lambda *t: mlp_loss(bridge, *t))

    def bridge_step(fn):
        for p in bp:
            p.grad = None
        fn(*bp, bx, by).backward()

    graphed = bridge.compile(lambda *t: mlp_loss(bridge, *t), mode="reduce-overhead")
    t_b_eager = best_time(lambda: bridge_step(lambda *t: mlp_loss(bridge, *t)), sync)
    t_b_comp = best_time(lambda: bridge_step(loss), sync)
    t_b_graph = best_time(lambda: bridge_step(graphed), sync)
    row = {"case": "MLP step 784-256-10, batch 128, float32", "bridge_eager_us": t_b_eager * 1e6,
           "bridge_compiled_us": t_b_comp * 1e6, "bridge_reduce_overhead_us": t_b_graph * 1e6}
    if torch is not None:
        tp = [torch.tensor(p, device=tdev, requires_grad=True) for p in params]
        tx, ty = torch.tensor(xs, device=tdev), torch.tensor(ys, device=tdev)

        def torch_step():
            for p in tp:
                p.grad = None
            mlp_loss(torch, *tp, tx, ty).backward()

        row["torch_eager_us"] = best_time(torch_step, sync) * 1e6
        best = min(t_b_comp, t_b_graph) * 1e6
        row["compiled_vs_torch_eager"] = best / row["torch_eager_us"]
        # torch.compile of the same loss (AOTAutograd compiles its backward too); on the
        # GPU with CUDA graphs, as bridge's reduce-overhead row
        tloss = torch.compile(lambda *t: mlp_loss(torch, *t),
                              mode="reduce-overhead" if gpu else None)

        def torch_compiled_step():
            for p in tp:
                p.grad = None
            tloss(*tp, tx, ty).backward()

        try:
            for _ in range(3):
                torch_compiled_step()
            row["torch_compile_us"] = best_time(torch_compiled_step, sync) * 1e6
            row["compiled_vs_torch_compile"] = best / row["torch_compile_us"]
        except Exception as exc:  # noqa: BLE001 - a torch.compile failure is reported, not fatal
            row["torch_compile_error"] = f"{type(exc).__name__}: {exc}"[:200]
    rows.append(row)

    # ---------------------------------------------------------------- MLP compile time
    with tempfile.TemporaryDirectory() as cache:
        previous = os.environ.get("BRIDGE_COMPILE_CACHE")
        os.environ["BRIDGE_COMPILE_CACHE"] = cache
        from bridge._compile import _codegen

        def first_steps():
            fn = bridge.compile(lambda *t: mlp_loss(bridge, *t) * 1.0)
            start = time.perf_counter()
            for _ in range(2):  # the trace (forward and backward), then the plans and kernels
                bridge_step(fn)
            sync()
            return time.perf_counter() - start, fn

        _codegen._LOADED.clear()
        cold, _ = first_steps()
        _codegen._LOADED.clear()
        warm, _ = first_steps()
        start = time.perf_counter()
        bridge_step(loss)
        sync()
        replay = time.perf_counter() - start
        if previous is None:
            del os.environ["BRIDGE_COMPILE_CACHE"]
        else:
            os.environ["BRIDGE_COMPILE_CACHE"] = previous
    rows.append({"case": "compile time of the MLP step (trace fwd+bwd, plan, build; 2 calls)",
                 "cold_s": cold, "disk_cache_ms": warm * 1e3,
                 "disk_cache_minus_replay_ms": (warm - 2 * replay) * 1e3})

    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, {threads} threads"
    print(f"bridge.compile benchmark ({args.backend} backend; {machine})")
    for row in rows:
        print("  " + "; ".join(f"{k}={v:.3g}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"backend": args.backend, "machine": machine, "rows": rows}, f, indent=1)
    return rows


if __name__ == "__main__":
    main()

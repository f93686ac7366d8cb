"""bridge.func against torch.func, side by side in one process.

``python benchmarks/bench_func.py [--backend numpy|native|cupy] [--json FILE]``

* Per-example gradients, ``vmap(grad(loss), in_dims=(None, 0, 0))``: a 784-256-10 MLP
  at batch 64, and an 8-32-10 MLP at batch 256, where dispatch dominates (also
  against a Python loop of ``grad`` over the examples). Targets: <= 1.0x torch.func;
  the small one >= 20x the loop.
* ``jacrev`` and ``jacfwd`` of a 100 -> 100 function. Target: <= 1.0x torch.func.
* ``hessian`` of a scalar function of 1000 parameters. Target: <= 1.0x torch.func.

Each time is the best of several repeats (float32 tensors; on the cupy backend
PyTorch runs on CUDA and both sides synchronise before the clock stops).
"""

from __future__ import annotations

import argparse
import json
import platform
import time

import numpy as np

import bridge
from bridge import func as F


def best_time(fn, sync, repeat=7, number=None):
    fn()
    sync()
    if number is None:  # calls per repeat: about 0.2 s
        start = time.perf_counter()
        fn()
        sync()
        once = max(time.perf_counter() - start, 1e-6)
        number = max(1, min(200, int(0.2 / once)))
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        sync()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def _leaves(tree):
    if isinstance(tree, (list, tuple)):
        return [leaf for item in tree for leaf in _leaves(item)]
    if isinstance(tree, dict):
        return [leaf for k in sorted(tree) for leaf in _leaves(tree[k])]
    return [tree]


def mlp_loss(xp, params, x, y):
    h = x
    for i, (w, b) in enumerate(params):
        h = h @ w + b
        if i < len(params) - 1:
            h = xp.tanh(h)
    return xp.mean((h - y) ** 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="numpy")
    parser.add_argument("--json", default=None)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    import torch
    import torch.func as tf

    bridge.set_backend(args.backend)
    gpu = args.backend == "cupy"
    tdev = "cuda" if gpu else "cpu"
    torch.set_num_threads(max(1, bridge.get_num_threads()))
    rng = np.random.default_rng(0)

    def sync_b():
        if gpu:
            import cupy

            cupy.cuda.runtime.deviceSynchronize()

    def sync_t():
        if gpu:
            torch.cuda.synchronize()

    def both(a):
        return bridge.asarray(a), torch.from_numpy(a).to(tdev)

    import array_api_compat.torch as xt

    rows = []

    def record(name, t_bridge, t_torch, extra=None, target=1.0):
        ratio = t_bridge / t_torch
        row = {"case": name, "bridge_ms": t_bridge * 1e3, "torch_func_ms": t_torch * 1e3,
               "ratio": ratio, "target": target}
        if extra:
            row.update(extra)
        rows.append(row)
        more = "".join(f"  {k} {v:.1f}x" if isinstance(v, float) else "" for k, v in (extra or {}).items())
        print(f"{name:44s} {t_bridge * 1e3:10.3f} {t_torch * 1e3:10.3f} {ratio:7.2f}"
              f"  {'ok' if ratio <= target else 'MISS'}{more}")

    print(f"bridge.func vs torch.func, backend {args.backend}, {platform.processor() or platform.machine()}")
    print(f"{'case':44s} {'bridge ms':>10s} {'torch ms':>10s} {'ratio':>7s}")

    def check(ours_out, theirs_out, name):
        """The two results agree (float32): a benchmark of a wrong answer means nothing."""
        a = [np.asarray(bridge.asarray(o).to_device("cpu")) for o in _leaves(ours_out)]
        b = [t.detach().cpu().numpy() for t in _leaves(theirs_out)]
        for u, v in zip(a, b):
            if u.shape != v.shape or not np.allclose(u, v, rtol=2e-3, atol=2e-4):
                raise AssertionError(f"{name}: bridge and torch.func disagree")

    def per_example(sizes, batch, with_loop):
        ps = [(rng.standard_normal((a, b)).astype(np.float32) * 0.1,
               rng.standard_normal(b).astype(np.float32) * 0.1) for a, b in zip(sizes[:-1], sizes[1:])]
        x = rng.standard_normal((batch, sizes[0])).astype(np.float32)
        y = rng.standard_normal((batch, sizes[-1])).astype(np.float32)
        pb = [(both(w)[0], both(b)[0]) for w, b in ps]
        pt = [(both(w)[1], both(b)[1]) for w, b in ps]
        xb, xtt = both(x)
        yb, ytt = both(y)
        ours = F.vmap(F.grad(lambda p, a, c: mlp_loss(bridge, p, a, c)), in_dims=(None, 0, 0))
        theirs = tf.vmap(tf.grad(lambda p, a, c: mlp_loss(xt, p, a, c)), in_dims=(None, 0, 0))
        name = f"vmap(grad) MLP {'-'.join(map(str, sizes))} batch {batch}"
        check(ours(pb, xb, yb), theirs(pt, xtt, ytt), name)
        t_b = best_time(lambda: ours(pb, xb, yb), sync_b, args.repeat)
        t_t = best_time(lambda: theirs(pt, xtt, ytt), sync_t, args.repeat)
        extra = None
        if with_loop:
            g = F.grad(lambda p, a, c: mlp_loss(bridge, p, a, c))
            t_loop = best_time(lambda: [g(pb, xb[i], yb[i]) for i in range(batch)], sync_b, 3,
                               number=1)
            extra = {"vs_loop": t_loop / t_b}
        record(name, t_b, t_t, extra)

    def jacobian(label, ours_t, theirs_t, fb, ft, xb0, xt0):
        jb, jt = ours_t(fb), theirs_t(ft)
        check(jb(xb0), jt(xt0), label)
        record(label, best_time(lambda: jb(xb0), sync_b, args.repeat),
               best_time(lambda: jt(xt0), sync_t, args.repeat))

    per_example((784, 256, 10), 64, False)
    per_example((8, 32, 10), 256, True)

    # ---- Jacobians of a 100 -> 100 function
    n = 100
    wb, wt = both((rng.standard_normal((n, n)) / np.sqrt(n)).astype(np.float32))
    xb0, xt0 = both(rng.standard_normal(n).astype(np.float32))

    def f(xp, W):
        return lambda v: xp.tanh(W @ v) * v + xp.sin(v)

    jacobian("jacrev of a 100 -> 100 function", F.jacrev, tf.jacrev, f(bridge, wb), f(xt, wt),
             xb0, xt0)
    jacobian("jacfwd of a 100 -> 100 function", F.jacfwd, tf.jacfwd, f(bridge, wb), f(xt, wt),
             xb0, xt0)

    # ---- Hessian of a 1000-parameter scalar function
    m = 1000
    ab, at_ = both((rng.standard_normal(m) * 0.1).astype(np.float32))
    xb1, xt1 = both(rng.standard_normal(m).astype(np.float32))

    def scalar(xp, A):
        return lambda v: xp.sum(xp.tanh(v) ** 2 * A) + xp.sum(v[1:] * v[:-1])

    jacobian("hessian of a 1000-parameter function", F.hessian, tf.hessian, scalar(bridge, ab),
             scalar(xt, at_), xb1, xt1)

    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"backend": args.backend, "rows": rows}, fh, indent=1)


if __name__ == "__main__":
    main()

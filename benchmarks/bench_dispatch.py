"""Dispatch cost of everyday calls on tiny inputs: bridge vs NumPy vs PyTorch CPU.

Run: ``python benchmarks/bench_dispatch.py [--backend numpy|native] [--grad] [--json F]``.

Each case is one call on 8-16 elements, timed side by side in one process (best of
several repeats, microseconds per call). It prints, per case:

* ``bridge`` on the selected backend, ``numpy`` (the raw NumPy call the numpy backend
  makes), ``torch`` (PyTorch CPU, one thread);
* ``cost``: bridge minus NumPy, the dispatch cost (issue 14: median <= 0.15 us,
  worst <= 0.5 us on the numpy backend);
* ``/torch``: bridge / PyTorch (issue 14: <= 1.0 on the native backend).

With ``--grad`` every float input requires grad in both bridge and PyTorch (both then
record a graph node), and the bridge/PyTorch ratio is the one that counts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import timeit

import numpy as np

import bridge as xp

try:
    import torch
except ImportError:  # PyTorch is optional; its column is then empty
    torch = None


def best_per_call(fn, repeat=7, budget=0.02):
    """Best of ``repeat`` timings, in microseconds per call; each timing runs about
    ``budget`` seconds worth of calls."""
    fn()
    number = max(1, int(budget / max(timeit.timeit(fn, number=10) / 10, 1e-9)))
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number * 1e6


def cases(grad: bool):
    """name -> (bridge call, NumPy call, PyTorch call or None)."""
    rng = np.random.default_rng(0)
    a = rng.random(8)
    b = rng.random(8)
    m = rng.random((4, 4))
    m2 = rng.random((2, 8))
    idx = np.array([0, 3, 5])
    mask = a > 0.5
    ia = np.arange(8)

    def bt(arr):
        t = xp.asarray(arr)
        if grad and arr.dtype.kind == "f":
            t.requires_grad_()
        return t

    x, y, mx, x2 = bt(a), bt(b), bt(m), bt(m2)
    bi, bmask, bint = xp.asarray(idx), xp.asarray(mask), xp.asarray(ia)
    # in-place targets are never leaves that require grad (in-place on one is an error in
    # bridge and PyTorch alike); with --grad they carry a history (w = x * 1), so that
    # both libraries record every in-place write and indexed store
    w, wa = xp.asarray(a.copy()), a.copy()
    if grad:
        w = x * 1.0

    def tt(arr):
        t = torch.from_numpy(arr.copy())
        if grad and arr.dtype.kind == "f":
            t.requires_grad_()
        return t

    out = {}

    def case(name, bridge_call, numpy_call, torch_call=None):
        out[name] = (bridge_call, numpy_call, torch_call)

    if torch is not None:
        tx, ty, tmx, tx2 = tt(a), tt(b), tt(m), tt(m2)
        ti, tmask, tint = torch.from_numpy(idx), torch.from_numpy(mask), torch.from_numpy(ia)
        tw = torch.from_numpy(a.copy())
        if grad:
            tw = tx * 1.0
    else:
        tx = ty = tmx = tx2 = ti = tmask = tint = tw = None

    def T(f):  # noqa: N802 - a torch call, or None without torch
        return f if torch is not None else None

    # arithmetic and comparison operators, tensors and Python scalars
    case("x + y", lambda: x + y, lambda: a + b, T(lambda: tx + ty))
    case("x - y", lambda: x - y, lambda: a - b, T(lambda: tx - ty))
    case("x * y", lambda: x * y, lambda: a * b, T(lambda: tx * ty))
    case("x / y", lambda: x / y, lambda: a / b, T(lambda: tx / ty))
    case("x * 2.0", lambda: x * 2.0, lambda: a * 2.0, T(lambda: tx * 2.0))
    case("2 + x", lambda: 2 + x, lambda: 2 + a, T(lambda: 2 + tx))
    case("x ** 2", lambda: x ** 2, lambda: a ** 2, T(lambda: tx ** 2))
    case("-x", lambda: -x, lambda: -a, T(lambda: -tx))
    case("x < y", lambda: x < y, lambda: a < b, T(lambda: tx < ty))
    case("x == 0.5", lambda: x == 0.5, lambda: a == 0.5, T(lambda: tx == 0.5))
    # in-place operators
    case("w += y", lambda: w.__iadd__(y), lambda: wa.__iadd__(b), T(lambda: tw.__iadd__(ty)))
    case("w *= 2.0", lambda: w.__imul__(1.0), lambda: wa.__imul__(1.0), T(lambda: tw.__imul__(1.0)))
    # unary math
    case("exp(x)", lambda: xp.exp(x), lambda: np.exp(a), T(lambda: torch.exp(tx)))
    case("sin(x)", lambda: xp.sin(x), lambda: np.sin(a), T(lambda: torch.sin(tx)))
    case("sqrt(x)", lambda: xp.sqrt(x), lambda: np.sqrt(a), T(lambda: torch.sqrt(tx)))
    case("abs(x)", lambda: xp.abs(x), lambda: np.abs(a), T(lambda: torch.abs(tx)))
    case("where(x<y, x, y)", lambda: xp.where(bmask, x, y), lambda: np.where(mask, a, b),
         T(lambda: torch.where(tmask, tx, ty)))
    # reductions
    case("sum(x)", lambda: xp.sum(x), lambda: np.sum(a), T(lambda: torch.sum(tx)))
    case("sum(X, axis=0)", lambda: xp.sum(mx, axis=0), lambda: np.sum(m, axis=0),
         T(lambda: torch.sum(tmx, dim=0)))
    case("max(x)", lambda: xp.max(x), lambda: np.max(a), T(lambda: torch.max(tx)))
    case("max(X, axis=1)", lambda: xp.max(mx, axis=1), lambda: np.max(m, axis=1),
         T(lambda: torch.amax(tmx, dim=1)))
    case("mean(x)", lambda: xp.mean(x), lambda: np.mean(a), T(lambda: torch.mean(tx)))
    case("mean(X, axis=0)", lambda: xp.mean(mx, axis=0), lambda: np.mean(m, axis=0),
         T(lambda: torch.mean(tmx, dim=0)))
    case("std(x)", lambda: xp.std(x), lambda: np.std(a),
         T(lambda: torch.std(tx, correction=0)))
    case("argmax(x)", lambda: xp.argmax(x), lambda: np.argmax(a), T(lambda: torch.argmax(tx)))
    case("argmax(X, axis=1)", lambda: xp.argmax(mx, axis=1), lambda: np.argmax(m, axis=1),
         T(lambda: torch.argmax(tmx, dim=1)))
    # shapes
    case("reshape(x, (2, 4))", lambda: xp.reshape(x, (2, 4)), lambda: np.reshape(a, (2, 4)),
         T(lambda: torch.reshape(tx, (2, 4))))
    case("expand_dims(x, 0)", lambda: xp.expand_dims(x, axis=0),
         lambda: np.expand_dims(a, 0), T(lambda: torch.unsqueeze(tx, 0)))
    case("broadcast_to(x, (2, 8))", lambda: xp.broadcast_to(x, (2, 8)),
         lambda: np.broadcast_to(a, (2, 8)), T(lambda: torch.broadcast_to(tx, (2, 8))))
    case("concat([x, y])", lambda: xp.concat([x, y]), lambda: np.concatenate([a, b]),
         T(lambda: torch.cat([tx, ty])))
    case("stack([x, y])", lambda: xp.stack([x, y]), lambda: np.stack([a, b]),
         T(lambda: torch.stack([tx, ty])))
    case("take(x, i)", lambda: xp.take(x, bi, axis=0), lambda: np.take(a, idx, axis=0),
         T(lambda: torch.index_select(tx, 0, ti)))
    case("permute_dims(X)", lambda: xp.permute_dims(mx, (1, 0)),
         lambda: np.transpose(m, (1, 0)), T(lambda: torch.permute(tmx, (1, 0))))
    # linear algebra
    case("x @ y (1-D)", lambda: x @ y, lambda: a @ b, T(lambda: tx @ ty))
    case("X @ X (4x4)", lambda: mx @ mx, lambda: m @ m, T(lambda: tmx @ tmx))
    case("matmul(X2, x)", lambda: xp.matmul(x2, x), lambda: np.matmul(m2, a),
         T(lambda: torch.matmul(tx2, tx)))
    # (the numpy column is the arithmetic the numpy backend runs, NumPy's pairwise sum of
    # the squares; np.linalg.norm(a), 1-D, is a BLAS dot product, whose rounding differs)
    case("vector_norm(x)", lambda: xp.linalg.vector_norm(x), lambda: np.sqrt(np.add.reduce(a * a)),
         T(lambda: torch.linalg.vector_norm(tx)))
    # dtype
    case("astype(x, float32)", lambda: xp.astype(x, xp.float32),
         lambda: a.astype(np.float32), T(lambda: tx.to(torch.float32)))
    # indexing reads: every key kind
    case("x[2]", lambda: x[2], lambda: a[2], T(lambda: tx[2]))
    case("x[1:5]", lambda: x[1:5], lambda: a[1:5], T(lambda: tx[1:5]))
    case("X[1, :]", lambda: mx[1, :], lambda: m[1, :], T(lambda: tmx[1, :]))
    case("x[None]", lambda: x[None], lambda: a[None], T(lambda: tx[None]))
    case("X[..., 0]", lambda: mx[..., 0], lambda: m[..., 0], T(lambda: tmx[..., 0]))
    case("x[mask]", lambda: x[bmask], lambda: a[mask], T(lambda: tx[tmask]))
    case("x[idx]", lambda: x[bi], lambda: a[idx], T(lambda: tx[ti]))
    # indexing writes
    case("w[2] = 1.0", lambda: w.__setitem__(2, 1.0), lambda: wa.__setitem__(2, 1.0),
         T(lambda: tw.__setitem__(2, 1.0)))
    case("w[1:5] = 0.0", lambda: w.__setitem__(slice(1, 5), 0.0),
         lambda: wa.__setitem__(slice(1, 5), 0.0), T(lambda: tw.__setitem__(slice(1, 5), 0.0)))
    case("w[mask] = 0.0", lambda: w.__setitem__(bmask, 0.0),
         lambda: wa.__setitem__(mask, 0.0), T(lambda: tw.__setitem__(tmask, 0.0)))
    case("w[idx] = 1.0", lambda: w.__setitem__(bi, 1.0), lambda: wa.__setitem__(idx, 1.0),
         T(lambda: tw.__setitem__(ti, 1.0)))
    # creation
    case("asarray(ndarray)", lambda: xp.asarray(a), lambda: np.asarray(a),
         T(lambda: torch.as_tensor(a)))
    case("asarray([1., 2., 3.])", lambda: xp.asarray([1.0, 2.0, 3.0]),
         lambda: np.asarray([1.0, 2.0, 3.0]), T(lambda: torch.tensor([1.0, 2.0, 3.0])))
    case("zeros(8)", lambda: xp.zeros(8), lambda: np.zeros(8), T(lambda: torch.zeros(8)))
    case("full(8, 2.0)", lambda: xp.full(8, 2.0), lambda: np.full(8, 2.0),
         T(lambda: torch.full((8,), 2.0)))
    case("arange(8)", lambda: xp.arange(8), lambda: np.arange(8), T(lambda: torch.arange(8)))
    case("linspace(0, 1, 8)", lambda: xp.linspace(0, 1, 8), lambda: np.linspace(0, 1, 8),
         T(lambda: torch.linspace(0, 1, 8)))
    case("zeros_like(x)", lambda: xp.zeros_like(x), lambda: np.zeros_like(a),
         T(lambda: torch.zeros_like(tx)))
    del bint, tint
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", default=None, help="bridge backend (default: selected)")
    parser.add_argument("--grad", action="store_true", help="float inputs require grad")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", default=None, help="also write the rows to this file")
    args = parser.parse_args()
    if args.backend:
        xp.set_backend(args.backend)
    if torch is not None:
        torch.set_num_threads(1)
    rows = []
    print(f"backend={xp.get_backend()} grad={args.grad} (us per call, best of {args.repeat})")
    print(f"{'call':26} {'bridge':>8} {'numpy':>8} {'torch':>8} {'cost':>7} {'/numpy':>7} "
          f"{'/torch':>7}")
    for name, (fb, fn, ft) in cases(args.grad).items():
        tb = best_per_call(fb, args.repeat)
        tn = best_per_call(fn, args.repeat)
        tt = best_per_call(ft, args.repeat) if ft is not None else float("nan")
        rows.append(dict(call=name, bridge=tb, numpy=tn, torch=tt, cost=tb - tn))
        print(f"{name:26} {tb:8.3f} {tn:8.3f} {tt:8.3f} {tb - tn:7.3f} {tb / tn:7.2f} "
              f"{tb / tt:7.2f}")
    costs = [r["cost"] for r in rows]
    vs_torch = [r["bridge"] / r["torch"] for r in rows if r["torch"] == r["torch"]]
    print(f"\n{len(rows)} calls. dispatch cost (bridge - numpy): median {statistics.median(costs):.3f} us, "
          f"worst {max(costs):.3f} us ({max(rows, key=lambda r: r['cost'])['call']})")
    if vs_torch:
        worst = max(rows, key=lambda r: r["bridge"] / r["torch"])
        print(f"bridge/torch: median {statistics.median(vs_torch):.2f}, worst "
              f"{max(vs_torch):.2f} ({worst['call']}); {sum(v <= 1.0 for v in vs_torch)} of "
              f"{len(vs_torch)} calls <= 1.0")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(dict(backend=xp.get_backend(), grad=args.grad, rows=rows), fh, indent=1)


if __name__ == "__main__":
    main()

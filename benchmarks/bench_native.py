"""Native backend vs NumPy, side by side in one run.

    python benchmarks/bench_native.py [--threads N] [--repeat R]
    python benchmarks/bench_native.py --only-vmath [--size N]   # + PyTorch CPU
    python benchmarks/bench_native.py --only-reductions [--threads N]   # + PyTorch CPU
    python benchmarks/bench_native.py --only-reductions --baseline OLD/_native.so

Prints, for each case, the best time of the numpy backend's kernel, of the native
kernel, their ratio (native / numpy; below 1 is faster) and the issue's target. Both
run on the same inputs, alternately, so machine noise hits both alike. The thread count
of the native kernels is printed (NumPy's own element-wise loops are single-threaded;
its matmul uses OpenBLAS threads).

The transcendental section (``vmath``) also times PyTorch CPU, when it is installed,
with ``torch.set_num_threads`` equal to the native thread count, and prints native/NumPy
and native/PyTorch for exp, log, sin, tanh, sqrt and pow on float64 and float32, with
the SIMD level of the native kernels and the time of a plain copy kernel (``negative``:
one read and one fresh write, the memory floor of any unary op at that size).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import bridge  # noqa: E402
from bridge.backends import load_backend  # noqa: E402


def best_time(func, repeat, number=1):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            func()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def torch_at_bridge_threads():
    """(torch or None when it is not installed, bridge's thread count), PyTorch set to
    bridge's thread count so that both libraries compute on the same cores."""
    try:
        import torch
    except ImportError:
        torch = None
    threads = bridge.get_num_threads()
    if torch is not None:
        torch.set_num_threads(threads)
    return torch, threads


def interleaved_best(calls, repeat):
    """Each call's best time (seconds), the calls taking turns in every repeat so that
    load on the machine falls on all of them alike; each is run once first (the
    first-touch page faults of its result, the thread pool's start)."""
    for call in calls.values():
        call()
    best = {k: float("inf") for k in calls}
    for _ in range(repeat):
        for k, call in calls.items():
            best[k] = min(best[k], best_time(call, 1))
    return best


def compare(name, numpy_call, native_call, target, repeat, number=1):
    # warm both (page faults of first allocations, lazy thread start)
    numpy_call()
    native_call()
    t_numpy = t_native = float("inf")
    for _ in range(repeat):
        t_numpy = min(t_numpy, best_time(numpy_call, 1, number))
        t_native = min(t_native, best_time(native_call, 1, number))
    ratio = t_native / t_numpy
    unit, scale = ("us", 1e6) if t_numpy < 1e-3 else ("ms", 1e3)
    verdict = "ok" if ratio <= target else "MISS"
    print(f"{name:44s} numpy {t_numpy * scale:9.3f} {unit}  native {t_native * scale:9.3f} {unit}"
          f"  ratio {ratio:5.2f}  (target <= {target:.2f}) {verdict}")
    return ratio


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=None, help="native threads")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--only-complex", action="store_true",
                        help="only the complex128 functions section")
    parser.add_argument("--only-vmath", action="store_true",
                        help="only the transcendental functions against NumPy and PyTorch")
    parser.add_argument("--only-reductions", action="store_true",
                        help="only sum/mean/max/argmax/argmin against NumPy and PyTorch")
    parser.add_argument("--baseline", default=None, metavar="SO",
                        help="with --only-reductions: another build of _native (its .so) "
                             "timed in the same process against this one")
    parser.add_argument("--size", type=int, default=10_000_000,
                        help="elements of the transcendental section's inputs")
    args = parser.parse_args(argv)
    if args.threads:
        bridge.set_num_threads(args.threads)
    ref = load_backend("numpy").kernels
    nat = load_backend("native").kernels
    if args.only_vmath:
        transcendental(ref, nat, args.repeat, args.size)
        return
    if args.only_reductions:
        if args.baseline:
            reductions_against(args.baseline, args.repeat)
        else:
            reductions(ref, nat, args.repeat)
        return
    if args.only_complex:
        print(f"native threads: {bridge.get_num_threads()}")
        complex_functions(ref, nat, args.repeat)
        return
    print(f"native threads: {bridge.get_num_threads()}, CPUs visible: {os.cpu_count()}, "
          f"affinity: {len(os.sched_getaffinity(0))}")
    rng = np.random.default_rng(0)
    n = 10_000_000
    x = rng.uniform(-5.0, 5.0, n)
    y = rng.uniform(-5.0, 5.0, n)
    pos = np.abs(x) + 1e-3
    r = args.repeat
    compare("add 10M float64", lambda: ref["add"](x, y), lambda: nat["add"](x, y), 0.75, r)
    compare("multiply 10M float64", lambda: ref["multiply"](x, y),
            lambda: nat["multiply"](x, y), 0.75, r)
    compare("exp 10M float64", lambda: ref["exp"](x), lambda: nat["exp"](x), 0.5, r)
    compare("log 10M float64", lambda: ref["log"](pos), lambda: nat["log"](pos), 0.5, r)
    for name in ("log2", "log10", "log1p"):  # the same kernel as log (src/vmath.h)
        compare(f"{name} 10M float64", lambda name=name: ref[name](pos),
                lambda name=name: nat[name](pos), 0.5, r)
    compare("sin 10M float64", lambda: ref["sin"](x), lambda: nat["sin"](x), 0.5, r)
    compare("sum 10M float64", lambda: ref["sum"](x, axis=None, dtype=None, keepdims=False),
            lambda: nat["sum"](x, axis=None, dtype=None, keepdims=False), 1.0, r)
    for name in ("max", "min"):
        compare(f"{name} 10M float64",
                lambda name=name: ref[name](x, axis=None, keepdims=False),
                lambda name=name: nat[name](x, axis=None, keepdims=False), 1.0, r)
    m = rng.standard_normal((3000, 3000))
    compare("sum axis 0 of 3000x3000 float64",
            lambda: ref["sum"](m, axis=(0,), dtype=None, keepdims=False),
            lambda: nat["sum"](m, axis=(0,), dtype=None, keepdims=False), 1.0, r)
    for dt in ("float64", "float32"):
        a = rng.standard_normal((1024, 1024)).astype(dt)
        b = rng.standard_normal((1024, 1024)).astype(dt)
        label = " [numpy fallback]" if nat["matmul"] is ref["matmul"] else ""
        compare(f"matmul 1024x1024 {dt}{label}", lambda a=a, b=b: ref["matmul"](a, b),
                lambda a=a, b=b: nat["matmul"](a, b), 1.1, r)
    # small products: the native kernel must not be slower than the numpy backend's
    for size, number in ((64, 200), (8, 5000)):
        a = rng.standard_normal((size, size))
        compare(f"matmul {size}x{size} float64{label}", lambda a=a: ref["matmul"](a, a),
                lambda a=a: nat["matmul"](a, a), 1.0, r, number)
    # latency through the public API: the numpy backend vs the native backend
    s1 = bridge.asarray(np.arange(8.0))
    s2 = bridge.asarray(np.arange(8.0) + 1)

    def with_backend(name, func):
        def call():
            with bridge.use_backend(name):
                start = time.perf_counter()
                for _ in range(2000):
                    func()
                return time.perf_counter() - start
        return call

    for label, func in (("add", lambda: bridge.add(s1, s2)), ("exp", lambda: bridge.exp(s1)),
                        ("sum", lambda: bridge.sum(s1))):
        t_numpy = min(with_backend("numpy", func)() for _ in range(r)) / 2000
        t_native = min(with_backend("native", func)() for _ in range(r)) / 2000
        ratio = t_native / t_numpy
        print(f"{'8-element ' + label + ' (bridge API)':44s} numpy {t_numpy * 1e6:9.3f} us  "
              f"native {t_native * 1e6:9.3f} us  ratio {ratio:5.2f}  (target <= 1.00) "
              f"{'ok' if ratio <= 1.0 else 'MISS'}")
    reductions(ref, nat, r)
    transcendental(ref, nat, r, args.size)
    complex_functions(ref, nat, r)
    rng = np.random.default_rng(2)
    sort_and_unique(ref, nat, rng, r)
    replication_benchmarks(ref, nat, rng, r)
    bench_indexing(ref, nat, r)


# ---------------------------------------------------------------- reductions

REDUCTION_CASES = ("sum", "mean", "max", "argmax", "argmin")


def reductions(ref, nat, repeat):
    """sum, mean, max, argmax, argmin of 10M float64 (contiguous) and over axis 0 and
    axis 1 of 3162x3162 float64: native, NumPy and PyTorch CPU (same thread count) in
    turns, best of `repeat`. Targets (issue 20): native <= 0.8x NumPy and <= 1.0x PyTorch.
    Also the memory floor: 80 MB read at the bandwidth of a read-only pass (NumPy's
    count of nonzero bytes is not one; a sum of 4 interleaved float64 streams is
    arithmetic-light: the best native sum is the reference) and of a copy."""
    torch, threads = torch_at_bridge_threads()
    print(f"\nreductions of float64, threads: native {threads}"
          + (f", PyTorch {torch.get_num_threads()} (torch {torch.__version__})" if torch else
             ", PyTorch not installed"))
    print(f"{'':24s} {'native':>9s} {'numpy':>9s} {'torch':>9s}   "
          f"{'nat/np':>6s} {'nat/torch':>9s}  {'GB/s':>5s}")
    rng = np.random.default_rng(5)
    flat = rng.standard_normal(10_000_000)
    square = rng.standard_normal((3162, 3162))
    out = np.empty_like(flat)
    copy_time = min(best_time(lambda: np.copyto(out, flat), 1) for _ in range(repeat))
    print(f"{'copy 10M float64':24s} {copy_time * 1e3:7.2f}ms (numpy copyto: "
          f"{2 * flat.nbytes / copy_time / 1e9:.1f} GB/s read + write)")
    rows = []
    for label, x, axis in (("10M", flat, None), ("3162^2 axis 0", square, 0),
                           ("3162^2 axis 1", square, 1)):
        t = torch.from_numpy(x) if torch is not None else None
        for name in REDUCTION_CASES:
            if name in ("sum", "mean"):
                args = {"axis": None if axis is None else (axis,), "keepdims": False}
                if name == "sum":
                    args["dtype"] = None
            elif name == "max":
                args = {"axis": None if axis is None else (axis,), "keepdims": False}
            else:
                args = {"axis": axis, "keepdims": False}
            calls = {"native": lambda name=name, a=args, x=x: nat[name](x, **a),
                     "numpy": lambda name=name, a=args, x=x: ref[name](x, **a)}
            if t is not None:
                if axis is None:
                    tcall = {"max": lambda t=t: torch.max(t)}.get(
                        name, lambda name=name, t=t: getattr(torch, name)(t))
                else:
                    tcall = {"max": lambda t=t, ax=axis: torch.amax(t, dim=ax)}.get(
                        name, lambda name=name, t=t, ax=axis: getattr(torch, name)(t, dim=ax))
                calls["torch"] = tcall
            best = interleaved_best(calls, repeat)
            t_torch = best.get("torch", float("nan"))
            r_np, r_torch = best["native"] / best["numpy"], best["native"] / t_torch
            rows.append((f"{name} {label}", r_np, r_torch))
            print(f"{name + ' ' + label:24s} {best['native'] * 1e3:7.2f}ms "
                  f"{best['numpy'] * 1e3:7.2f}ms {t_torch * 1e3:7.2f}ms   {r_np:6.2f} "
                  f"{r_torch:9.2f}  {x.nbytes / best['native'] / 1e9:5.1f}"
                  f"   {'ok' if r_np <= 0.8 else 'MISS'}/np "
                  f"{'ok' if r_torch <= 1.0 else 'MISS'}/torch")
    return rows


def reductions_against(baseline_so, repeat):
    """The reduction cases at the C entry points of two builds of the native extension
    in one process (the baseline's .so loaded under another module name), NumPy and
    PyTorch, called alternately: before/after ratios that one machine's load cannot
    skew. Prints a markdown table."""
    import importlib.util
    import types

    from bridge.backends.native import _native as new

    try:
        import torch
    except ImportError:
        torch = None
    pkg = types.ModuleType("_bench_baseline")
    pkg.__path__ = []
    sys.modules["_bench_baseline"] = pkg
    spec = importlib.util.spec_from_file_location("_bench_baseline._native", baseline_so)
    old = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(old)
    threads = bridge.get_num_threads()
    old.set_num_threads(threads)
    if torch is not None:
        torch.set_num_threads(threads)
    rng = np.random.default_rng(5)
    flat = rng.standard_normal(10_000_000)
    square = rng.standard_normal((3162, 3162))
    codes = {name: i for i, name in enumerate(new.REDUCE_OPS)}

    def arg(module, is_max, x, axis):
        lines = x.reshape(1, -1) if axis is None else np.moveaxis(x, axis, -1)
        out = np.empty(lines.shape[:-1] + (1,), np.int64)
        module.arg_reduce(is_max, lines, out)
        return out

    print(f"threads: {threads}; baseline {baseline_so}")
    print("| case | before | after | NumPy | PyTorch | before/NumPy | after/NumPy "
          "| before/PyTorch | after/PyTorch |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, x, axis in (("10M", flat, None), ("axis 0", square, 0),
                           ("axis 1", square, 1)):
        t = torch.from_numpy(x) if torch is not None else None
        dims = {} if axis is None else {"axis": axis}
        for name in ("sum", "max", "argmax", "argmin"):
            if name in ("sum", "max"):
                axes = None if axis is None else (axis,)
                ufunc = {"sum": np.add, "max": np.maximum}[name]
                calls = {"old": lambda x=x, op=codes[name], a=axes: old.reduce(op, x, a),
                         "new": lambda x=x, op=codes[name], a=axes: new.reduce(op, x, a),
                         "numpy": lambda x=x, u=ufunc, a=axis: u.reduce(x, axis=a)}
                tname = {"sum": "sum", "max": "amax"}[name]
            else:
                is_max = name == "argmax"
                calls = {"old": lambda x=x, m=is_max, a=axis: arg(old, m, x, a),
                         "new": lambda x=x, m=is_max, a=axis: arg(new, m, x, a),
                         "numpy": lambda x=x, name=name, d=dims: getattr(x, name)(**d)}
                tname = name
            if t is not None:
                tdims = {} if axis is None else {"dim": axis}
                calls["torch"] = lambda t=t, f=getattr(torch, tname), d=tdims: f(t, **d)
            best = interleaved_best(calls, repeat)
            tt = best.get("torch", float("nan"))
            print(f"| `{name} {label}` | {best['old'] * 1e3:.2f} ms | {best['new'] * 1e3:.2f} ms"
                  f" | {best['numpy'] * 1e3:.2f} ms | {tt * 1e3:.2f} ms"
                  f" | {best['old'] / best['numpy']:.2f} | {best['new'] / best['numpy']:.2f}"
                  f" | {best['old'] / tt:.2f} | {best['new'] / tt:.2f} |")


# ---------------------------------------------------------------- transcendental

VMATH_CASES = ("exp", "log", "sin", "tanh", "sqrt", "pow")


def transcendental(ref, nat, repeat, n):
    """exp, log, sin, tanh, sqrt, pow on n float64 and float32 elements: native, NumPy
    and PyTorch CPU (same thread count) in turns, best of `repeat`; ratios printed.
    Targets (issue 20): native <= 0.5x NumPy and <= 1.0x PyTorch."""
    from bridge.backends.native import _native

    torch, threads = torch_at_bridge_threads()
    print(f"\ntranscendental functions, {n:,} elements, native SIMD level "
          f"{_native.simd_level()}, threads: native {threads}"
          + (f", PyTorch {torch.get_num_threads()} (torch {torch.__version__})" if torch else
             ", PyTorch not installed"))
    header = (f"{'':22s} {'native':>9s} {'numpy':>9s} {'torch':>9s}   "
              f"{'nat/np':>6s} {'nat/torch':>9s}")
    print(header)
    rng = np.random.default_rng(4)
    rows = []
    for dt in ("float64", "float32"):
        x = rng.uniform(-5.0, 5.0, n).astype(dt)
        pos = (np.abs(x) + 1e-3).astype(dt)
        y = rng.uniform(-3.0, 3.0, n).astype(dt)
        cases = [(name, (pos, y) if name == "pow" else
                  ((pos,) if name in ("log", "sqrt") else (x,))) for name in VMATH_CASES]
        cases.append(("copy floor (negative)", (x,)))
        for name, operands in cases:
            op = "negative" if name.startswith("copy") else name
            calls = {"native": lambda op=op, a=operands: nat[op](*a),
                     "numpy": lambda op=op, a=operands: ref[op](*a)}
            if torch is not None:
                tensors = tuple(torch.from_numpy(a) for a in operands)
                calls["torch"] = lambda op=op, t=tensors: getattr(torch, "neg" if op ==
                                                                  "negative" else op)(*t)
            best = interleaved_best(calls, repeat)
            t_torch = best.get("torch", float("nan"))
            r_np, r_torch = best["native"] / best["numpy"], best["native"] / t_torch
            rows.append((f"{name} {dt}", r_np, r_torch))
            print(f"{name + ' ' + dt:22s} {best['native'] * 1e3:7.2f}ms {best['numpy'] * 1e3:7.2f}ms "
                  f"{t_torch * 1e3:7.2f}ms   {r_np:6.2f} {r_torch:9.2f}"
                  + ("" if name.startswith("copy") else
                     f"   {'ok' if r_np <= 0.5 else 'MISS'}/np {'ok' if r_torch <= 1.0 else 'MISS'}/torch"))
    return rows


# ---------------------------------------------------------------- complex functions

COMPLEX_UNARY = (
    "acos acosh asin asinh atan atanh cos cosh exp expm1 log log10 log1p log2 reciprocal "
    "sign sin sinh sqrt tan tanh"
).split()


def complex_functions(ref, nat, repeat):
    """The complex128 loops of src/complex_math.c on 1M elements. NumPy computes these
    one element at a time with the same C library calls; the native backend's gain is
    its threads (about 1/threads where the work dominates)."""
    rng = np.random.default_rng(1)
    n = 1_000_000
    z = rng.uniform(-3.0, 3.0, n) + 1j * rng.uniform(-3.0, 3.0, n)
    w = rng.uniform(-2.0, 2.0, n) + 1j * rng.uniform(-2.0, 2.0, n)
    target = 0.75 if bridge.get_num_threads() >= 2 else 1.05
    with np.errstate(all="ignore"):
        for name in COMPLEX_UNARY:
            compare(f"{name} 1M complex128", lambda name=name: ref[name](z),
                    lambda name=name: nat[name](z), target, repeat)
        compare("pow 1M complex128", lambda: ref["pow"](z, w), lambda: nat["pow"](z, w),
                target, repeat)


def sort_and_unique(ref, nat, rng, r):
    """sort, argsort and unique_values on 1M elements against NumPy's stable sort (the
    native sort is always stable) and NumPy's unique (the numpy backend's kernel)."""
    n = 1_000_000
    inputs = {"float64": rng.standard_normal(n),
              "int64": rng.integers(-2**62, 2**62, n),
              "int64 in [0, 1000)": rng.integers(0, 1000, n),
              "float32": rng.standard_normal(n).astype(np.float32)}
    for label, a in inputs.items():
        compare(f"sort 1M {label}", lambda a=a: np.sort(a, kind="stable"),
                lambda a=a: nat["sort"](a, -1, False, True), 1.0, r)
        compare(f"argsort 1M {label}", lambda a=a: np.argsort(a, kind="stable"),
                lambda a=a: nat["argsort"](a, -1, False, True), 1.0, r)
        compare(f"unique_values 1M {label}", lambda a=a: ref["unique_values"](a),
                lambda a=a: nat["unique_values"](a), 1.0, r)
    m = rng.standard_normal((1000, 1000))
    compare("sort 1000x1000 float64 axis 0", lambda: np.sort(m, axis=0, kind="stable"),
            lambda: nat["sort"](m, 0, False, True), 1.0, r)
    compare("sort 1000x1000 float64 axis -1 descending",
            lambda: ref["sort"](m, -1, True, True), lambda: nat["sort"](m, -1, True, True),
            1.0, r)


def replication_benchmarks(ref, nat, rng, r):
    """roll, repeat, tile on ~10M float64 elements; concat of mixed dtypes;
    searchsorted with a sorter."""
    x = rng.uniform(-5.0, 5.0, 10_000_000)
    m = x.reshape(2500, 4000)
    compare("roll 10M float64 (flattened)", lambda: ref["roll"](x, 12345, None),
            lambda: nat["roll"](x, 12345, None), 1.0, r)
    compare("roll 2500x4000 float64 axis 1", lambda: ref["roll"](m, 100, 1),
            lambda: nat["roll"](m, 100, 1), 1.0, r)
    compare("roll 2500x4000 float64 axes (0, 1)", lambda: ref["roll"](m, (7, 100), (0, 1)),
            lambda: nat["roll"](m, (7, 100), (0, 1)), 1.0, r)
    compare("repeat 10M float64 x2 (flattened)",
            lambda: ref["repeat"](x, repeats=2, axis=None),
            lambda: nat["repeat"](x, repeats=2, axis=None), 1.0, r)
    counts = rng.integers(0, 4, x.size)
    compare("repeat 10M float64, counts 0..3 each",
            lambda: ref["repeat"](x, counts, axis=None),
            lambda: nat["repeat"](x, counts, axis=None), 1.0, r)
    compare("repeat 2500x4000 float64 x2 axis 0", lambda: ref["repeat"](m, repeats=2, axis=0),
            lambda: nat["repeat"](m, repeats=2, axis=0), 1.0, r)
    compare("repeat 2500x4000 float64 x2 axis 1", lambda: ref["repeat"](m, repeats=2, axis=1),
            lambda: nat["repeat"](m, repeats=2, axis=1), 1.0, r)
    compare("tile 10M float64 (2,)", lambda: ref["tile"](x, (2,)),
            lambda: nat["tile"](x, (2,)), 1.0, r)
    compare("tile 2500x4000 float64 (2, 2)", lambda: ref["tile"](m, (2, 2)),
            lambda: nat["tile"](m, (2, 2)), 1.0, r)
    f64 = x[:5_000_000]
    f32 = x[5_000_000:].astype(np.float32)
    i32 = (x[5_000_000:] * 1000).astype(np.int32)
    for label, other in (("float32", f32), ("int32", i32)):
        compare(f"concat 5M float64 + 5M {label}",
                lambda other=other: ref["concat"](f64, other, axis=0, dtype=np.dtype("float64")),
                lambda other=other: nat["concat"](f64, other, axis=0, dtype=np.dtype("float64")),
                1.0, r)
    haystack = rng.standard_normal(1_000_000)
    order = np.argsort(haystack)
    keys = rng.standard_normal(1_000_000)
    compare("searchsorted 1M keys, 1M float64, sorter",
            lambda: ref["searchsorted"](haystack, keys, order, side="left"),
            lambda: nat["searchsorted"](haystack, keys, order, side="left"), 1.0, r)
    few = keys[:1000]
    compare("searchsorted 1k keys, 1M float64, sorter",
            lambda: ref["searchsorted"](haystack, few, order, side="left"),
            lambda: nat["searchsorted"](haystack, few, order, side="left"), 1.0, r, number=20)


def bench_indexing(ref, nat, r):
    """getitem/setitem kernels (raw keys as bridge's _raw_key passes them), and the
    latency of small basic keys through the public API."""
    rng = np.random.default_rng(1)
    n = 10_000_000
    x = rng.standard_normal(n)
    mask = rng.random(n) < 0.5
    idx = rng.integers(0, n, 1_000_000)
    y = rng.standard_normal(idx.size)
    v = rng.standard_normal(len(range(2, n - 2, 3)))
    zero = np.array(0.0)
    x_np, x_nat = x.copy(), x.copy()  # setitem targets, one per side
    compare("x[mask] 10M float64, 50% mask", lambda: ref["getitem"](x, (mask,)),
            lambda: nat["getitem"](x, (mask,)), 1.0, r)
    compare("x[idx] 1M random int64 of 10M", lambda: ref["getitem"](x, (idx,)),
            lambda: nat["getitem"](x, (idx,)), 1.0, r)
    compare("x[mask] = 0.0 10M float64", lambda: ref["setitem"](x_np, zero, (mask,)),
            lambda: nat["setitem"](x_nat, zero, (mask,)), 1.0, r)
    compare("x[idx] = y 1M of 10M", lambda: ref["setitem"](x_np, y, (idx,)),
            lambda: nat["setitem"](x_nat, y, (idx,)), 1.0, r)
    compare("x[2:-2:3] = v 10M float64", lambda: ref["setitem"](x_np, v, (slice(2, -2, 3),)),
            lambda: nat["setitem"](x_nat, v, (slice(2, -2, 3),)), 1.0, r)
    # copyto: the store of the in-place operators' general path (dst[...] = src)
    t = rng.standard_normal((3000, 3000))
    out_np, out_nat = np.empty_like(t), np.empty_like(t)
    compare("copyto 3000x3000 float64", lambda: ref["copyto"](out_np, t),
            lambda: nat["copyto"](out_nat, t), 1.0, r)
    compare("copyto 3000x3000 float64, transposed", lambda: ref["copyto"](out_np, t.T),
            lambda: nat["copyto"](out_nat, t.T), 1.0, r)
    s8, o8_np, o8_nat = np.arange(8.0), np.empty(8), np.empty(8)
    compare("copyto 8 float64", lambda: ref["copyto"](o8_np, s8),
            lambda: nat["copyto"](o8_nat, s8), 1.0, r, 2000)
    small = bridge.asarray(np.arange(8.0))
    for label, func in (("x[1:5]", lambda: small[1:5]), ("x[3]", lambda: small[3]),
                        ("x[1:5, None]", lambda: small[1:5, None])):
        times = {}
        for name in ("numpy", "native"):
            with bridge.use_backend(name):
                times[name] = best_time(func, r, number=2000)
        ratio = times["native"] / times["numpy"]
        print(f"{'8-element ' + label + ' (bridge API)':44s} numpy {times['numpy'] * 1e6:9.3f} us  "
              f"native {times['native'] * 1e6:9.3f} us  ratio {ratio:5.2f}  (target <= 1.00) "
              f"{'ok' if ratio <= 1.0 else 'MISS'}")


if __name__ == "__main__":
    main()

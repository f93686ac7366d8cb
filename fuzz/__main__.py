"""``python -m fuzz``: run the fuzzer (see fuzz/__init__.py) and print its counts."""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import time

PROFILES = {
    # examples per function, seconds a batch may take, functions per batch
    "quick": {"examples": 12, "timeout": 120, "batch": 25},
    # the sanitizer run's (scripts/sanitize.sh): everything is slower under ASan
    "sanitize": {"examples": 20, "timeout": 900, "batch": 25},
    "long": {"examples": 300, "timeout": 900, "batch": 6},
}


def _names(selected):
    import bridge  # noqa: F401  (builds the registry)
    from bridge._registry import REGISTRY

    names = [name for name, op in REGISTRY.items() if callable(op.func)]
    if selected:
        unknown = [n for n in selected if n not in REGISTRY]
        if unknown:
            raise SystemExit(f"fuzz: unknown functions {unknown}")
        names = [n for n in names if n in selected]
    return names


def run_batch(backend, ops, examples, seed, timeout, workdir):
    """Fuzz ``ops`` in subprocesses until every one has run; a crash or a hang ends a
    subprocess, is recorded against the call it was making, and the rest go on."""
    counts = {"calls": 0, "ok": 0, "clean_errors": 0, "unnamed": 0, "wrong_type": 0,
              "mutated": 0, "crashes": 0, "hangs": 0}
    findings = {"unnamed": [], "wrong_type": [], "mutated": [], "crashes": [], "hangs": []}
    remaining = list(ops)
    while remaining:
        fd, base = tempfile.mkstemp(dir=workdir)
        os.close(fd)
        spec = {"backend": backend, "ops": remaining, "examples": examples, "seed": seed,
                "progress": base + ".progress", "result": base + ".result"}
        with open(base + ".spec", "w") as fh:
            json.dump(spec, fh)
        env = dict(os.environ, PYTHONHASHSEED="0")
        try:
            proc = subprocess.run([sys.executable, "-m", "fuzz.worker", base + ".spec"],
                                  capture_output=True, text=True, timeout=timeout, env=env)
            status = "crash" if proc.returncode != 0 else "ok"
            detail = (proc.stderr or "").strip().splitlines()[-1:] if proc.returncode else []
        except subprocess.TimeoutExpired:
            status, detail = "hang", []
        if status == "ok":
            with open(spec["result"]) as fh:
                result = json.load(fh)
            for k, v in result["counts"].items():
                counts[k] += v
            for k, v in result["findings"].items():
                findings[k].extend(v)
            break
        try:
            with open(spec["progress"]) as fh:
                call = fh.read().strip()
        except OSError:
            call = ""
        culprit = call.split("(", 1)[0] if call else remaining[0]
        key = "crashes" if status == "crash" else "hangs"
        counts[key] += 1
        findings[key].append([culprit, call, " ".join(detail)[:300]])
        index = remaining.index(culprit) if culprit in remaining else 0
        remaining = remaining[index + 1:]
    return counts, findings


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m fuzz", description=__doc__)
    parser.add_argument("--profile", choices=sorted(PROFILES), default="long")
    parser.add_argument("--backend", action="append", default=None,
                        help="a backend to fuzz (repeatable; default: every CPU backend here)")
    parser.add_argument("--ops", default="", help="comma-separated function names (default all)")
    parser.add_argument("--examples", type=int, default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", default=None, help="write the counts and findings here")
    args = parser.parse_args(argv)
    profile = PROFILES[args.profile]
    examples = args.examples or profile["examples"]
    names = _names([n for n in args.ops.split(",") if n])
    import bridge

    backends = args.backend or [b for b in bridge.available_backends() if b != "cupy"]
    batches = [names[i:i + profile["batch"]] for i in range(0, len(names), profile["batch"])]
    start = time.perf_counter()
    totals = {}
    report = {}
    with tempfile.TemporaryDirectory() as workdir, \
            concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for backend in backends:
            futures = [pool.submit(run_batch, backend, batch, examples, args.seed + 1000 * i,
                                   profile["timeout"], workdir) for i, batch in enumerate(batches)]
            counts = {}
            findings = {}
            for f in futures:
                c, fi = f.result()
                for k, v in c.items():
                    counts[k] = counts.get(k, 0) + v
                for k, v in fi.items():
                    findings.setdefault(k, []).extend(v)
            report[backend] = {"counts": counts, "findings": findings}
            for k, v in counts.items():
                totals[k] = totals.get(k, 0) + v
    elapsed = time.perf_counter() - start
    print(f"fuzz ({args.profile}, {examples} examples per function, {len(names)} functions, "
          f"{elapsed:.0f} s)")
    keys = ["calls", "ok", "clean_errors", "unnamed", "wrong_type", "mutated", "crashes", "hangs"]
    print(f"{'backend':10s}" + "".join(f"{k:>14s}" for k in keys))
    for backend, r in report.items():
        print(f"{backend:10s}" + "".join(f"{r['counts'].get(k, 0):14d}" for k in keys))
    for backend, r in report.items():
        for kind in ("crashes", "hangs", "wrong_type", "mutated", "unnamed"):
            items = r["findings"].get(kind, [])
            if items:
                print(f"\n{backend}: {kind} ({len(items)})")
                for item in items[:15 if kind == "unnamed" else 40]:
                    print("  " + " | ".join(str(x) for x in item)[:300])
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"elapsed_s": elapsed, "report": report}, fh, indent=1)
    bad = totals.get("crashes", 0) + totals.get("hangs", 0) + totals.get("wrong_type", 0) \
        + totals.get("mutated", 0)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

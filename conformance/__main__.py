"""Command line: ``python -m conformance [--backend NAME | --namespace NAMES] ...``.

Exit status: 0 when no MUST finding fails (advisories allowed), 1 when one does, 2 when
there was nothing to test.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys

from .progress import MODES
from .report import Matrix, Report, directory_name
from .runner import (
    IMPORT_FAILED,
    Target,
    area_names,
    bridge_targets,
    resolve_targets,
    run_with_progress,
    split_names,
)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m conformance",
        description="Check Array API namespaces against the standard 2025.12 "
        "(bridge on every available backend by default).",
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--backend", help="test bridge on this backend only (e.g. numpy, native, cupy)")
    target.add_argument(
        "--namespace", metavar="NAMES", action="append",
        help="namespaces to test, comma-separated or repeated: import names (numpy, array_api_strict, "
        "array_api_compat.torch, jax.numpy, ...), 'bridge' (every available backend) or 'bridge:BACKEND'. "
        "Namespaces that are not installed are skipped with a note; with several, --report also writes "
        "a side-by-side matrix")
    parser.add_argument("--quick", action="store_true", help="few examples per check (seconds per namespace)")
    parser.add_argument("--seed", type=int, default=0, help="hypothesis seed, for reproducible runs (default 0)")
    parser.add_argument("--max-examples", type=int, help="hypothesis examples per property check")
    parser.add_argument("--areas", help=f"comma-separated subset of: {', '.join(area_names())}")
    parser.add_argument("--report", metavar="DIR",
                        help="write report.json and report.md into DIR (one folder per namespace, and "
                        "matrix.md and matrix.json, when there are several)")
    parser.add_argument("--show-failures", type=int, default=50, metavar="N",
                        help="print at most N failures and N advisories per namespace (default 50)")
    parser.add_argument("--progress", choices=MODES, default="auto",
                        help="auto (default): bars with ETA on a terminal when rich or tqdm is installed, one "
                        "line per area otherwise; bar; lines; none")
    return parser.parse_args(argv)


def choose_targets(arguments: argparse.Namespace) -> tuple[list[Target], dict[str, str]]:
    if arguments.namespace:
        return resolve_targets(split_names(arguments.namespace))
    try:
        return list(bridge_targets(arguments.backend)), {}
    except ImportError as error:
        if arguments.backend:
            raise SystemExit(f"cannot import bridge ({error}); --backend needs bridge") from error
        return [], {"bridge": f"not installed ({error}); use --namespace NAMES"}
    except SystemExit:
        raise
    except Exception as error:
        return [], {"bridge": f"{IMPORT_FAILED}: {type(error).__name__}: {error}"}


def print_findings(report: Report, limit: int) -> None:
    for kind, found in (("FAIL", report.failures), ("ADVISORY", report.advisories)):
        for result in found[:limit]:
            print(f"{kind} [{result.area}] {result.message}")
            if result.reproducer:
                print(f"    {result.reproducer}")
        if len(found) > limit:
            print(f"... {len(found) - limit} more ({kind.lower()}; see --report)")


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    areas = [a.strip() for a in arguments.areas.split(",")] if arguments.areas else None
    chosen, missing = choose_targets(arguments)
    for name, why in missing.items():
        print(f"note: {name} is not tested: {why}", file=sys.stderr)
    broken = [name for name, why in missing.items() if why.startswith(IMPORT_FAILED)]
    if not chosen:
        print("nothing to test", file=sys.stderr)
        return 1 if broken else 2
    reports: list[Report] = []
    for target in chosen:
        with target.selection:
            report = run_with_progress(
                target.namespace, target.label, progress=arguments.progress, quick=arguments.quick,
                seed=arguments.seed, areas=areas, max_examples=arguments.max_examples,
            )
        reports.append(report)
        print(f"\n== {target.label}: Array API 2025.12 conformance ({report.seconds:.1f} s) ==")
        print_findings(report, arguments.show_failures)
        print()
        print(report.summary_table())
        if arguments.report:
            directory = arguments.report if len(chosen) == 1 else os.path.join(
                arguments.report, directory_name(target.label))
            report.write(directory)
            print(f"report written to {directory}/report.json and report.md")
        sys.stdout.flush()
    if len(reports) > 1:
        matrix = Matrix(reports, settings=reports[0].settings, missing=missing,
                        versions={t.label: t.version for t in chosen},
                        command="python -m conformance " + shlex.join(argv if argv is not None else sys.argv[1:]))
        print()
        print(verdict_table(reports))
        if arguments.report:
            paths = matrix.write(arguments.report)
            print(f"matrix written to {' and '.join(paths)}")
    return 1 if broken or any(not r.ok for r in reports) else 0


def verdict_table(reports: list[Report]) -> str:
    """The totals of several namespaces, one line each."""
    width = max(len(r.target) for r in reports)
    lines = [f"{'namespace':<{width}}  passed  failed  advisories  skipped  seconds  verdict"]
    for r in reports:
        t = r.totals()
        lines.append(f"{r.target:<{width}}  {t['passed']:6d}  {t['failed']:6d}  {t['advisory']:10d}  "
                     f"{t['skipped']:7d}  {r.seconds:7.1f}  {'ok' if r.ok else 'FAILED'}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

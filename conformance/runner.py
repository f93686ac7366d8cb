"""Collect the checks of every area, run them against one namespace, and gather a Report.

Also resolves what to test from the command line: bridge on each of its backends, one
backend, or any namespace module by import name (several at once for the matrix).
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.metadata
import time
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from .core import Check, CheckFailure, CheckSkipped, Context
from .progress import RunListener, make_progress
from .report import FAILED, PASSED, SKIPPED, CheckResult, Report

# Area modules in report order; each has ``AREA`` (its name) and ``checks(ctx)``.
AREA_MODULES = (
    "namespace", "creation", "elementwise", "operators", "indexing", "manipulation",
    "searching", "sets", "sorting", "statistics", "utility", "linalg", "fft",
    "inspection", "devices", "data_types", "dlpack", "autograd",
)

# Examples per hypothesis-driven check.
QUICK_EXAMPLES = 10
FULL_EXAMPLES = 200


def area_names() -> tuple[str, ...]:
    return AREA_MODULES


def collect_checks(ctx: Context, areas: Iterable[str] | None = None) -> list[Check]:
    selected = list(areas) if areas else list(AREA_MODULES)
    unknown = [a for a in selected if a not in AREA_MODULES]
    if unknown:
        raise ValueError(f"unknown area(s) {unknown}; the areas are {', '.join(AREA_MODULES)}")
    checks: list[Check] = []
    for name in AREA_MODULES:
        if name in selected:
            module = importlib.import_module(f"conformance.areas.{name}")
            checks.extend(module.checks(ctx))
    return checks


def severity_of(check: Check, failure: BaseException | None = None) -> str:
    """"must" unless the finding (or the whole check) says it is a SHOULD of the
    standard; read with getattr, so a check or finding without the field is a MUST."""
    return getattr(failure, "severity", None) or getattr(check, "severity", None) or "must"


def run_check(check: Check, ctx: Context) -> CheckResult:
    start = time.perf_counter()
    outcome, message, example, reproducer, severity = PASSED, "", {}, "", severity_of(check)
    try:
        with warnings.catch_warnings():
            # Libraries warn on invalid values (0/0, log(-1)); special cases test exactly these.
            warnings.simplefilter("ignore")
            check.run(ctx)
    except CheckFailure as failure:
        outcome, message, example = FAILED, failure.message, failure.example
        reproducer, severity = getattr(failure, "reproducer", ""), severity_of(check, failure)
    except CheckSkipped as skipped:
        outcome, message = SKIPPED, str(skipped)
    except Exception as error:  # the library raised where the standard expects a result
        outcome = FAILED
        where = traceback.extract_tb(error.__traceback__)[-1]
        message = (
            f"{check.name}: raised {type(error).__name__}: {error}"
            f" (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
        )
    return CheckResult(check.area, check.name, outcome, message, example, time.perf_counter() - start,
                       reproducer=reproducer, severity=severity)


def run(
    namespace: Any,
    *,
    quick: bool = True,
    seed: int = 0,
    areas: Iterable[str] | None = None,
    max_examples: int | None = None,
    label: str | None = None,
    extras: dict[str, Any] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    listener: RunListener | None = None,
) -> Report:
    """Check ``namespace`` against the standard and return the Report.

    ``quick`` uses few hypothesis examples per check; ``max_examples`` overrides the
    count; ``areas`` restricts the run to some areas (see ``area_names()``).
    ``listener`` (see conformance.progress) is told about each area and check as the
    run goes; ``progress(done, total, text)`` is the older, simpler hook.
    """
    examples = max_examples or (QUICK_EXAMPLES if quick else FULL_EXAMPLES)
    label = label or getattr(namespace, "__name__", repr(namespace))
    ctx = Context(namespace, label, quick=quick, seed=seed, max_examples=examples, extras=dict(extras or {}))
    settings = {"quick": quick, "seed": seed, "max_examples": examples}
    if areas:
        settings["areas"] = ",".join(areas)
    report = Report(label, settings)
    start = time.perf_counter()
    checks = collect_checks(ctx, areas)
    listener = listener or RunListener()
    sizes: dict[str, int] = {}
    for check in checks:
        sizes[check.area] = sizes.get(check.area, 0) + 1
    listener.target_started(label, list(sizes.items()))
    for index, check in enumerate(checks):
        if progress is not None:
            progress(index, len(checks), f"{check.area}: {check.name}")
        listener.check_started(check.area, check.name)
        result = run_check(check, ctx)
        report.results.append(result)
        listener.check_finished(result)
    if progress is not None:
        progress(len(checks), len(checks), "done")
    report.seconds = time.perf_counter() - start
    listener.target_finished(report)
    return report


# ----------------------------------------------------------------- choosing targets


class Target(NamedTuple):
    """One column of a run: a label (``bridge:native``, ``numpy``), the namespace, the
    context manager that selects it (bridge's backend), and the library versions."""

    label: str
    namespace: Any
    selection: contextlib.AbstractContextManager
    version: str = ""


def package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        module = importlib.import_module(name)
        return str(getattr(module, "__version__", "?"))


def versions_of(module_name: str) -> str:
    """'torch 2.13.0, array_api_compat 1.16.0' for array_api_compat.torch; the wrapped
    library first, then the wrapper (NumPy under array_api_strict)."""
    top = module_name.split(".")[0]
    names = [top]
    if top == "array_api_compat" and "." in module_name:
        names.insert(0, module_name.split(".")[1])
    elif top in ("array_api_strict", "bridge"):
        names.append("numpy")
    found = []
    for name in names:
        try:
            found.append(f"{name} {package_version(name)}")
        except ImportError:
            continue
    if top == "jax":  # without x64, JAX has no float64, int64, uint64 nor complex128
        import jax

        found.append(f"x64 {'on' if jax.config.read('jax_enable_x64') else 'off'}")
    return ", ".join(found)


def bridge_targets(backend: str | None = None) -> Iterator[Target]:
    """bridge on each available backend, or just the one asked for; only the default
    when bridge has no backend API. Raises SystemExit for an unavailable backend."""
    bridge = importlib.import_module("bridge")
    available = getattr(bridge, "available_backends", None)
    use_backend = getattr(bridge, "use_backend", None)
    version = versions_of("bridge")
    if available is None or use_backend is None:
        if backend is not None:
            raise SystemExit(f"bridge has no backend selection API; cannot select backend {backend!r}")
        yield Target("bridge", bridge, contextlib.nullcontext(), version)
        return
    names = tuple(available())
    if backend is not None:
        if backend not in names:
            raise SystemExit(f"bridge backend {backend!r} is not available; available: {', '.join(names)}")
        names = (backend,)
    for name in names:
        yield Target(f"bridge:{name}", bridge, use_backend(name), version)


def namespace_target(module_name: str) -> Target:
    return Target(module_name, importlib.import_module(module_name), contextlib.nullcontext(),
                  versions_of(module_name))


def split_names(values: Iterable[str]) -> list[str]:
    """``["bridge,numpy", "jax.numpy"]`` -> ``["bridge", "numpy", "jax.numpy"]`` (repeated
    and comma-separated --namespace values), duplicates dropped."""
    names: list[str] = []
    for value in values:
        for name in value.split(","):
            name = name.strip()
            if name and name not in names:
                names.append(name)
    return names


def resolve_targets(names: Iterable[str]) -> tuple[list[Target], dict[str, str]]:
    """The targets for namespace names, and {name: why it cannot be tested} for those
    that are not installed (ImportError) or fail while importing (any other error,
    whose reason starts with "import failed"). ``bridge`` is bridge on every available
    backend, ``bridge:NAME`` one backend."""
    targets: list[Target] = []
    missing: dict[str, str] = {}
    for name in names:
        try:
            if name == "bridge":
                targets.extend(bridge_targets())
            elif name.startswith("bridge:"):
                backend = name.split(":", 1)[1]
                try:
                    targets.extend(bridge_targets(backend))
                except SystemExit as unavailable:
                    missing[name] = str(unavailable)
            else:
                targets.append(namespace_target(name))
        except ImportError as error:
            missing[name] = f"not installed ({type(error).__name__}: {error})"
        except Exception as error:  # a library that is there but broken is a finding of its own
            missing[name] = f"{IMPORT_FAILED}: {type(error).__name__}: {error}"
    return targets, missing


IMPORT_FAILED = "import failed"


def run_with_progress(namespace: Any, label: str, *, progress: str = "auto", **options: Any) -> Report:
    """``run`` with a display chosen by ``make_progress`` (bars on a terminal, a line
    per area elsewhere)."""
    return run(namespace, label=label, listener=make_progress(progress), **options)


__all__ = ["run", "collect_checks", "area_names", "bridge_targets", "namespace_target", "resolve_targets",
           "split_names", "Target", "FAILED", "SKIPPED"]

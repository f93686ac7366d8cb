"""What a run shows while it runs.

On a terminal: a bar per area with its ETA and one for the whole namespace (rich, or
tqdm when rich is not installed). Elsewhere (CI logs, pipes) or without either library:
one plain line per area as it finishes, so a log stays readable. ``make_progress``
picks; every display takes the same four calls from the runner.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from typing import Any, TextIO

from .report import ADVISORY, FAILED, PASSED, SKIPPED, CheckResult, Report, verdict

MODES = ("auto", "bar", "lines", "none")


class RunListener:
    """The calls a display receives; the base class shows nothing."""

    def target_started(self, label: str, areas: list[tuple[str, int]]) -> None:
        """A namespace's run begins: its label and (area, number of checks) in order."""

    def check_started(self, area: str, name: str) -> None:
        """A check begins."""

    def check_finished(self, result: CheckResult) -> None:
        """A check ended with ``result``."""

    def target_finished(self, report: Report) -> None:
        """The namespace's run ended."""


class LineProgress(RunListener):
    """One line per area when it finishes, flushed at once (readable in CI logs)::

        bridge:numpy  elementwise    675 passed    0 failed    0 advisories  2.1 s
    """

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stdout
        self.label = ""
        self.area: str | None = None
        self.counts: dict[str, int] = {}
        self.started = 0.0
        self.width = 12

    def target_started(self, label: str, areas: list[tuple[str, int]]) -> None:
        self.label, self.area = label, None
        self.width = max([len(a) for a, _ in areas] + [4])
        total = sum(n for _, n in areas)
        self._write(f"== {label}: {total} checks in {len(areas)} areas")

    def check_started(self, area: str, name: str) -> None:
        if area != self.area:
            self._flush_area()
            self.area, self.counts, self.started = area, dict.fromkeys((PASSED, FAILED, ADVISORY, SKIPPED), 0), \
                time.perf_counter()

    def check_finished(self, result: CheckResult) -> None:
        self.counts[verdict(result)] += 1

    def target_finished(self, report: Report) -> None:
        self._flush_area()  # the totals follow in the summary table

    def _flush_area(self) -> None:
        if self.area is None:
            return
        c = self.counts
        self._write(f"{self.label}  {self.area:<{self.width}}  {c[PASSED]:5d} passed  {c[FAILED]:4d} failed  "
                    f"{c[ADVISORY]:4d} advisories  {c[SKIPPED]:3d} skipped  {time.perf_counter() - self.started:6.1f} s")
        self.area = None

    def _write(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()


class RichProgress(RunListener):
    """rich bars: the namespace's total on top, then one row per area (area, bar,
    done/total, failures so far, elapsed, ETA). Transient: the summary table replaces it."""

    def __init__(self, stream: TextIO | None = None):
        from rich.console import Console

        self.console = Console(file=stream or sys.stdout)
        self.progress: Any = None
        self.tasks: dict[str, Any] = {}
        self.overall: Any = None
        self.label = ""

    def target_started(self, label: str, areas: list[tuple[str, int]]) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.label = label
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(bar_width=30), MofNCompleteColumn(),
            TextColumn("[red]{task.fields[failed]}[/red]"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=self.console, transient=True, refresh_per_second=8)
        self.progress.start()
        width = max([len(a) for a, _ in areas] + [len(label)])
        total = sum(n for _, n in areas)
        self.overall = self.progress.add_task(f"[bold]{label:<{width}}[/bold]", total=total, failed="")
        self.tasks = {area: self.progress.add_task(f"  {area:<{width - 2}}", total=max(n, 1), failed="",
                                                   start=False) for area, n in areas}
        self.failed: dict[str, int] = dict.fromkeys(self.tasks, 0)

    def check_started(self, area: str, name: str) -> None:
        task = self.tasks.get(area)
        if task is not None and not self.progress.tasks[task].started:
            self.progress.start_task(task)

    def check_finished(self, result: CheckResult) -> None:
        task = self.tasks.get(result.area)
        text = ""
        if verdict(result) == FAILED and task is not None:
            self.failed[result.area] += 1
        if task is not None:
            text = f"{self.failed[result.area]} failed" if self.failed[result.area] else ""
            self.progress.update(task, advance=1, failed=text)
        total_failed = sum(self.failed.values())
        self.progress.update(self.overall, advance=1, failed=f"{total_failed} failed" if total_failed else "")

    def target_finished(self, report: Report) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


class TqdmProgress(RunListener):
    """tqdm bars, one per area as it runs (left on screen with its time)."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stdout
        self.bar: Any = None
        self.area: str | None = None
        self.label = ""
        self.sizes: dict[str, int] = {}

    def target_started(self, label: str, areas: list[tuple[str, int]]) -> None:
        self.label, self.sizes = label, dict(areas)
        self.width = max([len(a) for a, _ in areas] + [4])

    def check_started(self, area: str, name: str) -> None:
        from tqdm import tqdm

        if self.bar is None or self.area != area:
            self._close()
            self.area = area
            self.bar = tqdm(total=self.sizes.get(area, 1), desc=f"{self.label} {area:<{self.width}}",
                            file=self.stream, leave=True, dynamic_ncols=True)

    def check_finished(self, result: CheckResult) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def target_finished(self, report: Report) -> None:
        self._close()

    def _close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def make_progress(mode: str = "auto", stream: TextIO | None = None) -> RunListener:
    """``auto``: bars on a terminal when rich (or tqdm) is installed, lines otherwise;
    ``bar``: bars even when the stream is not a terminal; ``lines``; ``none``."""
    stream = stream or sys.stdout
    if mode not in MODES:
        raise ValueError(f"progress mode {mode!r}; expected one of {', '.join(MODES)}")
    if mode == "none":
        return RunListener()
    terminal = hasattr(stream, "isatty") and stream.isatty()
    if mode == "bar" or (mode == "auto" and terminal):
        if installed("rich"):
            return RichProgress(stream)
        if installed("tqdm"):
            return TqdmProgress(stream)
    return LineProgress(stream)

"""Outcomes of a run: one record per check, the verdicts (MUST findings fail, SHOULD
findings are advisories), the per-area summary table, the report.json / report.md
files of one namespace, and the side-by-side matrix of several."""

from __future__ import annotations

import json
import os
import platform
import re
from dataclasses import asdict, dataclass, field
from typing import Any

PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"
# The verdict of a failed check whose finding is a SHOULD (or "recommended") of the
# standard: reported, but it does not fail the run.
ADVISORY = "advisory"
VERDICTS = (PASSED, FAILED, ADVISORY, SKIPPED)


@dataclass
class CheckResult:
    area: str
    name: str
    outcome: str  # PASSED, FAILED or SKIPPED
    message: str = ""  # the failure sentence, or why the check was skipped
    example: dict[str, Any] = field(default_factory=dict)  # minimal failing input
    seconds: float = 0.0
    reproducer: str = ""  # the failing call as one line of Python over xp, when the check knows it
    severity: str = "must"  # "must": a failure fails the run; "should"/"recommended": an advisory


def verdict(result: Any) -> str:
    """PASSED, FAILED, ADVISORY or SKIPPED: a failed check is a failure only when its
    finding is a MUST of the standard."""
    if result.outcome != FAILED:
        return result.outcome
    return FAILED if getattr(result, "severity", "must") == "must" else ADVISORY


@dataclass
class AreaSummary:
    area: str
    passed: int = 0
    failed: int = 0
    advisories: int = 0
    skipped: int = 0
    seconds: float = 0.0
    note: str = ""  # e.g. "not offered"


@dataclass
class Report:
    target: str
    settings: dict[str, Any]
    results: list[CheckResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failures(self) -> list[CheckResult]:
        """The MUST findings: each one fails the run."""
        return [r for r in self.results if verdict(r) == FAILED]

    @property
    def advisories(self) -> list[CheckResult]:
        """The SHOULD findings: reported, not failing the run."""
        return [r for r in self.results if verdict(r) == ADVISORY]

    @property
    def ok(self) -> bool:
        return not self.failures

    def count(self, outcome: str) -> int:
        """Checks with this verdict: "passed", "failed" (MUST findings), "advisory" or "skipped"."""
        return sum(verdict(r) == outcome for r in self.results)

    def totals(self) -> dict[str, int]:
        return {k: self.count(k) for k in VERDICTS}

    def areas(self) -> list[AreaSummary]:
        summaries: dict[str, AreaSummary] = {}
        for result in self.results:
            summary = summaries.setdefault(result.area, AreaSummary(result.area))
            kind = "advisories" if verdict(result) == ADVISORY else verdict(result)
            setattr(summary, kind, getattr(summary, kind) + 1)
            summary.seconds += result.seconds
            if result.outcome == SKIPPED and result.name == "offered":
                summary.note = result.message
        return list(summaries.values())

    # ---------------------------------------------------------------- rendering
    def summary_table(self) -> str:
        """A plain-text table for the terminal."""
        rows = [("area", "passed", "failed", "advisories", "skipped", "seconds", "")]
        for s in self.areas():
            rows.append((s.area, str(s.passed), str(s.failed), str(s.advisories), str(s.skipped),
                         f"{s.seconds:.1f}", s.note))
        t = self.totals()
        rows.append(("total", str(t[PASSED]), str(t[FAILED]), str(t[ADVISORY]), str(t[SKIPPED]),
                     f"{self.seconds:.1f}", ""))
        columns = len(rows[0]) - 1
        widths = [max(len(r[i]) for r in rows) for i in range(columns)]
        lines = []
        for i, row in enumerate(rows):
            cells = [row[0].ljust(widths[0])] + [row[k].rjust(widths[k]) for k in range(1, columns)]
            lines.append("  ".join(cells) + (f"  {row[-1]}" if row[-1] else ""))
            if i == 0 or i == len(rows) - 2:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        checks = []
        for r in self.results:
            record = asdict(r)
            record["verdict"] = verdict(r)
            checks.append(record)
        return {
            "target": self.target,
            "settings": self.settings,
            "environment": environment(),
            "seconds": round(self.seconds, 2),
            "summary": [asdict(s) for s in self.areas()],
            "totals": _renamed(self.totals()),
            "checks": checks,
        }

    def to_markdown(self, failures_shown: int | None = None) -> str:
        t = self.totals()
        lines = [
            f"# Array API 2025.12 conformance: `{self.target}`",
            "",
            "Settings: " + ", ".join(f"{k}={v}" for k, v in self.settings.items())
            + f". Environment: {', '.join(f'{k} {v}' for k, v in environment().items())}.",
            "",
            f"**{t[PASSED]} passed, {t[FAILED]} failed, {t[ADVISORY]} advisories, {t[SKIPPED]} skipped**"
            f" in {self.seconds:.1f} s.",
            "",
            "| area | passed | failed | advisories | skipped | note |",
            "|---|---:|---:|---:|---:|---|",
        ]
        for s in self.areas():
            lines.append(f"| {s.area} | {s.passed} | {s.failed} | {s.advisories} | {s.skipped} | {_md(s.note)} |")
        lines.append(f"| **total** | **{t[PASSED]}** | **{t[FAILED]}** | **{t[ADVISORY]}** | **{t[SKIPPED]}** | |")
        for title, found in (("Failures (MUST)", self.failures), ("Advisories (SHOULD)", self.advisories)):
            shown = found if failures_shown is None else found[:failures_shown]
            if shown:
                lines += ["", f"## {title}", ""]
                lines += finding_lines(shown)
                if len(shown) < len(found):
                    lines.append(f"\n... and {len(found) - len(shown)} more in report.json.")
        skipped = [r for r in self.results if r.outcome == SKIPPED]
        if skipped:
            lines += ["", "## Skipped checks", ""]
            lines += [f"- {r.area} / {_md(r.name)}: {_md(r.message)}" for r in skipped]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Report:
        """The Report a report.json holds (to redraw a matrix without running again)."""
        fields = set(CheckResult.__dataclass_fields__)
        results = [CheckResult(**{k: v for k, v in check.items() if k in fields}) for check in data["checks"]]
        return cls(data["target"], data["settings"], results, data.get("seconds", 0.0))

    def write(self, directory: str) -> None:
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, "report.json"), "w", encoding="utf-8") as handle:
            json.dump(self.to_json(), handle, indent=1, ensure_ascii=False)
        with open(os.path.join(directory, "report.md"), "w", encoding="utf-8") as handle:
            handle.write(self.to_markdown())


def finding_lines(results: list[CheckResult]) -> list[str]:
    """Markdown list items grouped by area: the check, its sentence and its reproducer."""
    lines: list[str] = []
    current = None
    for result in results:
        if result.area != current:
            current = result.area
            lines += ["", f"### {current}", ""]
        lines.append(f"- **{_md(result.name)}**: {_md(result.message)}")
        if result.reproducer:
            lines.append(f"  reproducer: {_code(result.reproducer)}")
    return lines


# ------------------------------------------------------------------- the matrix

# How a verdict appears in the matrix's table of checks.
MARKS = {PASSED: "✓", FAILED: "✗", ADVISORY: "△", SKIPPED: "–"}


@dataclass
class Matrix:
    """Several reports side by side: rows are areas (and, below, checks), columns are
    the namespaces in the order they were asked for."""

    reports: list[Report]
    settings: dict[str, Any] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)  # namespace -> why it was not tested
    versions: dict[str, str] = field(default_factory=dict)  # namespace -> the library versions tested
    command: str = ""

    @property
    def columns(self) -> list[str]:
        return [r.target for r in self.reports]

    def area_names(self) -> list[str]:
        names: list[str] = []
        for report in self.reports:
            for summary in report.areas():
                if summary.area not in names:
                    names.append(summary.area)
        return names

    def check_rows(self) -> list[tuple[str, str, dict[str, CheckResult]]]:
        """(area, check name, {namespace: result}) for every check of any namespace, in
        the order first seen; a name repeated inside one report gets a ' #2' suffix."""
        rows: dict[tuple[str, str], dict[str, CheckResult]] = {}
        for report in self.reports:
            seen: dict[tuple[str, str], int] = {}
            for result in report.results:
                key = (result.area, result.name)
                seen[key] = seen.get(key, 0) + 1
                if seen[key] > 1:
                    key = (result.area, f"{result.name} #{seen[key]}")
                rows.setdefault(key, {})[report.target] = result
        return [(area, name, cells) for (area, name), cells in rows.items()]

    def to_json(self) -> dict[str, Any]:
        areas = []
        for area in self.area_names():
            cells = {}
            for report in self.reports:
                summary = next((s for s in report.areas() if s.area == area), None)
                cells[report.target] = None if summary is None else {
                    "passed": summary.passed, "failed": summary.failed, "advisories": summary.advisories,
                    "skipped": summary.skipped, "note": summary.note}
            areas.append({"area": area, "cells": cells})
        return {
            "standard": "2025.12",
            "command": self.command,
            "settings": self.settings,
            "environment": environment(),
            "columns": self.columns,
            "versions": self.versions,
            "not_tested": self.missing,
            "totals": {r.target: {**_renamed(r.totals()), "seconds": round(r.seconds, 2)} for r in self.reports},
            "areas": areas,
            "checks": [{"area": area, "name": name, "verdicts": {t: verdict(c) for t, c in cells.items()}}
                       for area, name, cells in self.check_rows()],
            "findings": {r.target: [{"area": f.area, "name": f.name, "verdict": verdict(f), "message": f.message,
                                     "reproducer": f.reproducer} for f in r.failures + r.advisories]
                         for r in self.reports},
        }

    def to_markdown(self) -> str:
        """The areas table (counts per namespace), then per area a table of the checks
        that fail or advise somewhere. Messages and reproducers are in matrix.json
        ("findings") and each namespace's report.md, which this page stays short without."""
        columns = self.columns
        header = " | ".join(f"`{c}`" for c in columns)
        lines = ["# Array API 2025.12 conformance matrix", ""]
        if self.command:
            lines += [f"Generated by `{self.command}`.", ""]
        lines += [
            "Settings: " + ", ".join(f"{k}={v}" for k, v in self.settings.items())
            + f". Environment: {', '.join(f'{k} {v}' for k, v in environment().items())}.",
            "",
            "A cell of the areas table is *passed / failed / advisories*. A failure is a finding about a"
            " MUST of the standard (it fails the run); an advisory is about a SHOULD or a recommendation"
            " (reported, not failing). In the tables of checks: ✗ failed, △ advisory, ✓ passed,"
            " – skipped, blank: the namespace has no such check.",
        ]
        if self.missing:
            lines += ["", "Not tested: " + "; ".join(f"`{name}` ({_md(why)})" for name, why in self.missing.items())
                      + "."]
        lines += ["", "## Areas", "", f"| area | {header} |", "|---|" + "---:|" * len(columns)]
        if self.versions:
            lines.append("| *versions* | " + " | ".join(_md(self.versions.get(c, "")) for c in columns) + " |")
        for area in self.area_names():
            cells = []
            for report in self.reports:
                summary = next((s for s in report.areas() if s.area == area), None)
                cells.append("" if summary is None else _cell(summary.passed, summary.failed, summary.advisories,
                                                              summary.skipped, summary.note))
            lines.append(f"| {area} | " + " | ".join(cells) + " |")
        lines.append("| **total** | " + " | ".join(
            _cell(t[PASSED], t[FAILED], t[ADVISORY], t[SKIPPED], "") for t in (r.totals() for r in self.reports))
            + " |")
        lines.append("| seconds | " + " | ".join(f"{r.seconds:.1f}" for r in self.reports) + " |")
        skipped = [(r.target, s.area, s.note) for r in self.reports for s in r.areas()
                   if s.passed == s.failed == s.advisories == 0 and s.skipped]
        if skipped:
            lines += ["", "Skipped areas:", ""]
            lines += [f"- `{target}`, {area}: {_md(note) or 'every check skipped'}" for target, area, note in skipped]

        rows = [row for row in self.check_rows() if any(verdict(c) in (FAILED, ADVISORY) for c in row[2].values())]
        lines += ["", "## Checks that do not pass everywhere"]
        if not rows:
            lines += ["", "None: every check passes (or is skipped) on every namespace."]
        for area in self.area_names():
            in_area = [row for row in rows if row[0] == area]
            if not in_area:
                continue
            lines += ["", f"### {area}", "", f"| check | {header} |", "|---|" + ":-:|" * len(columns)]
            for _, name, cells in in_area:
                marks = [MARKS[verdict(cells[c])] if c in cells else "" for c in columns]
                lines.append(f"| {_md(name)} | " + " | ".join(marks) + " |")
        return "\n".join(lines) + "\n"

    def write(self, directory: str) -> list[str]:
        """matrix.json and matrix.md in ``directory``; returns the paths written."""
        os.makedirs(directory, exist_ok=True)
        paths = [os.path.join(directory, "matrix.json"), os.path.join(directory, "matrix.md")]
        with open(paths[0], "w", encoding="utf-8") as handle:
            json.dump(self.to_json(), handle, indent=1, ensure_ascii=False)
        with open(paths[1], "w", encoding="utf-8") as handle:
            handle.write(self.to_markdown())
        return paths


def _renamed(totals: dict[str, int]) -> dict[str, int]:
    return {("advisories" if k == ADVISORY else k): v for k, v in totals.items()}


def _cell(passed: int, failed: int, advisory: int, skipped: int, note: str) -> str:
    if passed == failed == advisory == 0 and skipped:
        return "skipped"
    return f"{passed} / {f'**{failed}**' if failed else 0} / {advisory}"


def _md(text: str) -> str:
    """Keep table cells and list items intact on GitHub and MkDocs."""
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def _code(text: str) -> str:
    """Inline code that survives backticks and pipes inside it."""
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def directory_name(label: str) -> str:
    """A folder name for a target label (``bridge:numpy`` -> ``bridge-numpy``)."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", label).strip("-")


def environment() -> dict[str, str]:
    import hypothesis
    import numpy

    return {"python": platform.python_version(), "numpy": numpy.__version__, "hypothesis": hypothesis.__version__}

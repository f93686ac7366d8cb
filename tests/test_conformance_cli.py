"""The conformance suite's command line and reports: several namespaces side by side,
verdicts (a MUST finding fails the run, a SHOULD finding is an advisory), plain line
output where stdout is not a terminal, and one-line reproducers that reproduce.

Deviations are planted in importable copies of array_api_strict (a module written to a
temporary folder on sys.path), so the command line sees them as any namespace.
"""

from __future__ import annotations

import io
import json
import math
import os
import re
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import conformance
from conformance.__main__ import main
from conformance.progress import LineProgress, make_progress
from conformance.report import ADVISORY, FAILED, CheckResult, Report, verdict
from conformance.reproduce import array_source, evaluate, literal
from conformance.runner import resolve_targets, split_names

strict = pytest.importorskip("array_api_strict")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Module text of a copy of array_api_strict; a planted module appends its deviations.
COPY = """
import array_api_strict as _strict

globals().update({name: getattr(_strict, name) for name in dir(_strict) if not name.startswith("__")})
__array_api_version__ = _strict.__array_api_version__
__array_namespace_info__ = _strict.__array_namespace_info__
linalg, fft = _strict.linalg, _strict.fft
"""

PLANTED = {
    # ValueError where the standard says expand_dims *should* raise IndexError: an advisory
    "planted_expand_dims": """
        def expand_dims(x, /, *, axis=0):
            try:
                return _strict.expand_dims(x, axis=axis)
            except IndexError as error:  # AxisError is both; raise a plain ValueError
                raise ValueError(str(error)) from None
    """,
    # the vecdot of bridge's issue: small integer inputs give uint64 (promotion gives uint8)
    "planted_vecdot": """
        def vecdot(x1, x2, /, *, axis=-1):
            result = _strict.vecdot(x1, x2, axis=axis)
            if _strict.isdtype(result.dtype, "unsigned integer"):
                return _strict.astype(result, _strict.uint64)
            return result
    """,
    # asarray of a Python int above 2**63 - 1 overflows, as bridge's isin did
    "planted_isin": """
        def isin(x1, x2, /, *, invert=False):
            for value in (x1, x2):
                if isinstance(value, int) and value > 2**63 - 1:
                    raise OverflowError("Python int too large to convert to C long")
            return _strict.isin(x1, x2, invert=invert)
    """,
    # sort that leaves the last two elements in place
    "planted_sort": """
        def sort(x, /, *, axis=-1, descending=False, stable=True):
            result = _strict.sort(x, axis=axis, descending=descending, stable=stable)
            if x.ndim == 1 and x.shape[0] >= 2:
                return _strict.concat([result[:-2], x[-2:]])
            return result
    """,
    # zeros_like that ignores the device of x
    "planted_zeros_like": """
        def zeros_like(x, /, *, dtype=None, device=None):
            return _strict.zeros_like(x, dtype=dtype, device=device or __array_namespace_info__().default_device())
    """,
}


@pytest.fixture
def planted(tmp_path, monkeypatch):
    """Write the planted modules into tmp_path and put it on sys.path."""
    for name, body in PLANTED.items():
        (tmp_path / f"{name}.py").write_text(COPY + textwrap.dedent(body))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in PLANTED:
        sys.modules.pop(name, None)


def run_cli(capsys, *arguments: str) -> tuple[int, str]:
    status = main(["--quick", "--progress", "lines", *arguments])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


# ------------------------------------------------------------------ the matrix


def test_several_namespaces_write_a_matrix_with_one_column_each(tmp_path, capsys):
    report = tmp_path / "report"
    status, out = run_cli(capsys, "--namespace", "numpy,array_api_strict", "--namespace", "not_a_namespace_xyz",
                          "--areas", "creation,sets,devices", "--report", str(report))
    assert status == 1  # array_api_strict 2.6.1 ignores isin's invert=
    assert "note: not_a_namespace_xyz is not tested: not installed" in out
    data = json.loads((report / "matrix.json").read_text())
    assert data["columns"] == ["numpy", "array_api_strict"]
    assert set(data["not_tested"]) == {"not_a_namespace_xyz"}
    assert [a["area"] for a in data["areas"]] == ["creation", "sets", "devices"]
    for area in data["areas"]:
        assert set(area["cells"]) == {"numpy", "array_api_strict"}
        assert set(area["cells"]["numpy"]) >= {"passed", "failed", "advisories", "skipped"}
    isin = [f for f in data["findings"]["array_api_strict"] if f["name"] == "isin with and without invert"]
    assert isin and isin[0]["verdict"] == "failed" and isin[0]["reproducer"].startswith("xp.isin(")
    rows = {(c["area"], c["name"]): c["verdicts"] for c in data["checks"]}
    assert rows[("sets", "isin with and without invert")] == {"numpy": "passed", "array_api_strict": "failed"}
    markdown = (report / "matrix.md").read_text()
    assert "| area | `numpy` | `array_api_strict` |" in markdown
    assert "### sets\n\n| check | `numpy` | `array_api_strict` |\n|---|:-:|:-:|\n| isin with and without invert | ✓ | ✗ |" \
        in markdown
    for column in ("numpy", "array_api_strict"):
        assert (report / column / "report.json").exists() and (report / column / "report.md").exists()


def test_bridge_means_every_backend():
    bridge = pytest.importorskip("bridge")
    targets, missing = resolve_targets(["bridge", "bridge:no_such_backend"])
    assert [t.label for t in targets] == [f"bridge:{name}" for name in bridge.available_backends()]
    assert "bridge:no_such_backend" in missing


def test_namespace_names_split_on_commas_and_repeats():
    assert split_names(["bridge,numpy", " jax.numpy ", "numpy,array_api_strict"]) == [
        "bridge", "numpy", "jax.numpy", "array_api_strict"]


# ------------------------------------------------------------------- verdicts


def test_advisory_only_exits_0(planted, capsys):
    status, out = run_cli(capsys, "--namespace", "planted_expand_dims", "--areas", "manipulation")
    assert status == 0, out
    assert "ADVISORY [manipulation] expand_dims(x, axis=3) for x of shape (2, 3) raised ValueError" in out
    assert "# expected IndexError, got ValueError" in out
    assert "FAIL [" not in out


def test_must_failure_exits_1(planted, capsys):
    status, out = run_cli(capsys, "--namespace", "planted_vecdot", "--areas", "linalg")
    assert status == 1
    assert "FAIL [linalg] vecdot(uint8 array, uint8 array) has dtype uint64; type promotion gives uint8" in out


def test_report_counts_should_findings_as_advisories():
    results = [CheckResult("a", "must", "failed"), CheckResult("a", "should", "failed", severity="should"),
               CheckResult("a", "fine", "passed")]
    report = Report("x", {}, results)
    assert [verdict(r) for r in results] == [FAILED, ADVISORY, "passed"]
    assert report.count("failed") == 1 and report.count("advisory") == 1 and not report.ok
    assert Report("x", {}, results[1:]).ok
    assert report.to_json()["totals"] == {"passed": 1, "failed": 1, "advisories": 1, "skipped": 0}
    assert "advisories" in report.summary_table().splitlines()[0]


# -------------------------------------------------------------------- output


def test_output_is_one_line_per_area_when_stdout_is_not_a_terminal():
    completed = subprocess.run(
        [sys.executable, "-m", "conformance", "--quick", "--namespace", "numpy", "--areas", "creation,sets,sorting"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": ROOT})
    out = completed.stdout
    assert "\r" not in out and "\x1b[" not in out
    for area in ("creation", "sets", "sorting"):
        assert re.search(rf"^numpy\s+{area}\s+\d+ passed\s+\d+ failed\s+\d+ advisories\s+\d+ skipped\s+[\d.]+ s$",
                         out, re.M), out
    assert out.index("numpy  creation") < out.index("numpy  sets") < out.index("numpy  sorting")


def test_progress_display_falls_back_to_lines():
    stream = io.StringIO()  # not a terminal
    assert isinstance(make_progress("auto", stream), LineProgress)
    report = conformance.run(strict, areas=["sets"], quick=True, listener=LineProgress(stream))
    lines = stream.getvalue().splitlines()
    assert lines[0] == f"== array_api_strict: {len(report.results)} checks in 1 areas"
    assert lines[1].startswith("array_api_strict  sets") and "1 failed" in lines[1]


# ---------------------------------------------------------------- reproducers


def reproducers(report, area: str) -> list[str]:
    found = [r.reproducer for r in report.failures + report.advisories if r.area == area and r.reproducer]
    assert found, [r.message for r in report.failures + report.advisories]
    for reproducer in found:
        assert "\n" not in reproducer and "  # " in reproducer
    return found


def outcome(reproducer: str, xp):
    """What evaluating the line gives: ('raised', type) or ('value', dtype name, values)."""
    try:
        value = evaluate(reproducer, xp)
    except Exception as error:
        return "raised", type(error)
    if hasattr(value, "dtype"):
        return "value", str(value.dtype).rsplit(".", 1)[-1], np.asarray(value).tolist()
    return "value", value


def test_reproducer_of_an_exception_type_reproduces(planted):
    import planted_expand_dims

    report = conformance.run(planted_expand_dims, areas=["manipulation"], quick=True)
    for reproducer in reproducers(report, "manipulation"):
        assert reproducer.startswith("xp.expand_dims(") and reproducer.endswith("# expected IndexError, got ValueError")
        kind, error = outcome(reproducer, planted_expand_dims)
        assert kind == "raised" and issubclass(error, ValueError) and not issubclass(error, IndexError)
        assert issubclass(outcome(reproducer, strict)[1], IndexError)  # the reference raises what it should


@pytest.mark.parametrize("module, area, start", [
    ("planted_vecdot", "linalg", "xp.vecdot("),
    ("planted_isin", "sets", "xp.isin("),
    ("planted_sort", "sorting", "xp.sort("),
    ("planted_zeros_like", "devices", "xp.zeros_like("),
])
def test_reproducer_of_a_wrong_result_reproduces(planted, module, area, start):
    """Evaluated with xp bound to the planted namespace the line gives another result
    than with xp bound to array_api_strict, which the planted copy differs from only
    in the one function."""
    namespace = __import__(module)
    report = conformance.run(namespace, areas=[area], quick=True, seed=3)
    reference = conformance.run(strict, areas=[area], quick=True, seed=3)
    clean = {r.name for r in reference.results if r.outcome == "passed"}  # strict's own findings aside
    mine = [r.reproducer for r in report.failures + report.advisories if r.name in clean]
    assert mine and all(start in r for r in mine), mine
    for reproducer in mine:
        assert "\n" not in reproducer and "  # expected " in reproducer
        assert outcome(reproducer, namespace) != outcome(reproducer, strict), reproducer


def test_reproducer_rendering_evaluates_to_the_same_array():
    @settings(max_examples=60, deadline=None, database=None)
    @given(hnp.arrays(st.sampled_from([np.float64, np.float32, np.int8, np.uint64, np.bool_, np.complex128]),
                      hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=3)))
    def round_trip(a):
        back = np.asarray(evaluate(array_source(a), np))
        assert back.dtype == a.dtype and back.shape == a.shape
        assert back.tobytes() == a.tobytes()  # bit for bit: NaN, -0.0, inf

    round_trip()
    assert literal(complex(-0.0, math.inf)) == "complex(-0.0, float('inf'))"
    assert eval(literal((slice(1, None), Ellipsis, None))) == (slice(1, None), Ellipsis, None)


def test_progress_bars_on_a_terminal_show_each_area():
    pytest.importorskip("rich")
    from conformance.progress import RichProgress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    display = make_progress("auto", stream)
    assert isinstance(display, RichProgress)
    report = conformance.run(strict, areas=["creation", "sets"], quick=True, listener=display)
    drawn = stream.getvalue()
    assert "creation" in drawn and "sets" in drawn and "ETA" in drawn
    assert report.count("passed") >= 1

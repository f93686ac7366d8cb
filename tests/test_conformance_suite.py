"""Meta-tests of the conformance suite: it must catch deliberately planted deviations,
stay clean where a namespace is right, and pass on bridge when bridge exists."""

from __future__ import annotations

import importlib
import json
import math
import types

import numpy as np
import pytest

import conformance
from conformance.core import Context
from conformance.special_cases import SPECIAL_CASES

xps_strict = pytest.importorskip("array_api_strict")


def namespace_copy(module, **replacements):
    """A module-like copy of ``module`` with some functions replaced."""
    copy = types.SimpleNamespace(**{name: getattr(module, name) for name in dir(module) if not name.startswith("__")})
    copy.__array_api_version__ = module.__array_api_version__
    copy.__array_namespace_info__ = module.__array_namespace_info__
    copy.__name__ = f"{module.__name__} (planted)"
    for name, function in replacements.items():
        setattr(copy, name, function)
    return copy


def failed_names(report, area):
    return [r.name for r in report.results if r.area == area and r.outcome == "failed"]


def test_every_special_case_row_has_inputs():
    """A row whose conditions no pool value meets would silently test nothing."""
    empty = [case.text() for case in SPECIAL_CASES if not case.inputs()]
    assert not empty, empty


def test_catches_wrong_exp_values():
    xp = xps_strict
    planted = namespace_copy(xp, exp=lambda x, /: xp.exp(x) * 1.001)
    report = conformance.run(planted, areas=["elementwise"], quick=True, seed=1)
    failures = failed_names(report, "elementwise")
    assert "exp: real values, shapes and dtypes" in failures
    message = next(r.message for r in report.failures if r.name == "exp: real values, shapes and dtypes")
    assert "exp(" in message and "expected" in message and "got" in message


def test_catches_dropped_floor_divide_special_case():
    xp = xps_strict

    def floor_divide(x1, x2, /):
        # Wrong on purpose: +0 // negative gives +0 instead of -0.
        result = xp.floor_divide(x1, x2)
        return xp.where(result == 0, xp.abs(result), result) if xp.isdtype(result.dtype, "real floating") else result

    planted = namespace_copy(xp, floor_divide=floor_divide)
    report = conformance.run(planted, areas=["elementwise"], quick=True)
    failures = failed_names(report, "elementwise")
    assert any(name.startswith("floor_divide special case") and "+0 and x2_i is <0 → -0" in name for name in failures)
    clean = conformance.run(xp, areas=["elementwise"], quick=True)
    assert not any("+0 and x2_i is <0 → -0" in name for name in failed_names(clean, "elementwise"))


def test_catches_wrong_promotion_and_missing_name():
    xp = xps_strict

    def add(x1, x2, /):  # wrong on purpose: always returns float64
        return xp.astype(xp.add(x1, x2), xp.float64)

    planted = namespace_copy(xp, add=add)
    del planted.hypot
    report = conformance.run(planted, areas=["namespace", "elementwise"], quick=True)
    assert "add: result dtypes follow the promotion table" in failed_names(report, "elementwise")
    assert "main:hypot is present" in failed_names(report, "namespace")


def test_finds_known_numpy_deviations():
    report = conformance.run(np, areas=["elementwise", "operators", "data_types", "sorting", "fft"], quick=True)
    messages = " ".join(r.message for r in report.failures)
    assert "floor_divide with float64 operands (x1=-inf, x2=1.0)" in messages
    assert "x1 ** x2 with float64 operands (x1=-inf, x2=0.5, x2 as a Python float)" in messages
    assert "finfo(float32).eps" in messages
    try:
        np.sort(np.arange(3), descending=True)
    except TypeError:  # NumPy before 2.5 has no descending sort
        assert "descending" in messages
    assert "fftfreq" in messages


def test_quick_run_on_array_api_strict_and_report_files(tmp_path):
    report = conformance.run(xps_strict, quick=True, seed=0)
    assert {s.area for s in report.areas()} >= {"namespace", "elementwise", "dlpack", "autograd"}
    # array_api_strict is near-clean; what fails is inherited from NumPy or a known strict bug.
    allowed = ("floor_divide", "x1 // x2", "x1 ** x2", "isin(", "to_device", "expm1", "sqrt", "sign with",
               "tanh with", "tan with")
    unexpected = [r.message for r in report.failures if not any(word in r.message for word in allowed)]
    assert not unexpected, unexpected
    report.write(str(tmp_path))
    data = json.loads((tmp_path / "report.json").read_text())
    assert data["totals"]["failed"] == len(report.failures)
    assert all("outcome" in check for check in data["checks"])
    assert "| area | passed | failed |" in (tmp_path / "report.md").read_text()


def test_context_round_trips_special_values():
    ctx = Context(np, "numpy")
    values = [math.nan, -0.0, math.inf, 1.5]
    back = ctx.to_numpy(ctx.asarray(values, "float64"))
    assert math.isnan(back[0]) and math.copysign(1, back[1]) < 0 and back[2] == math.inf


def test_quick_run_on_bridge():
    try:
        bridge = importlib.import_module("bridge")
    except ImportError as error:
        pytest.skip(f"bridge is not importable: {error}")
    report = conformance.run(bridge, quick=True, seed=0)
    assert report.ok, "\n".join(r.message for r in report.failures[:20])


def test_subnormal_results_may_be_flushed_where_the_namespace_flushes():
    # the standard leaves subnormal support to the implementation (CuPy flushes float32
    # results to zero): the sign-preserving zero passes only for a flushing namespace
    from conformance.areas.elementwise import assert_values
    from conformance.core import CheckFailure
    from conformance.elementwise_table import ELEMENTWISE

    divide = next(spec for spec in ELEMENTWISE if spec.name == "divide")
    tiny = np.finfo(np.float32).tiny
    inputs = [np.array([tiny], np.float32), np.array([-2.0], np.float32)]
    flushed = np.array([-0.0], np.float32)
    assert_values(divide, "divide", "float32", inputs, flushed, "float32", flushes=True)
    with pytest.raises(CheckFailure, match="expected"):
        assert_values(divide, "divide", "float32", inputs, flushed, "float32", flushes=False)
    with pytest.raises(CheckFailure):  # a zero of the wrong sign is still wrong
        assert_values(divide, "divide", "float32", inputs, -flushed, "float32", flushes=True)


def test_context_probes_subnormal_flushing():
    xp = xps_strict
    assert not Context(xp, "strict").flushes_subnormals("float32")

    def flushing_divide(x1, x2, /):
        out = xp.divide(x1, x2)
        tiny = float(np.finfo(np.float32).tiny)
        return xp.where(xp.abs(out) < tiny, out * 0.0, out)

    planted = namespace_copy(xp, divide=flushing_divide)
    assert Context(planted, "flushing").flushes_subnormals("float32")


def test_catches_an_axis_out_of_range_that_does_not_raise():
    xp = xps_strict

    def flip(x, /, *, axis=None):  # wrong on purpose: clamps an out-of-range axis
        if isinstance(axis, int) and axis >= x.ndim:
            axis = x.ndim - 1
        return xp.flip(x, axis=axis)

    report = conformance.run(namespace_copy(xp, flip=flip), areas=["manipulation"], quick=True)
    failure = next(r for r in report.failures if r.name.startswith("an out-of-range axis raises"))
    assert "flip(x, axis=2) for x of shape (2, 3) returned without raising" in failure.message
    assert failure.reproducer.endswith("# expected an exception, got no exception")


def test_catches_a_reduction_that_keeps_a_small_integer_dtype():
    xp = xps_strict

    def cumulative_sum(x, /, *, axis=None, dtype=None, include_initial=False):  # wrong on purpose: no widening
        out = xp.cumulative_sum(x, axis=axis, dtype=dtype, include_initial=include_initial)
        return xp.astype(out, x.dtype) if dtype is None else out

    report = conformance.run(namespace_copy(xp, cumulative_sum=cumulative_sum), areas=["statistics"], quick=True)
    messages = [r.message for r in report.failures]
    assert "cumulative_sum(int8 array) has dtype int8; the standard's result dtype for int8 input is int64" in messages


# ------------------------------------------------------------------ each class of issue 17


def test_catches_a_vecdot_that_widens_small_integers():
    xp = xps_strict

    def vecdot(x1, x2, /, *, axis=-1):  # wrong on purpose: accumulates uint8 in uint64
        out = xp.vecdot(x1, x2, axis=axis)
        return xp.astype(out, xp.uint64) if x1.dtype == xp.uint8 else out

    report = conformance.run(namespace_copy(xp, vecdot=vecdot), areas=["linalg"], quick=True)
    assert any("vecdot" in r.message and "uint64" in r.message for r in report.failures), \
        [r.message for r in report.failures]


def test_catches_a_clip_whose_bounds_do_not_broadcast_x():
    xp = xps_strict

    def clip(x, /, min=None, max=None):  # noqa: A002 - wrong on purpose: bounds must fit x
        for bound in (min, max):
            if hasattr(bound, "shape") and bound.shape != x.shape and len(bound.shape) > len(x.shape):
                raise ValueError("clip: bound does not broadcast to x's shape")
        return xp.clip(x, min, max)

    report = conformance.run(namespace_copy(xp, clip=clip), areas=["elementwise"], quick=True)
    failure = next(r for r in report.failures if r.name == "clip: array bounds broadcast x")
    assert "xp.clip(" in failure.reproducer and "ValueError" in failure.message


def test_catches_isin_refusing_a_python_int_the_dtype_holds():
    xp = xps_strict

    def isin(x1, x2, /, *, invert=False):  # wrong on purpose: goes through int64
        for value in (x1, x2):
            if isinstance(value, int) and not -2**63 <= value < 2**63:
                raise OverflowError("Python int too large to convert to C long")
        return xp.isin(x1, x2, invert=invert)

    report = conformance.run(namespace_copy(xp, isin=isin), areas=["sets"], quick=True)
    assert any("isin" in r.message and "OverflowError" in r.message for r in report.failures), \
        [r.message for r in report.failures]


def test_catches_expand_dims_raising_value_error_for_an_axis():
    xp = xps_strict

    def expand_dims(x, /, *, axis=0):  # wrong on purpose: the standard names IndexError
        try:
            return xp.expand_dims(x, axis=axis)
        except IndexError as error:
            raise ValueError(str(error)) from None

    report = conformance.run(namespace_copy(xp, expand_dims=expand_dims), areas=["manipulation"], quick=True)
    findings = [r for r in report.results if r.area == "manipulation" and "expand_dims" in r.message]
    assert findings and all("IndexError" in r.message for r in findings)

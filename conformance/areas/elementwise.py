"""Elementwise functions: result dtype by the promotion table, result shape by
broadcasting, values against a double-precision math/cmath reference, Python scalar
operands, and every special case of the standard (special_cases.py parses them from
the standard's text: the bullets, and the rows its symmetries and "as if implemented
as" sentences imply)."""

from __future__ import annotations

import cmath
import math
import struct
from collections.abc import Callable
from typing import Any

import numpy as np
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ..core import (
    COMPLEX_DTYPES,
    DTYPE_INFO,
    INTEGER_DTYPES,
    REAL_OF_COMPLEX,
    Check,
    CheckFailure,
    CheckSkipped,
    Context,
    broadcast_shapes,
    close,
    describe,
    fail,
    finfo_eps,
    fmt_scalar,
    promote,
    to_plain,
)
from ..elementwise_table import ELEMENTWISE, Elementwise
from ..reproduce import Source, call_source, line, literal
from ..special_cases import SPECIAL_CASES, Expect, SpecialCase

AREA = "elementwise"

SHAPES = hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4)


# ------------------------------------------------------------------- generation


def wrap_integer(value: int, dtype: str) -> int:
    """Two's-complement wrap of a Python int into ``dtype`` (unsigned negation and
    bitwise inversion of unsigned values are defined modulo 2**bits)."""
    kind, bits = DTYPE_INFO[dtype]
    value %= 1 << bits
    if kind == "signed" and value >= 1 << (bits - 1):
        value -= 1 << bits
    return value


def integer_range(spec: Elementwise, dtype: str, second: bool) -> tuple[int, int]:
    low, high = (spec.integer_domain2 if second else spec.integer_domain) or (-10, 10)
    if DTYPE_INFO[dtype][0] == "unsigned":
        low = max(low, 0)
        if spec.name == "subtract":  # keep unsigned differences from wrapping below zero
            low, high = (10, 20) if not second else (0, 10)
    return low, high


def representable_bounds(low: float, high: float, width: int) -> tuple[float, float]:
    """Shrink [low, high] to bounds exactly representable at ``width`` bits (hypothesis
    refuses float32 bounds like 0.1)."""
    if width != 32:
        return low, high
    low32, high32 = np.float32(low), np.float32(high)
    if float(low32) < low:
        low32 = np.nextafter(low32, np.float32(np.inf))
    if float(high32) > high:
        high32 = np.nextafter(high32, np.float32(-np.inf))
    return float(low32), float(high32)


def element_strategy(spec: Elementwise, dtype: str, second: bool = False) -> st.SearchStrategy:
    kind, bits = DTYPE_INFO[dtype]
    if kind == "bool":
        return st.booleans()
    if kind in ("signed", "unsigned"):
        low, high = integer_range(spec, dtype, second)
        values = st.integers(low, high)
        return values.filter(lambda v: v != 0) if (second and spec.nonzero2) else values
    width = bits if kind == "real floating" else bits // 2

    def floats(low: float, high: float) -> st.SearchStrategy:
        low, high = representable_bounds(low, high, width)
        return st.floats(low, high, width=width, allow_nan=False, allow_infinity=False, allow_subnormal=False)

    if kind == "real floating":
        intervals = spec.domain2 if second else spec.domain
        return st.one_of(*(floats(low, high) for low, high in intervals))
    low, high = spec.complex_domain
    return st.builds(complex, floats(low, high), floats(low, high))


def operands(spec: Elementwise, dtype: str, shapes: tuple[tuple[int, ...], ...]) -> st.SearchStrategy:
    return st.tuples(*(
        hnp.arrays(np.dtype(dtype), shape, elements=element_strategy(spec, dtype, second=i == 1))
        for i, shape in enumerate(shapes)
    ))


def expected_dtype(spec: Elementwise, *dtypes: str) -> str | None:
    if spec.result == "bool":
        return "bool"
    promoted = dtypes[0] if len(dtypes) == 1 else promote(*dtypes)
    if promoted is None:
        return None
    if spec.result == "real":
        return REAL_OF_COMPLEX.get(promoted, promoted)
    return promoted


def function_of(ctx: Context, spec: Elementwise) -> Callable[..., Any]:
    function = getattr(ctx.xp, spec.name, None)
    if function is None:
        fail(f"{spec.name} is missing from the namespace")
    return function


def reference_value(spec: Elementwise, dtype: str, *values: Any) -> Any:
    """The math/cmath reference on Python scalars; examples outside the reference's
    domain (cmath poles) are discarded."""
    is_complex = dtype in COMPLEX_DTYPES
    reference = spec.complex_reference if is_complex else spec.reference
    try:
        if spec.name == "nextafter":
            result = reference(*values, dtype=dtype)
        else:
            result = reference(*values)
    except (ValueError, ZeroDivisionError, OverflowError):
        assume(False)
    if dtype in INTEGER_DTYPES and isinstance(result, int) and not isinstance(result, bool):
        result = wrap_integer(result, dtype)
    return result


def tolerance(spec: Elementwise, dtype: str) -> float:
    if spec.exact or dtype in INTEGER_DTYPES or dtype == "bool":
        return 0.0
    # A few ulps of the result dtype: libraries may lose 1-4 ulps in transcendental
    # functions, and float32 results of a float64 reference round once more. Complex
    # results are compared relative to their modulus, and a small component (the real
    # part of expm1(iy)) carries the cancellation of the whole; allow more there.
    return (64 if dtype in COMPLEX_DTYPES else 16) * finfo_eps(dtype)


def _pow_condition(spec: Elementwise, dtype: str, values: list) -> float:
    """How much a complex ``pow`` amplifies rounding: the standard defines it as
    exp(x2 * log(x1)), and a relative error e in that exponent u becomes |u| * e in the
    result (exp's condition number). Python's reference computes |x1|**x2 with a real
    pow instead, so where |u| is large (a tiny or huge base) the two legitimately differ
    by |u| times the rounding of u. 1 for every other function."""
    if spec.name != "pow" or dtype not in COMPLEX_DTYPES or values[0] == 0:
        return 1.0
    try:
        return max(1.0, abs(complex(values[1]) * cmath.log(complex(values[0]))))
    except (ValueError, OverflowError):
        return 1.0


def _flushed_subnormal(want: Any, have: Any, result_dtype: str) -> bool:
    """``have`` is ``want``, a subnormal of the (real) result dtype, flushed to the zero
    of its sign."""
    if not isinstance(want, float) or not isinstance(have, float) or have != 0 or want == 0:
        return False
    return abs(want) < float(np.finfo(np.dtype(result_dtype)).tiny) and \
        math.copysign(1.0, have) == math.copysign(1.0, want)


def assert_values(spec: Elementwise, call: str, result_dtype: str, inputs: list[np.ndarray],
                  got: np.ndarray, dtype: str, flushes: bool = False) -> None:
    """Compare with the reference element by element; ``flushes``: the namespace
    flushes subnormal results of this dtype to zero (allowed by the standard)."""
    shape = broadcast_shapes(*(x.shape for x in inputs))
    if got.shape != shape:
        fail(f"{call}: expected shape {shape} by broadcasting, got {got.shape}", inputs=inputs)
    rtol = tolerance(spec, dtype)
    broadcast = [np.broadcast_to(x, shape) for x in inputs]
    for index in np.ndindex(*shape):
        values = [x[index].item() for x in broadcast]
        want = reference_value(spec, dtype, *values)
        if result_dtype in ("float32", "complex64") and isinstance(want, (float, complex)):
            # The double-precision reference rounded to the result dtype, so overflow and
            # underflow of float32 results are expected, not deviations.
            want = np.dtype(result_dtype).type(want).item()
        have = got[index].item()
        if rtol == 0.0:
            ok = (isinstance(want, float) and math.isnan(want) and math.isnan(have)) or have == want
            if isinstance(want, float) and want == 0 and ok and spec.name in ("copysign", "negative", "round"):
                ok = math.copysign(1, have) == math.copysign(1, want)
        else:
            # Absolute slack of rtol for periodic functions (argument reduction) and for
            # complex results, whose small components inherit the error of the whole.
            absolute = spec.name in ("sin", "cos", "tan", "sign") or dtype in COMPLEX_DTYPES
            element_rtol = rtol * _pow_condition(spec, dtype, values)
            ok = close(have, want, element_rtol, atol=element_rtol if absolute else 0.0)
        if not ok and flushes and result_dtype in ("float32", "float64"):
            ok = _flushed_subnormal(want, have, result_dtype)
        if not ok:
            at = ", ".join(f"x{i + 1 if len(values) > 1 else ''}={fmt_scalar(v)}" for i, v in enumerate(values))
            fail(
                f"{call}: at index {index} ({at}) expected {fmt_scalar(want)} "
                f"({'exact' if rtol == 0 else f'rtol {rtol:.1e}'} against the Python math/cmath reference),"
                f" got {fmt_scalar(have)}",
                inputs=inputs, index=list(index), expected=want, got=have,
            )


# ------------------------------------------------------------------------ checks


def check_result_dtypes(spec: Elementwise) -> Callable[[Context], None]:
    """Every dtype (unary) or dtype pair (binary) of the function's category that the
    promotion table defines gives the table's result dtype."""

    def run(ctx: Context) -> None:
        function = function_of(ctx, spec)
        dtypes = ctx.dtypes_in(spec.category)
        if not dtypes:
            raise CheckSkipped(f"no {spec.category} dtypes offered")
        pairs = [(d,) for d in dtypes] if spec.arity == 1 else [
            (a, b) for a in dtypes for b in dtypes if promote(a, b) is not None
        ]
        for pair in pairs:
            arrays = [ctx.asarray([True] if d == "bool" else [1], d) for d in pair]
            want = expected_dtype(spec, *pair)
            got = ctx.dtype_name(function(*arrays).dtype)
            if got != want:
                operands_text = ", ".join(f"{d} array" for d in pair)
                fail(f"{spec.name}({operands_text}) returned dtype {got}; the promotion rules give {want}",
                     dtypes=list(pair), expected=want, got=got)

    return run


def check_values(spec: Elementwise, complex_only: bool) -> Callable[[Context], None]:
    def run(ctx: Context) -> None:
        function = function_of(ctx, spec)
        dtypes = [d for d in ctx.dtypes_in(spec.category) if (d in COMPLEX_DTYPES) == complex_only]
        if not dtypes:
            raise CheckSkipped(f"no {'complex' if complex_only else 'real'} dtypes of {spec.category} offered")

        if spec.arity == 1:
            shapes = SHAPES.map(lambda s: (s,))
        else:
            shapes = hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4).map(
                lambda b: b.input_shapes)

        @st.composite
        def cases(draw: Callable) -> tuple[str, tuple]:
            dtype = draw(st.sampled_from(dtypes))
            return dtype, draw(operands(spec, dtype, draw(shapes)))

        def body(case: tuple[str, tuple]) -> None:
            dtype, inputs = case
            arrays = [ctx.asarray(x, dtype) for x in inputs]
            call = f"{spec.name}({', '.join(describe(x) for x in inputs)})"
            out = function(*arrays)
            want_dtype = expected_dtype(spec, *([dtype] * spec.arity))
            got_dtype = ctx.dtype_name(out.dtype)
            if got_dtype != want_dtype:
                fail(f"{call}: expected dtype {want_dtype}, got {got_dtype}", inputs=list(inputs))
            flushes = want_dtype in ("float32", "float64") and ctx.flushes_subnormals(want_dtype)
            assert_values(spec, call, want_dtype, list(inputs), ctx.to_numpy(out), dtype, flushes)

        ctx.for_all(cases(), body)

    return run


def check_scalar_operands(spec: Elementwise) -> Callable[[Context], None]:
    """Since 2024.12 binary functions accept a Python scalar for either operand; the
    result keeps the array's dtype."""

    def run(ctx: Context) -> None:
        function = function_of(ctx, spec)
        dtypes = [d for d in ctx.dtypes_in(spec.category) if d not in COMPLEX_DTYPES]
        if not dtypes:
            raise CheckSkipped(f"no real {spec.category} dtypes offered")
        for dtype in dtypes:
            kind = DTYPE_INFO[dtype][0]
            if kind == "bool":
                scalar, values = True, [True, False]
            elif kind in ("signed", "unsigned"):
                scalar, values = 2, [3, 1]
            else:
                scalar, values = 1.5, [0.5, 2.0]
            if spec.name in ("bitwise_left_shift", "bitwise_right_shift"):
                scalar = 1
            array = ctx.asarray(values, dtype)
            for position in (0, 1):
                args = (array, scalar) if position == 1 else (scalar, array)
                text = f"{spec.name}({'x' if position == 1 else fmt_scalar(scalar)}, " \
                       f"{fmt_scalar(scalar) if position == 1 else 'x'}) with x a {dtype} array {values}"
                out = function(*args)
                want_dtype = expected_dtype(spec, dtype, dtype)
                got_dtype = ctx.dtype_name(out.dtype)
                if got_dtype != want_dtype:
                    fail(f"{text}: expected dtype {want_dtype}, got {got_dtype}", dtype=dtype, scalar=scalar)
                got = ctx.to_numpy(out)
                for i, v in enumerate(values):
                    pair = (v, scalar) if position == 1 else (scalar, v)
                    if kind not in ("bool", "signed", "unsigned"):
                        pair = tuple(float(np.dtype(dtype).type(p)) for p in pair)
                    want = reference_value(spec, dtype, *pair)
                    have = got[i].item()
                    if not close(have, want, max(tolerance(spec, dtype), 1e-12)) and have != want:
                        fail(f"{text}: element {i} expected {fmt_scalar(want)}, got {fmt_scalar(have)}",
                             dtype=dtype, scalar=scalar, values=values)

    return run


def special_case_dtypes(case: SpecialCase, ctx: Context) -> list[str]:
    wanted = ("complex128", "complex64") if case.is_complex else ("float64", "float32")
    return [d for d in wanted if ctx.has(d)]


def _argument_columns(case: SpecialCase, inputs: list[tuple[float, ...]]) -> list[list[Any]]:
    """The function's arguments per input: x (or x1, x2, or x, min, max) for real rows;
    complex(a, b) (and complex(c, d)) for complex ones."""
    if case.operands == "complex unary":
        return [[complex(a, b) for a, b in inputs]]
    if case.operands == "complex binary":
        return [[complex(a, b) for a, b, _, _ in inputs], [complex(c, d) for _, _, c, d in inputs]]
    return [list(column) for column in zip(*inputs)]


def expected_text(expects: tuple[Expect | None, ...]) -> str:
    """'1 + 0j', '+π/2', 'NaN ± infj' for a row's expectations at one input."""
    if len(expects) == 2 and expects[1] is not None:
        real = expects[0].text() if expects[0] is not None else "any"
        imag = expects[1].text()
        sign = "-" if imag.startswith("-") else ("±" if imag.startswith("±") else "+")
        return f"{real} {sign} {imag.lstrip('+-±')}j"
    return expects[0].text() if expects and expects[0] is not None else "any"


def evaluate_special_case(
    ctx: Context, case: SpecialCase, call: Callable[..., Any], label: str, scalar_second: bool = False
) -> None:
    """Evaluate ``call`` on every pool input of the row and compare each element with
    the row's result at that input. With ``scalar_second`` the second operand is
    passed as a Python float, one call per distinct value (how ``x ** 0.5`` reaches
    the library). A failure carries the row's severity (a SHOULD row is an advisory)."""
    inputs = case.inputs()
    if not inputs:
        raise CheckSkipped("no pool value meets this case")
    dtypes = special_case_dtypes(case, ctx)
    if not dtypes:
        raise CheckSkipped("no floating-point dtype of this kind offered")
    names = case.names
    for dtype in dtypes:
        rtol = 64 * finfo_eps(dtype)
        columns = _argument_columns(case, inputs)
        groups: list[tuple[list[int], Any]] = []
        if scalar_second:
            # One call per distinct second operand; keyed by bit pattern so that +0/-0
            # and NaNs of either sign stay apart.
            by_bits: dict[bytes, list[int]] = {}
            for r, value in enumerate(columns[1]):
                by_bits.setdefault(struct.pack("<d", value), []).append(r)
            groups = [(rows, columns[1][rows[0]]) for rows in by_bits.values()]
        else:
            groups.append((list(range(len(inputs))), None))
        for rows, scalar in groups:
            arrays = [ctx.asarray([column[r] for r in rows], dtype) for column in columns]
            out = call(arrays[0], scalar) if scalar_second else call(*arrays)
            got = ctx.to_numpy(out).reshape(-1)
            if got.size != len(rows):
                fail(f"{label} with {dtype} operands of shape ({len(rows)},) returned {got.size} elements",
                     dtype=dtype)
            for position, r in enumerate(rows):
                values = dict(zip(names, inputs[r]))
                expects = case.expect(values)
                have = got[position].item()
                parts = (have.real, have.imag) if isinstance(have, complex) else (have, 0.0)
                if all(e is None or e.matches(part, rtol) for e, part in zip(expects, parts)):
                    continue
                shown = ", ".join(f"{k}={fmt_scalar(v)}" for k, v in values.items())
                note = f" (the standard notes: {case.note})" if case.note else ""
                raise CheckFailure(
                    f"{label} with {dtype} operands ({shown}{', x2 as a Python float' if scalar_second else ''})"
                    f": the standard's special case '{case.text()}' requires {expected_text(expects)}"
                    f", got {fmt_scalar(have)}{note}",
                    {"operands": to_plain(values), "dtype": dtype, "got": to_plain(have), "case": case.text(),
                     "expected": expected_text(expects), "bullet": case.bullet},
                    severity=case.severity,
                )


def special_case_source(function: str, case: SpecialCase, failure: CheckFailure) -> str:
    """The failing element as one line of Python: ``xp.tanh(xp.asarray([complex(...)],
    dtype=xp.complex128))  # expected ..., got ...``."""
    example = failure.example
    values, dtype = example.get("operands"), example.get("dtype")
    if not isinstance(values, dict) or dtype not in DTYPE_INFO:
        return ""
    numbers = tuple(float(values[k]) for k in case.names)  # to_plain wrote nan, inf, -0.0 as their repr
    columns = _argument_columns(case, [numbers])
    arguments = [Source(f"xp.asarray([{literal(column[0])}], dtype=xp.{dtype})") for column in columns]
    return line(call_source(function, *arguments),
                f"the standard's special case '{example.get('case', '')}': expected {example.get('expected')}, "
                f"got {example.get('got')}")


def check_special_case(case: SpecialCase) -> Callable[[Context], None]:
    def run(ctx: Context) -> None:
        function = getattr(ctx.xp, case.function, None)
        if function is None:
            fail(f"{case.function} is missing from the namespace")
        try:
            evaluate_special_case(ctx, case, function, case.function)
        except CheckFailure as failure:
            if not failure.reproducer:
                failure.reproducer = special_case_source(case.function, case, failure)
            raise

    return run


def check_clip(ctx: Context) -> None:
    """clip against minimum/maximum semantics (its NaN special cases are rows of special_cases.py)."""
    clip = getattr(ctx.xp, "clip", None)
    if clip is None:
        fail("clip is missing from the namespace")
    values = [-3.0, -1.0, 0.0, 0.5, 2.0, 7.0]
    for dtype in ctx.dtypes_in("real numeric"):
        is_float = DTYPE_INFO[dtype][0] == "real floating"
        data = values if is_float else [int(v) for v in values]
        if DTYPE_INFO[dtype][0] == "unsigned":
            data = [abs(int(v)) for v in values]
        low, high = (1, 5) if not is_float else (-0.5, 1.5)
        out = ctx.to_numpy(clip(ctx.asarray(data, dtype), low, high))
        want = [min(max(v, low), high) for v in data]
        if out.tolist() != want or ctx.dtype_name(clip(ctx.asarray(data, dtype), low, high).dtype) != dtype:
            fail(f"clip(x={data} ({dtype}), {low}, {high}): expected {want} with dtype {dtype}, got {out.tolist()}",
                 x=data, min=low, max=high, dtype=dtype)


def check_clip_broadcasting(ctx: Context) -> None:
    """Array bounds broadcast with x (the standard: min and max "must be compatible with
    x", the result has the broadcast shape), also where they make it larger than x."""
    from ._shared import call

    if "float64" not in ctx.dtypes_in("real floating"):
        return
    data = [-3.0, 0.5, 7.0]
    lows = [[0.0], [-5.0]]
    highs = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    x, low, high = (ctx.asarray(v, "float64") for v in (data, lows, highs))
    for bounds in ((low, None), (None, high), (low, high)):
        outcome = call(ctx, "clip", x, *bounds)
        got = ctx.to_numpy(outcome.value)
        expected = np.clip(np.asarray(data), *(None if b is None else np.asarray(v)
                                                for b, v in zip(bounds, (lows, highs))))
        if got.shape != expected.shape or not np.array_equal(got, expected):
            fail(f"{outcome.code}: expected shape {expected.shape} and {expected.tolist()}, got "
                 f"shape {got.shape} and {got.tolist()}",
                 reproducer=line(outcome.code, f"expected shape {expected.shape}, got {got.shape}"))


def checks(ctx: Context):
    for spec in ELEMENTWISE:
        yield Check(AREA, f"{spec.name}: result dtypes follow the promotion table", check_result_dtypes(spec))
        if spec.reference is not None:
            yield Check(AREA, f"{spec.name}: real values, shapes and dtypes", check_values(spec, complex_only=False))
        if spec.complex_reference is not None and spec.category in ("numeric", "floating", "complex floating", "any"):
            yield Check(AREA, f"{spec.name}: complex values, shapes and dtypes", check_values(spec, complex_only=True))
        if spec.arity == 2 and spec.name != "nextafter":
            yield Check(AREA, f"{spec.name}: Python scalar operands", check_scalar_operands(spec))
    yield Check(AREA, "clip: values and dtype", check_clip)
    yield Check(AREA, "clip: array bounds broadcast x", check_clip_broadcasting)
    for case in SPECIAL_CASES:
        yield Check(AREA, f"{case.function} special case ({case.operands}): {case.text()}", check_special_case(case),
                    severity=case.severity)

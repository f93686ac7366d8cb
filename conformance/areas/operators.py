"""Array operators: each dunder against its elementwise function (same values, dtype and
shape), reflected operators with Python scalars, in-place operators, the special cases
through the operators (with array and with Python scalar operands, which is how
``x ** 0.5`` reaches a library), and the scalar conversion dunders."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ..core import (
    COMPLEX_DTYPES,
    DTYPE_INFO,
    Check,
    CheckFailure,
    CheckSkipped,
    Context,
    describe,
    fail,
    fmt_scalar,
)
from ..elementwise_table import BY_NAME, ELEMENTWISE, Elementwise
from ..reproduce import array_source, line, literal
from ..special_cases import SPECIAL_CASES
from .elementwise import SHAPES, assert_values, evaluate_special_case, expected_dtype, operands

AREA = "operators"

BINARY_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "__add__": operator.add, "__sub__": operator.sub, "__mul__": operator.mul, "__truediv__": operator.truediv,
    "__floordiv__": operator.floordiv, "__mod__": operator.mod, "__pow__": operator.pow,
    "__and__": operator.and_, "__or__": operator.or_, "__xor__": operator.xor,
    "__lshift__": operator.lshift, "__rshift__": operator.rshift,
    "__eq__": operator.eq, "__ne__": operator.ne, "__lt__": operator.lt, "__le__": operator.le,
    "__gt__": operator.gt, "__ge__": operator.ge,
}
INPLACE_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "__add__": operator.iadd, "__sub__": operator.isub, "__mul__": operator.imul,
    "__truediv__": operator.itruediv, "__floordiv__": operator.ifloordiv, "__mod__": operator.imod,
    "__pow__": operator.ipow, "__and__": operator.iand, "__or__": operator.ior, "__xor__": operator.ixor,
    "__lshift__": operator.ilshift, "__rshift__": operator.irshift,
}
UNARY_OPERATORS = {"__neg__": operator.neg, "__pos__": operator.pos, "__invert__": operator.invert,
                   "__abs__": operator.abs}
# How each unary operator is written in a reproducer.
UNARY_TEMPLATES = {"__neg__": "-{0}", "__pos__": "+{0}", "__invert__": "~{0}", "__abs__": "abs({0})"}
SYMBOLS = {"__add__": "+", "__sub__": "-", "__mul__": "*", "__truediv__": "/", "__floordiv__": "//",
           "__mod__": "%", "__pow__": "**", "__and__": "&", "__or__": "|", "__xor__": "^",
           "__lshift__": "<<", "__rshift__": ">>", "__eq__": "==", "__ne__": "!=", "__lt__": "<",
           "__le__": "<=", "__gt__": ">", "__ge__": ">="}


def check_operator_values(spec: Elementwise) -> Callable[[Context], None]:
    """``x1 <op> x2`` (or ``<op> x``) gives the elementwise function's values."""

    def run(ctx: Context) -> None:
        apply = BINARY_OPERATORS.get(spec.operator) or UNARY_OPERATORS[spec.operator]
        dtypes = [d for d in ctx.dtypes_in(spec.category)]
        if not dtypes:
            raise CheckSkipped(f"no {spec.category} dtypes offered")
        shapes = SHAPES.map(lambda s: (s,)) if spec.arity == 1 else hnp.mutually_broadcastable_shapes(
            num_shapes=2, max_dims=3, max_side=3).map(lambda b: b.input_shapes)

        @st.composite
        def cases(draw):
            dtype = draw(st.sampled_from(dtypes))
            return dtype, draw(operands(spec, dtype, draw(shapes)))

        def body(case):
            dtype, inputs = case
            if dtype in COMPLEX_DTYPES and spec.complex_reference is None:
                return
            if dtype not in COMPLEX_DTYPES and spec.reference is None:
                return
            arrays = [ctx.asarray(x, dtype) for x in inputs]
            symbol = SYMBOLS.get(spec.operator, spec.operator)
            call = (f"{describe(inputs[0])} {symbol} {describe(inputs[1])}" if spec.arity == 2
                    else f"{spec.operator}({describe(inputs[0])})")
            code = operator_source(spec.operator, *(array_source(x, dtype) for x in inputs))
            out = apply(*arrays)
            want = expected_dtype(spec, *([dtype] * spec.arity))
            if ctx.dtype_name(out.dtype) != want:
                fail(f"{call}: expected dtype {want}, got {ctx.dtype_name(out.dtype)}", inputs=list(inputs),
                     reproducer=line(code, f"expected dtype {want}, got {ctx.dtype_name(out.dtype)}"))
            flushes = want in ("float32", "float64") and ctx.flushes_subnormals(want)
            with reproducing(code, call):
                assert_values(spec, call, want, list(inputs), ctx.to_numpy(out), dtype, flushes)

        ctx.for_all(cases(), body)

    return run


def operator_source(dunder: str, *operands: str) -> str:
    """``x1 <symbol> x2`` or the unary form, over operand sources."""
    if dunder in UNARY_TEMPLATES:
        return UNARY_TEMPLATES[dunder].format(*operands)
    return f"{operands[0]} {SYMBOLS[dunder]} {operands[1]}"


class reproducing:  # noqa: N801 - used as a statement: `with reproducing(code, call):`
    """Give a failure raised inside (by a helper that builds only the sentence) the
    reproducer ``code``, commented with the sentence's part after ``call``."""

    def __init__(self, code: str, call: str):
        self.code, self.call = code, call

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, error: Any, traceback: Any) -> bool:
        if isinstance(error, CheckFailure) and not getattr(error, "reproducer", ""):
            comment = error.message[len(self.call):].lstrip(": ") if error.message.startswith(self.call) else \
                error.message
            error.reproducer = line(self.code, comment)
        return False


def inplace_source(dunder: str, target: str, other: str) -> str:
    """``x <op>= y`` as an expression: operator's in-place function on a named x."""
    name = INPLACE_OPERATORS[dunder].__name__
    return f"__import__('operator').{name}((x := {target}), {other})"


def scalar_for(dtype: str, spec: Elementwise) -> Any:
    kind = DTYPE_INFO[dtype][0]
    if kind == "bool":
        return True
    if kind in ("signed", "unsigned"):
        return 1 if spec.name.startswith("bitwise_") and "shift" in spec.name else 2
    return 2.0


def check_reflected_and_inplace(spec: Elementwise) -> Callable[[Context], None]:
    """``scalar <op> x`` uses the reflected dunder; ``x <op>= y`` updates x in place,
    keeps its dtype, and equals ``x <op> y``."""

    def run(ctx: Context) -> None:
        apply = BINARY_OPERATORS[spec.operator]
        dtypes = [d for d in ctx.dtypes_in(spec.category) if d not in COMPLEX_DTYPES]
        if not dtypes:
            raise CheckSkipped(f"no real {spec.category} dtypes offered")
        for dtype in dtypes:
            kind = DTYPE_INFO[dtype][0]
            base = [True, False] if kind == "bool" else ([3, 1] if kind in ("signed", "unsigned") else [0.5, 3.0])
            scalar = scalar_for(dtype, spec)
            symbol = SYMBOLS[spec.operator]
            x = ctx.asarray(base, dtype)
            reflected = apply(scalar, x)
            function = getattr(ctx.xp, spec.name)
            want = ctx.to_numpy(function(ctx.asarray([scalar] * 2, dtype), x))
            got = ctx.to_numpy(reflected)
            if got.tolist() != want.tolist() or ctx.dtype_name(reflected.dtype) != ctx.dtype_name(function(x, x).dtype):
                code = f"{literal(scalar)} {symbol} {array_source(np.asarray(base), dtype)}"
                fail(f"{fmt_scalar(scalar)} {symbol} x with x a {dtype} array {base}: expected {want.tolist()} "
                     f"({spec.name} of the broadcast scalar), got {got.tolist()} with dtype "
                     f"{ctx.dtype_name(reflected.dtype)}", dtype=dtype, scalar=scalar, x=base,
                     reproducer=line(code, f"expected {want.tolist()}, got {got.tolist()} "
                                           f"({ctx.dtype_name(reflected.dtype)})"))
            if spec.operator not in INPLACE_OPERATORS or spec.result == "bool":
                continue
            if spec.name == "divide" and kind != "real floating":
                continue
            target = ctx.asarray(base, dtype)
            other = ctx.asarray([scalar] * 2, dtype)
            expected = ctx.to_numpy(apply(ctx.asarray(base, dtype), other)).tolist()
            before = id(target)
            target = INPLACE_OPERATORS[spec.operator](target, other)
            base_code, other_code = array_source(np.asarray(base), dtype), array_source(np.asarray([scalar] * 2), dtype)
            if id(target) != before:
                fail(f"x {symbol}= y with x a {dtype} array: the result is a new object; in-place operators must "
                     f"update x", dtype=dtype,
                     reproducer=line(f"{inplace_source(spec.operator, base_code, other_code)} is x", "expected True"))
            if ctx.dtype_name(target.dtype) != dtype or ctx.to_numpy(target).tolist() != expected:
                fail(f"x {symbol}= y with x = {base} ({dtype}), y = {[scalar] * 2}: expected {expected} with dtype "
                     f"{dtype}, got {ctx.to_numpy(target).tolist()} ({ctx.dtype_name(target.dtype)})", dtype=dtype,
                     reproducer=line(inplace_source(spec.operator, base_code, other_code),
                                     f"expected {expected} ({dtype}), got {ctx.to_numpy(target).tolist()} "
                                     f"({ctx.dtype_name(target.dtype)})"))
            scalar_target = ctx.asarray(base, dtype)
            scalar_target = INPLACE_OPERATORS[spec.operator](scalar_target, scalar)
            if ctx.dtype_name(scalar_target.dtype) != dtype or ctx.to_numpy(scalar_target).tolist() != expected:
                fail(f"x {symbol}= {fmt_scalar(scalar)} with x = {base} ({dtype}): expected {expected}, got "
                     f"{ctx.to_numpy(scalar_target).tolist()} ({ctx.dtype_name(scalar_target.dtype)})", dtype=dtype,
                     reproducer=line(inplace_source(spec.operator, base_code, literal(scalar)),
                                     f"expected {expected} ({dtype}), got {ctx.to_numpy(scalar_target).tolist()} "
                                     f"({ctx.dtype_name(scalar_target.dtype)})"))

    return run


def check_operator_special_case(case, dunder: str, scalar_second: bool) -> Callable[[Context], None]:
    def run(ctx: Context) -> None:
        apply = BINARY_OPERATORS.get(dunder) or UNARY_OPERATORS[dunder]
        label = f"x1 {SYMBOLS[dunder]} x2" if case.arity == 2 else f"{dunder}(x)"
        try:
            evaluate_special_case(ctx, case, apply, label, scalar_second=scalar_second)
        except CheckFailure as failure:
            if not getattr(failure, "reproducer", ""):
                failure.reproducer = special_case_reproducer(dunder, failure, scalar_second)
            raise

    return run


def special_case_reproducer(dunder: str, failure: CheckFailure, scalar_second: bool) -> str:
    """The one failing element of a special case as an operator expression, from the
    failure's example (its operands, dtype and result)."""
    example = failure.example
    values, dtype = example.get("operands"), example.get("dtype")
    if not isinstance(values, dict) or dtype not in DTYPE_INFO:
        return ""
    numbers = [float(v) for v in values.values()]  # to_plain wrote nan, inf, -0.0 as their repr
    sources = [array_source(np.asarray([v]), dtype) for v in numbers]
    if scalar_second and len(sources) == 2:
        sources[1] = literal(numbers[1])
    return line(operator_source(dunder, *sources), f"the standard's special case '{example.get('case', '')}'; got "
                                                    f"{example.get('got')}")


def check_matmul_operator(ctx: Context) -> None:
    a = np.arange(6, dtype=float).reshape(2, 3)
    b = np.arange(12, dtype=float).reshape(3, 4)
    dtype = "float64" if ctx.has("float64") else "float32"
    x, y = ctx.asarray(a, dtype), ctx.asarray(b, dtype)
    got = ctx.to_numpy(x @ y)
    if not np.allclose(got, a @ b):
        fail(f"x @ y with x {describe(a)}, y {describe(b)}: expected {(a @ b).tolist()}, got {got.tolist()}",
             reproducer=line(f"{array_source(a, dtype)} @ {array_source(b, dtype)}",
                             f"expected {(a @ b).tolist()}, got {got.tolist()}"))
    square = ctx.asarray(np.eye(3) * 2, dtype)
    z = ctx.asarray(a, dtype)
    z @= square
    if not np.allclose(ctx.to_numpy(z), a * 2):
        code = f"__import__('operator').imatmul((x := {array_source(a, dtype)}), {array_source(np.eye(3) * 2, dtype)})"
        fail(f"x @= 2*eye(3) with x {describe(a)}: expected {(a * 2).tolist()}, got {ctx.to_numpy(z).tolist()}",
             reproducer=line(code, f"expected {(a * 2).tolist()}, got {ctx.to_numpy(z).tolist()}"))


def check_scalar_conversions(ctx: Context) -> None:
    cases = [("bool", True, bool), ("int64", 7, int), ("int64", 7, operator.index), ("float64", 2.5, float),
             ("complex128", 1 + 2j, complex), ("float64", 3.0, int)]
    for dtype, value, convert in cases:
        if not ctx.has(dtype):
            continue
        x = ctx.asarray(value, dtype)
        got = convert(x)
        want = convert(value)
        if got != want or type(got) is not type(want):
            name = getattr(convert, "__name__", str(convert))
            function = f"__import__('operator').{name}" if convert is operator.index else name
            fail(f"{name}(0-d {dtype} array {value!r}) gave {got!r} ({type(got).__name__}), expected {want!r}",
                 dtype=dtype, reproducer=line(f"{function}({array_source(np.asarray(value), dtype)})",
                                              f"expected {want!r} ({type(want).__name__}), got {got!r} "
                                              f"({type(got).__name__})"))


def checks(ctx: Context):
    for spec in ELEMENTWISE:
        if spec.operator is None:
            continue
        yield Check(AREA, f"{spec.operator} matches {spec.name}", check_operator_values(spec))
        if spec.operator in BINARY_OPERATORS:
            yield Check(AREA, f"{spec.operator}: reflected and in-place forms", check_reflected_and_inplace(spec))
    yield Check(AREA, "__matmul__ and __imatmul__", check_matmul_operator)
    yield Check(AREA, "__bool__, __int__, __float__, __complex__, __index__ on 0-d arrays", check_scalar_conversions)
    for case in SPECIAL_CASES:
        spec = BY_NAME.get(case.function)
        if spec is None or spec.operator is None or case.is_complex:
            continue
        yield Check(AREA, f"{spec.operator} special case: {case.text()}",
                    check_operator_special_case(case, spec.operator, scalar_second=False))
        if case.arity == 2:
            yield Check(AREA, f"{spec.operator} special case, Python float x2: {case.text()}",
                        check_operator_special_case(case, spec.operator, scalar_second=True))

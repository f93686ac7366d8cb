"""The elementwise functions of the standard as data: arity, the dtypes they accept and
how the result dtype follows from the inputs (read from the standard's stubs), a
scalar reference computed with Python's math/cmath in double precision, and the input
domains on which that reference is well-conditioned (special values are the business
of special_cases.py)."""

from __future__ import annotations

import cmath
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np

from . import stubs

Interval = tuple[float, float]

SYMMETRIC = ((-10.0, 10.0),)
NONZERO = ((-10.0, -0.1), (0.1, 10.0))


@dataclass(frozen=True)
class Elementwise:
    """One elementwise function: what the standard says of it (arity, dtype category,
    result dtype rule: read from its stub) and what the suite adds (a reference, the
    domains where it is well-conditioned, the operator computing the same)."""

    name: str
    reference: Callable[..., Any] | None  # on Python float/int/bool operands
    complex_reference: Callable[..., Any] | None = None  # on Python complex operands
    domain: tuple[Interval, ...] = SYMMETRIC  # real floating x / x1
    domain2: tuple[Interval, ...] = SYMMETRIC  # real floating x2
    integer_domain: tuple[int, int] | None = (-10, 10)  # signed-integer x / x1
    integer_domain2: tuple[int, int] | None = (-10, 10)  # signed-integer x2; 0 excluded if nonzero2
    nonzero2: bool = False  # integer divisors must not be 0
    complex_domain: Interval = (-3.0, 3.0)
    operator: str | None = None  # the array dunder computing the same thing
    exact: bool = False  # float results must match the reference exactly (rounding, comparisons)
    # From the stub: the number of array arguments, the dtype category of the first
    # ("Should have a real-valued floating-point data type"; key of core.DTYPE_CATEGORIES),
    # and the result dtype rule: "bool" ("a data type of ``bool``"), "real" (complex input
    # gives the real dtype of its precision) or "promoted".
    arity: int = field(init=False)
    category: str = field(init=False)
    result: str = field(init=False)

    def __post_init__(self) -> None:
        arity, category, result = standard_rules(self.name)
        object.__setattr__(self, "arity", arity)
        object.__setattr__(self, "category", NARROWED.get(self.name, (category, ""))[0])
        object.__setattr__(self, "result", result)


# Where the suite checks fewer dtypes than the stub's wording admits, and why.
NARROWED: dict[str, tuple[str, str]] = {
    "divide": ("floating", "integer operands are allowed ('Should have a numeric data type'), but the result "
                           "must be floating-point, which type promotion does not give for integers"),
    "real": ("floating", "integer operands are allowed ('Should have a numeric data type'), but the result "
                         "must have a floating-point dtype of the operand's precision, which integers do not have"),
}


def standard_rules(name: str) -> tuple[int, str, str]:
    """(arity, dtype category, result rule) of an elementwise function, from its stub."""
    entry = stubs.standard()[name]
    arrays = [p for p in entry.call_parameters if p.annotation and "array" in p.annotation]
    category = next((p.dtype_category for p in arrays if p.dtype_category), None)
    if category is None:
        raise ValueError(f"the stub of {name} states no dtype for its operands")
    returns = entry.section("Returns")
    if "data type of ``bool``" in returns or "data type of `bool`" in returns:
        result = "bool"
    elif "whose precision matches" in returns or "with the same floating-point precision" in returns:
        result = "real"
    else:
        result = "promoted"
    return len(arrays), category, result


def _floor_divide(a: Any, b: Any) -> Any:
    if isinstance(a, int) and isinstance(b, int):
        return a // b
    # Exact quotient, then floor: the standard defines floor division as
    # floor(x1 / x2) of the mathematical quotient, not of a rounded one.
    return float(math.floor(Fraction(a) / Fraction(b)))


def _logaddexp(a: float, b: float) -> float:
    high = max(a, b)
    return high + math.log1p(math.exp(-abs(a - b)))


def _sign(x: Any) -> Any:
    if isinstance(x, complex):
        return 0j if x == 0 else x / abs(x)
    if isinstance(x, float):
        return float((x > 0) - (x < 0))
    return (x > 0) - (x < 0)


def _round_half_even(v: float) -> float:
    # Python's round is half-to-even; copysign keeps round(-0.2) == -0.0 as IEEE does.
    return math.copysign(float(round(v)), v) if math.isfinite(v) else v


def _round(x: Any) -> Any:
    if isinstance(x, complex):
        return complex(_round_half_even(x.real), _round_half_even(x.imag))
    return _round_half_even(x) if isinstance(x, float) else x


def _complex_expm1(z: complex) -> complex:
    """exp(z) - 1 without cancellation: expm1(a) cos(b) - 2 sin(b/2)**2 + i exp(a) sin(b)."""
    a, b = z.real, z.imag
    return complex(math.expm1(a) * math.cos(b) - 2 * math.sin(b / 2) ** 2, math.exp(a) * math.sin(b))


def _complex_log1p(z: complex) -> complex:
    # complex(1 + a, b) keeps the sign of a zero imaginary part, which 1 + z would drop.
    return cmath.log(complex(1 + z.real, z.imag))


def _nextafter(a: float, b: float, dtype: str = "float64") -> float:
    if dtype == "float32":
        return float(np.nextafter(np.float32(a), np.float32(b)))
    return math.nextafter(a, b)


def _as_float(function: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """math.ceil and friends return ints; float inputs need float results."""
    return lambda x: float(function(x)) if isinstance(x, float) else function(x)


def _is_finite(x: Any) -> bool:
    return cmath.isfinite(x) if isinstance(x, complex) else (math.isfinite(x) if isinstance(x, float) else True)


def _is_inf(x: Any) -> bool:
    return cmath.isinf(x) if isinstance(x, complex) else (math.isinf(x) if isinstance(x, float) else False)


def _is_nan(x: Any) -> bool:
    return cmath.isnan(x) if isinstance(x, complex) else (math.isnan(x) if isinstance(x, float) else False)


E = Elementwise
POSITIVE_BASE = ((0.1, 10.0),)
ELEMENTWISE: tuple[Elementwise, ...] = (
    E("abs", abs, abs, operator="__abs__"),
    E("acos", math.acos, cmath.acos, domain=((-1.0, 1.0),)),
    E("acosh", math.acosh, cmath.acosh, domain=((1.0, 10.0),)),
    E("add", lambda a, b: a + b, lambda a, b: a + b, operator="__add__"),
    E("asin", math.asin, cmath.asin, domain=((-1.0, 1.0),)),
    E("asinh", math.asinh, cmath.asinh),
    E("atan", math.atan, cmath.atan),
    E("atan2", math.atan2),
    E("atanh", math.atanh, cmath.atanh, domain=((-0.99, 0.99),)),
    E("bitwise_and", lambda a, b: a & b, operator="__and__"),
    E("bitwise_left_shift", lambda a, b: a << b, integer_domain2=(0, 3), operator="__lshift__"),
    E("bitwise_invert", lambda a: (not a) if isinstance(a, bool) else ~a, operator="__invert__"),
    E("bitwise_or", lambda a, b: a | b, operator="__or__"),
    E("bitwise_right_shift", lambda a, b: a >> b, integer_domain2=(0, 3), operator="__rshift__"),
    E("bitwise_xor", lambda a, b: a ^ b, operator="__xor__"),
    E("ceil", _as_float(math.ceil), exact=True),
    E("conj", lambda x: x.conjugate(), lambda x: x.conjugate(), exact=True),
    E("copysign", math.copysign, exact=True),
    E("cos", math.cos, cmath.cos),
    E("cosh", math.cosh, cmath.cosh, domain=((-5.0, 5.0),)),
    E("divide", lambda a, b: a / b, lambda a, b: a / b, domain2=NONZERO, operator="__truediv__"),
    E("equal", lambda a, b: a == b, lambda a, b: a == b, operator="__eq__", exact=True),
    E("exp", math.exp, cmath.exp),
    E("expm1", math.expm1, _complex_expm1),
    E("floor", _as_float(math.floor), exact=True),
    E("floor_divide", _floor_divide, domain2=NONZERO, nonzero2=True,
      operator="__floordiv__", exact=True),
    E("greater", lambda a, b: a > b, operator="__gt__", exact=True),
    E("greater_equal", lambda a, b: a >= b, operator="__ge__", exact=True),
    E("hypot", math.hypot),
    E("imag", None, lambda z: z.imag, exact=True),
    E("isfinite", _is_finite, _is_finite, exact=True),
    E("isinf", _is_inf, _is_inf, exact=True),
    E("isnan", _is_nan, _is_nan, exact=True),
    E("less", lambda a, b: a < b, operator="__lt__", exact=True),
    E("less_equal", lambda a, b: a <= b, operator="__le__", exact=True),
    E("log", math.log, cmath.log, domain=POSITIVE_BASE),
    E("log1p", math.log1p, _complex_log1p, domain=((-0.9, 10.0),)),
    E("log2", math.log2, lambda z: cmath.log(z) / math.log(2), domain=POSITIVE_BASE),
    E("log10", math.log10, cmath.log10, domain=POSITIVE_BASE),
    E("logaddexp", _logaddexp),
    E("logical_and", lambda a, b: a and b, exact=True),
    E("logical_not", lambda a: not a, exact=True),
    E("logical_or", lambda a, b: a or b, exact=True),
    E("logical_xor", lambda a, b: a != b, exact=True),
    E("maximum", max, exact=True),
    E("minimum", min, exact=True),
    E("multiply", lambda a, b: a * b, lambda a, b: a * b, operator="__mul__"),
    E("negative", lambda x: -x, lambda x: -x, operator="__neg__", exact=True),
    E("nextafter", _nextafter, exact=True),
    E("not_equal", lambda a, b: a != b, lambda a, b: a != b, operator="__ne__", exact=True),
    E("positive", lambda x: +x, lambda x: +x, operator="__pos__", exact=True),
    E("pow", lambda a, b: a**b, lambda a, b: a**b, domain=POSITIVE_BASE, domain2=((-3.0, 3.0),),
      integer_domain=(-3, 3), integer_domain2=(0, 4), operator="__pow__"),
    E("real", None, lambda z: z.real, exact=True),
    E("reciprocal", lambda x: 1.0 / x, lambda z: 1 / z, domain=NONZERO),
    E("remainder", lambda a, b: a % b, domain2=NONZERO, nonzero2=True, operator="__mod__"),
    E("round", _round, _round, exact=True),
    E("sign", _sign, _sign),
    E("signbit", lambda x: math.copysign(1.0, x) < 0, exact=True),
    E("sin", math.sin, cmath.sin),
    E("sinh", math.sinh, cmath.sinh, domain=((-5.0, 5.0),)),
    E("square", lambda x: x * x, lambda x: x * x),
    E("sqrt", math.sqrt, cmath.sqrt, domain=((0.0, 100.0),)),
    E("subtract", lambda a, b: a - b, lambda a, b: a - b, operator="__sub__"),
    E("tan", math.tan, cmath.tan, domain=((-1.2, 1.2),), complex_domain=(-1.2, 1.2)),
    E("tanh", math.tanh, cmath.tanh, complex_domain=(-1.2, 1.2)),
    E("trunc", _as_float(math.trunc), exact=True),
)

BY_NAME = {spec.name: spec for spec in ELEMENTWISE}

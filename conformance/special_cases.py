"""Special cases of the elementwise functions, parsed from the standard's own text.

Every bullet of the "Special cases" sections of ``elementwise_functions.py`` (the stubs
in conformance/spec/<revision>/, read by stubs.py) becomes a row: the conditions on the
operands, the expected result per component and the bullet it came from. The grammar
below reads the standard's words; where a bullet does not fit it, it must be listed in
``UNPARSED`` with the reason (the suite's tests assert that list).

Besides the bullets, the text defines rows in three other ways, and these become
derived rows:

* symmetries: "``tanh(conj(x))`` must equal ``conj(tanh(x))``", "``tanh(-x)`` must equal
  ``-tanh(x)``": each stated row also holds at the mirrored input with the mirrored
  result (so ``tanh(+inf + 1j) = 1 + 0j`` gives ``tanh(+inf - 1j) = 1 - 0j``);
* delegation: "special cases must be handled as if the operation is implemented as
  ``-1j * asinh(x*1j)``" (asin, atan, cos, sin, tan), "``1.0 / x``" (reciprocal),
  "``x * x``" (square), "the standard change of base formula" (log2, log10): the rows of
  the target function, carried through the expression;
* composition: "``exp(x2*log(x1))``" (complex pow, a SHOULD): the expected value is
  computed by composing log's and exp's rows (cmath where no row applies) with the
  textbook complex product.

How the notation is read:

* a result written as a complex literal (``1 + 0j``, ``π/2 - 0j``) gives the sign of
  each component: the imaginary part takes the sign of the operator, an unsigned real
  part is positive (``0 + 0j`` is +0 + 0j, as the Python literal and array-api-tests
  read it), unless the text says the sign is unspecified or writes ``±``;
* "an implementation-dependent approximation to ``+π/2``" and every result with π are
  compared with a relative tolerance, the sign exactly;
* where rows overlap with different results (``sqrt``: "``a`` is any value and ``b`` is
  ``+infinity``" and "``a`` is ``NaN`` and ``b`` is any value"), the earlier bullet wins,
  as in C99 Annex G, whose order the standard's lists follow; a derived row has the
  priority of the bullet it comes from.
"""

from __future__ import annotations

import ast
import cmath
import itertools
import math
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import stubs

NAN = float("nan")
NEG_NAN = math.copysign(NAN, -1.0)
INF = float("inf")
PI = math.pi

# Representative operand values: every special value, and finite numbers covering odd
# and even integers, half-integers and magnitudes below and above one.
VALUE_POOL: tuple[float, ...] = (
    NAN, NEG_NAN, 0.0, -0.0, INF, -INF,
    1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.0, -2.0, 2.5, -2.5, 3.0, -3.0, 0.25, -0.25, 7.0, -7.0,
)
# The components of complex operands: every special value, ±1 (atanh and log1p name
# them), and finite numbers both below and above one whose doubles have sin(2y) of
# either sign (ctanh's C99 sign of zero differs from the standard's there). The sign of
# a NaN component matters to no complex case.
COMPONENT_POOL: tuple[float, ...] = (NAN, 0.0, -0.0, INF, -INF, 1.0, -1.0, 0.5, -0.5, 2.5, -2.5, 3.0, -3.0)
# Four-operand rows (complex binary) and three-operand rows (clip) take the product of a
# smaller pool: every special value and a few finite numbers.
SMALL_POOL: tuple[float, ...] = (NAN, 0.0, -0.0, INF, -INF, 1.5, -2.0)

OPERANDS = {
    "real unary": ("x",),
    "real binary": ("x1", "x2"),
    "real ternary": ("x", "min", "max"),
    "complex unary": ("a", "b"),
    "complex binary": ("a", "b", "c", "d"),
}
# What the complex operands are made of: x_i = a + bj, x1_i = a + bj, x2_i = c + dj.
COMPLEX_PARTS = {"x": ("a", "b"), "x1": ("a", "b"), "x2": ("c", "d")}


def _signbit(v: float) -> bool:
    return math.copysign(1.0, v) < 0


def _is_integer(v: float) -> bool:
    return math.isfinite(v) and v == math.floor(v)


def _is_odd_integer(v: float) -> bool:
    return _is_integer(v) and int(v) % 2 == 1


def _same(a: float, b: float) -> bool:
    """Equal, with signed zeros told apart and NaN equal to NaN."""
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b and (a != 0 or _signbit(a) == _signbit(b))


def _round_half_even(v: float) -> float:
    return math.copysign(float(round(v)), v) if math.isfinite(v) else v


# ------------------------------------------------------------- expected values


@dataclass(frozen=True)
class Expect:
    """What one component of a result must be.

    kinds: "exact" (the value, signed zeros told apart, any NaN for NaN), "approx" (an
    implementation-dependent approximation: finite, of the value's sign, within the
    tolerance), "any sign" (``±`` or an unspecified sign: the magnitude, either sign),
    "approx any sign", "bool", "nan sign" (a NaN whose sign bit is that of ``value``),
    "sign" (nonzero value's sign; "the result has a positive mathematical sign"),
    "sign or nan" (that sign unless the result is NaN).
    """

    kind: str
    value: Any

    def matches(self, got: Any, rtol: float) -> bool:
        if self.kind == "bool":
            return bool(got) is bool(self.value)
        got = float(got)
        want = float(self.value)
        if self.kind == "exact":
            return _same(got, want)
        if self.kind == "any sign":
            if math.isnan(want):
                return math.isnan(got)
            return abs(got) == abs(want)
        if self.kind in ("approx", "approx any sign"):
            if not math.isfinite(got):
                return False
            if self.kind == "approx any sign":
                got, want = abs(got), abs(want)
            return abs(got - want) <= rtol * abs(want) and _signbit(got) == _signbit(want)
        if self.kind == "nan sign":
            return math.isnan(got) and _signbit(got) == _signbit(want)
        if self.kind == "sign":
            return not math.isnan(got) and _signbit(got) == _signbit(want)
        if self.kind == "sign or nan":
            return math.isnan(got) or _signbit(got) == _signbit(want)
        raise ValueError(f"unknown expectation kind {self.kind!r}")

    def negated(self) -> Expect:
        if self.kind == "bool":
            raise ValueError("a boolean result has no sign to flip")
        return Expect(self.kind, -float(self.value))

    def scaled(self, factor: float) -> Expect:
        """The expectation of ``factor * component`` for a positive factor (the change of
        base formula of log2 and log10): finite nonzero values become approximations."""
        if self.kind == "bool" or factor <= 0:
            raise ValueError("only positive scaling of numeric results")
        value = float(self.value)
        if self.kind in ("exact", "any sign") and math.isfinite(value) and value != 0:
            return Expect("approx" if self.kind == "exact" else "approx any sign", value * factor)
        return Expect(self.kind, value * factor if math.isfinite(value) else value)

    @property
    def specified(self) -> bool:
        """Whether the value is known exactly enough to feed further computation."""
        return self.kind == "exact"

    def candidates(self) -> list[Any]:
        """Values that meet this expectation (for telling whether two rows agree)."""
        if self.kind == "bool":
            return [bool(self.value)]
        value = float(self.value)
        if self.kind in ("any sign", "approx any sign"):
            return [value, -value]
        if self.kind == "sign":
            return [math.copysign(1.0, value)]
        if self.kind == "sign or nan":
            return [math.copysign(1.0, value), NAN]
        return [value]

    def text(self) -> str:
        if self.kind == "bool":
            return str(bool(self.value))
        return _value_text(float(self.value), self.kind)


def _value_text(value: float, kind: str = "exact") -> str:
    if kind == "nan sign":
        return "NaN with sign bit " + ("1" if _signbit(value) else "0")
    if kind in ("sign", "sign or nan"):
        sign = "negative" if _signbit(value) else "positive"
        return f"{sign} sign" + (" or NaN" if kind == "sign or nan" else "")
    if math.isnan(value):
        return "NaN"
    prefix = "±" if kind in ("any sign", "approx any sign") else ""
    magnitude = abs(value)
    if math.isinf(value):
        body = "inf"
    elif kind.startswith("approx"):
        body = _pi_text(magnitude)
    elif magnitude == 0:
        body = "0"
    else:
        body = repr(magnitude).removesuffix(".0")
    if prefix:
        return prefix + body
    return ("-" if _signbit(value) else "+") + body if body in ("0", "inf") or kind.startswith("approx") else \
        ("-" + body if _signbit(value) else body)


def _pi_text(magnitude: float) -> str:
    for numerator, denominator in ((1, 1), (1, 2), (1, 4), (3, 4)):
        if math.isclose(magnitude, numerator * PI / denominator):
            return f"{'' if numerator == 1 else numerator}π{'' if denominator == 1 else f'/{denominator}'}"
    return f"≈{magnitude:.6g}"


Values = dict[str, float]
Resolver = Callable[[Values], "Expect | None"]


@dataclass(frozen=True, eq=False)
class Template:
    """One component of a row's result before the operands are known: ``resolve`` gives
    the Expect for given operand values (None where this component is not constrained)."""

    text: str
    resolve: Resolver

    def __repr__(self) -> str:
        return f"Template({self.text!r})"


def constant(expect: Expect) -> Template:
    return Template(expect.text(), lambda values: expect)


# ------------------------------------------------------------------- conditions


@dataclass(frozen=True, eq=False)
class Clause:
    """One condition of a row: ``test`` on the operand values (by name: x, x1, x2, a, b,
    c, d, min, max); ``text`` in short form ("x1_i is >0")."""

    text: str
    test: Callable[[Values], bool]


# Values the conditions and results name, as the standard spells them.
_VALUE_WORDS = {"NaN": NAN, "infinity": INF, "0": 0.0, "1": 1.0, "0.0": 0.0, "1.0": 1.0}
_PI = re.compile(r"^(\d*)π(?:/(\d+))?$")


def parse_value(word: str) -> tuple[float, str]:
    """(value, sign) of a value word: ``+0`` -> (0.0, "+"), ``-infinity`` -> (-inf, "-"),
    ``3π/4`` -> (2.356..., ""), ``±0`` -> (0.0, "±"). An unsigned word is positive."""
    word = word.strip()
    sign = ""
    if word[:1] in "+-±":
        sign, word = word[0], word[1:].strip()
    if (m := _PI.match(word)) is not None:
        value = PI * int(m.group(1) or 1) / int(m.group(2) or 1)
    elif word in _VALUE_WORDS:
        value = _VALUE_WORDS[word]
    else:
        raise GrammarError(f"unknown value {word!r}")
    return (-value if sign == "-" else value), sign


class GrammarError(ValueError):
    """A phrase of a bullet that the grammar does not know."""


def _equals(value: float, sign: str) -> Callable[[float], bool]:
    if math.isnan(value):
        return math.isnan
    if value == 0 and sign in ("+", "-"):
        return lambda v: v == 0 and _signbit(v) == (sign == "-")
    return lambda v: v == value


# Predicates on one value: (regex over the phrase, short text, factory of the test).
_PREDICATE_WORDS: dict[str, tuple[str, Callable[[float], bool]]] = {
    "a finite number": ("finite", math.isfinite),
    "a nonzero finite number": ("nonzero finite", lambda v: math.isfinite(v) and v != 0),
    "a positive finite number": ("positive finite", lambda v: math.isfinite(v) and v > 0),
    "a negative finite number": ("negative finite", lambda v: math.isfinite(v) and v < 0),
    "a nonzero number": ("nonzero", lambda v: not math.isnan(v) and v != 0),
    "any value": ("any", lambda v: True),
    "already integer-valued": ("integer-valued", _is_integer),
    "an integer value": ("integer", _is_integer),
    "an odd integer value": ("odd integer", _is_odd_integer),
}
_CODE = re.compile(r"^``([^`]+)``$")


def parse_predicate(phrase: str) -> tuple[str, Callable[[float], bool]]:
    """(short text, test) of what the standard says a value is: ``NaN``, either ``+0``
    or ``-0``, greater than ``0``, a positive finite number, not an odd integer value,
    not equal to ``1``, a finite number or ``NaN`` ..."""
    phrase = phrase.strip()
    if phrase.startswith("not "):
        rest = phrase[4:]
        rest = rest[len("equal to "):] if rest.startswith("equal to ") else rest
        text, test = parse_predicate(rest)
        if (m := _CODE.match(rest)) is not None and parse_value(m.group(1))[0] == 0:
            return "!=0", lambda v: not v == 0  # "not equal to 0": neither zero
        shown = f"!={text}" if _CODE.match(rest) and text != "NaN" else f"not {text}"
        return shown, (lambda v: not test(v))
    if phrase.startswith("either "):
        phrase = phrase[len("either "):]
    if " or " in phrase:
        parts = [parse_predicate(p) for p in phrase.split(" or ")]
        texts = [t for t, _ in parts]
        if sorted(texts) == ["+0", "-0"]:
            text = "±0"
        elif sorted(texts) == ["+inf", "-inf"]:
            text = "±inf"
        else:
            text = " or ".join(texts)
        return text, lambda v: any(test(v) for _, test in parts)
    if (m := _CODE.match(phrase)) is not None:
        value, sign = parse_value(m.group(1))
        return _value_text(value) if not math.isnan(value) else "NaN", _equals(value, sign)
    if (m := re.match(r"^(greater|less) than ``([^`]+)``$", phrase)) is not None:
        bound = parse_value(m.group(2))[0]
        if m.group(1) == "greater":
            return f">{_short(bound)}", lambda v: v > bound
        return f"<{_short(bound)}", lambda v: v < bound
    if phrase in _PREDICATE_WORDS:
        return _PREDICATE_WORDS[phrase]
    raise GrammarError(f"unknown condition {phrase!r}")


def _short(value: float) -> str:
    return repr(value).removesuffix(".0")


_NAME = r"``(?P<{}>[a-z][a-z0-9]*)(?:_i)?``"


def _operand(name: str, allowed: tuple[str, ...]) -> str:
    name = name.removesuffix("_i")
    if name not in allowed:
        raise GrammarError(f"operand {name!r} is not one of {allowed}")
    return name


def _display(name: str) -> str:
    return f"{name}_i" if name in ("x", "x1", "x2", "min", "max") else name


def _normalise_conditions(text: str) -> str:
    text = re.sub(r" \(i\.e\., [^)]*\)", "", text)  # "a positive (i.e., greater than ``0``) finite number"
    text = re.sub(r",? \(?including ``NaN``\)?", "", text)  # "any value (including ``NaN``)", ", including NaN"
    return text


def parse_conditions(text: str, operands: tuple[str, ...]) -> list[Clause]:
    """The clauses of the condition part of a bullet ("``x1_i`` is greater than ``0``,
    ``x1_i`` is a finite number, and ``x2_i`` is ``+infinity``")."""
    text = _normalise_conditions(text.strip())
    whole = _whole_condition(text, operands)
    if whole is not None:
        return whole
    clauses: list[Clause] = []
    for part in re.split(r",\s*and\s+|\s+and\s+|,\s+", text):
        clauses.append(_clause(part.strip(), operands))
    return clauses


def _whole_condition(text: str, operands: tuple[str, ...]) -> list[Clause] | None:
    """Conditions that name several operands at once."""
    # "either ``x1_i`` or ``x2_i`` is ``NaN``", "``a`` or ``b`` is ``NaN``"
    m = re.match(r"^(?:either )?``(\w+)`` or ``(\w+)`` is (.+)$", text)
    if m is not None:
        names = [_operand(m.group(1), operands), _operand(m.group(2), operands)]
        short, test = parse_predicate(m.group(3))
        return [Clause(" or ".join(f"{_display(n)} is {short}" for n in names),
                       lambda v: any(test(v[n]) for n in names))]
    # "``x1_i`` is ``NaN`` or ``x2_i`` is ``NaN``"
    m = re.match(r"^``(\w+)`` is (.+?) or ``(\w+)`` is (.+)$", text)
    if m is not None and m.group(3).removesuffix("_i") in operands:
        first, second = _operand(m.group(1), operands), _operand(m.group(3), operands)
        (s1, t1), (s2, t2) = parse_predicate(m.group(2)), parse_predicate(m.group(4))
        return [Clause(f"{_display(first)} is {s1} or {_display(second)} is {s2}",
                       lambda v: t1(v[first]) or t2(v[second]))]
    # "``a``, ``b``, ``c``, or ``d`` is ``NaN``" / "..., and ``d`` are all ``NaN``"
    m = re.match(r"^((?:``\w+``, )+)(or|and) ``(\w+)`` (?:is|are all) (.+)$", text)
    if m is not None:
        names = [_operand(n, operands) for n in re.findall(r"``(\w+)``", m.group(1))] + \
                [_operand(m.group(3), operands)]
        short, test = parse_predicate(m.group(4))
        combine = any if m.group(2) == "or" else all
        joined = ", ".join(_display(n) for n in names[:-1]) + f" {m.group(2)} {_display(names[-1])}"
        return [Clause(f"{joined} {'is' if combine is any else 'are all'} {short}",
                       lambda v: combine(test(v[n]) for n in names))]
    # "``x1_i`` and ``x2_i`` have the same mathematical sign and are both nonzero finite numbers"
    m = re.match(r"^``(\w+)`` and ``(\w+)`` have (the same mathematical sign|different mathematical signs)"
                 r"(?: and are both (.+))?$", text)
    if m is not None:
        first, second = _operand(m.group(1), operands), _operand(m.group(2), operands)
        same = m.group(3).startswith("the same")
        clauses = [Clause(f"{'same' if same else 'different'} sign",
                          lambda v: (_signbit(v[first]) == _signbit(v[second])) is same)]
        if m.group(4):
            both = m.group(4).removesuffix("s").replace("numbers", "number")
            short, test = parse_predicate("a " + both if not both.startswith("a ") else both)
            clauses.append(Clause(f"both {short}", lambda v: test(v[first]) and test(v[second])))
        return clauses
    # "two integers are equally close to ``x_i``" (round)
    m = re.match(r"^two integers are equally close to ``(\w+)``$", text)
    if m is not None:
        name = _operand(m.group(1), operands)
        return [Clause(f"{_display(name)} is half-integer",
                       lambda v: math.isfinite(v[name]) and v[name] - math.floor(v[name]) == 0.5)]
    return None


def _clause(part: str, operands: tuple[str, ...]) -> Clause:
    # "the sign bit of ``x2_i`` is ``1``"
    m = re.match(r"^the sign bit of ``(\w+)`` is ``([01])``$", part)
    if m is not None:
        name, bit = _operand(m.group(1), operands), m.group(2) == "1"
        return Clause(f"{_display(name)} has sign bit {m.group(2)}", lambda v: _signbit(v[name]) is bit)
    # "``x2_i`` is ``-x1_i``", "``x1_i`` equals ``x2_i``", "``x1_i`` does not equal ``x2_i``"
    m = re.match(r"^``(\w+)`` (is|equals|does not equal) ``(-?)(\w+)``$", part)
    if m is not None and m.group(4).removesuffix("_i") in operands:
        first, second = _operand(m.group(1), operands), _operand(m.group(4), operands)
        negate = m.group(3) == "-"
        wanted = m.group(2) != "does not equal"
        symbol = "==" if wanted else "!="
        return Clause(f"{_display(first)} {symbol} {'-' if negate else ''}{_display(second)}",
                      lambda v: (v[first] == (-v[second] if negate else v[second])) is wanted)
    # "``abs(x1_i)`` is greater than ``1``"
    m = re.match(r"^``abs\((\w+)\)`` is (.+)$", part)
    if m is not None:
        name = _operand(m.group(1), operands)
        short, test = parse_predicate(m.group(2))
        return Clause(f"|{_display(name)}| is {short}", lambda v: test(abs(v[name])))
    # "``x_i`` is ..." ("``a`` ``-infinity``": sqrt's bullet lacks the "is")
    m = re.match(r"^``(\w+)`` (?:is )?(.+)$", part)
    if m is not None:
        name = _operand(m.group(1), operands)
        short, test = parse_predicate(m.group(2))
        return Clause(f"{_display(name)} is {short}", lambda v: test(v[name]))
    raise GrammarError(f"unknown condition {part!r}")


# ----------------------------------------------------------------------- results

_COMPLEX_LITERAL = re.compile(
    r"^(?P<re>[±+-]?\s*(?:\d*π(?:/\d+)?|infinity|NaN|\d+(?:\.\d+)?))\s*"
    r"(?P<op>[±+-])\s*"
    r"(?:(?P<pinum>\d*)πj(?:/(?P<piden>\d+))?|(?P<im>infinity|NaN|\d+(?:\.\d+)?)\s*j)$"
)
_CIS = re.compile(r"^(?P<scale>[+-](?:infinity|0)) \* cis\((?P<arg>\w+)\)(?P<minus> - 1\.0)?$")


def _real_expect(word: str, unspecified: bool) -> Expect:
    value, sign = parse_value(word)
    has_pi = "π" in word
    if sign == "±" or unspecified:
        return Expect("approx any sign" if has_pi else "any sign", abs(value) if not math.isnan(value) else NAN)
    return Expect("approx" if has_pi else "exact", value)


def _unspecified(note: str) -> tuple[bool, bool]:
    """(real, imaginary) sign unspecified, from "(sign of the real component is
    unspecified)", "(signs of real and imaginary components are unspecified)"."""
    note = note.lower()
    if "unspecified" not in note:
        return False, False
    both = "signs of real and imaginary" in note
    return both or "real component" in note, both or "imaginary component" in note


def parse_result(text: str, operands: tuple[str, ...]) -> tuple[Template, ...]:
    """The result part of a bullet (after "the result is"): one Template for a real
    value, two (real, imaginary) for a complex one."""
    text = text.strip()
    note = ""
    if (m := re.match(r"^(.*?)\s*\((signs? of .*unspecified)\)$", text)) is not None:
        text, note = m.group(1), m.group(2)
    real_free, imag_free = _unspecified(note)
    # "an implementation-dependent approximation to ``+π/2``"
    if (m := re.match(r"^an implementation-dependent approximation to ``([^`]+)``$", text)) is not None:
        return (constant(Expect("approx", parse_value(m.group(1))[0])),)
    # "``NaN`` with a sign bit of ``1``"
    if (m := re.match(r"^``NaN`` with a sign bit of ``([01])``$", text)) is not None:
        return (constant(Expect("nan sign", -1.0 if m.group(1) == "1" else 1.0)),)
    # "a signed infinity with the mathematical sign determined by the rule already stated above"
    if text == "a signed infinity with the mathematical sign determined by the rule already stated above":
        first, second = operands[0], operands[1]
        return (Template("signed inf",
                         lambda v: Expect("exact", -INF if _signbit(v[first]) != _signbit(v[second]) else INF)),)
    # "the even integer closest to ``x_i``"
    if (m := re.match(r"^the even integer closest to ``(\w+)``$", text)) is not None:
        name = _operand(m.group(1), operands)
        return (Template("nearest even", lambda v: Expect("exact", _round_half_even(v[name]))),)
    # "equal to ``abs(b)``", "equivalent to ``abs(x2_i)``"
    if (m := re.match(r"^(?:equal|equivalent) to ``abs\((\w+)\)``$", text)) is not None:
        name = _operand(m.group(1), operands)
        return (Template(f"|{_display(name)}|", lambda v: Expect("exact", abs(v[name]))),)
    if (m := _CODE.match(text)) is None:
        raise GrammarError(f"unknown result {text!r}")
    code = m.group(1).strip()
    # operands: ``x_i``, ``x1_i``, ``-|x1_i|``, ``|x1_i|``
    if (m := re.match(r"^(-?)(\|?)(\w+?)(?:_i)?\|?$", code)) is not None and m.group(3) in operands:
        name, negative, absolute = m.group(3), m.group(1) == "-", m.group(2) == "|"

        def operand_value(v: Values, name: str = name, negative: bool = negative, absolute: bool = absolute) -> Expect:
            value = abs(v[name]) if absolute else v[name]
            return Expect("exact", -value if negative else value)

        shown = f"{'-' if negative else ''}{'|' if absolute else ''}{_display(name)}{'|' if absolute else ''}"
        return (Template(shown, operand_value),)
    if code in ("True", "False"):
        return (constant(Expect("bool", code == "True")),)
    if (m := _CIS.match(code)) is not None:
        return _cis_result(m, operands)
    if (m := _COMPLEX_LITERAL.match(code)) is not None:
        real = _real_expect(m.group("re").replace(" ", ""), real_free)
        op = m.group("op")
        if m.group("im") is not None:
            imag_word = m.group("im")
        else:
            numerator, denominator = m.group("pinum"), m.group("piden")
            imag_word = f"{numerator}π" + (f"/{denominator}" if denominator else "")
        imag = _real_expect(op + imag_word, imag_free)
        return constant(real), constant(imag)
    return (constant(_real_expect(code, real_free)),)


def _cis_result(m: re.Match[str], operands: tuple[str, ...]) -> tuple[Template, Template]:
    """``+infinity * cis(b)`` (where ``cis(v)`` is ``cos(v) + sin(v)*1j``) and
    ``+0 * cis(b) - 1.0``, computed in IEEE arithmetic from the operand."""
    scale = parse_value(m.group("scale"))[0]
    name = _operand(m.group("arg"), operands)
    minus = 1.0 if m.group("minus") else 0.0
    text = m.group(0).replace("infinity", "inf")
    return (
        Template(text, lambda v: Expect("exact", scale * math.cos(v[name]) - minus)),
        Template(text, lambda v: Expect("exact", scale * math.sin(v[name]))),
    )


# --------------------------------------------------------------------- the rows


@dataclass(eq=False)
class SpecialCase:
    """One row: a bullet of the standard, or a row derived from one (``derivation``
    says how). ``result`` holds one Template per result component (real results of
    complex operands: (real, None)); None marks a component the row leaves open."""

    function: str
    operands: str  # "real unary", "real binary", "real ternary", "complex unary", "complex binary"
    clauses: tuple[Clause, ...]
    result: tuple[Template | None, ...]
    bullet: str = ""  # the standard's words
    severity: str = "must"
    note: str = ""  # a note of the standard on this bullet ("libraries may return NaN ...")
    derivation: str = ""
    priority: tuple[int, ...] = (0,)
    base: SpecialCase | None = None
    to_base: Callable[[Values], Values] | None = None
    from_base: Callable[[tuple[Expect | None, ...]], tuple[Expect | None, ...]] | None = None
    expect_override: Callable[[Values], tuple[Expect | None, ...] | None] | None = None
    block: Block | None = field(default=None, repr=False)
    _checkable: bool | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.base is not None or self.expect_override is not None:
            # a derived row's own result components, for code that resolves
            # ``row.result[k]`` (the base row's templates hold at the base's operands)
            self._checkable = self.checkable
            width = 2 if self.is_complex else 1
            self.result = tuple(Template(f"{self.derivation} [{'real' if k == 0 else 'imaginary'}]",
                                         lambda v, k=k: self._component(v, k)) for k in range(width))

    def _component(self, values: Values, k: int) -> Expect | None:
        expects = self.expect(values)
        return expects[k] if k < len(expects) else None

    # -- shape of the row
    @property
    def names(self) -> tuple[str, ...]:
        return OPERANDS[self.operands]

    @property
    def arity(self) -> int:
        return {"real unary": 1, "complex unary": 1, "real binary": 2, "complex binary": 2, "real ternary": 3}[
            self.operands]

    @property
    def is_complex(self) -> bool:
        return self.operands.startswith("complex")

    @property
    def stated(self) -> bool:
        """A bullet of the standard (not derived from one)."""
        return self.base is None and self.expect_override is None

    @property
    def conditions(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.clauses)

    # -- meaning
    def matches(self, values: Values) -> bool:
        """The row's conditions hold at ``values`` (for a derived row: its base row's
        result is required at the corresponding operands)."""
        if self.base is not None:
            assert self.to_base is not None
            return self.base.applies(self.to_base(values), stated_only=self.base.stated)
        if self.expect_override is not None:
            return self.expect_override(values) is not None
        return all(clause.test(values) for clause in self.clauses)

    def expect(self, values: Values) -> tuple[Expect | None, ...]:
        if self.base is not None:
            assert self.to_base is not None and self.from_base is not None
            return self.from_base(self.base.expect(self.to_base(values)))
        if self.expect_override is not None:
            return self.expect_override(values) or ()
        return tuple(None if t is None else t.resolve(values) for t in self.result)

    def applies(self, values: Values, stated_only: bool = False) -> bool:
        """This row's result is required at ``values``: the row matches and agrees with
        the winning row there (the first in priority order; ``stated_only``: among the
        standard's own bullets)."""
        if self.block is None:
            return self.matches(values)
        return self.block.applies(self, values, stated_only)

    def inputs(self) -> list[tuple[float, ...]]:
        """Every combination of pool values at which this row's result is required, as
        tuples in the order of ``names`` (a, b for complex; x1, x2 for binary ...)."""
        if self.block is None:
            return [c for c in candidate_inputs(self.operands) if self.matches(dict(zip(self.names, c)))]
        return self.block.inputs(self)

    @property
    def checkable(self) -> bool:
        """Whether the row constrains any result component ("In the remaining cases,
        the result is implementation dependent" does not)."""
        if self._checkable is None:
            self._checkable = self.expect_override is not None or (
                any(part is not None for part in self.result) if self.base is None else self.base.checkable)
        return self._checkable

    def text(self) -> str:
        """The row in words close to the standard's: 'x1_i is +0 and x2_i is <0 → -0'."""
        if self.expect_override is not None:
            return f"complex operands, {self.derivation}"
        if self.base is not None:
            return f"{self.base.text()} [{self.derivation}]"
        condition = " and ".join(self.conditions) or "any input"
        return f"{condition} → {self.result_text()}"

    def result_text(self) -> str:
        parts = [p.text if p is not None else None for p in self.result]
        if len(parts) == 2:
            real, imag = parts
            if imag is None:
                return real or "any"
            if real is None:
                return f"imaginary component {imag}"
            if "cis(" in real and real == imag:  # one formula for both components: +inf * cis(b)
                return real
            sign = "-" if imag.startswith("-") else ("±" if imag.startswith("±") else "+")
            return f"{real} {sign} {imag.lstrip('+-±')}j"
        return parts[0] or "any"


class Block:
    """The rows of one function for one operand kind, with the per-input verdict of
    which rows apply (rows overlap; where they disagree the highest priority wins)."""

    def __init__(self, function: str, operands: str, rows: list[SpecialCase]):
        self.function = function
        self.operands = operands
        self.rows = rows
        self._applying: dict[tuple[bytes, bool], frozenset[int]] = {}
        self._inputs: dict[int, list[tuple[float, ...]]] = {}

    def applying(self, values: Values, stated_only: bool) -> frozenset[int]:
        """ids of the rows whose result is required at ``values``."""
        names = OPERANDS[self.operands]
        key = (struct.pack(f"<{len(names)}d", *(values[n] for n in names)), stated_only)
        found = self._applying.get(key)
        if found is None:
            candidates = [r for r in self.rows if (r.stated or not stated_only) and r.checkable and r.matches(values)]
            if candidates:
                winner = min(candidates, key=lambda r: r.priority)
                expected = winner.expect(values)
                found = frozenset(id(r) for r in candidates if r is winner or compatible(r.expect(values), expected))
            else:
                found = frozenset()
            self._applying[key] = found
        return found

    def applies(self, row: SpecialCase, values: Values, stated_only: bool) -> bool:
        if not row.checkable:
            return row.matches(values)
        return id(row) in self.applying(values, stated_only)

    def inputs(self, row: SpecialCase) -> list[tuple[float, ...]]:
        if not self._inputs:
            # one pass over the pool for every row of the block
            names = OPERANDS[self.operands]
            found: dict[int, list[tuple[float, ...]]] = {id(r): [] for r in self.rows}
            for combo in candidate_inputs(self.operands):
                for ident in self.applying(dict(zip(names, combo)), False):
                    found[ident].append(combo)
            self._inputs = found
        return self._inputs.get(id(row), [])

    def conflicts(self) -> list[tuple[tuple[float, ...], list[str]]]:
        """Inputs where rows of the block require different results: (input, the row
        texts, winner first)."""
        names = OPERANDS[self.operands]
        found = []
        for combo in candidate_inputs(self.operands):
            values = dict(zip(names, combo))
            matching = [r for r in self.rows if r.checkable and r.matches(values)]
            applying = self.applying(values, False)
            losers = [r for r in matching if id(r) not in applying]
            if losers:
                winner = min(matching, key=lambda r: r.priority)
                found.append((combo, [winner.text()] + [r.text() for r in losers]))
        return found


def compatible(first: tuple[Expect | None, ...], second: tuple[Expect | None, ...]) -> bool:
    """Whether some result meets both expectations (component by component)."""
    for a, b in zip(first, second):
        if a is None or b is None:
            continue
        if a.kind == "bool" or b.kind == "bool":
            if a.kind != b.kind or bool(a.value) is not bool(b.value):
                return False
            continue
        rtol = 1e-6
        if not any(a.matches(c, rtol) and b.matches(c, rtol) for c in a.candidates() + b.candidates()):
            return False
    return True


def candidate_inputs(operands: str) -> list[tuple[float, ...]]:
    """The pool combinations a row of this operand kind is tried on."""
    if operands not in _CANDIDATES:
        width = len(OPERANDS[operands])
        pool = COMPONENT_POOL if operands == "complex unary" else (VALUE_POOL if width <= 2 else SMALL_POOL)
        _CANDIDATES[operands] = list(itertools.product(pool, repeat=width))
    return _CANDIDATES[operands]


_CANDIDATES: dict[str, list[tuple[float, ...]]] = {}


# ------------------------------------------------------------ sections to rows


@dataclass(frozen=True)
class Unparsed:
    function: str
    bullet: str
    reason: str


# Bullets the grammar does not turn into rows, with the reason (reviewed; the tests
# assert this list). Keyed by function and the start of the bullet.
UNPARSED: dict[tuple[str, str], str] = {
    ("add", "In the remaining cases, when neither"):
        "the ordinary IEEE 754 sum: no special value; the value checks compare add with a math reference",
    ("divide", "In the remaining cases, where neither"):
        "the ordinary IEEE 754 quotient: no special value; the value checks compare divide with a math reference",
    ("floor_divide", "In the remaining cases, where neither"):
        "the ordinary floored quotient: no special value; the value checks compare floor_divide with an exact reference",
    ("multiply", "In the remaining cases, where neither"):
        "the ordinary IEEE 754 product: no special value; the value checks compare multiply with a math reference",
    ("hypot", "Underflow may only occur"):
        "a property of subnormal operands, not a special value (subnormal support is left to the implementation)",
    ("sign", "In the remaining cases, special cases must be handled according to the rules of complex"):
        "delegates to complex division, whose special cases the standard leaves implementation dependent "
        "(its only stated one, all-NaN operands, is sign's previous bullet): nothing to check",
}


# Bullets whose literal reading contradicts the function's own definition, with the
# condition (in the standard's words) under which the suite reads them, and why
# (reviewed; the tests assert this list).
ERRATA: dict[tuple[str, str], tuple[str, str]] = {
    ("not_equal", "In the remaining cases, the result is ``False``"): (
        "``x1_i`` equals ``x2_i``",
        "the list above it leaves out a finite operand against an infinite one (not_equal(0, inf) is True by "
        "the definition x1_i != x2_i), so 'the remaining cases' are read as those where x1_i equals x2_i",
    ),
}


@dataclass
class Context:
    """Where a bullet sits: the operand kind of its list and a condition its list's
    introduction adds ("if ``x1_i`` is not ``NaN``," of copysign)."""

    operands: str
    extra: tuple[Clause, ...] = ()
    severity: str = "must"


@dataclass
class Parsed:
    """What the grammar makes of one function's "Special cases" section."""

    function: str
    rows: list[SpecialCase] = field(default_factory=list)
    unparsed: list[Unparsed] = field(default_factory=list)
    bullets: int = 0
    symmetries: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, lhs, rhs)
    delegations: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, expression, severity)
    componentwise: bool = False
    relaxed: list[tuple[tuple[Clause, ...], str]] = field(default_factory=list)  # (conditions, severity)


_INTRO = re.compile(r"^(For|When|In general|.*For example)\b")
_LET_COMPLEX_UNARY = re.compile(r"let ``a = real\(x_i\)``, ``b = imag\(x_i\)``")
_LET_COMPLEX_BINARY = re.compile(r"let ``a = real\(x1_i\)``, ``b = imag\(x1_i\)``, ``c = real\(x2_i\)``")
_AS_IF = re.compile(r"special cases (must|should) be handled as if the operation is implemented as ``([^`]+)``")
_AS_IF_CHANGE_OF_BASE = re.compile(r"special cases (must|should) be handled as if the operation is implemented "
                                   r"using the standard change of base formula")
_CHANGE_OF_BASE = re.compile(r"\\log_\{(\d+)\} x = \\frac\{\\log_\{e\} x\}\{\\log_\{e\} \1\}")
_REMAINING = re.compile(r"^In the remaining cases, (.*)$")
_UNSPECIFIED_ORDER = re.compile(r"If a broadcasted element in ``(\w+)`` is greater than a corresponding broadcasted "
                                r"element in ``(\w+)``, behavior is unspecified")
_TRAILING_NOTE = re.compile(r"\s*\(\*\*note\*\*: ([^)]*)\)\s*$")


def _paragraphs(text: str) -> list[tuple[str, str]]:
    """("bullet" | "paragraph" | "note" | "math" | "blank", text) items of a section."""
    items: list[tuple[str, str]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            items.append(("blank", ""))
            i += 1
            continue
        if re.match(r"^-\s+", line):
            body = [re.sub(r"^-\s+", "", line)]
            i += 1
            while i < len(lines) and lines[i].startswith("  ") and lines[i].strip():
                body.append(lines[i].strip())
                i += 1
            items.append(("bullet", " ".join(body)))
            continue
        if line.startswith(".. "):
            kind = "math" if line.startswith(".. math::") else "note"
            body = [line[3:]]
            i += 1
            while i < len(lines) and (lines[i].startswith(" ") or not lines[i].strip()):
                body.append(lines[i].strip())
                i += 1
            items.append((kind, " ".join(b for b in body if b)))
            continue
        body = [line.strip()]
        i += 1
        while i < len(lines) and lines[i].strip() and not re.match(r"^-\s+|^\.\. ", lines[i]):
            body.append(lines[i].strip())
            i += 1
        items.append(("paragraph", " ".join(body)))
    return items


def parse_section(entry: stubs.Entry) -> Parsed:
    """The rows, symmetries and delegations of one elementwise function."""
    parsed = Parsed(entry.name)
    array_params = [p for p in entry.call_parameters if p.annotation and "array" in p.annotation]
    real_kind = {1: "real unary", 2: "real binary", 3: "real ternary"}[max(1, min(3, len(array_params)))]
    accepts_complex = any(p.dtype_category in ("numeric", "floating", "complex floating", "any")
                          for p in array_params)
    context = Context(real_kind)
    previous: str = "blank"
    group: list[SpecialCase] = []
    change_of_base: str | None = None  # the modal of "... as if implemented using the change of base formula"
    for kind, text in _paragraphs(entry.special_cases):
        if kind == "paragraph":
            context, delegation = _introduction(text, real_kind, context)
            if delegation is not None:
                parsed.delegations.append(delegation)
            if (m := _AS_IF_CHANGE_OF_BASE.search(text)) is not None:
                change_of_base = m.group(1)
            if context.operands == "complex unary" and not accepts_complex:
                context = Context(real_kind)
            group = []
        elif kind == "math":
            if (m := _CHANGE_OF_BASE.search(text)) is not None and change_of_base is not None:
                parsed.delegations.append(("complex", f"log(x) / log({m.group(1)})", change_of_base))
        elif kind == "note":
            if "apply to real and imaginary components independently" in text:
                parsed.componentwise = True
            relaxed = re.search(r"when (``a`` is .*?)\. The result should be", text)
            if relaxed is not None:
                parsed.relaxed.append((tuple(parse_conditions(relaxed.group(1), OPERANDS["complex unary"])),
                                       "should"))
        elif kind == "bullet":
            if previous == "blank" and group:  # a new list without its own introduction
                context = Context(context.operands, (), context.severity)
                group = []
            parsed.bullets += 1
            try:
                row = parse_bullet(entry, text, context, group)
            except GrammarError as error:
                reason = next((r for (f, start), r in UNPARSED.items()
                               if f == entry.name and text.startswith(start)), None)
                parsed.unparsed.append(Unparsed(entry.name, text, reason or f"grammar: {error}"))
                continue
            group.append(row)
            parsed.rows.append(row)
        if kind != "blank":
            previous = kind
        else:
            previous = "blank"
    for symmetry in _symmetries(entry):
        parsed.symmetries.append(symmetry)
    # "If a broadcasted element in ``min`` is greater than a corresponding broadcasted
    # element in ``max``, behavior is unspecified": no row holds there
    for low, high in _UNSPECIFIED_ORDER.findall(entry.docstring):
        names = OPERANDS[real_kind]
        if low in names and high in names:
            clause = Clause(f"{_display(low)} <= {_display(high)}",
                            lambda v, low=low, high=high: not v[low] > v[high])
            for row in parsed.rows:
                if row.operands == real_kind:
                    row.clauses = row.clauses + (clause,)
    for row in parsed.rows:
        for conditions, severity in parsed.relaxed:
            if row.operands == "complex unary" and _implies(row, conditions):
                row.severity = severity
    return parsed


def _implies(row: SpecialCase, conditions: tuple[Clause, ...]) -> bool:
    """Every pool input of the row meets the conditions (the row lies inside them)."""
    inputs = [dict(zip(row.names, combo)) for combo in candidate_inputs(row.operands)]
    matched = [v for v in inputs if all(c.test(v) for c in row.clauses)]
    return bool(matched) and all(all(c.test(v) for c in conditions) for v in matched)


def _introduction(text: str, real_kind: str, context: Context) -> tuple[Context, tuple[str, str, str] | None]:
    """The context a paragraph sets for the bullets after it, and a delegation it states."""
    delegation = None
    if (m := _AS_IF.search(text)) is not None:
        domain = "complex" if "complex floating-point operands" in text and "real-valued" not in text else (
            "floating" if text.startswith("For floating-point") or "both" in text else "real")
        delegation = (domain, m.group(2), "should" if m.group(1) == "should" else "must")
    if _LET_COMPLEX_BINARY.search(text) or text.startswith("When at least one of ``a``, ``b``, ``c``, or ``d``"):
        extra: tuple[Clause, ...] = ()
        if text.startswith("When at least one"):
            extra = (Clause("a, b, c or d is NaN or ±inf",
                            lambda v: any(not math.isfinite(v[n]) for n in "abcd")),)
        return Context("complex binary", extra), delegation
    if _LET_COMPLEX_UNARY.search(text):
        return Context("complex unary"), delegation
    if text.startswith("For real-valued") or text.startswith("For floating-point"):
        extra = ()
        if (m := re.search(r"if (``\w+`` is .*),$", text)) is not None:
            extra = tuple(parse_conditions(m.group(1), OPERANDS[real_kind]))
        return Context(real_kind, extra), delegation
    if text.startswith("For complex floating-point operands") and delegation is None:
        return Context("complex unary"), delegation
    return context, delegation


def parse_bullet(entry: stubs.Entry, text: str, context: Context, group: list[SpecialCase]) -> SpecialCase:
    """One bullet as a row (GrammarError where the grammar does not know it)."""
    function = entry.name
    for (name, start), reason in UNPARSED.items():
        if name == function and text.startswith(start):
            raise GrammarError(reason)
    bullet = text
    note = ""
    if (m := _TRAILING_NOTE.search(text)) is not None:
        note, text = m.group(1).strip(), text[:m.start()]
    text = re.sub(r"^Similarly, if ", "If ", text).rstrip(".").strip()
    names = OPERANDS[context.operands]
    erratum = next((condition for (name, start), (condition, _) in ERRATA.items()
                    if name == function and bullet.startswith(start)), None)
    if erratum is not None:
        context = Context(context.operands, context.extra + tuple(parse_conditions(erratum, names)),
                          context.severity)
    complex_operands = context.operands.startswith("complex")
    if (m := _REMAINING.match(text)) is not None:
        return _remaining(function, m.group(1), bullet, context, group)
    # "If ..., the result is ``1``, even if ``x1_i`` is ``NaN``" (pow): the clarification changes nothing
    text = re.sub(r", even if ``\w+`` is ``NaN``$", "", text)
    m = re.match(r"^If (.+?), the (result|real component of the result|imaginary component of the result) "
                 r"(is|has a) (.+)$", text)
    if m is None:
        raise GrammarError(f"not an 'If ..., the result is ...' sentence: {text!r}")
    clauses = tuple(parse_conditions(m.group(1), names)) + context.extra
    component, verb, result_text = m.group(2), m.group(3), m.group(4)
    result: tuple[Template | None, ...]
    if verb == "has a":
        if complex_operands:
            raise GrammarError("a sign rule for complex operands")
        result = _sign_result(result_text)
    else:
        result = parse_result(result_text, names)
    if component != "result":  # "the real component of the result is ``-0``"
        if len(result) != 1:
            raise GrammarError("a complex value for one component")
        result = (result[0], None) if component.startswith("real") else (None, result[0])
    elif complex_operands:
        real_valued = _real_valued(entry)
        if len(result) == 2 and real_valued:
            raise GrammarError(f"a complex result of a real-valued function: {result_text!r}")
        if len(result) == 1:
            if not real_valued:
                raise GrammarError(f"a real result of a complex-valued function: {result_text!r}")
            result = (result[0], None)
    return SpecialCase(function, context.operands, clauses, result, bullet=bullet, severity=context.severity,
                       note=note, priority=(len(group),))


_REAL_RESULT = ("data type of ``bool``", "data type of `bool`",
                "real-valued floating-point data type whose precision matches",
                "floating-point data type with the same floating-point precision")


def _real_valued(entry: stubs.Entry) -> bool:
    """Whether the function's result is real for complex operands (abs, isnan, real,
    ...), from the Returns text of its stub."""
    returns = entry.section("Returns")
    return any(words in returns for words in _REAL_RESULT)


def _sign_result(text: str) -> tuple[Template, ...]:
    m = re.match(r"^(positive|negative) mathematical sign(, unless the result is ``NaN``)?"
                 r"(?:\. If the result is ``NaN``, the \"sign\" of ``NaN`` is implementation-defined)?$", text)
    if m is None:
        raise GrammarError(f"unknown sign rule {text!r}")
    value = 1.0 if m.group(1) == "positive" else -1.0
    return (constant(Expect("sign or nan" if m.group(2) else "sign", value)),)


def _remaining(function: str, text: str, bullet: str, context: Context,
               group: list[SpecialCase]) -> SpecialCase:
    """"In the remaining cases, ..." : the inputs no earlier bullet of the list meets."""
    earlier = tuple(group)
    names = OPERANDS[context.operands]
    remaining = Clause("remaining cases", lambda v: not any(r.matches(v) for r in earlier))
    clauses = (remaining, *context.extra)
    if text == "the result is implementation dependent":
        return SpecialCase(function, context.operands, clauses, (None, None) if context.operands.startswith(
            "complex") else (None,), bullet=bullet, priority=(len(group),))
    if (m := re.match(r"^the result is ``(True|False)``$", text)) is not None:
        result: tuple[Template | None, ...] = (constant(Expect("bool", m.group(1) == "True")),)
        if context.operands.startswith("complex"):
            result = result + (None,)
        return SpecialCase(function, context.operands, clauses, result, bullet=bullet, priority=(len(group),))
    if (m := re.match(r"^the result must match that of the Python ``(.)`` operator$", text)) is not None:
        operator = m.group(1)
        if operator != "%":
            raise GrammarError(f"Python operator {operator!r}")
        first, second = names[0], names[1]
        return SpecialCase(function, context.operands, clauses,
                           (Template("x1_i % x2_i (Python)", lambda v: _python_mod(v[first], v[second])),),
                           bullet=bullet, priority=(len(group),))
    if (m := re.search(r"\(i\.e\., ``([a-d !=]+(?:AND|OR)[a-d !=]+)``\)$", text)) is not None:
        expression = m.group(1)
        test = _boolean_expression(expression)
        return SpecialCase(function, context.operands, clauses,
                           (Template(expression, lambda v: Expect("bool", test(v))), None),
                           bullet=bullet, priority=(len(group),))
    raise GrammarError(f"unknown remaining-cases rule {text!r}")


def _python_mod(x1: float, x2: float) -> Expect | None:
    try:
        return Expect("exact", x1 % x2)
    except ZeroDivisionError:
        return None


def _boolean_expression(expression: str) -> Callable[[Values], bool]:
    """``a == c AND b == d`` as a test of the operands (comparisons joined by AND/OR)."""
    tree = ast.parse(expression.replace(" AND ", " and ").replace(" OR ", " or "), mode="eval").body

    def evaluate(node: ast.expr, v: Values) -> bool:
        if isinstance(node, ast.BoolOp):
            parts = [evaluate(value, v) for value in node.values]
            return all(parts) if isinstance(node.op, ast.And) else any(parts)
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.left, ast.Name) \
                and isinstance(node.comparators[0], ast.Name):
            left, right = v[node.left.id], v[node.comparators[0].id]
            return (left == right) if isinstance(node.ops[0], ast.Eq) else (left != right)
        raise GrammarError(f"unknown boolean expression {expression!r}")

    return lambda v: evaluate(tree, v)


# ------------------------------------------------------ symmetries and delegation

Matrix = tuple[tuple[int, ...], ...]
_I2: Matrix = ((1, 0), (0, 1))
_CONJ: Matrix = ((1, 0), (0, -1))
_TIMES_I: Matrix = ((0, -1), (1, 0))  # (a + bj) * 1j = -b + aj, done exactly


def _matmul(m: Matrix, n: Matrix) -> Matrix:
    return tuple(tuple(sum(m[i][k] * n[k][j] for k in range(len(n))) for j in range(len(n[0])))
                 for i in range(len(m)))


def _inverse(m: Matrix) -> Matrix:
    """Inverse of a signed permutation matrix: its transpose."""
    return tuple(tuple(m[j][i] for j in range(len(m))) for i in range(len(m)))


def _scalar_matrix(c: complex) -> Matrix:
    table = {1: _I2, -1: ((-1, 0), (0, -1)), 1j: _TIMES_I, -1j: ((0, 1), (-1, 0))}
    if c not in table:
        raise GrammarError(f"multiplication by {c!r} is not an exact rotation")
    return table[c]


@dataclass(frozen=True)
class _Linear:
    """``outer * f(inner * x)`` (function None: ``inner * x`` itself)."""

    function: str | None
    outer: Matrix
    inner: Matrix


def _linear(node: ast.expr, variables: tuple[str, ...] = ("x", "z")) -> _Linear | complex:
    if isinstance(node, ast.Name) and node.id in variables:
        return _Linear(None, _I2, _I2)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, complex)):
        return complex(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _linear(node.operand, variables)
        return -inner if isinstance(inner, complex) else _apply(_scalar_matrix(-1), inner)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        left, right = _linear(node.left, variables), _linear(node.right, variables)
        if isinstance(left, complex) and isinstance(right, _Linear):
            return _apply(_scalar_matrix(left), right)
        if isinstance(right, complex) and isinstance(left, _Linear):
            return _apply(_scalar_matrix(right), left)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1:
        argument = _linear(node.args[0], variables)
        if not isinstance(argument, _Linear):
            raise GrammarError("a function of a constant")
        if node.func.id == "conj":
            return _apply(_CONJ, argument)
        if argument.function is not None:
            raise GrammarError("nested functions are not a linear map")
        return _Linear(node.func.id, _I2, argument.inner)
    raise GrammarError(f"not an exact rotation of the operand: {ast.unparse(node)!r}")


def _apply(m: Matrix, value: _Linear) -> _Linear:
    if value.function is None:
        return _Linear(None, _I2, _matmul(m, value.inner))
    return _Linear(value.function, _matmul(m, value.outer), value.inner)


_SYMMETRY = re.compile(r"``([^`]+)`` must equal ``([^`]+)``")


def _symmetries(entry: stubs.Entry) -> list[tuple[str, str, str]]:
    """("complex" | "all", lhs, rhs) of each "``f(conj(x))`` must equal ``conj(f(x))``"
    and "``f(-x)`` must equal ``-f(x)``" of the docstring."""
    found = []
    for sentence in stubs.sentences(entry.docstring):
        if "must equal" not in sentence:
            continue
        scope = "all" if "For all operands" in sentence else "complex"
        for lhs, rhs in _SYMMETRY.findall(sentence):
            if lhs.startswith(f"{entry.name}(") and re.search(rf"\b{entry.name}\(", rhs) and "," not in lhs:
                found.append((scope, lhs, rhs))
    return found


def _transform(lhs: str, rhs: str) -> tuple[Matrix, Matrix]:
    """(to_base, from_base) of ``B1 f(C1 z) == B2 f(C2 z)``: a row at w gives the value
    at u = C1 C2^-1 w, namely B1^-1 B2 E(w)."""
    left = _linear(ast.parse(lhs, mode="eval").body)
    right = _linear(ast.parse(rhs, mode="eval").body)
    if not (isinstance(left, _Linear) and isinstance(right, _Linear) and left.function and right.function):
        raise GrammarError(f"not a symmetry: {lhs} == {rhs}")
    to_base = _matmul(right.inner, _inverse(left.inner))
    from_base = _matmul(_inverse(left.outer), right.outer)
    return to_base, from_base


def _map_values(matrix: Matrix, names: tuple[str, ...]) -> Callable[[Values], Values]:
    plan = []
    for i, n in enumerate(names):
        j = next(k for k in range(len(names)) if matrix[i][k] != 0)
        plan.append((n, names[j], matrix[i][j] > 0))

    def mapped(values: Values) -> Values:
        return {n: values[source] if positive else -values[source] for n, source, positive in plan}

    return mapped


def _map_expect(matrix: Matrix) -> Callable[[tuple[Expect | None, ...]], tuple[Expect | None, ...]]:
    def mapped(expects: tuple[Expect | None, ...]) -> tuple[Expect | None, ...]:
        out: list[Expect | None] = []
        for row in matrix:
            j = next(k for k in range(len(row)) if row[k] != 0)
            e = expects[j] if j < len(expects) else None
            out.append(None if e is None else (e if row[j] > 0 else e.negated()))
        return tuple(out)

    return mapped


def _real_matrix(m: Matrix) -> Matrix | None:
    """The 1x1 form of a map for real operands (conj is the identity there); None
    where the map mixes the components (multiplication by 1j)."""
    if m[0][1] != 0 or m[1][0] != 0:
        return None
    return ((m[0][0],),)


def _derive(base: SpecialCase, function: str, to_base: Matrix, from_base: Matrix, how: str,
            depth: int) -> SpecialCase | None:
    names = base.names
    if base.operands == "real unary":
        real_to, real_from = _real_matrix(to_base), _real_matrix(from_base)
        if real_to is None or real_from is None:
            return None
        to_base, from_base = real_to, real_from
    elif base.operands != "complex unary":
        return None
    if base.operands == "complex unary" and _real_result(base):
        # a real-valued result of complex operands (abs, isnan, ...): only its sign can follow
        if from_base[0][0] == 0:
            return None
        from_base = ((from_base[0][0], 0), (0, 1))
    return SpecialCase(function, base.operands, base.clauses, base.result, severity=base.severity,
                       note=base.note, derivation=how, priority=base.priority + (depth,), base=base,
                       to_base=_map_values(to_base, names), from_base=_map_expect(from_base))


def _real_result(row: SpecialCase) -> bool:
    return row.result[1] is None and row.result[0] is not None


@dataclass(frozen=True)
class _Symmetry:
    scope: str
    to_base: Matrix
    from_base: Matrix
    text: str


def _closure(generators: list[_Symmetry]) -> list[_Symmetry]:
    """The group the stated symmetries generate (signed permutations: a handful)."""
    group = {(_I2, _I2): _Symmetry("all", _I2, _I2, "")}
    frontier = list(group.values())
    while frontier:
        new = []
        for element in frontier:
            for generator in generators:
                # E(u) = F_e E(T_e u) = F_e F_g E(T_g T_e u)
                to_base = _matmul(generator.to_base, element.to_base)
                from_base = _matmul(element.from_base, generator.from_base)
                key = (to_base, from_base)
                if key not in group:
                    scope = "all" if element.scope == generator.scope == "all" else "complex"
                    text = " and ".join(t for t in (element.text, generator.text) if t)
                    group[key] = _Symmetry(scope, to_base, from_base, text)
                    new.append(group[key])
        frontier = new
    return [s for key, s in group.items() if key != (_I2, _I2)]


# ------------------------------------------------------------- composition (pow)


def _compose(expression: str, target_rows: Callable[[str], list[SpecialCase]]) -> Callable[
        [Values], tuple[Expect | None, ...] | None]:
    """The expected value of ``expression`` (in x1, x2) at complex operands, composed
    from the rows of the functions it calls (cmath where no row applies) and the
    complex product (its one stated special case, all-NaN operands, and the textbook
    formula for finite ones). None where the composition does not determine a value:
    an unspecified or approximate intermediate, a product the standard leaves to the
    implementation, or no special case involved at all (the value checks cover those)."""
    tree = ast.parse(expression, mode="eval").body

    def value(node: ast.expr, v: Values) -> tuple[complex, bool, bool] | None:
        """(value, exact, a special case was used) of a subexpression."""
        if isinstance(node, ast.Name) and node.id in ("x1", "x2", "x"):
            a, b = COMPLEX_PARTS[node.id]
            return complex(v[a], v[b]), True, False
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
            left, right = value(node.left, v), value(node.right, v)
            if left is None or right is None:
                return None
            (p, p_exact, p_special), (q, q_exact, q_special) = left, right
            parts = (p.real, p.imag, q.real, q.imag)
            if all(math.isnan(c) for c in parts):
                return complex(NAN, NAN), True, True
            if not all(math.isfinite(c) for c in parts):
                return None
            product = complex(p.real * q.real - p.imag * q.imag, p.imag * q.real + p.real * q.imag)
            return product, p_exact and q_exact, p_special or q_special
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and len(node.args) == 1:
            argument = value(node.args[0], v)
            if argument is None:
                return None
            z, exact, special = argument
            operands = {"a": z.real, "b": z.imag}
            for row in target_rows(node.func.id):
                if row.checkable and row.applies(operands):
                    expects = row.expect(operands)
                    if len(expects) != 2 or any(e is None or not e.specified for e in expects):
                        return None
                    return complex(float(expects[0].value), float(expects[1].value)), exact, True
            try:
                return getattr(cmath, node.func.id)(z), False, special
            except (ValueError, OverflowError):
                return None
        raise GrammarError(f"cannot compose {expression!r}")

    def expect(v: Values) -> tuple[Expect | None, ...] | None:
        result = value(tree, v)
        if result is None or not result[2] or not result[1]:
            return None
        z = result[0]
        return Expect("exact", z.real), Expect("exact", z.imag)

    return expect


# ------------------------------------------------------------------------ build


def _weaker(first: str, second: str) -> str:
    """A row derived from a SHOULD (or through a SHOULD) is a SHOULD."""
    return "should" if "should" in (first, second) else "must"


def _delegated(function: str, domain: str, expression: str, severity: str,
               rows_of: Callable[[str, str], list[SpecialCase]]) -> list[SpecialCase]:
    """Rows of ``function`` that follow from "as if implemented as ``expression``"."""
    tree = ast.parse(expression, mode="eval").body
    made: list[SpecialCase] = []
    how = f"as if {expression}"
    # 1.0 / x (reciprocal), x * x (square): the binary function's rows at those operands
    if isinstance(tree, ast.BinOp) and isinstance(tree.op, (ast.Div, ast.Mult)) and domain in ("floating", "real"):
        target = "divide" if isinstance(tree.op, ast.Div) else "multiply"

        def operand(node: ast.expr) -> Callable[[Values], float]:
            if isinstance(node, ast.Name) and node.id == "x":
                return lambda v: v["x"]
            if isinstance(node, ast.Constant) and isinstance(node.value, float):
                return lambda v, c=node.value: c
            raise GrammarError(f"unknown operand {ast.unparse(node)!r} in {expression!r}")

        left, right = operand(tree.left), operand(tree.right)
        for i, row in enumerate(rows_of(target, "real binary")):
            made.append(SpecialCase(
                function, "real unary", row.clauses, row.result, severity=_weaker(severity, row.severity),
                derivation=how,
                priority=(i,), base=row, to_base=lambda v, left=left, right=right: {"x1": left(v), "x2": right(v)},
                from_base=lambda e: e))
        if domain == "floating" and target == "multiply" and isinstance(tree.left, ast.Name) \
                and isinstance(tree.right, ast.Name):
            for i, row in enumerate(rows_of(target, "complex binary")):
                made.append(SpecialCase(
                    function, "complex unary", row.clauses, row.result, severity=_weaker(severity, row.severity),
                    derivation=how,
                    priority=(i,), base=row, to_base=lambda v: {"a": v["a"], "b": v["b"], "c": v["a"], "d": v["b"]},
                    from_base=lambda e: e))
        return made
    # log(x) / log(2): log's rows scaled by 1 / ln 2
    if (m := re.match(r"^log\(x\) / log\((\d+)\)$", expression)) is not None:
        factor = 1.0 / math.log(int(m.group(1)))

        def scale(expects: tuple[Expect | None, ...]) -> tuple[Expect | None, ...]:
            return tuple(None if e is None else e.scaled(factor) for e in expects)

        for row in rows_of("log", "complex unary"):
            made.append(SpecialCase(function, "complex unary", row.clauses, row.result,
                                    severity=_weaker(severity, row.severity),
                                    derivation=f"as if log(x) / log({m.group(1)})", priority=row.priority,
                                    base=row, to_base=lambda v: v, from_base=scale))
        return made
    # exp(x2*log(x1)) (complex pow): composed per input
    if "x1" in expression and "x2" in expression:
        composed = _compose(expression, lambda name: rows_of(name, "complex unary"))
        return [SpecialCase(function, "complex binary", (), (None, None), severity=severity, derivation=how,
                            priority=(0,), expect_override=composed,
                            bullet=f"special cases {severity} be handled as if implemented as ``{expression}``")]
    # -1j * asinh(x*1j) and friends: exact rotations of the target's rows
    linear = _linear(tree)
    if not isinstance(linear, _Linear) or linear.function is None:
        raise GrammarError(f"unknown delegation {expression!r}")
    for row in rows_of(linear.function, "complex unary"):
        derived = _derive(row, function, linear.inner, linear.outer, how, 1)
        if derived is not None:
            derived.severity = _weaker(severity, row.severity)
            made.append(derived)
    return made


@dataclass
class Grammar:
    """Every function's parse, and the rows (stated and derived) grouped in blocks."""

    parsed: dict[str, Parsed]
    rows: list[SpecialCase]
    blocks: dict[tuple[str, str], Block]

    @property
    def unparsed(self) -> list[Unparsed]:
        return [u for p in self.parsed.values() for u in p.unparsed]

    @property
    def bullets(self) -> int:
        return sum(p.bullets for p in self.parsed.values())


def build(standard: stubs.Standard | None = None) -> Grammar:
    standard = standard or stubs.standard()
    parsed = {entry.name: parse_section(entry) for entry in standard.module("elementwise_functions")
              if entry.special_cases}
    stated: dict[tuple[str, str], list[SpecialCase]] = {}
    for p in parsed.values():
        for row in p.rows:
            stated.setdefault((row.function, row.operands), []).append(row)
    blocks: dict[tuple[str, str], list[SpecialCase]] = {key: list(rows) for key, rows in stated.items()}

    def add(row: SpecialCase) -> None:
        blocks.setdefault((row.function, row.operands), []).append(row)

    # symmetries of the stated rows
    for name, p in parsed.items():
        generators = []
        for scope, lhs, rhs in p.symmetries:
            to_base, from_base = _transform(lhs, rhs)
            generators.append(_Symmetry(scope, to_base, from_base, f"{lhs} == {rhs}"))
        for symmetry in _closure(generators):
            for operands in ("real unary", "complex unary"):
                if operands == "real unary" and symmetry.scope != "all":
                    continue
                for row in stated.get((name, operands), []):
                    derived = _derive(row, name, symmetry.to_base, symmetry.from_base, symmetry.text, 1)
                    if derived is not None:
                        add(derived)
        if p.componentwise:
            for row in stated.get((name, "real unary"), []):
                for k, part in enumerate(("a", "b")):
                    def to_base(v: Values, part: str = part) -> Values:
                        return {"x": v[part]}

                    def from_base(e: tuple[Expect | None, ...], k: int = k) -> tuple[Expect | None, ...]:
                        return (e[0], None) if k == 0 else (None, e[0])

                    add(SpecialCase(name, "complex unary", row.clauses, row.result, severity=row.severity,
                                    derivation=f"applied to {'real' if k == 0 else 'imaginary'} component",
                                    priority=row.priority + (1,), base=row, to_base=to_base, from_base=from_base))
    # delegation: after the symmetries, so the targets' mirrored rows carry over
    for name, p in parsed.items():
        for domain, expression, severity in p.delegations:
            for row in _delegated(name, domain, expression, severity,
                                  lambda f, operands: blocks.get((f, operands), [])):
                add(row)
    rows: list[SpecialCase] = []
    made: dict[tuple[str, str], Block] = {}
    for (function, operands), block_rows in blocks.items():
        block = made[(function, operands)] = Block(function, operands, block_rows)
        for row in block_rows:
            row.block = block
        rows.extend(block_rows)
    return Grammar(parsed, rows, made)


_GRAMMAR: Grammar | None = None


def grammar() -> Grammar:
    global _GRAMMAR
    if _GRAMMAR is None:
        _GRAMMAR = build()
    return _GRAMMAR


def _special_cases() -> list[SpecialCase]:
    """The rows to check: every stated bullet with a result, and the derived rows that
    hold somewhere in the pool (``1.0 / x`` makes no reciprocal row of divide's
    "x1_i is ±inf" bullets)."""
    return [row for row in grammar().rows if row.checkable and (row.stated or row.inputs())]


class _Rows(list):
    """SPECIAL_CASES, built from the stubs on first use (importing the suite stays cheap)."""

    def _load(self) -> None:
        if not super().__len__():
            super().extend(_special_cases())

    def __iter__(self):  # type: ignore[override]
        self._load()
        return super().__iter__()

    def __len__(self) -> int:
        self._load()
        return super().__len__()

    def __getitem__(self, index):  # type: ignore[override]
        self._load()
        return super().__getitem__(index)


SPECIAL_CASES: list[SpecialCase] = _Rows()


def rows_of(function: str) -> list[SpecialCase]:
    return [row for row in SPECIAL_CASES if row.function == function]


def result_matches(token: Template | Expect | None, got: Any, operands: dict[str, float], rtol: float) -> bool:
    """Whether one result component meets a row's Template (resolved at ``operands``,
    by name: x, x1, x2, a, b, c, d; "x1_i" style names are accepted too)."""
    if token is None:
        return True
    values = {k.removesuffix("_i"): v for k, v in operands.items()}
    expect = token.resolve(values) if isinstance(token, Template) else token
    return expect is None or expect.matches(got, rtol)


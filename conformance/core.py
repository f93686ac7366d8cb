"""The pieces every area shares: dtypes and promotion as data, the check context, and
the conversion between a namespace's arrays and NumPy arrays used for references.

The suite talks to the namespace under test only through the standard: arrays go in
through ``xp.asarray`` (nested Python lists) and come out through DLPack
(``numpy.from_dlpack``), falling back to reading elements one at a time with
``__getitem__`` and ``__float__``/``__complex__``/``__int__``/``__bool__`` when the
array lives on a device NumPy cannot read.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

# --------------------------------------------------------------------------- dtypes

# Every dtype of the standard, with its kind and width in bits.
DTYPE_INFO: dict[str, tuple[str, int]] = {
    "bool": ("bool", 8),
    "int8": ("signed", 8),
    "int16": ("signed", 16),
    "int32": ("signed", 32),
    "int64": ("signed", 64),
    "uint8": ("unsigned", 8),
    "uint16": ("unsigned", 16),
    "uint32": ("unsigned", 32),
    "uint64": ("unsigned", 64),
    "float32": ("real floating", 32),
    "float64": ("real floating", 64),
    "complex64": ("complex floating", 64),
    "complex128": ("complex floating", 128),
}
ALL_DTYPES = tuple(DTYPE_INFO)
INTEGER_DTYPES = tuple(n for n, (k, _) in DTYPE_INFO.items() if k in ("signed", "unsigned"))
REAL_FLOAT_DTYPES = ("float32", "float64")
COMPLEX_DTYPES = ("complex64", "complex128")
FLOAT_DTYPES = REAL_FLOAT_DTYPES + COMPLEX_DTYPES
NUMERIC_DTYPES = INTEGER_DTYPES + FLOAT_DTYPES
REAL_NUMERIC_DTYPES = INTEGER_DTYPES + REAL_FLOAT_DTYPES

# The dtype categories that the standard's function descriptions use ("Should have a
# real-valued floating-point data type", ...), as sets of dtype names.
DTYPE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "any": ALL_DTYPES,
    "bool": ("bool",),
    "integer": INTEGER_DTYPES,
    "integer or bool": INTEGER_DTYPES + ("bool",),
    "numeric": NUMERIC_DTYPES,
    "real numeric": REAL_NUMERIC_DTYPES,
    "floating": FLOAT_DTYPES,
    "real floating": REAL_FLOAT_DTYPES,
    "complex floating": COMPLEX_DTYPES,
}

# Real dtype of the same precision as a complex one, and the other way round.
REAL_OF_COMPLEX = {"complex64": "float32", "complex128": "float64"}
COMPLEX_OF_REAL = {"float32": "complex64", "float64": "complex128"}


def _promote_rule(a: str, b: str) -> str | None:
    """The standard's type promotion lattice; None where the standard leaves a pair
    undefined (mixed kinds, or uint64 with a signed integer)."""
    ka, wa = DTYPE_INFO[a]
    kb, wb = DTYPE_INFO[b]
    if a == b:
        return a
    if ka == "bool" or kb == "bool":
        return None
    if ka == kb:
        return a if wa >= wb else b
    if {ka, kb} == {"signed", "unsigned"}:
        (_, ws), (_, wu) = sorted([(ka, wa), (kb, wb)], key=lambda p: p[0] != "signed")
        if wu == 64:
            return None
        return f"int{max(ws, 2 * wu)}"
    if {ka, kb} == {"real floating", "complex floating"}:
        real_bits = wa if ka == "real floating" else wb
        complex_bits = wa if ka == "complex floating" else wb
        return "complex128" if max(real_bits * 2, complex_bits) == 128 else "complex64"
    return None


# The promotion table written out once, so checks look pairs up instead of branching.
PROMOTION_TABLE: dict[tuple[str, str], str] = {
    (a, b): r
    for a, b in itertools.product(ALL_DTYPES, repeat=2)
    if (r := _promote_rule(a, b)) is not None
}


def promote(a: str, b: str) -> str | None:
    return PROMOTION_TABLE.get((a, b))


def numpy_dtype(name: str) -> np.dtype:
    return np.dtype(name)


def finfo_eps(name: str) -> float:
    real = REAL_OF_COMPLEX.get(name, name)
    return float(np.finfo(real).eps)


# ----------------------------------------------------------------- check outcomes


# How binding a finding is: "must" (the standard says must: the finding fails the
# run) or "should" (should, recommended: an advisory, reported without failing).
SEVERITIES = ("must", "should")


class CheckFailure(Exception):
    """A check found a deviation. ``message`` is one readable sentence naming the
    function, the inputs, what the standard expects and what came back; ``example``
    is the minimal failing input as plain data, for report.json; ``reproducer`` is
    the failing call as one line of Python over ``xp`` (the namespace under test),
    with what was expected in a trailing comment, or "" where a check has none;
    ``severity`` is one of SEVERITIES, or None for the check's own (Check.severity)."""

    def __init__(self, message: str, example: dict[str, Any] | None = None, reproducer: str = "",
                 severity: str | None = None):
        super().__init__(message)
        if severity is not None and severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}, got {severity!r}")
        self.message = message
        self.example = example or {}
        self.reproducer = reproducer
        self.severity = severity


class CheckSkipped(Exception):
    """The check does not apply (an optional dtype is absent, a feature is not
    offered); the reason is reported, never counted as a pass or a failure."""


@dataclass(frozen=True)
class Check:
    area: str
    name: str
    run: Callable[[Context], None]
    severity: str = "must"  # of the check's findings, unless a CheckFailure names its own


def fail(message: str, *, reproducer: str = "", **example: Any) -> None:
    """Report a finding (of the check's severity: a MUST unless the Check says "should")."""
    raise CheckFailure(message, {k: to_plain(v) for k, v in example.items()}, reproducer)


def advise(message: str, *, reproducer: str = "", **example: Any) -> None:
    """Report a SHOULD finding: an advisory, shown without failing the run."""
    raise CheckFailure(message, {k: to_plain(v) for k, v in example.items()}, reproducer, severity="should")


def to_plain(value: Any) -> Any:
    """Make a value JSON-friendly: NumPy arrays become nested lists, special floats
    become strings ('nan', '-0.0', 'inf')."""
    if isinstance(value, np.ndarray):
        return {"shape": list(value.shape), "dtype": str(value.dtype), "values": to_plain(value.tolist())}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (np.generic,)):
        return to_plain(value.item())
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value) or (value == 0 and math.copysign(1, value) < 0):
            return repr(value)
        return value
    if isinstance(value, complex):
        return repr(value)
    if isinstance(value, (int, str, bool)) or value is None:
        return value
    return repr(value)


# ------------------------------------------------------------------ formatting


def fmt_scalar(value: Any) -> str:
    """Python-literal rendering that keeps the sign of zero and NaN visible."""
    if isinstance(value, (np.floating, float)):
        v = float(value)
        if math.isnan(v):
            return "-nan" if math.copysign(1.0, v) < 0 else "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(value, (np.complexfloating, complex)):
        c = complex(value)
        return f"({fmt_scalar(c.real)}{'+' if not str(fmt_scalar(c.imag)).startswith('-') else ''}{fmt_scalar(c.imag)}j)"
    if isinstance(value, np.generic):
        return repr(value.item())
    return repr(value)


def describe(value: Any, max_items: int = 8) -> str:
    """'array of shape (2, 3), dtype float32, values [...]' for arrays, repr otherwise."""
    if isinstance(value, np.ndarray):
        flat = value.reshape(-1)
        shown = ", ".join(fmt_scalar(v) for v in flat[:max_items])
        more = ", ..." if flat.size > max_items else ""
        return f"array(shape={tuple(value.shape)}, dtype={value.dtype}, values=[{shown}{more}])"
    if isinstance(value, float):
        return fmt_scalar(value)
    return repr(value)


# --------------------------------------------------------------------- context


@dataclass
class Context:
    """What every check receives: the namespace under test and the run settings."""

    xp: Any
    label: str
    quick: bool = True
    seed: int = 0
    max_examples: int = 25
    extras: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._xps = None
        self._xps_error: str | None = None
        self.available_dtypes = self._find_dtypes()

    # -- dtypes
    def _find_dtypes(self) -> tuple[str, ...]:
        """Dtype names the namespace offers: the inspection API's answer when it works,
        else the names present as attributes."""
        names: list[str] = []
        try:
            offered = self.xp.__array_namespace_info__().dtypes()
            names = [n for n in ALL_DTYPES if n in offered]
        except Exception:
            names = [n for n in ALL_DTYPES if hasattr(self.xp, n)]
        return tuple(n for n in names if hasattr(self.xp, n))

    def has(self, dtype_name: str) -> bool:
        return dtype_name in self.available_dtypes

    def dtypes_in(self, category: str) -> tuple[str, ...]:
        return tuple(n for n in DTYPE_CATEGORIES[category] if self.has(n))

    def dtype(self, name: str) -> Any:
        return getattr(self.xp, name)

    def dtype_name(self, dtype: Any) -> str:
        """The standard's name of a namespace dtype object (compared with ==, which is
        the only dtype operation the standard defines)."""
        for name in ALL_DTYPES:
            candidate = getattr(self.xp, name, None)
            if candidate is not None and dtype == candidate:
                return name
        return repr(dtype)

    # -- subnormal numbers
    def flushes_subnormals(self, dtype_name: str) -> bool:
        """Whether the namespace flushes subnormal results of ``dtype_name`` to zero.

        The standard leaves subnormal support to the implementation ("conforming
        implementations may vary in their support for subnormal numbers"; CuPy compiles
        its kernels with flush-to-zero), so a check whose reference result is subnormal
        accepts the sign-preserving zero of such a namespace. Probed once per dtype:
        the smallest normal number halved.
        """
        cache = self.extras.setdefault("_flushes_subnormals", {})
        if dtype_name not in cache:
            tiny = float(np.finfo(np.dtype(dtype_name)).tiny)
            try:
                x = self.asarray([tiny], dtype_name)
                half = self.to_numpy(self.xp.divide(x, self.asarray([2.0], dtype_name)))
                cache[dtype_name] = bool(half[0] == 0)
            except Exception:
                cache[dtype_name] = False
        return cache[dtype_name]

    # -- conversion
    def asarray(self, values: Any, dtype_name: str | None = None) -> Any:
        """An array of the namespace from a NumPy array or Python data, via nested
        lists so nothing but ``xp.asarray`` (and ``xp.reshape`` for empty arrays) is
        needed."""
        xp = self.xp
        kwargs = {} if dtype_name is None else {"dtype": self.dtype(dtype_name)}
        if isinstance(values, np.ndarray):
            if values.size == 0 and values.ndim != 1:
                flat = xp.asarray([], **kwargs)
                return xp.reshape(flat, tuple(values.shape))
            return xp.asarray(values.tolist(), **kwargs)
        return xp.asarray(values, **kwargs)

    def to_numpy(self, x: Any) -> np.ndarray:
        """A NumPy copy of an array of the namespace (DLPack first; element by element
        through the Python scalar conversions when DLPack cannot reach the data)."""
        try:
            return np.array(np.from_dlpack(x), copy=True)
        except Exception:
            pass
        shape = tuple(x.shape)
        name = self.dtype_name(x.dtype)
        convert = {"bool": bool, "complex64": complex, "complex128": complex}.get(name)
        if convert is None:
            convert = int if name in INTEGER_DTYPES else float
        out = np.empty(shape, dtype=np.dtype(name) if name in DTYPE_INFO else object)
        for index in np.ndindex(*shape):
            out[index] = convert(x[index])
        return out

    # -- hypothesis
    @property
    def xps(self) -> Any:
        """hypothesis' strategies namespace for this xp, or None when hypothesis cannot
        build one (the checks then draw NumPy arrays and convert them)."""
        if self._xps is None and self._xps_error is None:
            try:
                from hypothesis.extra.array_api import make_strategies_namespace

                version = getattr(self.xp, "__array_api_version__", "2024.12")
                try:
                    self._xps = make_strategies_namespace(self.xp, api_version=version)
                except Exception:
                    self._xps = make_strategies_namespace(self.xp, api_version="2024.12")
            except Exception as error:  # pragma: no cover - depends on the library
                self._xps_error = f"{type(error).__name__}: {error}"
        return self._xps

    def hypothesis_settings(self, examples: int | None = None) -> Any:
        from hypothesis import HealthCheck, Verbosity, settings

        return settings(
            max_examples=examples or self.max_examples,
            deadline=None,
            database=None,
            derandomize=False,
            verbosity=Verbosity.quiet,
            report_multiple_bugs=False,
            suppress_health_check=list(HealthCheck),
        )

    def for_all(self, strategy: Any, body: Callable[[Any], None], examples: int | None = None) -> None:
        """Run ``body`` on values drawn from ``strategy``; the first failure is shrunk
        by hypothesis to a minimal example and re-raised as a CheckFailure."""
        from hypothesis import given, seed

        @seed(self.seed)
        @self.hypothesis_settings(examples)
        @given(strategy)
        def property_holds(value: Any) -> None:
            body(value)

        property_holds()


# ------------------------------------------------------------------ comparisons


def broadcast_shapes(*shapes: tuple[int, ...]) -> tuple[int, ...]:
    """The standard's broadcasting rule, written out so checks do not trust the
    library under test for it."""
    ndim = max((len(s) for s in shapes), default=0)
    result = []
    for axis in range(ndim):
        sizes = {s[len(s) - ndim + axis] for s in shapes if len(s) - ndim + axis >= 0}
        sizes.discard(1)
        if len(sizes) > 1:
            raise ValueError(f"shapes {shapes} do not broadcast")
        result.append(sizes.pop() if sizes else 1)
    return tuple(result)


def same_float(got: float, expected: float) -> bool:
    """Exact equality that also distinguishes +0 from -0 and treats NaN as equal."""
    if math.isnan(expected):
        return math.isnan(got)
    if expected == 0:
        return got == 0 and math.copysign(1, got) == math.copysign(1, expected)
    return got == expected


def close(got: complex | float, expected: complex | float, rtol: float, atol: float = 0.0) -> bool:
    """Relative comparison; NaN matches NaN and infinities must match exactly."""
    if isinstance(expected, complex) or isinstance(got, complex):
        g, e = complex(got), complex(expected)
        scale = abs(e) if not (math.isinf(e.real) or math.isinf(e.imag)) else 0.0
        return all(
            _close_part(gp, ep, rtol, atol + rtol * scale) for gp, ep in ((g.real, e.real), (g.imag, e.imag))
        )
    return _close_part(float(got), float(expected), rtol, atol)


def _close_part(got: float, expected: float, rtol: float, atol: float) -> bool:
    if math.isnan(expected):
        return math.isnan(got)
    if math.isinf(expected) or math.isinf(got):
        return got == expected
    return abs(got - expected) <= atol + rtol * abs(expected)


def first_mismatch(got: np.ndarray, expected: np.ndarray, matches: Callable[[Any, Any], bool]) -> tuple | None:
    """Index of the first element where ``matches`` is false, or None."""
    for index in np.ndindex(*expected.shape):
        if not matches(got[index], expected[index]):
            return index
    return None


def call_text(function: str, *args: Any, **kwargs: Any) -> str:
    parts = [describe(a) for a in args] + [f"{k}={describe(v)}" for k, v in kwargs.items()]
    return f"{function}({', '.join(parts)})"

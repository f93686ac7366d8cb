"""Reproducers: a failing call written as one line of Python over ``xp``.

A finding is easiest to act on when it can be pasted into a shell::

    xp.expand_dims(xp.asarray([1.0], dtype=xp.float64), axis=5)  # expected IndexError, got ValueError

Everything here renders values as source text that evaluates, with only ``xp`` (the
namespace under test) bound, to an equal value: arrays become ``xp.asarray`` of nested
lists with an explicit dtype, special floats become ``float('nan')``, ``float('inf')``
and ``-0.0``, dtypes become ``xp.<name>``. ``evaluate`` runs such a line.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .core import DTYPE_INFO

# How many elements of an array the trailing comment shows ("expected [1.0, 2.0, ...]").
COMMENT_ITEMS = 6


class Source(str):
    """Text that is already Python source (``x.mT``, ``xp.float32``): rendered as is."""


def float_source(value: float) -> str:
    if math.isnan(value):
        return "float('nan')"
    if math.isinf(value):
        return "float('inf')" if value > 0 else "-float('inf')"
    return repr(value)


def literal(value: Any) -> str:
    """Python source of a scalar, a slice, Ellipsis, or a (nested) list/tuple of them."""
    if isinstance(value, Source):
        return str(value)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return repr(value)
    if isinstance(value, float):
        return float_source(value)
    if isinstance(value, complex):
        simple = all(math.isfinite(p) and not (p == 0 and math.copysign(1, p) < 0) for p in (value.real, value.imag))
        return repr(value) if simple else f"complex({float_source(value.real)}, {float_source(value.imag)})"
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, slice):
        return f"slice({literal(value.start)}, {literal(value.stop)}, {literal(value.step)})"
    if value is Ellipsis:
        return "..."
    if isinstance(value, np.ndarray):
        return array_source(value)
    return repr(value)


def array_source(a: np.ndarray, dtype: str | None = None) -> str:
    """``xp.asarray([...], dtype=xp.float64)`` for a NumPy array (the reference copy of
    a namespace array); empty arrays of rank other than one go through ``xp.reshape``."""
    name = dtype or str(a.dtype)
    keyword = f", dtype=xp.{name}" if name in DTYPE_INFO else ""
    if a.size == 0 and a.ndim != 1:
        return f"xp.reshape(xp.asarray([]{keyword}), {literal(tuple(int(n) for n in a.shape))})"
    return f"xp.asarray({literal(a.tolist())}{keyword})"


def call_source(function: str, *args: Any, **kwargs: Any) -> str:
    """``xp.<function>(<args>)``: NumPy arrays among the arguments are rendered as
    namespace arrays, everything else as literals."""
    parts = [literal(a) for a in args] + [f"{k}={literal(v)}" for k, v in kwargs.items()]
    return f"xp.{function}({', '.join(parts)})"


def short(value: Any) -> str:
    """A compact rendering for the trailing comment (not meant to evaluate)."""
    if isinstance(value, np.ndarray):
        flat = [literal(v) for v in value.reshape(-1)[:COMMENT_ITEMS].tolist()]
        more = ", ..." if value.size > COMMENT_ITEMS else ""
        body = f"[{', '.join(flat)}{more}]"
        return body if value.ndim <= 1 else f"{body} (shape {tuple(value.shape)})"
    return literal(value)


def line(code: str, comment: str) -> str:
    """The reproducer: the call, two spaces, and what the standard expects."""
    comment = " ".join(comment.split())  # one line, whatever the exception message held
    return f"{code}  # {comment}" if comment else code


def evaluate(reproducer: str, xp: Any) -> Any:
    """Evaluate a reproducer with ``xp`` bound to a namespace (the comment is ignored)."""
    return eval(compile(reproducer, "<reproducer>", "eval"), {"xp": xp, "__builtins__": __builtins__})

"""Helpers shared by the array-level areas (manipulation, statistics, ...): draw an
array with hypothesis' Array API strategies when available (NumPy-generated otherwise),
call a namespace function so that a failure carries its one-line reproducer, and compare
a namespace result with a NumPy reference."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ..core import DTYPE_INFO, Check, CheckFailure, CheckSkipped, Context, advise, describe, fail
from ..reproduce import Source, array_source, call_source, line, literal, short

# Longest call source quoted in a failure sentence (the reproducer always has all of it).
MESSAGE_CODE_CHARS = 160


def real_arrays(ctx: Context, dtype: str | None = None, min_dims: int = 1, max_dims: int = 3,
                min_side: int = 1, max_side: int = 4, low: float = -100, high: float = 100) -> st.SearchStrategy:
    """Strategy of (numpy copy, namespace array) pairs. hypothesis' make_strategies_namespace
    draws the arrays in the namespace itself; the NumPy copy (through DLPack) is the
    reference's input. ``dtype`` defaults to float64, or float32 where the namespace
    has no float64 (JAX without x64)."""
    dtype = dtype or ("float64" if ctx.has("float64") else "float32")
    shapes = hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side)
    xps = ctx.xps
    if dtype.startswith("float"):
        elements = {"min_value": low, "max_value": high, "allow_nan": False, "allow_subnormal": False}
    else:
        elements = {"min_value": int(max(low, -100)), "max_value": int(min(high, 100))}
    if xps is not None:
        return shapes.flatmap(lambda s: xps.arrays(ctx.dtype(dtype), s, elements=elements)).map(
            lambda x: (ctx.to_numpy(x), x))
    if dtype.startswith("float"):
        element = st.floats(**elements, width=32 if dtype == "float32" else 64)
    else:
        element = st.integers(elements["min_value"], elements["max_value"])
    return shapes.flatmap(lambda s: hnp.arrays(np.dtype(dtype), s, elements=element)).map(
        lambda a: (a, ctx.asarray(a, dtype)))


# ------------------------------------------------------------------ reproducers


def source_of(ctx: Context, value: Any) -> str:
    """Python source (over ``xp``) of an argument: namespace and NumPy arrays as
    ``xp.asarray(...)`` with their dtype, dtypes as ``xp.<name>``, literals as such."""
    if isinstance(value, Source):
        return str(value)
    if isinstance(value, np.ndarray):
        return array_source(value)
    if isinstance(value, (list, tuple)):
        inner = [source_of(ctx, v) for v in value]
        if isinstance(value, list):
            return "[" + ", ".join(inner) + "]"
        return f"({inner[0]},)" if len(inner) == 1 else "(" + ", ".join(inner) + ")"
    if isinstance(value, (bool, int, float, complex, str, slice, np.generic)) or value is None or value is Ellipsis:
        return literal(value)
    if isinstance(value, type) and ctx.dtype_name(value) in DTYPE_INFO:  # NumPy's dtypes are classes
        return f"xp.{ctx.dtype_name(value)}"
    if hasattr(value, "shape") and hasattr(value, "dtype"):
        try:
            return array_source(ctx.to_numpy(value), ctx.dtype_name(value.dtype))
        except Exception:  # an array NumPy cannot read at all: name it, at least
            return repr(value)
    name = ctx.dtype_name(value)
    if name in DTYPE_INFO:
        return f"xp.{name}"
    return repr(value)


@dataclass
class Outcome:
    """What a call of the namespace returned, and how to write the call again."""

    value: Any
    render: Callable[[], str]

    @property
    def code(self) -> str:
        return self.render()


def resolve(ctx: Context, function: str) -> Callable:
    owner: Any = ctx.xp
    for part in function.split("."):
        owner = getattr(owner, part, None)
        if owner is None:
            fail(f"{function} is missing from the namespace", reproducer=line(f"xp.{function}", "expected a function"))
    return owner


def attempt(render: Callable[[], str], thunk: Callable[[], Any]) -> Outcome:
    """Run ``thunk``; an exception (the standard expects a result) becomes a failure
    whose reproducer is the call."""
    try:
        value = thunk()
    except CheckFailure:
        raise
    except Exception as error:
        code = render()
        quoted = code if len(code) <= MESSAGE_CODE_CHARS else code[:MESSAGE_CODE_CHARS] + "..."
        fail(f"{quoted} raised {type(error).__name__}: {error}; the standard expects a result",
             reproducer=line(code, f"expected a result, got {type(error).__name__}: {error}"))
    return Outcome(value, render)


def call(ctx: Context, function: str, *args: Any, **kwargs: Any) -> Outcome:
    """``xp.<function>(*args, **kwargs)`` (dotted names reach the extensions); the
    source is rendered only when a failure needs it."""
    target = resolve(ctx, function)

    def render() -> str:
        return call_source(function, *(Source(source_of(ctx, a)) for a in args),
                           **{k: Source(source_of(ctx, v)) for k, v in kwargs.items()})

    return attempt(render, lambda: target(*args, **kwargs))


def expression(ctx: Context, template: str, thunk: Callable[[], Any], *args: Any) -> Outcome:
    """An operator, attribute or indexing expression: ``template`` (``"{0}.mT"``,
    ``"{0}[{1}]"``) formatted with the sources of ``args``, evaluated by ``thunk``."""
    return attempt(lambda: template.format(*(source_of(ctx, a) for a in args)), thunk)


def expect_raises(ctx: Context, text: str, errors: tuple[type[BaseException], ...], function: str,
                  *args: Any, preferred: type[BaseException] | None = None, **kwargs: Any) -> None:
    """``xp.<function>(...)`` must raise (one of ``errors``; any exception when
    ``errors`` is ``(Exception,)``). ``preferred`` is the type the standard says it
    *should* raise: another type is an advisory."""
    target = resolve(ctx, function)

    def code() -> str:
        return call_source(function, *(Source(source_of(ctx, a)) for a in args),
                           **{k: Source(source_of(ctx, v)) for k, v in kwargs.items()})

    names = " or ".join(e.__name__ for e in errors) if errors != (Exception,) else "an exception"
    try:
        target(*args, **kwargs)
    except errors as error:
        if preferred is not None and not isinstance(error, preferred):
            advise(f"{text} raised {type(error).__name__}: {error}; the standard says it should raise "
                   f"{preferred.__name__}",
                   reproducer=line(code(), f"expected {preferred.__name__}, got {type(error).__name__}"))
        return
    except Exception as error:
        fail(f"{text} raised {type(error).__name__}: {error}; the standard requires {names}",
             reproducer=line(code(), f"expected {names}, got {type(error).__name__}"))
    fail(f"{text} returned without raising; the standard requires {names}",
         reproducer=line(code(), f"expected {names}, got no exception"))


def assert_matches(ctx: Context, call: str, got: Any, want: np.ndarray, *, dtype: str | None = None,
                   rtol: float = 1e-10, atol: float = 1e-10, inputs: Any = None) -> None:
    """Shape, dtype (when given) and values of a namespace array against NumPy's.
    ``got`` is the array, or the Outcome of ``call``/``expression`` (whose source then
    becomes the failure's reproducer)."""
    want = np.asarray(want)
    outcome = got if isinstance(got, Outcome) else None
    got = outcome.value if outcome is not None else got

    def reproducer(comment: str) -> str:
        return line(outcome.code, comment) if outcome is not None else ""

    if tuple(got.shape) != want.shape:
        fail(f"{call}: expected shape {want.shape}, got {tuple(got.shape)}", inputs=inputs,
             reproducer=reproducer(f"expected shape {want.shape}, got {tuple(got.shape)}"))
    if dtype is not None and ctx.dtype_name(got.dtype) != dtype:
        fail(f"{call}: expected dtype {dtype}, got {ctx.dtype_name(got.dtype)}", inputs=inputs,
             reproducer=reproducer(f"expected dtype {dtype}, got {ctx.dtype_name(got.dtype)}"))
    have = ctx.to_numpy(got)
    if want.dtype == bool or np.issubdtype(want.dtype, np.integer):
        ok = np.array_equal(have, want)
    else:
        ok = np.allclose(have, want, rtol=rtol, atol=atol, equal_nan=True)
    if not ok:
        fail(f"{call}: expected {describe(want)}, got {describe(have)}", inputs=inputs, expected=want, got=have,
             reproducer=reproducer(f"expected {short(want)}, got {short(have)}"))


def require(ctx: Context, *names: str) -> list[Callable]:
    """The namespace's functions of these (dotted) names; a missing one is a failure."""
    return [resolve(ctx, name) for name in names]


# (function, arguments for x of shape (2, 3), keyword arguments): calls naming an axis
# outside the valid interval, which the standard says "must raise an exception".
InvalidAxisCall = tuple[str, Callable[[Any], tuple], dict[str, Any]]


def check_invalid_axes(ctx: Context, calls: tuple[InvalidAxisCall, ...],
                       preferred: dict[str, type[BaseException]] | None = None) -> None:
    """Each call must raise; where ``preferred`` names the type the standard says the
    function *should* raise, another type is an advisory."""
    x = ctx.asarray(np.arange(6.0).reshape(2, 3), "float64" if ctx.has("float64") else None)
    for function, arguments_of, kwargs in calls:
        arguments = arguments_of(x)
        shown = ", ".join([describe_argument(a) for a in arguments] + [f"{k}={v!r}" for k, v in kwargs.items()])
        expect_raises(ctx, f"{function}({shown}) for x of shape (2, 3)", (Exception,), function, *arguments,
                      preferred=(preferred or {}).get(function), **kwargs)


def describe_argument(value: Any) -> str:
    if isinstance(value, (list, tuple)) and value and hasattr(value[0], "shape"):
        return "[" + ", ".join("x" for _ in value) + "]"
    return "x" if hasattr(value, "shape") else repr(value)


def area_not_offered(area: str, reason: str) -> Check:
    """The one check of an area that cannot run on this namespace: skipped, with why
    (the summary shows the reason as the area's note)."""

    def run(ctx: Context) -> None:
        raise CheckSkipped(reason)

    return Check(area, "offered", run)


NEEDS_FLOAT64 = "not run: the checks of this area compute in float64, which the namespace does not offer"

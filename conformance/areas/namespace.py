"""Namespace completeness and signatures, both read from the standard's stubs
(stubs.py): every function, constant, array method and property, inspection function,
dtype and finfo/iinfo field the stubs define must be present, constants must have the
stubs' values, and each signature must allow every call the standard's does
(signatures.py; extras are advisories).

The reflected and in-place operators (``__radd__``, ``__iadd__``, ...) are named by the
standard's prose, not by its stubs; those two kinds come from spec_names.txt, the
standard's list of names shipped with the package (a test checks that its other kinds
agree with the stubs)."""

from __future__ import annotations

import ast
import inspect
import math
from collections.abc import Callable
from importlib import resources
from typing import Any

from .. import stubs
from ..core import Check, CheckFailure, CheckSkipped, Context, fail
from ..signatures import compare, severity, signature_keys, standard_parameters

AREA = "namespace"

# The kinds of names, as spec_names.txt calls them, for the namespaces of the stubs.
KIND_OF_NAMESPACE = {"main": "main", "linalg": "linalg", "fft": "fft", "array": "array", "info": "info",
                     "dtype": "dtype_method", "finfo": "finfo", "iinfo": "iinfo"}
PROSE_KINDS = ("array_reflected", "array_inplace")


def standard_version() -> str:
    """The revision the stubs are (their own ``__array_api_version__`` is a placeholder)."""
    return stubs.standard().revision


def kind_of(entry: stubs.Entry) -> str:
    if entry.kind == "constant" and entry.name != "__array_api_version__":
        return "const"
    if entry.kind == "dtype":
        return "dtype"
    return KIND_OF_NAMESPACE[entry.namespace]


def stub_names() -> list[tuple[str, str]]:
    """(kind, name) of every name the stubs define, e.g. ('main', 'abs'), ('linalg',
    'svd'), ('array', '__add__'), ('finfo', 'eps'), ('const', 'pi')."""
    return [(kind_of(e), e.name) for e in stubs.standard().entries]


def spec_names() -> list[tuple[str, str]]:
    """(kind, name) pairs of spec_names.txt, the standard's list of required names."""
    text = resources.files("conformance").joinpath("spec_names.txt").read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            kind, _, name = line.partition(":")
            pairs.append((kind, name))
    return pairs


def required_names() -> list[tuple[str, str]]:
    """The stubs' names and the prose's reflected and in-place operators."""
    return stub_names() + [(kind, name) for kind, name in spec_names() if kind in PROSE_KINDS]


def sample_array(ctx: Context) -> Any:
    dtype = "float64" if ctx.has("float64") else ctx.available_dtypes[-1]
    return ctx.asarray([[1.0, 2.0], [3.0, 4.0]], dtype)


def constant_value(entry: stubs.Entry) -> Any:
    """The value a constant of the stubs has: a literal, or ``float("inf")``."""
    source = entry.value or "None"
    try:
        return ast.literal_eval(source)
    except ValueError:
        node = ast.parse(source, mode="eval").body
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "float" \
                and len(node.args) == 1 and isinstance(node.args[0], ast.Constant):
            return float(node.args[0].value)
        raise


def constant_holds(expected: Any, value: Any) -> bool:
    if expected is None:
        return value is None
    if isinstance(expected, float):
        if not isinstance(value, float):
            return False
        return math.isnan(value) if math.isnan(expected) else value == expected
    return value == expected


def holder(ctx: Context, kind: str) -> Any:
    """The object on which a name of the given kind must be found."""
    xp = ctx.xp
    if kind in ("main", "const", "dtype"):
        return xp
    if kind in ("linalg", "fft"):
        extension = getattr(xp, kind, None)
        if extension is None:
            fail(f"the {kind} extension (xp.{kind}) is missing")
        return extension
    if kind in ("array", "array_reflected", "array_inplace"):
        return sample_array(ctx)
    if kind == "info":
        return xp.__array_namespace_info__()
    if kind == "finfo":
        return xp.finfo(xp.float32)
    if kind == "iinfo":
        return xp.iinfo(xp.int32)
    if kind == "dtype_method":
        return xp.float32
    raise KeyError(kind)


WHERE = {"main": "xp", "const": "xp", "dtype": "xp", "linalg": "xp.linalg", "fft": "xp.fft",
         "info": "xp.__array_namespace_info__()", "finfo": "xp.finfo(xp.float32)",
         "iinfo": "xp.iinfo(xp.int32)", "dtype_method": "the dtype object"}


def check_present(kind: str, name: str) -> Callable[[Context], None]:
    constants = {e.name: e for e in stubs.standard().entries if e.kind == "constant"}

    def run(ctx: Context) -> None:
        owner = holder(ctx, kind)
        if not hasattr(owner, name):
            fail(f"{WHERE.get(kind, 'an array')} has no {name!r}, which the standard requires", kind=kind, name=name)
        if kind == "const":
            expected = constant_value(constants[name])
            value = getattr(owner, name)
            if not constant_holds(expected, value):
                fail(f"xp.{name} is {value!r}; the standard defines {constants[name].value}", name=name)
        if kind == "dtype_method":
            xp = ctx.xp
            if not (xp.float32 == xp.float32) or (xp.float32 == xp.float64):
                fail("dtype objects must compare equal to themselves and unequal to other dtypes with ==")

    return run


def check_version(ctx: Context) -> None:
    version = getattr(ctx.xp, "__array_api_version__", None)
    wanted = standard_version()
    if version != wanted:
        fail(f"__array_api_version__ is {version!r}; a namespace conforming to this standard reports "
             f"{wanted!r}", got=version)


def resolve(ctx: Context, key: str) -> Any:
    if key.startswith("array."):
        return getattr(sample_array(ctx), key.split(".", 1)[1], None)
    if key.startswith("info."):
        info = getattr(ctx.xp, "__array_namespace_info__", None)
        return getattr(info(), key.split(".", 1)[1], None) if info is not None else None
    owner: Any = ctx.xp
    for part in key.split("."):
        owner = getattr(owner, part, None)
        if owner is None:
            return None
    return owner


def check_signature(key: str) -> Callable[[Context], None]:
    def run(ctx: Context) -> None:
        function = resolve(ctx, key)
        if function is None:
            raise CheckSkipped(f"{key} is missing (reported by the presence check)")
        try:
            actual = inspect.signature(function)
        except (TypeError, ValueError):
            raise CheckSkipped(f"{key} has no introspectable signature") from None
        findings = compare(key, actual)
        level = severity(findings)
        if level is None:
            return
        musts = [f.text for f in findings if f.severity == "must"]
        shoulds = [f.text for f in findings if f.severity == "should"]
        parts = []
        if musts:
            parts.append("refuses calls the standard allows: " + "; ".join(musts))
        if shoulds:
            parts.append(("advisories: " if musts else "accepts more than the standard: ") + "; ".join(shoulds))
        raise CheckFailure(
            f"{key}{actual} against the standard's {key}({standard_parameters(key)}): " + "; ".join(parts),
            {"actual": str(actual), "standard": standard_parameters(key), "must": musts, "should": shoulds},
            severity=level,
        )

    return run


def checks(ctx: Context):
    yield Check(AREA, f"__array_api_version__ is {standard_version()}", check_version)
    for kind, name in required_names():
        if kind == "main" and name == "__array_api_version__":
            continue
        yield Check(AREA, f"{kind}:{name} is present", check_present(kind, name))
    for key in signature_keys():
        yield Check(AREA, f"signature of {key}", check_signature(key))

"""The standard's signatures, read from its stubs (stubs.py), and how a namespace's
signature compares.

A signature finding is a MUST only where a call the standard allows is refused: a
parameter that cannot be passed where the standard says it can (positionally, or by
its keyword), a parameter that is required where the standard makes it optional, a
``*args`` that is a fixed list, a required parameter the standard does not have.
Accepting more than the standard (a positional-only parameter also by keyword, a
keyword-only one also positionally, as NumPy's ``diff(x, 2)`` does; extra optional
parameters) and defaults that differ from the standard's are advisories.

Keys are ``name`` for the main namespace, ``linalg.name`` / ``fft.name`` for the
extensions, ``array.name`` for array methods and ``info.name`` for the inspection
namespace.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from functools import lru_cache

from . import stubs

P = inspect.Parameter
POSITIONAL = (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD)
# Namespaces whose callables have signatures to compare (the dtype object's __eq__ is
# a builtin comparison, not a signature a library writes).
CHECKED_NAMESPACES = ("main", "linalg", "fft", "array", "info")


@dataclass(frozen=True)
class Finding:
    severity: str  # "must" (a call the standard allows is refused) or "should"
    text: str


@lru_cache(maxsize=1)
def _entries() -> dict[str, stubs.Entry]:
    return {e.key: e for e in stubs.standard().callables() if e.namespace in CHECKED_NAMESPACES}


def signature_keys() -> list[str]:
    """Every function and method of the standard with a signature to compare."""
    return list(_entries())


def standard_entry(key: str) -> stubs.Entry:
    return _entries()[key]


def standard_parameters(key: str) -> str:
    """The standard's parameter list in Python syntax (``x, /, *, axis=None``)."""
    return _entries()[key].parameter_list()


def standard_signature(key: str) -> inspect.Signature:
    return _entries()[key].signature()


def __getattr__(name: str) -> object:
    # SIGNATURES {key: parameter list} as the module had it, built on first use
    if name == "SIGNATURES":
        return {key: standard_parameters(key) for key in signature_keys()}
    raise AttributeError(name)


def _default_text(value: object) -> str:
    return repr(value)


def _literal(value: object) -> bool:
    return value is None or isinstance(value, (bool, int, float, str))


def compare(key: str, actual: inspect.Signature) -> list[Finding]:
    """What a namespace's signature of ``key`` refuses that the standard allows (MUST)
    and what it accepts or defaults beyond it (SHOULD), each as a phrase."""
    expected = list(standard_signature(key).parameters.values())
    params = list(actual.parameters.values())
    if params and params[0].name == "self" and key.startswith("array."):
        params = params[1:]
    findings: list[Finding] = []

    def must(text: str) -> None:
        findings.append(Finding("must", text))

    def should(text: str) -> None:
        findings.append(Finding("should", text))

    has_var_positional = any(p.kind is P.VAR_POSITIONAL for p in params)
    has_var_keyword = any(p.kind is P.VAR_KEYWORD for p in params)
    positional = [p for p in params if p.kind in POSITIONAL]
    by_name = {p.name: p for p in params if p.kind not in (P.VAR_POSITIONAL, P.VAR_KEYWORD)}
    standard_names = {p.name for p in expected}
    reported: set[str] = set()

    def check_default(want: inspect.Parameter, have: inspect.Parameter) -> None:
        if want.default is P.empty:
            return
        if have.default is P.empty:
            must(f"{have.name!r} is required; the standard makes {want.name!r} optional "
                 f"(default {_default_text(want.default)})")
        elif _literal(want.default) and _literal(have.default) and (
                type(want.default) is not type(have.default) or want.default != have.default) \
                and not (isinstance(want.default, float) and isinstance(have.default, int)
                         and want.default == have.default):
            should(f"the default of {want.name!r} is {_default_text(have.default)}, "
                   f"the standard's is {_default_text(want.default)}")

    slot = 0
    for want in expected:
        if want.kind is P.VAR_POSITIONAL:
            if not has_var_positional:
                must(f"takes a fixed number of positional arguments; the standard takes *{want.name}")
            continue
        if want.kind is P.VAR_KEYWORD:
            if not has_var_keyword:
                must(f"takes no **{want.name}")
            continue
        if want.kind in POSITIONAL:
            have = positional[slot] if slot < len(positional) else None
            slot += 1
            if have is None:
                if not has_var_positional:
                    must(f"refuses {want.name!r} as positional argument {slot}")
                continue
            reported.add(have.name)
            if want.kind is P.POSITIONAL_OR_KEYWORD:
                named = by_name.get(want.name)
                if named is None and not has_var_keyword:
                    must(f"refuses {want.name}= by keyword (positional argument {slot} is named {have.name!r})")
                elif named is not None and named.kind is P.POSITIONAL_ONLY:
                    must(f"refuses {want.name}= by keyword ({want.name!r} is positional-only)")
            elif have.kind is P.POSITIONAL_OR_KEYWORD:
                should(f"also accepts positional-only {want.name!r} by keyword, as {have.name}=")
            check_default(want, have)
            continue
        # keyword-only in the standard
        have = by_name.get(want.name)
        if have is None:
            if not has_var_keyword:
                must(f"refuses {want.name}= (no such keyword parameter)")
            continue
        reported.add(have.name)
        if have.kind is P.POSITIONAL_ONLY:
            must(f"refuses {want.name}= by keyword ({want.name!r} is positional-only)")
            continue
        if have.kind is P.POSITIONAL_OR_KEYWORD:
            should(f"also accepts keyword-only {want.name!r} positionally "
                   f"(as positional argument {positional.index(have) + 1})")
        check_default(want, have)
    positional_wanted = sum(p.kind in POSITIONAL for p in expected)
    wants_var_positional = any(p.kind is P.VAR_POSITIONAL for p in expected)
    for extra in positional[positional_wanted:]:
        if extra.name in reported:
            continue
        if extra.default is P.empty and not wants_var_positional:
            must(f"requires an extra positional argument {extra.name!r} that the standard does not have")
        elif extra.name not in standard_names:
            should(f"takes an extra positional parameter {extra.name!r}")
    for extra in params:
        if extra.kind is P.KEYWORD_ONLY and extra.name not in standard_names and extra.default is P.empty:
            must(f"requires an extra keyword argument {extra.name}= that the standard does not have")
    return findings


def severity(findings: list[Finding]) -> str | None:
    """The severity of a signature check: "must" if any finding is, "should" if there
    are only advisories, None without findings."""
    if not findings:
        return None
    return "must" if any(f.severity == "must" for f in findings) else "should"

"""The inspection API: ``__array_namespace_info__()`` and what it reports (its device
queries are the devices area's)."""

from __future__ import annotations

from ..core import ALL_DTYPES, DTYPE_CATEGORIES, Check, Context, fail
from ..reproduce import line

AREA = "inspection"


def info(ctx: Context):
    return ctx.xp.__array_namespace_info__()


def check_capabilities(ctx: Context) -> None:
    capabilities = info(ctx).capabilities()
    if not isinstance(capabilities, dict):
        fail(f"capabilities() returned {type(capabilities).__name__}, expected a dict")
    for key, kind in (("boolean indexing", bool), ("data-dependent shapes", bool), ("max dimensions", (int, type(None)))):
        if key not in capabilities:
            fail(f"capabilities() lacks the key {key!r}", keys=list(capabilities))
        if not isinstance(capabilities[key], kind):
            fail(f"capabilities()[{key!r}] is {capabilities[key]!r}; expected {kind}")


def check_default_dtypes(ctx: Context) -> None:
    defaults = info(ctx).default_dtypes()
    for key, category in (("real floating", "real floating"), ("complex floating", "complex floating"),
                          ("integral", "integer"), ("indexing", "integer")):
        if key not in defaults:
            fail(f"default_dtypes() lacks the key {key!r}", keys=list(defaults))
        name = ctx.dtype_name(defaults[key])
        if name not in DTYPE_CATEGORIES[category]:
            fail(f"default_dtypes()[{key!r}] is {defaults[key]!r}, not a {category} dtype")
    made = ctx.dtype_name(ctx.xp.asarray([1.0]).dtype)
    if made != ctx.dtype_name(defaults["real floating"]):
        fail(f"asarray([1.0]) has dtype {made} but default_dtypes() says {defaults['real floating']!r}")


def check_dtypes(ctx: Context) -> None:
    offered = info(ctx).dtypes()
    if not isinstance(offered, dict):
        fail(f"dtypes() returned {type(offered).__name__}, expected a dict of name → dtype")
    for name, dtype in offered.items():
        if name not in ALL_DTYPES or dtype != getattr(ctx.xp, name):
            fail(f"dtypes() maps {name!r} to {dtype!r}, which is not xp.{name}")
    for kind, members in (("bool", {"bool"}), ("real floating", {"float32", "float64"}),
                          ("complex floating", {"complex64", "complex128"})):
        subset = info(ctx).dtypes(kind=kind)
        if not set(subset) <= members:
            fail(f"dtypes(kind={kind!r}) returned {sorted(subset)}, outside {sorted(members)}")


# The kinds dtypes(kind=...) takes, and the dtypes each names.
KINDS: dict[str, set[str]] = {
    "bool": {"bool"},
    "signed integer": {"int8", "int16", "int32", "int64"},
    "unsigned integer": {"uint8", "uint16", "uint32", "uint64"},
    "integral": {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"},
    "real floating": {"float32", "float64"},
    "complex floating": {"complex64", "complex128"},
    "numeric": set(ALL_DTYPES) - {"bool"},
}


def check_dtype_kinds(ctx: Context) -> None:
    """dtypes(kind=k) is exactly the offered dtypes of kind k, for every kind and for a
    tuple of kinds (their union)."""
    offered = set(info(ctx).dtypes())
    for kind, members in list(KINDS.items()) + [(("bool", "real floating"), KINDS["bool"] | KINDS["real floating"])]:
        got = info(ctx).dtypes(kind=kind)
        want = members & offered
        if set(got) != want:
            fail(f"dtypes(kind={kind!r}) returned {sorted(got)}; the offered dtypes of that kind are {sorted(want)}",
                 reproducer=line(f"sorted(xp.__array_namespace_info__().dtypes(kind={kind!r}))",
                                 f"expected {sorted(want)}"))


def check_defaults_are_used(ctx: Context) -> None:
    """Creation functions infer the dtypes default_dtypes() reports."""
    xp = ctx.xp
    defaults = info(ctx).default_dtypes()
    cases = [("integral", "xp.arange(3)", lambda: xp.arange(3)), ("integral", "xp.asarray([1, 2])",
                                                                    lambda: xp.asarray([1, 2])),
             ("real floating", "xp.ones((2,))", lambda: xp.ones((2,))),
             ("complex floating", "xp.asarray([1j])", lambda: xp.asarray([1j])),
             ("indexing", "xp.argmax(xp.asarray([1.0, 3.0]))", lambda: xp.argmax(xp.asarray([1.0, 3.0])))]
    for key, code, make in cases:
        if key == "complex floating" and not ctx.has("complex128") and not ctx.has("complex64"):
            continue
        got = ctx.dtype_name(make().dtype)
        want = ctx.dtype_name(defaults[key])
        if got != want:
            fail(f"{code[3:]} has dtype {got}, but default_dtypes()[{key!r}] is {want}",
                 reproducer=line(f"{code}.dtype == xp.__array_namespace_info__().default_dtypes()[{key!r}]",
                                 f"expected True ({got} vs {want})"))


def check_max_dimensions(ctx: Context) -> None:
    """An array of capabilities()["max dimensions"] dimensions can be made and reduced
    (when the library reports a finite limit; at least 8 are checked otherwise)."""
    xp = ctx.xp
    limit = info(ctx).capabilities().get("max dimensions")
    rank = limit if isinstance(limit, int) else 8
    shape = (1,) * (rank - 1) + (2,)
    code = f"xp.sum(xp.ones({shape}), axis={rank - 1})"
    try:
        got = xp.sum(xp.ones(shape), axis=rank - 1)
    except Exception as error:
        fail(f"an array of {rank} dimensions failed: ones({shape}) and sum over the last axis raised "
             f"{type(error).__name__}: {error}" + (" although capabilities() reports that many" if limit else ""),
             reproducer=line(code, f"expected an array of shape {shape[:-1]}, got {type(error).__name__}"))
    if tuple(got.shape) != shape[:-1]:
        fail(f"sum(ones({shape}), axis={rank - 1}) has shape {tuple(got.shape)}, expected {shape[:-1]}",
             reproducer=line(code, f"expected shape {shape[:-1]}, got {tuple(got.shape)}"))


def checks(ctx: Context):
    yield Check(AREA, "capabilities()", check_capabilities)
    yield Check(AREA, "default_dtypes()", check_default_dtypes)
    yield Check(AREA, "dtypes()", check_dtypes)
    yield Check(AREA, "dtypes(kind=...) for every kind and a tuple of kinds", check_dtype_kinds)
    yield Check(AREA, "creation functions use default_dtypes()", check_defaults_are_used)
    yield Check(AREA, "capabilities()['max dimensions'] is honoured", check_max_dimensions)

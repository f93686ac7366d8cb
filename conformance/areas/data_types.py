"""Data type functions: finfo/iinfo (attribute values and types), can_cast,
result_type, isdtype, astype."""

from __future__ import annotations

import itertools

import numpy as np

from ..core import (
    COMPLEX_DTYPES,
    DTYPE_INFO,
    INTEGER_DTYPES,
    REAL_FLOAT_DTYPES,
    REAL_OF_COMPLEX,
    Check,
    Context,
    fail,
    promote,
)
from ..reproduce import array_source, line

AREA = "data_types"

KIND_NAMES = {
    "bool": ("bool",),
    "signed integer": tuple(n for n in INTEGER_DTYPES if n.startswith("int")),
    "unsigned integer": tuple(n for n in INTEGER_DTYPES if n.startswith("uint")),
    "integral": INTEGER_DTYPES,
    "real floating": REAL_FLOAT_DTYPES,
    "complex floating": COMPLEX_DTYPES,
    "numeric": INTEGER_DTYPES + REAL_FLOAT_DTYPES + COMPLEX_DTYPES,
}


def check_finfo(ctx: Context) -> None:
    xp = ctx.xp
    for name in [n for n in REAL_FLOAT_DTYPES + COMPLEX_DTYPES if ctx.has(n)]:
        info = xp.finfo(ctx.dtype(name))
        reference = np.finfo(REAL_OF_COMPLEX.get(name, name))
        for attribute in ("eps", "max", "min", "smallest_normal"):
            value = getattr(info, attribute)
            code = f"type(xp.finfo(xp.{name}).{attribute})"
            if type(value) is not float:
                fail(f"finfo({name}).{attribute} is {value!r} of type {type(value).__name__}; the standard "
                     f"requires a Python float", dtype=name, attribute=attribute, type=type(value).__name__,
                     reproducer=line(code, f"expected float, got {type(value).__name__}"))
            if float(value) != float(getattr(reference, attribute)):
                fail(f"finfo({name}).{attribute} is {value!r}, expected {float(getattr(reference, attribute))!r}",
                     dtype=name, attribute=attribute,
                     reproducer=line(f"xp.finfo(xp.{name}).{attribute}",
                                     f"expected {float(getattr(reference, attribute))!r}, got {value!r}"))
        bits = DTYPE_INFO[REAL_OF_COMPLEX.get(name, name)][1]
        if type(info.bits) is not int or info.bits != bits:
            fail(f"finfo({name}).bits is {info.bits!r}; expected the Python int {bits}", dtype=name,
                 reproducer=line(f"xp.finfo(xp.{name}).bits", f"expected the int {bits}, got {info.bits!r}"))
        if ctx.dtype_name(info.dtype) != REAL_OF_COMPLEX.get(name, name):
            fail(f"finfo({name}).dtype is {info.dtype!r}; expected the real floating dtype "
                 f"{REAL_OF_COMPLEX.get(name, name)}", dtype=name,
                 reproducer=line(f"xp.finfo(xp.{name}).dtype == xp.{REAL_OF_COMPLEX.get(name, name)}", "expected True"))
    if ctx.has("float64"):
        from_array = xp.finfo(ctx.asarray([1.0], "float64"))
        if from_array.bits != 64:
            fail("finfo(array of float64).bits is not 64: finfo must accept arrays",
                 reproducer=line("xp.finfo(xp.asarray([1.0], dtype=xp.float64)).bits", f"expected 64, got "
                                                                                         f"{from_array.bits!r}"))


def check_iinfo(ctx: Context) -> None:
    xp = ctx.xp
    for name in [n for n in INTEGER_DTYPES if ctx.has(n)]:
        info = xp.iinfo(ctx.dtype(name))
        reference = np.iinfo(name)
        for attribute in ("bits", "max", "min"):
            value = getattr(info, attribute)
            if type(value) is not int:
                fail(f"iinfo({name}).{attribute} is {value!r} of type {type(value).__name__}; the standard "
                     f"requires a Python int", dtype=name, attribute=attribute,
                     reproducer=line(f"type(xp.iinfo(xp.{name}).{attribute})", f"expected int, got "
                                                                               f"{type(value).__name__}"))
            if value != int(getattr(reference, attribute)):
                fail(f"iinfo({name}).{attribute} is {value}, expected {int(getattr(reference, attribute))}",
                     reproducer=line(f"xp.iinfo(xp.{name}).{attribute}",
                                     f"expected {int(getattr(reference, attribute))}, got {value}"))
        if ctx.dtype_name(info.dtype) != name:
            fail(f"iinfo({name}).dtype is {info.dtype!r}, expected {name}",
                 reproducer=line(f"xp.iinfo(xp.{name}).dtype == xp.{name}", "expected True"))


def can_cast_expected(source: str, target: str) -> bool:
    """Casting is allowed exactly where promotion of the pair yields the target."""
    return promote(source, target) == target


def check_can_cast(ctx: Context) -> None:
    for source, target in itertools.product(ctx.available_dtypes, repeat=2):
        if promote(source, target) is None and source != target:
            continue  # cross-kind casting is not specified
        got = ctx.xp.can_cast(ctx.dtype(source), ctx.dtype(target))
        if bool(got) != can_cast_expected(source, target) or not isinstance(got, bool):
            fail(f"can_cast({source}, {target}) returned {got!r}; the promotion table gives "
                 f"{can_cast_expected(source, target)} (a Python bool)", source=source, target=target,
                 reproducer=line(f"xp.can_cast(xp.{source}, xp.{target})",
                                 f"expected {can_cast_expected(source, target)}, got {got!r}"))


def check_result_type(ctx: Context) -> None:
    for a, b in itertools.product(ctx.available_dtypes, repeat=2):
        want = promote(a, b)
        if want is None:
            continue
        got = ctx.dtype_name(ctx.xp.result_type(ctx.dtype(a), ctx.dtype(b)))
        if got != want:
            fail(f"result_type({a}, {b}) is {got}, the promotion table gives {want}", dtypes=[a, b],
                 reproducer=line(f"xp.result_type(xp.{a}, xp.{b}) == xp.{want}", f"expected True (got {got})"))
    if ctx.has("float32"):
        got = ctx.dtype_name(ctx.xp.result_type(ctx.asarray([1.0], "float32"), 1.0))
        if got != "float32":
            fail(f"result_type(float32 array, 1.0) is {got}; a Python float must not promote float32",
                 reproducer=line("xp.result_type(xp.asarray([1.0], dtype=xp.float32), 1.0) == xp.float32",
                                 f"expected True (got {got})"))


def check_isdtype(ctx: Context) -> None:
    xp = ctx.xp
    for name in ctx.available_dtypes:
        for kind, members in KIND_NAMES.items():
            got = xp.isdtype(ctx.dtype(name), kind)
            if bool(got) != (name in members):
                fail(f"isdtype({name}, {kind!r}) returned {got!r}, expected {name in members}",
                     reproducer=line(f"xp.isdtype(xp.{name}, {kind!r})", f"expected {name in members}, got {got!r}"))
        if not xp.isdtype(ctx.dtype(name), (ctx.dtype(name), "bool")):
            fail(f"isdtype({name}, ({name}, 'bool')) must be True: a tuple of kinds matches any member",
                 reproducer=line(f"xp.isdtype(xp.{name}, (xp.{name}, 'bool'))", "expected True"))


def check_astype(ctx: Context) -> None:
    xp = ctx.xp
    for source, target in itertools.product(ctx.available_dtypes, repeat=2):
        if source in COMPLEX_DTYPES and target not in COMPLEX_DTYPES:
            continue  # the standard says complex to real or bool casting should not be permitted
        value = True if "bool" in (source, target) else 1
        x = ctx.asarray([value, value], source)
        y = xp.astype(x, ctx.dtype(target))
        code = f"xp.astype({array_source(np.asarray([value, value]), source)}, xp.{target})"
        if ctx.dtype_name(y.dtype) != target:
            fail(f"astype({source} array, {target}) has dtype {ctx.dtype_name(y.dtype)}",
                 reproducer=line(code, f"expected dtype {target}, got {ctx.dtype_name(y.dtype)}"))
        got = ctx.to_numpy(y).tolist()
        if [complex(v) for v in got] != [complex(value)] * 2:
            fail(f"astype({source} array [{value}, {value}], {target}) gave {got}",
                 reproducer=line(code, f"expected {[value, value]}, got {got}"))
    if ctx.has("float64"):
        x = ctx.asarray([1.0, 2.0], "float64")
        y = xp.astype(x, xp.float64, copy=False)
        z = xp.astype(x, xp.float64, copy=True)
        if ctx.to_numpy(z).tolist() != [1.0, 2.0] or ctx.to_numpy(y).tolist() != [1.0, 2.0]:
            fail("astype(x, same dtype, copy=True/False) changed the values")


def checks(ctx: Context):
    yield Check(AREA, "finfo attribute values and Python types", check_finfo)
    yield Check(AREA, "iinfo attribute values and Python types", check_iinfo)
    yield Check(AREA, "can_cast follows the promotion table", check_can_cast)
    yield Check(AREA, "result_type follows the promotion table", check_result_type)
    yield Check(AREA, "isdtype kinds", check_isdtype)
    yield Check(AREA, "astype between every pair of dtypes", check_astype)

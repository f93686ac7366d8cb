"""Creation functions: shapes, dtypes (defaults and explicit) and values."""

from __future__ import annotations

import numpy as np

from ..core import Check, Context, fail
from ..reproduce import line
from ._shared import Outcome, call, expression

AREA = "creation"


def values(ctx: Context, x) -> list:
    return ctx.to_numpy(x).tolist()


def expect(ctx: Context, text: str, x: Outcome, shape: tuple, dtype: str | None, want: list | None) -> None:
    """``x`` (the Outcome of ``call``) has ``shape``, ``dtype`` (when given) and values
    ``want`` (when given)."""
    array = x.value
    if tuple(array.shape) != shape:
        fail(f"{text}: expected shape {shape}, got {tuple(array.shape)}",
             reproducer=line(x.code, f"expected shape {shape}, got {tuple(array.shape)}"))
    if dtype is not None and ctx.dtype_name(array.dtype) != dtype:
        fail(f"{text}: expected dtype {dtype}, got {ctx.dtype_name(array.dtype)}",
             reproducer=line(x.code, f"expected dtype {dtype}, got {ctx.dtype_name(array.dtype)}"))
    if want is not None:
        got = values(ctx, array)
        if not np.allclose(np.asarray(got, dtype=complex), np.asarray(want, dtype=complex), rtol=1e-6, atol=1e-12):
            fail(f"{text}: expected values {want}, got {got}", reproducer=line(x.code, f"expected {want}, got {got}"))


def default_float(ctx: Context) -> str:
    return ctx.dtype_name(ctx.xp.__array_namespace_info__().default_dtypes()["real floating"])


def default_int(ctx: Context) -> str:
    return ctx.dtype_name(ctx.xp.__array_namespace_info__().default_dtypes()["integral"])


def check_arange(ctx: Context) -> None:
    xp = ctx.xp
    expect(ctx, "arange(5)", call(ctx, "arange", 5), (5,), default_int(ctx), [0, 1, 2, 3, 4])
    expect(ctx, "arange(1, 10, 3)", call(ctx, "arange", 1, 10, 3), (3,), default_int(ctx), [1, 4, 7])
    expect(ctx, "arange(5, 0, -2)", call(ctx, "arange", 5, 0, -2), (3,), None, [5, 3, 1])
    expect(ctx, "arange(0.0, 1.0, 0.25)", call(ctx, "arange", 0.0, 1.0, 0.25), (4,), default_float(ctx), [0, 0.25, 0.5, 0.75])
    expect(ctx, "arange(3, 3)", call(ctx, "arange", 3, 3), (0,), None, [])
    if ctx.has("float32"):
        expect(ctx, "arange(3, dtype=float32)", call(ctx, "arange", 3, dtype=xp.float32), (3,), "float32", [0, 1, 2])


def check_asarray(ctx: Context) -> None:
    xp = ctx.xp
    expect(ctx, "asarray([[1, 2], [3, 4]])", call(ctx, "asarray", [[1, 2], [3, 4]]), (2, 2), default_int(ctx), [[1, 2], [3, 4]])
    expect(ctx, "asarray(True)", call(ctx, "asarray", True), (), "bool", None)
    expect(ctx, "asarray([1.5])", call(ctx, "asarray", [1.5]), (1,), default_float(ctx), [1.5])
    if ctx.has("complex128"):
        z = call(ctx, "asarray", [1 + 2j])
        if ctx.dtype_name(z.value.dtype) not in ("complex64", "complex128"):
            fail(f"asarray([1+2j]) has dtype {ctx.dtype_name(z.value.dtype)}; a complex default is required",
                 reproducer=line(z.code, f"expected a complex dtype, got {ctx.dtype_name(z.value.dtype)}"))
    x = xp.asarray([1.0, 2.0])
    for copy in (True, False):
        expect(ctx, f"asarray(x, copy={copy})", call(ctx, "asarray", x, copy=copy), (2,), None, [1.0, 2.0])
    if ctx.has("int8"):
        expect(ctx, "asarray([1, 2], dtype=int8)", call(ctx, "asarray", [1, 2], dtype=xp.int8), (2,), "int8", [1, 2])


def check_filled(ctx: Context) -> None:
    xp = ctx.xp
    for name, fill in (("zeros", 0), ("ones", 1)):
        expect(ctx, f"{name}((2, 3))", call(ctx, name, (2, 3)), (2, 3), default_float(ctx), [[fill] * 3] * 2)
        expect(ctx, f"{name}(4)", call(ctx, name, 4), (4,), None, [fill] * 4)
        if ctx.has("int16"):
            expect(ctx, f"{name}((2,), dtype=int16)", call(ctx, name, (2,), dtype=xp.int16), (2,), "int16", [fill] * 2)
        base = xp.asarray([[1, 2, 3]])
        expect(ctx, f"{name}_like(int array of shape (1, 3))", call(ctx, f"{name}_like", base), (1, 3), ctx.dtype_name(base.dtype), [[fill] * 3])
        if ctx.has("float32"):
            expect(ctx, f"{name}_like(x, dtype=float32)", call(ctx, f"{name}_like", base, dtype=xp.float32), (1, 3), "float32", [[fill] * 3])
    expect(ctx, "empty((2, 0))", call(ctx, "empty", (2, 0)), (2, 0), default_float(ctx), None)
    expect(ctx, "empty_like(x)", call(ctx, "empty_like", xp.asarray([1, 2])), (2,), ctx.dtype_name(xp.asarray([1, 2]).dtype), None)
    expect(ctx, "full((2,), 7)", call(ctx, "full", (2,), 7), (2,), default_int(ctx), [7, 7])
    expect(ctx, "full((2,), 2.5)", call(ctx, "full", (2,), 2.5), (2,), default_float(ctx), [2.5, 2.5])
    expect(ctx, "full((1,), True)", call(ctx, "full", (1,), True), (1,), "bool", [True])
    expect(ctx, "full_like(int array, 3)", call(ctx, "full_like", xp.asarray([1, 2]), 3), (2,), None, [3, 3])


def check_eye_tri(ctx: Context) -> None:
    expect(ctx, "eye(3)", call(ctx, "eye", 3), (3, 3), default_float(ctx), np.eye(3).tolist())
    expect(ctx, "eye(2, 4, k=1)", call(ctx, "eye", 2, 4, k=1), (2, 4), None, np.eye(2, 4, k=1).tolist())
    expect(ctx, "eye(3, k=-1)", call(ctx, "eye", 3, k=-1), (3, 3), None, np.eye(3, k=-1).tolist())
    base = np.arange(1, 13, dtype=float).reshape(3, 4)
    x = ctx.asarray(base, "float64" if ctx.has("float64") else None)
    for k in (-1, 0, 2):
        expect(ctx, f"tril(3x4 matrix, k={k})", call(ctx, "tril", x, k=k), (3, 4), None, np.tril(base, k).tolist())
        expect(ctx, f"triu(3x4 matrix, k={k})", call(ctx, "triu", x, k=k), (3, 4), None, np.triu(base, k).tolist())
    stacked = ctx.asarray(np.stack([base, base + 1]), "float64" if ctx.has("float64") else None)
    expect(ctx, "tril(stack of two 3x4 matrices)", call(ctx, "tril", stacked), (2, 3, 4), None,
           np.tril(np.stack([base, base + 1])).tolist())


def check_linspace(ctx: Context) -> None:
    expect(ctx, "linspace(0, 1, 5)", call(ctx, "linspace", 0, 1, 5), (5,), default_float(ctx), [0, 0.25, 0.5, 0.75, 1])
    expect(ctx, "linspace(0, 1, 4, endpoint=False)", call(ctx, "linspace", 0, 1, 4, endpoint=False), (4,), None,
           [0, 0.25, 0.5, 0.75])
    expect(ctx, "linspace(2, 3, 1)", call(ctx, "linspace", 2, 3, 1), (1,), None, [2])
    expect(ctx, "linspace(0, 1, 0)", call(ctx, "linspace", 0, 1, 0), (0,), None, [])
    if ctx.has("complex128"):
        z = call(ctx, "linspace", 0, 2 + 2j, 3)
        expect(ctx, "linspace(0, 2+2j, 3)", z, (3,), None, [0, 1 + 1j, 2 + 2j])
        if ctx.dtype_name(z.value.dtype) not in ("complex64", "complex128"):
            fail(f"linspace(0, 2+2j, 3) has dtype {ctx.dtype_name(z.value.dtype)}; complex endpoints need a complex "
                 f"dtype", reproducer=line(z.code, f"expected a complex dtype, got {ctx.dtype_name(z.value.dtype)}"))


def check_meshgrid(ctx: Context) -> None:
    xp = ctx.xp
    a, b = xp.asarray([1, 2, 3]), xp.asarray([4, 5])
    for indexing in ("xy", "ij"):
        grids = call(ctx, "meshgrid", a, b, indexing=indexing)
        result = grids.value
        if not isinstance(result, tuple):
            fail(f"meshgrid(a, b, indexing={indexing!r}) returned a {type(result).__name__}; the standard "
                 f"requires a tuple of arrays", got=type(result).__name__,
                 reproducer=line(grids.code, f"expected a tuple, got {type(result).__name__}"))
        want = np.meshgrid(np.asarray([1, 2, 3]), np.asarray([4, 5]), indexing=indexing)
        for i, ref in enumerate(want):
            part = expression(ctx, "xp.meshgrid({0}, {1}, indexing={2})[{3}]", lambda i=i, result=result: result[i], a, b,
                              indexing, i)
            expect(ctx, f"meshgrid(a, b, indexing={indexing!r})[{i}]", part, ref.shape, None, ref.tolist())


def checks(ctx: Context):
    yield Check(AREA, "arange", check_arange)
    yield Check(AREA, "asarray", check_asarray)
    yield Check(AREA, "zeros/ones/empty/full and their _like forms", check_filled)
    yield Check(AREA, "eye, tril, triu", check_eye_tri)
    yield Check(AREA, "linspace", check_linspace)
    yield Check(AREA, "meshgrid returns a tuple with the right grids", check_meshgrid)

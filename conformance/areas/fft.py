"""The fft extension against NumPy's pocketfft on random data, all norms, plus the
frequency helpers and their dtype argument."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from ..core import Check, Context, describe, fail
from ..reproduce import line
from ._shared import area_not_offered, assert_matches, call, check_invalid_axes, require

AREA = "fft"
NORMS = ("backward", "ortho", "forward")


def complex_arrays(ctx: Context) -> st.SearchStrategy:
    parts = st.floats(-10, 10, allow_subnormal=False)
    shapes = hnp.array_shapes(min_dims=1, max_dims=2, min_side=1, max_side=6)
    return shapes.flatmap(lambda s: hnp.arrays(np.complex128, s, elements=st.builds(complex, parts, parts))).map(
        lambda a: (a, ctx.asarray(a, "complex128")))


def check_complex_transforms(ctx: Context) -> None:
    require(ctx, "fft.fft", "fft.ifft", "fft.fftn", "fft.ifftn")

    def body(pair):
        a, x = pair
        for norm in NORMS:
            for name in ("fft", "ifft", "fftn", "ifftn"):
                reference = getattr(np.fft, name)
                assert_matches(ctx, f"fft.{name}({describe(a)}, norm={norm!r})", call(ctx, f"fft.{name}", x, norm=norm),
                               reference(a, norm=norm), dtype="complex128", rtol=1e-9, atol=1e-9, inputs=a)
        n = a.shape[-1] + 2
        assert_matches(ctx, f"fft.fft({describe(a)}, n={n})", call(ctx, "fft.fft", x, n=n), np.fft.fft(a, n=n),
                       rtol=1e-9, atol=1e-9, inputs=a)

    ctx.for_all(complex_arrays(ctx), body)


def check_real_transforms(ctx: Context) -> None:
    require(ctx, "fft.rfft", "fft.irfft", "fft.rfftn", "fft.irfftn", "fft.hfft", "fft.ihfft")

    def body(a):
        x = ctx.asarray(a, "float64")
        for norm in NORMS:
            assert_matches(ctx, f"fft.rfft({describe(a)}, norm={norm!r})", call(ctx, "fft.rfft", x, norm=norm),
                           np.fft.rfft(a, norm=norm), dtype="complex128", rtol=1e-9, atol=1e-9, inputs=a)
            assert_matches(ctx, f"fft.rfftn({describe(a)}, norm={norm!r})", call(ctx, "fft.rfftn", x, norm=norm),
                           np.fft.rfftn(a, norm=norm), rtol=1e-9, atol=1e-9, inputs=a)
            assert_matches(ctx, f"fft.ihfft({describe(a)}, norm={norm!r})", call(ctx, "fft.ihfft", x, norm=norm),
                           np.fft.ihfft(a, norm=norm), rtol=1e-9, atol=1e-9, inputs=a)
            spectrum = np.fft.rfft(a)
            n = a.shape[-1]
            z = ctx.asarray(spectrum, "complex128")
            assert_matches(ctx, f"fft.irfft(rfft(x), n={n}, norm={norm!r})", call(ctx, "fft.irfft", z, n=n, norm=norm),
                           np.fft.irfft(spectrum, n=n, norm=norm), dtype="float64", rtol=1e-9, atol=1e-9, inputs=a)
            assert_matches(ctx, f"fft.hfft(rfft(x), n={n}, norm={norm!r})", call(ctx, "fft.hfft", z, n=n, norm=norm),
                           np.fft.hfft(spectrum, n=n, norm=norm), dtype="float64", rtol=1e-9, atol=1e-9, inputs=a)
            full = np.fft.rfftn(a)
            assert_matches(ctx, f"fft.irfftn(rfftn(x), s={a.shape}, axes=all, norm={norm!r})",
                           call(ctx, "fft.irfftn", ctx.asarray(full, "complex128"), s=a.shape, axes=tuple(range(a.ndim)), norm=norm),
                           np.fft.irfftn(full, s=a.shape, axes=tuple(range(a.ndim)), norm=norm), rtol=1e-9, atol=1e-9, inputs=a)

    shapes = hnp.array_shapes(min_dims=1, max_dims=2, min_side=2, max_side=6)
    ctx.for_all(shapes.flatmap(lambda s: hnp.arrays(np.float64, s, elements=st.floats(-10, 10))), body)


def check_frequencies_and_shifts(ctx: Context) -> None:
    require(ctx, "fft.fftfreq", "fft.rfftfreq", "fft.fftshift", "fft.ifftshift")
    for n in (1, 4, 7):
        assert_matches(ctx, f"fft.fftfreq({n}, d=0.5)", call(ctx, "fft.fftfreq", n, d=0.5), np.fft.fftfreq(n, d=0.5), dtype="float64")
        assert_matches(ctx, f"fft.rfftfreq({n}, d=0.5)", call(ctx, "fft.rfftfreq", n, d=0.5), np.fft.rfftfreq(n, d=0.5),
                       dtype="float64")
    a = np.arange(12.0).reshape(3, 4)
    x = ctx.asarray(a, "float64")
    assert_matches(ctx, f"fft.fftshift({describe(a)})", call(ctx, "fft.fftshift", x), np.fft.fftshift(a))
    assert_matches(ctx, f"fft.ifftshift({describe(a)}, axes=1)", call(ctx, "fft.ifftshift", x, axes=1), np.fft.ifftshift(a, axes=1))


def check_frequency_dtype(ctx: Context) -> None:
    require(ctx, "fft.fftfreq", "fft.rfftfreq")
    if not ctx.has("float32"):
        return
    for name in ("fftfreq", "rfftfreq"):
        result = call(ctx, f"fft.{name}", 8, dtype=ctx.xp.float32)
        got = ctx.dtype_name(result.value.dtype)
        if got != "float32":
            fail(f"fft.{name}(8, dtype=float32) has dtype {got}", reproducer=line(result.code, f"expected dtype float32, got {got}"))


def check_invalid_axis(ctx: Context) -> None:
    if not ctx.has("complex128"):
        return
    z = ctx.asarray(np.arange(6.0).reshape(2, 3) + 1j, "complex128")
    check_invalid_axes(ctx, (
        ("fft.fft", lambda x: (z,), {"axis": 2}),
        ("fft.ifft", lambda x: (z,), {"axis": -3}),
        ("fft.rfft", lambda x: (x,), {"axis": 2}),
        ("fft.fftn", lambda x: (z,), {"axes": (0, 2)}),
    ))


def checks(ctx: Context):
    if not (ctx.has("float64") and ctx.has("complex128")):
        yield area_not_offered(AREA, "not run: the checks of this area compute in float64 and complex128, which the "
                                     "namespace does not offer")
        return
    yield Check(AREA, "fft, ifft, fftn, ifftn with every norm", check_complex_transforms)
    yield Check(AREA, "rfft, irfft, rfftn, irfftn, hfft, ihfft", check_real_transforms)
    yield Check(AREA, "fftfreq, rfftfreq, fftshift, ifftshift", check_frequencies_and_shifts)
    yield Check(AREA, "fftfreq and rfftfreq accept dtype=", check_frequency_dtype)
    yield Check(AREA, "an out-of-range axis raises", check_invalid_axis)

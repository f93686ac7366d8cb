"""The native backend's complex64/complex128 loops of the transcendental functions
(src/complex_math.c) against the numpy backend, the reference.

Values must match the numpy backend's: exactly wherever a component is zero (sign
included), infinite or NaN, and within ULP_BOUND units in the last place elsewhere
(the loops call the same C library functions and NumPy's own formulas, so in practice
they agree bit for bit). The standard's complex special-case rows are checked on their
own, and so are the layouts (negative, zero and non-unit strides, 0-d, size-0) and the
thread count.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from bridge.backends import load_backend

try:
    from bridge.backends.native import _native  # noqa: F401
except ImportError as exc:  # the extension is not built: the backend does not exist
    pytest.skip(f"native extension not built ({exc})", allow_module_level=True)

import bridge
import bridge.backends.native as native_backend
from bridge._threads import get_num_threads, set_num_threads
from conformance.special_cases import SPECIAL_CASES, VALUE_POOL, result_matches

NATIVE = load_backend("native").kernels
NUMPY = load_backend("numpy").kernels

ULP_BOUND = 4
UNARY = (
    "acos acosh asin asinh atan atanh cos cosh exp expm1 log log10 log1p log2 reciprocal "
    "sign sin sinh sqrt tan tanh"
).split()
COMPLEX = [np.dtype("complex64"), np.dtype("complex128")]

# Special components: the standard's pool plus overflow/underflow edges and values
# where a formula changes branch (|z| near 1, the integer-exponent range of pow).
SPECIAL_PARTS = tuple(VALUE_POOL) + (
    1e-300, -1e-300, 5e-324, 1e300, -1e300, 1.7976931348623157e308, 3e38, -3e38, 1e-40,
    0.75, 1.25, 710.0, -745.0, 89.0, -104.0, math.pi / 2, math.pi, 99.0, 100.0, -99.0,
)


# ------------------------------------------------------------------ comparison


def _ulp_distance(a, b):
    itype = np.dtype(f"i{a.dtype.itemsize}")
    ia = a.view(itype).astype(np.int64)
    ib = b.view(itype).astype(np.int64)
    lowest = np.int64(np.iinfo(itype).min)
    ia = np.where(ia < 0, lowest - ia, ia)
    ib = np.where(ib < 0, lowest - ib, ib)
    return np.abs(ia - ib)


def assert_matches(name, got, want, context=None, normwise=False):
    """Each component within ULP_BOUND ulp of NumPy's, zeros and infinities bitwise.
    ``normwise``: where NumPy's value is finite and not zero, a component may instead
    be within ULP_BOUND ulp of the value's modulus (the accuracy of a complex product,
    whose x*x - y*y cancels: NumPy's own versions differ there, 2.5 from 2.4 in z**2)."""
    got, want = np.asarray(got), np.asarray(want)
    assert got.dtype == want.dtype, f"{name}: dtype {got.dtype} != {want.dtype}"
    assert got.shape == want.shape, f"{name}: shape {got.shape} != {want.shape}"
    modulus = np.abs(want).reshape(-1)
    with np.errstate(invalid="ignore"):
        ordinary = np.isfinite(modulus) & (modulus > 0) if normwise else \
            np.zeros(modulus.shape, bool)
    for part in ("real", "imag"):
        g = np.ascontiguousarray(getattr(got, part)).reshape(-1)
        w = np.ascontiguousarray(getattr(want, part)).reshape(-1)
        nan_g, nan_w = np.isnan(g), np.isnan(w)
        where = f"{name} ({part} part){'' if context is None else f' of {context}'}"
        assert np.array_equal(nan_g, nan_w), f"{where}: NaN at different places: {g} vs {w}"
        close = np.zeros(g.shape, bool)
        if normwise:
            with np.errstate(invalid="ignore", over="ignore"):
                close = ordinary & (np.abs(g - w) <= ULP_BOUND * np.spacing(modulus))
        g, w = g[~nan_g & ~close], w[~nan_w & ~close]
        # zeros and infinities exactly, signs included
        exact = ~np.isfinite(w) | (w == 0) | ~np.isfinite(g) | (g == 0)
        assert np.array_equal(g[exact].view(f"u{g.itemsize}"), w[exact].view(f"u{w.itemsize}")), \
            f"{where}: {g[exact]} != {w[exact]} (special values, bitwise)"
        if (~exact).any():
            dist = _ulp_distance(g[~exact], w[~exact])
            assert dist.max() <= ULP_BOUND, f"{where}: {dist.max()} ulp apart: {g} vs {w}"


def both(name, *args):
    with np.errstate(all="ignore"):
        return NATIVE[name](*args), NUMPY[name](*args)


def special_grid(dtype):
    """Every pair of special components as one complex array of ``dtype``."""
    parts = np.array(SPECIAL_PARTS, dtype=np.float64)
    with np.errstate(over="ignore"):
        parts = parts.astype(np.finfo(dtype).dtype)
    re, im = np.meshgrid(parts, parts)
    z = np.empty(re.size, dtype)
    z.real, z.imag = re.reshape(-1), im.reshape(-1)
    return z


# ------------------------------------------------------------------ strategies


def elements(dtype):
    width = 8 * dtype.itemsize
    biggest = float(np.finfo(np.finfo(dtype).dtype).max)
    parts = st.sampled_from([v for v in SPECIAL_PARTS if not math.isfinite(v) or abs(v) <= biggest])
    return st.one_of(
        st.complex_numbers(width=width, allow_nan=True, allow_infinity=True),
        st.complex_numbers(max_magnitude=4.0, width=width),
        st.builds(complex, parts, parts),
    )


@st.composite
def complex_arrays(draw, dtype, shape=None):
    """A complex array in one of several layouts: contiguous, reversed and stepped
    (negative and non-unit strides), broadcast (zero strides), transposed."""
    if shape is None:
        shape = draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=5))
    layout = draw(st.sampled_from(["contiguous", "reversed", "stepped", "broadcast", "transposed"]))
    if layout == "broadcast":
        small = tuple(1 if draw(st.booleans()) else s for s in shape)
        return np.broadcast_to(draw(hnp.arrays(dtype, small, elements=elements(dtype))), shape)
    if layout in ("reversed", "stepped") and shape:
        step = -1 if layout == "reversed" else draw(st.sampled_from([2, -2, 3]))
        base_shape = shape[:-1] + (shape[-1] * abs(step),)
        base = draw(hnp.arrays(dtype, base_shape, elements=elements(dtype)))
        view = base[..., ::step]
        return view[..., : shape[-1]]
    if layout == "transposed" and len(shape) >= 2:
        base = draw(hnp.arrays(dtype, shape[::-1], elements=elements(dtype)))
        return base.T
    return draw(hnp.arrays(dtype, shape, elements=elements(dtype)))


# ------------------------------------------------------------------ coverage


def test_no_complex_fallbacks_left():
    gaps = native_backend.coverage(False)["dtype_fallbacks"]
    for name in UNARY + ["pow"]:
        assert name not in gaps, f"{name}: still served by numpy for {gaps.get(name)}"
        assert {"complex64", "complex128"} <= set(_native.UNARY_COVERAGE.get(name, ())
                                                    or _native.BINARY_COVERAGE[name])


# ------------------------------------------------------------------ unary


@pytest.mark.parametrize("dtype", COMPLEX, ids=str)
@pytest.mark.parametrize("name", UNARY)
def test_unary_special_grid(name, dtype):
    z = special_grid(dtype)
    got, want = both(name, z)
    assert_matches(name, got, want)


@pytest.mark.parametrize("dtype", COMPLEX, ids=str)
@pytest.mark.parametrize("name", UNARY)
@settings(max_examples=25)
@given(data=st.data())
def test_unary_matches_numpy(name, dtype, data):
    x = data.draw(complex_arrays(dtype))
    got, want = both(name, x)
    assert_matches(name, got, want, x)


@pytest.mark.parametrize("dtype", COMPLEX, ids=str)
@pytest.mark.parametrize("name", UNARY)
def test_unary_wide_range(name, dtype):
    # magnitudes from far below 1 to near overflow, every quadrant
    rng = np.random.default_rng(7)
    top = 38 if dtype == np.complex64 else 307
    parts = 10.0 ** rng.uniform(-top, top, (4000, 2)) * rng.choice([-1.0, 1.0], (4000, 2))
    parts[:1000] = rng.uniform(-3, 3, (1000, 2))
    z = np.empty(len(parts), dtype)
    z.real, z.imag = parts[:, 0], parts[:, 1]
    got, want = both(name, z)
    assert_matches(name, got, want)


# ------------------------------------------------------------------ pow


@pytest.mark.parametrize("dtype", COMPLEX, ids=str)
def test_pow_special_grid(dtype):
    z = special_grid(dtype)
    exponents = np.concatenate([z[::7], np.array([2, 3, -1, -2, 5, -7, 64, 99, -99, 100, 0.5,
                                                  -0.5, 2.5, 1j, -1j, 1 + 1j], dtype=dtype)])
    base = np.repeat(z, len(exponents))
    power = np.tile(exponents, len(z))
    got, want = both("pow", base, power)
    assert_matches("pow", got, want)


python_exponents = st.one_of(
    st.integers(-120, 120),
    st.integers(-5, 5).map(float),
    st.floats(allow_nan=True, allow_infinity=True),
    st.complex_numbers(allow_nan=True, allow_infinity=True),
    st.complex_numbers(max_magnitude=5.0),
)


@pytest.mark.parametrize("dtype", COMPLEX, ids=str)
@settings(max_examples=60)
@given(data=st.data())
def test_pow_matches_numpy(dtype, data):
    x1 = data.draw(complex_arrays(dtype))
    form = data.draw(st.sampled_from(["same dtype", "other dtype", "scalar right", "scalar left"]))
    if form == "same dtype":
        shape = data.draw(st.sampled_from([x1.shape, x1.shape[1:], ()]))
        args = (x1, data.draw(complex_arrays(dtype, shape)))
    elif form == "other dtype":
        # mixed promotion: complex64 with float64 computes in complex128, etc.
        other = np.dtype(data.draw(st.sampled_from(["float32", "float64", "complex64",
                                                    "complex128", "int32"])))
        x2 = data.draw(hnp.arrays(other, x1.shape[-1:] if x1.ndim else ()))
        args = data.draw(st.sampled_from([(x1, x2), (x2, x1)]))
    elif form == "scalar right":
        args = (x1, data.draw(python_exponents))
    else:
        args = (data.draw(python_exponents), x1)
    got, want = both("pow", *args)
    assert_matches("pow", got, want, args, normwise=True)


# ------------------------------------------------------------------ the standard's rows


COMPLEX_ROWS = [case for case in SPECIAL_CASES if case.is_complex and case.function in UNARY + ["pow"]]


@pytest.mark.parametrize("dtype", COMPLEX, ids=str)
@pytest.mark.parametrize("case", COMPLEX_ROWS, ids=lambda c: f"{c.function}: {c.text()}")
def test_standard_special_case(case, dtype):
    inputs = case.inputs()
    assert inputs, "no pool value meets this row"
    rtol = 64 * np.finfo(dtype).eps
    if case.arity == 1:
        z = np.array([complex(a, b) for a, b in inputs], dtype=dtype)
        with np.errstate(all="ignore"):
            out = NATIVE[case.function](z)
    else:
        z1 = np.array([complex(a, b) for a, b, _, _ in inputs], dtype=dtype)
        z2 = np.array([complex(c, d) for _, _, c, d in inputs], dtype=dtype)
        with np.errstate(all="ignore"):
            out = NATIVE[case.function](z1, z2)
    names = ("a", "b", "c", "d")
    for values, have in zip(inputs, out.tolist()):
        operands = dict(zip(names, values))
        tokens = [(case.result[0], have.real)]
        if len(case.result) > 1 and case.result[1] is not None:
            tokens.append((case.result[1], have.imag))
        assert all(result_matches(t, v, operands, rtol) for t, v in tokens), \
            f"{case.function}({values}) = {have}: the standard's row '{case.text()}'"


# ------------------------------------------------------------------ layouts and threads


@pytest.mark.parametrize("name", UNARY + ["pow"])
def test_zero_size_and_zero_dim(name):
    for dtype in COMPLEX:
        for x in (np.zeros((0, 3), dtype), np.array(0.5 - 2j, dtype=dtype)):
            args = (x, x) if name == "pow" else (x,)
            got, want = both(name, *args)
            assert_matches(name, got, want)


@pytest.mark.parametrize("name", ["exp", "log1p", "expm1", "asinh", "sign", "pow"])
def test_thread_count_does_not_change_results(name):
    rng = np.random.default_rng(3)
    x = (rng.standard_normal(300_001) * 3 + 1j * rng.standard_normal(300_001) * 3)[::-1]
    args = (x, x[::-1] / 4) if name == "pow" else (x,)
    before = get_num_threads()
    try:
        set_num_threads(1)
        one = NATIVE[name](*args)
        set_num_threads(2)
        two = NATIVE[name](*args)
    finally:
        set_num_threads(before)
    assert np.array_equal(one.view(np.uint64), two.view(np.uint64))
    assert_matches(name, one, NUMPY[name](*args))


def test_public_api_uses_native_loops():
    z = np.array([1 + 2j, -0.5 - 0.25j, complex(0.0, -0.0), complex(math.inf, 1.0)])
    for name in UNARY:
        with bridge.use_backend("native"), np.errstate(all="ignore"):
            got = np.asarray(getattr(bridge, name)(bridge.asarray(z)))
        with bridge.use_backend("numpy"), np.errstate(all="ignore"):
            want = np.asarray(getattr(bridge, name)(bridge.asarray(z)))
        assert_matches(name, got, want)
    with bridge.use_backend("native"):
        got = np.asarray(bridge.asarray(z) ** 3)
    with bridge.use_backend("numpy"):
        want = np.asarray(bridge.asarray(z) ** 3)
    assert_matches("pow", got, want)

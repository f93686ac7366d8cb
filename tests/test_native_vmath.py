"""The native backend's vectorised transcendental kernels (src/vmath.c, src/vmath.h).

(Hypothesis example counts come from the test profile: BRIDGE_HYPOTHESIS_EXAMPLES.)

* Accuracy: the error in units in the last place against a reference computed in
  extended precision (x86 long double, 64-bit significand, through NumPy's longdouble
  loops; mpmath at 200 bits where long double is no wider than double, and for a
  fixed set of hard cases): at most 1 ulp for float64 and 2 ulp for float32, on
  hypothesis-chosen inputs that include subnormals, the ends of the range (overflow,
  underflow, huge sin/cos/tan arguments) and values near the reductions' boundaries.
* Special values and signed zeros: the numpy backend's (the reference) results.
* Every instruction-set level (scalar, sse2, avx2, avx512 where the CPU has them)
  gives bitwise the same results; so do thread counts, strides and block splits.
* Layout: odd and negative strides, broadcast operands, zero sizes, in-place
  operators through the bridge API, huge shapes (an error, never a crash).

BRIDGE_VMATH_EXHAUSTIVE=1 adds a sweep of every float32 through the unary functions
(several minutes).
"""

from __future__ import annotations

import math
import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from bridge.backends import load_backend

try:
    from bridge.backends.native import _native
except ImportError as exc:  # the extension is not built: the backend does not exist
    pytest.skip(f"native extension not built ({exc})", allow_module_level=True)

import bridge
from bridge._threads import get_num_threads, set_num_threads

NATIVE = load_backend("native").kernels
NUMPY = load_backend("numpy").kernels

UNARY = ["exp", "expm1", "log", "log1p", "log2", "log10", "sqrt", "sin", "cos", "tan",
         "sinh", "cosh", "tanh"]
BINARY = ["pow", "atan2"]
FLOATS = [np.float32, np.float64]
# the documented bounds (docs/native.md): float64 within 1 ulp, float32 within 2
BOUND = {np.float64: 1.0, np.float32: 2.0}

LONG_DOUBLE = np.finfo(np.longdouble).nmant >= 63
LD_NAMES = {"pow": "power", "atan2": "arctan2"}


@pytest.fixture(autouse=True)
def _best_level():
    """Each test starts (and ends) on the best level this CPU has."""
    best = _native.SIMD_LEVELS[-1]
    _native.set_simd_level(best)
    yield
    _native.set_simd_level(best)


# ------------------------------------------------------------------ reference


def _mp_function(name):
    import mpmath

    return {
        "exp": mpmath.exp, "expm1": mpmath.expm1, "log": mpmath.log, "log1p": mpmath.log1p,
        "log2": lambda v: mpmath.log(v, 2), "log10": mpmath.log10, "sqrt": mpmath.sqrt,
        "sin": mpmath.sin, "cos": mpmath.cos, "tan": mpmath.tan, "sinh": mpmath.sinh,
        "cosh": mpmath.cosh, "tanh": mpmath.tanh, "pow": lambda a, b: mpmath.power(a, b),
        "atan2": mpmath.atan2,
    }[name]


def _mp_reference(name, *args):
    """(values as longdouble or float64, finite mask) by mpmath at 200 bits."""
    import mpmath

    mpmath.mp.prec = 200
    func = _mp_function(name)
    out = []
    for vals in zip(*args):
        vals = [mpmath.mpf(float(v)) for v in vals]
        try:
            r = func(*vals)
        except (ValueError, ZeroDivisionError, OverflowError):
            r = mpmath.nan
        out.append(r if isinstance(r, mpmath.mpf) else mpmath.nan)  # complex: NaN
    return out


def reference(name, *args):
    """The exact values of name(*args), as mpmath numbers or longdoubles (a list)."""
    if LONG_DOUBLE:
        with np.errstate(all="ignore"):
            ld = [np.asarray(a).astype(np.longdouble) for a in args]
            return getattr(np, LD_NAMES.get(name, name))(*ld)
    return _mp_reference(name, *args)


def ulp_errors(got, ref, dtype):
    """|got - ref| in units in the last place of dtype at ref, per element (0 where ref
    is NaN or beyond dtype's range: those are compared with numpy elsewhere)."""
    info = np.finfo(dtype)
    got = np.asarray(got, dtype=np.float64).ravel()
    if isinstance(ref, np.ndarray):  # long double
        ref = ref.ravel()
        with np.errstate(all="ignore"):
            r64 = ref.astype(np.float64)
            checked = np.isfinite(r64) & (np.abs(r64) <= float(info.max))
            exp = np.frexp(np.where(checked & (r64 != 0), r64, 1.0))[1]
            ulp = np.maximum(np.ldexp(1.0, exp - info.nmant - 1), float(info.smallest_subnormal))
            ulp = np.where(r64 == 0, float(info.smallest_subnormal), ulp)
            err = np.abs(got.astype(np.longdouble) - ref) / ulp.astype(np.longdouble)
        err = np.where(checked, err.astype(np.float64), 0.0)
        return np.where(checked & ~np.isfinite(got), np.inf, err)
    tiny = float(info.smallest_subnormal)
    errors = []
    for g, r in zip(got.tolist(), ref):  # mpmath numbers
        r_f = float(r)
        if not math.isfinite(r_f) or abs(r_f) > float(info.max):
            errors.append(0.0)
            continue
        if not math.isfinite(g):
            errors.append(math.inf)
            continue
        e = math.frexp(r_f)[1] if r_f != 0 else -10000
        ulp = max(math.ldexp(1.0, e - info.nmant - 1), tiny)
        errors.append(float(abs(type(r)(g) - r) / ulp))
    return np.asarray(errors)


def assert_within_bound(name, dtype, *args):
    args = [np.ascontiguousarray(a, dtype=dtype) for a in args]
    got = NATIVE[name](*args)
    errs = ulp_errors(got, reference(name, *args), dtype)
    if errs.size:
        worst = int(np.argmax(errs))
        assert errs[worst] <= BOUND[dtype] + 1e-3, (
            f"{name}[{np.dtype(dtype).name}]: {errs[worst]:.3f} ulp at "
            f"{[a.ravel()[worst] for a in args]}")


# ------------------------------------------------------------------ inputs

# where each function's interesting inputs lie (beyond the whole float range)
DOMAINS = {
    "exp": [(-746.0, 710.0), (-1.0, 1.0), (-104.0, 89.0)],
    "expm1": [(-40.0, 710.0), (-0.4, 0.4), (-1e-5, 1e-5)],
    "sinh": [(-711.0, 711.0), (-1.5, 1.5), (-90.0, 90.0)],
    "cosh": [(-711.0, 711.0), (-1.5, 1.5), (-90.0, 90.0)],
    "tanh": [(-25.0, 25.0), (-1.0, 1.0), (-0.4, 0.4)],
    "sin": [(-1e6, 1e6), (-10.0, 10.0), (-3e5, 3e5)],
    "cos": [(-1e6, 1e6), (-10.0, 10.0), (-3e5, 3e5)],
    "tan": [(-1e6, 1e6), (-10.0, 10.0), (-1.6, 1.6)],
    "log1p": [(-1.0, 3.0), (-1e-3, 1e-3)],
}


def ranged(lo, hi, dtype):
    """floats in [lo, hi] of dtype (the bounds rounded inwards to dtype)"""
    width = 8 * np.dtype(dtype).itemsize
    lo_t, hi_t = dtype(lo), dtype(hi)
    if float(lo_t) < lo:
        lo_t = np.nextafter(lo_t, dtype(np.inf))
    if float(hi_t) > hi:
        hi_t = np.nextafter(hi_t, dtype(-np.inf))
    return st.floats(float(lo_t), float(hi_t), width=width)


def ulps_away(value, steps, dtype):
    """The dtype value `steps` representable numbers away from value (rounded)"""
    itype = np.dtype(f"i{np.dtype(dtype).itemsize}")
    bits = np.array([value], dtype=dtype).view(itype).astype(np.int64)
    bits = np.clip(bits + (steps if value >= 0 else -steps), 0 if value >= 0 else None,
                   None if value >= 0 else 0)
    return float(bits.astype(itype).view(dtype)[0])


def element_strategy(name, dtype):
    width = 8 * np.dtype(dtype).itemsize
    anywhere = st.floats(width=width, allow_nan=False, allow_infinity=False)
    parts = [anywhere]
    for lo, hi in DOMAINS.get(name, []):
        parts.append(ranged(lo, hi, dtype))
    if name in ("log", "log2", "log10", "sqrt", "log1p"):
        parts.append(ranged(0.0, float(np.finfo(dtype).tiny) * 4, dtype))  # subnormals
        parts.append(ranged(0.5, 2.0, dtype))
    if name in ("sin", "cos", "tan"):
        # near multiples of pi/2, where the reduction cancels
        parts.append(st.tuples(st.integers(-200000, 200000), st.integers(-2**20, 2**20))
                     .map(lambda t: ulps_away(t[0] * math.pi / 2, t[1], dtype)))
    return st.one_of(parts)


def binary_strategy(name, dtype):
    width = 8 * np.dtype(dtype).itemsize
    if name == "atan2":
        any_ = st.floats(width=width, allow_nan=False, allow_infinity=False)
        unit = ranged(-2.0, 2.0, dtype)
        return st.tuples(st.one_of(any_, unit), st.one_of(any_, unit))
    # pow: positive bases of every size with exponents that keep the result near the
    # range; negative bases with integer exponents; bases near 1 with large exponents
    limit = 700.0 if dtype == np.float64 else 88.0
    base = ranged(float(np.finfo(dtype).tiny), float(np.finfo(dtype).max), dtype)
    wide = st.tuples(base, st.floats(-limit, limit)).map(
        lambda t: (t[0], t[1] / math.log(t[0]) if t[0] != 1.0 else t[1]))
    near_one = st.tuples(ranged(0.999, 1.001, dtype), ranged(-1e5, 1e5, dtype))
    negative = st.tuples(ranged(-50.0, -1e-3, dtype), st.integers(-30, 30).map(float))
    small = st.tuples(ranged(0.0, 10.0, dtype), ranged(-20.0, 20.0, dtype))
    return st.one_of(wide, near_one, negative, small)


# ------------------------------------------------------------------ accuracy


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", UNARY)
@given(data=st.data())
def test_unary_within_ulp_bound(name, dtype, data):
    values = data.draw(st.lists(element_strategy(name, dtype), min_size=1, max_size=64))
    assert_within_bound(name, dtype, np.array(values))


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", BINARY)
@given(data=st.data())
def test_binary_within_ulp_bound(name, dtype, data):
    pairs = data.draw(st.lists(binary_strategy(name, dtype), min_size=1, max_size=64))
    with np.errstate(all="ignore"):
        x = np.array([p[0] for p in pairs], dtype=dtype)
        y = np.array([p[1] for p in pairs], dtype=dtype)
    assert_within_bound(name, dtype, x, y)


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", UNARY + BINARY)
def test_many_random_inputs_within_ulp_bound(name, dtype):
    """A larger sample than hypothesis draws: logarithmically spread magnitudes of both
    signs, so every binade and both reductions' branches are visited."""
    rng = np.random.default_rng(sum(map(ord, name)))
    n = 20000
    with np.errstate(all="ignore"):
        mags = np.exp(rng.uniform(-80, 80, n)) if dtype == np.float32 else \
            np.exp(rng.uniform(-700, 700, n))
        x = (mags * rng.choice([-1.0, 1.0], n)).astype(dtype)
        for lo, hi in DOMAINS.get(name, [(-5.0, 5.0)]):
            x = np.concatenate([x, rng.uniform(lo, hi, n // 4).astype(dtype)])
        if name in BINARY:
            if name == "pow":
                x = np.abs(x)
                w = rng.uniform(-700 if dtype == np.float64 else -87, 88 if dtype ==
                                np.float32 else 700, x.size)
                logs = np.log(x.astype(np.float64))
                y = np.where(np.isfinite(logs) & (logs != 0), w / np.where(logs == 0, 1, logs),
                             w).astype(dtype)
            else:
                y = (rng.standard_normal(x.size) * np.exp(rng.uniform(-20, 20, x.size))).astype(dtype)
            assert_within_bound(name, dtype, x, y)
        else:
            assert_within_bound(name, dtype, x)


HARD_CASES = {
    # near-halfway and extreme cases, checked against mpmath whatever long double is
    "exp": [709.782712893384, -708.3964185322641, -745.1332191019411, 1e-300, -0.3465735902799727,
            0.34657359027997264, 88.72283905206835, -87.33654475055310],
    "expm1": [1e-300, -1e-20, 0.34657359027997264, -0.34657359027997264, 709.78, -37.5],
    "log": [5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.7071067811865476,
            1.4142135623730951, 1.0000000000000002, 0.9999999999999999],
    "log1p": [-0.9999999999999999, 1e-300, -1e-17, 2.0**-53, 0.41421356237309503],
    "sin": [1e-300, 3.141592653589793, 6.283185307179586, 1e5 * math.pi, 1048575.0,
            1048577.0, 1e22, 1.7976931348623157e308, 355.0, 103993.0],
    "cos": [1.5707963267948966, 4.71238898038469, 1e22, 1.7976931348623157e308, 1048577.0],
    "tan": [1.5707963267948966, -1.5707963267948966, 0.7853981633974483, 1e22, 1048577.0],
    "tanh": [0.35, 0.3499999999999999, 21.9, 22.1, 5e-324, 0.75, 0.7499999],
    "sinh": [1.0, 0.9999999999999999, 709.7, 710.4, 710.5],
    "cosh": [1.0, 0.9999999999999999, 709.7, 710.4, 710.5],
}


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", sorted(HARD_CASES))
def test_hard_cases_against_mpmath(name, dtype):
    pytest.importorskip("mpmath")
    with np.errstate(all="ignore"):
        x = np.array(HARD_CASES[name] + [-v for v in HARD_CASES[name]], dtype=dtype)
    x = x[np.isfinite(x)]
    got = NATIVE[name](x)
    errs = ulp_errors(got, _mp_reference(name, x), dtype)
    assert errs.size == 0 or errs.max() <= BOUND[dtype] + 1e-3, (name, x[np.argmax(errs)], errs.max())


# ------------------------------------------------------------------ special values


SPECIALS = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0,
            5e-324, -5e-324, 1e-310, 2.2250738585072014e-308, 1.7976931348623157e308,
            -1.7976931348623157e308, 709.79, -745.2, 89.0, -104.0, 1e22, -1e22, 2.0**20,
            1e300, 0.25, -0.75, 1.5707963267948966]


def compare_special(name, got, want):
    got, want = np.asarray(got), np.asarray(want)
    assert got.dtype == want.dtype and got.shape == want.shape
    nan_g, nan_w = np.isnan(got), np.isnan(want)
    assert np.array_equal(nan_g, nan_w), f"{name}: NaN at different places"
    g, w = got[~nan_w], want[~nan_w]
    assert np.array_equal(np.signbit(g), np.signbit(w)), f"{name}: signs {g} vs {w}"
    assert np.array_equal(np.isinf(g), np.isinf(w)), f"{name}: infinities {g} vs {w}"
    exact = ~np.isfinite(w) | (w == 0)
    assert np.array_equal(g[exact], w[exact]), f"{name}: {g[exact]} vs {w[exact]}"
    # elsewhere the values are the reference's within the two implementations' bounds
    # (NumPy's own SIMD kernels err by up to a few ulp)
    fin = ~exact
    itype = np.dtype(f"i{got.dtype.itemsize}")
    ia, ib = g[fin].view(itype).astype(np.int64), w[fin].view(itype).astype(np.int64)
    assert np.all(np.abs(ia - ib) <= 4), f"{name}: {g[fin]} vs {w[fin]}"


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", UNARY)
def test_unary_special_values_match_numpy(name, dtype):
    with np.errstate(all="ignore"):
        x = np.array(SPECIALS * 3, dtype=dtype)  # long enough for the vector loops
        want = NUMPY[name](x)
    compare_special(name, NATIVE[name](x), want)


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", BINARY)
def test_binary_special_values_match_numpy(name, dtype):
    with np.errstate(all="ignore"):
        v = np.array(SPECIALS, dtype=dtype)
        x1, x2 = (a.ravel() for a in np.meshgrid(v, v))
        want = NUMPY[name](x1, x2)
    compare_special(name, NATIVE[name](x1, x2), want)


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", ["sin", "tan", "sinh", "tanh", "expm1", "log1p", "sqrt"])
def test_signed_zeros_kept(name, dtype):
    """The standard's 'x_i is -0 -> -0' (and +0 -> +0), in the vector body and the tail."""
    x = np.array([-0.0, 0.0] * 37, dtype=dtype)
    got = NATIVE[name](x)
    assert np.array_equal(np.signbit(got), np.signbit(x)) and not got.any()


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: np.dtype(d).name)
def test_pow_exact_cases(dtype):
    """Exact powers stay exact (pow(integer, integer) is the integer, y = 1 and 2)."""
    cases = [(3, 4), (2, 10), (10, 3), (7, 2), (-3, 3), (-2, 4), (9, 0.5), (2, -2), (0.5, 3),
             (1.5, 1), (-1.5, 2), (1, 1e300), (5, 0)]
    x = np.array([a for a, _ in cases] * 5, dtype=dtype)
    y = np.array([b for _, b in cases] * 5, dtype=dtype)
    want = np.array([dtype(a) ** dtype(b) for a, b in cases] * 5, dtype=dtype)
    assert np.array_equal(NATIVE["pow"](x, y), want)


# ------------------------------------------------------------------ every level alike


def _level_inputs(name, dtype):
    rng = np.random.default_rng(17)
    with np.errstate(all="ignore"):
        parts = [rng.uniform(-5, 5, 3000), np.exp(rng.uniform(-700, 700, 3000)),
                 -np.exp(rng.uniform(-700, 700, 3000)), rng.uniform(-1e6, 1e6, 1000),
                 np.array(SPECIALS * 2)]
        x = np.concatenate(parts).astype(dtype)
    rng.shuffle(x)
    return x


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", UNARY + BINARY)
def test_every_simd_level_gives_the_scalar_results(name, dtype):
    """The scalar loops, SSE2, AVX2 and AVX-512 (those this CPU has) agree bit for bit,
    contiguous and strided (the strided path goes through the block buffers)."""
    x = _level_inputs(name, dtype)
    args = (x,) if name in UNARY else (x, np.roll(x, 7)[::-1].copy())
    if name == "pow":
        args = (x, np.round(args[1]) * 0.5 % 40 - 20)
    results = {}
    with np.errstate(all="ignore"):
        for level in _native.SIMD_LEVELS:
            _native.set_simd_level(level)
            results[level] = (NATIVE[name](*args), NATIVE[name](*(a[::3] for a in args)))
    def bits(a):
        return np.ascontiguousarray(a).view(np.uint8)

    base = results["scalar"]
    for level, (contiguous, strided) in results.items():
        assert np.array_equal(bits(contiguous), bits(base[0])), level
        assert np.array_equal(bits(strided), bits(base[1])), level
        assert np.array_equal(bits(strided), bits(contiguous[::3])), level


def test_level_switch_validation():
    levels = _native.SIMD_LEVELS
    assert levels[0] == "scalar" and _native.simd_level() == levels[-1]
    previous = _native.set_simd_level("scalar")
    assert previous == levels[-1] and _native.simd_level() == "scalar"
    with pytest.raises(ValueError, match="set_simd_level"):
        _native.set_simd_level("sse9")
    with pytest.raises(TypeError, match="set_simd_level"):
        _native.set_simd_level(1)


@pytest.mark.parametrize("value, expected", [("0", "scalar"), ("scalar", "scalar"),
                                             ("baseline", _native.SIMD_LEVELS[1]),
                                             (_native.SIMD_LEVELS[1], _native.SIMD_LEVELS[1]),
                                             ("1", None), ("", None)])
def test_environment_variable_read_at_import(value, expected):
    code = ("import warnings; warnings.simplefilter('error');"
            "from bridge.backends.native import _native as n;"
            "print(n.simd_level(), n.SIMD_LEVELS[-1])")
    env = dict(os.environ, BRIDGE_NATIVE_SIMD=value)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out[0] == (expected or out[1])


def test_environment_variable_unknown_value_warns():
    code = "from bridge.backends.native import _native as n; print(n.simd_level())"
    env = dict(os.environ, BRIDGE_NATIVE_SIMD="fastest")
    done = subprocess.run([sys.executable, "-W", "always", "-c", code], env=env,
                          capture_output=True, text=True, check=True)
    assert "BRIDGE_NATIVE_SIMD=fastest" in done.stderr
    assert done.stdout.strip() == _native.SIMD_LEVELS[-1]


@pytest.mark.parametrize("name", ["exp", "tanh", "sin", "pow", "log1p"])
def test_identical_for_any_thread_count(name):
    rng = np.random.default_rng(3)
    x = rng.uniform(-30, 30, 400_003)  # no multiple of a vector width or block
    args = (x,) if name in UNARY else (np.abs(x), x[::-1] * 0.1)
    before = get_num_threads()
    try:
        results = []
        for threads in (1, 2, 3):
            set_num_threads(threads)
            results.append(NATIVE[name](*args))
    finally:
        set_num_threads(before)
    for r in results[1:]:
        assert np.array_equal(r.view(np.uint64), results[0].view(np.uint64))


# ------------------------------------------------------------------ layouts


@st.composite
def odd_views(draw, dtype):
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=0, max_side=7))
    base = draw(hnp.arrays(dtype, tuple(3 * s + 1 for s in shape), elements=ranged(-20, 20, dtype)))
    index = tuple(slice(None, None, draw(st.sampled_from([1, 2, 3, -1, -3]))) for _ in shape)
    view = base[index][tuple(slice(0, s) for s in shape)]
    if view.ndim >= 2 and draw(st.booleans()):
        view = view.swapaxes(0, -1)
    return view


@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: np.dtype(d).name)
@given(data=st.data())
def test_odd_strides_match_contiguous(dtype, data):
    """Negative, non-unit and transposed strides give the contiguous input's results."""
    name = data.draw(st.sampled_from(UNARY + BINARY))
    x = data.draw(odd_views(dtype))
    args = (x,) if name in UNARY else (np.abs(x) if name == "pow" else x, x[..., ::-1] * 0.5)
    with np.errstate(all="ignore"):
        got = NATIVE[name](*args)
        want = NATIVE[name](*(np.ascontiguousarray(a) for a in args))
    assert got.shape == want.shape and got.dtype == want.dtype
    assert np.array_equal(np.ascontiguousarray(got).view(np.uint8), want.view(np.uint8))


@pytest.mark.parametrize("name", BINARY)
@pytest.mark.parametrize("dtype", FLOATS, ids=lambda d: np.dtype(d).name)
def test_broadcast_operands(name, dtype):
    """Stride-0 operands (a scalar, a row, a column) against the materialised ones."""
    rng = np.random.default_rng(5)
    m = rng.uniform(0.1, 4.0, (37, 41)).astype(dtype)
    # (a 0-d array: NumPy scalars are not the C kernels' operands, they go to NumPy)
    for other in (np.array(1.5, dtype=dtype), rng.uniform(0.1, 3, 41).astype(dtype),
                  rng.uniform(0.1, 3, (37, 1)).astype(dtype)):
        for a, b in ((m, other), (other, m)):
            got = NATIVE[name](a, b)
            full = [np.ascontiguousarray(np.broadcast_to(v, got.shape)) for v in (a, b)]
            assert np.array_equal(got, NATIVE[name](*full))
    got = NATIVE[name](m, 2.5)  # a Python scalar (weak operand)
    assert got.dtype == dtype and np.array_equal(got, NATIVE[name](m, np.full_like(m, 2.5)))


@pytest.mark.parametrize("name", UNARY + BINARY)
@pytest.mark.parametrize("shape", [(0,), (3, 0), (0, 5, 2)])
def test_zero_sizes(name, shape):
    for dtype in FLOATS:
        x = np.ones(shape, dtype=dtype)
        out = NATIVE[name](*((x,) if name in UNARY else (x, x)))
        assert out.shape == shape and out.dtype == dtype


def test_huge_broadcast_shape_raises_not_crashes():
    # 8 PiB of results: beyond any address space, so even a machine that overcommits
    # memory (where 8 TiB is mapped and the first touch brings the OOM killer) refuses it
    x = np.broadcast_to(np.float64(2.0), (2**25, 2**25))
    with pytest.raises((MemoryError, ValueError)):
        NATIVE["exp"](x)
    with pytest.raises((MemoryError, ValueError)):
        NATIVE["pow"](x, 2.0)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_in_place_operators_through_the_api(dtype):
    """x **= y and x = exp(x) on the native backend write the same values as numpy."""
    rng = np.random.default_rng(9)
    base = rng.uniform(0.5, 2.0, (50, 30)).astype(dtype)
    expo = rng.uniform(-3, 3, (50, 30)).astype(dtype)
    results = {}
    for backend in ("numpy", "native"):
        with bridge.use_backend(backend):
            t = bridge.asarray(base.copy())
            t **= bridge.asarray(expo)
            t = bridge.tanh(t)
            t[::2] = bridge.exp(t[::2])
            results[backend] = np.asarray(t).copy()
    itype = np.int32 if dtype == "float32" else np.int64
    diff = np.abs(results["native"].view(itype).astype(np.int64)
                  - results["numpy"].view(itype).astype(np.int64))
    assert diff.max() <= 6  # two implementations within their bounds, composed


# ------------------------------------------------------------------ exhaustive float32


@pytest.mark.skipif(not os.environ.get("BRIDGE_VMATH_EXHAUSTIVE"),
                    reason="set BRIDGE_VMATH_EXHAUSTIVE=1 for the sweep of every float32")
@pytest.mark.parametrize("name", UNARY)
def test_every_float32(name):
    """Every float32 (2^32 of them, in chunks) against the float64 functions of the
    numpy backend, rounded once: within 2 ulp, NaN and infinities where those are."""
    step = 1 << 24
    worst = 0.0
    for start in range(0, 1 << 32, step):
        bits = np.arange(start, start + step, dtype=np.uint64).astype(np.uint32)
        x = bits.view(np.float32)
        got = NATIVE[name](x).astype(np.float64)
        with np.errstate(all="ignore"):
            ref = NUMPY[name](x.astype(np.float64))
            ref32 = ref.astype(np.float32)
        assert np.array_equal(np.isnan(got), np.isnan(ref)), name
        fin = np.isfinite(ref32) & np.isfinite(ref)
        assert np.array_equal(got[~fin & ~np.isnan(ref)], ref32[~fin & ~np.isnan(ref)])
        ulp = np.maximum(np.spacing(np.abs(ref32[fin])).astype(np.float64), 2.0**-149)
        err = np.abs(got[fin] - ref[fin]) / ulp
        worst = max(worst, float(err.max(initial=0.0)))
    assert worst <= 2.0, (name, worst)

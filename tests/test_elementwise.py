"""Elementwise functions and operators against NumPy, on hypothesis-generated inputs.

For every function of the registry's elementwise tables: the result dtype follows
promotion (NumPy's, which equals the standard's wherever the standard defines it),
the shape follows broadcasting, and the values equal NumPy's on the same inputs —
except where the standard states a special case that NumPy does not follow; those
are tested separately below against the standard's own values.
"""

from __future__ import annotations

import math
import operator
import warnings

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra.array_api import make_strategies_namespace

import bridge as xp
from bridge._dtypes import CATEGORIES
from bridge._ops.elementwise import BINARY, UNARY

from .conftest import to_numpy

xps = make_strategies_namespace(xp)

NUMPY_NAME = {
    "acos": "arccos", "acosh": "arccosh", "asin": "arcsin", "asinh": "arcsinh",
    "atan": "arctan", "atanh": "arctanh", "atan2": "arctan2", "bitwise_invert": "invert",
    "bitwise_left_shift": "left_shift", "bitwise_right_shift": "right_shift",
    "conj": "conjugate", "pow": "power",
}

# Inputs where the standard and NumPy disagree on purpose (infinities and NaNs of
# these functions); compared against the standard's special cases separately, and
# by the conformance suite's full special-case tables
STANDARD_NOT_NUMPY = {"floor_divide"}
STANDARD_NOT_NUMPY_COMPLEX = {"expm1", "sign"}


def _dtypes(category):
    return st.sampled_from(sorted(CATEGORIES[category], key=lambda d: d.name))


def _assert_same(got, expected, exact, overflow_may_differ=False):
    got = to_numpy(got)
    expected = np.asarray(expected)
    if overflow_may_differ and expected.dtype.kind == "c":
        # the signs of an overflowed complex result are not specified by the standard
        # and differ between CPU and CUDA math libraries: compare the finite ones only
        finite = np.isfinite(expected) & np.isfinite(got)
        got, expected = np.where(finite, got, 0), np.where(finite, expected, 0)
    assert got.dtype == expected.dtype, f"dtype {got.dtype} != {expected.dtype}"
    assert got.shape == expected.shape, f"shape {got.shape} != {expected.shape}"
    if exact or got.dtype.kind in "biu":
        np.testing.assert_array_equal(got, expected)
    else:
        tol = 1e-5 if got.dtype in (np.float32, np.complex64) else 1e-12
        np.testing.assert_allclose(got, expected, rtol=tol, atol=tol, equal_nan=True)


def _numpy_reference(name, *args):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        if name in ("ceil", "floor", "trunc", "round") and args[0].dtype.kind in "biu":
            return args[0].copy()
        if name == "imag" and args[0].dtype.kind != "c":
            return np.zeros_like(args[0])
        return getattr(np, NUMPY_NAME.get(name, name))(*args)


@pytest.mark.parametrize("name,category", [(n, c) for n, c, _, _ in UNARY])
@given(data=st.data())
def test_unary_matches_numpy(backend, name, category, data):
    dtype = data.draw(_dtypes(category), label="dtype")
    x = data.draw(xps.arrays(dtype=dtype, shape=xps.array_shapes(min_dims=0, max_side=4)),
                  label="x")
    if name in STANDARD_NOT_NUMPY_COMPLEX and dtype.kind == "c":
        assume(np.isfinite(to_numpy(x)).all())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = getattr(xp, name)(x)
    _assert_same(got, _numpy_reference(name, to_numpy(x)), exact=False)


def _operand_pair(data, category):
    shapes = data.draw(xps.mutually_broadcastable_shapes(2, min_dims=0, max_side=4),
                       label="shapes")
    d1 = data.draw(_dtypes(category), label="dtype1")
    # mostly same-kind pairs (the standard's table), sometimes any pair of the category
    d2 = data.draw(st.one_of(st.just(d1), _dtypes(category)), label="dtype2")
    x1 = data.draw(xps.arrays(dtype=d1, shape=shapes.input_shapes[0]), label="x1")
    x2 = data.draw(xps.arrays(dtype=d2, shape=shapes.input_shapes[1]), label="x2")
    return x1, x2


def _binary_reference_ok(name, a, b):
    """Inputs NumPy refuses or leaves undefined, which the standard leaves unspecified."""
    if name in ("bitwise_left_shift", "bitwise_right_shift"):
        return not (np.asarray(b) < 0).any()
    if name == "pow" and a.dtype.kind in "iu" and b.dtype.kind in "iu":
        return not (b < 0).any()
    if name in ("floor_divide", "remainder") and a.dtype.kind in "iu" and b.dtype.kind in "iu":
        return not (b == 0).any()
    if name in STANDARD_NOT_NUMPY and a.dtype.kind == "f":
        return not (np.isinf(a).any() or np.isinf(b).any())
    return True


@pytest.mark.parametrize("name,category", [(n, c) for n, c, _, _ in BINARY])
@given(data=st.data())
def test_binary_matches_numpy(backend, name, category, data):
    x1, x2 = _operand_pair(data, category)
    a, b = to_numpy(x1), to_numpy(x2)
    try:
        np.result_type(a, b)
    except TypeError:
        assume(False)
    assume(xp.result_type(x1.dtype, x2.dtype) in CATEGORIES["any"])
    assume(_binary_reference_ok(name, a, b))
    try:
        expected = _numpy_reference(name, a, b)
    except TypeError:
        # pairs outside the standard's table that NumPy refuses (int16 & uint64):
        # bridge refuses them with TypeError too
        with pytest.raises(TypeError):
            getattr(xp, name)(x1, x2)
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = getattr(xp, name)(x1, x2)
    _assert_same(got, expected, exact=False, overflow_may_differ=name == "pow")


@pytest.mark.parametrize("name,category", [(n, c) for n, c, _, _ in BINARY])
@given(data=st.data())
def test_binary_with_python_scalar(backend, name, category, data):
    """A Python scalar is weak: the result keeps the array's dtype (2024.12 rules)."""
    dtype = data.draw(_dtypes(category), label="dtype")
    x = data.draw(xps.arrays(dtype=dtype, shape=xps.array_shapes(min_dims=0, max_side=3)),
                  label="x")
    if dtype.kind == "b":
        scalar = data.draw(st.booleans(), label="scalar")
    elif dtype.kind in "iu":
        info = np.iinfo(dtype)
        scalar = data.draw(st.integers(max(info.min, -100), min(info.max, 100)), label="scalar")
    elif dtype.kind == "f":
        scalar = data.draw(st.floats(-100, 100), label="scalar")
    else:
        scalar = data.draw(st.complex_numbers(max_magnitude=100), label="scalar")
    assume(_binary_reference_ok(name, to_numpy(x), np.asarray(scalar, dtype=dtype)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        right = getattr(xp, name)(x, scalar)
    assert right.dtype in (dtype, np.dtype(bool)) or name == "divide"
    _assert_same(right, _numpy_reference(name, to_numpy(x), scalar), exact=False,
                 overflow_may_differ=name == "pow")
    assume(_binary_reference_ok(name, np.asarray(scalar, dtype=dtype), to_numpy(x)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        left = getattr(xp, name)(scalar, x)
    _assert_same(left, _numpy_reference(name, scalar, to_numpy(x)), exact=False,
                 overflow_may_differ=name == "pow")


OPERATORS = [
    ("__add__", operator.add, "add"), ("__sub__", operator.sub, "subtract"),
    ("__mul__", operator.mul, "multiply"), ("__truediv__", operator.truediv, "divide"),
    ("__floordiv__", operator.floordiv, "floor_divide"), ("__mod__", operator.mod, "remainder"),
    ("__pow__", operator.pow, "pow"), ("__and__", operator.and_, "bitwise_and"),
    ("__or__", operator.or_, "bitwise_or"), ("__xor__", operator.xor, "bitwise_xor"),
    ("__lshift__", operator.lshift, "bitwise_left_shift"),
    ("__rshift__", operator.rshift, "bitwise_right_shift"),
    ("__lt__", operator.lt, "less"), ("__le__", operator.le, "less_equal"),
    ("__gt__", operator.gt, "greater"), ("__ge__", operator.ge, "greater_equal"),
    ("__eq__", operator.eq, "equal"), ("__ne__", operator.ne, "not_equal"),
]
CATEGORY = {n: c for n, c, _, _ in BINARY}


@pytest.mark.parametrize("dunder,op,name", OPERATORS)
@given(data=st.data())
def test_operator_equals_function(backend, dunder, op, name, data):
    x1, x2 = _operand_pair(data, CATEGORY[name])
    assume(_binary_reference_ok(name, to_numpy(x1), to_numpy(x2)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = getattr(xp, name)(x1, x2)
        except (TypeError, ValueError):
            assume(False)
        got = op(x1, x2)
    _assert_same(got, to_numpy(expected), exact=True)


INPLACE = [
    ("__iadd__", "add"), ("__isub__", "subtract"), ("__imul__", "multiply"),
    ("__itruediv__", "divide"), ("__ifloordiv__", "floor_divide"), ("__imod__", "remainder"),
    ("__ipow__", "pow"), ("__iand__", "bitwise_and"), ("__ior__", "bitwise_or"),
    ("__ixor__", "bitwise_xor"), ("__ilshift__", "bitwise_left_shift"),
    ("__irshift__", "bitwise_right_shift"),
]


@pytest.mark.parametrize("dunder,name", INPLACE)
@given(data=st.data())
def test_inplace_operator(backend, dunder, name, data):
    """x1 op= x2 writes the result of op(x1, x2) into x1's memory."""
    category = CATEGORY[name]
    dtype = data.draw(_dtypes(category), label="dtype")
    shape = data.draw(xps.array_shapes(min_dims=0, max_side=3), label="shape")
    x1 = data.draw(xps.arrays(dtype=dtype, shape=shape), label="x1")
    x2 = data.draw(xps.arrays(dtype=dtype, shape=shape[1:]), label="x2")
    if name == "divide" and dtype.kind in "iu":
        assume(False)
    assume(_binary_reference_ok(name, to_numpy(x1), to_numpy(x2)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = to_numpy(getattr(xp, name)(x1, x2))
        alias = x1
        before = to_numpy(x1).copy()
        result = getattr(x1, dunder)(x2)
    if x1.ndim == 0:
        # a 0-d tensor stands for NumPy's (immutable) scalar: x1 op= x2 rebinds x1
        assert result is not alias
        _assert_same(result, expected, exact=True)
        _assert_same(alias, before, exact=True)
        return
    assert result is alias
    _assert_same(alias, expected, exact=True)


def test_inplace_refuses_broadcasting_the_target():
    x = xp.ones(3)
    with pytest.raises(ValueError, match="shape"):
        x += xp.ones((2, 3))


def test_inplace_refuses_cross_kind_casts():
    x = xp.ones(3, dtype=xp.int32)
    with pytest.raises(TypeError):
        x += 1.5


# ------------------------------------------------------------------ special cases

INF, NAN = math.inf, math.nan


def _is(value, expected):
    value = float(value)
    if math.isnan(expected):
        return math.isnan(value)
    return value == expected and math.copysign(1, value) == math.copysign(1, expected)


@pytest.mark.parametrize(
    "x1,x2,expected",
    [
        (INF, 2.0, INF), (INF, -2.0, -INF), (-INF, 2.0, -INF), (-INF, -2.0, INF),
        (1.0, -INF, -0.0), (-1.0, INF, -0.0), (1.0, INF, 0.0), (-1.0, -INF, 0.0),
        (INF, INF, NAN), (0.0, 0.0, NAN), (1.0, 0.0, INF), (-1.0, 0.0, -INF),
        (1.0, -0.0, -INF), (NAN, 1.0, NAN), (7.0, 2.0, 3.0), (-7.0, 2.0, -4.0),
    ],
)
def test_floor_divide_special_cases(backend, x1, x2, expected):
    """The standard's floor_divide special cases, where NumPy returns NaN or -1."""
    for dtype in (xp.float32, xp.float64):
        a = xp.asarray(x1, dtype=dtype)
        b = xp.asarray(x2, dtype=dtype)
        assert _is(xp.floor_divide(a, b), expected)
        assert _is(a // b, expected)
        assert _is(a // x2, expected)
        c = xp.asarray(x1, dtype=dtype)
        c //= b
        assert _is(c, expected)


@pytest.mark.parametrize(
    "x1,x2,expected",
    [(-INF, 2.0, INF), (-INF, 0.5, INF), (-0.0, 2.0, 0.0), (-0.0, 0.5, 0.0),
     (-INF, 3.0, -INF), (-0.0, 3.0, -0.0), (NAN, 0.0, 1.0), (1.0, NAN, 1.0)],
)
def test_pow_special_cases(backend, x1, x2, expected):
    x = xp.asarray(x1)
    assert _is(x**x2, expected)
    assert _is(xp.pow(x, xp.asarray(x2)), expected)
    y = xp.asarray(x1)
    y **= x2
    assert _is(y, expected)


@pytest.mark.parametrize(
    "z,expected",
    [(complex(INF, 0.0), complex(INF, 0.0)), (complex(-INF, 1.5), complex(-1.0, 0.0)),
     (complex(NAN, 0.0), complex(NAN, 0.0)), (complex(-INF, NAN), complex(-1.0, 0.0))],
)
def test_complex_expm1_special_cases(backend, z, expected):
    got = complex(xp.expm1(xp.asarray(z)))
    assert _is(got.real, expected.real) and abs(got.imag) == abs(expected.imag) or (
        math.isnan(got.imag) and math.isnan(expected.imag))


def test_complex_sign_nan(backend):
    got = complex(xp.sign(xp.asarray(complex(NAN, INF))))
    assert math.isnan(got.real) and math.isnan(got.imag)


def test_results_are_tensors_never_scalars(backend):
    x = xp.asarray(2.0)
    for result in (x + x, -x, xp.exp(x), x * 2, 2 * x, x == x, abs(x)):
        assert isinstance(result, xp.Tensor) and result.shape == ()


@pytest.mark.parametrize("name", ["exp", "sqrt", "sin", "log1p", "tanh"])
def test_integer_input_of_floating_functions_is_computed_in_float64(backend, name):
    """The standard says these inputs *should* be floating point; like NumPy, bridge
    computes integer and bool inputs in the default floating dtype."""
    ints = np.asarray([0, 1, 2, 5], dtype=np.int32)
    got = getattr(xp, name)(xp.asarray(ints))
    assert got.dtype == xp.float64
    np.testing.assert_allclose(to_numpy(got), getattr(np, NUMPY_NAME.get(name, name))(
        ints.astype(np.float64)))
    assert getattr(xp, name)(xp.asarray([True, False])).dtype == xp.float64


def test_bool_reductions_as_in_numpy(backend):
    mask = xp.asarray([True, False, True])
    assert int(xp.sum(mask)) == 2 and xp.sum(mask).dtype == xp.int64
    assert bool(xp.max(mask)) and int(xp.argmax(mask)) == 0
    assert float(xp.mean(xp.asarray([1, 2]))) == 1.5
    assert to_numpy(xp.where(mask, -1, 1)).tolist() == [-1, 1, -1]


def test_two_python_scalars_compute_in_numpys_default_dtypes():
    # the standard needs a Tensor; NumPy makes both scalars arrays of its default dtypes
    assert xp.add(1, 2).dtype == xp.int64 and int(xp.add(1, 2)) == 3
    assert xp.add(1, 2.5).dtype == xp.float64 and xp.add(True, 2).dtype == xp.int64
    with pytest.raises(TypeError, match="bitwise_and"):
        xp.bitwise_and(1.5, 2)


def test_wrong_dtype_category_names_the_function():
    with pytest.raises(TypeError, match="floor: x has dtype complex128"):
        xp.floor(xp.asarray([1j]))
    with pytest.raises(TypeError, match="atan2: x1 has dtype complex128"):
        xp.atan2(xp.asarray([1j]), 1.0)
    with pytest.raises(TypeError, match="bitwise_and"):
        xp.bitwise_and(xp.ones(2), xp.ones(2))


def test_clip(backend):
    x = xp.asarray([-3.0, 0.5, 4.0, xp.nan])
    np.testing.assert_array_equal(to_numpy(xp.clip(x, -1.0, 1.0)), [-1.0, 0.5, 1.0, np.nan])
    np.testing.assert_array_equal(to_numpy(xp.clip(x, max=0.0)), [-3.0, 0.0, 0.0, np.nan])
    lo = xp.asarray([0.0, 1.0, 2.0, 3.0])
    np.testing.assert_array_equal(to_numpy(xp.clip(x, lo)), [0.0, 1.0, 4.0, np.nan])
    i = xp.asarray([1, 5, 9], dtype=xp.int8)
    out = xp.clip(i, 2, 8)
    assert out.dtype == xp.int8 and to_numpy(out).tolist() == [2, 5, 8]
    assert xp.clip(x).dtype == x.dtype

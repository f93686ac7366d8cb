"""bridge's ufunc objects (bridge/_ufunc.py) against NumPy's: the methods (reduce,
accumulate, outer, at, reduceat), the attributes, NumPy's keywords on the call (out=,
where=, dtype=, casting=, order=), autograd through them, on every backend."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import bridge
from bridge._ops.numpy_compat import UFUNC_NAMES
from bridge._spec import BINARY, UNARY
from bridge._ufunc import SPECS

from .conftest import to_numpy

RNG = np.random.default_rng(19)
POS = RNG.uniform(0.5, 2.0, size=(3, 4))     # floats where every binary ufunc is defined
INT = RNG.integers(1, 9, size=(3, 4))
BOOL = RNG.random((3, 4)) > 0.5

STANDARD = [entry[0] for entry in UNARY + BINARY]
ALL_UFUNCS = sorted(set(STANDARD) | set(UFUNC_NAMES))
_NUMPY_NAME = {"round": "rint"}


def _numpy(name):
    return getattr(np, _NUMPY_NAME.get(name, name), None)


def _t(a, device):
    """A tensor with its own copy of ``a`` (bridge.asarray shares an ndarray's memory)."""
    return bridge.asarray(np.array(a), device=device)


def _same(got, expected, rtol=1e-12, atol=1e-12, dtype=True):
    assert isinstance(got, bridge.Tensor), type(got)
    e = np.asarray(expected)
    g = to_numpy(got)
    assert g.shape == e.shape, (g.shape, e.shape)
    if dtype:
        assert g.dtype == e.dtype, (g.dtype, e.dtype)
    np.testing.assert_allclose(g, e, rtol=rtol, atol=atol, equal_nan=True)


def _operand(name):
    """An input NumPy's ufunc ``name`` takes, in the dtype family it is for."""
    u = getattr(np, name)
    if "dd->d" in u.types or "d->d" in u.types:
        return POS
    if "ll->l" in u.types or "l->l" in u.types:
        return INT
    return BOOL


def _takes(f, x):
    """Whether bridge's ``f`` takes two operands like ``x`` (where the standard's function
    refuses a dtype NumPy's takes): else its methods refuse them as it does."""
    try:
        f(x, x)
    except TypeError as exc:
        assert f.__name__ in str(exc)
        with pytest.raises(TypeError, match=f.__name__):
            f.reduce(x, axis=0)
        with pytest.raises(TypeError, match=f.__name__):
            f.accumulate(x, axis=0)
        return False
    return True


# ------------------------------------------------------------------ attributes


@pytest.mark.parametrize("name", ALL_UFUNCS)
def test_every_elementwise_function_is_a_ufunc(name):
    f = getattr(bridge, name)
    assert f in SPECS
    assert f.__name__ == name
    for method in ("reduce", "accumulate", "outer", "at", "reduceat"):
        assert getattr(f, method).__self__ is f
    assert f.nargs == f.nin + f.nout
    assert f.signature is None
    u = _numpy(name)
    if isinstance(u, np.ufunc):
        assert (f.nin, f.nout) == (u.nin, u.nout)
        assert f.identity == u.identity or (f.identity is None and u.identity is None)
        assert set(f.types) <= set(u.types) and f.ntypes == len(f.types) > 0
    assert pickle.loads(pickle.dumps(f.reduce)).__self__ is f


def test_methods_of_unary_ufuncs_raise_numpys_errors():
    x = bridge.asarray(POS)
    for method, args in (("reduce", (x,)), ("accumulate", (x,)), ("outer", (x, x)),
                         ("reduceat", (x, [0]))):
        with pytest.raises(ValueError, match="exp.*only supported for binary functions"):
            getattr(bridge.exp, method)(*args)


# ------------------------------------------------------------------ reduce

# the binary ufuncs of one output whose loops take two operands of one dtype (ldexp's
# take a float and an int: NumPy reduces them as little as bridge does)
BINARY_NAMES = sorted(n for n in ALL_UFUNCS if getattr(bridge, n).nin == 2
                      and getattr(bridge, n).nout == 1 and n != "ldexp")


def test_methods_of_ufuncs_of_two_outputs_raise_numpys_errors(backend, device):
    x = bridge.asarray(POS, device=device)
    for method, args in (("reduce", (x,)), ("accumulate", (x,)), ("reduceat", (x, [0]))):
        with pytest.raises(ValueError, match=f"divmod.{method}: {method} only supported for "
                           "functions returning a single value"):
            getattr(bridge.divmod, method)(*args)
        with pytest.raises(ValueError, match=f"modf.{method}: {method} only supported for "
                           "binary functions"):
            getattr(bridge.modf, method)(*args)
    q, r = bridge.divmod.outer(x[0], x[1])
    eq, er = np.divmod.outer(POS[0], POS[1])
    _same(q, eq)
    _same(r, er)
    with pytest.raises(TypeError, match="ldexp.reduce"):
        bridge.ldexp.reduce(x)


def _numpy_reduce(u, a, axis, **kwargs):
    """NumPy's ``u.reduce`` over ``axis`` moved first: NumPy 2.4's float loops of power
    and arctan2 reduce a contiguous last axis to ``f(a[0], a[-1])`` (a NumPy bug), its
    outer-axis path folds in order as documented."""
    if "where" in kwargs:
        kwargs["where"] = np.moveaxis(np.broadcast_to(kwargs["where"], a.shape), axis, 0)
    return u.reduce(np.moveaxis(a, axis, 0).copy(), axis=0, **kwargs)


@pytest.mark.parametrize("name", BINARY_NAMES)
def test_reduce_against_numpy(backend, device, name):
    f, u = getattr(bridge, name), getattr(np, name)
    a = _operand(name)
    x = bridge.asarray(a, device=device)
    if not _takes(f, x):
        return
    with np.errstate(all="ignore"):
        for axis in (0, 1, -1):
            _same(f.reduce(x, axis=axis), _numpy_reduce(u, a, axis), rtol=1e-10)
        _same(f.reduce(x, axis=1, keepdims=True),
              np.expand_dims(_numpy_reduce(u, a, 1), 1), rtol=1e-10)
        if f.identity is not None or name in ("maximum", "minimum", "fmax", "fmin"):
            _same(f.reduce(x, axis=None), u.reduce(a, axis=None), rtol=1e-10)
            _same(f.reduce(x, axis=(0, 1), keepdims=True),
                  u.reduce(a, axis=(0, 1), keepdims=True), rtol=1e-10)
        else:
            with pytest.raises(ValueError, match=f"{name}.reduce: reduction operation "
                               f"'{name}' is not reorderable"):
                f.reduce(x, axis=None)
        initial = a.flat[0]
        _same(f.reduce(x, axis=0, initial=initial), u.reduce(a, axis=0, initial=initial),
              rtol=1e-10)
        mask = np.array([[True, False, True, True]] * 3)
        mask[1, 0] = False
        _same(f.reduce(x, axis=0, initial=initial, where=bridge.asarray(mask, device=device)),
              u.reduce(a, axis=0, initial=initial, where=mask), rtol=1e-10)
        _same(f.reduce(x[:, :0], axis=1, initial=initial),
              u.reduce(a[:, :0], axis=1, initial=initial))


@pytest.mark.parametrize("dtype", ["int8", "uint8", "bool", "int32", "float32", "complex64"])
@pytest.mark.parametrize("name", ["add", "multiply", "maximum", "logical_and", "logical_or",
                                  "bitwise_or", "logaddexp", "divide", "subtract"])
def test_reduce_dtypes_are_numpys(backend, device, name, dtype):
    a = np.ones((2, 3), dtype)
    x = bridge.asarray(a, device=device)
    f, u = getattr(bridge, name), getattr(np, name)
    try:
        expected = u.reduce(a)
    except TypeError:
        with pytest.raises(TypeError, match=name):
            f.reduce(x)
        return
    if expected.dtype == np.float16:  # bridge has no float16: NumPy's float32 loop
        expected = u.reduce(a, dtype=np.float32)
    try:
        got = f.reduce(x)
    except TypeError as exc:
        # only where bridge's function refuses the loop's operands itself (the
        # standard's maximum orders no complex numbers)
        assert f"{name}.reduce" in str(exc)
        loop = bridge.astype(x, expected.dtype)
        with pytest.raises(TypeError, match=name):
            f(loop, loop)
        return
    _same(got, expected)


def test_reduce_dtype_out_and_errors(backend, device):
    a = np.arange(12.0).reshape(3, 4) + 0.5
    x = bridge.asarray(a, device=device)
    _same(bridge.add.reduce(x, dtype=bridge.int64), np.add.reduce(a, dtype=np.int64))
    _same(bridge.add.reduce(bridge.asarray(np.arange(3, dtype=np.int8), device=device),
                            dtype=bridge.int8), np.add.reduce(np.arange(3, dtype=np.int8),
                                                              dtype=np.int8))
    out = bridge.zeros(4, dtype=bridge.float32, device=device)
    assert bridge.add.reduce(x, out=out) is out
    _same(out, np.add.reduce(a, out=np.zeros(4, np.float32)))
    assert bridge.multiply.reduce(x, axis=1, out=(bridge.empty(3, device=device),)).shape == (3,)
    _same(bridge.add.reduce(bridge.asarray(3.0, device=device)), np.add.reduce(np.array(3.0)))
    _same(bridge.add.reduce(x, axis=()), np.add.reduce(a, axis=()))
    with pytest.raises(ValueError, match="maximum.reduce: zero-size array to reduction "
                       "operation maximum which has no identity"):
        bridge.maximum.reduce(x[:0])
    with pytest.raises(ValueError, match="does not have an identity, so to use a where mask"):
        bridge.maximum.reduce(x, where=x > 3)
    with pytest.raises(bridge.AxisError if hasattr(bridge, "AxisError") else IndexError):
        bridge.add.reduce(x, axis=2)
    with pytest.raises(ValueError, match="add.reduce: out has shape"):
        bridge.add.reduce(x, out=bridge.empty(3, device=device))
    with pytest.raises(TypeError, match="bitwise_and.reduce"):
        bridge.bitwise_and.reduce(x)
    _same(bridge.add.reduce(x, axis=0, where=[True, False, True, False]),
          np.add.reduce(a, axis=0, where=[True, False, True, False]))
    _same(bridge.add.reduce([1, 2, 3]), np.add.reduce([1, 2, 3]))


@given(a=hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, max_side=5),
                    elements=st.floats(-4, 4)),
       data=st.data(), name=st.sampled_from(["add", "maximum", "subtract", "hypot", "fmin",
                                             "logaddexp", "minimum", "multiply"]))
def test_reduce_and_accumulate_property(a, data, name):
    axis = data.draw(st.integers(-a.ndim, a.ndim - 1))
    f, u = getattr(bridge, name), getattr(np, name)
    x = bridge.asarray(a)
    if a.shape[axis] or f.identity is not None:
        _same(f.reduce(x, axis=axis), u.reduce(a, axis=axis), rtol=1e-9, atol=1e-9)
    _same(f.accumulate(x, axis=axis), u.accumulate(a, axis=axis), rtol=1e-9, atol=1e-9)


# ------------------------------------------------------------------ accumulate, outer


@pytest.mark.parametrize("name", BINARY_NAMES)
def test_accumulate_and_outer_against_numpy(backend, device, name):
    f, u = getattr(bridge, name), getattr(np, name)
    a = _operand(name)
    x = bridge.asarray(a, device=device)
    if not _takes(f, x):
        return
    with np.errstate(all="ignore"):
        for axis in (0, 1):
            _same(f.accumulate(x, axis=axis), u.accumulate(a, axis=axis), rtol=1e-10)
        _same(f.outer(x[0], x[1, :3]), u.outer(a[0], a[1, :3]), rtol=1e-12)
        _same(f.outer(x[:2], x[1, :3]), u.outer(a[:2], a[1, :3]), rtol=1e-12)


def test_accumulate_details(backend, device):
    a = np.array([1, 3, 2, 5, 4], dtype=np.int8)
    x = bridge.asarray(a, device=device)
    _same(bridge.add.accumulate(x), np.add.accumulate(a))  # int8 accumulates in int64
    _same(bridge.maximum.accumulate(x), np.maximum.accumulate(a))
    _same(bridge.add.accumulate(x, dtype=bridge.float32), np.add.accumulate(a, dtype=np.float32))
    out = bridge.empty(5, dtype=bridge.int64, device=device)
    assert bridge.multiply.accumulate(x, out=out) is out
    _same(out, np.multiply.accumulate(a, out=np.empty(5, np.int64)))
    with pytest.raises(TypeError, match="add.accumulate: cannot accumulate on a scalar"):
        bridge.add.accumulate(x[0])
    with pytest.raises(ValueError, match="accumulate does not allow multiple axes"):
        bridge.add.accumulate(bridge.ones((2, 2), device=device), axis=None)
    _same(bridge.add.accumulate(x[:0]), np.add.accumulate(a[:0]))


# ------------------------------------------------------------------ at


@pytest.mark.parametrize("repeats", [1, 3, 40])
@pytest.mark.parametrize("name", ["add", "subtract", "multiply", "maximum", "minimum",
                                  "divide", "bitwise_or", "power"])
def test_at_against_numpy(backend, device, name, repeats):
    rng = np.random.default_rng(repeats)
    ints = name == "bitwise_or"
    a = rng.integers(0, 9, size=6) if ints else rng.uniform(0.5, 1.5, size=6)
    idx = np.concatenate([np.arange(6)[::2]] * repeats + [[1, 5]])
    rng.shuffle(idx)
    b = rng.integers(0, 9, size=idx.size) if ints else rng.uniform(0.9, 1.1, size=idx.size)
    x = _t(a, device)
    assert getattr(bridge, name).at(x, bridge.asarray(idx, device=device),
                                    bridge.asarray(b, device=device)) is None
    getattr(np, name).at(a, idx, b)
    # in NumPy's order below 9 repeats (its values, to the backend's ulp), combined first
    # above (to rounding)
    _same(x, a, rtol=1e-9 if repeats > 8 else 1e-15, atol=0)


def test_at_forms(backend, device):
    a = np.zeros((3, 4))
    x = _t(a, device)
    bridge.add.at(x, (0, [0, 0, 1]), [1.0, 2.0, 3.0])
    np.add.at(a, (0, [0, 0, 1]), [1.0, 2.0, 3.0])
    bridge.add.at(x, slice(1, 3), 1.0)
    np.add.at(a, slice(1, 3), 1.0)
    bridge.add.at(x, [2, 2], [1.0, 2.0, 3.0, 4.0])  # b broadcast to the rows selected
    np.add.at(a, [2, 2], [1.0, 2.0, 3.0, 4.0])
    _same(x, a)
    counts = bridge.zeros(4, dtype=bridge.int64, device=device)
    labels = np.array([0, 3, 3, 1, 3, 0])
    bridge.add.at(counts, labels, 1)
    _same(counts, np.bincount(labels, minlength=4))
    v = np.arange(4.0)
    y = _t(v, device)
    bridge.negative.at(y, [0, 0, 1])  # a unary ufunc, applied once per occurrence
    np.negative.at(v, [0, 0, 1])
    _same(y, v)
    with pytest.raises(IndexError, match="add.at"):
        bridge.add.at(x, [7], 1.0)
    with pytest.raises(ValueError, match="add.at: second operand needed for ufunc"):
        bridge.add.at(x, [0])
    with pytest.raises(ValueError, match="second operand provided when ufunc is unary"):
        bridge.negative.at(x, [0], 1.0)
    with pytest.raises(TypeError, match="add.at: a must be a Tensor"):
        bridge.add.at(np.zeros(3), [0], 1.0)


# ------------------------------------------------------------------ reduceat


@pytest.mark.parametrize("name", ["add", "multiply", "maximum", "minimum", "subtract",
                                  "divide", "logical_or", "bitwise_xor", "hypot"])
def test_reduceat_against_numpy(backend, device, name):
    f, u = getattr(bridge, name), getattr(np, name)
    a = np.arange(1.0, 25.0).reshape(3, 8) / 7
    if name == "logical_or":
        a = a > 1.5
    elif name == "bitwise_xor":
        a = np.arange(24).reshape(3, 8)
    x = bridge.asarray(a, device=device)
    for indices in ([0, 4, 1, 5], [0, 2, 2, 7], [3], [0, 1, 2, 3, 4, 5, 6, 7], [5, 1]):
        _same(f.reduceat(x, indices, axis=1), u.reduceat(a, indices, axis=1), rtol=1e-12)
    _same(f.reduceat(x, [0, 2], axis=0), u.reduceat(a, [0, 2], axis=0), rtol=1e-12)


def test_reduceat_details(backend, device):
    a = np.arange(8)
    x = bridge.asarray(a, device=device)
    _same(bridge.add.reduceat(x, bridge.asarray([0, 4], device=device)),
          np.add.reduceat(a, [0, 4]))
    _same(bridge.add.reduceat(x, []), np.add.reduceat(a, []))
    _same(bridge.add.reduceat(x, [1, 3], dtype=bridge.float32),
          np.add.reduceat(a, [1, 3], dtype=np.float32))
    with pytest.raises(IndexError, match=r"index 9 out-of-bounds in add.reduceat \[0, 8\)"):
        bridge.add.reduceat(x, [0, 9])
    with pytest.raises(IndexError, match="index -1 out-of-bounds"):
        bridge.add.reduceat(x, [-1])


# ------------------------------------------------------------------ the call's keywords


def test_out_where_dtype_casting_order(backend, device):
    a, b = POS, POS[::-1].copy()
    x, y = _t(a, device), _t(b, device)
    out = bridge.empty((3, 4), device=device)
    assert bridge.add(x, y, out=out) is out
    _same(out, a + b)
    assert bridge.add(x, y, out) is out  # NumPy's positional out
    assert bridge.multiply(x, y, out=(out,)) is out
    _same(out, a * b)
    assert bridge.exp(x, out=x) is x  # in place
    _same(x, np.exp(a))
    x = _t(a, device)
    mask = a > 1.0
    target = bridge.full((3, 4), 7.0, device=device)
    bridge.subtract(x, 1.0, where=bridge.asarray(mask, device=device), out=target)
    _same(target, np.subtract(a, 1.0, where=mask, out=np.full((3, 4), 7.0)))
    _same(bridge.add(x, y, where=mask), np.where(mask, a + b, 0.0))  # NumPy: uninitialised
    wide = bridge.zeros((2, 3, 4), device=device)
    bridge.add(x, 1.0, out=wide)  # inputs broadcast to out, as NumPy does
    _same(wide, np.add(a, 1.0, out=np.zeros((2, 3, 4))))
    i8 = bridge.asarray(np.array([100, 27], np.int8), device=device)
    _same(bridge.add(i8, i8, dtype=bridge.float64), np.add(np.int8([100, 27]), np.int8([100, 27]),
                                                          dtype=np.float64))
    _same(bridge.add(i8, i8, out=bridge.zeros(2, device=device)),
          np.add(np.int8([100, 27]), np.int8([100, 27]), out=np.zeros(2)))
    _same(bridge.sqrt(i8, dtype=bridge.float32), np.sqrt(np.int8([100, 27]), dtype=np.float32))
    _same(bridge.add(x, y, signature="dd->d"), a + b)
    for order in ("C", "F", "A", "K", "k", None):
        _same(bridge.exp(x, order=order), np.exp(a, order=order))
    _same(bridge.add(x, y, casting="no"), np.add(a, b, casting="no"))
    _same(bridge.absolute(-x, out=bridge.empty((3, 4), device=device)), np.abs(a))
    _same(bridge.fmax(x, 1.0, out=bridge.empty((3, 4), device=device)), np.fmax(a, 1.0))


def test_call_errors_are_numpys(backend, device):
    x = bridge.asarray(POS, device=device)
    f32 = bridge.asarray(POS, dtype=bridge.float32, device=device)
    with pytest.raises(TypeError, match="add: cannot cast the output from float64 to int64 "
                       "with casting rule 'same_kind'"):
        bridge.add(x, x, out=bridge.empty((3, 4), dtype=bridge.int64, device=device))
    with pytest.raises(TypeError, match=r"add: Cannot cast ufunc 'add' input 0 from "
                       r"dtype\('float32'\) to dtype\('float64'\) with casting rule 'no'"):
        bridge.add(f32, x, casting="no")
    with pytest.raises(ValueError, match=r"exp: order must be one of 'C', 'F', 'A', or 'K' "
                       r"\(got 'X'\)"):
        bridge.exp(x, order="X")
    with pytest.raises(ValueError, match="exp: casting must be one of"):
        bridge.exp(x, casting="foo")
    with pytest.raises(TypeError, match=r"add\(\) got an unexpected keyword argument 'foo'"):
        bridge.add(x, x, foo=1)
    with pytest.raises(TypeError, match=r"add\(\) takes from 2 to 3 positional arguments but 4 "
                       "were given"):
        bridge.add(x, x, x, x)
    with pytest.raises(TypeError, match="add: cannot specify 'out' as both"):
        bridge.add(x, x, x, out=x)
    with pytest.raises(ValueError, match="add: non-broadcastable output operand"):
        bridge.add(x, x, out=bridge.empty(3, device=device))
    with pytest.raises(TypeError, match="add: out must be a Tensor"):
        bridge.add(x, x, out=np.empty((3, 4)))
    with pytest.raises(TypeError, match="add.*where must be a bool"):
        bridge.add(x, x, where=x)


# ------------------------------------------------------------------ autograd


def test_autograd_through_the_methods(backend, device):
    a = POS
    x = bridge.asarray(a, device=device, requires_grad=True)
    bridge.sum(bridge.add.reduce(x, axis=0) * bridge.maximum.reduce(x, axis=1)[0]).backward()
    g = np.zeros_like(a)
    g += a[0].max()
    g[0, a[0].argmax()] += a.sum(axis=0).sum()
    _same(x.grad, g, rtol=1e-12)

    x = bridge.asarray(a, device=device, requires_grad=True)
    bridge.sum(bridge.subtract.reduce(x, axis=1)).backward()  # x0 - x1 - x2 - x3
    _same(x.grad, np.tile([1.0, -1.0, -1.0, -1.0], (3, 1)))

    x = bridge.asarray(a, device=device, requires_grad=True)
    bridge.sum(bridge.multiply.accumulate(x, axis=1)[:, -1]).backward()
    _same(x.grad, np.prod(a, axis=1, keepdims=True) / a, rtol=1e-12)

    x = bridge.asarray(a, device=device, requires_grad=True)
    bridge.sum(bridge.multiply.outer(x[0], x[1])).backward()
    expected = np.zeros_like(a)
    expected[0] = a[1].sum()
    expected[1] = a[0].sum()
    _same(x.grad, expected, rtol=1e-12)


def test_autograd_sees_writes_into_out(backend, device):
    w = bridge.asarray(POS[0], device=device, requires_grad=True)
    h = w * 1.0
    bridge.exp(h, out=h)  # in place on a non-leaf: recorded
    target = bridge.zeros(4, device=device)
    bridge.multiply(h, 2.0, where=bridge.asarray([True, False, True, True], device=device),
                    out=target)
    bridge.sum(target).backward()
    _same(w.grad, 2 * np.exp(POS[0]) * np.array([1.0, 0.0, 1.0, 1.0]), rtol=1e-12)
    leaf = bridge.asarray(POS[0], device=device, requires_grad=True)
    with pytest.raises(RuntimeError, match="leaf"):
        bridge.exp(leaf, out=leaf)
    counts = bridge.zeros(4, device=device)
    v = bridge.asarray([1.0, 2.0, 3.0], device=device, requires_grad=True)
    acc = counts * 1.0
    bridge.add.at(acc, bridge.asarray([0, 0, 2], device=device), v * v)
    bridge.sum(acc).backward()
    _same(v.grad, 2 * np.array([1.0, 2.0, 3.0]))


# ------------------------------------------------------------------ the reductions' where=

MASK = RNG.random((3, 4)) > 0.3
MASK[:, 0] = True


@pytest.mark.parametrize("name", ["sum", "prod", "max", "min", "all", "any", "mean", "var",
                                  "std"])
def test_reductions_take_where_and_initial(backend, device, name):
    a = INT if name in ("all", "any") else POS
    x, m = bridge.asarray(a, device=device), bridge.asarray(MASK, device=device)
    extra = {"initial": 0.25} if name in ("max", "min") else {}
    for axis in (None, 0, 1, (0, 1)):
        for keepdims in (False, True):
            got = getattr(bridge, name)(x, axis=axis, keepdims=keepdims, where=m, **extra)
            expected = getattr(np, name)(a, axis=axis, keepdims=keepdims, where=MASK, **extra)
            _same(got, expected, rtol=1e-12)
            # the NumPy-signature versions: numpy.<name>(tensor) and the Tensor methods
            _same(getattr(np, name)(x, axis=axis, keepdims=keepdims, where=MASK, **extra),
                  expected, rtol=1e-12)
            _same(getattr(x, name)(axis=axis, keepdims=keepdims, where=m, **extra), expected,
                  rtol=1e-12)
    if name in ("sum", "prod", "max", "min"):
        _same(getattr(bridge, name)(x, axis=0, initial=2.0), getattr(np, name)(a, axis=0,
                                                                             initial=2.0))
        _same(getattr(bridge, name)(x, initial=2.0), getattr(np, name)(a, initial=2.0))
    if name in ("var", "std"):
        _same(getattr(bridge, name)(x, axis=1, correction=1, where=m),
              getattr(np, name)(a, axis=1, ddof=1, where=MASK), rtol=1e-12)


def test_reduction_where_details(backend, device):
    x = bridge.asarray(POS, device=device)
    m = bridge.asarray(MASK, device=device)
    i8 = bridge.asarray(INT.astype(np.int8), device=device)
    _same(bridge.sum(i8, where=m), np.sum(INT.astype(np.int8), where=MASK))  # int64
    _same(bridge.sum(i8, dtype=bridge.int16, where=m),
          np.sum(INT.astype(np.int8), dtype=np.int16, where=MASK))
    _same(bridge.sum(x, 0, None, None, False, where=m), np.sum(POS, 0, where=MASK))
    _same(bridge.sum(x, where=[True, False, True, True]),
          np.sum(POS, where=[True, False, True, True]))
    out = bridge.empty(4, device=device)
    assert bridge.sum(x, axis=0, where=m, out=out) is out
    _same(out, np.sum(POS, axis=0, where=MASK))
    with pytest.raises(ValueError, match="max: reduction operation 'maximum' does not have an "
                       "identity, so to use a where mask one has to specify 'initial'"):
        bridge.max(x, where=m)
    _same(bridge.min(x[:0], axis=0, where=m[:0], initial=1.0),
          np.min(POS[:0], axis=0, where=MASK[:0], initial=1.0))
    with pytest.raises(TypeError, match="sum: where must be a bool"):
        bridge.sum(x, where=x)
    # the standard's signatures are unchanged
    import inspect
    assert "where" not in inspect.signature(bridge.sum).parameters


def test_reduction_where_autograd(backend, device):
    x = bridge.asarray(POS, device=device, requires_grad=True)
    m = bridge.asarray(MASK, device=device)
    (bridge.sum(x, where=m) + bridge.max(x, axis=1, where=m, initial=0.0).sum()
     + bridge.mean(x, where=m)).backward()
    expected = MASK.astype(float) + MASK / MASK.sum()
    masked = np.where(MASK, POS, -np.inf)
    expected[np.arange(3), masked.argmax(axis=1)] += 1.0
    _same(x.grad, expected, rtol=1e-12)


# ------------------------------------------------------------------ NumPy's own ufuncs


def test_numpy_ufunc_methods_run_in_bridge(backend, device):
    a = POS.copy()
    x = bridge.asarray(a, device=device, requires_grad=True)
    r = np.add.reduce(x, axis=1, where=MASK)
    assert isinstance(r, bridge.Tensor) and r.grad_fn is not None
    _same(r, np.add.reduce(a, axis=1, where=MASK))
    _same(np.maximum.accumulate(x, axis=1), np.maximum.accumulate(a, axis=1))
    _same(np.multiply.outer(x[0], x[1]), np.multiply.outer(a[0], a[1]))
    _same(np.minimum.reduceat(x, [0, 2], axis=1), np.minimum.reduceat(a, [0, 2], axis=1))
    _same(np.subtract.reduce(x, axis=0, initial=1.0), np.subtract.reduce(a, axis=0, initial=1.0))
    counts = bridge.zeros(4, device=device)
    assert np.add.at(counts, [0, 0, 3], 1.0) is None
    _same(counts, np.array([2.0, 0.0, 0.0, 1.0]))
    out = bridge.full(4, 9.0, device=device)
    res = np.sqrt(bridge.asarray(a[0], device=device), where=MASK[1], out=out)
    assert res is out
    _same(out, np.sqrt(a[0], where=MASK[1], out=np.full(4, 9.0)))
    y = bridge.asarray(a.copy(), device=device)
    assert np.exp(y, out=y) is y
    _same(y, np.exp(a))
    if device.type == "cpu":  # NumPy's at into an ndarray: NumPy runs it
        arr = np.zeros(3)
        np.add.at(arr, [0, 0], bridge.asarray([1.0, 2.0]))
        assert arr.tolist() == [3.0, 0.0, 0.0]

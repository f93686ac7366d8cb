"""The C hot paths of bridge._dlpack_ext against the Python paths they shortcut.

Elementwise functions (``bridge.add``, ``bridge.exp``), the Tensor operators, basic
``__getitem__`` and default-device creation have a C path for CPU tensors; everything
else goes to the Python function, kept as ``__wrapped__``. Both must give the same
dtype, shape, device, bits, exception type and message, on every backend (on the GPU
the C objects only forward to the Python functions).
"""

from __future__ import annotations

import operator
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bridge
from bridge._dtypes import ALL_DTYPES
from bridge._ops.elementwise import BINARY, UNARY

from .conftest import to_numpy

pytestmark = pytest.mark.skipif(
    not hasattr(bridge.add, "__wrapped__"), reason="bridge._dlpack_ext is not built")

DTYPES = [d.name for d in ALL_DTYPES]
OPERATORS = {  # operator -> (forward, reflected) dunders of the Tensor class
    name: methods for name, _, _, methods in BINARY if methods and len(methods) == 3
}


def outcome(func, *args):
    try:
        result = func(*args)
    except Exception as exc:
        return ("raised", type(exc), str(exc))
    if result is NotImplemented:
        return ("NotImplemented",)
    assert isinstance(result, bridge.Tensor)
    data = to_numpy(result)
    return ("ok", result.dtype, result.shape, str(result.device), data.tobytes(),
            result.grad_fn is not None)


def assert_paths_agree(func, *args, label=None):
    """The C object ``func`` and its Python function give the same outcome."""
    assert outcome(func, *args) == outcome(func.__wrapped__, *args), label or func


@st.composite
def operands(draw):
    shape1 = draw(st.sampled_from([(), (1,), (3,), (2, 3), (0,)]))
    shape2 = draw(st.sampled_from([shape1, (), (3,), (4,), (2, 1)]))
    d1 = draw(st.sampled_from(DTYPES))
    values = st.sampled_from([0, 1, -1, 2, 3, 7, 100, -128, 255, 0.5, -2.5, 1e300, float("nan"),
                              float("inf"), -0.0, True, False, 1j, 2**63, -(2**40)])

    def tensor(shape, dtype):
        raw = np.array([draw(values) for _ in range(int(np.prod(shape)))], dtype=object)
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", np.exceptions.ComplexWarning)  # complex -> real
            try:
                data = raw.astype(complex).astype(dtype)
            except (OverflowError, TypeError, ValueError):
                data = np.zeros(len(raw), dtype)
        return bridge.asarray(data.reshape(shape), requires_grad=draw(st.booleans()) and
                              np.dtype(dtype).kind in "fc")

    x1 = tensor(shape1, d1)
    if draw(st.booleans()):
        x2 = tensor(shape2, draw(st.sampled_from(DTYPES)))
    else:
        x2 = draw(values)
    return x1, x2


@settings(max_examples=300)
@given(args=operands(), name=st.sampled_from([n for n, *_ in BINARY]))
def test_binary_functions_and_operators_match_the_python_paths(backend, args, name):
    x1, x2 = args
    func = getattr(bridge, name)
    with np.errstate(all="ignore"):
        if isinstance(x2, bridge.Tensor):
            assert_paths_agree(func, x1, x2)
        for dunder in OPERATORS.get(name, ())[:2]:
            assert_paths_agree(getattr(bridge.Tensor, dunder), x1, x2, label=dunder)


@settings(max_examples=200)
@given(args=operands(), name=st.sampled_from([n for n, *_ in UNARY]))
def test_unary_functions_match_the_python_paths(backend, args, name):
    x, _ = args
    func = getattr(bridge, name)
    with np.errstate(all="ignore"):
        assert_paths_agree(func, x)


def test_operators_of_other_types_return_not_implemented(backend):
    x = bridge.asarray([1.0, 2.0])
    assert bridge.Tensor.__add__(x, "a") is NotImplemented
    assert bridge.Tensor.__mul__(x, None) is NotImplemented
    with pytest.raises(TypeError):
        x + "a"
    assert (x == None) is False or isinstance(x == None, bridge.Tensor)  # noqa: E711
    # the C objects bind like methods and keep the Python functions' metadata
    assert x.__add__(1.0).tolist() == [2.0, 3.0]
    assert bridge.Tensor.__add__.__name__ == "__add__" and "add" in bridge.Tensor.__add__.__doc__
    assert bridge.add.__name__ == "add"
    assert repr(bridge.add) == "<bridge function add>"
    assert repr(bridge.Tensor.__add__) == "<bridge function Tensor.__add__>"
    assert operator.neg(x).tolist() == [-1.0, -2.0]


def test_c_functions_pickle_by_name(backend):
    # as functions and NumPy's ufuncs do (Dask's distributed scheduler, multiprocessing)
    import copy
    import pickle

    for func in (bridge.add, bridge.exp, bridge.Tensor.__add__, bridge.Tensor.__rtruediv__,
                 bridge.Tensor.__neg__, bridge.Tensor.__lt__):
        assert pickle.loads(pickle.dumps(func)) is func
        assert copy.deepcopy(func) is func
    x = bridge.asarray([1.0, 2.0])
    assert pickle.loads(pickle.dumps(x.__mul__))(3.0).tolist() == [3.0, 6.0]


def test_c_paths_keep_reference_counts(backend):
    import sys

    x = bridge.asarray(np.arange(4.0))
    data = x._data
    before = sys.getrefcount(data), sys.getrefcount(x)
    for _ in range(1000):
        x + x
        x * 2.0
        bridge.exp(x)
        x[1:3]
        x[0]
        bridge.zeros(3)
    assert (sys.getrefcount(data), sys.getrefcount(x)) == before


@pytest.mark.parametrize("shape", [3, (2, 3), (), (0,), (2, 0, 1)])
@pytest.mark.parametrize("dtype", [None, *DTYPES])
def test_creation_matches_the_python_path(backend, shape, dtype):
    from bridge._ops import creation

    dtype = None if dtype is None else getattr(bridge, dtype)
    for name in ("zeros", "ones"):
        got = getattr(bridge, name)(shape, dtype=dtype)
        # the Python path: _filled with the C shortcut switched off
        c_filled, creation._C_FILLED = creation._C_FILLED, None
        try:
            want = getattr(bridge, name)(shape, dtype=dtype)
        finally:
            creation._C_FILLED = c_filled
        assert outcome(lambda t: t, got) == outcome(lambda t: t, want)


@settings(max_examples=150)
@given(d1=st.sampled_from(DTYPES), d2=st.sampled_from(DTYPES),
       shapes=st.sampled_from([((2, 3), (3, 4)), ((3, 3), (3, 3)), ((2, 3), (2, 3)), ((3,), (3, 2)),
                               ((2, 3), (3,)), ((0, 2), (2, 0)), ((1, 1), (1, 1)), ((), (2, 2)),
                               ((2, 2, 3), (3, 2))]),
       grad=st.booleans(), scalar=st.booleans())
def test_matmul_matches_the_python_path(backend, d1, d2, shapes, grad, scalar):
    rng = np.random.default_rng(0)

    def tensor(shape, dtype):
        data = (rng.integers(-3, 4, shape) + 0.5 * (np.dtype(dtype).kind in "fc")).astype(dtype)
        return bridge.asarray(data, requires_grad=grad and np.dtype(dtype).kind in "fc")

    x1 = tensor(shapes[0], d1)
    x2 = 2.0 if scalar else tensor(shapes[1], d2)
    if not scalar:
        assert_paths_agree(bridge.matmul, x1, x2)
    for dunder in ("__matmul__", "__rmatmul__"):
        assert_paths_agree(getattr(bridge.Tensor, dunder), x1, x2, label=dunder)

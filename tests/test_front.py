"""The C front (bridge/_fastpath) against the Python functions it declines to.

Every registry row with a ``fast`` spec, the elementwise functions, the Tensor
operators, matmul and basic ``__getitem__`` are C front objects; whatever their
argument kinds do not take goes to the row's Python function, kept as
``__wrapped__``. Both must give the same dtype, shape, device, bits, autograd record,
exception type and message, on every backend.
"""

from __future__ import annotations

import contextlib
import inspect
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
    if isinstance(result, tuple):
        return ("tuple", tuple(outcome(lambda r=r: r) for r in result))
    if type(result) is np.ndarray:  # NumPy's result for data beyond the 13 dtypes
        return ("numpy", result.dtype, result.shape, result.tobytes())
    assert isinstance(result, bridge.Tensor)
    data = to_numpy(result)
    return ("ok", result.dtype, result.shape, str(result.device), data.tobytes(),
            result.grad_fn is not None)


def assert_paths_agree(func, *args, label=None, **kwargs):
    """The C object ``func`` and its Python function give the same outcome (a lambda
    without ``__wrapped__``: called as is, against the same call with every front's
    Python function, which the lambda reaches through ``bridge``)."""
    if not hasattr(func, "__wrapped__"):
        assert outcome(func) == outcome(_python_paths(func)), label or func
        return
    got = outcome(lambda: func(*args, **kwargs))
    want = outcome(lambda: func.__wrapped__(*args, **kwargs))
    if getattr(func, "__name__", "").startswith("empty") and got[0] == want[0] == "ok":
        # (empty and empty_like leave their memory as it was: the values are no outcome)
        got, want = got[:4] + got[5:], want[:4] + want[5:]
    assert got == want, label or func


def _python_paths(call):
    def run():
        with python_functions():
            return call()

    return run


@contextlib.contextmanager
def python_functions():
    """The namespace's front objects replaced by their Python functions."""
    saved = {name: getattr(bridge, name) for name in dir(bridge)
             if type(getattr(bridge, name)).__name__ == "Front"}
    try:
        for name, front in saved.items():
            setattr(bridge, name, front.__wrapped__)
        yield
    finally:
        for name, front in saved.items():
            setattr(bridge, name, front)


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
        bridge.sum(x, axis=0)
        bridge.reshape(x, (2, -1))
        bridge.concat([x, x])
    assert (sys.getrefcount(data), sys.getrefcount(x)) == before


@pytest.mark.parametrize("shape", [3, (2, 3), (), (0,), (2, 0, 1)])
@pytest.mark.parametrize("dtype", [None, *DTYPES])
def test_creation_matches_the_python_path(backend, shape, dtype):
    dtype = None if dtype is None else getattr(bridge, dtype)
    for name in ("zeros", "ones"):
        assert_paths_agree(getattr(bridge, name), shape, dtype=dtype, label=name)


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


# ------------------------------------------------------------ generic fronts

FAST_ROWS = sorted(name for name, op in bridge._REGISTRY.items() if op.fast is not None)
SHAPES = [(), (0,), (1,), (3,), (2, 3), (2, 0), (1, 3, 1), (4, 2)]


def test_every_fast_row_is_a_front():
    assert {"sum", "max", "mean", "std", "reshape", "concat", "zeros"} <= set(FAST_ROWS)
    for name in FAST_ROWS:
        func = bridge._REGISTRY[name].func
        assert type(func).__name__ == "Front" and func.__wrapped__ is not func, name
        assert inspect.signature(func) == inspect.signature(func.__wrapped__), name


@st.composite
def tensors(draw, dtype=None, requires_grad=True):
    shape = draw(st.sampled_from(SHAPES))
    dtype = dtype or draw(st.sampled_from(DTYPES))
    data = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape) * 1.5 - 2
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = data.astype(dtype)
    grad = requires_grad and np.dtype(dtype).kind in "fc" and draw(st.booleans())
    return bridge.asarray(data, requires_grad=grad)


AXIS_VALUES = [0, 1, 2, -1, -2, -3, 3, None, True, 1.0, (0,), [0]]
AXES_VALUES = [None, 0, 1, -1, 2, (0,), (0, 1), (1, 0), (0, 0), (-1, 0), (5,), [0], 1.5, ()]
SHAPE_VALUES = [(3,), (-1,), (2, -1), (-1, -1), (1, 3), (3, 1), 3, -1, (0,), [3], (2, 3),
                (1, 2, 3), (6,), (2.0,), (True,), ()]


DATA_VALUES = [  # makers: a fresh object per call (asarray may share its memory)
    lambda: [1.0, 2.0, 3.0], lambda: [1, 2, 3], lambda: [True, False], lambda: [True, 2],
    lambda: [1, 2.5, 1j], lambda: (1.5, -0.0), lambda: [], lambda: (), lambda: [[1, 2], [3, 4]],
    lambda: [[1, 2], [3]], lambda: [[], []], lambda: [(1, 2.0), [3, 4]], lambda: [2**70],
    lambda: [-(2**63)], lambda: [float("nan"), float("inf")], lambda: [np.float32(1.5), 2.0],
    lambda: [bridge.asarray(1.0), 2.0], lambda: [1, "a"], lambda: [None], lambda: 2.5, lambda: "ab",
    lambda: np.arange(6.0).reshape(2, 3), lambda: np.arange(3, dtype=np.int8),
    lambda: np.array(2.5, dtype=np.float32), lambda: np.zeros(0, dtype=np.complex64),
    lambda: np.arange(4.0)[::2], lambda: np.arange(3.0).astype(">f8"),
    lambda: np.arange(3, dtype=np.float16), lambda: np.array(["a"]),
    lambda: np.ma.masked_array([1.0, 2.0]), lambda: np.frombuffer(b"\0" * 16),
]


@st.composite
def value_of(draw, kind, param, default, given):
    k = kind.kind
    if k == "tensor":
        like = given.get(kind.like) if kind.like else None
        if like is not None and isinstance(like, bridge.Tensor) and draw(st.booleans()):
            return draw(tensors(dtype=like.dtype.name))
        return draw(tensors())
    if k == "tensors":
        first = draw(tensors())
        rest = [draw(st.one_of(st.just(first), tensors(dtype=first.dtype.name), tensors()))
                for _ in range(draw(st.integers(0, 2)))]
        return draw(st.sampled_from([list, tuple]))([first, *rest])
    if k == "axis":
        return draw(st.sampled_from(AXIS_VALUES))
    if k == "axes":
        return draw(st.sampled_from(AXES_VALUES))
    if k == "bool":
        return draw(st.sampled_from([True, False, 0, 1, None]))
    if k == "default":
        return draw(st.sampled_from([default, default, None, False, True, "cpu"]))
    if k == "shape":
        return draw(st.sampled_from(SHAPE_VALUES))
    if k == "permutation":
        return draw(st.sampled_from([(), (0,), (1, 0), (0, 1), (0, 0), (-1, 0), (2, 0, 1),
                                     [1, 0], (0, 1, 2)]))
    if k == "nonneg":
        return draw(st.sampled_from([0, 1, 0.5, 2, -1, -0.5, True, float("nan"), None]))
    if k == "real":
        return draw(st.sampled_from([0, 1, 2, -1, 0.5, -2.5, 3, float("inf"), float("-inf"),
                                     float("nan"), True, 2**70, np.float64(2.0), "fro", None]))
    if k == "scalar":
        return draw(st.sampled_from([0, 1, -1, 2.5, float("nan"), 1j, True, False, 2**70,
                                     -(2**63), "a", None, [1]]))
    if k == "data":
        return draw(st.sampled_from(DATA_VALUES))()
    if k in ("dtype", "dtype_of"):
        return draw(st.sampled_from([None, None, bridge.float32, bridge.int8, bridge.float64,
                                     "float32", bridge.bool]))
    raise AssertionError(k)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize("name", FAST_ROWS)
def test_generic_fronts_match_the_python_functions(backend, name, data):
    func = bridge._REGISTRY[name].func
    spec = bridge._REGISTRY[name].fast
    args, kwargs, given_ = [], {}, {}
    for pname, parameter in inspect.signature(func.__wrapped__).parameters.items():
        kind = spec.params[pname]  # (derived values are not parameters)
        default = parameter.default
        if default is not inspect.Parameter.empty and data.draw(st.booleans()):
            continue  # left at its default
        value = data.draw(value_of(kind, pname, default, given_))
        given_[pname] = value
        if parameter.kind is inspect.Parameter.POSITIONAL_ONLY or (
                parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and not kwargs
                and data.draw(st.booleans())):
            args.append(value)
        else:
            kwargs[pname] = value
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert_paths_agree(func, *args, label=f"{name}{tuple(args)}{kwargs}", **kwargs)


KEYS = [0, -1, 3, 20, slice(1, 3), slice(None, None, 2), slice(None, None, 0), None, Ellipsis,
        (0,), (slice(None), 0), (Ellipsis, 0), (0, 0), (None, 1), True, 1.0, [0, 1]]
VALUES = [1.0, 2, -3, True, False, 1e300, float("nan"), 1j, 2**70, None, "a"]


@st.composite
def index_tensors(draw):
    """Bool masks and integer index tensors, in range or not, empty or 0-d too."""
    dtype = draw(st.sampled_from(["bool", "int64", "int32", "uint8", "int8"]))
    shape = draw(st.sampled_from([(0,), (1,), (2,), (3,), (2, 3), ()]))
    values = draw(st.lists(st.integers(-4, 4), min_size=int(np.prod(shape)),
                           max_size=int(np.prod(shape))))
    data = np.array(values, dtype=np.int64).reshape(shape)
    return bridge.asarray(data > 0 if dtype == "bool" else data.astype(dtype))


def write_outcome(x, read_only, write):
    """What ``write(target)`` does to a fresh copy ``target`` of x (read-only if asked):
    the exception it raised, or its result (NotImplemented, the target itself or
    None) with the target's dtype and bytes afterwards."""
    target = bridge.asarray(np.array(to_numpy(x)))
    if read_only and target._data.__class__ is np.ndarray:
        target._data.flags.writeable = False
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = write(target)
    except Exception as exc:
        return ("raised", type(exc), str(exc))
    if result is NotImplemented:
        return ("NotImplemented",)
    return ("ok", result is target, target.dtype, to_numpy(target).tobytes())


@settings(max_examples=300, deadline=None)
@given(x=tensors(requires_grad=False), key=st.one_of(st.sampled_from(KEYS), index_tensors()),
       value=st.one_of(st.sampled_from(VALUES), tensors(requires_grad=False)),
       read_only=st.booleans())
def test_setitem_matches_the_python_setitem(backend, x, key, value, read_only):
    setitem = bridge._registry.REGISTRY["setitem"].func  # the function the method declines to

    def c_path(t):
        t[key] = value

    def python_path(t):
        setitem(t, key, value)

    assert write_outcome(x, read_only, c_path) == write_outcome(x, read_only, python_path)


@settings(max_examples=300, deadline=None)
@given(x=tensors(), key=st.one_of(st.sampled_from(KEYS), index_tensors()))
def test_getitem_matches_the_python_getitem(backend, x, key):
    getitem = bridge._registry.REGISTRY["getitem"].func

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert outcome(lambda: x[key]) == outcome(lambda: getitem(x, key))


INPLACE = ["__iadd__", "__isub__", "__imul__", "__itruediv__", "__iand__", "__ior__", "__ixor__"]


@settings(max_examples=300, deadline=None)
@given(x=tensors(requires_grad=False), other=st.one_of(st.sampled_from(VALUES), tensors()),
       dunder=st.sampled_from(INPLACE), read_only=st.booleans())
def test_inplace_operators_match_the_python_operators(backend, x, other, dunder, read_only):
    method = getattr(bridge.Tensor, dunder)

    def run(func):
        return write_outcome(x, read_only, lambda target: func(target, other))

    assert run(method) == run(method.__wrapped__), dunder


@pytest.mark.parametrize("raw, shape, ok", [
    ((np.ones(3, bool),), (3,), True),
    ((Ellipsis, np.ones(3, bool)), (2, 3), True),
    ((None, np.ones((2, 3), bool)), (2, 3), True),
    ((np.ones(4, bool),), (3,), False),
    ((Ellipsis, np.ones(2, bool)), (2, 3), False),
    ((0, np.ones(3, bool)), (3,), False),
])
def test_gpu_keys_check_mask_shapes(raw, shape, ok):
    # CuPy does not check a boolean key's shape (it reads and writes out of bounds);
    # the Python path checks it for GPU arrays as NumPy does
    from bridge._ops.indexing import _check_masks

    if ok:
        _check_masks("__getitem__", raw, shape)
    else:
        with pytest.raises(IndexError, match="__getitem__: a boolean index"):
            _check_masks("__getitem__", raw, shape)

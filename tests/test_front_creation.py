"""The creation functions' C fronts (their registry rows' ``fast`` specs): the calls they
serve skip the Python function, and keep its semantics (memory sharing, autograd,
dtype defaults, errors naming the function). tests/test_front.py checks every fast row
against its Python function on drawn arguments; these are the cases drawing misses."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import bridge
from bridge import _dispatch
from bridge._ops import creation
from bridge.backends import state

from .conftest import to_numpy

CREATION_FRONTS = ("arange", "asarray", "linspace", "zeros_like", "ones_like", "empty_like", "full_like",
                   "full", "zeros")


def test_creation_rows_have_fronts():
    for name in CREATION_FRONTS:
        assert bridge._REGISTRY[name].fast is not None, name
        assert type(getattr(bridge, name)).__name__ == "Front", name


def on_cpu():
    return state().default_device.type == "cpu"


@pytest.fixture
def no_python_path(monkeypatch):
    """After ``no_python_path()``, the Python functions' kernel calls raise: a call that
    reaches them failed to take the C front."""
    def refused(*args, **kwargs):
        raise AssertionError("the Python path ran")

    def start():
        monkeypatch.setattr(_dispatch, "run_on_device", refused)
        monkeypatch.setattr(creation, "_asarray", refused)

    return start


def test_the_front_serves_the_everyday_calls(backend, no_python_path):
    x = bridge.asarray(np.arange(6.0).reshape(2, 3))
    i = bridge.asarray(np.arange(3, dtype=np.int32))
    no_python_path()
    assert bridge.zeros_like(x).shape == (2, 3)
    assert bridge.ones_like(i).dtype == bridge.int32
    assert bridge.empty_like(x, dtype=bridge.float32).dtype == bridge.float32
    assert bridge.full_like(i, 7).dtype == bridge.int32
    assert bridge.full_like(x, 2.5, dtype=bridge.complex64).dtype == bridge.complex64
    assert bridge.full(3, 2.0, dtype=bridge.float32).dtype == bridge.float32
    assert bridge.linspace(0, 1, 8).dtype == bridge.float64
    assert bridge.linspace(0, 10, 5, endpoint=False, dtype=bridge.float32).dtype == bridge.float32
    assert bridge.arange(8).dtype == bridge.int64 and bridge.arange(8).shape == (8,)
    assert bridge.arange(2.0).dtype == bridge.float64
    assert bridge.arange(1, 2.5, 0.5).shape == (3,)
    assert bridge.arange(5, 0, -2).tolist() == [5, 3, 1]
    assert bridge.arange(3, None, dtype=bridge.float32).dtype == bridge.float32
    assert bridge.arange(0, stop=4, step=2).tolist() == [0, 2]
    if not on_cpu():
        return  # (asarray's front serves host memory on the CPU: a GPU's call is Python's)
    assert bridge.asarray([1.0, 2.0, 3.0]).dtype == bridge.float64
    assert bridge.asarray([[1, 2], [3, 4]]).dtype == bridge.int64
    assert bridge.asarray([True, False]).dtype == bridge.bool
    assert bridge.asarray((1, 2.5, 1j)).dtype == bridge.complex128
    assert bridge.asarray([]).dtype == bridge.float64
    assert bridge.asarray(np.arange(3, dtype=np.uint16)).dtype == bridge.uint16


def test_the_front_declines_what_it_does_not_take(backend, no_python_path):
    x = bridge.asarray(np.arange(3.0))
    no_python_path()
    for call in (lambda: bridge.zeros_like(x, device="cpu"),
                 lambda: bridge.zeros_like(np.arange(3.0)),
                 lambda: bridge.zeros_like(x, requires_grad=True),
                 lambda: bridge.full_like(x, np.float32(1)),
                 lambda: bridge.linspace(np.float32(0), 1, 4),
                 lambda: bridge.linspace(0, 1j, 4),
                 lambda: bridge.arange(np.int64(3)),
                 lambda: bridge.arange(True),
                 lambda: bridge.arange(2**63),
                 lambda: bridge.arange(0, 2**63 + 3, 2**62),
                 lambda: bridge.arange(0.0, float("nan")),
                 lambda: bridge.arange(4, dtype="float32"),
                 lambda: bridge.arange(4.0, requires_grad=True),
                 lambda: bridge.asarray([1, np.float64(2)]),
                 lambda: bridge.asarray(np.arange(3.0).astype(">f8")),
                 lambda: bridge.asarray([1.0], copy=True),
                 lambda: bridge.asarray([1.0], device="cpu")):
        with pytest.raises(AssertionError, match="the Python path ran"):
            call()


@pytest.mark.parametrize("num", [2**62, 2**64])
def test_no_kernel_sees_a_count_beyond_any_array(backend, monkeypatch, num):
    # the Python function refuses more samples than an array holds before any kernel
    # runs (CuPy's linspace did not check); the front leaves such a count to it
    def kernel(*args, **kwargs):
        raise AssertionError("the kernel ran")

    monkeypatch.setitem(state().cpu_kernels, "linspace", kernel)
    with pytest.raises(ValueError, match="linspace: num"):
        bridge.linspace(0, 1, num)


def test_asarray_of_a_numpy_array_shares_its_memory(backend):
    if not on_cpu():
        pytest.skip("host memory goes to the GPU as a copy")
    n = np.arange(4.0)
    t = bridge.asarray(n)
    assert t._data is n
    n[0] = 9.0
    assert float(t[0]) == 9.0
    ro = np.arange(3.0)
    ro.flags.writeable = False
    with pytest.raises(ValueError):
        bridge.asarray(ro)[0] = 1.0
    lst = [1.0, 2.0]
    t = bridge.asarray(lst)
    lst[0] = 5.0
    assert float(t[0]) == 1.0


def test_arange_requires_grad_takes_the_python_path(backend):
    t = bridge.arange(3.0, requires_grad=True)
    assert t.requires_grad and t.grad_fn is None and t.dtype == bridge.float64
    (t * t).sum().backward()
    assert np.array_equal(to_numpy(t.grad), [0.0, 2.0, 4.0])


def test_like_functions_record_nothing(backend):
    x = bridge.asarray(np.arange(3.0), requires_grad=True)
    y = x * 2
    for z in (bridge.zeros_like(y), bridge.ones_like(x), bridge.empty_like(y),
              bridge.full_like(y, 3.0)):
        assert z.grad_fn is None and not z.requires_grad
        assert z.dtype == bridge.float64 and z.shape == (3,)
    (y + bridge.zeros_like(y)).sum().backward()
    assert np.array_equal(to_numpy(x.grad), [2.0, 2.0, 2.0])
    assert bridge.zeros_like(x, requires_grad=True).requires_grad


@pytest.mark.parametrize("call, error, words", [
    (lambda: bridge.full(2, 300, dtype=bridge.int8), OverflowError, "300"),
    (lambda: bridge.linspace(0, 1, -1), ValueError, "linspace"),
    (lambda: bridge.linspace(0, 1, True), TypeError, "linspace"),
    (lambda: bridge.linspace(0, 1, 2**62), ValueError, "linspace"),
    (lambda: bridge.linspace(0, 1j, 3, dtype=bridge.float64), TypeError, "linspace"),
    (lambda: bridge.arange(0, 8, 0), ValueError, "arange: step"),
    (lambda: bridge.arange(0.0, 1.0, 0.0), ValueError, "arange: step"),
    (lambda: bridge.arange("3"), TypeError, "arange"),
    (lambda: bridge.arange(3, requires_grad=True), TypeError, "arange"),
    (lambda: bridge.arange(0, float("inf")), ValueError, "arange: Maximum"),
    (lambda: bridge.asarray([[1, 2], [3]]), ValueError, "asarray"),
    (lambda: bridge.asarray([2**70]), OverflowError, "asarray"),
    (lambda: bridge.asarray([1.0], dtype="float16"), TypeError, "asarray"),
    (lambda: bridge.zeros_like([1.0], dtype="int3"), TypeError, "zeros_like"),
])
def test_errors_name_the_function(backend, call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_values_and_dtypes_are_the_python_paths(backend):
    from .test_front import assert_paths_agree

    x = bridge.asarray(np.arange(6, dtype=np.int16).reshape(3, 2))
    f = bridge.asarray(np.float32(1.5))
    cases = [
        (bridge.zeros_like, (x,), {}), (bridge.ones_like, (f,), {}),
        (bridge.full_like, (x, True), {}), (bridge.full_like, (x, 3), {"dtype": bridge.float32}),
        (bridge.full_like, (f, -0.0), {}), (bridge.full, ((2, 2), 2), {"dtype": bridge.bool}),
        (bridge.full, (3, -1), {"dtype": bridge.uint8}),
        # (a fill the dtype does not hold: the standard refuses it, NumPy's unsafe cast
        # takes it: the Python path decides)
        (bridge.full_like, (x, 1.5), {}), (bridge.full_like, (f, 1j), {}),
        (bridge.full, (2, 1j), {"dtype": bridge.float32}), (bridge.full, (2, 2.5), {"dtype": bridge.int8}),
        (bridge.linspace, (0, 1, 0), {}), (bridge.linspace, (0, 1, 1), {}),
        (bridge.linspace, (-2.5, 10, 7), {"endpoint": False}),
        (bridge.linspace, (0, 100, 5), {"dtype": bridge.int64}),
        (bridge.linspace, (float("inf"), 1, 3), {}),
        (bridge.linspace, (1e308, -1e308, 3), {}), (bridge.linspace, (0, 1e300, 9), {"dtype": bridge.float32}),
        (bridge.linspace, (1, 2**63, 4), {"dtype": bridge.complex64}),
        (bridge.arange, (8,), {}), (bridge.arange, (8.0,), {}), (bridge.arange, (-3,), {}),
        (bridge.arange, (1, 5), {}), (bridge.arange, (5, 1, -1), {}), (bridge.arange, (0, 1, 0.1), {}),
        (bridge.arange, (2**63 + 5, 2**63 + 8), {}), (bridge.arange, (-2**63, -2**63 + 2), {}),
        (bridge.arange, (0, 10, 3), {"dtype": bridge.float32}), (bridge.arange, (3, None), {}),
        (bridge.arange, (0.5, 3), {"dtype": bridge.int8}), (bridge.arange, (10, 0), {}),
        (bridge.arange, (0, 3), {"requires_grad": False}),
        (bridge.asarray, ([[1.5, 2], [True, 0]],), {}), (bridge.asarray, ([1, 2],), {"dtype": bridge.int8}),
        (bridge.asarray, ([1.5, 2.5],), {"dtype": bridge.int32}),
        (bridge.asarray, ([1j],), {"dtype": bridge.float64}),
        (bridge.asarray, (np.arange(3.0),), {"dtype": bridge.complex64}),
    ]
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for func, args, kwargs in cases:
            assert_paths_agree(func, *args, label=f"{func.__name__}{args}{kwargs}", **kwargs)

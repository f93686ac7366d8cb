"""The native backend's linspace, broadcast_to and 2-norm (src/creation.c) against the
numpy kernels they replace: the same dtype, shape, strides, flags and bits, the same
warnings, the same errors (the C kernels hand every case they do not serve to the
numpy kernel, so declined cases agree by construction; these grids make sure the
served ones do too)."""

from __future__ import annotations

import itertools
import warnings

import numpy as np
import pytest

from bridge.backends import load_backend

try:
    from bridge.backends.native import _native  # noqa: F401
except ImportError as exc:  # the extension is not built: the backend does not exist
    pytest.skip(f"native extension not built ({exc})", allow_module_level=True)

NATIVE = load_backend("native").kernels
NUMPY = load_backend("numpy").kernels


def outcome(kernel, *args, **kwargs):
    """(result or the exception's type and text, the warnings' texts); a NumPy scalar
    as the 0-d array the front makes of it"""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            out = kernel(*args, **kwargs)
            if isinstance(out, np.generic):  # a 0-d result, as the front wraps it
                out = np.asarray(out)
        except Exception as exc:  # noqa: BLE001 - the error is what is compared
            out = (type(exc), str(exc))
    return out, [str(w.message) for w in caught]


def assert_same(a, b, label):
    (ra, wa), (rb, wb) = a, b
    assert wa == wb, label
    if not isinstance(ra, np.ndarray):
        assert ra == rb, label
        return
    assert type(rb) is np.ndarray, label
    assert (ra.dtype, ra.shape, ra.strides) == (rb.dtype, rb.shape, rb.strides), label
    assert ra.tobytes() == rb.tobytes(), label
    for flag in ("writeable", "c_contiguous", "f_contiguous", "aligned"):
        assert getattr(ra.flags, flag) == getattr(rb.flags, flag), (label, flag)


BOUNDS = [0, 1, -1, 2.5, -3.75, 0.1, 1 / 3, 1e-300, 5e-324, 1e300, -1e308, 1.7e308,
          10**18, 2**63 - 1, -2**63, 2**64, float("inf"), -float("inf")]


@pytest.mark.parametrize("dtype", ["float64", "float32", "complex128", "complex64", "int64"])
def test_linspace_is_numpys(dtype):
    dtype = np.dtype(dtype)
    for start, stop in itertools.product(BOUNDS, BOUNDS):
        for num, endpoint in itertools.product([0, 1, 2, 3, 7, 8, 50], [True, False]):
            args = (start, stop, num)
            kwargs = {"dtype": dtype, "endpoint": endpoint}
            assert_same(outcome(NUMPY["linspace"], *args, **kwargs),
                        outcome(NATIVE["linspace"], *args, **kwargs), (args, kwargs))


def test_linspace_serves_the_everyday_call_itself(monkeypatch):
    assert NATIVE["linspace"].func is _native.linspace
    out = NATIVE["linspace"](0, 1, 8, dtype=np.dtype("float64"), endpoint=True)
    assert out.tolist() == np.linspace(0, 1, 8).tolist() and out.flags.owndata


def shapes_and_views():
    for shape in [(), (1,), (8,), (2, 1), (1, 1), (3, 4), (2, 3, 4), (0,), (1, 0), (2, 1, 3)]:
        size = int(np.prod(shape))
        base = np.arange(2 * size, dtype=np.float64)
        yield base[:size].reshape(shape)
        yield base[:size].reshape(shape).astype(np.int8)
        if size and shape:
            yield base[::2].reshape(shape)[..., ::-1]
            yield np.asfortranarray(base[:size].reshape(shape))
        frozen = base[:size].reshape(shape).copy()
        frozen.flags.writeable = False
        yield frozen


def test_broadcast_to_is_numpys_view():
    for x in shapes_and_views():
        shape = x.shape
        for target in [shape, (2,) + shape, (3, 1) + shape, tuple(4 if s == 1 else s for s in shape),
                       (5,), (2, 8), (), (0,) + shape, tuple(0 if s == 1 else s for s in shape),
                       (-1,) + shape]:
            label = (x.shape, x.strides, x.dtype, target)
            ours = outcome(NATIVE["broadcast_to"], x, target)
            assert_same(outcome(NUMPY["broadcast_to"], x, target), ours, label)
            if isinstance(ours[0], np.ndarray) and ours[0].size:
                assert np.shares_memory(ours[0], x), label


def test_vector_norm_is_numpys_bits():
    rng = np.random.default_rng(0)
    for dtype, shape, scale in itertools.product(
            [np.float64, np.float32], [(), (0,), (1,), (8,), (4, 4), (2, 3, 5), (129,), (1000,),
                                       (20011,)], [1.0, 1e-30, 1e20, 1e200]):
        with np.errstate(over="ignore"):
            x = (rng.standard_normal(shape) * scale).astype(dtype)
        if x.size > 2:
            x.flat[1] = -0.0
        views = [x, x.T] + ([x[::2]] if x.ndim else [])
        for v, axis, keepdims, ord_ in itertools.product(
                views, [None, tuple(range(len(shape))), (0,) if shape else None], [False, True],
                [2, 2.0, 1, float("inf")]):
            kwargs = {"axis": axis, "keepdims": keepdims, "ord": ord_}
            assert_same(outcome(NUMPY["linalg.vector_norm"], v, **kwargs),
                        outcome(NATIVE["linalg.vector_norm"], v, **kwargs),
                        (dtype, shape, scale, v.strides, kwargs))
    for special in ([np.inf, 1.0], [np.nan, 1.0], [-0.0], [1e300, 1e300]):
        x = np.array(special)
        kwargs = {"axis": None, "keepdims": False, "ord": 2}
        assert_same(outcome(NUMPY["linalg.vector_norm"], x, **kwargs),
                    outcome(NATIVE["linalg.vector_norm"], x, **kwargs), special)


def test_bad_arguments_reach_the_numpy_kernel():
    # whatever the C kernels do not parse is the numpy kernel's to accept or refuse
    for args, kwargs in [((0, 1, 3), {"dtype": np.dtype("float64")}),
                         ((0, 1, 3), {"dtype": "float64", "endpoint": True}),
                         ((0, 1, 3, np.dtype("float64"), True), {}),
                         ((0, 1, 3), {"dtype": np.dtype("float64"), "endpoint": 1}),
                         ((0, 1, 3), {"dtype": np.dtype("float64"), "endpoint": True, "x": 1}),
                         ((0, 1, -3), {"dtype": np.dtype("float64"), "endpoint": True}),
                         ((0, 1, 3.0), {"dtype": np.dtype("float64"), "endpoint": True})]:
        assert_same(outcome(NUMPY["linspace"], *args, **kwargs),
                    outcome(NATIVE["linspace"], *args, **kwargs), (args, kwargs))
    x = np.arange(3.0)
    for args in [(x, [3]), (x, (3.0,)), (x, (2**70,)), (x,), (x, (3,), 1), ([1.0], (2, 1))]:
        assert_same(outcome(NUMPY["broadcast_to"], *args),
                    outcome(NATIVE["broadcast_to"], *args), args)
    for kwargs in [{"axis": None, "keepdims": False}, {"axis": None, "keepdims": 0, "ord": 2},
                   {"axis": [0], "keepdims": False, "ord": 2},
                   {"axis": None, "keepdims": False, "ord": 2**80}]:
        assert_same(outcome(NUMPY["linalg.vector_norm"], x, **kwargs),
                    outcome(NATIVE["linalg.vector_norm"], x, **kwargs), kwargs)


def test_reshape_is_the_arrays_method():
    for x in shapes_and_views():
        size = x.size
        for target in [(size,), (1, size), (size, 1), (-1,), (1, -1), (2, -1), (size + 1,), (),
                       (-1, -1), (-2,), [size], (float(size),), (2**70,)]:
            args = (x, target, None)
            label = (x.shape, x.strides, x.dtype, target)
            ours = outcome(NATIVE["reshape"], *args)
            assert_same(outcome(NUMPY["reshape"], *args), ours, label)
            if isinstance(ours[0], np.ndarray) and ours[0].size:
                assert np.shares_memory(ours[0], x) == np.shares_memory(x.reshape(target), x)
        for copy in (True, False):
            assert_same(outcome(NUMPY["reshape"], x, (size,), copy),
                        outcome(NATIVE["reshape"], x, (size,), copy), (x.shape, copy))

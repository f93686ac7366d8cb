"""Bugs NumPy's own test suite found in bridge's NumPy names (issue 19,
scripts/numpy_own_tests.py): each test runs on every backend with NumPy as the oracle."""

from __future__ import annotations

import numpy
import pytest

import bridge as np
from tests.conftest import to_numpy


def test_array_order(backend):
    a = np.array([[1, 2], [3, 4]], order="F")
    assert a._data.flags.f_contiguous
    assert to_numpy(a).tolist() == [[1, 2], [3, 4]]
    c = np.array(np.asarray([[1.0, 2.0], [3.0, 4.0]]).T, order="C")
    assert c._data.flags.c_contiguous
    numpy.testing.assert_array_equal(to_numpy(c), [[1.0, 3.0], [2.0, 4.0]])
    assert np.array([1, 2], order="K").tolist() == [1, 2]
    with pytest.raises(ValueError):
        np.array([1, 2], order="X")


@pytest.mark.parametrize("kwargs", [
    dict(start=0, stop=[1.0, 2.0], num=3, axis=1),
    dict(start=[0.0, 1.0], stop=2.0, num=4, axis=0),
    dict(start=0, stop=2, num=3, base=[2.0, 10.0]),
    dict(start=0, stop=2, num=3, base=[2.0, 10.0], axis=-1),
    dict(start=1, stop=3, num=5, endpoint=False, dtype=numpy.float32),
])
def test_logspace_arrays_and_axis(backend, kwargs):
    mine = {k: np.asarray(v) if isinstance(v, list) else v for k, v in kwargs.items()}
    theirs = {k: numpy.asarray(v) if isinstance(v, list) else v for k, v in kwargs.items()}
    got, want = np.logspace(**mine), numpy.logspace(**theirs)
    assert got.dtype == want.dtype and got.shape == want.shape
    numpy.testing.assert_allclose(to_numpy(got), want, rtol=1e-12)


@pytest.mark.parametrize("func", ["hstack", "vstack"])
def test_stack_dtype_casting(backend, func):
    a, b = [1.5, 2.5], [3.5, 4.5]
    got = getattr(np, func)((np.asarray(a), np.asarray(b)), dtype=np.int64, casting="unsafe")
    want = getattr(numpy, func)((numpy.asarray(a), numpy.asarray(b)), dtype=numpy.int64,
                                casting="unsafe")
    assert got.dtype == want.dtype
    numpy.testing.assert_array_equal(to_numpy(got), want)
    with pytest.raises(TypeError):  # same_kind refuses float64 -> int64, as NumPy does
        getattr(np, func)((np.asarray(a), np.asarray(b)), dtype=np.int64)
    with pytest.raises(TypeError):
        getattr(numpy, func)((numpy.asarray(a), numpy.asarray(b)), dtype=numpy.int64)
    got = getattr(np, func)((np.asarray([1, 2]), np.asarray([3, 4])), dtype=np.float32,
                            casting="same_kind")
    assert got.dtype == np.float32


def test_select_scalar_default_is_weak(backend):
    cond = [np.asarray([True, False, True])]
    choices = [np.asarray([1, 2, 3], dtype=np.int8)]
    want = numpy.select([numpy.asarray([True, False, True])], [numpy.asarray([1, 2, 3], numpy.int8)])
    got = np.select(cond, choices)
    assert got.dtype == want.dtype == numpy.int8
    numpy.testing.assert_array_equal(to_numpy(got), want)
    assert np.select(cond, choices, 1j).dtype == np.complex128
    assert np.select(cond, [np.asarray([1.0, 2.0, 3.0], dtype=np.float32)], 0.5).dtype == \
        np.float32


def test_put_and_putmask_with_no_values(backend):
    a = np.zeros(5)
    np.putmask(a, np.asarray([True, False, True, False, True]), [])
    np.put(a, np.asarray([True, False, True, False, True]), [])
    np.put(a, [0, 1], [])
    assert to_numpy(a).tolist() == [0.0] * 5
    ref = numpy.zeros(5)
    numpy.putmask(ref, numpy.ones(5, dtype=bool), [])
    numpy.put(ref, numpy.ones(5, dtype=bool), [])
    assert ref.tolist() == [0.0] * 5


@pytest.mark.parametrize("data, kwargs", [
    ([0, 0, 1, 2, 0], {}),
    ([0, 0, 1, 2, 0], {"trim": "f"}),
    ([0, 0, 1, 2, 0], {"trim": "B"}),
    ([[0, 0, 0], [0, 1, 0], [0, 0, 0]], {}),
    ([[0, 0, 0], [0, 1, 2], [0, 0, 0]], {"axis": 0}),
    ([[0, 0, 0], [0, 1, 2], [0, 0, 0]], {"axis": -1, "trim": "f"}),
    ([[0, 0, 0], [0, 1, 2], [0, 0, 0]], {"axis": (0, 1), "trim": "b"}),
    ([[0, 0], [0, 0]], {}),
    ([0.0, 0.0], {}),
])
def test_trim_zeros_nd(backend, data, kwargs):
    got = np.trim_zeros(np.asarray(data), **kwargs)
    want = numpy.trim_zeros(numpy.asarray(data), **kwargs)
    assert got.shape == want.shape and got.dtype == want.dtype
    numpy.testing.assert_array_equal(to_numpy(got), want)


def test_trim_zeros_list_and_bad_trim(backend):
    assert np.trim_zeros([0, 1, 2, 0]) == numpy.trim_zeros([0, 1, 2, 0]) == [1, 2]
    for trim in ("x", "fbx", ""):
        with pytest.raises(ValueError):
            np.trim_zeros(np.asarray([0, 1, 0]), trim)
        with pytest.raises(ValueError):
            numpy.trim_zeros(numpy.asarray([0, 1, 0]), trim)


def test_can_cast_numpy_array(backend):
    for source, to, casting in [(numpy.zeros(3), "f4", "same_kind"), (numpy.zeros(3), "i8", "same_kind"),
                                (numpy.zeros(3, numpy.int32), "f8", "safe"),
                                (numpy.float32(1), "f8", "no")]:
        assert np.can_cast(source, to, casting=casting) == numpy.can_cast(source, to, casting=casting)
    assert np.can_cast(np.zeros(3), numpy.dtype("f4"), casting="same_kind")


def test_eigh_bad_uplo_is_value_error(backend):
    x = np.asarray([[1.0, 0.5], [0.5, 1.0]])
    for call in (lambda: np.linalg.eigh(x, UPLO="lrong"), lambda: np.linalg.eigh(x, "lower"),
                 lambda: np.linalg.eigvalsh(x, UPLO="upper")):
        with pytest.raises(ValueError):
            call()
    numpy.testing.assert_allclose(to_numpy(np.linalg.eigvalsh(x, UPLO="U")),
                                  numpy.linalg.eigvalsh(to_numpy(x), UPLO="U"))


@pytest.mark.parametrize("expr", ["m == 0", "m == 1", "m != 0", "0 == m", "m == 0.0", "m == 2",
                                  "m & 1", "1 | m", "m ^ 3", "m == 1j"])
def test_bool_tensor_with_python_number(backend, expr):
    m = np.asarray([True, False, True])
    got = eval(expr, {"m": m})
    want = eval(expr, {"m": numpy.asarray([True, False, True])})
    assert got.dtype == want.dtype
    numpy.testing.assert_array_equal(to_numpy(got), want)


def test_bool_tensor_with_python_number_functions(backend):
    m = np.asarray([True, False])
    assert np.equal(m, 0).tolist() == [False, True]
    assert np.not_equal(0, m).tolist() == [True, False]
    assert np.bitwise_and(m, 1).dtype == np.int64
    with pytest.raises(TypeError):  # NumPy refuses a float in a bitwise function too
        m & 1.0


@pytest.mark.parametrize("kwargs", [dict(dtype="int64", casting="unsafe"), dict(dtype="int64"),
                                    dict(dtype="float32"), dict(casting="no"),
                                    dict(dtype="float32", casting="safe"), dict(axis=None, dtype="int32",
                                                                                casting="unsafe")])
def test_concatenate_dtype_casting(backend, kwargs):
    parts = [[1.5, 2.5], [3.5]]
    try:
        want = numpy.concatenate([numpy.asarray(p) for p in parts], **kwargs)
    except TypeError:
        with pytest.raises(TypeError):
            np.concatenate([np.asarray(p) for p in parts], **kwargs)
        return
    got = np.concatenate([np.asarray(p) for p in parts], **kwargs)
    assert got.dtype == want.dtype
    numpy.testing.assert_array_equal(to_numpy(got), want)


@pytest.mark.parametrize("casting", ["unsafe", "same_kind", None])
def test_concatenate_out_follows_casting(backend, casting):
    kwargs = {} if casting is None else {"casting": casting}
    out, ref = np.zeros(3, dtype=np.int64), numpy.zeros(3, dtype=numpy.int64)
    try:
        numpy.concatenate([numpy.asarray([1.5, 2.5]), numpy.asarray([3.5])], out=ref, **kwargs)
    except TypeError:
        with pytest.raises(TypeError):
            np.concatenate([np.asarray([1.5, 2.5]), np.asarray([3.5])], out=out, **kwargs)
        return
    assert np.concatenate([np.asarray([1.5, 2.5]), np.asarray([3.5])], out=out, **kwargs) is out
    assert to_numpy(out).tolist() == ref.tolist()

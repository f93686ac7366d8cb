"""NumPy's behaviour that unseen programs of the corpus (tests/numpy_programs, issue 19)
found bridge missing: numpy.polynomial.polynomial's series arithmetic (polyadd, polysub,
polymul, polymulx, polydiv, polypow, polyline, polyval2d/3d, polygrid2d/3d),
unravel_index's order=, ravel_multi_index's mode= and order=, delete of a boolean mask,
geomspace between negative ends, and sort/argsort of a structured array by its fields
(order=). Each asserts NumPy's values."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.polynomial import polynomial as P

import bridge

from .conftest import to_numpy

BP = bridge.polynomial.polynomial


def _same(got, expected):
    got = to_numpy(got)
    expected = np.asarray(expected)
    assert got.dtype == expected.dtype and got.shape == expected.shape, (got, expected)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("name, c1, c2", [
    ("polyadd", [1.0, 2.0, 0.0], [0.0, 1.0]),
    ("polyadd", [1, 2], [3, 4, 5]),
    ("polysub", [1.0, 2.0], [1.0, 2.0, 3.0]),
    ("polysub", [1.0, 2.0, 3.0], [1.0, 2.0, 3.0]),
    ("polymul", [1.0, -3.0, 2.0], [0.0, 1.0]),
    ("polymul", [1 + 1j, 2.0], [1.0, 0.0]),
    ("polymul", [1, 2], [0]),
])
def test_series_arithmetic(backend, device, name, c1, c2):
    expected = getattr(P, name)(c1, c2)
    _same(getattr(BP, name)(bridge.asarray(c1, device=device), c2), expected)


@pytest.mark.parametrize("c1, c2", [
    ([1.0, 2.0, 3.0, 4.0], [1.0, -3.0, 2.0]),
    ([2.0, -1.0, 0.0, 1.0, 3.0], [1.0, 1.0]),
    ([1.0, 2.0], [3.0, 4.0, 5.0]),
    ([2.0, 4.0], [2.0]),
    ([3, 0, 1], [1, 2, 0]),
])
def test_polydiv(backend, device, c1, c2):
    quotient, remainder = P.polydiv(c1, c2)
    q, r = BP.polydiv(bridge.asarray(c1, device=device), bridge.asarray(c2, device=device))
    _same(q, quotient)
    _same(r, remainder)


def test_polydiv_by_zero(backend, device):
    with pytest.raises(ZeroDivisionError, match="polydiv"):
        BP.polydiv(bridge.asarray([1.0, 2.0], device=device), [0.0])


@pytest.mark.parametrize("c, power", [([1.0, 1.0], 3), ([1, -2, 1], 2), ([2.0, 1.0], 0),
                                      ([0.5, 0.0, 1.0], 1)])
def test_polypow(backend, device, c, power):
    _same(BP.polypow(bridge.asarray(c, device=device), power), P.polypow(c, power))


def test_polypow_refuses_a_negative_power(backend, device):
    with pytest.raises(ValueError, match="polypow"):
        BP.polypow(bridge.asarray([1.0, 1.0], device=device), -1)


@pytest.mark.parametrize("c", [[1.0, 2.0], [0.0], [3, 0, 0]])
def test_polymulx(backend, device, c):
    _same(BP.polymulx(bridge.asarray(c, device=device)), P.polymulx(c))


@pytest.mark.parametrize("off, scl", [(3, 2), (3, 0), (1.5, -0.5)])
def test_polyline(backend, off, scl):
    got = to_numpy(BP.polyline(off, scl))
    expected = P.polyline(off, scl)
    assert got.dtype.kind == expected.dtype.kind
    np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("name, points, c", [
    ("polyval2d", ([0.5, 1.0], [2.0, 3.0]), [[1.0, 2.0], [3.0, 4.0]]),
    ("polygrid2d", ([0.5, 1.0, 2.0], [2.0, 3.0]), [[1.0, 2.0, 0.5], [3.0, 4.0, -1.0]]),
    ("polyval3d", ([0.5, 1.0], [2.0, 3.0], [1.0, 2.0]), np.arange(8.0).reshape(2, 2, 2)),
    ("polygrid3d", ([0.5, 1.0], [2.0, 3.0, 4.0], [1.0, 2.0]), np.arange(12.0).reshape(2, 3, 2)),
])
def test_multivariate_values(backend, device, name, points, c):
    expected = getattr(P, name)(*[np.asarray(p) for p in points], np.asarray(c))
    got = getattr(BP, name)(*[bridge.asarray(p, device=device) for p in points],
                            bridge.asarray(c, device=device))
    _same(got, expected)


def test_polyval2d_refuses_points_of_two_shapes(backend, device):
    with pytest.raises(ValueError, match="polyval2d"):
        BP.polyval2d(bridge.asarray([1.0, 2.0], device=device),
                     bridge.asarray([1.0], device=device), bridge.asarray([[1.0]], device=device))


@pytest.mark.parametrize("indices", [[0, 7, 33, 119], 22, [[5, 6], [0, 100]]])
@pytest.mark.parametrize("order", ["C", "F"])
def test_unravel_index_order(backend, device, indices, order):
    expected = np.unravel_index(indices, (4, 5, 6), order=order)
    got = bridge.unravel_index(bridge.asarray(indices, device=device), (4, 5, 6), order=order)
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        np.testing.assert_array_equal(to_numpy(g), e)


def test_unravel_index_refuses_another_order(backend, device):
    with pytest.raises(ValueError, match="unravel_index"):
        bridge.unravel_index(bridge.asarray([1], device=device), (2, 2), order="K")


@pytest.mark.parametrize("mode", ["wrap", "clip", ("clip", "wrap"), ("wrap", "clip")])
def test_ravel_multi_index_mode(backend, device, mode):
    coords = ([3, 5, -1, 9], [1, -1, -6, 4])
    expected = np.ravel_multi_index(coords, (4, 4), mode=mode)
    got = bridge.ravel_multi_index(tuple(bridge.asarray(c, device=device) for c in coords),
                                   (4, 4), mode=mode)
    np.testing.assert_array_equal(to_numpy(got), expected)


@pytest.mark.parametrize("order", ["C", "F"])
def test_ravel_multi_index_order(backend, device, order):
    coords = ([1, 2, 3], [3, 0, 4], [1, 5, 0])
    expected = np.ravel_multi_index(coords, (4, 5, 6), order=order)
    got = bridge.ravel_multi_index(tuple(bridge.asarray(c, device=device) for c in coords),
                                   (4, 5, 6), order=order)
    np.testing.assert_array_equal(to_numpy(got), expected)
    # unravel_index of the same order inverts it
    back = bridge.unravel_index(got, (4, 5, 6), order=order)
    for b, c in zip(back, coords):
        np.testing.assert_array_equal(to_numpy(b), c)


def test_ravel_multi_index_raises_out_of_bounds(backend, device):
    with pytest.raises(ValueError, match="ravel_multi_index"):
        bridge.ravel_multi_index((bridge.asarray([4], device=device),
                                  bridge.asarray([0], device=device)), (4, 4))
    with pytest.raises(ValueError, match="ravel_multi_index"):
        bridge.ravel_multi_index((bridge.asarray([1], device=device),
                                  bridge.asarray([0], device=device)), (4, 4), mode="bounce")


@pytest.mark.parametrize("mask, axis", [
    ([True, False, True, False, False], None),
    ([False, True, False], 1),
    ([True, False], 0),
])
def test_delete_of_a_boolean_mask(backend, device, mask, axis):
    a = np.arange(6).reshape(2, 3) if axis is not None else np.arange(5)
    expected = np.delete(a, np.array(mask), axis=axis)
    got = to_numpy(bridge.delete(bridge.asarray(a, device=device), np.array(mask), axis=axis))
    np.testing.assert_array_equal(got, expected)
    tensor_mask = bridge.asarray(mask, device=device)
    got = to_numpy(bridge.delete(bridge.asarray(a, device=device), tensor_mask, axis=axis))
    np.testing.assert_array_equal(got, expected)


def test_delete_of_a_mask_of_another_length(backend, device):
    with pytest.raises(ValueError, match="delete"):
        bridge.delete(bridge.arange(5, device=device), np.array([True, False]))


def test_delete_of_nothing(backend, device):
    np.testing.assert_array_equal(to_numpy(bridge.delete(bridge.arange(4, device=device), [])),
                                  np.delete(np.arange(4), []))


@pytest.mark.parametrize("start, stop, num, endpoint", [
    (-1, -16, 5, True), (-1000, -1, 4, True), (-2.0, -32.0, 4, False), (1, 1000, 4, True),
])
def test_geomspace_of_negative_ends(backend, device, start, stop, num, endpoint):
    expected = np.geomspace(start, stop, num, endpoint=endpoint)
    _same(bridge.geomspace(start, stop, num, endpoint=endpoint, device=device), expected)


def test_geomspace_refuses_zero(backend):
    with pytest.raises(ValueError, match="geomspace"):
        bridge.geomspace(0, 10, 3)


PEOPLE = np.array(
    [("ann", 31, 1.65), ("bob", 25, 1.80), ("cat", 31, 1.58), ("dan", 25, 1.75)],
    dtype=[("name", "U8"), ("age", "i4"), ("height", "f8")])


@pytest.mark.parametrize("order", ["age", ["age", "height"], ["age", "name"], None])
def test_sort_of_records_by_fields(backend, order):
    expected = np.sort(PEOPLE, order=order)
    got = bridge.sort(PEOPLE, order=order)
    assert isinstance(got, np.ndarray)
    np.testing.assert_array_equal(got, expected)
    np.testing.assert_array_equal(bridge.argsort(PEOPLE, order=order, kind="stable"),
                                  np.argsort(PEOPLE, order=order, kind="stable"))


def test_sort_of_strings_with_kind(backend):
    words = np.array(["pear", "apple", "fig"])
    np.testing.assert_array_equal(bridge.sort(words, kind="mergesort"), np.sort(words))
    np.testing.assert_array_equal(bridge.argsort(words, kind="stable"), np.argsort(words))

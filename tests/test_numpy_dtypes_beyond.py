"""Data beyond the 13 dtypes under ``import bridge as np`` (issue 19).

Strings, bytes, datetime64/timedelta64, object and structured data stay NumPy's: the
entry points of bridge/_ops/beyond.py return NumPy's result (a plain numpy.ndarray,
a NumPy scalar, or a tuple of them) for a call without a Tensor, NumPy is the oracle;
a call mixing such data with a Tensor raises TypeError naming the function and both;
the standard's asarray stays strict; numeric ndarrays mix with tensors as before.
"""

from __future__ import annotations

import pathlib
import re

import numpy as np
import pytest

import bridge
from bridge._ops import beyond

from .conftest import to_numpy

S = np.array(["pear", "fig", "apple", "fig", "kiwi", "fig"])
B = np.array([b"b", b"a", b"c", b"a"])
D = np.array(["2024-03-01", "2024-01-15", "NaT", "2024-01-15"], dtype="datetime64[D]")
TD = np.array([3, -1, 2, 2], dtype="timedelta64[s]")
OBJ = np.array([3, "x", None, 2.5], dtype=object)
REC = np.array([(1, 2.0), (0, 1.5), (1, -1.0)], dtype=[("a", "<i4"), ("b", "<f8")])


def same(got, want):
    """``got`` is NumPy's result: plain ndarrays (no Tensor), equal values and dtypes."""
    if isinstance(want, tuple):
        assert isinstance(got, tuple) and len(got) == len(want)
        for g, w in zip(got, want):
            same(g, w)
        return
    if isinstance(want, np.ndarray):
        assert type(got) is np.ndarray, type(got)
        assert got.dtype == want.dtype and got.shape == want.shape
        if want.dtype.kind in "fc":
            np.testing.assert_array_equal(got, want)
        else:
            assert got.tolist() == want.tolist()
        return
    assert not isinstance(got, bridge.Tensor)
    assert type(got) is type(want)
    if isinstance(want, (np.datetime64, np.timedelta64)) and np.isnat(want):
        assert np.isnat(got)
    else:
        assert got == want


# ------------------------------------------------------------------ creation


@pytest.mark.parametrize("data", [
    ["a", "bc"], [["x", "y"], ["z", "w"]], [b"ab", b"c"], [1, "a"], [1, None],
    [1.5, {"k": 1}], ("tuple", "of", "str"), "one string", b"bytes",
], ids=repr)
def test_array_of_such_data_is_numpys(backend, data):
    same(bridge.array(data), np.array(data))
    same(bridge.asanyarray(data), np.asanyarray(data))
    same(bridge.ascontiguousarray(data), np.ascontiguousarray(data))
    same(bridge.array(data, ndmin=3), np.array(data, ndmin=3))


@pytest.mark.parametrize("dtype", ["U5", "S3", "datetime64[D]", "timedelta64[s]", object,
                                   str, bytes, bridge.str_, bridge.bytes_, bridge.object_])
def test_array_with_such_a_dtype(backend, dtype):
    data = [1, 2] if np.dtype(dtype).kind in "mMO" else ["1", "22"]
    same(bridge.array(data, dtype=dtype), np.array(data, dtype=dtype))
    same(bridge.array(data, dtype), np.array(data, dtype))  # NumPy's positional dtype


def test_array_of_an_ndarray_of_such_data_copies_as_numpy():
    for arr in (S, D, OBJ, REC):
        out = bridge.array(arr)
        same(out, np.array(arr))
        assert out is not arr and not np.shares_memory(out, arr)
        assert bridge.array(arr, copy=None) is arr
        assert bridge.asanyarray(arr) is arr
        same(bridge.array(arr, copy=False), arr)


def test_scalar_types_are_numpys():
    for name in ("str_", "bytes_", "datetime64", "timedelta64", "object_", "void",
                 "character", "flexible"):
        assert getattr(bridge, name) is getattr(np, name)
        assert name in bridge.__all__
    assert bridge.datetime64("2024-01-01") == np.datetime64("2024-01-01")
    assert bridge.datetime64("2024-01-31") + bridge.timedelta64(1, "D") == \
        np.datetime64("2024-02-01")
    same(bridge.array(["x", "yz"], dtype=bridge.str_), np.array(["x", "yz"], dtype=np.str_))
    assert bridge.issubdtype(S.dtype, bridge.character)
    assert bridge.issubdtype(S.dtype, bridge.str_) and not bridge.issubdtype(S.dtype, bridge.number)
    assert bridge.isscalar(bridge.str_("a"))


@pytest.mark.parametrize("dtype", ["U5", "S3", "datetime64[D]", "timedelta64[s]", object,
                                   [("a", "<i4"), ("b", "<f8")], bridge.str_])
def test_filled_creation_with_such_a_dtype(backend, dtype):
    for name in ("zeros", "ones"):
        f, g = getattr(bridge, name), getattr(np, name)
        same(f(3, dtype=dtype), g(3, dtype=dtype))
        same(f((2, 2), dtype), g((2, 2), dtype))  # positional dtype (NumPy's order)
    e = bridge.empty((2, 3), dtype=dtype)
    assert type(e) is np.ndarray and e.shape == (2, 3) and e.dtype == np.empty(1, dtype).dtype
    same(bridge.full(2, 1, dtype=dtype), np.full(2, 1, dtype=dtype))


def test_full_with_such_a_fill_value(backend):
    for fill in ("abc", b"xy", np.str_("s"), np.datetime64("2024-01-01"),
                 np.timedelta64(5, "m"), None):
        same(bridge.full(3, fill), np.full(3, fill))
        same(bridge.full((2, 1), fill_value=fill), np.full((2, 1), fill_value=fill))


def test_like_functions_of_such_ndarrays(backend):
    for arr in (S, D, OBJ, REC):
        for name in ("zeros_like", "ones_like"):
            same(getattr(bridge, name)(arr), getattr(np, name)(arr))
        e = bridge.empty_like(arr)
        assert type(e) is np.ndarray and e.dtype == arr.dtype and e.shape == arr.shape
    same(bridge.full_like(S, "z"), np.full_like(S, "z"))
    same(bridge.zeros_like(np.arange(3), dtype="U2"), np.zeros_like(np.arange(3), dtype="U2"))


def test_arange_of_dates(backend):
    same(bridge.arange("2024-01-30", "2024-02-02", dtype="datetime64[D]"),
         np.arange("2024-01-30", "2024-02-02", dtype="datetime64[D]"))
    start, stop = np.datetime64("2024-01"), np.datetime64("2024-05")
    same(bridge.arange(start, stop), np.arange(start, stop))
    same(bridge.arange(start, stop, np.timedelta64(2, "M")),
         np.arange(start, stop, np.timedelta64(2, "M")))
    same(bridge.arange(np.timedelta64(0, "s"), np.timedelta64(3, "s")),
         np.arange(np.timedelta64(0, "s"), np.timedelta64(3, "s")))


def test_fromiter_and_frombuffer(backend):
    same(bridge.fromiter(iter(["a", "bb", "ccc"]), dtype="U3"),
         np.fromiter(iter(["a", "bb", "ccc"]), dtype="U3"))
    same(bridge.fromiter((x for x in ["a", "bb", "ccc"]), "U2", count=2),
         np.fromiter((x for x in ["a", "bb", "ccc"]), "U2", count=2))
    same(bridge.fromiter(iter([1, "x"]), dtype=object), np.fromiter(iter([1, "x"]), dtype=object))
    raw = REC.tobytes()
    same(bridge.frombuffer(raw, dtype=REC.dtype), np.frombuffer(raw, dtype=REC.dtype))
    same(bridge.frombuffer(b"abcdef", dtype="S2", offset=2),
         np.frombuffer(b"abcdef", dtype="S2", offset=2))
    # numeric dtypes stay bridge's
    t = bridge.frombuffer(np.arange(3.0).tobytes(), dtype=bridge.float64)
    assert isinstance(t, bridge.Tensor)


def test_astype_and_copy_of_such_data(backend):
    numbers = np.array(["1.5", "2", "-3"])
    same(bridge.astype(numbers, bridge.float64), np.astype(numbers, np.float64))
    same(bridge.astype(D, "datetime64[M]"), np.astype(D, "datetime64[M]"))
    c = bridge.copy(S)
    same(c, np.copy(S))
    assert not np.shares_memory(c, S)
    # the numeric result of such data is NumPy's too; a Tensor takes it explicitly
    t = bridge.asarray(bridge.astype(numbers, bridge.float64))
    assert isinstance(t, bridge.Tensor)
    np.testing.assert_array_equal(to_numpy(t), [1.5, 2.0, -3.0])


# ------------------------------------------------------------------ operations


def _descending_order(values):
    """A stable descending order (equal values keep their order), Python's sort."""
    return np.array(sorted(range(len(values)), key=lambda i: values[i], reverse=True))


OPERATIONS = [
    ("concat", lambda m: m.concat([S, S[:2]])),
    ("concat axis None", lambda m: m.concat([S.reshape(2, 3), S], axis=None)),
    ("concatenate", lambda m: m.concatenate([S, S[::-1]])),
    ("concatenate 2-d", lambda m: m.concatenate([S.reshape(2, 3), S.reshape(2, 3)], 1)),
    ("concatenate dates", lambda m: m.concatenate((D, D))),
    ("stack", lambda m: m.stack([S, S], axis=1)),
    ("hstack", lambda m: m.hstack([B, B])),
    ("vstack", lambda m: m.vstack([S, S])),
    ("append", lambda m: m.append(S, ["new"])),
    ("reshape", lambda m: m.reshape(S, (3, 2))),
    ("ravel", lambda m: m.ravel(S.reshape(2, 3), order="F")),
    ("transpose", lambda m: m.transpose(S.reshape(2, 3))),
    ("flip", lambda m: m.flip(D)),
    ("roll", lambda m: m.roll(S, 2)),
    ("take", lambda m: m.take(S, [0, 2])),
    ("expand_dims", lambda m: m.expand_dims(S, axis=0)),
    ("squeeze", lambda m: m.squeeze(S.reshape(1, 6), axis=0)),
    ("broadcast_to", lambda m: m.broadcast_to(B, (2, 4))),
    ("repeat", lambda m: m.repeat(B, 2)),
    ("tile", lambda m: m.tile(B, (2,))),
    ("atleast_1d", lambda m: m.atleast_1d(np.str_("s"))),
    ("sort", lambda m: m.sort(S)),
    ("sort 2-d axis 0", lambda m: m.sort(S.reshape(2, 3), axis=0)),
    ("sort dates", lambda m: m.sort(D)),
    ("sort records", lambda m: m.sort(REC)),
    ("argsort", lambda m: m.argsort(S, stable=True)),
    ("argsort timedelta", lambda m: m.argsort(TD, stable=True)),
    ("unique", lambda m: m.unique(S)),
    ("unique all", lambda m: m.unique(S, return_index=True, return_inverse=True,
                                      return_counts=True)),
    ("unique list", lambda m: m.unique(["b", "a", "b"])),
    ("unique dates", lambda m: m.unique(D)),
    ("unique_values", lambda m: m.unique_values(S)),
    ("unique_counts", lambda m: tuple(m.unique_counts(S))),
    ("unique_inverse", lambda m: tuple(m.unique_inverse(S))),
    ("unique_all", lambda m: tuple(m.unique_all(S))),
    ("intersect1d", lambda m: m.intersect1d(S, ["fig", "plum", "kiwi"])),
    ("union1d", lambda m: m.union1d(S, ["plum"])),
    ("setdiff1d", lambda m: m.setdiff1d(S, ["fig"])),
    ("isin", lambda m: m.isin(S, ["fig", "kiwi"])),
    ("isin invert", lambda m: m.isin(S, ["fig"], invert=True)),
    ("searchsorted", lambda m: m.searchsorted(np.sort(S), ["banana", "fig"])),
    ("searchsorted right", lambda m: m.searchsorted(np.sort(S), "fig", side="right")),
    ("where", lambda m: m.where(S == "fig", "F", S)),
    ("where str scalars", lambda m: m.where(np.array([True, False]), "yes", "no")),
    ("array_equal", lambda m: m.array_equal(S, S.copy())),
    ("array_equal different", lambda m: m.array_equal(S, S[::-1])),
    ("max", lambda m: m.max(D[[0, 1, 3]])),
    ("min dates", lambda m: m.min(D[[0, 1, 3]])),
    ("max axis", lambda m: m.max(TD.reshape(2, 2), axis=1)),
    ("argmax", lambda m: m.argmax(S)),
    ("argmin", lambda m: m.argmin(TD)),
]


@pytest.mark.parametrize("case", OPERATIONS, ids=[c[0] for c in OPERATIONS])
def test_operations_on_such_data_are_numpys(backend, case):
    _, call = case
    same(call(bridge), call(np))


def test_sort_descending_keeps_equal_values_in_order(backend):
    order = _descending_order(S.tolist())
    same(bridge.argsort(S, descending=True), order)
    same(bridge.sort(S, descending=True), S[order])
    same(bridge.sort(S, axis=None), np.sort(S, axis=None))
    grid = S.reshape(2, 3)
    want = np.stack([_descending_order(row.tolist()) for row in grid])
    same(bridge.argsort(grid, axis=1, descending=True), want)
    same(bridge.sort(grid, descending=True), np.take_along_axis(grid, want, axis=1))


# ------------------------------------------------------------------ mixing


def _mixing_cases(t, ti):
    return [
        ("add", lambda: t + S[:3]),
        ("numpy.add", lambda: S[:3] + t),
        ("equal", lambda: t == D[:3]),
        ("numpy.equal", lambda: D[:3] == t),
        ("multiply", lambda: bridge.multiply(t, OBJ[:3])),
        ("concat", lambda: bridge.concat([t, S])),
        ("concatenate", lambda: bridge.concatenate([t, D])),
        ("stack", lambda: bridge.stack([t, S[:3]])),
        ("where", lambda: bridge.where(t > 1, "pos", "neg")),
        ("where", lambda: bridge.where(S[:3] == "fig", t, S[:3])),
        ("array", lambda: bridge.array(t, dtype=str)),
        ("array", lambda: bridge.array([t, S[:3]])),
        ("zeros_like", lambda: bridge.zeros_like(t, dtype="U3")),
        ("full_like", lambda: bridge.full_like(t, "x")),
        ("astype", lambda: bridge.astype(t, "datetime64[D]")),
        ("isin", lambda: bridge.isin(S, t)),
        ("searchsorted", lambda: bridge.searchsorted(t, S[:1])),
        ("take", lambda: bridge.take(S, ti)),
        ("append", lambda: bridge.append(t, ["x"])),
        ("__setitem__", lambda: t.__setitem__(0, np.str_("a"))),
    ]


def test_mixing_a_tensor_with_such_data_raises(backend, device):
    t = bridge.asarray([1.0, 2.0, 3.0], device=device)
    ti = bridge.asarray([0, 1], device=device)
    for func, call in _mixing_cases(t, ti):
        with pytest.raises(TypeError) as info:
            call()
        message = str(info.value)
        assert message.startswith(f"{func}:"), (func, message)
        assert "Tensor" in message and "13 dtypes" in message, message
        assert re.search(r"numpy\.(ndarray|str_)|str '|list|dtype", message), message
    # the values were not touched
    np.testing.assert_array_equal(to_numpy(t), [1.0, 2.0, 3.0])


def test_mixing_message_names_both_types(backend, device):
    t = bridge.asarray([1, 2, 3], device=device)
    with pytest.raises(TypeError, match=r"^concat: cannot combine a bridge Tensor \(dtype int64, "
                       r"on .*\) with a numpy\.ndarray of dtype <U\d"):
        bridge.concat([t, S])
    with pytest.raises(TypeError, match=r"^add: x2 is a numpy\.ndarray of dtype <U5, which a "
                       r"bridge Tensor cannot hold"):
        t + S[:3]
    with pytest.raises(TypeError, match=r"^equal: x2 is a numpy\.ndarray of dtype "
                       r"datetime64\[D\]"):
        t == D[:3]  # noqa: B015
    with pytest.raises(TypeError, match=r"^where: cannot combine a bridge Tensor \(dtype bool, "
                       r"on .*\) with str 'pos'"):
        bridge.where(t > 1, "pos", "neg")
    with pytest.raises(TypeError, match=r"^array: cannot combine a bridge Tensor .* with "
                       r"dtype=<U0"):
        bridge.array(t, dtype=str)


def test_numpys_functions_on_a_tensor_refuse_such_dtypes(backend, device):
    # numpy.empty_like(tensor, shape=..., dtype=record) reaches bridge without the Tensor
    # being passed on: still a mixing error (Dask's argmin then takes its dict path)
    t = bridge.asarray([1.0, 2.0], device=device)
    record = [("vals", "f8"), ("arg", "i8")]
    for call in (lambda: np.empty_like(t, shape=(3,), dtype=record),
                 lambda: np.zeros_like(t, shape=(3,), dtype="U2"),
                 lambda: np.full_like(t, "x", shape=(3,)),
                 lambda: np.full_like(t, 1, shape=(3,), dtype=object),
                 lambda: np.empty_like(t, dtype=record)):
        with pytest.raises(TypeError, match=r"_like: cannot combine a bridge Tensor"):
            call()
    assert isinstance(np.empty_like(t, shape=(3,)), bridge.Tensor)


def test_numeric_ndarrays_mix_with_tensors_as_before(backend, device):
    t = bridge.asarray([1.0, 2.0, 3.0], device=device)
    n = np.array([10.0, 20.0, 30.0])
    for out in (t + n, n + t, bridge.concat([t, n]), bridge.concatenate([t, n]),
                bridge.where(t > 1, t, n), bridge.array([t, t]), bridge.stack([t, n])):
        assert isinstance(out, bridge.Tensor)
    assert isinstance(bridge.array(n), bridge.Tensor)
    assert isinstance(bridge.array(np.array([True, False])), bridge.Tensor)
    assert bridge.array(np.float16([1.5])).dtype == bridge.float32  # widened, as before
    assert isinstance(bridge.unique(np.array([3, 1, 3])), bridge.Tensor)
    assert isinstance(bridge.sort(np.array([3, 1])), bridge.Tensor)
    assert isinstance(bridge.zeros(3, dtype="f8"), bridge.Tensor)


# ------------------------------------------------------------------ the strict standard


def test_asarray_stays_strict(backend):
    for data in (S, D, OBJ, REC, ["a", "b"], [1, None], np.str_("s")):
        with pytest.raises(TypeError, match=r"^asarray: cannot make a tensor of dtype .*13 "
                           r"dtypes.*bridge\.array"):
            bridge.asarray(data)
    with pytest.raises(TypeError, match="asarray"):
        bridge.Tensor(["a"])
    # numeric dtypes beyond the 13 keep their own rule
    with pytest.raises(TypeError, match="dtype"):
        bridge.zeros(2, dtype="float16")


# ------------------------------------------------------------------ bad input


def test_bad_input_raises_numpys_errors_naming_the_function(backend):
    with pytest.raises(np.exceptions.AxisError, match="^concatenate: .*axis 3"):
        bridge.concatenate([S, S], axis=3)
    with pytest.raises(ValueError, match="^full: .*negative"):
        bridge.full(-1, "a")
    with pytest.raises(ValueError, match="^arange: .*datetime"):
        bridge.arange("2024-01-01", "not a date", dtype="datetime64[D]")
    with pytest.raises(ValueError, match="^reshape: .*cannot reshape"):
        bridge.reshape(S, (4, 2))
    with pytest.raises(ValueError, match="^fromiter: .*iterator too short"):
        bridge.fromiter(iter(["a"]), dtype="U1", count=3)
    with pytest.raises(ValueError, match="^frombuffer: .*buffer size"):
        bridge.frombuffer(b"abc", dtype="S2")
    with pytest.raises(TypeError, match=r"^zeros: .*host memory; device='cuda:0'"):
        bridge.zeros(3, dtype="U5", device="cuda:0")
    with pytest.raises(TypeError, match=r"^full: requires_grad=True .*beyond the 13"):
        bridge.full(3, "a", requires_grad=True)
    with pytest.raises(np.exceptions.AxisError, match="^sort: "):
        bridge.sort(S, axis=2)
    with pytest.raises(TypeError, match="^astype: "):  # NumPy: AttributeError, no array
        bridge.astype("", bridge.float64)
    # ragged data is not such data: bridge's own error, NumPy's type
    with pytest.raises(ValueError, match="asarray"):
        bridge.array([[1], [1, 2]])


def test_docs_list_the_entry_points():
    page = (pathlib.Path(__file__).resolve().parents[1] / "docs" / "numpy.md").read_text()
    section = page.split("### Strings, dates and objects", 1)[1].split("\n\n", 2)[2]
    listed = set(re.findall(r"`(\w+)`", section.split("\n\n", 1)[0]))
    assert listed == set(beyond.ENTRY_POINTS) | {"nditer"}

"""``bridge.nditer`` (issue 19): NumPy's iterator over tensors, NumPy as the oracle.

Each test runs on every backend (``backend``/``device``): the values a bridge iterator
yields are Tensors over the operands' memory (a GPU operand's host copy), the writes
land in the tensors, and the order, flags and errors are NumPy's.
"""

from __future__ import annotations

import numpy as np
import pytest

import bridge

from .conftest import to_numpy


def values(it):
    """The iteration as nested Python lists (Tensors or NumPy arrays alike)."""
    out = []
    for v in it:
        if isinstance(v, tuple):
            out.append(tuple(to_numpy(x).tolist() for x in v))
        else:
            out.append(to_numpy(v).tolist())
    return out


def pair(data, device, dtype=None):
    """The same values as a NumPy array and a bridge tensor on ``device``."""
    n = np.array(data, dtype=dtype)
    return n, bridge.asarray(np.array(n, order="K"), device=device)


GRID = np.arange(12.0).reshape(3, 4)


@pytest.mark.parametrize("order", ["K", "C", "F", "A"])
@pytest.mark.parametrize("layout", ["contiguous", "transposed", "strided"])
def test_readonly_order_matches_numpy(device, order, layout):
    n = {"contiguous": GRID, "transposed": GRID.T, "strided": GRID[::2, ::-1]}[layout]
    t = bridge.asarray(GRID, device=device)
    t = {"contiguous": t, "transposed": bridge.permute_dims(t, (1, 0)),
         "strided": t[::2, ::-1]}[layout]
    it = bridge.nditer(t, order=order)
    got = list(it)
    assert all(isinstance(v, bridge.Tensor) and v.shape == () for v in got)
    assert [to_numpy(v).item() for v in got] == [v.item() for v in np.nditer(n, order=order)]


def test_values_are_zero_d_tensors_of_the_operand_dtype(backend, device):
    for dtype in (bridge.bool, bridge.int8, bridge.uint16, bridge.int64, bridge.float32,
                  bridge.complex128):
        n, t = pair([[1, 0], [3, 4]], device, dtype=dtype)
        got = list(bridge.nditer(t))
        assert [v.dtype for v in got] == [dtype] * 4
        assert values(bridge.nditer(t)) == values(np.nditer(n))


def test_several_operands_broadcast_together(backend, device):
    a, ta = pair([0, 1, 2], device)
    b, tb = pair([[10], [20]], device)
    assert values(bridge.nditer([ta, tb])) == values(np.nditer([a, b]))
    it = bridge.nditer([ta, tb, 5])  # a Python scalar is a 0-d operand
    assert it.shape == np.nditer([a, b, 5]).shape and it.nop == 3
    assert values(it) == values(np.nditer([a, b, 5]))
    with pytest.raises(ValueError, match="^nditer.shape: Iterator is past the end"):
        it.shape  # noqa: B018 - as NumPy's, once the iteration is over
    # plain data converts as NumPy converts it; a list is a sequence of operands
    assert values(bridge.nditer([[1, 2, 3], 4])) == values(np.nditer([[1, 2, 3], 4]))


@pytest.mark.parametrize("flag", ["readwrite", "writeonly"])
def test_writes_land_in_the_tensor(backend, device, flag):
    n, t = pair(GRID, device)
    with np.nditer(n, op_flags=[flag]) as it:
        for x in it:
            x[...] = 2 * x + 1 if flag == "readwrite" else 7.0
    with bridge.nditer(t, op_flags=[flag]) as it:
        for x in it:
            x[...] = 2 * x + 1 if flag == "readwrite" else 7.0
    np.testing.assert_array_equal(to_numpy(t), n)


def test_writes_through_a_view_and_with_broadcast_inputs(backend, device):
    n, t = pair(np.zeros((2, 3)), device)
    col = np.array([[1.0], [2.0]])
    with np.nditer([col, n[:, 1:]], op_flags=[["readonly"], ["writeonly"]]) as it:
        for a, b in it:
            b[...] = a * 10
    with bridge.nditer([bridge.asarray(col, device=device), t[:, 1:]],
                       op_flags=[["readonly"], ["writeonly"]]) as it:
        for a, b in it:
            b[...] = a * 10
    np.testing.assert_array_equal(to_numpy(t), n)


def test_writes_without_the_context_manager(backend, device):
    n, t = pair([1, 2, 3], device)
    for x in np.nditer(n, op_flags=["readwrite"]):
        x[...] = x * x
    for x in bridge.nditer(t, op_flags=["readwrite"]):
        x[...] = x * x  # the end of the iteration writes a GPU copy back
    np.testing.assert_array_equal(to_numpy(t), n)
    it = bridge.nditer(t, op_flags=["readwrite"])
    while not it.finished:
        it[0] = it[0] + 1
        it.iternext()
    np.testing.assert_array_equal(to_numpy(t), n + 1)
    it = bridge.nditer(t, op_flags=["readwrite"])
    it[0] = 100  # then close(): the write goes back to a GPU tensor too
    it.close()
    assert to_numpy(t).tolist() == [100, 5, 10]


def test_a_numpy_operand_is_written_in_place(backend, device):
    n = np.arange(4.0)
    with bridge.nditer(n, op_flags=["readwrite"]) as it:  # host data, whatever the device
        for x in it:
            x[...] = -x
        assert it.operands[0].device == bridge.Device("cpu")
    np.testing.assert_array_equal(n, [0.0, -1.0, -2.0, -3.0])
    t = bridge.asarray([10.0, 20.0, 30.0, 40.0], device=device)
    with bridge.nditer([t, n], op_flags=[["readonly"], ["readwrite"]]) as it:
        for x, y in it:
            y[...] = x + y
    np.testing.assert_array_equal(n, [10.0, 19.0, 28.0, 37.0])


def test_readonly_values_cannot_be_written(backend, device):
    n, t = pair([1.0, 2.0], device)
    with pytest.raises(ValueError, match="read-only") as bridge_error:
        for x in bridge.nditer(t):
            x[...] = 0.0
    with pytest.raises(type(bridge_error.value)):
        for x in np.nditer(n):
            x[...] = 0.0
    assert to_numpy(t).tolist() == [1.0, 2.0]


def _trace(it, attr):
    out = []
    while not it.finished:
        out.append((getattr(it, attr), to_numpy(it[0]).item()))
        it.iternext()
    return out


@pytest.mark.parametrize("flag,attr", [("multi_index", "multi_index"), ("c_index", "index"),
                                       ("f_index", "index")])
@pytest.mark.parametrize("order", ["C", "F", "K"])
def test_index_flags_match_numpy(backend, device, flag, attr, order):
    _, t = pair(GRID.T, device)
    n = to_numpy(t)  # the memory the iterator walks (order "K" follows its layout)
    assert _trace(bridge.nditer(t, flags=[flag], order=order), attr) == \
        _trace(np.nditer(n, flags=[flag], order=order), attr)
    it = bridge.nditer(t, flags=[flag])
    assert [getattr(it, attr) for _ in it] == [getattr(i, attr) for i in [np.nditer(n, flags=[flag])]
                                               for _ in i]
    assert it.has_index == (flag != "multi_index") and it.has_multi_index == (flag == "multi_index")


def test_multi_index_and_iterindex_can_be_set(backend, device):
    n, t = pair(GRID, device)
    it, ref = bridge.nditer(t, flags=["multi_index"]), np.nditer(n, flags=["multi_index"])
    it.multi_index = ref.multi_index = (2, 1)
    assert to_numpy(it[0]).item() == ref[0].item() and it.iterindex == ref.iterindex == 9
    it.iterindex = ref.iterindex = 4
    assert it.multi_index == ref.multi_index == (1, 0)
    twin = it.copy()
    it.iternext()
    assert twin.multi_index == (1, 0) and it.multi_index == (1, 1)
    it.reset()
    assert it.iterindex == 0 and not it.finished
    it.remove_multi_index()
    assert not it.has_multi_index


def test_external_loop_yields_1d_chunks(backend, device):
    n, t = pair(GRID, device)
    for kwargs in ({}, {"order": "F"}, {"order": "C"}):
        chunks = list(bridge.nditer(t, flags=["external_loop"], **kwargs))
        assert all(isinstance(c, bridge.Tensor) and c.ndim == 1 for c in chunks)
        assert values(bridge.nditer(t, flags=["external_loop"], **kwargs)) == \
            values(np.nditer(n, flags=["external_loop"], **kwargs))
    with bridge.nditer(t, flags=["external_loop"], op_flags=["readwrite"], order="F") as it:
        for chunk in it:
            chunk[...] = chunk * 2
    np.testing.assert_array_equal(to_numpy(t), GRID * 2)
    it = bridge.nditer(t, flags=["multi_index"])
    it.remove_multi_index()
    it.enable_external_loop()
    assert values(it) == values(np.nditer(n * 2, flags=["external_loop"]))


def test_buffered_iteration_with_op_dtypes(backend, device):
    n, t = pair(np.arange(6, dtype=np.float32), device)
    kwargs = dict(flags=["buffered", "external_loop"], op_dtypes=[bridge.float64], buffersize=4)
    got = list(bridge.nditer(t, **kwargs))
    assert [c.dtype for c in got] == [bridge.float64] * len(got)
    assert values(bridge.nditer(t, **kwargs)) == values(np.nditer(n, **kwargs))
    rw = dict(flags=["buffered"], op_flags=["readwrite"], op_dtypes=["float64"],
              casting="same_kind")
    with np.nditer(n, **rw) as it:
        for x in it:
            x[...] = x / 3
    with bridge.nditer(t, **rw) as it:
        for x in it:
            x[...] = x / 3
    assert t.dtype == bridge.float32
    np.testing.assert_array_equal(to_numpy(t), n)


def test_allocated_output(backend, device):
    def square(x):
        with bridge.nditer([x, None]) as it:
            for v, out in it:
                out[...] = v * v
            return it.operands[1]

    a, ta = pair([[1, 2], [3, 4]], device)
    out = square(ta)
    assert isinstance(out, bridge.Tensor) and out.device == ta.device
    assert out.dtype == bridge.int64 and to_numpy(out).tolist() == (a * a).tolist()
    # op_dtypes of the output, NumPy's allocate flags spelled out
    with bridge.nditer([ta, None], op_flags=[["readonly"], ["writeonly", "allocate"]],
                       op_dtypes=[None, bridge.float32]) as it:
        for v, o in it:
            o[...] = v / 2
        got = it.operands[1]
    assert got.dtype == bridge.float32 and to_numpy(got).tolist() == (a / 2).tolist()


def test_outer_product_with_op_axes(backend, device):
    a, ta = pair([1, 2, 3], device)
    b, tb = pair([10, 20], device)
    kwargs = dict(op_axes=[[0, -1], [-1, 0], None])
    with np.nditer([a, b, None], **kwargs) as it:
        for x, y, z in it:
            z[...] = x * y
        want = it.operands[2]
    with bridge.nditer([ta, tb, None], **kwargs) as it:
        for x, y, z in it:
            z[...] = x * y
        got = it.operands[2]
    assert to_numpy(got).tolist() == want.tolist()


def test_operands_and_attributes(backend, device):
    n, t = pair(GRID, device)
    it, ref = bridge.nditer([t, None]), np.nditer([n, None])
    assert it.operands[0] is t and len(it.operands) == 2
    assert all(isinstance(o, bridge.Tensor) for o in it.operands)
    assert (it.shape, it.ndim, it.nop, it.itersize, it.dtypes, len(it)) == \
        (ref.shape, ref.ndim, ref.nop, ref.itersize, ref.dtypes, len(ref))
    assert isinstance(it.value, tuple) and to_numpy(it.value[0]).item() == 0.0
    assert [v.shape for v in it.itviews] == [v.shape for v in ref.itviews]
    assert it.iterationneedsapi == ref.iterationneedsapi
    assert it.has_delayed_bufalloc == ref.has_delayed_bufalloc
    assert iter(it) is it and "nditer" in repr(it)
    assert it.iterrange == ref.iterrange
    single = bridge.nditer(t)
    assert isinstance(single.value, bridge.Tensor) and single.iternext()
    assert bridge.nditer(t, flags=["zerosize_ok", "refs_ok"]).itersize == 12


def test_zero_size_operands(backend, device):
    _, t = pair(np.zeros((0, 3)), device)
    assert list(bridge.nditer(t, flags=["zerosize_ok"])) == []
    with pytest.raises(ValueError, match="^nditer: Iteration of zero-sized operands is not "
                       "enabled"):
        bridge.nditer(t)


def test_after_close(backend, device):
    n, t = pair([1, 2], device)
    it, ref = bridge.nditer(t), np.nditer(n)
    it.close()
    ref.close()
    with pytest.raises(ValueError, match="^nditer.operands: Iterator is invalid"):
        it.operands  # noqa: B018
    assert list(it) == list(ref) == []
    it.close()  # closing twice is harmless, as in NumPy


CALLS = [
    ("flags", lambda m, a: m.nditer(a, flags=["no_such_flag"])),
    ("flags type", lambda m, a: m.nditer(a, flags="c_index")),
    ("op_flags", lambda m, a: m.nditer(a, op_flags=["no_such_flag"])),
    ("op_flags shape", lambda m, a: m.nditer(a, op_flags=[["readonly"], ["readwrite"]])),
    ("order", lambda m, a: m.nditer(a, order="Q")),
    ("casting", lambda m, a: m.nditer(a, casting="sometimes")),
    ("op_dtypes without buffering", lambda m, a: m.nditer(a, op_dtypes=["float32"])),
    ("unsafe cast", lambda m, a: m.nditer(a, flags=["buffered"], op_dtypes=["int32"])),
    ("external_loop with an index", lambda m, a: m.nditer(a, flags=["external_loop",
                                                                      "multi_index"])),
    ("broadcast", lambda m, a: m.nditer([a, a[:2]])),
    ("None without allocate", lambda m, a: m.nditer([a, None],
                                                    op_flags=[["readonly"], ["readonly"]])),
    ("no operand", lambda m, a: m.nditer([])),
    ("index without the flag", lambda m, a: m.nditer(a).index),
    ("multi_index without the flag", lambda m, a: m.nditer(a).multi_index),
    ("remove_axis", lambda m, a: m.nditer(a, flags=["multi_index"]).remove_axis(5)),
]


@pytest.mark.parametrize("case", CALLS, ids=[c[0] for c in CALLS])
def test_errors_are_numpys_and_name_nditer(backend, device, case):
    _, call = case
    n = np.arange(6.0)
    with pytest.raises(Exception) as expected:  # noqa: B017 - NumPy's, whichever it is
        call(np, n)
    with pytest.raises(type(expected.value)) as got:
        call(bridge, bridge.asarray(n, device=device))
    assert type(got.value) is type(expected.value)
    message = str(got.value)
    assert message.startswith("nditer") and str(expected.value) in message, message


def test_op_dtypes_beyond_the_13_dtypes(backend, device):
    t = bridge.asarray([1.0, 2.0], device=device)
    with pytest.raises(TypeError, match="^nditer: op_dtypes=float16 is not one of the 13"):
        bridge.nditer(t, flags=["buffered"], op_dtypes=["float16"])
    with pytest.raises(TypeError, match=r"^nditer: cannot combine a bridge Tensor .* "
                       r"op_dtypes=<U5"):
        bridge.nditer(t, flags=["buffered"], op_dtypes=["U5"])


def test_such_data_without_a_tensor_is_numpys_iterator(backend, device):
    words = np.array(["ab", "c"])
    it = bridge.nditer(words)
    assert type(it) is np.nditer and [str(w) for w in it] == ["ab", "c"]
    it = bridge.nditer([words, None], flags=["refs_ok"], op_dtypes=[None, object])
    assert type(it) is np.nditer
    with pytest.raises(TypeError, match=r"^nditer: cannot combine a bridge Tensor .* "
                       r"numpy\.ndarray of dtype <U2"):
        bridge.nditer([bridge.asarray([1, 2], device=device), words])


def test_autograd_refuses_writes_into_tensors_that_require_grad(backend, device):
    w = bridge.asarray([1.0, 2.0], device=device, requires_grad=True)
    with pytest.raises(RuntimeError) as inplace:
        w[...] = 0.0
    with pytest.raises(type(inplace.value), match="nditer writes in place into a leaf"):
        bridge.nditer(w, op_flags=["readwrite"])
    with pytest.raises(RuntimeError, match="nditer writes in place into a tensor that "
                       "requires grad"):
        bridge.nditer([bridge.asarray(1.0, device=device), w * 2],
                      op_flags=[["readonly"], ["writeonly"]])
    assert [to_numpy(v).item() for v in bridge.nditer(w)] == [1.0, 2.0]  # reading is fine
    with bridge.no_grad():  # as an optimiser step
        with bridge.nditer(w, op_flags=["readwrite"]) as it:
            for v in it:
                v[...] = v - 0.5
    assert to_numpy(w).tolist() == [0.5, 1.5] and w.requires_grad


def test_writes_bump_the_version_autograd_checks(backend, device):
    w = bridge.asarray([1.0, 2.0], device=device, requires_grad=True)
    x = bridge.asarray([3.0, 4.0], device=device)
    loss = bridge.sum(w * x)  # saves x for the backward pass
    with bridge.nditer(x, op_flags=["readwrite"]) as it:
        for v in it:
            v[...] = 0.0
    with pytest.raises(RuntimeError, match="modified by an in-place operation"):
        loss.backward()


@pytest.mark.gpu
@pytest.mark.skipif("cupy" not in bridge.available_backends(), reason="needs a GPU")
def test_several_devices_are_refused():
    device = bridge.Device("cuda", 0)
    with pytest.raises(ValueError, match="^nditer: tensors are on different devices"):
        bridge.nditer([bridge.asarray([1.0], device=device), bridge.asarray([1.0], device="cpu")])

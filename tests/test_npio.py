"""NumPy's file functions (bridge/_ops/npio.py): save/load (.npy, .npz, memory maps),
savez/savez_compressed, loadtxt/savetxt/genfromtxt, fromfile/Tensor.tofile. NumPy is
the oracle: files bridge writes are read by NumPy and the other way round, on every
backend (the ``backend`` fixture; GPU tensors are written through the host)."""

from __future__ import annotations

import io
import mmap
import pathlib
import pickle

import numpy as np
import pytest

import bridge

from .conftest import to_numpy

DTYPES = [d.name for d in bridge._dtypes.ALL_DTYPES]
SHAPES = [(), (0,), (2, 0, 3), (7,), (3, 4), (2, 3, 2)]


def _sample(dtype: str, shape) -> np.ndarray:
    """Values that exercise the dtype: extremes of integers, signed zeros, inf and nan
    of floats, complex parts."""
    size = int(np.prod(shape, dtype=np.int64))
    dt = np.dtype(dtype)
    if dt.kind == "b":
        base = np.array([True, False, False, True, True])
    elif dt.kind in "iu":
        info = np.iinfo(dt)
        base = np.array([0, 1, info.max, info.min, 7, info.max - 1], dtype=dt)
    else:
        base = np.array([0.5, -0.0, np.inf, -np.inf, np.nan, 1e-30, -3.25])
        if dt.kind == "c":
            parts = base
            base = np.empty(parts.shape, dtype=np.complex128)
            base.real, base.imag = parts, parts[::-1]
    return np.resize(base.astype(dt), size).reshape(shape)


def _same(got, expected):
    """A tensor (any device) with exactly ``expected``'s dtype, shape and values."""
    assert isinstance(got, bridge.Tensor), type(got)
    g = to_numpy(got)
    assert g.dtype == expected.dtype and g.shape == expected.shape, (g.dtype, g.shape)
    np.testing.assert_array_equal(g, expected)


def _memmap_of(t):
    """The numpy.memmap under a CPU tensor's memory, or None (a copy)."""
    base = np.asarray(t)
    while base is not None and not isinstance(base, np.memmap):
        # (NumPy's view of a tensor has the tensor as its base: then the array it holds)
        base = base._data if isinstance(base, bridge.Tensor) else base.base
    return base


# ------------------------------------------------------------------ .npy round trips


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("dtype", DTYPES)
def test_npy_round_trips_every_dtype_and_shape(backend, device, tmp_path, dtype, shape):
    a = _sample(dtype, shape)
    t = bridge.asarray(a, device=device)
    # bridge -> NumPy
    bridge.save(tmp_path / "bridge.npy", t)
    back = np.load(tmp_path / "bridge.npy")
    assert back.dtype == a.dtype and back.shape == a.shape
    np.testing.assert_array_equal(back, a)
    # NumPy -> bridge
    np.save(tmp_path / "numpy.npy", a)
    loaded = bridge.load(tmp_path / "numpy.npy")
    _same(loaded, a)
    assert loaded.device == device
    # bridge -> bridge, through a file object
    buffer = io.BytesIO()
    bridge.save(buffer, t)
    buffer.seek(0)
    _same(bridge.load(buffer), a)
    # the bytes are NumPy's own
    reference = io.BytesIO()
    np.save(reference, a)
    assert buffer.getvalue() == reference.getvalue()


def test_save_appends_npy_and_takes_paths_and_files(backend, device, tmp_path):
    t = bridge.reshape(bridge.arange(6.0, device=device), (2, 3))
    bridge.save(str(tmp_path / "plain"), t)
    assert (tmp_path / "plain.npy").exists()
    bridge.save(tmp_path / "path.npy", t)
    with open(tmp_path / "handle.npy", "wb") as fh:
        bridge.save(fh, t)
    for name in ("plain.npy", "path.npy", "handle.npy"):
        np.testing.assert_array_equal(np.load(tmp_path / name), np.arange(6.0).reshape(2, 3))
    with open(tmp_path / "handle.npy", "rb") as fh:
        _same(bridge.load(fh), np.arange(6.0).reshape(2, 3))
    # host data and lists are saved as NumPy saves them
    bridge.save(tmp_path / "list.npy", [[1, 2], [3, 4]])
    _same(bridge.load(tmp_path / "list.npy"), np.array([[1, 2], [3, 4]]))
    bridge.save(tmp_path / "tensors.npy", [t[0], t[1]])
    _same(bridge.load(tmp_path / "tensors.npy"), np.arange(6.0).reshape(2, 3))


def test_non_contiguous_tensors(backend, device, tmp_path):
    a = _sample("float64", (4, 6)) + np.arange(24).reshape(4, 6)
    t = bridge.asarray(a, device=device)
    views = {"T": (t.T, a.T), "step": (t[::2, 1::2], a[::2, 1::2]),
             "flip": (bridge.flip(t, axis=1), a[:, ::-1]), "col": (t[:, 3], a[:, 3])}
    for name, (view, expected) in views.items():
        bridge.save(tmp_path / f"{name}.npy", view)
        np.testing.assert_array_equal(np.load(tmp_path / f"{name}.npy"), expected)
        _same(bridge.load(tmp_path / f"{name}.npy"), np.ascontiguousarray(expected))
    # a transposed view is written in Fortran order, as NumPy writes a.T
    assert open(tmp_path / "T.npy", "rb").read() == _npy_bytes(a.T)
    # tofile writes C order whatever the strides
    view = t.T
    view.tofile(tmp_path / "T.bin")
    np.testing.assert_array_equal(np.fromfile(tmp_path / "T.bin"), a.T.ravel())


def _npy_bytes(a):
    buffer = io.BytesIO()
    np.save(buffer, a)
    return buffer.getvalue()


def test_tensors_that_require_grad_are_saved(backend, device, tmp_path):
    w = bridge.asarray([1.0, 2.0, 3.0], device=device)
    w.requires_grad_(True)
    y = w * 2.0
    bridge.save(tmp_path / "w.npy", w)
    bridge.savez(tmp_path / "wy.npz", w=w, y=y)
    np.testing.assert_array_equal(np.load(tmp_path / "w.npy"), [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(np.load(tmp_path / "wy.npz")["y"], [2.0, 4.0, 6.0])


def test_other_byte_order_gives_a_native_tensor(backend, device, tmp_path):
    a = np.arange(5, dtype=">i4")
    np.save(tmp_path / "big.npy", a)
    t = bridge.load(tmp_path / "big.npy")
    _same(t, np.arange(5, dtype=np.int32))
    m = bridge.load(tmp_path / "big.npy", mmap_mode="r")
    if device == "cpu":
        # a memory map cannot become a tensor without a copy: NumPy's memmap comes back
        assert isinstance(m, np.memmap) and m.dtype == a.dtype
    else:  # on a GPU the tensor is a copy anyway
        _same(m, np.arange(5, dtype=np.int32))


def test_numpy_functions_write_tensors(backend, device, tmp_path):
    """numpy.save/savez/savetxt(tensor) run bridge's (GPU tensors through the host)."""
    t = bridge.reshape(bridge.arange(6, device=device), (2, 3))
    np.save(tmp_path / "a.npy", t)
    np.savez(tmp_path / "b.npz", t, named=t)
    out = io.StringIO()
    np.savetxt(out, t, fmt="%d")
    expected = np.arange(6).reshape(2, 3)
    np.testing.assert_array_equal(np.load(tmp_path / "a.npy"), expected)
    with np.load(tmp_path / "b.npz") as archive:
        np.testing.assert_array_equal(archive["arr_0"], expected)
        np.testing.assert_array_equal(archive["named"], expected)
    assert out.getvalue() == "0 1 2\n3 4 5\n"


# ------------------------------------------------------------------ .npz archives


@pytest.mark.parametrize("writer", ["savez", "savez_compressed"])
def test_npz_round_trips(backend, device, tmp_path, writer):
    arrays = {d: _sample(d, (3, 2)) for d in DTYPES}
    scalar, empty = _sample("int16", ()), np.zeros((0, 4), dtype=np.float32)
    tensors = {d: bridge.asarray(a, device=device) for d, a in arrays.items()}
    # bridge -> NumPy: positional arrays are arr_0, arr_1, ...
    getattr(bridge, writer)(tmp_path / "bridge", bridge.asarray(scalar, device=device),
                            bridge.asarray(empty, device=device), **tensors)
    with np.load(tmp_path / "bridge.npz") as archive:
        assert sorted(archive.files) == sorted(["arr_0", "arr_1", *DTYPES])
        np.testing.assert_array_equal(archive["arr_0"], scalar)
        assert archive["arr_1"].shape == (0, 4) and archive["arr_1"].dtype == np.float32
        for d, a in arrays.items():
            assert archive[d].dtype == a.dtype
            np.testing.assert_array_equal(archive[d], a)
    # NumPy -> bridge
    getattr(np, writer)(tmp_path / "numpy.npz", scalar, empty, **arrays)
    with bridge.load(tmp_path / "numpy.npz") as archive:
        _same(archive["arr_0"], scalar)
        _same(archive["arr_1"], empty)
        for d, a in arrays.items():
            _same(archive[d], a)
            assert archive[d].device == device
    # bridge -> bridge, through a file object
    buffer = io.BytesIO()
    getattr(bridge, writer)(buffer, x=tensors["float64"], y=tensors["complex64"])
    buffer.seek(0)
    archive = bridge.load(buffer)
    _same(archive["x"], arrays["float64"])
    _same(archive["y"], arrays["complex64"])
    archive.close()


def test_compressed_archives_are_smaller(backend, device, tmp_path):
    t = bridge.zeros((200, 200), device=device)
    bridge.savez(tmp_path / "plain.npz", t=t)
    bridge.savez_compressed(tmp_path / "small.npz", t=t)
    assert (tmp_path / "small.npz").stat().st_size * 20 < (tmp_path / "plain.npz").stat().st_size
    with bridge.load(tmp_path / "small.npz") as archive:
        _same(archive["t"], np.zeros((200, 200)))


def test_npz_file_is_a_lazy_mapping(backend, device, tmp_path):
    np.savez(tmp_path / "a.npz", np.arange(3), weights=np.ones((2, 2)),
             names=np.array(["ab", "c"]))
    archive = bridge.load(tmp_path / "a.npz")
    assert isinstance(archive, bridge._ops.npio.NpzFile)
    assert archive.files == np.load(tmp_path / "a.npz").files
    assert sorted(archive.files) == ["arr_0", "names", "weights"]
    assert list(archive.keys()) == archive.files == list(archive)
    assert len(archive) == 3 and "weights" in archive and "weights.npy" in archive
    assert "nope" not in archive
    _same(archive["weights"], np.ones((2, 2)))
    _same(archive["weights.npy"], np.ones((2, 2)))
    _same(archive.f.arr_0, np.arange(3))
    assert archive.get("nope") is None
    names = archive["names"]  # strings stay NumPy's
    assert type(names) is np.ndarray and names.tolist() == ["ab", "c"]
    values = dict(archive.items())
    assert set(values) == set(archive.files)
    assert "a.npz" in repr(archive) and "weights" in repr(archive)
    with pytest.raises(KeyError, match=r"bridge.load: 'nope' is not a file in the archive"):
        archive["nope"]
    with pytest.raises(AttributeError):
        _ = archive.f.nope
    archive.close()
    with pytest.raises(ValueError, match="bridge.load: the archive is closed"):
        archive["weights"]
    with bridge.load(tmp_path / "a.npz") as again:
        _same(again["arr_0"], np.arange(3))
    assert again.zip is None  # closed by the with block
    # NumPy ignores mmap_mode for an archive; so does bridge
    with bridge.load(tmp_path / "a.npz", mmap_mode="r") as mapped:
        _same(mapped["weights"], np.ones((2, 2)))


def test_savez_name_clash_is_numpys_error(backend, device, tmp_path):
    t = bridge.ones(2, device=device)
    with pytest.raises(ValueError, match="bridge.savez: .*arr_0"):
        bridge.savez(tmp_path / "clash.npz", t, arr_0=t)


# ------------------------------------------------------------------ memory maps


def test_mmap_r_is_a_read_only_view_of_the_file(backend, device, tmp_path):
    a = np.arange(12.0).reshape(3, 4)
    np.save(tmp_path / "a.npy", a)
    t = bridge.load(tmp_path / "a.npy", mmap_mode="r")
    _same(t, a)
    if device != "cpu":
        assert _memmap_of(t.to_device("cpu")) is None  # a copy on the device
        return
    mm = _memmap_of(t)
    assert isinstance(mm, np.memmap) and isinstance(mm.base, mmap.mmap)
    assert np.shares_memory(np.asarray(t), mm)
    assert t.__array_interface__["data"][0] == mm.__array_interface__["data"][0]
    with pytest.raises(ValueError, match="read-only"):
        t[0, 0] = 5.0
    with pytest.raises(ValueError, match="read-only"):
        t += 1.0
    # reading and computing work as on any tensor
    _same(bridge.sum(t, axis=0), a.sum(axis=0))
    _same(t[1:, ::2], a[1:, ::2])


def test_mmap_r_plus_writes_reach_the_file(backend, device, tmp_path):
    a = np.arange(10, dtype=np.int32)
    np.save(tmp_path / "a.npy", a)
    if device != "cpu":
        with pytest.raises(ValueError, match=r"bridge.load: mmap_mode='r\+' writes through"):
            bridge.load(tmp_path / "a.npy", mmap_mode="r+")
        t = bridge.load(tmp_path / "a.npy", mmap_mode="r+", device="cpu")
    else:
        t = bridge.load(tmp_path / "a.npy", mmap_mode="r+")
    mm = _memmap_of(t)
    assert mm is not None and np.shares_memory(np.asarray(t), mm)
    t[2] = 100
    t[5:7] = bridge.asarray([-1, -2], dtype=bridge.int32, device="cpu")
    t += 1  # in place, into the map
    expected = a.copy()
    expected[2], expected[5:7] = 100, [-1, -2]
    expected += 1
    # visible to a reader of the file at once (the map is the file's pages) ...
    np.testing.assert_array_equal(np.load(tmp_path / "a.npy"), expected)
    # ... and after the map is gone
    del t, mm
    _same(bridge.load(tmp_path / "a.npy"), expected)


def test_mmap_c_writes_stay_in_memory(backend, device, tmp_path):
    a = np.arange(6.0)
    np.save(tmp_path / "a.npy", a)
    t = bridge.load(tmp_path / "a.npy", mmap_mode="c")
    if device == "cpu":
        assert isinstance(_memmap_of(t), np.memmap)
    t[0] = 42.0
    assert float(t[0]) == 42.0
    np.testing.assert_array_equal(np.load(tmp_path / "a.npy"), a)


def test_mmap_w_plus_recreates_the_file_zero_filled(backend, device, tmp_path):
    a = np.arange(12, dtype=np.float32).reshape(3, 4)
    np.save(tmp_path / "a.npy", a)
    kwargs = {} if device == "cpu" else {"device": "cpu"}
    t = bridge.load(tmp_path / "a.npy", mmap_mode="w+", **kwargs)
    _same(t, np.zeros((3, 4), dtype=np.float32))
    assert isinstance(_memmap_of(t), np.memmap)
    t[1] = 7.0
    del t
    expected = np.zeros((3, 4), dtype=np.float32)
    expected[1] = 7.0
    np.testing.assert_array_equal(np.load(tmp_path / "a.npy"), expected)
    # Fortran order is kept
    np.save(tmp_path / "f.npy", np.asfortranarray(a))
    t = bridge.load(tmp_path / "f.npy", mmap_mode="w+", device="cpu")
    assert t.shape == (3, 4) and np.asarray(t).flags.f_contiguous
    del t
    assert np.load(tmp_path / "f.npy").flags.f_contiguous


def test_mmap_of_0d_and_empty_arrays(backend, device, tmp_path):
    np.save(tmp_path / "s.npy", np.float64(2.5))
    np.save(tmp_path / "e.npy", np.zeros((0, 3), dtype=np.int8))
    s = bridge.load(tmp_path / "s.npy", mmap_mode="r+", device="cpu")
    _same(s, np.array(2.5))
    s[...] = 3.5
    del s
    assert float(np.load(tmp_path / "s.npy")) == 3.5
    _same(bridge.load(tmp_path / "e.npy", mmap_mode="r"), np.zeros((0, 3), dtype=np.int8))


def test_mmap_modes_long_names_and_bad_ones(backend, device, tmp_path):
    np.save(tmp_path / "a.npy", np.arange(3))
    _same(bridge.load(tmp_path / "a.npy", mmap_mode="readonly"), np.arange(3))
    _same(bridge.load(tmp_path / "a.npy", mmap_mode="copyonwrite"), np.arange(3))
    with pytest.raises(ValueError, match=r"bridge.load: mmap_mode='rw' is not one of"):
        bridge.load(tmp_path / "a.npy", mmap_mode="rw")
    with pytest.raises(ValueError, match="bridge.load: mmap_mode=1 is not one of"):
        bridge.load(tmp_path / "a.npy", mmap_mode=1)
    with open(tmp_path / "a.npy", "rb") as fh:
        with pytest.raises(ValueError, match="bridge.load: mmap_mode='r' needs a file name"):
            bridge.load(fh, mmap_mode="r")
    # the file is untouched by the refusals
    np.testing.assert_array_equal(np.load(tmp_path / "a.npy"), np.arange(3))


# ------------------------------------------------------------------ dtypes beyond the 13


@pytest.mark.parametrize("value", [
    np.array(["apple", "fig"]), np.array([b"ab", b"c"]),
    np.array(["2024-01-02", "2025-03-04"], dtype="datetime64[D]"),
    np.array([1, 2], dtype="timedelta64[s]"), np.array([1.5, 2.5], dtype=np.float16),
    np.array([(1, 2.0), (3, 4.0)], dtype=[("a", "i4"), ("b", "f8")]),
], ids=["str", "bytes", "datetime64", "timedelta64", "float16", "structured"])
def test_other_dtypes_come_back_as_numpy_arrays(backend, device, tmp_path, value):
    np.save(tmp_path / "a.npy", value)
    got = bridge.load(tmp_path / "a.npy")
    assert type(got) is np.ndarray and got.dtype == value.dtype
    np.testing.assert_array_equal(got, value)
    mapped = bridge.load(tmp_path / "a.npy", mmap_mode="r")
    assert isinstance(mapped, np.memmap) and mapped.dtype == value.dtype
    # and bridge writes them as NumPy does
    bridge.save(tmp_path / "b.npy", value)
    bridge.savez(tmp_path / "b.npz", v=value)
    np.testing.assert_array_equal(np.load(tmp_path / "b.npy"), value)
    with bridge.load(tmp_path / "b.npz") as archive:
        assert type(archive["v"]) is np.ndarray


def test_pickled_object_arrays_need_allow_pickle(backend, device, tmp_path):
    objects = np.array([{"a": 1}, [2, 3], None], dtype=object)
    np.save(tmp_path / "o.npy", objects, allow_pickle=True)
    with pytest.raises(ValueError, match="bridge.load: allow_pickle=False cannot load an "
                                         "object array"):
        bridge.load(tmp_path / "o.npy")
    got = bridge.load(tmp_path / "o.npy", allow_pickle=True)
    assert type(got) is np.ndarray and got.dtype == object and got.tolist() == objects.tolist()
    # inside an archive, the refusal comes when the member is read
    np.savez(tmp_path / "o.npz", objects=objects, plain=np.arange(2))
    with bridge.load(tmp_path / "o.npz") as archive:
        _same(archive["plain"], np.arange(2))
        with pytest.raises(ValueError, match=r"bridge.load: allow_pickle=False cannot load an "
                                             r"object array \('objects' of the archive\)"):
            archive["objects"]
    with bridge.load(tmp_path / "o.npz", allow_pickle=True) as archive:
        assert archive["objects"].tolist() == objects.tolist()
    # saving one with allow_pickle=False is refused as NumPy refuses it
    with pytest.raises(ValueError, match="bridge.save: allow_pickle=False cannot save an "
                                         "object array"):
        bridge.save(tmp_path / "x.npy", objects, allow_pickle=False)
    with pytest.raises(ValueError, match="bridge.savez: allow_pickle=False cannot save"):
        bridge.savez(tmp_path / "x.npz", objects, allow_pickle=False)
    bridge.save(tmp_path / "y.npy", objects)  # NumPy's default: allowed
    assert np.load(tmp_path / "y.npy", allow_pickle=True).tolist() == objects.tolist()


def test_pickle_files(backend, device, tmp_path):
    with open(tmp_path / "p.pkl", "wb") as fh:
        pickle.dump({"weights": [1, 2]}, fh)
    with pytest.raises(ValueError, match="bridge.load: allow_pickle=False cannot load a "
                                         "pickle file"):
        bridge.load(tmp_path / "p.pkl")
    assert bridge.load(tmp_path / "p.pkl", allow_pickle=True) == {"weights": [1, 2]}
    # a pickled array of a standard dtype is a tensor, as from a .npy file
    with open(tmp_path / "a.pkl", "wb") as fh:
        pickle.dump(np.arange(3.0), fh)
    _same(bridge.load(tmp_path / "a.pkl", allow_pickle=True), np.arange(3.0))
    with pytest.raises(TypeError, match="bridge.load: allow_pickle must be True or False"):
        bridge.load(tmp_path / "p.pkl", allow_pickle="yes")


# ------------------------------------------------------------------ text files


TABLE = np.array([[1.0, 2.5, -3.0], [4.25, 5.0, 6.0], [7.0, -8.5, 9.0], [10.0, 11.0, 12.5]])


def test_savetxt_writes_numpys_text(backend, device, tmp_path):
    t = bridge.asarray(TABLE, device=device)
    cases = [{}, {"fmt": "%.3f", "delimiter": ","}, {"fmt": ["%d", "%.1f", "%g"]},
             {"fmt": "%10.4e", "delimiter": "\t", "header": "a\tb\tc", "footer": "end",
              "comments": "## "}, {"newline": ";"}, {"fmt": "%s"}]
    for kwargs in cases:
        ours, theirs = io.StringIO(), io.StringIO()
        bridge.savetxt(ours, t, **kwargs)
        np.savetxt(theirs, TABLE, **kwargs)
        assert ours.getvalue() == theirs.getvalue(), kwargs
    # 1-d (a column), non-contiguous, complex, integer; to a path and a binary file
    for x in (TABLE[:, 1], TABLE.T[::2], TABLE[:2] + 1j * TABLE[2:], np.arange(4)):
        bridge.savetxt(tmp_path / "x.txt", bridge.asarray(x, device=device))
        np.savetxt(tmp_path / "y.txt", x)
        assert (tmp_path / "x.txt").read_text() == (tmp_path / "y.txt").read_text()
    with open(tmp_path / "b.txt", "wb") as fh:
        bridge.savetxt(fh, t, fmt="%.2f")
    assert (tmp_path / "b.txt").read_text().splitlines()[0] == "1.00 2.50 -3.00"


def test_loadtxt_reads_what_savetxt_wrote(backend, device, tmp_path):
    t = bridge.asarray(TABLE, device=device)
    bridge.savetxt(tmp_path / "t.csv", t, delimiter=",", header="x,y,z")
    got = bridge.loadtxt(tmp_path / "t.csv", delimiter=",")
    _same(got, TABLE)
    assert got.device == device
    _same(got, np.loadtxt(tmp_path / "t.csv", delimiter=","))
    np.savetxt(tmp_path / "n.txt", TABLE, fmt="%.17g")
    _same(bridge.loadtxt(str(tmp_path / "n.txt")), TABLE)
    with open(tmp_path / "n.txt") as fh:
        _same(bridge.loadtxt(fh), TABLE)


def test_loadtxt_options(backend, device):
    text = ("# a table\nname,x,y,count\n"
            "a,1.5,2.0,3 # trailing\n"
            "b,-4.0,5.5,6\n"
            "\n"
            "c,7.0,8.25,9\n")
    kwargs = {"delimiter": ",", "skiprows": 2, "usecols": (1, 2, 3)}
    _same(bridge.loadtxt(io.StringIO(text), **kwargs), np.loadtxt(io.StringIO(text), **kwargs))
    x, y, count = bridge.loadtxt(io.StringIO(text), unpack=True, **kwargs)
    _same(x, np.array([1.5, -4.0, 7.0]))
    _same(count, np.array([3.0, 6.0, 9.0]))
    counts = bridge.loadtxt(io.StringIO(text), delimiter=",", skiprows=2, usecols=3,
                            dtype=int)
    _same(counts, np.array([3, 6, 9]))
    _same(bridge.loadtxt(io.StringIO(text), delimiter=",", skiprows=2, usecols=[1],
                         ndmin=2, max_rows=2, dtype=bridge.float32),
          np.array([[1.5], [-4.0]], dtype=np.float32))
    # comments: another marker, several markers
    marked = "1 2\n% skip\n3 4 ! end\n"
    _same(bridge.loadtxt(io.StringIO(marked), comments=["%", "!"]),
          np.array([[1.0, 2.0], [3.0, 4.0]]))
    # lines of text instead of a file; a converter; a single value
    _same(bridge.loadtxt(["1;2", "3;4"], delimiter=";", dtype=bridge.int64),
          np.array([[1, 2], [3, 4]]))
    _same(bridge.loadtxt(io.StringIO("1,0x10\n2,0x20"), delimiter=",",
                         converters={1: lambda s: float(int(s, 16))}),
          np.array([[1.0, 16.0], [2.0, 32.0]]))
    _same(bridge.loadtxt(io.StringIO("2.5")), np.array(2.5))
    _same(bridge.loadtxt(io.StringIO("(1+2j) (3-1j)"), dtype=complex),
          np.array([1 + 2j, 3 - 1j]))


def test_loadtxt_of_strings_and_structured_dtypes(backend, device):
    words = bridge.loadtxt(io.StringIO("ab cd\nef gh"), dtype=str)
    assert type(words) is np.ndarray and words.tolist() == [["ab", "cd"], ["ef", "gh"]]
    rows = bridge.loadtxt(io.StringIO("1 2.5\n3 4.5"), dtype=[("i", "i8"), ("f", "f8")])
    assert type(rows) is np.ndarray and rows["f"].tolist() == [2.5, 4.5]
    # a structured dtype with unpack gives one array per field: the numeric fields
    # are tensors
    i, f = bridge.loadtxt(io.StringIO("1 2.5\n3 4.5"), dtype=[("i", "i8"), ("f", "f8")],
                          unpack=True)
    _same(i, np.array([1, 3]))
    _same(f, np.array([2.5, 4.5]))


def test_genfromtxt_fills_missing_values(backend, device):
    text = "1,2,3\n4,,6\n7,8,\n,,\n"
    got = bridge.genfromtxt(io.StringIO(text), delimiter=",")
    _same(got, np.genfromtxt(io.StringIO(text), delimiter=","))
    assert got.device == device
    filled = bridge.genfromtxt(io.StringIO(text), delimiter=",", filling_values=-1.0)
    _same(filled, np.array([[1, 2, 3], [4, -1, 6], [7, 8, -1], [-1, -1, -1]], dtype=float))
    text2 = "a b c\n1 N/A 3\n4 5 N/A\n"
    kwargs = {"skip_header": 1, "missing_values": "N/A", "filling_values": 0.0,
              "usecols": (0, 2)}
    _same(bridge.genfromtxt(io.StringIO(text2), **kwargs),
          np.genfromtxt(io.StringIO(text2), **kwargs))
    a, c = bridge.genfromtxt(io.StringIO(text2), unpack=True, **kwargs)
    _same(c, np.array([3.0, 0.0]))
    # named columns and masks are NumPy's structures
    named = bridge.genfromtxt(io.StringIO("x,y\n1,2\n3,4"), delimiter=",", names=True)
    assert type(named) is np.ndarray and named.dtype.names == ("x", "y")
    masked = bridge.genfromtxt(io.StringIO(text), delimiter=",", usemask=True)
    assert isinstance(masked, np.ma.MaskedArray) and masked.mask[1, 1]
    _same(bridge.genfromtxt(["1 2", "3 4"], dtype=int), np.array([[1, 2], [3, 4]]))


# ------------------------------------------------------------------ raw binary files


@pytest.mark.parametrize("dtype", DTYPES)
def test_tofile_fromfile_round_trips(backend, device, tmp_path, dtype):
    a = _sample(dtype, (3, 4))
    t = bridge.asarray(a, device=device)
    t.tofile(tmp_path / "bridge.bin")
    assert (tmp_path / "bridge.bin").read_bytes() == a.tobytes()
    np.testing.assert_array_equal(np.fromfile(tmp_path / "bridge.bin", dtype=dtype), a.ravel())
    a.tofile(tmp_path / "numpy.bin")
    got = bridge.fromfile(tmp_path / "numpy.bin", dtype=dtype)
    _same(got, a.ravel())
    assert got.device == device
    # count and offset (in bytes)
    itemsize = np.dtype(dtype).itemsize
    _same(bridge.fromfile(tmp_path / "numpy.bin", dtype=dtype, count=5, offset=2 * itemsize),
          a.ravel()[2:7])


def test_tofile_fromfile_with_sep_and_open_files(backend, device, tmp_path):
    t = bridge.asarray(TABLE, device=device)
    t.tofile(tmp_path / "t.txt", sep=",")
    TABLE.tofile(tmp_path / "n.txt", sep=",")
    assert (tmp_path / "t.txt").read_text() == (tmp_path / "n.txt").read_text()
    _same(bridge.fromfile(tmp_path / "t.txt", sep=","), TABLE.ravel())
    t.tofile(tmp_path / "f.txt", sep=" ", format="%.2f")
    assert (tmp_path / "f.txt").read_text().split()[:2] == ["1.00", "2.50"]
    _same(bridge.fromfile(tmp_path / "f.txt", sep=" "), np.round(TABLE, 2).ravel())
    ints = bridge.arange(5, device=device)
    ints.tofile(tmp_path / "i.txt", sep="\n")
    _same(bridge.fromfile(tmp_path / "i.txt", dtype=bridge.int64, sep="\n"), np.arange(5))
    # open files: both write and read at the file's position
    with open(tmp_path / "two.bin", "wb") as fh:
        ints.tofile(fh)
        t.tofile(fh)
    with open(tmp_path / "two.bin", "rb") as fh:
        _same(bridge.fromfile(fh, dtype=bridge.int64, count=5), np.arange(5))
        _same(bridge.fromfile(fh), TABLE.ravel())
    # a 0-d tensor and an empty file
    bridge.asarray(3.5, device=device).tofile(tmp_path / "s.bin")
    _same(bridge.fromfile(tmp_path / "s.bin"), np.array([3.5]))
    (tmp_path / "empty.bin").write_bytes(b"")
    _same(bridge.fromfile(tmp_path / "empty.bin", dtype=bridge.int32),
          np.zeros(0, dtype=np.int32))
    # another dtype's bytes come back as NumPy's array
    np.array([1.5, 2.5], dtype=np.float16).tofile(tmp_path / "h.bin")
    half = bridge.fromfile(tmp_path / "h.bin", dtype=np.float16)
    assert type(half) is np.ndarray and half.tolist() == [1.5, 2.5]


# ------------------------------------------------------------------ devices


def test_device_argument(backend, device, tmp_path):
    np.save(tmp_path / "a.npy", np.arange(4.0))
    np.save(tmp_path / "big.npy", np.arange(4, dtype=">f8"))
    np.arange(4.0).tofile(tmp_path / "a.bin")
    (tmp_path / "a.txt").write_text("1 2\n3 4\n")
    for t in (bridge.load(tmp_path / "a.npy", device="cpu"),
              bridge.fromfile(tmp_path / "a.bin", device="cpu"),
              bridge.loadtxt(tmp_path / "a.txt", device="cpu"),
              bridge.genfromtxt(tmp_path / "a.txt", device="cpu")):
        assert t.device == "cpu"
    # data beyond the 13 dtypes is NumPy's (host memory): a named GPU cannot take it
    np.save(tmp_path / "s.npy", np.array(["a", "b"]))
    if "cupy" in bridge.available_backends():
        with pytest.raises(TypeError, match="bridge.load: the data is dtype <U1, which a "
                                            "Tensor cannot hold"):
            bridge.load(tmp_path / "s.npy", device="cuda:0")
        t = bridge.load(tmp_path / "big.npy", mmap_mode="r", device="cuda:0")
        assert t.device == "cuda:0"
    assert type(bridge.load(tmp_path / "s.npy", device="cpu")) is np.ndarray
    with pytest.raises(ValueError, match="bridge.load: device='tpu' is not a device"):
        bridge.load(tmp_path / "a.npy", device="tpu")
    with pytest.raises(ValueError, match="bridge.loadtxt: device=3 is not a device"):
        bridge.loadtxt(tmp_path / "a.txt", device=3)


# ------------------------------------------------------------------ bad input


def test_errors_are_numpys_types_and_name_the_function(backend, device, tmp_path):
    missing = tmp_path / "missing.npy"
    with pytest.raises(FileNotFoundError, match="bridge.load: No such file") as info:
        bridge.load(missing)
    assert info.value.errno == 2 and info.value.filename == str(missing)
    with pytest.raises(FileNotFoundError, match="bridge.loadtxt"):
        bridge.loadtxt(tmp_path / "missing.txt")
    with pytest.raises(FileNotFoundError, match="bridge.fromfile"):
        bridge.fromfile(tmp_path / "missing.bin")
    with pytest.raises(FileNotFoundError, match="bridge.genfromtxt"):
        bridge.genfromtxt(str(tmp_path / "missing.txt"))
    with pytest.raises(FileNotFoundError, match="bridge.save"):
        bridge.save(tmp_path / "no" / "dir.npy", bridge.ones(2))
    for call, func in ((lambda: bridge.load(5), "load"), (lambda: bridge.save(None, 1), "save"),
                       (lambda: bridge.savez(1.5, bridge.ones(2)), "savez"),
                       (lambda: bridge.fromfile(object()), "fromfile"),
                       (lambda: bridge.ones(2).tofile(7), "tofile")):
        with pytest.raises(TypeError, match=rf"{func}: \w+ must be a file name"):
            call()
    with pytest.raises(ValueError, match="bridge.savetxt: fname must be a string"):
        bridge.savetxt(3, bridge.ones(2))
    with pytest.raises(ValueError, match="bridge.loadtxt: fname must be a string"):
        bridge.loadtxt(3)
    # broken files
    (tmp_path / "short.npy").write_bytes(_npy_bytes(np.arange(10.0))[:-8])
    with pytest.raises(ValueError, match="bridge.load: Failed to read all data"):
        bridge.load(tmp_path / "short.npy")
    (tmp_path / "empty.npy").write_bytes(b"")
    with pytest.raises(EOFError, match="bridge.load: No data left in file"):
        bridge.load(tmp_path / "empty.npy")
    (tmp_path / "bad.npz").write_bytes(b"PK\x03\x04 not a zip")
    import zipfile
    with pytest.raises(zipfile.BadZipFile, match="bridge.load"):
        bridge.load(tmp_path / "bad.npz")
    (tmp_path / "text.npy").write_text("hello")
    with pytest.raises(ValueError, match="bridge.load: allow_pickle=False cannot load a "
                                         "pickle file"):
        bridge.load(tmp_path / "text.npy")
    with pytest.raises(pickle.UnpicklingError, match="bridge.load"):
        bridge.load(tmp_path / "text.npy", allow_pickle=True)
    # bad arguments
    with pytest.raises(ValueError, match="bridge.savetxt: Expected 1D or 2D array, got 3D"):
        bridge.savetxt(tmp_path / "x.txt", bridge.ones((2, 2, 2), device=device))
    with pytest.raises(TypeError, match="bridge.savetxt: delimiter must be a str, got list"):
        bridge.savetxt(io.StringIO(), bridge.ones(2), delimiter=[","])
    with pytest.raises(TypeError, match="bridge.savetxt: header must be a str, got int"):
        bridge.savetxt(io.StringIO(), bridge.ones(2), header=3)
    with pytest.raises(ValueError, match="bridge.savetxt: fmt has 1 formats for 3 columns"):
        bridge.savetxt(io.StringIO(), bridge.ones((2, 3)), fmt=["%d"])
    with pytest.raises(ValueError, match="bridge.savetxt: invalid fmt"):
        bridge.savetxt(io.StringIO(), bridge.ones((2, 3)), fmt=5)
    with pytest.raises(LookupError, match="bridge.savetxt: unknown encoding"):
        bridge.savetxt(tmp_path / "enc.txt", bridge.ones(2), encoding="no-such-codec")
    with pytest.raises(ValueError, match="bridge.loadtxt: the number of columns changed"):
        bridge.loadtxt(io.StringIO("1 2\n3"))
    with pytest.raises(ValueError, match="bridge.loadtxt: could not convert"):
        bridge.loadtxt(io.StringIO("1 x"))
    with pytest.raises(TypeError, match="bridge.loadtxt: dtype='nope' is not a dtype"):
        bridge.loadtxt(io.StringIO("1"), dtype="nope")
    with pytest.raises(TypeError, match="bridge.fromfile: dtype='nope' is not a dtype"):
        bridge.fromfile(tmp_path / "x.txt", dtype="nope")
    with pytest.raises(TypeError, match="bridge.fromfile: count must be an int"):
        bridge.fromfile(tmp_path / "x.txt", count=1.5)
    with pytest.raises(TypeError, match="bridge.fromfile: offset must be an int, got a bool"):
        bridge.fromfile(tmp_path / "x.txt", offset=True)
    with pytest.raises(TypeError, match="bridge.fromfile: sep must be a str"):
        bridge.fromfile(tmp_path / "x.txt", sep=1)
    with pytest.raises(TypeError, match="Tensor.tofile: sep and format must be str"):
        bridge.ones(2).tofile(tmp_path / "y.txt", sep=None)
    with pytest.raises(TypeError, match="Tensor.tofile: needs a Tensor"):
        bridge.Tensor.tofile([1, 2], tmp_path / "y.txt")
    for reader in (bridge.loadtxt, bridge.genfromtxt):
        name = reader.__name__
        with pytest.raises(TypeError, match=f"bridge.{name}: fname must be a file name, a "
                                            "file object or lines of text"):
            reader(np.ones(3))
        with pytest.raises(TypeError, match=f"bridge.{name}: fname must be a file name"):
            reader(bridge.ones(3, device=device))
    with pytest.raises(TypeError, match="bridge.genfromtxt: fname must be a file name, .* "
                                        "AttributeError"):
        bridge.genfromtxt([1.0, 2.0])
    with pytest.raises(ValueError, match="bridge.genfromtxt: Some errors were detected"):
        bridge.genfromtxt(io.StringIO("1 2\n3 4 5"))
    # in-memory files have no file descriptor for fromfile and tofile (NumPy's type)
    with pytest.raises(io.UnsupportedOperation, match="bridge.fromfile: file .BytesIO. has "
                                                      "no file descriptor"):
        bridge.fromfile(io.BytesIO(b"1234"))
    with pytest.raises(io.UnsupportedOperation, match="Tensor.tofile: fid .BytesIO. has no"):
        bridge.ones(2).tofile(io.BytesIO())
    with open(tmp_path / "closed.bin", "wb") as fh:
        pass
    with pytest.raises(ValueError, match="Tensor.tofile: fid .BufferedWriter. has no file "
                                         "descriptor"):
        bridge.ones(2).tofile(fh)


def test_names_are_registered_and_exported():
    from bridge._registry import REGISTRY

    for name in ("save", "load", "savez", "savez_compressed", "loadtxt", "savetxt",
                 "genfromtxt", "fromfile"):
        op = REGISTRY[name]
        assert op.section == "numpy" and not op.differentiable and op.kernels == ()
        assert getattr(bridge, name) is op.func and name in bridge.__all__
    assert REGISTRY["tofile"].section == "array"
    assert bridge.Tensor.tofile is REGISTRY["tofile"].func
    assert not hasattr(bridge, "tofile")
    import inspect

    assert str(inspect.signature(bridge.save)) == "(file, arr, allow_pickle=True)"
    assert list(inspect.signature(bridge.load).parameters)[:5] == [
        "file", "mmap_mode", "allow_pickle", "fix_imports", "encoding"]
    for name in ("loadtxt", "savetxt", "genfromtxt", "fromfile", "savez"):
        ours = inspect.signature(getattr(bridge, name)).parameters
        theirs = inspect.signature(getattr(np, name)).parameters
        assert [p for p in theirs if p != "like"] == [p for p in ours if p != "device"], name


def test_path_objects_and_strings(backend, device, tmp_path):
    t = bridge.arange(3.0, device=device)
    for file in (tmp_path / "p.npy", str(tmp_path / "s.npy")):
        bridge.save(file, t)
        _same(bridge.load(file), np.arange(3.0))
    _same(bridge.load(pathlib.PurePath(tmp_path / "p.npy")), np.arange(3.0))

"""NumPy's file functions (section ``"numpy"``): ``save``, ``load``, ``savez``,
``savez_compressed``, ``loadtxt``, ``savetxt``, ``genfromtxt``, ``fromfile`` and the
Tensor method ``tofile``.

The files are NumPy's own formats, read and written by NumPy itself: bridge hands the
host arrays to NumPy's functions and makes tensors of what they return, so a file
bridge writes is a file NumPy reads and the other way round. Parsing and formatting
(the ``.npy`` header, text columns, converters, missing values) are NumPy's.

* Arguments that are Tensors are copied to host memory first when they live on a GPU
  (writing a file is an explicit request for host bytes); CPU tensors go in as the
  zero-copy NumPy arrays they hold.
* Results are tensors on the default device (or ``device=``), for the 13 dtypes of the
  Array API standard; data of any other dtype (strings, ``datetime64``, object,
  structured, ``float16``) comes back as NumPy returned it, a ``numpy.ndarray``: a
  tensor holds only the standard's dtypes (bridge/_ops/beyond.py's rule; ``float16``
  too, so that a file's dtype survives a load and a save). Such an array is in host
  memory: a GPU named by ``device=`` refuses it. A file in the other byte order gives
  a tensor in the machine's order (a copy), as ``bridge.asarray`` does.
* ``load(..., mmap_mode=...)`` on a CPU device gives a tensor over the memory map, no
  copy: ``'r'`` is read-only (writes raise), ``'r+'`` writes reach the file, ``'c'``
  writes stay in memory, ``'w+'`` recreates the file, zero-filled, with the dtype and
  shape of its header. A memory map bridge cannot hold without a copy (another byte
  order, a dtype outside the 13) stays the ``numpy.memmap``.
* Bad input raises NumPy's exception type, with a message that names the bridge
  function.
"""

from __future__ import annotations

import builtins
import collections.abc
import os
import pickle
import zipfile

import numpy as np

from .. import _dispatch
from .._device import CPU, parse_device
from .._dtypes import ALL_DTYPES
from .._registry import ops as B
from ..backends import state

_SUPPORTED = frozenset(ALL_DTYPES)
_MMAP_MODES = {"r": "r", "readonly": "r", "r+": "r+", "readwrite": "r+", "c": "c",
               "copyonwrite": "c", "w+": "w+", "write": "w+"}


# ------------------------------------------------------------------ helpers


def _named(func, exc):
    """``exc`` (an error NumPy raised) with the same type and a message that starts
    with ``func``; the exception itself where its type cannot be rebuilt."""
    message = str(exc)
    if message.startswith(func):
        return exc
    try:
        if isinstance(exc, UnicodeDecodeError):
            return UnicodeDecodeError(exc.encoding, exc.object, exc.start, exc.end,
                                      f"{func}: {exc.reason}")
        if isinstance(exc, UnicodeEncodeError):
            return UnicodeEncodeError(exc.encoding, exc.object, exc.start, exc.end,
                                      f"{func}: {exc.reason}")
        if isinstance(exc, OSError) and exc.errno is not None:
            if exc.filename is not None:
                return type(exc)(exc.errno, f"{func}: {exc.strerror}", exc.filename)
            return type(exc)(exc.errno, f"{func}: {exc.strerror}")
        new = type(exc)(f"{func}: {message}")
    except Exception:  # noqa: BLE001 - an exception type with another constructor
        return exc
    return new if type(new) is type(exc) else exc


# what NumPy's readers and writers raise for bad input (files, formats, arguments)
# (LookupError: IndexError, KeyError and an unknown ``encoding``)
_NUMPY_ERRORS = (TypeError, ValueError, LookupError, OverflowError, OSError, EOFError,
                 pickle.UnpicklingError, zipfile.BadZipFile, MemoryError)


def _call(func, fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` (a NumPy function), its errors named after ``func``."""
    try:
        return fn(*args, **kwargs)
    except _NUMPY_ERRORS as exc:
        raise _named(func, exc) from None


def _is_path(file) -> bool:
    return isinstance(file, (str, bytes, os.PathLike))


def _file_arg(func, file, argname, method):
    """``file`` if it is a path or a file object with ``method`` (``read``/``write``),
    else TypeError naming the argument."""
    if _is_path(file) or callable(getattr(file, method, None)):
        return file
    raise TypeError(f"{func}: {argname} must be a file name (str or os.PathLike) or a file "
                    f"object with a {method}() method, got {type(file).__name__}")


def _has_tensor(obj) -> bool:
    if isinstance(obj, _dispatch.TENSOR):
        return True
    return isinstance(obj, (list, tuple)) and builtins.any(_has_tensor(o) for o in obj)


def _host(obj, func):
    """What NumPy's writers get for argument ``obj``: a Tensor as a NumPy array in host
    memory (a GPU tensor copied, a CPU tensor shared), a sequence holding tensors as
    one array; anything else as it is (NumPy converts it as it always does)."""
    if isinstance(obj, _dispatch.TENSOR):
        if obj.device.type != "cpu":
            data = obj._data
            if data.ndim > 1 and data.flags.f_contiguous and not data.flags.c_contiguous:
                # a Fortran-ordered GPU tensor (a transpose) is written in Fortran order,
                # as NumPy writes its array: the host copy of the reversed (C) view, reversed
                return np.asarray(_dispatch.wrap(data.T).to_device("cpu")).T
            obj = obj.to_device("cpu")
        return np.asarray(obj)
    if isinstance(obj, (list, tuple)) and _has_tensor(obj):
        try:
            return _host(B.asarray(obj), func)
        except (TypeError, ValueError) as exc:
            raise type(exc)(f"{func}: cannot make one array of this sequence ({exc})") from None
    return obj


def _dtype_arg(func, dtype, argname="dtype"):
    """A dtype as NumPy reads it (any NumPy dtype: the result may be a NumPy array)."""
    try:
        return np.dtype(dtype)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{func}: {argname}={dtype!r} is not a dtype ({exc})") from None


class _Target:
    """Where a reader's tensors go: ``device`` (the default device when None); ``asked``
    says the caller named a device other than the CPU, which NumPy's arrays of the
    dtypes beyond the 13 (host memory) cannot be on."""

    __slots__ = ("device", "asked")

    def __init__(self, func, device):
        self.device = state().default_device if device is None else parse_device(device, func)
        self.asked = device is not None and self.device != CPU


def _result(obj, target, func, *, items=False):
    """A NumPy reader's result for the user: arrays of the 13 dtypes as tensors on the
    target device (a CPU tensor shares the array's memory), other arrays as they are
    (strings, object, structured, ``float16``, masked arrays); with ``items``, the
    arrays of a list or tuple one by one (``loadtxt``'s fields with ``unpack=True``)."""
    if items and isinstance(obj, (list, tuple)):
        converted = [_result(o, target, func) for o in obj]
        return converted if isinstance(obj, list) else tuple(converted)
    if not isinstance(obj, np.ndarray):
        return obj
    device = target.device
    masked = isinstance(obj, np.ma.MaskedArray)
    native = obj.dtype.newbyteorder("=") if obj.dtype.byteorder not in "=|" else obj.dtype
    if masked or native not in _SUPPORTED:
        if target.asked:
            what = "a masked array" if masked else f"dtype {obj.dtype}"
            raise TypeError(
                f"{func}: the data is {what}, which a Tensor cannot hold: NumPy's array of it "
                f"lives in host memory, so device={str(device)!r} cannot take it (leave "
                "device= out for NumPy's array)")
        return obj
    if obj.dtype != native:  # the other byte order: a copy in the machine's order
        if isinstance(obj, np.memmap) and device == CPU:
            return obj  # (a copy would cut the tensor from the file)
        obj = obj.astype(native)
    if obj.__class__ is not np.ndarray:
        obj = obj.view(np.ndarray)  # (np.memmap: the same memory, the map kept alive)
    if device == CPU:
        return _dispatch.wrap(obj)
    return B.asarray(obj, device=device)


def _allow_pickle(func, value):
    if value is True or value is False:
        return value
    if isinstance(value, np.bool_):
        return bool(value)
    raise TypeError(f"{func}: allow_pickle must be True or False, got {value!r}")


def _pickle_refused(func, what):
    """NumPy's refusal of pickled data under ``allow_pickle=False``, in bridge's words."""
    return ValueError(
        f"{func}: allow_pickle=False cannot {what} (pickled data runs code when it is "
        "loaded; pass allow_pickle=True only for files you trust)")


# ------------------------------------------------------------------ .npy and .npz


def save(file, arr, allow_pickle=True):
    """Write ``arr`` to ``file`` in NumPy's ``.npy`` format (``.npy`` is appended to a
    file name without it), as ``numpy.save``; a GPU tensor is copied to the host."""
    func = "bridge.save"
    file = _file_arg(func, file, "file", "write")
    allow_pickle = _allow_pickle(func, allow_pickle)
    data = _host(arr, func)
    try:
        np.save(file, data, allow_pickle=allow_pickle)
    except ValueError as exc:
        if "allow_pickle" in str(exc):
            raise _pickle_refused(func, "save an object array") from None
        raise _named(func, exc) from None
    except _NUMPY_ERRORS as exc:
        raise _named(func, exc) from None


def _savez(func, writer, file, args, kwds, allow_pickle):
    file = _file_arg(func, file, "file", "write")
    allow_pickle = _allow_pickle(func, allow_pickle)
    arrays = [_host(a, func) for a in args]
    named = {name: _host(a, func) for name, a in kwds.items()}
    try:
        writer(file, *arrays, allow_pickle=allow_pickle, **named)
    except ValueError as exc:
        if "allow_pickle" in str(exc):
            raise _pickle_refused(func, "save an object array") from None
        raise _named(func, exc) from None
    except _NUMPY_ERRORS as exc:
        raise _named(func, exc) from None


def savez(file, *args, allow_pickle=True, **kwds):
    """Write several arrays to one uncompressed ``.npz`` archive, as ``numpy.savez``:
    positional ones as ``arr_0``, ``arr_1``, ..., keyword ones under their names."""
    _savez("bridge.savez", np.savez, file, args, kwds, allow_pickle)


def savez_compressed(file, *args, allow_pickle=True, **kwds):
    """``savez`` into a compressed (deflated) ``.npz`` archive."""
    _savez("bridge.savez_compressed", np.savez_compressed, file, args, kwds, allow_pickle)


class _Members:
    """``npz.f.name``: the archive's arrays as attributes (NumPy's ``NpzFile.f``)."""

    def __init__(self, npz):
        object.__setattr__(self, "_npz", npz)

    def __getattribute__(self, name):
        npz = object.__getattribute__(self, "_npz")
        try:
            return npz[name]
        except KeyError:
            raise AttributeError(name) from None

    def __dir__(self):
        return list(object.__getattribute__(self, "_npz").files)


class NpzFile(collections.abc.Mapping):
    """The arrays of an ``.npz`` archive, read lazily (what ``bridge.load`` returns for
    one, as ``numpy.load`` returns NumPy's ``NpzFile``): ``files`` (the names),
    ``keys()``, ``archive[name]`` (a tensor, or a NumPy array for data outside the 13
    dtypes), ``archive.f.name``, ``close()``, and ``with bridge.load(...) as archive:``.
    Each access reads the array from the file again."""

    def __init__(self, npz, target, allow_pickle):
        self._npz = npz
        self._target = target
        self._allow_pickle = allow_pickle
        self.f = _Members(self)

    @property
    def files(self):
        """The names of the arrays (without ``.npy``)."""
        return self._npz.files

    @property
    def zip(self):
        return self._npz.zip

    @property
    def fid(self):
        return self._npz.fid

    def __getitem__(self, key):
        func = "bridge.load"
        npz = self._npz
        if npz.zip is None:
            raise ValueError(f"{func}: the archive is closed; read its arrays before close()")
        try:
            raw = npz[key]
        except KeyError:
            raise KeyError(f"{func}: {key!r} is not a file in the archive (its files: "
                           f"{', '.join(npz.files) or 'none'})") from None
        except ValueError as exc:
            if "allow_pickle" in str(exc):
                raise _pickle_refused(func, f"load an object array ({key!r} of the "
                                      "archive)") from None
            raise _named(func, exc) from None
        except _NUMPY_ERRORS as exc:
            raise _named(func, exc) from None
        return _result(raw, self._target, func)

    def __iter__(self):
        return iter(self._npz.files)

    def __len__(self):
        return len(self._npz.files)

    def __contains__(self, key):
        npz = self._npz
        return key in npz.files or (npz.zip is not None and key in npz.zip.namelist())

    def close(self):
        """Close the archive (and the file, when ``load`` opened it)."""
        self._npz.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __repr__(self):
        return repr(self._npz)


def _memmap_w_plus(file, **options):
    """``mmap_mode='w+'``: the file recreated, zero-filled, with its header's dtype,
    shape and order (NumPy's memmap meaning of ``'w+'``), mapped for reading and writing.
    An ``.npz`` archive or a pickle is loaded as ``numpy.load`` loads it (no map)."""
    probe = np.load(file, mmap_mode="r", **options)
    if not isinstance(probe, np.memmap):
        return probe
    dtype, shape = probe.dtype, probe.shape
    fortran = probe.ndim > 1 and probe.flags.f_contiguous and not probe.flags.c_contiguous
    del probe  # (unmapped before the file is truncated)
    return np.lib.format.open_memmap(file, mode="w+", dtype=dtype, shape=shape,
                                     fortran_order=fortran)


def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding="ASCII", *,
         max_header_size=10000, device=None):
    """Read a ``.npy`` file (a tensor), an ``.npz`` archive (an :class:`NpzFile`) or,
    with ``allow_pickle=True``, a pickle, as ``numpy.load`` does.

    ``mmap_mode`` (``'r'``, ``'r+'``, ``'c'``, ``'w+'``) maps a ``.npy`` file instead of
    reading it: on a CPU device the tensor is over the map, no copy (``'r+'``: writes
    reach the file). On a GPU, ``'r'`` and ``'c'`` give a copy on the device, and the
    modes that write to the file refuse (pass ``device='cpu'``). ``device``: where the
    tensors go (default: the default device).
    """
    func = "bridge.load"
    file = _file_arg(func, file, "file", "read")
    allow_pickle = _allow_pickle(func, allow_pickle)
    target = _Target(func, device)
    mode = None
    if mmap_mode is not None:
        mode = _MMAP_MODES.get(mmap_mode) if isinstance(mmap_mode, str) else None
        if mode is None:
            raise ValueError(f"{func}: mmap_mode={mmap_mode!r} is not one of None, 'r', "
                             "'r+', 'c', 'w+'")
        if mode in ("r+", "w+") and target.device != CPU:
            raise ValueError(
                f"{func}: mmap_mode={mmap_mode!r} writes through to the file, which a "
                f"tensor on {target.device} cannot do; pass device='cpu' for a tensor over "
                "the memory map")
        if not _is_path(file):
            raise ValueError(f"{func}: mmap_mode={mmap_mode!r} needs a file name; a file "
                             "object cannot be memory-mapped")
    options = dict(allow_pickle=allow_pickle, fix_imports=fix_imports, encoding=encoding,
                   max_header_size=max_header_size)
    try:
        if mode == "w+":
            raw = _memmap_w_plus(file, **options)
        else:
            raw = np.load(file, mmap_mode=mode, **options)
    except ValueError as exc:
        message = str(exc)
        if "allow_pickle" in message:
            what = "load an object array" if "Object arrays" in message else \
                "load a pickle file"
            raise _pickle_refused(func, what) from None
        raise _named(func, exc) from None
    except _NUMPY_ERRORS as exc:
        raise _named(func, exc) from None
    if isinstance(raw, np.lib.npyio.NpzFile):
        return NpzFile(raw, target, allow_pickle)
    if isinstance(raw, np.ndarray):
        return _result(raw, target, func)
    return raw  # a pickle's object, as it was pickled


# ------------------------------------------------------------------ text files


def _text_source(func, fname):
    """``fname`` of ``loadtxt``/``genfromtxt``: a file name, a file object or lines of
    text (NumPy reads those); a tensor or an array of numbers is none of them."""
    if isinstance(fname, _dispatch.TENSOR) or (
            isinstance(fname, np.ndarray) and fname.dtype.kind not in "US"):
        raise TypeError(f"{func}: fname must be a file name, a file object or lines of text "
                        f"(str), got {type(fname).__name__} of dtype {fname.dtype}")
    return fname


def _read_text(func, fn, fname, **kwargs):
    try:
        return _call(func, fn, _text_source(func, fname), **kwargs)
    except AttributeError as exc:  # NumPy's reader met lines that are not text
        raise TypeError(f"{func}: fname must be a file name, a file object or lines of "
                        f"text (str); reading it failed with AttributeError: {exc}") from None


def loadtxt(fname, dtype=float, comments="#", delimiter=None, converters=None, skiprows=0,
            usecols=None, unpack=False, ndmin=0, encoding=None, max_rows=None, *,
            quotechar=None, device=None):
    """A table of a text file as a tensor (NumPy's ``loadtxt``: NumPy parses): ``fname``
    is a file name, a file object or lines of text. With ``unpack=True`` the columns
    come first (``x, y = loadtxt(f, unpack=True)``); a structured ``dtype`` gives one
    array per field. Strings and other dtypes outside the 13 give NumPy arrays."""
    func = "bridge.loadtxt"
    dtype = _dtype_arg(func, dtype)
    target = _Target(func, device)
    raw = _read_text(func, np.loadtxt, fname, dtype=dtype, comments=comments,
                     delimiter=delimiter, converters=converters, skiprows=skiprows,
                     usecols=usecols, unpack=unpack, ndmin=ndmin, encoding=encoding,
                     max_rows=max_rows, quotechar=quotechar)
    return _result(raw, target, func, items=True)


def savetxt(fname, X, fmt="%.18e", delimiter=" ", newline="\n", header="", footer="",  # noqa: N803
            comments="# ", encoding=None):
    """Write a 1-d or 2-d tensor (or array) to a text file, one row per line, as NumPy's
    ``savetxt`` (``fmt``: one format or one per column; ``header``/``footer`` get the
    ``comments`` prefix); a GPU tensor is copied to the host."""
    func = "bridge.savetxt"
    for argname, value in (("delimiter", delimiter), ("newline", newline), ("header", header),
                           ("footer", footer), ("comments", comments)):
        if not isinstance(value, (str, bytes)):
            raise TypeError(f"{func}: {argname} must be a str, got {type(value).__name__}")
    data = _host(X, func)
    if isinstance(fmt, (list, tuple)):
        table = _call(func, np.asarray, data)
        names = table.dtype.names
        columns = (len(names) if names else 1) if table.ndim == 1 else \
            table.shape[1] if table.ndim == 2 else None
        if columns is not None and len(fmt) != columns:
            raise ValueError(f"{func}: fmt has {len(fmt)} formats for {columns} columns")
    try:
        _call(func, np.savetxt, fname, data, fmt=fmt, delimiter=delimiter,
              newline=newline, header=header, footer=footer, comments=comments,
              encoding=encoding)
    except AttributeError as exc:  # NumPy's formatting met a value of another type
        raise TypeError(f"{func}: fmt must be a str or a sequence of str, and X an array of "
                        f"rows; formatting failed with AttributeError: {exc}") from None


def genfromtxt(fname, dtype=float, comments="#", delimiter=None, skip_header=0,
               skip_footer=0, converters=None, missing_values=None, filling_values=None,
               usecols=None, names=None, excludelist=None,
               deletechars=" !#$%&'()*+,-./:;<=>?@[\\]^{|}~", replace_space="_",
               autostrip=False, case_sensitive=True, defaultfmt="f%i", unpack=None,
               usemask=False, loose=True, invalid_raise=True, max_rows=None, encoding=None,
               *, ndmin=0, device=None):
    """A table of a text file with missing values filled (NumPy's ``genfromtxt``: NumPy
    parses; a missing float is ``nan`` unless ``filling_values`` says otherwise). Named
    columns (``names=True``), ``dtype=None`` over mixed columns and other structured
    results, and ``usemask=True`` (a masked array), give NumPy's arrays."""
    func = "bridge.genfromtxt"
    target = _Target(func, device)
    raw = _read_text(func, np.genfromtxt, fname, dtype=dtype, comments=comments,
                     delimiter=delimiter, skip_header=skip_header, skip_footer=skip_footer,
                     converters=converters, missing_values=missing_values,
                     filling_values=filling_values, usecols=usecols, names=names,
                     excludelist=excludelist, deletechars=deletechars, replace_space=replace_space,
                     autostrip=autostrip, case_sensitive=case_sensitive, defaultfmt=defaultfmt,
                     unpack=unpack, usemask=usemask, loose=loose, invalid_raise=invalid_raise,
                     max_rows=max_rows, encoding=encoding, ndmin=ndmin)
    return _result(raw, target, func, items=True)


# ------------------------------------------------------------------ raw binary files


def _open_file_arg(func, file, argname, method):
    """A file argument of ``fromfile``/``tofile``: a path, or an open file of the
    operating system (``fileno()``: NumPy reads and writes it directly)."""
    _file_arg(func, file, argname, method)
    if _is_path(file):
        return file
    hint = ("bridge.frombuffer(f.read(), dtype) reads the bytes of an in-memory file"
            if method == "read" else
            "f.write(numpy.asarray(x.to_device('cpu')).tobytes()) writes to an in-memory file")
    if not callable(getattr(file, "fileno", None)):
        raise TypeError(f"{func}: {argname} must be a file name or an open file of the "
                        f"operating system (with fileno()), got {type(file).__name__}; {hint}")
    try:
        file.fileno()
    except (OSError, ValueError) as exc:  # (io.UnsupportedOperation is both)
        raise _named(func, type(exc)(
            f"{argname} ({type(file).__name__}) has no file descriptor ({exc}); {hint}")) from None
    return file


def fromfile(file, dtype=float, count=-1, sep="", offset=0, *, device=None):
    """A 1-d tensor of the values in ``file`` (NumPy's ``fromfile``): raw bytes of
    ``dtype`` when ``sep`` is ``''``, else text items separated by ``sep``; ``count``
    items (all when -1) after ``offset`` bytes. The file has no header: its dtype and
    byte order are the caller's to know (``save``/``load`` keep them)."""
    func = "bridge.fromfile"
    _open_file_arg(func, file, "file", "read")
    dtype = _dtype_arg(func, dtype)
    count, offset = _dispatch.integer(func, count, "count"), _dispatch.integer(func, offset, "offset")
    if not isinstance(sep, str):
        raise TypeError(f"{func}: sep must be a str, got {type(sep).__name__}")
    target = _Target(func, device)
    raw = _call(func, np.fromfile, file, dtype=dtype, count=count, sep=sep, offset=offset)
    return _result(raw, target, func)


def fromstring(string, dtype=float, count=-1, *, sep="", like=None, device=None):
    """A 1-d tensor of the numbers in the text ``string`` separated by ``sep``
    (NumPy's ``fromstring``: ``count`` items, all when -1). ``sep=''`` is NumPy's removed
    binary mode: ``bridge.frombuffer`` reads raw bytes."""
    func = "bridge.fromstring"
    if like is not None:
        raise TypeError(f"{func}: like= is NumPy's protocol for other array types; "
                        "bridge makes a Tensor (device= places it)")
    if not isinstance(string, (str, bytes)):
        raise TypeError(f"{func}: string must be a str or bytes, got {type(string).__name__}")
    if not isinstance(sep, str):
        raise TypeError(f"{func}: sep must be a str, got {type(sep).__name__}")
    if sep == "":
        raise ValueError(f"{func}: the binary mode (sep='') is gone from NumPy; "
                         "bridge.frombuffer(data, dtype) reads raw bytes")
    dtype = _dtype_arg(func, dtype)
    count = _dispatch.integer(func, count, "count")
    target = _Target(func, device)
    raw = _call(func, np.fromstring, string, dtype=dtype, count=count, sep=sep)
    return _result(raw, target, func)


def tofile(self, fid, sep="", format="%s"):  # noqa: A002 - NumPy's names
    """Write the elements in C order to ``fid`` (a file name or an open file), as
    NumPy's ``ndarray.tofile``: raw bytes when ``sep`` is ``''``, else text with
    ``sep`` between items, each formatted by ``format``; a GPU tensor is copied to the
    host. ``bridge.fromfile`` reads it back (with the dtype)."""
    func = "Tensor.tofile"
    if not isinstance(self, _dispatch.TENSOR):
        raise TypeError(f"{func}: needs a Tensor, got {type(self).__name__}")
    _open_file_arg(func, fid, "fid", "write")
    if not isinstance(sep, str) or not isinstance(format, str):
        raise TypeError(f"{func}: sep and format must be str, got {type(sep).__name__} and "
                        f"{type(format).__name__}")
    _call(func, _host(self, func).tofile, fid, sep=sep, format=format)

"""``bridge.nditer``: NumPy's multi-dimensional iterator over tensors.

NumPy's own ``numpy.nditer`` walks the tensors' host memory, so the order, the
broadcasting, the flags (``multi_index``, ``c_index``, ``f_index``, ``external_loop``,
``buffered``, ``refs_ok``, ``zerosize_ok``, ...), the per-operand flags, ``op_dtypes``
with ``casting``, ``op_axes``, ``itershape`` and every error are NumPy's. What bridge
adds is the Tensor on both sides:

* each operand is a Tensor; host data (a NumPy array, a list, a number) becomes a CPU
  tensor over the same memory whatever the default device, so writes land in a NumPy
  array as NumPy's iterator's do; ``None`` is an output the iterator allocates (on the
  given Tensors' device), a Tensor in ``it.operands``;
* the values it yields (and ``it.value``, ``it[i]``, ``it.itviews``) are Tensors that
  view the operands' memory (0-d ones, or 1-d chunks with ``external_loop``), as
  NumPy's are arrays, so ``x[...] = v`` writes into the operand;
* a CPU tensor is iterated in place (its memory is a NumPy array); a GPU tensor is
  copied to host memory, and the host copy of each operand it writes (``readwrite``,
  ``writeonly``, allocated) goes back to the GPU tensor when the iteration ends and
  when the iterator closes (``with`` or ``close()``); the values yielded for a GPU
  operand are CPU tensors over that copy;
* autograd sees no write of the iterator, so an operand it writes must not require
  grad while grad mode is on (RuntimeError, as for in-place writes into a leaf that
  requires grad); under ``bridge.no_grad()`` the write bumps the tensor's version,
  as an in-place write does.

With no Tensor among the operands and data beyond the 13 dtypes (strings, dates,
objects), ``bridge.nditer`` is ``numpy.nditer`` itself (bridge/_ops/beyond.py).
"""

from __future__ import annotations

import contextlib
import inspect

import numpy as np

from .. import _dispatch
from .._device import CPU
from .._dispatch import PY_SCALARS
from .._dtypes import normalize_dtype
from .._registry import ops as B
from . import beyond

_WRITE_FLAGS = frozenset({"readwrite", "writeonly"})


@contextlib.contextmanager
def _named(name):
    """NumPy's errors raised under ``name`` (``nditer``, ``nditer.index``), same type."""
    try:
        yield
    except (TypeError, ValueError, IndexError) as exc:
        raise _dispatch.name_the_function(name, exc) from None


def _per_op_flags(op_flags, nop):
    """The op_flags of each operand as NumPy reads them (None where NumPy will refuse
    the argument itself: it says why)."""
    if op_flags is None:
        return None
    if isinstance(op_flags, (list, tuple)) and op_flags and all(
            isinstance(f, str) for f in op_flags):
        return [tuple(op_flags)] * nop
    if isinstance(op_flags, (list, tuple)) and len(op_flags) == nop and all(
            isinstance(f, (list, tuple)) for f in op_flags):
        return [tuple(f) for f in op_flags]
    return None


def _check_op_dtypes(op_dtypes, nop):
    if op_dtypes is None:
        return None
    values = op_dtypes if isinstance(op_dtypes, (list, tuple)) else [op_dtypes] * nop
    return [None if d is None else normalize_dtype(d, "nditer", "op_dtypes") for d in values]


def _operand(x, func):
    """An operand as a Tensor: host data (NumPy arrays, sequences, numbers) as a CPU tensor
    over the same memory, whatever the default device (the iterator writes where NumPy
    would); anything else as ``asarray`` converts it."""
    if x is None or isinstance(x, _dispatch.TENSOR):
        return x
    if isinstance(x, (np.ndarray, np.generic, list, tuple)) or x.__class__ in PY_SCALARS:
        try:
            return B.asarray(x, device=CPU)
        except (TypeError, ValueError, OverflowError):
            pass  # as_tensor says why, naming nditer
    return _dispatch.as_tensor(x, func, "op")


def _host_copy(t):
    """A host copy of GPU tensor ``t`` with ``t``'s memory order (the order of its axes by
    stride, the reversed ones reversed), so ``order='K'`` walks it as NumPy walks memory."""
    strides = t._data.strides
    flipped = tuple(i for i, s in enumerate(strides) if s < 0)
    perm = tuple(sorted(range(t.ndim), key=lambda i: -abs(strides[i])))
    x = B.flip(t, axis=flipped) if flipped else t
    x = B.permute_dims(x, perm)
    host = x.to_device("cpu")._data  # an explicit copy to host memory, C order
    host = host.transpose(np.argsort(perm))
    return np.flip(host, flipped) if flipped else host


def _refuse_grad(t):
    """An operand the iterator writes: autograd cannot see the writes."""
    autograd = _dispatch.AUTOGRAD
    meta = t._meta
    if autograd is None or meta is None or not autograd.MODE.grad:
        return
    autograd.check_inplace_target(t, "nditer")  # a leaf that requires grad: its error
    if meta.requires_grad:
        raise RuntimeError(
            "bridge.autograd: nditer writes in place into a tensor that requires grad, and "
            "autograd does not record the iterator's writes; iterate under "
            "`with bridge.no_grad():` or write into a copy"
        )


class nditer:  # noqa: N801 - NumPy's name
    """NumPy's ``nditer`` over bridge tensors (see the module's docstring)."""

    __slots__ = ("_it", "_operands", "_hosts", "_upload", "_closed")

    def __new__(cls, op, flags=None, op_flags=None, op_dtypes=None, order="K",
                casting="safe", op_axes=None, itershape=None, buffersize=0):
        args = (op, flags, op_flags, op_dtypes, order, casting, op_axes, itershape, buffersize)
        try:
            return cls._make(*args)
        except TypeError:
            is_numpy, it = beyond.numpy_call("nditer", _SIGNATURE, args, {})
            if is_numpy:
                return it  # NumPy's data beyond the 13 dtypes, no Tensor: NumPy's iterator
            raise

    @classmethod
    def _make(cls, op, flags, op_flags, op_dtypes, order, casting, op_axes, itershape,
              buffersize):
        func = "nditer"
        single = not isinstance(op, (list, tuple))
        items = [op] if single else list(op)
        tensors = [_operand(x, func) for x in items]
        given = [t for t, x in zip(tensors, items) if isinstance(x, _dispatch.TENSOR)]
        if len(given) > 1:
            _dispatch.same_device(func, given)
        # the device of the Tensors given (host data stays in host memory), for the outputs
        device = given[0].device if given else CPU
        nop = len(items)
        per_op = _per_op_flags(op_flags, nop)
        dtypes = _check_op_dtypes(op_dtypes, nop)
        hosts = []
        writes = []
        for i, t in enumerate(tensors):
            flags_i = per_op[i] if per_op is not None else (
                ("writeonly", "allocate") if t is None else ("readonly",))
            writes.append(t is None or bool(_WRITE_FLAGS.intersection(flags_i)))
            if t is None:
                hosts.append(None)
                continue
            if writes[i]:
                _refuse_grad(t)
            data = t._data
            if data.__class__ is not np.ndarray:
                data = _host_copy(t)
            elif not writes[i] and data.flags.writeable:
                data = data.view()  # values of a read-only operand cannot be written
                data.flags.writeable = False
            hosts.append(data)
        with _named(func):
            it = np.nditer(hosts if not single else hosts[0], flags=flags, op_flags=op_flags,
                           op_dtypes=dtypes, order=order, casting=casting, op_axes=op_axes,
                           itershape=itershape, buffersize=buffersize)
        operands = []
        upload = []
        for i, (t, iterated) in enumerate(zip(tensors, it.operands)):
            if t is None:  # allocated by NumPy: a new tensor (on the operands' device)
                hosts[i] = iterated
                if device.type == "cpu":
                    t = _dispatch.wrap(iterated)
                else:
                    t = B.empty(iterated.shape, dtype=iterated.dtype, device=device)
            elif writes[i] and _dispatch.AUTOGRAD is not None:
                _dispatch.AUTOGRAD.bump_version(t)  # written as by an in-place write
            on_host = t._data.__class__ is np.ndarray
            if on_host and iterated is not hosts[i]:
                t = _dispatch.wrap(iterated)  # NumPy's copy ('copy', 'updateifcopy')
            if writes[i] and not on_host:
                upload.append(i)
            operands.append(t)
        self = object.__new__(cls)
        self._it = it
        self._operands = tuple(operands)
        self._hosts = hosts
        self._upload = tuple(upload)
        self._closed = False
        return self

    # ------------------------------------------------------------ values

    @staticmethod
    def _wrap(value):
        if isinstance(value, tuple):
            return tuple(_dispatch.wrap(v) for v in value)
        return _dispatch.wrap(value)

    def __iter__(self):
        return self

    def __next__(self):
        try:
            value = next(self._it)
        except StopIteration:
            self._write_back()
            raise
        return self._wrap(value)

    def iternext(self):
        """Advance; False (and the writes back on a GPU) once the iteration is done."""
        with _named("nditer.iternext"):
            more = self._it.iternext()
        if not more:
            self._write_back()
        return more

    @property
    def value(self):
        with _named("nditer.value"):
            return self._wrap(self._it.value)

    def __getitem__(self, key):
        with _named("nditer.__getitem__"):
            return self._wrap(self._it[key])

    def __setitem__(self, key, value):
        if isinstance(value, _dispatch.TENSOR):
            value = value.to_device("cpu")._data
        elif isinstance(value, (list, tuple)):
            value = [v.to_device("cpu")._data if isinstance(v, _dispatch.TENSOR) else v
                     for v in value]
        with _named("nditer.__setitem__"):
            self._it[key] = value

    def __len__(self):
        return len(self._it)

    @property
    def operands(self):
        """The operands as Tensors (allocated outputs included); an error once closed."""
        with _named("nditer.operands"):
            self._it.operands  # noqa: B018 - NumPy says when it is no longer valid
        return self._operands

    @property
    def itviews(self):
        with _named("nditer.itviews"):
            return self._wrap(self._it.itviews)

    # ------------------------------------------------------------ NumPy's state

    def _state(name):  # noqa: N805 - builds the properties below
        def get(self):
            with _named(f"nditer.{name}"):
                return getattr(self._it, name)

        def set_(self, value):
            with _named(f"nditer.{name}"):
                setattr(self._it, name, value)

        return property(get, set_, doc=f"NumPy's ``nditer.{name}``.")

    multi_index = _state("multi_index")
    index = _state("index")
    iterindex = _state("iterindex")
    iterrange = _state("iterrange")
    del _state

    def _read(name):  # noqa: N805
        def get(self):
            with _named(f"nditer.{name}"):
                return getattr(self._it, name)

        return property(get, doc=f"NumPy's ``nditer.{name}``.")

    finished = _read("finished")
    has_index = _read("has_index")
    has_multi_index = _read("has_multi_index")
    has_delayed_bufalloc = _read("has_delayed_bufalloc")
    iterationneedsapi = _read("iterationneedsapi")
    itersize = _read("itersize")
    ndim = _read("ndim")
    nop = _read("nop")
    shape = _read("shape")
    dtypes = _read("dtypes")
    del _read

    def reset(self):
        with _named("nditer.reset"):
            self._it.reset()

    def remove_axis(self, i, /):
        with _named("nditer.remove_axis"):
            self._it.remove_axis(i)

    def remove_multi_index(self):
        with _named("nditer.remove_multi_index"):
            self._it.remove_multi_index()

    def enable_external_loop(self):
        with _named("nditer.enable_external_loop"):
            self._it.enable_external_loop()

    def debug_print(self):
        self._it.debug_print()

    def copy(self):
        """An independent iterator at the same position over the same operands."""
        with _named("nditer.copy"):
            it = self._it.copy()
        other = object.__new__(type(self))
        other._it = it
        other._operands = self._operands
        other._hosts = self._hosts
        other._upload = self._upload
        other._closed = False
        return other

    __copy__ = copy

    # ------------------------------------------------------------ closing

    def _write_back(self):
        """The host copies of a GPU iteration's written operands, back on the GPU."""
        for i in self._upload:
            target = self._operands[i]
            target[...] = B.asarray(self._hosts[i], device=target.device)

    def close(self):
        """Finish the writes (NumPy's buffers, then the GPU copies) and invalidate."""
        if self._closed:
            return
        self._it.close()
        self._closed = True
        self._write_back()

    def __enter__(self):
        with _named("nditer.__enter__"):
            self._it.__enter__()
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False

    def __repr__(self):
        devices = sorted({str(t.device) for t in self._operands})
        return f"bridge.nditer(nop={len(self._operands)}, devices={devices})"


def _call(op, flags=None, op_flags=None, op_dtypes=None, order="K", casting="safe",
          op_axes=None, itershape=None, buffersize=0):
    """nditer's parameters (what ``beyond.numpy_call`` reads a call with)."""


_SIGNATURE = inspect.signature(_call)

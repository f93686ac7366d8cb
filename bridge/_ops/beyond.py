"""Data beyond the 13 dtypes: NumPy's answer from NumPy's names.

bridge's Tensor holds the 13 dtypes of the Array API standard. ``import bridge as np``
code also makes strings, bytes, dates, durations, records and Python objects
(``np.array(['a', 'b'])``, ``np.zeros(3, dtype='datetime64[D]')``, ``np.unique(labels)``),
which NumPy holds. The functions named in ``ENTRY_POINTS`` give NumPy's result for
such a call (a ``numpy.ndarray``, a NumPy scalar, or a tuple of them): the call's
arguments hold such data or its ``dtype`` asks for it, and it holds no Tensor. A call
holding both a Tensor and such data raises TypeError naming the function and both:
bridge converts neither into the other silently. ``bridge.asarray``, the standard's
conversion, stays strict (libraries built on the standard call it to check their input).

The wrapper costs a Tensor call nothing but one Python frame: bridge's function runs
first, and only when it refuses the call (TypeError or ValueError, raised by its
argument checks before it does anything) are the arguments examined.
"""

from __future__ import annotations

import datetime
import functools
import inspect

import numpy as np

from .. import _dispatch
from .._device import parse_device
from .._host import BEYOND_KINDS, describe_beyond

# parameters whose string values are options, not data (``side='left'``)
_OPTIONS = frozenset({"order", "kind", "side", "mode", "casting", "method", "indexing",
                      "bitorder", "subok", "like", "flags", "op_flags", "op_axes",
                      "itershape", "trim"})
_PY_DATA = (str, bytes, datetime.date, datetime.timedelta)
_CONTAINERS = (list, tuple, np.ndarray, np.generic)


class _Found:
    __slots__ = ("tensor", "beyond")

    def __init__(self):
        self.tensor = None  # the first Tensor met
        self.beyond = None  # a description of the first such data met


def _beyond_dtype(dtype):
    """The NumPy dtype ``dtype`` names when it is beyond the 13 (else None)."""
    if dtype is None:
        return None
    try:
        dt = np.dtype(dtype)
    except (TypeError, ValueError):
        return None
    return dt if dt.kind in BEYOND_KINDS else None


def _scan(value, found: _Found, top: bool) -> None:
    """Note in ``found`` the Tensors and the data beyond the 13 dtypes in ``value``."""
    if isinstance(value, _dispatch.TENSOR):
        if found.tensor is None:
            found.tensor = value
        return
    if isinstance(value, (np.ndarray, np.generic)):
        if value.dtype.kind in BEYOND_KINDS and found.beyond is None:
            found.beyond = describe_beyond(value)
        return
    if isinstance(value, (list, tuple)):
        tensor = _dispatch.TENSOR
        if any(isinstance(item, _CONTAINERS) or isinstance(item, tensor) for item in value):
            for item in value:  # a sequence of arrays (concatenate's): each one
                _scan(item, found, False)
        elif value and found.beyond is None:
            # a sequence of scalars: NumPy's reading says what it holds
            try:
                dt = np.asarray(value).dtype
            except Exception:  # noqa: BLE001 - not NumPy data either
                return
            if dt.kind in BEYOND_KINDS:
                found.beyond = f"a {type(value).__name__} that NumPy reads as dtype {dt}"
        return
    if top and isinstance(value, _PY_DATA) and found.beyond is None:
        found.beyond = f"{type(value).__name__} {value!r}"


def examine(signature, args, kwargs) -> _Found:
    """The Tensors and the data beyond the 13 dtypes in a call's arguments."""
    try:
        bound = signature.bind_partial(*args, **kwargs).arguments
    except TypeError:
        bound = dict(enumerate(args), **kwargs)
    return _examine_bound(bound, _Found())


def _examine_bound(bound, found: _Found) -> _Found:
    for name, value in bound.items():
        if name in _OPTIONS or name in ("device", "requires_grad"):
            continue
        if name in ("dtype", "op_dtypes"):
            values = value if name == "op_dtypes" and isinstance(value, (list, tuple)) \
                else (value,)
            for v in values:
                dt = _beyond_dtype(v)
                if dt is not None and found.beyond is None:
                    found.beyond = f"{name}={dt} (a dtype beyond the 13)"
            continue
        if name == "fill_value" and not isinstance(value, (_dispatch.TENSOR, list, tuple)):
            # any Python object fills NumPy's object array (``full(3, None)``)
            try:
                dt = np.asarray(value).dtype
            except Exception:  # noqa: BLE001 - not NumPy data either
                continue
            if dt.kind in BEYOND_KINDS and found.beyond is None:
                found.beyond = f"fill_value={value!r} (NumPy's dtype {dt})"
            continue
        if isinstance(value, dict):  # **kwargs
            for v in value.values():
                _scan(v, found, True)
        else:
            _scan(value, found, True)
    return found


def mixing_error(func, found: _Found) -> TypeError:
    """The TypeError of a call that holds a Tensor and data beyond the 13 dtypes."""
    t = found.tensor
    return TypeError(
        f"{func}: cannot combine a bridge Tensor (dtype {t.dtype}, on {t.device}) with "
        f"{found.beyond}: a Tensor holds only the 13 dtypes of the Array API standard, and "
        "bridge converts neither into the other silently; keep such data in NumPy "
        "(bridge's NumPy names return a numpy.ndarray for it), or convert one side "
        "explicitly (ndarray.astype(...) to a numeric dtype, numpy.asarray(tensor) on the CPU)"
    )


def refuse_beyond(func, tensor, **arguments) -> None:
    """The mixing TypeError where a function of Tensor ``tensor`` that goes on without
    passing the tensor along (``empty_like(x, shape=...)`` calls ``empty``) is asked for
    data beyond the 13 dtypes (``dtype=``, ``fill_value=``)."""
    found = _Found()
    found.tensor = tensor
    if _examine_bound(arguments, found).beyond is not None:
        raise mixing_error(func, found)


def _host_only(func, kwargs):
    """Drop bridge's ``device`` and ``requires_grad`` from a NumPy call: such data
    lives in host memory only, and autograd has nothing to track in it."""
    kwargs = dict(kwargs)
    device = kwargs.pop("device", None)
    if device is not None and parse_device(device, func).type != "cpu":
        raise TypeError(f"{func}: data beyond the 13 dtypes lives in NumPy arrays in host "
                        f"memory; device={device!r} cannot hold it")
    if kwargs.pop("requires_grad", False):
        raise TypeError(f"{func}: requires_grad=True needs a floating-point or complex "
                        "dtype; autograd does not track data beyond the 13 dtypes")
    return kwargs


def _call_numpy(func, numpy_func, args, kwargs):
    """NumPy's call; its bad-input errors keep their type and name ``func``."""
    try:
        return numpy_func(*args, **kwargs)
    except AttributeError as exc:  # NumPy's word for an argument that is no array
        raise TypeError(f"{func}: {exc}") from None
    except (TypeError, ValueError, IndexError, OverflowError, MemoryError) as exc:
        named = _dispatch.name_the_function(func, exc)
        if not str(named).startswith(func):  # (AxisError keeps its message elsewhere)
            try:
                renamed = type(exc)(f"{func}: {exc}")
            except Exception:  # noqa: BLE001 - a constructor taking other arguments
                renamed = None
            if type(renamed) is type(exc):
                named = renamed
        raise named from None


def _sort(numpy_name):
    """NumPy's sort/argsort for the standard's ``descending`` and ``stable``."""
    numpy_func = getattr(np, numpy_name)

    def call(x, /, *, axis=-1, descending=False, stable=True):
        if not descending:
            return numpy_func(x, axis=axis, kind="stable" if stable else None)
        if axis is None:
            x, axis = np.ravel(x), -1
        x = np.asarray(x)
        flipped = np.flip(x, axis=axis)
        out = np.flip(numpy_func(flipped, axis=axis, kind="stable"), axis=axis)
        if numpy_name == "argsort":  # positions in x, equal values in their order in x
            out = x.shape[axis] - 1 - out
        return out

    return call


# bridge function name -> NumPy's function with the same call (None: NumPy's own name)
ENTRY_POINTS = {
    # creation (the standard's names and NumPy's)
    "array": None, "asanyarray": None, "ascontiguousarray": None,
    "asfortranarray": None, "fromiter": None,
    "frombuffer": None, "zeros": None, "ones": None, "empty": None, "full": None,
    "arange": None, "zeros_like": None, "ones_like": None, "empty_like": None,
    "full_like": None, "copy": None, "astype": None,
    # joining, reshaping, ordering, sets, searching
    "concat": None, "concatenate": None, "stack": None, "hstack": None, "vstack": None,
    "append": None, "reshape": None, "ravel": None, "transpose": None, "flip": None,
    "roll": None, "take": None, "expand_dims": None, "squeeze": None,
    "broadcast_to": None, "repeat": None, "tile": None, "atleast_1d": None,
    "sort": _sort("sort"), "argsort": _sort("argsort"), "unique": None,
    "unique_values": None, "unique_counts": None, "unique_inverse": None,
    "unique_all": None, "intersect1d": None, "union1d": None, "setdiff1d": None,
    "isin": None, "searchsorted": None, "lexsort": None, "where": None, "array_equal": None,
    "max": None, "min": None, "argmax": None, "argmin": None,
    # NumPy's other names that label arrays go through (np.setxor1d(tags_a, tags_b),
    # np.select(conditions, ["low", "high"]), np.delete(names, 2), np.split(names, 2))
    "setxor1d": None, "select": None, "choose": None, "delete": None, "insert": None,
    "split": None, "array_split": None, "hsplit": None, "vsplit": None, "dstack": None,
    "column_stack": None, "flipud": None, "fliplr": None, "rot90": None,
    "atleast_2d": None, "atleast_3d": None, "diag": None, "resize": None,
    "trim_zeros": None, "compress": None, "extract": None, "swapaxes": None,
}


def with_numpy_data(name, fn):
    """``fn`` (bridge function ``name``) that gives NumPy's result for data beyond the
    13 dtypes, and a clear TypeError where such data meets a Tensor."""
    numpy_func = ENTRY_POINTS[name] or getattr(np, name)
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def call(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (TypeError, ValueError) as exc:
            found = examine(signature, args, kwargs)
            if found.beyond is None:
                raise
            if found.tensor is not None:
                raise mixing_error(name, found) from exc
        return _call_numpy(name, numpy_func, args, _host_only(name, kwargs))

    return call


def numpy_call(name, signature, args, kwargs):
    """For a class such as nditer: ``(True, NumPy's result)`` when the call is NumPy's,
    ``(False, None)`` when it is bridge's; TypeError where it mixes."""
    found = examine(signature, args, kwargs)
    if found.beyond is None:
        return False, None
    if found.tensor is not None:
        raise mixing_error(name, found)
    return True, _call_numpy(name, getattr(np, name), args, _host_only(name, kwargs))


# NumPy's scalar types of such data, as ``bridge.<name>`` (``np.array(x, dtype=np.str_)``,
# ``np.datetime64('2024-01-01')``), and their abstract types (``issubdtype``)
SCALAR_TYPES = {
    "str_": np.str_, "bytes_": np.bytes_, "datetime64": np.datetime64,
    "timedelta64": np.timedelta64, "object_": np.object_, "void": np.void,
    "character": np.character, "flexible": np.flexible,
}

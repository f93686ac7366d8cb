"""Host values as NumPy arrays: the dtype the standard gives a Python scalar or a
nested sequence of them, and the checked NumPy array of a host value.

Base layer: the creation functions and every backend's ``asarray`` (the cupy backend
builds a GPU array from the same host array) use these, so they sit below both.
"""

from __future__ import annotations

import builtins

import numpy as np

from ._dtypes import ALL_DTYPES, DEFAULT_COMPLEX, DEFAULT_FLOAT, DEFAULT_INT

PY_SCALARS = (builtins.bool, int, float, complex)
_SUPPORTED = frozenset(ALL_DTYPES)

# NumPy's dtype kinds of the data no Tensor holds: strings (U, T), bytes (S),
# datetime64 (M), timedelta64 (m), objects (O), structured and raw records (V).
# bridge's NumPy names give NumPy's results for such data (bridge/_ops/beyond.py).
BEYOND_KINDS = frozenset("USTMmOV")


def describe_beyond(value) -> str:
    """How an error message names a NumPy array or scalar of such data."""
    if isinstance(value, np.ndarray):
        return f"a numpy.ndarray of dtype {value.dtype}"
    return f"a numpy.{type(value).__name__} scalar"


def default_dtype_of_scalar(value):
    if isinstance(value, np.generic) and value.dtype.kind in BEYOND_KINDS:
        # (NumPy's timedelta64 is a signedinteger: no silent int64)
        raise TypeError(f"unsupported scalar {value!r}: no Tensor holds dtype {value.dtype}")
    if isinstance(value, np.generic) and value.dtype in ALL_DTYPES:
        return value.dtype  # a NumPy scalar keeps its dtype (np.full(3, np.float32(1.5)))
    if value.__class__ is builtins.bool or isinstance(value, np.bool_):
        return np.dtype(bool)
    if isinstance(value, (int, np.integer)):
        return DEFAULT_INT
    if isinstance(value, (float, np.floating)):
        return DEFAULT_FLOAT
    if isinstance(value, (complex, np.complexfloating)):
        return DEFAULT_COMPLEX
    raise TypeError(f"unsupported scalar {value!r}")


def sequence_dtype(seq):
    """Default dtype of a nested sequence of Python scalars, by the standard's defaults;
    None lets NumPy decide (sequences holding arrays)."""
    kinds = set()
    stack = [seq]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
        elif item.__class__ in PY_SCALARS:
            kinds.add(item.__class__)
        else:
            return None
    if complex in kinds:
        return DEFAULT_COMPLEX
    if float in kinds:
        return DEFAULT_FLOAT
    if int in kinds:
        return DEFAULT_INT
    if builtins.bool in kinds:
        return np.dtype(bool)
    return DEFAULT_FLOAT  # an empty list: the default floating dtype


def host_array(obj, dtype, copy, func):
    """``obj`` as a NumPy array (CPU memory), sharing memory where it can."""
    try:
        if copy is True:
            arr = np.array(obj, dtype=dtype, copy=True)
        else:
            arr = np.asarray(obj, dtype=dtype, copy=copy)
    except ValueError as exc:
        if copy is False:
            raise ValueError(f"{func}: copy=False, but this input needs a copy ({exc})") from None
        raise ValueError(f"{func}: cannot convert {type(obj).__name__} to a tensor ({exc})") from None
    except OverflowError as exc:
        raise OverflowError(f"{func}: {exc}") from None
    if type(arr) is not np.ndarray:
        arr = arr.view(np.ndarray)
    if arr.dtype not in _SUPPORTED:
        if not arr.dtype.isnative and arr.dtype.newbyteorder("=") in _SUPPORTED:
            if copy is False:
                raise ValueError(f"{func}: copy=False, but byte-swapped input needs a copy")
            return arr.astype(arr.dtype.newbyteorder("="))
        if dtype is None and arr.dtype.kind in "fc" and arr.dtype.itemsize < 4 and copy is not False:
            # float16 and friends are not in the standard: widen as NumPy users expect
            return arr.astype(np.float32 if arr.dtype.kind == "f" else np.complex64)
        hint = ""
        if arr.dtype.kind in BEYOND_KINDS:
            hint = (" (bridge.array and bridge's other NumPy names return a numpy.ndarray for "
                    "such data; the standard's bridge.asarray refuses it)")
        raise TypeError(
            f"{func}: cannot make a tensor of dtype {arr.dtype}; bridge supports the 13 dtypes "
            f"of the Array API standard{hint}"
        )
    return arr

"""The 13 dtypes of the Array API standard, their categories and promotion.

bridge's dtype objects *are* NumPy's ``numpy.dtype`` instances, so NumPy, Dask and
every library that already understands NumPy dtypes understands bridge's.

Promotion follows the standard's table wherever the standard defines it, and NumPy
where the standard leaves a pair open (mixed kinds such as ``int8 + float32`` or
``uint64 + int64``), because bridge's users come from NumPy.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass

import numpy as np

bool = np.dtype("bool")  # noqa: A001 - the standard names it so
int8 = np.dtype("int8")
int16 = np.dtype("int16")
int32 = np.dtype("int32")
int64 = np.dtype("int64")
uint8 = np.dtype("uint8")
uint16 = np.dtype("uint16")
uint32 = np.dtype("uint32")
uint64 = np.dtype("uint64")
float32 = np.dtype("float32")
float64 = np.dtype("float64")
complex64 = np.dtype("complex64")
complex128 = np.dtype("complex128")

BOOL_DTYPES = (bool,)
SIGNED_INT_DTYPES = (int8, int16, int32, int64)
UNSIGNED_INT_DTYPES = (uint8, uint16, uint32, uint64)
INT_DTYPES = SIGNED_INT_DTYPES + UNSIGNED_INT_DTYPES
REAL_FLOAT_DTYPES = (float32, float64)
COMPLEX_DTYPES = (complex64, complex128)
FLOAT_DTYPES = REAL_FLOAT_DTYPES + COMPLEX_DTYPES
REAL_DTYPES = INT_DTYPES + REAL_FLOAT_DTYPES
NUMERIC_DTYPES = REAL_DTYPES + COMPLEX_DTYPES
ALL_DTYPES = BOOL_DTYPES + NUMERIC_DTYPES

# Dtype categories used by the op registry: the names follow the standard's text
# ("Should have a floating-point data type", ...). Frozensets for O(1) membership.
CATEGORIES: dict[str, frozenset] = {
    "any": frozenset(ALL_DTYPES),
    "bool": frozenset(BOOL_DTYPES),
    "integer": frozenset(INT_DTYPES),
    "integer or boolean": frozenset(INT_DTYPES + BOOL_DTYPES),
    "real-valued": frozenset(REAL_DTYPES),
    "real-valued floating-point": frozenset(REAL_FLOAT_DTYPES),
    "floating-point": frozenset(FLOAT_DTYPES),
    "complex floating-point": frozenset(COMPLEX_DTYPES),
    "numeric": frozenset(NUMERIC_DTYPES),
}

_SUPPORTED = frozenset(ALL_DTYPES)

# complex <-> real of the same precision
REAL_OF_COMPLEX = {complex64: float32, complex128: float64}
COMPLEX_OF_REAL = {float32: complex64, float64: complex128}

DEFAULT_FLOAT = float64
DEFAULT_COMPLEX = complex128
DEFAULT_INT = int64
DEFAULT_INDEX = int64


def is_supported(dtype) -> builtins.bool:
    return dtype in _SUPPORTED


# NumPy 2 gives each dtype its own class (Float32DType, ...)
_DTYPE_CLASSES = frozenset(d.__class__ for d in ALL_DTYPES)


def normalize_dtype(dtype, func: str, argname: str = "dtype"):
    """Return bridge's dtype object for ``dtype`` or raise TypeError.

    Accepts bridge/NumPy dtype objects, and (as a NumPy convenience) dtype names and
    NumPy scalar types such as ``numpy.float32``; anything outside the 13 dtypes of
    the standard is refused.
    """
    if dtype.__class__ not in _DTYPE_CLASSES:
        # Python's own bool/int/float/complex are not dtypes in the standard; NumPy
        # users pass them, so map them as NumPy would (to the default dtypes).
        try:
            dtype = np.dtype(dtype)
        except TypeError:
            raise TypeError(f"{func}: {argname}={dtype!r} is not a dtype") from None
    if dtype not in _SUPPORTED:
        raise TypeError(
            f"{func}: {argname}={dtype} is not one of the 13 dtypes of the Array API "
            f"standard ({', '.join(d.name for d in ALL_DTYPES)})"
        )
    return dtype


# ---------------------------------------------------------------- isdtype

_KIND_NAMES = {
    "bool": frozenset(BOOL_DTYPES),
    "signed integer": frozenset(SIGNED_INT_DTYPES),
    "unsigned integer": frozenset(UNSIGNED_INT_DTYPES),
    "integral": frozenset(INT_DTYPES),
    "real floating": frozenset(REAL_FLOAT_DTYPES),
    "complex floating": frozenset(COMPLEX_DTYPES),
    "numeric": frozenset(NUMERIC_DTYPES),
}


def isdtype(dtype, kind) -> builtins.bool:
    """Whether ``dtype`` is of the given kind (a dtype, a kind name, or a tuple of them).
    NumPy's scalar types (``numpy.float64``) stand for their dtypes, as in NumPy."""
    dtype = _scalar_type_dtype(dtype)
    if not isinstance(dtype, np.dtype):
        raise TypeError(f"isdtype: dtype={dtype!r} is not a dtype")
    kind = _scalar_type_dtype(kind)
    if isinstance(kind, tuple):
        return any(isdtype(dtype, k) for k in kind)
    if isinstance(kind, str):
        try:
            return dtype in _KIND_NAMES[kind]
        except KeyError:
            raise ValueError(
                f"isdtype: unknown kind {kind!r}; expected one of {sorted(_KIND_NAMES)}"
            ) from None
    if isinstance(kind, np.dtype):
        return dtype == kind
    raise TypeError(f"isdtype: kind={kind!r} must be a dtype, a kind name or a tuple of them")


def _scalar_type_dtype(x):
    if isinstance(x, type) and issubclass(x, np.generic) and x is not np.generic:
        try:
            return np.dtype(x)
        except TypeError:
            return x
    return x


# ---------------------------------------------------------------- finfo / iinfo


@dataclass(frozen=True)
class finfo_object:  # noqa: N801 - the standard calls the result a "finfo object"
    bits: int
    eps: float
    max: float
    min: float
    smallest_normal: float
    dtype: np.dtype

    def __repr__(self):
        return (
            f"finfo(bits={self.bits}, eps={self.eps!r}, max={self.max!r}, min={self.min!r}, "
            f"smallest_normal={self.smallest_normal!r}, dtype={self.dtype})"
        )


@dataclass(frozen=True)
class iinfo_object:  # noqa: N801
    bits: int
    max: int
    min: int
    dtype: np.dtype

    def __repr__(self):
        return f"iinfo(bits={self.bits}, max={self.max}, min={self.min}, dtype={self.dtype})"


def _dtype_of(type, func):
    # finfo/iinfo accept a dtype or an array (anything with .dtype)
    # (a NumPy scalar type such as numpy.float32 is a dtype, not an array)
    dt = type if isinstance(type, builtins.type) else getattr(type, "dtype", type)
    return normalize_dtype(dt, func, "type")


def finfo(type, /) -> finfo_object:
    """Machine limits of a floating-point dtype, as Python floats (not NumPy scalars).

    For a complex dtype the limits are those of its real component, and ``dtype``
    is that real dtype, as the standard says.
    """
    dt = _dtype_of(type, "finfo")
    if dt not in FLOAT_DTYPES:
        raise TypeError(f"finfo: {dt} is not a floating-point dtype; use iinfo for integers")
    real = REAL_OF_COMPLEX.get(dt, dt)
    info = np.finfo(real)
    return finfo_object(
        bits=int(info.bits),
        eps=float(info.eps),
        max=float(info.max),
        min=float(info.min),
        smallest_normal=float(info.smallest_normal),
        dtype=real,
    )


def iinfo(type, /) -> iinfo_object:
    """Machine limits of an integer dtype, as Python ints."""
    dt = _dtype_of(type, "iinfo")
    if dt not in INT_DTYPES:
        raise TypeError(f"iinfo: {dt} is not an integer dtype; use finfo for floating point")
    info = np.iinfo(dt)
    return iinfo_object(bits=int(info.bits), max=int(info.max), min=int(info.min), dtype=dt)


# ---------------------------------------------------------------- promotion

_PY_SCALARS = (builtins.bool, int, float, complex)


def result_type_of(func: str, *arrays_and_dtypes):
    """Promotion for ``result_type``: dtypes, Tensors (anything with ``.dtype``) and
    Python scalars (2024.12), with Python scalars weak as in the standard."""
    dtypes = []
    scalars = []
    for a in arrays_and_dtypes:
        if isinstance(a, (np.dtype, type)):  # a dtype, or a scalar type standing for one
            dtypes.append(normalize_dtype(a, func, "arrays_and_dtypes"))
        elif a.__class__ in _PY_SCALARS:
            scalars.append(a)
        elif hasattr(a, "dtype"):
            dtypes.append(normalize_dtype(a.dtype, func, "arrays_and_dtypes"))
        else:
            raise TypeError(
                f"{func}: expected dtypes, arrays or Python scalars, got {type(a).__name__}"
            )
    if not dtypes:
        if not scalars:
            raise ValueError(f"{func}: at least one array or dtype is required")
        # The standard requires at least one array or dtype when scalars are given; a
        # ValueError, as for no argument at all (NumPy's and array-api-strict's type:
        # SciPy catches it to fall back to the default dtype)
        raise ValueError(f"{func}: Python scalars alone have no dtype; pass at least one "
                         "array or dtype")
    result = dtypes[0]
    for d in dtypes[1:]:
        result = np.promote_types(result, d)
    for s in scalars:
        result = scalar_result_dtype(func, result, s)
    return result


def scalar_result_dtype(func: str, dtype, scalar):
    """dtype of ``array <op> scalar``: the array's dtype when the scalar's kind fits it.

    NEP 50 (NumPy 2) treats Python scalars as weak, exactly as the standard does for
    matching kinds; mixed kinds (a float scalar with an integer array) follow NumPy.
    """
    kind = dtype.kind
    if scalar.__class__ is builtins.bool:
        return dtype
    if scalar.__class__ is int:
        return DEFAULT_INT if kind == "b" else dtype
    if scalar.__class__ is float:
        return dtype if kind in "fc" else DEFAULT_FLOAT
    if scalar.__class__ is complex:
        if kind == "c":
            return dtype
        if kind == "f":
            return COMPLEX_OF_REAL[dtype]
        return DEFAULT_COMPLEX
    raise TypeError(f"{func}: unsupported scalar type {type(scalar).__name__}")


def can_cast(from_, to, /) -> builtins.bool:
    """Whether ``from_`` can be cast to ``to`` by the promotion rules (NumPy's 'safe')."""
    f = _dtype_of(from_, "can_cast")
    t = normalize_dtype(to, "can_cast", "to")
    return builtins.bool(np.can_cast(f, t, casting="safe"))

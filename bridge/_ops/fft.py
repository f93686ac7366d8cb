"""The fft extension of the Array API standard 2025.12 (``bridge.fft``).

Each function checks its input dtype as the standard states it (``fft``, ``ifft``,
``fftn``, ``ifftn``, ``irfft``, ``irfftn`` and ``hfft`` take complex input; ``rfft``,
``rfftn`` and ``ihfft`` real floating input), resolves ``n``/``s``/``axes`` to concrete
lengths and axes, and calls the kernel of the same name
(``bridge/backends/_linalg_fft.py``). Precision is kept: complex64 in gives complex64
out, ``rfft`` of float32 gives complex64, ``irfft`` of complex64 gives float32.

Input dtypes outside the standard's ("should have a complex floating-point dtype")
are widened where that loses nothing, as NumPy does: ``fft`` of a real tensor is the
``fft`` of its complex cast. ``rfft`` of a complex tensor is a TypeError.
"""

from __future__ import annotations

import builtins
import operator

import numpy as np

from .. import _dispatch
from .._device import parse_device
from .._dtypes import CATEGORIES, DEFAULT_FLOAT, normalize_dtype
from .._registry import Op, ops
from ..backends import state

_COMPLEX = CATEGORIES["complex floating-point"]
_REAL_FLOAT = CATEGORIES["real-valued floating-point"]
_FLOAT = CATEGORIES["floating-point"]

_NORMS = ("backward", "ortho", "forward")

# input dtype category of each transform, and the hint for a wrong dtype
_INPUT = {
    "fft.fft": ("complex", "use fft.rfft for real input, or astype(x, {complex})"),
    "fft.ifft": ("complex", "use fft.irfft, or astype(x, {complex})"),
    "fft.fftn": ("complex", "use fft.rfftn for real input, or astype(x, {complex})"),
    "fft.ifftn": ("complex", "use fft.irfftn, or astype(x, {complex})"),
    "fft.irfft": ("complex", "its input is the half spectrum that fft.rfft returns"),
    "fft.irfftn": ("complex", "its input is the half spectrum that fft.rfftn returns"),
    "fft.hfft": ("complex", "its input is a Hermitian half spectrum"),
    "fft.rfft": ("real", "use fft.fft for complex input"),
    "fft.rfftn": ("real", "use fft.fftn for complex input"),
    "fft.ihfft": ("real", "use fft.ifft for complex input"),
}
_CATEGORY = {"complex": (_COMPLEX, "complex floating-point"),
             "real": (_REAL_FLOAT, "real floating-point")}

# transforms whose n / s give the length of the real *output*; the input uses
# n//2 + 1 points along that axis, and the default output length is 2*(m - 1)
_HALF_SPECTRUM_INPUT = frozenset({"fft.irfft", "fft.hfft", "fft.irfftn"})


def _input(func, x):
    x = _dispatch.as_tensor(x, func)
    kind, hint = _INPUT[func]
    allowed, category = _CATEGORY[kind]
    # The standard says the input *should* have these dtypes. As NumPy and PyTorch do,
    # bridge widens what is lossless: real (or integer) input of a complex transform
    # becomes complex of the same precision, integer input of a real transform float64.
    # Complex input of a real transform stays an error: it would drop the imaginary part.
    if x.dtype not in allowed and x.dtype.kind in "biuf":
        if kind == "complex":
            target = np.dtype(np.complex64) if x.dtype == np.float32 else np.dtype(np.complex128)
            x = _dispatch.run("astype", (x,), target, True)
        elif x.dtype.kind in "biu":
            x = _dispatch.run("astype", (x,), np.dtype(np.float64), True)
    if x.dtype not in allowed:
        # the complex dtype that keeps x's precision, for the hint
        matching = "complex64" if x.dtype == np.float32 else "complex128"
        raise TypeError(
            f"{func}: x has dtype {x.dtype}, but {func} needs a {category} dtype; "
            + hint.format(complex=matching)
        )
    return x


def _norm(func, norm):
    if norm not in _NORMS:
        raise ValueError(f"{func}: norm must be 'backward', 'ortho' or 'forward', got {norm!r}")
    return norm


def _length(func, value, argname):
    """A user-given transform length: a positive int."""
    value = _dispatch.integer(func, value, argname)
    if value < 1:
        raise ValueError(f"{func}: {argname}={value} must be a positive length")
    return value


def _default_length(func, x, axis):
    """The output length along ``axis`` when n (or s[i]) is not given."""
    m = x.shape[axis]
    return 2 * (m - 1) if func in _HALF_SPECTRUM_INPUT else m


def _check_resolved(func, length, x, axis, argname):
    if length < 1:
        raise ValueError(
            f"{func}: the transform along axis {axis} would have length {length} (x has "
            f"shape {x.shape}); pass {argname} to choose a positive length"
        )


def _transform_1d(func, x, n, axis, norm):
    x = _input(func, x)
    norm = _norm(func, norm)
    if x.ndim == 0:
        raise ValueError(f"{func}: x must have at least 1 dimension, got a 0-d tensor")
    axis = _dispatch.normalize_axis(axis, x.ndim, func)
    if n is None:
        n = _default_length(func, x, axis)
        _check_resolved(func, n, x, axis, "n")
    else:
        n = _length(func, n, "n")
    return _dispatch.run(func, (_nonempty(x, (axis,)),), n=n, axis=axis, norm=norm)


def _nonempty(x, axes):
    """An input that is empty along a transformed axis, as the zeros it is padded to
    (length 1 along that axis): NumPy's pocketfft leaves such a result uninitialised,
    while the transform of an all-zero input is zero."""
    if not any(x.shape[a] == 0 for a in axes) or x.size == 0 and any(
            x.shape[a] == 0 for a in range(x.ndim) if a not in axes):
        return x
    shape = tuple(1 if a in axes and x.shape[a] == 0 else d for a, d in enumerate(x.shape))
    return ops.zeros(shape, dtype=x.dtype, device=x.device)


def _transform_nd(func, x, s, axes, norm):
    x = _input(func, x)
    norm = _norm(func, norm)
    if axes is None:
        # the standard asks callers to give axes with s; without them s applies to the
        # last len(s) axes, as in NumPy
        if s is not None:
            try:
                count = len(s)
            except TypeError:
                raise TypeError(f"{func}: s must be a sequence of ints, got {type(s).__name__}") from None
            if count > x.ndim:
                raise ValueError(f"{func}: s={tuple(s)} has more entries than x has dimensions ({x.ndim})")
            axes = tuple(range(x.ndim - count, x.ndim))
        else:
            axes = tuple(range(x.ndim))
    else:
        if isinstance(axes, (int, np.integer)):
            raise TypeError(f"{func}: axes must be a sequence of ints, got an int")
        try:
            axes = tuple(axes)
        except TypeError:
            raise TypeError(f"{func}: axes must be a sequence of ints, got {axes!r}") from None
        axes = tuple(_dispatch.normalize_axis(a, x.ndim, func, "axes") for a in axes)
        if len(set(axes)) != len(axes):
            raise ValueError(f"{func}: axes={axes} repeats an axis")
    if func in ("fft.rfftn", "fft.irfftn") and not axes:
        raise ValueError(f"{func}: needs at least one axis to transform (x has shape {x.shape})")
    if s is None:
        s = (-1,) * len(axes)
    else:
        try:
            s = tuple(s)
        except TypeError:
            raise TypeError(f"{func}: s must be a sequence of ints, got {s!r}") from None
        if len(s) != len(axes):
            raise ValueError(f"{func}: s={s} and axes={axes} must have the same length")
    lengths = []
    last = len(axes) - 1
    for i, (size, axis) in enumerate(zip(s, axes)):
        if isinstance(size, (int, np.integer)) and not isinstance(size, builtins.bool) and size == -1:
            # -1: the whole input along that axis (and, for the real output of
            # irfftn's last axis, the length 2*(m - 1) it implies)
            if i == last:
                size = _default_length(func, x, axis)
            else:
                size = x.shape[axis]
            _check_resolved(func, size, x, axis, "s")
        else:
            size = _length(func, size, f"s[{i}]")
        lengths.append(size)
    return _dispatch.run(func, (_nonempty(x, axes),), s=tuple(lengths), axes=axes, norm=norm)


# ---------------------------------------------------------------- 1-d transforms


def fft(x, /, *, n=None, axis=-1, norm="backward"):
    """One-dimensional discrete Fourier transform of complex ``x`` along ``axis``
    (trimmed or zero-padded to ``n`` points)."""
    return _transform_1d("fft.fft", x, n, axis, norm)


def ifft(x, /, *, n=None, axis=-1, norm="backward"):
    """One-dimensional inverse discrete Fourier transform of complex ``x``."""
    return _transform_1d("fft.ifft", x, n, axis, norm)


def rfft(x, /, *, n=None, axis=-1, norm="backward"):
    """Transform of real ``x``: the ``n//2 + 1`` non-negative frequencies."""
    return _transform_1d("fft.rfft", x, n, axis, norm)


def irfft(x, /, *, n=None, axis=-1, norm="backward"):
    """Inverse of ``rfft``: real output of length ``n`` (default ``2*(m - 1)``; pass
    ``n`` for an odd length)."""
    return _transform_1d("fft.irfft", x, n, axis, norm)


def hfft(x, /, *, n=None, axis=-1, norm="backward"):
    """Transform of a signal with Hermitian symmetry given by its first half: real
    output of length ``n`` (default ``2*(m - 1)``)."""
    return _transform_1d("fft.hfft", x, n, axis, norm)


def ihfft(x, /, *, n=None, axis=-1, norm="backward"):
    """Inverse of ``hfft``: the ``n//2 + 1`` first points of the inverse transform of
    real ``x``."""
    return _transform_1d("fft.ihfft", x, n, axis, norm)


# ---------------------------------------------------------------- n-d transforms


def fftn(x, /, *, s=None, axes=None, norm="backward"):
    """n-dimensional discrete Fourier transform of complex ``x`` over ``axes`` (all by
    default); ``s[i]`` is the length along ``axes[i]`` (-1: unchanged)."""
    return _transform_nd("fft.fftn", x, s, axes, norm)


def ifftn(x, /, *, s=None, axes=None, norm="backward"):
    """n-dimensional inverse discrete Fourier transform of complex ``x``."""
    return _transform_nd("fft.ifftn", x, s, axes, norm)


def rfftn(x, /, *, s=None, axes=None, norm="backward"):
    """n-dimensional transform of real ``x``; the last of ``axes`` keeps
    ``s[-1]//2 + 1`` non-negative frequencies."""
    return _transform_nd("fft.rfftn", x, s, axes, norm)


def irfftn(x, /, *, s=None, axes=None, norm="backward"):
    """Inverse of ``rfftn``: real output; the last of ``axes`` has length ``s[-1]``
    (default ``2*(m - 1)``)."""
    return _transform_nd("fft.irfftn", x, s, axes, norm)


# ---------------------------------------------------------------- helpers


def _frequencies(func, n, d, dtype, device):
    if isinstance(n, builtins.bool):
        raise TypeError(f"{func}: n must be an int, got a bool")
    try:
        n = operator.index(n)
    except TypeError:
        raise TypeError(f"{func}: n must be an int, got {type(n).__name__}") from None
    if n < 1:
        raise ValueError(f"{func}: n={n} must be a positive window length")
    if isinstance(d, builtins.bool) or not isinstance(d, (int, float, np.integer, np.floating)):
        raise TypeError(f"{func}: d must be a real number, got {type(d).__name__}")
    if d == 0:
        raise ValueError(f"{func}: d (the sample spacing) must not be zero")
    if dtype is None:
        dtype = DEFAULT_FLOAT
    else:
        dtype = normalize_dtype(dtype, func)
        if dtype not in _REAL_FLOAT:
            raise TypeError(f"{func}: dtype={dtype} must be a real floating-point dtype")
    from .numpy_extras import check_fits

    check_fits(func, n)  # (fftfreq(2**31) computed 16 GiB and was killed: the fuzzer)
    target = state().default_device if device is None else parse_device(device, func)
    return _dispatch.run_on_device(func, target, n, d=float(d), dtype=dtype)


def fftfreq(n, /, *, d=1.0, dtype=None, device=None):
    """Sample frequencies of an ``n``-point transform with sample spacing ``d``:
    ``[0, 1, ..., -2, -1] / (d*n)``; default real floating dtype unless ``dtype``."""
    return _frequencies("fft.fftfreq", n, d, dtype, device)


def rfftfreq(n, /, *, d=1.0, dtype=None, device=None):
    """Non-negative sample frequencies of an ``n``-point ``rfft``: ``n//2 + 1`` values."""
    return _frequencies("fft.rfftfreq", n, d, dtype, device)


def _shift(func, x, axes):
    x = _dispatch.as_tensor(x, func)
    _dispatch.check_dtype(func, x, _FLOAT, "floating-point")
    if axes is None:
        axes = tuple(range(x.ndim))
    else:
        axes = _dispatch.normalize_axes(axes, x.ndim, func, "axes")
    return _dispatch.run(func, (x,), axes=axes)


def fftshift(x, /, *, axes=None):
    """Move the zero-frequency term to the centre along ``axes`` (all by default)."""
    return _shift("fft.fftshift", x, axes)


def ifftshift(x, /, *, axes=None):
    """Inverse of ``fftshift`` (they differ by one sample for odd lengths)."""
    return _shift("fft.ifftshift", x, axes)


OPS = [
    Op("fft.fft", "fft", fft, "complex floating-point", True, batch="axis"),
    Op("fft.ifft", "fft", ifft, "complex floating-point", True, batch="axis"),
    Op("fft.fftn", "fft", fftn, "complex floating-point", True, batch="reduce"),
    Op("fft.ifftn", "fft", ifftn, "complex floating-point", True, batch="reduce"),
    Op("fft.rfft", "fft", rfft, "real-valued floating-point", True, batch="axis"),
    Op("fft.irfft", "fft", irfft, "complex floating-point", True, batch="axis"),
    Op("fft.rfftn", "fft", rfftn, "real-valued floating-point", True, batch="reduce"),
    Op("fft.irfftn", "fft", irfftn, "complex floating-point", True, batch="reduce"),
    Op("fft.hfft", "fft", hfft, "complex floating-point", True, batch="axis"),
    Op("fft.ihfft", "fft", ihfft, "real-valued floating-point", True, batch="axis"),
    # creation functions: no array input, no gradient
    Op("fft.fftfreq", "fft", fftfreq, None, False),
    Op("fft.rfftfreq", "fft", rfftfreq, None, False),
    Op("fft.fftshift", "fft", fftshift, "floating-point", True, batch="reduce"),
    Op("fft.ifftshift", "fft", ifftshift, "floating-point", True, batch="reduce"),
]

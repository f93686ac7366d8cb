"""The fft extension against NumPy on hypothesis-generated signals.

Values are compared with ``numpy.fft`` computed in double precision; dtypes with the
standard's rules (precision is kept: complex64 in, complex64 out; rfft of float32 is
complex64; irfft/hfft of complex64 is float32). Input dtype rules follow the standard
too; like NumPy, fft of a real tensor transforms its complex cast.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import bridge as xp

from .conftest import to_numpy


def on_device(obj, **kwargs):
    """``obj`` as a Tensor on the selected backend's default device (a NumPy array
    passed to asarray without a device stays on the CPU, as the standard asks)."""
    return xp.asarray(obj, device=xp.__array_namespace_info__().default_device(), **kwargs)

COMPLEX = [np.dtype("complex64"), np.dtype("complex128")]
REAL = [np.dtype("float32"), np.dtype("float64")]
REAL_OF = {np.dtype("complex64"): np.dtype("float32"), np.dtype("complex128"): np.dtype("float64")}
COMPLEX_OF = {v: k for k, v in REAL_OF.items()}
NORMS = st.sampled_from(["backward", "ortho", "forward"])
ELEMENTS = st.floats(-1, 1, allow_subnormal=False, width=32)
SHAPES = hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=6)

small = settings(max_examples=20)


@st.composite
def signals(draw, dtype, shape=SHAPES):
    shape = draw(shape) if isinstance(shape, st.SearchStrategy) else shape
    values = draw(hnp.arrays(np.float64, shape, elements=ELEMENTS))
    if np.dtype(dtype).kind == "c":
        values = values + 1j * draw(hnp.arrays(np.float64, shape, elements=ELEMENTS))
    return values.astype(dtype)


def check(got, expected, dtype):
    """``got`` has the standard's ``dtype`` and NumPy's (double precision) shape and
    values; the tolerance scales with the transform's magnitude."""
    assert isinstance(got, xp.Tensor)
    got = to_numpy(got)
    expected = np.asarray(expected)
    assert got.dtype == np.dtype(dtype), f"dtype {got.dtype} != {np.dtype(dtype)}"
    assert got.shape == expected.shape, f"shape {got.shape} != {expected.shape}"
    single = np.dtype(dtype) in (np.float32, np.complex64)
    scale = max(1.0, float(np.abs(expected).max(initial=0)))
    np.testing.assert_allclose(got, expected, rtol=0, atol=(1e-5 if single else 1e-12) * scale)


def upcast(a):
    return a.astype(np.complex128 if a.dtype.kind == "c" else np.float64)


def axis_of(data, a):
    return data.draw(st.integers(-a.ndim, a.ndim - 1))


# ---------------------------------------------------------------- 1-d transforms


@pytest.mark.parametrize("dtype", COMPLEX, ids=str)
@pytest.mark.parametrize("name", ["fft", "ifft"])
@small
@given(data=st.data(), norm=NORMS)
def test_complex_transforms(backend, name, dtype, data, norm):
    a = data.draw(signals(dtype))
    axis = axis_of(data, a)
    n = data.draw(st.none() | st.integers(1, 8))
    got = getattr(xp.fft, name)(on_device(a), n=n, axis=axis, norm=norm)
    check(got, getattr(np.fft, name)(upcast(a), n=n, axis=axis, norm=norm), dtype)


@pytest.mark.parametrize("dtype", REAL, ids=str)
@pytest.mark.parametrize("name", ["rfft", "ihfft"])
@small
@given(data=st.data(), norm=NORMS)
def test_real_input_transforms(backend, name, dtype, data, norm):
    a = data.draw(signals(dtype))
    axis = axis_of(data, a)
    n = data.draw(st.none() | st.integers(1, 8))
    got = getattr(xp.fft, name)(on_device(a), n=n, axis=axis, norm=norm)
    expected = getattr(np.fft, name)(upcast(a), n=n, axis=axis, norm=norm)
    check(got, expected, COMPLEX_OF[dtype])
    length = n if n is not None else a.shape[axis]
    assert got.shape[axis] == length // 2 + 1


@pytest.mark.parametrize("dtype", COMPLEX, ids=str)
@pytest.mark.parametrize("name", ["irfft", "hfft"])
@small
@given(data=st.data(), norm=NORMS)
def test_real_output_transforms(backend, name, dtype, data, norm):
    a = data.draw(signals(dtype, hnp.array_shapes(min_dims=1, max_dims=3, min_side=2, max_side=6)))
    axis = axis_of(data, a)
    n = data.draw(st.none() | st.integers(1, 9))
    got = getattr(xp.fft, name)(on_device(a), n=n, axis=axis, norm=norm)
    expected = getattr(np.fft, name)(upcast(a), n=n, axis=axis, norm=norm)
    check(got, expected, REAL_OF[dtype])
    assert got.shape[axis] == (n if n is not None else 2 * (a.shape[axis] - 1))


@pytest.mark.parametrize("dtype", REAL, ids=str)
@small
@given(data=st.data(), norm=NORMS)
def test_rfft_irfft_round_trip(backend, dtype, data, norm):
    a = data.draw(signals(dtype))
    axis = axis_of(data, a)
    n = a.shape[axis]  # odd lengths need n to come back
    spectrum = xp.fft.rfft(on_device(a), axis=axis, norm=norm)
    back = xp.fft.irfft(spectrum, n=n, axis=axis, norm=norm)
    check(back, a.astype(np.float64), dtype)


@pytest.mark.parametrize("dtype", COMPLEX, ids=str)
@small
@given(data=st.data(), norm=NORMS)
def test_fft_ifft_round_trip(backend, dtype, data, norm):
    a = data.draw(signals(dtype))
    axis = axis_of(data, a)
    back = xp.fft.ifft(xp.fft.fft(on_device(a), axis=axis, norm=norm), axis=axis, norm=norm)
    check(back, a.astype(np.complex128), dtype)


# ---------------------------------------------------------------- n-d transforms


@st.composite
def axes_and_lengths(draw, a, minimum_axes=0):
    axes = draw(st.none() | st.lists(st.integers(-a.ndim, a.ndim - 1), min_size=minimum_axes,
                                     max_size=a.ndim, unique_by=lambda i: i % a.ndim))
    if axes is None:
        return None, None
    s = draw(st.none() | st.lists(st.sampled_from([-1, 1, 2, 3, 5, 8]),
                                  min_size=len(axes), max_size=len(axes)))
    return (None if s is None else tuple(s)), tuple(axes)


@pytest.mark.parametrize("dtype", COMPLEX, ids=str)
@pytest.mark.parametrize("name", ["fftn", "ifftn"])
@small
@given(data=st.data(), norm=NORMS)
def test_complex_nd_transforms(backend, name, dtype, data, norm):
    a = data.draw(signals(dtype))
    s, axes = data.draw(axes_and_lengths(a))
    got = getattr(xp.fft, name)(on_device(a), s=s, axes=axes, norm=norm)
    check(got, getattr(np.fft, name)(upcast(a), s=s, axes=axes, norm=norm), dtype)


@pytest.mark.parametrize("dtype", REAL, ids=str)
@small
@given(data=st.data(), norm=NORMS)
def test_rfftn(backend, dtype, data, norm):
    a = data.draw(signals(dtype))
    s, axes = data.draw(axes_and_lengths(a, minimum_axes=1))
    got = xp.fft.rfftn(on_device(a), s=s, axes=axes, norm=norm)
    check(got, np.fft.rfftn(upcast(a), s=s, axes=axes, norm=norm), COMPLEX_OF[dtype])


@pytest.mark.parametrize("dtype", COMPLEX, ids=str)
@small
@given(data=st.data(), norm=NORMS)
def test_irfftn(backend, dtype, data, norm):
    a = data.draw(signals(dtype, hnp.array_shapes(min_dims=1, max_dims=3, min_side=2, max_side=6)))
    s, axes = data.draw(axes_and_lengths(a, minimum_axes=1))
    got = xp.fft.irfftn(on_device(a), s=s, axes=axes, norm=norm)
    numpy_s = s
    if s is not None and s[-1] == -1:
        # the standard: s[-1] == -1 gives the default output length 2*(m - 1), as
        # s=None does; NumPy reads it as m, so spell the length out for NumPy
        numpy_s = s[:-1] + (2 * (a.shape[axes[-1]] - 1),)
    check(got, np.fft.irfftn(upcast(a), s=numpy_s, axes=axes, norm=norm), REAL_OF[dtype])


def test_s_minus_one_keeps_the_input_length(backend):
    a = np.arange(12.0).reshape(3, 4)
    got = xp.fft.rfftn(on_device(a), s=(-1, 6), axes=(0, 1))
    assert got.shape == (3, 4)
    check(got, np.fft.rfftn(a, s=(3, 6), axes=(0, 1)), np.complex128)
    # irfftn's last axis: -1 means the default output length 2*(m - 1)
    spectrum = on_device(np.ones((3, 4), dtype=np.complex64))
    assert xp.fft.irfftn(spectrum, s=(2, -1), axes=(0, 1)).shape == (2, 6)


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize("name", ["fftfreq", "rfftfreq"])
@small
@given(n=st.integers(1, 20), d=st.sampled_from([1.0, 0.5, 3, 1e-3, -2.0]),
       dtype=st.sampled_from([None, xp.float32, xp.float64]))
def test_frequencies(backend, name, n, d, dtype):
    got = getattr(xp.fft, name)(n, d=d, dtype=dtype)
    expected_dtype = np.float64 if dtype is None else dtype
    check(got, getattr(np.fft, name)(n, d), expected_dtype)
    assert got.device == xp.__array_namespace_info__().default_device()


def test_frequencies_on_an_explicit_device(backend):
    device = xp.__array_namespace_info__().default_device()
    got = xp.fft.fftfreq(4, device=device)
    assert got.device == device
    check(got, [0.0, 0.25, -0.5, -0.25], np.float64)
    # an explicit CPU device wins over a GPU backend's default device
    assert xp.fft.rfftfreq(4, device="cpu").device == "cpu"


@pytest.mark.parametrize("name", ["fftshift", "ifftshift"])
@pytest.mark.parametrize("dtype", REAL + COMPLEX, ids=str)
@small
@given(data=st.data())
def test_shifts(backend, name, dtype, data):
    a = data.draw(signals(dtype, hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=5)))
    axes = data.draw(st.none() | st.integers(-max(a.ndim, 1), max(a.ndim, 1) - 1)
                     if a.ndim else st.none())
    if axes is None and a.ndim and data.draw(st.booleans()):
        axes = tuple(data.draw(st.lists(st.integers(0, a.ndim - 1), unique=True, max_size=a.ndim)))
    got = getattr(xp.fft, name)(on_device(a), axes=axes)
    if a.ndim == 0 or axes == ():
        expected = a  # nothing to shift (NumPy's roll fails on an empty tuple of shifts)
    else:
        expected = getattr(np.fft, name)(a, axes=axes)
    check(got, expected, dtype)


def test_fftshift_centres_zero_frequency(backend):
    check(xp.fft.fftshift(xp.fft.fftfreq(5)), [-0.4, -0.2, 0.0, 0.2, 0.4], np.float64)
    check(xp.fft.ifftshift(xp.fft.fftshift(xp.fft.fftfreq(5))), np.fft.fftfreq(5), np.float64)


# ---------------------------------------------------------------- errors


COMPLEX_INPUT = ["fft", "ifft", "fftn", "ifftn", "irfft", "irfftn", "hfft"]
REAL_INPUT = ["rfft", "rfftn", "ihfft"]


@pytest.mark.parametrize("name", ["fft", "ifft", "fftn", "ifftn"])
@pytest.mark.parametrize("dtype", ["float64", "float32", "int64", "bool"])
def test_complex_input_transforms_widen_real_input(backend, name, dtype):
    """As in NumPy: the transform of a real tensor is that of its complex cast, at the
    same precision (float32 -> complex64)."""
    data = np.asarray([1, 0, 3, 2], dtype=dtype)
    got = getattr(xp.fft, name)(xp.asarray(data))
    expected_dtype = np.complex64 if dtype == "float32" else np.complex128
    assert got.dtype == expected_dtype
    want = getattr(np.fft, name)(data.astype(expected_dtype))
    np.testing.assert_allclose(to_numpy(got), want, rtol=1e-6)


@pytest.mark.parametrize("name", REAL_INPUT)
@pytest.mark.parametrize("dtype", ["complex128", "complex64"])
def test_real_input_transforms_refuse_complex(backend, name, dtype):
    """rfft of a complex tensor would drop the imaginary part: a TypeError."""
    with pytest.raises(TypeError, match=rf"fft\.{name}: x has dtype {dtype}, but fft\.{name} needs a real floating"):
        getattr(xp.fft, name)(xp.ones(4, dtype=dtype))


@pytest.mark.parametrize("name", REAL_INPUT)
def test_real_input_transforms_widen_integers(backend, name):
    got = getattr(xp.fft, name)(xp.asarray([1, 2, 3, 4]))
    assert got.dtype == np.complex128
    np.testing.assert_allclose(to_numpy(got), getattr(np.fft, name)(np.asarray([1.0, 2, 3, 4])))


@pytest.mark.parametrize("name", COMPLEX_INPUT + REAL_INPUT)
def test_norm_must_be_one_of_three(backend, name):
    dtype = xp.float64 if name in REAL_INPUT else xp.complex128
    with pytest.raises(ValueError, match=rf"fft\.{name}: norm must be 'backward', 'ortho' or 'forward', got 'none'"):
        getattr(xp.fft, name)(xp.ones(4, dtype=dtype), norm="none")


def test_lengths_and_axes(backend):
    c = xp.ones((2, 4), dtype=xp.complex128)
    with pytest.raises(ValueError, match="fft.fft: n=0 must be a positive length"):
        xp.fft.fft(c, n=0)
    with pytest.raises(TypeError, match="fft.fft: n must be an int, got a bool"):
        xp.fft.fft(c, n=True)
    with pytest.raises(TypeError, match="fft.ifft: n must be an int, got float"):
        xp.fft.ifft(c, n=4.0)
    with pytest.raises(ValueError, match="fft.fft: axis=2 is out of range"):
        xp.fft.fft(c, axis=2)
    with pytest.raises(ValueError, match="fft.fft: x must have at least 1 dimension"):
        xp.fft.fft(on_device(1j))
    with pytest.raises(ValueError, match="fft.fft: the transform along axis 1 would have length 0"):
        xp.fft.fft(xp.ones((2, 0), dtype=xp.complex128))
    with pytest.raises(ValueError, match="fft.irfft: the transform along axis 0 would have length 0"):
        xp.fft.irfft(xp.ones(1, dtype=xp.complex128))
    check(xp.fft.irfft(xp.ones(1, dtype=xp.complex128), n=1), [1.0], np.float64)
    # s without axes: the last len(s) axes, as NumPy (and the official test suite) take it
    check(xp.fft.fftn(c, s=(2,)), np.fft.fftn(to_numpy(c), s=(2,), axes=(-1,)), np.complex128)
    with pytest.raises(ValueError, match=r"fft.fftn: s=\(2, 2, 2\) has more entries"):
        xp.fft.fftn(c, s=(2, 2, 2))
    with pytest.raises(ValueError, match=r"fft.fftn: s=\(2,\) and axes=\(0, 1\) must have the same length"):
        xp.fft.fftn(c, s=(2,), axes=(0, 1))
    with pytest.raises(ValueError, match=r"fft.ifftn: axes=\(1, 1\) repeats an axis"):
        xp.fft.ifftn(c, axes=(1, -1))
    with pytest.raises(TypeError, match="fft.fftn: axes must be a sequence of ints, got an int"):
        xp.fft.fftn(c, axes=0)
    with pytest.raises(ValueError, match=r"fft.fftn: s\[1\]=0 must be a positive length"):
        xp.fft.fftn(c, s=(2, 0), axes=(0, 1))
    with pytest.raises(ValueError, match="fft.rfftn: needs at least one axis"):
        xp.fft.rfftn(xp.ones(3), axes=())


def test_frequency_arguments(backend):
    with pytest.raises(ValueError, match="fft.fftfreq: n=0 must be a positive window length"):
        xp.fft.fftfreq(0)
    with pytest.raises(TypeError, match="fft.rfftfreq: n must be an int"):
        xp.fft.rfftfreq(4.0)
    with pytest.raises(ValueError, match="fft.fftfreq: d .* must not be zero"):
        xp.fft.fftfreq(4, d=0)
    with pytest.raises(TypeError, match="fft.fftfreq: d must be a real number"):
        xp.fft.fftfreq(4, d="1")
    with pytest.raises(TypeError, match="fft.fftfreq: dtype=int64 must be a real floating-point dtype"):
        xp.fft.fftfreq(4, dtype=xp.int64)
    with pytest.raises(TypeError, match="fft.rfftfreq: dtype=complex128 must be a real floating-point"):
        xp.fft.rfftfreq(4, dtype=xp.complex128)
    with pytest.raises(ValueError, match="fft.fftfreq: device='tpu' is not a device"):
        xp.fft.fftfreq(4, device="tpu")


def test_shift_arguments(backend):
    # any dtype, as NumPy's (a roll of each axis)
    assert xp.fft.fftshift(on_device([1, 2, 3])).tolist() == np.fft.fftshift([1, 2, 3]).tolist()
    with pytest.raises(ValueError, match="fft.ifftshift: axes=1 is out of range"):
        xp.fft.ifftshift(xp.ones(3), axes=1)


def test_ortho_transform_preserves_energy(backend):
    signal = np.cos(np.arange(16) * 2 * math.pi / 16 * 3).astype(np.complex64)
    spectrum = xp.fft.fft(on_device(signal), norm="ortho")
    energy = float(xp.sum(xp.abs(spectrum) ** 2))
    assert abs(energy - float(np.sum(np.abs(signal) ** 2))) < 1e-4

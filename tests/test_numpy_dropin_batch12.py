"""NumPy's behaviour that the twelfth batch of unseen programs (tests/numpy_programs,
issue 19) and its probes found bridge missing: ``diagonal`` and ``diag`` of a 2-d
tensor are NumPy's read-only views of its memory; ``real`` and ``imag`` of a complex
tensor (the functions and the properties) are views that writes go through, and
``real`` of a real tensor is the tensor itself; ``meshgrid(copy=False)`` gives views
of the inputs, ``sparse=True`` copies unless ``copy=False``, and inputs of several
dtypes or shapes are NumPy's; ``angle`` and the ``emath`` functions use NumPy's loops
(float32 where NumPy's is float16: bridge has no float16). Each asserts NumPy's values."""

from __future__ import annotations

import numpy as np
import pytest

import bridge

from .conftest import same_as_numpy as _same
from .conftest import to_numpy


def _on_cpu(device):
    return str(device) == "cpu"


# ------------------------------------------------------------------ diagonal views


@pytest.mark.parametrize("offset", [0, 1, -1, 3])
def test_diagonal_is_a_read_only_view(backend, device, offset):
    a = np.arange(12.0).reshape(3, 4)
    t = bridge.asarray(a, device=device)
    for d, e in ((bridge.diagonal(t, offset), np.diagonal(a, offset)),
                 (t.diagonal(offset), a.diagonal(offset)),
                 (bridge.diag(t, offset), np.diag(a, offset))):
        _same(d, e)
        assert bridge.shares_memory(d, t) == np.shares_memory(e, a)
        if _on_cpu(device):  # GPU memory has no read-only flag
            assert d.flags.writeable is False
            if d.size:
                with pytest.raises(ValueError, match="read-only"):
                    d[0] = 5.0
    # a write into the base shows through the view, as NumPy's
    d = bridge.diagonal(t)
    t[1, 1] = -7.0
    a[1, 1] = -7.0
    _same(d, np.diagonal(a))


def test_diagonal_of_a_stack_is_a_view(backend, device):
    a = np.arange(24).reshape(2, 3, 4)
    t = bridge.asarray(a, device=device)
    for args in ((0, 1, 2), (1, 0, 2), (0, 2, 0), (-1, -1, -2)):
        d = bridge.diagonal(t, *args)
        _same(d, np.diagonal(a, *args))
        assert bridge.shares_memory(d, t)
    _same(bridge.trace(t, 1, 0, 2), np.trace(a, 1, 0, 2))


def test_diag_of_a_vector_is_still_a_new_matrix(backend, device):
    v = np.arange(1.0, 4.0)
    t = bridge.asarray(v, device=device)
    m = bridge.diag(t, 1)
    _same(m, np.diag(v, 1))
    m[0, 1] = 100.0
    _same(t, v)
    assert not bridge.shares_memory(m, t)


def test_diagonal_of_a_tensor_that_requires_grad(backend, device):
    # autograd follows the tensor: the differentiable diagonal, NumPy's values
    a = np.arange(9.0).reshape(3, 3)
    t = bridge.asarray(a, device=device, requires_grad=True)
    d = bridge.diagonal(t, 1)
    _same(d, np.diagonal(a, 1))
    (d * bridge.asarray([2.0, 3.0], device=device)).sum().backward()
    expected = np.zeros((3, 3))
    expected[0, 1], expected[1, 2] = 2.0, 3.0
    np.testing.assert_array_equal(to_numpy(t.grad), expected)
    u = bridge.asarray(a, device=device, requires_grad=True)
    bridge.diag(u).sum().backward()
    np.testing.assert_array_equal(to_numpy(u.grad), np.eye(3))


# ------------------------------------------------------------------ real and imag


def test_real_and_imag_of_complex_are_views(backend, device):
    z = np.array([1 + 2j, 3 - 1j, -2 + 0.5j])
    t = bridge.asarray(z, device=device)
    r = bridge.real(t)
    _same(r, np.real(z))
    assert bridge.shares_memory(r, t)
    r *= 2.0
    np.real(z)[...] *= 2.0
    t.imag[:] = 0.0
    z.imag[:] = 0.0
    _same(t, z)
    zr = t.real
    zr[1] = 9.0
    z.real[1] = 9.0
    _same(t, z)
    i = bridge.imag(t)
    i += 1.0
    np.imag(z)[...] += 1.0
    _same(t, z)


def test_real_and_imag_of_complex64(backend, device):
    z = np.array([1 + 2j, 3 - 1j], dtype=np.complex64)
    t = bridge.asarray(z, device=device)
    _same(t.real, z.real)
    _same(bridge.imag(t), np.imag(z))
    assert bridge.real(t).dtype == np.float32


@pytest.mark.parametrize("dtype", ["float64", "float32", "int16", "uint8", "bool"])
def test_real_of_a_real_tensor_is_the_tensor(backend, device, dtype):
    x = np.array([1, 0, 2]).astype(dtype)
    t = bridge.asarray(x, device=device)
    assert np.real(x) is x
    assert bridge.real(t) is t
    assert t.real is t


def test_imag_of_a_real_tensor_is_read_only_zeros(backend, device):
    x = np.arange(3.0)
    t = bridge.asarray(x, device=device)
    _same(t.imag, x.imag)
    if _on_cpu(device):
        assert t.imag.flags.writeable is x.imag.flags.writeable is False


def test_real_with_out_and_keywords_is_the_ufunc(backend, device):
    z = np.array([1 + 2j, 3 - 1j])
    t = bridge.asarray(z, device=device)
    out = bridge.empty(2, device=device)
    assert bridge.real(t, out=out) is out
    _same(out, z.real)
    assert bridge.real.nin == 1 and bridge.imag.nout == 1


def test_real_view_shares_the_version_counter(backend, device):
    # z saved by a node: a write through its real view is seen at backward
    w = bridge.asarray([1.0 + 0j, 2.0], device=device, requires_grad=True)
    z = bridge.asarray([3.0 + 1j, 4.0 - 2j], device=device)
    y = bridge.real(w * z).sum()
    view = bridge.real(z)
    view[0] = 0.0
    with pytest.raises(RuntimeError, match="modified by an in-place"):
        y.backward()


def test_real_of_a_tensor_that_requires_grad(backend, device):
    z = bridge.asarray(np.array([1 + 2j, 3 - 1j]), device=device, requires_grad=True)
    (bridge.real(z) * bridge.asarray([2.0, 3.0], device=device)).sum().backward()
    np.testing.assert_array_equal(to_numpy(z.grad), np.array([2.0, 3.0], dtype=complex))
    x = bridge.asarray([1.0, 2.0], device=device, requires_grad=True)
    assert bridge.real(x) is x


# ------------------------------------------------------------------ meshgrid


@pytest.mark.parametrize("indexing", ["xy", "ij"])
@pytest.mark.parametrize("sparse", [False, True])
@pytest.mark.parametrize("copy", [False, True])
def test_meshgrid_views_and_copies(backend, device, indexing, sparse, copy):
    xs, ys, zs = np.arange(3.0), np.arange(2.0), np.arange(4.0)
    txs, tys, tzs = (bridge.asarray(v, device=device) for v in (xs, ys, zs))
    expected = np.meshgrid(xs, ys, zs, indexing=indexing, sparse=sparse, copy=copy)
    got = bridge.meshgrid(txs, tys, tzs, indexing=indexing, sparse=sparse, copy=copy)
    assert len(got) == len(expected)
    for g, e, t, v in zip(got, expected, (txs, tys, tzs), (xs, ys, zs)):
        _same(g, e)
        assert bridge.shares_memory(g, t) == np.shares_memory(e, v)


def test_meshgrid_copy_false_writes_reach_the_input(backend, device):
    xs = np.arange(3.0)
    t = bridge.asarray(xs, device=device)
    gx, _ = bridge.meshgrid(t, bridge.asarray([0.0, 1.0], device=device), sparse=True,
                            copy=False)
    gx[0, 1] = 50.0
    xs[1] = 50.0
    _same(t, xs)
    gx, _ = bridge.meshgrid(t, bridge.asarray([0.0, 1.0], device=device))
    gx[0, 0] = -1.0  # copy=True: the input keeps its values
    _same(t, xs)


def test_meshgrid_of_mixed_dtypes_and_shapes(backend, device):
    a = np.arange(3)
    b = np.linspace(0.0, 1.0, 2)
    c = np.arange(4).reshape(2, 2)
    ta, tb, tc = (bridge.asarray(v, device=device) for v in (a, b, c))
    for e, g in zip(np.meshgrid(a, b), bridge.meshgrid(ta, tb)):
        _same(g, e)
    for e, g in zip(np.meshgrid(a, c, indexing="ij"), bridge.meshgrid(ta, tc, indexing="ij")):
        _same(g, e)
    for e, g in zip(np.meshgrid(c, b, sparse=True), bridge.meshgrid(tc, tb, sparse=True)):
        _same(g, e)
    with pytest.raises(ValueError):
        np.meshgrid(a, indexing="xz")
    with pytest.raises(ValueError):
        bridge.meshgrid(ta, indexing="xz")


# ------------------------------------------------------------------ angle and emath dtypes

# NumPy's float16 results (of 8-bit integers and bools) are bridge's float32
INT_DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "int64", "uint64"]


def _numpy_dtype(e):
    return np.dtype(np.float32) if e.dtype == np.float16 else e.dtype


@pytest.mark.parametrize("dtype", INT_DTYPES + ["float32", "float64"])
@pytest.mark.parametrize("deg", [False, True])
def test_angle_dtype_is_numpys_loop(backend, device, dtype, deg):
    x = np.array([1, 0, 1]).astype(dtype)
    expected = np.angle(x, deg=deg)
    got = bridge.angle(bridge.asarray(x, device=device), deg=deg)
    assert got.dtype == _numpy_dtype(expected)
    np.testing.assert_allclose(to_numpy(got), expected)


EMATH_INPUTS = [[1, 0, 4], [1, -2, 9], [0.5, 3, -0.25]]


@pytest.mark.parametrize("name", ["sqrt", "log", "log2", "log10", "arccos", "arcsin",
                                  "arctanh"])
@pytest.mark.parametrize("dtype", INT_DTYPES[:-1] + ["float32", "float64", "complex64"])
@pytest.mark.parametrize("values", EMATH_INPUTS, ids=["pos", "neg", "frac"])
def test_emath_dtypes_and_values_are_numpys(backend, device, name, dtype, values):
    with np.errstate(all="ignore"):
        x = np.array(values).astype(dtype)
        expected = getattr(np.emath, name)(x)
        got = getattr(bridge.emath, name)(bridge.asarray(x, device=device))
    assert got.dtype == _numpy_dtype(expected)
    # NumPy's float16 loop rounds to 3 digits; bridge's float32 is nearer the truth
    tol = 1e-3 if expected.dtype == np.float16 else 1e-6
    np.testing.assert_allclose(to_numpy(got), expected, rtol=tol, atol=tol)


@pytest.mark.parametrize("dtype", ["int8", "int16", "int64", "float32", "float64"])
@pytest.mark.parametrize("base, p", [([1, 2], 2), ([1, -2], 2), ([1, 2], -1), ([4, 9], 0.5),
                                     ([-4, 9], 0.5)])
def test_emath_power_is_numpys(backend, device, dtype, base, p):
    x = np.array(base).astype(dtype)
    with np.errstate(all="ignore"):
        expected = np.emath.power(x, p)
        got = bridge.emath.power(bridge.asarray(x, device=device), p)
    assert got.dtype == _numpy_dtype(expected)
    np.testing.assert_allclose(to_numpy(got), expected, rtol=1e-6)


@pytest.mark.parametrize("n, values", [(2, [1, 8]), (-2, [4, 8]), (10, [-10, 100])])
def test_emath_logn(backend, device, n, values):
    for dtype in ("int16", "int64", "float32", "float64"):
        x = np.array(values).astype(dtype)
        expected = np.emath.logn(n, x)
        got = bridge.emath.logn(n, bridge.asarray(x, device=device))
        assert got.dtype == _numpy_dtype(expected)
        np.testing.assert_allclose(to_numpy(got), expected, rtol=1e-6)


# ------------------------------------------------------------------ creation and layout


@pytest.mark.parametrize("fill, dtype", [([1, 2, 3], None), ([[1.5], [2.0]], None),
                                         ([1, 2, 3], np.float32), (np.arange(3), np.int8)])
def test_full_broadcasts_an_array_fill_value(backend, device, fill, dtype):
    expected = np.full((2, 3), fill, dtype=dtype)
    t_fill = bridge.asarray(np.asarray(fill), device=device)
    _same(bridge.full((2, 3), t_fill, dtype=dtype, device=device), expected)
    if isinstance(fill, list):
        _same(bridge.full((2, 3), fill, dtype=dtype, device=device), expected)


@pytest.mark.parametrize("dtype", ["float32", "int8", "uint16", "bool", "complex64"])
def test_full_of_a_0d_tensor_keeps_its_dtype(backend, device, dtype):
    v = np.asarray(np.array([1, 0, 1]).astype(dtype).max())
    t = bridge.asarray(v, device=device)
    _same(bridge.full(3, t), np.full(3, v))
    _same(bridge.full_like(bridge.zeros(2, dtype=v.dtype, device=device), t),
          np.full_like(np.zeros(2, dtype=v.dtype), v))


@pytest.mark.parametrize("name", ["zeros", "ones", "empty", "full"])
def test_creation_order_f_lays_out_fortran_memory(backend, device, name):
    args = ((2, 3), 7) if name == "full" else ((2, 3),)
    e = getattr(np, name)(*args, order="F")
    g = getattr(bridge, name)(*args, order="F", device=device)
    assert g.shape == e.shape and g.dtype == e.dtype
    if name != "empty":
        _same(g, e)
    if _on_cpu(device):
        assert g.flags.f_contiguous and not g.flags.c_contiguous
        assert bridge.isfortran(g) is np.isfortran(e) is True


def _layouts(a, t):
    """The same views of NumPy's ``a`` and bridge's ``t`` (of the same values)."""
    return [(a, t), (a.T, bridge.permute_dims(t, tuple(range(a.ndim))[::-1])),
            (np.swapaxes(a, 0, 1), bridge.swapaxes(t, 0, 1)), (a[:, ::-1], t[:, ::-1]),
            (a[:, ::2], t[:, ::2]), (np.asfortranarray(a), bridge.asfortranarray(t)),
            (a[:, :1], t[:, :1])]


@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
def test_copy_method_order_is_numpys(backend, device, order):
    a = np.arange(24.0).reshape(2, 3, 4)
    for e, g in _layouts(a, bridge.asarray(a, device=device)):
        ce, cg = e.copy(order=order), g.copy(order=order)
        _same(cg, ce)
        if _on_cpu(device):
            assert cg.flags.c_contiguous == ce.flags.c_contiguous
            assert cg.flags.f_contiguous == ce.flags.f_contiguous
    # ndarray.copy's default is C order (np.copy's is K)
    t = bridge.permute_dims(bridge.asarray(a, device=device), (2, 1, 0))
    if _on_cpu(device):
        assert t.copy().flags.c_contiguous and a.T.copy().flags.c_contiguous


@pytest.mark.parametrize("order", ["C", "F", "A", "K"])
def test_ravel_orders_follow_the_memory(backend, device, order):
    a = np.arange(24.0).reshape(2, 3, 4)
    for e, g in _layouts(a, bridge.asarray(a, device=device)):
        _same(bridge.ravel(g, order=order), np.ravel(e, order=order))
        _same(g.ravel(order), e.ravel(order))
        _same(g.flatten(order), e.flatten(order))


def test_asarray_takes_numpys_order(backend, device):
    a = np.arange(6.0).reshape(2, 3)
    t = bridge.asarray(a, device=device)
    f = bridge.asarray(t, order="F")
    _same(f, np.asarray(a, order="F"))
    c = bridge.asarray(f, order="C")
    _same(c, a)
    _same(bridge.asarray(t, np.float32, "F"), np.asarray(a, np.float32, "F"))
    if _on_cpu(device):
        assert f.flags.f_contiguous and c.flags.c_contiguous
        assert bridge.asarray(t, order="C") is t
    with pytest.raises(TypeError):
        bridge.asarray(np.array(["a", "b"]))  # the standard's asarray stays strict


def test_in_operator_is_numpys(backend, device):
    a = np.arange(12.0).reshape(3, 4)
    t = bridge.asarray(a, device=device)
    for v in (3.0, 11, -1, 100.5):
        assert (v in t) is (v in a)
    assert (bridge.asarray(5.0, device=device) in t) is True


# ------------------------------------------------------------------ orthogonal series fits

SERIES = [("chebyshev", "cheb"), ("legendre", "leg"), ("hermite", "herm"),
          ("hermite_e", "herme"), ("laguerre", "lag")]


@pytest.mark.parametrize("module, kind", SERIES)
def test_series_vander_and_fit(backend, device, module, kind):
    x = np.linspace(-1.0, 1.0, 9)
    y = np.cos(3 * x) + x
    nm, bm = getattr(np.polynomial, module), getattr(bridge.polynomial, module)
    tx, ty = bridge.asarray(x, device=device), bridge.asarray(y, device=device)
    np.testing.assert_allclose(to_numpy(getattr(bm, f"{kind}vander")(tx, 4)),
                               getattr(nm, f"{kind}vander")(x, 4), rtol=1e-12)
    np.testing.assert_allclose(to_numpy(getattr(bm, f"{kind}fit")(tx, ty, 3)),
                               getattr(nm, f"{kind}fit")(x, y, 3), rtol=1e-9, atol=1e-12)
    w = np.arange(1.0, 10.0)
    y2 = np.stack([y, 2 * y], axis=1)
    e, (res, rank, sv, rcond) = getattr(nm, f"{kind}fit")(x, y2, 2, full=True, w=w)
    g, (gres, grank, gsv, grcond) = getattr(bm, f"{kind}fit")(
        tx, bridge.asarray(y2, device=device), 2, full=True, w=bridge.asarray(w, device=device))
    np.testing.assert_allclose(to_numpy(g), e, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(to_numpy(gres), res, rtol=1e-9)
    assert int(grank) == rank and grcond == rcond
    np.testing.assert_allclose(to_numpy(gsv), sv, rtol=1e-12)


# ------------------------------------------------------------------ NumPy's exceptions

LINALG_SHAPES = [("inv", (2, 3)), ("det", (2, 3)), ("slogdet", (3, 2)), ("cholesky", (2, 3)),
                 ("eig", (2, 3)), ("eigvals", (2, 3)), ("eigh", (2, 3)), ("eigvalsh", (2, 3)),
                 ("inv", (3,)), ("det", (3,)), ("svd", (3,)), ("svdvals", (3,)), ("qr", (3,)),
                 ("pinv", (3,)), ("matrix_power", (2, 3)), ("matrix_power", (3,))]


@pytest.mark.parametrize("name, shape", LINALG_SHAPES)
@pytest.mark.parametrize("dtype", ["float64", "int64"])
def test_linalg_shape_errors_are_linalgerrors(backend, device, name, shape, dtype):
    # NumPy's LinAlgError (a ValueError: the standard's error type too)
    a = np.ones(shape, dtype=dtype)
    args = (2,) if name == "matrix_power" else ()
    with pytest.raises(np.linalg.LinAlgError):
        getattr(np.linalg, name)(a, *args)
    with pytest.raises(np.linalg.LinAlgError, match=f"linalg.{name}"):
        getattr(bridge.linalg, name)(bridge.asarray(a, device=device), *args)
    assert bridge.linalg.LinAlgError is np.linalg.LinAlgError


def test_solve_shape_errors(backend, device):
    a, b = np.ones((2, 3)), np.ones(2)
    with pytest.raises(np.linalg.LinAlgError):
        np.linalg.solve(a, b)
    with pytest.raises(np.linalg.LinAlgError, match="x1 must be a stack of square"):
        bridge.linalg.solve(bridge.asarray(a, device=device), bridge.asarray(b, device=device))
    # a right-hand side of the wrong length: ValueError in both, not LinAlgError
    with pytest.raises(ValueError) as info:
        bridge.linalg.solve(bridge.eye(2, device=device), bridge.ones(3, device=device))
    assert not isinstance(info.value, np.linalg.LinAlgError)


def test_numpy_exceptions_module(backend, device):
    assert bridge.exceptions is np.exceptions
    with pytest.raises(bridge.exceptions.AxisError):
        bridge.sum(bridge.ones(3, device=device), axis=2)


# ------------------------------------------------------------------ Tensor.fill


@pytest.mark.parametrize("dtype", ["int64", "uint8", "int8", "float32", "float64", "bool",
                                   "complex128"])
@pytest.mark.parametrize("value", [2.7, -1.5, 300, -1, True, np.nan, np.inf, np.float32(2.5),
                                   np.int16(-3)], ids=repr)
def test_fill_converts_as_numpy(backend, device, dtype, value):
    a = np.zeros(3, dtype=dtype)
    t = bridge.zeros(3, dtype=dtype, device=device)
    try:
        with np.errstate(all="ignore"):
            a.fill(value)
    except (ValueError, OverflowError) as exc:
        with pytest.raises(type(exc)):
            t.fill(value)
        return
    t.fill(value)
    _same(t, a)


def test_fill_with_a_0d_tensor(backend, device):
    t = bridge.zeros((2, 2), dtype=bridge.int32, device=device)
    t.fill(bridge.asarray(7.9, device=device))
    a = np.zeros((2, 2), dtype=np.int32)
    a.fill(np.asarray(7.9))
    _same(t, a)

"""The native backend's matmul, tensordot and vecdot (NumPy's own BLAS through ``_blas``)
against the numpy backend's kernels.

Operands hold small integers, so every product and sum is exact in floating point and
the native results must equal NumPy's bitwise whatever order BLAS sums in; a separate
test on random floats bounds the rounding difference by the usual dot-product error
bound. Layouts cover 1-d promotion, batch broadcasting (zero strides included),
transposed, reversed and strided operands, and size-0 dimensions.
"""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from bridge.backends import load_backend

try:
    from bridge.backends.native import _native  # noqa: F401
except ImportError as exc:  # the extension is not built: the backend does not exist
    pytest.skip(f"native extension not built ({exc})", allow_module_level=True)

import bridge  # noqa: E402
from bridge.backends.native import _blas_kernels  # noqa: E402

from .conftest import to_numpy  # noqa: E402

NATIVE = load_backend("native").kernels
NUMPY = load_backend("numpy").kernels
BLAS = _blas_kernels.load_blas()

DTYPES = [np.dtype(n) for n in
          "bool int8 int32 int64 uint16 float32 float64 complex64 complex128".split()]
BLAS_DTYPES = [np.dtype(n) for n in "float32 float64 complex64 complex128".split()]


def test_blas_kernels_are_registered():
    assert BLAS is not None, "bridge.backends.native._blas is not built or found no gemm"
    for name in ("matmul", "tensordot", "vecdot"):
        assert NATIVE[name] is not NUMPY[name], name
    assert "matmul" not in load_backend("native").fallbacks


def _loaded_libraries():
    with open("/proc/self/maps") as maps:
        return {line.split()[-1] for line in maps if line.rstrip().endswith(".so")
                or ".so." in line}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_gemm_is_numpy_own_blas_and_no_second_blas_is_loaded():
    symbol, library = _blas_kernels.BOUND
    assert "dgemm" in symbol
    numpy_root = os.path.dirname(os.path.dirname(np.__file__))
    # NumPy's wheels bundle their OpenBLAS in numpy.libs (or numpy/.libs)
    assert os.path.realpath(library).startswith(os.path.realpath(numpy_root)), library
    # host BLAS libraries in the process other than SciPy's own (loaded by SciPy, if
    # imported); NVIDIA's cuBLAS, which CuPy and PyTorch load for the GPU, is no host BLAS
    blas_libraries = {p for p in _loaded_libraries()
                      if os.path.basename(p).startswith("lib") and "blas" in os.path.basename(p)
                      and "scipy.libs" not in p and not os.path.basename(p).startswith("libcublas")}
    assert {os.path.realpath(p) for p in blas_libraries} == {os.path.realpath(library)}
    assert "scipy_openblas64" not in sys.modules


_DOWNSTREAM_CHECK = """
import numpy as np
import bridge
from bridge.backends import load_backend
from bridge.backends.native import _blas_kernels
k = load_backend("native").kernels
print("bound", _blas_kernels.BOUND is not None, k["matmul"] is not load_backend("numpy").kernels["matmul"])
a = np.random.default_rng(0).random((50, 30))
with bridge.use_backend("native"):
    p = np.asarray(bridge.asarray(a).mT @ bridge.asarray(a))
import scipy.linalg
u, s, vt = scipy.linalg.svd(a)
assert np.allclose((u[:, :30] * s) @ vt, a)
assert np.allclose(np.sort(s ** 2), np.sort(np.linalg.eigvalsh(p)))
print("svd ok")
"""


@pytest.mark.parametrize("opt", [None, "0"])
def test_scipy_lapack_works_in_a_process_using_native_gemm(opt):
    # the regression of the former scipy-openblas64 link: scipy.linalg.svd's workspace
    # query broke once bridge had loaded a second OpenBLAS (fresh process: load order)
    pytest.importorskip("scipy")
    env = dict(os.environ, BRIDGE_BACKEND="native")
    env.pop("BRIDGE_NATIVE_BLAS", None)
    if opt is not None:
        env["BRIDGE_NATIVE_BLAS"] = opt
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run([sys.executable, "-c", _DOWNSTREAM_CHECK], env=env, cwd=root,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    bound = "bound True True" if opt is None else "bound False False"
    assert bound in out.stdout and "svd ok" in out.stdout, out.stdout


def assert_same(got, want):
    got = to_numpy(got)
    want = np.asarray(want)
    assert got.dtype == want.dtype, (got.dtype, want.dtype)
    assert got.shape == want.shape, (got.shape, want.shape)
    np.testing.assert_array_equal(got, want)


@st.composite
def laid_out(draw, shape, dtype):
    """An array of small integers (exact products and sums) of the given shape and
    dtype, in a layout drawn from: C order, last two axes swapped (Fortran-like
    matrices), reversed and strided views, a broadcast (zero-stride) view."""
    values = draw(hnp.arrays(np.int8, shape, elements=st.integers(-4, 4)))
    if dtype.kind == "c":
        imag = draw(hnp.arrays(np.int8, shape, elements=st.integers(-4, 4)))
        array = values.astype(dtype) + 1j * imag.astype(dtype)
    else:
        array = values.astype(dtype)
    layout = draw(st.sampled_from(["c", "swapped", "reversed", "strided", "broadcast"]))
    if layout == "swapped" and array.ndim >= 2:
        array = np.swapaxes(np.ascontiguousarray(np.swapaxes(array, -1, -2)), -1, -2)
    elif layout == "reversed":
        array = np.flip(np.flip(array).copy())
    elif layout == "strided":
        wide = np.zeros(shape[:-1] + (2 * shape[-1],) if shape else (), dtype)
        if shape:
            wide[..., ::2] = array
            array = wide[..., ::2]
    elif layout == "broadcast" and array.ndim >= 1 and shape[0] > 0:
        array = np.broadcast_to(array[:1], shape)
    return array


@st.composite
def matmul_operands(draw, dtypes=DTYPES):
    dtype = draw(st.sampled_from(dtypes))
    m, k, n = (draw(st.integers(0, 5)) for _ in range(3))
    batch1, batch2 = draw(hnp.mutually_broadcastable_shapes(
        num_shapes=2, min_dims=0, max_dims=3, max_side=3)).input_shapes
    vector1, vector2 = draw(st.booleans()), draw(st.booleans())
    shape1 = (k,) if vector1 else batch1 + (m, k)
    shape2 = (k,) if vector2 else batch2 + (k, n)
    return draw(laid_out(shape1, dtype)), draw(laid_out(shape2, dtype))


@given(matmul_operands())
def test_matmul_matches_numpy(operands):
    x1, x2 = operands
    assert_same(NATIVE["matmul"](x1, x2), NUMPY["matmul"](x1, x2))


@given(matmul_operands(BLAS_DTYPES))
def test_matmul_of_views_into_one_buffer(operands):
    # the same batched product through the folded (batch into rows) path and the
    # batch loop: x1 C-contiguous over the batch, x2 a single matrix
    x1, x2 = operands
    x1 = np.ascontiguousarray(x1)
    if x2.ndim >= 2:
        x2 = x2[(0,) * (x2.ndim - 2)]
    assert_same(NATIVE["matmul"](x1, x2), NUMPY["matmul"](x1, x2))


@pytest.mark.parametrize("dtype", BLAS_DTYPES)
def test_matmul_rounding_within_dot_bound(dtype):
    # random floats: BLAS sums in another order than NumPy's, so compare against the
    # float64/complex128 product within the standard bound k * eps * (|a| @ |b|)
    rng = np.random.default_rng(7)
    shape_a, shape_b = (3, 40, 70), (70, 50)
    a = rng.standard_normal(shape_a)
    b = rng.standard_normal(shape_b)
    if dtype.kind == "c":
        a = a + 1j * rng.standard_normal(shape_a)
        b = b + 1j * rng.standard_normal(shape_b)
    a, b = a.astype(dtype), b.astype(dtype)
    got = NATIVE["matmul"](a, b)
    exact = a.astype(np.complex128 if dtype.kind == "c" else np.float64) @ b.astype(
        np.complex128 if dtype.kind == "c" else np.float64)
    bound = 4 * 70 * np.finfo(dtype).eps * (np.abs(a) @ np.abs(b))
    assert got.dtype == dtype
    assert np.all(np.abs(got - exact) <= bound)


def test_matmul_mixed_float_dtypes_promote():
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.arange(12, dtype=np.float64).reshape(3, 4)
    assert_same(NATIVE["matmul"](a, b), NUMPY["matmul"](a, b))
    assert_same(NATIVE["matmul"](a.astype(np.complex64), b), NUMPY["matmul"](a.astype(np.complex64), b))


def test_matmul_unaligned_and_byteswapped_memory_falls_back():
    raw = np.zeros(8 * 12 + 1, np.uint8)[1:]
    unaligned = raw.view(np.float64).reshape(3, 4)
    unaligned[...] = np.arange(12).reshape(3, 4)
    swapped = np.arange(12, dtype=">f8").reshape(4, 3)
    assert_same(NATIVE["matmul"](unaligned, swapped), NUMPY["matmul"](unaligned, swapped))


@st.composite
def tensordot_operands(draw):
    dtype = draw(st.sampled_from(DTYPES))
    contracted = draw(st.lists(st.integers(0, 3), min_size=0, max_size=2))
    free1 = draw(st.lists(st.integers(0, 3), max_size=2))
    free2 = draw(st.lists(st.integers(0, 3), max_size=2))
    # place the contracted axes at drawn positions of each operand
    perm1 = draw(st.permutations(range(len(free1) + len(contracted))))
    perm2 = draw(st.permutations(range(len(free2) + len(contracted))))
    dims1 = free1 + contracted
    dims2 = contracted + free2
    shape1 = tuple(dims1[i] for i in perm1)
    shape2 = tuple(dims2[i] for i in perm2)
    axes1 = tuple(perm1.index(len(free1) + i) for i in range(len(contracted)))
    axes2 = tuple(perm2.index(i) for i in range(len(contracted)))
    x1 = draw(laid_out(shape1, np.dtype(dtype)))
    x2 = draw(laid_out(shape2, np.dtype(dtype)))
    return x1, x2, (axes1, axes2)


@given(tensordot_operands())
def test_tensordot_matches_numpy(operands):
    x1, x2, axes = operands
    assert_same(NATIVE["tensordot"](x1, x2, axes), NUMPY["tensordot"](x1, x2, axes))


@st.composite
def vecdot_operands(draw):
    dtype = draw(st.sampled_from([d for d in DTYPES if d.kind != "b"]))
    n = draw(st.integers(0, 6))
    batch1, batch2 = draw(hnp.mutually_broadcastable_shapes(
        num_shapes=2, min_dims=0, max_dims=3, max_side=3)).input_shapes
    if draw(st.booleans()):
        batch1 = ()  # one shared vector: the matrix-vector product path
    elif draw(st.booleans()):
        batch2 = ()
    ndim = max(len(batch1), len(batch2)) + 1
    position = draw(st.integers(0, min(len(batch1), len(batch2))))
    shape1 = batch1[:len(batch1) - position] + (n,) + batch1[len(batch1) - position:]
    shape2 = batch2[:len(batch2) - position] + (n,) + batch2[len(batch2) - position:]
    axis = -1 - position
    assert -ndim <= axis
    return draw(laid_out(shape1, dtype)), draw(laid_out(shape2, dtype)), axis


@given(vecdot_operands())
def test_vecdot_matches_numpy(operands):
    x1, x2, axis = operands
    assert_same(NATIVE["vecdot"](x1, x2, axis), NUMPY["vecdot"](x1, x2, axis))


def test_vecdot_conjugates_first_argument():
    x1 = np.array([1 + 2j, 3 - 1j])
    x2 = np.array([[2 - 1j, 1j], [1, 1]])
    got = NATIVE["vecdot"](x1, x2, -1)
    np.testing.assert_array_equal(got, (np.conj(x1) * x2).sum(-1))


# ------------------------------------------------------------- through bridge's API


def test_bridge_matmul_on_every_backend(backend):
    a = np.arange(24, dtype=np.float64).reshape(2, 3, 4)
    b = np.arange(20, dtype=np.float64).reshape(4, 5)
    got = bridge.matmul(bridge.asarray(a), bridge.asarray(b))
    np.testing.assert_array_equal(to_numpy(got), a @ b)
    got = bridge.asarray(a[0].T) @ bridge.asarray(a[1])
    np.testing.assert_array_equal(to_numpy(got), a[0].T @ a[1])
    got = bridge.tensordot(bridge.asarray(a), bridge.asarray(a), axes=([1, 2], [1, 2]))
    np.testing.assert_array_equal(to_numpy(got), np.tensordot(a, a, axes=([1, 2], [1, 2])))
    got = bridge.vecdot(bridge.asarray(a), bridge.asarray(a[0, 0]))
    np.testing.assert_array_equal(to_numpy(got), a @ a[0, 0])


def test_bridge_matmul_shape_errors_name_the_function(backend):
    a = bridge.ones((2, 3))
    with pytest.raises(ValueError, match="matmul"):
        bridge.matmul(a, bridge.ones((4, 2)))
    with pytest.raises(ValueError, match="matmul"):
        bridge.matmul(bridge.ones((2, 2, 3)), bridge.ones((3, 3, 2)))

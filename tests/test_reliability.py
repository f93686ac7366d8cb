"""Inputs that used to crash the process, hang it, or give silent wrong results: each
now raises the standard's exception type naming the function, or gives the defined
result. Calls that could kill the interpreter run in a subprocess.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pytest

import bridge

from .conftest import to_numpy


def run_isolated(code, backend):
    """Run ``code`` in a fresh interpreter on ``backend``; return (returncode, output)."""
    program = f"import bridge, numpy as np\nbridge.set_backend({backend!r})\n" + textwrap.dedent(code)
    p = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout + p.stderr


@pytest.mark.parametrize("code", [
    "bridge.repeat(bridge.ones(4), 2**62)",
    "bridge.repeat(bridge.ones((2, 3)), 2**61, axis=1)",
    "bridge.repeat(bridge.ones(4), bridge.asarray([2**62, 1, 1, 1]))",
    "bridge.linspace(0, 1, num=2**63)",
])
def test_huge_results_raise_instead_of_crashing(backend, code):
    rc, out = run_isolated(f"""
        try:
            {code}
        except (ValueError, MemoryError) as exc:
            print("clean", type(exc).__name__, exc)
        """, backend)
    assert rc == 0, out
    assert "clean" in out and ("repeat" in out or "linspace" in out), out


@pytest.mark.parametrize("func", ["svd", "svdvals", "pinv", "matrix_rank", "eigh", "eigvalsh"])
@pytest.mark.parametrize("bad", [float("inf"), float("nan")])
def test_linalg_refuses_non_finite_input(backend, func, bad):
    x = bridge.asarray([[bad, 1e308], [1.0, 2.0]])
    with pytest.raises(np.linalg.LinAlgError, match=f"linalg.{func}: .*infinite or NaN"):
        getattr(bridge.linalg, func)(x)


def test_matrix_norms_from_singular_values_refuse_non_finite_input(backend):
    x = bridge.asarray([[np.inf, 1.0], [1.0, 2.0]])
    with pytest.raises(np.linalg.LinAlgError, match="matrix_norm"):
        bridge.linalg.matrix_norm(x, ord=2)
    assert float(bridge.linalg.matrix_norm(x, ord="fro")) == np.inf  # no decomposition


def test_empty_numpy_masks_are_masks(backend):
    x = bridge.zeros((3, 0))
    assert x[np.zeros((3, 0), bool)].shape == (0,)
    with pytest.raises(IndexError):
        x[np.zeros((2, 0), bool)] = 1.0
    assert bridge.ones(3)[[]].shape == (0,)  # an empty list is an empty integer index


@pytest.mark.parametrize("func", ["fft.hfft", "fft.irfft", "fft.fft", "fft.ifft"])
def test_fft_of_an_empty_axis_is_zero(backend, func):
    fn = bridge.fft.__dict__[func.split(".")[1]]
    x = bridge.zeros((2, 0), dtype=bridge.complex128)
    out = fn(x, n=5)
    assert out.shape == (2, 5)
    assert np.all(to_numpy(out) == 0)
    out = bridge.fft.fftn(x, s=(2, 3), axes=(0, 1))
    assert out.shape == (2, 3) and np.all(to_numpy(out) == 0)


@pytest.mark.parametrize("call", [
    lambda: bridge.sum(bridge.ones(3), keepdims="yes"),
    lambda: bridge.max(bridge.ones(3), keepdims=1),
    lambda: bridge.all(bridge.ones(3), keepdims=None),
    lambda: bridge.argmax(bridge.ones(3), keepdims=[]),
    lambda: bridge.sort(bridge.ones(3), stable=None),
    lambda: bridge.linalg.vector_norm(bridge.ones(3), keepdims="no"),
    lambda: bridge.cumulative_sum(bridge.ones(3), include_initial=2),
])
def test_bool_parameters_must_be_bools(backend, call):
    with pytest.raises(TypeError, match="must be a bool"):
        call()
    assert bridge.sum(bridge.ones(3), keepdims=np.bool_(True)).shape == (1,)


def test_grad_attribute_checks_dtype_and_device(backend):
    a = bridge.ones(3, requires_grad=True)
    with pytest.raises(TypeError, match="Tensor.grad: .*dtype"):
        a.grad = bridge.ones(3, dtype=bridge.int32)
    with pytest.raises(ValueError, match="Tensor.grad: .*shape"):
        a.grad = bridge.ones(4)
    a.grad = bridge.ones(3)
    assert a.grad is not None


def test_hook_results_are_checked(backend):
    a = bridge.ones(3, requires_grad=True)
    a.register_hook(lambda g: bridge.ones(5))
    with pytest.raises(ValueError, match="hook returned a gradient of shape"):
        bridge.sum(a * 2).backward()
    b = bridge.ones(3, requires_grad=True)
    b.register_hook(lambda g: "nope")
    with pytest.raises(TypeError, match="hook returned str"):
        bridge.sum(b * 2).backward()


def test_vecdot_axis_must_be_an_int(backend):
    with pytest.raises(TypeError, match="vecdot: axis must be an int"):
        bridge.vecdot(bridge.ones(3), bridge.ones(3), axis=None)


def test_linspace_num_checks(backend):
    with pytest.raises(TypeError, match="linspace: num"):
        bridge.linspace(0, 1, num=2.5)
    with pytest.raises(TypeError, match="linspace: num"):
        bridge.linspace(0, 1, num=True)


def test_dlpack_device_must_be_a_device(backend):
    class Bad:
        def __dlpack__(self, **kwargs):
            return np.ones(2).__dlpack__()

        def __dlpack_device__(self):
            return (-1, 0)

    with pytest.raises(BufferError, match="__dlpack_device__"):
        bridge.from_dlpack(Bad())


def test_pytorch_negative_bit_is_refused(backend):
    torch = pytest.importorskip("torch")
    z = torch.tensor([1 + 2j, 3 - 4j])
    negated = z.conj().imag
    assert negated.is_neg()
    with pytest.raises(BufferError, match="negative bit"):
        bridge.from_dlpack(negated)
    with pytest.raises(BufferError, match="asarray: .*negative bit"):
        bridge.asarray(negated)
    np.testing.assert_array_equal(to_numpy(bridge.from_dlpack(negated.resolve_neg())), [-2.0, 4.0])


def test_numpy_views_of_autograd_tensors_are_read_only(backend):
    if bridge.get_backend() == "cupy":
        pytest.skip("NumPy views exist for CPU tensors only")
    x = bridge.ones(3, requires_grad=True)
    y = x * x
    for t in (x, y):
        view = np.asarray(t)
        assert not view.flags.writeable
        with pytest.raises(ValueError):
            view += 1
    assert np.asarray(bridge.ones(3)).flags.writeable
    detached = x.detach()
    detached += 1.0  # seen by autograd: the saved input changed
    with pytest.raises(RuntimeError, match="modified by an in-place"):
        bridge.sum(y).backward()


def test_copies_between_overlapping_views_are_as_if_copied(backend):
    def arange():
        return bridge.asarray(np.arange(8.0)) if bridge.get_backend() != "cupy" else \
            bridge.arange(8.0)

    x = arange()
    x[1:] = x[:-1]
    np.testing.assert_array_equal(to_numpy(x), [0, 0, 1, 2, 3, 4, 5, 6])
    x = arange()
    view = x[1:]
    view += x[:-1]
    np.testing.assert_array_equal(to_numpy(x), [0, 1, 3, 5, 7, 9, 11, 13])
    x = arange()
    x[::-1] = x
    np.testing.assert_array_equal(to_numpy(x), [7, 6, 5, 4, 3, 2, 1, 0])
    x = arange()
    x[2:] = x[:6] * 1.0
    np.testing.assert_array_equal(to_numpy(x), [0, 1, 0, 1, 2, 3, 4, 5])
    if bridge.get_backend() != "cupy":
        base = np.arange(8.0)
        a, b = bridge.asarray(base[1:]), bridge.asarray(base[:-1])
        a[...] = b
        np.testing.assert_array_equal(base, [0, 0, 1, 2, 3, 4, 5, 6])


@pytest.mark.parametrize("func", ["fftfreq", "rfftfreq"])
def test_frequency_grids_beyond_memory_raise(backend, func):
    """fft.fftfreq(2**31) computed 16 GiB where the long fuzz profile ran and was
    killed: a length whose result cannot fit the machine is a MemoryError naming it."""
    with pytest.raises(MemoryError, match=f"fft.{func}"):
        getattr(bridge.fft, func)(2**44)


@pytest.mark.parametrize("call", [
    lambda: bridge.tril_indices(2**31), lambda: bridge.triu_indices(2**31, 0, 2**31),
    lambda: bridge.diag_indices(1, ndim=2**40)])
def test_index_grids_beyond_memory_raise(backend, call):
    """The long fuzz profile's tril_indices(2**31) (NumPy builds the n × m mask) and
    diag_indices(ndim=2**31) were killed allocating: MemoryError naming the function."""
    with pytest.raises(MemoryError, match="_indices"):
        call()


def test_ndindex_of_a_huge_dimension_is_lazy(backend):
    """numpy.ndindex(2**31) holds range(2**31) as a tuple before its first index (tens
    of GiB: the long fuzz profile was killed there); bridge's counts lazily, with
    NumPy's order and NumPy's indices for ordinary shapes."""
    import itertools

    assert list(itertools.islice(bridge.ndindex(2**31, 2**40), 3)) == [(0, 0), (0, 1), (0, 2)]
    for shape in [(2, 3), (), (0, 3), (3, 0), (1,), (2, 1, 2)]:
        assert list(bridge.ndindex(*shape)) == list(np.ndindex(*shape))
        assert list(bridge.ndindex(shape)) == list(np.ndindex(shape))


def test_tensor_resize_of_a_non_tensor_names_itself(backend):
    """The fuzzer's Tensor.resize('d', ()) met an AttributeError."""
    with pytest.raises(TypeError, match="Tensor.resize"):
        bridge.Tensor.resize("d", ())


def test_numpy_planner_errors_name_the_function(backend):
    with pytest.raises(ValueError, match="einsum_path"):
        bridge.einsum_path(None, (), "", optimize={"a": 1}, einsum_call=Ellipsis)
    with pytest.raises(TypeError, match="polyint: k"):
        bridge.polyint(2, m=2, k="tpu")

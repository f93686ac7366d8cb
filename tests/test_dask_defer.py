"""bridge's functions defer to foreign array types (bridge/_interop_defer.py).

A dask array in gives a lazy dask array out, with nothing computed, for each function
family dask implements (elementwise, Tensor operators, reductions, manipulation,
linear algebra, FFT, creation ``*_like``, searching, sets, the NumPy-compatible names),
whether its chunks are NumPy arrays or bridge Tensors; a function dask lacks raises
TypeError naming the bridge function and the type (bridge never computes the whole
array behind the user's back). The same holds for other deferring types: a
user-defined class with ``__array_function__``, a subclass of a foreign array, an
ndarray subclass overriding the protocol, a foreign ``__array_namespace__``. Lists,
scalars, NumPy arrays and DLPack producers (PyTorch) are converted, as before.
Autograd reaches through a dask graph run by threads in one process.
"""

from __future__ import annotations

import os
import subprocess
import sys

import dask
import dask.array as da
import numpy as np
import pytest
from dask.callbacks import Callback

import bridge
from bridge import _interop_defer

from .conftest import to_numpy

RNG = np.random.default_rng(21)
DATA = RNG.normal(size=(12, 8))
OTHER = RNG.normal(size=(12, 8))
SQUARE = RNG.normal(size=(8, 8))
SPD = SQUARE @ SQUARE.T + 8 * np.eye(8)


class _TaskCounter(Callback):
    """Counts the tasks dask's local schedulers run while it is active."""

    def __init__(self):
        super().__init__()
        self.ran = 0

    def _pretask(self, key, dsk, state):
        self.ran += 1


def lazy(call):
    """call() -> its result, checking it is a dask array (or a tuple of them) and that
    making it computed nothing."""
    with _TaskCounter() as counter:
        out = call()
    parts = out if isinstance(out, tuple) else (out,)
    assert all(isinstance(p, da.Array) for p in parts), [type(p) for p in parts]
    assert counter.ran == 0, f"{counter.ran} dask tasks ran while building the graph"
    return out


def computed(x):
    return to_numpy(x.compute())


def close(got, expected, rtol=1e-10, atol=1e-12):
    np.testing.assert_allclose(got, np.asarray(expected), rtol=rtol, atol=atol)


@pytest.fixture(autouse=True)
def synchronous():
    with dask.config.set(scheduler="sync"):
        yield


@pytest.fixture(params=["numpy chunks", "bridge chunks"])
def arrays(request, backend):
    """(x, y, square, spd) as dask arrays of 4x4 chunks: NumPy's, or bridge Tensors on
    the selected backend."""
    def make(data):
        if request.param == "numpy chunks":
            return da.from_array(data, chunks=4)
        return da.from_array(bridge.asarray(data), chunks=4, asarray=False)

    if request.param == "bridge chunks":
        bridge.register_dask()
    return make(DATA), make(OTHER), make(SQUARE), make(SPD)


def _same_as_numpy(arrays, case):
    """``case(xp, x, y)`` with xp=bridge on dask arrays is lazy and computes NumPy's
    ``case(numpy, DATA, OTHER)``."""
    x, y = arrays[:2]
    got = lazy(lambda: case(bridge, x, y))
    close(computed(got), case(np, DATA, OTHER))


# ------------------------------------------------------------------ elementwise

ELEMENTWISE = {
    "exp": lambda xp, x, y: xp.exp(x),
    "sin": lambda xp, x, y: xp.sin(x),
    "abs": lambda xp, x, y: xp.abs(x),
    "sqrt of abs": lambda xp, x, y: xp.sqrt(xp.abs(x)),
    "add": lambda xp, x, y: xp.add(x, y),
    "multiply by a scalar": lambda xp, x, y: xp.multiply(x, 2.5),
    "pow": lambda xp, x, y: xp.pow(xp.abs(x), 1.5),
    "atan2": lambda xp, x, y: xp.atan2(x, y),
    "maximum": lambda xp, x, y: xp.maximum(x, y),
    "logaddexp": lambda xp, x, y: xp.logaddexp(x, y),
    "hypot": lambda xp, x, y: xp.hypot(x, y),
    "less": lambda xp, x, y: xp.less(x, y),
    "isfinite": lambda xp, x, y: xp.isfinite(x),
    "clip": lambda xp, x, y: xp.clip(x, -0.5, 0.5),
    "round": lambda xp, x, y: xp.round(x),
    "real of a complex": lambda xp, x, y: xp.real(x + 1j * y),
    "conj": lambda xp, x, y: xp.conj(x + 1j * y),
}


@pytest.mark.parametrize("case", ELEMENTWISE.values(), ids=ELEMENTWISE.keys())
def test_elementwise_functions_are_lazy(arrays, case):
    _same_as_numpy(arrays, case)


# ------------------------------------------------------------------ Tensor operators

OPERATORS = {
    "tensor + dask": (lambda t, x: t + x, lambda a, b: a + b),
    "dask + tensor": (lambda t, x: x + t, lambda a, b: b + a),
    "tensor * dask": (lambda t, x: t * x, lambda a, b: a * b),
    "dask - tensor": (lambda t, x: x - t, lambda a, b: b - a),
    "tensor / dask": (lambda t, x: t / x, lambda a, b: a / b),
    "tensor ** dask": (lambda t, x: abs(t) ** x, lambda a, b: abs(a) ** b),
    "tensor < dask": (lambda t, x: t < x, lambda a, b: a < b),
    "dask >= tensor": (lambda t, x: x >= t, lambda a, b: b >= a),
    "tensor @ dask.T": (lambda t, x: t @ x.T, lambda a, b: a @ b.T),
    "dask @ tensor.T": (lambda t, x: x @ t.T, lambda a, b: b @ a.T),
}


@pytest.mark.parametrize("case", OPERATORS.values(), ids=OPERATORS.keys())
def test_tensor_operators_give_dask_arrays(arrays, case):
    """What NumPy does: ``ndarray + dask_array`` is a dask array. A Tensor operator
    returns NotImplemented for a dask operand (dask's reflected operator then runs),
    and its reflected operator calls NumPy's ufunc, as ndarray's does."""
    bridge_op, numpy_op = case
    x = arrays[0]
    t = bridge.asarray(OTHER)
    got = lazy(lambda: bridge_op(t, x))
    close(computed(got), numpy_op(OTHER, DATA))


def test_tensor_operator_returns_notimplemented_for_a_deferring_operand(backend):
    x = da.from_array(DATA, chunks=4)
    t = bridge.asarray(OTHER)
    assert t.__add__(x) is NotImplemented
    assert t.__lt__(x) is NotImplemented
    assert t.__matmul__(x) is NotImplemented
    assert isinstance(t.__radd__(x), da.Array)  # NumPy's ufunc, as ndarray.__radd__


def test_operators_work_before_dask_knows_tensors(backend):
    """The first contact may be an operator whose dask side declined (dask imported
    after bridge, Tensor not yet a dask chunk type): Tensor is registered then, and that
    very operation still gives a dask array. Run in a fresh process."""
    code = (
        "import bridge, numpy as np\n"
        "import dask, dask.array as da\n"
        "dask.config.set(scheduler='sync')\n"
        "x = da.from_array(np.arange(6.0), chunks=3)\n"
        "t = bridge.asarray(np.ones(6))\n"
        "r = x < t\n"
        "assert isinstance(r, da.Array), type(r)\n"
        "assert r.compute().tolist() == [True] + [False] * 5\n"
        "s = x + t\n"
        "assert isinstance(s, da.Array) and float(s.sum().compute()) == 21.0\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "BRIDGE_BACKEND": backend}, timeout=120)
    assert result.returncode == 0, result.stderr


# ------------------------------------------------------------------ reductions

REDUCTIONS = {
    "sum": lambda xp, x, y: xp.sum(x),
    "sum axis=0": lambda xp, x, y: xp.sum(x, axis=0),
    "sum keepdims": lambda xp, x, y: xp.sum(x, axis=1, keepdims=True),
    "mean axis=1": lambda xp, x, y: xp.mean(x, axis=1),
    "max axis=0": lambda xp, x, y: xp.max(x, axis=0),
    "min": lambda xp, x, y: xp.min(x),
    "prod axis=0": lambda xp, x, y: xp.prod(x, axis=0),
    "std axis=0": lambda xp, x, y: xp.std(x, axis=0),
    "var": lambda xp, x, y: xp.var(x),
    "all": lambda xp, x, y: xp.all(x > -10),
    "any axis=1": lambda xp, x, y: xp.any(x > 1.5, axis=1),
}


@pytest.mark.parametrize("case", REDUCTIONS.values(), ids=REDUCTIONS.keys())
def test_reductions_are_lazy(arrays, case):
    _same_as_numpy(arrays, case)


# ------------------------------------------------------------------ manipulation

MANIPULATION = {
    "concat": lambda xp, x, y: xp.concat([x, y], axis=1),
    "stack": lambda xp, x, y: xp.stack([x, y]),
    "reshape": lambda xp, x, y: xp.reshape(x, (3, 4, 8)),
    "permute_dims": lambda xp, x, y: xp.permute_dims(x, (1, 0)),
    "expand_dims": lambda xp, x, y: xp.expand_dims(x, axis=0),
    "squeeze": lambda xp, x, y: xp.squeeze(xp.expand_dims(x, axis=1), axis=1),
    "flip": lambda xp, x, y: xp.flip(x, axis=0),
    "roll": lambda xp, x, y: xp.roll(x, 3, axis=1),
    "broadcast_to": lambda xp, x, y: xp.broadcast_to(x[:1], (5, 8)),
    "tile": lambda xp, x, y: xp.tile(x, (2, 1)),
    "repeat": lambda xp, x, y: xp.repeat(x, 2, axis=0),
    "moveaxis": lambda xp, x, y: xp.moveaxis(xp.stack([x, y]), 0, -1),
    "take": lambda xp, x, y: xp.take(x, xp.asarray([0, 5, 11]) if xp is np else
                                     np.array([0, 5, 11]), axis=0),
}


@pytest.mark.parametrize("case", MANIPULATION.values(), ids=MANIPULATION.keys())
def test_manipulation_is_lazy(arrays, case):
    _same_as_numpy(arrays, case)


# ------------------------------------------------------------------ linear algebra

LINEAR_ALGEBRA = {
    "matmul": lambda xp, x, y: xp.matmul(x, y.T),
    "tensordot": lambda xp, x, y: xp.tensordot(x, y, axes=([0], [0])),
    "vecdot": lambda xp, x, y: xp.vecdot(x, y) if xp is np else  # (a gufunc: dask wants
    xp.vecdot(x.rechunk((4, -1)), y.rechunk((4, -1))),  # its core axis in one chunk)
    "linalg.matmul": lambda xp, x, y: xp.linalg.matmul(x.T, y),
    "linalg.tensordot": lambda xp, x, y: xp.linalg.tensordot(x, y, axes=2),
    "einsum": lambda xp, x, y: xp.einsum("ij,ij->j", x, y),
    "dot": lambda xp, x, y: xp.dot(x.T, y),
}


@pytest.mark.parametrize("case", LINEAR_ALGEBRA.values(), ids=LINEAR_ALGEBRA.keys())
def test_linear_algebra_is_lazy(arrays, case):
    _same_as_numpy(arrays, case)


def test_linalg_decompositions_are_lazy(arrays):
    x, _, square, spd = arrays
    x = x.rechunk((4, -1))  # tall and skinny (one column chunk): dask's TSQR
    q, r = lazy(lambda: bridge.linalg.qr(x))
    close(computed(q) @ computed(r), DATA)
    close(computed(q).T @ computed(q), np.eye(8), atol=1e-10)
    u, s, vt = lazy(lambda: bridge.linalg.svd(x))
    close(computed(s), np.linalg.svd(DATA, compute_uv=False))
    solution = lazy(lambda: bridge.linalg.solve(square, x[:8]))
    inverse = lazy(lambda: bridge.linalg.inv(square))
    if isinstance(square._meta, np.ndarray):
        # (dask's LU, behind solve and inv, fills blocks with NumPy zeros next to the
        # chunks and hands both to SciPy, whose array API mode refuses the mixture of
        # Tensor and ndarray blocks: a limit of Tensor chunks there, not of deferral)
        close(SQUARE @ computed(solution), DATA[:8], rtol=1e-8, atol=1e-10)
        close(computed(inverse) @ SQUARE, np.eye(8), atol=1e-9)
    # the foreign function's semantics are its own: dask's cholesky gives the upper
    # factor (NumPy's and the standard's the lower), exactly what numpy.linalg.cholesky
    # gives on a dask array of the same chunks (of NumPy's: on GPU tensor chunks dask's
    # own cholesky calls SciPy, which takes host arrays only)
    factor = computed(lazy(lambda: bridge.linalg.cholesky(spd)))
    close(factor, computed(np.linalg.cholesky(da.from_array(SPD, chunks=spd.chunksize))))
    close(factor.T @ factor, SPD)


# ------------------------------------------------------------------ FFT

FFT = {
    "fft.fft": lambda xp, x, y: xp.fft.fft(x),
    "fft.ifft": lambda xp, x, y: xp.fft.ifft(x, axis=-1),
    "fft.rfft": lambda xp, x, y: xp.fft.rfft(x, n=8),
    "fft.irfft": lambda xp, x, y: xp.fft.irfft(xp.fft.rfft(x), n=8),
    "fft.fftshift": lambda xp, x, y: xp.fft.fftshift(x, axes=1),
}


@pytest.mark.parametrize("case", FFT.values(), ids=FFT.keys())
def test_fft_is_lazy(arrays, case):
    """dask transforms along an axis held in one chunk (the rows here)."""
    x, y = (a.rechunk((4, -1)) for a in arrays[:2])
    _same_as_numpy((x, y), case)


# ------------------------------------------------------------------ creation, searching, sets

CREATION_SEARCHING_SETS = {
    "zeros_like": lambda xp, x, y: xp.zeros_like(x),
    "ones_like float32": lambda xp, x, y: xp.ones_like(x, dtype=xp.float32),
    "full_like": lambda xp, x, y: xp.full_like(x, 2.5),
    "tril": lambda xp, x, y: xp.tril(x, k=-1),
    "triu": lambda xp, x, y: xp.triu(x),
    "argmax axis=0": lambda xp, x, y: xp.argmax(x, axis=0),
    "argmin": lambda xp, x, y: xp.argmin(x),
    "where": lambda xp, x, y: xp.where(x > 0, x, y),
    "count_nonzero": lambda xp, x, y: xp.count_nonzero(x > 0),
    "searchsorted": lambda xp, x, y: xp.searchsorted(xp.sort(y[:, 0]) if xp is np else
                                                     da.from_array(np.sort(OTHER[:, 0]), 4),
                                                     x[:, 0]),
    "unique_values": lambda xp, x, y: xp.unique_values(xp.round(x)),
    "isin": lambda xp, x, y: xp.isin(xp.round(x), np.array([0.0, 1.0])),
}


@pytest.mark.parametrize("case", CREATION_SEARCHING_SETS.values(),
                         ids=CREATION_SEARCHING_SETS.keys())
def test_creation_searching_and_sets_are_lazy(arrays, case):
    _same_as_numpy(arrays, case)


def test_empty_like_and_meshgrid_are_lazy(arrays):
    x = arrays[0]
    empty = lazy(lambda: bridge.empty_like(x))
    assert empty.shape == DATA.shape and empty.dtype == DATA.dtype
    a, b = lazy(lambda: tuple(bridge.meshgrid(x[:, 0], x[0], indexing="ij")))
    expected = np.meshgrid(DATA[:, 0], DATA[0], indexing="ij")
    close(computed(a), expected[0])
    close(computed(b), expected[1])


def test_nonzero_is_lazy(arrays):
    rows, cols = lazy(lambda: tuple(bridge.nonzero(arrays[0] > 1.0)))
    expected = np.nonzero(DATA > 1.0)
    close(computed(rows), expected[0])
    close(computed(cols), expected[1])


# ------------------------------------------------------------------ what dask lacks

MISSING = {
    "bridge.sort": lambda x: bridge.sort(x),
    "bridge.argsort": lambda x: bridge.argsort(x, axis=0),
    "bridge.unique_counts": lambda x: bridge.unique_counts(x),
    "bridge.cumulative_sum": lambda x: bridge.cumulative_sum(x, axis=0),
    "bridge.linalg.vector_norm": lambda x: bridge.linalg.vector_norm(x),
    "bridge.linalg.det": lambda x: bridge.linalg.det(x[:8]),
    "bridge.astype": lambda x: bridge.astype(x, bridge.float32),
}


@pytest.mark.parametrize("name", MISSING)
def test_a_function_dask_lacks_raises_instead_of_computing(arrays, name):
    x = arrays[0]
    with _TaskCounter() as counter, pytest.raises(TypeError) as info:
        MISSING[name](x)
    assert counter.ran == 0
    message = str(info.value)
    assert name in message and "dask" in message, message


def test_foreign_errors_name_the_bridge_function(arrays):
    """Arguments the foreign function refuses raise its error with bridge's name."""
    with pytest.raises(ValueError, match="fft"):
        bridge.fft.fft(arrays[0].rechunk((12, 4)))  # dask: one chunk along the axis
    with pytest.raises(TypeError, match="count_nonzero"):
        bridge.count_nonzero(arrays[0], keepdims=True)


# ------------------------------------------------------------------ what converts

def test_conversion_doors_compute(arrays):
    """asarray converts a dask array, computing it (as numpy.asarray does); the dtype
    functions read its dtype without computing."""
    x = arrays[0]
    t = bridge.asarray(x)
    assert isinstance(t, bridge.Tensor)
    close(to_numpy(t), DATA)
    with _TaskCounter() as counter:
        assert bridge.result_type(x, bridge.float32) == bridge.float64
        assert bridge.can_cast(x.dtype, bridge.float32) is False
    assert counter.ran == 0


def test_numpy_conversions_convert_and_metadata_reads_attributes(arrays):
    """NumPy's conversion names convert (numpy.array is no dispatching function), and the
    NumPy-compatible functions that read shapes and dtypes answer from the dask array's
    attributes, computing nothing."""
    x = arrays[0]
    for convert in (bridge.array, bridge.asanyarray, bridge.ascontiguousarray):
        t = convert(x)
        assert isinstance(t, bridge.Tensor)
        close(to_numpy(t), DATA)
    with _TaskCounter() as counter:
        assert bridge.size(x) == DATA.size and bridge.size(x, axis=1) == 8
        assert bridge.ndim(x) == 2 and bridge.shape(x) == (12, 8)
        assert bridge.isrealobj(x) and not bridge.iscomplexobj(x)
        assert bridge.iscomplexobj(x + 1j) and bridge.isscalar(x) is False
    assert counter.ran == 0


def test_lists_scalars_ndarrays_and_torch_convert(backend):
    torch = pytest.importorskip("torch")  # a test dependency; the CPU build everywhere
    for value in ([1.0, 2.0], (1.0, 2.0), np.array([1.0, 2.0]), np.float64(2.0),
                  torch.tensor([1.0, 2.0])):
        out = bridge.exp(value)
        assert isinstance(out, bridge.Tensor), type(value)
        close(to_numpy(out), np.exp(np.asarray(value)), rtol=1e-6)
    assert isinstance(bridge.concat([np.ones(2), [1.0]]), bridge.Tensor)


def test_mixed_tensor_and_dask_arguments_defer(arrays):
    x = arrays[0]
    t = bridge.asarray(OTHER)
    close(computed(lazy(lambda: bridge.add(t, x))), OTHER + DATA)
    close(computed(lazy(lambda: bridge.concat([t, x]))), np.concatenate([OTHER, DATA]))
    close(computed(lazy(lambda: bridge.where(t > 0, x, t))), np.where(OTHER > 0, DATA, OTHER))


# ------------------------------------------------------------------ other deferring types

class Duck:
    """A user-defined array with ``__array_function__`` for numpy.sum and
    numpy.concatenate only (NEP 18's example, trimmed)."""

    HANDLED: dict = {}

    def __init__(self, data):
        self.data = np.asarray(data)

    def __array__(self, dtype=None, copy=None):
        return self.data if dtype is None else self.data.astype(dtype)

    def __array_function__(self, func, types, args, kwargs):
        if func not in self.HANDLED:
            return NotImplemented
        return self.HANDLED[func](*args, **kwargs)


def _duck_sum(x, axis=None, **kwargs):
    return Duck(np.sum(x.data, axis=axis))


def _duck_concatenate(arrays, axis=0):
    return Duck(np.concatenate([a.data for a in arrays], axis=axis))


Duck.HANDLED.update({np.sum: _duck_sum, np.concatenate: _duck_concatenate})


def test_a_user_class_with_array_function(backend):
    d = Duck(DATA)
    out = bridge.sum(d, axis=0)
    assert isinstance(out, Duck)
    close(out.data, DATA.sum(axis=0))
    joined = bridge.concat([d, d])
    assert isinstance(joined, Duck) and joined.data.shape == (24, 8)
    with pytest.raises(TypeError, match=r"bridge\.mean.*Duck"):
        bridge.mean(d)  # its __array_function__ does not take numpy.mean
    # no __array_ufunc__: the elementwise functions convert it, as NumPy's ufuncs do
    out = bridge.exp(d)
    assert isinstance(out, bridge.Tensor)
    close(to_numpy(out), np.exp(DATA))


class Tagged(np.ndarray):
    """An ndarray subclass overriding ``__array_function__``: NumPy defers to it."""

    def __array_function__(self, func, types, args, kwargs):
        return ("tagged", func.__name__)


class Plain(np.ndarray):
    """An ndarray subclass keeping NumPy's protocols: converted, like an ndarray."""


def test_ndarray_subclasses(backend):
    assert bridge.sum(DATA.view(Tagged)) == ("tagged", "sum")
    out = bridge.sum(DATA.view(Plain), axis=0)
    assert isinstance(out, bridge.Tensor)
    close(to_numpy(out), DATA.sum(axis=0))


class MyDaskArray(da.Array):
    """A subclass of a foreign array type."""


def test_a_subclass_of_a_foreign_array(backend):
    x = da.from_array(DATA, chunks=4)
    mine = MyDaskArray(x.dask, x.name, x.chunks, meta=x._meta)
    assert _interop_defer.defers(MyDaskArray)
    close(computed(lazy(lambda: bridge.exp(mine))), np.exp(DATA))
    close(computed(lazy(lambda: bridge.sum(mine, axis=1))), DATA.sum(axis=1))


def test_a_foreign_array_namespace(backend):
    """array_api_strict brings its own namespace: bridge calls its function of the same
    name, with bridge's dtypes given as its own."""
    xs = pytest.importorskip("array_api_strict")  # a test dependency
    a = xs.asarray(DATA)
    for out, expected in ((bridge.exp(a), np.exp(DATA)),
                          (bridge.sum(a, axis=0), DATA.sum(axis=0)),
                          (bridge.linalg.matrix_norm(a[:8, :]), np.linalg.norm(DATA[:8])),
                          (bridge.fft.rfft(a), np.fft.rfft(DATA))):
        assert type(out) is type(a)
        close(np.asarray(out._array), expected)
    cast = bridge.astype(a, bridge.float32)
    assert cast.dtype == xs.float32
    with pytest.raises(TypeError, match=r"bridge\.median.*array_api_strict"):
        bridge.median(a)  # a NumPy-compatible name the standard's namespace lacks
    # the conversion doors still convert (DLPack)
    assert isinstance(bridge.asarray(a), bridge.Tensor)


def test_the_rule_per_type():
    torch = pytest.importorskip("torch")
    expected = {
        bridge.Tensor: False, np.ndarray: False, np.float64: False, Plain: False,
        list: False, int: False, torch.Tensor: False, torch.nn.Parameter: False,
        da.Array: True, MyDaskArray: True, Duck: True, Tagged: True,
        np.ma.MaskedArray: False,
    }
    for cls, defers in expected.items():
        assert _interop_defer.defers(cls) is defers, cls


def test_tensor_calls_never_reach_python_deferral(backend):
    """The C front answers Tensors, scalars, lists and tuples itself, and asks the rule
    once per other type."""
    asked, calls = [], []

    def defers(cls):
        asked.append(cls)
        return _interop_defer.defers(cls)

    def defer_call(name, /, *args, **kwargs):
        calls.append(name)
        return _interop_defer.defer_call(name, *args, **kwargs)

    from bridge import _fastpath

    x = bridge.asarray(DATA)
    try:
        _fastpath.set_defer_hooks(defers, defer_call, _interop_defer.NOT_MINE)
        x.requires_grad_(True)  # the autograd path declines the C kernels: it still
        bridge.sum(bridge.exp(x), axis=(0, 1))  # passes the deferral check in C
        bridge.concat([x, x], axis=0)
        bridge.linalg.vector_norm(x)
        bridge.sort(x, axis=0)
        bridge.asarray([1.0, 2.0])
        assert asked == [] and calls == []
        d = da.from_array(DATA, chunks=4)
        bridge.exp(d)
        bridge.sin(d)
        bridge.exp(np.float32(1.0))
        assert asked.count(da.Array) == 1
        assert calls == ["exp", "sin"]
    finally:
        _interop_defer.install()


# ------------------------------------------------------------------ autograd

@pytest.mark.parametrize("scheduler", ["sync", "threads"])
def test_autograd_through_a_dask_graph_in_one_process(backend, scheduler):
    """Tasks that share the process share autograd's graph: the loss computed by dask
    from Tensor chunks and a parameter that requires grad differentiates to it."""
    bridge.register_dask()
    w = bridge.asarray(np.linspace(0.5, 1.5, 8))
    w.requires_grad_(True)
    x = da.from_array(DATA, chunks=4)
    with dask.config.set(scheduler=scheduler):
        loss = bridge.sum(bridge.exp(x * w)).compute()
    assert isinstance(loss, bridge.Tensor) and loss._meta is not None
    loss.backward()
    close(to_numpy(w.grad), (DATA * np.exp(DATA * np.linspace(0.5, 1.5, 8))).sum(axis=0),
          rtol=1e-9)


def test_sizeof_counts_tensor_memory(backend):
    from dask.sizeof import sizeof

    bridge.register_dask()
    t = bridge.asarray(DATA)
    assert sizeof(t) >= DATA.nbytes

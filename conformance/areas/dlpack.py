"""DLPack exchange with every importable peer (numpy, torch, jax, cupy,
array_api_strict): round trips over every dtype both sides support, non-contiguous
layouts, copy flags, capsule names, ``__dlpack_device__``, and zero-copy proven by
comparing data pointers where both sides are on the CPU."""

from __future__ import annotations

import ctypes
import importlib
from collections.abc import Callable
from typing import Any

import numpy as np

from ..core import Check, CheckSkipped, Context, fail

AREA = "dlpack"
CPU = 1  # DLPack device type kDLCPU

_PyCapsule_GetName = ctypes.pythonapi.PyCapsule_GetName
_PyCapsule_GetName.restype = ctypes.c_char_p
_PyCapsule_GetName.argtypes = [ctypes.py_object]


class Peer:
    """How the suite moves arrays in and out of one peer library and reads their data
    pointers; everything imported lazily."""

    def __init__(self, name: str):
        self.name = name
        self._module: Any = None

    def module(self) -> Any:
        if self._module is None:
            try:
                self._module = importlib.import_module({"jax": "jax.numpy"}.get(self.name, self.name))
            except Exception as error:
                raise CheckSkipped(f"{self.name} is not importable ({type(error).__name__})") from None
        return self._module

    def from_numpy(self, array: np.ndarray) -> Any:
        m = self.module()
        if self.name == "torch":
            return m.from_numpy(array.copy())
        return m.asarray(array.copy())

    def to_numpy(self, array: Any) -> np.ndarray:
        if self.name == "torch":
            return array.detach().cpu().resolve_conj().numpy()
        if self.name == "cupy":
            return array.get()
        return np.asarray(np.from_dlpack(array)) if self.name == "array_api_strict" else np.asarray(array)

    def from_dlpack(self, x: Any, **kwargs: Any) -> Any:
        m = self.module()
        if self.name == "jax":
            import jax.dlpack

            return jax.dlpack.from_dlpack(x, **kwargs)
        if self.name in ("numpy", "array_api_strict") and "device" not in kwargs and not on_cpu(x):
            # a CPU-only consumer asks a GPU producer for a host copy (dl_device=kDLCPU),
            # as the standard says; without it the producer rightly hands over GPU memory
            kwargs["device"] = "cpu"
        return m.from_dlpack(x, **kwargs)

    def pointer(self, array: Any) -> int | None:
        """Address of the first element, or None where the peer cannot say."""
        if self.name == "numpy":
            return array.__array_interface__["data"][0]
        if self.name == "torch":
            return array.data_ptr()
        if self.name == "array_api_strict":
            return np.from_dlpack(array).__array_interface__["data"][0]
        return None

    def supports(self, dtype: str) -> bool:
        m = self.module()
        if self.name == "jax" and dtype in ("float64", "complex128", "int64", "uint64"):
            import jax

            return bool(jax.config.jax_enable_x64)
        if self.name == "torch" and dtype in ("uint16", "uint32", "uint64"):
            return False  # torch has no DLPack export for these
        return hasattr(m, dtype)


PEERS = ("numpy", "torch", "jax", "cupy", "array_api_strict")


def sample(dtype: str) -> np.ndarray:
    if dtype == "bool":
        return np.array([[True, False, True], [False, True, True]])
    values = np.array([[1, 2, 3], [4, 5, 6]])
    if dtype.startswith("complex"):
        return (values + 1j * values[::-1]).astype(dtype)
    return values.astype(dtype)


def numpy_pointer(x: Any) -> int:
    """Data pointer of a namespace array, read through numpy's zero-copy DLPack import."""
    return np.from_dlpack(x).__array_interface__["data"][0]


def on_cpu(x: Any) -> bool:
    device = x.__dlpack_device__()
    return int(device[0]) == CPU


def namespace_devices(ctx: Context) -> dict[int, Any]:
    """The namespace's devices by DLPack device type (kDLCPU, kDLCUDA, ...): one device
    of each type whose arrays report it, found by making a small array on each."""
    cache = ctx.extras.get("_dlpack_device_types")
    if cache is None:
        cache = ctx.extras["_dlpack_device_types"] = {}
        try:
            devices = list(ctx.xp.__array_namespace_info__().devices())
        except Exception:
            devices = []
        for device in devices:
            try:
                kind = int(ctx.xp.asarray([0], device=device).__dlpack_device__()[0])
            except Exception:
                continue
            cache.setdefault(kind, device)
        if not cache:  # no inspection API: the default device is the one known
            try:
                probe = ctx.xp.asarray([0])
                cache[int(probe.__dlpack_device__()[0])] = getattr(probe, "device", None)
            except Exception:
                pass
    return cache


CUDA, CUDA_MANAGED = 2, 13  # DLPack device types kDLCUDA, kDLCUDAManaged


def readable_devices(peer: Peer) -> set[int] | None:
    """The DLPack device types a peer's from_dlpack reads, where it reads only some and
    cannot ask the producer for a copy elsewhere (array_api_strict passes no ``device``;
    CuPy refuses host memory); None for any (NumPy asks a GPU producer for a host copy,
    PyTorch and JAX read both)."""
    if peer.name == "array_api_strict":
        return {CPU}
    if peer.name == "cupy":
        return {CUDA, CUDA_MANAGED}
    return None


def check_export(peer: Peer) -> Callable[[Context], None]:
    def run(ctx: Context) -> None:
        peer.module()
        for dtype in ctx.available_dtypes:
            if not peer.supports(dtype):
                continue
            data = sample(dtype)
            x = ctx.asarray(data, dtype)
            kinds = readable_devices(peer)
            if kinds is not None and int(x.__dlpack_device__()[0]) not in kinds:
                # the peer cannot read memory of x's device: export from a device of the
                # namespace it can read, or skip where the namespace has none
                target = next((d for kind, d in namespace_devices(ctx).items() if kind in kinds),
                              None)
                if target is None:
                    raise CheckSkipped(f"{peer.name} reads DLPack device types {sorted(kinds)} "
                                       "only, and the namespace has no device of them")
                x = x.to_device(target)
            try:
                y = peer.from_dlpack(x)
            except Exception as error:
                fail(f"{peer.name}.from_dlpack(x) for a {dtype} array of shape {data.shape} raised "
                     f"{type(error).__name__}: {error}", dtype=dtype)
            got = peer.to_numpy(y)
            if got.dtype != data.dtype or not np.array_equal(got, data):
                fail(f"{peer.name}.from_dlpack(x) for x a {dtype} array {data.tolist()}: got {got.dtype} "
                     f"{got.tolist()}", dtype=dtype)
            if on_cpu(x) and peer.pointer(y) is not None and peer.pointer(y) != numpy_pointer(x):
                fail(f"{peer.name}.from_dlpack(x) for a {dtype} array copied the data (pointer "
                     f"{peer.pointer(y):#x} != {numpy_pointer(x):#x}); a CPU exchange must be zero-copy",
                     dtype=dtype)

    return run


def check_import(peer: Peer) -> Callable[[Context], None]:
    def run(ctx: Context) -> None:
        peer.module()
        for dtype in ctx.available_dtypes:
            if not peer.supports(dtype):
                continue
            data = sample(dtype)
            source = peer.from_numpy(data)
            kind = int(source.__dlpack_device__()[0])
            if kind not in namespace_devices(ctx):
                if peer.name == "jax" and CPU in namespace_devices(ctx):
                    # JAX puts arrays on its GPU when it has one; a namespace without
                    # GPU devices imports from JAX's CPU device
                    import jax

                    source = jax.device_put(source, jax.devices("cpu")[0])
                else:
                    raise CheckSkipped(f"{peer.name} arrays are on DLPack device type {kind}, "
                                       "which the namespace has no device of")
            try:
                x = ctx.xp.from_dlpack(source)
            except Exception as error:
                fail(f"from_dlpack({peer.name} {dtype} array of shape {data.shape}) raised "
                     f"{type(error).__name__}: {error}", dtype=dtype)
            if ctx.dtype_name(x.dtype) != dtype or not np.array_equal(ctx.to_numpy(x), data):
                fail(f"from_dlpack({peer.name} {dtype} array {data.tolist()}) gave dtype {ctx.dtype_name(x.dtype)} "
                     f"values {ctx.to_numpy(x).tolist()}", dtype=dtype)
            source_pointer = peer.pointer(source)
            if source_pointer is not None and on_cpu(x) and numpy_pointer(x) != source_pointer:
                fail(f"from_dlpack({peer.name} {dtype} array) copied the data; importing CPU memory must be "
                     f"zero-copy (copy=None)", dtype=dtype)

    return run


def check_layouts(peer: Peer) -> Callable[[Context], None]:
    """Strided views (every other column, a transpose, a negative stride) exported
    with the right values, or refused with BufferError."""

    def run(ctx: Context) -> None:
        peer.module()
        if not ctx.has("float64"):
            raise CheckSkipped("float64 not offered")
        base = np.arange(24.0).reshape(4, 6)
        x = ctx.asarray(base, "float64")
        views = {"x[:, ::2]": (x[:, ::2], base[:, ::2]), "x.T": (x.T, base.T), "x[1:3, 2:5]": (x[1:3, 2:5], base[1:3, 2:5])}
        if peer.name != "torch":  # torch aborts the process on negative strides (see shared/spec/dlpack.md)
            views["flip(x, axis=1)"] = (ctx.xp.flip(x, axis=1), base[:, ::-1])
        for label, (view, want) in views.items():
            try:
                got = peer.to_numpy(peer.from_dlpack(view))
            except BufferError:
                continue  # a producer may refuse strides it cannot export
            except Exception as error:
                if peer.name != "numpy":
                    continue  # consumers such as JAX refuse non-compact strides themselves
                fail(f"{peer.name}.from_dlpack({label}) raised {type(error).__name__}: {error}; a layout that "
                     f"cannot be exported must raise BufferError")
            if not np.array_equal(got, want):
                fail(f"{peer.name}.from_dlpack({label}) for x = arange(24.0).reshape(4, 6): expected "
                     f"{want.tolist()}, got {got.tolist()}")

    return run


def check_copy_flags(ctx: Context) -> None:
    if not ctx.has("float64"):
        raise CheckSkipped("float64 not offered")
    source = np.arange(6.0)
    copied = ctx.xp.from_dlpack(source, copy=True)
    if not np.array_equal(ctx.to_numpy(copied), source):
        fail("from_dlpack(numpy array, copy=True) changed the values")
    if on_cpu(copied) and numpy_pointer(copied) == source.__array_interface__["data"][0]:
        fail("from_dlpack(numpy array, copy=True) shares memory with the source; copy=True must copy")
    shared = ctx.xp.from_dlpack(source, copy=False)
    if on_cpu(shared) and numpy_pointer(shared) != source.__array_interface__["data"][0]:
        fail("from_dlpack(numpy array, copy=False) did not share memory with the source")
    x = ctx.asarray([1.0, 2.0], "float64")
    if not on_cpu(x):
        # a host copy of device memory is a copy by construction: check the values
        exported = np.from_dlpack(x, copy=True, device="cpu")
        if not np.array_equal(exported, [1.0, 2.0]):
            fail(f"numpy.from_dlpack(x, copy=True, device='cpu') gave {exported.tolist()}")
        return
    exported = np.from_dlpack(x, copy=True)
    if exported.__array_interface__["data"][0] == numpy_pointer(x):
        fail("x.__dlpack__(copy=True) (via numpy.from_dlpack(x, copy=True)) shares memory with x")


def check_protocol(ctx: Context) -> None:
    x = ctx.asarray([1.0, 2.0, 3.0], "float64" if ctx.has("float64") else None)
    device = x.__dlpack_device__()
    if not isinstance(device, tuple) or len(device) != 2 or not all(isinstance(int(v), int) for v in device):
        fail(f"x.__dlpack_device__() returned {device!r}; expected a (device_type, device_id) tuple")
    legacy = x.__dlpack__()
    if _PyCapsule_GetName(legacy) != b"dltensor":
        fail(f"x.__dlpack__() returned a capsule named {_PyCapsule_GetName(legacy)!r}; expected b'dltensor'")
    versioned = x.__dlpack__(max_version=(1, 0))
    if _PyCapsule_GetName(versioned) != b"dltensor_versioned":
        fail(f"x.__dlpack__(max_version=(1, 0)) returned a capsule named {_PyCapsule_GetName(versioned)!r}; "
             f"expected b'dltensor_versioned'")
    if on_cpu(x):
        try:
            x.__dlpack__(stream=1)
        except Exception:  # the standard names no exception type for an invalid CPU stream
            pass
        else:
            fail("x.__dlpack__(stream=1) on a CPU array did not raise; only stream=None is valid on CPU")
    try:
        ctx.xp.from_dlpack(object())
    except (AttributeError, TypeError):
        pass
    else:
        fail("from_dlpack(object()) did not raise; an object without __dlpack__ must raise AttributeError")


def checks(ctx: Context):
    yield Check(AREA, "__dlpack_device__, capsule names, stream on CPU", check_protocol)
    yield Check(AREA, "from_dlpack copy=True/False and __dlpack__ copy=True", check_copy_flags)
    for name in PEERS:
        peer = Peer(name)
        yield Check(AREA, f"export to {name}: dtypes, values, zero-copy", check_export(peer))
        yield Check(AREA, f"import from {name}: dtypes, values, zero-copy", check_import(peer))
        yield Check(AREA, f"export to {name}: strided layouts", check_layouts(peer))

"""bridge on GPU workers: ``dask_cuda.LocalCUDACluster``, one worker per GPU it sees.

The chunks are bridge Tensors on the cupy backend; bridge's functions build the dask
graphs (bridge/_interop_defer.py), and GPU chunks travel between workers through
distributed's ``cuda`` family, their device buffers as frames (bridge/_interop_dask.py:
no host round trip). The same pipelines as tests/test_dask_distributed.py give
NumPy's values. Needs an NVIDIA GPU, CuPy and dask_cuda (a machine without them skips
this file); it uses every GPU that the cluster sees.
"""

from __future__ import annotations

import logging
import sys

import numpy as np
import pytest

import bridge

if "cupy" not in bridge.available_backends():
    pytest.skip("needs an NVIDIA GPU with CuPy", allow_module_level=True)
dask_cuda = pytest.importorskip("dask_cuda", reason="needs dask_cuda for GPU workers")

import cloudpickle  # noqa: E402
import cupy  # noqa: E402
import dask.array as da  # noqa: E402
from distributed import Client  # noqa: E402
from distributed.protocol import deserialize, serialize  # noqa: E402

pytestmark = pytest.mark.gpu
cloudpickle.register_pickle_by_value(sys.modules[__name__])

RNG = np.random.default_rng(2122)
DATA = RNG.normal(size=(512, 256))
TALL = RNG.normal(size=(2048, 16))


@pytest.fixture(scope="module")
def client():
    with dask_cuda.LocalCUDACluster(dashboard_address=None,
                                    silence_logs=logging.CRITICAL) as cluster, \
            Client(cluster) as client:
        client.run(bridge.set_backend, "cupy")
        yield client


def gpu_chunks(data, chunks):
    """A dask array of ``data`` whose chunks the workers move to their GPU as Tensors."""
    with bridge.use_backend("cupy"):
        meta = bridge.asarray(np.empty((0,) * data.ndim, dtype=data.dtype))
    return da.from_array(data, chunks=chunks).map_blocks(_to_gpu, meta=meta)


def _to_gpu(block):
    return bridge.asarray(block, device=bridge.Device("cuda", 0))


def _on_gpu(block):
    on = isinstance(block, bridge.Tensor) and block.device.type == "cuda"
    return np.full((1,) * block.ndim, on)


def close(got, expected, rtol=1e-10, atol=1e-12):
    if isinstance(got, bridge.Tensor):
        got = got.to_device("cpu")
    np.testing.assert_allclose(np.asarray(got), expected, rtol=rtol, atol=atol)


def test_one_worker_per_gpu(client):
    workers = client.scheduler_info()["workers"]
    assert len(workers) == cupy.cuda.runtime.getDeviceCount()


def test_a_pipeline_of_bridge_functions_on_gpu_chunks(client):
    x = gpu_chunks(DATA, (128, 128))
    y = bridge.exp(x) * 2.0 - bridge.sin(x) ** 2
    z = bridge.sum(y / (1.0 + x * x), axis=1)
    assert isinstance(z, da.Array) and isinstance(z._meta, bridge.Tensor)
    marks = y.map_blocks(_on_gpu, chunks=tuple((1,) * len(c) for c in y.chunks),
                         dtype=bool, meta=np.empty((0, 0), dtype=bool))
    assert bool(np.asarray(marks.compute()).all())
    got = client.compute(z).result()
    assert isinstance(got, bridge.Tensor) and got.device.type == "cuda"
    close(got, ((np.exp(DATA) * 2.0 - np.sin(DATA) ** 2) / (1.0 + DATA * DATA)).sum(axis=1))


def test_reductions_matmul_and_tsqr_on_gpu_chunks(client):
    x = gpu_chunks(DATA, (128, 128))
    tall = gpu_chunks(TALL, (256, 16))
    q, r = bridge.linalg.qr(tall)
    mean, largest, gram, Q, R = client.gather(client.compute([
        bridge.mean(x, axis=0), bridge.max(x, axis=1), bridge.matmul(x, x.T), q, r]))
    close(mean, DATA.mean(axis=0))
    close(largest, DATA.max(axis=1))
    close(gram, DATA @ DATA.T, rtol=1e-9)
    close(np.asarray(Q.to_device("cpu")) @ np.asarray(R.to_device("cpu")), TALL, rtol=1e-9)


def test_gpu_chunks_travel_as_device_buffers():
    """The cuda family's frame is the tensor's device memory (pointer compared) and the
    tensor rebuilt from it views it; the dask family (peers without CUDA) goes through
    the host and comes back to the GPU."""
    with bridge.use_backend("cupy"):
        t = bridge.asarray(DATA)
    pointer = t._data.data.ptr
    header, frames = serialize(t, serializers=("cuda", "dask", "pickle"))
    assert header["serializer"] == "cuda"
    assert len(frames) == 1 and frames[0].__cuda_array_interface__["data"][0] == pointer
    u = deserialize(header, frames)
    assert isinstance(u, bridge.Tensor) and u.device.type == "cuda"
    assert u._data.data.ptr == pointer
    header, frames = serialize(t, serializers=("dask", "pickle"))
    assert header["serializer"] == "dask"
    v = deserialize(header, frames)
    assert v.device.type == "cuda" and v._data.data.ptr != pointer
    close(v, DATA)


def _device_and_sum(t):
    return str(t.device), float(bridge.sum(t))


def test_tensors_cross_gpu_workers(client):
    """A GPU tensor scattered to each worker in turn and brought back: it stays a GPU
    tensor everywhere (with two or more GPUs, worker to worker through the cuda family)."""
    with bridge.use_backend("cupy"):
        t = bridge.asarray(DATA)
    workers = list(client.scheduler_info()["workers"])
    remote = client.scatter(t, workers=workers[:1], hash=False)
    for address in workers:
        device, total = client.submit(_device_and_sum, remote, workers=[address],
                                      pure=False).result()
        assert device.startswith("cuda") and total == pytest.approx(DATA.sum())
    back = client.submit(bridge.exp, remote, workers=workers[-1:]).result()
    assert isinstance(back, bridge.Tensor) and back.device.type == "cuda"
    close(back, np.exp(DATA))

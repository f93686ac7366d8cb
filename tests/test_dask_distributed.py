"""bridge on a real ``distributed.LocalCluster``: 2 worker processes, 1 thread each.

tests/test_downstream.py runs dask graphs of Tensor chunks with the synchronous
scheduler; here the same kind of graph, built by bridge's own functions deferring to
dask (bridge/_interop_defer.py), runs across processes, so every chunk a task
consumes from the other worker travels through distributed's serialisation
(bridge/_interop_dask.py): the pipelines keep Tensor chunks and give NumPy's values,
a tensor's frame is its own memory (compared by data pointer), a worker killed in
the middle of a computation costs only its recomputation, and autograd's graph stays
in its process (a gathered result arrives detached, and backward says so).

The workers compute on the backend under test (``bridge.set_backend`` in each worker
process).
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import sys
import time

import cloudpickle
import dask.array as da
import numpy as np
import pytest
from distributed import Client, LocalCluster, WorkerPlugin
from distributed.protocol import deserialize, dumps, serialize, to_serialize

import bridge

from .conftest import to_numpy

# the workers import nothing from tests/: functions defined here travel by value
cloudpickle.register_pickle_by_value(sys.modules[__name__])

RNG = np.random.default_rng(2121)
DATA = RNG.normal(size=(200, 120))
TALL = RNG.normal(size=(600, 10))


@pytest.fixture(scope="module")
def cluster_client():
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=None, silence_logs=logging.CRITICAL) as cluster, \
            Client(cluster) as client:
        yield client


class _Backend(WorkerPlugin):
    """Every worker computes on one backend, a worker the nanny restarts too (a new
    process starts on BRIDGE_BACKEND's, the GPU run's cupy)."""

    name = "bridge-backend"

    def __init__(self, backend):
        self.backend = backend

    def setup(self, worker):
        bridge.set_backend(self.backend)


@pytest.fixture
def client(cluster_client, backend):
    """The cluster's client, its workers computing on ``backend``."""
    cluster_client.wait_for_workers(2, timeout=120)
    cluster_client.register_plugin(_Backend(backend))
    cluster_client.run(bridge.set_backend, backend)
    assert set(cluster_client.run(bridge.get_backend).values()) == {backend}
    return cluster_client


def tensor_chunks(data, chunks):
    """A dask array of ``data`` whose chunks the workers turn into bridge Tensors."""
    meta = bridge.asarray(np.empty((0,) * data.ndim, dtype=data.dtype))
    return da.from_array(data, chunks=chunks).map_blocks(bridge.asarray, meta=meta)


def _is_tensor(block):
    return np.full((1,) * block.ndim, isinstance(block, bridge.Tensor))


def chunks_are_tensors(x) -> bool:
    marks = x.map_blocks(_is_tensor, chunks=tuple((1,) * len(c) for c in x.chunks),
                         dtype=bool, meta=np.empty((0,) * x.ndim, dtype=bool))
    return bool(np.asarray(marks.compute()).all())


def close(got, expected, rtol=1e-10, atol=1e-12):
    np.testing.assert_allclose(to_numpy(got), expected, rtol=rtol, atol=atol)


# ------------------------------------------------------------------ pipelines

def test_a_pipeline_of_bridge_functions_keeps_tensor_chunks(client):
    x = tensor_chunks(DATA, (50, 40))
    y = bridge.exp(x) * 2.0 - bridge.sin(x) ** 2  # bridge's functions build dask graphs
    z = bridge.sum(y / (1.0 + x * x), axis=1)
    assert isinstance(z, da.Array) and isinstance(z._meta, bridge.Tensor)
    assert chunks_are_tensors(y)
    got = client.compute(z).result()
    assert isinstance(got, bridge.Tensor)
    close(got, ((np.exp(DATA) * 2.0 - np.sin(DATA) ** 2) / (1.0 + DATA * DATA)).sum(axis=1))


def _tanh_plus_one(block):
    return bridge.tanh(block) + 1.0


def test_reductions_matmul_and_map_blocks(client):
    x = tensor_chunks(DATA, (50, 40))
    futures = client.compute([
        bridge.mean(x, axis=0), bridge.std(x, axis=1), bridge.max(x),
        bridge.argmin(x, axis=0), bridge.matmul(x, x.T),  # chunks cross workers
        bridge.tensordot(x, x, axes=([0], [0])), x.map_blocks(_tanh_plus_one),
    ])
    mean, std, largest, argmin, gram, cross, mapped = client.gather(futures)
    close(mean, DATA.mean(axis=0))
    close(std, DATA.std(axis=1))
    close(largest, DATA.max())
    close(argmin, DATA.argmin(axis=0))
    close(gram, DATA @ DATA.T, rtol=1e-9)
    close(cross, DATA.T @ DATA, rtol=1e-9)
    close(mapped, np.tanh(DATA) + 1.0)


def test_tall_and_skinny_qr_rechunking_and_fancy_slicing(client):
    tall = tensor_chunks(TALL, (100, 10))
    q, r = bridge.linalg.qr(tall)  # dask's TSQR over Tensor chunks
    singular = bridge.linalg.svd(tall)[1]
    x = tensor_chunks(DATA, (50, 40))
    sliced = x.rechunk((40, 60))[[3, 150, 199, 7], :][:, 10:100:7]
    masked = x[x[:, 0] > 0.5]
    Q, R, S, picked, rows = client.gather(client.compute([q, r, singular, sliced, masked]))
    close(to_numpy(Q) @ to_numpy(R), TALL, rtol=1e-9)
    close(to_numpy(Q).T @ to_numpy(Q), np.eye(10), atol=1e-10)
    close(S, np.linalg.svd(TALL, compute_uv=False), rtol=1e-9)
    close(picked, DATA[[3, 150, 199, 7], :][:, 10:100:7])
    close(rows, DATA[DATA[:, 0] > 0.5])


# ------------------------------------------------------------------ zero copy

def data_pointer(x) -> int:
    """The address of the first byte of a Tensor, an array or a buffer."""
    if isinstance(x, bridge.Tensor):
        x = x._data
    if hasattr(x, "__cuda_array_interface__"):
        return x.__cuda_array_interface__["data"][0]
    return np.asarray(memoryview(x) if not isinstance(x, np.ndarray) else x).ctypes.data


def test_serialisation_shares_the_tensor_memory(backend):
    """distributed's frames are the tensor's memory, and the tensor rebuilt from frames
    is a view of them: no copy on either side (pointers compared, then a write through
    the frame seen in the tensor). A GPU tensor's frame is its device buffer through
    the cuda family (tests/test_dask_gpu.py runs it on dask_cuda's workers)."""
    t = bridge.asarray(DATA)
    gpu = t.device.type != "cpu"
    header, frames = serialize(t, serializers=("cuda", "dask", "pickle"))
    assert header["serializer"] == ("cuda" if gpu else "dask")
    assert len(frames) == 1 and data_pointer(frames[0]) == data_pointer(t)
    u = deserialize(header, frames)
    assert isinstance(u, bridge.Tensor) and u.device == t.device
    assert data_pointer(u) == data_pointer(frames[0])
    if not gpu:
        np.frombuffer(frames[0], dtype=DATA.dtype)[0] = 42.0  # the frame is t's memory
        assert float(u[0, 0]) == 42.0 and float(t[0, 0]) == 42.0
    # the message level: distributed.protocol.dumps keeps the frame as it is (a GPU
    # frame where the comm takes the cuda family, as UCX does; over TCP distributed
    # sends device buffers through the host, CuPy's as well)
    message_frames = dumps({"x": to_serialize(u)},
                           serializers=("cuda", "dask", "pickle") if gpu else None)
    assert any(data_pointer(f) == data_pointer(u) for f in message_frames
               if isinstance(f, memoryview) or hasattr(f, "__cuda_array_interface__"))


def test_pickle_protocol_5_shares_the_tensor_memory(backend):
    """The other door (the task graph, and any peer that sends by pickle): out-of-band
    buffers are the tensor's memory too."""
    t = bridge.asarray(DATA)
    buffers = []
    payload = pickle.dumps(t, protocol=5, buffer_callback=buffers.append)
    u = pickle.loads(payload, buffers=buffers)
    assert u.device == t.device
    close(u, DATA)
    if t.device.type == "cpu":
        assert len(buffers) == 1 and data_pointer(buffers[0].raw()) == data_pointer(t)
        assert data_pointer(u) == data_pointer(t)
    else:  # a GPU tensor pickles through the host (Tensor.__reduce__: an explicit copy)
        assert len(buffers) == 1 and data_pointer(u) != data_pointer(buffers[0].raw())


def _pointer_and_sum(t):
    return data_pointer(t), float(bridge.sum(t))


def test_tensors_travel_between_processes(client):
    """A scattered tensor reaches a worker's task as a Tensor, and one made on a worker
    comes back as a Tensor: the dask family end to end."""
    t = bridge.asarray(DATA)
    # hash=False: a key of its own (the same data scattered by the previous test's
    # parameter would share a key whose release may still be on its way)
    remote = client.scatter(t, hash=False)
    pointer, total = client.submit(_pointer_and_sum, remote).result()
    assert pointer != 0 and total == pytest.approx(DATA.sum())
    back = client.submit(bridge.exp, remote).result()
    assert isinstance(back, bridge.Tensor) and back.device == t.device
    close(back, np.exp(DATA))


# ------------------------------------------------------------------ failures

def _slow_exp(block):
    time.sleep(0.15)
    return bridge.exp(block)


def test_a_worker_killed_mid_run(client, backend):
    """SIGKILL one worker while it computes: the nanny restarts it, the scheduler
    recomputes what it held, and the result is the in-memory one."""
    x = tensor_chunks(DATA, (25, 60))  # 16 chunks of 0.15 s each, 2 workers
    meta = bridge.asarray(np.empty((0, 0)))
    total = bridge.sum(x.map_blocks(_slow_exp, meta=meta), axis=0)
    future = client.compute(total)
    pids = client.run(os.getpid)
    deadline = time.monotonic() + 60
    victim = None
    while victim is None and time.monotonic() < deadline:
        busy = [w for w, keys in client.processing().items() if keys and w in pids]
        victim = busy[0] if busy else None
        time.sleep(0.05)
    assert victim is not None, "no worker started the computation"
    time.sleep(0.3)  # mid-run: some chunks done on it, some not
    os.kill(pids[victim], signal.SIGKILL)
    got = future.result(timeout=180)
    close(got, np.exp(DATA).sum(axis=0), rtol=1e-9)
    client.wait_for_workers(2, timeout=120)
    assert pids[victim] not in client.run(os.getpid).values()  # a new process took over


# ------------------------------------------------------------------ autograd

def test_autograd_stays_in_its_process(client):
    """A tensor that requires grad sent to the workers computes there, but the result
    arrives detached: backward refuses it loudly (the gradient would never reach w)."""
    w = bridge.asarray(np.linspace(0.5, 1.5, 120))
    w.requires_grad_(True)
    x = da.from_array(DATA, chunks=(50, 40))
    loss = client.compute(bridge.sum(bridge.exp(x * w))).result()
    assert isinstance(loss, bridge.Tensor) and not loss.requires_grad
    close(loss, np.exp(DATA * np.linspace(0.5, 1.5, 120)).sum(), rtol=1e-9)
    with pytest.raises(RuntimeError, match="does not require grad"):
        loss.backward()
    # the serialisation itself: values only
    u = deserialize(*serialize(w))
    assert not u.requires_grad and u._meta is None
    close(u, np.linspace(0.5, 1.5, 120))

"""Per-thread state: grad mode, anomaly mode, the backend selection and the default
device belong to the thread (and ``contextvars`` context) that set them, as in PyTorch.

Each test runs 8+ threads through the interleavings that broke a process-wide switch:
blocks in one thread seen by another, overlapping blocks exiting out of order,
``backward`` switching recording off while other threads record.
"""

from __future__ import annotations

import asyncio
import contextvars
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import bridge
from bridge import autograd
from bridge.backends import state

from .conftest import run_threads

THREADS = 8


def test_no_grad_in_one_thread_leaves_others_recording():
    inside = threading.Barrier(THREADS)
    seen = [None] * THREADS

    def work(i):
        x = bridge.ones(3, requires_grad=True)
        if i % 2:
            with autograd.no_grad():
                inside.wait()
                y = x * 2
                inside.wait()
            seen[i] = (autograd.is_grad_enabled(), y.requires_grad)
        else:
            inside.wait()  # every odd thread is inside its no_grad block now
            y = x * 2
            inside.wait()
            seen[i] = (autograd.is_grad_enabled(), y.requires_grad)

    run_threads(work)
    for i, (mode, recorded) in enumerate(seen):
        assert mode is True
        assert recorded is (i % 2 == 0)
    assert autograd.is_grad_enabled()


def test_overlapping_blocks_exit_out_of_order():
    # A enters, B enters, A exits, B exits: grad mode must be on everywhere afterwards
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()

    def a():
        with autograd.no_grad():
            a_in.set()
            b_in.wait(10)
        a_out.set()

    def b():
        a_in.wait(10)
        with autograd.no_grad():
            b_in.set()
            a_out.wait(10)

    run_threads(lambda i: (a if i == 0 else b)(), n=2)
    assert autograd.is_grad_enabled()
    x = bridge.ones(2, requires_grad=True)
    assert (x * 3).requires_grad


def test_backward_in_some_threads_never_stops_others_recording():
    rounds = 60
    failures = []

    def work(i):
        for _ in range(rounds):
            x = bridge.asarray([1.0, 2.0, 3.0], requires_grad=True)
            y = (x * x).sum()
            if not y.requires_grad:
                failures.append("forward recorded no graph")
                continue
            y.backward()
            if x.grad is None or bridge.any(x.grad != 2 * x.detach()):
                failures.append("wrong gradient")

    run_threads(work)
    assert failures == []


def test_no_grad_thread_next_to_training_threads():
    stop = threading.Event()
    failures = []

    def work(i):
        if i == 0:
            with autograd.no_grad():
                while not stop.is_set():
                    bridge.ones(2) * 2
            return
        try:
            for _ in range(40):
                x = bridge.ones(4, requires_grad=True)
                (x * 2).sum().backward()
                assert x.grad is not None
        except Exception as exc:  # noqa: BLE001
            failures.append(exc)
        finally:
            if i == THREADS - 1:
                stop.set()

    run_threads(work)
    stop.set()
    assert failures == []


def test_set_grad_enabled_call_is_per_thread():
    ready, checked = threading.Barrier(THREADS), threading.Barrier(THREADS)
    seen = [None] * THREADS

    def work(i):
        if i == 0:
            autograd.set_grad_enabled(False)
        ready.wait()
        seen[i] = autograd.is_grad_enabled()
        checked.wait()

    run_threads(work)
    assert seen == [False] + [True] * (THREADS - 1)
    assert autograd.is_grad_enabled()


def test_one_no_grad_object_entered_by_many_threads():
    shared = autograd.no_grad()
    inside = threading.Barrier(THREADS)

    def work(i):
        if i % 2:
            with autograd.no_grad():
                with shared:
                    inside.wait()
                assert not autograd.is_grad_enabled()
            assert autograd.is_grad_enabled()
        else:
            with shared:
                inside.wait()
            assert autograd.is_grad_enabled()

    run_threads(work)


def test_anomaly_mode_is_per_thread():
    inside = threading.Barrier(THREADS)
    seen = [None] * THREADS

    def work(i):
        if i == 0:
            with autograd.detect_anomaly():
                inside.wait()
                inside.wait()
        else:
            inside.wait()
            seen[i] = autograd.is_anomaly_enabled()
            inside.wait()

    run_threads(work)
    assert seen[1:] == [False] * (THREADS - 1)


@pytest.mark.skipif("native" not in bridge.available_backends(), reason="needs the native backend")
def test_use_backend_blocks_are_per_thread():
    inside = threading.Barrier(THREADS)
    seen = [None] * THREADS
    process = bridge.get_backend()

    def work(i):
        if i % 2:
            with bridge.use_backend("native"):
                inside.wait()
                seen[i] = bridge.get_backend()
                inside.wait()
        else:
            inside.wait()
            seen[i] = bridge.get_backend()
            inside.wait()
        assert bridge.get_backend() == process

    run_threads(work)
    assert seen == [process if i % 2 == 0 else "native" for i in range(THREADS)]


@pytest.mark.skipif("native" not in bridge.available_backends(), reason="needs the native backend")
def test_overlapping_backend_blocks_restore_each_thread():
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    process = bridge.get_backend()

    def a():
        with bridge.use_backend("native"):
            a_in.set()
            b_in.wait(10)
        a_out.set()
        assert bridge.get_backend() == process

    def b():
        a_in.wait(10)
        with bridge.use_backend("numpy"):
            b_in.set()
            a_out.wait(10)
            assert bridge.get_backend() == "numpy"
        assert bridge.get_backend() == process

    run_threads(lambda i: (a if i == 0 else b)(), n=2)
    assert bridge.get_backend() == process


@pytest.mark.skipif("native" not in bridge.available_backends(), reason="needs the native backend")
def test_the_c_front_runs_each_threads_backend():
    """Count the calls reaching each backend's ``add`` kernel while threads inside and
    outside a ``use_backend("native")`` block add concurrently."""
    native = bridge.backends.load_backend("native")
    numpy_backend = bridge.backends.load_backend("numpy")
    calls = {"native": 0, "numpy": 0}
    lock = threading.Lock()
    originals = {"native": native.kernels["add"], "numpy": numpy_backend.kernels["add"]}

    def counting(name):
        kernel = originals[name]

        def add(*args, **kwargs):
            with lock:
                calls[name] += 1
            return kernel(*args, **kwargs)

        return add

    rounds = 50
    x = bridge.ones(4, device="cpu")  # (CPU memory: the CPU backends' kernels, also where the GPU is the default)
    start = threading.Barrier(THREADS)

    def work(i):
        start.wait()
        if i % 2:
            with bridge.use_backend("native"):
                for _ in range(rounds):
                    x + x
        else:
            with bridge.use_backend("numpy"):
                for _ in range(rounds):
                    x + x

    native.kernels["add"], numpy_backend.kernels["add"] = counting("native"), counting("numpy")
    try:
        run_threads(work)
    finally:
        native.kernels["add"], numpy_backend.kernels["add"] = originals["native"], originals["numpy"]
    assert calls == {"native": rounds * THREADS // 2, "numpy": rounds * THREADS // 2}


def test_default_device_block_is_per_thread():
    inside = threading.Barrier(THREADS)
    seen = [None] * THREADS

    def work(i):
        if i == 0:
            with bridge.default_device("cpu"):
                inside.wait()
                seen[i] = state() is not bridge.backends.PROCESS
                inside.wait()
        else:
            inside.wait()
            seen[i] = state() is bridge.backends.PROCESS
            inside.wait()

    run_threads(work)
    assert all(seen)


def test_new_threads_and_pools_see_the_process_selection():
    process = bridge.get_backend()
    with bridge.use_backend("numpy"), autograd.no_grad():
        with ThreadPoolExecutor(4) as pool:
            seen = list(pool.map(lambda _: (bridge.get_backend(), autograd.is_grad_enabled()),
                                 range(8)))
        # a copied context carries the block's switches into the pool
        ctx = contextvars.copy_context()
        with ThreadPoolExecutor(1) as pool:
            copied = pool.submit(ctx.run, autograd.is_grad_enabled).result()
    assert seen == [(process, True)] * 8
    assert copied is False


def test_asyncio_tasks_keep_their_own_switches():
    async def task(mode, started, other_started):
        with autograd.set_grad_enabled(mode):
            started.set()
            await other_started.wait()
            await asyncio.sleep(0)
            return autograd.is_grad_enabled()

    async def main():
        s1, s2 = asyncio.Event(), asyncio.Event()
        return await asyncio.gather(task(False, s1, s2), task(True, s2, s1))

    assert asyncio.run(main()) == [False, True]
    assert autograd.is_grad_enabled()


def test_set_backend_is_process_wide(backend):
    """``set_backend`` changes what every thread starts with; a block's thread keeps
    the block's choice until the block ends (then the process selection again)."""
    original = bridge.backends.PROCESS.selected
    seen = []
    try:
        bridge.set_backend("numpy")
        t = threading.Thread(target=lambda: seen.append(bridge.get_backend()))
        t.start()
        t.join()
        assert seen == ["numpy"]
        assert bridge.get_backend() == "numpy"  # inside the fixture's block too
    finally:
        bridge.set_backend(original)


def test_stress_threads_ops_autograd_and_transforms():
    """8 threads, each looping over a mix of ops, autograd, no_grad blocks, backend
    blocks and bridge.func transforms; every result is checked against the value
    computed before the threads started."""
    import numpy as np

    from bridge import func as F

    rng = np.random.default_rng(0)
    a = rng.standard_normal((6, 5))
    w = rng.standard_normal((5, 3))

    def work_once(backend_name):
        with bridge.use_backend(backend_name):
            x = bridge.asarray(a, requires_grad=True)
            y = bridge.tanh(x @ bridge.asarray(w))
            loss = bridge.sum(y * y) + bridge.max(x[1:, ::2])
            loss.backward()
            with autograd.no_grad():
                z = bridge.sum(bridge.exp(x) * 2.0, axis=0)
            per_example = F.vmap(F.grad(lambda r: bridge.sum(bridge.sin(r) ** 2)))(
                bridge.asarray(a))
            return (float(loss), np.asarray(x.grad), np.asarray(z), np.asarray(per_example),
                    z.requires_grad)

    backends = [b for b in bridge.available_backends() if b != "cupy"]
    expected = {b: work_once(b) for b in backends}
    failures = []

    def work(i):
        name = backends[i % len(backends)]
        for _ in range(15):
            got = work_once(name)
            want = expected[name]
            if not (np.isclose(got[0], want[0]) and all(np.allclose(g, e) for g, e in
                                                      zip(got[1:4], want[1:4]))
                    and got[4] is False):
                failures.append((i, name))

    run_threads(work)
    assert failures == []
    assert autograd.is_grad_enabled()

"""Shared fixtures: every test that takes ``backend`` runs once per available backend.

The numpy backend is the reference; the native backend runs when its extension is
built, CuPy when a GPU is present (those tests carry the ``gpu`` marker).
"""

from __future__ import annotations

import os
import threading

# JAX takes 75% of a GPU's memory when it starts; test processes side by side
# (pytest-xdist) would then run out of GPU memory, CuPy's and PyTorch's included
os.environ.setdefault("XLA_PYTHON_CLIENT_PREALLOCATE", "false")
# SciPy reads its array API flag once, at its first import, which another test module's
# imports (JAX's, say) can make before tests/test_downstream.py sets it
os.environ.setdefault("SCIPY_ARRAY_API", "1")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

import bridge  # noqa: E402

settings.register_profile(
    "ci",
    max_examples=int(os.environ.get("BRIDGE_HYPOTHESIS_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)
settings.load_profile("ci")

BACKENDS = bridge.available_backends()


@pytest.fixture(params=BACKENDS)
def backend(request):
    """Run the test with each available backend selected (numpy, native, cupy)."""
    name = request.param
    with bridge.use_backend(name):
        yield name


@pytest.fixture
def device(backend):
    """The default device of the selected backend."""
    return bridge.__array_namespace_info__().default_device()


def to_numpy(x):
    """A NumPy copy of a bridge tensor from any device (for comparisons)."""
    if isinstance(x, bridge.Tensor):
        return np.asarray(x.to_device("cpu"))
    return np.asarray(x)


def same_as_numpy(got, expected):
    """``got`` (a tensor on any device, or anything array-like) has exactly NumPy's
    ``expected`` dtype, shape and values."""
    got = to_numpy(got)
    expected = np.asarray(expected)
    assert got.dtype == expected.dtype and got.shape == expected.shape, (got, expected)
    np.testing.assert_array_equal(got, expected)


def run_threads(target, n=8):
    """Run ``target(i)`` for i in range(n) in n threads started together (every thread
    starts before any is joined); re-raise the first failure in the calling thread,
    where pytest reports it, and fail if a thread hangs."""
    errors = []

    def body(i):
        try:
            target(i)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=body, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
        assert not t.is_alive(), "a thread hung"
    if errors:
        raise errors[0]

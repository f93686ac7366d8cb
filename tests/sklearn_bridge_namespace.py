"""A pytest plugin for scikit-learn's own test suite: its array API tests, which run
each estimator, metric and utility on the namespaces of
``sklearn.utils._array_api.yield_namespaces`` (NumPy, array_api_strict, CuPy, PyTorch),
run on bridge instead. ``tests/test_downstream_sklearn.py`` runs it:

    BRIDGE_BACKEND=native python -m pytest -p sklearn_bridge_namespace --pyargs sklearn -k array_api

(with this folder on PYTHONPATH). The backend comes from ``BRIDGE_BACKEND``.
"""

import os

os.environ.setdefault("SCIPY_ARRAY_API", "1")

import sklearn.utils._array_api as _array_api  # noqa: E402


def _bridge_only(include_numpy_namespaces=True):
    yield "bridge"


_array_api.yield_namespaces = _bridge_only

"""pytest plugin: scikit-learn's own array API tests, parametrised with bridge.

scikit-learn's tests take their namespaces from
``sklearn.utils._array_api.yield_namespace_device_dtype_combinations``; this plugin
(loaded with ``-p sklearn_on_bridge`` before the test modules import it) makes that
yield bridge, in float64 and float32, and nothing else. Used by
``scripts/downstream_suites.sh``.
"""

import os

os.environ.setdefault("SCIPY_ARRAY_API", "1")

import sklearn.utils._array_api as _sklearn_array_api  # noqa: E402


def _bridge_combinations(include_numpy_namespaces=True):
    yield "bridge", None, "float64"
    yield "bridge", None, "float32"


def _bridge_namespaces(include_numpy_namespaces=True):
    yield "bridge"


_sklearn_array_api.yield_namespace_device_dtype_combinations = _bridge_combinations
_sklearn_array_api.yield_namespaces = _bridge_namespaces

#!/usr/bin/env bash
# Run scikit-learn's and SciPy's own array API test suites on bridge tensors.
#
#   scripts/downstream_suites.sh [BACKEND]      # BACKEND: numpy (default) or native
#
# The tests come from the installed scikit-learn and SciPy wheels (pip install -e
# ".[test]" installs both); scripts/downstream/*.py are the pytest plugins that
# parametrise them with bridge. Prints one summary line per suite and SciPy
# subpackage, and the failing test ids. Not part of CI: the results depend on the
# versions installed, and their tests of float16 (not a dtype of the standard) and of
# lazy-only behaviour do not apply to bridge; docs/downstream.md keeps the last results.
set -uo pipefail
backend="${1:-numpy}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export BRIDGE_BACKEND="$backend" SCIPY_ARRAY_API=1
export PYTHONPATH="$here/downstream${PYTHONPATH:+:$PYTHONPATH}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"  # outside the repository, so its conftest.py and pyproject are not used
python="${PYTHON:-python}"

echo "== scikit-learn array API tests on bridge ($backend backend)"
"$python" -m pytest -p sklearn_on_bridge --pyargs sklearn -k array_api -q \
    -p no:cacheprovider -W ignore -rf 2>&1 | grep -E "passed|failed|^FAILED|^ERROR"

for sub in cluster differentiate fft integrate interpolate linalg ndimage optimize signal \
           spatial special stats _lib; do
    echo "== scipy.$sub array API tests on bridge ($backend backend)"
    "$python" -m pytest -p scipy_on_bridge --pyargs "scipy.$sub" -m array_api_backends -q \
        -p no:cacheprovider -W ignore -rf 2>&1 | grep -E "passed|failed|^FAILED|^ERROR"
done

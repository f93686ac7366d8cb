#!/usr/bin/env bash
# Build bridge's C extensions (the native backend, its BLAS bridge and DLPack) with
# AddressSanitizer + UndefinedBehaviorSanitizer and run the tests of the native backend
# and of DLPack (and the public API, for the extension's C getitem and creation paths)
# under them.
#
#   scripts/sanitize.sh [extra pytest arguments]
#
# The build happens in a scratch copy of the repository, so the normal (optimised)
# build in the checkout is left alone. Python itself is not built with ASan, so the
# ASan runtime must be the first library loaded: it is preloaded with LD_PRELOAD
# (gcc's libasan; libubsan is linked into the extension). Leak detection is off:
# CPython keeps interned objects and arenas alive at exit by design, which LeakSanitizer
# would report as leaks; every other ASan and UBSan error aborts the run.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${PYTHON:-python}"
cc="${CC:-gcc}"

libasan="$("$cc" -print-file-name=libasan.so)"
if [[ ! -e "$libasan" ]]; then
    echo "sanitize.sh: $cc has no libasan.so ($libasan); install gcc's libasan" >&2
    exit 2
fi

scratch="$(mktemp -d "${TMPDIR:-/tmp}/bridge-sanitize.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
# the sources and tests, without build products or caches
(cd "$repo" && tar cf - --exclude='*.so' --exclude='__pycache__' --exclude='.hypothesis' \
    --exclude='build' bridge tests fuzz setup.py pyproject.toml) | (cd "$scratch" && tar xf -)

cd "$scratch"
echo "== building bridge's C extensions with -fsanitize=address,undefined"
CC="$cc" BRIDGE_SANITIZE=1 "$python" setup.py -q build_ext --inplace \
    2>&1 | grep -Ev '^(running|copying|creating)' || true
for so in bridge/backends/native/_native bridge/backends/native/_blas bridge/_dlpack_ext \
    bridge/_fastpath/_front; do
    if ! ls "$so"*.so >/dev/null 2>&1; then
        echo "sanitize.sh: the sanitized build of $so failed" >&2
        exit 1
    fi
done

# test_api.py, test_front.py: the C front (bridge/_fastpath: every front object, the
# Tensor's layout, __getitem__, run) against the Python functions it declines to;
# test_autograd_record.py, test_inplace.py: its autograd recorder and in-place writes
tests=(tests/test_native*.py tests/test_dlpack.py tests/test_api.py tests/test_front.py
       tests/test_autograd_record.py tests/test_inplace.py)
echo "== running ${tests[*]} under ASan + UBSan"
# Preload the ASan runtime, and libstdc++ right after it: ASan intercepts __cxa_throw, and C++ extensions loaded by the
# tests (PyTorch, JAX) throw C++ exceptions; without the real symbol loaded at start-up
# the interceptor aborts ("real___cxa_throw != 0")
libstdcxx="$("$cc" -print-file-name=libstdc++.so)"
export LD_PRELOAD="$libasan${libstdcxx:+ $libstdcxx}"
# allocator_may_return_null: a huge allocation (the MemoryError tests ask for 728 TiB)
# fails as it does without ASan, instead of aborting the run
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:strict_string_checks=1:check_initialization_order=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export PYTHONMALLOC=malloc           # let ASan see Python's own allocations too
export BRIDGE_HYPOTHESIS_EXAMPLES="${BRIDGE_HYPOTHESIS_EXAMPLES:-20}"
# -s: a sanitizer report is written to fd 2, which pytest would otherwise capture and lose
# The resident-memory leak test runs in the normal suite only: under ASan freed memory
# sits in the allocator's quarantine, so resident memory grows by design there.
"$python" -m pytest "${tests[@]}" -q -s -p no:cacheprovider \
    --deselect tests/test_dlpack.py::test_round_trips_do_not_leak "$@"
# the bad-input fuzzer (fuzz/), every function on both CPU backends, each batch in a
# subprocess under the same sanitizers: a sanitizer report aborts that subprocess, which
# the fuzzer counts as a crash and fails on. FUZZ_PROFILE=long runs the long profile.
echo "== the fuzzer (${FUZZ_PROFILE:-sanitize} profile) under ASan + UBSan"
"$python" -m fuzz --profile "${FUZZ_PROFILE:-sanitize}" --backend native --backend numpy
echo "== sanitizer run clean"

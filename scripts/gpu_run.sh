#!/usr/bin/env bash
# The GPU run of issue 7 on a machine with an NVIDIA GPU and CuPy: build the C
# extensions, the GPU benchmarks (alone, so nothing else competes for the host), then the
# test suite with BRIDGE_BACKEND=cupy and the conformance suite on the cupy backend (side
# by side). Every log goes to OUTDIR (default ./gpu-run); a summary line per step ends
# each log.
#
#   scripts/gpu_run.sh [OUTDIR]
#
# Environment: TESTS (pytest paths, default the whole suite; the GPU files alone are
# tests/test_gpu.py tests/test_dlpack_gpu.py; TESTS_RUN=0 skips tests and conformance), JOBS (pytest-xdist workers, default 10),
# BRIDGE_HYPOTHESIS_EXAMPLES (default 10), STEP_TIMEOUT (seconds per step, default 300),
# CONFORMANCE_TIMEOUT and BENCH_TIMEOUT (default STEP_TIMEOUT), BENCH (0 skips the
# benchmarks).
#
# CuPy compiles each kernel on first use, which dominates a bare machine's first run. The
# kernels go to CUPY_CACHE_DIR (default ./.cupy_cache, ignored by git); the script leaves a
# copy in OUTDIR/cupy_cache.tgz, and a later run with that folder carried back (unpack it
# into ./.cupy_cache) starts with every kernel already compiled.
set -uo pipefail

out="${1:-gpu-run}"
mkdir -p "$out"
python="${PYTHON:-python3}"
jobs="${JOBS:-10}"
read -r -a tests <<< "${TESTS:-tests}"
step_timeout="${STEP_TIMEOUT:-300}"
conformance_timeout="${CONFORMANCE_TIMEOUT:-$step_timeout}"
export CUPY_CACHE_DIR="${CUPY_CACHE_DIR:-$PWD/.cupy_cache}"
mkdir -p "$CUPY_CACHE_DIR"
start=$SECONDS
stamp() { echo "[$((SECONDS - start)) s] $*"; }
export PYTHONUNBUFFERED=1 PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
export BRIDGE_HYPOTHESIS_EXAMPLES="${BRIDGE_HYPOTHESIS_EXAMPLES:-10}"

{
    date -u
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
    "$python" -c 'import sys, numpy, cupy; print(sys.version.split()[0], "numpy", numpy.__version__, "cupy", cupy.__version__)'
} > "$out/machine.txt" 2>&1

stamp "== build" | tee "$out/build.log"
"$python" setup.py -q build_ext --inplace --parallel "$(nproc)" >> "$out/build.log" 2>&1
echo "build rc=$?" | tee -a "$out/build.log"

if [ "${BENCH:-1}" != 0 ]; then
    stamp "== benchmarks" | tee "$out/bench.log"
    timeout -s INT -k 20 "${BENCH_TIMEOUT:-$step_timeout}" "$python" benchmarks/bench_gpu.py --json "$out/bench.json" \
        >> "$out/bench.log" 2>&1
    echo "bench rc=$?" | tee -a "$out/bench.log"
    if "$python" -c "import torch.func" 2> /dev/null; then
        timeout -s INT -k 20 "${BENCH_TIMEOUT:-$step_timeout}" "$python" benchmarks/bench_func.py \
            --backend cupy --json "$out/bench_func.json" >> "$out/bench.log" 2>&1
        echo "bench_func rc=$?" | tee -a "$out/bench.log"
    fi
    # bridge.compile on the GPU (CUDA kernels) and on the host's CPU cores (C kernels),
    # each against torch.compile on the same device
    for backend in cupy native; do
        timeout -s INT -k 20 "${BENCH_TIMEOUT:-$step_timeout}" "$python" benchmarks/bench_compile.py \
            --backend "$backend" --json "$out/bench_compile_$backend.json" >> "$out/bench.log" 2>&1
        echo "bench_compile $backend rc=$?" | tee -a "$out/bench.log"
    done
fi
if [ "${TESTS_RUN:-1}" = 0 ]; then
    exit 0
fi

stamp "== tests (BRIDGE_BACKEND=cupy) and conformance (--backend cupy --quick)"
# -v: one line per test ("[gw3] FAILED tests/..."), so a run the step's timeout cuts off
# before pytest's summary still names every failure so far
BRIDGE_BACKEND=cupy timeout -s INT -k 20 "$step_timeout" "$python" -m pytest "${tests[@]}" -v -n "$jobs" \
    -p no:cacheprovider -rfE > "$out/tests.log" 2>&1 &
tests_pid=$!
BRIDGE_BACKEND=cupy timeout -s INT -k 20 "$conformance_timeout" "$python" -m conformance \
    --backend cupy --quick > "$out/conformance.log" 2>&1
stamp "conformance rc=$?" | tee -a "$out/conformance.log"
wait "$tests_pid"
stamp "tests rc=$?" | tee -a "$out/tests.log"
tar czf "$out/cupy_cache.tgz" -C "$CUPY_CACHE_DIR" . 2>/dev/null
stamp "kernel cache: $(du -sh "$out/cupy_cache.tgz" | cut -f1)"
grep -E "(^| )(FAILED|ERROR) " "$out/tests.log" | sed -E 's/^\[gw[0-9]+\] \[ *[0-9]+%\] //' | cut -c1-200 | sort -u | head -n 80
tail -n 3 "$out/tests.log"
tail -n 25 "$out/conformance.log"

"""bridge's bad-input fuzzer: every function of the registry, on every backend, with
wrong types, shapes, dtypes, axes, huge sizes, NaN/inf, empty, 0-d and high-rank
inputs (hypothesis draws them from the function's signature).

The rule it checks: a call either returns, or raises one of the standard's exception
types (TypeError, ValueError, IndexError, BufferError, and MemoryError, OverflowError,
RuntimeError where they are the honest answer) with a message that names the bridge
function; it never crashes or hangs the process and never modifies an input. Each
batch of functions runs in a subprocess, so a crash or a hang (a time limit) is a
finding, not the end of the run.

    python -m fuzz                      # the long profile, every available CPU backend
    python -m fuzz --profile quick      # what CI runs
    python -m fuzz --ops sum,linalg.svd --examples 500 --backend native
"""

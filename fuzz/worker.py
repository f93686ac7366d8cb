"""One fuzzing batch, in its own process: ``python -m fuzz.worker SPEC.json``.

SPEC holds the backend, the op names, examples per op, the seed and the two files it
writes: ``progress`` (the call about to run, flushed before each call, so the parent
can name the call that crashed or hung the process) and ``result`` (the counts and
findings, written at the end).
"""

from __future__ import annotations

import inspect
import json
import math
import os
import pickle
import shutil
import sys
import tempfile
import warnings
import zipfile

import numpy as np
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import bridge
from bridge._registry import REGISTRY

ALLOWED = (TypeError, ValueError, IndexError, BufferError, MemoryError, OverflowError,
           RuntimeError, KeyError, ZeroDivisionError)
# ops that write into their first argument by design
WRITES = {"setitem", "put", "place", "putmask", "put_along_axis", "fill_diagonal", "copyto",
          "Tensor.resize"}
# NumPy's file functions (bridge/_ops/npio.py): a str argument is a file name, so they
# also raise what NumPy's readers and writers raise for files (a missing file, a file
# another call wrote that is no .npy, an unknown encoding); they run in a scratch folder
FILES = {"save", "load", "savez", "savez_compressed", "loadtxt", "savetxt", "genfromtxt",
         "fromfile", "tofile"}
FILE_ERRORS = ALLOWED + (OSError, EOFError, LookupError, pickle.UnpicklingError,
                         zipfile.BadZipFile)

DTYPES = [bridge.bool, bridge.int8, bridge.int16, bridge.int32, bridge.int64, bridge.uint8,
          bridge.uint16, bridge.uint32, bridge.uint64, bridge.float32, bridge.float64,
          bridge.complex64, bridge.complex128]
SPECIAL = [0.0, -0.0, 1.0, -1.0, math.nan, math.inf, -math.inf, 1e308, -1e308, 5e-324, 0.5, 3.0]


def _values(rng_draw, shape, dtype):
    size = int(np.prod(shape)) if shape else 1
    kind = np.dtype(dtype).kind
    base = np.array([rng_draw(st.sampled_from(SPECIAL)) for _ in range(min(size, 6))] or [0.0])
    vals = np.resize(base, size)
    if kind == "b":
        return (vals != 0).reshape(shape)
    if kind in "iu":
        info = np.iinfo(np.dtype(dtype))
        ints = np.resize(np.array([0, 1, -1, 2, info.max, info.min, 3]), size)
        return ints.astype(np.dtype(dtype), casting="unsafe").reshape(shape)
    with np.errstate(all="ignore"):
        out = vals.astype(np.dtype(dtype))
        if kind == "c":
            out = out + 1j * np.resize(base[::-1], size).astype(out.dtype)
    return out.reshape(shape)


@st.composite
def tensors(draw, high_rank=False):
    rank = draw(st.integers(0, 9 if high_rank else 4))
    shape = tuple(draw(st.sampled_from([0, 1, 2, 3, 4])) for _ in range(rank))
    dtype = draw(st.sampled_from(DTYPES))
    data = _values(draw, shape, dtype)
    t = bridge.asarray(data)
    if draw(st.integers(0, 9)) == 0 and t.dtype.kind in "fc" and t.ndim:
        t = bridge.asarray(t, copy=True)
        t.requires_grad_(True)
    return t


HUGE = [2**31, 2**62, 2**63 - 1, 2**63, 2**64, -(2**63), 10**30]
axes_values = st.one_of(st.integers(-6, 6), st.sampled_from(HUGE), st.none(),
                        st.tuples(st.integers(-4, 4), st.integers(-4, 4)),
                        st.lists(st.integers(-3, 3), max_size=3).map(tuple))
shape_values = st.one_of(
    st.lists(st.sampled_from([0, 1, 2, 3, -1, -2, 2**31, 2**62, 2**63]), max_size=5).map(tuple),
    st.integers(-3, 5), st.sampled_from(HUGE))
scalars = st.one_of(st.booleans(), st.integers(-5, 5), st.sampled_from(HUGE),
                    st.sampled_from(SPECIAL), st.complex_numbers(max_magnitude=1e3), st.just(complex(math.nan, 1.0)))
junk = st.one_of(st.none(), st.text(max_size=3), st.just(object()), st.just([1, [2]]),
                 st.just({"a": 1}), st.just(()), st.just(Ellipsis), st.just(slice(None)),
                 st.just(np.ones(3)), st.sampled_from(DTYPES), st.just("cuda:7"), st.just("tpu"))
dtypes = st.one_of(st.sampled_from(DTYPES), st.none(), st.sampled_from(["float64", "int8", "nope"]))


def argument(name):
    """A strategy for the parameter ``name``: mostly plausible values, some bad ones."""
    if name in ("axis", "axes", "source", "destination", "axis1", "axis2", "dim"):
        plausible = axes_values
    elif name in ("shape", "s", "size", "repeats", "repetitions", "shift", "n", "num", "k",
                  "offset", "N", "M", "ord", "correction", "n_rows", "n_cols"):
        plausible = st.one_of(shape_values, st.sampled_from(SPECIAL), st.sampled_from(
            ["fro", "nuc"]))
    elif name in ("dtype",):
        plausible = dtypes
    elif name in ("device",):
        plausible = st.sampled_from([None, "cpu", "cuda:3", "nope", 5])
    elif name in ("keepdims", "stable", "descending", "copy", "endpoint", "upper",
                  "full_matrices", "include_initial", "right", "invert", "requires_grad"):
        plausible = st.one_of(st.booleans(), st.none(), st.just("yes"), st.integers(0, 2))
    elif name in ("key",):
        plausible = st.one_of(st.integers(-5, 5), st.sampled_from(HUGE), st.just(slice(None, None, 0)),
                              st.tuples(st.integers(-3, 3), st.just(None), st.just(Ellipsis)),
                              tensors(), st.just(np.zeros((3, 0), bool)), st.just([[]]))
    else:
        plausible = st.one_of(tensors(), tensors(high_rank=True), scalars,
                              st.lists(tensors(), max_size=3))
    return st.one_of(plausible, plausible, plausible, junk, scalars, tensors())


def _snapshot(values):
    out = []
    for v in values:
        if isinstance(v, bridge.Tensor):
            out.append((v, np.array(v.to_device("cpu")) if v.device.type == "cpu" else None))
        elif isinstance(v, (list, tuple)):
            out.extend(_snapshot(v))
    return out


def _changed(snap):
    for t, before in snap:
        if before is None:
            continue
        now = np.asarray(t)
        if now.shape != before.shape or not np.array_equal(now, before, equal_nan=True):
            return True
    return False


def _short(x):
    text = repr(x)
    return text if len(text) < 160 else text[:157] + "..."


def fuzz_op(op, examples, seed_value, progress, counts, findings):
    fn = op.func
    py = getattr(fn, "__wrapped__", fn)
    while hasattr(py, "__wrapped__"):
        py = py.__wrapped__
    try:
        params = [p for p in inspect.signature(py).parameters.values()]
    except (TypeError, ValueError):
        return
    name = op.name
    short = name.rpartition(".")[2]
    allowed = FILE_ERRORS if name in FILES else ALLOWED
    if name == "getitem":
        short = "__getitem__"
    elif name == "setitem":
        short = "__setitem__"

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck), phases=[__import__("hypothesis").Phase.generate])
    @given(st.data())
    def run(data):
        args, kwargs = [], {}
        for p in params:
            if p.kind is p.VAR_POSITIONAL:
                args.extend(data.draw(st.lists(argument(p.name), max_size=3)))
                continue
            if p.kind is p.VAR_KEYWORD:
                continue
            optional = p.default is not p.empty
            if p.kind is p.POSITIONAL_ONLY:
                if optional and data.draw(st.integers(0, 3)) == 0:
                    continue  # leave out this one (the later positional ones too, below)
                args.append(data.draw(argument(p.name)))
                continue
            if optional and data.draw(st.integers(0, 2)) == 0:
                continue
            value = data.draw(argument(p.name))
            if p.kind is p.KEYWORD_ONLY or kwargs or data.draw(st.booleans()):
                kwargs[p.name] = value
            else:
                args.append(value)
        call = f"{name}(*{_short(args)}, **{_short(kwargs)})"
        progress.seek(0)
        progress.write(call.ljust(400)[:400])
        progress.flush()
        snap = [] if name in WRITES else _snapshot(list(args) + list(kwargs.values()))
        counts["calls"] += 1
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fn(*args, **kwargs)
        except allowed as exc:
            message = str(exc)
            counts["clean_errors"] += 1
            if short not in message and name not in message:
                counts["unnamed"] += 1
                if len(findings["unnamed"]) < 400:
                    findings["unnamed"].append([name, type(exc).__name__, message[:200], call])
        except Exception as exc:  # noqa: BLE001 - the finding
            counts["wrong_type"] += 1
            findings["wrong_type"].append([name, type(exc).__name__, str(exc)[:200], call])
        else:
            counts["ok"] += 1
        if snap and _changed(snap):
            counts["mutated"] += 1
            findings["mutated"].append([name, call])

    try:
        run()
    except Exception as exc:  # noqa: BLE001 - the fuzzer's own failure, reported
        counts["wrong_type"] += 1
        findings["wrong_type"].append([name, "fuzzer: " + type(exc).__name__, str(exc)[:200], ""])


def main(spec_path):
    spec_path = os.path.abspath(spec_path)
    with open(spec_path) as fh:
        spec = json.load(fh)
    # the file functions take str arguments as file names: what they write goes to a
    # scratch folder, never into the folder the fuzzer was started from
    scratch = tempfile.mkdtemp(prefix="bridge-fuzz-")
    os.chdir(scratch)
    try:
        _run(spec)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _run(spec):
    bridge.set_backend(spec["backend"])
    counts = {"calls": 0, "ok": 0, "clean_errors": 0, "unnamed": 0, "wrong_type": 0, "mutated": 0}
    findings = {"unnamed": [], "wrong_type": [], "mutated": []}
    with open(spec["progress"], "w") as progress:
        for i, name in enumerate(spec["ops"]):
            op = REGISTRY[name]
            fuzz_op(op, spec["examples"], spec["seed"] + i, progress, counts, findings)
    with open(spec["result"], "w") as fh:
        json.dump({"counts": counts, "findings": findings}, fh)


if __name__ == "__main__":
    main(sys.argv[1])

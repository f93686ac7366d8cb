#!/usr/bin/env python
"""Run NumPy's own tests against bridge (issue 19).

Each selected test module of the installed numpy package is copied into a temporary
directory with its imports of NumPy's functions rewritten to bridge's: ``import numpy
as np`` becomes a namespace that gives bridge's name where bridge has it and NumPy's
where it does not (``np.ndarray``, ``np.float16``), and ``from numpy.lib._impl import
f`` binds bridge's ``f`` when bridge offers it. ``numpy.testing`` (``assert_equal``,
``assert_allclose``, ...), ``numpy.exceptions``, ``numpy.ma`` and private helpers stay
NumPy's, so NumPy's assertions read bridge's tensors through ``__array__``.

Tests of what bridge leaves to NumPy (object, string, datetime, float16 and longdouble
dtypes, ndarray subclasses such as matrix and masked arrays, the C API, reference
counts, ndarray flags and memory layout) are not run: the filter list OUT_OF_SCOPE
below names them, and the table counts them in "out of scope" with their reasons.

Not part of the test suite (it takes minutes); run by hand:

    python scripts/numpy_own_tests.py                     # numpy backend
    BRIDGE_BACKEND=native python scripts/numpy_own_tests.py
    python scripts/numpy_own_tests.py -m lib/tests/test_twodim_base.py --failures
    python scripts/numpy_own_tests.py --json counts.json  # counts and every failure

``--failures`` prints the failing tests grouped by their error's first line.
"""

from __future__ import annotations

import argparse
import ast
import collections
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

# (module under numpy/, what of it bridge implements)
MODULES = [
    ("lib/tests/test_function_base.py", "diff, gradient, interp, select, piecewise, median, percentile, ..."),
    ("lib/tests/test_shape_base.py", "apply_along_axis, split, tile, kron, ..."),
    ("lib/tests/test_twodim_base.py", "eye, diag, tri, triu, histogram2d, ..."),
    ("lib/tests/test_arraysetops.py", "unique, isin, intersect1d, ..."),
    ("lib/tests/test_nanfunctions.py", "nanmax, nansum, nanmedian, nanquantile, ..."),
    ("lib/tests/test_polynomial.py", "poly1d, polyfit, polyval, roots"),
    ("lib/tests/test_index_tricks.py", "mgrid, ogrid, ix_, r_, c_, ndindex, ..."),
    ("lib/tests/test_stride_tricks.py", "as_strided, broadcast_arrays, sliding_window_view"),
    ("lib/tests/test_histograms.py", "histogram, histogram_bin_edges, histogramdd"),
    ("lib/tests/test_arraypad.py", "pad"),
    ("lib/tests/test_type_check.py", "real, imag, iscomplex, nan_to_num, real_if_close, ..."),
    ("lib/tests/test_ufunclike.py", "fix, isposinf, isneginf"),
    ("_core/tests/test_numeric.py", "ones_like, convolve, correlate, cross, roll, clip, isclose, ..."),
    ("_core/tests/test_shape_base.py", "atleast_nd, stack, hstack, vstack, block, concatenate"),
    ("_core/tests/test_function_base.py", "linspace, logspace, geomspace"),
    ("_core/tests/test_einsum.py", "einsum, einsum_path"),
    ("_core/tests/test_item_selection.py", "take, put, choose"),
    ("linalg/tests/test_linalg.py", "numpy.linalg"),
    ("fft/tests/test_pocketfft.py", "numpy.fft transforms"),
    ("fft/tests/test_helper.py", "fftshift, fftfreq, rfftfreq"),
]

# Tests bridge leaves to NumPy, matched on the test's id (regex) or on its source
# (a plain substring of the test function's source), with the reason counted.
OUT_OF_SCOPE_ID = [
    (r"object|_obj\b|Object", "object dtype"),
    (r"datetime|timedelta|\bdt64|_time", "datetime dtypes"),
    (r"string|unicode|_str\b|_str_|bytes|char", "string dtypes"),
    (r"matrix|Matrix", "np.matrix"),
    (r"masked|_ma\b|_ma_|MaskedArray", "masked arrays"),
    (r"subclass|Subclass|_sub_class|ndarray_sub", "ndarray subclasses"),
    (r"refcount|leak", "reference counts"),
    (r"structured|record|void", "structured dtypes"),
    (r"float16|half|longdouble|clongdouble|float128|complex256", "dtypes outside bridge's 13"),
    (r"array_function|array_ufunc|array_wrap|array_priority|__array__", "NumPy's override protocols"),
    (r"rational", "user dtypes (C API)"),
    (r"huge_list|_huge|large_array|test_big_", "needs > 8 GiB"),
]
OUT_OF_SCOPE_SOURCE = [
    ("dtype=object", "object dtype"), ("dtype='O'", "object dtype"), ('dtype="O"', "object dtype"),
    ("np.object_", "object dtype"), ("dtype=np.object", "object dtype"),
    ("datetime64", "datetime dtypes"), ("timedelta64", "datetime dtypes"),
    ("StringDType", "string dtypes"), ("np.str_", "string dtypes"), ("np.bytes_", "string dtypes"),
    ("dtype=str", "string dtypes"), ("dtype='U", "string dtypes"), ("dtype='S", "string dtypes"),
    ("np.matrix", "np.matrix"), ("np.ma.", "masked arrays"), ("ma.array", "masked arrays"),
    ("ma.masked", "masked arrays"), ("np.recarray", "structured dtypes"),
    ("getrefcount", "reference counts"), ("HAS_REFCOUNT", "reference counts"),
    ("rational", "user dtypes (C API)"), ("_rational_tests", "user dtypes (C API)"),
    ("np.float16", "dtypes outside bridge's 13"), ("np.half", "dtypes outside bridge's 13"),
    ("np.longdouble", "dtypes outside bridge's 13"), ("np.clongdouble", "dtypes outside bridge's 13"),
    ("np.float128", "dtypes outside bridge's 13"), ("typecodes['AllFloat']", "dtypes outside bridge's 13"),
    ("typecodes['Float']", "dtypes outside bridge's 13"), ("typecodes['All']", "dtypes outside bridge's 13"),
    ("typecodes['Complex']", "dtypes outside bridge's 13"), ('typecodes["AllFloat"]', "dtypes outside bridge's 13"),
    ('typecodes["Float"]', "dtypes outside bridge's 13"), ('typecodes["All"]', "dtypes outside bridge's 13"), ("'f2'", "dtypes outside bridge's 13"),
    (".flags", "ndarray flags and memory layout"), (".strides", "ndarray flags and memory layout"),
    (".ctypes", "ndarray flags and memory layout"), ("__array_interface__", "ndarray flags and memory layout"),
    ("__array_function__", "NumPy's override protocols"), ("__array_ufunc__", "NumPy's override protocols"),
    ("__array_wrap__", "NumPy's override protocols"), ("__array_finalize__", "NumPy's override protocols"),
    ("__array_priority__", "NumPy's override protocols"), ("(np.ndarray)", "ndarray subclasses"),
    ("np.ndarray.__new__", "ndarray subclasses"), ("requires_memory", "needs > 8 GiB"),
    ("IS_PYPY", "interpreter internals"), ("subok", "ndarray subclasses"),
    ("newbyteorder", "non-native byte order"), ("metadata=", "dtype metadata"), ("_multiarray_tests", "C API"),
    ("set_string_function", "C API"), ("pickle", "pickling of ndarray"),
]

# The namespace the rewritten tests import as numpy: bridge's names, NumPy's where
# bridge has none, and NumPy's own modules for its testing helpers.
PROXY = r'''
import importlib, sys, types
import numpy as _numpy
import bridge as _bridge

KEEP = {"testing", "exceptions", "dtypes", "ma", "char", "rec", "core", "_core",
        "polynomial", "typing", "ctypeslib", "strings", "f2py", "_utils", "version"}
# numpy module -> bridge module whose public names stand for its names
MAP = {"numpy": "bridge", "numpy.lib": "bridge.lib", "numpy.linalg": "bridge.linalg", "numpy.fft": "bridge.fft",
       "numpy.random": "bridge.random", "numpy.lib.stride_tricks": "bridge.lib.stride_tricks",
       "numpy.lib._stride_tricks_impl": "bridge.lib.stride_tricks",
       "numpy.linalg._linalg": "bridge.linalg", "numpy.fft._pocketfft": "bridge.fft",
       "numpy.fft._helper": "bridge.fft", "numpy.fft.helper": "bridge.fft"}


# False while pytest collects (module and class bodies, parametrize lists build their
# data with NumPy, as inputs to bridge's functions), True while the tests run
ACTIVE = [False]
_MISSING = object()


def _lookup(primary, fallback, name):
    value = getattr(fallback, name, _MISSING)
    if isinstance(value, types.ModuleType):
        full = f"{fallback.__name__}.{name}"
        if full == "numpy.testing":
            return _testing
        if name in KEEP or full not in MAP:
            return value
        return module(full)
    if primary is not None and not name.startswith("_"):
        mine = getattr(primary, name, _MISSING)
        if mine is not _MISSING and (ACTIVE[0] or value is _MISSING):
            return mine
    if value is _MISSING:
        raise AttributeError(f"module {fallback.__name__!r} has no attribute {name!r}")
    return value


class Proxy(types.ModuleType):
    def __init__(self, name, primary, fallback):
        super().__init__(name)
        object.__setattr__(self, "_primary", primary)
        object.__setattr__(self, "_fallback", fallback)

    def __getattr__(self, name):
        return _lookup(self._primary, self._fallback, name)

    def __dir__(self):
        return sorted(set(dir(self._fallback)) | set(dir(self._primary or ())))


class Switch:
    """A name bound by `from numpy import f`: NumPy's f at collection, bridge's in tests."""

    def __init__(self, mine, theirs):
        object.__setattr__(self, "_pair", (mine, theirs))

    def _target(self):
        return self._pair[0] if ACTIVE[0] else self._pair[1]

    def __call__(self, *args, **kwargs):
        return self._target()(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._target(), name)

    def __enter__(self):
        return self._target().__enter__()

    def __exit__(self, *exc):
        return self._target().__exit__(*exc)

    def __repr__(self):
        return repr(self._target())


_COMPARE = {"assert_equal", "assert_array_equal", "assert_almost_equal", "assert_allclose",
            "assert_array_almost_equal", "assert_approx_equal", "assert_array_less",
            "assert_array_max_ulp", "assert_array_almost_equal_nulp", "assert_array_compare"}


def _host(value):
    """NumPy's view of a bridge tensor (through __array__), inside lists and tuples too."""
    if isinstance(value, _bridge.Tensor):
        return _numpy.asarray(value)
    if type(value) in (list, tuple):
        return type(value)(_host(v) for v in value)
    return value


def _comparing(assertion):
    # NumPy's assertions take the array path only for ndarrays: a tensor would be
    # compared with == and bool() as a scalar, so they get the tensor's __array__
    def compare(*args, **kwargs):
        return assertion(*(_host(a) for a in args), **{k: _host(v) for k, v in kwargs.items()})
    compare.__name__ = assertion.__name__
    return compare


class Testing(types.ModuleType):
    def __getattr__(self, name):
        value = getattr(_numpy.testing, name)
        return _comparing(value) if name in _COMPARE else value


_testing = Testing("numpy.testing")


def module(name):
    """The namespace standing for numpy module `name`."""
    if name == "numpy.testing":
        return _testing
    real = importlib.import_module(name)
    target = MAP.get(name)
    if target is None and name.startswith(("numpy.lib.", "numpy._core.")) and \
            name.rsplit(".", 1)[1].startswith(("_", "numeric", "fromnumeric", "shape_base",
                                                "function_base", "numerictypes")):
        target = "bridge"      # NumPy's implementation modules of top-level functions
    if target is None or name.startswith(("numpy.testing", "numpy._core._", "numpy.exceptions")):
        return real
    return Proxy(name, importlib.import_module(target), real)


def pick(modname, name):
    """What `from <modname> import <name>` binds in the rewritten test."""
    space = module(modname)
    if not isinstance(space, Proxy):
        return getattr(space, name)
    theirs = getattr(space._fallback, name, _MISSING)
    mine = _MISSING if name.startswith("_") else getattr(space._primary, name, _MISSING)
    if mine is _MISSING or theirs is _MISSING or mine is theirs or isinstance(theirs, types.ModuleType) \
            or not callable(mine) or (isinstance(mine, type) and isinstance(theirs, type)):
        return getattr(space, name)
    return Switch(mine, theirs)


_self = Proxy("numpy", _bridge, _numpy)
'''

# pytest plugin: applies the filter list and writes every outcome to a JSON file
PLUGIN = r'''
import inspect, json, os, re
import numpy
import pytest

OUT_OF_SCOPE_ID = __OUT_OF_SCOPE_ID__
OUT_OF_SCOPE_SOURCE = __OUT_OF_SCOPE_SOURCE__
RESULTS = {"out_of_scope": {}, "tests": {}}


def pytest_collection_finish(session):
    import _bridge_np
    _bridge_np.ACTIVE[0] = True
_BAD_KINDS = set("OMmUSV")
_BAD_TYPES = {"float16", "longdouble", "clongdouble"}


def _param_reason(value):
    try:
        if isinstance(value, (numpy.dtype, type, str)) and not (isinstance(value, str) and len(value) > 4):
            dt = numpy.dtype(value)
            if dt.kind in _BAD_KINDS:
                return "object, string, datetime or structured dtype parameter"
            if dt.name in _BAD_TYPES or dt.name in ("float128", "complex256"):
                return "dtypes outside bridge's 13"
            if dt.byteorder not in "=|":
                return "non-native byte order"
    except Exception:
        pass
    return None


def _reason(item):
    for pattern, reason in OUT_OF_SCOPE_ID:
        if re.search(pattern, item.nodeid.split("::", 1)[-1]):
            return reason
    callspec = getattr(item, "callspec", None)
    if callspec is not None:
        for value in callspec.params.values():
            for v in (value if isinstance(value, (tuple, list)) else (value,)):
                r = _param_reason(v)
                if r:
                    return r
    try:   # the function's own lines, not its decorators' parameter lists
        lines = inspect.getsource(item.function).splitlines()
        start = next(i for i, l in enumerate(lines) if l.lstrip().startswith(("def ", "async def ")))
        source = "\n".join(lines[start:])
    except (OSError, TypeError, StopIteration):
        source = ""
    for needle, reason in OUT_OF_SCOPE_SOURCE:
        if needle in source:
            return reason
    return None


def pytest_collection_modifyitems(config, items):
    keep = []
    for item in items:
        reason = _reason(item)
        if reason is None:
            keep.append(item)
        else:
            RESULTS["out_of_scope"][item.nodeid] = reason
    config.hook.pytest_deselected(items=[i for i in items if i not in keep])
    items[:] = keep
    _write({"out_of_scope": RESULTS["out_of_scope"]})


def _write(record):
    # one line per record, so a test that crashes the interpreter loses only itself
    with open(os.environ["NUMPY_OWN_TESTS_OUT"], "a") as f:
        f.write(json.dumps(record) + "\n")


def _message(report):
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None:
        return crash.message.splitlines()[0][:300] if crash.message else "?"
    return str(report.longrepr).strip().splitlines()[-1][:300] if report.longrepr else "?"


def pytest_runtest_logreport(report):
    tests = RESULTS["tests"]
    entry = tests.setdefault(report.nodeid, {"outcome": "passed"})
    if report.when == "teardown":
        _write({"test": report.nodeid, **entry})
    if report.when == "call":
        if hasattr(report, "wasxfail"):
            entry["outcome"] = "xfailed" if report.skipped else "xpassed"
        elif report.failed:
            entry["outcome"] = "failed"
            entry["message"] = _message(report)
        elif report.skipped:
            entry["outcome"] = "skipped"
    elif report.failed:
        entry["outcome"] = "error"
        entry["message"] = _message(report)
    elif report.skipped and report.when == "setup":
        entry["outcome"] = "xfailed" if hasattr(report, "wasxfail") else "skipped"


def pytest_collectreport(report):
    if report.failed:
        _write({"test": report.nodeid or "<collection>", "outcome": "error",
                "message": "collection: " + _message(report)})
'''.replace("__OUT_OF_SCOPE_ID__", repr(OUT_OF_SCOPE_ID)).replace(
    "__OUT_OF_SCOPE_SOURCE__", repr(OUT_OF_SCOPE_SOURCE))


def rewrite(source: str) -> str:
    """`source` with its numpy imports bound to the bridge namespace."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    edits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            if not any(a.name == "numpy" or a.name.startswith("numpy.") for a in node.names):
                continue
            parts = []
            for a in node.names:
                if a.name == "numpy":
                    parts.append(f"{a.asname or 'numpy'} = _bnp._self")
                elif a.name.startswith("numpy.") and a.asname:
                    parts.append(f"{a.asname} = _bnp.module({a.name!r})")
                else:   # import numpy.x.y: binds `numpy`
                    parts.append(f"import {a.name}; numpy = _bnp._self")
            edits.append((node, "import _bridge_np as _bnp; " + "; ".join(parts)))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and \
                (node.module == "numpy" or node.module.startswith("numpy.")):
            if any(a.name == "*" for a in node.names):
                continue
            parts = [f"{a.asname or a.name} = _bnp.pick({node.module!r}, {a.name!r})"
                     for a in node.names]
            edits.append((node, "import _bridge_np as _bnp; " + "; ".join(parts)))
    for node, text in sorted(edits, key=lambda e: -e[0].lineno):
        first, last = node.lineno - 1, node.end_lineno - 1
        start = lines[first][:node.col_offset]
        tail = lines[last][node.end_col_offset:]
        lines[first:last + 1] = [start + text + tail]
    return "".join(lines)


# The cause of a failure, read off its error's first line (first match wins)
CAUSES = [
    (r"unexpected keyword argument|takes \d+ positional|positional argument", "missing keyword or parameter"),
    (r"has no attribute", "missing function or attribute"),
    (r"Regex pattern did not match|does not match \"", "same exception, another message"),
    (r"DID NOT WARN|did not raise fpe|warning", "warning not given"),
    (r"DID NOT RAISE|not raised", "error not raised"),
    (r"is not one of the 13 dtypes|beyond the 13|cannot hold|a dtype beyond|float16|longdouble",
     "dtype outside bridge's 13"),
    (r"^(TypeError|ValueError|IndexError|AxisError|numpy.exceptions.AxisError|LinAlgError|"
     r"OverflowError|RuntimeError|AttributeError|KeyError|ZeroDivisionError|"
     r"NotImplementedError|numpy.linalg.LinAlgError)\b", "bridge raised where NumPy returns"),
    (r"dtype\(|dtype=|\.dtype", "wrong dtype"),
    (r"Mismatch|not equal|not almost equal|Not equal|Arrays are|Items are|shape", "wrong value or shape"),
    (r"AssertionError|assert ", "other assertion"),
]


def cause(message: str) -> str:
    for pattern, name in CAUSES:
        if re.search(pattern, message):
            return name
    return "other"


BRIDGE_PATH = None


def run_module(relpath: str, workdir: pathlib.Path, timeout: int, extra: list[str]) -> dict:
    import numpy

    src = pathlib.Path(numpy.__file__).parent / relpath
    name = relpath.replace("/tests/", "_").replace("/", "_").replace(".py", "")
    d = workdir / name
    d.mkdir(parents=True)
    target = d / f"test_{name}.py"
    target.write_text(rewrite(src.read_text()))
    for data in ("data",):      # data files some modules read next to themselves
        if (src.parent / data).is_dir():
            shutil.copytree(src.parent / data, d / data)
    (d / "_bridge_np.py").write_text(PROXY)
    (d / "conftest.py").write_text(PLUGIN)
    (d / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    out = d / "results.json"
    path = [str(d)] + ([BRIDGE_PATH] if BRIDGE_PATH else [])
    env = dict(os.environ, NUMPY_OWN_TESTS_OUT=str(out), PYTHONPATH=os.pathsep.join(path))
    env.setdefault("PYTHONHASHSEED", "0")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "--tb=no", "-rN",
           "-W", "ignore", str(target.name)] + extra
    t0 = time.time()
    try:
        proc = subprocess.run(cmd, cwd=d, env=env, capture_output=True, text=True, timeout=timeout)
        log = proc.stdout[-3000:] + proc.stderr[-3000:]
    except subprocess.TimeoutExpired:
        log, proc = "timeout", None
    results = {"out_of_scope": {}, "tests": {}}
    for line in (out.read_text().splitlines() if out.exists() else ()):
        record = json.loads(line)
        if "out_of_scope" in record:
            results["out_of_scope"].update(record["out_of_scope"])
        else:
            results["tests"][record.pop("test")] = record
    if log == "timeout" or proc.returncode not in (0, 1, 5):
        results["tests"]["<run>"] = {"outcome": "error", "message": f"pytest ended: {log[-300:]}"}
    results["seconds"] = round(time.time() - t0, 1)
    return results


def summarize(results: dict) -> dict:
    counts = collections.Counter(t["outcome"] for t in results["tests"].values())
    oos = len(results["out_of_scope"])
    return {"collected": sum(counts.values()) + oos, "passed": counts["passed"],
            "failed": counts["failed"], "errors": counts["error"],
            "skipped": counts["skipped"] + counts["xfailed"] + counts["xpassed"],
            "out_of_scope": oos, "seconds": results.get("seconds", 0)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-m", "--module", action="append", help="numpy-relative test module(s)")
    parser.add_argument("-k", help="pytest -k expression")
    parser.add_argument("--json", help="write counts and every failure here")
    parser.add_argument("--failures", action="store_true", help="print failures grouped by error")
    parser.add_argument("--out-of-scope", action="store_true", help="print the out-of-scope reasons")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=900, help="seconds per module")
    parser.add_argument("--keep", action="store_true", help="keep the rewritten modules")
    parser.add_argument("--bridge-path", help="import bridge from this directory (another checkout)")
    args = parser.parse_args()
    global BRIDGE_PATH
    BRIDGE_PATH = args.bridge_path and str(pathlib.Path(args.bridge_path).resolve())
    modules = args.module or [m for m, _ in MODULES]
    extra = ["-k", args.k] if args.k else []
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="numpy_own_tests_"))
    import numpy

    import bridge

    backend = os.environ.get("BRIDGE_BACKEND", "numpy") or "numpy"
    print(f"NumPy {numpy.__version__}'s tests against bridge ({BRIDGE_PATH or pathlib.Path(bridge.__file__).parent}), "
          f"backend {backend} (work dir {workdir})")
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        all_results = dict(zip(modules, pool.map(
            lambda m: run_module(m, workdir, args.timeout, extra), modules)))
    rows = {m: summarize(r) for m, r in all_results.items()}
    cols = ["collected", "passed", "failed", "errors", "skipped", "out_of_scope"]
    width = max(len(m) for m in modules) + 2
    print(f"{'module':<{width}}" + "".join(f"{c:>13}" for c in cols) + "   pass rate (in scope)")
    total = collections.Counter()
    for m, row in rows.items():
        total.update({c: row[c] for c in cols})
        ran = row["passed"] + row["failed"] + row["errors"]
        rate = f"{100 * row['passed'] / ran:5.1f}%" if ran else "   - "
        print(f"{m:<{width}}" + "".join(f"{row[c]:>13}" for c in cols) + f"   {rate}")
    ran = total["passed"] + total["failed"] + total["errors"]
    print(f"{'total':<{width}}" + "".join(f"{total[c]:>13}" for c in cols)
          + (f"   {100 * total['passed'] / ran:5.1f}%" if ran else ""))
    reasons = collections.Counter(r for res in all_results.values() for r in res["out_of_scope"].values())
    print("out of scope: " + ", ".join(f"{r} {n}" for r, n in reasons.most_common()))
    if args.out_of_scope:
        for m, res in all_results.items():
            for nodeid, r in res["out_of_scope"].items():
                print(f"  {m}::{nodeid.split('::', 1)[-1]}  [{r}]")
    groups = collections.defaultdict(list)
    for m, res in all_results.items():
        for nodeid, t in res["tests"].items():
            if t["outcome"] in ("failed", "error"):
                key = re.sub(r"0x[0-9a-f]+", "0x..", t.get("message", "?"))[:160]
                groups[key].append(f"{m}::{nodeid.split('::', 1)[-1]}")
    causes = collections.Counter()
    for key, ids in groups.items():
        causes[cause(key)] += len(ids)
    print("failure causes: " + ", ".join(f"{c} {n}" for c, n in causes.most_common()))
    if args.failures:
        for key, ids in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"\n[{len(ids)}] {key}")
            for i in ids[:8]:
                print(f"    {i}")
            if len(ids) > 8:
                print(f"    ... {len(ids) - 8} more")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(
            {"backend": backend, "numpy": numpy.__version__, "bridge": getattr(bridge, "__version__", "?"),
             "counts": rows, "total": dict(total), "out_of_scope_reasons": dict(reasons),
             "failures": {m: {k: v for k, v in res["tests"].items() if v["outcome"] in ("failed", "error")}
                          for m, res in all_results.items()}}, indent=1))
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

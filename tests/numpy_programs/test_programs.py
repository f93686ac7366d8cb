"""Each program of the corpus runs twice, once as written (``import numpy as np``)
and once with the import changed to ``import bridge as np``; the results must be
NumPy's numbers, on every backend."""

from __future__ import annotations

import pathlib

import numpy as np
import pytest

import bridge

HERE = pathlib.Path(__file__).resolve().parent
PROGRAMS = sorted(p for p in HERE.glob("*.py") if not p.name.startswith(("test_", "_")))
IMPORT = "import numpy as np\n"


def run_program(path: pathlib.Path, module: str):
    source = path.read_text()
    assert source.count(IMPORT) == 1, f"{path.name} must import numpy as np exactly once"
    if module != "numpy":
        # every import of NumPy changes, as a user moving a program to bridge changes
        # them (``from numpy.lib.stride_tricks import as_strided`` too)
        source = source.replace(IMPORT, f"import {module} as np\n")
        source = source.replace("\nfrom numpy.", f"\nfrom {module}.")
    namespace = {"__name__": f"numpy_programs.{path.stem}"}
    exec(compile(source, str(path), "exec"), namespace)
    return namespace["main"]()


def as_numpy(value):
    if isinstance(value, bridge.Tensor):
        return np.asarray(value.to_device("cpu"))
    if isinstance(value, (list, tuple)):
        return np.asarray([as_numpy(v) for v in value])
    return np.asarray(value)


def test_the_corpus_is_large_enough():
    assert len(PROGRAMS) >= 60


# Programs that hold host-only data (NumPy's string arrays indexed by tensors, NumPy's
# masked arrays) next to tensors, or call NumPy's scalar types on a tensor
# (``np.float32(t)``, which is NumPy's own type): on a GPU default device they stop with
# bridge's TypeError naming the device, because bridge never copies GPU memory to the
# host implicitly (nor do CuPy and PyTorch); on the CPU they give NumPy's numbers.
HOST_DATA = {"gradebook_report", "leaderboard_sort", "tax_brackets", "sensor_gaps",
             "grade_curve", "maze_bfs",
             "percentile_report", "record_processing", "day_counting",
             "word_bag_counts", "weather_markov", "vectorize_piecewise_select",
             "argsort_rank_tricks", "histogram_bins_stats", "searchsorted_topk_grades",
             "pi_dart_estimates"}

# Results that report a view's ``flags.writeable``: GPU memory has no read-only flag
# (docs/gpu.md), so on a GPU the windows NumPy makes read-only are writeable, and the
# flag must say so; every other result is NumPy's.
GPU_WRITEABLE = {("sliding_view_features", "readonly"): False,
                 ("sliding_window_median", "writeable"): True,
                 ("sliding_windows", "writeable"): True}


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_program_gives_numpys_numbers(backend, path, monkeypatch):
    expected = run_program(path, "numpy")
    if str(bridge.get_default_device()) != "cpu" and path.stem in HOST_DATA:
        with pytest.raises(TypeError, match="cuda"):
            run_program(path, "bridge")
        return
    if str(bridge.get_default_device()) != "cpu":
        # a GPU generator draws CuPy's numbers; NumPy's stream, copied to the device,
        # makes the inputs identical so that the results can be compared
        monkeypatch.setattr(bridge.random, "default_rng", bridge.random.numpy_stream_rng)
    got = run_program(path, "bridge")
    assert set(got) == set(expected)
    for key, value in expected.items():
        if str(bridge.get_default_device()) != "cpu":
            value = GPU_WRITEABLE.get((path.stem, key), value)
        check(f"{path.stem}[{key}]", value, got[key])


def ragged(value):
    """A list or tuple NumPy cannot make one array of (arrays of several shapes)."""
    try:
        np.asarray(value)
    except ValueError:
        return True
    return False


def check(name, value, got):
    """``got`` (bridge's) against ``value`` (NumPy's); a dict, or a list or tuple of
    differently shaped parts, compares part by part."""
    if isinstance(value, dict):
        assert isinstance(got, dict) and set(got) == set(value), name
        for key, part in value.items():
            check(f"{name}[{key!r}]", part, got[key])
        return
    if isinstance(value, (list, tuple)) and ragged(value):
        assert isinstance(got, (list, tuple)) and len(got) == len(value), name
        for i, part in enumerate(value):
            check(f"{name}[{i}]", part, got[i])
        return
    e = np.asarray(value)
    g = as_numpy(got)
    assert g.shape == e.shape, f"{name}: shape {g.shape} != {e.shape}"
    if e.dtype.kind in "USO":
        # printed output (str, repr, array2string) and other strings: equal text
        assert g.dtype.kind == e.dtype.kind, f"{name}: dtype {g.dtype} != {e.dtype}"
        np.testing.assert_array_equal(g, e, err_msg=name)
    elif e.dtype.kind in "biu":
        assert g.dtype.kind in "biu", f"{name}: dtype {g.dtype} != {e.dtype}"
        np.testing.assert_array_equal(g, e, err_msg=name)
    else:
        assert g.dtype == e.dtype, f"{name}: dtype {g.dtype} != {e.dtype}"
        # single precision compares at its own precision (a float32 sum's last bit
        # depends on the summation order, which the native backend chooses itself)
        tol = 1e-6 if e.dtype in (np.float32, np.complex64) else 1e-9
        np.testing.assert_allclose(g, e, rtol=tol, atol=tol, equal_nan=True, err_msg=name)

"""The nan-functions warn as NumPy's do: an all-NaN slice (nanmax, nanmin, nanmedian,
nanpercentile, nanquantile), an empty one (nanmean) or one without enough values
(nanvar, nanstd) gives NumPy's RuntimeWarning and no other; NumPy is the oracle, on
every backend (NumPy's own test_nanfunctions checks these warnings)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import bridge

from .conftest import to_numpy

NAN_WARNINGS = [("nanmax", (), "All-NaN slice encountered"),
                ("nanmin", (), "All-NaN slice encountered"),
                ("nanmedian", (), "All-NaN slice encountered"),
                ("nanpercentile", (50,), "All-NaN slice encountered"),
                ("nanquantile", (0.5,), "All-NaN slice encountered"),
                ("nanmean", (), "Mean of empty slice"),
                ("nanvar", (), "Degrees of freedom <= 0 for slice."),
                ("nanstd", (), "Degrees of freedom <= 0 for slice.")]


@pytest.mark.parametrize("name,extra,message", NAN_WARNINGS, ids=[n for n, _, _ in NAN_WARNINGS])
def test_nan_functions_warn_as_numpy(backend, name, extra, message):
    """An all-NaN (or empty) slice gives NumPy's RuntimeWarning, and only that one (no
    'invalid value' warning of the division inside); slices with values warn nothing."""
    data = np.array([[np.nan, np.nan], [1.0, 2.0]])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = getattr(bridge, name)(bridge.asarray(data), *extra, axis=1)
    assert [str(w.message) for w in caught] == [message]
    assert all(w.category is RuntimeWarning for w in caught)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = getattr(np, name)(data, *extra, axis=1)
    np.testing.assert_array_equal(to_numpy(got), want)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        getattr(bridge, name)(bridge.asarray(data[1:]), *extra, axis=1)

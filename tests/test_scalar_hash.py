"""0-d tensors without an autograd record hash by value, as NumPy's scalars do
(``dict(zip(values, counts))``, ``set(x)``, ``Counter(x)`` of an iterated tensor);
every other tensor is unhashable, as NumPy's arrays are."""

from __future__ import annotations

import collections

import numpy as np
import pytest

import bridge


def test_iterated_elements_key_dicts_sets_and_counters(backend, device):
    a = np.array([3, 1, 3, 2, 1, 3])
    x = bridge.asarray(a, device=device)
    values, counts = bridge.unique_counts(x)
    table = dict(zip(values, counts))
    expected = dict(zip(*np.unique(a, return_counts=True)))
    assert {int(k): int(v) for k, v in table.items()} == {int(k): int(v) for k, v in expected.items()}
    assert int(table[3]) == 3 and int(table[np.int64(1)]) == 2  # looked up by value
    assert sorted(int(v) for v in set(x)) == [1, 2, 3]
    assert collections.Counter(x)[3] == 3
    assert hash(bridge.asarray(2.0, device=device)) == hash(2.0) == hash(np.float64(2.0))
    assert hash(bridge.asarray(1 + 2j, device=device)) == hash(1 + 2j)


def test_arrays_and_tensors_autograd_knows_are_unhashable(backend, device):
    with pytest.raises(TypeError, match="unhashable type: 'Tensor'"):
        hash(bridge.ones((2,), device=device))
    with pytest.raises(TypeError, match="unhashable type: 'Tensor'"):
        {bridge.ones((2, 2), device=device): 1}
    w = bridge.asarray(1.0, device=device, requires_grad=True)
    with pytest.raises(TypeError, match="records gradients"):
        hash(w)
    with pytest.raises(TypeError, match="records gradients"):
        hash(w * 2)

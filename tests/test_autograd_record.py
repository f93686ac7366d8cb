"""Autograd's recorder: the C one (bridge/_fastpath/src/record.c), which makes the node
of the common call, and the Python ``record_general``, which serves every call the C one
declines, make the same node and the same output record for the same call."""

from __future__ import annotations

import weakref
from contextlib import nullcontext

import numpy as np
import pytest

import bridge
from bridge import _dispatch
from bridge.autograd import _graph

from .conftest import run_threads, to_numpy

# (op, kernel arguments after the tensors, kernel keyword arguments, number of inputs)
CALLS = [
    ("add", (), {}, 2),
    ("multiply", (), {}, 2),  # saves its inputs
    ("exp", (), {}, 1),  # saves its output
    ("negative", (), {}, 1),
    ("getitem", ((2, Ellipsis),), {}, 1),  # a view: shares the version counter
    ("reshape", ((2, 4), None), {}, 1),
    ("sum", (None, None, False), {}, 1),
]


def _inputs(n, device):
    """A non-leaf with a history first, then leaves that require grad."""
    rng = np.random.default_rng(0)
    first = bridge.asarray(rng.random(8), device=device).requires_grad_() * 1.0
    rest = [bridge.asarray(rng.random(8), device=device).requires_grad_() for _ in range(n - 1)]
    return (first, *rest)


def _both(name, args, params, inputs):
    """The node the C recorder and the Python one make for one call, and the results."""
    raws = [t._data for t in inputs]
    kernel = _dispatch.kernels_of(raws[0])[name]
    results = []
    for recorder in (_graph.record, _graph.record_general):
        result = _dispatch.wrap(kernel(*raws, *args, **params))
        recorder(name, inputs, args, params, result)
        results.append(result)
    return results


def _same_aval(a, b):
    assert tuple(a[0]) == tuple(b[0]) and a[1] == b[1]


def _same_node(c, p):
    assert type(c) is type(p)
    assert c.name == p.name and c.rule is p.rule
    assert c.args == p.args and c.params == p.params
    assert len(c.edges) == len(p.edges)
    for ec, ep in zip(c.edges, p.edges):
        assert (ec is None) == (ep is None)
        if ec is not None:
            assert ec[0] is ep[0] and ec[1] == ep[1]
    for ac, ap in zip(c.avals, p.avals):
        _same_aval(ac, ap)
    assert len(c.saved_inputs) == len(p.saved_inputs)
    for sc, sp in zip(c.saved_inputs, p.saved_inputs):
        assert sc is sp
    if p.saved_versions is None:
        assert c.saved_versions is None
    else:
        assert len(c.saved_versions) == len(p.saved_versions)
        for (vc, sc), (vp, sp) in zip(c.saved_versions, p.saved_versions):
            assert vc is vp and sc == sp
    if isinstance(p.saved_out, tuple):
        assert c.saved_out == ()
    else:
        assert np.array_equal(to_numpy(_dispatch.wrap(c.saved_out)),
                              to_numpy(_dispatch.wrap(p.saved_out)))
    assert c.out_version[1] == p.out_version[1]


@pytest.mark.parametrize("name,args,params,n", CALLS, ids=[c[0] for c in CALLS])
def test_c_and_python_recorders_make_the_same_node(backend, device, name, args, params, n):
    inputs = _inputs(n, device)
    rc, rp = _both(name, args, params, inputs)
    mc, mp = rc._meta, rp._meta
    assert mc.requires_grad is mp.requires_grad is True
    assert mc.output_nr == mp.output_nr == 0
    assert mc.version == mp.version
    if name in _graph.VIEW_OPS:  # a view shares its base's version counter
        assert mc.version is inputs[0]._meta.version is mp.version
    _same_node(mc.grad_fn, mp.grad_fn)


def test_an_input_without_a_record_gets_one_when_saved(backend, device):
    x = bridge.asarray([1.0, 2.0], device=device).requires_grad_()
    y = bridge.asarray([3.0, 4.0], device=device)
    assert y._meta is None
    out = x * y  # multiply saves both inputs: y gets a record for its version counter
    assert y._meta is not None and y._meta.requires_grad is False
    assert out.grad_fn.saved_versions[1][0] is y._meta.version
    y[0] = 9.0  # ... so the write is seen by backward
    with pytest.raises(RuntimeError, match="modified by an in-place operation"):
        out.sum().backward()


@pytest.mark.parametrize("recorder", ["c", "python"])
def test_a_number_operand_saves_no_input_where_the_vjp_reads_none(backend, device, recorder):
    """x * 2.0 differentiates to 2.0 and x / 2.0 to 1 / 2.0: no input is kept (so that
    ``w *= 2.0`` need not copy w's old value); 2.0 / x and x ** 2.0 read x. The Python
    recorder (forward mode, anomaly mode) decides the same as the C one."""
    w = bridge.asarray([1.0, 2.0, 4.0], device=device).requires_grad_() * 1.0
    cases = [(lambda: w * 2.0, 0), (lambda: 2.0 * w, 0), (lambda: w / 2.0, 0),
             (lambda: 2.0 / w, 1), (lambda: w ** 2.0, 1), (lambda: w - 2.0, 0)]
    for make, saved in cases:
        with bridge.autograd.detect_anomaly() if recorder == "python" else nullcontext():
            out = make()
        assert len(out.grad_fn.saved_inputs) == saved
    x = bridge.asarray([1.0, 2.0, 4.0], device=device).requires_grad_()
    w = x * 1.0
    w *= 3.0
    w /= 2.0
    (w * w).sum().backward()
    np.testing.assert_allclose(to_numpy(x.grad), 2 * 1.5 * 1.5 * np.array([1.0, 2.0, 4.0]))


INPLACE = [("__iadd__", lambda a, b: a + b), ("__isub__", lambda a, b: a - b),
           ("__imul__", lambda a, b: a * b), ("__itruediv__", lambda a, b: a / b)]


@pytest.mark.parametrize("dunder,op", INPLACE, ids=[c[0] for c in INPLACE])
@pytest.mark.parametrize("operand", ["number", "tensor", "grad tensor", "itself"])
def test_inplace_writes_into_a_history(backend, device, dunder, op, operand):
    """w op= y on a w with a history (the C front's recorded case, and the Python
    write where the node saved w's old value) gives the gradients of w = w op y, bumps
    w's version once, and w takes the new node as its history."""
    rng = np.random.default_rng(1)
    values = rng.uniform(0.5, 2.0, (2, 8))

    def run(inplace):
        x = bridge.asarray(values[0], device=device).requires_grad_()
        z = bridge.asarray(values[1], device=device).requires_grad_()
        other = {"number": 1.5, "tensor": bridge.asarray(values[1], device=device),
                 "grad tensor": z * 1.0}.get(operand)
        w = x * 2.0
        if operand == "itself":
            other = w
        version = w._meta.version[0]
        if inplace:
            assert getattr(w, dunder)(other) is w
            assert w._meta.version[0] == version + 1
        else:
            w = op(w, other)
        assert w.requires_grad and w.grad_fn is not None
        (w * w).sum().backward()
        return to_numpy(w), to_numpy(x.grad), None if z.grad is None else to_numpy(z.grad)

    got, expected = run(True), run(False)
    for g, e in zip(got, expected):
        assert (g is None) == (e is None)
        if g is not None:
            np.testing.assert_allclose(g, e, rtol=1e-12)


def test_inplace_on_a_history_without_grad_and_on_a_leaf(backend, device):
    x = bridge.asarray([1.0, 2.0], device=device).requires_grad_()
    w = x * 1.0
    node = w.grad_fn
    with bridge.no_grad():
        w += 1.0  # grad mode off: a direct write, the history kept, the version bumped
    assert w.grad_fn is node and w._meta.version[0] == 1
    np.testing.assert_array_equal(to_numpy(w), [2.0, 3.0])
    with pytest.raises(RuntimeError, match="__imul__ writes in place into a leaf"):
        x *= 2.0
    with bridge.no_grad():
        x -= 0.5  # an optimiser step
    assert x.grad_fn is None and x.requires_grad
    np.testing.assert_array_equal(to_numpy(x), [0.5, 1.5])


def test_inplace_recording_in_threads(backend, device):
    """Eight threads write in place into their own histories, half of them in no_grad:
    the recorded ones get their gradients, the others record nothing."""
    results = {}

    def work(i):
        for _ in range(50):
            x = bridge.asarray([1.0, 2.0, 3.0], device=device).requires_grad_()
            with bridge.no_grad() if i % 2 else nullcontext():
                w = x * 1.0
                w *= 3.0
                w += x
            if i % 2:
                assert w.grad_fn is None
            else:
                w.sum().backward()
                results[i] = to_numpy(x.grad)

    run_threads(work)
    assert len(results) == 4
    for grad in results.values():
        np.testing.assert_array_equal(grad, [4.0, 4.0, 4.0])


SETITEM_KEYS = ["int", "slice", "tuple", "mask", "indices"]


@pytest.mark.parametrize("key_kind", SETITEM_KEYS)
@pytest.mark.parametrize("value_kind", ["number", "tensor", "grad tensor"])
def test_setitem_into_a_history_c_and_python(backend, device, key_kind, value_kind):
    """w[key] = value on a w with a history: the C __setitem__ and the Python setitem
    (bridge/_ops/indexing.py) record the same node, bump the version once and give the
    same gradients."""
    from bridge._ops.indexing import setitem

    def run(write):
        x = bridge.asarray(np.arange(1.0, 13.0).reshape(3, 4), device=device).requires_grad_()
        v = bridge.asarray([0.5, 1.5, 2.5, 3.5], device=device).requires_grad_()
        key = {"int": 1, "slice": slice(0, 2), "tuple": (Ellipsis, 2),
               "mask": bridge.asarray([True, False, True], device=device),
               "indices": bridge.asarray([2, 0], device=device)}[key_kind]
        value = {"number": 9.0, "tensor": bridge.asarray(4.0, device=device),
                 "grad tensor": v * 1.0}[value_kind]
        if key_kind == "tuple" and value_kind == "grad tensor":
            value = value[:3]
        w = x * 2.0
        version = w._meta.version[0]
        write(w, key, value)
        assert w._meta.version[0] == version + 1
        node = w.grad_fn
        assert node.name == "setitem" and node.saved_inputs == ()
        assert node.out_version == (w._meta.version, version + 1)
        (w * w).sum().backward()
        return to_numpy(w), to_numpy(x.grad), None if v.grad is None else to_numpy(v.grad)

    got = run(lambda w, k, v: w.__setitem__(k, v))
    expected = run(setitem)
    for g, e in zip(got, expected):
        assert (g is None) == (e is None)
        if g is not None:
            np.testing.assert_array_equal(g, e)


def test_index_tensors_with_a_version_record(backend, device):
    """A key that autograd gave a version counter (where() and take() save their
    integer and bool inputs) indexes as any key: x[mask] and x[idx] are recorded, and
    w[mask] = v too."""
    x = bridge.asarray([1.0, 2.0, 3.0, 4.0], device=device).requires_grad_()
    mask = bridge.asarray([True, False, True, False], device=device)
    idx = bridge.asarray([3, 0], device=device)
    bridge.where(mask, x, x * 2.0)
    bridge.take(x, idx)
    assert mask._meta is not None and idx._meta is not None
    picked, taken = x[mask], x[idx]
    assert picked.grad_fn.name == taken.grad_fn.name == "getitem"
    w = x * 1.0
    w[mask] = 0.0
    (picked.sum() * 2.0 + (taken * taken).sum() + (w * 3.0).sum()).backward()
    np.testing.assert_array_equal(to_numpy(x.grad), [2.0 + 2.0, 3.0, 2.0, 8.0 + 3.0])


def test_setitem_into_a_history_without_grad(backend, device):
    x = bridge.asarray([1.0, 2.0, 3.0], device=device).requires_grad_()
    w = x * 1.0
    node = w.grad_fn
    with bridge.no_grad():
        w[1] = 5.0
        w[bridge.asarray([True, False, False], device=device)] = 0.0
    assert w.grad_fn is node and w._meta.version[0] == 2
    np.testing.assert_array_equal(to_numpy(w), [0.0, 5.0, 3.0])
    with pytest.raises(RuntimeError, match="leaf"):
        x[0] = 1.0


def test_calls_without_a_graph_record_nothing_in_either_recorder(backend, device):
    """A comparison of tensors that require grad (no rule, a bool result), and any op
    on tensors whose records are version counters only, get no record from either
    recorder; an op without a rule whose result is differentiable is an error in both."""
    x = bridge.asarray([1.0, 2.0], device=device).requires_grad_()
    counted = bridge.asarray([1.0, 3.0], device=device)
    x * counted  # multiply saves counted: a version-only record
    assert counted._meta is not None and not counted._meta.requires_grad
    raws = (x._data, counted._data)
    kernels = _dispatch.kernels_of(raws[0])
    for recorder in (_graph.record, _graph.record_general):
        less = _dispatch.wrap(kernels["less"](*raws))
        recorder("less", (x, counted), (), {}, less)
        assert less._meta is None
        doubled = _dispatch.wrap(kernels["multiply"](raws[1], raws[1]))
        recorder("multiply", (counted, counted), (), {}, doubled)
        assert doubled._meta is None
        made_up = _dispatch.wrap(kernels["exp"](raws[0]))
        with pytest.raises(_graph.MissingRuleError, match="no derivative rule for 'no_such_op'"):
            recorder("no_such_op", (x,), (), {}, made_up)


def test_no_graph_for_integer_results_or_without_grad(backend, device):
    x = bridge.asarray([1.0, 2.0], device=device).requires_grad_()
    assert (x < 1.5).grad_fn is None and not (x < 1.5).requires_grad
    assert bridge.argmax(x)._meta is None or bridge.argmax(x).grad_fn is None
    with bridge.no_grad():
        assert (x + x).grad_fn is None and not (x + x).requires_grad
    assert (x + x).grad_fn is not None


def test_result_with_a_record_is_rebased(backend, device):
    """An output that already has a record (here from an earlier recorded call) gets the
    new node: requires_grad, grad_fn and output_nr set, its version counter kept."""
    x = bridge.asarray([1.0, 2.0], device=device).requires_grad_()
    raws = (x._data,)
    kernel = _dispatch.kernels_of(raws[0])["exp"]
    result = _dispatch.wrap(kernel(*raws))
    result._meta = _graph.Meta(False, None, 3, [5])
    version = result._meta.version
    _graph.record("exp", (x,), (), {}, result)
    assert result._meta.requires_grad is True and result._meta.output_nr == 0
    assert result._meta.grad_fn.name == "exp" and result._meta.version is version
    assert result.grad_fn.out_version == (version, 5)


def test_meta_type():
    m = _graph.Meta()
    assert (m.requires_grad, m.grad_fn, m.output_nr, m.version) == (False, None, 0, [0])
    assert m.grad is None and m.tangent is None and m.extra is None
    assert _graph.Meta().version is not m.version  # a new counter each
    m2 = _graph.Meta(True, None, output_nr=2, version=m.version)
    assert m2.requires_grad and m2.output_nr == 2 and m2.version is m.version
    assert weakref.ref(m)() is m
    with pytest.raises(TypeError):
        _graph.Meta(1, 2, 3, 4, 5)
    node = _graph._NEW(_graph.Node)
    assert node.saved_inputs == () and node.saved_out == () and node.saved_versions is None
    node.anything = 1  # a Node (a ctx of custom Functions) takes attributes of its own
    assert node.anything == 1


def test_recording_threads_keep_their_own_grad_mode(backend, device):
    """Many threads record while others are in no_grad: each sees its own switch (the
    C recorder reads the calling thread's switches on every call)."""
    def worker(i):
        x = bridge.asarray([1.0, 2.0, 3.0], device=device).requires_grad_()
        for _ in range(200):
            if i % 2:
                with bridge.no_grad():
                    assert (x * 2.0).grad_fn is None
            else:
                y = (x * 2.0).sum()
                assert y.grad_fn is not None
                y.backward()

    run_threads(worker)

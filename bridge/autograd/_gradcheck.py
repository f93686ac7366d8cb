"""Finite-difference checks of reverse mode (full Jacobian) and forward mode.

Conventions (PyTorch's): for an output y and a cotangent g, the scalar
L = Re(sum(conj(g) * y)) is differentiated; the gradient of a complex input z = x + iy
is dL/dx + i dL/dy. Central differences perturb the real part, and for complex inputs
the imaginary part, of each input element; the analytic side is one VJP per output
basis vector (e_k, and i e_k for complex outputs). Forward mode is checked column by
column against the same differences.
"""

from __future__ import annotations

import numpy as np

from ._functional import as_tuple, grad, jvp


class GradcheckError(RuntimeError):
    """The analytic and numerical derivatives disagree."""


def _host(t):
    return np.array(t.to_device("cpu"), copy=True)


def _outputs(func, inputs):
    out = func(*inputs)
    return as_tuple(out, "gradcheck", "the output of func")


def _numerical_columns(func, inputs, eps):
    """For each input direction (input i, element j, real/imag part): the central
    difference of every output, as NumPy arrays."""
    from .._registry import ops as bridge

    hosts = [_host(x) for x in inputs]
    columns = []  # (input index, flat element, is_imag, [d output arrays])
    for i, x in enumerate(inputs):
        if not x.requires_grad:
            continue
        parts = (False, True) if x.dtype.kind == "c" else (False,)
        for j in range(x.size):
            for imag in parts:
                step = eps * (1j if imag else 1)
                diffs = []
                for sign in (1, -1):
                    shifted = hosts[i].copy().reshape(-1)
                    shifted[j] += sign * step
                    args = list(inputs)
                    args[i] = bridge.asarray(shifted.reshape(x.shape), device=x.device)
                    args[i].requires_grad_(True)  # func may differentiate (gradgradcheck)
                    diffs.append([_host(o) for o in _outputs(func, args)])
                columns.append((i, j, imag, [(p - m) / (2 * eps) for p, m in zip(*diffs)]))
    return columns


def _fail(raise_exception, message):
    if raise_exception:
        raise GradcheckError(message)
    return False


def gradcheck(func, inputs, *, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True,
              check_forward_ad=False, check_backward_ad=True):
    """Compare the analytic Jacobian of ``func`` at ``inputs`` with finite differences.

    ``inputs`` is a Tensor or a tuple of Tensors; those with ``requires_grad`` are
    checked (use float64 or complex128: float32 differences are too coarse). Returns
    True, or raises :class:`GradcheckError` (False with ``raise_exception=False``)
    naming the input, output and element that disagree.
    """
    inputs = as_tuple(inputs, "gradcheck", "inputs")
    if not any(x.requires_grad for x in inputs):
        raise ValueError("gradcheck: no input requires grad; set requires_grad=True on "
                         "the inputs to check")
    for x in inputs:
        if x.requires_grad and x.dtype not in (np.float64, np.complex128):
            raise TypeError(f"gradcheck: inputs should be float64 or complex128, got {x.dtype}")
    from .._registry import ops as bridge

    columns = _numerical_columns(func, inputs, eps)
    checked = [i for i, x in enumerate(inputs) if x.requires_grad]
    if check_backward_ad:
        outs = _outputs(func, inputs)
        for oi, o in enumerate(outs):
            if o.dtype.kind not in "fc":
                continue
            parts = (False, True) if o.dtype.kind == "c" else (False,)
            for k in range(o.size):
                for oimag in parts:
                    if o.requires_grad:
                        e = np.zeros(o.size, dtype=o.dtype)
                        e[k] = 1j if oimag else 1
                        g = bridge.asarray(e.reshape(o.shape), device=o.device)
                        analytic = grad(o, [inputs[i] for i in checked], g, retain_graph=True,
                                        allow_unused=True)
                        analytic = {i: (None if a is None else _host(a).reshape(-1))
                                    for i, a in zip(checked, analytic)}
                    else:
                        analytic = {i: None for i in checked}
                    for i, j, imag, diffs in columns:
                        d = diffs[oi].reshape(-1)[k]
                        # dL/d(direction) for L = Re(conj(e_k) * y)
                        numeric = (np.conj(1j) * d).real if oimag else np.real(d)
                        a = analytic[i]
                        value = 0.0 if a is None else (a[j].imag if imag else a[j].real)
                        if not np.isclose(value, numeric, atol=atol, rtol=rtol):
                            return _fail(raise_exception, (
                                f"gradcheck: backward mismatch for output {oi} element {k}"
                                f"{' (imaginary part)' if oimag else ''} with respect to input "
                                f"{i} element {j}{' (imaginary part)' if imag else ''}: "
                                f"analytic {value!r}, numerical {numeric!r}"))
    if check_forward_ad:
        hosts_shape = [(x.shape, x.dtype, x.device) for x in inputs]
        for i, j, imag, diffs in columns:
            tangents = []
            for n, (shape, dtype, device) in enumerate(hosts_shape):
                t = np.zeros(int(np.prod(shape)), dtype=dtype)
                if n == i:
                    t[j] = 1j if imag else 1
                tangents.append(bridge.asarray(t.reshape(shape), device=device))
            primals = tuple(x.detach() for x in inputs)
            _, touts = jvp(func, primals, tuple(tangents))
            touts = as_tuple(touts, "gradcheck", "tangents")
            for oi, (t, d) in enumerate(zip(touts, diffs)):
                analytic = _host(t)
                if not np.allclose(analytic, d, atol=atol, rtol=rtol):
                    return _fail(raise_exception, (
                        f"gradcheck: forward-mode mismatch for output {oi} with respect to "
                        f"input {i} element {j}{' (imaginary part)' if imag else ''}: "
                        f"analytic {analytic.reshape(-1)[:6]}, numerical {d.reshape(-1)[:6]}"))
    return True


def gradgradcheck(func, inputs, grad_outputs=None, *, eps=1e-6, atol=1e-5, rtol=1e-3,
                  raise_exception=True, seed=0):
    """gradcheck of the VJP of ``func``: checks second derivatives. The cotangents
    default to random tensors (fixed ``seed``) and are checked as inputs too."""
    from .._registry import ops as bridge

    inputs = as_tuple(inputs, "gradgradcheck", "inputs")
    outs = _outputs(func, inputs)
    rng = np.random.default_rng(seed)
    if grad_outputs is None:
        cots = []
        for o in outs:
            v = rng.standard_normal(o.shape)
            if o.dtype.kind == "c":
                v = v + 1j * rng.standard_normal(o.shape)
            cots.append(bridge.asarray(v.astype(o.dtype), device=o.device))
        for c in cots:
            c.requires_grad_(True)
    else:
        cots = list(as_tuple(grad_outputs, "gradgradcheck", "grad_outputs"))
    n = len(inputs)
    checked = [i for i, x in enumerate(inputs) if x.requires_grad]

    def first_order(*args):
        xs, vs = args[:n], args[n:]
        ys = _outputs(func, xs)
        live = [(y, v) for y, v in zip(ys, vs) if y.requires_grad]
        gs = grad([y for y, _ in live], [xs[i] for i in checked], [v for _, v in live],
                  create_graph=True, materialize_grads=True)
        return gs

    return gradcheck(first_order, tuple(inputs) + tuple(cots), eps=eps, atol=atol, rtol=rtol,
                     raise_exception=raise_exception)


__all__ = ["gradcheck", "gradgradcheck", "GradcheckError"]

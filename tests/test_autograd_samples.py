"""The gradient test database: for every differentiable op of the registry, sample
calls on small inputs (an OpInfo-like table, declared once).

A sample is ``Sample(fn, shapes, domain, complex_ok, torch_fn)``: ``fn(xp, *tensors)``
calls the op through bridge (``xp`` is the bridge module), ``shapes`` gives the input
shapes, ``domain`` the real interval inputs are drawn from, ``complex_ok`` whether the
op takes complex inputs, ``torch_fn(torch, *tensors)`` the same call in PyTorch (None
where PyTorch has no equivalent).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

import bridge  # noqa: F401  (builds the registry)
from bridge._registry import REGISTRY
from bridge._spec import BINARY, UNARY

_UNARY_NAMES = {row[0] for row in UNARY}
_BINARY_NAMES = {row[0] for row in BINARY}


@dataclass
class Sample:
    fn: Callable
    shapes: tuple
    domain: tuple = (-2.0, 2.0)
    complex_ok: bool = True
    torch_fn: Callable | None = None
    order2: bool = True
    # a function (rng, shape, dtype) -> array for inputs needing structure (SPD, ...)
    make: Callable | None = None
    # indices of inputs that are not differentiated (integer indices etc.)
    constant: tuple = ()


S = {}


def add(name, *samples):
    S.setdefault(name, []).extend(samples)


def _unary(name, domain=(-2.0, 2.0), complex_ok=True, torch_name=None, order2=True):
    tname = torch_name or name
    add(name, Sample(lambda xp, x: getattr(xp, name)(x), ((2, 3),), domain, complex_ok,
                     None if torch_name == "" else lambda torch, x: getattr(torch, tname)(x),
                     order2))


# every differentiable elementwise function, from its registry row: the domain, whether
# complex inputs are drawn and PyTorch's name come from the row's Grad (bridge/_spec.py)
_ELEMENTWISE = [op for op in REGISTRY.values() if op.section == "elementwise" and op.grad is not None]
for _op in _ELEMENTWISE:
    if _op.name in _UNARY_NAMES:
        _unary(_op.name, _op.grad.domain, _op.grad.complex, _op.grad.torch)
S["imag"][0].torch_fn = lambda torch, x: torch.imag(x) if x.is_complex() else x * 0
S["real"][0].torch_fn = lambda torch, x: torch.real(x)
S["conj"][0].torch_fn = lambda torch, x: torch.conj(x).resolve_conj()


def _binary(name, domain=(-2.0, 2.0), complex_ok=True, torch_name=None, order2=True,
            shapes=((2, 3), (3,))):
    tname = torch_name or name
    none = torch_name == ""  # PyTorch has no such function (or no derivative of it)
    add(name,
        Sample(lambda xp, a, b: getattr(xp, name)(a, b), shapes, domain, complex_ok,
               None if none else lambda torch, a, b: getattr(torch, tname)(a, b), order2),
        Sample(lambda xp, a: getattr(xp, name)(a, 1.5), ((2, 2),), domain, complex_ok,
               None if none else lambda torch, a: getattr(torch, tname)(a, torch.full_like(a, 1.5)),
               order2),
        Sample(lambda xp, b: getattr(xp, name)(1.5, b), ((2, 2),), domain, complex_ok,
               None if none else lambda torch, b: getattr(torch, tname)(1.5 * torch.ones_like(b), b),
               order2))


for _op in _ELEMENTWISE:
    if _op.name in _BINARY_NAMES:
        _binary(_op.name, _op.grad.domain, _op.grad.complex, _op.grad.torch)
S["remainder"][0].torch_fn = lambda torch, a, b: torch.remainder(a, b)

add("clip",
    Sample(lambda xp, x: xp.clip(x, -0.5, 0.7), ((3, 4),), complex_ok=False,
           torch_fn=lambda torch, x: torch.clamp(x, -0.5, 0.7)),
    Sample(lambda xp, x, lo, hi: xp.clip(x, lo, hi), ((3, 4), (4,), (3, 4)), complex_ok=False,
           make=None),
    Sample(lambda xp, x, hi: xp.clip(x, max=hi), ((3, 4), (3, 4)), complex_ok=False))
add("where", Sample(lambda xp, a, b: xp.where(a > 0, a, b), ((3, 4), (4,)), complex_ok=False,
                    torch_fn=lambda torch, a, b: torch.where(a > 0, a, b)),
    Sample(lambda xp, a, b: xp.where(xp.real(a) > 0, a, b), ((3, 4), (3, 4))))

# ------------------------------------------------------------------ reductions
for _name, _torch in (("sum", "sum"), ("mean", "mean"), ("prod", "prod")):
    add(_name,
        Sample(lambda xp, x, n=_name: getattr(xp, n)(x), ((2, 3),),
               torch_fn=lambda torch, x, t=_torch: getattr(torch, t)(x)),
        Sample(lambda xp, x, n=_name: getattr(xp, n)(x, axis=1), ((2, 3),),
               torch_fn=lambda torch, x, t=_torch: getattr(torch, t)(x, dim=1)),
        Sample(lambda xp, x, n=_name: getattr(xp, n)(x, axis=(0, 2), keepdims=True),
               ((2, 3, 2),)))
add("prod", Sample(lambda xp, x: xp.prod(x * xp.asarray([[1.0, 0.0, 1.0]]), axis=1),
                   ((2, 3),), complex_ok=True))
for _name in ("var", "std"):
    add(_name,
        Sample(lambda xp, x, n=_name: getattr(xp, n)(x), ((2, 3),), complex_ok=False,
               torch_fn=lambda torch, x, n=_name: getattr(torch, n)(x, correction=0)),
        Sample(lambda xp, x, n=_name: getattr(xp, n)(x, axis=0, correction=1, keepdims=True),
               ((3, 2),), complex_ok=False,
               torch_fn=lambda torch, x, n=_name: getattr(torch, n)(x, dim=0, correction=1,
                                                                    keepdim=True)))
for _name in ("max", "min"):
    add(_name,
        Sample(lambda xp, x, n=_name: getattr(xp, n)(x), ((2, 3),), complex_ok=False,
               torch_fn=lambda torch, x, n=_name: getattr(torch, "a" + n)(x)),
        Sample(lambda xp, x, n=_name: getattr(xp, n)(x, axis=1, keepdims=True), ((2, 3),),
               complex_ok=False,
               torch_fn=lambda torch, x, n=_name: getattr(torch, "a" + n)(x, dim=1,
                                                                           keepdim=True)))
add("cumulative_sum",
    Sample(lambda xp, x: xp.cumulative_sum(x, axis=1), ((2, 3),),
           torch_fn=lambda torch, x: torch.cumsum(x, dim=1)),
    Sample(lambda xp, x: xp.cumulative_sum(x, axis=0, include_initial=True), ((3, 2),)))
add("cumulative_prod",
    Sample(lambda xp, x: xp.cumulative_prod(x, axis=1), ((2, 3),),
           torch_fn=lambda torch, x: torch.cumprod(x, dim=1)),
    Sample(lambda xp, x: xp.cumulative_prod(x * xp.asarray([1.0, 0.0, 1.0, 1.0]), axis=0,
                                            include_initial=True), ((4,),)))
add("diff",
    Sample(lambda xp, x: xp.diff(x, axis=1), ((2, 4),),
           torch_fn=lambda torch, x: torch.diff(x, dim=1)),
    Sample(lambda xp, x, p, a: xp.diff(x, axis=0, n=2, prepend=p, append=a),
           ((3, 2), (1, 2), (2, 2)),
           torch_fn=lambda torch, x, p, a: torch.diff(x, n=2, dim=0, prepend=p, append=a)))

# ------------------------------------------------------------------ linear algebra
add("matmul",
    Sample(lambda xp, a, b: a @ b, ((2, 3), (3, 4)), torch_fn=lambda torch, a, b: a @ b),
    Sample(lambda xp, a, b: xp.matmul(a, b), ((2, 2, 3), (3, 2)),
           torch_fn=lambda torch, a, b: a @ b),
    Sample(lambda xp, a, b: xp.matmul(a, b), ((3,), (2, 3, 2)),
           torch_fn=lambda torch, a, b: a @ b),
    Sample(lambda xp, a, b: xp.matmul(a, b), ((2, 3), (3,)), torch_fn=lambda torch, a, b: a @ b),
    Sample(lambda xp, a, b: xp.matmul(a, b), ((3,), (3,)), torch_fn=lambda torch, a, b: a @ b))
add("matrix_transpose", Sample(lambda xp, x: xp.matrix_transpose(x), ((2, 3, 4),),
                               torch_fn=lambda torch, x: x.mT))
add("tensordot",
    Sample(lambda xp, a, b: xp.tensordot(a, b, axes=1), ((2, 3), (3, 2)),
           torch_fn=lambda torch, a, b: torch.tensordot(a, b, dims=1)),
    Sample(lambda xp, a, b: xp.tensordot(a, b, axes=((2, 0), (0, 1))), ((2, 3, 4), (4, 2, 3)),
           torch_fn=lambda torch, a, b: torch.tensordot(a, b, dims=((2, 0), (0, 1)))))
add("vecdot",
    Sample(lambda xp, a, b: xp.vecdot(a, b), ((2, 3), (3,)),
           torch_fn=lambda torch, a, b: torch.linalg.vecdot(a, b)),
    Sample(lambda xp, a, b: xp.vecdot(a, b, axis=0), ((3, 2), (3, 2))))

# ------------------------------------------------------------------ manipulation
add("broadcast_to", Sample(lambda xp, x: xp.broadcast_to(x, (2, 3, 4)), ((3, 1),),
                           torch_fn=lambda torch, x: torch.broadcast_to(x, (2, 3, 4))))
add("broadcast_arrays", Sample(lambda xp, a, b: xp.broadcast_arrays(a, b), ((3, 1), (4,))))
add("concat",
    Sample(lambda xp, a, b: xp.concat([a, b], axis=1), ((2, 3), (2, 1)),
           torch_fn=lambda torch, a, b: torch.cat([a, b], dim=1)),
    Sample(lambda xp, a, b: xp.concat([a, b], axis=None), ((2, 3), (4,))))
add("stack", Sample(lambda xp, a, b: xp.stack([a, b], axis=1), ((2, 3), (2, 3)),
                    torch_fn=lambda torch, a, b: torch.stack([a, b], dim=1)))
add("unstack", Sample(lambda xp, x: xp.unstack(x, axis=1)[1], ((2, 3),)),
    Sample(lambda xp, x: xp.unstack(x, axis=0), ((2, 3),)))
add("expand_dims", Sample(lambda xp, x: xp.expand_dims(x, axis=1), ((2, 3),)))
add("squeeze", Sample(lambda xp, x: xp.squeeze(x, axis=1), ((2, 1, 3),)))
add("reshape", Sample(lambda xp, x: xp.reshape(x, (3, 2)), ((2, 3),),
                      torch_fn=lambda torch, x: torch.reshape(x, (3, 2))))
add("flip", Sample(lambda xp, x: xp.flip(x, axis=1), ((2, 3),),
                   torch_fn=lambda torch, x: torch.flip(x, dims=(1,))))
add("moveaxis", Sample(lambda xp, x: xp.moveaxis(x, 0, 2), ((2, 3, 4),),
                       torch_fn=lambda torch, x: torch.moveaxis(x, 0, 2)))
add("permute_dims", Sample(lambda xp, x: xp.permute_dims(x, (2, 0, 1)), ((2, 3, 4),),
                           torch_fn=lambda torch, x: torch.permute(x, (2, 0, 1))))
add("repeat",
    Sample(lambda xp, x: xp.repeat(x, 2, axis=1), ((2, 3),),
           torch_fn=lambda torch, x: torch.repeat_interleave(x, 2, dim=1)),
    Sample(lambda xp, x: xp.repeat(x, 3), ((2, 2),)),
    Sample(lambda xp, x: xp.repeat(x, xp.asarray([1, 0, 2]), axis=0), ((3, 2),),
           torch_fn=lambda torch, x: torch.repeat_interleave(x, torch.tensor([1, 0, 2]), dim=0)))
add("roll", Sample(lambda xp, x: xp.roll(x, 1, axis=1), ((2, 3),),
                   torch_fn=lambda torch, x: torch.roll(x, 1, dims=1)),
    Sample(lambda xp, x: xp.roll(x, (1, -1), axis=(0, 1)), ((2, 3),)),
    Sample(lambda xp, x: xp.roll(x, 2), ((2, 3),)))
add("tile", Sample(lambda xp, x: xp.tile(x, (2, 1, 3)), ((2, 3),),
                   torch_fn=lambda torch, x: torch.tile(x, (2, 1, 3))))
add("astype", Sample(lambda xp, x: xp.astype(x, xp.complex128), ((2, 3),), complex_ok=False),
    Sample(lambda xp, x: xp.astype(x, x.dtype, copy=True) * x, ((2, 3),)))
add("meshgrid", Sample(lambda xp, a, b: xp.meshgrid(a, b), ((3,), (2,))),
    Sample(lambda xp, a, b, c: xp.meshgrid(a, b, c, indexing="ij"), ((3,), (2,), (2,))))
add("tril", Sample(lambda xp, x: xp.tril(x, k=-1), ((3, 3),),
                   torch_fn=lambda torch, x: torch.tril(x, -1)))
add("triu", Sample(lambda xp, x: xp.triu(x, k=1), ((2, 3, 3),),
                   torch_fn=lambda torch, x: torch.triu(x, 1)))

# ------------------------------------------------------------------ indexing and sorting
add("getitem",
    Sample(lambda xp, x: x[1:, ::2], ((3, 4),), torch_fn=lambda torch, x: x[1:, ::2]),
    Sample(lambda xp, x: x[xp.asarray([0, 2, 0])], ((3, 2),),
           torch_fn=lambda torch, x: x[torch.tensor([0, 2, 0])]),
    Sample(lambda xp, x: x[x > 0], ((3, 2),), complex_ok=False),
    Sample(lambda xp, x: x[1, None, ..., 0], ((2, 3, 2),)))
add("take", Sample(lambda xp, x: xp.take(x, xp.asarray([2, 0, 2]), axis=1), ((2, 3),),
                   torch_fn=lambda torch, x: torch.index_select(x, 1, torch.tensor([2, 0, 2]))))
add("take_along_axis",
    Sample(lambda xp, x: xp.take_along_axis(x, xp.asarray([[0, 0], [1, 2]]), axis=1), ((2, 3),),
           torch_fn=lambda torch, x: torch.take_along_dim(x, torch.tensor([[0, 0], [1, 2]]),
                                                          dim=1)))
add("sort",
    Sample(lambda xp, x: xp.sort(x, axis=1), ((2, 4),), complex_ok=False,
           torch_fn=lambda torch, x: torch.sort(x, dim=1).values),
    Sample(lambda xp, x: xp.sort(x, axis=0, descending=True), ((3, 2),), complex_ok=False,
           torch_fn=lambda torch, x: torch.sort(x, dim=0, descending=True).values))


def _setitem(xp, x, v):
    y = x * 1.0
    y[1:, 0] = v
    return y


def _setitem_scalar(xp, x):
    y = x * 1.0
    y[0] = 2.0
    return y * x


add("setitem", Sample(_setitem, ((3, 2), (2,))), Sample(_setitem_scalar, ((2, 2),)))


def random_input(rng, shape, dtype, domain):
    lo, hi = domain
    data = rng.uniform(lo, hi, size=shape)
    if np.dtype(dtype).kind == "c":
        data = data + 1j * rng.uniform(lo, hi, size=shape) * 0.5
    return np.asarray(data, dtype=dtype)


# ------------------------------------------------------------------ linalg
def _mh(xp, x):
    return xp.conj(xp.matrix_transpose(x))


def _hermitian(xp, x):
    return x + _mh(xp, x)


def _positive_definite(xp, x):
    n = x.shape[-1]
    return x @ _mh(xp, x) + n * xp.eye(n, dtype=x.dtype)


def _well_conditioned(rng, shape, dtype):
    base = random_input(rng, shape, dtype, (-1.0, 1.0))
    n = shape[-1]
    square = len(shape) >= 2 and shape[-1] == shape[-2]
    return base + 3 * np.eye(n, dtype=dtype) if square else base


add("linalg.inv", Sample(lambda xp, x: xp.linalg.inv(x), ((3, 3),), make=_well_conditioned,
                         torch_fn=lambda torch, x: torch.linalg.inv(x)))
add("linalg.solve",
    Sample(lambda xp, a, b: xp.linalg.solve(a, b), ((3, 3), (3, 2)), make=_well_conditioned,
           torch_fn=lambda torch, a, b: torch.linalg.solve(a, b)),
    Sample(lambda xp, a, b: xp.linalg.solve(a, b), ((2, 3, 3), (3,)), make=_well_conditioned))
add("linalg.det", Sample(lambda xp, x: xp.linalg.det(x), ((2, 3, 3),), make=_well_conditioned,
                         torch_fn=lambda torch, x: torch.linalg.det(x)))
add("linalg.slogdet",
    Sample(lambda xp, x: tuple(xp.linalg.slogdet(x)), ((3, 3),), make=_well_conditioned,
           torch_fn=lambda torch, x: tuple(torch.linalg.slogdet(x))))
add("linalg.cholesky",
    Sample(lambda xp, x: xp.linalg.cholesky(_positive_definite(xp, x)), ((3, 3),)),
    Sample(lambda xp, x: xp.linalg.cholesky(_positive_definite(xp, x), upper=True), ((3, 3),)))
add("linalg.eigh",
    Sample(lambda xp, x: (lambda w, v: (w, xp.abs(v) ** 2))(*xp.linalg.eigh(_hermitian(xp, x))),
           ((3, 3),)))
add("linalg.eigvalsh", Sample(lambda xp, x: xp.linalg.eigvalsh(_hermitian(xp, x)), ((3, 3),),
                              torch_fn=lambda torch, x: torch.linalg.eigvalsh(x + x.mH)))
add("linalg.eig",
    Sample(lambda xp, x: (lambda w, v: (w, xp.abs(v) ** 2))(*xp.linalg.eig(x)), ((3, 3),),
           complex_ok=True, order2=False))
add("linalg.eigvals", Sample(lambda xp, x: xp.linalg.eigvals(x), ((3, 3),), order2=False))
add("linalg.qr",
    Sample(lambda xp, x: tuple(xp.linalg.qr(x)), ((4, 3),),
           torch_fn=lambda torch, x: tuple(torch.linalg.qr(x))),
    Sample(lambda xp, x: tuple(xp.linalg.qr(x)), ((3, 3),)))
add("linalg.svd",
    Sample(lambda xp, x: (lambda u, s, vh: (u @ vh, s))(*xp.linalg.svd(x, full_matrices=False)),
           ((4, 3),), order2=False),
    Sample(lambda xp, x: (lambda u, s, vh: (u @ vh, s))(*xp.linalg.svd(x)), ((3, 3),),
           order2=False),
    Sample(lambda xp, x: (lambda u, s, vh: (u @ vh, s))(*xp.linalg.svd(x, full_matrices=False)),
           ((2, 4),), order2=False))
add("linalg.svdvals", Sample(lambda xp, x: xp.linalg.svdvals(x), ((3, 2),),
                             torch_fn=lambda torch, x: torch.linalg.svdvals(x)))
add("linalg.pinv", Sample(lambda xp, x: xp.linalg.pinv(x), ((3, 2),),
                          torch_fn=lambda torch, x: torch.linalg.pinv(x)),
    Sample(lambda xp, x: xp.linalg.pinv(x), ((2, 3),)))
add("linalg.matrix_norm",
    *[Sample(lambda xp, x, o=o: xp.linalg.matrix_norm(x, ord=o), ((3, 2),),
             torch_fn=lambda torch, x, o=o: torch.linalg.matrix_norm(x, ord=o), order2=o == "fro")
      for o in ("fro", "nuc", 2, -2, 1, -1, float("inf"), float("-inf"))])
add("linalg.vector_norm",
    *[Sample(lambda xp, x, o=o: xp.linalg.vector_norm(x, ord=o), ((2, 3),),
             torch_fn=lambda torch, x, o=o: torch.linalg.vector_norm(x, ord=o))
      for o in (2, 1, float("inf"), float("-inf"), 3)],
    Sample(lambda xp, x: xp.linalg.vector_norm(x, axis=(0, 2), keepdims=True), ((2, 3, 2),)))
add("linalg.cross", Sample(lambda xp, a, b: xp.linalg.cross(a, b), ((2, 3), (3,)),
                           torch_fn=lambda torch, a, b: torch.linalg.cross(a, b.expand(2, 3))))
add("linalg.outer", Sample(lambda xp, a, b: xp.linalg.outer(a, b), ((3,), (2,)),
                           torch_fn=lambda torch, a, b: torch.outer(a, b)))
add("linalg.diagonal",
    Sample(lambda xp, x: xp.linalg.diagonal(x, offset=1), ((2, 3, 4),),
           torch_fn=lambda torch, x: torch.diagonal(x, offset=1, dim1=-2, dim2=-1)),
    Sample(lambda xp, x: xp.linalg.diagonal(x, offset=-1), ((3, 2),)))
add("linalg.trace", Sample(lambda xp, x: xp.linalg.trace(x, offset=-1), ((2, 3, 3),)))
add("linalg.matrix_power",
    *[Sample(lambda xp, x, n=n: xp.linalg.matrix_power(x, n), ((3, 3),), make=_well_conditioned,
             torch_fn=lambda torch, x, n=n: torch.linalg.matrix_power(x, n))
      for n in (3, -2, 0)])


# ------------------------------------------------------------------ fft
def _cx(xp, x):
    return x if x.dtype in (xp.complex64, xp.complex128) else xp.astype(x, xp.complex128)


def _tcx(torch, x):
    return x if x.is_complex() else x.to(torch.complex128)


add("fft.fft",
    Sample(lambda xp, x: xp.fft.fft(_cx(xp, x)), ((2, 4),),
           torch_fn=lambda torch, x: torch.fft.fft(_tcx(torch, x))),
    Sample(lambda xp, x: xp.fft.fft(_cx(xp, x), n=6, axis=0, norm="ortho"), ((4, 2),),
           torch_fn=lambda torch, x: torch.fft.fft(_tcx(torch, x), n=6, dim=0, norm="ortho")),
    Sample(lambda xp, x: xp.fft.fft(_cx(xp, x), n=3, norm="forward"), ((5,),)))
add("fft.ifft", Sample(lambda xp, x: xp.fft.ifft(_cx(xp, x), n=5), ((4,),),
                       torch_fn=lambda torch, x: torch.fft.ifft(_tcx(torch, x), n=5)))
add("fft.fftn", Sample(lambda xp, x: xp.fft.fftn(_cx(xp, x), s=(3, 4), axes=(0, 1)), ((2, 3),),
                       torch_fn=lambda torch, x: torch.fft.fftn(_tcx(torch, x), s=(3, 4))))
add("fft.ifftn", Sample(lambda xp, x: xp.fft.ifftn(_cx(xp, x), norm="ortho"), ((2, 3),)))
add("fft.rfft",
    Sample(lambda xp, x: xp.fft.rfft(x), ((2, 5),), complex_ok=False,
           torch_fn=lambda torch, x: torch.fft.rfft(x)),
    Sample(lambda xp, x: xp.fft.rfft(x, n=6, norm="ortho"), ((4,),), complex_ok=False))
add("fft.irfft",
    Sample(lambda xp, x: xp.fft.irfft(_cx(xp, x)), ((2, 4),),
           torch_fn=lambda torch, x: torch.fft.irfft(_tcx(torch, x))),
    Sample(lambda xp, x: xp.fft.irfft(_cx(xp, x), n=5, norm="forward"), ((3,),),
           torch_fn=lambda torch, x: torch.fft.irfft(_tcx(torch, x), n=5, norm="forward")),
    Sample(lambda xp, x: xp.fft.irfft(_cx(xp, x), n=3), ((4,),)))
add("fft.hfft", Sample(lambda xp, x: xp.fft.hfft(_cx(xp, x), n=6), ((4,),),
                       torch_fn=lambda torch, x: torch.fft.hfft(_tcx(torch, x), n=6)))
add("fft.ihfft", Sample(lambda xp, x: xp.fft.ihfft(x), ((5,),), complex_ok=False,
                        torch_fn=lambda torch, x: torch.fft.ihfft(x)))
add("fft.rfftn", Sample(lambda xp, x: xp.fft.rfftn(x), ((3, 4),), complex_ok=False,
                        torch_fn=lambda torch, x: torch.fft.rfftn(x)))
add("fft.irfftn", Sample(lambda xp, x: xp.fft.irfftn(_cx(xp, x), s=(3, 4), axes=(0, 1)),
                         ((3, 3),),
                         torch_fn=lambda torch, x: torch.fft.irfftn(_tcx(torch, x), s=(3, 4))))
add("fft.fftshift", Sample(lambda xp, x: xp.fft.fftshift(x), ((2, 3),),
                           torch_fn=lambda torch, x: torch.fft.fftshift(x)))
add("fft.ifftshift", Sample(lambda xp, x: xp.fft.ifftshift(x, axes=(1,)), ((2, 3),),
                            torch_fn=lambda torch, x: torch.fft.ifftshift(x, dim=(1,))))

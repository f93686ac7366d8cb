"""Data type functions (Array API standard, "Data Type Functions")."""

from __future__ import annotations

from .. import _dispatch
from .._device import parse_device
from .._dtypes import can_cast, finfo, iinfo, isdtype, normalize_dtype, result_type_of
from .._registry import DEFAULT, Fast, Kind, Op, tensor


def astype(x, dtype, /, *, copy=True, device=None):
    """``x`` converted to ``dtype`` (and moved to ``device``). With ``copy=False`` the
    input itself is returned when nothing needs to change."""
    func = "astype"
    x = _dispatch.as_tensor(x, func)
    dtype = normalize_dtype(dtype, func)
    if device is not None and parse_device(device, func) != x.device:
        x = x.to_device(device)
        copy = False  # the transfer already made a new buffer
    if not copy and x.dtype == dtype:
        return x
    return _dispatch.run("astype", (x,), dtype, True)


def result_type(*arrays_and_dtypes):
    """The dtype that promotion gives for the arguments (dtypes, Tensors, Python scalars)."""
    return result_type_of("result_type", *arrays_and_dtypes)


OPS = [
    # the C front takes the default copy=True on the tensor's own device: the kernel
    # call astype makes then
    Op("astype", "data_types", astype, "any", True,
       fast=Fast(dict(x=tensor(), dtype=Kind("dtype"), copy=DEFAULT, device=DEFAULT),
                 pos=("dtype", "copy")), batch="unary"),
    Op("can_cast", "data_types", can_cast, differentiable=False, kernels=(), batch="passthrough"),
    Op("finfo", "data_types", finfo, differentiable=False, kernels=(), batch="passthrough"),
    Op("iinfo", "data_types", iinfo, differentiable=False, kernels=(), batch="passthrough"),
    Op("isdtype", "data_types", isdtype, differentiable=False, kernels=(), batch="passthrough"),
    Op("result_type", "data_types", result_type, differentiable=False, kernels=(), batch="passthrough"),
]

"""Devices: ``x.device``, ``to_device``, the ``device=`` keyword of every creation
function, the inspection API's device queries, results on the device of their inputs,
and arrays of different devices refusing to mix.

What is a MUST here: every device of ``devices()`` "must be an object which can be
provided as a valid keyword-argument to array creation functions" and the array is
created on it; ``to_device`` returns "an array with the same data and data type ...
located on the specified device"; a ``_like`` function with ``device=None`` takes the
device of ``x`` ("must be inferred from x"); ``dtypes(device=)`` and
``default_dtypes(device=)`` answer for each device. The standard's device-support page
gives the rest "only [as] recommendations, rather than hard requirements": results on
the inputs' device, an exception when an operation mixes devices, and ``device=None``
meaning the default device consistently. Those are advisories.

Reproducers name device i as ``xp.__array_namespace_info__().devices()[i]``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ..core import ALL_DTYPES, Check, CheckSkipped, Context, advise, fail
from ..reproduce import line

AREA = "devices"
DEVICE = "xp.__array_namespace_info__().devices()[{}]"


def devices(ctx: Context) -> list[tuple[int, Any]]:
    """(position in devices(), device) for every device but ``None`` (a library may list
    None for "let the library choose")."""
    return [(i, d) for i, d in enumerate(ctx.xp.__array_namespace_info__().devices()) if d is not None]


def device_source(index: int) -> str:
    return DEVICE.format(index)


def float_dtype(ctx: Context, device: Any) -> str:
    """The default real floating dtype on ``device`` (a device may lack float64)."""
    return ctx.dtype_name(ctx.xp.__array_namespace_info__().default_dtypes(device=device)["real floating"])


def device_of(x: Any, code: str) -> Any:
    """``x.device``; an array without the attribute is a failure naming the call."""
    try:
        return x.device
    except AttributeError:
        fail(f"{type(x).__name__} arrays have no .device attribute (the standard's array object has one)",
             reproducer=line(f"({code}).device", "expected a device"))


def same_device(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except Exception:  # device objects that do not compare: fall back to their text
        return repr(a) == repr(b)


# Creation functions with a device= keyword: (name, arguments, arguments' source).
# ``{like}`` is the array of the _like functions (on the default device).
CREATION_CALLS: tuple[tuple[str, Callable[[Any], tuple], str], ...] = (
    ("arange", lambda like: (3,), "3"),
    ("asarray", lambda like: ([1.0, 2.0],), "[1.0, 2.0]"),
    ("empty", lambda like: ((2,),), "(2,)"),
    ("empty_like", lambda like: (like,), "{like}"),
    ("eye", lambda like: (2,), "2"),
    ("full", lambda like: ((2,), 1.5), "(2,), 1.5"),
    ("full_like", lambda like: (like, 1.5), "{like}, 1.5"),
    ("linspace", lambda like: (0.0, 1.0, 3), "0.0, 1.0, 3"),
    ("ones", lambda like: ((2,),), "(2,)"),
    ("ones_like", lambda like: (like,), "{like}"),
    ("zeros", lambda like: ((2,),), "(2,)"),
    ("zeros_like", lambda like: (like,), "{like}"),
)
LIKE_SOURCE = "xp.asarray([1.0, 2.0])"


def check_device_attribute(ctx: Context) -> None:
    """Every array has ``.device``; with ``device=None`` creation functions place arrays
    on ``default_device()`` (when it is not None) — a recommendation."""
    xp = ctx.xp
    info = xp.__array_namespace_info__()
    listed = info.devices()
    default = info.default_device()
    if not isinstance(listed, (list, tuple)) or not listed:
        fail(f"devices() returned {listed!r}; expected a non-empty tuple of devices",
             reproducer=line("xp.__array_namespace_info__().devices()", "expected a non-empty tuple"))
    if default is not None and not any(same_device(default, d) for d in listed):
        fail(f"default_device() {default!r} is not among devices() {listed!r}",
             reproducer=line("xp.__array_namespace_info__().default_device() in "
                             "xp.__array_namespace_info__().devices()", "expected True"))
    like = xp.asarray([1.0, 2.0])
    device_of(like, LIKE_SOURCE)
    if default is None:
        return
    for name, arguments, shown in CREATION_CALLS:
        function = getattr(xp, name, None)
        if function is None:
            continue
        x = function(*arguments(like))
        if not same_device(device_of(x, f"xp.{name}({shown.format(like=LIKE_SOURCE)})"), default):
            advise(f"{name}({shown.format(like='x')}) is on {x.device!r}, not default_device() {default!r}; the "
                   f"standard recommends device=None to mean the default device consistently",
                   reproducer=line(f"xp.{name}({shown.format(like=LIKE_SOURCE)}).device == "
                                   "xp.__array_namespace_info__().default_device()", "expected True"))


def check_device_keyword(ctx: Context) -> None:
    """Every creation function takes every device of devices() as device= and creates
    the array there; a _like function without device= uses the device of x."""
    xp = ctx.xp
    listed = devices(ctx)
    if not listed:
        raise CheckSkipped("devices() lists no device but None")
    for index, device in listed:
        like = xp.asarray([1.0, 2.0], dtype=getattr(xp, float_dtype(ctx, device)), device=device)
        like_source = f"xp.asarray([1.0, 2.0], device={device_source(index)})"
        for name, arguments, shown in CREATION_CALLS:
            function = getattr(xp, name, None)
            if function is None:
                continue
            # the _like functions copy x's dtype: give them one the target device offers
            source_like = xp.asarray([1.0, 2.0], dtype=getattr(xp, float_dtype(ctx, device)))
            code = f"xp.{name}({shown.format(like=f'xp.asarray([1.0, 2.0], dtype=xp.{float_dtype(ctx, device)})')}, " \
                   f"device={device_source(index)})"
            try:
                x = function(*arguments(source_like), device=device)
            except Exception as error:
                fail(f"{name}(..., device={device!r}) raised {type(error).__name__}: {error}; every device of "
                     f"devices() must be valid for device=",
                     reproducer=line(code, f"expected an array on device {index}, got {type(error).__name__}"))
            if not same_device(device_of(x, code), device):
                fail(f"{name}(..., device={device!r}) created an array on {x.device!r}",
                     reproducer=line(f"{code}.device == {device_source(index)}", "expected True"))
            if name.endswith("_like"):
                inherited = function(*arguments(like))
                if not same_device(device_of(inherited, f"xp.{name}({shown.format(like=like_source)})"), device):
                    fail(f"{name}(x) for x on {device!r} created an array on {inherited.device!r}; with device=None "
                         f"the device must be inferred from x",
                         reproducer=line(f"xp.{name}({shown.format(like=like_source)}).device == "
                                         f"{device_source(index)}", "expected True"))


def check_to_device(ctx: Context) -> None:
    """x.to_device(d) is on d with the same dtype, and back on the first device it has
    the same values."""
    xp = ctx.xp
    listed = devices(ctx)
    if not listed:
        raise CheckSkipped("devices() lists no device but None")
    home_index, home = listed[0]
    for index, device in listed:
        dtype = float_dtype(ctx, device)
        if not ctx.has(dtype):
            continue
        values = [1.5, -2.0, 0.25]
        x = xp.asarray(values, dtype=getattr(xp, dtype), device=home)
        start = f"xp.asarray({values}, dtype=xp.{dtype}, device={device_source(home_index)})"
        code = f"{start}.to_device({device_source(index)})"
        try:
            moved = x.to_device(device)
        except Exception as error:
            fail(f"x.to_device({device!r}) raised {type(error).__name__}: {error}",
                 reproducer=line(code, f"expected an array on device {index}, got {type(error).__name__}"))
        if not same_device(device_of(moved, code), device) or ctx.dtype_name(moved.dtype) != dtype:
            fail(f"x.to_device({device!r}) is on {moved.device!r} with dtype {ctx.dtype_name(moved.dtype)}; expected "
                 f"{device!r} and {dtype}", reproducer=line(f"{code}.device == {device_source(index)}", "expected True"))
        try:
            back = ctx.to_numpy(moved.to_device(home))
        except Exception as error:
            fail(f"x.to_device({device!r}).to_device({home!r}) raised {type(error).__name__}: {error}; to_device "
                 f"must keep the data", reproducer=line(f"{code}.to_device({device_source(home_index)})",
                                                        f"expected {values}, got {type(error).__name__}"))
        if back.tolist() != values:
            fail(f"x.to_device({device!r}).to_device({home!r}) holds {back.tolist()}, expected {values}",
                 reproducer=line(f"{code}.to_device({device_source(home_index)})", f"expected {values}, got "
                                                                                    f"{back.tolist()}"))


def check_info_per_device(ctx: Context) -> None:
    """dtypes(device=d) and default_dtypes(device=d) answer for every device, and each
    default dtype is among the device's dtypes."""
    info = ctx.xp.__array_namespace_info__()
    for index, device in devices(ctx) or [(None, None)]:
        where = "" if index is None else f"device={device_source(index)}"
        try:
            offered = info.dtypes(device=device)
            defaults = info.default_dtypes(device=device)
        except Exception as error:
            fail(f"dtypes/default_dtypes(device={device!r}) raised {type(error).__name__}: {error}",
                 reproducer=line(f"xp.__array_namespace_info__().dtypes({where})",
                                 f"expected a dict, got {type(error).__name__}"))
        if not isinstance(offered, dict) or not set(offered) <= set(ALL_DTYPES):
            fail(f"dtypes(device={device!r}) returned {offered!r}; expected a dict from dtype names to dtypes",
                 reproducer=line(f"xp.__array_namespace_info__().dtypes({where})", "expected a dict of dtype names"))
        for key in ("real floating", "complex floating", "integral", "indexing"):
            name = ctx.dtype_name(defaults.get(key)) if key in defaults else None
            if name is None or (name not in offered and name in ALL_DTYPES):
                fail(f"default_dtypes(device={device!r})[{key!r}] is {defaults.get(key)!r}, which dtypes(device=...) "
                     f"does not list", reproducer=line(f"xp.__array_namespace_info__().default_dtypes({where})"
                                                       f"[{key!r}]", f"expected one of {sorted(offered)}"))


# Operations whose result should stay on the device of the input (the standard's
# recommendation), as (name, function of (xp, x), source over {x}).
OPERATIONS: tuple[tuple[str, Callable[[Any, Any], Any], str], ...] = (
    ("x + x", lambda xp, x: x + x, "{x} + {x}"),
    ("multiply(x, 2.0)", lambda xp, x: xp.multiply(x, 2.0), "xp.multiply({x}, 2.0)"),
    ("sum", lambda xp, x: xp.sum(x), "xp.sum({x})"),
    ("cumulative_sum", lambda xp, x: xp.cumulative_sum(x), "xp.cumulative_sum({x})"),
    ("reshape", lambda xp, x: xp.reshape(x, (3, 1)), "xp.reshape({x}, (3, 1))"),
    ("concat", lambda xp, x: xp.concat([x, x]), "xp.concat([{x}, {x}])"),
    ("x[1:]", lambda xp, x: x[1:], "{x}[1:]"),
    ("sort", lambda xp, x: xp.sort(x), "xp.sort({x})"),
    ("argmax", lambda xp, x: xp.argmax(x), "xp.argmax({x})"),
    ("where", lambda xp, x: xp.where(x > 0, x, -x), "xp.where({x} > 0, {x}, -{x})"),
    ("matmul", lambda xp, x: xp.matmul(x, x), "xp.matmul({x}, {x})"),
    ("zeros_like", lambda xp, x: xp.zeros_like(x), "xp.zeros_like({x})"),
    ("astype", lambda xp, x: xp.astype(x, xp.int32), "xp.astype({x}, xp.int32)"),
    ("tril", lambda xp, x: xp.tril(xp.reshape(xp.concat([x, x, x]), (3, 3))),
     "xp.tril(xp.reshape(xp.concat([{x}, {x}, {x}]), (3, 3)))"),
    ("linalg.vector_norm", lambda xp, x: xp.linalg.vector_norm(x), "xp.linalg.vector_norm({x})"),
)


def check_results_on_input_device(ctx: Context) -> None:
    """Results are on the device of their inputs (a recommendation: an advisory)."""
    xp = ctx.xp
    listed = devices(ctx)
    if not listed:
        raise CheckSkipped("devices() lists no device but None")
    ran = 0
    for index, device in listed:
        dtype = float_dtype(ctx, device)
        x = xp.asarray([1.5, -2.0, 3.0], dtype=getattr(xp, dtype), device=device)
        source = f"xp.asarray([1.5, -2.0, 3.0], dtype=xp.{dtype}, device={device_source(index)})"
        for name, operation, template in OPERATIONS:
            try:
                result = operation(xp, x)
            except Exception:
                continue  # whether the operation works is the other areas' question
            ran += 1
            if not same_device(device_of(result, template.format(x=source)), device):
                advise(f"{name} of an array on {device!r} is on {result.device!r}; the standard recommends results "
                       f"on the inputs' device", reproducer=line(f"({template.format(x=source)}).device == "
                                                                 f"{device_source(index)}", "expected True"))
    if not ran:
        raise CheckSkipped("none of the operations ran on any device")


def check_mixing_devices_raises(ctx: Context) -> None:
    """An operation on arrays of two devices raises instead of moving data (a
    recommendation: an advisory); only where devices() lists more than one."""
    xp = ctx.xp
    listed = devices(ctx)
    if len(listed) < 2:
        raise CheckSkipped("devices() lists one device")
    (i, first), (j, second) = listed[0], listed[1]
    a = xp.asarray([1.0, 2.0], device=first)
    b = xp.asarray([3.0, 4.0], device=second)
    sources = (f"xp.asarray([1.0, 2.0], device={device_source(i)})", f"xp.asarray([3.0, 4.0], device={device_source(j)})")
    for name, operation, template in (
            ("a + b", lambda: a + b, "{0} + {1}"),
            ("matmul(a, b)", lambda: xp.matmul(a, b), "xp.matmul({0}, {1})"),
            ("concat([a, b])", lambda: xp.concat([a, b]), "xp.concat([{0}, {1}])"),
            ("where(a > 1, a, b)", lambda: xp.where(a > 1, a, b), "xp.where({0} > 1, {0}, {1})")):
        try:
            result = operation()
        except Exception:
            continue
        advise(f"{name} with a on {first!r} and b on {second!r} returned an array on {getattr(result, 'device', '?')!r}; the standard "
               f"recommends raising for arrays of different devices (no implicit transfer)",
               reproducer=line(template.format(*sources), "expected an exception"))


def check_values_on_each_device(ctx: Context) -> None:
    """The same computation gives the same values on every device that holds data."""
    xp = ctx.xp
    listed = devices(ctx)
    if not listed:
        raise CheckSkipped("devices() lists no device but None")
    if len(listed) < 2:
        raise CheckSkipped("devices() lists one device")
    home_index, home = listed[0]
    compared = 0
    for index, device in listed[1:]:
        dtype = float_dtype(ctx, device)
        values = np.array([1.5, -2.0, 3.0])
        x = xp.asarray(values.tolist(), dtype=getattr(xp, dtype), device=device)
        try:
            got = ctx.to_numpy(xp.cumulative_sum(x * x).to_device(home))
        except Exception:
            continue  # a device without data (a "meta" device) is the to_device check's finding
        compared += 1
        want = np.cumsum(values * values)
        if not np.allclose(got, want):
            fail(f"cumulative_sum(x * x) on {device!r} gave {got.tolist()}, expected {want.tolist()}",
                 reproducer=line(f"(lambda x: xp.cumulative_sum(x * x))(xp.asarray({values.tolist()}, dtype=xp.{dtype}, "
                                 f"device={device_source(index)})).to_device({device_source(home_index)})",
                                 f"expected {want.tolist()}, got {got.tolist()}"))
    if not compared:
        raise CheckSkipped("no result on another device could be brought back to the first (to_device fails)")


def checks(ctx: Context):
    yield Check(AREA, "x.device, devices(), default_device() and device=None", check_device_attribute)
    yield Check(AREA, "device= on every creation function, for every device", check_device_keyword)
    yield Check(AREA, "to_device to every device keeps dtype and data", check_to_device)
    yield Check(AREA, "dtypes(device=) and default_dtypes(device=) for every device", check_info_per_device)
    yield Check(AREA, "results stay on the device of their inputs", check_results_on_input_device)
    yield Check(AREA, "operations on arrays of different devices raise", check_mixing_devices_raises)
    yield Check(AREA, "the same values on every device", check_values_on_each_device)

"""Native replication kernels: roll, repeat, tile (C loops in src/replicate.c).

Each kernel has the signature and semantics of the numpy backend's kernel of the same
name (bridge/backends/_generic.py). The C entry point returns None where it declines
(an unusual dtype, negative repeats, a size that overflows, arguments NumPy rejects),
and the numpy kernel then runs on the same arguments, so its errors are the reference's.
"""

from __future__ import annotations

import math


def roll_offsets(shape, shift, axis):
    """The C kernel's offsets for np.roll(x, shift, axis): an int in [0, size) for
    axis None (x flattened), else one int per axis in [0, length); None where the
    arguments are not ints NumPy would accept as they are.

    As in np.roll, shift and axis broadcast against each other, shifts for a repeated
    axis add up, and Python ints never overflow (any shift reduces modulo the length).
    """
    if axis is None:
        if type(shift) is not int:
            return None
        return shift % (math.prod(shape) or 1)
    shifts = shift if isinstance(shift, tuple) else (shift,)
    axes = axis if isinstance(axis, tuple) else (axis,)
    if len(shifts) != len(axes):
        if len(shifts) == 1:
            shifts = shifts * len(axes)
        elif len(axes) == 1:
            axes = axes * len(shifts)
        else:
            return None  # NumPy raises: they do not broadcast
    ndim = len(shape)
    totals = [0] * ndim
    for s, a in zip(shifts, axes):
        if type(s) is not int or type(a) is not int or not -ndim <= a < ndim:
            return None
        totals[a] += s
    return tuple(total % (length or 1) for total, length in zip(totals, shape))


def replicate_kernels(native, numpy_kernels: dict) -> dict:
    """name -> kernel for roll, repeat and tile."""
    roll_c, tile_c, repeat_c = native.roll, native.tile, native.repeat
    roll_np, tile_np, repeat_np = (numpy_kernels[n] for n in ("roll", "tile", "repeat"))

    def roll(x, shift, axis):
        offsets = roll_offsets(x.shape, shift, axis)
        out = None if offsets is None else roll_c(x, offsets)
        return roll_np(x, shift, axis) if out is None else out

    def repeat(x, *repeats_array, repeats=None, axis=None):
        out = repeat_c(x, repeats_array[0] if repeats_array else repeats, axis)
        if out is None:
            return repeat_np(x, *repeats_array, repeats=repeats, axis=axis)
        return out

    def tile(x, repetitions):
        out = tile_c(x, repetitions)
        return tile_np(x, repetitions) if out is None else out

    return {"roll": roll, "repeat": repeat, "tile": tile}

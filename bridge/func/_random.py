"""Random numbers under ``vmap``: ``randomness`` says what a draw means per example."""

from __future__ import annotations

from .._registry import NOT_MINE
from .._registry import ops as B
from ..autograd._graph import MODE
from ._batching import Batched, VmapError


def under_vmap(fn, name, args, kwargs):
    """The hook of bridge.random's functions: NOT_MINE outside vmap (this thread)."""
    vmaps = [t for t in MODE.transforms if t[0] == "vmap"]
    if not vmaps:
        return NOT_MINE
    for *_, randomness in vmaps:
        if randomness == "error":
            raise VmapError(
                f"bridge.random.{name}: random numbers inside vmap(randomness='error'); pass "
                "randomness='different' (each example draws its own) or 'same' (one draw for "
                "the whole batch)"
            )
    # levels to draw per example: 'different' ones, and those of batched parameters
    batched_levels = {a.level for a in list(args) + list(kwargs.values())
                      if a.__class__ is Batched}
    levels = [(level, n) for _, level, n, randomness in vmaps
              if randomness == "different" or level in batched_levels]
    return _draw(fn, args, kwargs, levels)


def _draw(fn, args, kwargs, levels):
    if not levels:
        return fn(*args, **kwargs)
    level, n = levels[-1]

    def pick(a, b):
        return a.value[b] if a.__class__ is Batched and a.level == level else a

    draws = [_draw(fn, [pick(a, b) for a in args], {k: pick(v, b) for k, v in kwargs.items()},
                   levels[:-1]) for b in range(n)]
    return Batched(B.stack(draws, axis=0), level)

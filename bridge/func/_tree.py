"""Pytrees: nested tuples, lists and dicts (and namedtuples) of leaves."""

from __future__ import annotations


def _is_node(x):
    return x.__class__ in (tuple, list, dict) or (isinstance(x, tuple) and hasattr(x, "_fields"))


def flatten(tree):
    """(leaves, spec): the leaves in order, and what rebuilds the tree from them."""
    leaves = []
    spec = _flatten(tree, leaves)
    return leaves, spec


def _flatten(tree, leaves):
    if not _is_node(tree):
        leaves.append(tree)
        return None
    if tree.__class__ is dict:
        keys = list(tree)
        return (dict, keys, [_flatten(tree[k], leaves) for k in keys])
    return (tree.__class__, None, [_flatten(item, leaves) for item in tree])


def unflatten(spec, leaves):
    it = iter(leaves)
    out = _unflatten(spec, it)
    return out


def _unflatten(spec, it):
    if spec is None:
        return next(it)
    cls, keys, children = spec
    items = [_unflatten(c, it) for c in children]
    if cls is dict:
        return dict(zip(keys, items))
    if cls in (tuple, list):
        return cls(items)
    return cls(*items)  # a namedtuple


def count(spec):
    if spec is None:
        return 1
    return sum(count(c) for c in spec[2])


def broadcast_prefix(prefix, tree, func, what):
    """One value of ``prefix`` per leaf of ``tree``: a leaf of the prefix (an int or
    None) applies to the whole subtree under it (torch.func's in_dims/out_dims)."""
    out = []
    _broadcast(prefix, tree, out, func, what)
    return out


def _broadcast(prefix, tree, out, func, what):
    if not _is_node(prefix):
        leaves, _ = flatten(tree)
        out.extend([prefix] * len(leaves))
        return
    if not _is_node(tree) or (prefix.__class__ is dict) != (tree.__class__ is dict):
        raise ValueError(f"{func}: {what} {prefix!r} does not match the structure of the "
                         f"{'inputs' if what == 'in_dims' else 'outputs'} ({type(tree).__name__})")
    if prefix.__class__ is dict:
        if set(prefix) != set(tree):
            raise ValueError(f"{func}: {what} has keys {sorted(prefix)} but the value has "
                             f"keys {sorted(tree)}")
        for k in tree:
            _broadcast(prefix[k], tree[k], out, func, what)
        return
    if len(prefix) != len(tree):
        raise ValueError(f"{func}: {what} has {len(prefix)} entries but the value has "
                         f"{len(tree)}")
    for p, t in zip(prefix, tree):
        _broadcast(p, t, out, func, what)

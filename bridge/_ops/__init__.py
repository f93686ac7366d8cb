"""The public operations of bridge, one module per section of the standard.

Each module declares its operations in a list ``OPS`` of ``_registry.Op``;
``bridge/__init__.py`` builds the registry from :func:`rows` and exports them.
"""

from __future__ import annotations


def rows() -> list:
    """The rows of the standard's sections, in one fixed order (the NumPy-compatible
    names of ``numpy_compat`` are a front end's and come after them)."""
    from . import (
        creation,
        data_types,
        elementwise,
        fft,
        indexing,
        linalg,
        linear_algebra,
        manipulation,
        searching,
        sets,
        sorting,
        statistical,
        utility,
    )

    sections = (creation, data_types, elementwise, indexing, linear_algebra, manipulation,
                searching, sets, sorting, statistical, utility, linalg, fft)
    return [op for module in sections for op in module.OPS]

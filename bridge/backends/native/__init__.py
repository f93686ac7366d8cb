"""The native backend: bridge's own C kernels on the same memory as the numpy backend.

``load()`` builds the kernel table: the numpy backend's table, with every op that has
a C kernel replaced by it. The C kernels take and return ``numpy.ndarray`` exactly as
the numpy kernels do (same signatures, result dtypes, shapes and values), so switching
backends never copies. Inside a natively served op, a case the C code does not cover
(an unusual dtype pairing such as ``concat`` of mixed dtypes, unaligned memory, a Python int
outside the array's dtype) is handed to the numpy kernel on the same arguments;
``coverage()`` lists both the ops and those dtype cases.

The extension is compiled by the package build from ``src/*.c``
(``BRIDGE_BUILD_ONLY=native python setup.py build_ext --inplace`` for just this one).
"""

from __future__ import annotations

from functools import partial

from .. import Backend, load_backend

_BUILD_HINT = (
    "bridge's native backend is not built: compile it with "
    "`python setup.py build_ext --inplace` (or `pip install .`) from the repository root"
)


def _extension():
    try:
        from . import _native
    except ImportError as exc:
        raise ImportError(f"{_BUILD_HINT} ({exc})") from exc
    return _native


def native_kernels(numpy_kernels: dict) -> dict:
    """name -> C kernel, each bound to the numpy kernel it falls back to."""
    native = _extension()
    kernels = {}
    for opcode, name in enumerate(native.BINARY_OPS):
        kernels[name] = partial(native.binary, opcode, numpy_kernels[name])
    for opcode, name in enumerate(native.UNARY_OPS):
        kernels[name] = partial(native.unary, opcode, numpy_kernels[name])
    general_pow, square = kernels["pow"], kernels["square"]

    def pow_(x1, x2):
        # x ** 2 is x * x, as NumPy's power computes it (so the backends agree bit for
        # bit), at the cost of a multiply instead of a general power; an integer x and
        # the float 2.0 give float64, as the general power does
        if (x2.__class__ is int and x1.dtype.kind in "iufc"
                or x2.__class__ is float and x1.dtype.kind in "fc") and x2 == 2:
            return square(x1)
        return general_pow(x1, x2)

    kernels["pow"] = pow_
    from ._kernels import composite_kernels

    kernels.update(composite_kernels(native, numpy_kernels))
    from ._movement import movement_kernels

    kernels.update(movement_kernels(native, numpy_kernels))
    from ._sorting import sorting_kernels

    kernels.update(sorting_kernels(native, numpy_kernels))
    from ._replicate import replicate_kernels

    kernels.update(replicate_kernels(native, numpy_kernels))
    from ._indexing import indexing_kernels

    kernels.update(indexing_kernels(native, numpy_kernels))
    # numpy.linspace, numpy.broadcast_to and the 2-norm are Python functions in NumPy
    # (and reshape a Python kernel around the array's method); these C kernels compute
    # the same results (src/creation.c) and call the numpy kernel for every case they
    # do not serve
    for name in ("linspace", "broadcast_to", "reshape", "linalg.vector_norm"):
        kernels[name] = partial(getattr(native, name.rpartition(".")[2]), numpy_kernels[name])
    # matmul, tensordot and vecdot call the gemm of the BLAS NumPy itself loaded (no
    # second BLAS in the process); BRIDGE_NATIVE_BLAS=0 opts out. None when _blas is
    # not built or no gemm was found: these ops then stay numpy's.
    from ._blas_kernels import blas_kernels, load_blas

    blas = load_blas()
    if blas is not None:
        kernels.update(blas_kernels(blas, numpy_kernels))
    return kernels


def load() -> Backend:
    native = _extension()
    from ... import _threads

    _threads.attach_native(native)
    numpy_kernels = load_backend("numpy").kernels
    kernels = dict(numpy_kernels)
    own = native_kernels(numpy_kernels)
    kernels.update(own)
    fallbacks = tuple(sorted(name for name in kernels if name not in own))
    return Backend("native", "cpu", kernels, fallbacks=fallbacks)


def coverage(print_report: bool = True) -> dict:
    """Which ops run C kernels and which are served by the numpy backend.

    Returns ``{"native": [...], "fallbacks": [...], "native_dtypes": {op: [dtypes]}}``;
    ``native_dtypes`` says, for the elementwise ops, the input dtypes with a C loop;
    ``dtype_fallbacks`` lists, per elementwise op, the dtypes the standard allows for it
    that are still computed by the numpy kernel. Prints a summary unless ``print_report`` is false.
    """
    backend = load_backend("native", "coverage")
    native = _extension()
    fallbacks = sorted(backend.fallbacks)
    own = sorted(name for name in backend.kernels if name not in backend.fallbacks)
    dtypes = dict(native.BINARY_COVERAGE)
    dtypes.update(native.UNARY_COVERAGE)
    report = {"native": own, "fallbacks": fallbacks, "native_dtypes": dtypes,
              "dtype_fallbacks": _allowed_gaps(dtypes)}
    if print_report:
        print(f"native kernels ({len(own)}): {', '.join(own)}")
        print(f"numpy fallbacks ({len(fallbacks)}): {', '.join(fallbacks)}")
        print("elementwise dtypes the standard allows that numpy serves inside native ops:")
        for name, missing in _allowed_gaps(dtypes).items():
            print(f"  {name}: {', '.join(missing)}")
    return report


def _allowed_gaps(native_dtypes: dict) -> dict:
    """op -> dtypes allowed by the standard for it but without a C loop."""
    from ..._dtypes import CATEGORIES
    from ..._spec import BINARY, UNARY

    gaps = {}
    for name, category, *_ in UNARY + BINARY:
        if name not in native_dtypes:
            continue
        missing = [d.name for d in CATEGORIES[category] if d.name not in native_dtypes[name]]
        if missing:
            gaps[name] = missing
    return dict(sorted(gaps.items()))

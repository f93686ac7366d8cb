"""The standard's elementwise functions as data: name, the dtype category of their
inputs (the standard's wording), how they differentiate (a :class:`Grad`: the
derivative formula and the test domain), and the Tensor operators they back. A row
here and a kernel are all an elementwise function needs (docs/architecture.md).

Base layer: ``bridge/_ops/elementwise.py`` makes the registry rows from these tables,
and the native backend's coverage report reads the categories, without either
importing the other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Grad:
    """How an elementwise function differentiates, and where its tests draw inputs.

    formula  unary: ``f'(B, x, y)``; binary: ``(d/dx1, d/dx2)``, each ``(B, x1, x2, y)``
             (``B`` the library's namespace, ``y`` the result; either operand of a binary
             function may be a Python number). Holomorphic formulas: autograd makes the
             VJP ``g * conj(f')`` and the JVP ``f' * t`` from it (PyTorch's convention).
             None: the rule is written out in bridge/autograd/_rules.py.
    uses     what the formula reads, so what the graph keeps: "x" (the inputs), "y" (the
             result), "xy", or "" (nothing)
    reads_own  binary: whether each partial reads its own operand (d/dx1 reads x1, d/dx2
             reads x2); a call whose other operand is a Python number saves no input
             where it does not (``x * 2.0``: d/dx is 2.0)
    domain   the real interval the gradient tests draw inputs from
    complex  whether the gradient tests also draw complex inputs
    torch    PyTorch's name for the function, where it differs ("" for none)
    """

    formula: object = None
    uses: str = "x"
    reads_own: tuple = (True, True)
    domain: tuple = (-2.0, 2.0)
    complex: bool = True
    torch: str | None = None


LN2 = math.log(2.0)
LN10 = math.log(10.0)


def _g(formula=None, **kw):
    return Grad(formula, **kw)


# name, input category, Grad (None: not differentiable), operator dunders
UNARY = [
    ("abs", "numeric", _g(), ("__abs__",)),
    ("acos", "floating-point", _g(lambda B, x, y: -1 / B.sqrt(1 - x * x), domain=(-0.9, 0.9)), ()),
    ("acosh", "floating-point",
     _g(lambda B, x, y: 1 / (B.sqrt(x - 1) * B.sqrt(x + 1)), domain=(1.2, 3.0)), ()),
    ("asin", "floating-point", _g(lambda B, x, y: 1 / B.sqrt(1 - x * x), domain=(-0.9, 0.9)), ()),
    ("asinh", "floating-point", _g(lambda B, x, y: 1 / B.sqrt(x * x + 1)), ()),
    ("atan", "floating-point", _g(lambda B, x, y: 1 / (1 + x * x)), ()),
    ("atanh", "floating-point", _g(lambda B, x, y: 1 / (1 - x * x), domain=(-0.9, 0.9)), ()),
    ("bitwise_invert", "integer or boolean", None, ("__invert__",)),
    ("ceil", "real-valued", _g(complex=False), ()),
    ("conj", "numeric", _g(), ()),
    ("cos", "floating-point", _g(lambda B, x, y: -B.sin(x)), ()),
    ("cosh", "floating-point", _g(lambda B, x, y: B.sinh(x)), ()),
    ("exp", "floating-point", _g(lambda B, x, y: y, uses="y"), ()),
    ("exp2", "floating-point", _g(lambda B, x, y: y * LN2, uses="y"), ()),
    ("expm1", "floating-point", _g(lambda B, x, y: y + 1, uses="y"), ()),
    ("floor", "real-valued", _g(complex=False), ()),
    ("imag", "numeric", _g(), ()),
    ("isfinite", "numeric", None, ()),
    ("isinf", "numeric", None, ()),
    ("isnan", "numeric", None, ()),
    ("log", "floating-point", _g(lambda B, x, y: 1 / x, domain=(0.3, 3.0)), ()),
    ("log1p", "floating-point", _g(lambda B, x, y: 1 / (1 + x), domain=(-0.5, 2.0)), ()),
    ("log2", "floating-point", _g(lambda B, x, y: 1 / (x * LN2), domain=(0.3, 3.0)), ()),
    ("log10", "floating-point", _g(lambda B, x, y: 1 / (x * LN10), domain=(0.3, 3.0)), ()),
    ("logical_not", "bool", None, ()),
    ("negative", "numeric", _g(torch="neg"), ("__neg__",)),
    ("positive", "numeric", _g(), ("__pos__",)),
    ("real", "numeric", _g(), ()),
    ("reciprocal", "floating-point", _g(lambda B, x, y: -(y * y), uses="y", domain=(0.5, 2.0)), ()),
    ("round", "numeric", _g(complex=False), ()),
    ("sign", "numeric", _g(domain=(0.2, 2.0), torch="sgn"), ()),
    ("signbit", "real-valued floating-point", None, ()),
    ("sin", "floating-point", _g(lambda B, x, y: B.cos(x)), ()),
    ("sinh", "floating-point", _g(lambda B, x, y: B.cosh(x)), ()),
    # sqrt'(0) = inf, as in PyTorch and JAX: the derivative really is unbounded there
    ("sqrt", "floating-point", _g(lambda B, x, y: 0.5 / y, uses="y", domain=(0.3, 3.0)), ()),
    ("square", "numeric", _g(lambda B, x, y: 2 * x), ()),
    ("tan", "floating-point", _g(lambda B, x, y: 1 + y * y, uses="y", domain=(-1.0, 1.0)), ()),
    ("tanh", "floating-point", _g(lambda B, x, y: 1 - y * y, uses="y"), ()),
    ("trunc", "real-valued", _g(complex=False), ()),
]


def _hypot_partial(B, own, y):
    return B.where(y == 0, 0.0, own / B.where(y == 0, 1.0, y))


# name, input category, Grad (None: not differentiable), operator (forward, reflected,
# in-place)
BINARY = [
    ("add", "numeric", _g(), ("__add__", "__radd__", "__iadd__")),
    ("atan2", "real-valued floating-point",
     _g((lambda B, a, b, y: b / (a * a + b * b), lambda B, a, b, y: -a / (a * a + b * b)),
        complex=False), ()),
    ("bitwise_and", "integer or boolean", None, ("__and__", "__rand__", "__iand__")),
    ("bitwise_left_shift", "integer", None, ("__lshift__", "__rlshift__", "__ilshift__")),
    ("bitwise_or", "integer or boolean", None, ("__or__", "__ror__", "__ior__")),
    ("bitwise_right_shift", "integer", None, ("__rshift__", "__rrshift__", "__irshift__")),
    ("bitwise_xor", "integer or boolean", None, ("__xor__", "__rxor__", "__ixor__")),
    ("copysign", "real-valued floating-point", _g(domain=(0.3, 2.0), complex=False), ()),
    ("divide", "numeric",
     _g((lambda B, a, b, y: 1 / b, lambda B, a, b, y: -a / (b * b)), reads_own=(False, True),
        domain=(0.5, 2.0), torch="div"), ("__truediv__", "__rtruediv__", "__itruediv__")),
    ("equal", "any", None, ("__eq__",)),
    ("floor_divide", "real-valued",
     _g((lambda B, a, b, y: 0.0, lambda B, a, b, y: 0.0), uses="", domain=(0.5, 2.0),
        complex=False, torch=""), ("__floordiv__", "__rfloordiv__", "__ifloordiv__")),
    ("greater", "real-valued", None, ("__gt__",)),
    ("greater_equal", "real-valued", None, ("__ge__",)),
    ("hypot", "real-valued floating-point",
     _g((lambda B, a, b, y: _hypot_partial(B, a, y), lambda B, a, b, y: _hypot_partial(B, b, y)),
        uses="xy", complex=False), ()),
    ("less", "real-valued", None, ("__lt__",)),
    ("less_equal", "real-valued", None, ("__le__",)),
    ("logaddexp", "real-valued floating-point",
     _g((lambda B, a, b, y: B.exp(a - y), lambda B, a, b, y: B.exp(b - y)), uses="xy",
        complex=False), ()),
    ("logical_and", "bool", None, ()),
    ("logical_or", "bool", None, ()),
    ("logical_xor", "bool", None, ()),
    ("maximum", "real-valued", _g(complex=False), ()),
    ("minimum", "real-valued", _g(complex=False), ()),
    ("multiply", "numeric", _g((lambda B, a, b, y: b, lambda B, a, b, y: a),
                               reads_own=(False, False), torch="mul"),
     ("__mul__", "__rmul__", "__imul__")),
    ("nextafter", "real-valued floating-point", None, ()),
    ("not_equal", "any", None, ("__ne__",)),
    ("pow", "numeric", _g(domain=(0.5, 2.0)), ("__pow__", "__rpow__", "__ipow__")),
    ("remainder", "real-valued",
     _g((lambda B, a, b, y: 1.0, lambda B, a, b, y: -B.floor_divide(a, b)), domain=(0.5, 2.0),
        complex=False), ("__mod__", "__rmod__", "__imod__")),
    ("subtract", "numeric", _g(torch="sub"), ("__sub__", "__rsub__", "__isub__")),
]


# NumPy's positional order: the parameters that NumPy's function of the same name takes
# positionally after the standard's positional ones, in NumPy's order, under bridge's
# names (NumPy's ``ddof`` is the standard's ``correction``). A client library written for
# NumPy calls ``diff(x, 2)`` or ``sum(x, 0)``; the standard makes these keyword-only and
# allows an implementation to accept more. ``out`` is NumPy's output argument: the
# result is written into that tensor, which is returned. A NumPy parameter that bridge's
# function lacks ends the list (``mean(x, 0, float32)`` is refused, not ignored).
# docs/numpy.md lists this table (tests/test_numpy_compat.py keeps the two equal).
NUMPY_POSITIONAL: dict[str, tuple[str, ...]] = {
    "diff": ("n", "axis", "prepend", "append"),
    "sum": ("axis", "dtype", "out", "keepdims"),
    "prod": ("axis", "dtype", "out", "keepdims"),
    "mean": ("axis",),
    "std": ("axis",),
    "var": ("axis",),
    "max": ("axis", "out", "keepdims"),
    "min": ("axis", "out", "keepdims"),
    "argmax": ("axis", "out"),
    "argmin": ("axis", "out"),
    "all": ("axis", "out", "keepdims"),
    "any": ("axis", "out", "keepdims"),
    "count_nonzero": ("axis",),
    "concat": ("axis", "out"),
    "stack": ("axis", "out"),
    "flip": ("axis",),
    "roll": ("axis",),
    "sort": ("axis",),
    "argsort": ("axis",),
    "take": ("axis", "out"),
    "clip": ("out",),
    "cumsum": ("out",),
    "cumprod": ("out",),
    "nancumsum": ("out",),
    "nancumprod": ("out",),
    "take_along_axis": ("axis",),
    "searchsorted": ("side", "sorter"),
    "repeat": ("axis",),
    "tensordot": ("axes",),
    "linspace": ("endpoint",),
    "arange": ("dtype",),
    "eye": ("k", "dtype"),
    "zeros": ("dtype",),
    "ones": ("dtype",),
    "empty": ("dtype",),
    "full": ("dtype",),
    "zeros_like": ("dtype",),
    "ones_like": ("dtype",),
    "empty_like": ("dtype",),
    "full_like": ("dtype",),
    "tril": ("k",),
    "triu": ("k",),
    "asarray": ("dtype",),
    "linalg.svd": ("full_matrices",),
    "linalg.qr": ("mode",),
    **{f"fft.{name}": ("n", "axis", "norm", "out")
       for name in ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft")},
    **{f"fft.{name}": ("s", "axes", "norm", "out") for name in ("fftn", "ifftn", "rfftn", "irfftn")},
    "fft.fftfreq": ("d", "device"),
    "fft.rfftfreq": ("d", "device"),
    "fft.fftshift": ("axes",),
    "fft.ifftshift": ("axes",),
}

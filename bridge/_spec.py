"""The standard's elementwise functions as data: name, the dtype category of their
inputs (the standard's wording), whether they are differentiable, and the Tensor
operators they back.

Base layer: ``bridge/_ops/elementwise.py`` makes the registry rows from these tables,
and the native backend's coverage report reads the categories, without either
importing the other.
"""

from __future__ import annotations

# name, input category, differentiable, operator dunders
UNARY = [
    ("abs", "numeric", True, ("__abs__",)),
    ("acos", "floating-point", True, ()),
    ("acosh", "floating-point", True, ()),
    ("asin", "floating-point", True, ()),
    ("asinh", "floating-point", True, ()),
    ("atan", "floating-point", True, ()),
    ("atanh", "floating-point", True, ()),
    ("bitwise_invert", "integer or boolean", False, ("__invert__",)),
    ("ceil", "real-valued", True, ()),
    ("conj", "numeric", True, ()),
    ("cos", "floating-point", True, ()),
    ("cosh", "floating-point", True, ()),
    ("exp", "floating-point", True, ()),
    ("expm1", "floating-point", True, ()),
    ("floor", "real-valued", True, ()),
    ("imag", "numeric", True, ()),
    ("isfinite", "numeric", False, ()),
    ("isinf", "numeric", False, ()),
    ("isnan", "numeric", False, ()),
    ("log", "floating-point", True, ()),
    ("log1p", "floating-point", True, ()),
    ("log2", "floating-point", True, ()),
    ("log10", "floating-point", True, ()),
    ("logical_not", "bool", False, ()),
    ("negative", "numeric", True, ("__neg__",)),
    ("positive", "numeric", True, ("__pos__",)),
    ("real", "numeric", True, ()),
    ("reciprocal", "floating-point", True, ()),
    ("round", "numeric", True, ()),
    ("sign", "numeric", True, ()),
    ("signbit", "real-valued floating-point", False, ()),
    ("sin", "floating-point", True, ()),
    ("sinh", "floating-point", True, ()),
    ("sqrt", "floating-point", True, ()),
    ("square", "numeric", True, ()),
    ("tan", "floating-point", True, ()),
    ("tanh", "floating-point", True, ()),
    ("trunc", "real-valued", True, ()),
]

# name, input category, differentiable, operator (forward, reflected, in-place)
BINARY = [
    ("add", "numeric", True, ("__add__", "__radd__", "__iadd__")),
    ("atan2", "real-valued floating-point", True, ()),
    ("bitwise_and", "integer or boolean", False, ("__and__", "__rand__", "__iand__")),
    ("bitwise_left_shift", "integer", False, ("__lshift__", "__rlshift__", "__ilshift__")),
    ("bitwise_or", "integer or boolean", False, ("__or__", "__ror__", "__ior__")),
    ("bitwise_right_shift", "integer", False, ("__rshift__", "__rrshift__", "__irshift__")),
    ("bitwise_xor", "integer or boolean", False, ("__xor__", "__rxor__", "__ixor__")),
    ("copysign", "real-valued floating-point", True, ()),
    ("divide", "numeric", True, ("__truediv__", "__rtruediv__", "__itruediv__")),
    ("equal", "any", False, ("__eq__",)),
    ("floor_divide", "real-valued", True, ("__floordiv__", "__rfloordiv__", "__ifloordiv__")),
    ("greater", "real-valued", False, ("__gt__",)),
    ("greater_equal", "real-valued", False, ("__ge__",)),
    ("hypot", "real-valued floating-point", True, ()),
    ("less", "real-valued", False, ("__lt__",)),
    ("less_equal", "real-valued", False, ("__le__",)),
    ("logaddexp", "real-valued floating-point", True, ()),
    ("logical_and", "bool", False, ()),
    ("logical_or", "bool", False, ()),
    ("logical_xor", "bool", False, ()),
    ("maximum", "real-valued", True, ()),
    ("minimum", "real-valued", True, ()),
    ("multiply", "numeric", True, ("__mul__", "__rmul__", "__imul__")),
    ("nextafter", "real-valued floating-point", False, ()),
    ("not_equal", "any", False, ("__ne__",)),
    ("pow", "numeric", True, ("__pow__", "__rpow__", "__ipow__")),
    ("remainder", "real-valued", True, ("__mod__", "__rmod__", "__imod__")),
    ("subtract", "numeric", True, ("__sub__", "__rsub__", "__isub__")),
]

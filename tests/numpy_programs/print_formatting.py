"""Formatting arrays as text: printoptions, array2string, array_repr, float formats."""
import numpy as np


def main():
    a = np.array([1.0, 2.5, 3.14159265, 1e-5, 12345.678])
    m = np.arange(12).reshape(3, 4)
    out = []
    out.append(np.array2string(a))
    out.append(np.array2string(a, precision=2))
    out.append(np.array2string(a, precision=3, suppress_small=True))
    out.append(np.array2string(m, separator=", "))
    out.append(np.array2string(a, formatter={"float_kind": lambda x: f"{x:.1f}"}))
    out.append(np.array2string(m, formatter={"int": lambda x: f"{x:03d}"}))
    out.append(np.array_repr(m))
    out.append(np.array_str(a, precision=1))
    # repr of an array: np.array_repr (bridge's repr is Tensor(...), docs/numpy.md)
    out.append(np.array_repr(np.array([True, False])))
    out.append(str(np.array([1.5, np.nan, np.inf])))
    with np.printoptions(precision=2, suppress=True):
        out.append(str(a))
        out.append(np.array_repr(np.array([0.000123, 1.0])))
    old = np.get_printoptions()
    np.set_printoptions(precision=4, floatmode="fixed")
    out.append(str(np.array([1.0, 2.0, 1 / 3])))
    np.set_printoptions(**old)
    with np.printoptions(threshold=5, edgeitems=2):
        out.append(str(np.arange(100)))
    with np.printoptions(linewidth=30):
        out.append(str(np.arange(20)))
    out.append(np.format_float_positional(np.float64(3.14159), precision=3))
    out.append(np.format_float_scientific(np.float64(12345.6789), precision=2))
    out.append(np.format_float_positional(0.1 + 0.2))
    out.append(repr(np.float64(2.5)))
    out.append(str(np.int32(7)))
    out.append(np.array_repr(np.array([1, 2], dtype=np.int8)))
    out.append(np.array_repr(np.zeros((2, 0))))
    out.append(np.array2string(np.array([[1.5, 2.25], [3.0, 4.125]]), max_line_width=10))
    out.append(repr(np.array(["a", "bc"])))
    out.append(str(np.array([1 + 2j, 3 - 1j])))
    return {"lines": np.array(out)}

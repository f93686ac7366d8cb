"""Formatting arrays for a text report: str and repr of int, float, bool and
complex arrays, np.array2string with precision, separator, prefix,
suppress_small and formatter dictionaries, np.printoptions as a context
manager, thresholds with summarisation, and NumPy scalar reprs."""
import numpy as np


def main():
    a = np.array([1.0, 2.5, 3.14159265, 1e-5])
    b = np.arange(6, dtype=np.int16).reshape(2, 3)
    out = {}
    out["str_float"] = str(a)
    out["repr_float"] = np.array_repr(a)
    out["repr_int16"] = np.array_repr(b)
    out["str_bool"] = str(np.array([True, False]))
    out["repr_complex"] = np.array_repr(np.array([1 + 2j, -0.5j]))
    out["a2s_prec"] = np.array2string(a, precision=2)
    out["a2s_suppress"] = np.array2string(a, precision=3, suppress_small=True)
    out["a2s_sep"] = np.array2string(b, separator=", ")
    out["a2s_prefix"] = np.array2string(b, prefix="data = ")
    out["a2s_formatter"] = np.array2string(a, formatter={"float_kind": lambda v: f"{v:.1e}"})
    out["a2s_int_fmt"] = np.array2string(b, formatter={"int": lambda v: f"<{v}>"})
    with np.printoptions(precision=3, suppress=True):
        out["ctx"] = str(a)
        out["ctx_repr"] = np.array_repr(np.array([0.000123, 12345.678]))
    with np.printoptions(threshold=10, edgeitems=2):
        out["summary"] = str(np.arange(100))
        out["summary2d"] = np.array_repr(np.arange(100).reshape(10, 10))
    out["after_ctx"] = str(a)
    out["scalar_repr"] = repr(np.float64(1.5))
    out["scalar_str"] = str(np.float32(0.1))
    out["int_scalar_repr"] = repr(np.int64(7))
    out["bool_scalar"] = repr(np.bool_(True))
    out["sum_str"] = str(b.sum())
    out["mean_str"] = str(np.array([1, 2, 4]).mean())
    out["float32_repr"] = np.array_repr(np.array([0.1, 0.2], dtype=np.float32))
    out["empty"] = np.array_repr(np.array([], dtype=float))
    out["nan_inf"] = str(np.array([np.nan, np.inf, -np.inf, 0.0]))
    out["big_small"] = str(np.array([1e10, 1.0]))
    out["fmt_list"] = [f"{x:6.2f}" for x in a]
    out["opts_precision"] = np.get_printoptions()["precision"]
    return out


if __name__ == "__main__":
    print(main())

"""Formatting arrays for reports: array2string with custom separators and
formatters, np.format_float_positional, printoptions, tolist round trips and
f-strings of numpy scalars."""
import numpy as np


def main():
    m = np.array([[1.23456, -20.5], [3.0, 1e-5]])
    v = np.arange(1, 6) / 7
    out = {}
    out["plain"] = str(m)
    out["repr"] = repr(np.arange(3).tolist())
    out["sep"] = np.array2string(v, separator="; ", precision=3)
    out["wide"] = np.array2string(np.arange(30), max_line_width=40)
    out["fmt"] = np.array2string(m, formatter={"float": lambda x: f"{x:8.2f}"})
    out["pos"] = np.format_float_positional(np.float64(3.14159), precision=3)
    out["sci"] = np.format_float_scientific(np.float64(12345.678), precision=2)
    with np.printoptions(precision=2, suppress=True):
        out["ctx"] = str(m)
    with np.printoptions(floatmode="fixed", precision=4):
        out["fixed"] = str(v)
    out["sign"] = np.array2string(np.array([1.0, -1.0]), sign="+")
    out["ints"] = str(np.array([[1, 22, 333], [4444, 5, 66]]))
    out["bools"] = str(np.array([[True, False], [False, True]]))
    out["scalar_fmt"] = f"{np.float32(2.5):.3f} {np.int64(7):04d} {v.sum():.4e}"
    out["item"] = f"{m[0, 0].item():.2f}"
    out["list"] = str(m.round(2).tolist())
    out["join"] = ", ".join(f"{x:.1f}" for x in v)
    out["str3d"] = str(np.arange(8).reshape(2, 2, 2))
    out["f32"] = str(np.array([0.1, 0.2], dtype=np.float32))
    return out


if __name__ == "__main__":
    print(main())

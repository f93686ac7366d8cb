"""Formatted reports: np.array2string, np.format_float_positional and friends."""
import numpy as np


def table(names, values):
    width = max(len(n) for n in names)
    rows = []
    for name, v in zip(names, values):
        rows.append(f"{name:<{width}} | " + np.format_float_positional(v, precision=3, unique=False))
    return "\n".join(rows)


def main():
    v = np.array([3.14159265, -0.000123, 12345.6789, 1e-9, 2.5])
    names = ["pi", "tiny", "big", "eps", "half"]
    m = np.arange(12, dtype=np.float64).reshape(3, 4) / 7
    ints = np.array([1, 22, 333, 4444])
    rep = {
        "default": np.array2string(v),
        "precision": np.array2string(v, precision=2, suppress_small=True),
        "separator": np.array2string(ints, separator=", "),
        "matrix": np.array2string(m, precision=3, separator=" "),
        "max_width": np.array2string(np.arange(30), max_line_width=40),
        "threshold": np.array2string(np.arange(100), threshold=10, edgeitems=2),
        "formatter": np.array2string(ints, formatter={"int": lambda x: f"<{x:05d}>"}),
        "positional": np.array([np.format_float_positional(x, precision=4) for x in v]),
        "trimmed": np.format_float_positional(2.50, trim="-"),
        "scientific": np.array([np.format_float_scientific(x, precision=2) for x in v]),
        "sci_exp": np.format_float_scientific(12345.0, exp_digits=3),
        "table": table(names, v),
        "sign": np.format_float_positional(1.5, sign=True),
        "pad": np.format_float_positional(3.1, pad_left=4, pad_right=3),
        "bools": np.array2string(v > 1),
        "str": np.array_str(m[0], precision=2),
        "base": np.base_repr(255, 16),
    }
    return rep

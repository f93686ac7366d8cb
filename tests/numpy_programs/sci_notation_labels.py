import numpy as np


def label(value, digits=3):
    if value == 0 or 1e-3 <= abs(value) < 1e4:
        return np.format_float_positional(value, precision=digits, trim="-")
    return np.format_float_scientific(value, precision=digits, trim="-", exp_digits=2)


def main():
    values = np.array([0.0, 1.5e-7, 0.000123, 0.5, 3.14159265, 42.0, 12345.678, 6.02214076e23, -2.5e-12])
    out = {}
    out["labels"] = np.array([label(v) for v in values])
    out["sci_default"] = np.array([np.format_float_scientific(v) for v in values])
    out["sci_p2"] = np.array([np.format_float_scientific(v, precision=2) for v in values])
    out["sci_unique_false"] = np.format_float_scientific(np.float64(1 / 3), precision=5, unique=False)
    out["sci_sign"] = np.format_float_scientific(2.5, sign=True)
    out["sci_pad"] = np.format_float_scientific(123.456, precision=2, pad_left=4, exp_digits=3)
    out["sci_trim_k"] = np.format_float_scientific(100.0, trim="k")
    out["sci_trim_0"] = np.format_float_scientific(100.0, trim="0")
    out["sci_f32"] = np.format_float_scientific(np.float32(0.1))
    out["pos_default"] = np.array([np.format_float_positional(v) for v in values[:7]])
    out["pos_frac_false"] = np.format_float_positional(12345.678, precision=3, fractional=False)
    out["pos_unique_false"] = np.format_float_positional(np.float32(0.1), precision=10, unique=False)
    out["pos_pad"] = np.format_float_positional(3.5, pad_left=5, pad_right=4)
    out["pos_trim_dot"] = np.format_float_positional(2.0, trim=".")
    out["pos_min_digits"] = np.format_float_positional(0.5, min_digits=4)
    table = [f"{name:>8}: {np.format_float_scientific(v, precision=3):>12}"
             for name, v in zip(["mass", "charge", "avogadro"], [9.109e-31, 1.602e-19, 6.022e23])]
    out["table"] = "\n".join(table)
    out["inf"] = np.format_float_scientific(np.inf)
    out["nan"] = np.format_float_positional(np.nan)
    return out

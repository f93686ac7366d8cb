import numpy as np


def main():
    a = np.array([1.0, 2.5e-9, -3.14159265, 1234.5678, 0.0])
    m = np.array([[0.001234, 1.5], [-22.75, 3.0e-7]])
    ints = np.arange(12).reshape(3, 4)
    out = {}
    out["default"] = np.array2string(a)
    out["prec3"] = np.array2string(a, precision=3)
    out["suppress"] = np.array2string(a, precision=4, suppress_small=True)
    out["sep"] = np.array2string(ints, separator=", ")
    out["width"] = np.array2string(np.linspace(0, 1, 12), max_line_width=40, precision=2)
    out["prefix"] = np.array2string(m, prefix="m = ", precision=3)
    out["sign"] = np.array2string(np.array([1.0, -1.0, 0.5]), sign="+")
    out["floatmode_fixed"] = np.array2string(np.array([0.5, 1.25, 3.0]), floatmode="fixed", precision=3)
    out["floatmode_unique"] = np.array2string(np.array([0.1, 0.25, 3.0]), floatmode="unique")
    out["formatter"] = np.array2string(a, formatter={"float_kind": lambda x: f"{x:.2e}"})
    out["int_formatter"] = np.array2string(ints[0], formatter={"int": lambda x: f"<{x}>"})
    out["bool"] = np.array2string(ints > 5)
    with np.printoptions(precision=2, suppress=True):
        out["ctx_str"] = str(m)
        out["ctx_a2s"] = np.array2string(a)
    out["after_ctx"] = str(m)
    with np.printoptions(threshold=5, edgeitems=2):
        out["summarised"] = str(np.arange(100))
        out["summarised_2d"] = np.array2string(np.arange(100).reshape(10, 10))
    with np.printoptions(linewidth=30):
        out["narrow"] = str(np.arange(20))
    with np.printoptions(floatmode="maxprec_equal", precision=3):
        out["maxprec_equal"] = str(np.array([1.0, 2.25, 3.1234]))
    out["str_int"] = str(ints)
    out["array_str"] = np.array_str(m, precision=2, suppress_small=True)
    out["nan_inf"] = np.array2string(np.array([np.nan, np.inf, -np.inf, 1.0]))
    out["opts_precision"] = np.get_printoptions()["precision"]
    return out

"""Printing a small accounting ledger: np.set_printoptions and np.printoptions with
precision, suppress, floatmode, sign and formatter, np.array2string with separator,
prefix and max_line_width, and np.format_float_positional for single numbers."""
import numpy as np


def main():
    amounts = np.array([1250.5, -37.125, 0.000123, 98765.4321, -0.5])
    ratios = np.array([[0.333333, 1.0e-5], [12.5, -7.25]])
    counts = np.array([3, 14, 159, 2653])
    out = {}
    old = np.get_printoptions()
    np.set_printoptions(precision=2, suppress=True)
    out["suppressed"] = str(amounts)
    out["ratios"] = str(ratios)
    np.set_printoptions(**old)
    out["restored"] = str(amounts)
    with np.printoptions(sign=" ", floatmode="fixed", precision=1):
        out["signed"] = np.array2string(amounts)
    with np.printoptions(formatter={"float": "{:+.1f}".format}):
        out["formatted"] = str(ratios)
    out["money"] = np.array2string(amounts, formatter={"float_kind": lambda v: f"${v:,.2f}"},
                                   separator=" | ")
    out["csv_line"] = np.array2string(counts, separator=",")[1:-1]
    out["prefixed"] = np.array2string(ratios, prefix="ratios = ", separator=", ")
    out["wrapped"] = np.array2string(np.arange(0.0, 3.0, 0.25), max_line_width=30)
    out["positional"] = [np.format_float_positional(v, precision=3) for v in amounts]
    out["scientific"] = [np.format_float_scientific(v, precision=2) for v in amounts]
    out["unique_trim"] = np.format_float_positional(0.1 + 0.2, unique=False, precision=20)
    out["int_hex"] = np.array2string(counts, formatter={"int": hex})
    with np.printoptions(threshold=4, edgeitems=1):
        out["short"] = str(np.arange(10) * 1.5)
    out["repr"] = np.array_repr(np.array([1.5, 2.0]))
    out["precision_now"] = np.get_printoptions()["precision"]
    return out


if __name__ == "__main__":
    print(main())

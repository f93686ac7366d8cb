"""Printing arrays: str and repr of small arrays, array2string with separators and
precision, printoptions for suppression and thresholds, and formatted reports."""
import numpy as np


def main():
    a = np.arange(6).reshape(2, 3)
    f = np.array([1.0 / 3.0, 2.5, -1e-3])
    out = {"str_int": str(a), "repr_int": np.array_repr(a), "str_float": str(f),
           "repr_float": np.array_repr(f),
           "str_bool": str(np.array([True, False])), "str_empty": str(np.array([])),
           "str_scalar": str(np.array(3.5)), "repr_f32": np.array_repr(np.array([1.5, 2.0], dtype=np.float32)),
           "a2s": np.array2string(f, precision=2, separator=", "),
           "a2s_sci": np.array2string(np.array([1e-8, 1.0, 1e8])),
           "a2s_suppress": np.array2string(np.array([1e-8, 1.0]), suppress_small=True),
           "a2s_format": np.array2string(np.array([0.5, 1.25]),
                                         formatter={"float_kind": lambda x: f"{x:.1f}"})}
    np.set_printoptions(precision=3)
    out["precision3"] = str(f)
    np.set_printoptions(precision=8)
    with np.printoptions(suppress=True):
        out["suppressed"] = str(np.array([1e-10, 123.456]))
    with np.printoptions(threshold=5, edgeitems=2):
        out["summarised"] = str(np.arange(100))
    out["large"] = str(np.arange(2000))
    out["neg"] = str(np.array([[-1.5, 2.0], [3.25, -4.0]]))
    out["complex"] = str(np.array([1 + 2j, -0.5j]))
    out["nan_inf"] = str(np.array([np.nan, np.inf, -np.inf, 0.0]))
    out["int_repr_dtype"] = np.array_repr(np.array([1, 2], dtype=np.int32))
    out["report"] = f"mean={f.mean():.3f} max={a.max()}"
    out["list"] = str(a.tolist())
    return out


if __name__ == "__main__":
    print(main())

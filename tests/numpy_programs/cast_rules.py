"""Dtype conversions and promotion: astype with truncation and rounding,
result_type, can_cast, promote_types, finfo, views between dtypes, and integer
division results."""
import numpy as np


def main():
    f = np.array([-2.7, -0.5, 0.5, 1.5, 2.5, 3.99])
    out = {
        "trunc": f.astype(np.int32), "rint": np.rint(f), "round": np.round(f),
        "floor": np.floor(f).astype(int), "ceil": np.ceil(f),
        "to_bool": f.astype(bool), "to_u8": np.array([3, 300, 7]).astype(np.uint8),
        "to_f32": f.astype(np.float32), "i_div": np.array([7, 8]) / np.array([2, 4]),
        "mixed": (np.array([1, 2], dtype=np.int8) + np.array([1.5, 2.5], dtype=np.float32)),
        "rt": str(np.result_type(np.int8, np.uint8)),
        "rt2": str(np.result_type(np.int32, np.float32)),
        "pt": str(np.promote_types("i2", "f4")),
        "cc1": np.can_cast(np.int32, np.float64), "cc2": np.can_cast(np.float64, np.int32),
        "cc3": np.can_cast(np.int64, np.int32, casting="same_kind"),
        "eps32": float(np.finfo(np.float32).eps), "tiny": np.finfo(np.float64).tiny,
        "f32max": float(np.finfo(np.float32).max),
        "view": np.array([1.0], dtype=np.float64).view(np.int64),
        "view_u8": np.array([1, 256], dtype=np.int16).view(np.uint8),
        "scalar_type": type(np.float32(1) + 1.0).__name__,
        "int_plus_float": (np.arange(3) + 0.5).dtype.name,
        "u_plus_i": (np.array([1], dtype=np.uint64) + np.array([1], dtype=np.int64)).dtype.name,
        "from_str": np.array(["1", "22"]).astype(int),
        "complex": np.array([1, 2]).astype(complex), "issub": np.issubdtype(np.int16, np.integer),
        "kind": np.dtype("float32").kind, "itemsize": np.dtype(np.complex128).itemsize,
    }
    return out


if __name__ == "__main__":
    print(main())

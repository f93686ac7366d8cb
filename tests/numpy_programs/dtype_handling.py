"""Dtype handling: casts with astype, integer limits and wrap-around, float32
accumulation, finfo precision, promotion of mixed operands and safe casting checks."""
import numpy as np


def main():
    i8 = np.array([100, 120, -128, 127], dtype=np.int8)
    wrapped = i8 + np.int8(10)
    u8 = np.array([250, 5, 128], dtype=np.uint8)
    u8_sum = u8 + np.uint8(10)
    u8_diff = u8 - np.array([251, 10, 0], dtype=np.uint8)
    info8 = np.iinfo(np.int8)
    info_u16 = np.iinfo(np.uint16)
    clipped = np.clip(np.array([300, -5, 42]), info8.min, info8.max).astype(np.int8)
    truncated = np.array([1.9, -1.9, 2.5, -2.5]).astype(np.int64)
    as_u8 = np.array([3.7, 255.2, 0.1]).astype(np.uint8)
    f32 = np.full(10000, 0.1, dtype=np.float32)
    total32 = f32.sum()
    # (finfo's fields: NumPy scalars in NumPy, Python floats in the standard)
    eps32 = np.float32(np.finfo(np.float32).eps)
    eps64 = np.finfo(np.float64).eps
    one_plus = np.float32(1.0) + np.float32(eps32) / 2
    third = np.float32(1) / np.float32(3)
    mixed = np.arange(3, dtype=np.int16) * 2.5
    mixed_int = np.arange(3, dtype=np.int16) + np.arange(3, dtype=np.int32)
    mixed_u = np.ones(2, dtype=np.uint32) + np.ones(2, dtype=np.int32)
    bools = np.array([True, False, True]) + np.array([True, True, False])
    big = np.array([2 ** 40], dtype=np.int64) * 2 ** 20
    overflow = np.array([2 ** 62], dtype=np.int64) * 4
    scaled = (np.linspace(0.0, 1.0, 5) * 255).round().astype(np.uint8)
    as_bool = np.array([0, 2, -1, 0]).astype(bool)
    return {"wrapped": wrapped, "wrapped_dtype": str(wrapped.dtype), "u8_sum": u8_sum,
            "u8_diff": u8_diff, "info8": np.array([info8.min, info8.max, info8.bits]),
            "info_u16": np.array([info_u16.min, info_u16.max]), "clipped": clipped,
            "truncated": truncated, "as_u8": as_u8, "total32": total32,
            "total32_dtype": str(total32.dtype), "eps32": eps32, "eps64": eps64,
            "one_plus": one_plus, "third": third, "third_dtype": str(third.dtype),
            "mixed": mixed, "mixed_dtype": str(mixed.dtype), "mixed_int": mixed_int,
            "mixed_int_dtype": str(mixed_int.dtype), "mixed_u_dtype": str(mixed_u.dtype),
            "bools": bools, "big": big, "overflow": overflow, "scaled": scaled,
            "as_bool": as_bool, "result_type": str(np.result_type(np.int8, np.float32)),
            "can_cast": np.can_cast(np.int64, np.float32),
            "can_cast_safe": np.can_cast(np.int8, np.int16, casting="safe"),
            "tiny": np.float32(np.finfo(np.float32).tiny), "max16": np.iinfo(np.int16).max,
            "itemsize": np.dtype(np.complex128).itemsize,
            "astype_f32": np.arange(4).astype(np.float32) / 3}


if __name__ == "__main__":
    print(main())

"""Dtype and scalar behaviour that trips up exercise solutions: integer
overflow wrap-around with np.errstate, np.iinfo/np.finfo limits, float16 and
float32 precision, np.result_type and np.can_cast, scalar .item() and type
names, astype with casting, and true versus floor division of negative ints."""
import numpy as np


def main():
    a = np.array([250, 5, 128], dtype=np.uint8)
    wrapped = a + np.uint8(10)
    i32 = np.array([2 ** 31 - 1], dtype=np.int32)
    with np.errstate(over="ignore"):
        big = np.float32(3e38) * np.float32(10)
    f16 = np.array([0.1, 1000.3, 65504], dtype=np.float32)
    s = np.float32(0.1) + np.float32(0.2)
    d = np.float64(0.1) + 0.2
    neg = np.array([-7, 7, -8])
    try:
        np.array([1.5, 2.5]).astype(np.int64, casting="safe")
        cast_err = None
    except TypeError as e:
        cast_err = type(e).__name__
    try:
        np.array([1, 2], dtype=np.int8) + 300
        overflow_err = None
    except OverflowError as e:
        overflow_err = type(e).__name__
    return {
        "wrapped": wrapped,
        "wrapped_dtype": wrapped.dtype,
        "int32_wrap": i32 + 1,
        "big": big,
        "iinfo": (np.iinfo(np.int8).min, np.iinfo(np.int8).max, np.iinfo(np.uint16).max),
        "finfo32": (float(np.finfo(np.float32).eps), float(np.finfo(np.float32).max)),
        "f16": f16,
        "f16_sum": f16.sum(),
        "s": s,
        "s_type": type(s).__name__,
        "d_equal": d == 0.3,
        "isclose": bool(np.isclose(d, 0.3)),
        "result_type": (np.result_type(np.int8, np.uint8), np.result_type(np.float32, np.int64),
                        np.result_type(np.int16, 3.0)),
        "can_cast": (np.can_cast(np.int32, np.float64), np.can_cast(np.float64, np.float32),
                     np.can_cast(np.int64, np.int32, casting="same_kind")),
        "item": (np.int16(5).item(), type(np.float32(2.5).item()).__name__),
        "true_div": neg / 2,
        "floor_div": neg // 2,
        "mod": neg % 3,
        "fmod": np.fmod(neg, 3),
        "divmod": np.divmod(neg, 3),
        "cast_err": cast_err,
        "unsafe_cast": np.array([-1.7, 300.2]).astype(np.int64),
        "bool_sum_dtype": np.array([True, True, False]).sum().dtype,
        "promote": (np.array([1, 2], dtype=np.int8) + 100).dtype,
        "overflow_err": overflow_err,
        "uint_minus": np.array([1], dtype=np.uint32) - np.array([2], dtype=np.uint32),
    }


if __name__ == "__main__":
    print(main())

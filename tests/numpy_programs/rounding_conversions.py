"""Rounding and conversion rules: round half to even with np.round and decimals
(negative too), floor, ceil, trunc, rint and fix on negatives, float to integer
casts that truncate, divmod and mod with negative operands, and formatting
values into strings with f-strings and np.format_float_positional."""
import numpy as np


def main():
    x = np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.675, -3.7, 3.2])
    ops = np.stack([np.round(x), np.floor(x), np.ceil(x), np.trunc(x), np.rint(x), np.fix(x)])
    r2 = np.round(x, 2)
    tens = np.round(np.array([1234.5, 1250.0, -1350.0, 15.0]), -2)
    as_int = x.astype(int)
    as_u8 = np.array([3.9, 250.2, 7.5]).astype(np.uint8)
    a = np.array([7, -7, 7, -7])
    b = np.array([3, 3, -3, -3])
    q, r = np.divmod(a, b)
    fmod = np.fmod(a, b)
    rem = np.remainder(a, b)
    fq = np.floor_divide(a.astype(float), b)
    money = np.array([0.125, 0.135, 2.5, 10.005])
    cents = np.round(money * 100).astype(np.int64)
    text = [f"{v:.2f}" for v in money]
    pos = [np.format_float_positional(v, precision=3) for v in (0.1 + 0.2, 1 / 3, 2.0)]
    sci = np.format_float_scientific(12345.678, precision=2)
    bools = np.array([0.0, -0.0, 0.5, np.nan]).astype(bool)
    strs = np.array(["1.5", "2", "-3.25"]).astype(float)
    back = [str(v) for v in np.array([1.5, 2.0]).tolist()]
    i32 = np.array([1, 2, 3], dtype=np.int32)
    promoted = (i32 / 2).dtype, (i32 // 2).dtype, (i32 * 1.0).dtype
    return {"ops": ops, "r2": r2, "tens": tens, "as_int": as_int, "as_u8": as_u8,
            "q": q, "r": r, "fmod": fmod, "rem": rem, "fq": fq, "cents": cents, "text": text,
            "pos": pos, "sci": sci, "bools": bools, "strs": strs, "back": back,
            "promoted": [str(p) for p in promoted], "around": np.around(2.5), "item": np.round(7.45, 1).item()}


if __name__ == "__main__":
    print(main())

"""Integer overflow and bit manipulation: wrap-around in int8/uint8, bitwise
and/or/xor/invert, shifts, popcounts via unpackbits, np.binary_repr, gray codes,
and checking powers of two."""
import numpy as np


def main():
    a = np.array([100, 120, -128, 127], dtype=np.int8)
    wrapped = a + np.int8(10)
    u = np.array([250, 5, 128], dtype=np.uint8)
    u_sum = u + np.uint8(10)
    u_neg = -u
    x = np.arange(16, dtype=np.uint8)
    bits = np.unpackbits(x[:, None], axis=1)
    popcount = bits.sum(axis=1)
    gray = x ^ (x >> 1)
    packed = np.packbits(np.array([1, 0, 1, 1, 0, 0, 0, 1, 1], dtype=np.uint8))
    n = np.arange(1, 33)
    pow2 = n[(n & (n - 1)) == 0]
    masks = np.left_shift(1, np.arange(8))
    mixed = np.bitwise_and(0b1100, np.array([0b1010, 0b0110]))
    big = np.array([2 ** 62], dtype=np.int64) * 4
    return {"wrapped": wrapped, "u_sum": u_sum, "u_neg": u_neg, "popcount": popcount,
            "gray": gray, "packed": packed, "pow2": pow2, "masks": masks, "mixed": mixed,
            "invert": np.invert(np.array([0, 1, 255], dtype=np.uint8)),
            "inv_bool": ~np.array([True, False]), "xor": np.bitwise_xor.reduce(np.arange(1, 10)),
            "or_all": np.bitwise_or.reduce(masks), "rshift": np.right_shift(-16, np.arange(4)),
            "binrep": np.binary_repr(10, width=8), "binneg": np.binary_repr(-5, width=8),
            "base3": np.base_repr(100, base=3), "big": big,
            "iinfo": np.iinfo(np.int16).max, "uint_max": np.iinfo(np.uint32).max,
            "mul_wrap": np.array([200], dtype=np.uint8) * np.array([2], dtype=np.uint8),
            "floor_div": np.array([-7, 7]) // 2, "mod": np.array([-7, 7]) % 3}


if __name__ == "__main__":
    print(main())

"""Bit manipulation on integer arrays: masks and shifts, population counts via
unpackbits, Gray codes, parity, powers of two, and bit-reversal permutations."""
import numpy as np


def main():
    x = np.arange(16, dtype=np.uint8)
    gray = x ^ (x >> 1)
    back = gray.copy()
    shift = gray >> 1
    while np.any(shift):
        back ^= shift
        shift >>= 1
    popcount = np.unpackbits(x[:, None], axis=1).sum(axis=1)
    parity = popcount % 2
    is_pow2 = (x != 0) & ((x & (x - 1)) == 0)
    bits = 4
    rev = np.zeros_like(x)
    for b in range(bits):
        rev |= ((x >> b) & 1) << (bits - 1 - b)
    flags = np.array([0b1010, 0b0110, 0b1111], dtype=np.int32)
    set_bit = flags | (1 << 4)
    cleared = flags & ~np.int32(0b0010)
    toggled = np.bitwise_xor(flags, 0b1001)
    shifts = np.left_shift(np.ones(5, dtype=np.int64), np.arange(5))
    rshift = np.right_shift(np.array([-16, 16]), 2)
    inverted = np.invert(np.array([0, 1, 255], dtype=np.uint8))
    signed_not = ~np.array([0, 5, -3])
    packed = np.packbits(np.array([[1, 0, 1], [0, 1, 1]]), axis=1)
    little = np.unpackbits(np.array([6], dtype=np.uint8), bitorder="little")
    return {"gray": gray, "back": back, "popcount": popcount, "parity": parity,
            "is_pow2": is_pow2, "rev": rev, "set_bit": set_bit, "cleared": cleared,
            "toggled": toggled, "shifts": shifts, "rshift": rshift, "inverted": inverted,
            "signed_not": signed_not, "packed": packed, "little": little,
            "and_reduce": np.bitwise_and.reduce(np.array([0b1110, 0b0111, 0b1111])),
            "or_reduce": np.bitwise_or.reduce(flags), "bitcount": np.bitwise_count(x),
            "binary": np.binary_repr(10, width=6), "base": np.base_repr(255, base=16)}


if __name__ == "__main__":
    print(main())

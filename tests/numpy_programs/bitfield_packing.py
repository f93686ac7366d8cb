"""Packing flags into integers: bitwise and/or/xor/invert, shifts, popcount by hand."""
import numpy as np


def main():
    flags = np.array([0b0001, 0b0110, 0b1011, 0b1111, 0b0000], dtype=np.uint8)
    mask = np.uint8(0b0101)
    anded = flags & mask
    ored = np.bitwise_or(flags, mask)
    xored = np.bitwise_xor(flags, 0b1001)
    inverted = np.invert(flags)
    tilde = ~flags
    signed_inv = ~np.array([0, 1, -1, 127], dtype=np.int8)
    left = np.left_shift(flags, 4)
    right = flags >> 1
    wide = np.left_shift(flags.astype(np.uint16), 9)
    bits = (flags[:, None] >> np.arange(4)) & 1
    popcount = bits.sum(axis=1)
    packed = np.packbits(bits.astype(np.uint8), axis=1)
    unpacked = np.unpackbits(np.array([5, 255], dtype=np.uint8))
    rgb = np.array([[255, 128, 0], [16, 32, 64]], dtype=np.uint32)
    colour = (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]
    red = (colour >> 16) & 0xFF
    is_power_two = (flags != 0) & ((flags & (flags - 1)) == 0)
    and_reduce = np.bitwise_and.reduce(np.array([0b1110, 0b0111, 0b1111]))
    or_reduce = np.bitwise_or.reduce(flags)
    parity = np.bitwise_xor.reduce(bits, axis=1)
    reprs = [np.binary_repr(int(v), width=4) for v in flags]
    return {
        "anded": anded,
        "ored": ored,
        "xored": xored,
        "inverted": inverted,
        "tilde": tilde,
        "signed_inv": signed_inv,
        "left": left,
        "right": right,
        "wide": wide,
        "bits": bits,
        "popcount": popcount,
        "packed": packed,
        "unpacked": unpacked,
        "colour": colour,
        "red": red,
        "is_power_two": is_power_two,
        "and_reduce": and_reduce,
        "or_reduce": or_reduce,
        "parity": parity,
        "reprs": np.array(reprs),
        "hex": np.base_repr(int(colour[0]), 16),
    }


if __name__ == "__main__":
    print(main())

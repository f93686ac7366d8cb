"""Fixed-width integers: uint8 pixel arithmetic that wraps, the same sums done in
a wider type, saturating arithmetic by clipping, int8 negation of the minimum,
iinfo limits, a 32-bit linear congruential generator relying on wraparound, and
dtype promotion of mixed operands."""
import numpy as np


def lcg(seed, n):
    out = np.empty(n, dtype=np.uint32)
    state = np.uint32(seed)
    a, c = np.uint32(1664525), np.uint32(1013904223)
    for i in range(n):
        state = a * state + c
        out[i] = state
    return out


def main():
    pix = np.array([10, 100, 200, 250, 255], dtype=np.uint8)
    wrapped = pix + np.uint8(10)
    wide = pix.astype(np.int16) + 10
    saturated = np.clip(wide, 0, 255).astype(np.uint8)
    diff = pix[1:] - pix[:-1]
    signed_diff = np.diff(pix.astype(np.int16))
    i8 = np.array([-128, -1, 0, 127], dtype=np.int8)
    neg = -i8
    info = np.iinfo(np.int16)
    info_u = np.iinfo(np.uint16)
    with np.errstate(over="ignore"):
        seq = lcg(42, 6)
    frac = seq / 2.0 ** 32
    big = np.array([2 ** 31 - 1], dtype=np.int32)
    rolled = big + np.int32(1)
    mean8 = pix.mean()
    sum8 = pix.sum()
    summed_u8 = np.sum(pix, dtype=np.uint8)
    mixed = (np.array([1, 2], dtype=np.uint8) + np.array([1, 2], dtype=np.int8)).dtype
    mixed2 = (np.arange(3, dtype=np.int32) * 2.5).dtype
    shifted = np.left_shift(np.array([1, 2, 3], dtype=np.uint8), 7)
    return {"wrapped": wrapped, "wide": wide, "saturated": saturated, "diff": diff,
            "signed_diff": signed_diff, "neg": neg, "limits": [info.min, info.max, info_u.max],
            "lcg": seq, "frac": frac, "rolled": rolled, "mean8": mean8, "sum8": sum8,
            "sum8_dtype": str(sum8.dtype), "summed_u8": summed_u8,
            "mixed": str(mixed), "mixed2": str(mixed2), "shifted": shifted,
            "bits": np.binary_repr(int(pix[2]), width=8), "view": pix.view(np.int8)}


if __name__ == "__main__":
    print(main())

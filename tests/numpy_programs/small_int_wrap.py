"""Fixed-width integers: int8/uint8 wrap-around, cumsum/cumprod with dtype=."""
import numpy as np


def main():
    pixels = np.array([10, 200, 250, 255, 0], dtype=np.uint8)
    brighter = pixels + np.uint8(10)
    darker = pixels - np.uint8(20)
    doubled = pixels * 2
    widened = pixels.astype(np.int16) * 2
    saturated = np.clip(pixels.astype(np.int16) + 10, 0, 255).astype(np.uint8)
    small = np.array([100, 120, -128, 127], dtype=np.int8)
    plus = small + np.int8(30)
    negated = -small
    abs_small = np.abs(small)
    cs8 = np.cumsum(np.full(6, 50, dtype=np.int8))
    cs_wide = np.cumsum(np.full(6, 50, dtype=np.int8), dtype=np.int64)
    cs_float = np.cumsum(np.array([1, 2, 3]), dtype=np.float32)
    cp = np.cumprod(np.arange(1, 11, dtype=np.int16))
    cp_wide = np.cumprod(np.arange(1, 11, dtype=np.int16), dtype=np.int64)
    total_u8 = np.sum(pixels)
    total_u8_keep = np.sum(pixels, dtype=np.uint8)
    mean_u8 = pixels.mean()
    info8 = np.iinfo(np.int8)
    u16 = np.array([65535], dtype=np.uint16) + np.array([1], dtype=np.uint16)
    mixed = (np.array([1, 2], dtype=np.uint8) + np.array([1, 2], dtype=np.int8))
    return {
        "brighter": brighter,
        "darker": darker,
        "doubled": doubled,
        "doubled_dtype": str(doubled.dtype),
        "widened": widened,
        "saturated": saturated,
        "plus": plus,
        "negated": negated,
        "abs_small": abs_small,
        "cs8": cs8,
        "cs8_dtype": str(cs8.dtype),
        "cs_wide": cs_wide,
        "cs_float": cs_float,
        "cp": cp,
        "cp_wide": cp_wide,
        "total_u8": total_u8,
        "total_dtype": str(total_u8.dtype),
        "total_u8_keep": total_u8_keep,
        "mean_u8": mean_u8,
        "info8": np.array([info8.min, info8.max]),
        "u16": u16,
        "mixed_dtype": str(mixed.dtype),
    }


if __name__ == "__main__":
    print(main())

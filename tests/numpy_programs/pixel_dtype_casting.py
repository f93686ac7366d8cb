"""8-bit image arithmetic and dtype care: uint8 wraparound versus saturation via a
wider dtype and np.clip, np.iinfo limits, astype with casting checks, np.can_cast,
np.result_type and np.promote_types, and a gamma correction through float32."""
import numpy as np


def main():
    img = np.array([[10, 200, 255], [0, 128, 64]], dtype=np.uint8)
    wrapped = img + np.uint8(100)
    saturated = np.clip(img.astype(np.int16) + 100, 0, 255).astype(np.uint8)
    darker = np.clip(img.astype(np.int16) - 50, 0, None).astype(np.uint8)
    info = np.iinfo(np.uint8)
    inverted = info.max - img
    gamma = (255.0 * (img / 255.0) ** 0.5).astype(np.uint8)
    as_f32 = img.astype(np.float32) / np.float32(255)
    back = (as_f32 * 255).round().astype(np.uint8)
    mean = img.mean()
    mean_dtype = str(img.mean().dtype)
    total = img.sum()
    total_dtype = str(total.dtype)
    try:
        img.astype(np.int8, casting="safe")
        refused = False
    except TypeError:
        refused = True
    diff = img.astype(np.int16) - img[::-1].astype(np.int16)
    absdiff = np.abs(diff).astype(np.uint8)
    bits = np.unpackbits(img[:, :1], axis=1)
    return {"wrapped": wrapped, "saturated": saturated, "darker": darker,
            "max": info.max, "min": info.min, "bits_uint8": info.bits, "inverted": inverted,
            "inverted_dtype": str(inverted.dtype), "gamma": gamma,
            "as_f32_dtype": str(as_f32.dtype), "round_trip": np.array_equal(back, img),
            "mean": mean, "mean_dtype": mean_dtype, "total": total, "total_dtype": total_dtype,
            "refused": refused, "can_u8_i16": np.can_cast(np.uint8, np.int16),
            "can_i16_u8": np.can_cast(np.int16, np.uint8),
            "can_same_kind": np.can_cast(np.float64, np.float32, casting="same_kind"),
            "rt": str(np.result_type(np.uint8, np.int8)),
            "rt_scalar": str(np.result_type(img, 1.5)),
            "promote": str(np.promote_types(np.uint16, np.float32)),
            "absdiff": absdiff, "bits": bits, "mul_dtype": str((img * 2).dtype)}


if __name__ == "__main__":
    print(main())

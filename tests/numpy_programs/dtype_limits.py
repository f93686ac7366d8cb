"""Dtype objects, numeric limits and casting rules."""
import numpy as np


def main():
    i8 = np.iinfo(np.int8)
    u16 = np.iinfo(np.uint16)
    i64 = np.iinfo("int64")
    f32 = np.finfo(np.float32)
    f64 = np.finfo(np.float64)
    f16 = np.finfo(np.float32)  # (bridge has no float16: the standard's 13 dtypes)
    wrap = np.array([120, 127, -128, 300, -300]).astype(np.int8)
    to_u8 = np.array([-1, 256, 255, 0]).astype(np.uint8)
    trunc = np.array([-2.7, -0.5, 0.5, 2.7]).astype(np.int32)
    to_bool = np.array([0, 0.1, -3, 0.0]).astype(bool)
    f32_round = np.array([0.1, 1 / 3], dtype=np.float64).astype(np.float32).astype(np.float64)
    dt = np.dtype("i4")
    dtf = np.dtype(np.float64)
    dtc = np.dtype("c16")
    props = [dt.kind, dt.char, dt.str, dt.name, str(dtf), dtc.kind, np.dtype("u1").name]
    sizes = np.array([dt.itemsize, dtf.itemsize, dtc.itemsize, np.dtype(np.int16).itemsize])
    can = np.array([np.can_cast(np.int8, np.int16), np.can_cast(np.int64, np.float32),
                    np.can_cast(np.float64, np.int64, casting="unsafe"),
                    np.can_cast(np.int32, np.float64), np.can_cast(np.uint8, np.int8),
                    np.can_cast(np.float64, np.float32, casting="same_kind")])
    rt = [str(np.result_type(np.int8, np.uint8)), str(np.result_type(np.int32, np.float32)),
          str(np.promote_types("i2", "u4")), str(np.result_type(np.float32, 2.0)),
          str(np.result_type(np.uint8, 300)), str(np.promote_types(np.bool_, np.int8))]
    overflow = np.array([250], dtype=np.uint8) + np.uint8(10)
    mixed = (np.arange(3, dtype=np.int16) + np.float32(0.5)).dtype
    issub = [np.issubdtype(np.int32, np.integer), np.issubdtype(np.float32, np.floating),
             np.issubdtype(np.uint8, np.signedinteger), np.issubdtype(np.complex64, np.inexact)]
    big = np.array([2 ** 40], dtype=np.int64).astype(np.float32)
    eps_step = np.float64(1.0) + f64.eps > 1.0
    nextafter = np.nextafter(np.float32(1), np.float32(2)) - np.float32(1)
    return {
        "i8": np.array([i8.min, i8.max, i8.bits]),
        "u16": np.array([u16.min, u16.max]),
        "i64": np.array([i64.min, i64.max]),
        "f32": np.array([f32.eps, f32.max, f32.tiny, f32.resolution], dtype=np.float64),
        "f32_bits": np.array([f32.bits, f32.precision, f32.nmant, f32.nexp]),
        "f64": np.array([f64.eps, f64.max, f64.smallest_normal]),
        "f16": np.array([f16.eps, f16.max], dtype=np.float64),
        "wrap": wrap,
        "to_u8": to_u8,
        "trunc": trunc,
        "to_bool": to_bool,
        "f32_round": f32_round,
        "props": np.array(props),
        "sizes": sizes,
        "can": can,
        "rt": np.array(rt),
        "overflow": overflow,
        "mixed": str(mixed),
        "issub": np.array(issub),
        "big": big,
        "eps_step": eps_step,
        "nextafter": nextafter,
    }

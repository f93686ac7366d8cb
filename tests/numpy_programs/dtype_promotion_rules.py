import numpy as np


def main():
    types = [np.bool_, np.int8, np.uint8, np.int16, np.int32, np.uint32, np.int64,
             np.float32, np.float64, np.complex64]
    names = [np.dtype(t).name for t in types]
    table = np.array([[np.promote_types(a, b).name for b in types] for a in types])
    safe = np.array([[np.can_cast(a, b) for b in types] for a in types])
    same_kind = np.array([[np.can_cast(a, b, casting="same_kind") for b in types] for a in types])
    out = {
        "names": np.array(names),
        "table": table,
        "safe": safe,
        "same_kind": same_kind,
    }
    out["rt_int8_int"] = np.result_type(np.int8, 1).name
    out["rt_uint8_float"] = np.result_type(np.uint8, 2.5).name
    out["rt_f32_py_float"] = np.result_type(np.float32, 1.0).name
    out["rt_arrays"] = np.result_type(np.arange(3, dtype=np.int16), np.ones(2, dtype=np.float32)).name
    out["rt_many"] = np.result_type(np.int8, np.uint16, np.float32).name
    out["rt_complex"] = np.result_type(np.float32, 1j).name
    out["rt_str"] = np.result_type("i4", "f4").name
    out["promote_str"] = np.promote_types("u1", "i1").name
    out["can_cast_unsafe"] = np.can_cast(np.float64, np.int8, casting="unsafe")
    out["can_cast_no"] = np.can_cast(np.int32, np.int32, casting="no")
    out["can_cast_equiv"] = np.can_cast("<i4", "i4", casting="equiv")
    a = np.array([1, 2, 3], dtype=np.int8)
    out["mix_scalar"] = (a + 100).dtype.name
    out["mix_npscalar"] = (a + np.int16(1)).dtype.name
    out["mix_float"] = (a * 1.5).dtype.name
    out["f32_plus_f64_scalar"] = (np.ones(2, np.float32) + np.float64(1)).dtype.name
    out["u8_minus_i8"] = (np.array([1], np.uint8) - np.array([2], np.int8)).dtype.name
    out["true_div_int"] = (np.arange(3) / 2).dtype.name
    out["floor_div_int"] = (np.arange(3) // 2).dtype.name
    out["bool_sum"] = np.array([True, False, True]).sum().dtype.name
    out["int8_sum"] = a.sum().dtype.name
    out["f32_mean"] = np.ones(3, np.float32).mean().dtype.name
    out["issubdtype"] = np.array([np.issubdtype(t, np.integer) for t in types])
    out["floating"] = np.array([np.issubdtype(t, np.floating) for t in types])
    out["common"] = np.common_type(np.ones(2, np.float32), np.arange(2)).__name__
    out["min_scalar"] = np.array([np.min_scalar_type(v).name for v in (10, 300, -5, 70000, -40000)])
    out["kinds"] = "".join(np.dtype(t).kind for t in types)
    out["itemsizes"] = np.array([np.dtype(t).itemsize for t in types])
    return out

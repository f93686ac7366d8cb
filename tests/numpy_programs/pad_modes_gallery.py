import numpy as np


def main():
    a = np.array([1, 2, 3, 4, 5])
    m = np.arange(1, 7).reshape(2, 3)
    out = {}
    out["constant"] = np.pad(a, 2)
    out["constant_vals"] = np.pad(a, (1, 3), mode="constant", constant_values=(-1, 9))
    out["edge"] = np.pad(a, (3, 2), mode="edge")
    out["reflect"] = np.pad(a, 3, mode="reflect")
    out["reflect_odd"] = np.pad(a, 2, mode="reflect", reflect_type="odd")
    out["symmetric"] = np.pad(a, 3, mode="symmetric")
    out["wrap"] = np.pad(a, (2, 4), mode="wrap")
    out["maximum"] = np.pad(a, 2, mode="maximum")
    out["mean"] = np.pad(np.array([1.0, 2.0, 6.0]), 1, mode="mean")
    out["linear_ramp"] = np.pad(a, (2, 3), mode="linear_ramp", end_values=(0, -5))
    out["m_constant"] = np.pad(m, ((1, 0), (2, 1)), constant_values=((7, 8), (0, 9)))
    out["m_edge"] = np.pad(m, 1, mode="edge")
    out["m_reflect"] = np.pad(m, ((1, 1), (2, 2)), mode="reflect")
    out["m_symmetric"] = np.pad(m, ((0, 2), (1, 0)), mode="symmetric")
    out["m_wrap"] = np.pad(m, 1, mode="wrap")
    out["m_axis_only"] = np.pad(m, ((0, 0), (1, 1)), mode="edge")
    out["m_minimum"] = np.pad(m, ((1, 1), (0, 0)), mode="minimum")
    img = np.arange(9, dtype=np.float32).reshape(3, 3)
    p = np.pad(img, 1, mode="reflect")
    out["float_reflect"] = p
    out["float_dtype"] = str(p.dtype)
    out["big_reflect"] = np.pad(np.array([1, 2, 3]), 5, mode="reflect")
    out["empty_pad"] = np.pad(a, 0)
    out["rgb_pad"] = np.pad(np.ones((2, 2, 3), dtype=np.uint8), ((1, 1), (1, 1), (0, 0))).sum(axis=2)
    return out

"""float32 versus float64: accumulated rounding, isclose/allclose, nan_to_num, finfo."""
import numpy as np


def main():
    tenth32 = np.float32(0.1)
    tenth64 = np.float64(0.1)
    acc32 = np.float32(0.0)
    acc64 = 0.0
    for _ in range(1000):
        acc32 = acc32 + tenth32
        acc64 = acc64 + tenth64
    x32 = np.linspace(0, 1, 11, dtype=np.float32)
    x64 = np.linspace(0, 1, 11)
    diff = x64 - x32.astype(np.float64)
    eps32 = np.finfo(np.float32).eps
    eps64 = np.finfo(np.float64).eps
    a = np.array([1.0, 1.0 + 1e-9, 1.0 + 1e-5, np.nan, np.inf])
    b = np.array([1.0, 1.0, 1.0, np.nan, np.inf])
    close = np.isclose(a, b)
    close_nan = np.isclose(a, b, equal_nan=True)
    close_tight = np.isclose(a, b, rtol=0, atol=1e-10)
    all_close = np.allclose(a[:3], b[:3], rtol=1e-4)
    dirty = np.array([np.nan, np.inf, -np.inf, 2.5], dtype=np.float32)
    cleaned = np.nan_to_num(dirty)
    cleaned_custom = np.nan_to_num(dirty, nan=-1.0, posinf=1e6, neginf=-1e6)
    big = np.float32(16777216.0)
    lost = (big + np.float32(1.0)) - big
    mixed = (np.ones(3, dtype=np.float32) * 2.5).dtype
    upcast = (np.ones(3, dtype=np.float32) + np.ones(3)).dtype
    spacing = np.spacing(np.float32(1.0))
    nxt = np.nextafter(np.float32(1.0), np.float32(2.0))
    return {
        "acc32": acc32,
        "acc64": acc64,
        "acc32_dtype": str(np.asarray(acc32).dtype),
        "max_diff_small": bool(np.abs(diff).max() < 1e-7),
        "eps": np.array([eps32, eps64]),
        "close": close,
        "close_nan": close_nan,
        "close_tight": close_tight,
        "all_close": all_close,
        "cleaned": cleaned,
        "cleaned_custom": cleaned_custom,
        "lost": lost,
        "mixed": str(mixed),
        "upcast": str(upcast),
        "spacing": spacing,
        "nxt": nxt,
    }


if __name__ == "__main__":
    print(main())

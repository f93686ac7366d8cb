"""Saving an experiment's arrays to in-memory archives: np.save / np.load through
io.BytesIO (several arrays one after another in one stream), np.savez with keyword
and positional names, savez_compressed, and reading back with the NpzFile mapping."""
import io

import numpy as np


def main():
    rng = np.random.default_rng(21)
    weights = rng.normal(size=(3, 4)).astype(np.float32)
    labels = rng.integers(0, 3, size=10).astype(np.int16)
    mask = labels > 0
    stream = io.BytesIO()
    np.save(stream, weights)
    np.save(stream, labels)
    np.save(stream, mask)
    size_after = stream.tell()
    stream.seek(0)
    w2 = np.load(stream)
    l2 = np.load(stream)
    m2 = np.load(stream)
    archive = io.BytesIO()
    np.savez(archive, weights, labels, mask=mask, lr=np.float64(0.01))
    archive.seek(0)
    with np.load(archive) as npz:
        names = sorted(npz.files)
        lr = float(npz["lr"])
        first = npz["arr_0"]
        m3 = npz["mask"]
    packed = io.BytesIO()
    np.savez_compressed(packed, big=np.zeros((100, 100)), small=np.arange(5))
    compressed_size = len(packed.getvalue())
    packed.seek(0)
    data = np.load(packed)
    big_sum = data["big"].sum()
    small = data["small"]
    keys = sorted(data.keys())
    data.close()
    return {"w2": w2, "w_dtype": str(w2.dtype), "l2": l2, "l_dtype": str(l2.dtype),
            "m2": m2, "m_dtype": str(m2.dtype), "size_after": size_after,
            "names": names, "lr": lr, "first_same": np.array_equal(first, weights),
            "m3": m3, "compressed_small": compressed_size < 100 * 100 * 8,
            "big_sum": big_sum, "small": small, "keys": keys}


if __name__ == "__main__":
    print(main())

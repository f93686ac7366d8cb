"""Raw binary records as instruments dump them: a header of int32 fields and float32
samples written with tofile into one file, read back with fromfile (count, offset),
16-bit samples, a text dump with a separator, and a long recording read in chunks
through a memory map."""
import os
import tempfile

import numpy as np


def main():
    rng = np.random.default_rng(23)
    samples = rng.normal(size=(500, 3)).astype(np.float32)
    header = np.array([500, 3, 44100], dtype=np.int32)
    with tempfile.TemporaryDirectory() as folder:
        dump = os.path.join(folder, "dump.bin")
        with open(dump, "wb") as fh:
            header.tofile(fh)
            samples.tofile(fh)
        head = np.fromfile(dump, dtype=np.int32, count=3)
        n, channels, rate = (int(v) for v in head)
        data = np.fromfile(dump, dtype=np.float32, offset=head.nbytes).reshape(n, channels)
        with open(dump, "rb") as fh:
            again = np.fromfile(fh, dtype=np.int32, count=3)
            first = np.fromfile(fh, dtype=np.float32, count=channels)

        pcm = np.clip(data * 8000.0, -32768, 32767).astype(np.int16)
        pcm_path = os.path.join(folder, "pcm.raw")
        pcm.tofile(pcm_path)
        pcm_back = np.fromfile(pcm_path, dtype=np.int16).reshape(-1, channels)
        size = os.path.getsize(pcm_path)

        text = os.path.join(folder, "dump.txt")
        data[:4].tofile(text, sep=" ", format="%.4f")
        text_back = np.fromfile(text, sep=" ")
        steps = os.path.join(folder, "steps.txt")
        np.arange(0, 50, 7).tofile(steps, sep="\n")
        step_back = np.fromfile(steps, dtype=np.int64, sep="\n")

        long_path = os.path.join(folder, "long.npy")
        np.save(long_path, rng.normal(size=20000))
        recording = np.load(long_path, mmap_mode="r")
        chunk = 5000
        chunk_means = np.array([np.mean(recording[i:i + chunk])
                                for i in range(0, len(recording), chunk)])
        chunk_peaks = np.array([np.max(np.abs(recording[i:i + chunk]))
                                for i in range(0, len(recording), chunk)])
        scratch = np.load(long_path, mmap_mode="c")
        scratch[:100] = 0.0
        scratch_sum = np.sum(scratch[:200])
        untouched = np.load(long_path)[:100]
        del recording, scratch
    return {"head": head, "rate": rate, "data": data, "again": again, "first": first,
            "pcm": pcm_back, "size": size, "text": text_back, "steps": step_back,
            "chunk_means": chunk_means, "chunk_peaks": chunk_peaks,
            "scratch_sum": scratch_sum, "untouched": untouched,
            "exact": np.array_equal(data, samples)}


if __name__ == "__main__":
    print(main())

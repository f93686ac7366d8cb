"""Unix-like permission bits as integer masks: np.left_shift/np.right_shift to build
and read fields, np.bitwise_and tests, np.bitwise_count of set bits, np.packbits and
np.unpackbits with bitorder='little' and count, and np.binary_repr / np.base_repr."""
import numpy as np


def main():
    modes = np.array([0o755, 0o644, 0o700, 0o777, 0o600], dtype=np.uint16)
    owner = np.right_shift(modes, 6) & 0o7
    group = (modes >> 3) & 0o7
    other = modes & 0o7
    can_exec_other = np.bitwise_and(modes, 0o001) != 0
    n_bits = np.bitwise_count(modes)
    rebuilt = np.left_shift(owner, 6) | np.left_shift(group, 3) | other
    bits = np.unpackbits(modes.astype(np.uint8).reshape(-1, 1), axis=1)
    little = np.unpackbits(np.array([0b00000110], dtype=np.uint8), bitorder="little")
    packed = np.packbits(np.array([1, 1, 0, 1, 0, 0, 0, 1, 1], dtype=np.uint8))
    packed_little = np.packbits(np.array([1, 1, 0, 1], dtype=np.uint8), bitorder="little")
    partial = np.unpackbits(np.array([255, 1], dtype=np.uint8), count=10)
    flags2d = np.array([[1, 0, 1], [0, 1, 1]], dtype=bool)
    packed_rows = np.packbits(flags2d, axis=1)
    as_text = [np.binary_repr(int(m), width=9) for m in modes]
    neg = np.binary_repr(-5, width=8)
    octal = [np.base_repr(int(m), base=8) for m in modes]
    hexed = np.base_repr(255, base=16, padding=2)
    toggled = modes ^ 0o111
    inverted = np.invert(np.array([0, 1, 254], dtype=np.uint8))
    return {"owner": owner, "group": group, "other": other, "exec_other": can_exec_other,
            "n_bits": n_bits, "rebuilt": rebuilt, "bits": bits, "little": little,
            "packed": packed, "packed_little": packed_little, "partial": partial,
            "packed_rows": packed_rows, "as_text": as_text, "neg": neg, "octal": octal,
            "hexed": hexed, "toggled": toggled, "inverted": inverted,
            "shift_dtype": str(owner.dtype)}


if __name__ == "__main__":
    print(main())

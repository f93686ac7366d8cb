"""Elementary cellular automata: rules 30, 90 and 110 from a single cell, the
neighbourhood code via rolls and bit shifts, and density statistics."""
import numpy as np


def run_rule(rule, width=64, steps=40):
    table = (rule >> np.arange(8)) & 1
    state = np.zeros(width, dtype=np.uint8)
    state[width // 2] = 1
    history = np.empty((steps, width), dtype=np.uint8)
    for t in range(steps):
        history[t] = state
        code = (np.roll(state, 1) << 2) | (state << 1) | np.roll(state, -1)
        state = table[code].astype(np.uint8)
    return history


def main():
    r30 = run_rule(30)
    r90 = run_rule(90)
    r110 = run_rule(110)
    centre = r30[:, 32]
    packed = np.packbits(centre)
    density = r110.mean(axis=1)
    sierpinski = r90.sum(axis=1)
    bits = np.unpackbits(np.array([30, 90, 110], dtype=np.uint8)).reshape(3, 8)
    return {"r30": r30, "r90": r90, "r110": r110, "centre": centre, "packed": packed,
            "density": density, "sierpinski": sierpinski, "bits": bits,
            "alive_total": np.count_nonzero(r30), "table30": (30 >> np.arange(8)) & 1,
            "first_row_all_dead": np.flatnonzero(r110.sum(axis=0) == 0)}


if __name__ == "__main__":
    print(main())

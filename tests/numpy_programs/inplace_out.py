"""In-place updates with out= and where=: a damped oscillator stepped into preallocated
buffers, a masked square root, and reductions over masks."""
import numpy as np


def main():
    rng = np.random.default_rng(3)
    n = 64
    pos = rng.normal(size=n)
    vel = np.zeros(n)
    acc = np.empty(n)
    energy = np.empty(50)
    for step in range(50):
        np.multiply(pos, -4.0, out=acc)           # F = -k x
        np.subtract(acc, vel * 0.1, out=acc)      # damping
        np.add(vel, acc * 0.01, out=vel)
        np.add(pos, vel * 0.01, out=pos)
        energy[step] = np.sum(vel * vel) + 4.0 * np.sum(pos * pos)
    roots = np.full(n, -1.0)
    np.sqrt(pos, where=pos > 0, out=roots)        # the others keep -1
    logs = np.zeros(n)
    np.log(np.abs(pos), out=logs, where=np.abs(pos) > 0.5)
    scaled = pos.copy()
    np.exp(scaled, out=scaled)                     # in place
    np.multiply(scaled, 2.0, out=scaled, where=scaled > 1.0)
    mask = pos > 0
    return {"energy": energy, "roots": roots, "logs": logs, "scaled": scaled,
            "pos_sum": np.sum(pos, where=mask), "neg_max": np.max(pos, where=~mask, initial=-10.0),
            "pos_mean": np.mean(pos, where=mask), "pos_std": np.std(pos, where=mask),
            "count": np.sum(mask), "ints": np.add(np.arange(5), 3, dtype=np.float64)}


if __name__ == "__main__":
    print(main())

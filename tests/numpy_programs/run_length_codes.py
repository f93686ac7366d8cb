"""Run-length encoding and decoding of integer and boolean sequences."""
import numpy as np


def rle(x):
    x = np.asarray(x)
    change = np.flatnonzero(x[1:] != x[:-1]) + 1
    starts = np.concatenate(([0], change))
    lengths = np.diff(np.concatenate((starts, [x.size])))
    return x[starts], lengths, starts


def unrle(values, lengths):
    return np.repeat(values, lengths)


def main():
    rng = np.random.default_rng(1)
    seq = np.repeat(rng.integers(0, 4, 25), rng.integers(1, 6, 25))
    vals, lens, starts = rle(seq)
    back = unrle(vals, lens)
    mask = np.sin(np.arange(120) / 6.0) > 0.3
    bvals, blens, bstarts = rle(mask)
    true_runs = blens[bvals]
    # bitmap rows to RLE pairs
    img = (rng.random((4, 20)) < 0.35).astype(np.uint8)
    row_runs = [rle(r)[1].size for r in img]
    padded = np.pad(img, ((0, 0), (1, 1)))
    edges = np.diff(padded.astype(np.int8), axis=1)
    on = np.argwhere(edges == 1)
    off = np.argwhere(edges == -1)
    widths = off[:, 1] - on[:, 1]
    longest = int(np.argmax(lens))
    cumulative = np.cumsum(lens)
    return {
        "n_runs": vals.size,
        "values": vals,
        "lengths": lens,
        "roundtrip": np.array_equal(back, seq),
        "compression": seq.size / (2 * vals.size),
        "true_runs": true_runs,
        "true_starts": bstarts[bvals],
        "row_runs": np.array(row_runs),
        "widths": widths,
        "longest": np.array([vals[longest], lens[longest], starts[longest]]),
        "ends": cumulative[-3:],
        "value_totals": np.bincount(vals, weights=lens, minlength=4),
    }

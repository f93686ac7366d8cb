"""Event log bookkeeping with sorted arrays: np.searchsorted left/right and
with a sorter, counting events in time windows, run-length encoding with
np.diff and np.flatnonzero, cumsum resets, sessions split on gaps and
rank lookups."""
import numpy as np


def main():
    rng = np.random.default_rng(61)
    times = np.sort(rng.uniform(0, 100, 60)).round(1)
    windows = np.arange(0, 101, 20)
    starts = np.searchsorted(times, windows[:-1], side="left")
    ends = np.searchsorted(times, windows[1:], side="left")
    per_window = ends - starts
    dup = np.array([1, 2, 2, 2, 5, 7, 7])
    left = np.searchsorted(dup, [2, 7, 0, 9])
    right = np.searchsorted(dup, [2, 7, 0, 9], side="right")
    unsorted = np.array([40, 10, 30, 20])
    order = np.argsort(unsorted)
    pos = np.searchsorted(unsorted, [25, 35], sorter=order)
    states = np.array([0, 0, 1, 1, 1, 0, 2, 2, 0, 0, 0])
    change = np.flatnonzero(np.diff(states)) + 1
    run_starts = np.concatenate([[0], change])
    run_lengths = np.diff(np.concatenate([run_starts, [states.size]]))
    run_values = states[run_starts]
    gaps = np.diff(times) > 4.0
    session_id = np.concatenate([[0], np.cumsum(gaps)])
    session_sizes = np.bincount(session_id)
    flags = np.array([1, 1, 0, 1, 1, 1, 0, 0, 1])
    c = np.cumsum(flags)
    resets = c - np.maximum.accumulate(np.where(flags == 0, c, 0))
    scores = rng.integers(0, 100, 10)
    ranks = np.searchsorted(np.sort(scores), scores, side="right")
    return {
        "per_window": per_window,
        "total": int(per_window.sum()),
        "left": left,
        "right": right,
        "counts_of": right - left,
        "sorter_pos": pos,
        "runs": list(zip(run_values.tolist(), run_lengths.tolist())),
        "n_sessions": int(session_id[-1] + 1),
        "largest_session": int(session_sizes.max()),
        "streaks": resets,
        "ranks": ranks,
        "scalar": np.searchsorted(dup, 5),
        "scalar_type": type(int(np.searchsorted(dup, 5))).__name__,
        "dtype": left.dtype,
    }


if __name__ == "__main__":
    print(main())

"""Quantile binning of scores into preallocated outputs (NumPy's out= arguments)."""
import numpy as np


def main():
    rng = np.random.default_rng(2718)
    scores = rng.gamma(2.0, 10.0, size=(6, 50))
    scores[1, ::7] = np.nan
    edges = np.empty((6, 5))
    for i in range(6):
        np.nanquantile(scores[i], [0.0, 0.25, 0.5, 0.75, 1.0], out=edges[i])
    med_out = np.zeros(5)
    np.median(scores[[0, 2, 3, 4, 5]], axis=1, out=med_out)
    bins = np.array([np.digitize(scores[i], edges[i, 1:-1]) for i in range(6)])
    counts = np.array([np.bincount(b[b < 4], minlength=4) for b in bins])
    p90 = np.zeros(6)
    np.nanpercentile(scores, 90, axis=1, out=p90)
    totals = np.zeros(6)
    np.nansum(scores, axis=1, out=totals)
    means = np.zeros(6)
    np.nanmean(scores, axis=1, out=means)
    spread = np.zeros(6)
    np.ptp(scores[[0, 2]], axis=1, out=spread[:2])
    cum = np.zeros(50)
    np.cumsum(np.nan_to_num(scores[1]), out=cum)
    clipped = np.empty_like(scores[0])
    np.clip(scores[0], 5, 40, out=clipped)
    rounded = np.empty(6)
    np.around(means, 2, out=rounded)
    prod = np.ones(3)
    np.nanprod(scores[:3, :4] / 10, axis=1, out=prod)
    trace_out = np.zeros(())
    np.einsum("ii", scores[:, :6], out=trace_out)
    return {
        "edges": edges,
        "medians": med_out,
        "counts": counts,
        "p90": p90,
        "totals": totals,
        "means": means,
        "spread": spread[:2],
        "cum_tail": cum[-5:],
        "clipped_sum": clipped.sum(),
        "rounded": rounded,
        "prod": prod,
        "trace": trace_out,
    }

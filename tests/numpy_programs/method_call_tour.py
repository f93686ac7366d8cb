"""Method-style calls on arrays, the way users chain them."""
import numpy as np


def main():
    rng = np.random.default_rng(77)
    a = rng.integers(0, 20, (4, 5))
    total = a.sum()
    col_max = a.max(axis=0)
    row_arg = a.argmax(axis=1)
    means = a.mean(axis=1).round(3)
    f = a.astype(np.float32) / 3
    back = f.astype(int)
    # NumPy's default (quicksort) order of equal values is unspecified: its SIMD sort
    # on an AVX-512 machine and its insertion sort elsewhere order ties differently
    sorted_idx = a.argsort(axis=1, kind="stable")
    flat_sorted = a.ravel().copy()
    flat_sorted.sort()
    lst = a.T.tolist()
    first = a[0, 0].item()
    big = a.max().item()
    nz_rows, nz_cols = (a > 15).nonzero()
    cp = a.copy()
    cp[cp > 10] = 0
    cum = a.cumsum(axis=1)
    cprod = (a[:, :3] % 3 + 1).cumprod(axis=0)
    std = a.std()
    var = a.var(ddof=1)
    anyall = np.array([(a > 18).any(), (a >= 0).all()])
    trace = a[:, :4].trace()
    clipped = a.clip(5, 15)
    rounded = (a / 7).round(2)
    filled = np.empty(3)
    filled.fill(2.5)
    reshaped = a.reshape(2, 10).swapaxes(0, 1)
    dp = a[:, :4].dot(a[:, :4].T)
    flat = a.flatten()
    sq = a.reshape(1, 4, 5).squeeze()
    mn = a.min(keepdims=True)
    cnt = (a % 2 == 0).sum(axis=0)
    uniq = np.unique(a).size
    return {
        "total": total, "col_max": col_max, "row_arg": row_arg, "means": means,
        "f": f, "back": back, "sorted_idx": sorted_idx, "flat_sorted": flat_sorted,
        "lst": lst, "first": first, "big": big, "nz_rows": nz_rows, "nz_cols": nz_cols,
        "cp": cp, "cum": cum, "cprod": cprod, "std": std, "var": var, "anyall": anyall,
        "trace": trace, "clipped": clipped, "rounded": rounded, "filled": filled,
        "reshaped": reshaped, "dp": dp, "flat": flat, "sq": sq, "mn": mn, "cnt": cnt,
        "uniq": uniq,
    }

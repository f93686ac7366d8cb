"""Weighted survey statistics: np.average with weights and returned=True along an
axis, a weighted variance, np.mean/np.sum with where=, np.cov with aweights and
fweights, np.corrcoef of columns (rowvar=False), and weighted quantiles."""
import numpy as np


def main():
    rng = np.random.default_rng(31)
    n = 40
    age = rng.integers(18, 80, n).astype(float)
    income = 20_000 + 600 * age + rng.normal(0, 8_000, n)
    happy = np.clip(5 + 0.00003 * income + rng.normal(0, 1, n), 0, 10)
    w = rng.uniform(0.5, 2.0, n)
    avg_income, wsum = np.average(income, weights=w, returned=True)
    data = np.column_stack([age, income, happy])
    col_avg, col_w = np.average(data, axis=0, weights=w, returned=True)
    wvar = np.average((income - avg_income) ** 2, weights=w)
    adults = age >= 30
    mean_adult = np.mean(happy, where=adults)
    sum_young = np.sum(income, where=~adults)
    cov_aw = np.cov(data, rowvar=False, aweights=w)
    freq = rng.integers(1, 4, n)
    cov_fw = np.cov(age, income, fweights=freq)
    corr = np.corrcoef(data, rowvar=False)
    q = np.quantile(income, [0.25, 0.5, 0.75], method="inverted_cdf", weights=w)
    std_cols = np.std(data, axis=0, ddof=1)
    share = np.sum(w, where=adults) / w.sum()
    return {"avg_income": avg_income, "wsum": wsum, "col_avg": col_avg, "col_w": col_w,
            "wvar": wvar, "mean_adult": mean_adult, "sum_young": sum_young,
            "cov_aw": cov_aw, "cov_fw": cov_fw, "corr": corr, "q": q,
            "std_cols": std_cols, "share": share,
            "bias_cov": np.cov(age, bias=True), "ddof0": np.cov(age, ddof=0)}


if __name__ == "__main__":
    print(main())

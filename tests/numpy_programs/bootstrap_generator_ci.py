"""Statistics coursework: bootstrap confidence intervals with a seeded Generator."""
import numpy as np


def main():
    rng = np.random.default_rng(12345)
    sample = rng.exponential(scale=2.0, size=60)
    n_boot = 500
    idx = rng.integers(0, sample.size, size=(n_boot, sample.size))
    boots = sample[idx]
    means = boots.mean(axis=1)
    medians = np.median(boots, axis=1)
    ci_mean = np.percentile(means, [2.5, 97.5])
    ci_median = np.quantile(medians, [0.025, 0.975])
    se = means.std(ddof=1)

    choice_boot = np.array([rng.choice(sample, size=sample.size, replace=True).mean()
                            for _ in range(50)])
    perm = rng.permutation(sample)
    group_a, group_b = perm[:30], perm[30:]
    diff = group_a.mean() - group_b.mean()

    observed = sample[:30].mean() - sample[30:].mean()
    null = np.empty(200)
    for k in range(200):
        shuffled = rng.permutation(sample)
        null[k] = shuffled[:30].mean() - shuffled[30:].mean()
    p_value = (np.abs(null) >= abs(observed)).mean()
    return {
        "ci_mean": ci_mean,
        "ci_median": ci_median,
        "se": se,
        "choice_boot": choice_boot,
        "diff": diff,
        "p_value": p_value,
        "sample_mean": sample.mean(),
    }

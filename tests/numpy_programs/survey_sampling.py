"""Survey sampling with np.random.default_rng: choice with and without
replacement and probabilities, permutations, shuffling rows, stratified means
and bootstrap confidence intervals."""
import numpy as np


def main():
    rng = np.random.default_rng(99)
    ages = rng.normal(40, 12, size=300).clip(18, 90)
    region = rng.choice(["north", "south", "east"], size=300, p=[0.5, 0.3, 0.2])
    sample = rng.choice(300, size=30, replace=False)
    perm = rng.permutation(10)
    table = np.arange(12).reshape(4, 3)
    rng.shuffle(table)
    means = {r: ages[region == r].mean() for r in ("north", "south", "east")}
    boot = np.array([rng.choice(ages, size=ages.size).mean() for _ in range(200)])
    lo, hi = np.percentile(boot, [2.5, 97.5])
    ints = rng.integers(0, 5, size=(3, 4), endpoint=True)
    u = rng.random(4)
    expo = rng.exponential(2.0, size=3)
    pois = rng.poisson(3.0, size=5)
    return {"sample": np.sort(sample), "perm": perm, "table": table,
            "north": means["north"], "south": means["south"], "east": means["east"],
            "counts": np.unique(region, return_counts=True)[1], "ci": np.array([lo, hi]),
            "ints": ints, "u": u, "expo": expo, "pois": pois, "age_mean": float(ages.mean())}


if __name__ == "__main__":
    print(main())

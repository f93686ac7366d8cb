"""A seeded Generator's distributions and helpers: integers, floats, normal,
choice with and without replacement, permutation, shuffle, binomial, poisson and
more, with summary statistics of each."""
import numpy as np


def main():
    rng = np.random.default_rng(2024)
    ints = rng.integers(1, 7, size=(100, 2))
    dice_sum = ints.sum(axis=1)
    floats = rng.random((3, 4))
    normal = rng.normal(loc=5.0, scale=2.0, size=1000)
    std_normal = rng.standard_normal(5)
    pick = rng.choice(10, size=5, replace=False)
    weighted = rng.choice(np.array([10, 20, 30]), size=20, p=[0.2, 0.5, 0.3])
    perm = rng.permutation(8)
    deck = np.arange(10)
    rng.shuffle(deck)
    binom = rng.binomial(10, 0.3, size=50)
    pois = rng.poisson(3.0, size=50)
    expo = rng.exponential(2.0, size=50)
    unif = rng.uniform(-1, 1, size=10)
    gamma = rng.gamma(2.0, 1.5, size=10)
    beta = rng.beta(2.0, 5.0, size=10)
    mvn = rng.multivariate_normal([0.0, 1.0], [[1.0, 0.5], [0.5, 2.0]], size=5)
    geom = rng.geometric(0.25, size=10)
    closed = rng.integers(0, 3, size=10, endpoint=True)
    return {"ints": ints, "dice_hist": np.bincount(dice_sum, minlength=13),
            "floats": floats, "normal_mean": normal.mean(), "normal_std": normal.std(),
            "std_normal": std_normal, "pick": pick, "weighted": weighted, "perm": perm,
            "deck": deck, "binom": binom, "pois": pois, "expo": expo, "unif": unif,
            "gamma": gamma, "beta": beta, "mvn": mvn, "geom": geom, "closed": closed,
            "lognormal": rng.lognormal(0.0, 0.5, size=4),
            "laplace": rng.laplace(0.0, 1.0, size=4),
            "multinomial": rng.multinomial(20, [0.2, 0.3, 0.5], size=3)}


if __name__ == "__main__":
    print(main())

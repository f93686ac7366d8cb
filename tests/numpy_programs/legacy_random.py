"""The legacy global random state: seed, rand, randn, randint, random_sample,
choice, shuffle, permutation and a few distributions, reproducible after
reseeding, plus a RandomState object."""
import numpy as np


def main():
    np.random.seed(123)
    a = np.random.rand(3, 2)
    b = np.random.randn(4)
    c = np.random.randint(0, 10, size=6)
    d = np.random.random_sample(3)
    e = np.random.choice([1, 2, 3, 4], size=5)
    f = np.arange(6)
    np.random.shuffle(f)
    g = np.random.permutation(5)
    h = np.random.normal(10.0, 2.0, size=3)
    u = np.random.uniform(-1, 1, size=3)
    np.random.seed(123)
    again = np.random.rand(3, 2)
    rs = np.random.RandomState(7)
    rs_vals = rs.randint(0, 100, size=4)
    rs_norm = rs.standard_normal(2)
    binom = np.random.binomial(5, 0.5, size=4)
    pois = np.random.poisson(2.0, size=4)
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "g": g, "h": h, "u": u,
            "again": again, "same": np.array_equal(a, again), "rs_vals": rs_vals,
            "rs_norm": rs_norm, "binom": binom, "pois": pois,
            "random": np.random.random((2, 2)), "single": np.random.randint(5)}


if __name__ == "__main__":
    print(main())

"""The legacy np.random module: global seeding and RandomState."""
import numpy as np


def simulate_walk(steps):
    moves = np.random.choice([-1, 1], size=steps)
    return np.cumsum(moves)


def main():
    np.random.seed(42)
    a = np.random.rand(3)
    b = np.random.randn(2, 2)
    c = np.random.randint(0, 10, size=6)
    d = np.random.random_sample(3)
    e = np.random.uniform(5, 6, size=2)
    f = np.random.normal(100, 15, size=3)
    walk = simulate_walk(20)
    arr = np.arange(10)
    np.random.shuffle(arr)
    perm = np.random.permutation(5)
    np.random.seed(42)
    a_again = np.random.rand(3)
    rs = np.random.RandomState(7)
    r1 = rs.randint(1, 100, size=4)
    r2 = rs.standard_normal(2)
    r3 = rs.choice(5, 3, replace=False)
    r4 = rs.binomial(20, 0.5, size=3)
    r5 = rs.poisson(2.5, size=3)
    r6 = rs.exponential(1.0, size=2)
    rs2 = np.random.RandomState(7)
    r1_again = rs2.randint(1, 100, size=4)
    state_rs = np.random.RandomState(99)
    st = state_rs.get_state()
    first = state_rs.random_sample(2)
    state_rs.set_state(st)
    second = state_rs.random_sample(2)
    return {
        "a": a,
        "b": b,
        "c": c,
        "d": d,
        "e": e,
        "f": f,
        "walk": walk,
        "shuffled": arr,
        "perm": perm,
        "repeat": bool(np.array_equal(a, a_again)),
        "r1": r1,
        "r2": r2,
        "r3": r3,
        "r4": r4,
        "r5": r5,
        "r6": r6,
        "same_seed": bool(np.all(r1 == r1_again)),
        "restored": first - second,
    }

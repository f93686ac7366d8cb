"""numpy.random.Generator methods used in simulations: choice with p, shuffle, multinomial."""
import numpy as np


def main():
    rng = np.random.default_rng(2024)
    normals = rng.normal(loc=10.0, scale=2.0, size=(3, 4))
    std_norm = rng.standard_normal(5)
    dice = rng.integers(1, 6, size=10, endpoint=True)
    coins = rng.integers(2, size=8)
    colours = rng.choice(4, size=12, p=[0.1, 0.2, 0.3, 0.4])
    without = rng.choice(10, size=5, replace=False)
    picked_rows = rng.choice(np.arange(20).reshape(5, 4), size=2, axis=0, replace=False)
    perm = rng.permutation(8)
    perm_arr = rng.permutation(np.arange(10, 16))
    deck = np.arange(10)
    rng.shuffle(deck)
    votes = rng.multinomial(100, [0.5, 0.3, 0.2])
    multi_votes = rng.multinomial(20, [0.25] * 4, size=3)
    successes = rng.binomial(10, 0.3, size=6)
    uniform = rng.uniform(-1, 1, size=4)
    rand = rng.random((2, 2))
    poisson = rng.poisson(3.0, size=5)
    expo = rng.exponential(2.0, size=3)
    child = np.random.default_rng(2024)
    replay = child.normal(loc=10.0, scale=2.0, size=(3, 4))
    return {
        "normals": normals,
        "std_norm": std_norm,
        "dice": dice,
        "coins": coins,
        "colours": colours,
        "without": without,
        "picked_rows": picked_rows,
        "perm": perm,
        "perm_arr": perm_arr,
        "deck": deck,
        "votes": votes,
        "votes_total": votes.sum(),
        "multi_votes": multi_votes,
        "successes": successes,
        "uniform": uniform,
        "rand": rand,
        "poisson": poisson,
        "expo": expo,
        "replay_same": bool(np.array_equal(replay, normals)),
    }


if __name__ == "__main__":
    print(main())

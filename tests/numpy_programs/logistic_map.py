"""The logistic map across many growth rates at once: transients discarded,
attractor sizes from rounded unique values, Lyapunov exponents, period doubling
points, and a cobweb of a single orbit."""
import numpy as np


def main():
    rates = np.linspace(2.8, 4.0, 61)
    x = np.full(rates.shape, 0.5)
    for _ in range(500):
        x = rates * x * (1 - x)
    orbit = np.empty((200, rates.size))
    lyap = np.zeros(rates.size)
    for k in range(200):
        x = rates * x * (1 - x)
        orbit[k] = x
        lyap += np.log(np.abs(rates * (1 - 2 * x)))
    lyap /= 200
    sizes = np.array([np.unique(np.round(orbit[:, i], 4)).size for i in range(rates.size)])
    chaotic = rates[lyap > 0]
    doubling = rates[np.flatnonzero(np.diff(sizes) > 0) + 1]
    r = 3.2
    cob = [0.1]
    for _ in range(10):
        cob.append(r * cob[-1] * (1 - cob[-1]))
    return {"sizes": sizes, "lyap": lyap, "first_chaos": chaotic.min(),
            "n_chaotic": chaotic.size, "doubling": doubling[:3], "cobweb": np.array(cob),
            "final": orbit[-1], "mean_orbit": orbit.mean(axis=0)}


if __name__ == "__main__":
    print(main())

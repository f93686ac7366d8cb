"""An absorbing Markov chain (gambler's ruin): the fundamental matrix, expected
steps to absorption, absorption probabilities, matrix powers and a stationary
distribution from an eigenvector."""
import numpy as np


def main():
    n = 7                       # states 0..6, 0 and 6 absorbing
    p = 0.45
    P = np.zeros((n, n))
    P[0, 0] = P[-1, -1] = 1.0
    for i in range(1, n - 1):
        P[i, i + 1] = p
        P[i, i - 1] = 1 - p
    transient = np.arange(1, n - 1)
    absorbing = np.array([0, n - 1])
    Q = P[np.ix_(transient, transient)]
    R = P[np.ix_(transient, absorbing)]
    N = np.linalg.inv(np.eye(len(transient)) - Q)
    steps = N @ np.ones(len(transient))
    B = N @ R
    P50 = np.linalg.matrix_power(P, 50)
    start = np.zeros(n)
    start[3] = 1.0
    dist = start.copy()
    history = [dist]
    for _ in range(20):
        dist = dist @ P
        history.append(dist)
    weather = np.array([[0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.2, 0.3, 0.5]])
    vals, vecs = np.linalg.eig(weather.T)
    k = np.argmin(np.abs(vals - 1.0))
    stationary = np.real(vecs[:, k])
    stationary = stationary / stationary.sum()
    rng = np.random.default_rng(3)
    state, visits = 0, np.zeros(3, dtype=int)
    for _ in range(3000):
        state = rng.choice(3, p=weather[state])
        visits[state] += 1
    return {"N": N, "steps": steps, "B": B, "P50": P50, "history": np.array(history),
            "stationary": stationary, "check": stationary @ weather,
            "visits": visits, "row_sums": P.sum(axis=1),
            "is_stochastic": np.allclose(weather.sum(axis=1), 1.0)}


if __name__ == "__main__":
    print(main())

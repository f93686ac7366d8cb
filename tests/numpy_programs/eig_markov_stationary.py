"""A weather Markov chain: the stationary distribution three ways (left
eigenvector from np.linalg.eig, matrix_power, power iteration), expected
return times, simulated paths with a seeded Generator and absorbing-chain
fundamental matrix."""
import numpy as np


def main():
    P = np.array([[0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.2, 0.3, 0.5]])
    vals, vecs = np.linalg.eig(P.T)
    k = np.argmin(np.abs(vals - 1))
    pi_eig = np.real(vecs[:, k])
    pi_eig = pi_eig / pi_eig.sum()
    pi_pow = np.linalg.matrix_power(P, 50)[0]
    pi = np.full(3, 1 / 3)
    iters = 0
    while True:
        nxt = pi @ P
        iters += 1
        if np.abs(nxt - pi).sum() < 1e-12:
            break
        pi = nxt
    rng = np.random.default_rng(99)
    state, counts = 0, np.zeros(3, dtype=np.int64)
    for _ in range(2000):
        state = rng.choice(3, p=P[state])
        counts[state] += 1
    Q = np.array([[0.5, 0.3], [0.2, 0.6]])
    N = np.linalg.inv(np.eye(2) - Q)
    steps = N.sum(axis=1)
    eigvals_sorted = np.sort(np.abs(vals))[::-1]
    return {
        "pi_eig": pi_eig,
        "pi_pow": pi_pow,
        "pi_iter": nxt,
        "iters": iters,
        "agree": bool(np.allclose(pi_eig, pi_pow) and np.allclose(pi_pow, nxt)),
        "return_times": 1 / pi_eig,
        "empirical": counts / counts.sum(),
        "eig_abs": eigvals_sorted,
        "eig_dtype": np.real_if_close(vals).dtype.kind,
        "fundamental": N,
        "expected_steps": steps,
        "row_sums": P.sum(axis=1),
        "stochastic": bool(np.allclose(np.linalg.matrix_power(P, 7).sum(axis=1), 1)),
    }


if __name__ == "__main__":
    print(main())

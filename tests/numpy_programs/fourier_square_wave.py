"""Physics: Fourier series partial sums of square and sawtooth waves."""
import numpy as np


def main():
    x = np.linspace(-np.pi, np.pi, 401)
    n_terms = np.array([1, 3, 9, 27])
    partials = []
    for n in n_terms:
        k = np.arange(1, 2 * n, 2)
        terms = np.sin(np.outer(k, x)) / k[:, None]
        partials.append(4 / np.pi * terms.sum(axis=0))
    partials = np.array(partials)
    target = np.sign(x)
    err = np.abs(partials - target)[:, 50:150].max(axis=1)
    overshoot = partials.max(axis=1)

    k = np.arange(1, 51)
    saw = 2 * ((-1.0) ** (k + 1) / k) @ np.sin(np.outer(k, x))
    saw_err = np.sqrt(np.mean((saw - x)[20:-20] ** 2))
    coef = np.array([np.trapezoid(np.sign(x) * np.sin(j * x), x) / np.pi for j in range(1, 8)])
    energy = np.cumsum(coef ** 2)
    return {
        "partials_mid": partials[:, 300],
        "err": err,
        "overshoot": overshoot,
        "saw_err": saw_err,
        "coef": coef,
        "energy": energy,
        "shape": np.array(partials.shape),
    }

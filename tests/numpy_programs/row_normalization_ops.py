import numpy as np


def main():
    X = np.array([
        [3.0, 4.0, 0.0, 12.0],
        [1.0, 1.0, 1.0, 1.0],
        [0.0, 0.0, 0.0, 0.0],
        [-2.0, 5.0, 2.5, -0.5],
        [10.0, 0.0, -10.0, 5.0],
    ])
    l2 = np.linalg.norm(X, axis=1, keepdims=True)
    unit = np.divide(X, l2, out=np.zeros_like(X), where=l2 != 0)
    l1 = np.abs(X).sum(axis=1, keepdims=True)
    prob = np.divide(np.abs(X), l1, out=np.zeros_like(X), where=l1 > 0)
    maxabs = np.abs(X).max(axis=1, keepdims=True)
    scaled = X / np.where(maxabs == 0, 1.0, maxabs)
    lo = X.min(axis=0)
    hi = X.max(axis=0)
    minmax = (X - lo) / (hi - lo)
    z = (X - X.mean(axis=1, keepdims=True)) / np.maximum(X.std(axis=1, keepdims=True), 1e-12)
    centred = X - X.mean(axis=0)
    cosine = unit @ unit.T
    # normalize in place for a float32 copy
    F = X.astype(np.float32)
    F /= np.maximum(np.linalg.norm(F, ord=1, axis=1, keepdims=True), np.float32(1e-6))
    inf_norms = np.linalg.norm(X, ord=np.inf, axis=1)
    fro = np.linalg.norm(X)
    return {
        "l2": l2.ravel(),
        "unit": unit,
        "unit_norms": np.linalg.norm(unit, axis=1),
        "prob": prob,
        "scaled": scaled,
        "minmax": minmax,
        "z": z,
        "centred_mean": np.abs(centred.mean(axis=0)).max() < 1e-12,
        "cosine": cosine,
        "F": F,
        "F_dtype": str(F.dtype),
        "inf_norms": inf_norms,
        "fro": fro,
    }

import numpy as np


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def main():
    rng = np.random.default_rng(3)
    n, d, k = 90, 4, 3
    centers = np.array([[2.0, 0, 0, 1], [0, 2.0, 1, 0], [-1, -1, 2.0, 0]])
    labels = np.repeat(np.arange(k), n // k)
    X = centers[labels] + rng.standard_normal((n, d))
    Y = np.eye(k)[labels]
    W = np.zeros((d, k))
    b = np.zeros(k)
    history = []
    for step in range(200):
        P = softmax(X @ W + b)
        loss = -np.sum(Y * np.log(P + 1e-15)) / n
        dZ = (P - Y) / n
        W -= 1.0 * X.T @ dZ
        b -= 1.0 * dZ.sum(axis=0)
        if step % 40 == 0:
            history.append(loss)
    P = softmax(X @ W + b)
    pred = P.argmax(axis=1)
    # numerically extreme logits stay finite thanks to the max subtraction
    big = softmax(np.array([[1000.0, 1001.0, 1002.0], [-1000.0, 0.0, 1000.0]]))
    onehot_back = Y.argmax(axis=1)
    nll_picked = -np.log(P[np.arange(n), labels])
    return {
        "history": np.array(history),
        "accuracy": float((pred == labels).mean()),
        "W": W,
        "b": b,
        "row_sums": P.sum(axis=1)[:5],
        "big": big,
        "big_finite": bool(np.isfinite(big).all()),
        "onehot_roundtrip": bool(np.array_equal(onehot_back, labels)),
        "onehot_dtype": str(Y.dtype),
        "nll_picked_mean": nll_picked.mean(),
        "class_counts": Y.sum(axis=0).astype(int),
    }

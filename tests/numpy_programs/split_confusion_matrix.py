import numpy as np


def train_test_split(X, y, test_frac, rng):
    idx = rng.permutation(len(X))
    n_test = int(round(test_frac * len(X)))
    test, train = idx[:n_test], idx[n_test:]
    return X[train], X[test], y[train], y[test]


def nearest_centroid_fit(X, y, k):
    return np.array([X[y == c].mean(axis=0) for c in range(k)])


def main():
    rng = np.random.default_rng(11)
    k = 4
    y = rng.integers(0, k, size=160)
    X = y[:, None] * np.array([1.0, 0.6]) + rng.normal(scale=0.7, size=(160, 2))
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, 0.25, rng)
    centroids = nearest_centroid_fit(X_tr, y_tr, k)
    d = ((X_te[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=-1)
    pred = d.argmin(axis=1)
    cm = np.zeros((k, k), dtype=int)
    np.add.at(cm, (y_te, pred), 1)
    cm2 = np.bincount(y_te * k + pred, minlength=k * k).reshape(k, k)
    tp = np.diag(cm)
    col = cm.sum(axis=0)
    row = cm.sum(axis=1)
    precision = np.divide(tp, col, out=np.zeros(k), where=col > 0)
    recall = np.divide(tp, row, out=np.zeros(k), where=row > 0)
    f1 = np.where(precision + recall > 0,
                  2 * precision * recall / np.maximum(precision + recall, 1e-12), 0.0)
    return {
        "sizes": np.array([len(X_tr), len(X_te)]),
        "centroids": centroids,
        "cm": cm,
        "same_cm": bool((cm == cm2).all()),
        "accuracy": np.trace(cm) / cm.sum(),
        "precision": precision,
        "recall": recall,
        "macro_f1": f1.mean(),
        "most_confused": np.unravel_index(np.argmax(cm - np.diag(tp)), cm.shape),
    }

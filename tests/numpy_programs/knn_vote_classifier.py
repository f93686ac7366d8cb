import numpy as np


def pairwise_sq_dists(A, B):
    return (A**2).sum(1)[:, None] - 2 * A @ B.T + (B**2).sum(1)[None, :]


def knn_predict(X_train, y_train, X_query, k, n_classes):
    d = pairwise_sq_dists(X_query, X_train)
    nearest = np.argsort(d, axis=1, kind="stable")[:, :k]
    votes = y_train[nearest]
    counts = np.array([np.bincount(v, minlength=n_classes) for v in votes])
    return counts.argmax(axis=1), counts, nearest


def main():
    rng = np.random.default_rng(21)
    centers = np.array([[0.0, 0.0], [3.0, 0.5], [1.0, 3.0]])
    y_train = np.tile(np.arange(3), 20)
    X_train = centers[y_train] + rng.normal(scale=0.9, size=(60, 2))
    grid = np.array([[x, y] for x in np.linspace(-1, 4, 6) for y in np.linspace(-1, 4, 6)])
    pred, counts, nearest = knn_predict(X_train, y_train, grid, 5, 3)
    # leave-one-out accuracy for several k
    d_self = pairwise_sq_dists(X_train, X_train)
    np.fill_diagonal(d_self, np.inf)
    order = np.argsort(d_self, axis=1)
    loo = {}
    for k in (1, 3, 7):
        votes = y_train[order[:, :k]]
        onehot = (votes[..., None] == np.arange(3)).sum(axis=1)
        loo[k] = float((onehot.argmax(axis=1) == y_train).mean())
    # weighted vote with inverse distance
    dist = np.sqrt(np.maximum(pairwise_sq_dists(grid, X_train), 0))
    part = np.argpartition(dist, 5, axis=1)[:, :5]
    dnear = np.take_along_axis(dist, part, axis=1)
    weights = 1.0 / (dnear + 1e-9)
    wvotes = np.zeros((len(grid), 3))
    for c in range(3):
        wvotes[:, c] = (weights * (y_train[part] == c)).sum(axis=1)
    return {
        "pred": pred.reshape(6, 6),
        "counts_first": counts[:4],
        "nearest_first": nearest[0],
        "loo_1": loo[1],
        "loo_3": loo[3],
        "loo_7": loo[7],
        "weighted_pred": wvotes.argmax(axis=1),
        "agree": float((wvotes.argmax(axis=1) == pred).mean()),
    }

"""Recommender: matrix factorisation of a sparse ratings matrix by alternating least squares."""
import numpy as np


def als(r, mask, rank, lam, iters):
    n_users, n_items = r.shape
    rng = np.random.default_rng(0)
    u = rng.normal(scale=0.1, size=(n_users, rank))
    v = rng.normal(scale=0.1, size=(n_items, rank))
    eye = lam * np.eye(rank)
    losses = []
    for _ in range(iters):
        for i in range(n_users):
            vi = v[mask[i]]
            u[i] = np.linalg.solve(vi.T @ vi + eye, vi.T @ r[i, mask[i]])
        for j in range(n_items):
            uj = u[mask[:, j]]
            v[j] = np.linalg.solve(uj.T @ uj + eye, uj.T @ r[mask[:, j], j])
        err = (r - u @ v.T)[mask]
        losses.append(np.sqrt(np.mean(err ** 2)))
    return u, v, np.array(losses)


def main():
    rng = np.random.default_rng(9)
    true_u = rng.normal(size=(12, 3))
    true_v = rng.normal(size=(10, 3))
    full = np.clip(3.0 + true_u @ true_v.T, 1.0, 5.0)
    mask = rng.random(full.shape) < 0.6
    mask[np.arange(12), np.arange(12) % 10] = True
    mask[np.arange(10) % 12, np.arange(10)] = True
    observed = np.where(mask, full, 0.0)
    u, v, losses = als(observed, mask, 3, 0.1, 15)
    pred = np.clip(u @ v.T, 1.0, 5.0)
    held = ~mask
    test_rmse = np.sqrt(np.mean((pred - full)[held] ** 2))
    # top-2 unseen recommendation per user
    scores = np.where(mask, -np.inf, pred)
    top2 = np.argsort(-scores, axis=1, kind="stable")[:, :2]
    user_bias = observed.sum(axis=1) / mask.sum(axis=1)
    return {
        "train_rmse": losses,
        "test_rmse": test_rmse,
        "top2": top2,
        "density": mask.mean(),
        "user_bias": user_bias,
        "pred_row": pred[0],
    }

"""A tiny item recommender: a user-by-item ratings matrix with zeros for unrated,
mean-centred ratings, cosine similarity between users, predictions as similarity
weighted averages of neighbours, and the top recommendations per user."""
import numpy as np


def main():
    rng = np.random.default_rng(21)
    ratings = rng.integers(1, 6, size=(8, 10)).astype(float)
    ratings[rng.random(ratings.shape) < 0.4] = 0.0
    rated = ratings > 0
    counts = rated.sum(axis=1)
    means = ratings.sum(axis=1) / np.maximum(counts, 1)
    centred = np.where(rated, ratings - means[:, None], 0.0)
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    unit = centred / np.where(norms == 0, 1, norms)
    sim = unit @ unit.T
    np.fill_diagonal(sim, 0.0)
    k = 3
    neighbours = np.argsort(-sim, axis=1, kind="stable")[:, :k]
    top_sim = np.take_along_axis(sim, neighbours, axis=1)
    pred = np.zeros_like(ratings)
    for u in range(ratings.shape[0]):
        nb = neighbours[u]
        w = top_sim[u]
        num = (w[:, None] * centred[nb]).sum(axis=0)
        den = (np.abs(w)[:, None] * rated[nb]).sum(axis=0)
        pred[u] = means[u] + np.divide(num, den, out=np.zeros_like(num), where=den > 0)
    pred = np.clip(pred, 1, 5)
    candidates = np.where(rated, -np.inf, pred)
    recs = np.argsort(candidates, axis=1, kind="stable")[:, ::-1][:, :2]
    item_sim = (ratings.T @ ratings) / np.outer(np.linalg.norm(ratings, axis=0),
                                                np.linalg.norm(ratings, axis=0))
    return {"counts": counts, "means": means, "sim": sim.round(6), "neighbours": neighbours,
            "pred": pred, "recs": recs, "most_similar_pair": np.unravel_index(np.argmax(sim), sim.shape),
            "item_sim_diag": np.diag(item_sim), "popular": np.argsort(rated.sum(axis=0))[-3:],
            "sparsity": 1 - rated.mean()}


if __name__ == "__main__":
    print(main())

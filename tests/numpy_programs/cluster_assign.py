"""Lloyd's k-means with broadcast distances, k-means++ seeding and inertia tracking."""
import numpy as np


def seed_centres(x, k, rng):
    centres = [x[rng.integers(len(x))]]
    for _ in range(k - 1):
        d2 = np.min(((x[:, None, :] - np.array(centres)[None]) ** 2).sum(-1), axis=1)
        centres.append(x[rng.choice(len(x), p=d2 / d2.sum())])
    return np.array(centres)


def lloyd(x, centres, iters=20):
    history = []
    for _ in range(iters):
        d2 = ((x[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
        labels = np.argmin(d2, axis=1)
        history.append(d2[np.arange(len(x)), labels].sum())
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        counts = np.bincount(labels, minlength=len(centres))
        new = np.where(counts[:, None] > 0, sums / np.maximum(counts, 1)[:, None], centres)
        if np.allclose(new, centres):
            break
        centres = new
    return centres, labels, np.array(history)


def main():
    rng = np.random.default_rng(21)
    true = np.array([[0.0, 0.0], [5.0, 5.0], [0.0, 6.0], [6.0, -1.0]])
    x = np.concatenate([c + rng.normal(scale=0.8, size=(60, 2)) for c in true])
    start = seed_centres(x, 4, rng)
    centres, labels, hist = lloyd(x, start)
    order = np.lexsort((centres[:, 1], centres[:, 0]))
    centres = centres[order]
    remap = np.argsort(order)
    labels = remap[labels]
    sizes = np.bincount(labels, minlength=4)
    spread = np.array([x[labels == k].std(axis=0).mean() for k in range(4)])
    return {
        "centres": centres,
        "sizes": sizes,
        "inertia": hist[-1],
        "monotone": bool(np.all(np.diff(hist) <= 1e-9)),
        "iterations": hist.size,
        "spread": spread,
        "first_labels": labels[:10],
    }

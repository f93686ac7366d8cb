"""Distance matrices with broadcasting: nearest neighbours, tour length, great circles."""
import numpy as np


def main():
    rng = np.random.default_rng(11)
    pts = rng.uniform(0, 100, size=(12, 2)).round(1)
    diff = pts[:, None, :] - pts[None, :, :]
    d = np.sqrt((diff ** 2).sum(axis=-1))
    d2 = np.hypot(diff[..., 0], diff[..., 1])
    masked = d + np.diag(np.full(len(pts), np.inf))
    nearest = masked.argmin(axis=1)
    nn_dist = masked.min(axis=1)
    i, j = np.unravel_index(np.argmax(d), d.shape)
    # greedy tour
    tour = [0]
    left = set(range(1, len(pts)))
    while left:
        cand = np.array(sorted(left))
        nxt = cand[np.argmin(d[tour[-1], cand])]
        tour.append(int(nxt))
        left.remove(int(nxt))
    tour = np.array(tour + [0])
    length = d[tour[:-1], tour[1:]].sum()
    manhattan = np.abs(diff).sum(axis=-1)
    chebyshev = np.abs(diff).max(axis=-1)
    lat = np.radians(np.array([51.5, 48.9, 40.7, 35.7]))
    lon = np.radians(np.array([-0.1, 2.35, -74.0, 139.7]))
    dlat = lat[:, None] - lat
    dlon = lon[:, None] - lon
    a = np.sin(dlat / 2) ** 2 + np.cos(lat[:, None]) * np.cos(lat) * np.sin(dlon / 2) ** 2
    km = 2 * 6371 * np.arcsin(np.sqrt(a))
    return {
        "d": np.round(d, 4),
        "same": bool(np.allclose(d, d2)),
        "symmetric": bool((d == d.T).all()),
        "nearest": nearest,
        "nn_dist": nn_dist,
        "far_pair": (int(i), int(j)),
        "tour": tour,
        "length": round(float(length), 6),
        "manhattan": manhattan[:3],
        "chebyshev": chebyshev[:3],
        "km": np.round(km).astype(int),
    }

"""Shoelace formula: polygon areas, orientation, centroids and perimeters."""
import numpy as np


def shoelace(xy):
    x, y = xy[:, 0], xy[:, 1]
    return 0.5 * (np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def centroid(xy):
    x, y = xy.T
    xn, yn = np.roll(x, -1), np.roll(y, -1)
    cross = x * yn - xn * y
    a = cross.sum() / 2
    return np.array([((x + xn) * cross).sum(), ((y + yn) * cross).sum()]) / (6 * a)


def regular(n, r=1.0):
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return np.column_stack([r * np.cos(t), r * np.sin(t)])


def main():
    square = np.array([[0, 0], [4, 0], [4, 4], [0, 4]], dtype=float)
    tri = np.array([[0, 0], [3, 0], [0, 4]])
    l_shape = np.array([[0, 0], [6, 0], [6, 2], [2, 2], [2, 5], [0, 5]], dtype=np.float64)
    cw = l_shape[::-1]
    areas = np.array([shoelace(p) for p in (square, tri.astype(float), l_shape, cw)])
    polys = [regular(n) for n in (3, 4, 6, 12, 100)]
    reg_areas = np.array([shoelace(p) for p in polys])
    edges = np.diff(np.vstack([l_shape, l_shape[:1]]), axis=0)
    perimeter = np.linalg.norm(edges, axis=1).sum()
    # vectorised over a batch of quadrilaterals
    rng = np.random.default_rng(5)
    quads = rng.integers(-5, 6, size=(6, 4, 2))
    x, y = quads[..., 0], quads[..., 1]
    batch = 0.5 * np.abs(np.sum(x * np.roll(y, -1, axis=1) - np.roll(x, -1, axis=1) * y, axis=1))
    return {
        "areas": areas,
        "orientation": np.sign(areas).astype(np.int8),
        "reg_areas": np.round(reg_areas, 8),
        "pi_gap": float(np.pi - reg_areas[-1]),
        "centroid_l": centroid(l_shape),
        "centroid_tri": centroid(tri.astype(float)),
        "perimeter": perimeter,
        "batch": batch,
        "batch_dtype": batch.dtype.name,
        "edges": edges,
    }

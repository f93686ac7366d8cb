"""Polygon geometry: point-in-polygon tests by ray casting vectorised over many
points, the centroid and signed area of a polygon, winding order from the sign,
edge normals from np.cross with the z axis, and the distance from points to the
nearest edge."""
import numpy as np


def inside(poly, pts):
    x, y = pts[:, 0][:, None], pts[:, 1][:, None]
    x1, y1 = poly[:, 0], poly[:, 1]
    x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
    straddles = (y1 > y) != (y2 > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        xcross = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
    hits = straddles & (x < xcross)
    return np.count_nonzero(hits, axis=1) % 2 == 1


def seg_dist(p, a, b):
    ab = b - a
    t = np.clip(np.einsum("ij,j->i", p - a, ab) / ab.dot(ab), 0.0, 1.0)
    proj = a + t[:, None] * ab
    return np.linalg.norm(p - proj, axis=1)


def main():
    poly = np.array([[0.0, 0.0], [4.0, 0.0], [4.0, 3.0], [2.0, 1.5], [0.0, 3.0]])
    g = np.linspace(-0.5, 4.5, 11)
    gx, gy = np.meshgrid(g, g)
    pts = np.column_stack([gx.ravel(), gy.ravel()])
    mask = inside(poly, pts)
    x, y = poly[:, 0], poly[:, 1]
    xs, ys = np.roll(x, -1), np.roll(y, -1)
    cross = x * ys - xs * y
    area = cross.sum() / 2
    cx = np.sum((x + xs) * cross) / (6 * area)
    cy = np.sum((y + ys) * cross) / (6 * area)
    edges = np.roll(poly, -1, axis=0) - poly
    e3 = np.hstack([edges, np.zeros((len(edges), 1))])
    normals = np.cross(e3, [0.0, 0.0, 1.0])[:, :2]
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    dists = np.stack([seg_dist(pts, poly[i], poly[(i + 1) % len(poly)]) for i in range(len(poly))])
    nearest = dists.min(axis=0)
    reversed_area = np.sum(poly[::-1, 0] * np.roll(poly[::-1, 1], -1) - np.roll(poly[::-1, 0], -1) * poly[::-1, 1]) / 2
    return {"mask": mask.reshape(gx.shape).astype(int), "n_inside": int(mask.sum()),
            "area": area, "centroid": np.array([cx, cy]), "ccw": bool(area > 0),
            "reversed_area": reversed_area, "normals": normals,
            "nearest": nearest.reshape(gx.shape).round(6), "nearest_edge": dists.argmin(axis=0)[:20],
            "perimeter": np.linalg.norm(edges, axis=1).sum()}


if __name__ == "__main__":
    print(main())

"""The convex hull of a random point cloud by brute force (an edge is on the hull
when every other point lies on one side), ordered by angle around the centroid,
its area by the shoelace formula and perimeter, and the hull of a rotated and
scaled copy."""
import numpy as np


def hull_edges(p):
    n = len(p)
    edges = []
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            d = p[j] - p[i]
            rel = p - p[i]
            cross = d[0] * rel[:, 1] - d[1] * rel[:, 0]
            cross[[i, j]] = 0
            if np.all(cross >= 0):
                edges.append((i, j))
    return np.array(edges)


def ordered_hull(p):
    e = hull_edges(p)
    idx = np.unique(e)
    c = p[idx].mean(axis=0)
    ang = np.arctan2(p[idx, 1] - c[1], p[idx, 0] - c[0])
    return idx[np.argsort(ang)]


def shoelace(poly):
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def main():
    rng = np.random.default_rng(11)
    pts = rng.uniform(-1, 1, size=(40, 2))
    hull = ordered_hull(pts)
    poly = pts[hull]
    area = shoelace(poly)
    perim = np.sum(np.linalg.norm(np.diff(np.vstack([poly, poly[:1]]), axis=0), axis=1))
    theta = np.pi / 6
    R = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    moved = (pts @ R.T) * 2.0 + np.array([3.0, -1.0])
    hull2 = ordered_hull(moved)
    area2 = shoelace(moved[hull2])
    square = np.array([[0, 0], [2, 0], [2, 2], [0, 2]], dtype=float)
    return {"hull": np.sort(hull), "n_hull": hull.size, "area": area, "perimeter": perim,
            "same_vertices": bool(np.array_equal(np.sort(hull), np.sort(hull2))),
            "area_ratio": area2 / area, "square_area": shoelace(square),
            "inside_fraction": 1 - hull.size / len(pts),
            "extreme": pts[np.argmax(pts[:, 0])], "R_det": np.linalg.det(R)}


if __name__ == "__main__":
    print(main())

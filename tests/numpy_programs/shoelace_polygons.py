"""Polygon geometry: shoelace area, centroid, convexity, winding and perimeter."""
import numpy as np


def area(poly):
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y)


def centroid(poly):
    x, y = poly[:, 0], poly[:, 1]
    xn, yn = np.roll(x, -1), np.roll(y, -1)
    cross = x * yn - xn * y
    a = 0.5 * cross.sum()
    return np.array([np.sum((x + xn) * cross), np.sum((y + yn) * cross)]) / (6 * a)


def is_convex(poly):
    e = np.roll(poly, -1, axis=0) - poly
    e_next = np.roll(e, -1, axis=0)
    z = e[:, 0] * e_next[:, 1] - e[:, 1] * e_next[:, 0]
    return bool(np.all(z > 0) or np.all(z < 0))


def winding(poly, p):
    d = poly - p
    ang = np.arctan2(d[:, 1], d[:, 0])
    delta = np.diff(np.append(ang, ang[0]))
    delta = (delta + np.pi) % (2 * np.pi) - np.pi
    return int(np.round(delta.sum() / (2 * np.pi)))


def main():
    k = np.arange(7)
    hept = np.column_stack([np.cos(2 * np.pi * k / 7), np.sin(2 * np.pi * k / 7)]) * 2 + [1, -1]
    star_t = np.arange(10) * np.pi / 5
    star_r = np.where(np.arange(10) % 2 == 0, 1.0, 0.4)
    star = np.column_stack([star_r * np.cos(star_t), star_r * np.sin(star_t)])
    square = np.array([[0, 0], [4, 0], [4, 4], [0, 4]], dtype=float)
    shapes = [hept, star, square, square[::-1]]
    areas = np.array([area(s) for s in shapes])
    perims = np.array([np.linalg.norm(np.diff(s, axis=0, append=s[:1]), axis=1).sum() for s in shapes])
    cents = np.array([centroid(s) for s in shapes])
    exact = 0.5 * 7 * 4 * np.sin(2 * np.pi / 7)
    return {
        "areas": areas,
        "perimeters": perims,
        "centroids": cents,
        "hept_exact_err": abs(areas[0] - exact),
        "convex": np.array([is_convex(s) for s in shapes]),
        "winding": np.array([winding(star, np.zeros(2)), winding(star, np.array([2.0, 2.0])),
                             winding(square[::-1], np.array([1.0, 1.0]))]),
        "isoperimetric": 4 * np.pi * np.abs(areas) / perims ** 2,
    }

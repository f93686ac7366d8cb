"""Triangle geometry in 3-D: normals, areas, angles, circumcentres, barycentric tests."""
import numpy as np


def angles(a, b, c):
    def angle(u, v):
        cosv = np.sum(u * v, axis=-1) / (np.linalg.norm(u, axis=-1) * np.linalg.norm(v, axis=-1))
        return np.degrees(np.arccos(np.clip(cosv, -1.0, 1.0)))
    return np.stack([angle(b - a, c - a), angle(a - b, c - b), angle(a - c, b - c)], axis=-1)


def circumcentre(a, b, c):
    ab, ac = b - a, c - a
    n = np.cross(ab, ac)
    num = (np.sum(ac ** 2, axis=-1)[:, None] * np.cross(n, ab)
           + np.sum(ab ** 2, axis=-1)[:, None] * np.cross(ac, n))
    return a + num / (2.0 * np.sum(n ** 2, axis=-1))[:, None]


def main():
    rng = np.random.default_rng(11)
    tri = rng.uniform(-1, 1, size=(8, 3, 3))
    a, b, c = tri[:, 0], tri[:, 1], tri[:, 2]
    normal = np.cross(b - a, c - a)
    area = 0.5 * np.linalg.norm(normal, axis=1)
    unit = normal / np.linalg.norm(normal, axis=1, keepdims=True)
    ang = angles(a, b, c)
    cc = circumcentre(a, b, c)
    radii = np.linalg.norm(tri - cc[:, None, :], axis=2)
    # barycentric coordinates of the centroid and of a far point, triangle 0
    p = np.array([tri[0].mean(axis=0), tri[0].mean(axis=0) + 5 * unit[0]])
    m = np.column_stack([b[0] - a[0], c[0] - a[0]])
    coords, *_ = np.linalg.lstsq(m, (p - a[0]).T, rcond=None)
    # dihedral angle between triangles 0 and 1
    dihedral = np.degrees(np.arccos(np.clip(np.dot(unit[0], unit[1]), -1, 1)))
    obtuse = np.any(ang > 90.0, axis=1)
    vol = np.abs(np.einsum("ij,ij->i", a, np.cross(b, c))) / 6.0
    return {
        "area": area,
        "unit_normals": unit,
        "angle_sums": ang.sum(axis=1),
        "max_angle": ang.max(axis=1),
        "radii_spread": np.ptp(radii, axis=1),
        "bary": coords,
        "dihedral": dihedral,
        "obtuse": obtuse,
        "tetra_volume": vol,
        "largest": int(np.argmax(area)),
    }

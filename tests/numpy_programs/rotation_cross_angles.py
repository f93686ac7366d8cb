"""Rotations, cross products and angles with arctan2/degrees/hypot."""
import numpy as np


def rot2d(theta):
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[c, -s], [s, c]])


def rot_z(deg):
    t = np.deg2rad(deg)
    return np.array([[np.cos(t), -np.sin(t), 0], [np.sin(t), np.cos(t), 0], [0, 0, 1]])


def main():
    pts = np.array([[1.0, 0.0], [0.0, 2.0], [-3.0, -3.0], [1.0, -1.0]])
    r = rot2d(np.pi / 6)
    rotated = pts @ r.T
    angles = np.degrees(np.arctan2(pts[:, 1], pts[:, 0]))
    angles_rot = np.degrees(np.arctan2(rotated[:, 1], rotated[:, 0]))
    delta = (angles_rot - angles + 180) % 360 - 180
    radii = np.hypot(pts[:, 0], pts[:, 1])
    a = np.array([1, 0, 0])
    b = np.array([0, 1, 0])
    c = np.cross(a, b)
    many = np.cross(np.eye(3), np.array([1.0, 2.0, 3.0]))
    u = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    v = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 1.0]])
    cos_t = np.einsum("ij,ij->i", u, v) / (np.linalg.norm(u, axis=1) * np.linalg.norm(v, axis=1))
    between = np.degrees(np.arccos(np.clip(cos_t, -1, 1)))
    z90 = rot_z(90)
    composed = np.linalg.matrix_power(z90, 4)
    tri = np.array([[0.0, 0.0, 0.0], [2.0, 0.0, 0.0], [0.0, 3.0, 0.0]])
    normal = np.cross(tri[1] - tri[0], tri[2] - tri[0])
    area = 0.5 * np.linalg.norm(normal)
    z = pts[:-1, 0] * pts[1:, 1] - pts[:-1, 1] * pts[1:, 0]
    return {
        "rotated": np.round(rotated, 10),
        "angles": angles,
        "delta": np.round(delta, 8),
        "radii": radii,
        "c": c,
        "many": many,
        "between": np.round(between, 6),
        "det": round(float(np.linalg.det(r)), 12),
        "composed": np.round(composed, 12),
        "normal": normal,
        "area": area,
        "z": z,
        "text": np.array2string(rotated, precision=3, suppress_small=True),
        "wrap": np.rad2deg(np.unwrap(np.deg2rad([350.0, 10.0, 30.0, 340.0]))),
    }

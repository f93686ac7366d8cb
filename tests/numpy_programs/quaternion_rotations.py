"""Quaternions for 3-D rotations: products, conjugation, matrices and slerp."""
import numpy as np


def qmul(p, q):
    w1, v1 = p[..., :1], p[..., 1:]
    w2, v2 = q[..., :1], q[..., 1:]
    w = w1 * w2 - np.sum(v1 * v2, axis=-1, keepdims=True)
    v = w1 * v2 + w2 * v1 + np.cross(v1, v2)
    return np.concatenate([w, v], axis=-1)


def from_axis_angle(axis, angle):
    axis = axis / np.linalg.norm(axis, axis=-1, keepdims=True)
    half = np.asarray(angle)[..., None] / 2
    return np.concatenate([np.cos(half), np.sin(half) * axis], axis=-1)


def rotate(q, v):
    qv = np.concatenate([np.zeros(v.shape[:-1] + (1,)), v], axis=-1)
    conj = q * np.array([1, -1, -1, -1])
    return qmul(qmul(q, qv), conj)[..., 1:]


def to_matrix(q):
    w, x, y, z = q
    return np.array([[1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
                     [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
                     [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)]])


def slerp(q0, q1, t):
    dot = np.clip(np.dot(q0, q1), -1.0, 1.0)
    theta = np.arccos(dot)
    t = np.asarray(t)[:, None]
    return (np.sin((1 - t) * theta) * q0 + np.sin(t * theta) * q1) / np.sin(theta)


def main():
    qz = from_axis_angle(np.array([0.0, 0.0, 1.0]), np.pi / 2)
    qx = from_axis_angle(np.array([1.0, 0.0, 0.0]), np.pi / 3)
    pts = np.eye(3)
    rotated = rotate(qz, pts)
    combo = qmul(qx, qz)
    r = to_matrix(combo)
    via_matrix = pts @ r.T
    via_quat = rotate(combo, pts)
    path = slerp(qz, qx, np.linspace(0, 1, 5))
    rng = np.random.default_rng(4)
    many = from_axis_angle(rng.normal(size=(6, 3)), rng.uniform(0, np.pi, 6))
    vecs = rng.normal(size=(6, 3))
    norms_kept = np.allclose(np.linalg.norm(rotate(many, vecs), axis=1), np.linalg.norm(vecs, axis=1))
    angles = 2 * np.degrees(np.arccos(np.clip(many[:, 0], -1, 1)))
    return {
        "rotated": np.round(rotated, 12),
        "combo": combo,
        "matrix": r,
        "agree": np.max(np.abs(via_matrix - via_quat)),
        "det": np.linalg.det(r),
        "orthogonal": np.allclose(r @ r.T, np.eye(3)),
        "path_norms": np.linalg.norm(path, axis=1),
        "path": path,
        "norms_kept": norms_kept,
        "angles": angles,
    }

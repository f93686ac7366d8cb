"""Physics: composing rotation matrices with @ and checking with allclose."""
import numpy as np


def rot_x(a):
    c, s = np.cos(a), np.sin(a)
    return np.array([[1, 0, 0], [0, c, -s], [0, s, c]])


def rot_z(a):
    c, s = np.cos(a), np.sin(a)
    return np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])


def main():
    R = rot_z(np.pi / 6) @ rot_x(np.pi / 4) @ rot_z(-np.pi / 3)
    orthogonal = bool(np.allclose(R.T @ R, np.eye(3)))
    det = np.linalg.det(R)
    inverse_is_transpose = bool(np.allclose(np.linalg.inv(R), R.T))
    quarter = np.linalg.matrix_power(rot_z(np.pi / 2), 4)
    back_home = bool(np.allclose(quarter, np.eye(3)))
    angle = np.arccos((np.trace(R) - 1) / 2)
    w, v = np.linalg.eig(R)
    axis = np.real(v[:, np.argmin(np.abs(w - 1))])
    axis = axis / np.linalg.norm(axis) * np.sign(axis[np.abs(axis).argmax()])
    pts = np.array([[1.0, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]])
    rotated = pts @ R.T
    norms_kept = bool(np.allclose(np.linalg.norm(rotated, axis=1), np.linalg.norm(pts, axis=1)))
    stack = np.stack([rot_z(a) for a in np.linspace(0, np.pi, 5)])
    applied = stack @ np.array([1.0, 0.0, 0.0])
    commute = bool(np.allclose(rot_x(0.3) @ rot_z(0.5), rot_z(0.5) @ rot_x(0.3)))
    return {
        "R": R,
        "orthogonal": orthogonal,
        "det": det,
        "inverse_is_transpose": inverse_is_transpose,
        "back_home": back_home,
        "angle": angle,
        "axis": axis,
        "rotated": rotated,
        "norms_kept": norms_kept,
        "applied": applied,
        "commute": commute,
    }

"""Rigid motions in three dimensions: rotation matrices about each axis and by
Rodrigues' formula, composition and orthogonality checks, quaternions converted
to matrices, the axis and angle recovered from a matrix, cross products for
normals, and the best-fit rotation between point sets by the Kabsch method."""
import numpy as np


def rot(axis, theta):
    axis = np.asarray(axis, dtype=float)
    axis = axis / np.linalg.norm(axis)
    K = np.array([[0, -axis[2], axis[1]], [axis[2], 0, -axis[0]], [-axis[1], axis[0], 0]])
    return np.eye(3) + np.sin(theta) * K + (1 - np.cos(theta)) * K @ K


def quat_to_matrix(q):
    w, x, y, z = q / np.linalg.norm(q)
    return np.array([
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ])


def main():
    Rz = rot([0, 0, 1], np.pi / 2)
    Rx = rot([1, 0, 0], np.pi / 3)
    R = Rz @ Rx
    ortho = np.allclose(R.T @ R, np.eye(3))
    det = np.linalg.det(R)
    angle = np.arccos(np.clip((np.trace(R) - 1) / 2, -1, 1))
    axis = np.array([R[2, 1] - R[1, 2], R[0, 2] - R[2, 0], R[1, 0] - R[0, 1]]) / (2 * np.sin(angle))
    q = np.array([np.cos(np.pi / 8), 0, np.sin(np.pi / 8), 0])
    Q = quat_to_matrix(q)
    Ry = rot([0, 1, 0], np.pi / 4)
    tri = np.array([[0.0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]])
    faces = np.array([[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]])
    v = tri[faces]
    normals = np.cross(v[:, 1] - v[:, 0], v[:, 2] - v[:, 0])
    areas = 0.5 * np.linalg.norm(normals, axis=1)
    volume = abs(np.dot(np.cross(tri[1], tri[2]), tri[3])) / 6
    rng = np.random.default_rng(2)
    P = rng.normal(size=(10, 3))
    Pq = (P - P.mean(0)) @ R.T + np.array([1.0, 2.0, 3.0])
    H = (P - P.mean(0)).T @ (Pq - Pq.mean(0))
    U, S, Vt = np.linalg.svd(H)
    d = np.sign(np.linalg.det(Vt.T @ U.T))
    R_est = Vt.T @ np.diag([1, 1, d]) @ U.T
    return {"R": R, "ortho": bool(ortho), "det": det, "angle": angle, "axis": axis,
            "Q": Q, "Q_matches": bool(np.allclose(Q, Ry)), "normals": normals, "areas": areas,
            "volume": volume, "R_est": R_est, "kabsch_err": float(np.abs(R_est - R).max()),
            "outer": np.outer([1, 2, 3], [0, 1]), "euler_z": np.degrees(np.arctan2(R[1, 0], R[0, 0]))}


if __name__ == "__main__":
    print(main())

"""Array drills: tile on 2-D, repeat along axes, kron and resize."""
import numpy as np


def main():
    a = np.array([[1, 2], [3, 4]])
    t1 = np.tile(a, 2)
    t2 = np.tile(a, (2, 3))
    t3 = np.tile(a, (2, 1, 1))
    t_vec = np.tile(np.arange(3), (2, 2))
    r_flat = np.repeat(a, 2)
    r0 = np.repeat(a, 3, axis=0)
    r1 = a.repeat([1, 3], axis=1)
    r_counts = np.repeat(np.arange(4), [0, 2, 1, 3])
    kr = np.kron(np.eye(2, dtype=int), a)
    rz = np.resize(np.arange(5), (3, 4))
    blocks = np.kron(a, np.ones((2, 2), dtype=int))
    checker = np.tile(np.array([[0, 1], [1, 0]]), (3, 3))
    row_rep = np.repeat(a[0:1], 3, axis=0)
    ones_like = np.ones_like(t2)
    full_like = np.full_like(a, 7)
    zl = np.zeros_like(a, dtype=float)
    cube = np.arange(8).reshape(2, 2, 2)
    cube_rep = cube.repeat(2, axis=-1)
    stretched = np.repeat(np.repeat(a, 2, axis=0), 2, axis=1)
    same_as_kron = bool((stretched == blocks).all())
    return {
        "t1": t1, "t2": t2, "t3": t3, "t_vec": t_vec, "r_flat": r_flat, "r0": r0,
        "r1": r1, "r_counts": r_counts, "kr": kr, "rz": rz, "blocks": blocks,
        "checker": checker, "row_rep": row_rep, "ones_like_sum": ones_like.sum(),
        "full_like": full_like, "zl": zl,
        "cube_rep": cube_rep, "same_as_kron": same_as_kron,
    }

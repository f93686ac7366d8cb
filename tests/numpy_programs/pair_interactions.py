"""Pairwise interactions over unique pairs with np.triu_indices / np.tril_indices."""
import numpy as np


def lennard_jones(r, eps=1.0, sigma=1.0):
    sr6 = (sigma / r) ** 6
    return 4 * eps * (sr6 ** 2 - sr6)


def main():
    rng = np.random.default_rng(12)
    side = 3
    g = np.arange(side) * 1.2
    lattice = np.array(np.meshgrid(g, g, g, indexing="ij")).reshape(3, -1).T
    pos = lattice + rng.normal(scale=0.05, size=lattice.shape)
    n = len(pos)
    i, j = np.triu_indices(n, k=1)
    d = np.linalg.norm(pos[i] - pos[j], axis=1)
    e_pairs = lennard_jones(d)
    total = e_pairs.sum()
    # full symmetric matrix from the upper triangle
    m = np.zeros((n, n))
    m[i, j] = d
    m += m.T
    li, lj = np.tril_indices(n, k=-1)
    same = np.allclose(np.sort(m[li, lj]), np.sort(d))
    per_atom = np.zeros(n)
    np.add.at(per_atom, i, 0.5 * e_pairs)
    np.add.at(per_atom, j, 0.5 * e_pairs)
    neighbours = np.sum((m < 1.5) & (m > 0), axis=1)
    hist, edges = np.histogram(d, bins=8, range=(0.0, 4.0))
    nearest = np.sort(m + np.diag(np.full(n, np.inf)), axis=1)[:, 0]
    tri_small = np.tril(np.arange(16).reshape(4, 4), k=-1)
    idx_from = np.triu_indices_from(tri_small, k=1)
    return {
        "n_pairs": d.size,
        "total_energy": total,
        "per_atom_sum": per_atom.sum(),
        "same_pairs": same,
        "neighbours": neighbours,
        "hist": hist,
        "edges": edges,
        "nearest": nearest,
        "min_pair": np.array([i[np.argmin(d)], j[np.argmin(d)]]),
        "tri_small": tri_small,
        "idx_from": np.array(idx_from),
    }

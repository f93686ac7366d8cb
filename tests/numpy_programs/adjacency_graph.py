"""Graph algorithms on a dense adjacency matrix: degrees, neighbours by nonzero,
reachability by boolean matrix powers, breadth-first distances, connected
components by label propagation, triangle counts from the trace of A cubed, and
an edge list rebuilt with argwhere."""
import numpy as np


def bfs(A, src):
    n = A.shape[0]
    dist = np.full(n, -1)
    dist[src] = 0
    frontier = np.zeros(n, dtype=bool)
    frontier[src] = True
    d = 0
    while frontier.any():
        d += 1
        nxt = (A[frontier].sum(axis=0) > 0) & (dist < 0)
        dist[nxt] = d
        frontier = nxt
    return dist


def main():
    edges = np.array([[0, 1], [1, 2], [2, 0], [2, 3], [4, 5], [5, 6], [6, 4], [6, 7], [3, 8], [9, 9]])
    n = 10
    A = np.zeros((n, n), dtype=int)
    A[edges[:, 0], edges[:, 1]] = 1
    A[edges[:, 1], edges[:, 0]] = 1
    np.fill_diagonal(A, 0)
    deg = A.sum(axis=1)
    nb = [np.nonzero(A[i])[0].tolist() for i in range(n)]
    R = np.eye(n, dtype=bool) | A.astype(bool)
    for _ in range(n):
        R = (R.astype(int) @ R.astype(int)) > 0
    dist = bfs(A, 0)
    labels = np.arange(n)
    for _ in range(n):
        neigh_min = np.where(A == 1, labels[None, :], n).min(axis=1)
        labels = np.minimum(labels, neigh_min)
    comps, comp_sizes = np.unique(labels, return_counts=True)
    triangles = np.trace(np.linalg.matrix_power(A, 3)) // 6
    tri_per_node = np.diag(A @ A @ A) // 2
    rebuilt = np.argwhere(np.triu(A))
    isolated = np.flatnonzero(deg == 0)
    L = np.diag(deg) - A
    eig = np.linalg.eigvalsh(L.astype(float))
    return {"deg": deg, "nb": nb[2], "reach_from_0": np.flatnonzero(R[0]), "dist": dist,
            "labels": labels, "n_components": comps.size, "comp_sizes": comp_sizes,
            "triangles": int(triangles), "tri_per_node": tri_per_node, "edges": rebuilt,
            "isolated": isolated, "zero_eigs": int(np.sum(np.isclose(eig, 0, atol=1e-9))),
            "density": A.sum() / (n * (n - 1)), "max_deg_nodes": np.argwhere(deg == deg.max()).ravel()}


if __name__ == "__main__":
    print(main())

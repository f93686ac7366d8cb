"""Counting walks in a directed graph with matrix powers; reachability and degrees."""
import numpy as np


def main():
    edges = np.array([[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 2], [1, 4]])
    n = 5
    adj = np.zeros((n, n), dtype=np.int64)
    adj[edges[:, 0], edges[:, 1]] = 1
    out_deg = adj.sum(axis=1)
    in_deg = adj.sum(axis=0)
    walks3 = np.linalg.matrix_power(adj, 3)
    walks_upto4 = sum(np.linalg.matrix_power(adj, k) for k in range(1, 5))
    reach = (np.linalg.matrix_power(adj + np.eye(n, dtype=np.int64), n - 1) > 0).astype(int)
    closed = np.trace(walks3)
    cycles_len3 = np.diag(walks3)
    undirected = ((adj + adj.T) > 0).astype(float)
    degree = np.diag(undirected.sum(axis=1))
    laplacian = degree - undirected
    eigvals = np.linalg.eigvalsh(laplacian)
    components = int(np.sum(np.isclose(eigvals, 0.0, atol=1e-9)))
    transition = adj / out_deg[:, None]
    dist = np.full(n, 1.0 / n)
    for _ in range(50):
        dist = dist @ transition
    hubs = np.argsort(in_deg)[::-1][:2]
    src, dst = np.nonzero(adj)
    return {
        "out_deg": out_deg,
        "in_deg": in_deg,
        "walks3": walks3,
        "walks_upto4": walks_upto4,
        "reach": reach,
        "closed": closed,
        "cycles_len3": cycles_len3,
        "laplacian": laplacian,
        "eigvals": eigvals,
        "components": components,
        "dist": dist,
        "hubs_in_deg": in_deg[hubs],
        "src": src,
        "dst": dst,
    }


if __name__ == "__main__":
    print(main())

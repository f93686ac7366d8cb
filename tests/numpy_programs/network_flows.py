"""Linear algebra on a small network: incidence and Laplacian matrices, solving
for potentials, eigenvalues of the Laplacian, pseudo-inverse, matrix rank,
condition numbers, determinants and matrix powers for path counts."""
import numpy as np


def main():
    edges = np.array([[0, 1], [1, 2], [2, 3], [3, 0], [0, 2], [3, 4]])
    n = 5
    A = np.zeros((n, n), dtype=int)
    A[edges[:, 0], edges[:, 1]] = 1
    A[edges[:, 1], edges[:, 0]] = 1
    D = np.diag(A.sum(axis=1))
    L = D - A
    B = np.zeros((len(edges), n))
    B[np.arange(len(edges)), edges[:, 0]] = 1
    B[np.arange(len(edges)), edges[:, 1]] = -1
    ev = np.linalg.eigvalsh(L.astype(float))
    inj = np.array([1.0, 0.0, 0.0, 0.0, -1.0])
    Lr = L[:-1, :-1].astype(float)
    pot = np.linalg.solve(Lr, inj[:-1])
    paths3 = np.linalg.matrix_power(A, 3)
    w, v = np.linalg.eigh(L.astype(float))
    fiedler = v[:, 1] * np.sign(v[0, 1])
    return {"L": L, "BtB": B.T @ B, "ev": ev, "pot": pot, "paths3": paths3,
            "rank": np.linalg.matrix_rank(L), "det": np.linalg.det(Lr), "cond": np.linalg.cond(Lr),
            "pinv": np.linalg.pinv(L.astype(float)).round(6), "fiedler": fiedler,
            "trees": round(np.linalg.det(Lr)), "norm_fro": np.linalg.norm(L),
            "norm_2": np.linalg.norm(L.astype(float), 2), "norm_inf": np.linalg.norm(L, np.inf),
            "slogdet": np.array(np.linalg.slogdet(Lr)), "inv_trace": np.trace(np.linalg.inv(Lr)),
            "degree": np.diag(D).copy()}


if __name__ == "__main__":
    print(main())

"""Tensor contractions with np.einsum compared to explicit operations."""
import numpy as np


def main():
    rng = np.random.default_rng(3)
    A = rng.normal(size=(3, 4))
    B = rng.normal(size=(4, 5))
    C = rng.normal(size=(5, 3))
    v = rng.normal(size=4)
    w = rng.normal(size=3)
    batch = rng.normal(size=(6, 3, 4))
    batch2 = rng.normal(size=(6, 4, 2))
    S = rng.normal(size=(4, 4))
    mm = np.einsum("ij,jk->ik", A, B)
    chain = np.einsum("ij,jk,kl->il", A, B, C, optimize=True)
    tr = np.einsum("ii", S)
    diag = np.einsum("ii->i", S)
    transpose = np.einsum("ij->ji", A)
    outer = np.einsum("i,j->ij", w, v)
    dot = np.einsum("i,i", v, v)
    bilinear = np.einsum("i,ij,j", w, A, v)
    bmm = np.einsum("bij,bjk->bik", batch, batch2)
    colsum = np.einsum("ij->j", A)
    total = np.einsum("ijk->", batch)
    frob = np.einsum("ij,ij->", A, A)
    ell = np.einsum("...ij->...ji", batch)
    weighted = np.einsum("bij,j->bi", batch, v)
    hadamard = np.einsum("ij,ij->ij", A, A)
    path, desc = np.einsum_path("ij,jk,kl->il", A, B, C, optimize="greedy")
    iv = np.einsum("ij,j->i", np.arange(6).reshape(2, 3), np.array([1, 2, 3]))
    return {
        "mm": mm,
        "mm_ok": np.allclose(mm, A @ B),
        "chain": chain,
        "chain_ok": np.allclose(chain, A @ B @ C),
        "tr": tr,
        "diag": diag,
        "transpose": transpose,
        "outer": outer,
        "dot": dot,
        "bilinear": bilinear,
        "bmm": bmm,
        "bmm_ok": np.allclose(bmm, np.matmul(batch, batch2)),
        "colsum": colsum,
        "total": total,
        "frob": frob,
        "ell_shape": np.array(ell.shape),
        "weighted": weighted,
        "hadamard": hadamard,
        "path": str(path),
        "iv": iv,
    }

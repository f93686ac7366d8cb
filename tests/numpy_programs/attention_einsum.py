"""Scaled dot-product attention for a tiny batch written with np.einsum: scores,
a numerically stable softmax, a causal mask with np.triu, multi-head reshapes and
the ellipsis forms of einsum."""
import numpy as np


def softmax(z, axis=-1):
    z = z - z.max(axis=axis, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=axis, keepdims=True)


def main():
    rng = np.random.default_rng(11)
    batch, seq, d_model, heads = 2, 5, 8, 2
    x = rng.standard_normal((batch, seq, d_model))
    Wq, Wk, Wv = (rng.standard_normal((d_model, d_model)) / np.sqrt(d_model) for _ in range(3))
    q = np.einsum("bsd,de->bse", x, Wq)
    k = np.einsum("bsd,de->bse", x, Wk)
    v = np.einsum("bsd,de->bse", x, Wv)
    dh = d_model // heads
    qh = q.reshape(batch, seq, heads, dh).transpose(0, 2, 1, 3)
    kh = k.reshape(batch, seq, heads, dh).transpose(0, 2, 1, 3)
    vh = v.reshape(batch, seq, heads, dh).transpose(0, 2, 1, 3)
    scores = np.einsum("...qd,...kd->...qk", qh, kh) / np.sqrt(dh)
    mask = np.triu(np.ones((seq, seq), dtype=bool), k=1)
    scores = np.where(mask, -np.inf, scores)
    weights = softmax(scores)
    ctx = np.einsum("bhqk,bhkd->bhqd", weights, vh)
    merged = ctx.transpose(0, 2, 1, 3).reshape(batch, seq, d_model)
    by_matmul = (weights @ vh).transpose(0, 2, 1, 3).reshape(batch, seq, d_model)
    trace_per_head = np.einsum("bhii->bh", weights)
    entropy = -np.sum(np.where(weights > 0, weights * np.log(np.where(weights > 0, weights, 1.0)), 0.0), axis=-1)
    return {"merged": merged, "same": np.allclose(merged, by_matmul),
            "row_sums": weights.sum(axis=-1), "first_row": weights[:, :, 0, 0],
            "upper_zero": bool(np.all(weights[..., mask] == 0)),
            "trace": trace_per_head, "entropy": entropy,
            "outer": np.einsum("i,j->ij", np.arange(3.0), np.arange(2.0)),
            "bilinear": np.einsum("bi,ij,bj->b", x[:, 0], Wq, x[:, 1])}


if __name__ == "__main__":
    print(main())

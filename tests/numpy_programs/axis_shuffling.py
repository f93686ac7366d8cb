"""Reshaping puzzles on small tensors: splitting an image into tiles and back with
reshape and swapaxes, moveaxis for channel-first layouts, einsum and tensordot
contractions checked against loops, and Kronecker products of small matrices."""
import numpy as np


def main():
    img = np.arange(6 * 8).reshape(6, 8)
    tiles = img.reshape(3, 2, 4, 2).swapaxes(1, 2)
    back = tiles.swapaxes(1, 2).reshape(6, 8)
    tile_sums = tiles.sum(axis=(2, 3))
    rgb = np.arange(2 * 3 * 4 * 3).reshape(2, 3, 4, 3)
    chw = np.moveaxis(rgb, -1, 1)
    hwc = np.moveaxis(chw, 1, -1)
    channel_means = chw.mean(axis=(0, 2, 3))
    a = np.arange(24.0).reshape(2, 3, 4)
    b = np.arange(12.0).reshape(4, 3)
    td = np.tensordot(a, b, axes=([1, 2], [1, 0]))
    loop = np.array([sum(a[i, j, k] * b[k, j] for j in range(3) for k in range(4)) for i in range(2)])
    es = np.einsum("ijk,kj->i", a, b)
    batched = np.einsum("bij,bjk->bik", a[:, :, :3], a[:, :, 1:])
    trace_each = np.einsum("bii->b", batched)
    outer3 = np.einsum("i,j,k->ijk", [1, 2], [1, 0, -1], [2, 3])
    I2 = np.eye(2)
    X = np.array([[0, 1], [1, 0]])
    kron = np.kron(I2, X)
    kron3 = np.kron(np.kron(X, X), X)
    flat_t = np.transpose(a, (2, 0, 1)).reshape(4, -1)
    stacked = np.stack([img, img.T.reshape(6, 8)], axis=-1)
    return {"tiles": tiles, "roundtrip": bool(np.array_equal(back, img)), "tile_sums": tile_sums,
            "chw_shape": chw.shape, "same": bool((hwc == rgb).all()), "channel_means": channel_means,
            "td": td, "loop": loop, "es": es, "batched": batched, "trace_each": trace_each,
            "outer3": outer3, "kron": kron, "kron3_trace": np.trace(kron3),
            "kron3_nnz": np.count_nonzero(kron3), "flat_t": flat_t,
            "stacked_strides_ok": stacked.shape, "ravel_f": img.ravel(order="F")[:10],
            "expand": np.expand_dims(img, (0, 2)).shape, "squeeze": np.squeeze(img[None, :, None, :1]).shape}


if __name__ == "__main__":
    print(main())

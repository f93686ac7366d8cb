"""Shape changes in a batch pipeline: squeeze/expand_dims chains, swapaxes, moveaxis."""
import numpy as np


def main():
    batch = np.arange(2 * 3 * 4 * 5).reshape(2, 3, 4, 5)
    nchw_to_nhwc = np.moveaxis(batch, 1, -1)
    back = np.moveaxis(nchw_to_nhwc, -1, 1)
    multi = np.moveaxis(batch, [0, 1], [-1, -2])
    swapped = np.swapaxes(batch, 0, 3)
    method_swap = batch.swapaxes(1, 2)
    single = batch[:1, :, :1, :]
    squeezed = np.squeeze(single)
    squeeze_axis = np.squeeze(single, axis=2)
    expanded = np.expand_dims(np.arange(4), axis=(0, 2))
    chain = np.expand_dims(np.squeeze(expanded), -1)
    neg = np.expand_dims(np.arange(6).reshape(2, 3), -2)
    rolled = np.rollaxis(batch, 3, 1)
    transposed = np.transpose(batch, (2, 0, 3, 1))
    perm_t = batch.transpose(0, 2, 1, 3)
    atleast = [np.atleast_3d(np.arange(3)).shape, np.atleast_2d(5).shape, np.atleast_1d(np.array(2.0)).shape]
    broadcast_shape = np.broadcast_shapes((3, 1, 5), (4, 1), (1, 1, 1, 5))
    flat_view = batch.reshape(6, -1)
    return {
        "nhwc_shape": np.array(nchw_to_nhwc.shape),
        "nhwc_pixel": nchw_to_nhwc[1, 2, 3],
        "round_trip": bool(np.array_equal(back, batch)),
        "multi_shape": np.array(multi.shape),
        "multi_item": multi[1, 2, 2, 1],
        "swapped_shape": np.array(swapped.shape),
        "swapped_item": swapped[4, 1, 3, 0],
        "method_swap": method_swap[1, 3],
        "squeezed_shape": np.array(squeezed.shape),
        "squeeze_axis_shape": np.array(squeeze_axis.shape),
        "expanded_shape": np.array(expanded.shape),
        "chain_shape": np.array(chain.shape),
        "neg_shape": np.array(neg.shape),
        "rolled_shape": np.array(rolled.shape),
        "transposed": transposed[3, 1],
        "perm_t_sum": perm_t.sum(axis=(0, 3)),
        "atleast": np.concatenate([np.array(s) for s in atleast]),
        "broadcast_shape": np.array(broadcast_shape),
        "flat_view": flat_view[:, ::7],
    }


if __name__ == "__main__":
    print(main())

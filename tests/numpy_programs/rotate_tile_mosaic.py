"""Rotations and flips of a small image tile: np.rot90 with k and axes, the
four flips, transposes, assembling a 2x2 mosaic with np.block, and checking the
dihedral group relations with np.array_equal."""
import numpy as np


def main():
    tile = np.arange(12).reshape(3, 4)
    r1 = np.rot90(tile)
    r2 = np.rot90(tile, 2)
    r3 = np.rot90(tile, k=-1)
    mosaic = np.block([[tile, np.fliplr(tile)], [np.flipud(tile), np.flip(tile)]])
    cube = np.arange(24).reshape(2, 3, 4)
    rc = np.rot90(cube, axes=(1, 2))
    rc2 = np.rot90(cube, 1, (0, 2))
    checks = {
        "rot4_identity": np.array_equal(np.rot90(tile, 4), tile),
        "rot2_is_flip": np.array_equal(r2, tile[::-1, ::-1]),
        "rot_is_T_flip": np.array_equal(r1, np.flipud(tile.T)),
        "r3_is_T_fliplr": np.array_equal(r3, np.fliplr(tile.T)),
        "flip_axis0": np.array_equal(np.flip(tile, 0), np.flipud(tile)),
    }
    rgb = np.stack([tile, tile * 10, tile * 100], axis=-1)
    mirrored = rgb[:, ::-1, :]
    swapped = np.moveaxis(rgb, -1, 0)
    view = np.flip(tile, axis=1)
    view_shares = np.shares_memory(view, tile)
    return {
        "r1": r1,
        "r3": r3,
        "mosaic": mosaic,
        "mosaic_shape": mosaic.shape,
        "rc_shape": rc.shape,
        "rc": rc[1],
        "rc2_shape": rc2.shape,
        "rc2_first": rc2[0],
        "checks": checks,
        "mirrored_px": mirrored[0, 0],
        "swapped_shape": swapped.shape,
        "view_shares": bool(view_shares),
        "trace_r2": int(np.trace(r2[:, :3])),
    }


if __name__ == "__main__":
    print(main())

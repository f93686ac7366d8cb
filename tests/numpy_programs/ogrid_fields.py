"""Fields on grids from np.ogrid and np.mgrid: a dipole potential, radial profiles, masks."""
import numpy as np


def main():
    ny, nx = 41, 61
    y, x = np.ogrid[-2:2:41j, -3:3:61j]
    r1 = np.sqrt((x - 0.8) ** 2 + y ** 2) + 0.05
    r2 = np.sqrt((x + 0.8) ** 2 + y ** 2) + 0.05
    phi = 1.0 / r1 - 1.0 / r2
    ey, ex = np.gradient(-phi, y.ravel(), x.ravel())
    field = np.hypot(ex, ey)
    # integer grid coordinates and a radial profile with bincount
    iy, ix = np.mgrid[0:ny, 0:nx]
    cy, cx = ny // 2, nx // 2
    rad = np.rint(np.hypot(iy - cy, ix - cx)).astype(np.int64)
    counts = np.bincount(rad.ravel())
    prof = np.bincount(rad.ravel(), weights=np.abs(phi).ravel()) / np.maximum(counts, 1)
    disk = (iy - cy) ** 2 + (ix - cx) ** 2 <= 10 ** 2
    ring = (rad >= 8) & (rad <= 12)
    # a checkerboard and a coarse sampling grid
    checker = (iy // 5 + ix // 5) % 2
    gy, gx = np.mgrid[0:1:5j, 0:2:3j]
    open_x = np.ogrid[0:10:3]
    zero_line = np.flatnonzero(np.abs(phi[cy]) < 1e-12)
    return {
        "phi_row": phi[cy, ::6],
        "phi_sym": np.max(np.abs(phi + phi[:, ::-1])),
        "field_max": field.max(),
        "field_argmax": np.array(np.unravel_index(np.argmax(field), field.shape)),
        "profile": prof[:10],
        "disk_area": disk.sum(),
        "ring_mean": np.abs(phi)[ring].mean(),
        "checker_sum": checker.sum(),
        "coarse": np.stack([gy, gx]),
        "open_x": open_x,
        "zero_line": zero_line,
        "shapes": np.array([y.shape, x.shape]),
    }

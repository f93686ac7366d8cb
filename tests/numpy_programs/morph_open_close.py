"""Binary morphology on a noisy blob mask: erosion and dilation with a 3x3
structuring element written as shifted slices of a padded boolean array,
opening/closing, boundary extraction and pixel counts."""
import numpy as np


def dilate(mask, k=1):
    padded = np.pad(mask, k, mode="constant", constant_values=False)
    out = np.zeros_like(mask)
    h, w = mask.shape
    for dy in range(-k, k + 1):
        for dx in range(-k, k + 1):
            out |= padded[k + dy:k + dy + h, k + dx:k + dx + w]
    return out


def erode(mask, k=1):
    return ~dilate(~mask, k)


def main():
    rng = np.random.default_rng(7)
    yy, xx = np.mgrid[0:24, 0:24]
    blob = (yy - 11.5) ** 2 + (xx - 11.5) ** 2 < 8 ** 2
    noise = rng.random(blob.shape) < 0.08
    mask = blob ^ noise
    opened = dilate(erode(mask))
    closed = erode(dilate(mask))
    boundary = mask & ~erode(mask)
    diff = np.logical_xor(opened, blob)
    rows = np.any(closed, axis=1)
    cols = np.any(closed, axis=0)
    r0, r1 = np.where(rows)[0][[0, -1]]
    c0, c1 = np.where(cols)[0][[0, -1]]
    return {
        "mask_count": int(mask.sum()),
        "opened_count": np.count_nonzero(opened),
        "closed_count": np.count_nonzero(closed),
        "boundary_count": int(boundary.sum()),
        "diff_fraction": diff.mean(),
        "bbox": (int(r0), int(r1), int(c0), int(c1)),
        "dtype": str(opened.dtype),
        "center_row": closed[12].astype(np.uint8),
        "opened_rows": opened.sum(axis=1),
        "all_inside": bool(np.all(opened <= dilate(mask))),
    }


if __name__ == "__main__":
    print(main())

"""Finding bright blobs in a synthetic image: a threshold from the mean and std,
np.argwhere and np.nonzero for coordinates, bounding boxes with min/max per label,
centroids weighted by intensity, and the brightest pixel with np.unravel_index."""
import numpy as np


def main():
    yy, xx = np.mgrid[0:20, 0:24]
    img = (np.exp(-((yy - 5) ** 2 + (xx - 6) ** 2) / 6.0)
           + 0.8 * np.exp(-((yy - 14) ** 2 + (xx - 17) ** 2) / 10.0))
    thresh = img.mean() + 1.5 * img.std()
    mask = img > thresh
    coords = np.argwhere(mask)
    rows, cols = np.nonzero(mask)
    label = np.where(cols < 12, 1, 2)
    boxes = []
    cents = []
    for k in (1, 2):
        r, c = rows[label == k], cols[label == k]
        boxes.append([r.min(), c.min(), r.max(), c.max()])
        w = img[r, c]
        cents.append([np.average(r, weights=w), np.average(c, weights=w)])
    peak = np.unravel_index(np.argmax(img), img.shape)
    peak2 = np.unravel_index(np.argmax(np.where(xx > 12, img, 0)), img.shape)
    area = np.bincount(label, minlength=3)[1:]
    row_profile = mask.any(axis=1)
    first_row = np.argmax(row_profile)
    last_row = len(row_profile) - 1 - np.argmax(row_profile[::-1])
    flat = np.flatnonzero(mask)[:5]
    ravel_back = np.ravel_multi_index((rows[:5], cols[:5]), img.shape)
    return {"thresh": thresh, "n": mask.sum(), "coords_head": coords[:4],
            "boxes": np.array(boxes), "cents": np.array(cents), "peak": np.array(peak),
            "peak2": np.array(peak2), "area": area, "first_row": first_row,
            "last_row": last_row, "flat": flat, "ravel_ok": np.array_equal(flat, ravel_back),
            "masked_mean": img[mask].mean(), "count_cols": np.count_nonzero(mask, axis=0)}


if __name__ == "__main__":
    print(main())

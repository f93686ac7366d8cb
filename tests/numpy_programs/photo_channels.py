"""RGB image-like array manipulation: grayscale, flips, crops, padding, quantising."""
import numpy as np


def make_image(h=12, w=16):
    yy, xx = np.mgrid[0:h, 0:w]
    red = (xx * 255 // (w - 1)).astype(np.uint8)
    green = (yy * 255 // (h - 1)).astype(np.uint8)
    blue = ((xx + yy) % 7 * 36).astype(np.uint8)
    return np.dstack([red, green, blue])


def to_gray(img):
    weights = np.array([0.299, 0.587, 0.114])
    return np.round(img @ weights).astype(np.uint8)


def main():
    img = make_image()
    gray = to_gray(img)
    flipped = img[:, ::-1, :]
    upside = np.flipud(img)
    rotated = np.rot90(gray, k=1)
    crop = img[2:10, 3:13]
    padded = np.pad(gray, ((2, 2), (1, 1)), mode="reflect")
    edge_pad = np.pad(gray, 1, mode="edge")
    bright = np.clip(img.astype(np.int16) + 60, 0, 255).astype(np.uint8)
    inverted = 255 - img
    levels = (gray // 64) * 64
    channel_means = img.reshape(-1, 3).mean(axis=0)
    channel_max = img.max(axis=(0, 1))
    hist, edges = np.histogram(gray, bins=8, range=(0, 256))
    swapped = img[..., ::-1]
    transposed = np.transpose(img, (2, 0, 1))
    mask = gray > 128
    highlight = np.where(mask[..., None], img, 0)
    return {
        "gray": gray,
        "flipped": flipped,
        "upside": upside,
        "rotated": rotated,
        "crop_sum": crop.sum(dtype=np.int64),
        "padded": padded,
        "edge_pad": edge_pad,
        "bright": bright,
        "inverted_sum": int(inverted.sum()),
        "levels": levels,
        "channel_means": channel_means,
        "channel_max": channel_max,
        "hist": hist,
        "edges": edges,
        "swapped": swapped,
        "transposed_shape": np.array(transposed.shape),
        "highlight": highlight,
        "mask_count": np.count_nonzero(mask),
        "dtype": str(bright.dtype),
    }

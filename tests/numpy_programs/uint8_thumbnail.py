"""Grey-scale image chores on uint8 data: thresholding, downsampling, histogram, gamma."""
import numpy as np


def main():
    yy, xx = np.mgrid[0:16, 0:16]
    image = ((xx * 13 + yy * 7) % 256).astype(np.uint8)
    image[4:8, 4:12] = 250
    threshold = image.mean()
    binary = (image > threshold).astype(np.uint8) * 255
    hist = np.bincount(image.ravel(), minlength=256)
    cdf = hist.cumsum()
    otsu_like = np.searchsorted(cdf, cdf[-1] // 2)
    thumb = image.reshape(8, 2, 8, 2).mean(axis=(1, 3))
    thumb_u8 = thumb.astype(np.uint8)
    nearest = image[::4, ::4]
    upscaled = np.repeat(np.repeat(nearest, 2, axis=0), 2, axis=1)
    tiled = np.tile(nearest[:2, :2], (2, 3))
    inverted = 255 - image
    gamma = (255 * (image / 255.0) ** 0.5).round().astype(np.uint8)
    boosted = np.clip(image.astype(np.int16) * 3 // 2, 0, 255).astype(np.uint8)
    flipped = np.flipud(np.fliplr(image))
    rotated = np.rot90(image[:4, :6], k=-1)
    padded = np.pad(image[:3, :3], 1, mode="edge")
    padded_const = np.pad(image[:2, :2], ((1, 0), (0, 2)), constant_values=9)
    edges = np.abs(np.diff(image.astype(np.int16), axis=1)).max()
    return {
        "threshold": threshold,
        "binary_on": np.count_nonzero(binary),
        "hist_nonzero": np.count_nonzero(hist),
        "otsu_like": otsu_like,
        "thumb": thumb[:3, :3],
        "thumb_u8": thumb_u8[5:, 5:],
        "upscaled": upscaled[:4, :6],
        "tiled": tiled,
        "inverted_corner": inverted[:2, :5],
        "gamma": gamma[0, :8],
        "boosted": boosted[0, ::3],
        "flipped": flipped[:2, :4],
        "rotated": rotated,
        "padded": padded,
        "padded_const": padded_const,
        "edges": edges,
        "dtypes": np.array([str(inverted.dtype), str(gamma.dtype), str(thumb.dtype)]),
    }


if __name__ == "__main__":
    print(main())

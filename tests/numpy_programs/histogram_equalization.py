"""Histogram equalisation of an 8-bit image: the histogram with bincount, the CDF as
a lookup table applied by fancy indexing, histogram2d of neighbouring pixels, and
quantised levels with digitize."""
import numpy as np


def main():
    rng = np.random.default_rng(55)
    img = np.clip(rng.normal(90, 20, size=(32, 32)), 0, 255).astype(np.uint8)
    hist = np.bincount(img.ravel(), minlength=256)
    cdf = hist.cumsum()
    cdf_min = cdf[np.nonzero(cdf)[0][0]]
    lut = np.round((cdf - cdf_min) / (cdf[-1] - cdf_min) * 255).clip(0, 255).astype(np.uint8)
    equalised = lut[img]
    eq_hist, edges = np.histogram(equalised, bins=16, range=(0, 256))
    joint, xe, ye = np.histogram2d(img[:, :-1].ravel(), img[:, 1:].ravel(), bins=8,
                                   range=[[0, 256], [0, 256]])
    levels = np.digitize(img, np.array([64, 128, 192]))
    stretched = np.interp(img, (img.min(), img.max()), (0, 255)).astype(np.uint8)
    gamma = (255 * (img / 255.0) ** 0.5).astype(np.uint8)
    return {"hist_nonzero": np.flatnonzero(hist)[[0, -1]], "lut": lut, "equalised": equalised,
            "eq_hist": eq_hist, "edges": edges, "joint": joint, "xe": xe,
            "levels": np.bincount(levels.ravel()), "stretched": stretched, "gamma": gamma,
            "contrast": np.array([img.std(), equalised.std()]), "mean": img.mean(),
            "dtype": str(equalised.dtype)}


if __name__ == "__main__":
    print(main())

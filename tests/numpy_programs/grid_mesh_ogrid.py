"""Coordinate grids: meshgrid indexing, mgrid with complex steps, ogrid broadcasting."""
import numpy as np


def main():
    x = np.linspace(-2, 2, 5)
    y = np.array([0.0, 1.0, 2.0])
    X, Y = np.meshgrid(x, y)
    Xi, Yi = np.meshgrid(x, y, indexing="ij")
    R = np.hypot(X, Y)
    gauss = np.exp(-(X ** 2 + Y ** 2) / 2)
    sx, sy = np.meshgrid(x, y, sparse=True)
    sparse_sum = sx + sy
    mg = np.mgrid[0:3, 0:4]
    mgc = np.mgrid[-1:1:5j]
    mg2 = np.mgrid[0:1:3j, 0:2:3j]
    oy, ox = np.ogrid[0:4, 0:5]
    circle = (oy - 2) ** 2 + (ox - 2) ** 2 <= 4
    mult = oy * ox
    pts = np.column_stack([X.ravel(), Y.ravel()])
    idx = np.indices((2, 3))
    theta = np.arctan2(Y, X)
    ring = np.sum((R > 1) & (R < 2.5))
    text = np.array2string(gauss, precision=3, separator=", ")
    return {
        "X": X,
        "Y": Y,
        "Xi_shape": Xi.shape,
        "Yi": Yi,
        "R": R,
        "gauss": gauss,
        "sparse_shapes": (sx.shape, sy.shape),
        "sparse_sum": sparse_sum,
        "mg": mg,
        "mgc": mgc,
        "mg2": mg2,
        "oy_shape": oy.shape,
        "circle": circle,
        "mult": mult,
        "pts": pts[:6],
        "idx": idx,
        "theta": np.degrees(theta)[1],
        "ring": int(ring),
        "text": text,
    }

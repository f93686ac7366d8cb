"""Coordinate grids and fields: meshgrid, mgrid, ogrid, linspace, logspace."""
import numpy as np


def main():
    x = np.linspace(-2, 2, 5)
    y = np.linspace(-1, 1, 3)
    X, Y = np.meshgrid(x, y)
    Xi, Yi = np.meshgrid(x, y, indexing="ij")
    Xs, Ys = np.meshgrid(x, y, sparse=True)
    r = np.hypot(X, Y)
    theta = np.arctan2(Y, X)
    gauss = np.exp(-(X ** 2 + Y ** 2))
    sparse_sum = Xs + Ys
    mg = np.mgrid[0:3, 0:4]
    mgc = np.mgrid[-1:1:5j]
    og = np.ogrid[0:3, 0:4]
    outer = og[0] * 10 + og[1]
    ls_noend = np.linspace(0, 1, 4, endpoint=False)
    ls_step, step = np.linspace(0, 10, 6, retstep=True)
    logs = np.logspace(0, 3, 4)
    logs2 = np.logspace(0, 3, 4, base=2)
    geo = np.geomspace(1, 1000, 4)
    ar = np.arange(0.0, 1.0, 0.25)
    ar_neg = np.arange(10, 0, -3)
    vortex_u = -Y / (r ** 2 + 1)
    vortex_v = X / (r ** 2 + 1)
    curl = np.gradient(vortex_v, x, axis=1) - np.gradient(vortex_u, y, axis=0)
    pts = np.column_stack([X.ravel(), Y.ravel()])
    ind = np.indices((2, 3))
    # .T of a 3-d array: transpose() (bridge's .T is the standard's, 2-d only)
    cart = np.array(np.meshgrid([1, 2], [3, 4, 5])).transpose().reshape(-1, 2)
    deg = np.degrees(theta[0])
    rad = np.radians(np.array([0.0, 90.0, 180.0]))
    return {
        "X": X,
        "Y": Y,
        "Xi": Xi,
        "Yi": Yi,
        "r": r,
        "theta": theta,
        "gauss": gauss,
        "sparse_sum": sparse_sum,
        "mg": mg,
        "mgc": mgc,
        "outer": outer,
        "ls_noend": ls_noend,
        "ls_step": ls_step,
        "step": step,
        "logs": logs,
        "logs2": logs2,
        "geo": geo,
        "ar": ar,
        "ar_neg": ar_neg,
        "curl": curl,
        "pts": pts,
        "ind": ind,
        "cart": cart,
        "deg": deg,
        "rad": rad,
    }

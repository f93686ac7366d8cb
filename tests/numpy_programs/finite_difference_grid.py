import numpy as np


def main():
    x = np.linspace(0.0, np.pi, 41)
    h = x[1] - x[0]
    y = np.sin(x) * np.exp(-0.3 * x)
    exact = np.exp(-0.3 * x) * (np.cos(x) - 0.3 * np.sin(x))
    d_default = np.gradient(y, h)
    d_edge2 = np.gradient(y, x, edge_order=2)
    # hand-written central differences with slicing
    central = (y[2:] - y[:-2]) / (2 * h)
    forward = np.diff(y) / h
    second = (y[2:] - 2 * y[1:-1] + y[:-2]) / h**2
    second_diff = np.diff(y, n=2) / h**2
    # uneven grid
    xu = np.unique(np.concatenate([x[::3], x[1::7]]))
    yu = np.sin(xu)
    du = np.gradient(yu, xu)
    # 2-D field: gradients along each axis with different spacings
    gx, gy = np.meshgrid(np.linspace(0, 1, 6), np.linspace(0, 2, 5))
    field = gx**2 + 3 * gx * gy
    d_dy, d_dx = np.gradient(field, 0.5, 0.2)
    only_axis1 = np.gradient(field, 0.2, axis=1)
    padded = np.diff(y, prepend=y[0], append=y[-1])
    return {
        "err_default": float(np.abs(d_default - exact).max()),
        "err_edge2": float(np.abs(d_edge2 - exact).max()),
        "central_matches": bool(np.allclose(central, d_default[1:-1])),
        "forward": forward[:5],
        "second_same": bool(np.allclose(second, second_diff)),
        "second": second[::8],
        "uneven": du,
        "d_dx": d_dx,
        "d_dy": d_dy,
        "axis1_same": bool(np.array_equal(only_axis1, d_dx)),
        "padded_len": padded.shape[0],
        "padded_ends": padded[[0, -1]],
    }

"""Vectorised Newton's method: cube roots of many numbers at once, a
polynomial root finder from an array of starting points with convergence masks,
np.errstate around a derivative that can vanish, and cleanup with
np.nan_to_num and np.isfinite."""
import numpy as np


def newton(f, df, x0, tol=1e-12, maxiter=50):
    x = np.asarray(x0, dtype=float).copy()
    active = np.ones(x.shape, dtype=bool)
    iters = np.zeros(x.shape, dtype=int)
    for _ in range(maxiter):
        with np.errstate(divide="ignore", invalid="ignore"):
            step = f(x) / df(x)
        step = np.where(active, step, 0.0)
        x -= step
        iters += active
        active &= np.abs(step) > tol
        if not active.any():
            break
    return x, iters


def main():
    a = np.array([1.0, 8.0, 27.0, 2.0, 1000.0, 0.001])
    cube, it_cube = newton(lambda x: x ** 3 - a, lambda x: 3 * x ** 2, np.ones_like(a))
    starts = np.linspace(-3, 3, 9)
    roots, it_roots = newton(lambda x: x ** 3 - 2 * x - 5 + 0 * x, lambda x: 3 * x ** 2 - 2, starts)
    with np.errstate(divide="ignore", invalid="ignore"):
        bad = np.array([0.0, 1.0, -1.0]) / np.array([0.0, 0.0, 0.0])
    cleaned = np.nan_to_num(bad, nan=0.0, posinf=1e300, neginf=-1e300)
    x0 = np.array([0.0])
    stuck, _ = newton(lambda x: x ** 2 + 1, lambda x: 2 * x, x0, maxiter=3)
    old = np.seterr(all="ignore")
    z = np.log(np.array([0.0, -1.0, 1.0]))
    np.seterr(**old)
    return {
        "cube": cube,
        "cube_exact": bool(np.allclose(cube, np.cbrt(a))),
        "iters_cube": it_cube,
        "roots": np.round(roots, 10),
        "unique_real_root": np.unique(np.round(roots[np.isfinite(roots)], 8)),
        "iters_roots_max": int(it_roots.max()),
        "bad": bad,
        "cleaned": cleaned,
        "stuck_finite": bool(np.isfinite(stuck).all()),
        "log_special": z,
        "default_err": np.geterr()["divide"],
        "sqrt2": newton(lambda x: x * x - 2, lambda x: 2 * x, [1.0])[0][0],
    }


if __name__ == "__main__":
    print(main())

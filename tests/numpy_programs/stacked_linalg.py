"""Batches of small linear systems: det, inv, solve and matrix_power on stacks."""
import numpy as np


def main():
    rng = np.random.default_rng(7)
    mats = rng.normal(size=(5, 3, 3)) + 3 * np.eye(3)
    rhs = rng.normal(size=(5, 3))
    dets = np.linalg.det(mats)
    invs = np.linalg.inv(mats)
    identity_error = np.abs(invs @ mats - np.eye(3)).max()
    sol = np.linalg.solve(mats, rhs[..., None])[..., 0]
    residual = np.abs(np.einsum("nij,nj->ni", mats, sol) - rhs).max()
    multi_rhs = np.linalg.solve(mats[0], np.eye(3))
    sign, logdet = np.linalg.slogdet(mats)
    fib = np.linalg.matrix_power(np.array([[1, 1], [1, 0]]), 30)
    rotation = np.array([[0.0, -1.0], [1.0, 0.0]])
    r4 = np.linalg.matrix_power(rotation, 4)
    r_inv = np.linalg.matrix_power(rotation, -1)
    r0 = np.linalg.matrix_power(rotation, 0)
    stack_pow = np.linalg.matrix_power(mats[:2], 3)
    return {
        "dets": dets,
        "identity_ok": identity_error < 1e-12,
        "sol": sol,
        "residual_ok": residual < 1e-12,
        "multi_rhs": multi_rhs,
        "sign": sign,
        "logdet": logdet,
        "fib": fib,
        "fib_dtype": fib.dtype.kind,
        "r4": r4,
        "r_inv": r_inv,
        "r0": r0,
        "stack_pow": stack_pow,
    }


if __name__ == "__main__":
    print(main())

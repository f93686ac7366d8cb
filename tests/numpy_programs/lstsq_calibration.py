"""Sensor calibration by least squares, pseudo-inverses and conditioning."""
import numpy as np


def design(t):
    return np.column_stack([np.ones_like(t), t, t ** 2])


def main():
    t = np.linspace(0, 5, 21)
    true = np.array([1.5, -0.7, 0.3])
    noise = 0.05 * np.sin(7 * t)
    y = design(t) @ true + noise
    A = design(t)
    coef, resid, rank, sv = np.linalg.lstsq(A, y, rcond=None)
    pinv_coef = np.linalg.pinv(A) @ y
    normal = np.linalg.solve(A.T @ A, A.T @ y)
    Y = np.column_stack([y, 2 * y + 1])
    coef2, resid2, _, _ = np.linalg.lstsq(A, Y, rcond=None)
    fitted = A @ coef
    r2 = 1 - np.sum((y - fitted) ** 2) / np.sum((y - y.mean()) ** 2)
    cond = np.linalg.cond(A)
    cond_fro = np.linalg.cond(A.T @ A, "fro")
    rank_def = np.column_stack([t, 2 * t, np.ones_like(t)])
    rk = np.linalg.matrix_rank(rank_def)
    coef_def, _, rank2, _ = np.linalg.lstsq(rank_def, y, rcond=None)
    B = np.array([[3.0, 1.0, -1.0], [2.0, 4.0, 1.0], [-1.0, 2.0, 5.0]])
    rhs = np.array([[4.0, 1.0], [1.0, 0.0], [1.0, 2.0]])
    X = np.linalg.solve(B, rhs)
    inv = np.linalg.inv(B)
    Q, Rm = np.linalg.qr(A)
    qr_coef = np.linalg.solve(Rm, Q.T @ y)
    return {
        "coef": coef,
        "resid": resid,
        "rank": rank,
        "sv": sv,
        "pinv_coef": pinv_coef,
        "normal": normal,
        "coef2": coef2,
        "resid2": resid2,
        "r2": r2,
        "cond": cond,
        "cond_fro": cond_fro,
        "rk": rk,
        "rank2": rank2,
        "fit_def": rank_def @ coef_def,
        "X": X,
        "inv": inv,
        "qr_coef": qr_coef,
    }

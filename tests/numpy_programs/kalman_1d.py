"""A constant-velocity Kalman filter tracking a noisy position: state and covariance
matrices updated with @, the gain from np.linalg.inv, innovations and their
normalised squares, and a fixed-lag comparison of filtered and raw errors."""
import numpy as np


def main():
    rng = np.random.default_rng(101)
    dt, steps = 0.1, 80
    F = np.array([[1.0, dt], [0.0, 1.0]])
    H = np.array([[1.0, 0.0]])
    Q = 0.01 * np.array([[dt ** 3 / 3, dt ** 2 / 2], [dt ** 2 / 2, dt]])
    R = np.array([[0.25]])
    truth = np.zeros((steps, 2))
    truth[0] = [0.0, 1.0]
    for t in range(1, steps):
        truth[t] = F @ truth[t - 1] + rng.multivariate_normal(np.zeros(2), Q)
    z = truth[:, 0] + rng.normal(0, 0.5, size=steps)
    x = np.array([0.0, 0.0])
    P = np.eye(2) * 10.0
    est = np.empty((steps, 2))
    nis = np.empty(steps)
    gains = np.empty((steps, 2))
    for t in range(steps):
        x = F @ x
        P = F @ P @ F.T + Q
        y = z[t] - (H @ x)[0]
        S = H @ P @ H.T + R
        K = P @ H.T @ np.linalg.inv(S)
        x = x + K[:, 0] * y
        P = (np.eye(2) - K @ H) @ P
        est[t] = x
        nis[t] = y ** 2 / S[0, 0]
        gains[t] = K[:, 0]
    err_f = np.abs(est[:, 0] - truth[:, 0])
    err_r = np.abs(z - truth[:, 0])
    return {"est_end": est[-1], "P_end": P, "gain_end": gains[-1], "gains": gains[::10],
            "nis_mean": nis.mean(), "rmse_filter": np.sqrt(np.mean(err_f[10:] ** 2)),
            "rmse_raw": np.sqrt(np.mean(err_r[10:] ** 2)),
            "better": float(np.mean(err_f[10:] < err_r[10:])),
            "velocity": est[::20, 1], "symmetric_P": bool(np.allclose(P, P.T))}


if __name__ == "__main__":
    print(main())

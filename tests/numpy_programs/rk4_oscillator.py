"""RK4 integration of a damped driven oscillator and a batch of pendulums:
state vectors as arrays, a fixed-step loop storing the trajectory, comparison
with the exact undamped solution, energy drift, zero crossings from sign
changes and period estimates."""
import numpy as np


def rk4_step(f, t, y, h):
    k1 = f(t, y)
    k2 = f(t + h / 2, y + h / 2 * k1)
    k3 = f(t + h / 2, y + h / 2 * k2)
    k4 = f(t + h, y + h * k3)
    return y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)


def main():
    w0, gamma = 2.0, 0.1
    def osc(t, y):
        return np.array([y[1], -w0 ** 2 * y[0] - 2 * gamma * y[1] + 0.5 * np.cos(1.5 * t)])
    def free(t, y):
        return np.array([y[1], -w0 ** 2 * y[0]])
    h, steps = 0.01, 1000
    t = np.arange(steps + 1) * h
    traj = np.empty((steps + 1, 2))
    traj[0] = [1.0, 0.0]
    free_traj = traj.copy()
    for i in range(steps):
        traj[i + 1] = rk4_step(osc, t[i], traj[i], h)
        free_traj[i + 1] = rk4_step(free, t[i], free_traj[i], h)
    exact = np.cos(w0 * t)
    energy = 0.5 * free_traj[:, 1] ** 2 + 0.5 * w0 ** 2 * free_traj[:, 0] ** 2
    crossings = np.where(np.diff(np.sign(free_traj[:, 0])) != 0)[0]
    period = 2 * np.mean(np.diff(t[crossings]))
    thetas = np.array([0.1, 0.5, 1.0, 2.0])
    state = np.column_stack([thetas, np.zeros_like(thetas)])
    def pend(t, s):
        return np.column_stack([s[:, 1], -np.sin(s[:, 0])])
    for i in range(500):
        state = rk4_step(pend, i * 0.01, state, 0.01)
    return {
        "final": traj[-1],
        "max_err": float(np.max(np.abs(free_traj[:, 0] - exact))),
        "energy_drift": float(np.ptp(energy)),
        "n_crossings": crossings.size,
        "period": period,
        "exact_period": np.pi,
        "pend_state": state,
        "amplitude_late": float(np.abs(traj[800:, 0]).max()),
        "sample": traj[::250, 0],
    }


if __name__ == "__main__":
    print(main())

import numpy as np


def deriv(state, g=9.81, length=1.0, damping=0.1):
    theta, omega = state[..., 0], state[..., 1]
    dtheta = omega
    domega = -(g / length) * np.sin(theta) - damping * omega
    return np.stack([dtheta, domega], axis=-1)


def rk4_step(state, dt):
    k1 = deriv(state)
    k2 = deriv(state + 0.5 * dt * k1)
    k3 = deriv(state + 0.5 * dt * k2)
    k4 = deriv(state + dt * k3)
    return state + dt / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4)


def euler_step(state, dt):
    return state + dt * deriv(state)


def main():
    angles = np.deg2rad(np.array([5.0, 30.0, 60.0, 90.0, 150.0]))
    state0 = np.column_stack([angles, np.zeros_like(angles)])
    dt, steps = 0.01, 500
    rk = state0.copy()
    eu = state0.copy()
    energy = np.empty((steps + 1, len(angles)))
    energy[0] = 0.5 * rk[:, 1] ** 2 + 9.81 * (1 - np.cos(rk[:, 0]))
    crossings = np.zeros(len(angles), dtype=np.int64)
    for i in range(steps):
        new = rk4_step(rk, dt)
        crossings += (np.sign(new[:, 0]) != np.sign(rk[:, 0])).astype(np.int64)
        rk = new
        eu = euler_step(eu, dt)
        energy[i + 1] = 0.5 * rk[:, 1] ** 2 + 9.81 * (1 - np.cos(rk[:, 0]))
    decay = energy[-1] / energy[0]
    return {
        "rk_final": rk,
        "euler_final": eu,
        "euler_gap": np.abs(rk - eu).max(axis=0),
        "decay": decay,
        "monotone": bool(np.all(np.diff(energy, axis=0) <= 1e-12)),
        "crossings": crossings,
        "peak_speed": np.abs(rk[:, 1]).round(6),
    }

"""Engineering: RC circuit charging and discharging curves."""
import numpy as np


def main():
    R = np.array([1e3, 2.2e3, 4.7e3])
    C = 100e-6
    tau = R * C
    V0 = 5.0
    t = np.linspace(0, 2.0, 101)
    charge = V0 * (1 - np.exp(-t / tau[:, None]))
    discharge = V0 * np.exp(-t[None, :] / tau[:, None])
    current = (V0 / R)[:, None] * np.exp(-t / tau[:, None])
    t63 = t[np.argmax(charge >= 0.632 * V0, axis=1)]
    settled = (np.abs(charge - V0) < 0.01 * V0).argmax(axis=1)
    energy = 0.5 * C * charge[:, -1] ** 2
    dt = t[1] - t[0]
    v = np.zeros((3, t.size))
    for i in range(1, t.size):
        v[:, i] = v[:, i - 1] + dt * (V0 - v[:, i - 1]) / tau
    euler_err = np.abs(v - charge).max(axis=1)
    power = current ** 2 * R[:, None]
    heat = np.trapezoid(power, t, axis=1)
    half_life = tau * np.log(2)
    return {
        "tau": tau,
        "charge_end": charge[:, -1],
        "discharge_mid": discharge[:, 50],
        "t63": t63,
        "settled": settled,
        "energy": energy,
        "euler_err": euler_err,
        "heat": heat,
        "half_life": half_life,
    }

"""ODE integrators compared on problems with known solutions: explicit Euler, Heun
and midpoint steps for logistic growth, a vectorised system (a harmonic
oscillator), and the convergence order from a log-log fit."""
import numpy as np


def euler(f, y0, t):
    y = np.empty((len(t),) + np.shape(y0))
    y[0] = y0
    for k in range(len(t) - 1):
        y[k + 1] = y[k] + (t[k + 1] - t[k]) * f(t[k], y[k])
    return y


def heun(f, y0, t):
    y = np.empty((len(t),) + np.shape(y0))
    y[0] = y0
    for k in range(len(t) - 1):
        h = t[k + 1] - t[k]
        k1 = f(t[k], y[k])
        k2 = f(t[k + 1], y[k] + h * k1)
        y[k + 1] = y[k] + h / 2 * (k1 + k2)
    return y


def main():
    r, K = 1.5, 10.0

    def logistic(t, y):
        return r * y * (1 - y / K)

    def exact(t):
        return K / (1 + (K / 0.5 - 1) * np.exp(-r * t))

    errors = []
    for n in (20, 40, 80, 160):
        t = np.linspace(0, 4, n + 1)
        errors.append([abs(euler(logistic, 0.5, t)[-1] - exact(4.0)),
                       abs(heun(logistic, 0.5, t)[-1] - exact(4.0))])
    errors = np.array(errors)
    hs = 4.0 / np.array([20, 40, 80, 160])
    orders = np.polyfit(np.log(hs), np.log(errors), 1)[0]
    omega = 2.0

    def osc(t, y):
        return np.array([y[1], -omega ** 2 * y[0]])

    t = np.linspace(0, 2 * np.pi, 401)
    ye = euler(osc, np.array([1.0, 0.0]), t)
    yh = heun(osc, np.array([1.0, 0.0]), t)

    def energy(y):
        return 0.5 * y[:, 1] ** 2 + 0.5 * omega ** 2 * y[:, 0] ** 2

    def decay(t, y):
        return -0.5 * y

    many = euler(decay, np.array([1.0, 2.0, 4.0]), np.linspace(0, 1, 11))
    return {"errors": errors, "orders": orders, "euler_end": ye[-1], "heun_end": yh[-1],
            "energy_euler": energy(ye)[::50], "energy_heun": energy(yh)[::50],
            "many": many, "exact_end": exact(np.linspace(0, 4, 5))}


if __name__ == "__main__":
    print(main())

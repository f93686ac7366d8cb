"""Tariffs and price schedules with piecewise, select, where, clip and rounding."""
import numpy as np


def electricity_bill(kwh):
    kwh = np.asarray(kwh, dtype=float)
    return np.piecewise(
        kwh,
        [kwh <= 100, (kwh > 100) & (kwh <= 300), kwh > 300],
        [lambda k: 0.10 * k,
         lambda k: 10 + 0.15 * (k - 100),
         lambda k: 40 + 0.25 * (k - 300)],
    )


def shipping(weight, distance):
    conds = [weight < 1, weight < 5, weight < 20]
    base = np.select(conds, [4.0, 7.5, 15.0], default=40.0)
    return base + np.where(distance > 500, 0.01 * (distance - 500), 0.0)


def main():
    usage = np.array([0, 50, 100, 150, 300, 301, 450, 1000])
    bill = electricity_bill(usage)
    w = np.array([0.5, 2.0, 4.99, 5.0, 19.0, 25.0])
    d = np.array([100, 600, 1200, 50, 501, 2000])
    ship = shipping(w, d)
    prices = np.array([19.994, 5.005, 7.125, 0.5, 1.5, 2.5, -0.5, -1.5])
    rounded2 = np.round(prices, 2)
    banker = np.round(prices)
    around = np.around(prices, 1)
    tens = np.round(np.array([1234.5, 5678.9]), -2)
    disc = np.clip(prices * 0.9, 1.0, 10.0)
    floor_c = np.floor(prices * 100) / 100
    ceil_c = np.ceil(prices * 100) / 100
    trunc = np.trunc(prices)
    rint = np.rint(prices)
    fix = np.fix(prices)
    step = np.heaviside(np.array([-1.0, 0.0, 2.0]), 0.5)
    tiers = np.piecewise(np.arange(-3, 4), [np.arange(-3, 4) < 0], [-1, 1])
    sign = np.sign(prices)
    copysign = np.copysign(np.array([1.0, 2.0, 3.0]), np.array([-1.0, 0.0, -0.0]))
    int_clip = np.clip(np.arange(10), 2, 7)
    lo_only = np.clip(np.array([-5.0, 0.0, 5.0]), 0, None)
    return {
        "bill": bill,
        "ship": ship,
        "rounded2": rounded2,
        "banker": banker,
        "around": around,
        "tens": tens,
        "disc": disc,
        "floor_c": floor_c,
        "ceil_c": ceil_c,
        "trunc": trunc,
        "rint": rint,
        "fix": fix,
        "step": step,
        "tiers": tiers,
        "sign": sign,
        "copysign": copysign,
        "int_clip": int_clip,
        "lo_only": lo_only,
    }

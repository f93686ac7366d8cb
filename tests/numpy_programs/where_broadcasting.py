"""Conditional arithmetic with np.where broadcasting, np.select and np.clip."""
import numpy as np


def main():
    hours = np.arange(24)
    weekday = np.array([True, True, True, True, True, False, False])
    peak = (hours >= 7) & (hours < 19)
    tariff = np.where(weekday[:, None] & peak[None, :], 0.32, 0.18)
    usage = np.outer(np.linspace(0.8, 1.2, 7), 1 + np.sin(hours / 24 * 2 * np.pi))
    cost = (usage * tariff).sum(axis=1)
    scalar_branch = np.where(usage > 1.55, usage, 0.0)
    col_fill = np.where(usage > 1.9, np.arange(24), -1)
    row_fill = np.where(peak, np.arange(7)[:, None], 0)
    x = np.linspace(-2, 2, 9)
    conditions = [x < -1, x < 0, x < 1]
    choices = [x ** 2, -x, x]
    selected = np.select(conditions, choices, default=1.0)
    piecewise = np.piecewise(x, [x < 0, x >= 0], [lambda v: -v, lambda v: v ** 2])
    clipped = np.clip(x, -1.0, 0.5)
    clip_arrays = np.clip(np.arange(6), [1, 1, 1, 4, 4, 4], 3)
    int_where = np.where(np.array([1, 0, 2]) > 0, np.array([10, 20, 30]), np.array([-1.5, -2.5, -3.5]))
    indices = np.where(usage[0] > 1.55)[0]
    two_d = np.argwhere(usage > 2.05)
    heaviside = np.heaviside(x, 0.5)
    sign = np.sign(x)
    return {
        "tariff_sum": tariff.sum(axis=1),
        "cost": cost,
        "scalar_branch_count": np.count_nonzero(scalar_branch),
        "col_fill": col_fill[:, :12],
        "row_fill": row_fill[:, 5:20],
        "selected": selected,
        "piecewise": piecewise,
        "clipped": clipped,
        "clip_arrays": clip_arrays,
        "int_where": int_where,
        "indices": indices,
        "two_d": two_d,
        "heaviside": heaviside,
        "sign": sign,
    }


if __name__ == "__main__":
    print(main())

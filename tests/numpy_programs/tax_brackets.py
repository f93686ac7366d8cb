"""Piecewise rules on arrays: progressive tax with np.piecewise, np.digitize
categories, nested np.where, np.clip with arrays of bounds, and np.choose."""
import numpy as np


def tax(income):
    return np.piecewise(
        income,
        [income <= 10000, (income > 10000) & (income <= 40000), income > 40000],
        [0.0, lambda x: (x - 10000) * 0.2, lambda x: 6000 + (x - 40000) * 0.4])


def main():
    income = np.array([5000.0, 10000.0, 25000.0, 40000.0, 75000.0, 120000.0])
    t = tax(income)
    rate = np.divide(t, income, out=np.zeros_like(t), where=income > 0)
    band = np.array(["low", "mid", "high"])[np.digitize(income, [20000, 60000])]
    code = np.where(income > 50000, 2, np.where(income > 15000, 1, 0))
    lo = np.array([6000.0, 6000, 20000, 20000, 50000, 50000])
    clipped = np.clip(income, lo, 80000)
    choice = np.choose(code, [income * 0, income * 0.1, income * 0.2])
    sign = np.piecewise(np.array([-2, 0, 3]), [np.array([-2, 0, 3]) < 0, np.array([-2, 0, 3]) > 0], [-1, 1])
    heav = np.heaviside(np.array([-1.0, 0.0, 2.0]), 0.5)
    return {"tax": t, "rate": rate.round(4), "band": band, "code": code, "clipped": clipped,
            "choice": choice, "sign": sign, "heav": heav, "net": income - t,
            "total_tax": float(t.sum()), "where_one": np.where(income > 30000)[0],
            "copysign": np.copysign(np.array([1.0, 2.0]), np.array([-1.0, 1.0]))}


if __name__ == "__main__":
    print(main())

"""Savings and loans with cumulative operations: compound growth via cumprod,
running balances with cumsum, drawdowns from maximum.accumulate, an amortization
schedule, and moving sums with convolve."""
import numpy as np


def main():
    rates = np.array([0.05, 0.03, -0.02, 0.07, 0.04, -0.01, 0.06, 0.02])
    growth = np.cumprod(1 + rates)
    value = 1000 * growth
    deposits = np.full(8, 100.0)
    balance = np.cumsum(deposits)
    peak = np.maximum.accumulate(value)
    drawdown = (peak - value) / peak
    worst = np.minimum.accumulate(rates)
    principal, r, nper = 10000.0, 0.005, 12
    payment = principal * r / (1 - (1 + r) ** -nper)
    bal = np.empty(nper + 1)
    bal[0] = principal
    interest = np.empty(nper)
    for k in range(nper):
        interest[k] = bal[k] * r
        bal[k + 1] = bal[k] + interest[k] - payment
    moving = np.convolve(rates, np.ones(3), mode="valid")
    logret = np.log1p(rates)
    geo = np.expm1(logret.mean())
    return {"growth": growth, "value": value, "balance": balance, "drawdown": drawdown,
            "max_dd": drawdown.max(), "worst": worst, "payment": payment, "bal": bal,
            "interest": interest, "total_interest": interest.sum(), "moving": moving,
            "geo": geo, "cumsum2d": np.cumsum(np.arange(6).reshape(2, 3), axis=0),
            "cumprod_int": np.cumprod(np.arange(1, 8)), "diff2": np.diff(value, n=2),
            "full_conv": np.convolve([1, 2, 3], [0, 1, 0.5]),
            "same_conv": np.convolve(rates, [0.25, 0.5, 0.25], mode="same")}


if __name__ == "__main__":
    print(main())

"""Finance: compound interest with cumprod under varying rates."""
import numpy as np


def main():
    principal = 10_000.0
    rates = np.array([0.03, 0.035, 0.04, 0.02, 0.05, 0.045, 0.03, 0.025])
    growth = np.cumprod(1 + rates)
    balance = principal * growth
    closed_form = principal * (1 + rates).prod()

    monthly = np.full(24, 0.04 / 12)
    monthly_path = principal * (1 + monthly).cumprod()
    years = np.arange(1, 11)
    compounding = np.array([1, 4, 12, 365])
    table = principal * (1 + 0.05 / compounding[:, None]) ** (compounding[:, None] * years)
    continuous = principal * np.exp(0.05 * years)

    deposits = np.full(12, 200.0)
    factors = (1 + 0.06 / 12) ** np.arange(11, -1, -1)
    future_value = (deposits * factors).sum()
    doubling = np.log(2) / np.log1p(rates)
    first_over = int(np.argmax(balance > 12_000))
    return {
        "balance": balance,
        "closed_form": closed_form,
        "monthly_last": monthly_path[-1],
        "table": table,
        "continuous": continuous,
        "future_value": future_value,
        "doubling": doubling.round(2),
        "first_over": first_over,
        "rounded": np.round(balance, 2).tolist(),
    }

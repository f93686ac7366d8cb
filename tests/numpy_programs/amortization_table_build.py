"""Finance: a loan amortization table built with arrays."""
import numpy as np


def main():
    principal = 25_000.0
    annual_rate = 0.065
    months = 36
    r = annual_rate / 12
    payment = principal * r / (1 - (1 + r) ** -months)

    balance = np.empty(months + 1)
    balance[0] = principal
    interest = np.zeros(months)
    principal_paid = np.zeros(months)
    for k in range(months):
        interest[k] = balance[k] * r
        principal_paid[k] = payment - interest[k]
        balance[k + 1] = balance[k] - principal_paid[k]

    table = np.column_stack([np.arange(1, months + 1), np.full(months, payment),
                             interest, principal_paid, balance[1:]])
    total_interest = interest.sum()
    cum_interest = np.cumsum(interest)
    half_paid = int(np.searchsorted(-balance, -principal / 2))
    yearly = interest.reshape(3, 12).sum(axis=1)
    crossover = int(np.flatnonzero(principal_paid > interest)[0])
    rounded = np.round(table[:3], 2)
    return {
        "payment": payment,
        "final_balance": np.round(balance[-1], 6),
        "total_interest": total_interest,
        "cum_interest": cum_interest,
        "half_paid": half_paid,
        "yearly": yearly,
        "crossover": crossover,
        "rounded": rounded,
        "shape": np.array(table.shape),
    }

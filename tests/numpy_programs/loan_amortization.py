"""A fixed-rate loan amortized month by month: the annuity payment, the split of
each payment into interest and principal, the balance after each month, extra
payments that shorten the term, and the total interest across several rates."""
import numpy as np


def payment(principal, annual_rate, years):
    r = annual_rate / 12
    n = years * 12
    return principal * r / (1 - (1 + r) ** -n)


def schedule(principal, annual_rate, years, extra=0.0):
    r = annual_rate / 12
    pay = payment(principal, annual_rate, years) + extra
    balance = principal
    rows = []
    while balance > 1e-9 and len(rows) < years * 12:
        interest = balance * r
        towards = min(pay - interest, balance)
        balance -= towards
        rows.append((interest, towards, balance))
    return np.array(rows)


def main():
    table = schedule(250_000.0, 0.045, 30)
    fast = schedule(250_000.0, 0.045, 30, extra=200.0)
    rates = np.array([0.03, 0.035, 0.04, 0.045, 0.05, 0.06])
    pays = payment(250_000.0, rates, 30)
    total_interest = pays * 360 - 250_000.0
    cum_interest = np.cumsum(table[:, 0])
    half_paid = int(np.argmax(table[:, 2] <= 125_000.0)) + 1
    crossover = int(np.flatnonzero(table[:, 1] > table[:, 0])[0]) + 1
    yearly = table[:, :2].reshape(30, 12, 2).sum(axis=1)
    return {"payment": round(float(payment(250_000.0, 0.045, 30)), 2),
            "months": table.shape[0], "months_fast": fast.shape[0],
            "saved": float(table[:, 0].sum() - fast[:, 0].sum()),
            "pays": np.round(pays, 2), "total_interest": total_interest,
            "cum_interest_every_5y": cum_interest[59::60], "half_paid_month": half_paid,
            "crossover_month": crossover, "yearly": yearly[:5],
            "final_balance": abs(float(table[-1, 2])) < 1e-6}


if __name__ == "__main__":
    print(main())

"""Bank ledger: np.loadtxt with usecols, unpack, skiprows and a semicolon delimiter."""
import io

import numpy as np

LEDGER = """date;account;amount;balance
20240101;3;120.50;1120.50
20240103;1;-45.00;1075.50
20240104;3;-300.25;775.25
20240110;2;1000.00;1775.25
20240111;1;-12.75;1762.50
20240115;2;-250.00;1512.50
20240120;3;60.00;1572.50
"""


def main():
    dates, accounts, amounts = np.loadtxt(io.StringIO(LEDGER), delimiter=";", skiprows=1,
                                          usecols=(0, 1, 2), unpack=True)
    balance = np.loadtxt(io.StringIO(LEDGER), delimiter=";", skiprows=1, usecols=3)
    accounts = accounts.astype(np.int64)
    days = (dates - 20240100).astype(int)
    per_account = np.bincount(accounts, weights=amounts, minlength=4)
    debits = amounts[amounts < 0]
    credits = amounts[amounts > 0]
    running = 1000.0 + np.cumsum(amounts)
    consistent = np.allclose(running, balance)
    gaps = np.diff(days)
    out = io.StringIO()
    np.savetxt(out, np.column_stack([days, amounts]), fmt=["%d", "%.2f"], delimiter=",")
    ints = np.loadtxt(io.StringIO("1 2 3\n4 5 6\n"), dtype=np.int32)
    return {
        "days": days,
        "per_account": per_account,
        "total_debits": debits.sum(),
        "total_credits": credits.sum(),
        "largest_debit_day": days[np.argmin(amounts)],
        "consistent": consistent,
        "gaps": gaps,
        "csv": out.getvalue(),
        "ints": ints,
        "ints_dtype": str(ints.dtype),
    }


if __name__ == "__main__":
    print(main())

import numpy as np


def main():
    regions = np.array(["north", "south", "east", "west"])
    region_idx = np.array([0, 1, 2, 3, 0, 0, 2, 1, 3, 3, 2, 0, 1, 2, 3, 0])
    month = np.array([1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 6, 6, 6])
    units = np.array([5, 3, 8, 2, 7, 1, 4, 6, 9, 3, 2, 8, 5, 1, 7, 4])
    price = np.array([2.5, 3.0, 1.5, 4.0, 2.5, 2.5, 1.5, 3.0, 4.0, 4.0, 1.5, 2.5, 3.0, 1.5, 4.0, 2.5])
    revenue = units * price
    months = np.unique(month)
    col = np.searchsorted(months, month)
    table = np.zeros((len(regions), len(months)))
    np.add.at(table, (region_idx, col), revenue)
    # last-write pivot via fancy assignment (duplicates keep the last value)
    last = np.zeros((len(regions), len(months)), dtype=int)
    last[region_idx, col] = units
    counts = np.zeros_like(last)
    np.add.at(counts, (region_idx, col), 1)
    row_totals = table.sum(axis=1)
    col_totals = table.sum(axis=0)
    with_totals = np.vstack([np.column_stack([table, row_totals]),
                             np.append(col_totals, col_totals.sum())])
    best_month = months[table.argmax(axis=1)]
    avg = np.divide(table, counts, out=np.full(table.shape, np.nan), where=counts > 0)
    share = table / table.sum()
    ranking = np.argsort(-row_totals, kind="stable")
    return {
        "table": table,
        "last": last,
        "counts": counts,
        "with_totals": with_totals,
        "best_month": best_month,
        "avg": avg,
        "share_rounded": np.round(share, 3),
        "ranking": ranking,
        "top_region": str(regions[ranking[0]]),
        "empty_cells": int((counts == 0).sum()),
        "nan_means": np.nanmean(avg, axis=1),
    }

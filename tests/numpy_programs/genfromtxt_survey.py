"""Parse a small survey export with np.genfromtxt: missing cells, usecols, names."""
import io

import numpy as np

RAW = """# id,age,height,weight,score
1,34,1.72,68.5,7
2,,1.65,59.0,9
3,45,1.80,,6
4,29,1.58,52.3,
5,51,1.77,81.2,8
6,38,,74.0,5
"""


def main():
    table = np.genfromtxt(io.StringIO(RAW), delimiter=",", comments="#")
    missing = np.isnan(table)
    missing_per_column = missing.sum(axis=0)
    complete_rows = ~missing.any(axis=1)
    column_means = np.nanmean(table[:, 1:], axis=0)
    filled = table.copy()
    rows, cols = np.nonzero(missing)
    filled[rows, cols] = column_means[cols - 1]
    bmi = filled[:, 3] / filled[:, 2] ** 2
    ages = np.genfromtxt(io.StringIO(RAW), delimiter=",", usecols=(0, 1),
                         filling_values=-1, dtype=int)
    scores = np.genfromtxt(io.StringIO(RAW), delimiter=",", usecols=4,
                           skip_header=1)
    return {
        "shape": np.array(table.shape),
        "missing_per_column": missing_per_column,
        "complete_ids": table[complete_rows, 0],
        "column_means": column_means,
        "bmi": np.round(bmi, 3),
        "ages": ages,
        "ages_dtype": str(ages.dtype),
        "scores": scores,
        "top_scorer": int(table[np.nanargmax(scores), 0]),
    }


if __name__ == "__main__":
    print(main())

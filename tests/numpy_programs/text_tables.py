"""Reading and writing small text tables: np.loadtxt with delimiters, skiprows
and usecols, np.genfromtxt with missing values, np.savetxt with a format and
header, and np.fromstring/array parsing of number lists."""
import io

import numpy as np

CSV = """# id,height,weight
1,1.72,68.5
2,1.65,59.0
3,1.80,77.2
4,1.58,52.3
"""

GAPPY = """a b c
1 2 3
4 nan 6
7 8 9
"""


def main():
    data = np.loadtxt(io.StringIO(CSV), delimiter=",", skiprows=1)
    hw = np.loadtxt(io.StringIO(CSV), delimiter=",", usecols=(1, 2))
    ids = np.loadtxt(io.StringIO(CSV), delimiter=",", usecols=0, dtype=int)
    bmi = hw[:, 1] / hw[:, 0] ** 2
    g = np.genfromtxt(io.StringIO(GAPPY), skip_header=1)
    col_means = np.nanmean(g, axis=0)
    buf = io.StringIO()
    np.savetxt(buf, np.column_stack([ids, bmi]), fmt=["%d", "%.2f"], delimiter=",", header="id,bmi")
    buf2 = io.StringIO()
    np.savetxt(buf2, np.eye(2))
    parsed = np.array("3.5 4.25 -1".split(), dtype=float)
    fs = np.fromstring("1,2,3,4", dtype=int, sep=",")
    return {"data": data, "hw": hw, "ids": ids, "bmi": bmi, "g": g, "col_means": col_means,
            "saved": buf.getvalue(), "saved_eye": buf2.getvalue(), "parsed": parsed, "fs": fs,
            "unpacked": np.loadtxt(io.StringIO("1 2\n3 4\n"), unpack=True)}


if __name__ == "__main__":
    print(main())

"""A sensor table written and read back through in-memory files: np.savetxt into
io.StringIO/BytesIO with fmt, header and footer, np.loadtxt with usecols, skiprows,
max_rows, converters and ndmin, and np.genfromtxt with missing values and names
dropped."""
import io

import numpy as np


def main():
    rng = np.random.default_rng(8)
    table = np.column_stack([np.arange(1, 9), rng.uniform(15, 30, 8).round(2),
                             rng.integers(0, 100, 8)])
    buf = io.StringIO()
    np.savetxt(buf, table, fmt=["%d", "%.2f", "%3d"], delimiter=";",
               header="id;temp;humidity", footer="end", comments="# ")
    text = buf.getvalue()
    buf.seek(0)
    back = np.loadtxt(buf, delimiter=";", comments="#")
    buf.seek(0)
    temps = np.loadtxt(buf, delimiter=";", usecols=1, max_rows=4)
    buf.seek(0)
    ids, hum = np.loadtxt(buf, delimiter=";", usecols=(0, 2), unpack=True, dtype=int)
    raw = io.BytesIO()
    np.savetxt(raw, table[:3, :2], fmt="%.3e")
    raw.seek(0)
    sci = np.loadtxt(raw)
    lines = ["1,2.5,yes", "2,,no", "3,4.0,yes"]
    conv = np.loadtxt(lines, delimiter=",", usecols=(0, 2),
                      converters={2: lambda s: 1.0 if s == "yes" else 0.0})
    gaps = np.genfromtxt(io.StringIO("a,b,c\n1,2,3\n4,,6\n,8,9"), delimiter=",",
                         skip_header=1, filling_values=-1)
    one = np.loadtxt(io.StringIO("5.5"), ndmin=1)
    row2d = np.loadtxt(io.StringIO("1 2 3"), ndmin=2)
    return {"text": text, "back": back, "temps": temps, "ids": ids, "hum": hum,
            "sci": sci, "conv": conv, "gaps": gaps, "one": one, "row2d": row2d,
            "shape": back.shape, "same": np.allclose(back, table)}


if __name__ == "__main__":
    print(main())

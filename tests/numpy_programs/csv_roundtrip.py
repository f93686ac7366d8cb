"""Writing and reading text tables through io.StringIO with savetxt / loadtxt / genfromtxt."""
import io

import numpy as np


def main():
    table = np.array([[1, 20.5, 3.25], [2, 21.0, 2.75], [3, 19.75, 4.5], [4, 22.25, 1.0]])
    buf = io.StringIO()
    np.savetxt(buf, table, delimiter=",", fmt=["%d", "%.2f", "%.3f"],
               header="id,temp,rain", comments="# ")
    text = buf.getvalue()
    back = np.loadtxt(io.StringIO(text), delimiter=",", skiprows=1)
    ids, temp = np.loadtxt(io.StringIO(text), delimiter=",", usecols=(0, 1), unpack=True)
    ints = np.loadtxt(io.StringIO(text), delimiter=",", usecols=0, dtype=int)
    b2 = io.StringIO()
    np.savetxt(b2, np.arange(6).reshape(2, 3), fmt="%4d")
    fixed = b2.getvalue()
    b3 = io.StringIO()
    np.savetxt(b3, np.array([1.5, 2.5, 3.5]), fmt="%.1f", footer="end", newline=";")
    oneline = b3.getvalue()
    b4 = io.StringIO()
    np.savetxt(b4, np.array([[0.1, 0.2]]))
    default = b4.getvalue()
    messy = "a b c\n1 2 3\n4 N/A 6\n7 8 \n"
    gen = np.genfromtxt(io.StringIO("1,2,3\n4,,6\n7,8,9"), delimiter=",")
    gen_fill = np.genfromtxt(io.StringIO("1,2,3\n4,,6\n7,8,9"), delimiter=",",
                             filling_values=-1)
    comm = np.loadtxt(io.StringIO("# header\n1 2\n% skip\n3 4\n"), comments=["#", "%"])
    conv = np.loadtxt(io.StringIO("1;2,5\n3;4,0"), delimiter=";",
                      converters={1: lambda s: float(s.replace(",", "."))})
    single = np.loadtxt(io.StringIO("5\n6\n7"))
    nd = np.loadtxt(io.StringIO("1 2 3"), ndmin=2)
    mx = np.loadtxt(io.StringIO("1,2\n3,4\n5,6\n7,8"), delimiter=",", max_rows=2)
    return {
        "text": text,
        "back": back,
        "ids": ids,
        "temp": temp,
        "ints": ints,
        "fixed": fixed,
        "oneline": oneline,
        "default": default,
        "messy_len": len(messy),
        "gen": gen,
        "gen_fill": gen_fill,
        "comm": comm,
        "conv": conv,
        "single": single,
        "nd": nd,
        "mx": mx,
    }

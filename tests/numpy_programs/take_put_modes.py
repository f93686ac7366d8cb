"""np.take / np.put with axis and mode, take_along_axis and put_along_axis."""
import numpy as np


def main():
    a = np.array([[10, 20, 30, 40], [50, 60, 70, 80], [90, 100, 110, 120]])
    flat_take = np.take(a, [0, 5, 11])
    col_take = np.take(a, [3, 0], axis=1)
    row_take = np.take(a, [2, 2, 0], axis=0)
    wrapped = np.take(np.arange(5), [-7, 3, 8, 12], mode="wrap")
    clipped = np.take(np.arange(5), [-7, 3, 8, 12], mode="clip")
    b = np.arange(10)
    np.put(b, [0, 3, 3], [-1, -2, -3])
    c = np.zeros(5, dtype=int)
    np.put(c, [1, 7, -9], [4, 5, 6], mode="clip")
    d = np.zeros(4)
    np.put(d, [0, 1, 2, 3], [1.5, 2.5])
    order = np.argsort(a % 7, axis=1)
    sorted_rows = np.take_along_axis(a % 7, order, axis=1)
    best = np.argmax(a % 9, axis=0, keepdims=True)
    best_values = np.take_along_axis(a, best, axis=0)
    e = a.copy()
    np.put_along_axis(e, np.argmin(e, axis=1, keepdims=True), 0, axis=1)
    method = a.take([1, 2], axis=0).take(0, axis=1)
    return {
        "flat_take": flat_take,
        "col_take": col_take,
        "row_take": row_take,
        "wrapped": wrapped,
        "clipped": clipped,
        "b": b,
        "c": c,
        "d": d,
        "sorted_rows": sorted_rows,
        "best_values": best_values,
        "e": e,
        "method": method,
    }


if __name__ == "__main__":
    print(main())

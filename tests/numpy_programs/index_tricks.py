"""Grids, index tricks and in-place puts: a distance field on an mgrid, ranking with
lexsort, the k nearest with partition, bit flags with packbits."""
import numpy as np


def main():
    yy, xx = np.mgrid[0:6, 0:8]
    field = np.sqrt((xx - 3.5) ** 2 + (yy - 2.0) ** 2)
    rows, cols = np.where(field < 2.0)            # one-argument where
    inside = np.zeros(field.shape, dtype=np.int64)
    np.put(inside, rows * 8 + cols, 1)
    ring = np.fromfunction(lambda i, j: (i + j) % 3 == 0, (6, 8))
    np.putmask(field, ring, 0.0)
    np.fill_diagonal(field, -1.0)
    scores = np.array([3, 1, 4, 1, 5, 9, 2, 6])
    ages = np.array([30, 25, 30, 40, 25, 30, 40, 25])
    order = np.lexsort((scores, ages))            # by age, then score
    dist = np.abs(np.linspace(-2.0, 2.0, 9) - 0.3)
    nearest = np.sort(dist[np.argpartition(dist, 3)[:3]])
    third = np.partition(dist, 2)[2]
    flags = np.packbits(scores > 2)
    bits = np.unpackbits(np.array([5, 250], dtype=np.uint8))
    stacked = np.r_[0:3, 10, np.array([20, 30])]
    columns = np.c_[np.arange(3), np.arange(3) ** 2]
    table = np.zeros((3, 3))
    np.put_along_axis(table, np.array([[2], [0], [1]]), 1.0, axis=1)
    coords = [i for i, v in np.ndenumerate(inside) if v]
    x = np.arange(12.0).reshape(3, 4)
    x.flat[::5] = -1.0
    return {"field": field, "inside": inside, "order": order, "nearest": nearest,
            "third": third, "flags": flags, "bits": bits, "stacked": stacked,
            "columns": columns, "table": table, "coords": np.array(coords), "x": x,
            "grid": np.ogrid[0:3, 0:2][1], "lin": np.mgrid[0:1:5j],
            "roots": np.emath.sqrt(np.array([-4.0, 9.0])), "gcd": np.gcd(scores, ages),
            "select": np.select([scores < 3, scores > 5], [scores * 10, -scores], default=0)}


if __name__ == "__main__":
    print(main())

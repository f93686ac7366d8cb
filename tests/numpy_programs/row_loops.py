"""Plain Python loops over arrays: iterating rows, enumerate, zip, tolist(), item()."""
import numpy as np


def main():
    sales = np.array([[120, 95, 130], [80, 110, 105], [150, 140, 160], [60, 75, 70]])
    regions = ["north", "south", "east", "west"]
    best = []
    for name, row in zip(regions, sales):
        best.append(f"{name}:{int(row.argmax())}:{row.max()}")
    totals = [int(row.sum()) for row in sales]
    cumulative = []
    running = 0
    for i, row in enumerate(sales):
        running += row[0]
        cumulative.append(running / (i + 1))
    col_means = [float(col.mean()) for col in sales.T]
    as_list = sales.tolist()
    nested_type = type(as_list[0][0]).__name__
    first = sales[0, 0].item()
    flat_item = sales.item(5)
    coord_item = sales.item((2, 1))
    scalar_type = type(sales.mean().item()).__name__
    as_floats = np.array([0.5, 1.25]).tolist()
    zero_d = np.array(3.5).tolist()
    pairs = [(int(a), int(b)) for a, b in sales[:, :2]]
    above = [i for i, v in enumerate(sales[:, 2]) if v > 100]
    iter_flat = [int(v) for v in sales.flat if v % 20 == 0]
    nd = [idx for idx, v in np.ndenumerate(sales) if v >= 150]
    bools = (sales > 100).tolist()[1]
    return {
        "best": np.array(best),
        "totals": np.array(totals),
        "cumulative": np.array(cumulative),
        "col_means": np.array(col_means),
        "as_list": np.array(as_list),
        "nested_type": nested_type,
        "first": first,
        "flat_item": flat_item,
        "coord_item": coord_item,
        "scalar_type": scalar_type,
        "as_floats": np.array(as_floats),
        "zero_d": zero_d,
        "zero_d_type": type(zero_d).__name__,
        "pairs": np.array(pairs),
        "above": np.array(above),
        "iter_flat": np.array(iter_flat),
        "nd": np.array(nd),
        "bools": np.array(bools),
        "bool_type": type(bools[0]).__name__,
    }


if __name__ == "__main__":
    print(main())

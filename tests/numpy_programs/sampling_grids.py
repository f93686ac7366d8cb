"""Building sample grids: arange with float steps, linspace retstep, logspace, geomspace."""
import numpy as np


def main():
    steps = np.arange(0.0, 1.0, 0.1)
    neg_steps = np.arange(5, -5, -2.5)
    int_steps = np.arange(3, 20, 4)
    grid, step = np.linspace(0, 2, 9, retstep=True)
    open_grid = np.linspace(0, 1, 4, endpoint=False)
    int_linspace = np.linspace(0, 10, 4, dtype=int)
    multi = np.linspace([0, 10], [1, 20], 5)
    multi_axis = np.linspace([0, 10], [1, 20], 3, axis=1)
    decades = np.logspace(0, 3, 4)
    base2 = np.logspace(0, 4, 5, base=2)
    geo = np.geomspace(1, 1000, 4)
    geo_neg = np.geomspace(-1, -16, 5)
    xs, ys = np.meshgrid(np.linspace(0, 1, 3), np.linspace(0, 2, 2), indexing="ij")
    sparse_x, sparse_y = np.meshgrid(np.arange(3), np.arange(4), sparse=True)
    radius = np.sqrt(sparse_x ** 2 + sparse_y ** 2)
    cells = np.indices((2, 3))
    midpoints = (grid[1:] + grid[:-1]) / 2
    trapz = np.trapezoid(grid ** 2, grid)
    empty = np.arange(5, 5)
    single = np.linspace(3, 7, 1)
    return {
        "steps": steps,
        "neg_steps": neg_steps,
        "int_steps": int_steps,
        "grid": grid,
        "step": step,
        "open_grid": open_grid,
        "int_linspace": int_linspace,
        "multi": multi,
        "multi_axis": multi_axis,
        "decades": decades,
        "base2": base2,
        "geo": geo,
        "geo_neg": geo_neg,
        "xs": xs,
        "ys": ys,
        "radius": radius,
        "cells": cells,
        "midpoints": midpoints,
        "trapz": trapz,
        "empty_shape": np.array(empty.shape),
        "single": single,
    }


if __name__ == "__main__":
    print(main())

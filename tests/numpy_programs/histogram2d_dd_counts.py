"""Joint distributions of simulated taxi pickups: np.histogram2d with
explicit and integer bins, density, np.histogramdd on three columns, and the
same 2-D counts rebuilt with np.digitize, np.ravel_multi_index and
np.bincount with weights for fares."""
import numpy as np


def main():
    rng = np.random.default_rng(55)
    n = 500
    x = rng.uniform(0, 10, n)
    y = rng.normal(5, 2, n).clip(0, 9.999)
    hour = rng.integers(0, 24, n)
    fare = np.round(2.5 + 0.8 * np.hypot(x - 5, y - 5) + rng.exponential(1.0, n), 2)
    H, xe, ye = np.histogram2d(x, y, bins=[5, 4], range=[[0, 10], [0, 10]])
    Hd, _, _ = np.histogram2d(x, y, bins=4, density=True)
    Hw, _, _ = np.histogram2d(x, y, bins=[xe, ye], weights=fare)
    D, dedges = np.histogramdd(np.column_stack([x, y, hour]), bins=(2, 2, 4),
                               range=[(0, 10), (0, 10), (0, 24)])
    ix = np.clip(np.digitize(x, xe) - 1, 0, 4)
    iy = np.clip(np.digitize(y, ye) - 1, 0, 3)
    flat = np.ravel_multi_index((ix, iy), (5, 4))
    manual = np.bincount(flat, minlength=20).reshape(5, 4)
    fare_sum = np.bincount(flat, weights=fare, minlength=20).reshape(5, 4)
    with np.errstate(invalid="ignore", divide="ignore"):
        avg_fare = fare_sum / manual
    busiest = np.unravel_index(np.argmax(manual), manual.shape)
    hour_counts = np.bincount(hour, minlength=24)
    return {
        "H": H,
        "H_dtype": H.dtype,
        "edges": (xe, ye),
        "matches": bool(np.array_equal(H, manual)),
        "weighted_matches": bool(np.allclose(Hw, fare_sum)),
        "density_total": float(Hd.sum() * np.diff(_)[0] * np.diff(np.histogram2d(x, y, bins=4)[1])[0]),
        "D_shape": D.shape,
        "D_sum": D.sum(),
        "D_slice": D[1, 0],
        "dedges_len": [len(e) for e in dedges],
        "avg_fare": np.round(avg_fare, 3),
        "busiest": tuple(int(b) for b in busiest),
        "peak_hour": int(np.argmax(hour_counts)),
        "hour_counts": hour_counts[:6],
        "bincount_float": np.bincount([0, 1, 1, 3], weights=[0.5, 1.0, 1.5, 2.0]),
    }


if __name__ == "__main__":
    print(main())

"""Masks from comparisons: count_nonzero over axes, flatnonzero, astype(bool), any/all."""
import numpy as np


def main():
    temps = np.array([
        [21.5, 23.0, 19.8, 25.1, 30.2, 28.7, 22.0],
        [18.0, 17.5, 16.9, 20.3, 22.8, 24.1, 19.9],
        [25.6, 27.9, 31.4, 33.0, 29.5, 26.2, 24.8],
    ])
    hot = temps > 25
    hot_days_per_city = np.count_nonzero(hot, axis=1)
    hot_cities_per_day = np.count_nonzero(hot, axis=0)
    total_hot = np.count_nonzero(hot)
    keep = np.count_nonzero(hot, axis=1, keepdims=True)
    first_hot_flat = np.flatnonzero(hot)
    pleasant = (temps >= 19) & (temps <= 24)
    pleasant_or_cold = pleasant | (temps < 18)
    never_hot = ~hot.any(axis=1)
    always_warm = (temps > 16).all(axis=1)
    levels = np.array([0, 2, 0, -1, 3, 0.0])
    as_bool = levels.astype(bool)
    as_int = as_bool.astype(int)
    xor = np.logical_xor(as_bool, levels > 0)
    frac_hot = hot.mean(axis=1)
    hottest = np.where(hot, temps, 0).max(axis=1)
    above_mean = temps > temps.mean(axis=1, keepdims=True)
    streak = np.diff(np.concatenate([[0], hot[2].astype(int), [0]]))
    return {
        "hot_days_per_city": hot_days_per_city,
        "hot_cities_per_day": hot_cities_per_day,
        "total_hot": total_hot,
        "keep_shape": np.array(keep.shape),
        "first_hot_flat": first_hot_flat,
        "pleasant": pleasant,
        "pleasant_or_cold_count": pleasant_or_cold.sum(),
        "never_hot": never_hot,
        "always_warm": always_warm,
        "as_bool": as_bool,
        "as_int": as_int,
        "xor": xor,
        "frac_hot": frac_hot,
        "hottest": hottest,
        "above_mean": above_mean,
        "streak_starts": np.flatnonzero(streak == 1),
        "streak_ends": np.flatnonzero(streak == -1),
    }


if __name__ == "__main__":
    print(main())

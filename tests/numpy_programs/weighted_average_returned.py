"""Statistics coursework: weighted averages with returned weights sums."""
import numpy as np


def main():
    grades = np.array([[88.0, 92.0, 79.0], [65.0, 70.0, 81.0], [95.0, 85.0, 90.0],
                       [72.0, 60.0, 68.0]])
    weights = np.array([0.2, 0.3, 0.5])
    per_student = np.average(grades, axis=1, weights=weights)
    avg, wsum = np.average(grades, axis=1, weights=weights, returned=True)
    credit = np.array([3, 4, 2, 1])
    col_avg, col_w = np.average(grades, axis=0, weights=credit, returned=True)
    overall = np.average(grades)
    overall_r = np.average(grades.ravel(), weights=np.tile(weights, 4), returned=True)
    plain, cnt = np.average(np.arange(6.0), returned=True)
    kd = np.average(grades, axis=1, weights=weights, keepdims=True)
    full_w = np.arange(1.0, 13.0).reshape(4, 3)
    full = np.average(grades, weights=full_w)
    ints = np.average(np.array([1, 2, 3, 4]), weights=np.array([4, 3, 2, 1]))
    weighted_var = np.average((grades - per_student[:, None]) ** 2, axis=1, weights=weights)
    return {
        "per_student": per_student,
        "avg": avg,
        "wsum": wsum,
        "col_avg": col_avg,
        "col_w": col_w,
        "overall": overall,
        "overall_r": np.array(overall_r),
        "plain": plain,
        "cnt": cnt,
        "kd": kd,
        "full": full,
        "ints": ints,
        "weighted_var": weighted_var,
    }

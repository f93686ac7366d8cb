"""Record-like processing: parallel arrays of names, departments and salaries."""
import numpy as np

NAMES = ["ana", "bo", "cy", "dee", "eve", "fay", "gus", "hal", "ivy", "jo"]
DEPTS = ["ops", "eng", "eng", "hr", "ops", "eng", "hr", "ops", "eng", "hr"]
SALARY = [52000, 91000, 87000, 48000, 61000, 99500, 51000, 58000, 102000, 47000]
YEARS = [3, 7, 5, 2, 8, 10, 4, 6, 12, 1]


def main():
    names = np.array(NAMES)
    depts = np.array(DEPTS)
    salary = np.array(SALARY, dtype=np.float64)
    years = np.array(YEARS)
    uniq, inverse, counts = np.unique(depts, return_inverse=True, return_counts=True)
    totals = np.bincount(inverse, weights=salary)
    means = totals / counts
    order = np.lexsort((-salary, depts))
    ranked_names = names[order]
    top_paid = names[np.argmax(salary)]
    senior = names[years >= 6]
    raise_pct = np.select([years >= 10, years >= 5], [0.06, 0.04], default=0.02)
    new_salary = np.round(salary * (1 + raise_pct), -1)
    upper = np.char.upper(names)
    padded = np.char.ljust(names, 5, "_")
    tags = np.char.add(np.char.add(depts, ":"), names)
    long_names = names[np.char.str_len(names) == 3]
    eng_mask = depts == "eng"
    eng_years = years[eng_mask].mean()
    dept_rank = np.empty_like(years)
    for d in uniq:
        m = depts == d
        dept_rank[m] = np.argsort(np.argsort(-salary[m])) + 1
    starts = np.char.startswith(names, "e")
    return {
        "uniq": uniq,
        "counts": counts,
        "totals": totals,
        "means": means,
        "ranked_names": ranked_names,
        "top_paid": str(top_paid),
        "senior": senior,
        "raise_pct": raise_pct,
        "new_salary": new_salary,
        "upper": upper,
        "padded": padded,
        "tags": tags,
        "long_names": long_names,
        "eng_years": eng_years,
        "dept_rank": dept_rank,
        "starts": starts,
    }

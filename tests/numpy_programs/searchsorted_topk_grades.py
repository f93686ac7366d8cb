"""Searching: letter grades with searchsorted, top-k with argpartition, bisection."""
import numpy as np


def main():
    rng = np.random.default_rng(404)
    marks = rng.integers(30, 101, size=25)
    cuts = np.array([50, 60, 70, 80, 90])
    letters = np.array(list("FEDCBA"))
    bucket = np.searchsorted(cuts, marks, side="right")
    grades = letters[bucket]
    tally = np.bincount(bucket, minlength=6)
    left = np.searchsorted(cuts, [50, 55, 90, 100], side="left")
    right = np.searchsorted(cuts, [50, 55, 90, 100], side="right")
    k = 5
    part = np.argpartition(marks, -k)[-k:]
    top = part[np.argsort(marks[part])[::-1]]
    low = np.sort(np.partition(marks, 3)[:3])
    sorted_marks = np.sort(marks)
    pos = np.searchsorted(sorted_marks, 75)
    inserted = np.insert(sorted_marks, pos, 75)
    desc = sorted_marks[::-1]
    pos_desc = len(desc) - np.searchsorted(desc[::-1], 75, side="right")
    scores2d = rng.integers(0, 100, size=(4, 6))
    top2 = np.argpartition(scores2d, -2, axis=1)[:, -2:]
    top2_vals = np.sort(np.take_along_axis(scores2d, top2, axis=1), axis=1)
    sorter = np.argsort(marks)
    found = sorter[np.searchsorted(marks, [marks[3], marks[10]], sorter=sorter)]
    digit = np.digitize([45, 50, 61, 99], cuts)
    return {
        "marks": marks,
        "grades": "".join(grades),
        "tally": tally,
        "left": left,
        "right": right,
        "top_marks": marks[top],
        "low": low,
        "pos": int(pos),
        "inserted_ok": bool(np.all(np.diff(inserted) >= 0)),
        "pos_desc": int(pos_desc),
        "top2_vals": top2_vals,
        "found_vals": marks[found],
        "digit": digit,
        "cum": np.cumsum(tally[::-1])[::-1],
    }

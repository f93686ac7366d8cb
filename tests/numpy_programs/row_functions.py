"""Applying Python functions over arrays: np.vectorize with otypes and excluded
arguments, np.apply_along_axis for row statistics that return several values,
np.frompyfunc for an accumulate, and np.piecewise for a shipping tariff."""
import numpy as np


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def row_summary(row):
    s = np.sort(row)
    return np.array([s[0], s[len(s) // 2], s[-1], row.std()])


def trimmed_mean(row, cut):
    s = np.sort(row)
    return s[cut:len(s) - cut].mean()


def main():
    steps = np.vectorize(collatz_steps, otypes=[int])(np.arange(1, 21))
    grade = np.vectorize(lambda s: "A" if s >= 90 else ("B" if s >= 80 else "C"))
    scores = np.array([95, 82, 71, 88, 90, 60])
    letters = grade(scores)
    power = np.vectorize(lambda x, p: x ** p, excluded={"p"})
    squares = power(np.arange(5), p=2)
    rng = np.random.default_rng(4)
    m = rng.integers(0, 100, size=(5, 7)).astype(float)
    summary = np.apply_along_axis(row_summary, 1, m)
    col_trim = np.apply_along_axis(trimmed_mean, 0, m, 1)
    gcd_acc = np.frompyfunc(lambda a, b: a if b == 0 else int(np.gcd(a, b)), 2, 1)
    acc = gcd_acc.accumulate(np.array([48, 36, 120, 18, 7], dtype=object))
    weight = np.array([0.5, 1.0, 2.5, 5.0, 12.0, 30.0])
    tariff = np.piecewise(weight, [weight <= 1, (weight > 1) & (weight <= 10), weight > 10],
                          [4.5, lambda w: 4.5 + 1.2 * (w - 1), lambda w: 15.3 + 0.8 * (w - 10)])
    return {"steps": steps, "letters": letters, "squares": squares, "summary": summary,
            "col_trim": col_trim, "acc": acc.astype(int), "tariff": tariff,
            "longest": int(np.argmax(steps)) + 1, "n_A": int((letters == "A").sum())}


if __name__ == "__main__":
    print(main())

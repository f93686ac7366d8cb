"""Integer number theory with NumPy: np.gcd and np.lcm elementwise and as
reductions, fraction reduction, np.divmod and the signs of np.floor_divide,
np.remainder and np.fmod with negatives, a sieve of primes with boolean slicing, and
digit sums with repeated divmod."""
import numpy as np


def main():
    a = np.array([12, 18, -24, 35, 0])
    b = np.array([8, 27, 36, 14, 5])
    g = np.gcd(a, b)
    lc = np.lcm(a, b)
    g_all = np.gcd.reduce(np.array([84, 126, 210]))
    l_all = np.lcm.reduce(np.arange(1, 11))
    num, den = np.array([6, 10, 21]), np.array([8, 25, 14])
    red = np.gcd(num, den)
    fractions = np.stack([num // red, den // red], axis=1)
    x = np.array([-7, -3, 3, 7])
    q, r = np.divmod(x, 3)
    fq = np.floor_divide(x, -2)
    rem = np.remainder(x, -3)
    fm = np.fmod(x, -3)
    pct = np.mod(x, 4)
    limit = 60
    sieve = np.ones(limit + 1, dtype=bool)
    sieve[:2] = False
    for p in range(2, int(limit ** 0.5) + 1):
        if sieve[p]:
            sieve[p * p::p] = False
    primes = np.flatnonzero(sieve)
    nums = np.array([1234, 999, 50607])
    digit_sum = np.zeros_like(nums)
    rest = nums.copy()
    while np.any(rest):
        rest, d = np.divmod(rest, 10)
        digit_sum += d
    twin = primes[:-1][np.diff(primes) == 2]
    fdiv = np.array([7.5, -7.5]) // 2
    return {"g": g, "l": lc, "g_all": g_all, "l_all": l_all, "fractions": fractions,
            "q": q, "r": r, "fq": fq, "rem": rem, "fm": fm, "pct": pct, "primes": primes,
            "digit_sum": digit_sum, "twin": twin, "fdiv": fdiv,
            "float_mod": np.mod(np.array([-1.5, 2.5]), 2.0),
            "gcd_dtype": g.dtype.kind}


if __name__ == "__main__":
    print(main())

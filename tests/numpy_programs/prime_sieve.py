"""Number theory with arrays: a sieve of Eratosthenes by boolean slicing, prime
gaps and their counts, twin primes, the prime-counting function, Goldbach pairs,
and gcd/lcm reductions."""
import numpy as np


def sieve(n):
    is_prime = np.ones(n + 1, dtype=bool)
    is_prime[:2] = False
    for p in range(2, int(n ** 0.5) + 1):
        if is_prime[p]:
            is_prime[p * p::p] = False
    return is_prime


def main():
    mask = sieve(1000)
    primes = np.nonzero(mask)[0]
    gaps = np.diff(primes)
    gap_counts = np.bincount(gaps)
    twins = primes[:-1][gaps == 2]
    pi_x = np.cumsum(mask)
    evens = np.arange(4, 101, 2)
    small = primes[primes < 100]
    goldbach = np.array([np.count_nonzero(mask[e - small[small <= e // 2]]) for e in evens])
    divisors = np.arange(1, 61)
    n = 60
    divs = divisors[n % divisors == 0]
    perfect = [k for k in range(2, 500) if np.sum(np.flatnonzero(k % np.arange(1, k) == 0) + 1) == k]
    digits = np.array([int(c) for c in str(2 ** 50)])
    return {"count": primes.size, "last": primes[-5:], "gap_counts": gap_counts,
            "twins": twins[:10], "pi_x": pi_x[[10, 100, 1000]], "goldbach": goldbach,
            "divs": divs, "perfect": np.array(perfect), "gcd": np.gcd.reduce(np.array([84, 126, 210])),
            "lcm": np.lcm.reduce(np.arange(1, 11)), "digit_sum": digits.sum(),
            "mod_pow": np.mod(np.power(np.arange(10), 3), 7),
            "gcd_table": np.gcd.outer(np.arange(1, 7), np.arange(1, 7)),
            "remainders": np.remainder(np.array([-7, 7, -8]), 3),
            "divmod_q": np.divmod(np.arange(-5, 6), 4)[0], "floor_div": np.floor_divide(-7, 2)}


if __name__ == "__main__":
    print(main())

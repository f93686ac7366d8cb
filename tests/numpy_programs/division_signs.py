"""Signs of integer and float division: floor_divide, mod, remainder, fmod, divmod, round."""
import numpy as np


def main():
    a = np.array([7, -7, 7, -7, 0, 13])
    b = np.array([2, 2, -2, -2, 3, -5])
    floor_q = np.floor_divide(a, b)
    op_q = a // b
    mod = np.mod(a, b)
    rem = np.remainder(a, b)
    fmod = np.fmod(a, b)
    q, r = np.divmod(a, b)
    true_div = a / b
    trunc_q = np.trunc(a / b).astype(int)
    fa = np.array([5.5, -5.5, 5.5, -5.5])
    fb = np.array([2.0, 2.0, -2.0, -2.0])
    fmods = np.array([np.mod(fa, fb), np.fmod(fa, fb), np.floor_divide(fa, fb)])
    angles = np.array([370.0, -10.0, 725.5, -725.5]) % 360
    prices = np.array([1234.5678, -1234.5678, 15.55, 0.125, 2.5, 3.5])
    rounded = np.array([np.round(prices, d) for d in (2, 1, 0, -1, -2)])
    ints = np.array([1234, 1250, -1250, 1350, 99])
    int_round = np.round(ints, -2)
    around = np.around(np.array([0.5, 1.5, 2.5, -0.5, -1.5]))
    floors = np.array([np.floor(-2.5), np.ceil(-2.5), np.trunc(-2.5), np.rint(-2.5), np.fix(-2.5)])
    pos_mod = np.mod(np.arange(-5, 6), 4)
    scalar_mod = np.int64(-9) % np.int64(4)
    return {
        "floor_q": floor_q,
        "op_q": op_q,
        "mod": mod,
        "rem": rem,
        "fmod": fmod,
        "q": q,
        "r": r,
        "true_div": true_div,
        "trunc_q": trunc_q,
        "fmods": fmods,
        "angles": angles,
        "rounded": rounded,
        "int_round": int_round,
        "int_round_dtype": int_round.dtype.kind,
        "around": around,
        "floors": floors,
        "pos_mod": pos_mod,
        "scalar_mod": scalar_mod,
    }


if __name__ == "__main__":
    print(main())

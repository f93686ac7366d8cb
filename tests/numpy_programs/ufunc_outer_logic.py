"""Truth tables and parity checks with ufunc methods: np.equal.outer and
np.less.outer comparison tables, np.logical_xor.reduce parity, np.bitwise_or.reduce and
np.bitwise_and.reduce of flags, np.add.accumulate with a dtype, reduce with keepdims,
and np.power.outer."""
import numpy as np


def main():
    a = np.array([1, 3, 5, 7])
    b = np.array([3, 4, 5])
    eq = np.equal.outer(a, b)
    lt = np.less.outer(a, b)
    bits = np.array([[1, 0, 1, 1], [0, 0, 1, 0], [1, 1, 1, 1]], dtype=bool)
    parity = np.logical_xor.reduce(bits, axis=1)
    all_cols = np.logical_and.reduce(bits, axis=0)
    flags = np.array([0b0001, 0b0100, 0b1000, 0b0100], dtype=np.uint8)
    union = np.bitwise_or.reduce(flags)
    inter = np.bitwise_and.reduce(np.array([0b1110, 0b0111, 0b1111]))
    xor_all = np.bitwise_xor.reduce(np.arange(1, 9))
    small = np.array([100, 100, 100], dtype=np.int8)
    running = np.add.accumulate(small, dtype=np.int32)
    wrapped = np.add.accumulate(small)
    m = np.arange(12).reshape(3, 4)
    kept = np.add.reduce(m, axis=1, keepdims=True)
    prod_keep = np.multiply.reduce(m + 1, axis=0, keepdims=True)
    powers = np.power.outer(np.arange(1, 4), np.arange(4))
    maxtab = np.maximum.outer(np.arange(3), np.arange(3))
    minacc = np.minimum.accumulate(np.array([[5, 3, 4], [2, 6, 1]]), axis=1)
    sub_acc = np.subtract.accumulate(np.array([10.0, 1.0, 2.0, 3.0]))
    div_red = np.true_divide.reduce(np.array([64.0, 2.0, 4.0]))
    return {"eq": eq, "lt": lt, "eq_count": eq.sum(), "parity": parity,
            "all_cols": all_cols, "union": union, "union_dtype": str(union.dtype),
            "inter": inter, "xor_all": xor_all, "running": running,
            "running_dtype": str(running.dtype), "wrapped": wrapped,
            "wrapped_dtype": str(wrapped.dtype), "kept": kept, "prod_keep": prod_keep,
            "powers": powers, "maxtab": maxtab, "minacc": minacc, "sub_acc": sub_acc,
            "div_red": div_red, "identity_mul": np.multiply.identity,
            "or_identity": np.logical_or.identity}


if __name__ == "__main__":
    print(main())

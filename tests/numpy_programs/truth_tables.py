"""Boolean logic on arrays: truth tables of gates from np.indices, logical
reductions along axes, a majority vote, a half and a full adder checked
exhaustively, and a small satisfiability search over all assignments."""
import numpy as np


def main():
    bits = np.indices((2, 2, 2)).reshape(3, -1).T.astype(bool)
    a, b, c = bits.T
    gates = {
        "and": np.logical_and(a, b), "or": np.logical_or(a, b),
        "xor": np.logical_xor(a, b), "nand": np.logical_not(a & b),
        "implies": ~a | b,
    }
    table = np.column_stack([bits] + list(gates.values())).astype(int)
    majority = bits.sum(axis=1) >= 2
    s = a ^ b ^ c
    carry = (a & b) | (c & (a ^ b))
    adder_ok = np.array_equal(s.astype(int) + 2 * carry.astype(int), bits.sum(axis=1))
    n = 4
    assign = ((np.arange(2 ** n)[:, None] >> np.arange(n)[::-1]) & 1).astype(bool)
    x = assign.T
    clauses = np.stack([x[0] | ~x[1], x[1] | x[2], ~x[0] | ~x[3], x[2] | x[3], ~x[2] | ~x[1]])
    sat = np.all(clauses, axis=0)
    solutions = assign[sat].astype(int)
    per_clause = clauses.sum(axis=1)
    any_col = np.any(assign, axis=0)
    none_row = ~np.any(assign, axis=1)
    packed = np.packbits(assign, axis=1)
    return {"table": table, "majority": majority, "adder_ok": bool(adder_ok),
            "solutions": solutions, "n_solutions": int(sat.sum()), "per_clause": per_clause,
            "any_col": any_col, "none_row": np.flatnonzero(none_row),
            "all_true_rows": np.flatnonzero(np.all(assign, axis=1)), "packed": packed.ravel(),
            "tautology": bool(np.all(gates["implies"] | a)),
            "counts": np.count_nonzero(table, axis=0)}


if __name__ == "__main__":
    print(main())

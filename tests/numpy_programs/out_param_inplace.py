"""In-place arithmetic and the out= / where= arguments of ufuncs and reductions."""
import numpy as np


def main():
    a = np.arange(6, dtype=np.float64).reshape(2, 3)
    b = np.full((2, 3), 2.0)
    np.add(a, b, out=a)
    np.multiply(a, 3, out=a)
    c = np.empty_like(a)
    np.subtract(a, 1, out=c)
    d = np.zeros(3)
    np.sqrt(np.array([4.0, 9.0, 16.0]), out=d)
    e = np.full(5, -1.0)
    np.divide(np.arange(5.0), np.array([1.0, 0.0, 2.0, 0.0, 4.0]), out=e,
              where=np.array([1.0, 0.0, 2.0, 0.0, 4.0]) != 0)
    f = np.ones(4)
    f += np.arange(4)
    f *= 2
    f -= 1
    f /= 4
    g = np.arange(10)
    g[::2] += 100
    g //= 3
    h = np.arange(8, dtype=np.int32)
    h <<= 2
    h |= 1
    h ^= 3
    s = np.zeros(3)
    np.sum(np.arange(12.0).reshape(4, 3), axis=0, out=s)
    cs = np.empty(5)
    np.cumsum(np.arange(5.0), out=cs)
    cl = np.empty(6)
    np.clip(np.linspace(-2, 3, 6), 0, 1, out=cl)
    m = np.empty(4)
    np.maximum(np.array([1.0, 5.0, 3.0, 7.0]), np.array([4.0, 2.0, 6.0, 0.0]), out=m)
    neg = np.arange(4.0)
    np.negative(neg, out=neg)
    where_add = np.zeros(5)
    np.add(np.ones(5), 1, out=where_add, where=np.array([True, False, True, False, True]))
    mean_out = np.empty(2)
    np.mean(np.arange(6.0).reshape(2, 3), axis=1, out=mean_out)
    arr = np.arange(5.0)
    view = arr[1:4]
    view *= 10
    mat = np.eye(3)
    mat[np.diag_indices(3)] += np.array([1.0, 2.0, 3.0])
    res = np.zeros((2, 2))
    np.matmul(np.array([[1.0, 2.0], [3.0, 4.0]]), np.eye(2) * 2, out=res)
    return {
        "a": a,
        "c": c,
        "d": d,
        "e": e,
        "f": f,
        "g": g,
        "h": h,
        "s": s,
        "cs": cs,
        "cl": cl,
        "m": m,
        "neg": neg,
        "where_add": where_add,
        "mean_out": mean_out,
        "arr": arr,
        "mat": mat,
        "res": res,
    }

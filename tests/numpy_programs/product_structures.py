"""Kronecker, outer and tensor products; trace with offset; eye with k and identity."""
import numpy as np


def main():
    a = np.array([[1, 2], [3, 4]])
    b = np.array([[0, 5], [6, 7]])
    kron_ab = np.kron(a, b)
    kron_eye = np.kron(np.eye(2), np.ones((2, 2)))
    kron_vec = np.kron([1, 10, 100], [1, 2, 3])
    outer = np.outer(np.arange(1, 4), np.arange(1, 5))
    outer_flat = np.outer(a, b)
    t1 = np.arange(60.0).reshape(3, 4, 5)
    t2 = np.arange(24.0).reshape(4, 3, 2)
    td = np.tensordot(t1, t2, axes=([1, 0], [0, 1]))
    td_int = np.tensordot(a, b, axes=1)
    td_zero = np.tensordot(a, b, axes=0)
    td_full = np.tensordot(a, b, axes=2)
    m = np.arange(16).reshape(4, 4)
    traces = np.array([np.trace(m, offset=k) for k in range(-3, 4)])
    batch_trace = np.trace(np.arange(27).reshape(3, 3, 3), axis1=1, axis2=2)
    eye_up = np.eye(4, k=1)
    eye_rect = np.eye(3, 5, k=-1, dtype=int)
    ident = np.identity(3, dtype=np.int8)
    shift = eye_up @ np.arange(4.0)
    inner = np.inner(np.arange(3), np.arange(3, 6))
    vdot = np.vdot(a, b)
    cross = np.cross([1, 0, 0], [0, 1, 0])
    return {
        "kron_ab": kron_ab,
        "kron_eye": kron_eye,
        "kron_vec": kron_vec,
        "outer": outer,
        "outer_flat": outer_flat,
        "td": td,
        "td_int": td_int,
        "td_zero_shape": np.array(td_zero.shape),
        "td_zero": td_zero[1, 0],
        "td_full": td_full,
        "traces": traces,
        "batch_trace": batch_trace,
        "eye_up": eye_up,
        "eye_rect": eye_rect,
        "ident": ident,
        "ident_dtype": str(ident.dtype),
        "shift": shift,
        "inner": inner,
        "vdot": vdot,
        "cross": cross,
    }


if __name__ == "__main__":
    print(main())

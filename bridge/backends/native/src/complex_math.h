/* complex_math.c: complex64/complex128 loops of the transcendental elementwise
 * functions, registered in elementwise.c's op tables. */
#ifndef BRIDGE_COMPLEX_MATH_H
#define BRIDGE_COMPLEX_MATH_H

#include "native.h"

#define DECLARE_COMPLEX_LOOPS(OP)                                                 \
    void OP##_c64(char *const *data, const npy_intp *steps, npy_intp n);          \
    void OP##_c128(char *const *data, const npy_intp *steps, npy_intp n);

/* unary: data = {x, out} */
DECLARE_COMPLEX_LOOPS(cx_sqrt)
DECLARE_COMPLEX_LOOPS(cx_exp)
DECLARE_COMPLEX_LOOPS(cx_expm1)
DECLARE_COMPLEX_LOOPS(cx_log)
DECLARE_COMPLEX_LOOPS(cx_log1p)
DECLARE_COMPLEX_LOOPS(cx_log2)
DECLARE_COMPLEX_LOOPS(cx_log10)
DECLARE_COMPLEX_LOOPS(cx_sin)
DECLARE_COMPLEX_LOOPS(cx_cos)
DECLARE_COMPLEX_LOOPS(cx_tan)
DECLARE_COMPLEX_LOOPS(cx_sinh)
DECLARE_COMPLEX_LOOPS(cx_cosh)
DECLARE_COMPLEX_LOOPS(cx_tanh)
DECLARE_COMPLEX_LOOPS(cx_asin)
DECLARE_COMPLEX_LOOPS(cx_acos)
DECLARE_COMPLEX_LOOPS(cx_atan)
DECLARE_COMPLEX_LOOPS(cx_asinh)
DECLARE_COMPLEX_LOOPS(cx_acosh)
DECLARE_COMPLEX_LOOPS(cx_atanh)
DECLARE_COMPLEX_LOOPS(cx_sign)
DECLARE_COMPLEX_LOOPS(cx_reciprocal)
/* binary: data = {x1, x2, out} */
DECLARE_COMPLEX_LOOPS(cx_pow)

#undef DECLARE_COMPLEX_LOOPS

/* Relative cost per element of one of the loops above (in the units of elementwise.c's
 * op table, about one add per unit), for the threading decision; 0 for any other loop. */
double complex_loop_cost(loop_fn loop);

#endif

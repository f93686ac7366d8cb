/* Complex (complex64/complex128) loops of the transcendental elementwise functions.
 *
 * The reference is the NumPy backend, and NumPy's complex kernels are thin: on glibc
 * its npy_cexp, npy_csqrt, npy_casinh, ... are the C library's C99 Annex G functions
 * (cexp, csqrt, casinh, ...; the float versions for complex64), so calling them here
 * gives NumPy's results bit for bit, special cases included; glibc follows Annex G,
 * whose tables are the standard's. Where NumPy computes a function itself (log2,
 * log10, log1p, expm1, pow, reciprocal, sign) the same formula is written out below,
 * in the same precision and order of operations (no contraction into fused
 * multiply-adds: -std=c11 keeps it off), and where bridge's NumPy backend corrects
 * NumPy (expm1 and sign, see backends/_generic.py) the correction is applied here too.
 *
 * The C library's complex functions are scalar, so these loops are plain strided
 * loops; large arrays are split over the thread pool by iter_run (elementwise.c),
 * and each element's result does not depend on the split.
 */
#include "complex_math.h"

#include <complex.h>
#include <math.h>

/* NumPy's NPY_LOG2E and NPY_LOG10E, rounded once to each precision */
#define LOG2E 1.442695040888963407359924681001892137
#define LOG10E 0.434294481903251827651128918916605082

static inline c128_t pack128(double complex z) { return (c128_t){creal(z), cimag(z)}; }
static inline c64_t pack64(float complex z) { return (c64_t){crealf(z), cimagf(z)}; }

/* The C library's function, on each precision */
#define LIBC_COMPLEX(NAME, F)                                                         \
    static inline c128_t NAME##_128(c128_t x) { return pack128(F(CMPLX(x.re, x.im))); } \
    static inline c64_t NAME##_64(c64_t x) { return pack64(F##f(CMPLXF(x.re, x.im))); }

LIBC_COMPLEX(csqrt_, csqrt)
LIBC_COMPLEX(cexp_, cexp)
LIBC_COMPLEX(clog_, clog)
LIBC_COMPLEX(csin_, csin)
LIBC_COMPLEX(ccos_, ccos)
LIBC_COMPLEX(ctan_, ctan)
LIBC_COMPLEX(csinh_, csinh)
LIBC_COMPLEX(ccosh_, ccosh)
LIBC_COMPLEX(ctanh_, ctanh)
LIBC_COMPLEX(casin_, casin)
LIBC_COMPLEX(cacos_, cacos)
LIBC_COMPLEX(catan_, catan)
LIBC_COMPLEX(casinh_, casinh)
LIBC_COMPLEX(cacosh_, cacosh)
LIBC_COMPLEX(catanh_, catanh)

/* tanh and tan: the C library's, except where the standard's table differs from C99
 * Annex G. tanh(+-inf + iy), y finite, is +-1 with a zero imaginary part of y's sign (C99
 * takes the sign of sin(2y)); tan(z) is -i tanh(iz), the rotations done exactly, on the
 * inputs with an infinite or NaN part (backends/_generic.py does the same for NumPy). */
#define STD_TANH(SFX, T, R, COPYSIGN)                                                    \
    static inline T ctanh_std_##SFX(T x)                                                 \
    {                                                                                    \
        if (isinf(x.re) && isfinite(x.im)) {                                             \
            return (T){COPYSIGN((R)1, x.re), COPYSIGN((R)0, x.im)};                      \
        }                                                                                \
        return ctanh__##SFX(x);                                                          \
    }                                                                                    \
    static inline T ctan_std_##SFX(T x)                                                  \
    {                                                                                    \
        if (isfinite(x.re) && isfinite(x.im)) {                                          \
            return ctan__##SFX(x);                                                       \
        }                                                                                \
        const T w = ctanh_std_##SFX((T){-x.im, x.re});                                   \
        return (T){w.im, -w.re};                                                         \
    }
STD_TANH(128, c128_t, double, copysign)
STD_TANH(64, c64_t, float, copysignf)

/* The functions NumPy writes itself, once per precision: T the complex struct, R its
 * component type, S the libm suffix ("f" functions for float). */
#define NUMPY_FORMULAS(SFX, T, R, CLOG, CEXP, CPOW, CMPLX_, PACK, HYPOT, ATAN2, LOG, EXP,  \
                       EXPM1, SIN, COS, FABS)                                               \
    /* log2 and log10: the natural logarithm, both parts scaled (NumPy's nc_log2) */        \
    static inline T clog2_##SFX(T x)                                                        \
    {                                                                                       \
        T r = CLOG(x);                                                                      \
        return (T){r.re * (R)LOG2E, r.im * (R)LOG2E};                                       \
    }                                                                                       \
    static inline T clog10_##SFX(T x)                                                       \
    {                                                                                       \
        T r = CLOG(x);                                                                      \
        return (T){r.re * (R)LOG10E, r.im * (R)LOG10E};                                     \
    }                                                                                       \
    /* NumPy's nc_log1p: log|1 + z| + i arg(1 + z), with 1 + z formed first (it loses the  \
     * real part of log1p(z) for |z| far below the precision; bridge matches the          \
     * reference rather than being more accurate on one backend only). */                  \
    static inline T clog1p_##SFX(T x)                                                       \
    {                                                                                       \
        const R re1 = x.re + 1;                                                             \
        const R l = HYPOT(re1, x.im);                                                       \
        return (T){LOG(l), ATAN2(x.im, re1)};                                               \
    }                                                                                       \
    /* expm1: NumPy's nc_expm1 formula for finite z (expm1(x)cos(y) - 2sin^2(y/2) keeps    \
     * the real part accurate near 0); for infinite or NaN parts bridge's NumPy backend   \
     * uses exp(z) - 1, which follows the standard's table (NumPy's formula gives NaN     \
     * where the table asks for infinities). Subtracting a complex 1 + 0j keeps the sign  \
     * of a zero imaginary part, as NumPy's exp(z) - 1 does. */                            \
    static inline T cexpm1_##SFX(T x)                                                       \
    {                                                                                       \
        if (isfinite(x.re) && isfinite(x.im)) {                                             \
            const R a = SIN(x.im / 2);                                                      \
            /* + 0: the standard's expm1(+-0 + 0j) is +0 + 0j (a -0 real part is never   \
             * the answer: expm1 is conjugate-symmetric) */                                \
            return (T){EXPM1(x.re) * COS(x.im) - 2 * a * a + (R)0, EXP(x.re) * SIN(x.im)};  \
        }                                                                                   \
        T e = CEXP(x);                                                                      \
        return (T){e.re - (R)1, e.im - (R)0};                                               \
    }                                                                                       \
    /* sign: z / |z|. NumPy's loop: |z| from hypot; an infinite |z| gives the unit in the  \
     * direction of the infinite part (NaN for two infinite parts); 0 for 0. Bridge's      \
     * NumPy backend adds the standard's rule that a NaN part gives NaN + NaN j (NumPy     \
     * gives 0 + 1j for nan + inf j, from |z| = inf). */                                   \
    static inline T csign_##SFX(T x)                                                        \
    {                                                                                       \
        if (isnan(x.re) || isnan(x.im)) {                                                   \
            return (T){(R)NAN, (R)NAN};                                                     \
        }                                                                                   \
        const R m = HYPOT(x.re, x.im);                                                      \
        if (isinf(m)) {                                                                     \
            if (isinf(x.re)) {                                                              \
                if (isinf(x.im)) {                                                          \
                    return (T){(R)NAN, (R)NAN};                                             \
                }                                                                           \
                return (T){x.re > 0 ? (R)1 : (R)-1, (R)0};                                  \
            }                                                                               \
            return (T){(R)0, x.im > 0 ? (R)1 : (R)-1};                                      \
        }                                                                                   \
        if (m == 0) {                                                                       \
            return (T){(R)0, (R)0};                                                         \
        }                                                                                   \
        return (T){x.re / m, x.im / m};                                                     \
    }                                                                                       \
    /* reciprocal: NumPy's loop, Smith's method specialised to a numerator of 1 */          \
    static inline T creciprocal_##SFX(T x)                                                  \
    {                                                                                       \
        if (FABS(x.im) <= FABS(x.re)) {                                                     \
            const R r = x.im / x.re;                                                        \
            const R d = x.re + x.im * r;                                                    \
            return (T){1 / d, -r / d};                                                      \
        }                                                                                   \
        const R r = x.re / x.im;                                                            \
        const R d = x.re * r + x.im;                                                        \
        return (T){r / d, -1 / d};                                                          \
    }                                                                                       \
    /* NumPy's npymath product and quotient (unfused; the quotient is Smith's method,     \
     * with a zero divisor giving inf/NaN parts) used by its power */                      \
    static inline T cmul_##SFX(T a, T b)                                                    \
    {                                                                                       \
        return (T){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};                   \
    }                                                                                       \
    static inline T cdiv_##SFX(T a, T b)                                                    \
    {                                                                                       \
        const R abs_br = FABS(b.re), abs_bi = FABS(b.im);                                   \
        if (abs_br >= abs_bi) {                                                             \
            if (abs_br == 0 && abs_bi == 0) {                                               \
                return (T){a.re / abs_br, a.im / abs_bi};                                   \
            }                                                                               \
            const R rat = b.im / b.re;                                                      \
            const R scl = (R)1.0 / (b.re + b.im * rat);                                     \
            return (T){(a.re + a.im * rat) * scl, (a.im - a.re * rat) * scl};               \
        }                                                                                   \
        const R rat = b.re / b.im;                                                          \
        const R scl = (R)1.0 / (b.im + b.re * rat);                                         \
        return (T){(a.re * rat + a.im) * scl, (a.im * rat - a.re) * scl};                   \
    }                                                                                       \
    /* pow: NumPy's npy_cpow. x**0 is 1 (0**0 too); 0**y is 0 for Re(y) > 0 and NaN + NaN j \
     * otherwise; a small integer exponent (|n| < 100, real) is computed by repeated       \
     * squaring (and one division for n < 0), exact where the C library's                  \
     * cexp(y log x) is not; everything else is the C library's cpow. */                   \
    static inline T cpow_##SFX(T a, T b)                                                    \
    {                                                                                       \
        if (b.re == 0 && b.im == 0) {                                                       \
            return (T){(R)1, (R)0};                                                         \
        }                                                                                   \
        if (a.re == 0 && a.im == 0) {                                                       \
            if (b.re > 0) {                                                                 \
                return (T){(R)0, (R)0};                                                     \
            }                                                                               \
            return (T){(R)NAN, (R)NAN};                                                     \
        }                                                                                   \
        if (b.im == 0 && b.re > -100 && b.re < 100 && (R)(int)b.re == b.re) {               \
            int k = (int)b.re;                                                              \
            if (k == 1) {                                                                   \
                return a;                                                                   \
            }                                                                               \
            if (k == 2) {                                                                   \
                return cmul_##SFX(a, a);                                                    \
            }                                                                               \
            if (k == 3) {                                                                   \
                return cmul_##SFX(a, cmul_##SFX(a, a));                                     \
            }                                                                               \
            if (k < 0) {                                                                    \
                k = -k;                                                                     \
            }                                                                               \
            T acc = {(R)1, (R)0}, p = a;                                                    \
            for (int mask = 1;; mask <<= 1) {                                               \
                if (k & mask) {                                                             \
                    acc = cmul_##SFX(acc, p);                                               \
                }                                                                           \
                if (k < (mask << 1)) {                                                      \
                    break;                                                                  \
                }                                                                           \
                p = cmul_##SFX(p, p);                                                       \
            }                                                                               \
            if (b.re < 0) {                                                                 \
                acc = cdiv_##SFX((T){(R)1, (R)0}, acc);                                     \
            }                                                                               \
            return acc;                                                                     \
        }                                                                                   \
        return PACK(CPOW(CMPLX_(a.re, a.im), CMPLX_(b.re, b.im)));                          \
    }

NUMPY_FORMULAS(128, c128_t, double, clog__128, cexp__128, cpow, CMPLX, pack128, hypot, atan2,
               log, exp, expm1, sin, cos, fabs)
NUMPY_FORMULAS(64, c64_t, float, clog__64, cexp__64, cpowf, CMPLXF, pack64, hypotf, atan2f,
               logf, expf, expm1f, sinf, cosf, fabsf)

/* ------------------------------------------------------------------ loops */

/* Strided loops; the contiguous branch only spares the index arithmetic (the work is
 * in the scalar function). */
#define CX_UNARY_LOOP(NAME, T, F)                                                     \
    void NAME(char *const *data, const npy_intp *steps, npy_intp n)                   \
    {                                                                                 \
        const char *pa = data[0];                                                     \
        char *po = data[1];                                                           \
        const npy_intp sa = steps[0], so = steps[1];                                  \
        if (sa == (npy_intp)sizeof(T) && so == (npy_intp)sizeof(T)) {                 \
            const T *a = (const T *)pa;                                               \
            T *o = (T *)po;                                                           \
            for (npy_intp i = 0; i < n; i++) {                                        \
                o[i] = F(a[i]);                                                       \
            }                                                                         \
        } else {                                                                      \
            for (npy_intp i = 0; i < n; i++) {                                        \
                *(T *)(po + i * so) = F(*(const T *)(pa + i * sa));                   \
            }                                                                         \
        }                                                                             \
    }
#define CX_UNARY(OP, F64, F128)                 \
    CX_UNARY_LOOP(OP##_c64, c64_t, F64)         \
    CX_UNARY_LOOP(OP##_c128, c128_t, F128)

CX_UNARY(cx_sqrt, csqrt__64, csqrt__128)
CX_UNARY(cx_exp, cexp__64, cexp__128)
CX_UNARY(cx_expm1, cexpm1_64, cexpm1_128)
CX_UNARY(cx_log, clog__64, clog__128)
CX_UNARY(cx_log1p, clog1p_64, clog1p_128)
CX_UNARY(cx_log2, clog2_64, clog2_128)
CX_UNARY(cx_log10, clog10_64, clog10_128)
CX_UNARY(cx_sin, csin__64, csin__128)
CX_UNARY(cx_cos, ccos__64, ccos__128)
CX_UNARY(cx_tan, ctan_std_64, ctan_std_128)
CX_UNARY(cx_sinh, csinh__64, csinh__128)
CX_UNARY(cx_cosh, ccosh__64, ccosh__128)
CX_UNARY(cx_tanh, ctanh_std_64, ctanh_std_128)
CX_UNARY(cx_asin, casin__64, casin__128)
CX_UNARY(cx_acos, cacos__64, cacos__128)
CX_UNARY(cx_atan, catan__64, catan__128)
CX_UNARY(cx_asinh, casinh__64, casinh__128)
CX_UNARY(cx_acosh, cacosh__64, cacosh__128)
CX_UNARY(cx_atanh, catanh__64, catanh__128)
CX_UNARY(cx_sign, csign_64, csign_128)
CX_UNARY(cx_reciprocal, creciprocal_64, creciprocal_128)

#define CX_BINARY_LOOP(NAME, T, F)                                                    \
    void NAME(char *const *data, const npy_intp *steps, npy_intp n)                   \
    {                                                                                 \
        const char *pa = data[0], *pb = data[1];                                      \
        char *po = data[2];                                                           \
        const npy_intp sa = steps[0], sb = steps[1], so = steps[2];                   \
        for (npy_intp i = 0; i < n; i++) {                                            \
            *(T *)(po + i * so) = F(*(const T *)(pa + i * sa), *(const T *)(pb + i * sb)); \
        }                                                                             \
    }
CX_BINARY_LOOP(cx_pow_c64, c64_t, cpow_64)
CX_BINARY_LOOP(cx_pow_c128, c128_t, cpow_128)

/* ------------------------------------------------------------------ costs */

/* Measured roughly against a float64 add (1): the C library's complex functions take
 * tens to a few hundred nanoseconds per element, so threads pay from about a thousand
 * elements on. */
static const struct {
    loop_fn c64, c128;
    double cost;
} COSTS[] = {
#define COST(OP, C) {OP##_c64, OP##_c128, C}
    COST(cx_sqrt, 30), COST(cx_exp, 60), COST(cx_expm1, 80), COST(cx_log, 60),
    COST(cx_log1p, 60), COST(cx_log2, 60), COST(cx_log10, 60), COST(cx_sin, 80),
    COST(cx_cos, 80), COST(cx_tan, 100), COST(cx_sinh, 80), COST(cx_cosh, 80),
    COST(cx_tanh, 100), COST(cx_asin, 150), COST(cx_acos, 150), COST(cx_atan, 100),
    COST(cx_asinh, 150), COST(cx_acosh, 150), COST(cx_atanh, 100), COST(cx_sign, 10),
    COST(cx_reciprocal, 4), COST(cx_pow, 200),
#undef COST
};

double complex_loop_cost(loop_fn loop)
{
    for (size_t i = 0; i < sizeof COSTS / sizeof COSTS[0]; i++) {
        if (COSTS[i].c64 == loop || COSTS[i].c128 == loop) {
            return COSTS[i].cost;
        }
    }
    return 0;
}

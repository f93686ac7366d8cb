/* Branch-free exp, log (log2, log10, log1p), sin and cos for float64, written so that
 * GCC vectorises the loops that call them (no table lookups, no early returns; special
 * inputs handled by selects at the end, or, for the log family, by a second look at
 * the few flagged elements).
 *
 * Accuracy (measured by tests/test_native.py against mpmath): within 2 ulp on the
 * whole double range. The float32 kernels evaluate these in double and round once.
 *
 * - exp: x = n*ln2 + r with |r| <= ln2/2 (Cody-Waite split of ln2 so n*ln2_hi is
 *   exact), Taylor polynomial of degree 13 (truncation < 2^-60), and 2^n applied as
 *   two factors 2^(n/2) so that subnormal results round once.
 * - log: x = 2^k * m with m in [sqrt(2)/2, sqrt(2)), log(m) = 2 atanh(s) with
 *   s = (m-1)/(m+1); |s| < 0.172, so a degree-6 minimax polynomial in s^2 replaces
 *   the atanh series' tail; the rearrangement f - f^2/2 + s*(f^2/2 + R) keeps the
 *   leading terms exact. log2, log10 and log1p share the reduction (see there).
 * - sin/cos: n = round(x*2/pi), r = x - n*pi/2 in three parts (each n*part exact for
 *   |x| < 2^20), Taylor polynomials on |r| <= pi/4. Arguments beyond SINCOS_LIMIT and
 *   results so close to zero that the reduction error could matter are recomputed by
 *   the C library afterwards (see sincos_fixup).
 */
#ifndef BRIDGE_VMATH_H
#define BRIDGE_VMATH_H

#include <math.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t f64_bits(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static inline double bits_f64(uint64_t u)
{
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

/* The log kernels are called twice per loop (hot pass and fix-up): without this GCC
 * may keep one out of line, and a call inside the loop stops vectorisation. */
#if defined(__GNUC__)
#define VMATH_INLINE static inline __attribute__((always_inline))
#else
#define VMATH_INLINE static inline
#endif

#define ROUND_MAGIC 0x1.8p52  /* adding it rounds |v| < 2^51 to an integer in the low bits */

/* ln 2 split so that n * LN2_HI is exact for |n| < 2^20 */
#define LN2_HI 6.93147180369123816490e-01
#define LN2_LO 1.90821492927058770002e-10

static inline double vexp_f64(double x)
{
    /* beyond these bounds the result is inf or 0 anyway; NaN passes through */
    double xc = x > 710.0 ? 710.0 : x;
    xc = xc < -746.0 ? -746.0 : xc;
    double kd = xc * 1.4426950408889634074 + ROUND_MAGIC;
    double nd = kd - ROUND_MAGIC;
    int64_t n = (int64_t)(f64_bits(kd) - f64_bits(ROUND_MAGIC));
    double r = (xc - nd * LN2_HI) - nd * LN2_LO;
    double p = 1.0 / 6227020800.0;              /* 1/13! */
    p = 1.0 / 479001600.0 + r * p;              /* 1/12! */
    p = 1.0 / 39916800.0 + r * p;
    p = 1.0 / 3628800.0 + r * p;
    p = 1.0 / 362880.0 + r * p;
    p = 1.0 / 40320.0 + r * p;
    p = 1.0 / 5040.0 + r * p;
    p = 1.0 / 720.0 + r * p;
    p = 1.0 / 120.0 + r * p;
    p = 1.0 / 24.0 + r * p;
    p = 1.0 / 6.0 + r * p;
    p = 0.5 + r * p;
    p = 1.0 + r * p;
    p = 1.0 + r * p;
    int64_t n1 = n / 2;
    int64_t n2 = n - n1;
    double s1 = bits_f64((uint64_t)((n1 + 1023) & 0x7ff) << 52);
    double s2 = bits_f64((uint64_t)((n2 + 1023) & 0x7ff) << 52);
    double y = p * s1 * s2;
    return x != x ? x : y;
}

/* The log family shares one reduction, written as a kernel for positive normal finite
 * arguments only: no selects for zero, negative, infinite, NaN or subnormal inputs in
 * the hot loop (they cost as much as the polynomial: 1.16 against 0.64 ns per element
 * on AVX-512). The loops test each element with vlog_is_special, which is one integer
 * comparison, and recompute the few flagged ones with the full functions below
 * (see LOG_LOOP in elementwise.c). A 256-entry table with a degree-6 polynomial and no
 * division was measured too: the two gathers per vector made it slower (0.97 ns).
 *
 * vlog_parts gives log(x) - k*ln2 = hi + lo for x = 2^k * m with hi holding only the
 * top 21 bits, so that hi times a 32-bit constant is exact (log2, log10). */
typedef struct {
    double kd;  /* k */
    double f;   /* m - 1, exact */
    double hfsq;
    double tail;  /* s * (hfsq + R) */
} vlog_reduced;

/* x positive, normal and finite; `sub` says x was a subnormal scaled by 2^54 */
VMATH_INLINE vlog_reduced vlog_reduce(double x, int sub)
{
    uint64_t ix = f64_bits(x);
    uint64_t tmp = ix - 0x3fe6a09e667f3bcdULL;          /* bits of sqrt(2)/2 */
    int64_t k = (int64_t)tmp >> 52;
    uint64_t iz = ix - ((uint64_t)k << 52);
    double m = bits_f64(iz);
    vlog_reduced v;
    /* k as a double without an int64->double conversion (absent before AVX-512) */
    v.kd = bits_f64(0x4330000000000000ULL + (uint64_t)(k + 0x40000)) - (0x1p52 + 0x40000);
    v.kd = sub ? v.kd - 54.0 : v.kd;
    v.f = m - 1.0;
    double s = v.f / (2.0 + v.f);
    double z = s * s;
    /* R = z * P(z) with P the degree-6 near-minimax fit (Chebyshev interpolation in
     * 300-bit arithmetic, coefficients rounded to double) of (2 atanh(s)/s - 2) / z on
     * z in [0, 0.0295]: |error of P| < 3.2e-16, so R errs by < 1e-17, 0.04 ulp of the
     * result. Seven coefficients instead of the Taylor series' ten, evaluated by
     * Estrin's scheme (z^2, z^4 and independent pairs) rather than one Horner chain. */
    double z2 = z * z;
    double z4 = z2 * z2;
    double p01 = 0.666666666666667 + z * 0.39999999999899444;
    double p23 = 0.2857142862600327 + z * 0.22222211130259878;
    double p45 = 0.18182889455674947 + z * 0.15331710618210773;
    double p46 = p45 + z2 * 0.14616585424888623;
    double R = z * ((p01 + z2 * p23) + z4 * p46);
    v.hfsq = 0.5 * v.f * v.f;
    v.tail = s * (v.hfsq + R);
    return v;
}

/* Whether x is outside the kernels' domain: not a positive normal finite double */
VMATH_INLINE int vlog_is_special(double x)
{
    return f64_bits(x) - 0x0010000000000000ULL >= 0x7fe0000000000000ULL;
}

VMATH_INLINE double vlog_from(vlog_reduced v)
{
    /* the leading terms k*ln2_hi and f are exact; the small ones are summed first */
    return v.kd * LN2_HI - ((v.hfsq - (v.tail + v.kd * LN2_LO)) - v.f);
}

/* log(x) for x in the kernel's domain */
VMATH_INLINE double vlog_core_f64(double x)
{
    return vlog_from(vlog_reduce(x, 0));
}

/* 1/ln2, 1/ln10 and log10(2) split into 32 significant bits and the rest */
#define IVLN2_HI 0x1.71547652p+0
#define IVLN2_LO 0x1.705fc2eefa2p-33
#define IVLN10_HI 0x1.bcb7b152p-2
#define IVLN10_LO 0x1.b9438ca9aadd5p-36
#define LOG10_2_HI 0x1.3441350ap-2
#define LOG10_2_LO (-0x1.0c0219dc1da99p-39)

/* log(m) = hi + lo with hi = f - hfsq cut to its top 21 bits (exact products with
 * the 32-bit constants above; f - hi is exact) */
VMATH_INLINE void vlog_split(vlog_reduced v, double *hi, double *lo)
{
    double h = bits_f64(f64_bits(v.f - v.hfsq) & 0xffffffff00000000ULL);
    *hi = h;
    *lo = ((v.f - h) - v.hfsq) + v.tail;
}

/* log2(x) = k + log(m)/ln2; k + hi/ln2_hi is summed with its rounding error kept
 * (|k| >= |log2(m)| whenever k != 0), so the result errs by about one rounding. */
VMATH_INLINE double vlog2_from(vlog_reduced v)
{
    double hi, lo;
    vlog_split(v, &hi, &lo);
    double t = hi * IVLN2_HI;
    double w = v.kd + t;
    double e = (v.kd - w) + t;
    return w + (e + (lo * (IVLN2_HI + IVLN2_LO) + hi * IVLN2_LO));
}

VMATH_INLINE double vlog2_core_f64(double x)
{
    return vlog2_from(vlog_reduce(x, 0));
}

/* log10(x) = k*log10(2) + log(m)/ln10, the same way */
VMATH_INLINE double vlog10_from(vlog_reduced v)
{
    double hi, lo;
    vlog_split(v, &hi, &lo);
    double k_hi = v.kd * LOG10_2_HI;
    double t = hi * IVLN10_HI;
    double w = k_hi + t;
    double e = (k_hi - w) + t;
    return w + (e + (lo * (IVLN10_HI + IVLN10_LO) + hi * IVLN10_LO + v.kd * LOG10_2_LO));
}

VMATH_INLINE double vlog10_core_f64(double x)
{
    return vlog10_from(vlog_reduce(x, 0));
}

/* The special values of the log family at x outside the kernel's domain other than
 * subnormals: log(+inf) = +inf, log(+-0) = -inf, log(x < 0) = NaN, NaN stays. */
static inline double vlog_special_value(double x, double y)
{
    y = x == INFINITY ? x : y;
    y = x == 0.0 ? -INFINITY : y;
    y = x < 0.0 ? NAN : y;
    return x != x ? x : y;
}

/* The full functions: every double, subnormals scaled into the normal range first.
 * The loops call them only for elements that vlog_is_special flags. */
#define VLOG_FULL(NAME, FROM)                                     \
    static inline double NAME(double x)                           \
    {                                                             \
        int sub = x < 0x1p-1022;                                  \
        double xs = sub ? x * 0x1p54 : x;                         \
        xs = xs > 0.0 && xs < INFINITY ? xs : 1.0;                \
        return vlog_special_value(x, FROM(vlog_reduce(xs, sub))); \
    }
VLOG_FULL(vlog_f64, vlog_from)
VLOG_FULL(vlog2_f64, vlog2_from)
VLOG_FULL(vlog10_f64, vlog10_from)

/* log1p(x) = log(u) + e/u with u = 1 + x rounded and e its exact rounding error
 * (Knuth's two-sum, valid for any magnitudes), which keeps full accuracy for small
 * x. Outside the kernel's domain: x <= -1, +inf, NaN and +-0 (the sign of a zero
 * argument is kept, as the standard asks). */
VMATH_INLINE int vlog1p_is_special(double x)
{
    /* non-short-circuit operators: one vectorisable expression, no branches */
    return !((x > -1.0) & (x < INFINITY)) | (x == 0.0);
}

VMATH_INLINE double vlog1p_core_f64(double x)
{
    double u = 1.0 + x;
    double b = u - 1.0;
    double e = (1.0 - (u - b)) + (x - b);
    return vlog_core_f64(u) + e / u;
}

static inline double vlog1p_f64(double x)
{
    if (!vlog1p_is_special(x)) {
        return vlog1p_core_f64(x);
    }
    if (x == 0.0 || x != x || x == INFINITY) {
        return x;
    }
    return x == -1.0 ? -INFINITY : NAN;
}

/* pi/2 in three parts of 33, 33 and 53 bits (n * each of the first two is exact) */
#define PIO2_1 1.57079632673412561417e+00
#define PIO2_2 6.07710050630396597660e-11
#define PIO2_3 2.02226624871116645580e-21
#define SINCOS_LIMIT 1.0e5

/* sin(x) for quadrant offset 0, cos(x) for offset 1 */
static inline double vsincos_f64(double x, int offset)
{
    double xc = fabs(x) <= SINCOS_LIMIT ? x : 0.0;   /* fixed up afterwards */
    double kd = xc * 0.63661977236758134308 + ROUND_MAGIC;
    double nd = kd - ROUND_MAGIC;
    uint64_t q = f64_bits(kd) - f64_bits(ROUND_MAGIC) + (uint64_t)offset;
    double r = ((xc - nd * PIO2_1) - nd * PIO2_2) - nd * PIO2_3;
    double r2 = r * r;
    double ps = 1.0 / 355687428096000.0;        /* 1/17! */
    ps = -1.0 / 1307674368000.0 + r2 * ps;
    ps = 1.0 / 6227020800.0 + r2 * ps;
    ps = -1.0 / 39916800.0 + r2 * ps;
    ps = 1.0 / 362880.0 + r2 * ps;
    ps = -1.0 / 5040.0 + r2 * ps;
    ps = 1.0 / 120.0 + r2 * ps;
    ps = -1.0 / 6.0 + r2 * ps;
    double sin_r = r + r * r2 * ps;
    double pc = 1.0 / 6402373705728000.0;       /* 1/18! */
    pc = -1.0 / 20922789888000.0 + r2 * pc;
    pc = 1.0 / 87178291200.0 + r2 * pc;
    pc = -1.0 / 479001600.0 + r2 * pc;
    pc = 1.0 / 3628800.0 + r2 * pc;
    pc = -1.0 / 40320.0 + r2 * pc;
    pc = 1.0 / 720.0 + r2 * pc;
    pc = -1.0 / 24.0 + r2 * pc;
    pc = 0.5 + r2 * pc;
    double cos_r = 1.0 - r2 * pc;
    double y = (q & 1) ? cos_r : sin_r;
    return (q & 2) ? -y : y;
}

/* sin(x), keeping the sign of a zero argument: with fused multiply-adds the
 * polynomial gives fma(-0 * r2, ps, -0) = +0 for x = -0, and the standard (like C)
 * asks for sin(-0) = -0. A select, not a branch, so the loop still vectorises. */
static inline double vsin_f64(double x)
{
    double y = vsincos_f64(x, 0);
    return x == 0.0 ? x : y;
}

/* Whether the fast sin/cos result for x must be recomputed by the C library: the
 * argument is beyond the fast reduction, or the result is tiny for a large argument
 * (x near a multiple of pi, where the reduction's absolute error is not negligible). */
static inline int sincos_needs_libm(double x, double y)
{
    double ax = fabs(x);
    return !(ax <= SINCOS_LIMIT) || (ax > 0.75 && fabs(y) < 0x1p-18);
}

#endif

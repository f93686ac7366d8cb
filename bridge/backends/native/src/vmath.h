/* Vectorisable transcendental kernels for float32 and float64 (see vmath.c for the
 * loops that run them and the run-time choice of instruction set).
 *
 * Every function is three pieces, all branch-free plain C that GCC and clang
 * vectorise when inlined into a loop:
 *
 *   T    vm_F_T(T x, T *flag)    the hot kernel. It is exact to the stated bound on a
 *                                "hot" domain and sets *flag to 1 (else 0) for any x
 *                                outside it
 *                                (NaN, infinities, zeros or subnormals where they need
 *                                care, overflow or underflow, huge arguments).
 *   T    vm_F_T_full(T x)        the function on every input, special values included;
 *                                slower, run only on the flagged elements.
 *
 * Determinism (the decision the design rests on): no fused multiply-add anywhere. The
 * extension is compiled with -ffp-contract=off and these kernels never call fma(): each
 * result is a fixed sequence of correctly rounded IEEE additions, multiplications,
 * divisions and square roots, plus integer operations on the bits. The same sequence
 * runs in the scalar fallback, in SSE2, AVX2 and AVX-512 registers and on any other
 * CPU, so the results are bitwise identical on every path and every machine (tests:
 * tests/test_native_vmath.py compares all four paths). Exact products that an FMA would
 * give are obtained instead by Cody-Waite constants with trailing zero bits (k * C_hi is
 * exact) or by Dekker's split. No lookup tables: gathers are slow or microcoded on many
 * x86 CPUs (and GCC's generic tuning emulates them with scalar loads), so reductions use
 * polynomials of higher degree instead.
 *
 * Accuracy: maximum error measured against a long double or mpmath reference
 * (docs/native.md has the table; the tests assert <= 1 ulp for float64 and <= 2 ulp
 * for float32 on hypothesis-chosen inputs, subnormals and range ends included). The
 * special values (NaN, +-inf, signed zeros) are the C99 Annex F / Array API ones.
 */
#ifndef BRIDGE_VMATH_H
#define BRIDGE_VMATH_H

#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__)
#define VM_INLINE static inline __attribute__((always_inline))
#else
#define VM_INLINE static inline
#endif

VM_INLINE uint64_t f64_bits(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

VM_INLINE double bits_f64(uint64_t u)
{
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

VM_INLINE uint32_t f32_bits(float x)
{
    uint32_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

VM_INLINE float bits_f32(uint32_t u)
{
    float x;
    memcpy(&x, &u, sizeof x);
    return x;
}

/* x + ROUND_MAGIC - ROUND_MAGIC rounds |x| < 2^51 to an integer (to nearest even);
 * the low bits of the intermediate sum hold that integer in two's complement. */
#define ROUND_MAGIC 0x1.8p52
#define ROUND_MAGIC_F 0x1.8p23f

/* 2^k for an integer k in [-1022, 1023] held in the low bits of u (two's complement) */
VM_INLINE double vm_pow2i(uint64_t k)
{
    return bits_f64((k << 52) + 0x3ff0000000000000ULL);
}

/* Dekker's split: hi holds the top 26 bits of a, so products of two hi parts are
 * exact (for |a| < 2^996). */
VM_INLINE void vm_split(double a, double *hi, double *lo)
{
    double c = a * 134217729.0;  /* 2^27 + 1 */
    double h = c - (c - a);
    *hi = h;
    *lo = a - h;
}

/* a * b = p + e exactly (no FMA: Dekker's product), for |a|, |b| < 2^996 */
VM_INLINE void vm_two_prod(double a, double b, double *p, double *e)
{
    double ah, al, bh, bl;
    vm_split(a, &ah, &al);
    vm_split(b, &bh, &bl);
    double pp = a * b;
    *p = pp;
    *e = ((ah * bh - pp) + ah * bl + al * bh) + al * bl;
}

/* a + b = s + e exactly, any magnitudes (Knuth's two-sum) */
VM_INLINE void vm_two_sum(double a, double b, double *s, double *e)
{
    double ss = a + b;
    double bb = ss - a;
    *s = ss;
    *e = (a - (ss - bb)) + (b - bb);
}

/* ================================================================== exp, float64
 *
 * x = k ln2 + r, |r| <= ln2/2: k ln2 in two parts (k * LN2_HI exact for |k| < 2^11),
 * the rounding error of r = hi - lo kept in c. exp(r) = 1 + r + r^2 P(r) with P the
 * degree-10 near-minimax fit (Chebyshev interpolation at 300 bits, relative error of
 * 1 + r + r^2 P below 2^-61 on the interval), evaluated by Estrin's scheme; 1 + r is
 * summed with its rounding error (h + l) and the small terms are added to l first, so
 * the result is rounded essentially once. Hot domain |x| <= 708 (normal results);
 * measured max error 0.72 ulp. */
#define EXP_LN2_HI 6.93147180369123816490e-01  /* 32 significant bits */
#define EXP_LN2_LO 1.90821492927058770002e-10
#define EXP_INVLN2 0x1.71547652b82fep0

typedef struct {
    uint64_t k;  /* round(x / ln2), two's complement in the low bits */
    double h, l, t;  /* exp(r) = h + (l + t) with h + l = 1 + r exactly */
} vm_exp_parts;

VM_INLINE vm_exp_parts vm_exp_reduce(double x)
{
    vm_exp_parts v;
    double kd = x * EXP_INVLN2 + ROUND_MAGIC;
    v.k = f64_bits(kd) - f64_bits(ROUND_MAGIC);
    kd -= ROUND_MAGIC;
    double hi = x - kd * EXP_LN2_HI;
    double lo = kd * EXP_LN2_LO;
    double r = hi - lo;
    double c = (hi - r) - lo;
    double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    double p01 = 0x1.0000000000000p-1 + r * 0x1.5555555555557p-3;
    double p23 = 0x1.5555555555556p-5 + r * 0x1.111111111009cp-7;
    double p45 = 0x1.6c16c16c162b0p-10 + r * 0x1.a01a01ac0a9eep-13;
    double p67 = 0x1.a01a01a6ec522p-16 + r * 0x1.71de01c3fc936p-19;
    double p89 = 0x1.27e4db25ce3adp-22 + r * 0x1.af4ecd2129492p-26;
    double p8a = p89 + r2 * 0x1.1f7385560be05p-29;
    double p = (p01 + r2 * p23) + r4 * (p45 + r2 * p67) + r8 * p8a;
    v.t = c + r2 * p;
    v.h = 1.0 + r;
    v.l = (1.0 - v.h) + r;
    return v;
}

VM_INLINE double vm_exp_f64(double x, double *flag)
{
    *flag = fabs(x) <= 708.0 ? 0.0 : 1.0;
    vm_exp_parts v = vm_exp_reduce(x);
    return vm_pow2i(v.k) * (v.h + (v.l + v.t));
}

/* Every input: 2^k applied as two factors so that results near overflow stay finite
 * until the last product and subnormal results are rounded only at the last product
 * (the first factor's product is exact): within 1 ulp there too. */
VM_INLINE double vm_exp_f64_full(double x)
{
    double xc = x < -746.0 ? -746.0 : x;
    xc = xc > 710.0 ? 710.0 : xc;
    xc = x != x ? 0.0 : xc;
    vm_exp_parts v = vm_exp_reduce(xc);
    uint64_t k1 = (uint64_t)((int64_t)v.k >> 1);
    uint64_t k2 = v.k - k1;
    double y = (vm_pow2i(k1) * (v.h + (v.l + v.t))) * vm_pow2i(k2);
    return x != x ? x : y;
}

/* ================================================================== exp, float32
 *
 * In float arithmetic (16 lanes per AVX-512 register): x = k ln2 + r with ln2 in two
 * parts (k * hi exact for |k| < 2^8), exp(r) = 1 + r + r^2 P(r), P of degree 5
 * (relative error 2^-30). Hot domain |x| <= 87 (normal results); elsewhere the float64
 * kernel, rounded once. Measured max error 0.99 ulp (exhaustive over all floats). */
VM_INLINE float vm_exp_f32(float x, float *flag)
{
    *flag = fabsf(x) <= 87.0f ? 0.0f : 1.0f;
    float kd = x * 0x1.715476p+0f + ROUND_MAGIC_F;
    uint32_t ki = f32_bits(kd);
    kd -= ROUND_MAGIC_F;
    float r = (x - kd * 0x1.62e4p-1f) - kd * 0x1.7f7d1cp-20f;
    float r2 = r * r;
    float p = (0.5f + r * 0x1.555556p-3f) + r2 * (0x1.5554e8p-5f + r * 0x1.1110ep-7f)
              + (r2 * r2) * (0x1.6d444ap-10f + r * 0x1.a125f6p-13f);
    float s = r + r2 * p;
    float scale = bits_f32((ki << 23) + 0x3f800000u);
    return scale + scale * s;
}

VM_INLINE float vm_exp_f32_full(float x)
{
    return (float)vm_exp_f64_full((double)x);
}

/* ================================================================== log family, float64
 *
 * x = 2^k * m with m in [sqrt(2)/2, sqrt(2)), f = m - 1 (exact), log(m) = 2 atanh(s)
 * with s = f/(2+f), |s| < 0.172; R = z P(z), z = s^2, P the degree-6 near-minimax fit
 * of (2 atanh(s)/s - 2) / z (|error| < 3.2e-16, 0.04 ulp of the result), by Estrin's
 * scheme; log(m) = f - hfsq + s (hfsq + R) with hfsq = f^2/2 keeps the leading terms
 * exact. The hot kernel takes positive normal finite x; the full one scales subnormals
 * by 2^54 first and selects the special values. log2, log10 and log1p share it.
 * Measured max error: log 0.53, log2 0.55, log10 0.57, log1p 0.70 ulp. */
typedef struct {
    double kd;  /* k */
    double f;   /* m - 1, exact */
    double hfsq;
    double tail;  /* s * (hfsq + R) */
} vm_log_parts;

/* x positive, normal and finite; `sub` says x was a subnormal scaled by 2^54 */
VM_INLINE vm_log_parts vm_log_reduce(double x, int sub)
{
    uint64_t ix = f64_bits(x);
    uint64_t tmp = ix - 0x3fe6a09e667f3bcdULL;          /* bits of sqrt(2)/2 */
    uint64_t iz = ix - (tmp & 0xfff0000000000000ULL);
    double m = bits_f64(iz);
    vm_log_parts v;
    /* k = the top 12 bits of tmp, two's complement, as a double without a 64-bit
     * arithmetic shift or int64->double conversion (neither exists in SSE2/AVX2) */
    v.kd = bits_f64(0x4330000000000000ULL | ((tmp >> 52) ^ 0x800)) - (0x1p52 + 2048.0);
    v.kd = sub ? v.kd - 54.0 : v.kd;
    v.f = m - 1.0;
    double s = v.f / (2.0 + v.f);
    double z = s * s;
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

/* 1 where x is outside the hot domain (not a positive normal finite double), else 0 */
VM_INLINE double vm_log_flag(double x)
{
    /* two selects of one comparison each (SSE2 has no blend of combined masks) */
    return (x >= 0x1p-1022 ? 0.0 : 1.0) + (x <= 0x1.fffffffffffffp1023 ? 0.0 : 1.0);
}

VM_INLINE float vm_log_flag_f32(float x)
{
    return (x >= 0x1p-126f) & (x <= 0x1.fffffep127f) ? 0.0f : 1.0f;
}

#define LN2_HI 6.93147180369123816490e-01  /* k * LN2_HI exact for |k| < 2^20 */
#define LN2_LO 1.90821492927058770002e-10

VM_INLINE double vm_log_from(vm_log_parts v)
{
    /* the leading terms k*ln2_hi and f are exact; the small ones are summed first */
    return v.kd * LN2_HI - ((v.hfsq - (v.tail + v.kd * LN2_LO)) - v.f);
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
VM_INLINE void vm_log_split(vm_log_parts v, double *hi, double *lo)
{
    double h = bits_f64(f64_bits(v.f - v.hfsq) & 0xffffffff00000000ULL);
    *hi = h;
    *lo = ((v.f - h) - v.hfsq) + v.tail;
}

/* log2(x) = k + log(m)/ln2; k + hi/ln2_hi is summed with its rounding error kept
 * (|k| >= |log2(m)| whenever k != 0), so the result errs by about one rounding. */
VM_INLINE double vm_log2_from(vm_log_parts v)
{
    double hi, lo;
    vm_log_split(v, &hi, &lo);
    double t = hi * IVLN2_HI;
    double w = v.kd + t;
    double e = (v.kd - w) + t;
    return w + (e + (lo * (IVLN2_HI + IVLN2_LO) + hi * IVLN2_LO));
}

/* log10(x) = k*log10(2) + log(m)/ln10, the same way */
VM_INLINE double vm_log10_from(vm_log_parts v)
{
    double hi, lo;
    vm_log_split(v, &hi, &lo);
    double k_hi = v.kd * LOG10_2_HI;
    double t = hi * IVLN10_HI;
    double w = k_hi + t;
    double e = (k_hi - w) + t;
    return w + (e + (lo * (IVLN10_HI + IVLN10_LO) + hi * IVLN10_LO + v.kd * LOG10_2_LO));
}

/* log(+inf) = +inf, log(+-0) = -inf, log(x < 0) = NaN, NaN stays; y elsewhere */
VM_INLINE double vm_log_special_value(double x, double y)
{
    y = x == INFINITY ? x : y;
    y = x == 0.0 ? -INFINITY : y;
    y = x < 0.0 ? NAN : y;
    return x != x ? x : y;
}

#define VM_LOG_KERNELS(NAME, FROM)                                     \
    VM_INLINE double NAME##_f64(double x, double *flag)                   \
    {                                                                  \
        *flag = vm_log_flag(x);                                        \
        return FROM(vm_log_reduce(x, 0));                              \
    }                                                                  \
    VM_INLINE double NAME##_f64_full(double x)                         \
    {                                                                  \
        int sub = x < 0x1p-1022;                                       \
        double xs = sub ? x * 0x1p54 : x;                              \
        xs = xs > 0.0 && xs < INFINITY ? xs : 1.0;                     \
        return vm_log_special_value(x, FROM(vm_log_reduce(xs, sub)));  \
    }                                                                  \
    VM_INLINE float NAME##_f32(float x, float *flag)                     \
    {                                                                  \
        *flag = vm_log_flag_f32(x);                                    \
        return (float)FROM(vm_log_reduce((double)x, 0));               \
    }                                                                  \
    VM_INLINE float NAME##_f32_full(float x)                           \
    {                                                                  \
        return (float)NAME##_f64_full((double)x);                      \
    }
/* float32 log2 and log10 are evaluated in float64 and rounded once */
VM_LOG_KERNELS(vm_log2, vm_log2_from)
VM_LOG_KERNELS(vm_log10, vm_log10_from)

VM_INLINE double vm_log_f64(double x, double *flag)
{
    *flag = vm_log_flag(x);
    return vm_log_from(vm_log_reduce(x, 0));
}

VM_INLINE double vm_log_f64_full(double x)
{
    int sub = x < 0x1p-1022;
    double xs = sub ? x * 0x1p54 : x;
    xs = xs > 0.0 && xs < INFINITY ? xs : 1.0;
    return vm_log_special_value(x, vm_log_from(vm_log_reduce(xs, sub)));
}

/* log1p(x) = log(u) + e/u with u = 1 + x rounded and e its exact rounding error
 * (two-sum), which keeps full accuracy for small x (fdlibm's correction term). Hot domain: -1 < x < inf, x != 0
 * (the sign of a zero argument is kept, as the standard asks). */
VM_INLINE double vm_log1p_f64(double x, double *flag)
{
    /* non-short-circuit operators: one vectorisable expression */
    *flag = (x > -1.0 ? 0.0 : 1.0) + (x < INFINITY ? 0.0 : 1.0) + (x != 0.0 ? 0.0 : 1.0);
    double u = 1.0 + x;
    double b = u - 1.0;
    double e = (1.0 - (u - b)) + (x - b);
    vm_log_parts v = vm_log_reduce(u, 0);
    /* log(1 + x) = log(u) + e/u: the correction joins the small terms, so the result
     * is rounded once at the end */
    return v.kd * LN2_HI - ((v.hfsq - (v.tail + (v.kd * LN2_LO + e / u))) - v.f);
}

VM_INLINE double vm_log1p_f64_full(double x)
{
    double y = x == -1.0 ? -INFINITY : x;  /* +-0, +inf and NaN give x */
    return x < -1.0 ? NAN : y;
}

/* ================================================================== log, float32
 *
 * In float arithmetic, fdlibm's reduction: x = 2^k m, m in [sqrt(2)/2, sqrt(2)),
 * f = m - 1, s = f/(2+f), R = z P(z) with P of degree 2 (its relative error 2^-21.7
 * weighs 0.01 in the result). Hot domain: positive normal finite. */

/* log(x) + c for a small correction c (log1p's) */
VM_INLINE float vm_log_core_f32(float x, float c)
{
    uint32_t ix = f32_bits(x);
    uint32_t tmp = ix - 0x3f3504f3u;                    /* bits of sqrt(2)/2 */
    uint32_t iz = ix - (tmp & 0xff800000u);
    float m = bits_f32(iz);
    /* k = tmp >> 23 as a signed 9-bit field, converted without a shift of a negative */
    float kf = (float)(int32_t)(tmp >> 23) - ((tmp & 0x80000000u) ? 512.0f : 0.0f);
    float f = m - 1.0f;
    float s = f / (2.0f + f);
    float z = s * s;
    float R = z * (0x1.55555cp-1f + z * (0x1.997c22p-2f + z * 0x1.2ee8c8p-2f));
    float hfsq = 0.5f * f * f;
    return kf * 0x1.62e4p-1f - ((hfsq - (s * (hfsq + R) + (kf * 0x1.7f7d1cp-20f + c))) - f);
}

VM_INLINE float vm_log_f32(float x, float *flag)
{
    *flag = vm_log_flag_f32(x);
    return vm_log_core_f32(x, 0.0f);
}

VM_INLINE float vm_log_f32_full(float x)
{
    return (float)vm_log_f64_full((double)x);
}

/* log1p in float arithmetic, as for float64 */
VM_INLINE float vm_log1p_f32(float x, float *flag)
{
    *flag = (x > -1.0f) & (x < INFINITY) & (x != 0.0f) ? 0.0f : 1.0f;
    float u = 1.0f + x;
    float b = u - 1.0f;
    float e = (1.0f - (u - b)) + (x - b);
    return vm_log_core_f32(u, e / u);
}

VM_INLINE float vm_log1p_f32_full(float x)
{
    float y = x == -1.0f ? -INFINITY : x;
    return x < -1.0f ? NAN : y;
}

/* ================================================================== sqrt
 * The hardware instruction, correctly rounded everywhere (-fno-math-errno lets the
 * compiler use it without the errno call for negative arguments). */
VM_INLINE double vm_sqrt_f64(double x, double *flag)
{
    *flag = 0.0;
    return sqrt(x);
}

VM_INLINE double vm_sqrt_f64_full(double x)
{
    return sqrt(x);
}

VM_INLINE float vm_sqrt_f32(float x, float *flag)
{
    *flag = 0.0f;
    return sqrtf(x);
}

VM_INLINE float vm_sqrt_f32_full(float x)
{
    return sqrtf(x);
}

/* ================================================================== sin, cos, float64
 *
 * n = round(x 2/pi), y = x - n pi/2 as a double-double yh + yl: pi/2 in three parts
 * (33, 33 and 53 bits; n * the first two exact for |n| < 2^20), the second subtraction
 * summed exactly (two-sum). Then fdlibm's kernels on |y| <= pi/4 with the correction yl:
 * sin y = yh + yh z S(z) + yl (1 - z/2), cos y = w + ((1 - w) - z/2 + (z^2 C(z) - yh yl))
 * with w = 1 - z/2 rounded, z = yh^2; S and C near-minimax of degree 6 and 5 in z
 * (relative errors 2^-57 and 2^-59). Hot domain |x| <= 2^20 unless y is tiny for n != 0
 * (x within 2^-40 of a multiple of pi/2, where the three-part pi/2 is not precise
 * enough); those elements, infinities and NaN are recomputed with the C library's sin
 * and cos, which reduce with the exact Payne-Hanek method. Measured max error: sin
 * 0.74 ulp, cos 0.80 ulp. */
#define PIO2_1 0x1.921fb54400000p+0
#define PIO2_2 0x1.0b4611a600000p-34
#define PIO2_3 0x1.3198a2e037073p-69
#define INV_PIO2 0x1.45f306dc9c883p-1
#define SINCOS_HOT 0x1p20

typedef struct {
    uint64_t n;  /* quadrant count, two's complement in the low bits */
    double yh, yl;
    double flag;  /* 1 for the elements the C library recomputes */
} vm_pio2_parts;

VM_INLINE vm_pio2_parts vm_reduce_pio2(double x)
{
    vm_pio2_parts v;
    double ax = fabs(x);
    double xc = ax <= SINCOS_HOT ? x : 0.0;  /* flagged below; arithmetic stays finite */
    double kd = xc * INV_PIO2 + ROUND_MAGIC;
    v.n = f64_bits(kd) - f64_bits(ROUND_MAGIC);
    kd -= ROUND_MAGIC;
    double a = xc - kd * PIO2_1;
    double s, e;
    vm_two_sum(a, -(kd * PIO2_2), &s, &e);
    double c = kd * PIO2_3;
    v.yh = s - c;
    v.yl = ((s - v.yh) - c) + e;
    /* tiny y for n != 0 (n = 0 exactly when |x| is below about pi/4, where y = x);
     * beyond the hot domain and for NaN xc = 0 makes y = 0, so one test covers all */
    v.flag = (fabs(v.yh) < 0x1p-40 ? 1.0 : 0.0) * (ax <= 0.5 ? 0.0 : 1.0);
    return v;
}

VM_INLINE double vm_sin_poly(double yh, double yl)
{
    double z = yh * yh;
    double v = z * yh;
    double z2 = z * z;
    double r = (0x1.1111111111110p-7 + z * -0x1.a01a01a01992fp-13)
               + z2 * (0x1.71de3a545f836p-19 + z * -0x1.ae645410e937bp-26)
               + (z2 * z2) * (0x1.61217d9252c03p-33 + z * -0x1.ab16f5caa198ap-41);
    return yh - ((z * (0.5 * yl - v * r) - yl) - v * -0x1.5555555555555p-3);
}

VM_INLINE double vm_cos_poly(double yh, double yl)
{
    double z = yh * yh;
    double z2 = z * z;
    double r = z2 * ((0x1.5555555555555p-5 + z * -0x1.6c16c16c16963p-10)
                     + z2 * (0x1.a01a019f4ddfdp-16 + z * -0x1.27e4fa16cc2d1p-22)
                     + (z2 * z2) * (0x1.1eeb67d026ec6p-29 + z * -0x1.907cd8ff5ede7p-37));
    double hz = 0.5 * z;
    double w = 1.0 - hz;
    return w + (((1.0 - w) - hz) + (r - yh * yl));
}

/* sin for quadrant offset 0, cos for offset 1 */
VM_INLINE double vm_sincos_f64(double x, int offset, double *flag)
{
    vm_pio2_parts v = vm_reduce_pio2(x);
    *flag = v.flag;
    uint64_t q = v.n + (uint64_t)offset;
    double s = vm_sin_poly(v.yh, v.yl);
    double c = vm_cos_poly(v.yh, v.yl);
    double y = (q & 1) ? c : s;
    return (q & 2) ? -y : y;
}

VM_INLINE double vm_sin_f64(double x, double *flag)
{
    return vm_sincos_f64(x, 0, flag);
}

VM_INLINE double vm_cos_f64(double x, double *flag)
{
    return vm_sincos_f64(x, 1, flag);
}

/* flagged elements only: the C library (not vectorised; rare) */
static inline double vm_sin_f64_full(double x)
{
    return sin(x);
}

static inline double vm_cos_f64_full(double x)
{
    return cos(x);
}

/* ================================================================== sin, cos, float32
 *
 * Evaluated in float64 and rounded once: y = x - n pi/2 with pi/2 in two parts (33 and
 * 53 bits: absolute error below 2^-64 for |x| <= 2^18, relative 2^-34 at the smallest
 * |y| a float argument reaches, 2^-27.4), polynomials of degree 3 in z (relative error
 * 2^-35 and 2^-39). Beyond 2^18 the float64 kernel. Measured max error 0.50 ulp
 * (exhaustive). */
VM_INLINE double vm_sincos_f32_core(double x, int offset)
{
    double kd = x * INV_PIO2 + ROUND_MAGIC;
    uint64_t q = f64_bits(kd) - f64_bits(ROUND_MAGIC) + (uint64_t)offset;
    kd -= ROUND_MAGIC;
    double y = (x - kd * PIO2_1) - kd * 0x1.0b4611a626331p-34;
    double z = y * y;
    double s = y + (y * z) * (-0x1.555555545d0dap-3 + z * 0x1.11110decc73fdp-7
                              + (z * z) * (-0x1.a013a455bd213p-13 + z * 0x1.6dbcfb4dee452p-19));
    double c = 1.0 - 0.5 * z
               + (z * z) * (0x1.55555555027adp-5 + z * -0x1.6c16bf534c9ebp-10
                            + (z * z) * (0x1.a015c25366932p-16 + z * -0x1.25239a9550aefp-22));
    double r = (q & 1) ? c : s;
    return (q & 2) ? -r : r;
}

VM_INLINE float vm_sin_f32(float x, float *flag)
{
    *flag = fabsf(x) <= 0x1p18f ? 0.0f : 1.0f;
    float y = (float)vm_sincos_f32_core((double)x, 0);
    return x == 0.0f ? x : y;  /* sin(-0) = -0 */
}

VM_INLINE float vm_cos_f32(float x, float *flag)
{
    *flag = fabsf(x) <= 0x1p18f ? 0.0f : 1.0f;
    return (float)vm_sincos_f32_core((double)x, 1);
}

static inline float vm_sin_f32_full(float x)
{
    double flag;
    double y = vm_sin_f64((double)x, &flag);
    return (float)(flag != 0.0 ? vm_sin_f64_full((double)x) : y);
}

static inline float vm_cos_f32_full(float x)
{
    double flag;
    double y = vm_cos_f64((double)x, &flag);
    return (float)(flag != 0.0 ? vm_cos_f64_full((double)x) : y);
}

#endif

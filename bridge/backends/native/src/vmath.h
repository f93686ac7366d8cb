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
 * Accuracy: the maximum errors measured against long double and mpmath references are
 * tabled in docs/native.md (float64 within 1 ulp, float32 within 2; the tests assert
 * these bounds on hypothesis-chosen inputs, subnormals and range ends included). The
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
 * the result is rounded essentially once. Hot domain |x| <= 708 (normal results). */
#define EXP_LN2_HI 6.93147180369123816490e-01  /* 32 significant bits */
#define EXP_LN2_LO 1.90821492927058770002e-10
#define EXP_INVLN2 0x1.71547652b82fep0

typedef struct {
    uint64_t k;  /* round(x / ln2), two's complement in the low bits */
    double h, l, t;  /* exp(r) = h + (l + t) with h + l = 1 + r exactly */
} vm_exp_parts;

/* e^(x + xtail) for a small tail (pow's low part; |xtail| < 2^-15) */
VM_INLINE vm_exp_parts vm_exp_reduce_tail(double x, double xtail)
{
    vm_exp_parts v;
    double kd = x * EXP_INVLN2 + ROUND_MAGIC;
    v.k = f64_bits(kd) - f64_bits(ROUND_MAGIC);
    kd -= ROUND_MAGIC;
    double hi = x - kd * EXP_LN2_HI;
    double lo = kd * EXP_LN2_LO - xtail;
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

VM_INLINE vm_exp_parts vm_exp_reduce(double x)
{
    return vm_exp_reduce_tail(x, 0.0);
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
 * kernel, rounded once. */
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
 * by 2^54 first and selects the special values. log2, log10 and log1p share it. */
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
 * (two-sum), which keeps full accuracy for small x (fdlibm's correction term). Hot
 * domain: -1 < x < inf, x != 0 (the sign of a zero argument is kept, as the standard
 * asks). */
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
 * with w = 1 - z/2 summed exactly, z = yh^2; S and C near-minimax of degree 6 and 5
 * in z (relative errors 2^-57 and 2^-59). Hot domain |x| <= 2^20 unless y is tiny for
 * n != 0 (x within 2^-40 of a multiple of pi/2, where the three-part pi/2 is not
 * precise enough); those elements, infinities and NaN are recomputed with the C library's sin
 * and cos, which reduce with the exact Payne-Hanek method. */
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

/* sin y and cos y for y = yh + yl, |y| <= pi/4, each as an unevaluated sum hi + lo.
 * With `exact` (a constant: tan's quotient needs it) y^2 and y^3 are exact
 * double-doubles (Dekker's products), so the largest terms after the leading one
 * (y^3/6 and y^2/2) are rounded once only: sin/cos errors 0.70 instead of 0.77 ulp
 * for a third more time, which sin and cos themselves do not spend. */
typedef struct {
    double sh, sl, ch, cl;
} vm_sincos_pair;

VM_INLINE vm_sincos_pair vm_sincos_kernel(double yh, double yl, int exact)
{
    double zh = yh * yh, zl = 0.0, vh = zh * yh, vl = 0.0;
    if (exact) {
        vm_two_prod(yh, yh, &zh, &zl);
        vm_two_prod(zh, yh, &vh, &vl);
    }
    double z2 = zh * zh;
    double rs = (0x1.1111111111110p-7 + zh * -0x1.a01a01a01992fp-13)
                + z2 * (0x1.71de3a545f836p-19 + zh * -0x1.ae645410e937bp-26)
                + (z2 * z2) * (0x1.61217d9252c03p-33 + zh * -0x1.ab16f5caa198ap-41);
    double rc = z2 * ((0x1.5555555555555p-5 + zh * -0x1.6c16c16c16963p-10)
                      + z2 * (0x1.a01a019f4ddfdp-16 + zh * -0x1.27e4fa16cc2d1p-22)
                      + (z2 * z2) * (0x1.1eeb67d026ec6p-29 + zh * -0x1.907cd8ff5ede7p-37));
    vm_sincos_pair r;
    /* sin y = y - y^3/6 + y^3 z R(z) + yl (1 - z/2) */
    r.sh = yh;
    r.sl = -((zh * (0.5 * yl - vh * rs) - yl) - vh * -0x1.5555555555555p-3)
           + -0x1.5555555555555p-3 * (vl + yh * zl);
    /* cos y = 1 - z/2 + z^2 C(z) - yh yl; 1 - zh/2 summed exactly */
    double hz = 0.5 * zh;
    double w = 1.0 - hz;
    r.ch = w;
    r.cl = (((1.0 - w) - hz) - 0.5 * zl) + (rc - yh * yl);
    return r;
}

/* sin for quadrant offset 0, cos for offset 1 */
VM_INLINE double vm_sincos_f64(double x, int offset, double *flag)
{
    vm_pio2_parts v = vm_reduce_pio2(x);
    *flag = v.flag;
    uint64_t q = v.n + (uint64_t)offset;
    vm_sincos_pair k = vm_sincos_kernel(v.yh, v.yl, 0);
    double s = k.sh + k.sl;
    double c = k.ch + k.cl;
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
 * 2^-35 and 2^-39); beyond 2^18 the float64 kernel. (A version in float arithmetic,
 * FMA-free, needs a four-part pi/2, a two-sum and an exact square: it measured 10%
 * slower than this one on AVX-512.) */
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

/* ================================================================== expm1, float64
 *
 * The exp reduction x = k ln2 + r (+ c, the rounding error of r), then
 *   e^x - 1 = ((2^k - 1) + 2^k r) + 2^k r^2/2 + 2^k (c + rc + r^3 Q(r))
 * with Q(r) = (P(r) - 1/2)/r from exp's polynomial. 2^k r is exact, r^2 is an exact
 * double-double (Dekker's square), and 2^k - 1 and the large sums are two-sums, so
 * only the last addition rounds: the result can be much smaller than 2^k (k = 0, 1), where
 * any rounded intermediate would show. Hot domain |x| <= 708. */
VM_INLINE double vm_expm1_f64(double x, double *flag)
{
    *flag = fabs(x) <= 708.0 ? 0.0 : 1.0;
    double kd = x * EXP_INVLN2 + ROUND_MAGIC;
    uint64_t k = f64_bits(kd) - f64_bits(ROUND_MAGIC);
    kd -= ROUND_MAGIC;
    double hi = x - kd * EXP_LN2_HI;
    double lo = kd * EXP_LN2_LO;
    double r = hi - lo;
    double c = (hi - r) - lo;
    double r2h, r2l;
    vm_two_prod(r, r, &r2h, &r2l);
    double r2 = r2h, r4 = r2 * r2, r8 = r4 * r4;
    double q01 = 0x1.5555555555557p-3 + r * 0x1.5555555555556p-5;
    double q23 = 0x1.111111111009cp-7 + r * 0x1.6c16c16c162b0p-10;
    double q45 = 0x1.a01a01ac0a9eep-13 + r * 0x1.a01a01a6ec522p-16;
    double q67 = 0x1.71de01c3fc936p-19 + r * 0x1.27e4db25ce3adp-22;
    double q89 = 0x1.af4ecd2129492p-26 + r * 0x1.1f7385560be05p-29;
    double q = (q01 + r2 * q23) + r4 * (q45 + r2 * q67) + r8 * q89;
    double small = c + ((0.5 * r2l + r * c) + (r2h * r) * q);  /* (r + c)^2/2 = r^2/2 + rc */
    double sc = vm_pow2i(k);
    double ah, al, uh, ul, vh, vl;
    vm_two_sum(sc, -1.0, &ah, &al);
    vm_two_sum(ah, sc * r, &uh, &ul);
    vm_two_sum(uh, sc * (0.5 * r2h), &vh, &vl);
    double y = vh + (vl + (ul + (al + sc * small)));
    return x == 0.0 ? x : y;  /* expm1(-0) = -0 */
}

VM_INLINE double vm_expm1_f64_full(double x)
{
    /* beyond 708: e^x - 1 rounds to e^x (or overflows); below -708 to -1 */
    double y = x > 0.0 ? vm_exp_f64_full(x) : -1.0;
    return x != x ? x : y;
}

/* ================================================================== hyperbolic, float64
 *
 * e^|x| as a normalised double-double (relative error about 2^-56) from the exp
 * reduction, then the defining formulas with every rounding but the last one captured:
 *   tanh = 1 - 2/(e^2|x| + 1) for |x| >= 0.35 (the quotient with its exact residual,
 *          Dekker's product; 1 - q by two-sum), an odd polynomial of degree 19 below
 *          (relative error 2^-58.6); |x| >= 22 gives +-1.
 *   sinh = (E - 1/E)/2, cosh = (E + 1/E)/2 for |x| >= 1; below 1 polynomials of
 *          degree 15 (odd) and 16 (even, with x^2 exact), errors 2^-56.6 and 2^-59.
 * Hot domain |x| <= 709 for sinh/cosh (beyond, e^|x|/2 with the exponent split so
 * that it overflows only where the result does); tanh has none but NaN. */
VM_INLINE void vm_exp_dd(double x, double *hi, double *lo)
{
    vm_exp_parts v = vm_exp_reduce(x);
    double sc = vm_pow2i(v.k);
    double eh = sc * v.h;
    double el = sc * (v.l + v.t);
    double s = eh + el;
    *hi = s;
    *lo = (eh - s) + el;
}

VM_INLINE double vm_copysign_bits(double y, double x)
{
    return bits_f64((f64_bits(y) & 0x7fffffffffffffffULL) | (f64_bits(x) & 0x8000000000000000ULL));
}

VM_INLINE double vm_tanh_f64(double x, double *flag)
{
    *flag = 0.0;
    double ax = fabs(x);
    double z = ax * ax, z2 = z * z, z4 = z2 * z2;
    double p = ((-0x1.5555555555555p-2 + z * 0x1.1111111111060p-3)
                + z2 * (-0x1.ba1ba1b9f5f2bp-5 + z * 0x1.664f486a080eap-6))
               + z4 * ((-0x1.226e2d3aa0347p-7 + z * 0x1.d6d0cbfd49855p-9)
                       + z2 * (-0x1.7d4ecf0a3f747p-10 + z * 0x1.2fe6a5f2733d6p-11)
                       + z4 * -0x1.929fca6026ce3p-13);
    double small = ax + ax * (z * p);
    double xc = ax < 22.0 ? ax : 22.0;
    double eh, el;
    vm_exp_dd(2.0 * xc, &eh, &el);
    double dh = eh + 1.0;
    double dl = ((eh - dh) + 1.0) + el;
    double qh = 2.0 / dh;
    double pp, pe;
    vm_two_prod(qh, dh, &pp, &pe);
    double ql = (((2.0 - pp) - pe) - qh * dl) * (0.5 * qh);
    double rh = 1.0 - qh;
    double rl = (-qh - (rh - 1.0)) - ql;
    double large = rh + rl;
    double y = ax < 0.35 ? small : large;
    y = vm_copysign_bits(y, x);
    return x != x ? x : y;
}

VM_INLINE double vm_tanh_f64_full(double x)
{
    return x;  /* never flagged */
}

/* e^|x| / 2 for large |x|, split like exp's full function */
VM_INLINE double vm_exp_half_full(double ax)
{
    double xc = ax > 711.0 ? 711.0 : ax;
    vm_exp_parts v = vm_exp_reduce(xc);
    uint64_t k1 = (uint64_t)((int64_t)v.k >> 1);
    uint64_t k2 = v.k - k1;
    return (vm_pow2i(k1) * (v.h + (v.l + v.t))) * (0.5 * vm_pow2i(k2));
}

VM_INLINE double vm_sinh_f64(double x, double *flag)
{
    double ax = fabs(x);
    *flag = ax <= 709.0 ? 0.0 : 1.0;
    /* x + x^3/6 + x^5 P1(x^2): x^3 exact (Dekker's products), so the largest term
     * after x is rounded once; the polynomial's rounding errors weigh 30 times less */
    double z, zl, v, vl;
    vm_two_prod(ax, ax, &z, &zl);
    vm_two_prod(z, ax, &v, &vl);
    double z2 = z * z, z4 = z2 * z2;
    double p1 = (0x1.11111111110fdp-7 + z * 0x1.a01a01a01eed5p-13)
                + z2 * (0x1.71de3a4e0d67dp-19 + z * 0x1.ae646102f8d4bp-26)
                + z4 * (0x1.611caf3d7bfe1p-33 + z * 0x1.b413a2632a732p-41);
    double t3 = v * 0x1.5555555555555p-3 + (vl + zl * ax) * 0x1.5555555555555p-3;
    double small = ax + (t3 + (v * z) * p1);
    double eh, el;
    vm_exp_dd(ax <= 709.0 ? ax : 0.0, &eh, &el);
    double inv = 1.0 / eh;
    double inv_lo = -inv * (el * inv);
    double large = 0.5 * eh + (0.5 * el - 0.5 * (inv + inv_lo));
    double y = ax < 1.0 ? small : large;
    return vm_copysign_bits(y, x);
}

VM_INLINE double vm_sinh_f64_full(double x)
{
    double y = vm_copysign_bits(vm_exp_half_full(fabs(x)), x);
    return x != x ? x : y;
}

VM_INLINE double vm_cosh_f64(double x, double *flag)
{
    double ax = fabs(x);
    *flag = ax <= 709.0 ? 0.0 : 1.0;
    double zh, zl;
    vm_two_prod(ax, ax, &zh, &zl);
    double z2 = zh * zh, z4 = z2 * z2;
    double q = ((0x1.5555555555555p-5 + zh * 0x1.6c16c16c16c0ep-10)
                + z2 * (0x1.a01a01a01c30fp-16 + zh * 0x1.27e4fb7444175p-22))
               + z4 * ((0x1.1eed93aabc793p-29 + zh * 0x1.939074e3f05f6p-37)
                       + z2 * 0x1.b374223e35012p-45);
    double small = 1.0 + (0.5 * zh + (0.5 * zl + z2 * q));
    double eh, el;
    vm_exp_dd(ax <= 709.0 ? ax : 0.0, &eh, &el);
    double inv = 1.0 / eh;
    double inv_lo = -inv * (el * inv);
    double large = 0.5 * eh + (0.5 * el + 0.5 * (inv + inv_lo));
    return ax < 1.0 ? small : large;
}

VM_INLINE double vm_cosh_f64_full(double x)
{
    double y = vm_exp_half_full(fabs(x));
    return x != x ? x : y;
}

/* ================================================================== expm1, hyperbolic, float32
 *
 * Evaluated in float64 and rounded once: e^r - 1 for |r| <= ln2/2 by r + r^2 P(r), P of
 * degree 6 (relative error 2^-36.5), r = x - k ln2 in double, then
 *   expm1 = 2^k p + (2^k - 1), tanh = u/(u + 2) with u = expm1(2|x|),
 *   sinh = (u + u/(u + 1))/2 with u = expm1(|x|), cosh = (E + 1/E)/2,
 * all free of cancellation. Arguments are clamped where the float result is already
 * -1, +-1 or infinite; only NaN needs a select. */
VM_INLINE double vm_expm1_lite(double x, double *scale)
{
    double kd = x * EXP_INVLN2 + ROUND_MAGIC;
    uint64_t k = f64_bits(kd) - f64_bits(ROUND_MAGIC);
    kd -= ROUND_MAGIC;
    double r = x - kd * 0x1.62e42fefa39efp-1;
    double r2 = r * r;
    double p = (0.5 + r * 0x1.5555556787f3cp-3)
               + r2 * (0x1.5555555c9c2f7p-5 + r * 0x1.1110c5a070ca9p-7)
               + (r2 * r2) * ((0x1.6c168516931abp-10 + r * 0x1.a152a983c7079p-13)
                              + r2 * 0x1.a11412e92d01bp-16);
    *scale = vm_pow2i(k);
    return r + r2 * p;  /* e^x = scale (1 + this) */
}

/* e^x - 1 for |x| <= 150 */
VM_INLINE double vm_expm1_d(double x)
{
    double sc;
    double p = vm_expm1_lite(x, &sc);
    return sc * p + (sc - 1.0);
}

VM_INLINE float vm_copysign_bits_f32(float y, float x)
{
    return bits_f32((f32_bits(y) & 0x7fffffffu) | (f32_bits(x) & 0x80000000u));
}

VM_INLINE float vm_expm1_f32(float x, float *flag)
{
    *flag = 0.0f;
    double xd = (double)x;
    xd = xd < -100.0 ? -100.0 : (xd > 100.0 ? 100.0 : xd);
    float y = (float)vm_expm1_d(xd);
    y = x == 0.0f ? x : y;  /* expm1(-0) = -0 */
    return x != x ? x : y;
}

/* tanh, float32, in float arithmetic (16 lanes per AVX-512 register): an odd
 * polynomial of degree 13 below 0.75 (relative error 2^-26.3); above, 1 - 2/(E + 1)
 * with E = e^2|x| = 2^k (1 + s) from the float exp kernel and E + 1 formed as
 * (2^k + 1) + 2^k s, so E is not rounded on its own; |x| clamped to 9.1 (tanh rounds
 * to 1 beyond). */
VM_INLINE float vm_tanh_f32(float x, float *flag)
{
    *flag = 0.0f;
    float ax = fabsf(x);
    float z = ax * ax;
    float z2 = z * z;
    float p = (-0x1.555554p-2f + z * 0x1.111042p-3f) + z2 * (-0x1.b9d774p-5f + z * 0x1.622296p-6f)
              + (z2 * z2) * (-0x1.03edaap-7f + z * 0x1.f4458ap-10f);
    float small = ax + ax * (z * p);
    float xc = ax < 9.1f ? 2.0f * ax : 18.2f;
    float kd = xc * 0x1.715476p+0f + ROUND_MAGIC_F;
    uint32_t ki = f32_bits(kd);
    kd -= ROUND_MAGIC_F;
    float r = (xc - kd * 0x1.62e4p-1f) - kd * 0x1.7f7d1cp-20f;
    float r2 = r * r;
    float q5 = (0.5f + r * 0x1.555556p-3f) + r2 * (0x1.5554e8p-5f + r * 0x1.1110ep-7f)
               + (r2 * r2) * (0x1.6d444ap-10f + r * 0x1.a125f6p-13f);
    float s = r + r2 * q5;
    float scale = bits_f32((ki << 23) + 0x3f800000u);
    float d = (scale + 1.0f) + scale * s;
    float large = 1.0f - 2.0f / d;
    float y = vm_copysign_bits_f32(ax < 0.75f ? small : large, x);
    return x != x ? x : y;
}

VM_INLINE float vm_sinh_f32(float x, float *flag)
{
    *flag = 0.0f;
    double ax = fabs((double)x);
    ax = ax < 100.0 ? ax : 100.0;
    double u = vm_expm1_d(ax);
    float y = vm_copysign_bits_f32((float)(0.5 * (u + u / (u + 1.0))), x);
    return x != x ? x : y;
}

VM_INLINE float vm_cosh_f32(float x, float *flag)
{
    *flag = 0.0f;
    double ax = fabs((double)x);
    ax = ax < 100.0 ? ax : 100.0;
    double sc;
    double p = vm_expm1_lite(ax, &sc);
    double e = sc + sc * p;
    float y = (float)(0.5 * (e + 1.0 / e));
    return x != x ? x : y;
}

/* the float32 functions above are never flagged */
VM_INLINE float vm_unflagged_f32_full(float x)
{
    return x;
}

/* ================================================================== pow, float64
 *
 * pow(x, y) = exp(y log x) with log x as a double-double of relative error about
 * 2^-67 and the product y log x summed exactly, so that the exp kernel (which takes
 * the product's low part as a tail of its argument) rounds essentially once.
 *   log: x = 2^k z with z in [0.7056, 1.4112), 128 subintervals by the top mantissa
 *   bits; c = 1/invc near the subinterval's centre with invc of 8 significant bits
 *   (1 for the two subintervals at 1), so r = z invc - 1 is exact when z is split at
 *   its 21st bit (no FMA needed), |r| < 0.0058; log x = k ln2 + log c + log1p(r) with
 *   k ln2_hi + log(c)_hi exact (both multiples of 2^-42), the r^2/2 term exact and a
 *   degree-8 polynomial for the rest (relative error 2^-67.4). The table (invc,
 *   log c rounded to 2^-42, the remainder) was computed in 200-bit mpmath; its lookups
 *   are the only gathers of these kernels.
 *   y log x = ehi + elo with ehi the product of the top 26 bits of both (exact).
 * Negative x with an integer y gives the sign of the odd powers; y == 1 and y == 2
 * return x and x*x exactly. Hot domain: x normal and finite (or negative with an
 * integer y), y finite, |y log x| <= 708. Elsewhere (zeros, subnormal x, infinities,
 * NaN, overflow and underflow) the C library's pow, whose special values are C99's
 * (those of the Array API standard). */
static const double POW_LOG_TABLE[128][3] = {
    {0x1.6a00000000000p+0, -0x1.62c82f2b9c000p-2, -0x1.e54bdbd7c8a98p-44},
    {0x1.6800000000000p+0, -0x1.5d1bdbf581000p-2, 0x1.8d6bdc9c7c238p-44},
    {0x1.6600000000000p+0, -0x1.5767717456000p-2, 0x1.64ead9524d7cap-44},
    {0x1.6400000000000p+0, -0x1.51aad872e0000p-2, 0x1.f4bd8db0a7cc1p-44},
    {0x1.6200000000000p+0, -0x1.4be5f95778000p-2, 0x1.d7c92cd9ad824p-44},
    {0x1.6000000000000p+0, -0x1.4618bc21c6000p-2, 0x1.3d82f484c84ccp-46},
    {0x1.5e00000000000p+0, -0x1.404308686a000p-2, -0x1.f8ef43049f7d3p-44},
    {0x1.5c00000000000p+0, -0x1.3a64c55694000p-2, -0x1.7a71cbcd735d0p-44},
    {0x1.5a00000000000p+0, -0x1.347dd9a988000p-2, 0x1.5594dd4c58092p-45},
    {0x1.5800000000000p+0, -0x1.2e8e2bae12000p-2, 0x1.67b1e99b72bd8p-45},
    {0x1.5600000000000p+0, -0x1.2895a13de8000p-2, -0x1.a8d7ad24c13f0p-44},
    {0x1.5600000000000p+0, -0x1.2895a13de8000p-2, -0x1.a8d7ad24c13f0p-44},
    {0x1.5400000000000p+0, -0x1.22941fbcf8000p-2, 0x1.a6976f5eb0963p-44},
    {0x1.5200000000000p+0, -0x1.1c898c169a000p-2, 0x1.81410e5c62affp-44},
    {0x1.5000000000000p+0, -0x1.1675cababa000p-2, -0x1.8380e731f55c4p-44},
    {0x1.4e00000000000p+0, -0x1.1058bf9ae5000p-2, 0x1.4ab9d817d52cdp-44},
    {0x1.4c00000000000p+0, -0x1.0a324e2739000p-2, -0x1.c6bee7ef4030ep-47},
    {0x1.4a00000000000p+0, -0x1.0402594b4d000p-2, -0x1.036b89ef42d7fp-48},
    {0x1.4a00000000000p+0, -0x1.0402594b4d000p-2, -0x1.036b89ef42d7fp-48},
    {0x1.4800000000000p+0, -0x1.fb9186d5e4000p-3, 0x1.d572aab993c87p-47},
    {0x1.4600000000000p+0, -0x1.ef0adcbdc6000p-3, 0x1.b26b79c86af24p-45},
    {0x1.4400000000000p+0, -0x1.e27076e2b0000p-3, 0x1.a342c2af0003cp-44},
    {0x1.4200000000000p+0, -0x1.d5c216b4fc000p-3, 0x1.1ba91bbca681bp-45},
    {0x1.4000000000000p+0, -0x1.c8ff7c79aa000p-3, 0x1.7794f689f8434p-45},
    {0x1.4000000000000p+0, -0x1.c8ff7c79aa000p-3, 0x1.7794f689f8434p-45},
    {0x1.3e00000000000p+0, -0x1.bc286742d8000p-3, -0x1.9ac53f39d121cp-44},
    {0x1.3c00000000000p+0, -0x1.af3c94e80c000p-3, 0x1.a4e633fcd9066p-52},
    {0x1.3a00000000000p+0, -0x1.a23bc1fe2c000p-3, 0x1.539cd91dc9f0bp-44},
    {0x1.3a00000000000p+0, -0x1.a23bc1fe2c000p-3, 0x1.539cd91dc9f0bp-44},
    {0x1.3800000000000p+0, -0x1.9525a9cf46000p-3, 0x1.297137d9f158fp-44},
    {0x1.3600000000000p+0, -0x1.87fa06520c000p-3, -0x1.22120401202fcp-44},
    {0x1.3400000000000p+0, -0x1.7ab890210e000p-3, 0x1.bdb9072534a58p-45},
    {0x1.3400000000000p+0, -0x1.7ab890210e000p-3, 0x1.bdb9072534a58p-45},
    {0x1.3200000000000p+0, -0x1.6d60fe719e000p-3, 0x1.bc6e557134767p-44},
    {0x1.3000000000000p+0, -0x1.5ff3070a7a000p-3, 0x1.8586f183bebf2p-44},
    {0x1.3000000000000p+0, -0x1.5ff3070a7a000p-3, 0x1.8586f183bebf2p-44},
    {0x1.2e00000000000p+0, -0x1.526e5e3a1c000p-3, 0x1.790ba37fc5238p-44},
    {0x1.2c00000000000p+0, -0x1.44d2b6ccb8000p-3, 0x1.70cc16135783cp-46},
    {0x1.2c00000000000p+0, -0x1.44d2b6ccb8000p-3, 0x1.70cc16135783cp-46},
    {0x1.2a00000000000p+0, -0x1.371fc201e8000p-3, -0x1.ee8779b2d8abcp-44},
    {0x1.2800000000000p+0, -0x1.29552f8200000p-3, 0x1.5b967f4471dfcp-44},
    {0x1.2600000000000p+0, -0x1.1b72ad52f6000p-3, -0x1.e80a41811a396p-45},
    {0x1.2600000000000p+0, -0x1.1b72ad52f6000p-3, -0x1.e80a41811a396p-45},
    {0x1.2400000000000p+0, -0x1.0d77e7cd08000p-3, -0x1.cb2cd2ee2f482p-44},
    {0x1.2400000000000p+0, -0x1.0d77e7cd08000p-3, -0x1.cb2cd2ee2f482p-44},
    {0x1.2200000000000p+0, -0x1.fec9131dc0000p-4, 0x1.54555d1ae6607p-44},
    {0x1.2000000000000p+0, -0x1.e27076e2b0000p-4, 0x1.a342c2af0003cp-45},
    {0x1.2000000000000p+0, -0x1.e27076e2b0000p-4, 0x1.a342c2af0003cp-45},
    {0x1.1e00000000000p+0, -0x1.c5e548f5bc000p-4, -0x1.d0c57585fbe06p-46},
    {0x1.1c00000000000p+0, -0x1.a926d3a4ac000p-4, -0x1.563650bd22a9cp-44},
    {0x1.1c00000000000p+0, -0x1.a926d3a4ac000p-4, -0x1.563650bd22a9cp-44},
    {0x1.1a00000000000p+0, -0x1.8c345d6318000p-4, -0x1.b20f5acb42a66p-44},
    {0x1.1a00000000000p+0, -0x1.8c345d6318000p-4, -0x1.b20f5acb42a66p-44},
    {0x1.1800000000000p+0, -0x1.6f0d28ae58000p-4, 0x1.4b4641b664613p-44},
    {0x1.1600000000000p+0, -0x1.51b073f060000p-4, -0x1.83f69278e686ap-44},
    {0x1.1600000000000p+0, -0x1.51b073f060000p-4, -0x1.83f69278e686ap-44},
    {0x1.1400000000000p+0, -0x1.341d7961bc000p-4, -0x1.1d09299837610p-44},
    {0x1.1400000000000p+0, -0x1.341d7961bc000p-4, -0x1.1d09299837610p-44},
    {0x1.1200000000000p+0, -0x1.16536eea38000p-4, 0x1.47c5e768fa309p-46},
    {0x1.1000000000000p+0, -0x1.f0a30c0118000p-5, 0x1.d599e83368e91p-45},
    {0x1.1000000000000p+0, -0x1.f0a30c0118000p-5, 0x1.d599e83368e91p-45},
    {0x1.0e00000000000p+0, -0x1.b42dd71198000p-5, 0x1.c827ae5d6704cp-46},
    {0x1.0e00000000000p+0, -0x1.b42dd71198000p-5, 0x1.c827ae5d6704cp-46},
    {0x1.0c00000000000p+0, -0x1.77458f6330000p-5, 0x1.181dce586af09p-44},
    {0x1.0c00000000000p+0, -0x1.77458f6330000p-5, 0x1.181dce586af09p-44},
    {0x1.0a00000000000p+0, -0x1.39e87b9fe8000p-5, -0x1.eafd480ad9015p-44},
    {0x1.0a00000000000p+0, -0x1.39e87b9fe8000p-5, -0x1.eafd480ad9015p-44},
    {0x1.0800000000000p+0, -0x1.f829b0e780000p-6, -0x1.980267c7e09e4p-45},
    {0x1.0800000000000p+0, -0x1.f829b0e780000p-6, -0x1.980267c7e09e4p-45},
    {0x1.0600000000000p+0, -0x1.7b91b07d60000p-6, 0x1.3b955b602ace4p-44},
    {0x1.0400000000000p+0, -0x1.fc0a8b0fc0000p-7, -0x1.f1e7cf6d3a69cp-50},
    {0x1.0400000000000p+0, -0x1.fc0a8b0fc0000p-7, -0x1.f1e7cf6d3a69cp-50},
    {0x1.0200000000000p+0, -0x1.fe02a6b100000p-8, -0x1.9e23f0dda40e4p-46},
    {0x1.0200000000000p+0, -0x1.fe02a6b100000p-8, -0x1.9e23f0dda40e4p-46},
    {0x1.0000000000000p+0, 0x0.0p+0, 0x0.0p+0},
    {0x1.0000000000000p+0, 0x0.0p+0, 0x0.0p+0},
    {0x1.fc00000000000p-1, 0x1.0101575880000p-7, 0x1.bce251998b506p-44},
    {0x1.f800000000000p-1, 0x1.0205658930000p-6, 0x1.611d27c8e8417p-44},
    {0x1.f400000000000p-1, 0x1.8492528c90000p-6, -0x1.aa0ba325a0c34p-45},
    {0x1.f000000000000p-1, 0x1.0415d89e78000p-5, -0x1.dddc7f461c516p-44},
    {0x1.ec00000000000p-1, 0x1.466aed42e0000p-5, -0x1.c167375bdfd28p-45},
    {0x1.e800000000000p-1, 0x1.894aa149f8000p-5, 0x1.9a19a8be97661p-44},
    {0x1.e400000000000p-1, 0x1.ccb73cddd8000p-5, 0x1.965c36e09f5fep-44},
    {0x1.e200000000000p-1, 0x1.eea31c0068000p-5, 0x1.c3dd83606d891p-44},
    {0x1.de00000000000p-1, 0x1.1973bd1464000p-4, 0x1.566d154f930b3p-44},
    {0x1.da00000000000p-1, 0x1.3bdf5a7d20000p-4, -0x1.19bd0ad125895p-44},
    {0x1.d600000000000p-1, 0x1.5e95a4d978000p-4, 0x1.1cb7ce1d17171p-44},
    {0x1.d400000000000p-1, 0x1.700d30aeac000p-4, 0x1.c1e8da99ded32p-49},
    {0x1.d000000000000p-1, 0x1.9335e5d594000p-4, 0x1.3115c3abd47dap-45},
    {0x1.cc00000000000p-1, 0x1.b6ac88dad4000p-4, 0x1.b1bdff50225c7p-44},
    {0x1.ca00000000000p-1, 0x1.c885801bc4000p-4, 0x1.646d1c65aacd3p-45},
    {0x1.c600000000000p-1, 0x1.ec739830a0000p-4, 0x1.11fcba80cdd10p-44},
    {0x1.c400000000000p-1, 0x1.fe89139dbc000p-4, 0x1.56594d82f7a82p-44},
    {0x1.c000000000000p-1, 0x1.1178e8227e000p-3, 0x1.1ef78ce2d07f2p-45},
    {0x1.be00000000000p-1, 0x1.1aa2b7e240000p-3, -0x1.1ac38dde3b366p-44},
    {0x1.ba00000000000p-1, 0x1.2d1610c868000p-3, 0x1.39d6ccb81b4a1p-47},
    {0x1.b800000000000p-1, 0x1.365fcb015a000p-3, -0x1.fd3a0afb9691bp-44},
    {0x1.b400000000000p-1, 0x1.4913d8333c000p-3, -0x1.53e43558124c4p-44},
    {0x1.b200000000000p-1, 0x1.527e5e4a1c000p-3, -0x1.4e60b8d4b411dp-44},
    {0x1.ae00000000000p-1, 0x1.6574ebe8c2000p-3, -0x1.98c1d34f0f462p-44},
    {0x1.ac00000000000p-1, 0x1.6f0128b756000p-3, 0x1.577390d31ef0fp-44},
    {0x1.aa00000000000p-1, 0x1.7898d85444000p-3, 0x1.8e67be3dbaf3fp-44},
    {0x1.a600000000000p-1, 0x1.8beafeb390000p-3, -0x1.73d54aae92cd1p-47},
    {0x1.a400000000000p-1, 0x1.95a5adcf70000p-3, 0x1.7f22858a0ff6fp-47},
    {0x1.a000000000000p-1, 0x1.a93ed3c8ae000p-3, -0x1.8724350562169p-45},
    {0x1.9e00000000000p-1, 0x1.b31d8575bc000p-3, 0x1.c794e562a63cbp-44},
    {0x1.9c00000000000p-1, 0x1.bd087383be000p-3, -0x1.d4bc4595412b6p-45},
    {0x1.9a00000000000p-1, 0x1.c6ffbc6f00000p-3, 0x1.ee138d3a69d43p-44},
    {0x1.9600000000000p-1, 0x1.db13db0d48000p-3, 0x1.2806a847527e6p-44},
    {0x1.9400000000000p-1, 0x1.e530effe72000p-3, -0x1.fdbdbb13f7c18p-44},
    {0x1.9200000000000p-1, 0x1.ef5ade4dd0000p-3, -0x1.a211565bb8e11p-51},
    {0x1.9000000000000p-1, 0x1.f991c6cb3c000p-3, -0x1.90d04cd7cc834p-44},
    {0x1.8c00000000000p-1, 0x1.07138604d6000p-2, -0x1.e76324e912b17p-44},
    {0x1.8a00000000000p-1, 0x1.0c42d67616000p-2, 0x1.7188b163ceae9p-45},
    {0x1.8800000000000p-1, 0x1.1178e8227e000p-2, 0x1.1ef78ce2d07f2p-44},
    {0x1.8600000000000p-1, 0x1.16b5ccbad0000p-2, -0x1.23299042d74bfp-44},
    {0x1.8400000000000p-1, 0x1.1bf99635a7000p-2, -0x1.1ac89575c2125p-44},
    {0x1.8200000000000p-1, 0x1.214456d0ec000p-2, -0x1.caf0428b728a3p-44},
    {0x1.7e00000000000p-1, 0x1.2bef07cdc9000p-2, 0x1.a9cfa4a5004f4p-45},
    {0x1.7c00000000000p-1, 0x1.314f1e1d36000p-2, -0x1.8e27ad3213cb8p-45},
    {0x1.7a00000000000p-1, 0x1.36b6776be1000p-2, 0x1.16ecdb0f177c8p-46},
    {0x1.7800000000000p-1, 0x1.3c25277333000p-2, 0x1.83b54b606bd5cp-46},
    {0x1.7600000000000p-1, 0x1.419b423d5f000p-2, -0x1.ce379226de3ecp-44},
    {0x1.7400000000000p-1, 0x1.4718dc271c000p-2, 0x1.06c18fb4c14c5p-44},
    {0x1.7200000000000p-1, 0x1.4c9e09e173000p-2, -0x1.e20891b0ad8a4p-45},
    {0x1.7000000000000p-1, 0x1.522ae0738a000p-2, 0x1.ebe708164c759p-45},
    {0x1.6e00000000000p-1, 0x1.57bf753c8d000p-2, 0x1.fadedee5d40efp-46},
    {0x1.6c00000000000p-1, 0x1.5d5bddf596000p-2, -0x1.a0b2a08a465dcp-47},
};
#define POW_LN2_HI 0x1.62e42fefa3800p-1  /* a multiple of 2^-42 */
#define POW_LN2_LO 0x1.ef35793c76730p-45

VM_INLINE void vm_pow_log(double ax, double *hi_out, double *lo_out)
{
    uint64_t ix = f64_bits(ax);
    uint64_t tmp = ix - 0x3fe6955500000000ULL;
    uint64_t i = (tmp >> 45) & 127;
    uint64_t iz = ix - (tmp & 0xfff0000000000000ULL);
    double z = bits_f64(iz);
    double kd = bits_f64(0x4330000000000000ULL | ((tmp >> 52) ^ 0x800)) - (0x1p52 + 2048.0);
    double invc = POW_LOG_TABLE[i][0];
    double logc = POW_LOG_TABLE[i][1];
    double logctail = POW_LOG_TABLE[i][2];
    /* z = zhi + zlo with zhi of 21 bits: rhi and rlo are exact products, r is exact */
    double zhi = bits_f64((iz + (1ULL << 31)) & 0xffffffff00000000ULL);
    double zlo = z - zhi;
    double rhi = zhi * invc - 1.0;
    double rlo = zlo * invc;
    double r = rhi + rlo;
    double t1 = kd * POW_LN2_HI + logc;  /* exact */
    double t2, lo2;
    vm_two_sum(t1, r, &t2, &lo2);
    double lo1 = kd * POW_LN2_LO + logctail;
    /* -r^2/2 = arhi2 + lo3 with arhi2 exact (rhi has at most 21 bits) */
    double arhi2 = rhi * (-0.5 * rhi);
    double lo3 = rlo * (-0.5 * r - 0.5 * rhi);
    double hi = t2 + arhi2;
    double lo4 = (t2 - hi) + arhi2;
    double r2 = r * r;
    double p = (r2 * r) * ((0x1.5555555555558p-2 + r * -0x1.0000000000002p-2)
                           + r2 * (0x1.99999996ff69ep-3 + r * -0x1.55555552fdc3ep-3)
                           + (r2 * r2) * (0x1.249553dab522dp-3 + r * -0x1.0002bcd73a9e6p-3));
    double lo = lo1 + lo2 + lo3 + lo4 + p;
    double y = hi + lo;
    *hi_out = y;
    *lo_out = (hi - y) + lo;
}

/* Nonzero where y is an integer, and 1 where it is an odd one (for negative bases).
 * Conditions are combined as products and sums of 0/1 values, never as && or ||:
 * GCC 12 does not vectorise selects on combined comparison masks. */
VM_INLINE void vm_int_odd_f64(double ay, double *is_int, double *is_odd)
{
    double yr = (ay + 0x1p52) - 0x1p52;  /* rint(ay) for ay < 2^52 */
    double hh = 0.5 * ay;
    double hr = (hh + 0x1p52) - 0x1p52;
    double exact = yr == ay ? 1.0 : 0.0;
    *is_int = (ay >= 0x1p52 ? 1.0 : 0.0) + exact;
    *is_odd = exact * (hr != hh ? 1.0 : 0.0);
}

/* y with the sign flipped where x < 0 and odd is 1.0 (bit operations only) */
VM_INLINE double vm_odd_sign_f64(double y, double x, double odd)
{
    uint64_t flip = f64_bits(x) & (f64_bits(odd) << 2) & 0x8000000000000000ULL;
    return bits_f64(f64_bits(y) ^ flip);
}

VM_INLINE float vm_odd_sign_f32(float y, float x, float odd)
{
    uint32_t flip = f32_bits(x) & (f32_bits(odd) << 2) & 0x80000000u;
    return bits_f32(f32_bits(y) ^ flip);
}

VM_INLINE double vm_pow_f64(double x, double y, double *flag)
{
    double ax = fabs(x), ay = fabs(y);
    double is_int, is_odd;
    vm_int_odd_f64(ay, &is_int, &is_odd);
    double bad_x = (ax >= 0x1p-1022 ? 0.0 : 1.0) + (ax <= 0x1.fffffffffffffp1023 ? 0.0 : 1.0);
    double bad_y = ay <= 0x1.fffffffffffffp1023 ? 0.0 : 1.0;
    double bad_sign = (x < 0.0 ? 1.0 : 0.0) * (is_int == 0.0 ? 1.0 : 0.0);
    /* any ax is safe here (the table index is masked); flagged elements are redone.
     * No select on ax: GCC would turn the table loads into masked gathers, which it
     * cannot emulate. */
    double lh, ll;
    vm_pow_log(ax, &lh, &ll);
    /* y log x = ehi + elo, ehi exact from the top 26 bits of y and of lh */
    double yhi = bits_f64(f64_bits(y) & 0xfffffffff8000000ULL);
    double ylo = y - yhi;
    double lhi = bits_f64(f64_bits(lh) & 0xfffffffff8000000ULL);
    double llo = (lh - lhi) + ll;
    double ehi = yhi * lhi;
    double elo = ylo * lhi + y * llo;
    double bad_range = fabs(ehi) <= 708.0 ? 0.0 : 1.0;
    *flag = bad_x + bad_y + bad_sign + bad_range;
    double ec = bad_range == 0.0 ? ehi : 0.0;
    vm_exp_parts v = vm_exp_reduce_tail(ec, elo);
    double res = vm_pow2i(v.k) * (v.h + (v.l + v.t));
    res = vm_odd_sign_f64(res, x, is_odd);
    res = y == 2.0 ? x * x : res;
    return y == 1.0 ? x : res;
}

VM_INLINE double vm_pow_f64_full(double x, double y)
{
    return pow(x, y);
}

/* ================================================================== pow, float32
 *
 * In float64: log x (the float64 log kernel), w = y log x (|error| < 2^-44 where the
 * result is finite), e^w = 2^k (1 + p) as for expm1 (relative error 2^-36), rounded
 * once; w is clamped to +-200, which the rounding to float turns into 0 or infinity.
 * Negative x with integer y as for float64. Flagged: zero, infinite or NaN x, infinite
 * or NaN y, negative x with a non-integer y (the C library's pow then). */
VM_INLINE float vm_pow_f32(float x, float y, float *flag)
{
    float ax = fabsf(x), ay = fabsf(y);
    float yr = (ay + 0x1p23f) - 0x1p23f;
    float hh = 0.5f * ay;
    float hr = (hh + 0x1p23f) - 0x1p23f;
    float exact = yr == ay ? 1.0f : 0.0f;
    float is_int = (ay >= 0x1p23f ? 1.0f : 0.0f) + exact;
    float is_odd = exact * (hr != hh ? 1.0f : 0.0f);
    float bad_x = (ax > 0.0f ? 0.0f : 1.0f) + (ax <= 0x1.fffffep127f ? 0.0f : 1.0f);
    float bad_y = ay <= 0x1.fffffep127f ? 0.0f : 1.0f;
    float bad_sign = (x < 0.0f ? 1.0f : 0.0f) * (is_int == 0.0f ? 1.0f : 0.0f);
    *flag = bad_x + bad_y + bad_sign;
    /* (selects on float values with float conditions, double ones with double
     * conditions: mixed widths do not vectorise) */
    float xs = bad_x == 0.0f ? ax : 1.0f;
    double w = (double)y * vm_log_from(vm_log_reduce((double)xs, 0));
    w = w < -200.0 ? -200.0 : (w > 200.0 ? 200.0 : w);
    double sc;
    double p = vm_expm1_lite(w, &sc);
    float out = (float)(sc + sc * p);
    out = vm_odd_sign_f32(out, x, is_odd);
    return y == 1.0f ? x : out;
}

VM_INLINE float vm_pow_f32_full(float x, float y)
{
    return (float)pow((double)x, (double)y);
}

/* ================================================================== tan, float64
 *
 * The sin/cos reduction and kernels, their results kept as unevaluated sums hi + lo
 * (normalised), and tan = sin/cos (or -cos/sin in odd quadrants) as a quotient with
 * its exact residual (Dekker's product), so only the last addition rounds. Flagged
 * like sin and cos (the C library's tan then). */
VM_INLINE double vm_tan_f64(double x, double *flag)
{
    vm_pio2_parts v = vm_reduce_pio2(x);
    *flag = v.flag;
    vm_sincos_pair k = vm_sincos_kernel(v.yh, v.yl, 1);
    double sh = k.sh + k.sl;
    double sl = (k.sh - sh) + k.sl;
    double ch = k.ch + k.cl;
    double cl = (k.ch - ch) + k.cl;
    int odd = (int)(v.n & 1);
    double nh = odd ? -ch : sh, nl = odd ? -cl : sl;
    double dh = odd ? sh : ch, dl = odd ? sl : cl;
    double inv = 1.0 / dh;
    double q = nh * inv;
    double pp, pe;
    vm_two_prod(q, dh, &pp, &pe);
    double ql = (((nh - pp) - pe) + nl - q * dl) * inv;
    double y = q + ql;
    return x == 0.0 ? x : y;  /* tan(-0) = -0 */
}

static inline double vm_tan_f64_full(double x)
{
    return tan(x);
}

/* tan, float32: in float64 like sin and cos, tan = s/c or -c/s rounded once */
VM_INLINE float vm_tan_f32(float x, float *flag)
{
    *flag = fabsf(x) <= 0x1p18f ? 0.0f : 1.0f;
    double xd = (double)x;
    double kd = xd * INV_PIO2 + ROUND_MAGIC;
    uint64_t q = f64_bits(kd) - f64_bits(ROUND_MAGIC);
    kd -= ROUND_MAGIC;
    double y = (xd - kd * PIO2_1) - kd * 0x1.0b4611a626331p-34;
    double z = y * y;
    double s = y + (y * z) * (-0x1.555555545d0dap-3 + z * 0x1.11110decc73fdp-7
                              + (z * z) * (-0x1.a013a455bd213p-13 + z * 0x1.6dbcfb4dee452p-19));
    double c = 1.0 - 0.5 * z
               + (z * z) * (0x1.55555555027adp-5 + z * -0x1.6c16bf534c9ebp-10
                            + (z * z) * (0x1.a015c25366932p-16 + z * -0x1.25239a9550aefp-22));
    double num = (q & 1) ? -c : s;
    double den = (q & 1) ? s : c;
    float t = (float)(num / den);
    return x == 0.0f ? x : t;
}

static inline float vm_tan_f32_full(float x)
{
    double flag;
    double y = vm_tan_f64((double)x, &flag);
    return (float)(flag != 0.0 ? tan((double)x) : y);
}

/* ================================================================== atan2
 *
 * float64: with a = min(|x|, |y|), b = max(|x|, |y|) (both scaled by the same power of
 * two to b in [1, 2)), u = a/b, or (a - b)/(a + b) = tan(atan(a/b) - pi/4) when
 * a/b > tan(pi/8), as a quotient with its exact residual from double-double numerator
 * and denominator; atan(u) = u + u^3 P(u^2), P of degree 11 (relative error 2^-58) on
 * |u| <= tan(pi/8); then atan2 = M pi/4 +- atan(u) with M in 0..4 from the octant,
 * summed with pi/4 in two parts, and y's sign. Hot domain: x, y finite, nonzero and
 * normal, 2^-1000 <= max <= 2^1000, min/max >= 2^-900; elsewhere (zeros, infinities,
 * NaN: the C99 special values) the C library's atan2.
 * float32: the same in float64 without the double-double steps, P of degree 5. */
#define TAN_PI8 0x1.a827999fcef32p-2
#define PIO4_HI 0x1.921fb54442d00p-1  /* a multiple of 2^-45: M * PIO4_HI exact */
#define PIO4_LO 0x1.8469898cc5170p-49

VM_INLINE double vm_atan2_f64(double y, double x, double *flag)
{
    double ax = fabs(x), ay = fabs(y);
    double swap = ay > ax ? 1.0 : 0.0;
    double a = swap != 0.0 ? ax : ay;
    double b = swap != 0.0 ? ay : ax;
    double bad = (b >= 0x1p-1000 ? 0.0 : 1.0) + (b <= 0x1p1000 ? 0.0 : 1.0)
                 + (a >= b * 0x1p-900 ? 0.0 : 1.0);
    *flag = bad;
    /* b * 2^-e in [1, 2) and a by the same factor (exact in the hot domain) */
    double scale = bits_f64((2046ULL << 52) - (f64_bits(b) & 0x7ff0000000000000ULL));
    a *= scale;
    b *= scale;
    double red = a > TAN_PI8 * b ? 1.0 : 0.0;
    double sh, se, dh, de;
    vm_two_sum(a, -b, &sh, &se);
    vm_two_sum(a, b, &dh, &de);
    double nh = red != 0.0 ? sh : a, nl = red != 0.0 ? se : 0.0;
    double eh = red != 0.0 ? dh : b, el = red != 0.0 ? de : 0.0;
    double inv = 1.0 / eh;
    double uh = nh * inv;
    double pp, pe;
    vm_two_prod(uh, eh, &pp, &pe);
    double ul = (((nh - pp) - pe) + nl - uh * el) * inv;
    double z = uh * uh, z2 = z * z, z4 = z2 * z2, z8 = z4 * z4;
    double p = ((-0x1.5555555555555p-2 + z * 0x1.9999999999952p-3)
                + z2 * (-0x1.249249248d684p-3 + z * 0x1.c71c71c2f37e8p-4))
               + z4 * ((-0x1.745d165a9c002p-4 + z * 0x1.3b139279535a8p-4)
                       + z2 * (-0x1.110e81459346ep-4 + z * 0x1.e19978381e052p-5))
               + z8 * ((-0x1.ac761b5db4f38p-5 + z * 0x1.74c9760b1bea4p-5)
                       + z2 * (-0x1.1aff6533dd0e5p-5 + z * 0x1.0a5f8c60d732cp-6));
    double at_h = uh;
    double at_l = ul * (1.0 - z) + uh * (z * p);
    /* octant: M pi/4 + sigma atan(u) */
    double m = red;
    double sigma = 1.0;
    m = swap != 0.0 ? 2.0 - m : m;
    sigma = swap != 0.0 ? -sigma : sigma;
    m = x < 0.0 ? 4.0 - m : m;
    sigma = x < 0.0 ? -sigma : sigma;
    double rh, re;
    vm_two_sum(m * PIO4_HI, sigma * at_h, &rh, &re);
    double r = rh + (re + (m * PIO4_LO + sigma * at_l));
    return vm_copysign_bits(r, y);
}

static inline double vm_atan2_f64_full(double y, double x)
{
    return atan2(y, x);
}

VM_INLINE float vm_atan2_f32(float y, float x, float *flag)
{
    float fx = fabsf(x), fy = fabsf(y);
    *flag = (fx > 0.0f ? 0.0f : 1.0f) + (fx <= 0x1.fffffep127f ? 0.0f : 1.0f)
            + (fy > 0.0f ? 0.0f : 1.0f) + (fy <= 0x1.fffffep127f ? 0.0f : 1.0f);
    double ax = (double)fx, ay = (double)fy;
    double swap = ay > ax ? 1.0 : 0.0;
    double a = swap != 0.0 ? ax : ay;
    double b = swap != 0.0 ? ay : ax;
    double red = a > TAN_PI8 * b ? 1.0 : 0.0;
    double u = (red != 0.0 ? a - b : a) / (red != 0.0 ? a + b : b);
    double z = u * u;
    double p = (-0x1.5555554bf0304p-2 + z * 0x1.99997acb9f7aap-3)
               + (z * z) * (-0x1.248a0803f2240p-3 + z * 0x1.c5797b083068dp-4)
               + (z * z) * (z * z) * (-0x1.6133ecd2c7badp-4 + z * 0x1.9d36cc03059f9p-5);
    double at = u + u * (z * p);
    double m = red;
    double sigma = 1.0;
    m = swap != 0.0 ? 2.0 - m : m;
    sigma = swap != 0.0 ? -sigma : sigma;
    m = x < 0.0f ? 4.0 - m : m;
    sigma = x < 0.0f ? -sigma : sigma;
    float r = (float)(m * (PIO4_HI + PIO4_LO) + sigma * at);
    return vm_copysign_bits_f32(r, y);
}

static inline float vm_atan2_f32_full(float y, float x)
{
    return (float)atan2((double)y, (double)x);
}

#endif

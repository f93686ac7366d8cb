/* Elementwise functions: typed loops, the op tables, and the two entry points
 * binary(opcode, fallback, x1, x2) and unary(opcode, fallback, x).
 *
 * Semantics follow the NumPy backend exactly (it is the reference): NumPy 2
 * promotion with Python scalars as weak operands, integer arithmetic that wraps, and
 * NumPy's formulas where IEEE leaves a choice (which operand maximum returns for
 * equal values, complex division, floor_divide/remainder signs). What the tables do
 * not cover is handed to the NumPy kernel unchanged.
 */
#include "complex_math.h"
#include "loops.h"

#include <math.h>

/* ------------------------------------------------------------------ helpers */

#define CADD(x, y) ((T){(x).re + (y).re, (x).im + (y).im})
#define CSUB(x, y) ((T){(x).re - (y).re, (x).im - (y).im})
/* Complex products with fused multiply-adds in exactly the places NumPy's SIMD loops
 * use them (re = fma(a, c, -b*d), im = fma(a, d, b*c)): bitwise NumPy's results, and
 * NumPy's infinities where the plain formula would give inf - inf = NaN. */
#define FMA_(a, b, c) _Generic((a), float: fmaf, double: fma)(a, b, c)
#define CMUL(x, y) ((T){FMA_((x).re, (y).re, -((x).im * (y).im)), FMA_((x).re, (y).im, (x).im * (y).re)})

/* NumPy's complex division (Smith's method, with NumPy's handling of a zero divisor) */
#define DEFINE_CDIV(NAME, T, R, ABS)                                      \
    static inline T NAME(T a, T b)                                        \
    {                                                                     \
        const R br_abs = ABS(b.re), bi_abs = ABS(b.im);                   \
        T out;                                                            \
        if (br_abs >= bi_abs) {                                           \
            if (br_abs == 0 && bi_abs == 0) {                             \
                out.re = a.re / br_abs;                                   \
                out.im = a.im / br_abs;                                   \
            } else {                                                      \
                const R rat = b.im / b.re;                                \
                const R scl = (R)1.0 / (b.re + b.im * rat);               \
                out.re = (a.re + a.im * rat) * scl;                       \
                out.im = (a.im - a.re * rat) * scl;                       \
            }                                                             \
        } else {                                                          \
            const R rat = b.re / b.im;                                    \
            const R scl = (R)1.0 / (b.im + b.re * rat);                   \
            out.re = (a.re * rat + a.im) * scl;                           \
            out.im = (a.im * rat - a.re) * scl;                           \
        }                                                                 \
        return out;                                                       \
    }
DEFINE_CDIV(cdiv_c64, c64_t, float, fabsf)
DEFINE_CDIV(cdiv_c128, c128_t, double, fabs)
#define CDIV(x, y) _Generic((x), c64_t: cdiv_c64, c128_t: cdiv_c128)(x, y)

/* NumPy's float divmod: fmod, then the sign of the remainder follows the divisor and
 * the quotient is snapped to the nearest integer. */
#define DEFINE_DIVMOD(SUFFIX, T, FMOD, FLOOR, COPYSIGN)                   \
    static inline T npy_floordiv_##SUFFIX(T a, T b)                           \
    {                                                                     \
        if (!b) {                                                         \
            return a / b;                                                 \
        }                                                                 \
        T mod = FMOD(a, b);                                               \
        T div = (a - mod) / b;                                            \
        if (mod) {                                                        \
            if (isless(b, 0) != isless(mod, 0)) {                         \
                div -= (T)1.0;                                            \
            }                                                             \
        }                                                                 \
        T floordiv;                                                       \
        if (div) {                                                        \
            floordiv = FLOOR(div);                                        \
            if (isgreater(div - floordiv, (T)0.5)) {                      \
                floordiv += (T)1.0;                                       \
            }                                                             \
        } else {                                                          \
            floordiv = COPYSIGN((T)0, a / b);                             \
        }                                                                 \
        return floordiv;                                                  \
    }                                                                     \
    static inline T npy_remainder_##SUFFIX(T a, T b)                          \
    {                                                                     \
        T mod = FMOD(a, b);                                               \
        if (!b) {                                                         \
            return mod;                                                   \
        }                                                                 \
        if (mod) {                                                        \
            if (isless(b, 0) != isless(mod, 0)) {                         \
                mod += b;                                                 \
            }                                                             \
        } else {                                                          \
            mod = COPYSIGN((T)0, b);                                      \
        }                                                                 \
        return mod;                                                       \
    }
DEFINE_DIVMOD(f32, float, fmodf, floorf, copysignf)
DEFINE_DIVMOD(f64, double, fmod, floor, copysign)

/* The standard's floor_divide: an infinite operand gives what true division gives
 * (NumPy returns NaN for inf // finite; the NumPy backend corrects it the same way). */
#define FLOORDIV_F(x, y) (isinf(x) || isinf(y) ? (x) / (y) : _Generic((x), \
    float: npy_floordiv_f32, double: npy_floordiv_f64)(x, y))
#define REMAINDER_F(x, y) _Generic((x), float: npy_remainder_f32, double: npy_remainder_f64)(x, y)

/* Integer floor division and remainder; division by zero gives 0 and MIN // -1
 * wraps to MIN, as NumPy does (without its warnings). */
#define FLOORDIV_S(x, y)                                                          \
    ((y) == 0 ? (T)0                                                              \
     : (y) == (T)-1 ? (T)(0u - (UT)(x))                                           \
     : (T)((x) / (y) - (((x) % (y) != 0) && (((x) < 0) != ((y) < 0)))))
#define REMAINDER_S(x, y)                                                         \
    ((y) == 0 || (y) == (T)-1 ? (T)0                                              \
     : (T)((x) % (y) + ((((x) % (y)) != 0 && (((x) % (y) < 0) != ((y) < 0))) ? (y) : 0)))
#define FLOORDIV_U(x, y) ((y) == 0 ? (T)0 : (T)((x) / (y)))
#define REMAINDER_U(x, y) ((y) == 0 ? (T)0 : (T)((x) % (y)))

/* NumPy's shifts: a count at or beyond the width (or negative) gives 0, or -1 for a
 * negative value shifted right. */
#define SHL_I(x, y) ((UT)(y) < sizeof(T) * 8 ? (T)((UT)(x) << (UT)(y)) : (T)0)
#define SHR_S(x, y) ((UT)(y) < sizeof(T) * 8 ? (T)((x) >> (UT)(y)) : ((x) < 0 ? (T)-1 : (T)0))
#define SHR_U(x, y) ((y) < sizeof(T) * 8 ? (T)((x) >> (y)) : (T)0)

/* maximum/minimum: NaN propagates; for equal values NumPy returns the second operand */
#define MAXIMUM_F(x, y) (((x) > (y) || (x) != (x)) ? (x) : (y))
#define MINIMUM_F(x, y) (((x) < (y) || (x) != (x)) ? (x) : (y))

/* NumPy's logaddexp: equal arguments (infinities included) give x + log(2) */
#define LOGADDEXP_F(x, y)                                                                \
    ((x) == (y) ? (T)((x) + (T)0.693147180559945309417232121458176568)                   \
     : ((x) - (y)) > 0 ? (T)((x) + log1p(exp((double)((y) - (x)))))                      \
     : ((x) - (y)) <= 0 ? (T)((y) + log1p(exp((double)((x) - (y)))))                     \
     : (T)((x) - (y)))

/* Integer power by squaring with wrap-around (negative exponents are rejected before
 * the loop runs, as NumPy does). */
#define DEFINE_IPOW(SUFFIX, T, UT)                                        \
    static inline T ipow_##SUFFIX(T base, T exp)                          \
    {                                                                     \
        UT result = 1, b = (UT)base;                                      \
        UT e = (UT)exp;                                                   \
        while (e) {                                                       \
            if (e & 1) {                                                  \
                result = (UT)(result * 1u * b);                           \
            }                                                             \
            b = (UT)(b * 1u * b);                                         \
            e >>= 1;                                                      \
        }                                                                 \
        return (T)result;                                                 \
    }
DEFINE_IPOW(i8, int8_t, uint8_t)
DEFINE_IPOW(i16, int16_t, uint16_t)
DEFINE_IPOW(i32, int32_t, uint32_t)
DEFINE_IPOW(i64, int64_t, uint64_t)
DEFINE_IPOW(u8, uint8_t, uint8_t)
DEFINE_IPOW(u16, uint16_t, uint16_t)
DEFINE_IPOW(u32, uint32_t, uint32_t)
DEFINE_IPOW(u64, uint64_t, uint64_t)
#define IPOW(x, y) _Generic((x), int8_t: ipow_i8, int16_t: ipow_i16, int32_t: ipow_i32,  \
    int64_t: ipow_i64, uint8_t: ipow_u8, uint16_t: ipow_u16, uint32_t: ipow_u32,          \
    uint64_t: ipow_u64)(x, y)

/* C library calls: float32 goes through double and rounds once */
#define LIBM1(F, x) ((T)F((double)(x)))
#define LIBM2(F, x, y) ((T)F((double)(x), (double)(y)))

/* ------------------------------------------------------------------ binary loops */

INT_LOOPS(BIN_LOOP, add, SAME, (T)((UT)x + (UT)y))
FLOAT_LOOPS(BIN_LOOP, add, SAME, x + y)
COMPLEX_LOOPS(BIN_LOOP, add, SAME, CADD(x, y))
BOOL_LOOP(BIN_LOOP, add, SAME, (npy_bool)(x || y))

INT_LOOPS(BIN_LOOP, subtract, SAME, (T)((UT)x - (UT)y))
FLOAT_LOOPS(BIN_LOOP, subtract, SAME, x - y)
COMPLEX_LOOPS(BIN_LOOP, subtract, SAME, CSUB(x, y))

INT_LOOPS(BIN_LOOP, multiply, SAME, (T)((UT)x * 1u * (UT)y))
FLOAT_LOOPS(BIN_LOOP, multiply, SAME, x * y)
COMPLEX_LOOPS(BIN_LOOP, multiply, SAME, CMUL(x, y))
BOOL_LOOP(BIN_LOOP, multiply, SAME, (npy_bool)(x && y))

FLOAT_LOOPS(BIN_LOOP, divide, SAME, x / y)
COMPLEX_LOOPS(BIN_LOOP, divide, SAME, CDIV(x, y))

SINT_LOOPS(BIN_LOOP, floor_divide, SAME, FLOORDIV_S(x, y))
UINT_LOOPS(BIN_LOOP, floor_divide, SAME, FLOORDIV_U(x, y))
FLOAT_LOOPS(BIN_LOOP, floor_divide, SAME, FLOORDIV_F(x, y))
SINT_LOOPS(BIN_LOOP, remainder, SAME, REMAINDER_S(x, y))
UINT_LOOPS(BIN_LOOP, remainder, SAME, REMAINDER_U(x, y))
FLOAT_LOOPS(BIN_LOOP, remainder, SAME, REMAINDER_F(x, y))

INT_LOOPS(BIN_LOOP, pow, SAME, IPOW(x, y))

#define COMPARISON(OP, SYM)                                                       \
    BOOL_LOOP(BIN_LOOP, OP, BOOLOUT, x SYM y)                                     \
    INT_LOOPS(BIN_LOOP, OP, BOOLOUT, x SYM y)                                     \
    FLOAT_LOOPS(BIN_LOOP, OP, BOOLOUT, x SYM y)
COMPARISON(equal, ==)
COMPARISON(not_equal, !=)
COMPARISON(less, <)
COMPARISON(less_equal, <=)
COMPARISON(greater, >)
COMPARISON(greater_equal, >=)
COMPLEX_LOOPS(BIN_LOOP, equal, BOOLOUT, x.re == y.re && x.im == y.im)
COMPLEX_LOOPS(BIN_LOOP, not_equal, BOOLOUT, x.re != y.re || x.im != y.im)

BOOL_LOOP(BIN_LOOP, maximum, SAME, (npy_bool)(x || y))
INT_LOOPS(BIN_LOOP, maximum, SAME, x > y ? x : y)
FLOAT_LOOPS(BIN_LOOP, maximum, SAME, MAXIMUM_F(x, y))
BOOL_LOOP(BIN_LOOP, minimum, SAME, (npy_bool)(x && y))
INT_LOOPS(BIN_LOOP, minimum, SAME, x < y ? x : y)
FLOAT_LOOPS(BIN_LOOP, minimum, SAME, MINIMUM_F(x, y))

BOOL_LOOP(BIN_LOOP, bitwise_and, SAME, x & y)
INT_LOOPS(BIN_LOOP, bitwise_and, SAME, x & y)
BOOL_LOOP(BIN_LOOP, bitwise_or, SAME, x | y)
INT_LOOPS(BIN_LOOP, bitwise_or, SAME, x | y)
BOOL_LOOP(BIN_LOOP, bitwise_xor, SAME, x ^ y)
INT_LOOPS(BIN_LOOP, bitwise_xor, SAME, x ^ y)
INT_LOOPS(BIN_LOOP, bitwise_left_shift, SAME, SHL_I(x, y))
SINT_LOOPS(BIN_LOOP, bitwise_right_shift, SAME, SHR_S(x, y))
UINT_LOOPS(BIN_LOOP, bitwise_right_shift, SAME, SHR_U(x, y))

BOOL_LOOP(BIN_LOOP, logical_and, SAME, (npy_bool)(x && y))
BOOL_LOOP(BIN_LOOP, logical_or, SAME, (npy_bool)(x || y))
BOOL_LOOP(BIN_LOOP, logical_xor, SAME, (npy_bool)(!x != !y))

FLOAT_LOOPS(BIN_LOOP, hypot, SAME, LIBM2(hypot, x, y))
BIN_LOOP(copysign_f32, float, float, float, copysignf(x, y))
BIN_LOOP(copysign_f64, double, double, double, copysign(x, y))
BIN_LOOP(nextafter_f32, float, float, float, nextafterf(x, y))
BIN_LOOP(nextafter_f64, double, double, double, nextafter(x, y))
FLOAT_LOOPS(BIN_LOOP, logaddexp, SAME, LOGADDEXP_F(x, y))

/* ------------------------------------------------------------------ unary loops */

#define COPY_LOOPS(OP)                                                            \
    BOOL_LOOP(UN_LOOP, OP, SAME, x)                                               \
    INT_LOOPS(UN_LOOP, OP, SAME, x)                                               \
    FLOAT_LOOPS(UN_LOOP, OP, SAME, x)

BOOL_LOOP(UN_LOOP, abs, SAME, x)
SINT_LOOPS(UN_LOOP, abs, SAME, x < 0 ? (T)(0u - (UT)x) : x)
UINT_LOOPS(UN_LOOP, abs, SAME, x)
UN_LOOP(abs_f32, float, float, float, fabsf(x))
UN_LOOP(abs_f64, double, double, double, fabs(x))
UN_LOOP(abs_c64, c64_t, float, float, (float)hypot((double)x.re, (double)x.im))
UN_LOOP(abs_c128, c128_t, double, double, hypot(x.re, x.im))

INT_LOOPS(UN_LOOP, negative, SAME, (T)(0u - (UT)x))
FLOAT_LOOPS(UN_LOOP, negative, SAME, -x)
COMPLEX_LOOPS(UN_LOOP, negative, SAME, ((T){-x.re, -x.im}))

INT_LOOPS(UN_LOOP, positive, SAME, x)
FLOAT_LOOPS(UN_LOOP, positive, SAME, x)
COMPLEX_LOOPS(UN_LOOP, positive, SAME, x)

INT_LOOPS(UN_LOOP, square, SAME, (T)((UT)x * 1u * (UT)x))
FLOAT_LOOPS(UN_LOOP, square, SAME, x * x)
COMPLEX_LOOPS(UN_LOOP, square, SAME, CMUL(x, x))

SINT_LOOPS(UN_LOOP, sign, SAME, (T)((x > 0) - (x < 0)))
UINT_LOOPS(UN_LOOP, sign, SAME, (T)(x > 0))
FLOAT_LOOPS(UN_LOOP, sign, SAME, x > 0 ? (T)1 : (x < 0 ? (T)-1 : (x == 0 ? (T)0 : x)))

FLOAT_LOOPS(UN_LOOP, reciprocal, SAME, (T)1 / x)

INT_LOOPS(UN_LOOP, conj, SAME, x)
FLOAT_LOOPS(UN_LOOP, conj, SAME, x)
COMPLEX_LOOPS(UN_LOOP, conj, SAME, ((T){x.re, -x.im}))
COPY_LOOPS(real)
UN_LOOP(real_c64, c64_t, float, float, x.re)
UN_LOOP(real_c128, c128_t, double, double, x.re)
BOOL_LOOP(UN_LOOP, imag, SAME, 0)
INT_LOOPS(UN_LOOP, imag, SAME, 0)
FLOAT_LOOPS(UN_LOOP, imag, SAME, 0)
UN_LOOP(imag_c64, c64_t, float, float, x.im)
UN_LOOP(imag_c128, c128_t, double, double, x.im)

BOOL_LOOP(UN_LOOP, isfinite, BOOLOUT, 1)
INT_LOOPS(UN_LOOP, isfinite, BOOLOUT, 1)
FLOAT_LOOPS(UN_LOOP, isfinite, BOOLOUT, isfinite(x) != 0)
COMPLEX_LOOPS(UN_LOOP, isfinite, BOOLOUT, isfinite(x.re) && isfinite(x.im))
BOOL_LOOP(UN_LOOP, isinf, BOOLOUT, 0)
INT_LOOPS(UN_LOOP, isinf, BOOLOUT, 0)
FLOAT_LOOPS(UN_LOOP, isinf, BOOLOUT, isinf(x) != 0)
COMPLEX_LOOPS(UN_LOOP, isinf, BOOLOUT, isinf(x.re) || isinf(x.im))
BOOL_LOOP(UN_LOOP, isnan, BOOLOUT, 0)
INT_LOOPS(UN_LOOP, isnan, BOOLOUT, 0)
FLOAT_LOOPS(UN_LOOP, isnan, BOOLOUT, x != x)
COMPLEX_LOOPS(UN_LOOP, isnan, BOOLOUT, x.re != x.re || x.im != x.im)
FLOAT_LOOPS(UN_LOOP, signbit, BOOLOUT, signbit(x) != 0)

BOOL_LOOP(UN_LOOP, logical_not, SAME, !x)
BOOL_LOOP(UN_LOOP, bitwise_invert, SAME, !x)
INT_LOOPS(UN_LOOP, bitwise_invert, SAME, (T)~(UT)x)

#define ROUNDING(OP, F32, F64)                                                    \
    BOOL_LOOP(UN_LOOP, OP, SAME, x)                                               \
    INT_LOOPS(UN_LOOP, OP, SAME, x)                                               \
    UN_LOOP(OP##_f32, float, float, float, F32(x))                                \
    UN_LOOP(OP##_f64, double, double, double, F64(x))
ROUNDING(ceil, ceilf, ceil)
ROUNDING(floor, floorf, floor)
ROUNDING(trunc, truncf, trunc)
ROUNDING(round, rintf, rint)
COMPLEX_LOOPS(UN_LOOP, round, SAME, ((T){(UT)rint((double)x.re), (UT)rint((double)x.im)}))

#define LIBM_UNARY(OP, F) FLOAT_LOOPS(UN_LOOP, OP, SAME, LIBM1(F, x))
LIBM_UNARY(asin, asin)
LIBM_UNARY(acos, acos)
LIBM_UNARY(atan, atan)
LIBM_UNARY(asinh, asinh)
LIBM_UNARY(acosh, acosh)
LIBM_UNARY(atanh, atanh)

/* ------------------------------------------------------------------ op tables */

enum { OUT_SAME, OUT_BOOL, OUT_REAL };

typedef struct {
    const char *name;
    int out_rule;
    int ints_as_f64;    /* integer and bool inputs are computed in float64 (divide) */
    int exact_compare;  /* signed vs uint64 must compare exactly: leave to NumPy */
    int int_power;      /* reject negative integer exponents first, as NumPy does */
    double cost;        /* relative cost per element, for the threading decision */
    loop_fn loops[N_TYPES];
} ew_op;

/* The complex loops of complex_math.c */
#define CX_ENTRIES(OP) [T_C64] = cx_##OP##_c64, [T_C128] = cx_##OP##_c128

#define ALL_REAL(OP) BOOL_ENTRY(OP), INT_ENTRIES(OP), FLOAT_ENTRIES(OP)

/* The vectorised kernels of vmath.c */
#define VM_ENTRIES(OP) [T_F32] = vm_loop_##OP##_f32, [T_F64] = vm_loop_##OP##_f64

static const ew_op BINARY_OPS[] = {
    {"add", OUT_SAME, 0, 0, 0, 1, {BOOL_ENTRY(add), INT_ENTRIES(add), FLOAT_ENTRIES(add),
                                   COMPLEX_ENTRIES(add)}},
    {"subtract", OUT_SAME, 0, 0, 0, 1, {INT_ENTRIES(subtract), FLOAT_ENTRIES(subtract),
                                        COMPLEX_ENTRIES(subtract)}},
    {"multiply", OUT_SAME, 0, 0, 0, 1, {BOOL_ENTRY(multiply), INT_ENTRIES(multiply),
                                        FLOAT_ENTRIES(multiply), COMPLEX_ENTRIES(multiply)}},
    {"divide", OUT_SAME, 1, 0, 0, 2, {FLOAT_ENTRIES(divide), COMPLEX_ENTRIES(divide)}},
    {"floor_divide", OUT_SAME, 0, 0, 0, 8, {INT_ENTRIES(floor_divide),
                                            FLOAT_ENTRIES(floor_divide)}},
    {"remainder", OUT_SAME, 0, 0, 0, 8, {INT_ENTRIES(remainder), FLOAT_ENTRIES(remainder)}},
    {"pow", OUT_SAME, 0, 0, 1, 20, {INT_ENTRIES(pow), VM_ENTRIES(pow), CX_ENTRIES(pow)}},
    {"equal", OUT_BOOL, 0, 1, 0, 1, {ALL_REAL(equal), COMPLEX_ENTRIES(equal)}},
    {"not_equal", OUT_BOOL, 0, 1, 0, 1, {ALL_REAL(not_equal), COMPLEX_ENTRIES(not_equal)}},
    {"less", OUT_BOOL, 0, 1, 0, 1, {ALL_REAL(less)}},
    {"less_equal", OUT_BOOL, 0, 1, 0, 1, {ALL_REAL(less_equal)}},
    {"greater", OUT_BOOL, 0, 1, 0, 1, {ALL_REAL(greater)}},
    {"greater_equal", OUT_BOOL, 0, 1, 0, 1, {ALL_REAL(greater_equal)}},
    {"maximum", OUT_SAME, 0, 0, 0, 1, {ALL_REAL(maximum)}},
    {"minimum", OUT_SAME, 0, 0, 0, 1, {ALL_REAL(minimum)}},
    {"bitwise_and", OUT_SAME, 0, 0, 0, 1, {BOOL_ENTRY(bitwise_and), INT_ENTRIES(bitwise_and)}},
    {"bitwise_or", OUT_SAME, 0, 0, 0, 1, {BOOL_ENTRY(bitwise_or), INT_ENTRIES(bitwise_or)}},
    {"bitwise_xor", OUT_SAME, 0, 0, 0, 1, {BOOL_ENTRY(bitwise_xor), INT_ENTRIES(bitwise_xor)}},
    {"bitwise_left_shift", OUT_SAME, 0, 0, 0, 1, {INT_ENTRIES(bitwise_left_shift)}},
    {"bitwise_right_shift", OUT_SAME, 0, 0, 0, 1, {INT_ENTRIES(bitwise_right_shift)}},
    {"logical_and", OUT_SAME, 0, 0, 0, 1, {BOOL_ENTRY(logical_and)}},
    {"logical_or", OUT_SAME, 0, 0, 0, 1, {BOOL_ENTRY(logical_or)}},
    {"logical_xor", OUT_SAME, 0, 0, 0, 1, {BOOL_ENTRY(logical_xor)}},
    {"atan2", OUT_SAME, 0, 0, 0, 16, {VM_ENTRIES(atan2)}},
    {"hypot", OUT_SAME, 0, 0, 0, 10, {FLOAT_ENTRIES(hypot)}},
    {"copysign", OUT_SAME, 0, 0, 0, 1, {FLOAT_ENTRIES(copysign)}},
    {"nextafter", OUT_SAME, 0, 0, 0, 4, {FLOAT_ENTRIES(nextafter)}},
    {"logaddexp", OUT_SAME, 0, 0, 0, 40, {FLOAT_ENTRIES(logaddexp)}},
};
#define N_BINARY ((int)(sizeof BINARY_OPS / sizeof BINARY_OPS[0]))

#define LIBM_ENTRY(OP) {#OP, OUT_SAME, 0, 0, 0, 30, {FLOAT_ENTRIES(OP), CX_ENTRIES(OP)}}
#define ROUND_ENTRY(OP) {#OP, OUT_SAME, 0, 0, 0, 1, {ALL_REAL(OP)}}

static const ew_op UNARY_OPS[] = {
    {"abs", OUT_REAL, 0, 0, 0, 1, {ALL_REAL(abs), [T_C64] = abs_c64, [T_C128] = abs_c128}},
    {"negative", OUT_SAME, 0, 0, 0, 1, {INT_ENTRIES(negative), FLOAT_ENTRIES(negative),
                                        COMPLEX_ENTRIES(negative)}},
    {"positive", OUT_SAME, 0, 0, 0, 1, {INT_ENTRIES(positive), FLOAT_ENTRIES(positive),
                                        COMPLEX_ENTRIES(positive)}},
    {"square", OUT_SAME, 0, 0, 0, 1, {INT_ENTRIES(square), FLOAT_ENTRIES(square),
                                      COMPLEX_ENTRIES(square)}},
    {"sign", OUT_SAME, 0, 0, 0, 1, {INT_ENTRIES(sign), FLOAT_ENTRIES(sign), CX_ENTRIES(sign)}},
    {"reciprocal", OUT_SAME, 0, 0, 0, 2, {FLOAT_ENTRIES(reciprocal), CX_ENTRIES(reciprocal)}},
    {"conj", OUT_SAME, 0, 0, 0, 1, {INT_ENTRIES(conj), FLOAT_ENTRIES(conj),
                                    COMPLEX_ENTRIES(conj)}},
    {"real", OUT_REAL, 0, 0, 0, 1, {ALL_REAL(real), [T_C64] = real_c64, [T_C128] = real_c128}},
    {"imag", OUT_REAL, 0, 0, 0, 1, {ALL_REAL(imag), [T_C64] = imag_c64, [T_C128] = imag_c128}},
    {"isfinite", OUT_BOOL, 0, 0, 0, 1, {ALL_REAL(isfinite), COMPLEX_ENTRIES(isfinite)}},
    {"isinf", OUT_BOOL, 0, 0, 0, 1, {ALL_REAL(isinf), COMPLEX_ENTRIES(isinf)}},
    {"isnan", OUT_BOOL, 0, 0, 0, 1, {ALL_REAL(isnan), COMPLEX_ENTRIES(isnan)}},
    {"signbit", OUT_BOOL, 0, 0, 0, 1, {FLOAT_ENTRIES(signbit)}},
    {"logical_not", OUT_SAME, 0, 0, 0, 1, {BOOL_ENTRY(logical_not)}},
    {"bitwise_invert", OUT_SAME, 0, 0, 0, 1, {BOOL_ENTRY(bitwise_invert),
                                              INT_ENTRIES(bitwise_invert)}},
    ROUND_ENTRY(ceil),
    ROUND_ENTRY(floor),
    ROUND_ENTRY(trunc),
    {"round", OUT_SAME, 0, 0, 0, 1, {ALL_REAL(round), COMPLEX_ENTRIES(round)}},
    {"sqrt", OUT_SAME, 0, 0, 0, 2, {VM_ENTRIES(sqrt), CX_ENTRIES(sqrt)}},
    {"exp", OUT_SAME, 0, 0, 0, 6, {VM_ENTRIES(exp), CX_ENTRIES(exp)}},
    {"log", OUT_SAME, 0, 0, 0, 6, {VM_ENTRIES(log), CX_ENTRIES(log)}},
    {"sin", OUT_SAME, 0, 0, 0, 10, {VM_ENTRIES(sin), CX_ENTRIES(sin)}},
    {"cos", OUT_SAME, 0, 0, 0, 10, {VM_ENTRIES(cos), CX_ENTRIES(cos)}},
    {"tan", OUT_SAME, 0, 0, 0, 14, {VM_ENTRIES(tan), CX_ENTRIES(tan)}},
    {"sinh", OUT_SAME, 0, 0, 0, 12, {VM_ENTRIES(sinh), CX_ENTRIES(sinh)}},
    {"cosh", OUT_SAME, 0, 0, 0, 12, {VM_ENTRIES(cosh), CX_ENTRIES(cosh)}},
    {"tanh", OUT_SAME, 0, 0, 0, 12, {VM_ENTRIES(tanh), CX_ENTRIES(tanh)}},
    LIBM_ENTRY(asin),
    LIBM_ENTRY(acos),
    LIBM_ENTRY(atan),
    LIBM_ENTRY(asinh),
    LIBM_ENTRY(acosh),
    LIBM_ENTRY(atanh),
    {"expm1", OUT_SAME, 0, 0, 0, 12, {VM_ENTRIES(expm1), CX_ENTRIES(expm1)}},
    {"log1p", OUT_SAME, 0, 0, 0, 8, {VM_ENTRIES(log1p), CX_ENTRIES(log1p)}},
    {"log2", OUT_SAME, 0, 0, 0, 6, {VM_ENTRIES(log2), CX_ENTRIES(log2)}},
    {"log10", OUT_SAME, 0, 0, 0, 6, {VM_ENTRIES(log10), CX_ENTRIES(log10)}},
};
#define N_UNARY ((int)(sizeof UNARY_OPS / sizeof UNARY_OPS[0]))

static int out_type(const ew_op *op, int t)
{
    switch (op->out_rule) {
    case OUT_BOOL:
        return T_BOOL;
    case OUT_REAL:
        return t == T_C64 ? T_F32 : (t == T_C128 ? T_F64 : t);
    default:
        return t;
    }
}

/* ------------------------------------------------------------------ dtypes */

const int TYPE_NUM[N_TYPES] = {
    NPY_BOOL, NPY_INT8, NPY_INT16, NPY_INT32, NPY_INT64, NPY_UINT8, NPY_UINT16,
    NPY_UINT32, NPY_UINT64, NPY_FLOAT32, NPY_FLOAT64, NPY_COMPLEX64, NPY_COMPLEX128,
};
const int TYPE_SIZE[N_TYPES] = {1, 1, 2, 4, 8, 1, 2, 4, 8, 4, 8, 8, 16};

int type_index(PyArray_Descr *d)
{
    if (!PyArray_ISNBO(d->byteorder)) {
        return T_NONE;
    }
    int size = (int)PyDataType_ELSIZE(d);
    switch (d->kind) {
    case 'b':
        return size == 1 ? T_BOOL : T_NONE;
    case 'i':
        return size == 1 ? T_I8 : size == 2 ? T_I16 : size == 4 ? T_I32 : size == 8 ? T_I64 : T_NONE;
    case 'u':
        return size == 1 ? T_U8 : size == 2 ? T_U16 : size == 4 ? T_U32 : size == 8 ? T_U64 : T_NONE;
    case 'f':
        return size == 4 ? T_F32 : size == 8 ? T_F64 : T_NONE;
    case 'c':
        return size == 8 ? T_C64 : size == 16 ? T_C128 : T_NONE;
    default:
        return T_NONE;
    }
}

static signed char PROMOTE[N_TYPES][N_TYPES];  /* NumPy's promote_types, filled at init */

static int is_sint(int t) { return t >= T_I8 && t <= T_I64; }
static int is_int(int t) { return t >= T_I8 && t <= T_U64; }
static int is_float(int t) { return t == T_F32 || t == T_F64; }
static int is_complex(int t) { return t == T_C64 || t == T_C128; }

/* Per-element cost for the threading decision; complex_math.c's loops (scalar C
 * library calls) state their own. */
static double op_cost(const ew_op *op, loop_fn loop)
{
    const double cost = complex_loop_cost(loop);
    return cost > 0 ? cost : op->cost;
}

int elementwise_init(void)
{
    for (int a = 0; a < N_TYPES; a++) {
        for (int b = 0; b < N_TYPES; b++) {
            PyArray_Descr *da = PyArray_DescrFromType(TYPE_NUM[a]);
            PyArray_Descr *db = PyArray_DescrFromType(TYPE_NUM[b]);
            PyArray_Descr *dc = PyArray_PromoteTypes(da, db);
            Py_DECREF(da);
            Py_DECREF(db);
            if (dc == NULL) {
                return -1;
            }
            PROMOTE[a][b] = (signed char)type_index(dc);
            Py_DECREF(dc);
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ Python scalars */

enum { PY_NOT_SCALAR, PY_BOOL, PY_INT, PY_FLOAT, PY_COMPLEX };

static int scalar_kind(PyObject *o)
{
    if (PyBool_Check(o)) {
        return PY_BOOL;
    }
    if (PyLong_CheckExact(o)) {
        return PY_INT;
    }
    if (PyFloat_CheckExact(o)) {
        return PY_FLOAT;
    }
    if (PyComplex_CheckExact(o)) {
        return PY_COMPLEX;
    }
    return PY_NOT_SCALAR;
}

/* NumPy 2 (NEP 50): a Python scalar takes the array's dtype unless its kind is
 * higher, then the default dtype of its kind (matched to the array's precision for a
 * complex scalar with a float array). */
static int weak_promote(int t, int kind)
{
    switch (kind) {
    case PY_BOOL:
        return t;
    case PY_INT:
        return t == T_BOOL ? T_I64 : t;
    case PY_FLOAT:
        return (t == T_BOOL || is_int(t)) ? T_F64 : t;
    default:  /* complex */
        return t == T_F32 ? T_C64 : (is_complex(t) ? t : T_C128);
    }
}

typedef union {
    npy_bool b;
    int8_t i8;
    int16_t i16;
    int32_t i32;
    int64_t i64;
    uint8_t u8;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    float f32;
    double f64;
    c64_t c64;
    c128_t c128;
} scalar_value;

/* The Python scalar as a value of dtype t. Returns 1 when it does not fit exactly
 * the way NumPy would convert it (out-of-range ints: NumPy raises or compares
 * specially), so the caller hands the call to NumPy; -1 with an exception set. */
static int scalar_to_type(PyObject *o, int kind, int t, scalar_value *v)
{
    double re = 0.0, im = 0.0;
    long long ival = 0;
    unsigned long long uval = 0;
    int is_unsigned_big = 0;
    if (kind == PY_BOOL || kind == PY_INT) {
        int overflow = 0;
        ival = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow > 0) {
            uval = PyLong_AsUnsignedLongLong(o);
            if (uval == (unsigned long long)-1 && PyErr_Occurred()) {
                PyErr_Clear();
                return 1;
            }
            is_unsigned_big = 1;
        } else if (overflow < 0) {
            return 1;
        } else if (ival == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (is_float(t) || is_complex(t)) {
            /* exact in double, hence rounded once to float32 as NumPy does */
            if (is_unsigned_big || ival > (1LL << 53) || ival < -(1LL << 53)) {
                return 1;
            }
            re = (double)ival;
        }
    } else if (kind == PY_FLOAT) {
        re = PyFloat_AS_DOUBLE(o);
    } else {
        Py_complex c = PyComplex_AsCComplex(o);
        re = c.real;
        im = c.imag;
    }
#define RANGE(LO, HI, FIELD, TYPE)                                               \
    if (is_unsigned_big) {                                                       \
        if ((unsigned long long)(HI) < uval) return 1;                           \
        v->FIELD = (TYPE)uval;                                                   \
    } else {                                                                     \
        if (ival < (long long)(LO) || (ival > 0 && (unsigned long long)ival > (unsigned long long)(HI))) \
            return 1;                                                            \
        v->FIELD = (TYPE)ival;                                                   \
    }                                                                            \
    return 0;
    switch (t) {
    case T_BOOL:
        if (kind != PY_BOOL) {
            return 1;
        }
        v->b = (npy_bool)(ival != 0);
        return 0;
    case T_I8: RANGE(INT8_MIN, INT8_MAX, i8, int8_t)
    case T_I16: RANGE(INT16_MIN, INT16_MAX, i16, int16_t)
    case T_I32: RANGE(INT32_MIN, INT32_MAX, i32, int32_t)
    case T_I64: RANGE(INT64_MIN, INT64_MAX, i64, int64_t)
    case T_U8: RANGE(0, UINT8_MAX, u8, uint8_t)
    case T_U16: RANGE(0, UINT16_MAX, u16, uint16_t)
    case T_U32: RANGE(0, UINT32_MAX, u32, uint32_t)
    case T_U64: RANGE(0, UINT64_MAX, u64, uint64_t)
    case T_F32:
        v->f32 = (float)re;
        return 0;
    case T_F64:
        v->f64 = re;
        return 0;
    case T_C64:
        v->c64.re = (float)re;
        v->c64.im = (float)im;
        return 0;
    case T_C128:
        v->c128.re = re;
        v->c128.im = im;
        return 0;
    }
#undef RANGE
    return 1;
}

/* ------------------------------------------------------------------ shared glue */

PyObject *call_fallback(PyObject *fallback, PyObject *const *args, Py_ssize_t nargs)
{
    return PyObject_Vectorcall(fallback, args, (size_t)nargs, NULL);
}

PyArrayObject *new_array(int ndim, const npy_intp *shape, int t)
{
    npy_intp size = 1;
    for (int d = 0; d < ndim; d++) {
        if (shape[d] < 0) {
            PyErr_SetString(PyExc_ValueError, "bridge native backend: negative dimension");
            return NULL;
        }
        if (shape[d] != 0 && size > NPY_MAX_INTP / shape[d]) {
            PyErr_SetString(PyExc_ValueError,
                            "bridge native backend: the result has too many elements");
            return NULL;
        }
        size *= shape[d];
    }
    if (size > NPY_MAX_INTP / TYPE_SIZE[t]) {
        PyErr_SetString(PyExc_ValueError,
                        "bridge native backend: the result is too large to allocate");
        return NULL;
    }
    /* NumPy's allocator: raises MemoryError when the allocation fails */
    return (PyArrayObject *)PyArray_SimpleNew(ndim, shape, TYPE_NUM[t]);
}

/* An operand: an array converted to the loop dtype, or a scalar value in a buffer */
typedef struct {
    PyArrayObject *arr;   /* owned reference, or NULL for a scalar */
    scalar_value value;
} operand;

static int array_operand(PyArrayObject *a, int loop_t, operand *op)
{
    if (type_index(PyArray_DESCR(a)) == loop_t) {
        Py_INCREF(a);
        op->arr = a;
        return 0;
    }
    PyArray_Descr *d = PyArray_DescrFromType(TYPE_NUM[loop_t]);
    op->arr = (PyArrayObject *)PyArray_CastToType(a, d, 0);  /* steals d */
    return op->arr ? 0 : -1;
}

static int fill_operand_dims(nd_iter *it, int k, const operand *op, int ndim)
{
    if (op->arr == NULL) {
        it->data[k] = (char *)&op->value;
        for (int d = 0; d < ndim; d++) {
            it->strides[k][d] = 0;
        }
        return 0;
    }
    int nd = PyArray_NDIM(op->arr);
    const npy_intp *shape = PyArray_DIMS(op->arr);
    const npy_intp *strides = PyArray_STRIDES(op->arr);
    it->data[k] = PyArray_BYTES(op->arr);
    for (int d = 0; d < ndim; d++) {
        int src = d - (ndim - nd);
        if (src < 0 || shape[src] == 1) {
            it->strides[k][d] = 0;
        } else {
            it->strides[k][d] = strides[src];
        }
    }
    return 0;
}

/* Broadcast shape of the array operands into it->shape; -1 if they do not broadcast */
static int broadcast_shape(nd_iter *it, PyArrayObject *const *arrs, int n)
{
    int ndim = 0;
    for (int i = 0; i < n; i++) {
        if (arrs[i] && PyArray_NDIM(arrs[i]) > ndim) {
            ndim = PyArray_NDIM(arrs[i]);
        }
    }
    for (int d = 0; d < ndim; d++) {
        it->shape[d] = 1;
    }
    for (int i = 0; i < n; i++) {
        if (!arrs[i]) {
            continue;
        }
        int nd = PyArray_NDIM(arrs[i]);
        for (int d = 0; d < nd; d++) {
            npy_intp len = PyArray_DIM(arrs[i], d);
            npy_intp *out = &it->shape[d + ndim - nd];
            if (len == *out || len == 1) {
                continue;
            }
            if (*out != 1) {
                return -1;
            }
            *out = len;
        }
    }
    it->ndim = ndim;
    return 0;
}

static int any_negative(PyArrayObject *a, int t)
{
    /* integer power: NumPy rejects negative exponents; scan them (any layout) */
    npy_intp n = PyArray_SIZE(a);
    if (!is_sint(t) || n == 0) {
        return 0;
    }
    PyArrayObject *flat = (PyArrayObject *)PyArray_Ravel(a, NPY_CORDER);
    if (!flat) {
        PyErr_Clear();
        return 1;
    }
    const char *p = PyArray_BYTES(flat);
    int found = 0;
    for (npy_intp i = 0; i < n && !found; i++) {
        switch (t) {
        case T_I8: found = ((const int8_t *)p)[i] < 0; break;
        case T_I16: found = ((const int16_t *)p)[i] < 0; break;
        case T_I32: found = ((const int32_t *)p)[i] < 0; break;
        default: found = ((const int64_t *)p)[i] < 0; break;
        }
    }
    Py_DECREF(flat);
    return found;
}

/* Integer power: NumPy raises for a negative exponent; such calls go to NumPy. */
static int negative_exponent(const operand *exponent, PyObject *obj, int kind, int t)
{
    if (!is_sint(t)) {
        return 0;
    }
    if (exponent->arr) {
        return any_negative(exponent->arr, t);
    }
    if (kind != PY_INT) {
        return 0;
    }
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
    return overflow < 0 || v < 0;
}

static int usable_array(PyObject *o)
{
    return PyArray_CheckExact(o) && PyArray_ISALIGNED((PyArrayObject *)o)
           && type_index(PyArray_DESCR((PyArrayObject *)o)) != T_NONE;
}

/* ------------------------------------------------------------------ binary */

PyObject *native_binary(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "binary(opcode, fallback, x1, x2)");
        return NULL;
    }
    long code = PyLong_AsLong(args[0]);
    if (code < 0 || code >= N_BINARY) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "binary: unknown opcode");
        }
        return NULL;
    }
    const ew_op *op = &BINARY_OPS[code];
    PyObject *fallback = args[1];
    PyObject *a = args[2], *b = args[3];
    int ka = PY_NOT_SCALAR, kb = PY_NOT_SCALAR;
    int ta, tb, t;
    if (usable_array(a)) {
        ta = type_index(PyArray_DESCR((PyArrayObject *)a));
        if (usable_array(b)) {
            tb = type_index(PyArray_DESCR((PyArrayObject *)b));
            t = PROMOTE[ta][tb];
            if (op->exact_compare && t == T_F64 && is_int(ta) && is_int(tb)) {
                return call_fallback(fallback, args + 2, 2);
            }
        } else if ((kb = scalar_kind(b)) != PY_NOT_SCALAR) {
            t = weak_promote(ta, kb);
        } else {
            return call_fallback(fallback, args + 2, 2);
        }
    } else if ((ka = scalar_kind(a)) != PY_NOT_SCALAR && usable_array(b)) {
        tb = type_index(PyArray_DESCR((PyArrayObject *)b));
        t = weak_promote(tb, ka);
    } else {
        return call_fallback(fallback, args + 2, 2);
    }
    if (t == T_NONE) {
        return call_fallback(fallback, args + 2, 2);
    }
    int loop_t = (op->ints_as_f64 && (t == T_BOOL || is_int(t))) ? T_F64 : t;
    loop_fn loop = op->loops[loop_t];
    if (loop == NULL) {
        return call_fallback(fallback, args + 2, 2);
    }
    operand ops[2] = {{NULL, {0}}, {NULL, {0}}};
    PyObject *ins[2] = {a, b};
    int kinds[2] = {ka, kb};
    for (int i = 0; i < 2; i++) {
        if (kinds[i] != PY_NOT_SCALAR) {
            int rc = scalar_to_type(ins[i], kinds[i], loop_t, &ops[i].value);
            if (rc != 0) {
                Py_XDECREF(ops[0].arr);
                return rc < 0 ? NULL : call_fallback(fallback, args + 2, 2);
            }
        } else if (array_operand((PyArrayObject *)ins[i], loop_t, &ops[i]) < 0) {
            Py_XDECREF(ops[0].arr);
            return NULL;
        }
    }
    PyObject *result = NULL;
    if (op->int_power && negative_exponent(&ops[1], b, kinds[1], loop_t)) {
        result = call_fallback(fallback, args + 2, 2);
        goto done;
    }
    nd_iter it;
    it.nop = 3;
    PyArrayObject *arrs[2] = {ops[0].arr, ops[1].arr};
    if (broadcast_shape(&it, arrs, 2) < 0) {
        result = call_fallback(fallback, args + 2, 2);
        goto done;
    }
    PyArrayObject *out = new_array(it.ndim, it.shape, out_type(op, loop_t));
    if (out == NULL) {
        goto done;
    }
    fill_operand_dims(&it, 0, &ops[0], it.ndim);
    fill_operand_dims(&it, 1, &ops[1], it.ndim);
    it.data[2] = PyArray_BYTES(out);
    for (int d = 0; d < it.ndim; d++) {
        it.strides[2][d] = PyArray_STRIDE(out, d);
    }
    it.size = PyArray_SIZE(out);
    iter_coalesce(&it);
    iter_run(&it, loop, op_cost(op, loop));
    result = (PyObject *)out;
done:
    Py_XDECREF(ops[0].arr);
    Py_XDECREF(ops[1].arr);
    return result;
}

/* ------------------------------------------------------------------ unary */

PyObject *native_unary(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "unary(opcode, fallback, x)");
        return NULL;
    }
    long code = PyLong_AsLong(args[0]);
    if (code < 0 || code >= N_UNARY) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "unary: unknown opcode");
        }
        return NULL;
    }
    const ew_op *op = &UNARY_OPS[code];
    PyObject *x = args[2];
    if (!usable_array(x)) {
        return call_fallback(args[1], args + 2, 1);
    }
    PyArrayObject *arr = (PyArrayObject *)x;
    int t = type_index(PyArray_DESCR(arr));
    loop_fn loop = op->loops[t];
    if (loop == NULL) {
        return call_fallback(args[1], args + 2, 1);
    }
    nd_iter it;
    it.nop = 2;
    it.ndim = PyArray_NDIM(arr);
    for (int d = 0; d < it.ndim; d++) {  /* (a 0-d array has no dims pointer) */
        it.shape[d] = PyArray_DIM(arr, d);
    }
    PyArrayObject *out = new_array(it.ndim, it.shape, out_type(op, t));
    if (out == NULL) {
        return NULL;
    }
    it.data[0] = PyArray_BYTES(arr);
    it.data[1] = PyArray_BYTES(out);
    for (int d = 0; d < it.ndim; d++) {
        it.strides[0][d] = PyArray_STRIDE(arr, d);
        it.strides[1][d] = PyArray_STRIDE(out, d);
    }
    it.size = PyArray_SIZE(out);
    iter_coalesce(&it);
    iter_run(&it, loop, op_cost(op, loop));
    return (PyObject *)out;
}

/* ------------------------------------------------------------------ introspection */

PyObject *elementwise_op_names(int binary)
{
    const ew_op *ops = binary ? BINARY_OPS : UNARY_OPS;
    int n = binary ? N_BINARY : N_UNARY;
    PyObject *names = PyTuple_New(n);
    if (!names) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        PyTuple_SET_ITEM(names, i, PyUnicode_FromString(ops[i].name));
    }
    return names;
}

/* {name: (dtype names with a native loop)} */
PyObject *elementwise_coverage(int binary)
{
    static const char *const TYPE_NAMES[N_TYPES] = {
        "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
        "float32", "float64", "complex64", "complex128",
    };
    const ew_op *ops = binary ? BINARY_OPS : UNARY_OPS;
    int n = binary ? N_BINARY : N_UNARY;
    PyObject *cov = PyDict_New();
    for (int i = 0; cov && i < n; i++) {
        PyObject *types = PyList_New(0);
        for (int t = 0; types && t < N_TYPES; t++) {
            int has = ops[i].loops[t] != NULL
                      || (ops[i].ints_as_f64 && (t == T_BOOL || is_int(t)));
            if (has) {
                PyObject *s = PyUnicode_FromString(TYPE_NAMES[t]);
                PyList_Append(types, s);
                Py_XDECREF(s);
            }
        }
        if (!types || PyDict_SetItemString(cov, ops[i].name, types) < 0) {
            Py_XDECREF(types);
            Py_DECREF(cov);
            return NULL;
        }
        Py_DECREF(types);
    }
    return cov;
}

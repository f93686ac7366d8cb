/* Reductions (sum, prod, max, min, count of true values), arg-reductions and
 * cumulative sums/products.
 *
 * reduce(op, x, axes, keepdims): x already has the accumulation dtype (the Python
 * side casts, as NumPy does when given dtype=). The reduced axes may be any subset.
 * Three shapes of work:
 *   full   - every axis reduced: the element range is cut into a number of chunks
 *            fixed by the thread count; each chunk is summed pairwise and the partial
 *            results are combined in chunk order (deterministic for a thread count);
 *   inner  - the reduced axes are the fast ones: each output element reduces its own
 *            rows (pairwise along the innermost reduced axis); threads split outputs;
 *   outer  - the kept axis is the fast one (axis-0 sums of C arrays): rows are added
 *            into the output vector in order; threads split the output vector, so the
 *            result does not depend on the thread count at all.
 * Sums cascade: blocks of 512 elements, each summed into 8 AVX2 vectors of lanes (32
 * lanes of float64, 16 additions deep, as NumPy's 8 accumulators of 128-element blocks
 * are; 64 lanes of float32, 8 deep), read in memory order; the blocks' lane vectors are
 * combined pairwise on a small stack and the lanes folded once at the end: error
 * O((16 + log n) * eps), no worse than NumPy's, with a purely streaming traversal.
 */
#include "loops.h"

#include <math.h>

enum { R_SUM, R_PROD, R_MAX, R_MIN, R_COUNT, N_REDUCE };
static const char *const REDUCE_NAMES[N_REDUCE] = {"sum", "prod", "max", "min", "count"};

#define PAIRWISE_BLOCK 512
#define LANES 32  /* max and min: independent running extremes */
/* levels of the sum cascade's stack: one per power of two of blocks, 2^63 / 512 at most */
#define CASCADE_DEPTH 64
/* the sum's vectors: AVX2 registers (a block's lanes are 8 of them) */
#define VEC_BYTES 32

/* ---- per-type kernels, generated from one template ------------------------------ */

/* max and min differ only in the comparison: `a` wins when it compares CMP to `b` or
 * is NaN (NaN propagates, as in NumPy; for integers `a != a` folds away). */
#define PICK(CMP, a, b) ((a) CMP (b) || (a) != (a) ? (a) : (b))
#define MAXOF(a, b) PICK(>, a, b)
#define MINOF(a, b) PICK(<, a, b)

/* The max (PICK_AB = MAXOF) or min (MINOF) case of accumulate_group_*: each output
 * element o[i] and the group's eight rows a0..a7 combined as a chain (a chain of the
 * form accumulate_ vectorises; a tree of selects stays scalar, and the nested form
 * repeats the macro's arguments). Expanded inside DEFINE_REAL_REDUCE with o, a0..a7
 * and n in scope. */
#define GROUP_EXTREMUM(T, PICK_AB)                                                            \
    for (npy_intp i = 0; i < n; i++) {                                                        \
        T m = o[i];                                                                           \
        const T v0 = a0[i], v1 = a1[i], v2 = a2[i], v3 = a3[i];                               \
        const T v4 = a4[i], v5 = a5[i], v6 = a6[i], v7 = a7[i];                               \
        m = PICK_AB(v0, m);                                                                   \
        m = PICK_AB(v1, m);                                                                   \
        m = PICK_AB(v2, m);                                                                   \
        m = PICK_AB(v3, m);                                                                   \
        m = PICK_AB(v4, m);                                                                   \
        m = PICK_AB(v5, m);                                                                   \
        m = PICK_AB(v6, m);                                                                   \
        m = PICK_AB(v7, m);                                                                   \
        o[i] = m;                                                                             \
    }

/* The body of fold_* for max (PICK_AB = MAXOF, CMP >) and min (MINOF, <).
 *
 * Contiguous rows go by blocks of FOLD_BLOCK elements into LANES independent running
 * extremes with the plain select `v CMP r ? v : r`, which skips NaN (a compare with NaN
 * is false) and is one maxpd or minpd (whose result is the second operand when
 * unordered or equal); the block's NaNs are ORed into lane flags of T's width (so that
 * the flags need no packing). A block with a NaN returns its first NaN at once (NaN
 * propagates: nothing after it matters). The rest (under a block) and strided rows go
 * into the same lanes with PICK_AB, which propagates NaN; then the lanes are folded into
 * acc in lane order and the last elements (under LANES) with PICK_AB. One-byte integers
 * keep that plain loop for contiguous rows too (32 lanes are one vector there; the block
 * loop measured 1.5x slower). The block loop is unrolled twice, not 16 times: fully
 * unrolled, GCC reassociated the int64 maxima into a tree with spills (1.7x slower than
 * the plain loop). Expanded inside
 * DEFINE_REAL_REDUCE, which passes its type parameter T on and has acc, p, n and s in
 * scope. From memory (10M float64) this loop is no faster than the PICK_AB one: both
 * read at the memory bandwidth; in cache it is ~1.3x faster. */
#define FOLD_BLOCK 512
#define FOLD_EXTREMUM(T, SUF, PICK_AB, CMP)                                                   \
    {                                                                                         \
        T r[LANES];                                                                           \
        npy_intp i = 0;                                                                       \
        if (acc != acc) {                                                                     \
            return acc;  /* a NaN already: it stays */                                        \
        }                                                                                     \
        for (int j = 0; j < LANES; j++) {                                                     \
            r[j] = acc;                                                                       \
        }                                                                                     \
        if (s == (npy_intp)sizeof(T) && (RED_FLOAT_##SUF || sizeof(T) > 1)) {                 \
            const T *restrict a = (const T *)p;                                               \
            for (; n - i >= FOLD_BLOCK; i += FOLD_BLOCK) {                                    \
                RED_MT_##SUF nan[LANES];                                                      \
                for (int j = 0; j < LANES; j++) {                                             \
                    nan[j] = 0;                                                               \
                }                                                                             \
                _Pragma("GCC unroll 2")                                                       \
                for (npy_intp k = i; k < i + FOLD_BLOCK; k += LANES) {                        \
                    for (int j = 0; j < LANES; j++) {                                         \
                        const T v = a[k + j];                                                 \
                        r[j] = v CMP r[j] ? v : r[j];                                         \
                        nan[j] |= -(RED_MT_##SUF)RED_ISNAN_##SUF(v);                          \
                    }                                                                         \
                }                                                                             \
                RED_MT_##SUF any = 0;                                                         \
                for (int j = 0; j < LANES; j++) {                                             \
                    any |= nan[j];                                                            \
                }                                                                             \
                if (any) {  /* the block's first NaN is the result */                         \
                    for (npy_intp k = i;; k++) {                                              \
                        if (a[k] != a[k]) {                                                   \
                            return a[k];                                                      \
                        }                                                                     \
                    }                                                                         \
                }                                                                             \
            }                                                                                 \
        }                                                                                     \
        /* strided rows, and the last LANES groups (under a block) of contiguous ones */      \
        for (; i + LANES <= n; i += LANES) {                                                  \
            for (int j = 0; j < LANES; j++) {                                                 \
                const T v = *(const T *)(p + (i + j) * s);                                    \
                r[j] = PICK_AB(v, r[j]);                                                      \
            }                                                                                 \
        }                                                                                     \
        for (int j = 0; j < LANES; j++) {                                                     \
            acc = PICK_AB(r[j], acc);                                                         \
        }                                                                                     \
        for (; i < n; i++) {                                                                  \
            const T v = *(const T *)(p + i * s);                                              \
            acc = PICK_AB(v, acc);                                                            \
        }                                                                                     \
        return acc;                                                                           \
    }

/* per type: an integer of its width for the NaN flags, whether it is a float, and the
 * NaN test */
#define RED_MT_i8 int8_t
#define RED_MT_i16 int16_t
#define RED_MT_i32 int32_t
#define RED_MT_i64 int64_t
#define RED_MT_u8 int8_t
#define RED_MT_u16 int16_t
#define RED_MT_u32 int32_t
#define RED_MT_u64 int64_t
#define RED_MT_f32 int32_t
#define RED_MT_f64 int64_t
#define RED_FLOAT_i8 0
#define RED_FLOAT_i16 0
#define RED_FLOAT_i32 0
#define RED_FLOAT_i64 0
#define RED_FLOAT_u8 0
#define RED_FLOAT_u16 0
#define RED_FLOAT_u32 0
#define RED_FLOAT_u64 0
#define RED_FLOAT_f32 1
#define RED_FLOAT_f64 1
#define RED_ISNAN_NONE(v) 0
#define RED_ISNAN_FLOAT(v) ((v) != (v))
#define RED_ISNAN_i8 RED_ISNAN_NONE
#define RED_ISNAN_i16 RED_ISNAN_NONE
#define RED_ISNAN_i32 RED_ISNAN_NONE
#define RED_ISNAN_i64 RED_ISNAN_NONE
#define RED_ISNAN_u8 RED_ISNAN_NONE
#define RED_ISNAN_u16 RED_ISNAN_NONE
#define RED_ISNAN_u32 RED_ISNAN_NONE
#define RED_ISNAN_u64 RED_ISNAN_NONE
#define RED_ISNAN_f32 RED_ISNAN_FLOAT
#define RED_ISNAN_f64 RED_ISNAN_FLOAT

#define DEFINE_REAL_REDUCE(SUF, T, UT, ADD, MUL)                                              \
    /* A block's lanes: 8 vectors of VEC_BYTES (32 lanes of float64, 64 of float32);          \
     * integers add in the unsigned type of their width (wrap-around, as WADD) */             \
    typedef UT vec_##SUF __attribute__((vector_size(VEC_BYTES)));                             \
    enum { LN_##SUF = 8 * VEC_BYTES / sizeof(T) };                                            \
    /* out[0..LN) = the lane sums of one block of PAIRWISE_BLOCK elements: lane j adds the    \
     * elements j, j + LN, j + 2 LN, ... in turn (PAIRWISE_BLOCK / LN of them) */             \
    static inline void block_lanes_##SUF(const char *p, npy_intp s, T *restrict out)          \
    {                                                                                         \
        if (s == sizeof(T)) {                                                                 \
            /* eight named vectors: GCC kept an array of accumulators in memory here */       \
            vec_##SUF v0, v1, v2, v3, v4, v5, v6, v7, w;                                      \
            memcpy(&v0, p + 0 * VEC_BYTES, VEC_BYTES);                                        \
            memcpy(&v1, p + 1 * VEC_BYTES, VEC_BYTES);                                        \
            memcpy(&v2, p + 2 * VEC_BYTES, VEC_BYTES);                                        \
            memcpy(&v3, p + 3 * VEC_BYTES, VEC_BYTES);                                        \
            memcpy(&v4, p + 4 * VEC_BYTES, VEC_BYTES);                                        \
            memcpy(&v5, p + 5 * VEC_BYTES, VEC_BYTES);                                        \
            memcpy(&v6, p + 6 * VEC_BYTES, VEC_BYTES);                                        \
            memcpy(&v7, p + 7 * VEC_BYTES, VEC_BYTES);                                        \
            for (size_t i = 8 * VEC_BYTES; i < PAIRWISE_BLOCK * sizeof(T); i += 8 * VEC_BYTES) { \
                memcpy(&w, p + i + 0 * VEC_BYTES, VEC_BYTES); v0 += w;                        \
                memcpy(&w, p + i + 1 * VEC_BYTES, VEC_BYTES); v1 += w;                        \
                memcpy(&w, p + i + 2 * VEC_BYTES, VEC_BYTES); v2 += w;                        \
                memcpy(&w, p + i + 3 * VEC_BYTES, VEC_BYTES); v3 += w;                        \
                memcpy(&w, p + i + 4 * VEC_BYTES, VEC_BYTES); v4 += w;                        \
                memcpy(&w, p + i + 5 * VEC_BYTES, VEC_BYTES); v5 += w;                        \
                memcpy(&w, p + i + 6 * VEC_BYTES, VEC_BYTES); v6 += w;                        \
                memcpy(&w, p + i + 7 * VEC_BYTES, VEC_BYTES); v7 += w;                        \
            }                                                                                 \
            char *o = (char *)out;                                                            \
            memcpy(o + 0 * VEC_BYTES, &v0, VEC_BYTES);                                        \
            memcpy(o + 1 * VEC_BYTES, &v1, VEC_BYTES);                                        \
            memcpy(o + 2 * VEC_BYTES, &v2, VEC_BYTES);                                        \
            memcpy(o + 3 * VEC_BYTES, &v3, VEC_BYTES);                                        \
            memcpy(o + 4 * VEC_BYTES, &v4, VEC_BYTES);                                        \
            memcpy(o + 5 * VEC_BYTES, &v5, VEC_BYTES);                                        \
            memcpy(o + 6 * VEC_BYTES, &v6, VEC_BYTES);                                        \
            memcpy(o + 7 * VEC_BYTES, &v7, VEC_BYTES);                                        \
            return;                                                                           \
        }                                                                                     \
        T r[LN_##SUF];                                                                        \
        for (int j = 0; j < LN_##SUF; j++) {                                                  \
            r[j] = *(const T *)(p + j * s);                                                   \
        }                                                                                     \
        for (npy_intp i = LN_##SUF; i < PAIRWISE_BLOCK; i += LN_##SUF) {                      \
            for (int j = 0; j < LN_##SUF; j++) {                                              \
                r[j] = ADD(r[j], *(const T *)(p + (i + j) * s));                              \
            }                                                                                 \
        }                                                                                     \
        memcpy(out, r, sizeof r);                                                             \
    }                                                                                         \
    /* The cascade: blocks in memory order, their lane vectors combined pairwise on a         \
     * stack (a binary counter: two partial sums of 2^k blocks each make one of 2^(k+1));     \
     * then the tail (under a block) into fresh lanes, the stack added to it from its top     \
     * (smallest first), and the lanes pairwise. The loads stream linearly, in the            \
     * prefetcher's order. Depth: the stack holds distinct levels, so an element of a         \
     * level-k entry takes k + 1 + (levels above k) <= log2(blocks) + 1 additions in the      \
     * cascade: PAIRWISE_BLOCK / LN + log2(LN) + ceil(log2(blocks)) + 2 in all (float64:      \
     * 16 + 5 + ..., float32 8 + 6 + ...), as shallow as NumPy's pairwise sum. */             \
    static CLONES_STREAM T pairwise_sum_##SUF(const char *p, npy_intp n, npy_intp s)          \
    {                                                                                         \
        enum { LN = LN_##SUF };                                                               \
        if (n < LN) {                                                                         \
            T acc = 0;                                                                        \
            for (npy_intp i = 0; i < n; i++) {                                                \
                acc = ADD(acc, *(const T *)(p + i * s));                                      \
            }                                                                                 \
            return acc;                                                                       \
        }                                                                                     \
        T stack[CASCADE_DEPTH][LN];                                                           \
        int level[CASCADE_DEPTH];                                                             \
        int sp = 0;                                                                           \
        T r[LN];                                                                              \
        npy_intp i = 0;                                                                       \
        for (; n - i >= PAIRWISE_BLOCK; i += PAIRWISE_BLOCK) {                                \
            block_lanes_##SUF(p + i * s, s, r);                                               \
            int l = 0;                                                                        \
            while (sp > 0 && level[sp - 1] == l) {                                            \
                sp--;                                                                         \
                for (int j = 0; j < LN; j++) {                                                \
                    r[j] = ADD(stack[sp][j], r[j]);                                           \
                }                                                                             \
                l++;                                                                          \
            }                                                                                 \
            memcpy(stack[sp], r, sizeof r);                                                   \
            level[sp++] = l;                                                                  \
        }                                                                                     \
        for (int j = 0; j < LN; j++) {                                                        \
            r[j] = 0;                                                                         \
        }                                                                                     \
        for (int j = 0; i < n; i++, j = j + 1 == LN ? 0 : j + 1) {                            \
            r[j] = ADD(r[j], *(const T *)(p + i * s));                                        \
        }                                                                                     \
        while (sp > 0) {                                                                      \
            sp--;                                                                             \
            for (int j = 0; j < LN; j++) {                                                    \
                r[j] = ADD(stack[sp][j], r[j]);                                               \
            }                                                                                 \
        }                                                                                     \
        for (int w = LN / 2; w > 0; w /= 2) {                                                 \
            for (int j = 0; j < w; j++) {                                                     \
                r[j] = ADD(r[j], r[j + w]);                                                   \
            }                                                                                 \
        }                                                                                     \
        return r[0];                                                                          \
    }                                                                                         \
    static CLONES T fold_##SUF(int op, T acc, const char *p, npy_intp n, npy_intp s)          \
    {                                                                                         \
        switch (op) {                                                                         \
        case R_SUM:                                                                           \
            return ADD(acc, pairwise_sum_##SUF(p, n, s));                                     \
        case R_PROD:                                                                          \
            for (npy_intp i = 0; i < n; i++) {                                                \
                acc = MUL(acc, *(const T *)(p + i * s));                                      \
            }                                                                                 \
            return acc;                                                                       \
        case R_MAX:                                                                           \
            FOLD_EXTREMUM(T, SUF, MAXOF, >)                                                   \
        default:                                                                              \
            FOLD_EXTREMUM(T, SUF, MINOF, <)                                                   \
        }                                                                                     \
    }                                                                                         \
    /* acc[i] = op(acc[i], x[i]) for a row of x */                                            \
    static CLONES void accumulate_##SUF(int op, char *acc, const char *p, npy_intp s, npy_intp n) \
    {                                                                                         \
        T *restrict o = (T *)acc;                                                             \
        if (s == sizeof(T)) {                                                                 \
            const T *restrict a = (const T *)p;                                               \
            switch (op) {                                                                     \
            case R_SUM: for (npy_intp i = 0; i < n; i++) o[i] = ADD(o[i], a[i]); break;       \
            case R_PROD: for (npy_intp i = 0; i < n; i++) o[i] = MUL(o[i], a[i]); break;      \
            case R_MAX: for (npy_intp i = 0; i < n; i++) o[i] = MAXOF(a[i], o[i]); break;     \
            default: for (npy_intp i = 0; i < n; i++) o[i] = MINOF(a[i], o[i]); break;        \
            }                                                                                 \
            return;                                                                           \
        }                                                                                     \
        for (npy_intp i = 0; i < n; i++) {                                                    \
            const T v = *(const T *)(p + i * s);                                              \
            switch (op) {                                                                     \
            case R_SUM: o[i] = ADD(o[i], v); break;                                           \
            case R_PROD: o[i] = MUL(o[i], v); break;                                          \
            case R_MAX: o[i] = MAXOF(v, o[i]); break;                                         \
            default: o[i] = MINOF(v, o[i]); break;                                            \
            }                                                                                 \
        }                                                                                     \
    }                                                                                         \
    /* acc[i] = op(acc[i], op of ROW_GROUP contiguous rows' x[i]), the rows combined as a     \
     * tree (sums: ((r0 + r1) + (r2 + r3)) + ...; one load and store of acc per group) */     \
    static CLONES void accumulate_group_##SUF(int op, char *acc, const char *const *rows,     \
                                              npy_intp n)                                     \
    {                                                                                         \
        T *restrict o = (T *)acc;                                                             \
        const T *restrict a0 = (const T *)rows[0], *restrict a1 = (const T *)rows[1];         \
        const T *restrict a2 = (const T *)rows[2], *restrict a3 = (const T *)rows[3];         \
        const T *restrict a4 = (const T *)rows[4], *restrict a5 = (const T *)rows[5];         \
        const T *restrict a6 = (const T *)rows[6], *restrict a7 = (const T *)rows[7];         \
        switch (op) {                                                                         \
        case R_SUM:                                                                           \
            for (npy_intp i = 0; i < n; i++) {                                                \
                T l = ADD(ADD(a0[i], a1[i]), ADD(a2[i], a3[i]));                              \
                T h = ADD(ADD(a4[i], a5[i]), ADD(a6[i], a7[i]));                              \
                o[i] = ADD(o[i], ADD(l, h));                                                  \
            }                                                                                 \
            break;                                                                            \
        case R_MAX:                                                                           \
            GROUP_EXTREMUM(T, MAXOF)                                                          \
            break;                                                                            \
        default:                                                                              \
            GROUP_EXTREMUM(T, MINOF)                                                          \
            break;                                                                            \
        }                                                                                     \
    }

#define FADD(a, b) ((a) + (b))
#define FMUL(a, b) ((a) * (b))

/* Integer kernels add and multiply in the unsigned type of the same width:
 * wrap-around as NumPy does, no undefined signed overflow. */
#define DEFINE_INT_REDUCE(SUF, T, UTT) DEFINE_REAL_REDUCE(SUF, T, UTT, WADD_##SUF, WMUL_##SUF)

#define WADD_i8(a, b) ((int8_t)((uint8_t)(a) + (uint8_t)(b)))
#define WMUL_i8(a, b) ((int8_t)((uint8_t)(a) * 1u * (uint8_t)(b)))
#define WADD_i16(a, b) ((int16_t)((uint16_t)(a) + (uint16_t)(b)))
#define WMUL_i16(a, b) ((int16_t)((uint16_t)(a) * 1u * (uint16_t)(b)))
#define WADD_i32(a, b) ((int32_t)((uint32_t)(a) + (uint32_t)(b)))
#define WMUL_i32(a, b) ((int32_t)((uint32_t)(a) * (uint32_t)(b)))
#define WADD_i64(a, b) ((int64_t)((uint64_t)(a) + (uint64_t)(b)))
#define WMUL_i64(a, b) ((int64_t)((uint64_t)(a) * (uint64_t)(b)))
#define WADD_u8(a, b) ((uint8_t)((a) + (b)))
#define WMUL_u8(a, b) ((uint8_t)((a) * 1u * (b)))
#define WADD_u16(a, b) ((uint16_t)((a) + (b)))
#define WMUL_u16(a, b) ((uint16_t)((a) * 1u * (b)))
#define WADD_u32(a, b) ((uint32_t)((a) + (b)))
#define WMUL_u32(a, b) ((uint32_t)((a) * (b)))
#define WADD_u64(a, b) ((uint64_t)((a) + (b)))
#define WMUL_u64(a, b) ((uint64_t)((a) * (b)))

DEFINE_INT_REDUCE(i8, int8_t, uint8_t)
DEFINE_INT_REDUCE(i16, int16_t, uint16_t)
DEFINE_INT_REDUCE(i32, int32_t, uint32_t)
DEFINE_INT_REDUCE(i64, int64_t, uint64_t)
DEFINE_INT_REDUCE(u8, uint8_t, uint8_t)
DEFINE_INT_REDUCE(u16, uint16_t, uint16_t)
DEFINE_INT_REDUCE(u32, uint32_t, uint32_t)
DEFINE_INT_REDUCE(u64, uint64_t, uint64_t)
DEFINE_REAL_REDUCE(f32, float, float, FADD, FMUL)
DEFINE_REAL_REDUCE(f64, double, double, FADD, FMUL)

/* count of true values of a bool row into an int64 */
static CLONES int64_t count_true(const char *p, npy_intp n, npy_intp s)
{
    int64_t c = 0;
    if (s == 1) {
        for (npy_intp i = 0; i < n; i++) {
            c += p[i] != 0;
        }
    } else {
        for (npy_intp i = 0; i < n; i++) {
            c += p[i * s] != 0;
        }
    }
    return c;
}

/* ---- type-generic glue ----------------------------------------------------------- */

typedef union {
    int8_t i8; int16_t i16; int32_t i32; int64_t i64;
    uint8_t u8; uint16_t u16; uint32_t u32; uint64_t u64;
    float f32; double f64;
    c64_t c64; c128_t c128;
} red_value;

/* acc = op(acc, reduce(row)); complex: sums of the real and imaginary parts, and the
 * product accumulated element by element with the complex formula. */
static void fold_row(int op, int t, red_value *acc, const char *p, npy_intp n, npy_intp s)
{
    switch (t) {
    case T_I8: acc->i8 = fold_i8(op, acc->i8, p, n, s); break;
    case T_I16: acc->i16 = fold_i16(op, acc->i16, p, n, s); break;
    case T_I32: acc->i32 = fold_i32(op, acc->i32, p, n, s); break;
    case T_I64: acc->i64 = fold_i64(op, acc->i64, p, n, s); break;
    case T_U8: acc->u8 = fold_u8(op, acc->u8, p, n, s); break;
    case T_U16: acc->u16 = fold_u16(op, acc->u16, p, n, s); break;
    case T_U32: acc->u32 = fold_u32(op, acc->u32, p, n, s); break;
    case T_U64: acc->u64 = fold_u64(op, acc->u64, p, n, s); break;
    case T_F32: acc->f32 = fold_f32(op, acc->f32, p, n, s); break;
    case T_F64: acc->f64 = fold_f64(op, acc->f64, p, n, s); break;
    case T_C64:
        if (op == R_SUM) {
            acc->c64.re += pairwise_sum_f32(p, n, s);
            acc->c64.im += pairwise_sum_f32(p + sizeof(float), n, s);
        } else {
            for (npy_intp i = 0; i < n; i++) {
                c64_t v = *(const c64_t *)(p + i * s), a = acc->c64;
                acc->c64.re = a.re * v.re - a.im * v.im;
                acc->c64.im = a.re * v.im + a.im * v.re;
            }
        }
        break;
    case T_C128:
        if (op == R_SUM) {
            acc->c128.re += pairwise_sum_f64(p, n, s);
            acc->c128.im += pairwise_sum_f64(p + sizeof(double), n, s);
        } else {
            for (npy_intp i = 0; i < n; i++) {
                c128_t v = *(const c128_t *)(p + i * s), a = acc->c128;
                acc->c128.re = a.re * v.re - a.im * v.im;
                acc->c128.im = a.re * v.im + a.im * v.re;
            }
        }
        break;
    case T_BOOL:  /* R_COUNT */
        acc->i64 += count_true(p, n, s);
        break;
    }
}

static void combine(int op, int t, red_value *acc, const red_value *part)
{
    if (op == R_COUNT) {
        acc->i64 += part->i64;
        return;
    }
    /* a partial result is a one-element row */
    fold_row(op, t, acc, (const char *)part, 1, 0);
}

static int accumulate_row(int op, int t, char *acc, const char *p, npy_intp s, npy_intp n)
{
    switch (t) {
    case T_I8: accumulate_i8(op, acc, p, s, n); return 0;
    case T_I16: accumulate_i16(op, acc, p, s, n); return 0;
    case T_I32: accumulate_i32(op, acc, p, s, n); return 0;
    case T_I64: accumulate_i64(op, acc, p, s, n); return 0;
    case T_U8: accumulate_u8(op, acc, p, s, n); return 0;
    case T_U16: accumulate_u16(op, acc, p, s, n); return 0;
    case T_U32: accumulate_u32(op, acc, p, s, n); return 0;
    case T_U64: accumulate_u64(op, acc, p, s, n); return 0;
    case T_F32: accumulate_f32(op, acc, p, s, n); return 0;
    case T_F64: accumulate_f64(op, acc, p, s, n); return 0;
    default: return -1;  /* complex and count: no outer kernel; the inner path runs */
    }
}

/* ROW_GROUP contiguous rows at once (sum, max, min of real types); -1: not handled */
static int accumulate_group(int op, int t, char *acc, const char *const *rows, npy_intp n)
{
    if (op == R_PROD) {
        return -1;
    }
    switch (t) {
    case T_I8: accumulate_group_i8(op, acc, rows, n); return 0;
    case T_I16: accumulate_group_i16(op, acc, rows, n); return 0;
    case T_I32: accumulate_group_i32(op, acc, rows, n); return 0;
    case T_I64: accumulate_group_i64(op, acc, rows, n); return 0;
    case T_U8: accumulate_group_u8(op, acc, rows, n); return 0;
    case T_U16: accumulate_group_u16(op, acc, rows, n); return 0;
    case T_U32: accumulate_group_u32(op, acc, rows, n); return 0;
    case T_U64: accumulate_group_u64(op, acc, rows, n); return 0;
    case T_F32: accumulate_group_f32(op, acc, rows, n); return 0;
    case T_F64: accumulate_group_f64(op, acc, rows, n); return 0;
    default: return -1;
    }
}

static void identity(int op, int t, red_value *v)
{
    memset(v, 0, sizeof *v);
    if (op == R_PROD) {
        switch (t) {
        case T_I8: v->i8 = 1; break;
        case T_I16: v->i16 = 1; break;
        case T_I32: v->i32 = 1; break;
        case T_I64: v->i64 = 1; break;
        case T_U8: v->u8 = 1; break;
        case T_U16: v->u16 = 1; break;
        case T_U32: v->u32 = 1; break;
        case T_U64: v->u64 = 1; break;
        case T_F32: v->f32 = 1; break;
        case T_F64: v->f64 = 1; break;
        case T_C64: v->c64.re = 1; break;
        case T_C128: v->c128.re = 1; break;
        }
    } else if (op == R_MAX || op == R_MIN) {
        int mx = op == R_MAX;
        switch (t) {
        case T_I8: v->i8 = mx ? INT8_MIN : INT8_MAX; break;
        case T_I16: v->i16 = mx ? INT16_MIN : INT16_MAX; break;
        case T_I32: v->i32 = mx ? INT32_MIN : INT32_MAX; break;
        case T_I64: v->i64 = mx ? INT64_MIN : INT64_MAX; break;
        case T_U8: v->u8 = mx ? 0 : UINT8_MAX; break;
        case T_U16: v->u16 = mx ? 0 : UINT16_MAX; break;
        case T_U32: v->u32 = mx ? 0 : UINT32_MAX; break;
        case T_U64: v->u64 = mx ? 0 : UINT64_MAX; break;
        case T_F32: v->f32 = mx ? -INFINITY : INFINITY; break;
        case T_F64: v->f64 = mx ? -INFINITY : INFINITY; break;
        }
    }
}

/* ---- the reduction driver -------------------------------------------------------- */

typedef struct {
    int op, t, acc_size;
    /* reduced dims (coalesced, C order) */
    int rnd;
    npy_intp rshape[NPY_MAXDIMS], rstride[NPY_MAXDIMS];
    /* kept dims (coalesced) with input and output strides */
    int knd;
    npy_intp kshape[NPY_MAXDIMS], kstride[NPY_MAXDIMS], ostride[NPY_MAXDIMS];
    char *x, *out;
    npy_intp rsize, ksize;
    red_value *partials;
} reduce_job;

/* Reduce all reduced dims starting at p into acc, elements [lo, hi) of the flattened
 * reduced range (the innermost dim is folded row by row). */
static void reduce_range(const reduce_job *j, const char *p, npy_intp lo, npy_intp hi, red_value *acc)
{
    const int last = j->rnd - 1;
    npy_intp idx[NPY_MAXDIMS];
    npy_intp rem = lo;
    if (lo >= hi) {
        return;  /* also an empty reduced dimension, whose length must not divide */
    }
    for (int d = last; d >= 0; d--) {
        idx[d] = rem % j->rshape[d];
        rem /= j->rshape[d];
    }
    npy_intp pos = lo;
    while (pos < hi) {
        const char *q = p;
        for (int d = 0; d <= last; d++) {
            q += idx[d] * j->rstride[d];
        }
        npy_intp run = j->rshape[last] - idx[last];
        if (run > hi - pos) {
            run = hi - pos;
        }
        fold_row(j->op, j->t, acc, q, run, j->rstride[last]);
        pos += run;
        idx[last] += run;
        for (int d = last; d > 0 && idx[d] == j->rshape[d]; d--) {
            idx[d] = 0;
            idx[d - 1]++;
        }
    }
}

static const char *kept_pointer(const reduce_job *j, npy_intp k, char **out)
{
    const char *p = j->x;
    char *o = j->out;
    for (int d = j->knd - 1; d >= 0; d--) {
        npy_intp i = k % j->kshape[d];
        k /= j->kshape[d];
        p += i * j->kstride[d];
        o += i * j->ostride[d];
    }
    *out = o;
    return p;
}

static void full_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    const reduce_job *j = ctx;
    identity(j->op, j->t, &j->partials[chunk]);
    reduce_range(j, j->x, lo, hi, &j->partials[chunk]);
}

static void inner_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    (void)chunk;
    const reduce_job *j = ctx;
    for (npy_intp k = lo; k < hi; k++) {
        char *o;
        const char *p = kept_pointer(j, k, &o);
        red_value acc;
        identity(j->op, j->t, &acc);
        reduce_range(j, p, 0, j->rsize, &acc);
        memcpy(o, &acc, (size_t)j->acc_size);
    }
}

/* outer: one kept dim, contiguous output; the chunk is a slice of the output vector.
 * Contiguous rows go ROW_GROUP at a time (the group's rows combined first, then into the
 * output: one pass over the output per group, not per row), over column blocks of
 * OUTER_BLOCK bytes so that the output block stays in L2 while the rows stream. Blocks
 * that fit L1 were measured slower (3162 x 3162 float64: 8 KiB blocks 3.7 ms, whole rows
 * 2.9 ms): short pieces of many rows break the prefetcher's streams at every block. */
#define ROW_GROUP 8
#define OUTER_BLOCK 262144
static void outer_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    (void)chunk;
    const reduce_job *j = ctx;
    const int last = j->rnd - 1;
    char *o = j->out + lo * j->ostride[0];
    red_value init;
    identity(j->op, j->t, &init);
    for (npy_intp k = lo; k < hi; k++) {
        memcpy(o + (k - lo) * j->acc_size, &init, (size_t)j->acc_size);
    }
    const int grouped = j->kstride[0] == j->acc_size && j->op != R_PROD;
    npy_intp block = grouped ? OUTER_BLOCK / j->acc_size : hi - lo;
    for (npy_intp c0 = lo; c0 < hi; c0 += block) {
        const npy_intp cols = hi - c0 < block ? hi - c0 : block;
        char *oc = o + (c0 - lo) * j->acc_size;
        npy_intp idx[NPY_MAXDIMS] = {0};
        const char *rows[ROW_GROUP];
        int have = 0;
        for (npy_intp r = 0; r < j->rsize; r++) {
            const char *p = j->x + c0 * j->kstride[0];
            for (int d = 0; d <= last; d++) {
                p += idx[d] * j->rstride[d];
            }
            idx[last]++;
            for (int d = last; d > 0 && idx[d] == j->rshape[d]; d--) {
                idx[d] = 0;
                idx[d - 1]++;
            }
            if (!grouped) {
                accumulate_row(j->op, j->t, oc, p, j->kstride[0], cols);
                continue;
            }
            rows[have++] = p;
            if (have == ROW_GROUP) {
                accumulate_group(j->op, j->t, oc, rows, cols);
                have = 0;
            }
        }
        for (int g = 0; g < have; g++) {
            accumulate_row(j->op, j->t, oc, rows[g], j->kstride[0], cols);
        }
    }
}

static void coalesce(int *nd, npy_intp *shape, npy_intp *s1, npy_intp *s2)
{
    int out = 0;
    for (int d = 0; d < *nd; d++) {
        if (shape[d] == 1) {
            continue;
        }
        if (out > 0 && s1[out - 1] == s1[d] * shape[d]
            && (s2 == NULL || s2[out - 1] == s2[d] * shape[d])) {
            shape[out - 1] *= shape[d];
            s1[out - 1] = s1[d];
            if (s2) {
                s2[out - 1] = s2[d];
            }
            continue;
        }
        shape[out] = shape[d];
        s1[out] = s1[d];
        if (s2) {
            s2[out] = s2[d];
        }
        out++;
    }
    if (out == 0) {
        shape[0] = 1;
        s1[0] = 0;
        if (s2) {
            s2[0] = 0;
        }
        out = 1;
    }
    *nd = out;
}

static npy_intp abs_intp(npy_intp v) { return v < 0 ? -v : v; }

/* reduce(op, x, axes): the result without the reduced axes (the caller reinserts them
 * for keepdims), or None when the C code does not handle this input (NumPy then). */
PyObject *native_reduce(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "reduce(op, x, axes)");
        return NULL;
    }
    long op = PyLong_AsLong(args[0]);
    if (op < 0 || op >= N_REDUCE) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "reduce: unknown op");
        }
        return NULL;
    }
    if (!PyArray_CheckExact(args[1]) || !PyArray_ISALIGNED((PyArrayObject *)args[1])) {
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[1];
    int t = type_index(PyArray_DESCR(x));
    if (t == T_NONE || (op == R_COUNT) != (t == T_BOOL)
        || ((op == R_MAX || op == R_MIN) && (t == T_C64 || t == T_C128))) {
        Py_RETURN_NONE;
    }
    int ndim = PyArray_NDIM(x);
    int reduced[NPY_MAXDIMS] = {0};
    if (args[2] == Py_None) {
        for (int d = 0; d < ndim; d++) {
            reduced[d] = 1;
        }
    } else {
        PyObject *axes = args[2];
        if (!PyTuple_Check(axes)) {
            Py_RETURN_NONE;
        }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(axes); i++) {
            long a = PyLong_AsLong(PyTuple_GET_ITEM(axes, i));
            if (a < 0 || a >= ndim) {
                if (PyErr_Occurred()) {
                    return NULL;
                }
                Py_RETURN_NONE;
            }
            reduced[a] = 1;
        }
    }
    reduce_job j;
    memset(&j, 0, sizeof j);
    j.op = (int)op;
    j.t = t;
    int out_t = t == T_BOOL ? T_I64 : t;
    j.acc_size = TYPE_SIZE[out_t];
    npy_intp out_shape[NPY_MAXDIMS];
    int out_nd = 0;
    for (int d = 0; d < ndim; d++) {
        if (!reduced[d]) {
            out_shape[out_nd++] = PyArray_DIM(x, d);
        }
    }
    PyArrayObject *out = new_array(out_nd, out_shape, out_t);
    if (out == NULL) {
        return NULL;
    }
    int od = 0;
    for (int d = 0; d < ndim; d++) {
        if (reduced[d]) {
            j.rshape[j.rnd] = PyArray_DIM(x, d);
            j.rstride[j.rnd++] = PyArray_STRIDE(x, d);
        } else {
            j.kshape[j.knd] = PyArray_DIM(x, d);
            j.kstride[j.knd] = PyArray_STRIDE(x, d);
            j.ostride[j.knd++] = PyArray_STRIDE(out, od++);
        }
    }
    j.rsize = 1;
    for (int d = 0; d < j.rnd; d++) {
        j.rsize *= j.rshape[d];
    }
    j.ksize = PyArray_SIZE(out);
    coalesce(&j.rnd, j.rshape, j.rstride, NULL);
    coalesce(&j.knd, j.kshape, j.kstride, j.ostride);
    j.x = PyArray_BYTES(x);
    j.out = PyArray_BYTES(out);
    if (j.ksize == 0) {
        return (PyObject *)out;
    }
    double work = (double)j.rsize * (double)j.ksize;
    int chunks = pool_chunks_for(work);
    if (j.ksize == 1) {
        red_value parts[256];
        j.partials = parts;
        if (chunks > 256) {
            chunks = 256;
        }
        /* complex products run in one chunk, element by element as NumPy's loop: the
         * product of chunks' partial products would round differently and give other
         * signs of zero ((1 + 0j) * (-0 - 0j) is +0 - 0j, so the sign of a zero part
         * depends on the order of the factors, not only on their signs) */
        if (j.rsize == 0 || (j.op == R_PROD && (t == T_C64 || t == T_C128))) {
            chunks = 1;
        }
        Py_BEGIN_ALLOW_THREADS
        pool_run(j.rsize, chunks, full_chunk, &j);
        Py_END_ALLOW_THREADS
        red_value acc = parts[0];
        for (int c = 1; c < chunks; c++) {
            combine(j.op, j.t, &acc, &parts[c]);
        }
        memcpy(j.out, &acc, (size_t)j.acc_size);
        return (PyObject *)out;
    }
    int outer = j.knd == 1 && j.rsize > 0 && t != T_BOOL && t != T_C64 && t != T_C128
                && j.ostride[0] == j.acc_size
                && abs_intp(j.kstride[0]) < abs_intp(j.rstride[j.rnd - 1]);
    Py_BEGIN_ALLOW_THREADS
    if (outer) {
        pool_run(j.ksize, chunks, outer_chunk, &j);
    } else {
        pool_run(j.ksize, chunks > j.ksize ? (int)j.ksize : chunks, inner_chunk, &j);
    }
    Py_END_ALLOW_THREADS
    return (PyObject *)out;
}

PyObject *reduce_op_names(void)
{
    PyObject *names = PyTuple_New(N_REDUCE);
    for (int i = 0; names && i < N_REDUCE; i++) {
        PyTuple_SET_ITEM(names, i, PyUnicode_FromString(REDUCE_NAMES[i]));
    }
    return names;
}

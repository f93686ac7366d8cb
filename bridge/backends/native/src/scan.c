/* Arg-reductions (argmin/argmax along one axis) and cumulative sums/products.
 *
 * Both walk lines along one axis: the Python side moves that axis last (a view, no
 * copy) and the C code iterates over the other dimensions with their strides.
 */
#include "loops.h"

#include <math.h>

/* First index of the maximum (minimum) of a line; the first NaN wins, as in NumPy.
 *
 * Contiguous lines of 2 * ARG_LANES elements and more go block by block in one loop: a
 * block's extremum (ARG_BLOCK elements, or the whole lanes left at the end) in
 * ARG_LANES independent lanes with the plain select `v CMP r ? v : r` (one maxpd/minpd
 * per vector; it skips NaN), the block's NaNs ORed into lane flags of T's width (MT); a
 * block with a NaN is searched for its first NaN, which is the answer. Otherwise the
 * first block whose extremum beats every earlier one's is remembered; the last elements
 * (under ARG_LANES) are a group that overlaps the one before (a NaN or the extremum in
 * the overlap was already found in the earlier block). At the end the remembered block
 * is searched for the first element equal to the extremum, ARG_LANES elements at a
 * time: one pass over the line and one block again, instead of a compare-and-branch per
 * element. */
#define ARG_BLOCK 512
#define ARG_LANES 32

#define DEFINE_ARG_DIR(NAME, SUF, T, IS_FLOAT, MT, CMP)                               \
    static npy_intp NAME##_scalar_##SUF(const char *p, npy_intp n, npy_intp s)        \
    {                                                                                 \
        T best = *(const T *)p;                                                       \
        npy_intp at = 0;                                                              \
        if (IS_FLOAT && best != best) {                                               \
            return 0;                                                                 \
        }                                                                             \
        for (npy_intp i = 1; i < n; i++) {                                            \
            const T v = *(const T *)(p + i * s);                                      \
            if (IS_FLOAT && v != v) {                                                 \
                return i;                                                             \
            }                                                                         \
            if (v CMP best) {                                                         \
                best = v;                                                             \
                at = i;                                                               \
            }                                                                         \
        }                                                                             \
        return at;                                                                    \
    }                                                                                 \
    /* n >= ARG_LANES contiguous elements */                                          \
    static CLONES npy_intp NAME##_blocks_##SUF(const T *a, npy_intp n)                \
    {                                                                                 \
        T best = a[0];                                                                \
        npy_intp at = 0, i = 0;                                                       \
        while (i < n) {                                                               \
            if (n - i < ARG_LANES) {  /* the last elements: one group overlapping the */\
                i = n - ARG_LANES;    /* one before (its elements change no result) */\
            }                                                                         \
            const npy_intp len = n - i >= ARG_BLOCK ? ARG_BLOCK                       \
                                                    : (n - i) / ARG_LANES * ARG_LANES; \
            T r[ARG_LANES];                                                           \
            MT nan[ARG_LANES];                                                        \
            for (int j = 0; j < ARG_LANES; j++) {                                     \
                r[j] = a[i + j];                                                      \
                nan[j] = -(MT)(IS_FLOAT && r[j] != r[j]);                             \
            }                                                                         \
            for (npy_intp k = i + ARG_LANES; k < i + len; k += ARG_LANES) {           \
                for (int j = 0; j < ARG_LANES; j++) {                                 \
                    const T v = a[k + j];                                             \
                    r[j] = v CMP r[j] ? v : r[j];                                     \
                    nan[j] |= -(MT)(IS_FLOAT && v != v);                              \
                }                                                                     \
            }                                                                         \
            MT any = 0;                                                               \
            for (int j = 0; j < ARG_LANES; j++) {                                     \
                any |= nan[j];                                                        \
            }                                                                         \
            if (any) {  /* the first NaN, in this block */                            \
                npy_intp k = i;                                                       \
                while (a[k] == a[k]) {                                                \
                    k++;                                                              \
                }                                                                     \
                return k;                                                             \
            }                                                                         \
            for (int w = ARG_LANES / 2; w > 0; w /= 2) {                              \
                for (int j = 0; j < w; j++) {                                         \
                    r[j] = r[j + w] CMP r[j] ? r[j + w] : r[j];                       \
                }                                                                     \
            }                                                                         \
            if (r[0] CMP best) {                                                      \
                best = r[0];                                                          \
                at = i;                                                               \
            }                                                                         \
            i += len;                                                                 \
        }                                                                             \
        /* the first of the extremum in its block (it is there) */                    \
        for (; n - at >= ARG_LANES; at += ARG_LANES) {                                \
            MT hit = 0;                                                               \
            for (int j = 0; j < ARG_LANES; j++) {                                     \
                hit |= -(MT)(a[at + j] == best);                                      \
            }                                                                         \
            if (hit) {                                                                \
                break;                                                                \
            }                                                                         \
        }                                                                             \
        while (!(a[at] == best)) {                                                    \
            at++;                                                                     \
        }                                                                             \
        return at;                                                                    \
    }                                                                                 \
    static npy_intp NAME##_##SUF(const char *p, npy_intp n, npy_intp s)               \
    {                                                                                 \
        if (s != (npy_intp)sizeof(T) || n < 2 * ARG_LANES) {                          \
            return NAME##_scalar_##SUF(p, n, s);                                      \
        }                                                                             \
        return NAME##_blocks_##SUF((const T *)p, n);                                  \
    }

/* Many lines side by side (x's lines are its columns: the reduced axis has the large
 * stride, the lines are adjacent): a running extremum per line and the row where it
 * last changed, vectorised across the lines. Rows go ARG_GROUP at a time: each line's
 * extremum and index stay in registers through the group's rows (one load and store of
 * them per group instead of per row: per row they were 4 of the 5 memory streams, and
 * the loop ran at a third of the memory bandwidth); the row within the group is kept in
 * an integer of T's width (MT) and widened to the int64 index once per group, so
 * narrow types do not widen a mask per row. In a group only `v CMP best`
 * updates (strict: the first of equal values stays, -0.0 and +0.0 are equal), which
 * skips NaN; the group's NaNs are ORed into one flag, and only when it is raised a
 * second pass over the group gives each line whose extremum is not yet NaN its first
 * NaN of the group. A NaN extremum never changes again (nothing compares above NaN),
 * so the first NaN of a line wins, as in NumPy. */
#define ARG_GROUP 8
/* the masks in MT: with an int mask and a select, GCC left the int8 loop scalar */   \
#define ARG_COLS_STEP(K, T, MT, CMP)                                                  \
    {                                                                                 \
        const T v = x##K[c];                                                          \
        const MT take = -(MT)(v CMP b);                                               \
        b = take ? v : b;                                                             \
        k = (MT)((k & ~take) | ((MT)K & take));                                       \
    }
/* NaN in a pair of values: one unordered compare for two elements (floats only) */
#define ARG_UNORD_FLOAT(a, b) __builtin_isunordered(a, b)
#define ARG_UNORD_NONE(a, b) 0
#define ARG_COLS_NAN_STEP(K, T)                                                       \
    {                                                                                 \
        const T v = x##K[c];                                                          \
        const int take = (v != v) & (b == b);                                         \
        b = take ? v : b;                                                             \
        i = take ? r + K : i;                                                         \
    }
#define DEFINE_ARG_COLS(NAME, SUF, T, MT, UNORD, CMP)                                 \
    static CLONES_STREAM void NAME##_cols_##SUF(const char *p, npy_intp rows,         \
                                                npy_intp rs, npy_intp cols,           \
                                                void *best_buf, int64_t *restrict at) \
    {                                                                                 \
        T *restrict best = best_buf;                                                  \
        const T *a = (const T *)p;                                                    \
        for (npy_intp c = 0; c < cols; c++) {                                         \
            best[c] = a[c];                                                           \
            at[c] = 0;                                                                \
        }                                                                             \
        npy_intp r = 1;                                                               \
        for (; r + ARG_GROUP <= rows; r += ARG_GROUP) {                               \
            const T *restrict x0 = (const T *)(p + r * rs);                           \
            const T *restrict x1 = (const T *)(p + (r + 1) * rs);                     \
            const T *restrict x2 = (const T *)(p + (r + 2) * rs);                     \
            const T *restrict x3 = (const T *)(p + (r + 3) * rs);                     \
            const T *restrict x4 = (const T *)(p + (r + 4) * rs);                     \
            const T *restrict x5 = (const T *)(p + (r + 5) * rs);                     \
            const T *restrict x6 = (const T *)(p + (r + 6) * rs);                     \
            const T *restrict x7 = (const T *)(p + (r + 7) * rs);                     \
            MT nan = 0; /* of T's width: no packing of the lanes' masks */            \
            for (npy_intp c = 0; c < cols; c++) {                                     \
                T b = best[c];                                                        \
                MT k = -1; /* the row in the group, T's width: no widening per row */ \
                ARG_COLS_STEP(0, T, MT, CMP) ARG_COLS_STEP(1, T, MT, CMP)             \
                ARG_COLS_STEP(2, T, MT, CMP) ARG_COLS_STEP(3, T, MT, CMP)             \
                ARG_COLS_STEP(4, T, MT, CMP) ARG_COLS_STEP(5, T, MT, CMP)             \
                ARG_COLS_STEP(6, T, MT, CMP) ARG_COLS_STEP(7, T, MT, CMP)             \
                nan |= -(MT)(UNORD(x0[c], x1[c]) | UNORD(x2[c], x3[c])                \
                             | UNORD(x4[c], x5[c]) | UNORD(x6[c], x7[c]));            \
                best[c] = b;                                                          \
                const int64_t old = at[c], row = k;                                   \
                at[c] = row < 0 ? old : r + row;                                      \
            }                                                                         \
            if (nan) {                                                                \
                for (npy_intp c = 0; c < cols; c++) {                                 \
                    T b = best[c];                                                    \
                    int64_t i = at[c];                                                \
                    ARG_COLS_NAN_STEP(0, T) ARG_COLS_NAN_STEP(1, T)                   \
                    ARG_COLS_NAN_STEP(2, T) ARG_COLS_NAN_STEP(3, T)                   \
                    ARG_COLS_NAN_STEP(4, T) ARG_COLS_NAN_STEP(5, T)                   \
                    ARG_COLS_NAN_STEP(6, T) ARG_COLS_NAN_STEP(7, T)                   \
                    best[c] = b;                                                      \
                    at[c] = i;                                                        \
                }                                                                     \
            }                                                                         \
        }                                                                             \
        for (; r < rows; r++) {                                                       \
            const T *restrict row = (const T *)(p + r * rs);                          \
            for (npy_intp c = 0; c < cols; c++) {                                     \
                const T v = row[c], b = best[c];                                      \
                /* no short-circuit (GCC 12 leaves that form scalar) */               \
                const int take = ((v CMP b) | UNORD(v, v)) & !UNORD(b, b);            \
                best[c] = take ? v : b;                                               \
                at[c] = take ? (int64_t)r : at[c];                                    \
            }                                                                         \
        }                                                                             \
    }

/* MT: an integer of T's width (the cols kernels' NaN flag) */
#define DEFINE_ARG(SUF, T, IS_FLOAT, MT, UNORD)                                       \
    DEFINE_ARG_COLS(argmax, SUF, T, MT, UNORD, >)                                     \
    DEFINE_ARG_COLS(argmin, SUF, T, MT, UNORD, <)                                     \
    DEFINE_ARG_DIR(argmax, SUF, T, IS_FLOAT, MT, >)                                   \
    DEFINE_ARG_DIR(argmin, SUF, T, IS_FLOAT, MT, <)

DEFINE_ARG(b, npy_bool, 0, int8_t, ARG_UNORD_NONE)
DEFINE_ARG(i8, int8_t, 0, int8_t, ARG_UNORD_NONE)
DEFINE_ARG(i16, int16_t, 0, int16_t, ARG_UNORD_NONE)
DEFINE_ARG(i32, int32_t, 0, int32_t, ARG_UNORD_NONE)
DEFINE_ARG(i64, int64_t, 0, int64_t, ARG_UNORD_NONE)
DEFINE_ARG(u8, uint8_t, 0, int8_t, ARG_UNORD_NONE)
DEFINE_ARG(u16, uint16_t, 0, int16_t, ARG_UNORD_NONE)
DEFINE_ARG(u32, uint32_t, 0, int32_t, ARG_UNORD_NONE)
DEFINE_ARG(u64, uint64_t, 0, int64_t, ARG_UNORD_NONE)
DEFINE_ARG(f32, float, 1, int32_t, ARG_UNORD_FLOAT)
DEFINE_ARG(f64, double, 1, int64_t, ARG_UNORD_FLOAT)

typedef npy_intp (*arg_fn)(const char *, npy_intp, npy_intp);
typedef void (*arg_cols_fn)(const char *, npy_intp, npy_intp, npy_intp, void *, int64_t *);
#define COLS_ENTRY(NAME, SUF) NAME##_cols_##SUF
static const arg_cols_fn ARGMAX_COLS[N_TYPES] = {COLS_ENTRY(argmax, b), COLS_ENTRY(argmax, i8),
    COLS_ENTRY(argmax, i16), COLS_ENTRY(argmax, i32), COLS_ENTRY(argmax, i64),
    COLS_ENTRY(argmax, u8), COLS_ENTRY(argmax, u16), COLS_ENTRY(argmax, u32),
    COLS_ENTRY(argmax, u64), COLS_ENTRY(argmax, f32), COLS_ENTRY(argmax, f64), NULL, NULL};
static const arg_cols_fn ARGMIN_COLS[N_TYPES] = {COLS_ENTRY(argmin, b), COLS_ENTRY(argmin, i8),
    COLS_ENTRY(argmin, i16), COLS_ENTRY(argmin, i32), COLS_ENTRY(argmin, i64),
    COLS_ENTRY(argmin, u8), COLS_ENTRY(argmin, u16), COLS_ENTRY(argmin, u32),
    COLS_ENTRY(argmin, u64), COLS_ENTRY(argmin, f32), COLS_ENTRY(argmin, f64), NULL, NULL};
static const arg_fn ARGMAX[N_TYPES] = {argmax_b, argmax_i8, argmax_i16, argmax_i32, argmax_i64,
    argmax_u8, argmax_u16, argmax_u32, argmax_u64, argmax_f32, argmax_f64, NULL, NULL};
static const arg_fn ARGMIN[N_TYPES] = {argmin_b, argmin_i8, argmin_i16, argmin_i32, argmin_i64,
    argmin_u8, argmin_u16, argmin_u32, argmin_u64, argmin_f32, argmin_f64, NULL, NULL};

/* Walk the outer dimensions of x (all but the last) together with out's. */
typedef struct {
    int nd;  /* outer dims */
    npy_intp shape[NPY_MAXDIMS], xs[NPY_MAXDIMS], os[NPY_MAXDIMS];
    const char *x;
    char *out;
    npy_intp len, xstep, ostep;
    arg_fn arg;
    int t, product, include_initial;
} line_job;

static void line_pointers(const line_job *j, npy_intp k, const char **xp, char **op)
{
    const char *p = j->x;
    char *o = j->out;
    for (int d = j->nd - 1; d >= 0; d--) {
        npy_intp i = k % j->shape[d];
        k /= j->shape[d];
        p += i * j->xs[d];
        o += i * j->os[d];
    }
    *xp = p;
    *op = o;
}

static void arg_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    (void)chunk;
    const line_job *j = ctx;
    for (npy_intp k = lo; k < hi; k++) {
        const char *p;
        char *o;
        line_pointers(j, k, &p, &o);
        *(int64_t *)o = (int64_t)j->arg(p, j->len, j->xstep);
    }
}

/* One long line split across threads: each chunk's own arg-extremum, then the same
 * arg function over the chunks' winning elements (in chunk order: the first NaN, else
 * the first of the extremum) picks the chunk. */
#define ARG_MAX_CHUNKS 256
typedef struct {
    const line_job *j;
    npy_intp at[ARG_MAX_CHUNKS];
} split_job;

static void arg_split_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    split_job *sj = ctx;
    const line_job *j = sj->j;
    sj->at[chunk] = lo + j->arg(j->x + lo * j->xstep, hi - lo, j->xstep);
}

/* lines side by side: chunks of lines, in blocks of COLS_BLOCK (the running extrema) */
#define COLS_BLOCK 4096
typedef struct {
    const line_job *j;
    arg_cols_fn cols;
    npy_intp size;
} cols_job;

static void arg_cols_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    (void)chunk;
    const cols_job *cj = ctx;
    const line_job *j = cj->j;
    double best[COLS_BLOCK * sizeof(int64_t) / sizeof(double)];  /* 8-byte types at most */
    for (npy_intp c = lo; c < hi; c += COLS_BLOCK) {
        npy_intp n = hi - c < COLS_BLOCK ? hi - c : COLS_BLOCK;
        cj->cols(j->x + c * cj->size, j->len, j->xstep, n, best,
                 (int64_t *)(j->out + c * (npy_intp)sizeof(int64_t)));
    }
}

static int check_line_arrays(PyObject *xo, PyObject *oo, int need_same_type)
{
    if (!PyArray_CheckExact(xo) || !PyArray_CheckExact(oo)) {
        return -1;
    }
    PyArrayObject *x = (PyArrayObject *)xo, *o = (PyArrayObject *)oo;
    if (!PyArray_ISALIGNED(x) || !PyArray_ISALIGNED(o) || !PyArray_ISWRITEABLE(o)
        || PyArray_NDIM(x) < 1 || PyArray_NDIM(x) != PyArray_NDIM(o)) {
        return -1;
    }
    for (int d = 0; d < PyArray_NDIM(x) - 1; d++) {
        if (PyArray_DIM(x, d) != PyArray_DIM(o, d)) {
            return -1;
        }
    }
    int t = type_index(PyArray_DESCR(x));
    if (t == T_NONE || (need_same_type && t != type_index(PyArray_DESCR(o)))) {
        return -1;
    }
    return t;
}

static void fill_line_job(line_job *j, PyArrayObject *x, PyArrayObject *o)
{
    int nd = PyArray_NDIM(x) - 1;
    j->nd = nd;
    for (int d = 0; d < nd; d++) {
        j->shape[d] = PyArray_DIM(x, d);
        j->xs[d] = PyArray_STRIDE(x, d);
        j->os[d] = PyArray_STRIDE(o, d);
    }
    j->x = PyArray_BYTES(x);
    j->out = PyArray_BYTES(o);
    j->len = PyArray_DIM(x, nd);
    j->xstep = PyArray_STRIDE(x, nd);
    j->ostep = PyArray_STRIDE(o, nd);
}

static npy_intp outer_count(const line_job *j)
{
    npy_intp n = 1;
    for (int d = 0; d < j->nd; d++) {
        n *= j->shape[d];
    }
    return n;
}

/* arg_reduce(is_max, x, out): x has the reduced axis last (non-empty); out is an
 * int64 array with x's shape and a last axis of length 1. Returns out, or None when
 * the C code does not handle the input. */
PyObject *native_arg_reduce(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "arg_reduce(is_max, x, out)");
        return NULL;
    }
    int is_max = PyObject_IsTrue(args[0]);
    int t = check_line_arrays(args[1], args[2], 0);
    if (is_max < 0) {
        return NULL;
    }
    if (t < 0 || (is_max ? ARGMAX[t] : ARGMIN[t]) == NULL
        || type_index(PyArray_DESCR((PyArrayObject *)args[2])) != T_I64
        || PyArray_DIM((PyArrayObject *)args[1], PyArray_NDIM((PyArrayObject *)args[1]) - 1) == 0) {
        Py_RETURN_NONE;
    }
    line_job j;
    fill_line_job(&j, (PyArrayObject *)args[1], (PyArrayObject *)args[2]);
    j.arg = is_max ? ARGMAX[t] : ARGMIN[t];
    npy_intp lines = outer_count(&j);
    int chunks = pool_chunks_for((double)lines * (double)j.len);
    if (lines == 1 && chunks > 1) {
        split_job sj;
        char vals[ARG_MAX_CHUNKS * sizeof(c128_t)];
        const npy_intp size = TYPE_SIZE[t];
        if (chunks > ARG_MAX_CHUNKS) {
            chunks = ARG_MAX_CHUNKS;
        }
        sj.j = &j;
        Py_BEGIN_ALLOW_THREADS
        pool_run(j.len, chunks, arg_split_chunk, &sj);
        Py_END_ALLOW_THREADS
        for (int c = 0; c < chunks; c++) {
            memcpy(vals + c * size, j.x + sj.at[c] * j.xstep, (size_t)size);
        }
        *(int64_t *)j.out = (int64_t)sj.at[j.arg(vals, chunks, size)];
        Py_INCREF(args[2]);
        return args[2];
    }
    if (chunks > lines) {
        chunks = (int)lines;
    }
    const npy_intp size = TYPE_SIZE[t];
    if (j.nd == 1 && lines > 1 && j.xs[0] == size && j.os[0] == (npy_intp)sizeof(int64_t)
        && (j.xstep < 0 ? -j.xstep : j.xstep) > size) {
        cols_job cj = {&j, is_max ? ARGMAX_COLS[t] : ARGMIN_COLS[t], size};
        Py_BEGIN_ALLOW_THREADS
        pool_run(lines, chunks, arg_cols_chunk, &cj);
        Py_END_ALLOW_THREADS
        Py_INCREF(args[2]);
        return args[2];
    }
    Py_BEGIN_ALLOW_THREADS
    pool_run(lines, chunks, arg_chunk, &j);
    Py_END_ALLOW_THREADS
    Py_INCREF(args[2]);
    return args[2];
}

/* Running sums/products of a line, in the line's dtype (integers wrap). As NumPy's
 * accumulate, the first output is the first element itself, not 0 + x[0] or 1 * x[0]:
 * those differ for -0.0 (0 + -0 is +0) and for complex products (1 * (-0 - 0j) is
 * (+0 - 0j), 1 * (0 + inf j) has a NaN real part). include_initial writes the identity
 * (+0 or 1) before it, as the numpy backend's concatenation does. */
#define DEFINE_SCAN(SUF, T, ADD, MUL, ONE)                                            \
    static void scan_##SUF(const char *p, npy_intp n, npy_intp s, char *o, npy_intp os, \
                           int product, int initial)                                  \
    {                                                                                 \
        if (initial) {                                                                \
            *(T *)o = product ? ONE : (T){0};                                         \
            o += os;                                                                  \
        }                                                                             \
        if (n == 0) {                                                                 \
            return;                                                                   \
        }                                                                             \
        T acc = *(const T *)p;                                                        \
        *(T *)o = acc;                                                                \
        for (npy_intp i = 1; i < n; i++) {                                            \
            const T v = *(const T *)(p + i * s);                                      \
            acc = product ? MUL(acc, v) : ADD(acc, v);                                \
            *(T *)(o + i * os) = acc;                                                 \
        }                                                                             \
    }

#define IADD_(T, UT) static inline T add_##T(T a, T b) { return (T)((UT)a + (UT)b); } \
                     static inline T mul_##T(T a, T b) { return (T)((UT)a * 1u * (UT)b); }
IADD_(int8_t, uint8_t)
IADD_(int16_t, uint16_t)
IADD_(int32_t, uint32_t)
IADD_(int64_t, uint64_t)
IADD_(uint8_t, uint8_t)
IADD_(uint16_t, uint16_t)
IADD_(uint32_t, uint32_t)
IADD_(uint64_t, uint64_t)
#define FADD2(a, b) ((a) + (b))
#define FMUL2(a, b) ((a) * (b))
static inline c64_t cadd64(c64_t a, c64_t b) { return (c64_t){a.re + b.re, a.im + b.im}; }
static inline c64_t cmul64(c64_t a, c64_t b)
{
    return (c64_t){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}
static inline c128_t cadd128(c128_t a, c128_t b) { return (c128_t){a.re + b.re, a.im + b.im}; }
static inline c128_t cmul128(c128_t a, c128_t b)
{
    return (c128_t){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

DEFINE_SCAN(i8, int8_t, add_int8_t, mul_int8_t, 1)
DEFINE_SCAN(i16, int16_t, add_int16_t, mul_int16_t, 1)
DEFINE_SCAN(i32, int32_t, add_int32_t, mul_int32_t, 1)
DEFINE_SCAN(i64, int64_t, add_int64_t, mul_int64_t, 1)
DEFINE_SCAN(u8, uint8_t, add_uint8_t, mul_uint8_t, 1)
DEFINE_SCAN(u16, uint16_t, add_uint16_t, mul_uint16_t, 1)
DEFINE_SCAN(u32, uint32_t, add_uint32_t, mul_uint32_t, 1)
DEFINE_SCAN(u64, uint64_t, add_uint64_t, mul_uint64_t, 1)
DEFINE_SCAN(f32, float, FADD2, FMUL2, 1.0f)
DEFINE_SCAN(f64, double, FADD2, FMUL2, 1.0)
DEFINE_SCAN(c64, c64_t, cadd64, cmul64, ((c64_t){1.0f, 0.0f}))
DEFINE_SCAN(c128, c128_t, cadd128, cmul128, ((c128_t){1.0, 0.0}))

typedef void (*scan_fn)(const char *, npy_intp, npy_intp, char *, npy_intp, int, int);
static const scan_fn SCANS[N_TYPES] = {NULL, scan_i8, scan_i16, scan_i32, scan_i64, scan_u8,
    scan_u16, scan_u32, scan_u64, scan_f32, scan_f64, scan_c64, scan_c128};

static void scan_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    (void)chunk;
    const line_job *j = ctx;
    for (npy_intp k = lo; k < hi; k++) {
        const char *p;
        char *o;
        line_pointers(j, k, &p, &o);
        SCANS[j->t](p, j->len, j->xstep, o, j->ostep, j->product, j->include_initial);
    }
}

/* cumulative(product, x, out, include_initial): x (accumulation dtype, scanned axis
 * last) into out (same dtype; last axis one longer with include_initial). */
PyObject *native_cumulative(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "cumulative(product, x, out, include_initial)");
        return NULL;
    }
    int product = PyObject_IsTrue(args[0]);
    int initial = PyObject_IsTrue(args[3]);
    if (product < 0 || initial < 0) {
        return NULL;
    }
    int t = check_line_arrays(args[1], args[2], 1);
    if (t < 0 || SCANS[t] == NULL) {
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[1], *o = (PyArrayObject *)args[2];
    int last = PyArray_NDIM(x) - 1;
    if (PyArray_DIM(o, last) != PyArray_DIM(x, last) + (initial ? 1 : 0)) {
        Py_RETURN_NONE;
    }
    line_job j;
    fill_line_job(&j, x, o);
    j.t = t;
    j.product = product;
    j.include_initial = initial;
    npy_intp lines = outer_count(&j);
    int chunks = pool_chunks_for((double)lines * (double)(j.len + 1));
    if (chunks > lines) {
        chunks = lines > 0 ? (int)lines : 1;
    }
    Py_BEGIN_ALLOW_THREADS
    pool_run(lines, chunks, scan_chunk, &j);
    Py_END_ALLOW_THREADS
    Py_INCREF(args[2]);
    return args[2];
}

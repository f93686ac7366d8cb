/* Data movement: where, clip, astype (all casts between the standard's dtypes), take.
 *
 * Entry points take the kernel's raw arguments and return the result, or None when
 * the C code declines (an unusual dtype, unaligned or byte-swapped memory, an array
 * subclass, a value NumPy converts in a platform-specific way); the Python wrapper
 * (_movement.py) then calls the numpy kernel with the same arguments, so results are
 * always the reference's.
 */
#include "loops.h"

/* ------------------------------------------------------------------ shared */

static int plain_array(PyObject *o)
{
    return PyArray_CheckExact(o) && PyArray_ISALIGNED((PyArrayObject *)o)
           && type_index(PyArray_DESCR((PyArrayObject *)o)) != T_NONE;
}

static int array_type(PyObject *o)
{
    return type_index(PyArray_DESCR((PyArrayObject *)o));
}

/* Broadcast the shapes of n arrays into shape/ndim; -1 if they do not broadcast */
static int broadcast_arrays_shape(PyArrayObject *const *arrs, int n, npy_intp *shape, int *ndim)
{
    int nd = 0;
    for (int i = 0; i < n; i++) {
        if (PyArray_NDIM(arrs[i]) > nd) {
            nd = PyArray_NDIM(arrs[i]);
        }
    }
    for (int d = 0; d < nd; d++) {
        shape[d] = 1;
    }
    for (int i = 0; i < n; i++) {
        int ai = PyArray_NDIM(arrs[i]);
        for (int d = 0; d < ai; d++) {
            npy_intp len = PyArray_DIM(arrs[i], d);
            npy_intp *out = &shape[d + nd - ai];
            if (len == *out || len == 1) {
                continue;
            }
            if (*out != 1) {
                return -1;
            }
            *out = len;
        }
    }
    *ndim = nd;
    return 0;
}

/* Operand k of the iterator: array a broadcast to it->shape (zero strides) */
static void broadcast_operand(nd_iter *it, int k, PyArrayObject *a)
{
    int nd = PyArray_NDIM(a);
    it->data[k] = PyArray_BYTES(a);
    for (int d = 0; d < it->ndim; d++) {
        int src = d - (it->ndim - nd);
        it->strides[k][d] = (src < 0 || PyArray_DIM(a, src) == 1) ? 0 : PyArray_STRIDE(a, src);
    }
}

static void scalar_operand(nd_iter *it, int k, void *value)
{
    it->data[k] = value;
    for (int d = 0; d < it->ndim; d++) {
        it->strides[k][d] = 0;
    }
}

/* a cast to dtype t (new reference), or a new reference to a itself */
static PyArrayObject *as_type(PyArrayObject *a, int t)
{
    if (array_type((PyObject *)a) == t) {
        Py_INCREF(a);
        return a;
    }
    return (PyArrayObject *)PyArray_CastToType(a, PyArray_DescrFromType(TYPE_NUM[t]), 0);
}

/* ------------------------------------------------------------------ where */

typedef struct { uint64_t lo, hi; } bytes16;

#define WHERE_LOOP(NAME, T)                                                         \
    static CLONES void NAME(char *const *data, const npy_intp *steps, npy_intp n)  \
    {                                                                               \
        const char *pc = data[0], *pa = data[1], *pb = data[2];                     \
        char *po = data[3];                                                         \
        const npy_intp sc = steps[0], sa = steps[1], sb = steps[2], so = steps[3];  \
        if (sc == 1 && sa == sizeof(T) && sb == sizeof(T) && so == sizeof(T)) {     \
            const npy_bool *restrict c = (const npy_bool *)pc;                      \
            const T *restrict a = (const T *)pa;                                    \
            const T *restrict b = (const T *)pb;                                    \
            T *restrict o = (T *)po;                                                \
            for (npy_intp i = 0; i < n; i++) {                                      \
                o[i] = c[i] ? a[i] : b[i];                                          \
            }                                                                       \
        } else {                                                                    \
            for (npy_intp i = 0; i < n; i++) {                                      \
                const T *src = *(const npy_bool *)(pc + i * sc)                     \
                    ? (const T *)(pa + i * sa) : (const T *)(pb + i * sb);          \
                *(T *)(po + i * so) = *src;                                         \
            }                                                                       \
        }                                                                           \
    }
WHERE_LOOP(where_1, uint8_t)
WHERE_LOOP(where_2, uint16_t)
WHERE_LOOP(where_4, uint32_t)
WHERE_LOOP(where_8, uint64_t)
WHERE_LOOP(where_16, bytes16)

PyObject *native_where(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "where(condition, x1, x2)");
        return NULL;
    }
    if (!plain_array(args[0]) || !plain_array(args[1]) || !plain_array(args[2])
        || array_type(args[0]) != T_BOOL) {
        Py_RETURN_NONE;
    }
    int t1 = array_type(args[1]), t2 = array_type(args[2]), t = t1;
    if (t1 != t2) {
        PyArray_Descr *dc = PyArray_PromoteTypes(PyArray_DESCR((PyArrayObject *)args[1]),
                                                 PyArray_DESCR((PyArrayObject *)args[2]));
        if (dc == NULL) {
            PyErr_Clear();
            Py_RETURN_NONE;
        }
        t = type_index(dc);
        Py_DECREF(dc);
        if (t == T_NONE) {
            Py_RETURN_NONE;
        }
    }
    PyArrayObject *cond = (PyArrayObject *)args[0];
    PyArrayObject *x1 = as_type((PyArrayObject *)args[1], t);
    PyArrayObject *x2 = x1 ? as_type((PyArrayObject *)args[2], t) : NULL;
    PyObject *result = NULL;
    if (x2 == NULL) {
        goto done;
    }
    nd_iter it;
    it.nop = 4;
    PyArrayObject *arrs[3] = {cond, x1, x2};
    if (broadcast_arrays_shape(arrs, 3, it.shape, &it.ndim) < 0) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    PyArrayObject *out = new_array(it.ndim, it.shape, t);
    if (out == NULL) {
        goto done;
    }
    for (int k = 0; k < 3; k++) {
        broadcast_operand(&it, k, arrs[k]);
    }
    broadcast_operand(&it, 3, out);
    it.size = PyArray_SIZE(out);
    iter_coalesce(&it);
    static const loop_fn BY_SIZE[17] = {
        [1] = where_1, [2] = where_2, [4] = where_4, [8] = where_8, [16] = where_16,
    };
    iter_run(&it, BY_SIZE[TYPE_SIZE[t]], 1.0);
    result = (PyObject *)out;
done:
    Py_XDECREF(x1);
    Py_XDECREF(x2);
    return result;
}

/* ------------------------------------------------------------------ clip */

/* NumPy's maximum/minimum (the elementwise kernels' formulas): NaN in either operand
 * propagates; for equal values the second operand is returned. */
#define MAXIMUM_F(x, y) (((x) > (y) || (x) != (x)) ? (x) : (y))
#define MINIMUM_F(x, y) (((x) < (y) || (x) != (x)) ? (x) : (y))
#define MAXIMUM_I(x, y) ((x) >= (y) ? (x) : (y))
#define MINIMUM_I(x, y) ((x) <= (y) ? (x) : (y))

#define CLIP_LOOP(NAME, T, MAX, MIN)                                                \
    static CLONES void NAME(char *const *data, const npy_intp *steps, npy_intp n)  \
    {                                                                               \
        const char *px = data[0], *pl = data[1], *ph = data[2];                     \
        char *po = data[3];                                                         \
        const npy_intp sx = steps[0], sl = steps[1], sh = steps[2], so = steps[3];  \
        if (sx == sizeof(T) && sl == 0 && sh == 0 && so == sizeof(T)) {             \
            const T *restrict x = (const T *)px;                                    \
            const T lo = *(const T *)pl, hi = *(const T *)ph;                       \
            T *restrict o = (T *)po;                                                \
            for (npy_intp i = 0; i < n; i++) {                                      \
                const T v = MAX(x[i], lo);                                          \
                o[i] = MIN(v, hi);                                                  \
            }                                                                       \
        } else {                                                                    \
            for (npy_intp i = 0; i < n; i++) {                                      \
                const T lo = *(const T *)(pl + i * sl), hi = *(const T *)(ph + i * sh); \
                const T v = MAX(*(const T *)(px + i * sx), lo);                     \
                *(T *)(po + i * so) = MIN(v, hi);                                   \
            }                                                                       \
        }                                                                           \
    }
CLIP_LOOP(clip_i8, int8_t, MAXIMUM_I, MINIMUM_I)
CLIP_LOOP(clip_i16, int16_t, MAXIMUM_I, MINIMUM_I)
CLIP_LOOP(clip_i32, int32_t, MAXIMUM_I, MINIMUM_I)
CLIP_LOOP(clip_i64, int64_t, MAXIMUM_I, MINIMUM_I)
CLIP_LOOP(clip_u8, uint8_t, MAXIMUM_I, MINIMUM_I)
CLIP_LOOP(clip_u16, uint16_t, MAXIMUM_I, MINIMUM_I)
CLIP_LOOP(clip_u32, uint32_t, MAXIMUM_I, MINIMUM_I)
CLIP_LOOP(clip_u64, uint64_t, MAXIMUM_I, MINIMUM_I)
CLIP_LOOP(clip_f32, float, MAXIMUM_F, MINIMUM_F)
CLIP_LOOP(clip_f64, double, MAXIMUM_F, MINIMUM_F)

static const loop_fn CLIP_LOOPS[N_TYPES] = {
    [T_I8] = clip_i8, [T_I16] = clip_i16, [T_I32] = clip_i32, [T_I64] = clip_i64,
    [T_U8] = clip_u8, [T_U16] = clip_u16, [T_U32] = clip_u32, [T_U64] = clip_u64,
    [T_F32] = clip_f32, [T_F64] = clip_f64,
};

typedef union {
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
} real_value;

/* The bound that leaves every value unchanged (max(x, -inf) is x, NaN included) */
static void no_bound(int t, int upper, real_value *v)
{
    switch (t) {
    case T_I8: v->i8 = upper ? INT8_MAX : INT8_MIN; break;
    case T_I16: v->i16 = upper ? INT16_MAX : INT16_MIN; break;
    case T_I32: v->i32 = upper ? INT32_MAX : INT32_MIN; break;
    case T_I64: v->i64 = upper ? INT64_MAX : INT64_MIN; break;
    case T_U8: v->u8 = upper ? UINT8_MAX : 0; break;
    case T_U16: v->u16 = upper ? UINT16_MAX : 0; break;
    case T_U32: v->u32 = upper ? UINT32_MAX : 0; break;
    case T_U64: v->u64 = upper ? UINT64_MAX : 0; break;
    case T_F32: v->f32 = upper ? INFINITY : -INFINITY; break;
    default: v->f64 = upper ? INFINITY : -INFINITY; break;
    }
}

/* A Python bool/int/float bound as a value of dtype t, the way NumPy's weak scalar
 * converts it. 1: not exactly representable (NumPy promotes, raises or warns), so
 * the caller declines; -1 with an exception set. */
static int scalar_bound(PyObject *o, int t, real_value *v)
{
    if (PyFloat_CheckExact(o)) {
        double d = PyFloat_AS_DOUBLE(o);
        if (t == T_F64) {
            v->f64 = d;
            return 0;
        }
        if (t == T_F32) {
            v->f32 = (float)d;
            /* overflow to inf: NumPy warns; let it */
            return isinf(v->f32) && !isinf(d);
        }
        return 1;
    }
    if (!PyLong_Check(o) || !(PyBool_Check(o) || PyLong_CheckExact(o))) {
        return 1;
    }
    int overflow = 0;
    long long s = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (s == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow) {
        if (overflow < 0 || t != T_U64) {
            return 1;
        }
        unsigned long long u = PyLong_AsUnsignedLongLong(o);
        if (u == (unsigned long long)-1 && PyErr_Occurred()) {
            PyErr_Clear();
            return 1;
        }
        v->u64 = u;
        return 0;
    }
#define FITS(LO, HI, FIELD, TYPE)                                    \
    if (s < (long long)(LO) || (s > 0 && (unsigned long long)s > (unsigned long long)(HI))) \
        return 1;                                                    \
    v->FIELD = (TYPE)s;                                              \
    return 0;
    switch (t) {
    case T_I8: FITS(INT8_MIN, INT8_MAX, i8, int8_t)
    case T_I16: FITS(INT16_MIN, INT16_MAX, i16, int16_t)
    case T_I32: FITS(INT32_MIN, INT32_MAX, i32, int32_t)
    case T_I64: FITS(INT64_MIN, INT64_MAX, i64, int64_t)
    case T_U8: FITS(0, UINT8_MAX, u8, uint8_t)
    case T_U16: FITS(0, UINT16_MAX, u16, uint16_t)
    case T_U32: FITS(0, UINT32_MAX, u32, uint32_t)
    case T_U64: FITS(0, UINT64_MAX, u64, uint64_t)
    default:
        /* exact in double (NumPy converts a weak int to the float dtype through it) */
        if (s > (1LL << 53) || s < -(1LL << 53)) {
            return 1;
        }
        if (t == T_F32) {
            v->f32 = (float)(double)s;
        } else {
            v->f64 = (double)s;
        }
        return 0;
    }
#undef FITS
}

/* clip(x, lo, hi): lo/hi None, a Python scalar or an array of x's dtype that
 * broadcasts to x's shape. */
PyObject *native_clip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "clip(x, lo, hi)");
        return NULL;
    }
    if (!plain_array(args[0])) {
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[0];
    int t = array_type(args[0]);
    if (CLIP_LOOPS[t] == NULL) {
        Py_RETURN_NONE;
    }
    nd_iter it;
    it.nop = 4;
    it.ndim = PyArray_NDIM(x);
    for (int d = 0; d < it.ndim; d++) {
        it.shape[d] = PyArray_DIM(x, d);
    }
    real_value values[2];
    for (int k = 0; k < 2; k++) {
        PyObject *b = args[1 + k];
        if (b == Py_None) {
            no_bound(t, k, &values[k]);
            scalar_operand(&it, 1 + k, &values[k]);
        } else if (PyArray_Check(b)) {
            PyArrayObject *arr = (PyArrayObject *)b;
            if (!plain_array(b) || array_type(b) != t || PyArray_NDIM(arr) > it.ndim) {
                Py_RETURN_NONE;
            }
            for (int d = 0; d < PyArray_NDIM(arr); d++) {
                npy_intp len = PyArray_DIM(arr, d);
                if (len != 1 && len != it.shape[d + it.ndim - PyArray_NDIM(arr)]) {
                    Py_RETURN_NONE;
                }
            }
            broadcast_operand(&it, 1 + k, arr);
        } else {
            int rc = scalar_bound(b, t, &values[k]);
            if (rc < 0) {
                return NULL;
            }
            if (rc > 0) {
                Py_RETURN_NONE;
            }
            scalar_operand(&it, 1 + k, &values[k]);
        }
    }
    PyArrayObject *out = new_array(it.ndim, it.shape, t);
    if (out == NULL) {
        return NULL;
    }
    broadcast_operand(&it, 0, x);
    broadcast_operand(&it, 3, out);
    it.size = PyArray_SIZE(out);
    iter_coalesce(&it);
    iter_run(&it, CLIP_LOOPS[t], 1.0);
    return (PyObject *)out;
}

/* ------------------------------------------------------------------ astype */

/* Casts between the 13 dtypes, C conversions with NumPy's meaning: bool is x != 0
 * (complex: either part nonzero), complex to real keeps the real part, integers
 * narrow by wrapping (two's complement), floats truncate toward zero into integers.
 * A float whose truncation does not fit the integer dtype (NaN, inf, out of range)
 * has no portable C conversion and NumPy's result depends on the CPU's instructions,
 * so a loop that meets one raises a flag (operand 2) and the whole cast is handed to
 * NumPy. The range tests compare in double, where every bound is exact. */
#define IN_RANGE_i8(v) ((v) > -129.0 && (v) < 128.0)
#define IN_RANGE_i16(v) ((v) > -32769.0 && (v) < 32768.0)
#define IN_RANGE_i32(v) ((v) > -2147483649.0 && (v) < 2147483648.0)
#define IN_RANGE_i64(v) ((v) >= -0x1p63 && (v) < 0x1p63)
#define IN_RANGE_u8(v) ((v) > -1.0 && (v) < 256.0)
#define IN_RANGE_u16(v) ((v) > -1.0 && (v) < 65536.0)
#define IN_RANGE_u32(v) ((v) > -1.0 && (v) < 4294967296.0)
#define IN_RANGE_u64(v) ((v) > -1.0 && (v) < 0x1p64)

/* CONV_<source kind>_<destination kind>(x, destination type, its part type) */
#define CONV_KB_KB(x, DT, DP) (DT)((x) != 0)
#define CONV_KB_KI(x, DT, DP) (DT)((x) != 0)
#define CONV_KB_KF(x, DT, DP) (DT)((x) != 0)
#define CONV_KB_KC(x, DT, DP) ((DT){(DP)((x) != 0), 0})
#define CONV_KI_KB(x, DT, DP) (DT)((x) != 0)
#define CONV_KI_KI(x, DT, DP) (DT)(x)
#define CONV_KI_KF(x, DT, DP) (DT)(x)
#define CONV_KI_KC(x, DT, DP) ((DT){(DP)(x), 0})
#define CONV_KF_KB(x, DT, DP) (DT)((x) != 0)
#define CONV_KF_KI(x, DT, DP) (DT)(x)
#define CONV_KF_KF(x, DT, DP) (DT)(x)
#define CONV_KF_KC(x, DT, DP) ((DT){(DP)(x), 0})
#define CONV_KC_KB(x, DT, DP) (DT)((x).re != 0 || (x).im != 0)
#define CONV_KC_KI(x, DT, DP) (DT)((x).re)
#define CONV_KC_KF(x, DT, DP) (DT)((x).re)
#define CONV_KC_KC(x, DT, DP) ((DT){(DP)(x).re, (DP)(x).im})
/* OK_<source kind>_<destination kind>(x, destination suffix): 1 where C converts */
#define OK_KB_KB(x, ds) 1
#define OK_KB_KI(x, ds) 1
#define OK_KB_KF(x, ds) 1
#define OK_KB_KC(x, ds) 1
#define OK_KI_KB(x, ds) 1
#define OK_KI_KI(x, ds) 1
#define OK_KI_KF(x, ds) 1
#define OK_KI_KC(x, ds) 1
#define OK_KF_KB(x, ds) 1
#define OK_KF_KI(x, ds) IN_RANGE_##ds((double)(x))
#define OK_KF_KF(x, ds) 1
#define OK_KF_KC(x, ds) 1
#define OK_KC_KB(x, ds) 1
#define OK_KC_KI(x, ds) IN_RANGE_##ds((double)(x).re)
#define OK_KC_KF(x, ds) 1
#define OK_KC_KC(x, ds) 1

#define CAST_LOOP(NAME, ST, DT, CONV, OK)                                           \
    static CLONES void NAME(char *const *data, const npy_intp *steps, npy_intp n)  \
    {                                                                               \
        const char *pa = data[0];                                                   \
        char *po = data[1];                                                         \
        const npy_intp sa = steps[0], so = steps[1];                                \
        int bad = 0;                                                                \
        if (sa == sizeof(ST) && so == sizeof(DT)) {                                 \
            const ST *restrict a = (const ST *)pa;                                  \
            DT *restrict o = (DT *)po;                                              \
            for (npy_intp i = 0; i < n; i++) {                                      \
                const ST x = a[i];                                                  \
                const int ok = (OK);                                                \
                bad |= !ok;                                                         \
                o[i] = ok ? (CONV) : (DT){0};                                       \
            }                                                                       \
        } else {                                                                    \
            for (npy_intp i = 0; i < n; i++) {                                      \
                const ST x = *(const ST *)(pa + i * sa);                            \
                const int ok = (OK);                                                \
                bad |= !ok;                                                         \
                *(DT *)(po + i * so) = ok ? (CONV) : (DT){0};                       \
            }                                                                       \
        }                                                                           \
        if (bad) {                                                                  \
            __atomic_store_n((int *)data[2], 1, __ATOMIC_RELAXED);                  \
        }                                                                           \
    }

/* (suffix, C type, kind, part type) of each dtype, twice: the lists nest. The kinds
 * are KB/KI/KF/KC (a bare I is complex.h's imaginary unit). */
#define SRC_TYPES(X, ...)                                                               \
    X(b, npy_bool, KB, npy_bool, __VA_ARGS__) X(i8, int8_t, KI, int8_t, __VA_ARGS__)      \
    X(i16, int16_t, KI, int16_t, __VA_ARGS__) X(i32, int32_t, KI, int32_t, __VA_ARGS__)   \
    X(i64, int64_t, KI, int64_t, __VA_ARGS__) X(u8, uint8_t, KI, uint8_t, __VA_ARGS__)    \
    X(u16, uint16_t, KI, uint16_t, __VA_ARGS__) X(u32, uint32_t, KI, uint32_t, __VA_ARGS__) \
    X(u64, uint64_t, KI, uint64_t, __VA_ARGS__) X(f32, float, KF, float, __VA_ARGS__)     \
    X(f64, double, KF, double, __VA_ARGS__) X(c64, c64_t, KC, float, __VA_ARGS__)         \
    X(c128, c128_t, KC, double, __VA_ARGS__)
#define DST_TYPES(X)                                                                    \
    X(b, npy_bool, KB, npy_bool) X(i8, int8_t, KI, int8_t) X(i16, int16_t, KI, int16_t)    \
    X(i32, int32_t, KI, int32_t) X(i64, int64_t, KI, int64_t) X(u8, uint8_t, KI, uint8_t)  \
    X(u16, uint16_t, KI, uint16_t) X(u32, uint32_t, KI, uint32_t)                         \
    X(u64, uint64_t, KI, uint64_t) X(f32, float, KF, float) X(f64, double, KF, double)     \
    X(c64, c64_t, KC, float) X(c128, c128_t, KC, double)

#define DEF_CAST(ss, ST, SK, SP, ds, DT, DK, DP) \
    CAST_LOOP(cast_##ss##_##ds, ST, DT, CONV_##SK##_##DK(x, DT, DP), OK_##SK##_##DK(x, ds))
#define DEF_CASTS_TO(ds, DT, DK, DP) SRC_TYPES(DEF_CAST, ds, DT, DK, DP)
DST_TYPES(DEF_CASTS_TO)

#define CAST_ENTRY(ss, ST, SK, SP, ds) cast_##ss##_##ds,
#define CAST_ROW(ds, DT, DK, DP) {SRC_TYPES(CAST_ENTRY, ds)},
/* CASTS[destination][source], in the T_* order of both lists */
static const loop_fn CASTS[N_TYPES][N_TYPES] = {DST_TYPES(CAST_ROW)};

/* astype(x, dtype, copy): x converted to dtype in a new array laid out like x
 * (NumPy's order='K'). copy=False is left to NumPy (it may return x itself). */
PyObject *native_astype(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "astype(x, dtype, copy)");
        return NULL;
    }
    int copy = PyObject_IsTrue(args[2]);
    if (copy < 0) {
        return NULL;
    }
    if (!copy || !plain_array(args[0])) {
        Py_RETURN_NONE;
    }
    PyArray_Descr *descr = NULL;
    if (!PyArray_DescrConverter2(args[1], &descr)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    int dst = descr ? type_index(descr) : T_NONE;
    if (dst == T_NONE) {
        Py_XDECREF(descr);
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[0];
    int src = array_type(args[0]);
    /* steals descr */
    PyArrayObject *out = (PyArrayObject *)PyArray_NewLikeArray(x, NPY_KEEPORDER, descr, 0);
    if (out == NULL) {
        return NULL;
    }
    int invalid = 0;
    nd_iter it;
    it.nop = 3;
    it.ndim = PyArray_NDIM(x);
    for (int d = 0; d < it.ndim; d++) {
        it.shape[d] = PyArray_DIM(x, d);
    }
    broadcast_operand(&it, 0, x);
    broadcast_operand(&it, 1, out);
    scalar_operand(&it, 2, &invalid);
    it.size = PyArray_SIZE(x);
    iter_coalesce(&it);
    iter_run(&it, CASTS[dst][src], 1.0);
    if (invalid) {  /* a value without a portable conversion: NumPy decides */
        Py_DECREF(out);
        Py_RETURN_NONE;
    }
    return (PyObject *)out;
}

/* ------------------------------------------------------------------ take */

typedef struct {
    const char *src;          /* x's data */
    char *dst;                /* the result, C-contiguous */
    const npy_intp *indices;  /* contiguous, each in [-n, n) */
    npy_intp n_indices;
    npy_intp n;               /* x's length along axis */
    npy_intp axis_stride;
    int outer_nd, inner_nd;
    npy_intp outer_shape[NPY_MAXDIMS], outer_strides[NPY_MAXDIMS];
    npy_intp inner_shape[NPY_MAXDIMS], inner_strides[NPY_MAXDIMS];
    npy_intp inner_size;      /* elements per index */
    int itemsize;
    int inner_contiguous;     /* the inner block is one contiguous run */
} take_job;

/* Copies an nd strided block of elements into contiguous dst */
static char *copy_block(char *dst, const char *src, int nd, const npy_intp *shape,
                        const npy_intp *strides, int itemsize)
{
    if (nd == 0) {
        memcpy(dst, src, (size_t)itemsize);
        return dst + itemsize;
    }
    for (npy_intp i = 0; i < shape[0]; i++) {
        dst = copy_block(dst, src + i * strides[0], nd - 1, shape + 1, strides + 1, itemsize);
    }
    return dst;
}

#define GATHER(T)                                                                   \
    for (npy_intp u = lo; u < hi; u++) {                                            \
        npy_intp i = idx[u];                                                        \
        i += i < 0 ? n : 0;                                                         \
        ((T *)job->dst)[u] = *(const T *)(base + i * stride);                       \
    }

static void take_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    (void)chunk;
    const take_job *job = ctx;
    const npy_intp n = job->n, stride = job->axis_stride;
    if (job->outer_nd == 0 && job->inner_size == 1 && job->inner_nd == 0) {
        /* a 1-d gather (the common case): typed loads */
        const char *base = job->src;
        const npy_intp *idx = job->indices;
        switch (job->itemsize) {
        case 1: GATHER(uint8_t) return;
        case 2: GATHER(uint16_t) return;
        case 4: GATHER(uint32_t) return;
        case 8: GATHER(uint64_t) return;
        default: GATHER(bytes16) return;
        }
    }
    const size_t block = (size_t)job->inner_size * (size_t)job->itemsize;
    npy_intp outer = -1;
    const char *base = NULL;
    for (npy_intp u = lo; u < hi; u++) {
        npy_intp o = u / job->n_indices, j = u % job->n_indices;
        if (o != outer) {
            outer = o;
            base = job->src;
            npy_intp rem = o;
            for (int d = job->outer_nd - 1; d >= 0; d--) {
                base += (rem % job->outer_shape[d]) * job->outer_strides[d];
                rem /= job->outer_shape[d];
            }
        }
        npy_intp i = job->indices[j];
        i += i < 0 ? n : 0;
        const char *src = base + i * stride;
        char *dst = job->dst + (size_t)u * block;
        if (job->inner_contiguous) {
            memcpy(dst, src, block);
        } else {
            copy_block(dst, src, job->inner_nd, job->inner_shape, job->inner_strides,
                       job->itemsize);
        }
    }
}

/* take(x, indices, axis): result shape x.shape[:axis] + indices.shape +
 * x.shape[axis+1:], as np.take. An index outside [-n, n) is left to NumPy (it raises
 * IndexError). */
PyObject *native_take(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "take(x, indices, axis)");
        return NULL;
    }
    if (!plain_array(args[0]) || !plain_array(args[1])) {
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[0];
    PyArrayObject *ind = (PyArrayObject *)args[1];
    int ti = array_type(args[1]);
    if (ti == T_BOOL || ti == T_U64 || ti > T_U64 || PyArray_NDIM(x) == 0) {
        Py_RETURN_NONE;
    }
    long axis = PyLong_AsLong(args[2]);
    if (axis == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    const int nd = PyArray_NDIM(x);
    if (axis < -nd || axis >= nd) {
        Py_RETURN_NONE;
    }
    axis = axis < 0 ? axis + nd : axis;
    const int ind_nd = PyArray_NDIM(ind);
    if (nd - 1 + ind_nd > NPY_MAXDIMS) {
        Py_RETURN_NONE;
    }
    /* the indices as a contiguous intp array (no copy when they already are one) */
    PyArrayObject *flat = (PyArrayObject *)PyArray_FromAny(
        (PyObject *)ind, PyArray_DescrFromType(NPY_INTP), 0, 0,
        NPY_ARRAY_C_CONTIGUOUS | NPY_ARRAY_ALIGNED, NULL);
    if (flat == NULL) {
        return NULL;
    }
    take_job job;
    job.n = PyArray_DIM(x, (int)axis);
    job.n_indices = PyArray_SIZE(flat);
    job.indices = (const npy_intp *)PyArray_DATA(flat);
    for (npy_intp j = 0; j < job.n_indices; j++) {
        if (job.indices[j] < -job.n || job.indices[j] >= job.n) {
            Py_DECREF(flat);
            Py_RETURN_NONE;
        }
    }
    npy_intp shape[NPY_MAXDIMS];
    int out_nd = 0;
    job.outer_nd = (int)axis;
    job.inner_nd = 0;
    job.inner_size = 1;
    npy_intp outer_size = 1;
    for (int d = 0; d < axis; d++) {
        shape[out_nd++] = PyArray_DIM(x, d);
        job.outer_shape[d] = PyArray_DIM(x, d);
        job.outer_strides[d] = PyArray_STRIDE(x, d);
        outer_size *= PyArray_DIM(x, d);
    }
    for (int d = 0; d < ind_nd; d++) {
        shape[out_nd++] = PyArray_DIM(ind, d);
    }
    for (int d = (int)axis + 1; d < nd; d++) {
        shape[out_nd++] = PyArray_DIM(x, d);
        job.inner_shape[job.inner_nd] = PyArray_DIM(x, d);
        job.inner_strides[job.inner_nd++] = PyArray_STRIDE(x, d);
        job.inner_size *= PyArray_DIM(x, d);
    }
    int t = array_type(args[0]);
    PyArrayObject *out = new_array(out_nd, shape, t);  /* checks the size for overflow */
    if (out == NULL) {
        Py_DECREF(flat);
        return NULL;
    }
    job.itemsize = TYPE_SIZE[t];
    job.src = PyArray_BYTES(x);
    job.dst = PyArray_BYTES(out);
    job.axis_stride = PyArray_STRIDE(x, (int)axis);
    job.inner_contiguous = 1;
    npy_intp expect = job.itemsize;
    for (int d = job.inner_nd - 1; d >= 0; d--) {
        if (job.inner_shape[d] != 1 && job.inner_strides[d] != expect) {
            job.inner_contiguous = 0;
        }
        expect *= job.inner_shape[d];
    }
    /* units: (outer position, index) pairs, each copying inner_size elements; the
     * result is nonempty so outer_size * n_indices fits (it divides its size) */
    npy_intp units = PyArray_SIZE(out) == 0 ? 0 : outer_size * job.n_indices;
    if (units > 0) {
        double work = (double)units * (double)job.inner_size;
        int chunks = work < 32768.0 ? 1 : pool_chunks_for(work);
        if (chunks == 1) {
            take_chunk(&job, 0, 0, units);
        } else {
            Py_BEGIN_ALLOW_THREADS
            pool_run(units, chunks, take_chunk, &job);
            Py_END_ALLOW_THREADS
        }
    }
    Py_DECREF(flat);
    return (PyObject *)out;
}

/* ------------------------------------------------------------------ take_along_axis */

/* Operand 0: x's data with stride 0 along axis (the index supplies that offset);
 * operand 1: the indices as intp, each already checked to lie in [-n, n);
 * operand 2: the result; operand 3 (stride 0): {n, x's stride along axis}. */
#define ALONG_LOOP(NAME, T)                                                         \
    static CLONES void NAME(char *const *data, const npy_intp *steps, npy_intp n)  \
    {                                                                               \
        const char *px = data[0], *pi = data[1];                                    \
        char *po = data[2];                                                         \
        const npy_intp len = ((const npy_intp *)data[3])[0];                        \
        const npy_intp axis_stride = ((const npy_intp *)data[3])[1];                \
        const npy_intp sx = steps[0], si = steps[1], so = steps[2];                 \
        for (npy_intp u = 0; u < n; u++) {                                          \
            npy_intp i = *(const npy_intp *)(pi + u * si);                          \
            i += i < 0 ? len : 0;                                                   \
            *(T *)(po + u * so) = *(const T *)(px + u * sx + i * axis_stride);      \
        }                                                                           \
    }
ALONG_LOOP(along_1, uint8_t)
ALONG_LOOP(along_2, uint16_t)
ALONG_LOOP(along_4, uint32_t)
ALONG_LOOP(along_8, uint64_t)
ALONG_LOOP(along_16, bytes16)

/* A contiguous intp copy of integer indices (a new reference to them when they
 * already are one). NULL without an exception for index dtypes the C code leaves to
 * NumPy (bool, uint64: values past intp); NULL with one when the copy fails. */
static PyArrayObject *intp_indices(PyObject *ind)
{
    int ti = array_type(ind);
    if (ti == T_BOOL || ti == T_U64 || ti > T_U64) {
        return NULL;
    }
    return (PyArrayObject *)PyArray_FromAny(ind, PyArray_DescrFromType(NPY_INTP), 0, 0,
                                            NPY_ARRAY_C_CONTIGUOUS | NPY_ARRAY_ALIGNED, NULL);
}

static int indices_in_range(PyArrayObject *flat, npy_intp n)
{
    const npy_intp *idx = (const npy_intp *)PyArray_DATA(flat);
    const npy_intp size = PyArray_SIZE(flat);
    for (npy_intp j = 0; j < size; j++) {
        if (idx[j] < -n || idx[j] >= n) {
            return 0;
        }
    }
    return 1;
}

/* take_along_axis(x, indices, axis): as np.take_along_axis, the dimensions other than
 * axis broadcast between x and indices. An index outside [-n, n) is left to NumPy. */
PyObject *native_take_along_axis(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "take_along_axis(x, indices, axis)");
        return NULL;
    }
    if (!plain_array(args[0]) || !plain_array(args[1])) {
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[0];
    PyArrayObject *ind = (PyArrayObject *)args[1];
    const int nd = PyArray_NDIM(x);
    if (nd == 0 || PyArray_NDIM(ind) != nd) {
        Py_RETURN_NONE;
    }
    long axis = PyLong_AsLong(args[2]);
    if (axis == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    if (axis < -nd || axis >= nd) {
        Py_RETURN_NONE;
    }
    axis = axis < 0 ? axis + nd : axis;
    nd_iter it;
    it.nop = 4;
    it.ndim = nd;
    for (int d = 0; d < nd; d++) {
        npy_intp a = PyArray_DIM(x, d), b = PyArray_DIM(ind, d);
        if (d == axis) {
            it.shape[d] = b;
        } else if (a == b || b == 1) {
            it.shape[d] = a;
        } else if (a == 1) {
            it.shape[d] = b;
        } else {
            Py_RETURN_NONE;  /* does not broadcast: NumPy raises */
        }
    }
    PyArrayObject *flat = intp_indices(args[1]);
    if (flat == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    npy_intp ctx[2] = {PyArray_DIM(x, (int)axis), PyArray_STRIDE(x, (int)axis)};
    if (!indices_in_range(flat, ctx[0])) {
        Py_DECREF(flat);
        Py_RETURN_NONE;
    }
    int t = array_type(args[0]);
    PyArrayObject *out = new_array(nd, it.shape, t);
    if (out == NULL) {
        Py_DECREF(flat);
        return NULL;
    }
    broadcast_operand(&it, 0, x);
    it.strides[0][axis] = 0;
    broadcast_operand(&it, 1, flat);
    broadcast_operand(&it, 2, out);
    scalar_operand(&it, 3, ctx);
    it.size = PyArray_SIZE(out);
    iter_coalesce(&it);
    static const loop_fn BY_SIZE[17] = {
        [1] = along_1, [2] = along_2, [4] = along_4, [8] = along_8, [16] = along_16,
    };
    iter_run(&it, BY_SIZE[TYPE_SIZE[t]], 1.0);
    Py_DECREF(flat);
    return (PyObject *)out;
}

/* ------------------------------------------------------------------ concat, stack */

#define COPY_LOOP(NAME, T)                                                          \
    static CLONES void NAME(char *const *data, const npy_intp *steps, npy_intp n)  \
    {                                                                               \
        const char *pa = data[0];                                                   \
        char *po = data[1];                                                         \
        const npy_intp sa = steps[0], so = steps[1];                                \
        if (sa == sizeof(T) && so == sizeof(T)) {                                   \
            memcpy(po, pa, (size_t)n * sizeof(T));                                  \
            return;                                                                 \
        }                                                                           \
        for (npy_intp i = 0; i < n; i++) {                                          \
            *(T *)(po + i * so) = *(const T *)(pa + i * sa);                        \
        }                                                                           \
    }
COPY_LOOP(copy_1, uint8_t)
COPY_LOOP(copy_2, uint16_t)
COPY_LOOP(copy_4, uint32_t)
COPY_LOOP(copy_8, uint64_t)
COPY_LOOP(copy_16, bytes16)

static const loop_fn COPY_BY_SIZE[17] = {
    [1] = copy_1, [2] = copy_2, [4] = copy_4, [8] = copy_8, [16] = copy_16,
};

/* Copy array a (any strides) into the block of the result at dst, laid out with
 * dst_strides over a's shape. */
static void copy_into(PyArrayObject *a, char *dst, const npy_intp *dst_strides, int t)
{
    nd_iter it;
    it.nop = 2;
    it.ndim = PyArray_NDIM(a);
    for (int d = 0; d < it.ndim; d++) {
        it.shape[d] = PyArray_DIM(a, d);
        it.strides[1][d] = dst_strides[d];
    }
    broadcast_operand(&it, 0, a);
    it.data[1] = dst;
    it.size = PyArray_SIZE(a);
    iter_coalesce(&it);
    iter_run(&it, COPY_BY_SIZE[TYPE_SIZE[t]], 0.25);
}

/* The common dtype of arrays[0..n) when all are plain arrays of one dtype, else T_NONE */
static int same_plain_type(PyObject *const *arrays, Py_ssize_t n)
{
    if (n < 1 || !plain_array(arrays[0])) {
        return T_NONE;
    }
    int t = array_type(arrays[0]);
    for (Py_ssize_t k = 1; k < n; k++) {
        if (!plain_array(arrays[k]) || array_type(arrays[k]) != t) {
            return T_NONE;
        }
    }
    return t;
}

/* The result dtype of concat: dtype (None: the arrays' promoted dtype), when every
 * array is a plain one that NumPy's concatenate casts to it (casting="same_kind");
 * else T_NONE. */
static int concat_type(PyObject *dtype, PyObject *const *arrays, Py_ssize_t n)
{
    if (n < 1) {
        return T_NONE;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        if (!plain_array(arrays[k])) {
            return T_NONE;
        }
    }
    PyArray_Descr *descr = NULL;
    if (dtype != Py_None) {
        if (!PyArray_DescrConverter2(dtype, &descr)) {
            PyErr_Clear();
            return T_NONE;
        }
    }
    if (descr == NULL) {
        descr = PyArray_DESCR((PyArrayObject *)arrays[0]);
        Py_INCREF(descr);
        for (Py_ssize_t k = 1; k < n && descr != NULL; k++) {
            PyArray_Descr *next = PyArray_PromoteTypes(
                descr, PyArray_DESCR((PyArrayObject *)arrays[k]));
            Py_DECREF(descr);
            descr = next;
        }
        if (descr == NULL) {
            PyErr_Clear();
            return T_NONE;
        }
    }
    int t = type_index(descr);
    for (Py_ssize_t k = 0; k < n && t != T_NONE; k++) {
        PyArray_Descr *from = PyArray_DESCR((PyArrayObject *)arrays[k]);
        if (array_type(arrays[k]) != t
            && !PyArray_CanCastTypeTo(from, descr, NPY_SAME_KIND_CASTING)) {
            t = T_NONE;  /* NumPy raises */
        }
    }
    Py_DECREF(descr);
    return t;
}

/* Cast array a (any strides) into the block of the result at dst, laid out with
 * dst_strides over a's shape; 0 when a value has no portable conversion (the caller
 * then leaves the whole call to NumPy). */
static int cast_into(PyArrayObject *a, char *dst, const npy_intp *dst_strides, int t)
{
    int invalid = 0;
    nd_iter it;
    it.nop = 3;
    it.ndim = PyArray_NDIM(a);
    for (int d = 0; d < it.ndim; d++) {
        it.shape[d] = PyArray_DIM(a, d);
        it.strides[1][d] = dst_strides[d];
    }
    broadcast_operand(&it, 0, a);
    it.data[1] = dst;
    scalar_operand(&it, 2, &invalid);
    it.size = PyArray_SIZE(a);
    iter_coalesce(&it);
    iter_run(&it, CASTS[t][array_type((PyObject *)a)], 1.0);
    return !invalid;
}

static int copy_or_cast_into(PyArrayObject *a, char *dst, const npy_intp *dst_strides, int t)
{
    if (array_type((PyObject *)a) == t) {
        copy_into(a, dst, dst_strides, t);
        return 1;
    }
    return cast_into(a, dst, dst_strides, t);
}

/* concat(axis, dtype, *arrays): np.concatenate(arrays, axis, dtype=dtype); axis None
 * joins the arrays flattened in C order. Arrays of another dtype are cast while they
 * are copied (NumPy's same_kind casts: C conversions, as astype's). */
PyObject *native_concat(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs < 2) {
        PyErr_SetString(PyExc_TypeError, "concat(axis, dtype, *arrays)");
        return NULL;
    }
    PyObject *const *arrays = args + 2;
    const Py_ssize_t n = nargs - 2;
    const int t = concat_type(args[1], arrays, n);
    if (t == T_NONE) {
        Py_RETURN_NONE;
    }
    npy_intp shape[NPY_MAXDIMS];
    int nd;
    long axis;
    if (args[0] == Py_None) {
        /* flattened: one axis whose length is the total size (sizes are each below
         * NPY_MAX_INTP; the sum is checked) */
        nd = 1;
        axis = 0;
        shape[0] = 0;
        for (Py_ssize_t k = 0; k < n; k++) {
            npy_intp size = PyArray_SIZE((PyArrayObject *)arrays[k]);
            if (shape[0] > NPY_MAX_INTP - size) {
                PyErr_SetString(PyExc_ValueError, "concat: the result has too many elements");
                return NULL;
            }
            shape[0] += size;
        }
    } else {
        axis = PyLong_AsLong(args[0]);
        if (axis == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            Py_RETURN_NONE;
        }
        PyArrayObject *first = (PyArrayObject *)arrays[0];
        nd = PyArray_NDIM(first);
        if (nd == 0 || axis < -nd || axis >= nd) {
            Py_RETURN_NONE;
        }
        axis = axis < 0 ? axis + nd : axis;
        for (int d = 0; d < nd; d++) {
            shape[d] = d == axis ? 0 : PyArray_DIM(first, d);
        }
        for (Py_ssize_t k = 0; k < n; k++) {
            PyArrayObject *a = (PyArrayObject *)arrays[k];
            if (PyArray_NDIM(a) != nd) {
                Py_RETURN_NONE;
            }
            for (int d = 0; d < nd; d++) {
                if (d != axis && PyArray_DIM(a, d) != shape[d]) {
                    Py_RETURN_NONE;  /* NumPy raises ValueError */
                }
            }
            if (shape[axis] > NPY_MAX_INTP - PyArray_DIM(a, (int)axis)) {
                PyErr_SetString(PyExc_ValueError, "concat: the result has too many elements");
                return NULL;
            }
            shape[axis] += PyArray_DIM(a, (int)axis);
        }
    }
    PyArrayObject *out = new_array(nd, shape, t);
    if (out == NULL) {
        return NULL;
    }
    char *dst = PyArray_BYTES(out);
    for (Py_ssize_t k = 0; k < n; k++) {
        PyArrayObject *a = (PyArrayObject *)arrays[k];
        int ok;
        if (args[0] == Py_None) {
            /* a's elements in C order: contiguous strides over a's own shape */
            npy_intp strides[NPY_MAXDIMS];
            npy_intp step = TYPE_SIZE[t];
            for (int d = PyArray_NDIM(a) - 1; d >= 0; d--) {
                strides[d] = step;
                step *= PyArray_DIM(a, d);
            }
            ok = copy_or_cast_into(a, dst, strides, t);
            dst += PyArray_SIZE(a) * TYPE_SIZE[t];
        } else {
            ok = copy_or_cast_into(a, dst, PyArray_STRIDES(out), t);
            dst += PyArray_DIM(a, (int)axis) * PyArray_STRIDE(out, (int)axis);
        }
        if (!ok) {
            Py_DECREF(out);
            Py_RETURN_NONE;
        }
    }
    return (PyObject *)out;
}

/* stack(axis, *arrays): np.stack of same-shape arrays of one dtype (axis in
 * [-(ndim + 1), ndim]). Mixed dtypes are left to NumPy. */
PyObject *native_stack(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "stack(axis, *arrays)");
        return NULL;
    }
    PyObject *const *arrays = args + 1;
    const Py_ssize_t n = nargs - 1;
    const int t = same_plain_type(arrays, n);
    if (t == T_NONE) {
        Py_RETURN_NONE;
    }
    PyArrayObject *first = (PyArrayObject *)arrays[0];
    const int nd = PyArray_NDIM(first);
    if (nd + 1 > NPY_MAXDIMS) {
        Py_RETURN_NONE;
    }
    long axis = PyLong_AsLong(args[0]);
    if (axis == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    if (axis < -(nd + 1) || axis > nd) {
        Py_RETURN_NONE;
    }
    axis = axis < 0 ? axis + nd + 1 : axis;
    for (Py_ssize_t k = 1; k < n; k++) {
        if (PyArray_NDIM((PyArrayObject *)arrays[k]) != nd
            || !PyArray_CompareLists(PyArray_DIMS((PyArrayObject *)arrays[k]),
                                     PyArray_DIMS(first), nd)) {
            Py_RETURN_NONE;  /* NumPy raises ValueError */
        }
    }
    npy_intp shape[NPY_MAXDIMS];
    for (int d = 0, s = 0; d <= nd; d++) {
        shape[d] = d == axis ? (npy_intp)n : PyArray_DIM(first, s++);
    }
    PyArrayObject *out = new_array(nd + 1, shape, t);
    if (out == NULL) {
        return NULL;
    }
    /* array k fills the result's position k along axis: its strides without axis */
    npy_intp strides[NPY_MAXDIMS];
    for (int d = 0, s = 0; d <= nd; d++) {
        if (d != axis) {
            strides[s++] = PyArray_STRIDE(out, d);
        }
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        copy_into((PyArrayObject *)arrays[k],
                  PyArray_BYTES(out) + k * PyArray_STRIDE(out, (int)axis), strides, t);
    }
    return (PyObject *)out;
}

/* ------------------------------------------------------------------ nonzero */

/* mask[i] = 1 where the i-th element of a strided run is nonzero (NumPy's truth: a
 * NaN is nonzero, -0.0 is zero, a complex value is nonzero when either part is) */
#define NONZERO_LOOP(NAME, T, TEST)                                                 \
    static void NAME(const char *p, npy_intp stride, npy_intp n, npy_bool *mask)   \
    {                                                                               \
        for (npy_intp i = 0; i < n; i++) {                                          \
            const T v = *(const T *)(p + i * stride);                               \
            mask[i] = (npy_bool)(TEST);                                             \
        }                                                                           \
    }
NONZERO_LOOP(nz_1, uint8_t, v != 0)
NONZERO_LOOP(nz_2, uint16_t, v != 0)
NONZERO_LOOP(nz_4, uint32_t, v != 0)
NONZERO_LOOP(nz_8, uint64_t, v != 0)
NONZERO_LOOP(nz_f32, float, v != 0)
NONZERO_LOOP(nz_f64, double, v != 0)
NONZERO_LOOP(nz_c64, c64_t, v.re != 0 || v.im != 0)
NONZERO_LOOP(nz_c128, c128_t, v.re != 0 || v.im != 0)

typedef void (*nonzero_fn)(const char *p, npy_intp stride, npy_intp n, npy_bool *mask);

static const nonzero_fn NONZERO_LOOPS[N_TYPES] = {
    [T_BOOL] = nz_1, [T_I8] = nz_1, [T_U8] = nz_1, [T_I16] = nz_2, [T_U16] = nz_2,
    [T_I32] = nz_4, [T_U32] = nz_4, [T_I64] = nz_8, [T_U64] = nz_8,
    [T_F32] = nz_f32, [T_F64] = nz_f64, [T_C64] = nz_c64, [T_C128] = nz_c128,
};

/* Walks x's rows (the last axis) in C order. With coords NULL it counts the nonzero
 * elements; otherwise it writes each one's index along dimension d to coords[d]. */
static npy_intp nonzero_pass(PyArrayObject *x, nonzero_fn test, npy_bool *mask,
                             int64_t *const *coords)
{
    const int nd = PyArray_NDIM(x), last = nd - 1;
    const npy_intp row = PyArray_DIM(x, last), row_stride = PyArray_STRIDE(x, last);
    npy_intp rows = 1;
    for (int d = 0; d < last; d++) {
        rows *= PyArray_DIM(x, d);
    }
    npy_intp idx[NPY_MAXDIMS] = {0};
    npy_intp found = 0;
    for (npy_intp r = 0; r < rows; r++) {
        const char *p = PyArray_BYTES(x);
        for (int d = 0; d < last; d++) {
            p += idx[d] * PyArray_STRIDE(x, d);
        }
        test(p, row_stride, row, mask);
        if (coords == NULL) {
            for (npy_intp i = 0; i < row; i++) {
                found += mask[i];
            }
        } else {
            for (npy_intp i = 0; i < row; i++) {
                if (mask[i]) {
                    for (int d = 0; d < last; d++) {
                        coords[d][found] = idx[d];
                    }
                    coords[last][found++] = i;
                }
            }
        }
        for (int d = last - 1; d >= 0 && ++idx[d] == PyArray_DIM(x, d); d--) {
            idx[d] = 0;
        }
    }
    return found;
}

/* nonzero(x): a tuple of x.ndim int64 arrays, the indices of the nonzero elements in
 * C order. A 0-d x is left to NumPy (it raises). */
PyObject *native_nonzero(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 1) {
        PyErr_SetString(PyExc_TypeError, "nonzero(x)");
        return NULL;
    }
    if (!plain_array(args[0]) || PyArray_NDIM((PyArrayObject *)args[0]) == 0) {
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[0];
    const int nd = PyArray_NDIM(x);
    const nonzero_fn test = NONZERO_LOOPS[array_type(args[0])];
    const npy_intp row = PyArray_DIM(x, nd - 1);
    npy_bool *mask = PyMem_Malloc(row > 0 ? (size_t)row : 1);
    if (mask == NULL) {
        return PyErr_NoMemory();
    }
    npy_intp count = PyArray_SIZE(x) == 0 ? 0 : nonzero_pass(x, test, mask, NULL);
    PyObject *result = PyTuple_New(nd);
    if (result == NULL) {
        PyMem_Free(mask);
        return NULL;
    }
    int64_t *coords[NPY_MAXDIMS];
    for (int d = 0; d < nd; d++) {
        PyArrayObject *out = new_array(1, &count, T_I64);
        if (out == NULL) {
            PyMem_Free(mask);
            Py_DECREF(result);
            return NULL;
        }
        coords[d] = (int64_t *)PyArray_DATA(out);
        PyTuple_SET_ITEM(result, d, (PyObject *)out);
    }
    if (count > 0) {
        nonzero_pass(x, test, mask, coords);
    }
    PyMem_Free(mask);
    return result;
}

/* ------------------------------------------------------------------ searchsorted */

/* NumPy's sort order: NaN after every other value (and equal to NaN) */
#define LESS_F(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))
#define LESS_I(a, b) ((a) < (b))
/* NumPy's complex order (npysort's CLT): lexicographic by real then imaginary part,
 * with R + Rj < R + nanj < nan + Rj < nan + nanj (R: any non-NaN value) */
#define LESS_C(a, b)                                                                \
    ((a).re < (b).re   ? ((a).im == (a).im || (b).im != (b).im)                     \
     : (a).re > (b).re ? ((b).im != (b).im && (a).im == (a).im)                     \
     : ((a).re == (b).re || ((a).re != (a).re && (b).re != (b).re))                 \
         ? ((a).im < (b).im || ((b).im != (b).im && (a).im == (a).im))              \
         : (b).re != (b).re)

/* NumPy's binary search, step for step (npysort/binsearch.cpp: binsearch, and
 * argbinsearch when SORTER), so that even an unsorted x1 gives its result: the search
 * range starts from the previous key's when the keys increase. Both tests use the
 * side's comparison (left: <, right: <=). keys are C-contiguous; x1 is strided; the
 * sorter is contiguous intp. Returns -1 where the search meets a sorter index outside
 * [0, len) (NumPy raises), else 0. */
#define SEARCH_FN(NAME, T, LESS, SORTER)                                            \
    static int NAME(const char *arr, npy_intp arr_len, npy_intp arr_stride,        \
                    const npy_intp *sorter, const char *keys_bytes, npy_intp n_keys,\
                    int right, int64_t *out)                                        \
    {                                                                               \
        (void)sorter;                                                               \
        const T *keys = (const T *)keys_bytes;                                      \
        npy_intp min_idx = 0, max_idx = arr_len;                                    \
        if (n_keys == 0) {                                                          \
            return 0;                                                               \
        }                                                                           \
        T last = keys[0];                                                           \
        for (npy_intp k = 0; k < n_keys; k++) {                                     \
            const T key = keys[k];                                                  \
            if (right ? !LESS(key, last) : LESS(last, key)) {                       \
                max_idx = arr_len;                                                  \
            } else {                                                                \
                min_idx = 0;                                                        \
                max_idx = max_idx < arr_len ? max_idx + 1 : arr_len;                \
            }                                                                       \
            last = key;                                                             \
            while (min_idx < max_idx) {                                             \
                const npy_intp mid = min_idx + ((max_idx - min_idx) >> 1);          \
                npy_intp at = mid;                                                  \
                if (SORTER) {                                                       \
                    at = sorter[mid];                                               \
                    if (at < 0 || at >= arr_len) {                                  \
                        return -1;                                                  \
                    }                                                               \
                }                                                                   \
                const T v = *(const T *)(arr + at * arr_stride);                    \
                if (right ? !LESS(key, v) : LESS(v, key)) {                         \
                    min_idx = mid + 1;                                              \
                } else {                                                            \
                    max_idx = mid;                                                  \
                }                                                                   \
            }                                                                       \
            out[k] = min_idx;                                                       \
        }                                                                           \
        return 0;                                                                   \
    }
#define SEARCH_FNS(NAME, T, LESS) SEARCH_FN(NAME, T, LESS, 0) SEARCH_FN(NAME##_arg, T, LESS, 1)
SEARCH_FNS(search_b, npy_bool, LESS_I)
SEARCH_FNS(search_i8, int8_t, LESS_I)
SEARCH_FNS(search_i16, int16_t, LESS_I)
SEARCH_FNS(search_i32, int32_t, LESS_I)
SEARCH_FNS(search_i64, int64_t, LESS_I)
SEARCH_FNS(search_u8, uint8_t, LESS_I)
SEARCH_FNS(search_u16, uint16_t, LESS_I)
SEARCH_FNS(search_u32, uint32_t, LESS_I)
SEARCH_FNS(search_u64, uint64_t, LESS_I)
SEARCH_FNS(search_f32, float, LESS_F)
SEARCH_FNS(search_f64, double, LESS_F)
SEARCH_FNS(search_c64, c64_t, LESS_C)
SEARCH_FNS(search_c128, c128_t, LESS_C)

typedef int (*search_fn)(const char *, npy_intp, npy_intp, const npy_intp *, const char *,
                         npy_intp, int, int64_t *);

/* SEARCH_LOOPS[with sorter][dtype] */
static const search_fn SEARCH_LOOPS[2][N_TYPES] = {
    {[T_BOOL] = search_b, [T_I8] = search_i8, [T_I16] = search_i16, [T_I32] = search_i32,
     [T_I64] = search_i64, [T_U8] = search_u8, [T_U16] = search_u16, [T_U32] = search_u32,
     [T_U64] = search_u64, [T_F32] = search_f32, [T_F64] = search_f64,
     [T_C64] = search_c64, [T_C128] = search_c128},
    {[T_BOOL] = search_b_arg, [T_I8] = search_i8_arg, [T_I16] = search_i16_arg,
     [T_I32] = search_i32_arg, [T_I64] = search_i64_arg, [T_U8] = search_u8_arg,
     [T_U16] = search_u16_arg, [T_U32] = search_u32_arg, [T_U64] = search_u64_arg,
     [T_F32] = search_f32_arg, [T_F64] = search_f64_arg, [T_C64] = search_c64_arg,
     [T_C128] = search_c128_arg},
};

/* 1 when x1 (strided) is sorted in NumPy's order (each element not less than the one
 * before). The search then has one answer for every key, the partition point, which
 * NumPy's search steps reach from any starting range, so the keys can be split
 * between threads. */
#define SORTED_FN(NAME, T, LESS)                                                    \
    static int NAME(const char *arr, npy_intp len, npy_intp stride)                \
    {                                                                               \
        for (npy_intp i = 1; i < len; i++) {                                        \
            const T a = *(const T *)(arr + (i - 1) * stride);                       \
            const T b = *(const T *)(arr + i * stride);                             \
            if (LESS(b, a)) {                                                       \
                return 0;                                                           \
            }                                                                       \
        }                                                                           \
        return 1;                                                                   \
    }
SORTED_FN(sorted_b, npy_bool, LESS_I)
SORTED_FN(sorted_i8, int8_t, LESS_I)
SORTED_FN(sorted_i16, int16_t, LESS_I)
SORTED_FN(sorted_i32, int32_t, LESS_I)
SORTED_FN(sorted_i64, int64_t, LESS_I)
SORTED_FN(sorted_u8, uint8_t, LESS_I)
SORTED_FN(sorted_u16, uint16_t, LESS_I)
SORTED_FN(sorted_u32, uint32_t, LESS_I)
SORTED_FN(sorted_u64, uint64_t, LESS_I)
SORTED_FN(sorted_f32, float, LESS_F)
SORTED_FN(sorted_f64, double, LESS_F)
SORTED_FN(sorted_c64, c64_t, LESS_C)
SORTED_FN(sorted_c128, c128_t, LESS_C)

typedef int (*sorted_fn)(const char *, npy_intp, npy_intp);

static const sorted_fn SORTED_CHECKS[N_TYPES] = {
    [T_BOOL] = sorted_b, [T_I8] = sorted_i8, [T_I16] = sorted_i16, [T_I32] = sorted_i32,
    [T_I64] = sorted_i64, [T_U8] = sorted_u8, [T_U16] = sorted_u16, [T_U32] = sorted_u32,
    [T_U64] = sorted_u64, [T_F32] = sorted_f32, [T_F64] = sorted_f64, [T_C64] = sorted_c64,
    [T_C128] = sorted_c128,
};

/* dst[i] = x1[sorter[i]]; 0 (dst partly written) when an index is outside [0, len) */
#define GATHER_SORTED(T)                                                            \
    for (npy_intp i = 0; i < len; i++) {                                            \
        const npy_intp at = sorter[i];                                              \
        if (at < 0 || at >= len) {                                                  \
            return 0;                                                               \
        }                                                                           \
        ((T *)dst)[i] = *(const T *)(arr + at * stride);                            \
    }                                                                               \
    return 1;

static int gather_sorted(char *dst, const char *arr, npy_intp len, npy_intp stride,
                         const npy_intp *sorter, int itemsize)
{
    switch (itemsize) {
    case 1: GATHER_SORTED(uint8_t)
    case 2: GATHER_SORTED(uint16_t)
    case 4: GATHER_SORTED(uint32_t)
    case 8: GATHER_SORTED(uint64_t)
    default: GATHER_SORTED(bytes16)
    }
}

typedef struct {
    search_fn search;
    const char *arr;
    npy_intp len, stride;
    const char *keys;
    int itemsize, right;
    int64_t *out;
} search_job;

static void search_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    (void)chunk;
    const search_job *job = ctx;
    job->search(job->arr, job->len, job->stride, NULL, job->keys + lo * job->itemsize,
                hi - lo, job->right, job->out + lo);
}

/* The search of n_keys keys (contiguous) in x1 (strided, ordered by sorter when not
 * NULL): NumPy's steps, or their result. With a sorter and many keys, x1 is first
 * gathered in sorter order (the same steps then read one array instead of two);
 * when x1 turns out sorted, the keys are split between threads. Called without the
 * GIL; gathered is NULL or room for len elements. -1: a sorter index out of range. */
static int search_keys(int t, const char *arr, npy_intp len, npy_intp stride,
                       const npy_intp *sorter, char *gathered, const char *keys,
                       npy_intp n_keys, int right, int64_t *out)
{
    const int itemsize = TYPE_SIZE[t];
    if (sorter != NULL && gathered != NULL
        && gather_sorted(gathered, arr, len, stride, sorter, itemsize)) {
        arr = gathered;
        stride = itemsize;
        sorter = NULL;
    }
    /* about log2(len) + 1 probes per key */
    const double probes = (double)n_keys * (log2((double)len + 1.0) + 1.0);
    int chunks = sorter == NULL && n_keys >= 8192 && probes > 2.0 * (double)len
                 ? pool_chunks_for(probes) : 1;
    if (chunks > 1 && SORTED_CHECKS[t](arr, len, stride)) {
        search_job job = {SEARCH_LOOPS[0][t], arr, len, stride, keys, itemsize, right, out};
        pool_run(n_keys, chunks, search_chunk, &job);
        return 0;
    }
    return SEARCH_LOOPS[sorter != NULL][t](arr, len, stride, sorter, keys, n_keys, right, out);
}

/* The sorter as contiguous intp, or NULL (no exception) where NumPy would reject it:
 * not 1-d of x1's length, bool (TypeError), uint64 (no safe cast to intp) */
static PyArrayObject *sorter_indices(PyObject *sorter, npy_intp len)
{
    if (!plain_array(sorter) || PyArray_NDIM((PyArrayObject *)sorter) != 1
        || PyArray_DIM((PyArrayObject *)sorter, 0) != len) {
        return NULL;
    }
    int ts = array_type(sorter);
    if (ts == T_BOOL || ts >= T_U64) {
        return NULL;
    }
    PyArrayObject *flat = (PyArrayObject *)PyArray_FromAny(
        sorter, PyArray_DescrFromType(NPY_INTP), 1, 1,
        NPY_ARRAY_C_CONTIGUOUS | NPY_ARRAY_ALIGNED, NULL);
    if (flat == NULL) {
        PyErr_Clear();
    }
    return flat;
}

/* searchsorted(x1, x2, side[, sorter]): int64 insertion points of x2's elements in 1-d
 * x1 (a 0-d x2 gives a 0-d array); x1 ordered by sorter when given. Mixed dtypes are
 * searched in their promoted dtype (NumPy casts both to it). A sorter index the
 * search meets outside [0, len) is left to NumPy (it raises). */
PyObject *native_searchsorted(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3 && nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "searchsorted(x1, x2, side[, sorter])");
        return NULL;
    }
    if (!plain_array(args[0]) || !plain_array(args[1]) || !PyUnicode_Check(args[2])
        || PyArray_NDIM((PyArrayObject *)args[0]) != 1) {
        Py_RETURN_NONE;
    }
    int right;
    if (PyUnicode_CompareWithASCIIString(args[2], "left") == 0) {
        right = 0;
    } else if (PyUnicode_CompareWithASCIIString(args[2], "right") == 0) {
        right = 1;
    } else {
        Py_RETURN_NONE;  /* NumPy raises */
    }
    PyArray_Descr *descr = PyArray_PromoteTypes(PyArray_DESCR((PyArrayObject *)args[0]),
                                                PyArray_DESCR((PyArrayObject *)args[1]));
    if (descr == NULL) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    const int t = type_index(descr);
    if (t == T_NONE) {
        Py_DECREF(descr);
        Py_RETURN_NONE;
    }
    PyArrayObject *sorter = NULL;
    if (nargs == 4) {
        sorter = sorter_indices(args[3], PyArray_DIM((PyArrayObject *)args[0], 0));
        if (sorter == NULL) {
            Py_DECREF(descr);
            Py_RETURN_NONE;
        }
    }
    PyObject *result = NULL;
    PyArrayObject *out = NULL;
    /* x1 in the common dtype (itself when it has it); the keys in it, C order,
     * contiguous (no copy when they already are) */
    PyArrayObject *x1 = as_type((PyArrayObject *)args[0], t);
    PyArrayObject *keys = NULL;
    if (x1 == NULL) {
        Py_DECREF(descr);
        goto done;
    }
    keys = (PyArrayObject *)PyArray_FromAny(args[1], descr, 0, 0,  /* steals descr */
                                            NPY_ARRAY_C_CONTIGUOUS | NPY_ARRAY_ALIGNED, NULL);
    if (keys == NULL) {
        goto done;
    }
    out = new_array(PyArray_NDIM(keys), PyArray_DIMS(keys), T_I64);
    if (out == NULL) {
        goto done;
    }
    const npy_intp n_keys = PyArray_SIZE(keys), len = PyArray_DIM(x1, 0);
    /* gathering x1 in sorter order pays when the probes outnumber its elements */
    char *gathered = NULL;
    if (sorter != NULL && (double)n_keys * (log2((double)len + 1.0) + 1.0) > 2.0 * (double)len) {
        gathered = PyMem_RawMalloc((size_t)len * (size_t)TYPE_SIZE[t]);  /* NULL: not used */
    }
    const int release = n_keys > 4096 || len > 65536;
    PyThreadState *state = release ? PyEval_SaveThread() : NULL;
    int rc = search_keys(t, PyArray_BYTES(x1), len, PyArray_STRIDE(x1, 0),
                         sorter != NULL ? (const npy_intp *)PyArray_DATA(sorter) : NULL,
                         gathered, PyArray_BYTES(keys), n_keys, right,
                         (int64_t *)PyArray_DATA(out));
    if (release) {
        PyEval_RestoreThread(state);
    }
    PyMem_RawFree(gathered);
    if (rc < 0) {
        Py_DECREF(out);
        result = Py_NewRef(Py_None);
    } else {
        result = (PyObject *)out;
    }
done:
    if (result == NULL) {
        Py_XDECREF(out);
    }
    Py_XDECREF(keys);
    Py_XDECREF(x1);
    Py_XDECREF(sorter);
    return result;
}

/* The loops of the vectorised transcendental functions (kernels in vmath.h) and the
 * run-time choice of instruction set.
 *
 * Each function's block loop is compiled four times: for AVX-512 (F, DQ, VL, BW), for
 * AVX2, for the baseline of the target (SSE2 on x86-64, NEON on arm64) and as a scalar
 * loop that calls the kernel one element at a time through a function the compiler may
 * not inline (so nothing is vectorised). vmath_init picks the best level the CPU
 * supports (__builtin_cpu_supports); BRIDGE_NATIVE_SIMD, read once at import, can lower
 * it: 0 or "scalar" for the scalar loops, "sse2" (or "baseline"), "avx2", "avx512";
 * 1 or unset for the best. _native.set_simd_level changes it at run time (tests).
 * The kernels use no fused multiply-add (vmath.h), so every level gives bitwise the
 * same results.
 *
 * A block loop runs the hot kernel on up to VM_BLOCK elements, OR-ing the kernels'
 * flags; only if one was raised it looks at the block again and recomputes the flagged
 * elements with the full function (special values, range ends), which the block loops
 * do vectorised too (masked stores). Strided operands are copied through buffers of
 * VM_BLOCK elements, so the block loops see contiguous memory only. An element's result
 * depends only on its value, never on the block split, the stride or the thread split.
 */
#include "native.h"  /* Python.h first, as CPython asks */

#include "vmath.h"

#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

#define VM_BLOCK 512

enum { VM_SCALAR, VM_BASELINE, VM_AVX2, VM_AVX512, VM_N_LEVELS };

#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
#define VM_X86 1
#define VM_BASELINE_NAME "sse2"

#define VM_ATTR_AVX512 \
    __attribute__((target("avx512f,avx512dq,avx512vl,avx512bw,avx2,prefer-vector-width=512")))
#define VM_ATTR_AVX2 __attribute__((target("avx2")))
#else
#define VM_X86 0
#define VM_BASELINE_NAME "baseline"  /* the compiler's default vectors (NEON on arm64) */
#define VM_ATTR_AVX512
#define VM_ATTR_AVX2
#endif

static const char *const LEVEL_NAMES[VM_N_LEVELS] = {"scalar", VM_BASELINE_NAME, "avx2",
                                                     "avx512"};

#if defined(__GNUC__)
#define VM_NOINLINE __attribute__((noinline))
#else
#define VM_NOINLINE
#endif

static int best_level = VM_BASELINE;
static int current_level = VM_BASELINE;

static int vm_level(void)
{
    return __atomic_load_n(&current_level, __ATOMIC_RELAXED);
}

/* ------------------------------------------------------------------ unary loops */

typedef void (*vm_unary_block)(const void *a, void *o, npy_intp n);

/* Block loop for the vector levels: the hot pass, then (rarely) the fix-up pass. */
#define VM_UNARY_BLOCK(NAME, T, UT, BITS, HOT, FULL, ATTR)                           \
    static ATTR void NAME(const void *av, void *ov, npy_intp n)                      \
    {                                                                                \
        const T *restrict a = (const T *)av;                                         \
        T *restrict o = (T *)ov;                                                     \
        UT any = 0;                                                                  \
        for (npy_intp i = 0; i < n; i++) {                                           \
            T flag;                                                                  \
            o[i] = HOT(a[i], &flag);                                                 \
            any |= BITS(flag);                                                       \
        }                                                                            \
        if (any) {                                                                   \
            for (npy_intp i = 0; i < n; i++) {                                       \
                T flag;                                                              \
                (void)HOT(a[i], &flag);                                              \
                if (flag != 0) {                                                     \
                    o[i] = FULL(a[i]);                                               \
                }                                                                    \
            }                                                                        \
        }                                                                            \
    }

/* The four levels of one unary function and its loop_fn */
#define VM_UNARY(NAME, T, UT, BITS, HOT, FULL)                                       \
    VM_UNARY_BLOCK(NAME##_avx512, T, UT, BITS, HOT, FULL, VM_ATTR_AVX512)                      \
    VM_UNARY_BLOCK(NAME##_avx2, T, UT, BITS, HOT, FULL, VM_ATTR_AVX2)                          \
    VM_UNARY_BLOCK(NAME##_baseline, T, UT, BITS, HOT, FULL, )                                  \
    static VM_NOINLINE T NAME##_hot1(T x, T *flag) { return HOT(x, flag); }        \
    static VM_NOINLINE T NAME##_full1(T x) { return FULL(x); }                       \
    static void NAME##_scalar(const void *av, void *ov, npy_intp n)                  \
    {                                                                                \
        const T *a = (const T *)av;                                                  \
        T *o = (T *)ov;                                                              \
        for (npy_intp i = 0; i < n; i++) {                                           \
            T flag;                                                                  \
            const T y = NAME##_hot1(a[i], &flag);                                    \
            o[i] = flag != 0 ? NAME##_full1(a[i]) : y;                               \
        }                                                                            \
    }                                                                                \
    static const vm_unary_block NAME##_levels[VM_N_LEVELS] = {                       \
        NAME##_scalar, NAME##_baseline, NAME##_avx2, NAME##_avx512};                 \
    void NAME(char *const *data, const npy_intp *steps, npy_intp n)                  \
    {                                                                                \
        vm_unary_run(NAME##_levels[vm_level()], sizeof(T), data, steps, n);          \
    }

typedef union {
    double f64[VM_BLOCK];
    float f32[VM_BLOCK];
} vm_buffer;

/* Whether [p, p + bytes) and [q, q + bytes) share memory */
static int vm_overlap(const char *p, const char *q, npy_intp bytes)
{
    return p < q + bytes && q < p + bytes;
}

static void vm_gather(void *dst, const char *src, npy_intp step, npy_intp n, size_t size)
{
    char *d = (char *)dst;
    for (npy_intp i = 0; i < n; i++) {
        memcpy(d + (size_t)i * size, src + i * step, size);
    }
}

static void vm_scatter(char *dst, npy_intp step, const void *src, npy_intp n, size_t size)
{
    const char *s = (const char *)src;
    for (npy_intp i = 0; i < n; i++) {
        memcpy(dst + i * step, s + (size_t)i * size, size);
    }
}

/* Runs `block` over n elements of any strides. The output is the caller's fresh
 * array or exactly the input (in place); inputs are read before a block is written. */
static void vm_unary_run(vm_unary_block block, size_t size, char *const *data,
                         const npy_intp *steps, npy_intp n)
{
    const char *a = data[0];
    char *o = data[1];
    const npy_intp sa = steps[0], so = steps[1];
    const npy_intp elsize = (npy_intp)size;
    vm_buffer in, out;
    for (npy_intp lo = 0; lo < n; lo += VM_BLOCK) {
        const npy_intp m = n - lo < VM_BLOCK ? n - lo : VM_BLOCK;
        const char *pa = a + lo * sa;
        char *po = o + lo * so;
        const void *src = pa;
        void *dst = po;
        if (sa != elsize || (so == elsize && vm_overlap(pa, po, m * elsize))) {
            vm_gather(&in, pa, sa, m, size);
            src = &in;
        }
        if (so != elsize) {
            dst = &out;
        }
        block(src, dst, m);
        if (dst == &out) {
            vm_scatter(po, so, &out, m, size);
        }
    }
}

/* ------------------------------------------------------------------ binary loops */

typedef void (*vm_binary_block)(const void *a, const void *b, void *o, npy_intp n);

#define VM_BINARY_BLOCK(NAME, T, UT, BITS, HOT, FULL, ATTR)                          \
    static ATTR void NAME(const void *av, const void *bv, void *ov, npy_intp n)      \
    {                                                                                \
        const T *restrict a = (const T *)av;                                         \
        const T *restrict b = (const T *)bv;                                         \
        T *restrict o = (T *)ov;                                                     \
        UT any = 0;                                                                  \
        for (npy_intp i = 0; i < n; i++) {                                           \
            T flag;                                                                  \
            o[i] = HOT(a[i], b[i], &flag);                                           \
            any |= BITS(flag);                                                       \
        }                                                                            \
        if (any) {                                                                   \
            for (npy_intp i = 0; i < n; i++) {                                       \
                T flag;                                                              \
                (void)HOT(a[i], b[i], &flag);                                        \
                if (flag != 0) {                                                     \
                    o[i] = FULL(a[i], b[i]);                                         \
                }                                                                    \
            }                                                                        \
        }                                                                            \
    }

#define VM_BINARY(NAME, T, UT, BITS, HOT, FULL)                                      \
    VM_BINARY_BLOCK(NAME##_avx512, T, UT, BITS, HOT, FULL, VM_ATTR_AVX512)                     \
    VM_BINARY_BLOCK(NAME##_avx2, T, UT, BITS, HOT, FULL, VM_ATTR_AVX2)                         \
    VM_BINARY_BLOCK(NAME##_baseline, T, UT, BITS, HOT, FULL, )                                 \
    static VM_NOINLINE T NAME##_hot1(T x, T y, T *flag) { return HOT(x, y, flag); } \
    static VM_NOINLINE T NAME##_full1(T x, T y) { return FULL(x, y); }               \
    static void NAME##_scalar(const void *av, const void *bv, void *ov, npy_intp n)  \
    {                                                                                \
        const T *a = (const T *)av;                                                  \
        const T *b = (const T *)bv;                                                  \
        T *o = (T *)ov;                                                              \
        for (npy_intp i = 0; i < n; i++) {                                           \
            T flag;                                                                  \
            const T y = NAME##_hot1(a[i], b[i], &flag);                              \
            o[i] = flag != 0 ? NAME##_full1(a[i], b[i]) : y;                         \
        }                                                                            \
    }                                                                                \
    static const vm_binary_block NAME##_levels[VM_N_LEVELS] = {                      \
        NAME##_scalar, NAME##_baseline, NAME##_avx2, NAME##_avx512};                 \
    void NAME(char *const *data, const npy_intp *steps, npy_intp n)                  \
    {                                                                                \
        vm_binary_run(NAME##_levels[vm_level()], sizeof(T), data, steps, n);         \
    }

static void vm_binary_run(vm_binary_block block, size_t size, char *const *data,
                          const npy_intp *steps, npy_intp n)
{
    const char *a = data[0], *b = data[1];
    char *o = data[2];
    const npy_intp sa = steps[0], sb = steps[1], so = steps[2];
    const npy_intp elsize = (npy_intp)size;
    vm_buffer in_a, in_b, out;
    int b_filled = 0;
    for (npy_intp lo = 0; lo < n; lo += VM_BLOCK) {
        const npy_intp m = n - lo < VM_BLOCK ? n - lo : VM_BLOCK;
        const char *pa = a + lo * sa, *pb = b + lo * sb;
        char *po = o + lo * so;
        const void *src_a = pa, *src_b = pb;
        void *dst = po;
        if (sa != elsize || (so == elsize && vm_overlap(pa, po, m * elsize))) {
            vm_gather(&in_a, pa, sa, m, size);
            src_a = &in_a;
        }
        if (sb == 0) {
            /* a broadcast scalar: one buffer of copies serves every block */
            if (!b_filled) {
                vm_gather(&in_b, pb, 0, n < VM_BLOCK ? n : VM_BLOCK, size);
                b_filled = 1;
            }
            src_b = &in_b;
        } else if (sb != elsize || (so == elsize && vm_overlap(pb, po, m * elsize))) {
            vm_gather(&in_b, pb, sb, m, size);
            src_b = &in_b;
        }
        if (so != elsize) {
            dst = &out;
        }
        block(src_a, src_b, dst, m);
        if (dst == &out) {
            vm_scatter(po, so, &out, m, size);
        }
    }
}

/* ------------------------------------------------------------------ the functions */

VM_UNARY(vm_loop_exp_f64, double, uint64_t, f64_bits, vm_exp_f64, vm_exp_f64_full)
VM_UNARY(vm_loop_exp_f32, float, uint32_t, f32_bits, vm_exp_f32, vm_exp_f32_full)
VM_UNARY(vm_loop_log_f64, double, uint64_t, f64_bits, vm_log_f64, vm_log_f64_full)
VM_UNARY(vm_loop_log_f32, float, uint32_t, f32_bits, vm_log_f32, vm_log_f32_full)
VM_UNARY(vm_loop_log2_f64, double, uint64_t, f64_bits, vm_log2_f64, vm_log2_f64_full)
VM_UNARY(vm_loop_log2_f32, float, uint32_t, f32_bits, vm_log2_f32, vm_log2_f32_full)
VM_UNARY(vm_loop_log10_f64, double, uint64_t, f64_bits, vm_log10_f64, vm_log10_f64_full)
VM_UNARY(vm_loop_log10_f32, float, uint32_t, f32_bits, vm_log10_f32, vm_log10_f32_full)
VM_UNARY(vm_loop_log1p_f64, double, uint64_t, f64_bits, vm_log1p_f64, vm_log1p_f64_full)
VM_UNARY(vm_loop_log1p_f32, float, uint32_t, f32_bits, vm_log1p_f32, vm_log1p_f32_full)
VM_UNARY(vm_loop_sqrt_f64, double, uint64_t, f64_bits, vm_sqrt_f64, vm_sqrt_f64_full)
VM_UNARY(vm_loop_sqrt_f32, float, uint32_t, f32_bits, vm_sqrt_f32, vm_sqrt_f32_full)
VM_UNARY(vm_loop_sin_f64, double, uint64_t, f64_bits, vm_sin_f64, vm_sin_f64_full)
VM_UNARY(vm_loop_sin_f32, float, uint32_t, f32_bits, vm_sin_f32, vm_sin_f32_full)
VM_UNARY(vm_loop_cos_f64, double, uint64_t, f64_bits, vm_cos_f64, vm_cos_f64_full)
VM_UNARY(vm_loop_cos_f32, float, uint32_t, f32_bits, vm_cos_f32, vm_cos_f32_full)
VM_UNARY(vm_loop_expm1_f64, double, uint64_t, f64_bits, vm_expm1_f64, vm_expm1_f64_full)
VM_UNARY(vm_loop_expm1_f32, float, uint32_t, f32_bits, vm_expm1_f32, vm_unflagged_f32_full)
VM_UNARY(vm_loop_tanh_f64, double, uint64_t, f64_bits, vm_tanh_f64, vm_tanh_f64_full)
VM_UNARY(vm_loop_tanh_f32, float, uint32_t, f32_bits, vm_tanh_f32, vm_unflagged_f32_full)
VM_UNARY(vm_loop_sinh_f64, double, uint64_t, f64_bits, vm_sinh_f64, vm_sinh_f64_full)
VM_UNARY(vm_loop_sinh_f32, float, uint32_t, f32_bits, vm_sinh_f32, vm_unflagged_f32_full)
VM_UNARY(vm_loop_cosh_f64, double, uint64_t, f64_bits, vm_cosh_f64, vm_cosh_f64_full)
VM_UNARY(vm_loop_cosh_f32, float, uint32_t, f32_bits, vm_cosh_f32, vm_unflagged_f32_full)
VM_UNARY(vm_loop_tan_f64, double, uint64_t, f64_bits, vm_tan_f64, vm_tan_f64_full)
VM_UNARY(vm_loop_tan_f32, float, uint32_t, f32_bits, vm_tan_f32, vm_tan_f32_full)
VM_BINARY(vm_loop_atan2_f64, double, uint64_t, f64_bits, vm_atan2_f64, vm_atan2_f64_full)
VM_BINARY(vm_loop_atan2_f32, float, uint32_t, f32_bits, vm_atan2_f32, vm_atan2_f32_full)
VM_BINARY(vm_loop_pow_f64, double, uint64_t, f64_bits, vm_pow_f64, vm_pow_f64_full)
VM_BINARY(vm_loop_pow_f32, float, uint32_t, f32_bits, vm_pow_f32, vm_pow_f32_full)

/* ------------------------------------------------------------------ levels */

static int level_supported(int level)
{
    if (level <= VM_BASELINE) {
        return 1;
    }
#if VM_X86
    if (level == VM_AVX2) {
        return __builtin_cpu_supports("avx2");
    }
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")
           && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512bw");
#else
    return 0;
#endif
}

static int level_index(const char *name)
{
    if (strcmp(name, "0") == 0) {
        return VM_SCALAR;
    }
    if (strcmp(name, "baseline") == 0) {
        return VM_BASELINE;
    }
    for (int i = 0; i < VM_N_LEVELS; i++) {
        if (strcmp(name, LEVEL_NAMES[i]) == 0) {
            return i;
        }
    }
    return -1;
}

int vmath_init(void)
{
#if VM_X86
    __builtin_cpu_init();
#endif
    best_level = VM_BASELINE;
    for (int level = VM_AVX2; level < VM_N_LEVELS; level++) {
        if (level_supported(level)) {
            best_level = level;
        }
    }
    current_level = best_level;
    const char *env = getenv("BRIDGE_NATIVE_SIMD");
    if (env == NULL || *env == '\0' || strcmp(env, "1") == 0) {
        return 0;
    }
    int level = level_index(env);
    if (level < 0) {
        return PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
                                "BRIDGE_NATIVE_SIMD=%s is not one of 0, 1, scalar, sse2, "
                                "avx2, avx512: using %s", env, LEVEL_NAMES[best_level]);
    }
    current_level = level < best_level ? level : best_level;
    return 0;
}

PyObject *vmath_levels(void)
{
    PyObject *names = PyList_New(0);
    for (int level = 0; names && level <= best_level; level++) {
        PyObject *s = PyUnicode_FromString(LEVEL_NAMES[level]);
        if (!s || PyList_Append(names, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(names);
            return NULL;
        }
        Py_DECREF(s);
    }
    return names;
}

PyObject *vmath_get_level(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    return PyUnicode_FromString(LEVEL_NAMES[vm_level()]);
}

PyObject *vmath_set_level(PyObject *self, PyObject *arg)
{
    (void)self;
    const char *name = PyUnicode_Check(arg) ? PyUnicode_AsUTF8(arg) : NULL;
    if (name == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "set_simd_level: the level must be a str");
        }
        return NULL;
    }
    int level = level_index(name);
    if (level < 0 || level > best_level) {
        PyErr_Format(PyExc_ValueError,
                     "set_simd_level: %R is not available on this CPU (available: "
                     "scalar ... %s)", arg, LEVEL_NAMES[best_level]);
        return NULL;
    }
    const char *previous = LEVEL_NAMES[vm_level()];
    __atomic_store_n(&current_level, level, __ATOMIC_RELAXED);
    return PyUnicode_FromString(previous);
}

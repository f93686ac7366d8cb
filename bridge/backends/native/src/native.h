/* Shared declarations of bridge's native backend (the _native extension module).
 *
 * Kernels see raw NumPy arrays only. Every entry point either computes the result
 * itself or hands the call to the NumPy backend's kernel ("fallback"), so a case the
 * C code does not cover (an unusual dtype pairing, unaligned memory, a Python int that
 * does not fit the array's dtype) behaves exactly as the reference does.
 */
#ifndef BRIDGE_NATIVE_H
#define BRIDGE_NATIVE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#define PY_ARRAY_UNIQUE_SYMBOL BRIDGE_NATIVE_ARRAY_API
#ifndef BRIDGE_NATIVE_MAIN
#define NO_IMPORT_ARRAY
#endif
#include <numpy/arrayobject.h>

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* The standard's dtypes, as indices into the kernel tables. */
enum {
    T_BOOL, T_I8, T_I16, T_I32, T_I64, T_U8, T_U16, T_U32, T_U64,
    T_F32, T_F64, T_C64, T_C128, N_TYPES
};
#define T_NONE (-1)

typedef struct { float re, im; } c64_t;
typedef struct { double re, im; } c128_t;

extern const int TYPE_NUM[N_TYPES];   /* NumPy type number of each index */
extern const int TYPE_SIZE[N_TYPES];  /* bytes per element */

/* Index of an array's dtype, or T_NONE when it is not one of the standard's
 * dtypes in native byte order. */
int type_index(PyArray_Descr *descr);

/* Runtime CPU dispatch: GCC compiles each marked loop for AVX-512, AVX2+FMA and
 * baseline x86-64 and picks one at load time (ifunc); no -march=native. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) \
    && !defined(BRIDGE_NO_CLONES)
#define CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
/* Memory-bound streaming loops (the sum's cascade): AVX2 at most. Measured on an
 * AVX-512 EPYC, 10M float64 from memory: the same loop 10-30% slower with 512-bit
 * vectors than with 256-bit ones (and no faster on cache-resident data). */
#define CLONES_STREAM __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define CLONES
#define CLONES_STREAM
#endif
/* The own transcendental kernels let GCC fuse multiply-adds where the target has FMA
 * (they are written for it: Horner steps, exact Cody-Waite products). Contraction is
 * decided at compile time per clone, identically for the vector body and the scalar
 * remainder loop, so results never depend on how the range was split into chunks. */
#if defined(__GNUC__) && !defined(__clang__)
#define CONTRACT_FMA __attribute__((optimize("fp-contract=fast")))
#else
#define CONTRACT_FMA
#endif

/* ------------------------------------------------------------------ thread pool */

/* Runs fn(ctx, chunk, lo, hi) for n_chunks contiguous pieces of [0, n). The split
 * depends only on n and n_chunks, never on which thread runs a piece, so results
 * are identical for any scheduling. Called without the GIL. */
typedef void (*chunk_fn)(void *ctx, int chunk, npy_intp lo, npy_intp hi);
void pool_run(npy_intp n, int n_chunks, chunk_fn fn, void *ctx);
int pool_get_threads(void);
int pool_set_threads(int n);
/* Chunks worth using for `work` units of work (1 when threads do not pay). */
int pool_chunks_for(double work);

/* ------------------------------------------------------------------ iteration */

#define MAX_OPERANDS 4

/* Loop over n elements; data[i] advances by steps[i] bytes per element. */
typedef void (*loop_fn)(char *const *data, const npy_intp *steps, npy_intp n);

typedef struct {
    int nop;
    int ndim;
    npy_intp shape[NPY_MAXDIMS];
    npy_intp strides[MAX_OPERANDS][NPY_MAXDIMS];
    char *data[MAX_OPERANDS];
    npy_intp size;
} nd_iter;

/* Drop length-1 dimensions and merge dimensions that are contiguous for every
 * operand; keeps C order of the (output) shape. */
void iter_coalesce(nd_iter *it);
/* Run `loop` over every element (threaded for large sizes, GIL released). */
void iter_run(nd_iter *it, loop_fn loop, double cost_per_element);

/* ------------------------------------------------------------------ entry points */

PyObject *native_binary(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_unary(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *elementwise_op_names(int binary);
PyObject *elementwise_coverage(int binary);
int elementwise_init(void);

PyObject *native_reduce(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_arg_reduce(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_cumulative(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *reduce_op_names(void);

PyObject *native_matmul(PyObject *self, PyObject *const *args, Py_ssize_t nargs);

PyObject *native_cast(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_where(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
/* movement.c: data movement; each returns None where it declines */
PyObject *native_clip(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_astype(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_take(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_take_along_axis(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_concat(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_stack(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_nonzero(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_searchsorted(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
/* creation.c: linspace, broadcast_to, reshape and the 2-norm; each takes the numpy kernel
 * first and calls it for what it does not serve */
PyObject *native_linspace(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                          PyObject *kwnames);
PyObject *native_broadcast_to(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_reshape(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_vector_norm(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames);
/* sort.c: sort/argsort and unique_*; each returns None where it declines */
PyObject *native_sort(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_unique(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
/* replicate.c: roll, tile, repeat; each returns None where it declines */
PyObject *native_roll(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_tile(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_repeat(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
/* indexing.c: getitem/setitem with masks and index arrays; None where they decline */
PyObject *native_getitem(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_setitem(PyObject *self, PyObject *const *args, Py_ssize_t nargs);
PyObject *native_copyto(PyObject *self, PyObject *const *args, Py_ssize_t nargs);

/* vmath.c: the vectorised float32/float64 transcendental loops (kernels in vmath.h)
 * and the run-time choice of instruction set (scalar, sse2, avx2, avx512) */
#define VM_DECLARE(OP)                                                              \
    void vm_loop_##OP##_f32(char *const *data, const npy_intp *steps, npy_intp n); \
    void vm_loop_##OP##_f64(char *const *data, const npy_intp *steps, npy_intp n);
VM_DECLARE(exp)
VM_DECLARE(log)
VM_DECLARE(log2)
VM_DECLARE(log10)
VM_DECLARE(log1p)
VM_DECLARE(sqrt)
VM_DECLARE(sin)
VM_DECLARE(cos)
VM_DECLARE(expm1)
VM_DECLARE(tanh)
VM_DECLARE(sinh)
VM_DECLARE(cosh)
VM_DECLARE(pow)
VM_DECLARE(tan)
VM_DECLARE(atan2)
#undef VM_DECLARE
int vmath_init(void);                 /* reads BRIDGE_NATIVE_SIMD; -1 with an exception */
PyObject *vmath_levels(void);         /* names of the levels this CPU runs */
PyObject *vmath_get_level(PyObject *self, PyObject *unused);
PyObject *vmath_set_level(PyObject *self, PyObject *arg);

/* Call the NumPy backend's kernel with the same arguments. */
PyObject *call_fallback(PyObject *fallback, PyObject *const *args, Py_ssize_t nargs);

/* scratch.c: temporary buffers of the kernels (NULL when out of memory); large ones
 * are mapped with huge-page advice and the last one freed is kept for the next call. */
void *scratch_alloc(size_t bytes);
void scratch_free(void *memory);

/* Allocate a C-contiguous array; MemoryError/ValueError on failure or overflow. */
PyArrayObject *new_array(int ndim, const npy_intp *shape, int t);

#endif

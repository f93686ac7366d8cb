/* The _blas extension: matrix products of the native backend through the BLAS that
 * NumPy itself uses.
 *
 * No BLAS is linked or loaded here. bind(path) takes the file of NumPy's
 * _multiarray_umath extension, which is already loaded, reopens it with RTLD_NOLOAD
 * (a handle to the loaded copy, never a new load) and looks the gemm symbols up through
 * that handle: dlsym on a handle searches the object and its dependencies, so it finds
 * exactly the library NumPy's own matmul calls (for NumPy's wheels, the scipy-openblas64
 * build in numpy.libs: ILP64, symbols "scipy_cblas_dgemm64_" and so on). Nothing enters
 * the global symbol namespace and no second BLAS, with its own thread pool, ever
 * shares the process. Where no known symbol set is found (Accelerate on macOS, a BLAS
 * linked statically into NumPy), bind returns None and the Python side keeps NumPy's
 * kernels.
 *
 * Why a second BLAS broke SciPy (the former opt-in link to the scipy-openblas64 wheel):
 * importing the wheel's Python package dlopens its library with RTLD_GLOBAL, and that
 * build exports a few LAPACK internals without the scipy_ prefix and 64_ suffix
 * (droundup_lwork_, sroundup_lwork_, the *laqz* routines, la_xisnan's functions). The
 * global scope is searched first, so SciPy's own 32-bit-integer OpenBLAS, loaded later,
 * bound its calls of those internals to the 64-bit-integer copies; dgesdd's workspace
 * query then read garbage through droundup_lwork_ and scipy.linalg.svd failed with "Too
 * large work array".
 *
 * matmul(a, b) follows NumPy's matmul: 1-d operands are promoted to a row (x1) or a
 * column (x2) and the added dimension removed from the result, batch dimensions
 * broadcast, the result is a new C-contiguous array. Each matrix is handed to gemm
 * where it lies when its layout is one BLAS takes (row- or column-major with a unit
 * stride and a leading dimension no smaller than the matrix); any other layout
 * (negative, zero or non-multiple strides) is copied into a contiguous scratch matrix
 * first. The GIL is released while gemm runs.
 *
 * Returns NotImplemented for what it does not handle (dtypes other than float32,
 * float64, complex64, complex128; mixed dtypes; byte-swapped or unaligned memory;
 * dimensions beyond a 32-bit BLAS's int; no BLAS bound), and the Python side then calls
 * the numpy kernel.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <numpy/arrayobject.h>
#include <dlfcn.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

enum { ROW_MAJOR = 101 };
enum { NO_TRANS = 111, TRANS = 112 };

/* cblas_?gemm with 64-bit (ILP64) or 32-bit (LP64) integer arguments */
#define GEMM_TYPES(INT)                                                                     \
    typedef void (*sgemm_##INT)(int, int, int, INT, INT, INT, float, const float *, INT,      \
                                const float *, INT, float, float *, INT);                    \
    typedef void (*dgemm_##INT)(int, int, int, INT, INT, INT, double, const double *, INT,    \
                                const double *, INT, double, double *, INT);                 \
    typedef void (*cgemm_##INT)(int, int, int, INT, INT, INT, const void *, const void *,     \
                                INT, const void *, INT, const void *, void *, INT);
GEMM_TYPES(int64_t)
GEMM_TYPES(int)

/* The bound library: 0 until bind() succeeds. */
static struct {
    int bound;
    int ilp64;
    void *gemm[4]; /* s, d, c, z */
    char symbol[64]; /* the dgemm symbol found, for info() */
} g_blas;

/* Symbol spellings, most specific first: the scipy-openblas builds (NumPy's and
 * SciPy's wheels), then plain OpenBLAS/reference CBLAS, ILP64 before LP64. */
static const struct {
    const char *prefix, *suffix;
    int ilp64;
} SPELLINGS[] = {
    {"scipy_cblas_", "64_", 1},
    {"cblas_", "64_", 1},
    {"scipy_cblas_", "", 0},
    {"cblas_", "", 0},
};

/* A typed blasint for gemm_one: int64_t for ILP64, checked to fit int otherwise. */
typedef int64_t blasint;
/* A matrix operand of one gemm call: rows x cols elements at data, with strides in
 * bytes (a stride of a dimension of size 1 is never read). */
typedef struct {
    char *data;
    npy_intp rows, cols;
    npy_intp row_stride, col_stride;
} matrix_view;

/* How gemm reads a matrix in place: its transpose flag and leading dimension.
 * Returns 0 when the layout is not one BLAS takes (the matrix must be copied). */
static int blas_layout(const matrix_view *v, npy_intp itemsize, int *trans, blasint *ld)
{
    npy_intp rows = v->rows, cols = v->cols;
    npy_intp rs = v->row_stride, cs = v->col_stride;
    /* strides of size-1 dimensions are arbitrary in NumPy; they never matter */
    int unit_cols = cols <= 1 || cs == itemsize;
    int unit_rows = rows <= 1 || rs == itemsize;
    if (unit_cols) {
        npy_intp need = cols > 1 ? cols : 1;
        if (rows <= 1) {
            *trans = NO_TRANS;
            *ld = need;
            return 1;
        }
        if (rs > 0 && rs % itemsize == 0 && rs / itemsize >= need) {
            *trans = NO_TRANS;
            *ld = rs / itemsize;
            return 1;
        }
    }
    if (unit_rows) {
        /* column-major storage: gemm reads it as the transpose of a row-major matrix */
        npy_intp need = rows > 1 ? rows : 1;
        if (cols <= 1) {
            *trans = TRANS;
            *ld = need;
            return 1;
        }
        if (cs > 0 && cs % itemsize == 0 && cs / itemsize >= need) {
            *trans = TRANS;
            *ld = cs / itemsize;
            return 1;
        }
    }
    return 0;
}

/* Copy a strided matrix into a row-major contiguous buffer. */
static void copy_to_contiguous(const matrix_view *v, npy_intp itemsize, char *dst)
{
    for (npy_intp i = 0; i < v->rows; i++) {
        const char *row = v->data + i * v->row_stride;
        switch (itemsize) {
        case 4:
            for (npy_intp j = 0; j < v->cols; j++, dst += 4) {
                memcpy(dst, row + j * v->col_stride, 4);
            }
            break;
        case 8:
            for (npy_intp j = 0; j < v->cols; j++, dst += 8) {
                memcpy(dst, row + j * v->col_stride, 8);
            }
            break;
        default:
            for (npy_intp j = 0; j < v->cols; j++, dst += 16) {
                memcpy(dst, row + j * v->col_stride, 16);
            }
            break;
        }
    }
}

/* out = a @ b for one (m x k) @ (k x n) product; out is row-major with leading
 * dimension n. scratch_a / scratch_b hold m*k and k*n elements for layouts BLAS
 * cannot read in place. Runs without the GIL. */
static void gemm_one(int type_num, npy_intp itemsize, matrix_view a, matrix_view b, char *out,
                     npy_intp ldc, char *scratch_a, char *scratch_b)
{
    int trans_a, trans_b;
    blasint lda, ldb;
    if (!blas_layout(&a, itemsize, &trans_a, &lda)) {
        copy_to_contiguous(&a, itemsize, scratch_a);
        a.data = scratch_a;
        trans_a = NO_TRANS;
        lda = a.cols > 1 ? a.cols : 1;
    }
    if (!blas_layout(&b, itemsize, &trans_b, &ldb)) {
        copy_to_contiguous(&b, itemsize, scratch_b);
        b.data = scratch_b;
        trans_b = NO_TRANS;
        ldb = b.cols > 1 ? b.cols : 1;
    }
    blasint m = a.rows, k = a.cols, n = b.cols;
    const float one_f[2] = {1.0f, 0.0f}, zero_f[2] = {0.0f, 0.0f};
    const double one_d[2] = {1.0, 0.0}, zero_d[2] = {0.0, 0.0};
    /* the sizes fit an int when the library is LP64 (checked by matmul) */
#define CALL_GEMM(INT)                                                                        \
    switch (type_num) {                                                                      \
    case NPY_FLOAT:                                                                          \
        ((sgemm_##INT)g_blas.gemm[0])(ROW_MAJOR, trans_a, trans_b, (INT)m, (INT)n, (INT)k,   \
                                      1.0f, (const float *)a.data, (INT)lda,                 \
                                      (const float *)b.data, (INT)ldb, 0.0f, (float *)out,   \
                                      (INT)ldc);                                             \
        break;                                                                               \
    case NPY_DOUBLE:                                                                         \
        ((dgemm_##INT)g_blas.gemm[1])(ROW_MAJOR, trans_a, trans_b, (INT)m, (INT)n, (INT)k,   \
                                      1.0, (const double *)a.data, (INT)lda,                 \
                                      (const double *)b.data, (INT)ldb, 0.0, (double *)out,  \
                                      (INT)ldc);                                             \
        break;                                                                               \
    case NPY_CFLOAT:                                                                         \
        ((cgemm_##INT)g_blas.gemm[2])(ROW_MAJOR, trans_a, trans_b, (INT)m, (INT)n, (INT)k,   \
                                      one_f, a.data, (INT)lda, b.data, (INT)ldb, zero_f, out, \
                                      (INT)ldc);                                             \
        break;                                                                               \
    default:                                                                                 \
        ((cgemm_##INT)g_blas.gemm[3])(ROW_MAJOR, trans_a, trans_b, (INT)m, (INT)n, (INT)k,   \
                                      one_d, a.data, (INT)lda, b.data, (INT)ldb, zero_d, out, \
                                      (INT)ldc);                                             \
        break;                                                                               \
    }
    if (g_blas.ilp64) {
        CALL_GEMM(int64_t)
    } else {
        CALL_GEMM(int)
    }
#undef CALL_GEMM
}

static int handled_array(PyObject *obj)
{
    if (!PyArray_CheckExact(obj)) {
        return 0;
    }
    PyArrayObject *arr = (PyArrayObject *)obj;
    int t = PyArray_TYPE(arr);
    return (t == NPY_FLOAT || t == NPY_DOUBLE || t == NPY_CFLOAT || t == NPY_CDOUBLE)
           && PyArray_ISALIGNED(arr) && PyArray_ISNOTSWAPPED(arr) && PyArray_NDIM(arr) >= 1;
}

#define MAX_DIMS NPY_MAXDIMS

static PyObject *py_matmul(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "matmul(x1, x2) takes two arrays");
        return NULL;
    }
    if (!g_blas.bound || !handled_array(args[0]) || !handled_array(args[1])
        || PyArray_TYPE((PyArrayObject *)args[0]) != PyArray_TYPE((PyArrayObject *)args[1])) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyArrayObject *x1 = (PyArrayObject *)args[0], *x2 = (PyArrayObject *)args[1];
    int nd1 = PyArray_NDIM(x1), nd2 = PyArray_NDIM(x2);
    const npy_intp *shape1 = PyArray_DIMS(x1), *shape2 = PyArray_DIMS(x2);
    const npy_intp *strides1 = PyArray_STRIDES(x1), *strides2 = PyArray_STRIDES(x2);
    int type_num = PyArray_TYPE(x1);
    npy_intp itemsize = PyArray_ITEMSIZE(x1);

    /* the matrix dimensions, 1-d operands promoted (x1 to a row, x2 to a column) */
    matrix_view a = {PyArray_BYTES(x1), 1, shape1[nd1 - 1], 0, strides1[nd1 - 1]};
    if (nd1 >= 2) {
        a.rows = shape1[nd1 - 2];
        a.row_stride = strides1[nd1 - 2];
    }
    matrix_view b = {PyArray_BYTES(x2), shape2[0], 1, strides2[0], 0};
    if (nd2 >= 2) {
        b.rows = shape2[nd2 - 2];
        b.cols = shape2[nd2 - 1];
        b.row_stride = strides2[nd2 - 2];
        b.col_stride = strides2[nd2 - 1];
    }
    if (a.cols != b.rows) {
        PyErr_Format(PyExc_ValueError,
                     "contracted dimensions differ: x1 has %zd columns, x2 has %zd rows",
                     (Py_ssize_t)a.cols, (Py_ssize_t)b.rows);
        return NULL;
    }

    /* broadcast batch dimensions, aligned from the right */
    int bd1 = nd1 > 2 ? nd1 - 2 : 0, bd2 = nd2 > 2 ? nd2 - 2 : 0;
    int batch_nd = bd1 > bd2 ? bd1 : bd2;
    npy_intp batch_shape[MAX_DIMS], bstride1[MAX_DIMS], bstride2[MAX_DIMS];
    npy_intp batch_count = 1;
    for (int i = 0; i < batch_nd; i++) {
        int i1 = i - (batch_nd - bd1), i2 = i - (batch_nd - bd2);
        npy_intp s1 = i1 >= 0 ? shape1[i1] : 1, s2 = i2 >= 0 ? shape2[i2] : 1;
        if (s1 != s2 && s1 != 1 && s2 != 1) {
            PyErr_Format(PyExc_ValueError,
                         "operands could not be broadcast together: batch dimension %d is "
                         "%zd in x1 and %zd in x2", i, (Py_ssize_t)s1, (Py_ssize_t)s2);
            return NULL;
        }
        batch_shape[i] = s1 == 1 ? s2 : s1;
        bstride1[i] = (i1 >= 0 && s1 != 1) ? strides1[i1] : 0;
        bstride2[i] = (i2 >= 0 && s2 != 1) ? strides2[i2] : 0;
        batch_count *= batch_shape[i];   /* bounded: each factor is a dimension of an input */
    }

    npy_intp out_shape[MAX_DIMS];
    int out_nd = 0;
    for (int i = 0; i < batch_nd; i++) {
        out_shape[out_nd++] = batch_shape[i];
    }
    if (nd1 >= 2) {
        out_shape[out_nd++] = a.rows;
    }
    if (nd2 >= 2) {
        out_shape[out_nd++] = b.cols;
    }
    /* k = 0: the sums are empty, so the result is zeros (gemm is not called) */
    PyArrayObject *out = (PyArrayObject *)(a.cols == 0
        ? PyArray_ZEROS(out_nd, out_shape, type_num, 0)
        : PyArray_EMPTY(out_nd, out_shape, type_num, 0));
    if (out == NULL) {
        return NULL;
    }
    if (PyArray_SIZE(out) == 0 || a.cols == 0) {
        return (PyObject *)out;
    }

    /* A stack of row-major matrices times one matrix is one tall product: fold the
     * batch into the rows when x1's batch dimensions and rows are one strided run of
     * rows (the row stride of a single row is taken from the batch). */
    if (bd2 == 0 && batch_nd > 0 && (a.cols <= 1 || a.col_stride == itemsize)) {
        npy_intp row_stride = a.row_stride;
        if (a.rows == 1) {
            row_stride = (a.cols > 1 ? a.cols : 1) * itemsize;
            for (int i = batch_nd - 1; i >= 0; i--) {
                if (batch_shape[i] != 1) {
                    row_stride = bstride1[i];
                    break;
                }
            }
        }
        int foldable = row_stride > 0 && row_stride % itemsize == 0
                       && row_stride / itemsize >= (a.cols > 1 ? a.cols : 1);
        npy_intp expect = row_stride * a.rows;
        for (int i = batch_nd - 1; i >= 0 && foldable; i--) {
            if (batch_shape[i] != 1 && bstride1[i] != expect) {
                foldable = 0;
            }
            expect *= batch_shape[i];
        }
        if (foldable) {
            a.row_stride = row_stride;
            a.rows *= batch_count;
            batch_count = 1;
            batch_nd = 0;
        }
    }

    npy_intp m = a.rows, k = a.cols, n = b.cols;
    if (!g_blas.ilp64) {
        /* a 32-bit BLAS: every size and leading dimension it sees must fit an int */
        npy_intp biggest = m > k ? m : k;
        biggest = biggest > n ? biggest : n;
        npy_intp strides[4] = {a.row_stride, a.col_stride, b.row_stride, b.col_stride};
        for (int i = 0; i < 4; i++) {
            npy_intp s = strides[i] < 0 ? -(strides[i] / itemsize) : strides[i] / itemsize;
            biggest = s > biggest ? s : biggest;
        }
        if (biggest > INT_MAX) {
            Py_DECREF(out);
            Py_RETURN_NOTIMPLEMENTED;
        }
    }
    npy_intp out_matrix_bytes = m * n * itemsize;
    /* scratch for operands whose layout gemm cannot read */
    char *scratch = NULL;
    int need_a = 0, need_b = 0;
    {
        int t;
        blasint ld;
        need_a = !blas_layout(&a, itemsize, &t, &ld);
        need_b = !blas_layout(&b, itemsize, &t, &ld);
        /* a batch operand's layout is the same for every matrix of the stack */
    }
    /* a broadcast (zero-stride) operand can be far larger as a matrix than in memory */
    npy_intp limit = NPY_MAX_INTP / 2 / itemsize;
    if ((need_a && k > 0 && m > limit / k) || (need_b && n > 0 && k > limit / n)) {
        Py_DECREF(out);
        return PyErr_NoMemory();
    }
    npy_intp scratch_a_bytes = need_a ? m * k * itemsize : 0;
    npy_intp scratch_b_bytes = need_b ? k * n * itemsize : 0;
    if (scratch_a_bytes + scratch_b_bytes > 0) {
        scratch = PyMem_RawMalloc((size_t)(scratch_a_bytes + scratch_b_bytes));
        if (scratch == NULL) {
            Py_DECREF(out);
            return PyErr_NoMemory();
        }
    }
    char *scratch_a = scratch, *scratch_b = scratch ? scratch + scratch_a_bytes : NULL;
    char *out_data = PyArray_BYTES(out);
    char *base1 = a.data, *base2 = b.data;

    Py_BEGIN_ALLOW_THREADS
    npy_intp index[MAX_DIMS] = {0};
    npy_intp off1 = 0, off2 = 0;
    for (npy_intp item = 0; item < batch_count; item++) {
        a.data = base1 + off1;
        b.data = base2 + off2;
        gemm_one(type_num, itemsize, a, b, out_data + item * out_matrix_bytes, n, scratch_a,
                 scratch_b);
        /* advance the batch multi-index (last dimension fastest) */
        for (int d = batch_nd - 1; d >= 0; d--) {
            if (++index[d] < batch_shape[d]) {
                off1 += bstride1[d];
                off2 += bstride2[d];
                break;
            }
            off1 -= bstride1[d] * (batch_shape[d] - 1);
            off2 -= bstride2[d] * (batch_shape[d] - 1);
            index[d] = 0;
        }
    }
    Py_END_ALLOW_THREADS

    PyMem_RawFree(scratch);
    return (PyObject *)out;
}

/* bind(path): look gemm up through the already loaded object at path (NumPy's
 * _multiarray_umath) and its dependencies. Returns the dgemm symbol's name and the
 * file that defines it, or None (nothing bound; matmul then returns NotImplemented). */
static PyObject *py_bind(PyObject *self, PyObject *arg)
{
    (void)self;
    const char *path = PyUnicode_AsUTF8(arg);
    if (path == NULL) {
        return NULL;
    }
    /* RTLD_NOLOAD: only a handle to the copy already in the process, never a load */
    void *handle = dlopen(path, RTLD_LAZY | RTLD_LOCAL | RTLD_NOLOAD);
    if (handle == NULL) {
        Py_RETURN_NONE;
    }
    static const char LETTERS[4] = {'s', 'd', 'c', 'z'};
    for (size_t i = 0; i < sizeof SPELLINGS / sizeof SPELLINGS[0]; i++) {
        void *found[4];
        char name[64];
        int all = 1;
        for (int t = 0; t < 4 && all; t++) {
            snprintf(name, sizeof name, "%s%cgemm%s", SPELLINGS[i].prefix, LETTERS[t],
                     SPELLINGS[i].suffix);
            found[t] = dlsym(handle, name);
            all = found[t] != NULL;
        }
        if (!all) {
            continue;
        }
        /* the handle stays open: it keeps the library's reference count up, and the
         * library is NumPy's, loaded for the life of the process anyway */
        memcpy(g_blas.gemm, found, sizeof found);
        g_blas.ilp64 = SPELLINGS[i].ilp64;
        snprintf(g_blas.symbol, sizeof g_blas.symbol, "%sdgemm%s", SPELLINGS[i].prefix,
                 SPELLINGS[i].suffix);
        g_blas.bound = 1;
        Dl_info info;
        const char *file = dladdr(found[1], &info) && info.dli_fname ? info.dli_fname : "";
        return Py_BuildValue("(ss)", g_blas.symbol, file);
    }
    dlclose(handle);
    Py_RETURN_NONE;
}

static PyMethodDef METHODS[] = {
    {"matmul", (PyCFunction)(void (*)(void))py_matmul, METH_FASTCALL,
     "matmul(x1, x2): NumPy's matmul through NumPy's own BLAS gemm; NotImplemented if "
     "unhandled"},
    {"bind", py_bind, METH_O,
     "bind(path) -> (dgemm symbol, library file) or None: use the gemm that the loaded "
     "object at path (NumPy's _multiarray_umath) links"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef MODULE = {
    PyModuleDef_HEAD_INIT, "_blas",
    "bridge's native matrix products through the BLAS NumPy itself loaded.",
    -1, METHODS, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__blas(void)
{
    import_array();
    return PyModule_Create(&MODULE);
}

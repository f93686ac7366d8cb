/* Small kernels whose NumPy functions are written in Python (or reached through
 * one), so that their dispatch, not their arithmetic, is most of their time on small
 * inputs:
 *
 *   linspace(fallback, start, stop, num, dtype=, endpoint=)
 *       numpy.linspace's arithmetic step for step (float64: i * step + start, the last
 *       sample stop), then the cast to dtype; bitwise NumPy's result;
 *   broadcast_to(fallback, x, shape)
 *       the read-only view numpy.broadcast_to makes (stride 0 on the broadcast and the
 *       size-1 dimensions, x's strides on the others);
 *   reshape(fallback, x, shape, copy)
 *       copy None: x.reshape(shape) (PyArray_Newshape, the method's own function);
 *   vector_norm(fallback, x, axis=, keepdims=, ord=)
 *       ord 2 over every axis of a C-contiguous float32/float64 array: the square
 *       root of NumPy's pairwise sum of the squares (numpy.add.reduce's algorithm,
 *       so the bits are the numpy backend's).
 *
 * Each takes the numpy backend's kernel first and calls it, with the same arguments,
 * for every case it does not serve: other dtypes, layouts and argument types, values
 * for which NumPy warns (an overflow, an inf or NaN), a shape that does not broadcast,
 * an empty broadcast (whose strides NumPy's iterator chooses), a failed allocation.
 */
#include "native.h"

#include <math.h>

/* the vectorcall args/kwnames spread over the parameters `names` (positionals first):
 * 0, or -1 (no error set) when one is missing, unknown or given twice */
static int spread(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                  const char *const *names, int n, PyObject **out)
{
    for (int i = 0; i < n; i++) {
        out[i] = NULL;
    }
    if (nargs > n) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        const char *key = PyUnicode_AsUTF8(PyTuple_GET_ITEM(kwnames, k));
        if (key == NULL) {
            PyErr_Clear();
            return -1;
        }
        int j = 0;
        while (j < n && strcmp(names[j], key) != 0) {
            j++;
        }
        if (j == n || out[j] != NULL) {
            return -1;
        }
        out[j] = args[nargs + k];
    }
    for (int i = 0; i < n; i++) {
        if (out[i] == NULL) {
            return -1;
        }
    }
    return 0;
}

/* the numpy kernel on the arguments after the fallback itself */
static PyObject *fall_back(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return PyObject_Vectorcall(args[0], args + 1, (size_t)(nargs - 1), kwnames);
}

/* a Python float, or an int that int64 holds, as NumPy converts it to float64 */
static int exact_double(PyObject *v, double *out)
{
    if (PyFloat_CheckExact(v)) {
        *out = PyFloat_AS_DOUBLE(v);
        return 0;
    }
    if (PyLong_CheckExact(v)) {
        int overflow = 0;
        long long i = PyLong_AsLongLongAndOverflow(v, &overflow);
        if (overflow || (i == -1 && PyErr_Occurred())) {
            PyErr_Clear();
            return -1;
        }
        *out = (double)i;
        return 0;
    }
    return -1;
}

PyObject *native_linspace(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                          PyObject *kwnames)
{
    (void)self;
    static const char *const names[] = {"start", "stop", "num", "dtype", "endpoint"};
    PyObject *a[5];
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "linspace(fallback, start, stop, num, dtype, endpoint)");
        return NULL;
    }
    double start, stop;
    long long num;
    int overflow = 0;
    if (spread(args + 1, nargs - 1, kwnames, names, 5, a) < 0 ||
        exact_double(a[0], &start) < 0 || exact_double(a[1], &stop) < 0 ||
        !PyLong_CheckExact(a[2]) || (a[4] != Py_True && a[4] != Py_False) ||
        !PyArray_DescrCheck(a[3])) {
        return fall_back(args, nargs, kwnames);
    }
    num = PyLong_AsLongLongAndOverflow(a[2], &overflow);
    if (overflow || (num == -1 && PyErr_Occurred())) {
        PyErr_Clear();
        return fall_back(args, nargs, kwnames);
    }
    int t = type_index((PyArray_Descr *)a[3]);
    int endpoint = a[4] == Py_True;
    double delta = stop - start;
    /* NumPy warns for an inf or NaN made by the arithmetic; 2**62 samples are no array's */
    if (num < 0 || num >= (1LL << 62) || !isfinite(start) || !isfinite(stop) ||
        !isfinite(delta) || (t != T_F64 && t != T_F32 && t != T_C128 && t != T_C64)) {
        return fall_back(args, nargs, kwnames);
    }
    npy_intp n = (npy_intp)num;
    PyArrayObject *out = new_array(1, &n, t);
    if (out == NULL) {
        PyErr_Clear(); /* NumPy's own error for an allocation it cannot make */
        return fall_back(args, nargs, kwnames);
    }
    char *data = PyArray_BYTES(out);
    long long div = endpoint ? num - 1 : num;
    /* numpy.linspace: y = arange(num) * step (or / div * delta when the step is 0, or
     * * delta without a step), y += start, y[-1] = stop; in float64, then the cast */
    double step = div > 0 ? delta / (double)div : 0.0;
    int ok = 1;
    for (npy_intp i = 0; i < n; i++) {
        double y;
        if (div > 0) {
            y = step != 0 ? (double)i * step : (double)i / (double)div * delta;
        }
        else {
            y = (double)i * delta;
        }
        y += start;
        if (endpoint && n > 1 && i == n - 1) {
            y = stop;
        }
        switch (t) {
        case T_F64:
            ok &= isfinite(y) != 0;
            ((double *)data)[i] = y;
            break;
        case T_F32: {
            float f = (float)y;
            ok &= isfinite(f) != 0;
            ((float *)data)[i] = f;
            break;
        }
        case T_C128:
            ok &= isfinite(y) != 0;
            ((c128_t *)data)[i] = (c128_t){y, 0.0};
            break;
        default: {
            float f = (float)y;
            ok &= isfinite(f) != 0;
            ((c64_t *)data)[i] = (c64_t){f, 0.0f};
            break;
        }
        }
    }
    if (!ok) { /* an overflow, which NumPy warns about */
        Py_DECREF(out);
        return fall_back(args, nargs, kwnames);
    }
    return (PyObject *)out;
}

PyObject *native_broadcast_to(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "broadcast_to(fallback, x, shape)");
        return NULL;
    }
    if (nargs != 3 || !PyArray_CheckExact(args[1]) || !PyTuple_CheckExact(args[2])) {
        return fall_back(args, nargs, NULL);
    }
    PyArrayObject *x = (PyArrayObject *)args[1];
    PyObject *shape = args[2];
    int ndim = PyArray_NDIM(x);
    Py_ssize_t nd = PyTuple_GET_SIZE(shape);
    if (nd < ndim || nd > NPY_MAXDIMS || type_index(PyArray_DESCR(x)) == T_NONE) {
        return fall_back(args, nargs, NULL);
    }
    npy_intp dims[NPY_MAXDIMS], strides[NPY_MAXDIMS];
    npy_intp size = 1;
    for (Py_ssize_t i = 0; i < nd; i++) {
        PyObject *item = PyTuple_GET_ITEM(shape, i);
        if (!PyLong_CheckExact(item)) {
            return fall_back(args, nargs, NULL);
        }
        int overflow = 0;
        long long s = PyLong_AsLongLongAndOverflow(item, &overflow);
        if (overflow || s < 0 || s > NPY_MAX_INTP) {
            PyErr_Clear();
            return fall_back(args, nargs, NULL);
        }
        Py_ssize_t k = i - (nd - ndim); /* x's dimension under this one, if any */
        npy_intp have = k < 0 ? 1 : PyArray_DIM(x, (int)k);
        if (have != 1 && have != s) {
            return fall_back(args, nargs, NULL); /* NumPy's error */
        }
        dims[i] = (npy_intp)s;
        strides[i] = have == 1 ? 0 : PyArray_STRIDE(x, (int)k);
        if (__builtin_mul_overflow(size, dims[i], &size)) {
            return fall_back(args, nargs, NULL);
        }
    }
    if (size == 0) {
        return fall_back(args, nargs, NULL);
    }
    PyArray_Descr *descr = PyArray_DESCR(x);
    Py_INCREF(descr);
    /* flags 0: read-only, as NumPy's (contiguity and alignment are computed) */
    PyObject *view = PyArray_NewFromDescr(&PyArray_Type, descr, (int)nd, dims, strides,
                                          PyArray_DATA(x), 0, NULL);
    if (view == NULL) {
        return NULL;
    }
    Py_INCREF(x); /* the view keeps x's memory alive (SetBaseObject takes the reference) */
    if (PyArray_SetBaseObject((PyArrayObject *)view, (PyObject *)x) < 0) {
        Py_DECREF(view);
        return NULL;
    }
    return view;
}

PyObject *native_reshape(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "reshape(fallback, x, shape, copy)");
        return NULL;
    }
    if (nargs != 4 || !PyArray_CheckExact(args[1]) || !PyTuple_CheckExact(args[2]) ||
        args[3] != Py_None || PyTuple_GET_SIZE(args[2]) > NPY_MAXDIMS) {
        return fall_back(args, nargs, NULL);
    }
    PyObject *shape = args[2];
    npy_intp dims[NPY_MAXDIMS];
    Py_ssize_t nd = PyTuple_GET_SIZE(shape);
    for (Py_ssize_t i = 0; i < nd; i++) {
        PyObject *item = PyTuple_GET_ITEM(shape, i);
        int overflow = 0;
        long long s = PyLong_CheckExact(item) ? PyLong_AsLongLongAndOverflow(item, &overflow) : -2;
        if (overflow || s < -1 || s > NPY_MAX_INTP) {
            PyErr_Clear();
            return fall_back(args, nargs, NULL);
        }
        dims[i] = (npy_intp)s;
    }
    /* x.reshape(shape): a view where the strides allow one, else a C-order copy; its
     * errors are its own */
    PyArray_Dims newshape = {dims, (int)nd};
    return PyArray_Newshape((PyArrayObject *)args[1], &newshape, NPY_CORDER);
}

/* numpy.add.reduce's pairwise sum (loops_utils.h.src) of the squares of a[0..n) */
#define DEFINE_PAIRWISE_SQUARES(SUF, T)                                                  \
    static T pairwise_squares_##SUF(const T *a, npy_intp n)                              \
    {                                                                                    \
        if (n < 8) {                                                                     \
            T res = (T)-0.0;                                                             \
            for (npy_intp i = 0; i < n; i++) {                                           \
                const T v = a[i] * a[i];                                                 \
                res += v;                                                                \
            }                                                                            \
            return res;                                                                  \
        }                                                                                \
        if (n <= 128) {                                                                  \
            T r[8];                                                                      \
            npy_intp i;                                                                  \
            for (int j = 0; j < 8; j++) {                                                \
                r[j] = a[j] * a[j];                                                      \
            }                                                                            \
            for (i = 8; i < n - (n % 8); i += 8) {                                       \
                for (int j = 0; j < 8; j++) {                                            \
                    const T v = a[i + j] * a[i + j];                                     \
                    r[j] += v;                                                           \
                }                                                                        \
            }                                                                            \
            T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));  \
            for (; i < n; i++) {                                                         \
                const T v = a[i] * a[i];                                                 \
                res += v;                                                                \
            }                                                                            \
            return res;                                                                  \
        }                                                                                \
        npy_intp n2 = n / 2;                                                             \
        n2 -= n2 % 8;                                                                    \
        return pairwise_squares_##SUF(a, n2) + pairwise_squares_##SUF(a + n2, n - n2);   \
    }
DEFINE_PAIRWISE_SQUARES(f32, float)
DEFINE_PAIRWISE_SQUARES(f64, double)

PyObject *native_vector_norm(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    (void)self;
    static const char *const names[] = {"x", "axis", "keepdims", "ord"};
    PyObject *a[4];
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "vector_norm(fallback, x, axis, keepdims, ord)");
        return NULL;
    }
    if (spread(args + 1, nargs - 1, kwnames, names, 4, a) < 0 || !PyArray_CheckExact(a[0]) ||
        (a[2] != Py_True && a[2] != Py_False)) {
        return fall_back(args, nargs, kwnames);
    }
    PyArrayObject *x = (PyArrayObject *)a[0];
    int t = type_index(PyArray_DESCR(x));
    int ndim = PyArray_NDIM(x);
    int two = (PyLong_CheckExact(a[3]) && PyLong_AsLong(a[3]) == 2) ||
              (PyFloat_CheckExact(a[3]) && PyFloat_AS_DOUBLE(a[3]) == 2.0);
    PyErr_Clear(); /* a huge int ord is not 2 */
    int every_axis = a[1] == Py_None;
    if (PyTuple_CheckExact(a[1]) && PyTuple_GET_SIZE(a[1]) == ndim) {
        every_axis = 1; /* the normalised axes, sorted: 0, 1, ..., ndim - 1 */
        for (int d = 0; d < ndim; d++) {
            PyObject *item = PyTuple_GET_ITEM(a[1], d);
            if (!PyLong_CheckExact(item) || PyLong_AsLong(item) != d) {
                PyErr_Clear();
                every_axis = 0;
                break;
            }
        }
    }
    if (!two || !every_axis || (t != T_F32 && t != T_F64) ||
        !PyArray_IS_C_CONTIGUOUS(x) || !PyArray_ISALIGNED(x)) {
        return fall_back(args, nargs, kwnames);
    }
    npy_intp ones[NPY_MAXDIMS];
    for (int d = 0; d < ndim; d++) {
        ones[d] = 1;
    }
    PyArrayObject *out = new_array(a[2] == Py_True ? ndim : 0, ones, t);
    if (out == NULL) {
        return NULL;
    }
    npy_intp n = PyArray_SIZE(x);
    int finite;
    /* add.reduce starts from its identity 0 (so -0.0 sums to 0.0) */
    if (t == T_F64) {
        double r = sqrt(0.0 + pairwise_squares_f64((const double *)PyArray_DATA(x), n));
        *(double *)PyArray_DATA(out) = r;
        finite = isfinite(r) != 0;
    }
    else {
        float r = sqrtf(0.0f + pairwise_squares_f32((const float *)PyArray_DATA(x), n));
        *(float *)PyArray_DATA(out) = r;
        finite = isfinite(r) != 0;
    }
    if (!finite) { /* an inf or NaN in x, or a square that overflowed (NumPy warns) */
        Py_DECREF(out);
        return fall_back(args, nargs, kwnames);
    }
    return (PyObject *)out;
}

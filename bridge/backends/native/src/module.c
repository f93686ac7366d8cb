/* The _native extension module: the method table and thread-count control. */
#define BRIDGE_NATIVE_MAIN
#include "native.h"

static PyObject *py_set_num_threads(PyObject *self, PyObject *arg)
{
    (void)self;
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (n < 1 || n > 256 || pool_set_threads((int)n) < 0) {
        PyErr_Format(PyExc_ValueError,
                     "set_num_threads: n=%ld must be between 1 and 256", n);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *py_get_num_threads(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    return PyLong_FromLong(pool_get_threads());
}

static PyMethodDef METHODS[] = {
    {"binary", (PyCFunction)(void (*)(void))native_binary, METH_FASTCALL,
     "binary(opcode, fallback, x1, x2): elementwise binary kernel"},
    {"unary", (PyCFunction)(void (*)(void))native_unary, METH_FASTCALL,
     "unary(opcode, fallback, x): elementwise unary kernel"},
    {"reduce", (PyCFunction)(void (*)(void))native_reduce, METH_FASTCALL,
     "reduce(op, x, axes): sum/prod/max/min/count over axes (None: all); None if unhandled"},
    {"arg_reduce", (PyCFunction)(void (*)(void))native_arg_reduce, METH_FASTCALL,
     "arg_reduce(is_max, x, out): argmax/argmin along the last axis into out"},
    {"cumulative", (PyCFunction)(void (*)(void))native_cumulative, METH_FASTCALL,
     "cumulative(product, x, out, include_initial): running sums/products along the last axis"},
    {"where", (PyCFunction)(void (*)(void))native_where, METH_FASTCALL,
     "where(condition, x1, x2); None if unhandled"},
    {"clip", (PyCFunction)(void (*)(void))native_clip, METH_FASTCALL,
     "clip(x, lo, hi): lo/hi None, a Python scalar or an array; None if unhandled"},
    {"astype", (PyCFunction)(void (*)(void))native_astype, METH_FASTCALL,
     "astype(x, dtype, copy); None if unhandled"},
    {"take", (PyCFunction)(void (*)(void))native_take, METH_FASTCALL,
     "take(x, indices, axis); None if unhandled"},
    {"take_along_axis", (PyCFunction)(void (*)(void))native_take_along_axis, METH_FASTCALL,
     "take_along_axis(x, indices, axis); None if unhandled"},
    {"concat", (PyCFunction)(void (*)(void))native_concat, METH_FASTCALL,
     "concat(axis, dtype, *arrays); None if unhandled"},
    {"stack", (PyCFunction)(void (*)(void))native_stack, METH_FASTCALL,
     "stack(axis, *arrays); None if unhandled"},
    {"nonzero", (PyCFunction)(void (*)(void))native_nonzero, METH_FASTCALL,
     "nonzero(x): tuple of int64 index arrays; None if unhandled"},
    {"searchsorted", (PyCFunction)(void (*)(void))native_searchsorted, METH_FASTCALL,
     "searchsorted(x1, x2, side[, sorter]): int64 insertion points; None if unhandled"},
    {"linspace", (PyCFunction)(void (*)(void))native_linspace, METH_FASTCALL | METH_KEYWORDS,
     "linspace(fallback, start, stop, num, dtype=, endpoint=): numpy.linspace's samples"},
    {"broadcast_to", (PyCFunction)(void (*)(void))native_broadcast_to, METH_FASTCALL,
     "broadcast_to(fallback, x, shape): the read-only view numpy.broadcast_to makes"},
    {"reshape", (PyCFunction)(void (*)(void))native_reshape, METH_FASTCALL,
     "reshape(fallback, x, shape, copy): copy None: x.reshape(shape)"},
    {"vector_norm", (PyCFunction)(void (*)(void))native_vector_norm,
     METH_FASTCALL | METH_KEYWORDS,
     "vector_norm(fallback, x, axis=, keepdims=, ord=): the 2-norm over every axis"},
    {"sort", (PyCFunction)(void (*)(void))native_sort, METH_FASTCALL,
     "sort(x, axis, descending, indices): stable sort or argsort; None if unhandled"},
    {"unique", (PyCFunction)(void (*)(void))native_unique, METH_FASTCALL,
     "unique(x, mode): 0 values, 1 +counts, 2 +inverse, 3 all; None if unhandled"},
    {"roll", (PyCFunction)(void (*)(void))native_roll, METH_FASTCALL,
     "roll(x, offsets): offsets an int (flattened) or one per axis; None if unhandled"},
    {"tile", (PyCFunction)(void (*)(void))native_tile, METH_FASTCALL,
     "tile(x, reps); None if unhandled"},
    {"repeat", (PyCFunction)(void (*)(void))native_repeat, METH_FASTCALL,
     "repeat(x, repeats, axis): repeats an int or an integer array; None if unhandled"},
    {"getitem", (PyCFunction)(void (*)(void))native_getitem, METH_FASTCALL,
     "getitem(x, key): gather for mask/index-array keys; None if unhandled"},
    {"setitem", (PyCFunction)(void (*)(void))native_setitem, METH_FASTCALL,
     "setitem(x, value, key): True when written; None if unhandled (nothing written)"},
    {"copyto", (PyCFunction)(void (*)(void))native_copyto, METH_FASTCALL,
     "copyto(dst, src): dst[...] = src; True when written, None if unhandled (nothing written)"},
    {"simd_level", vmath_get_level, METH_NOARGS,
     "simd_level(): the instruction set of the transcendental kernels (see SIMD_LEVELS)"},
    {"set_simd_level", vmath_set_level, METH_O,
     "set_simd_level(name): switch the transcendental kernels to one of SIMD_LEVELS "
     "(results are bitwise the same on every level); returns the previous name"},
    {"set_num_threads", py_set_num_threads, METH_O, "Threads used by large kernels."},
    {"get_num_threads", py_get_num_threads, METH_NOARGS, "Threads used by large kernels."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef MODULE = {
    PyModuleDef_HEAD_INIT, "_native",
    "bridge's native kernels (C, threaded, SIMD through runtime CPU dispatch).",
    -1, METHODS, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__native(void)
{
    import_array();
    if (elementwise_init() < 0 || vmath_init() < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&MODULE);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddObject(m, "BINARY_OPS", elementwise_op_names(1)) < 0
        || PyModule_AddObject(m, "UNARY_OPS", elementwise_op_names(0)) < 0
        || PyModule_AddObject(m, "BINARY_COVERAGE", elementwise_coverage(1)) < 0
        || PyModule_AddObject(m, "UNARY_COVERAGE", elementwise_coverage(0)) < 0
        || PyModule_AddObject(m, "REDUCE_OPS", reduce_op_names()) < 0
        || PyModule_AddObject(m, "SIMD_LEVELS", vmath_levels()) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

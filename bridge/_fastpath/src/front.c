/* bridge._fastpath._front: the C front of bridge's one dispatch path.
 *
 * Every public function of bridge is a registry row (bridge/_registry.py). A row that
 * declares its parameters' kinds (an axis, a tuple of axes, a shape, a bool, a tensor
 * of a dtype category, ...) and how its kernel is called gets a Front: a vectorcall
 * object that parses the arguments with those kinds, looks the kernel up in the table
 * the selected backend pushed, calls it on the tensors' raw arrays, wraps the result
 * and, when an input carries an autograd record, records the call exactly as the
 * Python dispatcher (bridge._dispatch.run) does. Whatever a kind does not accept (a
 * list where a tensor goes, an axis out of range, a dtype outside the fast category,
 * a kernel error to report) is declined: the Front calls the row's Python function,
 * the readable path that implements the op's semantics and raises bridge's errors.
 * The front never implements an op; it only skips the Python frames for arguments
 * that the Python function would pass to the kernel unchanged.
 *
 * Also here: TensorBase, the C layout of bridge.Tensor (its raw array and its autograd
 * record), so that this front and the DLPack extension read a tensor's fields as
 * struct members; Tensor.__getitem__ for basic keys; and run(), the C case of
 * bridge._dispatch.run for every function without a Front of its own.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <numpy/arrayobject.h>
#include <structmember.h>

#include "tensor.h"

#include <limits.h>
#include <string.h>

/* ------------------------------------------------------------------ TensorBase */



static PyObject *tensorbase_new(PyTypeObject *type, PyObject *Py_UNUSED(args),
                                PyObject *Py_UNUSED(kwds))
{
    TensorObject *self = (TensorObject *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->meta = Py_NewRef(Py_None);
    }
    return (PyObject *)self;
}

static int tensorbase_traverse(TensorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->data);
    Py_VISIT(self->meta);
    return 0;
}

static int tensorbase_clear(TensorObject *self)
{
    Py_CLEAR(self->data);
    Py_CLEAR(self->meta);
    return 0;
}

static void tensorbase_dealloc(TensorObject *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakrefs != NULL) {
        PyObject_ClearWeakRefs((PyObject *)self);
    }
    tensorbase_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef tensorbase_members[] = {
    {"_data", T_OBJECT_EX, offsetof(TensorObject, data), 0,
     "the raw array (numpy.ndarray on the CPU, cupy.ndarray on a GPU)"},
    {"_meta", T_OBJECT_EX, offsetof(TensorObject, meta), 0,
     "the autograd record, or None"},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject TensorBaseType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bridge._fastpath._front.TensorBase",
    .tp_doc = "The C layout of bridge.Tensor: a raw array and an autograd record.",
    .tp_basicsize = sizeof(TensorObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_new = tensorbase_new,
    .tp_traverse = (traverseproc)tensorbase_traverse,
    .tp_clear = (inquiry)tensorbase_clear,
    .tp_dealloc = (destructor)tensorbase_dealloc,
    .tp_members = tensorbase_members,
    .tp_weaklistoffset = offsetof(TensorObject, weakrefs),
};


/* ------------------------------------------------------------------ bound state */

static PyTypeObject *g_tensor_type = NULL; /* bridge.Tensor */
static PyObject *g_state = NULL;           /* bridge.backends.PROCESS, the process's selection */
static PyObject *g_state_var = NULL;       /* bridge.backends._CONTEXT: a block's selection */
static PyTypeObject *g_state_type = NULL, *g_device_type = NULL;
static Py_ssize_t g_default_device_offset, g_cpu_kernels_offset, g_device_type_offset;
static PyObject *g_default_float = NULL;  /* float64, the default dtype */
static PyTypeObject *g_dtype_classes[16]; /* the classes of the 13 dtypes */
static int g_n_dtype_classes = 0;
static PyObject *g_normalize_raw = NULL;  /* _dispatch.normalize_raw: NumPy scalars */
static PyObject *g_name_the_function = NULL;
static PyObject *g_run_fallback = NULL;   /* _dispatch.run, the Python one */
static PyObject *g_record = NULL;         /* autograd's recorder (record_call) */
static long g_transforms_active = 0;       /* bridge.func vmaps running, in any thread */
/* bridge.compile's tracer recording in this thread: every front declines, so each call
 * of user code reaches the Python function and the registry's hook */
static _Thread_local long g_tracing = 0;
/* the process-wide count first: the thread-local one is read only while some
 * interpreter runs somewhere */
#define TRACING() (g_transforms_active > 0 && g_tracing)
static PyObject *g_transform_call = NULL;  /* _registry.transform_call(name, fn, *a, **k) */
static PyObject *g_rename_error = NULL;    /* _registry.rename_error(exc, short, name) */
static PyTypeObject *g_gpu_array_type = NULL; /* cupy.ndarray, once the cupy backend loads */
static PyObject *g_gpu_kernels = NULL;        /* the cupy backend's kernel table */
static int g_single_gpu = 0;
static PyObject *s_cpu, *s_cuda;
static PyObject *g_required;              /* the sentinel of a parameter without default */

static inline int is_tensor(PyObject *obj)
{
    return g_tensor_type != NULL && Py_IS_TYPE(obj, g_tensor_type);
}

/* The offset of `type`'s object member `name` (a __slots__ entry or a C member),
 * looked up through the MRO. */
static int member_offset(PyTypeObject *type, const char *name, Py_ssize_t *out)
{
    PyObject *key = PyUnicode_FromString(name);
    if (key == NULL) {
        return -1;
    }
    PyObject *descr = _PyType_Lookup(type, key); /* borrowed */
    Py_DECREF(key);
    if (descr == NULL || !Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        PyErr_Format(PyExc_TypeError, "bind: %s.%s is not a member", type->tp_name, name);
        return -1;
    }
    PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
    if (member->type != T_OBJECT_EX || (member->flags & READONLY)) {
        PyErr_Format(PyExc_TypeError, "bind: %s.%s is not a writable object member",
                     type->tp_name, name);
        return -1;
    }
    *out = member->offset;
    return 0;
}

static inline PyObject *slot_at(PyObject *obj, Py_ssize_t offset)
{
    return *(PyObject **)((char *)obj + offset); /* borrowed; NULL when never set */
}

static inline int class_in(PyTypeObject *cls, PyTypeObject *const *classes, int n)
{
    for (int i = 0; i < n; i++) {
        if (cls == classes[i]) {
            return 1;
        }
    }
    return 0;
}

/* the classes of the NumPy dtypes in tuple `dtypes` into `out`; their number, or -1 */
static int dtype_classes(PyObject *dtypes, PyTypeObject **out, int capacity, const char *func)
{
    if (!PyTuple_Check(dtypes)) {
        PyErr_Format(PyExc_TypeError, "%s: dtypes must be a tuple", func);
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(dtypes);
    if (n > capacity) {
        PyErr_Format(PyExc_ValueError, "%s: too many dtypes", func);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyArray_DescrCheck(PyTuple_GET_ITEM(dtypes, i))) {
            PyErr_Format(PyExc_TypeError, "%s: dtypes must be NumPy dtypes", func);
            return -1;
        }
        out[i] = Py_TYPE(PyTuple_GET_ITEM(dtypes, i)); /* NumPy never frees these */
    }
    return (int)n;
}

/* The pending exception, normalised, with its traceback (new reference), or NULL. */
static PyObject *take_raised_exception(void)
{
#if PY_VERSION_HEX >= 0x030C0000
    return PyErr_GetRaisedException();
#else
    PyObject *type, *exc, *tb;
    PyErr_Fetch(&type, &exc, &tb);
    PyErr_NormalizeException(&type, &exc, &tb);
    if (exc != NULL && tb != NULL) {
        PyException_SetTraceback(exc, tb);
    }
    Py_XDECREF(type);
    Py_XDECREF(tb);
    return exc;
#endif
}

/* 1 when the kernel's pending error is one the Python path reports in bridge's words
 * (the front then declines and the Python function raises it again) */
static int reportable_error(void)
{
    return PyErr_ExceptionMatches(PyExc_ValueError) || PyErr_ExceptionMatches(PyExc_TypeError) ||
           PyErr_ExceptionMatches(PyExc_IndexError) ||
           PyErr_ExceptionMatches(PyExc_OverflowError) ||
           PyErr_ExceptionMatches(PyExc_MemoryError);
}

/* A new bridge.Tensor over raw array `arr` (reference stolen; NULL passes through). */
static PyObject *new_tensor(PyObject *arr)
{
    if (arr == NULL) {
        return NULL;
    }
    if (g_tensor_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "bridge._fastpath: bind() has not run");
        Py_DECREF(arr);
        return NULL;
    }
    TensorObject *t = (TensorObject *)g_tensor_type->tp_alloc(g_tensor_type, 0);
    if (t == NULL) {
        Py_DECREF(arr);
        return NULL;
    }
    t->data = arr;
    t->meta = Py_NewRef(Py_None);
    return (PyObject *)t;
}

/* A kernel's result as a new Tensor: a NumPy scalar (a 0-d result) as the 0-d array
 * np.asarray makes of it, array subclasses through _dispatch.normalize_raw, as the
 * Python paths do. */
static PyObject *kernel_result(PyObject *out)
{
    if (out != NULL && PyArray_IsScalar(out, Generic)) {
        PyObject *raw = PyArray_FromScalar(out, NULL);
        Py_DECREF(out);
        out = raw;
    }
    else if (out != NULL && !PyArray_CheckExact(out) &&
        !(g_gpu_array_type != NULL && Py_IS_TYPE(out, g_gpu_array_type))) {
        PyObject *raw = PyObject_CallOneArg(g_normalize_raw, out);
        Py_DECREF(out);
        out = raw;
    }
    return new_tensor(out);
}

/* A kernel's result as a Tensor, or a tuple of results as a tuple of Tensors (reference
 * to `out` stolen; NULL passes through). */
static PyObject *kernel_results(PyObject *out)
{
    if (out == NULL || !PyTuple_CheckExact(out)) {
        return kernel_result(out);
    }
    Py_ssize_t m = PyTuple_GET_SIZE(out);
    PyObject *result = PyTuple_New(m);
    for (Py_ssize_t i = 0; result != NULL && i < m; i++) {
        PyObject *t = kernel_result(Py_NewRef(PyTuple_GET_ITEM(out, i)));
        if (t == NULL) {
            Py_CLEAR(result);
            break;
        }
        PyTuple_SET_ITEM(result, i, t);
    }
    Py_DECREF(out);
    return result;
}


/* Autograd records the call of kernel `name` on tensors `inputs` that gave `result`,
 * as _dispatch.run records it: record(name, inputs, args, params, result), where args
 * are the `npos` values at `values` and params the values after them, named by
 * `kwnames` (a tuple, or NULL). Returns `result` (reference stolen), or NULL when
 * recording raised. */
static PyObject *record_call(PyObject *name, PyObject *inputs, PyObject *const *values,
                             Py_ssize_t npos, PyObject *kwnames, PyObject *result)
{
    PyObject *pos = PyTuple_New(npos);
    PyObject *kw = PyDict_New();
    int ok = pos != NULL && kw != NULL;
    for (Py_ssize_t i = 0; ok && i < npos; i++) {
        PyTuple_SET_ITEM(pos, i, Py_NewRef(values[i]));
    }
    Py_ssize_t nkw = kwnames != NULL ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; ok && i < nkw; i++) {
        ok = PyDict_SetItem(kw, PyTuple_GET_ITEM(kwnames, i), values[npos + i]) == 0;
    }
    PyObject *r = NULL;
    if (ok && g_record == g_c_record) { /* autograd's C recorder (record.c): no call */
        r = record_node(name, inputs, pos, kw, result);
    }
    else if (ok) {
        PyObject *call[5] = {name, inputs, pos, kw, result};
        r = PyObject_Vectorcall(g_record, call, 5, NULL);
    }
    Py_XDECREF(pos);
    Py_XDECREF(kw);
    if (r == NULL) {
        Py_CLEAR(result);
    }
    Py_XDECREF(r);
    return result;
}

static inline int same_str(PyObject *s, PyObject *interned)
{
    return s == interned || (PyUnicode_Check(s) && PyUnicode_Compare(s, interned) == 0);
}

/* the selected CPU backend's kernel table (borrowed), or NULL */
/* the selection in force in this thread and context (borrowed: the context or the
 * process holds it), or NULL */
static inline PyObject *current_state(void)
{
    if (g_state_var != NULL) {
        PyObject *local = NULL;
        if (PyContextVar_Get(g_state_var, NULL, &local) < 0) {
            PyErr_Clear();
            return NULL;
        }
        if (local != NULL) {
            Py_DECREF(local); /* the context keeps its reference */
            if (local != Py_None) {
                return Py_IS_TYPE(local, g_state_type) ? local : NULL;
            }
        }
    }
    return g_state != NULL && Py_IS_TYPE(g_state, g_state_type) ? g_state : NULL;
}

static inline PyObject *cpu_kernels(void)
{
    PyObject *state = current_state();
    if (state == NULL) {
        return NULL;
    }
    PyObject *kernels = slot_at(state, g_cpu_kernels_offset);
    return kernels != NULL && PyDict_CheckExact(kernels) ? kernels : NULL;
}

/* the kernel table of the default device (borrowed), or NULL */
static PyObject *default_kernels(void)
{
    PyObject *state = current_state();
    if (state == NULL) {
        return NULL;
    }
    PyObject *device = slot_at(state, g_default_device_offset);
    if (device == NULL || !Py_IS_TYPE(device, g_device_type)) {
        return NULL;
    }
    PyObject *type = slot_at(device, g_device_type_offset);
    if (type == NULL) {
        return NULL;
    }
    if (same_str(type, s_cpu)) {
        return cpu_kernels();
    }
    if (g_single_gpu && g_gpu_kernels != NULL && same_str(type, s_cuda)) {
        return g_gpu_kernels; /* the one GPU is always current */
    }
    return NULL;
}

/* the kernel table for raw arrays of class `cls` (borrowed), or NULL: NumPy arrays
 * run on the selected CPU backend, CuPy arrays on the cupy backend when the machine
 * has one GPU (with several, the Python path makes the arrays' device current) */
static inline PyObject *kernels_for(PyTypeObject *cls)
{
    if (cls == &PyArray_Type) {
        return cpu_kernels();
    }
    if (g_single_gpu && cls == g_gpu_array_type) {
        return g_gpu_kernels;
    }
    return NULL;
}

/* kernel `name` of table `kernels` (a dict, or NULL) as a new reference, or NULL */
static PyObject *kernel_in(PyObject *kernels, PyObject *name)
{
    PyObject *kernel = kernels != NULL ? PyDict_GetItemWithError(kernels, name) : NULL;
    if (kernel == NULL) {
        PyErr_Clear();
        return NULL;
    }
    return Py_NewRef(kernel);
}

/* ------------------------------------------------------------------ Front */

/* Parameter kinds. Each turns a user's argument into the value the row's Python
 * function hands its kernel, or declines (the Python function then decides). */
enum {
    K_TENSOR = 1,  /* a Tensor of the row's dtypes (ref >= 0: of param ref's dtype) */
    K_TENSORS,     /* a list or tuple of 1..16 Tensors of one dtype (flag: F_SAME_*) */
    K_AXIS,        /* an int axis of tensor param `ref`, normalised (flags below) */
    K_AXES,        /* None, an int or a tuple of distinct ints: None or a sorted tuple */
    K_BOOL,        /* True or False */
    K_DEFAULT,     /* only the default value (anything else: the Python path) */
    K_SHAPE,       /* a tuple of ints >= 0 (F_INT: or an int; F_RESHAPE: one -1 for ref) */
    K_PERMUTATION, /* a tuple holding each axis of tensor `ref` once, normalised */
    K_NONNEG,      /* an int or float (not bool) that is not negative (F_INT: an int
                    * below 2**62, a count of elements an array can hold) */
    K_DTYPE,       /* one of the 13 dtypes; None when the default is None: float64, or
                    * with ref >= 0 param ref's dtype (see dtype_of_ref) */
    K_DTYPE_OF,    /* only None: the kernel gets the dtype of param `ref` (a tensor's, or
                    * the standard's default for a K_SCALAR's Python type) */
    K_SCALAR,      /* a Python bool, int, float or complex (exactly those types) */
    K_REAL,        /* a Python int or float (exactly, not bool) that is not NaN (F_NONZERO:
                    * nor 0; F_RANGE: or None, see there) */
    K_SHAPE_OF,    /* derived: the shape of tensor param `ref`, as a tuple */
    K_DATA,        /* an exact numpy.ndarray of one of the 13 dtypes, an exact list or
                    * tuple nesting exact lists and tuples of Python bools, ints, floats
                    * and complex numbers (exactly those types), or one such number (an
                    * int within int64) */
};

/* flags */
enum {
    F_INSERT = 1,    /* K_AXIS: an axis of the result, one more than the input has */
    F_OPTIONAL = 2,  /* K_AXIS: None passes */
    F_NONEMPTY = 4,  /* K_AXIS, K_AXES: the reduced axes (all for None) must be non-empty */
    F_SQUEEZE = 8,   /* K_AXES: not None, and each axis of size 1 */
    F_SAME_SHAPE = 16,  /* K_TENSORS: all of one shape */
    F_CONCAT = 32,      /* K_TENSORS: one ndim >= 1; K_AXIS over them: the other dims agree */
    F_RESHAPE = 64,     /* K_SHAPE: a shape for the size of tensor `ref`, -1 resolved */
    F_INT = 128,        /* K_SHAPE: an int n passes too, as (n,); K_NONNEG: an int count */
    F_META = 256,       /* K_TENSOR: only its shape, dtype and device are read: its array
                         * is not a kernel argument, and autograd records nothing */
    F_HOLDS = 512,      /* K_DTYPE: the dtype holds the row's K_SCALAR values by the
                         * standard's rule (complex: a complex dtype; float: a floating or
                         * complex one) */
    F_CPU = 1024,       /* any param: the front serves calls on the CPU only */
    F_RANGE = 2048,     /* K_REAL whose default is None, with ref a K_REAL before it: the
                         * range(stop) convention: None passes, and then the kernel gets
                         * ref's value here and 0 for ref */
    F_REALS = 4096,     /* K_DTYPE: None is the standard's default dtype of the row's
                         * K_REAL values together: float64 when one is a float, else
                         * int64 (an int past int64's range declines) */
    F_NONZERO = 8192,   /* K_REAL: 0 (and 0.0) declines */
};

/* how a parameter is given; M_DERIVED: never by the caller (a value the kernel gets
 * that the front derives, like concat's result dtype) */
enum { M_POSITIONAL = 0, M_EITHER = 1, M_KEYWORD = 2, M_DERIVED = 3 };
enum { FAM_GENERIC = 0, FAM_ELEMENTWISE = 1, FAM_MATMUL = 2, FAM_INPLACE = 3, FAM_INTERPOSE = 4 };

#define MAX_PARAMS 8
#define MAX_TENSORS 16

typedef struct {
    PyObject *name; /* interned */
    PyObject *dflt; /* borrowed from the row's spec (held by `spec`); g_required if none */
    int kind, mode, ref, flag;
    int n_classes;
    PyTypeObject *classes[16];
} Param;

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    PyObject *name;     /* the kernel's name in the backend's table */
    PyObject *fallback; /* the Python function or operator */
    PyObject *spec;     /* the row's parameter spec (keeps names and defaults alive) */
    PyObject *dict;     /* __module__, __qualname__ (pickling by name) */
    int family;
    /* elementwise and matmul */
    int nin, reflected;
    /* in-place operators: NumPy's ufunc, and the dtype kinds whose result dtype is the
     * left operand's own */
    PyObject *ufunc;
    char kinds[8];
    int n_allowed;
    PyTypeObject *allowed[16];
    /* generic */
    int n_params;
    Param params[MAX_PARAMS];
    int n_call_pos;              /* kernel positionals after the tensors: params */
    int call_pos[MAX_PARAMS];
    int n_call_kw;               /* then these keywords (names in call_kwnames) */
    int call_kw[MAX_PARAMS];
    PyObject *call_kwnames;      /* tuple, or NULL */
    int cpu_only;                /* a param has F_CPU */
} Front;

static inline PyObject *decline(Front *op, PyObject *const *args, size_t nargsf,
                                PyObject *kwnames)
{
    return PyObject_Vectorcall(op->fallback, args, nargsf, kwnames);
}

/* ---- the elementwise family: f(x), f(x1, x2), operators, matmul */
static PyObject *s_x1_kwnames = NULL; /* ("x1",): a Python scalar first operand, recorded */
static PyObject *s_x2_kwnames = NULL; /* ("x2",) */


static PyArray_Descr *raw_dtype(PyObject *a);
static int raw_shape(PyObject *a, npy_intp *dims, int *ndim);

/* the raw array of tensor `t` when it is a tensor whose memory is a NumPy array (or a
 * CuPy array on a machine with one GPU) of the op's dtypes (borrowed), else NULL;
 * *descr: its dtype. A tensor with an autograd record is taken when autograd's recorder
 * is bound (*meta is then set: the call is recorded after the kernel ran) */
static inline PyObject *plain_raw(Front *op, PyObject *t, PyArray_Descr **descr, int *meta)
{
    if (!is_tensor(t)) {
        return NULL;
    }
    if (T_META(t) != Py_None) {
        if (g_record == NULL) {
            return NULL;
        }
        *meta = 1;
    }
    PyObject *a = T_DATA(t);
    if (a == NULL || (!PyArray_CheckExact(a) && !(g_single_gpu && Py_TYPE(a) == g_gpu_array_type))) {
        return NULL;
    }
    PyArray_Descr *d = raw_dtype(a);
    if (d == NULL || !class_in(Py_TYPE(d), op->allowed, op->n_allowed)) {
        return NULL;
    }
    *descr = d;
    return a;
}

static PyObject *elementwise_call(PyObject *callable, PyObject *const *args, size_t nargsf,
                                  PyObject *kwnames)
{
    Front *op = (Front *)callable;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs != op->nin || kwnames != NULL || TRACING()) {
        if (op->ufunc != NULL && (nargs != op->nin || kwnames != NULL)) {
            /* NumPy's keywords or a positional out: the ufunc's entry (bridge/_ufunc.py) */
            return PyObject_Vectorcall(op->ufunc, args, nargsf, kwnames);
        }
        return decline(op, args, nargsf, kwnames);
    }
    PyArray_Descr *da, *db;
    int meta = 0;
    PyObject *a = plain_raw(op, args[0], &da, &meta);
    if (a == NULL) {
        return decline(op, args, nargsf, kwnames);
    }
    PyObject *kernel = kernel_in(kernels_for(Py_TYPE(a)), op->name);
    if (kernel == NULL) {
        return decline(op, args, nargsf, kwnames);
    }
    PyObject *out;
    if (op->nin == 1) {
        out = PyObject_CallOneArg(kernel, a);
    }
    else {
        PyObject *other = args[1], *b;
        if (is_tensor(other)) {
            b = plain_raw(op, other, &db, &meta);
            if (b != NULL && Py_TYPE(b) != Py_TYPE(a)) {
                b = NULL; /* another kind of memory: the Python path decides */
            }
            if (b != NULL && op->family == FAM_MATMUL) {
                /* what matmul's Python function checks: both at least 1-d, and the
                 * contracted dimensions equal (the kernel checks the batch dimensions
                 * broadcast, and its error declines) */
                npy_intp d1[NPY_MAXDIMS], d2[NPY_MAXDIMS];
                int n1, n2;
                PyObject *m1 = op->reflected ? b : a, *m2 = op->reflected ? a : b;
                if (raw_shape(m1, d1, &n1) < 0 || raw_shape(m2, d2, &n2) < 0 || n1 < 1 ||
                    n2 < 1 || d1[n1 - 1] != d2[n2 > 1 ? n2 - 2 : 0]) {
                    b = NULL;
                }
            }
        }
        else if (op->family != FAM_MATMUL && (PyFloat_CheckExact(other) || PyLong_CheckExact(other)) &&
                 da->type_num != NPY_BOOL) {
            b = other; /* a weak Python scalar, as NumPy 2 and the standard treat it */
        }
        else {
            b = NULL;
        }
        if (b == NULL) {
            Py_DECREF(kernel);
            return decline(op, args, nargsf, kwnames);
        }
        PyObject *call[3] = {NULL, op->reflected ? b : a, op->reflected ? a : b};
        out = PyObject_Vectorcall(kernel, call + 1, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    }
    Py_DECREF(kernel);
    if (out == NULL) {
        if (reportable_error()) {
            PyErr_Clear(); /* the Python function raises it again, in bridge's words */
            return decline(op, args, nargsf, kwnames);
        }
        return NULL;
    }
    PyObject *result = kernel_result(out);
    if (result == NULL || !meta) {
        return result;
    }
    /* what the Python functions record (bridge/_ops/elementwise.py): the tensors in
     * operand order, a Python scalar as the parameter it stands for */
    PyObject *first = op->reflected && op->nin == 2 ? args[1] : args[0];
    PyObject *second = op->nin == 2 ? (op->reflected ? args[0] : args[1]) : NULL;
    PyObject *inputs, *kwn = NULL, *scalar = NULL;
    if (second == NULL || (is_tensor(first) && is_tensor(second))) {
        inputs = second == NULL ? PyTuple_Pack(1, first) : PyTuple_Pack(2, first, second);
    }
    else {
        int tensor_first = is_tensor(first);
        inputs = PyTuple_Pack(1, tensor_first ? first : second);
        scalar = tensor_first ? second : first;
        kwn = tensor_first ? s_x2_kwnames : s_x1_kwnames;
    }
    if (inputs == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    result = record_call(op->name, inputs, &scalar, 0, kwn, result);
    Py_DECREF(inputs);
    return result;
}

/* ---- in-place operators: x += y, x *= 2.0, ...
 *
 * The case the Python operator writes straight into x's memory with NumPy's ufunc
 * (bridge/_methods.py, _write_direct): a CPU tensor without an autograd record, writable,
 * of a dtype kind whose result dtype is its own, and a tensor of the same dtype without
 * a record (of x's shape, or 0-d) or a Python float (x floating or complex) or int. The
 * result is bitwise op(x, y) stored into x. Everything else: the Python operator. */

static PyObject *s_out_kwnames = NULL; /* ("out",) */

/* x op= y where x has a history and grad mode is on: the op's own front computes and
 * records x op y, then the result is copied into x, which takes its history (C, in
 * record.c's common case; else the Python write_inplace with the computed result, so
 * the op runs and records once). Where y is no tensor or Python number: the Python
 * operator (NotImplemented for the reflected operator, or a transform's refusal). */
static PyObject *inplace_recorded(Front *op, PyObject *const *args, size_t nargsf)
{
    PyObject *self = args[0], *other = args[1];
    PyObject *a = T_DATA(self);
    if (op->spec == NULL || a == NULL || !PyArray_CheckExact(a) ||
        !(is_tensor(other) || PyFloat_CheckExact(other) || PyLong_CheckExact(other) ||
          PyComplex_CheckExact(other))) {
        return decline(op, args, nargsf, NULL);
    }
    PyObject *plain = PyTuple_GET_ITEM(op->spec, 0), *write = PyTuple_GET_ITEM(op->spec, 1);
    PyObject *result = PyObject_Vectorcall(plain, args, 2, NULL);
    if (result == NULL) {
        return NULL;
    }
    int done = inplace_rebase(self, result);
    if (done != 0) {
        Py_DECREF(result);
        return done < 0 ? NULL : Py_NewRef(self);
    }
    PyObject *call[3] = {self, result, PyTuple_GET_ITEM(op->spec, 2)};
    PyObject *r = PyObject_Vectorcall(write, call, 3, NULL);
    Py_DECREF(result);
    return r;
}

static PyObject *inplace_call(PyObject *callable, PyObject *const *args, size_t nargsf,
                              PyObject *kwnames)
{
    Front *op = (Front *)callable;
    if (PyVectorcall_NARGS(nargsf) != 2 || kwnames != NULL || TRACING()) {
        return decline(op, args, nargsf, kwnames);
    }
    PyObject *self = args[0], *other = args[1];
    if (!is_tensor(self)) {
        return decline(op, args, nargsf, kwnames);
    }
    int with_record = T_META(self) != Py_None;
    if (with_record) {
        int mode = inplace_mode(self);
        if (mode < 0) {
            return NULL;
        }
        if (mode == 1) {
            return inplace_recorded(op, args, nargsf);
        }
        if (mode != 0) {
            return decline(op, args, nargsf, kwnames);
        }
    }
    PyObject *a = T_DATA(self);
    /* a 0-d tensor without a record is a NumPy scalar's stand-in: the Python operator
       rebinds x to x op y (NumPy scalars are immutable), see bridge/_methods.py */
    if (a == NULL || !PyArray_CheckExact(a) || !PyArray_ISWRITEABLE((PyArrayObject *)a) ||
        PyArray_NDIM((PyArrayObject *)a) == 0) {
        return decline(op, args, nargsf, kwnames);
    }
    PyArray_Descr *da = PyArray_DESCR((PyArrayObject *)a);
    char kind = da->kind;
    if (strchr(op->kinds, kind) == NULL) {
        return decline(op, args, nargsf, kwnames);
    }
    PyObject *b;
    if (is_tensor(other)) {
        b = T_DATA(other);
        if (T_META(other) != Py_None || b == NULL || !PyArray_CheckExact(b) ||
            !PyArray_EquivTypes(PyArray_DESCR((PyArrayObject *)b), da)) {
            return decline(op, args, nargsf, kwnames);
        }
        PyArrayObject *ab = (PyArrayObject *)b, *aa = (PyArrayObject *)a;
        if (PyArray_NDIM(ab) != 0 &&
            (PyArray_NDIM(ab) != PyArray_NDIM(aa) ||
             !PyArray_CompareLists(PyArray_DIMS(ab), PyArray_DIMS(aa), PyArray_NDIM(aa)))) {
            return decline(op, args, nargsf, kwnames);
        }
    }
    else if (PyFloat_CheckExact(other)) {
        if (kind != 'f' && kind != 'c') {
            return decline(op, args, nargsf, kwnames);
        }
        b = other;
    }
    else if (PyLong_CheckExact(other)) {
        if (kind == 'b') { /* a bool tensor and an int: the Python operator decides */
            return decline(op, args, nargsf, kwnames);
        }
        b = other;
    }
    else {
        return decline(op, args, nargsf, kwnames);
    }
    PyObject *call[4] = {NULL, a, b, a};
    PyObject *out = PyObject_Vectorcall(op->ufunc, call + 1, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                        s_out_kwnames);
    if (out == NULL) {
        if (PyErr_ExceptionMatches(PyExc_ValueError) || PyErr_ExceptionMatches(PyExc_TypeError) ||
            PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear(); /* the Python operator raises it in bridge's words */
            return decline(op, args, nargsf, kwnames);
        }
        return NULL;
    }
    Py_DECREF(out);
    if (with_record && inplace_bump(self) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

/* ---- the generic family */

/* an exact Python int (not bool) as a C long; 0 on success */
static inline int exact_long(PyObject *v, long *out)
{
    if (!PyLong_CheckExact(v)) {
        return -1;
    }
    int overflow = 0;
    *out = PyLong_AsLongAndOverflow(v, &overflow);
    if (overflow || (*out == -1 && PyErr_Occurred())) {
        PyErr_Clear();
        return -1;
    }
    return 0;
}

/* normalised axis `v` of a tensor with `ndim` dims, or -1 (decline) */
static inline long axis_in(PyObject *v, int ndim)
{
    long a;
    if (exact_long(v, &a) < 0 || a < -ndim || a >= ndim) {
        return -1;
    }
    return a < 0 ? a + ndim : a;
}

typedef struct {
    PyObject *tensors[MAX_TENSORS]; /* borrowed: the caller's arguments hold them */
    PyObject *raws[MAX_TENSORS];
    int n;
    int first_of[MAX_PARAMS]; /* index in tensors of a tensor param's first tensor */
    int count_of[MAX_PARAMS];
    int meta_only[MAX_TENSORS];     /* a tensor of an F_META param: not a kernel argument */
    PyTypeObject *raw_class;
    int any_meta;
} Tensors;

/* add tensor `t` of param `p` (dtype like tensors[like] when like >= 0); 0 or -1 */
static int take_tensor(Tensors *ts, Param *p, PyObject *t, int like)
{
    if (!is_tensor(t) || ts->n >= MAX_TENSORS) {
        return -1;
    }
    PyObject *a = T_DATA(t);
    if (a == NULL) {
        return -1;
    }
    PyTypeObject *cls = Py_TYPE(a);
    if (ts->n == 0) {
        if (cls != &PyArray_Type && !(g_single_gpu && cls == g_gpu_array_type)) {
            return -1;
        }
        ts->raw_class = cls;
    }
    else if (cls != ts->raw_class) {
        return -1; /* another device, or another array type: the Python path decides */
    }
    /* NumPy and CuPy arrays share the descr layout (CuPy's dtype is a NumPy dtype) */
    PyArray_Descr *descr = cls == &PyArray_Type ? PyArray_DESCR((PyArrayObject *)a) : NULL;
    if (descr == NULL) {
        PyObject *d = PyObject_GetAttrString(a, "dtype");
        if (d == NULL || !PyArray_DescrCheck(d)) {
            Py_XDECREF(d);
            PyErr_Clear();
            return -1;
        }
        descr = (PyArray_Descr *)d;
        Py_DECREF(d); /* the array holds its dtype */
    }
    if (p->n_classes && !class_in(Py_TYPE(descr), p->classes, p->n_classes)) {
        return -1;
    }
    if (like >= 0) {
        PyObject *o = ts->raws[like];
        PyArray_Descr *od = cls == &PyArray_Type ? PyArray_DESCR((PyArrayObject *)o) : NULL;
        if (od == NULL) {
            PyObject *d = PyObject_GetAttrString(o, "dtype");
            if (d == NULL) {
                PyErr_Clear();
                return -1;
            }
            od = (PyArray_Descr *)d;
            Py_DECREF(d);
        }
        if (!PyArray_EquivTypes(descr, od)) {
            return -1;
        }
    }
    int meta_only = (p->flag & F_META) != 0;
    if (T_META(t) != Py_None && !meta_only) {
        ts->any_meta = 1;
    }
    ts->meta_only[ts->n] = meta_only;
    ts->tensors[ts->n] = t;
    ts->raws[ts->n] = a;
    ts->n++;
    return 0;
}

/* ndim, shape and size of a raw array (NumPy or CuPy) */
static int raw_shape(PyObject *a, npy_intp *dims, int *ndim)
{
    if (PyArray_CheckExact(a)) {
        *ndim = PyArray_NDIM((PyArrayObject *)a);
        if (*ndim > 0) { /* a 0-d array's dims may be NULL */
            memcpy(dims, PyArray_DIMS((PyArrayObject *)a), sizeof(npy_intp) * (size_t)*ndim);
        }
        return 0;
    }
    PyObject *shape = PyObject_GetAttrString(a, "shape");
    if (shape == NULL || !PyTuple_Check(shape) || PyTuple_GET_SIZE(shape) > NPY_MAXDIMS) {
        Py_XDECREF(shape);
        PyErr_Clear();
        return -1;
    }
    *ndim = (int)PyTuple_GET_SIZE(shape);
    for (int i = 0; i < *ndim; i++) {
        dims[i] = PyLong_AsSsize_t(PyTuple_GET_ITEM(shape, i));
    }
    Py_DECREF(shape);
    return PyErr_Occurred() ? (PyErr_Clear(), -1) : 0;
}

static PyArray_Descr *raw_dtype(PyObject *a)
{
    if (PyArray_CheckExact(a)) {
        return PyArray_DESCR((PyArrayObject *)a);
    }
    PyObject *d = PyObject_GetAttrString(a, "dtype");
    if (d == NULL) {
        PyErr_Clear();
        return NULL;
    }
    Py_DECREF(d); /* the array holds it */
    return PyArray_DescrCheck(d) ? (PyArray_Descr *)d : NULL;
}

/* a tuple of the `n` ints `values` (new reference), or NULL without an error */
static PyObject *intp_tuple(const npy_intp *values, Py_ssize_t n)
{
    PyObject *out = PyTuple_New(n);
    for (Py_ssize_t i = 0; out != NULL && i < n; i++) {
        PyObject *item = PyLong_FromSsize_t(values[i]);
        if (item == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyTuple_SET_ITEM(out, i, item);
    }
    if (out == NULL) {
        PyErr_Clear();
    }
    return out;
}

/* the standard's default dtype of Python scalar `v` (new reference) */
static PyObject *scalar_dtype(PyObject *v)
{
    int type = PyBool_Check(v)       ? NPY_BOOL
               : PyLong_CheckExact(v)  ? NPY_INT64
               : PyFloat_CheckExact(v) ? NPY_FLOAT64
                                       : NPY_COMPLEX128;
    return (PyObject *)PyArray_DescrFromType(type);
}

enum { S_BOOL = 1, S_INT = 2, S_FLOAT = 4, S_COMPLEX = 8 };

/* the kinds (S_*) of the Python scalars nested in exact lists and tuples `seq` into
 * *kinds; 0, or -1 for any other leaf or a nesting deeper than NumPy's dimensions */
static int scalar_kinds(PyObject *seq, int depth, int *kinds)
{
    if (depth > NPY_MAXDIMS) {
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = items[i];
        if (PyFloat_CheckExact(item)) {
            *kinds |= S_FLOAT;
        }
        else if (PyLong_CheckExact(item)) {
            *kinds |= S_INT;
        }
        else if (PyBool_Check(item)) {
            *kinds |= S_BOOL;
        }
        else if (PyComplex_CheckExact(item)) {
            *kinds |= S_COMPLEX;
        }
        else if (!(PyList_CheckExact(item) || PyTuple_CheckExact(item)) ||
                 scalar_kinds(item, depth + 1, kinds) < 0) {
            return -1;
        }
    }
    return 0;
}

/* the dtype of K_DATA value `v` (new reference), or NULL: an array's own, or for nested
 * Python scalars the standard's default of the widest kind among them (no scalars:
 * float64), as _host.sequence_dtype says */
static PyObject *data_dtype(PyObject *v)
{
    if (PyArray_CheckExact(v)) {
        return Py_NewRef((PyObject *)PyArray_DESCR((PyArrayObject *)v));
    }
    int kinds = 0;
    if (scalar_kinds(v, 1, &kinds) < 0) {
        return NULL;
    }
    int type = (kinds & S_COMPLEX) ? NPY_COMPLEX128
               : (kinds & S_FLOAT) ? NPY_FLOAT64
               : (kinds & S_INT)   ? NPY_INT64
               : (kinds & S_BOOL)  ? NPY_BOOL
                                   : NPY_FLOAT64;
    return (PyObject *)PyArray_DescrFromType(type);
}

/* the dtype of param `p`'s ref (new reference), or NULL: for a K_SCALAR or K_DATA
 * ref its value `scalar`'s (a Python scalar's default, nested data's as data_dtype
 * says), for a tensor param its first tensor's */
static PyObject *dtype_of_ref(Param *p, Tensors *ts, PyObject *scalar)
{
    if (scalar != NULL) {
        return PyArray_CheckExact(scalar) || PyList_CheckExact(scalar) ||
                       PyTuple_CheckExact(scalar)
                   ? data_dtype(scalar)
                   : scalar_dtype(scalar);
    }
    if (ts->count_of[p->ref] == 0) {
        return NULL;
    }
    PyArray_Descr *d = raw_dtype(ts->raws[ts->first_of[p->ref]]);
    return d == NULL ? NULL : Py_NewRef((PyObject *)d);
}

/* the normalised value of non-tensor param `p` for argument `v` (new reference), or
 * NULL (declined; no error is left set); `scalar`: the value of the K_SCALAR or K_DATA
 * param that p refers to */
static PyObject *normalize(Param *p, PyObject *v, Tensors *ts, PyObject *scalar)
{
    npy_intp dims[NPY_MAXDIMS];
    int ndim = 0;
    if (p->ref >= 0 && scalar == NULL && p->kind != K_DEFAULT && p->kind != K_BOOL &&
        p->kind != K_NONNEG && p->kind != K_REAL && p->kind != K_DTYPE) {
        if (ts->count_of[p->ref] == 0 ||
            raw_shape(ts->raws[ts->first_of[p->ref]], dims, &ndim) < 0) {
            return NULL;
        }
    }
    switch (p->kind) {
    case K_BOOL:
        return v == Py_True || v == Py_False ? Py_NewRef(v) : NULL;
    case K_DEFAULT:
        if (v != p->dflt && (p->flag & F_CPU) && g_device_type != NULL &&
            Py_IS_TYPE(v, g_device_type)) {
            /* a device parameter of a CPU-only front: the CPU device is its default */
            PyObject *type = *(PyObject **)((char *)v + g_device_type_offset);
            return type != NULL && same_str(type, s_cpu) ? Py_NewRef(p->dflt) : NULL;
        }
        return v == p->dflt ? Py_NewRef(v) : NULL;
    case K_AXIS: {
        if (v == Py_None) {
            if (!(p->flag & F_OPTIONAL)) {
                return NULL;
            }
            if (p->flag & F_NONEMPTY) {
                for (int i = 0; i < ndim; i++) {
                    if (dims[i] == 0) {
                        return NULL;
                    }
                }
            }
            return Py_NewRef(Py_None);
        }
        long a = axis_in(v, (p->flag & F_INSERT) ? ndim + 1 : ndim);
        if (a < 0 || ((p->flag & F_NONEMPTY) && dims[a] == 0)) {
            return NULL;
        }
        if (ts->count_of[p->ref] > 1 && (p->flag & F_CONCAT)) {
            /* concat: the other dimensions of every tensor agree */
            int first = ts->first_of[p->ref];
            for (int k = 1; k < ts->count_of[p->ref]; k++) {
                npy_intp od[NPY_MAXDIMS];
                int on;
                if (raw_shape(ts->raws[first + k], od, &on) < 0 || on != ndim) {
                    return NULL;
                }
                for (int i = 0; i < ndim; i++) {
                    if (i != a && od[i] != dims[i]) {
                        return NULL;
                    }
                }
            }
        }
        return PyLong_FromLong(a);
    }
    case K_AXES: {
        if (v == Py_None) {
            if (p->flag & F_SQUEEZE) {
                return NULL;
            }
            if (p->flag & F_NONEMPTY) {
                for (int i = 0; i < ndim; i++) {
                    if (dims[i] == 0) {
                        return NULL;
                    }
                }
            }
            return Py_NewRef(Py_None);
        }
        npy_intp axes[NPY_MAXDIMS];
        Py_ssize_t n;
        if (PyLong_CheckExact(v)) {
            if ((axes[0] = axis_in(v, ndim)) < 0) {
                return NULL;
            }
            n = 1;
        }
        else if (PyTuple_CheckExact(v) && PyTuple_GET_SIZE(v) <= ndim) {
            n = PyTuple_GET_SIZE(v);
            for (Py_ssize_t i = 0; i < n; i++) {
                long a = axis_in(PyTuple_GET_ITEM(v, i), ndim);
                if (a < 0) {
                    return NULL;
                }
                /* insertion sort; a repeated axis declines (the Python path raises) */
                Py_ssize_t j = i;
                while (j > 0 && axes[j - 1] > a) {
                    axes[j] = axes[j - 1];
                    j--;
                }
                if (j > 0 && axes[j - 1] == a) {
                    return NULL;
                }
                axes[j] = a;
            }
        }
        else {
            return NULL;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            if (((p->flag & F_NONEMPTY) && dims[axes[i]] == 0) ||
                ((p->flag & F_SQUEEZE) && dims[axes[i]] != 1)) {
                return NULL;
            }
        }
        return intp_tuple(axes, n);
    }
    case K_SHAPE: {
        if (PyLong_CheckExact(v)) {
            long s;
            if (!(p->flag & F_INT) || exact_long(v, &s) < 0 || s < 0) {
                return NULL;
            }
            PyObject *out = PyTuple_Pack(1, v);
            if (out == NULL) {
                PyErr_Clear();
            }
            return out;
        }
        if (!PyTuple_CheckExact(v) || PyTuple_GET_SIZE(v) > NPY_MAXDIMS) {
            return NULL;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(v);
        int unknown = -1;
        npy_intp known = 1;
        npy_intp sizes[NPY_MAXDIMS];
        for (Py_ssize_t i = 0; i < n; i++) {
            long s;
            if (exact_long(PyTuple_GET_ITEM(v, i), &s) < 0) {
                return NULL;
            }
            sizes[i] = s;
            if (s == -1 && (p->flag & F_RESHAPE) && unknown < 0) {
                unknown = (int)i;
                continue;
            }
            if (s < 0 || __builtin_mul_overflow(known, (npy_intp)s, &known)) {
                return NULL;
            }
        }
        if (!(p->flag & F_RESHAPE)) {
            return Py_NewRef(v);
        }
        npy_intp size = 1;
        for (int i = 0; i < ndim; i++) {
            size *= dims[i]; /* an existing array's size cannot overflow */
        }
        if (unknown < 0) {
            return known == size ? Py_NewRef(v) : NULL;
        }
        if (known == 0 || size % known || size / known > LONG_MAX) {
            return NULL;
        }
        sizes[unknown] = (npy_intp)(size / known);
        return intp_tuple(sizes, n);
    }
    case K_PERMUTATION: {
        if (!PyTuple_CheckExact(v) || PyTuple_GET_SIZE(v) != ndim) {
            return NULL;
        }
        int seen[NPY_MAXDIMS] = {0};
        PyObject *out = PyTuple_New(ndim);
        if (out == NULL) {
            PyErr_Clear();
            return NULL;
        }
        for (int i = 0; i < ndim; i++) {
            long a = axis_in(PyTuple_GET_ITEM(v, i), ndim);
            PyObject *item = a < 0 || seen[a] ? NULL : PyLong_FromLong(a);
            if (item == NULL) {
                PyErr_Clear();
                Py_DECREF(out);
                return NULL;
            }
            seen[a] = 1;
            PyTuple_SET_ITEM(out, i, item);
        }
        return out;
    }
    case K_NONNEG:
        if (PyFloat_CheckExact(v) && !(p->flag & F_INT)) {
            return PyFloat_AS_DOUBLE(v) < 0 ? NULL : Py_NewRef(v); /* NaN passes, as in Python */
        }
        if (p->flag & F_INT) { /* a count of elements: more than 2**62 is no array's */
            long n;
            return exact_long(v, &n) < 0 || n < 0 || n >= (1L << 62) ? NULL : Py_NewRef(v);
        }
        if (PyLong_CheckExact(v)) {
            return _PyLong_Sign(v) < 0 ? NULL : Py_NewRef(v);
        }
        return NULL;
    case K_REAL:
        if (PyFloat_CheckExact(v)) {
            double d = PyFloat_AS_DOUBLE(v);
            return isnan(d) || ((p->flag & F_NONZERO) && d == 0) ? NULL : Py_NewRef(v);
        }
        if (v == Py_None && (p->flag & F_RANGE)) {
            return Py_NewRef(v); /* generic_call moves ref's value here */
        }
        return PyLong_CheckExact(v) && !((p->flag & F_NONZERO) && _PyLong_Sign(v) == 0)
                   ? Py_NewRef(v)
                   : NULL;
    case K_DTYPE:
        if (v == Py_None && p->ref >= 0) {
            return dtype_of_ref(p, ts, scalar);
        }
        if (v == Py_None && p->dflt == Py_None) {
            return Py_NewRef(g_default_float);
        }
        if (PyArray_DescrCheck(v) && PyArray_ISNBO(((PyArray_Descr *)v)->byteorder) &&
            class_in(Py_TYPE(v), g_dtype_classes, g_n_dtype_classes)) {
            return Py_NewRef(v);
        }
        if (PyType_Check(v) && PyType_IsSubtype((PyTypeObject *)v, &PyGenericArrType_Type)) {
            /* a NumPy scalar type (bridge.float32 is numpy.float32, as in NumPy): its
             * dtype, when that is one of the 13 */
            PyArray_Descr *d = PyArray_DescrFromTypeObject(v);
            if (d == NULL) {
                PyErr_Clear();
                return NULL;
            }
            if (PyArray_ISNBO(d->byteorder) && class_in(Py_TYPE(d), g_dtype_classes,
                                                        g_n_dtype_classes)) {
                return (PyObject *)d;
            }
            Py_DECREF(d);
        }
        return NULL;
    case K_SCALAR:
        return PyBool_Check(v) || PyLong_CheckExact(v) || PyFloat_CheckExact(v) ||
                       PyComplex_CheckExact(v)
                   ? Py_NewRef(v)
                   : NULL;
    case K_DTYPE_OF:
        return v == Py_None ? dtype_of_ref(p, ts, scalar) : NULL;
    case K_SHAPE_OF:
        return intp_tuple(dims, ndim);
    case K_DATA:
        if (PyArray_CheckExact(v)) {
            PyArray_Descr *d = PyArray_DESCR((PyArrayObject *)v);
            return PyArray_ISNBO(d->byteorder) &&
                           class_in(Py_TYPE(d), g_dtype_classes, g_n_dtype_classes)
                       ? Py_NewRef(v)
                       : NULL;
        }
        if (PyList_CheckExact(v) || PyTuple_CheckExact(v)) {
            int kinds = 0;
            return scalar_kinds(v, 1, &kinds) < 0 ? NULL : Py_NewRef(v);
        }
        if (PyLong_CheckExact(v)) { /* an int that int64 holds (beyond: the Python path) */
            int overflow = 0;
            long long value = PyLong_AsLongLongAndOverflow(v, &overflow);
            if (value == -1 && PyErr_Occurred()) {
                PyErr_Clear();
                return NULL;
            }
            return overflow == 0 ? Py_NewRef(v) : NULL;
        }
        return PyFloat_CheckExact(v) || PyBool_Check(v) || PyComplex_CheckExact(v)
                   ? Py_NewRef(v)
                   : NULL;
    }
    return NULL;
}

/* 1 when dtype `d` holds every K_SCALAR value of `op` by the standard's rule (a
 * complex needs a complex dtype, a float a floating or complex one) */
static int holds_scalars(Front *op, PyObject *const *values, PyObject *d)
{
    char kind = ((PyArray_Descr *)d)->kind;
    for (int i = 0; i < op->n_params; i++) {
        PyObject *v = values[i];
        if (v == NULL || (op->params[i].kind != K_SCALAR && op->params[i].kind != K_DATA)) {
            continue;
        }
        if (op->params[i].kind == K_DATA && PyLong_CheckExact(v) && kind != 'f' && kind != 'c') {
            return 0; /* a bare int into an integer or bool dtype: the Python path checks it */
        }
        if ((PyComplex_CheckExact(v) && kind != 'c') ||
            (PyFloat_CheckExact(v) && kind != 'f' && kind != 'c')) {
            return 0;
        }
    }
    return 1;
}

/* F_REALS: the standard's default dtype of the K_REAL values of `op` together (float64
 * when one is a float, else int64), or NULL (declined) for an int past int64's range */
static PyObject *reals_dtype(Front *op, PyObject *const *values)
{
    int floats = 0;
    for (int i = 0; i < op->n_params; i++) {
        PyObject *v = values[i];
        if (op->params[i].kind != K_REAL || v == NULL) {
            continue;
        }
        if (PyFloat_CheckExact(v)) {
            floats = 1;
        }
        else if (PyLong_CheckExact(v)) {
            int overflow = 0;
            long long n = PyLong_AsLongLongAndOverflow(v, &overflow);
            if (overflow || (n == -1 && PyErr_Occurred())) {
                PyErr_Clear();
                return NULL; /* the Python function picks uint64 or reports it */
            }
        }
    }
    return floats ? Py_NewRef(g_default_float) : (PyObject *)PyArray_DescrFromType(NPY_INT64);
}

static PyObject *generic_call(PyObject *callable, PyObject *const *args, size_t nargsf,
                              PyObject *kwnames)
{
    Front *op = (Front *)callable;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    int np_ = op->n_params;
    if (nargs > np_ || g_tensor_type == NULL || TRACING()) {
        return decline(op, args, nargsf, kwnames);
    }
    PyObject *given[MAX_PARAMS] = {NULL};
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (op->params[i].mode >= M_KEYWORD) {
            return decline(op, args, nargsf, kwnames);
        }
        given[i] = args[i];
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int j = 0;
        while (j < np_ && op->params[j].name != key) {
            j++;
        }
        if (j == np_) { /* not interned the same: compare the text */
            for (j = 0; j < np_ && PyUnicode_Compare(op->params[j].name, key) != 0; j++) {
            }
            if (PyErr_Occurred()) {
                PyErr_Clear();
                j = np_;
            }
        }
        if (j == np_ || op->params[j].mode == M_POSITIONAL || op->params[j].mode == M_DERIVED ||
            given[j] != NULL) {
            return decline(op, args, nargsf, kwnames);
        }
        given[j] = args[nargs + k];
    }
    Tensors ts;
    ts.n = 0;
    ts.any_meta = 0;
    ts.raw_class = NULL;
    for (int j = 0; j < np_; j++) {
        Param *p = &op->params[j];
        if (given[j] == NULL) {
            if (p->dflt == g_required) {
                return decline(op, args, nargsf, kwnames);
            }
            given[j] = p->dflt;
        }
        ts.count_of[j] = 0;
        if (p->kind == K_TENSOR) {
            ts.first_of[j] = ts.n;
            int like = p->ref >= 0 && ts.count_of[p->ref] ? ts.first_of[p->ref] : -1;
            if ((p->ref >= 0 && like < 0) || take_tensor(&ts, p, given[j], like) < 0) {
                return decline(op, args, nargsf, kwnames);
            }
            ts.count_of[j] = 1;
        }
        else if (p->kind == K_TENSORS) {
            PyObject *seq = given[j];
            if (!PyList_CheckExact(seq) && !PyTuple_CheckExact(seq)) {
                return decline(op, args, nargsf, kwnames);
            }
            Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
            if (n < 1 || ts.n + n > MAX_TENSORS) {
                return decline(op, args, nargsf, kwnames);
            }
            PyObject **items = PySequence_Fast_ITEMS(seq);
            ts.first_of[j] = ts.n;
            npy_intp d0[NPY_MAXDIMS];
            int n0 = 0;
            for (Py_ssize_t k = 0; k < n; k++) {
                if (take_tensor(&ts, p, items[k], k ? ts.first_of[j] : -1) < 0) {
                    return decline(op, args, nargsf, kwnames);
                }
                if (p->flag & (F_SAME_SHAPE | F_CONCAT)) {
                    npy_intp dk[NPY_MAXDIMS];
                    int nk;
                    if (raw_shape(ts.raws[ts.n - 1], k ? dk : d0, k ? &nk : &n0) < 0) {
                        return decline(op, args, nargsf, kwnames);
                    }
                    if ((p->flag & F_CONCAT) && n0 == 0) {
                        return decline(op, args, nargsf, kwnames);
                    }
                    if (k && (nk != n0 || ((p->flag & F_SAME_SHAPE) &&
                                           memcmp(dk, d0, sizeof(npy_intp) * (size_t)nk)))) {
                        return decline(op, args, nargsf, kwnames);
                    }
                }
            }
            ts.count_of[j] = (int)n;
        }
    }
    /* the kernel's arguments: the raw arrays, then the positional and keyword values */
    PyObject *values[MAX_PARAMS] = {NULL};
    PyObject *result = NULL;
    PyObject *stack[1 + MAX_TENSORS + MAX_PARAMS];
    for (int j = 0; j < np_; j++) {
        Param *p = &op->params[j];
        if (p->kind == K_TENSOR || p->kind == K_TENSORS) {
            continue;
        }
        /* a dtype derived from a scalar or data parameter: that parameter's
         * (normalised) value */
        int by_value = p->ref >= 0 && (op->params[p->ref].kind == K_SCALAR ||
                                       op->params[p->ref].kind == K_DATA);
        PyObject *scalar = by_value ? values[p->ref] : NULL;
        if ((by_value && scalar == NULL) ||
            (values[j] = normalize(p, given[j], &ts, scalar)) == NULL) {
            goto declined;
        }
    }
    for (int j = 0; j < np_; j++) {
        Param *p = &op->params[j];
        if ((p->flag & F_RANGE) && values[j] == Py_None) {
            /* range(stop): the one bound given is the stop, the start 0 */
            PyObject *zero = PyLong_FromLong(0);
            if (zero == NULL) {
                PyErr_Clear();
                goto declined;
            }
            Py_SETREF(values[j], values[p->ref]);
            values[p->ref] = zero;
        }
    }
    for (int j = 0; j < np_; j++) {
        Param *p = &op->params[j];
        if ((p->flag & F_HOLDS) && !holds_scalars(op, values, values[j])) {
            goto declined;
        }
        if ((p->flag & F_REALS) && given[j] == Py_None) {
            Py_SETREF(values[j], reals_dtype(op, values));
            if (values[j] == NULL) {
                goto declined;
            }
        }
    }
    PyObject *kernels = ts.n ? kernels_for(ts.raw_class) : default_kernels();
    if (op->cpu_only && (kernels == NULL || kernels != cpu_kernels())) {
        goto declined; /* the call runs on a GPU: the Python path */
    }
    PyObject *kernel = kernel_in(kernels, op->name);
    if (kernel == NULL) {
        goto declined;
    }
    int n = 0, n_raw = 0;
    for (int i = 0; i < ts.n; i++) {
        if (!ts.meta_only[i]) {
            stack[1 + n++] = ts.raws[i];
        }
    }
    n_raw = n;
    for (int i = 0; i < op->n_call_pos; i++) {
        stack[1 + n++] = values[op->call_pos[i]];
    }
    for (int i = 0; i < op->n_call_kw; i++) {
        stack[1 + n + i] = values[op->call_kw[i]];
    }
    PyObject *out = PyObject_Vectorcall(kernel, stack + 1,
                                        (size_t)n | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                        op->call_kwnames);
    Py_DECREF(kernel);
    if (out == NULL) {
        if (reportable_error()) {
            PyErr_Clear();
            goto declined;
        }
        goto done;
    }
    result = kernel_results(out);
    if (result != NULL && ts.any_meta && g_record != NULL) {
        PyObject *inputs = PyTuple_New(n_raw);
        if (inputs == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        for (int i = 0, k = 0; i < ts.n; i++) {
            if (!ts.meta_only[i]) {
                PyTuple_SET_ITEM(inputs, k++, Py_NewRef(ts.tensors[i]));
            }
        }
        /* the kernel's values after the raw arrays: positionals, then keywords */
        result = record_call(op->name, inputs, stack + 1 + n_raw, op->n_call_pos,
                             op->call_kwnames, result);
        Py_DECREF(inputs);
    }
    goto done;
declined:
    for (int j = 0; j < np_; j++) {
        Py_XDECREF(values[j]);
    }
    return decline(op, args, nargsf, kwnames);
done:
    for (int j = 0; j < np_; j++) {
        Py_XDECREF(values[j]);
    }
    return result;
}

/* ---- the Front type */

static PyObject *front_descr_get(PyObject *self, PyObject *obj, PyObject *Py_UNUSED(type))
{
    if (obj == NULL || obj == Py_None) {
        return Py_NewRef(self);
    }
    return PyMethod_New(self, obj);
}

static int front_traverse(Front *op, visitproc visit, void *arg)
{
    Py_VISIT(op->fallback);
    Py_VISIT(op->ufunc);
    Py_VISIT(op->spec);
    Py_VISIT(op->dict);
    return 0;
}

static int front_clear(Front *op)
{
    Py_CLEAR(op->fallback);
    Py_CLEAR(op->ufunc);
    Py_CLEAR(op->spec);
    Py_CLEAR(op->dict);
    return 0;
}

static void front_dealloc(Front *op)
{
    PyObject_GC_UnTrack(op);
    front_clear(op);
    Py_XDECREF(op->name);
    Py_XDECREF(op->call_kwnames);
    for (int j = 0; j < op->n_params; j++) {
        Py_XDECREF(op->params[j].name);
    }
    PyObject_GC_Del(op);
}

static PyObject *front_get_doc(Front *op, void *Py_UNUSED(closure))
{
    return PyObject_GetAttrString(op->fallback, "__doc__");
}

/* the last part of __qualname__ ("__add__" for Tensor.__add__, so that bound methods
 * pickle as getattr(tensor, "__add__")), else the Python function's name */
static PyObject *front_get_name(Front *op, void *Py_UNUSED(closure))
{
    PyObject *qualname = op->dict ? PyDict_GetItemString(op->dict, "__qualname__") : NULL;
    if (qualname != NULL && PyUnicode_Check(qualname)) {
        PyObject *parts = PyObject_CallMethod(qualname, "rpartition", "s", ".");
        if (parts == NULL) {
            return NULL;
        }
        PyObject *name = Py_NewRef(PyTuple_GET_ITEM(parts, 2));
        Py_DECREF(parts);
        return name;
    }
    return PyObject_GetAttrString(op->fallback, "__name__");
}

static PyObject *front_get_wrapped(Front *op, void *Py_UNUSED(closure))
{
    return Py_NewRef(op->fallback);
}

static PyObject *front_get_kernel(Front *op, void *Py_UNUSED(closure))
{
    return Py_NewRef(op->name);
}

/* pickled by name, as functions and NumPy's ufuncs are */
static PyObject *front_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyObject_GetAttrString(self, "__qualname__");
}

static PyObject *front_repr(PyObject *self)
{
    PyObject *qualname = PyObject_GetAttrString(self, "__qualname__");
    if (qualname == NULL) {
        PyErr_Clear();
        qualname = PyObject_GetAttrString(((Front *)self)->fallback, "__name__");
        if (qualname == NULL) {
            return NULL;
        }
    }
    PyObject *repr = PyUnicode_FromFormat("<bridge function %S>", qualname);
    Py_DECREF(qualname);
    return repr;
}

static PyMethodDef front_methods[] = {
    {"__reduce__", front_reduce, METH_NOARGS, "pickled by its module and qualified name"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef front_getset[] = {
    {"__doc__", (getter)front_get_doc, NULL, NULL, NULL},
    {"__name__", (getter)front_get_name, NULL, NULL, NULL},
    {"__wrapped__", (getter)front_get_wrapped, NULL, "the Python function (the readable path)",
     NULL},
    {"kernel", (getter)front_get_kernel, NULL, "the kernel's name in the backends' tables",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject FrontType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bridge._fastpath._front.Front",
    .tp_doc = "A registry row's function with its arguments parsed in C (see bridge/_registry.py).",
    .tp_basicsize = sizeof(Front),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR |
                Py_TPFLAGS_HAVE_GC,
    .tp_vectorcall_offset = offsetof(Front, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_descr_get = front_descr_get,
    .tp_traverse = (traverseproc)front_traverse,
    .tp_clear = (inquiry)front_clear,
    .tp_dealloc = (destructor)front_dealloc,
    .tp_getset = front_getset,
    .tp_methods = front_methods,
    .tp_repr = front_repr,
    .tp_dictoffset = offsetof(Front, dict),
};

/* ------------------------------------------------------- interposed functions */

/* Deferral to foreign array types (bridge/_interop_defer.py holds the rule): a call
 * with an argument of a type that brings its own protocol for the call (a dask array's
 * __array_function__, a foreign __array_namespace__) goes to that library instead of
 * being converted. The front only finds such arguments: Tensors, Python scalars, None,
 * strings, slices, NumPy arrays, and lists and tuples of those never ask Python; any
 * other type is classified once by `defers(type)` and the answer is cached here, so a
 * call ignores it after that with one dict lookup. A call holding a deferring type
 * goes to `defer_call(name, *args, **kwargs)`, which returns the foreign result or
 * the "not mine" sentinel (the call then proceeds as if nothing deferred). */
static PyObject *g_defer_kind = NULL;  /* _interop_defer.defers(type) -> bool */
static PyObject *g_defer_call = NULL;  /* _interop_defer.defer_call(name, *args, **kwargs) */
static PyObject *g_defer_none = NULL;  /* its "not mine" sentinel */
static PyObject *g_defer_types = NULL; /* {type: bool}: defers(type), cached */
#define DEFER_CACHE_MAX 4096           /* types made on the fly are forgotten past this */
#define DEFER_SCAN_ITEMS 64            /* the items of a list or tuple argument looked at */

/* 1 when `obj` (or an item of a list or tuple `obj`) is of a type that defers, 0 when
 * not, -1 with an exception set */
static int defers_obj(PyObject *obj, int depth)
{
    if (is_tensor(obj) || obj == Py_None || PyLong_CheckExact(obj) || PyFloat_CheckExact(obj) ||
        PyBool_Check(obj) || PyUnicode_CheckExact(obj) || PyComplex_CheckExact(obj) ||
        PyArray_CheckExact(obj) || PySlice_Check(obj) || obj == Py_Ellipsis) {
        return 0;
    }
    if (PyList_CheckExact(obj) || PyTuple_CheckExact(obj)) {
        if (depth > 0) {
            return 0; /* nested sequences are data (asarray's), not arrays of a call */
        }
        /* the size and the item are read again on each step, the item held: classifying
         * a new type runs Python code, during which another thread may change a list */
        for (Py_ssize_t i = 0; i < DEFER_SCAN_ITEMS && i < PySequence_Fast_GET_SIZE(obj); i++) {
            PyObject *item = Py_NewRef(PySequence_Fast_GET_ITEM(obj, i));
            int d = defers_obj(item, depth + 1);
            Py_DECREF(item);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }
    PyObject *type = (PyObject *)Py_TYPE(obj);
    PyObject *known = PyDict_GetItemWithError(g_defer_types, type); /* borrowed */
    if (known != NULL) {
        return known == Py_True;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    PyObject *answer = PyObject_CallOneArg(g_defer_kind, type);
    if (answer == NULL) {
        return -1;
    }
    int d = PyObject_IsTrue(answer);
    Py_DECREF(answer);
    if (d < 0) {
        return -1;
    }
    if (PyDict_GET_SIZE(g_defer_types) >= DEFER_CACHE_MAX) {
        PyDict_Clear(g_defer_types);
    }
    if (PyDict_SetItem(g_defer_types, type, d ? Py_True : Py_False) < 0) {
        return -1;
    }
    return d;
}

/* The foreign library's result of call `op(*args)` (new reference), NULL with an
 * exception set, or g_defer_none (new reference) when no argument defers. */
static PyObject *deferred_call(Front *op, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    int found = 0;
    for (Py_ssize_t i = 0; i < nargs + nkw && !found; i++) {
        found = defers_obj(args[i], 0);
        if (found < 0) {
            return NULL;
        }
    }
    if (!found) {
        return Py_NewRef(g_defer_none);
    }
    PyObject **stack = PyMem_Malloc((size_t)(nargs + nkw + 2) * sizeof(PyObject *));
    if (stack == NULL) {
        return PyErr_NoMemory();
    }
    stack[1] = op->name;
    for (Py_ssize_t i = 0; i < nargs + nkw; i++) {
        stack[2 + i] = args[i];
    }
    PyObject *result = PyObject_Vectorcall(g_defer_call, stack + 1,
                                           (size_t)(nargs + 1) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                           kwnames);
    PyMem_Free(stack);
    return result;
}

/* set_defer_hooks(defers, defer_call, not_mine): see deferred_call */
static PyObject *set_defer_hooks(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *kind, *call, *none;
    if (!PyArg_ParseTuple(args, "OOO", &kind, &call, &none) || !PyCallable_Check(kind) ||
        !PyCallable_Check(call)) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "set_defer_hooks: two callables and a sentinel");
        }
        return NULL;
    }
    PyObject *cache = PyDict_New();
    if (cache == NULL) {
        return NULL;
    }
    Py_XSETREF(g_defer_types, cache);
    Py_XSETREF(g_defer_kind, Py_NewRef(kind));
    Py_XSETREF(g_defer_call, Py_NewRef(call));
    Py_XSETREF(g_defer_none, Py_NewRef(none));
    Py_RETURN_NONE;
}

/* The bad-input error of registry function `op` pending, renamed after the function
 * the user called (see _registry.rename_error); returns NULL. */
static PyObject *renamed_error(Front *op)
{
    if (g_rename_error == NULL) {
        return NULL;
    }
    if (!PyErr_ExceptionMatches(PyExc_TypeError) && !PyErr_ExceptionMatches(PyExc_ValueError) &&
        !PyErr_ExceptionMatches(PyExc_IndexError) && !PyErr_ExceptionMatches(PyExc_BufferError) &&
        !PyErr_ExceptionMatches(PyExc_OverflowError) && !PyErr_ExceptionMatches(PyExc_MemoryError) &&
        !PyErr_ExceptionMatches(PyExc_ZeroDivisionError)) {
        return NULL;
    }
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (tb != NULL && value != NULL) {
        PyException_SetTraceback(value, tb);
    }
    PyObject *renamed = PyObject_CallFunctionObjArgs(g_rename_error, value ? value : Py_None,
                                                     op->spec ? op->spec : op->name, op->name,
                                                     NULL);
    if (renamed == NULL || renamed == Py_None) {
        Py_XDECREF(renamed);
        if (PyErr_Occurred()) {  /* the helper failed: its error is not the user's */
            PyErr_Clear();
        }
        PyErr_Restore(type, value, tb);
        return NULL;
    }
    Py_XDECREF(type);
    Py_XDECREF(value);
    if (tb != NULL) {
        PyException_SetTraceback(renamed, tb);
        Py_DECREF(tb);
    }
    PyErr_SetObject((PyObject *)Py_TYPE(renamed), renamed);
    Py_DECREF(renamed);
    return NULL;
}

/* A registry function without a front of its own (interpose(name, fn)): the Python
 * function, after the deferral to foreign array types (above) and with bridge.func's
 * hook in front while a vmap runs, and its bad-input errors renamed after the function
 * the user called. op->name is the registry name, op->spec the short public name.
 * Every front declines to one of these, so every call of a registry function that the
 * C paths do not take passes here. */
static PyObject *interpose_call(PyObject *self, PyObject *const *args, size_t nargsf,
                                PyObject *kwnames)
{
    Front *op = (Front *)self;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (g_defer_call != NULL) {
        PyObject *deferred = deferred_call(op, args, nargs, kwnames);
        if (deferred == NULL) {
            return renamed_error(op);
        }
        if (deferred != g_defer_none) {
            return deferred;
        }
        Py_DECREF(deferred);
    }
    if (g_transforms_active > 0 && g_transform_call != NULL) {
        Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
        PyObject **stack = PyMem_Malloc((size_t)(nargs + nkw + 3) * sizeof(PyObject *));
        if (stack == NULL) {
            return PyErr_NoMemory();
        }
        stack[1] = op->name;
        stack[2] = op->fallback;
        for (Py_ssize_t i = 0; i < nargs + nkw; i++) {
            stack[3 + i] = args[i];
        }
        PyObject *result = PyObject_Vectorcall(g_transform_call, stack + 1,
                                               (size_t)(nargs + 2) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                               kwnames);
        PyMem_Free(stack);
        return result;
    }
    PyObject *result = PyObject_Vectorcall(op->fallback, args, nargsf, kwnames);
    if (result != NULL) {
        return result;
    }
    return renamed_error(op);
}

static Front *front_alloc(PyObject *name, PyObject *fallback, int family)
{
    if (!PyUnicode_Check(name) || !PyCallable_Check(fallback)) {
        PyErr_SetString(PyExc_TypeError, "Front: name must be a str and function callable");
        return NULL;
    }
    Front *op = PyObject_GC_New(Front, &FrontType);
    if (op == NULL) {
        return NULL;
    }
    op->name = Py_NewRef(name);
    PyUnicode_InternInPlace(&op->name);
    op->fallback = Py_NewRef(fallback);
    op->spec = NULL;
    op->ufunc = NULL;
    op->kinds[0] = '\0';
    op->dict = NULL;
    op->family = family;
    op->nin = op->reflected = op->n_allowed = 0;
    op->n_params = op->n_call_pos = op->n_call_kw = 0;
    op->call_kwnames = NULL;
    op->cpu_only = 0;
    op->vectorcall = family == FAM_GENERIC     ? generic_call
                     : family == FAM_INPLACE   ? inplace_call
                     : family == FAM_INTERPOSE ? interpose_call
                                               : elementwise_call;
    PyObject_GC_Track(op);
    return op;
}


/* interpose(name, short, function) -> Front: see interpose_call */
static PyObject *make_interpose(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *name, *short_name, *fallback;
    if (!PyArg_ParseTuple(args, "UUO", &name, &short_name, &fallback)) {
        return NULL;
    }
    Front *op = front_alloc(name, fallback, FAM_INTERPOSE);
    if (op == NULL) {
        return NULL;
    }
    op->spec = Py_NewRef(short_name);
    return (PyObject *)op;
}

/* set_interpose_hooks(transform_call, rename_error) */
static PyObject *set_interpose_hooks(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *call, *rename;
    if (!PyArg_ParseTuple(args, "OO", &call, &rename) || !PyCallable_Check(call) ||
        !PyCallable_Check(rename)) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "set_interpose_hooks: two callables");
        }
        return NULL;
    }
    Py_XSETREF(g_transform_call, Py_NewRef(call));
    Py_XSETREF(g_rename_error, Py_NewRef(rename));
    Py_RETURN_NONE;
}

/* tracing(delta=0) -> this thread's count of bridge.compile traces after adding delta */
static PyObject *tracing(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    long delta = 0;
    if (nargs > 1 || (nargs == 1 && (delta = PyLong_AsLong(args[0])) == -1 && PyErr_Occurred())) {
        PyErr_SetString(PyExc_TypeError, "tracing(delta=0)");
        return NULL;
    }
    g_tracing += delta;
    if (g_tracing < 0) {
        g_tracing = 0;
    }
    return PyLong_FromLong(g_tracing);
}

/* transforms_active(delta=0) -> the count after adding delta (bridge.func's vmaps) */
static PyObject *transforms_active(PyObject *Py_UNUSED(module), PyObject *const *args,
                                   Py_ssize_t nargs)
{
    long delta = 0;
    if (nargs > 1) {
        PyErr_SetString(PyExc_TypeError, "transforms_active(delta=0)");
        return NULL;
    }
    if (nargs == 1) {
        delta = PyLong_AsLong(args[0]);
        if (delta == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    g_transforms_active += delta;
    if (g_transforms_active < 0) {
        g_transforms_active = 0;
    }
    return PyLong_FromLong(g_transforms_active);
}

/* elementwise(name, nin, function, reflected, dtypes[, matrix]) -> Front */
static PyObject *make_elementwise(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *name, *fallback, *dtypes;
    int nin, reflected, matrix = 0;
    if (!PyArg_ParseTuple(args, "UiOpO!|p", &name, &nin, &fallback, &reflected, &PyTuple_Type,
                          &dtypes, &matrix)) {
        return NULL;
    }
    if (nin != 1 && nin != 2) {
        PyErr_SetString(PyExc_ValueError, "elementwise: nin must be 1 or 2");
        return NULL;
    }
    PyTypeObject *classes[16];
    int n = dtype_classes(dtypes, classes, 16, "elementwise");
    if (n < 0) {
        return NULL;
    }
    Front *op = front_alloc(name, fallback, matrix && nin == 2 ? FAM_MATMUL : FAM_ELEMENTWISE);
    if (op == NULL) {
        return NULL;
    }
    op->nin = nin;
    op->reflected = reflected && nin == 2;
    op->n_allowed = n;
    memcpy(op->allowed, classes, sizeof(PyTypeObject *) * (size_t)n);
    return (PyObject *)op;
}

/* set_ufunc_call(front, entry): calls of elementwise Front `front` with keywords or more
 * positional arguments than its operands (NumPy's out=, where=, dtype=, ...) go to
 * `entry` (None: to the front's function, as every call the C path declines) */
static PyObject *set_ufunc_call(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *front, *entry;
    if (!PyArg_ParseTuple(args, "O!O", &FrontType, &front, &entry)) {
        return NULL;
    }
    Front *op = (Front *)front;
    if (op->family != FAM_ELEMENTWISE || (entry != Py_None && !PyCallable_Check(entry))) {
        PyErr_SetString(PyExc_TypeError,
                        "set_ufunc_call: an elementwise front and a callable or None");
        return NULL;
    }
    Py_XSETREF(op->ufunc, entry == Py_None ? NULL : Py_NewRef(entry));
    Py_RETURN_NONE;
}

/* inplace(name, operator, ufunc, kinds[, plain, write, opname]) -> Front: the in-place
 * operator `operator` (x op= y in Python) with its C case; `kinds`: the dtype kinds of x
 * it takes; `plain` (the op, x op y), `write` (write_inplace(target, result, opname)):
 * the recorded case (inplace_recorded) */
static PyObject *make_inplace(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *name, *fallback, *ufunc, *plain = NULL, *write = NULL, *opname = NULL;
    const char *kinds;
    if (!PyArg_ParseTuple(args, "UOOs|OOU", &name, &fallback, &ufunc, &kinds, &plain, &write,
                          &opname)) {
        return NULL;
    }
    if (plain != NULL && (write == NULL || opname == NULL || !PyCallable_Check(plain) ||
                          !PyCallable_Check(write))) {
        PyErr_SetString(PyExc_TypeError, "inplace: plain and write must be callables, "
                                         "with the operator's name");
        return NULL;
    }
    if (strlen(kinds) >= sizeof(((Front *)NULL)->kinds) || !PyCallable_Check(ufunc)) {
        PyErr_SetString(PyExc_ValueError, "inplace: kinds too long or ufunc not callable");
        return NULL;
    }
    Front *op = front_alloc(name, fallback, FAM_INPLACE);
    if (op == NULL) {
        return NULL;
    }
    op->ufunc = Py_NewRef(ufunc);
    strcpy(op->kinds, kinds);
    if (plain != NULL && (op->spec = PyTuple_Pack(3, plain, write, opname)) == NULL) {
        Py_DECREF(op);
        return NULL;
    }
    return (PyObject *)op;
}

/* generic(name, function, params, call_pos, call_kw) -> Front
 *   params: ((name, kind, default, mode, dtypes or None, ref, flag), ...)
 *   call_pos: indices of the params passed positionally after the raw arrays
 *   call_kw: indices of the params passed as keywords (under their names) */
static PyObject *make_generic(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *name, *fallback, *params, *call_pos, *call_kw;
    if (!PyArg_ParseTuple(args, "UOO!O!O!", &name, &fallback, &PyTuple_Type, &params,
                          &PyTuple_Type, &call_pos, &PyTuple_Type, &call_kw)) {
        return NULL;
    }
    Py_ssize_t np_ = PyTuple_GET_SIZE(params);
    if (np_ > MAX_PARAMS || PyTuple_GET_SIZE(call_pos) > MAX_PARAMS ||
        PyTuple_GET_SIZE(call_kw) > MAX_PARAMS) {
        PyErr_SetString(PyExc_ValueError, "generic: too many parameters");
        return NULL;
    }
    Front *op = front_alloc(name, fallback, FAM_GENERIC);
    if (op == NULL) {
        return NULL;
    }
    op->spec = Py_NewRef(params);
    for (Py_ssize_t j = 0; j < np_; j++) {
        Param *p = &op->params[j];
        PyObject *pname, *dflt, *dtypes;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(params, j), "UiOiOii", &pname, &p->kind, &dflt,
                              &p->mode, &dtypes, &p->ref, &p->flag)) {
            Py_DECREF(op);
            return NULL;
        }
        p->name = Py_NewRef(pname);
        PyUnicode_InternInPlace(&p->name);
        p->dflt = dflt;
        p->n_classes = 0;
        op->n_params = (int)j + 1;
        if (p->kind < K_TENSOR || p->kind > K_DATA || p->ref >= (int)j ||
            p->mode < M_POSITIONAL || p->mode > M_DERIVED ||
            (p->mode == M_DERIVED && p->kind != K_DTYPE_OF && p->kind != K_SHAPE_OF) ||
            ((p->flag & F_META) && p->kind != K_TENSOR) ||
            ((p->flag & F_HOLDS) && p->kind != K_DTYPE) ||
            ((p->flag & F_REALS) && p->kind != K_DTYPE) ||
            ((p->flag & F_NONZERO) && p->kind != K_REAL) ||
            ((p->flag & F_RANGE) && (p->kind != K_REAL || p->dflt != Py_None || p->ref < 0 ||
                                     op->params[p->ref].kind != K_REAL))) {
            PyErr_Format(PyExc_ValueError, "generic: parameter %U is malformed", pname);
            Py_DECREF(op);
            return NULL;
        }
        if (p->ref >= 0) {
            int rk = op->params[p->ref].kind;
            if (rk != K_TENSOR && rk != K_TENSORS &&
                !((rk == K_SCALAR || rk == K_DATA) &&
                  (p->kind == K_DTYPE_OF || p->kind == K_DTYPE)) &&
                !(rk == K_REAL && (p->flag & F_RANGE))) {
                PyErr_Format(PyExc_ValueError, "generic: parameter %U refers to a non-tensor",
                             pname);
                Py_DECREF(op);
                return NULL;
            }
        }
        else if (p->kind == K_AXIS || p->kind == K_AXES || p->kind == K_PERMUTATION ||
                 p->kind == K_DTYPE_OF || p->kind == K_SHAPE_OF ||
                 ((p->flag & F_RESHAPE) && p->kind == K_SHAPE)) {
            PyErr_Format(PyExc_ValueError, "generic: parameter %U needs a tensor", pname);
            Py_DECREF(op);
            return NULL;
        }
        if (p->flag & F_CPU) {
            op->cpu_only = 1;
        }
        if (dtypes != Py_None) {
            int n = dtype_classes(dtypes, p->classes, 16, "generic");
            if (n < 0) {
                Py_DECREF(op);
                return NULL;
            }
            p->n_classes = n;
        }
    }
    PyObject *kwnames = PyTuple_New(PyTuple_GET_SIZE(call_kw));
    if (kwnames == NULL) {
        Py_DECREF(op);
        return NULL;
    }
    op->call_kwnames = PyTuple_GET_SIZE(call_kw) ? kwnames : NULL;
    for (int pass = 0; pass < 2; pass++) {
        PyObject *which = pass ? call_kw : call_pos;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(which); i++) {
            long j = PyLong_AsLong(PyTuple_GET_ITEM(which, i));
            if (j < 0 || j >= np_ || op->params[j].kind == K_TENSOR ||
                op->params[j].kind == K_TENSORS) {
                PyErr_Clear();
                PyErr_SetString(PyExc_ValueError, "generic: a call entry names no value param");
                if (op->call_kwnames == NULL) {
                    Py_DECREF(kwnames);
                }
                Py_DECREF(op);
                return NULL;
            }
            if (pass) {
                op->call_kw[op->n_call_kw++] = (int)j;
                PyTuple_SET_ITEM(kwnames, i, Py_NewRef(op->params[j].name));
            }
            else {
                op->call_pos[op->n_call_pos++] = (int)j;
            }
        }
    }
    if (op->call_kwnames == NULL) {
        Py_DECREF(kwnames);
    }
    return (PyObject *)op;
}

/* ------------------------------------------------------- Tensor.__getitem__ */

static PyObject *g_getitem_fallback = NULL;

/* 1 when the slice's step is None or a non-zero int (0: the Python path decides) */
static int plain_step(PyObject *key)
{
    PyObject *step = ((PySliceObject *)key)->step;
    if (step == Py_None) {
        return 1;
    }
    if (!PyLong_CheckExact(step)) {
        return 0;
    }
    int overflow = 0;
    long value = PyLong_AsLongAndOverflow(step, &overflow);
    if (value == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    return overflow != 0 || value != 0;
}

static inline int plain_bound(PyObject *v)
{
    return v == Py_None || PyLong_CheckExact(v);
}

/* a basic tuple key (ints, slices of int bounds and non-zero step, None, Ellipsis) as
 * the array library's key (all ints get a trailing Ellipsis: a 0-d view, not a
 * scalar), or NULL without an error for any other tuple */
static PyObject *basic_tuple(PyObject *key)
{
    Py_ssize_t n = PyTuple_GET_SIZE(key);
    int all_ints = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *k = PyTuple_GET_ITEM(key, i);
        if (PyLong_CheckExact(k)) {
            continue;
        }
        all_ints = 0;
        if (Py_IS_TYPE(k, &PySlice_Type)) {
            PySliceObject *s = (PySliceObject *)k;
            if (!plain_bound(s->start) || !plain_bound(s->stop) || !plain_bound(s->step) ||
                !plain_step(k)) {
                return NULL;
            }
        }
        else if (k != Py_None && k != Py_Ellipsis) {
            return NULL;
        }
    }
    if (!all_ints) {
        return Py_NewRef(key);
    }
    PyObject *raw = PyTuple_New(n + 1);
    if (raw == NULL) {
        PyErr_Clear();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(raw, i, Py_NewRef(PyTuple_GET_ITEM(key, i)));
    }
    PyTuple_SET_ITEM(raw, n, Py_NewRef(Py_Ellipsis));
    return raw;
}

/* whether `key` is all ints (x[i], x[i, j]); of every dimension, one element, read
 * as a copy */
static int one_element(PyObject *key)
{
    if (PyLong_CheckExact(key)) {
        return 1;
    }
    if (!PyTuple_CheckExact(key) || PyTuple_GET_SIZE(key) == 0) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(key); i++) {
        if (!PyLong_CheckExact(PyTuple_GET_ITEM(key, i))) {
            return 0;
        }
    }
    return 1;
}

/* the basic key `key` as the array library's key (new reference), or NULL */
static PyObject *basic_key(PyObject *key)
{
    if ((Py_IS_TYPE(key, &PySlice_Type) && plain_step(key)) || key == Py_None ||
        key == Py_Ellipsis) {
        return Py_NewRef(key);
    }
    if (PyTuple_CheckExact(key)) {
        return basic_tuple(key);
    }
    if (PyLong_CheckExact(key)) {
        PyObject *raw = PyTuple_Pack(2, key, Py_Ellipsis); /* a 0-d view, not a scalar */
        if (raw == NULL) {
            PyErr_Clear();
        }
        return raw;
    }
    return NULL;
}

static PyObject *s_getitem = NULL;

/* an index tensor key of x's memory (raw array `data`): a tensor without an autograd
 * record, of a bool or integer dtype, at least 1-d and not empty, as the raw key the
 * Python path hands the getitem and setitem kernels, (key's array,); else NULL */
static PyObject *tensor_key(PyObject *data, PyObject *key)
{
    /* (a key's record, where it has one, is a version counter only: an integer or bool
       tensor never requires grad, and reading it as a key is no write) */
    if (!is_tensor(key)) {
        return NULL;
    }
    PyObject *k = T_DATA(key);
    if (k == NULL || !PyArray_CheckExact(k) || !PyArray_CheckExact(data)) {
        return NULL;
    }
    PyArrayObject *ka = (PyArrayObject *)k;
    char kind = PyArray_DESCR(ka)->kind;
    if ((kind != 'b' && kind != 'i' && kind != 'u') || PyArray_NDIM(ka) < 1 ||
        PyArray_SIZE(ka) == 0) {
        return NULL;
    }
    PyObject *raw = PyTuple_Pack(1, k);
    if (raw == NULL) {
        PyErr_Clear();
    }
    return raw;
}

/* x[key]'s result (a new reference, or NULL passing through) recorded for autograd
 * when x has a record, as the Python getitem records it: run("getitem", (x,), raw) */
static PyObject *record_getitem(PyObject *self, PyObject *raw, PyObject *result)
{
    if (result == NULL || T_META(self) == Py_None) {
        return result;
    }
    PyObject *inputs = PyTuple_Pack(1, self);
    if (inputs == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    result = record_call(s_getitem, inputs, &raw, 1, NULL, result);
    Py_DECREF(inputs);
    return result;
}

static PyObject *tensor_getitem(PyObject *self, PyObject *key)
{
    PyObject *data = T_DATA(self);
    if ((T_META(self) == Py_None || g_record != NULL) && data != NULL && is_tensor(key) &&
        !TRACING()) {
        /* x[mask], x[indices]: the backend's getitem kernel, as the Python path calls it,
         * and recorded as it records it (run("getitem", (x,), raw)) */
        PyObject *raw = tensor_key(data, key);
        PyObject *kernel = raw != NULL ? kernel_in(cpu_kernels(), s_getitem) : NULL;
        if (kernel != NULL) {
            PyObject *call[3] = {NULL, data, raw};
            PyObject *out = PyObject_Vectorcall(kernel, call + 1,
                                                2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
            Py_DECREF(kernel);
            if (out != NULL) {
                PyObject *result = record_getitem(self, raw, kernel_result(out));
                Py_DECREF(raw);
                return result;
            }
            Py_DECREF(raw);
            if (!reportable_error()) {
                return NULL;
            }
            PyErr_Clear(); /* the Python getitem raises it in bridge's words */
        }
        else {
            Py_XDECREF(raw);
        }
    }
    else if ((T_META(self) == Py_None || g_record != NULL) && data != NULL && !TRACING() &&
             (PyArray_CheckExact(data) || (g_single_gpu && Py_TYPE(data) == g_gpu_array_type))) {
        PyObject *raw = basic_key(key);
        if (raw != NULL) {
            PyObject *out = PyObject_GetItem(data, raw);
            npy_intp odims[NPY_MAXDIMS];
            int ond;
            if (out != NULL && one_element(key) && raw_shape(out, odims, &ond) == 0 &&
                ond == 0) {
                /* x[i, j] of every dimension: NumPy's scalar is a copy; a 0-d view
                 * would make a[0], a[1] = a[1], a[0] see its first write */
                Py_SETREF(out, PyArray_CheckExact(out)
                                   ? PyArray_NewCopy((PyArrayObject *)out, NPY_KEEPORDER)
                                   : PyObject_CallMethod(out, "copy", NULL));
            }
            PyObject *result = out != NULL ? record_getitem(self, raw, new_tensor(out)) : NULL;
            Py_DECREF(raw);
            if (result != NULL || out != NULL) {
                return result;
            }
            if (!PyErr_ExceptionMatches(PyExc_IndexError)) {
                return NULL;
            }
            PyErr_Clear(); /* the Python getitem raises it in bridge's words */
        }
    }
    PyObject *call[2] = {self, key};
    return PyObject_Vectorcall(g_getitem_fallback, call, 2, NULL);
}

static PyMethodDef tensor_getitem_def = {
    "__getitem__", tensor_getitem, METH_O,
    "__getitem__($self, key, /)\n--\n\nx[key]: basic keys give views, as in NumPy; boolean "
    "and integer-array keys give copies."};

/* A method descriptor of the Tensor class for `def`, whose C code hands what it does
 * not take to Python callable `python` (stored in *fallback); after bind */
static PyObject *tensor_method(PyMethodDef *def, PyObject **fallback, PyObject *python)
{
    if (g_tensor_type == NULL || !PyCallable_Check(python)) {
        PyErr_Format(PyExc_TypeError, "%s: bind first; the Python method must be callable",
                     def->ml_name);
        return NULL;
    }
    PyObject *descr = PyDescr_NewMethod(g_tensor_type, def);
    if (descr != NULL) {
        Py_XSETREF(*fallback, Py_NewRef(python));
    }
    return descr;
}

/* getitem_method(getitem) -> Tensor.__getitem__; the Python getitem serves every key
 * that is not basic */
static PyObject *getitem_method(PyObject *Py_UNUSED(module), PyObject *getitem)
{
    return tensor_method(&tensor_getitem_def, &g_getitem_fallback, getitem);
}

/* ------------------------------------------------------- Tensor.__setitem__ */

static PyObject *g_setitem_fallback = NULL;
static PyObject *s_setitem = NULL;

/* x[key] = value for a tensor without an autograd record whose memory is a NumPy
 * array, a basic key or an index tensor (tensor_key), and a value that is a tensor of
 * x's dtype and memory without an
 * autograd record, or a Python float (x floating or complex), int (x floating or
 * complex) or bool (x bool): the backend's setitem kernel on the raw array, the value
 * made the 0-d array of x's dtype that the Python path makes (Tensor(value,
 * dtype=x.dtype)). A kernel error (a read-only tensor, a key out of range, a value
 * that does not broadcast) and every other case: the Python setitem. */
static PyObject *tensor_setitem(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "__setitem__ expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    PyObject *key = args[0], *value = args[1];
    PyObject *data = is_tensor(self) ? T_DATA(self) : NULL;
    if (data == NULL || !PyArray_CheckExact(data) || TRACING()) {
        goto python;
    }
    /* x with an autograd record: inplace_mode 0 writes and bumps the version, 1 also
     * records the setitem node (a value with a record then too), 2 is Python's */
    int mode = -1;
    if (T_META(self) != Py_None) {
        mode = inplace_mode(self);
        if (mode < 0 && PyErr_Occurred()) {
            return NULL;
        }
        if (mode != 0 && mode != 1) {
            goto python;
        }
    }
    PyArray_Descr *descr = PyArray_DESCR((PyArrayObject *)data);
    char kind = descr->kind;
    PyObject *raw_value;
    if (is_tensor(value)) {
        raw_value = T_DATA(value);
        if ((T_META(value) != Py_None && mode != 1) || raw_value == NULL ||
            !PyArray_CheckExact(raw_value) ||
            !PyArray_EquivTypes(PyArray_DESCR((PyArrayObject *)raw_value), descr)) {
            goto python;
        }
        Py_INCREF(raw_value);
    }
    else if ((PyFloat_CheckExact(value) && (kind == 'f' || kind == 'c')) ||
             (PyLong_CheckExact(value) && (kind == 'f' || kind == 'c')) ||
             (PyBool_Check(value) && kind == 'b')) {
        Py_INCREF(descr);
        raw_value = PyArray_FromAny(value, descr, 0, 0, 0, NULL);
        if (raw_value == NULL) {
            PyErr_Clear();
            goto python;
        }
    }
    else {
        goto python;
    }
    PyObject *raw_key = is_tensor(key) ? tensor_key(data, key) : basic_key(key);
    PyObject *kernel = raw_key != NULL ? kernel_in(cpu_kernels(), s_setitem) : NULL;
    if (kernel == NULL) {
        Py_XDECREF(raw_key);
        Py_DECREF(raw_value);
        goto python;
    }
    PyObject *call[4] = {NULL, data, raw_value, raw_key};
    PyObject *out = PyObject_Vectorcall(kernel, call + 1, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                        NULL);
    Py_DECREF(kernel);
    if (out != NULL) {
        Py_DECREF(out);
        int failed = 0;
        if (mode == 1) {
            /* the node's value input: the tensor given, or the 0-d array made of the
               number (as the Python setitem's Tensor(value, dtype=x.dtype)) */
            PyObject *v = is_tensor(value) ? Py_NewRef(value) : new_tensor(Py_NewRef(raw_value));
            failed = v == NULL || setitem_record(self, v, raw_key) < 0;
            Py_XDECREF(v);
        }
        Py_DECREF(raw_key);
        Py_DECREF(raw_value);
        if (failed || (mode >= 0 && inplace_bump(self) < 0)) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    Py_DECREF(raw_key);
    Py_DECREF(raw_value);
    if (!reportable_error()) {
        return NULL;
    }
    PyErr_Clear(); /* nothing was written: the Python setitem raises it in bridge's words */
python:;
    PyObject *python_args[3] = {self, key, value};
    return PyObject_Vectorcall(g_setitem_fallback, python_args, 3, NULL);
}

static PyMethodDef tensor_setitem_def = {
    "__setitem__", (PyCFunction)(void (*)(void))tensor_setitem, METH_FASTCALL,
    "__setitem__($self, key, value, /)\n--\n\nx[key] = value, written into x's memory."};

/* setitem_method(setitem) -> Tensor.__setitem__; the Python setitem serves every case
 * the C one does not */
static PyObject *setitem_method(PyObject *Py_UNUSED(module), PyObject *setitem)
{
    return tensor_method(&tensor_setitem_def, &g_setitem_fallback, setitem);
}

/* ------------------------------------------------------- run */

/* run(name, inputs, *args, **params): _dispatch.run for plain tensors in C. Tensors of
 * one kernel table (CPU arrays, or the one GPU's) get the kernel called on their raw
 * arrays, the result wrapped, and the call recorded for autograd when an input has a
 * record; a ValueError, TypeError, IndexError or MemoryError of the kernel is raised
 * as the Python run raises it (through name_the_function). Anything else: the Python
 * run. */
static PyObject *dispatch_run(PyObject *Py_UNUSED(module), PyObject *const *args,
                              Py_ssize_t nargs, PyObject *kwnames)
{
    if (g_run_fallback == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "run: bind() has not run");
        return NULL;
    }
    if (nargs < 2 || !PyUnicode_Check(args[0]) || !PyTuple_CheckExact(args[1]) ||
        g_tensor_type == NULL) {
        return PyObject_Vectorcall(g_run_fallback, args, nargs, kwnames);
    }
    PyObject *inputs = args[1];
    Py_ssize_t n = PyTuple_GET_SIZE(inputs);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    Py_ssize_t nextra = nargs - 2;
    if (n < 1 || n > MAX_TENSORS || nextra + nkw > 32) {
        return PyObject_Vectorcall(g_run_fallback, args, nargs, kwnames);
    }
    PyObject *stack[1 + MAX_TENSORS + 32];
    PyTypeObject *cls = NULL;
    int any_meta = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyTuple_GET_ITEM(inputs, i);
        PyObject *data;
        if (!is_tensor(t) || (data = T_DATA(t)) == NULL ||
            (cls != NULL && Py_TYPE(data) != cls)) {
            return PyObject_Vectorcall(g_run_fallback, args, nargs, kwnames);
        }
        cls = Py_TYPE(data);
        any_meta |= T_META(t) != Py_None;
        stack[1 + i] = data; /* borrowed: inputs holds the tensors, which hold them */
    }
    if (any_meta && g_record == NULL) {
        any_meta = 0;
    }
    PyObject *kernel = kernel_in(kernels_for(cls), args[0]);
    if (kernel == NULL) {
        return PyObject_Vectorcall(g_run_fallback, args, nargs, kwnames);
    }
    for (Py_ssize_t i = 0; i < nextra + nkw; i++) {
        stack[1 + n + i] = args[2 + i];
    }
    PyObject *out = PyObject_Vectorcall(kernel, stack + 1,
                                        (size_t)(n + nextra) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                        kwnames);
    Py_DECREF(kernel);
    if (out == NULL) {
        if (PyErr_ExceptionMatches(PyExc_ValueError) || PyErr_ExceptionMatches(PyExc_TypeError) ||
            PyErr_ExceptionMatches(PyExc_IndexError) || PyErr_ExceptionMatches(PyExc_MemoryError)) {
            /* raise name_the_function(name, exc) from None, as the Python run does */
            PyObject *exc = take_raised_exception();
            PyObject *named = exc ? PyObject_CallFunctionObjArgs(g_name_the_function, args[0],
                                                                 exc, NULL) : NULL;
            Py_XDECREF(exc);
            if (named == NULL) {
                return NULL;
            }
            PyException_SetCause(named, NULL); /* from None: __suppress_context__ */
            PyErr_SetObject((PyObject *)Py_TYPE(named), named);
            Py_DECREF(named);
        }
        return NULL;
    }
    PyObject *result = kernel_results(out);
    if (result != NULL && any_meta) {
        result = record_call(args[0], inputs, args + 2, nextra, kwnames, result);
    }
    return result;
}

/* ------------------------------------------------------- binding */

/* bind(Tensor, (PROCESS, context_var), Device, default_dtype, dtypes, normalize_raw,
 *      name_the_function, run) -> None: the classes and helpers the front works with;
 *      the backend selection is context_var's value where set (not None), else PROCESS */
static PyObject *bind(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *tensor_type, *state, *state_var, *device_type, *default_float, *dtypes, *normalize,
        *namer, *run;
    if (!PyArg_ParseTuple(args, "O!(OO)O!OO!OOO", &PyType_Type, &tensor_type, &state, &state_var,
                          &PyType_Type, &device_type, &default_float, &PyTuple_Type, &dtypes,
                          &normalize, &namer, &run)) {
        return NULL;
    }
    if (!PyContextVar_CheckExact(state_var)) {
        PyErr_SetString(PyExc_TypeError, "bind: the selection's context variable must be a ContextVar");
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)tensor_type, &TensorBaseType)) {
        PyErr_SetString(PyExc_TypeError, "bind: Tensor must derive from TensorBase");
        return NULL;
    }
    Py_ssize_t default_device_offset, cpu_kernels_offset, type_offset;
    if (member_offset(Py_TYPE(state), "default_device", &default_device_offset) < 0 ||
        member_offset(Py_TYPE(state), "cpu_kernels", &cpu_kernels_offset) < 0 ||
        member_offset((PyTypeObject *)device_type, "type", &type_offset) < 0) {
        return NULL;
    }
    if (!PyArray_DescrCheck(default_float) || !PyCallable_Check(normalize) ||
        !PyCallable_Check(namer) || !PyCallable_Check(run)) {
        PyErr_SetString(PyExc_TypeError, "bind: malformed arguments");
        return NULL;
    }
    int n = dtype_classes(dtypes, g_dtype_classes, 16, "bind");
    if (n < 0) {
        return NULL;
    }
    g_n_dtype_classes = n;
    Py_XSETREF(g_tensor_type, (PyTypeObject *)Py_NewRef(tensor_type));
    Py_XSETREF(g_state_type, (PyTypeObject *)Py_NewRef(Py_TYPE(state)));
    Py_XSETREF(g_device_type, (PyTypeObject *)Py_NewRef(device_type));
    g_default_device_offset = default_device_offset;
    g_cpu_kernels_offset = cpu_kernels_offset;
    g_device_type_offset = type_offset;
    Py_XSETREF(g_state, Py_NewRef(state));
    Py_XSETREF(g_state_var, Py_NewRef(state_var));
    Py_XSETREF(g_default_float, Py_NewRef(default_float));
    Py_XSETREF(g_normalize_raw, Py_NewRef(normalize));
    Py_XSETREF(g_name_the_function, Py_NewRef(namer));
    Py_XSETREF(g_run_fallback, Py_NewRef(run));
    Py_RETURN_NONE;
}

/* set_record(record or None): autograd's recorder, once bridge.autograd is imported */
static PyObject *set_record(PyObject *Py_UNUSED(module), PyObject *record)
{
    if (record != Py_None && !PyCallable_Check(record)) {
        PyErr_SetString(PyExc_TypeError, "set_record: record must be callable or None");
        return NULL;
    }
    Py_XSETREF(g_record, record == Py_None ? NULL : Py_NewRef(record));
    Py_RETURN_NONE;
}

/* set_gpu_arrays(array_type or None, kernels, single_gpu): the GPU array type and
 * kernel table the front uses on a machine with one GPU */
static PyObject *set_gpu_arrays(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *type, *kernels;
    int single;
    if (!PyArg_ParseTuple(args, "OO!p", &type, &PyDict_Type, &kernels, &single)) {
        return NULL;
    }
    if (type != Py_None && !PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "set_gpu_arrays: array_type must be a type or None");
        return NULL;
    }
    Py_XSETREF(g_gpu_array_type, type == Py_None ? NULL : (PyTypeObject *)Py_NewRef(type));
    Py_XSETREF(g_gpu_kernels, Py_NewRef(kernels));
    g_single_gpu = single && type != Py_None;
    Py_RETURN_NONE;
}

/* wrap(data) -> a new Tensor over raw array data (NumPy scalars made 0-d arrays) */
static PyObject *wrap(PyObject *Py_UNUSED(module), PyObject *data)
{
    return kernel_result(Py_NewRef(data));
}

static PyMethodDef methods[] = {
    {"bind", bind, METH_VARARGS,
     "bind(Tensor, STATE, Device, default_dtype, dtypes, normalize_raw, name_the_function, "
     "run): what the front works with"},
    {"set_record", set_record, METH_O, "set_record(record or None): autograd's recorder"},
    {"set_gpu_arrays", set_gpu_arrays, METH_VARARGS,
     "set_gpu_arrays(array_type or None, kernels, single_gpu)"},
    {"wrap", wrap, METH_O, "wrap(data) -> Tensor over raw array data"},
    {"interpose", make_interpose, METH_VARARGS,
     "interpose(name, short, function): the function behind bridge.func's hook"},
    {"set_interpose_hooks", set_interpose_hooks, METH_VARARGS,
     "set_interpose_hooks(transform_call, rename_error)"},
    {"set_defer_hooks", set_defer_hooks, METH_VARARGS,
     "set_defer_hooks(defers, defer_call, not_mine): deferral to foreign array types"},
    {"tracing", (PyCFunction)(void (*)(void))tracing, METH_FASTCALL,
     "tracing(delta=0) -> this thread's bridge.compile traces (all fronts decline while > 0)"},
    {"transforms_active", (PyCFunction)(void (*)(void))transforms_active, METH_FASTCALL,
     "transforms_active(delta=0) -> the number of bridge.func vmaps running"},
    {"elementwise", make_elementwise, METH_VARARGS,
     "elementwise(name, nin, function, reflected, dtypes[, matrix]) -> Front"},
    {"set_ufunc_call", set_ufunc_call, METH_VARARGS,
     "set_ufunc_call(front, entry or None): where an elementwise front's keyword calls go"},
    {"inplace", make_inplace, METH_VARARGS,
     "inplace(name, operator, ufunc, kinds) -> Front for x op= y"},
    {"generic", make_generic, METH_VARARGS,
     "generic(name, function, params, call_pos, call_kw) -> Front"},
    {"getitem_method", getitem_method, METH_O,
     "getitem_method(getitem) -> Tensor.__getitem__ with basic keys in C"},
    {"setitem_method", setitem_method, METH_O,
     "setitem_method(setitem) -> Tensor.__setitem__ with basic keys in C"},
    {"run", (PyCFunction)(void (*)(void))dispatch_run, METH_FASTCALL | METH_KEYWORDS,
     "run(name, inputs, *args, **params) -> Tensor or tuple: bridge._dispatch.run"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "bridge._fastpath._front",
    "The C front of bridge's one dispatch path.", -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__front(void)
{
    import_array();
    if (PyType_Ready(&TensorBaseType) < 0 || PyType_Ready(&FrontType) < 0) {
        return NULL;
    }
    s_cpu = PyUnicode_InternFromString("cpu");
    s_cuda = PyUnicode_InternFromString("cuda");
    s_setitem = PyUnicode_InternFromString("setitem");
    s_getitem = PyUnicode_InternFromString("getitem");
    s_out_kwnames = Py_BuildValue("(s)", "out");
    s_x1_kwnames = Py_BuildValue("(s)", "x1");
    s_x2_kwnames = Py_BuildValue("(s)", "x2");
    g_required = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (s_cpu == NULL || s_cuda == NULL || s_setitem == NULL || s_getitem == NULL ||
        s_out_kwnames == NULL || s_x1_kwnames == NULL || s_x2_kwnames == NULL ||
        g_required == NULL) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&module_def);
    if (module == NULL) {
        return NULL;
    }
    struct { const char *name; long value; } constants[] = {
        {"K_TENSOR", K_TENSOR}, {"K_TENSORS", K_TENSORS}, {"K_AXIS", K_AXIS},
        {"K_AXES", K_AXES}, {"K_BOOL", K_BOOL}, {"K_DEFAULT", K_DEFAULT},
        {"K_SHAPE", K_SHAPE}, {"K_PERMUTATION", K_PERMUTATION}, {"K_NONNEG", K_NONNEG},
        {"K_DTYPE", K_DTYPE}, {"K_DTYPE_OF", K_DTYPE_OF}, {"K_SCALAR", K_SCALAR}, {"K_REAL", K_REAL},
        {"K_SHAPE_OF", K_SHAPE_OF}, {"K_DATA", K_DATA},
        {"F_INSERT", F_INSERT}, {"F_OPTIONAL", F_OPTIONAL}, {"F_NONEMPTY", F_NONEMPTY},
        {"F_SQUEEZE", F_SQUEEZE}, {"F_SAME_SHAPE", F_SAME_SHAPE}, {"F_CONCAT", F_CONCAT},
        {"F_RESHAPE", F_RESHAPE}, {"F_INT", F_INT}, {"F_META", F_META}, {"F_HOLDS", F_HOLDS},
        {"F_CPU", F_CPU}, {"F_RANGE", F_RANGE}, {"F_REALS", F_REALS},
        {"F_NONZERO", F_NONZERO},
        {"M_POSITIONAL", M_POSITIONAL}, {"M_EITHER", M_EITHER}, {"M_KEYWORD", M_KEYWORD},
        {"M_DERIVED", M_DERIVED},
    };
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++) {
        if (PyModule_AddIntConstant(module, constants[i].name, constants[i].value) < 0) {
            Py_DECREF(module);
            return NULL;
        }
    }
    if (record_module_init(module) < 0 ||
        PyModule_AddObjectRef(module, "TensorBase", (PyObject *)&TensorBaseType) < 0 ||
        PyModule_AddObjectRef(module, "Front", (PyObject *)&FrontType) < 0 ||
        PyModule_AddObjectRef(module, "REQUIRED", g_required) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

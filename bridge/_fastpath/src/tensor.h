/* The C layout of bridge.Tensor, shared by the front (front.c) and autograd's recorder
 * (record.c): a raw array and an autograd record, read as struct fields. */
#ifndef BRIDGE_FASTPATH_TENSOR_H
#define BRIDGE_FASTPATH_TENSOR_H

#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *data;     /* the raw array: numpy.ndarray, or cupy.ndarray on a GPU */
    PyObject *meta;     /* the autograd record (a Meta), or None */
    PyObject *weakrefs;
} TensorObject;

extern PyTypeObject TensorBaseType;

#define T_DATA(t) (((TensorObject *)(t))->data)
#define T_META(t) (((TensorObject *)(t))->meta)

/* record.c: autograd's record(name, inputs, args, params, result) in C, and its types */
int record_module_init(PyObject *module);
PyObject *record_node(PyObject *name, PyObject *inputs, PyObject *args, PyObject *params,
                      PyObject *result);
extern PyObject *g_c_record; /* the module's `record` function object, once made */

/* record.c: the in-place operators' autograd cases (see there) */
int inplace_mode(PyObject *target);
int inplace_bump(PyObject *target);
int inplace_rebase(PyObject *target, PyObject *result);
int setitem_record(PyObject *target, PyObject *value, PyObject *key);

#endif

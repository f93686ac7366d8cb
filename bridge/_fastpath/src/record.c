/* Autograd's recorder in C: record(name, inputs, args, params, result), the hot path
 * of every op on tensors that require grad, and the two records it makes, Meta (one
 * per tensor) and NodeBase (one per recorded call; bridge.autograd's Node derives from
 * it and adds the methods and the rarely set fields).
 *
 * record() makes the node of the common call: grad mode on, no forward-mode level, no
 * anomaly mode, one output, some input requiring grad (a rule with a recorder of its
 * own, in-place setitem's, gets that recorder called). It declines every other call to autograd's Python recorder
 * (bridge/autograd/_graph.py: record_general), the readable path that also does what
 * this one does, so the two make the same node: test_autograd_record.py compares them
 * field by field.
 *
 * The fields are struct members, so the recorder writes them directly and Python reads
 * them as slots (the engine, the rules and bridge.func's transforms use them as plain
 * attributes). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <numpy/arrayobject.h>
#include <structmember.h>

#include "tensor.h"

/* ------------------------------------------------------------------ Meta */

typedef struct {
    PyObject_HEAD
    PyObject *requires_grad; /* whether gradients flow to the tensor (a bool) */
    PyObject *grad_fn;       /* the Node that made it, or None for a leaf */
    PyObject *output_nr;     /* which output of grad_fn it is (an int) */
    PyObject *version;       /* [n]: shared with the tensor's views, bumped by writes */
    PyObject *grad;          /* a leaf's accumulated gradient, or None */
    PyObject *tangent;       /* forward mode: (level, tangent) or None */
    PyObject *extra;         /* None, or the Extra holding hooks and flags */
    PyObject *weakrefs;
} MetaObject;

static PyTypeObject MetaType;

/* a new Meta (requires_grad, grad_fn, output_nr, version), each reference stolen */
static PyObject *meta_make(PyObject *requires_grad, PyObject *grad_fn, PyObject *output_nr,
                           PyObject *version)
{
    MetaObject *m = (MetaObject *)MetaType.tp_alloc(&MetaType, 0);
    if (m == NULL) {
        Py_DECREF(requires_grad);
        Py_DECREF(grad_fn);
        Py_DECREF(output_nr);
        Py_DECREF(version);
        return NULL;
    }
    m->requires_grad = requires_grad;
    m->grad_fn = grad_fn;
    m->output_nr = output_nr;
    m->version = version;
    m->grad = Py_NewRef(Py_None);
    m->tangent = Py_NewRef(Py_None);
    m->extra = Py_NewRef(Py_None);
    return (PyObject *)m;
}

static PyObject *new_version(void)
{
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL) {
        return NULL;
    }
    PyObject *v = PyList_New(1);
    if (v == NULL) {
        Py_DECREF(zero);
        return NULL;
    }
    PyList_SET_ITEM(v, 0, zero);
    return v;
}

static PyObject *meta_new(PyTypeObject *Py_UNUSED(type), PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"requires_grad", "grad_fn", "output_nr", "version", NULL};
    PyObject *requires_grad = Py_False, *grad_fn = Py_None, *output_nr = NULL,
             *version = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOOO:Meta", kwlist, &requires_grad,
                                     &grad_fn, &output_nr, &version)) {
        return NULL;
    }
    PyObject *nr = output_nr != NULL ? Py_NewRef(output_nr) : PyLong_FromLong(0);
    PyObject *v = version != Py_None ? Py_NewRef(version) : new_version();
    if (nr == NULL || v == NULL) {
        Py_XDECREF(nr);
        Py_XDECREF(v);
        return NULL;
    }
    return meta_make(Py_NewRef(requires_grad), Py_NewRef(grad_fn), nr, v);
}

static int meta_traverse(MetaObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->requires_grad);
    Py_VISIT(self->grad_fn);
    Py_VISIT(self->output_nr);
    Py_VISIT(self->version);
    Py_VISIT(self->grad);
    Py_VISIT(self->tangent);
    Py_VISIT(self->extra);
    return 0;
}

static int meta_clear(MetaObject *self)
{
    Py_CLEAR(self->requires_grad);
    Py_CLEAR(self->grad_fn);
    Py_CLEAR(self->output_nr);
    Py_CLEAR(self->version);
    Py_CLEAR(self->grad);
    Py_CLEAR(self->tangent);
    Py_CLEAR(self->extra);
    return 0;
}

static void meta_dealloc(MetaObject *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakrefs != NULL) {
        PyObject_ClearWeakRefs((PyObject *)self);
    }
    meta_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMemberDef meta_members[] = {
    {"requires_grad", T_OBJECT_EX, offsetof(MetaObject, requires_grad), 0,
     "whether gradients flow to this tensor"},
    {"grad_fn", T_OBJECT_EX, offsetof(MetaObject, grad_fn), 0,
     "the Node that produced it (None for a leaf)"},
    {"output_nr", T_OBJECT_EX, offsetof(MetaObject, output_nr), 0,
     "which output of grad_fn it is"},
    {"version", T_OBJECT_EX, offsetof(MetaObject, version), 0,
     "a one-element list shared with the tensor's views: bumped by every in-place write, "
     "checked by nodes that saved the tensor"},
    {"grad", T_OBJECT_EX, offsetof(MetaObject, grad), 0,
     "accumulated gradient of a leaf (or of a non-leaf that retains it)"},
    {"tangent", T_OBJECT_EX, offsetof(MetaObject, tangent), 0,
     "forward mode: (level, tangent Tensor) or None"},
    {"extra", T_OBJECT_EX, offsetof(MetaObject, extra), 0,
     "None, or an Extra with the rarely used fields (hooks, retains_grad)"},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject MetaType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bridge.autograd.Meta",
    .tp_doc = "Meta(requires_grad=False, grad_fn=None, output_nr=0, version=None)\n--\n\n"
              "The autograd record of one tensor (its requires_grad, grad, grad_fn, "
              "output_nr, version counter, forward-mode tangent and extra hooks).",
    .tp_basicsize = sizeof(MetaObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_new = meta_new,
    .tp_traverse = (traverseproc)meta_traverse,
    .tp_clear = (inquiry)meta_clear,
    .tp_dealloc = (destructor)meta_dealloc,
    .tp_members = meta_members,
    .tp_weaklistoffset = offsetof(MetaObject, weakrefs),
};

/* ------------------------------------------------------------------ NodeBase */

typedef struct {
    PyObject_HEAD
    PyObject *name;           /* the op's registry name */
    PyObject *rule;           /* its Rule */
    PyObject *args;           /* the kernel's positional arguments after the tensors */
    PyObject *params;         /* its keyword arguments (a dict) */
    PyObject *edges;          /* per input: (Node or leaf Meta, output_nr), or None */
    PyObject *avals;          /* per input: (shape, dtype) */
    PyObject *saved_inputs;   /* the input tensors when the rule reads them, else () */
    PyObject *saved_versions; /* their (version counter, version) pairs, or None */
    PyObject *saved_out;      /* the output's raw array when the rule reads it, else () */
    PyObject *out_version;    /* (the output's version counter, version at recording) */
} NodeObject;

static PyObject *g_default_out_version = NULL; /* ([0], 0): a node that saved no output */

static PyObject *node_alloc(PyTypeObject *type)
{
    NodeObject *n = (NodeObject *)type->tp_alloc(type, 0);
    if (n == NULL) {
        return NULL;
    }
    n->name = Py_NewRef(Py_None);
    n->rule = Py_NewRef(Py_None);
    n->args = PyTuple_New(0);
    n->params = Py_NewRef(Py_None);
    n->edges = Py_NewRef(Py_None);
    n->avals = Py_NewRef(Py_None);
    n->saved_inputs = PyTuple_New(0);
    n->saved_versions = Py_NewRef(Py_None);
    n->saved_out = PyTuple_New(0);
    n->out_version = Py_NewRef(g_default_out_version);
    if (n->args == NULL || n->saved_inputs == NULL || n->saved_out == NULL) {
        Py_DECREF(n);
        return NULL;
    }
    return (PyObject *)n;
}

static PyObject *node_new(PyTypeObject *type, PyObject *Py_UNUSED(args),
                          PyObject *Py_UNUSED(kwds))
{
    return node_alloc(type);
}

static int node_traverse(NodeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->name);
    Py_VISIT(self->rule);
    Py_VISIT(self->args);
    Py_VISIT(self->params);
    Py_VISIT(self->edges);
    Py_VISIT(self->avals);
    Py_VISIT(self->saved_inputs);
    Py_VISIT(self->saved_versions);
    Py_VISIT(self->saved_out);
    Py_VISIT(self->out_version);
    return 0;
}

static int node_clear(NodeObject *self)
{
    Py_CLEAR(self->name);
    Py_CLEAR(self->rule);
    Py_CLEAR(self->args);
    Py_CLEAR(self->params);
    Py_CLEAR(self->edges);
    Py_CLEAR(self->avals);
    Py_CLEAR(self->saved_inputs);
    Py_CLEAR(self->saved_versions);
    Py_CLEAR(self->saved_out);
    Py_CLEAR(self->out_version);
    return 0;
}

static void node_dealloc(NodeObject *self)
{
    PyObject_GC_UnTrack(self);
    node_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

#define NODE_MEMBER(field, doc) {#field, T_OBJECT_EX, offsetof(NodeObject, field), 0, doc}

static PyMemberDef node_members[] = {
    NODE_MEMBER(name, "the op's registry name"),
    NODE_MEMBER(rule, "the op's Rule (its vjp and jvp)"),
    NODE_MEMBER(args, "the kernel's positional arguments after the tensors"),
    NODE_MEMBER(params, "the kernel's keyword arguments"),
    NODE_MEMBER(edges, "per input, (Node or leaf record, output_nr), or None"),
    NODE_MEMBER(avals, "per input, (shape, dtype)"),
    NODE_MEMBER(saved_inputs, "the input tensors, when the rule reads them"),
    NODE_MEMBER(saved_versions, "the saved inputs' (version counter, version) pairs"),
    NODE_MEMBER(saved_out, "the output's raw array, when the rule reads it"),
    NODE_MEMBER(out_version, "(the output's version counter, its version when recorded)"),
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject NodeBaseType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bridge._fastpath._front.NodeBase",
    .tp_doc = "The C layout of bridge.autograd's Node: the fields every recorded call sets.",
    .tp_basicsize = sizeof(NodeObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_new = node_new,
    .tp_traverse = (traverseproc)node_traverse,
    .tp_clear = (inquiry)node_clear,
    .tp_dealloc = (destructor)node_dealloc,
    .tp_members = node_members,
};

/* ------------------------------------------------------------------ record */

static PyTypeObject *g_node_type = NULL; /* bridge.autograd's Node */
static PyObject *g_rules = NULL;         /* name -> Rule */
static PyObject *g_view_ops = NULL;      /* the names of ops whose output views input 0 */
static PyObject *g_switches_var = NULL;  /* the ContextVar of the autograd switches */
static PyObject *g_record_general = NULL; /* the Python recorder: every other call */
PyObject *g_c_record = NULL;

static PyObject *s_setitem_name;
static PyObject *s_grad, *s_forward, *s_anomaly, *s_save_inputs, *s_unsaved_with,
    *s_save_output, *s_special,
    *s_shape, *s_dtype, *s_kind;

/* the last switches object seen (they never change once made) and what it says */
static PyObject *c_switches = NULL;
static int c_grad, c_plain;

/* 1: grad mode on with nothing else active; 0: grad mode off, nothing else; 2: any
 * other setting (forward mode, anomaly mode): the general recorder; -1: error */
static int read_switches(void)
{
    PyObject *sw;
    if (PyContextVar_Get(g_switches_var, NULL, &sw) < 0) {
        return -1;
    }
    if (sw == NULL) {
        return 2;
    }
    if (sw != c_switches) {
        PyObject *grad = PyObject_GetAttr(sw, s_grad);
        PyObject *forward = grad ? PyObject_GetAttr(sw, s_forward) : NULL;
        PyObject *anomaly = forward ? PyObject_GetAttr(sw, s_anomaly) : NULL;
        int g = grad ? PyObject_IsTrue(grad) : -1;
        int a = anomaly ? PyObject_IsTrue(anomaly) : -1;
        int plain = forward == Py_None && a == 0;
        Py_XDECREF(grad);
        Py_XDECREF(forward);
        Py_XDECREF(anomaly);
        if (g < 0 || a < 0) {
            Py_DECREF(sw);
            return -1;
        }
        Py_XSETREF(c_switches, Py_NewRef(sw));
        c_grad = g;
        c_plain = plain;
    }
    Py_DECREF(sw);
    return c_plain ? c_grad : 2;
}

static PyObject *general(PyObject *name, PyObject *inputs, PyObject *args, PyObject *params,
                         PyObject *result)
{
    PyObject *call[5] = {name, inputs, args, params, result};
    return PyObject_Vectorcall(g_record_general, call, 5, NULL);
}

/* the (shape, dtype) of raw array `data` */
static PyObject *aval_of(PyObject *data)
{
    if (PyArray_CheckExact(data)) {
        PyArrayObject *a = (PyArrayObject *)data;
        int nd = PyArray_NDIM(a);
        PyObject *shape = PyTuple_New(nd);
        if (shape == NULL) {
            return NULL;
        }
        for (int i = 0; i < nd; i++) {
            PyObject *d = PyLong_FromSsize_t(PyArray_DIM(a, i));
            if (d == NULL) {
                Py_DECREF(shape);
                return NULL;
            }
            PyTuple_SET_ITEM(shape, i, d);
        }
        PyObject *aval = PyTuple_New(2);
        if (aval == NULL) {
            Py_DECREF(shape);
            return NULL;
        }
        PyTuple_SET_ITEM(aval, 0, shape);
        PyTuple_SET_ITEM(aval, 1, Py_NewRef((PyObject *)PyArray_DESCR(a)));
        return aval;
    }
    PyObject *shape = PyObject_GetAttr(data, s_shape);
    PyObject *dtype = shape ? PyObject_GetAttr(data, s_dtype) : NULL;
    PyObject *aval = dtype ? PyTuple_Pack(2, shape, dtype) : NULL;
    Py_XDECREF(shape);
    Py_XDECREF(dtype);
    return aval;
}

/* 1 when raw array `data` is of a floating or complex dtype (its result carries a
 * graph), 0 when not, -1 on error */
static int differentiable(PyObject *data)
{
    if (PyArray_CheckExact(data)) {
        char k = PyArray_DESCR((PyArrayObject *)data)->kind;
        return k == 'f' || k == 'c';
    }
    PyObject *dtype = PyObject_GetAttr(data, s_dtype);
    PyObject *kind = dtype ? PyObject_GetAttr(dtype, s_kind) : NULL;
    Py_XDECREF(dtype);
    if (kind == NULL) {
        return -1;
    }
    int r = PyUnicode_Check(kind) && PyUnicode_GET_LENGTH(kind) == 1 &&
            (PyUnicode_READ_CHAR(kind, 0) == 'f' || PyUnicode_READ_CHAR(kind, 0) == 'c');
    Py_DECREF(kind);
    return r;
}

/* an attribute of the rule as a truth value (-1 on error) */
static int rule_flag(PyObject *rule, PyObject *attr)
{
    PyObject *v = PyObject_GetAttr(rule, attr);
    if (v == NULL) {
        return -1;
    }
    int r = PyObject_IsTrue(v);
    Py_DECREF(v);
    return r;
}

/* whether a node of `rule` called with `params` saves its inputs: the rule's
 * save_inputs, unless a parameter of its unsaved_with is present (x * 2.0: the VJP reads
 * only the number); -1 on error */
static int saves_inputs(PyObject *rule, PyObject *params)
{
    int save = rule_flag(rule, s_save_inputs);
    if (save != 1 || !PyDict_Check(params) || PyDict_GET_SIZE(params) == 0) {
        return save;
    }
    PyObject *unsaved = PyObject_GetAttr(rule, s_unsaved_with);
    if (unsaved == NULL) {
        return -1;
    }
    if (!PyTuple_Check(unsaved)) {
        Py_DECREF(unsaved);
        return save;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(unsaved); i++) {
        int has = PyDict_Contains(params, PyTuple_GET_ITEM(unsaved, i));
        if (has != 0) {
            Py_DECREF(unsaved);
            return has < 0 ? -1 : 0;
        }
    }
    Py_DECREF(unsaved);
    return save;
}

/* saves_inputs(rule, params) -> bool: the same, for the Python recorder */
static PyObject *py_saves_inputs(PyObject *Py_UNUSED(module), PyObject *const *args,
                                 Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "saves_inputs(rule, params)");
        return NULL;
    }
    int save = saves_inputs(args[0], args[1]);
    return save < 0 ? NULL : PyBool_FromLong(save);
}

/* the saved inputs' (version counter, version) pairs; an input without a record gets
 * one, so that in-place writes to it are seen */
static PyObject *versions_of(PyObject *inputs)
{
    Py_ssize_t n = PyTuple_GET_SIZE(inputs);
    PyObject *out = PyList_New(n);
    for (Py_ssize_t i = 0; out != NULL && i < n; i++) {
        PyObject *t = PyTuple_GET_ITEM(inputs, i);
        if (T_META(t) == Py_None) {
            PyObject *v = new_version();
            PyObject *zero = v ? PyLong_FromLong(0) : NULL;
            PyObject *m = zero ? meta_make(Py_NewRef(Py_False), Py_NewRef(Py_None), zero, v)
                               : NULL;
            if (m == NULL) {
                Py_XDECREF(v);
                Py_CLEAR(out);
                break;
            }
            Py_SETREF(T_META(t), m);
        }
        PyObject *version = ((MetaObject *)T_META(t))->version;
        PyObject *seen = PyList_CheckExact(version) && PyList_GET_SIZE(version) == 1
                             ? Py_NewRef(PyList_GET_ITEM(version, 0))
                             : PySequence_GetItem(version, 0);
        PyObject *pair = seen ? PyTuple_Pack(2, version, seen) : NULL;
        Py_XDECREF(seen);
        if (pair == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, pair);
    }
    return out;
}

/* the node of a call of `name` (rule `rule`) on tensors `inputs` (a tuple of tensors
 * whose records, where set, are Metas): one edge and one (shape, dtype) per input, and
 * the inputs with their versions when `save_inputs` */
static NodeObject *build_node(PyObject *name, PyObject *rule, PyObject *inputs, PyObject *args,
                              PyObject *params, int save_inputs)
{
    Py_ssize_t n = PyTuple_GET_SIZE(inputs);
    PyObject *edges = PyList_New(n);
    PyObject *avals = PyList_New(n);
    if (edges == NULL || avals == NULL) {
        goto fail_lists;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyTuple_GET_ITEM(inputs, i);
        PyObject *aval = aval_of(T_DATA(t));
        if (aval == NULL) {
            goto fail_lists;
        }
        PyList_SET_ITEM(avals, i, aval);
        MetaObject *m = (MetaObject *)T_META(t);
        PyObject *edge;
        if ((PyObject *)m == Py_None || PyObject_IsTrue(m->requires_grad) != 1) {
            edge = Py_NewRef(Py_None);
        }
        else if (m->grad_fn == Py_None) {
            PyObject *zero = PyLong_FromLong(0);
            edge = zero ? PyTuple_Pack(2, (PyObject *)m, zero) : NULL;
            Py_XDECREF(zero);
        }
        else {
            edge = PyTuple_Pack(2, m->grad_fn, m->output_nr);
        }
        if (edge == NULL) {
            goto fail_lists;
        }
        PyList_SET_ITEM(edges, i, edge);
    }
    NodeObject *node = (NodeObject *)node_alloc(g_node_type);
    if (node == NULL) {
        goto fail_lists;
    }
    Py_SETREF(node->name, Py_NewRef(name));
    Py_SETREF(node->rule, Py_NewRef(rule));
    Py_SETREF(node->args, Py_NewRef(args));
    Py_SETREF(node->params, Py_NewRef(params));
    Py_SETREF(node->edges, edges);
    Py_SETREF(node->avals, avals);
    if (save_inputs) {
        PyObject *versions = versions_of(inputs);
        if (versions == NULL) {
            Py_DECREF(node);
            return NULL;
        }
        Py_SETREF(node->saved_inputs, Py_NewRef(inputs));
        Py_SETREF(node->saved_versions, versions);
    }
    return node;

fail_lists:
    Py_XDECREF(edges);
    Py_XDECREF(avals);
    return NULL;
}

/* ------------------------------------------------------------------ in-place writes */

/* How an in-place operator on `target` (a tensor with a record) goes, as autograd's
 * Python inplace() and _methods._write_direct decide it: 0 the write keeps no graph
 * (grad mode off, or a record of nothing but the version counter), so the operator may
 * write directly and bump the version; 1 grad mode on (nothing else active) and target
 * has a history: compute, record, then inplace_rebase; 2 any other case (forward mode,
 * anomaly mode, a tangent, a leaf that requires grad, whose write is refused): the
 * Python operator; -1 error. */
int inplace_mode(PyObject *target)
{
    MetaObject *m = (MetaObject *)T_META(target);
    if (g_switches_var == NULL || !Py_IS_TYPE(m, &MetaType) || m->tangent != Py_None) {
        return 2;
    }
    int sw = read_switches();
    if (sw < 0 || sw == 2) {
        return sw;
    }
    if (sw == 0) {
        return 0;
    }
    if (m->grad_fn != Py_None) {
        return 1;
    }
    return m->requires_grad == Py_False ? 0 : 2;
}

/* bump a version counter ([n]) by one; 0 or -1 */
static int bump_version(PyObject *version)
{
    if (!PyList_CheckExact(version) || PyList_GET_SIZE(version) != 1) {
        PyErr_SetString(PyExc_TypeError, "autograd: a version counter is a list [n]");
        return -1;
    }
    long v = PyLong_AsLong(PyList_GET_ITEM(version, 0));
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    PyObject *n = PyLong_FromLong(v + 1);
    if (n == NULL) {
        return -1;
    }
    PyList_SetItem(version, 0, n);
    return 0;
}

int inplace_bump(PyObject *target)
{
    return bump_version(((MetaObject *)T_META(target))->version);
}

/* The recorded in-place write's common case (autograd's inplace(), _graph.py): target
 * (inplace_mode 1) and result (target op other, just recorded) are CPU arrays of one
 * dtype and shape, target writeable, result's node an op that did not save target (so
 * its old value need not be kept). Copies result into target, bumps target's version
 * and gives target result's history. 1 done; 0 not this case, nothing changed (the
 * Python write_inplace decides); -1 error. */
int inplace_rebase(PyObject *target, PyObject *result)
{
    if (!PyObject_TypeCheck(result, &TensorBaseType)) {
        return 0;
    }
    PyObject *dst = T_DATA(target), *src = T_DATA(result);
    MetaObject *tm = (MetaObject *)T_META(target), *rm = (MetaObject *)T_META(result);
    if (dst == NULL || src == NULL || !PyArray_CheckExact(dst) || !PyArray_CheckExact(src) ||
        !Py_IS_TYPE(rm, &MetaType) || rm->requires_grad != Py_True ||
        !PyObject_TypeCheck(rm->grad_fn, &NodeBaseType) || rm->tangent != Py_None) {
        return 0;
    }
    PyArrayObject *d = (PyArrayObject *)dst, *r = (PyArrayObject *)src;
    if (!PyArray_ISWRITEABLE(d) || PyArray_NDIM(d) != PyArray_NDIM(r) ||
        !PyArray_CompareLists(PyArray_DIMS(d), PyArray_DIMS(r), PyArray_NDIM(d)) ||
        !PyArray_EquivTypes(PyArray_DESCR(d), PyArray_DESCR(r))) {
        return 0;
    }
    PyObject *saved = ((NodeObject *)rm->grad_fn)->saved_inputs;
    if (!PyTuple_Check(saved)) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(saved); i++) {
        if (PyTuple_GET_ITEM(saved, i) == target) {
            return 0; /* the node reads target's old value: _preserve_saved_target */
        }
    }
    if (PyArray_CopyInto(d, r) < 0 || bump_version(tm->version) < 0) {
        return -1;
    }
    Py_SETREF(tm->requires_grad, Py_NewRef(Py_True));
    Py_SETREF(tm->grad_fn, Py_NewRef(rm->grad_fn));
    Py_SETREF(tm->output_nr, Py_NewRef(rm->output_nr));
    return 1;
}

/* x[key] = value just wrote into `target` (inplace_mode 1, or value requiring grad):
 * target's record now points at a setitem node whose inputs are target's previous value
 * (its edge) and `value` (a tensor), as autograd's Python _record_setitem makes it.
 * The caller bumps the version after. 0 or -1. */
int setitem_record(PyObject *target, PyObject *value, PyObject *key)
{
    PyObject *rule = g_rules ? PyDict_GetItemWithError(g_rules, s_setitem_name) : NULL;
    if (rule == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_RuntimeError, "autograd: no setitem rule bound");
        }
        return -1;
    }
    MetaObject *m = (MetaObject *)T_META(target);
    if (!Py_IS_TYPE(m, &MetaType) || !PyList_CheckExact(m->version) ||
        PyList_GET_SIZE(m->version) != 1) {
        PyErr_SetString(PyExc_TypeError, "autograd: setitem target without a record");
        return -1;
    }
    PyObject *inputs = PyTuple_Pack(2, target, value);
    PyObject *args = inputs ? PyTuple_Pack(1, key) : NULL;
    PyObject *params = args ? PyDict_New() : NULL;
    NodeObject *node = params ? build_node(s_setitem_name, rule, inputs, args, params, 0) : NULL;
    Py_XDECREF(inputs);
    Py_XDECREF(args);
    Py_XDECREF(params);
    if (node == NULL) {
        return -1;
    }
    long v = PyLong_AsLong(PyList_GET_ITEM(m->version, 0));
    PyObject *after = (v == -1 && PyErr_Occurred()) ? NULL : PyLong_FromLong(v + 1);
    PyObject *out_version = after ? PyTuple_Pack(2, m->version, after) : NULL;
    Py_XDECREF(after);
    if (out_version == NULL) {
        Py_DECREF(node);
        return -1;
    }
    Py_SETREF(node->out_version, out_version);
    Py_SETREF(m->requires_grad, Py_NewRef(Py_True));
    Py_SETREF(m->grad_fn, (PyObject *)node);
    Py_SETREF(m->output_nr, PyLong_FromLong(0));
    return m->output_nr == NULL ? -1 : 0;
}

/* record(name, inputs, args, params, result): see the top of this file. New reference
 * to None, or NULL with an exception. */
PyObject *record_node(PyObject *name, PyObject *inputs, PyObject *args, PyObject *params,
                      PyObject *result)
{
    if (g_node_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "record: bind_autograd() has not run");
        return NULL;
    }
    int mode = read_switches();
    if (mode < 0) {
        return NULL;
    }
    if (mode == 0) {
        Py_RETURN_NONE;
    }
    if (mode == 2 || !PyTuple_CheckExact(inputs) || !PyObject_TypeCheck(result, &TensorBaseType) ||
        T_DATA(result) == NULL) {
        return general(name, inputs, args, params, result);
    }
    Py_ssize_t n = PyTuple_GET_SIZE(inputs);
    int tracked = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyTuple_GET_ITEM(inputs, i);
        if (!PyObject_TypeCheck(t, &TensorBaseType) || T_DATA(t) == NULL) {
            return general(name, inputs, args, params, result);
        }
        PyObject *m = T_META(t);
        if (m == Py_None) {
            continue;
        }
        if (!Py_IS_TYPE(m, &MetaType)) {
            return general(name, inputs, args, params, result);
        }
        PyObject *rg = ((MetaObject *)m)->requires_grad;
        tracked |= rg == Py_True || (rg != Py_False && PyObject_IsTrue(rg) == 1);
    }
    if (!tracked) {
        /* nothing requires grad (the records are version counters only): no graph; a
         * view shares its base's version counter, which the general recorder gives it */
        int view = PySet_Contains(g_view_ops, name);
        if (view <= 0) {
            return view < 0 ? NULL : Py_NewRef(Py_None);
        }
        return general(name, inputs, args, params, result);
    }
    PyObject *rule = PyDict_GetItemWithError(g_rules, name); /* borrowed */
    if (rule == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        /* no rule: a comparison or another bool or integer result carries no graph;
         * anything else is the general recorder's (its error names the op) */
        int diff = differentiable(T_DATA(result));
        if (diff <= 0) {
            return diff < 0 ? NULL : Py_NewRef(Py_None);
        }
        return general(name, inputs, args, params, result);
    }
    PyObject *special = PyObject_GetAttr(rule, s_special);
    if (special == NULL) {
        return NULL;
    }
    Py_DECREF(special); /* (the rule holds it) */
    if (special != Py_None) {
        /* a recorder of its own (in-place setitem), as record_general calls it */
        PyObject *call[5] = {name, inputs, args, params, result};
        return PyObject_Vectorcall(special, call, 5, NULL);
    }
    PyObject *rdata = T_DATA(result);
    int diff = differentiable(rdata);
    if (diff <= 0) {
        return diff < 0 ? NULL : Py_NewRef(Py_None); /* integer/bool outputs: no graph */
    }
    int save_inputs = saves_inputs(rule, params);
    int save_output = save_inputs < 0 ? -1 : rule_flag(rule, s_save_output);
    if (save_output < 0) {
        return NULL;
    }
    NodeObject *node = build_node(name, rule, inputs, args, params, save_inputs);
    if (node == NULL) {
        return NULL;
    }
    MetaObject *m = (MetaObject *)T_META(result);
    if ((PyObject *)m == Py_None) {
        PyObject *v = new_version();
        PyObject *zero = v ? PyLong_FromLong(0) : NULL;
        m = zero ? (MetaObject *)meta_make(Py_NewRef(Py_True), Py_NewRef((PyObject *)node),
                                           zero, v)
                 : NULL;
        if (m == NULL) {
            Py_XDECREF(v);
            Py_DECREF(node);
            return NULL;
        }
        Py_SETREF(T_META(result), (PyObject *)m);
    }
    else if (Py_IS_TYPE(m, &MetaType)) {
        PyObject *zero = PyLong_FromLong(0);
        if (zero == NULL) {
            Py_DECREF(node);
            return NULL;
        }
        Py_SETREF(m->requires_grad, Py_NewRef(Py_True));
        Py_SETREF(m->grad_fn, Py_NewRef((PyObject *)node));
        Py_SETREF(m->output_nr, zero);
    }
    else {
        Py_DECREF(node);
        return general(name, inputs, args, params, result);
    }
    int view = PySet_Contains(g_view_ops, name);
    if (view < 0) {
        Py_DECREF(node);
        return NULL;
    }
    if (view) {
        PyObject *base = T_META(PyTuple_GET_ITEM(inputs, 0));
        if (base != Py_None) {
            Py_SETREF(m->version, Py_NewRef(((MetaObject *)base)->version));
        }
    }
    if (save_output) {
        PyObject *seen = PySequence_GetItem(m->version, 0);
        PyObject *pair = seen ? PyTuple_Pack(2, m->version, seen) : NULL;
        Py_XDECREF(seen);
        if (pair == NULL) {
            Py_DECREF(node);
            return NULL;
        }
        Py_SETREF(node->saved_out, Py_NewRef(rdata));
        Py_SETREF(node->out_version, pair);
    }
    Py_DECREF(node); /* the result's record holds it */
    Py_RETURN_NONE;
}

static PyObject *record(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 5) {
        PyErr_Format(PyExc_TypeError, "record expected 5 arguments, got %zd", nargs);
        return NULL;
    }
    return record_node(args[0], args[1], args[2], args[3], args[4]);
}

/* make_node(name, rule, inputs, args, params) -> Node: the node record() makes, for the
 * recorders of autograd's Python side (in-place writes, casts, special rules) */
static PyObject *make_node(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 5) {
        PyErr_Format(PyExc_TypeError, "make_node expected 5 arguments, got %zd", nargs);
        return NULL;
    }
    if (g_node_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "make_node: bind_autograd() has not run");
        return NULL;
    }
    PyObject *inputs = PySequence_Tuple(args[2]);
    if (inputs == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(inputs); i++) {
        PyObject *t = PyTuple_GET_ITEM(inputs, i);
        if (!PyObject_TypeCheck(t, &TensorBaseType) || T_DATA(t) == NULL ||
            (T_META(t) != Py_None && !Py_IS_TYPE(T_META(t), &MetaType))) {
            Py_DECREF(inputs);
            PyErr_SetString(PyExc_TypeError, "make_node: inputs must be tensors");
            return NULL;
        }
    }
    int save_inputs = saves_inputs(args[1], args[4]);
    PyObject *node = save_inputs < 0 ? NULL
                     : (PyObject *)build_node(args[0], args[1], inputs, args[3], args[4],
                                              save_inputs);
    Py_DECREF(inputs);
    return node;
}

/* bind_autograd(Node, RULES, VIEW_OPS, switches_var, record_general) -> None */
static PyObject *bind_autograd(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *node_type, *rules, *view_ops, *var, *fallback;
    if (!PyArg_ParseTuple(args, "O!O!O!OO:bind_autograd", &PyType_Type, &node_type,
                          &PyDict_Type, &rules, &PyFrozenSet_Type, &view_ops, &var,
                          &fallback)) {
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)node_type, &NodeBaseType) ||
        !PyContextVar_CheckExact(var) || !PyCallable_Check(fallback)) {
        PyErr_SetString(PyExc_TypeError, "bind_autograd: malformed arguments");
        return NULL;
    }
    Py_XSETREF(g_node_type, (PyTypeObject *)Py_NewRef(node_type));
    Py_XSETREF(g_rules, Py_NewRef(rules));
    Py_XSETREF(g_view_ops, Py_NewRef(view_ops));
    Py_XSETREF(g_switches_var, Py_NewRef(var));
    Py_XSETREF(g_record_general, Py_NewRef(fallback));
    Py_CLEAR(c_switches);
    Py_RETURN_NONE;
}

static PyMethodDef record_methods[] = {
    {"record", (PyCFunction)(void (*)(void))record, METH_FASTCALL,
     "record(name, inputs, args, params, result) -> None: autograd's recorder"},
    {"make_node", (PyCFunction)(void (*)(void))make_node, METH_FASTCALL,
     "make_node(name, rule, inputs, args, params) -> Node"},
    {"saves_inputs", (PyCFunction)(void (*)(void))py_saves_inputs, METH_FASTCALL,
     "saves_inputs(rule, params) -> bool: whether the node saves its inputs"},
    {"bind_autograd", bind_autograd, METH_VARARGS,
     "bind_autograd(Node, RULES, VIEW_OPS, switches_var, record_general)"},
    {NULL, NULL, 0, NULL},
};

int record_module_init(PyObject *module)
{
    import_array1(-1);
    if (PyType_Ready(&MetaType) < 0 || PyType_Ready(&NodeBaseType) < 0) {
        return -1;
    }
    struct { PyObject **slot; const char *text; } names[] = {
        {&s_grad, "grad"}, {&s_forward, "forward"}, {&s_anomaly, "anomaly"},
        {&s_save_inputs, "save_inputs"}, {&s_unsaved_with, "unsaved_with"},
        {&s_setitem_name, "setitem"}, {&s_save_output, "save_output"},
        {&s_special, "special"}, {&s_shape, "shape"}, {&s_dtype, "dtype"}, {&s_kind, "kind"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if ((*names[i].slot = PyUnicode_InternFromString(names[i].text)) == NULL) {
            return -1;
        }
    }
    PyObject *v = new_version();
    PyObject *zero = v ? PyLong_FromLong(0) : NULL;
    g_default_out_version = zero ? PyTuple_Pack(2, v, zero) : NULL;
    Py_XDECREF(v);
    Py_XDECREF(zero);
    if (g_default_out_version == NULL) {
        return -1;
    }
    if (PyModule_AddFunctions(module, record_methods) < 0 ||
        PyModule_AddObjectRef(module, "Meta", (PyObject *)&MetaType) < 0 ||
        PyModule_AddObjectRef(module, "NodeBase", (PyObject *)&NodeBaseType) < 0) {
        return -1;
    }
    g_c_record = PyObject_GetAttrString(module, "record");
    return g_c_record != NULL ? 0 : -1;
}

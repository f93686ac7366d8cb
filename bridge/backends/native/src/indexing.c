/* Indexing: getitem and setitem for keys with boolean masks and integer arrays
 * (gather and scatter loops), and setitem through basic keys (a strided copy of the
 * broadcast value into NumPy's view of the key).
 *
 * A key reaches the kernel as bridge's _raw_key made it: a tuple of Python ints,
 * slices, None, Ellipsis, Python bools and NumPy arrays of an integer or bool dtype.
 * The entry points return None where they decline, and the Python wrapper
 * (_indexing.py) runs the numpy kernel on the same arguments. They decline for every
 * key NumPy rejects (an index out of range, a mask of the wrong shape, index arrays
 * that do not broadcast, too many indices), so each error is NumPy's own, word for
 * word; nothing is written before that decision. Basic getitem keys are declined too:
 * NumPy's view is the result there.
 *
 * The layout of a gathered result is NumPy's: the advanced dimensions are allocated
 * first (C order) and, when the advanced indices sit together after some basic
 * dimensions, the result is that array transposed, so strides match as well.
 */
#include "native.h"

typedef struct { uint64_t lo, hi; } elem16;

static int plain_array(PyObject *o)
{
    return PyArray_CheckExact(o) && PyArray_ISALIGNED((PyArrayObject *)o)
           && type_index(PyArray_DESCR((PyArrayObject *)o)) != T_NONE;
}

/* ------------------------------------------------------------------ the plan */

enum { E_INT, E_SLICE, E_NEWAXIS, E_ELLIPSIS, E_BOOL0, E_MASK, E_IARR };

#define MAX_KEY (2 * NPY_MAXDIMS)

typedef struct {
    const npy_intp *idx;   /* NULL: the constant `value` (an int or a 0-d bool in the key) */
    npy_intp value;
    npy_intp strides[NPY_MAXDIMS];  /* in elements, over the advanced shape (0: broadcast) */
    npy_intp len;          /* x's length along the axis, for negative indices */
    npy_intp xstride;      /* x's stride along the axis, bytes */
    int flat;              /* idx[p] for the flat advanced position p (no broadcasting) */
} component;

typedef struct {
    char *base;            /* x's data moved by the slices' starts */
    int itemsize;
    /* basic dimensions of the result, in key order */
    int nbasic;
    npy_intp bshape[NPY_MAXDIMS], bstride[NPY_MAXDIMS];
    npy_intp bsize;
    int nbefore;           /* basic dims placed before the advanced ones (adjacent case) */
    /* the advanced index */
    int andim;
    npy_intp ashape[NPY_MAXDIMS];
    npy_intp asize;
    int ncomp;
    component comp[NPY_MAXDIMS];
    /* one boolean mask over x's leading dims, rest of the key `...` (the fast path) */
    int mask_fast;
    const npy_bool *mask;  /* contiguous */
    npy_intp mask_n;       /* elements of the mask */
    npy_intp unit_stride;  /* x's stride between consecutive mask elements */
    /* temporaries (intp index copies, mask coordinates) */
    PyObject *owned[MAX_KEY];
    int nowned;
    npy_intp *coords;      /* PyMem buffer of mask coordinates */
} index_plan;

static void plan_free(index_plan *plan)
{
    if (plan == NULL) {
        return;
    }
    for (int i = 0; i < plan->nowned; i++) {
        Py_DECREF(plan->owned[i]);
    }
    PyMem_Free(plan->coords);
    PyMem_Free(plan);
}

/* The shape of one participant of the advanced index's broadcast */
typedef struct {
    int ndim;
    npy_intp shape[NPY_MAXDIMS];
    int first_comp, ncomp;  /* its components: one per x axis it indexes */
    int contiguous_strides; /* its components' idx are C-contiguous over `shape` */
} participant;

/* All elements of an intp index array inside [-n, n) */
static npy_intp count_out_of_range(const npy_intp *idx, npy_intp size, npy_intp n)
{
    npy_intp bad = 0;
    for (npy_intp j = 0; j < size; j++) {
        bad += (idx[j] < -n) | (idx[j] >= n);
    }
    return bad;
}

typedef struct {
    const npy_intp *idx;
    npy_intp n;
    npy_intp bad[256];  /* per chunk (pool_chunks_for gives at most 256) */
} range_job;

static void range_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    range_job *job = ctx;
    job->bad[chunk] = count_out_of_range(job->idx + lo, hi - lo, job->n);
}

static int in_range(const npy_intp *idx, npy_intp size, npy_intp n)
{
    if (size < 65536) {
        return count_out_of_range(idx, size, n) == 0;
    }
    range_job job = {idx, n, {0}};
    int chunks = pool_chunks_for((double)size);
    Py_BEGIN_ALLOW_THREADS
    pool_run(size, chunks, range_chunk, &job);
    Py_END_ALLOW_THREADS
    npy_intp bad = 0;
    for (int c = 0; c < chunks; c++) {
        bad += job.bad[c];
    }
    return bad == 0;
}

/* Integer index array as a C-contiguous intp array (a new reference), or NULL:
 * without an exception where the C code declines (uint64 values past intp), with one
 * where the copy failed. */
static PyArrayObject *intp_index(PyArrayObject *a)
{
    int t = type_index(PyArray_DESCR(a));
    if (t == T_U64) {
        /* uint64 shares intp's bits: reinterpreted, a value past 2**63 - 1 reads as
         * negative; such a key is left to NumPy */
        PyArray_Descr *d = PyArray_DescrFromType(NPY_INTP);
        PyArrayObject *c = (PyArrayObject *)PyArray_FromAny(
            (PyObject *)a, PyArray_DescrFromType(NPY_UINT64), 0, 0,
            NPY_ARRAY_C_CONTIGUOUS | NPY_ARRAY_ALIGNED, NULL);
        if (c == NULL) {
            Py_DECREF(d);
            return NULL;
        }
        PyArrayObject *v = (PyArrayObject *)PyArray_View(c, d, NULL);
        Py_DECREF(c);
        if (v == NULL) {
            return NULL;
        }
        const npy_intp *p = (const npy_intp *)PyArray_DATA(v);
        for (npy_intp j = 0, n = PyArray_SIZE(v); j < n; j++) {
            if (p[j] < 0) {
                Py_DECREF(v);
                return NULL;
            }
        }
        return v;
    }
    return (PyArrayObject *)PyArray_FromAny((PyObject *)a, PyArray_DescrFromType(NPY_INTP),
                                            0, 0, NPY_ARRAY_C_CONTIGUOUS | NPY_ARRAY_ALIGNED,
                                            NULL);
}

/* Coordinates of the true elements of mask (C order) for axes [0, k): k arrays of
 * `count` intp values, one after another in *coords. */
static int mask_coordinates(PyArrayObject *mask, npy_intp **coords, npy_intp *count)
{
    const int k = PyArray_NDIM(mask);
    const npy_intp size = PyArray_SIZE(mask);
    npy_intp idx[NPY_MAXDIMS] = {0};
    const char *p = PyArray_BYTES(mask);
    npy_intp total = 0;
    /* pass 1: count, pass 2: fill */
    for (int pass = 0; pass < 2; pass++) {
        npy_intp *out = NULL;
        if (pass == 1) {
            size_t bytes = (size_t)(total ? total : 1) * (size_t)(k ? k : 1) * sizeof(npy_intp);
            out = PyMem_Malloc(bytes);  /* total * k <= size * NPY_MAXDIMS: no overflow */
            if (out == NULL) {
                PyErr_NoMemory();
                return -1;
            }
            *coords = out;
        }
        npy_intp j = 0;
        const char *q = p;
        for (int d = 0; d < k; d++) {
            idx[d] = 0;
        }
        for (npy_intp e = 0; e < size; e++) {
            if (*(const npy_bool *)q) {
                if (pass == 1) {
                    for (int d = 0; d < k; d++) {
                        out[(size_t)d * (size_t)total + (size_t)j] = idx[d];
                    }
                }
                j++;
            }
            for (int d = k - 1; d >= 0; d--) {
                q += PyArray_STRIDE(mask, d);
                if (++idx[d] < PyArray_DIM(mask, d)) {
                    break;
                }
                q -= PyArray_STRIDE(mask, d) * PyArray_DIM(mask, d);
                idx[d] = 0;
            }
        }
        total = j;
    }
    *count = total;
    return 0;
}

/* Leading k dims of x as one run of units with one stride (the innermost non-unit
 * dim's); 0 when they do not merge into one. */
static int leading_units(PyArrayObject *x, int k, npy_intp *stride)
{
    npy_intp inner = 0, expect = 0;
    int found = 0;
    for (int d = k - 1; d >= 0; d--) {
        npy_intp len = PyArray_DIM(x, d);
        if (len == 1) {
            continue;
        }
        if (!found) {
            inner = PyArray_STRIDE(x, d);
            expect = inner * len;
            found = 1;
        } else if (PyArray_STRIDE(x, d) != expect) {
            return 0;
        } else {
            expect *= len;
        }
    }
    *stride = inner;
    return 1;
}

/* Parse key for x. 1: *out is a plan for an advanced key; 0: declined (a basic key,
 * something NumPy rejects or the C code leaves to it); -1: error. */
static int plan_key(PyArrayObject *x, PyObject *key, index_plan **out)
{
    *out = NULL;
    if (!PyTuple_CheckExact(key)) {
        return 0;
    }
    const Py_ssize_t nkey = PyTuple_GET_SIZE(key);
    if (nkey > MAX_KEY) {
        return 0;
    }
    int kinds[MAX_KEY];
    int consumed = 0, advanced = 0, ellipsis = 0;
    for (Py_ssize_t i = 0; i < nkey; i++) {
        PyObject *k = PyTuple_GET_ITEM(key, i);
        if (k == Py_True || k == Py_False) {
            kinds[i] = E_BOOL0;
            advanced = 1;
        } else if (PyLong_CheckExact(k)) {
            kinds[i] = E_INT;
            consumed++;
        } else if (PySlice_Check(k)) {
            kinds[i] = E_SLICE;
            consumed++;
        } else if (k == Py_None) {
            kinds[i] = E_NEWAXIS;
        } else if (k == Py_Ellipsis) {
            if (ellipsis) {
                return 0;
            }
            kinds[i] = E_ELLIPSIS;
            ellipsis = 1;
        } else if (PyArray_CheckExact(k)) {
            PyArrayObject *a = (PyArrayObject *)k;
            int t = type_index(PyArray_DESCR(a));
            if (t == T_NONE || t > T_U64 || !PyArray_ISALIGNED(a)) {
                return 0;
            }
            if (t == T_BOOL) {
                kinds[i] = PyArray_NDIM(a) == 0 ? E_BOOL0 : E_MASK;
                consumed += PyArray_NDIM(a);
            } else {
                kinds[i] = E_IARR;
                consumed++;
            }
            advanced = 1;
        } else {
            return 0;
        }
    }
    const int nd = PyArray_NDIM(x);
    if (!advanced || consumed > nd) {
        return 0;
    }
    index_plan *plan = PyMem_Calloc(1, sizeof(index_plan));
    if (plan == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    plan->base = PyArray_BYTES(x);
    plan->itemsize = (int)PyArray_ITEMSIZE(x);
    participant parts[MAX_KEY];
    int nparts = 0;
    int first_adv = -1, last_adv = -1, basic_before_first = 0;
    int ax = 0;
    for (Py_ssize_t i = 0; i < nkey; i++) {
        PyObject *k = PyTuple_GET_ITEM(key, i);
        int kind = kinds[i];
        if (kind == E_SLICE || kind == E_NEWAXIS || kind == E_ELLIPSIS) {
            int fill = kind == E_ELLIPSIS ? nd - consumed : 1;
            for (int f = 0; f < fill; f++) {
                if (plan->nbasic >= NPY_MAXDIMS) {
                    goto decline;
                }
                npy_intp len = 1, stride = 0;
                if (kind == E_SLICE) {
                    Py_ssize_t start, stop, step;
                    if (PySlice_Unpack(k, &start, &stop, &step) < 0) {
                        PyErr_Clear();
                        goto decline;
                    }
                    len = PySlice_AdjustIndices(PyArray_DIM(x, ax), &start, &stop, step);
                    if (len > 0) {
                        plan->base += start * PyArray_STRIDE(x, ax);
                    }
                    stride = step * PyArray_STRIDE(x, ax);
                    ax++;
                } else if (kind == E_ELLIPSIS) {
                    len = PyArray_DIM(x, ax);
                    stride = PyArray_STRIDE(x, ax);
                    ax++;
                }
                plan->bshape[plan->nbasic] = len;
                plan->bstride[plan->nbasic++] = stride;
            }
            if (first_adv < 0) {
                basic_before_first = plan->nbasic;
            }
            continue;
        }
        /* an advanced entry (ints count as advanced next to arrays, as in NumPy) */
        if (first_adv < 0) {
            first_adv = (int)i;
        }
        last_adv = (int)i;
        participant *part = &parts[nparts++];
        part->first_comp = plan->ncomp;
        part->contiguous_strides = 1;
        if (kind == E_INT) {
            int overflow = 0;
            long long v = PyLong_AsLongLongAndOverflow(k, &overflow);
            if (overflow || (v == -1 && PyErr_Occurred())) {
                PyErr_Clear();
                goto decline;
            }
            npy_intp n = PyArray_DIM(x, ax);
            if (v < -(long long)n || v >= (long long)n) {
                goto decline;
            }
            component *c = &plan->comp[plan->ncomp++];
            c->idx = NULL;
            c->value = (npy_intp)(v < 0 ? v + n : v);
            c->len = n;
            c->xstride = PyArray_STRIDE(x, ax);
            part->ndim = 0;
            part->ncomp = 1;
            ax++;
        } else if (kind == E_BOOL0) {
            int truth = k == Py_True
                        || (k != Py_False && *(const npy_bool *)PyArray_DATA((PyArrayObject *)k));
            component *c = &plan->comp[plan->ncomp++];
            c->idx = NULL;
            c->value = 0;
            c->len = 1;
            c->xstride = 0;
            part->ndim = 1;
            part->shape[0] = truth ? 1 : 0;
            part->ncomp = 1;
        } else if (kind == E_IARR) {
            PyArrayObject *a = intp_index((PyArrayObject *)k);
            if (a == NULL) {
                if (PyErr_Occurred()) {
                    goto error;
                }
                goto decline;
            }
            plan->owned[plan->nowned++] = (PyObject *)a;
            npy_intp n = PyArray_DIM(x, ax);
            if (!in_range((const npy_intp *)PyArray_DATA(a), PyArray_SIZE(a), n)) {
                goto decline;
            }
            component *c = &plan->comp[plan->ncomp++];
            c->idx = (const npy_intp *)PyArray_DATA(a);
            c->len = n;
            c->xstride = PyArray_STRIDE(x, ax);
            part->ndim = PyArray_NDIM(a);
            for (int d = 0; d < part->ndim; d++) {
                part->shape[d] = PyArray_DIM(a, d);
            }
            part->ncomp = 1;
            ax++;
        } else {  /* E_MASK */
            PyArrayObject *m = (PyArrayObject *)k;
            const int mk = PyArray_NDIM(m);
            for (int d = 0; d < mk; d++) {
                if (PyArray_DIM(m, d) != PyArray_DIM(x, ax + d)) {
                    goto decline;  /* NumPy raises IndexError */
                }
            }
            if (nkey == 1 || (nkey == 2 && kinds[1] == E_ELLIPSIS && i == 0)) {
                npy_intp ustride;
                if (PyArray_IS_C_CONTIGUOUS(m) && leading_units(x, mk, &ustride)) {
                    plan->mask_fast = 1;
                    plan->mask = (const npy_bool *)PyArray_DATA(m);
                    plan->mask_n = PyArray_SIZE(m);
                    plan->unit_stride = ustride;
                }
            }
            npy_intp count = 0;
            if (!plan->mask_fast) {
                if (plan->coords != NULL) {
                    goto decline;  /* a second mask: rare, NumPy's */
                }
                if (mask_coordinates(m, &plan->coords, &count) < 0) {
                    goto error;
                }
            }
            for (int d = 0; d < mk; d++) {
                component *c = &plan->comp[plan->ncomp++];
                c->idx = plan->coords ? plan->coords + (size_t)d * (size_t)count : NULL;
                c->value = 0;
                c->len = PyArray_DIM(x, ax);
                c->xstride = PyArray_STRIDE(x, ax);
                ax++;
            }
            part->ndim = 1;
            part->shape[0] = count;  /* the fast path fills it in later */
            part->ncomp = mk;
        }
    }
    /* dims not named by the key are full slices at the end */
    for (; ax < nd; ax++) {
        if (plan->nbasic >= NPY_MAXDIMS) {
            goto decline;
        }
        plan->bshape[plan->nbasic] = PyArray_DIM(x, ax);
        plan->bstride[plan->nbasic++] = PyArray_STRIDE(x, ax);
    }
    /* adjacent advanced entries keep their place; otherwise they go first */
    int adjacent = 1;
    for (int i = first_adv; i <= last_adv; i++) {
        int kind = kinds[i];
        if (kind == E_SLICE || kind == E_NEWAXIS || kind == E_ELLIPSIS) {
            adjacent = 0;
        }
    }
    plan->nbefore = adjacent ? basic_before_first : 0;
    if (plan->mask_fast) {
        /* the fast path counts the mask itself */
        plan->andim = 1;
        plan->ashape[0] = -1;
        plan->bsize = 1;
        for (int d = 0; d < plan->nbasic; d++) {
            plan->bsize *= plan->bshape[d];
        }
        *out = plan;
        return 1;
    }
    /* broadcast the participants */
    int and_ = 0;
    for (int p = 0; p < nparts; p++) {
        if (parts[p].ndim > and_) {
            and_ = parts[p].ndim;
        }
    }
    if (and_ + plan->nbasic > NPY_MAXDIMS) {
        goto decline;
    }
    for (int d = 0; d < and_; d++) {
        plan->ashape[d] = 1;
    }
    for (int p = 0; p < nparts; p++) {
        for (int d = 0; d < parts[p].ndim; d++) {
            npy_intp len = parts[p].shape[d];
            npy_intp *o = &plan->ashape[d + and_ - parts[p].ndim];
            if (len == *o || len == 1) {
                continue;
            }
            if (*o != 1) {
                goto decline;  /* NumPy raises: shape mismatch */
            }
            *o = len;
        }
    }
    plan->andim = and_;
    plan->asize = 1;
    for (int d = 0; d < and_; d++) {
        plan->asize *= plan->ashape[d];  /* <= the product of index sizes: no overflow */
    }
    plan->bsize = 1;
    for (int d = 0; d < plan->nbasic; d++) {
        plan->bsize *= plan->bshape[d];  /* a view's size: fits */
    }
    for (int p = 0; p < nparts; p++) {
        const participant *part = &parts[p];
        npy_intp st[NPY_MAXDIMS];
        npy_intp s = 1;
        for (int d = part->ndim - 1; d >= 0; d--) {
            st[d] = part->shape[d] == 1 ? 0 : s;
            s *= part->shape[d];
        }
        int same = part->ndim == and_;
        for (int d = 0; d < and_; d++) {
            int src = d - (and_ - part->ndim);
            if (src >= 0 && part->shape[src] != plan->ashape[d]) {
                same = 0;
            }
        }
        for (int j = 0; j < part->ncomp; j++) {
            component *c = &plan->comp[part->first_comp + j];
            for (int d = 0; d < and_; d++) {
                int src = d - (and_ - part->ndim);
                c->strides[d] = src < 0 ? 0 : st[src];
            }
            c->flat = same && c->idx != NULL;
        }
    }
    *out = plan;
    return 1;
decline:
    plan_free(plan);
    return 0;
error:
    plan_free(plan);
    return -1;
}

/* ------------------------------------------------------------------ offsets */

/* Walks advanced positions [lo, hi): byte offset of each into x (after base). */
typedef struct {
    const index_plan *plan;
    npy_intp midx[NPY_MAXDIMS];
    npy_intp pos[NPY_MAXDIMS];  /* per component: element position in its idx */
} offset_walk;

static void walk_start(offset_walk *w, const index_plan *plan, npy_intp lo)
{
    w->plan = plan;
    npy_intp rem = lo;
    for (int d = plan->andim - 1; d >= 0; d--) {
        w->midx[d] = plan->ashape[d] ? rem % plan->ashape[d] : 0;
        rem = plan->ashape[d] ? rem / plan->ashape[d] : 0;
    }
    for (int c = 0; c < plan->ncomp; c++) {
        npy_intp p = 0;
        for (int d = 0; d < plan->andim; d++) {
            p += w->midx[d] * plan->comp[c].strides[d];
        }
        w->pos[c] = p;
    }
}

static inline npy_intp walk_offset(const offset_walk *w)
{
    const index_plan *plan = w->plan;
    npy_intp off = 0;
    for (int c = 0; c < plan->ncomp; c++) {
        const component *cp = &plan->comp[c];
        npy_intp i = cp->idx ? cp->idx[w->pos[c]] : cp->value;
        i += i < 0 ? cp->len : 0;
        off += i * cp->xstride;
    }
    return off;
}

static inline void walk_next(offset_walk *w)
{
    const index_plan *plan = w->plan;
    for (int d = plan->andim - 1; d >= 0; d--) {
        w->midx[d]++;
        for (int c = 0; c < plan->ncomp; c++) {
            w->pos[c] += plan->comp[c].strides[d];
        }
        if (w->midx[d] < plan->ashape[d]) {
            return;
        }
        for (int c = 0; c < plan->ncomp; c++) {
            w->pos[c] -= plan->comp[c].strides[d] * plan->ashape[d];
        }
        w->midx[d] = 0;
    }
}

/* ------------------------------------------------------------------ block copies */

/* Copy an nd block between two strided layouts (element size itemsize). */
#define BLOCK_INNER(T)                                                              \
    for (npy_intp i = 0; i < n; i++) {                                              \
        *(T *)(dst + i * ds) = *(const T *)(src + i * ss);                          \
    }

static void copy_inner(char *dst, npy_intp ds, const char *src, npy_intp ss, npy_intp n,
                       int itemsize)
{
    switch (itemsize) {
    case 1: BLOCK_INNER(uint8_t) break;
    case 2: BLOCK_INNER(uint16_t) break;
    case 4: BLOCK_INNER(uint32_t) break;
    case 8: BLOCK_INNER(uint64_t) break;
    default: BLOCK_INNER(elem16) break;
    }
}

static void copy_block(char *dst, const npy_intp *dstrides, const char *src,
                       const npy_intp *sstrides, int nd, const npy_intp *shape, int itemsize)
{
    if (nd == 0) {
        memcpy(dst, src, (size_t)itemsize);
        return;
    }
    if (nd == 1) {
        copy_inner(dst, dstrides[0], src, sstrides[0], shape[0], itemsize);
        return;
    }
    for (npy_intp i = 0; i < shape[0]; i++) {
        copy_block(dst + i * dstrides[0], dstrides + 1, src + i * sstrides[0], sstrides + 1,
                   nd - 1, shape + 1, itemsize);
    }
}

/* ------------------------------------------------------------------ gather */

typedef struct {
    const index_plan *plan;
    char *dst;                       /* the result in allocation order, C-contiguous */
    npy_intp dstrides[NPY_MAXDIMS];  /* the block's contiguous strides */
    int block_contiguous;            /* the basic block is one contiguous run in x */
} gather_job;

#define GATHER_FLAT(T)                                                              \
    {                                                                               \
        T *restrict o = (T *)job->dst;                                              \
        for (npy_intp u = lo; u < hi; u++) {                                        \
            if (u + 16 < hi) { /* random reads: ask for the line early */          \
                npy_intp f = idx[u + 16];                                           \
                f += f < 0 ? n : 0;                                                 \
                __builtin_prefetch(base + f * stride);                              \
            }                                                                       \
            npy_intp i = idx[u];                                                    \
            i += i < 0 ? n : 0;                                                     \
            o[u] = *(const T *)(base + i * stride);                                 \
        }                                                                           \
    }

static void gather_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    (void)chunk;
    const gather_job *job = ctx;
    const index_plan *plan = job->plan;
    const int itemsize = plan->itemsize;
    if (plan->ncomp == 1 && plan->comp[0].flat && plan->nbasic == 0) {
        /* x[idx] with one index array on a 1-d x: typed loads, prefetched */
        const char *base = plan->base;
        const npy_intp *idx = plan->comp[0].idx;
        const npy_intp n = plan->comp[0].len, stride = plan->comp[0].xstride;
        switch (itemsize) {
        case 1: GATHER_FLAT(uint8_t) return;
        case 2: GATHER_FLAT(uint16_t) return;
        case 4: GATHER_FLAT(uint32_t) return;
        case 8: GATHER_FLAT(uint64_t) return;
        default: GATHER_FLAT(elem16) return;
        }
    }
    offset_walk w;
    walk_start(&w, plan, lo);
    const size_t block = (size_t)plan->bsize * (size_t)itemsize;
    for (npy_intp u = lo; u < hi; u++) {
        const char *src = plan->base + walk_offset(&w);
        char *dst = job->dst + (size_t)u * block;
        if (job->block_contiguous) {
            memcpy(dst, src, block);
        } else {
            copy_block(dst, job->dstrides, src, plan->bstride, plan->nbasic, plan->bshape,
                       itemsize);
        }
        walk_next(&w);
    }
}

/* The result in NumPy's layout: allocated as ashape + basic dims, then transposed
 * so the advanced dims sit after the first nbefore basic dims. */
static PyArrayObject *alloc_result(const index_plan *plan, int t, PyArrayObject **final)
{
    npy_intp shape[NPY_MAXDIMS];
    int nd = 0;
    for (int d = 0; d < plan->andim; d++) {
        shape[nd++] = plan->ashape[d];
    }
    for (int d = 0; d < plan->nbasic; d++) {
        shape[nd++] = plan->bshape[d];
    }
    PyArrayObject *out = new_array(nd, shape, t);
    if (out == NULL) {
        return NULL;
    }
    if (plan->nbefore == 0 || plan->andim == 0) {
        Py_INCREF(out);
        *final = out;
        return out;
    }
    npy_intp perm[NPY_MAXDIMS];
    int k = 0;
    for (int d = 0; d < plan->nbefore; d++) {
        perm[k++] = plan->andim + d;
    }
    for (int d = 0; d < plan->andim; d++) {
        perm[k++] = d;
    }
    for (int d = plan->nbefore; d < plan->nbasic; d++) {
        perm[k++] = plan->andim + d;
    }
    PyArray_Dims dims = {perm, nd};
    *final = (PyArrayObject *)PyArray_Transpose(out, &dims);
    if (*final == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

static int block_is_contiguous(const index_plan *plan)
{
    npy_intp expect = plan->itemsize;
    for (int d = plan->nbasic - 1; d >= 0; d--) {
        if (plan->bshape[d] != 1 && plan->bstride[d] != expect) {
            return 0;
        }
        expect *= plan->bshape[d];
    }
    return 1;
}

static void contiguous_strides(const index_plan *plan, npy_intp *strides)
{
    npy_intp s = plan->itemsize;
    for (int d = plan->nbasic - 1; d >= 0; d--) {
        strides[d] = s;
        s *= plan->bshape[d];
    }
}

static void run_chunks(npy_intp units, double work, chunk_fn fn, void *job)
{
    if (units == 0) {
        return;
    }
    int chunks = work < 32768.0 ? 1 : pool_chunks_for(work);
    if (chunks > units) {
        chunks = (int)units;
    }
    if (chunks == 1) {
        fn(job, 0, 0, units);
        return;
    }
    Py_BEGIN_ALLOW_THREADS
    pool_run(units, chunks, fn, job);
    Py_END_ALLOW_THREADS
}

/* ------------------------------------------------------------------ mask fast path */

/* Chunks of the mask: per-chunk counts, then each chunk writes from its prefix, so
 * the result is the same for any number of threads. */
#define MAX_MASK_CHUNKS 256

typedef struct {
    const index_plan *plan;
    npy_intp counts[MAX_MASK_CHUNKS];  /* pass 1: true elements per chunk; then prefix */
    char *dst;                         /* gather: the result */
    const char *value;                 /* scatter: the value's data */
    npy_intp vstride_count;            /* its stride along the count dim (0: broadcast) */
    npy_intp vstrides[NPY_MAXDIMS];    /* its strides over the basic block */
    npy_intp dstrides[NPY_MAXDIMS];
    int block_contiguous;
} mask_job;

static void mask_count_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    mask_job *job = ctx;
    const npy_bool *m = job->plan->mask;
    npy_intp c = 0;
    for (npy_intp i = lo; i < hi; i++) {
        c += m[i] != 0;
    }
    job->counts[chunk] = c;
}

/* Branchless compaction: every element is stored at slot j, which advances only past
 * a selected one; the loop stops once the chunk's slots are full, so no store lands
 * outside them. */
#define COMPACT(T)                                                                  \
    {                                                                               \
        T *restrict o = (T *)job->dst;                                              \
        const char *restrict src = plan->base;                                      \
        const npy_intp us = plan->unit_stride;                                      \
        for (npy_intp i = lo; i < hi && j < jend; i++) {                            \
            o[j] = *(const T *)(src + i * us);                                      \
            j += m[i] != 0;                                                         \
        }                                                                           \
    }

static void mask_gather_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    mask_job *job = ctx;
    const index_plan *plan = job->plan;
    const npy_bool *m = plan->mask;
    npy_intp j = job->counts[chunk];
    const npy_intp jend = job->counts[chunk + 1];  /* chunks < MAX_MASK_CHUNKS */
    if (plan->bsize == 1 && plan->nbasic == 0) {
        switch (plan->itemsize) {
        case 1: COMPACT(uint8_t) return;
        case 2: COMPACT(uint16_t) return;
        case 4: COMPACT(uint32_t) return;
        case 8: COMPACT(uint64_t) return;
        default: COMPACT(elem16) return;
        }
    }
    const size_t block = (size_t)plan->bsize * (size_t)plan->itemsize;
    for (npy_intp i = lo; i < hi; i++) {
        if (!m[i]) {
            continue;
        }
        const char *src = plan->base + i * plan->unit_stride;
        char *dst = job->dst + (size_t)j * block;
        if (job->block_contiguous) {
            memcpy(dst, src, block);
        } else {
            copy_block(dst, job->dstrides, src, plan->bstride, plan->nbasic, plan->bshape,
                       plan->itemsize);
        }
        j++;
    }
}

/* counts[0..chunks) become prefix offsets, counts[chunks] the total */
static npy_intp mask_prefix(mask_job *job, int chunks)
{
    npy_intp total = 0;
    for (int c = 0; c < chunks; c++) {
        npy_intp n = job->counts[c];
        job->counts[c] = total;
        total += n;
    }
    if (chunks < MAX_MASK_CHUNKS) {
        job->counts[chunks] = total;
    }
    return total;
}

static int mask_chunks(const index_plan *plan)
{
    double work = (double)plan->mask_n * (double)(plan->bsize ? plan->bsize : 1);
    int chunks = work < 32768.0 ? 1 : pool_chunks_for(work);
    if (chunks > MAX_MASK_CHUNKS - 1) {
        chunks = MAX_MASK_CHUNKS - 1;
    }
    if (chunks > plan->mask_n) {
        chunks = plan->mask_n > 0 ? (int)plan->mask_n : 1;
    }
    return chunks;
}

static void run_mask(const index_plan *plan, int chunks, chunk_fn fn, mask_job *job)
{
    if (plan->mask_n == 0) {
        if (chunks == 1) {
            job->counts[0] = 0;
        }
        return;
    }
    if (chunks == 1) {
        fn(job, 0, 0, plan->mask_n);
        return;
    }
    Py_BEGIN_ALLOW_THREADS
    pool_run(plan->mask_n, chunks, fn, job);
    Py_END_ALLOW_THREADS
}

static PyObject *mask_getitem(index_plan *plan, int t)
{
    mask_job *job = PyMem_Calloc(1, sizeof(mask_job));
    if (job == NULL) {
        return PyErr_NoMemory();
    }
    job->plan = plan;
    int chunks = mask_chunks(plan);
    run_mask(plan, chunks, mask_count_chunk, job);
    npy_intp count = mask_prefix(job, chunks);
    plan->ashape[0] = count;
    plan->asize = count;
    PyArrayObject *final = NULL;
    PyArrayObject *out = alloc_result(plan, t, &final);
    if (out == NULL) {
        PyMem_Free(job);
        return NULL;
    }
    Py_DECREF(out);  /* final holds it */
    job->dst = PyArray_BYTES(out);
    job->block_contiguous = block_is_contiguous(plan);
    contiguous_strides(plan, job->dstrides);
    if (count > 0 && plan->bsize > 0) {
        run_mask(plan, chunks, mask_gather_chunk, job);
    }
    PyMem_Free(job);
    return (PyObject *)final;
}

/* ------------------------------------------------------------------ getitem */

/* NumPy lays out the basic dims of a gathered result in x's memory order (its
 * iterator's KEEPORDER); the C code writes them in C order, so it serves only blocks
 * whose strides are already in C order: |stride| strictly decreasing over the dims
 * longer than 1, none of them 0 (a broadcast dim's place in NumPy's order is a tie). */
static int block_in_c_order(const index_plan *plan)
{
    npy_intp prev = 0;
    int have = 0;
    for (int d = 0; d < plan->nbasic; d++) {
        if (plan->bshape[d] <= 1) {
            continue;
        }
        npy_intp a = plan->bstride[d] < 0 ? -plan->bstride[d] : plan->bstride[d];
        if (a == 0 || (have && a >= prev)) {
            return 0;
        }
        prev = a;
        have = 1;
    }
    return 1;
}

/* 1 when key is a tuple of ints, slices, None and Ellipsis only (a basic key) */
static int is_basic_key(PyObject *key)
{
    if (!PyTuple_CheckExact(key)) {
        return 0;
    }
    const Py_ssize_t n = PyTuple_GET_SIZE(key);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *k = PyTuple_GET_ITEM(key, i);
        if (!(PyLong_CheckExact(k) || PySlice_Check(k) || k == Py_None || k == Py_Ellipsis)) {
            return 0;
        }
    }
    return 1;
}

/* getitem(x, key): the result for a key with an index array or mask, NumPy's view for
 * a basic key; None where the C code declines. */
PyObject *native_getitem(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "getitem(x, key)");
        return NULL;
    }
    if (!plain_array(args[0])) {
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[0];
    int t = type_index(PyArray_DESCR(x));
    index_plan *plan;
    int rc = plan_key(x, args[1], &plan);
    if (rc <= 0) {
        if (rc < 0) {
            return NULL;
        }
        if (is_basic_key(args[1])) {
            /* NumPy's view, as the numpy kernel returns it (its errors too), without the
             * second call through Python that declining would cost a small getitem */
            return PyObject_GetItem(args[0], args[1]);
        }
        Py_RETURN_NONE;
    }
    if (!block_in_c_order(plan)) {
        plan_free(plan);
        Py_RETURN_NONE;
    }
    if (plan->mask_fast) {
        PyObject *res = mask_getitem(plan, t);
        plan_free(plan);
        return res;
    }
    if (plan->andim == 0) {
        /* only ints and 0-d int arrays: NumPy takes them as ints and copies its view
         * in x's memory order (or returns a scalar for a 0-d result) */
        plan_free(plan);
        Py_RETURN_NONE;
    }
    PyArrayObject *final = NULL;
    PyArrayObject *out = alloc_result(plan, t, &final);
    if (out == NULL) {
        plan_free(plan);
        return NULL;
    }
    gather_job job;
    job.plan = plan;
    job.dst = PyArray_BYTES(out);
    job.block_contiguous = block_is_contiguous(plan);
    contiguous_strides(plan, job.dstrides);
    if (plan->bsize > 0) {
        run_chunks(plan->asize, (double)plan->asize * (double)plan->bsize, gather_chunk, &job);
    }
    Py_DECREF(out);
    plan_free(plan);
    return (PyObject *)final;
}

/* ------------------------------------------------------------------ setitem */

/* Byte range [lo, hi) that an array's elements occupy */
static void extent(PyArrayObject *a, char **lo, char **hi)
{
    char *l = PyArray_BYTES(a), *h = PyArray_BYTES(a);
    if (PyArray_SIZE(a) == 0) {
        *lo = *hi = l;
        return;
    }
    for (int d = 0; d < PyArray_NDIM(a); d++) {
        npy_intp span = (PyArray_DIM(a, d) - 1) * PyArray_STRIDE(a, d);
        if (span < 0) {
            l += span;
        } else {
            h += span;
        }
    }
    *lo = l;
    *hi = h + PyArray_ITEMSIZE(a);
}

static int overlaps(PyArrayObject *a, PyArrayObject *b)
{
    char *alo, *ahi, *blo, *bhi;
    extent(a, &alo, &ahi);
    extent(b, &blo, &bhi);
    return alo < bhi && blo < ahi;
}

/* The value ready to be read while x is written: of x's dtype (a safe cast, as
 * NumPy's setitem makes it; other casts are left to NumPy). A value overlapping x's
 * memory: a basic key reads it as if copied first, as NumPy does; for an advanced key
 * NumPy's result depends on its loop order (a boolean assignment reads elements it
 * has already written), so that case is left to NumPy. New reference; NULL without
 * an exception to decline. */
static PyArrayObject *prepare_value(PyArrayObject *x, PyObject *value, int basic)
{
    if (!plain_array(value)) {
        return NULL;
    }
    PyArrayObject *v = (PyArrayObject *)value;
    if (type_index(PyArray_DESCR(v)) != type_index(PyArray_DESCR(x))) {
        if (!PyArray_CanCastTypeTo(PyArray_DESCR(v), PyArray_DESCR(x), NPY_SAFE_CASTING)) {
            return NULL;
        }
        Py_INCREF(PyArray_DESCR(x));
        return (PyArrayObject *)PyArray_CastToType(v, PyArray_DESCR(x), 0);
    }
    if (overlaps(x, v)) {
        return basic ? (PyArrayObject *)PyArray_NewCopy(v, NPY_CORDER) : NULL;
    }
    Py_INCREF(v);
    return v;
}

/* Strides of value broadcast to shape (nd dims); 0 if it does not broadcast. NumPy
 * drops leading length-1 dims of a value with more dims than the target. */
static int value_strides(PyArrayObject *v, int nd, const npy_intp *shape, npy_intp *strides)
{
    int vnd = PyArray_NDIM(v);
    int skip = 0;
    while (vnd - skip > nd) {
        if (PyArray_DIM(v, skip) != 1) {
            return 0;
        }
        skip++;
    }
    int used = vnd - skip;
    for (int d = 0; d < nd; d++) {
        int src = d - (nd - used);
        if (src < 0) {
            strides[d] = 0;
            continue;
        }
        npy_intp len = PyArray_DIM(v, src + skip);
        if (len == shape[d]) {
            strides[d] = len == 1 ? 0 : PyArray_STRIDE(v, src + skip);
        } else if (len == 1) {
            strides[d] = 0;
        } else {
            return 0;
        }
    }
    return 1;
}

#define FILL_LOOP(NAME, T)                                                          \
    static CLONES void NAME(char *const *data, const npy_intp *steps, npy_intp n)  \
    {                                                                               \
        const char *ps = data[0];                                                   \
        char *pd = data[1];                                                         \
        const npy_intp ss = steps[0], ds = steps[1];                                \
        if (ss == 0 && ds == sizeof(T)) {                                           \
            const T v = *(const T *)ps;                                             \
            T *restrict d = (T *)pd;                                                \
            for (npy_intp i = 0; i < n; i++) {                                      \
                d[i] = v;                                                           \
            }                                                                       \
        } else if (ss == sizeof(T) && ds == sizeof(T)) {                            \
            memcpy(pd, ps, (size_t)n * sizeof(T));                                  \
        } else {                                                                    \
            for (npy_intp i = 0; i < n; i++) {                                      \
                *(T *)(pd + i * ds) = *(const T *)(ps + i * ss);                    \
            }                                                                       \
        }                                                                           \
    }
FILL_LOOP(assign_1, uint8_t)
FILL_LOOP(assign_2, uint16_t)
FILL_LOOP(assign_4, uint32_t)
FILL_LOOP(assign_8, uint64_t)
FILL_LOOP(assign_16, elem16)

static const loop_fn ASSIGN_BY_SIZE[17] = {
    [1] = assign_1, [2] = assign_2, [4] = assign_4, [8] = assign_8, [16] = assign_16,
};

static int assign_view(PyArrayObject *view, PyObject *value);

/* The Python answer of a write that returned 1 (done: True), 0 (declined: None) or -1
 * (error set: NULL). */
static PyObject *write_served(int rc)
{
    if (rc < 0) {
        return NULL;
    }
    if (rc == 0) {
        Py_RETURN_NONE;
    }
    Py_RETURN_TRUE;
}

/* x[key] = value for a basic key: NumPy's view of the key, written by a strided,
 * broadcasting copy. 1 done, 0 declined, -1 error. */
static int basic_setitem(PyArrayObject *x, PyObject *value, PyObject *key)
{
    PyObject *view_obj = PyObject_GetItem((PyObject *)x, key);
    if (view_obj == NULL) {
        PyErr_Clear();  /* NumPy's kernel raises the same error */
        return 0;
    }
    if (!PyArray_CheckExact(view_obj) || !PyArray_ISWRITEABLE((PyArrayObject *)view_obj)) {
        Py_DECREF(view_obj);
        return 0;
    }
    int rc = assign_view((PyArrayObject *)view_obj, value);
    Py_DECREF(view_obj);
    return rc;
}

/* view[...] = value: a strided, broadcasting copy into a writeable plain array (the
 * value safely cast to view's dtype first). 1 done, 0 declined, -1 error. */
static int assign_view(PyArrayObject *view, PyObject *value)
{
    PyArrayObject *v = prepare_value(view, value, 1);
    if (v == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    nd_iter it;
    it.nop = 2;
    it.ndim = PyArray_NDIM(view);
    for (int d = 0; d < it.ndim; d++) {
        it.shape[d] = PyArray_DIM(view, d);
        it.strides[1][d] = PyArray_STRIDE(view, d);
    }
    if (!value_strides(v, it.ndim, it.shape, it.strides[0])) {
        Py_DECREF(v);
        return 0;
    }
    it.data[0] = PyArray_BYTES(v);
    it.data[1] = PyArray_BYTES(view);
    it.size = PyArray_SIZE(view);
    iter_coalesce(&it);
    iter_run(&it, ASSIGN_BY_SIZE[PyArray_ITEMSIZE(view)], 1.0);
    Py_DECREF(v);
    return 1;
}

/* copyto(dst, src): dst[...] = src, the store of the in-place operators. True when
 * the C copy served it, None to decline (NumPy's kernel then runs: an unsafe cast,
 * a read-only or unusual target, a value that does not broadcast). */
PyObject *native_copyto(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "copyto(dst, src)");
        return NULL;
    }
    if (!plain_array(args[0]) || !PyArray_ISWRITEABLE((PyArrayObject *)args[0])) {
        Py_RETURN_NONE;
    }
    return write_served(assign_view((PyArrayObject *)args[0], args[1]));
}

/* Scatter: the value, broadcast to the indexing result, written in the result's C
 * order of the advanced positions, so for a repeated index the last write wins. */
typedef struct {
    const index_plan *plan;
    const char *value;
    npy_intp vadv[NPY_MAXDIMS];    /* value strides over the advanced dims */
    npy_intp vbasic[NPY_MAXDIMS];  /* value strides over the basic dims */
} scatter_job;

static void scatter_all(const scatter_job *job)
{
    const index_plan *plan = job->plan;
    offset_walk w;
    walk_start(&w, plan, 0);
    npy_intp vidx[NPY_MAXDIMS] = {0};
    const char *vp = job->value;
    for (npy_intp u = 0; u < plan->asize; u++) {
        char *dst = plan->base + walk_offset(&w);
        copy_block(dst, plan->bstride, vp, job->vbasic, plan->nbasic, plan->bshape,
                   plan->itemsize);
        walk_next(&w);
        for (int d = plan->andim - 1; d >= 0; d--) {
            vp += job->vadv[d];
            if (++vidx[d] < plan->ashape[d]) {
                break;
            }
            vp -= job->vadv[d] * plan->ashape[d];
            vidx[d] = 0;
        }
    }
}

/* x[idx] = v on one axis, elementwise, in index order (the last write of a repeated
 * index wins). One thread: random stores are bound by memory latency, and splitting
 * x's rows between threads (each scanning every index, to keep the order) measured
 * no faster than this loop. */
#define SCATTER_FLAT(T)                                                             \
    for (npy_intp u = 0; u < total; u++) {                                          \
        if (u + 16 < total) { /* random stores: fetch the line early */            \
            npy_intp f = idx[u + 16];                                               \
            f += f < 0 ? n : 0;                                                     \
            __builtin_prefetch(base + f * xs, 1);                                   \
        }                                                                           \
        npy_intp i = idx[u];                                                        \
        i += i < 0 ? n : 0;                                                         \
        *(T *)(base + i * xs) = *(const T *)(val + u * vs);                         \
    }

static void scatter_flat(const scatter_job *job)
{
    const index_plan *plan = job->plan;
    const component *c = &plan->comp[0];
    const npy_intp *idx = c->idx;
    const npy_intp n = c->len, xs = c->xstride, vs = job->vadv[0], total = plan->asize;
    char *base = plan->base;
    const char *val = job->value;
    switch (plan->itemsize) {
    case 1: SCATTER_FLAT(uint8_t) break;
    case 2: SCATTER_FLAT(uint16_t) break;
    case 4: SCATTER_FLAT(uint32_t) break;
    case 8: SCATTER_FLAT(uint64_t) break;
    default: SCATTER_FLAT(elem16) break;
    }
}

/* Mask scatter of one value per element: a branchless select on the bits (GCC
 * vectorises it; a branch on a random mask mispredicts half the time). */
#define SELECT_LOOP(NAME, T)                                                        \
    static CLONES void NAME(char *xb, const npy_bool *m, const void *value,         \
                            npy_intp lo, npy_intp hi)                               \
    {                                                                               \
        T *restrict xp = (T *)xb;                                                   \
        const T v = *(const T *)value;                                              \
        for (npy_intp i = lo; i < hi; i++) {                                        \
            const T keep = (T)(m[i] != 0) - 1; /* all ones where m[i] is false */     \
            xp[i] = (T)((xp[i] & keep) | (v & (T)~keep));                           \
        }                                                                           \
    }
SELECT_LOOP(select_1, uint8_t)
SELECT_LOOP(select_2, uint16_t)
SELECT_LOOP(select_4, uint32_t)
SELECT_LOOP(select_8, uint64_t)

typedef void (*select_fn)(char *, const npy_bool *, const void *, npy_intp, npy_intp);

/* Mask scatter with a value that does not vary along the count dim: for one
 * contiguous element per unit the select above, else a copy per true unit. */
#define SELECT_FILL(T)                                                              \
    {                                                                               \
        const T v = *(const T *)job->value;                                         \
        char *xb = plan->base;                                                      \
        const npy_intp us = plan->unit_stride;                                      \
        for (npy_intp i = lo; i < hi; i++) {                                        \
            if (m[i]) {                                                             \
                *(T *)(xb + i * us) = v;                                            \
            }                                                                       \
        }                                                                           \
    }

static void mask_scatter_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    mask_job *job = ctx;
    const index_plan *plan = job->plan;
    const npy_bool *m = plan->mask;
    if (job->vstride_count == 0 && plan->nbasic == 0) {
        static const select_fn SELECT[9] = {
            [1] = select_1, [2] = select_2, [4] = select_4, [8] = select_8,
        };
        if (plan->itemsize <= 8 && plan->unit_stride == plan->itemsize) {
            SELECT[plan->itemsize](plan->base, m, job->value, lo, hi);
            return;
        }
        switch (plan->itemsize) {
        case 1: SELECT_FILL(uint8_t) return;
        case 2: SELECT_FILL(uint16_t) return;
        case 4: SELECT_FILL(uint32_t) return;
        case 8: SELECT_FILL(uint64_t) return;
        default: SELECT_FILL(elem16) return;
        }
    }
    npy_intp j = job->counts[chunk];
    for (npy_intp i = lo; i < hi; i++) {
        if (!m[i]) {
            continue;
        }
        copy_block(plan->base + i * plan->unit_stride, plan->bstride,
                   job->value + j * job->vstride_count, job->vstrides, plan->nbasic,
                   plan->bshape, plan->itemsize);
        j++;
    }
}

static int mask_setitem(index_plan *plan, PyArrayObject *v)
{
    mask_job *job = PyMem_Calloc(1, sizeof(mask_job));
    if (job == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    job->plan = plan;
    int chunks = mask_chunks(plan);
    npy_intp count = 1;  /* a 0-d value broadcasts to any count: no counting pass */
    if (PyArray_NDIM(v) > 0) {
        run_mask(plan, chunks, mask_count_chunk, job);
        count = mask_prefix(job, chunks);
    }
    /* the indexing result: (count, *basic) */
    npy_intp shape[NPY_MAXDIMS], strides[NPY_MAXDIMS];
    shape[0] = count;
    for (int d = 0; d < plan->nbasic; d++) {
        shape[1 + d] = plan->bshape[d];
    }
    if (!value_strides(v, 1 + plan->nbasic, shape, strides)) {
        PyMem_Free(job);
        return 0;  /* NumPy raises: the value does not broadcast */
    }
    job->value = PyArray_BYTES(v);
    job->vstride_count = strides[0];
    for (int d = 0; d < plan->nbasic; d++) {
        job->vstrides[d] = strides[1 + d];
    }
    if (count > 0 && plan->bsize > 0) {
        run_mask(plan, chunks, mask_scatter_chunk, job);  /* count > 0: vstride_count 0 for 0-d */
    }
    PyMem_Free(job);
    return 1;
}

/* setitem(x, value, key): writes x[key] = value and returns True, or None where the
 * C code declines (nothing has been written then). */
PyObject *native_setitem(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "setitem(x, value, key)");
        return NULL;
    }
    if (!plain_array(args[0]) || !PyArray_ISWRITEABLE((PyArrayObject *)args[0])) {
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[0];
    index_plan *plan;
    int rc = plan_key(x, args[2], &plan);
    if (rc < 0) {
        return NULL;
    }
    if (rc == 0) {
        /* basic keys (and keys the planner leaves to NumPy, which it declines again) */
        if (!is_basic_key(args[2])) {
            Py_RETURN_NONE;
        }
        return write_served(basic_setitem(x, args[1], args[2]));
    }
    PyArrayObject *v = prepare_value(x, args[1], 0);
    if (v == NULL) {
        plan_free(plan);
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    if (plan->mask_fast) {
        rc = mask_setitem(plan, v);
        Py_DECREF(v);
        plan_free(plan);
        return write_served(rc);
    }
    /* the value broadcast to the indexing result's shape, in NumPy's order */
    const int nd = plan->andim + plan->nbasic;
    npy_intp shape[NPY_MAXDIMS], strides[NPY_MAXDIMS];
    int k = 0;
    for (int d = 0; d < plan->nbefore; d++) {
        shape[k++] = plan->bshape[d];
    }
    for (int d = 0; d < plan->andim; d++) {
        shape[k++] = plan->ashape[d];
    }
    for (int d = plan->nbefore; d < plan->nbasic; d++) {
        shape[k++] = plan->bshape[d];
    }
    if (!value_strides(v, nd, shape, strides)) {
        Py_DECREF(v);
        plan_free(plan);
        Py_RETURN_NONE;  /* NumPy raises: the value does not broadcast */
    }
    scatter_job job;
    job.plan = plan;
    job.value = PyArray_BYTES(v);
    k = 0;
    for (int d = 0; d < plan->nbefore; d++) {
        job.vbasic[d] = strides[k++];
    }
    for (int d = 0; d < plan->andim; d++) {
        job.vadv[d] = strides[k++];
    }
    for (int d = plan->nbefore; d < plan->nbasic; d++) {
        job.vbasic[d] = strides[k++];
    }
    if (plan->asize > 0 && plan->bsize > 0) {
        /* one index array over a 1-d x: the typed loop */
        int flat = plan->ncomp == 1 && plan->comp[0].flat && plan->nbasic == 0
                   && plan->andim == 1;
        if ((double)plan->asize * (double)plan->bsize < 32768.0) {
            flat ? scatter_flat(&job) : scatter_all(&job);
        } else {
            Py_BEGIN_ALLOW_THREADS
            flat ? scatter_flat(&job) : scatter_all(&job);
            Py_END_ALLOW_THREADS
        }
    }
    Py_DECREF(v);
    plan_free(plan);
    Py_RETURN_TRUE;
}

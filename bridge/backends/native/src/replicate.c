/* Replication: roll, tile, repeat.
 *
 * roll and tile are one gather: along each dimension the result's index i reads x's
 * index (i + add) mod m (roll: m = n, add = n - shift; tile: m = x's length, add = 0),
 * so both run on the "modular copy" below. repeat copies each element (or each block of
 * the dimensions after axis) a counted number of times.
 *
 * Entry points return None where they decline (an unusual dtype or array subclass, a
 * size that overflows, arguments NumPy rejects); the Python wrappers (_replicate.py)
 * then call the numpy kernel with the same arguments, so errors are NumPy's own. The
 * results are plain copies of x's bytes, so they are identical for any thread count.
 */
#include "native.h"

typedef struct { uint64_t lo, hi; } bytes16;

static int plain_array(PyObject *o)
{
    return PyArray_CheckExact(o) && PyArray_ISALIGNED((PyArrayObject *)o)
           && type_index(PyArray_DESCR((PyArrayObject *)o)) != T_NONE;
}

/* a * b into *out; 0 when the product overflows npy_intp (both non-negative) */
static int mul_fits(npy_intp a, npy_intp b, npy_intp *out)
{
    if (a != 0 && b > NPY_MAX_INTP / a) {
        return 0;
    }
    *out = a * b;
    return 1;
}

/* Elements of a shape, or -1 when the byte size of such an array of itemsize
 * overflows (NumPy then raises; the caller declines). */
static npy_intp checked_size(int nd, const npy_intp *shape, int itemsize)
{
    npy_intp size = 1;
    for (int d = 0; d < nd; d++) {
        if (!mul_fits(size, shape[d], &size)) {
            return -1;
        }
    }
    return size > NPY_MAX_INTP / itemsize ? -1 : size;
}

/* The same split of [0, n) into pieces as the thread pool's (pool.c) */
static void piece_bounds(npy_intp n, int pieces, int i, npy_intp *lo, npy_intp *hi)
{
    npy_intp base = n / pieces, extra = n % pieces;
    *lo = base * i + (i < extra ? i : extra);
    *hi = *lo + base + (i < extra ? 1 : 0);
}

/* Runs fn over [0, n) in pool chunks worth `bytes` of copying; the GIL is released
 * when the work is large enough to matter. */
static void run_copy_job(npy_intp n, double bytes, chunk_fn fn, void *ctx)
{
    if (n <= 0) {
        return;
    }
    /* memcpy moves ~16 bytes per "element-operation" of the pool's cost model */
    int chunks = pool_chunks_for(bytes / 16.0);
    if (bytes < 262144.0) {
        fn(ctx, 0, 0, n);
        return;
    }
    Py_BEGIN_ALLOW_THREADS
    pool_run(n, chunks, fn, ctx);
    Py_END_ALLOW_THREADS
}

/* n elements of itemsize from src (stride bytes apart; 0 repeats one value) to
 * contiguous dst */
#define STRIDED_COPY(T)                                                             \
    {                                                                               \
        T *restrict o = (T *)dst;                                                   \
        for (npy_intp i = 0; i < n; i++) {                                          \
            o[i] = *(const T *)(src + i * stride);                                  \
        }                                                                           \
        return;                                                                     \
    }

static void copy_run(char *dst, const char *src, npy_intp stride, npy_intp n, int itemsize)
{
    if (stride == itemsize) {
        memcpy(dst, src, (size_t)n * (size_t)itemsize);
        return;
    }
    switch (itemsize) {
    case 1: STRIDED_COPY(uint8_t)
    case 2: STRIDED_COPY(uint16_t)
    case 4: STRIDED_COPY(uint32_t)
    case 8: STRIDED_COPY(uint64_t)
    default: STRIDED_COPY(bytes16)
    }
}

/* ------------------------------------------------------------------ modular copy */

/* The result (contiguous over shape, C order) at index (i_0, ..., i_L) is x at
 * ((i_d + add_d) mod mod_d)_d, with add_d in [0, mod_d). */
typedef struct {
    int nd;
    npy_intp shape[NPY_MAXDIMS];
    npy_intp mod[NPY_MAXDIMS];
    npy_intp add[NPY_MAXDIMS];
    npy_intp stride[NPY_MAXDIMS];  /* x's, in bytes */
    const char *src;
    char *dst;
    int itemsize;
} modcopy_job;

/* A row of the result from position j on, count elements: x's row read from
 * (j + add) mod m, wrapping at m. */
static void modcopy_row(char *dst, const char *row, npy_intp j, npy_intp count, npy_intp m,
                        npy_intp add, npy_intp stride, int itemsize)
{
    npy_intp s = j % m + add;
    s -= s >= m ? m : 0;
    const size_t isz = (size_t)itemsize;
    if (count > m && (size_t)m * isz <= 4096) {
        /* a short period repeats along the row (tile): write one period from x, then
         * double the written part, which is a whole number of periods, by memcpy
         * (cheaper than many small copies from x) */
        npy_intp run = m - s;
        copy_run(dst, row + s * stride, stride, run, itemsize);
        copy_run(dst + (size_t)run * isz, row, stride, m - run, itemsize);
        npy_intp done = m;
        while (done < count) {
            npy_intp n = done < count - done ? done : count - done;
            memcpy(dst + (size_t)done * isz, dst, (size_t)n * isz);
            done += n;
        }
        return;
    }
    npy_intp done = 0;
    while (done < count) {
        npy_intp run = m - s < count - done ? m - s : count - done;
        copy_run(dst + (size_t)done * isz, row + s * stride, stride, run, itemsize);
        done += run;
        s = 0;
    }
}

static void modcopy_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    (void)chunk;
    const modcopy_job *job = ctx;
    const int last = job->nd - 1;
    const npy_intp row_len = job->shape[last];
    npy_intp idx[NPY_MAXDIMS], sidx[NPY_MAXDIMS];
    npy_intp rem = lo / row_len, j = lo % row_len;
    for (int d = last - 1; d >= 0; d--) {
        idx[d] = rem % job->shape[d];
        rem /= job->shape[d];
        sidx[d] = idx[d] % job->mod[d] + job->add[d];
        sidx[d] -= sidx[d] >= job->mod[d] ? job->mod[d] : 0;
    }
    char *dst = job->dst + (size_t)lo * (size_t)job->itemsize;
    npy_intp pos = lo;
    while (pos < hi) {
        const char *row = job->src;
        for (int d = 0; d < last; d++) {
            row += sidx[d] * job->stride[d];
        }
        npy_intp count = row_len - j < hi - pos ? row_len - j : hi - pos;
        modcopy_row(dst, row, j, count, job->mod[last], job->add[last], job->stride[last],
                    job->itemsize);
        dst += (size_t)count * (size_t)job->itemsize;
        pos += count;
        j = 0;
        for (int d = last - 1; d >= 0; d--) {
            if (++sidx[d] == job->mod[d]) {
                sidx[d] = 0;
            }
            if (++idx[d] < job->shape[d]) {
                break;
            }
            idx[d] = 0;
            sidx[d] = job->add[d];
        }
    }
}

/* The gather described by, per dimension d < nd: the result's length shape[d] and
 * stride out_strides[d] (a permutation of a contiguous layout), x's length mod[d] and
 * stride strides[d], and add[d] in [0, mod[d]). */
static void modcopy(int nd, const npy_intp *shape, const npy_intp *out_strides,
                    const npy_intp *mod, const npy_intp *add, const npy_intp *strides,
                    const char *src, char *dst, int itemsize)
{
    int order[NPY_MAXDIMS];
    int kept = 0;
    npy_intp size = 1;
    for (int d = 0; d < nd; d++) {
        size *= shape[d];
        if (shape[d] != 1) {
            order[kept++] = d;
        }
    }
    if (size == 0) {
        return;
    }
    /* walk the result in memory order: dimensions by decreasing result stride */
    for (int a = 1; a < kept; a++) {
        int d = order[a], b = a;
        while (b > 0 && out_strides[order[b - 1]] < out_strides[d]) {
            order[b] = order[b - 1];
            b--;
        }
        order[b] = d;
    }
    modcopy_job job;
    job.src = src;
    job.dst = dst;
    job.itemsize = itemsize;
    /* From the innermost dimension outwards: d merges into the (merged) dimension
     * inside it when that one is a plain walk of x (add 0, no wrap) that d's stride
     * continues; the merged index then wraps at mod_d * len_inner. */
    npy_intp sh[NPY_MAXDIMS], md[NPY_MAXDIMS], ad[NPY_MAXDIMS], st[NPY_MAXDIMS];
    int n = 0;  /* merged dimensions, innermost first */
    for (int a = kept - 1; a >= 0; a--) {
        int d = order[a];
        npy_intp m = mod[d], ofs = add[d], s = strides[d];
        if (m == 1) {  /* x's length 1 broadcast (tile): a plain walk with stride 0 */
            m = shape[d];
            ofs = 0;
            s = 0;
        }
        if (n > 0 && ad[n - 1] == 0 && md[n - 1] == sh[n - 1]
            && s == st[n - 1] * sh[n - 1]) {
            const npy_intp inner_len = sh[n - 1];
            md[n - 1] = m * inner_len;
            ad[n - 1] = ofs * inner_len;
            sh[n - 1] = shape[d] * inner_len;
            continue;
        }
        sh[n] = shape[d];
        md[n] = m;
        ad[n] = ofs;
        st[n] = s;
        n++;
    }
    if (n == 0) {  /* a single element */
        sh[0] = md[0] = 1;
        ad[0] = 0;
        st[0] = 0;
        n = 1;
    }
    job.nd = n;
    for (int k = 0; k < n; k++) {
        job.shape[k] = sh[n - 1 - k];
        job.mod[k] = md[n - 1 - k];
        job.add[k] = ad[n - 1 - k];
        job.stride[k] = st[n - 1 - k];
    }
    run_copy_job(size, (double)size * itemsize, modcopy_chunk, &job);
}

/* ------------------------------------------------------------------ roll */

/* roll(x, offsets): offsets is an int (x flattened in C order and rolled by it, the
 * result C-contiguous in x's shape) or a tuple of one int per axis; each offset in
 * [0, length). The per-axis result is laid out like x (NumPy's empty_like). */
PyObject *native_roll(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "roll(x, offsets)");
        return NULL;
    }
    if (!plain_array(args[0])) {
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[0];
    const int nd = PyArray_NDIM(x);
    const int t = type_index(PyArray_DESCR(x));
    const int itemsize = TYPE_SIZE[t];
    npy_intp mod[NPY_MAXDIMS], add[NPY_MAXDIMS];
    if (PyTuple_Check(args[1])) {
        if (PyTuple_GET_SIZE(args[1]) != nd) {
            Py_RETURN_NONE;
        }
        for (int d = 0; d < nd; d++) {
            npy_intp len = PyArray_DIM(x, d);
            Py_ssize_t o = PyLong_AsSsize_t(PyTuple_GET_ITEM(args[1], d));
            if (o == -1 && PyErr_Occurred()) {
                PyErr_Clear();
                Py_RETURN_NONE;
            }
            if (o < 0 || (o > 0 && o >= len)) {
                Py_RETURN_NONE;
            }
            mod[d] = len > 0 ? len : 1;
            add[d] = o == 0 ? 0 : len - o;  /* result[i] = x[(i - o) mod len] */
        }
        PyArrayObject *out = (PyArrayObject *)PyArray_NewLikeArray(x, NPY_KEEPORDER, NULL, 0);
        if (out == NULL) {
            return NULL;
        }
        modcopy(nd, PyArray_DIMS(x), PyArray_STRIDES(out), mod, add, PyArray_STRIDES(x),
                PyArray_BYTES(x), PyArray_BYTES(out), itemsize);
        return (PyObject *)out;
    }
    Py_ssize_t o = PyLong_AsSsize_t(args[1]);
    if (o == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    const npy_intp size = PyArray_SIZE(x);
    if (o < 0 || (o > 0 && o >= size)) {
        Py_RETURN_NONE;
    }
    /* flattened: x's elements in C order (a contiguous copy when x is not one, as
     * NumPy's ravel makes), rotated as one row */
    PyArrayObject *flat;
    if (PyArray_IS_C_CONTIGUOUS(x)) {
        Py_INCREF(x);
        flat = x;
    } else {
        flat = (PyArrayObject *)PyArray_NewCopy(x, NPY_CORDER);
        if (flat == NULL) {
            return NULL;
        }
    }
    PyArrayObject *out = (PyArrayObject *)PyArray_SimpleNew(nd, PyArray_DIMS(x), TYPE_NUM[t]);
    if (out == NULL) {
        Py_DECREF(flat);
        return NULL;
    }
    npy_intp len = size, m = size > 0 ? size : 1, a = o == 0 ? 0 : size - o;
    npy_intp step = itemsize;
    modcopy(1, &len, &step, &m, &a, &step, PyArray_BYTES(flat), PyArray_BYTES(out), itemsize);
    Py_DECREF(flat);
    return (PyObject *)out;
}

/* ------------------------------------------------------------------ tile */

/* tile(x, reps): np.tile with a tuple of non-negative ints. reps shorter than x.ndim
 * is padded with leading 1s, longer gives x leading length-1 dimensions. All-1 reps
 * copy x keeping its layout (NumPy's np.array(x, copy=True)); otherwise the result is
 * C-contiguous. */
PyObject *native_tile(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "tile(x, reps)");
        return NULL;
    }
    if (!plain_array(args[0]) || !PyTuple_Check(args[1])) {
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[0];
    const int xnd = PyArray_NDIM(x);
    const Py_ssize_t nreps = PyTuple_GET_SIZE(args[1]);
    if (nreps > NPY_MAXDIMS) {
        Py_RETURN_NONE;
    }
    const int nd = xnd > (int)nreps ? xnd : (int)nreps;
    const int t = type_index(PyArray_DESCR(x));
    const int itemsize = TYPE_SIZE[t];
    npy_intp reps[NPY_MAXDIMS], xshape[NPY_MAXDIMS], xstrides[NPY_MAXDIMS];
    npy_intp shape[NPY_MAXDIMS], add[NPY_MAXDIMS];
    int all_ones = 1;
    for (int d = 0; d < nd; d++) {
        int r = d - (nd - (int)nreps), s = d - (nd - xnd);
        reps[d] = 1;
        if (r >= 0) {
            Py_ssize_t v = PyLong_AsSsize_t(PyTuple_GET_ITEM(args[1], r));
            if (v == -1 && PyErr_Occurred()) {
                PyErr_Clear();
                Py_RETURN_NONE;
            }
            if (v < 0) {
                Py_RETURN_NONE;  /* NumPy raises */
            }
            reps[d] = v;
        }
        all_ones &= reps[d] == 1;
        xshape[d] = s >= 0 ? PyArray_DIM(x, s) : 1;
        xstrides[d] = s >= 0 ? PyArray_STRIDE(x, s) : 0;
        if (!mul_fits(xshape[d], reps[d], &shape[d])) {
            Py_RETURN_NONE;
        }
        add[d] = 0;
    }
    if (checked_size(nd, shape, itemsize) < 0) {
        Py_RETURN_NONE;
    }
    if (all_ones) {
        PyArrayObject *out = (PyArrayObject *)PyArray_NewLikeArray(x, NPY_KEEPORDER, NULL, 0);
        if (out == NULL) {
            return NULL;
        }
        modcopy(xnd, PyArray_DIMS(x), PyArray_STRIDES(out), PyArray_DIMS(x), add,
                PyArray_STRIDES(x), PyArray_BYTES(x), PyArray_BYTES(out), itemsize);
        if (nd == xnd) {
            return (PyObject *)out;
        }
        /* leading length-1 dimensions: a view, with the strides NumPy's ndmin gives
         * the new dimensions (the itemsize for a Fortran-ordered or 0-d copy) */
        const npy_intp lead = PyArray_ISFORTRAN(out) || xnd == 0
                              ? itemsize : PyArray_STRIDE(out, 0) * PyArray_DIM(out, 0);
        npy_intp strides[NPY_MAXDIMS];
        for (int d = 0; d < nd; d++) {
            strides[d] = d < nd - xnd ? lead : PyArray_STRIDE(out, d - (nd - xnd));
        }
        PyArray_Descr *descr = PyArray_DESCR(out);
        Py_INCREF(descr);
        PyObject *view = PyArray_NewFromDescr(&PyArray_Type, descr, nd, shape, strides,
                                              PyArray_BYTES(out), NPY_ARRAY_WRITEABLE, NULL);
        if (view == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        /* steals the reference to out, also when it fails */
        if (PyArray_SetBaseObject((PyArrayObject *)view, (PyObject *)out) < 0) {
            Py_DECREF(view);
            return NULL;
        }
        return view;
    }
    PyArrayObject *out = (PyArrayObject *)PyArray_SimpleNew(nd, shape, TYPE_NUM[t]);
    if (out == NULL) {
        return NULL;
    }
    modcopy(nd, shape, PyArray_STRIDES(out), xshape, add, xstrides, PyArray_BYTES(x),
            PyArray_BYTES(out), itemsize);
    return (PyObject *)out;
}

/* ------------------------------------------------------------------ repeat */

/* Units are x's blocks along axis (outer index, position j), in C order; unit u is
 * copied counts[u mod period] (or r) times, contiguously after the previous unit's
 * copies. A block is inner_size elements (the dimensions after axis). */
typedef struct {
    const char *src;
    char *dst;
    int itemsize;
    int outer_nd;
    npy_intp outer_shape[NPY_MAXDIMS], outer_strides[NPY_MAXDIMS];
    npy_intp n, axis_stride;  /* units per outer index, x's stride along axis */
    int inner_nd;             /* 0: one element per unit */
    npy_intp inner_shape[NPY_MAXDIMS], inner_strides[NPY_MAXDIMS];
    int inner_contiguous;
    size_t block;             /* bytes per unit */
    npy_intp period;          /* counts index = u mod period */
    npy_intp r;               /* the count of every unit when counts is NULL */
    const int64_t *counts;
    npy_intp total;           /* copies per period */
    int pieces;               /* counts' partial sums over pieces of [0, period) */
    npy_intp sums[256];
    int bad[256];
} repeat_job;

/* counts[lo, hi): sum (each >= 0, no overflow) or bad */
static void repeat_sum_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    repeat_job *job = ctx;
    npy_intp sum = 0;
    int bad = 0;
    for (npy_intp u = lo; u < hi; u++) {
        int64_t c = job->counts[u];
        bad |= c < 0 || __builtin_add_overflow(sum, (npy_intp)c, &sum);
    }
    job->sums[chunk] = sum;
    job->bad[chunk] = bad;
}

/* sum of counts[0, k) */
static npy_intp counts_prefix(const repeat_job *job, npy_intp k)
{
    npy_intp sum = 0;
    for (int p = 0; p < job->pieces; p++) {
        npy_intp lo, hi;
        piece_bounds(job->period, job->pieces, p, &lo, &hi);
        if (hi <= k) {
            sum += job->sums[p];
            continue;
        }
        for (npy_intp u = lo; u < k; u++) {
            sum += job->counts[u];
        }
        break;
    }
    return sum;
}

/* One element per unit: count units of a row from src (stride apart) */
#define REPEAT_ROW(NAME, T)                                                         \
    static char *NAME(char *dst, const char *src, npy_intp stride, npy_intp count,  \
                      npy_intp r, const int64_t *counts)                            \
    {                                                                               \
        T *restrict o = (T *)dst;                                                   \
        if (counts != NULL) {                                                       \
            for (npy_intp u = 0; u < count; u++) {                                  \
                const T v = *(const T *)(src + u * stride);                         \
                const npy_intp c = (npy_intp)counts[u];                             \
                for (npy_intp k = 0; k < c; k++) {                                  \
                    o[k] = v;                                                       \
                }                                                                   \
                o += c;                                                             \
            }                                                                       \
        } else if (r == 2) {                                                        \
            for (npy_intp u = 0; u < count; u++) {                                  \
                const T v = *(const T *)(src + u * stride);                         \
                o[2 * u] = v;                                                       \
                o[2 * u + 1] = v;                                                   \
            }                                                                       \
            o += 2 * count;                                                         \
        } else {                                                                    \
            for (npy_intp u = 0; u < count; u++) {                                  \
                const T v = *(const T *)(src + u * stride);                         \
                for (npy_intp k = 0; k < r; k++) {                                  \
                    o[k] = v;                                                       \
                }                                                                   \
                o += r;                                                             \
            }                                                                       \
        }                                                                           \
        return (char *)o;                                                           \
    }
REPEAT_ROW(repeat_row_1, uint8_t)
REPEAT_ROW(repeat_row_2, uint16_t)
REPEAT_ROW(repeat_row_4, uint32_t)
REPEAT_ROW(repeat_row_8, uint64_t)
REPEAT_ROW(repeat_row_16, bytes16)

typedef char *(*repeat_row_fn)(char *, const char *, npy_intp, npy_intp, npy_intp,
                               const int64_t *);

/* x's block at src (inner dimensions, any strides) to contiguous dst */
static char *gather_block(char *dst, const char *src, int nd, const npy_intp *shape,
                          const npy_intp *strides, int itemsize)
{
    if (nd == 1) {
        copy_run(dst, src, strides[0], shape[0], itemsize);
        return dst + (size_t)shape[0] * (size_t)itemsize;
    }
    for (npy_intp i = 0; i < shape[0]; i++) {
        dst = gather_block(dst, src + i * strides[0], nd - 1, shape + 1, strides + 1, itemsize);
    }
    return dst;
}

/* Blocks of a row: each copied c times (the first from x, the others from the first) */
static char *repeat_blocks(const repeat_job *job, char *dst, const char *src, npy_intp count,
                           const int64_t *counts)
{
    const size_t block = job->block;
    for (npy_intp u = 0; u < count; u++, src += job->axis_stride) {
        const npy_intp c = counts != NULL ? (npy_intp)counts[u] : job->r;
        if (c == 0) {
            continue;
        }
        if (job->inner_contiguous) {
            memcpy(dst, src, block);
        } else {
            gather_block(dst, src, job->inner_nd, job->inner_shape, job->inner_strides,
                         job->itemsize);
        }
        for (npy_intp k = 1; k < c; k++) {
            memcpy(dst + (size_t)k * block, dst, block);
        }
        dst += (size_t)c * block;
    }
    return dst;
}

static void repeat_chunk(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    (void)chunk;
    const repeat_job *job = ctx;
    if (lo >= hi) {
        return;
    }
    static const repeat_row_fn ROWS[17] = {
        [1] = repeat_row_1, [2] = repeat_row_2, [4] = repeat_row_4, [8] = repeat_row_8,
        [16] = repeat_row_16,
    };
    const repeat_row_fn row_fn = job->inner_nd == 0 ? ROWS[job->itemsize] : NULL;
    /* where unit lo's copies start, in blocks */
    npy_intp k = lo % job->period;
    npy_intp start = (lo / job->period) * job->total
                     + (job->counts != NULL ? counts_prefix(job, k) : k * job->r);
    char *dst = job->dst + (size_t)start * job->block;
    npy_intp idx[NPY_MAXDIMS];
    npy_intp rem = lo / job->n, j = lo % job->n;
    for (int d = job->outer_nd - 1; d >= 0; d--) {
        idx[d] = rem % job->outer_shape[d];
        rem /= job->outer_shape[d];
    }
    npy_intp u = lo;
    while (u < hi) {
        const char *src = job->src + j * job->axis_stride;
        for (int d = 0; d < job->outer_nd; d++) {
            src += idx[d] * job->outer_strides[d];
        }
        npy_intp count = job->n - j < hi - u ? job->n - j : hi - u;
        const int64_t *counts = job->counts != NULL ? job->counts + u % job->period : NULL;
        if (row_fn != NULL) {
            dst = row_fn(dst, src, job->axis_stride, count, job->r, counts);
        } else {
            dst = repeat_blocks(job, dst, src, count, counts);
        }
        u += count;
        j = 0;
        for (int d = job->outer_nd - 1; d >= 0; d--) {
            if (++idx[d] < job->outer_shape[d]) {
                break;
            }
            idx[d] = 0;
        }
    }
}

/* Drops length-1 dimensions and merges those that walk memory contiguously; returns
 * the number left (shape/strides rewritten in place) */
static int merge_dims(int nd, npy_intp *shape, npy_intp *strides)
{
    int n = 0;
    for (int d = 0; d < nd; d++) {
        if (shape[d] == 1) {
            continue;
        }
        if (n > 0 && strides[n - 1] == strides[d] * shape[d]) {
            shape[n - 1] *= shape[d];
            strides[n - 1] = strides[d];
            continue;
        }
        shape[n] = shape[d];
        strides[n] = strides[d];
        n++;
    }
    return n;
}

/* repeat(x, repeats, axis): np.repeat with repeats a Python int or an integer array
 * (0-d, one element, or one per position along axis; None: per element of x
 * flattened). Negative counts, mismatched lengths and overflowing sizes are left to
 * NumPy (it raises). */
PyObject *native_repeat(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "repeat(x, repeats, axis)");
        return NULL;
    }
    if (!plain_array(args[0])) {
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[0];
    const int nd = PyArray_NDIM(x);
    const int t = type_index(PyArray_DESCR(x));
    const int itemsize = TYPE_SIZE[t];
    repeat_job *job = PyMem_Calloc(1, sizeof(repeat_job));
    if (job == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *result = NULL;
    PyArrayObject *counts = NULL;
    int axis = -1;
    if (args[2] != Py_None) {
        long a = PyLong_AsLong(args[2]);
        if (a == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            goto decline;
        }
        if (a < -nd || a >= nd) {
            goto decline;
        }
        axis = (int)(a < 0 ? a + nd : a);
    }
    job->src = PyArray_BYTES(x);
    job->itemsize = itemsize;
    npy_intp out_shape[NPY_MAXDIMS];
    int out_nd;
    if (axis < 0) {
        /* flattened in C order: the last (merged) dimension is the unit row */
        npy_intp shape[NPY_MAXDIMS], strides[NPY_MAXDIMS];
        for (int d = 0; d < nd; d++) {
            shape[d] = PyArray_DIM(x, d);
            strides[d] = PyArray_STRIDE(x, d);
        }
        int m = PyArray_SIZE(x) == 0 ? 0 : merge_dims(nd, shape, strides);
        if (PyArray_SIZE(x) == 0) {
            job->outer_nd = 0;
            job->n = 0;
            job->axis_stride = 0;
        } else if (m == 0) {
            job->outer_nd = 0;
            job->n = 1;
            job->axis_stride = 0;
        } else {
            job->outer_nd = m - 1;
            for (int d = 0; d < m - 1; d++) {
                job->outer_shape[d] = shape[d];
                job->outer_strides[d] = strides[d];
            }
            job->n = shape[m - 1];
            job->axis_stride = strides[m - 1];
        }
        job->period = PyArray_SIZE(x);
        job->inner_nd = 0;
        job->inner_contiguous = 1;
        job->block = (size_t)itemsize;
        out_nd = 1;
    } else {
        npy_intp shape[NPY_MAXDIMS], strides[NPY_MAXDIMS];
        for (int d = 0; d < axis; d++) {
            shape[d] = PyArray_DIM(x, d);
            strides[d] = PyArray_STRIDE(x, d);
        }
        job->outer_nd = merge_dims(axis, shape, strides);
        for (int d = 0; d < job->outer_nd; d++) {
            job->outer_shape[d] = shape[d];
            job->outer_strides[d] = strides[d];
        }
        job->n = PyArray_DIM(x, axis);
        job->axis_stride = PyArray_STRIDE(x, axis);
        npy_intp inner_size = 1;
        for (int d = axis + 1; d < nd; d++) {
            shape[d - axis - 1] = PyArray_DIM(x, d);
            strides[d - axis - 1] = PyArray_STRIDE(x, d);
            inner_size *= PyArray_DIM(x, d);
        }
        job->inner_nd = inner_size == 0 ? 0 : merge_dims(nd - axis - 1, shape, strides);
        for (int d = 0; d < job->inner_nd; d++) {
            job->inner_shape[d] = shape[d];
            job->inner_strides[d] = strides[d];
        }
        /* one contiguous run: a memcpy per block */
        job->inner_contiguous = job->inner_nd == 1 && job->inner_strides[0] == itemsize;
        job->block = (size_t)inner_size * (size_t)itemsize;
        job->period = job->n;
        out_nd = nd;
        for (int d = 0; d < nd; d++) {
            out_shape[d] = PyArray_DIM(x, d);
        }
    }
    /* the counts */
    PyObject *rep = args[1];
    if (PyArray_Check(rep)) {
        int tr = plain_array(rep) ? type_index(PyArray_DESCR((PyArrayObject *)rep)) : T_NONE;
        if (tr < T_BOOL || tr > T_U64 || PyArray_NDIM((PyArrayObject *)rep) > 1) {
            goto decline;
        }
        /* as int64, as the numpy kernel's astype does (uint64 wraps: a negative
         * count, which NumPy rejects) */
        counts = (PyArrayObject *)PyArray_FromAny(
            rep, PyArray_DescrFromType(NPY_INT64), 0, 0,
            NPY_ARRAY_C_CONTIGUOUS | NPY_ARRAY_ALIGNED | NPY_ARRAY_FORCECAST, NULL);
        if (counts == NULL) {
            goto fail;
        }
        const int64_t *c = (const int64_t *)PyArray_DATA(counts);
        if (PyArray_SIZE(counts) == 1) {
            if (c[0] < 0) {
                goto decline;
            }
            job->r = (npy_intp)c[0];
        } else if (PyArray_SIZE(counts) != job->period) {
            goto decline;
        } else {
            job->counts = c;
        }
    } else if (PyLong_CheckExact(rep)) {
        Py_ssize_t r = PyLong_AsSsize_t(rep);
        if (r == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            goto decline;
        }
        if (r < 0) {
            goto decline;
        }
        job->r = r;
    } else {
        goto decline;
    }
    if (job->counts != NULL) {
        /* validate and sum the counts (threaded when many), in pieces whose partial
         * sums later give each chunk its starting position */
        int pieces = job->period < 65536 ? 1 : pool_chunks_for((double)job->period / 4.0);
        job->pieces = pieces;
        if (pieces == 1) {
            repeat_sum_chunk(job, 0, 0, job->period);
        } else {
            Py_BEGIN_ALLOW_THREADS
            pool_run(job->period, pieces, repeat_sum_chunk, job);
            Py_END_ALLOW_THREADS
        }
        npy_intp total = 0;
        for (int p = 0; p < pieces; p++) {
            if (job->bad[p] || __builtin_add_overflow(total, job->sums[p], &total)) {
                goto decline;
            }
        }
        job->total = total;
    } else if (!mul_fits(job->r, job->period, &job->total)) {
        goto decline;
    }
    if (axis < 0) {
        out_shape[0] = job->total;
    } else {
        out_shape[axis] = job->total;
    }
    if (checked_size(out_nd, out_shape, itemsize) < 0) {
        goto decline;
    }
    PyArrayObject *out = (PyArrayObject *)PyArray_SimpleNew(out_nd, out_shape, TYPE_NUM[t]);
    if (out == NULL) {
        goto fail;
    }
    job->dst = PyArray_BYTES(out);
    if (PyArray_SIZE(out) > 0) {
        npy_intp units = job->n;
        for (int d = 0; d < job->outer_nd; d++) {
            units *= job->outer_shape[d];
        }
        run_copy_job(units, (double)PyArray_NBYTES(out), repeat_chunk, job);
    }
    result = (PyObject *)out;
    goto fail;  /* the common exit */
decline:
    result = Py_NewRef(Py_None);
fail:
    Py_XDECREF(counts);
    PyMem_Free(job);
    return result;
}

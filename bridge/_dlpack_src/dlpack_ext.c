/* bridge._dlpack_ext: DLPack 1.x capsules built and consumed in C.
 *
 * Export: a NumPy array (a CPU tensor's memory) becomes a DLManagedTensor(Versioned)
 * whose manager_ctx holds a strong reference to the array; the deleter drops it with
 * the GIL taken through PyGILState_Ensure (deleters may run on any thread, without the
 * GIL) and leaks it instead when the interpreter is finalizing, where taking the GIL is
 * not safe. Shape and strides live in the same malloc block as the struct, so one
 * free() releases everything.
 *
 * Import: a capsule's DLManagedTensor(Versioned) becomes a NumPy array over the same
 * memory whose base object (ImportedTensorOwner) calls the producer's deleter exactly
 * once, when the last view of the array is gone.
 *
 * Also here: 64-byte-aligned allocation (NumPy's allocator gives 16), and the DLPack
 * 1.3 C exchange table, both consumed (PyTorch offers one) and offered for bridge.Tensor.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <numpy/arrayobject.h>
#include <structmember.h> /* T_OBJECT_EX, READONLY: Tensor's slots */

#include <stdlib.h>
#include <string.h>

#include "dlpack_abi.h"

#define BRIDGE_ALIGNMENT 64

#if PY_VERSION_HEX >= 0x030D0000
#define BRIDGE_IS_FINALIZING() Py_IsFinalizing()
#else
#define BRIDGE_IS_FINALIZING() _Py_IsFinalizing()
#endif

static const char NAME_LEGACY[] = "dltensor";
static const char NAME_VERSIONED[] = "dltensor_versioned";
static const char NAME_LEGACY_USED[] = "used_dltensor";
static const char NAME_VERSIONED_USED[] = "used_dltensor_versioned";
static const char NAME_ALIGNED[] = "bridge.aligned_memory";
static const char NAME_EXCHANGE[] = "dlpack_exchange_api";
static const char NAME_WRONG[] = "bridge.not_a_dltensor"; /* crafted test capsules */

/* Counters for the tests (deleters may run without the GIL: atomic). */
static uint64_t g_exports_made = 0;
static uint64_t g_exports_freed = 0;

/* Interned strings and prebuilt keyword tuples, made at module init. */
static PyObject *s_dlpack, *s_dlpack_device, *s_exchange_api, *s_data, *s_meta,
    *s_requires_grad, *s_is_conj, *s_is_neg;
static PyObject *g_not_a_producer = NULL;
static PyObject *kw_v, *kw_v_copy, *kw_v_dev, *kw_v_dev_copy;
static PyObject *g_max_version; /* (1, 3) */
static PyObject *g_cpu_device;  /* (1, 0) */
static PyObject *g_wrap;        /* bridge._dispatch.wrap, for the exchange table */

/* ------------------------------------------------------------------ dtypes */

static int dl_dtype_of(PyArray_Descr *descr, DLDataType *out)
{
    if (!PyArray_ISNBO(descr->byteorder)) {
        return -1;
    }
    int elsize = (int)PyDataType_ELSIZE(descr);
    out->bits = (uint8_t)(elsize * 8);
    out->lanes = 1;
    switch (descr->type_num) {
    case NPY_BOOL:
        out->code = kDLBool;
        return 0;
    case NPY_BYTE: case NPY_SHORT: case NPY_INT: case NPY_LONG: case NPY_LONGLONG:
        out->code = kDLInt;
        return 0;
    case NPY_UBYTE: case NPY_USHORT: case NPY_UINT: case NPY_ULONG: case NPY_ULONGLONG:
        out->code = kDLUInt;
        return 0;
    case NPY_HALF: case NPY_FLOAT: case NPY_DOUBLE:
        out->code = kDLFloat;
        return 0;
    case NPY_CFLOAT: case NPY_CDOUBLE:
        out->code = kDLComplex;
        return 0;
    default:
        return -1; /* long double, object, strings, datetimes, structured, ... */
    }
}

/* The NumPy type number for a DLPack dtype, or -1. */
static int typenum_of(DLDataType dt)
{
    if (dt.lanes != 1) {
        return -1;
    }
    switch (dt.code) {
    case kDLInt:
        switch (dt.bits) {
        case 8: return NPY_INT8;
        case 16: return NPY_INT16;
        case 32: return NPY_INT32;
        case 64: return NPY_INT64;
        }
        return -1;
    case kDLUInt:
        switch (dt.bits) {
        case 8: return NPY_UINT8;
        case 16: return NPY_UINT16;
        case 32: return NPY_UINT32;
        case 64: return NPY_UINT64;
        }
        return -1;
    case kDLFloat:
        switch (dt.bits) {
        case 16: return NPY_FLOAT16;
        case 32: return NPY_FLOAT32;
        case 64: return NPY_FLOAT64;
        }
        return -1;
    case kDLComplex:
        switch (dt.bits) {
        case 64: return NPY_COMPLEX64;
        case 128: return NPY_COMPLEX128;
        }
        return -1;
    case kDLBool:
        return dt.bits == 8 ? NPY_BOOL : -1;
    }
    return -1;
}

static const char *dl_code_name(int code)
{
    switch (code) {
    case kDLInt: return "int";
    case kDLUInt: return "uint";
    case kDLFloat: return "float";
    case kDLOpaqueHandle: return "opaque handle";
    case kDLBfloat: return "bfloat";
    case kDLComplex: return "complex";
    case kDLBool: return "bool";
    }
    if (code >= 7 && code <= 14) return "float8";
    if (code == 15 || code == 16) return "float6";
    if (code == 17) return "float4";
    return "unknown";
}

static const char *dl_device_name(int device_type)
{
    static const char *names[] = {
        "unknown", "CPU", "CUDA", "CUDAHost", "OpenCL", "unknown", "unknown",
        "Vulkan", "Metal", "VPI", "ROCM", "ROCMHost", "ExtDev", "CUDAManaged",
        "OneAPI", "WebGPU", "Hexagon", "MAIA", "Trn"};
    if (device_type >= 0 && device_type <= kDLTrn) {
        return names[device_type];
    }
    return "unknown";
}

/* Memory the CPU can read directly (pinned host memory included). */
static int is_host_device(int device_type)
{
    return device_type == kDLCPU || device_type == kDLCUDAHost || device_type == kDLROCMHost;
}

/* ------------------------------------------------------- aligned allocation */

static void aligned_memory_free(PyObject *capsule)
{
    /* a plain free(): safe from any thread, with or without the GIL */
    free(PyCapsule_GetPointer(capsule, NAME_ALIGNED));
}

/* NumPy's data allocator, 64-byte aligned.
 *
 * NumPy (>= 1.22) lets a program install its own data allocator (a "mem_handler"
 * capsule, NEP 49). bridge installs this one so that every array NumPy allocates in
 * the importing context, hence every CPU tensor, starts on a cache line: JAX then
 * imports bridge tensors through DLPack without a copy, and SIMD loads are aligned.
 * The block keeps its own size in a header before the aligned address, because
 * realloc must copy and NumPy's free passes a size only as a hint. */

#define HEADER_BYTES 16

/* Large blocks ask the kernel for transparent huge pages, as NumPy's own default
 * allocator does (madvise(MADV_HUGEPAGE) on blocks of 4 MiB and more): replacing that
 * allocator must not drop it. The first write to a fresh mapping costs a page fault
 * per page; for an 80 MB result that is 20000 faults of 4 KiB, most of the time of a
 * simple elementwise op (measured: 48 ms to fault in 80 MB against 13 ms with huge
 * pages, where the kernel zeroes 2 MiB per fault). Where THP is "madvise" (the common
 * default) only marked ranges get them; "always" makes the call redundant, "never"
 * ignores it. NumPy's switch NUMPY_MADVISE_HUGEPAGE=0 turns it off here too. */
#if defined(__linux__)
#include <sys/mman.h>
#define HUGE_PAGE_BYTES ((uintptr_t)2 << 20)
#define HUGE_PAGE_MIN_BLOCK ((size_t)4 << 20)
static int g_huge_pages = 1; /* set when the allocator is installed */

static void advise_huge_pages(void *start, size_t size)
{
#ifdef MADV_HUGEPAGE
    if (!g_huge_pages || size < HUGE_PAGE_MIN_BLOCK) {
        return;
    }
    uintptr_t lo = ((uintptr_t)start + HUGE_PAGE_BYTES - 1) & ~(HUGE_PAGE_BYTES - 1);
    uintptr_t hi = ((uintptr_t)start + size) & ~(HUGE_PAGE_BYTES - 1);
    if (hi > lo) {
        /* advice only: a failure (THP compiled out, old kernel) changes nothing */
        (void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
    }
#else
    (void)start;
    (void)size;
#endif
}
#else
static void advise_huge_pages(void *start, size_t size)
{
    (void)start;
    (void)size;
}
#endif

/* A block of `size` bytes starting on a BRIDGE_ALIGNMENT boundary; zeroed when
 * `zeroed` (through calloc, which leaves fresh mappings untouched: np.zeros of a
 * large array costs no page faults until it is written). */
static void *aligned_block(size_t size, int zeroed)
{
    if (size > SIZE_MAX - (BRIDGE_ALIGNMENT + HEADER_BYTES)) {
        return NULL;
    }
    size_t total = size + BRIDGE_ALIGNMENT + HEADER_BYTES;
    char *raw = zeroed ? calloc(total, 1) : malloc(total);
    if (raw == NULL) {
        return NULL;
    }
    uintptr_t start = (uintptr_t)raw + HEADER_BYTES;
    uintptr_t aligned = (start + BRIDGE_ALIGNMENT - 1) & ~(uintptr_t)(BRIDGE_ALIGNMENT - 1);
    void **header = (void **)(aligned - HEADER_BYTES);
    header[0] = raw;
    header[1] = (void *)(uintptr_t)size;
    advise_huge_pages((void *)aligned, size);
    return (void *)aligned;
}

static void aligned_block_free(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    (void)size;
    if (ptr != NULL) {
        free(((void **)((char *)ptr - HEADER_BYTES))[0]);
    }
}

static void *aligned_block_malloc(void *ctx, size_t size)
{
    (void)ctx;
    return aligned_block(size, 0);
}

static void *aligned_block_calloc(void *ctx, size_t nelem, size_t elsize)
{
    (void)ctx;
    if (elsize != 0 && nelem > SIZE_MAX / elsize) {
        return NULL;
    }
    return aligned_block(nelem * elsize, 1);
}

static void *aligned_block_realloc(void *ctx, void *ptr, size_t new_size)
{
    if (ptr == NULL) {
        return aligned_block_malloc(ctx, new_size);
    }
    size_t old_size = (size_t)(uintptr_t)((void **)((char *)ptr - HEADER_BYTES))[1];
    void *fresh = aligned_block(new_size, 0);
    if (fresh == NULL) {
        return NULL; /* like realloc: the old block stays valid */
    }
    memcpy(fresh, ptr, old_size < new_size ? old_size : new_size);
    aligned_block_free(ctx, ptr, old_size);
    return fresh;
}

static PyDataMem_Handler aligned_handler = {
    "bridge_aligned_64",
    1,
    {
        NULL,
        aligned_block_malloc,
        aligned_block_calloc,
        aligned_block_realloc,
        aligned_block_free,
    },
};

static PyObject *install_aligned_allocator(PyObject *self, PyObject *noargs)
{
    (void)self;
    (void)noargs;
#if defined(__linux__)
    const char *numpy_switch = getenv("NUMPY_MADVISE_HUGEPAGE");
    g_huge_pages = !(numpy_switch && strcmp(numpy_switch, "0") == 0);
#endif
    PyObject *handler = PyCapsule_New(&aligned_handler, "mem_handler", NULL);
    if (handler == NULL) {
        return NULL;
    }
    PyObject *previous = PyDataMem_SetHandler(handler);
    Py_DECREF(handler);
    return previous; /* the handler that was in place, to restore it */
}

static PyObject *restore_allocator(PyObject *self, PyObject *handler)
{
    (void)self;
    PyObject *previous = PyDataMem_SetHandler(handler == Py_None ? NULL : handler);
    return previous;
}

/* A C-contiguous array over fresh 64-byte-aligned memory; steals `descr`. */
static PyArrayObject *aligned_empty_array(int nd, npy_intp const *dims, PyArray_Descr *descr)
{
    size_t nbytes = (size_t)PyDataType_ELSIZE(descr);
    for (int i = 0; i < nd; i++) {
        if (dims[i] < 0) {
            Py_DECREF(descr);
            PyErr_Format(PyExc_ValueError, "aligned_empty: negative dimension %zd",
                         (Py_ssize_t)dims[i]);
            return NULL;
        }
        if (dims[i] != 0 && nbytes > (size_t)PY_SSIZE_T_MAX / (size_t)dims[i]) {
            Py_DECREF(descr);
            PyErr_SetString(PyExc_MemoryError, "aligned_empty: array size overflows");
            return NULL;
        }
        nbytes *= (size_t)dims[i];
    }
    /* round up to whole 64-byte lines; never ask for 0 bytes */
    size_t rounded = (nbytes + BRIDGE_ALIGNMENT - 1) / BRIDGE_ALIGNMENT * BRIDGE_ALIGNMENT;
    if (rounded == 0) {
        rounded = BRIDGE_ALIGNMENT;
    }
    void *mem = NULL;
    if (posix_memalign(&mem, BRIDGE_ALIGNMENT, rounded) != 0) {
        Py_DECREF(descr);
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *base = PyCapsule_New(mem, NAME_ALIGNED, aligned_memory_free);
    if (base == NULL) {
        free(mem);
        Py_DECREF(descr);
        return NULL;
    }
    PyObject *arr = PyArray_NewFromDescr(&PyArray_Type, descr, nd, (npy_intp *)dims, NULL,
                                         mem, NPY_ARRAY_CARRAY, NULL);
    if (arr == NULL) {
        Py_DECREF(base);
        return NULL;
    }
    if (PyArray_SetBaseObject((PyArrayObject *)arr, base) < 0) { /* steals base */
        Py_DECREF(arr);
        return NULL;
    }
    return (PyArrayObject *)arr;
}

/* A C-contiguous, 64-byte-aligned copy of `src`. */
static PyArrayObject *aligned_copy(PyArrayObject *src)
{
    PyArray_Descr *descr = PyArray_DESCR(src);
    Py_INCREF(descr);
    PyArrayObject *dst = aligned_empty_array(PyArray_NDIM(src), PyArray_DIMS(src), descr);
    if (dst == NULL) {
        return NULL;
    }
    if (PyArray_CopyInto(dst, src) < 0) {
        Py_DECREF(dst);
        return NULL;
    }
    return dst;
}

/* ------------------------------------------------------------------ export */

/* Drop the producer's reference. Deleters run on any thread, maybe without the GIL,
 * maybe while the interpreter shuts down: there the reference is leaked on purpose
 * (the process is exiting; touching Python objects then can crash). */
static void release_manager_ctx(PyObject *owner)
{
    if (owner == NULL) {
        return;
    }
    if (!Py_IsInitialized() || BRIDGE_IS_FINALIZING()) {
        return;
    }
    PyGILState_STATE gil = PyGILState_Ensure();
    Py_DECREF(owner);
    PyGILState_Release(gil);
}

static void export_deleter_versioned(DLManagedTensorVersioned *self)
{
    if (self == NULL) {
        return;
    }
    PyObject *owner = (PyObject *)self->manager_ctx;
    self->manager_ctx = NULL;
    release_manager_ctx(owner);
    free(self);
    __atomic_add_fetch(&g_exports_freed, 1, __ATOMIC_RELAXED);
}

static void export_deleter_legacy(DLManagedTensor *self)
{
    if (self == NULL) {
        return;
    }
    PyObject *owner = (PyObject *)self->manager_ctx;
    self->manager_ctx = NULL;
    release_manager_ctx(owner);
    free(self);
    __atomic_add_fetch(&g_exports_freed, 1, __ATOMIC_RELAXED);
}

/* Capsule destructors: the deleter runs only if no consumer took the capsule
 * (a consumer renames it to used_* and becomes responsible for the deleter). */
static void capsule_destructor_versioned(PyObject *capsule)
{
    if (!PyCapsule_IsValid(capsule, NAME_VERSIONED)) {
        return;
    }
    DLManagedTensorVersioned *managed = PyCapsule_GetPointer(capsule, NAME_VERSIONED);
    if (managed != NULL && managed->deleter != NULL) {
        managed->deleter(managed);
    }
}

static void capsule_destructor_legacy(PyObject *capsule)
{
    if (!PyCapsule_IsValid(capsule, NAME_LEGACY)) {
        return;
    }
    DLManagedTensor *managed = PyCapsule_GetPointer(capsule, NAME_LEGACY);
    if (managed != NULL && managed->deleter != NULL) {
        managed->deleter(managed);
    }
}

/* Why `arr` cannot be exported as it is, or NULL when it can. */
static const char *copy_reason(PyArrayObject *arr, int versioned)
{
    int nd = PyArray_NDIM(arr);
    npy_intp const *dims = PyArray_DIMS(arr);
    npy_intp const *strides = PyArray_STRIDES(arr);
    npy_intp itemsize = PyArray_ITEMSIZE(arr);
    if (PyArray_SIZE(arr) != 0) {
        for (int i = 0; i < nd; i++) {
            if (dims[i] <= 1) {
                continue; /* the stride of a length-1 axis is never used */
            }
            if (strides[i] % itemsize != 0) {
                return "strides that are not a multiple of the item size";
            }
            if (strides[i] < 0) {
                /* legal DLPack, but PyTorch (<= 2.13) aborts the process on them */
                return "negative strides, which some consumers (PyTorch) cannot import";
            }
        }
    }
    if (!versioned && !PyArray_ISWRITEABLE(arr)) {
        return "read-only memory, which a legacy (unversioned) capsule cannot mark READ_ONLY";
    }
    return NULL;
}

/* A managed tensor over `arr` (which it keeps alive); NULL with an exception set. */
static void *build_managed(PyArrayObject *arr, int versioned, uint64_t flags)
{
    DLDataType dtype;
    if (dl_dtype_of(PyArray_DESCR(arr), &dtype) < 0) {
        PyErr_Format(PyExc_BufferError,
                     "__dlpack__: dtype %R has no DLPack equivalent; bridge exports bool, "
                     "int8-64, uint8-64, float16/32/64 and complex64/128 in native byte order",
                     (PyObject *)PyArray_DESCR(arr));
        return NULL;
    }
    int nd = PyArray_NDIM(arr);
    size_t head = versioned ? sizeof(DLManagedTensorVersioned) : sizeof(DLManagedTensor);
    char *block = malloc(head + 2 * (size_t)nd * sizeof(int64_t) + sizeof(int64_t));
    if (block == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    int64_t *shape = (int64_t *)(block + head);
    int64_t *strides = shape + nd;
    npy_intp const *dims = PyArray_DIMS(arr);
    npy_intp const *byte_strides = PyArray_STRIDES(arr);
    npy_intp itemsize = PyArray_ITEMSIZE(arr);
    int empty = PyArray_SIZE(arr) == 0;
    /* strides are always filled (DLPack >= 1.2); axes of length <= 1, and every axis of
     * an empty array, get the C-contiguous stride so no consumer sees a meaningless
     * negative or odd value there */
    int64_t contiguous = 1;
    for (int i = nd - 1; i >= 0; i--) {
        shape[i] = (int64_t)dims[i];
        if (empty || dims[i] <= 1) {
            strides[i] = contiguous;
        }
        else {
            strides[i] = (int64_t)(byte_strides[i] / itemsize);
        }
        contiguous *= dims[i] > 1 ? (int64_t)dims[i] : 1;
    }
    DLTensor *tensor;
    if (versioned) {
        DLManagedTensorVersioned *managed = (DLManagedTensorVersioned *)block;
        managed->version.major = BRIDGE_DLPACK_MAJOR;
        managed->version.minor = BRIDGE_DLPACK_MINOR;
        managed->manager_ctx = arr;
        managed->deleter = export_deleter_versioned;
        managed->flags = flags;
        tensor = &managed->dl_tensor;
    }
    else {
        DLManagedTensor *managed = (DLManagedTensor *)block;
        managed->manager_ctx = arr;
        managed->deleter = export_deleter_legacy;
        tensor = &managed->dl_tensor;
    }
    tensor->data = PyArray_DATA(arr);
    tensor->device.device_type = kDLCPU;
    tensor->device.device_id = 0;
    tensor->ndim = nd;
    tensor->dtype = dtype;
    tensor->shape = shape;
    tensor->strides = strides;
    tensor->byte_offset = 0;
    Py_INCREF(arr);
    __atomic_add_fetch(&g_exports_made, 1, __ATOMIC_RELAXED);
    return block;
}

/* copy: -1 None, 0 False, 1 True. Returns a managed tensor or NULL with an exception. */
static void *export_core(PyArrayObject *arr, int versioned, int copy, const char *func)
{
    const char *reason = copy_reason(arr, versioned);
    if (reason != NULL && copy == 0) {
        PyErr_Format(PyExc_BufferError,
                     "%s: copy=False, but exporting this tensor needs a copy: it has %s",
                     func, reason);
        return NULL;
    }
    if (copy == 1 || reason != NULL) {
        PyArrayObject *copied = aligned_copy(arr);
        if (copied == NULL) {
            return NULL;
        }
        void *managed = build_managed(copied, versioned,
                                      versioned ? DLPACK_FLAG_BITMASK_IS_COPIED : 0);
        Py_DECREF(copied); /* the managed tensor holds its own reference */
        return managed;
    }
    uint64_t flags = 0;
    if (versioned && !PyArray_ISWRITEABLE(arr)) {
        flags |= DLPACK_FLAG_BITMASK_READ_ONLY;
    }
    return build_managed(arr, versioned, flags);
}

static int parse_copy(PyObject *copy, const char *func)
{
    if (copy == Py_None) return -1;
    if (copy == Py_True) return 1;
    if (copy == Py_False) return 0;
    PyErr_Format(PyExc_TypeError, "%s: copy must be True, False or None, not %R", func, copy);
    return -2;
}

/* A Python (int, int) pair; -1 with TypeError naming `what` otherwise. */
static int parse_int_pair(PyObject *obj, long *first, long *second, const char *func,
                          const char *what)
{
    if (!PyTuple_Check(obj) || PyTuple_GET_SIZE(obj) != 2) {
        PyErr_Format(PyExc_TypeError, "%s: %s must be a tuple of two integers, not %R", func,
                     what, obj);
        return -1;
    }
    *first = PyLong_AsLong(PyTuple_GET_ITEM(obj, 0));
    if (*first == -1 && PyErr_Occurred()) {
        goto bad;
    }
    *second = PyLong_AsLong(PyTuple_GET_ITEM(obj, 1));
    if (*second == -1 && PyErr_Occurred()) {
        goto bad;
    }
    return 0;
bad:
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "%s: %s must be a tuple of two integers, not %R", func,
                 what, obj);
    return -1;
}

/* export_ndarray(arr, stream, max_version, dl_device, copy) -> PyCapsule */
static PyObject *export_ndarray(PyObject *Py_UNUSED(module), PyObject *const *args,
                                Py_ssize_t nargs)
{
    static const char func[] = "Tensor.__dlpack__";
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "export_ndarray takes 5 positional arguments");
        return NULL;
    }
    if (!PyArray_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "%s: expected a numpy.ndarray, got %s", func,
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    PyArrayObject *arr = (PyArrayObject *)args[0];
    PyObject *stream = args[1], *max_version = args[2], *dl_device = args[3];
    if (stream != Py_None) {
        PyErr_Format(PyExc_ValueError,
                     "%s: stream=%R is not valid for a CPU tensor; the CPU has no streams, "
                     "so only stream=None is accepted",
                     func, stream);
        return NULL;
    }
    int versioned = 0;
    if (max_version != Py_None) {
        long major, minor;
        if (parse_int_pair(max_version, &major, &minor, func, "max_version") < 0) {
            return NULL;
        }
        versioned = major >= 1;
    }
    if (dl_device != Py_None) {
        long device_type, device_id;
        if (parse_int_pair(dl_device, &device_type, &device_id, func, "dl_device") < 0) {
            return NULL;
        }
        if (device_type != kDLCPU || device_id != 0) {
            PyErr_Format(PyExc_BufferError,
                         "%s: dl_device=(%ld, %ld) (%s) is not reachable from a CPU tensor; "
                         "bridge exports CPU tensors only to the CPU, (1, 0)",
                         func, device_type, device_id, dl_device_name((int)device_type));
            return NULL;
        }
    }
    int copy = parse_copy(args[4], func);
    if (copy == -2) {
        return NULL;
    }
    void *managed = export_core(arr, versioned, copy, func);
    if (managed == NULL) {
        return NULL;
    }
    PyObject *capsule;
    if (versioned) {
        capsule = PyCapsule_New(managed, NAME_VERSIONED, capsule_destructor_versioned);
        if (capsule == NULL) {
            export_deleter_versioned(managed);
        }
    }
    else {
        capsule = PyCapsule_New(managed, NAME_LEGACY, capsule_destructor_legacy);
        if (capsule == NULL) {
            export_deleter_legacy(managed);
        }
    }
    return capsule;
}

/* ------------------------------------------------------- bridge.Tensor in C
 *
 * Tensor.__dlpack__ and __dlpack_device__ run on every exchange (PyTorch and NumPy call
 * both), and bridge.from_dlpack on every import: a Python frame costs about as much as
 * the whole capsule. So they are C: the two methods are method descriptors on the
 * Tensor class (called like NumPy's own methods, no bound-method object), and the
 * Tensor's two slots are read and written at their offsets, found once from the class's
 * member descriptors by bind_tensor. Tensors whose memory is not a NumPy array (GPU)
 * go to the Python versions in bridge/_dlpack.py, registered there. */

static PyTypeObject *g_tensor_type = NULL;
static Py_ssize_t g_data_offset = -1, g_meta_offset = -1;
static PyObject *g_export_fallback = NULL;      /* _dlpack._export_python */
static PyObject *g_device_fallback = NULL;      /* _dlpack._device_tuple_python */
static PyObject *g_from_dlpack_fallback = NULL; /* _dlpack._from_dlpack_python_entry */
static PyObject *g_import_fallback = NULL;      /* _dlpack._from_dlpack_python */
static PyObject *s_stream, *s_max_version, *s_dl_device, *s_copy, *s_device;

/* The offset of `type`'s __slots__ member `name`, checked to be an object slot. */
static int slot_offset(PyTypeObject *type, const char *name, Py_ssize_t *out)
{
    PyObject *key = PyUnicode_FromString(name);
    if (key == NULL) {
        return -1;
    }
    PyObject *descr = _PyType_Lookup(type, key); /* borrowed; found through the MRO */
    Py_DECREF(key);
    if (descr == NULL || !Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        PyErr_Format(PyExc_TypeError, "bind_tensor: %s.%s is not a __slots__ member",
                     type->tp_name, name);
        return -1;
    }
    PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
    if (member->type != T_OBJECT_EX || (member->flags & READONLY)) {
        PyErr_Format(PyExc_TypeError, "bind_tensor: %s.%s is not a writable object slot",
                     type->tp_name, name);
        return -1;
    }
    *out = member->offset;
    return 0;
}

/* 1 when `obj` is a bridge.Tensor (or a subclass: same slot layout). */
static inline int is_tensor(PyObject *obj)
{
    return g_tensor_type != NULL && PyObject_TypeCheck(obj, g_tensor_type);
}

/* A Tensor's slot (borrowed), or NULL with AttributeError when it was never set. */
static inline PyObject *tensor_slot(PyObject *tensor, Py_ssize_t offset, const char *name)
{
    PyObject *value = *(PyObject **)((char *)tensor + offset);
    if (value == NULL) {
        PyErr_Format(PyExc_AttributeError, "'%s' object has no attribute '%s'",
                     Py_TYPE(tensor)->tp_name, name);
    }
    return value;
}

/* A new bridge.Tensor over ndarray `arr` (reference stolen), as _dispatch.wrap builds
 * one: object.__new__(Tensor), _data = arr, _meta = None. */
static PyObject *new_tensor(PyObject *arr)
{
    if (arr == NULL) {
        return NULL;
    }
    if (g_tensor_type == NULL) {
        if (g_wrap == NULL) {
            return arr; /* bridge not wired yet: the plain ndarray */
        }
        PyObject *tensor = PyObject_CallOneArg(g_wrap, arr);
        Py_DECREF(arr);
        return tensor;
    }
    /* tp_alloc zero-fills (slots NULL, which the GC traverses safely) and takes the
     * reference to the heap type that every instance holds */
    PyObject *tensor = g_tensor_type->tp_alloc(g_tensor_type, 0);
    if (tensor == NULL) {
        Py_DECREF(arr);
        return NULL;
    }
    *(PyObject **)((char *)tensor + g_data_offset) = arr;
    *(PyObject **)((char *)tensor + g_meta_offset) = Py_NewRef(Py_None);
    return tensor;
}

/* BufferError when the tensor's autograd record says it requires grad (0 otherwise);
 * `meta` is the _meta slot. A record without requires_grad does not require grad. */
static int refuse_requires_grad(PyObject *meta, const char *func)
{
    if (meta == Py_None) {
        return 0;
    }
    PyObject *requires_grad = PyObject_GetAttr(meta, s_requires_grad);
    if (requires_grad == NULL) {
        PyErr_Clear();
        return 0;
    }
    int needs_grad = PyObject_IsTrue(requires_grad);
    Py_DECREF(requires_grad);
    if (needs_grad > 0) {
        PyErr_Format(PyExc_BufferError,
                     "%s: cannot export a tensor that requires grad; call .detach() first "
                     "(the consumer could not see gradients flow back)",
                     func);
        return -1;
    }
    return needs_grad; /* 0, or -1 with the error of __bool__ */
}

/* The CPU array behind a bridge Tensor (new reference), refusing tensors that require
 * grad; BufferError when its memory is not a NumPy array. */
static PyArrayObject *tensor_ndarray(PyObject *tensor, const char *func)
{
    PyObject *meta, *data;
    if (!is_tensor(tensor)) {
        PyErr_Format(PyExc_TypeError, "%s: expected a bridge.Tensor, got %s", func,
                     Py_TYPE(tensor)->tp_name);
        return NULL;
    }
    if ((meta = tensor_slot(tensor, g_meta_offset, "_meta")) == NULL ||
        refuse_requires_grad(meta, func) < 0 ||
        (data = tensor_slot(tensor, g_data_offset, "_data")) == NULL) {
        return NULL;
    }
    if (!PyArray_Check(data)) {
        PyErr_Format(PyExc_BufferError,
                     "%s: the tensor's memory (%s) is not on the CPU; the exchange table "
                     "serves CPU tensors, use __dlpack__ for others",
                     func, Py_TYPE(data)->tp_name);
        return NULL;
    }
    return (PyArrayObject *)Py_NewRef(data);
}

/* Match vectorcall keywords against `names`: values[i] gets the argument named
 * names[i]; TypeError naming `func` for an unknown or repeated keyword. */
static int parse_keywords(PyObject *const *kwvalues, PyObject *kwnames, PyObject **names,
                          int n, PyObject **values, const char *func)
{
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, i);
        int slot = -1;
        for (int j = 0; j < n && slot < 0; j++) {
            if (key == names[j]) {
                slot = j;
            }
        }
        for (int j = 0; j < n && slot < 0; j++) { /* not interned by the caller */
            if (PyUnicode_Compare(key, names[j]) == 0) {
                slot = j;
            }
        }
        if (slot < 0) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument %R",
                             func, key);
            }
            return -1;
        }
        if (values[slot] != NULL) {
            PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument %R", func,
                         key);
            return -1;
        }
        values[slot] = kwvalues[i];
    }
    for (int j = 0; j < n; j++) {
        if (values[j] == NULL) {
            values[j] = Py_None;
        }
    }
    return 0;
}

/* Tensor.__dlpack__(self, /, *, stream=None, max_version=None, dl_device=None, copy=None)
 * as a METH_FASTCALL | METH_KEYWORDS method (self comes separately). */
static PyObject *tensor_dlpack(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char func[] = "Tensor.__dlpack__";
    if (nargs != 0) {
        PyErr_Format(PyExc_TypeError,
                     "%s() takes keyword arguments only (stream, max_version, dl_device, "
                     "copy), got %zd positional",
                     func, nargs);
        return NULL;
    }
    PyObject *names[4] = {s_stream, s_max_version, s_dl_device, s_copy};
    PyObject *values[4] = {NULL, NULL, NULL, NULL};
    if (parse_keywords(args, kwnames, names, 4, values, func) < 0) {
        return NULL;
    }
    PyObject *meta = tensor_slot(self, g_meta_offset, "_meta");
    PyObject *data = tensor_slot(self, g_data_offset, "_data");
    if (meta == NULL || data == NULL) {
        return NULL;
    }
    if (!PyArray_Check(data)) {
        /* a GPU tensor: its backend implements the CUDA stream semantics */
        PyObject *stack[5] = {self, NULL, NULL, NULL, NULL};
        Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
        for (Py_ssize_t i = 0; i < nkw; i++) {
            stack[1 + i] = args[i]; /* at most 4: parse_keywords refused repeats */
        }
        return PyObject_Vectorcall(g_export_fallback, stack, 1, kwnames);
    }
    if (refuse_requires_grad(meta, func) < 0) {
        return NULL;
    }
    PyObject *call[5] = {data, values[0], values[1], values[2], values[3]};
    return export_ndarray(NULL, call, 5);
}

/* Tensor.__dlpack_device__(self, /) -> (1, 0) for CPU tensors */
static PyObject *tensor_dlpack_device(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *data = tensor_slot(self, g_data_offset, "_data");
    if (data == NULL) {
        return NULL;
    }
    if (PyArray_Check(data)) {
        return Py_NewRef(g_cpu_device);
    }
    return PyObject_CallOneArg(g_device_fallback, self);
}

static PyMethodDef tensor_dlpack_def = {
    "__dlpack__", (PyCFunction)(void (*)(void))tensor_dlpack, METH_FASTCALL | METH_KEYWORDS,
    "__dlpack__($self, /, *, stream=None, max_version=None, dl_device=None, copy=None)\n--\n\n"
    "A DLPack capsule over this tensor's memory: legacy \"dltensor\" for max_version=None,\n"
    "versioned for (1, x) or newer. copy=True copies (IS_COPIED), copy=False never does\n"
    "(BufferError where a copy is needed: negative strides). dl_device=(1, 0) asks for\n"
    "host memory. On the CPU only stream=None is valid. A tensor that requires grad is\n"
    "refused (BufferError)."};

static PyMethodDef tensor_dlpack_device_def = {
    "__dlpack_device__", tensor_dlpack_device, METH_NOARGS,
    "__dlpack_device__($self, /)\n--\n\n(device_type, device_id) of this tensor's memory, "
    "DLPack's codes: (1, 0) for the CPU, (2, N) for cuda:N."};

/* bind_tensor(Tensor, export, device_tuple, from_dlpack, import_gpu)
 *     -> (__dlpack__, __dlpack_device__)
 * Learns the Tensor type's slot layout, registers the Python paths (export and
 * device_tuple for GPU tensors; from_dlpack for device=... and GPU tensors; import_gpu
 * (x, None, copy) for GPU producers) and returns the two C methods for the class. */
static PyObject *bind_tensor(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *type, *export_fn, *device_fn, *from_dlpack_fn, *import_fn;
    if (!PyArg_ParseTuple(args, "O!OOOO", &PyType_Type, &type, &export_fn, &device_fn,
                          &from_dlpack_fn, &import_fn)) {
        return NULL;
    }
    PyTypeObject *tensor_type = (PyTypeObject *)type;
    Py_ssize_t data_offset, meta_offset;
    if (slot_offset(tensor_type, "_data", &data_offset) < 0 ||
        slot_offset(tensor_type, "_meta", &meta_offset) < 0) {
        return NULL;
    }
    PyObject *dlpack = PyDescr_NewMethod(tensor_type, &tensor_dlpack_def);
    PyObject *dlpack_device = PyDescr_NewMethod(tensor_type, &tensor_dlpack_device_def);
    if (dlpack == NULL || dlpack_device == NULL) {
        Py_XDECREF(dlpack);
        Py_XDECREF(dlpack_device);
        return NULL;
    }
    Py_XSETREF(g_tensor_type, (PyTypeObject *)Py_NewRef(type));
    g_data_offset = data_offset;
    g_meta_offset = meta_offset;
    Py_XSETREF(g_export_fallback, Py_NewRef(export_fn));
    Py_XSETREF(g_device_fallback, Py_NewRef(device_fn));
    Py_XSETREF(g_from_dlpack_fallback, Py_NewRef(from_dlpack_fn));
    Py_XSETREF(g_import_fallback, Py_NewRef(import_fn));
    return Py_BuildValue("(NN)", dlpack, dlpack_device);
}

/* ------------------------------------------------------------------ import */

/* The base object of an imported array: owns the managed tensor, calls its deleter
 * exactly once when the array (and every view of it) is gone. */
typedef struct {
    PyObject_HEAD
    void *managed;
    int versioned;
} ImportedTensorOwner;

static void owner_call_deleter(void *managed, int versioned)
{
    if (managed == NULL) {
        return;
    }
    if (versioned) {
        DLManagedTensorVersioned *m = managed;
        if (m->deleter != NULL) {
            m->deleter(m);
        }
    }
    else {
        DLManagedTensor *m = managed;
        if (m->deleter != NULL) {
            m->deleter(m);
        }
    }
}

static void owner_dealloc(ImportedTensorOwner *self)
{
    void *managed = self->managed;
    self->managed = NULL;
    owner_call_deleter(managed, self->versioned);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject ImportedTensorOwnerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "bridge._dlpack_ext.ImportedTensorOwner",
    .tp_doc = "Keeps memory imported through DLPack alive; calls the producer's deleter "
              "once when freed.",
    .tp_basicsize = sizeof(ImportedTensorOwner),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = (destructor)owner_dealloc,
};

/* Check a managed tensor; 0 when bridge can wrap it, -1 with BufferError otherwise.
 * Reads nothing but the version when the major version is not 1. */
static int check_managed(void *managed, int versioned, int *typenum_out, const char *func)
{
    DLTensor *t;
    if (versioned) {
        DLManagedTensorVersioned *m = managed;
        if (m->version.major != BRIDGE_DLPACK_MAJOR) {
            PyErr_Format(PyExc_BufferError,
                         "%s: the producer sent DLPack version %u.%u; bridge reads major "
                         "version 1 only",
                         func, (unsigned)m->version.major, (unsigned)m->version.minor);
            return -1;
        }
        t = &m->dl_tensor;
    }
    else {
        t = &((DLManagedTensor *)managed)->dl_tensor;
    }
    if (!is_host_device(t->device.device_type)) {
        PyErr_Format(PyExc_BufferError,
                     "%s: DLPack device type %d (%s) is not readable from the CPU; bridge "
                     "imports CPU, CUDAHost and ROCMHost memory here (GPU tensors go through "
                     "the CuPy backend)",
                     func, (int)t->device.device_type, dl_device_name(t->device.device_type));
        return -1;
    }
    int typenum = typenum_of(t->dtype);
    if (typenum < 0) {
        PyErr_Format(PyExc_BufferError,
                     "%s: DLPack dtype code %d (%s), bits %d, lanes %d is not supported; "
                     "bridge imports bool, int8-64, uint8-64, float16/32/64 and "
                     "complex64/128",
                     func, (int)t->dtype.code, dl_code_name(t->dtype.code),
                     (int)t->dtype.bits, (int)t->dtype.lanes);
        return -1;
    }
    if (t->ndim < 0 || t->ndim > NPY_MAXDIMS) {
        PyErr_Format(PyExc_BufferError, "%s: DLPack ndim %d is outside 0..%d", func,
                     (int)t->ndim, NPY_MAXDIMS);
        return -1;
    }
    if (t->ndim > 0 && t->shape == NULL) {
        PyErr_Format(PyExc_BufferError, "%s: DLPack tensor of ndim %d has a NULL shape",
                     func, (int)t->ndim);
        return -1;
    }
    int64_t size = 1;
    int64_t itemsize = t->dtype.bits / 8;
    for (int i = 0; i < t->ndim; i++) {
        if (t->shape[i] < 0) {
            PyErr_Format(PyExc_BufferError, "%s: DLPack shape[%d] = %lld is negative", func,
                         i, (long long)t->shape[i]);
            return -1;
        }
        if (__builtin_mul_overflow(size, t->shape[i], &size)) {
            PyErr_Format(PyExc_BufferError, "%s: DLPack shape overflows", func);
            return -1;
        }
        if (t->strides != NULL) {
            int64_t bytes;
            if (__builtin_mul_overflow(t->strides[i], itemsize, &bytes)) {
                PyErr_Format(PyExc_BufferError, "%s: DLPack strides[%d] overflows", func, i);
                return -1;
            }
        }
    }
    if (__builtin_mul_overflow(size, itemsize, &size)) {
        PyErr_Format(PyExc_BufferError, "%s: DLPack tensor size overflows", func);
        return -1;
    }
    if (t->data == NULL && size != 0) {
        PyErr_Format(PyExc_BufferError, "%s: DLPack tensor of %lld bytes has NULL data",
                     func, (long long)size);
        return -1;
    }
    *typenum_out = typenum;
    return 0;
}

/* float16 is a DLPack dtype but not a bridge one (the standard has none): it imports
 * only as a float32 copy, and only when a copy was asked for. */
static int check_bridge_dtype(int typenum, int copy, const char *func)
{
    if (typenum == NPY_FLOAT16 && copy != 1) {
        PyErr_Format(PyExc_BufferError,
                     "%s: DLPack dtype code 2 (float), bits 16 (float16) is not a bridge "
                     "dtype; pass copy=True to import it as a float32 copy",
                     func);
        return -1;
    }
    return 0;
}

/* Any valid pointer for arrays of size 0 whose producer sent data == NULL. */
static _Alignas(BRIDGE_ALIGNMENT) char g_empty_data[BRIDGE_ALIGNMENT];

/* Wrap a checked managed tensor as an ndarray. Ownership of `managed` passes to the
 * result's base object; on failure the deleter has been called. */
static PyObject *wrap_managed(void *managed, int versioned, int typenum, int copy)
{
    DLTensor *t;
    uint64_t flags = 0;
    if (versioned) {
        DLManagedTensorVersioned *m = managed;
        t = &m->dl_tensor;
        flags = m->flags;
    }
    else {
        t = &((DLManagedTensor *)managed)->dl_tensor;
    }
    ImportedTensorOwner *owner = PyObject_New(ImportedTensorOwner, &ImportedTensorOwnerType);
    if (owner == NULL) {
        owner_call_deleter(managed, versioned);
        return NULL;
    }
    owner->managed = managed;
    owner->versioned = versioned;

    int nd = t->ndim;
    npy_intp dims[NPY_MAXDIMS];
    npy_intp strides[NPY_MAXDIMS];
    PyArray_Descr *descr = PyArray_DescrFromType(typenum);
    npy_intp itemsize = PyDataType_ELSIZE(descr);
    int64_t size = 1;
    for (int i = 0; i < nd; i++) {
        dims[i] = (npy_intp)t->shape[i];
        size *= t->shape[i];
    }
    if (t->strides != NULL) {
        for (int i = 0; i < nd; i++) {
            strides[i] = (npy_intp)t->strides[i] * itemsize;
        }
    }
    else { /* pre-1.2 producers: NULL strides mean C-contiguous */
        npy_intp step = itemsize;
        for (int i = nd - 1; i >= 0; i--) {
            strides[i] = step;
            step *= dims[i] > 1 ? dims[i] : 1;
        }
    }
    char *data = (char *)t->data;
    if (data == NULL) {
        data = g_empty_data; /* size 0: never read or written */
    }
    else {
        data += t->byte_offset;
    }
    /* a legacy capsule cannot say whether its memory may be written (JAX, its main
     * producer now, exports immutable buffers): read-only, as NumPy decides too */
    int writeable = versioned && !(flags & DLPACK_FLAG_BITMASK_READ_ONLY);
    int array_flags = writeable ? NPY_ARRAY_WRITEABLE : 0;
    if (size == 0 && t->data == NULL) {
        array_flags = 0; /* the placeholder buffer must never be written */
    }
    PyObject *arr = PyArray_NewFromDescr(&PyArray_Type, descr, nd, dims, strides, data,
                                         array_flags, NULL);
    if (arr == NULL) {
        Py_DECREF(owner);
        return NULL;
    }
    if (PyArray_SetBaseObject((PyArrayObject *)arr, (PyObject *)owner) < 0) {
        Py_DECREF(arr);
        return NULL;
    }
    if (typenum == NPY_FLOAT16) { /* copy == 1 here: widen, as bridge.asarray does */
        PyArrayObject *widened =
            aligned_empty_array(nd, dims, PyArray_DescrFromType(NPY_FLOAT32));
        if (widened != NULL && PyArray_CopyInto(widened, (PyArrayObject *)arr) < 0) {
            Py_CLEAR(widened);
        }
        Py_DECREF(arr);
        return (PyObject *)widened;
    }
    if (copy == 1 && !(flags & DLPACK_FLAG_BITMASK_IS_COPIED)) {
        PyArrayObject *copied = aligned_copy((PyArrayObject *)arr);
        Py_DECREF(arr);
        return (PyObject *)copied;
    }
    return arr;
}

/* Consume a DLPack capsule into an ndarray. On a check failure the capsule is left
 * unconsumed, so its own destructor calls the producer's deleter. */
static PyObject *import_capsule_core(PyObject *capsule, int copy, const char *func)
{
    if (!PyCapsule_CheckExact(capsule)) {
        PyErr_Format(PyExc_TypeError, "%s: __dlpack__ returned %s, not a PyCapsule", func,
                     Py_TYPE(capsule)->tp_name);
        return NULL;
    }
    const char *name = PyCapsule_GetName(capsule);
    if (name == NULL && PyErr_Occurred()) {
        return NULL;
    }
    int versioned;
    const char *used_name;
    if (name != NULL && strcmp(name, NAME_VERSIONED) == 0) {
        versioned = 1;
        used_name = NAME_VERSIONED_USED;
    }
    else if (name != NULL && strcmp(name, NAME_LEGACY) == 0) {
        versioned = 0;
        used_name = NAME_LEGACY_USED;
    }
    else if (name != NULL &&
             (strcmp(name, NAME_VERSIONED_USED) == 0 || strcmp(name, NAME_LEGACY_USED) == 0)) {
        PyErr_Format(PyExc_BufferError,
                     "%s: this DLPack capsule (%s) was already consumed; a capsule can be "
                     "imported once; call __dlpack__ again for a new one",
                     func, name);
        return NULL;
    }
    else {
        PyErr_Format(PyExc_BufferError,
                     "%s: capsule named %s is not a DLPack tensor; expected 'dltensor' or "
                     "'dltensor_versioned'",
                     func, name == NULL ? "NULL" : name);
        return NULL;
    }
    void *managed = PyCapsule_GetPointer(capsule, name);
    if (managed == NULL) {
        return NULL;
    }
    int typenum;
    if (check_managed(managed, versioned, &typenum, func) < 0 ||
        check_bridge_dtype(typenum, copy, func) < 0) {
        return NULL;
    }
    /* from here on bridge owns the managed tensor */
    if (PyCapsule_SetName(capsule, used_name) < 0) {
        return NULL;
    }
    return wrap_managed(managed, versioned, typenum, copy);
}

/* import_capsule(capsule, copy) -> ndarray */
static PyObject *import_capsule(PyObject *Py_UNUSED(module), PyObject *const *args,
                                Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "import_capsule takes 2 positional arguments");
        return NULL;
    }
    int copy = parse_copy(args[1], "from_dlpack");
    if (copy == -2) {
        return NULL;
    }
    return import_capsule_core(args[0], copy, "from_dlpack");
}

/* ------------------------------------------------ exchange table: consumer */

#define EXCHANGE_CACHE_SIZE 8
static struct {
    PyTypeObject *type; /* strong reference, so the address is never reused */
    const DLPackExchangeAPI *api;
    int has_autograd_state; /* the type has requires_grad and is_conj (PyTorch does) */
} g_exchange_cache[EXCHANGE_CACHE_SIZE];
static int g_exchange_cache_next = 0;

/* The producer type's DLPack 1.x exchange table, or NULL (no error) when it has none. */
static const DLPackExchangeAPI *exchange_api_of(PyTypeObject *type, int *has_autograd_state)
{
    for (int i = 0; i < EXCHANGE_CACHE_SIZE; i++) {
        if (g_exchange_cache[i].type == type) {
            if (has_autograd_state != NULL) {
                *has_autograd_state = g_exchange_cache[i].has_autograd_state;
            }
            return g_exchange_cache[i].api;
        }
    }
    int autograd_state = _PyType_Lookup(type, s_requires_grad) != NULL &&
                         _PyType_Lookup(type, s_is_conj) != NULL;
    if (has_autograd_state != NULL) {
        *has_autograd_state = autograd_state;
    }
    const DLPackExchangeAPI *api = NULL;
    PyObject *capsule = _PyType_Lookup(type, s_exchange_api); /* borrowed */
    if (capsule != NULL && PyCapsule_IsValid(capsule, NAME_EXCHANGE)) {
        const DLPackExchangeAPI *candidate = PyCapsule_GetPointer(capsule, NAME_EXCHANGE);
        if (candidate != NULL && candidate->header.version.major == BRIDGE_DLPACK_MAJOR &&
            candidate->managed_tensor_from_py_object_no_sync != NULL) {
            api = candidate;
        }
    }
    int slot = g_exchange_cache_next;
    g_exchange_cache_next = (slot + 1) % EXCHANGE_CACHE_SIZE;
    Py_XDECREF(g_exchange_cache[slot].type);
    Py_INCREF(type);
    g_exchange_cache[slot].type = type;
    g_exchange_cache[slot].api = api;
    g_exchange_cache[slot].has_autograd_state = autograd_state;
    return api;
}

/* bool(x.<name>), calling it first when `call`: 1, 0, or -1 with an exception. */
static int producer_flag(PyObject *x, PyObject *name, int call)
{
    PyObject *value = call ? PyObject_CallMethodNoArgs(x, name) : PyObject_GetAttr(x, name);
    if (value == NULL) {
        return -1;
    }
    int flag = PyObject_IsTrue(value);
    Py_DECREF(value);
    return flag;
}

/* A producer's (device_type, device_id), or device_type -1 when it has no
 * __dlpack_device__ (the capsule's own device field decides then). */
static int producer_device(PyObject *x, int *device_type, const char *func)
{
    if (PyArray_CheckExact(x)) {
        *device_type = kDLCPU;
        return 0;
    }
    PyObject *device = PyObject_CallMethodNoArgs(x, s_dlpack_device);
    if (device == NULL) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            *device_type = -1;
            return 0;
        }
        return -1;
    }
    long type, id;
    int rc = parse_int_pair(device, &type, &id, func, "__dlpack_device__()");
    Py_DECREF(device);
    if (rc < 0) {
        return -1;
    }
    if (type < 1 || type > INT_MAX || id < 0) {
        PyErr_Format(PyExc_BufferError,
                     "%s: %s.__dlpack_device__() returned (%ld, %ld), which is not a DLPack "
                     "device (the type is a positive DLDeviceType, the id non-negative)",
                     func, Py_TYPE(x)->tp_name, type, id);
        return -1;
    }
    *device_type = (int)type;
    return 0;
}

/* The is_neg method of a producer type (PyTorch's tensors), or NULL: the last type
 * asked about is remembered (its method with it) */
static PyTypeObject *g_neg_type = NULL;
static PyObject *g_neg_method = NULL;

static PyObject *neg_bit_method(PyTypeObject *type)
{
    if (type == g_neg_type) {
        return g_neg_method;
    }
    PyObject *method = _PyType_Lookup(type, s_is_neg);
    if (method == NULL || !PyCallable_Check(method)) {
        return NULL;
    }
    Py_XSETREF(g_neg_type, (PyTypeObject *)Py_NewRef((PyObject *)type));
    Py_XSETREF(g_neg_method, Py_NewRef(method));
    return g_neg_method;
}

/* Import producer `x` (not a bridge Tensor) as an ndarray over its memory: through its
 * type's DLPack 1.3 exchange table when it has one, else its __dlpack__. Returns None
 * when x lives on a device that is not host memory and to_host is 0 (the Python layer
 * hands it to the GPU backend). copy: -1 None, 0 False, 1 True. */
static PyObject *import_object_core(PyObject *x, int copy, int to_host, const char *func)
{
    /* PyTorch's negative bit (the imaginary part of a conjugate view, say): both of its
     * DLPack paths export the memory without the sign; refuse, as its .numpy() does */
    PyObject *is_neg = neg_bit_method(Py_TYPE(x));
    if (is_neg != NULL) {
        /* the unbound method called on x: no bound method object on this hot path */
        PyObject *flag = PyObject_Vectorcall(is_neg, &x, 1, NULL);
        if (flag == NULL) {
            return NULL;
        }
        int negated = PyObject_IsTrue(flag);
        Py_DECREF(flag);
        if (negated < 0) {
            return NULL;
        }
        if (negated) {
            PyErr_Format(PyExc_BufferError,
                         "%s: the %s has its negative bit set (a lazily negated view, such as "
                         "the imaginary part of a conjugate); DLPack would carry its memory "
                         "without the sign. Call .resolve_neg() first",
                         func, Py_TYPE(x)->tp_name);
            return NULL;
        }
    }
    /* DLPack 1.3 exchange table: no capsule, no method call, no keyword parsing.
     * PyTorch's table exports tensors that require grad and drops the conjugate bit
     * (wrong values), where its __dlpack__ refuses both with BufferError: those go
     * through __dlpack__ so from_dlpack means the same on both paths. The conjugate bit
     * exists only on complex tensors, so it is asked about only for those. */
    int autograd_state = 0;
    const DLPackExchangeAPI *api = exchange_api_of(Py_TYPE(x), &autograd_state);
    if (api != NULL && autograd_state) {
        int requires_grad = producer_flag(x, s_requires_grad, 0);
        if (requires_grad < 0) {
            return NULL;
        }
        if (requires_grad) {
            api = NULL;
        }
    }
    if (api != NULL) {
        DLManagedTensorVersioned *managed = NULL;
        if (api->managed_tensor_from_py_object_no_sync(x, &managed) != 0 || managed == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_BufferError, "%s: the exchange table of %s failed", func,
                             Py_TYPE(x)->tp_name);
            }
            return NULL;
        }
        int major_ok = managed->version.major == BRIDGE_DLPACK_MAJOR;
        int conjugated = 0;
        if (autograd_state && major_ok && managed->dl_tensor.dtype.code == kDLComplex) {
            conjugated = producer_flag(x, s_is_conj, 1);
        }
        if (conjugated != 0 || (major_ok && !is_host_device(managed->dl_tensor.device.device_type))) {
            /* a conjugate view: its __dlpack__ below raises BufferError; GPU memory: the
             * capsule path (with dl_device) or the GPU backend serves it */
            if (managed->deleter != NULL) {
                managed->deleter(managed);
            }
            if (conjugated < 0) {
                return NULL;
            }
            if (!conjugated && !to_host) {
                Py_RETURN_NONE;
            }
        }
        else {
            int typenum;
            if (check_managed(managed, 1, &typenum, func) < 0 ||
                check_bridge_dtype(typenum, copy, func) < 0) {
                if (managed->deleter != NULL) {
                    managed->deleter(managed);
                }
                return NULL;
            }
            return wrap_managed(managed, 1, typenum, copy);
        }
    }

    int device_type;
    if (producer_device(x, &device_type, func) < 0) {
        return NULL;
    }
    int cross_device = device_type != -1 && !is_host_device(device_type);
    if (cross_device && !to_host) {
        Py_RETURN_NONE;
    }
    if (cross_device && copy == 0) {
        /* the standard's error for a copy that copy=False forbids; producers differ
         * (CuPy raises ValueError, PyTorch ValueError), so bridge says it first */
        PyErr_Format(PyExc_BufferError,
                     "%s: copy=False, but the data is on DLPack device type %d (%s) and "
                     "device='cpu' needs a copy to host memory",
                     func, device_type, dl_device_name(device_type));
        return NULL;
    }
    /* x.__dlpack__(max_version=(1, 3)[, dl_device=(1, 0)][, copy=...]) */
    PyObject *call_args[4] = {x, g_max_version, NULL, NULL};
    PyObject *kwnames;
    size_t nkw = 1;
    if (cross_device) {
        call_args[1 + nkw++] = g_cpu_device;
    }
    if (copy != -1) {
        call_args[1 + nkw++] = copy ? Py_True : Py_False;
    }
    if (cross_device) {
        kwnames = copy != -1 ? kw_v_dev_copy : kw_v_dev;
    }
    else {
        kwnames = copy != -1 ? kw_v_copy : kw_v;
    }
    PyObject *capsule = PyObject_VectorcallMethod(
        s_dlpack, call_args, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    if (capsule == NULL) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError) &&
            !PyObject_HasAttr((PyObject *)Py_TYPE(x), s_dlpack)) {
            PyErr_Clear();
            PyErr_Format(g_not_a_producer,
                         "%s: %s object has no __dlpack__ method; it is not a DLPack producer",
                         func, Py_TYPE(x)->tp_name);
            return NULL;
        }
        if (!PyErr_ExceptionMatches(PyExc_TypeError)) {
            return NULL;
        }
        /* a producer older than the 2023.12 keywords: retry with none of them; a legacy
         * capsule then never claims IS_COPIED, so copy=True copies on our side */
        PyErr_Clear();
        capsule = PyObject_CallMethodNoArgs(x, s_dlpack);
        if (capsule == NULL) {
            return NULL;
        }
    }
    PyObject *result = import_capsule_core(capsule, copy, func);
    Py_DECREF(capsule);
    return result;
}

/* import_object(x, copy, to_host) -> ndarray, or None (see import_object_core) */
static PyObject *import_object(PyObject *Py_UNUSED(module), PyObject *const *args,
                               Py_ssize_t nargs)
{
    static const char func[] = "from_dlpack";
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "import_object takes 3 positional arguments");
        return NULL;
    }
    int copy = parse_copy(args[1], func);
    if (copy == -2) {
        return NULL;
    }
    int to_host = PyObject_IsTrue(args[2]);
    if (to_host < 0) {
        return NULL;
    }
    return import_object_core(args[0], copy, to_host, func);
}

/* from_dlpack(x, /, *, device=None, copy=None) -> Tensor: bridge.from_dlpack for the
 * cases that need no device argument (device=None), in C; the rest, and GPU producers,
 * go to the Python path registered at bind_tensor. */
static PyObject *from_dlpack(PyObject *Py_UNUSED(module), PyObject *const *args,
                             size_t nargsf, PyObject *kwnames)
{
    static const char func[] = "from_dlpack";
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError,
                     "%s() takes 1 positional argument (x) and the keywords device and copy, "
                     "got %zd positional",
                     func, nargs);
        return NULL;
    }
    PyObject *names[2] = {s_device, s_copy};
    PyObject *values[2] = {NULL, NULL};
    if (parse_keywords(args + 1, kwnames, names, 2, values, func) < 0) {
        return NULL;
    }
    PyObject *x = args[0], *device = values[0];
    if (g_from_dlpack_fallback == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "from_dlpack: bind_tensor was not called");
        return NULL;
    }
    if (device != Py_None) {
        /* parsing devices, and GPU targets, are the Python path's */
        return PyObject_Vectorcall(g_from_dlpack_fallback, args, nargsf, kwnames);
    }
    if (Py_IS_TYPE(x, g_tensor_type)) {
        PyObject *meta = tensor_slot(x, g_meta_offset, "_meta");
        PyObject *data = tensor_slot(x, g_data_offset, "_data");
        if (meta == NULL || data == NULL) {
            return NULL;
        }
        if (!PyArray_CheckExact(data)) { /* a GPU tensor */
            return PyObject_Vectorcall(g_from_dlpack_fallback, args, nargsf, kwnames);
        }
        /* bridge to bridge: the same NumPy array, so no capsule is needed; the rules
         * stay those of the protocol (grad refused, copy=True copies) */
        if (refuse_requires_grad(meta, "Tensor.__dlpack__") < 0) {
            return NULL;
        }
        int copy = parse_copy(values[1], func);
        if (copy == -2) {
            return NULL;
        }
        PyArrayObject *arr = (PyArrayObject *)data;
        PyObject *out = copy == 1 ? (PyObject *)aligned_copy(arr) : PyArray_View(arr, NULL, NULL);
        return new_tensor(out);
    }
    int copy = parse_copy(values[1], func);
    if (copy == -2) {
        return NULL;
    }
    PyObject *arr = import_object_core(x, copy, 0, func);
    if (arr == Py_None) { /* GPU memory: the GPU backend's from_dlpack */
        Py_DECREF(arr);
        PyObject *call[3] = {x, Py_None, values[1]};
        return PyObject_Vectorcall(g_import_fallback, call, 3, NULL);
    }
    return new_tensor(arr);
}

/* ------------------------------------------------ exchange table: producer */

/* Report the pending Python error through SetError (the allocator's error channel). */
static void forward_error(void *error_ctx,
                          void (*SetError)(void *, const char *, const char *))
{
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    const char *kind = "RuntimeError";
    if (type != NULL && PyExceptionClass_Check(type)) {
        const char *full = ((PyTypeObject *)type)->tp_name;
        const char *dot = strrchr(full, '.');
        kind = dot ? dot + 1 : full;
    }
    const char *message = "bridge exchange table: allocation failed";
    PyObject *text = value ? PyObject_Str(value) : NULL;
    if (text != NULL) {
        const char *utf8 = PyUnicode_AsUTF8(text);
        if (utf8 != NULL) {
            message = utf8;
        }
    }
    PyErr_Clear();
    if (SetError != NULL) {
        SetError(error_ctx, kind, message);
    }
    Py_XDECREF(text);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(traceback);
}

static int exchange_allocator(DLTensor *prototype, DLManagedTensorVersioned **out,
                              void *error_ctx,
                              void (*SetError)(void *, const char *, const char *))
{
    PyGILState_STATE gil = PyGILState_Ensure();
    int rc = -1;
    *out = NULL;
    int typenum = typenum_of(prototype->dtype);
    if (prototype->device.device_type != kDLCPU) {
        PyErr_Format(PyExc_BufferError,
                     "bridge exchange table: cannot allocate on DLPack device type %d (%s)",
                     (int)prototype->device.device_type,
                     dl_device_name(prototype->device.device_type));
    }
    else if (typenum < 0) {
        PyErr_Format(PyExc_BufferError,
                     "bridge exchange table: DLPack dtype code %d (%s), bits %d is not "
                     "supported",
                     (int)prototype->dtype.code, dl_code_name(prototype->dtype.code),
                     (int)prototype->dtype.bits);
    }
    else if (prototype->ndim < 0 || prototype->ndim > NPY_MAXDIMS ||
             (prototype->ndim > 0 && prototype->shape == NULL)) {
        PyErr_SetString(PyExc_BufferError, "bridge exchange table: bad prototype shape");
    }
    else {
        npy_intp dims[NPY_MAXDIMS];
        for (int i = 0; i < prototype->ndim; i++) {
            dims[i] = (npy_intp)prototype->shape[i];
        }
        PyArrayObject *arr =
            aligned_empty_array(prototype->ndim, dims, PyArray_DescrFromType(typenum));
        if (arr != NULL) {
            *out = build_managed(arr, 1, 0);
            Py_DECREF(arr);
            rc = *out != NULL ? 0 : -1;
        }
    }
    if (rc != 0) {
        forward_error(error_ctx, SetError);
    }
    PyGILState_Release(gil);
    return rc;
}

static int exchange_from_py_object(void *py_object, DLManagedTensorVersioned **out)
{
    static const char func[] = "bridge exchange table";
    *out = NULL;
    PyArrayObject *arr = tensor_ndarray((PyObject *)py_object, func);
    if (arr == NULL) {
        return -1;
    }
    *out = export_core(arr, 1, -1, func);
    Py_DECREF(arr);
    return *out != NULL ? 0 : -1;
}

static int exchange_to_py_object(DLManagedTensorVersioned *managed, void **out_py_object)
{
    static const char func[] = "bridge exchange table";
    *out_py_object = NULL;
    int typenum;
    if (check_managed(managed, 1, &typenum, func) < 0 || check_bridge_dtype(typenum, -1, func) < 0) {
        if (managed->deleter != NULL) {
            managed->deleter(managed); /* the table's contract: ownership was passed */
        }
        return -1;
    }
    PyObject *tensor = new_tensor(wrap_managed(managed, 1, typenum, -1));
    if (tensor == NULL) {
        return -1;
    }
    *out_py_object = tensor;
    return 0;
}

static int exchange_current_work_stream(int32_t Py_UNUSED(device_type),
                                        int32_t Py_UNUSED(device_id), void **out_stream)
{
    *out_stream = NULL; /* CPU only: nothing to synchronise */
    return 0;
}

static DLPackExchangeAPI g_bridge_exchange_api = {
    .header = {.version = {BRIDGE_DLPACK_MAJOR, BRIDGE_DLPACK_MINOR}, .prev_api = NULL},
    .managed_tensor_allocator = exchange_allocator,
    .managed_tensor_from_py_object_no_sync = exchange_from_py_object,
    .managed_tensor_to_py_object_no_sync = exchange_to_py_object,
    /* NULL is allowed: NumPy keeps byte strides and DLPack wants element strides, so a
     * borrowed DLTensor would need a temporary allocation */
    .dltensor_from_py_object_no_sync = NULL,
    .current_work_stream = exchange_current_work_stream,
};

/* exchange_api(wrap) -> the "dlpack_exchange_api" capsule for bridge.Tensor */
static PyObject *exchange_api(PyObject *Py_UNUSED(module), PyObject *wrap)
{
    if (!PyCallable_Check(wrap)) {
        PyErr_SetString(PyExc_TypeError, "exchange_api: wrap must be callable");
        return NULL;
    }
    Py_XSETREF(g_wrap, Py_NewRef(wrap));
    return PyCapsule_New(&g_bridge_exchange_api, NAME_EXCHANGE, NULL);
}

/* exchange_import(x, copy) -> ndarray through type(x)'s exchange table (tests, bench) */
static PyObject *exchange_roundtrip_to_bridge(PyObject *Py_UNUSED(module), PyObject *x)
{
    const DLPackExchangeAPI *api = exchange_api_of(Py_TYPE(x), NULL);
    if (api == NULL) {
        PyErr_Format(PyExc_TypeError, "%s has no DLPack exchange table",
                     Py_TYPE(x)->tp_name);
        return NULL;
    }
    DLManagedTensorVersioned *managed = NULL;
    if (api->managed_tensor_from_py_object_no_sync(x, &managed) != 0) {
        return NULL;
    }
    int typenum;
    if (check_managed(managed, 1, &typenum, "exchange_import") < 0) {
        if (managed->deleter != NULL) {
            managed->deleter(managed);
        }
        return NULL;
    }
    return wrap_managed(managed, 1, typenum, -1);
}

/* exchange_export(tensor, target_type) -> an object of target_type built by that
 * type's exchange table from bridge tensor `tensor` (e.g. a torch.Tensor). */
static PyObject *exchange_export(PyObject *Py_UNUSED(module), PyObject *const *args,
                                 Py_ssize_t nargs)
{
    if (nargs != 2 || !PyType_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "exchange_export(tensor, target_type)");
        return NULL;
    }
    const DLPackExchangeAPI *api = exchange_api_of((PyTypeObject *)args[1], NULL);
    if (api == NULL || api->managed_tensor_to_py_object_no_sync == NULL) {
        PyErr_Format(PyExc_TypeError, "%s has no DLPack exchange table",
                     ((PyTypeObject *)args[1])->tp_name);
        return NULL;
    }
    PyArrayObject *arr = tensor_ndarray(args[0], "exchange_export");
    if (arr == NULL) {
        return NULL;
    }
    DLManagedTensorVersioned *managed = export_core(arr, 1, -1, "exchange_export");
    Py_DECREF(arr);
    if (managed == NULL) {
        return NULL;
    }
    void *result = NULL;
    if (api->managed_tensor_to_py_object_no_sync(managed, &result) != 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_BufferError, "exchange_export: the consumer failed");
        }
        return NULL; /* the table's contract: it owns (and deleted) `managed` */
    }
    return (PyObject *)result;
}

/* ------------------------------------------------------------ test helpers */

/* capsule_info(capsule) -> dict describing an unconsumed capsule, without consuming */
static PyObject *capsule_info(PyObject *Py_UNUSED(module), PyObject *capsule)
{
    if (!PyCapsule_CheckExact(capsule)) {
        PyErr_SetString(PyExc_TypeError, "capsule_info: not a PyCapsule");
        return NULL;
    }
    const char *name = PyCapsule_GetName(capsule);
    if (name == NULL || (strcmp(name, NAME_VERSIONED) != 0 && strcmp(name, NAME_LEGACY) != 0)) {
        PyErr_Format(PyExc_ValueError, "capsule_info: capsule %s is not an unused DLPack "
                     "capsule", name ? name : "NULL");
        return NULL;
    }
    void *managed = PyCapsule_GetPointer(capsule, name);
    if (managed == NULL) {
        return NULL;
    }
    int versioned = strcmp(name, NAME_VERSIONED) == 0;
    DLTensor *t;
    PyObject *version, *flags;
    if (versioned) {
        DLManagedTensorVersioned *m = managed;
        version = Py_BuildValue("(II)", m->version.major, m->version.minor);
        flags = PyLong_FromUnsignedLongLong(m->flags);
        t = &m->dl_tensor;
    }
    else {
        version = Py_NewRef(Py_None);
        flags = Py_NewRef(Py_None);
        t = &((DLManagedTensor *)managed)->dl_tensor;
    }
    PyObject *shape = PyTuple_New(t->ndim);
    PyObject *strides = t->strides ? PyTuple_New(t->ndim) : Py_NewRef(Py_None);
    for (int i = 0; shape && strides && i < t->ndim; i++) {
        PyTuple_SET_ITEM(shape, i, PyLong_FromLongLong(t->shape[i]));
        if (t->strides) {
            PyTuple_SET_ITEM(strides, i, PyLong_FromLongLong(t->strides[i]));
        }
    }
    return Py_BuildValue("{s:s,s:N,s:N,s:(ii),s:(iii),s:N,s:N,s:K,s:n}", "name", name,
                         "version", version, "flags", flags, "device",
                         (int)t->device.device_type, (int)t->device.device_id, "dtype",
                         (int)t->dtype.code, (int)t->dtype.bits, (int)t->dtype.lanes,
                         "shape", shape, "strides", strides, "byte_offset",
                         (unsigned long long)t->byte_offset, "data",
                         (Py_ssize_t)(uintptr_t)t->data);
}

/* Hand-made capsules that imitate odd or broken producers. The deleter of each counts
 * its calls, so tests can check "exactly once". */
static uint64_t g_crafted_deleter_calls = 0;

static void crafted_deleter_versioned(DLManagedTensorVersioned *self)
{
    release_manager_ctx(self->manager_ctx);
    free(self);
    __atomic_add_fetch(&g_crafted_deleter_calls, 1, __ATOMIC_RELAXED);
}

static void crafted_deleter_legacy(DLManagedTensor *self)
{
    release_manager_ctx(self->manager_ctx);
    free(self);
    __atomic_add_fetch(&g_crafted_deleter_calls, 1, __ATOMIC_RELAXED);
}

/* Destructor of crafted capsules, whatever their name: the context is non-NULL for the
 * versioned struct; a used_* name means a consumer took it. */
static void crafted_capsule_destructor(PyObject *capsule)
{
    const char *name = PyCapsule_GetName(capsule);
    if (name != NULL && strncmp(name, "used_", 5) == 0) {
        return;
    }
    void *managed = PyCapsule_GetPointer(capsule, name);
    if (managed == NULL) {
        PyErr_Clear();
        return;
    }
    if (PyCapsule_GetContext(capsule) != NULL) {
        crafted_deleter_versioned(managed);
    }
    else {
        crafted_deleter_legacy(managed);
    }
}

/* craft_capsule(arr, versioned, major, minor, flags, code, bits, lanes, device_type,
 *               byte_offset, null_strides, null_data, name) -> PyCapsule
 * `name` is "dltensor", "dltensor_versioned", or anything else for a misnamed capsule.
 * Describes `arr`'s memory (C-contiguous arrays only) with the given header fields;
 * `byte_offset` is moved from the data pointer into the byte_offset field. */
static PyObject *craft_capsule(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *arr_obj;
    int versioned, null_strides, null_data, device_type;
    unsigned int major, minor, code, bits, lanes;
    unsigned long long flags;
    Py_ssize_t byte_offset;
    const char *name;
    if (!PyArg_ParseTuple(args, "O!pIIKIIIinpps", &PyArray_Type, &arr_obj, &versioned,
                          &major, &minor, &flags, &code, &bits, &lanes, &device_type,
                          &byte_offset, &null_strides, &null_data, &name)) {
        return NULL;
    }
    PyArrayObject *arr = (PyArrayObject *)arr_obj;
    int nd = PyArray_NDIM(arr);
    size_t head = versioned ? sizeof(DLManagedTensorVersioned) : sizeof(DLManagedTensor);
    char *block = malloc(head + 2 * (size_t)nd * sizeof(int64_t) + sizeof(int64_t));
    if (block == NULL) {
        return PyErr_NoMemory();
    }
    int64_t *shape = (int64_t *)(block + head);
    int64_t *strides = shape + nd;
    for (int i = 0; i < nd; i++) {
        shape[i] = PyArray_DIMS(arr)[i];
        strides[i] = PyArray_STRIDES(arr)[i] / PyArray_ITEMSIZE(arr);
    }
    DLTensor *t;
    if (versioned) {
        DLManagedTensorVersioned *m = (DLManagedTensorVersioned *)block;
        m->version.major = major;
        m->version.minor = minor;
        m->manager_ctx = arr;
        m->deleter = crafted_deleter_versioned;
        m->flags = flags;
        t = &m->dl_tensor;
    }
    else {
        DLManagedTensor *m = (DLManagedTensor *)block;
        m->manager_ctx = arr;
        m->deleter = crafted_deleter_legacy;
        t = &m->dl_tensor;
    }
    t->data = null_data ? NULL : (char *)PyArray_DATA(arr) - byte_offset;
    t->device.device_type = device_type;
    t->device.device_id = 0;
    t->ndim = nd;
    t->dtype.code = (uint8_t)code;
    t->dtype.bits = (uint8_t)bits;
    t->dtype.lanes = (uint16_t)lanes;
    t->shape = nd ? shape : NULL;
    t->strides = null_strides ? NULL : strides;
    t->byte_offset = (uint64_t)byte_offset;
    Py_INCREF(arr);
    /* the capsule keeps a pointer to its name: use a static string */
    const char *static_name = NAME_WRONG;
    if (strcmp(name, NAME_VERSIONED) == 0) {
        static_name = NAME_VERSIONED;
    }
    else if (strcmp(name, NAME_LEGACY) == 0) {
        static_name = NAME_LEGACY;
    }
    PyObject *capsule = PyCapsule_New(block, static_name, crafted_capsule_destructor);
    if (capsule != NULL && versioned && PyCapsule_SetContext(capsule, block) < 0) {
        Py_CLEAR(capsule);
    }
    if (capsule == NULL) {
        if (versioned) {
            crafted_deleter_versioned((DLManagedTensorVersioned *)block);
        }
        else {
            crafted_deleter_legacy((DLManagedTensor *)block);
        }
        return NULL;
    }
    return capsule;
}

static PyObject *stats(PyObject *Py_UNUSED(module), PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("{s:K,s:K,s:K}", "exports_made",
                         (unsigned long long)__atomic_load_n(&g_exports_made, __ATOMIC_RELAXED),
                         "exports_freed",
                         (unsigned long long)__atomic_load_n(&g_exports_freed, __ATOMIC_RELAXED),
                         "crafted_deleter_calls",
                         (unsigned long long)__atomic_load_n(&g_crafted_deleter_calls,
                                                             __ATOMIC_RELAXED));
}

/* aligned_empty(shape, dtype) -> C-contiguous ndarray over 64-byte-aligned memory */
static PyObject *aligned_empty(PyObject *Py_UNUSED(module), PyObject *args)
{
    PyObject *shape_obj, *dtype_obj;
    if (!PyArg_ParseTuple(args, "OO", &shape_obj, &dtype_obj)) {
        return NULL;
    }
    PyArray_Descr *descr = NULL;
    if (!PyArray_DescrConverter(dtype_obj, &descr)) {
        return NULL;
    }
    PyArray_Dims dims = {NULL, 0};
    if (!PyArray_IntpConverter(shape_obj, &dims)) {
        Py_DECREF(descr);
        return NULL;
    }
    PyObject *arr = (PyObject *)aligned_empty_array(dims.len, dims.ptr, descr);
    PyDimMem_FREE(dims.ptr);
    return arr;
}

/* ------------------------------------------------------------------ module */

static PyMethodDef methods[] = {
    {"export_ndarray", (PyCFunction)(void (*)(void))export_ndarray, METH_FASTCALL,
     "export_ndarray(arr, stream, max_version, dl_device, copy) -> DLPack capsule"},
    {"bind_tensor", bind_tensor, METH_VARARGS,
     "bind_tensor(Tensor, export, device_tuple, from_dlpack, import_gpu) -> (__dlpack__, "
     "__dlpack_device__): learns Tensor's slots, registers the Python paths for GPU "
     "tensors, returns the C methods for the class"},
    {"from_dlpack", (PyCFunction)(void (*)(void))from_dlpack, METH_FASTCALL | METH_KEYWORDS,
     "from_dlpack($module, x, /, *, device=None, copy=None)\n--\n\n"
     "bridge.from_dlpack: a Tensor over the memory of DLPack producer x."},
    {"import_object", (PyCFunction)(void (*)(void))import_object, METH_FASTCALL,
     "import_object(x, copy, to_host) -> ndarray over x's memory, or None for a GPU "
     "producer when to_host is False"},
    {"import_capsule", (PyCFunction)(void (*)(void))import_capsule, METH_FASTCALL,
     "import_capsule(capsule, copy) -> ndarray (consumes the capsule)"},
    {"aligned_empty", aligned_empty, METH_VARARGS,
     "aligned_empty(shape, dtype) -> C-contiguous ndarray over 64-byte-aligned memory"},
    {"exchange_api", exchange_api, METH_O,
     "exchange_api(wrap) -> bridge's DLPack 1.3 exchange table as a capsule"},
    {"exchange_import", exchange_roundtrip_to_bridge, METH_O,
     "exchange_import(x) -> ndarray through type(x).__dlpack_c_exchange_api__"},
    {"exchange_export", (PyCFunction)(void (*)(void))exchange_export, METH_FASTCALL,
     "exchange_export(tensor, target_type) -> target_type object via its exchange table"},
    {"capsule_info", capsule_info, METH_O, "capsule_info(capsule) -> dict (not consuming)"},
    {"craft_capsule", craft_capsule, METH_VARARGS,
     "craft_capsule(...) -> a hand-made capsule imitating odd producers (tests)"},
    {"stats", stats, METH_NOARGS, "stats() -> counters of exports made and freed"},
    {"install_aligned_allocator", install_aligned_allocator, METH_NOARGS,
     "install_aligned_allocator() -> previous handler; NumPy allocations become 64-byte "
     "aligned in the current context"},
    {"restore_allocator", restore_allocator, METH_O,
     "restore_allocator(handler) -> the handler replaced (None: NumPy's default)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "bridge._dlpack_ext",
    "DLPack 1.x capsules built and consumed in C for bridge.", -1, methods,
    NULL, NULL, NULL, NULL,
};

static PyObject *make_kwnames(int n, const char *a, const char *b, const char *c)
{
    PyObject *t = PyTuple_New(n);
    const char *names[3] = {a, b, c};
    for (int i = 0; t != NULL && i < n; i++) {
        PyObject *s = PyUnicode_InternFromString(names[i]);
        if (s == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, s);
    }
    return t;
}

PyMODINIT_FUNC PyInit__dlpack_ext(void)
{
    import_array();
    /* an object that is no DLPack producer: a TypeError (the wrong kind of argument),
     * and an AttributeError as NumPy's from_dlpack raises (it has no __dlpack__) */
    PyObject *bases = PyTuple_Pack(2, PyExc_TypeError, PyExc_AttributeError);
    if (bases == NULL) {
        return NULL;
    }
    g_not_a_producer = PyErr_NewExceptionWithDoc(
        "bridge.NotADLPackProducer",
        "from_dlpack of an object without __dlpack__ (a TypeError and an AttributeError)",
        bases, NULL);
    Py_DECREF(bases);
    if (g_not_a_producer == NULL) {
        return NULL;
    }
    if (PyType_Ready(&ImportedTensorOwnerType) < 0) {
        return NULL;
    }
    s_dlpack = PyUnicode_InternFromString("__dlpack__");
    s_dlpack_device = PyUnicode_InternFromString("__dlpack_device__");
    s_exchange_api = PyUnicode_InternFromString("__dlpack_c_exchange_api__");
    s_data = PyUnicode_InternFromString("_data");
    s_meta = PyUnicode_InternFromString("_meta");
    s_requires_grad = PyUnicode_InternFromString("requires_grad");
    s_is_conj = PyUnicode_InternFromString("is_conj");
    s_is_neg = PyUnicode_InternFromString("is_neg");
    s_stream = PyUnicode_InternFromString("stream");
    s_max_version = PyUnicode_InternFromString("max_version");
    s_dl_device = PyUnicode_InternFromString("dl_device");
    s_copy = PyUnicode_InternFromString("copy");
    s_device = PyUnicode_InternFromString("device");
    if (!s_stream || !s_max_version || !s_dl_device || !s_copy || !s_device) {
        return NULL;
    }
    kw_v = make_kwnames(1, "max_version", NULL, NULL);
    kw_v_copy = make_kwnames(2, "max_version", "copy", NULL);
    kw_v_dev = make_kwnames(2, "max_version", "dl_device", NULL);
    kw_v_dev_copy = make_kwnames(3, "max_version", "dl_device", "copy");
    g_max_version = Py_BuildValue("(II)", BRIDGE_DLPACK_MAJOR, BRIDGE_DLPACK_MINOR);
    g_cpu_device = Py_BuildValue("(ii)", kDLCPU, 0);
    if (!s_dlpack || !s_dlpack_device || !s_exchange_api || !s_data || !s_meta ||
        !s_requires_grad || !s_is_conj || !s_is_neg || !kw_v || !kw_v_copy || !kw_v_dev || !kw_v_dev_copy ||
        !g_max_version || !g_cpu_device) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&module_def);
    if (module == NULL) {
        return NULL;
    }
    if (PyModule_AddObject(module, "NotADLPackProducer", Py_NewRef(g_not_a_producer)) < 0 ||
        PyModule_AddIntConstant(module, "ALIGNMENT", BRIDGE_ALIGNMENT) < 0 ||
        PyModule_AddIntConstant(module, "FLAG_READ_ONLY", (long)DLPACK_FLAG_BITMASK_READ_ONLY) < 0 ||
        PyModule_AddIntConstant(module, "FLAG_IS_COPIED", (long)DLPACK_FLAG_BITMASK_IS_COPIED) < 0 ||
        PyModule_AddObject(module, "DLPACK_VERSION",
                           Py_BuildValue("(II)", BRIDGE_DLPACK_MAJOR, BRIDGE_DLPACK_MINOR)) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

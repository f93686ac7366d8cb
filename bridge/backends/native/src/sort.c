/* Sorting: sort and argsort along any axis, and the unique_* set functions.
 *
 * Every element is mapped to an unsigned integer key whose unsigned order is NumPy's
 * sort order: integers by flipping the sign bit, floats by the usual bit transform
 * (negative: all bits flipped; positive: sign bit set), with -0.0 mapped onto +0.0
 * (they compare equal, so a stable sort keeps their order) and every NaN mapped to
 * the largest key (NumPy sorts NaNs last and treats them as equal to each other).
 * The keys are then sorted stably: an LSD radix sort (8-bit digits; a digit that is
 * the same for every key is skipped) for rows of RADIX_MIN keys or more, a bottom-up
 * merge sort over insertion-sorted runs below that. Stable satisfies stable=False too,
 * so both requests take the same path.
 *
 * Complex values sort lexicographically as NumPy does, NaNs included: first the
 * values without NaN (by real, then imaginary part), then those with a NaN imaginary
 * part only (by real part), then those with a NaN real part only (by imaginary part),
 * then those with both NaN. That is three stable passes over a (class, hi, lo) key,
 * least significant first, carrying the positions along.
 *
 * Semantics follow the numpy backend's kernels (bridge/backends/_generic.py):
 *   sort, descending: the ascending stable sort reversed (equal elements, e.g. -0.0
 *     and +0.0 or NaNs with different payloads, come out in reverse order; NaNs first);
 *   argsort, descending: descending keys, equal elements in their original order
 *     (NaNs first), i.e. an ascending stable sort of the complemented keys.
 * Sorted values are the keys transformed back, except -0.0 (which shares +0.0's key)
 * and NaNs (payloads): when the row holds those, the run of zeros and the run of NaNs
 * are refilled from the input in its order, which is exactly what a stable sort gives.
 *
 * Entry points return None where they decline (an array subclass, unaligned or
 * byte-swapped memory, a row too long for 32-bit positions); the Python wrappers
 * (_sorting.py) then call the numpy kernel on the same arguments.
 */
#include "native.h"

#define RADIX_MIN 256       /* rows at least this long are radix-sorted */
#define INSERTION_RUN 16    /* merge sort: runs insertion-sorted first */
#define RADIX_PAR_MIN 65536 /* one row is radix-sorted by several threads from here */

static int plain_array(PyObject *o)
{
    return PyArray_CheckExact(o) && PyArray_ISALIGNED((PyArrayObject *)o)
           && type_index(PyArray_DESCR((PyArrayObject *)o)) != T_NONE;
}

static int is_float(int t) { return t == T_F32 || t == T_F64; }
static int is_complex(int t) { return t == T_C64 || t == T_C128; }

/* bytes of one key: the element size for real types; complex values use u64 keys */
static int key_width(int t) { return is_complex(t) ? 8 : TYPE_SIZE[t]; }

/* Per-row facts gathered while the float keys are made */
typedef struct {
    npy_intp nan;     /* NaNs */
    npy_intp zero;    /* zeros of either sign */
    npy_intp neg;     /* values below zero */
    int negzero;      /* whether a -0.0 occurs */
} fstats;

/* ------------------------------------------------------------------ keys */

/* keys_fn: the keys of n elements at `in` (`stride` bytes apart), xor `mask` (all
 * ones for a descending argsort) */
typedef void (*keys_fn)(const char *in, npy_intp stride, npy_intp n, void *keys,
                        uint64_t mask, fstats *st);
/* values_fn: the values of n (ascending, unmasked) keys, written `step` bytes apart */
typedef void (*values_fn)(const void *keys, npy_intp n, char *out, npy_intp step);

#define INT_KEYS(NAME, K, FLIP)                                                     \
    static void NAME##_keys(const char *in, npy_intp stride, npy_intp n, void *keys, \
                            uint64_t mask, fstats *st)                              \
    {                                                                               \
        (void)st;                                                                   \
        K *k = (K *)keys;                                                           \
        const K m = (K)(mask ^ (FLIP));                                             \
        if (stride == (npy_intp)sizeof(K)) {                                        \
            const K *v = (const K *)in;                                             \
            for (npy_intp i = 0; i < n; i++) {                                      \
                k[i] = (K)(v[i] ^ m);                                               \
            }                                                                       \
            return;                                                                 \
        }                                                                           \
        for (npy_intp i = 0; i < n; i++) {                                          \
            K b;                                                                    \
            memcpy(&b, in + i * stride, sizeof b);                                  \
            k[i] = (K)(b ^ m);                                                      \
        }                                                                           \
    }                                                                               \
    static void NAME##_values(const void *keys, npy_intp n, char *out, npy_intp step) \
    {                                                                               \
        const K *k = (const K *)keys;                                               \
        if (step == (npy_intp)sizeof(K)) {                                          \
            K *v = (K *)out;                                                        \
            for (npy_intp i = 0; i < n; i++) {                                      \
                v[i] = (K)(k[i] ^ (FLIP));                                          \
            }                                                                       \
            return;                                                                 \
        }                                                                           \
        for (npy_intp i = 0; i < n; i++) {                                          \
            K b = (K)(k[i] ^ (FLIP));                                               \
            memcpy(out + i * step, &b, sizeof b);                                   \
        }                                                                           \
    }

INT_KEYS(u8, uint8_t, 0)
INT_KEYS(u16, uint16_t, 0)
INT_KEYS(u32, uint32_t, 0)
INT_KEYS(u64, uint64_t, 0)
INT_KEYS(i8, uint8_t, 0x80u)
INT_KEYS(i16, uint16_t, 0x8000u)
INT_KEYS(i32, uint32_t, 0x80000000u)
INT_KEYS(i64, uint64_t, 0x8000000000000000u)

/* The float key of a non-NaN, nonzero value's bits b */
#define FLOAT_KEY(b, SIGN) (((b) & (SIGN)) ? (__typeof__(b))~(b) : (__typeof__(b))((b) | (SIGN)))

#define FLOAT_KEYS(NAME, T, K, SIGN)                                                \
    static void NAME##_keys(const char *in, npy_intp stride, npy_intp n, void *keys, \
                            uint64_t mask, fstats *st)                              \
    {                                                                               \
        K *k = (K *)keys;                                                           \
        const K m = (K)mask;                                                        \
        npy_intp nan = 0, zero = 0, neg = 0;                                        \
        K negzero = 0;                                                              \
        for (npy_intp i = 0; i < n; i++) {                                          \
            T v;                                                                    \
            K b;                                                                    \
            memcpy(&v, in + i * stride, sizeof v);                                  \
            memcpy(&b, &v, sizeof b);                                               \
            K key;                                                                  \
            if (v != v) {                                                           \
                key = (K)~(K)0;                                                     \
                nan++;                                                              \
            } else if (v == 0) {                                                    \
                key = (SIGN);                                                       \
                zero++;                                                             \
                negzero |= b;                                                       \
            } else {                                                                \
                key = FLOAT_KEY(b, (K)(SIGN));                                      \
                neg += v < 0;                                                       \
            }                                                                       \
            k[i] = (K)(key ^ m);                                                    \
        }                                                                           \
        st->nan = nan;                                                              \
        st->zero = zero;                                                            \
        st->neg = neg;                                                              \
        st->negzero = negzero != 0;                                                 \
    }                                                                               \
    static void NAME##_values(const void *keys, npy_intp n, char *out, npy_intp step) \
    {                                                                               \
        const K *k = (const K *)keys;                                               \
        for (npy_intp i = 0; i < n; i++) {                                          \
            const K key = k[i];                                                     \
            const K b = (key & (SIGN)) ? (K)(key ^ (SIGN)) : (K)~key;               \
            memcpy(out + i * step, &b, sizeof b);                                   \
        }                                                                           \
    }

FLOAT_KEYS(f32, float, uint32_t, 0x80000000u)
FLOAT_KEYS(f64, double, uint64_t, 0x8000000000000000u)

static const keys_fn KEYS[N_TYPES] = {
    [T_BOOL] = u8_keys, [T_I8] = i8_keys, [T_I16] = i16_keys, [T_I32] = i32_keys,
    [T_I64] = i64_keys, [T_U8] = u8_keys, [T_U16] = u16_keys, [T_U32] = u32_keys,
    [T_U64] = u64_keys, [T_F32] = f32_keys, [T_F64] = f64_keys,
};

static const values_fn VALUES[N_TYPES] = {
    [T_BOOL] = u8_values, [T_I8] = i8_values, [T_I16] = i16_values, [T_I32] = i32_values,
    [T_I64] = i64_values, [T_U8] = u8_values, [T_U16] = u16_values, [T_U32] = u32_values,
    [T_U64] = u64_values, [T_F32] = f32_values, [T_F64] = f64_values,
};

/* The u64 key of a double that is not NaN (float parts are widened exactly) */
static inline uint64_t double_key(double v)
{
    if (v == 0) {
        return 0x8000000000000000u;
    }
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    return FLOAT_KEY(b, (uint64_t)0x8000000000000000u);
}

/* Complex keys: class (which parts are NaN, NumPy's order), hi and lo words */
#define COMPLEX_KEYS(NAME, T)                                                       \
    static void NAME##_keys(const char *in, npy_intp stride, npy_intp n,            \
                            uint64_t *lo, uint64_t *hi, uint8_t *cls, uint64_t mask) \
    {                                                                               \
        for (npy_intp i = 0; i < n; i++) {                                          \
            T re, im;                                                               \
            memcpy(&re, in + i * stride, sizeof re);                                \
            memcpy(&im, in + i * stride + sizeof re, sizeof im);                    \
            const int re_nan = re != re, im_nan = im != im;                         \
            uint8_t c;                                                              \
            uint64_t h, l;                                                          \
            if (!re_nan) {                                                          \
                c = im_nan ? 1 : 0;                                                 \
                h = double_key((double)re);                                         \
                l = im_nan ? 0 : double_key((double)im);                            \
            } else {                                                                \
                c = im_nan ? 3 : 2;                                                 \
                h = im_nan ? 0 : double_key((double)im);                            \
                l = 0;                                                              \
            }                                                                       \
            cls[i] = (uint8_t)(c ^ (uint8_t)mask);                                  \
            hi[i] = h ^ mask;                                                       \
            lo[i] = l ^ mask;                                                       \
        }                                                                           \
    }

COMPLEX_KEYS(c64, float)
COMPLEX_KEYS(c128, double)

/* ------------------------------------------------------------------ key sorters */

/* One pass of a (possibly threaded) radix sort: counts per chunk, then each chunk
 * scatters its keys to the offsets the counts give, so the result is stable and the
 * same for any number of chunks. */
typedef struct {
    const void *src;
    void *dst;
    const uint32_t *isrc;
    uint32_t *idst;
    int shift;
    npy_intp (*count)[256];
} radix_pass;

#define SORTER(SUF, K)                                                              \
    static void insertion_##SUF(K *k, uint32_t *ix, npy_intp n)                     \
    {                                                                               \
        for (npy_intp i = 1; i < n; i++) {                                          \
            const K v = k[i];                                                       \
            const uint32_t vi = ix ? ix[i] : 0;                                     \
            npy_intp j = i;                                                         \
            while (j > 0 && v < k[j - 1]) {                                         \
                k[j] = k[j - 1];                                                    \
                if (ix) {                                                           \
                    ix[j] = ix[j - 1];                                              \
                }                                                                   \
                j--;                                                                \
            }                                                                       \
            k[j] = v;                                                               \
            if (ix) {                                                               \
                ix[j] = vi;                                                         \
            }                                                                       \
        }                                                                           \
    }                                                                               \
    /* merges src[lo:mid] and src[mid:hi] into dst[lo:hi], the left run first on ties */ \
    static void merge_##SUF(const K *src, const uint32_t *isrc, K *dst, uint32_t *idst, \
                            npy_intp lo, npy_intp mid, npy_intp hi)                 \
    {                                                                               \
        npy_intp i = lo, j = mid, o = lo;                                           \
        /* branch-free steps: the comparison outcome is data, not control flow */   \
        if (isrc) {                                                                 \
            while (i < mid && j < hi) {                                             \
                const int right = src[j] < src[i];                                  \
                const npy_intp take = right ? j : i;                                \
                dst[o] = src[take];                                                 \
                idst[o++] = isrc[take];                                             \
                j += right;                                                         \
                i += !right;                                                        \
            }                                                                       \
        } else {                                                                    \
            while (i < mid && j < hi) {                                             \
                const int right = src[j] < src[i];                                  \
                dst[o++] = right ? src[j] : src[i];                                 \
                j += right;                                                         \
                i += !right;                                                        \
            }                                                                       \
        }                                                                           \
        for (; i < mid; i++, o++) {                                                 \
            dst[o] = src[i];                                                        \
            if (isrc) {                                                             \
                idst[o] = isrc[i];                                                  \
            }                                                                       \
        }                                                                           \
        for (; j < hi; j++, o++) {                                                  \
            dst[o] = src[j];                                                        \
            if (isrc) {                                                             \
                idst[o] = isrc[j];                                                  \
            }                                                                       \
        }                                                                           \
    }                                                                               \
    /* stable merge sort; returns 1 when the result is in (kt, ixt) */              \
    static int msort_##SUF(K *k, K *kt, uint32_t *ix, uint32_t *ixt, npy_intp n)   \
    {                                                                               \
        for (npy_intp s = 0; s < n; s += INSERTION_RUN) {                           \
            const npy_intp len = n - s < INSERTION_RUN ? n - s : INSERTION_RUN;     \
            insertion_##SUF(k + s, ix ? ix + s : NULL, len);                        \
        }                                                                           \
        K *src = k, *dst = kt;                                                      \
        uint32_t *isrc = ix, *idst = ixt;                                           \
        int swapped = 0;                                                            \
        for (npy_intp w = INSERTION_RUN; w < n; w *= 2) {                           \
            for (npy_intp lo = 0; lo < n; lo += 2 * w) {                            \
                const npy_intp mid = n - lo < w ? n : lo + w;                       \
                const npy_intp hi = n - lo < 2 * w ? n : lo + 2 * w;                \
                merge_##SUF(src, isrc, dst, idst, lo, mid, hi);                     \
            }                                                                       \
            K *tk = src; src = dst; dst = tk;                                       \
            uint32_t *ti = isrc; isrc = idst; idst = ti;                            \
            swapped ^= 1;                                                           \
        }                                                                           \
        return swapped;                                                             \
    }                                                                               \
    static void count_##SUF(void *ctx, int chunk, npy_intp lo, npy_intp hi)         \
    {                                                                               \
        const radix_pass *p = (const radix_pass *)ctx;                              \
        const K *s = (const K *)p->src;                                             \
        npy_intp *h = p->count[chunk];                                              \
        memset(h, 0, 256 * sizeof *h);                                              \
        for (npy_intp i = lo; i < hi; i++) {                                        \
            h[(s[i] >> p->shift) & 255]++;                                          \
        }                                                                           \
    }                                                                               \
    static void scatter_##SUF(void *ctx, int chunk, npy_intp lo, npy_intp hi)       \
    {                                                                               \
        const radix_pass *p = (const radix_pass *)ctx;                              \
        const K *s = (const K *)p->src;                                             \
        K *d = (K *)p->dst;                                                         \
        npy_intp *off = p->count[chunk];                                            \
        const int sh = p->shift;                                                    \
        if (p->isrc) {                                                              \
            const uint32_t *is = p->isrc;                                           \
            uint32_t *id = p->idst;                                                 \
            for (npy_intp i = lo; i < hi; i++) {                                    \
                const K v = s[i];                                                   \
                const npy_intp o = off[(v >> sh) & 255]++;                          \
                d[o] = v;                                                           \
                id[o] = is[i];                                                      \
            }                                                                       \
        } else {                                                                    \
            for (npy_intp i = lo; i < hi; i++) {                                    \
                const K v = s[i];                                                   \
                d[off[(v >> sh) & 255]++] = v;                                      \
            }                                                                       \
        }                                                                           \
    }                                                                               \
    /* LSD radix sort over `chunks` chunks (1: this thread only, all digit counts   \
     * from one read); returns 1 when the result is in (kt, ixt) */                 \
    static int radix_##SUF(K *k, K *kt, uint32_t *ix, uint32_t *ixt, npy_intp n,   \
                           int chunks)                                              \
    {                                                                               \
        npy_intp local[1][256];                                                     \
        npy_intp(*count)[256] = local;                                              \
        npy_intp hist[sizeof(K)][256];                                              \
        if (chunks > 1) {                                                           \
            count = PyMem_RawMalloc((size_t)chunks * sizeof *count);                \
            if (count == NULL) {                                                    \
                count = local; /* no memory for counts: one thread does it */       \
                chunks = 1;                                                         \
            }                                                                       \
        }                                                                           \
        if (chunks == 1) {                                                          \
            memset(hist, 0, sizeof hist);                                           \
            for (npy_intp i = 0; i < n; i++) {                                      \
                const K v = k[i];                                                   \
                for (int d = 0; d < (int)sizeof(K); d++) {                          \
                    hist[d][(v >> (8 * d)) & 255]++;                                \
                }                                                                   \
            }                                                                       \
        }                                                                           \
        K *src = k, *dst = kt;                                                      \
        uint32_t *isrc = ix, *idst = ixt;                                           \
        int swapped = 0;                                                            \
        for (int d = 0; d < (int)sizeof(K); d++) {                                  \
            radix_pass p = {src, dst, isrc, idst, 8 * d, count};                    \
            if (chunks == 1) {                                                      \
                memcpy(count[0], hist[d], sizeof hist[d]);                          \
            } else {                                                                \
                pool_run(n, chunks, count_##SUF, &p);                               \
            }                                                                       \
            /* a digit every key shares changes nothing */                          \
            const int first = (src[0] >> (8 * d)) & 255;                            \
            npy_intp same = 0;                                                      \
            for (int c = 0; c < chunks; c++) {                                      \
                same += count[c][first];                                            \
            }                                                                       \
            if (same == n) {                                                        \
                continue;                                                           \
            }                                                                       \
            npy_intp at = 0;                                                        \
            for (int b = 0; b < 256; b++) {                                         \
                for (int c = 0; c < chunks; c++) {                                  \
                    const npy_intp cnt = count[c][b];                               \
                    count[c][b] = at;                                               \
                    at += cnt;                                                      \
                }                                                                   \
            }                                                                       \
            if (chunks == 1) {                                                      \
                scatter_##SUF(&p, 0, 0, n);                                         \
            } else {                                                                \
                pool_run(n, chunks, scatter_##SUF, &p);                             \
            }                                                                       \
            K *tk = src; src = dst; dst = tk;                                       \
            uint32_t *ti = isrc; isrc = idst; idst = ti;                            \
            swapped ^= 1;                                                           \
        }                                                                           \
        if (count != local) {                                                       \
            PyMem_RawFree(count);                                                   \
        }                                                                           \
        return swapped;                                                             \
    }

SORTER(k8, uint8_t)
SORTER(k16, uint16_t)
SORTER(k32, uint32_t)
SORTER(k64, uint64_t)

/* Sorts n keys of `width` bytes stably (positions along when ix is not NULL); on
 * return *k and *ix hold the result, *kt and *ixt the spare buffers. */
static void sort_keys(int width, void **k, void **kt, uint32_t **ix, uint32_t **ixt,
                      npy_intp n, int chunks)
{
    int swapped;
    const int radix = n >= RADIX_MIN;
    switch (width) {
    case 1:
        swapped = radix ? radix_k8(*k, *kt, *ix, *ixt, n, chunks)
                        : msort_k8(*k, *kt, *ix, *ixt, n);
        break;
    case 2:
        swapped = radix ? radix_k16(*k, *kt, *ix, *ixt, n, chunks)
                        : msort_k16(*k, *kt, *ix, *ixt, n);
        break;
    case 4:
        swapped = radix ? radix_k32(*k, *kt, *ix, *ixt, n, chunks)
                        : msort_k32(*k, *kt, *ix, *ixt, n);
        break;
    default:
        swapped = radix ? radix_k64(*k, *kt, *ix, *ixt, n, chunks)
                        : msort_k64(*k, *kt, *ix, *ixt, n);
        break;
    }
    if (swapped) {
        void *t = *k;
        *k = *kt;
        *kt = t;
        uint32_t *ti = *ix;
        *ix = *ixt;
        *ixt = ti;
    }
}

/* ------------------------------------------------------------------ one row */

#define ALIGN_UP(x) (((x) + 63) & ~(size_t)63)

/* Scratch bytes one row of n elements needs, or 0 on overflow */
static size_t row_scratch_bytes(int t, npy_intp n, int want_idx)
{
    if (n < 0 || (uint64_t)n > (uint64_t)(SIZE_MAX / 64)) {
        return 0;
    }
    const size_t un = (size_t)n;
    const size_t w = (size_t)key_width(t);
    size_t total = 2 * ALIGN_UP(un * w);            /* keys and spare keys */
    if (want_idx || is_complex(t)) {
        total += 2 * ALIGN_UP(un * 4);              /* positions and spare */
    }
    if (is_complex(t)) {
        total += ALIGN_UP(un * 8) + ALIGN_UP(un);   /* hi words and classes */
    }
    return total + 64;
}

typedef struct {
    void *keys;       /* sorted keys (real types) */
    uint32_t *idx;    /* sorted positions (when asked for, and for complex types) */
    fstats st;        /* float rows: NaNs, zeros */
} row_result;

/* Sorts one row of n elements (`stride` bytes apart) stably by its keys; `mask` is
 * xor-ed into the keys (all ones: descending). */
static void sort_row(int t, const char *in, npy_intp stride, npy_intp n, uint64_t mask,
                     int want_idx, char *scratch, int chunks, row_result *r)
{
    const size_t un = (size_t)n;
    const size_t w = (size_t)key_width(t);
    char *at = (char *)ALIGN_UP((uintptr_t)scratch);
    void *k = at;
    at += ALIGN_UP(un * w);
    void *kt = at;
    at += ALIGN_UP(un * w);
    uint32_t *ix = NULL, *ixt = NULL;
    if (want_idx || is_complex(t)) {
        ix = (uint32_t *)at;
        at += ALIGN_UP(un * 4);
        ixt = (uint32_t *)at;
        at += ALIGN_UP(un * 4);
        for (npy_intp i = 0; i < n; i++) {
            ix[i] = (uint32_t)i;
        }
    }
    memset(&r->st, 0, sizeof r->st);
    if (!is_complex(t)) {
        KEYS[t](in, stride, n, k, mask, &r->st);
        sort_keys((int)w, &k, &kt, &ix, &ixt, n, chunks);
        r->keys = k;
        r->idx = ix;
        return;
    }
    uint64_t *hi = (uint64_t *)at;
    at += ALIGN_UP(un * 8);
    uint8_t *cls = (uint8_t *)at;
    (t == T_C64 ? c64_keys : c128_keys)(in, stride, n, (uint64_t *)k, hi, cls, mask);
    /* least significant first: lo, then hi, then class, each pass stable */
    sort_keys(8, &k, &kt, &ix, &ixt, n, chunks);
    uint64_t *k64 = (uint64_t *)k;
    for (npy_intp i = 0; i < n; i++) {
        k64[i] = hi[ix[i]];
    }
    sort_keys(8, &k, &kt, &ix, &ixt, n, chunks);
    uint8_t *k8 = (uint8_t *)k;
    for (npy_intp i = 0; i < n; i++) {
        k8[i] = cls[ix[i]];
    }
    sort_keys(1, &k, &kt, &ix, &ixt, n, chunks);
    r->keys = NULL;
    r->idx = ix;
}

static inline void copy_element(char *dst, const char *src, int size)
{
    switch (size) {
    case 1: memcpy(dst, src, 1); break;
    case 2: memcpy(dst, src, 2); break;
    case 4: memcpy(dst, src, 4); break;
    case 8: memcpy(dst, src, 8); break;
    default: memcpy(dst, src, 16); break;
    }
}

/* Writes the ascending sorted values of a row: position p goes to out + p * step. */
static void write_sorted_values(int t, const char *in, npy_intp stride, npy_intp n,
                                const row_result *r, char *out, npy_intp step)
{
    const int size = TYPE_SIZE[t];
    if (is_complex(t)) {
        for (npy_intp p = 0; p < n; p++) {
            copy_element(out + p * step, in + (npy_intp)r->idx[p] * stride, size);
        }
        return;
    }
    VALUES[t](r->keys, n, out, step);
    if (!is_float(t) || (r->st.nan == 0 && !r->st.negzero)) {
        return;
    }
    /* the zeros (when a -0.0 is among them) and the NaNs (payloads) in input order */
    npy_intp zero_at = r->st.neg, nan_at = n - r->st.nan;
    const int zeros = r->st.negzero;
    for (npy_intp i = 0; i < n; i++) {
        const char *v = in + i * stride;
        double d;
        if (t == T_F32) {
            float f;
            memcpy(&f, v, sizeof f);
            d = f;
        } else {
            memcpy(&d, v, sizeof d);
        }
        if (d != d) {
            copy_element(out + (nan_at++) * step, v, size);
        } else if (zeros && d == 0) {
            copy_element(out + (zero_at++) * step, v, size);
        }
    }
}

/* ------------------------------------------------------------------ sort, argsort */

typedef struct {
    int t;
    int indices;            /* argsort */
    int descending;
    npy_intp n;             /* row length */
    npy_intp in_stride, out_stride;
    int outer_nd;           /* the other axes */
    npy_intp outer_shape[NPY_MAXDIMS];
    npy_intp in_outer[NPY_MAXDIMS], out_outer[NPY_MAXDIMS];
    const char *in;
    char *out;
    char *scratch;          /* per chunk */
    size_t scratch_bytes;
    int inner_chunks;       /* threads inside one row */
} sort_job;

static void sort_one_row(const sort_job *job, const char *in, char *out, char *scratch)
{
    const npy_intp n = job->n;
    row_result r;
    if (job->indices) {
        const uint64_t mask = job->descending ? ~(uint64_t)0 : 0;
        sort_row(job->t, in, job->in_stride, n, mask, 1, scratch, job->inner_chunks, &r);
        for (npy_intp p = 0; p < n; p++) {
            const int64_t v = r.idx[p];
            memcpy(out + p * job->out_stride, &v, sizeof v);
        }
        return;
    }
    sort_row(job->t, in, job->in_stride, n, 0, 0, scratch, job->inner_chunks, &r);
    if (job->descending) {
        write_sorted_values(job->t, in, job->in_stride, n, &r,
                            out + (n - 1) * job->out_stride, -job->out_stride);
    } else {
        write_sorted_values(job->t, in, job->in_stride, n, &r, out, job->out_stride);
    }
}

static void sort_rows(void *ctx, int chunk, npy_intp lo, npy_intp hi)
{
    const sort_job *job = (const sort_job *)ctx;
    char *scratch = job->scratch + (size_t)chunk * job->scratch_bytes;
    npy_intp idx[NPY_MAXDIMS];
    npy_intp rem = lo;
    const char *in = job->in;
    char *out = job->out;
    for (int d = job->outer_nd - 1; d >= 0; d--) {
        idx[d] = rem % job->outer_shape[d];
        rem /= job->outer_shape[d];
        in += idx[d] * job->in_outer[d];
        out += idx[d] * job->out_outer[d];
    }
    for (npy_intp row = lo; row < hi; row++) {
        sort_one_row(job, in, out, scratch);
        for (int d = job->outer_nd - 1; d >= 0; d--) {
            in += job->in_outer[d];
            out += job->out_outer[d];
            if (++idx[d] < job->outer_shape[d]) {
                break;
            }
            in -= idx[d] * job->in_outer[d];
            out -= idx[d] * job->out_outer[d];
            idx[d] = 0;
        }
    }
}

/* sort(x, axis, descending, indices): x sorted along axis (indices false) or the
 * int64 positions that sort it (argsort); None where declined. */
PyObject *native_sort(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "sort(x, axis, descending, indices)");
        return NULL;
    }
    if (!plain_array(args[0]) || !PyLong_CheckExact(args[1])) {
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[0];
    const int nd = PyArray_NDIM(x);
    const int t = type_index(PyArray_DESCR(x));
    const long axis_arg = PyLong_AsLong(args[1]);
    if (axis_arg == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    const int descending = PyObject_IsTrue(args[2]);
    const int indices = PyObject_IsTrue(args[3]);
    if (descending < 0 || indices < 0) {
        return NULL;
    }
    if (nd == 0 || axis_arg < -nd || axis_arg >= nd) {
        Py_RETURN_NONE;  /* NumPy raises its own error */
    }
    const int axis = (int)(axis_arg < 0 ? axis_arg + nd : axis_arg);
    sort_job job;
    memset(&job, 0, sizeof job);
    job.t = t;
    job.indices = indices;
    job.descending = descending;
    job.n = PyArray_DIM(x, axis);
    if ((indices || is_complex(t)) && (uint64_t)job.n > UINT32_MAX) {
        Py_RETURN_NONE;  /* positions are 32-bit here */
    }
    PyArrayObject *out = new_array(nd, PyArray_DIMS(x), indices ? T_I64 : t);
    if (out == NULL) {
        return NULL;
    }
    const npy_intp size = PyArray_SIZE(x);
    if (size == 0) {
        return (PyObject *)out;
    }
    job.in_stride = PyArray_STRIDE(x, axis);
    job.out_stride = PyArray_STRIDE(out, axis);
    for (int d = 0; d < nd; d++) {
        if (d == axis) {
            continue;
        }
        job.outer_shape[job.outer_nd] = PyArray_DIM(x, d);
        job.in_outer[job.outer_nd] = PyArray_STRIDE(x, d);
        job.out_outer[job.outer_nd] = PyArray_STRIDE(out, d);
        job.outer_nd++;
    }
    job.in = PyArray_BYTES(x);
    job.out = PyArray_BYTES(out);
    const npy_intp rows = size / job.n;
    /* many rows: threads take whole rows; few long rows: threads share each row */
    int chunks = pool_chunks_for((double)size * 4.0);
    if (chunks > rows) {
        chunks = (int)rows;
    }
    if (chunks > 1 && rows < 2 * (npy_intp)pool_get_threads()) {
        chunks = 1;
    }
    job.inner_chunks = 1;
    if (chunks == 1 && job.n >= RADIX_PAR_MIN) {
        job.inner_chunks = pool_chunks_for((double)job.n * 4.0);
    }
    job.scratch_bytes = row_scratch_bytes(t, job.n, indices);
    if (job.scratch_bytes == 0 || job.scratch_bytes > SIZE_MAX / (size_t)chunks) {
        Py_DECREF(out);
        return PyErr_NoMemory();
    }
    job.scratch = scratch_alloc(job.scratch_bytes * (size_t)chunks);
    if (job.scratch == NULL) {
        Py_DECREF(out);
        return PyErr_NoMemory();
    }
    const int release = size > 4096;
    PyThreadState *state = release ? PyEval_SaveThread() : NULL;
    if (chunks > 1) {
        pool_run(rows, chunks, sort_rows, &job);
    } else {
        sort_rows(&job, 0, 0, rows);
    }
    if (release) {
        PyEval_RestoreThread(state);
    }
    scratch_free(job.scratch);
    return (PyObject *)out;
}

/* ------------------------------------------------------------------ unique */

enum { UNIQUE_VALUES, UNIQUE_COUNTS, UNIQUE_INVERSE, UNIQUE_ALL };

/* Run starts of sorted values: a new run wherever a value differs from the one
 * before (NaN differs from everything, -0.0 equals +0.0). */
#define VALUE_RUNS(NAME, T)                                                         \
    static npy_intp NAME##_runs(const char *sorted, npy_intp n, npy_intp *starts)   \
    {                                                                               \
        const T *v = (const T *)sorted;                                             \
        npy_intp m = 0;                                                             \
        for (npy_intp i = 0; i < n; i++) {                                          \
            if (i == 0 || !(v[i] == v[i - 1])) {                                    \
                starts[m++] = i;                                                    \
            }                                                                       \
        }                                                                           \
        return m;                                                                   \
    }

VALUE_RUNS(b, npy_bool)
VALUE_RUNS(i8, int8_t)
VALUE_RUNS(i16, int16_t)
VALUE_RUNS(i32, int32_t)
VALUE_RUNS(i64, int64_t)
VALUE_RUNS(u8, uint8_t)
VALUE_RUNS(u16, uint16_t)
VALUE_RUNS(u32, uint32_t)
VALUE_RUNS(u64, uint64_t)
VALUE_RUNS(f32, float)
VALUE_RUNS(f64, double)

typedef npy_intp (*runs_fn)(const char *, npy_intp, npy_intp *);
static const runs_fn VALUE_RUNS_OF[N_TYPES] = {
    [T_BOOL] = b_runs, [T_I8] = i8_runs, [T_I16] = i16_runs, [T_I32] = i32_runs,
    [T_I64] = i64_runs, [T_U8] = u8_runs, [T_U16] = u16_runs, [T_U32] = u32_runs,
    [T_U64] = u64_runs, [T_F32] = f32_runs, [T_F64] = f64_runs,
};

/* Run starts of values in the order idx gives (same rule as VALUE_RUNS) */
#define INDEXED_RUNS(NAME, T, EQUAL)                                                \
    static npy_intp NAME##_indexed_runs(const char *data, const uint32_t *idx,      \
                                        npy_intp n, npy_intp *starts)               \
    {                                                                               \
        const T *v = (const T *)data;                                               \
        npy_intp m = 0;                                                             \
        for (npy_intp i = 0; i < n; i++) {                                          \
            if (i == 0 || !(EQUAL(v[idx[i]], v[idx[i - 1]]))) {                     \
                starts[m++] = i;                                                    \
            }                                                                       \
        }                                                                           \
        return m;                                                                   \
    }
#define EQ_REAL(a, b) ((a) == (b))
#define EQ_COMPLEX(a, b) ((a).re == (b).re && (a).im == (b).im)

INDEXED_RUNS(b, npy_bool, EQ_REAL)
INDEXED_RUNS(i8, int8_t, EQ_REAL)
INDEXED_RUNS(i16, int16_t, EQ_REAL)
INDEXED_RUNS(i32, int32_t, EQ_REAL)
INDEXED_RUNS(i64, int64_t, EQ_REAL)
INDEXED_RUNS(u8, uint8_t, EQ_REAL)
INDEXED_RUNS(u16, uint16_t, EQ_REAL)
INDEXED_RUNS(u32, uint32_t, EQ_REAL)
INDEXED_RUNS(u64, uint64_t, EQ_REAL)
INDEXED_RUNS(f32, float, EQ_REAL)
INDEXED_RUNS(f64, double, EQ_REAL)
INDEXED_RUNS(c64, c64_t, EQ_COMPLEX)
INDEXED_RUNS(c128, c128_t, EQ_COMPLEX)

typedef npy_intp (*indexed_runs_fn)(const char *, const uint32_t *, npy_intp, npy_intp *);
static const indexed_runs_fn INDEXED_RUNS_OF[N_TYPES] = {
    [T_BOOL] = b_indexed_runs, [T_I8] = i8_indexed_runs, [T_I16] = i16_indexed_runs,
    [T_I32] = i32_indexed_runs, [T_I64] = i64_indexed_runs, [T_U8] = u8_indexed_runs,
    [T_U16] = u16_indexed_runs, [T_U32] = u32_indexed_runs, [T_U64] = u64_indexed_runs,
    [T_F32] = f32_indexed_runs, [T_F64] = f64_indexed_runs, [T_C64] = c64_indexed_runs,
    [T_C128] = c128_indexed_runs,
};

/* unique(x, mode): mode 0 values, 1 (values, counts), 2 (values, inverse), 3 (values,
 * indices, inverse, counts), as the numpy kernels return them (x flattened in C
 * order; NaNs distinct; the first occurrence of equal values is the one kept, and
 * its index is reported); None where declined. */
PyObject *native_unique(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "unique(x, mode)");
        return NULL;
    }
    const long mode = PyLong_AsLong(args[1]);
    if (mode == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (mode < UNIQUE_VALUES || mode > UNIQUE_ALL) {
        PyErr_SetString(PyExc_ValueError, "unique: mode must be 0, 1, 2 or 3");
        return NULL;
    }
    if (!plain_array(args[0])) {
        Py_RETURN_NONE;
    }
    PyArrayObject *x = (PyArrayObject *)args[0];
    const int t = type_index(PyArray_DESCR(x));
    const int size = TYPE_SIZE[t];
    const npy_intp n = PyArray_SIZE(x);
    /* the value path: sorted values, no positions (real types, no inverse needed) */
    const int by_value = !is_complex(t) && (mode == UNIQUE_VALUES || mode == UNIQUE_COUNTS);
    if (!by_value && (uint64_t)n > UINT32_MAX) {
        Py_RETURN_NONE;  /* positions are 32-bit here */
    }
    PyArrayObject *flat = PyArray_GETCONTIGUOUS(x);  /* x itself when C-contiguous */
    if (flat == NULL) {
        return NULL;
    }
    const char *data = PyArray_BYTES(flat);
    const size_t scratch_bytes = row_scratch_bytes(t, n, !by_value);
    char *scratch = NULL;
    npy_intp *starts = NULL;
    char *sorted = NULL;
    /* one block: the sort's scratch, the run starts, the sorted values */
    if (scratch_bytes != 0 && (uint64_t)n < (uint64_t)(SIZE_MAX / 64)) {
        const size_t starts_bytes = ALIGN_UP(((size_t)n + 1) * sizeof *starts);
        const size_t sorted_bytes = by_value ? ALIGN_UP((size_t)n * (size_t)size + 1) : 0;
        if (scratch_bytes <= SIZE_MAX - starts_bytes - sorted_bytes) {
            scratch = scratch_alloc(scratch_bytes + starts_bytes + sorted_bytes);
        }
        if (scratch != NULL) {
            starts = (npy_intp *)(scratch + scratch_bytes);
            sorted = by_value ? scratch + scratch_bytes + starts_bytes : NULL;
        }
    }
    if (scratch == NULL) {
        Py_DECREF(flat);
        return PyErr_NoMemory();
    }
    const int chunks = n >= RADIX_PAR_MIN ? pool_chunks_for((double)n * 4.0) : 1;
    row_result r;
    npy_intp m;
    const int release = n > 4096;
    PyThreadState *state = release ? PyEval_SaveThread() : NULL;
    sort_row(t, data, size, n, 0, !by_value, scratch, chunks, &r);
    if (by_value) {
        write_sorted_values(t, data, size, n, &r, sorted, size);
        m = VALUE_RUNS_OF[t](sorted, n, starts);
    } else {
        m = INDEXED_RUNS_OF[t](data, r.idx, n, starts);
    }
    starts[m] = n;
    if (release) {
        PyEval_RestoreThread(state);
    }

    PyObject *result = NULL;
    PyArrayObject *values = new_array(1, &m, t);
    PyArrayObject *counts = NULL, *first = NULL, *inverse = NULL;
    if (values == NULL) {
        goto done;
    }
    if (mode == UNIQUE_COUNTS || mode == UNIQUE_ALL) {
        if ((counts = new_array(1, &m, T_I64)) == NULL) {
            goto done;
        }
    }
    if (mode == UNIQUE_ALL) {
        if ((first = new_array(1, &m, T_I64)) == NULL) {
            goto done;
        }
    }
    if (mode == UNIQUE_INVERSE || mode == UNIQUE_ALL) {
        inverse = new_array(PyArray_NDIM(x), PyArray_DIMS(x), T_I64);
        if (inverse == NULL) {
            goto done;
        }
    }
    state = release ? PyEval_SaveThread() : NULL;
    char *vals = PyArray_BYTES(values);
    for (npy_intp j = 0; j < m; j++) {
        const char *src = by_value ? sorted + starts[j] * size
                                   : data + (npy_intp)r.idx[starts[j]] * size;
        copy_element(vals + j * size, src, size);
    }
    if (counts != NULL) {
        int64_t *c = (int64_t *)PyArray_DATA(counts);
        for (npy_intp j = 0; j < m; j++) {
            c[j] = starts[j + 1] - starts[j];
        }
    }
    if (first != NULL) {
        int64_t *f = (int64_t *)PyArray_DATA(first);
        for (npy_intp j = 0; j < m; j++) {
            f[j] = r.idx[starts[j]];
        }
    }
    if (inverse != NULL) {
        int64_t *inv = (int64_t *)PyArray_DATA(inverse);
        for (npy_intp j = 0; j < m; j++) {
            for (npy_intp i = starts[j]; i < starts[j + 1]; i++) {
                inv[r.idx[i]] = j;
            }
        }
    }
    if (release) {
        PyEval_RestoreThread(state);
    }
    switch (mode) {
    case UNIQUE_VALUES:
        result = (PyObject *)values;
        values = NULL;
        break;
    case UNIQUE_COUNTS:
        result = PyTuple_Pack(2, values, counts);
        break;
    case UNIQUE_INVERSE:
        result = PyTuple_Pack(2, values, inverse);
        break;
    default:
        result = PyTuple_Pack(4, values, first, inverse, counts);
        break;
    }
done:
    Py_XDECREF(values);
    Py_XDECREF(counts);
    Py_XDECREF(first);
    Py_XDECREF(inverse);
    scratch_free(scratch);
    Py_DECREF(flat);
    return result;
}

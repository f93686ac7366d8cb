/* Scratch memory for the native kernels' temporary buffers (sort keys and positions,
 * the runs and values of unique).
 *
 * Fresh memory costs a page fault per 4 KiB page when it is first touched, and glibc
 * hands large freed blocks back to the kernel, so a kernel that mallocs its scratch on
 * every call spends much of its time faulting pages in: unique_values of 1M float64
 * took 27 ms, 17 of them in page faults of its 32 MB of scratch. Blocks of
 * SCRATCH_MAP_MIN bytes and more are therefore mapped with transparent-huge-page advice
 * (a fault per 2 MiB), and the most recently freed one, up to SCRATCH_KEEP_MAX bytes,
 * is kept for the next call (one block process-wide, taken and put back with atomic
 * exchanges, so concurrent calls from several Python threads are safe). Smaller blocks
 * come from malloc. Under AddressSanitizer every block is a malloc, so that accesses
 * past the end of a buffer are reported.
 */
#include "native.h"

#include <stdlib.h>

#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__)
#include <sys/mman.h>
#define SCRATCH_MAPS 1
#else
#define SCRATCH_MAPS 0
#endif

/* Every block starts with this header; the caller's memory follows at HEADER bytes
 * (64-byte aligned where the block is). */
typedef struct {
    size_t mapped;  /* bytes mapped with mmap, 0 for a malloc'ed block */
} scratch_header;

#define HEADER ((size_t)64)
#define SCRATCH_MAP_MIN ((size_t)1 << 20)
#define SCRATCH_KEEP_MAX ((size_t)64 << 20)
#define HUGE_PAGE ((size_t)2 << 20)

#if SCRATCH_MAPS
static char *kept = NULL;  /* a freed mapped block kept for reuse (its header) */

static void unmap_block(char *block)
{
    (void)munmap(block, ((scratch_header *)block)->mapped);
}
#endif

void *scratch_alloc(size_t bytes)
{
    if (bytes > SIZE_MAX - HEADER - HUGE_PAGE) {
        return NULL;
    }
    const size_t total = bytes + HEADER;
#if SCRATCH_MAPS
    if (total >= SCRATCH_MAP_MIN) {
        char *block = __atomic_exchange_n(&kept, NULL, __ATOMIC_ACQ_REL);
        if (block != NULL) {
            if (((scratch_header *)block)->mapped >= total) {
                return block + HEADER;
            }
            unmap_block(block);
        }
        const size_t len = (total + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
        void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            return NULL;
        }
#ifdef MADV_HUGEPAGE
        (void)madvise(p, len, MADV_HUGEPAGE);
#endif
        ((scratch_header *)p)->mapped = len;
        return (char *)p + HEADER;
    }
#endif
    char *block = malloc(total);
    if (block == NULL) {
        return NULL;
    }
    ((scratch_header *)block)->mapped = 0;
    return block + HEADER;
}

void scratch_free(void *memory)
{
    if (memory == NULL) {
        return;
    }
    char *block = (char *)memory - HEADER;
    const size_t mapped = ((scratch_header *)block)->mapped;
    if (mapped == 0) {
        free(block);
        return;
    }
#if SCRATCH_MAPS
    if (mapped <= SCRATCH_KEEP_MAX) {
        char *previous = __atomic_exchange_n(&kept, block, __ATOMIC_ACQ_REL);
        if (previous != NULL) {
            unmap_block(previous);
        }
        return;
    }
    unmap_block(block);
#endif
}

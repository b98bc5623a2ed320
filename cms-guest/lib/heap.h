/* heap.h - a simple heap over a region the caller gives, for the guest.
 *
 * First fit over a free list kept in address order, so that a freed block
 * merges with free neighbours on both sides and the region does not
 * fragment into pieces that no longer fit anything.  Every block starts
 * with a header that records its size and a tag derived from its address:
 * freeing a pointer that is not a live block (a double free, a pointer
 * into the middle of a block, one from elsewhere) is refused and counted,
 * never a corruption.  Blocks are aligned to 8 bytes. */
#ifndef CMS_LIB_HEAP_H
#define CMS_LIB_HEAP_H

#include "arch370/types.h"

struct cms_block;

struct cms_heap {
    u8 *base;                   /* region, aligned to 8 */
    size_t size;
    struct cms_block *free;     /* free blocks in address order */
    unsigned bad_frees;         /* refused cms_free/cms_realloc pointers */
};

struct cms_heap_stats {
    size_t used;                /* bytes in live blocks, headers included */
    size_t free;                /* bytes in free blocks */
    size_t largest_free;        /* the biggest request that can succeed now */
    unsigned used_blocks, free_blocks, bad_frees;
};

/* false if the region is too small to hold a single block */
bool cms_heap_init(struct cms_heap *h, void *region, size_t size);
void *cms_malloc(struct cms_heap *h, size_t n);
void *cms_calloc(struct cms_heap *h, size_t count, size_t n);
void *cms_realloc(struct cms_heap *h, void *p, size_t n);
void cms_free(struct cms_heap *h, void *p);
void cms_heap_stats(const struct cms_heap *h, struct cms_heap_stats *st);

#endif

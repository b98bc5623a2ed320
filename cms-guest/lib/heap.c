/* heap.c - first-fit heap with coalescing (see heap.h). */
#include "cms-guest/lib/heap.h"
#include "cms-guest/lib/mem.h"

#define ALIGN           8u
#define TAG_USED        0x55534544u     /* "USED" */
#define TAG_FREE        0x46524545u     /* "FREE" */

struct cms_block {
    size_t size;                /* whole block, header included */
    size_t tag;                 /* TAG_x ^ address: says the header is real */
    struct cms_block *next;     /* free blocks only; payload otherwise */
};

#define HDR     ((sizeof(size_t) * 2 + ALIGN - 1) & ~(size_t)(ALIGN - 1))
#define MINBLK  ((HDR + sizeof(void *) + ALIGN - 1) & ~(size_t)(ALIGN - 1))

static size_t tag_of(const struct cms_block *b, u32 kind)
{
    return (size_t)kind ^ (size_t)(uintptr_t)b;
}

static void mark(struct cms_block *b, size_t size, u32 kind)
{
    b->size = size;
    b->tag = tag_of(b, kind);
}

static struct cms_block *block_of(const void *p)
{
    return (struct cms_block *)((u8 *)p - HDR);
}

static void *payload(struct cms_block *b)
{
    return (u8 *)b + HDR;
}

bool cms_heap_init(struct cms_heap *h, void *region, size_t size)
{
    uintptr_t start = ((uintptr_t)region + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1);
    size_t lost = start - (uintptr_t)region;

    cms_memset(h, 0, sizeof *h);
    if (!region || size < lost + MINBLK)
        return false;
    h->base = (u8 *)start;
    h->size = (size - lost) & ~(size_t)(ALIGN - 1);
    h->free = (struct cms_block *)h->base;
    mark(h->free, h->size, TAG_FREE);
    h->free->next = NULL;
    return true;
}

/* the block size a request needs, or 0 if it cannot be represented */
static size_t block_size(size_t n)
{
    if (n > (size_t)-1 - HDR - ALIGN)
        return 0;
    n = (n + HDR + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    return n < MINBLK ? MINBLK : n;
}

void *cms_malloc(struct cms_heap *h, size_t n)
{
    size_t need = block_size(n);
    struct cms_block **link;

    if (!need || !h->base)
        return NULL;
    for (link = &h->free; *link; link = &(*link)->next) {
        struct cms_block *b = *link;
        if (b->size < need)
            continue;
        if (b->size - need >= MINBLK) {         /* split: the tail stays free */
            struct cms_block *rest = (struct cms_block *)((u8 *)b + need);
            mark(rest, b->size - need, TAG_FREE);
            rest->next = b->next;
            *link = rest;
            mark(b, need, TAG_USED);
        } else {
            *link = b->next;
            mark(b, b->size, TAG_USED);
        }
        return payload(b);
    }
    return NULL;
}

void *cms_calloc(struct cms_heap *h, size_t count, size_t n)
{
    void *p;

    if (n && count > (size_t)-1 / n)
        return NULL;
    p = cms_malloc(h, count * n);
    if (p)
        cms_memset(p, 0, count * n);
    return p;
}

/* a pointer cms_malloc returned and nobody freed since */
static bool is_live(const struct cms_heap *h, const void *p)
{
    const u8 *q = p;
    struct cms_block *b;

    if (!h->base || q < h->base + HDR || q >= h->base + h->size || ((uintptr_t)q % ALIGN))
        return false;
    b = block_of(p);
    return b->tag == tag_of(b, TAG_USED) && b->size >= MINBLK &&
           b->size <= (size_t)(h->base + h->size - (u8 *)b);
}

static bool adjacent(const struct cms_block *a, const struct cms_block *b)
{
    return (const u8 *)a + a->size == (const u8 *)b;
}

void cms_free(struct cms_heap *h, void *p)
{
    struct cms_block *b, *prev = NULL, *next;

    if (!p)
        return;
    if (!is_live(h, p)) {
        h->bad_frees++;
        return;
    }
    b = block_of(p);
    for (next = h->free; next && next < b; next = next->next)
        prev = next;
    mark(b, b->size, TAG_FREE);
    b->next = next;
    if (next && adjacent(b, next)) {            /* merge with the block after */
        b->size += next->size;
        b->next = next->next;
        next->tag = 0;
    }
    if (prev && adjacent(prev, b)) {            /* and with the block before */
        prev->size += b->size;
        prev->next = b->next;
        b->tag = 0;
    } else if (prev) {
        prev->next = b;
    } else {
        h->free = b;
    }
}

/* grow in place when the block after is free and big enough */
static bool grow_in_place(struct cms_heap *h, struct cms_block *b, size_t need)
{
    struct cms_block **link;

    for (link = &h->free; *link; link = &(*link)->next) {
        struct cms_block *n = *link;
        if (!adjacent(b, n))
            continue;
        if (b->size + n->size < need)
            return false;
        *link = n->next;
        n->tag = 0;
        b->size += n->size;
        return true;
    }
    return false;
}

/* give back the tail of a block that is larger than it needs to be */
static void trim(struct cms_heap *h, struct cms_block *b, size_t need)
{
    if (b->size - need >= MINBLK) {
        struct cms_block *rest = (struct cms_block *)((u8 *)b + need);
        mark(rest, b->size - need, TAG_USED);
        b->size = need;
        cms_free(h, payload(rest));
    }
}

void *cms_realloc(struct cms_heap *h, void *p, size_t n)
{
    struct cms_block *b;
    size_t need;
    void *q;

    if (!p)
        return cms_malloc(h, n);
    if (!is_live(h, p)) {
        h->bad_frees++;
        return NULL;
    }
    b = block_of(p);
    need = block_size(n);
    if (!need)
        return NULL;
    if (need <= b->size || grow_in_place(h, b, need)) {
        trim(h, b, need);
        return p;
    }
    q = cms_malloc(h, n);
    if (q) {
        cms_memcpy(q, p, b->size - HDR);
        cms_free(h, p);
    }
    return q;
}

void cms_heap_stats(const struct cms_heap *h, struct cms_heap_stats *st)
{
    const u8 *p = h->base, *end = h->base + h->size;

    cms_memset(st, 0, sizeof *st);
    st->bad_frees = h->bad_frees;
    while (p && p < end) {
        const struct cms_block *b = (const struct cms_block *)p;
        if (b->size < MINBLK)           /* a damaged header: stop counting */
            break;
        if (b->tag == tag_of(b, TAG_FREE)) {
            st->free += b->size;
            st->free_blocks++;
            if (b->size - HDR > st->largest_free)
                st->largest_free = b->size - HDR;
        } else {
            st->used += b->size;
            st->used_blocks++;
        }
        p += b->size;
    }
}

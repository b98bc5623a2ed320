/* freestor.c - first-fit free storage with coalescing and tag accounting. */
#include "cp/kern/freestor.h"
#include "cp/kern/abend.h"
#include "cp/lib/string.h"

#define ALIGN           8u
#define MAGIC_USED      0xC6D9C5C5u     /* guards against double free */
#define MAGIC_FREE      0xC6D9C5F0u
#define MAX_TAGS        48

struct hdr {
    u32 size;                   /* whole block including header */
    u32 magic;
    struct hdr *next;           /* free list (address order) */
    u16 tag;                    /* index into tags[] */
    u16 pad;
};

struct tag_use {
    char name[9];
    u32 blocks;
    size_t bytes;
};

static struct hdr *free_list;
static struct tag_use tags[MAX_TAGS];
static unsigned ntags;
/* tag_index()'s table of the names it saw, by their addresses: open
 * addressing, a few probes from the home entry, so two tags whose
 * addresses share an entry (the linker decides where literals go) do
 * not throw each other out on every allocation */
#define TAG_CACHE       128
#define TAG_PROBES      8
static struct {
    const char *name;
    u16 slot;
} tag_cache[TAG_CACHE];
static struct freestor_stats stats;

static size_t round_up(size_t n)
{
    return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

void freestor_init(void *base, size_t size)
{
    uintptr_t b = ((uintptr_t)base + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1);

    size -= b - (uintptr_t)base;
    size &= ~(size_t)(ALIGN - 1);
    free_list = (struct hdr *)b;
    free_list->size = (u32)size;
    free_list->magic = MAGIC_FREE;
    free_list->next = NULL;
    memset(&stats, 0, sizeof stats);
    stats.total = size;
    memset(tags, 0, sizeof tags);
    memset(tag_cache, 0, sizeof tag_cache);
    ntags = 0;
}

/* A tag's slot: first by the address of its name, in a small table
 * hashed by that address (callers pass string literals, so one address
 * is nearly always one name), and only then by comparing names with
 * every slot.  With some forty tags in use, comparing names on every
 * allocation cost more than the allocation itself. */
static unsigned tag_hash(const char *tag)
{
    return (unsigned)(((u32)(uintptr_t)tag * 2654435761u) >> 25) % TAG_CACHE;
}

static u16 tag_index(const char *tag)
{
    unsigned h = tag_hash(tag), at = h;
    u16 slot;

    for (unsigned i = 0; i < TAG_PROBES; i++) {
        unsigned k = (h + i) % TAG_CACHE;

        if (tag_cache[k].name == tag) {
            if (!strcmp(tags[tag_cache[k].slot].name, tag))
                return tag_cache[k].slot;
            at = k;                     /* the same address, another name now */
            break;
        }
        if (!tag_cache[k].name) {
            at = k;
            break;
        }
    }
    for (slot = 0; slot < ntags; slot++)
        if (!strcmp(tags[slot].name, tag))
            break;
    if (slot == ntags) {
        if (ntags == MAX_TAGS)
            return MAX_TAGS - 1;        /* the last slot collects the rest */
        strlcpy(tags[ntags].name, tag, sizeof tags[ntags].name);
        ntags++;
    }
    /* a free or stale entry on the probe path, else the home entry */
    tag_cache[at].name = tag;
    tag_cache[at].slot = slot;
    return slot;
}

void *kmalloc(size_t size, const char *tag)
{
    size_t need = round_up(size + sizeof(struct hdr));
    struct hdr **pp, *h;

    if (size == 0 || size > 0x10000000)
        return NULL;
    for (pp = &free_list; (h = *pp) != NULL; pp = &h->next) {
        if (h->magic != MAGIC_FREE)
            cp_abend(ABEND_FREESTOR, "free storage chain damaged");
        if (h->size < need)
            continue;
        if (h->size - need >= sizeof(struct hdr) + 2 * ALIGN) {
            struct hdr *rest = (struct hdr *)((u8 *)h + need);
            rest->size = h->size - (u32)need;
            rest->magic = MAGIC_FREE;
            rest->next = h->next;
            *pp = rest;
            h->size = (u32)need;
        } else {
            *pp = h->next;
        }
        h->magic = MAGIC_USED;
        h->next = NULL;
        h->tag = tag_index(tag);
        tags[h->tag].blocks++;
        tags[h->tag].bytes += h->size;
        stats.in_use += h->size;
        stats.blocks++;
        if (stats.in_use > stats.high_water)
            stats.high_water = stats.in_use;
        return h + 1;
    }
    stats.failures++;
    return NULL;
}

void *kzalloc(size_t size, const char *tag)
{
    void *p = kmalloc(size, tag);
    if (p)
        memset(p, 0, size);
    return p;
}

void kfree(void *p)
{
    struct hdr *h, **pp, *prev = NULL;

    if (!p)
        return;
    h = (struct hdr *)p - 1;
    if (h->magic != MAGIC_USED)
        cp_abend(ABEND_FREESTOR, "kfree of a block not in use");
    tags[h->tag].blocks--;
    tags[h->tag].bytes -= h->size;
    stats.in_use -= h->size;
    stats.blocks--;
    h->magic = MAGIC_FREE;
    for (pp = &free_list; *pp && *pp < h; pp = &(*pp)->next)
        prev = *pp;
    h->next = *pp;
    *pp = h;
    if (h->next && (u8 *)h + h->size == (u8 *)h->next) {       /* merge right */
        h->size += h->next->size;
        h->next = h->next->next;
    }
    if (prev && (u8 *)prev + prev->size == (u8 *)h) {          /* merge left */
        prev->size += h->size;
        prev->next = h->next;
    }
}

void freestor_stats(struct freestor_stats *st)
{
    *st = stats;
}

void freestor_by_tag(void (*fn)(const char *, u32, size_t, void *), void *arg)
{
    for (unsigned i = 0; i < ntags; i++)
        if (tags[i].blocks)
            fn(tags[i].name, tags[i].blocks, tags[i].bytes, arg);
}

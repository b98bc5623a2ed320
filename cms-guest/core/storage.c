/* storage.c - CMS free storage: one heap over the storage the nucleus
 * does not use, and the allocator and clock the file system takes. */
#include "cms-guest/core/cms.h"

static struct cms_heap heap;
static void *heap_region;
static size_t heap_size;

void cms_storage_init(void *region, size_t size)
{
    heap_region = region;
    heap_size = size;
    cms_heap_init(&heap, region, size);
}

void cms_storage_reset(void)
{
    cms_heap_init(&heap, heap_region, heap_size);
}

void cms_storage_stats(struct cms_heap_stats *st)
{
    cms_heap_stats(&heap, st);
}

void *cms_alloc(size_t n)
{
    return cms_malloc(&heap, n);
}

void cms_release(void *p)
{
    cms_free(&heap, p);
}

static unsigned two_digits(const char *s)
{
    return (unsigned)(s[0] - '0') * 10 + (unsigned)(s[1] - '0');
}

/* files are dated from CP's clock (DIAGNOSE X'0C') */
static void fs_now(struct cms_time *t)
{
    struct sys_clock c;

    sys_clock(&c);
    t->month = (u8)two_digits(c.date);
    t->day = (u8)two_digits(c.date + 3);
    t->year = (u16)two_digits(c.date + 6);
    t->hour = (u8)two_digits(c.time);
    t->minute = (u8)two_digits(c.time + 3);
}

const struct cms_env cms_fsenv = { cms_alloc, cms_release, fs_now };

/* pageslot.c - the page-slot bitmap over the paging areas (pageslot.h). */
#include "cp/mm/pageslot.h"
#include "cp/kern/freestor.h"
#include "cp/kern/abend.h"
#include "cp/lib/string.h"

struct extent {
    const void *area;
    u32 first;                  /* slot number of its first page - 1 */
    u32 count;
    u32 used;
};

static struct extent extents[SLOT_MAX_EXTENTS];
static unsigned nextents;
static u8 *inuse, *bad;         /* one bit per slot */
static u32 total, used, nbad, cursor;

void slots_reset(void)
{
    kfree(inuse);
    kfree(bad);
    inuse = bad = NULL;
    nextents = 0;
    total = used = nbad = cursor = 0;
}

/* The bitmaps grow with each extent: copy what is there into new ones. */
static bool grow(u32 newtotal)
{
    u32 bytes = (newtotal + 7) / 8;
    u8 *ni = kzalloc(bytes, "SLOTMAP");
    u8 *nb = kzalloc(bytes, "SLOTBAD");

    if (!ni || !nb) {
        kfree(ni);
        kfree(nb);
        return false;
    }
    if (inuse) {
        memcpy(ni, inuse, (total + 7) / 8);
        memcpy(nb, bad, (total + 7) / 8);
    }
    kfree(inuse);
    kfree(bad);
    inuse = ni;
    bad = nb;
    return true;
}

int slots_add(const void *area, u32 n)
{
    if (n == 0 || nextents == SLOT_MAX_EXTENTS || total + n < total || !grow(total + n))
        return -1;
    extents[nextents++] = (struct extent){ .area = area, .first = total, .count = n };
    total += n;
    return 0;
}

static bool bit(const u8 *map, u32 i)   { return (map[i / 8] >> (i % 8)) & 1; }
static void set(u8 *map, u32 i)         { map[i / 8] |= (u8)(1u << (i % 8)); }
static void clear(u8 *map, u32 i)       { map[i / 8] &= (u8)~(1u << (i % 8)); }

static struct extent *extent_of(u32 i)
{
    for (unsigned e = 0; e < nextents; e++)
        if (i >= extents[e].first && i - extents[e].first < extents[e].count)
            return &extents[e];
    return NULL;
}

u32 slot_alloc(void)
{
    if (used == total)
        return 0;
    for (u32 n = 0; n < total; n++) {
        u32 i = (cursor + n) % total;
        if (inuse[i / 8] == 0xFF) {             /* skip full bytes quickly */
            n += 7 - i % 8;
            continue;
        }
        if (!bit(inuse, i)) {
            set(inuse, i);
            used++;
            extent_of(i)->used++;
            cursor = i + 1;
            return i + 1;
        }
    }
    return 0;
}

void slot_free(u32 slot)
{
    u32 i = slot - 1;

    if (slot == 0 || i >= total || !bit(inuse, i))
        cp_abend(ABEND_PAGING, "page slot freed twice or not a slot");
    if (bit(bad, i))
        return;                                 /* a bad slot stays taken */
    clear(inuse, i);
    used--;
    extent_of(i)->used--;
}

void slot_mark_bad(u32 slot)
{
    u32 i = slot - 1;

    if (slot == 0 || i >= total || bit(bad, i))
        return;
    if (!bit(inuse, i)) {
        set(inuse, i);
        used++;
        extent_of(i)->used++;
    }
    set(bad, i);
    nbad++;
}

bool slot_locate(u32 slot, const void **area, u32 *page)
{
    struct extent *e = slot ? extent_of(slot - 1) : NULL;

    if (!e)
        return false;
    *area = e->area;
    *page = slot - 1 - e->first;
    return true;
}

u32 slots_total(void)       { return total; }
u32 slots_used(void)        { return used; }
u32 slots_bad(void)         { return nbad; }
unsigned slots_extents(void) { return nextents; }

bool slots_extent(unsigned n, const void **area, u32 *count, u32 *nused)
{
    if (n >= nextents)
        return false;
    *area = extents[n].area;
    *count = extents[n].count;
    *nused = extents[n].used;
    return true;
}

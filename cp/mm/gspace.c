/* gspace.c - guest address spaces: segment and page tables, frames on touch. */
#include "cp/mm/gspace.h"
#include "cp/mm/frame.h"
#include "cp/mm/freestor.h"
#include "cp/lib/string.h"
#include "cpu.h"

/* Page tables are 1K each, four to a frame; the segment table takes a
 * frame of its own (ESA/390 wants it 4K aligned). */

static u32 *alloc_table_frame(u16 owner)
{
    u32 f = frame_alloc(owner, 0xFFFFFFFFu);
    struct frame *fr;

    if (!f)
        return NULL;
    fr = frame_of(f);
    if (fr)
        fr->flags |= FRAME_LOCKED;
    return (u32 *)(uintptr_t)f;
}

int gspace_create(struct gspace *gs, u32 size, u16 owner)
{
    u32 nseg;

    memset(gs, 0, sizeof *gs);
    size = (size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    if (size == 0 || size > 16 * SEG_SIZE)
        return -1;
    gs->size = size;
    gs->npages = size / PAGE_SIZE;
    gs->owner = owner;
    gs->keys = kzalloc(gs->npages, "GKEYS");
    gs->segtab = alloc_table_frame(owner);
    if (!gs->keys || !gs->segtab)
        goto fail;
    for (unsigned i = 0; i < 1024; i++)
        gs->segtab[i] = STE_INVALID;
    nseg = (size + SEG_SIZE - 1) / SEG_SIZE;
    for (u32 s = 0; s < nseg; s += 4) {
        u32 *frame = alloc_table_frame(owner);
        if (!frame)
            goto fail;
        for (u32 k = 0; k < 4 && s + k < nseg; k++) {
            u32 *pt = frame + k * PAGES_PER_SEG;
            u32 pages = gs->npages - (s + k) * PAGES_PER_SEG;
            if (pages > PAGES_PER_SEG)
                pages = PAGES_PER_SEG;
            for (u32 p = 0; p < PAGES_PER_SEG; p++)
                pt[p] = PTE_INVALID;
            gs->pagetab[s + k] = pt;
            /* STE: page-table origin, page-table length in 16-entry units - 1 */
            gs->segtab[s + k] = (u32)(uintptr_t)pt | ((pages + 15) / 16 - 1);
        }
    }
    return 0;
fail:
    gspace_destroy(gs);
    return -1;
}

void gspace_clear(struct gspace *gs)
{
    for (u32 p = 0; p < gs->npages; p++) {
        u32 *pte = &gs->pagetab[p / PAGES_PER_SEG][p % PAGES_PER_SEG];
        if (!(*pte & PTE_INVALID)) {
            frame_free(*pte & PTE_FRAME_MASK);
            gs->resident--;
        }
        *pte = PTE_INVALID;
    }
    ptlb();
}

void gspace_destroy(struct gspace *gs)
{
    if (gs->segtab && gs->npages)
        gspace_clear(gs);
    for (u32 s = 0; s < 16; s += 4)
        if (gs->pagetab[s])
            frame_free((u32)(uintptr_t)gs->pagetab[s]);
    if (gs->segtab)
        frame_free((u32)(uintptr_t)gs->segtab);
    kfree(gs->keys);
    memset(gs, 0, sizeof *gs);
}

int gspace_resize(struct gspace *gs, u32 size)
{
    u16 owner = gs->owner;
    struct gspace n;

    if (gspace_create(&n, size, owner) != 0)
        return -1;
    gspace_destroy(gs);
    *gs = n;
    return 0;
}

u32 gspace_std(const struct gspace *gs)
{
    /* STO | STL: table length in 16-entry units - 1 (0: 16 segments) */
    return (u32)(uintptr_t)gs->segtab;
}

static u32 *pte_of(struct gspace *gs, u32 addr)
{
    u32 p = addr / PAGE_SIZE;
    if (addr >= gs->size)
        return NULL;
    return &gs->pagetab[p / PAGES_PER_SEG][p % PAGES_PER_SEG];
}

u32 gspace_frame(struct gspace *gs, u32 addr, bool alloc)
{
    u32 *pte = pte_of(gs, addr);
    u32 f;

    if (!pte)
        return 0;
    if (!(*pte & PTE_INVALID))
        return *pte & PTE_FRAME_MASK;
    if (!alloc)
        return 0;
    f = frame_alloc(gs->owner, addr / PAGE_SIZE);
    if (!f)
        return 0;
    memset((void *)(uintptr_t)f, 0, PAGE_SIZE);
    sske(f, gs->keys[addr / PAGE_SIZE] & 0xF8);
    *pte = f;
    gs->resident++;
    gs->faults++;
    return f;
}

u32 gspace_pin(struct gspace *gs, u32 addr)
{
    u32 f = gspace_frame(gs, addr, true);
    struct frame *fr = f ? frame_of(f) : NULL;

    if (fr)
        fr->pins++;
    return f;
}

void gspace_unpin(struct gspace *gs, u32 addr)
{
    u32 f = gspace_frame(gs, addr, false);
    struct frame *fr = f ? frame_of(f) : NULL;

    if (fr && fr->pins)
        fr->pins--;
}

u32 gspace_release(struct gspace *gs, u32 first, u32 last)
{
    u32 n = 0;

    for (u32 p = first; p <= last && p < gs->npages; p++) {
        u32 *pte = &gs->pagetab[p / PAGES_PER_SEG][p % PAGES_PER_SEG];
        if (!(*pte & PTE_INVALID)) {
            frame_free(*pte & PTE_FRAME_MASK);
            *pte = PTE_INVALID;
            gs->resident--;
            n++;
        }
    }
    ptlb();
    return n;
}

u8 gspace_get_key(struct gspace *gs, u32 addr)
{
    u32 f = gspace_frame(gs, addr, false);
    u8 key = gs->keys[addr / PAGE_SIZE] & 0xF8;

    if (f)
        key |= iske(f) & 0x06;                  /* reference and change */
    return key;
}

void gspace_set_key(struct gspace *gs, u32 addr, u8 key)
{
    u32 f = gspace_frame(gs, addr, false);

    gs->keys[addr / PAGE_SIZE] = key & 0xF8;
    if (f)
        sske(f, key & 0xFE);
}

int gspace_reset_ref(struct gspace *gs, u32 addr)
{
    u32 f = gspace_frame(gs, addr, false);
    return f ? rrbe(f) : 0;
}

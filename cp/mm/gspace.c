/* gspace.c - guest address spaces: segment and page tables, page states,
 * storage keys.  Moving pages to and from DASD is the pager's
 * (cp/mm/pager.c); this file decides when that is needed. */
#include "cp/mm/gspace.h"
#include "cp/mm/frame.h"
#include "cp/mm/pager.h"
#include "cp/mm/pageslot.h"
#include "cp/kern/freestor.h"
#include "cp/kern/task.h"
#include "cp/lib/string.h"
#include "cpu.h"

static void (*shared_unmapped_fn)(u32 frame);

void gspace_shared_register(void (*unmapped)(u32 frame))
{
    shared_unmapped_fn = unmapped;
}

static void shared_unmapped(u32 frame)
{
    if (shared_unmapped_fn)
        shared_unmapped_fn(frame);
}

/* Page tables are 1K each, four to a frame; the segment table takes a
 * frame of its own (ESA/390 wants it 4K aligned).  Table frames are CP's:
 * locked, never stolen. */
static u32 *alloc_table_frame(u16 owner)
{
    u32 f = pager_take_frame();
    struct frame *fr = f ? frame_of(f) : NULL;

    if (!fr)
        return NULL;
    fr->owner = owner;
    fr->gpage = 0xFFFFFFFFu;
    fr->flags |= FRAME_LOCKED;
    return (u32 *)(uintptr_t)f;
}

static void build_tables(struct gspace *gs, u32 *frame, u32 s, u32 nseg)
{
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
    gs->pages = kzalloc(gs->npages * sizeof *gs->pages, "GPAGES");
    gs->segtab = gs->pages ? alloc_table_frame(owner) : NULL;
    if (!gs->pages || !gs->segtab)
        goto fail;
    for (unsigned i = 0; i < 1024; i++)
        gs->segtab[i] = STE_INVALID;
    nseg = (size + SEG_SIZE - 1) / SEG_SIZE;
    for (u32 s = 0; s < nseg; s += 4) {
        u32 *frame = alloc_table_frame(owner);
        if (!frame)
            goto fail;
        build_tables(gs, frame, s, nseg);
    }
    return 0;
fail:
    gspace_destroy(gs);
    return -1;
}

u32 *gspace_pte(struct gspace *gs, u32 page)
{
    return &gs->pagetab[page / PAGES_PER_SEG][page % PAGES_PER_SEG];
}

bool gspace_wait_page(struct gspace *gs, u32 page)
{
    bool waited = false;

    while (gs->pages[page].flags & GP_TRANSIT) {
        task_sleep(&gs->pages[page]);
        waited = true;
    }
    return waited;
}

/* Wait until a page can be dropped: no I/O in flight for it, its frame
 * not pinned by real I/O.  Pending PTE changes are made visible first,
 * since other guests run while this task sleeps. */
static void settle(struct gspace *gs, u32 page, bool *tlb_dirty)
{
    for (;;) {
        u32 pte = *gspace_pte(gs, page);
        struct frame *fr = pte & PTE_INVALID ? NULL : frame_of(pte & PTE_FRAME_MASK);
        bool transit = gs->pages[page].flags & GP_TRANSIT;
        bool pinned = fr && !(gs->pages[page].flags & GP_SHARED) && fr->pins;

        if (!transit && !pinned)
            return;
        if (*tlb_dirty) {
            ptlb();
            *tlb_dirty = false;
        }
        task_sleep(transit ? (const void *)&gs->pages[page] : (const void *)fr);
    }
}

/* Whatever the page holds goes: frame, shared mapping, slot.  It must be
 * settled.  Returns true if it held something. */
static bool drop_page(struct gspace *gs, u32 page, bool *tlb_dirty)
{
    struct gpage *gp = &gs->pages[page];
    u32 *pte = gspace_pte(gs, page);
    bool had = false;

    if (!(*pte & PTE_INVALID)) {
        u32 f = *pte & PTE_FRAME_MASK;
        *pte = PTE_INVALID;
        *tlb_dirty = true;
        if (gp->flags & GP_SHARED) {
            shared_unmapped(f);
            gs->shared--;
        } else {
            frame_free(f);
            gs->resident--;
        }
        had = true;
    }
    if (gp->slot) {
        slot_free(gp->slot);
        gs->slots--;
        had = true;
    }
    gp->slot = 0;
    gp->flags = 0;
    gp->key &= KEY_ACC_FETCH;
    return had;
}

/* Sleep until no task is in the middle of paging for this space. */
static void quiesce(struct gspace *gs)
{
    while (gs->holds || gs->transit)
        task_sleep(gs);
}

void gspace_clear(struct gspace *gs)
{
    bool tlb_dirty = false;

    for (u32 p = 0; p < gs->npages; p++) {
        settle(gs, p, &tlb_dirty);
        drop_page(gs, p, &tlb_dirty);
    }
    ptlb();
}

void gspace_destroy(struct gspace *gs)
{
    if (gs->segtab && gs->pages) {
        quiesce(gs);
        gspace_clear(gs);
        quiesce(gs);
    }
    for (u32 s = 0; s < 16; s += 4)
        if (gs->pagetab[s])
            frame_free((u32)(uintptr_t)gs->pagetab[s]);
    if (gs->segtab)
        frame_free((u32)(uintptr_t)gs->segtab);
    kfree(gs->pages);
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

enum gpage_state gspace_state(struct gspace *gs, u32 addr)
{
    u32 page = addr / PAGE_SIZE;

    if (addr >= gs->size)
        return GPS_EMPTY;
    if (gs->pages[page].flags & GP_TRANSIT)
        return GPS_TRANSIT;
    if (!(*gspace_pte(gs, page) & PTE_INVALID))
        return gs->pages[page].flags & GP_SHARED ? GPS_SHARED : GPS_RESIDENT;
    return gs->pages[page].slot ? GPS_PAGED : GPS_EMPTY;
}

bool gspace_has_data(struct gspace *gs, u32 addr)
{
    return gspace_state(gs, addr) != GPS_EMPTY;
}

u32 gspace_frame(struct gspace *gs, u32 addr, bool alloc)
{
    u32 page = addr / PAGE_SIZE;

    if (addr >= gs->size)
        return 0;
    for (;;) {
        u32 pte = *gspace_pte(gs, page);
        struct gpage *gp = &gs->pages[page];
        int rc;

        if (!(pte & PTE_INVALID)) {
            if (!alloc || !(gp->flags & GP_SHARED))
                return pte & PTE_FRAME_MASK;
            if (gspace_unshare(gs, page) < 0)
                return 0;
            continue;
        }
        if (gspace_wait_page(gs, page))
            continue;
        if (!alloc && !gp->slot)
            return 0;                           /* empty: reads as zeros */
        gs->holds++;
        rc = pager_page_in(gs, page);
        if (--gs->holds == 0)
            task_wakeup(gs);
        if (rc < 0)
            return 0;
    }
}

u32 gspace_pin(struct gspace *gs, u32 addr)
{
    u32 f = gspace_frame(gs, addr, true);
    struct frame *fr = f ? frame_of(f) : NULL;

    if (fr)
        fr->pins++;
    return f;
}

/* the private frame the page has now, 0 if none (never sleeps) */
static u32 private_frame(struct gspace *gs, u32 page)
{
    u32 pte = *gspace_pte(gs, page);

    if ((pte & PTE_INVALID) || (gs->pages[page].flags & GP_SHARED))
        return 0;
    return pte & PTE_FRAME_MASK;
}

void gspace_unpin(struct gspace *gs, u32 addr)
{
    u32 f = addr < gs->size ? private_frame(gs, addr / PAGE_SIZE) : 0;
    struct frame *fr = f ? frame_of(f) : NULL;

    if (fr && fr->pins && --fr->pins == 0)
        task_wakeup(fr);                        /* a release may wait for it */
}

u32 gspace_release(struct gspace *gs, u32 first, u32 last)
{
    bool tlb_dirty = false;
    u32 n = 0;

    for (u32 p = first; p <= last && p < gs->npages; p++) {
        settle(gs, p, &tlb_dirty);
        if (drop_page(gs, p, &tlb_dirty))
            n++;
    }
    ptlb();
    return n;
}

void gspace_map_shared(struct gspace *gs, u32 page, u32 frame, u8 key)
{
    bool tlb_dirty = false;

    settle(gs, page, &tlb_dirty);
    drop_page(gs, page, &tlb_dirty);
    *gspace_pte(gs, page) = frame | PTE_PROTECT;
    gs->pages[page].flags |= GP_SHARED;
    gs->pages[page].key = key & KEY_ACC_FETCH;
    gs->shared++;
    ptlb();
}

int gspace_unshare(struct gspace *gs, u32 page)
{
    for (;;) {
        struct gpage *gp = &gs->pages[page];
        u32 *pte = gspace_pte(gs, page);
        u32 shared, f;
        struct frame *fr;

        if (!(gp->flags & GP_SHARED))
            return 1;
        shared = *pte & PTE_FRAME_MASK;
        gs->holds++;
        f = pager_take_frame();                 /* may sleep */
        if (--gs->holds == 0)
            task_wakeup(gs);
        if (!f)
            return -1;
        if (!(gp->flags & GP_SHARED) || (*pte & PTE_FRAME_MASK) != shared) {
            frame_free(f);                      /* changed while we slept */
            continue;
        }
        memcpy((void *)(uintptr_t)f, (const void *)(uintptr_t)shared, PAGE_SIZE);
        fr = frame_of(f);
        fr->owner = gs->owner;
        fr->gpage = page;
        fr->space = gs;
        sske(f, gp->key & KEY_ACC_FETCH);
        *pte = f;
        ptlb();
        gp->flags &= ~(GP_SHARED | GP_SLOT_CURRENT);
        gs->shared--;
        gs->resident++;
        shared_unmapped(shared);
        return 0;
    }
}

/* ---- storage keys ------------------------------------------------------ */

u8 gspace_get_key(struct gspace *gs, u32 addr)
{
    u32 page = addr / PAGE_SIZE;
    u32 f = private_frame(gs, page);
    u8 key = gs->pages[page].key;

    if (f) {
        key |= iske(f) & (KEY_REF | KEY_CHANGE);
        if (frame_of(f)->flags & FRAME_VREF)
            key |= KEY_REF;
    }
    return key;
}

void gspace_set_key(struct gspace *gs, u32 addr, u8 key)
{
    u32 page = addr / PAGE_SIZE;
    struct gpage *gp = &gs->pages[page];
    u32 f;

    if (gp->flags & GP_SHARED)
        gspace_unshare(gs, page);               /* a key of its own: a copy of its own */
    f = private_frame(gs, page);
    if (f) {
        /* the real change bit is the pager's record that the slot copy
         * is stale: keep that before the guest's bits replace it */
        if (iske(f) & KEY_CHANGE)
            gp->flags &= ~GP_SLOT_CURRENT;
        sske(f, key & KEY_ACC_FETCH);
        frame_of(f)->flags &= ~FRAME_VREF;
    }
    gp->key = key & 0xFE;
}

int gspace_reset_ref(struct gspace *gs, u32 addr)
{
    u32 page = addr / PAGE_SIZE;
    u8 key = gspace_get_key(gs, addr);
    u32 f = private_frame(gs, page);

    if (f) {
        rrbe(f);
        frame_of(f)->flags &= ~FRAME_VREF;
    }
    gs->pages[page].key &= ~KEY_REF;
    return (key & KEY_REF ? 2 : 0) | (key & KEY_CHANGE ? 1 : 0);
}

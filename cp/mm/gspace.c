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

/* Four segments' page tables in one frame; each STE gets a full
 * 256-entry table, every PTE invalid: a page beyond the storage faults
 * like an empty one and cp/vm/pgfault.c tells them apart. */
static void build_tables(struct gspace *gs, u32 *frame, u32 s)
{
    for (u32 k = 0; k < 4; k++) {
        u32 *pt = frame + k * PAGES_PER_SEG;
        for (u32 p = 0; p < PAGES_PER_SEG; p++)
            pt[p] = PTE_INVALID;
        gs->pagetab[s + k] = pt;
        /* STE: page-table origin, page-table length in 16-entry units - 1 */
        gs->segtab[s + k] = (u32)(uintptr_t)pt | (PAGES_PER_SEG / 16 - 1);
    }
}

/* page tables for segments [0, nseg), four to a frame */
static int ensure_tables(struct gspace *gs, u32 nseg)
{
    for (u32 s = 0; s < nseg; s += 4) {
        u32 *frame;
        if (gs->pagetab[s])
            continue;
        frame = alloc_table_frame(gs->owner);
        if (!frame)
            return -1;
        build_tables(gs, frame, s);
    }
    return 0;
}

int gspace_create(struct gspace *gs, u32 size, u16 owner)
{
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
    if (ensure_tables(gs, (size + SEG_SIZE - 1) / SEG_SIZE) != 0)
        goto fail;
    return 0;
fail:
    gspace_destroy(gs);
    return -1;
}

bool gspace_addressable(const struct gspace *gs, u32 addr)
{
    u32 page = addr / PAGE_SIZE;

    if (addr < gs->size)
        return true;
    return page < gs->npages && (gs->pages[page].flags & GP_SEGMENT);
}

static void quiesce(struct gspace *gs);

/* The page array grows to npages.  Tasks sleep on its elements, so it is
 * moved only while no page of the space is in transit or being paged in
 * (and nothing sleeps between the wait and the move). */
static int grow_pages(struct gspace *gs, u32 npages)
{
    struct gpage *n = kzalloc(npages * sizeof *n, "GPAGES");

    if (!n)
        return -1;
    quiesce(gs);
    memcpy(n, gs->pages, gs->npages * sizeof *n);
    kfree(gs->pages);
    gs->pages = n;
    gs->npages = npages;
    return 0;
}

int gspace_extend(struct gspace *gs, u32 first, u32 count)
{
    u32 end = first + count;

    if (count == 0 || first > 4096 || end > 4096)
        return -1;
    if (ensure_tables(gs, (end + PAGES_PER_SEG - 1) / PAGES_PER_SEG) != 0)
        return -1;
    if (end > gs->npages && grow_pages(gs, end) != 0)
        return -1;
    for (u32 p = first; p < end; p++)
        if (p >= gs->size / PAGE_SIZE)
            gs->pages[p].flags |= GP_SEGMENT;
    return 0;
}

void gspace_retract(struct gspace *gs, u32 first, u32 count)
{
    for (u32 p = first; p < first + count && p < gs->npages; p++)
        gs->pages[p].flags &= ~GP_SEGMENT;
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
    gp->flags &= GP_SEGMENT | GP_KEY_HI;        /* still addressable, same keys */
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
        gs->pages[p].flags = 0;                 /* no segment is loaded any more */
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

    if (!gspace_addressable(gs, addr))
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

    if (!gspace_addressable(gs, addr))
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
    u32 f = gspace_addressable(gs, addr) ? private_frame(gs, addr / PAGE_SIZE) : 0;
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

void gspace_map_shared(struct gspace *gs, u32 page, u32 frame, u8 key, u8 key2)
{
    bool tlb_dirty = false;

    settle(gs, page, &tlb_dirty);
    drop_page(gs, page, &tlb_dirty);
    *gspace_pte(gs, page) = frame | PTE_PROTECT;
    gs->pages[page].flags |= GP_SHARED;
    gs->pages[page].key = key & KEY_ACC_FETCH;
    gs->pages[page].key2 = key2 & KEY_ACC_FETCH;
    gs->pages[page].flags |= GP_KEY_HI;         /* as if SSK set them in order */
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
        sske(f, gpage_real_key(gp));
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
    const struct gpage *gp = &gs->pages[page];
    u8 key = gp->key;

    if (addr & 0x800)                           /* the second 2K block */
        key = (u8)((gp->key2 & KEY_ACC_FETCH) | (gp->key & (KEY_REF | KEY_CHANGE)));
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

    if (gp->flags & GP_SHARED) {
        /* the key it has already (a system setting the keys of its own
         * nucleus at IPL): the page stays shared, only R and C are the
         * guest's; another key: a copy of its own */
        if ((key & KEY_ACC_FETCH) == ((addr & 0x800 ? gp->key2 : gp->key) & KEY_ACC_FETCH)) {
            gp->key = (u8)((gp->key & KEY_ACC_FETCH) | (key & (KEY_REF | KEY_CHANGE)));
            return;
        }
        gspace_unshare(gs, page);
    }
    if (addr & 0x800) {
        gp->key2 = key & KEY_ACC_FETCH;
        gp->key = (u8)((gp->key & KEY_ACC_FETCH) | (key & (KEY_REF | KEY_CHANGE)));
        gp->flags |= GP_KEY_HI;
    } else {
        gp->key = key & 0xFE;
        gp->flags &= ~GP_KEY_HI;
    }
    f = private_frame(gs, page);
    if (f) {
        /* the real change bit is the pager's record that the slot copy
         * is stale: keep that before the guest's bits replace it */
        if (iske(f) & KEY_CHANGE)
            gp->flags &= ~GP_SLOT_CURRENT;
        sske(f, gpage_real_key(gp));
        frame_of(f)->flags &= ~FRAME_VREF;
    }
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

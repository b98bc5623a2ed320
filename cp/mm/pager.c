/* pager.c - page-out and page-in between frames and page slots (pager.h). */
#include "cp/mm/pager.h"
#include "cp/mm/frame.h"
#include "cp/mm/pageslot.h"
#include "cp/mm/clock.h"
#include "cp/io/sysres.h"
#include "cp/io/dasd.h"
#include "cp/kern/kmsg.h"
#include "cp/kern/task.h"
#include "cp/lib/string.h"
#include "cpu.h"

/* Pages tried in a row before giving up on finding a frame: when the
 * paging space is full, each candidate that changed and has no slot
 * costs nothing but a look, and after this many the request fails. */
#define STEAL_TRIES     64
#define WARN_PERCENT    90

struct pager_stats pager_stats;
static bool warned_low, warned_full;

void pager_init(void)
{
    const struct cp_area *a;

    slots_reset();
    clock_reset();
    for (unsigned n = 0; (a = cp_area_find("PAGE", NULL, n)) != NULL; n++) {
        u32 cap = cp_area_capacity(a);
        if (slots_add(a, cap) != 0) {
            kmsg("CPX601W Paging area on %04X not used: too many areas or no storage",
                   a->dev->devno);
            continue;
        }
        kmsg("CPX600I Paging area %04X %s cylinders %u-%u, %u page slots", a->dev->devno,
               dasd_of(a->dev)->volser, a->cyl0, a->cyl1, (unsigned)cap);
    }
    if (!slots_total())
        kmsg("CPX601W No paging area: virtual machines must fit in real storage");
}

/* Tell the operator once when the space runs low and once when it is
 * full; again only after it had room again. */
static void note_space(bool full)
{
    u32 used = slots_used(), total = slots_total();

    if (full && !warned_full) {
        kmsg("CPX603W Paging space is full (%u slots): changed pages stay in real storage; "
               "virtual machines that need a frame are stopped", (unsigned)total);
        warned_full = true;
    }
    if (!full && total && used * 100 / total >= WARN_PERCENT && !warned_low) {
        kmsg("CPX602W Paging space %u%% used (%u of %u slots)",
               (unsigned)(used * 100 / total), (unsigned)used, (unsigned)total);
        warned_low = true;
    }
    if (total && used * 100 / total < WARN_PERCENT - 10)
        warned_low = warned_full = false;
}

static int slot_io(u32 slot, u32 frame, bool write)
{
    const void *a;
    u32 page;

    if (!slot_locate(slot, &a, &page))
        return -1;
    if (write)
        return cp_area_write_page(a, page, (const void *)(uintptr_t)frame);
    return cp_area_read_page(a, page, (void *)(uintptr_t)frame);
}

static void transit_begin(struct gspace *gs, struct gpage *gp, struct frame *fr)
{
    gp->flags |= GP_TRANSIT;
    fr->flags |= FRAME_BUSY;
    gs->transit++;
}

static void transit_end(struct gspace *gs, struct gpage *gp, struct frame *fr)
{
    gp->flags &= ~GP_TRANSIT;
    fr->flags &= ~FRAME_BUSY;
    gs->transit--;
    task_wakeup(gp);
    task_wakeup(gs);
}

static void bad_slot(struct gspace *gs, struct gpage *gp, bool write)
{
    const void *a;
    u32 page;

    pager_stats.io_errors++;
    if (slot_locate(gp->slot, &a, &page))
        kmsg("CPX604E Page slot %u of the paging area on %04X could not be %s; it is not used again",
               (unsigned)page, ((const struct cp_area *)a)->dev->devno, write ? "written" : "read");
    if (write) {
        slot_mark_bad(gp->slot);
        slot_free(gp->slot);                    /* the bad slot stays taken */
        gp->slot = 0;
        gs->slots--;
    }
}

/* Write the page (PTE already invalid) to its slot, allocating one if it
 * has none.  On failure the page is mapped again, unchanged. */
static int page_out(struct gspace *gs, u32 page, u32 f)
{
    struct gpage *gp = &gs->pages[page];
    struct frame *fr = frame_of(f);
    int rc;

    if (!gp->slot) {
        gp->slot = slot_alloc();
        note_space(gp->slot == 0);
        if (!gp->slot) {
            *gspace_pte(gs, page) = f;
            return -1;
        }
        gs->slots++;
    }
    gp->flags &= ~GP_SLOT_CURRENT;
    transit_begin(gs, gp, fr);
    rc = slot_io(gp->slot, f, true);
    if (rc == 0) {
        gp->flags |= GP_SLOT_CURRENT;
        gs->pageouts++;
        pager_stats.pageouts++;
    } else {
        bad_slot(gs, gp, true);
        *gspace_pte(gs, page) = f;
    }
    transit_end(gs, gp, fr);
    return rc;
}

/* Take the frame of the page the clock picks. */
static u32 steal(void)
{
    for (int tries = 0; tries < STEAL_TRIES; tries++) {
        u32 f = clock_pick();
        struct frame *fr;
        struct gspace *gs;
        struct gpage *gp;
        u32 page;
        u8 key;

        if (!f)
            return 0;
        fr = frame_of(f);
        gs = fr->space;
        page = fr->gpage;
        gp = &gs->pages[page];
        /* unmapped first, so the guest cannot change it while it is written */
        *gspace_pte(gs, page) = PTE_INVALID;
        ptlb();
        key = iske(f);
        gp->key |= key & (KEY_REF | KEY_CHANGE);
        if (fr->flags & FRAME_VREF)
            gp->key |= KEY_REF;
        if (((key & KEY_CHANGE) || !(gp->flags & GP_SLOT_CURRENT)) && page_out(gs, page, f) != 0) {
            clock_spare(f);
            continue;
        }
        gs->resident--;
        pager_stats.steals++;
        *fr = (struct frame){ 0 };
        return f;
    }
    return 0;
}

u32 pager_take_frame(void)
{
    u32 f = frame_alloc(0, 0);

    if (!f)
        f = steal();
    if (!f)
        pager_stats.no_frame++;
    return f;
}

int pager_page_in(struct gspace *gs, u32 page)
{
    struct gpage *gp = &gs->pages[page];
    u32 *pte = gspace_pte(gs, page);
    struct frame *fr;
    u32 f = pager_take_frame();                 /* may sleep */

    if (!f)
        return PAGER_NOFRAME;
    /* while this task slept somebody may have brought it in, or started to */
    if (!(*pte & PTE_INVALID) || (gp->flags & GP_TRANSIT)) {
        frame_free(f);
        return 0;
    }
    fr = frame_of(f);
    fr->owner = gs->owner;
    fr->gpage = page;
    fr->space = gs;
    if (gp->slot) {
        int rc;
        transit_begin(gs, gp, fr);
        rc = slot_io(gp->slot, f, false);
        if (rc != 0) {
            bad_slot(gs, gp, false);
            transit_end(gs, gp, fr);
            frame_free(f);
            return PAGER_IOERR;
        }
        gp->flags |= GP_SLOT_CURRENT;
        gs->pageins++;
        pager_stats.pageins++;
        transit_end(gs, gp, fr);
    } else {
        memset((void *)(uintptr_t)f, 0, PAGE_SIZE);
        gp->flags &= ~GP_SLOT_CURRENT;
        pager_stats.zero_fills++;
    }
    sske(f, gpage_real_key(gp));                /* R and C off: same as its slot */
    *pte = f;
    gs->resident++;
    return 0;
}

void pager_account_fault(bool pagein, u32 insns)
{
    pager_stats.faults++;
    if (pagein) {
        pager_stats.insns_pagein += insns;
        pager_stats.timed_pagein++;
    } else {
        pager_stats.insns_zero += insns;
        pager_stats.timed_zero++;
    }
}

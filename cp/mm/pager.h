/* pager.h - moving guest pages between real frames and page slots.
 *
 * Guests may together have more virtual storage than there are frames.
 * When no frame is free, the pager takes one from some guest page chosen
 * by the clock (cp/mm/clock.h): if the page changed since it was last
 * read from or written to its slot, it is written there first (a slot is
 * allocated the first time, cp/mm/pageslot.h); an unchanged page whose
 * slot is current is simply dropped.  A page whose PTE is invalid and
 * that has a slot is read back in when it is touched.
 *
 * Page I/O is synchronous for the task that needs it: that task sleeps,
 * every other task runs.  A page with I/O in flight is marked in
 * transit; anyone else who needs it sleeps until the I/O is over.
 * Pages are never lost: when no slot is left for a changed page, that
 * page keeps its frame and another one is tried; when nothing can be
 * taken, the one who asked gets no frame (and a clear message). */
#ifndef CP_MM_PAGER_H
#define CP_MM_PAGER_H

#include "cp/mm/gspace.h"

#define PAGER_NOFRAME   (-1)    /* no free frame, nothing could be taken */
#define PAGER_IOERR     (-2)    /* the page's slot could not be read */

struct pager_stats {
    u32 faults;                 /* guest translation exceptions resolved */
    u32 zero_fills;             /* first touches: a frame of zeros */
    u32 pageins, pageouts;      /* page slot reads and writes */
    u32 steals;                 /* frames taken from a guest page */
    u32 no_frame;               /* requests that got no frame */
    u32 io_errors;
    /* Hercules instruction counts CP spent on faults (DIAG X'F08') */
    u64 insns_pagein, insns_zero;
    u32 timed_pagein, timed_zero;
};

extern struct pager_stats pager_stats;

/* find the paging areas (at IPL, after the volumes are scanned) */
void pager_init(void);
/* a frame for anybody (guest page, CP table): a free one, or one taken
 * from a guest page; its frame-table entry is cleared.  May sleep.
 * 0 if none can be had. */
u32 pager_take_frame(void);
/* bring page of gs in (from its slot, or zeros) and map it; 0 when the
 * page is mapped or was mapped meanwhile by someone else, or PAGER_*.
 * May sleep; the page must not be in transit. */
int pager_page_in(struct gspace *gs, u32 page);
/* account the CP instructions of one fault (cp/vm/pgfault.c) */
void pager_account_fault(bool pagein, u32 insns);

#endif

/* pageslot.h - page slots: where guest pages go when their frames are
 * taken.
 *
 * Every PAGE area of every CP-owned volume is an extent of slots, one
 * 4096-byte record each (cp/io/cpvol.h); the extents are numbered one
 * after another, so a slot number names one record on one volume.  A
 * bitmap says which slots hold a page; a slot is handed out only while
 * its bit is clear, so no slot is ever given twice, and freeing a free
 * slot is an abend rather than a silent double allocation later.  A slot
 * whose write failed is marked bad: it stays allocated for ever.
 *
 * Slot numbers start at 1, so 0 means "no slot" in a page's state.
 * Allocation is next-fit from where the last one was found, which
 * spreads the pages over the volumes and keeps the scan short. */
#ifndef CP_MM_PAGESLOT_H
#define CP_MM_PAGESLOT_H

#include "arch370/types.h"

#define SLOT_MAX_EXTENTS 8

/* forget every extent (host tests; CP calls it once at IPL) */
void slots_reset(void);
/* add an extent of n slots: area is what slot_locate gives back (a
 * struct cp_area on the real machine); 0 done, -1 no room */
int slots_add(const void *area, u32 n);

/* a free slot (1..total), marked in use; 0 when every slot is taken */
u32 slot_alloc(void);
/* give a slot back; a slot that is not in use is an abend */
void slot_free(u32 slot);
/* a write to this slot failed: it is never handed out again */
void slot_mark_bad(u32 slot);
/* which extent and which page of it a slot is; false for a bad number */
bool slot_locate(u32 slot, const void **area, u32 *page);

u32 slots_total(void);
u32 slots_used(void);          /* including bad ones */
u32 slots_bad(void);
unsigned slots_extents(void);
/* the n-th extent's area and size; false past the last */
bool slots_extent(unsigned n, const void **area, u32 *count, u32 *used);

#endif

/* frame.h - real storage frames (4 KB) for guest pages.
 *
 * Every frame above CP's nucleus and free storage is in the frame table;
 * a free frame is on the free list, an owned frame records which virtual
 * machine page it holds, which the pager and QUERY/INDICATE use. */
#ifndef CP_MM_FRAME_H
#define CP_MM_FRAME_H

#include "arch370/types.h"

#define PAGE_SIZE       4096u
#define PAGE_SHIFT      12

struct frame {
    u32 next;                   /* free list: next free frame index + 1 */
    u16 owner;                  /* owning VM number, 0 = CP / none */
    u16 flags;
    u32 gpage;                  /* guest page number it holds */
    u16 pins;                   /* I/O in flight into it: not to be stolen */
    u16 shares;                 /* FRAME_SHARED: address spaces mapping it */
    void *space;                /* the guest address space (struct gspace) or,
                                   FRAME_SHARED, the saved system it belongs to */
};

#define FRAME_FREE      0x0001
#define FRAME_LOCKED    0x0002  /* not to be stolen (I/O in flight, CP) */
#define FRAME_SHARED    0x0004  /* page of a shared saved segment */
#define FRAME_BUSY      0x0008  /* its page is being written out or read in */
#define FRAME_VREF      0x0010  /* referenced since the guest last reset its
                                   reference bit (the pager's scan resets the
                                   real bit, the guest must still see it) */

void frame_init(u32 first, u32 end);

/* the table, one entry a frame from frame_base on (frame.c); frame_of()
 * is inline: it is on the storage-key path of every ISK and SSK */
extern struct frame *frame_table;
extern u32 frame_base, frame_n;

/* the entry of the frame holding real address addr, NULL outside */
static inline struct frame *frame_of(u32 addr)
{
    u32 i = (addr - frame_base) / PAGE_SIZE;

    return addr < frame_base || i >= frame_n ? NULL : &frame_table[i];
}
u32 frame_alloc(u16 owner, u32 gpage);          /* real address, 0 if none */
void frame_free(u32 addr);
u32 frame_count_free(void);
u32 frame_count_total(void);
u32 frame_first(void);

#endif

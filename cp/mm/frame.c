/* frame.c - the real frame table and free list. */
#include "cp/mm/frame.h"
#include "cp/kern/freestor.h"
#include "cp/kern/abend.h"
#include "cp/lib/string.h"

struct frame *frame_table;
u32 frame_base, frame_n;
static u32 free_head, nfree;

void frame_init(u32 first, u32 end)
{
    frame_base = (first + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    frame_n = end > frame_base ? (end - frame_base) / PAGE_SIZE : 0;
    frame_table = kzalloc(frame_n * sizeof *frame_table + 1, "FRAMETAB");
    if (!frame_table)
        cp_abend(ABEND_FREESTOR, "no free storage for the frame table");
    free_head = 0;
    nfree = 0;
    for (u32 i = frame_n; i-- > 0; ) {
        frame_table[i].flags = FRAME_FREE;
        frame_table[i].next = free_head;
        free_head = i + 1;
        nfree++;
    }
}

u32 frame_alloc(u16 owner, u32 gpage)
{
    u32 i;

    if (!free_head)
        return 0;
    i = free_head - 1;
    free_head = frame_table[i].next;
    nfree--;
    frame_table[i] = (struct frame){ .owner = owner, .gpage = gpage };
    return frame_base + i * PAGE_SIZE;
}

void frame_free(u32 addr)
{
    struct frame *f = frame_of(addr);

    if (!f || (f->flags & FRAME_FREE))
        cp_abend(ABEND_FRAME, "frame freed twice or not a frame");
    *f = (struct frame){ .flags = FRAME_FREE, .next = free_head };
    free_head = (u32)(f - frame_table) + 1;
    nfree++;
}

u32 frame_count_free(void)  { return nfree; }
u32 frame_count_total(void) { return frame_n; }
u32 frame_first(void)       { return frame_base; }

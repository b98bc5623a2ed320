/* frame.c - the real frame table and free list. */
#include "cp/mm/frame.h"
#include "cp/kern/freestor.h"
#include "cp/kern/abend.h"
#include "cp/lib/string.h"

static struct frame *table;
static u32 base, nframes, free_head, nfree;

void frame_init(u32 first, u32 end)
{
    base = (first + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    nframes = end > base ? (end - base) / PAGE_SIZE : 0;
    table = kzalloc(nframes * sizeof *table + 1, "FRAMETAB");
    if (!table)
        cp_abend(ABEND_FREESTOR, "no free storage for the frame table");
    free_head = 0;
    nfree = 0;
    for (u32 i = nframes; i-- > 0; ) {
        table[i].flags = FRAME_FREE;
        table[i].next = free_head;
        free_head = i + 1;
        nfree++;
    }
}

struct frame *frame_of(u32 addr)
{
    if (addr < base || (addr - base) / PAGE_SIZE >= nframes)
        return NULL;
    return &table[(addr - base) / PAGE_SIZE];
}

u32 frame_alloc(u16 owner, u32 gpage)
{
    u32 i;

    if (!free_head)
        return 0;
    i = free_head - 1;
    free_head = table[i].next;
    nfree--;
    table[i] = (struct frame){ .owner = owner, .gpage = gpage };
    return base + i * PAGE_SIZE;
}

void frame_free(u32 addr)
{
    struct frame *f = frame_of(addr);

    if (!f || (f->flags & FRAME_FREE))
        cp_abend(ABEND_FRAME, "frame freed twice or not a frame");
    *f = (struct frame){ .flags = FRAME_FREE, .next = free_head };
    free_head = (u32)(f - table) + 1;
    nfree++;
}

u32 frame_count_free(void)  { return nfree; }
u32 frame_count_total(void) { return nframes; }
u32 frame_first(void)       { return base; }

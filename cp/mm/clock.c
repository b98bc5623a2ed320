/* clock.c - second-chance frame replacement (clock.h). */
#include "cp/mm/clock.h"
#include "cp/mm/frame.h"
#include "cpu.h"

#define RRBE_REFERENCED 2       /* CC bit for the reference bit */
#define KEY_REF         0x04    /* reference bit in a storage key */

static u32 hand;                /* index of the next frame to look at */

void clock_reset(void)
{
    hand = 0;
}

static bool candidate(const struct frame *f)
{
    return !(f->flags & (FRAME_FREE | FRAME_LOCKED | FRAME_SHARED | FRAME_BUSY)) &&
           f->pins == 0 && f->space != NULL;
}

u32 clock_pick(void)
{
    u32 n = frame_count_total();

    for (u32 looked = 0; looked < 2 * n; looked++) {
        u32 addr = frame_first() + hand * PAGE_SIZE;
        struct frame *f = frame_of(addr);

        hand = hand + 1 < n ? hand + 1 : 0;
        if (!f || !candidate(f))
            continue;
        if (rrbe(addr) & RRBE_REFERENCED) {
            f->flags |= FRAME_VREF;             /* second chance */
            continue;
        }
        return addr;
    }
    return 0;
}

void clock_spare(u32 frame)
{
    sske(frame, iske(frame) | KEY_REF);
}

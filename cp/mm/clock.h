/* clock.h - the replacement policy: which frame to take when none is free.
 *
 * A global clock (second chance) over the frame table, driven by the
 * real reference bits, in the way VM/370 scanned its core table: the hand
 * moves over the frames; a frame holding a guest page whose reference
 * bit is on has the bit reset (RRBE) and is passed over this time; the
 * first one found with the bit off is taken.  A page in use keeps having
 * its bit set again by the guest and so stays; a page nobody touched
 * since the hand last came by goes.
 *
 * Never chosen: free frames, CP's own (page and segment tables), frames
 * with I/O in flight (pinned, or a page already being moved) and frames
 * of shared saved systems.  Two full turns without a candidate mean
 * nothing can be taken.  The reference bit the scan resets is kept for
 * the guest in FRAME_VREF, so ISK and RRB still show it. */
#ifndef CP_MM_CLOCK_H
#define CP_MM_CLOCK_H

#include "arch370/types.h"

/* the real address of the frame to take, or 0 if none can be */
u32 clock_pick(void);
/* pass over this frame next time too (its page could not be written) */
void clock_spare(u32 frame);
/* start the hand at the first frame again (host tests, IPL) */
void clock_reset(void);

#endif

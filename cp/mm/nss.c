/* nss.c - named saved systems and saved segments. */
#include "cp/mm/nss.h"
#include "cp/mm/frame.h"
#include "cp/boot/abend.h"

void nss_frame_unmapped(u32 frame)
{
    struct frame *fr = frame_of(frame);

    if (!fr || !(fr->flags & FRAME_SHARED) || fr->shares == 0)
        cp_abend(ABEND_PAGING, "shared frame unmapped more often than mapped");
    if (--fr->shares == 0)
        frame_free(frame);
}

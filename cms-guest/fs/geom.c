/* geom.c - where the blocks of a 3350 CMS minidisk are (FMT §2.1).
 *
 * Every track holds R1..R19 of 800 bytes; block n is record
 * (n-1) mod 19 + 1 of track (n-1) div 19, counted from the start of the
 * minidisk, 30 tracks to a cylinder. */
#include "cms-guest/fs/cmsfs.h"
#include "cms-guest/fs/layout.h"

/* Block numbers are halfwords, so a disk of 115 or more cylinders stops at
 * 65531 = 3449 whole tracks; the rest is formatted but unused. */
u32 cms3350_adtnum(u32 cyls)
{
    if (cyls > CMS_MAX_ADTNUM / CMS3350_BLOCKS_PER_CYL)
        return CMS_MAX_ADTNUM;
    return cyls * CMS3350_BLOCKS_PER_CYL;
}

void cms3350_locate(u32 block, u32 *cyl, u32 *head, u32 *rec)
{
    u32 track = (block - 1) / CMS3350_BLOCKS_PER_TRACK;

    *rec = (block - 1) % CMS3350_BLOCKS_PER_TRACK + 1;
    *cyl = track / CMS3350_TRACKS_PER_CYL;
    *head = track % CMS3350_TRACKS_PER_CYL;
}

/* ckddev.h - a CMS minidisk inside a Hercules CKD image of a 3350.
 *
 * The minidisk is an extent of whole cylinders; its block n is record
 * (n-1) mod 19 + 1 of its track (n-1) div 19 (cms-guest/fs/geom.c).  The
 * file system reaches it through the cms_blkdev this module fills in. */
#ifndef CMSDISK_CKDDEV_H
#define CMSDISK_CKDDEV_H

#include "assembler-tools/ckdimg.h"
#include "cms-guest/fs/cmsfs.h"

struct ckd_minidisk {
    struct ckd_image img;
    unsigned cyl0, ncyls;
    struct cms_blkdev dev;
    char why[120];              /* what the last failed block I/O found */
};

/* Open IMAGE and check that it is a 3350 holding the extent; prints a
 * message and returns -1 if not. */
int mdisk_open(struct ckd_minidisk *md, const char *path, unsigned cyl0, unsigned ncyls,
               int writable);
void mdisk_close(struct ckd_minidisk *md);

/* Write every track of the extent as R0 and R1..R19 of 800 zero bytes,
 * the track format of a CMS disk (FMT §2.1). */
int mdisk_format_tracks(struct ckd_minidisk *md);

#endif

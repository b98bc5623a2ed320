/* disks.h - accessing and releasing disks (ACCESS, RELEASE, FORMAT, IPL). */
#ifndef CMS_CORE_DISKS_H
#define CMS_CORE_DISKS_H

#include "cms-guest/core/cms.h"

/* why an access failed */
enum cms_access {
    ACC_OK = 0,
    ACC_NODEV,                  /* no such device */
    ACC_NOTSUP,                 /* CP has no block I/O */
    ACC_BLKSIZE,                /* not a disk of 800-byte blocks */
    ACC_IO,                     /* I/O error, or a damaged directory */
    ACC_NOTCMS,                 /* no CMS label: not formatted */
    ACC_NOMEM,
};

/* Open cuu for block I/O and describe it as a block device. */
int cms_disk_open(u16 cuu, struct cms_blkdev *dev, bool *rdonly);
/* Access cuu as mode (read-only if the link is, or if asked); a disk
 * accessed at that mode before is released, and the same disk at another
 * mode is moved.  Returns an enum cms_access. */
int cms_disk_access(u16 cuu, char mode, bool force_rdonly);
/* forget a disk (and end block I/O to it if close_device) */
void cms_disk_drop(struct cms_disk *d, bool close_device);
void cms_disk_release(struct cms_disk *d);
/* mount every accessed disk again (after an abend freed the heap) */
void cms_disk_remount_all(void);
/* the DMSACC message for a failed access, and its return code */
void cms_access_msg(int acc, u16 cuu, char mode);
int cms_access_rc(int acc);

#endif
